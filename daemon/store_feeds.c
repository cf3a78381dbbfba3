#include "feeds_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "util.h"

static const char feeds_schema[] =
	"CREATE TABLE IF NOT EXISTS feed_sources ("
	"  name TEXT PRIMARY KEY, url TEXT NOT NULL, moved_url TEXT,"
	"  etag TEXT, last_modified TEXT);"
	"CREATE TABLE IF NOT EXISTS feed_entries ("
	"  source TEXT NOT NULL, key TEXT NOT NULL, hash TEXT NOT NULL,"
	"  item TEXT NOT NULL, pending INTEGER NOT NULL,"
	"  first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL,"
	"  PRIMARY KEY (source, key));"
	"CREATE INDEX IF NOT EXISTS feed_entries_pending"
	"  ON feed_entries(source, pending);"
	"CREATE TABLE IF NOT EXISTS feed_sitemaps ("
	"  source TEXT NOT NULL, url TEXT NOT NULL, lastmod TEXT,"
	"  etag TEXT, last_modified TEXT, pending INTEGER NOT NULL,"
	"  PRIMARY KEY (source, url));";

enum {
	FS_STATE_GET,
	FS_STATE_PUT,
	FS_ENTRY_HASH,
	FS_ENTRY_PENDING,
	FS_ENTRY_DONE,
	FS_PENDING,
	FS_FORGET,
	FS_SM_GET,
	FS_SM_WANT,
	FS_SM_DONE,
	FS_SM_PENDING,
	FS_SM_FORGET,
	FS_DONE,
	FS_KNOWN,
	FS_COUNT
};

static const char *const feeds_sql[FS_COUNT] = {
	[FS_STATE_GET] =
	    "SELECT url, moved_url, etag, last_modified FROM feed_sources "
	    "WHERE name = ?1",
	[FS_STATE_PUT] =
	    "INSERT OR REPLACE INTO feed_sources (name, url, moved_url, "
	    "etag, last_modified) VALUES (?1, ?2, ?3, ?4, ?5)",
	[FS_ENTRY_HASH] =
	    "SELECT hash FROM feed_entries WHERE source = ?1 AND key = ?2",
	[FS_ENTRY_PENDING] =
	    "INSERT INTO feed_entries (source, key, hash, item, pending, "
	    "first_seen, last_seen) VALUES (?1, ?2, ?3, ?4, 1, ?5, ?5) "
	    "ON CONFLICT (source, key) DO UPDATE SET hash = ?3, item = ?4, "
	    "pending = 1, last_seen = ?5",
	[FS_ENTRY_DONE] =
	    "UPDATE feed_entries SET pending = 0 WHERE source = ?1 AND "
	    "key = ?2 AND hash = ?3",
	[FS_PENDING] =
	    "SELECT key, hash, item FROM feed_entries WHERE source = ?1 "
	    "AND pending = 1 ORDER BY rowid",
	[FS_FORGET] =
	    "UPDATE feed_sources SET moved_url = NULL, etag = NULL, "
	    "last_modified = NULL WHERE name = ?1",
	[FS_SM_GET] =
	    "SELECT lastmod, etag, last_modified, pending FROM feed_sitemaps "
	    "WHERE source = ?1 AND url = ?2",
	[FS_SM_WANT] =
	    "INSERT INTO feed_sitemaps (source, url, lastmod, pending) "
	    "VALUES (?1, ?2, ?3, 1) ON CONFLICT (source, url) DO UPDATE "
	    "SET lastmod = ?3, pending = 1",
	[FS_SM_DONE] =
	    "UPDATE feed_sitemaps SET etag = ?3, last_modified = ?4, "
	    "pending = 0 WHERE source = ?1 AND url = ?2",
	[FS_SM_PENDING] =
	    "SELECT url FROM feed_sitemaps WHERE source = ?1 AND "
	    "pending = 1 ORDER BY lastmod DESC, rowid",
	[FS_SM_FORGET] =
	    "DELETE FROM feed_sitemaps WHERE source = ?1",
	[FS_DONE] =
	    "SELECT key, hash FROM feed_entries WHERE source = ?1 "
	    "AND pending = 0 ORDER BY last_seen DESC, rowid DESC LIMIT ?2",
	[FS_KNOWN] =
	    "INSERT INTO feed_entries (source, key, hash, item, pending, "
	    "first_seen, last_seen) VALUES (?1, ?2, ?3, '{}', 0, ?4, ?4) "
	    "ON CONFLICT (source, key) DO UPDATE SET hash = ?3, "
	    "pending = 0, last_seen = ?4",
};

