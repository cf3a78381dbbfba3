#include "store.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "enrich/dup.h"
#include "enrich/story.h"
#include "store_int.h"
#include "util.h"

/* The loop's connection: a page cache of 32 MB (SQLite's default is 2
 * MB) keeps more of the id and hash indexes, where every commit's
 * inserts land on random pages; a checkpoint every 4,000 pages (16 MB
 * of WAL) instead of 1,000 copies a page dirtied again meanwhile once.
 * bench_commit at 60,000 articles: the loop's CPU 368 against 415 us an
 * article, 28.6 against 34.0 kB written (docs/window.md). */
#define STORE_TUNING "PRAGMA cache_size = -32768; " \
	"PRAGMA wal_autocheckpoint = 4000;"

/* Version 4 of the layout; user_version says which one a file has. */
static const char store_schema[] =
	"CREATE TABLE IF NOT EXISTS meta ("
	"  key TEXT PRIMARY KEY, value TEXT NOT NULL);"
	"CREATE TABLE IF NOT EXISTS items ("
	"  id TEXT PRIMARY KEY, content_hash TEXT NOT NULL,"
	"  version INTEGER NOT NULL, first_seen INTEGER NOT NULL,"
	"  last_seen INTEGER NOT NULL);"
	"CREATE INDEX IF NOT EXISTS items_hash ON items(content_hash);"
	"CREATE TABLE IF NOT EXISTS journal ("
	"  seq INTEGER PRIMARY KEY, topic TEXT NOT NULL,"
	"  event TEXT NOT NULL, ts INTEGER NOT NULL);"
	/* files, files_sent and files_back: the inbox files' records,
	 * read and written by store_files.c */
	"CREATE TABLE IF NOT EXISTS files ("
	"  name TEXT NOT NULL, dev INTEGER NOT NULL, ino INTEGER NOT NULL,"
	"  size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,"
	"  raw_hash TEXT NOT NULL, seq INTEGER NOT NULL,"
	"  error TEXT, ts INTEGER NOT NULL, ts_ns INTEGER,"
	"  PRIMARY KEY (name, dev, ino, size, mtime_ns, raw_hash));"
	/* a table of its own, which an older version leaves alone: the
	 * layout stays 4 */
	"CREATE TABLE IF NOT EXISTS files_sent ("
	"  name TEXT NOT NULL, dev INTEGER NOT NULL, ino INTEGER NOT NULL,"
	"  size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,"
	"  raw_hash TEXT NOT NULL, ts INTEGER NOT NULL,"
	"  PRIMARY KEY (name, dev, ino, size, mtime_ns, raw_hash));"
	/* the files judged put back by hand when offered and claimed then:
	 * the judgement kept through a kill (a table of its own, as
	 * files_sent) */
	"CREATE TABLE IF NOT EXISTS files_back ("
	"  name TEXT NOT NULL, dev INTEGER NOT NULL, ino INTEGER NOT NULL,"
	"  size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,"
	"  ctime_ns INTEGER NOT NULL, ts INTEGER NOT NULL,"
	"  PRIMARY KEY (name, dev, ino, size, mtime_ns));"
	"CREATE TABLE IF NOT EXISTS stories ("
	"  id TEXT PRIMARY KEY, story_id TEXT NOT NULL,"
	"  t INTEGER NOT NULL, signature TEXT NOT NULL, packed BLOB);"
	"CREATE INDEX IF NOT EXISTS stories_t ON stories(t);"
	"CREATE TABLE IF NOT EXISTS dup_prints ("
	"  id TEXT PRIMARY KEY, t INTEGER NOT NULL, print TEXT NOT NULL,"
	"  packed BLOB);"
	"CREATE INDEX IF NOT EXISTS dup_prints_t ON dup_prints(t);"
	"PRAGMA user_version = 4;";

