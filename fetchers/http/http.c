/* The HTTP client on libcurl's multi-socket API and libevent.
 *
 * libcurl tells us which sockets to watch (sock_cb) and when to wake it up
 * (timer_cb); we wire both to libevent events, call
 * curl_multi_socket_action() when they fire and drain curl_multi_info_read()
 * after every call. Finished requests move to a done queue, delivered from
 * the loop outside any libcurl callback, so a result callback may queue new
 * requests or cancel others.
 *
 * A queued request holds only its copied options; its easy handle is made
 * when the scheduler (dispatch) lets it start, so a long queue is cheap. */
#include "http.h"
#include "http_addr.h"

#include <ctype.h>
#include <errno.h>
#include <curl/curl.h>
#include <event2/event.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/queue.h>
#include <time.h>

#include "nw_config.h"
#include "util.h"

#define HTTP_PROJECT_URL "https://github.com/newswire/newswire"
#define HTTP_DEFAULT_UA "newswire/" NW_VERSION " (+" HTTP_PROJECT_URL ")"

enum rq_state {
	RQ_QUEUED,      /* in host->wait */
	RQ_ACTIVE,      /* in the multi handle and c->active */
	RQ_DONE,        /* in c->done, callback pending */
	RQ_DELIVERING,  /* its callback runs now */
};

struct http_host;

struct http_request {
	struct http_client *c;
	struct http_host *host;      /* NULL for a request that never ran */
	enum rq_state state;
	TAILQ_ENTRY(http_request) link; /* host->wait, c->active or c->done */

	char *url;
	char *etag;                  /* validators to send */
	char *last_modified;
	char *user_agent;
	struct strlist headers;
	char *userpwd;               /* secret: never logged */
	char *cookie;                /* secret: never logged */
	char *proxy;
	bool insecure;
	long connect_timeout_ms;
	long timeout_ms;
	size_t max_body;
	http_done_fn done;
	void *arg;

	CURL *easy;
	struct curl_slist *slist;
	char errbuf[CURL_ERROR_SIZE];
	long t_start;

	/* The response being read; reset at each status line, so after the
	 * transfer they describe the final response. */
	long hop_status;
	char *hop_location;
	char *r_etag;
	char *r_last_modified;
	char *r_content_type;
	char *r_content_language;
	char *r_retry_after;
	struct buf body;
	bool too_big;

	/* The redirect chain, as the header callback sees it. */
	char *cur_url;               /* URL of the response being read */
	char *perm_url;              /* end of the leading 301/308 hops */
	bool perm_chain;             /* no other redirect seen yet */
	bool loop;                   /* a hop went back to a seen URL */
	struct strlist seen;         /* URLs visited */

	/* The address policy (http_addr_private): the host:port that may
	 * be private for this request, and what was refused. */
	char *allow_key;
	char *refused;               /* "HOST:PORT (IP)", NULL if none */

	enum http_error err;
	char *errmsg;
};

TAILQ_HEAD(rq_list, http_request);

struct http_host {
	char *key;                   /* lower-case "host:port" */
	struct http_host *next;      /* hash chain */
	struct rq_list wait;
	int active;
	long last_start;             /* monotonic ms, 0 before any */
	long not_before;             /* held by a Retry-After until then */
	bool ready;                  /* in c->ready */
	TAILQ_ENTRY(http_host) rlink;
};

TAILQ_HEAD(host_list, http_host);

/* One per socket libcurl asks us to watch. */
struct http_sock {
	struct http_client *c;
	curl_socket_t fd;
	struct event *ev;
	int what;                    /* CURL_POLL_* now registered */
};

struct http_client {
	struct event_base *base;
	CURLM *multi;
	struct event *timer;         /* libcurl's timeout */
	struct event *kick;          /* dispatch and deliver from the loop */
	struct event *delay;         /* a host's min delay is over */
	struct http_config cfg;      /* strings owned */
	struct http_host **hosts;    /* hash table of nbuckets chains */
	size_t nbuckets;
	size_t nhosts;
	struct host_list ready;      /* hosts with waiting requests */
	struct rq_list active;
	struct rq_list done;
	bool delivering;
	struct http_stats st;
};

static long
mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static char *
dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static void
set_str(char **dst, const char *s, size_t n)
{
	free(*dst);
	*dst = xstrndup(s, n);
}

