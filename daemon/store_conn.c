#include "store_conn.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

enum {
	SC_BOUNDS,
	SC_ROWS,
	SC_AGE_CUT,
	SC_PRUNE,
	SC_COUNT
};

static const char *const conn_sql[SC_COUNT] = {
	[SC_BOUNDS] =
	    /* min and max apart: each a look-up at one end of the key,
	     * where together they scan the journal (a second on the loop
	     * at a million events) */
	    "SELECT coalesce((SELECT min(seq) FROM journal), 0), "
	    "coalesce((SELECT max(seq) FROM journal), 0), "
	    "coalesce((SELECT CAST(value AS INTEGER) FROM meta "
	    "WHERE key = 'last_seq'), 0)",
	[SC_ROWS] =
	    "SELECT seq, topic, event FROM journal WHERE seq >= ?1 AND "
	    "seq <= ?2 ORDER BY seq LIMIT ?3",
	[SC_AGE_CUT] =
	    "SELECT coalesce((SELECT min(seq) - 1 FROM (SELECT seq, ts "
	    "FROM journal ORDER BY seq LIMIT ?2) WHERE ts >= ?1), "
	    "(SELECT max(seq) FROM (SELECT seq FROM journal ORDER BY seq "
	    "LIMIT ?2)), 0)",
	[SC_PRUNE] =
	    "DELETE FROM journal WHERE seq <= ?1",
};

struct store_conn {
	sqlite3 *db;
	sqlite3_stmt *st[SC_COUNT];
};

static int
conn_fail(struct store_conn *c, char *err, size_t errlen)
{
	return fail(err, errlen, "%s", sqlite3_errmsg(c->db));
}

struct store_conn *
store_conn_open(const char *dir, bool write, int busy_ms, char *err,
    size_t errlen)
{
	struct store_conn *c = xcalloc(1, sizeof(*c));
	struct buf path = { 0 };

	buf_printf(&path, "%s/newswire.db", dir);
	if (sqlite3_open_v2(path.p, &c->db, (write ? SQLITE_OPEN_READWRITE :
	    SQLITE_OPEN_READONLY) | SQLITE_OPEN_NOMUTEX, NULL) !=
	    SQLITE_OK) {
		fail(err, errlen, "cannot open %s: %s", path.p,
		    c->db ? sqlite3_errmsg(c->db) : "out of memory");
		goto err;
	}
	sqlite3_busy_timeout(c->db, busy_ms);
	if (write && sqlite3_exec(c->db, "PRAGMA synchronous = NORMAL;",
	    NULL, NULL, NULL) != SQLITE_OK) {
		conn_fail(c, err, errlen);
		goto err;
	}
	for (int i = 0; i < SC_COUNT; i++)
		if (sqlite3_prepare_v3(c->db, conn_sql[i], -1,
		    SQLITE_PREPARE_PERSISTENT, &c->st[i], NULL) != SQLITE_OK) {
			conn_fail(c, err, errlen);
			goto err;
		}
	buf_free(&path);
	return c;
err:
	buf_free(&path);
	store_conn_close(c);
	return NULL;
}

void
store_conn_close(struct store_conn *c)
{
	if (c == NULL)
		return;
	for (int i = 0; i < SC_COUNT; i++)
		sqlite3_finalize(c->st[i]);
	sqlite3_close(c->db);
	free(c);
}

int
store_conn_bounds(struct store_conn *c, int64_t *first, int64_t *last,
    int64_t *last_seq, char *err, size_t errlen)
{
	sqlite3_stmt *st = c->st[SC_BOUNDS];
	int rc = sqlite3_step(st);

	*first = *last = 0;
	if (last_seq != NULL)
		*last_seq = 0;
	if (rc == SQLITE_ROW) {
		*first = sqlite3_column_int64(st, 0);
		*last = sqlite3_column_int64(st, 1);
		if (last_seq != NULL) {
			*last_seq = sqlite3_column_int64(st, 2);
			if (*last > *last_seq)
				*last_seq = *last;
		}
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : conn_fail(c, err, errlen);
}

int
store_conn_rows(struct store_conn *c, int64_t from, int64_t to, int limit,
    int (*fn)(void *ctx, int64_t seq, const char *topic, const char *event,
    size_t len), void *ctx, int *n, char *err, size_t errlen)
{
	sqlite3_stmt *st = c->st[SC_ROWS];
	int step, stop = 0;

	*n = 0;
	sqlite3_bind_int64(st, 1, from);
	sqlite3_bind_int64(st, 2, to);
	sqlite3_bind_int(st, 3, limit);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		const char *topic = (const char *)sqlite3_column_text(st, 1);
		const char *ev = (const char *)sqlite3_column_text(st, 2);
		int len = sqlite3_column_bytes(st, 2);

		(*n)++;
		stop = fn(ctx, sqlite3_column_int64(st, 0),
		    topic != NULL ? topic : "", ev != NULL ? ev : "",
		    (size_t)len);
		if (stop != 0)
			break;
	}
	if (stop == 0 && step != SQLITE_DONE)
		conn_fail(c, err, errlen);
	sqlite3_reset(st);
	if (stop != 0)
		return stop;
	return step == SQLITE_DONE ? 0 : -1;
}

int
store_conn_age_cut(struct store_conn *c, int64_t before, int max,
    int64_t *cut, char *err, size_t errlen)
{
	sqlite3_stmt *st = c->st[SC_AGE_CUT];
	int rc;

	sqlite3_bind_int64(st, 1, before);
	sqlite3_bind_int(st, 2, max);
	rc = sqlite3_step(st);
	*cut = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : conn_fail(c, err, errlen);
}

int
store_conn_errcode(struct store_conn *c)
{
	return sqlite3_extended_errcode(c->db);
}

int
store_conn_prune(struct store_conn *c, int64_t upto, char *err,
    size_t errlen)
{
	sqlite3_stmt *st = c->st[SC_PRUNE];
	int rc;

	sqlite3_bind_int64(st, 1, upto);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return conn_fail(c, err, errlen);
	return sqlite3_changes(c->db);
}

int
store_conn_acked(struct store_conn *c, const char *output, int64_t *seq,
    char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc;

	*seq = -1;
	/* prepared each time: the table comes with the output (store_acks.c),
	 * after this connection opened */
	rc = sqlite3_prepare_v2(c->db, "SELECT seq FROM output_acks WHERE "
	    "output = ?1", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return strstr(sqlite3_errmsg(c->db), "no such table") != NULL ?
		    0 : conn_fail(c, err, errlen);
	sqlite3_bind_text(st, 1, output, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*seq = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 :
	    conn_fail(c, err, errlen);
}
