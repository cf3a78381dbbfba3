/* Article metadata from an HTML page's markup. Pure. */
#ifndef NW_HTML_META_H
#define NW_HTML_META_H

#include <libxml/HTMLparser.h>
#include <stdint.h>

#include "../article.h"

/* Fills what a's fields lack from the parsed page: title (cleaned of site
 * names), subtitle, authors (cleaned and split), published and updated
 * (never after now), publisher, lang and canonical_url, from JSON-LD
 * (NewsArticle and kin, @graph, arrays), OpenGraph, Dublin Core, <meta>,
 * microdata, <time> and bylines. url (may be NULL) is the page's address.
 * Fields already set are left alone. */
void html_meta_extract(htmlDocPtr doc, const char *url, int64_t now,
    struct nw_article *a);

#endif
