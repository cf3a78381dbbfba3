/* Unit tests of the text-dump extractor's bylines: the name a dated line
 * gives (text_dated_name()), a byline away from the header and the
 * prefixed byline over bare names, on snippets of real renders (w3m
 * dumps of development pages). */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "date.h"
#include "text_extracted.h"
#include "text/text_blocks.h"

/* Asserts that the len bytes at offset off of s, a name a reader
 * found, are want ("" for none). */
static void
check_span(const char *s, size_t off, size_t len, const char *want)
{
	char *got = malloc(len + 1);

	assert_non_null(got);
	memcpy(got, s + off, len);
	got[len] = '\0';
	assert_string_equal(got, want);
	free(got);
}

/* The name text_dated_name() reads in s is want. */
static void
check_name(const char *s, const char *want)
{
	size_t len;
	int words;
	size_t off = text_dated_name(s, &len, &words);

	check_span(s, off, len, want);
}

/* The render s gives one author, name. */
static void
check_author(const char *s, const char *name)
{
	struct nw_article *a = extracted(s);

	assert_int_equal(a->authors.n, 1);
	assert_string_equal(a->authors.v[0], name);
	article_free(a);
}

/* Dated lines of the trafeval renders: the name after a byline word, or
 * two capitalised words next to the date or its label; a line with no
 * name gives none, nor do a date's label ("Last Modified") or a section's name
 * ("Soziales & Gesundheit"). */
static void
test_dated_name(void **state)
{
	(void)state;
	check_name("Ver\xc3\xb6""ffentlicht am 13. M\xc3\xa4rz 2019 von "
	    "Michael Veeser-Dombrowski", "Michael Veeser-Dombrowski");
	check_name("Posted 11. April 2018 by Walter von Aachen",
	    "Walter von Aachen");
	check_name("8. Januar 2020 \xc2\xb7 by Aureliana \xc2\xb7 in "
	    "Gef\xc3\xbchle", "Aureliana");
	check_name("September 17, 2019 Helmut Rubik 0", "Helmut Rubik");
	/* the published and the updated date, glued, then the name */
	check_name("2. Februar 20202. Februar 2020 Alexander Roll 1 "
	    "Kommentar", "Alexander Roll");
	check_name("Bettina Kugler 19.10.2019, 05:00 Uhr", "Bettina Kugler");
	check_name("26. September 2019 Ulrike Stockhausen Schreibe einen "
	    "Kommentar", "Ulrike Stockhausen");
	check_name("Ver\xc3\xb6""ffentlicht am 03.02.2022 von Sarah "
	    "Schnieder Reiterrevue International", "Sarah Schnieder");
	check_name("Par Nicolas Gutierrez C. le 14.09.2020 \xc3\xa0 11h46",
	    "Nicolas Gutierrez C.");
	check_name("Von Katharina Schmidt Kategorien: Mode 6. November 2023, "
	    "15:25 Uhr", "Katharina Schmidt");
	check_name("By Joseph Tsidulko November 19, 2019, 03:25 PM EST",
	    "Joseph Tsidulko");
	check_name("30. Oktober 2023 Carola P\xc3\xb6nisch Kultur",
	    "Carola P\xc3\xb6nisch");
	check_name("27.01.2020 Soziales & Gesundheit Startseite App", "");
	check_name("Updated: Nov 8, 2023 / 04:43 PM CST", "");
	check_name("Tuesday 14 February 2017 05:57 EST", "");
	check_name("Last Modified Nov 5, 2023 Share", "");
	/* a prefix after a bar, the bar before the date not the name's;
	 * a date's label between the name and its date (regards.fr,
	 * 1000things.at) */
	check_name("Accueil | Par Lo\xc3\xaf""c Le Clerc | 30 septembre 2018",
	    "Lo\xc3\xaf""c Le Clerc");
	check_name("Evgenia Karp Zuletzt ge\xc3\xa4""ndert am 06.11.2023",
	    "Evgenia Karp");
	/* "der" after a capitalised word opens a phrase, no name
	 * (tegernseerstimme.de); after a particle it is a name's */
	check_name("Aus der Region 6. November 2023 15:00 Kommentar "
	    "schreiben", "");
	check_name("Ursula von der Leyen 6. November 2023",
	    "Ursula von der Leyen");
}

/* "Von X" over the headline, the header under it holding no byline
 * (t3n.de, w3m): the byline is found over the headline. */
static void
test_byline_over_title(void **state)
{
	const char *s =
	    "News\n"
	    "Artikel merken\n"
	    "\n"
	    "Apple arbeitet angeblich an eigenen iPhone-Akkus f\xc3\xbcr "
	    "mehr Laufzeit\n"
	    "\n"
	    "Apple arbeitet einem Bericht aus S\xc3\xbc"
	    "dkorea zufolge an eigenen Akkus, die zun\xc3\xa4"
	    "chst in iPhones verbaut\n"
	    "werden sollen. Dank einer neuen Zellchemie soll der Energies"
	    "peicher l\xc3\xa4nger halten und schneller\n"
	    "laden.\n"
	    "\n"
	    "Von Andreas Floemer\n"
	    "06.11.2023, 15:20 Uhr \xe2\x80\xa2 2 Min. Lesezeit\n"
	    "Anzeige\n"
	    "Anzeige\n"
	    "\n"
	    "Apple arbeitet angeblich an eigenen iPhone-Akkus f\xc3\xbcr "
	    "mehr Laufzeit\n"
	    "\n"
	    "\n"
	    "Ab 2025 k\xc3\xb6nnte Apple seine eigenen iPhone-Akkus verba"
	    "uen. (Foto: iFixit)\n"
	    "\n"
	    "\n"
	    "Apple will sich von seinen Zulieferern anscheinend weiter un"
	    "abh\xc3\xa4ngig machen. Nachdem die\n"
	    "Chipentwicklung f\xc3\xbcr iPhones, Watches, iPads und Macs "
	    "schon komplett unter eigener Regie\n"
	    "stattfindet, sollen bekanntlich auch 5G-Modems und langfrist"
	    "ig wohl auch Bluetooth- und WLAN-Chip\n"
	    "selbst entwickelt werden.\n"
	    "\n"
	    "Anzeige\n"
	    "Anzeige\n"
	    "\n";

	(void)state;
	check_author(s, "Andreas Floemer");
}

/* A prefixed byline ("by: Cora Neas") and a caption that reads as a
 * name ("Texas State Capitol") in the header (kxan.com, w3m): the
 * prefixed line's name is the only author. */
static void
test_byline_over_bare_name(void **state)
{
	const char *s =
	    "[MLK-Equity]\n"
	    "\n"
	    "\n"
	    "Texas State Capitol\n"
	    "Texas\n"
	    "\n"
	    "Voters pass increase for retired public education workers, b"
	    "ut future shortfalls likely to emerge\n"
	    "\n"
	    "by: Cora Neas\n"
	    "\n"
	    "Posted: Nov 8, 2023 / 04:43 PM CST\n"
	    "\n"
	    "Updated: Nov 8, 2023 / 04:43 PM CST\n"
	    "\n"
	    "\n"
	    "Texas State Capitol\n"
	    "\n"
	    "by: Cora Neas\n"
	    "\n"
	    "Posted: Nov 8, 2023 / 04:43 PM CST\n"
	    "\n"
	    "Updated: Nov 8, 2023 / 04:43 PM CST\n"
	    "\n"
	    "SHARE     \n"
	    "\n"
	    "AUSTIN (KXAN) \xe2\x80\x94 Texas voters approved an amendmen"
	    "t to the state constitution on Tuesday that will\n"
	    "grant billions of dollars to the Teacher Retirement System f"
	    "or a cost-of-living adjustment.\n"
	    "\n"
	    "The win at the ballot box marks a victory for the Texas Reti"
	    "red Teachers Association (TRTA), and\n"
	    "association executive director Tim Lee told KXAN it\xe2\x80"
	    "\x99s a win retirees worked toward for years.\n"
	    "\n"
	    "\xe2\x80\x9cThis is one of those feel good moments where the"
	    "re\xe2\x80\x99s a bipartisan issue that had tremendous\n"
	    "support in the legislative process,\xe2\x80\x9d Lee said. "
	    "\xe2\x80\x9cWe are so fortunate, and we feel so good and\n"
	    "thankful to the people of Texas that recognizes it\xe2\x80"
	    "\x99s a big issue.\xe2\x80\x9d\n"
	    "\n";

	(void)state;
	check_author(s, "Cora Neas");
}

/* A prefixed byline under the article's furniture, past the lines
 * under the region that the far byline search looks at first ("Text:
 * Ursula Eggers" under a list and a tip, gartenjournal.net, w3m): the
 * signature is the author, the header holding none. */
static void
test_byline_under_furniture(void **state)
{
	const char *s =
	    "Wie pflege ich meine Zaubernuss im Winter?\n"
	    "\n"
	    "Auch im Winter ben\xc3\xb6tigt die Zaubernuss nicht besonders "
	    "viel Pflege. An frostfreien Tagen d\xc3\xbcrfen Sie\n"
	    "die Pflanze gelegentlich ein wenig gie\xc3\x9f""en, damit sie "
	    "nicht verdurstet und der Wurzelballen nicht\n"
	    "austrocknet. D\xc3\xbcnger ben\xc3\xb6tigt sie zu dieser Jahre"
	    "szeit nicht.\n"
	    "\n"
	    "Hamamelis WinterHamamelis Winter\n"
	    "Die Zaubernuss bl\xc3\xbcht meist ab Dezember\n"
	    "\n"
	    "Wann \xc3\xb6""ffnen sich die Bl\xc3\xbcten der Zaubernuss?\n"
	    "Ist die Hamamelis mit ihrem Standort oder den Umweltbedingunge"
	    "n nicht zufrieden, dann bl\xc3\xbcht sie\n"
	    "nicht. Vermutlich bekommt sie zu wenig Licht oder Wasser. Sie "
	    "sollte also im Sommer bei Trockenheit\n"
	    "gegossen werden, bevor der Wurzelballen austrocknet. Auch im e"
	    "rsten Winter nach der Pflanzung bl\xc3\xbcht\n"
	    "die Hamamelis h\xc3\xa4ufig nicht. Sie braucht viel Zeit zur E"
	    "ingew\xc3\xb6hnung und zum Anwachsen.\n"
	    "\n"
	    "Das Wichtigste in K\xc3\xbcrze:\n"
	    "\n"
	    "  \xe2\x80\xa2 sehr winterhart\n"
	    "  \xe2\x80\xa2 Bl\xc3\xbctezeit der meisten Sorten im Winter\n"
	    "  \xe2\x80\xa2 Hamamelis virginiana bl\xc3\xbcht schon im Herb"
	    "st\n"
	    "  \xe2\x80\xa2 bei Frost rollen sich die Bl\xc3\xbctenbl\xc3\xa4"
	    "tter ein\n"
	    "  \xe2\x80\xa2 keine besondere Winterpflege n\xc3\xb6tig\n"
	    "  \xe2\x80\xa2 an frostfreien Tagen ab und zu gie\xc3\x9f""en"
	    "\n"
	    "  \xe2\x80\xa2 nicht d\xc3\xbcngen\n"
	    "  \xe2\x80\xa2 im Sommer auf ausreichende Wasserzufuhr achten,"
	    " sonst bleibt die Bl\xc3\xbcte aus\n"
	    "\n"
	    "Tipps\n"
	    "\n"
	    "Auch wenn sich die Bl\xc3\xbctenbl\xc3\xa4tter bei starkem Fro"
	    "st einrollen, nimmt die Zaubernuss in der Regel\n"
	    "keinen Schaden, denn sie ist sehr winterhart.\n"
	    "\n"
	    "*\n"
	    "Text: Ursula Eggers\n"
	    "\n"
	    "Frage zum Thema Zaubernuss?\n"
	    "\n"
	    "Zum Forum\n";

	(void)state;
	check_author(s, "Ursula Eggers");
}

/* A section's name next to the date ("27.01.2022 Aktuelles
 * Experteninterviews", martinruetter.com, w3m) whose word the menu
 * shows as an item of its own is no author; a person's name there is,
 * and so is a name after "Von" though an author's box under the
 * article shows a part of it alone ("Martina"). */
