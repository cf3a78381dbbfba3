/* The inbox files' records in the store (store_files.h): files,
 * files_sent and files_back, whose tables store.c's layout makes. Their
 * statements are prepared with the store (store_files_open(), at
 * store_open()) and finalized with it (store_close()). */
#include "store_files.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store.h"
#include "store_int.h"
#include "util.h"

/* files_back rows a start looks at (store_file_backs()) */
#define STORE_BACKS_PASS "1000"

/* Seconds a files or files_sent row's time may be ahead of the clock at
 * the open: more, and it is taken as made now (a clock that ran ahead
 * when it was written, a hand-edited store), so that it goes a month
 * later; a day covers a hardware clock kept in local time. */
#define STORE_FILES_AHEAD "86400"

/* SQL: the clock now, epoch seconds. */
#define STORE_NOW "CAST(strftime('%s', 'now') AS INTEGER)"

enum {
	SF_INSERT,
	SF_LOOKUP,
	SF_BEFORE,
	SF_SENT,
	SF_MOVED,
	SF_BACK_SET,
	SF_BACK_DROP,
	SF_BACK_GET,
	SF_BACK_ALL,
	SF_COUNT
};

/* A row of files_back of the file bound by bind_file_id(). */
#define FILE_ID_IS "name = ?1 AND dev = ?2 AND ino = ?3 AND size = ?4 " \
	"AND mtime_ns = ?5"

/* A row of files or files_sent of the file bound by bind_file(). */
#define FILE_IS FILE_ID_IS " AND raw_hash = ?6"

static const char *const files_sql[SF_COUNT] = {
	[SF_INSERT] =
	    "INSERT OR REPLACE INTO files (name, dev, ino, size, mtime_ns, "
	    "raw_hash, seq, error, ts, ts_ns) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
	    "?7, ?8, ?10, ?9)",
	/* a row an older version wrote (ts_ns NULL), or one whose ts_ns
	 * is not an integer (a hand-edited store): the end of its second */
	[SF_LOOKUP] =
	    "SELECT seq, coalesce(error, ''), EXISTS (SELECT 1 FROM "
	    "files_sent WHERE " FILE_IS "), CASE typeof(ts_ns) WHEN "
	    "'integer' THEN ts_ns ELSE ts * 1000000000 + 999999999 END "
	    "FROM files WHERE " FILE_IS,
	/* a row of the file as offered (its bytes not read yet) whose
	 * time is before ?6, its ctime then */
	[SF_BEFORE] =
	    "SELECT 1 FROM files WHERE name = ?1 AND dev = ?2 AND ino = ?3 "
	    "AND size = ?4 AND mtime_ns = ?5 AND CASE typeof(ts_ns) WHEN "
	    "'integer' THEN ts_ns ELSE ts * 1000000000 + 999999999 END < ?6 "
	    "LIMIT 1",
	[SF_SENT] =
	    "INSERT OR REPLACE INTO files_sent (name, dev, ino, size, "
	    "mtime_ns, raw_hash, ts) SELECT name, dev, ino, size, mtime_ns, "
	    "raw_hash, CAST(strftime('%s', 'now') AS INTEGER) FROM files "
	    "WHERE " FILE_IS,
	[SF_MOVED] =
	    "DELETE FROM files_sent WHERE " FILE_IS,
	[SF_BACK_SET] =
	    "INSERT OR REPLACE INTO files_back (name, dev, ino, size, "
	    "mtime_ns, ctime_ns, ts) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
	    "CAST(strftime('%s', 'now') AS INTEGER))",
	[SF_BACK_DROP] =
	    "DELETE FROM files_back WHERE " FILE_ID_IS,
	[SF_BACK_GET] =
	    "SELECT ctime_ns FROM files_back WHERE " FILE_ID_IS,
	/* the marks, a start's pass over them bounded
	 * (ingest_prune_backs()) */
	[SF_BACK_ALL] =
	    "SELECT name, dev, ino, size, mtime_ns FROM files_back "
	    "ORDER BY ts LIMIT " STORE_BACKS_PASS,
};

struct store_files {
	sqlite3 *db;
	sqlite3_stmt *st[SF_COUNT];
};

static int
sf_fail(struct store_files *sf, char *err, size_t errlen, const char *what)
{
	return fail(err, errlen, "store: %s: %s", what,
	    sqlite3_errmsg(sf->db));
}

