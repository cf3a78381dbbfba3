/* Unit tests of html_meta_extract() on small hand-made pages: one group
 * per source of metadata (JSON-LD, OpenGraph and <meta>, headings, dates
 * in markup, URL and text, language and canonical URL). The authors are
 * tested in test_html_meta_authors.c. */
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
#include "html/html_meta_int.h"
#include "meta_check.h"

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

/* Hand-written JSON-LD that says "type" for "@type" is still read: the
 * article's author and date, and its Person. */
static void
test_jsonld_plain_type(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("<html><head><title>x</title>"
	    "<script type=\"application/ld+json\">{\"@context\":"
	    "\"http://schema.org\",\"type\":\"Article\",\"headline\":"
	    "\"Buggy Python Code\",\"datePublished\":\"Thu, 08 May 2014 "
	    "14:04:53 -0400\",\"author\":{\"@type\":\"Person\",\"name\":"
	    "\"Martin Chikilian\"}}</script></head><body><p>text</p>"
	    "</body></html>", NULL);
	assert_day(&a->published, "2014-05-08");
	assert_authors(a, "Martin Chikilian");
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
	/* "Site - Headline" with the site named by application-name, and
	 * a cut-off description that is no standfirst; no heading, and a
	 * description that is one part of the title, between a club's
	 * name and the section's: the headline, and no standfirst */
	static const char *const no_sub[][2] = {
		{"<html><head><title>Gazette - Mayor opens the new bridge"
		    "</title><meta name=\"application-name\" content=\""
		    "Gazette\"><meta name=\"description\" content=\"The mayor "
		    "opened the bridge on Tuesday morning, and then...\">"
		    "</head><body><p>x</p></body></html>",
		    "Mayor opens the new bridge"},
		{"<html><head><meta name=\"description\" content=\""
		    "Eintracht stellt Weichen\"><title>EFC Bembel Regensburg "
		    "- Eintracht stellt Weichen - Eintracht Presse - News"
		    "</title></head><body><p>x</p></body></html>",
		    "Eintracht stellt Weichen"},
	};
	struct nw_article *a;
	size_t i;

	(void)state;
	for (i = 0; i < NKEYS(no_sub); i++) {
		a = run(no_sub[i][0], NULL);
		assert_string_equal(a->title, no_sub[i][1]);
		assert_null(a->subtitle);
		article_free(a);
	}
	/* a bare '|' after the site's name, as titles without spaces
	 * (Japanese, Chinese) set it */
	a = run("<html><head><title>NEWS WEB EASY|\xe5\xad\x90\xe3\x81"
	    "\xa9\xe3\x82\x82</title><meta property=\"og:site_name\" "
	    "content=\"NEWS WEB EASY\"></head><body><p>x</p></body></html>",
	    NULL);
	assert_string_equal(a->title, "\xe5\xad\x90\xe3\x81\xa9\xe3\x82"
	    "\x82");
	article_free(a);
	/* a separator left dangling by a template with an empty part */
	a = run("<html><head><title>National Rail Enquiries - </title>"
	    "</head><body><p>x</p></body></html>", NULL);
	assert_string_equal(a->title, "National Rail Enquiries");
	article_free(a);
	a = run("<html><head><meta property=\"og:title\" content=\"\xc3\x9c"
	    "ber Andr\xc3\xa9 Loibl |\"></head><body><p>x</p></body></html>",
	    NULL);
	assert_string_equal(a->title, "\xc3\x9c" "ber Andr\xc3\xa9 Loibl");
	article_free(a);
}

