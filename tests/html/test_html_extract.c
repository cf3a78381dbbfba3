/* Unit tests of html_extract() on small hand-made pages: boilerplate
 * removed, tables kept, captions out of the body, images collected,
 * figures that hold content written, related-link blocks dropped, the
 * page's own article picked among stacked ones, deep nesting survived. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "article.h"
#include "date.h"
#include "html/html_dom.h"
#include "html/html_extract.h"
#include "html/html_extract_int.h"
#include "html/html_meta.h"
#include "html/html_rec.h"
#include "util.h"

#include "html_prose.h"

#define NOW 1893456000  /* 2030-01-01 */

static struct nw_article *
extract(const char *html, const char *url)
{
	struct nw_article *a = article_new();
	char err[256] = "";

	assert_int_equal(html_extract(html, strlen(html), url, NOW, a, err,
	    sizeof(err)), 0);
	return a;
}

static char *
page(const char *head, const char *body)
{
	struct buf b = { 0 };

	buf_printf(&b, "<!DOCTYPE html><html><head>%s</head><body>%s"
	    "</body></html>", head, body);
	return buf_take(&b);
}

/* Extracts the page whose <body> holds printf(fmt, ...). fmt is never
 * NULL: said so, or UBSan's check of vsnprintf()'s nonnull format at
 * -O2 leaves a path with a null one, which GCC warns of ("null format
 * string"). */
static struct nw_article *
extract_body(const char *fmt, ...)
    __attribute__((format(printf, 1, 2), nonnull(1)));

static struct nw_article *
extract_body(const char *fmt, ...)
{
	struct nw_article *a;
	char *body, *html;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	assert_true(n >= 0);
	body = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(body, (size_t)n + 1, fmt, ap);
	va_end(ap);
	html = page("", body);
	a = extract(html, NULL);
	free(html);
	free(body);
	return a;
}

/* The class pattern table's letter-pair codes match its patterns. */
static void
test_pattern_codes(void **state)
{
	(void)state;
	assert_true(html_patterns_consistent());
}

static void
test_boilerplate_removed(void **state)
{
	struct buf body = { 0 };
	struct nw_article *a;
	char *html;

	(void)state;
	buf_printf(&body,
	    "<nav><ul><li><a href=/>Home</a></li><li><a href=/w>World</a>"
	    "</li><li><a href=/s>Sport</a></li></ul></nav>"
	    "<div class=cookie-banner>We use cookies to improve your "
	    "experience on our website. Accept all cookies?</div>"
	    "<div class=main><article><h1>Bridge to be rebuilt</h1>"
	    "<div class=share-bar><a href=#>Share on Facebook</a> "
	    "<a href=#>Tweet</a></div>"
	    "<p>%s</p><p>%s</p>"
	    "<div class=newsletter-signup><p>Sign up for our morning "
	    "newsletter and never miss the news that matters.</p></div>"
	    "<p>%s</p>"
	    "<div class=related-articles><h3>Related</h3><ul>"
	    "<li><a href=/1>Harbour traffic doubles in a year</a></li>"
	    "<li><a href=/2>Town hall elections set for May</a></li>"
	    "</ul></div></article>"
	    "<aside><p>Most read: the ten best beaches of the coast, "
	    "ranked by our readers this summer.</p></aside></div>"
	    "<section id=comments><p>Great news, finally! I have waited "
	    "for this bridge for years, said one reader.</p></section>"
	    "<footer><p>Copyright 2030 The Harbour Times. All rights "
	    "reserved.</p></footer>", prose1, prose2, prose3);
	html = page("<title>Bridge to be rebuilt</title>", body.p);
	a = extract(html, "https://news.example/bridge");
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose1));
	assert_non_null(strstr(a->body, prose2));
	assert_non_null(strstr(a->body, prose3));
	assert_null(strstr(a->body, "Share on Facebook"));
	assert_null(strstr(a->body, "cookies"));
	assert_null(strstr(a->body, "newsletter"));
	assert_null(strstr(a->body, "Harbour traffic doubles"));
	assert_null(strstr(a->body, "Most read"));
	assert_null(strstr(a->body, "Great news"));
	assert_null(strstr(a->body, "Copyright"));
	assert_null(strstr(a->body, "World"));
	/* the title is not repeated in the body */
	assert_null(strstr(a->body, "Bridge to be rebuilt"));
	/* paragraphs separated by one blank line */
	assert_non_null(strstr(a->body, "decade, and set aside four million "
	    "euros for the work.\n\nEngineers said"));
	assert_null(strstr(a->body, "\n\n\n"));
	article_free(a);
	free(html);
	buf_free(&body);
}

static void
test_tables_and_lists_kept(void **state)
{
	struct nw_article *a;

	(void)state;
	a = extract_body("<div id=content><p>%s</p><table><tr><th>Year</th>"
	    "<th>Cost</th></tr><tr><td>2031</td><td>1.5 million</td></tr>"
	    "<tr><td>2032</td><td>2.5 million</td></tr></table><p>%s</p>"
	    "<ul><li>a cycle lane on both sides</li><li>two bus stops"
	    "</li></ul><p>%s</p></div>", prose1, prose2, prose3);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, "2031 1.5 million"));
	assert_non_null(strstr(a->body, "2032 2.5 million"));
	assert_non_null(strstr(a->body, "a cycle lane on both sides"));
	assert_non_null(strstr(a->body, "two bus stops"));
	assert_non_null(strstr(a->body, prose3));
	article_free(a);
}

static void
test_figures_collected(void **state)
{
	struct buf body = { 0 };
	struct nw_article *a;
	char *html;

	(void)state;
	buf_printf(&body,
	    "<article><p>%s</p><figure><img src=\"/img/bridge.jpg\" "
	    "alt=\"\"><figcaption>The old bridge at dawn. Photo: Jane Roe"
	    "</figcaption></figure><p>%s</p><figure><picture><img "
	    "src=\"data:image/gif;base64,R0lGOD\" data-src=\"http://cdn."
	    "example/t.jpg\"></picture><figcaption><span>Town hall</span> "
	    "<span class=credit>AP</span></figcaption></figure>"
	    "<p>%s</p></article>", prose1, prose2, prose3);
	html = page("", body.p);
	a = extract(html, "https://news.example/2030/bridge.html");
	assert_non_null(a->body);
	assert_null(strstr(a->body, "dawn"));
	assert_null(strstr(a->body, "Jane Roe"));
	assert_null(strstr(a->body, "Town hall"));
	assert_int_equal(a->n_images, 2);
	assert_string_equal(a->images[0].url,
	    "https://news.example/img/bridge.jpg");
	assert_string_equal(a->images[0].caption, "The old bridge at dawn.");
	assert_string_equal(a->images[0].credit, "Jane Roe");
	assert_string_equal(a->images[1].url, "http://cdn.example/t.jpg");
	assert_string_equal(a->images[1].caption, "Town hall");
	assert_string_equal(a->images[1].credit, "AP");
	article_free(a);
	free(html);
	buf_free(&body);
}

/* A figure that holds a table, or a gallery slide (a titled figure)
 * whose caption is written in paragraphs, is content: it is written,
 * not taken for an image; a lead picture's caption and credit in
 * paragraphs, without a title, are a caption. */
static void
test_content_figures(void **state)
{
	struct nw_article *a;

	(void)state;
	a = extract_body("<article><p>%s</p><figure class=table><table>"
	    "<tr><td>Span</td><td>The new span carries two bus lanes and a "
	    "cycle lane on each side, with a footpath below the deck.</td>"
	    "</tr><tr><td>Cost</td><td>Four million euros, of which the "
	    "region pays one half and the town the other half.</td></tr>"
	    "</table>"
	    "</figure><p>%s</p><figure><h2>The new deck</h2><img src=/a.jpg>"
	    "<figcaption><p>Slide two. %s</p></figcaption></figure><figure>"
	    "<img src=/b.jpg><figcaption>The bridge at dawn.</figcaption>"
	    "</figure><figure><img src=/c.jpg><figcaption><div><p>The old "
	    "bridge, closed to traffic since the spring, seen from the "
	    "harbour wall on the evening before the vote, with the fishing "
	    "fleet moored below its cracked arches.</p></div><div><p>Jo "
	    "Smith for the Harbour Times</p></div></figcaption></figure>"
	    "</article>", prose1, prose2, prose3);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, "The new span carries two bus"));
	assert_non_null(strstr(a->body, "Four million euros"));
	assert_non_null(strstr(a->body, "Slide two."));
	assert_null(strstr(a->body, "at dawn"));
	assert_null(strstr(a->body, "cracked arches"));
	assert_null(strstr(a->body, "Jo Smith"));
	assert_int_equal(a->n_images, 3);
	article_free(a);
}

/* The slides of another CMS: the caption in <div>s, or in runs set
 * apart by <br><br>, under the slide's title. */
static void
test_slides_without_p(void **state)
{
	struct nw_article *a;

	(void)state;
	a = extract_body("<article><p>%s</p><figure><h2>The new deck</h2>"
	    "<img src=/a.jpg><figcaption><div>Slide two.</div><div>%s</div>"
	    "</figcaption></figure><figure><h2>The old deck</h2><img "
	    "src=/b.jpg><figcaption>Slide three.<br><br>%s</figcaption>"
	    "</figure><p>%s</p></article>", prose1, prose3, prose2, prose1);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, "Slide two."));
	assert_non_null(strstr(a->body, "Slide three."));
	article_free(a);
}

/* Spacing utility classes ("margin-bottom") say nothing of a block's
 * role: the block stays. */
static void
test_utility_classes(void **state)
{
	struct nw_article *a;

	(void)state;
	a = extract_body("<div class=content><p>%s</p><div "
	    "class=\"small margin-bottom\"><p>%s</p></div><div "
	    "class=\"push-bottom-sm\"><p>%s</p></div></div>", prose1, prose2,
	    prose3);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose2));
	assert_non_null(strstr(a->body, prose3));
	article_free(a);
}

/* A page that renders its text with scripts leaves it in JSON-LD only:
 * the articleBody becomes the body, one paragraph per line. */
static void
test_body_from_json_ld(void **state)
{
	struct buf head = { 0 }, body = { 0 };
	struct nw_article *a;
	char *html;

	(void)state;
	buf_printf(&head, "<script type=\"application/ld+json\">"
	    "{\"@type\":\"NewsArticle\",\"headline\":\"Bridge\","
	    "\"articleBody\":\"%s\\n%s\\n%s\\n%s\"}</script>", prose1,
	    prose2, prose3, prose1);
	buf_printf(&body, "<div id=app><h1>Bridge</h1><p>Loading the story, "
	    "please wait while the page starts.</p></div>");
	html = page(head.p, body.p);
	a = extract(html, NULL);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose1));
	assert_non_null(strstr(a->body, "work.\n\nEngineers said"));
	assert_non_null(strstr(a->body, prose3));
	assert_null(strstr(a->body, "Loading the story"));
	article_free(a);
	free(html);
	buf_free(&head);
	buf_free(&body);
}

/* A kicker or section label over the article goes; a short sentence
 * stays. */
static void
test_kicker_dropped(void **state)
{
	struct buf body = { 0 };
	struct nw_article *a;
	char *html;

	(void)state;
	buf_printf(&body, "<article><div>Kategorie: News</div><p>%s</p>"
	    "<p>%s</p><p>%s</p></article>", prose1, prose2, prose3);
	html = page("", body.p);
	a = extract(html, NULL);
	assert_non_null(a->body);
	assert_null(strstr(a->body, "Kategorie"));
	assert_true(strncmp(a->body, prose1, 20) == 0);
	article_free(a);
	free(html);
	buf_free(&body);
	buf_printf(&body, "<article><div>It rained.</div><p>%s</p>"
	    "<p>%s</p><p>%s</p></article>", prose1, prose2, prose3);
	html = page("", body.p);
	a = extract(html, NULL);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, "It rained."));
	article_free(a);
	free(html);
	buf_free(&body);
}

/* An element classed as a header is the site's when it holds links and
 * the article's when it holds a paragraph of text. */
static void
test_article_header(void **state)
{
	struct nw_article *a;

	(void)state;
	a = extract_body("<div class=site-header><a href=/>Home</a> "
	    "<a href=/news>News</a> <a href=/sport>Sport</a></div>"
	    "<article><div class=article-header><h1>Bridge</h1>"
	    "<p>%s</p></div><p>%s</p><p>%s</p><p>%s</p></article>", prose1,
	    prose2, prose3, prose2);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose1));
	assert_non_null(strstr(a->body, prose3));
	assert_null(strstr(a->body, "Sport"));
	article_free(a);
}

/* On a page of many modules (written whole, then filtered), the lines
 * that <br> splits out of one block are judged as one paragraph: alone
 * each is too short to stand between two link lines. */
static void
test_br_lines_judged_together(void **state)
{
	static const char links[] = "<ul><li><a href=/1>Politics and the "
	    "regional elections</a></li><li><a href=/2>Sport results of "
	    "the weekend games</a></li><li><a href=/3>Weather and the week "
	    "ahead in the town</a></li></ul>";
	static const char teaser[] = "<p>Our town reports: <a href=/r>"
	    "Regional news</a> and more</p>";
	struct nw_article *a;

	(void)state;
	a = extract_body("<div><div><div><p>%s</p></div></div></div>%s%s"
	    "<div><p>The studio was founded in 1998<br>and has since won "
	    "many prizes<br>for its films, series and music videos.</p>"
	    "</div>%s%s<section><span><p>%s</p></span></section>%s<table>"
	    "<tr><td><p>%s</p></td></tr></table>", prose1, links, teaser,
	    teaser, links, prose2, links, prose3);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose1));
	assert_non_null(strstr(a->body, prose3));
	assert_non_null(strstr(a->body, "founded in 1998"));
	assert_non_null(strstr(a->body, "many prizes"));
	assert_null(strstr(a->body, "Our town reports"));
	article_free(a);
}

static void
test_title_from_h1(void **state)
{
	struct nw_article *a;

	(void)state;
	a = extract_body("<div><h1> Harbour  bridge </h1><p>%s</p>"
	    "<p>%s</p></div>", prose1, prose2);
	assert_non_null(a->title);
	assert_string_equal(a->title, "Harbour bridge");
	article_free(a);
}

/* What a reader never sees is out of the tree (html_sax_chars()): a soft
 * hyphen as an entity and as a character, a zero width space, a word
 * joiner, a zero width no-break space inside the text. The heading set
 * with soft hyphens then agrees with the <title>, and neither the title
 * nor the body holds one; a zero width joiner (an emoji's) stays. */
static void
test_invisible_dropped(void **state)
{
	static const char *const gone[] = {
		"\xc2\xad", "\xe2\x80\x8b", "\xe2\x81\xa0", "\xef\xbb\xbf",
	};
	struct buf html = { 0 };
	struct nw_article *a;

	(void)state;
	buf_printf(&html, "<!DOCTYPE html><html><head><title>Mes&shy;sen"
	    "&shy;ger rules tighten in Wies\xc2\xad""baden | Daily</title>"
	    "</head><body><article>"
	    "<h1>Mes&shy;sen&shy;ger rules tighten in Wies\xc2\xad""baden</h1>"
	    "<p>Bundes&shy;kriminal\xc2\xad""amt: %s</p>"
	    "<p>Zero&#8203;width, word&#x2060;joiner, no&#xfeff;break, "
	    "family \xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9. "
	    "%s</p></article></body></html>", prose1, prose2);
	a = extract(html.p, NULL);
	assert_non_null(a->title);
	assert_string_equal(a->title,
	    "Messenger rules tighten in Wiesbaden");
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, "Bundeskriminalamt: "));
	assert_non_null(strstr(a->body, "Zerowidth, wordjoiner, nobreak, "));
	assert_non_null(strstr(a->body,
	    "family \xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9."));
	for (size_t i = 0; i < sizeof(gone) / sizeof(gone[0]); i++) {
		assert_null(strstr(a->title, gone[i]));
		assert_null(strstr(a->body, gone[i]));
	}
	article_free(a);
	buf_free(&html);
}

/* The parse's own element handler (html_sax.c) and the elements it leaves
 * to libxml2's (a prefixed name, xml:id) in one tree: implied elements,
 * ids met twice, a boolean attribute, short and long class values. */
static void
test_parse_handlers(void **state)
{
	struct buf html = { 0 };
	struct nw_article *a;

	(void)state;
	buf_printf(&html, "<title>Bridge</title>"
	    "<div id=x class=cookie-banner>We use cookies to improve your "
	    "experience on our website. Accept all cookies?</div>"
	    "<div id=x class=main><article>"
	    "<p id=p1 xml:id=p1>%s<o:p></o:p></p>"
	    "<fb:like class=share-bar>Share on Facebook</fb:like>"
	    "<p>%s <a name=n href=/a>More</a></p><a name=n></a>"
	    "<input type=checkbox checked><p>%s</p>"
	    "<div class=newsletter-signup-box><p>Sign up for our morning "
	    "newsletter and never miss the news that matters.</p></div>"
	    "</article></div>", prose1, prose2, prose3);
	a = extract(html.p, "https://news.example/bridge");
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose1));
	assert_non_null(strstr(a->body, prose2));
	assert_non_null(strstr(a->body, prose3));
	assert_null(strstr(a->body, "cookies"));
	assert_null(strstr(a->body, "Facebook"));
	assert_null(strstr(a->body, "newsletter"));
	article_free(a);
	buf_free(&html);
}

/* Whether element n or one above it is dropped as non-content
 * (HTML_T_DROP). */
static bool
test_below_dropped(const xmlNode *n)
{
	for (; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent) {
		enum html_kind k;

		if (html_tag_class(n->name, &k) & HTML_T_DROP)
			return true;
	}
	return false;
}

/* Each element's record (html_rec.h), made by the parse at its start
 * tag, holds what its name and attributes give once the page is parsed,
 * read afresh here: the tag classes, the signals (none for a dropped
 * element and below one, HTML_REC_NOSIG), the metadata's tag and marks
 * (class words of comments, bylines and dates, links to authors and
 * comments, microdata). A misplaced <html> or <body> adds no
 * attribute after the record; an element of libxml2's handler (a
 * prefixed name) has none. The signals and the marks are made from one
 * reading of the attributes (struct html_rec_attrs): a class without a
 * value or an empty one, names in capitals (which the parser lowers), a
 * style both read, aria-hidden that only the signals read. */