const char *
http_error_name(enum http_error e)
{
	switch(e) {
	case HTTP_OK: return "ok";
	case HTTP_ERR_URL: return "bad URL";
	case HTTP_ERR_DNS: return "host not found";
	case HTTP_ERR_CONNECT: return "connection failed";
	case HTTP_ERR_TIMEOUT: return "timeout";
	case HTTP_ERR_TLS: return "TLS failure";
	case HTTP_ERR_TOO_BIG: return "body too big";
	case HTTP_ERR_TRUNCATED: return "truncated body";
	case HTTP_ERR_REDIRECTS: return "too many redirects";
	case HTTP_ERR_DECODE: return "bad content encoding";
	case HTTP_ERR_NETWORK: return "network error";
	case HTTP_ERR_CANCELLED: return "cancelled";
	case HTTP_ERR_PRIVATE: return "address not allowed";
	}
	return "unknown error";
}

long
http_parse_retry_after(const char *v, long now)
{
	const char *p;
	char *end;
	long n;
	time_t t;

	if(!v)
		return -1;
	while(*v == ' ' || *v == '\t')
		v++;
	if(isdigit((unsigned char)*v)) {
		errno = 0;
		n = strtol(v, &end, 10);
		for(p = end; *p == ' ' || *p == '\t'; p++)
			;
		if(*p || n < 0)
			return -1;
		/* saturated (ERANGE) or merely long: the cap either way */
		if(errno == ERANGE || n > HTTP_RETRY_AFTER_MAX)
			return HTTP_RETRY_AFTER_MAX;
		return n;
	}
	t = curl_getdate(v, NULL);
	if(t == (time_t)-1)
		return -1;
	if(t <= now)
		return 0;
	return t - now > HTTP_RETRY_AFTER_MAX ? HTTP_RETRY_AFTER_MAX :
	    (long)(t - now);
}

/* ---- the address policy (http_addr.c) ---- */

/* True when requests go through a proxy: configured, or from libcurl's
 * environment variables, unless noproxy is "*". */
static bool
http_proxied(const struct http_client *c)
{
	static const char *const vars[] = {
		"http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY",
		"all_proxy", "ALL_PROXY", NULL
	};

	if(c->cfg.noproxy && !strcmp(c->cfg.noproxy, "*"))
		return false;
	if(c->cfg.proxy)
		return *c->cfg.proxy != '\0';
	for(int i = 0; vars[i]; i++) {
		const char *v = getenv(vars[i]);

		if(v && *v)
			return true;
	}
	return false;
}

/* ---- hosts ---- */

