/* Article pages: one GET per page through the HTTP client (http.h), with
 * retries. This is the contract the daemon's feed sources rely on.
 *
 * - A passing failure -- HTTP 429 or 5xx, a timeout, a refused or
 *   unreachable connection, a DNS failure, a truncated body, a network
 *   error -- is tried again, up to cfg.tries attempts in all: backoff_ms
 *   after the first failure, doubling after each, or later when the
 *   response's Retry-After says so; never more than max_wait_ms.
 * - Anything else (a 2xx, a 4xx but 429, a body too big, a bad URL, TLS)
 *   is final at once.
 * - done is called exactly once per request, with the final response
 *   (whose body the callback may take), unless the request is cancelled
 *   first; it is never called from inside pages_get().
 * - The options (every string of them: headers, user agent, validators,
 *   credentials, proxy) are copied: the caller's may go. With validators
 *   (etag, last_modified) the GET is conditional and a 304 is final.
 *
 * Every function runs on the loop's thread. */
#ifndef NW_PAGES_H
#define NW_PAGES_H

#include <stddef.h>

#include "http.h"

struct event_base;
struct pages;
struct page_req;

/* Zero fields take the defaults in brackets. */
struct pages_config {
	int tries;              /* [3] attempts in all */
	long backoff_ms;        /* [60000] after the first failure */
	long max_wait_ms;       /* [600000] the longest wait, Retry-After
	                           included */
};

/* Pages over client (the caller's, which must outlive them). */
struct pages *pages_new(struct event_base *base, struct http_client *client,
    const struct pages_config *cfg);

/* Cancels every request (no callbacks) and frees everything. */
void pages_free(struct pages *p);

/* Starts fetching url. Returns the request (valid until done is called or
 * it is cancelled). */
struct page_req *pages_get(struct pages *p, const char *url,
    const struct http_options *o, http_done_fn done, void *arg);

/* Drops a request at any stage; done is never called for it. */
void pages_cancel(struct page_req *r);

/* Requests under way: fetching, or waiting to be tried again. */
size_t pages_active(const struct pages *p);

/* The retry a request is on: 0 for the first attempt. */
int pages_tries(const struct page_req *r);

#endif
