/* newswired's health and metrics: counters the loop thread updates, and
 * an HTTP endpoint (libevent's evhttp, on the daemon's loop) that serves
 *   GET /healthz  200 "ok", 200 "degraded: REASON" (inbox files wait for
 *                 their move out), or 503 with the reason it is unwell
 *   GET /metrics  the Prometheus text format (version 0.0.4)
 * Everything here runs on the loop thread: no locks. */
#ifndef NW_METRICS_H
#define NW_METRICS_H

#include <stddef.h>
#include <stdint.h>

struct daemon;
struct metrics;

/* Counters for the daemon d, which must outlive them. */
struct metrics *metrics_new(struct daemon *d);

/* Serves HTTP on addr ("HOST:PORT", e.g. 127.0.0.1:9557; "" serves
 * nothing). Returns 0, or -1 with a reason in err. */
int metrics_listen(struct metrics *m, const char *addr, char *err,
    size_t errlen);

/* The port actually bound (useful with port 0), or 0 when not serving. */
int metrics_port(const struct metrics *m);

/* Counts one published event by its topic: "article.KIND.SOURCE" counts
 * as outcome KIND (new, updated, duplicate), "source.error.SOURCE" as
 * failed; other topics (heartbeats) are not items. */
void metrics_event(struct metrics *m, const char *topic);

/* A feed entry of source was not published: a keep or block rule
 * refused it (filter.h). */
void metrics_blocked(struct metrics *m, const char *source);

/* A source was told the queue is full (the watcher stops reading, the
 * poller pauses). */
void metrics_queue_full(struct metrics *m);

/* What became of the files claimed in a shared inbox, with [cluster]
 * leases (ingest.c, ingest_asks.c): */
enum metrics_inbox {
	METRICS_INBOX_FOUND,    /* an adopted file its dead node had
	                           published: moved out with no event */
	METRICS_INBOX_RENEWED,  /* a claim too old to be published here,
	                           given back to be claimed afresh */
	METRICS_INBOX_LOST,     /* a claim another node adopted meanwhile
	                           (this node judged dead): not published */
	METRICS_INBOX_UNANSWERED, /* an adopted file the stream did not
	                           say the dead node published, in any of
	                           its asks: given back into the inbox */
	METRICS_INBOX_COUNT,
};
void metrics_inbox(struct metrics *m, enum metrics_inbox what);

/* A file that node, dead, left claimed was adopted here (counted, and
 * the node once). */
void metrics_inbox_adopted(struct metrics *m, const char *node);

/* For the fetchers: one fetch of source took seconds, from the start of
 * the request to the last byte (or the failure). Feeds the histogram
 * newswire_fetch_duration_seconds{source=...}. */
void metrics_fetch_observe(struct metrics *m, const char *source,
    double seconds);

/* The /metrics page as text (the caller frees it). */
char *metrics_text(struct metrics *m);

/* Items journalled so far: all outcomes but failed, and failed. */
uint64_t metrics_processed(const struct metrics *m);
uint64_t metrics_failed(const struct metrics *m);

/* The notify status line: counts, queue depth, last seq (a
 * notify_status_fn; ctx is the metrics). */
void metrics_status(void *ctx, char *buf, size_t len);

void metrics_free(struct metrics *m);

#endif