static uint64_t
fnv1a(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for(; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

static void
hosts_grow(struct http_client *c)
{
	size_t n = c->nbuckets * 2, i;
	struct http_host **t = xcalloc(n, sizeof(*t));

	for(i = 0; i < c->nbuckets; i++) {
		struct http_host *h = c->hosts[i], *next;

		for(; h; h = next) {
			size_t b = fnv1a(h->key) % n;

			next = h->next;
			h->next = t[b];
			t[b] = h;
		}
	}
	free(c->hosts);
	c->hosts = t;
	c->nbuckets = n;
}

static struct http_host *
host_get(struct http_client *c, const char *key)
{
	size_t b = fnv1a(key) % c->nbuckets;
	struct http_host *h;

	for(h = c->hosts[b]; h; h = h->next)
		if(strcmp(h->key, key) == 0)
			return h;
	h = xcalloc(1, sizeof(*h));
	h->key = xstrdup(key);
	TAILQ_INIT(&h->wait);
	h->next = c->hosts[b];
	c->hosts[b] = h;
	if(++c->nhosts > c->nbuckets * 2)
		hosts_grow(c);
	return h;
}

/* "host:port" in lower case for an http(s) URL, or NULL. */
static char *
host_key(const char *url)
{
	CURLU *u = curl_url();
	char *scheme = NULL, *host = NULL, *port = NULL, *key = NULL;
	struct buf b = {0};
	size_t i;

	if(!u)
		return NULL;
	if(curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK)
		goto out;
	if(curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK ||
	    (strcmp(scheme, "http") && strcmp(scheme, "https")))
		goto out;
	if(curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK ||
	    !*host)
		goto out;
	if(curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) !=
	    CURLUE_OK)
		goto out;
	for(i = 0; host[i]; i++)
		buf_putc(&b, (char)tolower((unsigned char)host[i]));
	buf_printf(&b, ":%s", port);
	key = buf_take(&b);
out:
	curl_free(scheme);
	curl_free(host);
	curl_free(port);
	curl_url_cleanup(u);
	return key;
}

/* Resolves a Location value against base; NULL if it cannot. */
static char *
resolve_url(const char *base, const char *loc)
{
	CURLU *u = curl_url();
	char *s = NULL, *out = NULL;

	if(!u)
		return NULL;
	if(curl_url_set(u, CURLUPART_URL, base, 0) == CURLUE_OK &&
	    curl_url_set(u, CURLUPART_URL, loc, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_URL, &s, 0) == CURLUE_OK)
		out = xstrdup(s);
	curl_free(s);
	curl_url_cleanup(u);
	return out;
}

/* ---- requests ---- */

static void
rq_free(struct http_request *r)
{
	if(r->easy) {
		curl_multi_remove_handle(r->c->multi, r->easy);
		curl_easy_cleanup(r->easy);
	}
	curl_slist_free_all(r->slist);
	free(r->url);
	free(r->etag);
	free(r->last_modified);
	free(r->user_agent);
	if(r->userpwd)
		memset(r->userpwd, 0, strlen(r->userpwd));
	free(r->userpwd);
	free(r->cookie);
	free(r->proxy);
	strlist_free(&r->headers);
	free(r->hop_location);
	free(r->r_etag);
	free(r->r_last_modified);
	free(r->r_content_type);
	free(r->r_content_language);
	free(r->r_retry_after);
	free(r->allow_key);
	free(r->refused);
	buf_free(&r->body);
	free(r->cur_url);
	free(r->perm_url);
	strlist_free(&r->seen);
	free(r->errmsg);
	free(r);
}

static void
kick(struct http_client *c)
{
	event_active(c->kick, 0, 0);
}

/* Moves r to the done queue with an error (or none). */
static void
rq_finish(struct http_request *r, enum http_error e, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
rq_finish(struct http_request *r, enum http_error e, const char *fmt, ...)
{
	struct http_client *c = r->c;

	if(r->state == RQ_ACTIVE) {
		TAILQ_REMOVE(&c->active, r, link);
		curl_multi_remove_handle(c->multi, r->easy);
		r->host->active--;
		c->st.active--;
	}
	r->err = e;
	if(fmt) {
		char msg[CURL_ERROR_SIZE + 256];
		va_list ap;

		va_start(ap, fmt);
		vsnprintf(msg, sizeof(msg), fmt, ap);
		va_end(ap);
		r->errmsg = xstrdup(msg);
	}
	if(e != HTTP_OK)
		c->st.failed++;
	r->state = RQ_DONE;
	TAILQ_INSERT_TAIL(&c->done, r, link);
}

/* ---- libcurl callbacks ---- */

static size_t
write_cb(char *p, size_t size, size_t n, void *arg)
{
	struct http_request *r = arg;
	size_t len = size * n;

	if(r->body.len + len > r->max_body) {
		r->too_big = true;
		return 0;   /* aborts the transfer: CURLE_WRITE_ERROR */
	}
	buf_append(&r->body, p, len);
	r->c->st.bytes += len;
	return len;
}

/* The end of one response's headers: follow the redirect chain. */
static void
header_block_end(struct http_request *r)
{
	long s = r->hop_status;
	char *next;

	if(!r->hop_location || !(s == 301 || s == 302 || s == 303 ||
	    s == 307 || s == 308))
		return;
	next = resolve_url(r->cur_url, r->hop_location);
	if(!next)
		return;
	if(strcmp(next, r->url) == 0 || strlist_contains(&r->seen, next))
		r->loop = true;
	strlist_push(&r->seen, next);
	if(r->perm_chain && (s == 301 || s == 308)) {
		free(r->perm_url);
		r->perm_url = xstrdup(next);
	} else {
		r->perm_chain = false;
	}
	free(r->cur_url);
	r->cur_url = next;
}

static bool
header_is(const char *line, size_t len, const char *name, const char **val,
    size_t *vlen)
{
	size_t n = strlen(name);
	const char *v, *e;

	if(len <= n || strncasecmp(line, name, n) || line[n] != ':')
		return false;
	v = line + n + 1;
	e = line + len;
	while(v < e && (*v == ' ' || *v == '\t'))
		v++;
	while(e > v && (e[-1] == '\r' || e[-1] == '\n' || e[-1] == ' ' ||
	    e[-1] == '\t'))
		e--;
	*val = v;
	*vlen = (size_t)(e - v);
	return true;
}

static size_t
header_cb(char *p, size_t size, size_t n, void *arg)
{
	struct http_request *r = arg;
	size_t len = size * n;
	const char *v;
	size_t vlen;

	if(len >= 5 && strncmp(p, "HTTP/", 5) == 0) {
		const char *sp = memchr(p, ' ', len);

		errno = 0;
		r->hop_status = sp ? strtol(sp + 1, NULL, 10) : 0;
		if(errno == ERANGE || r->hop_status < 0 ||
		    r->hop_status > 999)
			r->hop_status = 0;   /* not a status: no redirect */
		free(r->hop_location);
		free(r->r_etag);
		free(r->r_last_modified);
		free(r->r_content_type);
		free(r->r_content_language);
		free(r->r_retry_after);
		r->hop_location = r->r_etag = r->r_last_modified = NULL;
		r->r_content_type = r->r_retry_after = NULL;
		r->r_content_language = NULL;
	} else if(len >= 1 && len <= 2 && (p[0] == '\r' || p[0] == '\n')) {
		header_block_end(r);
	} else if(header_is(p, len, "Location", &v, &vlen)) {
		set_str(&r->hop_location, v, vlen);
	} else if(header_is(p, len, "ETag", &v, &vlen)) {
		set_str(&r->r_etag, v, vlen);
	} else if(header_is(p, len, "Last-Modified", &v, &vlen)) {
		set_str(&r->r_last_modified, v, vlen);
	} else if(header_is(p, len, "Content-Type", &v, &vlen)) {
		set_str(&r->r_content_type, v, vlen);
	} else if(header_is(p, len, "Content-Language", &v, &vlen)) {
		set_str(&r->r_content_language, v, vlen);
	} else if(header_is(p, len, "Retry-After", &v, &vlen)) {
		set_str(&r->r_retry_after, v, vlen);
	}
	return len;
}

static void sock_event(evutil_socket_t fd, short what, void *arg);

static int
sock_cb(CURL *easy, curl_socket_t s, int what, void *userp, void *socketp)
{
	struct http_client *c = userp;
	struct http_sock *hs = socketp;
	short kind;

	(void)easy;
	if(what == CURL_POLL_REMOVE) {
		if(hs) {
			event_free(hs->ev);
			free(hs);
			curl_multi_assign(c->multi, s, NULL);
		}
		return 0;
	}
	if(!hs) {
		hs = xcalloc(1, sizeof(*hs));
		hs->c = c;
		hs->fd = s;
		curl_multi_assign(c->multi, s, hs);
	} else if(hs->what == what) {
		return 0;
	} else {
		event_free(hs->ev);
	}
	kind = EV_PERSIST;
	if(what & CURL_POLL_IN)
		kind |= EV_READ;
	if(what & CURL_POLL_OUT)
		kind |= EV_WRITE;
	hs->what = what;
	hs->ev = event_new(c->base, s, kind, sock_event, c);
	event_add(hs->ev, NULL);
	return 0;
}

static int
timer_cb(CURLM *multi, long timeout_ms, void *userp)
{
	struct http_client *c = userp;
	struct timeval tv;

	(void)multi;
	if(timeout_ms < 0) {
		evtimer_del(c->timer);
		return 0;
	}
	tv.tv_sec = timeout_ms / 1000;
	tv.tv_usec = (timeout_ms % 1000) * 1000;
	evtimer_add(c->timer, &tv);
	return 0;
}

/* ---- completion ---- */

static enum http_error
map_code(CURLcode rc)
{
	switch(rc) {
	case CURLE_OK:
		return HTTP_OK;
	case CURLE_UNSUPPORTED_PROTOCOL:
	case CURLE_URL_MALFORMAT:
		return HTTP_ERR_URL;
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_RESOLVE_PROXY:
		return HTTP_ERR_DNS;
	case CURLE_COULDNT_CONNECT:
		return HTTP_ERR_CONNECT;
	case CURLE_OPERATION_TIMEDOUT:
		return HTTP_ERR_TIMEOUT;
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_CIPHER:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_ISSUER_ERROR:
		return HTTP_ERR_TLS;
	case CURLE_FILESIZE_EXCEEDED:
		return HTTP_ERR_TOO_BIG;
	case CURLE_PARTIAL_FILE:
		return HTTP_ERR_TRUNCATED;
	case CURLE_TOO_MANY_REDIRECTS:
		return HTTP_ERR_REDIRECTS;
	case CURLE_BAD_CONTENT_ENCODING:
		return HTTP_ERR_DECODE;
	default:
		return HTTP_ERR_NETWORK;
	}
}

/* A 429 or 503 with Retry-After holds the host's queue (capped). */
static void
host_hold(struct http_request *r, long now)
{
	long status = 0, ra, until;

	if(!r->r_retry_after)
		return;
	curl_easy_getinfo(r->easy, CURLINFO_RESPONSE_CODE, &status);
	if(status != 429 && status != 503)
		return;
	ra = http_parse_retry_after(r->r_retry_after, (long)time(NULL));
	if(ra <= 0)
		return;
	if(ra > r->c->cfg.max_host_hold_ms / 1000)
		until = now + r->c->cfg.max_host_hold_ms;
	else
		until = now + ra * 1000;
	if(until <= r->host->not_before)
		return;
	/* told once per hold: when it starts, not when it is extended */
	if(r->host->not_before <= now && r->c->cfg.on_hold)
		r->c->cfg.on_hold(r->c->cfg.hold_ctx, r->host->key, r->url,
		    status, ra, until - now);
	r->host->not_before = until;
}

static void
rq_complete(struct http_request *r, CURLcode rc)
{
	const char *eb = r->errbuf[0] ? r->errbuf : curl_easy_strerror(rc);
	enum http_error e = map_code(rc);
	long now = mono_ms(), el = now - r->t_start;

	if(rc == CURLE_WRITE_ERROR && r->too_big)
		e = HTTP_ERR_TOO_BIG;
	if(r->refused) {
		rq_finish(r, HTTP_ERR_PRIVATE, "refused to connect to %s: a "
		    "loopback, private, link-local, multicast or unspecified "
		    "address, not the source's own host (allow with [http] "
		    "allow_private = yes)", r->refused);
		return;
	}
	if(e == HTTP_OK)
		host_hold(r, now);
	if(e == HTTP_ERR_REDIRECTS && r->loop) {
		rq_finish(r, e, "redirect loop: %s redirects back to a URL "
		    "already visited", r->url);
		return;
	}
	switch(e) {
	case HTTP_OK:
		rq_finish(r, e, NULL);
		break;
	case HTTP_ERR_TIMEOUT:
		rq_finish(r, e, "timeout after %ld ms: %s", el, eb);
		break;
	case HTTP_ERR_TOO_BIG:
		rq_finish(r, e, "body larger than the cap of %zu bytes "
		    "(after decompression); transfer aborted", r->max_body);
		break;
	case HTTP_ERR_TRUNCATED:
		rq_finish(r, e, "truncated body: %s", eb);
		break;
	case HTTP_ERR_REDIRECTS:
		rq_finish(r, e, "more than %d redirects: %s",
		    r->c->cfg.max_redirects, eb);
		break;
	default:
		rq_finish(r, e, "%s: %s", http_error_name(e), eb);
		break;
	}
}

/* Moves every finished transfer to the done queue. */
static void
drain(struct http_client *c)
{
	CURLMsg *m;
	int left;

	for(;;) {
		struct http_request *r = NULL;

		m = curl_multi_info_read(c->multi, &left);
		if(!m)
			break;
		if(m->msg != CURLMSG_DONE)
			continue;
		curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, &r);
		if(!r || r->state != RQ_ACTIVE)
			continue;
		rq_complete(r, m->data.result);
	}
}

static void
deliver_one(struct http_request *r)
{
	struct http_response resp;
	char *final = NULL;
	long status = 0, redirs = 0;

	memset(&resp, 0, sizeof(resp));
	if(r->easy) {
		curl_easy_getinfo(r->easy, CURLINFO_RESPONSE_CODE, &status);
		curl_easy_getinfo(r->easy, CURLINFO_EFFECTIVE_URL, &final);
		curl_easy_getinfo(r->easy, CURLINFO_REDIRECT_COUNT, &redirs);
	}
	resp.error = r->err;
	resp.errmsg = r->errmsg;
	resp.status = status;
	resp.url = r->url;
	resp.final_url = final ? final : r->url;
	resp.permanent_url = r->perm_url;
	resp.redirects = (int)redirs;
	resp.etag = r->r_etag;
	resp.last_modified = r->r_last_modified;
	resp.content_type = r->r_content_type;
	resp.content_language = r->r_content_language;
	resp.retry_after = http_parse_retry_after(r->r_retry_after,
	    (long)time(NULL));
	if(r->err == HTTP_OK) {
		resp.body_len = r->body.len;
		resp.body = buf_take(&r->body);   /* never NULL */
	}
	resp.elapsed_ms = r->t_start ? mono_ms() - r->t_start : 0;
	r->done(r->arg, &resp);
	free(resp.body);
}

static void dispatch(struct http_client *c);

/* Runs the callbacks of finished requests, then lets waiting ones in. */
static void
deliver(struct http_client *c)
{
	struct http_request *r;

	if(c->delivering)
		return;
	c->delivering = true;
	while(!TAILQ_EMPTY(&c->done)) {
		r = TAILQ_FIRST(&c->done);
		TAILQ_REMOVE(&c->done, r, link);
		r->state = RQ_DELIVERING;
		deliver_one(r);
		rq_free(r);
	}
	c->delivering = false;
	dispatch(c);
}

static void
sock_event(evutil_socket_t fd, short what, void *arg)
{
	struct http_client *c = arg;
	int action = 0, running;

	if(what & EV_READ)
		action |= CURL_CSELECT_IN;
	if(what & EV_WRITE)
		action |= CURL_CSELECT_OUT;
	curl_multi_socket_action(c->multi, fd, action, &running);
	drain(c);
	deliver(c);
}

static void
timer_event(evutil_socket_t fd, short what, void *arg)
{
	struct http_client *c = arg;
	int running;

	(void)fd;
	(void)what;
	curl_multi_socket_action(c->multi, CURL_SOCKET_TIMEOUT, 0, &running);
	drain(c);
	deliver(c);
}

static void
kick_event(evutil_socket_t fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	deliver(arg);
}

/* ---- starting requests ---- */

/* The address policy, on the address actually connected (so a name
 * that resolves elsewhere the second time gets no further): called by
 * libcurl once the connection is there, before each request of a
 * redirect chain is sent, for a reused connection too. */
static int
prereq_cb(void *arg, char *ip, char *local_ip, int ip_port, int local_port)
{
	struct http_request *r = arg;
	char *url = NULL, *key;
	bool ok;

	(void)local_ip;
	(void)local_port;
	if(r->c->cfg.allow_private)
		return CURL_PREREQFUNC_OK;
	curl_easy_getinfo(r->easy, CURLINFO_EFFECTIVE_URL, &url);
	key = url ? host_key(url) : NULL;
	if(r->proxy ? strcmp(r->proxy, "none") != 0 : http_proxied(r->c))
		/* the proxy connects: only a literal address is known */
		ok = !key || !http_key_private(key);
	else
		ok = !http_addr_private(ip);
	if(!ok && key && r->allow_key && !strcmp(key, r->allow_key))
		ok = true;
	if(!ok) {
		struct buf b = {0};

		buf_printf(&b, "%s (%s port %d)", key ? key : "?", ip,
		    ip_port);
		free(r->refused);
		r->refused = buf_take(&b);
	}
	free(key);
	return ok ? CURL_PREREQFUNC_OK : CURL_PREREQFUNC_ABORT;
}

static bool
rq_setup(struct http_request *r)
{
	struct http_client *c = r->c;
	CURL *e = curl_easy_init();
	struct buf h = {0};
	size_t i;

	if(!e)
		return false;
	r->easy = e;
	for(i = 0; i < r->headers.n; i++)
		r->slist = curl_slist_append(r->slist, r->headers.v[i]);
	if(r->etag) {
		buf_printf(&h, "If-None-Match: %s", r->etag);
		r->slist = curl_slist_append(r->slist, h.p);
		buf_free(&h);
	}
	if(r->last_modified) {
		buf_printf(&h, "If-Modified-Since: %s", r->last_modified);
		r->slist = curl_slist_append(r->slist, h.p);
		buf_free(&h);
	}
	curl_easy_setopt(e, CURLOPT_URL, r->url);
	curl_easy_setopt(e, CURLOPT_PRIVATE, r);
	curl_easy_setopt(e, CURLOPT_ERRORBUFFER, r->errbuf);
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, write_cb);
	curl_easy_setopt(e, CURLOPT_WRITEDATA, r);
	curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, header_cb);
	curl_easy_setopt(e, CURLOPT_HEADERDATA, r);
	curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(e, CURLOPT_MAXREDIRS, (long)c->cfg.max_redirects);
	curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, r->connect_timeout_ms);
	curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, r->timeout_ms);
	curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE,
	    (curl_off_t)r->max_body);
	curl_easy_setopt(e, CURLOPT_USERAGENT,
	    r->user_agent ? r->user_agent : c->cfg.user_agent);
	curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, r->insecure ? 0L : 1L);
	curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, r->insecure ? 0L : 2L);
	if(r->userpwd) {
		curl_easy_setopt(e, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
		curl_easy_setopt(e, CURLOPT_USERPWD, r->userpwd);
	}
	if(r->cookie)
		curl_easy_setopt(e, CURLOPT_COOKIE, r->cookie);
	curl_easy_setopt(e, CURLOPT_SUPPRESS_CONNECT_HEADERS, 1L);
	if(r->slist)
		curl_easy_setopt(e, CURLOPT_HTTPHEADER, r->slist);
	if(r->proxy && strcmp(r->proxy, "none") == 0) {
		curl_easy_setopt(e, CURLOPT_PROXY, "");
		curl_easy_setopt(e, CURLOPT_NOPROXY, "*");
	} else if(r->proxy) {
		curl_easy_setopt(e, CURLOPT_PROXY, r->proxy);
	} else {
		if(c->cfg.proxy)
			curl_easy_setopt(e, CURLOPT_PROXY, c->cfg.proxy);
		if(c->cfg.noproxy)
			curl_easy_setopt(e, CURLOPT_NOPROXY, c->cfg.noproxy);
	}
	if(c->cfg.ca_file)
		curl_easy_setopt(e, CURLOPT_CAINFO, c->cfg.ca_file);
	curl_easy_setopt(e, CURLOPT_PREREQFUNCTION, prereq_cb);
	curl_easy_setopt(e, CURLOPT_PREREQDATA, r);
	r->cur_url = xstrdup(r->url);
	r->perm_chain = true;
	return true;
}

