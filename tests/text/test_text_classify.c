/* Unit tests of the text-dump extractor's signals, segmentation and block
 * classifier, on synthetic dumps written for these tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "article.h"
#include "util.h"
#include "text/text_blocks.h"
#include "text/text_extract.h"
#include "text/text_util.h"

/* cmocka's fail() is shadowed by util.h's fail(): report and fail here. */
#define test_fail(...) do { \
	print_error(__VA_ARGS__); \
	_fail(__FILE__, __LINE__); \
} while (0)

/* A sentence ends inside the closing quotes and brackets of every
 * language: German low-high quotes and reversed guillemets, single ones, CJK
 * corner brackets and fullwidth parentheses (gnaur.wordpress.com's
 * one-paragraph post, w3m and lynx, read as no sentence). */
static void
test_sentence_closers(void **state)
{
	(void)state;
	assert_true(text_ends_sentence("\xe2\x80\x9eIch wei\xc3\x9f ich bin "
	    "betrunken und sollte das nicht sagen\xe2\x80\xa6\xe2\x80\x9c"));
	assert_true(text_ends_sentence("Er sagte: \xe2\x80\x9eSo ist es."
	    "\xe2\x80\x9c"));
	assert_true(text_ends_sentence("Er sagte: \xe2\x80\x9aSo ist es."
	    "\xe2\x80\x98"));
	assert_true(text_ends_sentence("Er sagte: \xc2\xbbSo ist es.\xc2\xab"));
	assert_true(text_ends_sentence("\xe3\x80\x8c\xe6\x98\xaf\xe3\x80\x82"
	    "\xe3\x80\x8d"));
	assert_true(text_ends_sentence("\xef\xbc\x88\xe6\x98\xaf\xe3\x80\x82"
	    "\xef\xbc\x89"));
	assert_false(text_ends_sentence("\xe2\x80\x9e""Dann sag es nicht"
	    "\xe2\x80\x9c"));
}

/* A German opening quote (the low one) opens a word as the English one
 * does: caritas.de's quoted heading between two paragraphs. */
static void
test_starts_word_low_quote(void **state)
{
	(void)state;
	assert_true(text_starts_word("\xe2\x80\x9cSo ist es\xe2\x80\x9d"));
	assert_true(text_starts_word("\xe2\x80\x9eSo ist es\xe2\x80\x9c"));
	assert_false(text_starts_word("[Logo]"));
}

static void
test_chrome(void **state)
{
	(void)state;
	assert_true(text_is_chrome("Comments", 1));
	assert_true(text_is_chrome("Share via", 2));
	assert_true(text_is_chrome("Advertisement", 1));
	assert_true(text_is_chrome("Get breaking news notifications from "
	    "The Daily Planet", 8));
	assert_true(text_is_chrome("Your support helps keep our reporting "
	    "free for everyone.", 9));
	assert_true(text_is_chrome("Lesen Sie auch: Die Bahn erh\xc3\xb6ht "
	    "die Preise", 8));
	assert_true(text_is_chrome("[site-logo]", 1));
	assert_true(text_is_chrome("* * *", 3));
	assert_true(text_is_chrome("Image 1 of 5", 4));
	assert_true(text_is_chrome("Subscribe for full access", 4));
	assert_true(text_is_chrome("12. https://example.com/a/b", 2));
	/* lynx's label of an inline frame: its address, not its text (the
	 * subheading rule took this one of an eltiempo.com render for the
	 * article's) */
	assert_true(text_is_chrome("IFRAME: ./eltiempo.com-candidatos_files/"
	    "Tweet.html", 2));
	assert_true(text_is_chrome("IFRAME:", 1));
	/* the skip links at a page's top (aclu.org) */
	assert_true(text_is_chrome("Jump to navigation Skip navigation", 5));
	assert_false(text_is_chrome("IFRAME: the tag that embeds a page",
	    6));
	/* a consent notice in any language names cookies and the site */
	assert_true(text_is_chrome("Wir verwenden Cookies, um uns "
	    "mitzuteilen, wenn Sie unsere Websites besuchen.", 11));
	/* Running text and headlines that merely mention such words. */
	assert_false(text_is_chrome("The minister declined to comment on "
	    "the report, which was shared widely on Facebook.", 15));
	assert_false(text_is_chrome("Mayor gives no comment on row over "
	    "city budget", 9));
	assert_false(text_is_chrome("Share prices rose sharply in Tokyo on "
	    "Monday after the central bank held rates.", 16));
	assert_false(text_is_chrome("Bake the cookies for twelve minutes, "
	    "until their edges are golden.", 12));
}

static void
check_credit(const char *s, const char *want, size_t want_at)
{
	size_t at = 99;
	char *c = text_credit(s, &at);

	if (want == NULL) {
		assert_null(c);
		return;
	}
	assert_non_null(c);
	assert_string_equal(c, want);
	assert_int_equal(at, want_at);
	free(c);
}

static void
test_credit(void **state)
{
	(void)state;
	check_credit("(Reuters)", "Reuters", 0);
	check_credit("Firefighters at the scene (AFP)", "AFP", 26);
	check_credit("\xc2\xa9 Jane Doe/AGENCY", "Jane Doe/AGENCY", 0);
	check_credit("Photo: John Smith", "John Smith", 0);
	check_credit("The harbour at dawn Photo: John Smith", "John Smith",
	    20);
	check_credit("Crowds outside the court Maria Lopez/EPA",
	    "Maria Lopez/EPA", 25);
	check_credit("The council met on Tuesday and approved the plan.",
	    NULL, 0);
	check_credit("The 9/11 commission published its report.", NULL, 0);
	check_credit("Amy K. Dragoo/AGENCY", "Amy K. Dragoo/AGENCY", 0);
	/* a lower-case handle before a stock agency (aclu.org, bund.net) */
	check_credit("A student erasing answers from a test (smolaw11/iStock)",
	    "smolaw11/iStock", 38);
	check_credit("Gut getarnt. (mlharing / iStock.com)",
	    "mlharing / iStock.com", 13);
	check_credit("Ask Jane Doe (she/her)", NULL, 0);
	/* German "photo by" (katholisch.at's stock credit) */
	check_credit("Foto von Josh Willink von Pexels",
	    "Josh Willink von Pexels", 0);
	check_credit("Help is open (24/7)", NULL, 0);
}

static void
test_byline(void **state)
{
	(void)state;
	assert_true(text_is_byline("By Jane Doe", 3));
	assert_true(text_is_byline("Maria de la Cruz", 4));
	assert_true(text_is_byline("Jane Doe", 2));
	assert_false(text_is_byline("All news", 2));
	assert_false(text_is_byline("Updated 12:30", 2));
	assert_false(text_is_byline("The council met on Tuesday.", 5));
}

static void
test_segment_unwrapped(void **state)
{
	const char *s = "Line one of a header\nSecond line\n\nA paragraph.\n";
	struct text_doc *d = text_segment(s, strlen(s));

	(void)state;
	assert_int_equal(d->wrap, 0);
	assert_int_equal(d->n, 3);
	assert_string_equal(d->items[0].s, "Line one of a header");
	assert_string_equal(d->items[1].s, "Second line");
	assert_int_equal(d->items[0].block, d->items[1].block);
	assert_true(d->items[2].block > d->items[1].block);
	text_doc_free(d);
}

/* A dump wrapped at 60 columns, as `w3m -dump -cols 61` gives it. */
static const char wrapped[] =
    "  \xe2\x80\xa2 Home\n"
    "  \xe2\x80\xa2 World\n"
    "\n"
    "Jane Doe\n"
    "Thursday 3 March 2022\n"
    "\n"
    "The committee met for six hours on Thursday and agreed that\n"
    "the new bridge would be built on the northern site, closer\n"
    "to the railway station than the old one.\n"
    "\n"
    "Members said the cost of the project had risen by a third\n"
    "since the first estimate, mostly because of steel prices.\n"
    "Work is due to start next spring.\n";

static void
test_segment_wrapped(void **state)
{
	struct text_doc *d = text_segment(wrapped, strlen(wrapped));

	(void)state;
	assert_true(d->wrap >= 57 && d->wrap <= 61);
	assert_int_equal(d->n, 6);
	assert_true(d->items[0].bullet);
	assert_string_equal(d->items[0].s, "Home");
	/* Short lines are not wrapped text: they stay apart. */
	assert_string_equal(d->items[2].s, "Jane Doe");
	assert_string_equal(d->items[3].s, "Thursday 3 March 2022");
	assert_string_equal(d->items[4].s, "The committee met for six hours "
	    "on Thursday and agreed that the new bridge would be built on "
	    "the northern site, closer to the railway station than the old "
	    "one.");
	assert_string_equal(d->items[5].s, "Members said the cost of the "
	    "project had risen by a third since the first estimate, mostly "
	    "because of steel prices. Work is due to start next spring.");
	text_doc_free(d);
}

/* A lynx-style dump: link markers glued to link text, a list of
 * references with URLs longer than the wrap width. */
static const char lynx[] =
    "   [1]Home [2]World\n"
    "\n"
    "   The committee met for six hours on Thursday and agreed that\n"
    "   the new [3]bridge would be built on the northern site, as\n"
    "   the mayor had said.[4] Work starts in spring, the committee\n"
    "   said.\n"
    "\n"
    "References\n"
    "\n"
    "   1. https://example.com/\n"
    "   2. https://example.com/world/and/a/very/long/path/that/overflows/"
    "the/width\n"
    "   3. https://example.com/bridge/and/a/very/long/path/that/overflows/"
    "the/width\n";

static void
test_segment_lynx(void **state)
{
	struct text_doc *d = text_segment(lynx, strlen(lynx));

	(void)state;
	assert_true(d->wrap >= 55 && d->wrap <= 64);
	assert_int_equal(d->n, 6);
	assert_string_equal(d->items[0].s, "Home World");
	assert_string_equal(d->items[1].s, "The committee met for six hours "
	    "on Thursday and agreed that the new bridge would be built on "
	    "the northern site, as the mayor had said.[4] Work starts in "
	    "spring, the committee said.");
	/* Each reference stays its own item, and is chrome. */
	assert_string_equal(d->items[4].s, "2. https://example.com/world/and/"
	    "a/very/long/path/that/overflows/the/width");
	assert_true(text_is_chrome(d->items[4].s, d->items[4].words));
	assert_true(text_is_chrome(d->items[3].s, d->items[3].words));
	text_doc_free(d);
}

/* lynx sets a link's marker before its text wherever the link stands:
 * after an opening quote ("\xe2\x80\x9e[26]Schlechte", a lynx render of
 * 2gewinnt.wordpress.com) and, in Chinese, which has no spaces, glued
 * to the word before it (baike.baidu.com). Both go; a citation mark
 * that a space follows stays. */
static void
test_segment_lynx_glued_marks(void **state)
{
	const char *s =
	    "   erfolglosen Steckenpferd, \xe2\x80\x9e[26]Schlechte Wortspi"
	    "elen, schlecht nachgespielt\xe2\x80\x9c, werden auch\n"
	    "\n"
	    "   \xe5\x8d\xb3\xe5\x85\xa5\xe5\x9b\xb4\xe7\xac\xac"
	    "11\xe5\xb1\x8a[54]\xe5\x8f\xb0\xe6\xb9\xbe\n"
	    "\n"
	    "   as the mayor had said.[4] Work starts in spring.\n";
	struct text_doc *d = text_segment(s, strlen(s));

	(void)state;
	assert_int_equal(d->n, 3);
	assert_string_equal(d->items[0].s, "erfolglosen Steckenpferd, "
	    "\xe2\x80\x9eSchlechte Wortspielen, schlecht nachgespielt"
	    "\xe2\x80\x9c, werden auch");
	assert_string_equal(d->items[1].s, "\xe5\x8d\xb3\xe5\x85\xa5"
	    "\xe5\x9b\xb4\xe7\xac\xac" "11\xe5\xb1\x8a\xe5\x8f\xb0"
	    "\xe6\xb9\xbe");
	assert_string_equal(d->items[2].s, "as the mayor had said.[4] Work "
	    "starts in spring.");
	text_doc_free(d);
}

/* French sets a no-break space after "\xc2\xab", which the renderers print
 * as a space and never break at: the line under "... et" starts with
 * "\xc2\xab trafic", a word too long for the line above (regards.fr's
 * lynx render, w3m's of the same page). One paragraph, not two. */
static void
test_segment_quote_opens_line(void **state)
{
	static const char s[] =
	    "The committee met for six hours on Thursday and agreed that\n"
	    "the new bridge would be built on the northern site, closer\n"
	    "to the railway station than the old one, said the mayor of\n"
	    "the town, who had asked for it since the flood of last year.\n"
	    "\n"
	    "Anticor a port\xc3\xa9 plainte pour \xc2\xab pr\xc3\xa9judice "
	    "grave \xc2\xbb et\n"
	    "\xc2\xab trafic d\xe2\x80\x99influence \xc2\xbb. Le parquet a "
	    "ouvert une enqu\xc3\xaate.\n";
	struct text_doc *d = text_segment(s, strlen(s));

	(void)state;
	assert_true(d->wrap >= 57 && d->wrap <= 61);
	assert_int_equal(d->n, 2);
	assert_string_equal(d->items[1].s, "Anticor a port\xc3\xa9 plainte "
	    "pour \xc2\xab pr\xc3\xa9judice grave \xc2\xbb et \xc2\xab trafic "
	    "d\xe2\x80\x99influence \xc2\xbb. Le parquet a ouvert une "
	    "enqu\xc3\xaate.");
	text_doc_free(d);
}

/* An entry of lynx's references runs to the next: a share link's mail
 * body holds the lead, its line breaks and a blank line (meedia's lynx
 * render). Its lines are the entry's, not text the page shows twice. */
static void
test_segment_lynx_reference_body(void **state)
{
	static const char s[] =
	    "   [1]Home [2]World [3]Mail\n"
	    "\n"
	    "   The committee met for six hours on Thursday and agreed that\n"
	    "   the new bridge would be built on the northern site, as the\n"
	    "   mayor had said in the spring, when the works were planned.\n"
	    "\n"
	    "References\n"
	    "\n"
	    "   Visible links:\n"
	    "   1. https://example.com/\n"
	    "   2. https://example.com/world/\n"
	    "   3. mailto:?subject=Bridge&body=The bridge\n"
	    "\n"
	    "The committee met for six hours on Thursday and agreed that\n"
	    "https://example.com/bridge/\n"
	    "   4. https://example.com/more/\n";
	struct text_doc *d = text_segment(s, strlen(s));

	(void)state;
	assert_int_equal(d->n, 8);
	assert_string_equal(d->items[1].s, "The committee met for six hours "
	    "on Thursday and agreed that the new bridge would be built on "
	    "the northern site, as the mayor had said in the spring, when "
	    "the works were planned.");
	assert_string_equal(d->items[6].s, "3. mailto:?subject=Bridge&body="
	    "The bridge The committee met for six hours on Thursday and "
	    "agreed that https://example.com/bridge/");
	assert_string_equal(d->items[7].s, "4. https://example.com/more/");
	text_doc_free(d);
}

/* lynx sets a heading at column 0 and a paragraph indented by three,
 * and gives a link its marker: an item at column 0 with no marker is a
 * heading. w3m sets both at column 0 and marks no link: no heading. */
static const char lynx_heads[] =
    "   [1]Home [2]Politik [3]Sport\n"
    "\n"
    "Impfgipfel auf Freitag verschoben\n"
    "\n"
    "   Noch handelt es sich beim Bericht um Mutmassungen, sagen sie.\n"
    "\n"
    "[4]Corona-Regeln: Bund und Laender treten auf die Bremse\n";

static void
test_segment_lynx_headings(void **state)
{
	static const char w3m[] =
	    "Home Politik Sport\n"
	    "\n"
	    "Impfgipfel auf Freitag verschoben\n"
	    "\n"
	    "Noch handelt es sich beim Bericht um Mutmassungen, sagen sie.\n"
	    "\n"
	    "Corona-Regeln: Bund und Laender treten auf die Bremse\n";
	struct text_doc *d = text_segment(lynx_heads, strlen(lynx_heads));

	(void)state;
	assert_int_equal(d->n, 4);
	assert_false(d->items[0].heading);
	assert_true(d->items[1].heading);
	assert_false(d->items[2].heading);
	assert_false(d->items[3].heading);
	text_doc_free(d);
	d = text_segment(w3m, strlen(w3m));
	assert_int_equal(d->n, 4);
	for (size_t i = 0; i < d->n; i++)
		assert_false(d->items[i].heading);
	text_doc_free(d);
}

/* A lynx dump of Korean text: lynx wraps at a count of code points,
 * though each syllable takes two columns on a terminal (w3m wraps by
 * columns); the wrapped lines are still one paragraph. */