/* Brings an older layout up to the current one, before store_schema. */
static const char *const store_upgrades[] = {
	[1] = "ALTER TABLE files ADD COLUMN ts INTEGER NOT NULL DEFAULT 0;"
	    "UPDATE files SET ts = CAST(strftime('%s', 'now') AS INTEGER);",
	/* 3 adds dup_prints, which store_schema creates */
	[2] = "",
	/* 4 adds the window's packed column: store_add_column() */
	[3] = "",
};

enum {
	ST_ITEM_BY_ID,
	ST_ITEM_BY_HASH,
	ST_ITEM_INSERT,
	ST_ITEM_UPDATE,
	ST_JOURNAL,
	ST_META_SET,
	ST_EVENT,
	ST_STORY_ADD,
	ST_STORY_OF,
	ST_STORIES,
	ST_DUP_ADD,
	ST_DUPS,
	ST_JOURNAL_SIZE,
	ST_COUNT
};

static const char *const store_sql[ST_COUNT] = {
	[ST_ITEM_BY_ID] =
	    "SELECT content_hash, version FROM items WHERE id = ?1",
	[ST_ITEM_BY_HASH] =
	    "SELECT id FROM items WHERE content_hash = ?1 "
	    "ORDER BY first_seen, rowid LIMIT 1",
	[ST_ITEM_INSERT] =
	    "INSERT INTO items (id, content_hash, version, first_seen, "
	    "last_seen) VALUES (?1, ?2, 1, ?3, ?3)",
	[ST_ITEM_UPDATE] =
	    "UPDATE items SET content_hash = ?2, version = ?3, "
	    "last_seen = ?4 WHERE id = ?1",
	[ST_JOURNAL] =
	    "INSERT INTO journal (seq, topic, event, ts) "
	    "VALUES (?1, ?2, ?3, ?4)",
	[ST_META_SET] =
	    "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)",
	[ST_EVENT] =
	    "SELECT event, topic FROM journal WHERE seq = ?1",
	[ST_STORY_ADD] =
	    "INSERT OR REPLACE INTO stories (id, story_id, t, signature, "
	    "packed) VALUES (?1, ?2, ?3, ?4, ?5)",
	[ST_STORY_OF] =
	    "SELECT story_id FROM stories WHERE id = ?1",
	[ST_STORIES] =
	    "SELECT story_id, t, signature, packed FROM stories WHERE t >= ?1 "
	    "ORDER BY t, rowid",
	[ST_DUP_ADD] =
	    "INSERT OR REPLACE INTO dup_prints (id, t, print, packed) "
	    "VALUES (?1, ?2, ?3, ?4)",
	[ST_DUPS] =
	    "SELECT id, t, print, packed FROM dup_prints WHERE t >= ?1 "
	    "ORDER BY t, rowid",
	[ST_JOURNAL_SIZE] =
	    "SELECT coalesce((SELECT min(seq) FROM journal), 0), "
	    "coalesce((SELECT max(seq) FROM journal), 0), "
	    "(SELECT page_count FROM pragma_page_count) - "
	    "(SELECT freelist_count FROM pragma_freelist_count), "
	    "(SELECT page_size FROM pragma_page_size)",
};

struct store {
	sqlite3 *db;
	sqlite3_stmt *st[ST_COUNT];
	struct store_files *files;      /* store_files.c's statements */
	char origin_id[40];
	int64_t epoch;
	int64_t last_seq;       /* handed out */
	int64_t begin_seq;      /* last_seq when the transaction began */
	int failed;             /* SQLite's code of the failure the last
	                           rollback undid; SQLITE_OK: none */
	int64_t rollbacks;      /* since the store was opened */
};

static int
db_fail(struct store *s, char *err, size_t errlen, const char *what)
{
	return fail(err, errlen, "store: %s: %s", what, sqlite3_errmsg(s->db));
}

int
store_exec(sqlite3 *db, const char *sql, char *err, size_t errlen)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		fail(err, errlen, "store: %s", msg ? msg : "error");
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

int
store_step_done(sqlite3 *db, sqlite3_stmt *st, const char *what,
    char *err, size_t errlen)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE)
		return fail(err, errlen, "store: %s: %s", what,
		    sqlite3_errmsg(db));
	return 0;
}

