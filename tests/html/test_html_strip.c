/* Tests of html_strip_raw(): script and style bodies cut where libxml2
 * reads them, JSON and page-state dates kept, unread attributes and
 * drawings dropped, comments cut, attribute values and broken markup left
 * alone; and, over every corpus page under SHARED_DIR (the first
 * argument), libxml2's tree of the cut page equals its tree of the whole
 * page but for the bodies of scripts, styles and drawings, the
 * attributes the pipeline does not read and the comments (the text on
 * either side of one is one text); attributes compare as the pipeline
 * reads them (only on the elements it reads them on; an <a>'s href:
 * whether it is the home page; a style: whether it hides; a title: on
 * <abbr> and elements with a class). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmocka.h>
#include <dirent.h>
#include <libxml/HTMLparser.h>
#include <libxml/uri.h>
#include <zlib.h>

#include "html/html_strip.h"
#include "util.h"

static const char *shared_dir;

static void
check(const char *in, const char *want)
{
	size_t len = 0;
	bool entities = true;
	char *got = html_strip_raw(in, strlen(in), &len, &entities);

	assert_string_equal(got, want);
	assert_int_equal(len, strlen(want));
	assert_false(entities);
	free(got);
}

/* Whether html_strip_raw() finds "<!ENTITY" in the page, a gap of n
 * blanks, then head, and tail after it; html_declares_entity() must say
 * the same. */
static bool
entities_in(size_t n, const char *head, const char *tail)
{
	struct buf page = { 0 };
	size_t len;
	bool entities = false;
	char *cut;

	for (size_t i = 0; i < n; i++)
		buf_putc(&page, ' ');
	buf_printf(&page, "%s%s", head, tail);
	cut = html_strip_raw(page.p, page.len, &len, &entities);
	assert_int_equal(entities, html_declares_entity(page.p, page.len));
	free(cut);
	buf_free(&page);
	return entities;
}

static void
test_entities_found(void **state)
{
	static const char *const where[] = {
		"<!ENTITY x \"y\">",
		"<!DOCTYPE x [<!ENTITY x \"y\">]><p>a</p>",
		"<!-- <!ENTITY x \"y\"> -->",
		"<script>var a = \"<!ENTITY\";</script>",
		"<style>p { content: \"<!ENTITY\" }</style>",
		"<p title=\"<!ENTITY\">a</p>",
		"</p <!ENTITY>",
		"<svg><path/><!ENTITY></svg>",
	};

	(void)state;
	/* anywhere in the page, the first of it or past the blocks read
	 * ahead of the scan, '<' and '!' on either side of their edge */
	for (size_t i = 0; i < sizeof(where) / sizeof(where[0]); i++)
		for (size_t n = 0; n < 3 * 8192; n += 4095) {
			assert_true(entities_in(n, where[i], "<p>b</p>"));
			assert_true(entities_in(n, "<p>a</p>", where[i]));
		}
	for (size_t n = 8190; n < 8194; n++) {
		assert_true(entities_in(n, "<!ENTITY", ""));
		assert_true(entities_in(n - 8, "<script>x<!ENTITY", ""));
	}
	assert_false(entities_in(10, "<!ENTIT", ""));
	assert_false(entities_in(10, "<p>!ENTITY <! ENTITY <!entity", ""));
	assert_false(entities_in(20000, "<!-- unterminated", ""));
	assert_true(entities_in(20000, "<!-- unterminated <!ENTITY", ""));
}

static void
test_bodies_cut(void **state)
{
	(void)state;
	check("<p>a</p><script>var x = \"<p>b</p>\";</script><p>c</p>",
	    "<p>a</p><script></script><p>c</p>");
	check("<style>p { color: red }</style><p>x</p>",
	    "<style></style><p>x</p>");
	check("<SCRIPT type=text/javascript>x()</ScRiPt>",
	    "<SCRIPT type=text/javascript></ScRiPt>");
	/* a body ends at the first end tag of its name, as in libxml2 */
	check("<script>a(\"<style>\")</script><p>d</p>",
	    "<script></script><p>d</p>");
	check("", "");
	check("no markup at all", "no markup at all");
}

