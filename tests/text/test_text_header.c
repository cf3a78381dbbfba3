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
#include "text/text_blocks.h"

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

/* The headline shown twice in a row (an AEB page's heading and its
 * share card, w3m): the second is the headline again, no standfirst. */
static void
test_extract_headline_twice(void **state)
{
	const char *s =
	    "Scientists use Hawaii telescope to spot water vapor on distant "
	    "moon\n"
	    "\n"
	    "Scientists use Hawaii telescope to spot water vapor on distant "
	    "moon\n"
	    "\n"
	    "Astronomers using a telescope on Mauna Kea have found water "
	    "vapor over the icy surface of\n"
	    "a moon of Jupiter for the first time, which strengthens the "
	    "case for an ocean under its crust.\n"
	    "\n"
	    "The vapor was seen on one of seventeen nights of observation, "
	    "the team said on Monday, and it\n"
	    "suggests that the plumes seen before by a space probe were "
	    "real and not an artefact.\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_non_null(a->title);
	assert_string_equal(a->title, "Scientists use Hawaii telescope to "
	    "spot water vapor on distant moon");
	assert_null(a->subtitle);
	article_free(a);
}

/* Crumbs set as an ordered list over the headline and no byline under
 * it (drk.de, w3m): the list's last entry, of headline size under short
 * section names, is the headline; its number goes. */
static void
test_extract_crumbs_last_entry(void **state)
{
	const char *s =
	    "Sie befinden sich hier:\n"
	    "\n"
	    " 1. Presse\n"
	    " 2. Pressemitteilungen\n"
	    " 3. UN-Klimakonferenz in Glasgow - DRK: Immer mehr Menschen "
	    "wegen Klimawandel auf Hilfe angewiesen\n"
	    "\n"
	    "Vorlesen\n"
	    "\n"
	    "Vor Beginn der UN-Klimakonferenz am 31. Oktober im "
	    "schottischen Glasgow ruft das Deutsche Rote\n"
	    "Kreuz (DRK) zur St\xc3\xa4rkung der vorausschauenden "
	    "humanit\xc3\xa4ren Hilfe auf. Immer mehr Menschen\n"
	    "sind wegen des Klimawandels auf Hilfe angewiesen, sagt "
	    "DRK-Pr\xc3\xa4sidentin Gerda Hasselfeldt.\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_non_null(a->title);
	assert_string_equal(a->title, "UN-Klimakonferenz in Glasgow - DRK: "
	    "Immer mehr Menschen wegen Klimawandel auf Hilfe angewiesen");
	assert_null(a->subtitle);
	article_free(a);
}

/* Crumbs set as an ordered list whose last entry is a section's name
 * (motorsport-total.com, w3m): no entry is the headline; the run under
 * them, past the date and the byline, holds it. */
static void
test_extract_crumbs_over_dateline(void **state)
{
	const char *s =
	    " 1. Home\n"
	    " 2. >\n"
	    " 3. Formel 1\n"
	    " 4. >\n"
	    " 5. Formel 1-News\n"
	    "\n"
	    "02.02.2022 \xc2\xb7 11:14\n"
	    "\n"
	    "von Juliane Ziegengeist\n"
	    "\n"
	    "Nach erstem F1-Test 2022: Alfa Romeo plant sp\xc3\xa4ten "
	    "Launch des C42\n"
	    "\n"
	    "Erst zwei Tage nach dem ersten Formel-1-Test 2022 wird Alfa "
	    "Romeo sein neues Auto enth\xc3\xbcllen - Zum\n"
	    "Einsatz kommen wird der neue C42 in Barcelona aber trotzdem\n"
	    "\n"
	    "(Motorsport-Total.com) - Alfa Romeo wird sein neues "
	    "Formel-1-Auto f\xc3\xbcr die Saison 2022 erst nach dem\n"
	    "ersten Vorsaisontest in Barcelona Ende des Monats offiziell "
	    "vorstellen. Das Team will die Zeit nutzen.\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_non_null(a->title);
	assert_string_equal(a->title, "Nach erstem F1-Test 2022: Alfa Romeo "
	    "plant sp\xc3\xa4ten Launch des C42");
	article_free(a);
}

/* A headline that names a month and a year over its standfirst
 * (goodnight.at, w3m): short and with a year, it reads as a date line,
 * which the walk passed; it is the headline. */
static void
test_extract_headline_with_year(void **state)
{
	const char *s =
	    "Kultur, 2.11.22\n"
	    "\n"
	    "Konzert-Highlights im November 2022\n"
	    "\n"
	    "Alle Highlights auf einen Blick!\n"
	    "\n"
	    "Johanna Kropfitsch\n"
	    "\n"
	    "Mit dem im August 2022 erscheinenden Album hat die "
	    "Indie-Rock Band Muff Potter sich selbst und ihre\n"
	    "Liebe zur Musik wiederentdeckt. Nach einer fast "
	    "zehnj\xc3\xa4hrigen Bandpause positionieren sie sich neu.\n"
	    "\n"
	    "Das Wiener Indie-Trio Dives hat sein zweites Studioalbum "
	    "ver\xc3\xb6""ffentlicht. Die Platte bringen sie nun\n"
	    "auch auf die B\xc3\xbchne, im November im Wiener Flex.\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_non_null(a->title);
	assert_string_equal(a->title, "Konzert-Highlights im November 2022");
	assert_non_null(a->subtitle);
	assert_string_equal(a->subtitle, "Alle Highlights auf einen Blick!");
	article_free(a);
}

/* A headline of two sentences over a byline (lastampa.it, w3m): short
 * and ending with no full stop, it is the headline, not a standfirst
 * under no headline. */
static void
test_extract_headline_two_sentences(void **state)
{
	const char *s =
	    "Perturbazione polare al Centro e al Sud. Il Nord, scavalcato, "
	    "mantiene temperature alte\n"
	    "\n"
	    "di Luca Mercalli\n"
	    "\n"
	    "Una perturbazione di aria polare scende in queste ore sulle "
	    "regioni del Centro e del Sud, dove\n"
	    "porta neve fino a quote collinari sull'Appennino e un calo "
	    "delle temperature di dieci gradi.\n"
	    "\n"
	    "Il Nord resta invece ai margini del fronte: le Alpi lo "
	    "proteggono, e le temperature restano\n"
	    "sopra la media della stagione, con cieli sereni e venti "
	    "secchi da nord.\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_non_null(a->title);
	assert_string_equal(a->title, "Perturbazione polare al Centro e al "
	    "Sud. Il Nord, scavalcato, mantiene temperature alte");
	assert_null(a->subtitle);
	article_free(a);
}

/* A Spanish headline opens with "¿"; a byline set off by a bar ("Name |
 * Publicado hace 3 horas") stands between it and the text: no headline.
 * (The gallery's captions that elcolombiano's render set between them,
 * bulleted and again as the picture's text, went with
 * text_caption_copy(), which moved no render: round 25.) */
static void
test_extract_headline_opening_question(void **state)
{
	const char *s =
	    "  • Antioquia\n"
	    "  • Colombia\n"
	    "\n"
	    "*\n"
	    "\n"
	    "¿Buses de la Alcaldía al servicio de Petro?\n"
	    "\n"
	    "Vehículos del contrato con la Alcaldía fueron "
	    "vistos cerca a la\n"
	    "Casa Petro.\n"
	    "\n"
	    "Image\n"
	    "Política\n"
	    "\n"
	    "Jacobo Betancur Peláez | Publicado hace 3 horas\n"
	    "\n"
	    "Las alertas por el presunto uso de recursos de la Alcaldía "
	    "de Medellín para aceitar\n"
	    "la maquinaria de la campaña volvieron a encenderse esta "
	    "semana, justo cuando la puja\n"
	    "por la primera vuelta ha entrado en sus días "
	    "definitivos.\n"
	    "\n"
	    "Durante el pasado fin de semana, en medio de esa batalla, "
	    "salió a flote una nueva\n"
	    "denuncia que salpicó a una empresa de transporte que "
	    "tiene activo un contrato con\n"
	    "la Alcaldía de Medellín y con varios colegios "
	    "de la ciudad.\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_non_null(a->title);
	assert_string_equal(a->title, "¿Buses de la Alcaldía "
	    "al servicio de Petro?");
	article_free(a);
}