struct store_files *
store_files_open(sqlite3 *db, char *err, size_t errlen)
{
	struct store_files *sf = xcalloc(1, sizeof(*sf));

	sf->db = db;
	for (int i = 0; i < SF_COUNT; i++)
		if (sqlite3_prepare_v3(db, files_sql[i], -1,
		    SQLITE_PREPARE_PERSISTENT, &sf->st[i],
		    NULL) != SQLITE_OK) {
			sf_fail(sf, err, errlen, "prepare");
			goto err;
		}
	/* a file record matters only while its file may still be in the
	 * inbox after a crash; a month covers any restart. One whose ts
	 * is no number (NULL or text: a hand-edited store) goes too, in
	 * files and in files_sent; one far ahead of the clock would never
	 * be a month old: its ts is now (its ts_ns, what a put-back is
	 * judged by, stays: the clock that stamped its file was ahead too,
	 * and a kill's leftover is not to be taken for one put back) */
	if (store_exec(sf->db, "DELETE FROM files WHERE typeof(ts) NOT IN "
	    "('integer', 'real') OR ts < " STORE_NOW " - " STORE_FILES_KEEP
	    "; UPDATE files SET ts = " STORE_NOW " WHERE ts > " STORE_NOW
	    " + " STORE_FILES_AHEAD ";", err, errlen) != 0 ||
	    store_exec(sf->db, "DELETE FROM files_sent WHERE typeof(ts) NOT IN "
	    "('integer', 'real') OR ts < " STORE_NOW " - " STORE_FILES_KEEP
	    "; UPDATE files_sent SET ts = " STORE_NOW " WHERE ts > "
	    STORE_NOW " + " STORE_FILES_AHEAD ";", err, errlen) != 0 ||
	    store_exec(sf->db, "DELETE FROM files_back WHERE typeof(ts) NOT IN "
	    "('integer', 'real') OR ts < " STORE_NOW " - " STORE_FILES_KEEP
	    "; UPDATE files_back SET ts = " STORE_NOW " WHERE ts > "
	    STORE_NOW " + " STORE_FILES_AHEAD ";", err, errlen) != 0)
		goto err;
	return sf;
err:
	store_files_close(sf);
	return NULL;
}

void
store_files_close(struct store_files *sf)
{
	if (sf == NULL)
		return;
	for (int i = 0; i < SF_COUNT; i++)
		sqlite3_finalize(sf->st[i]);
	free(sf);
}

/* Binds the file's key as offered (its name, inode, size and time). */
static void
bind_file_id(sqlite3_stmt *st, const struct store_file *f)
{
	sqlite3_bind_text(st, 1, f->name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)f->dev);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)f->ino);
	sqlite3_bind_int64(st, 4, f->size);
	sqlite3_bind_int64(st, 5, f->mtime_ns);
}

/* Binds the file's key and the hash of its bytes (FILE_IS). */
static void
bind_file(sqlite3_stmt *st, const struct store_file *f)
{
	bind_file_id(st, f);
	sqlite3_bind_text(st, 6, f->raw_hash, -1, SQLITE_STATIC);
}

void
store_file_key(struct store_file *f, const char *name,
    const struct stat *st)
{
	*f = (struct store_file){
		.name = name,
		.dev = st->st_dev,
		.ino = st->st_ino,
		.size = st->st_size,
		.mtime_ns = (int64_t)st->st_mtim.tv_sec * 1000000000 +
		    st->st_mtim.tv_nsec,
		.ctime_ns = (int64_t)st->st_ctim.tv_sec * 1000000000 +
		    st->st_ctim.tv_nsec,
	};
}

int
store_file_done(struct store *s, const struct store_file *f, int64_t seq,
    const char *error, char *err, size_t errlen)
{
	struct store_files *sf = store_files_of(s);
	sqlite3_stmt *st = sf->st[SF_INSERT];
	struct timespec now;

	/* after the file's claim, before its move. ts_ns, what a put-back
	 * is told by (its ctime later), is the file's own ctime as read
	 * after its claim: stamped by the clock that stamps its move and
	 * its put-back, which a kernel with fine-grained stamps (Linux
	 * 6.13 on) makes later than any stamp read before, so that a file
	 * put back within a tick of its commit is told too; else the
	 * clock's now, which the filesystem's clock never runs ahead of.
	 * ts, for the month the row is kept, is the clock's */
	clock_gettime(CLOCK_REALTIME, &now);
	bind_file(st, f);
	sqlite3_bind_int64(st, 7, seq);
	sqlite3_bind_int64(st, 9, f->ctime_ns > 0 ? f->ctime_ns :
	    (int64_t)now.tv_sec * 1000000000 + now.tv_nsec);
	sqlite3_bind_int64(st, 10, (int64_t)now.tv_sec);
	if (error != NULL)
		sqlite3_bind_text(st, 8, error, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 8);
	return store_step_done(sf->db, st, "write", err, errlen);
}