static const char lynx_ko[] =
    "   [1]Home [2]News\n"
    "\n"
    "   엘제이와 류화영의 진실공방이 어떤 결론을 내더"
    "라도 잘못된 일이다. 타인의 동의를 구하지 않고 일"
    "방적으로 두 사람의 관계를 담은 사진을 공개한다는 "
    "건 분명한 사생활\n"
    "   침해이고, 나아가 리벤지의 성격을 가진 폭로로"
    " 여겨지기 때문이다. 그래서 처음 이러한 사진 공개"
    "에 대한 대중들의 반응은 엘제이의 행동에 대한 비난"
    "으로 이어졌다. 하지만\n"
    "   엘제이는 자신의 부적절한 행동들에 대해 무감한"
    " 태도를 보였다. 사실 남녀 관계라는 것이 당사자들"
    "이 아니면 그 속사정을 알기는 어려운 일이다. 게다"
    "가 그 사적인 관계의\n"
    "   문제를 공적인 장으로 끌어내는 일은 괜한 피로"
    "감만 낳을 수 있는 일이다. 하지만 그럼에도 불구하"
    "고 이 사안은 공적인 사안이 되어가고 있다.\n"
    "\n"
    "   Copyright\n";

static void
test_segment_lynx_wide(void **state)
{
	struct text_doc *d = text_segment(lynx_ko, strlen(lynx_ko));

	(void)state;
	assert_true(d->wrap >= 92 && d->wrap <= 100);
	assert_int_equal(d->n, 3);
	assert_string_equal(d->items[1].s,
	    "엘제이와 류화영의 진실공방이 어떤 결론을 내더라도 "
	    "잘못된 일이다. 타인의 동의를 구하지 않고 일방적으"
	    "로 두 사람의 관계를 담은 사진을 공개한다는 건 분"
	    "명한 사생활 침해이고, 나아가 리벤지의 성격을 가진"
	    " 폭로로 여겨지기 때문이다. 그래서 처음 이러한 사"
	    "진 공개에 대한 대중들의 반응은 엘제이의 행동에 대"
	    "한 비난으로 이어졌다. 하지만 엘제이는 자신의 부적"
	    "절한 행동들에 대해 무감한 태도를 보였다. 사실 남"
	    "녀 관계라는 것이 당사자들이 아니면 그 속사정을 알"
	    "기는 어려운 일이다. 게다가 그 사적인 관계의 문제"
	    "를 공적인 장으로 끌어내는 일은 괜한 피로감만 낳을"
	    " 수 있는 일이다. 하지만 그럼에도 불구하고 이 사"
	    "안은 공적인 사안이 되어가고 있다.");
	text_doc_free(d);
}

/* A w3m render of a Russian interview (aeb-dev): a word of 22 letters
 * ("avtomobilestroitel'nyj" in Cyrillic) takes 44 bytes. Counted in bytes it passed for a URL that no renderer
 * could wrap, and the lines around it stayed apart from their paragraph;
 * a token is counted in code points. */
static void
test_segment_long_cyrillic_word(void **state)
{
	const char *s =
	    "\xd0\xa7\xd1\x82\xd0\xbe \xd0\xb2\xd0\xb0\xd1\x81 \xd0\xb2"
	    "\xd0\xb4\xd0\xbe\xd1\x85\xd0\xbd\xd0\xbe\xd0\xb2\xd0\xb8\xd0"
	    "\xbb\xd0\xbe \xd0\xbd\xd0\xb0 \xd1\x81\xd0\xbe\xd0\xb7\xd0"
	    "\xb4\xd0\xb0\xd0\xbd\xd0\xb8\xd0\xb5 \xd0\xba\xd1\x83\xd0"
	    "\xbb\xd0\xb8\xd0\xbd\xd0\xb0\xd1\x80\xd0\xbd\xd0\xbe\xd0\xb9"
	    " \xd1\x81\xd1\x82\xd1\x80\xd0\xb0\xd0\xbd\xd0\xb8\xd1\x86"
	    "\xd1\x8b?\n"
	    "\n"
	    "\xe2\x80\x94 \xd0\x92\xd0\xb4\xd0\xbe\xd1\x85\xd0\xbd\xd0"
	    "\xbe\xd0\xb2\xd0\xbb\xd1\x8f\xd1\x8e\xd1\x81\xd1\x8c \xd0"
	    "\xb4\xd0\xbe \xd1\x81\xd0\xb8\xd1\x85 \xd0\xbf\xd0\xbe\xd1"
	    "\x80. \xd0\xa7\xd0\xb5\xd1\x81\xd1\x82\xd0\xbd\xd0\xbe \xd0"
	    "\xb3\xd0\xbe\xd0\xb2\xd0\xbe\xd1\x80\xd1\x8f, \xd1\x8f \xd0"
	    "\xb2\xd0\xbe\xd0\xbe\xd0\xb1\xd1\x89\xd0\xb5 \xd0\xbd\xd0"
	    "\xb5 \xd0\xb7\xd0\xbd\xd0\xb0\xd0\xbb \xd0\xbf\xd0\xbe\xd0"
	    "\xbd\xd0\xb0\xd1\x87\xd0\xb0\xd0\xbb\xd1\x83 \xe2\x80\x93 "
	    "\xd0\xba\xd0\xb5\xd0\xbc \xd1\x85\xd0\xbe\xd1\x87\xd1\x83 "
	    "\xd0\xb1\xd1\x8b\xd1\x82\xd1\x8c. \xd0\x91\xd1\x8b\xd0\xbb"
	    "\xd0\xbe \xd0\xbc\xd0\xbd\xd0\xbe\xd0\xb3\xd0\xbe\n"
	    "\xd0\xb2\xd0\xb0\xd1\x80\xd0\xb8\xd0\xb0\xd0\xbd\xd1\x82\xd0"
	    "\xbe\xd0\xb2 \xd0\xb8\xd0\xb4\xd0\xb5\xd0\xb9, \xd0\xb7\xd0"
	    "\xb0\xd0\xb4\xd1\x83\xd0\xbc\xd0\xbe\xd0\xba. \xd0\x9f\xd0"
	    "\xbe\xd1\x81\xd1\x82\xd1\x83\xd0\xbf\xd0\xb8\xd0\xbb \xd0"
	    "\xbf\xd0\xbe\xd1\x81\xd0\xbb\xd0\xb5 \xd0\xbe\xd0\xba\xd0"
	    "\xbe\xd0\xbd\xd1\x87\xd0\xb0\xd0\xbd\xd0\xb8\xd1\x8f \xd1"
	    "\x88\xd0\xba\xd0\xbe\xd0\xbb\xd1\x8b \xd0\xb2 \xd0\xb0\xd0"
	    "\xb2\xd1\x82\xd0\xbe\xd0\xbc\xd0\xbe\xd0\xb1\xd0\xb8\xd0\xbb"
	    "\xd0\xb5\xd1\x81\xd1\x82\xd1\x80\xd0\xbe\xd0\xb8\xd1\x82\xd0"
	    "\xb5\xd0\xbb\xd1\x8c\xd0\xbd\xd1\x8b\xd0\xb9 \xd0\xb8\xd0"
	    "\xbd\xd1\x81\xd1\x82\xd0\xb8\xd1\x82\xd1\x83\xd1\x82, \xd0"
	    "\xbf\xd0\xbe\n"
	    "\xd0\xbd\xd0\xb0\xd1\x81\xd1\x82\xd0\xbe\xd1\x8f\xd0\xbd\xd0"
	    "\xb8\xd1\x8e \xd1\x80\xd0\xbe\xd0\xb4\xd0\xb8\xd1\x82\xd0"
	    "\xb5\xd0\xbb\xd0\xb5\xd0\xb9. \xd0\xa1\xd0\xbb\xd0\xb0\xd0"
	    "\xb2\xd0\xb0 \xd0\xb1\xd0\xbe\xd0\xb3\xd1\x83, \xd1\x83\xd0"
	    "\xb6\xd0\xb5 \xd1\x87\xd0\xb5\xd1\x80\xd0\xb5\xd0\xb7 6 \xd0"
	    "\xbc\xd0\xb5\xd1\x81\xd1\x8f\xd1\x86\xd0\xb5\xd0\xb2 \xd0"
	    "\xbe\xd0\xb1\xd1\x83\xd1\x87\xd0\xb5\xd0\xbd\xd0\xb8\xd1\x8f"
	    " \xd1\x82\xd0\xb0\xd0\xbc \xd0\xbf\xd0\xbe\xd0\xbd\xd1\x8f"
	    "\xd0\xbb, \xd1\x87\xd1\x82\xd0\xbe \xd0\xb4\xd0\xb0\xd0\xbd"
	    "\xd0\xbd\xd0\xbe\xd0\xb5 \xd0\xbd\xd0\xb0\xd0\xbf\xd1\x80"
	    "\xd0\xb0\xd0\xb2\xd0\xbb\xd0\xb5\xd0\xbd\xd0\xb8\xd0\xb5 "
	    "\xe2\x80\x93\n"
	    "\xd0\xbd\xd1\x83 \xd0\xb2\xd0\xbe\xd1\x82 \xd1\x81\xd0\xbe"
	    "\xd0\xb2\xd1\x81\xd0\xb5\xd0\xbc \xd0\xbd\xd0\xb5 \xd0\xbc"
	    "\xd0\xbe\xd0\xb5, \xd0\xbc\xd1\x8f\xd0\xb3\xd0\xba\xd0\xbe "
	    "\xd0\xb3\xd0\xbe\xd0\xb2\xd0\xbe\xd1\x80\xd1\x8f. \xd0\x9e"
	    "\xd0\xb4\xd0\xbd\xd0\xb0\xd0\xb6\xd0\xb4\xd1\x8b \xd0\xba"
	    "\xd1\x83\xd0\xbf\xd0\xb8\xd0\xbb \xd1\x81\xd0\xbf\xd1\x80"
	    "\xd0\xb0\xd0\xb2\xd0\xbe\xd1\x87\xd0\xbd\xd0\xb8\xd0\xba "
	    "\xd0\xb2\xd1\x83\xd0\xb7\xd0\xbe\xd0\xb2 \xd0\xb8 \xd0\xbc"
	    "\xd0\xb5\xd1\x82\xd0\xbe\xd0\xb4\xd0\xbe\xd0\xbc \xd0\xb8"
	    "\xd1\x81\xd0\xba\xd0\xbb\xd1\x8e\xd1\x87\xd0\xb5\xd0\xbd\xd0"
	    "\xb8\xd1\x8f \xd1\x81\xd1\x82\xd0\xb0\xd0\xbb\n"
	    "\xd0\xb2\xd1\x8b\xd0\xb1\xd0\xb8\xd1\x80\xd0\xb0\xd1\x82\xd1"
	    "\x8c \xe2\x80\x93 \xd0\xba\xd1\x83\xd0\xb4\xd0\xb0 \xd0\xbf"
	    "\xd0\xbe\xd0\xb9\xd1\x82\xd0\xb8 \xd1\x83\xd1\x87\xd0\xb8"
	    "\xd1\x82\xd1\x8c\xd1\x81\xd1\x8f. \xd0\x92\xd0\xbe\xd1\x82 "
	    "\xd1\x82\xd0\xb0\xd0\xba \xd0\xb8 \xd0\xb2\xd1\x8b\xd0\xb1"
	    "\xd1\x80\xd0\xb0\xd0\xbb \xd0\xbb\xd1\x8e\xd0\xb1\xd0\xb8"
	    "\xd0\xbc\xd0\xbe\xd0\xb5 \xd0\xb4\xd0\xb5\xd0\xbb\xd0\xbe: "
	    "\xd0\xbd\xd0\xb0\xd1\x82\xd0\xba\xd0\xbd\xd1\x83\xd0\xb2\xd1"
	    "\x88\xd0\xb8\xd1\x81\xd1\x8c \xd0\xbd\xd0\xb0 \xd0\xbf\xd0"
	    "\xb5\xd1\x80\xd0\xb5\xd1\x87\xd0\xb8\xd1\x81\xd0\xbb\xd0\xb5"
	    "\xd0\xbd\xd0\xb8\xd0\xb5\n"
	    "\xd0\xba\xd1\x83\xd0\xbb\xd0\xb8\xd0\xbd\xd0\xb0\xd1\x80\xd0"
	    "\xbd\xd1\x8b\xd1\x85 \xd0\xbe\xd0\xb1\xd1\x80\xd0\xb0\xd0"
	    "\xb7\xd0\xbe\xd0\xb2\xd0\xb0\xd1\x82\xd0\xb5\xd0\xbb\xd1\x8c"
	    "\xd0\xbd\xd1\x8b\xd1\x85 \xd1\x83\xd1\x87\xd1\x80\xd0\xb5"
	    "\xd0\xb6\xd0\xb4\xd0\xb5\xd0\xbd\xd0\xb8\xd0\xb9, \xd0\xbf"
	    "\xd0\xbe\xd0\xb4\xd1\x83\xd0\xbc\xd0\xb0\xd0\xbb \xe2\x80"
	    "\x93 \xd0\xbe\xd0\xbd\xd0\xbe! \xd0\xa1\xd0\xbd\xd0\xb0\xd1"
	    "\x87\xd0\xb0\xd0\xbb\xd0\xb0 \xd0\xb4\xd0\xb0\xd0\xb6\xd0"
	    "\xb5 \xd0\xbd\xd0\xb5 \xd0\xbe \xd0\xbf\xd1\x80\xd0\xbe\xd1"
	    "\x84\xd0\xb5\xd1\x81\xd1\x81\xd0\xb8\xd0\xb8 \xd0\xba\xd0"
	    "\xbe\xd0\xbd\xd0\xb4\xd0\xb8\xd1\x82\xd0\xb5\xd1\x80\xd0\xb0"
	    " \xd0\xbf\xd0\xbe\xd0\xb4\xd1\x83\xd0\xbc\xd0\xb0\xd0\xbb\n";
	struct text_doc *d = text_segment(s, strlen(s));
	bool joined = false;

	(void)state;
	assert_true(d->wrap > 0);
	for (size_t i = 0; i < d->n; i++)
		if (strncmp(d->items[i].s, "\xe2\x80\x94 ", 4) == 0)
			joined = strstr(d->items[i].s,
			    "\xd0\xbb\xd1\x8e\xd0\xb1\xd0\xb8\xd0\xbc"
			    "\xd0\xbe\xd0\xb5 \xd0\xb4\xd0\xb5\xd0\xbb"
			    "\xd0\xbe") != NULL;
	assert_true(joined);
	text_doc_free(d);
}

/* A synthetic page dump with every kind of block. */
static const char page[] =
    "Get breaking news notifications from The Daily Planet\n"
    "\n"
    "Menu\n"
    "\n"
    "City council approves northern bridge after six-hour debate\n"
    "\n"
    "'We finally have a plan'\n"
    "\n"
    "By Jane Doe\n"
    "Thursday 3 March 2022 18:40 CET\n"
    "Comments\n"
    "Councillors during the vote on Thursday evening\n"
    "Councillors during the vote on Thursday evening (Reuters)\n"
    "\n"
    "Your support keeps our journalism free for everyone.\n"
    "\n"
    "Thousands of readers chose to give last year, and their gifts paid "
    "for reporters in every district of the city.\n"
    "\n"
    "Please consider a donation: your support makes all the "
    "difference.\n"
    "\n"
    "The city council approved the northern bridge on Thursday after a "
    "debate that lasted more than six hours.\n"
    "\n"
    "\"We finally have a plan that the whole city can support,\" the "
    "mayor said after the vote.\n"
    "\n"
    "Opposition members said the cost had risen by a third since the "
    "first estimate, mostly because of steel prices.\n"
    "\n"
    "Mayor promises cheaper tram fares for students from next "
    "autumn\n"
    "\n"
    "Construction is due to start next spring and to last three years, "
    "the council said.\n"
    "\n"
    "Join the conversation\n"
    "\n"
    "Comments\n"
    "\n"
    "\xc2\xa9 2022 The Daily Planet. All rights reserved.\n";

static void
test_classify_page(void **state)
{
	struct text_doc *d = text_segment(page, strlen(page));
	static const enum text_kind want[] = {
		TEXT_CHROME, TEXT_CHROME, TEXT_HEADLINE, TEXT_STANDFIRST,
		TEXT_BYLINE, TEXT_DATE, TEXT_CHROME, TEXT_CAPTION,
		TEXT_CAPTION, TEXT_CHROME, TEXT_CHROME, TEXT_CHROME,
		TEXT_BODY, TEXT_BODY, TEXT_BODY, TEXT_RELATED, TEXT_BODY,
	};

	(void)state;
	text_classify(d);
	assert_true(d->n >= sizeof(want) / sizeof(want[0]));
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		if (d->items[i].kind != want[i])
			test_fail("item %zu [%s]: %s, want %s", i,
			    d->items[i].s, text_kind_name(d->items[i].kind),
			    text_kind_name(want[i]));
	}
	for (size_t i = sizeof(want) / sizeof(want[0]); i < d->n; i++)
		assert_int_not_equal(d->items[i].kind, TEXT_BODY);
	assert_int_equal(d->title, 2);
	assert_int_equal(d->subtitle, 3);
	assert_string_equal(d->items[7].credit, "Reuters");
	assert_true(d->items[8].dup);
	text_doc_free(d);
}