/* A name and a time, a bar and a day over the headline (bibliothek2null,
 * w3m and lynx): a byline, not the headline, and its name, without the
 * time, the author. */
static void
test_extract_bar_byline_over_title(void **state)
{
	const char *s =
	    "  • Home\n"
	    "  • Uncategorized\n"
	    "  • Alles Neue mach der Mai…\n"
	    "\n"
	    "Patrick Danowski   06 PM | 18 Mai\n"
	    "\n"
	    "Alles Neue mach der Mai…\n"
	    "\n"
	    "Nachdem ich mein Blog über zwei Jahre vernachlässigt hatte wird "
	    "es Zeit für einen\n"
	    "Neuanfang. Nachdem ich über Nacht auf neue Server umgezogen bin, "
	    "erfolgte heute der\n"
	    "Update auf die neue WordPress Version und ein neues Design.\n"
	    "\n"
	    "Außerdem wurde es dringend Zeit für ein neues Design, das dem "
	    "aktuellen Stand der\n"
	    "Webtechnologie entspricht und auch auf mobilen Geräten etwas "
	    "hermacht.\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_non_null(a->title);
	assert_string_equal(a->title, "Alles Neue mach der Mai…");
	assert_int_equal(a->authors.n, 1);
	assert_string_equal(a->authors.v[0], "Patrick Danowski");
	article_free(a);
}

/* A breadcrumb trail glued to the headline, on one line (deutsche-
 * handwerks-zeitung.de, w3m): the headline is the part after the
 * trail's last mark; a trail that ends with its mark keeps all. */
static void
test_extract_crumbs_glued_to_title(void **state)
{
	const char *s =
	    "  \xe2\x80\xa2 Regional\n"
	    "\n"
	    "home / InfoStream / Eigentumsvorbehalt: Das sollten K\xc3\xa4u"
	    "fer und Verk\xc3\xa4ufer wissen\n"
	    "InfoStream - 21. Januar 2022\n"
	    "\n"
	    "Forderungsausf\xc3\xa4lle vermeiden Eigentumsvorbehalt: Das so"
	    "llten K\xc3\xa4ufer und Verk\xc3\xa4ufer wissen\n"
	    "\n"
	    "Wenn ein K\xc3\xa4ufer nicht sofort den vollen Kaufpreis einer"
	    " Ware bezahlen kann, wird h\xc3\xa4ufig ein\n"
	    "sogenannter Eigentumsvorbehalt verwendet. Verk\xc3\xa4ufer und"
	    " K\xc3\xa4ufer sollten wissen, was damit genau\n"
	    "gemeint ist, welche Varianten es gibt und welche davon wann di"
	    "e bessere ist.\n"
	    "\n"
	    "Von Tobias Kuske\n"
	    "\n"
	    "Mehrere Stapel mit Mauerziegeln.\n"
	    "Stapel mit Mauerziegeln: Wenn ein K\xc3\xa4ufer nicht sofort d"
	    "en vollen Warenpreis bezahlen kann, wird\n"
	    "h\xc3\xa4ufig ein Eigentumsvorbehalt verwendet. - \xc2\xa9 jol"
	    "lier_ - stock.adobe.com\n"
	    "\n"
	    "Was ist ein einfacher Eigentumsvorbehalt?\n"
	    "\n"
	    "Beim Eigentumsvorbehalt \xc3\xbc""bergibt der Verk\xc3\xa4ufer"
	    " dem K\xc3\xa4ufer die Kaufsache sofort, obwohl dieser den\n"
	    "Preis nicht komplett bezahlt hat \xe2\x80\x93 weil zum Beispie"
	    "l eine Ratenzahlung vereinbart ist. Die Sache\n"
	    "ist so lange Eigentum des Verk\xc3\xa4ufers und nur im Besitz "
	    "des K\xc3\xa4ufers, bis der gesamte Preis gezahlt\n"
	    "ist. Wird nicht wie vereinbart bezahlt, holt der Verk\xc3\xa4u"
	    "fer den Gegenstand zur\xc3\xbc""ck; nach Setzung\n"
	    "einer angemessenen Frist.\n"
	    "\n"
	    "Ein sofortiger R\xc3\xbc""cktritt ist nur bei Fixgesch\xc3\xa4""f"
	    "ten erlaubt. Bei Teilzahlungsgesch\xc3\xa4""ften zwischen\n"
	    "Unternehmern und Verbrauchern gilt: Der Verbraucher muss mit z"
	    "wei aufeinanderfolgenden Raten im\n"
	    "Verzug stehen, die mindestens zehn Prozent des Teilzahlungspre"
	    "ises ausmachen (f\xc3\xbcnf Prozent bei\n"
	    "einer Laufzeit von \xc3\xbc""ber drei Jahren). Wird die Ware z"
	    "ur\xc3\xbc""ckgeholt, sind die bereits bezahlten Raten\n"
	    "zu erstatten und dem K\xc3\xa4ufer kann eine Nutzungsentsch"
	    "\xc3\xa4""digung berechnet werden.\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_string_equal(a->title, "Eigentumsvorbehalt: Das sollten "
	    "K\xc3\xa4ufer und Verk\xc3\xa4ufer wissen");
	article_free(a);
	assert_int_equal(text_crumbs_glued("Home \xc2\xbb Unbefriedigt"), 8);
	assert_int_equal(text_crumbs_glued("Tonight News > Unterhaltung > "
	    "Promis >"), 0);
	assert_int_equal(text_crumbs_glued("AC / DC live"), 0);
}

/* A byline's label on a line of its own over the name ("von" over
 * "auto-motor.at Redaktion", auto-motor.at, w3m): the name is no
 * headline; the walk goes on to the headline over the lead. */
static void
test_extract_name_under_by_label(void **state)
{
	const char *s =
	    "Hyundai\n"
	    "\n"
	    "Hyundai\n"
	    "Testberichte, Neuigkeiten, Zur Hyundai Markenseite\xe2\x80\xa6"
	    "Gebrauchtwagen,\n"
	    "\n"
	    "Hyundai Santa Fe Luxury Line 1,6 T-GDI Plug-in 4WD im Test\n"
	    "\n"
	    "Das Facelift des Hyundai Santa Fe ist weit \xc3\xbc""ber die "
	    "\xc3\xbc""blichen Ma\xc3\x9fnahmen hinaus gegangen, wir haben"
	    "\n"
	    "die neue Plug-in-Hybrid-Version zum Testbericht begr\xc3\xbc"
	    "\xc3\x9ft.\n"
	    "\n"
	    "auto-motor.at RedaktionDonnerstag, 4. November 2021Donnerstag,"
	    " 4. November 2021\n"
	    "von\n"
	    "auto-motor.at Redaktion\n"
	    "\n"
	    "    in Rubrik:\n"
	    "  \xe2\x80\xa2 Hyundai\n"
	    "  \xe2\x80\xa2 > Hyundai Tests\n"
	    "\n"
	    "Normal wird bei einem Facelift ein Fahrzeug optisch etwas aufg"
	    "efrischt und technisch im Detail\n"
	    "verfeinert, nicht so beim neuen Hyundai Santa Fe.\n"
	    "\n"
	    "Dieser hat gleich eine komplett neue Plattform erhalten, die a"
	    "uch den Einsatz eines\n"
	    "Plug-in-Hybrid-Antriebs erm\xc3\xb6glicht.\n"
	    "\n"
	    "Optisch hat man den gro\xc3\x9f""en SUV daf\xc3\xbcr nur im De"
	    "tail verfeinert, vor allem die neu gestaltete\n"
	    "Frontpartie mit dem markanten K\xc3\xbchlergrill und den seitl"
	    "ich integrierten Scheinwerfern f\xc3\xa4llt dabei\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_non_null(a->title);
	assert_string_equal(a->title, "Hyundai Santa Fe Luxury Line 1,6 "
	    "T-GDI Plug-in 4WD im Test");
	article_free(a);
}

/* A counter over the lead ("Foto 1 de 1", hoy.com.py, w3m), like a
 * rating ("5 von 5 Sternen") or a reading time ("21 minutes - 4312
 * words"): no headline; the walk passes it as it passes a date. */
