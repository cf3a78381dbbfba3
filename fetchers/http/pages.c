#include "pages.h"

#include <event2/event.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define PAGES_TRIES 3
#define PAGES_BACKOFF_MS 60000L
#define PAGES_WAIT_MAX_MS 600000L

struct pages {
	struct event_base *base;
	struct http_client *http;
	struct pages_config cfg;
	size_t active;
};

struct page_req {
	struct pages *P;
	char *url;
	struct http_options o;
	struct strlist headers;         /* o.headers points into hv */
	const char **hv;
	char *user_agent;
	char *origin;                   /* o.origin points here */
	char *etag, *last_modified;     /* and the other strings of o */
	char *userpwd, *cookie, *proxy;
	http_done_fn done;
	void *arg;
	struct http_request *req;       /* NULL: waiting on timer */
	struct event *timer;
	int tries;                      /* failed attempts so far */
};

struct pages *
pages_new(struct event_base *base, struct http_client *client,
    const struct pages_config *cfg)
{
	struct pages *p = xcalloc(1, sizeof(*p));

	p->base = base;
	p->http = client;
	if (cfg != NULL)
		p->cfg = *cfg;
	if (p->cfg.tries <= 0)
		p->cfg.tries = PAGES_TRIES;
	if (p->cfg.backoff_ms <= 0)
		p->cfg.backoff_ms = PAGES_BACKOFF_MS;
	if (p->cfg.max_wait_ms <= 0)
		p->cfg.max_wait_ms = PAGES_WAIT_MAX_MS;
	return p;
}

static void
secret_free(char *s)
{
	if (s != NULL)
		memset(s, 0, strlen(s));
	free(s);
}

static char *
dup_opt(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

static void
req_free(struct page_req *r)
{
	if (r->req != NULL)
		http_cancel(r->req);
	if (r->timer != NULL)
		event_free(r->timer);
	strlist_free(&r->headers);
	free(r->hv);
	free(r->user_agent);
	free(r->origin);
	free(r->etag);
	free(r->last_modified);
	secret_free(r->userpwd);
	secret_free(r->cookie);
	free(r->proxy);
	free(r->url);
	free(r);
}

static bool
transient(const struct http_response *r)
{
	switch (r->error) {
	case HTTP_OK:
		return r->status == 429 || r->status >= 500;
	case HTTP_ERR_TIMEOUT:
	case HTTP_ERR_CONNECT:
	case HTTP_ERR_DNS:
	case HTTP_ERR_TRUNCATED:
	case HTTP_ERR_NETWORK:
		return true;
	default:
		return false;
	}
}

static void on_done(void *arg, struct http_response *resp);

static void
start(struct page_req *r)
{
	r->req = http_get(r->P->http, r->url, &r->o, on_done, r);
}

static void
on_timer(evutil_socket_t fd, short what, void *arg)
{
	struct page_req *r = arg;

	(void)fd;
	(void)what;
	start(r);
}

/* The wait before the next try: backoff doubling, or Retry-After (its
 * seconds checked before they are multiplied), capped. */
static long
wait_ms(const struct page_req *r, const struct http_response *resp)
{
	long max = r->P->cfg.max_wait_ms;
	long ms = r->P->cfg.backoff_ms;

	for (int i = 0; i < r->tries && ms < max; i++)
		ms *= 2;
	if (resp->retry_after > 0) {
		if (resp->retry_after >= max / 1000)
			ms = max;
		else if (resp->retry_after * 1000L > ms)
			ms = resp->retry_after * 1000L;
	}
	return ms < max ? ms : max;
}

static void
on_done(void *arg, struct http_response *resp)
{
	struct page_req *r = arg;
	struct timeval tv;
	long ms;

	r->req = NULL;
	if (transient(resp) && r->tries + 1 < r->P->cfg.tries) {
		ms = wait_ms(r, resp);
		r->tries++;
		if (r->timer == NULL)
			r->timer = evtimer_new(r->P->base, on_timer, r);
		if (r->timer != NULL) {
			tv.tv_sec = ms / 1000;
			tv.tv_usec = (ms % 1000) * 1000;
			evtimer_add(r->timer, &tv);
			return;
		}
	}
	r->P->active--;
	r->done(r->arg, resp);
	req_free(r);
}

struct page_req *
pages_get(struct pages *p, const char *url, const struct http_options *o,
    http_done_fn done, void *arg)
{
	struct page_req *r = xcalloc(1, sizeof(*r));
	size_t n = 0;

	r->P = p;
	r->url = xstrdup(url);
	r->done = done;
	r->arg = arg;
	if (o != NULL)
		r->o = *o;
	if (o != NULL && o->headers != NULL)
		for (; o->headers[n] != NULL; n++)
			strlist_push(&r->headers, o->headers[n]);
	r->hv = xcalloc(n + 1, sizeof(*r->hv));
	for (size_t i = 0; i < n; i++)
		r->hv[i] = r->headers.v[i];
	r->o.headers = r->hv;
	r->o.user_agent = r->user_agent = dup_opt(r->o.user_agent);
	r->o.origin = r->origin = dup_opt(r->o.origin);
	r->o.etag = r->etag = dup_opt(r->o.etag);
	r->o.last_modified = r->last_modified = dup_opt(r->o.last_modified);
	r->o.userpwd = r->userpwd = dup_opt(r->o.userpwd);
	r->o.cookie = r->cookie = dup_opt(r->o.cookie);
	r->o.proxy = r->proxy = dup_opt(r->o.proxy);
	p->active++;
	start(r);
	return r;
}

void
pages_cancel(struct page_req *r)
{
	if (r == NULL)
		return;
	r->P->active--;
	req_free(r);
}

size_t
pages_active(const struct pages *p)
{
	return p->active;
}

int
pages_tries(const struct page_req *r)
{
	return r->tries;
}

void
pages_free(struct pages *p)
{
	free(p);
}
