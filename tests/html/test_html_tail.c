/* Unit tests of html_extract() on what follows an article's text in
 * the article's own box, in markup of no class names (another CMS's):
 * teaser cards whose linked title sits in wrappers, rows of inline
 * elements set against each other, readers' comments beside the
 * article's box, and the author's biography. */
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

/* A paragraph written as a row of inline elements with no blank
 * between them is text in a script that parts no words by blanks
 * (each phrase a link or a highlight): written. Round 23 skipped such a
 * row as a row of tags (one cms page of half 0, munich2022); it took
 * Chinese and Japanese lines with it. */
static void
test_inline_row_written(void **state)
{
	struct nw_article *a;

	(void)state;
	a = extract("<div><div><span>\xe5\x8c\x97\xe4\xba\xac\xe5\xb8"
	    "\x82\xe6\x94\xbf\xe5\xba\x9c</span><span>\xe4\xbb\x8a\xe5"
	    "\xa4\xa9\xe5\xae\xa3\xe5\xb8\x83</span><span>\xe5\x9c\xb0"
	    "\xe9\x93\x81\xe7\xa5\xa8\xe4\xbb\xb7\xe5\xb0\x86\xe4\xb8"
	    "\x8a\xe8\xb0\x83</span></div></div>");
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose3));
	/* "北京市政府今天宣布地铁票价将上调" */
	assert_non_null(strstr(a->body, "\xe5\x8c\x97\xe4\xba\xac\xe5"
	    "\xb8\x82\xe6\x94\xbf\xe5\xba\x9c\xe4\xbb\x8a\xe5\xa4\xa9"));
	article_free(a);
}

/* Facts whose label and value are texts of their own ("Cost: " "4"
 * "m") are written as the page sets them. (Round 23 guarded them from
 * its rule of rows of tags, which round 25 dropped.) */
static void
test_facts_written(void **state)
{
	struct nw_article *a;

	(void)state;
	a = extract("<div><div><span><span>Length: </span><span>240</span>"
	    "<span>m</span></span><span><span>Cost: </span><span>4</span>"
	    "<span>million euros</span></span><span><span>Opening: </span>"
	    "<span>2031</span></span></div></div><div><div>The bridge will be the "
	    "longest in the region, and the first to carry a bus lane over "
	    "the harbour's mouth.</div></div>");
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, "Cost: 4million euros"));
	article_free(a);
}

/* A slide's counter ("2" "/" "5") is written: it parts the slide's
 * picture from the slide's heading, which says what the picture's
 * alternative text says and is no caption of it. */
static void
test_counter_written(void **state)
{
	struct nw_article *a;

	(void)state;
	a = extract("<div><div><img src=\"/img/pier.jpg\" alt=\"The new stone "
	    "pier\"></div><div><span>2</span><span>/</span><span>5</span>"
	    "</div><div><h2>The new stone pier</h2></div><div><div>The pier "
	    "will be rebuilt in stone, with room for the ferry and for the "
	    "fishing boats that now moor in the canal.</div></div></div>");
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, "The new stone pier\n"));
	article_free(a);
}

/* Readers' comments in a box of their own beside the article's box,
 * under meaningless class names (no "comment" to prune them by): each
 * post a name line and a date over the reader's paragraphs. The box
 * scores as a sibling, but half its prose is the posts of a thread:
 * not written with the article (franziska-elea h0, tomshardware h1 in
 * the names form). */
static void
test_comments_sibling_left(void **state)
{
	static const char *const names[] = {
		"Jasmin sagt:", "Flory sagt:", "Tom K. says:", "Raffaela sagt:",
	};
	static const char said[] =
	    "I drive over that bridge every day and the detour has added "
	    "almost half an hour to my commute, so I am glad the council "
	    "has finally found the money to rebuild it properly, and I "
	    "hope they will not close the old road before the new one is "
	    "open, as they did with the ferry pier, which took two years.";
	struct nw_article *a = article_new();
	struct buf b = { 0 };
	char err[256] = "";

	(void)state;
	buf_printf(&b, "<!DOCTYPE html><html><head><title>Harbour bridge"
	    "</title></head><body><div class=q1><h1 class=q2>Harbour bridge"
	    "</h1><div class=q3><p>%s</p><p>%s</p><p>%s</p></div><div "
	    "class=q4><div class=q5>17 comments on this post</div>", prose1,
	    prose2, prose3);
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		buf_printf(&b, "<div class=\"q6 q%zu\"><div class=q7>%s</div>"
		    "<div class=q8>10 February 2019 at 18:%02zu</div><p>%s</p>"
		    "<p>%s Thanks.</p></div>", 10 + i, names[i], 10 + i, said,
		    said);
	buf_printf(&b, "</div></div></body></html>");
	assert_int_equal(html_extract(b.p, b.len, NULL, NOW, a, err,
	    sizeof(err)), 0);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose1));
	assert_non_null(strstr(a->body, prose3));
	assert_null(strstr(a->body, "my commute"));
	article_free(a);
	buf_free(&b);
}

