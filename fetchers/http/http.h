/* The HTTP client: GET requests on libcurl's multi-socket API, driven by
 * the caller's libevent loop (no blocking call, no thread per request).
 *
 * Every request is a conditional GET when the caller passes the validators
 * it stored (ETag, Last-Modified); it asks for gzip, deflate and br (as
 * libcurl is built), caps the DECOMPRESSED body while receiving, has a
 * connect and a total timeout, follows at most 5 redirects (http and https
 * only) and reports the final URL and any permanent (301/308) redirect at
 * the start of the chain. TLS peers and host names are always verified.
 *
 * Politeness lives here: at most per_host requests run at once against one
 * host (host:port of the requested URL), two requests to one host start at
 * least host_delay_ms apart, and at most global requests run at once. A
 * 429 or 503 with Retry-After holds every request waiting for that host
 * until then (at most max_host_hold_ms): they start no earlier.
 * Requests wait in FIFO order (per host, hosts served in turn) until they
 * may start.
 *
 * Threading: every function runs on the loop's thread. */
#ifndef NW_HTTP_H
#define NW_HTTP_H

#include <stdbool.h>
#include <stddef.h>

struct event_base;
struct http_client;
struct http_request;

/* Zero or NULL fields take the defaults in brackets. */
struct http_config {
	const char *user_agent;  /* ["newswire/VERSION (+URL)"] */
	const char *proxy;       /* [NULL: libcurl reads http_proxy,
	                            https_proxy, ALL_PROXY, no_proxy] */
	const char *noproxy;     /* [NULL] hosts that skip the proxy */
	const char *ca_file;     /* [NULL: the system's CA store] */
	long connect_timeout_ms; /* [10000] */
	long timeout_ms;         /* [60000] the whole transfer */
	size_t max_body;         /* [10 MB] decompressed bytes */
	int max_redirects;       /* [5] */
	int per_host;            /* [2] concurrent requests per host */
	int global;              /* [32] concurrent requests in all */
	long host_delay_ms;      /* [0: none] least time between two
	                            request starts on one host */
	long max_host_hold_ms;   /* [600000] longest a Retry-After holds a
	                            host's queue */
	bool allow_private;      /* [false] connect to any address; else
	                            see http_addr.h */
	/* [NULL] told when a Retry-After starts holding a host (key
	 * "host:port"), once per hold: the URL and status that asked, the
	 * seconds asked and the milliseconds granted (max_host_hold_ms). */
	void (*on_hold)(void *ctx, const char *host, const char *url,
	    long status, long asked_s, long hold_ms);
	void *hold_ctx;
};

/* Per request; NULL or zero fields take the client's values. */
struct http_options {
	const char *etag;           /* sent as If-None-Match */
	const char *last_modified;  /* sent as If-Modified-Since */
	const char *const *headers; /* NULL-terminated "Name: value" lines */
	const char *user_agent;
	long connect_timeout_ms;
	long timeout_ms;
	size_t max_body;
	const char *userpwd;        /* "user:password": basic auth, sent to
	                               the requested host only (libcurl
	                               drops it on a redirect elsewhere) */
	const char *cookie;         /* a Cookie header's value */
	const char *proxy;          /* a proxy URL (http, https, socks4,
	                               socks4a, socks5, socks5h), or "none"
	                               for no proxy; NULL: the client's */
	bool insecure;              /* do not verify the TLS peer */
	const char *origin;         /* the URL of the source this request
	                               is for: its host:port may be a
	                               private address (NULL: the URL
	                               requested) */
};

enum http_error {
	HTTP_OK = 0,        /* a response arrived: look at status */
	HTTP_ERR_URL,       /* the URL is not http(s) or is malformed */
	HTTP_ERR_DNS,       /* the host name did not resolve */
	HTTP_ERR_CONNECT,   /* refused, unreachable, proxy failure */
	HTTP_ERR_TIMEOUT,   /* connect or total timeout */
	HTTP_ERR_TLS,       /* handshake or certificate failure */
	HTTP_ERR_TOO_BIG,   /* body past max_body (after decompression) */
	HTTP_ERR_TRUNCATED, /* connection closed before the whole body */
	HTTP_ERR_REDIRECTS, /* a redirect loop or more than max_redirects */
	HTTP_ERR_DECODE,    /* bad compressed data */
	HTTP_ERR_NETWORK,   /* any other transfer failure */
	HTTP_ERR_CANCELLED, /* never reported: http_cancel() is silent */
	HTTP_ERR_PRIVATE,   /* the address connected is refused by the
	                       policy (http_addr_private) */
};

/* What the callback gets. Everything is owned by the client and valid only
 * during the callback, except body, which the callback may take: it then
 * sets body to NULL and frees it with free() later. */
struct http_response {
	enum http_error error;
	const char *errmsg;       /* NULL when error == HTTP_OK, else a
	                             sentence naming the cause */
	long status;              /* final HTTP status, 0 when none */
	const char *url;          /* as requested */
	const char *final_url;    /* after redirects */
	const char *permanent_url; /* non-NULL when the chain starts with
	                              301/308 hops: where they lead; the
	                              caller should use it from now on */
	int redirects;            /* hops followed */
	const char *etag;         /* of the final response, or NULL */
	const char *last_modified;
	const char *content_type;
	const char *content_language; /* the header as sent, or NULL */
	long retry_after;         /* seconds (from delta or date), -1 if
	                             absent or unparsable */
	char *body;               /* NUL-terminated; never NULL on HTTP_OK */
	size_t body_len;
	long elapsed_ms;          /* from start (not queueing) to done */
};

/* Called once per request, from the loop, never from inside http_get().
 * The callback may call http_get() and http_cancel() but must not free
 * the client. */
typedef void (*http_done_fn)(void *arg, struct http_response *r);

/* NULL with a reason in err when libcurl cannot be set up. cfg may be
 * NULL for the defaults. Strings in cfg are copied. */
struct http_client *http_client_new(struct event_base *base,
    const struct http_config *cfg, char *err, size_t errlen);

/* Cancels every request silently (no callback) and frees the client. */
void http_client_free(struct http_client *c);

/* Queues a GET of url. opt may be NULL; its strings are copied. Returns a
 * handle valid until the callback returns or http_cancel(); NULL only if
 * url is NULL. A malformed URL still gets its callback (HTTP_ERR_URL). */
struct http_request *http_get(struct http_client *c, const char *url,
    const struct http_options *opt, http_done_fn done, void *arg);

/* Drops a request at any stage; its callback is never called. */
void http_cancel(struct http_request *r);

struct http_stats {
	size_t queued;      /* waiting for their turn */
	size_t active;      /* transfers running */
	unsigned long started;
	unsigned long failed; /* error != HTTP_OK */
	unsigned long bytes;  /* decompressed body bytes received */
};

void http_client_stats(const struct http_client *c, struct http_stats *st);

/* A short English name of the error ("timeout", "body too big", ...). */
const char *http_error_name(enum http_error e);

/* The longest Retry-After taken, in seconds (a day): a longer one, or
 * one past what a long holds, counts as this, so callers may multiply
 * it by 1000 in a long. */
#define HTTP_RETRY_AFTER_MAX 86400L

/* Parses a Retry-After value: delta seconds or an HTTP date (relative to
 * now). Returns seconds from 0 to HTTP_RETRY_AFTER_MAX, or -1. */
long http_parse_retry_after(const char *v, long now);

#endif
