/* Unit tests of the authors html_meta_extract() finds on small hand-made
 * pages: bylines and their forms, <meta>s and JSON-LD, outlets and wire
 * agencies, full names, copyright holders. */
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
#include "util.h"
#include "meta_check.h"

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

/* A text that opens with any lead-in the byline cleaner knows is a
 * byline where no class says so ("Erstellt von", after the article);
 * "Vom ... zu ..." opens a heading's phrase, no byline. */
static void
test_byline_leads_unmarked(void **state)
{
	static const char *const cases[][2] = {
		{"<html><body><h1>Auf das erste Elektron kommt es an</h1>"
		    "<p>%s</p><span class=q1>"
		    "Erstellt von Andri Bryner</span></body></html>",
		    "Andri Bryner"},
		{"<html><body><h1>Titel</h1><p>%s</p><span>Verfasst von"
		    "\xc2\xa0" "Eva Berg</span></body></html>", "Eva Berg"},
		{"<html><body><h1>Über uns</h1><p>%s</p><h2><span>Vom "
		    "Telefon zu Cloud Lösungen</span></h2><p>Text.</p></body>"
		    "</html>", ""},
		/* a forum's handle, the link after the lead-in */
		{"<html><body><h1>Was ist Freie Software</h1><p>%s</p><p>"
		    "<span class=q1>von <strong><a href=\"./memberlist.php?"
		    "u=5\">r23</a></strong> &raquo; </span>21.01.2009</p>"
		    "</body></html>", "r23"},
		/* but not beside another byline, nor a name not linked */
		{"<html><body><h1>Titel</h1><p>%s</p><p>Par Stefan Häne</p>"
		    "<p>Par <a href=/p/ob>Olivier Bot</a></p></body></html>",
		    "Stefan Häne"},
		{"<html><body><h1>Titel</h1><p>%s</p><p>von <b>r23</b></p>"
		    "</body></html>", ""},
		/* an interview's credit under the headline names both */
		{"<html><body><h1>\"Wir dekorieren die Liegestühle um\"</h1>"
		    "<p class=q2>Richard David Precht im Gespräch mit Karin "
		    "Fischer</p><p class=q1>%s</p></body></html>",
		    "Richard David Precht;Karin Fischer"},
		{"<html><body><h1>Schule</h1><p>Angela Merkel im Gespräch "
		    "mit Schülern</p><p>%s</p></body></html>", ""},
	};
	struct nw_article *a;
	char page[2048], prose[700];
	size_t i;

	(void)state;
	/* (prose that takes the heading out of the lines under the
	 * headline) */
	memset(prose, 'a', sizeof(prose) - 1);
	prose[sizeof(prose) - 1] = '\0';
	for (i = 0; i < NKEYS(cases); i++) {
		snprintf(page, sizeof(page), cases[i][0], prose);
		a = run(page, NULL);
		assert_authors(a, cases[i][1]);
		article_free(a);
	}
}

/* A link to the author's own page names the author where neither class
 * nor markup says so; a link's lead-in ("Alles von") is cut by the same
 * name in another link; <meta> and bylines come first. */