static void
test_extract_page(void **state)
{
	struct nw_article *a = article_new();
	char err[128];

	(void)state;
	assert_int_equal(text_extract(page, strlen(page), 0, a, err,
	    sizeof(err)), 0);
	assert_string_equal(a->title, "City council approves northern "
	    "bridge after six-hour debate");
	assert_string_equal(a->subtitle, "'We finally have a plan'");
	assert_int_equal(a->authors.n, 1);
	assert_string_equal(a->authors.v[0], "Jane Doe");
	assert_string_equal(a->publisher, "The Daily Planet");
	assert_int_equal(a->n_images, 1);
	assert_string_equal(a->images[0].caption, "Councillors during the "
	    "vote on Thursday evening");
	assert_string_equal(a->images[0].credit, "Reuters");
	assert_null(a->dateline);
	assert_non_null(strstr(a->body, "debate that lasted more than six "
	    "hours.\n\n\"We finally"));
	assert_null(strstr(a->body, "tram fares"));
	assert_null(strstr(a->body, "donation"));
	assert_null(strstr(a->body, "Comments"));
	assert_int_equal(strncmp(a->body, "The city council approved", 25), 0);
	article_free(a);
}

static void
test_extract_wire(void **state)
{
	const char *s =
	    "Latest news\n\n"
	    "Port strike enters second week\n\n"
	    "LISBON, March 4. /AGENCIA/. Dock workers extended their strike "
	    "on Friday, the union said.\n\n"
	    "Talks with the port authority are due to resume on Monday, "
	    "the union's spokesman told reporters.\n";
	struct nw_article *a = article_new();
	char err[128];

	(void)state;
	assert_int_equal(text_extract(s, strlen(s), 0, a, err, sizeof(err)),
	    0);
	assert_non_null(a->dateline);
	assert_string_equal(a->dateline->place, "LISBON");
	assert_string_equal(a->dateline->date, "March 4");
	assert_string_equal(a->dateline->agency, "AGENCIA");
	assert_string_equal(a->publisher, "AGENCIA");
	assert_string_equal(a->title, "Port strike enters second week");
	/* "March 4" has no year: nothing is guessed. */
	assert_false(a->published.set);
	article_free(a);
}

/* A byline giving the date of publication, then a labelled update
 * after it (90min.de, w3m): the first date is the published one. */
static void
test_extract_byline_then_update(void **state)
{
	const char *s =
	    "Latest news\n\n"
	    "Port strike enters second week\n\n"
	    "Von Jane Doe | Oct 24, 2023 | Zuletzt ge\xc3\xa4ndert: Nov 7, "
	    "2023, 8:54 AM GMT+1\n\n"
	    "Dock workers extended their strike on Friday, the union said "
	    "in a statement to the press.\n\n"
	    "Talks with the port authority are due to resume on Monday, "
	    "the union's spokesman told reporters.\n";
	struct nw_article *a = article_new();
	char err[128];

	(void)state;
	assert_int_equal(text_extract(s, strlen(s), 0, a, err, sizeof(err)),
	    0);
	assert_true(a->published.set);
	/* 2023-10-24T00:00:00Z */
	assert_int_equal(a->published.utc, 1698105600);
	article_free(a);
}

static void
test_extract_reuters_style(void **state)
{
	const char *s =
	    "Skip to main content\n\n"
	    "Subscribe to The Morning Ledger for full access\n\n"
	    "Oil slips as stockpiles grow\n\n"
	    "By Jane Doe and John Roe, Staff Writers\n\n"
	    "HOUSTON (Reuters) - Oil prices fell on Tuesday after industry "
	    "data showed a larger than expected build in crude stocks.\n\n"
	    "Brent crude futures were down 40 cents at $62.10 a barrel by "
	    "0900 GMT, traders said.\n\n"
	    "Sign in to The Morning Ledger to keep reading our coverage.\n";
	struct nw_article *a = article_new();
	char err[128];

	(void)state;
	assert_int_equal(text_extract(s, strlen(s), 0, a, err, sizeof(err)),
	    0);
	assert_string_equal(a->title, "Oil slips as stockpiles grow");
	assert_int_equal(a->authors.n, 2);
	assert_string_equal(a->authors.v[0], "Jane Doe");
	assert_string_equal(a->authors.v[1], "John Roe");
	assert_non_null(a->dateline);
	assert_string_equal(a->dateline->place, "HOUSTON");
	assert_null(a->dateline->date);
	assert_string_equal(a->dateline->agency, "Reuters");
	/* The outlet the chrome names twice, not the wire agency. */
	assert_string_equal(a->publisher, "The Morning Ledger");
	assert_null(strstr(a->body, "Sign in"));
	assert_int_equal(strncmp(a->body, "HOUSTON (Reuters)", 17), 0);
	article_free(a);
}

/* An article, a subheading inside it, and after it a list of teasers:
 * a headline, a name, a date and one sentence each. The subheading is
 * part of the body; the teasers' sentences are not, though each reads
 * as running text: each comes with more text that is not. */
static void
test_extract_teasers(void **state)
{
	const char *s =
	    "Harbour plan wins final vote\n\n"
	    "The harbour plan won its final vote on Tuesday after a year of "
	    "hearings, and work on the first quay is due to begin in spring."
	    "\n\n"
	    "Opponents said the cost had doubled since the plan was first "
	    "put forward, and that the city had not asked the fishermen.\n\n"
	    "What happens next\n\n"
	    "The port authority will publish the tender in January, and the "
	    "contract is to be signed before the summer holidays begin.\n\n"
	    "More from the Ledger\n\n"
	    "Rail strike called off at the last minute\n\n"
	    "Anna Berg\n\n"
	    "Wednesday November 20, 2019\n\n"
	    "The union accepted the offer late on Tuesday, hours before "
	    "the strike.\n\n"
	    "Museum reopens its north wing to visitors\n\n"
	    "Tom Lind\n\n"
	    "Wednesday November 20, 2019\n\n"
	    "The wing was closed for three years of repairs to its roof "
	    "and walls.\n\n"
	    "School meals to cost more from January\n\n"
	    "Eva Holm\n\n"
	    "Tuesday November 19, 2019\n\n"
	    "Parents will pay forty cents more a day, the council said on "
	    "Monday.\n";
	struct nw_article *a = article_new();
	char err[128];

	(void)state;
	assert_int_equal(text_extract(s, strlen(s), 0, a, err, sizeof(err)),
	    0);
	assert_int_equal(strncmp(a->body, "The harbour plan won", 20), 0);
	assert_non_null(strstr(a->body, "The port authority will publish"));
	assert_null(strstr(a->body, "The union accepted"));
	assert_null(strstr(a->body, "three years of repairs"));
	assert_null(strstr(a->body, "forty cents"));
	article_free(a);
}

/* Teaser cards whose summaries are long enough to outweigh their
 * headline, name and date: a person's name with a dated line under it,
 * after the article's text, ends the article. A date under a line that
 * names no one does not. */
static void
test_extract_teaser_cards(void **state)
{
	static const char *const cards[] = {
	    "Rail strike called off\n\nAnna Berg\n\n"
	    "Wednesday November 20, 2019\n\n"
	    "The union accepted the offer late on Tuesday, hours before the "
	    "strike was due to begin, after the company agreed to raise pay "
	    "by four per cent this year and three the next, and to hire more "
	    "drivers for the night trains that have been cut since May.\n\n",
	    "Museum reopens its north wing\n\nTom Lind\n\n"
	    "Tuesday November 19, 2019\n\n"
	    "The wing was closed for three years of repairs to its roof and "
	    "walls, and visitors can now see the collection of maps and ship "
	    "models again, with a new room for the paintings that the city "
	    "was given by a collector who died two winters ago.\n\n",
	    "School meals to cost more\n\nEva Holm\n\n"
	    "Monday November 18, 2019\n\n"
	    "Parents will pay forty cents more a day from January, the "
	    "council said on Monday, because the price of food and of the "
	    "kitchens' energy has risen by a fifth, and the schools cannot "
	    "meet the cost from their own budgets any longer.\n\n",
	};
	struct buf s = {0};
	struct nw_article *a = article_new();
	char err[128];
	size_t i;

	(void)state;
	buf_puts(&s, "Harbour plan wins final vote\n\n"
	    "The harbour plan won its final vote on Tuesday after a year of "
	    "hearings, and work on the first quay is due to begin in spring."
	    "\n\n"
	    "Opponents said the cost had doubled since the plan was first "
	    "put forward, and that the city had not asked the fishermen who "
	    "work from the old quay every day of the year.\n\n"
	    "The port authority will publish the tender in January, and the "
	    "contract is to be signed before the summer holidays begin.\n\n"
	    "Updated\n\n"
	    "Wednesday November 20, 2019\n\n"
	    "The vote was 31 to 12, with two members absent, the clerk said "
	    "on Wednesday morning.\n\n");
	for (i = 0; i < sizeof(cards) / sizeof(cards[0]); i++)
		buf_puts(&s, cards[i]);
	assert_int_equal(text_extract(s.p, s.len, 0, a, err, sizeof(err)),
	    0);
	assert_int_equal(strncmp(a->body, "The harbour plan won", 20), 0);
	assert_non_null(strstr(a->body, "The vote was 31 to 12"));
	assert_null(strstr(a->body, "The union accepted"));
	assert_null(strstr(a->body, "forty cents"));
	article_free(a);
	buf_free(&s);
}

/* Pages end paragraphs with &nbsp;, which renderers write as U+00A0: a
 * paragraph that ends so still ends like a sentence, and the space is
 * not part of its text. */
static void
test_segment_nbsp(void **state)
{
	const char *s =
	    "Tram line opens\n\n"
	    "The new tram line opened on Monday, a year later than planned "
	    "and over its budget.\xc2\xa0\n\n"
	    "Its first trams ran full all day, and the city said it would add "
	    "more in the evening.\xc2\xa0\xe3\x80\x80\n";
	struct text_doc *d = text_segment(s, strlen(s));

	(void)state;
	assert_int_equal(d->n, 3);
	assert_string_equal(d->items[1].s, "The new tram line opened on "
	    "Monday, a year later than planned and over its budget.");
	text_classify(d);
	assert_int_equal(d->items[1].kind, TEXT_BODY);
	assert_int_equal(d->items[2].kind, TEXT_BODY);
	text_doc_free(d);
}

/* The headings of link boxes are chrome as labels, not inside prose:
 * "two of the most popular exchanges" is a sentence of the article. */
static void
test_chrome_headings(void **state)
{
	(void)state;
	assert_true(text_is_chrome("Most popular", 2));
	assert_true(text_is_chrome("Related articles", 2));
	assert_true(text_is_chrome("\xc3\x80 lire aussi \xc2\xbb "
	    "Ballonnements, lourdeurs... Quel est votre profil digestif et "
	    "comment y rem\xc3\xa9" "dier ?", 15));
	/* sw1.news and incurvy.de (trafeval-dev): a box of other stories
	 * under the article */
	assert_true(text_is_chrome("Das k\xc3\xb6nnte Dich auch "
	    "interessieren:", 5));
	assert_true(text_is_chrome("\xc3\x84hnliche Beitr\xc3\xa4ge", 2));
	assert_true(text_is_chrome("RELATED POSTS", 2));
	/* reading times over the article (trafeval-dev, aeb-dev), which
	 * were standfirsts and headlines; a recipe's time is none */
	assert_true(text_is_chrome("Lesezeit: ca. 3 Minuten", 4));
	assert_true(text_is_chrome("5 Min Read", 3));
	assert_true(text_is_chrome("Tempo de leitura: 2 minutos", 5));
	assert_true(text_is_chrome("12 minute read", 3));
	assert_false(text_is_chrome("Zubereitung: 30 Minuten", 3));
	assert_false(text_is_chrome("Read 5 minutes of poetry a day to "
	    "sleep better", 10));
	assert_false(text_is_chrome("Coinbase and Coinbase Pro are two of "
	    "the most popular cryptocurrency exchanges, with hundreds of "
	    "billions of dollars traded through both platforms annually. "
	    "They are both designed to help users buy, sell, and trade "
	    "cryptocurrency.", 35));
}

/* A renderer that leaves no blank line under a paragraph glues the
 * heading of the next link box to it: the heading is cut off, and the
 * paragraph stays the article's. */
static void
test_segment_trailing_heading(void **state)
{
	const char *s =
	    "Klimagipfel endet mit gemischtem Ergebnis\n"
	    "\n"
	    "   Die Abschlusserkl\xc3\xa4rung erw\xc3\xa4hnt zum ersten Mal "
	    "das Recht auf eine saubere,\n"
	    "   gesunde und nachhaltige Umwelt. Ein Novum ist auch das "
	    "Unterkapitel zu W\xc3\xa4ldern.\n"
	    "   Mehr zum Thema\n"
	    "\n"
	    "   Nahrungsmittel werden an sechs verschiedenen Stellen "
	    "erw\xc3\xa4hnt, was dem Thema\n"
	    "   deutlich mehr Gewicht gibt als bislang, sagten "
	    "Beobachter in Scharm el-Scheich.\n";
	struct text_doc *d = text_segment(s, strlen(s));

	(void)state;
	assert_true(d->wrap > 0);
	assert_int_equal(d->n, 3);
	assert_string_equal(d->items[1].s + strlen(d->items[1].s) - 12,
	    "zu W\xc3\xa4ldern.");
	assert_int_equal(text_trailing_heading("Er sagte es. Most read"), 12);
	assert_int_equal(text_trailing_heading("The most read"), 0);
	assert_int_equal(text_trailing_heading("Er sagte es, lesen Sie auch"),
	    0);
	text_doc_free(d);
}

/* The standfirst stands under the headline's date line, above share
 * buttons; a photo caption shown again with " / Source: X" is a caption
 * with its credit. */
static void
test_extract_standfirst_after_date(void **state)
{
	const char *s =
	    "Region\n\n"
	    "Junge Lenker schrotten Corvette und Audi in einer Nacht\n\n"
	    "19.10.2019 11:36 telebasel\n"
	    "In der Nacht auf Samstag haben zwei junge Lenker unabh\xc3\xa4ngig "
	    "voneinander einen Unfall mit ihrem Sportwagen gebaut.\n\n"
	    "  \xe2\x80\xa2 teilen\n"
	    "  \xe2\x80\xa2 twittern\n"
	    "  \xe2\x80\xa2 E-Mail\n\n"
	    "Unfallstelle auf der A1\n\n"
	    "Unfallstelle auf der A1 / Quelle: Kantonspolizei\n\n"
	    "Ein Neulenker ist in der Nacht auf Samstag um 23:50 Uhr auf der "
	    "Autobahn A1 in Lenzburg mit seinem Audi in die Leitplanke "
	    "geprallt.\n\n"
	    "Der 19-j\xc3\xa4hrige verlor kurz nach der Einfahrt aus "
	    "ungekl\xc3\xa4rten Gr\xc3\xbcnden die Herrschaft \xc3\xbc" "ber "
	    "den Wagen, wie die Polizei mitteilte.\n";
	struct nw_article *a = article_new();
	char err[128];

	(void)state;
	assert_int_equal(text_extract(s, strlen(s), 0, a, err, sizeof(err)),
	    0);
	assert_string_equal(a->title, "Junge Lenker schrotten Corvette und "
	    "Audi in einer Nacht");
	assert_non_null(a->subtitle);
	assert_non_null(strstr(a->subtitle, "In der Nacht auf Samstag"));
	assert_string_equal(a->body, "Ein Neulenker ist in der Nacht auf "
	    "Samstag um 23:50 Uhr auf der Autobahn A1 in Lenzburg mit seinem "
	    "Audi in die Leitplanke geprallt.\n\nDer 19-j\xc3\xa4hrige verlor "
	    "kurz nach der Einfahrt aus ungekl\xc3\xa4rten Gr\xc3\xbcnden die "
	    "Herrschaft \xc3\xbc" "ber den Wagen, wie die Polizei mitteilte.");
	assert_int_equal(a->n_images, 1);
	assert_string_equal(a->images[0].caption, "Unfallstelle auf der A1");
	assert_string_equal(a->images[0].credit, "Quelle: Kantonspolizei");
	article_free(a);
}

/* A sentence ending in a full stop heads the run above the body: it is
 * prose (a standfirst, a chapter's first line), not the headline; "& Co."
 * ends a headline all the same. */
