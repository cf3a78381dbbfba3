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

#endif