static void
test_read_bodies_kept(void **state)
{
	(void)state;
	check("<script type=\"application/ld+json\">{\"a\":1}</script>",
	    "<script type=\"application/ld+json\">{\"a\":1}</script>");
	check("<script type='application/LD+JSON'>{}</script>",
	    "<script type='application/LD+JSON'>{}</script>");
	/* other JSON is read for its page-state dates only */
	check("<script type='application/JSON'>{\"a\":1}</script>",
	    "<script type='application/JSON'></script>");
	check("<script type=application/json>{\"createdAt\":1}</script>",
	    "<script type=application/json>{\"createdAt\":1}</script>");
	check("<script>window.s={\"datePublished\":\"2020-01-02\"}</script>",
	    "<script>window.s={\"datePublished\":\"2020-01-02\"}</script>");
	check("<script>s={\"created_at\":\"2020\"}</script>",
	    "<script>s={\"created_at\":\"2020\"}</script>");
	/* escaped quotes, as in JSON inside a string */
	check("<script>s=\"{\\\"publishedAt\\\":1}\"</script>",
	    "<script>s=\"{\\\"publishedAt\\\":1}\"</script>");
	/* a key without a quote before it is no page-state date, nor are
	 * the words around one */
	check("<script>var publishedAt = 1; x.created_at()</script>",
	    "<script></script>");
	check("<script>public(); s=\"published\"; t='datePublished'"
	    "</script>", "<script></script>");
	/* libxml2 leaves a form feed or U+FFFE out of the script's text:
	 * it might stand between a quote and a key */
	check("<script>s={\"\fdatePublished\":\"2020\"}</script>",
	    "<script>s={\"\fdatePublished\":\"2020\"}</script>");
	check("<script>s={\"\xef\xbf\xbe" "datePublished\":1}</script>",
	    "<script>s={\"\xef\xbf\xbe" "datePublished\":1}</script>");
}

/* hrefs and inline styles are kept where the pipeline reads them: an
 * <a>'s href unless surely not the home page, a <link>'s href, a style
 * that hides; later attributes of their names go with the first. */
