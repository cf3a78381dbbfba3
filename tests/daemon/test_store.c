/* The store: new, duplicate and updated items, the journal's sequence
 * across a reopen, inbox files recorded with their event (and in an
 * older version's files table), rollback; the journal's size; the feed
 * sources' tables (feeds_store.h); the connections of their own of
 * replay and retention (store_conn.h); and what an unusable state
 * folder is reported as. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "enrich/story.h"

#include <cmocka.h>
#include <sqlite3.h>

#include "feeds_store.h"
#include "store.h"
#include "store_conn.h"
#include "store_files.h"

#define HASH_A "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" \
	"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define HASH_B "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb" \
	"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
#define ID_1 "nw1-11111111111111111111111111111111"
#define ID_2 "nw1-22222222222222222222222222222222"

static char err[512];

static int
setup(void **state)
{
	char *dir = strdup("/tmp/nw-store-XXXXXX");

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

static int64_t
now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_REALTIME, &t);
	return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

static struct store *
open_store(const char *dir)
{
	struct store *s = store_open(dir, false, err, sizeof(err));

	if (s == NULL)
		fail_msg("store_open: %s", err);
	return s;
}

/* Classifies and journals one article event in its own transaction;
 * returns the verdict and the seq used. */
static int64_t
add(struct store *s, const char *id, const char *hash,
    struct store_verdict *v)
{
	int64_t seq;

	assert_int_equal(store_begin(s, err, sizeof(err)), 0);
	assert_int_equal(store_classify(s, id, hash, 1000, v, err,
	    sizeof(err)), 0);
	seq = store_next_seq(s);
	assert_int_equal(store_journal(s, seq, "article.new.inbox", "{}",
	    1000, err, sizeof(err)), 0);
	assert_int_equal(store_commit(s, err, sizeof(err)), 0);
	return seq;
}

static void
test_new_duplicate_updated(void **state)
{
	struct store *s = open_store(*state);
	struct store_verdict v;

	assert_int_equal(add(s, ID_1, HASH_A, &v), 1);
	assert_int_equal(v.kind, STORE_NEW);
	assert_int_equal(v.version, 1);

	/* the same content under the same id */
	assert_int_equal(add(s, ID_1, HASH_A, &v), 2);
	assert_int_equal(v.kind, STORE_DUPLICATE);
	assert_string_equal(v.duplicate_of, ID_1);
	assert_int_equal(v.version, 1);

	/* the same content under another id: a copy of the first */
	add(s, ID_2, HASH_A, &v);
	assert_int_equal(v.kind, STORE_DUPLICATE);
	assert_string_equal(v.duplicate_of, ID_1);

	/* changed content under the first id */
	add(s, ID_1, HASH_B, &v);
	assert_int_equal(v.kind, STORE_UPDATED);
	assert_int_equal(v.version, 2);
	add(s, ID_1, HASH_A, &v);
	assert_int_equal(v.kind, STORE_UPDATED);
	assert_int_equal(v.version, 3);
	store_close(s);
}

static void
test_seq_and_origin_survive_reopen(void **state)
{
	struct store *s = open_store(*state);
	struct store_verdict v;
	char origin[64];
	int64_t epoch;
	char *ev, *topic = NULL;

	add(s, ID_1, HASH_A, &v);
	add(s, ID_2, HASH_B, &v);
	assert_int_equal(store_last_seq(s), 2);
	snprintf(origin, sizeof(origin), "%s", store_origin_id(s));
	epoch = store_origin_epoch(s);
	assert_true(strlen(origin) > 4);
	store_close(s);

	s = open_store(*state);
	assert_int_equal(store_last_seq(s), 2);
	assert_string_equal(store_origin_id(s), origin);
	assert_int_equal(store_origin_epoch(s), epoch);
	assert_int_equal(add(s, ID_1, HASH_A, &v), 3);
	assert_int_equal(v.kind, STORE_DUPLICATE);
	ev = store_event(s, 3, &topic);
	assert_non_null(ev);
	assert_string_equal(ev, "{}");
	assert_string_equal(topic, "article.new.inbox");
	free(ev);
	free(topic);
	assert_null(store_event(s, 4, NULL));
	store_close(s);
}

static void
test_rollback_gives_seq_back(void **state)
{
	struct store *s = open_store(*state);
	struct store_verdict v;

	add(s, ID_1, HASH_A, &v);
	assert_int_equal(store_begin(s, err, sizeof(err)), 0);
	assert_int_equal(store_classify(s, ID_2, HASH_B, 1, &v, err,
	    sizeof(err)), 0);
	assert_int_equal(store_next_seq(s), 2);
	store_rollback(s);
	assert_int_equal(store_last_seq(s), 1);
	/* the rolled-back item was never seen */
	assert_int_equal(add(s, ID_2, HASH_B, &v), 2);
	assert_int_equal(v.kind, STORE_NEW);
	store_close(s);
}

