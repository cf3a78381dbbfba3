/* Article extraction from plain-text dumps of pages (a browser's "save as
 * text", w3m -dump, lynx -dump). Pure. */
#ifndef NW_TEXT_EXTRACT_H
#define NW_TEXT_EXTRACT_H

#include <stddef.h>
#include <stdint.h>

#include "../article.h"

/* Segments the UTF-8 text s[0..len) into blocks, classifies each (chrome,
 * headline, byline, date line, caption, credit, body, related link,
 * footer) and fills a: title, subtitle, authors, published, publisher,
 * dateline, images (caption and credit) and body. Returns 0, or -1 with a
 * reason in err when no article text is found. */
int text_extract(const char *s, size_t len, int64_t now,
    struct nw_article *a, char *err, size_t errlen);

#endif
