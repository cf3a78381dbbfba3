/* Unit tests of html_meta_extract() on small hand-made pages: one group
 * per source of metadata (JSON-LD, OpenGraph and <meta>, headings, bylines,
 * dates in markup, URL and text, language and canonical URL). */
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

/* 2024-01-01T00:00:00Z: the ingest time of every test page. */
#define NOW ((int64_t)1704067200)

#define NKEYS(k) (sizeof(k) / sizeof((k)[0]))

static struct nw_article *
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
static void
assert_day(const struct nw_time *t, const char *day)
{
	char buf[32];

	assert_true(t->set);
	assert_non_null(date_format_utc(t, buf, sizeof(buf)));
	assert_int_equal(strncmp(buf, day, 10), 0);
}

/* Asserts that a's authors are want, names joined by ';' ("" for none). */
static void
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

static void
test_jsonld_graph(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("<html><head><title>x</title>"
	    "<script type=\"application/ld+json\">\n"
	    "{\"@context\":\"https://schema.org\",\"@graph\":["
	    "{\"@type\":\"WebSite\",\"@id\":\"#site\",\"name\":\"Daily Foo\"},"
	    "{\"@type\":\"Person\",\"@id\":\"#p1\",\"name\":\"Ann Lee\"},"
	    "{\"@type\":\"WebPage\",\"name\":\"Page | Daily Foo\","
	    "\"datePublished\":\"2015-01-01\"},"
	    "{\"@type\":[\"NewsArticle\"],\"headline\":\"Rain &amp; sun\","
	    "\"datePublished\":\"2019-11-18T10:00:00+01:00\","
	    "\"dateModified\":\"2019-11-19T08:00:00Z\","
	    "\"author\":[{\"@id\":\"#p1\"},{\"@type\":\"Person\","
	    "\"name\":\"Bo Chan\"}],"
	    "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Foo Media\"},"
	    "\"inLanguage\":\"en-GB\"}]}\n"
	    "</script></head><body><p>text</p></body></html>", NULL);
	assert_string_equal(a->title, "Rain & sun");
	assert_day(&a->published, "2019-11-18");
	assert_int_equal(a->published.offset, 60);
	assert_day(&a->updated, "2019-11-19");
	assert_int_equal(a->authors.n, 2);
	assert_string_equal(a->authors.v[0], "Ann Lee");
	assert_string_equal(a->authors.v[1], "Bo Chan");
	assert_string_equal(a->publisher, "Foo Media");
	assert_string_equal(a->lang, "en");
	article_free(a);
}

static void
test_jsonld_tolerant(void **state)
{
	struct nw_article *a;

	(void)state;
	/* a comment wrapper, a raw newline inside a string, an array of
	 * blocks and trailing junk after the JSON */
	a = run("<html><head><script type=\"application/ld+json\">"
	    "<!-- [{\"@type\":\"BreadcrumbList\"},{\"@type\":\"BlogPosting\","
	    "\"headline\":\"Two\nlines\",\"author\":\"By Cy Doe\","
	    "\"datePublished\":\"2020-02-03\"}]; junk -->"
	    "</script></head><body></body></html>", NULL);
	assert_string_equal(a->title, "Two lines");
	assert_int_equal(a->authors.n, 1);
	assert_string_equal(a->authors.v[0], "Cy Doe");
	assert_day(&a->published, "2020-02-03");
	article_free(a);
	/* a CMS's Person whose name is an array of links: each is an
	 * author, without the markup */
	a = run("<html><head><script type=\"application/ld+json\">"
	    "{\"@type\":\"Article\",\"headline\":\"Zamachy\",\"author\":"
	    "{\"@type\":\"Person\",\"name\":[\"\\u003Ca href=\\u0022/e/md"
	    "\\u0022\\u003EMateusz Gniazdowski\\u003C/a\\u003E\",\"<a "
	    "href='/e/mw'>Martyna Wasiuta</a>\"]}}</script></head><body>"
	    "</body></html>", NULL);
	assert_authors(a, "Mateusz Gniazdowski;Martyna Wasiuta");
	article_free(a);
}

/* The JSON-LD reader reads as jansson does: a key given twice keeps its
 * last value, escapes and surrogate pairs decode, a value it does not
 * read itself (an exponent) is read by jansson, \u0000 is refused, and
 * values follow one another in a script. */
static void
test_jsonld_reader(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("<html><head><script type=\"application/ld+json\">"
	    "{\"@type\":\"NewsArticle\",\"headline\":\"First\","
	    "\"headline\":\"Second \\u00e9t\\u00E9 \\ud83d\\ude00\\/x\"}"
	    "</script></head><body></body></html>", NULL);
	assert_string_equal(a->title, "Second \xc3\xa9t\xc3\xa9 "
	    "\xf0\x9f\x98\x80/x");
	article_free(a);
	a = run("<html><head><script type=\"application/ld+json\">"
	    "{\"@type\":\"NewsArticle\",\"wordCount\":1e3,"
	    "\"headline\":\"Exp\",\"datePublished\":\"2021-05-06\"}"
	    "</script></head><body></body></html>", NULL);
	assert_string_equal(a->title, "Exp");
	assert_day(&a->published, "2021-05-06");
	article_free(a);
	a = run("<html><head><title>Fallback</title>"
	    "<script type=\"application/ld+json\">"
	    "{\"@type\":\"NewsArticle\",\"headline\":\"a\\u0000b\"}"
	    "</script></head><body></body></html>", NULL);
	assert_string_equal(a->title, "Fallback");
	article_free(a);
	a = run("<html><head><script type=\"application/ld+json\">"
	    "{\"@type\":\"WebSite\",\"name\":\"Site\"}\n"
	    "{\"@type\":\"NewsArticle\",\"headline\":\"Two values\","
	    "\"datePublished\":\"2022-01-02\",\"n\":[1,-2.5,true,null]}"
	    "</script></head><body></body></html>", NULL);
	assert_string_equal(a->title, "Two values");
	assert_day(&a->published, "2022-01-02");
	article_free(a);
}

static void
test_opengraph_meta(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("<html lang=\"de-DE\"><head>"
	    "<title>Ein Titel | Der Bote</title>"
	    "<meta property=\"og:title\" content=\"Ein Titel | Der Bote\">"
	    "<meta property=\"og:site_name\" content=\"Der Bote\">"
	    "<meta property=\"og:description\" content=\"Was geschah, und "
	    "warum es wichtig ist.\">"
	    "<meta property=\"article:author\" "
	    "content=\"https://facebook.com/derbote\">"
	    "<meta name=\"author\" content=\"Von Max Muster und Eva Ek\">"
	    "<meta property=\"article:published_time\" "
	    "content=\"2021-03-14T09:00:00+01:00\">"
	    "<meta property=\"article:modified_time\" "
	    "content=\"2021-03-15T09:00:00+01:00\">"
	    "<link rel=\"canonical\" href=\"/a/1?x=1#top\">"
	    "</head><body><p>x</p></body></html>",
	    "https://www.bote.example/a/1");
	assert_string_equal(a->title, "Ein Titel");
	assert_string_equal(a->subtitle,
	    "Was geschah, und warum es wichtig ist.");
	assert_int_equal(a->authors.n, 2);
	assert_string_equal(a->authors.v[0], "Max Muster");
	assert_string_equal(a->authors.v[1], "Eva Ek");
	assert_day(&a->published, "2021-03-14");
	assert_day(&a->updated, "2021-03-15");
	assert_string_equal(a->publisher, "Der Bote");
	assert_string_equal(a->lang, "de");
	assert_string_equal(a->canonical_url,
	    "https://www.bote.example/a/1?x=1");
	article_free(a);
}