static void
test_files_recorded_with_event(void **state)
{
	struct store *s = open_store(*state);
	struct store_file f = {
		.name = "a.txt", .dev = 1, .ino = 42, .size = 10,
		.mtime_ns = 123456789, .raw_hash = HASH_A,
	};
	struct store_file other = f;
	char why[128];
	int64_t seq = 0, ts;
	int64_t before = now_ns();

	assert_int_equal(store_file_lookup(s, &f, &seq, why, sizeof(why), err,
	    sizeof(err)), 0);
	assert_int_equal(store_begin(s, err, sizeof(err)), 0);
	assert_int_equal(store_file_done(s, &f, store_next_seq(s), NULL,
	    err, sizeof(err)), 0);
	other.name = "b.bin";
	assert_int_equal(store_file_done(s, &other, store_next_seq(s),
	    "binary", err, sizeof(err)), 0);
	assert_int_equal(store_commit(s, err, sizeof(err)), 0);
	store_close(s);

	s = open_store(*state);
	assert_int_equal(store_file_lookup(s, &f, &seq, why, sizeof(why), err,
	    sizeof(err)), 1);
	assert_string_equal(why, "");
	assert_int_equal(seq, 1);
	assert_int_equal(store_file_lookup(s, &other, &seq, why, sizeof(why),
	    err, sizeof(err)), 1);
	assert_string_equal(why, "binary");
	assert_int_equal(seq, 2);
	/* when it was recorded, in nanoseconds: what tells a file moved
	 * back by hand, within the second too */
	ts = 0;
	assert_int_equal(store_file_lookup_at(s, &f, &seq, &ts, why,
	    sizeof(why), err, sizeof(err)), 1);
	assert_int_equal(seq, 1);
	assert_true(ts >= before && ts <= now_ns());
	assert_true(ts % 1000000000 != 999999999);
	/* another file under the same name is not the recorded one */
	f.mtime_ns++;
	assert_int_equal(store_file_lookup(s, &f, &seq, why, sizeof(why), err,
	    sizeof(err)), 0);
	store_close(s);
}

/* A file whose ctime as read after its claim is known: that ctime, not
 * the clock's now, is the time a put-back is told by (a file moved out
 * and back within a tick of its commit has a later one where the kernel
 * stamps finely, yet not one later than the clock read at the commit);
 * the row's ts, for its month, is the clock's. */
static void
test_files_time_of_the_file(void **state)
{
	struct store *s = open_store(*state);
	struct store_file f = {
		.name = "c.txt", .dev = 1, .ino = 44, .size = 10,
		.mtime_ns = 123456789, .raw_hash = HASH_A,
	};
	int64_t seq = 0, ts = 0, before = now_ns() / 1000000000, secs;
	char path[512], why[128];
	sqlite3_stmt *st;
	sqlite3 *db;

	f.ctime_ns = now_ns() - 3000000;        /* 3 ms before the commit */
	assert_int_equal(store_begin(s, err, sizeof(err)), 0);
	assert_int_equal(store_file_done(s, &f, store_next_seq(s), NULL,
	    err, sizeof(err)), 0);
	assert_int_equal(store_commit(s, err, sizeof(err)), 0);
	assert_int_equal(store_file_lookup_at(s, &f, &seq, &ts, why,
	    sizeof(why), err, sizeof(err)), 1);
	assert_true(ts == f.ctime_ns);
	store_close(s);

	snprintf(path, sizeof(path), "%s/newswire.db", (char *)*state);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT ts FROM files WHERE "
	    "ino = 44", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	secs = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	assert_true(secs >= before && secs <= now_ns() / 1000000000);
}

/* A file as offered, its bytes not read (store_file_before()): a row of
 * its name, inode, size and mtime recorded before the ctime asked
 * about, whatever its raw_hash, says put back; one recorded at that
 * ctime (a kill's leftover) or after, or of another size, does not. */
static void
test_files_before(void **state)
{
	struct store *s = open_store(*state);
	struct store_file f = {
		.name = "d.txt", .dev = 1, .ino = 45, .size = 10,
		.mtime_ns = 123456789, .raw_hash = HASH_A,
		.ctime_ns = 1700000000123456789,
	};
	struct store_file q = f;

	assert_int_equal(store_file_before(s, &f, err, sizeof(err)), 0);
	assert_int_equal(store_begin(s, err, sizeof(err)), 0);
	assert_int_equal(store_file_done(s, &f, store_next_seq(s), NULL,
	    err, sizeof(err)), 0);
	assert_int_equal(store_commit(s, err, sizeof(err)), 0);
	q.raw_hash = NULL;
	assert_int_equal(store_file_before(s, &q, err, sizeof(err)), 0);
	q.ctime_ns = f.ctime_ns - 1;
	assert_int_equal(store_file_before(s, &q, err, sizeof(err)), 0);
	q.ctime_ns = f.ctime_ns + 1;
	assert_int_equal(store_file_before(s, &q, err, sizeof(err)), 1);
	q.size = 11;
	assert_int_equal(store_file_before(s, &q, err, sizeof(err)), 0);
	store_close(s);
}

/* A store whose files table an older version made (no ts_ns column,
 * its rows' time in seconds) opens and gains the column; its rows are
 * taken as recorded at the last nanosecond of their second (a file is
 * told put back by a ctime in a later second, as that version did);
 * rows written since have their nanoseconds, and a row an older
 * version writes into the new table (ts_ns NULL) reads as an old one. */