static void
test_section_name_by_date(void **state)
{
	static const char head[] =
	    "  \xe2\x80\xa2 Startseite\n"
	    "  \xe2\x80\xa2 Aktuelles\n"
	    "  \xe2\x80\xa2 Shop\n"
	    "\n"
	    "Schneefl\xc3\xb6""ckchen, Wei\xc3\x9fr\xc3\xb6""ckchen "
	    "\xe2\x80\x93 mit Hund im Winter\n"
	    "\n";
	static const char body[] =
	    "\n"
	    "Die Temperaturen sind in den letzten Wochen immer weiter "
	    "gesunken und in einigen Orten fiel der\n"
	    "erste Schnee. Nicht nur wir Menschen freuen uns h\xc3\xa4ufig "
	    "\xc3\xbc""ber die ersten wirbelnden Flocken und\n"
	    "warten begeistert auf den ersten Spaziergang in geschlossener "
	    "Schneedecke.\n";
	static const char *const lines[] = {
		"27.01.2022 Aktuelles Experteninterviews\n",
		"27.01.2022 Martina Wengatz\n",
		"Von Martina Wengatz 27.01.2022\n",
	};
	static const char *const tails[] = { "", "", "\nMartina\n" };
	static const size_t want[] = { 0, 1, 1 };
	char s[1024];

	(void)state;
	for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		struct nw_article *a;

		snprintf(s, sizeof(s), "%s%s%s%s", head, lines[i], body,
		    tails[i]);
		a = extracted(s);
		assert_int_equal(a->authors.n, want[i]);
		if (want[i] > 0)
			assert_string_equal(a->authors.v[0],
			    "Martina Wengatz");
		article_free(a);
	}
}

/* A name, a bar and a relative time is the byline (elcolombiano.com):
 * its name is the author, not a tag's over it that reads as a name. A
 * place and a desk before the bar are none. */
static void
test_bar_byline(void **state)
{
	static const char body[] =
	    "Las alertas por el presunto uso de recursos de la Alcaldía de "
	    "Medellín para\n"
	    "aceitar la maquinaria de la campaña volvieron a encenderse esta "
	    "semana, justo\n"
	    "cuando la puja por la primera vuelta ha entrado en sus días "
	    "definitivos.\n"
	    "\n"
	    "Durante el pasado fin de semana, en medio de esa batalla, salió "
	    "a flote una\n"
	    "nueva denuncia que salpicó a una empresa de transporte que tiene "
	    "activo un\n"
	    "contrato con la Alcaldía de Medellín y con varios colegios.\n";
	char s[2048];
	struct nw_article *a;

	(void)state;
	snprintf(s, sizeof(s), "Buses de la Alcaldía al servicio de Petro\n"
	    "\n"
	    "Política\n"
	    "Alcaldía de Medellín\n"
	    "\n"
	    "Jacobo Betancur Peláez | Publicado hace 3 horas\n"
	    "\n%s", body);
	check_author(s, "Jacobo Betancur Peláez");
	snprintf(s, sizeof(s), "Buses de la Alcaldía al servicio de Petro\n"
	    "\n"
	    "New Delhi, News Nation Bureau | Updated : 19 November 2019\n"
	    "\n%s", body);
	a = extracted(s);
	for (size_t i = 0; i < a->authors.n; i++)
		assert_string_not_equal(a->authors.v[i], "New Delhi");
	article_free(a);
}

/* A byline the renderer split in two lines, the label ending the
 * first ("Disko Von" over "Ernst Lohoff", jungle.world, w3m): the name
 * under it is the author. */
static void
test_split_byline(void **state)
{
	const char *s =
	    "\n"
	    "Der Begriff Imperialismus hat heutzutage keinen analytischen W"
	    "ert\n"
	    "\n"
	    "Das Imperialismus-Phantom\n"
	    "\n"
	    "Die heutigen Konflikte zwischen autorit\xc3\xa4ren und westlic"
	    "hen Staaten lassen sich mit dem Begriff\n"
	    "Imperialismus nicht erkl\xc3\xa4ren. Sie sind Teil eines Weltb"
	    "\xc3\xbcrgerkriegs, bei dem die Grenze zwischen\n"
	    "Au\xc3\x9f""en- und Innenpolitik verschwimmt.\n"
	    "Disko Von\n"
	    "Ernst Lohoff\n"
	    "\n"
	    "Xi Jinping bei einer Rede in Peking, 23. Oktober\n"
	    "\n"
	    "Dr. Seltsam auf Chinesisch. Chinas Chef-Imperialist Xi Jinping"
	    " bei einer Rede in Peking, 23.\n"
	    "Oktober\n"
	    "\n"
	    "Bild:\n"
	    "picture alliance / Xinhua News Agency | Ju Peng\n"
	    "\n"
	    "[disko_3]Begriffe wie Kolonialismus und Imperialismus bestimme"
	    "n immer mehr die Debatten. Seit dem\n"
	    "russischen \xc3\x9c""berfall auf die Ukraine spricht selbst Bu"
	    "ndeskanzler Olaf Scholz vom \xc2\xbbrussischen\n"
	    "Imperialismus\xc2\xab, fordern Aktivisten, Russland zu dekolon"
	    "isieren und reaktivieren Linke Begriffe aus\n"
	    "der Zeit der Solidarit\xc3\xa4t mit nationalen Befreiungsbeweg"
	    "ungen. Doch wie werden Begriffe wie\n"
	    "Kolonialismus und Imperialismus dabei verwendet, und wie sinnv"
	    "oll sind sie f\xc3\xbcr das Verst\xc3\xa4ndnis\n"
	    "heutiger Konflikte? Peter Korig (\xc2\xbbJungle World\xc2\xab "
	    "35/2023) bef\xc3\xbcrchtet, es k\xc3\xb6nne sich eine linke\n"
	    "Romantisierung von Befreiungsbewegungen wiederholen. Udo Wolte"
	    "r wies auf eine Gleichzeitigkeit von\n"
	    "kolonial-imperialistischen und postkolonialen Momenten in der "
	    "russischen Geschichte hin (\xc2\xbbJungle\n"
	    "World\xc2\xab 39/2023). Ilya Budraitskis forderte einen Bruch "
	    "mit Russlands imperialer Geschichte (\xc2\xbbJungle\n"
	    "World\xc2\xab 40/2023). Olaf Kistenmacher kritisierte die Part"
	    "einahme des Antiimperialismus f\xc3\xbcr\n"
	    "Nationalstaaten und Volksgruppen (\xc2\xbbJungle World\xc2\xab"
	    "\xc2\xa0 42/2023).\n"
	    "\n";

	(void)state;
	check_author(s, "Ernst Lohoff");
}

/* A prefixed byline that the renderer ran on into the standfirst
 * (utopia.de, lynx: "Von Katharina Schmidt Kategorien: Mode 6. November
 * 2023, 15:25 Uhr Was haben ..."): the name the prefix opens, up to
 * the label, is the author. */
static void
test_byline_run_on(void **state)
{
	const char *s =
	    "Polarisierende BH-Werbung: Kim Kardashian, Eisberge und falsch"
	    "e Nippel\n"
	    "\n"
	    "   Von [74]Katharina Schmidt Kategorien: [75]Mode 6. November "
	    "2023, 15:25 Uhr\n"
	    "   Was haben BHs mit Eisbergen zu tun? Kim Kardashian polarisi"
	    "ert mit Werbung\n"
	    "   Screenshots: Instagram/ kimkardashian\n"
	    "     * [76]Utopia Newsletter\n"
	    "     * [77]teilen\n"
	    "     * [78]merken\n"
	    "     * [79]twittern\n"
	    "     * [80]teilen\n"
	    "     * [81]teilen\n"
	    "     * [82]e-mail\n"
	    "\n"
	    "   Auf Instagram zeigt Milliard\xc3\xa4rin Kim Kardashian sich"
	    " besorgt um die Klimakrise \xe2\x80\x93 um mit\n"
	    "   viel Ironie Werbung f\xc3\xbcr ein neues Produkt zu machen."
	    " Nicht alle finden das lustig.\n"
	    "\n"
	    "   Kim Kardashian hat 2019 die inklusive Shapewear-Marke "
	    "\xe2\x80\x9e"
	    "Skims\xe2\x80\x9c mitgegr\xc3\xbcndet und macht nun\n"
	    "   Werbung f\xc3\xbcr ein neues Produkt. Auf Instagram erschie"
	    "n vor kurzem ein Spot, in dem sich die\n"
	    "   prominente Gesch\xc3\xa4""ftsfrau \xc3\xbc""ber die Klimakr"
	    "ise \xc3\xa4u\xc3\x9f""ert. \xe2\x80\x9e""Die Temperatur der E"
	    "rde wird hei\xc3\x9f""er\n"
	    "   und hei\xc3\x9f""er. Die Meeresspiegel steigen, Eisdecken s"
	    "chmelzen\xe2\x80\x9c, warnt Kardashian, scheinbar in\n"
	    "   einen Computerbildschirm vertieft. \xe2\x80\x9eUnd ich bin "
	    "keine Wissenschaftlerin. Aber ich glaube,\n"
	    "   jeder kann die eigenen F\xc3\xa4higkeiten nutzen, um einen "
	    "Beitrag zu leisten.\xe2\x80\x9c\n"
	    "\n"
	    "   Wie ihr pers\xc3\xb6nlicher Beitrag aussehen soll, wird sch"
	    "nell klar. Kardashian f\xc3\xbchrt ein\n"
	    "   BH-Modell mit imitierten Brustwarzen vor, den \xe2\x80\x9eU"
	    "ltimate Nipple Bra\xe2\x80\x9c. Der Vorzug? \xe2\x80\x9e""Egal"
	    " wie\n";

	(void)state;
	check_author(s, "Katharina Schmidt");
}

/* A byline's prefix w3m glued to its link's name ("Geschrieben
 * vonElisa Marvena", de.globalvoices.org, under the article's share
 * line): the name is the author, the prefix parted from it; a name with
 * a lone glued prefix of two letters ("DiCaprio") is none. */
static void
test_glued_prefix(void **state)
{
	const char *s =
	    "Die letzten Gespr\xc3\xa4""che zwischen der Regierung und de"
	    "r Opposition\xc2\xa0""endeten\xc2\xa0""am 3. April mit einer"
	    "\n"
	    "Einigung bei zwei der insgesamt vier Themen auf der Tagesord"
	    "nung. Darin\xc2\xa0hat sich die Regierung\n"
	    "verpflichtet, alle politischen Gefangenen freizulassen und d"
	    "ie B\xc3\xbcrgerrechte zu respektieren. Es gab\n"
	    "jedoch keine\xc2\xa0Vereinbarungen\xc2\xa0hinsichtlich der G"
	    "erechtigkeit f\xc3\xbcr Opfer von Gewalt oder vorgezogener\n"
	    "Wahlen, die planm\xc3\xa4\xc3\x9fig erst 2021 wieder stattfi"
	    "nden.\n"
	    "\n"
	    "Die Oppositionsbewegung zivile Allianz betonte jedoch, dass "
	    "die Regierung sich bisher nicht an die\n"
	    "Vereinbarungen gehalten habe. Die Unterdr\xc3\xbc""ckung fri"
	    "edlicher Proteste durch die Polizei geht\n"
	    "Berichten zufolge weiter. Bis zum 6. April waren nur\xc2\xa0"
	    "50 von insgesamt mehr als 600 politischen\n"
	    "H\xc3\xa4""ftlingen entlassen und unter Hausarrest gestellt "
	    "worden.\n"
	    "\n"
	    "Nach der erneuten Androhung von Sanktionen durch die Vereini"
	    "gten Staaten wurden am 17. April 600\n"
	    "H\xc3\xa4""ftlinge aus dem Gef\xc3\xa4ngnis entlassen, die n"
	    "un den Rest ihrer Strafe unter Hausarrest absitzen\n"
	    "d\xc3\xbcrfen. Darunter befanden sich nach Angaben der zivil"
	    "en Allianz allerdings nur 18 Personen, die als\n"
	    "politische H\xc3\xa4""ftlinge gelten und auf deren Entlassun"
	    "g sie gehofft hatten.\xc2\xa0Nach Ansicht vieler\n"
	    "Menschen wie zum Beispiel dem Aktivisten und Wissenschaftler"
	    " Felix Madariaga sitzen die zuk\xc3\xbcnftigen\n"
	    "Anf\xc3\xbchrer Nicaraguas nach wie vor im Gef\xc3\xa4ngnis."
	    "\n"
	    "\n"
	    "In der Zwischenzeit rufen Oppositionsgruppen zu\xc2\xa0""Dem"
	    "onstrationen zum Gedenken an den Jahrestag der\n"
	    "Ereignisse im April 2018 auf. Da die Beh\xc3\xb6rden die Dem"
	    "onstration nicht genehmigt haben, wird wieder\n"
	    "mit einem harten Durchgreifen der Polizei gerechnet.\n"
	    "\n"
	    "Teile das: twitter facebook reddit googleplus\n"
	    "[loading-32]Email\n"
	    "  Druckversion \n"
	    "Creative Commons License\n"
	    "Ein kleines Portr\xc3\xa4t von Elisa Marvena\n"
	    "Geschrieben vonElisa Marvena\n"
	    "Ein kleines Portr\xc3\xa4t von Global Voices Latin America\n"
	    "Geschrieben vonGlobal Voices Latin America\n";
	char *u = text_unglued("Geschrieben vonElisa Marvena");

	(void)state;
	assert_non_null(u);
	assert_string_equal(u, "Geschrieben von Elisa Marvena");
	free(u);
	assert_null(text_unglued("DiCaprio Leonardo"));
	assert_null(text_unglued("Elisa Marvena"));
	check_author(s, "Elisa Marvena");
}