static char *
meta_get(struct store *s, const char *key)
{
	sqlite3_stmt *st = NULL;
	char *v = NULL;

	if (sqlite3_prepare_v2(s->db, "SELECT value FROM meta WHERE key = ?1",
	    -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return v;
}

static int
meta_set(struct store *s, const char *key, const char *value, char *err,
    size_t errlen)
{
	sqlite3_stmt *st = s->st[ST_META_SET];

	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	return store_step_done(s->db, st, "write", err, errlen);
}

/* A new journal gets a random origin id and epoch; an existing one keeps
 * them, and its sequence goes on from the highest ever handed out. */
static int
store_load_meta(struct store *s, char *err, size_t errlen)
{
	char *id = meta_get(s, "origin_id");
	char *epoch = meta_get(s, "epoch");
	char *last = meta_get(s, "last_seq");
	sqlite3_stmt *st = NULL;
	int rc = -1;

	if (id == NULL || epoch == NULL) {
		unsigned char r[14];
		char num[32];

		if (getrandom(r, sizeof(r), 0) != (ssize_t)sizeof(r)) {
			fail(err, errlen, "getrandom: %s", strerror(errno));
			goto out;
		}
		snprintf(s->origin_id, sizeof(s->origin_id),
		    "nwd-%02x%02x%02x%02x%02x%02x%02x%02x",
		    r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7]);
		/* 48 bits: exact in any JSON reader */
		s->epoch = 0;
		for (int i = 8; i < 14; i++)
			s->epoch = (s->epoch << 8) | r[i];
		snprintf(num, sizeof(num), "%lld", (long long)s->epoch);
		if (meta_set(s, "origin_id", s->origin_id, err, errlen) != 0 ||
		    meta_set(s, "epoch", num, err, errlen) != 0)
			goto out;
	} else {
		snprintf(s->origin_id, sizeof(s->origin_id), "%s", id);
		s->epoch = strtoll(epoch, NULL, 10);
	}
	s->last_seq = last ? strtoll(last, NULL, 10) : 0;
	if (sqlite3_prepare_v2(s->db, "SELECT max(seq) FROM journal", -1,
	    &st, NULL) != SQLITE_OK) {
		db_fail(s, err, errlen, "journal");
		goto out;
	}
	if (sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_int64(st, 0) > s->last_seq)
		s->last_seq = sqlite3_column_int64(st, 0);
	rc = 0;
out:
	sqlite3_finalize(st);
	free(id);
	free(epoch);
	free(last);
	return rc;
}

/* Adds column (of type) to table, unless it has it; a table not there
 * yet is made by store_schema with it. */
static int
store_add_column(struct store *s, const char *table, const char *column,
    const char *type, char *err, size_t errlen)
{
	char sql[160];
	sqlite3_stmt *st = NULL;
	int cols = 0, has = 0;

	snprintf(sql, sizeof(sql), "PRAGMA table_info(%s)", table);
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return db_fail(s, err, errlen, table);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 1);

		cols++;
		has |= name != NULL && strcmp(name, column) == 0;
	}
	sqlite3_finalize(st);
	if (cols == 0 || has)
		return 0;
	snprintf(sql, sizeof(sql), "ALTER TABLE %s ADD COLUMN %s %s;", table,
	    column, type);
	return store_exec(s->db, sql, err, errlen);
}

static int
store_upgrade(struct store *s, char *err, size_t errlen)
{
	const size_t n = sizeof(store_upgrades) / sizeof(store_upgrades[0]);
	sqlite3_stmt *st = NULL;
	int version = 0;

	if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st,
	    NULL) != SQLITE_OK)
		return db_fail(s, err, errlen, "user_version");
	if (sqlite3_step(st) == SQLITE_ROW)
		version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	for (int v = version; v > 0 && (size_t)v < n; v++)
		if (store_exec(s->db, store_upgrades[v], err, errlen) != 0)
			return -1;
	if (version > 0 && version < 4 &&
	    (store_add_column(s, "stories", "packed", "BLOB", err,
	    errlen) != 0 ||
	    store_add_column(s, "dup_prints", "packed", "BLOB", err,
	    errlen) != 0))
		return -1;
	/* files.ts_ns, a column an older version leaves NULL (the layout
	 * stays 4): looked for at every open, as an older version may
	 * have made the store */
	if (version > 0 && store_add_column(s, "files", "ts_ns", "INTEGER",
	    err, errlen) != 0)
		return -1;
	return 0;
}