static void
test_classify_no_sentence_headline(void **state)
{
	const char *body =
	    "\n\nShare\n\nTweet\n\nAdvertisement\n\n"
	    "The man seemed to ponder over my question. As he did, I took "
	    "that moment to note his features, which were plain at first.\n\n"
	    "But as I kept looking at him, his face grew less distinct, and "
	    "his skin blended into the white around us.\n\n"
	    "He finally seemed to finish thinking it over, as if I had asked "
	    "him something profound, and he looked up.\n";
	const char *heads[] = {
	    "Menu\n\nWhen I woke up, there was nothing.",
	    "Menu\n\nDie besten Tricks von Marie Kondo f\xc3\xbcr "
	    "Kleiderschrank & Co.",
	};
	struct buf b = { 0 };
	struct text_doc *d;

	(void)state;
	buf_puts(&b, heads[0]);
	buf_puts(&b, body);
	d = text_segment(b.p, b.len);
	text_classify(d);
	assert_int_equal(d->title, d->n);
	assert_int_equal(d->subtitle, 1);
	text_doc_free(d);
	b.len = 0;
	buf_puts(&b, heads[1]);
	buf_puts(&b, body);
	d = text_segment(b.p, b.len);
	text_classify(d);
	assert_int_equal(d->title, 1);
	text_doc_free(d);
	buf_free(&b);
}

/* Chinese has no spaces between words: a w3m dump wraps it between
 * characters at 100 columns (50 characters), the lines join without a
 * space, and its paragraphs are body text by their length in words. */
static void
test_extract_chinese(void **state)
{
	const char *s =
	    "\xe2\x80\x9c\xe6\x95\xb0\xe5\xad\x97\xe2\x80\x9d\xe5\x88"
	    "\xb7\xe6\x96\xb0\xe6\xb2\xbb\xe7\x90\x86\n"
	    "\n"
	    "\xe2\x80\x9c\xe6\x9d\x91\xe9\x87\x8c\xe8\xa3\x85\xe4\xba"
	    "\x86\xe9\xab\x98\xe6\xb8\x85\xe6\x91\x84\xe5\x83\x8f\xe5"
	    "\xa4\xb4\xef\xbc\x8c\xe5\xb0\x8f\xe5\x81\xb7\xe9\x83\xbd"
	    "\xe4\xb8\x8d\xe6\x95\xa2\xe4\xb8\x8a\xe9\x97\xa8\xe4\xba"
	    "\x86\xe3\x80\x82\xe2\x80\x9d\xe5\x8d\x97\xe5\x8e\xbf\xe5"
	    "\x8d\x97\xe6\xb4\xb2\xe9\x95\x87\xe9\x95\xbf\xe8\x83\x9c"
	    "\xe6\x9d\x91\xe6\xb2\xbb\xe5\xae\x89\xe4\xb8\xbb\xe4\xbb"
	    "\xbb\xe8\xa2\x81\xe6\xb0\xb8\xe7\xba\xa2\xe8\xaf\xb4\xef"
	    "\xbc\x8c\xe8\xbf\x99\xe5\xa4\x9a\xe4\xba\x8f\xe4\xba\x86"
	    "\xe2\x80\x9c\xe9\x9b\xaa\xe4\xba\xae\xe4\xb9\xa1\xe6\x9d"
	    "\x91\xe2\x80\x9d\xe5\xbb\xba\xe8\xae\xbe\xef\xbc\x8c"
	    "6\n"
	    "\xe4\xb8\xaa\xe6\x91\x84\xe5\x83\x8f\xe5\xa4\xb4\xe5\xb0"
	    "\xb1\xe8\xae\xa9\xe5\x85\xa8\xe6\x9d\x91\xe5\x85\xb3\xe9"
	    "\x94\xae\xe5\x8c\xba\xe5\x9f\x9f\xe6\xb2\xbb\xe5\xae\x89"
	    "\xe9\x98\xb2\xe6\x8e\xa7\xe6\x97\xa0\xe7\x9b\xb2\xe7\x82"
	    "\xb9\xe3\x80\x82\n"
	    "\n"
	    "\xe7\x9b\x8a\xe9\x98\xb3\xe5\x9f\x8e\xe5\xb8\x82\xe7\xa4"
	    "\xbe\xe5\x8c\xba\xe5\x90\x8c\xe6\xa0\xb7\xe5\xae\x89\xe5"
	    "\x85\xa8\xe6\x84\x9f\xe6\xbb\xa1\xe6\xbb\xa1\xe3\x80\x82"
	    "\xe5\xb0\x8f\xe5\x8c\xba\xe5\xb1\x85\xe6\xb0\x91\xe7\x99"
	    "\xbb\xe5\xbd\x95\xe6\x89\x8b\xe6\x9c\xba"
	    "APP\xef\xbc\x8c\xe5\xb0\xb1\xe5\x8f\xaf\xe5\xae\x9e\xe6"
	    "\x97\xb6\xe6\x9f\xa5\xe7\x9c\x8b\xe5\xb9\xbf\xe5\x9c\xba"
	    "\xe3\x80\x81\xe5\x85\xac\xe5\x9b\xad\xe3\x80\x81\xe6\xb8"
	    "\xb8\xe4\xb9\x90\xe5\x9b\xad\xe7\x9a\x84\xe7\x8e\xaf\xe5"
	    "\xa2\x83\xe3\x80\x82\xe4\xb8\x80\xe9\x81\x87\xe7\xaa\x81"
	    "\xe5\x8f\x91\xe4\xba\x8b\xe4\xbb\xb6\n"
	    "\xe6\x88\x96\xe7\xb4\xa7\xe6\x80\xa5\xe6\x83\x85\xe5\x86"
	    "\xb5\xef\xbc\x8c\xe4\xb8\x80\xe9\x94\xae\xe6\x8a\xa5\xe8"
	    "\xad\xa6\xe5\x8d\xb3\xe5\x8f\xaf\xe5\xaf\xbb\xe6\xb1\x82"
	    "\xe6\x8f\xb4\xe5\x8a\xa9\xe3\x80\x82\n"
	    "\n"
	    "\xe6\x99\xba\xe8\x83\xbd\xe6\xb2\xbb\xe7\x90\x86\xe6\x8f"
	    "\x90\xe5\x8d\x87\xe5\x9f\x8e\xe4\xb9\xa1\xe5\xae\x89\xe5"
	    "\x85\xa8\xe7\xb3\xbb\xe6\x95\xb0\xef\xbc\x8c\xe4\xbb\x85"
	    "\xe6\x98\xaf\xe7\x9b\x8a\xe9\x98\xb3\xe2\x80\x9c\xe6\x95"
	    "\xb0\xe5\xad\x97\xe6\xb2\xbb\xe7\x90\x86\xe2\x80\x9d\xe7"
	    "\x9a\x84\xe4\xb8\x80\xe9\x83\xa8\xe5\x88\x86\xe3\x80\x82"
	    "\xe4\xbb\x8e"
	    "2017\xe5\xb9\xb4\xe8\xb5\xb7\xef\xbc\x8c\xe7\x9b\x8a\xe9"
	    "\x98\xb3\xe5\xb0\xb1\xe4\xb8\x8e\xe5\x8d\x8e\xe4\xb8\xba"
	    "\xe6\xb7\xb1\xe5\xba\xa6\xe5\x90\x88\xe4\xbd\x9c\xef\xbc"
	    "\x8c\xe5\xaf\xb9\xe5\x85\xa8\xe5\xb8\x82\xe4\xbf\xa1\xe6"
	    "\x81\xaf\n"
	    "\xe5\x9f\xba\xe7\xa1\x80\xe8\xae\xbe\xe6\x96\xbd\xe3\x80"
	    "\x81\xe7\xbb\x9f\xe4\xb8\x80\xe6\x94\xaf\xe6\x92\x91\xe5"
	    "\xb9\xb3\xe5\x8f\xb0\xe7\xad\x89\xe8\xbf\x9b\xe8\xa1\x8c"
	    "\xe6\x95\xb4\xe4\xbd\x93\xe8\xa7\x84\xe5\x88\x92\xef\xbc"
	    "\x8c\xe5\xbb\xba\xe7\xab\x8b\xe8\xb5\xb7\xe4\xb8\x80\xe4"
	    "\xb8\xaa\xe5\xba\x9e\xe5\xa4\xa7\xe5\xb9\xb6\xe9\x9a\x8f"
	    "\xe6\x97\xb6\xe6\x9b\xb4\xe6\x96\xb0\xe7\x9a\x84\xe6\x95"
	    "\xb0\xe5\xad\x97\xe5\xba\x95\xe5\xba\xa7\xe3\x80\x82\xe8"
	    "\xbf\x99\xe4\xb8\xaa\xe5\xba\x95\xe5\xba\xa7\xe5\xb0\xb1"
	    "\xe5\x83\x8f\xe5\x8f\x8d\xe5\xba\x94\xe5\xa0\x86\xef\xbc"
	    "\x8c\xe5\x9c\xa8\xe6\x94\xbf\n"
	    "\xe5\x8a\xa1\xe3\x80\x81\xe5\x8c\xbb\xe7\x96\x97\xe3\x80"
	    "\x81\xe6\x95\x99\xe8\x82\xb2\xe3\x80\x81\xe4\xbd\x8f\xe5"
	    "\xbb\xba\xe7\xad\x89\xe6\xb2\xbb\xe7\x90\x86\xe9\xa2\x86"
	    "\xe5\x9f\x9f\xef\xbc\x8c\xe9\x87\x8a\xe6\x94\xbe\xe5\xb7"
	    "\xa8\xe5\xa4\xa7\xe8\x83\xbd\xe9\x87\x8f\xe3\x80\x82\n"
	    "\n";
	struct nw_article *a = article_new();
	char err[128];

	(void)state;
	assert_int_equal(text_extract(s, strlen(s), 0, a, err, sizeof(err)),
	    0);
	/* the lines "...6" and "\xe4\xb8\xaa..." join without a space */
	assert_non_null(strstr(a->body, "\xe5\xbb\xba\xe8\xae\xbe\xef\xbc\x8c"
	    "6\xe4\xb8\xaa\xe6\x91\x84"));
	assert_non_null(strstr(a->body, "\xe4\xbf\xa1\xe6\x81\xaf"
	    "\xe5\x9f\xba\xe7\xa1\x80"));
	assert_null(strstr(a->body, "\n\n\n"));
	assert_non_null(strstr(a->body, "\xe6\x8f\xb4\xe5\x8a\xa9\xe3\x80\x82"
	    "\n\n"));
	article_free(a);
}

static void
test_extract_nothing(void **state)
{
	const char *s = "Home\nNews\nSport\n\nSign in\n";
	struct nw_article *a = article_new();
	char err[128] = "";

	(void)state;
	assert_int_equal(text_extract(s, strlen(s), 0, a, err, sizeof(err)),
	    -1);
	assert_true(err[0] != '\0');
	article_free(a);
}

/* The heading of a comment thread that ended the region is not passed
 * over as a subheading when the edges of the region are moved: the
 * comment under it stays out. */
static void
test_extract_prose_edges_thread(void **state)
{
	const char *s =
	    "Bridge closed to lorries after cracks found\n\n"
	    "The council voted on Tuesday to close the old bridge to heavy "
	    "traffic after engineers found cracks\n"
	    "in two of its supporting piers, a decision that will send "
	    "lorries on a detour of twelve miles\n"
	    "through the town centre.\n\n"
	    "Shopkeepers on the detour said they feared the noise and the "
	    "fumes, and asked the council to limit\n"
	    "the hours in which lorries may pass, which the council said it "
	    "would consider next month.\n\n"
	    "Repairs are expected to take at least a year and to cost four "
	    "million pounds, most of it paid by\n"
	    "the county, according to a report that the engineers presented "
	    "to the council on Tuesday.\n\n"
	    "Leave a Reply\n\n"
	    "I drive over that bridge every day and have noticed the cracks "
	    "for years, so it is about time\n"
	    "somebody did something about it.\n\n"
	    "Your email address will not be published.\n";
	struct nw_article *a = article_new();
	char err[128];

	(void)state;
	assert_int_equal(text_extract(s, strlen(s), 0, a, err, sizeof(err)),
	    0);
	assert_non_null(strstr(a->body, "presented to the council"));
	assert_null(strstr(a->body, "I drive over"));
	article_free(a);
}

/* A donation box under the article (exxpress.at, w3m): its form's line
 * ("[ ] Ich akzeptiere die Datenschutzvereinbarung.* ...") reads as a
 * sentence but is no paragraph, so the pitch over it stands alone after
 * the gap and the region ends with the article. */
static void
test_extract_form_not_body(void **state)
{
	static const char s[] =
	    "Dienstwagen fuhr neben Zug\n"
	    "\n"
	    "Nicht der erste Aufreger um Reisen des Bundespr\xc3\xa4siden"
	    "ten. \xe2\x80\x9cGemeinsam klimafreundlich unterwegs nach\n"
	    "Graz\xe2\x80\x9d, betitelte Bundespr\xc3\xa4sident Alexander"
	    " Van der Bellen ein nettes Foto von ihm und dem\n"
	    "niederl\xc3\xa4ndischen K\xc3\xb6nigspaar im Zug nach Graz i"
	    "m Jahr 2022. Doch: Sein Luxury-Dienstwagen fuhr die\n"
	    "194 Kilometer neben den \xc3\x96""BB-Waggons her \xe2\x80"
	    "\x93 der eXXpress berichtete.\n"
	    "\n"
	    "    Van der Bellen als Klima-Pinocchio? Dienst-Karosse fuhr "
	    "parallel zum Zug\n"
	    "\n"
	    "    Was Van der Bellen jungen \xc3\x96sterreichern r\xc3\xa4"
	    "t \xe2\x80\x93 und wie er damit erneut f\xc3\xbcr Kritik sor"
	    "gt\n"
	    "\n"
	    "Ihr Beitrag hilft, unsere Berichterstattung noch weiter ausz"
	    "ubauen und diese weiterhin kostenlos\n"
	    "und top-aktuell zu Verf\xc3\xbcgung zu stellen.\n"
	    "\n"
	    "[                    ]\n"
	    "5\xe2\x82\xac 10\xe2\x82\xac 20\xe2\x82\xac 100\xe2\x82\xac"
	    "\n"
	    "Anderer Betrag\n"
	    "[20                  ] [ ] Ich akzeptiere die Datenschutzver"
	    "einbarung.* [ ] Bitte halten Sie mich\n"
	    "am laufenden. Ich will den Newsletter erhalten. Jetzt unters"
	    "t\xc3\xbctzen!\n"
	    "Kommentare\n"
	    "\n"
	    "  \xe2\x80\xa2 [9ac] Auslandsoesi sagt:\n"
	    "    1. November 2023 um 11:54\xc2\xa0Uhr\n"
	    "\n"
	    "    Und wenn ich sein Gro\xc3\x9fgoscherl, die nicht mal sei"
	    "nen Familien namen annimmt grinsen sehe kommt\n"
	    "    mir das Gro\xc3\x9f""e Ko\xe2\x80\xa6.\n"
	    "\n"
	    "     1\n"
	    "     \n"
	    "    Antworten\n"
	    "  \xe2\x80\xa2 [01b] Wilbert Kolhanek sagt:\n"
	    "    1. November 2023 um 11:53\xc2\xa0Uhr\n";
	struct nw_article *a = article_new();
	char err[128];
	size_t n;

	(void)state;
	assert_int_equal(text_extract(s, strlen(s), 0, a, err, sizeof(err)),
	    0);
	n = strlen(a->body);
	assert_true(n > 20);
	assert_string_equal(a->body + n - 20, "eXXpress berichtete.");
	assert_null(strstr(a->body, "Datenschutzvereinbarung"));
	assert_null(strstr(a->body, "Ihr Beitrag hilft"));
	article_free(a);
}

/* zdf.de (w3m): a short article under its byline, and after the footer
 * (more than 40 items) a login dialog whose messages are sentences that
 * outweigh it. The region under the byline weighs more than three
 * tenths of the dialog's, which no date or byline heads: the article is
 * the body. */
