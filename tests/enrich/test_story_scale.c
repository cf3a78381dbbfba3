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

int
main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_story_scale),
	};

	if (argc > 1)
		scale_n = (size_t)strtoul(argv[1], NULL, 10);
	if (scale_n < 8 || scale_n > 700000) {
		fprintf(stderr, "count: 8 to 700000\n");
		return 2;
	}
	return cmocka_run_group_tests(tests, NULL, NULL);
}