static void
test_links_and_styles(void **state)
{
	(void)state;
	check("<a href=\"https://x.com/a/b?c\" class=k>t</a>",
	    "<a class=k>t</a>");
	check("<a href=/news/1>t</a><A HREF='x/y'>u</A>",
	    "<a>t</a><A>u</A>");
	check("<a href=\"https://x.com/\">t</a>",
	    "<a href=\"https://x.com/\">t</a>");
	check("<a href=\"https://x.com\">t</a><a href=\"/?p=1\">u</a>",
	    "<a href=\"https://x.com\">t</a><a href=\"/?p=1\">u</a>");
	/* not judged: an entity, an escape, a blank */
	check("<a href=\"/a&amp;b\">t</a><a href=\"%2F\">u</a>",
	    "<a href=\"/a&amp;b\">t</a><a href=\"%2F\">u</a>");
	check("<a href=\" /a\">t</a>", "<a href=\" /a\">t</a>");
	/* an href to another page stays when a picture comes in the link
	 * (html_img_aside() compares its site with the page's), before
	 * the link ends or another begins */
	check("<a href=//x.com/1 class=k>\n<picture><img src=a.jpg></picture>"
	    "</a><a href=//x.com/2>t</a><A HREF=http://y/3><b>u</b> "
	    "<IMG SRC=b.png></A>",
	    "<a href=//x.com/1 class=k>\n<picture><img src=a.jpg></picture>"
	    "</a><a>t</a><A HREF=http://y/3><b>u</b> <IMG SRC=b.png></A>");
	check("<a href=//x/1>t</a> <img src=a.jpg><a href=//x/2></a><img "
	    "src=b.jpg><a href=//x/3><a href=//x/4><img src=c.jpg></a>",
	    "<a>t</a> <img src=a.jpg><a></a><img src=b.jpg><a><a "
	    "href=//x/4><img src=c.jpg></a>");
	/* unless it names no host: a relative link stays on the site */
	check("<a href=/s/1><img src=a.jpg></a><a href=s?u=http://y/>"
	    "<img src=b.jpg></a><a href=s#//y><img src=c.jpg></a>",
	    "<a><img src=a.jpg></a><a><img src=b.jpg></a><a>"
	    "<img src=c.jpg></a>");
	/* a later href stays out, whether the first went or not */
	check("<a href=/a href=/>t</a>", "<a>t</a>");
	check("<a href=/ href=/a>t</a>", "<a href=/>t</a>");
	check("<link rel=canonical href=\"https://x.com/a\">",
	    "<link rel=canonical href=\"https://x.com/a\">");
	check("<div href=/a><img src=a.png href=/>",
	    "<div><img src=a.png>");
	check("<p style=\"color: red\">a</p><p style=\"DISPLAY : None\">b</p>",
	    "<p>a</p><p style=\"DISPLAY : None\">b</p>");
	check("<p style=\"x\" style=\"display:none\">a</p>", "<p>a</p>");
	check("<p style=\"&#100;isplay:none\">a</p>",
	    "<p style=\"&#100;isplay:none\">a</p>");
	/* a <link>'s href and rel only for rel=canonical, an <a>'s rel
	 * for "author" */
	check("<link rel=stylesheet href=a.css hidden><link href=/a "
	    "rel=Canonical id=c><link href=/b>",
	    "<link hidden><link href=/a rel=Canonical id=c><link>");
	check("<a rel=nofollow href=/>t</a><a rel=\"author me\">u</a>",
	    "<a href=/>t</a><a rel=\"author me\">u</a>");
	/* an <a>'s href to an author's page stays (a byline without a
	 * class); a list of authors or a word in a path goes */
	check("<a href=\"https://x.com/author/jane-doe/\">J</a><a href="
	    "Autor/12>K</a><a href=/authors/>A</a><a href=/author-x/y>B</a>"
	    "<a href=\"https://author.com/author\">C</a>",
	    "<a href=\"https://x.com/author/jane-doe/\">J</a><a href="
	    "Autor/12>K</a><a>A</a><a>B</a><a>C</a>");
	assert_true(html_href_is_author("/auteur/loic-le-clerc", 21));
	assert_false(html_href_is_author("/author//", 9));
	assert_false(html_href_is_author("/author/?p=1", 12));
	assert_false(html_href_is_author("https://author/x", 16));
	/* the scheme's "://" after another colon, none, and a path's end
	 * before the segment (memchr() for each) */
	assert_true(html_href_is_author("a:b://x.com/author/j", 20));
	assert_true(html_href_is_author("ftp:/x/author/j", 15));
	assert_false(html_href_is_author("/x.com/autor#a/author/j", 23));
	assert_false(html_href_is_author("/x/autor?/author/j", 18));
	assert_true(html_href_is_author("https://x.com?a/author/j", 24));
	/* a picture's link: its extension before any query or fragment,
	 * in either case (the last letter is asked first) */
	assert_true(html_href_is_picture("/a/b.JPG?w=1#x", 14));
	assert_true(html_href_is_picture("b.webp#a?b", 10));
	assert_true(html_href_is_picture("x.AvIf", 6));
	assert_false(html_href_is_picture("/a.jpg/b?c.png", 14));
	assert_false(html_href_is_picture("/b#a.jpg?c", 10));
	assert_false(html_href_is_picture(".pn", 3));
	assert_false(html_href_is_picture("?.gif", 5));
	assert_true(html_href_is_picture("a.gif", 5));
	assert_false(html_href_is_picture("a.gif", 4));
	/* a link with a blank, an entity or an escape is kept as it is */
	check("<a href=\"/a b\">t</a><a href=/a&amp;b>u</a><a href=/a%20>v</a>"
	    "<a href=/a\\b>w</a><a href=/a#b>x</a>",
	    "<a href=\"/a b\">t</a><a href=/a&amp;b>u</a><a href=/a%20>v</a>"
	    "<a href=/a\\b>w</a><a>x</a>");
	/* or a query for one author's articles */
	assert_true(html_href_is_author("/?author=3", 10));
	assert_true(html_href_is_author("/s/?q=jane-doe&in=author#r", 26));
	assert_false(html_href_is_author("/?authors_page=1", 16));
	assert_false(html_href_is_author("/?q=coauthor", 12));
	/* and one to a reader comment's anchor */
	check("<a href=\"/a/#comment-9\">t</a><a href=/a#comments>u</a>"
	    "<a href=/comment/a>v</a><a href=/a#commen>w</a>",
	    "<a href=\"/a/#comment-9\">t</a><a href=/a#comments>u</a>"
	    "<a>v</a><a>w</a>");
	/* a title is read on <abbr> and on elements with a class */
	check("<a title=x href=/a>t</a><abbr title=\"2 May\">m</abbr>",
	    "<a>t</a><abbr title=\"2 May\">m</abbr>");
	check("<span title=x title=y class=k>t</span>",
	    "<span title=x class=k>t</span>");
	/* attributes read on some elements only (data-src on any: a
	 * figure's lazy placeholder, when it names a picture) */
	check("<script type=module src=a.js></script><input type=text>",
	    "<script type=module></script><input>");
	check("<meta name=author content=A><div name=x content=y lang=de>",
	    "<meta name=author content=A><div content=y>");
	check("<HTML LANG=de><iframe src=/v srcset=x data-src=y.gif>",
	    "<HTML LANG=de><iframe data-src=y.gif>");
	check("<amp-img src=a.jpg></amp-img><source srcset=b.jpg>",
	    "<amp-img src=a.jpg></amp-img><source>");
}

