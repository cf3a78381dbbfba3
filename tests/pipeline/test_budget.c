/* pipeline_run() under a budget (nw_input.budget): none, or one with time
 * left, changes nothing; a halt or a deadline gone by ends the run with
 * no article and a reason that says which. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "budget.h"
#include "enrich/enrich.h"
#include "pipeline.h"

static const char page[] =
    "<!DOCTYPE html><html><head><title>Council votes on the bridge"
    "</title></head><body><article><h1>Council votes on the bridge</h1>"
    "<p>The city council voted on Tuesday to repair the old river bridge "
    "before the winter, after a report found its supports worn.</p>"
    "<p>Work starts next month and is to last until the spring, the "
    "council said in a statement after the vote.</p></article></body>"
    "</html>";

static struct nw_article *
run(const struct budget *b, char *err, size_t errlen)
{
	struct nw_input in = {
		.data = (const unsigned char *)page,
		.len = sizeof(page) - 1,
		.name = "page.html",
		.now = 2000000000,
		.budget = b,
	};

	err[0] = '\0';
	return pipeline_run(&in, err, errlen);
}

static void
test_budget(void **state)
{
	atomic_bool halt = false;
	struct budget b = { .halt = &halt };
	struct nw_article *a;
	char err[256];

	(void)state;
	a = run(NULL, err, sizeof(err));
	assert_non_null(a);
	article_free(a);
	b.deadline_ms = budget_now_ms() + 60000;
	a = run(&b, err, sizeof(err));
	assert_non_null(a);
	article_free(a);
	atomic_store(&halt, true);
	assert_null(run(&b, err, sizeof(err)));
	assert_non_null(strstr(err, "stopped before"));
	atomic_store(&halt, false);
	b.deadline_ms = budget_now_ms() - 1;
	assert_null(run(&b, err, sizeof(err)));
	assert_non_null(strstr(err, "over its time budget"));
}

/* Enrichment asks the budget between its steps: a big page spends most
 * of its time there, after the last of the pipeline's own checks, so a
 * budget spent or a halt stops it before its next step, with what the
 * steps before it set; with time left it does them all. */
static void
test_enrich_within(void **state)
{
	atomic_bool halt = false;
	struct budget b = { .halt = &halt };
	struct nw_article *a = article_new();
	const char *step = NULL;

	(void)state;
	article_set(&a->title, "Council votes on the bridge");
	article_set(&a->body, "Mayor Anna Schmidt of Berlin said the city "
	    "council voted on Tuesday to repair the old river bridge.");
	b.deadline_ms = budget_now_ms() - 1;
	assert_int_equal(enrich_article_within(a, &b, &step), BUDGET_SPENT);
	assert_string_equal(step, "the entities");
	assert_int_equal(a->people.n + a->places.n, 0);
	assert_false(a->has_simhash);
	b.deadline_ms = 0;
	atomic_store(&halt, true);
	step = NULL;
	assert_int_equal(enrich_article_within(a, &b, &step), BUDGET_HALTED);
	assert_string_equal(step, "the entities");
	atomic_store(&halt, false);
	b.deadline_ms = budget_now_ms() + 60000;
	step = NULL;
	assert_int_equal(enrich_article_within(a, &b, &step), BUDGET_LEFT);
	assert_null(step);
	assert_true(a->has_simhash);
	assert_true(a->people.n + a->places.n > 0);
	article_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_budget),
		cmocka_unit_test(test_enrich_within),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
