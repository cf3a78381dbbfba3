#include "store_acks.h"

#include "store_int.h"
#include "util.h"

static const char acks_schema[] =
	"CREATE TABLE IF NOT EXISTS output_acks ("
	"  output TEXT PRIMARY KEY, seq INTEGER NOT NULL)";

static int
acks_fail(sqlite3 *db, const char *what, char *err, size_t errlen)
{
	return fail(err, errlen, "store: output acks: %s: %s", what,
	    sqlite3_errmsg(db));
}

int
store_acked_get(struct store *s, const char *output, int64_t *seq,
    char *err, size_t errlen)
{
	sqlite3 *db = store_db(s);
	sqlite3_stmt *st;
	int rc;

	*seq = 0;
	if (sqlite3_exec(db, acks_schema, NULL, NULL, NULL) != SQLITE_OK)
		return acks_fail(db, "create", err, errlen);
	if (sqlite3_prepare_v2(db, "SELECT seq FROM output_acks WHERE "
	    "output = ?1", -1, &st, NULL) != SQLITE_OK)
		return acks_fail(db, "select", err, errlen);
	sqlite3_bind_text(st, 1, output, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*seq = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return acks_fail(db, "select", err, errlen);
	return 0;
}

int
store_acked_set(struct store *s, const char *output, int64_t seq,
    char *err, size_t errlen)
{
	sqlite3 *db = store_db(s);
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db, "INSERT INTO output_acks (output, seq) "
	    "VALUES (?1, ?2) ON CONFLICT (output) DO UPDATE SET seq = ?2 "
	    "WHERE seq < ?2", -1, &st, NULL) != SQLITE_OK)
		return acks_fail(db, "update", err, errlen);
	sqlite3_bind_text(st, 1, output, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, seq);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return acks_fail(db, "update", err, errlen);
	return 0;
}

static const char pos_schema[] =
	"CREATE TABLE IF NOT EXISTS stream_pos ("
	"  name TEXT PRIMARY KEY, seq INTEGER NOT NULL)";

int
store_stream_pos_get(struct store *s, const char *name, int64_t *seq,
    char *err, size_t errlen)
{
	sqlite3 *db = store_db(s);
	sqlite3_stmt *st;
	int rc;

	*seq = 0;
	if (sqlite3_exec(db, pos_schema, NULL, NULL, NULL) != SQLITE_OK)
		return acks_fail(db, "create stream_pos", err, errlen);
	if (sqlite3_prepare_v2(db, "SELECT seq FROM stream_pos WHERE "
	    "name = ?1", -1, &st, NULL) != SQLITE_OK)
		return acks_fail(db, "select stream_pos", err, errlen);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*seq = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return acks_fail(db, "select stream_pos", err, errlen);
	return 0;
}

int
store_stream_pos_set(struct store *s, const char *name, int64_t seq,
    char *err, size_t errlen)
{
	sqlite3 *db = store_db(s);
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO stream_pos "
	    "(name, seq) VALUES (?1, ?2)", -1, &st, NULL) != SQLITE_OK)
		return acks_fail(db, "update stream_pos", err, errlen);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, seq);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return acks_fail(db, "update stream_pos", err, errlen);
	return 0;
}

static const char asks_schema[] =
	"CREATE TABLE IF NOT EXISTS inbox_asks ("
	"  path TEXT PRIMARY KEY, ino INTEGER NOT NULL,"
	"  ctime INTEGER NOT NULL, seq INTEGER NOT NULL,"
	"  at INTEGER NOT NULL)";

/* The statement sql on the table inbox_asks, made first if need be. */
static sqlite3_stmt *
asks_stmt(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_exec(db, asks_schema, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return NULL;
	return st;
}

int
store_ask_get(struct store *s, const char *path, struct store_ask *a,
    char *err, size_t errlen)
{
	sqlite3 *db = store_db(s);
	sqlite3_stmt *st = asks_stmt(db, "SELECT ino, ctime, seq, at FROM "
	    "inbox_asks WHERE path = ?1");
	int rc;

	if (st == NULL)
		return acks_fail(db, "select inbox_asks", err, errlen);
	sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*a = (struct store_ask){ sqlite3_column_int64(st, 0),
		    sqlite3_column_int64(st, 1), sqlite3_column_int64(st, 2),
		    sqlite3_column_int64(st, 3) };
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return acks_fail(db, "select inbox_asks", err, errlen);
	return rc == SQLITE_ROW;
}

/* Writes the row of path: a, or none when a is NULL. */
static int
asks_write(struct store *s, const char *path, const struct store_ask *a,
    char *err, size_t errlen)
{
	sqlite3 *db = store_db(s);
	const char *what = a != NULL ? "update inbox_asks" :
	    "delete inbox_asks";
	sqlite3_stmt *st = asks_stmt(db, a != NULL ? "INSERT OR REPLACE "
	    "INTO inbox_asks (path, ino, ctime, seq, at) VALUES (?1, ?2, ?3, "
	    "?4, ?5)" : "DELETE FROM inbox_asks WHERE path = ?1");
	int rc;

	if (st == NULL)
		return acks_fail(db, what, err, errlen);
	sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
	if (a != NULL) {
		sqlite3_bind_int64(st, 2, a->ino);
		sqlite3_bind_int64(st, 3, a->ctime_ns);
		sqlite3_bind_int64(st, 4, a->seq);
		sqlite3_bind_int64(st, 5, a->at_ms);
	}
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return acks_fail(db, what, err, errlen);
	return 0;
}

int
store_ask_set(struct store *s, const char *path, const struct store_ask *a,
    char *err, size_t errlen)
{
	return asks_write(s, path, a, err, errlen);
}

int
store_ask_drop(struct store *s, const char *path, char *err,
    size_t errlen)
{
	return asks_write(s, path, NULL, err, errlen);
}

int
store_ask_paths(struct store *s, struct strlist *out, char *err,
    size_t errlen)
{
	sqlite3 *db = store_db(s);
	sqlite3_stmt *st = asks_stmt(db, "SELECT path FROM inbox_asks");
	int rc;

	if (st == NULL)
		return acks_fail(db, "select inbox_asks", err, errlen);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		strlist_push(out, (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return acks_fail(db, "select inbox_asks", err, errlen);
	return 0;
}