static void
test_title_heading(void **state)
{
	static const char *const lone_h2[][2] = {
		{"<html><head><title>Feuerwehr Oldenburg - Ausbildung</title>"
		    "</head><body><h2>Bootsdienst Ausbildung</h2><p>x</p>"
		    "</body></html>", "Bootsdienst Ausbildung"},
		{"<html><head><title>Ausbildung | Feuerwehr Oldenburg</title>"
		    "<meta property=og:site_name content=\"Feuerwehr "
		    "Oldenburg\"></head><body><h2>Feuerwehr Oldenburg aktuell"
		    "</h2><p>x</p></body></html>", "Ausbildung"},
		{"<html><head><title>Scientists Confirm 2023 as Hottest Year"
		    "</title></head><body><h1 class=site-title>Scientists "
		    "Confirm 2023 as Hottest Year</h1><h2>2023 on Track to "
		    "Break Records</h2></body></html>",
		    "Scientists Confirm 2023 as Hottest Year"},
	};
	struct nw_article *a;
	size_t i;

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
	/* a hidden h1 that spells the whole title loses the site's name
	 * at its end, not a first part that looks like it */
	a = run("<html><head><title>EU-Taxonomie: Erdgas | Umweltbundesamt"
	    "</title><meta property=og:site_name content=Umweltbundesamt>"
	    "</head><body><h1 class=q1>EU-Taxonomie: Erdgas | "
	    "Umweltbundesamt</h1><p>x</p></body></html>", NULL);
	assert_string_equal(a->title, "EU-Taxonomie: Erdgas");
	article_free(a);
	a = run("<html><head><title>Windenergie \xe2\x80\x93 Strom vom Meer |"
	    " Stiftung WINDENERGIE</title><meta property=og:site_name "
	    "content=\"Stiftung WINDENERGIE\"></head><body><h1>Windenergie "
	    "\xe2\x80\x93 Strom vom Meer</h1></body></html>", NULL);
	assert_string_equal(a->title,
	    "Windenergie \xe2\x80\x93 Strom vom Meer");
	article_free(a);
	/* the site's name as an unlinked <h1> in the page's header, the
	 * headline in no heading: the name is no headline */
	a = run("<html><head><title>Why cats purr | Pet Blog</title><meta "
	    "property=og:site_name content=\"Pet Blog\"></head><body><h1>Pet "
	    "Blog</h1><div>Why cats purr</div><p>x</p></body></html>", NULL);
	assert_string_equal(a->title, "Why cats purr");
	article_free(a);
	/* a kicker and the headline in spans whatever their class: the
	 * title's text after the kicker's colon names the headline's */
	a = run("<html><head><title>Corona-Lockerungen: Autoh\xc3\xa4user "
	    "rechnen mit Flaute | MDR.DE</title></head><body><h1><span class"
	    "=q1>Nach Corona-Lockerungen</span> <span class=q2>Autoh\xc3\xa4"
	    "user rechnen mit Flaute</span></h1><p>x</p></body></html>", NULL);
	assert_string_equal(a->title,
	    "Autoh\xc3\xa4user rechnen mit Flaute");
	article_free(a);
	/* no headline but an <h3> (the <h1> is the logo), before the
	 * title's spaced colon: the headline, and the byline under it */
	a = run("<html><head><title>Das Video der Welt : Krimiblog-Archiv | "
	    "Gegr\xc3\xbcndet 2005</title></head><body><h1><a href=\"http://"
	    "x.example/\">Krimiblog-Archiv</a></h1><div><h3>Das Video der "
	    "Welt</h3><h4>vom <span>Krimiblogger</span></h4><p>x</p></div>"
	    "<h3>Kommentare</h3></body></html>", NULL);
	assert_string_equal(a->title, "Das Video der Welt");
	assert_authors(a, "Krimiblogger");
	article_free(a);
	/* no <h1> or <h2>: the <h3> that is a part of the title is the
	 * headline, and the rest the site's (munich2022.com, whose site
	 * the page names nowhere else) */
	a = run("<html><head><title>Topathleten fit f\xc3\xbcr M\xc3\xbcnchen "
	    "- European Championships Munich 2022</title></head><body><div>"
	    "<h3><span>Topathleten fit f\xc3\xbcr M\xc3\xbcnchen</span></h3>"
	    "<p>x</p></div><h3>Tags</h3></body></html>", NULL);
	assert_string_equal(a->title,
	    "Topathleten fit f\xc3\xbcr M\xc3\xbcnchen");
	article_free(a);
	/* an <h3> beside a headline is a teaser's, whatever it agrees with */
	a = run("<html><head><title>Ultium erh\xc3\xb6ht Kapazit\xc3\xa4t - "
	    "Battery-News.de</title></head><body><h1>Ultium erh\xc3\xb6ht "
	    "Kapazit\xc3\xa4t in Tennessee</h1><p>x</p><h3>Ultium erh\xc3"
	    "\xb6ht Kapazit\xc3\xa4t</h3></body></html>", NULL);
	assert_string_equal(a->title,
	    "Ultium erh\xc3\xb6ht Kapazit\xc3\xa4t in Tennessee");
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
	/* the <h2> the og:title confirms before the <h1> that only the
	 * <title> does (a title for search engines, the page's <h1> too) */
	a = run("<html><head><title>Danni und Ennesto trennen sich: "
	    "\"Arschloch\"</title><meta property=og:title content=\""
	    "&quot;Arschloch&quot;: Danni und Ennesto trennen sich\"></head>"
	    "<body><h1>Danni und Ennesto trennen sich: \"Arschloch\"</h1>"
	    "<h2>\xe2\x80\x9e" "Arschloch\xe2\x80\x9c: Danni und Ennesto "
	    "trennen sich</h2><p>x</p></body></html>", NULL);
	assert_string_equal(a->title, "\xe2\x80\x9e" "Arschloch\xe2\x80\x9c: "
	    "Danni und Ennesto trennen sich");
	article_free(a);
	/* no <h1>: the one <h2> that shares a word with the title cut of
	 * the site's name; not one that shares only the site's name, nor
	 * one beside a logo set as an <h1> */
	for (i = 0; i < NKEYS(lone_h2); i++) {
		a = run(lone_h2[i][0], NULL);
		assert_string_equal(a->title, lone_h2[i][1]);
		article_free(a);
	}
}

