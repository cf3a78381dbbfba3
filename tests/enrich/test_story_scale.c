/* Story index at scale: assigns many synthetic articles, each with its
 * own vocabulary plus a few common words every article holds, checks
 * that they all start distinct stories and that a repeat of an early one
 * joins its story. argv[1], if given, is the article count (default
 * 20000); the time taken is printed, never asserted. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "enrich/story.h"

#define SCALE_WORDS 12      /* own words per article */
#define SCALE_T0 1700000000LL

static size_t scale_n = 20000;

/* A word of letters only (no 's', so no plural folding) unique to
 * (i, j) for i below 19^6 / 64, about 730,000. */
static void
scale_word(struct buf *b, size_t i, size_t j)
{
	static const char al[] = "bcdfghjklmnpqrtvwxz";
	uint64_t x = (uint64_t)i * 64 + j;
	size_t k;

	buf_printf(b, "%s", b->len ? " " : "");
	buf_printf(b, "qu");
	for (k = 0; k < 6; k++) {
		buf_printf(b, "%c", al[x % 19]);
		x /= 19;
	}
}

/* Synthetic article number i: own words, then three common words. */
static struct nw_article *
scale_article(size_t i)
{
	struct nw_article *a = article_new();
	struct buf b = { 0 };
	char url[64];
	size_t j;

	for (j = 0; j < 4; j++)
		scale_word(&b, i, j);
	a->title = buf_take(&b);
	for (j = 4; j < SCALE_WORDS; j++)
		scale_word(&b, i, j);
	buf_printf(&b, " parliament minister government");
	a->body = buf_take(&b);
	snprintf(url, sizeof(url), "https://example.com/%zu", i);
	a->url = xstrdup(url);
	a->published.set = true;
	a->published.utc = SCALE_T0 + (int64_t)i;
	return a;
}

static double
scale_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
scale_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
test_story_scale(void **state)
{
	struct story_index *idx = story_index_new(0);
	struct strlist ids = { 0 };
	struct nw_article *a;
	double t0 = scale_now();
	size_t i;

	(void)state;
	for (i = 0; i < scale_n; i++) {
		a = scale_article(i);
		story_assign(idx, a, 0);
		assert_non_null(a->story_id);
		strlist_push(&ids, a->story_id);
		article_free(a);
	}
	printf("story: %zu synthetic assignments in %.3f s\n", scale_n,
	    scale_now() - t0);
	/* all distinct stories */
	a = scale_article(7);
	story_assign(idx, a, 0);
	assert_string_equal(a->story_id, ids.v[7]);
	article_free(a);
	qsort(ids.v, ids.n, sizeof(*ids.v), scale_cmp);
	for (i = 1; i < ids.n; i++)
		assert_string_not_equal(ids.v[i - 1], ids.v[i]);
	strlist_free(&ids);
	story_index_free(idx);
}

/* Article i of the bounds' test: its own eight words, and "alpha" if i
 * is even, "beta" if a multiple of 3, "gamma" if a multiple of 5 (lists
 * of 300, 200 and 120 of its 600 articles). */
static struct nw_article *
bounds_article(size_t i)
{
	struct nw_article *a = article_new();
	struct buf b = { 0 };
	char url[64];

	for (size_t j = 0; j < 8; j++)
		scale_word(&b, 800000 + i, j);
	if (i % 2 == 0)
		buf_printf(&b, " alpha");
	if (i % 3 == 0)
		buf_printf(&b, " beta");
	if (i % 5 == 0)
		buf_printf(&b, " gamma");
	a->title = buf_take(&b);
	snprintf(url, sizeof(url), "https://example.com/b/%zu", i);
	a->url = xstrdup(url);
	a->published.set = true;
	a->published.utc = SCALE_T0 + (int64_t)i;
	return a;
}

/* The candidates the look-ups read since *last (updated), and into
 * *found those they found. */
static uint64_t
bounds_read(struct story_index *idx, struct story_stats *last,
    uint64_t *found)
{
	struct story_stats st;
	uint64_t n;

	story_index_stats(idx, &st);
	n = st.read - last->read;
	*found = st.cands - last->cands;
	*last = st;
	return n;
}

/* The bounds of a look-up (story_index_set_bounds) are kept: the
 * candidates sharing two rare keys or more with it are all read, of
 * those sharing one only the first found; a repeat still joins its
 * story; story_match() adds nothing. */
static void
test_story_bounds(void **state)
{
	struct story_index *idx = story_index_new(0);
	struct story_stats last = { 0 };
	struct nw_article *a;
	char exact[24], bounded[24];
	uint64_t found;
	size_t n;

	(void)state;
	story_index_set_bounds(idx, 0, 0);
	for (size_t i = 0; i < 600; i++) {
		a = bounds_article(i);
		story_assign(idx, a, 0);
		article_free(a);
	}
	n = story_index_size(idx);
	bounds_read(idx, &last, &found);

	/* a repeat of article 30: exactly, every candidate read (the 440
	 * holders of alpha, beta or gamma); bounded, the 160 holding two
	 * of them or more and one other */
	a = bounds_article(30);
	assert_int_equal(story_match(idx, a, 0, exact), 1);
	assert_int_equal(bounds_read(idx, &last, &found), 440);
	assert_int_equal(found, 440);
	story_index_set_bounds(idx, 1, 1);
	assert_int_equal(story_match(idx, a, 0, bounded), 1);
	assert_int_equal(bounds_read(idx, &last, &found), 161);
	assert_int_equal(found, 440);
	assert_string_equal(exact, bounded);
	assert_int_equal(story_index_size(idx), n);
	article_free(a);

	/* an article of alpha, beta and gamma alone joins the same story
	 * bounded as exactly (the first added of those holding all
	 * three) */
	a = article_new();
	a->title = xstrdup("alpha beta gamma");
	a->published.set = true;
	a->published.utc = SCALE_T0 + 600;
	story_index_set_bounds(idx, 0, 0);
	assert_int_equal(story_match(idx, a, 0, exact), 1);
	assert_int_equal(bounds_read(idx, &last, &found), 440);
	story_index_set_bounds(idx, 1, 4);
	story_assign(idx, a, 0);
	assert_int_equal(bounds_read(idx, &last, &found), 161);
	assert_string_equal(a->story_id, exact);
	assert_int_equal(story_index_size(idx), n + 1);
	article_free(a);
	story_index_free(idx);
}

int
main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_story_scale),
		cmocka_unit_test(test_story_bounds),
	};

	if (argc > 1)
		scale_n = (size_t)strtoul(argv[1], NULL, 10);
	if (scale_n < 8 || scale_n > 700000) {
		fprintf(stderr, "count: 8 to 700000\n");
		return 2;
	}
	return cmocka_run_group_tests(tests, NULL, NULL);
}
