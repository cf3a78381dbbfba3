#include "discover.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>

#include "url.h"
#include "feed/feed.h"
#include "util.h"

const char *const discover_paths[] = {
	"/feed", "/rss.xml", "/atom.xml", "/index.xml", NULL
};

struct discover {
	struct http_client *c;
	char *url;
	char *page_url;
	bool first_only;
	size_t max_body;
	void (*note)(void *arg, const char *url, const char *why);
	discover_done_fn done;
	void *arg;
	/* the options of every request, owned */
	struct http_options o;
	struct strlist headers;
	const char **hv;
	char *user_agent, *userpwd, *cookie, *proxy, *origin;
	/* the search */
	struct strlist cands;
	size_t next;
	int pass;                   /* 0: advertised, 1: usual paths */
	struct discover_feed *feeds;
	size_t n;
	bool is_feed;
	struct http_request *req;
};

static char *
dup0(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

static void
secret_free(char *s)
{
	if (s != NULL)
		memset(s, 0, strlen(s));
	free(s);
}

void
discover_cancel(struct discover *d)
{
	if (d == NULL)
		return;
	if (d->req != NULL)
		http_cancel(d->req);
	free(d->url);
	free(d->page_url);
	strlist_free(&d->headers);
	free(d->hv);
	free(d->user_agent);
	secret_free(d->userpwd);
	secret_free(d->cookie);
	free(d->proxy);
	free(d->origin);
	strlist_free(&d->cands);
	for (size_t i = 0; i < d->n; i++) {
		free(d->feeds[i].url);
		free(d->feeds[i].title);
	}
	free(d->feeds);
	free(d);
}

static void
finish(struct discover *d, const char *error)
{
	struct discover_result r = {
		.url = d->url,
		.page_url = d->page_url,
		.is_feed = d->is_feed,
		.feeds = d->feeds,
		.n = d->n,
		.error = error,
	};

	d->done(d->arg, &r);
	discover_cancel(d);
}

/* A body that is a feed: kept, true. */
static bool
take_feed(struct discover *d, const char *url, const char *body, size_t len)
{
	char err[256];
	struct feed *f = feed_parse(body, len, url, err, sizeof(err));
	struct discover_feed *x;

	if (f == NULL)
		return false;
	d->feeds = xrealloc(d->feeds, (d->n + 1) * sizeof(*d->feeds));
	x = &d->feeds[d->n++];
	x->url = xstrdup(url);
	x->title = f->title != NULL && *f->title != '\0' ?
	    xstrdup(f->title) : NULL;
	x->n_items = f->n_items;
	feed_free(f);
	return true;
}

static bool
feed_type(const char *t)
{
	static const char *const types[] = {
		"application/rss+xml", "application/atom+xml",
		"application/rdf+xml", "application/feed+json",
		"application/json", "text/xml", "application/xml", NULL
	};

	for (size_t i = 0; types[i] != NULL; i++)
		if (strncasecmp(t, types[i], strlen(types[i])) == 0)
			return true;
	return false;
}

static bool
rel_alternate(const char *rel)
{
	const char *p = rel;

	while ((p = strcasestr(p, "alternate")) != NULL) {
		if ((p == rel || p[-1] == ' ') &&
		    (p[9] == '\0' || p[9] == ' '))
			return true;
		p += 9;
	}
	return false;
}

/* The <link rel="alternate"> feeds of an HTML page, resolved. */
static void
page_links(xmlNode *n, const char *base, struct strlist *out, int depth)
{
	for (; n != NULL && depth < 64; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (strcasecmp((const char *)n->name, "link") == 0) {
			xmlChar *rel = xmlGetProp(n, (const xmlChar *)"rel");
			xmlChar *type = xmlGetProp(n, (const xmlChar *)"type");
			xmlChar *href = xmlGetProp(n, (const xmlChar *)"href");
			char *abs = NULL;

			/* the pipeline's resolver: an href with raw
			 * non-ASCII is percent-encoded, not lost */
			if (rel && type && href &&
			    rel_alternate((const char *)rel) &&
			    feed_type((const char *)type))
				abs = url_resolve((const char *)href,
				    base);
			if (abs != NULL && (strncmp(abs, "http://", 7) == 0 ||
			    strncmp(abs, "https://", 8) == 0) &&
			    !strlist_contains(out, abs))
				strlist_push(out, abs);
			free(abs);
			xmlFree(rel);
			xmlFree(type);
			xmlFree(href);
		}
		page_links(n->children, base, out, depth + 1);
	}
}

/* scheme://host[:port] of url followed by path. */
static char *
site_path(const char *url, const char *path)
{
	const char *p = strstr(url, "://");
	struct buf b = { 0 };
	size_t n;

	if (p == NULL)
		return NULL;
	p += 3;
	n = strcspn(p, "/?#");
	buf_append(&b, url, (size_t)(p - url) + n);
	buf_puts(&b, path);
	return buf_take(&b);
}

/* scheme://host:port of a and b alike (credentials go there only). */
static bool
same_origin(const char *a, const char *b)
{
	const char *pa = strstr(a, "://"), *pb = strstr(b, "://");
	size_t na, nb;

	if (pa == NULL || pb == NULL)
		return false;
	na = (size_t)(pa - a) + 3 + strcspn(pa + 3, "/?#");
	nb = (size_t)(pb - b) + 3 + strcspn(pb + 3, "/?#");
	return na == nb && strncasecmp(a, b, na) == 0;
}

static void on_cand(void *arg, struct http_response *r);

static void
get(struct discover *d, const char *url, http_done_fn fn)
{
	struct http_options o = d->o;

	if (!same_origin(url, d->url)) {
		o.userpwd = NULL;
		o.cookie = NULL;
	}
	d->req = http_get(d->c, url, &o, fn, d);
}

/* The next candidate, or the usual paths, or the end. */
static void
next(struct discover *d)
{
	while (d->next < d->cands.n && d->cands.v[d->next] == NULL)
		d->next++;
	if (d->next < d->cands.n) {
		get(d, d->cands.v[d->next++], on_cand);
		return;
	}
	if (d->n > 0 || d->pass == 1) {
		finish(d, NULL);
		return;
	}
	d->pass = 1;
	strlist_free(&d->cands);
	d->next = 0;
	for (size_t i = 0; discover_paths[i] != NULL; i++)
		strlist_push_owned(&d->cands, site_path(d->page_url,
		    discover_paths[i]));
	next(d);
}

/* Why a response is no body to look at, or NULL. */
static const char *
why_not(const struct http_response *r, char *buf, size_t len)
{
	if (r->error != HTTP_OK)
		return r->errmsg != NULL ? r->errmsg :
		    http_error_name(r->error);
	if (r->status / 100 != 2) {
		snprintf(buf, len, "HTTP %ld", r->status);
		return buf;
	}
	return NULL;
}

static void
on_cand(void *arg, struct http_response *r)
{
	struct discover *d = arg;
	char buf[64];
	const char *why = why_not(r, buf, sizeof(buf));

	d->req = NULL;
	if (why == NULL && !take_feed(d, r->final_url ? r->final_url :
	    r->url, r->body, r->body_len))
		why = "not a feed";
	if (why != NULL && d->note != NULL)
		d->note(d->arg, r->url, why);
	if (why == NULL && d->first_only) {
		finish(d, NULL);
		return;
	}
	next(d);
}

static void
on_page(void *arg, struct http_response *r)
{
	struct discover *d = arg;
	char buf[64];
	const char *why = why_not(r, buf, sizeof(buf));
	htmlDocPtr doc;

	d->req = NULL;
	if (why != NULL) {
		finish(d, why);
		return;
	}
	d->page_url = xstrdup(r->final_url ? r->final_url : r->url);
	/* the URL may be a feed itself */
	if (take_feed(d, d->page_url, r->body, r->body_len)) {
		d->is_feed = true;
		finish(d, NULL);
		return;
	}
	doc = r->body_len <= (size_t)INT32_MAX ? htmlReadMemory(r->body,
	    (int)r->body_len, d->page_url, NULL, HTML_PARSE_NONET |
	    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER) :
	    NULL;
	if (doc != NULL) {
		page_links(xmlDocGetRootElement(doc), d->page_url, &d->cands,
		    0);
		xmlFreeDoc(doc);
	}
	next(d);
}

struct discover *
discover_start(struct http_client *c, const char *url,
    const struct discover_opts *opts, discover_done_fn done, void *arg)
{
	struct discover *d = xcalloc(1, sizeof(*d));
	const struct http_options *o = opts != NULL ? opts->http : NULL;
	size_t n = 0;

	d->c = c;
	d->url = xstrdup(url);
	d->done = done;
	d->arg = arg;
	if (opts != NULL) {
		d->first_only = opts->first_only;
		d->max_body = opts->max_body;
		d->note = opts->note;
	}
	if (d->max_body == 0)
		d->max_body = DISCOVER_MAX_BODY;
	if (o != NULL)
		d->o = *o;
	for (; o != NULL && o->headers != NULL && o->headers[n] != NULL; n++)
		strlist_push(&d->headers, o->headers[n]);
	d->hv = xcalloc(n + 1, sizeof(*d->hv));
	for (size_t i = 0; i < n; i++)
		d->hv[i] = d->headers.v[i];
	d->o.headers = d->hv;
	d->o.user_agent = d->user_agent = dup0(d->o.user_agent);
	d->o.userpwd = d->userpwd = dup0(d->o.userpwd);
	d->o.cookie = d->cookie = dup0(d->o.cookie);
	d->o.proxy = d->proxy = dup0(d->o.proxy);
	d->o.origin = d->origin = xstrdup(d->o.origin != NULL ?
	    d->o.origin : url);
	d->o.etag = NULL;
	d->o.last_modified = NULL;
	if (d->o.max_body == 0 || d->o.max_body > d->max_body)
		d->o.max_body = d->max_body;
	d->req = http_get(c, url, &d->o, on_page, d);
	return d;
}