static void
test_author_page_link(void **state)
{
	static const char *const cases[][2] = {
		{"<html><body><h1>Die Plejaden</h1><span class=q1><a class=q2"
		    " href=\"https://x.de/author/ruhe/\">Helmut Rubik</a>"
		    "</span><p>Text.</p><a href=/tag/jane/>Jane Roe</a>"
		    "</body></html>", "Helmut Rubik"},
		{"<html><body><h1>Firmenwagen</h1><p><a href=/author/martin>"
		    "Alles von Martin Junker</a></p><div><h3><a href=/author/"
		    "martin>Martin Junker</a></h3></div></body></html>",
		    "Martin Junker"},
		{"<html><head><meta name=author content=\"Jane Roe\"></head>"
		    "<body><h1>Titel</h1><a href=/autor/max>Max Muster</a>"
		    "</body></html>", "Jane Roe"},
		/* a query for one author's articles, whose link reads no
		 * name: the full name the box prints before it */
		{"<html><body><h1>Konzerte</h1><div><div>Johanna Kropfitsch"
		    "</div><div><a href=\"/s/?q=jk&amp;in=author\">Alle "
		    "Artikel</a></div></div><p>Text.</p></body></html>",
		    "Johanna Kropfitsch"},
		{"<html><body><h1>Konzerte</h1><div><div>Anglertalk</div>"
		    "<div><a href=\"/?author=3\">Alle Artikel</a></div></div>"
		    "<p>Text.</p></body></html>", ""},
		/* the list of authors is no author's page */
		{"<html><body><h1>Titel</h1><a href=/authors/>Our Authors"
		    "</a></body></html>", ""},
	};
	struct nw_article *a;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		a = run(cases[i][0], NULL);
		assert_authors(a, cases[i][1]);
		article_free(a);
	}
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
		/* lead-ins and joiners in any case, lead-ins in turn (the
		 * look-ups by first letter, speed round 26) */
		{"WRITTEN BY Jane Doe", "Jane Doe"},
		{"Text: Von Jane Doe", "Jane Doe"},
		{"AUTEUR : Jane Doe", "Jane Doe"},
		{"Jane Doe UND John Roe", "Jane Doe;John Roe"},
		{"Jane Doe et John Roe", "Jane Doe;John Roe"},
		{"BY: Jane Doe (Photo: John Roe)", "Jane Doe"},
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
	/* the JSON-LD names the account that posted it, the byline under
	 * the headline everyone who wrote it: the byline's names; not
	 * where it names others only */
	a = run("<html><head><script type=\"application/ld+json\">{"
	    "\"@type\":\"Article\",\"author\":{\"name\":\"Rudolf "
	    "Fischer\"}}</script></head><body><h1>Das neue Rad im Test</h1>"
	    "<p>von Rudolf Fischer, Simon Kohler</p><p>Ein Text.</p></body>"
	    "</html>", NULL);
	assert_authors(a, "Rudolf Fischer;Simon Kohler");
	article_free(a);
	a = run("<html><head><script type=\"application/ld+json\">{"
	    "\"@type\":\"Article\",\"author\":{\"name\":\"Rudolf "
	    "Fischer\"}}</script></head><body><h1>Das neue Rad im Test</h1>"
	    "<p>von Anna Weber, Simon Kohler</p><p>Ein Text.</p></body>"
	    "</html>", NULL);
	assert_authors(a, "Rudolf Fischer");
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
	/* Dublin Core and scholarly metadata write "Last, First"; other
	 * keys list two people with a comma */
	a = run("<html><head><meta name=\"DC.creator\" content=\"Harm, "
	    "Robert\"></head><body><h1>Voting</h1></body></html>", NULL);
	assert_authors(a, "Robert Harm");
	article_free(a);
	a = run("<html><head><meta name=\"author\" content=\"Jane Doe, "
	    "John Roe\"></head><body><h1>Voting</h1></body></html>", NULL);
	assert_authors(a, "Jane Doe;John Roe");
	article_free(a);
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
	 * byline wins over it, and it is no author when no one is named
	 * (a web agency's, a publisher's legal name) */
	a = run("<html><head><meta name=\"author\" content=\"Web Commerce "
	    "GmbH &amp; Co. KG\"></head><body><h1>Kopf</h1><span class=\""
	    "author\">Alexandra Weber</span></body></html>", NULL);
	assert_authors(a, "Alexandra Weber");
	article_free(a);
	a = run("<html><head><meta name=\"author\" content=\"Web Commerce "
	    "GmbH &amp; Co. KG\"></head><body><h1>Kopf</h1></body></html>",
	    NULL);
	assert_authors(a, "");
	article_free(a);
	/* nor a copyright line in an author's <meta>; a surname "Co" is
	 * no firm's "Co." */
	a = run("<html><head><meta name=\"dcterms.creator\" content=\""
	    "Copyright Haufe-Lexware GmbH &amp; Co. KG\"></head><body><h1>"
	    "Kopf</h1></body></html>", NULL);
	assert_authors(a, "");
	article_free(a);
	a = run("<html><head><meta name=\"author\" content=\"(c) Muster "
	    "Media\"></head><body><h1>Kopf</h1></body></html>", NULL);
	assert_authors(a, "");
	article_free(a);
	a = run("<html><head><meta name=\"author\" content=\"Emily Co\">"
	    "</head><body><h1>Kopf</h1></body></html>", NULL);
	assert_authors(a, "Emily Co");
	article_free(a);
}

/* Names that name no one: a column's name ("Letters to the Editor") and
 * a reviewer's initials ("S.", "D.E."); an initial inside a full name
 * stays. */