static void
test_parse_records(void **state)
{
	static const char page[] =
	    "<html lang=en><head><title>T</title>"
	    "<meta property=og:title content=T><link rel=canonical href=/x>"
	    "<script type=application/ld+json>{}</script></head>"
	    "<body class=single id=top><div class=comments-area id=respond>"
	    "<a rel='author external' href=/author/jane>Jane</a>"
	    "<span class=byline>By Jane Doe</span>"
	    "<span class='photo-credit author'>Pic</span>"
	    "<abbr class=published title=2024-01-02>Jan 2</abbr>"
	    "<span class=updated title=2024-01-03>Jan 3</span>"
	    "<time class=entry-date datetime=2024-01-02>x</time>"
	    "<time class=modified>y</time>"
	    "<div itemprop=review itemscope "
	    "itemtype=http://schema.org/Review>r</div>"
	    "<a href='/story#comments'>12 comments</a>"
	    "<a href='/?author=3'>All posts</a></div>"
	    "<p hidden style='display:none' aria-hidden=true "
	    "itemprop=recipeIngredient class=article-body>x</p>"
	    "<p id=BYLINE class='Post-Date'>y</p>"
	    "<p class STYLE='Display: None' data-x=1>z</p>"
	    "<p class='' ID=Comments aria-hidden=false title=t>z</p>"
	    "<span style='visibility:hidden' class=published title=t "
	    "hidden>z</span>"
	    "<html lang=de class=late><body class=comments id=byline>"
	    "<o:p>x</o:p><svg class=share><path class=author d=M0 /></svg>"
	    "</body></html>";
	struct arena mem = { 0 };
	struct html_sigcache sigs = { 0 }, fresh = { 0 };
	struct html_meta *m = html_meta_start(), *m2 = html_meta_start();
	htmlDocPtr doc;
	size_t made = 0, other = 0, marked = 0, nosig = 0;

	(void)state;
	doc = html_parse(page, sizeof(page) - 1, NULL, &mem, &sigs, m);
	assert_non_null(doc);
	for (xmlNode *n = xmlDocGetRootElement(doc); n != NULL;
	    n = html_next(n, NULL, true)) {
		const struct html_rec *r;
		enum html_kind k;
		unsigned cls;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		r = html_rec_of(n);
		if (r == NULL) {
			other++;
			continue;
		}
		made++;
		marked += r->marks != 0;
		cls = html_tag_class(n->name, &k);
		assert_int_equal(r->tcls, cls);
		assert_int_equal(r->kind, k);
		/* no signals for a dropped element and what is below it
		 * (the head, the script, the svg and its path), which the
		 * statistics never read */
		if (test_below_dropped(n)) {
			assert_int_equal(r->sig, HTML_REC_NOSIG);
			nosig++;
		} else {
			assert_int_equal(r->sig, html_signals(n));
			assert_int_equal(r->sig,
			    html_signals_cached(n, &fresh));
		}
		assert_int_equal(r->mtag, html_meta_tag(n->name));
		assert_int_equal(r->marks, html_meta_rec(m2, n, r->mtag));
		/* the attributes and their values packed after it, where
		 * the walks no longer go (a value's node on a line of its
		 * own spread the tree) */
		for (xmlAttr *at = n->properties; at != NULL; at = at->next)
			if (at->children != NULL)
				assert_true((uintptr_t)at->children -
				    (uintptr_t)at < sizeof(*at) + 16);
	}
	assert_int_equal(made, 25);
	assert_int_equal(nosig, 7);
	assert_true(marked >= 16);
	assert_int_equal(other, 1);
	html_doc_free(doc);
	arena_free(&mem);
	html_sigcache_free(&sigs);
	html_sigcache_free(&fresh);
	html_meta_free(m);
	html_meta_free(m2);
}

/* The signals of class and id values read eight bytes at a time
 * (html_lower_append()): upper case across a word's edge, names parted
 * by tabs and newlines, bytes past ASCII before a pattern, a pattern
 * past the 511 bytes read (not seen) and one before them (seen). */
static void
test_signals_names(void **state)
{
	static const char page[] =
	    "<html><body><div>"
	    "<p class='ARTICLE-BODY-WRAPPER'>a</p>"
	    "<p class='x\tSiDeBaR\nfoo'>b</p>"
	    "<p class='\xc3\x89\xc3\x89\xc3\x89\xc3\x89share'>c</p>"
	    "<p class='abcdefgCOMMENTS'>d</p>"
	    "<p class='abcdefg\rcookie'>e</p>"
	    "<p id='Quelle' class='\t\n  '>f</p>"
	    "<p class='%s footer'>g</p>"
	    "<p class='footer %s'>h</p>"
	    "</div></body></html>";
	static const unsigned want[] = {
		HTML_S_POS | HTML_S_BODY, HTML_S_JUNK, HTML_S_JUNK,
		HTML_S_JUNK, HTML_S_JUNK, HTML_S_CREDIT, 0, HTML_S_JUNK,
	};
	char pad[601], buf[sizeof(page) + 2 * sizeof(pad)];
	struct html_sigcache c = { 0 };
	htmlDocPtr doc;
	size_t i = 0;
	int len;

	(void)state;
	memset(pad, 'A', sizeof(pad) - 1);
	pad[sizeof(pad) - 1] = '\0';
	len = snprintf(buf, sizeof(buf), page, pad, pad);
	assert_true(len > 0 && (size_t)len < sizeof(buf));
	doc = htmlReadMemory(buf, len, NULL, "UTF-8", HTML_PARSE_NOERROR |
	    HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
	assert_non_null(doc);
	for (xmlNode *n = xmlDocGetRootElement(doc); n != NULL;
	    n = html_next(n, NULL, true)) {
		if (n->type != XML_ELEMENT_NODE ||
		    strcmp((const char *)n->name, "p") != 0)
			continue;
		assert_true(i < sizeof(want) / sizeof(want[0]));
		assert_int_equal(html_signals(n), want[i]);
		assert_int_equal(html_signals_cached(n, &c), want[i]);
		i++;
	}
	assert_int_equal(i, sizeof(want) / sizeof(want[0]));
	html_sigcache_free(&c);
	xmlFreeDoc(doc);
}

/* A new class value's signals and the metadata's words, made in one scan
 * (html_signals_class_words()), are those of the two scans apart: upper
 * case, names parted by tabs and newlines, a word that opens where a
 * pattern does ("comment", "copyright", "author"), words with a hyphen,
 * bytes past ASCII, and words past the 511 bytes the signals read. */
static void
test_class_words_one_scan(void **state)
{
	static const char *const values[] = {
		"Byline author-name", "ENTRY-DATE post-Date",
		"pub\tlished x\nUpDaTeD", "publish", "comments-Respond",
		"caption CREDIT copyright\tlicense", "VerfasserWriter autor",
		"mod ified modified", "\xc3\xa4" "author \xc3\xa9" "byline",
		"cookie-banner related", "x", " ", "", "%s byline",
		"%s", "%s %s published",
	};
	struct html_sigcache c = { 0 };
	char pad[601], buf[2048];
	size_t seen = 0;

	(void)state;
	memset(pad, 'a', sizeof(pad) - 1);
	pad[sizeof(pad) - 1] = '\0';
	for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		uint64_t words = ~(uint64_t)0;
		unsigned sig;
		int len = snprintf(buf, sizeof(buf), values[i], pad, pad);

		assert_true(len >= 0 && (size_t)len < sizeof(buf));
		sig = html_signals_class_words(&c, buf, &words);
		assert_int_equal(sig, html_signals_class(&c, buf));
		assert_int_equal(words, html_meta_class_words(buf));
		seen += words != 0;
	}
	assert_int_equal(seen, 11);
	html_sigcache_free(&c);
}

/* An id's signals and the metadata's words in it, made in one scan by
 * html_signals_rec() and read by html_meta_rec_attrs(), are those of the
 * scans apart: the words of an id the metadata marks a byline by, of
 * one past the 511 bytes the signals read, of one without words, and
 * the marks the same with the words made or not. */
static void
test_id_words_one_scan(void **state)
{
	static const char *const ids[] = {
		"Post-Author-Box", "%s-byline", "main", "entry-DATE comments",
	};
	struct html_sigcache c = { 0 };
	char pad[601], buf[1024];
	size_t seen = 0;

	(void)state;
	memset(pad, 'a', sizeof(pad) - 1);
	pad[sizeof(pad) - 1] = '\0';
	for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		struct html_rec_attrs a, b;
		int len = snprintf(buf, sizeof(buf), ids[i], pad);

		assert_true(len >= 0 && (size_t)len < sizeof(buf));
		memset(&a, 0, sizeof(a));
		a.v[HTML_RA_ID] = buf;
		a.have = 1u << HTML_RA_ID;
		a.style_hidden = -1;
		b = a;
		(void)html_signals_rec(&a, &c, 0);
		assert_true(a.has_id_words);
		assert_int_equal(a.id_words, html_meta_class_words(buf));
		assert_false(b.has_id_words);
		assert_int_equal(html_meta_rec_attrs(&a, html_meta_tag(
		    (const xmlChar *)"div"), 0), html_meta_rec_attrs(&b,
		    html_meta_tag((const xmlChar *)"div"), 0));
		seen += a.id_words != 0;
	}
	assert_int_equal(seen, 3);
	html_sigcache_free(&c);
}

/* A datePublished the page hides is no printed date, through the parse's
 * records as through the attributes (test_dates_markup, tests/htmlmeta):
 * the record carries an element's own hiding (META_R_HIDDEN: the hidden
 * attribute, an inline display:none), and the walk what is inside it. */
static void
test_hidden_date_record(void **state)
{
	static const char *const pages[] = {
	    "<html><body><div style=\"display:none\"><span><time "
	    "itemprop=\"datePublished\" datetime=\"2021-10-27T20:35:36+01:00"
	    "\">x</time></span></div><h1>T</h1><p>Berlin, 28.10.2021</p>"
	    "<p>Text.</p></body></html>",
	    "<html><body><p hidden><span itemprop=\"datePublished\" "
	    "content=\"2021-10-27\"></span></p><h1>T</h1><p>Berlin, "
	    "28.10.2021</p><p>Text.</p></body></html>",
	    /* and it still dates a page that prints none */
	    "<html><body><div style=\"display: none\"><time itemprop="
	    "\"datePublished\" datetime=\"2021-10-27\">x</time></div><h1>T"
	    "</h1><p>Text.</p></body></html>",
	};
	static const char *const days[] = {
		"2021-10-28", "2021-10-28", "2021-10-27",
	};
	struct nw_article *a;
	char buf[32];

	(void)state;
	for (size_t i = 0; i < sizeof(pages) / sizeof(pages[0]); i++) {
		a = extract(pages[i], NULL);
		assert_true(a->published.set);
		assert_non_null(date_format_utc(&a->published, buf,
		    sizeof(buf)));
		assert_int_equal(strncmp(buf, days[i], 10), 0);
		article_free(a);
	}
}

/* Split content: many modules, none holding most of the prose. */
static void
test_modules_merged(void **state)
{
	struct nw_article *a;

	(void)state;
	a = extract_body("<div class=wrap>"
	    "<div class=module><div class=col><p>%s</p></div></div>"
	    "<div class=module><div class=col><h2>Costs</h2><p>%s</p></div>"
	    "</div><div class=module><div class=col><p>%s</p></div></div>"
	    "</div>", prose1, prose2, prose3);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose1));
	assert_non_null(strstr(a->body, prose2));
	assert_non_null(strstr(a->body, prose3));
	article_free(a);
}

static void
test_deep_nesting(void **state)
{
	struct buf b = { 0 };
	struct nw_article *a;

	(void)state;
	buf_puts(&b, "<html><body>");
	for (int i = 0; i < 100000; i++)
		buf_puts(&b, "<div>");
	buf_printf(&b, "<p>%s</p>", prose1);
	for (int i = 0; i < 100000; i++)
		buf_puts(&b, "</div>");
	buf_puts(&b, "</body></html>");
	a = extract(b.p, NULL);
	article_free(a);
	/* and inline elements, which the parser does not close */
	b.len = 0;
	buf_puts(&b, "<html><body><p>");
	for (int i = 0; i < 100000; i++)
		buf_puts(&b, "<b><i>");
	buf_printf(&b, "%s</p></body></html>", prose2);
	a = extract(b.p, NULL);
	article_free(a);
	buf_free(&b);
}

/* Ruby annotations (<rt>, <rp>) are the reading printed over the base
 * text, as NHK's news in easy Japanese prints kana over every kanji:
 * the body holds the base text alone. */
static void
test_ruby_annotations(void **state)
{
	struct nw_article *a;

	(void)state;
	a = extract_body("<div id=js-article-body class=article-main__body>"
	    "<p><ruby>子<rt>こ</rt></ruby>どもへの<ruby>虐待<rt>ぎゃくたい"
	    "</rt></ruby>をなくすための<ruby>法律<rt>ほうりつ</rt></ruby>が"
	    "できて、<ruby>親<rp>(</rp><rt>おや</rt><rp>)</rp></ruby>が"
	    "<ruby>子<rt>こ</rt></ruby>どもを<ruby>教育<rt>きょういく</rt>"
	    "</ruby>するために、たたいたり<ruby>蹴<rt>け</rt></ruby>ったり"
	    "する<ruby>体罰<rt>たいばつ</rt></ruby>を<ruby>禁止<rt>きんし"
	    "</rt></ruby>することになりました。</p>"
	    "<p><ruby>最近<rt>さいきん</rt></ruby>、<ruby>親<rt>おや</rt>"
	    "</ruby>に<ruby>虐待<rt>ぎゃくたい</rt></ruby>された<ruby>子"
	    "<rt>こ</rt></ruby>どもを<ruby>児童相談所<rt>じどうそうだんじょ"
	    "</rt></ruby>が<ruby>守<rt>まも</rt></ruby>ることができなかった"
	    "ことが<ruby>何度<rt>なんど</rt></ruby>もありました。</p>"
	    "<p><ruby>法律<rt>ほうりつ</rt></ruby>では、<ruby>虐待<rt>"
	    "ぎゃくたい</rt></ruby>をした<ruby>親<rt>おや</rt></ruby>に"
	    "<ruby>専門家<rt>せんもんか</rt></ruby>が<ruby>子<rt>こ</rt>"
	    "</ruby>どもの<ruby>育<rt>そだ</rt></ruby>て<ruby>方<rt>かた"
	    "</rt></ruby>を<ruby>教<rt>おし</rt></ruby>えることも"
	    "<ruby>決<rt>き</rt></ruby>めました。</p></div>");
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, "子どもへの虐待をなくすための法律が"
	    "できて、親が子どもを教育するために、"));
	assert_non_null(strstr(a->body, "専門家が子どもの育て方を教える"));
	assert_null(strstr(a->body, "ぎゃくたい"));
	assert_null(strstr(a->body, "(おや)"));
	article_free(a);
}

/* A feed of teasers under the article, each an <article> of its own with
 * a linked headline and a sentence of description (Digg's story pages):
 * the winner does not climb out of its <article> for their prose. */
static void
test_teaser_feed_not_climbed_into(void **state)
{
	static const char *const blurbs[] = {
		"Scandinavia's Sami have been herding reindeer for "
		"generations. Then the miners arrived, and the Sami became "
		"protesters.",
		"Dozens of bushfires are spreading across Australia, burning "
		"across more than two million acres of forest and farmland.",
		"The United States Senate unanimously passed a bill on Tuesday "
		"that would require an annual review of the city's status.",
		"Almost half of America's engineers have operated a train that "
		"killed someone on the tracks, and many suffer nightmares.",
	};
	struct buf b = { 0 };
	struct nw_article *a;

	(void)state;
	buf_printf(&b, "<section role=main><section><article "
	    "class=\"single-story\"><header><h1>The bridge vote</h1></header>"
	    "<div class=content><p>%s</p><p>%s</p><p>%s</p></div></article>"
	    "</section></section><section role=main><section class=wrapper>",
	    prose1, prose2, prose3);
	for (size_t i = 0; i < sizeof(blurbs) / sizeof(blurbs[0]); i++)
		buf_printf(&b, "<article class=fp-vertical-story><div "
		    "class=grid><div class=\"col col--1-of-3\"><header><h1>"
		    "<a href=\"/story/%zu\">Story %zu</a></h1><div "
		    "class=metadata><a>"
		    "example.org</a></div></header><div class=description><p>"
		    "%s</p></div></div></div></article>", i, i, blurbs[i]);
	buf_puts(&b, "</section></section>");
	a = extract_body("%s", b.p);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose1));
	assert_non_null(strstr(a->body, prose3));
	assert_null(strstr(a->body, "Sami"));
	assert_null(strstr(a->body, "engineers"));
	article_free(a);
	buf_free(&b);
}

/* A wire story's dateline opens its first paragraph, marked up as the
 * Japan Times does: the class "dateline" is the article's text, not
 * boilerplate. */
static void
test_dateline_kept(void **state)
{
	struct nw_article *a;

	(void)state;
	a = extract_body("<div class=entry id=jtarticle><p><span "
	    "class=dateline>KOBE &#8211; </span>A total of 6,000 surgical "
	    "masks have been lost at a hospital in Kobe, it was learned "
	    "Tuesday. The police are investigating the incident as a case "
	    "of theft.</p><p>%s</p><p>%s</p></div>", prose1, prose2);
	assert_non_null(a->body);
	assert_true(strncmp(a->body, "KOBE \xe2\x80\x93 A total of 6,000",
	    strlen("KOBE \xe2\x80\x93 A total of 6,000")) == 0);
	article_free(a);
}

/* itemprop=text is schema.org's text of any creative work (a page
 * builder's every text block, a comment, a review), not the article's
 * body: the page builder's columns of one article, its history and its
 * facts (denkmalpraxismoderne.de), stay together. */
static void
test_itemprop_text_no_body(void **state)
{
	static const char facts[] =
	    "<p><strong>Auftraggeber</strong><br>Freie Universit\xc3\xa4t "
	    "Berlin, Land Berlin<br>Die Errichtung erfolgte aus "
	    "Spendenmitteln der Regierung der USA.</p><p><strong>Architekten"
	    "</strong><br>Hermann Fehling, Daniel Gogel, Peter Pfankuch "
	    "(erster und zweiter Bauabschnitt)</p><p><strong>Au\xc3\x9f" "en"
	    "anlagen</strong><br>Hermann Mattern</p><p><strong>Konstruktion"
	    "</strong><br>Ziegelmauerwerk, Stahlbetondecken</p><p><strong>"
	    "Nutzfl\xc3\xa4" "che</strong><br>550 Wohneinheiten im Denkmal "
	    "nach abgeschlossener Sanierung</p>";
	struct nw_article *a;

	(void)state;
	a = extract_body("<main role=main class=\"template-page content\">"
	    "<div class=post-entry><div class=entry-content-wrapper><section "
	    "class=av_textblock_section itemprop=blogPost><div "
	    "class=avia_textblock itemprop=text><h1>Studentendorf</h1></div>"
	    "</section><div class=\"flex_column av_two_third\"><section "
	    "class=av_textblock_section itemprop=blogPost><div "
	    "class=avia_textblock itemprop=text><p>%s</p><p>%s</p><p>%s</p>"
	    "<p>%s</p></div></section></div><div class=\"flex_column "
	    "av_one_third\"><section class=av_textblock_section "
	    "itemprop=blogPost><div class=avia_textblock itemprop=text>%s"
	    "</div></section></div></div></div></main>", prose1, prose2,
	    prose3, prose1, facts);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose3));
	assert_non_null(strstr(a->body, "Freie Universit\xc3\xa4t Berlin"));
	article_free(a);
}

/* Cards of related stories nested in the article as <article>s of their
 * own (La Republica's "Notas relacionadas": a linked headline, a date, a
 * sentence of blurb): their blurbs are not the story. The teaser cards
 * catch them (a rule of nested <article>s did too, and decided no page
 * of the corpora beside them: removed in round 11). */