/* A name lynx writes twice, a picture's link and a name's
 * (madame.lefigaro.fr: "[54]Oph\xc3\xa9lie Ostermann [55]Oph\xc3\xa9lie
 * Ostermann" under the headline), is one author. */
static void
test_doubled_name(void **state)
{
	const char *s =
	    "Les cl\xc3\xa9s pour donner les bonnes bact\xc3\xa9ries \xc3"
	    "\xa0 son intestin et aller bien\n"
	    "\n"
	    "   [54]Oph\xc3\xa9lie Ostermann [55]Oph\xc3\xa9lie Ostermann"
	    "\n"
	    "    |  Le 19 f\xc3\xa9vrier 2020\n"
	    "   Les cl\xc3\xa9s pour donner les bonnes bact\xc3\xa9ries "
	    "\xc3\xa0 son intestin et aller bien\n"
	    "\n"
	    "   Les cl\xc3\xa9s pour donner les bonnes bact\xc3\xa9ries "
	    "\xc3\xa0 son intestin et aller bien.\n"
	    "   Getty Images\n"
	    "\n"
	    "[68]Retraite Holistique m\xc3\xa8re-fille(s)\n"
	    "\n"
	    "   Souvenez-vous. C'est au printemps 2015 que vous avez cert"
	    "ainement ouvert les yeux sur ce\n"
	    "   qu'il se trame r\xc3\xa9""ellement dans votre ventre, gr"
	    "\xc3\xa2""ce au livre Le charme discret de l'intestin\n"
	    "   (1), de la doctorante allemande Giulia Enders. Ou m\xc3"
	    "\xaame un an auparavant, lors de la\n"
	    "   diffusion sur Arte du documentaire Le ventre, notre deuxi"
	    "\xc3\xa8me cerveau, de C\xc3\xa9""cile Denjean.\n"
	    "\n"
	    "En vid\xc3\xa9o, 4 aliments \xc3\xa0 privil\xc3\xa9gier pour"
	    " mieux dormir\n"
	    "\n"
	    "   Car oui, avec ses 200 millions de neurones - soit presqu'"
	    "autant que dans le cortex d'un\n"
	    "   chien ou d'un chat - et ses milliards de bact\xc3\xa9ries"
	    ", contenues dans le microbiote (la flore\n"
	    "   intestinale), [70]l'intestin serait notre \xc2\xabsecond "
	    "cerveau\xc2\xbb ou \xc2\xab""cerveau du bas\xc2\xbb, comme\n"
	    "   certains scientifiques le d\xc3\xa9""finissent. Voire m"
	    "\xc3\xaame pour d'autres professionnels de sant\xc3\xa9, le"
	    "\n"
	    "   \xc2\xabsi\xc3\xa8ge des \xc3\xa9motions\xc2\xbb. La comm"
	    "unaut\xc3\xa9 scientifique tente ainsi de mieux comprendre l"
	    "es liens\n"
	    "   entre intestin et cerveau. Une nouvelle \xc3\xa9tude men"
	    "\xc3\xa9""e par des chercheurs belges et publi\xc3\xa9""e ce"
	    "\n";

	(void)state;
	check_author(s, "Oph\xc3\xa9lie Ostermann");
}

/* A name after a picture's placeholder ("[Image-from] Edward Russell",
 * thepointsguy.com, w3m: the author's photo and name) under the
 * headline is the byline; the placeholder is no part of the name. */
static void
test_placeholder_name(void **state)
{
	const char *s =
	    "Advertiser Disclosure\n"
	    "[1_ALB_3356]\n"
	    "News\n"
	    "\n"
	    "Alaska Airlines sets new date for full Oneworld membership\n"
	    "\n"
	    "[Image-from] Edward Russell\n"
	    "Oct 13, 2020\n"
	    "\n"
	    "  \xe2\x80\xa2  \n"
	    "  \xe2\x80\xa2  \n"
	    "\n"
	    "This post contains references to products from one or more o"
	    "f our advertisers. We may receive\n"
	    "compensation when you click on links to those products. Term"
	    "s apply to the offers listed on this\n"
	    "page. For an explanation of our Advertising Policy, visit th"
	    "is page.\n"
	    "\n"
	    "Alaska Airlines has a new date for when it will be a full fl"
	    "edged member of the Oneworld alliance:\n"
	    "March 31, 2021.\n"
	    "\n"
	    "The date is about three months later than executives planned"
	    " when the Seattle-based carrier was\n"
	    "officially invited to join the alliance in July. However, it"
	    " is on par with the \xe2\x80\x9csometime late Q1\xe2\x80\x9d"
	    "\n"
	    "timeline that was disclosed in September.\n"
	    "\n"
	    "One thing that has not changed are the benefits Oneworld mem"
	    "bership will bring to Alaska frequent\n";

	(void)state;
	assert_int_equal(text_placeholder_len("[Image-from] Edward Russell"),
	    13);
	assert_int_equal(text_placeholder_len("[Edward Russell] x"), 0);
	assert_int_equal(text_placeholder_len("[x]"), 0);
	check_author(s, "Edward Russell");
}

/* A name with its role after it ("Richard Adams Education editor",
 * theguardian.com, w3m, between the standfirst and the date) is a
 * byline, and the name alone the author; a desk of two words or a
 * small word before the role is no name's. */
static void
test_role_name(void **state)
{
	const char *s =
	    "Higher education\n"
	    "\n"
	    "Thousands of UK academics 'treated as second-class citizens'"
	    "\n"
	    "\n"
	    "Report claims higher education institutions have created poo"
	    "l of low-paid staff for teaching and\n"
	    "research\n"
	    "\n"
	    "Richard Adams Education editor\n"
	    "\n"
	    "Mon 20 Jan 2020 06.05\xc2\xa0GMT Last modified on Mon 20 Jan"
	    " 2020 06.07\xc2\xa0GMT\n"
	    "\n"
	    "  \xe2\x80\xa2 Share on Facebook\n"
	    "  \xe2\x80\xa2 Share on Twitter\n"
	    "  \xe2\x80\xa2 Share via Email\n"
	    "\n"
	    "Striking members of the UCU and other unions at University C"
	    "ollege last year.\n"
	    "[ ]\n"
	    "Striking members of the UCU and other unions at University C"
	    "ollege last year. Photograph: Guy\n"
	    "Smallman/Getty Images\n"
	    "\n"
	    "Thousands of academic staff at British universities are bein"
	    "g treated as second-class citizens on\n"
	    "precarious contracts, says a report highlighting the \xe2"
	    "\x80\x9c""alarming rise of mass casualised labour\xe2\x80"
	    "\x9d in\n"
	    "higher education.\n"
	    "\n"
	    "The report by the University and College Union claims instit"
	    "utions have created a pool of low-paid\n"
	    "staff to teach undergraduates, conduct research and work in "
	    "libraries, despite having advanced\n"
	    "postgraduate or other academic qualifications.\n"
	    "\n"
	    "It calls on the Office for Students, the higher education re"
	    "gulator in England, to require each\n"
	    "university to publish figures showing their use of casual te"
	    "aching staff, and and for research\n";

	(void)state;
	assert_int_equal(text_role_name("Richard Adams Education editor",
	    4), 13);
	assert_int_equal(text_role_name("Jane Doe reporter", 3), 8);
	assert_int_equal(text_role_name("Richard Adams the editor", 4), 0);
	assert_int_equal(text_role_name("Richard Adams Education", 3), 0);
	check_author(s, "Richard Adams");
}

/* A name glued to its handle ("By Eric Levitz@EricLevitz", nymag.com,
 * w3m: the name's link and the handle's) is the name alone. */
static void
test_glued_handle(void **state)
{
	const char *s =
	    "conservatism May 16, 2020\n"
	    "\n"
	    "The GOP Is the Problem. Is \xe2\x80\x98Human Identity Politi"
	    "cs\xe2\x80\x99 the Solution?\n"
	    "\n"
	    "By Eric Levitz@EricLevitz\n"
	    "[bb9a63348b]\n"
	    "Love thine enemy. Photo: Olivier Douliery/AFP via Getty Imag"
	    "es\n"
	    "\n"
	    "In Why We\xe2\x80\x99re Polarized, Ezra Klein sets out to an"
	    "swer a simple (if counterintuitive) question: Why\n"
	    "was America\xe2\x80\x99s 2016 election so normal?\n"
	    "\n"
	    "Which is to say, why was a solipsistic reality star \xe2\x80"
	    "\x94 who \xe2\x80\x9c""bragged about the size of his penis,"
	    "\xe2\x80\x9d\n"
	    "\xe2\x80\x9cmade no mystery about his bigotry or sexism,\xe2"
	    "\x80\x9d and \xe2\x80\x9c""called himself a genius while ret"
	    "weeting\n"
	    "conspiracy theories in caps lock\xe2\x80\x9d \xe2\x80\x94 ab"
	    "le to win roughly the same share of ballots as the previous"
	    "\n"
	    "GOP standard-bearer, a staid Mormon ex-governor of Massachus"
	    "etts? In the U.S., parties had\n"
	    "traditionally paid a steep price for nominating extreme and/"
	    "or eccentric candidates. So, how did\n"
	    "nearly 63 million Americans look at the birther king\xe2\x80"
	    "\x99s Twitter feed and think, This is a man I can\n"
	    "trust with nuclear weapons?\n"
	    "\n"
	    "The answer, the Vox founder suggests, is \xe2\x80\x9cthe eno"
	    "rmous weight party polarization exerts on our\n"
	    "politics.\xe2\x80\x9d\n";

	(void)state;
	check_author(s, "Eric Levitz");
}

/* A bare name set apart at the region's top ("Marie R\xc3\xb6vekamp"
 * under the standfirst, tagesspiegel.de, w3m), the header holding no
 * byline, is the author. */