static void
test_files_time_upgrade(void **state)
{
	const char *dir = *state;
	struct store *s = open_store(dir);
	struct store_file f = {
		.name = "old.txt", .dev = 1, .ino = 42, .size = 10,
		.mtime_ns = 123456789, .raw_hash = HASH_A,
	};
	struct store_file g = f;
	char path[512], why[128], *sql;
	int64_t seq = 0, ts = 0, before, gseq;
	const int64_t old = (int64_t)time(NULL) - 100;
	sqlite3 *db;

	store_close(s);
	snprintf(path, sizeof(path), "%s/newswire.db", dir);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	sql = sqlite3_mprintf("DROP TABLE files;"
	    "CREATE TABLE files (name TEXT NOT NULL, dev INTEGER NOT NULL,"
	    " ino INTEGER NOT NULL, size INTEGER NOT NULL,"
	    " mtime_ns INTEGER NOT NULL, raw_hash TEXT NOT NULL,"
	    " seq INTEGER NOT NULL, error TEXT, ts INTEGER NOT NULL,"
	    " PRIMARY KEY (name, dev, ino, size, mtime_ns, raw_hash));"
	    "INSERT INTO files VALUES ('old.txt', 1, 42, 10, 123456789, %Q,"
	    " 7, NULL, %lld);", HASH_A, (long long)old);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_free(sql);
	sqlite3_close(db);

	s = open_store(dir);
	assert_int_equal(store_file_lookup_at(s, &f, &seq, &ts, why,
	    sizeof(why), err, sizeof(err)), 1);
	assert_int_equal(seq, 7);
	assert_true(ts == old * 1000000000 + 999999999);
	g.name = "new.txt";
	before = now_ns();
	assert_int_equal(store_begin(s, err, sizeof(err)), 0);
	gseq = store_next_seq(s);
	assert_int_equal(store_file_done(s, &g, gseq, NULL, err,
	    sizeof(err)), 0);
	assert_int_equal(store_commit(s, err, sizeof(err)), 0);
	store_close(s);

	/* an older version's row in the new table */
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	sql = sqlite3_mprintf("UPDATE files SET ts = %lld, ts_ns = NULL "
	    "WHERE name = 'old.txt';", (long long)old + 1);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_free(sql);
	sqlite3_close(db);
	s = open_store(dir);
	assert_int_equal(store_file_lookup_at(s, &f, &seq, &ts, why,
	    sizeof(why), err, sizeof(err)), 1);
	assert_true(ts == (old + 1) * 1000000000 + 999999999);
	assert_int_equal(store_file_lookup_at(s, &g, &seq, &ts, why,
	    sizeof(why), err, sizeof(err)), 1);
	assert_int_equal(seq, gseq);
	assert_true(ts >= before && ts <= now_ns());
	store_close(s);
}

/* sqlite3_exec()'s callback: counts the rows into *arg. */
static int
count_row(void *arg, int n, char **v, char **names)
{
	(void)n;
	(void)v;
	(void)names;
	(*(int *)arg)++;
	return 0;
}

/* Odd rows of an older version's files table (its time NULL, text, a
 * real, at either end of 64 bits, so that ts * 1e9 overflows into a
 * real): the store opens, gains ts_ns, and reads each row, not
 * wrapped: those far ahead of the clock as made at the open
 * (test_files_time_ahead); those of long ago (before the
 * epoch) go at the open, as every row older than a month does, and so
 * do those whose time is no number (NULL, text), never otherwise old.
 * A ts_ns that is not an integer (text, a real) is read as absent:
 * the end of ts's second, not 0 (a file offered again would be judged
 * put back) nor INT64_MAX. */