static void
test_title_site_prefix(void **state)
{
	struct nw_article *a;

	(void)state;
	/* "Site - Headline" with the site named by application-name, and
	 * a cut-off description that is no standfirst */
	a = run("<html><head><title>Gazette - Mayor opens the new bridge"
	    "</title><meta name=\"application-name\" content=\"Gazette\">"
	    "<meta name=\"description\" content=\"The mayor opened the "
	    "bridge on Tuesday morning, and then...\">"
	    "</head><body><p>x</p></body></html>", NULL);
	assert_string_equal(a->title, "Mayor opens the new bridge");
	assert_null(a->subtitle);
	article_free(a);
	/* a bare '|' after the site's name, as titles without spaces
	 * (Japanese, Chinese) set it */
	a = run("<html><head><title>NEWS WEB EASY|\xe5\xad\x90\xe3\x81"
	    "\xa9\xe3\x82\x82</title><meta property=\"og:site_name\" "
	    "content=\"NEWS WEB EASY\"></head><body><p>x</p></body></html>",
	    NULL);
	assert_string_equal(a->title, "\xe5\xad\x90\xe3\x81\xa9\xe3\x82"
	    "\x82");
	article_free(a);
}

static void
test_title_heading(void **state)
{
	struct nw_article *a;

	(void)state;
	/* the logo h1 is the site; the article's h1 agrees with a part of
	 * the <title>, and is taken as the page shows it */
	a = run("<html><head><title>Why \"cats\" purr | Pet Blog</title>"
	    "</head><body><h1 class=\"site-title\"><a href=\"/\">Pet Blog"
	    "</a></h1><article><h1>Why \xe2\x80\x9c" "cats\xe2\x80\x9d purr"
	    "</h1><p>x</p></article></body></html>", NULL);
	assert_string_equal(a->title,
	    "Why \xe2\x80\x9c" "cats\xe2\x80\x9d purr");
	article_free(a);
	/* a kicker span in the headline is not part of the title */
	a = run("<html><head><meta property=\"og:title\" content=\"Climate: "
	    "Drilling until it gets hot\"></head><body><h1><span "
	    "class=\"kicker\">Climate</span><span>:</span> <span>Drilling "
	    "until it gets hot</span></h1></body></html>", NULL);
	assert_string_equal(a->title, "Drilling until it gets hot");
	article_free(a);
	/* an element above the heading's own text is a kicker, unmarked;
	 * not where the text goes on in lower case */
	a = run("<html><head><title>Tunesien Gro\xc3\x9f" "e Aufgaben f\xc3\xbc"
	    "r die neue Regierung</title></head><body><h1><small>Tunesien"
	    "</small><br> Gro\xc3\x9f" "e Aufgaben f\xc3\xbcr die neue "
	    "Regierung</h1></body></html>", NULL);
	assert_string_equal(a->title, "Gro\xc3\x9f" "e Aufgaben f\xc3\xbc"
	    "r die neue Regierung");
	article_free(a);
	a = run("<html><head><title>Ehezoff der Pochers eskaliert</title>"
	    "</head><body><h1><span class=\"mc\">Ehezoff</span> der Pochers "
	    "eskaliert</h1></body></html>", NULL);
	assert_string_equal(a->title, "Ehezoff der Pochers eskaliert");
	article_free(a);
	/* an SEO title that disagrees with the one headline on the page */
	a = run("<html><head><title>Best widgets 2023 | Shop</title></head>"
	    "<body><h1>How we tested twelve widgets</h1></body></html>",
	    NULL);
	assert_string_equal(a->title, "How we tested twelve widgets");
	article_free(a);
	/* the same beside a one-word <h1> of a section further down, with
	 * an og:title that is an invitation to join, not the headline */
	a = run("<html><head><meta property=\"og:title\" content=\"M\xc3"
	    "\xb6" "chtest Du The Insiders mit mir zusammen beitreten?\">"
	    "<title>The Insiders - Schnell aufgefrischtes Haar mit dem neuen "
	    "Trockenshampoo - Info (de-de)</title></head><body><h1>Wellaflex "
	    "&ndash; Schnell aufgefrischtes Haar</h1><h2>Produktinformation"
	    "</h2><p>x</p><h1>Anwendung&nbsp;</h1><p>y</p></body></html>",
	    NULL);
	assert_string_equal(a->title,
	    "Wellaflex \xe2\x80\x93 Schnell aufgefrischtes Haar");
	article_free(a);
	/* two headlines of two words or more: neither is taken over the
	 * metadata */
	a = run("<html><head><title>Best widgets 2023 | Shop</title></head>"
	    "<body><h1>How we tested twelve widgets</h1><h1>Our other tests"
	    "</h1></body></html>", NULL);
	assert_string_equal(a->title, "Best widgets 2023 | Shop");
	article_free(a);
}