int
store_file_lookup(struct store *s, const struct store_file *f, int64_t *seq,
    char *error, size_t errorlen, char *err, size_t errlen)
{
	return store_file_lookup_at(s, f, seq, NULL, error, errorlen, err,
	    errlen);
}

int
store_file_lookup_at(struct store *s, const struct store_file *f,
    int64_t *seq, int64_t *ts, char *error, size_t errorlen, char *err,
    size_t errlen)
{
	struct store_files *sf = store_files_of(s);
	sqlite3_stmt *st = sf->st[SF_LOOKUP];
	bool sent = false;
	int rc;

	bind_file(st, f);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*seq = sqlite3_column_int64(st, 0);
		snprintf(error, errorlen, "%s",
		    (const char *)sqlite3_column_text(st, 1));
		sent = sqlite3_column_int(st, 2) != 0;
		if (ts != NULL)
			*ts = sqlite3_column_int64(st, 3);
	}
	rc = store_row_end(sf->db, st, rc, "files", err, errlen);
	return rc == 1 && sent ? 2 : rc;
}

int
store_file_before(struct store *s, const struct store_file *f, char *err,
    size_t errlen)
{
	struct store_files *sf = store_files_of(s);
	sqlite3_stmt *st = sf->st[SF_BEFORE];

	bind_file_id(st, f);
	sqlite3_bind_int64(st, 6, f->ctime_ns);
	return store_row_end(sf->db, st, sqlite3_step(st), "files", err,
	    errlen);
}

int
store_file_sent(struct store *s, const struct store_file *f, bool sent,
    char *err, size_t errlen)
{
	struct store_files *sf = store_files_of(s);
	sqlite3_stmt *st = sf->st[sent ? SF_SENT : SF_MOVED];

	bind_file(st, f);
	return store_step_done(sf->db, st, "write", err, errlen);
}

int
store_file_back(struct store *s, const struct store_file *f, bool back,
    char *err, size_t errlen)
{
	struct store_files *sf = store_files_of(s);
	sqlite3_stmt *st = sf->st[back ? SF_BACK_SET : SF_BACK_DROP];

	bind_file_id(st, f);
	if (back)
		sqlite3_bind_int64(st, 6, f->ctime_ns);
	return store_step_done(sf->db, st, "write", err, errlen);
}

int
store_file_backs_set(struct store *s, const struct store_file *v, size_t n,
    char *err, size_t errlen)
{
	struct store_files *sf = store_files_of(s);
	sqlite3_stmt *st = sf->st[SF_BACK_SET];

	if (store_exec(sf->db, "BEGIN IMMEDIATE;", err, errlen) != 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		bind_file_id(st, &v[i]);
		sqlite3_bind_int64(st, 6, v[i].ctime_ns);
		if (store_step_done(sf->db, st, "write", err, errlen) != 0)
			goto fail;
	}
	if (store_exec(sf->db, "COMMIT;", err, errlen) == 0)
		return 0;
fail:
	sqlite3_exec(sf->db, "ROLLBACK;", NULL, NULL, NULL);
	return -1;
}

int
store_file_back_at(struct store *s, const struct store_file *f,
    int64_t *ctime_ns, char *err, size_t errlen)
{
	struct store_files *sf = store_files_of(s);
	sqlite3_stmt *st = sf->st[SF_BACK_GET];
	int rc;

	bind_file_id(st, f);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*ctime_ns = sqlite3_column_int64(st, 0);
	return store_row_end(sf->db, st, rc, "files", err, errlen);
}

int
store_file_backs(struct store *s, struct store_file **out, size_t *n,
    char *err, size_t errlen)
{
	struct store_files *sf = store_files_of(s);
	sqlite3_stmt *st = sf->st[SF_BACK_ALL];
	struct store_file *f;
	int rc;

	*out = NULL;
	*n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xrealloc(*out, (*n + 1) * sizeof(**out));
		f = &(*out)[(*n)++];
		*f = (struct store_file){
			.name = xstrdup((const char *)sqlite3_column_text(st,
			    0)),
			.dev = (uint64_t)sqlite3_column_int64(st, 1),
			.ino = (uint64_t)sqlite3_column_int64(st, 2),
			.size = sqlite3_column_int64(st, 3),
			.mtime_ns = sqlite3_column_int64(st, 4),
		};
	}
	rc = store_row_end(sf->db, st, rc, "files_back", err, errlen);
	if (rc >= 0)
		return 0;
	store_file_backs_free(*out, *n);
	*out = NULL;
	*n = 0;
	return -1;
}

void
store_file_backs_free(struct store_file *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free((char *)v[i].name);
	free(v);
}