static void
test_name_at_top(void **state)
{
	const char *s =
	    "*\n"
	    "29.04.2020, 15:59 Uhr\n"
	    "\n"
	    "Abstandsregeln und Fieberkontrollen : Wie Firmen ihre Besch"
	    "\xc3\xa4""ftigten vor dem Coronavirus sch\xc3\xbctzen\n"
	    "\n"
	    "Damit Mitarbeiter gesund bleiben, m\xc3\xbcssen sich Unterne"
	    "hmen einiges einfallen lassen. Die Ideen\n"
	    "reichen vom Spuckschutz bis zur Kontrolle der K\xc3\xb6rpert"
	    "emperatur.\n"
	    "\n"
	    "\n"
	    "Marie R\xc3\xb6vekamp\n"
	    "\n"
	    "Wer bei VW nicht den Mindestabstand einhalten kann, muss ein"
	    "e Nase-Mund-Bedeckung tragen.\n"
	    "\n"
	    "Wer bei VW nicht den Mindestabstand einhalten kann, muss ein"
	    "e Nase-Mund-Bedeckung tragen.Foto: Swen\n"
	    "Pfoertner/Reuters\n"
	    "\n"
	    "Hinein kommt nur, wer die richtigen Werte hat. Bei dem Unter"
	    "nehmen TDK in Zehlendorf, das\n"
	    "elektronische Bauteile herstellt, h\xc3\xa4ngt am Eingang ei"
	    "ne W\xc3\xa4rmebildkamera. Bei jedem misst sie die\n"
	    "K\xc3\xb6rpertemperatur. Ist es erlaubt, die Schwelle zu "
	    "\xc3\xbc""bertreten, gilt Maskenpflicht. Auf dem ganzen\n"
	    "Werksgel\xc3\xa4nde.\n"
	    "\n"
	    "Immer mehr Unternehmen fahren ihre Produktion nach Wochen de"
	    "s Stillstands langsam wieder hoch.\n"
	    "Damit sich aber nicht etliche Menschen bei der Arbeit mit de"
	    "m Coronavirus anstecken, m\xc3\xbcssen sie\n";

	(void)state;
	check_author(s, "Marie R\xc3\xb6vekamp");
}

/* A heading of two or three capitalised words under the body's first
 * paragraph whose words the article uses ("Leasing von
 * Firmenfahrzeugen", fincompare.de, w3m) is the body's, no byline: the
 * render gives no author. */
static void
test_top_heading(void **state)
{
	const char *s =
	    "Firmenwagen: Leasing oder Finanzierung?\n"
	    "\n"
	    "7. Oktober 2019\n"
	    "\n"
	    "Die Finanzierung eines Firmenwagens kann eine gro\xc3\x9f""e "
	    "Auswirkung auf die Liquidit\xc3\xa4t und die Gewinn-\n"
	    "und Verlustrechnung eines Unternehmens haben. Entscheidend is"
	    "t, wie ein Unternehmen finanziert. Bei\n"
	    "einem Kauf bzw. einer Finanzierung wird das Auto erworben un"
	    "d geht in den Besitz des K\xc3\xa4ufers \xc3\xbc""ber.\n"
	    "Beim Leasing mieten Sie das Auto f\xc3\xbcr einen festgelegt"
	    "en Zeitraum und k\xc3\xb6nnen es nach Ablauf dieses\n"
	    "Zeitraums abz\xc3\xbcglich der bereits geleisteten Leasingr"
	    "aten kaufen, m\xc3\xbcssen Sie aber nicht.\n"
	    "\n"
	    "Leasing von Firmenfahrzeugen\n"
	    "\n"
	    "Viele Unternehmer favorisieren das Leasingmodell, um die Liqu"
	    "idit\xc3\xa4t des Unternehmens zu schonen.\n"
	    "Unternehmen k\xc3\xb6nnen dar\xc3\xbc""ber hinaus die Leas"
	    "ingrate als monatliche Betriebsausgaben steuerlich\n"
	    "absetzen. Einzig bei einer m\xc3\xb6glichen Leasing-Sonderz"
	    "ahlung am Anfang der Miete, kann es eine\n"
	    "Ausnahme geben.\n"
	    "\n"
	    "Die Monatsraten sind beim Leasing dar\xc3\xbc""ber hinaus m"
	    "eist relativ niedrig. Das Leasing-Fahrzeug kann\n"
	    "auch nach einer bestimmten Laufzeit in den eigenen Besitz "
	    "\xc3\xbc""bergehen, muss es aber nicht. Das kommt\n"
	    "auf die Vertragsmodalit\xc3\xa4ten an, die stets genau zu p"
	    "r\xc3\xbc""fen sind.\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_int_equal(a->authors.n, 0);
	article_free(a);
}

/* A bare name over the body that the article speaks of ("MIRO
 * Analytical", under a picture over the body that names the firm,
 * chemie.de, w3m) is a heading, no byline: the render gives no author.
 */
static void
test_bare_heading(void **state)
{
	const char *s =
	    "[                    ] [search]\n"
	    "12.12.2022 - Empa (Eidgen\xc3\xb6ssische Materialpr"
	    "\xc3\xbc""fungs- und Forschungsanstalt)\n"
	    "\n"
	    "Empa-Spin-off revolutioniert die Messung von Treibhausga"
	    "sen und Luftschadstoffen\n"
	    "\n"
	    "\xc2\xabInnosuisse Certificate\xc2\xbb f\xc3\xbcr MIRO A"
	    "nalytical: Bereit f\xc3\xbcr nachhaltiges Wachstum\n"
	    "\n"
	    "[6392fd5eb1]\n"
	    "\n"
	    "MIRO Analytical\n"
	    "\n"
	    "Die Gr\xc3\xbcnder von MIRO Analytical, Morten Hundt und"
	    " Oleg Aseev, mit einem ihrer Ger\xc3\xa4te.\n"
	    "\n"
	    "[zoom_in] Hineinzoomen\n"
	    "\xe2\x80\xb9 \xe2\x80\xba\n"
	    "\n"
	    "Das im Februar 2018 als Spin-off der Empa gegr\xc3\xbcnd"
	    "ete Start-up-Unternehmen \xc2\xabMIRO Analytical\xc2\xbb"
	    " erhielt\n"
	    "im Oktober eines der begehrten \xc2\xabInnosuisse Certif"
	    "icates\xc2\xbb. Das Zertifikat spiegelt die\n"
	    "bemerkenswerten Fortschritte wider, die das Jungunterneh"
	    "men w\xc3\xa4hrend des Coaching-Programms der\n"
	    "F\xc3\xb6rderagentur erzielte und best\xc3\xa4tigt, dass"
	    " das Start-up bereit ist f\xc3\xbcr ein nachhaltiges Wac"
	    "hstum.\n"
	    "\n"
	    "Es ist der vorl\xc3\xa4ufige H\xc3\xb6hepunkt einer Erfo"
	    "lgsgeschichte. \xc2\xabMIRO Analytical\xc2\xbb, vor gut "
	    "vier Jahren von\n";
	/* with "Open Future" (the section's name, the body's words) no
	 * byline, a picture's name that holds a date ("[20180623_BLP502]",
	 * economist.com) is no date line over a bare name */
	const char *s2 =
	    "[20180623_BLP502]\n"
	    "\n"
	    "Open Progress\n"
	    "Why collaborative thinking beats individual smarts\n"
	    "\n"
	    "An interview with Thomas Malone, author of \xe2\x80\x9cS"
	    "uperminds\xe2\x80\x9d, together with an extract from the"
	    " book\n"
	    "\n"
	    "Open Future\n"
	    "Open Future\n"
	    "\xe2\x94\x81\xe2\x94\x81\xe2\x94\x81\xe2\x94\x81\n"
	    "Jun 18th 2018\n"
	    "\n"
	    "  \xe2\x80\xa2 \n"
	    "  \xe2\x80\xa2 \n"
	    "  \xe2\x80\xa2 \n"
	    "  \xe2\x80\xa2 \n"
	    "\n"
	    "THREE decades ago Thomas Malone modernised how the busin"
	    "ess world thought about digital\n"
	    "communications in organisations with a seminal paper, "
	    "\xe2\x80\x9c""Electronic Markets and Electronic\n"
	    "Hierarchies\xe2\x80\x9d. It was 1987, before the commerc"
	    "ialisation of the internet, yet he and his co-authors\n"
	    "\n"
	    "The Economist\xe2\x80\x98s Open Future initiative asked "
	    "Mr Malone five questions with the stipulation that he\n"
	    "reply in around 100 words each time. Below the interview"
	    " is an excerpt from the book.\n";
	struct nw_article *a = extracted(s), *a2 = extracted(s2);

	(void)state;
	assert_int_equal(a->authors.n, 0);
	assert_int_equal(a2->authors.n, 0);
	article_free(a);
	article_free(a2);
}

/* A name that opens with two initials keeps its third word ("Posted
 * by T. V. Raman at 2:33 PM", emacspeak.blogspot.com): two initials
 * alone are no name; the third capitalised word still ends a name of
 * two full words ("Jane Doe Schreibe einen Kommentar"). */
static void
test_initials_name(void **state)
{
	(void)state;
	check_name("Posted by T. V. Raman at 2:33 PM \xe2\x97\x8f "
	    "\xe2\x97\x8f", "T. V. Raman");
	check_name("By J. R. Tolkien Schreibe einen Kommentar 19.10.2019",
	    "J. R. Tolkien");
	check_name("By Jane Doe Schreibe einen Kommentar 19.10.2019",
	    "Jane Doe");
}

/* A user's handle after a byline's word in a dated line, in small
 * letters or with digits (murdeltas.wordpress.com,
 * echte-demokratie-jetzt.de, sladisworld.wordpress.com): the author; a
 * number after "by" in a copyright line is none (a theme's maker). */
static void
test_handle(void **state)
{
	const char *s =
	    "\xe2\x86\x90 2 Jahre CryptoParty Graz\n"
	    "\n"
	    "Barcamp Graz 2015 \xe2\x80\x93 Politcamp Call for Action\n"
	    "\n"
	    "Posted on 2015-04-05 by marc | Leave a comment\n"
	    "\n"
	    "bcg_2015_date\n"
	    "\n"
	    "In nicht mehr ganz 2 Wochen ist es soweit: das Barcamp Graz "
	    "2015 steht vor der T\xc3\xbcr \xe2\x80\x93 17-19 April an\n"
	    "der FH Joanneum! Es werden wieder interessierte und "
	    "interessante Menschen zusammenkommen,\n"
	    "diskutieren, netzwerken, werkeln und was wei\xc3\x9f ich "
	    "noch.\n"
	    "\n"
	    "Seit 2010 bin ich in der Organisation vom Barcamp Graz aktiv "
	    "und seitdem hat sich einiges getan,\n"
	    "auch wenn das nach au\xc3\x9f""en hin manchmal nicht so "
	    "sichtbar ist. Das Organisations-Team hat sich\n"
	    "gewandelt, Themen-Camps sind hinzugekommen und auch wieder "
	    "verschwunden.\n";

	(void)state;
	check_name("Publiziert am 13. Januar 2014 von uriebe", "uriebe");
	check_name("Dezember 10, 2019 \xc2\xb7 von freeman1984 \xc2\xb7 in "
	    "Uncategorized \xc2\xb7 Hinterlasse einen Kommentar",
	    "freeman1984");
	check_name("\xc2\xa9 2016 Theme Blass by 1000ff | Powered by "
	    "WordPress", "");
	check_name("Posted on 2015-04-05 by the way", "");
	check_author(s, "marc");
}

/* A byline in the header that the classifier took for a caption (90min
 * .de, lynx: the name a link, the photo's caption under it): the byline
 * gives the author and the date. */
