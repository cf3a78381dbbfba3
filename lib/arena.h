/* A bump allocator: items of any size cut in turn from blocks that never
 * move, all freed at once by arena_free(). An arena has one owner (one
 * parse, one pipeline call) and lives no longer than it: whatever points
 * into it goes with it. Items are aligned as malloc()'s are; an
 * allocation that fails aborts, as xmalloc() does. */
#ifndef NW_ARENA_H
#define NW_ARENA_H

#include <stddef.h>

struct arena_blk;

struct arena {
	struct arena_blk *blk;  /* the newest block: items are cut from it */
	size_t used;            /* bytes cut from it */
	size_t cap;             /* bytes it holds */
};

/* n bytes, uninitialised. */
void *arena_take(struct arena *a, size_t n);
/* n bytes, zeroed. */
void *arena_zero(struct arena *a, size_t n);
/* n bytes, zeroed, at a multiple of align (a power of two) when the
 * newest block has room for the padding; otherwise as arena_zero(). */
void *arena_zero_aligned(struct arena *a, size_t n, size_t align);
/* s[0..n) and a NUL. */
char *arena_strndup(struct arena *a, const char *s, size_t n);
/* Frees every item; the arena is empty again. */
void arena_free(struct arena *a);

#endif
