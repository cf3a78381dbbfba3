/* Unit tests of html_extract()'s images: pictures in links to other
 * pages (a magazine's cover, a teaser, a partner's logo) kept among the
 * text's paragraphs and next to them, dropped where furniture parts
 * them from the text, and a figure's lazy placeholder
 * (html_extract_images.c). */
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

/* The page of the headline and the article's three paragraphs in one
 * box: before the headline a magazine's cover linked to the shop, a
 * line of links after it, and the lead picture linked to its gallery;
 * a gallery's picture among the paragraphs; after them a line the
 * text leaves out, a partner's logo linked to its site and a picture
 * linked to its own file. */
static const char page[] =
	    "<!DOCTYPE html><html><head><title>Harbour bridge</title></he"
	    "ad><body><div><div>\n<a href=\"/shop/abo\"><img src=\"https:"
	    "//e.com/cover.jpg\"></a><div><a href=\"/shop\">All offers</a"
	    "> <a href=\"/abo\">Subscribe</a></div></div>\n<div><a href=\""
	    "/photos/1\"><img src=\"https://e.com/lead.jpg\"></a></div>\n"
	    "<div><h1>Harbour bridge</h1></div>\n<div><div>%s</div></div>"
	    "<div><a href=\"/photos/2\"><img src=\"https://e.com/middle.j"
	    "pg\"></a></div>\n<div><div>%s</div></div><div><div>%s</div><"
	    "/div>\n<p>Follow us on Facebook and Twitter for more news.</"
	    "p><div><a href=\"/partner\"><img src=\"https://e.com/partner"
	    ".png\"></a>\n<a href=\"https://e.com/big.jpg\"><img src=\"ht"
	    "tps://e.com/small.jpg\"></a></div>\n</div></body></html>";

/* The article's paragraphs with two figures whose pictures a script
 * loads (a <div> with the file in data-src): one with its caption and
 * credit, one without a caption (a rule drawn as a picture). */
static const char lazy_page[] =
	    "<!DOCTYPE html><html><head><title>Harbour bridge</title></he"
	    "ad><body><div><h1>Harbour bridge</h1><p>%s</p>\n<figure><span"
	    "><div class=\"lazy\" data-src=\"https://e.com/crane.jpg\"><"
	    "/div><span class=\"copyright\">Reuters</span></span><figcapti"
	    "on>The crane lifts the last span</figcaption></figure>\n<p>%s"
	    "</p><figure><div data-src=\"https://e.com/line.png\"></div></"
	    "figure><p>%s</p></div></body></html>";

/* The article at https://www.e.com/news/bridge, with pictures in links
 * right next to its text: before it a magazine's cover linked to
 * another site's shop, in its first paragraph a picture linked to
 * another site (the paragraph's), after it a sponsor's logo linked to
 * the sponsor's site and a picture linked to a gallery of the site. */
static const char sites_page[] =
	    "<!DOCTYPE html><html><head><title>Harbour bridge</title></he"
	    "ad><body><div><h1>Harbour bridge</h1>\n<a href=\"https://sh"
	    "op.example.org/abo\"><img src=\"https://e.com/cover.jpg\"></"
	    "a>\n<p><a href=\"https://vote.example.org/337\"><img src=\"ht"
	    "tps://e.com/app.png\"></a>%s</p>\n<p>%s</p>\n<p>%s</p>\n<a hr"
	    "ef=\"https://sponsor.example.net/\"><img src=\"https://e.com/"
	    "sponsor.png\"></a>\n<a href=\"https://m.e.com/gallery/7\"><im"
	    "g src=\"https://e.com/gallery.jpg\"></a></div></body></html>";

/* The article's paragraphs with two figures whose captions lie in a box
 * whose class names a credit: the first a caption of two sentences with
 * its credit, the second a credit alone. */