static void
test_nested_articles_skipped(void **state)
{
	static const char card[] =
	    "<article><figure><a href=\"/n/%d\"><img src=\"/i/%d.jpg\">"
	    "</a></figure><a href=\"/n/%d\"><h2>Hackers ofrecen descuento "
	    "al Gobierno</h2></a><p class=fecha>Jueves 21 abril, 2022</p>"
	    "<p>Sin embargo, la ministra de la Presidencia dijo ayer en "
	    "conferencia de prensa que no estamos dispuestos a ninguna "
	    "extorsi\xc3\xb3n ni recompensa, card %d.</p></article>";
	struct buf b = { 0 };
	struct nw_article *a;

	(void)state;
	buf_printf(&b, "<article class=nota><h1>The bridge vote</h1><div "
	    "class=\"is-size-4 article\"><p>%s</p><p>%s</p><p>%s</p><p>%s"
	    "</p><section><h2>NOTAS RELACIONADAS</h2><div class=columns>",
	    prose1, prose2, prose3, prose1);
	for (int i = 0; i < 2; i++)
		buf_printf(&b, card, i, i, i, i);
	buf_puts(&b, "</div></section></div></article><div class=rail><p>"
	    "Edici\xc3\xb3n impresa del d\xc3\xad" "a, con todas las secciones "
	    "y suplementos. Consulte el archivo de ediciones anteriores."
	    "</p></div>");
	a = extract_body("%s", b.p);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose3));
	assert_null(strstr(a->body, "Sin embargo"));
	assert_null(strstr(a->body, "NOTAS RELACIONADAS"));
	article_free(a);
	buf_free(&b);
}

/* TYPO3's news detail: the plugin's frame is classed "frame-type-list",
 * the standfirst "teaser-text", both weak signs of boilerplate by name.
 * They no longer cost a container its score: the standfirst, the
 * article's own opening, is written with the body it stands beside. */
static void
test_weak_signs_cost_nothing(void **state)
{
	static const char standfirst[] =
	    "The harbour bridge will be rebuilt: the council ended a decade "
	    "of dispute on Tuesday and found the money for it.";
	struct nw_article *a;

	(void)state;
	a = extract_body("<section><div class=container><div id=c6 "
	    "class=\"frame frame-default frame-type-list frame-layout-0\">"
	    "<div class=\"news news-single\"><div class=article><h1>The "
	    "bridge vote</h1><div class=row><div class=col><div "
	    "class=teaser-text><p>%s</p></div><div class=news-text-wrap "
	    "itemprop=articleBody><p>%s</p><p>%s</p><p>%s</p></div></div>"
	    "</div></div></div></div></div></section><footer><p>Copyright "
	    "the town, all rights reserved.</p></footer>", standfirst,
	    prose1, prose2, prose3);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, standfirst));
	assert_non_null(strstr(a->body, prose3));
	assert_null(strstr(a->body, "Copyright"));
	article_free(a);
}

/* A page whose prose is split over modules between link lists is
 * written whole and filtered paragraph by paragraph; a heading there is
 * judged as any short line, by its neighbours: "Kontakt" over an
 * address opens no prose. */
static void
test_fallback_heading_judged(void **state)
{
	static const char links[] =
	    "<ul><li><a href=\"/a\">Harbour news and more from the town</a>"
	    "</li><li><a href=\"/b\">Sports results of the weekend games</a>"
	    "</li><li><a href=\"/c\">Weather for the coast this week</a></li>"
	    "<li><a href=\"/d\">Letters to the editor on the bridge</a></li>"
	    "</ul>";
	struct nw_article *a;

	(void)state;
	a = extract_body("<div class=x1><div><p>%s</p></div>%s</div><div "
	    "class=x2>%s<div><p>%s</p></div></div><div class=x3><div><h3>"
	    "Kontakt</h3><p>Hafenstrasse 12, 24103 Kiel, Telefon 0431</p>"
	    "</div><div><p>%s</p></div>%s</div>", prose1, links, links,
	    prose2, prose3, links);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose1));
	assert_non_null(strstr(a->body, prose2));
	assert_non_null(strstr(a->body, prose3));
	assert_null(strstr(a->body, "Harbour news"));
	assert_null(strstr(a->body, "Kontakt"));
	article_free(a);
}

/* A paragraph that links a long clause of its sentence (BBC's "... but
 * was <a>re-opened earlier this year following his eviction from the
 * embassy</a>.") is prose; a label and its link ("Read more: <a>...</a>")
 * is not. */
static void
test_linked_clause_kept(void **state)
{
	static const char clause[] =
	    "<p>The Swedish investigation had been shelved in 2017 but was "
	    "<a href=\"/news/48253343\">re-opened earlier this year following "
	    "his eviction from the embassy</a>.</p>";
	struct nw_article *a;

	(void)state;
	a = extract_body("<div class=story-body><p>%s</p><p>%s</p>%s"
	    "<p>Read more: <a href=\"/news/1\">Who is the man behind the "
	    "bridge and what will it cost the town</a></p><p>%s</p></div>",
	    prose1, prose2, clause, prose3);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, "The Swedish investigation had been "
	    "shelved in 2017 but was re-opened earlier this year"));
	assert_non_null(strstr(a->body, prose3));
	assert_null(strstr(a->body, "Who is the man"));
	article_free(a);
}

/* The edges of the article drop link lines, not sentences that link:
 * Live Science's last paragraph links the journal's name, and stays;
 * the line after it, a link and a label, goes. */
static void
test_linked_sentence_at_the_end(void **state)
{
	struct nw_article *a;

	(void)state;
	a = extract_body("<div class=story><p>%s</p><p>%s</p><p>%s</p><p>"
	    "The findings of the two doctors were published today (Nov. 18) "
	    "in <a href=\"/j\">the journal BMJ Case Reports and its online "
	    "supplement of November</a>.</p><p>More: <a href=\"/t\">"
	    "Ten strange medical cases of the year</a></p></div>", prose1,
	    prose2, prose3);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, "were published today (Nov. 18) in "
	    "the journal BMJ Case Reports and its online supplement"));
	assert_null(strstr(a->body, "strange medical"));
	article_free(a);
}

/* A web address the writer wrote out as a line of the text (a
 * petition's, under "sign this petition:") is the text's, however short
 * and wholly linked: no teaser's title (a teaser is titled in words), no
 * link box, no link line at the text's end; the "More:" line after it
 * still goes. */
static void
test_address_line_kept(void **state)
{
	struct nw_article *a;

	(void)state;
	a = extract_body("<div class=story><p>%s</p><p>%s</p><p>%s Sign "
	    "this petition, please:</p><p><a href=\"http://petition.example."
	    "org/p/42\">http://petition.example.org/p/42-against-the-tariff"
	    "</a></p><p>More: <a href=\"/t\">Ten strange medical cases of "
	    "the year</a></p></div>", prose1, prose2, prose3);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body,
	    "http://petition.example.org/p/42-against-the-tariff"));
	assert_null(strstr(a->body, "strange medical"));
	article_free(a);
	/* the address in a box of its own (another CMS's markup) */
	a = extract_body("<div class=story><p>%s</p><p>%s</p><p>%s The "
	    "glossary grows every week:</p><div><a href=\"http://www."
	    "example.org/glossary\">www.example.org/glossary</a></div></div>",
	    prose1, prose2, prose3);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, "www.example.org/glossary"));
	article_free(a);
}

/* Teaser cards of other stories after the article, in its container: a
 * title wholly a link (a heading, or a box of its own text) and a blurb
 * of a line. They are skipped whatever their markup (the "Next story"
 * rows of autoindustriya, the "most popular" boxes of vse-diety); a
 * linked heading of the article itself, with the article's text around
 * it, costs only the heading. */
static void
test_teaser_cards_skipped(void **state)
{
	static const char row[] =
	    "<div class=row><div class=img><a href=\"/n/%d\"><img "
	    "src=\"/i/%d.jpg\"></a></div><div class=desc><a href=\"/n/%d\">"
	    "<h5>Audi's electric crossover makes its debut %d</h5></a><p>The "
	    "second electric vehicle of the brand officially debuts</p>"
	    "<span>2019-11-20 14:35</span></div></div>";
	static const char box[] =
	    "<div class=tumb><div class=title><a href=\"/d/%d\">Protein diet "
	    "%d</a></div><div class=txt>A popular diet for an active life: up "
	    "to ten kilograms in fourteen days.</div></div>";
	struct buf b = { 0 };
	struct nw_article *a;

	(void)state;
	buf_printf(&b, "<div class=page><div class=main><h1>The bridge vote"
	    "</h1><p>%s</p><h2><a href=\"/dossier\">The harbour dossier</a>"
	    "</h2><p>%s</p><p>%s</p>", prose1, prose2, prose3);
	for (int i = 0; i < 2; i++)
		buf_printf(&b, row, i, i, i, i);
	for (int i = 0; i < 3; i++)
		buf_printf(&b, box, i, i);
	buf_puts(&b, "</div></div>");
	a = extract_body("%s", b.p);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose1));
	assert_non_null(strstr(a->body, prose2));
	assert_non_null(strstr(a->body, prose3));
	assert_null(strstr(a->body, "officially debuts"));
	assert_null(strstr(a->body, "crossover"));
	assert_null(strstr(a->body, "popular diet"));
	assert_null(strstr(a->body, "Protein"));
	article_free(a);
	buf_free(&b);
}

/* A pitch after the text, a heading, a few lines and a button, where
 * the text's paragraphs are <div>s in boxes of their own (another
 * CMS's markup, laprensagrafica's "UN PUBLICO INFORMADO ... Hagase
 * miembro ahora" under the cms form), is left out as under <p>s; a
 * section of the text in the same markup, its heading of the tag of
 * the sections' before it, closing with a link of a line, stays
 * (fisch-hitparade's last section and its link to the forum). */
static void
test_pitch_after_div_paras(void **state)
{
	struct buf b = { 0 };
	struct nw_article *a;

	(void)state;
	buf_printf(&b, "<div class=page><div class=main><h1>The bridge vote"
	    "</h1><div><div>%s</div></div><div><div>%s</div></div>"
	    "<div><div>%s</div></div>", prose1, prose2, prose3);
	buf_puts(&b, "<div><div><h2>AN INFORMED PUBLIC DECIDES BETTER"
	    "</h2></div><div><div>We have made journalism for a century, "
	    "and now it matters more than ever.</div></div><a "
	    "href=\"https://members.example/\">Become a member</a></div>");
	buf_puts(&b, "</div></div>");
	a = extract_body("%s", b.p);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose3));
	assert_null(strstr(a->body, "journalism for a century"));
	article_free(a);
	buf_free(&b);
	buf_printf(&b, "<div class=page><div class=main><h1>The bridge vote"
	    "</h1><div><div>%s</div></div><div><h2>Who pays the toll?</h2>"
	    "</div><div><div>%s</div></div><div><div>%s</div></div>",
	    prose1, prose2, prose3);
	buf_puts(&b, "<div><div><h2>Must drivers retake the test?</h2></div>"
	    "<div><div>Minor offences are fined, and from the next level "
	    "on a driver loses the licence for months.</div></div><a "
	    "href=\"/forum/toll\">The toll in our forum</a></div>");
	buf_puts(&b, "</div></div>");
	a = extract_body("%s", b.p);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose3));
	assert_non_null(strstr(a->body, "Minor offences are fined"));
	article_free(a);
	buf_free(&b);
}

/* After the last long paragraph, a line of 25 to 70 characters that ends
 * no sentence is a note under the text (a credit, a contact, a call to
 * action) and goes; a short sentence stays, and so do list items and a
 * run of four or more such lines (results, dates, specifications). */
static void
test_tail_notes_dropped(void **state)
{
	struct nw_article *a;

	(void)state;
	a = extract_body("<div class=story><p>%s</p><p>%s</p><p>%s</p>"
	    "<ul><li>Bridge length in metres 240 and more</li>"
	    "<li>Cost in euros four million or so</li></ul>"
	    "<p>The concerts of the opening week are these.</p>"
	    "<p>02.11.2022 - Placebo - Stadthalle Nord</p>"
	    "<p>03.11.2022 - Grandbrothers - Flex Club</p>"
	    "<p>05.11.2022 - Chris de Burgh - Stadthalle</p>"
	    "<p>07.11.2022 - Nation of Language - Fluc</p>"
	    "<p>The council meets again on Friday.</p>"
	    "<p>Text: Kirsten Freund / harbour-news.example</p>"
	    "<p>Help us spread the word to readers everywhere</p></div>",
	    prose1, prose2, prose3);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose3));
	assert_non_null(strstr(a->body, "meets again on Friday."));
	assert_null(strstr(a->body, "Kirsten Freund"));
	assert_null(strstr(a->body, "spread the word"));
	assert_non_null(strstr(a->body, "Bridge length"));
	assert_non_null(strstr(a->body, "Cost in euros"));
	assert_non_null(strstr(a->body, "Placebo"));
	assert_non_null(strstr(a->body, "Nation of Language"));
	article_free(a);
}

/* A block of prose before the winner, beside it, is the article's lead,
 * whatever its score: class names that would have raised it are nobody's
 * vocabulary (here, none), nor those of the share links beside it (under
 * a third of its text). The page's standfirst (its description, the
 * subtitle) stays out of the body, where it is the only prose of its
 * block. */
static void
test_lead_before_body(void **state)
{
	static const char lead[] =
	    "Lead: the town decided on Tuesday night what it had argued about "
	    "for more than ten years and nobody expected it";
	static const char sub[] =
	    "The harbour bridge will be rebuilt after a decade of dispute in "
	    "the town council and the courts of the region";
	static const char meta[] = "<meta name=\"description\" content=\""
	    "The harbour bridge will be rebuilt after a decade of dispute in "
	    "the town council and the courts of the region\">";
	struct buf b = { 0 };
	struct nw_article *a;
	char *html;

	(void)state;
	buf_printf(&b, "<div class=q1><div class=q2><h1>The bridge vote"
	    "</h1></div><div class=q5><p>%s</p></div><div class=q3><p>%s</p>"
	    "<ul><li><a href=/s>Share on Facebook</a></li><li><a href=/t>"
	    "Tweet</a></li><li><a href=/m>E-mail</a></li><li><a href=/p>"
	    "Print</a></li></ul></div><div class=q4><p>%s</p><p>%s</p>"
	    "<p>%s</p></div></div>", sub, lead, prose1, prose2, prose3);
	html = page(meta, b.p);
	a = extract(html, NULL);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose1));
	assert_non_null(strstr(a->body, prose3));
	assert_non_null(strstr(a->body, lead));
	assert_true(strstr(a->body, lead) < strstr(a->body, prose1));
	assert_non_null(a->subtitle);
	assert_null(strstr(a->body, sub));
	article_free(a);
	free(html);
	buf_free(&b);
}

/* A caption written without <figure>: a box of a picture and, beside it,
 * a line of text (and a credit), or both short lines in one box. It
 * stays out of the body, whatever its length, as does the credit; a box
 * of a picture and a heading with its paragraph, or two paragraphs one
 * of which is prose, is content. */
static void
test_captions_outside_figure(void **state)
{
	struct nw_article *a;

	(void)state;
	a = extract_body("<div class=q1><h1>The bridge vote</h1><p>%s</p>"
	    "<div class=q2><div class=q3><img src=\"/i/1.jpg\"></div>"
	    "<div class=q4>In this Tuesday, Nov. 12 photo, fishermen gather "
	    "outside the town hall, waiting for the council's decision."
	    "</div><span class=q5>Jane Doe/Harbour Agency</span></div>"
	    "<p>%s</p><div class=q6><div class=q7><img src=\"/i/2.jpg\">"
	    "</div><div class=q8><h3>Step two</h3><p>The old span is taken "
	    "down piece by piece.</p></div></div><div class=q9><img "
	    "src=\"/i/3.jpg\"><div class=q10><p>The ferry runs twice an "
	    "hour.</p><p>It stops at midnight, and on Sundays it does not "
	    "run at all, as the port of the town is closed.</p></div></div>"
	    "<p>%s</p><div class=q11><img src=\"/i/4.jpg\"><div class=q12>"
	    "<p>Above: "
	    "the old span at dawn.</p><div class=q13>Image Credit: Jane Roe"
	    "</div></div></div><p>%s</p></div>",
	    prose1, prose2, prose3, prose1);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose1));
	assert_non_null(strstr(a->body, prose2));
	assert_non_null(strstr(a->body, prose3));
	assert_null(strstr(a->body, "fishermen gather"));
	assert_null(strstr(a->body, "Harbour Agency"));
	assert_non_null(strstr(a->body, "piece by piece"));
	assert_non_null(strstr(a->body, "twice an hour"));
	assert_null(strstr(a->body, "old span at dawn"));
	assert_null(strstr(a->body, "Jane Roe"));
	assert_true(a->n_images >= 1);
	article_free(a);
}

/* A picture whose part holds its credit too ("Image copyright EPA" laid
 * over it, as the BBC writes it) and a caption beside it, in <div>s and
 * <span>s without names: both lines stay out of the body, and the
 * picture is collected. */
static void
test_caption_with_credit_over_picture(void **state)
{
	struct nw_article *a;

	(void)state;
	a = extract_body("<div><div><div>%s</div></div><div><div><span>"
	    "<img src=\"/i/1.jpg\"><span>Image copyright</span> <span>EPA"
	    "</span></span><div><div><span>Image caption</span> Fishermen "
	    "gather outside the town hall on Tuesday</div></div></div></div>"
	    "<div><div>%s</div></div><div><div>%s</div></div></div>", prose1,
	    prose2, prose3);
	assert_non_null(a->body);
	assert_true(strstr(a->body, prose1) != NULL &&
	    strstr(a->body, prose3) != NULL);
	assert_true(strstr(a->body, "Image copyright") == NULL &&
	    strstr(a->body, "Fishermen gather") == NULL);
	assert_int_equal(a->n_images, 1);
	article_free(a);
}

/* A breadcrumb trail that ends in the headline ("Home Sport News
 * <title>"), its other words links, is no paragraph of the body. */
static void
test_breadcrumb_with_headline(void **state)
{
	struct buf b = { 0 };
	struct nw_article *a;
	char *html;

	(void)state;
	buf_printf(&b, "<div><div><a href=/>Home</a><a href=/sport>SPORT "
	    "NEWS</a>BREAKING NEWS: the council votes to rebuild the harbour "
	    "bridge after a decade</div><div>%s</div><div>%s</div><div>%s"
	    "</div></div>", prose1, prose2, prose3);
	html = page("<title>BREAKING NEWS: the council votes to rebuild the "
	    "harbour bridge after a decade</title>", b.p);
	a = extract(html, NULL);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose1));
	assert_non_null(strstr(a->body, prose3));
	assert_null(strstr(a->body, "BREAKING"));
	article_free(a);
	free(html);
	buf_free(&b);
}

/* The headline written again over the text is no paragraph of it, also
 * when the title ends with the outlet's name after a separator. */