static void
test_not_names(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("<html><head><script type=\"application/ld+json\">"
	    "{\"@type\":\"NewsArticle\",\"headline\":\"Letters: Roads\","
	    "\"author\":[{\"@type\":\"Person\",\"name\":\"Letters To The "
	    "Editor\"}]}</script></head><body><h1>Letters: Roads</h1>"
	    "</body></html>", NULL);
	assert_authors(a, "");
	article_free(a);
	a = run("<html><body><h1>Happy Coffee Bohnen</h1><p>Text.</p><div>"
	    "<span class=\"rev__author\">S.</span><p>Lecker!</p></div><div>"
	    "<span class=\"rev__author\">D.E.</span></div></body></html>",
	    NULL);
	assert_authors(a, "");
	article_free(a);
	a = run("<html><body><h1>Headline here</h1><div class=\"byline\">"
	    "By T. V. Raman</div></body></html>", NULL);
	assert_authors(a, "T. V. Raman");
	article_free(a);
	/* a domain is no author: another site's (a web agency's), nor the
	 * site's own, which names no one */
	a = run("<html><head><meta name=\"author\" content=\"symple.ch\">"
	    "</head><body><h1>Campingl\xc3\xb6sungen am Salon</h1></body>"
	    "</html>", "https://www.auto-wirtschaft.ch/news/1");
	assert_authors(a, "");
	article_free(a);
	a = run("<html><head><meta property=\"og:site_name\" content=\"MDR"
	    "\"><meta name=\"author\" content=\"mdr.de\"></head><body><h1>"
	    "Autoh\xc3\xa4user rechnen</h1></body></html>", NULL);
	assert_authors(a, "");
	article_free(a);
	/* nor a field's label before the date in a byline's box */
	a = run("<html><body><h1>Autoh\xc3\xa4user rechnen</h1><div class="
	    "\"authorWrapper\"><p><span>Stand: </span><span>20. April 2020, "
	    "</span><span>14:57 Uhr</span></p></div></body></html>", NULL);
	assert_authors(a, "");
	article_free(a);
}

/* A picture's credit is no byline, though its class says "author": by
 * the class words of a credit ("media-license-author"), or inside a
 * <figure>; the article's byline after it is read. */
static void
test_credit_not_byline(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("<html><body><h1>Madagaskar endet</h1><p><img src=\"a.jpg\">"
	    "<span class=\"media-license-info\">&copy; </span><span class=\""
	    "media-license-author\">Jane Roe</span></p><p>Text.</p>"
	    "</body></html>", NULL);
	assert_authors(a, "");
	article_free(a);
	a = run("<html><body><h1>Madagaskar endet</h1><figure><img src=\""
	    "a.jpg\"><figcaption>Antananarivo <span class=\"author\">Jane "
	    "Roe</span></figcaption></figure><p>Text.</p><div class=\""
	    "author-name\">John Smith</div></body></html>", NULL);
	assert_authors(a, "John Smith");
	article_free(a);
	a = run("<html><body><h1>Madagaskar endet</h1><div class=\""
	    "photo-credit author\">Jane Roe</div><span class=\"byline\">"
	    "John Smith</span></body></html>", NULL);
	assert_authors(a, "John Smith");
	article_free(a);
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

/* Date and name as the two texts just above the headline, whatever
 * their classes (helmholtz-klima.de); where the text beside the date is
 * a section's name ("Olympische Winterspiele", biathlonworld.com), no
 * given name opens it, and it names no one. */
static void
test_dateline_above(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("<html><head><title>Kein Kipppunkt</title></head><body>"
	    "<div class=q1><div class=q2>22.11.2022</div><h5 class=q3>"
	    "Christian Mihatsch</h5></div><h1><span>Kein Kipppunkt</span>"
	    "</h1><p>Die Ergebnisse der Klimakonferenz wurden als schwach "
	    "bewertet.</p></body></html>", NULL);
	assert_authors(a, "Christian Mihatsch");
	article_free(a);
	a = run("<html><head><title>Peking 2022</title></head><body><div>"
	    "<div>Olympische Winterspiele</div><div>02 Feb. 2022</div></div>"
	    "<h1>Peking 2022</h1><p>Eine gro\xc3\x9f" "e Chance f\xc3\xbcr "
	    "den Biathlonsport.</p></body></html>", NULL);
	assert_authors(a, "");
	article_free(a);
}

/* A personal site names no author but holds its copyright: the footer's
 * line that reserves rights gives a person's full name; a picture's
 * credit, a firm, the site's name or one word give none, and a byline
 * comes first. */
/* A press release's issuer, by its label beside the headline: kept whole,
 * an organisation or a firm as the page names it, where no person is
 * named; the label's word in a sentence is no label. */
/* A short text alone with a <time> in a box of the two is the byline
 * where nothing marks one (another CMS's markup, no class left); not a
 * section's link, nor a label of the date. */
static void
test_time_mate(void **state)
{
	static const char head[] = "<html><body><h1>Festspiel-Reisen "
	    "kosteten 57.000 Euro</h1><p>Der Bundespr\xc3\xa4sident fuhr "
	    "nach Salzburg, Bregenz und Erl.</p><div>";
	static const char tail[] = " <time datetime=\"2023-11-01T10:29\">1. "
	    "November 2023 10:29</time></div><p>Die Reisen kosteten "
	    "insgesamt 57.000 Euro, wie eine Anfrage ergab.</p>"
	    "</body></html>";
	static const struct {
		const char *mate, *want;
	} cases[] = {
		{"<span>Redaktion</span>", "Redaktion"},
		{"<span>Jana Roe</span>", "Jana Roe"},
		{"<span><a href=\"/politik/\">Politik</a></span>", ""},
		{"<span>Asked</span>", ""},
		{"<span>Redaktion</span><span>Wien</span>", ""},
	};
	struct nw_article *a;
	char page[1024];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(page, sizeof(page), "%s%s%s", head, cases[i].mate,
		    tail);
		a = run(page, NULL);
		assert_authors(a, cases[i].want);
		article_free(a);
	}
}