static void
test_header_caption_byline(void **state)
{
	const char *s =
	    "     * [73]Indonesia\n"
	    "     * [74]Ti\xe1\xba\xbfng Vi\xe1\xbb\x87t\n"
	    "\n"
	    "So s\xc3\xa4he die Bundesliga-Tabelle 23/24 nach dem 10. "
	    "Spieltag ohne Fehlentscheidungen aus\n"
	    "\n"
	    "Von [76]Jan Kupitz | Oct 24, 2023 | Zuletzt ge\xc3\xa4ndert: "
	    "Nov 7, 2023, 8:54 AM GMT+1\n"
	    "\n"
	    "   (BUTTON)\n"
	    "   Deniz Aytekin\n"
	    "   Deniz Aytekin / Kevin Voigt/GettyImages\n"
	    "   facebook twitter reddit (BUTTON)\n"
	    "\n"
	    "   Die ersten zehn Spieltage der [77]Bundesliga sind gespielt. "
	    "Wie s\xc3\xa4he die Tabelle ohne\n"
	    "   Fehlentscheidungen aus?\n"
	    "\n"
	    "   Mittlerweile vergeht kein Wochenende mehr, an dem nicht "
	    "\xc3\xbc""ber den Schiedsrichter und/oder\n"
	    "   den VAR diskutiert wird. Auch am 10. Spieltag der Bundesliga "
	    "gab es gleich mehrere\n"
	    "   strittige Entscheidungen, die von den Unparteiischen und "
	    "ihrem Gespann nicht korrekt\n"
	    "   getroffen wurden.\n"
	    "\n"
	    "   Der Verein, der in dieser Saison am meisten benachteiligt "
	    "wurde, ist gem\xc3\xa4\xc3\x9f der \"Wahren\n"
	    "   Tabelle\" Eintracht Frankfurt! Die Hessen sollten vier "
	    "Punkte mehr auf dem Konto haben,\n"
	    "   wodurch sie auf Rang vier - punktgleich mit Rang drei - "
	    "liegen w\xc3\xbcrden.\n";
	struct nw_article *a;

	(void)state;
	check_author(s, "Jan Kupitz");
	a = extracted(s);
	assert_int_equal(a->published.utc, 1698105600);
	article_free(a);
	/* words glued to a date are a link's (bafa.de), no name */
	check_name("27.01.2022Mineral\xc3\xb6lINFO November 2021 "
	    "(Mineral\xc3\xb6labsatz)", "");
}

/* A name under its byline's label ("Von" over "Claus Boelen-Theile",
 * rundschau-online.de) is a prefixed byline: it comes before a bare
 * name the header holds ("Neuer Inhalt", a picture's text). */
static void
test_labelled_name(void **state)
{
	const char *s =
	    " 1. K\xc3\xb6lner Stadt-Anzeiger\n"
	    " 2. Region\n"
	    " 3. Rhein-Berg\n"
	    " 4. Bergisch Gladbach\n"
	    " 5. Bergisch Gladbach: die Stadt verklagt die Baufirma wegen"
	    " schlechter Pflastersteine\n"
	    "\n"
	    "Neuer Inhalt\n"
	    "\n"
	    "Pflaster-Desaster: Gladbacher Fu\xc3\x9fg\xc3\xa4ngerzone in"
	    " schlechtem Zustand\n"
	    "\n"
	    "  \xe2\x80\xa2 Von\n"
	    "\n"
	    "  \xe2\x80\xa2 \n"
	    "    Claus Boelen-Theile\n"
	    "  \xe2\x80\xa2 19.10.19, 08:00 Uhr\n"
	    "  \xe2\x80\xa2 \n"
	    "\n"
	    "  \xe2\x80\xa2 email\n"
	    "  \xe2\x80\xa2 facebook\n"
	    "  \xe2\x80\xa2 twitter\n"
	    "  \xe2\x80\xa2 Messenger\n"
	    "\n"
	    "Fu\xc3\x9fg\xc3\xa4ngerzone Bergisch Gladbach\n"
	    "\n"
	    "Die Verspr\xc3\xbcnge\xc2\xa0 zwischen den einzelnen Pflaste"
	    "rsteinen sind zum Teil erheblich.\xc2\xa0 Die Stadt glaubt,"
	    "\n"
	    "dass es an einem fehlerhaften Einbau liegt und prozessiert g"
	    "egen die Baufirma.\xc2\xa0\n"
	    "\n"
	    "Foto:\n"
	    "\n"
	    "Anton Luhr\n"
	    "\n"
	    "\n"
	    "Bergisch Gladbach -\n"
	    "\n"
	    "Diese Flaniermeile \xc3\xa4hnelt einer \xc3\xbc""bergro"
	    "\xc3\x9f""en Stolperfalle. Dabei ist das Pflaster der Gladba"
	    "cher\n"
	    "Fu\xc3\x9fg\xc3\xa4ngerzone erst sechs Jahre alt.\n"
	    "\n"
	    "Wenn man es nicht w\xc3\xbcsste, k\xc3\xb6nnten die grauen S"
	    "teinchen f\xc3\xbcr \xc3\xa4lter gehalten werden: An manchen"
	    "\n"
	    "Stellen wirkt das Stra\xc3\x9f""enpflaster deutlich in die J"
	    "ahre gekommen. Ecken an den Pflastersteinen sind\n"
	    "unsch\xc3\xb6n abgeplatzt. Fugen sind offen. In der N"
	    "\xc3\xa4he der Stra\xc3\x9f""enb\xc3\xa4ume haben sich die S"
	    "teine angehoben.\n"
	    "Nicht nur um ein paar Millimeter. Oft geht es mehrere Zentim"
	    "eter nach oben.\n"
	    "\n"
	    "Achtung: Hier ist Gefahr im Verzug\n"
	    "\n"
	    "Die Stadt sah sich schon vor Monaten gen\xc3\xb6tigt, die he"
	    "ftigsten Stolperstellen mit rotwei\xc3\x9f""en\n"
	    "Warnbaken zu markieren. Achtung: Hier ist Gefahr im Verzug, "
	    "liebe Flaneure, passt auf und hebt eure\n"
	    "F\xc3\xbc\xc3\x9f""e. Zwei Stellen sind mit Balken versehen."
	    " Es k\xc3\xb6nnte aber auch ein paar mehr sein.\n"
	    "\n";

	(void)state;
	check_author(s, "Claus Boelen-Theile");
}

/* The date line just over the headline (the crumbs, the date glued to
 * them) before the site's date further up (deutschlandfunk.de, w3m):
 * the article's; an update's or a version's date there is none
 * ("Updated: August 22, 2019", "VN:F [1.9.22_1171]"). */
static void
test_date_over_title(void **state)
{
	const char *s =
	    "\n"
	    "Deutschlandfunk\n"
	    "\n"
	    "Mittwoch, 26.02.2020\n"
	    "[          ] Suche\n"
	    "LIVE STREAM\n"
	    "\xc2\xa0\n"
	    "\xc2\xa0\n"
	    "\xc2\xa0\xc2\xa0\n"
	    "\xc2\xa0\n"
	    "0:00\n"
	    "\xc2\xa0\n"
	    "Seit 18:10 Uhr Informationen am Abend\n"
	    "\n"
	    "  \xe2\x80\xa2 Die Nachrichten\n"
	    "  \xe2\x80\xa2 Politik\n"
	    "  \xe2\x80\xa2 Wirtschaft\n"
	    "  \xe2\x80\xa2 Wissen\n"
	    "  \xe2\x80\xa2 Kultur\n"
	    "  \xe2\x80\xa2 Europa\n"
	    "  \xe2\x80\xa2 Gesellschaft\n"
	    "  \xe2\x80\xa2 Sport\n"
	    "\n"
	    "StartseiteKulturfragen\"Wir dekorieren auf der Titanic die L"
	    "iegest\xc3\xbchle um\"01.05.2017\n"
	    "\n"
	    "Die Zukunft der Arbeit\"Wir dekorieren auf der Titanic die L"
	    "iegest\xc3\xbchle um\"\n"
	    "\n"
	    "Nine-to-five-Job mehr nachgeht, sagt der Philosoph Richard D"
	    "avid Precht, und f\xc3\xbcgt hinzu: \"Arbeiten\n"
	    "werden die Menschen auch in Zukunft. Aber sie werden es viel"
	    "leicht nicht mehr f\xc3\xbcr Geld tun, und sie\n"
	    "werden es vielleicht nicht mehr f\xc3\xbcr eine Firma tun un"
	    "d sie werden es nicht mehr in einem\n"
	    "Angestelltenverh\xc3\xa4ltnis tun.\"\n"
	    "\n"
	    "Seine Prognose in den \"Kulturfragen\" des Deutschlandfunks:"
	    " \"Was \xc3\xbc""brig bleibt, werden die Jobs sein,\n"
	    "in denen Menschen lieber mit Menschen zu tun haben, im Kinde"
	    "rgarten zum Beispiel oder in der\n"
	    "Schule. Auch in Zukunft werden unsere Kinder nicht von Robot"
	    "ern unterrichtet.\"\n"
	    "\n"
	    "Das Problem ist dabei nicht das selbstfahrende Auto, das lau"
	    "t Precht ebenso sicher kommt wie das\n"
	    "bedingungslose Grundeinkommen. Das Problem: \"Technologische"
	    "r Fortschritt wird ja nicht auf\n"
	    "demokratischem Weg erzeugt, sondern von kommerziellen Untern"
	    "ehmen vorangetrieben. Es entstehen\n"
	    "digitale Superm\xc3\xa4""chte, und denen kann v\xc3\xb6llig "
	    "egal sein, wer unter ihnen in Deutschland Bundeskanzler\n"
	    "ist oder amerikanischer Pr\xc3\xa4sident. Und eine solche Ma"
	    "chtf\xc3\xbclle ist nicht gut. Wir bekommen eine Art\n"
	    "technokratischer Diktatur.\"\n";
	struct nw_article *a;
	char *u = malloc(strlen(s) + 64);
	const char *h = strstr(s, "Die Zukunft der Arbeit");

	(void)state;
	a = extracted(s);
	assert_int_equal(a->published.utc, 1493596800);
	article_free(a);
	/* an update's date, then a version's, over the headline */
	assert_non_null(u);
	assert_non_null(h);
	memcpy(u, s, (size_t)(h - s));
	strcpy(u + (h - s), "Updated: August 22, 2019\n\n"
	    "VN:F [1.9.22_1171]\n\n");
	strcat(u, h);
	a = extracted(u);
	assert_int_equal(a->published.utc, 1582675200);
	article_free(a);
	free(u);
}

/* A date's label after the name ends it (tafelblog.de):
 * "Ver\xc3\xb6""ffentlicht" is no part of the name. */
static void
test_label_after_name(void **state)
{
	(void)state;
	check_name("von Herr_Rein Ver\xc3\xb6""ffentlicht am 11. Juni 2019",
	    "Herr_Rein");
	check_name("By Jane Doe Updated November 19, 2019", "Jane Doe");
}

/* The items of s (one a paragraph) with the headline at title and the
 * body region the item after it; the items in dates[] (up to the first
 * 0) are date lines. Bylines are then looked for (text_far_bylines()). */
static struct text_doc *
far_bylines(const char *s, size_t title, const size_t *dates)
{
	struct text_doc *d = text_segment(s, strlen(s));

	assert_true(d->n > title + 1);
	for (const size_t *k = dates; *k != 0; k++) {
		d->items[*k].datelike = true;
		d->items[*k].kind = TEXT_DATE;
	}
	d->title = title;
	d->items[title].kind = TEXT_HEADLINE;
	d->body_start = title + 1;
	d->body_end = title + 2;
	d->items[title + 1].kind = TEXT_BODY;
	d->items[title + 1].bodylike = true;
	text_far_bylines(d);
	return d;
}

/* A bare name under a date line over the headline, the header's facts
 * (management-circle.de): a byline; not under a line that names a
 * year's event ("AMP Contributor Summit 2019", amp.dev's menu). */
static void
test_name_under_date(void **state)
{
	static const size_t dates[] = { 1, 0 };
	const char *body =
	    "In der Industrie wird der Remote Support mit Smart Glasses "
	    "immer beliebter. Doch was ist das genau und welche Vorteile "
	    "haben Unternehmen dadurch?\n";
	char s[1024];
	struct text_doc *d;

	(void)state;
	snprintf(s, sizeof(s), "Themen-Blog Digitalisierung\n\n"
	    "25. Juli 2019\n\nIsabella Beyer\n\n"
	    "Blogartikel, Digitalisierung\n\n0 Kommentare\n\n"
	    "Remote Support mit Smart Glasses\n\n%s", body);
	d = far_bylines(s, 5, dates);
	assert_int_equal(d->items[2].kind, TEXT_BYLINE);
	text_doc_free(d);
	snprintf(s, sizeof(s), "AMP Conf\n\n"
	    "AMP Contributor Summit 2019\n\nAMP Roadshow\n\nBlog\n\n"
	    "Help\n\nRemote Support mit Smart Glasses\n\n%s", body);
	d = far_bylines(s, 5, dates);
	assert_int_equal(d->items[2].kind, TEXT_OTHER);
	text_doc_free(d);
}

/* The date that opens the lead (nachtkritik.de, w3m) before the site's
 * date at the page's top ("Mittwoch, 01. November 2023"). */