static void
test_headline_before_outlet(void **state)
{
	struct buf b = { 0 };
	struct nw_article *a;
	char *html;

	(void)state;
	buf_printf(&b, "<div><div><dl><dt>The council votes to rebuild the "
	    "harbour bridge</dt></dl><div>%s</div><div>%s</div><div>%s"
	    "</div></div></div>", prose1, prose2, prose3);
	html = page("<title>The council votes to rebuild the harbour bridge "
	    "- Harbour Times</title>", b.p);
	a = extract(html, NULL);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose1));
	assert_null(strstr(a->body, "votes to rebuild the harbour bridge"));
	article_free(a);
	free(html);
	buf_free(&b);
}

/* A gallery writes its caption twice in a row (the long and the short
 * form, for two screens) and the headline again: every copy goes,
 * whatever the names, and the gallery's counter with them; a paragraph
 * written twice apart (an interview's question) stays. */
static void
test_repeated_paragraphs(void **state)
{
	static const char cap[] = "In this Sunday, Nov. 10 photograph, a "
	    "long row of unsold cars sits at a dealership in Littleton.";
	static const char ask[] = "What do you cook at home, and is there a "
	    "dish you would never eat?";
	struct nw_article *a;

	(void)state;
	a = extract_body("<div class=q1><h1>Council votes to rebuild the "
	    "harbour bridge</h1><div class=q2><ul><li><div><img "
	    "src=\"/i/1.jpg\"></div><div class=q3><div><p>%s</p></div><div>"
	    "<p>%s</p></div></div></li></ul><div class=q4>Council votes to "
	    "rebuild the harbour bridge</div><div class=q5>1 / 9</div></div>"
	    "<p>%s</p><p>%s</p><p>%s</p><p>%s</p><p>%s</p></div>", cap, cap,
	    prose1, ask, prose2, ask, prose3);
	assert_non_null(a->body);
	assert_null(strstr(a->body, "unsold cars"));
	assert_null(strstr(a->body, "votes to rebuild"));
	assert_null(strstr(a->body, "1 / 9"));
	assert_non_null(strstr(a->body, prose1));
	assert_non_null(strstr(a->body, prose3));
	assert_non_null(strstr(strstr(a->body, ask) + 1, ask));
	article_free(a);
}

/* An <article> that wins is the article whole: the wrapper around it,
 * which adds a line of its own (a consent banner's greeting), is not
 * climbed to, whatever the names; nor is <body> by any winner, however
 * little it adds. */
static void
test_article_climbs_no_further(void **state)
{
	/* the <article> in a wrapper; a <div> right under <body> */
	static const char *const pages[] = {
		"<div class=q0><div class=q1><p>Welcome to our EU edition.</p>"
		"<a href=\"/eu\">Learn more</a></div><article class=q2><h1>The "
		"bridge vote</h1><p>%s</p><p>%s</p><p>%s</p><p>%s</p></article>"
		"</div>",
		"<h2>Welcome to our EU edition</h2><a href=\"/eu\">Learn more"
		"</a><div class=q1><div class=q2><p>%s</p><p>%s</p><p>%s</p>"
		"<p>%s</p></div></div>",
	};
	struct nw_article *a;

	(void)state;
	for (size_t i = 0; i < sizeof(pages) / sizeof(pages[0]); i++) {
		a = extract_body(pages[i], prose1, prose2, prose3, prose1);
		assert_non_null(a->body);
		assert_non_null(strstr(a->body, prose2));
		assert_null(strstr(a->body, "EU edition"));
		article_free(a);
	}
}

/* Another CMS's paragraphs: <div>s of text alone, each in a wrapper
 * <div> of its own, short lines among them; the box that holds them is
 * the article, not the wrapper of its longest paragraph. */
static void
test_div_paragraphs(void **state)
{
	struct nw_article *a;

	(void)state;
	a = extract_body("<div><div><a href=/>Home</a> <a href=/n>News</a>"
	    "</div></div><div><div><div><div>The bridge in numbers for the "
	    "whole town</div></div><div><div>Four million euros and two "
	    "years of work</div></div><div><div>%s</div></div><div><div>A "
	    "span of ninety metres across the harbour</div></div><div><div>"
	    "%s</div></div></div></div>", prose1, prose2);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose1));
	assert_non_null(strstr(a->body, prose2));
	assert_non_null(strstr(a->body, "ninety metres"));
	assert_null(strstr(a->body, "Home"));
	article_free(a);
}

/* A <div> paragraph's own wrapper is the paragraph: the box of all the
 * paragraphs (a line, a list, a long paragraph, a quote, a closing
 * line, each in a wrapper) wins, not the wrapper of the longest. */
static void
test_div_paragraph_wrappers(void **state)
{
	struct nw_article *a;

	(void)state;
	a = extract_body("<div><div><a href=/>Home</a> <a href=/n>News</a>"
	    "</div></div><div><div><div><div>The bridge can be paid for in "
	    "three ways</div></div><div><ul><li>a toll on cars</li><li>a "
	    "regional grant</li><li>a town bond</li><li>private sponsors"
	    "</li></ul></div><div><div>%s %s</div></div><div><blockquote>"
	    "<div><div>%s</div></div></blockquote></div><div><div>The vote "
	    "is final unless an appeal is lodged.</div></div></div></div>",
	    prose1, prose2, prose3);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose2));
	assert_non_null(strstr(a->body, prose3));
	assert_non_null(strstr(a->body, "a town bond"));
	assert_null(strstr(a->body, "Home"));
	article_free(a);
}

/* The winner climbs to a parent that adds prose and a list (the lines
 * of a list are the article's text as its paragraphs are). */
static void
test_climb_over_lists(void **state)
{
	static const char list[] = "<ul><li>a toll on cars and vans</li>"
	    "<li>a regional grant for ports</li><li>a bond sold by the town"
	    "</li><li>private sponsors from the port</li><li>a fee paid by "
	    "the ferries</li><li>a loan from the national bank</li><li>a "
	    "levy on the fish market</li><li>a share of the parking fees"
	    "</li></ul>";
	struct nw_article *a;

	(void)state;
	a = extract_body("<div><a href=/>Home</a> <a href=/n>News</a></div>"
	    "<div><div><p>%s</p><p>%s</p><p>%s</p></div><p>The bridge "
	    "can be paid for in eight ways:</p>%s<div><p>%s</p></div><div>"
	    "<p>%s</p></div></div>", prose1, prose2, prose3, list, prose1,
	    prose2);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose3));
	assert_non_null(strstr(a->body, "a bond sold by the town"));
	assert_null(strstr(a->body, "Home"));
	article_free(a);
}

/* An endless page: stories stacked one after the other, each an
 * <article> with its own headline in a block of its own; the first is
 * the page's, though a later one is longer. Parts of one story, each in
 * an <article> without a headline, are no stacked stories. */
static void
test_first_of_stacked_stories(void **state)
{
	static const char later[] = "<div><article><header><h1>Ferry "
	    "fares rise</h1></header><p>%s %s</p><p>%s %s</p><p>%s %s</p>"
	    "<p>%s %s</p></article></div>";
	struct nw_article *a;
	char *fmt;
	struct buf b = { 0 };

	(void)state;
	buf_printf(&b, "<div><article><header><h1>Bridge to be rebuilt"
	    "</h1></header><p>Harbour works %%s</p><p>%%s</p></article>"
	    "</div>%s", later);
	fmt = buf_take(&b);
	a = extract_body(fmt, prose1, prose2, "Ferry 1", prose3, "Ferry 2",
	    prose3, "Ferry 3", prose3, "Ferry 4", prose3);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, "Harbour works"));
	assert_non_null(strstr(a->body, prose2));
	assert_null(strstr(a->body, "Ferry 2"));
	article_free(a);
	free(fmt);
	a = extract_body("<h1>Bridge to be rebuilt</h1><div><article><h2>"
	    "The vote</h2><p>%s</p></article></div><div><article><h2>The "
	    "plans</h2><p>%s %s</p><p>%s</p></article></div>", prose1,
	    prose2, prose3, prose1);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose3));
	article_free(a);
}

/* The same stories in <div>s (another CMS writes no <article>): the
 * first, whose headline is the page's title, is the page's; a block
 * with a headline of its own that is not the title (a notice to users
 * of an old browser) is no story of the page. */
static void
test_first_of_stacked_div_stories(void **state)
{
	static const char body[] = "<div><div><h1>%s</h1></div><div><div>"
	    "Harbour works %s</div><div>%s</div></div></div><div><div><h1>"
	    "Ferry fares rise</h1></div><div><div>Ferry 1 %s</div><div>"
	    "Ferry 2 %s</div><div>Ferry 3 %s</div><div>Ferry 4 %s</div>"
	    "</div></div>";
	struct nw_article *a;
	struct buf b = { 0 };
	char *html;

	(void)state;
	buf_printf(&b, body, "Bridge to be rebuilt", prose1, prose2, prose3,
	    prose3, prose3, prose3);
	html = page("<title>Bridge to be rebuilt</title>", b.p);
	a = extract(html, NULL);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, "Harbour works"));
	assert_null(strstr(a->body, "Ferry 2"));
	article_free(a);
	free(html);
	html = page("<title>Ferry fares rise</title>", b.p);
	a = extract(html, NULL);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, "Ferry 2"));
	article_free(a);
	free(html);
	buf_free(&b);
}

/* A notice before the article with a headline of its own that is not
 * the page's title (an old browser's, with prose of its own) is not
 * merged into the article whose headline is the title. */
static void
test_notice_sibling_headline(void **state)
{
	static const char body[] = "<div><h1>Dear handball fans,</h1><p>"
	    "Notice %s</p><p>Regards, your team.</p></div><main><div><h1>"
	    "Bridge to be rebuilt</h1><p>Works start in March.</p></div>"
	    "<p>%s</p><p>%s</p><p>%s</p></main>";
	struct nw_article *a;
	struct buf b = { 0 };
	char *html;

	(void)state;
	buf_printf(&b, body, prose2, prose1, prose3, prose1);
	html = page("<title>Bridge to be rebuilt</title>", b.p);
	a = extract(html, NULL);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose3));
	assert_null(strstr(a->body, "Notice"));
	article_free(a);
	free(html);
	buf_free(&b);
}

/* A block hidden by its attributes (display:none, hidden, aria-hidden)
 * is pruned whatever share of the page it holds: a hidden copy of the
 * article's text for machines is not the article in a misnamed box. */
static void
test_hidden_copy_pruned(void **state)
{
	struct nw_article *a;

	(void)state;
	a = extract_body("<div><div>%s</div><div>%s</div><div>%s</div></div>"
	    "<div style=\"display:none\"><div>Harbour bridge</div><div>%s "
	    "%s %s</div></div>", prose1, prose2, prose3, prose1, prose2,
	    prose3);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose3));
	assert_null(strstr(a->body, "Harbour bridge"));
	assert_null(strstr(strstr(a->body, prose1) + 1, prose1));
	article_free(a);
}

/* A short line after the last paragraph of prose goes (a tag line, a
 * share label), but a signature stays: a name, no sentence, unlinked,
 * in the box of the text's paragraphs; a name alone is the author. */
static void
test_signature_kept(void **state)
{
	struct nw_article *a;

	(void)state;
	a = extract_body("<article><div><p>%s</p><p>%s</p><p>%s</p>"
	    "<p>x Franzi</p><p>Sharing is caring!</p></div>"
	    "<div><p>Kategorie: Reisen</p></div></article>",
	    prose1, prose2, prose3);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose3));
	assert_non_null(strstr(a->body, "x Franzi"));
	assert_null(strstr(a->body, "Sharing is caring"));
	assert_null(strstr(a->body, "Kategorie"));
	assert_int_equal(a->authors.n, 0);  /* "x Franzi" is no name */
	article_free(a);
	/* a name alone closing the text signs it: its author, where the
	 * page names none */
	a = extract_body("<article><h1>Buch der Woche</h1><p>%s</p><p>%s</p>"
	    "<p>%s</p><p><strong>Marina Mucha</strong></p></article>",
	    prose1, prose2, prose3);
	assert_int_equal(a->authors.n, 1);
	assert_string_equal(a->authors.v[0], "Marina Mucha");
	article_free(a);
	/* but names alone in several paragraphs are a thread's
	 * commenters */
	a = extract_body("<article><h1>Buch der Woche</h1><p>%s</p><p>%s</p>"
	    "<p>Sam Watt</p><p>%s</p><p>Gocht Guerrero</p></article>",
	    prose1, prose2, prose3);
	assert_int_equal(a->authors.n, 0);
	article_free(a);
	/* nor is a sign-off or a greeting, which opens with no given
	 * name */
	a = extract_body("<article><h1>Buch der Woche</h1><p>%s</p><p>%s</p>"
	    "<p>%s</p><p>Euer HansEhrlich</p></article>", prose1, prose2,
	    prose3);
	assert_int_equal(a->authors.n, 0);
	article_free(a);
}

/* A signature block closes a text as a name alone does: the name over
 * its role, a telephone or a line of reference, short lines that end
 * no sentence (ekiba's press officer, bewusster-leben's guest author).
 * It signs the text where the page names no author, or names one only
 * in a field no reader sees (WordPress's <meta name=author> of the
 * site's owner); an author the page prints stays. */
static void
test_signature_block(void **state)
{
	static const char role[] = "<p>Alexandra Weber<br>Stellvertretende "
	    "Pressesprecherin<br>Tel. 0721 9175 0</p>";
	static const char book[] = "<p>Claudia Duwe</p><p>Zum Weiterlesen: "
	    "Claudia Duwe, Der Zukunft wieder vertrauen, Patmos Verlag</p>";
	static const char head[] =
	    "<meta name=\"author\" content=\"Winfried Hille\">";
	struct nw_article *a;
	struct buf b = { 0 };
	char *html;

	(void)state;
	a = extract_body("<article><h1>Trauern digital</h1><p>%s</p><p>%s</p>"
	    "<p>%s</p>%s</article>", prose1, prose2, prose3, role);
	assert_int_equal(a->authors.n, 1);
	assert_string_equal(a->authors.v[0], "Alexandra Weber");
	article_free(a);
	for (int i = 0; i < 3; i++) {
		b.len = 0;
		buf_printf(&b, "<article><h1>Hope</h1>%s<p>%s</p><p>%s</p>"
		    "<p>%s</p>%s</article>", i == 1 ? "<p class=by>Von "
		    "Winfried Hille</p>" : "", prose1, prose2, prose3,
		    i == 2 ? "<p>Claudia Duwe</p><p>Sie schreibt seit "
		    "Jahren über das Vertrauen.</p>" : book);
		html = page(head, b.p);
		a = extract(html, NULL);
		assert_int_equal(a->authors.n, 1);
		/* printed in a byline, the field's author stays; under a
		 * sentence, the name is no signature */
		assert_string_equal(a->authors.v[0], i == 0 ? "Claudia Duwe" :
		    "Winfried Hille");
		article_free(a);
		free(html);
	}
	buf_free(&b);
}

/* A line in bold that asks or calls announces what follows, as a
 * heading does: it goes before a block skipped and at the end of the
 * text; inside the text, before prose, it stays. */
static void
test_emphasis_label(void **state)
{
	struct nw_article *a;

	(void)state;
	a = extract_body("<article><p>%s</p><p><strong>Why now?</strong>"
	    "</p><p>%s</p><p><strong>Schon gelesen?</strong></p>"
	    "<blockquote><p><a href=/a>The harbour bridge of the next town "
	    "over is closed for repairs</a></p></blockquote><p>%s</p>"
	    "<p><strong>M\xc3\xb6" "chten Sie den Artikel teilen?</strong></p>"
	    "</article>", prose1, prose2, prose3);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose3));
	assert_non_null(strstr(a->body, "Why now?"));
	assert_null(strstr(a->body, "Schon gelesen"));
	assert_null(strstr(a->body, "Artikel teilen"));
	article_free(a);
	/* a label in capitals, before a block of links */
	a = extract_body("<article><p>%s</p><p>%s</p><p><strong>DON'T "
	    "MISS</strong></p><blockquote><p><a href=/a>The harbour bridge "
	    "of the next town over is closed</a></p></blockquote><p>%s</p>"
	    "</article>", prose1, prose2, prose3);
	assert_non_null(strstr(a->body, prose3));
	assert_null(strstr(a->body, "MISS"));
	article_free(a);
}

/* The paragraphs that end the text and name the outlet (the metadata's
 * publisher, as a word of its own) are its pitch: they go; inside the
 * text the name stays, and a longer word holding it is no name. */
static void
test_outlet_tail(void **state)
{
	static const char named[] = "Residents told the Harbour Times "
	    "that the bridge had been closed to lorries since the winter "
	    "storms of last year.";
	static const char pitch[] = "Join the Harbour Times forums to "
	    "keep talking about the bridge, and send us your tips.";
	struct nw_article *a;
	struct buf b = { 0 };
	char *html;

	(void)state;
	buf_printf(&b, "<article><p>%s</p><p>%s</p><p>%s</p><p>%s</p>"
	    "<p>%s</p></article>", prose1, named, prose2, prose3, pitch);
	html = page("<meta property=og:site_name content=\"Harbour "
	    "Times\">", b.p);
	a = extract(html, NULL);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, named));
	assert_non_null(strstr(a->body, prose3));
	assert_null(strstr(a->body, "forums"));
	article_free(a);
	free(html);
	html = page("<meta property=og:site_name content=\"Harbo\">",
	    b.p);
	a = extract(html, NULL);
	assert_non_null(strstr(a->body, "forums"));
	article_free(a);
	free(html);
	buf_free(&b);
	/* its account, a handle that opens with its name, names it too;
	 * a name of three letters is one, of two none */
	buf_printf(&b, "<article><p>%s</p><p>%s</p><p>%s</p><p>Follow "
	    "@HTDeals on Twitter to keep up with the latest deals from "
	    "around the web.</p></article>", prose1, prose2, prose3);
	html = page("<meta property=og:site_name content=HTD>", b.p);
	a = extract(html, NULL);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose3));
	assert_null(strstr(a->body, "@HTDeals"));
	article_free(a);
	free(html);
	html = page("<meta property=og:site_name content=HT>", b.p);
	a = extract(html, NULL);
	assert_non_null(strstr(a->body, "@HTDeals"));
	article_free(a);
	free(html);
	/* as a word, three letters are the source a report quotes */
	b.len = 0;
	buf_printf(&b, "<article><p>%s</p><p>%s</p><p>%s</p><p>The "
	    "ministry did not answer, a spokesman told HTD on Monday "
	    "evening.</p></article>", prose1, prose2, prose3);
	html = page("<meta property=og:site_name content=HTD>", b.p);
	a = extract(html, NULL);
	assert_non_null(strstr(a->body, "told HTD"));
	article_free(a);
	free(html);
	buf_free(&b);
}

/* A quotation set in the text in a box named as furniture (Twitter's
 * embed in a "widget") is the text's: it stays; a widget of links
 * beside it goes, and so does one whose text is not all quoted. */