static void
test_extract_anchored_region(void **state)
{
	static const char s[] =
	    "Sie sind hier:\n"
	    "\n"
	    " 1. zdf.de\n"
	    " 2. Sport\n"
	    " 3. US-Sport in Zeiten von Corona\n"
	    "\n"
	    "US-Sport in Zeiten von Corona\n"
	    "\n"
	    "von Andreas K\xc3\xbcrten\n"
	    "\n"
	    "New York ist das Epizentrum der Corona-Pandemie in den USA. "
	    "Auch der Sport ist zum Stillstand\n"
	    "gekommen. Die Anteilnahme in den Top-Ligen ist gro\xc3\x9f. "
	    "Wie es sportlich weitergeht, ist unklar.\n"
	    "\n"
	    "2 min\n"
	    "04.04.2020\n"
	    "\n"
	    "Footer mit Inhaltsangabe\n"
	    "\n"
	    "nach oben\n"
	    "\n"
	    "  \xe2\x80\xa2 ZDF\n"
	    "  \xe2\x80\xa2 ZDFneo\n"
	    "  \xe2\x80\xa2 ZDFinfo\n"
	    "  \xe2\x80\xa2 heute.de\n"
	    "\n"
	    "Mehr ZDF\n"
	    "\n"
	    "  \xe2\x80\xa2 ZDFapps\n"
	    "  \xe2\x80\xa2 Smart TV\n"
	    "  \xe2\x80\xa2 ZDFtext\n"
	    "  \xe2\x80\xa2 Livestreams\n"
	    "  \xe2\x80\xa2 TV-Programm\n"
	    "\n"
	    "ZDF woanders\n"
	    "\n"
	    "  \xe2\x80\xa2 ZDF YouTube\n"
	    "  \xe2\x80\xa2 ZDF Facebook\n"
	    "  \xe2\x80\xa2 ZDF Twitter\n"
	    "\n"
	    "Service\n"
	    "\n"
	    "  \xe2\x80\xa2 Tickets\n"
	    "  \xe2\x80\xa2 Zuschauerservice\n"
	    "  \xe2\x80\xa2 Kontakt zum ZDF\n"
	    "  \xe2\x80\xa2 Sitemap\n"
	    "  \xe2\x80\xa2 Hilfe\n"
	    "\n"
	    "Das ZDF\n"
	    "\n"
	    "  \xe2\x80\xa2 ZDF Unternehmen\n"
	    "  \xe2\x80\xa2 Karriere\n"
	    "  \xe2\x80\xa2 Presseportal\n"
	    "  \xe2\x80\xa2 ZDF Shop\n"
	    "\n"
	    "Partner\n"
	    "    arte\n"
	    "    KiKA\n"
	    "    3sat\n"
	    "    Phoenix\n"
	    "    Deutschlandradio\n"
	    "    funk\n"
	    "    ARD\n"
	    "\n"
	    "  \xe2\x80\xa2 Nutzungsbedingungen\n"
	    "  \xe2\x80\xa2 Datenschutz\n"
	    "  \xe2\x80\xa2 Impressum\n"
	    "\n"
	    "Mein ZDF \xe2\x80\x93 Neues Konto anlegen\n"
	    "\n"
	    "Diese Email-Adresse ist bereits bei uns registriert. Bist "
	    "vielleicht bereits bei Mein ZDF\n"
	    "angemeldet?\n"
	    "\n"
	    "Das Passwort muss mindestens 8 Zeichen lang sein.\n"
	    "\n"
	    "Das Passwort muss mindestens einen Gro\xc3\x9f""buchstaben "
	    "enthalten.\n"
	    "\n"
	    "Das Passwort muss mindestens einen Kleinbuchstaben "
	    "enthalten.\n"
	    "\n"
	    "Leider hat die Registrierung nicht funktioniert. Bitte "
	    "\xc3\xbc""berpr\xc3\xbc""fe deine Angaben.\n"
	    "\n"
	    "Das Passwort muss mindestens 8 Zeichen lang sein, einen "
	    "Gro\xc3\x9f""buchstaben und eine Ziffer enthalten.\n"
	    "\n"
	    "Hinweis: Das bestehende Passwort muss mindestens 8 Zeichen "
	    "lang sein, einen Gro\xc3\x9f""buchstaben, eine\n"
	    "Ziffer und ein Sonderzeichen enthalten.\n";
	struct nw_article *a = article_new();
	char err[128];

	(void)state;
	assert_int_equal(text_extract(s, strlen(s), 0, a, err, sizeof(err)),
	    0);
	assert_non_null(strstr(a->body, "New York ist das Epizentrum"));
	assert_null(strstr(a->body, "Passwort"));
	assert_int_equal(a->authors.n, 1);
	assert_string_equal(a->authors.v[0], "Andreas K\xc3\xbcrten");
	article_free(a);
}

/* disfunctions.de (w3m): a tag cloud under the post, 41 words without a
 * sentence's end whose only stops are inside version numbers ("0.4.3",
 * "1.0.2"). A stop inside a word is no clause mark: the cloud is not
 * running text, and the credits under it stay out of the body. */
static void
test_extract_tag_cloud(void **state)
{
	static const char s[] =
	    "Podcasts in Plex einbinden\n"
	    "\n"
	    "PodGrab wird jetzt t\xc3\xa4glich durch einen cronjob mit der "
	    "Option -d aufgerufen und l\xc3\xa4""dt ggf. neue\n"
	    "Episoden runter.\n"
	    "\n"
	    "Der Speicherort der Podcasts kann jetzt in Plex als Bibliothe"
	    "k hinzugef\xc3\xbcgt werden und wird\n"
	    "t\xc3\xa4glich aktualisiert.\n"
	    "\n"
	    "Wer mehr wissen will, findet die Optionen von PodGrab in "
	    "seiner Hilfe, die der Aufruf mit -h\n"
	    "zeigt.\n"
	    "\n"
	    "\xc2\xab Speicher via SSHFS mounten und Truecrypt Container "
	    "laden\n"
	    "\n"
	    "0.4.3 26C3 Addons Anonymit\xc3\xa4t Apple Browser crypto "
	    "Demokratie Domain Emailadresse Eventlist\n"
	    "Eventlist 1.0.2 Facebook fail Fun ICAL-Download ical-export "
	    "Joomla Joomla 2.5 KeepassX konvertieren\n"
	    "M4a zu Mp3 Mac Mac Tutorial Medien OSX Programme Provider "
	    "Software-Center Spamfilter Statistik\n"
	    "Suchmaschinen Tipps&Tricks verschl\xc3\xbcsselung Video "
	    "Webseiten\n"
	    "\n"
	    "\n"
	    "Design von Andreas Viklund und Ainslie Johnson. Community "
	    "Icons von Tilo Hensel.\n";
	struct nw_article *a = article_new();
	char err[128];
	size_t n;

	(void)state;
	assert_int_equal(text_extract(s, strlen(s), 0, a, err, sizeof(err)),
	    0);
	n = strlen(a->body);
	assert_true(n > 6);
	assert_string_equal(a->body + n - 6, "zeigt.");
	assert_null(strstr(a->body, "Eventlist"));
	assert_null(strstr(a->body, "Viklund"));
	article_free(a);
}

/* haustiermagazin.com (w3m), shortened: the lead under the dated
 * byline, a comparison table of short cells, and the rest of the
 * article, which the search took alone. The lead weighs more than a
 * tenth of it and stands under a date: it joins the region. */
static void
test_extract_lead_over_table(void **state)
{
	static const char s[] =
	    "Kaufratgeber: elektronisches Katzenspielzeug\n"
	    "\n"
	    "1. Februar 2022 Steffi\n"
	    "\n"
	    "Katzen wollen spielen, auch wenn niemand zu Hause ist. Wir "
	    "haben uns deshalb verschiedene elektrische\n"
	    "Spielzeuge angesehen und verraten, worauf es beim Kauf ankommt.\n"
	    "\n"
	    "Modell 1\n"
	    "11,99 \xe2\x82\xac\n"
	    "Timer: ja\n"
	    "\n"
	    "Modell 2\n"
	    "12,99 \xe2\x82\xac\n"
	    "Timer: ja\n"
	    "\n"
	    "Modell 3\n"
	    "13,99 \xe2\x82\xac\n"
	    "Timer: ja\n"
	    "\n"
	    "Modell 4\n"
	    "14,99 \xe2\x82\xac\n"
	    "Timer: ja\n"
	    "\n"
	    "Modell 5\n"
	    "15,99 \xe2\x82\xac\n"
	    "Timer: ja\n"
	    "\n"
	    "Modell 6\n"
	    "16,99 \xe2\x82\xac\n"
	    "Timer: ja\n"
	    "\n"
	    "Modell 7\n"
	    "17,99 \xe2\x82\xac\n"
	    "Timer: ja\n"
	    "\n"
	    "Modell 8\n"
	    "18,99 \xe2\x82\xac\n"
	    "Timer: ja\n"
	    "\n"
	    "Modell 9\n"
	    "19,99 \xe2\x82\xac\n"
	    "Timer: ja\n"
	    "\n"
	    "Modell 10\n"
	    "20,99 \xe2\x82\xac\n"
	    "Timer: ja\n"
	    "\n"
	    "Ein elektronisches Spielzeug ersetzt nicht die gemeinsame "
	    "Zeit mit dem Menschen, aber es sorgt\n"
	    "f\xc3\xbcr Abwechslung, wenn die Katze allein ist und sich "
	    "langweilt, und das ist bei vielen Katzen oft.\n"
	    "\n"
	    "Welches Spiel zu deiner Mieze passt, h\xc3\xa4ngt von ihrem "
	    "Temperament ab: Manche jagen lieber Federn,\n"
	    "andere lauern auf B\xc3\xa4lle, die sich von selbst bewegen, "
	    "und wieder andere wollen nur zusehen.\n"
	    "\n"
	    "Achte beim Kauf auf eine Abschaltfunktion, damit das Spielzeug "
	    "nicht stundenlang l\xc3\xa4uft, und auf\n"
	    "robuste Teile, die deine Katze nicht abbei\xc3\x9f""en und "
	    "verschlucken kann, wenn sie allein spielt.\n"
	    "\n"
	    "Batterien halten je nach Modell unterschiedlich lange; ein "
	    "Ger\xc3\xa4t mit Akku und USB-Kabel spart auf\n"
	    "Dauer Geld und M\xc3\xbcll, auch wenn es in der Anschaffung "
	    "etwas teurer ist als die einfachen Modelle.\n"
	    "\n"
	    "Am Ende entscheidet deine Katze, welches Spielzeug sie mag: "
	    "Probiere ruhig mehrere aus und beobachte,\n"
	    "womit sie am l\xc3\xa4ngsten spielt, bevor du ein teures "
	    "Ger\xc3\xa4t kaufst, das dann nur herumsteht.\n";
	struct nw_article *a = article_new();
	char err[128];

	(void)state;
	assert_int_equal(text_extract(s, strlen(s), 0, a, err, sizeof(err)),
	    0);
	assert_true(strncmp(a->body, "Katzen wollen spielen", 21) == 0);
	assert_non_null(strstr(a->body, "nur herumsteht."));
	assert_null(strstr(a->body, "Modell 3"));
	article_free(a);
}

/* Lines of code between paragraphs, and the ends of a sentence that a
 * paragraph announces with an ellipsis, are the article's (netbits.us,
 * github.com and changenow.de renders lost them as related links); a
 * credit's label ("Foto:") announces nothing, and a link's label the
 * page shows twice, or one in ">> <<", is no code. */
static void
test_extract_code_lines(void **state)
{
	static const char s[] =
	    "Tunnels for rsync\n"
	    "\n"
	    "The tunnel keeps the traffic between the two machines private, "
	    "and it needs no change to rsync itself.\n"
	    "\n"
	    "Now for the config file, which is placed in the usual place:\n"
	    "\n"
	    "cert = /etc/stunnel/stunnel_cert.pem\n"
	    "\n"
	    "client = yes\n"
	    "\n"
	    "Start the daemon on both machines and the tunnel opens at the "
	    "next connection from the client.\n"
	    "\n"
	    "You can install the client through pip:\n"
	    "\n"
	    "pip install tunnel\n"
	    "\n"
	    "The best results come to the people who ...\n"
	    "\n"
	    "are open and curious\n"
	    "\n"
	    "want to move something in the world\n"
	    "\n"
	    "Foto:\n"
	    "\n"
	    "private archive of the author\n"
	    "\n"
	    "The rest of the setup is the same on every system we tried, "
	    "from the oldest to the newest one.\n"
	    "\n"
	    "tunnel.conf (12 KB)\n"
	    "\n"
	    ">> Another story about tunnels <<\n"
	    "\n"
	    "Every machine keeps its own key, and the keys are never copied "
	    "from one machine to the other one.\n"
	    "\n"
	    "tunnel.conf (12 KB)\n";
	struct nw_article *a = article_new();
	char err[128];

	(void)state;
	assert_int_equal(text_extract(s, strlen(s), 0, a, err, sizeof(err)),
	    0);
	assert_non_null(strstr(a->body, "cert = /etc/stunnel"));
	assert_non_null(strstr(a->body, "client = yes"));
	assert_non_null(strstr(a->body, "pip install tunnel"));
	assert_non_null(strstr(a->body, "are open and curious"));
	assert_non_null(strstr(a->body, "want to move something"));
	assert_null(strstr(a->body, "private archive"));
	assert_null(strstr(a->body, "tunnel.conf (12 KB)"));
	assert_null(strstr(a->body, "Another story"));
	article_free(a);
}

/* A recipe: the lead, the ingredients, and the steps each under its
 * number on a line of its own ("1."). The walk from the steps back to
 * the lead passes the numbers, and the list it passes is the
 * article's (lecker.de's render kept the steps alone). */
static void
test_extract_lead_over_steps(void **state)
{
	static const char s[] =
	    "Schneewittchen-Kuchen\n"
	    "\n"
	    "Spieglein, Spieglein an der Wand, wer ist der leckerste Kuchen "
	    "im ganzen Land? Es ist der Kuchen mit Kirschen und Creme.\n"
	    "\n"
	    "Zutaten\n"
	    "\n"
	    "  \xe2\x80\xa2 1 Pck. Vanillepuddingpulver\n"
	    "  \xe2\x80\xa2 350 g Zucker\n"
	    "  \xe2\x80\xa2 500 ml Milch\n"
	    "  \xe2\x80\xa2 450 g weiche Butter\n"
	    "\n"
	    "Zubereitung\n"
	    "\n"
	    "1.\n"
	    "F\xc3\xbcr die Creme Puddingpulver, 100 g Zucker und 100 ml Milch "
	    "in einer Sch\xc3\xbcssel glatt r\xc3\xbchren und beiseitestellen.\n"
	    "2.\n"
	    "Inzwischen Kirschen abtropfen lassen und die Springform mit "
	    "Backpapier auslegen, den Rand fetten und mit Mehl bestreuen.\n"
	    "3.\n"
	    "Backofen vorheizen, die H\xc3\xa4lfte des Teiges in die Form "
	    "streichen, Creme und Kirschen darauf verteilen und backen.\n";
	struct nw_article *a = article_new();
	char err[128];

	(void)state;
	assert_int_equal(text_extract(s, strlen(s), 0, a, err, sizeof(err)),
	    0);
	assert_non_null(strstr(a->body, "Spieglein, Spieglein"));
	assert_non_null(strstr(a->body, "350 g Zucker"));
	assert_non_null(strstr(a->body, "Creme und Kirschen"));
	article_free(a);
}

/* A lynx render of a party's page (gruene-bundestag.de, trafeval-dev):
 * the logo's alt text, one sentence, over the site's menus, the
 * breadcrumb and the headline, then the article. A nav's one sentence
 * is no lead: the region is not moved back over the menus to it (the
 * headline went into the body, and the page had no title). */
/* A post of short lines only (fields, headings one to a block) under its
 * dated byline: the search's run is the tag cloud at the page's foot,
 * which holds no sentence; the block under the byline is the article. */
static void
test_extract_dated_block(void **state)
{
	static const char s[] =
	    "Film Swap\n"
	    "\n"
	    "  \xe2\x80\xa2 Home\n"
	    "  \xe2\x80\xa2 Swaps\n"
	    "  \xe2\x80\xa2 About us\n"
	    "\n"
	    "Collaboration Anna and Ben, May 2019\n"
	    "\n"
	    "Posted 3. May 2019 by Ben Miller\n"
	    "\n"
	    "Places\n"
	    "\n"
	    "Anna: Japan.\n"
	    "\n"
	    "Ben: Germany.\n"
	    "\n"
	    "Film\n"
	    "\n"
	    "Kodak Portra 400.\n"
	    "\n"
	    "Cameras\n"
	    "\n"
	    "Anna: Widelux.\n"
	    "\n"
	    "Share this:\n"
	    "\n"
	    "  \xe2\x80\xa2 Facebook\n"
	    "  \xe2\x80\xa2 Twitter\n"
	    "\n"
	    "Tags\n"
	    "\n"
	    "Aachen Agfa Vista 400 Australia Berlin Carl Chuck CineStill 800 "
	    "T Germany Double exposure Eastman 5222 Film swap Ft. Wayne "
	    "Fujifilm X-TRA 400 Fuji Velvia50 Hamburg Ilford Delta 100 "
	    "Ilford Delta 3200 Ilford FP4 John U. John W. Karlsruhe Kathryn "
	    "Kodak Porta 400 Kodak Tri-X, Kodak Ultramax 400 Matthew Nikon "
	    "Nikon FE NIKON FM10 Oliver PENTAX K1000 PENTAX ME-Super\n"
	    "\n"
	    "(c) 2016 - 2019 film-swap.org\n";
	struct nw_article *a = article_new();
	char err[128];

	(void)state;
	assert_int_equal(text_extract(s, strlen(s), 0, a, err, sizeof(err)),
	    0);
	assert_non_null(strstr(a->body, "Anna: Japan."));
	assert_non_null(strstr(a->body, "Kodak Portra 400."));
	assert_non_null(strstr(a->body, "Anna: Widelux."));
	assert_null(strstr(a->body, "Share this"));
	assert_null(strstr(a->body, "Ultramax"));
	assert_string_equal(a->title, "Collaboration Anna and Ben, May 2019");
	article_free(a);
}