static const char credit_page[] =
	    "<!DOCTYPE html><html><head><title>Harbour bridge</title></he"
	    "ad><body><div><h1>Harbour bridge</h1><p>%s</p>\n<figure><img "
	    "src=\"https://e.com/crane.jpg\"><figcaption><div class=\"cap"
	    "tion-w-auto attribution-w-auto\"><p>The crane lifts the last "
	    "span of the bridge. It weighs ninety tonnes.</p> <p>Photo: Ja"
	    "ne Doe</p></div></figcaption></figure>\n<p>%s</p><figure><img"
	    " src=\"https://e.com/pier.jpg\"><figcaption><span class=\"cre"
	    "dit\">Photo by Jane Doe for The Harbour Times.</span></figcap"
	    "tion></figure><p>%s</p></div></body></html>";

/* The article of canonical address https://www.b.org/news/bridge (read
 * at another address), a picture linked to the canonical site's gallery
 * after its text, with nothing between. */
static const char canon_page[] =
	    "<!DOCTYPE html><html><head><title>Harbour bridge</title><lin"
	    "k rel=\"canonical\" href=\"https://www.b.org/news/bridge\"></"
	    "head><body><div><h1>Harbour bridge</h1>\n<p>%s</p>\n<p>%s</p>"
	    "\n<p>%s</p>\n<a href=\"https://www.b.org/gallery/7\"><img src"
	    "=\"https://e.com/gallery.jpg\"></a></div></body></html>";

/* The article's paragraphs with a figure whose credit schema.org marks
 * (itemprop="copyrightHolder"), in no element whose class names one. */
static const char prop_page[] =
	    "<!DOCTYPE html><html><head><title>Harbour bridge</title></he"
	    "ad><body><div><h1>Harbour bridge</h1><p>%s</p>\n<figure><img "
	    "src=\"https://e.com/crane.jpg\"><figcaption><span class=\"k1"
	    "\">The crane lifts the last span.</span> <span itemprop=\"co"
	    "pyrightHolder\" class=\"k2\">Jane Doe/Harbour Times</span></f"
	    "igcaption></figure>\n<p>%s</p><p>%s</p></div></body></html>";

static const char label_page[] =
	    "<!DOCTYPE html><html><head><title>Harbour bridge</title></he"
	    "ad><body><div><h1>Harbour bridge</h1><p>%s</p>\n<figure><img "
	    "src=\"https://e.com/s1.jpg\"><figcaption><span>1<span>of</sp"
	    "an>2</span><span>The crane lifts the span.</span> <span class"
	    "=\"credit\">(Image credit: Jane Doe)</span></figcaption></fig"
	    "ure>\n<figure><img src=\"https://e.com/s2.jpg\"><figcaption><"
	    "span>2<span>of</span>2</span><span>The span is set.</span> <s"
	    "pan class=\"credit\">Photo... Ann Lee</span></figcaption></fi"
	    "gure>\n<p>%s</p><figure><img src=\"https://e.com/c.jpg\"><fig"
	    "caption>1 in 4 bridges need repair. <span class=\"credit\">Ed"
	    " Roe</span></figcaption></figure><figure><img src=\"https://e"
	    ".com/d.jpg\"><figcaption>Copyright: Harbour Times/ ed</figcap"
	    "tion></figure><figure><img src=\"https://e.com/p.jpg\"><figca"
	    "ption>Berlin: Crowds gather</figcaption></figure><p>%s</p></d"
	    "iv></body></html>";

/* The article's paragraphs with, between them, a gallery's picture
 * linked to its own page; after them two teasers of other stories: a
 * related post's linked title, its picture linked to the post and its
 * excerpt, and a slide of a slider of posts (its picture linked to the
 * post, a category's link, its linked title, the structured data a
 * hidden box holds). */