static void
test_quote_in_widget(void **state)
{
	struct nw_article *a;

	(void)state;
	a = extract_body("<article><p>%s</p><div class=\"article-widget\">"
	    "<blockquote class=twitter-tweet><p>Thank you for everything, "
	    "see you at the harbour again</p>- The Club (@club) "
	    "<a href=/s>May 2, 2019</a></blockquote></div><p>%s</p>"
	    "<div class=\"article-widget\"><p>Read the whole story of the "
	    "bridge and its builders</p><blockquote>Quoted words</blockquote>"
	    "</div><p>%s</p><div class=widget><blockquote><a href=/a>Other "
	    "stories of the harbour and the town</a></blockquote></div>"
	    "</article>", prose1, prose2, prose3);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, "see you at the harbour again"));
	assert_non_null(strstr(a->body, "(@club)"));
	assert_null(strstr(a->body, "whole story"));
	assert_null(strstr(a->body, "Other stories"));
	assert_non_null(strstr(a->body, prose3));
	article_free(a);
}

/* A box set after the text's paragraphs that opens with a heading and
 * closes with a short link outside a paragraph is a pitch: it goes. A
 * box of the same form with text after it, a box whose link sits in
 * its paragraph, or sections in boxes of their own stay. */
static void
test_pitch_box(void **state)
{
	static const char pitch[] = "<div><h2>Something to Consider</h2>"
	    "<p>If you enjoyed this article, we have a proposition for you: "
	    "join our members and read without limits.</p>"
	    "<a href=/join class=button>LEARN MORE</a></div>";
	struct nw_article *a;

	(void)state;
	a = extract_body("<article><p>%s</p><p>%s</p><p>%s</p>%s"
	    "</article>", prose1, prose2, prose3, pitch);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose3));
	assert_null(strstr(a->body, "proposition"));
	assert_null(strstr(a->body, "Something to Consider"));
	article_free(a);
	a = extract_body("<article><p>%s</p><p>%s</p>%s<p>%s</p>"
	    "</article>", prose1, prose2, pitch, prose3);
	assert_non_null(strstr(a->body, "proposition"));
	article_free(a);
	a = extract_body("<article><p>%s</p><p>%s</p><div><h2>Outlook</h2>"
	    "<p>%s <a href=/b>The plans</a></p></div></article>",
	    prose1, prose2, prose3);
	assert_non_null(strstr(a->body, "Outlook"));
	assert_non_null(strstr(a->body, prose3));
	article_free(a);
	a = extract_body("<article><div><p>%s</p></div><div><p>%s</p>"
	    "</div><div><h2>Outlook</h2><p>%s</p><a href=/b>The plans</a>"
	    "</div></article>", prose1, prose2, prose3);
	assert_non_null(strstr(a->body, "Outlook"));
	assert_non_null(strstr(a->body, prose3));
	article_free(a);
}

/* A box set after the text's paragraphs that opens with a picture, then
 * a blurb, and closes with a link of a line is a pitch too (a
 * magazine's issue and where to order it): it goes. A box of the same
 * form without the picture stays. */
static void
test_pitch_box_picture(void **state)
{
	static const char blurb[] = "What the hay is worth and how to store "
	    "it, read in our February issue. <a href=/shop>The issue can be "
	    "ordered here without shipping costs.</a></div>";
	struct nw_article *a;

	(void)state;
	a = extract_body("<article><p>%s</p><p>%s</p><p>%s</p><div><figure>"
	    "<img src=/c.jpg alt=\"\"></figure>%s</article>",
	    prose1, prose2, prose3, blurb);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose3));
	assert_null(strstr(a->body, "February issue"));
	article_free(a);
	a = extract_body("<article><p>%s</p><p>%s</p><p>%s</p><div>%s"
	    "</article>", prose1, prose2, prose3, blurb);
	assert_non_null(strstr(a->body, "February issue"));
	article_free(a);
}

/* A definition list of one label ending in a colon and one short value
 * is text like any other list (a verdict, an answer, a fact under its
 * label): written. Round 24 left such a pair out as a picture's credit
 * ("Фото: личный архив ..."), which paid on one page of one half. */
static void
test_label_pair_written(void **state)
{
	struct nw_article *a;

	(void)state;
	a = extract_body("<article><p>%s</p><dl><dt>Verdict:</dt><dd>guilty "
	    "on all three counts</dd></dl><p>%s</p><dl><dt>Span</dt><dd>120 "
	    "metres over the water</dd></dl><p>%s</p></article>", prose1,
	    prose2, prose3);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, "guilty on all three counts"));
	assert_non_null(strstr(a->body, "120 metres"));
	assert_non_null(strstr(a->body, prose3));
	article_free(a);
}

/* A box before the one that holds the page's headline is the page's,
 * not the text's, even when it reads as prose: a publisher's notice
 * over the headline ("... is supported by its audience. When you
 * purchase through links on our site, we may earn an affiliate
 * commission. Learn more"), in boxes of no class. */
static void
test_sibling_before_headline(void **state)
{
	struct nw_article *a;
	struct buf b = { 0 };

	(void)state;
	buf_printf(&b, "<div><div><div>Harbour News is supported by its "
	    "readers. When you buy through links on our site, we may earn a "
	    "commission. <a href=\"/terms\">Learn more</a></div></div>"
	    "<div><div><h1>Harbour bridge</h1></div><div><p>%s</p><p>%s</p>"
	    "<p>%s</p></div></div></div>", prose1, prose2, prose3);
	{
		char *html = page("<title>Harbour bridge</title>", b.p);

		a = extract(html, NULL);
		free(html);
	}
	buf_free(&b);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose1));
	assert_null(strstr(a->body, "supported by its readers"));
	article_free(a);
}

/* Inside the winner, what comes before the page's headline (an <h1>
 * that is the title) is the page's, not the text's: a notice, a kicker,
 * a trail. Before an <h1> that is not the title (the site's name), a
 * paragraph stays; so does a text over an <h1> that follows it, a later
 * box's. */
static void
test_over_headline_left_out(void **state)
{
	struct nw_article *a;
	struct buf b = { 0 };
	char *html;

	(void)state;
	buf_printf(&b, "<div><p>Notice</p><p>Your privacy is important to "
	    "us. We have updated our privacy policy to better explain how we "
	    "use data on this site. <a href=\"/privacy\">Read it here</a>"
	    "</p><h1>Harbour bridge</h1><p>%s</p><p>%s</p><p>%s</p></div>",
	    prose1, prose2, prose3);
	html = page("<title>Harbour bridge</title>", b.p);
	a = extract(html, NULL);
	free(html);
	buf_free(&b);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose1));
	assert_null(strstr(a->body, "privacy is important"));
	article_free(a);
	buf_printf(&b, "<div><p>Your privacy is important to us. We have "
	    "updated our privacy policy to better explain how we use data on "
	    "this site.</p><h1>Harbour Daily</h1><p>%s</p><p>%s</p><p>%s</p>"
	    "</div>", prose1, prose2, prose3);
	html = page("<title>Harbour bridge</title><meta property=\"og:title\" "
	    "content=\"Harbour bridge\"><meta property=\"og:site_name\" "
	    "content=\"Harbour Daily\">", b.p);
	a = extract(html, NULL);
	free(html);
	buf_free(&b);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, "privacy is important"));
	article_free(a);
	/* an <h1> under the text, a later box's: the text stays */
	buf_printf(&b, "<div><p>%s</p><p>%s</p><p>%s</p><h1>Harbour bridge"
	    "</h1><p>More from the harbour desk, a short line of the box.</p>"
	    "</div>", prose1, prose2, prose3);
	html = page("<title>Harbour bridge</title>", b.p);
	a = extract(html, NULL);
	free(html);
	buf_free(&b);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose1));
	article_free(a);
}

/* A line in capitals over the first paragraph of prose is a banner
 * ("GET BREAKING NEWS ..."): it goes; inside the text a line in
 * capitals stays, and so does a text in another script that names
 * acronyms. */
static void
test_shout_over_lede(void **state)
{
	struct nw_article *a;

	(void)state;
	a = extract_body("<article><p>GET BREAKING NEWS IN YOUR BROWSER. "
	    "CLICK HERE TO TURN ON NOTIFICATIONS.</p><p>X</p><p>%s</p>"
	    "<p>THE VOTE WAS CLOSE, AND THE HALL WAS FULL TO THE DOORS.</p>"
	    "<p>%s</p><p>%s</p></article>", prose1, prose2, prose3);
	assert_non_null(a->body);
	assert_true(strncmp(a->body, prose1, 20) == 0);
	assert_non_null(strstr(a->body, "THE VOTE WAS CLOSE"));
	article_free(a);
	a = extract_body("<article><p>\xd0\x92 NASA \xd0\xb8 ESA "
	    "\xd0\xb3\xd0\xbe\xd0\xb2\xd0\xbe\xd1\x80\xd1\x8f\xd1\x82, "
	    "\xd1\x87\xd1\x82\xd0\xbe \xd0\xbc\xd0\xbe\xd1\x81\xd1\x82 "
	    "\xd0\xb1\xd1\x83\xd0\xb4\xd0\xb5\xd1\x82 \xd0\xb3\xd0\xbe"
	    "\xd1\x82\xd0\xbe\xd0\xb2 \xd0\xb2 \xd0\xbc\xd0\xb0\xd0\xb5 "
	    "(NASA, ESA, JAXA)</p><p>%s</p><p>%s</p></article>",
	    prose1, prose2);
	assert_non_null(strstr(a->body, "NASA"));
	article_free(a);
}

/* A line of credits that ends the text ("Reporting by ...; Editing by
 * ...") goes, bracketed or not; a closing sentence with one role given
 * by a name stays, and so does a sentence that opens with one. */
static void
test_wire_credits(void **state)
{
	struct nw_article *a;

	(void)state;
	a = extract_body("<article><p>%s</p><p>%s</p><p>Reporting by Ann "
	    "Lee; Editing by Bo Chan</p></article>", prose1, prose2);
	assert_non_null(a->body);
	assert_null(strstr(a->body, "Editing by"));
	article_free(a);
	a = extract_body("<article><p>%s</p><p>%s</p><p>(Reporting by Ann "
	    "Lee, editing by Bo Chan.)</p></article>", prose1, prose2);
	assert_null(strstr(a->body, "editing by"));
	article_free(a);
	a = extract_body("<article><p>%s</p><p>%s</p><p>Reporting by the "
	    "local paper, first in May, raised the alarm.</p></article>",
	    prose1, prose2);
	assert_non_null(strstr(a->body, "raised the alarm"));
	article_free(a);
}

/* A short line that ends the text in a style none of the text's
 * paragraphs has is a note set apart (a credit line, a disclosure); the
 * same line in the text's style, or one of a run of four such lines, or
 * one that links, stays. */
/* A linked note in italics that opens the text is a disclosure and
 * goes; a lede in bold with a link, and a line in italics without one,
 * stay. */
static void
test_head_note_in_italics(void **state)
{
	static const char *const heads[] = {
		"<p><em>*Advertising. This post promotes <a href=\"/x\">"
		    "Brand X</a>.</em></p>",
		"<p><strong>The court resumes the trial of <a href=\"/k\">"
		    "Ken Lee</a> next week.</strong></p>",
		"<p><i>Average daily intake: 1694 calories.</i></p>",
	};
	static const char *const words[] = {
		"Advertising", "court resumes", "daily intake",
	};
	struct nw_article *a;

	(void)state;
	for (size_t i = 0; i < 3; i++) {
		a = extract_body("<article>%s<p>%s</p><p>%s</p><p>%s</p>"
		    "</article>", heads[i], prose1, prose2, prose3);
		assert_non_null(a->body);
		assert_non_null(strstr(a->body, prose1));
		if (i == 0)
			assert_null(strstr(a->body, words[i]));
		else
			assert_non_null(strstr(a->body, words[i]));
		article_free(a);
	}
}

static void
test_styled_note(void **state)
{
	static const char *const tails[] = {
		"<p class=\"note\">Ann Lee contributed reporting.</p>",
		"<div>We may earn a commission from links here.</div>",
	};
	struct nw_article *a;

	(void)state;
	for (size_t i = 0; i < 2; i++) {
		a = extract_body("<article><p class=\"t\">%s</p><p "
		    "class=\"t\">%s</p><p class=\"t\">%s</p>%s</article>",
		    prose1, prose2, prose3, tails[i]);
		assert_non_null(a->body);
		assert_non_null(strstr(a->body, prose3));
		assert_null(strstr(a->body, i == 0 ? "contributed" :
		    "commission"));
		article_free(a);
	}
	/* two paragraphs of prose make a style, and a note may be of
	 * three lines */
	a = extract_body("<article><p>%s</p><p>%s</p><div>Ann Lee "
	    "contributed reporting.</div><div>Bo Chan edited.</div><div>"
	    "Cy Lam took the photographs.</div></article>", prose1, prose2);
	assert_non_null(strstr(a->body, prose2));
	assert_null(strstr(a->body, "contributed"));
	assert_null(strstr(a->body, "photographs"));
	article_free(a);
	a = extract_body("<article><p class=\"t\">%s</p><p class=\"t\">"
	    "%s</p><p class=\"t\">%s</p><p class=\"t\">Ann Lee "
	    "contributed reporting.</p></article>", prose1, prose2, prose3);
	assert_non_null(strstr(a->body, "contributed"));
	article_free(a);
	a = extract_body("<article><p>%s</p><p>%s</p><p>%s</p><div>Twelve "
	    "votes for the new bridge.</div><div>Thirty votes against the "
	    "new bridge.</div><div>Four votes with no opinion at all.</div>"
	    "<div>Two votes for a ferry instead.</div></article>",
	    prose1, prose2, prose3);
	assert_non_null(strstr(a->body, "no opinion"));
	article_free(a);
	a = extract_body("<article><p>%s</p><p>%s</p><p>%s</p><p "
	    "class=\"f\">We may earn a commission. <a href=\"/a\">More."
	    "</a></p></article>", prose1, prose2, prose3);
	assert_non_null(strstr(a->body, "commission"));
	article_free(a);
}

/* A line over the text that the text says again, half its runs of
 * three words or more in a longer paragraph after it (a picture's
 * caption the lede tells in full), goes; a standfirst in words of its
 * own stays. */
static void
test_restated_opening(void **state)
{
	struct nw_article *a;

	(void)state;
	a = extract_body("<article><p><img src=\"/b.jpg\"></p><p>The "
	    "council voted to rebuild the old harbour bridge. By TOWN HALL"
	    "</p><p>%s</p><p>%s</p><p>%s</p></article>",
	    prose1, prose2, prose3);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose1));
	assert_null(strstr(a->body, "TOWN HALL"));
	article_free(a);
	a = extract_body("<article><p>A decade of quarrels ends with four "
	    "million euros and a span for the buses of the town.</p><p>%s"
	    "</p><p>%s</p><p>%s</p></article>", prose1, prose2, prose3);
	assert_non_null(strstr(a->body, "A decade of quarrels"));
	article_free(a);
}

/* The restated line's measure at its edge, where the search that
 * stops once the answer is sure must agree with counting every run:
 * three runs of six said again go ("The council voted on Tuesday and
 * Gray smiled"), three of seven stay. */
static void
test_restated_opening_edge(void **state)
{
	struct nw_article *a;

	(void)state;
	a = extract_body("<article><p>The council voted on Tuesday and "
	    "Gray smiled</p><p>%s</p><p>%s</p><p>%s</p></article>",
	    prose1, prose2, prose3);
	assert_non_null(strstr(a->body, prose1));
	assert_null(strstr(a->body, "Gray smiled"));
	article_free(a);
	a = extract_body("<article><p>The council voted on Tuesday and "
	    "Gray smiled here</p><p>%s</p><p>%s</p><p>%s</p></article>",
	    prose1, prose2, prose3);
	assert_non_null(strstr(a->body, "Gray smiled here"));
	article_free(a);
}

/* The restated line's runs are sought in the later paragraphs one by
 * one: a run that the end of one and the start of the next make only
 * when joined ("old harbour" + "bridge opens") is said in neither, so
 * two runs of seven said (one in each) keep the line. */
static void
test_restated_runs_within_paragraphs(void **state)
{
	struct nw_article *a;

	(void)state;
	a = extract_body("<article><p>The old harbour bridge opens to buses "
	    "next spring</p><p>For more than a decade the town argued over "
	    "the plan, and on Tuesday the council voted to set aside four "
	    "million euros for the works on The old harbour</p><p>"
	    "bridge opens to the cyclists of the town first, engineers said, "
	    "if the regional government approves the plans without further "
	    "changes.</p><p>%s</p></article>", prose3);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, "opens to buses next spring"));
	article_free(a);
}

/* A date line between the standfirst and the lede, its <aside> or its
 * class gone, is left out as the date lines over the standfirst are;
 * the same line in a table is data and stays. */
static void
test_lede_date_line(void **state)
{
	struct nw_article *a;

	(void)state;
	a = extract_body("<div><div><div>An interview with the engineer "
	    "who drew the bridge, and what the town will make of it, with an "
	    "extract from her notes.</div><div>Jun 18th 2018</div><div>%s"
	    "</div><div>%s</div><div>%s</div></div></div>",
	    prose1, prose2, prose3);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose1));
	assert_non_null(strstr(a->body, "An interview"));
	assert_null(strstr(a->body, "Jun 18th"));
	article_free(a);
	a = extract_body("<div><div><p>%s</p><table><tr><td>Jun 18th 2018"
	    "</td></tr><tr><td>Jul 2nd 2018</td></tr></table><p>%s</p><p>%s"
	    "</p></div></div>", prose1, prose2, prose3);
	assert_non_null(strstr(a->body, "Jun 18th 2018"));
	article_free(a);
}

/* A line right after a picture that says again the picture's
 * alternative text is its caption, whatever its markup (no
 * <figure>, no caption's class), a heading too: it stays out of the
 * text. A heading that says something else stays. */
static void
test_caption_tells_picture(void **state)
{
	struct nw_article *a;

	(void)state;
	a = extract_body("<article><div><div><img src=\"/b.jpg\" alt=\"The "
	    "crowd turns on its victim. Photo: J. Doe/Theatre\"></div><div>"
	    "The crowd turns on  its victim. Photo: J. Doe/Theatre</div></div>"
	    "<div>%s</div><div>%s</div><div>%s</div></article>",
	    prose1, prose2, prose3);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose1));
	assert_null(strstr(a->body, "crowd turns"));
	article_free(a);
	a = extract_body("<article><div><div><img src=\"/b.jpg\" alt=\"A "
	    "talk on the scent detectors of the body\"></div><h2>A talk on "
	    "the scent detectors of the body</h2></div><div>%s</div><div>%s"
	    "</div><div>%s</div></article>", prose1, prose2, prose3);
	assert_null(strstr(a->body, "scent detectors"));
	article_free(a);
	a = extract_body("<article><div><div><img src=\"/b.jpg\" alt=\"The "
	    "harbour at dusk, from the east\"></div><h2>The bridge nobody "
	    "wanted</h2></div><div>%s</div><div>%s</div><div>%s</div>"
	    "</article>", prose1, prose2, prose3);
	assert_non_null(strstr(a->body, "bridge nobody"));
	article_free(a);
}

/* A text the page writes many times (a server's warning in every box)
 * counts once in the page's prose: the article, less than the page's
 * prose with its copies, is still the body, without the warnings. */