static void
test_attributes_and_drawings(void **state)
{
	(void)state;
	/* attributes the pipeline does not read go, quoted or not */
	check("<div class=a data-x=\"1 > 2\" onclick='f()' ID=b>t</div>",
	    "<div class=a ID=b>t</div>");
	check("<p \"bogus\" class=c>x</p>", "<p class=c>x</p>");
	check("<img data-src=/a.jpg width=3 srcset=\"/b.jpg 2x\">",
	    "<img data-src=/a.jpg srcset=\"/b.jpg 2x\">");
	/* off an image, a data-src stays only if it may name a picture's
	 * file (a figure's lazy placeholder, html_lazy_img()); a later
	 * one goes with the first */
	check("<div data-src=/a.js>t</div><span data-src='/b.PNG?w=1'>u"
	    "</span><img data-src=/c.js>",
	    "<div>t</div><span data-src='/b.PNG?w=1'>u</span>"
	    "<img data-src=/c.js>");
	check("<div data-src=\"/a&#46;jpg\"></div><div data-src=/a "
	    "data-src=/b.jpg></div><div data-src></div>",
	    "<div data-src=\"/a&#46;jpg\"></div><div></div><div></div>");
	/* a drawing's body goes, its element stays */
	check("<svg viewBox=\"0 0 1 1\"><path d=\"M0 0\"/><g><circle r=1>"
	    "</circle></g></svg><p>x</p>", "<svg></svg><p>x</p>");
	/* unless it holds more than drawing */
	check("<svg><text>hi</text></svg>", "<svg><text>hi</text></svg>");
	check("<svg><!-- c --><path/></svg>", "<svg><path /></svg>");
	check("<svg><path d=1>", "<svg><path>");
}

static void
test_markup_respected(void **state)
{
	(void)state;
	/* in a comment (cut), in an attribute value, in an end tag */
	check("<!-- <script> --><p>x</p><script>y</script>",
	    "<p>x</p><script></script>");
	check("a<!-- b -->c<!---->d", "acd");
	check("<a class=k title=\"<script>\">t</a><p>u</p><script>v</script>",
	    "<a class=k title=\"<script>\">t</a><p>u</p><script></script>");
	check("<a class=k title='>'>t</a><style>v</style>",
	    "<a class=k title='>'>t</a><style></style>");
	check("</div title=\"<script>\">x</script>",
	    "</div title=\"<script>\">x</script>");
	/* an empty element, a longer name, a name with a dash */
	check("<script src=a.js />x<p>y</p>", "<script />x<p>y</p>");
	check("<br/>a<img src=x/>b", "<br />a<img src=x/>b");
	check("<scripts>a</scripts><style-x>b</style-x>",
	    "<scripts>a</scripts><style-x>b</style-x>");
	/* broken: unterminated body, quote, tag or comment */
	check("<p>a</p><script>never ends", "<p>a</p><script>never ends");
	check("<script title=\"x>y</script>", "<script title=\"x>y</script>");
	check("<script", "<script");
	check("<!-- <script>x</script>", "<!-- <script>x</script>");
}

static void
test_read_as_browsers(void **state)
{
	(void)state;
	/* "/>" ends no script or style: what follows up to the end tag
	 * is its text, not the page's (libxml2 would show it) */
	check("<script src=a.js />x()<p>y</p></script><p>z</p>",
	    "<script /></script><p>z</p>");
	check("<style/>p{}</style>q", "<style /></style>q");
	check("<script src=a.js />x", "<script />x");
	check("<svg/>x", "<svg />x");
	/* a bogus comment ends at its '>'; a doctype and CDATA stay */
	check("a<!meta property=\"og:title\" content=\"t\" />b", "ab");
	check("<!--[if IE]><![endif]-->a<![endif]-->b", "ab");
	check("<!DOCTYPE html><p>x</p>", "<!DOCTYPE html><p>x</p>");
	check("<![CDATA[x]]>", "<![CDATA[x]]>");
	check("a<!b", "a<!b");
}

