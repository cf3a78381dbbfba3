/* Unit tests of the text-dump extractor's headline where the header
 * walk stops short of it or past it (round 24): the headline the dump
 * holds again, over the line the walk took. Snippets of real renders
 * (w3m dumps of development pages), shortened. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "text_extracted.h"

/* A picture's credit over the body and the date's label "am" over the
 * standfirst (jagderleben.de, w3m): the credit line is no headline;
 * the walk stops at the standfirst, and the headline is the line over
 * it that the crumbs hold again. */
static void
test_extract_repeated_title_over_credit(void **state)
{
	const char *s =
	    "Pirsch Logo - Respekt vor dem Wilden\n"
	    "Home News Waldwege gesperrt: Polizei ermittelt wegen "
	    "Noetigung\n"
	    "News\n"
	    "jagdbetrieb&hege\n"
	    "\n"
	    "Waldwege gesperrt: Polizei ermittelt wegen Noetigung\n"
	    "\n"
	    "Kathrin Fuehres \xc2\xa9 Kathrin Fuehres\n"
	    "Kathrin Fuehres\n"
	    "am\n"
	    "Mittwoch, 26.01.2022 - 14:30\n"
	    "\n"
	    "Immer wieder versperren Unbekannte Waldwege bei Otterberg. "
	    "Nun sucht die Polizei nach Zeugen.\n"
	    "\n"
	    "Whatsapp Teilen Twittern Pinnen [jag]Jagdbericht "
	    "[ja]Leserbrief\n"
	    "Waldwege-versperrt \xc2\xa9 Chris - stock.adobe.com\n"
	    "Wer die Aeste immer wieder auf die Wege zieht, ist unklar "
	    "(Symbolbild).\n"
	    "\n"
	    "Im Bereich Reichenbacherhof bei Otterberg werden seit "
	    "geraumer Zeit immer wieder\n"
	    "land- und forstwirtschaftliche Wege durch groessere Aeste "
	    "blockiert. Nicht nur Jaeger, Landwirte und\n"
	    "Eigentuemer werden so an der Durchfahrt gehindert, im "
	    "Notfall sind die Sperren auch ein Hindernis\n"
	    "fuer Einsatzkraefte, berichtet das Polizeipraesidium "
	    "Westpfalz.\n"
	    "\n"
	    "Die Polizei ermittelt nun wegen Noetigung und bittet Zeugen "
	    "darum, Hinweise unter der Telefonnummer\n"
	    "0631-369210 zu melden. Die Aeste liegen seit Wochen auf den "
	    "Wegen, und niemand weiss, wer sie dorthin\n"
	    "zieht.\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_non_null(a->title);
	assert_string_equal(a->title,
	    "Waldwege gesperrt: Polizei ermittelt wegen Noetigung");
	article_free(a);
}

/* The headline twice over a newsletter's standfirst (greator.com, w3m):
 * the walk stops at the standfirst, and the headline is the line over
 * it that the dump holds again. */
static void
test_extract_repeated_title_over_standfirst(void **state)
{
	const char *s =
	    "Suche nach: [                    ] [Suche]\n"
	    "Glueck kommt von innen: Wie du deine innere Zufriedenheit "
	    "steigern kannst\n"
	    "\n"
	    "Lesezeit von 4 Minuten\n"
	    "Meditation\n"
	    "Glueck kommt von innen: Wie du deine innere Zufriedenheit "
	    "steigern kannst\n"
	    "Inhaltsverzeichnis\n"
	    "\n"
	    "Themen\n"
	    "PersoenlichkeitCoachingMindsetAchtsamkeitBeziehungen\n"
	    "Greator Newsletter\n"
	    "Alle Themen zu Coaching & Persoenlichkeitsentwicklung.\n"
	    "ABONNIEREN\n"
	    "Abonnieren\n"
	    "\n"
	    "Innere Zufriedenheit ist ein wichtiger Faktor fuer unser "
	    "Wohlbefinden und unsere Lebensqualitaet. Sie\n"
	    "hilft uns, mit den Herausforderungen des Alltags umzugehen, "
	    "und gibt uns die Kraft, unsere Ziele\n"
	    "zu verfolgen. Doch was ist innere Zufriedenheit eigentlich, "
	    "und wie kannst du sie steigern?\n"
	    "\n"
	    "Innere Zufriedenheit beschreibt ein Gefuehl der Ruhe und der "
	    "Ausgeglichenheit, das von innen kommt\n"
	    "und nicht von den Umstaenden abhaengt, in denen wir leben. "
	    "Wer zufrieden ist, braucht weniger.\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_non_null(a->title);
	assert_string_equal(a->title,
	    "Glueck kommt von innen: Wie du deine innere Zufriedenheit "
	    "steigern kannst");
	article_free(a);
}

