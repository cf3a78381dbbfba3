/* What the metadata tests share: a page run through html_meta_extract()
 * and the checks of its result. */
#ifndef NW_TESTS_META_CHECK_H
#define NW_TESTS_META_CHECK_H

#include <stdint.h>

#include "article.h"
#include "date.h"

/* 2024-01-01T00:00:00Z: the ingest time of every test page. */
#define NOW ((int64_t)1704067200)

#define NKEYS(k) (sizeof(k) / sizeof((k)[0]))

/* The metadata of html (UTF-8) as html_meta_extract() gives it, with url
 * (may be NULL); the caller frees it with article_free(). */
struct nw_article *run(const char *html, const char *url);
/* The first ten characters of the UTC form of t ("2019-11-18"). */
void assert_day(const struct nw_time *t, const char *day);
/* Asserts that a's authors are want, names joined by ';' ("" for none). */
void assert_authors(const struct nw_article *a, const char *want);

#endif