static void
test_extract_short_lead_over_menu(void **state)
{
	static const char s[] =
	    "   Eine gelbe Blume umrandet den Namen der Partei. Im "
	    "Hintergrund sind drei Bl\xc3\xa4tter.\n"
	    "     * [12]Presse\n"
	    "     * [13]Leichte Sprache\n"
	    "     * [14]Geb\xc3\xa4rdensprache\n"
	    "\n"
	    "     * [15]Themen\n"
	    "     * [16]Abgeordnete\n"
	    "     * [17]Fraktion\n"
	    "\n"
	    "   UN-Klimakonferenz\n"
	    "\n"
	    "COP26 in Glasgow\n"
	    "\n"
	    "     * [23]Energiewende\n"
	    "     * [24]Internationale Politik\n"
	    "     * [25]Klimaschutz\n"
	    "\n"
	    "   Die Erwartungen an die 26. UN-Klimakonferenz sind hoch. Denn "
	    "sechs Jahre nach\n"
	    "   Paris ist die internationale Gemeinschaft immer noch weit "
	    "entfernt vom Ziel.\n"
	    "\n"
	    "   Die COP26 gilt als die wichtigste Klimakonferenz seit dem "
	    "Durchbruch in Paris\n"
	    "   2015. Zum ersten Mal waren alle Staaten aufgerufen, ihre "
	    "Klimaziele zu erh\xc3\xb6hen.\n"
	    "\n"
	    "   Die Staaten m\xc3\xbcssen ihre Zusagen zur Klimafinanzierung "
	    "einl\xc3\xb6sen und jedes Jahr\n"
	    "   hundert Milliarden zur Verf\xc3\xbcgung stellen, sagt die "
	    "Fraktion in ihrem Papier.\n";
	struct nw_article *a = article_new();
	char err[128];

	(void)state;
	assert_int_equal(text_extract(s, strlen(s), 0, a, err, sizeof(err)),
	    0);
	assert_int_equal(strncmp(a->body, "Die Erwartungen", 15), 0);
	assert_null(strstr(a->body, "Abgeordnete"));
	article_free(a);
}

/* A box inside the article between its lead and the rest (eltiempo.com,
 * w3m: "Le puede interesar", then a related box's headlines, places and
 * times): the region started under it, and the lead and the headline
 * were lost. It moves back over the box to the lead, without the box. */
static void
test_extract_lead_over_box(void **state)
{
	static const char s[] =
	    "Debate en la Universidad Eafit\n"
	    "\n"
	    "La Universidad Eafit fue el epicentro de un nuevo debate "
	    "presidencial del que participaron los\n"
	    "candidatos Ingrid Betancourt, Sergio Fajardo y Rodolfo "
	    "Hernandez. Otros dos no asistieron.\n"
	    "\n"
	    "El encuentro estuvo enmarcado en seis ejes tematicos "
	    "relacionados a educacion, seguridad y paz,\n"
	    "economia, salud, relaciones internacionales y medio "
	    "ambiente.\n"
	    "\n"
	    "(Le puede interesar: Buscan responsables de bus quemado en "
	    "Anori, Antioquia)\n"
	    "\n"
	    "Temas relacionados\n"
	    "\n"
	    "Hombre podria ir a la carcel por amenazar en Twitter al "
	    "alcalde\n"
	    "\n"
	    "Medellin\n"
	    "02:38 p. m.\n"
	    "\n"
	    "\n"
	    "Hombre podria ir a la carcel por amenazar en Twitter al "
	    "alcalde\n"
	    "\n"
	    "Ojo a los cortes de agua en Medellin y Bello\n"
	    "\n"
	    "Medellin\n"
	    "11:22 a. m.\n"
	    "\n"
	    "\n"
	    "Ojo a los cortes de agua en Medellin y Bello\n"
	    "\n"
	    "Entre las preguntas planeadas por los estudiantes estuvo "
	    "los instrumentos que como candidato usaria\n"
	    "para impulsar el desarrollo del sector agrario y garantizar "
	    "la sostenibilidad social y ambiental.\n"
	    "\n"
	    "Rodolfo Hernandez, candidato del movimiento de gobernantes, "
	    "manifesto que la unica forma de lograr\n"
	    "productividad en el pais es por medio de un analisis de "
	    "costos directos, precisando sus cifras.\n"
	    "\n"
	    "Por su parte, Luis Perez, candidato de otro movimiento, "
	    "propuso la construccion de vias campesinas\n"
	    "pavimentadas y la creacion de un banco para prestarle a los "
	    "emprendedores del pais.\n";
	struct nw_article *a = article_new();
	char err[128];

	(void)state;
	assert_int_equal(text_extract(s, strlen(s), 0, a, err, sizeof(err)),
	    0);
	assert_int_equal(strncmp(a->body, "La Universidad Eafit", 20), 0);
	assert_non_null(strstr(a->body, "Luis Perez"));
	assert_null(strstr(a->body, "Temas relacionados"));
	assert_null(strstr(a->body, "cortes de agua"));
	assert_null(strstr(a->body, "Le puede interesar"));
	article_free(a);
}

/* A subheading over a picture, and one under a picture's caption
 * (heavenlynnhealthy.de and techfieber.de, w3m): the pictures stand
 * between them and the paragraphs, and they are the article's. */
static void
test_extract_subheading_by_picture(void **state)
{
	static const char s[] =
	    "Mareen Burk im Gespr\xc3\xa4" "ch\n"
	    "\n"
	    "Gegr\xc3\xbcndet wurde das Label bereits 2013 von Mareen Burk, "
	    "einer leidenschaftlichen Surferin und Grafikdesignerin aus "
	    "Hamburg.\n"
	    "\n"
	    "Im Gespr\xc3\xa4" "ch mit der Gr\xc3\xbcnderin\n"
	    "\n"
	    "[MYMARINI_2021_Mareen_Burk_Portugal]\n"
	    "\n"
	    "Die Idee f\xc3\xbcr das Label entstand bereits 2012, als fair "
	    "produzierte Mode noch sehr selten war und kaum jemand davon "
	    "sprach.\n"
	    "\n"
	    "Die Stromnetze stehen im Winter unter Druck / Photo by Fre "
	    "Sonneveld on Unsplash\n"
	    "\n"
	    "Einschr\xc3\xa4nkung ist verschmerzbar\n"
	    "\n"
	    "Im Beschleuniger werden w\xc3\xa4hrend der Laufzeit pro Sekunde "
	    "etwa zwei Milliarden Kollisionen zwischen Protonen erzeugt, "
	    "sagen die Physiker.\n";
	struct nw_article *a = article_new();
	char err[128];

	(void)state;
	assert_int_equal(text_extract(s, strlen(s), 0, a, err, sizeof(err)),
	    0);
	assert_non_null(strstr(a->body, "Im Gespr\xc3\xa4" "ch mit der "
	    "Gr\xc3\xbcnderin\n"));
	assert_non_null(strstr(a->body, "Einschr\xc3\xa4nkung ist "
	    "verschmerzbar\n"));
	assert_null(strstr(a->body, "MYMARINI_2021"));
	article_free(a);
}

/* The article tells of others in the third person (the words of the
 * people it quotes aside) and its last line turns to the reader (an
 * app's pitch, an affiliate disclosure): the line is the site's, not
 * the article's. A post whose writer speaks as themself keeps its
 * last line to the reader, and so does a last paragraph that turns to
 * the reader after its first sentence (simplyscience.ch). */
static void
test_extract_address_at_end(void **state)
{
	static const char s[] =
	    "Vessel intercepted with cocaine\n"
	    "\n"
	    "Agents of the marine unit stopped a vessel near the island on "
	    "Sunday after a patrol aircraft saw it running without lights "
	    "toward the coast.\n"
	    "\n"
	    "Agents inspected the vessel and found a hidden compartment "
	    "that held more than two hundred bricks of a white powder.\n"
	    "\n"
	    "\xe2\x80\x9c" "Our agents continue to stop unlawful cargo at "
	    "the border and beyond,\xe2\x80\x9d the director of the branch said in a "
	    "statement.\n"
	    "\n"
	    "Three men were taken into custody and will be charged in "
	    "federal court later this week.\n"
	    "\n"
	    "Get the latest news straight to your phone with the Islands "
	    "News app.\n";
	static const char b[] =
	    "A new look for the blog\n"
	    "\n"
	    "After many years with the old theme I finally changed the "
	    "look of this blog over the long weekend in May.\n"
	    "\n"
	    "The new theme is lighter and reads better on a phone, and I "
	    "moved the archive into the menu at the top.\n"
	    "\n"
	    "Some old posts still lack their pictures, which I will put "
	    "back over the next weeks.\n"
	    "\n"
	    "I hope you like the new look.\n";
	static const char t[] =
	    "How oil forms\n"
	    "\n"
	    "Oil forms from the remains of tiny sea creatures that sank to "
	    "the floor of old seas and were buried under thick layers of "
	    "mud.\n"
	    "\n"
	    "Deep under the ground, heat and pressure turned them into "
	    "oil over many millions of years, most of it in the age of the "
	    "dinosaurs.\n"
	    "\n"
	    "The oil then rises through the rock until a layer of clay "
	    "stops it. Why it runs short, you can read in the next "
	    "article.\n";
	struct nw_article *a = article_new();
	char err[128];

	(void)state;
	assert_int_equal(text_extract(s, strlen(s), 0, a, err, sizeof(err)),
	    0);
	assert_non_null(strstr(a->body, "later this week."));
	assert_non_null(strstr(a->body, "Our agents"));
	assert_null(strstr(a->body, "your phone"));
	article_free(a);
	a = article_new();
	assert_int_equal(text_extract(b, strlen(b), 0, a, err, sizeof(err)),
	    0);
	assert_non_null(strstr(a->body, "I hope you like the new look."));
	article_free(a);
	/* the turn to the reader in a later sentence: the article's */
	a = article_new();
	assert_int_equal(text_extract(t, strlen(t), 0, a, err, sizeof(err)),
	    0);
	assert_non_null(strstr(a->body, "you can read in the next"));
	article_free(a);
}

/* The article's last paragraph shares no blank-line block with anything;
 * a paragraph in the block of a widget's buttons under it ("Donate
 * Now", "Sign Up For Breaking News Alerts": aclu.org's appeal, h0;
 * impulse.de's newsletter teaser over "Das k\xc3\xb6nnte Sie auch
 * interessieren", h1) is the widget's. A one-word label in the last
 * paragraph's block ("Tags:") is no widget. */
static void
test_extract_widget_at_end(void **state)
{
	static const char s[] =
	    "County ends probation for bad grades\n"
	    "\n"
	    "Since 2001, the county probation department has been funneling "
	    "young people into the criminal system for minor school "
	    "problems such as bad grades or missed classes.\n"
	    "\n"
	    "This direct line to the criminal system was the product of a "
	    "partnership between local school districts and the probation "
	    "department, and it touched thousands of families.\n"
	    "\n"
	    "Now, through the settlement, the county will no longer accept "
	    "referrals for things that are not and should not be "
	    "crimes.\n"
	    "\n"
	    "Fight for everyone's rights and support the union today.\n"
	    "Donate Now\n"
	    "Sign Up For Breaking News Alerts\n";
	static const char t[] =
	    "County ends probation for bad grades\n"
	    "\n"
	    "Since 2001, the county probation department has been funneling "
	    "young people into the criminal system for minor school "
	    "problems such as bad grades or missed classes.\n"
	    "\n"
	    "This direct line to the criminal system was the product of a "
	    "partnership between local school districts and the probation "
	    "department, and it touched thousands of families.\n"
	    "\n"
	    "The county will no longer accept referrals for things that "
	    "are not crimes.\n"
	    "Tags:\n";
#define LYNX_WIDGET_HEAD \
	    "[1]Home [2]World [3]News\n" \
	    "\n" \
	    "County ends probation for bad grades\n" \
	    "\n" \
	    "   Since 2001, the county probation department has been " \
	    "funneling young people into the criminal system for minor " \
	    "school problems such as bad grades or missed classes.\n" \
	    "\n" \
	    "   This direct line to the criminal system was the product of " \
	    "a partnership between local school districts and the " \
	    "probation department, and it touched thousands of families.\n" \
	    "\n"
	static const char l[] = LYNX_WIDGET_HEAD
	    "   Now, through the settlement, the county will no longer " \
	    "accept referrals for things that are not and should not be " \
	    "crimes.\n"
	    "\n"
	    "   Follow the Case\n"
	    "   Fight for everyone's rights and support the union today.\n"
	    "   Donate Now\n"
	    "   Sign Up For Breaking News Alerts\n";
	static const char m[] = LYNX_WIDGET_HEAD
	    "   Now, through the settlement, the county will no longer " \
	    "accept referrals for things that are not and should not be " \
	    "crimes.\n"
	    "   Donate Now\n"
	    "   Sign Up For Breaking News Alerts\n";
	static const char r[] = LYNX_WIDGET_HEAD
	    "   Now, through the settlement, the county will no longer " \
	    "accept referrals for things that are not and should not be " \
	    "crimes.\n"
	    "\n"
	    "HOUSE RULES\n"
	    "   1. We welcome reader comments on the top stories of the "
	    "day.\n"
	    "   2. Please understand that comments are moderated by the "
	    "desk.\n"
	    "   3. Please do not write in block capitals in your comment.\n"
	    "   4. Lastly, read our Terms and Conditions and Privacy "
	    "Policy\n";
#undef LYNX_WIDGET_HEAD
	struct nw_article *a = article_new();
	char err[128];

	(void)state;
	assert_int_equal(text_extract(s, strlen(s), 0, a, err, sizeof(err)),
	    0);
	assert_non_null(strstr(a->body, "should not be crimes."));
	assert_null(strstr(a->body, "support the union"));
	article_free(a);
	a = article_new();
	assert_int_equal(text_extract(t, strlen(t), 0, a, err, sizeof(err)),
	    0);
	assert_non_null(strstr(a->body, "are not crimes."));
	article_free(a);
	/* lynx glues the lines under a paragraph to it: the article's last
	 * paragraph opening a block of the footer's chrome stays; a block
	 * that a heading over the paragraph opens is the widget's */
	a = article_new();
	assert_int_equal(text_extract(l, strlen(l), 0, a, err, sizeof(err)),
	    0);
	assert_non_null(strstr(a->body, "should not be crimes."));
	assert_null(strstr(a->body, "support the union"));
	article_free(a);
	a = article_new();
	assert_int_equal(text_extract(m, strlen(m), 0, a, err, sizeof(err)),
	    0);
	assert_non_null(strstr(a->body, "should not be crimes."));
	article_free(a);
	/* a comment policy's rules, one block with its last rule's link
	 * (jamaicaobserver.com, h1): several paragraphs, lighter than the
	 * article over them */
	a = article_new();
	assert_int_equal(text_extract(r, strlen(r), 0, a, err, sizeof(err)),
	    0);
	assert_non_null(strstr(a->body, "should not be crimes."));
	assert_null(strstr(a->body, "We welcome reader comments"));
	assert_null(strstr(a->body, "block capitals"));
	article_free(a);
}

/* A paragraph opening with an asterisk glued to its first word is a
 * footnote to a starred word, a disclosure over or inside the article
 * (heavenlynnhealthy.de's "*Werbung. ...", thepointsguy.com's "*Bonus
 * value is ...", h1); a lynx bullet ("* ") is an item of a list. */
