/* The story index's dump and undump (the daemon's snapshot of its
 * window, issue 18): an index read back assigns the stories the original
 * assigns; a dump cut short is refused; one with bytes changed is read
 * safely (the daemon's checksum is what refuses it). And the allocator
 * hook of its rings (struct story_alloc): every ring comes from it and
 * goes back to it, and the stories are those of the default. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "enrich/story.h"
#include "memdump.h"

#define SNAP_N 3000
#define SNAP_T0 1700000000LL

/* A word of letters only, unique to (i, j). */
static void
snap_word(struct buf *b, size_t i, size_t j)
{
	static const char al[] = "bcdfghjklmnpqrtvwxz";
	uint64_t x = (uint64_t)i * 64 + j;

	buf_printf(b, "%squ", b->len ? " " : "");
	for (int k = 0; k < 6; k++) {
		buf_printf(b, "%c", al[x % 19]);
		x /= 19;
	}
}

/* Article i: the words of its story (one story for five articles), one
 * of its own, and words every article holds; two minutes apart, so the
 * first ones have left the 72-hour window by the end. */
static struct nw_article *
snap_article(size_t i)
{
	struct nw_article *a = article_new();
	struct buf b = { 0 };
	char url[64];

	for (size_t j = 0; j < 4; j++)
		snap_word(&b, i / 5, j);
	a->title = buf_take(&b);
	for (size_t j = 4; j < 9; j++)
		snap_word(&b, i / 5, j);
	snap_word(&b, 100000 + i, 0);
	buf_printf(&b, " parliament minister government");
	a->body = buf_take(&b);
	snprintf(url, sizeof(url), "https://example.com/%zu", i);
	a->url = xstrdup(url);
	a->published.set = true;
	a->published.utc = SNAP_T0 + 120 * (int64_t)i;
	return a;
}

/* Article i assigned to x and, as a copy, to y (both published at t
 * unless t is 0): the same story id from both. */
static void
same_story(struct story_index *x, struct story_index *y, size_t i,
    int64_t t)
{
	struct nw_article *a = snap_article(i), *b = snap_article(i);

	if (t != 0)
		a->published.utc = b->published.utc = t;
	story_assign(x, a, 0);
	story_assign(y, b, 0);
	assert_string_equal(a->story_id, b->story_id);
	article_free(a);
	article_free(b);
}

/* memdump_refusals()'s read and free of a story index */
static void *
story_undump(struct memdump *m, size_t len)
{
	return story_index_undump(memdump_get, m, len);
}

static void
story_drop(void *idx)
{
	story_index_free(idx);
}

static void
test_story_dump(void **state)
{
	struct story_index *idx = story_index_new(0), *back;
	struct memdump m = { 0 };

	(void)state;
	for (size_t i = 0; i < SNAP_N; i++) {
		struct nw_article *a = snap_article(i);

		story_assign(idx, a, 0);
		article_free(a);
	}
	assert_int_equal(story_index_dump(idx, memdump_put, &m), 0);
	back = story_index_undump(memdump_get, &m, m.b.len);
	assert_non_null(back);
	assert_int_equal(story_index_size(back), story_index_size(idx));
	/* new reports of recent stories, of stories gone from the window,
	 * and of new ones: the same story ids from both */
	for (size_t k = 0; k < 60; k++) {
		size_t i = k < 20 ? SNAP_N - 1 - 13 * k : k < 40 ? 7 * k :
		    SNAP_N + 50 * k;

		same_story(idx, back, i,
		    SNAP_T0 + 120 * (int64_t)(SNAP_N + k));
	}
	story_index_free(back);
	assert_int_equal(memdump_refusals(&m, story_undump, story_drop, 300),
	    0);
	buf_free(&m.b);
	story_index_free(idx);
}

/* An allocator that counts what it gave and what came back. */
struct counted {
	size_t calls, live;
};

static void *
counted_alloc(size_t n, size_t size, void *arg)
{
	struct counted *c = arg;

	c->calls++;
	c->live++;
	return xcalloc(n, size);
}

static void
counted_release(void *p, void *arg)
{
	struct counted *c = arg;

	if (p == NULL)
		return;
	assert_true(c->live > 0);
	c->live--;
	free(p);
}

static void
test_story_alloc(void **state)
{
	struct counted c1 = { 0 }, c2 = { 0 };
	struct story_alloc a1 = { counted_alloc, counted_release, &c1 };
	struct story_alloc a2 = { counted_alloc, counted_release, &c2 };
	struct story_index *plain = story_index_new(0);
	struct story_index *hooked = story_index_new_with(0, &a1), *back;
	struct memdump m = { 0 };

	(void)state;
	/* the rings grow from 64 entries to thousands and shrink as the
	 * first leave the window: each ring through the hook */
	for (size_t i = 0; i < SNAP_N; i++)
		same_story(plain, hooked, i, 0);
	assert_true(c1.calls > 2);
	assert_int_equal(c1.live, 2);
	assert_int_equal(story_index_dump(hooked, memdump_put, &m), 0);
	back = story_index_undump_with(memdump_get, &m, m.b.len, &a2);
	assert_non_null(back);
	assert_int_equal(c2.live, 2);
	for (size_t k = 0; k < 20; k++)
		same_story(plain, back, SNAP_N - 1 - 13 * k,
		    SNAP_T0 + 120 * (int64_t)(SNAP_N + k));
	story_index_free(back);
	story_index_free(hooked);
	story_index_free(plain);
	assert_int_equal(c1.live, 0);
	assert_int_equal(c2.live, 0);
	buf_free(&m.b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_story_dump),
		cmocka_unit_test(test_story_alloc),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
