/* The refused claims' table (daemon/ingest_refused.c): found, added,
 * removed and pruned by name, entries that share a probe kept findable
 * across removals, and thousands of refused files looked up at each
 * offer of a rescan within a bounded time (the list searched from the
 * start at each offer took n * n / 2 compares a rescan). */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "ingest_refused.h"
#include "util.h"

#define MANY 20000      /* refused files */
#define RESCANS 20      /* offers of each, one a rescan */
#define MANY_SECONDS 10 /* 20 rescans of 20000: the list took minutes */

static void
name_of(char *buf, size_t len, size_t i)
{
	snprintf(buf, len, "page-%05zu.html", i);
}

static void
test_add_find_remove(void **state)
{
	struct refused_set *s = refused_set_new();
	struct claim_refused *r;

	(void)state;
	assert_null(refused_set_find(s, "a.html"));
	assert_false(refused_set_remove(s, "a.html"));
	r = refused_set_add(s, "a.html");
	assert_string_equal(r->name, "a.html");
	assert_null(r->why);
	r->why = xstrdup("claimed/ refused");
	r->ino = 7;
	r = refused_set_add(s, "a.html");      /* there: the same entry */
	assert_string_equal(r->why, "claimed/ refused");
	assert_int_equal(r->ino, 7);
	assert_int_equal(refused_set_count(s), 1);
	assert_non_null(refused_set_find(s, "a.html"));
	assert_null(refused_set_find(s, "b.html"));
	assert_true(refused_set_remove(s, "a.html"));
	assert_null(refused_set_find(s, "a.html"));
	assert_int_equal(refused_set_count(s), 0);
	refused_set_free(s);
	refused_set_free(NULL);
}

/* Every other name removed: the rest, whose probes ran past the removed
 * ones, still found, with their own entries; the removed ones not. */
static void
test_removals_keep_probes(void **state)
{
	struct refused_set *s = refused_set_new();
	char name[32];

	(void)state;
	for (size_t i = 0; i < 1000; i++) {
		name_of(name, sizeof(name), i);
		refused_set_add(s, name)->ino = i;
	}
	for (size_t i = 0; i < 1000; i += 2) {
		name_of(name, sizeof(name), i);
		assert_true(refused_set_remove(s, name));
	}
	assert_int_equal(refused_set_count(s), 500);
	for (size_t i = 0; i < 1000; i++) {
		struct claim_refused *r;

		name_of(name, sizeof(name), i);
		r = refused_set_find(s, name);
		if (i % 2 == 0) {
			assert_null(r);
			continue;
		}
		assert_non_null(r);
		assert_string_equal(r->name, name);
		assert_int_equal(r->ino, i);
	}
	refused_set_free(s);
}

static bool
keep_odd(const struct claim_refused *r, void *arg)
{
	size_t *calls = arg;

	(*calls)++;
	return r->ino % 2 == 1;
}

static bool
keep_none(const struct claim_refused *r, void *arg)
{
	(void)r;
	(void)arg;
	return false;
}

/* A prune asks once of each entry and keeps those it says, findable. */
static void
test_prune(void **state)
{
	struct refused_set *s = refused_set_new();
	size_t calls = 0;
	char name[32];

	(void)state;
	for (size_t i = 0; i < 300; i++) {
		name_of(name, sizeof(name), i);
		refused_set_add(s, name)->ino = i;
	}
	refused_set_prune(s, keep_odd, &calls);
	assert_int_equal(calls, 300);
	assert_int_equal(refused_set_count(s), 150);
	for (size_t i = 0; i < 300; i++) {
		name_of(name, sizeof(name), i);
		if (i % 2 == 1)
			assert_int_equal(refused_set_find(s, name)->ino, i);
		else
			assert_null(refused_set_find(s, name));
	}
	refused_set_prune(s, keep_none, NULL);
	assert_int_equal(refused_set_count(s), 0);
	assert_null(refused_set_find(s, "page-00001.html"));
	refused_set_add(s, "again.html");       /* usable after */
	assert_non_null(refused_set_find(s, "again.html"));
	refused_set_free(s);
}

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* MANY refused files offered RESCANS times each, as the store's retries
 * rescan an inbox they stay in: bounded in count (the loops) and in
 * time. */
static void
test_many_bounded(void **state)
{
	struct refused_set *s = refused_set_new();
	double t0 = now_s(), took;
	char name[32];

	(void)state;
	for (size_t k = 0; k < RESCANS; k++)
		for (size_t i = 0; i < MANY; i++) {
			struct claim_refused *r;

			name_of(name, sizeof(name), i);
			r = refused_set_add(s, name);
			if (r->why == NULL)
				r->why = xstrdup("claimed/ refused");
		}
	took = now_s() - t0;
	printf("%d offers of %d refused files: %.3f s\n", RESCANS * MANY,
	    MANY, took);
	assert_int_equal(refused_set_count(s), MANY);
	assert_true(took < MANY_SECONDS);
	for (size_t i = 0; i < MANY; i++) {
		name_of(name, sizeof(name), i);
		assert_true(refused_set_remove(s, name));
	}
	assert_int_equal(refused_set_count(s), 0);
	refused_set_free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_add_find_remove),
		cmocka_unit_test(test_removals_keep_probes),
		cmocka_unit_test(test_prune),
		cmocka_unit_test(test_many_bounded),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
