/* What the metadata tests share (meta_check.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "article.h"
#include "date.h"
#include "html/html_meta.h"
#include "meta_check.h"

struct nw_article *
run(const char *html, const char *url)
{
	struct nw_article *a = article_new();
	htmlDocPtr doc;

	doc = htmlReadMemory(html, (int)strlen(html), url, "UTF-8",
	    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	    HTML_PARSE_NONET);
	assert_non_null(doc);
	html_meta_extract(doc, url, NOW, a);
	xmlFreeDoc(doc);
	return a;
}

/* The first ten characters of the UTC form of t ("2019-11-18"). */
void
assert_day(const struct nw_time *t, const char *day)
{
	char buf[32];

	assert_true(t->set);
	assert_non_null(date_format_utc(t, buf, sizeof(buf)));
	assert_int_equal(strncmp(buf, day, 10), 0);
}

/* Asserts that a's authors are want, names joined by ';' ("" for none). */
void
assert_authors(const struct nw_article *a, const char *want)
{
	const char *p = want, *e;
	size_t i = 0;

	while (*p != '\0') {
		e = strchr(p, ';');
		if (e == NULL)
			e = p + strlen(p);
		assert_true(i < a->authors.n);
		assert_int_equal(strlen(a->authors.v[i]), (size_t)(e - p));
		assert_memory_equal(a->authors.v[i], p, (size_t)(e - p));
		i++;
		p = *e == ';' ? e + 1 : e;
	}
	assert_int_equal(a->authors.n, i);
}