/* A teaser's item between head and tail, and the authors its page
 * gives (assert_authors()). */
struct teaser_case {
	const char *item, *want;
};

/* Each of the n cases, set between head and tail, gives its authors. */
static void
check_teasers(const char *head, const char *tail,
    const struct teaser_case *cases, size_t n)
{
	struct nw_article *a;
	char page[2048];

	for (size_t i = 0; i < n; i++) {
		assert_true((size_t)snprintf(page, sizeof(page), "%s%s%s",
		    head, cases[i].item, tail) < sizeof(page));
		a = run(page, NULL);
		assert_authors(a, cases[i].want);
		article_free(a);
	}
}

/* A byline's class inside a teaser of another article names that
 * article's writer: in a card that links as a whole (a link holding a
 * heading), or beside a link that is a headline; an author's link and
 * the article's own byline stay. */
#define P(k) "<p>Das Interview f\xc3\xbchrte der Sender am Dienstag mit " \
	"dem Abgeordneten, Teil " #k ".</p>"
static void
test_teaser_byline(void **state)
{
	static const char head[] = "<html><body><h1>Abzocke wird als "
	    "Klimaschutz verkauft</h1>" P(1) P(2) P(3) P(4) P(5) P(6)
	    "<ul><li>";
	static const char tail[] = "</li></ul></body></html>";
	static const struct teaser_case cases[] = {
		{"<a href=\"/presse/kein-recht\">Kein Recht auf Faulheit "
		    "auf Regierungsbank</a><div class=\"kontextliste-autor\">"
		    "Pressemitteilung von Katja Kipping</div>", ""},
		{"<a href=\"/themen/dauerbaustelle\">\xc2\xbb" "Dauerbaustelle "
		    "Hartz-IV-Sanktionsregime\xc2\xab</a><div class=\"autor\">"
		    "Im Wortlaut von Pascal Meiser</div>", ""},
		{"<a href=\"/politik/olaf\"><h3>Die wunderbare Wandlung des "
		    "Olaf</h3><div><div class=\"author-name\">Andreas "
		    "Hoffmann</div></div></a>", ""},
		{"<a href=\"/author/jana-roe/\"><h3 class=\"author-name\">"
		    "Jana Roe</h3></a>", "Jana Roe"},
		{"<a href=\"/politik/\">Politik</a><div class=\"autor\">"
		    "Jana Roe</div>", "Jana Roe"},
	};
	(void)state;
	check_teasers(head, tail, cases, sizeof(cases) / sizeof(cases[0]));
}
#undef P

/* A teaser's byline found by its lead-in ("Von ..."), not its class, is
 * the teaser's writer too, right under the headline as well: inside a
 * card that links to another page as a whole, or beside a headline's
 * link. The page's own "Von" line, with its link to the author's page,
 * is its byline. */