static void
test_files_time_odd_rows(void **state)
{
	static const struct {
		const char *ts;
		int found;
		int64_t want;
	} odd[] = {
		{ "NULL", 0, 1 },
		{ "'abc'", 0, 1 },
		{ "1.5e300", 1, -1 },
		{ "9223372036854775807", 1, -1 },
		{ "-9223372036854775808", 0, 1 },
		{ "-1", 0, 1 },
	};
	const char *dir = *state;
	struct store *s = open_store(dir);
	struct store_file f = {
		.name = "odd.txt", .dev = 1, .ino = 42, .size = 10,
		.mtime_ns = 123456789, .raw_hash = HASH_A,
	};
	static const char *const odd_ns[] = { "'abc'", "1.5e300" };
	char path[512], why[128], *sql;
	int64_t seq, ts, now = (int64_t)time(NULL);
	sqlite3 *db;
	int rows = 0;

	store_close(s);
	snprintf(path, sizeof(path), "%s/newswire.db", dir);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "DROP TABLE files;"
	    "CREATE TABLE files (name TEXT NOT NULL, dev INTEGER NOT NULL,"
	    " ino INTEGER NOT NULL, size INTEGER NOT NULL,"
	    " mtime_ns INTEGER NOT NULL, raw_hash TEXT NOT NULL,"
	    " seq INTEGER NOT NULL, error TEXT, ts INTEGER,"
	    " PRIMARY KEY (name, dev, ino, size, mtime_ns, raw_hash));",
	    NULL, NULL, NULL), SQLITE_OK);
	for (size_t i = 0; i < sizeof(odd) / sizeof(odd[0]); i++) {
		sql = sqlite3_mprintf("INSERT INTO files VALUES ('odd.txt', 1,"
		    " 42, 10, %d, %Q, %d, NULL, %s);", 123456789 + (int)i,
		    HASH_A, (int)i + 1, odd[i].ts);
		assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL),
		    SQLITE_OK);
		sqlite3_free(sql);
	}
	sqlite3_close(db);

	s = open_store(dir);
	for (size_t i = 0; i < sizeof(odd) / sizeof(odd[0]); i++) {
		f.mtime_ns = 123456789 + (int64_t)i;
		seq = 0;
		ts = 1;
		assert_int_equal(store_file_lookup_at(s, &f, &seq, &ts, why,
		    sizeof(why), err, sizeof(err)), odd[i].found);
		assert_int_equal(seq, odd[i].found ? (int64_t)i + 1 : 0);
		if (odd[i].want >= 0)
			assert_true(ts == odd[i].want);
		else    /* far ahead: made at the open (its second's end) */
			assert_true(ts >= now * 1000000000 + 999999999 &&
			    ts <= (int64_t)time(NULL) * 1000000000 +
			    999999999);
	}
	store_close(s);

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	for (size_t i = 0; i < sizeof(odd_ns) / sizeof(odd_ns[0]); i++) {
		sql = sqlite3_mprintf("INSERT INTO files VALUES ('odd.txt', 1,"
		    " 42, 10, %d, %Q, %d, NULL, %lld, %s);", 1000 + (int)i,
		    HASH_A, 100 + (int)i, (long long)now, odd_ns[i]);
		assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL),
		    SQLITE_OK);
		sqlite3_free(sql);
	}
	sqlite3_close(db);
	s = open_store(dir);
	for (size_t i = 0; i < sizeof(odd_ns) / sizeof(odd_ns[0]); i++) {
		f.mtime_ns = 1000 + (int64_t)i;
		ts = 1;
		assert_int_equal(store_file_lookup_at(s, &f, &seq, &ts, why,
		    sizeof(why), err, sizeof(err)), 1);
		assert_int_equal(seq, 100 + (int64_t)i);
		assert_true(ts == now * 1000000000 + 999999999);
	}
	store_close(s);

	/* a waiting move's record whose ts is text goes at open too */
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "INSERT INTO files_sent VALUES "
	    "('sent.txt', 1, 43, 10, 1, 'h', 'abc');", NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(db);
	store_close(open_store(dir));
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "SELECT 1 FROM files_sent WHERE "
	    "name = 'sent.txt';", count_row, &rows, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(rows, 0);
}

/* The ts (seconds) of a files or files_sent row, -1 if it is gone. */
static int64_t
row_ts(sqlite3 *db, const char *table, int64_t ino)
{
	sqlite3_stmt *st;
	char *sql = sqlite3_mprintf("SELECT ts FROM %s WHERE ino = %lld",
	    table, (long long)ino);
	int64_t ts = -1;

	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL),
	    SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		ts = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_free(sql);
	return ts;
}

/* Rows of files and files_sent whose time is far ahead of the clock (a
 * clock that ran ahead when they were written, a hand-edited store):
 * before, never a month old, they stayed for ever. At the open their ts
 * is now, so that they go a month later; a row ahead by less than a
 * day keeps its time (a hardware clock kept in local time), and ts_ns,
 * what a put-back is judged by, is kept. */
static void
test_files_time_ahead(void **state)
{
	static const struct {
		int64_t ino;
		const char *ahead;      /* seconds, or a real */
		bool moved;             /* taken as made at the open */
	} rows[] = {
		{ 1, "2 * 86400", true },
		{ 2, "3600", false },
		{ 3, "1.5e300", true },
	};
	const char *dir = *state;
	const char *table[] = { "files", "files_sent" };
	struct store_file f = {
		.name = "ahead.txt", .dev = 1, .size = 10,
		.mtime_ns = 123456789, .raw_hash = HASH_A,
	};
	int64_t seq, ts, now = (int64_t)time(NULL), later, tsi;
	char path[512], why[128], *sql;
	sqlite3 *db;

	store_close(open_store(dir));
	snprintf(path, sizeof(path), "%s/newswire.db", dir);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		sql = sqlite3_mprintf("INSERT INTO files VALUES ('ahead.txt', "
		    "1, %lld, 10, 123456789, %Q, %d, NULL, %lld + %s, "
		    "CASE WHEN %lld + %s < 9e9 THEN CAST((%lld + %s) AS "
		    "INTEGER) * 1000000000 END);"
		    "INSERT INTO files_sent VALUES ('ahead.txt', 1, %lld, 10, "
		    "123456789, %Q, %lld + %s);", (long long)rows[i].ino,
		    HASH_A, (int)i + 1, (long long)now, rows[i].ahead,
		    (long long)now, rows[i].ahead, (long long)now,
		    rows[i].ahead, (long long)rows[i].ino, HASH_A,
		    (long long)now, rows[i].ahead);
		assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL),
		    SQLITE_OK);
		sqlite3_free(sql);
	}
	sqlite3_close(db);

	store_close(open_store(dir));
	later = (int64_t)time(NULL);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	for (size_t t = 0; t < 2; t++)
		for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
			tsi = row_ts(db, table[t], rows[i].ino);
			if (rows[i].moved)
				assert_true(tsi >= now && tsi <= later);
			else
				assert_int_equal(tsi, now + 3600);
		}
	/* a month on (every time moved back so far): the rows made at the
	 * open go, the one an hour ahead stays */
	assert_int_equal(sqlite3_exec(db, "UPDATE files SET ts = ts - "
	    "2592000 - 2; UPDATE files_sent SET ts = ts - 2592000 - 2;",
	    NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);

	/* the lookup (2: the files_sent row): ts_ns kept */
	struct store *s = open_store(dir);
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		f.ino = (uint64_t)rows[i].ino;
		seq = 0;
		ts = 1;
		assert_int_equal(store_file_lookup_at(s, &f, &seq, &ts, why,
		    sizeof(why), err, sizeof(err)), rows[i].moved ? 0 : 2);
		if (!rows[i].moved)
			assert_true(ts == (now + 3600) * 1000000000);
	}
	store_close(s);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		assert_true(row_ts(db, "files_sent", rows[i].ino) ==
		    (rows[i].moved ? -1 : now + 3600 - 2592000 - 2));
	sqlite3_close(db);
}

