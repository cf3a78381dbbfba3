/* Unit tests of feed_parse_budget() (fetchers/feed/feed.h): a budget
 * spent or halted before or during the parse gives no feed and says why,
 * in RSS, Atom and JSON Feed alike; a budget left, or none, gives the
 * same feed as feed_parse(); a document is cut short in much less time
 * than its whole parse takes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libxml/parser.h>

#include "budget.h"
#include "feed/feed.h"
#include "util.h"

/* n entries of one of the formats. */
static char *
doc(const char *format, size_t n)
{
	struct buf b = { 0 };

	if (strcmp(format, "rss") == 0) {
		buf_puts(&b, "<rss version=\"2.0\"><channel><title>T</title>");
		for (size_t i = 0; i < n; i++)
			buf_printf(&b, "<item><guid>g%zu</guid></item>", i);
		buf_puts(&b, "</channel></rss>");
	} else if (strcmp(format, "atom") == 0) {
		buf_puts(&b, "<feed xmlns=\"http://www.w3.org/2005/Atom\">"
		    "<title>T</title>");
		for (size_t i = 0; i < n; i++)
			buf_printf(&b, "<entry><id>g%zu</id></entry>", i);
		buf_puts(&b, "</feed>");
	} else {
		buf_puts(&b, "{\"version\": \"https://jsonfeed.org/version/1.1"
		    "\", \"title\": \"T\", \"items\": [");
		for (size_t i = 0; i < n; i++)
			buf_printf(&b, "%s{\"id\": \"g%zu\"}", i ? "," : "",
			    i);
		buf_puts(&b, "]}");
	}
	return buf_take(&b);
}

static const char *const formats[] = { "rss", "atom", "json" };

static void
test_left(void **state)
{
	atomic_bool halt = false;
	struct budget b = { &halt, budget_now_ms() + 600000 };
	char err[256] = "";

	(void)state;
	for (size_t k = 0; k < 3; k++) {
		char *s = doc(formats[k], 1000);
		struct feed *f = feed_parse_budget(s, strlen(s), NULL, &b, err,
		    sizeof(err));
		struct feed *g = feed_parse_budget(s, strlen(s), NULL, NULL,
		    err, sizeof(err));

		assert_non_null(f);
		assert_non_null(g);
		assert_int_equal(f->n_items, 1000);
		assert_int_equal(g->n_items, 1000);
		assert_string_equal(f->items[999].guid, "g999");
		feed_free(f);
		feed_free(g);
		free(s);
	}
}

static void
test_halted(void **state)
{
	atomic_bool halt = true;
	struct budget b = { &halt, 0 };

	(void)state;
	for (size_t k = 0; k < 3; k++) {
		char *s = doc(formats[k], 1000);
		char err[256] = "";
		struct feed *f = feed_parse_budget(s, strlen(s), NULL, &b, err,
		    sizeof(err));

		assert_null(f);
		assert_non_null(strstr(err, "stopped"));
		assert_int_equal(budget_left(&b), BUDGET_HALTED);
		free(s);
	}
}

static void
test_spent(void **state)
{
	struct budget b = { NULL, budget_now_ms() - 1 };

	(void)state;
	for (size_t k = 0; k < 3; k++) {
		char *s = doc(formats[k], 1000);
		char err[256] = "";
		struct feed *f = feed_parse_budget(s, strlen(s), NULL, &b, err,
		    sizeof(err));

		assert_null(f);
		assert_non_null(strstr(err, "time budget"));
		assert_int_equal(budget_left(&b), BUDGET_SPENT);
		free(s);
	}
}

/* 300,000 RSS entries: the whole parse is timed, then a budget of a
 * tenth of it must end the parse well before the whole would. */
static void
test_cut_short(void **state)
{
	char *s = doc("rss", 300000);
	char err[256] = "";
	int64_t t0 = budget_now_ms(), whole, cut;
	struct feed *f = feed_parse_budget(s, strlen(s), NULL, NULL, err,
	    sizeof(err));
	struct budget b;

	(void)state;
	whole = budget_now_ms() - t0;
	assert_non_null(f);
	assert_int_equal(f->n_items, 300000);
	feed_free(f);
	b = (struct budget){ NULL, budget_now_ms() + whole / 10 + 1 };
	t0 = budget_now_ms();
	f = feed_parse_budget(s, strlen(s), NULL, &b, err, sizeof(err));
	cut = budget_now_ms() - t0;
	print_message("whole parse %lld ms, cut after %lld ms\n",
	    (long long)whole, (long long)cut);
	assert_null(f);
	assert_true(cut < whole / 2 + 50);
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_left),
		cmocka_unit_test(test_halted),
		cmocka_unit_test(test_spent),
		cmocka_unit_test(test_cut_short),
	};
	int r;

	xmlInitParser();
	r = cmocka_run_group_tests(tests, NULL, NULL);
	xmlCleanupParser();
	return r;
}
