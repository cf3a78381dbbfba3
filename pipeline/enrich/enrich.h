/* Normalisation and enrichment of an extracted article. Pure. */
#ifndef NW_ENRICH_H
#define NW_ENRICH_H

#include "../article.h"

/* Unicode NFC, folded whitespace and no control characters in every text
 * field; canonical_url from canonical_url or url. */
void enrich_normalise(struct nw_article *a);

/* lang (when unset), quotes with speakers, entities, content_hash and
 * simhash. */
void enrich_article(struct nw_article *a);

/* Canonical form of an absolute URL: lower-case scheme and host, default
 * port dropped, fragment and tracking parameters (utm_*, fbclid, gclid...)
 * removed. Returns a new string, or NULL if url is not an absolute URL. */
char *enrich_canonical_url(const char *url);

#endif
