/* sniff_kind: HTML, text dumps, feeds, and what is neither. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "sniff.h"

static enum sniff_kind
kind(const char *s)
{
	return sniff_kind(s, strlen(s));
}

static void
test_html(void **state)
{
	(void)state;
	assert_int_equal(kind("<!DOCTYPE html><html><body>x</body></html>"),
	    SNIFF_HTML);
	assert_int_equal(kind("\n  <html lang=en>"), SNIFF_HTML);
	assert_int_equal(kind("<!-- saved --><head><title>x</title>"),
	    SNIFF_HTML);
	assert_int_equal(kind("<?xml version=\"1.0\"?><!DOCTYPE html "
	    "PUBLIC \"x\"><html xmlns=\"http://www.w3.org/1999/xhtml\">"),
	    SNIFF_HTML);
	assert_int_equal(kind("Some text first\n<div>then markup</div>"),
	    SNIFF_HTML);
	/* PHP warnings before the page: markup all the same. */
	assert_int_equal(kind("<br />\n<b>Warning</b>: x in <b>/a.php</b> on "
	    "line <b>5</b><br />\n<html>"), SNIFF_HTML);
}

static void
test_text(void **state)
{
	(void)state;
	assert_int_equal(kind("Headline\n\nA paragraph of text. Another."),
	    SNIFF_TEXT);
	assert_int_equal(kind("He said 1 < 2 and 3 > 2."), SNIFF_TEXT);
	assert_int_equal(kind("Use <b> for bold, he wrote."), SNIFF_TEXT);
	/* A renderer's dump that kept a tracking pixel's tag. */
	assert_int_equal(kind("<img height=\"1\" src=\"x\"> <img src=\"y\">"
	    "\n\n  * Politics\n  * Congress\n\nHeadline\n\nBody text."),
	    SNIFF_TEXT);
}

/* Runs of plain lines, as a w3m or lynx dump has them. */
#define DUMP_LINES \
	"Hamburg (dpa) - The talks broke down on Saturday.\n\n" \
	"The students' union said the lecture would go on.\n" \
	"Police were at the hall again in the morning.\n\n" \
	"  * Politics\n  * Hamburg\n  * Videos\n  * Service\n" \
	"   [12]Newsticker\n   [13]Livestream\n\n" \
	"The professor said he would answer every question.\n" \
	"A spokesman for the university declined to comment.\n\n" \
	"19. Oktober 2019 15:07\n\nMore from the region\n"

/* A paragraph of hand-wrapped markup: a plain line between two tagged. */
#define FRAGMENT_P \
	"<p>Hamburg (dpa) - The talks broke down on Saturday, and\n" \
	"the students' union said the lecture would go on as\n" \
	"planned.</p>\n"

static void
test_stray_markup(void **state)
{
	(void)state;
	/* A dump that kept a caption's "<p>" and "</p>" of the page. */
	assert_int_equal(kind("Fronten nach Tumulten\n\n19. Oktober 2019\n"
	    "<p>Bernd Lucke verlaesst den Hoersaal.\nFoto: dpa</p>\n\n"
	    DUMP_LINES), SNIFF_TEXT);
	/* One that opens on tracking pixels in a "<div>". */
	assert_int_equal(kind("<img height=\"1\" width=\"1\" src=\"https://x/"
	    "tr?id=1\n&amp;ev=PageView\"> <div><img src=\"https://y/1\" style="
	    "\n\"left:-9999px;\" alt=\"\">\n\n" DUMP_LINES), SNIFF_TEXT);
	/* Markup keeps its tags on most lines, however few they are. */
	assert_int_equal(kind("<p>One paragraph of a fragment, sent alone.</p>"),
	    SNIFF_HTML);
	assert_int_equal(kind(FRAGMENT_P FRAGMENT_P FRAGMENT_P FRAGMENT_P
	    FRAGMENT_P FRAGMENT_P), SNIFF_HTML);
	/* And a short text with a tag or two is not enough of a dump. */
	assert_int_equal(kind("Headline\n\nBy A. Writer\n<div>Body text of "
	    "the story.\nMore of it.\n"), SNIFF_HTML);
}

static void
test_feeds(void **state)
{
	(void)state;
	assert_int_equal(kind("<?xml version=\"1.0\"?>\n<rss version=\"2.0\">"),
	    SNIFF_FEED);
	assert_int_equal(kind("<feed xmlns=\"http://www.w3.org/2005/Atom\">"),
	    SNIFF_FEED);
	assert_int_equal(kind("<rdf:RDF xmlns:rdf=\"x\">"), SNIFF_FEED);
	assert_int_equal(kind("{\"version\": \"https://jsonfeed.org/version/"
	    "1.1\", \"items\": []}"), SNIFF_FEED);
}

static void
test_other(void **state)
{
	(void)state;
	assert_int_equal(kind(""), SNIFF_OTHER);
	assert_int_equal(kind("{\"a\": 1}"), SNIFF_OTHER);
	assert_int_equal(kind("<svg xmlns=\"http://www.w3.org/2000/svg\">"),
	    SNIFF_OTHER);
	assert_string_equal(sniff_name(SNIFF_TEXT), "text");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_html),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_stray_markup),
		cmocka_unit_test(test_feeds),
		cmocka_unit_test(test_other),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