static void
test_extract_counter_no_title(void **state)
{
	const char *s =
	    "\n"
	    "Nacionales\n"
	    "\n"
	    "6 de mayo de 2022 05:30\n"
	    "\n"
	    "Dar\xc3\xa1n bendici\xc3\xb3n a veh\xc3\xad""culos "
	    "este s\xc3\xa1""b"
	    "ado\n"
	    "\n"
	    "[svg]\n"
	    "\n"
	    "Foto 1 de 1\n"
	    "\n"
	    "\n"
	    "La bendici\xc3\xb3n se realizar\xc3\xa1 ma\xc3\xb1""ana. Foto:"
	    " LN\n"
	    "\n"
	    "\n"
	    "Conductores de todo tipo de veh\xc3\xad""culos est\xc3\xa1n in"
	    "vitados a la bendici\xc3\xb3n anual que ofrecen ma\xc3\xb1""an"
	    "a los\n"
	    "Hermanos Franciscanos Capuchinos sobre la Avda. Per\xc3\xb3n."
	    "\n"
	    "\n"
	    "  \xe2\x80\xa2\n"
	    "  \xe2\x80\xa2 6 de mayo de 2022 05:30\n"
	    "\n"
	    "Como parte del novenario de preparaci\xc3\xb3n para la fiesta "
	    "de San Leopoldo, los Hermanos Franciscanos\n"
	    "Capuchinos realizar\xc3\xa1n la bendici\xc3\xb3n anual de veh"
	    "\xc3\xad""culos, incluyendo coches, motos, camiones,\n"
	    "bicicletas y buses.\n"
	    "\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_non_null(a->title);
	assert_string_equal(a->title, "Dar\xc3\xa1n bendici\xc3\xb3n a "
	    "veh\xc3\xad""culos este s\xc3\xa1""bado");
	article_free(a);
}

/* A picture's file name that lynx wrote for an image with no text
 * ("image1-3.jpeg image1-3.jpeg", pamelaandersonfoundation.org) over
 * the lead: no headline; the headline is over the date. */
static void
test_extract_file_name_no_title(void **state)
{
	const char *s =
	    "[35]Yellow Vests and I\n"
	    "\n"
	    "   December 4, 2018\n"
	    "   image1-3.jpeg image1-3.jpeg\n"
	    "\n"
	    "   I am glad that the media noticed my brief Twitter take on t"
	    "he situation in France, my\n"
	    "   adopted country, which has been experiencing a series of ma"
	    "ss protests in the last few\n"
	    "   weeks.\n"
	    "\n"
	    "   Some followers accused me of \"throwing support\" behind th"
	    "e riots and violence and not\n"
	    "   understanding the problem. This is so biased. Why? Let's se"
	    "e! Why these protests now?\n"
	    "\n"
	    "   Instead of being hypnotized by the burning images, I wanted"
	    " to ask \"where did the protests\n"
	    "   come from?\"\n"
	    "\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_non_null(a->title);
	assert_string_equal(a->title, "Yellow Vests and I");
	article_free(a);
}

/* The correio24horas page under its header in the two tests below:
 * its share buttons, related stories, the caption and the lead. */
#define CORREIO_TAIL \
    "Facebook\n" \
    "Twitter\n" \
    "WhatsApp\n" \
    "WhatsApp\n" \
    "LinkedIn\n" \
    "Telegram\n" \
    "Messenger\n" \
    "Copiar URL\n" \
    "Mais op\xc3\xa7\xc3\xb5" "es\n" \
    "Relacionadas\n" \
    "\n" \
    "  \xe2\x80\xa2 [csm_WhatsA] Pol\xc3\xad" "cia faz opera\xc3" \
    "\xa7\xc3\xa3o de combate a sequestros em Salvador e RMS\n" \
    "  \xe2\x80\xa2 [csm_WhatsA] Policiais militares s\xc3\xa3o p" \
    "resos em opera\xc3\xa7\xc3\xa3o de combate a sequestro em Sa" \
    "lvador\n" \
    "  \xe2\x80\xa2 [csm___0305] PMs presos em opera\xc3\xa7\xc3" \
    "\xa3o s\xc3\xa3o investigados por sequestro de empres\xc3" \
    "\xa1rio no Stiep\xc2\xa0\n" \
    "\n" \
    "L\xc3\xad" "der do grupo de sequestradores que tinha PMs foi" \
    " morto em confronto policial (Foto: Tony Silva/\n" \
    "Ascom-PC)\n" \
    "\n" \
    "L\xc3\xad" "der do grupo de sequestradores que tinha PMs foi" \
    " morto em confronto policial\n" \
    "\n" \
    "Draco j\xc3\xa1 mapeou todos os integrantes, e pris\xc3\xa3o" \
    " \xc3\xa9 quest\xc3\xa3o de tempo, diz delegado\n" \
    "[correio_to] [correio_to]\n" \
    "\n" \
    "Uma das lideran\xc3\xa7" "as da organiza\xc3\xa7\xc3\xa3o qu" \
    "e contava com PMs para cometer crimes de extors\xc3\xa3o med" \
    "iante\n" \
    "sequestro, e que teve tr\xc3\xaas integrantes preso nesta te" \
    "r\xc3\xa7" "a-feira (3) na opera\xc3\xa7\xc3\xa3o \"S\xc3" \
    "\xb3 Rasteira\",\n" \
    "morreu em confronto com policiais civis e militares em fever" \
    "eiro do ano passado, no bairro da Sete\n" \
    "Portas, em Salvador. Alessandro Souza Suzart foi localizado " \
    "durante a\xc3\xa7\xc3\xa3o da Coordena\xc3\xa7\xc3\xa3o de\n" \
    "Repress\xc3\xa3o a Crimes Contra Institui\xc3\xa7\xc3\xb5" "" \
    "es Financeiras, do Departamento de Repress\xc3\xa3o e Combat" \
    "e ao Crime\n" \
    "Organizado (Draco), em conjunto com equipes das Rondas Espec" \
    "iais (Rondesp) Atl\xc3\xa2ntico da Pol\xc3\xad" "cia\n" \
    "Militar.\n" \
    "\n"

/* A headline with its standfirst over a name and a date, a related
 * box, and the headline again as a picture's caption and its copy over
 * the body (correio24horas.com.br, w3m): the walk up ends at the
 * captions' run, whose last line is the standfirst; the headline is
 * the line over the name and the date, and the name its author. */
static void
test_extract_headline_over_name_and_date(void **state)
{
	const char *s =
	    "Ol\xc3\xa1 | Sair\n"
	    "salvador minha bahia\n"
	    "salvador\n"
	    "\n"
	    "L\xc3\xad" "der do grupo de sequestradores que tinha PMs foi"
	    " morto em confronto policial\n"
	    "\n"
	    "Draco j\xc3\xa1 mapeou todos os integrantes, e pris\xc3\xa3o"
	    " \xc3\xa9 quest\xc3\xa3o de tempo, diz delegado\n"
	    "salvador\n"
	    "Bruno Wendel\n"
	    "bruno.cardoso@redebahia.com.br\n"
	    "04.05.2022, 05:45:00\n"
	    CORREIO_TAIL;
	struct nw_article *a = extracted(s);

	(void)state;
	assert_string_equal(a->title, "L\xc3\xad" "der do grupo de sequestrad"
	    "ores que tinha PMs foi morto em confronto policial");
	assert_int_equal(a->authors.n, 1);
	assert_string_equal(a->authors.v[0], "Bruno Wendel");
	article_free(a);
}

/* The same page with a section's name under a menu's line, over the
 * headline and its date: the line between the name and the date reads
 * as a headline, so the name is no byline of the menu's line
 * (management-circle.de, w3m: "Mobiles Men\xc3\xbc \xc3\xb6" "ffnen"
 * over "Themen-Blog Digitalisierung"). */
static void
test_extract_no_headline_over_section_name(void **state)
{
	const char *s =
	    "Ol\xc3\xa1 | Sair\n"
	    "Abrir o menu\n"
	    "Salvador Digital\n"
	    "\n"
	    "L\xc3\xad" "der do grupo de sequestradores que tinha PMs foi"
	    " morto em confronto policial\n"
	    "04.05.2022, 05:45:00\n"
	    CORREIO_TAIL;
	struct nw_article *a = extracted(s);

	(void)state;
	assert_string_not_equal(a->title, "Ol\xc3\xa1 | Sair");
	assert_int_equal(a->authors.n, 0);
	article_free(a);
}

