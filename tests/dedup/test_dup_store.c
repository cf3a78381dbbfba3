/* The store side of duplicates: fingerprints recorded in a transaction
 * come back after a reopen, oldest first and from a given time on, rebuild
 * an index that finds the same article again; a layout-2 store gains the
 * table on open. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sqlite3.h>

#include "enrich/dup.h"
#include "store.h"
#include "util.h"
/* after util.h, whose fail() cmocka's macro would otherwise hide */
#include <cmocka.h>

#define ID_A "nw1-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define ID_B "nw1-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"

static char err[512];

static int
setup(void **state)
{
	char *dir = strdup("/tmp/nw-dupstore-XXXXXX");

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

static struct store *
open_store(const char *dir)
{
	struct store *s = store_open(dir, false, err, sizeof(err));

	if (s == NULL)
		fail_msg("store_open: %s", err);
	return s;
}

struct seen {
	struct dup_index *idx;
	char ids[4][64];
	int64_t t[4];
	int packed[4];
	int n;
};

/* Rows come back packed (layout 4 on), or as text (written before). */
static void
collect(void *ctx, const struct store_row *r)
{
	struct seen *s = ctx;

	if (s->n < 4) {
		snprintf(s->ids[s->n], sizeof(s->ids[0]), "%s", r->key);
		s->t[s->n] = r->t;
		s->packed[s->n] = r->packed != NULL;
	}
	s->n++;
	if (r->packed != NULL) {
		assert_string_equal(r->text, "");
		assert_int_equal(dup_index_add_packed(s->idx, r->key,
		    r->packed, r->len, r->t), 0);
	} else {
		assert_int_equal(dup_index_add(s->idx, r->key, r->text, r->t),
		    0);
	}
}

static const char body[] =
    "The regional council approved the new budget for schools and roads "
    "on Thursday after a debate that lasted most of the night, with the "
    "opposition arguing that the plan left rural districts behind while "
    "the governing coalition said the spending was the largest in a "
    "decade and would be reviewed in the spring when tax receipts for "
    "the year are known and the auditors have reported on the accounts "
    "of the previous administration, which left a deficit.";
static const char other[] =
    "A storm brought down power lines across the coast overnight, and "
    "engineers worked through the morning to restore electricity to "
    "thousands of homes, while the weather service warned of more wind "
    "and heavy rain on Saturday and asked drivers to avoid the mountain "
    "passes until the snow ploughs had cleared them of fallen trees and "
    "the police had reopened the bridge that was closed after a truck "
    "overturned near the harbour in the early hours of the day.";

static void
test_roundtrip(void **state)
{
	const char *dir = *state;
	char *pa = dup_print_text(body), *pb = dup_print_text(other);
	struct buf copy = { 0 };
	char *pc;
	struct store *s = open_store(dir);
	struct seen seen = { 0 };
	const char *id;
	/* recent: the store forgets prints older than a month on open */
	const int64_t t0 = (int64_t)time(NULL) - 3000;

	assert_int_equal(store_begin(s, err, sizeof(err)), 0);
	assert_int_equal(store_dup_add(s, ID_B, t0 + 1000, pb, err,
	    sizeof(err)), 0);
	assert_int_equal(store_dup_add(s, ID_A, t0, pa, err, sizeof(err)),
	    0);
	/* and one from two months ago, pruned on the next open */
	assert_int_equal(store_dup_add(s, ID_B "0", t0 - 60 * 86400, pb, err,
	    sizeof(err)), 0);
	assert_int_equal(store_commit(s, err, sizeof(err)), 0);
	store_close(s);

	s = open_store(dir);
	seen.idx = dup_index_new(0);
	/* from the beginning of time: the old one is gone */
	assert_int_equal(store_dups(s, 0, collect, &seen, err, sizeof(err)),
	    0);
	assert_int_equal(seen.n, 2);
	assert_string_equal(seen.ids[0], ID_A);
	assert_int_equal(seen.t[0], t0);
	assert_string_equal(seen.ids[1], ID_B);
	assert_true(seen.packed[0] && seen.packed[1]);
	buf_printf(&copy, "Home | News | Sport\n\n%s\n\nShare this article "
	    "on social media. Most read today.", body);
	pc = dup_print_text(copy.p);
	id = dup_index_query(seen.idx, pc, t0 + 2000, NULL);
	assert_non_null(id);
	assert_string_equal(id, ID_A);
	dup_index_free(seen.idx);

	/* from a time on */
	memset(&seen, 0, sizeof(seen));
	seen.idx = dup_index_new(0);
	assert_int_equal(store_dups(s, t0 + 500, collect, &seen, err,
	    sizeof(err)), 0);
	assert_int_equal(seen.n, 1);
	assert_string_equal(seen.ids[0], ID_B);
	dup_index_free(seen.idx);
	store_close(s);
	buf_free(&copy);
	free(pa);
	free(pb);
	free(pc);
}

/* A store of layout 2 (before dup_prints) opens and gains the table. */
static void
test_upgrade(void **state)
{
	const char *dir = *state;
	char path[512];
	sqlite3 *db;
	sqlite3_stmt *st;
	struct store *s = open_store(dir);
	struct seen seen = { 0 };
	char *pa = dup_print_text(body);

	store_close(s);
	snprintf(path, sizeof(path), "%s/newswire.db", dir);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "DROP TABLE dup_prints;"
	    "PRAGMA user_version = 2;", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);

	s = open_store(dir);
	assert_int_equal(store_begin(s, err, sizeof(err)), 0);
	assert_int_equal(store_dup_add(s, ID_A, (int64_t)time(NULL), pa, err,
	    sizeof(err)), 0);
	assert_int_equal(store_commit(s, err, sizeof(err)), 0);
	seen.idx = dup_index_new(0);
	assert_int_equal(store_dups(s, 0, collect, &seen, err, sizeof(err)),
	    0);
	assert_int_equal(seen.n, 1);
	dup_index_free(seen.idx);
	store_close(s);

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA user_version", -1,
	    &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 4);
	sqlite3_finalize(st);
	sqlite3_close(db);
	free(pa);
}

