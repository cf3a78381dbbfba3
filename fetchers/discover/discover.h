/* Feed discovery: the feeds a site's page advertises, found over the HTTP
 * client (http.h) on the caller's loop, for `newswire discover` and for
 * the daemon's sources that give `site =` instead of `url =`.
 *
 * The page is fetched; if it is a feed itself, that is the answer.
 * Otherwise the feeds it advertises with <link rel="alternate"> of an
 * RSS, Atom or JSON Feed type are each fetched and parsed, in page order;
 * when none of them is a feed, the usual paths of the site (/feed,
 * /rss.xml, /atom.xml, /index.xml) are. With first_only the search stops
 * at the first feed found. Bodies are capped at max_body and parsed on
 * the loop (a page's HTML, a candidate's feed): discovery is rare (once
 * per source, and when its feed goes away), and the cap keeps each parse
 * short.
 *
 * Every function runs on the loop's thread. */
#ifndef NW_DISCOVER_H
#define NW_DISCOVER_H

#include <stdbool.h>
#include <stddef.h>

#include "http/http.h"

#define DISCOVER_MAX_BODY (4u << 20)

struct discover;

struct discover_feed {
	char *url;                /* after redirects */
	char *title;              /* NULL: none */
	size_t n_items;
};

struct discover_result {
	const char *url;          /* the page asked for */
	const char *page_url;     /* after redirects; NULL: not fetched */
	bool is_feed;             /* the page is a feed itself (feeds[0]) */
	const struct discover_feed *feeds;
	size_t n;
	const char *error;        /* the page could not be fetched, or NULL */
};

struct discover_opts {
	bool first_only;          /* stop at the first feed */
	size_t max_body;          /* [DISCOVER_MAX_BODY] */
	/* NULL or the options of every request (copied); origin is the
	 * page's URL unless given */
	const struct http_options *http;
	/* [NULL] told of each candidate that is no feed, and why */
	void (*note)(void *arg, const char *url, const char *why);
};

/* Called once, from the loop, never from inside discover_start(); r and
 * everything in it is valid during the call only. */
typedef void (*discover_done_fn)(void *arg,
    const struct discover_result *r);

/* Starts discovering the feeds of the page at url. */
struct discover *discover_start(struct http_client *c, const char *url,
    const struct discover_opts *o, discover_done_fn done, void *arg);

/* Stops a discovery under way; done is never called for it. */
void discover_cancel(struct discover *d);

/* The usual paths tried when a page advertises no feed. */
extern const char *const discover_paths[];

#endif