/* The site's name as a heading its markup does not mark as the logo (an
 * <h1> inside the logo's <h1>, which libxml2 may also split from it) is
 * no headline, though the <title> is the site's name too: the og:title
 * is the article's. */
static void
test_title_nested_logo(void **state)
{
	static const char *const wrapped[][2] = {
		{"<html><head><title>Kleine Schafskunde | M\xc3\xa4scot und "
		    "Freunde</title></head><body><h1 id=q1><span><a href=\""
		    "http://x.example/\">M\xc3\xa4scot und Freunde</a></span>"
		    "</h1><h2>Sonntags neue Comics</h2><h1>Kleine Schafskunde"
		    "</h1><p>x</p></body></html>", "Kleine Schafskunde"},
		{"<html><head><title>Ein Titel</title></head><body><h1>Mehr "
		    "Comics <span><a href=\"/\">ab Sonntag</a></span></h1><p>x"
		    "</p></body></html>", "Mehr Comics ab Sonntag"},
	};
	static const char *const glued[] = {
		"<html><head><title>Truckwash A31Das andere Branchenbuch | "
		"Das andere Branchenbuch</title></head><body><h1><a href=\"/"
		"\">Das andere Branchenbuch</a></h1><h1>Truckwash A31</h1>"
		"<h1>Post navigation</h1><p>x</p></body></html>",
		"<html><head><title>Das andere BranchenbuchTruckwash A31"
		"</title></head><body><h1><a href=\"/\">Das andere "
		"Branchenbuch</a></h1><h1>Truckwash A31</h1><h1>Post "
		"navigation</h1><p>x</p></body></html>",
	};
	static const char *const pages[] = {
		"<html><head><title>Entermedia</title><meta property=\""
		"og:title\" content=\"Actor returns with a new film\">"
		"</head><body><div><h1 class=\"logo\"><a href=\"/\"><h1>"
		"Entermedia</h1></a></h1></div><div><h3>Actor returns with "
		"a new film</h3></div><p>Text of the article.</p></body>"
		"</html>",
		"<html><head><title>Entermedia</title><meta property=\""
		"og:title\" content=\"Actor returns with a new film\">"
		"</head><body><div><h1 class=\"logo\"></h1><h1>Entermedia"
		"</h1></div><p>Text of the article.</p></body></html>",
	};
	struct nw_article *a;
	size_t i;

	(void)state;
	for (i = 0; i < NKEYS(pages); i++) {
		/* the second names the site only in its address */
		a = run(pages[i], i == 0 ? NULL :
		    "http://www.entermedia.co.kr/news/1");
		assert_string_equal(a->title, "Actor returns with a new film");
		article_free(a);
	}
	/* the heading alone in a link to the home page (what libxml2
	 * leaves of entermedia's <h1 id="site-title"><a href="/"><h1>)
	 * is the logo, though it reads as no site name */
	a = run("<html><head><title>Actor returns - Entermedia</title>"
	    "</head><body><div id=\"header\"><a href=\"/\"><h1>\xec\x97\x94"
	    "\xed\x84\xb0 \xeb\xaf\xb8\xeb\x94\x94\xec\x96\xb4</h1></a></div>"
	    "<p>Text of the article.</p></body></html>",
	    "http://entermedia.co.kr/news/news_view.html?idx=8576");
	assert_string_equal(a->title, "Actor returns");
	article_free(a);
	/* the same with the heading wrapped in <div>s of its own (another
	 * CMS's markup): still the logo; not a wrapper that holds more */
	a = run("<html><head><title>Actor returns - Entermedia</title>"
	    "</head><body><div><a href=\"/\"><div><div><h1>\xec\x97\x94"
	    "\xed\x84\xb0 \xeb\xaf\xb8\xeb\x94\x94\xec\x96\xb4</h1>"
	    "</div></div></a></div><p>Text of the article.</p></body></html>",
	    "http://entermedia.co.kr/news/news_view.html?idx=8576");
	assert_string_equal(a->title, "Actor returns");
	article_free(a);
	a = run("<html><head><title>Actor returns - Entermedia</title>"
	    "</head><body><a href=\"/\"><div><h1>Actor returns</h1>"
	    "<p>Text of the article.</p></div></a></body></html>", NULL);
	assert_string_equal(a->title, "Actor returns");
	article_free(a);
	/* all the <h1>'s text in a link to the home page, through wrappers
	 * and whatever its id says: the logo, not the headline; a link to
	 * the home page beside the heading's own text is not */
	for (i = 0; i < NKEYS(wrapped); i++) {
		a = run(wrapped[i][0], NULL);
		assert_string_equal(a->title, wrapped[i][1]);
		article_free(a);
	}
	/* the logo's text glued to the headline in the title, with no
	 * separator, after it or before it: the <h1> is the headline */
	for (i = 0; i < NKEYS(glued); i++) {
		a = run(glued[i], NULL);
		assert_string_equal(a->title, "Truckwash A31");
		article_free(a);
	}
}

