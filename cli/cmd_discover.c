/* newswire discover URL: the feeds a site offers, as ready [source]
 * sections. The page at URL is fetched; the feeds it advertises with
 * <link rel="alternate"> of an RSS, Atom or JSON Feed type are checked
 * (fetched and parsed) in page order; when none of them is a feed, the
 * usual paths of the site (/feed, /rss.xml, /atom.xml, /index.xml) are.
 * A URL that is itself a feed is printed as it is. Uses the daemon's HTTP
 * client (its politeness, caps and address policy; the site's own host
 * may be private, as a source's may). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <event2/event.h>
#include <libxml/HTMLparser.h>
#include <libxml/uri.h>

#include "cli.h"
#include "feed/feed.h"
#include "http/http.h"
#include "util.h"

#define DISCOVER_TIMEOUT_MS 15000L
#define DISCOVER_MAX_BODY (4u << 20)

struct fetch {
	struct event_base *base;
	bool done;
	long status;
	char *final_url;
	char *body;
	size_t len;
	char err[256];
};

static void
fetch_done(void *arg, struct http_response *r)
{
	struct fetch *f = arg;

	f->done = true;
	f->status = r->status;
	f->final_url = xstrdup(r->final_url ? r->final_url : r->url);
	if (r->error != HTTP_OK) {
		snprintf(f->err, sizeof(f->err), "%s", r->errmsg);
	} else if (r->status / 100 != 2) {
		snprintf(f->err, sizeof(f->err), "HTTP %ld", r->status);
	} else {
		f->body = r->body;
		f->len = r->body_len;
		r->body = NULL;
	}
	event_base_loopbreak(f->base);
}

/* GETs url; 0 with the body in f, or -1 with f->err. */
static int
fetch(struct http_client *c, struct event_base *base, const char *url,
    const char *origin, struct fetch *f)
{
	struct http_options o = { .origin = origin };

	memset(f, 0, sizeof(*f));
	f->base = base;
	http_get(c, url, &o, fetch_done, f);
	while (!f->done)
		event_base_dispatch(base);
	return f->body != NULL ? 0 : -1;
}

static void
fetch_free(struct fetch *f)
{
	free(f->final_url);
	free(f->body);
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
			xmlChar *abs = NULL;

			if (rel && type && href &&
			    rel_alternate((const char *)rel) &&
			    feed_type((const char *)type))
				abs = xmlBuildURI(href, (const xmlChar *)base);
			if (abs != NULL && !strlist_contains(out,
			    (const char *)abs))
				strlist_push(out, (const char *)abs);
			xmlFree(abs);
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

/* Prints the source section of a feed; false when body is no feed. */
static bool
print_feed(struct strlist *names, const char *url, const char *site,
    const char *body, size_t len)
{
	char err[256];
	struct feed *f = feed_parse(body, len, url, err, sizeof(err));
	struct buf name = { 0 };
	const char *t;
	int i = 2;

	if (f == NULL)
		return false;
	t = f->title != NULL && *f->title ? f->title : url;
	for (const char *s = t; *s != '\0' && name.len < 48; s++) {
		char c = *s;

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			buf_putc(&name, c);
		else if (name.len > 0 && name.p[name.len - 1] != '-')
			buf_putc(&name, '-');
	}
	while (name.len > 0 && name.p[name.len - 1] == '-')
		name.len--;
	if (name.len == 0)
		buf_puts(&name, "feed");
	buf_putc(&name, '\0');
	name.len--;
	{
		size_t base_len = name.len;

		while (strlist_contains(names, name.p)) {
			name.len = base_len;
			buf_printf(&name, "-%d", i++);
		}
	}
	strlist_push(names, name.p);
	printf("[source \"%s\"]\nurl = %s\n", name.p, url);
	if (f->title != NULL && *f->title && strpbrk(f->title, "\r\n") ==
	    NULL && strlen(f->title) < 150)
		printf("title = %s\n", f->title);
	if (site != NULL)
		printf("site = %s\n", site);
	printf("# %zu entries now\n\n", f->n_items);
	buf_free(&name);
	feed_free(f);
	return true;
}

int
cmd_discover(int argc, char **argv)
{
	static const char *const paths[] = {
		"/feed", "/rss.xml", "/atom.xml", "/index.xml", NULL
	};
	struct http_config hc = {
		.timeout_ms = DISCOVER_TIMEOUT_MS,
		.max_body = DISCOVER_MAX_BODY,
		.per_host = 2,
	};
	struct strlist cands = { 0 }, names = { 0 };
	struct event_base *base;
	struct http_client *c;
	struct fetch page, f;
	char err[256];
	htmlDocPtr doc;
	size_t found = 0;
	int rc = 1;

	if (argc != 2 || (strncmp(argv[1], "http://", 7) != 0 &&
	    strncmp(argv[1], "https://", 8) != 0)) {
		fprintf(stderr, "usage: newswire discover URL\n");
		return 2;
	}
	base = event_base_new();
	c = base ? http_client_new(base, &hc, err, sizeof(err)) : NULL;
	if (c == NULL) {
		fprintf(stderr, "newswire discover: %s\n",
		    base ? err : "no event base");
		goto out;
	}
	if (fetch(c, base, argv[1], argv[1], &page) != 0) {
		fprintf(stderr, "newswire discover: %s: %s\n", argv[1],
		    page.err);
		fetch_free(&page);
		goto out;
	}
	/* the URL may be a feed itself */
	if (print_feed(&names, page.final_url, NULL, page.body, page.len)) {
		fetch_free(&page);
		rc = 0;
		goto out;
	}
	doc = htmlReadMemory(page.body, (int)page.len, page.final_url, NULL,
	    HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	    HTML_PARSE_RECOVER);
	if (doc != NULL) {
		page_links(xmlDocGetRootElement(doc), page.final_url, &cands,
		    0);
		xmlFreeDoc(doc);
	}
	for (int pass = 0; pass < 2 && found == 0; pass++) {
		if (pass == 1) {
			strlist_free(&cands);
			for (size_t i = 0; paths[i] != NULL; i++)
				strlist_push_owned(&cands,
				    site_path(page.final_url, paths[i]));
		}
		for (size_t i = 0; i < cands.n; i++) {
			if (cands.v[i] == NULL)
				continue;
			if (fetch(c, base, cands.v[i], argv[1], &f) == 0 &&
			    print_feed(&names, f.final_url, page.final_url,
			    f.body, f.len))
				found++;
			else
				fprintf(stderr, "newswire discover: %s: %s\n",
				    cands.v[i], f.err[0] ? f.err :
				    "not a feed");
			fetch_free(&f);
		}
	}
	fetch_free(&page);
	if (found == 0)
		fprintf(stderr, "newswire discover: %s: no feed found\n",
		    argv[1]);
	rc = found > 0 ? 0 : 1;
out:
	strlist_free(&cands);
	strlist_free(&names);
	http_client_free(c);
	if (base != NULL)
		event_base_free(base);
	return rc;
}
