/* Article extraction from HTML pages over libxml2's HTML parser. Pure. */
#ifndef NW_HTML_EXTRACT_H
#define NW_HTML_EXTRACT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../article.h"

/* Parses the UTF-8 page s[0..len) and fills a: title, subtitle, authors,
 * published, updated, publisher, lang, canonical_url, images and body, from
 * JSON-LD, OpenGraph, Dublin Core, <meta>, microdata and <time>, and from
 * the page text where those are missing. url (may be NULL) resolves
 * relative links. Dates after now (Unix seconds) are ignored. Returns 0, or
 * -1 with a reason in err when the page cannot be parsed at all. */
int html_extract(const char *s, size_t len, const char *url, int64_t now,
    struct nw_article *a, char *err, size_t errlen);

/* html_extract() on a fragment that is all article, such as a feed
 * entry's content or summary: no container is chosen, and no paragraph
 * is dropped for being short or for reading as a notice. Only link lists,
 * blocks marked as boilerplate and the link lines that end the text
 * ("Continue reading...") are left out, and even these are kept when
 * nothing else is left. */
int html_extract_fragment(const char *s, size_t len, const char *url,
    int64_t now, struct nw_article *a, char *err, size_t errlen);

/* html_extract() of a view that decode_view_unchecked() gave, checked
 * as UTF-8 by the cut of the page (the one pass over its bytes): where it
 * is not clean, returns -1 with *dirty true, a and err untouched, and the
 * page is for decode_to_utf8_view(). */
int html_extract_unchecked(const char *s, size_t len, const char *url,
    int64_t now, struct nw_article *a, bool *dirty, char *err,
    size_t errlen);

#endif