static void
rq_start(struct http_request *r, long now)
{
	struct http_client *c = r->c;
	struct http_host *h = r->host;

	TAILQ_REMOVE(&h->wait, r, link);
	h->last_start = now;
	c->st.started++;
	r->t_start = now;
	if(!rq_setup(r) || curl_multi_add_handle(c->multi, r->easy) !=
	    CURLM_OK) {
		rq_finish(r, HTTP_ERR_NETWORK, "cannot set up the transfer");
		kick(c);
		return;
	}
	r->state = RQ_ACTIVE;
	TAILQ_INSERT_TAIL(&c->active, r, link);
	h->active++;
	c->st.active++;
}

/* Starts every waiting request that the limits allow, one per host per
 * round so hosts take turns; arms c->delay for the nearest host whose
 * minimum delay holds its queue back. */
static void
dispatch(struct http_client *c)
{
	long now = mono_ms(), wake = -1;
	struct http_host *h, *next;
	bool progress = true;

	while(progress && c->st.active < (size_t)c->cfg.global) {
		progress = false;
		wake = -1;
		for(h = TAILQ_FIRST(&c->ready); h; h = next) {
			long at = h->last_start ?
			    h->last_start + c->cfg.host_delay_ms : 0;

			if(at < h->not_before)
				at = h->not_before;
			next = TAILQ_NEXT(h, rlink);
			if(c->st.active >= (size_t)c->cfg.global)
				break;
			if(h->active >= c->cfg.per_host)
				continue;
			if(now < at) {
				if(wake < 0 || at < wake)
					wake = at;
				continue;
			}
			rq_start(TAILQ_FIRST(&h->wait), now);
			c->st.queued--;
			progress = true;
			if(TAILQ_EMPTY(&h->wait)) {
				TAILQ_REMOVE(&c->ready, h, rlink);
				h->ready = false;
			}
		}
	}
	if(wake >= 0) {
		struct timeval tv;
		long d = wake - now;

		tv.tv_sec = d / 1000;
		tv.tv_usec = (d % 1000) * 1000;
		event_base_update_cache_time(c->base);
		evtimer_add(c->delay, &tv);
	}
}

