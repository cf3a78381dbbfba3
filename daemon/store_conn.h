/* Connections of their own to the store's file (store.c), for the parts
 * that must not share the store's connection: the replay server reads
 * only committed events, never the loop's open transaction, and
 * retention deletes in transactions of its own between the loop's. The
 * SQL is the store's (store_conn.c); WAL lets them run beside the
 * store's writer. Each connection is used by one thread at a time. */
#ifndef NW_STORE_CONN_H
#define NW_STORE_CONN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct store_conn;

/* Opens DIR/newswire.db, which store_open() made: read-only (replay), or
 * for writing (retention, with synchronous = NORMAL); busy_ms is how long
 * a statement waits for a lock. Returns NULL with a reason in err. */
struct store_conn *store_conn_open(const char *dir, bool write, int busy_ms,
    char *err, size_t errlen);
void store_conn_close(struct store_conn *c);

/* The journal's oldest and newest seq (0 and 0 when empty), and into
 * *last_seq (unless NULL) the last seq ever handed out, rows that
 * retention removed included (the newest seq when that is higher). */
int store_conn_bounds(struct store_conn *c, int64_t *first, int64_t *last,
    int64_t *last_seq, char *err, size_t errlen);

/* Calls fn for the journal rows of from <= seq <= to, in seq order, at
 * most limit of them, with *n the number of rows given to fn. fn returns
 * 0 to go on, or a positive value that stops the walk and is returned.
 * Returns 0 when the rows ran out or limit was reached, or -1 with a
 * reason in err (a read error). */
int store_conn_rows(struct store_conn *c, int64_t from, int64_t to,
    int limit, int (*fn)(void *ctx, int64_t seq, const char *topic,
    const char *event, size_t len), void *ctx, int *n, char *err,
    size_t errlen);

/* The end of the leading run of journal rows older than before (ts <
 * before) among the oldest max: a row with a newer time stops it, older
 * ones after it wait (rows are timed when read, numbered when
 * committed). 0 when the oldest row is not older. */
int store_conn_age_cut(struct store_conn *c, int64_t before, int max,
    int64_t *cut, char *err, size_t errlen);

/* Removes the journal rows of seq <= upto. Returns how many, or -1 with
 * a reason in err. */
int store_conn_prune(struct store_conn *c, int64_t upto, char *err,
    size_t errlen);

/* The last seq output has acknowledged (store_acks.h) into *seq; -1
 * when it has no row yet (nothing acknowledged, or no such output). */
int store_conn_acked(struct store_conn *c, const char *output,
    int64_t *seq, char *err, size_t errlen);

/* SQLite's (extended) code of the connection's last failure. */
int store_conn_errcode(struct store_conn *c);

#endif