/* A share bar's labels in another CMS's markup, no class to name them:
 * a short line whose every word stands beside an icon of its own
 * ("Shares" by its icon, a count of 828 by its icon) is left out (aeb
 * 686bb170 h1, popsugar h0, the cms form); a figure set large beside a
 * quote's icon outside its box (panamaamerica) stays. */
static void
test_icon_labels_left(void **state)
{
	struct nw_article *a = article_new();
	struct buf b = { 0 };
	char err[256] = "";

	(void)state;
	buf_printf(&b, "<!DOCTYPE html><html><head><title>Harbour bridge"
	    "</title></head><body><div><div><h1>Harbour bridge</h1></div>"
	    "<div><div>%s</div></div><div><div>%s</div></div>"
	    "<div><div><span><i></i> 828</span></div></div>"
	    "<div><div><i></i> <span>Shares</span> <span></span></div></div>"
	    "<div><div>%s</div></div><i></i><div><div>9</div></div>"
	    "<div><div>months the plane has been held.</div></div>"
	    "</div></body></html>", prose1, prose2, prose3);
	assert_int_equal(html_extract(b.p, b.len, NULL, NOW, a, err,
	    sizeof(err)), 0);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose1));
	assert_non_null(strstr(a->body, prose3));
	assert_null(strstr(a->body, "828"));
	assert_null(strstr(a->body, "Shares"));
	assert_non_null(strstr(a->body, "\n9\n"));
	article_free(a);
	buf_free(&b);
}

/* The author's biography closing a section of the text's second half:
 * a paragraph that opens with the author's name, the metadata's, under a
 * short heading, with a heading after it (the outlet's pitch) is left
 * out with its heading (rosa-mag h0, digitale-exzellenz h1 in the names
 * form, where no "author" class prunes it); a paragraph that opens with
 * the name among the text's paragraphs (a text about its writer) is
 * kept. */
static void
test_author_bio_left(void **state)
{
	static const char bio[] = "Jane Doe is a reporter for the Harbour "
	    "Gazette and writes about the town's roads, bridges and ferries.";
	static const char pitch[] = "Support the Harbour Gazette, the only "
	    "paper that still covers the council's meetings every week.";
	struct nw_article *a;
	struct buf b = { 0 };
	char err[256] = "";

	(void)state;
	for (int keep = 0; keep < 2; keep++) {
		a = article_new();
		buf_printf(&b, "<!DOCTYPE html><html><head><title>Harbour "
		    "bridge</title><meta name=author content=\"Jane Doe\">"
		    "</head><body><div><div><h1>Harbour bridge</h1></div><div>"
		    "<div><div>%s</div></div><div><div>%s</div></div><div>"
		    "<div>%s</div></div><div><div><h3>Jane</h3></div></div>"
		    "<div><div>%s</div></div>%s<div><div><h3>Support us</h3>"
		    "</div></div><div><div>%s</div></div></div></div></body>"
		    "</html>", prose1, prose2, prose3, bio, keep ?
		    "<div><div>She has lived by the harbour all her life and "
		    "crosses the bridge on foot every morning.</div></div>" :
		    "", pitch);
		assert_int_equal(html_extract(b.p, b.len, NULL, NOW, a, err,
		    sizeof(err)), 0);
		assert_non_null(a->body);
		assert_non_null(strstr(a->body, prose3));
		if (keep)
			assert_non_null(strstr(a->body, bio));
		else {
			assert_null(strstr(a->body, bio));
			assert_null(strstr(a->body, "Jane\n"));
		}
		article_free(a);
		b.len = 0;
	}
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_card_title_in_wrapped_link),
		cmocka_unit_test(test_accordion_title_kept),
		cmocka_unit_test(test_inline_row_written),
		cmocka_unit_test(test_facts_written),
		cmocka_unit_test(test_counter_written),
		cmocka_unit_test(test_comments_sibling_left),
		cmocka_unit_test(test_author_bio_left),
		cmocka_unit_test(test_icon_labels_left),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
