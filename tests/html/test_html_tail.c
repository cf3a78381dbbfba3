/* Unit tests of html_extract() on what follows an article's text in
 * the article's own box, in markup of no class names (another CMS's):
 * teaser cards whose linked title sits in wrappers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "article.h"
#include "html/html_extract.h"
#include "util.h"

#include "html_prose.h"

#define NOW 1893456000  /* 2030-01-01 */

/* Extracts the page of the headline, the article's three paragraphs
 * and, in the same box after them, tail. */
static struct nw_article *
extract(const char *tail)
{
	struct nw_article *a = article_new();
	struct buf b = { 0 };
	char err[256] = "";

	buf_printf(&b, "<!DOCTYPE html><html><head><title>Harbour bridge"
	    "</title></head><body><div><div><h1>Harbour bridge</h1></div>"
	    "<div><div><div>%s</div></div><div><div>%s</div></div><div><div>"
	    "%s</div></div>%s</div></div></body></html>", prose1, prose2,
	    prose3, tail);
	assert_int_equal(html_extract(b.p, b.len, NULL, NOW, a, err,
	    sizeof(err)), 0);
	buf_free(&b);
	return a;
}

/* Teasers of other stories after the text, each title a heading in a
 * box of its own inside the link (<a><div><h2>), a date and a blurb
 * under it: the link holds the heading's text and no more, so the
 * heading is a card's title, as when the link sits in the heading. */
static void
test_card_title_in_wrapped_link(void **state)
{
	struct nw_article *a;

	(void)state;
	a = extract("<div><div><h2>Related stories</h2></div><div><div>"
	    "<a href=\"/news/ferry\"><div><h2>Ferry service to the islands "
	    "will resume in May after repairs</h2></div></a><div><div>"
	    "Monday 18 April</div></div><div><div>The operator said the "
	    "boats would sail twice a day through the summer.</div></div>"
	    "</div></div><div><div><a href=\"/news/market\"><div><h2>The "
	    "fish market moves to the old customs house next year</h2></div>"
	    "</a><div><div>Friday 15 April</div></div><div><div>Traders "
	    "welcomed the larger hall but asked for more parking.</div></div>"
	    "</div></div></div>");
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose3));
	assert_null(strstr(a->body, "Ferry service"));
	assert_null(strstr(a->body, "fish market"));
	assert_null(strstr(a->body, "more parking"));
	article_free(a);
}

/* An accordion's title is a link to its panel on the page: the panel
 * is the text's, and so is its title. */
static void
test_accordion_title_kept(void **state)
{
	struct nw_article *a;

	(void)state;
	a = extract("<div><a href=\"#panel-1\"><div><h3>What the council "
	    "decided on Tuesday</h3></div></a><div id=\"panel-1\"><div>The "
	    "vote was eleven to four, with two members absent, and the "
	    "mayor said the town would publish the plans in June.</div>"
	    "</div></div>");
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, "What the council decided"));
	article_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_card_title_in_wrapped_link),
		cmocka_unit_test(test_accordion_title_kept),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