static void
test_bylines(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("<html><body><h1>Headline here</h1><div class=\"byline\">"
	    "By Jane Doe and John Smith, Staff Writer | jane@doe.example"
	    "</div></body></html>", NULL);
	assert_int_equal(a->authors.n, 2);
	assert_string_equal(a->authors.v[0], "Jane Doe");
	assert_string_equal(a->authors.v[1], "John Smith");
	article_free(a);
	/* a byline that opens with "Ein Artikel von", a date after it, and
	 * an author in the comments that is not the article's */
	a = run("<html><body><h1>Titel</h1><div class=\"meta\">Ein Artikel "
	    "von <strong>Pamela Muster</strong> | 27.01.2022 - 12:45</div>"
	    "<div id=\"comments\"><span class=\"author\">Troll</span></div>"
	    "</body></html>", NULL);
	assert_int_equal(a->authors.n, 1);
	assert_string_equal(a->authors.v[0], "Pamela Muster");
	assert_day(&a->published, "2022-01-27");
	article_free(a);
	/* a first name alone in the byline: the full name from an author
	 * box, or from the site's name when the site is the author's */
	a = run("<html><body><h1>Titel</h1><div class=\"byline\">By Todd"
	    "</div><p>Todd said so.</p><div><p>Todd Bates</p><p>Editor</p>"
	    "</div></body></html>", NULL);
	assert_int_equal(a->authors.n, 1);
	assert_string_equal(a->authors.v[0], "Todd Bates");
	article_free(a);
	a = run("<html><head><meta property=\"og:site_name\" content=\"Ana"
	    " Souza\"><meta name=\"author\" content=\"Ana Souza\"></head>"
	    "<body><h1>Titel</h1><div class=\"byline\">By Ana</div></body>"
	    "</html>", NULL);
	assert_int_equal(a->authors.n, 1);
	assert_string_equal(a->authors.v[0], "Ana Souza");
	article_free(a);
	/* in any case, after a lead-in, on a site named after the author;
	 * and the site's own name is no first name */
	a = run("<html><body><h1>Titel</h1><span class=\"meta-author\">"
	    "Henry</span><p>Text.</p><aside><h3>MEHR VON HENRY STEINHAU</h3>"
	    "</aside></body></html>", "http://www.steinhau.com/a/b");
	assert_authors(a, "HENRY STEINHAU");
	article_free(a);
	a = run("<html><head><meta property=\"og:site_name\" content="
	    "\"FIFPlay\"></head><body><h1>Titel</h1><span class=\"author\">"
	    "FIFPlay</span><p>Text.</p><p>FIFPlay Facebook</p></body>"
	    "</html>", NULL);
	assert_authors(a, "FIFPlay");
	article_free(a);
	/* a byline that is only a date, a line under the headline that is
	 * only a date: no author; "date - name" lines give the name */
	a = run("<html><body><h1>Kopf</h1><p>12.03.2021</p><div class="
	    "\"byline\">12.03.2021</div></body></html>", NULL);
	assert_int_equal(a->authors.n, 0);
	assert_day(&a->published, "2021-03-12");
	article_free(a);
	a = run("<html><body><h1>Kopf</h1><p>11.12.2019 - Amelie Lenz</p>"
	    "</body></html>", NULL);
	assert_int_equal(a->authors.n, 1);
	assert_string_equal(a->authors.v[0], "Amelie Lenz");
	article_free(a);
	/* itemprop author with a nested name, rel=author */
	a = run("<html><body><span itemprop=\"author\" itemscope><span "
	    "itemprop=\"name\">Por Ana Ruiz</span></span></body></html>",
	    NULL);
	assert_int_equal(a->authors.n, 1);
	assert_string_equal(a->authors.v[0], "Ana Ruiz");
	article_free(a);
	a = run("<html><body><a rel=\"author\" href=\"/u/k\">Kim Oh</a>"
	    "</body></html>", NULL);
	assert_int_equal(a->authors.n, 1);
	assert_string_equal(a->authors.v[0], "Kim Oh");
	article_free(a);
}

static void
test_outlet_author(void **state)
{
	struct nw_article *a;

	(void)state;
	/* the outlet named as author gives way to a person in the byline,
	 * and is kept when no person is named */
	a = run("<html><head><meta property=\"og:site_name\" content=\"Nord "
	    "Post\"><meta name=\"author\" content=\"Nord Post\"></head><body>"
	    "<p class=\"author\">von Uli Berg</p></body></html>", NULL);
	assert_int_equal(a->authors.n, 1);
	assert_string_equal(a->authors.v[0], "Uli Berg");
	article_free(a);
	/* after the outlet's name, a comma opens its address, no author */
	a = run("<html><head><meta property=\"og:site_name\" content="
	    "\"GIROMATCH\"><meta name=\"author\" content=\"GIROMATCH, "
	    "Frankfurt a. M., Germany\"></head><body><h1>Kredit</h1><p>Text."
	    "</p></body></html>", NULL);
	assert_authors(a, "GIROMATCH");
	article_free(a);
	a = run("<html><head><meta property=\"og:site_name\" content=\"Nord "
	    "Post\"><meta name=\"author\" content=\"Nord Post\"></head><body>"
	    "</body></html>", NULL);
	assert_int_equal(a->authors.n, 1);
	assert_string_equal(a->authors.v[0], "Nord Post");
	article_free(a);
}

/* A wire story names no person: the agency alone on a line under the
 * headline is the author, and so is the agency of a dateline that opens
 * the description; a person's byline comes first, and a dateline whose
 * parenthesis is no agency credits no one; the agency of a line of
 * sources ("Quelle: kathpress") is the author as well. */
static void
test_wire_author(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("<html><body><header><h1>Masks stolen from hospital</h1>"
	    "<p class=\"credit\">JIJI</p></header><p>Six thousand masks "
	    "were stolen.</p></body></html>", NULL);
	assert_int_equal(a->authors.n, 1);
	assert_string_equal(a->authors.v[0], "JIJI");
	article_free(a);
	a = run("<html><head><meta property=\"og:description\" content="
	    "\"Hamburg (dpa/lno) \xe2\x80\x93 Trotz eines Gespr\xc3\xa4" "ches "
	    "...\"></head><body><h1>Fronten</h1><p>Text.</p></body></html>",
	    NULL);
	assert_int_equal(a->authors.n, 1);
	assert_string_equal(a->authors.v[0], "dpa/lno");
	article_free(a);
	a = run("<html><head><meta property=\"og:description\" content="
	    "\"Hamburg (dpa) - Trotz allem\"></head><body><h1>Fronten</h1>"
	    "<p>Von Uli Berg</p><p>Text.</p></body></html>", NULL);
	assert_int_equal(a->authors.n, 1);
	assert_string_equal(a->authors.v[0], "Uli Berg");
	article_free(a);
	a = run("<html><head><meta property=\"og:description\" content="
	    "\"Hamburg (Germany) - Trotz allem\"></head><body><h1>Fronten"
	    "</h1><p>Text.</p></body></html>", NULL);
	assert_int_equal(a->authors.n, 0);
	article_free(a);
	/* the agency of a line of sources, before the site named as
	 * author; a source that is no agency credits no one */
	a = run("<html><head><meta name=\"author\" content=\"Kirche.at\">"
	    "<meta property=\"og:site_name\" content=\"Kirche.at\"></head>"
	    "<body><h1>Kopf</h1><p>Text des Artikels.</p><p>Quelle: <a "
	    "href=\"http://k.at\">kathpress</a></p></body></html>", NULL);
	assert_int_equal(a->authors.n, 1);
	assert_string_equal(a->authors.v[0], "kathpress");
	article_free(a);
	a = run("<html><body><h1>Kopf</h1><p>Text.</p><p>Source: Statistik "
	    "Austria</p></body></html>", NULL);
	assert_int_equal(a->authors.n, 0);
	article_free(a);
}

/* The heading of an author box too long to be a byline; twitter:creator
 * where it is a name, never an "@handle". */
static void
test_author_box_creator(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("<html><body><h1>Firmenwagen</h1><p>Text des Artikels.</p>"
	    "<div class=\"author-bio\"><h3>Martin Junker</h3><p>Martin "
	    "schreibt seit Jahren \xc3\xbc" "ber Finanzen, Leasing und alles, "
	    "was ein kleines Unternehmen dar\xc3\xbc" "ber wissen muss, und "
	    "beantwortet Fragen.</p><a href=\"/author/martin\">Alles von "
	    "Martin Junker</a></div></body></html>", NULL);
	assert_authors(a, "Martin Junker");
	article_free(a);
	a = run("<html><head><meta name=\"twitter:creator\" content="
	    "\"delta201\"></head><body><h1>Prologue</h1><p>Text.</p>"
	    "</body></html>", NULL);
	assert_authors(a, "delta201");
	article_free(a);
	a = run("<html><head><meta name=\"twitter:creator\" content="
	    "\"@outlet\"></head><body><h1>Prologue</h1><p>Text.</p>"
	    "</body></html>", NULL);
	assert_authors(a, "");
	article_free(a);
}

