/* Unit tests of html_meta_extract() on what it takes from attributes:
 * URLs resolved against the page's by libcurl's URL API (raw non-ASCII
 * characters, which libxml2's xmlBuildURI refused, kept and
 * percent-encoded), and the character references a double-encoded
 * <meta> still holds decoded in every text field, while a text's own
 * "&" stays. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "article.h"
#include "html/html_meta_int.h"
#include "meta_check.h"

#define PAGE_URL "https://www.gamestar.de/videos/x,99770.html"
/* "größer" raw in UTF-8, and percent-encoded */
#define GROESSER "gr\xc3\xb6\xc3\x9f" "er"
#define GROESSER_PCT "gr%C3%B6%C3%9Fer"

/* An og:image with a non-ASCII path, absolute or relative, is the lead
 * image whether or not the page's URL is known (it was lost with one:
 * trafeval-dev d041d20a got images: [] with --url). */
static void
test_image_non_ascii(void **state)
{
	static const char page[] =
	    "<html><head><meta property=\"og:image\" content=\""
	    "https://6images.cgames.de/images/" GROESSER "_1.jpg\">"
	    "</head><body><p>x</p></body></html>";
	static const char want[] =
	    "https://6images.cgames.de/images/" GROESSER_PCT "_1.jpg";
	struct nw_article *a;

	(void)state;
	a = run(page, PAGE_URL);
	assert_non_null(a->lead_image);
	assert_string_equal(a->lead_image, want);
	article_free(a);
	a = run(page, NULL);
	assert_non_null(a->lead_image);
	assert_string_equal(a->lead_image, want);
	article_free(a);
	a = run("<html><head><meta property=\"og:image\" content=\""
	    "../bilder/" GROESSER " bild.jpg#x\"></head><body><p>x</p>"
	    "</body></html>", PAGE_URL);
	assert_non_null(a->lead_image);
	assert_string_equal(a->lead_image,
	    "https://www.gamestar.de/bilder/" GROESSER_PCT "%20bild.jpg");
	article_free(a);
	/* relative with no page URL: nothing to resolve against */
	a = run("<html><head><meta property=\"og:image\" content=\""
	    "/bilder/" GROESSER ".jpg\"></head><body><p>x</p></body></html>",
	    NULL);
	assert_null(a->lead_image);
	article_free(a);
}

/* A canonical link with an IDN host or a non-ASCII path, resolved
 * against the page's URL; a javascript: link is none. */
static void
test_canonical_non_ascii(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("<html><head><link rel=\"canonical\" href=\""
	    "https://b\xc3\xbc" "cher.example/" GROESSER "/1\">"
	    "</head><body><p>x</p></body></html>", PAGE_URL);
	assert_non_null(a->canonical_url);
	assert_string_equal(a->canonical_url,
	    "https://xn--bcher-kva.example/" GROESSER_PCT "/1");
	article_free(a);
	a = run("<html><head><link rel=\"canonical\" href=\""
	    "/artikel/" GROESSER ",1.html?a=1\"></head><body><p>x</p>"
	    "</body></html>", PAGE_URL);
	assert_non_null(a->canonical_url);
	assert_string_equal(a->canonical_url,
	    "https://www.gamestar.de/artikel/" GROESSER_PCT ",1.html?a=1");
	article_free(a);
	a = run("<html><head><link rel=\"canonical\" href=\""
	    "javascript:void(0)\"><meta property=\"og:url\" content=\""
	    "/og/" GROESSER "\"></head><body><p>x</p></body></html>",
	    PAGE_URL);
	assert_non_null(a->canonical_url);
	assert_string_equal(a->canonical_url,
	    "https://www.gamestar.de/og/" GROESSER_PCT);
	article_free(a);
}

/* Title, standfirst and site name of a page that encodes its <meta>s
 * twice (laprensagrafica's "asegur&amp;oacute;"): decoded with every
 * entity of HTML, numeric references too; a no-break space is a space. */
