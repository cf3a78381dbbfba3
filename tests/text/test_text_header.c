/* Unit tests of the text-dump extractor's header walk (the headline
 * and the standfirst over the body region) and of the region's end at
 * a box of links, on snippets of real renders (w3m dumps of development
 * pages), each for a behaviour that the renders of many pages showed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "text_extracted.h"

/* A breadcrumb trail that ends with the headline, over the headline
 * (aerobuzz.de, w3m): the headline is the shorter item, not the trail. */
static void
test_extract_crumbs_over_title(void **state)
{
	const char *s =
	    "\n"
	    "Homepage \xc2\xbb Milit\xc3\xa4r \xc2\xbb CAE bildet k\xc3"
	    "\xbcnftig Luftwaffen-Piloten in Bremen aus\n"
	    "\n"
	    "CAE bildet k\xc3\xbcnftig Luftwaffen-Piloten in Bremen aus"
	    "\n"
	    "\n"
	    "Ab-initio-Ausbildung-Bremen Airport-CAE-CAE GmbH-CAE Train"
	    "ing Centre-Flugbereitschaft-Flugsimulator\n"
	    "-Luftwaffe\n"
	    "\n"
	    "Die Lufthansa Aviation Training hat \xc3\xbc"
	    "ber Jahrzehnte in Bremen Pilotinnen und Piloten der\n"
	    "Transportflieger der Luftwaffe ausgebildet. Damit ist jetz"
	    "t Schluss. Die CAE GmbH hat sich bei der\n"
	    "Ausschreibung durchgesetzt und wird in Bremen und in Montp"
	    "ellier die Nachwuchs-Flugzeugf\xc3\xbchrer der\n"
	    "Luftwaffe trainieren.\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_string_equal(a->title,
	    "CAE bildet k\xc3\xbcnftig Luftwaffen-Piloten in Bremen aus");
	article_free(a);
}

/* A section's name over the headline (theguardian.com, w3m): the
 * short item over a longer headline is a kicker; the headline is the
 * title and the line under it the standfirst. */
static void
test_extract_kicker_over_title(void **state)
{
	const char *s =
	    "Higher education\n"
	    "\n"
	    "Thousands of UK academics 'treated as second-class citizen"
	    "s'\n"
	    "\n"
	    "Report claims higher education institutions have created p"
	    "ool of low-paid staff for teaching and\n"
	    "research\n"
	    "\n"
	    "Richard Adams Education editor\n"
	    "\n"
	    "Mon 20 Jan 2020 06.05\xc2\xa0GMT Last modified on Mon 20 J"
	    "an 2020 06.07\xc2\xa0GMT\n"
	    "\n"
	    "  \xe2\x80\xa2 Share on Facebook\n"
	    "  \xe2\x80\xa2 Share on Twitter\n"
	    "  \xe2\x80\xa2 Share via Email\n"
	    "\n"
	    "Striking members of the UCU and other unions at University"
	    " College last year.\n"
	    "[ ]\n"
	    "Striking members of the UCU and other unions at University"
	    " College last year. Photograph: Guy\n"
	    "Smallman/Getty Images\n"
	    "\n"
	    "Thousands of academic staff at British universities are be"
	    "ing treated as second-class citizens on\n"
	    "precarious contracts, says a report highlighting the \xe2\x80"
	    "\x9c"
	    "alarming rise of mass casualised labour\xe2\x80\x9d in\n"
	    "higher education.\n"
	    "\n"
	    "The report by the University and College Union claims inst"
	    "itutions have created a pool of low-paid\n"
	    "staff to teach undergraduates, conduct research and work i"
	    "n libraries, despite having advanced\n"
	    "postgraduate or other academic qualifications.\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_string_equal(a->title, "Thousands of UK academics "
	    "'treated as second-class citizens'");
	assert_non_null(a->subtitle);
	assert_true(strncmp(a->subtitle, "Report claims", 13) == 0);
	article_free(a);
}

/* No headline-like item above the region: the one that reads as a
 * name nearest the body is the headline (strangemachines.io, w3m), or
 * else the region's first item when it is a question of a headline's
 * size over a paragraph (gartenjournal.net, w3m), which leaves the body. */