/* A store of layout 3 (text prints only) opens, gains the packed
 * column, and its text rows load beside the packed ones, into an index
 * that finds either. */
static void
test_upgrade_text_rows(void **state)
{
	const char *dir = *state;
	char path[512], *sql;
	sqlite3 *db;
	struct store *s = open_store(dir);
	struct seen seen = { 0 };
	char *pa = dup_print_text(body), *pb = dup_print_text(other);
	const int64_t t0 = (int64_t)time(NULL) - 3000;
	const char *id;

	store_close(s);
	snprintf(path, sizeof(path), "%s/newswire.db", dir);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	sql = sqlite3_mprintf("DROP TABLE dup_prints;"
	    "CREATE TABLE dup_prints (id TEXT PRIMARY KEY, t INTEGER NOT NULL,"
	    " print TEXT NOT NULL);"
	    "CREATE INDEX dup_prints_t ON dup_prints(t);"
	    "DROP TABLE stories;"
	    "CREATE TABLE stories (id TEXT PRIMARY KEY, story_id TEXT NOT NULL,"
	    " t INTEGER NOT NULL, signature TEXT NOT NULL);"
	    "INSERT INTO dup_prints VALUES (%Q, %lld, %Q);"
	    "PRAGMA user_version = 3;", ID_A, (long long)t0, pa);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_free(sql);
	sqlite3_close(db);

	s = open_store(dir);
	assert_int_equal(store_begin(s, err, sizeof(err)), 0);
	assert_int_equal(store_dup_add(s, ID_B, t0 + 1, pb, err,
	    sizeof(err)), 0);
	assert_int_equal(store_commit(s, err, sizeof(err)), 0);
	seen.idx = dup_index_new(0);
	assert_int_equal(store_dups(s, 0, collect, &seen, err, sizeof(err)),
	    0);
	assert_int_equal(seen.n, 2);
	assert_string_equal(seen.ids[0], ID_A);
	assert_false(seen.packed[0]);
	assert_string_equal(seen.ids[1], ID_B);
	assert_true(seen.packed[1]);
	id = dup_index_query(seen.idx, pa, t0 + 10, NULL);
	assert_non_null(id);
	assert_string_equal(id, ID_A);
	id = dup_index_query(seen.idx, pb, t0 + 10, NULL);
	assert_non_null(id);
	assert_string_equal(id, ID_B);
	dup_index_free(seen.idx);
	store_close(s);
	free(pa);
	free(pb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_roundtrip, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_upgrade, setup, teardown),
		cmocka_unit_test_setup_teardown(test_upgrade_text_rows, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