/* A file whose event went out and whose move failed is recorded so
 * (store_file_sent()), across a reopen: a restart only moves it; once
 * it moved, the record goes. A file not recorded gets none. */
static void
test_files_sent_move_waits(void **state)
{
	struct store *s = open_store(*state);
	struct store_file f = {
		.name = "a.txt", .dev = 1, .ino = 42, .size = 10,
		.mtime_ns = 123456789, .raw_hash = HASH_A,
	};
	struct store_file never = f;
	char why[128];
	int64_t seq = 0;

	never.name = "never.txt";
	assert_int_equal(store_begin(s, err, sizeof(err)), 0);
	assert_int_equal(store_file_done(s, &f, store_next_seq(s), "big",
	    err, sizeof(err)), 0);
	assert_int_equal(store_commit(s, err, sizeof(err)), 0);
	assert_int_equal(store_file_sent(s, &f, true, err, sizeof(err)), 0);
	assert_int_equal(store_file_sent(s, &never, true, err, sizeof(err)),
	    0);
	store_close(s);

	s = open_store(*state);
	assert_int_equal(store_file_lookup(s, &f, &seq, why, sizeof(why), err,
	    sizeof(err)), 2);
	assert_string_equal(why, "big");
	assert_int_equal(seq, 1);
	assert_int_equal(store_file_lookup(s, &never, &seq, why, sizeof(why),
	    err, sizeof(err)), 0);
	/* another file under the same name is not the one sent */
	f.ino++;
	assert_int_equal(store_file_lookup(s, &f, &seq, why, sizeof(why), err,
	    sizeof(err)), 0);
	f.ino--;
	assert_int_equal(store_file_sent(s, &f, false, err, sizeof(err)), 0);
	assert_int_equal(store_file_lookup(s, &f, &seq, why, sizeof(why), err,
	    sizeof(err)), 1);
	store_close(s);
}

/* A file judged put back by hand when offered is marked so
 * (store_file_back()), keyed by its name, inode, size and mtime (its
 * bytes not read), across a reopen, with its ctime then; the mark goes
 * inside a transaction (its commit's), and a rolled-back one keeps it;
 * a row a month old, or whose ts is no number, goes at the open. */
static void
test_files_back_mark(void **state)
{
	const char *dir = *state;
	struct store *s = open_store(dir);
	struct store_file f = {
		.name = "back.txt", .dev = 1, .ino = 42, .size = 10,
		.mtime_ns = 123456789, .ctime_ns = 987654321,
	};
	struct store_file other = f;
	int64_t ctime_ns = 0;
	char path[512];
	sqlite3 *db;

	other.mtime_ns++;
	assert_int_equal(store_file_back_at(s, &f, &ctime_ns, err,
	    sizeof(err)), 0);
	assert_int_equal(store_file_back(s, &f, true, err, sizeof(err)), 0);
	store_close(s);

	s = open_store(dir);
	assert_int_equal(store_file_back_at(s, &f, &ctime_ns, err,
	    sizeof(err)), 1);
	assert_true(ctime_ns == 987654321);
	assert_int_equal(store_file_back_at(s, &other, &ctime_ns, err,
	    sizeof(err)), 0);
	/* dropped in a turn rolled back: kept */
	assert_int_equal(store_begin(s, err, sizeof(err)), 0);
	assert_int_equal(store_file_back(s, &f, false, err, sizeof(err)), 0);
	store_rollback(s);
	assert_int_equal(store_file_back_at(s, &f, &ctime_ns, err,
	    sizeof(err)), 1);
	assert_int_equal(store_begin(s, err, sizeof(err)), 0);
	assert_int_equal(store_file_back(s, &f, false, err, sizeof(err)), 0);
	assert_int_equal(store_commit(s, err, sizeof(err)), 0);
	assert_int_equal(store_file_back_at(s, &f, &ctime_ns, err,
	    sizeof(err)), 0);
	/* old rows go at the open */
	assert_int_equal(store_file_back(s, &f, true, err, sizeof(err)), 0);
	assert_int_equal(store_file_back(s, &other, true, err, sizeof(err)),
	    0);
	store_close(s);
	snprintf(path, sizeof(path), "%s/newswire.db", dir);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "UPDATE files_back SET ts = ts - "
	    "2592000 - 2 WHERE mtime_ns = 123456789; UPDATE files_back SET "
	    "ts = 'x' WHERE mtime_ns = 123456790;", NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(db);
	s = open_store(dir);
	assert_int_equal(store_file_back_at(s, &f, &ctime_ns, err,
	    sizeof(err)), 0);
	assert_int_equal(store_file_back_at(s, &other, &ctime_ns, err,
	    sizeof(err)), 0);
	store_close(s);
}