/* A row of buttons between the post's facts and the body, over the
 * recipe's name (foxyfolksy.com, w3m): the walk takes the row, which
 * the dump holds once; the headline is the line over it that the
 * crumbs end with. */
static void
test_extract_copied_title_over_buttons(void **state)
{
	const char *s =
	    "Search [                    ] Submit\n"
	    "Home >> Recipes >> Cake Recipes >> Chocolate Buttercream "
	    "Frosting without Powdered Sugar (Ermine\n"
	    "Icing)\n"
	    "\n"
	    "Chocolate Buttercream Frosting without Powdered Sugar (Ermine "
	    "Icing)\n"
	    "\n"
	    "  \xe2\x80\xa2 January 28, 2018\n"
	    "  \xe2\x80\xa2 Bebs\n"
	    "  \xe2\x80\xa2 Cake Recipes\n"
	    "  \xe2\x80\xa2 80 Comments\n"
	    "  \xe2\x80\xa2 Updated: August 22, 2019\n"
	    "\n"
	    "RECIPE PRINT RATE THIS RECIPE\n"
	    "\n"
	    "  \xe2\x80\xa2 Share It!\n"
	    "  \xe2\x80\xa2 Pin It!\n"
	    "  \xe2\x80\xa2 Yum It!\n"
	    "  \xe2\x80\xa2 Send It!\n"
	    "\n"
	    "Chocolate Buttercream Frosting\n"
	    "\n"
	    "Try this Chocolate Buttercream Frosting. No powdered sugar "
	    "needed. It is so light and fluffy and\n"
	    "smoother than the classic American Buttercream Frosting. It "
	    "is easily the best buttercream frosting\n"
	    "I have tried, and a bit more work than the classic one.\n"
	    "\n"
	    "My best friend, Sharon, asked me to make a chocolate cake for "
	    "her hubby, Ariel, for his birthday\n"
	    "last week. The thing is I know a really good chocolate cake "
	    "recipe that I usually use for my\n"
	    "mousse cakes, and I was not sure it would hold in the heat.\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_non_null(a->title);
	assert_string_equal(a->title,
	    "Chocolate Buttercream Frosting without Powdered Sugar (Ermine "
	    "Icing)");
	article_free(a);
}

/* The recent posts' teasers between the headline and the body
 * (youhadmeatgardening.com, w3m): the walk takes the last teaser's
 * headline, which the dump holds once; the headline over the teasers
 * is the page's, which the comments' heading holds again under the
 * body. */
