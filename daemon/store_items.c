#include "store_items.h"

#include <stdio.h>

#include "store_int.h"
#include "util.h"

static int
items_fail(sqlite3 *db, const char *what, char *err, size_t errlen)
{
	return fail(err, errlen, "store: items: %s: %s", what,
	    sqlite3_errmsg(db));
}

int
store_item_get(struct store *s, const char *id, char *hash, size_t hashlen,
    int *version, char *err, size_t errlen)
{
	sqlite3 *db = store_db(s);
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db, "SELECT content_hash, version FROM items "
	    "WHERE id = ?1", -1, &st, NULL) != SQLITE_OK)
		return items_fail(db, "select", err, errlen);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *h = (const char *)sqlite3_column_text(st, 0);

		snprintf(hash, hashlen, "%s", h != NULL ? h : "");
		*version = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return items_fail(db, "select", err, errlen);
	return rc == SQLITE_ROW;
}

int
store_item_set(struct store *s, const char *id, const char *hash,
    int version, int64_t now, char *err, size_t errlen)
{
	sqlite3 *db = store_db(s);
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db, hash == NULL ?
	    "DELETE FROM items WHERE id = ?1" :
	    "INSERT INTO items (id, content_hash, version, first_seen, "
	    "last_seen) VALUES (?1, ?2, ?3, ?4, ?4) ON CONFLICT (id) DO "
	    "UPDATE SET content_hash = ?2, version = ?3, last_seen = ?4",
	    -1, &st, NULL) != SQLITE_OK)
		return items_fail(db, "update", err, errlen);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	if (hash != NULL) {
		sqlite3_bind_text(st, 2, hash, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 3, version);
		sqlite3_bind_int64(st, 4, now);
	}
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return items_fail(db, "update", err, errlen);
	return 0;
}