/* The marks of several files written in one transaction, listed the
 * oldest first, and all or none: a failing write (the store read-only
 * under it) leaves none. */
static void
test_files_back_batch(void **state)
{
	const char *dir = *state;
	struct store *s = open_store(dir);
	struct store_file v[3], *got = NULL;
	int64_t ctime_ns = 0;
	size_t n = 0;

	for (int i = 0; i < 3; i++)
		v[i] = (struct store_file){ .name = i == 0 ? "a.html" :
		    i == 1 ? "b.html" : "c.html", .dev = 1, .ino = 10 + i,
		    .size = 5, .mtime_ns = 1000 + i, .ctime_ns = 2000 + i };
	assert_int_equal(store_file_backs_set(s, v, 3, err, sizeof(err)),
	    0);
	assert_int_equal(store_file_back_at(s, &v[2], &ctime_ns, err,
	    sizeof(err)), 1);
	assert_true(ctime_ns == 2002);
	assert_int_equal(store_file_back(s, &v[1], false, err, sizeof(err)),
	    0);
	assert_int_equal(store_file_backs(s, &got, &n, err, sizeof(err)), 0);
	assert_int_equal(n, 2);
	for (size_t i = 0; i < n; i++) {
		assert_true(strcmp(got[i].name, "b.html") != 0);
		assert_true(got[i].ino == 10 || got[i].ino == 12);
		assert_true(got[i].dev == 1 && got[i].size == 5);
	}
	store_file_backs_free(got, n);
	/* not in a turn: one is open, so the batch's BEGIN fails, and
	 * nothing of it is written */
	assert_int_equal(store_begin(s, err, sizeof(err)), 0);
	assert_int_equal(store_file_backs_set(s, &v[1], 1, err,
	    sizeof(err)), -1);
	store_rollback(s);
	assert_int_equal(store_file_back_at(s, &v[1], &ctime_ns, err,
	    sizeof(err)), 0);
	store_close(s);
}

struct seen_stories {
	int n;
	char last[64];
};

static void
on_story(void *ctx, const struct store_row *r)
{
	struct seen_stories *seen = ctx;
	size_t len;
	void *p = story_signature_pack("p:x", &len);

	assert_true(r->t >= 200);
	/* the signature comes back packed */
	assert_string_equal(r->text, "");
	assert_non_null(r->packed);
	assert_int_equal(r->len, len);
	assert_memory_equal(r->packed, p, len);
	free(p);
	snprintf(seen->last, sizeof(seen->last), "%s", r->key);
	seen->n++;
}

static void
test_stories_survive_reopen(void **state)
{
	struct store *s = open_store(*state);
	struct seen_stories seen = { 0 };
	char story[64];

	assert_int_equal(store_begin(s, err, sizeof(err)), 0);
	assert_int_equal(store_story_add(s, ID_1, "st1-a", 100, "p:x", err,
	    sizeof(err)), 0);
	assert_int_equal(store_story_add(s, ID_2, "st1-b", 300, "p:x", err,
	    sizeof(err)), 0);
	assert_int_equal(store_commit(s, err, sizeof(err)), 0);
	store_close(s);

	s = open_store(*state);
	assert_int_equal(store_story_of(s, ID_1, story, sizeof(story), err,
	    sizeof(err)), 1);
	assert_string_equal(story, "st1-a");
	assert_int_equal(store_story_of(s, "nw1-none", story, sizeof(story),
	    err, sizeof(err)), 0);
	/* only those inside the window */
	assert_int_equal(store_stories(s, 200, on_story, &seen, err,
	    sizeof(err)), 0);
	assert_int_equal(seen.n, 1);
	assert_string_equal(seen.last, "st1-b");
	store_close(s);
}

static void
test_open_fails_clearly(void **state)
{
	(void)state;
	assert_null(store_open("/proc/nonexistent/state", false, err,
	    sizeof(err)));
	assert_non_null(strstr(err, "/proc/nonexistent/state"));
}

/* The state folder is named, with the system's reason, not SQLite's
 * "unable to open database file". */
static void
expect_open_error(const char *dir, const char *what)
{
	assert_null(store_open(dir, false, err, sizeof(err)));
	print_message("%s: %s\n", dir, err);
	assert_non_null(strstr(err, dir));
	assert_non_null(strstr(err, what));
	assert_null(strstr(err, "unable to open database file"));
}

static void
test_unusable_state_folder(void **state)
{
	char path[512], sub[600];
	FILE *fp;

	/* a file where the folder should be */
	snprintf(path, sizeof(path), "%s/plain", (char *)*state);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fclose(fp);
	expect_open_error(path, "not a folder");
	/* the database's name taken by a folder */
	snprintf(path, sizeof(path), "%s/taken", (char *)*state);
	snprintf(sub, sizeof(sub), "%s/newswire.db", path);
	assert_int_equal(mkdir(path, 0750), 0);
	assert_int_equal(mkdir(sub, 0750), 0);
	expect_open_error(path, strerror(EISDIR));
	/* a folder that even root may not write in (EACCES or EPERM) */
	expect_open_error("/proc/self", "cannot write in the state folder");
	/* a folder without write permission (root writes anyway) */
	if (geteuid() != 0) {
		snprintf(path, sizeof(path), "%s/ro", (char *)*state);
		assert_int_equal(mkdir(path, 0500), 0);
		expect_open_error(path, strerror(EACCES));
		chmod(path, 0700);
	}
	/* a folder under a file cannot be made */
	snprintf(path, sizeof(path), "%s/plain/state", (char *)*state);
	expect_open_error(path, strerror(ENOTDIR));
}