/* The site's name in the page's address where its host is an IDN, in
 * Unicode or in its ASCII form (Punycode), as in any other: "Headline -
 * Site" loses the site's part. */
static void
test_title_idn_site(void **state)
{
	static const char *const urls[] = {
		"http://www.\xec\x97\x94\xed\x84\xb0\xeb\xaf\xb8\xeb\x94\x94"
		"\xec\x96\xb4.kr/news/articleView.html?idxno=1",
		"http://www.xn--2z1br4kw3iudu91d.kr/news/1",
		"http://user@WWW.XN--2Z1BR4KW3IUDU91D.KR:8080/news/1",
		"http://www.%EC%97%94%ED%84%B0%EB%AF%B8%EB%94%94%EC%96%B4.kr/",
		"//xn--2z1br4kw3iudu91d.kr./news/1",
	};
	struct nw_article *a;
	size_t i;

	(void)state;
	for (i = 0; i < NKEYS(urls); i++) {
		a = run("<html><head><title>Actor returns - \xec\x97\x94"
		    "\xed\x84\xb0\xeb\xaf\xb8\xeb\x94\x94\xec\x96\xb4</title>"
		    "</head><body><p>x</p></body></html>", urls[i]);
		assert_string_equal(a->title, "Actor returns");
		article_free(a);
	}
	/* a label that is no valid Punycode names nothing */
	a = run("<html><head><title>Actor returns - xn--9</title></head>"
	    "<body><p>x</p></body></html>", "http://xn--9.kr/");
	assert_non_null(a->title);
	article_free(a);
}

static void
test_dates_markup(void **state)
{
	static const char *const comments[] = {
		"<html><head><meta property=\"article:published_time\" "
		    "content=\"2012-06-30T00:48:32+00:00\"></head><body><h1>"
		    "Über uns</h1><p>Text.</p><ol class=q1><li><a href=\"https:"
		    "//x.example/uber-uns/#comment-923\"><time datetime=\"2014-"
		    "01-15T23:36:38+01:00\"></time></a></li></ol></body></html>",
		"<html><head><meta property=\"article:published_time\" "
		    "content=\"2012-06-30\"></head><body><h1>T</h1><ol class="
		    "comment-list><li>Jo, 3.4.2015</li></ol></body></html>",
	};
	struct nw_article *a;
	size_t i;

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
	/* a datePublished the page hides (a schema.org block of its own,
	 * display:none, or the hidden attribute) is no printed date: the
	 * date printed after the headline comes first */
	a = run("<html><body><div style=\"display:none\"><span><time "
	    "itemprop=\"datePublished\" datetime=\"2021-10-27T20:35:36+01:00"
	    "\">x</time></span></div><h1>T</h1><p>Berlin, 28.10.2021</p>"
	    "<p>Text.</p></body></html>", NULL);
	assert_day(&a->published, "2021-10-28");
	article_free(a);
	a = run("<html><body><p hidden><span itemprop=\"datePublished\" "
	    "content=\"2021-10-27\"></span></p><h1>T</h1><p>Berlin, "
	    "28.10.2021</p><p>Text.</p></body></html>", NULL);
	assert_day(&a->published, "2021-10-28");
	article_free(a);
	/* and still dates a page that prints none */
	a = run("<html><body><div style=\"display: none\"><time itemprop="
	    "\"datePublished\" datetime=\"2021-10-27\">x</time></div><h1>T"
	    "</h1><p>Text.</p></body></html>", NULL);
	assert_day(&a->published, "2021-10-27");
	article_free(a);
	/* the modification date stands in when nothing else is known */
	a = run("<html><head><meta property=\"article:modified_time\" "
	    "content=\"2017-07-07\"></head><body></body></html>", NULL);
	assert_day(&a->published, "2017-07-07");
	article_free(a);
	/* a <time> in a link to a reader comment's anchor is the comment's
	 * (WordPress's "#comment-923"), whatever its classes are called;
	 * nor is a list of comments under the headline its date line */
	for (i = 0; i < NKEYS(comments); i++) {
		a = run(comments[i], NULL);
		assert_day(&a->published, "2012-06-30");
		article_free(a);
	}
	/* nor is the text of a comment's anchor on the page's short
	 * lines */
	a = run("<html><body><h1>Settings</h1><p>Text.</p><b>Jo</b> says:"
	    "<a href=\"https://x.example/s/#comment-399009\"><time>November "
	    "1, 2020 at 3:32 am</time></a></body></html>", NULL);
	assert_false(a->published.set);
	article_free(a);
}