static void
delay_event(evutil_socket_t fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	dispatch(arg);
}

/* ---- public ---- */

struct http_request *
http_get(struct http_client *c, const char *url,
    const struct http_options *opt, http_done_fn done, void *arg)
{
	struct http_request *r;
	char *key;
	size_t i;

	if(!url)
		return NULL;
	r = xcalloc(1, sizeof(*r));
	r->c = c;
	r->url = xstrdup(url);
	r->done = done;
	r->arg = arg;
	r->connect_timeout_ms = c->cfg.connect_timeout_ms;
	r->timeout_ms = c->cfg.timeout_ms;
	r->max_body = c->cfg.max_body;
	if(opt) {
		r->etag = dup_or_null(opt->etag);
		r->last_modified = dup_or_null(opt->last_modified);
		r->user_agent = dup_or_null(opt->user_agent);
		r->userpwd = dup_or_null(opt->userpwd);
		r->cookie = dup_or_null(opt->cookie);
		r->proxy = dup_or_null(opt->proxy);
		r->insecure = opt->insecure;
		for(i = 0; opt->headers && opt->headers[i]; i++)
			strlist_push(&r->headers, opt->headers[i]);
		if(opt->connect_timeout_ms > 0)
			r->connect_timeout_ms = opt->connect_timeout_ms;
		if(opt->timeout_ms > 0)
			r->timeout_ms = opt->timeout_ms;
		if(opt->max_body > 0)
			r->max_body = opt->max_body;
	}
	r->allow_key = host_key(opt && opt->origin ? opt->origin : url);
	key = host_key(url);
	if(!key) {
		rq_finish(r, HTTP_ERR_URL, "bad URL: not an http(s) URL "
		    "with a host: %s", url);
		kick(c);
		return r;
	}
	r->host = host_get(c, key);
	free(key);
	r->state = RQ_QUEUED;
	TAILQ_INSERT_TAIL(&r->host->wait, r, link);
	if(!r->host->ready) {
		TAILQ_INSERT_TAIL(&c->ready, r->host, rlink);
		r->host->ready = true;
	}
	c->st.queued++;
	kick(c);
	return r;
}