static void
test_extract_footnote(void **state)
{
	static const char s[] =
	    "Faire Bademode aus Hamburg\n"
	    "\n"
	    "*Werbung. Dieser Beitrag enth\xc3\xa4lt Werbung f\xc3\xbcr "
	    "das Label.\n"
	    "\n"
	    "Dies ist vielleicht ein Food Blog, aber meine Interessen gehen "
	    "nat\xc3\xbcrlich weit \xc3\xbc" "ber das Essen hinaus, und "
	    "Mode geh\xc3\xb6rt seit Jahren dazu.\n"
	    "\n"
	    "*Bonus value is an estimated value calculated by the site and "
	    "not the card issuer.\n"
	    "\n"
	    "Gegr\xc3\xbcndet wurde das Label bereits 2013 von einer "
	    "leidenschaftlichen Surferin und Grafikdesignerin aus der "
	    "Stadt.\n";
	struct nw_article *a = article_new();
	char err[128];

	(void)state;
	assert_int_equal(text_extract(s, strlen(s), 0, a, err, sizeof(err)),
	    0);
	assert_non_null(strstr(a->body, "Dies ist vielleicht"));
	assert_non_null(strstr(a->body, "Gegr\xc3\xbcndet wurde"));
	assert_null(strstr(a->body, "Werbung"));
	assert_null(strstr(a->body, "Bonus value"));
	article_free(a);
}

/* The article's last line ends with a colon over a box it does not
 * hold (zeit.de's paywall, w3m: the offers are links the page shows
 * twice): the line is no part of the article. A line announcing the
 * lines of code under it stays. */
static void
test_extract_announce_at_end(void **state)
{
	static const char s[] =
	    "Klimaschutz bei den Banken\n"
	    "\n"
	    "Touristen und B\xc3\xb6rsenh\xc3\xa4ndler waren \xc3\xbc"
	    "berrascht, als sich pl\xc3\xb6tzlich Gestalten vor der Bank "
	    "versammelten, um gegen die Finanzierung von Kohleminen zu "
	    "protestieren.\n"
	    "\n"
	    "Die Aktivisten wollen auf diese Weise \xc3\xb6" "ffentlichen "
	    "Druck auf Banken, Fonds und Versicherer erzeugen, damit sie sich "
	    "aus solchen Gesch\xc3\xa4" "ften zur\xc3\xbc" "ckziehen.\n"
	    "\n"
	    "W\xc3\xa4hlen Sie Ihren Zugang und lesen Sie weiter:\n"
	    "\n"
	    "(*) Digital-Zugang\n"
	    "\n"
	    "  \xe2\x80\xa2 Alle Artikel frei\n"
	    "  \xe2\x80\xa2 4 Wochen kostenlos testen\n"
	    "\n"
	    "( ) Digital-Zugang f\xc3\xbcr Abonnenten\n"
	    "\n"
	    "  \xe2\x80\xa2 Alle Artikel frei\n"
	    "  \xe2\x80\xa2 4 Wochen kostenlos testen\n";
	static const char c[] =
	    "Copy from tmux\n"
	    "\n"
	    "For the first time in many years I am using a Linux machine for "
	    "my work, and in general I am extremely pleased with it.\n"
	    "\n"
	    "Some things did not work out of the box, like copying selected "
	    "text from a tmux pane to the clipboard.\n"
	    "\n"
	    "As usual, StackOverflow knows the answer. In short:\n"
	    "\n"
	    "  \xe2\x80\xa2 .tmux.conf\n"
	    "\n"
	    "set-option -g mouse on\n"
	    "set-option -s set-clipboard off\n";
	struct nw_article *a = article_new();
	char err[128];

	(void)state;
	assert_int_equal(text_extract(s, strlen(s), 0, a, err, sizeof(err)),
	    0);
	assert_non_null(strstr(a->body, "zur\xc3\xbc" "ckziehen."));
	assert_null(strstr(a->body, "lesen Sie weiter"));
	article_free(a);
	a = article_new();
	assert_int_equal(text_extract(c, strlen(c), 0, a, err, sizeof(err)),
	    0);
	assert_non_null(strstr(a->body, "In short:"));
	article_free(a);
}

/* A row of links set apart by bars whose last link ends with a question
 * mark is no paragraph (guenter-pilger.de's w3m render began its body
 * with it). */
static void
test_extract_bar_menu(void **state)
{
	static const char s[] =
	    "Mailaktion Bundestag\n"
	    "\n"
	    "Rentenpolitik | Blog | Mailaktion Bundestag | Alles klar?\n"
	    "\n"
	    "Die Rente ist sicher, sagte der Minister vor vielen Jahren, "
	    "und die meisten Menschen haben es ihm geglaubt.\n"
	    "\n"
	    "Heute schreiben wir den Abgeordneten des Bundestages und "
	    "fragen sie, wie sie die Rente in Zukunft sichern wollen.\n";
	struct nw_article *a = article_new();
	char err[128];

	(void)state;
	assert_int_equal(text_extract(s, strlen(s), 0, a, err, sizeof(err)),
	    0);
	assert_null(strstr(a->body, "Rentenpolitik"));
	assert_non_null(strstr(a->body, "Die Rente ist sicher"));
	article_free(a);
}

/* The region's first paragraph over a byline and a dateline is the
 * standfirst, out of the body (an opinion page's render: the summary,
 * "By", the name, the date, then the article). */
static void
test_extract_deck_over_byline(void **state)
{
	static const char s[] =
	    "Opinion\n"
	    "\n"
	    "Myles Garrett Could Face Criminal Charges\n"
	    "\n"
	    "NFL assaults have led to lawsuits before. But a prosecutor would "
	    "have difficulty proving a charge.\n"
	    "\n"
	    "By\n"
	    "Randy Maniloff\n"
	    "Nov. 18, 2019 7:04 pm ET\n"
	    "\n"
	    "It was the shot to the head heard round the world. In the closing "
	    "seconds of last week's game in Cleveland, a defensive end pulled "
	    "off the quarterback's helmet and swung it at him.\n"
	    "\n"
	    "The quarterback did not suffer a concussion. Still, the player has "
	    "been suspended without pay by the league for the rest of the "
	    "season and may receive further discipline.\n";
	struct nw_article *a = article_new();
	char err[128];

	(void)state;
	assert_int_equal(text_extract(s, strlen(s), 0, a, err, sizeof(err)),
	    0);
	assert_non_null(a->subtitle);
	assert_true(strncmp(a->subtitle, "NFL assaults", 12) == 0);
	assert_null(strstr(a->body, "NFL assaults"));
	assert_true(strncmp(a->body, "It was the shot", 15) == 0);
	article_free(a);
}

/* The rows of a table set between two paragraphs of the body, one line
 * each with no blank line between them, are the article's (a price
 * list under a picture); a picture's caption and credit, two lines, are
 * not. */
static void
test_extract_rows_between(void **state)
{
	static const char s[] =
	    "Coinbase and its exchange compared\n"
	    "\n"
	    "Both platforms let users buy and sell digital currencies, but "
	    "their fees for moving money in and out differ a good deal.\n"
	    "\n"
	    "Deposits by bank transfer cost nothing on either of them, while "
	    "a wire transfer costs a fixed fee each way, as the table under "
	    "this paragraph shows for each kind of transfer.\n"
	    "\n"
	    "[fees-chart]\n"
	    "\n"
	    "ACH Transfer Free\n"
	    "Wire Transfer $10 ($25 outgoing)\n"
	    "SWIFT (GBP) Free deposit, 1 GBP withdrawal\n"
	    "\n"
	    "Coinbase may be best for investors who want to buy a currency "
	    "and hold it for a long time without trading it.\n"
	    "\n"
	    "Image copyright EPA\n"
	    "Image caption The exchange's office in the city\n"
	    "\n"
	    "The exchange suits active traders better, since its fees fall "
	    "as the volume of their trades grows each month.\n";
	struct nw_article *a = article_new();
	char err[128];

	(void)state;
	assert_int_equal(text_extract(s, strlen(s), 0, a, err, sizeof(err)),
	    0);
	assert_non_null(strstr(a->body, "ACH Transfer Free"));
	assert_non_null(strstr(a->body, "1 GBP withdrawal"));
	assert_null(strstr(a->body, "Image caption"));
	assert_non_null(strstr(a->body, "active traders"));
	article_free(a);
}

/* A recipe's ingredients just over its steps are the article's: a run
 * of lines that open with a quantity and share a unit ("250 g Mehl",
 * "50 g Zucker"); a list of related headlines that open with a number
 * ("27 Oddest Medical Case Reports") counts different things and is
 * not. */
static void
test_extract_quantities(void **state)
{
	static const char s[] =
	    "Bienenstich-Muffins\n"
	    "\n"
	    "Zutaten\n"
	    "\n"
	    "Hefeteig:\n"
	    "\n"
	    "50 ml Milch\n"
	    "100 g Butter oder Margarine\n"
	    "250 g Weizenmehl\n"
	    "1 Pck. Trockenbackhefe\n"
	    "\n"
	    "Belag:\n"
	    "\n"
	    "25 g Butter\n"
	    "1 EL Honig\n"
	    "\n"
	    "Zubereitung\n"
	    "\n"
	    "1\n"
	    "\n"
	    "Milch erwärmen und darin die Butter oder Margarine "
	    "zerlassen, dann etwas abkühlen lassen.\n"
	    "\n"
	    "Mehl mit Hefe in einer Rührschüssel sorgfältig vermischen. "
	    "Übrige Zutaten und die warme Milch hinzufügen und alles zu "
	    "einem glatten Teig verkneten.\n"
	    "\n"
	    "Den gegangenen Teig auf die Förmchen verteilen, den Belag "
	    "darauf geben und die Muffins im Ofen backen.\n"
	    "\n"
	    "27 Oddest Medical Case Reports\n"
	    "10 Strangest Medical Cases\n"
	    "11 Weird Things People Have Swallowed\n";
	struct nw_article *a = article_new();
	char err[128];

	(void)state;
	assert_int_equal(text_extract(s, strlen(s), 0, a, err, sizeof(err)),
	    0);
	assert_non_null(strstr(a->body, "250 g Weizenmehl"));
	assert_non_null(strstr(a->body, "1 EL Honig"));
	assert_non_null(strstr(a->body, "Belag:"));
	assert_non_null(strstr(a->body, "Milch erwärmen"));
	assert_null(strstr(a->body, "Oddest"));
	article_free(a);
}

/* A data sheet next to the region is the article's: a block of three
 * "label: value" lines or more ("Optik: Teleobjektiv", "ISO-Zahl: 640")
 * under the paragraph (abenteuer-astronomie's photo details, auto-motor's
 * test marks). Headlines with a kicker and a colon, one to a block, and
 * a contact's e-mail lines are no sheet. */
static void
test_extract_data_sheet(void **state)
{
	static const char s[] =
	    "Plejaden, M45\n"
	    "\n"
	    "Nun nicht im Staub, sondern mit ausgeprägten Sternstrahlen und "
	    "intensiv blauen Nebelgebieten, die dichten Wolken sind hier "
	    "kaum erkennbar.\n"
	    "\n"
	    "Detailangaben\n"
	    "\n"
	    "Art der Aufnahme: Digitalfoto\n"
	    "Optik: Teleobjektiv\n"
	    "Brennweite in mm: 180\n"
	    "ISO-Zahl: 640\n"
	    "Ort: Kasberg im Frankenland\n"
	    "\n"
	    "Zurück\n"
	    "\n"
	    "Energie: Neue Zähler für den Markt\n"
	    "\n"
	    "Raumfahrt: Die Sonde landet sicher\n"
	    "\n"
	    "Kontakt: Dr. Hans Muster\n"
	    "E-Mail: muster@example.org\n"
	    "Telefon: 040 123 456 78\n";
	struct nw_article *a = article_new();
	char err[128];

	(void)state;
	assert_int_equal(text_extract(s, strlen(s), 0, a, err, sizeof(err)),
	    0);
	assert_non_null(strstr(a->body, "Sternstrahlen"));
	assert_non_null(strstr(a->body, "Art der Aufnahme: Digitalfoto"));
	assert_non_null(strstr(a->body, "Ort: Kasberg im Frankenland"));
	assert_null(strstr(a->body, "Zähler"));
	assert_null(strstr(a->body, "Sonde"));
	assert_null(strstr(a->body, "muster@"));
	article_free(a);
}

/* Inside the region, short "label: value" lines one to a block are the
 * article's too where three or more follow each other: an interview's
 * quick questions and answers ("Q: Favorite books?" / "A: A Fistful
 * of Rice and The Hard Thing About Hard Things", an aeb page), which
 * read as related links between its paragraphs. Dated lines do not count: a
 * box of teasers ("Robotik: Vom Unimate zum LLM 31.10.2023"). */
static void
test_extract_sheet_inside(void **state)
{
	static const char s[] =
	    "Q: How do you prioritize your day?\n"
	    "\n"
	    "A: I have been well served in my career by using a plan that "
	    "puts first things first, and I still write it down every "
	    "morning before the first call. The plan holds the meetings, "
	    "the calls and the hours I keep for reading, and I look at it "
	    "again at noon to see what is left for the afternoon.\n"
	    "\n"
	    "Q: Favorite artists or groups?\n"
	    "\n"
	    "A: Bob Marley, Bruno Mars, Drake, The Eagles, Jay Z, Frank "
	    "Sinatra\n"
	    "\n"
	    "Q: Favorite books?\n"
	    "\n"
	    "A: A Fistful of Rice and The Hard Thing About Hard Things\n"
	    "\n"
	    "Q: Favorite live event you have ever attended?\n"
	    "\n"
	    "A: Broncos vs. Raiders at Mile High Stadium in the record "
	    "breaking season, when he threw five touchdowns in one half.\n"
	    "\n"
	    "Robotik: Vom Unimate zum LLM 31.10.2023\n"
	    "\n"
	    "Energie: Die Zähler kommen 30.10.2023\n"
	    "\n"
	    "Luftfahrt: Die Flieger starten 29.10.2023\n"
	    "\n"
	    "Q: What surprised you most?\n"
	    "\n"
	    "A: Being in this role requires that you look at all facets "
	    "of the business each and every day, and that is new to me. "
	    "Before, I looked at one part of it; now the teams bring me "
	    "their questions, and I learn something from each of them "
	    "every week, which I did not expect when I started.\n";
	struct nw_article *a = article_new();
	char err[128];

	(void)state;
	assert_int_equal(text_extract(s, strlen(s), 0, a, err, sizeof(err)),
	    0);
	assert_non_null(strstr(a->body, "A: Bob Marley"));
	assert_non_null(strstr(a->body, "A: A Fistful of Rice"));
	assert_non_null(strstr(a->body, "facets"));
	assert_null(strstr(a->body, "Unimate"));
	assert_null(strstr(a->body, "Flieger"));
	article_free(a);
}

/* A list that a line of the body announces with a colon is the
 * article's though a subheading, not a paragraph, follows it (a diet's
 * forbidden foods, then the next heading). */
static void
test_extract_colon_list_in_body(void **state)
{
	static const char s[] =
	    "Die Diät in drei Phasen\n"
	    "\n"
	    "In der ersten Phase isst man fast keine Kohlenhydrate, und der "
	    "K\xc3\xb6rper lernt, seine Reserven an Fett zu verbrennen.\n"
	    "\n"
	    "Verboten sind in dieser Phase:\n"
	    "\n"
	    "  \xe2\x80\xa2 Alkohol in jeder Form\n"
	    "  \xe2\x80\xa2 Zucker in jeder Form\n"
	    "  \xe2\x80\xa2 die meisten Fr\xc3\xbc""chte\n"
	    "\n"
	    "Die zweite Phase\n"
	    "\n"
	    "In der zweiten Phase steigt die Menge der Kohlenhydrate jede "
	    "Woche ein wenig, bis das Gewicht nicht mehr sinkt.\n"
	    "\n"
	    "Wer wieder zunimmt, geht einen Schritt zur\xc3\xbc""ck und "
	    "isst ein wenig weniger Kohlenhydrate als zuvor.\n";
	struct nw_article *a = article_new();
	char err[128];

	(void)state;
	assert_int_equal(text_extract(s, strlen(s), 0, a, err, sizeof(err)),
	    0);
	assert_non_null(strstr(a->body, "Alkohol in jeder Form"));
	assert_non_null(strstr(a->body, "Zucker in jeder Form"));
	article_free(a);
}

/* A date line between two paragraphs of the body is no subheading. */
static void
test_extract_date_not_subheading(void **state)
{
	static const char s[] =
	    "Ein Leben im Rampenlicht\n"
	    "\n"
	    "Das Model spricht offen dar\xc3\xbc""ber, warum das \xc3\x84lterwerden "
	    "es ersch\xc3\xa4ttert und was es dagegen tut.\n"
	    "\n"
	    "11. Oktober 2018, 14:30 Uhr\n"
	    "\n"
	    "Mit drei\xc3\x9fig Jahren war sie auf jedem Titelblatt, heute "
	    "lebt sie zur\xc3\xbc""ckgezogen in einem kleinen Haus am Meer.\n"
	    "\n"
	    "Sie sagt, dass sie jeden Morgen eine Stunde l\xc3\xa4uft und "
	    "danach lange im Garten sitzt und liest.\n";
	struct nw_article *a = article_new();
	char err[128];

	(void)state;
	assert_int_equal(text_extract(s, strlen(s), 0, a, err, sizeof(err)),
	    0);
	assert_null(strstr(a->body, "14:30 Uhr"));
	assert_non_null(strstr(a->body, "im Garten"));
	article_free(a);
}

