/* For the store's own files (store.c, store_files.c, store_feeds.c,
 * store_acks.c...) only: the SQLite handle, so that the tables of
 * store_feeds.c live in the same file and are written in the same
 * transactions as the journal; and the inbox files' statements
 * (store_files.c), prepared and finalized with the store. */
#ifndef NW_STORE_INT_H
#define NW_STORE_INT_H

#include <stddef.h>

#include <sqlite3.h>

struct store;
struct store_files;

/* Seconds a committed inbox file stays recorded (and a duplicate print
 * kept). */
#define STORE_FILES_KEEP "2592000"

sqlite3 *store_db(struct store *s);

/* sql run on db; -1 with SQLite's message in err. */
int store_exec(sqlite3 *db, const char *sql, char *err, size_t errlen);
/* A statement that returns no row stepped, then reset and its bindings
 * cleared; -1 with "store: what: " and SQLite's message in err. */
int store_step_done(sqlite3 *db, sqlite3_stmt *st, const char *what,
    char *err, size_t errlen);
/* Ends a look-up whose step answered rc: the statement reset and its
 * bindings cleared; 1 for a row (read by the caller before), 0 for
 * none, -1 with "store: what: " and SQLite's message in err. */
int store_row_end(sqlite3 *db, sqlite3_stmt *st, int rc, const char *what,
    char *err, size_t errlen);

/* The inbox files' statements prepared on db, and the records of files
 * gone a month (or with a time no number, or far ahead) pruned, inside
 * store_open()'s transaction; NULL with a reason in err. */
struct store_files *store_files_open(sqlite3 *db, char *err, size_t errlen);
void store_files_close(struct store_files *sf);
/* The store's, for store_files.c's functions. */
struct store_files *store_files_of(struct store *s);

#endif
