/* What the text-dump tests share: the article text_extract() finds in a
 * render. Included after cmocka.h by each test file. */
#ifndef NW_TEST_TEXT_EXTRACTED_H
#define NW_TEST_TEXT_EXTRACTED_H

#include <string.h>

#include "article.h"
#include "text/text_extract.h"

/* The article text_extract() finds in the render s, which must have a
 * body; the caller frees it. */
static struct nw_article *
extracted(const char *s)
{
	struct nw_article *a = article_new();
	char err[128];

	assert_int_equal(text_extract(s, strlen(s), 0, a, err, sizeof(err)),
	    0);
	assert_non_null(a->body);
	return a;
}

#endif