static void
test_repeated_page_prose(void **state)
{
	struct buf b = { 0 };
	struct nw_article *a;

	(void)state;
	for (int i = 0; i < 4; i++) {
		buf_puts(&b, "<div><p>Deprecated: preg_replace(): The /e "
		    "modifier is deprecated, use preg_replace_callback instead "
		    "in /www/htdocs/wp-includes/formatting.php on line 82</p>"
		    "<ul>");
		for (int j = 0; j < 5; j++)
			buf_printf(&b, "<li><a href=\"/s%d\">Section number "
			    "%d</a></li>", j, j);
		buf_puts(&b, "</ul></div>");
	}
	a = extract_body("%s<div><div><article><p>%s</p><p>%s</p><p>%s</p>"
	    "</article></div></div>%s", b.p, prose1, prose2, prose3, b.p);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose3));
	assert_null(strstr(a->body, "Deprecated"));
	article_free(a);
	buf_free(&b);
}

/* A box of form controls outside a <form> among the text's paragraphs
 * is a consent box over an embed: its words go; a list item with a
 * checkbox in its line (a task list) stays. */
static void
test_control_box(void **state)
{
	struct nw_article *a;

	(void)state;
	a = extract_body("<article><p>%s</p><div><div>External content"
	    "</div><div>To protect your data we have blocked the content "
	    "of twitter.com. Agree below to see it.</div><div><div><input "
	    "type=\"checkbox\"></div><div><label>I agree</label></div>"
	    "</div></div><p>%s</p><ul><li><input type=\"checkbox\" "
	    "disabled> Write the first draft of the report</li><li>Read it "
	    "again in the morning</li></ul><p>%s</p></article>",
	    prose1, prose2, prose3);
	assert_non_null(a->body);
	assert_null(strstr(a->body, "blocked the content"));
	assert_null(strstr(a->body, "External content"));
	assert_non_null(strstr(a->body, "first draft"));
	assert_non_null(strstr(a->body, prose2));
	article_free(a);
}

/* The page's article, its description in <head>, with prose1 and
 * prose2 after the paragraphs in lead. */
static struct nw_article *
extract_described(const char *desc, const char *lead)
{
	struct nw_article *a;
	struct buf head = { 0 }, body = { 0 };
	char *html;

	buf_printf(&head, "<meta name=\"description\" content=\"%s\">",
	    desc);
	buf_printf(&body, "<article><h1>Bridge</h1>%s<p>%s</p><p>%s</p>"
	    "</article>", lead, prose1, prose2);
	html = page(head.p, body.p);
	a = extract(html, NULL);
	free(html);
	buf_free(&head);
	buf_free(&body);
	return a;
}

/* The standfirst over the byline goes from the body (it is the
 * subtitle); a lede that the description repeats, with no byline after
 * it, stays. */
static void
test_standfirst_byline(void **state)
{
	static const char sf[] = "The town's long quarrel over its harbour "
	    "ends with a vote that few had expected this year.";
	struct nw_article *a;
	struct buf lead = { 0 };

	(void)state;
	buf_printf(&lead, "<p>%s</p><p>By</p>", sf);
	a = extract_described(sf, lead.p);
	assert_non_null(a->body);
	assert_true(strncmp(a->body, prose1, 20) == 0);
	assert_string_equal(a->subtitle, sf);
	article_free(a);
	a = extract_described(prose1, "");
	assert_true(strncmp(a->body, prose1, 20) == 0);
	article_free(a);
	buf_free(&lead);
}

/* The items fmt makes of i and i again, for i from first to last: a
 * list of teasers, a numbered list. Free it with free(). */
static char *
repeat(const char *fmt, int first, int last)
{
	struct buf b = { 0 };

	for (int i = first; i <= last; i++)
		buf_printf(&b, fmt, i, i);
	return buf_take(&b);
}

/* A page that writes its paragraphs in no <p> (<div>s here) has no
 * paragraph text to measure the share that protects a misnamed box by:
 * the text outside links measures it. The article in a box named like a
 * sidebar stays, beside a list of links longer than it. */
static void
test_misnamed_box_without_p(void **state)
{
	char *links = repeat("<li><a href=/s%d>Another story of the "
	    "week, number %d</a></li>", 0, 39);
	struct nw_article *a;

	(void)state;
	a = extract_body("<div class=sidebar-relative><div>%s</div><div>%s"
	    "</div><div>%s</div></div><ul>%s</ul>", prose1, prose2, prose3,
	    links);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose1));
	assert_non_null(strstr(a->body, prose3));
	article_free(a);
	free(links);
}

/* An article of short lines (a numbered list in <div>s, no prose) beside
 * a sidebar's blurb of prose in a box whose names say nothing: the lines
 * are the article; the fallback to the page's prose took the blurb. */
static void
test_article_of_short_lines(void **state)
{
	char *lines = repeat("<div><div>%d. A short line of the week's "
	    "list, number %d</div></div>", 1, 8);
	struct nw_article *a;

	(void)state;
	a = extract_body("<div><h1>Eight things</h1><div>%s</div></div>"
	    "<div><div><div>%s</div></div></div>", lines, prose1);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, "1. A short line"));
	assert_non_null(strstr(a->body, "8. A short line"));
	assert_null(strstr(a->body, prose1));
	article_free(a);
	free(lines);
}

/* A box whose names mark furniture ("author-article": an <article> on
 * the page, a <div> in another CMS) holds the page's one <h1> and its
 * prose: the article, though a list of teasers holds more paragraph
 * text. */
static void
test_headed_box_misnamed(void **state)
{
	char *links = repeat("<p><a href=/s%d>Another story of the week, "
	    "number %d</a></p>", 0, 29);
	struct nw_article *a;

	(void)state;
	a = extract_body("<div class=author-article><h1>Bridge to be "
	    "rebuilt</h1><p>%s</p><p>%s</p></div><div>%s</div>", prose1,
	    prose2, links);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose1));
	assert_non_null(strstr(a->body, prose2));
	article_free(a);
	free(links);
}

/* A page of another CMS, no names, no <p>: the article (the headline,
 * a dateline, two paragraphs) in one column, and in the next, over a
 * list of links, a party's programme in one <div>, its runs set apart
 * by <br><br>, whose commas outscore the article. The container by the
 * headline wins when the best lies away from it and scores under twice
 * as much. With an <h2> over the article, no headline: the programme
 * stays. */
static void
test_headline_container(void **state)
{
	static const char fmt[] = "<div><div><%s>%s</%s>"
	    "<div>12 March 2024</div><div><div>%s</div><div>%s</div></div>"
	    "</div><div><div><div>Our programme<br><br>One, we want "
	    "schools, libraries, parks and bridges for all.<br><br>Two, we "
	    "want fair rents, fair wages and fair taxes for all of us now."
	    "<br><br>Three, we want clean air, clean water and green roofs "
	    "on every house soon.<br><br>Four, we want open data, open "
	    "meetings and open doors at the town hall.</div></div><ul>%s"
	    "</ul></div></div>";
	char *links = repeat("<li><a href=/s%d>Another story of the week, "
	    "number %d</a></li>", 0, 9);
	struct nw_article *a;
	char *html;

	(void)state;
	for (int i = 0; i < 2; i++) {
		const char *h = i == 0 ? "h1" : "h2";
		struct buf body = { 0 };

		buf_printf(&body, fmt, h, "Bridge to be rebuilt", h, prose1,
		    prose2, links);
		html = page("<title>Bridge to be rebuilt</title>", body.p);
		a = extract(html, NULL);
		assert_non_null(a->body);
		assert_true((strstr(a->body, prose1) != NULL) == (i == 0));
		assert_true((strstr(a->body, "fair rents") != NULL) == (i == 1));
		article_free(a);
		free(html);
		buf_free(&body);
	}
	free(links);
}

/* A box of rules for readers' comments beside the article, in a list of
 * long items (as a blog's comments are a list): the climb from the
 * article's paragraphs to their parent, which adds the list, went as the
 * list added prose; the prose a parent adds to the winner is counted
 * outside lists. The article's own list, inside the winner, stays. */
static void
test_climb_past_list_prose(void **state)
{
	char *rules = repeat("<li>Rule %d: we welcome comments that are civil "
	    "and on the topic, and we may publish some of them, in print or "
	    "online, without the writer's address, rule %d.</li>", 0, 5);
	struct nw_article *a;

	(void)state;
	a = extract_body("<div><div><h1>Bridge to be rebuilt</h1><div>"
	    "<div>%s</div><ul><li>Four million euros</li><li>Work from "
	    "spring</li></ul><div>%s</div><div>%s</div></div></div><div>"
	    "<div>HOUSE RULES</div><ol>%s</ol></div></div>", prose1, prose2,
	    prose3, rules);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose1));
	assert_non_null(strstr(a->body, prose3));
	assert_non_null(strstr(a->body, "Four million euros"));
	assert_null(strstr(a->body, "Rule 0:"));
	assert_null(strstr(a->body, "HOUSE RULES"));
	article_free(a);
	free(rules);
}

/* The same rules where the climb stops below them (a header of short
 * lines beside the article): the ancestor that holds them scores half
 * the article's box and holds a quarter more prose, but only in the
 * list; it does not take the box's place. */
static void
test_ancestor_past_list_prose(void **state)
{
	char *rules = repeat("<li>Rule %d: we welcome comments that are civil "
	    "and on the topic, and we may publish some of them, in print or "
	    "online, without the writer's address, rule %d.</li>", 0, 3);
	struct nw_article *a;

	(void)state;
	a = extract_body("<div><div><a href=/l>Latest News</a></div><div>"
	    "<a href=/s>Bridge to be rebuilt</a></div><div>2022-04-26 "
	    "21:21:50</div><div><p>%s</p><p>%s</p><p>%s</p></div><div>"
	    "<p>HOUSE RULES</p><ol>%s</ol></div></div>", prose1, prose2,
	    prose3, rules);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose1));
	assert_non_null(strstr(a->body, prose3));
	assert_null(strstr(a->body, "Rule 0:"));
	article_free(a);
	free(rules);
}

/* A list of other posts inside the article's box, each item a linked
 * title and an excerpt (no names to prune it by): the items are teaser
 * cards, left out. A list whose items hold two links, or that opens
 * with text, stays. */
static void
test_teaser_list_in_box(void **state)
{
	char *items = repeat("<li><a href=/p%d>Another post of the blog, "
	    "number %d</a><br><small>An excerpt of that other post, as the "
	    "blog cuts it after some words, and more words...</small></li>",
	    0, 4);
	char *refs = repeat("<li><a href=/r%d>A source</a> and <a href=/q>"
	    "its copy</a>, as the writer read it in the town's archive "
	    "before writing, box %d.</li>", 0, 4);
	struct nw_article *a;

	(void)state;
	for (int i = 0; i < 2; i++) {
		a = extract_body("<div><h1>Bridge to be rebuilt</h1><div>%s"
		    "</div><ul>%s</ul><div>%s</div><div>%s</div></div>",
		    prose1, i == 0 ? items : refs, prose2, prose3);
		assert_non_null(a->body);
		assert_non_null(strstr(a->body, prose3));
		assert_null(strstr(a->body, "An excerpt of"));
		assert_true((strstr(a->body, "archive before writing, box 2") !=
		    NULL) == (i == 1));
		article_free(a);
	}
	free(items);
	free(refs);
}

/* A post whose box of quoted stories, each under its source's link,
 * outscores the post's own paragraphs: the climb stops below the post
 * (the box's parent adds the links), and the post, scoring half the
 * box's and holding a quarter more prose, takes its place. A post
 * adding only header lines keeps the box. */
static void
test_post_over_quotes(void **state)
{
	char *quotes = repeat("<p>Quoted story %d, as the source wrote it, "
	    "says that prices rose, rents rose, wages fell, and that nobody, "
	    "not even the mayor, knew why, or when, or how, story %d.</p>",
	    0, 5);
	char *links = repeat("<li><a href=/s%d>http://example.org/source/"
	    "story-%d</a></li>", 0, 5);
	char *own = repeat("<p>Comment %d: I say, as I said before, that "
	    "this, and this alone, is the point, and that we, the readers, "
	    "should write, call, and ask, again and again, number %d.</p>",
	    0, 3);
	struct nw_article *a;

	(void)state;
	for (int i = 0; i < 2; i++) {
		a = extract_body("<div><div>%s<div><div>%s</div><ul>%s</ul>"
		    "</div></div></div>", i == 0 ? own : "<div>By Jane Doe"
		    "</div><div>12 March 2024</div>", quotes, links);
		assert_non_null(a->body);
		assert_non_null(strstr(a->body, "Quoted story 5"));
		assert_true((strstr(a->body, "Comment 0:") != NULL) == (i == 0));
		assert_null(strstr(a->body, "Jane Doe"));
		article_free(a);
	}
	free(quotes);
	free(links);
	free(own);
}

/* The page's one <article> against a site's blurb outside it that
 * outscores it (commas) and holds prose enough not to be left to the
 * fallback: the article's best container wins when it scores half the
 * blurb's. With the <article> a <section>, the blurb stays (no
 * headline: the rule by the headline would take the article too). */
static void
test_article_over_blurb(void **state)
{
	static const char blurb[] = "<p>The magazine, founded in 1994, "
	    "covered telescopes, cameras, filters, star charts, comets, "
	    "planets, and galaxies for beginners and experts alike in long "
	    "reports written by its readers and checked by its editors "
	    "before print.</p><p>It was published in German, six times a "
	    "year, for twenty years, by a small team, and closed in 2019, as "
	    "its readers moved online to the forums and the picture "
	    "galleries that the publisher still runs today.</p>";
	char *links = repeat("<li><a href=/s%d>Another story of the week, "
	    "number %d</a></li>", 0, 7);
	struct nw_article *a;

	(void)state;
	for (int i = 0; i < 2; i++) {
		const char *t = i == 0 ? "article" : "section";

		a = extract_body("<div><ul>%s</ul><div><div><div>%s</div>"
		    "</div></div></div><div><%s><p>%s</p><p>%s</p><p>%s</p>"
		    "</%s></div>", links, blurb, t, prose1, prose2, prose3, t);
		assert_non_null(a->body);
		assert_true((strstr(a->body, prose2) != NULL) == (i == 0));
		assert_true((strstr(a->body, "founded in 1994") == NULL) ==
		    (i == 0));
		article_free(a);
	}
	free(links);
}

/* A short line alone in a box beside an empty <div> (the slot an ad
 * script fills) is the slot's label, between paragraphs or not; a count
 * beside a poll's bar, and an item of a list beside a slot injected into
 * it, stay. */
static void
test_ad_slot_labels(void **state)
{
	struct nw_article *a;

	(void)state;
	a = extract_body("<div class=q1><p>%s</p><div class=q2><div class=q3>"
	    "Advertisement</div><div class=q4></div></div><p>%s</p>"
	    "<div class=q5><div class=q6></div><div class=q7><div class=q8>"
	    "Read More</div></div></div><p>%s</p><div class=q9><div "
	    "class=q10>165 votes</div><div class=q11></div></div><ul><li>"
	    "<p>Pinch of pepper</p><div class=q12></div></li><li>Two "
	    "spoons of salt</li></ul><p>%s</p></div>", prose1, prose2,
	    prose3, prose1);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose3));
	assert_null(strstr(a->body, "Advertisement"));
	assert_null(strstr(a->body, "Read More"));
	assert_non_null(strstr(a->body, "165 votes"));
	assert_non_null(strstr(a->body, "Pinch of pepper"));
	article_free(a);
}

/* The same label in another CMS's markup: in a span of the box that
 * holds the slot, the slot in wrappers of its own (its script gone). */
static void
test_ad_slot_label_wrapped(void **state)
{
	struct nw_article *a;

	(void)state;
	a = extract_body("<div><div><div>%s</div></div><div><div><span>"
	    "Advertisement</span> <div><div></div></div><div><div><script>"
	    "show_ad();</script></div></div></div></div><div><div>%s</div>"
	    "</div><div><div>%s</div></div></div>", prose1, prose2, prose3);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose3));
	assert_null(strstr(a->body, "Advertisement"));
	article_free(a);
}

/* Extracts the page whose <body> is body, with metadata naming the
 * author Jane Doe when author is set. */
static struct nw_article *
extract_authored(const char *body, bool author)
{
	char *html = page(author ? "<meta name=\"author\" "
	    "content=\"Jane Doe\">" : "", body);
	struct nw_article *a = extract(html, NULL);

	free(html);
	return a;
}

/* A box about the author after the article, whose names say nothing,
 * scores as prose; it names the author the metadata gave, and stays
 * out, beside the article's container or inside it under a heading.
 * Without the author in the metadata, it is written as before. */
static void
test_author_box_after_article(void **state)
{
	static const char box[] = "<div class=q5><h4>About Jane Doe</h4>"
	    "<div class=q6><p>Mother of two, wife of Tom, Jane Doe is also a "
	    "teacher in Harbourtown, where she lives, and, with a friend, the "
	    "founder of a school, a club, a choir, a press and a blog.</p>"
	    "</div></div>";
	struct nw_article *a;
	struct buf b = { 0 };

	(void)state;
	for (int i = 0; i < 4; i++) {
		b.len = 0;
		buf_printf(&b, "<div class=q1><h1>The bridge vote</h1><div "
		    "class=q2><p>%s</p><p>%s</p><p>%s</p>%s</div>%s</div>",
		    prose1, prose2, prose3, i < 2 ? "" : box,
		    i < 2 ? box : "");
		a = extract_authored(b.p, i % 2 == 0);
		assert_non_null(a->body);
		assert_non_null(strstr(a->body, prose3));
		if (i % 2 == 0)
			assert_null(strstr(a->body, "Mother of two"));
		else
			assert_non_null(strstr(a->body, "Mother of two"));
		article_free(a);
	}
	buf_free(&b);
}

/* A signature that ends the text under its last heading names the
 * author of the text: the section stays. */
static void
test_signature_under_heading(void **state)
{
	struct nw_article *a;
	struct buf b = { 0 };

	(void)state;
	buf_printf(&b, "<div class=q1><h1>The bridge vote</h1><div class=q2>"
	    "<p>%s</p><p>%s</p><h3>What comes next</h3><p>%s</p><p>Yours, "
	    "Jane Doe</p></div></div>", prose1, prose2, prose3);
	a = extract_authored(b.p, true);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose3));
	assert_non_null(strstr(a->body, "Yours, Jane Doe"));
	article_free(a);
	buf_free(&b);
}

/* Over the lede, whatever the names: the byline that names the author
 * the metadata gave, and a line of the date with a word or two, go, and
 * with them what sits between them and the lede (a gallery's counter);
 * a line that holds a date among more words stays, and so does the
 * byline when the metadata names no one. */