/* A kicker glued to the headline by a bare space, which the crumbs
 * set with a colon (impulse.de, w3m: "Kind krank Was Arbeitgeber ..."
 * under the crumb "Kind krank: Was Arbeitgeber wissen m\xc3\xbcssen"):
 * the kicker is an element of its own; the headline is the rest. */
static void
test_extract_kicker_glued_to_title(void **state)
{
	const char *s =
	    "  \xe2\x80\xa2 Recht + Steuern\n"
	    "  \xe2\x80\xa2 Kind krank: Was Arbeitgeber wissen m\xc3\xbc"
	    "ssen\n"
	    "\n"
	    "Kind krank Was Arbeitgeber \xc3\xbc"
	    "ber die Rechte von Eltern wissen m\xc3\xbcssen\n"
	    "\n"
	    "Wie viele Tage im Jahr d\xc3\xbcrfen Mitarbeiter zu Hause "
	    "bleiben, wenn ihr Kind krank ist? Muss der\n"
	    "Arbeitgeber dann weiter Gehalt bezahlen? Die wichtigsten F"
	    "ragen und Antworten.\n"
	    "\n"
	    "Von Julia M\xc3\xbcller\n"
	    "28. Dezember 2022\n"
	    "\n"
	    "Manchmal hilft nur noch kuscheln und ausruhen: Arbeitgeber"
	    " m\xc3\xbcssen Angestellte freistellen, wenn ihr\n"
	    "Kind krank ist, und das gilt f\xc3\xbcr alle Eltern, die "
	    "ein Kind unter zw\xc3\xb6lf Jahren betreuen m\xc3\xbcssen."
	    "\n"
	    "\n"
	    "D\xc3\xbcrfen Eltern ihren Arbeitsplatz verlassen, wenn ih"
	    "r Kind krank ist? Ja, wenn das Kind pl\xc3\xb6tzlich\n"
	    "erkrankt und niemand sonst die Betreuung \xc3\xbc"
	    "bernehmen kann, d\xc3\xbcrfen Eltern sofort gehen.\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_string_equal(a->title, "Was Arbeitgeber \xc3\xbc"
	    "ber die Rechte von Eltern wissen m\xc3\xbcssen");
	article_free(a);
}

/* The kicker set apart another way in the crumbs than in the headline
 * (tagesspiegel.de, w3m: " : " under ":" and a no-break space): the
 * renderer joined two elements; the headline is the second. A topic
 * with its colon that other lines share ("Burgenland: ...",
 * falstaff.de) stays in the headline. */
static void
test_extract_kicker_set_apart(void **state)
{
	const char *s =
	    "  \xe2\x80\xa2 Der Tagesspiegel\n"
	    "  \xe2\x80\xa2 Wirtschaft\n"
	    "  \xe2\x80\xa2 Abstandsregeln und Fieberkontrollen:\xc2\xa0"
	    "Wie Firmen ihre Besch\xc3\xa4"
	    "ftigten vor dem Coronavirus sch\xc3\xbctzen\n"
	    "\n"
	    "29.04.2020, 15:59 Uhr\n"
	    "\n"
	    "Abstandsregeln und Fieberkontrollen : Wie Firmen ihre Besc"
	    "h\xc3\xa4"
	    "ftigten vor dem Coronavirus sch\xc3\xbctzen\n"
	    "\n"
	    "Damit Mitarbeiter gesund bleiben, m\xc3\xbcssen sich Unter"
	    "nehmen einiges einfallen lassen. Die Ideen\n"
	    "reichen vom Spuckschutz bis zur Kontrolle der K\xc3\xb6rpe"
	    "rtemperatur, und manche gehen noch weiter.\n"
	    "\n"
	    "Wer bei VW nicht den Mindestabstand einhalten kann, muss e"
	    "ine Nase-Mund-Bedeckung tragen. Das gilt\n"
	    "in allen Werken, in der Montage ebenso wie in der Verwaltu"
	    "ng, und die Regel wird streng kontrolliert.\n";
	const char *t =
	    "Burgenland\n"
	    "\n"
	    "Burgenland: Best of Ruster Ausbruch DAC\n"
	    "\n"
	    "Auf einen Blick: Jahrhundertelang war der edels\xc3\xbc\xc3"
	    "\x9f"
	    "e Ruster Ausbruch der mit Abstand ber\xc3\xbchmteste und\n"
	    "begehrteste Wein, der am Gebiet des heutigen Burgenlands e"
	    "ntstanden ist. Seit dem Jahr 2020 ist\n"
	    "dieses Juwel aus wei\xc3\x9f"
	    "en Rebsorten vom Westufer des Neusiedler Sees gesch\xc3\xbc"
	    "tzt.\n"
	    "\n"
	    "Das Ruster Weinbaugebiet liegt am Westufer des Sees, wo de"
	    "r Nebel im Herbst die Edelf\xc3\xa4ule bringt,\n"
	    "die den Ausbruch erst m\xc3\xb6glich macht und ihm seinen "
	    "Namen und seinen Ruf gegeben hat.\n"
	    "\n"
	    "News\n"
	    "\n"
	    "Burgenland: Land der Vielfalt\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_string_equal(a->title, "Wie Firmen ihre Besch\xc3\xa4"
	    "ftigten vor dem Coronavirus sch\xc3\xbctzen");
	article_free(a);
	a = extracted(t);
	assert_string_equal(a->title,
	    "Burgenland: Best of Ruster Ausbruch DAC");
	article_free(a);
}

/* A quote set over the headline as its kicker, the headline, and a
 * standfirst of twice its length over a byline (timesofisrael.com,
 * w3m): the line over the byline is the standfirst, the shorter line
 * over it the headline. */
static void
test_extract_headline_over_standfirst_byline(void **state)
{
	const char *s =
	    "home page\n"
	    "'The most important thing is that I not be the last'\n"
	    "\n"
	    "State of Washington swears in first Native American-Jewish"
	    " Supreme Court justice\n"
	    "\n"
	    "Governor says naming of \xe2\x80\x98" "exceptional\xe2\x80"
	    "\x99 Raquel Montoya-Lewis is historic, but he called on her"
	    "\n"
	    "\xe2\x80\x98" "because she\xe2\x80\x99s the best for the job"
	    "\xe2\x80\x99\n"
	    "\n"
	    "By Emily Burack 8 January 2020, 3:51 pm 11 Edit\n"
	    "\n"
	    "  \xe2\x80\xa2 Facebook\n"
	    "  \xe2\x80\xa2 Twitter\n"
	    "\n"
	    "KVELLER via JTA \xe2\x80\x94 The state of Washington has sw"
	    "orn in its first Native American Supreme Court\n"
	    "justice, Raquel Montoya-Lewis, who is also Jewish, in a ce"
	    "remony in Olympia on Monday.\n"
	    "\n"
	    "Governor Jay Inslee appointed Montoya-Lewis, 51, to serve "
	    "on Washington\xe2\x80\x99s highest court. While it is\n"
	    "newsworthy she\xe2\x80\x99s the first, he said, she was ch"
	    "osen because she is the best for the job.\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_string_equal(a->title, "State of Washington swears in firs"
	    "t Native American-Jewish Supreme Court justice");
	assert_non_null(a->subtitle);
	assert_true(strncmp(a->subtitle, "Governor says", 13) == 0);
	article_free(a);
}

/* A blog's name and tagline at the dump's top, the post's date, and
 * its headline under the date, shown again in another case
 * (emacspeak.blogspot.com, w3m): the walk up passes the date to the
 * blog's name; the headline is the line under the date, and its copy
 * no standfirst. */
static void
test_extract_headline_under_date_at_top(void **state)
{
	const char *s =
	    "EMACSPEAK The Complete Audio Desktop\n"
	    "\n"
	    "Here is where I plan to Blog Emacspeak tricks and introduc"
	    "e new features as I implement them.\n"
	    "\n"
	    "Wednesday, October 16, 2019\n"
	    "\n"
	    "Meta-Programming In Emacs Using Defadvice\n"
	    "\n"
	    "\n"
	    "Meta-Programming In Emacs Using defadvice\n"
	    "\n"
	    "1 Introduction\n"
	    "\n"
	    "This blog article Meta Programming In Python reminded me t"
	    "o write up\n"
	    "the equivalent for Emacs Lisp.\n"
	    "Decorators in Python enable you to modify the vehavior of "
	    "existing\n"
	    "functions without changing the original function; Advice i"
	    "n Lisp\n"
	    "which traces back to the 80's enables similar functionalit"
	    "y.\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_string_equal(a->title,
	    "Meta-Programming In Emacs Using Defadvice");
	assert_null(a->subtitle);
	article_free(a);
}