static void
test_lead_date(void **state)
{
	const char *s =
	    "Mittwoch, 01. November 2023\n"
	    "\n"
	    "  \xe2\x80\xa2 suche\n"
	    "\n"
	    "  \xe2\x80\xa2 \xc3\xbc""bersicht\n"
	    "  \xe2\x80\xa2 kolumnen\n"
	    "  \xe2\x80\xa2 kolumnen georg kasch\n"
	    "\n"
	    "Kolumne: Queer Royal - \xc3\x9c""ber Dragqueens und Dragking"
	    "s auf und jenseits der B\xc3\xbchne\n"
	    "\n"
	    "Im Schlepptau\n"
	    "\n"
	    "31. Oktober 2023. Dragqueens sind Kunstfiguren aus Make-Up u"
	    "nd Glitter, auf Partys und in Shows,\n"
	    "auch in der Freien Szene und im Stadttheater. Jetzt finden s"
	    "ie sich zunehmend in den Schusslinien\n"
	    "der Identit\xc3\xa4tsdebatten wieder.\n"
	    "\n"
	    "Von Georg Kasch\n"
	    "\n"
	    "31. Oktober 2023. Woher kommt eigentlich der Hass auf Dragqu"
	    "eens? Fr\xc3\xbcher, als Travestiek\xc3\xbcnstler wie\n"
	    "Georg Preu\xc3\x9f""e und Reiner Kohler noch als Mary und Go"
	    "rdy die B\xc3\xbchnen beherrschten, lagen ihnen die\n"
	    "Menschen zu F\xc3\xbc\xc3\x9f""en. Heute m\xc3\xbcssen Dragq"
	    "ueens damit rechnen, beleidigt oder verpr\xc3\xbcgelt zu wer"
	    "den,\n"
	    "nicht nur dann, wenn sie Kindern Geschichten vorlesen. Und w"
	    "enn ein Rapper wie Fler es wagt, ein\n"
	    "Selfie mit einer Dragqueen zu posten, folgt ein Shitstorm.\n"
	    "\n"
	    "Was ist da schiefgelaufen? Vermutlich geraten Dragqueens, di"
	    "ese Kunstfiguren aus Make-Up und\n"
	    "Glitter, in die Schusslinie der Identit\xc3\xa4tsdebatte, we"
	    "il die Schie\xc3\x9f""enden \xe2\x80\x93 Rechtsidentit\xc3"
	    "\xa4re,\n"
	    "Erzkonservative, Maskulinisten und alle, die fest daran glau"
	    "ben, dass M\xc3\xa4nner vom Mars und Frauen\n"
	    "von der Venus sind \xe2\x80\x93 alles geschlechtlich Nicht-E"
	    "indeutige in einen Hass-Topf werfen, nicht\n"
	    "unterscheiden zwischen dem Als-ob einer Dragqueen, trans Men"
	    "schen und Enbies (wobei eine\n";
	struct nw_article *a;

	(void)state;
	a = extracted(s);
	assert_int_equal(a->published.utc, 1698710400);
	article_free(a);
}

/* Where no byline is found near the headline, a dated line over it that
 * names a person after "by" or "von" (swap-stop.org, the headline
 * taken too low); not a phrase with "von" ("Nutzung von Warn- und
 * Informationsdiensten"). */
static void
test_dated_byline_above(void **state)
{
	static const size_t dates[] = { 1, 0 };
	const char *body =
	    "Aachen Agfa Vista 400 Australien Berlin Carl Chuck CineStill "
	    "800 T Deutschland Doppelbelichtung Eastman Kodak Film und "
	    "mehr, was wir auf der Reise gesehen haben.\n";
	char s[1024];
	struct text_doc *d;

	(void)state;
	snprintf(s, sizeof(s), "Zusammenarbeit Shuji\n\n"
	    "Posted 11. April 2018 by Walter von Aachen\n\nStandorte\n\n"
	    "Shuji: Japan.\n\nFilmmaterial\n\nKameras\n\n"
	    "Fotostrecke\n\nSchlagworte\n\n%s", body);
	d = far_bylines(s, 7, dates);
	assert_int_equal(d->items[1].kind, TEXT_BYLINE);
	text_doc_free(d);
	snprintf(s, sizeof(s), "Themen\n\n"
	    "HUE-2: Nutzung von Warn- und Informationsdiensten 2019\n\n"
	    "Standorte\n\nShuji: Japan.\n\nFilmmaterial\n\n"
	    "Kameras\n\nFotostrecke\n\nSchlagworte\n\n%s", body);
	d = far_bylines(s, 7, dates);
	assert_int_equal(d->items[1].kind, TEXT_DATE);
	text_doc_free(d);
}

/* The byline's own date over the headline before other date lines
 * over it (leichtathletik-ostalbkreis.de: "19.5.2007" in the crumbs,
 * the byline's "20. Mai 2007"). */
static void
test_byline_date_above(void **state)
{
	static const size_t dates[] = { 1, 2, 0 };
	char s[1024];
	struct text_doc *d;
	struct nw_time t;

	(void)state;
	snprintf(s, sizeof(s), "Lehrteam\n\n"
	    "Ergebnisse: RM Sch\xc3\xbclerinnen A, Aalen-Unterkochen, "
	    "19.5.2007\n\n"
	    "von Marc Scheloske | 20. Mai 2007 | Ergebnisse | 0 "
	    "Kommentare\n\nErgebnisliste\n\nKlassen\n\nStaffel\n\n"
	    "Lauf\n\nDie Ergebnisse der Regionalmeisterschaften der "
	    "Sch\xc3\xbclerinnen A und B in Aalen-Unterkochen liegen vor, "
	    "mit allen Zeiten und Weiten.\n");
	d = far_bylines(s, 6, dates);
	assert_int_equal(d->items[2].kind, TEXT_BYLINE);
	assert_true(text_date_above(d, &t));
	assert_int_equal(t.utc, 1179619200);
	text_doc_free(d);
}

/* True when the date date_find() reads in s ends s but for its time. */
static bool
ends_with_date(const char *s)
{
	struct nw_time t;
	size_t at, span;

	assert_int_equal(date_find(s, strlen(s), &t, &at, &span), 0);
	return text_ends_with_date(s, at, span);
}

/* A header's line that ends with a date and its time (aclu.org, lynx:
 * the byline's last line, "... of California July 25, 2019 | 11:15
 * PM") gives the date; one that runs on past it does not. */
static void
test_line_ending_with_date(void **state)
{
	(void)state;
	assert_true(ends_with_date("& Sylvia Torres-Guill\xc3\xa9n, Director "
	    "of Education Equity, ACLU Foundations of California July 25, "
	    "2019 | 11:15 PM"));
	assert_true(ends_with_date("Kultur 19.10.2019, 05:00 Uhr"));
	assert_true(ends_with_date("Kultur 19.10.2019"));
	assert_false(ends_with_date("19.10.2019 Mit allen Wassern "
	    "gewaschen"));
	assert_false(ends_with_date("July 25, 2019 | 11:15 PM Tags"));
}

/* The bytes text_name_and_affiliation() keeps of s. */
static size_t
named(const char *s)
{
	return text_name_and_affiliation(s, strlen(s));
}

/* A name, its role and an employer of one word (blog.amp.dev: "Posted
 * by Alex Dur\xc3\xa1n, AMP Project Marketing, Google"): the name
 * alone; a list of names stays whole. */
static void
test_name_and_affiliation(void **state)
{
	(void)state;
	assert_int_equal(named("Alex Dur\xc3\xa1n, AMP Project Marketing, "
	    "Google"), strlen("Alex Dur\xc3\xa1n"));
	assert_int_equal(named("Rudolf Fischer, Simon Kohler"),
	    strlen("Rudolf Fischer, Simon Kohler"));
	assert_int_equal(named("Jane Doe, John Roe and Mary Major"),
	    strlen("Jane Doe, John Roe and Mary Major"));
	assert_int_equal(named("Jane Doe, John Roe, Mary Major"),
	    strlen("Jane Doe, John Roe, Mary Major"));
}

/* A label of one word before "von" and a full name (elle.de: "Artikel
 * von Alexa von Heyden"): the name is after it; a name with "von" in
 * it is whole ("Walter von Aachen", "Ursula von der Leyen"), and so is
 * a label with one word after it ("Rezepte von Mutti"). */
static void
test_label_by(void **state)
{
	(void)state;
	assert_int_equal(text_label_by("Artikel von Alexa von Heyden"),
	    strlen("Artikel von "));
	assert_int_equal(text_label_by("Tipps von Marie Jaster"),
	    strlen("Tipps von "));
	assert_int_equal(text_label_by("Walter von Aachen"), 0);
	assert_int_equal(text_label_by("Ursula von der Leyen"), 0);
	assert_int_equal(text_label_by("Rezepte von Mutti"), 0);
}

/* True when the date date_find() reads in s is part of a name. */
static bool
date_in_name(const char *s)
{
	struct nw_time t;
	size_t at, span;

	assert_int_equal(date_find(s, strlen(s), &t, &at, &span), 0);
	return text_date_in_name(s, at, span);
}

/* A date inside a bracketed name, a picture's or a version's
 * (gipfelbuch.ch: "[20220103-1]Abbildung: ..."; wir-empfehlen.info:
 * "VN:F [1.9.22_1171]"), is no date of the page; one glued to the
 * crumbs is ("...um\"01.05.2017", "27.01.2022Mineral\xc3\xb6l..."). */
static void
test_date_in_name(void **state)
{
	(void)state;
	assert_true(date_in_name("[20220103-1]Abbildung: Farblich "
	    "codierte Schneeh\xc3\xb6hendarstellung"));
	assert_true(date_in_name("VN:F [1.9.22_1171]"));
	assert_false(date_in_name("Kulturfragen\"Wir dekorieren auf der "
	    "Titanic die Liegest\xc3\xbchle um\"01.05.2017"));
	assert_false(date_in_name("27.01.2022Mineral\xc3\xb6lINFO "
	    "November 2021"));
}

/* The lead's date read by text_lead_date() from a headline and two
 * paragraphs, the second s; true when it gives one, its time in *utc. */
static bool
lead_date(const char *s, int64_t *utc)
{
	char buf[512];
	struct text_doc *d;
	struct nw_time t = { 0 };
	bool r;

	snprintf(buf, sizeof(buf), "Strompreisbremse: Bundesregierung "
	    "drosselt Bioenergie\n\nAm vergangenen Freitag hat die "
	    "Bundesregierung den Gesetzentwurf zur Strompreisbremse "
	    "beschlossen.\n\n%s\n", s);
	d = text_segment(buf, strlen(buf));
	assert_int_equal(d->n, 3);
	d->title = 0;
	d->body_start = 1;
	d->body_end = 3;
	for (size_t i = 1; i < 3; i++) {
		d->items[i].kind = TEXT_BODY;
		d->items[i].bodylike = true;
	}
	r = text_lead_date(d, &t);
	*utc = t.utc;
	text_doc_free(d);
	return r;
}

/* The date may open the second paragraph, after one with none
 * (energiezukunft.eu); a sentence's words before it make it a date the
 * text tells of ("Am 31.8.1990 fand ...", hundeverein-kreisunna.de). */
static void
test_lead_date_second(void **state)
{
	int64_t utc;

	(void)state;
	assert_true(lead_date("29.11.2022 \xe2\x80\x93 Mehrfach und vehement "
	    "hatte die Erneuerbaren-Branche die Nachteile benannt.", &utc));
	assert_int_equal(utc, 1669680000);
	assert_false(lead_date("Am 31.8.1990 fand in dem Wohnzimmer der "
	    "Eheleute die Gr\xc3\xbcndungsversammlung statt.", &utc));
}

/* A prefixed byline after a picture's placeholder (publishedreporter
 * .com, lynx: the author's avatar, then "By Alejandro Villamor Last
 * updated Nov") is a strong byline, as it is without the picture. */