static void
test_extract_copied_title_over_teasers(void **state)
{
	const char *s =
	    "You Had Me At GardeningYou Had Me At Gardening\n"
	    "Search for: [                    ] [Search]\n"
	    "  \xe2\x80\xa2 About Us\n"
	    "  \xe2\x80\xa2 Indoor Gardens\n"
	    "  \xe2\x80\xa2 Contact\n"
	    "\n"
	    "How to Grow a Lemon Tree from Seed | Step-by-Step Guide\n"
	    "\n"
	    "Recent Posts\n"
	    "\n"
	    "  \xe2\x80\xa2 zz plant carezz plant care October 30, 2020 "
	    "Kate May\n"
	    "\n"
	    "    ZZ Plant Care: A Complete Guide\n"
	    "\n"
	    "    Read More\n"
	    "  \xe2\x80\xa2 polka dot plant carepolka dot plant care "
	    "October 28, 2020 Kate May\n"
	    "\n"
	    "    Polka Dot Plant Care: How To Grow And Care For It\n"
	    "\n"
	    "    Read More\n"
	    "\n"
	    "Lemon trees are some of the easiest fruit trees to grow "
	    "indoors. All they need is a sunny\n"
	    "windowsill, the right soil, and a lot of patience. Before we "
	    "learn today how to grow a lemon tree\n"
	    "from seed, however, let us discuss a few important things "
	    "you should know!\n"
	    "\n"
	    "It can take a few years for an indoor lemon tree to bloom and "
	    "produce fruit, but it is worth the\n"
	    "wait. Their shiny leaves and rapid growth are mesmerizing to "
	    "any greenery addict, and you really\n"
	    "cannot compare the taste of indoor-grown lemons with "
	    "store-bought fruit.\n"
	    "\n"
	    "25 thoughts on \xe2\x80\x9cHow to Grow a Lemon Tree from Seed "
	    "| Step-by-Step Guide\xe2\x80\x9d\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_non_null(a->title);
	assert_string_equal(a->title,
	    "How to Grow a Lemon Tree from Seed | Step-by-Step Guide");
	article_free(a);
}

/* A sidebar's licence between the blog's menu and the post
 * (ritinardo.wordpress.com, w3m): the walk stops at the licence's
 * sentence, over which no line has a copy; the headline is the line
 * under it that the dump holds again (the blog's list of posts). */
static void
test_extract_repeated_title_under_standfirst(void **state)
{
	const char *s =
	    "Mikroblog-Meldungen:\n"
	    "\n"
	    "  \xe2\x80\xa2 Bundesregierung 2017 #btw17 #groko "
	    "ritinardo.wordpress.com/2017/11/26/bun\xe2\x80\xa6 ... 2 years "
	    "ago\n"
	    "\n"
	    "Flattr\n"
	    "\n"
	    "Lizenz\n"
	    "\n"
	    "Dieser Werk bzw. Inhalt ist unter einer Creative "
	    "Commons-Lizenz lizenziert.\n"
	    "\n"
	    "Ebuzzing - Top Blog - Gesellschaft\n"
	    "\n"
	    "Bundesregierung 2017 #btw17 #groko\n"
	    "\n"
	    "November 26, 2017November 26, 2017 tlowbtw17, "
	    "Bundestagswahl\n"
	    "\n"
	    "t\n"
	    "\n"
	    "Wenn man so h\xc3\xb6rt und liest, was nach den "
	    "Bundestagswahlen so geschrieben wurde und wird. Und wenn\n"
	    "auch nach den Sondierungen und ggf. vor einer Neuauflage der "
	    "gro\xc3\x9f" "en Koalition, finde ich diese\n"
	    "Dinge auff\xc3\xa4llig, und ich schreibe sie hier auf, "
	    "damit sie nicht vergessen werden.\n"
	    "\n"
	    "Die Parteien reden viel \xc3\xbc" "ber sich selbst und wenig "
	    "\xc3\xbc" "ber das, was sie vorhaben. Das ist nach jeder\n"
	    "Wahl so, aber diesmal f\xc3\xa4llt es mir besonders auf, "
	    "weil so lange nichts geschieht.\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_non_null(a->title);
	assert_string_equal(a->title, "Bundesregierung 2017 #btw17 #groko");
	article_free(a);
}

/* The crumbs glued to the headline over its copy (fischundfang.de,
 * w3m): the copy reads as a person's name ("Radical Pop-Ups und Dips",
 * capitalised words joined by "und"), yet it ends the walk's line, so
 * it is the headline without its trail. */
