/* A feed entry becomes an article: the entry's page through the pipeline,
 * or, without a page, the entry's own HTML through the same extractor and
 * enrichment. Pure: no I/O, no global state. */
#ifndef NW_ENTRY_H
#define NW_ENTRY_H

#include <stddef.h>

#include "article.h"
#include "date.h"
#include "pipeline.h"

/* What a feed says of one entry. Every pointer is borrowed (the entry
 * owns nothing); all fields may be NULL/0, and "" counts as NULL. */
struct nw_entry {
	const char *guid, *title, *link, *summary, *content; /* HTML or text */
	struct nw_time published, updated;
	const char *const *authors;
	size_t n_authors;
	const char *image;          /* URL */
	const char *feed_title;     /* the outlet, fills publisher */
};

/* The entry's article, owned by the caller.
 *
 * With a page (page != NULL && page->data != NULL): pipeline_run() on
 * the page, the entry filling what the page lacks: title, url, dates,
 * authors, publisher (feed_title), an image, and the summary as subtitle
 * when the page has none and its body does not open with it;
 * *from_page = 1.
 *
 * If the page yields nothing, or without a page: the entry's content
 * (else its summary) goes through the HTML extractor (html_extract(),
 * text without markup as paragraphs split at blank lines) and the same
 * enrichment as pipeline_run(); the entry's title and link are the
 * article's, its dates, authors, feed title and image fill the gaps, and
 * with content the summary is the subtitle (as above); *from_page = 0.
 * When a page was given but yielded nothing, err holds the reason all
 * the same (the article is still returned): the caller may report it.
 * page->now, read even when page->data is NULL, bounds the dates found
 * in the entry's HTML; without page, any date is taken.
 *
 * content_hash is always set: an entry without text is known by the
 * SHA-256 of its title, link and (empty) body. Returns NULL only with a
 * reason in err: the entry has no text, no title and no link. */
struct nw_article *pipeline_entry(const struct nw_entry *e,
    const struct nw_input *page, int *from_page, char *err, size_t errlen);

#endif
