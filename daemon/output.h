/* Where committed events go: every output (the ZeroMQ PUB socket with its
 * replay, a JSONL file, later a JetStream stream) sits behind this one
 * small interface, and the commit path (commit.h) hands each event to
 * every output, in seq order, only after the transaction that journalled
 * it is committed. Loop thread only.
 *
 * An output that cannot take an event now (a full disk, a lost
 * connection) returns -1 and catches up from the journal later, by seq:
 * the journal is the truth, an output a copy of it. It says how far it has
 * its copy safely with outputs_delivered(), which the metrics show (and a
 * stream output's acknowledgements will drive). */
#ifndef NW_OUTPUT_H
#define NW_OUTPUT_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

struct config;

/* One event, committed to the journal. */
struct committed_event {
	int64_t seq;
	const char *topic;      /* article.KIND.SOURCE, source.error.SOURCE */
	const char *json;       /* the event, one line of JSON */
};

struct output_ops {
	const char *name;       /* "zmq", "file": the metrics' label */
	/* 0: an event taken is delivered; 1: the output says so itself,
	 * with outputs_delivered() (e.g. on an acknowledgement) */
	int acks;
	/* Takes one event; 0, or -1 with a reason (logged by the caller). */
	int (*publish)(void *ctx, const struct committed_event *ev,
	    char *err, size_t errlen);
	/* The end of a loop turn's events (e.g. one fsync for them); may be
	 * NULL. */
	void (*flush)(void *ctx);
	/* SIGHUP: the new configuration (re-open files); may be NULL. */
	void (*reload)(void *ctx, const struct config *c);
	/* Appends its lines in the Prometheus text format; may be NULL. */
	void (*metrics)(void *ctx, struct buf *out);
	void (*free)(void *ctx);
};

struct outputs;

struct outputs *outputs_new(void);

/* Adds an output; the set owns ctx from now on (ops->free at the end).
 * Returns its handle for outputs_delivered(). */
size_t outputs_add(struct outputs *o, const struct output_ops *ops,
    void *ctx);

/* Hands ev to every output; failures are counted, and reported through
 * log (may be NULL) once per change of state, not once per event: why it
 * failed, then why NULL and the number of events it refused meanwhile
 * (failed) when it takes events again. */
void outputs_publish(struct outputs *o, const struct committed_event *ev,
    void (*log)(void *lctx, const char *output, int64_t seq,
    const char *why, uint64_t failed), void *lctx);
void outputs_flush(struct outputs *o);
void outputs_reload(struct outputs *o, const struct config *c);

/* Output h has every event up to seq safely (written, acknowledged). */
void outputs_delivered(struct outputs *o, size_t h, int64_t seq);

/* The outputs' own lines and newswire_output_* counters. */
void outputs_metrics(struct outputs *o, struct buf *out);

void outputs_free(struct outputs *o);

#endif