static void
test_extract_crumbs_over_name_like_title(void **state)
{
	const char *s =
	    "  \xe2\x80\xa2 FORUM\n"
	    "  \xe2\x80\xa2 ABO\n"
	    "\n"
	    "[                    ][Suche]\n"
	    "Tests Aktuelle Produkte Radical Pop-Ups und Dips\n"
	    "ANZEIGE [INS::INS]\n"
	    "\n"
	    "  \xe2\x80\xa2 Aktuelle Produkte\n"
	    "\n"
	    "Radical Pop-Ups und Dips\n"
	    "\n"
	    "28. Januar 2022\n"
	    "Facebook\n"
	    "Twitter\n"
	    "\n"
	    "Radical Dips\n"
	    "Radical Dips: \"Bloody Chicken\", \"Smashed Fish\", "
	    "\"Pineapple Zombie\" und \"Vampire Garlic\" sind die neuen\n"
	    "Sorten, die der Hersteller in diesem Jahr in die Regale "
	    "bringt.\n"
	    "\n"
	    "Radical Pop-Ups haben sich mittlerweile einen grundsoliden "
	    "Ruf erarbeitet. Sie schwimmen lange\n"
	    "auf und halten ihre Farbe, auch wenn sie einige Stunden im "
	    "Wasser liegen.\n"
	    "\n"
	    "Die Dips geben den K\xc3\xb6" "dern einen kr\xc3\xa4" "ftigen "
	    "Geschmack, der sich im Wasser schnell verteilt und\n"
	    "die Fische neugierig macht, wie die Tester berichten.\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_non_null(a->title);
	assert_string_equal(a->title, "Radical Pop-Ups und Dips");
	article_free(a);
}

/* A name that opens the headline stays in it (battery-news.de, w3m):
 * "Ultium Cells" under the picture is the company the headline names,
 * no trail glued before it. */
static void
test_extract_name_opening_title(void **state)
{
	const char *s =
	    "  \xe2\x80\xa2 Partner\n"
	    "  \xe2\x80\xa2 Kontakt\n"
	    "\n"
	    "Ultium Cells erh\xc3\xb6ht Gigafactory-Kapazit\xc3\xa4t in "
	    "Tennessee\n"
	    "\n"
	    "[UltiumSpringHillInvest22-00000002-1030x687]\n"
	    "Ultium Cells\n"
	    "\n"
	    "Autor: Die Redaktion\n"
	    "\n"
	    "Ultium Cells investiert eigenen Angaben zufolge weitere 275 "
	    "Millionen US-Dollar in seine\n"
	    "Batteriezellfabrik in Spring Hill im US-Bundesstaat Tennessee, "
	    "um die Kapazit\xc3\xa4t zu erh\xc3\xb6hen.\n"
	    "\n"
	    "Das Werk von Ultium Cells in Warren im US-Bundesstaat Ohio hatte "
	    "bereits im August 2022 mit der\n"
	    "Fertigung begonnen, zwei weitere Werke sollen bis 2024 "
	    "folgen, wie das Unternehmen mitteilt.\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_non_null(a->title);
	assert_string_equal(a->title,
	    "Ultium Cells erh\xc3\xb6ht Gigafactory-Kapazit\xc3\xa4t in "
	    "Tennessee");
	article_free(a);
}

/* A name that ends the headline after a small word stays in it: "Ein
 * Gespraech mit Anna Berger" over her name under the picture. */