static void
test_byline_and_date_over_lede(void **state)
{
	struct nw_article *a;
	struct buf b = { 0 };

	(void)state;
	for (int i = 0; i < 2; i++) {
		b.len = 0;
		buf_printf(&b, "<div class=q1><h1>The bridge vote</h1><div "
		    "class=q2><div class=q3>Jane Doe and John Roe, Harbour "
		    "Times</div><div class=q4>Published 11:11 PM EST Nov 19, "
		    "2019</div><div class=q5>Image 1 of 5</div><div class=q6>"
		    "Close</div><p>%s</p><p>%s</p><div class=q7>The vote of "
		    "Nov 19, 2019 in the old town hall</div><p>%s</p></div>"
		    "</div>", prose1, prose2, prose3);
		a = extract_authored(b.p, i == 0);
		assert_non_null(a->body);
		assert_true(strncmp(a->body, i == 0 ? prose1 : "Jane Doe",
		    8) == 0);
		assert_null(strstr(a->body, "Published"));
		assert_non_null(strstr(a->body, "old town hall"));
		article_free(a);
	}
	/* a date line of two long words besides the date goes too */
	b.len = 0;
	buf_printf(&b, "<article><h1>The bridge vote</h1><div class=q4>"
	    "<span>Pressemitteilung</span> <span>Aktuell</span> <span>02. "
	    "November 2021</span></div><p>%s</p><p>%s</p><p>%s</p>"
	    "</article>", prose1, prose2, prose3);
	a = extract_authored(b.p, false);
	assert_non_null(a->body);
	assert_null(strstr(a->body, "Pressemitteilung"));
	article_free(a);
	buf_free(&b);
}

/* A picture's credit after a copyright sign, whatever the names: a line
 * that opens with the sign, and a caption that ends with a short credit
 * after it, go; a paragraph that names the sign in a sentence stays. */
static void
test_copyright_credits(void **state)
{
	struct nw_article *a;

	(void)state;
	a = extract_body("<div class=q1><p>%s</p><div class=q2>\xc2\xa9 "
	    "Harbour Council | Jane Doe</div><p>%s</p><div class=q3><a "
	    "href=\"/g/1\"><img src=\"/g/1.jpg\"></a></div><p>The mayor "
	    "opens the bridge \xc2\xa9 dpa | John Roe</p><p>%s</p><p>The "
	    "town's logo, \xc2\xa9 the council, may be used by any club.</p>"
	    "</div>", prose1, prose2, prose3);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose3));
	assert_null(strstr(a->body, "Jane Doe"));
	assert_null(strstr(a->body, "John Roe"));
	assert_non_null(strstr(a->body, "by any club."));
	article_free(a);
	/* the sign is its two bytes: the second alone (that of the "\xc3\xa9"
	 * ending a line) is none */
	a = extract_body("<div class=q1><p>%s</p><p>%s</p><p>The council "
	    "will meet on Friday in the old harbour caf\xc3\xa9</p><p>%s"
	    "</p></div>", prose1, prose2, prose3);
	assert_non_null(strstr(a->body, prose3));
	assert_non_null(strstr(a->body, "harbour caf\xc3\xa9"));
	article_free(a);
}

/* A caption that ends with a short credit after a credit's label
 * ("Photo:", "Foto:", "Bild:") goes as one after a copyright sign does,
 * its <figcaption> or its class gone; a paragraph that names a photo
 * in a sentence, or ends a sentence after the label, stays. The label
 * is the last in the line (html_ends_in_credit() seeks it from the
 * end). */
static void
test_label_credits(void **state)
{
	struct nw_article *a;

	(void)state;
	a = extract_body("<div><div><div>%s</div><div>Union Station in "
	    "Chicago in 1960, when trains still ran to every town of the "
	    "state and its hall was full of them. Photo: Archive/Getty</div>"
	    "<div>%s</div><div>%s</div><div>The council printed it with a "
	    "note. Photo: the harbour at dusk, from the old lighthouse.</div>"
	    "</div></div>", prose1, prose2, prose3);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose3));
	assert_null(strstr(a->body, "Union Station"));
	assert_non_null(strstr(a->body, "old lighthouse."));
	article_free(a);
	/* the last label decides, whatever labels come before it */
	a = extract_body("<div><div><div>%s</div><div>Union Station in "
	    "Chicago in 1960. Foto: from the archive of the railway company "
	    "and of its many photographers. Photo: Archive/Getty</div>"
	    "<div>%s</div><div>%s</div></div></div>", prose1, prose2, prose3);
	assert_non_null(strstr(a->body, prose3));
	assert_null(strstr(a->body, "Union Station"));
	article_free(a);
}

/* A recipe whose ingredients and steps schema.org names (itemprop
 * recipeIngredient, recipeInstructions) is in their container: the
 * ingredients, short lines in a box beside the steps, some of them
 * links to a shop, are written whole, and a box of the site's prose
 * after it (a service notice) is not the article. A blog's story that
 * holds most of the page's prose, in a box with its tag links, stays
 * the article beside a recipe card. */
static const char recipe_card[] =
	"<div class=q2><h2>Honey muffins</h2><div class=q3><h3>Ingredients"
	"</h3><div itemprop=recipeIngredient>250 g flour</div><div "
	"itemprop=recipeIngredient><a href=\"/shop/1\">1 packet vanilla "
	"sugar</a></div><div itemprop=recipeIngredient>2 eggs</div><div "
	"itemprop=recipeIngredient>Topping:</div></div><div class=q4><h3>"
	"Steps</h3><div itemprop=recipeInstructions><p>Warm the milk and "
	"melt the butter in it, then let it cool for a few minutes.</p><p>"
	"Mix the flour with the yeast, add the eggs and knead into a smooth "
	"dough.</p><p>Fill the cases, press the dough flat and spread the "
	"topping evenly over it, then bake for fifteen minutes.</p></div>"
	"</div></div>";

static void
test_recipe_parts(void **state)
{
	struct nw_article *a;

	(void)state;
	a = extract_body("<div class=q0>%s</div><div class=q5><div class=q1>"
	    "<p>%s</p></div></div>", recipe_card, prose1);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, "250 g flour"));
	assert_non_null(strstr(a->body, "1 packet vanilla sugar"));
	assert_non_null(strstr(a->body, "Topping:"));
	assert_non_null(strstr(a->body, "for fifteen minutes."));
	assert_null(strstr(a->body, prose1));
	article_free(a);

	a = extract_body("<div class=q0><div class=q1><p>%s</p><p>%s</p>"
	    "<p>%s</p></div><ul class=q6><li><a href=\"/t/1\">Baking with "
	    "children</a></li><li><a href=\"/t/2\">Breakfast and brunch "
	    "ideas</a></li><li><a href=\"/t/3\">Muffins, cupcakes and small "
	    "cakes</a></li><li><a href=\"/t/4\">Recipes for the weekend</a>"
	    "</li><li><a href=\"/t/5\">Our favourite autumn recipes</a></li>"
	    "<li><a href=\"/t/6\">Share this story with a friend</a></li>"
	    "<li><a href=\"/t/7\">Print the recipe card for later</a></li>"
	    "<li><a href=\"/t/8\">More from our kitchen blog</a></li><li><a "
	    "href=\"/t/9\">Subscribe to the weekly letter</a></li></ul>"
	    "</div><div class=q5>%s</div>", prose1, prose2, prose3,
	    recipe_card);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose1));
	assert_non_null(strstr(a->body, prose3));
	article_free(a);
}

/* A form is the reader's to fill in: a comment form's notice, whatever
 * its names, is no part of the article, and the heading over it, which
 * then ends the text, goes with it. A form that wraps the whole page
 * (ASP.NET) holds the article. */
static void
test_forms_left_out(void **state)
{
	struct nw_article *a;

	(void)state;
	a = extract_body("<div class=q1><h1>The bridge vote</h1><p>%s</p>"
	    "<p>%s</p><p>%s</p><h3>Leave a reply</h3><form class=q2 "
	    "action=\"/post\"><p class=q3>Your email address will not be "
	    "published, and required fields are marked with a star, as "
	    "always.</p><textarea name=c></textarea><input type=submit>"
	    "</form></div>", prose1, prose2, prose3);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose1));
	assert_non_null(strstr(a->body, prose3));
	assert_null(strstr(a->body, "will not be published"));
	assert_null(strstr(a->body, "Leave a reply"));
	article_free(a);

	a = extract_body("<form id=aspnetForm action=\"/p.aspx\"><div "
	    "class=q1><h1>The bridge vote</h1><p>%s</p><p>%s</p><p>%s</p>"
	    "</div></form>", prose1, prose2, prose3);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose1));
	assert_non_null(strstr(a->body, prose3));
	article_free(a);
}

/* Forms beside the article (a comment's, a newsletter's, no names to
 * prune them by): a form is the reader's, written and left out, so what
 * it holds scores no container, and its prose is no container's: the
 * climb does not take the forms' parent for a box of more prose, nor
 * the forms send the winner to the page's prose, both of which brought
 * in a paragraph outside the article. */
static void
test_form_scores_nothing(void **state)
{
	char *forms = repeat("<form action=\"/post\"><p>Your address, "
	    "number %d, is not published, shared or sold, and the fields "
	    "marked with a star are required.</p><p>Comments, number %d, "
	    "are read before they are shown, and those that insult or "
	    "advertise are not.</p><textarea name=c></textarea></form>", 0,
	    1);
	struct nw_article *a;

	(void)state;
	a = extract_body("<div><div><h1>Bridge to be rebuilt</h1><p>%s</p>"
	    "<p>%s</p><p>%s</p></div><div><p>The weather stays dry and "
	    "mild through the weekend, with some clouds on Sunday over the "
	    "hills north of the town.</p></div>%s%s%s</div>", prose1, prose2,
	    prose3, forms, forms, forms);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose1));
	assert_non_null(strstr(a->body, prose3));
	assert_null(strstr(a->body, "weather"));
	article_free(a);
	free(forms);
}

/* A newsletter's sign-up among the article's paragraphs, no names to
 * prune it by: the box around the <form> that adds a short line to it
 * is the form's, its label with it ("Never miss a story ..."); a box
 * that adds a paragraph stays. */
static void
test_form_label(void **state)
{
	struct nw_article *a;

	(void)state;
	for (int i = 0; i < 2; i++) {
		a = extract_body("<div><div><h1>Bridge to be rebuilt</h1>"
		    "<p>%s</p><p>%s</p><div><div>Never miss a story about "
		    "the harbour and the town hall again%s</div><form action="
		    "\"/subscribe\"><input type=email name=m><button>Go"
		    "</button><div>Please enter a valid address.</div></form>"
		    "</div><p>%s</p></div></div>", prose1, prose2, i == 0 ?
		    "" : ", says the harbour master, who reads us every day, "
		    "as do the fishermen of the town and their families, "
		    "who live by the harbour", prose3);
		assert_non_null(a->body);
		assert_non_null(strstr(a->body, prose3));
		assert_true((strstr(a->body, "Never miss") != NULL) ==
		    (i == 1));
		article_free(a);
	}
}

/* Another CMS's header box, a <div> that no name prunes, before the
 * article's: a kicker, the headline (the title's), a date line, a
 * gallery's captions before them, the lead under them and a share
 * box; what it holds after the headline is prose, and the lead is
 * the article's. A picture's caption under the headline is not. */
static void
test_lead_under_headline(void **state)
{
	static const char lead[] =
	    "Two drivers wrecked their sports cars on the same night, "
	    "one on the motorway and one in town, and both walked away.";
	struct nw_article *a;
	char *html;

	(void)state;
	for (int i = 0; i < 2; i++) {
		struct buf b = { 0 };

		buf_printf(&b, "<div><div><div><div><ul><li><img src=/1.jpg>"
		    "<div>1/3 The first car after the crash on the motorway."
		    "</div></li><li><img src=/2.jpg><div>2/3 The second car "
		    "in town.</div></li></ul></div>"
		    "<div><h2>Region and city news</h2></div><div>"
		    "<h1>Bridge to be rebuilt</h1></div><div>07.12.2026 "
		    "11:36 <a href=/a>Town Desk</a></div>%s<div>%s</div>"
		    "<div><a href=/s1>share</a> <a href=/s2>tweet</a> "
		    "<a href=/s3>mail</a></div></div>"
		    "<div><p>%s</p><p>%s</p><p>%s</p></div></div></div>",
		    i == 0 ? "" : "<img src=/3.jpg>", lead, prose1, prose2,
		    prose3);
		html = page("<title>Bridge to be rebuilt</title>", b.p);
		a = extract(html, NULL);
		assert_non_null(a->body);
		assert_non_null(strstr(a->body, prose1));
		assert_true((strstr(a->body, lead) != NULL) == (i == 0));
		article_free(a);
		free(html);
		buf_free(&b);
	}
}

/* A short block just after a picture, beside the article's box, is the
 * picture's caption (another CMS's <div>s, no <figure>): it is not
 * merged with the article, however like prose it reads; the same block
 * after no picture is the article's lead and is. */
static void
test_caption_after_picture(void **state)
{
	static const char caption[] =
	    "Agents found the cargo hidden inside a boat that was being "
	    "taken out of the water at the ramp on Sunday.";
	struct nw_article *a;

	(void)state;
	for (int i = 0; i < 2; i++) {
		a = extract_body("<div><div><h1>Cargo found</h1></div>%s"
		    "<div><div>%s <span>By the Border Agency</span></div></div>"
		    "<div><p>%s</p><p>%s</p><p>%s</p></div></div>",
		    i == 0 ? "<div><img src=/1.jpg></div>" : "", caption,
		    prose1, prose2, prose3);
		assert_non_null(a->body);
		assert_non_null(strstr(a->body, prose1));
		assert_true((strstr(a->body, caption) != NULL) == (i == 1));
		article_free(a);
	}
}

/* A CMS's paragraph blocks, each a box of one form (tag and class), the
 * picture between them a box of another: the winner is the first, and
 * the next, after the picture, is the article's too, whether its text
 * reads as prose or is a list of short lines under a line that opens
 * it. It scores as the text's own does not, under a sibling's floor. A
 * box of another form after the winner (a notice) is not taken. */
static void
test_next_slice_after_picture(void **state)
{
	static const char prose[] = "<h2>What the plans say</h2><p>The "
	    "ferry, which the town pays for, will run every twenty minutes "
	    "until the new bridge opens to traffic.</p>";
	static const char list[] =
	    "<p>Before the work begins, read this:</p><ul>"
	    "<li>The old bridge closes to cars from the first of May.</li>"
	    "<li>A ferry runs every twenty minutes until it reopens.</li>"
	    "<li>Cyclists may use the footpath on the north side.</li>"
	    "<li>Buses take the ring road, with two stops added.</li></ul>";
	static const char notice[] = "Comments on this page are closed, "
	    "and the town hall answers questions on the bridge by "
	    "telephone only.";
	struct nw_article *a;

	(void)state;
	for (int i = 0; i < 2; i++) {
		a = extract_body("<div class=k1><div class=k2><a href=/>Home"
		    "</a></div><div class=k3><h1>Bridge to be rebuilt</h1>"
		    "</div><div class=\"k4 k5\"><div class=k6><p>%s</p><p>%s"
		    "</p><p>%s</p></div></div><div class=\"k4 k7\"><img "
		    "src=/1.jpg><div class=k8><p>Photo: <a href=/pics>Town "
		    "hall</a></p></div></div><div class=\"k4 k5\"><div "
		    "class=k6>%s</div></div>"
		    "<div class=k9><a href=/news>Back to the news</a></div>"
		    "<div class=k10><p>%s</p></div></div>", prose1, prose2,
		    prose3, i == 0 ? prose : list, notice);
		assert_non_null(a->body);
		assert_non_null(strstr(a->body, prose1));
		assert_non_null(strstr(a->body, prose3));
		assert_non_null(strstr(a->body, i == 0 ? "which the town pays" :
		    "A ferry runs every"));
		assert_null(strstr(a->body, "Comments on this page"));
		article_free(a);
	}
}

/* The same blocks in another CMS's bare boxes, a <div> in a <div> for
 * each and no class: the next slice after the picture is the article's
 * still, as prose under its heading or as a list of short lines; but
 * with no class to vouch for its form, a box of a tenth or more in
 * links after the text (a reference to the study, under a heading of
 * its own) is not taken, though it reads as prose, nor a box of two
 * headings (the news's context: its label, a story's title). */
static void
test_next_slice_bare(void **state)
{
	static const char *const slice[] = {
		"<div><div><h2>What the plans say</h2></div><div><div>The "
		"ferry, which the town pays for, will run every twenty "
		"minutes until the new bridge opens to <a href=/ferry>the "
		"traffic</a> of the town, as the mayor said on Tuesday; "
		"the first two boats are ready.</div></div></div>",
		"<div><div>Before the work begins, read this:</div></div><ul>"
		"<li>The old bridge closes to cars from the first of May.</li>"
		"<li>A ferry runs every twenty minutes until it reopens.</li>"
		"<li>Cyclists may use the footpath on the north side.</li>"
		"<li>Buses take the ring road, with two stops added.</li></ul>",
		"<div><div><h4>Original publication</h4></div><div><div>Smith "
		"J., Jones K. (2022): The load of old bridges, Journal of "
		"Civil Works, 119, e2115629. <a href=\"https://doi.org/10.1/"
		"x\">https://doi.org/10.1073/pnas.2115629</a></div></div></div>",
		"<div><div><h3>Context of the news</h3></div><div><h3>"
		"BACKGROUND <span>How the plan began</span></h3><div><div>The "
		"first plan for a new bridge was drawn up twelve years ago, "
		"when a lorry struck the old span and closed it for a month, "
		"and was shelved twice for want of money.</div></div></div></div>",
	};
	static const char *const want[] = {
		"which the town pays", "A ferry runs every", "Original publ",
		"first plan for a new",
	};
	struct nw_article *a;

	(void)state;
	for (int i = 0; i < 4; i++) {
		a = extract_body("<div><div><div><a href=/>Home</a></div>"
		    "<div><h1>Bridge to be rebuilt</h1></div><div><div><div>"
		    "<div>%s</div></div><div><div>%s</div></div><div><div>%s"
		    "</div></div></div></div><div><img src=/1.jpg><div><div>"
		    "Photo: <a href=/pics>Town hall</a></div></div></div>"
		    "<div><div>%s</div></div><div><div><a href=/news>Back to "
		    "the news</a></div></div></div></div>", prose1, prose2,
		    prose3, slice[i]);
		assert_non_null(a->body);
		assert_non_null(strstr(a->body, prose1));
		assert_non_null(strstr(a->body, prose3));
		assert_true((strstr(a->body, want[i]) != NULL) == (i < 2));
		article_free(a);
	}
}

/* The box by the page's headline is the article's: other prose of the
 * page in <div>s that no name marks (another CMS's banner, a sidebar's
 * blurbs), more than the article's, sends it to the page's prose only
 * when the article holds under a fifth of the page's prose, not two
 * fifths. */
static void
test_headline_box_no_fallback(void **state)
{
	struct buf b = { 0 };
	struct nw_article *a;
	char *html;

	(void)state;
	buf_printf(&b, "<div><div><h1>Bridge to be rebuilt</h1></div>"
	    "<div><p>%s</p><p>%s</p><p>%s</p></div></div><div><div><div>",
	    prose1, prose2, prose3);
	for (int k = 0; k < 8; k++)
		buf_printf(&b, "<div><div>The museum on the hill opens its new "
		    "wing to visitors on Saturday with a concert by the town "
		    "choir and a guided walk through the gardens (walk %d)."
		    "</div></div>", k);
	buf_puts(&b, "</div></div></div>");
	html = page("<title>Bridge to be rebuilt</title>", b.p);
	a = extract(html, NULL);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose1));
	assert_non_null(strstr(a->body, prose3));
	assert_null(strstr(a->body, "museum"));
	article_free(a);
	free(html);
	buf_free(&b);
}