static void
test_dates_url_text(void **state)
{
	static const char *const scripts[][2] = {
		{"<html><head><script>self.p=\"{\\\"publishedAt\\\":"
		    "\\\"2018-05-06\\\"}\"</script></head><body><h1>T</h1>"
		    "</body></html>", "2018-05-06"},
		/* a key whose values are dates of several days is a list's
		 * (the page's references), and a <meta> whose key says
		 * "update" by its shape, in no vocabulary of ours, dates
		 * the page */
		{"<html><head><meta itemprop=\"dateUpdate\" content=\"2020-"
		    "02-14 10:47:36\"><script>var r={\"list\":[{\"publish"
		    "Date\":\"2012-06-24\"},{\"publishDate\":\"\"},{\""
		    "publishDate\":\"2016-06-25\"}]};</script></head><body>"
		    "<h1>T</h1><p>x</p></body></html>", "2020-02-14"},
	};
	struct nw_article *a;
	size_t i;

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
	/* a date printed as the headline's kicker, inside the <h1> and
	 * unmarked, over a date-range in the navigation before it */
	a = run("<html><head><title>Absatz November 2021</title></head>"
	    "<body><ul><li><a href=/c>Beratung (bis 31.12.2018)</a></li>"
	    "</ul><h1><span class=q1><span class=q2>27.01.2022</span></span>"
	    "Absatz November 2021</h1><p>Die Zahlen.</p></body></html>",
	    NULL);
	assert_string_equal(a->title, "Absatz November 2021");
	assert_day(&a->published, "2022-01-27");
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
	/* but a press release's dateline opening the prose is the page's
	 * date, over a calendar's day below */
	a = run("<html><body><h1>Der Verstorbenen gedenken</h1><p><strong>"
	    "Karlsruhe, (12.11.2021). Traditionell gedenken Christinnen und "
	    "Christen am Ewigkeitssonntag ihrer verstorbenen Angeh\xc3\xb6"
	    "rigen und laden zur Andacht ein.</strong></p><div>Sa. 13.11.2021"
	    "</div></body></html>", NULL);
	assert_day(&a->published, "2021-11-12");
	article_free(a);
	/* the date printed under the headline however many wrappers
	 * (each block in <div>s of its own) lie between: the text read
	 * after the headline is bounded by its bytes, not its markup */
	{
		char page[4096] = "<html><head><meta property=\""
		    "article:published_time\" content=\"2022-05-03\">"
		    "</head><body><div><div><h1>Candidatos se enfrentaron"
		    "</h1></div></div>";
		int k;

		for (k = 0; k < 40; k++)
			strcat(page, "<div><div><i></i></div></div>");
		strcat(page, "<div><div><span>04.05.2022</span></div></div>"
		    "<p>Text.</p></body></html>");
		a = run(page, NULL);
		assert_day(&a->published, "2022-05-04");
		article_free(a);
	}
	/* a caption's date in a sentence is none */
	a = run("<html><head><meta property=\"article:published_time\" "
	    "content=\"2019-11-18T13:22:00Z\"></head><body><h1>T</h1><p>"
	    "In this Dec. 12, 2006 file photo, the council meets to discuss "
	    "the plan, which it has debated every month since then.</p>"
	    "</body></html>", NULL);
	assert_day(&a->published, "2019-11-18");
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
	for (i = 0; i < NKEYS(scripts); i++) {
		a = run(scripts[i][0], NULL);
		assert_day(&a->published, scripts[i][1]);
		article_free(a);
	}
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

/* The publication time, as RFC 3339 with its offset, of a page in
 * language lang whose article:published_time is pub and whose
 * sailthru.date is other (a static buffer). */
static const char *
local_time(const char *lang, const char *pub, const char *other)
{
	static char buf[40];
	struct nw_article *a;
	char html[512];

	snprintf(html, sizeof(html), "<html lang=\"%s\"><head>"
	    "<meta property=\"article:published_time\" content=\"%s\">"
	    "<meta name=\"sailthru.date\" content=\"%s\">"
	    "<title>Provence Travel Guide</title></head><body>"
	    "<h1>Provence Travel Guide</h1><p>5 Must-sees</p></body></html>",
	    lang, pub, other);
	a = run(html, "https://example.de/artikel/provence");
	assert_true(a->published.set);
	if (date_format_local(&a->published, buf, sizeof(buf)) == NULL)
		buf[0] = '\0';
	article_free(a);
	return buf;
}

/* A day stored as its local midnight and written in UTC (a German
 * page's "2022-11-06T23:00:00.000Z" is 7 November at 00:00 in Berlin):
 * the local day is the page's; a time that is no local midnight, a page
 * whose language spans zones, and a summer midnight (22:00Z) are seen
 * as they should be. */
static const char *
local_day(const char *lang, const char *when)
{
	return local_time(lang, when, "");
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

/* A time in UTC that another date of the page states as its wall clock
 * takes that clock's offset: techcrunch's JSON-LD "2019-11-19T04:58:46Z"
 * beside its sailthru.date "2019-11-18 20:58:46" was published on the
 * 18th in California. */
static const char *
wall_day(const char *pub, const char *other)
{
	return local_time("en", pub, other);
}

static void
test_wall_clock_offset(void **state)
{
	(void)state;
	assert_string_equal(wall_day("2019-11-19T04:58:46Z",
	    "2019-11-18 20:58:46"), "2019-11-18T20:58:46-08:00");
	assert_string_equal(wall_day("2019-11-19T04:58:46Z",
	    "2019-11-18T20:58:46-08:00"), "2019-11-18T20:58:46-08:00");
	assert_string_equal(wall_day("2019-11-19T02:59:46+00:00",
	    "2019-11-19 08:29:46"), "2019-11-19T08:29:46+05:30");
	/* another instant, minutes apart or over a day away: no clock */
	assert_string_equal(wall_day("2019-11-19T04:58:46Z",
	    "2019-11-18 20:51:02"), "2019-11-19T04:58:46+00:00");
	assert_string_equal(wall_day("2019-11-19T04:58:46Z",
	    "2019-11-17 04:58:46"), "2019-11-19T04:58:46+00:00");
	/* a time on the hour meets others by chance */
	assert_string_equal(wall_day("2019-11-19T05:00:00Z",
	    "2019-11-18 21:00:00"), "2019-11-19T05:00:00+00:00");
	/* an offset stated first is kept */
	assert_string_equal(wall_day("2019-11-19T06:58:46+02:00",
	    "2019-11-18 20:58:46"), "2019-11-19T06:58:46+02:00");
}

/* A cut description yields to the page's block it opens with and runs
 * on past (aerobuzz: og:description is the standfirst run on into the
 * body and cut, the plain description the site's tagline), not to the
 * paragraph it was cut from (a WordPress excerpt: the body's first
 * paragraph, no standfirst), nor to a block it only opens like. */
static void
test_cut_description(void **state)
{
	static const char head[] = "<html><head>"
	    "<meta name=\"description\" content=\"News and aviation "
	    "information\">";
	struct nw_article *a;
	char page[2048];

	(void)state;
	snprintf(page, sizeof(page), "%s<meta property=\"og:description\" "
	    "content=\"The trainer taught pilots in Bremen for decades. That "
	    "is over now. The office signed a contract with the [&hellip;]\">"
	    "</head><body><h1>A new trainer</h1><div><p>The trainer taught "
	    "pilots in <a href=\"/b\">Bremen</a> for decades. That is over "
	    "now.</p></div><p>The office signed a contract with the new "
	    "trainer on Monday.</p></body></html>", head);
	a = run(page, NULL);
	assert_string_equal(a->subtitle, "The trainer taught pilots in "
	    "Bremen for decades. That is over now.");
	article_free(a);
	snprintf(page, sizeof(page), "<html><head><meta name=\"description\" "
	    "content=\"This Wednesday, ten months after the convention "
	    "moved into the old congress, quest...\"></head><body><p>This "
	    "Wednesday, ten months after the convention moved into the old "
	    "congress, questions arise.</p><p>This Wednesday, ten months "
	    "after the vote, the mayor resigned.</p></body></html>");
	a = run(page, NULL);
	assert_null(a->subtitle);
	article_free(a);
	/* the block a description opens with is the headline itself (the
	 * title less the site's name): no standfirst */
	a = run("<html><head><title>Council votes on the new budget plan "
	    "for the year - Example</title><meta name=\"description\" "
	    "content=\"Council votes on the new budget plan for the year, "
	    "The council met on Monday to vote on the plan... [10:24]\">"
	    "</head><body><dl><dt>Council votes on the new budget plan for "
	    "the year</dt></dl><div><p>The council met on Monday to vote on "
	    "the plan for the year. It passed.</p></div></body></html>",
	    "http://example.com/a");
	assert_string_equal(a->title,
	    "Council votes on the new budget plan for the year");
	assert_null(a->subtitle);
	article_free(a);
}

/* A description that names the site by its domain and shares no word
 * with the headline is the site's tagline (larepublica.net's
 * og:description), or by two words of its name or more in a row, as
 * written or declined: the next one is the standfirst. An outlet naming
 * itself otherwise in a standfirst (amnesty.de) keeps it. */
static void
test_tagline_description(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("<html><head><title>Government hardens its networks</title>"
	    "<meta property=\"og:description\" content=\"Read more at "
	    "larepublica.net\"><meta name=\"description\" content=\"The "
	    "ministries must follow a new directive on security.\">"
	    "<link rel=\"canonical\" href=\"https://www.larepublica.net/a/1"
	    "\"></head><body><p>x</p></body></html>", NULL);
	assert_string_equal(a->subtitle,
	    "The ministries must follow a new directive on security.");
	article_free(a);
	a = run("<html><head><title>Robots must not decide on life</title>"
	    "<meta property=\"og:description\" content=\"Amnesty and a "
	    "campaign showed a filter for social media.\">"
	    "<link rel=\"canonical\" href=\"https://www.amnesty.de/a/1\">"
	    "</head><body><p>x</p></body></html>", NULL);
	assert_string_equal(a->subtitle,
	    "Amnesty and a campaign showed a filter for social media.");
	article_free(a);
	/* the site named by two words of its name in a row, declined
	 * (dhb.de's "des Deutschen Handballbundes" for "DHB - Deutscher
	 * Handball Bund") */
	a = run("<html><head><title>Erneuter Verzicht auf Regionallehrgang"
	    "</title><meta property=\"og:site_name\" content=\"DHB - "
	    "Deutscher Handball Bund\"><meta name=\"description\" content="
	    "\"Die offizielle Startseite des Deutschen Handballbundes. Hier "
	    "finden Sie aktuelle Informationen.\"></head><body><p>x</p>"
	    "</body></html>", NULL);
	assert_null(a->subtitle);
	article_free(a);
	/* one word of it is no naming ("Handball" in a standfirst) */
	a = run("<html><head><title>Erneuter Verzicht auf Regionallehrgang"
	    "</title><meta property=\"og:site_name\" content=\"DHB - "
	    "Deutscher Handball Bund\"><meta name=\"description\" content="
	    "\"Im Handball der Jugend fehlen Trainer, so die Verbände.\">"
	    "</head><body><p>x</p></body></html>", NULL);
	assert_non_null(a->subtitle);
	article_free(a);
}

/* Where no description is one, the paragraph that follows the headline
 * as the only <p> of the headline's own container (dhb.de's <figure>)
 * is the standfirst; not a date line, nor a paragraph among others. */
static void
test_heading_standfirst(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("<html><body><figure><img src=a.jpg><figcaption>Foto: X"
	    "</figcaption><h1>Erneuter Verzicht</h1> <p>Next match of the "
	    "national team in March against the Netherlands</p></figure>"
	    "<p>After the planned camp the team stays home.</p></body>"
	    "</html>", NULL);
	assert_string_equal(a->subtitle, "Next match of the national team "
	    "in March against the Netherlands");
	article_free(a);
	a = run("<html><body><header><h1>Wireshark unter Linux</h1><p>29. "
	    "Juni 2017, 23:39 \xc2\xb7 von Tobias aus Berlin</p></header>"
	    "<p>Text of the article here.</p></body></html>", NULL);
	assert_null(a->subtitle);
	article_free(a);
	a = run("<html><body><header><h1>Wireshark unter Linux</h1><p>By "
	    "Jane Doe and John Roe, Reuters</p></header><p>Text of the "
	    "article here.</p></body></html>", NULL);
	assert_null(a->subtitle);
	article_free(a);
	a = run("<html><body><div><h1>A headline here</h1><p>The first "
	    "paragraph of the article text.</p><p>The second paragraph of "
	    "the text.</p></div></body></html>", NULL);
	assert_null(a->subtitle);
	article_free(a);
}

/* Where no description is one, an <h2> of prose that follows the
 * headline in a box of no paragraph (the headline's box, the text in
 * another) is the standfirst; not where the headline's box holds the
 * text's paragraphs (the <h2> opens its first section), nor a date. */
static void
test_heading_standfirst_h2(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("<html><body><div><h1>Spin-off measures greenhouse gases"
	    "</h1><h2>A certificate for the start-up: ready for steady "
	    "growth</h2></div><div><p>The company was founded in 2018 "
	    "and sells its devices worldwide.</p></div></body></html>",
	    NULL);
	assert_non_null(a->subtitle);
	assert_string_equal(a->subtitle, "A certificate for the start-up: "
	    "ready for steady growth");
	article_free(a);
	a = run("<html><body><div><h1>Spin-off measures greenhouse gases"
	    "</h1><h2>How the devices came to be built by them</h2><p>The "
	    "company was founded in 2018 and sells its devices worldwide."
	    "</p></div></body></html>", NULL);
	assert_null(a->subtitle);
	article_free(a);
	a = run("<html><body><div><h1>Spin-off measures greenhouse gases"
	    "</h1><h2>Published on 12 December 2022 by the press office"
	    "</h2></div><div><p>The company was founded in 2018 and sells "
	    "its devices worldwide.</p></div></body></html>", NULL);
	assert_null(a->subtitle);
	article_free(a);
}

/* meta_node_text() reads up to its bound and no further: a text node of
 * 100 kB under a heading, or given alone, comes out as long as the bound
 * asks (and the rest of the character it ends in), not whole; a short
 * text whole, its indentation not counted. */
static void
test_node_text_bound(void **state)
{
	static const char head[] = "<html><body><h2>  \xc3\xa4";
	static const char tail[] = "</h2><h3>\n  Ein   kurzer\n Text "
	    "</h3></body></html>";
	size_t n = 100000, i;
	char *page, *s;
	htmlDocPtr doc;
	xmlNodePtr h2, h3;

	(void)state;
	page = malloc(sizeof(head) + n + sizeof(tail));
	assert_non_null(page);
	memcpy(page, head, sizeof(head) - 1);
	for (i = 0; i < n; i++)
		page[sizeof(head) - 1 + i] = (char)(i % 7 == 6 ? ' ' : 'x');
	memcpy(page + sizeof(head) - 1 + n, tail, sizeof(tail));
	doc = htmlReadMemory(page, (int)strlen(page), NULL, "utf-8",
	    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
	assert_non_null(doc);
	h2 = xmlDocGetRootElement(doc)->children->children;
	h3 = h2->next;
	assert_string_equal(h2->name, "h2");
	s = meta_node_text(h2, 16);
	/* "ä" and fifteen bytes more: x six at a time, then a space */
	assert_string_equal(s, "\xc3\xa4xxxxxx xxxxxx xx");
	free(s);
	s = meta_node_text(h2->children, 1);
	assert_string_equal(s, "\xc3\xa4");
	free(s);
	s = meta_node_text(h3, 100);
	assert_string_equal(s, "Ein kurzer Text");
	free(s);
	xmlFreeDoc(doc);
	free(page);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_jsonld_graph),
		cmocka_unit_test(test_jsonld_plain_type),
		cmocka_unit_test(test_jsonld_tolerant),
		cmocka_unit_test(test_jsonld_reader),
		cmocka_unit_test(test_opengraph_meta),
		cmocka_unit_test(test_title_site_prefix),
		cmocka_unit_test(test_cut_description),
		cmocka_unit_test(test_tagline_description),
		cmocka_unit_test(test_heading_standfirst),
		cmocka_unit_test(test_heading_standfirst_h2),
		cmocka_unit_test(test_title_heading),
		cmocka_unit_test(test_title_nested_logo),
		cmocka_unit_test(test_title_idn_site),
		cmocka_unit_test(test_dates_markup),
		cmocka_unit_test(test_dates_url_text),
		cmocka_unit_test(test_lang_canonical),
		cmocka_unit_test(test_keeps_set_fields),
		cmocka_unit_test(test_entities),
		cmocka_unit_test(test_lead_image),
		cmocka_unit_test(test_local_midnight),
		cmocka_unit_test(test_wall_clock_offset),
		cmocka_unit_test(test_node_text_bound),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