static void
test_extract_title_fallback(void **state)
{
	const char *s =
	    "  \xe2\x80\xa2 Strangemachines\n"
	    "\n"
	    "  \xe2\x80\xa2 Challenges\n"
	    "  \xe2\x80\xa2 Articles\n"
	    "  \xe2\x80\xa2 Contact\n"
	    "\n"
	    "Performant Python\n"
	    "\n"
	    "There are many ways to improve Python's performance, such "
	    "as cython or writing C modules and\n"
	    "calling them from Python. These are invasive methods that "
	    "require a specific setup or build.\n"
	    "However, there are a number of ways to improve Python's pe"
	    "rformance that are non-invasive and\n"
	    "require little effort.\n";
	const char *q =
	    "      \xe2\x96\xa1 Kr\xc3\xa4uter\n"
	    "\n"
	    "      \xe2\x96\xa1 Zierpflanzen\n"
	    "\n"
	    "Wie pflege ich meine Zaubernuss im Winter?\n"
	    "\n"
	    "Auch im Winter ben\xc3\xb6tigt die Zaubernuss nicht besond"
	    "ers viel Pflege. An frostfreien Tagen d\xc3\xbcrfen Sie\n"
	    "die Pflanze gelegentlich ein wenig gie\xc3\x9f"
	    "en, damit sie nicht verdurstet und der Wurzelballen nicht\n"
	    "austrocknet. D\xc3\xbcnger ben\xc3\xb6tigt sie zu dieser J"
	    "ahreszeit nicht.\n"
	    "\n"
	    "Hamamelis WinterHamamelis Winter\n"
	    "Die Zaubernuss bl\xc3\xbcht meist ab Dezember\n"
	    "\n"
	    "Wann \xc3\xb6"
	    "ffnen sich die Bl\xc3\xbcten der Zaubernuss?\n"
	    "\n"
	    "Das Besondere an der Hamamelis, so ist der lateinische Nam"
	    "e der Zaubernuss, ist, dass ihre\n"
	    "Bl\xc3\xbctezeit mitten im Winter liegt. Je nach Sorte und"
	    " Witterung \xc3\xb6"
	    "ffnen sich die Knospen ab Dezember.\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_string_equal(a->title, "Performant Python");
	assert_int_equal(a->authors.n, 0);
	article_free(a);
	a = extracted(q);
	assert_string_equal(a->title,
	    "Wie pflege ich meine Zaubernuss im Winter?");
	assert_true(strncmp(a->body, "Auch im Winter", 14) == 0);
	article_free(a);
}

/* A box of related links inside the article (japantimes.co.jp, w3m):
 * the paragraph under it is the article's, the box's links are not. */
static void
test_extract_past_link_box(void **state)
{
	const char *s =
	    "Four of the 12 boxes of masks were gone. Each box had 30 p"
	    "ackages, which each contained 50 masks.\n"
	    "The room is usually locked, the officials said.\n"
	    "\n"
	    "A hospital employee noticed Thursday that some boxes were "
	    "missing, and the hospital reported the\n"
	    "incident to the police station Monday.\n"
	    "\n"
	    "The incident is \xe2\x80\x9cregrettable\xe2\x80\x9d althou"
	    "gh the hospital has enough masks for its staff, an officia"
	    "l\n"
	    "said.\n"
	    "\n"
	    "RELATED STORIES\n"
	    "\n"
	    "  \xe2\x80\xa2 Do masks offer protection from new coronavi"
	    "rus? It depends\n"
	    "  \xe2\x80\xa2 Hoarding and price-gouging send mask prices"
	    " soaring in Japan amid virus fear\n"
	    "  \xe2\x80\xa2 Wanted Chinese man arrested after re-enteri"
	    "ng Japan to buy face masks\n"
	    "  \xe2\x80\xa2 Japan gets creative as mask shortages conti"
	    "nue amid COVID-19 spread\n"
	    "\n"
	    "The incident has occurred at a time when Japan is seeing a"
	    " shortage of face masks amid the\n"
	    "continuing spread of the new coronavirus originating in Ch"
	    "ina.\n"
	    "\n"
	    "  \xe2\x80\xa2 Twitter\n"
	    "  \xe2\x80\xa2 Facebook\n"
	    "  \xe2\x80\xa2 LinkedIn\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_non_null(strstr(a->body, "The incident has occurred"));
	assert_null(strstr(a->body, "Hoarding"));
	assert_null(strstr(a->body, "RELATED"));
	assert_null(strstr(a->body, "Twitter"));
	article_free(a);
}