/* Another CMS's article: no <article>, no names, every paragraph a
 * <div>. The box of the text climbs over its parent, which adds little
 * (a comment prompt, a channel's pitch after the text): what the parent
 * adds after the box is left out, the text is written whole. */
static void
test_climb_leaves_tail(void **state)
{
	static const char *const tails[] = {
		"You must register and fill in your details to comment.",
		"Check out our channel on YouTube, with new videos every week!",
	};
	static const char more[] =
	    "<div>The old bridge, built in 1911, has been closed to cars "
	    "since a storm damaged two of its piers, forcing drivers to take "
	    "a detour of twelve kilometres around the bay.</div>"
	    "<div>The mayor said the town would hold a public meeting next "
	    "month to present the design, and that shops near the harbour "
	    "would be compensated for the months of work.</div>"
	    "<div>A spokesman for the regional government said the plans "
	    "would be reviewed quickly, and that the money set aside by the "
	    "council covered most of the expected cost.</div>";
	struct nw_article *a;

	(void)state;
	for (size_t i = 0; i < sizeof(tails) / sizeof(tails[0]); i++) {
		a = extract_body("<div><div><div><h1>Bridge to be rebuilt</h1>"
		    "</div><div><div><div>%s</div><div>%s</div><div>%s</div>"
		    "%s</div><div>%s</div></div></div><div><div>Weather: "
		    "sunny, 21 degrees</div></div></div>", prose1, prose2,
		    prose3, more, tails[i]);
		assert_non_null(a->body);
		assert_non_null(strstr(a->body, prose1));
		assert_non_null(strstr(a->body, "expected cost."));
		assert_null(strstr(a->body, tails[i]));
		article_free(a);
	}
}

/* Readers' comments after the text, each a name line over a paragraph,
 * no link, no time, no class name: no prose of the article's, the
 * climb does not take them; a page that is a thread (a forum's) keeps
 * its posts. */
static void
test_climb_not_over_thread(void **state)
{
	static const char *const names[] = {
		"Anna Berger", "Tom K.", "riverside_dave", "Maria Lopez",
	};
	static const char said[] =
	    "I drive over that bridge every day and the detour has added "
	    "almost half an hour to my commute, so I am glad the council "
	    "has finally found the money to rebuild it properly this time.";
	struct buf c = { 0 };
	struct nw_article *a;
	const char *p;

	(void)state;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		buf_printf(&c, "<div><div><div>%s</div></div><div><div>%s "
		    "Thanks.</div></div></div>", names[i], said);
	a = extract_body("<div><div><h1>Bridge to be rebuilt</h1></div>"
	    "<div><div><div>%s</div><div>%s</div><div>%s</div></div>"
	    "<div><div>%s</div></div></div></div>", prose1, prose2,
	    prose3, c.p);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose1));
	assert_non_null(strstr(a->body, prose3));
	assert_null(strstr(a->body, "my commute"));
	article_free(a);
	a = extract_body("<div><div><h1>Bridge to be rebuilt</h1></div>"
	    "<div><div>%s</div></div></div>", c.p);
	assert_non_null(a->body);
	p = strstr(a->body, "my commute");
	assert_non_null(p);
	assert_non_null(strstr(p + 1, "my commute"));
	article_free(a);
	buf_free(&c);
}

/* A short article whose readers' comments after it hold more prose
 * than it does: the comments (name lines over paragraphs, no link, no
 * time) are no prose the winner missed, and the page does not fall back
 * to its whole prose. */
static void
test_fallback_not_for_thread(void **state)
{
	static const char said[] =
	    "I drive over that bridge every day and the detour has added "
	    "almost half an hour to my commute, so I am glad the council "
	    "has finally found the money to rebuild it properly this time.";
	struct buf c = { 0 };
	struct nw_article *a;

	(void)state;
	for (int i = 0; i < 6; i++)
		buf_printf(&c, "<div><div><div>Reader %d</div></div><div><div>"
		    "%s Thanks.</div><div>%s</div></div></div>", i, said,
		    said);
	a = extract_body("<div><div><h1>Bridge to be rebuilt</h1></div>"
	    "<div><article><p>%s</p></article></div><div><div>%s</div>"
	    "</div></div>", prose1, c.p);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose1));
	assert_null(strstr(a->body, "my commute"));
	article_free(a);
	buf_free(&c);
}

/* A thread whose posts differ in their later classes (odd and even, the
 * author's), with replies in lists of their own between them, is one
 * thread: the replies' prose is no prose the winner missed either. */
static void
test_fallback_not_for_thread_replies(void **state)
{
	static const char said[] =
	    "I drive over that bridge every day and the detour has added "
	    "almost half an hour to my commute, so I am glad the council "
	    "has finally found the money to rebuild it properly this time.";
	struct buf c = { 0 };
	struct nw_article *a;

	(void)state;
	for (int i = 0; i < 3; i++) {
		struct buf p = { 0 };

		buf_printf(&p, "<div><div>Reader %d</div></div><div><div>%s "
		    "Thanks.</div><div>%s</div></div>", i, said, said);
		buf_printf(&c, "<div class=\"post %s by%d\">%s</div><ul "
		    "class=kids><li>%s</li></ul>", i % 2 ? "odd" : "even", i,
		    p.p, p.p);
		buf_free(&p);
	}
	a = extract_body("<div><div><h1>Bridge to be rebuilt</h1></div>"
	    "<div><article><p>%s</p></article></div><div><div>%s</div>"
	    "</div></div>", prose1, c.p);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose1));
	assert_null(strstr(a->body, "my commute"));
	article_free(a);
	buf_free(&c);
}

/* A paragraph left out (a form's, a caption's) names no author's box:
 * a comment form under the text that names the author does not make the
 * last section of the article a box about her. */
static void
test_author_box_not_by_caption(void **state)
{
	struct buf b = { 0 };
	struct nw_article *a;
	char *html;

	(void)state;
	buf_printf(&b, "<article><h1>Bridge to be rebuilt</h1><p>%s</p>"
	    "<p>%s</p><p>%s</p><h2>What comes next</h2><p>The old bridge, "
	    "built in 1911, has been closed to cars since a storm damaged "
	    "two of its piers.</p><p>The mayor said shops near the harbour "
	    "would be compensated for the months of work.</p>"
	    "<form action=/c><p>Leave a comment on the story by Anna "
	    "Berger. Your address will not be published.</p>"
	    "<textarea name=c></textarea><input type=submit value=Send>"
	    "</form></article>", prose1, prose2, prose3);
	html = page("<title>Bridge to be rebuilt</title>"
	    "<meta name=\"author\" content=\"Anna Berger\">", b.p);
	a = extract(html, NULL);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose3));
	assert_non_null(strstr(a->body, "months of work."));
	assert_null(strstr(a->body, "Leave a comment"));
	article_free(a);
	free(html);
	buf_free(&b);
}

/* A thread of readers' comments whose names say nothing: posts of one
 * form, each opening with the commenter's linked name and dated, are
 * dropped when the page has an article outside them (500 characters of
 * prose); a forum's posts, with no prose outside them, are its content
 * and stay, and so do posts titled by linked headings. */
static void
test_comment_thread_by_structure(void **state)
{
	static const char post[] =
	    "<div class=q5><div class=q6><a href=\"/u/%d\">reader%d</a></div>"
	    "<div class=q7>%d days ago at 07:52 am</div><div class=q8>%s"
	    "</div></div>";
	static const char titled[] =
	    "<div class=q5><h2><a href=\"/s/%d\">Story %d</a></h2>"
	    "<div class=q7>%d days ago at 07:52 am</div><div class=q8>%s"
	    "</div></div>";
	static const char said[] =
	    "I agree, but it begs the question, who was in charge, and why, "
	    "after all these years, the council, the mayor, the engineers and "
	    "the regional government, all of them, could not agree sooner, "
	    "when the old bridge, rusting, closed, and dangerous, stood there";
	struct buf b = { 0 }, f = { 0 };
	struct nw_article *a;

	(void)state;
	buf_printf(&b, "<div class=q1><h1>The bridge vote</h1><p>%s</p>"
	    "<p>%s</p><p>%s</p><p>%s</p></div><div class=q2><h2>Top "
	    "comments</h2>", prose1, prose2, prose3, prose2);
	for (int i = 1; i <= 4; i++)
		buf_printf(&b, post, i, i, i, said);
	buf_puts(&b, "</div>");
	a = extract_body("%s", b.p);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose1));
	assert_non_null(strstr(a->body, prose3));
	assert_null(strstr(a->body, "begs the question"));
	article_free(a);

	buf_puts(&f, "<div class=q2><h1>The bridge vote</h1>");
	for (int i = 1; i <= 4; i++)
		buf_printf(&f, post, i, i, i, i == 1 ? prose1 : said);
	buf_puts(&f, "</div>");
	a = extract_body("%s", f.p);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, "begs the question"));
	article_free(a);
	buf_free(&b);
	buf_free(&f);

	/* posts whose linked names are headings are stories (a blog's
	 * page of posts, each titled and dated): no thread */
	buf_printf(&b, "<div class=q1><h1>The bridge vote</h1><p>%s</p>"
	    "<p>%s</p><p>%s</p><p>%s</p></div><div class=q2>", prose1,
	    prose2, prose3, prose2);
	for (int i = 1; i <= 4; i++)
		buf_printf(&b, titled, i, i, i, said);
	buf_puts(&b, "</div>");
	a = extract_body("%s", b.p);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose1));
	assert_non_null(strstr(a->body, "begs the question"));
	article_free(a);
	buf_free(&b);
}

/* WordPress classes a post's container by its tags ("tag-bridge"): a
 * tag is no boilerplate, and the post is not pruned when the page around
 * it (archive links, here) holds more paragraph text than it. */
static void
test_wordpress_tags_not_boilerplate(void **state)
{
	static const char link[] =
	    "<p><a href=\"/archive/%d\">Archive: the harbour bridge story of "
	    "the week number %d, with every letter and every photograph</a>"
	    "</p>";
	struct buf b = { 0 };
	struct nw_article *a;

	(void)state;
	buf_printf(&b, "<div id=post-7 class=\"post-7 post type-post "
	    "status-publish tag-bridge tag-harbour\"><h1>The bridge vote</h1>"
	    "<p>%s</p><p>%s</p><p>%s</p></div><div class=archive>", prose1,
	    prose2, prose3);
	for (int i = 0; i < 24; i++)
		buf_printf(&b, link, i, i);
	buf_puts(&b, "</div>");
	a = extract_body("%s", b.p);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, prose1));
	assert_non_null(strstr(a->body, prose3));
	article_free(a);
	buf_free(&b);
}

/* html_count_text() reads sixteen bytes at a time: a space or comma
 * outside ASCII, or a letter, at every offset of a line (across the
 * blocks' edges) counts as it does alone. */
static void
test_count_text_every_offset(void **state)
{
	static const struct {
		const char *s;
		unsigned visible, commas;
	} ins[] = {
		{ "\xc2\xa0", 0, 0 },          /* no-break space */
		{ "\xe2\x80\x89", 0, 0 },      /* thin space */
		{ "\xe2\x80\x8b", 0, 0 },      /* zero-width space */
		{ "\xe2\x80\xaf", 0, 0 },      /* narrow no-break space */
		{ "\xe3\x80\x80", 0, 0 },      /* ideographic space */
		{ "\xef\xbc\x8c", 1, 1 },      /* fullwidth comma */
		{ "\xe3\x80\x81", 1, 1 },      /* ideographic comma */
		{ "\xc3\xa9", 1, 0 },          /* e acute */
		{ "\xc2\xa9", 1, 0 },          /* copyright sign */
		{ "\xe2\x82\xac", 1, 0 },      /* euro sign */
		{ "\xef\xbb\xbf", 1, 0 },      /* BOM: not a space here */
		{ ",", 1, 1 },
		{ "\t\n", 0, 0 },
	};
	/* 46 visible characters, 2 commas */
	static const char base[] =
	    "The bridge, rebuilt at last, opens in May to all traffic";
	unsigned commas;

	(void)state;
	assert_int_equal(html_count_text(base, &commas), 46);
	assert_int_equal(commas, 2);
	for (size_t i = 0; i < sizeof(ins) / sizeof(ins[0]); i++) {
		for (size_t k = 0; k <= strlen(base); k++) {
			char s[128];

			snprintf(s, sizeof(s), "%.*s%s%s", (int)k, base,
			    ins[i].s, base + k);
			assert_int_equal(html_count_text(s, &commas),
			    46 + ins[i].visible);
			assert_int_equal(commas, 2 + ins[i].commas);
		}
	}
}

static void
test_empty_and_garbage(void **state)
{
	static const char *const pages[] = {
		"", "<html></html>", "<<<>>>&&&", "<body>",
		"\xff\xfe<p>x</p>", "<p>short</p>",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(pages) / sizeof(pages[0]); i++) {
		struct nw_article *a = article_new();
		char err[256];

		html_extract(pages[i], strlen(pages[i]), NULL, NOW, a, err,
		    sizeof(err));
		article_free(a);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pattern_codes),
		cmocka_unit_test(test_boilerplate_removed),
		cmocka_unit_test(test_tables_and_lists_kept),
		cmocka_unit_test(test_figures_collected),
		cmocka_unit_test(test_content_figures),
		cmocka_unit_test(test_slides_without_p),
		cmocka_unit_test(test_utility_classes),
		cmocka_unit_test(test_body_from_json_ld),
		cmocka_unit_test(test_kicker_dropped),
		cmocka_unit_test(test_article_header),
		cmocka_unit_test(test_br_lines_judged_together),
		cmocka_unit_test(test_title_from_h1),
		cmocka_unit_test(test_invisible_dropped),
		cmocka_unit_test(test_parse_handlers),
		cmocka_unit_test(test_parse_records),
		cmocka_unit_test(test_signals_names),
		cmocka_unit_test(test_hidden_date_record),
		cmocka_unit_test(test_modules_merged),
		cmocka_unit_test(test_deep_nesting),
		cmocka_unit_test(test_ruby_annotations),
		cmocka_unit_test(test_teaser_feed_not_climbed_into),
		cmocka_unit_test(test_dateline_kept),
		cmocka_unit_test(test_itemprop_text_no_body),
		cmocka_unit_test(test_nested_articles_skipped),
		cmocka_unit_test(test_weak_signs_cost_nothing),
		cmocka_unit_test(test_fallback_heading_judged),
		cmocka_unit_test(test_linked_clause_kept),
		cmocka_unit_test(test_linked_sentence_at_the_end),
		cmocka_unit_test(test_address_line_kept),
		cmocka_unit_test(test_teaser_cards_skipped),
		cmocka_unit_test(test_pitch_after_div_paras),
		cmocka_unit_test(test_tail_notes_dropped),
		cmocka_unit_test(test_wordpress_tags_not_boilerplate),
		cmocka_unit_test(test_lead_before_body),
		cmocka_unit_test(test_captions_outside_figure),
		cmocka_unit_test(test_caption_with_credit_over_picture),
		cmocka_unit_test(test_breadcrumb_with_headline),
		cmocka_unit_test(test_headline_before_outlet),
		cmocka_unit_test(test_repeated_paragraphs),
		cmocka_unit_test(test_article_climbs_no_further),
		cmocka_unit_test(test_ad_slot_labels),
		cmocka_unit_test(test_ad_slot_label_wrapped),
		cmocka_unit_test(test_div_paragraphs),
		cmocka_unit_test(test_div_paragraph_wrappers),
		cmocka_unit_test(test_climb_over_lists),
		cmocka_unit_test(test_first_of_stacked_stories),
		cmocka_unit_test(test_first_of_stacked_div_stories),
		cmocka_unit_test(test_notice_sibling_headline),
		cmocka_unit_test(test_hidden_copy_pruned),
		cmocka_unit_test(test_misnamed_box_without_p),
		cmocka_unit_test(test_signature_kept),
		cmocka_unit_test(test_signature_block),
		cmocka_unit_test(test_emphasis_label),
		cmocka_unit_test(test_outlet_tail),
		cmocka_unit_test(test_quote_in_widget),
		cmocka_unit_test(test_pitch_box),
		cmocka_unit_test(test_pitch_box_picture),
		cmocka_unit_test(test_label_pair_written),
		cmocka_unit_test(test_sibling_before_headline),
		cmocka_unit_test(test_over_headline_left_out),
		cmocka_unit_test(test_shout_over_lede),
		cmocka_unit_test(test_wire_credits),
		cmocka_unit_test(test_control_box),
		cmocka_unit_test(test_styled_note),
		cmocka_unit_test(test_restated_opening),
		cmocka_unit_test(test_restated_opening_edge),
		cmocka_unit_test(test_restated_runs_within_paragraphs),
		cmocka_unit_test(test_repeated_page_prose),
		cmocka_unit_test(test_head_note_in_italics),
		cmocka_unit_test(test_standfirst_byline),
		cmocka_unit_test(test_article_of_short_lines),
		cmocka_unit_test(test_headed_box_misnamed),
		cmocka_unit_test(test_headline_container),
		cmocka_unit_test(test_climb_past_list_prose),
		cmocka_unit_test(test_ancestor_past_list_prose),
		cmocka_unit_test(test_teaser_list_in_box),
		cmocka_unit_test(test_post_over_quotes),
		cmocka_unit_test(test_article_over_blurb),
		cmocka_unit_test(test_author_box_after_article),
		cmocka_unit_test(test_signature_under_heading),
		cmocka_unit_test(test_byline_and_date_over_lede),
		cmocka_unit_test(test_copyright_credits),
		cmocka_unit_test(test_label_credits),
		cmocka_unit_test(test_forms_left_out),
		cmocka_unit_test(test_form_scores_nothing),
		cmocka_unit_test(test_form_label),
		cmocka_unit_test(test_lead_under_headline),
		cmocka_unit_test(test_caption_after_picture),
		cmocka_unit_test(test_headline_box_no_fallback),
		cmocka_unit_test(test_next_slice_after_picture),
		cmocka_unit_test(test_next_slice_bare),
		cmocka_unit_test(test_climb_leaves_tail),
		cmocka_unit_test(test_climb_not_over_thread),
		cmocka_unit_test(test_fallback_not_for_thread),
		cmocka_unit_test(test_fallback_not_for_thread_replies),
		cmocka_unit_test(test_author_box_not_by_caption),
		cmocka_unit_test(test_recipe_parts),
		cmocka_unit_test(test_caption_tells_picture),
		cmocka_unit_test(test_lede_date_line),
		cmocka_unit_test(test_comment_thread_by_structure),
		cmocka_unit_test(test_class_words_one_scan),
		cmocka_unit_test(test_id_words_one_scan),
		cmocka_unit_test(test_empty_and_garbage),
		cmocka_unit_test(test_count_text_every_offset),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
