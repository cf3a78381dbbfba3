#include "arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* A block's bytes: under glibc's threshold for mmap() (128 KiB), so that
 * a block freed and taken again is the heap's, not a system call and
 * fresh pages each time. */
#define ARENA_BLOCK ((size_t)64 << 10)

struct arena_blk {
	struct arena_blk *next;
	max_align_t v[];
};

#define ARENA_ALIGN (alignof(max_align_t))

/* A block of its own for an item over a quarter of a block, put behind
 * the newest, which items are still cut from. */
static void *
arena_big(struct arena *a, size_t n)
{
	struct arena_blk *b = xmalloc(sizeof(*b) + n);

	if (a->blk == NULL) {
		b->next = NULL;
		a->blk = b;
		a->used = a->cap = 0;
	} else {
		b->next = a->blk->next;
		a->blk->next = b;
	}
	return b->v;
}

void *
arena_take(struct arena *a, size_t n)
{
	void *p;

	/* a size no block could hold is a caller's bug: fail as xmalloc() */
	if (n > SIZE_MAX / 2)
		abort();
	n = (n + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1);
	if (n > ARENA_BLOCK / 4)
		return arena_big(a, n);
	if (a->blk == NULL || a->cap - a->used < n) {
		struct arena_blk *b = xmalloc(ARENA_BLOCK);

		b->next = a->blk;
		a->blk = b;
		a->used = 0;
		a->cap = ARENA_BLOCK - sizeof(*b);
	}
	p = (unsigned char *)a->blk->v + a->used;
	a->used += n;
	return p;
}

void *
arena_zero(struct arena *a, size_t n)
{
	return memset(arena_take(a, n), 0, n);
}

void *
arena_zero_aligned(struct arena *a, size_t n, size_t align)
{
	/* cut here as arena_take() would, after the padding */
	if (a->blk != NULL && n <= ARENA_BLOCK / 4) {
		unsigned char *base = (unsigned char *)a->blk->v;
		size_t at = a->used +
		    (size_t)(-(uintptr_t)(base + a->used) & (align - 1));
		size_t m = (n + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1);

		if (at <= a->cap && m <= a->cap - at) {
			a->used = at + m;
			return memset(base + at, 0, n);
		}
	}
	return arena_zero(a, n);
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_take(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void
arena_free(struct arena *a)
{
	while (a->blk != NULL) {
		struct arena_blk *next = a->blk->next;

		free(a->blk);
		a->blk = next;
	}
	a->used = a->cap = 0;
}