static void
test_double_encoded(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("<html><head>"
	    "<meta property=\"og:title\" content=\"Fiscal: r&amp;eacute;gimen "
	    "&amp;#8217;de excepci&amp;oacute;n&amp;#x2019;\">"
	    "<meta name=\"description\" content=\"Rodolfo Delgado "
	    "asegur&amp;oacute; que el r&amp;eacute;gimen es&amp;nbsp;"
	    "necesario &amp;bdquo;ya&amp;rdquo; &amp;euro;\">"
	    "<meta property=\"og:site_name\" content=\"La Prensa "
	    "Gr&amp;aacute;fica\">"
	    "</head><body><p>x</p></body></html>", PAGE_URL);
	assert_string_equal(a->title, "Fiscal: r\xc3\xa9gimen "
	    "\xe2\x80\x99" "de excepci\xc3\xb3n\xe2\x80\x99");
	assert_string_equal(a->subtitle, "Rodolfo Delgado asegur\xc3\xb3 "
	    "que el r\xc3\xa9gimen es necesario \xe2\x80\x9eya\xe2\x80\x9d "
	    "\xe2\x82\xac");
	assert_string_equal(a->publisher, "La Prensa Gr\xc3\xa1" "fica");
	article_free(a);
}

/* Text that holds "&" of its own keeps it: only references libxml2
 * knows, closed by ';', are decoded, once (a text about "&lt;" encoded
 * twice keeps it). */
static void
test_ampersand_kept(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("<html><head>"
	    "<meta property=\"og:title\" content=\"AT&amp;T and R&amp;D; "
	    "M&amp;A &amp;bogus; &amp;copy &amp;amp;lt;\">"
	    "<meta name=\"description\" content=\"Procter &amp; Gamble "
	    "&amp; Johnson&amp;Johnson say Q&amp;A sessions go on.\">"
	    "<meta property=\"og:site_name\" content=\"Tom &amp; Jerry\">"
	    "<meta property=\"og:image\" content=\"/i.jpg?w=1&amp;amp;h=2\">"
	    "</head><body><p>x</p></body></html>", PAGE_URL);
	assert_string_equal(a->title,
	    "AT&T and R&D; M&A &bogus; &copy &lt;");
	assert_string_equal(a->subtitle, "Procter & Gamble & "
	    "Johnson&Johnson say Q&A sessions go on.");
	assert_string_equal(a->publisher, "Tom & Jerry");
	/* a URL encoded twice is one URL too */
	assert_string_equal(a->lead_image,
	    "https://www.gamestar.de/i.jpg?w=1&h=2");
	article_free(a);
}

/* The characters a reader never sees are out of attribute values and
 * JSON-LD strings as the tree leaves them out of its text: an og:title
 * set with soft hyphens ("Mes&shy;sen&shy;ger") agrees with its <h1>
 * among two, without them; a zero width space or a byte
 * order mark splits no word of a description, an author or a site
 * name in two. */
static void
test_invisible_in_attributes(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("<html><head>"
	    "<meta property=\"og:title\" content=\"Mes&shy;sen&shy;ger "
	    "ver\xc2\xad" "bo&shy;ten\">"
	    "<meta name=\"description\" content=\"\xef\xbb\xbf" "Ein "
	    "Mes\xe2\x80\x8bsen\xe2\x81\xa0ger f\xc3\xbcr alle\">"
	    "<meta property=\"og:site_name\" content=\"Tages&#8203;blatt\">"
	    "<script type=\"application/ld+json\">{\"@type\":"
	    "\"NewsArticle\",\"author\":{\"@type\":\"Person\","
	    "\"name\":\"Ma\\u00adria Mus\\u200bter\"}}</script>"
	    "</head><body><h1>Newsletter bestellen</h1>"
	    "<h1>Messenger verboten</h1><p>x</p></body></html>", PAGE_URL);
	assert_string_equal(a->title, "Messenger verboten");
	assert_string_equal(a->subtitle, "Ein Messenger f\xc3\xbcr alle");
	assert_string_equal(a->publisher, "Tagesblatt");
	assert_authors(a, "Maria Muster");
	article_free(a);
}