static void
test_placeholder_strong(void **state)
{
	char s[] = "[e3d6d9295dca2a99ac10a58e81f1170c?s=96&d=mm&r=g] By "
	    "Alejandro Villamor Last updated Nov";
	struct text_item it = { 0 };

	(void)state;
	it.s = s;
	it.words = 7;
	assert_true(text_strong_byline(&it));
	it.s = s + strlen("[e3d6d9295dca2a99ac10a58e81f1170c?s=96&d=mm&r=g] ");
	it.words = 6;
	assert_true(text_strong_byline(&it));
}

/* The name text_copyright_owner() reads in s ("" for none). */
static void
check_owner(const char *s, const char *want)
{
	size_t len, off = text_copyright_owner(s, &len);

	assert_int_equal(len, strlen(want));
	assert_memory_equal(s + off, want, len);
}

/* A copyright line under the body names a blog's owner (ohneq.de,
 * flowfx.de, maescot.de): a part between separators that is a mark or
 * years and "by", then a person's name of two or three words and
 * nothing more; a firm ("Handelsblatt GmbH"), a year with no "by" and a
 * name with more words after it are none. The page with no byline
 * takes it for its author. */
static void
test_copyright_owner(void **state)
{
	const char *s =
	    "Copy & paste from tmux to system clipboard\n"
	    "\n"
	    "2020-01-16\n"
	    "\n"
	    "For the first time in many years I am using a Linux machine "
	    "for my work. In general I am extremely\n"
	    "pleased with the system I've set up. But of course, there are "
	    "things that don't \"just work\".\n"
	    "\n"
	    "Like... copy selected text from a tmux pane to the clipboard, "
	    "which is what I do all day long.\n"
	    "\n"
	    "  \xe2\x80\xa2 Previous post\n"
	    "  \xe2\x80\xa2 Next post\n"
	    "\n"
	    "Archive \xe2\x80\x93 RSS \xe2\x80\x93 Impressum \xe2\x80\x93 "
	    "2009-2020 by Florian Posdziech \xe2\x80\x93 Powered by Nikola\n";

	(void)state;
	check_owner("(c) Johannes Wolf \xe2\x80\xa2 Weitere Rechte siehe "
	    "Impressum", "Johannes Wolf");
	check_owner("&copy 2009-2012 Jonathan Krase. Impressum & Datenschutz",
	    "Jonathan Krase");
	check_owner("\xc2\xa9 2021 by Jane Doe", "Jane Doe");
	check_owner("Copyright (c) 2012- Gregory Szorc. All rights reserved.",
	    "Gregory Szorc");
	check_owner("Copyright \xc2\xa9 2020 Handelsblatt GmbH", "");
	check_owner("2019 Annual Report", "");
	check_owner("\xc2\xa9 2020 Cornel van Bebber Diese Seite ist nicht "
	    "nur urheberrechtlich gesch\xc3\xbctzt", "");
	check_owner("\xc2\xa9 Telebasel", "");
	check_author(s, "Florian Posdziech");
}

/* The render s with its last line, a copyright notice, as tail. */
static char *
with_notice(const char *tail)
{
	static const char *const head =
	    "Mercurial's Journey to and Reflections on Python 3\n"
	    "\n"
	    "January 13, 2020\n"
	    "\n"
	    "Mercurial 5.2 was released on November 5, 2019. It is the "
	    "first version of Mercurial that\n"
	    "supports Python 3. This milestone comes nearly 11 years "
	    "after Python 3.0 was first released.\n"
	    "\n"
	    "The port was a long road, and I want to write down what "
	    "happened along it for the others.\n"
	    "\n"
	    "  \xe2\x80\xa2 Previous post\n"
	    "  \xe2\x80\xa2 Next post\n"
	    "\n";
	char *s = malloc(strlen(head) + strlen(tail) + 1);

	assert_non_null(s);
	strcpy(s, head);
	strcat(s, tail);
	return s;
}

/* A person's name after a span of years in the copyright line under
 * the body is the blog's owner, its writer though it is its publisher
 * too (gregoryszorc.com h1, maescot.de h0 lynx: the notice named the
 * publisher, and the publisher's name was no author's); one year's
 * owner stays the outlet only ("Copyright \xc2\xa9 2022 Greentech
 * Live", "Copyright \xc2\xa9 Der Tagesspiegel"). */
static void
test_owner_since(void **state)
{
	char *s = with_notice("Copyright (c) 2012- Gregory Szorc. All rights "
	    "reserved. Design by CSS Templates.\n");
	struct nw_article *a;

	(void)state;
	assert_true(text_owner_since("(c) 2012- Gregory Szorc", 10));
	assert_true(text_owner_since("\xc2\xa9 2009-2012 Jonathan Krase",
	    13));
	assert_true(text_owner_since("2009 \xe2\x80\x93 2020 by Jane Doe",
	    17));
	assert_false(text_owner_since("Copyright \xc2\xa9 2022 Greentech "
	    "Live", 18));
	assert_false(text_owner_since("(c) Jane Doe", 4));
	check_author(s, "Gregory Szorc");
	free(s);
	s = with_notice("\xc2\xa9 2009-2012 Jonathan Krase. Impressum & "
	    "Datenschutz Proudly powered by WordPress\n");
	check_author(s, "Jonathan Krase");
	free(s);
	s = with_notice("Copyright \xc2\xa9 2022 Greentech Live\n");
	a = extracted(s);
	assert_int_equal(a->authors.n, 0);
	article_free(a);
	free(s);
}

/* A role's word before a name of two or three words is no part of it
 * (juraforum.de: "Autor: Rechtsanwalt Sebastian Einbock" gives
 * "Sebastian Einbock"), a compound's too ("FOCUS-Online-Experte");
 * a name of three words, or a role with no full name after it, stays. */
static void
test_role_before(void **state)
{
	const char *s =
	    "Ohne ernsthafte Bewerbungsbem\xc3\xbchungen kein Wohngeld\n"
	    "\n"
	    "Ein arbeitsloser Mann hatte Wohngeld beantragt, das ihm die "
	    "Beh\xc3\xb6rde jedoch verweigerte. Er\n"
	    "habe sich nicht ernsthaft um eine Arbeit bem\xc3\xbcht, "
	    "hie\xc3\x9f es zur Begr\xc3\xbcndung, und das Gericht gab ihr "
	    "recht.\n"
	    "\n"
	    "Ein gut auf ihn passendes Stellenangebot habe er unter "
	    "Berufung auf den ausw\xc3\xa4rtigen Standort\n"
	    "abgelehnt, obwohl er dort ohne weiteres h\xc3\xa4tte "
	    "arbeiten k\xc3\xb6nnen, so das Gericht.\n"
	    "\n"
	    "Autor: Rechtsanwalt Sebastian Einbock\n";

	(void)state;
	assert_int_equal(text_role_before("Redakteurin Anna Muster"),
	    strlen("Redakteurin "));
	assert_int_equal(text_role_before("FOCUS-Online-Experte Robin "
	    "Tsch\xc3\xb6pe"), strlen("FOCUS-Online-Experte "));
	assert_int_equal(text_role_before("Richard David Precht"), 0);
	assert_int_equal(text_role_before("Redakteurin Anna"), 0);
	check_author(s, "Sebastian Einbock");
}

/* A year glued to its time ("3 de mayo de 202221:25", lanacion.com.ar)
 * is parted, so the line under the headline is a date line and gives
 * the date; a year with a space, a longer number or a time with no
 * year before it stay. */
static void
test_year_time_glued(void **state)
{
	const char *s =
	    "Jugada del oficialismo para evitar que JxC avance con la "
	    "boleta \xc3\xbanica en Diputados\n"
	    "\n"
	    "Convoc\xc3\xb3 a una sesi\xc3\xb3n para el jueves, una hora "
	    "antes que la pedida por la principal coalici\xc3\xb3n\n"
	    "opositora; si consigue el quorum, avanzar\xc3\xa1 con un "
	    "temario que no incluye la reforma electoral\n"
	    "\n"
	    "3 de mayo de 202221:25\n"
	    "LA NACION\n"
	    "\n"
	    "El oficialismo de la C\xc3\xa1mara de Diputados avanz\xc3\xb3 "
	    "con una jugada para evitar que Juntos por el Cambio\n"
	    "(JxC) y otras bancadas opositoras traten, el pr\xc3\xb3ximo "
	    "jueves, la creaci\xc3\xb3n de una boleta \xc3\xbanica de\n"
	    "papel para implementar en las pr\xc3\xb3ximas elecciones "
	    "nacionales. Lo hizo por medio de una convocatoria\n"
	    "al plenario una hora antes, para tratar proyectos que durante "
	    "esta jornada recibieron dictamen de\n"
	    "comisi\xc3\xb3n.\n";
	struct nw_article *a;
	char *u = text_year_time_parted("3 de mayo de 202221:25");

	(void)state;
	assert_non_null(u);
	assert_string_equal(u, "3 de mayo de 2022 21:25");
	free(u);
	assert_null(text_year_time_parted("3 de mayo de 2022 21:25"));
	assert_null(text_year_time_parted("Nummer 1234521:25"));
	assert_null(text_year_time_parted("Tel. 030 202221"));
	a = extracted(s);
	assert_int_equal(a->published.utc, 1651613100);
	article_free(a);
}

/* A byline's label with its colon set apart ("By :", appen.com) over
 * the name: the name under it is the byline, written twice with the
 * second's dot trimmed ("Joe S. Joe S.": a picture's text and a link's)
 * one author; the subheading under the lead is no bare name. */
static void
test_label_colon_apart(void **state)
{
	const char *s =
	    "Artificial Intelligence and Machine Learning Industry News: AI"
	    " in Patient Care and Operations, AI\n"
	    "as a Preventive Tool, and How Major Hospitals are Already Usin"
	    "g AI\n"
	    "\n"
	    "By :\n"
	    "Joe S. Joe S.\n"
	    "\n"
	    "At Appen, we provide high-quality training data for machine le"
	    "arning and artificial intelligence.\n"
	    "Follow us to stay up to date on industry trends. In this editi"
	    "on of our roundup, news on: AI in\n"
	    "Patient Care and Operations, AI as a Preventive Tool, and How "
	    "Major Hospitals are Already Using AI.\n"
	    "Check back for regular news roundups and subscribe to our YouT"
	    "ube channel for video updates.\n"
	    "\n"
	    "\n"
	    "\n"
	    "AI in Patient Care and Operations\n"
	    "\n"
	    "Artificial Intelligence is on track to wholly alter the future"
	    " of healthcare. With the integration\n"
	    "of AI into the work of both medical professionals and hospital"
	    " systems, expect to see dramatic\n"
	    "changes in both patient health outcomes and in the operational"
	    " efficiency of hospitals.\n"
	    "\n"
	    "Improved Health Outcomes\n"
	    "\n"
	    "Doctors and nurses make dozens of critical decisions on patien"
	    "t care daily using patient\n"
	    "consultations, lab test results, imaging scans, and more. In t"
	    "he future, anticipate AI being used\n"
	    "more ubiquitously to scan this data, compare it amongst hundre"
	    "ds of thousands of other cases, and\n"
	    "provide diagnostic and treatment plan recommendations.\n"
	    "\n"
	    "The concept, experts say, is not that AI will replace doctors "
	    "\xe2\x80\x93 but rather that doctors will\n"
	    "supplement their decisions with AI to maximize accuracy and qu"
	    "ick turnarounds. The result? More\n"
	    "successful treatment plans and better health outcomes for patients.\n";

	(void)state;
	assert_true(text_ends_by_label("By :"));
	assert_true(text_ends_by_label("Von :"));
	assert_false(text_ends_by_label("Kategorien :"));
	check_author(s, "Joe S.");
}

/* A short line of the body that opens with a byline's label and its
 * colon is the byline, though it ends like a sentence (hss.de:
 * "Autorin: Uta Staschewski, Projektleiterin der HSS in Tunesien."
 * under the last paragraph); the role after her name, an article after
 * a capitalised word, is no second author. */
