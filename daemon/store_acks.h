/* How far an output that confirms delivery (a stream's publish
 * acknowledgements, output_nats.c) has the journal: one row per output
 * name, the last seq acknowledged with every seq before it. A restart
 * re-sends the journal after it. In the store's file, so it is as durable
 * as the journal; written outside the commit path's transactions (the
 * loop's turn of acknowledgements). SQL in store_acks.c. */
#ifndef NW_STORE_ACKS_H
#define NW_STORE_ACKS_H

#include <stddef.h>
#include <stdint.h>

struct store;
struct strlist;

/* The last acknowledged seq of output into *seq (0 if none yet). */
int store_acked_get(struct store *s, const char *output, int64_t *seq,
    char *err, size_t errlen);

/* Records seq as output's last acknowledged seq (never lowers it). */
int store_acked_set(struct store *s, const char *output, int64_t seq,
    char *err, size_t errlen);

/* Where a reader of the shared stream stands (cluster_feed.c): the last
 * stream sequence it filed, by name; 0 if none yet. Set inside the
 * transaction that files what it read, so a restart resumes after
 * exactly what is in the store. */
int store_stream_pos_get(struct store *s, const char *name, int64_t *seq,
    char *err, size_t errlen);
int store_stream_pos_set(struct store *s, const char *name, int64_t seq,
    char *err, size_t errlen);

/* Where the last read of the stream for an inbox file adopted from a
 * dead node stopped, cut short by its time (ingest_asks.c): by the file's
 * path under the inbox's claimed/ (THIS/.from/CHAIN/NAME), with its
 * inode and ctime, which tell this adoption of the file from a later
 * one. A restart of the node reads on from seq instead of from the
 * file's time again. Set in the turn's transaction. */
struct store_ask {
	int64_t ino;
	int64_t ctime_ns;       /* the file's ctime: its adoption */
	int64_t seq;            /* the stream sequence to read on from */
	int64_t at_ms;          /* when that read stopped (epoch ms) */
};

/* 1 with the row of path in *a, 0 without one, -1 with err. */
int store_ask_get(struct store *s, const char *path, struct store_ask *a,
    char *err, size_t errlen);
int store_ask_set(struct store *s, const char *path,
    const struct store_ask *a, char *err, size_t errlen);
int store_ask_drop(struct store *s, const char *path, char *err,
    size_t errlen);
/* Every path with a row, into out. */
int store_ask_paths(struct store *s, struct strlist *out, char *err,
    size_t errlen);

#endif