static void
test_teaser_byline_text(void **state)
{
	static const char head[] = "<html><body><h1>Der Bericht des "
	    "Tages</h1><p>Ein langer Text des Artikels, der hier steht und "
	    "weiter geht, damit er ein Absatz des K\xc3\xb6rpers ist.</p>";
	static const char tail[] = "<p>Noch ein Absatz.</p></body></html>";
	static const struct teaser_case cases[] = {
		{"<div><a href=\"/andere-seite.html\"><h3>Ein anderer "
		    "Artikel \xc3\xbc" "ber etwas</h3><span>Von Max Muster"
		    "</span></a></div>", ""},
		{"<ul><li><a href=\"/andere-seite.html\">Ein anderer Artikel "
		    "\xc3\xbc" "ber etwas Neues</a><div>Von Max Muster</div>"
		    "</li></ul>", ""},
		{"<p>Von <a href=\"/autor/jana-roe/\">Jana Roe</a></p>",
		    "Jana Roe"},
		{"<div><span>Von Jana Roe</span></div>", "Jana Roe"},
	};
	(void)state;
	check_teasers(head, tail, cases, sizeof(cases) / sizeof(cases[0]));
}

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
	/* the line with no <p> of its own, after a rule (a page whose
	 * paragraphs are texts ended by breaks): an empty element opens
	 * nothing */
	a = run("<html><body><h1>Reflections</h1><p>Text.</p><div "
	    "id=\"footer\"><hr/> Copyright (c) 2012- Gregory Szorc. All "
	    "rights reserved. Design by <a href=\"/t\">CSS Templates</a>."
	    "<br><br></div></body></html>", NULL);
	assert_authors(a, "Gregory Szorc");
	article_free(a);
	a = run("<html><body><h1>Reflections</h1><p>By Ana Souza</p>"
	    "<p>Text.</p><p>(c) Gregory Szorc. All rights reserved.</p>"
	    "</body></html>", NULL);
	assert_authors(a, "Ana Souza");
	article_free(a);
}

/* Texts that look like bylines and are not: a link's title that opens
 * with "By" (a menu's section, a teaser), and an article whose class
 * names its author ("author-jane-doe"), too long for a byline and headed
 * by its <h1> (no author box); the byline is read past them. */
static void
test_not_bylines(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("<html><body><ul><li><a href=\"/by-invitation/\">"
	    "By Invitation</a></li><li><a href=\"/x\"><span>By Popular "
	    "Demand</span></a></li></ul><h1>Thinking about the future</h1>"
	    "<p>Text.</p></body></html>", NULL);
	assert_authors(a, "");
	article_free(a);
	a = run("<html><body><ul><li><a href=\"/x\">Par les temps qui "
	    "courent</a></li></ul><h1>Les idées du jour</h1><p>Par <strong>"
	    "Jacques Munier</strong></p><p>Text.</p></body></html>", NULL);
	assert_authors(a, "Jacques Munier");
	article_free(a);
	/* a byline whose name is a link stays one */
	a = run("<html><body><h1>Headline here</h1><p>By <a href=\"/au/j\">"
	    "Jane Doe</a></p><p>Text.</p></body></html>", NULL);
	assert_authors(a, "Jane Doe");
	article_free(a);
	a = run("<html><head><meta property=\"og:site_name\" content="
	    "\"Ana Souza\"><meta name=\"author\" content=\"Ana Souza\">"
	    "</head><body><article class=\"author-ana-souza\"><header><h1>"
	    "Yellow Vests and I</h1><p>December 4, 2018</p></header><p>"
	    "A long text of the article that goes on and on, long enough to "
	    "be no byline at all, as the body of a post is, with more words "
	    "after these so that it is longer than any byline.</p></article>"
	    "</body></html>", NULL);
	assert_authors(a, "Ana Souza");
	article_free(a);
	/* schema.org microdata: the author and date of a review (or a
	 * comment) are the reader's */
	a = run("<html><body><h1>Trixie Hundebett</h1><p>Text.</p>"
	    "<div itemprop=\"review\" itemscope><span itemprop=\"author\""
	    " content=\"Verifizierter Kunde\"></span><time itemprop="
	    "\"datePublished\" datetime=\"2020-06-08\">8. Juni</time></div>"
	    "<time datetime=\"2019-03-01\">1. März 2019</time></body></html>",
	    NULL);
	assert_authors(a, "");
	assert_day(&a->published, "2019-03-01");
	article_free(a);
	/* or an item of type Review or Comment, its class meaningless: a
	 * reader's name (in a link) is no author, nor its date the page's */
	a = run("<html><head><meta property=\"article:published_time\" "
	    "content=\"2020-02-19\"></head><body><h1>Les clés pour un "
	    "intestin</h1><p>Texte.</p><article class=q1 itemscope itemtype="
	    "\"http://schema.org/Review\"><div itemprop=\"author\" "
	    "itemscope itemtype=\"http://schema.org/Person\"><span itemprop"
	    "=\"name\"><a href=0>link78</a></span></div></article>"
	    "<div itemscope itemtype=\"https://schema.org/Comment\"><time "
	    "datetime=\"2021-02-12\"></time></div></body></html>",
	    NULL);
	assert_authors(a, "");
	assert_day(&a->published, "2020-02-19");
	article_free(a);
}