struct feeds_store {
	sqlite3 *db;
	sqlite3_stmt *st[FS_COUNT];
};

static int
fs_fail(struct feeds_store *fs, char *err, size_t errlen, const char *what)
{
	return fail(err, errlen, "store: %s: %s", what,
	    sqlite3_errmsg(fs->db));
}

struct feeds_store *
feeds_store_open(struct store *s, char *err, size_t errlen)
{
	struct feeds_store *fs = xcalloc(1, sizeof(*fs));
	char *msg = NULL;

	fs->db = store_db(s);
	if (sqlite3_exec(fs->db, feeds_schema, NULL, NULL, &msg) !=
	    SQLITE_OK) {
		fail(err, errlen, "store: feed tables: %s",
		    msg ? msg : "error");
		sqlite3_free(msg);
		goto err;
	}
	for (int i = 0; i < FS_COUNT; i++)
		if (sqlite3_prepare_v2(fs->db, feeds_sql[i], -1, &fs->st[i],
		    NULL) != SQLITE_OK) {
			fs_fail(fs, err, errlen, "prepare");
			goto err;
		}
	return fs;
err:
	feeds_store_close(fs);
	return NULL;
}

void
feeds_store_close(struct feeds_store *fs)
{
	if (fs == NULL)
		return;
	for (int i = 0; i < FS_COUNT; i++)
		sqlite3_finalize(fs->st[i]);
	free(fs);
}

static void
bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s == NULL)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
}

static char *
col_dup(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);

	return s != NULL ? xstrdup(s) : NULL;
}

int
feeds_store_get_state(struct feeds_store *fs, const char *source,
    struct feeds_state *out, char *err, size_t errlen)
{
	sqlite3_stmt *st = fs->st[FS_STATE_GET];
	int rc;

	memset(out, 0, sizeof(*out));
	bind_text(st, 1, source);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->url = col_dup(st, 0);
		out->moved_url = col_dup(st, 1);
		out->etag = col_dup(st, 2);
		out->last_modified = col_dup(st, 3);
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return fs_fail(fs, err, errlen, "feed_sources");
	return rc == SQLITE_ROW ? 1 : 0;
}

int
feeds_store_put_state(struct feeds_store *fs, const char *source,
    const struct feeds_state *in, char *err, size_t errlen)
{
	sqlite3_stmt *st = fs->st[FS_STATE_PUT];

	bind_text(st, 1, source);
	bind_text(st, 2, in->url);
	bind_text(st, 3, in->moved_url);
	bind_text(st, 4, in->etag);
	bind_text(st, 5, in->last_modified);
	return store_step_done(fs->db, st, "feed tables", err, errlen);
}

void
feeds_state_free(struct feeds_state *st)
{
	free(st->url);
	free(st->moved_url);
	free(st->etag);
	free(st->last_modified);
	memset(st, 0, sizeof(*st));
}

int
feeds_store_entry_hash(struct feeds_store *fs, const char *source,
    const char *key, char *hash, char *err, size_t errlen)
{
	sqlite3_stmt *st = fs->st[FS_ENTRY_HASH];
	int rc;

	bind_text(st, 1, source);
	bind_text(st, 2, key);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *h = (const char *)sqlite3_column_text(st, 0);

		snprintf(hash, 65, "%s", h ? h : "");
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return fs_fail(fs, err, errlen, "feed_entries");
	return rc == SQLITE_ROW ? 1 : 0;
}

int
feeds_store_entry_pending(struct feeds_store *fs, const char *source,
    const char *key, const char *hash, const char *item, int64_t now,
    char *err, size_t errlen)
{
	sqlite3_stmt *st = fs->st[FS_ENTRY_PENDING];

	bind_text(st, 1, source);
	bind_text(st, 2, key);
	bind_text(st, 3, hash);
	bind_text(st, 4, item);
	sqlite3_bind_int64(st, 5, now);
	return store_step_done(fs->db, st, "feed tables", err, errlen);
}

int
feeds_store_entry_done(struct feeds_store *fs, const char *source,
    const char *key, const char *hash, char *err, size_t errlen)
{
	sqlite3_stmt *st = fs->st[FS_ENTRY_DONE];

	bind_text(st, 1, source);
	bind_text(st, 2, key);
	bind_text(st, 3, hash);
	return store_step_done(fs->db, st, "feed tables", err, errlen);
}