static void
test_byline_sentences(void **state)
{
	struct nw_article *a;

	(void)state;
	/* running text that opens with "By" or "Von" is no byline, though
	 * a part of it looks like a name; lower-case words count in any
	 * script ("über") */
	a = run("<html><body><h1>Kopf</h1><blockquote><p>By entering this "
	    "store you agree to be bound by the Privacy Statement and End "
	    "User Licence Agreement (EULA).</p></blockquote><h3>Von "
	    "Atemschutzmaske über Exit-Strategie und Kontaktverbot bis "
	    "Zoonose</h3></body></html>", NULL);
	assert_authors(a, "");
	article_free(a);
	/* "der" and "zur" open no name, "van" and "de" may */
	a = run("<html><body><h1>Kopf</h1><h3>Von der Wärmemessung zur "
	    "Echtzeit-Energiedienstleistung</h3><p>Text.</p></body></html>",
	    NULL);
	assert_authors(a, "");
	article_free(a);
	a = run("<html><body><h1>Kopf</h1><p>Von van Gogh</p></body></html>",
	    NULL);
	assert_authors(a, "van Gogh");
	article_free(a);
	/* a role after the name is no sentence */
	a = run("<html><body><h1>Kopf</h1><p><strong>Autorin: Uta Berg, "
	    "Projektleiterin der HSS in Tunesien.</strong></p></body></html>",
	    NULL);
	assert_authors(a, "Uta Berg");
	article_free(a);
	/* the author of a personal site named after its author */
	a = run("<html><head><meta property=\"og:site_name\" content=\""
	    "Matthew Davis's Blog\"><meta name=\"author\" content=\"Matthew "
	    "Davis\"></head><body><h1>Kopf</h1><p>By the time we knew, it "
	    "was late and Big Data had won.</p></body></html>", NULL);
	assert_authors(a, "Matthew Davis");
	article_free(a);
}

static void
test_byline_forms(void **state)
{
	struct nw_article *a;

	(void)state;
	/* an interview credits both people */
	a = run("<html><body><h1>Kopf</h1><p class=\"author\">Richard David "
	    "Precht im Gespräch mit Karin Fischer</p></body></html>", NULL);
	assert_authors(a, "Richard David Precht;Karin Fischer");
	article_free(a);
	/* French spacing before the colon of a label */
	a = run("<html><body><h1>Tête</h1><div class=\"author\">Auteur : "
	    "Kossi Tiasso</div></body></html>", NULL);
	assert_authors(a, "Kossi Tiasso");
	article_free(a);
}

/* Authors of a page whose only byline is <div class=byline>text</div>. */
static struct nw_article *
run_byline(const char *text)
{
	struct buf b = {0};
	struct nw_article *a;

	buf_printf(&b, "<html><body><h1>Kopf der Seite</h1><div class=\""
	    "byline\">%s</div><p>Body text.</p></body></html>", text);
	a = run(b.p, NULL);
	buf_free(&b);
	return a;
}

static void
test_byline_credits(void **state)
{
	static const char *const cases[][2] = {
		/* agencies and places beside a person are credits */
		{"Von Jane Doe, dpa", "Jane Doe"},
		{"By Jane Doe, Associated Press", "Jane Doe"},
		{"Jane Doe, AFP, Reuters", "Jane Doe"},
		{"Jane Doe, The Associated Press", "Jane Doe"},
		/* so is an outlet whose name opens with an article */
		{"By Jane Doe, The New York Times", "Jane Doe"},
		{"Von Anna Berg, Die Zeit", "Anna Berg"},
		{"Von Jane Doe und John Roe, Berlin", "Jane Doe;John Roe"},
		/* but a second name after a joiner is a name, and an agency
		 * named alone is all there is */
		{"Jane Doe and Cher", "Jane Doe;Cher"},
		{"AFP", "AFP"},
		/* photo credits end the byline */
		{"Text: Jane Doe Foto: John Roe", "Jane Doe"},
		{"Interview: Jens Bergmann Foto: Michael Hudler",
		    "Jens Bergmann"},
		/* labels and titles */
		{"Redaktion: Jane Doe", "Jane Doe"},
		{"Ein Kommentar von Anna Berg", "Anna Berg"},
		{"Gastbeitrag von Anna Berg, Professorin für Recht",
		    "Anna Berg"},
		{"Prof. Dr. Anna Berg", "Prof. Dr. Anna Berg"},
		{"Prof. Dr. med. habil. Anna Berg",
		    "Prof. Dr. med. habil. Anna Berg"},
		{"Date: 12.03.2021", ""},
		{"Von Anna Berg am 12. März 2021", "Anna Berg"},
		{"Von ⋅ ⋅ ⋅", ""},
		{"Datum", ""},
		/* a role word in capitals of any script is a role */
		{"\xc5\xb9r\xc3\xb3" "d\xc5\x82o", ""},
		{"QUELLE", ""},
		/* "und" inside an organisation's name joins no two names */
		{"Bundesministerium f\xc3\xbcr Wirtschaft und Klimaschutz",
		    ""},
	};
	struct nw_article *a;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		a = run_byline(cases[i][0]);
		assert_authors(a, cases[i][1]);
		article_free(a);
	}
}

static void
test_byline_under_headline(void **state)
{
	struct nw_article *a;

	(void)state;
	/* a short line under the headline that opens with a lead-in names
	 * the author, over the outlet named in the metadata */
	a = run("<html><head><meta property=\"og:site_name\" content=\""
	    "Deutsche Welle\"><meta name=\"author\" content=\"Deutsche "
	    "Welle (www.dw.com)\"></head><body><h1>La perte des terres</h1>"
	    "<p>Auteur : Kossi Tiasso</p><p>Edition : M-A. Pierre</p>"
	    "</body></html>", NULL);
	assert_authors(a, "Kossi Tiasso");
	article_free(a);
	a = run("<html><body><h1>micropolitics</h1><div><strong><em>---- by"
	    " Kenneth Surin</em></strong></div><p>Deleuze and Guattari "
	    "oppose micropolitics to the politics of molarisation.</p>"
	    "</body></html>", NULL);
	assert_authors(a, "Kenneth Surin");
	article_free(a);
	/* the lead-in alone on its line, the name in a link after it; it
	 * wins over the site's <meta name=author> */
	a = run("<html><head><meta name=\"author\" content=\"Matthias Hille"
	    " - Lukas Balbach\"></head><body><h1>Podcasts in Plex</h1><p>"
	    "Erstellt von <a href=\"/author/f\">Fabian</a> am Dienstag 6. "
	    "Mai 2014</p></body></html>", NULL);
	assert_authors(a, "Fabian");
	article_free(a);
	a = run("<html><body><h1>Six Sigma</h1><p>Dezember 10, 2019 <span>"
	    "· von</span> <a href=\"/u/f\">freeman1984</a></p></body></html>",
	    NULL);
	assert_authors(a, "freeman1984");
	article_free(a);
	/* a line that opens with "Von" but names no one */
	a = run("<html><body><h1>Kopf</h1><p>Von Montag bis Freitag</p>"
	    "</body></html>", NULL);
	assert_authors(a, "");
	article_free(a);
}

