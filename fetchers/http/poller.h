/* The source poller: fetches each source (a feed URL) on its own schedule
 * through the HTTP client, on the caller's libevent loop.
 *
 * - A healthy source is polled every interval, give or take jitter.
 * - A failure (network error, timeout, cap, redirect loop, HTTP status
 *   other than 2xx and 304) backs off exponentially with jitter: base,
 *   2 base, 4 base ... up to backoff_max. A Retry-After header is honoured:
 *   the next attempt is never earlier than it says (capped at
 *   retry_after_max); a 429 without one waits at least the interval.
 * - After unhealthy_after failures in a row (or one 410 Gone) a source is
 *   unhealthy and retried every unhealthy_retry (with jitter). It is never
 *   dropped.
 * - Health changes (ok -> failing -> unhealthy, and back to ok) are
 *   reported once each through ops.health, not once per retry.
 * - A 304 is a success with nothing to parse. A 2xx body goes to ops.body;
 *   parsing it is the caller's business.
 * - Validators (ETag, Last-Modified) come in with the source and go back
 *   through ops.validators when they change.
 * - A permanent redirect (301/308 at the start of the chain) that ends in
 *   a success moves the source: the poller uses the new URL from then on
 *   and tells ops.moved.
 *
 * Every function runs on the loop's thread. */
#ifndef NW_POLLER_H
#define NW_POLLER_H

#include <stdbool.h>
#include <stddef.h>

#include "http.h"

struct event_base;
struct poller;

/* Zero fields take the defaults in brackets. */
struct poller_config {
	double jitter;            /* [0.1] fraction of the interval drawn
	                             at random either way */
	long backoff_base_ms;     /* [60000] delay after the first failure */
	long backoff_max_ms;      /* [1 h] */
	int unhealthy_after;      /* [5] failures in a row */
	long unhealthy_retry_ms;  /* [1 h] retry period once unhealthy (never
	                             shorter than the source's interval) */
	long retry_after_max_ms;  /* [24 h] cap on an honoured Retry-After */
	long start_spread_ms;     /* [0] a new source's first poll is drawn
	                             in [0, start_spread_ms) */
	unsigned long seed;       /* [0: from the clock and pid] */
};

/* A source as configured. Strings are copied. */
struct poller_source {
	const char *name;         /* unique key, e.g. the config section */
	const char *url;
	const char *moved_url;    /* a permanent redirect reported earlier
	                             (ops.moved) and stored; NULL if none */
	long interval_ms;         /* > 0 */
	const char *etag;         /* stored validators, NULL if none */
	const char *last_modified;
	const char *const *headers; /* NULL-terminated "Name: value" */
	const char *user_agent;   /* NULL: the client's */
	long connect_timeout_ms;  /* 0: the client's */
	long timeout_ms;
	size_t max_body;
	const char *userpwd;      /* http_options' (secrets: never logged) */
	const char *cookie;
	const char *proxy;
	bool insecure;
};

enum poller_health {
	POLLER_OK,
	POLLER_FAILING,     /* backing off */
	POLLER_UNHEALTHY,   /* failed unhealthy_after times in a row */
};

/* One finished attempt, for metrics and logs. */
struct poller_attempt {
	long status;              /* HTTP status, 0 when none */
	enum http_error error;
	const char *reason;       /* NULL on success, else why it failed */
	bool not_modified;        /* 304 */
	int failures;             /* in a row, after this attempt */
	enum poller_health health;
	long next_ms;             /* next attempt due in this many ms */
	long elapsed_ms;          /* the request, start to done (http.h) */
};

struct poller_status {
	enum poller_health health;
	int failures;
	long last_status;
	const char *url;          /* as polled now (after a move) */
	const char *last_error;   /* NULL after a success */
	bool in_flight;
};

/* Callbacks; any may be NULL. name is the source's. They run on the loop
 * and may call poller_add(), poller_remove() (also of this very source)
 * and poller_poll_now(), but not poller_free(). After a poll they come in
 * this order: moved, health, body, validators, attempt; once a callback
 * removes the source or re-adds it with another URL, the rest of them are
 * skipped for that poll. */
struct poller_ops {
	/* A 2xx response. r->body is the client's: take it (set it to NULL,
	 * free() it later) to keep it past the call. r->etag and
	 * r->last_modified are the validators that go with this body: store
	 * them with what the body yields, so a crash between the two cannot
	 * make the next poll's 304 hide entries never stored. */
	void (*body)(void *ctx, const char *name, struct http_response *r);
	/* The validators changed (after body, for a 2xx; or on a 304 that
	 * brings new ones). Either may be NULL. */
	void (*validators)(void *ctx, const char *name, const char *etag,
	    const char *last_modified);
	/* The source now lives at url (permanent redirect). */
	void (*moved)(void *ctx, const char *name, const char *url);
	/* Health changed; reason is NULL for POLLER_OK. */
	void (*health)(void *ctx, const char *name, enum poller_health h,
	    const char *reason);
	/* Every finished attempt. */
	void (*attempt)(void *ctx, const char *name,
	    const struct poller_attempt *a);
	void *ctx;
};

/* The poller uses client (which stays the caller's and must outlive it).
 * cfg may be NULL. NULL with a reason in err on failure. */
struct poller *poller_new(struct event_base *base, struct http_client *client,
    const struct poller_config *cfg, const struct poller_ops *ops,
    char *err, size_t errlen);

/* Cancels polls under way (no callbacks) and frees everything. */
void poller_free(struct poller *p);

/* Adds a source, or updates the one with that name: with the same URL it
 * keeps its state, validators and schedule (polled sooner if the interval
 * shrank); with another URL it starts afresh with src's validators.
 * Returns 0, or -1 with a reason in err (missing name or URL, interval
 * not > 0). */
int poller_add(struct poller *p, const struct poller_source *src,
    char *err, size_t errlen);

/* Stops polling a source (cancelling a poll under way). False if unknown. */
bool poller_remove(struct poller *p, const char *name);

/* Polls now, unless a poll is under way. False if unknown. */
bool poller_poll_now(struct poller *p, const char *name);

/* While paused no poll starts; sources that fall due wait and start on
 * resume. Polls under way still finish and deliver their bodies. */
void poller_pause(struct poller *p);
void poller_resume(struct poller *p);

size_t poller_count(const struct poller *p);

/* Fills st (strings valid until the next call into the poller). False if
 * the name is unknown. */
bool poller_get(const struct poller *p, const char *name,
    struct poller_status *st);

const char *poller_health_name(enum poller_health h);

#endif