/* The byline's label and the date's label each on a line of their own
 * under the headline, share buttons and a standfirst over the body
 * (rutgers.edu, w3m): the name under its label ("By") and the date
 * make the pair under the headline. */
static void
test_extract_headline_over_labelled_name(void **state)
{
	const char *s =
	    "Student Success\n"
	    "Research & Innovation\n"
	    "\n"
	    "New Robot Does Superior Job Sampling Blood\n"
	    "\n"
	    "By\n"
	    "\n"
	    "Todd Bates\n"
	    "\n"
	    "Date\n"
	    "\n"
	    "February 5, 2020\n"
	    "\n"
	    "Share\n"
	    "\n"
	    "  \xe2\x80\xa2 Facebook\n"
	    "  \xe2\x80\xa2 Twitter\n"
	    "  \xe2\x80\xa2 Email\n"
	    "\n"
	    "First clinical trial of an automated blood drawing and tes"
	    "ting device\n"
	    "\n"
	    "In the future, robots could take blood samples, benefiting"
	    " patients and healthcare workers alike, and the\n"
	    "device performed as well or better than people, according "
	    "to the first human clinical trial of it.\n"
	    "\n"
	    "The device includes an ultrasound image-guided robot that "
	    "draws blood from veins, a fluid-handling\n"
	    "module and a centrifuge-based blood analyzer, and could be"
	    " used at bedsides and in ambulances.\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_string_equal(a->title,
	    "New Robot Does Superior Job Sampling Blood");
	article_free(a);
}

/* A headline in the German guillemets, the closing one opening it
 * (linksfraktion.de, w3m), or opening with the low double quote
 * (tonight.de, w3m): a headline, where a menu's arrow ("\xc2\xbb
 * weiter") is none. */
static void
test_extract_headline_in_guillemets(void **state)
{
	const char *s =
	    "  \xe2\x80\xa2 - Impressum\n"
	    "  \xe2\x80\xa2 - Datenschutz\n"
	    "\n"
	    "Dietmar Bartsch in der Bundespressekonferenz \xc2\xa9 pict"
	    "ure alliance/SZ Photo|J\xc3\xbcrgen Heinrich\n"
	    "\n"
	    "\xc2\xbb" "Abzocke wird als Klimaschutz verkauft\xc2\xab\n"
	    "\n"
	    "Im Wortlaut, Deutschlandfunk, 02. November 2021\n"
	    "\n"
	    "Viele Menschen k\xc3\xb6nnten sich die steigenden Energiepr"
	    "eise nicht mehr leisten, daher m\xc3\xbcsse der\n"
	    "CO2-Preis tempor\xc3\xa4r ausgesetzt werden, forderte der "
	    "Linken-Vorsitzende Dietmar Bartsch im Dlf. Die\n"
	    "k\xc3\xbcnftige Bundesregierung m\xc3\xbcsse einen Winter-"
	    "Energieplan vorlegen, der die B\xc3\xbcrger entlaste.\n"
	    "\n"
	    "Jasper Barenberg: Bei der Konferenz in Glasgow rufen ja ni"
	    "cht nur die Vereinten Nationen alle dazu\n"
	    "auf, ihre Anstrengungen noch mal erheblich zu verst\xc3\xa4"
	    "rken. Welchen Beitrag leistet Deutschland?\n";
	const char *t =
	    "Tonight News > Unterhaltung > Promis >\n"
	    "\n"
	    "Danni B\xc3\xbc" "chner und Ennesto Monte trennen sich: \"A"
	    "rschloch\"\n"
	    "\n"
	    "Promis\n"
	    "\n"
	    "\xe2\x80\x9e" "Arschloch\xe2\x80\x9c: Danni B\xc3\xbc"
	    "chner und Ennesto Mont\xc3\xa9 trennen sich\n"
	    "\n"
	    "16. M\xc3\xa4rz 2021\n"
	    "\n"
	    "Liebes-Aus bei Danni B\xc3\xbc" "chner und Ennesto Mont\xc3"
	    "\xa9! Der 46-J\xc3\xa4hrige hat die Trennung auf Instagram\n"
	    "best\xc3\xa4tigt. Alle Hintergr\xc3\xbcnde dazu hier!\n"
	    "\n"
	    "  \xe2\x80\xa2  \n"
	    "\n"
	    "Steven Salentin\n"
	    "Mitglied der Tonight News-Redaktion\n"
	    "Daniela B\xc3\xbc" "chner Ennesto Monte\n"
	    "Foto: Instagram/dannibuechner\n"
	    "\n"
	    "Das ging schnell! Ungef\xc3\xa4hr vor einem halben Jahr verk"
	    "\xc3\xbcndeten Daniela B\xc3\xbc" "chner und Ennesto Mont"
	    "\xc3\xa9,\n"
	    "dass sie ein Paar sind. Nun ist schon wieder alles aus, und "
	    "das nach nur wenigen gemeinsamen Monaten.\n"
	    "\n"
	    "Das best\xc3\xa4tigte Ennesto Mont\xc3\xa9 via Instagram. "
	    "Jetzt werden sie alle wieder sagen und schreiben, es habe\n"
	    "nicht lange gehalten, schrieb er seinen Fans am Dienstag.\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_non_null(a->title);
	assert_string_equal(a->title,
	    "\xc2\xbb" "Abzocke wird als Klimaschutz verkauft\xc2\xab");
	article_free(a);
	a = extracted(t);
	assert_non_null(a->title);
	assert_string_equal(a->title, "\xe2\x80\x9e" "Arschloch\xe2\x80"
	    "\x9c: Danni B\xc3\xbc" "chner und Ennesto Mont\xc3\xa9 trenn"
	    "en sich");
	article_free(a);
}

/* A one-word line between the headline and a strong byline, the
 * author's role ("AVOCAT"), under a run of the site's lines
 * (dalloz-actualite.fr, w3m): the headline is the line over it, not
 * the run's first line. */
static void
test_extract_headline_over_role_and_byline(void **state)
{
	const char *s =
	    "Menu\n"
	    "Connexion\n"
	    "Accueil\n"
	    "Dalloz Actualit\xc3\xa9\n"
	    "Le quotidien du droit en ligne\n"
	    "Connexion\n"
	    "Envoyer \xc3\xa0 un ami^-A^+A\n"
	    "Le droit en d\xc3\xa9" "bats[le-droit-e]\n"
	    "\n"
	    "Libre cours : Raoult, les nazis et moi\n"
	    "\n"
	    "AVOCAT\n"
	    "Par  Matthieu Hy le 07 Mai 2020\n"
	    "[fl_marcheur_campagne_nature_nf_60]\n"
	    "\n"
	    "C\xe2\x80\x99" "est la guerre. Et pourtant, \xc3\xa0 moi auss"
	    "i, la violence me manque. Faute d\xe2\x80\x99" "audiences, cer"
	    "tains\n"
	    "s\xe2\x80\x99" "essaient \xc3\xa0 la tribune, ce mauvais produ"
	    "it de substitution au tribunal qui consiste \xc3\xa0 \xc3\xa9"
	    "crire des\n"
	    "choses que l\xe2\x80\x99on regrettera plut\xc3\xb4t que de les"
	    " plaider. On traite les juges de nazis, ce qui est\n"
	    "exag\xc3\xa9r\xc3\xa9. Ils nous qualifient en retour d\xe2\x80"
	    "\x99" "auxiliaires de justice, ce qui est carr\xc3\xa9ment diff"
	    "amatoire.\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_string_equal(a->title,
	    "Libre cours : Raoult, les nazis et moi");
	article_free(a);
}

/* The link to the previous post over the headline, opening with a
 * guillemet that nothing closes (disfunctions.de, w3m): an arrow, no
 * quote; the headline is the line under it. */