static void
test_journal_size(void **state)
{
	struct store *s = open_store(*state);
	struct store_verdict v;
	int64_t first = -1, last = -1, bytes = -1;

	assert_int_equal(store_journal_size(s, &first, &last, &bytes, err,
	    sizeof(err)), 0);
	assert_int_equal(first, 0);
	assert_int_equal(last, 0);
	assert_true(bytes > 0);
	add(s, ID_1, HASH_A, &v);
	add(s, ID_2, HASH_B, &v);
	assert_int_equal(store_journal_size(s, &first, &last, &bytes, err,
	    sizeof(err)), 0);
	assert_int_equal(first, 1);
	assert_int_equal(last, 2);
	assert_true(bytes >= 4096);
	store_close(s);
}

struct seen_pending {
	int n;
	char keys[4][32];
	char items[4][32];
};

static void
on_pending(void *ctx, const char *key, const char *hash, const char *item)
{
	struct seen_pending *p = ctx;

	assert_int_equal(strlen(hash), 64);
	if (p->n < 4) {
		snprintf(p->keys[p->n], sizeof(p->keys[0]), "%s", key);
		snprintf(p->items[p->n], sizeof(p->items[0]), "%s", item);
	}
	p->n++;
}

/* The feed sources' tables: validators and moves per source, entries
 * pending until their event is journalled, across a reopen. */
static void
test_feeds_store(void **state)
{
	struct store *s = open_store(*state);
	struct feeds_store *fs = feeds_store_open(s, err, sizeof(err));
	struct feeds_state st = {
		.url = "http://a.example/feed", .moved_url = NULL,
		.etag = "\"e1\"", .last_modified = "Mon, 01 Jan 2024",
	};
	struct feeds_state got;
	struct seen_pending seen = { 0 };
	char hash[65];

	assert_non_null(fs);
	assert_int_equal(feeds_store_get_state(fs, "a", &got, err,
	    sizeof(err)), 0);
	assert_int_equal(feeds_store_entry_hash(fs, "a", "k1", hash, err,
	    sizeof(err)), 0);
	assert_int_equal(store_begin(s, err, sizeof(err)), 0);
	assert_int_equal(feeds_store_put_state(fs, "a", &st, err,
	    sizeof(err)), 0);
	assert_int_equal(feeds_store_entry_pending(fs, "a", "k1", HASH_A,
	    "{\"n\":1}", 100, err, sizeof(err)), 0);
	assert_int_equal(feeds_store_entry_pending(fs, "a", "k2", HASH_B,
	    "{\"n\":2}", 100, err, sizeof(err)), 0);
	assert_int_equal(feeds_store_entry_pending(fs, "b", "k1", HASH_B,
	    "{\"b\":1}", 100, err, sizeof(err)), 0);
	assert_int_equal(store_commit(s, err, sizeof(err)), 0);
	feeds_store_close(fs);
	store_close(s);

	s = open_store(*state);
	fs = feeds_store_open(s, err, sizeof(err));
	assert_non_null(fs);
	assert_int_equal(feeds_store_get_state(fs, "a", &got, err,
	    sizeof(err)), 1);
	assert_string_equal(got.url, st.url);
	assert_null(got.moved_url);
	assert_string_equal(got.etag, st.etag);
	assert_string_equal(got.last_modified, st.last_modified);
	feeds_state_free(&got);
	assert_int_equal(feeds_store_entry_hash(fs, "a", "k2", hash, err,
	    sizeof(err)), 1);
	assert_string_equal(hash, HASH_B);
	assert_int_equal(feeds_store_pending(fs, "a", on_pending, &seen, err,
	    sizeof(err)), 0);
	assert_int_equal(seen.n, 2);
	assert_string_equal(seen.keys[0], "k1");
	assert_string_equal(seen.items[0], "{\"n\":1}");
	assert_string_equal(seen.keys[1], "k2");
	/* done only under the hash it was pending with */
	assert_int_equal(store_begin(s, err, sizeof(err)), 0);
	assert_int_equal(feeds_store_entry_done(fs, "a", "k1", HASH_A, err,
	    sizeof(err)), 0);
	assert_int_equal(feeds_store_entry_done(fs, "a", "k2", HASH_A, err,
	    sizeof(err)), 0);
	/* a move, then the source's URL changes: validators forgotten */
	st.moved_url = "http://b.example/feed";
	assert_int_equal(feeds_store_put_state(fs, "a", &st, err,
	    sizeof(err)), 0);
	assert_int_equal(feeds_store_forget(fs, "a", err, sizeof(err)), 0);
	assert_int_equal(store_commit(s, err, sizeof(err)), 0);
	memset(&seen, 0, sizeof(seen));
	assert_int_equal(feeds_store_pending(fs, "a", on_pending, &seen, err,
	    sizeof(err)), 0);
	assert_int_equal(seen.n, 1);
	assert_string_equal(seen.keys[0], "k2");
	assert_int_equal(feeds_store_get_state(fs, "a", &got, err,
	    sizeof(err)), 1);
	assert_string_equal(got.url, st.url);
	assert_null(got.moved_url);
	assert_null(got.etag);
	assert_null(got.last_modified);
	feeds_state_free(&got);
	feeds_store_close(fs);
	store_close(s);
}