static const char teaser_page[] =
	    "<!DOCTYPE html><html><head><title>Harbour bridge</title></he"
	    "ad><body><div><h1>Harbour bridge</h1><p>%s</p>\n<div><a href"
	    "=\"/photos/3\"><img src=\"https://e.com/g3.jpg\"></a></div>\n"
	    "<p>%s</p>\n<p>%s</p>\n<div><div><h2><a href=\"/news/tunnel\""
	    ">The old tunnel</a></h2><div><a href=\"/news/tunnel\"><img s"
	    "rc=\"https://e.com/tunnel.jpg\"></a></div><div><p>The tunnel"
	    " under the old docks, dug in the last century and shut for d"
	    "ecades, is to become a museum of the harbour's history, with"
	    " exhibits on fishing and shipbuilding. The works [&hellip;]<"
	    "/p></div></div></div>\n<div><article><a href=\"/news/ferry\""
	    "><img src=\"https://e.com/ferry.jpg\"></a><div><header class"
	    "=\"entry-content-header\"><span><a href=\"/news\">News</a> <"
	    "/span><h3><a href=\"/news/ferry\">The new ferry</a></h3></he"
	    "ader></div><span class=\"hidden\">https://e.com/uploads/2030"
	    "/01/ferry-large.jpg Jane Doe https://e.com/uploads/2029/12/h"
	    "arbour-times-logo.png 2030-01-01 08:45:00 2030-01-01 08:47:4"
	    "9 The new ferry Jane Doe</span></article></div>\n</div></bod"
	    "y></html>";

/* Extracts the page of format fmt, of address url. */
static struct nw_article *
extract_at(const char *fmt, const char *url)
{
	struct nw_article *a = article_new();
	struct buf b = { 0 };
	char err[256] = "";

	buf_printf(&b, fmt, prose1, prose2, prose3);
	assert_int_equal(html_extract(b.p, b.len, url, NOW, a, err,
	    sizeof(err)), 0);
	buf_free(&b);
	return a;
}

static struct nw_article *
extract_from(const char *fmt)
{
	return extract_at(fmt, NULL);
}

static struct nw_article *
extract(void)
{
	return extract_from(page);
}

/* Whether a holds the image of address url. */
static bool
has_image(const struct nw_article *a, const char *url)
{
	for (size_t i = 0; i < a->n_images; i++)
		if (a->images[i].url != NULL &&
		    strcmp(a->images[i].url, url) == 0)
			return true;
	return false;
}

/* The partner's logo, which a line left out of the text parts from it,
 * goes; the lead picture linked to its gallery, next to the headline, a
 * gallery's picture among the paragraphs and a picture linked to its
 * own file (a lightbox's) stay. */
static void
test_logo_after_furniture(void **state)
{
	struct nw_article *a;

	(void)state;
	a = extract();
	assert_non_null(a->body);
	assert_false(has_image(a, "https://e.com/partner.png"));
	assert_true(has_image(a, "https://e.com/lead.jpg"));
	assert_true(has_image(a, "https://e.com/middle.jpg"));
	assert_true(has_image(a, "https://e.com/small.jpg"));
	article_free(a);
}

/* A captioned figure's lazy placeholder is its picture, with the
 * figure's caption; an uncaptioned one's is no picture. */
static void
test_lazy_placeholder(void **state)
{
	struct nw_article *a;

	(void)state;
	a = extract_from(lazy_page);
	assert_non_null(a->body);
	assert_int_equal(a->n_images, 1);
	assert_string_equal(a->images[0].url, "https://e.com/crane.jpg");
	assert_non_null(a->images[0].caption);
	assert_non_null(strstr(a->images[0].caption, "last span"));
	article_free(a);
}

/* A picture linked to another site goes from next to the text, with
 * nothing between: the cover before it, the sponsor's logo after it;
 * the picture in the first paragraph and the one linked to a page of
 * the site (its gallery, on another of its hosts) stay. */