/* An author-class container that is no byline: a whole article (it
 * holds the headline), a list of other articles headed by its sections
 * or by teasers' titles in links; its text is judged whole, however much
 * markup indents it (a cut text looked like a short byline). A reading
 * time and a source credit are no names either. */
static void
test_author_class_lists(void **state)
{
	struct buf b = {0};
	struct nw_article *a;
	size_t i;

	(void)state;
	buf_puts(&b, "<html><body><article class=\"author-article\"><p>"
	    "Germany</p><h1>Podolski ends his career</h1><p>A long text of "
	    "the article that goes on and on, long enough to be no byline at "
	    "all, as the body of a story is, with more words.</p><h4>People"
	    "</h4><p><a href=\"/p/1\">Lukas Podolski</a></p></article>"
	    "<article class=\"author-materials\"><h3>Analysis, Interviews, "
	    "Reads</h3><div class=\"slider author-materials-slider\">");
	for (i = 0; i < 3; i++)
		buf_puts(&b, "<div>\n\t\t\t\t\t\t\t\t\t\t\t\t<a href=\"/x\">"
		    "\n\t\t\t\t\t\t\t\t\t\t<h3> Legend </h3>\n\t\t\t\t\t\t"
		    "<p>The real Ronaldo: how he shone in Brazil, a story "
		    "of a player</p></a>\n\t\t\t\t\t\t\t\t</div>");
	buf_puts(&b, "</div></article></body></html>");
	a = run(b.p, NULL);
	assert_authors(a, "");
	article_free(a);
	buf_free(&b);
	a = run("<html><head><meta property=\"og:site_name\" content=\""
	    "Matthew Davis\"></head><body><h1>Web analytics leak</h1><div "
	    "class=\"byline\">Matthew Davis | 11 Jan 2019 | 4 min</div>"
	    "</body></html>", NULL);
	assert_authors(a, "Matthew Davis");
	article_free(a);
	a = run("<html><body><h1>Ile jest warta godzina pracy</h1><p "
	    "class=\"author\">\xc5\xb9r\xc3\xb3" "d\xc5\x82o: Statista.com</p>"
	    "</body></html>", NULL);
	assert_authors(a, "");
	article_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bylines),
		cmocka_unit_test(test_outlet_author),
		cmocka_unit_test(test_wire_author),
		cmocka_unit_test(test_author_box_creator),
		cmocka_unit_test(test_byline_sentences),
		cmocka_unit_test(test_byline_forms),
		cmocka_unit_test(test_byline_credits),
		cmocka_unit_test(test_byline_under_headline),
		cmocka_unit_test(test_meta_author_lists),
		cmocka_unit_test(test_outlet_kinds),
		cmocka_unit_test(test_not_names),
		cmocka_unit_test(test_credit_not_byline),
		cmocka_unit_test(test_author_class_lists),
		cmocka_unit_test(test_author_bio),
		cmocka_unit_test(test_byline_before_site_meta),
		cmocka_unit_test(test_dateline_join),
		cmocka_unit_test(test_dateline_above),
		cmocka_unit_test(test_copyright_author),
		cmocka_unit_test(test_time_mate),
		cmocka_unit_test(test_teaser_byline),
		cmocka_unit_test(test_teaser_byline_text),
		cmocka_unit_test(test_not_bylines),
		cmocka_unit_test(test_author_page_link),
		cmocka_unit_test(test_byline_leads_unmarked),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
