/* Small owned-memory helpers shared by every room of the tree. */
#ifndef NW_UTIL_H
#define NW_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

/* A growable NUL-terminated byte string. Zero-initialise it; the owner
 * calls buf_free(). Appends abort() on allocation failure, as the pipeline
 * has no way to continue without memory. */
struct buf {
	char *p;
	size_t len;
	size_t cap;
};

/* Makes room for extra more bytes and the NUL after them: b->p[b->len]
 * up to b->p[b->len + extra] may then be written directly. */
void buf_reserve(struct buf *b, size_t extra);
void buf_append(struct buf *b, const char *s, size_t n);
void buf_puts(struct buf *b, const char *s);

/* Appends the byte c; inline, as writers that go a byte at a time call it
 * for every byte. */
static inline void
buf_putc(struct buf *b, char c)
{
	if (b->len + 1 < b->cap) {
		b->p[b->len++] = c;
		b->p[b->len] = '\0';
		return;
	}
	buf_append(b, &c, 1);
}

void buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Hands the string to the caller (never NULL) and resets the buffer. */
char *buf_take(struct buf *b);
void buf_free(struct buf *b);

/* A list of owned strings. Zero-initialise; strlist_free() frees all. */
struct strlist {
	char **v;
	size_t n;
	size_t cap;
};

void strlist_push(struct strlist *l, const char *s);
void strlist_push_owned(struct strlist *l, char *s);
bool strlist_contains(const struct strlist *l, const char *s);
void strlist_free(struct strlist *l);

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t m);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* cmocka's fail() macro would shadow this function in test files that
 * include cmocka.h first; tests use assert_*() instead. */
#ifdef fail
#undef fail
#endif

/* snprintf into an error buffer of errlen bytes; returns -1 so that
 * callers can write `return fail(err, errlen, "...")`. */
int fail(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* A reader that stops at its size: get(ctx, p, n) fills p with the next
 * n bytes (0, else -1); bounded_read() refuses to read past `left`
 * bytes and, once a read failed, every read after it (-1). For snapshots
 * read back from a file whose counts cannot be trusted. */
struct bounded_in {
	int (*get)(void *ctx, void *p, size_t n);
	void *ctx;
	unsigned long long left;
	int bad;
};

int bounded_read(struct bounded_in *in, void *p, size_t n);

/* Outside input as a number: s, a whole decimal number (an optional sign,
 * digits, nothing after them), into *out when it lies in min..max.
 * Returns 0, or -1 with "'S' is not a number" or "N is out of range
 * MIN..MAX" in err: a number past what a long long holds is out of range,
 * never taken saturated (strtoll's ERANGE). */
int parse_number(const char *s, long long min, long long max,
    long long *out, char *err, size_t errlen);

/* Words of s[0..n), as runs of bytes between spaces (' ' alone). */
size_t words_in(const char *s, size_t n);

/* The clock id (CLOCK_MONOTONIC, CLOCK_THREAD_CPUTIME_ID, ...) in
 * seconds, for durations and rates. */
double clock_seconds(clockid_t id);

#endif
