/* Telling what kind of document a decoded text is. Pure function. */
#ifndef NW_SNIFF_H
#define NW_SNIFF_H

#include <stddef.h>

enum sniff_kind {
	SNIFF_HTML,   /* an HTML page */
	SNIFF_TEXT,   /* a plain-text dump of a page */
	SNIFF_FEED,   /* an RSS, Atom, RDF or JSON feed */
	SNIFF_OTHER,  /* something the pipeline does not accept */
};

/* Looks at the start of UTF-8 text s[0..len) and says what it is. */
enum sniff_kind sniff_kind(const char *s, size_t len);
const char *sniff_name(enum sniff_kind k);

#endif