/* Whether a page holds markup the strip reads as browsers do, not as
 * libxml2 does: a bogus comment or a script or style closed by "/>". */
static bool
reads_as_browsers(const char *s, size_t len)
{
	const char *p = s, *end = s + len;

	while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
		size_t left = (size_t)(end - p);
		const char *gt;

		if (left > 2 && p[1] == '!' && p[2] != '-' &&
		    (left < 9 || memcmp(p + 2, "[CDATA[", 7) != 0) &&
		    strncasecmp(p + 2, "doctype", left > 8 ? 7 : left - 2))
			return true;
		if ((left > 7 && strncasecmp(p + 1, "script", 6) == 0) ||
		    (left > 6 && strncasecmp(p + 1, "style", 5) == 0)) {
			gt = memchr(p, '>', left);
			if (gt != NULL && gt[-1] == '/')
				return true;
		}
		p++;
	}
	return false;
}

/* Whether the <link> n is rel=canonical, as meta_element() reads it. */
static bool
dump_canonical(const xmlNode *n)
{
	xmlChar *rel = xmlGetProp(n, BAD_CAST "rel");
	bool yes = rel != NULL && strcasecmp((const char *)rel,
	    "canonical") == 0;

	xmlFree(rel);
	return yes;
}

/* Writes the attribute name=v of element n as the pipeline reads it:
 * hrefs and rels of <link> with rel=canonical whole, of <a> as home or
 * not (meta_is_logo()), as an author's page or not and as a comment's
 * anchor or not; the rels of <a>
 * that name an author; styles as hiding or not; titles of <abbr> and of
 * elements with a class. */
static void
dump_attr(const xmlNode *n, const char *name, const char *v, struct buf *b)
{
	const char *tag = (const char *)n->name;

	if (strcmp(name, "href") == 0 && strcmp(tag, "a") == 0) {
		xmlURIPtr u = xmlParseURI(v);

		if (u != NULL && (u->path == NULL || u->path[0] == '\0' ||
		    strcmp(u->path, "/") == 0) && u->query == NULL &&
		    u->fragment == NULL)
			buf_puts(b, " href=home");
		xmlFreeURI(u);
		if (html_href_is_author(v, strlen(v)))
			buf_puts(b, " href=author");
		if (html_href_is_comment(v, strlen(v)))
			buf_puts(b, " href=comment");
		return;
	}
	if (strcmp(name, "title") == 0 && strcmp(tag, "abbr") != 0 &&
	    xmlHasProp(n, BAD_CAST "class") == NULL)
		return;
	if (strcmp(tag, "link") == 0 && (strcmp(name, "href") == 0 ||
	    strcmp(name, "rel") == 0) && !dump_canonical(n))
		return;
	if (strcmp(tag, "a") == 0 && strcmp(name, "rel") == 0 &&
	    strcasestr(v, "author") == NULL)
		return;
	/* an image's size is kept where it is a tracking pixel's */
	if (strcmp(name, "width") == 0 || strcmp(name, "height") == 0) {
		if ((v[0] == '0' || v[0] == '1') && (v[1] == '\0' ||
		    strcasecmp(v + 1, "px") == 0))
			buf_printf(b, " %s=[%s]", name, v);
		return;
	}
	/* off an image, a data-src is kept where it may name a picture */
	if (strcmp(name, "data-src") == 0 && strcmp(tag, "img") != 0 &&
	    strcmp(tag, "amp-img") != 0) {
		if (html_href_is_picture(v, strlen(v)))
			buf_printf(b, " %s=[%s]", name, v);
		return;
	}
	if (strcmp(name, "style") == 0) {
		if (html_style_hidden(v))
			buf_puts(b, " style=hidden");
		return;
	}
	buf_printf(b, " %s=[%s]", name, v);
}

/* Writes the tree under n to b, less the children of scripts, styles
 * and drawings, the attributes that html_strip_raw() drops and the
 * comments; the texts on either side of a comment are written as one. */
