/* metrics: items counted by topic, label escaping, the fetch histogram's
 * cumulative buckets, and the status line, on a real store and pool. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <event2/event.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "daemon.h"
#include "metrics.h"
#include "store.h"
#include "workers.h"

struct fixture {
	char dir[64];
	struct daemon d;
	struct metrics *m;
};

static void
noop(void *job, void *arg)
{
	(void)job;
	(void)arg;
}

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	char err[256];

	snprintf(f->dir, sizeof(f->dir), "/tmp/nw-metrics-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	config_defaults(&f->d.cfg);
	f->d.base = event_base_new();
	f->d.store = store_open(f->dir, false, err, sizeof(err));
	assert_non_null(f->d.store);
	f->d.workers = workers_new(1, 4, noop, NULL, err, sizeof(err));
	assert_non_null(f->d.workers);
	f->m = metrics_new(&f->d);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;
	char cmd[128];

	metrics_free(f->m);
	workers_free(f->d.workers);
	store_close(f->d.store);
	event_base_free(f->d.base);
	config_free(&f->d.cfg);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", f->dir);
	assert_int_equal(system(cmd), 0);
	free(f);
	return 0;
}

static void
has(const char *text, const char *line)
{
	const char *hit = strstr(text, line);

	if (hit == NULL)
		print_error("missing line: %s", line);
	assert_non_null(hit);
}

static void
test_items_by_topic(void **state)
{
	struct fixture *f = *state;
	char *t;

	metrics_event(f->m, "article.new.inbox");
	metrics_event(f->m, "article.new.inbox");
	metrics_event(f->m, "article.duplicate.inbox");
	metrics_event(f->m, "article.updated.wire.en");
	metrics_event(f->m, "source.error.feed \"x\"\\");
	metrics_event(f->m, "heartbeat");
	metrics_event(f->m, "article.bogus.inbox");
	metrics_event(f->m, "article.new");
	assert_int_equal(metrics_processed(f->m), 4);
	assert_int_equal(metrics_failed(f->m), 1);
	t = metrics_text(f->m);
	has(t, "# TYPE newswire_items_total counter\n");
	has(t, "newswire_items_total{source=\"inbox\",outcome=\"new\"} 2\n");
	has(t, "newswire_items_total{source=\"inbox\",outcome=\"duplicate\"}"
	    " 1\n");
	has(t, "newswire_items_total{source=\"inbox\",outcome=\"failed\"} 0\n");
	has(t, "newswire_items_total{source=\"wire.en\",outcome=\"updated\"}"
	    " 1\n");
	has(t, "newswire_items_total{source=\"feed \\\"x\\\"\\\\\","
	    "outcome=\"failed\"} 1\n");
	has(t, "newswire_last_seq 0\n");
	has(t, "newswire_journal_events 0\n");
	has(t, "newswire_queue_capacity 64\n");
	has(t, "newswire_up 1\n");
	assert_null(strstr(t, "bogus"));
	assert_null(strstr(t, "newswire_fetch_duration_seconds_bucket"));
	free(t);
}

static void
test_fetch_histogram(void **state)
{
	struct fixture *f = *state;
	char *t;

	metrics_fetch_observe(f->m, "wire", 0.07);
	metrics_fetch_observe(f->m, "wire", 0.3);
	metrics_fetch_observe(f->m, "wire", 0.5);
	metrics_fetch_observe(f->m, "wire", 100);
	t = metrics_text(f->m);
	has(t, "# TYPE newswire_fetch_duration_seconds histogram\n");
	has(t, "newswire_fetch_duration_seconds_bucket{source=\"wire\","
	    "le=\"0.05\"} 0\n");
	has(t, "newswire_fetch_duration_seconds_bucket{source=\"wire\","
	    "le=\"0.1\"} 1\n");
	has(t, "newswire_fetch_duration_seconds_bucket{source=\"wire\","
	    "le=\"0.25\"} 1\n");
	has(t, "newswire_fetch_duration_seconds_bucket{source=\"wire\","
	    "le=\"0.5\"} 3\n");
	has(t, "newswire_fetch_duration_seconds_bucket{source=\"wire\","
	    "le=\"60\"} 3\n");
	has(t, "newswire_fetch_duration_seconds_bucket{source=\"wire\","
	    "le=\"+Inf\"} 4\n");
	has(t, "newswire_fetch_duration_seconds_count{source=\"wire\"} 4\n");
	has(t, "newswire_fetch_duration_seconds_sum{source=\"wire\"} "
	    "100.870000\n");
	/* a source with fetches but no items yet still lists its items */
	has(t, "newswire_items_total{source=\"wire\",outcome=\"new\"} 0\n");
	free(t);
}

static void
test_status_line(void **state)
{
	struct fixture *f = *state;
	char line[256];

	metrics_event(f->m, "article.new.inbox");
	metrics_event(f->m, "source.error.inbox");
	metrics_status(f->m, line, sizeof(line));
	assert_string_equal(line, "1 processed, 1 failed, queue 0/64, "
	    "last seq 0");
	f->d.stopping = true;
	{
		char *t = metrics_text(f->m);

		has(t, "newswire_up 0\n");
		free(t);
	}
}

static void
test_listen_errors(void **state)
{
	struct fixture *f = *state;
	char err[256];

	assert_int_equal(metrics_listen(f->m, "", err, sizeof(err)), 0);
	assert_int_equal(metrics_port(f->m), 0);
	assert_int_equal(metrics_listen(f->m, "localhost", err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "not HOST:PORT"));
	assert_int_equal(metrics_listen(f->m, "127.0.0.1:99999", err,
	    sizeof(err)), -1);
	assert_int_equal(metrics_listen(f->m, "127.0.0.1:0", err,
	    sizeof(err)), 0);
	assert_true(metrics_port(f->m) > 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_items_by_topic, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_fetch_histogram, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_status_line, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_listen_errors, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