int
feeds_store_pending(struct feeds_store *fs, const char *source,
    void (*fn)(void *ctx, const char *key, const char *hash,
    const char *item), void *ctx, char *err, size_t errlen)
{
	sqlite3_stmt *st = fs->st[FS_PENDING];
	int rc;

	bind_text(st, 1, source);
	for (;;) {
		rc = sqlite3_step(st);
		if (rc != SQLITE_ROW)
			break;
		fn(ctx, (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1),
		    (const char *)sqlite3_column_text(st, 2));
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE)
		return fs_fail(fs, err, errlen, "feed_entries");
	return 0;
}

int
feeds_store_forget(struct feeds_store *fs, const char *source, char *err,
    size_t errlen)
{
	sqlite3_stmt *st = fs->st[FS_FORGET];

	bind_text(st, 1, source);
	if (store_step_done(fs->db, st, "feed tables", err, errlen) != 0)
		return -1;
	st = fs->st[FS_SM_FORGET];
	bind_text(st, 1, source);
	return store_step_done(fs->db, st, "feed tables", err, errlen);
}

/* ---- the sitemaps of a sitemap index ---- */

int
feeds_store_sitemap_get(struct feeds_store *fs, const char *source,
    const char *url, struct feeds_sitemap *out, char *err, size_t errlen)
{
	sqlite3_stmt *st = fs->st[FS_SM_GET];
	int rc;

	memset(out, 0, sizeof(*out));
	bind_text(st, 1, source);
	bind_text(st, 2, url);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->lastmod = col_dup(st, 0);
		out->etag = col_dup(st, 1);
		out->last_modified = col_dup(st, 2);
		out->pending = sqlite3_column_int(st, 3) != 0;
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return fs_fail(fs, err, errlen, "feed_sitemaps");
	return rc == SQLITE_ROW ? 1 : 0;
}

void
feeds_sitemap_free(struct feeds_sitemap *sm)
{
	free(sm->lastmod);
	free(sm->etag);
	free(sm->last_modified);
	memset(sm, 0, sizeof(*sm));
}

int
feeds_store_sitemap_want(struct feeds_store *fs, const char *source,
    const char *url, const char *lastmod, char *err, size_t errlen)
{
	sqlite3_stmt *st = fs->st[FS_SM_WANT];

	bind_text(st, 1, source);
	bind_text(st, 2, url);
	bind_text(st, 3, lastmod);
	return store_step_done(fs->db, st, "feed tables", err, errlen);
}

int
feeds_store_sitemap_done(struct feeds_store *fs, const char *source,
    const char *url, const char *etag, const char *last_modified,
    char *err, size_t errlen)
{
	sqlite3_stmt *st = fs->st[FS_SM_DONE];

	bind_text(st, 1, source);
	bind_text(st, 2, url);
	bind_text(st, 3, etag);
	bind_text(st, 4, last_modified);
	return store_step_done(fs->db, st, "feed tables", err, errlen);
}

int
feeds_store_sitemaps_pending(struct feeds_store *fs, const char *source,
    void (*fn)(void *ctx, const char *url), void *ctx, char *err,
    size_t errlen)
{
	sqlite3_stmt *st = fs->st[FS_SM_PENDING];
	int rc;

	bind_text(st, 1, source);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		fn(ctx, (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE)
		return fs_fail(fs, err, errlen, "feed_sitemaps");
	return 0;
}

int
feeds_store_done(struct feeds_store *fs, const char *source, int limit,
    void (*fn)(void *ctx, const char *key, const char *hash), void *ctx,
    char *err, size_t errlen)
{
	sqlite3_stmt *st = fs->st[FS_DONE];
	int rc;

	bind_text(st, 1, source);
	sqlite3_bind_int(st, 2, limit);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		fn(ctx, (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1));
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE)
		return fs_fail(fs, err, errlen, "feed_entries");
	return 0;
}

int
feeds_store_entry_known(struct feeds_store *fs, const char *source,
    const char *key, const char *hash, int64_t now, char *err,
    size_t errlen)
{
	sqlite3_stmt *st = fs->st[FS_KNOWN];

	bind_text(st, 1, source);
	bind_text(st, 2, key);
	bind_text(st, 3, hash);
	sqlite3_bind_int64(st, 4, now);
	return store_step_done(fs->db, st, "feed tables", err, errlen);
}