static void
test_meta_author_lists(void **state)
{
	struct nw_article *a;
	struct buf b = {0};
	int i;

	(void)state;
	/* many <meta itemprop=author> are the authors of the references;
	 * the page's own comes from the Dublin Core creator */
	buf_puts(&b, "<html><head><meta name=\"dc.creator\" content=\""
	    "Marwan H. Adwan\"></head><body><h1>DRESS</h1><ol>");
	for (i = 0; i < 6; i++)
		buf_printf(&b, "<li itemscope><meta itemprop=\"author\" "
		    "content=\"N. %c. Shear\">A study</li>", 'A' + i);
	buf_puts(&b, "</ol></body></html>");
	a = run(b.p, NULL);
	assert_authors(a, "Marwan H. Adwan");
	article_free(a);
	buf_free(&b);
	/* scholarly metadata lists every author */
	buf_puts(&b, "<html><head>");
	for (i = 0; i < 6; i++)
		buf_printf(&b, "<meta name=\"citation_author\" content=\""
		    "Ann %c\">", 'A' + i);
	buf_puts(&b, "</head><body><h1>Paper</h1></body></html>");
	a = run(b.p, NULL);
	assert_int_equal(a->authors.n, 6);
	assert_string_equal(a->authors.v[5], "Ann F");
	article_free(a);
	buf_free(&b);
}

static void
test_outlet_kinds(void **state)
{
	struct nw_article *a;

	(void)state;
	/* the site's name is matched on whole words: the blog's logo marked
	 * as author is the outlet, the pen name made from it a person */
	a = run("<html><body><h1 class=\"vcard author\"><a href=\"/\">"
	    "Krimiblog-Archiv</a></h1><h3>Ein Video</h3><h4 class=\"vcard "
	    "author\">vom <span>Krimiblogger</span></h4></body></html>",
	    "http://archiv.krimiblog.example/?p=1");
	assert_authors(a, "Krimiblogger");
	article_free(a);
	/* a firm (its "& Co. KG" whole) is no person: a person in the
	 * byline wins over it, and it is kept when no one is named */
	a = run("<html><head><meta name=\"author\" content=\"Web Commerce "
	    "GmbH &amp; Co. KG\"></head><body><h1>Kopf</h1><span class=\""
	    "author\">Alexandra Weber</span></body></html>", NULL);
	assert_authors(a, "Alexandra Weber");
	article_free(a);
	a = run("<html><head><meta name=\"author\" content=\"Web Commerce "
	    "GmbH &amp; Co. KG\"></head><body><h1>Kopf</h1></body></html>",
	    NULL);
	assert_authors(a, "Web Commerce GmbH & Co. KG");
	article_free(a);
}

static void
test_dates_markup(void **state)
{
	struct nw_article *a;

	(void)state;
	/* a <time pubdate>, a dateModified item, and a later date than now
	 * in the metadata that is refused */
	a = run("<html><head><meta name=\"date\" content=\"2031-01-01\">"
	    "</head><body><h1>T</h1><time pubdate datetime=\"2018-05-06\">"
	    "6 May</time><span itemprop=\"dateModified\" content="
	    "\"2018-05-07\"></span></body></html>", NULL);
	assert_day(&a->published, "2018-05-06");
	assert_day(&a->updated, "2018-05-07");
	article_free(a);
	/* the modification date stands in when nothing else is known */
	a = run("<html><head><meta property=\"article:modified_time\" "
	    "content=\"2017-07-07\"></head><body></body></html>", NULL);
	assert_day(&a->published, "2017-07-07");
	article_free(a);
}

