/* newswire discover URL: the feeds a site offers, as ready [source]
 * sections. The page at URL is fetched; the feeds it advertises with
 * <link rel="alternate"> of an RSS, Atom or JSON Feed type are checked
 * (fetched and parsed) in page order; when none of them is a feed, the
 * usual paths of the site (/feed, /rss.xml, /atom.xml, /index.xml) are.
 * A URL that is itself a feed is printed as it is. The search is
 * fetchers/discover (shared with the daemon's `site =` sources), over the
 * daemon's HTTP client (its politeness, caps and address policy; the
 * site's own host may be private, as a source's may). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <event2/event.h>

#include "cli.h"
#include "discover/discover.h"
#include "http/http.h"
#include "util.h"

#define DISCOVER_TIMEOUT_MS 15000L

struct run {
	struct event_base *base;
	bool done;
	size_t found;
	struct strlist names;
};

/* Prints the source section of a feed. */
static void
print_feed(struct strlist *names, const struct discover_feed *f,
    const char *site)
{
	struct buf name = { 0 };
	const char *t = f->title != NULL ? f->title : f->url;
	int i = 2;

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
	printf("[source \"%s\"]\nurl = %s\n", name.p, f->url);
	if (f->title != NULL && strpbrk(f->title, "\r\n") == NULL &&
	    strlen(f->title) < 150)
		printf("title = %s\n", f->title);
	if (site != NULL)
		printf("site = %s\n", site);
	printf("# %zu entries now\n\n", f->n_items);
	buf_free(&name);
}

static void
note(void *arg, const char *url, const char *why)
{
	(void)arg;
	fprintf(stderr, "newswire discover: %s: %s\n", url, why);
}

static void
done(void *arg, const struct discover_result *r)
{
	struct run *run = arg;

	run->done = true;
	if (r->error != NULL)
		fprintf(stderr, "newswire discover: %s: %s\n", r->url,
		    r->error);
	for (size_t i = 0; i < r->n; i++)
		print_feed(&run->names, &r->feeds[i], r->is_feed ? NULL :
		    r->page_url);
	run->found = r->n;
	if (r->error == NULL && r->n == 0)
		fprintf(stderr, "newswire discover: %s: no feed found\n",
		    r->url);
	event_base_loopbreak(run->base);
}

int
cmd_discover(int argc, char **argv)
{
	struct http_config hc = {
		.timeout_ms = DISCOVER_TIMEOUT_MS,
		.max_body = DISCOVER_MAX_BODY,
		.per_host = 2,
	};
	struct discover_opts o = { .note = note };
	struct run run = { 0 };
	struct http_client *c = NULL;
	char err[256];

	if (argc != 2 || (strncmp(argv[1], "http://", 7) != 0 &&
	    strncmp(argv[1], "https://", 8) != 0)) {
		fprintf(stderr, "usage: newswire discover URL\n");
		return 2;
	}
	run.base = event_base_new();
	c = run.base ? http_client_new(run.base, &hc, err, sizeof(err)) :
	    NULL;
	if (c == NULL) {
		fprintf(stderr, "newswire discover: %s\n",
		    run.base ? err : "no event base");
	} else {
		discover_start(c, argv[1], &o, done, &run);
		while (!run.done)
			event_base_dispatch(run.base);
	}
	strlist_free(&run.names);
	http_client_free(c);
	if (run.base != NULL)
		event_base_free(run.base);
	return run.found > 0 ? 0 : 1;
}