struct seen_rows {
	int n;
	int64_t seqs[16];
	int stop_after;
};

static int
on_row(void *ctx, int64_t seq, const char *topic, const char *event,
    size_t len)
{
	struct seen_rows *r = ctx;

	assert_string_equal(topic, "article.new.inbox");
	assert_string_equal(event, "{}");
	assert_int_equal(len, 2);
	if (r->n < 16)
		r->seqs[r->n] = seq;
	r->n++;
	return r->n == r->stop_after ? 7 : 0;
}

/* The connections of replay and retention: committed rows only, in
 * order, in chunks; the oldest rows pruned, the last seq kept. */
static void
test_store_conn(void **state)
{
	struct store *s = open_store(*state);
	struct store_conn *rd, *wr;
	struct store_verdict v;
	struct seen_rows seen = { 0 };
	int64_t first, last, last_seq, cut;
	int n;

	for (int i = 0; i < 5; i++) {
		char id[64];

		snprintf(id, sizeof(id), "nw1-%032d", i);
		add(s, id, i % 2 ? HASH_A : HASH_B, &v);
	}
	rd = store_conn_open(*state, false, 100, err, sizeof(err));
	wr = store_conn_open(*state, true, 100, err, sizeof(err));
	assert_non_null(rd);
	assert_non_null(wr);
	/* what the store has not committed is not there */
	assert_int_equal(store_begin(s, err, sizeof(err)), 0);
	assert_int_equal(store_journal(s, store_next_seq(s), "x", "{}", 1,
	    err, sizeof(err)), 0);
	assert_int_equal(store_conn_bounds(rd, &first, &last, &last_seq, err,
	    sizeof(err)), 0);
	assert_int_equal(first, 1);
	assert_int_equal(last, 5);
	assert_int_equal(last_seq, 5);
	store_rollback(s);
	/* a chunk of rows, then the rest; a stop from fn is returned */
	assert_int_equal(store_conn_rows(rd, 2, 5, 2, on_row, &seen, &n, err,
	    sizeof(err)), 0);
	assert_int_equal(n, 2);
	assert_int_equal(seen.seqs[0], 2);
	assert_int_equal(seen.seqs[1], 3);
	assert_int_equal(store_conn_rows(rd, 4, 100, 10, on_row, &seen, &n,
	    err, sizeof(err)), 0);
	assert_int_equal(n, 2);
	assert_int_equal(seen.seqs[3], 5);
	memset(&seen, 0, sizeof(seen));
	seen.stop_after = 2;
	assert_int_equal(store_conn_rows(rd, 1, 5, 10, on_row, &seen, &n, err,
	    sizeof(err)), 7);
	assert_int_equal(n, 2);
	/* all rows were journalled at ts 1000 */
	assert_int_equal(store_conn_age_cut(wr, 1000, 10, &cut, err,
	    sizeof(err)), 0);
	assert_int_equal(cut, 0);
	assert_int_equal(store_conn_age_cut(wr, 1001, 3, &cut, err,
	    sizeof(err)), 0);
	assert_int_equal(cut, 3);
	assert_int_equal(store_conn_prune(wr, 3, err, sizeof(err)), 3);
	assert_int_equal(store_conn_bounds(rd, &first, &last, &last_seq, err,
	    sizeof(err)), 0);
	assert_int_equal(first, 4);
	assert_int_equal(last, 5);
	/* a read-only connection does not write */
	assert_int_equal(store_conn_prune(rd, 5, err, sizeof(err)), -1);
	assert_true(strlen(err) > 0);
	store_close(s);
	/* with every row gone, the last seq is still known */
	assert_int_equal(store_conn_prune(wr, 5, err, sizeof(err)), 2);
	assert_int_equal(store_conn_bounds(rd, &first, &last, &last_seq, err,
	    sizeof(err)), 0);
	assert_int_equal(first, 0);
	assert_int_equal(last, 0);
	assert_int_equal(last_seq, 5);
	store_conn_close(rd);
	store_conn_close(wr);
	assert_null(store_conn_open("/nonexistent/state", false, 100, err,
	    sizeof(err)));
	assert_non_null(strstr(err, "/nonexistent/state/newswire.db"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_new_duplicate_updated,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_seq_and_origin_survive_reopen, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rollback_gives_seq_back,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_files_recorded_with_event, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_files_time_upgrade, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_files_time_odd_rows, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_files_time_of_the_file, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_files_before, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_files_time_ahead, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_files_sent_move_waits, setup, teardown),
		cmocka_unit_test_setup_teardown(test_files_back_mark, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_files_back_batch, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_stories_survive_reopen,
		    setup, teardown),
		cmocka_unit_test(test_open_fails_clearly),
		cmocka_unit_test_setup_teardown(test_unusable_state_folder,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_journal_size, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_feeds_store, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_store_conn, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