static void
test_colon_byline_in_body(void **state)
{
	const char *s =
	    "Gro\xc3\x9f""e Aufgaben f\xc3\xbcr die neue Regierung\n"
	    "\n"
	    "Der Pr\xc3\xa4sident und seine Regierung stehen unter einem "
	    "enormen Erwartungs- und Handlungsdruck. Ihnen\n"
	    "obliegt es, ein Regierungsprogramm vorzulegen, dass das "
	    "Potenzial hat, die Lage des Landes und der\n"
	    "Bev\xc3\xb6lkerung sp\xc3\xbcrbar zu verbessern.\n"
	    "\n"
	    "Nun hat dieser Prozess gleichwohl die M\xc3\xb6glichkeit "
	    "geschaffen, die offensichtliche Dysfunktionalit\xc3\xa4t\n"
	    "und Fragmentierung der bisherigen Regierung zu korrigieren und "
	    "notwendige Reformen voranzutreiben.\n"
	    "\n"
	    "Autorin: Uta Staschewski, Projektleiterin der HSS in "
	    "Tunesien.\n"
	    "\n"
	    "Anmerkungen\n";

	(void)state;
	assert_true(text_phrase_part("Projektleiterin der HSS", 23));
	assert_false(text_phrase_part("Ursula von der Leyen", 20));
	assert_false(text_phrase_part("Simon Kohler", 12));
	check_author(s, "Uta Staschewski");
}

/* A blog's handle in small letters that holds a role's word inside it
 * ("mywakenews" holds "news"): no role, the name after "von" in the
 * dated line stays (mywakenews' render, w3m); a role's word that opens a
 * word, or inside a capitalised compound, is still one. */
static void
test_role_inside_handle(void **state)
{
	const char *s =
	    "Mywakenews's Blog\n"
	    "\n"
	    "NWO \xe2\x80\x93 PSYOP UNITEDWESTRIKE Radio-Marathon\n"
	    "\n"
	    "Ver\xc3\xb6""ffentlicht am Juli 9, 2016 von mywakenews\n"
	    "\n"
	    "Den meisten Menschen auf dieser Erde ist nicht bewusst, dass "
	    "wir in einer grossen Simulation leben,\n"
	    "genannt Welt. Diese Welt wird uns seit Anbeginn vorgegauckelt "
	    "und ist nicht wahr!\n"
	    "\n"
	    "Mittels ausgekl\xc3\xbcgelter psychologischer "
	    "Kriegsf\xc3\xbchrung, genannt PSYOP, werden unsere Gedanken "
	    "und\n"
	    "unsere Wahrnehmung gefangen gehalten, manipuliert und "
	    "gesteuert.\n";
	struct nw_article *a;

	(void)state;
	check_author(s, "mywakenews");
	a = extracted("Hurricane season ends with a record\n"
	    "\n"
	    "By Jane Doe, Chefredakteurin | November 30, 2019\n"
	    "\n"
	    "The season that ends today brought more named storms than any "
	    "other on record, and the\n"
	    "forecasters say the next one may bring as many again.\n"
	    "\n"
	    "Most of the storms stayed at sea, but three came ashore in the "
	    "space of a month, and the\n"
	    "damage they left is still being counted along the coast.\n");
	assert_int_equal(a->authors.n, 1);
	assert_string_equal(a->authors.v[0], "Jane Doe");
	article_free(a);
}

/* A one-word name beside the header's date ("1. Februar 2022 Steffi
 * Kaufratgeber, ...") that the author's box under the article names
 * ("\xc3\x9c""ber Steffi 1009 Artikel"): the writer (haustiermagazin's
 * render, w3m); the same word in the body's paragraphs is a maker of
 * the goods, not the writer. */
static void
test_dated_one_name(void **state)
{
	const char *head =
	    "  \xe2\x80\xa2 Kaufratgeber\n"
	    "      \xe2\x96\xa1 Kaufratgeber f\xc3\xbcr Hunde\n"
	    "      \xe2\x96\xa1 Kaufratgeber f\xc3\xbcr Katzen\n"
	    "  \xe2\x80\xa2 Produktteste\n"
	    "  \xe2\x80\xa2 Wissen\n"
	    "\n"
	    "Suche nach: [                    ] [Suche]\n"
	    "StartseiteKaufratgeberKaufratgeber: elektronisches "
	    "Katzenspielzeug \xe2\x80\x93 sorgt ganz automatisch f\xc3\xbcr\n"
	    "Abwechslung\n"
	    "\n"
	    "Kaufratgeber: elektronisches Katzenspielzeug \xe2\x80\x93 sorgt "
	    "ganz automatisch f\xc3\xbcr Abwechslung\n"
	    "\n"
	    "1. Februar 2022 Steffi Kaufratgeber, Besch\xc3\xa4""ftigung, "
	    "Katzen, Katzenbesch\xc3\xa4""ftigung, Kaufratgeber f\xc3\xbcr\n"
	    "Katzen 0\n"
	    "\n"
	    "Junge Katze mit Federspielzeug\n"
	    "\n"
	    "Die meisten Katzen freuen sich immer \xc3\xbc""ber ein wildes "
	    "Spiel. Elektronisches Spielzeug ist daf\xc3\xbcr\n"
	    "eine gute Wahl, weil es sich von ganz allein bewegt und die "
	    "Katze zum Jagen animiert.\n"
	    "\n"
	    "Viele der Spielzeuge laufen mit Batterien oder einem Akku, und "
	    "manche schalten sich von\n"
	    "selbst ab, wenn die Katze eine Weile nicht mehr mit ihnen "
	    "spielt. %s\n"
	    "\n"
	    "Anzeige\n"
	    "\n"
	    "\xc3\x9c""ber Steffi 1009 Artikel\n"
	    "Ich bin Steffi, bekennende Tiern\xc3\xa4rrin, "
	    "Dosen\xc3\xb6""ffner f\xc3\xbcr ehemals drei Kater und aktuell "
	    "zwei\n"
	    "portugiesische Herdenschutzhunde, davon einen Junghund.\n";
	char buf[2048];
	struct nw_article *a;

	(void)state;
	snprintf(buf, sizeof(buf), head, "");
	check_author(buf, "Steffi");
	snprintf(buf, sizeof(buf), head, "Steffi hat sie alle getestet.");
	a = extracted(buf);
	assert_int_equal(a->authors.n, 0);
	article_free(a);
}

/* A bare name over a list whose first entry opens with no date
 * ("Recent Posts" over the blog's latest posts) heads a box: no author
 * (youhadmeatgardening's render, w3m); over a list of dated facts
 * ("Zac Hall" over "- Nov. 18th 2019 12:12 pm PT") it is the byline. */
static void
test_name_heads_list(void **state)
{
	const char *s =
	    "You Had Me At GardeningYou Had Me At Gardening\n"
	    "  \xe2\x80\xa2 About Us\n"
	    "  \xe2\x80\xa2 Indoor Gardens\n"
	    "  \xe2\x80\xa2 Contact\n"
	    "\n"
	    "How to Grow a Lemon Tree from Seed | Step-by-Step Guide\n"
	    "\n"
	    "%s\n"
	    "\n"
	    "  \xe2\x80\xa2 %s\n"
	    "\n"
	    "    ZZ Plant Care: A Complete Guide\n"
	    "\n"
	    "    Read More\n"
	    "\n"
	    "Lemon trees are some of the easiest fruit trees to grow "
	    "indoors. All they need is a sunny\n"
	    "windowsill, the right soil, and a lot of patience. Before we "
	    "learn today how to grow a lemon tree\n"
	    "from seed, however, let\xe2\x80\x99s discuss a few important "
	    "things you should know!\n"
	    "\n"
	    "It can take a few years for an indoor lemon tree to bloom and "
	    "produce fruit, but it\xe2\x80\x99s worth the\n"
	    "wait. Their shiny leaves and rapid growth are mesmerizing to "
	    "any greenery addict.\n";
	char buf[2048];
	struct nw_article *a;

	(void)state;
	snprintf(buf, sizeof(buf), s, "Recent Posts",
	    "zz plant carezz plant care October 30, 2020 Kate May");
	a = extracted(buf);
	assert_int_equal(a->authors.n, 0);
	article_free(a);
	snprintf(buf, sizeof(buf), s, "Kate May",
	    "October 30, 2020 12:12 pm PT");
	check_author(buf, "Kate May");
}

/* The name a link to more of one writer's pieces ends with is want. */
static void
assert_more_by(const char *s, const char *want)
{
	size_t len;
	size_t off = text_more_by(s, &len);

	check_span(s, off, len, want);
}

/* A link to the writer's other pieces names the writer (fincompare.de,
 * mdavis.xyz, iwrpressedienst.de): the author where no byline gives
 * one. A section, the site's own "uns", a name in small letters or a
 * long line is none. */
static void
test_more_by(void **state)
{
	const char *s =
	    "Firmenwagen: Leasing oder Finanzierung?\n"
	    "\n"
	    "Wer einen Firmenwagen braucht, kann ihn leasen, finanzieren "
	    "oder bar bezahlen. Jede Variante hat\n"
	    "ihre Vor- und Nachteile, und welche passt, h\xc3\xa4ngt vom "
	    "Unternehmen ab.\n"
	    "\n"
	    "Beim Leasing zahlt das Unternehmen eine monatliche Rate und "
	    "gibt das Fahrzeug am Ende der\n"
	    "Laufzeit zur\xc3\xbc" "ck. Die Raten sind als "
	    "Betriebsausgaben absetzbar.\n"
	    "\n"
	    "Martin Junker\n"
	    "\n"
	    "Alles von Martin Junker\n"
	    "\n"
	    "EmailKontakt | Telefon+49 030 5683 8000 60\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_int_equal(a->authors.n, 1);
	assert_string_equal(a->authors.v[0], "Martin Junker");
	article_free(a);
	assert_more_by("find more by Matthew Davis", "Matthew Davis");
	assert_more_by("[91]Alles von Martin Junker", "Martin Junker");
	assert_more_by("Mehr Artikel von Stefanus \xe2\x86\x92", "Stefanus");
	assert_more_by("Weitere Pressemitteilungen von Nordex SE",
	    "Nordex SE");
	assert_more_by("Mehr von uns", "");
	assert_more_by("mehr von sheego", "");
	assert_more_by("More from KXAN Austin", "");
	assert_more_by("Alle wichtigen Infos von und \xc3\xbc" "ber die "
	    "Fraktion.", "");
	assert_more_by("Die Rede von Angela Merkel", "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dated_name),
		cmocka_unit_test(test_byline_over_title),
		cmocka_unit_test(test_byline_over_bare_name),
		cmocka_unit_test(test_section_name_by_date),
		cmocka_unit_test(test_bar_byline),
		cmocka_unit_test(test_byline_under_furniture),
		cmocka_unit_test(test_split_byline),
		cmocka_unit_test(test_byline_run_on),
		cmocka_unit_test(test_glued_prefix),
		cmocka_unit_test(test_doubled_name),
		cmocka_unit_test(test_placeholder_name),
		cmocka_unit_test(test_role_name),
		cmocka_unit_test(test_glued_handle),
		cmocka_unit_test(test_name_at_top),
		cmocka_unit_test(test_handle),
		cmocka_unit_test(test_header_caption_byline),
		cmocka_unit_test(test_labelled_name),
		cmocka_unit_test(test_date_over_title),
		cmocka_unit_test(test_label_after_name),
		cmocka_unit_test(test_name_under_date),
		cmocka_unit_test(test_lead_date),
		cmocka_unit_test(test_dated_byline_above),
		cmocka_unit_test(test_byline_date_above),
		cmocka_unit_test(test_line_ending_with_date),
		cmocka_unit_test(test_name_and_affiliation),
		cmocka_unit_test(test_label_by),
		cmocka_unit_test(test_date_in_name),
		cmocka_unit_test(test_lead_date_second),
		cmocka_unit_test(test_placeholder_strong),
		cmocka_unit_test(test_copyright_owner),
		cmocka_unit_test(test_owner_since),
		cmocka_unit_test(test_role_before),
		cmocka_unit_test(test_year_time_glued),
		cmocka_unit_test(test_label_colon_apart),
		cmocka_unit_test(test_colon_byline_in_body),
		cmocka_unit_test(test_top_heading),
		cmocka_unit_test(test_bare_heading),
		cmocka_unit_test(test_initials_name),
		cmocka_unit_test(test_role_inside_handle),
		cmocka_unit_test(test_dated_one_name),
		cmocka_unit_test(test_name_heads_list),
		cmocka_unit_test(test_more_by),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