static void
test_extract_name_ending_title(void **state)
{
	const char *s =
	    "  \xe2\x80\xa2 Kultur\n"
	    "  \xe2\x80\xa2 Kontakt\n"
	    "\n"
	    "Ein Gespraech mit Anna Berger\n"
	    "\n"
	    "[portrait-berger-1030x687]\n"
	    "Anna Berger\n"
	    "\n"
	    "Anna Berger leitet seit zwanzig Jahren das kleine Theater am "
	    "Markt und hat dort mehr als hundert\n"
	    "Stuecke auf die Buehne gebracht, die meisten mit Laien aus "
	    "der Stadt und ihrer Umgebung.\n"
	    "\n"
	    "Im Gespraech erzaehlt sie, warum sie nie an ein grosses Haus "
	    "wechseln wollte und was das kleine\n"
	    "Theater fuer die Stadt bedeutet, gerade in Zeiten knapper "
	    "Kassen und leerer Stuhlreihen.\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_non_null(a->title);
	assert_string_equal(a->title, "Ein Gespraech mit Anna Berger");
	article_free(a);
}

/* A blog's header row (hearya.com, w3m): the site's name and tagline
 * over the post's headline over "by oz on December 4, 2006", the
 * byline in small letters no strong byline: the walk climbs past the
 * headline to the site's name; the headline is the line over the
 * dated byline over the body. */
static void
test_extract_title_over_dated_byline(void **state)
{
	const char *s =
	    "  \xe2\x80\xa2 About Us\n"
	    "  \xe2\x80\xa2 Live Sessions\n"
	    "  \xe2\x80\xa2 Interviews\n"
	    "  \xe2\x80\xa2 Subscribe\n"
	    "\n"
	    "HearYa - Indie Music Blog\n"
	    "\n"
	    "Indie Music Blog, Live Sessions, and Daily MP3 Downloads.\n"
	    "\n"
	    "Hit Parader\xe2\x80\x99s Top 100 Metal Vocalists of All "
	    "Time\n"
	    "\n"
	    "by oz on December 4, 2006\n"
	    "\n"
	    "\n"
	    "\n"
	    "I\xe2\x80\x99m not much of a metal guy these days, but I "
	    "dabbled in high school. I heard about this list on\n"
	    "the radio this morning and had to look it up. It\xe2\x80"
	    "\x99s bound for controversy. Freddy Mercury at #6?\n"
	    "Scott Stapp and Fred Durst made the list but Billy Corgan "
	    "didn\xe2\x80\x99t? ROD STEWART AGAIN!!! This guy is\n"
	    "haunting me lately.\n"
	    "\n"
	    "I\xe2\x80\x99ll further assume that punk bands are not "
	    "included, since Joey Ramone didn\xe2\x80\x99t make the "
	    "cut.\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_non_null(a->title);
	assert_string_equal(a->title, "Hit Parader\xe2\x80\x99s Top 100 "
	    "Metal Vocalists of All Time");
	article_free(a);
}

/* The same row with the headline as a list's entry under a search box
 * (fouryears.eu, w3m): "Posted by Konstantin 21.10.2019" over the body,
 * the bulleted line over it the headline, not the blog's tagline. */
static void
test_extract_bulleted_title_over_dated_byline(void **state)
{
	const char *s =
	    " \n"
	    "\n"
	    "Four Years Remaining\n"
	    "\n"
	    "Preparing the consequences\n"
	    "[                    ][Search]\n"
	    "  \xe2\x80\xa2 Interning of Small Integers in Python\n"
	    "\n"
	    "    Posted by Konstantin 21.10.2019\n"
	    "\n"
	    "    Can't help sharing this lovely example, illustrating "
	    "the way Python interns small integers, the\n"
	    "    lower level use of the id function as well as the "
	    "power of the ctypes module.\n"
	    "\n"
	    "    import ctypes\n"
	    "    def deref(addr, type_):\n"
	    "        return ctypes.cast(addr, ctypes.POINTER(type_))\n"
	    "\n"
	    "    deref(id(29), ctypes.c_int)[4] = 100\n"
	    "\n"
	    "    > 29\n"
	    "    100\n"
	    "\n"
	    "    > 29*100\n"
	    "    10000\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_non_null(a->title);
	assert_string_equal(a->title,
	    "Interning of Small Integers in Python");
	article_free(a);
}

/* A headline, its standfirst and a dated byline over the body, the
 * common layout: the standfirst (no full stop) stays under the
 * headline, not taken for it. */