/* Says what is wrong with the state folder dir, if anything, before
 * SQLite says "unable to open database file": the file path (in dir)
 * must open for reading and writing, and dir must take new files (the
 * WAL and its index). */
static int
store_check_dir(const char *dir, const char *path, char *err, size_t errlen)
{
	struct stat st;
	int fd;

	if (stat(dir, &st) != 0)
		return fail(err, errlen, "store: the state folder %s: %s", dir,
		    strerror(errno));
	if (!S_ISDIR(st.st_mode))
		return fail(err, errlen, "store: the state folder %s is not a "
		    "folder", dir);
	if (access(dir, W_OK | X_OK) != 0)
		return fail(err, errlen, "store: cannot write in the state "
		    "folder %s: %s", dir, strerror(errno));
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0640);
	if (fd < 0)
		return fail(err, errlen, "store: cannot open %s in the state "
		    "folder %s: %s", path, dir, strerror(errno));
	close(fd);
	return 0;
}

struct store *
store_open(const char *dir, bool sync_full, char *err, size_t errlen)
{
	struct store *s = xcalloc(1, sizeof(*s));
	struct buf path = { 0 };

	buf_printf(&path, "%s/newswire.db", dir);
	if (mkdir(dir, 0750) != 0 && errno != EEXIST) {
		fail(err, errlen, "store: cannot create the state folder %s: "
		    "%s", dir, strerror(errno));
		goto err;
	}
	if (store_check_dir(dir, path.p, err, errlen) != 0)
		goto err;
	if (sqlite3_open_v2(path.p, &s->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		fail(err, errlen, "store: cannot open %s: %s", path.p,
		    s->db ? sqlite3_errmsg(s->db) : "out of memory");
		goto err;
	}
	sqlite3_busy_timeout(s->db, 1000);
	if (store_exec(s->db, "PRAGMA journal_mode = WAL;", err, errlen) != 0 ||
	    store_exec(s->db, sync_full ? "PRAGMA synchronous = FULL;" :
	    "PRAGMA synchronous = NORMAL;", err, errlen) != 0 ||
	    store_exec(s->db, STORE_TUNING, err, errlen) != 0 ||
	    store_exec(s->db, "BEGIN IMMEDIATE;", err, errlen) != 0)
		goto err;
	if (store_upgrade(s, err, errlen) != 0 ||
	    store_exec(s->db, store_schema, err, errlen) != 0)
		goto err_tx;
	for (int i = 0; i < ST_COUNT; i++)
		if (sqlite3_prepare_v3(s->db, store_sql[i], -1,
		    SQLITE_PREPARE_PERSISTENT, &s->st[i], NULL) != SQLITE_OK) {
			db_fail(s, err, errlen, "prepare");
			goto err_tx;
		}
	if (store_load_meta(s, err, errlen) != 0 ||
	    (s->files = store_files_open(s->db, err, errlen)) == NULL ||
	    store_exec(s->db, "DELETE FROM dup_prints WHERE t < "
	    "CAST(strftime('%s', 'now') AS INTEGER) - " STORE_FILES_KEEP ";",
	    err, errlen) != 0 ||
	    store_exec(s->db, "COMMIT;", err, errlen) != 0)
		goto err_tx;
	buf_free(&path);
	return s;
err_tx:
	sqlite3_exec(s->db, "ROLLBACK;", NULL, NULL, NULL);
err:
	buf_free(&path);
	store_close(s);
	return NULL;
}

void
store_close(struct store *s)
{
	if (s == NULL)
		return;
	store_files_close(s->files);
	for (int i = 0; i < ST_COUNT; i++)
		sqlite3_finalize(s->st[i]);
	sqlite3_close(s->db);
	free(s);
}

const char *
store_origin_id(const struct store *s)
{
	return s->origin_id;
}

int64_t
store_origin_epoch(const struct store *s)
{
	return s->epoch;
}

int64_t
store_last_seq(const struct store *s)
{
	return s->last_seq;
}

sqlite3 *
store_db(struct store *s)
{
	return s->db;
}

struct store_files *
store_files_of(struct store *s)
{
	return s->files;
}

int
store_failed(const struct store *s)
{
	return s->failed;
}

int
store_begin(struct store *s, char *err, size_t errlen)
{
	s->begin_seq = s->last_seq;
	if (store_exec(s->db, "BEGIN IMMEDIATE;", err, errlen) != 0) {
		s->failed = sqlite3_extended_errcode(s->db);
		return -1;
	}
	return 0;
}

int
store_commit(struct store *s, char *err, size_t errlen)
{
	char num[32];

	if (s->last_seq != s->begin_seq) {
		snprintf(num, sizeof(num), "%lld", (long long)s->last_seq);
		if (meta_set(s, "last_seq", num, err, errlen) != 0)
			return -1;
	}
	return store_exec(s->db, "COMMIT;", err, errlen);
}

void
store_rollback(struct store *s)
{
	/* the call that failed was the last one on the handle: the
	 * rollback's own result replaces its code */
	s->failed = sqlite3_extended_errcode(s->db);
	s->rollbacks++;
	sqlite3_exec(s->db, "ROLLBACK;", NULL, NULL, NULL);
	s->last_seq = s->begin_seq;
}

int
store_classify(struct store *s, const char *id, const char *hash,
    int64_t now, struct store_verdict *v, char *err, size_t errlen)
{
	sqlite3_stmt *st = s->st[ST_ITEM_BY_ID];
	int rc;

	memset(v, 0, sizeof(*v));
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		bool same = strcmp((const char *)sqlite3_column_text(st, 0),
		    hash) == 0;

		v->version = sqlite3_column_int(st, 1);
		sqlite3_reset(st);
		if (same) {
			v->kind = STORE_DUPLICATE;
			snprintf(v->duplicate_of, sizeof(v->duplicate_of),
			    "%s", id);
			return 0;
		}
		v->kind = STORE_UPDATED;
		v->version++;
		st = s->st[ST_ITEM_UPDATE];
		sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, hash, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 3, v->version);
		sqlite3_bind_int64(st, 4, now);
		return store_step_done(s->db, st, "write", err, errlen);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(s, err, errlen, "items");
	v->version = 1;
	st = s->st[ST_ITEM_BY_HASH];
	sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		v->kind = STORE_DUPLICATE;
		snprintf(v->duplicate_of, sizeof(v->duplicate_of), "%s",
		    (const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(s, err, errlen, "items");
	/* a copy under a new id is recorded too: its own updates follow */
	st = s->st[ST_ITEM_INSERT];
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, hash, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, now);
	return store_step_done(s->db, st, "write", err, errlen);
}

int
store_item_same(struct store *s, const char *id, const char *hash,
    char *err, size_t errlen)
{
	sqlite3_stmt *st = s->st[ST_ITEM_BY_ID];
	bool same = false;
	int rc;

	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		same = strcmp((const char *)sqlite3_column_text(st, 0),
		    hash) == 0;
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return same;
	if (rc == SQLITE_DONE)
		return 0;
	return db_fail(s, err, errlen, "items");
}

int64_t
store_next_seq(struct store *s)
{
	return ++s->last_seq;
}

int
store_journal(struct store *s, int64_t seq, const char *topic,
    const char *event, int64_t ts, char *err, size_t errlen)
{
	sqlite3_stmt *st = s->st[ST_JOURNAL];

	sqlite3_bind_int64(st, 1, seq);
	sqlite3_bind_text(st, 2, topic, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, event, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, ts);
	return store_step_done(s->db, st, "write", err, errlen);
}

int
store_row_end(sqlite3 *db, sqlite3_stmt *st, int rc, const char *what,
    char *err, size_t errlen)
{
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return fail(err, errlen, "store: %s: %s", what, sqlite3_errmsg(db));
}

char *
store_event(struct store *s, int64_t seq, char **topic)
{
	sqlite3_stmt *st = s->st[ST_EVENT];
	char *ev = NULL;

	sqlite3_bind_int64(st, 1, seq);
	if (sqlite3_step(st) == SQLITE_ROW) {
		ev = xstrdup((const char *)sqlite3_column_text(st, 0));
		if (topic != NULL)
			*topic = xstrdup(
			    (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_reset(st);
	return ev;
}

/* Binds text (as text, or "" with its packed form, made by pack, in
 * column col + 1) at col of st; the packed form is the caller's to
 * free. */
static void *
bind_packed(sqlite3_stmt *st, int col, const char *text,
    void *(*pack)(const char *text, size_t *len))
{
	size_t len;
	void *p = pack(text, &len);

	sqlite3_bind_text(st, col, p ? "" : text, -1, SQLITE_STATIC);
	if (p != NULL)
		sqlite3_bind_blob(st, col + 1, p, (int)len, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, col + 1);
	return p;
}

int
store_story_add(struct store *s, const char *id, const char *story_id,
    int64_t t, const char *signature, char *err, size_t errlen)
{
	sqlite3_stmt *st = s->st[ST_STORY_ADD];
	void *p;
	int rc;

	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, story_id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, t);
	p = bind_packed(st, 4, signature, story_signature_pack);
	rc = store_step_done(s->db, st, "write", err, errlen);
	free(p);
	return rc;
}

int
store_story_of(struct store *s, const char *id, char *story_id,
    size_t storylen, char *err, size_t errlen)
{
	sqlite3_stmt *st = s->st[ST_STORY_OF];
	int rc;

	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		snprintf(story_id, storylen, "%s",
		    (const char *)sqlite3_column_text(st, 0));
	return store_row_end(s->db, st, rc, "stories", err, errlen);
}

/* Calls fn for every row of the window's table that statement which
 * yields for rows at or after since; what names the table in errors.
 * SQLITE_INTERRUPT if halt (when given) was raised before the end. */
static int
store_rows(sqlite3_stmt *st, int64_t since,
    void (*fn)(void *ctx, const struct store_row *r), void *ctx,
    const atomic_bool *halt)
{
	int rc;

	sqlite3_bind_int64(st, 1, since);
	for (;;) {
		struct store_row r;

		if (halt != NULL && atomic_load_explicit(halt,
		    memory_order_relaxed)) {
			rc = SQLITE_INTERRUPT;
			break;
		}
		rc = sqlite3_step(st);
		if (rc != SQLITE_ROW)
			break;
		r.key = (const char *)sqlite3_column_text(st, 0);
		r.t = sqlite3_column_int64(st, 1);
		r.text = (const char *)sqlite3_column_text(st, 2);
		r.packed = sqlite3_column_blob(st, 3);
		r.len = (size_t)sqlite3_column_bytes(st, 3);
		fn(ctx, &r);
	}
	sqlite3_reset(st);
	return rc;
}

static int
store_each_row(struct store *s, int which, int64_t since,
    void (*fn)(void *ctx, const struct store_row *r), void *ctx,
    const char *what, char *err, size_t errlen)
{
	if (store_rows(s->st[which], since, fn, ctx, NULL) != SQLITE_DONE)
		return db_fail(s, err, errlen, what);
	return 0;
}

int
store_stories(struct store *s, int64_t since,
    void (*fn)(void *ctx, const struct store_row *r), void *ctx,
    char *err, size_t errlen)
{
	return store_each_row(s, ST_STORIES, since, fn, ctx, "stories", err,
	    errlen);
}

int
store_dup_add(struct store *s, const char *id, int64_t t, const char *print,
    char *err, size_t errlen)
{
	sqlite3_stmt *st = s->st[ST_DUP_ADD];
	void *p;
	int rc;

	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, t);
	p = bind_packed(st, 3, print, dup_print_pack);
	rc = store_step_done(s->db, st, "write", err, errlen);
	free(p);
	return rc;
}

int
store_dups(struct store *s, int64_t since,
    void (*fn)(void *ctx, const struct store_row *r), void *ctx,
    char *err, size_t errlen)
{
	return store_each_row(s, ST_DUPS, since, fn, ctx, "dup_prints", err,
	    errlen);
}

/* The rows of a window table at or after since, on a read-only
 * connection of the caller's thread's own. */
static int
store_rows_at(const char *dir, int which, const char *what, int64_t since,
    void (*fn)(void *ctx, const struct store_row *r), void *ctx,
    const atomic_bool *halt, char *err, size_t errlen)
{
	struct buf path = { 0 };
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	int rc;

	buf_printf(&path, "%s/newswire.db", dir);
	rc = sqlite3_open_v2(path.p, &db, SQLITE_OPEN_READONLY |
	    SQLITE_OPEN_NOMUTEX, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_busy_timeout(db, 1000);
		rc = sqlite3_prepare_v2(db, store_sql[which], -1, &st, NULL);
	}
	if (rc == SQLITE_OK)
		rc = store_rows(st, since, fn, ctx, halt);
	if (rc == SQLITE_INTERRUPT)
		fail(err, errlen, "store: %s (%s): stopped", what, path.p);
	else if (rc != SQLITE_DONE)
		fail(err, errlen, "store: %s (%s): %s", what, path.p,
		    db ? sqlite3_errmsg(db) : "out of memory");
	sqlite3_finalize(st);
	sqlite3_close(db);
	buf_free(&path);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
store_dups_at(const char *dir, int64_t since,
    void (*fn)(void *ctx, const struct store_row *r), void *ctx,
    const atomic_bool *halt, char *err, size_t errlen)
{
	return store_rows_at(dir, ST_DUPS, "dup_prints", since, fn, ctx, halt,
	    err, errlen);
}

int
store_stories_at(const char *dir, int64_t since,
    void (*fn)(void *ctx, const struct store_row *r), void *ctx,
    const atomic_bool *halt, char *err, size_t errlen)
{
	return store_rows_at(dir, ST_STORIES, "stories", since, fn, ctx, halt,
	    err, errlen);
}

int
store_journal_size(struct store *s, int64_t *first, int64_t *last,
    int64_t *bytes, char *err, size_t errlen)
{
	sqlite3_stmt *st = s->st[ST_JOURNAL_SIZE];
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW) {
		*first = sqlite3_column_int64(st, 0);
		*last = sqlite3_column_int64(st, 1);
		*bytes = sqlite3_column_int64(st, 2) *
		    sqlite3_column_int64(st, 3);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return db_fail(s, err, errlen, "journal");
	return 0;
}

int64_t
store_rollbacks(const struct store *s)
{
	return s->rollbacks;
}

int
store_window_mark(struct store *s, char *out, size_t len, char *err,
    size_t errlen)
{
	static const char sql[] =
	    "SELECT (SELECT max(rowid) FROM stories),"
	    " (SELECT count(*) FROM stories),"
	    " (SELECT max(rowid) FROM dup_prints),"
	    " (SELECT count(*) FROM dup_prints)";
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);

	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		snprintf(out, len, "origin %s epoch %lld seq %lld stories "
		    "%lld/%lld prints %lld/%lld", s->origin_id,
		    (long long)s->epoch, (long long)s->last_seq,
		    (long long)sqlite3_column_int64(st, 0),
		    (long long)sqlite3_column_int64(st, 1),
		    (long long)sqlite3_column_int64(st, 2),
		    (long long)sqlite3_column_int64(st, 3));
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return db_fail(s, err, errlen, "window mark");
	return 0;
}