/* The crumbs' last entry is the headline, over the headline glued to
 * its kicker (industriemagazin.at, w3m): the entry is the title, and
 * the glued line is no standfirst. */
static void
test_extract_crumb_under_kicker(void **state)
{
	const char *s =
	    "  \xe2\x80\xa2 Startseite\n"
	    "  \xe2\x80\xa2 NEWS\n"
	    "  \xe2\x80\xa2 Luftfahrtbranche hebt nach Corona ab - und FACC "
	    "profitiert\n"
	    "\n"
	    "Auftragshoch bei FACC : Luftfahrtbranche hebt nach Corona ab "
	    "- und FACC profitiert\n"
	    "\n"
	    "31.10.2023\n"
	    "\n"
	    "Die Luftfahrtbranche hat die Corona-Krise hinter sich gelassen"
	    ", und der Zulieferer FACC meldet\n"
	    "volle Auftragsb\xc3\xbc""cher. Der Umsatz stieg im dritten "
	    "Quartal deutlich, wie das Unternehmen am\n"
	    "Dienstag in Ried im Innkreis mitteilte.\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_non_null(a->title);
	assert_string_equal(a->title, "Luftfahrtbranche hebt nach Corona ab "
	    "- und FACC profitiert");
	assert_null(a->subtitle);
	article_free(a);
}

/* The headline stands over its byline (zdf.de, w3m): the numbered
 * crumbs over it are headline candidates too, and the walk up took the
 * first of them; the candidate right over the byline is the headline. */
static void
test_extract_title_over_byline(void **state)
{
	const char *s =
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
	    "Wie es sportlich weitergeht, ist unklar.\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_non_null(a->title);
	assert_string_equal(a->title, "US-Sport in Zeiten von Corona");
	assert_int_equal(a->authors.n, 1);
	article_free(a);
}

/* A header line that ends with the date (deutsche-handwerks-zeitung.de,
 * lynx, which joined the crumbs and "InfoStream - 21. Januar 2022" in
 * one item, too long to be a date line; unwrapped here): where no date
 * line is in the header, a header item ending with a full date gives
 * it. */
static void
test_extract_date_ending_header_line(void **state)
{
	const char *s =
	    "home / InfoStream / Eigentumsvorbehalt: Das sollten K\xc3"
	    "\xa4ufer und Verk\xc3\xa4ufer wissen InfoStream - 21. Januar "
	    "2022\n"
	    "\n"
	    "Forderungsausf\xc3\xa4lle vermeiden Eigentumsvorbehalt: Das "
	    "sollten K\xc3\xa4ufer und Verk\xc3\xa4ufer wissen\n"
	    "\n"
	    "Wenn ein K\xc3\xa4ufer nicht sofort den vollen Kaufpreis "
	    "einer Ware bezahlen kann, wird h\xc3\xa4ufig ein "
	    "sogenannter Eigentumsvorbehalt verwendet.\n"
	    "\n"
	    "Ein Eigentumsvorbehalt sichert den Verk\xc3\xa4ufer ab, bis "
	    "der Kaufpreis vollst\xc3\xa4ndig bezahlt ist, und\n"
	    "er muss vor der \xc3\x9c""bergabe der Ware vereinbart werden, "
	    "sonst gilt er nicht.\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_true(a->published.set);
	assert_int_equal(a->published.utc, 1642723200);
	article_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_extract_crumbs_over_title),
		cmocka_unit_test(test_extract_kicker_over_title),
		cmocka_unit_test(test_extract_title_fallback),
		cmocka_unit_test(test_extract_past_link_box),
		cmocka_unit_test(test_extract_crumb_under_kicker),
		cmocka_unit_test(test_extract_title_over_byline),
		cmocka_unit_test(test_extract_date_ending_header_line),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