static void
test_extract_standfirst_over_dated_byline(void **state)
{
	const char *s =
	    "Site Name\n"
	    "\n"
	    "Rivers Rise Across the Valley After a Week of Rain\n"
	    "\n"
	    "Farmers count the cost as the water keeps rising\n"
	    "\n"
	    "By Jane Doe on December 4, 2006\n"
	    "\n"
	    "The river broke its banks on Monday morning, and by the "
	    "evening the water stood a metre deep in\n"
	    "the lower fields. Farmers along the valley moved their "
	    "animals to higher ground overnight.\n"
	    "\n"
	    "More rain is expected on Thursday, the weather service said "
	    "in a statement on its website.\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_non_null(a->title);
	assert_string_equal(a->title,
	    "Rivers Rise Across the Valley After a Week of Rain");
	article_free(a);
}

/* A post's headline over its dated byline, where the walk stops short
 * of both at a one-word line ("Shares") over the caption it takes for
 * the standfirst (livescience.com on aeb-dev, w3m): the headline is the
 * line over the dated byline over that run. */
static void
test_extract_title_over_dated_byline_over_run(void **state)
{
	const char *s =
	    "\n"
	    " 1. Home\n"
	    " 2. News\n"
	    "\n"
	    "Physicists Just Created the Most Detailed Simulation of th"
	    "e Universe in History\n"
	    "\n"
	    "By Tim Childers - Live Science Contributor 2019-11-19T12:4"
	    "8:14Z Space\xc2\xa0\n"
	    "\n"
	    "  \xe2\x80\xa2  \n"
	    "  \xe2\x80\xa2  \n"
	    "  \xe2\x80\xa2  \n"
	    "  \xe2\x80\xa2  \n"
	    "  \xe2\x80\xa2  \n"
	    "  \xe2\x80\xa2  \n"
	    "  \xe2\x80\xa2  \n"
	    "\n"
	    "Shares\n"
	    "The centers of massive galaxy clusters are super hot (red)"
	    ", while bright structures show diffuse\n"
	    "gas from the intergalactic medium shock heating at the bou"
	    "ndary between cosmic voids and\n"
	    "filaments.\xc2\xa0\n"
	    "The centers of massive galaxy clusters are super hot (red)"
	    ", while bright structures show diffuse\n"
	    "gas from the intergalactic medium shock heating at the bou"
	    "ndary between cosmic voids and\n"
	    "filaments.\xc2\xa0\n"
	    "(Image: \xc2\xa9 TNG Collaboration)\n"
	    "\n"
	    "The formation of galaxies is a complex dance between matte"
	    "r and energy, occurring on a stage of\n"
	    "cosmic proportions and spanning billions of years. How the"
	    " diversity of structured and dynamic\n"
	    "galaxies we observe today arose from the fiery chaos of th"
	    "e Big Bang remains one of the most\n"
	    "difficult unsolved puzzles of cosmology.\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_non_null(a->title);
	assert_string_equal(a->title, "Physicists Just Created the Most "
	    "Detailed Simulation of the Universe in History");
	article_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_extract_repeated_title_over_credit),
		cmocka_unit_test(test_extract_repeated_title_over_standfirst),
		cmocka_unit_test(test_extract_repeated_title_under_standfirst),
		cmocka_unit_test(test_extract_copied_title_over_buttons),
		cmocka_unit_test(test_extract_copied_title_over_teasers),
		cmocka_unit_test(test_extract_crumbs_over_name_like_title),
		cmocka_unit_test(test_extract_name_opening_title),
		cmocka_unit_test(test_extract_name_ending_title),
		cmocka_unit_test(test_extract_title_over_dated_byline),
		cmocka_unit_test(
		    test_extract_bulleted_title_over_dated_byline),
		cmocka_unit_test(test_extract_standfirst_over_dated_byline),
		cmocka_unit_test(
		    test_extract_title_over_dated_byline_over_run),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