void
http_cancel(struct http_request *r)
{
	struct http_client *c;

	if(!r)
		return;
	c = r->c;
	switch(r->state) {
	case RQ_QUEUED:
		TAILQ_REMOVE(&r->host->wait, r, link);
		c->st.queued--;
		if(TAILQ_EMPTY(&r->host->wait) && r->host->ready) {
			TAILQ_REMOVE(&c->ready, r->host, rlink);
			r->host->ready = false;
		}
		break;
	case RQ_ACTIVE:
		TAILQ_REMOVE(&c->active, r, link);
		r->host->active--;
		c->st.active--;
		kick(c);   /* a slot is free */
		break;
	case RQ_DONE:
		TAILQ_REMOVE(&c->done, r, link);
		break;
	case RQ_DELIVERING:
		return;    /* freed when its callback returns */
	}
	rq_free(r);
}

struct http_client *
http_client_new(struct event_base *base, const struct http_config *cfg,
    char *err, size_t errlen)
{
	struct http_client *c = xcalloc(1, sizeof(*c));
	struct http_config d = {0};

	if(cfg)
		d = *cfg;
	if(curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		fail(err, errlen, "libcurl: global init failed");
		free(c);
		return NULL;
	}
	c->base = base;
	c->cfg.user_agent = xstrdup(d.user_agent ? d.user_agent :
	    HTTP_DEFAULT_UA);
	c->cfg.proxy = dup_or_null(d.proxy);
	c->cfg.noproxy = dup_or_null(d.noproxy);
	c->cfg.ca_file = dup_or_null(d.ca_file);
	c->cfg.connect_timeout_ms = d.connect_timeout_ms > 0 ?
	    d.connect_timeout_ms : 10000;
	c->cfg.timeout_ms = d.timeout_ms > 0 ? d.timeout_ms : 60000;
	c->cfg.max_body = d.max_body > 0 ? d.max_body : 10 * 1024 * 1024;
	c->cfg.max_redirects = d.max_redirects > 0 ? d.max_redirects : 5;
	c->cfg.per_host = d.per_host > 0 ? d.per_host : 2;
	c->cfg.global = d.global > 0 ? d.global : 32;
	c->cfg.host_delay_ms = d.host_delay_ms > 0 ? d.host_delay_ms : 0;
	c->cfg.max_host_hold_ms = d.max_host_hold_ms > 0 ?
	    d.max_host_hold_ms : 600000;
	c->cfg.allow_private = d.allow_private;
	c->cfg.on_hold = d.on_hold;
	c->cfg.hold_ctx = d.hold_ctx;
	c->nbuckets = 64;
	c->hosts = xcalloc(c->nbuckets, sizeof(*c->hosts));
	TAILQ_INIT(&c->ready);
	TAILQ_INIT(&c->active);
	TAILQ_INIT(&c->done);
	c->multi = curl_multi_init();
	c->timer = evtimer_new(base, timer_event, c);
	c->kick = event_new(base, -1, 0, kick_event, c);
	c->delay = evtimer_new(base, delay_event, c);
	if(!c->multi || !c->timer || !c->kick || !c->delay) {
		fail(err, errlen, "cannot create the multi handle or events");
		goto err;
	}
	curl_multi_setopt(c->multi, CURLMOPT_SOCKETFUNCTION, sock_cb);
	curl_multi_setopt(c->multi, CURLMOPT_SOCKETDATA, c);
	curl_multi_setopt(c->multi, CURLMOPT_TIMERFUNCTION, timer_cb);
	curl_multi_setopt(c->multi, CURLMOPT_TIMERDATA, c);
	return c;
err:
	http_client_free(c);
	return NULL;
}