static void
test_dates_url_text(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("<html><body><h1>T</h1><p>x</p></body></html>",
	    "https://blog.example/2019/11/18/slug/");
	assert_day(&a->published, "2019-11-18");
	article_free(a);
	/* a day-first date that ends a path segment, not a number run */
	a = run("<html><body><h1>T</h1><p>x</p></body></html>",
	    "https://verein.example/meldungen/29-10-2021");
	assert_day(&a->published, "2021-10-29");
	article_free(a);
	a = run("<html><body><h1>T</h1><p>x</p></body></html>",
	    "https://verein.example/meldungen/29-10-20219/");
	assert_false(a->published.set);
	article_free(a);
	/* the URL of the canonical link serves when the page has none */
	a = run("<html><head><link rel=\"canonical\" href=\"https://n."
	    "example/news/2016-02-29-leap.html\"></head><body></body></html>",
	    NULL);
	assert_day(&a->published, "2016-02-29");
	article_free(a);
	/* the date printed under the headline, an <h2> that the <title>
	 * names */
	a = run("<html><head><title>Ein Bericht | Blog</title></head><body>"
	    "<header>Menu</header><h2>Ein Bericht</h2>"
	    "<p>Veröffentlicht am 14. März 2021 um 10 Uhr</p><p>Text</p>"
	    "</body></html>", NULL);
	assert_day(&a->published, "2021-03-14");
	article_free(a);
	/* a date line under the headline wins over the metadata, but not
	 * one marked as an update, nor one inside body prose */
	a = run("<html><head><meta property=\"article:published_time\" "
	    "content=\"2020-05-01T10:00:00Z\"></head><body><h1>T</h1>"
	    "<p>Aktualisiert am 09.05.2020</p><p>Erschienen 02.05.2020</p>"
	    "</body></html>", NULL);
	assert_day(&a->published, "2020-05-02");
	article_free(a);
	a = run("<html><head><meta property=\"article:published_time\" "
	    "content=\"2020-05-01T10:00:00Z\"></head><body><h1>T</h1>"
	    "<p>The council first met on 3 March 2019 to discuss the plan, "
	    "and it has met every month since then without a decision on "
	    "the matter.</p>"
	    "</body></html>", NULL);
	assert_day(&a->published, "2020-05-01");
	article_free(a);
	/* a date that is a person's (when a poster joined the forum) is
	 * not the page's */
	a = run("<html><body><h1>Was ist Freie Software</h1><dl><dd>Beiträge:"
	    " 1626</dd><dd>Registriert: 18.09.2008, 05:56</dd></dl><p>"
	    "<strong>r23</strong> » 21.01.2009, 05:42</p><p>Was ist Freie "
	    "Software?</p></body></html>", NULL);
	assert_day(&a->published, "2009-01-21");
	article_free(a);
	/* nor one announced as coming: the page's is the next one */
	a = run("<html><body><h1>Stammtisch</h1><p>Der nächste Stammtisch "
	    "findet am Mi. 5. Februar 2020 ab 19 Uhr statt.</p><ul><li>Diese "
	    "Seite wurde zuletzt am 29. Januar 2020 um 13:22 Uhr geändert."
	    "</li></ul></body></html>", NULL);
	assert_day(&a->published, "2020-01-29");
	article_free(a);
	/* page-state JSON in a script names the publication: its best key
	 * wins over an earlier weaker one and over the modification time */
	a = run("<html><head><meta property=\"article:modified_time\" "
	    "content=\"2021-06-01T10:00:00Z\"><script>var s={\"createdAt\":"
	    "\"2019-03-01T06:22:28+01:00\",\"x\":{\"published_at\" : "
	    "\"2019-03-02T06:22:28+01:00\"}};</script></head><body><h1>T</h1>"
	    "<p>x</p></body></html>", NULL);
	assert_day(&a->published, "2019-03-02");
	assert_day(&a->updated, "2021-06-01");
	article_free(a);
	a = run("<html><head><script>self.p=\"{\\\"publishedAt\\\":"
	    "\\\"2018-05-06\\\"}\"</script></head><body><h1>T</h1>"
	    "</body></html>", NULL);
	assert_day(&a->published, "2018-05-06");
	article_free(a);
	/* no date near the headline nor in metadata: the first date on
	 * a short line of the page, not one in reader comments, and one
	 * marked as an update only when it is the only one */
	a = run("<html><body>"
	    "<h1>T</h1><div>Lorem ipsum dolor sit amet, consectetur adipisici"
	    "ng elit, sed do eiusmod tempor incididunt ut labore et dolore "
	    "magna aliqua, ut enim ad minim veniam, quis nostrud exercit"
	    "ation ullamco laboris nisi ut aliquip ex ea commodo consequat."
	    "</div><div>Duis aute irure dolor in reprehenderit in voluptate "
	    "velit esse cillum dolore eu fugiat nulla pariatur. Excepteur "
	    "sint occaecat cupidatat non proident, sunt in culpa qui officia"
	    " deserunt mollit anim id est laborum. Sed ut perspiciatis unde "
	    "omnis iste natus error sit voluptatem accusantium doloremque.</"
	    "div><div>Lorem ipsum dolor sit amet, consectetur adipisicing el"
	    "it, sed do eiusmod tempor incididunt ut labore et dolore magna "
	    "aliqua, ut enim ad minim veniam, quis nostrud exercitation ulla"
	    "mco laboris nisi ut aliquip ex ea commodo consequat. Duis aute."
	    "</div><div>Duis aute irure dolor in reprehenderit in voluptate "
	    "velit esse cillum dolore eu fugiat nulla pariatur. Excepteur "
	    "sint occaecat cupidatat non proident, sunt in culpa qui officia"
	    " deserunt mollit anim id est laborum. Sed ut perspiciatis unde "
	    "omnis iste natus error sit voluptatem accusantium doloremque.</"
	    "div><div class=\"comments\"><p>3.4.2015</p></div>"
	    "<p>Aktualisiert am 9.5.2020</p><p>am 19. Mai 2010 gepostet"
	    "</p></body></html>", NULL);
	assert_day(&a->published, "2010-05-19");
	article_free(a);
	a = run("<html><body><h1>T</h1><p>x</p><p>Lorem ipsum dolor sit "
	    "amet, consectetur adipisicing elit, sed do eiusmod tempor "
	    "incididunt ut labore et dolore magna aliqua.</p><p>Lorem ipsum "
	    "dolor sit amet, consectetur adipisicing elit, sed do eiusmod "
	    "tempor incididunt ut labore et dolore magna aliqua.</p><p>Lorem"
	    " ipsum dolor sit amet, consectetur adipisicing elit, sed do eiu"
	    "smod tempor incididunt ut labore et dolore magna aliqua.</p><p>"
	    "Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed "
	    "do eiusmod tempor incididunt ut labore et dolore magna aliqu"
	    "a.</p><p>Letzte Aktualisierung: 14.01.2022</p></body></html>",
	    NULL);
	assert_day(&a->published, "2022-01-14");
	article_free(a);
	/* nothing: no date at all */
	a = run("<html><body><h1>T</h1><p>No date here.</p></body></html>",
	    NULL);
	assert_false(a->published.set);
	article_free(a);
}

static void
test_lang_canonical(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("<html><head><meta http-equiv=\"content-language\" "
	    "content=\"FR\"><meta property=\"og:url\" content=\"https://f."
	    "example/x#frag\"></head><body></body></html>", NULL);
	assert_string_equal(a->lang, "fr");
	assert_string_equal(a->canonical_url, "https://f.example/x");
	article_free(a);
	a = run("<html lang=\"deu\"><body></body></html>", NULL);
	assert_string_equal(a->lang, "de");
	article_free(a);
	a = run("<html lang=\"x-klingon-nonsense\"><head><meta property="
	    "\"og:locale\" content=\"pt_BR\"></head><body></body></html>",
	    NULL);
	assert_string_equal(a->lang, "pt");
	article_free(a);
}

