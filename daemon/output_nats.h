/* The NATS JetStream output ([output.nats]; built when libnats is found,
 * HAVE_LIBNATS): every committed event published, in seq order, to a
 * stream (created if missing: replicas, max_age, duplicate_window from the
 * configuration), subject PREFIX.TOPIC, with the headers
 *   Nats-Msg-Id   ID:VERSION for article.new and article.updated events,
 *                 ORIGIN:SEQ for the others (no article identity of
 *                 their own), so the server drops a re-send inside the
 *                 duplicate window;
 *   Newswire-Seq  the journal's seq.
 *
 * The publish acknowledgement is the delivery point: the last seq
 * acknowledged with every one before it is recorded in the journal's
 * store (store_acks.h) and reported with outputs_delivered(). On start, on
 * reconnect, on a negative acknowledgement and when an acknowledgement is
 * overdue, everything after it is re-sent from the journal under the same
 * IDs, in seq order.
 *
 * libnats runs its own threads (connect, I/O, acknowledgements); they only
 * append to a lock-protected queue and wake the loop through an eventfd:
 * the store, the outputs and the metrics are touched by the loop thread
 * only, and nothing the loop calls waits on the network (connecting and
 * creating the stream happen on a thread of the output's own). */
#ifndef NW_OUTPUT_NATS_H
#define NW_OUTPUT_NATS_H

#include <stddef.h>

#include "output.h"

struct config;
struct event_base;
struct log;
struct outputs;
struct store;

extern const struct output_ops output_nats_ops;

/* Its name: the metrics' label, and its row in store_acks.h. */
#define OUTPUT_NATS_NAME "nats"


/* Starts connecting to c's [output.nats] servers in the background.
 * Returns the output's context, or NULL with a reason in err. */
void *output_nats_open(const struct config *c, struct event_base *base,
    struct store *store, struct log *log, char *err, size_t errlen);

/* The set and handle it was added under, for outputs_delivered(). */
void output_nats_bind(void *ctx, struct outputs *outs, size_t handle);

#endif