void
http_client_free(struct http_client *c)
{
	struct http_request *r;
	struct http_host *h, *next;
	size_t i;

	if(!c)
		return;
	while(!TAILQ_EMPTY(&c->done)) {
		r = TAILQ_FIRST(&c->done);
		TAILQ_REMOVE(&c->done, r, link);
		rq_free(r);
	}
	for(i = 0; i < c->nbuckets; i++) {
		for(h = c->hosts[i]; h; h = next) {
			next = h->next;
			while(!TAILQ_EMPTY(&h->wait)) {
				r = TAILQ_FIRST(&h->wait);
				TAILQ_REMOVE(&h->wait, r, link);
				rq_free(r);
			}
			free(h->key);
			free(h);
		}
	}
	while(!TAILQ_EMPTY(&c->active)) {
		r = TAILQ_FIRST(&c->active);
		TAILQ_REMOVE(&c->active, r, link);
		rq_free(r);
	}
	if(c->multi)
		curl_multi_cleanup(c->multi);
	if(c->timer)
		event_free(c->timer);
	if(c->kick)
		event_free(c->kick);
	if(c->delay)
		event_free(c->delay);
	free(c->hosts);
	free((char *)c->cfg.user_agent);
	free((char *)c->cfg.proxy);
	free((char *)c->cfg.noproxy);
	free((char *)c->cfg.ca_file);
	free(c);
	curl_global_cleanup();
}

void
http_client_stats(const struct http_client *c, struct http_stats *st)
{
	*st = c->st;
}
