/* Raw-text bodies the extractor never reads, cut before the parse. Pure. */
#ifndef NW_HTML_STRIP_H
#define NW_HTML_STRIP_H

#include <stddef.h>

/* Returns a new NUL-terminated copy of the page s[0..len) (length in
 * *outlen) without the bodies of <style> elements and of <script>
 * elements that neither are JSON (their type names it) nor hold a key of
 * the page-state dates the metadata reads ("...ublish...",
 * "...ublication...", "...reated..."). libxml2 reads such bodies one
 * character at a time into text nodes that the extractor drops; a third
 * of a news page's bytes are scripts and styles. The tags stay, so the
 * tree keeps its shape. Comments are skipped over, attribute values are
 * read with their quotes; where the markup stops making sense (an
 * unterminated comment, quote or element) the rest is copied as it is. */
char *html_strip_raw(const char *s, size_t len, size_t *outlen);

#endif
