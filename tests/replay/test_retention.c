/* Journal retention: by count, by age, in batches of a bounded size, a
 * prefix only (what is kept is one unbroken range), the sequence goes
 * on after the journal is emptied and the store reopened, and with
 * [output.nats] nothing the stream has not acknowledged goes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "config.h"
#include "log.h"
#include "retention.h"
#include "store.h"
#include "store_acks.h"

static char err[512];

static int
setup(void **state)
{
	char *dir = strdup("/tmp/nw-retention-XXXXXX");

	if (dir == NULL || mkdtemp(dir) == NULL)
		return -1;
	*state = dir;
	return 0;
}

static int
teardown(void **state)
{
	char cmd[256];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", (char *)*state);
	free(*state);
	return system(cmd) == 0 ? 0 : -1;
}

/* Journals n events, the i-th (from 0) at time t0 + i. */
static void
fill(struct store *s, int n, int64_t t0)
{
	assert_int_equal(store_begin(s, err, sizeof(err)), 0);
	for (int i = 0; i < n; i++) {
		int64_t seq = store_next_seq(s);

		assert_int_equal(store_journal(s, seq, "article.new.t", "{}",
		    t0 + i, err, sizeof(err)), 0);
	}
	assert_int_equal(store_commit(s, err, sizeof(err)), 0);
}

/* The journal's oldest and newest seq and its row count. */
static void
bounds(const char *dir, int64_t *first, int64_t *last, int64_t *n)
{
	char path[256];
	sqlite3 *db;
	sqlite3_stmt *st;

	snprintf(path, sizeof(path), "%s/newswire.db", dir);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT coalesce(min(seq), "
	    "0), coalesce(max(seq), 0), count(*) FROM journal", -1, &st,
	    NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	*first = sqlite3_column_int64(st, 0);
	*last = sqlite3_column_int64(st, 1);
	*n = sqlite3_column_int64(st, 2);
	sqlite3_finalize(st);
	sqlite3_close(db);
}

static void
test_count_in_batches(void **state)
{
	const char *dir = *state;
	struct config c = { 0 };
	struct store *s = store_open(dir, false, err, sizeof(err));
	struct retention *t;
	int64_t first, last, n;

	assert_non_null(s);
	fill(s, 1000, 1000);
	config_defaults(&c);
	c.keep_seconds = 0;
	c.keep_events = 100;
	t = retention_open(NULL, dir, &c, NULL, err, sizeof(err));
	assert_non_null(t);
	/* 900 are due; 300 go per batch */
	assert_int_equal(retention_run(t, 5000, 300, err, sizeof(err)), 300);
	bounds(dir, &first, &last, &n);
	assert_int_equal(first, 301);
	assert_int_equal(last, 1000);
	assert_int_equal(n, 700);
	assert_int_equal(retention_run(t, 5000, 300, err, sizeof(err)), 300);
	assert_int_equal(retention_run(t, 5000, 300, err, sizeof(err)), 300);
	assert_int_equal(retention_run(t, 5000, 300, err, sizeof(err)), 0);
	bounds(dir, &first, &last, &n);
	assert_int_equal(first, 901);
	assert_int_equal(n, 100);
	/* no limits: nothing goes */
	c.keep_events = 0;
	assert_int_equal(retention_run(t, 5000, 300, err, sizeof(err)), 0);
	retention_free(t);
	store_close(s);
	config_free(&c);
}

static void
test_age_prefix(void **state)
{
	const char *dir = *state;
	struct config c = { 0 };
	struct store *s = store_open(dir, false, err, sizeof(err));
	struct retention *t;
	int64_t first, last, n;

	assert_non_null(s);
	fill(s, 10, 1000);          /* seqs 1..10 at 1000..1009 */
	fill(s, 1, 500);            /* seq 11, older than the rest */
	fill(s, 5, 2000);           /* seqs 12..16 at 2000..2004 */
	config_defaults(&c);
	c.keep_events = 0;
	c.keep_seconds = 100;
	t = retention_open(NULL, dir, &c, NULL, err, sizeof(err));
	assert_non_null(t);
	/* at 1105, the rows before 1005 are old: seqs 1..5, and 11, which
	 * cannot go before 6..10 do */
	assert_int_equal(retention_run(t, 1105, 4, err, sizeof(err)), 4);
	assert_int_equal(retention_run(t, 1105, 500, err, sizeof(err)), 1);
	bounds(dir, &first, &last, &n);
	assert_int_equal(first, 6);
	assert_int_equal(n, 11);
	/* at 1200, everything to 11 is old: a prefix, 11 included */
	assert_int_equal(retention_run(t, 1200, 500, err, sizeof(err)), 6);
	bounds(dir, &first, &last, &n);
	assert_int_equal(first, 12);
	assert_int_equal(n, 5);
	/* all old: the journal empties, the sequence goes on */
	assert_int_equal(retention_run(t, 9000, 500, err, sizeof(err)), 5);
	bounds(dir, &first, &last, &n);
	assert_int_equal(n, 0);
	retention_free(t);
	store_close(s);
	s = store_open(dir, false, err, sizeof(err));
	assert_non_null(s);
	assert_int_equal(store_last_seq(s), 16);
	assert_int_equal(store_next_seq(s), 17);
	store_close(s);
	config_free(&c);
}

static void
test_nats_hold(void **state)
{
	const char *dir = *state;
	struct config c = { 0 };
	struct log lg = { .level = LOG_ERROR };
	struct store *s = store_open(dir, false, err, sizeof(err));
	struct retention *t;
	int64_t first, last, n;

	assert_non_null(s);
	fill(s, 10, 1000);
	config_defaults(&c);
	c.keep_seconds = 0;
	c.keep_events = 2;
	free(c.nats_servers);
	c.nats_servers = strdup("nats://127.0.0.1:4222");
	t = retention_open(NULL, dir, &c, &lg, err, sizeof(err));
	assert_non_null(t);
	/* nothing acknowledged (no row yet): 8 due, all held */
	assert_int_equal(retention_run(t, 5000, 300, err, sizeof(err)), 0);
	assert_int_equal(retention_held(t), 8);
	/* up to 4 acknowledged (the table made as the output makes it):
	 * 1..4 go, 5..8 are held */
	assert_int_equal(store_acked_get(s, "nats", &n, err, sizeof(err)), 0);
	assert_int_equal(store_acked_set(s, "nats", 4, err, sizeof(err)), 0);
	assert_int_equal(retention_run(t, 5000, 300, err, sizeof(err)), 4);
	assert_int_equal(retention_held(t), 4);
	bounds(dir, &first, &last, &n);
	assert_int_equal(first, 5);
	assert_int_equal(n, 6);
	/* all acknowledged: the limit alone */
	assert_int_equal(store_acked_set(s, "nats", 10, err, sizeof(err)),
	    0);
	assert_int_equal(retention_run(t, 5000, 300, err, sizeof(err)), 4);
	assert_int_equal(retention_held(t), 0);
	bounds(dir, &first, &last, &n);
	assert_int_equal(first, 9);
	assert_int_equal(n, 2);
	/* without [output.nats], the acknowledgements do not count */
	fill(s, 4, 1000);
	c.nats_servers[0] = '\0';
	assert_int_equal(retention_run(t, 5000, 300, err, sizeof(err)), 4);
	retention_free(t);
	store_close(s);
	config_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_count_in_batches, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_age_prefix, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_nats_hold, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