static void
test_extract_arrow_over_headline(void **state)
{
	const char *s =
	    "  \xe2\x80\xa2 Websites\n"
	    "\n"
	    "      \xe2\x96\xa1 Lukas Balbach\n"
	    "      \xe2\x96\xa1 Matthias Hille\n"
	    "\n"
	    "\xc2\xab Speicher via SSHFS mounten und Truecrypt Container "
	    "laden\n"
	    "\n"
	    "Podcasts in Plex einbinden\n"
	    "\n"
	    "Erstellt von Fabian am Dienstag 6. Mai 2014\n"
	    "\n"
	    "Ich benutze jetzt seit l\xc3\xa4ngerem Plex um Filme,Musik "
	    "etc. zu verwalten und zu streamen. Allerdings\n"
	    "hatte ich bis jetzt keine M\xc3\xb6glichkeit gefunden Podca"
	    "sts direkt einzubinden. Deshalb habe ich ein\n"
	    "kleines Workarround gebastelt.\n"
	    "\n"
	    "Zun\xc3\xa4" "chst habe ich die URLs der Podcasts aus Rhythm"
	    "box exportiert und in eine Liste geschrieben,\n"
	    "die ich dann Zeile f\xc3\xbcr Zeile in Plex eingetragen hab"
	    "e, was eine ganze Weile gedauert hat.\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_string_equal(a->title, "Podcasts in Plex einbinden");
	article_free(a);
}

/* A box of teasers with pictures between the headline's date and the
 * body (SW1.News, w3m): the walk stopped at a teaser's picture and
 * took the last teaser; over the box's heading ("Lesen Sie auch") it
 * goes on to the headline. */
static void
test_extract_past_teaser_box(void **state)
{
	const char *s =
	    "Home / fuSWball / FB-Rh\xc3\xb6n Hassberge / Wenn man in der "
	    "Heimat verliert, dann tut\xc2\xb4s in Abwesendheit\n"
	    "vielleicht ein bisschen weniger weh\n"
	    "[Humprechtshausen-Abersfeld-Thomas-Haeussinger-1-660x330]\n"
	    "\n"
	    "Wenn man in der Heimat verliert, dann tut\xc2\xb4s in Abwese"
	    "ndheit vielleicht ein bisschen weniger weh\n"
	    "\n"
	    "mh 15. Oktober 2023\n"
	    "\n"
	    "Lesen Sie auch\n"
	    "\n"
	    "[Pokal-Auslosung-Foto-BFV-3-310x165]\n"
	    "\n"
	    "Grusel-Aus im Pokal: Aubstadt geht in Illertissen gleich mit"
	    " 0:4 unter\n"
	    "\n"
	    "1. November 2023\n"
	    "\n"
	    "[Gerolzhofen-Muennerstadt-Samuel-Radi-Schied]\n"
	    "\n"
	    "Mit vier Toren kann man ein Spiel drehen oder auch ganz souv"
	    "er\xc3\xa4n gewinnen \xe2\x80\x93 selbst ohne Goalgetter\n"
	    "\n"
	    "30. Oktober 2023\n"
	    "\n"
	    "AUGSFELD \xe2\x80\x93 Zuhause verlieren ist nicht unbedingt "
	    "sch\xc3\xb6n. Und deshalb freute sich Thomas H\xc3\xa4u\xc3"
	    "\x9figer\n"
	    "zwar insgeheim ein kleines bisschen auch f\xc3\xbcr den Erfol"
	    "g des FC Augsfeld, weniger aber, dass das\n"
	    "Team aus seinem Wohnort ausgerechnet seine eigene Mannschaft"
	    " besiegte.\n"
	    "\n"
	    "Der VfB Humprechtshausen spielte bislang eine recht ordentli"
	    "che Saison, brachte der SG Abersfeld\n"
	    "die erste Niederlage bei und hatte sich im Mittelfeld der Ta"
	    "belle festgesetzt.\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_string_equal(a->title,
	    "Wenn man in der Heimat verliert, dann tut\xc2\xb4s in Abwese"
	    "ndheit vielleicht ein bisschen weniger weh");
	article_free(a);
}

/* The site's name shown twice over the headline (hejfish.com, w3m:
 * the logo's text and its link): a short line and its copy are no
 * headline; the longer line under them is. */
static void
test_extract_site_name_twice_over_title(void **state)
{
	const char *s =
	    "  \xe2\x80\xa2 \xc3\x9c" "ber uns\n"
	    "  \xe2\x80\xa2 Angelkarten kaufen\n"
	    "\n"
	    "[                    ]\n"
	    "Fischerh\xc3\xbctte | hejfish.com\n"
	    "\n"
	    "Fischerh\xc3\xbctte | hejfish.com\n"
	    "\n"
	    "Anglertalk mit Stephan H\xc3\xb6" "ferer\n"
	    "\n"
	    "Anglertalkhejfish7. Januar 20220\n"
	    "[lazy_placeholder][P1000153-732x380]\n"
	    "\xc2\xa9 Stephan H\xc3\xb6" "ferer\n"
	    "Lesezeit: 2 Minuten\n"
	    "\n"
	    "Als Naturfilmer und Autor arbeitet Stephan H\xc3\xb6" "ferer "
	    "als freier Mitarbeiter f\xc3\xbcr die\n"
	    "Angelfachzeitschriften \xe2\x80\x9e" "Fisch und Fang\xe2\x80"
	    "\x9c und \xe2\x80\x9e" "Der Raubfisch\xe2\x80\x9c. Zudem pro"
	    "duziere er eigenst\xc3\xa4ndige\n"
	    "Filme (Nature Vision Filmproduktion) und (Angel) B\xc3\xbc"
	    "cher. Seine Angelleidenschaft begann mit 6\n"
	    "Jahren. Es ist die Liebe zur Natur die Stephan immer weiter "
	    "gepr\xc3\xa4gt hat. Denn Angeln ist f\xc3\xbcr ihn\n"
	    "weit mehr als nur Fische zu fangen. Auch wenn einmal kein Fi"
	    "sch bei\xc3\x9ft, ist das f\xc3\xbcr ihn kein\n"
	    "verschenkter Tag. Sondern ein Tag voller Eindr\xc3\xbc" "cke, "
	    "Gl\xc3\xbc" "ck und Harmonie.\n"
	    "\n"
	    "Wenn du angeln gehst, was sind deine Top 5 Dinge, die du def"
	    "initiv mitnimmst?\n"
	    "\n"
	    "Also die Angel und entsprechenden K\xc3\xb6" "der vergesse ic"
	    "h nicht. Mehr habe ich oftmals garnicht dabei,\n"
	    "denn je weniger ich tragen muss, desto l\xc3\xa4nger bleibe i"
	    "ch am Wasser und desto ruhiger wird der Tag.\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_string_equal(a->title,
	    "Anglertalk mit Stephan H\xc3\xb6" "ferer");
	article_free(a);
}

/* The walk finds no headline over the region, whose first item reads
 * as one: over a strong byline (nymag.com, lynx: the headline is a
 * heading at the region's top, over "By Eric Levitz"), or an
 * exclamation over a paragraph where a name-like line over a menu was
 * the fallback (theoriginalcopy.de, w3m: "The Original Copy Menu"). */