static void
dump(const xmlNode *n, struct buf *b)
{
	for (; n != NULL; n = n->next) {
		if (n->type == XML_COMMENT_NODE)
			continue;
		if (n->type == XML_TEXT_NODE) {
			buf_puts(b, "3[");
			for (; n->next != NULL && (n->next->type ==
			    XML_TEXT_NODE || n->next->type ==
			    XML_COMMENT_NODE); n = n->next)
				if (n->type == XML_TEXT_NODE &&
				    n->content != NULL)
					buf_puts(b, (const char *)n->content);
			if (n->type == XML_TEXT_NODE && n->content != NULL)
				buf_puts(b, (const char *)n->content);
			buf_puts(b, "]");
			continue;
		}
		if (n->type == XML_ELEMENT_NODE) {
			buf_printf(b, "<%s", (const char *)n->name);
			for (const xmlAttr *a = n->properties; a != NULL;
			    a = a->next) {
				xmlChar *v;

				if (!html_strip_attr_kept_on((const char *)
				    n->name, (const char *)a->name))
					continue;
				v = xmlNodeGetContent((const xmlNode *)a);
				dump_attr(n, (const char *)a->name,
				    v != NULL ? (const char *)v : "", b);
				xmlFree(v);
			}
			buf_puts(b, ">");
			if (strcmp((const char *)n->name, "script") != 0 &&
			    strcmp((const char *)n->name, "style") != 0 &&
			    strcmp((const char *)n->name, "svg") != 0)
				dump(n->children, b);
			buf_printf(b, "</%s>", (const char *)n->name);
		} else if (n->content != NULL) {
			buf_printf(b, "%d[%s]", (int)n->type,
			    (const char *)n->content);
		}
	}
}

static char *
dump_parse(const char *s, size_t len)
{
	struct buf b = { 0 };
	htmlDocPtr doc = htmlReadMemory(s, (int)len, NULL, "UTF-8",
	    HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
	    HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT);

	assert_non_null(doc);
	dump(doc->children, &b);
	xmlFreeDoc(doc);
	buf_puts(&b, "");
	return buf_take(&b);
}

static size_t
corpus_dir(const char *sub)
{
	struct buf dir = { 0 };
	struct dirent *e;
	size_t pages = 0;
	DIR *d;

	buf_printf(&dir, "%s/corpus/%s/html", shared_dir, sub);
	d = opendir(dir.p);
	if (d == NULL) {
		buf_free(&dir);
		return 0;
	}
	while ((e = readdir(d)) != NULL) {
		struct buf path = { 0 }, page = { 0 };
		char chunk[65536], *cut, *a, *b;
		size_t cut_len;
		bool entities;
		gzFile f;
		int n;

		if (strstr(e->d_name, ".html") == NULL)
			continue;
		buf_printf(&path, "%s/%s", dir.p, e->d_name);
		f = gzopen(path.p, "rb");
		assert_non_null(f);
		while ((n = gzread(f, chunk, sizeof(chunk))) > 0)
			buf_append(&page, chunk, (size_t)n);
		gzclose(f);
		if (page.len == 0) {
			buf_free(&path);
			continue;
		}
		cut = html_strip_raw(page.p, page.len, &cut_len, &entities);
		assert_false(entities);
		a = dump_parse(page.p, page.len);
		b = dump_parse(cut, cut_len);
		if (strcmp(a, b) != 0 && !reads_as_browsers(page.p, page.len)) {
			print_error("the trees of %s differ\n", path.p);
			assert_string_equal(a, b);
		}
		free(a);
		free(b);
		free(cut);
		buf_free(&page);
		buf_free(&path);
		pages++;
	}
	closedir(d);
	buf_free(&dir);
	return pages;
}

static void
test_corpus_trees_equal(void **state)
{
	size_t pages;

	(void)state;
	if (shared_dir == NULL)
		skip();
	pages = corpus_dir("aeb-dev") + corpus_dir("trafeval-dev");
	if (pages == 0)
		skip();
	assert_true(pages >= 300);
}

int
main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bodies_cut),
		cmocka_unit_test(test_entities_found),
		cmocka_unit_test(test_read_bodies_kept),
		cmocka_unit_test(test_attributes_and_drawings),
		cmocka_unit_test(test_links_and_styles),
		cmocka_unit_test(test_markup_respected),
		cmocka_unit_test(test_read_as_browsers),
		cmocka_unit_test(test_corpus_trees_equal),
	};

	shared_dir = argc > 1 ? argv[1] : NULL;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