static void
test_other_site(void **state)
{
	struct nw_article *a;

	(void)state;
	a = extract_at(sites_page, "https://www.e.com/news/bridge");
	assert_non_null(a->body);
	assert_false(has_image(a, "https://e.com/cover.jpg"));
	assert_false(has_image(a, "https://e.com/sponsor.png"));
	assert_true(has_image(a, "https://e.com/app.png"));
	assert_true(has_image(a, "https://e.com/gallery.jpg"));
	article_free(a);
}

/* schema.org's credit of a picture is its credit. */
static void
test_credit_prop(void **state)
{
	struct nw_article *a;

	(void)state;
	a = extract_from(prop_page);
	assert_int_equal(a->n_images, 1);
	assert_string_equal(a->images[0].caption,
	    "The crane lifts the last span.");
	assert_non_null(a->images[0].credit);
	assert_string_equal(a->images[0].credit, "Jane Doe/Harbour Times");
	article_free(a);
}

/* A link to the site of the page's canonical address is no link to
 * another site, whatever address the page was read at. */
static void
test_canonical_site(void **state)
{
	struct nw_article *a;

	(void)state;
	a = extract_at(canon_page, "https://syndication.example.net/a/1");
	assert_non_null(a->canonical_url);
	assert_true(has_image(a, "https://e.com/gallery.jpg"));
	article_free(a);
}

/* A credit written as sentences, with no caption beside it, is the
 * caption (its credit split off); a short credit stays one. */
static void
test_credit_as_caption(void **state)
{
	struct nw_article *a;

	(void)state;
	a = extract_from(credit_page);
	assert_int_equal(a->n_images, 2);
	assert_non_null(a->images[0].caption);
	assert_string_equal(a->images[0].caption,
	    "The crane lifts the last span of the bridge. It weighs ninety "
	    "tonnes.");
	assert_string_equal(a->images[0].credit, "Jane Doe");
	assert_null(a->images[1].caption);
	assert_non_null(a->images[1].credit);
	article_free(a);
}

/* A credit's label and a gallery's slide counters are cut from the
 * credit and the captions; a caption opening with a lone count stays; a
 * caption that is a label and a name, with no credit, is the credit. */
static void
test_caption_labels(void **state)
{
	struct nw_article *a;

	(void)state;
	a = extract_from(label_page);
	assert_int_equal(a->n_images, 5);
	assert_string_equal(a->images[0].caption, "The crane lifts the span.");
	assert_string_equal(a->images[0].credit, "Jane Doe");
	assert_string_equal(a->images[1].caption, "The span is set.");
	assert_string_equal(a->images[1].credit, "Ann Lee");
	assert_string_equal(a->images[2].caption,
	    "1 in 4 bridges need repair.");
	assert_string_equal(a->images[2].credit, "Ed Roe");
	assert_null(a->images[3].caption);
	assert_string_equal(a->images[3].credit, "Harbour Times/ ed");
	assert_string_equal(a->images[4].caption, "Berlin: Crowds gather");
	assert_null(a->images[4].credit);
	article_free(a);
}

/* A picture whose link a linked heading follows or comes before, with
 * no other text between, is a teaser's and goes; a gallery's picture
 * with no title stays. */
static void
test_teasers(void **state)
{
	struct nw_article *a;

	(void)state;
	a = extract_at(teaser_page, "https://www.e.com/news/bridge");
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose3));
	assert_int_equal(a->n_images, 1);
	assert_true(has_image(a, "https://e.com/g3.jpg"));
	assert_false(has_image(a, "https://e.com/ferry.jpg"));
	assert_false(has_image(a, "https://e.com/tunnel.jpg"));
	article_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_logo_after_furniture),
		cmocka_unit_test(test_lazy_placeholder),
		cmocka_unit_test(test_other_site),
		cmocka_unit_test(test_credit_as_caption),
		cmocka_unit_test(test_canonical_site),
		cmocka_unit_test(test_credit_prop),
		cmocka_unit_test(test_caption_labels),
		cmocka_unit_test(test_teasers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