static void
test_extract_region_headline(void **state)
{
	const char *s =
	    "     * [42]Share\n"
	    "     * [43]Tweet\n"
	    "     * [44]Pin It\n"
	    "\n"
	    "   [45]+Comments Leave a Comment\n"
	    "   (BUTTON)\n"
	    "\n"
	    "Search\n"
	    "\n"
	    "   ____________________\n"
	    "\n"
	    "   [46]conservatism May 16, 2020\n"
	    "\n"
	    "The GOP Is the Problem. Is \xe2\x80\x98Human Identity Politi"
	    "cs\xe2\x80\x99 the Solution?\n"
	    "\n"
	    "   By [47]Eric Levitz[48]@EricLevitz\n"
	    "\n"
	    "   Love thine enemy. Photo: Olivier Douliery/AFP via Getty "
	    "Images\n"
	    "\n"
	    "   In Why We\xe2\x80\x99re Polarized, Ezra Klein sets out to "
	    "answer a simple (if counterintuitive)\n"
	    "   question: Why was America\xe2\x80\x99s 2016 election so no"
	    "rmal?\n"
	    "\n"
	    "   Which is to say, why was a solipsistic reality star, who "
	    "bragged about the size of his\n"
	    "   crowds, able to win roughly the same share of ballots as "
	    "the previous GOP standard-bearer?\n"
	    "   In the U.S., parties had traditionally paid a steep price "
	    "for nominating extreme and/or\n"
	    "   eccentric candidates.\n";
	const char *e =
	    "Skip to content\n"
	    "The Original Copy\n"
	    "\n"
	    "Main navigation\n"
	    "\n"
	    "The Original Copy Menu\n"
	    "\n"
	    "  \xe2\x80\xa2 Trends\n"
	    "  \xe2\x80\xa2 Looks\n"
	    "  \xe2\x80\xa2 Feelings\n"
	    "  \xe2\x80\xa2 Products\n"
	    "\n"
	    "[TheOriginalCopy-beautyblogger-editorsletter-hi-baby-muttersc"
	    "hut]\n"
	    "\n"
	    "\xc2\xa9 Eileen Jordan\n"
	    "\n"
	    "Swantje Bernsmann 11/08/2020 Feelings\n"
	    "\n"
	    "Editor\xe2\x80\x99s Letter: bye OC Baby, hi Bernsi Baby!\n"
	    "\n"
	    "Lange habe ich diesen vorerst letzten Artikel vor mir herges"
	    "choben. Eigentlich bin ich ja eher\n"
	    "der Typ get shit done, also hake gerne Dinge ab. Aber aus une"
	    "rkl\xc3\xa4rlichen, wahrscheinlich\n"
	    "schlichtweg undefinierbaren Gef\xc3\xbchlsgr\xc3\xbcnden sch"
	    "iebe ich dieses Textst\xc3\xbc"
	    "ck nun schon Wochen vor mir\n"
	    "her. Diesen Text zu schreiben f\xc3\xbchlt sich f\xc3\xbcr m"
	    "ich n\xc3\xa4mlich irgendwie an wie Abschied nehmen.\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_non_null(a->title);
	assert_string_equal(a->title, "The GOP Is the Problem. Is "
	    "\xe2\x80\x98Human Identity Politics\xe2\x80\x99 the Solution?");
	assert_null(a->subtitle);
	assert_true(strncmp(a->body, "In Why We", 9) == 0);
	article_free(a);
	a = extracted(e);
	assert_non_null(a->title);
	assert_string_equal(a->title,
	    "Editor\xe2\x80\x99s Letter: bye OC Baby, hi Bernsi Baby!");
	assert_true(strncmp(a->body, "Lange habe ich", 14) == 0);
	article_free(a);
}

/* Crumbs glued before the headline and its section after it, over the
 * headline alone (lapresse.tn, w3m): the headline is the shorter line,
 * which the longer holds between words. */
static void
test_extract_title_inside_crumbs(void **state)
{
	const char *s =
	    "  \xe2\x80\xa2 Urgent: Le gouvernement de Habib Jemli rejet"
	    "\xc3\xa9\n"
	    "\n"
	    "Accueil \xc3\xa0 la une Parit\xc3\xa9 hommes-femmes en Tuni"
	    "sie : Au-dessous de la moyenne mondiale\n"
	    "\xc3\xa0 la une Soci\xc3\xa9t\xc3\xa9\n"
	    "\n"
	    "Parit\xc3\xa9 hommes-femmes en Tunisie : Au-dessous de la mo"
	    "yenne mondiale\n"
	    "\n"
	    "Par Chokri GHARBI\n"
	    "Publi\xc3\xa9 sur 18/02/2020\n"
	    "8 min lues\n"
	    "\n"
	    "Malgr\xc3\xa9 les acquis r\xc3\xa9"
	    "alis\xc3\xa9s au profit de la femme depuis l\xe2\x80\x99"
	    "ind\xc3\xa9pendance, la participation de la\n"
	    "femme \xc3\xa0 la vie \xc3\xa9"
	    "conomique et politique a connu un certain recul, selon le d"
	    "ernier rapport du Forum\n"
	    "\xc3\xa9"
	    "conomique mondial.\n"
	    "\n"
	    "Selon le rapport annuel du Forum \xc3\xa9"
	    "conomique mondial, relatif \xc3\xa0 l\xe2\x80\x99\xc3\xa9"
	    "galit\xc3\xa9 homme-femme, la Tunisie\n"
	    "est class\xc3\xa9"
	    "e en bas de l\xe2\x80\x99\xc3\xa9"
	    "chelle. Pourtant, la Tunisie s\xe2\x80\x99"
	    "est engag\xc3\xa9"
	    "e \xc3\xa0 assurer l\xe2\x80\x99\xc3\xa9"
	    "galit\xc3\xa9 entre les\n"
	    "deux sexes dans tous les domaines conform\xc3\xa9ment \xc3"
	    "\xa0 la Constitution de 2014.\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_non_null(a->title);
	assert_string_equal(a->title, "Parit\xc3\xa9 hommes-femmes en Tuni"
	    "sie : Au-dessous de la moyenne mondiale");
	article_free(a);
}

/* A name-like headline over the body under the site's menu
 * (maescot.de, w3m: "Kleine Schafskunde" reads as a person's name): the
 * walk stops at the menu and takes the name, not the skip link over
 * the menu. */
static void
test_extract_name_under_menu(void **state)
{
	const char *s =
	    "Zum Inhalt wechseln\n"
	    "Zum sekund\xc3\xa4ren Inhalt wechseln\n"
	    "\n"
	    "  \xe2\x80\xa2 Comics\n"
	    "      \xe2\x96\xa1 M\xc3\xa4scot\n"
	    "      \xe2\x96\xa1 Andere Comics\n"
	    "      \xe2\x96\xa1 Cartoons\n"
	    "      \xe2\x96\xa1 Archiv\n"
	    "  \xe2\x80\xa2 Extras\n"
	    "      \xe2\x96\xa1 Zeichnungen\n"
	    "      \xe2\x96\xa1 Wallpaper\n"
	    "\n"
	    "Kleine Schafskunde\n"
	    "\n"
	    "M\xc3\xa4scot\n"
	    "\n"
	    "M\xc3\xa4scotSchaf, Standardausf\xc3\xbchrung, wei\xc3\x9f: "
	    "Das Exemplar an Schaf, das sich in Massen auf der gro\xc3\x9f"
	    "en,\n"
	    "gr\xc3\xbcnen Wiese herumtreibt. Ganz nach dem Schafklischee, "
	    "sind sie alle ein bisschen beschr\xc3\xa4nkt,\n"
	    "\xc3\xa4ngstlich und naiv. Haupts\xc3\xa4"
	    "chlich sind sie damit besch\xc3\xa4"
	    "ftigt, in gro\xc3\x9f"
	    "en Gruppen Gras zu fressen.\n"
	    "\n"
	    "Das Schwarze Schaf\n"
	    "\n"
	    "Es sticht nicht nur optisch aus der Masse heraus, sondern ist "
	    "auch, entgegen seiner Artgenossen,\n"
	    "recht ideenreich und clever, allerdings nicht gerade mit Gl"
	    "\xc3\xbc"
	    "ck gesegnet. Trotz seiner Desillusion\n"
	    "versucht es hartn\xc3\xa4"
	    "ckig an seine angebetete Lucy heranzukommen.\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_non_null(a->title);
	assert_string_equal(a->title, "Kleine Schafskunde");
		article_free(a);
}

/* A headline that opens with a name in braces (ordnungsrausch.com,
 * w3m: "{orga your life} \xe2\x80\x93 das Leben organisieren") over the
 * body: a candidate, as one in quotes is, not the menu over it. */
static void
test_extract_headline_in_braces(void **state)
{
	const char *s =
	    "Benutzerdefiniert Benutzerdefiniert Benutzerdefiniert\n"
	    "\n"
	    "  \xe2\x80\xa2 Formulare\n"
	    "      \xe2\x96\xa1 Alltag \xe2\x80\x93 Downloads\n"
	    "      \xe2\x96\xa1 Haushalt \xe2\x80\x93 Downloads\n"
	    "      \xe2\x96\xa1 Hilfe\n"
	    "\n"
	    "{orga your life} \xe2\x80\x93 das Leben organisieren\n"
	    "\n"
	    "Orga your life HeaderbannerWenn der Tag mal wieder zu wenige "
	    "Stunden hat, ist es hilfreich, sich\n"
	    "ein wenig mit der eigenen Zeitplanung zu besch\xc3\xa4"
	    "ftigen. Mehr aus der vorhandenen Zeit zu machen ist\n"
	    "n\xc3\xa4mlich gar nicht so einfach. Neben meinen Beitr\xc3"
	    "\xa4gen zur Zeitplanung siehst du hier auch\n"
	    "\xc3\xbc"
	    "bersichtlich alles zum Thema Finanzen organisieren und Selbs"
	    "tmanagement.\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_non_null(a->title);
	assert_string_equal(a->title,
	    "{orga your life} \xe2\x80\x93 das Leben organisieren");
	article_free(a);
}