static void
test_keeps_set_fields(void **state)
{
	struct nw_article *a = article_new();
	const char *html = "<html><head><title>Other</title><meta name="
	    "\"author\" content=\"Someone Else\"><meta property=\"article:"
	    "published_time\" content=\"2010-01-01\"></head></html>";
	htmlDocPtr doc;

	(void)state;
	article_set(&a->title, "Mine");
	strlist_push(&a->authors, "Me");
	assert_int_equal(date_parse("2012-12-12", &a->published), 0);
	doc = htmlReadMemory(html, (int)strlen(html), NULL, "UTF-8",
	    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
	html_meta_extract(doc, NULL, NOW, a);
	assert_string_equal(a->title, "Mine");
	assert_int_equal(a->authors.n, 1);
	assert_string_equal(a->authors.v[0], "Me");
	assert_day(&a->published, "2012-12-12");
	xmlFreeDoc(doc);
	/* a NULL document changes nothing */
	html_meta_extract(NULL, NULL, NOW, a);
	assert_string_equal(a->title, "Mine");
	article_free(a);
}

/* Character references libxml2 leaves in metadata (double-encoded
 * attributes, JSON-LD strings) are decoded with all of HTML's entities:
 * a name with "&oslash;" is one author, not two split at the ';'. */
static void
test_entities(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("<html><head><title>x</title>"
	    "<meta name=\"author\" content=\"J&amp;oslash;rgen "
	    "M&amp;aelig;rsk\">"
	    "<script type=\"application/ld+json\">"
	    "{\"@type\":\"NewsArticle\","
	    "\"headline\":\"Prices in &euro; rise &mdash; &copy; "
	    "&Aring;rhus &#x2603; &bogus; &amp\"}"
	    "</script></head><body><p>x</p></body></html>", NULL);
	assert_authors(a, "J\xc3\xb8rgen M\xc3\xa6rsk");
	assert_string_equal(a->title, "Prices in \xe2\x82\xac rise "
	    "\xe2\x80\x94 \xc2\xa9 \xc3\x85rhus \xe2\x98\x83 &bogus; &amp");
	article_free(a);
}

/* The page's lead picture: OpenGraph first, then Twitter, then the
 * article's schema.org image (an ImageObject here), resolved against the
 * page; a blank or a logo is none. */
static void
test_lead_image(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("<html><head><meta property=\"og:image\" content=\"/i/a.jpg\">"
	    "<meta name=\"twitter:image\" content=\"https://e.com/t.jpg\">"
	    "</head><body><p>x</p></body></html>", "https://e.com/news/1");
	assert_string_equal(a->lead_image, "https://e.com/i/a.jpg");
	article_free(a);
	a = run("<html><head><script type=\"application/ld+json\">"
	    "{\"@type\":\"NewsArticle\",\"headline\":\"H\",\"image\":"
	    "[{\"@type\":\"ImageObject\",\"url\":\"https://e.com/ld.jpg\"}]}"
	    "</script></head><body><p>x</p></body></html>", NULL);
	assert_string_equal(a->lead_image, "https://e.com/ld.jpg");
	article_free(a);
	a = run("<html><head><meta property=\"og:image\" "
	    "content=\"https://s0.wp.com/i/blank.jpg\"></head><body><p>x</p>"
	    "</body></html>", NULL);
	assert_null(a->lead_image);
	article_free(a);
}

/* A day stored as its local midnight and written in UTC (a German
 * page's "2022-11-06T23:00:00.000Z" is 7 November at 00:00 in Berlin):
 * the local day is the page's; a time that is no local midnight, a page
 * whose language spans zones, and a summer midnight (22:00Z) are seen
 * as they should be. */
static const char *
local_day(const char *lang, const char *when)
{
	static char buf[40];
	struct nw_article *a;
	char html[512];

	snprintf(html, sizeof(html), "<html lang=\"%s\"><head>"
	    "<meta property=\"article:published_time\" content=\"%s\">"
	    "<title>Provence Travel Guide</title></head><body>"
	    "<h1>Provence Travel Guide</h1><p>5 Must-sees</p></body></html>",
	    lang, when);
	a = run(html, "https://example.de/artikel/provence");
	assert_true(a->published.set);
	if (date_format_local(&a->published, buf, sizeof(buf)) == NULL)
		buf[0] = '\0';
	article_free(a);
	return buf;
}

static void
test_local_midnight(void **state)
{
	(void)state;
	assert_string_equal(local_day("de", "2022-11-06T23:00:00.000Z"),
	    "2022-11-07T00:00:00+01:00");
	assert_string_equal(local_day("de-AT", "2022-07-06T22:00:00Z"),
	    "2022-07-07T00:00:00+02:00");
	assert_string_equal(local_day("ja", "2019-06-23T15:00:00Z"),
	    "2019-06-24T00:00:00+09:00");
	/* not a midnight there: stays as stated */
	assert_string_equal(local_day("de", "2022-11-06T23:28:27Z"),
	    "2022-11-06T23:28:27+00:00");
	assert_string_equal(local_day("de", "2022-07-06T23:00:00Z"),
	    "2022-07-06T23:00:00+00:00");
	/* languages of several zones, and a region that says which */
	assert_string_equal(local_day("en", "2022-11-06T23:00:00Z"),
	    "2022-11-06T23:00:00+00:00");
	assert_string_equal(local_day("fr-CA", "2022-11-06T23:00:00Z"),
	    "2022-11-06T23:00:00+00:00");
	assert_string_equal(local_day("fr-FR", "2022-11-06T23:00:00Z"),
	    "2022-11-07T00:00:00+01:00");
	/* a stated offset is the page's own */
	assert_string_equal(local_day("de", "2022-11-06T23:00:00-01:00"),
	    "2022-11-06T23:00:00-01:00");
}

/* The author's Person node of a Yoast graph names a user by the first
 * name alone; the description, the user's profile, opens with the full
 * name. */
static const char *
bio_author(const char *desc)
{
	static char buf[64];
	struct nw_article *a;
	char html[1024];

	snprintf(html, sizeof(html), "<html><head><title>Tubeless</title>"
	    "<script type=\"application/ld+json\">{\"@context\":"
	    "\"https://schema.org\",\"@graph\":[{\"@type\":\"Article\","
	    "\"headline\":\"Tubeless\",\"author\":{\"name\":\"Stefanus\","
	    "\"@id\":\"https://x.example/#/schema/person/71\"}},"
	    "{\"@type\":\"Person\",\"@id\":"
	    "\"https://x.example/#/schema/person/71\",\"name\":\"Stefanus\","
	    "\"description\":\"%s\"}]}</script></head><body>"
	    "<h1>Tubeless</h1><p>Text.</p></body></html>", desc);
	a = run(html, "https://x.example/news/tubeless/");
	assert_int_equal(a->authors.n, 1);
	snprintf(buf, sizeof(buf), "%s", a->authors.v[0]);
	article_free(a);
	return buf;
}

static void
test_author_bio(void **state)
{
	(void)state;
	assert_string_equal(bio_author("Stefanus Stahl - Maschinenbauer, "
	    "Abenteurer und ICB-Projektleiter."), "Stefanus Stahl");
	assert_string_equal(bio_author("Stefanus Stahl, Maschinenbauer"),
	    "Stefanus Stahl");
	/* a profile that does not open with a name */
	assert_string_equal(bio_author("Stefanus here! I love to ride."),
	    "Stefanus");
	assert_string_equal(bio_author("Stefanus ist seit 2002 auf dem "
	    "Mountainbike unterwegs und schreibt"), "Stefanus");
	assert_string_equal(bio_author("D\u00e4mon vom Dienst."),
	    "Stefanus");
}

/* A byline that opens with a lead-in ("Geschrieben von") speaks for the
 * article where <meta name=author> names the site (from a page of
 * bayrische-bembel.de, which has no headline element); bylines of several
 * names are teasers, and a <meta> wins over them; rel=author comes
 * before a lead-in line. */
static void
test_byline_before_site_meta(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("<html><head><title>EFC Bayrische Bembel - News - "
	    "Ausw\xc3\xa4rtsfahrt nach Mainz</title>"
	    "<meta name=\"author\" content=\"EFC Bayrische Bembel\" />"
	    "</head><body><table>"
	    "<tr><td class=\"itemHead\"><span class=\"itemTitle\">"
	    "Ausw\xc3\xa4rtsfahrt nach Mainz</span></td></tr>"
	    "<tr><td class=\"itemInfo\"><span class=\"itemPoster\">"
	    "Geschrieben von <a href=\"http://bayrische-bembel.de/bbr/"
	    "userinfo.php?uid=6\">Cooper</a></span> <span class=\""
	    "itemPostDate\">am 25.08.2015 22:30</span></td></tr>"
	    "<tr><td><p>Am Samstag ging es mit dem Bus nach Mainz, wo "
	    "die Eintracht vor vollem Haus spielte.</p></td></tr>"
	    "</table></body></html>", NULL);
	assert_authors(a, "Cooper");
	article_free(a);

	a = run("<html><head><title>Der Tag</title>"
	    "<meta name=\"author\" content=\"Jane Doe\" /></head><body>"
	    "<ul><li><a href=\"/a\">Erster Teaser</a><p>Von Max Muster</p>"
	    "</li><li><a href=\"/b\">Zweiter Teaser</a><p>Von Erika "
	    "Mustermann</p></li></ul>"
	    "<h1>Der Tag</h1><p>Ein langer Text \xc3\xbc" "ber den Tag, "
	    "der hier steht und weitergeht.</p></body></html>", NULL);
	assert_authors(a, "Jane Doe");
	article_free(a);

	a = run("<html><head><title>Auto leasen</title></head><body>"
	    "<p>von LeasingMarkt.de</p><article><h1>Auto leasen</h1>"
	    "<p>Ein Text \xc3\xbc" "ber das Leasen von Autos, lang "
	    "genug.</p><p>Autor: <a rel=\"author\" href=\"/autoren/rt\">"
	    "Robin Tsch\xc3\xb6pe</a></p></article></body></html>", NULL);
	assert_authors(a, "Robin Tsch\xc3\xb6pe");
	article_free(a);
}

/* Name and date under the headline as texts of their own, joined by a
 * short word (jagderleben.de, economictimes.indiatimes.com); a label
 * ("Last Modified:") or a name set beside the date with no word between
 * (a "Reset Password" link) is not read as a byline. */
static void
test_dateline_join(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("<html><head><title>Waldwege gesperrt</title></head><body>"
	    "<h1>Waldwege unrechtm\xc3\xa4\xc3\x9fig gesperrt</h1>"
	    "<div><span class=\"teaser-copyright\">&copy; Kathrin "
	    "F\xc3\xbchres</span></div><div><span>Kathrin F\xc3\xbchres"
	    "</span> <span>am</span> <span>Mittwoch, 26.01.2022 - 14:30"
	    "</span></div><p>Immer wieder versperren Unbekannte Waldwege "
	    "bei Otterberg.</p></body></html>", NULL);
	assert_authors(a, "Kathrin F\xc3\xbchres");
	article_free(a);

	a = run("<html><head><title>The iPhone SE is in India</title>"
	    "</head><body><h1>The iPhone SE is in India</h1><div>"
	    "<span>ET Online</span><span>|</span>"
	    "<span>09 Jun 2020, 02:32 PM IST</span></div>"
	    "<p>Not a flagship, but close.</p></body></html>", NULL);
	assert_authors(a, "ET Online");
	article_free(a);

	/* the short word before the date on one line, too */
	a = run("<html><head><title>Waldwege</title></head><body>"
	    "<h1>Waldwege</h1><p>Kathrin F\xc3\xbchres am 26.01.2022</p>"
	    "<p>Immer wieder versperren Unbekannte Waldwege.</p>"
	    "</body></html>", NULL);
	assert_authors(a, "Kathrin F\xc3\xbchres");
	article_free(a);

	a = run("<html><head><title>Surgical masks</title></head><body>"
	    "<h1>Surgical masks</h1><div>Article history</div>"
	    "<div>Last Modified:</div><div>Feb 18, 2020</div>"
	    "<p>KOBE \xe2\x80\x93 Masks are sold out.</p></body></html>",
	    NULL);
	assert_authors(a, "");
	article_free(a);

	a = run("<html><head><title>Attacks</title></head><body>"
	    "<h1>Attacks</h1><a href=\"/reset\">Reset Password</a>"
	    "<span>Tuesday, April 26, 2022</span>"
	    "<p>The police said on Monday that they had arrested three "
	    "men.</p></body></html>", NULL);
	assert_authors(a, "");
	article_free(a);
}

/* A personal site names no author but holds its copyright: the footer's
 * line that reserves rights gives a person's full name; a picture's
 * credit, a firm, the site's name or one word give none, and a byline
 * comes first. */
static void
test_copyright_author(void **state)
{
	static const char *const lines[][2] = {
		{"Copyright (c) 2012- Gregory Szorc. All rights reserved. "
		    "Design by <a href=\"/t\">CSS Templates</a>.",
		    "Gregory Szorc"},
		{"(c) Johannes Wolf \xe2\x80\xa2 Weitere Rechte siehe "
		    "Impressum", "Johannes Wolf"},
		{"&copy; 2022 J. R. Roe. Tous droits r\xc3\xa9serv\xc3\xa9s",
		    "J. R. Roe"},
		{"&copy; Oli Scarff/Getty Images", ""},
		{"&copy; 2022 Muster Verlag GmbH. Alle Rechte vorbehalten.",
		    ""},
		{"&copy; 2022 Nord Post. All rights reserved.", ""},
		{"&copy; Webedia - alle Rechte vorbehalten", ""},
		{"&copy; 2023 Acme Media Group. All rights reserved.", ""},
	};
	struct nw_article *a;
	char page[512];
	size_t i;

	(void)state;
	for (i = 0; i < NKEYS(lines); i++) {
		snprintf(page, sizeof(page), "<html><head><meta property="
		    "\"og:site_name\" content=\"Nord Post\"></head><body>"
		    "<h1>Reflections</h1><p>Text.</p><div id=\"footer\">"
		    "<p>%s</p></div></body></html>", lines[i][0]);
		a = run(page, NULL);
		assert_authors(a, lines[i][1]);
		article_free(a);
	}
	a = run("<html><body><h1>Reflections</h1><p>By Ana Souza</p>"
	    "<p>Text.</p><p>(c) Gregory Szorc. All rights reserved.</p>"
	    "</body></html>", NULL);
	assert_authors(a, "Ana Souza");
	article_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_jsonld_graph),
		cmocka_unit_test(test_jsonld_tolerant),
		cmocka_unit_test(test_jsonld_reader),
		cmocka_unit_test(test_opengraph_meta),
		cmocka_unit_test(test_title_site_prefix),
		cmocka_unit_test(test_title_heading),
		cmocka_unit_test(test_bylines),
		cmocka_unit_test(test_outlet_author),
		cmocka_unit_test(test_byline_sentences),
		cmocka_unit_test(test_byline_forms),
		cmocka_unit_test(test_byline_credits),
		cmocka_unit_test(test_byline_under_headline),
		cmocka_unit_test(test_meta_author_lists),
		cmocka_unit_test(test_outlet_kinds),
		cmocka_unit_test(test_dates_markup),
		cmocka_unit_test(test_dates_url_text),
		cmocka_unit_test(test_lang_canonical),
		cmocka_unit_test(test_keeps_set_fields),
		cmocka_unit_test(test_entities),
		cmocka_unit_test(test_lead_image),
		cmocka_unit_test(test_wire_author),
		cmocka_unit_test(test_author_box_creator),
		cmocka_unit_test(test_local_midnight),
		cmocka_unit_test(test_author_bio),
		cmocka_unit_test(test_byline_before_site_meta),
		cmocka_unit_test(test_dateline_join),
		cmocka_unit_test(test_copyright_author),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