/* The length of the invisible character (U+00AD, U+200B, U+2060,
 * U+FEFF) at s, or 0. */
static size_t
ref_invisible(const char *s)
{
	static const char *const v[] = {"\xc2\xad", "\xe2\x80\x8b",
	    "\xe2\x81\xa0", "\xef\xbb\xbf"};
	size_t i;

	for (i = 0; i < sizeof(v) / sizeof(*v); i++)
		if (strncmp(s, v[i], strlen(v[i])) == 0)
			return strlen(v[i]);
	return 0;
}

/* The length of the space (ASCII blanks, U+00A0, U+2000..200A, U+202F,
 * U+3000) at s, or 0. */
static size_t
ref_space(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	if (*s != '\0' && strchr(" \t\n\r\f\v", *s) != NULL)
		return 1;
	if (strncmp(s, "\xc2\xa0", 2) == 0)
		return 2;
	if (u[0] == 0xe2 && u[1] == 0x80 &&
	    ((u[2] >= 0x80 && u[2] <= 0x8a) || u[2] == 0xaf))
		return 3;
	return strncmp(s, "\xe3\x80\x80", 3) == 0 ? 3 : 0;
}

/* meta_fold_to() as it read before it copied runs of plain bytes: a
 * byte at a time, with the space and the capacity tested at each. */
static size_t
fold_bytewise(char *d, const char *s, size_t cap)
{
	size_t o = 0, n;
	bool space = false;

	while (*s != '\0') {
		if ((n = ref_invisible(s)) > 0) {
			s += n;
			continue;
		}
		if ((n = ref_space(s)) > 0) {
			space = true;
			s += n;
			continue;
		}
		if (o + 1 + (space && o > 0) >= cap) {
			d[o] = '\0';
			return cap;
		}
		if (space && o > 0)
			d[o++] = ' ';
		space = false;
		d[o++] = *s++;
	}
	d[o] = '\0';
	return o;
}

/* meta_fold_buf() copies a run of plain bytes at once: at every capacity
 * it cuts where a byte at a time did (a word, the space before it, a
 * character after non-breaking and invisible ones, a lone lead byte, a
 * control byte), and returns the same length. */
static void
test_fold_runs_cut(void **state)
{
	static const char *const in[] = {
		"  Ein  Mes\xc2\xadsen\xe2\x80\x8bger\tf\xc3\xbcr\n alle ",
		"Wort\xc2\xa0und\xe2\x80\xaf" "Wort\xe3\x80\x80" "Ende",
		"\xc2x\xe2\x80y\xe3z\xef\xbb\x01\x7f\xc3\xa9t\xc3\xa9",
		"a b  c\xe2\x81\xa0" "d \xef\xbb\xbf" "e", "", "   ",
		"abcdefghijklmnopqrstuvwxyz0123456789 abcdefghijklmnop",
	};
	char got[80], want[80];
	size_t i, cap, len, a, b;

	(void)state;
	for (i = 0; i < sizeof(in) / sizeof(*in); i++) {
		len = strlen(in[i]);
		for (cap = 1; cap <= len + 2; cap++) {
			memset(got, 'x', sizeof(got));
			memset(want, 'x', sizeof(want));
			a = meta_fold_buf(in[i], got, cap);
			b = fold_bytewise(want, in[i], cap);
			assert_int_equal(a, b);
			assert_string_equal(got, want);
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_image_non_ascii),
		cmocka_unit_test(test_canonical_non_ascii),
		cmocka_unit_test(test_double_encoded),
		cmocka_unit_test(test_ampersand_kept),
		cmocka_unit_test(test_invisible_in_attributes),
		cmocka_unit_test(test_fold_runs_cut),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