/* lynx: the page's heading (column 0, no link) under a section's label
 * and a follow button that read as a headline (sciencesetavenir.fr):
 * the heading is the headline. */
static void
test_extract_lynx_heading_under_label(void **state)
{
	const char *s =
	    "   Partager -\n"
	    "\n"
	    "   [85]Sciences et Avenir [86]Sant\xc3\xa9\n"
	    "   Created with Sketch. > Sant\xc3\xa9 [87]Th\xc3\xa9matique "
	    "suivie Ne plus suivre\n"
	    "\n"
	    "Covid-19 et infox : comment une rumeur devient r\xc3\xa9"
	    "alit\xc3\xa9\n"
	    "\n"
	    "   Par [88]Nicolas Gutierrez C. le [89]14.09.2020 \xc3\xa0 11"
	    "h46\n"
	    "\n"
	    "   Les informations non v\xc3\xa9rifi\xc3\xa9"
	    "es ont envahi les r\xc3\xa9seaux sociaux et les m\xc3\xa9"
	    "dias pendant la\n"
	    "   pand\xc3\xa9mie. Voici ce que l\xe2\x80\x99on peut apprend"
	    "re du voyage de l\xe2\x80\x99une d\xe2\x80\x99"
	    "entre elles : la\n"
	    "   dangerosit\xc3\xa9 de l\xe2\x80\x99ibuprof\xc3\xa8ne chez "
	    "les patients de Covid-19.\n"
	    "\n"
	    "   Aussi contagieuses que le virus ? La crise sanitaire est d"
	    "evenue un terrain fertile pour\n"
	    "   les informations non v\xc3\xa9rifi\xc3\xa9"
	    "es (ou carr\xc3\xa9ment fausses) submergeant le public dans "
	    "une\n"
	    "   infod\xc3\xa9mie massive, comme pr\xc3\xa9venait l\xe2\x80"
	    "\x99OMS d\xc3\xa9" "but mars 2020.\n"
	    "\n"
	    "   Le 14 mars 2020, Olivier V\xc3\xa9ran a mis en garde les F"
	    "ran\xc3\xa7" "ais contre la dang\xc3\xa9rosit\xc3\xa9 suppos"
	    "\xc3\xa9" "e\n"
	    "   de l'ibuprof\xc3\xa8ne chez les patients de Covid-19. Aff"
	    "irmation qui se r\xc3\xa9v\xc3\xa8le fausse.\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_non_null(a->title);
	assert_string_equal(a->title, "Covid-19 et infox : comment une "
	    "rumeur devient r\xc3\xa9" "alit\xc3\xa9");
	article_free(a);
}

/* A section's label of one word ("Abstract") in a block of its own over
 * the first section's heading right over the body, whose region has
 * subheadings of its own (link.springer.com, w3m): the walk passes the
 * label and the heading to the article's headline over the metrics. */
static void
test_extract_headline_over_section_label(void **state)
{
	const char *s =
	    "  \xe2\x80\xa2 Orphan Diseases (B Manger, Section Editor)"
	    "\n"
	    "  \xe2\x80\xa2 Published: 30 January 2017\n"
	    "\n"
	    "Drug Reaction with Eosinophilia and Systemic Symptoms (DRE"
	    "SS) Syndrome and the Rheumatologist\n"
	    "\n"
	    "  \xe2\x80\xa2 Marwan H. Adwan^1\xc2\xa0\n"
	    "\n"
	    "Current Rheumatology Reports volume\xc2\xa0" "19, Article\xc2"
	    "\xa0number:\xc2\xa0" "3 (2017) Cite this article\n"
	    "\n"
	    "  \xe2\x80\xa2 1786 Accesses\n"
	    "\n"
	    "  \xe2\x80\xa2 12 Citations\n"
	    "\n"
	    "  \xe2\x80\xa2 12 Altmetric\n"
	    "\n"
	    "  \xe2\x80\xa2 Metrics details\n"
	    "\n"
	    "Abstract\n"
	    "\n"
	    "Purpose of the Review\n"
	    "\n"
	    "The purpose of the review is to summarise the various drug"
	    "s used in rheumatology practice\n"
	    "implicated in the causation of DRESS syndrome.\n"
	    "\n"
	    "Recent Findings\n"
	    "\n"
	    "The most commonly reported drugs are allopurinol, sulfasal"
	    "azine and minocycline, which pose a very\n"
	    "high risk for DRESS syndrome development, followed by stro"
	    "ntium ranelate and dapsone. Other, less\n"
	    "commonly reported, drugs include leflunomide, hydroxychlor"
	    "oquine, non-steroidal anti-inflammatory\n"
	    "drugs, febuxostat, bosentan and solcitinib. Reaction to so"
	    "me drugs is strongly associated with\n"
	    "certain HLA alleles, which may be used to screen patients "
	    "at risk of serious toxicity.\n"
	    "\n"
	    "Summary\n"
	    "\n"
	    "DRESS syndrome is a serious reaction to many drugs used in"
	    " rheumatic diseases, with a potentially\n"
	    "fatal outcome and needs to be considered in any patient st"
	    "arted on these medications who presents\n"
	    "with a rash, fever and eosinophilia, sometimes with intern"
	    "al organ involvement.\n"
	    "\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_non_null(a->title);
	assert_string_equal(a->title, "Drug Reaction with Eosinophilia a"
	    "nd Systemic Symptoms (DRESS) Syndrome and the Rheumatologist");
	article_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_extract_crumbs_over_title),
		cmocka_unit_test(test_extract_kicker_over_title),
		cmocka_unit_test(test_extract_title_fallback),
		cmocka_unit_test(test_extract_crumb_under_kicker),
		cmocka_unit_test(test_extract_title_over_byline),
		cmocka_unit_test(test_extract_date_ending_header_line),
		cmocka_unit_test(test_extract_headline_twice),
		cmocka_unit_test(test_extract_crumbs_last_entry),
		cmocka_unit_test(test_extract_crumbs_over_dateline),
		cmocka_unit_test(test_extract_headline_with_year),
		cmocka_unit_test(test_extract_headline_two_sentences),
		cmocka_unit_test(test_extract_headline_opening_question),
		cmocka_unit_test(test_extract_bar_byline_over_title),
		cmocka_unit_test(test_extract_crumbs_glued_to_title),
		cmocka_unit_test(test_extract_name_under_by_label),
		cmocka_unit_test(test_extract_counter_no_title),
		cmocka_unit_test(test_extract_file_name_no_title),
		cmocka_unit_test(test_extract_headline_over_name_and_date),
		cmocka_unit_test(test_extract_no_headline_over_section_name),
		cmocka_unit_test(test_extract_kicker_glued_to_title),
		cmocka_unit_test(test_extract_kicker_set_apart),
		cmocka_unit_test(test_extract_headline_over_standfirst_byline),
		cmocka_unit_test(test_extract_headline_under_date_at_top),
		cmocka_unit_test(test_extract_headline_over_labelled_name),
		cmocka_unit_test(test_extract_headline_in_guillemets),
		cmocka_unit_test(test_extract_headline_over_role_and_byline),
		cmocka_unit_test(test_extract_arrow_over_headline),
		cmocka_unit_test(test_extract_past_teaser_box),
		cmocka_unit_test(test_extract_site_name_twice_over_title),
		cmocka_unit_test(test_extract_region_headline),
		cmocka_unit_test(test_extract_title_inside_crumbs),
		cmocka_unit_test(test_extract_name_under_menu),
		cmocka_unit_test(test_extract_headline_in_braces),
		cmocka_unit_test(test_extract_lynx_heading_under_label),
		cmocka_unit_test(test_extract_headline_over_section_label),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