/* A headline over the article's date is no photo's caption, though it
 * ends with a capitalised group in brackets as "Caption (Reuters)"
 * does; and a link's label glued under the date ("Jump to RecipePrint
 * Recipe") is no standfirst. */
static void
test_extract_headline_over_date(void **state)
{
	static const char s[] =
	    "Home\n"
	    "Recipe Index\n"
	    "\n"
	    "Vegan Char Kway Teow (Stir Fry Flat Rice Noodles)\n"
	    "\n"
	    "September 28, 2020\n"
	    "Jump to RecipePrint Recipe\n"
	    "\n"
	    "Once in a while I like to go vegan, and this time it was a char "
	    "kway teow without the eggs, the meat or the pork lard.\n"
	    "\n"
	    "The cooking of the dish itself was quite speedy, and only the "
	    "tofu took a while to fry until it was golden brown.\n";
	struct nw_article *a = article_new();
	char err[128];

	(void)state;
	assert_int_equal(text_extract(s, strlen(s), 0, a, err, sizeof(err)),
	    0);
	assert_non_null(a->title);
	assert_string_equal(a->title,
	    "Vegan Char Kway Teow (Stir Fry Flat Rice Noodles)");
	assert_null(a->subtitle);
	article_free(a);
}

/* A dated byline that ends as a sentence does ("... at 11:08 a.m.") is
 * no paragraph of the body. */
static void
test_extract_dated_byline_not_body(void **state)
{
	static const char s[] =
	    "Drugs at the border\n"
	    "\n"
	    "The senator said that fifty million dollars a week in drugs come "
	    "across the southern border, and we checked the claim.\n"
	    "\n"
	    "By Jane Doe on Monday, November 18th, 2019 at 11:08 a.m.\n"
	    "\n"
	    "The figure comes from a report that the agency published last "
	    "year, and the agency says it is only an estimate.\n"
	    "\n"
	    "Experts told us that nobody knows the real value of the drugs "
	    "that cross the border, since most of them are never found.\n";
	struct nw_article *a = article_new();
	char err[128];

	(void)state;
	assert_int_equal(text_extract(s, strlen(s), 0, a, err, sizeof(err)),
	    0);
	assert_null(strstr(a->body, "11:08"));
	assert_non_null(strstr(a->body, "never found"));
	article_free(a);
}

/* A related box's heading inside the region, with teasers under it
 * (a paragraph and a headline each) that weigh far less than the
 * article over it, ends the article (rundschau-online.de, w3m and lynx:
 * the teasers' paragraphs outweighed the headlines between them). */
static void
test_extract_box_tail(void **state)
{
	static const char s[] =
	    "Die Fussgaengerzone ist eine Stolperfalle\n"
	    "\n"
	    "Wenn man es nicht wuesste, koennten die grauen Steinchen fuer "
	    "aelter gehalten werden, denn an manchen Stellen wirkt das "
	    "Pflaster deutlich in die Jahre gekommen, obwohl es erst sechs "
	    "Jahre alt ist und viel Geld gekostet hat.\n"
	    "\n"
	    "Die Stadt sah sich schon vor Monaten genoetigt, die heftigsten "
	    "Stolperstellen mit rotweissen Baken abzusichern, damit niemand "
	    "stuerzt und sich verletzt, und sie hat die Baufirma verklagt, "
	    "die das Pflaster verlegt hatte.\n"
	    "\n"
	    "Fast mit der Eroeffnung der neuen Fussgaengerzone begann der "
	    "Aerger mit den abgeplatzten Kanten, die sich seither an vielen "
	    "Stellen zeigen und den Belag wie einen Flickenteppich aussehen "
	    "lassen, sagen die Haendler der Strasse.\n"
	    "\n"
	    "Eine offenbar fast unendliche Geschichte: Mit dem vom Gericht "
	    "bestellten Gutachter wird nun ein Termin gesucht, an dem die "
	    "Steine begutachtet werden koennen, und bis dahin bleibt alles "
	    "so, wie es ist, sagt die Sprecherin der Stadt.\n"
	    "\n"
	    "Das koennte Sie auch interessieren\n"
	    "Auch ueber die Gestaltung der Schlossgalerie beriet der Beirat "
	    "am Montag.\n"
	    "\n"
	    "Gestaltungsbeirat: Immer im Dienst des Stadtbilds\n"
	    "\n"
	    "Ein Grossteil des Areals wird von der Papierfabrik genutzt, die "
	    "Randbereiche sollen bald bebaut werden.\n"
	    "\n"
	    "Zanders-Areal: Neue Plaene fuer die Insel in der Stadt\n"
	    "\n"
	    "Schon im Sommer hatte die Stadt ihrem Aerger ueber das Verfahren "
	    "Luft gemacht.\n";
	struct nw_article *a = article_new();
	char err[128];

	(void)state;
	assert_int_equal(text_extract(s, strlen(s), 0, a, err, sizeof(err)),
	    0);
	assert_non_null(strstr(a->body, "sagt die Sprecherin der Stadt."));
	assert_null(strstr(a->body, "Schlossgalerie"));
	assert_null(strstr(a->body, "Schon im Sommer"));
	article_free(a);
}

/* The author's box under the article (text_trim_author_box()): a
 * heading or a bio that names the author of the byline over the region,
 * whom the article never names, ends the region with what the search
 * took in under it (creeny.wordpress.com's "\xc3\x9c""ber Creeny",
 * rosa-mag.de's bio and appeal); a closing paragraph that names the
 * author where the article does too stays, and so does her part that
 * a byline's word signs ("Fazit von ..."). */
static void
test_extract_author_box(void **state)
{
	static const char head[] =
	    "Der Winter im Garten\n"
	    "\n"
	    "Von Lena Berg\n"
	    "\n";
	static const char plain[] =
	    "Im Winter ruht der Garten nur scheinbar, denn unter der "
	    "Schneedecke bereiten sich die Zwiebeln der Fruehblueher schon "
	    "auf das Fruehjahr vor, und die Wurzeln der Straeucher wachsen "
	    "weiter, solange der Boden nicht gefroren ist.\n"
	    "\n";
	/* the article names her before: her name opens no box there */
	static const char lead[] =
	    "Lena Berg sagt, der Garten ruhe im Winter nur scheinbar, denn "
	    "unter der Schneedecke bereiten sich die Zwiebeln der "
	    "Fruehblueher schon auf das Fruehjahr vor.\n"
	    "\n";
	static const char rest[] =
	    "Wer jetzt die Beete mit Laub abdeckt, schuetzt die Erde vor "
	    "dem Frost und gibt den Tieren im Garten einen Platz, an dem "
	    "sie die kalten Monate ueberstehen koennen, ohne zu erfrieren.\n"
	    "\n"
	    "Auch die Voegel freuen sich ueber etwas Hilfe, wenn der Boden "
	    "gefroren ist und sie keine Insekten mehr finden, denn dann "
	    "fehlt ihnen das Futter, das sie im Sommer reichlich haben.\n"
	    "\n";
	static const char box[] =
	    "\xc3\x9c""ber Lena\n"
	    "\n"
	    "Ich bin Lena und schreibe hier seit vielen Jahren ueber "
	    "meinen Garten, meine Katzen und das Leben auf dem Land.\n"
	    "\n"
	    "Zeige alle Beitraege von Lena\n";
	static const char named[] =
	    "Lena Berg pflanzt im Herbst immer noch einige Tulpen, damit "
	    "der Garten im Fruehjahr bunt wird und die Bienen etwas finden.\n"
	    "\n"
	    "\xc3\x9c""ber Lena\n"
	    "\n"
	    "Lena Berg hat ihren Garten seit zehn Jahren und schreibt "
	    "gern darueber.\n";
	char s[4096];
	struct nw_article *a = article_new();
	char err[128];

	(void)state;
	snprintf(s, sizeof(s), "%s%s%s%s", head, plain, rest, box);
	assert_int_equal(text_extract(s, strlen(s), 0, a, err, sizeof(err)),
	    0);
	assert_non_null(strstr(a->body, "das sie im Sommer reichlich"));
	assert_null(strstr(a->body, "Ich bin Lena"));
	article_free(a);
	a = article_new();
	snprintf(s, sizeof(s), "%s%s%s%s", head, lead, rest, named);
	assert_int_equal(text_extract(s, strlen(s), 0, a, err, sizeof(err)),
	    0);
	assert_non_null(strstr(a->body, "schreibt gern darueber."));
	article_free(a);
	/* her conclusion, signed "von", is hers to write (heizung.de) */
	a = article_new();
	snprintf(s, sizeof(s), "%s%s%s%s", head, plain, rest,
	    "Fazit von Lena Berg\n\nEin Garten im Winter braucht wenig "
	    "Arbeit, aber etwas Aufmerksamkeit.\n");
	assert_int_equal(text_extract(s, strlen(s), 0, a, err, sizeof(err)),
	    0);
	assert_non_null(strstr(a->body, "aber etwas Aufmerksamkeit."));
	article_free(a);
	/* a bare name of three words at most is a byline's name too (aeb
	 * d0382c0d: the agency's "JANIE HAR" over the teasers) */
	a = article_new();
	snprintf(s, sizeof(s), "%s%s%s%s", "Der Winter im Garten\n\n"
	    "Lena Berg\n\n", plain, rest, box);
	assert_int_equal(text_extract(s, strlen(s), 0, a, err, sizeof(err)),
	    0);
	assert_non_null(strstr(a->body, "das sie im Sommer reichlich"));
	assert_null(strstr(a->body, "Ich bin Lena"));
	article_free(a);
}

/* lynx's headings inside the body (column 0, no link marker): one of
 * more than TEXT_SUBHEAD_MAX_WORDS words between two paragraphs, and a
 * short one over a paragraph under a label that is none ("Anzeigen:",
 * rtl.de's "TVNOW-DOKU: ..."), are the article's; a linked teaser's
 * headline at column 0 is not. */
static void
test_extract_lynx_headings(void **state)
{
	static const char s[] =
	    "   [1]Home [2]Politik [3]Sport [4]Wirtschaft\n"
	    "\n"
	    "Bund und Laender wollen den Lockdown verlaengern\n"
	    "\n"
	    "   Bund und Laender wollen den Lockdown nach einem Bericht um "
	    "weitere vier Wochen verlaengern, das berichtet die Zeitung am "
	    "Dienstag unter Berufung auf Kreise der Regierung.\n"
	    "\n"
	    "   Demnach sollen die Geschaefte geschlossen bleiben, die Schulen "
	    "sollen nur schrittweise oeffnen, und fuer die Gastronomie gibt "
	    "es keine Perspektive vor dem Ende des naechsten Monats.\n"
	    "\n"
	    "Impfgipfel auf Freitag verschoben und die Hausaerzte warten "
	    "weiter\n"
	    "\n"
	    "   Noch handelt es sich beim Bericht um Mutmassungen. Wie es "
	    "tatsaechlich weiter gehen wird, sollen die kommenden Tage "
	    "entscheiden, sagte ein Sprecher der Regierung.\n"
	    "\n"
	    "   Die Opposition haelt die Verschiebung allerdings fuer eine "
	    "schwere Fehlentscheidung, wie der Vorsitzende der Partei sich "
	    "am Abend in einer Mitteilung ausdrueckte.\n"
	    "\n"
	    "   Anzeigen:\n"
	    "\n"
	    "DOKU: Das Impfdilemma und seine Folgen\n"
	    "\n"
	    "   Die Bevoelkerung sehnt sich nach dem Impfstoff, der die "
	    "Pandemie endlich beenden soll. Doch nur wenige Wochen nach der "
	    "ersten Zulassung ist klar: So schnell geht es nicht voran.\n"
	    "\n"
	    "[5]Corona-Regeln: Bund und Laender treten offenbar auf die "
	    "Bremse\n"
	    "\n"
	    "   [6]Impressum [7]Datenschutz [8]Kontakt\n";
	struct nw_article *a = article_new();
	char err[128];

	(void)state;
	assert_int_equal(text_extract(s, strlen(s), 0, a, err, sizeof(err)),
	    0);
	assert_non_null(strstr(a->body, "die Hausaerzte warten weiter"));
	assert_non_null(strstr(a->body, "DOKU: Das Impfdilemma"));
	assert_non_null(strstr(a->body, "Die Bevoelkerung sehnt sich"));
	assert_null(strstr(a->body, "treten offenbar"));
	article_free(a);
}

/* Photo captions are kept as images, 1,000 at most: each was compared
 * with every one kept before it (500,000 of them over an article took
 * minutes; tests/fuzz/seeds.py's hostile-captions-500k.txt). */
static void
test_extract_images_bounded(void **state)
{
	struct nw_article *a = article_new();
	struct buf b = { 0 };
	char err[128];

	(void)state;
	buf_puts(&b, "A title of the page\n\n");
	for (int i = 0; i < 3000; i++)
		buf_printf(&b, "Photo %d (AP)\n", i);
	buf_puts(&b, "\nThis is a paragraph of the article text that runs "
	    "long enough to be prose, with words enough to count as the "
	    "body of the story here.\n\nThat is a paragraph of the article "
	    "text that runs long enough to be prose, with words enough to "
	    "count as the body of the story here.\n");
	assert_int_equal(text_extract(b.p, b.len, 0, a, err,
	    sizeof(err)), 0);
	assert_int_equal(a->n_images, 1000);
	assert_string_equal(a->images[999].caption, "Photo 999");
	buf_free(&b);
	article_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_chrome),
		cmocka_unit_test(test_sentence_closers),
		cmocka_unit_test(test_credit),
		cmocka_unit_test(test_byline),
		cmocka_unit_test(test_segment_unwrapped),
		cmocka_unit_test(test_segment_wrapped),
		cmocka_unit_test(test_segment_long_cyrillic_word),
		cmocka_unit_test(test_segment_lynx_headings),
		cmocka_unit_test(test_segment_lynx_wide),
		cmocka_unit_test(test_segment_lynx),
		cmocka_unit_test(test_segment_lynx_glued_marks),
		cmocka_unit_test(test_segment_quote_opens_line),
		cmocka_unit_test(test_segment_lynx_reference_body),
		cmocka_unit_test(test_classify_page),
		cmocka_unit_test(test_extract_page),
		cmocka_unit_test(test_extract_wire),
		cmocka_unit_test(test_extract_byline_then_update),
		cmocka_unit_test(test_extract_reuters_style),
		cmocka_unit_test(test_extract_teasers),
		cmocka_unit_test(test_extract_teaser_cards),
		cmocka_unit_test(test_segment_nbsp),
		cmocka_unit_test(test_chrome_headings),
		cmocka_unit_test(test_segment_trailing_heading),
		cmocka_unit_test(test_extract_standfirst_after_date),
		cmocka_unit_test(test_classify_no_sentence_headline),
		cmocka_unit_test(test_extract_chinese),
		cmocka_unit_test(test_extract_nothing),
		cmocka_unit_test(test_extract_prose_edges_thread),
		cmocka_unit_test(test_extract_form_not_body),
		cmocka_unit_test(test_extract_anchored_region),
		cmocka_unit_test(test_extract_tag_cloud),
		cmocka_unit_test(test_extract_lead_over_table),
		cmocka_unit_test(test_extract_code_lines),
		cmocka_unit_test(test_extract_lead_over_steps),
		cmocka_unit_test(test_extract_bar_menu),
		cmocka_unit_test(test_extract_deck_over_byline),
		cmocka_unit_test(test_extract_colon_list_in_body),
		cmocka_unit_test(test_extract_date_not_subheading),
		cmocka_unit_test(test_extract_dated_byline_not_body),
		cmocka_unit_test(test_extract_box_tail),
		cmocka_unit_test(test_extract_lynx_headings),
		cmocka_unit_test(test_extract_headline_over_date),
		cmocka_unit_test(test_starts_word_low_quote),
		cmocka_unit_test(test_extract_author_box),
		cmocka_unit_test(test_extract_rows_between),
		cmocka_unit_test(test_extract_quantities),
		cmocka_unit_test(test_extract_data_sheet),
		cmocka_unit_test(test_extract_sheet_inside),
		cmocka_unit_test(test_extract_dated_block),
		cmocka_unit_test(test_extract_short_lead_over_menu),
		cmocka_unit_test(test_extract_lead_over_box),
		cmocka_unit_test(test_extract_subheading_by_picture),
		cmocka_unit_test(test_extract_announce_at_end),
		cmocka_unit_test(test_extract_address_at_end),
		cmocka_unit_test(test_extract_widget_at_end),
		cmocka_unit_test(test_extract_footnote),
		cmocka_unit_test(test_extract_images_bounded),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
