/* Unit tests of the text-dump extractor on snippets of real renders (w3m
 * and lynx dumps of development pages), each for a behaviour that the
 * renders of many pages showed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "util.h"
#include "text/text_blocks.h"
#include "text_extracted.h"

/* A subheading between two paragraphs is the article's (w3m render of a
 * chemietechnik.de report); a box of related stories under them is not. */
static void
test_classify_subheading(void **state)
{
	const char *s =
	    "Die Expertinnen und Experten haben jetzt zudem mehr Platz un"
	    "d bessere Ausr\xc3\xbcstung \xe2\x80\x93 in einem neuen\n"
	    "Labor, das Covestro am Stammsitz in Leverkusen errichtet hat"
	    ". Biotechnologische Prozesse sollen\n"
	    "hier in einem breiten Gr\xc3\xb6\xc3\x9f" "enspektrum besond"
	    "ers realistisch dargestellt werden k\xc3\xb6nnen, von 1 ml b"
	    "is\n"
	    "zu bald 100 l Reaktionsvolumen.\n"
	    "\n"
	    "\xe2\x80\x9eWir nehmen uns die Natur zum Vorbild, die sensat"
	    "ionelle Prozesse hervorgebracht hat und seit\n"
	    "Millionen von Jahren die Kreislauff\xc3\xbchrung praktiziert"
	    "\xe2\x80\x9c, sagt Dr. Gernot J\xc3\xa4ger, der das\n"
	    "Biotechnologie-Kompetenzzentrum leitet. \xe2\x80\x9eMithilfe"
	    " von Enzymen und Mikroorganismen k\xc3\xb6nnen wir\n"
	    "alternative Rohstoffe effizient nutzen und somit fossile Res"
	    "sourcen ersetzen. Gleichzeitig lassen\n"
	    "sich unerw\xc3\xbcnschte Nebenprodukte vermeiden oder zumind"
	    "est deutlich reduzieren.\xe2\x80\x9c\n"
	    "\n"
	    "Nachhaltige Erzeugung von Anilin\n"
	    "\n"
	    "Neben diesen Forschungsfeldern nutzt Covestro die Biotechnol"
	    "ogie bereits bei der Erforschung und\n"
	    "Entwicklung neuer Wege zur nachhaltigen Erzeugung von Anilin"
	    ". Diese Grundchemikalie spielt in der\n"
	    "Kunststoffproduktion weltweit eine wichtige Rolle. Bislang w"
	    "ird sie fast ausschlie\xc3\x9flich aus\n"
	    "fossilen Rohstoffen wie Erd\xc3\xb6l gewonnen, was CO2 freis"
	    "etzt. Covestro braucht Anilin zur Herstellung\n"
	    "des Vorprodukts MDI, aus dem D\xc3\xa4mmschaum f\xc3\xbcr Ge"
	    "b\xc3\xa4ude und K\xc3\xbchlger\xc3\xa4te entsteht.\n"
	    "\n"
	    "Zusammen mit Partnern aus Wirtschaft und Wissenschaft hat Co"
	    "vestro ein neues Verfahren entwickelt,\n"
	    "um Anilin mithilfe von Mikroorganismen umweltvertr\xc3\xa4gl"
	    "ich aus pflanzlichen Rohstoffen wie Stroh oder\n"
	    "Zuckerr\xc3\xbc" "ben herzustellen. Auf diese Weise wurde be"
	    "reits vollst\xc3\xa4ndig biobasiertes Anilin gewonnen\n"
	    "und erfolgreich zu Testprodukten verarbeitet. Nun soll das V"
	    "erfahren in gr\xc3\xb6\xc3\x9f" "eren Dimensionen\n"
	    "weiterentwickelt werden. Auch dieses Projekt wird mit \xc3"
	    "\xb6" "ffentlichen Mitteln, in diesem Fall aus dem\n"
	    "Bundesministerium f\xc3\xbcr Ern\xc3\xa4hrung und Landwirtsc"
	    "haft, gef\xc3\xb6rdert.\n"
	    "\n"
	    "Anlagenbau\n"
	    "Sechs Menschen mit Spaten und Helmen stehen um einen Kasten "
	    "mit Sand herum\n"
	    "Anlagenbau Basischemikalie f\xc3\xbcr D\xc3\xa4mmstoffe\n"
	    "\n"
	    "Covestro baut Anilin-Produktionsanlage in Antwerpen\n"
	    "\n"
	    "Covestro investiert in Antwerpen 300 Mio. Euro in eine Anili"
	    "n-Produktionsanlage und legte daf\xc3\xbcr\n"
	    "bereits den Grundstein. Sofern die wirtschaftliche Lage es z"
	    "ul\xc3\xa4sst, will das Unternehmen die Anlage\n"
	    "2025 in Betrieb nehmen. Hier weiterlesen.\n"
	    "\n"
	    "Auch HDMA mithilfe von Biotechnologie produziert\n"
	    "\n"
	    "Bereits in gr\xc3\xb6\xc3\x9f" "erem Ma\xc3\x9fstab l\xc3"
	    "\xa4sst sich ein weiteres Vorprodukt f\xc3\xbcr Lacke und Kl"
	    "ebstoffe (HMDA) aus\n";
	struct text_doc *d = text_segment(s, strlen(s));
	bool sub = false;

	(void)state;
	text_classify(d);
	for (size_t i = 0; i < d->n; i++) {
		const char *t = d->items[i].s;

		if (strcmp(t, "Nachhaltige Erzeugung von Anilin") == 0) {
			assert_int_equal(d->items[i].kind, TEXT_BODY);
			sub = true;
		}
		if (strncmp(t, "Anlagenbau", 10) == 0 ||
		    strncmp(t, "Covestro baut", 13) == 0)
			assert_int_not_equal(d->items[i].kind, TEXT_BODY);
	}
	assert_true(sub);
	text_doc_free(d);
}

/* A list between two paragraphs of the body is the article's (w3m render
 * of an article on electronic health records); a list whose items the
 * page shows again (a table of contents) is not. */
static const char list_page[] =
	    "Mit einheitlichen Standards und Spezifikationen sollen Insel"
	    "l\xc3\xb6sungen vermieden werden. Im E-Health\n"
	    "Gesetz ist davon allerdings nichts zu lesen. Daf\xc3\xbcr ex"
	    "istierten heute bereits parallel verschiedene\n"
	    "gesetzliche Grundlagen zur Umsetzung von elektronischen Akte"
	    "n:\n"
	    "\n"
	    "  \xe2\x80\xa2 In \xc2\xa7 291a Absatz 3 Nr. 4 SGB V - elekt"
	    "ronische Patientenakte\n"
	    "  \xe2\x80\xa2 in \xc2\xa7 291a Absatz 3 Nr. 5 SGB V - elekt"
	    "ronisches Patientenfach\n"
	    "  \xe2\x80\xa2 in \xc2\xa7 68 SGB V - elektronische Gesundhe"
	    "itsakte\n"
	    "  \xe2\x80\xa2 in \xc2\xa7 630f BGB \xe2\x80\x93 elektronisc"
	    "he Arztakte\n"
	    "\n"
	    "Milliardenschwere Digitalprojekte auf Basis von confusion-by"
	    "-design haben es schwer. Daher ist es\n"
	    "auch nicht verwunderlich, dass bereits ein E-Health Gesetz I"
	    "I in Arbeit ist. In der Zwischenzeit\n"
	    "haben bereits einige Versicherer Ihre eigenen Pilotprojekte "
	    "in Betrieb genommen. Nat\xc3\xbcrlich mit\n"
	    "unterschiedliche Strategien und mit unterschiedlichen Varian"
	    "ten der elektronischen Patientenakte.\n";

static void
test_classify_list(void **state)
{
	struct buf b = { 0 };
	struct text_doc *d = text_segment(list_page, strlen(list_page));
	int items = 0;

	(void)state;
	text_classify(d);
	for (size_t i = 0; i < d->n; i++) {
		if (!d->items[i].bullet)
			continue;
		assert_int_equal(d->items[i].kind, TEXT_BODY);
		items++;
	}
	assert_int_equal(items, 4);
	text_doc_free(d);
	/* the same list, its last item shown again as a heading below */
	buf_puts(&b, list_page);
	buf_puts(&b, "\nin \xc2\xa7 630f BGB \xe2\x80\x93 elektronische "
	    "Arztakte\n");
	d = text_segment(b.p, b.len);
	text_classify(d);
	for (size_t i = 0; i < d->n; i++)
		if (d->items[i].bullet)
			assert_int_not_equal(d->items[i].kind, TEXT_BODY);
	text_doc_free(d);
	buf_free(&b);
}

/* lynx's list of references is never wrapped, and a URL with spaces in
 * it runs past the wrap width: those lines say nothing about the width
 * (a lynx render of spdfraktion.de had no paragraphs joined). */
static void
test_segment_lynx_references(void **state)
{
	const char *s =
	    "Aydan \xc3\x96zo\xc4\x9fuz wird Vizepr\xc3\xa4sidentin\n"
	    "\n"
	    "   Die SPD-Abgeordnete Aydan \xc3\x96zo\xc4\x9fuz ist zur st"
	    "ellvertretenden Pr\xc3\xa4sidentin des Bundestags\n"
	    "   gew\xc3\xa4hlt worden. Die ehemalige Integrationsbeauftra"
	    "gte geh\xc3\xb6rt dem Parlament seit 2009 an.\n"
	    "     * Stand: 26.10.2021\n"
	    "     * Empfehlen:\n"
	    "          + [31]Twitter\n"
	    "          + [32]Facebook\n"
	    "          + [33]E-Mail\n"
	    "\n"
	    "   Portr\xc3\xa4t von Aydan \xc3\x96zo\xc4\x9fuz (Foto: DBT/"
	    "Stella von Saldern (bearbeitet durch spdfraktion.de))\n"
	    "\n"
	    "   Der Bundestag hat die SPD-Abgeordnete Aydan \xc3\x96zo"
	    "\xc4\x9fuz mit einer breiten Mehrheit von 544\n"
	    "   Stimmen als eine von f\xc3\xbcnf Vizepr\xc3\xa4sident:inn"
	    "en gew\xc3\xa4hlt.\n"
	    "\n"
	    "   Aydan \xc3\x96zo\xc4\x9fuz geh\xc3\xb6rt dem Bundestag se"
	    "it 2009 an, zuvor war sie Mitglied der Hamburger\n"
	    "   B\xc3\xbcrgerschaft und arbeitete als wissenschaftliche M"
	    "itarbeiterin f\xc3\xbcr die\n"
	    "   K\xc3\xb6rber-Stiftung. \xc3\x96zo\xc4\x9fuz wurde vor 54"
	    " Jahren in Hamburg als drittes Kind t\xc3\xbcrkischer\n"
	    "   Kaufleute geboren, die 1961 von Istanbul nach Hamburg "
	    "\xc3\xbc" "bergesiedelt waren. Von 2013 bis\n"
	    "   Anfang 2018 war sie Integrationsstaatsministerin im Kanzl"
	    "eramt und nahm somit als erste\n"
	    "   Frau mit t\xc3\xbcrkischen Wurzeln am Kabinettstisch Plat"
	    "z.\n"
	    "     * Empfehlen:\n"
	    "          + [34]Twitter\n"
	    "          + [35]Facebook\n"
	    "          + [36]E-Mail\n"
	    "\n"
	    "References\n"
	    "\n"
	    "  31. https://twitter.com/home?status=Aydan \xc3\x96zo\xc4"
	    "\x9fuz wird Vizepr\xc3\xa4sidentin  - /themen/aydan-oezoguz-"
	    "vizepraesidentin\n"
	    "  32. https://www.facebook.com/sharer.php?u=/themen/aydan-oe"
	    "zoguz-vizepraesidentin\n"
	    "  33. mailto:empfaenger@beispiel.org?subject=Aydan \xc3\x96z"
	    "o\xc4\x9fuz wird Vizepr\xc3\xa4sidentin &body=/themen/aydan-"
	    "oezoguz-vizepraesidentin\n"
	    "  34. https://twitter.com/home?status=Aydan \xc3\x96zo\xc4"
	    "\x9fuz wird Vizepr\xc3\xa4sidentin  - /themen/aydan-oezoguz-"
	    "vizepraesidentin\n"
	    "  35. https://www.facebook.com/sharer.php?u=/themen/aydan-oe"
	    "zoguz-vizepraesidentin\n"
	    "  36. mailto:empfaenger@beispiel.org?subject=Aydan \xc3\x96z"
	    "o\xc4\x9fuz wird Vizepr\xc3\xa4sidentin &body=/themen/aydan-"
	    "oezoguz-vizepraesidentin\n";
	struct text_doc *d = text_segment(s, strlen(s));
	bool joined = false;

	(void)state;
	assert_true(d->wrap > 0);
	for (size_t i = 0; i < d->n; i++)
		if (strncmp(d->items[i].s, "Die SPD-Abgeordnete", 19) == 0)
			joined = strstr(d->items[i].s, "seit 2009 an.") != NULL;
	assert_true(joined);
	text_doc_free(d);
}

/* A link marker between two numbers parts them when lynx's markers
 * are dropped (a lynx render of hejfish.com: the date and the link of
 * its comment count): "2022[38]0" is a year and a count, not 20220. */
static void
test_segment_lynx_marks_numbers(void **state)
{
	const char *s =
	    "Anglertalk mit Stephan H\xc3\xb6" "ferer\n"
	    "\n"
	    "   [36]Anglertalk[37]hejfish7. Januar 2022[38]0\n"
	    "\n"
	    "   Als Naturfilmer und Autor arbeitet Stephan H\xc3\xb6"
	    "ferer als freier Mitarbeiter f\xc3\xbcr die\n"
	    "   Angelfachzeitschriften.\n";
	struct text_doc *d = text_segment(s, strlen(s));
	bool found = false;

	(void)state;
	for (size_t i = 0; i < d->n; i++)
		if (strstr(d->items[i].s, "Januar 2022 0") != NULL)
			found = true;
	assert_true(found);
	text_doc_free(d);
}

/* A page too short for a wrap width of its own (a w3m render of
 * die-partei.net: two wrapped lines and the paragraph's last), and
 * centred text under a two-column box (guenter-pilger.de), narrower than
 * the width its lines give: a block's lines are joined where at least
 * two of them reach its longest line and one breaks off a sentence that
 * the next goes on with. The lines of a list (modelled on a ranking of
 * monsterdealz.de, lengthened to reach the width) stay apart. */
static const char short_page[] =
	    "   \n"
	    "\n"
	    "Neuigkeiten\n"
	    "\n"
	    "Donnerstag, 31. Mai 2012\n"
	    "\n"
	    "Das Ministerium f\xc3\xbcr Club-Kultur informiert\xe2\x80"
	    "\xa6\n"
	    "\n"
	    "Die GEMA dreht v\xc3\xb6llig am Zeiger! Durch die geplanten "
	    "Tariferh\xc3\xb6hungen 2013 \xe2\x80\x93 auch bekannt als\n"
	    "moderner Stra\xc3\x9f" "enraub \xe2\x80\x93 stehen viele Clu"
	    "bbesitzer vor dem Aus. Damit DJs ihre Sets demn\xc3\xa4" "ch"
	    "st nicht\n"
	    "vorlesen m\xc3\xbcssen, unterschreibt bitte alle diese Petit"
	    "ion:\n"
	    "\n"
	    "http://www.openpetition.de/petition/online/gegen-die-tarifre"
	    "form-2013-gema-verliert-augenmass\n"
	    "\n"
	    "\xe2\x86\x90 Der 1. monatliche Stammtisch steht fest!\n"
	    "Steuerdarling \xe2\x80\x93 Die PARTEI als Ehestifter \xe2"
	    "\x86\x92\n"
	    "\n"
	    "  1. Profilbild von Pilzener Pilzener 629 Punkte im Monat Ok"
	    "tober 2019\n"
	    "  2. Profilbild von krofisch krofisch 558 Punkte im Monat Ok"
	    "tober 2019\n"
	    "  3. Profilbild von MyAmericanDream MyAmericanDream 508 Punk"
	    "te im Monat\n";

static const char centred_page[] =
	    "Linie Oben\n"
	    "\n"
	    "Mail-Aktion an den Deutschen Bundestag\n"
	    "\n"
	    "Linie unten\n"
	    "Rentenpolitik | Blog | Mailaktion Bundestag | Alles klar?\n"
	    "Ihr Browser                                                 "
	    "                  Ihr Browser\n"
	    "unterst\xc3\xbctzt              Ich habe am 12. Mai 2006 ein"
	    "e Mail-Aktion an die     unterst\xc3\xbctzt\n"
	    "Inlineframes nicht      Mitglieder des Bundestages gestartet"
	    " mit folgendem    Inlineframes nicht\n"
	    "oder zeigt sie in der                         Inhalt:       "
	    "                  oder zeigt sie in der\n"
	    "derzeitigen                                                 "
	    "                  derzeitigen\n"
	    "Konfiguration nicht                                         "
	    "                  Konfiguration nicht\n"
	    "an.                                                         "
	    "                  an.\n"
	    "                                           --- Zitat ---\n"
	    "                                  Sehr geehrte Damen und Her"
	    "ren,\n"
	    "\n"
	    "                         ich protestiere gegen die erneute H"
	    "albierung des\n"
	    "                        Sparerfreibetrages von urspr\xc3\xbc"
	    "nglich rund 3000 Euro\n"
	    "                       (6000 DM) auf nur noch 750 Euro. Ihre"
	    " Handlungsweise\n"
	    "                      steht im deutlichen Gegensatz zu Ihren"
	    " Reden, in denen\n"
	    "                      Sie die B\xc3\xbcrger zur privaten Alt"
	    "ersvorsorge auffordern.\n"
	    "\n"
	    "                                                  \n"
	    "\n"
	    "                           Au\xc3\x9f" "erdem bitte ich Sie "
	    "mir zu erkl\xc3\xa4ren, warum\n"
	    "                         DaimlerChrysler keine Steuern zahlt"
	    ", Rentner aber\n"
	    "                          zahlen m\xc3\xbcssen. Wie vereinba"
	    "ren Sie das mit dem\n"
	    "                      Grundsatz, dass nach der Leistungsf"
	    "\xc3\xa4higkeit Steuern zu\n";

static void
test_segment_block_wrap(void **state)
{
	struct text_doc *d = text_segment(short_page, strlen(short_page));
	bool gema = false, pilger = false;

	(void)state;
	assert_int_equal(d->wrap, 0);
	for (size_t i = 0; i < d->n; i++) {
		if (strncmp(d->items[i].s, "Die GEMA", 8) == 0)
			gema = strstr(d->items[i].s,
			    "diese Petition:") != NULL;
		assert_null(strstr(d->items[i].s, "fest! Steuerdarling"));
	}
	assert_true(gema);
	text_doc_free(d);
	d = text_segment(centred_page, strlen(centred_page));
	for (size_t i = 0; i < d->n; i++)
		if (strncmp(d->items[i].s, "ich protestiere", 15) == 0)
			pilger = strstr(d->items[i].s,
			    "Altersvorsorge auffordern.") != NULL;
	assert_true(pilger);
	text_doc_free(d);
}


/* A lynx render of a WSJ opinion piece (aeb-dev): the standfirst,
 * set flush left, runs to column 97 and gives the page its wrap width,
 * while the article's paragraphs, indented, end by column 92; a last
 * line of one short word ("in the head.") fitted under the page's width
 * and was left out of its paragraph. A block wraps at its own longest
 * line where that is narrower than the page's. */
static void
test_segment_block_narrower(void **state)
{
	const char *s =
	    "Is Football Violence a Crime?\n"
	    "\n"
	    "NFL assaults have led to lawsuits before. But a prosecutor w"
	    "ould have difficulty proving a charge\n"
	    "in court.\n"
	    "\n"
	    "   By\n"
	    "   Randy Maniloff\n"
	    "   Nov. 18, 2019 7:04 pm ET\n"
	    "\n"
	    "   It was the shot to the head heard \xe2\x80\x99round the w"
	    "orld. In the closing seconds of last week\xe2\x80\x99s\n"
	    "   Browns-Steelers game in Cleveland, Browns defensive end M"
	    "yles Garrett pulled off Steelers\n"
	    "   quarterback Mason Rudolph\xe2\x80\x99s helmet. Mr. Garret"
	    "t then swung it at Mr. Rudolph, hitting him\n"
	    "   in the head.\n"
	    "\n"
	    "   The Pittsburgh quarterback didn\xe2\x80\x99t suffer a con"
	    "cussion. Still, Mr. Garrett, who was the\n"
	    "   first pick of the 2017 National Football League draft, ha"
	    "s been suspended without pay by\n"
	    "   the league for the rest of the season and may receive fur"
	    "ther discipline....\n";
	struct text_doc *d = text_segment(s, strlen(s));
	bool joined = false;

	(void)state;
	assert_true(d->wrap > 92);
	for (size_t i = 0; i < d->n; i++) {
		if (strncmp(d->items[i].s, "It was the shot", 15) == 0)
			joined = strstr(d->items[i].s, "in the head.") != NULL;
		assert_null(strstr(d->items[i].s, ".... To Read"));
	}
	assert_true(joined);
	text_doc_free(d);
}

/* A lynx render of creativecommons.ch (trafeval-dev): paragraphs of
 * two lines broken short of the page's width (the page's own line
 * breaks), so neither the page's width nor the block's joins them. A
 * long line that breaks off a sentence and a line that goes on with it
 * in lower case are one paragraph; a caption over itself and its credit
 * (a capital, the synthetic lines at the end) stays two items. */
static void
test_segment_continued_line(void **state)
{
	const char *s =
	    "\n"
	    "   Die Lizenzen sind einfach verst\xc3\xa4ndlich und gratis."
	    "\n"
	    "\n"
	    "   Symbole visualisieren die Lizenzen.\n"
	    "\n"
	    "   Sie sind in \xc3\xbc" "ber 60 Sprachen erh\xc3\xa4ltlich "
	    "und weltweit rechtsg\xc3\xbcltig.\n"
	    "\n"
	    "   Damit sind sie  f\xc3\xbcr den Einsatz im Internet wie ge"
	    "schaffen. Inzwischen findet man\n"
	    "   \xc3\xbc" "ber [13]400+ Millionen Werke im Internet.\n"
	    "\n"
	    " some rights reserved\n"
	    "\n"
	    "   some CC large\n"
	    "\n"
	    "   Creative Commons Lizenzen unterst\xc3\xbctzen eine Kultur"
	    " des Teilens und der Weiterentwicklung.\n"
	    "\n"
	    "   Das ist ein grosser Vorteil f\xc3\xbcr Urheber und f\xc3"
	    "\xbcr Nutzer. So k\xc3\xb6nnen Werke einfacher\n"
	    "   geteilt, ver\xc3\xa4ndert und wieder verwendet werden.\n"
	    "\n"
	    "   Dazu verzichten Urheber auf gewisse Rechte und k\xc3\xb6n"
	    "nen mit Ihren Werken\n"
	    "   trotzdem weiterhin Geld verdienen.\n"
	    "\n"
	    "\n"
	    "   Councillors during the vote on Thursday evening in the town"
	    " hall\n"
	    "   Councillors during the vote on Thursday evening in the town"
	    " hall (Reuters)\n";
	struct text_doc *d = text_segment(s, strlen(s));
	int found = 0, captions = 0;

	(void)state;
	assert_true(d->wrap > 0);
	for (size_t i = 0; i < d->n; i++) {
		const char *p = d->items[i].s;

		if (strncmp(p, "Damit sind sie", 14) == 0)
			found += strstr(p, "Werke im Internet.") != NULL;
		if (strncmp(p, "Dazu verzichten", 15) == 0)
			found += strstr(p, "Geld verdienen.") != NULL;
		captions += strncmp(p, "Councillors", 11) == 0;
	}
	assert_int_equal(found, 2);
	assert_int_equal(captions, 2);
	text_doc_free(d);
}

/* The head of a w3m render of a CRN report (aeb-dev): the menus' link
 * labels run together without a separator ("ShowcaseAnnual Report
 * Card"), items of fifty words and more with no sentence's end. Thirty
 * words make an item body-like without a sentence's end only where it
 * holds a comma, a stop, a colon or a semicolon: these menus are not the
 * article's, and its paragraphs are. */
static void
test_classify_glued_labels(void **state)
{
	const char *s =
	    "360\xc2\xb0 Industry Outlooks [caret-down]\n"
	    "Cloud Partner ProgramsCloud SecurityCloud StorageEdge Comput"
	    "ingEnterprise Application Software\n"
	    "Industry TrendsIoT PlatformsNetwork SecuritySoftware-defined"
	    " Data Center\n"
	    "Corporate CloseUps [caret-down]\n"
	    "ConnectWiseHP Toner and InkRSAVeeamWasabi\n"
	    "Learning Centers [caret-down]\n"
	    "100 People You Should Know ShowcaseAnnual Report Card Showca"
	    "seBest of Breed ShowcaseBlackBerry\n"
	    "Cylance Learning CenterCloud PPG ShowcaseCohesity Learning C"
	    "enterComcast Business Learning Center\n"
	    "Disaster Recovery Learning CenterEaton Learning CenterHPE Zo"
	    "neLenovo Learning CenterNetApp Data\n"
	    "Driven Learning CenterNexGen ShowcaseScale Computing Learnin"
	    "g CenterSilver Peak Learning Center\n"
	    "Sophos Cybersecurity Learning CenterSymantec Business Securi"
	    "ty Learning Center\n"
	    "Rankings and Research Companies Channelcast Marketing Matter"
	    "s CRNtv Events WOTC Jobs HPE Discover\n"
	    "2019 News Cisco Partner Summit 2019 News Cisco Wi-Fi 6 Newsr"
	    "oom Dell Technologies Newsroom Hitachi\n"
	    "Vantara Newsroom HP Reinvent Newsroom IBM Newsroom Ingram Mi"
	    "cro ONE 2019 News Juniper NXTWORK 2019\n"
	    "News Lenovo Newsroom NetApp Insight 2019 News Cisco Live New"
	    "sroom HPE Zone Tech Provider Zone\n"
	    "Sections\xc2\xa0Menu\n"
	    "[CRN_positi]\n"
	    "[CRN_positi]\n"
	    "\n"
	    "News, Analysis and Perspective for Solution Providers and Te"
	    "chnology Integrators\n"
	    "\n"
	    "[                    ] \n"
	    "Search\n"
	    "\n"
	    "Tim Cook On Apple Being \xe2\x80\x98Pulled Into The Enterpri"
	    "se\xe2\x80\x99\n"
	    "\n"
	    "The CEOs of Apple and Salesforce talk enterprise mobility, e"
	    "nvironmental sustainability, and\n"
	    "remember Steve Jobs unveiling products on the same stage.\n"
	    "\n"
	    "By Joseph Tsidulko\xc2\xa0November 19, 2019, 07:47 PM EST\n"
	    "AddThis Sharing Buttons\n"
	    "Share to LinkedInLinkedInShare to FacebookFacebookShare to T"
	    "witterTwitterShare to EmailEmailShare\n"
	    "to MoreMore\n"
	    "\n"
	    "[cook-tim-a]\n"
	    "\n"
	    "Apple was \"pulled into the enterprise,\" CEO Tim Cook said "
	    "Tuesday in a fireside chat with\n"
	    "Salesforce founder and co-CEO Marc Benioff.\n"
	    "\n"
	    "After the first iPhones shipped, people began using them for"
	    " business, forcing the consumer\n"
	    "computing giant to adapt quickly, Cook said while visiting S"
	    "alesforce's Dreamforce conference in\n"
	    "San Francisco.\n"
	    "\n"
	    "Customers \"began to say we want you to do this and that,"
	    "\" Cook told Benioff, which ultimately meant\n"
	    "making the \"best mobile operating system for enterprise."
	    "\"\n"
	    "\n"
	    "\"We really took that challenge to heart,\" he said.\n"
	    "\n"
	    "[Related: Salesforce Dreamforce Keynote: AI, Integration, Al"
	    "icia Keys And Protestors]\n"
	    "\n"
	    "Apple's revolutionary smartphone made it evident that person"
	    "al and business technology would blend\n"
	    "in a way nobody had seen before. While some people carry two"
	    " phones, and \"we love you for that,\"\n"
	    "Cook said, most do their personal and professional tasks on "
	    "the same device.\n"
	    "\n"
	    "Apple is now in every Fortune 500 company, and eight out of "
	    "ten companies are writing custom iOS\n"
	    "apps, Cook told Benioff.\n"
	    "\n"
	    "While that progress still lags the consumer world, Cook said"
	    " he's extremely proud of his company's\n";
	struct text_doc *d = text_segment(s, strlen(s));
	int menus = 0, paragraphs = 0;

	(void)state;
	text_classify(d);
	for (size_t i = 0; i < d->n; i++) {
		const struct text_item *it = &d->items[i];

		if (strstr(it->s, "Learning Center") != NULL ||
		    strstr(it->s, "Newsroom") != NULL) {
			assert_false(it->bodylike);
			assert_int_not_equal(it->kind, TEXT_BODY);
			menus++;
		}
		if (strncmp(it->s, "After the first iPhones", 23) == 0 ||
		    strncmp(it->s, "Apple's revolutionary", 21) == 0) {
			assert_int_equal(it->kind, TEXT_BODY);
			paragraphs++;
		}
	}
	assert_true(menus >= 2);
	assert_int_equal(paragraphs, 2);
	text_doc_free(d);
}

/* The end of a w3m render of a Bondy Blog report (trafeval-dev): the
 * article's last paragraphs, an embedded tweet, the photo credit, a box
 * of related articles and three of its teasers. The second teaser's card
 * (a name, a date under it) ends the region, which kept the first
 * teaser's summary: a paragraph of prose that outweighs the short items
 * between it and the article. A run of body after such a gap ends the
 * article only when it weighs one and a half times what the gap costs. */
static void
test_extract_tail_island(void **state)
{
	const char *s =
	    "Paris-8 : un peu de tension, beaucoup d\xe2\x80\x99" "actions\n\n"
	    "Non loin de l\xc3\xa0, on finit notre reportage en discutant avec "
	    "Pasiphae. Cette jeune fille de 20 ans\n"
	    "\xc3\xa9tudie les lettres \xc3\xa0 Saint-Denis apr\xc3\xa8s avoir "
	    "fait les Beaux-Arts \xc3\xa0 Angers. Elle vit \xc3\xa0 double "
	    "titre\n"
	    "la mobilisation actuelle, sa m\xc3\xa8re \xc3\xa9tant \xc3\xa9"
	    "galement impliqu\xc3\xa9" "e en tant qu\xe2\x80\x99" "enseignante "
	    "\xc3\xa0 l\xe2\x80\x99universit\xc3\xa9\n"
	    "de Nantes. \xc2\xab Ce qu\xe2\x80\x99on nous annonce, "
	    "c\xe2\x80\x99" "est la fin de l\xe2\x80\x99universit\xc3\xa9, "
	    "soupire-t-elle. "
	    "C\xe2\x80\x99" "est de plus en\n"
	    "plus difficile. Je vois ma m\xc3\xa8re qui est prof vacataire, je "
	    "la vois gal\xc3\xa9rer entre sa th\xc3\xa8se et son\n"
	    "boulot. Elle est en grande souffrance. Elle adore ce "
	    "m\xc3\xa9tier, elle s\xe2\x80\x99investit beaucoup mais elle est\n"
	    "dans la pr\xc3\xa9" "carit\xc3\xa9. \xc2\xbb\n\n"
	    "C\xe2\x80\x99" "est pour elle et pour tous les autres, \xc3\xa9"
	    "tudiants, personnels ou enseignants, que Paris-8 va\n"
	    "continuer \xc3\xa0 se mobiliser. Ce week-end, la direction de "
	    "l\xe2\x80\x99universit\xc3\xa9 a fait d\xc3\xa9" "barrasser le "
	    "piquet de\n"
	    "gr\xc3\xa8ve. Mais, d\xc3\xa8s lundi matin, tout \xc3\xa9tait "
	    "r\xc3\xa9install\xc3\xa9. Preuve d\xe2\x80\x99une motivation qui, "
	    "malgr\xc3\xa9 la\n"
	    "fatigue, ne faiblit pas.\n\n"
	    "    Malgr\xc3\xa9 les tentatives de @UnivParis8 pour faire cesser "
	    "le mouvement, \xc2\xab Paris 8 en gr\xc3\xa8ve\n"
	    "    reconctible \xc2\xbb toujours, demander le programme de la "
	    "semaine https://t.co/Iuc819izMj\n\n"
	    "    \xe2\x80\x94 Solidaires \xc3\x89tudiant-e-s Saint-Denis "
	    "(@SolidairesEtuP8) February 17, 2020\n\n"
	    "Kab NIANG\n\n"
	    "Cr\xc3\xa9" "dit photo : KB / Bondy Blog\n\n"
	    "*Le pr\xc3\xa9nom a \xc3\xa9t\xc3\xa9 modifi\xc3\xa9\n\n"
	    "Articles li\xc3\xa9s\n\n"
	    "  \xe2\x80\xa2 [IMG_9974-3]\n\n"
	    "    Un an \xc3\xa0 l\xe2\x80\x99" "atelier Sciences Po de "
	    "Delacroix, \xc3\xa9p. 5 : Eprouvante oralit\xc3\xa9\n\n"
	    "    Intervenant \xc3\xa0 l\xe2\x80\x99" "atelier Sciences Po du "
	    "Lyc\xc3\xa9" "e Eug\xc3\xa8ne Delacroix de Drancy, Philippe "
	    "observe tout\n"
	    "    au long de l\xe2\x80\x99" "ann\xc3\xa9" "e ses "
	    "\xc3\xa9l\xc3\xa8ves. Sa premi\xc3\xa8re chronique de 2020 "
	    "raconte leurs premiers "
	    "pas vers\n"
	    "    l\xe2\x80\x99oral. La timidit\xc3\xa9, l\xe2\x80\x99h\xc3\xa9"
	    "sitation, l\xe2\x80\x99" "affirmation\xe2\x80\xa6 Episode 5.\n\n"
	    "    Par Philippe Douroux\n"
	    "    Le 05/02/2020\n"
	    "  \xe2\x80\xa2 [Chautagne_]\n\n"
	    "    Contre les E3C, les \xc3\xa9l\xc3\xa8ves de Louise-Michel "
	    "gagnent une premi\xc3\xa8re bataille\n\n"
	    "    Un peu partout en r\xc3\xa9gion parisienne, les lyc\xc3\xa9"
	    "ens se mobilisent contre les premi\xc3\xa8res E3C, du nom\n"
	    "    des \xc3\xa9preuves de contr\xc3\xb4le continu instaur"
	    "\xc3\xa9" "es cette ann\xc3\xa9" "e par la r\xc3\xa9" "forme "
	    "Blanquer. A Bobigny, le\n"
	    "    blocus des \xc3\xa9l\xc3\xa8ves de Louise-Michel a port"
	    "\xc3\xa9 ses fruits puisque les \xc3\xa9preuves ont "
	    "\xc3\xa9t\xc3\xa9 report\xc3\xa9" "es.\n"
	    "    Reportage.\n\n"
	    "    Par Herv\xc3\xa9 Hinopay\n"
	    "    Le 31/01/2020\n"
	    "  \xe2\x80\xa2 [WhatsApp-I]\n\n"
	    "    Sourde et muette en classe\xe2\x80\xa6 pendant une journ"
	    "\xc3\xa9" "e\n\n"
	    "    Dans le coll\xc3\xa8ge de Luna, on sensibilise les "
	    "\xc3\xa9l\xc3\xa8ves au handicap par la voie de l'exp"
	    "\xc3\xa9rience.\n"
	    "    Autrement dit, chaque \xc3\xa9l\xc3\xa8ve doit tirer au "
	    "sort un handicap qu'il vivra pendant deux jours. Luna\n"
	    "    a \xc3\xa9t\xc3\xa9 sourde et muette en classe, "
	    "\xc3\xa0 la cantine, \xc3\xa0 la r\xc3\xa9" "cr\xc3\xa9... "
	    "Une exp\xc3\xa9rience qu'elle nous\n"
	    "    raconte.\n\n"
	    "    Par Luna Hamidi\n"
	    "    Le 29/01/2020\n";
	struct nw_article *a;

	(void)state;
	a = extracted(s);
	assert_int_equal(strncmp(a->body, "Non loin de l", 13), 0);
	assert_non_null(strstr(a->body, "ne faiblit pas."));
	assert_null(strstr(a->body, "Intervenant"));
	article_free(a);
}

/* A w3m render of a reader's photo on a magazine's site
 * (abenteuer-astronomie.de, trafeval-dev): a caption of three lines and
 * the photo's details, then the comment form, then the magazine's blurb
 * and two book ads in the sidebar, which outweigh the short article. A
 * heading of a comment thread ("Hinterlasse jetzt einen Kommentar") that
 * follows body text ends the part of the page where the article is. */
static void
test_extract_before_thread(void **state)
{
	const char *s =
	    "StartseiteAstro-BilderPlejaden, M45\n"
	    "\n"
	    "Plejaden, M45\n"
	    "\n"
	    "September 17, 2019 Helmut Rubik 0\n"
	    "\n"
	    "[m45__2019-09-01-1024x672]\n"
	    "Nun nicht im Staub, sondern mit ausgepr\xc3\xa4gten Sternstr"
	    "ahlen (Optik abgeblendet auf Blende 5.6) und\n"
	    "intensiv blauen Nebelgebieten. Die dichten Staub- und Molek"
	    "\xc3\xbclwolken die die Plejaden umgeben, sind\n"
	    "hier kaum erkennbar.\n"
	    "\n"
	    "\n"
	    "Detailangaben\n"
	    "\n"
	    "  \xe2\x80\xa2 Kategorie: Erste Versuche\n"
	    "  \xe2\x80\xa2 Art der Aufnahme: Digitalfoto\n"
	    "  \xe2\x80\xa2 Optik: Teleobjektiv\n"
	    "  \xe2\x80\xa2 \xc3\x96" "ffnung in mm:\n"
	    "  \xe2\x80\xa2 Brennweite in mm: 180\n"
	    "  \xe2\x80\xa2 Kameramodell: Canon EOS 60 Da\n"
	    "  \xe2\x80\xa2 Filter: -\n"
	    "  \xe2\x80\xa2 ISO-Zahl: 640\n"
	    "  \xe2\x80\xa2 Belichtungszeit: 60 x 3 Minuten\n"
	    "  \xe2\x80\xa2 Datum: 31/08/2019\n"
	    "  \xe2\x80\xa2 Uhrzeit: ab Mitternacht bis zum Morgegrauen\n"
	    "  \xe2\x80\xa2 Zeitzone: MESZ\n"
	    "  \xe2\x80\xa2 Ort: Kasberg im Frankenland\n"
	    "  \xe2\x80\xa2 weitere Bildautoren:\n"
	    "\n"
	    "\n"
	    "Zur\xc3\xbc" "ck\n"
	    "Weiter\n"
	    "\n"
	    "Hinterlasse jetzt einen Kommentar\n"
	    "\n"
	    "Kommentar hinterlassen Antworten abbrechen\n"
	    "\n"
	    "E-Mail Adresse wird nicht ver\xc3\xb6" "ffentlicht.\n"
	    "\n"
	    "Kommentar\n"
	    "[                                             ]\n"
	    "[                                             ]\n"
	    "[                                             ]\n"
	    "[                                             ]\n"
	    "[                                             ] [           "
	    "         ]\n"
	    "\n"
	    "Name*\n"
	    "[                              ]\n"
	    "\n"
	    "E-Mail*\n"
	    "[                              ]\n"
	    "\n"
	    "Webseite\n"
	    "[                              ]\n"
	    "\n"
	    "[Kommentar abschicken]\n"
	    "\n"
	    "Abenteuer Astronomie\n"
	    "\n"
	    "Abenteuer Astronomie war eine Zeitschrift f\xc3\xbcr praktis"
	    "che Astronomie in deutscher Sprache. Sie galt\n"
	    "als Nachfolger des langj\xc3\xa4hrigen Magazins Interstellar"
	    "um. Beeindruckende Bilder und Fakten aus der\n"
	    "Welt der Sterne, Hinweise auf aktuelle Himmelsereignisse, An"
	    "regungen f\xc3\xbcr Einsteiger und\n"
	    "fortgeschrittene Hobby-Astronomen sowie Hintergr\xc3\xbcndig"
	    "es und Unterhaltsames aus der Astroszene\n"
	    "zeichneten das Blatt aus. Im Dezember 2018 erschien die letz"
	    "te Ausgabe. Astroshop.de, der f\xc3\xbchrende\n"
	    "Teleskop-Fachh\xc3\xa4ndler in Europa, f\xc3\xbchrt die Webs"
	    "ite des Magazins jetzt weiter. Melden Sie sich an und\n"
	    "werden Sie aktiv in der Community!\n"
	    "\n"
	    "Geeignete B\xc3\xbc" "cher f\xc3\xbcr den Start\n"
	    "\n"
	    "[kosmos-verlag-buch-astronomie-fuer-einste]\n"
	    "\n"
	    "Das Buch Astronomie f\xc3\xbcr Einsteiger ist ein Ratgeber, "
	    "f\xc3\xbcr alle, die gerne tief in die\n"
	    "Hobbyastronomie einsteigen wollen. Von der Orientierung am S"
	    "ternenhimmel bis zur Astrofotografie:\n"
	    "hier ist alles drin.\n"
	    "\n"
	    "Jetzt bestellen\n"
	    "[kosmos-verlag-atlas-fuer-himmelsbeobachte]\n"
	    "\n"
	    "Sie wollen Deep-Sky-Objekte am Himmel finden, fragen sich ab"
	    "er wo? Mit dem Atlas f\xc3\xbcr\n"
	    "Himmelsbeobachter finden Sie die 250 interessantesten Sternh"
	    "aufen, Nebel und Galaxien. Damit stehen\n"
	    "Sie nie mehr ratlos unter dem Sternenhimmel.\n"
	    "\n"
	    "Jetzt bestellen\n";
	struct nw_article *a;

	(void)state;
	a = extracted(s);
	assert_non_null(strstr(a->body, "Nun nicht im Staub"));
	assert_null(strstr(a->body, "war eine Zeitschrift"));
	assert_null(strstr(a->body, "Deep-Sky-Objekte"));
	article_free(a);
}

/* The head of a lynx render of a blog post (antary.de, trafeval-dev):
 * lynx's list of the page's <link> elements, the menu, a link that
 * counts the comments ("2 Kommentare"), the title and the first
 * paragraphs. The list of links is not text of the page, and the count
 * is a link, not the heading of a thread that would end the article's
 * part of the page. */
static void
test_extract_lynx_head(void **state)
{
	const char *s =
	    "    #[1]Antary \xc2\xbb Feed [2]Antary \xc2\xbb Kommentar-Fe"
	    "ed [3]Antary \xc2\xbb Wireshark: Besuchte URLs anzeigen\n"
	    "   (HTTP und HTTPS) Kommentar-Feed [4]alternate [5]Adguard: "
	    "Windows ISOs und mehr direkt von\n"
	    "   Microsoft herunterladen [6]Diese Apps sollten auf keinem "
	    "Smartphone fehlen [7]alternate\n"
	    "   [8]alternate\n"
	    "\n"
	    "     * [9]Home\n"
	    "     * [10]Testberichte\n"
	    "     * [11]Windows 10\n"
	    "     * [12]Jobb\xc3\xb6rse\n"
	    "     * [13]Kontakt\n"
	    "     * [14]Datenschutz\n"
	    "     * [15]Impressum\n"
	    "\n"
	    "   ____________________\n"
	    "\n"
	    "     * [16]2 Kommentare\n"
	    "     *\n"
	    "     *\n"
	    "\n"
	    "Wireshark: Besuchte URLs anzeigen (HTTP und HTTPS)\n"
	    "\n"
	    "   29. Juni 2017, 23:39 \xc2\xb7 von [17]Tobi\n"
	    "   [INS: :INS]\n"
	    "   [18]Wireshark 2.0 Icon Wireshark 2.0 Icon\n"
	    "\n"
	    "   Ein Leser fragte mich, ob es mit Hilfe von Wireshark m"
	    "\xc3\xb6glich ist, alle aufgerufenen\n"
	    "   Webseiten in einem Paketmitschnitt anzeigen zu lassen. Di"
	    "e kurze Antwort lautet ja.\n"
	    "   Allerdings ist dies nicht ganz so einfach zu realisieren,"
	    " wie zun\xc3\xa4" "chst angenommen. Aus\n"
	    "   diesem Grund habe ich mich dazu entschlossen, einen eigen"
	    "en Artikel f\xc3\xbcr die Beantwortung\n"
	    "   dieser Frage zu verfassen. Dar\xc3\xbc" "ber hinaus gibt "
	    "es sicherlich mehrere Personen im Internet,\n"
	    "   welche die gleiche Frage stellen und sich \xc3\xbc" "ber "
	    "meinen Artikel freuen d\xc3\xbcrften.\n"
	    "\n"
	    "   Als Grundlage f\xc3\xbcr das weitere Vorgehen setze ich e"
	    "inen vorhandenen Paketmitschnitt und eine\n"
	    "   aktuelle Version von Wireshark voraus. Beim Einsatz einer"
	    " FRITZ!Box k\xc3\xb6nnt ihr schnell und\n"
	    "   einfach einen Paketmitschnitt direkt am Router anfertigen"
	    ". Dies funktioniert \xc3\xbc" "ber die URL\n"
	    "   [19]http://fritz.box/support.lua. Beim Anfertigen des Art"
	    "ikels kam Wireshark in Version\n"
	    "   2.2.7 zum Einsatz.\n";
	struct text_doc *d = text_segment(s, strlen(s));
	struct nw_article *a;

	(void)state;
	assert_string_equal(d->items[0].s, "Home");
	text_doc_free(d);
	a = extracted(s);
	assert_int_equal(strncmp(a->body, "Ein Leser fragte mich", 21), 0);
	assert_non_null(strstr(a->body, "Version 2.2.7 zum Einsatz."));
	article_free(a);
}

/* A w3m render of an investigative report (correctiv.org, trafeval-dev):
 * over the article, a box of the newsroom's latest articles, whose
 * teaser (a summary over "weiterlesen 5 Minuten") is followed by the
 * article's own byline and date. A paragraph under a heading and over a
 * link to read on is a teaser, not the start of the article. */
static void
test_extract_read_more_teaser(void **state)
{
	const char *s =
	    "Aktuelle Artikel\n"
	    "\n"
	    "Alle Artikel zu unseren Recherchen\n"
	    "\n"
	    "CORRECTIV bleibt auch nach der ersten Ver\xc3\xb6" "ffentlic"
	    "hung einer Geschichte am Thema dran. Wir\n"
	    "recherchieren weiter, wir aktualisieren und ver\xc3\xb6" "ff"
	    "entlichen Einzel- oder Folgeartikel. Diese finden\n"
	    "Sie hier.\n"
	    "\n"
	    "extrablatt_cover extrablatt_cover\n"
	    "Das Extrablatt warb f\xc3\xbcr die AfD vor der Landtagswahl "
	    "\xc2\xa9 Ivo Mayr / Correctiv\n"
	    "\n"
	    "Neue Rechte\n"
	    "\n"
	    "\xe2\x80\x9eWir haben bereits die Zusage\xe2\x80\x9c\n"
	    "\n"
	    "Die AfD behauptet, nichts vom Versand einer Gratiszeitung an"
	    " NRW-Haushalte im Landtagswahlkampf\n"
	    "2017 gewusst zu haben. Interne Dokumente deuten jedoch darau"
	    "f hin, dass ihre Funktion\xc3\xa4re sich sehr\n"
	    "wohl mit dem Herausgaber des Blattes abstimmte. Der Partei d"
	    "roht damit eine Millionenstrafe wegen\n"
	    "illegaler Parteispenden.\n"
	    "\n"
	    "weiterlesen 5 Minuten\n"
	    "\n"
	    "von Marcus Bensmann , Justus von Daniels , Ulrich Stoll\n"
	    "\n"
	    "14. May 2019\n"
	    "\n"
	    "  \xe2\x80\xa2\n"
	    "  \xe2\x80\xa2\n"
	    "  \xe2\x80\xa2\n"
	    "  \xe2\x80\xa2\n"
	    "  \xe2\x80\xa2\n"
	    "  \xe2\x80\xa2\n"
	    "\n"
	    "Vorweg: Die beteiligten AfD-Politiker bestreiten, dass es si"
	    "ch so abgespielt hat. Ihre Version\n"
	    "steht damit im Widerspruch zu Dokumenten, die CORRECTIV und "
	    "Frontal 21 vorliegen.\n"
	    "\n"
	    "Diese deuten auf folgendes hin: Demnach erh\xc3\xa4lt im M"
	    "\xc3\xa4rz 2017 Andreas Keith, Wahlkampfleiter der AfD\n"
	    "in NRW, eine Anfrage des Essener Kreisverbandes der Partei. "
	    "Die Parteikollegen wollen das, was alle\n"
	    "im Wahlkampf wollen: mehr Geld f\xc3\xbcr Zeitungsanzeigen u"
	    "nd Flyer f\xc3\xbcr den Landtagswahlkampf.\n"
	    "\n"
	    "Doch Keith bleibt entspannt. Denn er wei\xc3\x9f offenbar et"
	    "was, das seine Kollegen noch nicht wissen.\n"
	    "Laut Unterlagen, die CORRECTIV und Frontal 21 vorliegen, ant"
	    "wortet Keith dem Essener Parteichef\n"
	    "Stefan Keuter am 30. M\xc3\xa4rz 2017, und damit vor den Lan"
	    "dtagswahlen: \xe2\x80\x9eWir haben bereits die Zusage,\n"
	    "dass vor dem Wahlwochenende, entweder direkt davor, oder abe"
	    "r eine Woche vorab ein Extrablatt in\n"
	    "H\xc3\xb6he von 4,1 Millionen St\xc3\xbc" "ck landesweit ers"
	    "cheinen wird\xe2\x80\x9c. Neben den Gro\xc3\x9fplakaten in E"
	    "ssen werde es\n"
	    "somit eine \xe2\x80\x9e" "fl\xc3\xa4" "chendeckende\xe2\x80"
	    "\x9c Werbung geben.\n"
	    "\n"
	    "Und tats\xc3\xa4" "chlich: Vor der NRW-Landtagswahl im Mai e"
	    "rhalten Millionen Haushalte in NRW ein\n"
	    "zehnseitiges \xe2\x80\x9e" "Extrablatt\xe2\x80\x9c. Die Zeit"
	    "ung sch\xc3\xbcrt vor allem Angst vor Zuwanderung. Sie enthi"
	    "elt Artikel\n"
	    "wie: \xe2\x80\x9eKippt auch bald Ihr Viertel?\xe2\x80\x9c. A"
	    "m Ende steht die Empfehlung: \xe2\x80\x9eWollen wir so leben"
	    "? Besser AfD\n"
	    "w\xc3\xa4hlen.\xe2\x80\x9c\n";
	struct nw_article *a;

	(void)state;
	assert_true(text_is_read_more("weiterlesen 5 Minuten", 3));
	assert_true(text_is_read_more("Read more \xc2\xbb", 3));
	assert_false(text_is_read_more("Continue Reading Below", 3));
	assert_false(text_is_read_more("read more:", 2));
	a = extracted(s);
	assert_int_equal(strncmp(a->body, "Vorweg: Die beteiligten", 23), 0);
	assert_non_null(strstr(a->body, "Werbung geben"));
	assert_null(strstr(a->body, "Die AfD behauptet, nichts"));
	article_free(a);
}

/* A w3m render of a Korean column (aeb-dev): w3m wraps by columns and
 * breaks Hangul between any two syllables, most often inside a word
 * ("결" / "론을"); the lines are joined without a space. (lynx breaks
 * Korean at spaces: lynx_ko in test_text_classify.c.) */
static void
test_segment_w3m_hangul(void **state)
{
	const char *s =
	    "[엔터미디어=정덕현의 이슈공감] 엘제이의 리벤지인가, 류화영의 피해"
	    "자 코스프레인가. 시작은 엘제이의\n"
	    "일방적인 사진 공개로부터 비롯됐다. 그건 이 사안을 두고 벌어진 엘제"
	    "이와 류화영의 진실공방이 어떤 결\n"
	    "론을 내더라도 잘못된 일이다. 타인의 동의를 구하지 않고 일방적으로 "
	    "두 사람의 관계를 담은 사진을 SNS\n"
	    "에 공개한다는 건 분명한 사생활 침해이고, 나아가 ‘리벤지’의 성격을 "
	    "가진 SNS 폭로로 여겨지기 때문이\n"
	    "다.\n";
	struct text_doc *d = text_segment(s, strlen(s));

	(void)state;
	assert_int_equal(d->n, 1);
	assert_non_null(strstr(d->items[0].s, "어떤 결론을 내더라도"));
	assert_non_null(strstr(d->items[0].s, "때문이다."));
	text_doc_free(d);
}

/* The same render: where w3m broke a Korean line at a space, the line
 * stops short of the wrap width (97 columns of 100 over the line that
 * goes on with the next word): a syllable more would have fitted, so
 * the words are joined with a space. A full line (99 or 100 columns)
 * was broken inside a word. */
static void
test_segment_w3m_hangul_space(void **state)
{
	static const char s[] =
	    "\xe2\x80\x98\xec\x82\xac\xeb\x9e\x91\xed\x95\x98\xeb\x8a\x94"
	    " \xec\x82\xac\xeb\x9e\x8c\xec\x9d\x98 \xec\xb6\x94\xec\x96"
	    "\xb5\xec\x9d\x84 \xea\xb0\x84\xec\xa7\x81\xe2\x80\x99\xed"
	    "\x95\x98\xeb\x8a\x94 \xec\x9d\xbc\xec\x9d\xb4 \xec\x96\xb4"
	    "\xec\xa7\xb8\xec\x84\x9c \xeb\x91\x90 \xec\x82\xac\xeb\x9e"
	    "\x8c\xeb\xa7\x8c\xec\x9d\x98 \xec\x82\xac\xec\xa0\x81\xec"
	    "\x9d\xb8 \xea\xb4\x80\xea\xb3\x84\xeb\xa5\xbc \xec\xb0\x8d"
	    "\xec\x9d\x80 \xec\x82\xac\xec\xa7\x84\xeb\x93\xa4\xec\x9d"
	    "\x84 \xea\xb3\xb5\xea\xb0\x9c\xed\x95\x98\xeb\x8a\x94 \xec"
	    "\x9d\xbc\xec\x9d\xb4\n"
	    "\xeb\x90\xa0\xea\xb9\x8c. \xec\x9d\xb4\xeb\x9f\xb0 \xec\x9d"
	    "\xbc\xeb\x93\xa4\xec\x9d\x80 \xec\x82\xac\xec\x8b\xa4 \xec"
	    "\x97\xb0\xec\x98\x88\xec\x9d\xb8\xec\xb2\x98\xeb\x9f\xbc "
	    "\xed\x8a\xb9\xec\x88\x98\xed\x95\x9c \xec\x9c\x84\xec\xb9"
	    "\x98\xec\x97\x90 \xec\x9e\x88\xeb\x8a\x94 \xec\x9d\xb4\xeb"
	    "\x93\xa4\xeb\xa7\x8c\xec\x9d\xb4 \xec\x95\x84\xeb\x8b\x88"
	    "\xeb\x9d\xbc, \xec\x9a\xb0\xeb\xa6\xac \xea\xb0\x99\xec\x9d"
	    "\x80 \xeb\xb3\xb4\xed\x86\xb5 \xec\x82\xac\xeb\x9e\x8c\xeb"
	    "\x93\xa4\xec\x97\x90\xea\xb2\x8c\xeb\x8f\x84\n"
	    "\xec\x9d\xbc\xec\xa2\x85\xec\x9d\x98 \xeb\x8d\xb0\xec\x9d"
	    "\xb4\xed\x8a\xb8 \xed\x8f\xad\xeb\xa0\xa5\xec\x9c\xbc\xeb"
	    "\xa1\x9c \xeb\x8b\xa4\xea\xb0\x80\xec\x98\xac \xec\x88\x98 "
	    "\xec\x9e\x88\xeb\x8a\x94 \xec\x9d\xbc\xec\x9d\xb4\xeb\x8b"
	    "\xa4. \xeb\xac\xbc\xeb\xa1\xa0 \xec\x82\xac\xec\xa7\x84 \xec"
	    "\x86\x8d \xeb\x8b\xa4\xec\xa0\x95\xed\x96\x88\xeb\x8d\x98 "
	    "\xeb\xaa\xa8\xec\x8a\xb5\xec\xb2\x98\xeb\x9f\xbc \xec\x84"
	    "\x9c\xeb\xa1\x9c \xec\xa2\x8b\xec\x9d\x80 \xea\xb4\x80\xea"
	    "\xb3\x84\xec\x98\x80\xec\x9d\x84 \xeb\x95\x8c\n"
	    "\xeb\x8a\x94 \xec\x9d\xb4\xeb\x9f\xb0 \xec\x82\xac\xec\xa0"
	    "\x81\xec\x9d\xb8 \xec\x82\xac\xec\xa7\x84\xeb\x93\xa4\xec"
	    "\x9d\xb4 \xed\x95\x98\xeb\x82\x98\xec\x9d\x98 \xec\xb6\x94"
	    "\xec\x96\xb5\xec\x9d\xb4 \xeb\x90\xa0 \xec\x88\x98 \xec\x9e"
	    "\x88\xec\x9d\x84 \xea\xb2\x8c\xeb\x8b\xa4. \xed\x95\x98\xec"
	    "\xa7\x80\xeb\xa7\x8c \xea\xb4\x80\xea\xb3\x84\xea\xb0\x80 "
	    "\xed\x8b\x80\xec\x96\xb4\xec\xa7\x80\xea\xb3\xa0 \xeb\x82"
	    "\x98\xec\x84\x9c \xea\xb3\xb5\xec\xa0\x81\xec\x9c\xbc\xeb"
	    "\xa1\x9c \xed\x8f\xad\xeb\xa1\x9c\xeb\x90\x98\n";
	struct text_doc *d = text_segment(s, sizeof(s) - 1);

	(void)state;
	assert_int_equal(d->n, 1);
	assert_non_null(strstr(d->items[0].s,
	    "\xec\x82\xac\xeb\x9e\x8c\xeb\x93\xa4\xec\x97\x90"
	    "\xea\xb2\x8c\xeb\x8f\x84 \xec\x9d\xbc\xec\xa2\x85"
	    "\xec\x9d\x98"));
	text_doc_free(d);
}

/* A w3m render of a teacher's blog post (grossefragen.wordpress.com,
 * trafeval-dev): the lead paragraph, a numbered list of four items,
 * then the rest of the post. The lead is the article's, above its
 * list: the region is moved back over the list to it. */
static void
test_extract_lead_over_list(void **state)
{
	const char *s =
	    "W\xc3\xbcrde des Lebens \xe2\x80\x93 ein Projekt\n"
	    "\n"
	    "Ver\xc3\xb6" "ffentlicht am 13. M\xc3\xa4rz 2019 von Michael Veese"
	    "r-Dombrowski\n"
	    "\n"
	    "Dieses Thema eignet sich gut f\xc3\xbcr hoch individualisiertes Le"
	    "rnen und die Unterrichtsmethode\n"
	    "\xe2\x80\x9e" "bloggen\xe2\x80\x9c. \xc2\xa0Um den Anspruch nicht "
	    "zu hoch zu schrauben, gibt es \xc2\xa0" "dazwischen vier Anregunge"
	    "n:\n"
	    "\n"
	    " 1. Hinweise zu einer erfolgreichen Recherche (mit Zitationsregeln"
	    ") und zur Textgestaltung\n"
	    " 2. das j\xc3\xbc" "disch-christliches Menschenbild\n"
	    " 3. die allgemeine Erkl\xc3\xa4rung der Menschenrechte\n"
	    " 4. Hinweise zur (Selbst-)Reflexion.\n"
	    "\n"
	    "Jede Sch\xc3\xbclerinnen / jeder Sch\xc3\xbcler besch\xc3\xa4" "ft"
	    "igt sich mehrstufig mit dem Unterrichtsthema, entwickelt\n"
	    "\xe2\x80\x93 nach einer ersten Recherche \xe2\x80\x93 eine individ"
	    "uelle Leitfrage (LF) und dann fortlaufend einen eigenen\n"
	    "Text in zunehmend besserer, inhaltlicher Qualit\xc3\xa4t von circa"
	    " einer Din A 4-Seiten (einzeilig; 11\n"
	    "Punkt Arial): zweigeteilt in\n"
	    "\n"
	    "a) eine inhaltliche Antwort\n"
	    "b) Reflexion des Lernprozesses.\n"
	    "\n"
	    "Dazwischen ver\xc3\xb6" "ffentlicht jede Person eine Entwurfs-Vers"
	    "ion (E), der auch vom Lehrer kommentiert\n";
	struct nw_article *a;

	(void)state;
	a = extracted(s);
	assert_int_equal(strncmp(a->body, "Dieses Thema eignet sich", 24), 0);
	assert_non_null(strstr(a->body, "Jede Sch\xc3\xbclerinnen"));
	article_free(a);
}

/* Part of a lynx render of a live report of a speedway match
 * (sportowefakty.wp.pl, trafeval-dev): each heat's paragraph comes with
 * its number and time, the score and the riders, short lines that recur
 * with other digits in every heat. They are the report's, not the
 * page's furniture: the article starts at the first heat shown. */
static void
test_extract_live_report(void **state)
{
	const char *s =
	    "Fogo Unia Leszno - RM Solar Falubaz Zielona G\xc3\xb3ra\n\n"
	    "   19:03\n\n"
	    "   ZOBACZ WIDEO Bartosz Zmarzlik dosta\xc5\x82 pytanie o klubow"
	    "\xc4\x85 przysz\xc5\x82o\xc5\x9b\xc4\x87. Wymowny komentarz Polaka"
	    "\n\n"
	    "   Kosmetyka toru.\n"
	    "   Bieg 10 63.69 sek.\n"
	    "   Fogo Unia Leszno 41\n"
	    "   5 : 1\n"
	    "   19 RM Solar Falubaz Zielona G\xc3\xb3ra\n"
	    "     * Norbert Krakowiak 1\n"
	    "     * Bartosz Smekta\xc5\x82" "a 2\n"
	    "     * Patryk Dudek 0\n"
	    "     * Jaimon Lidsey 3\n\n"
	    "   Atomowy wyjazd spod ta\xc5\x9bmy Smekta\xc5\x82y. Na ko\xc5\x84"
	    "cu pierwszego okr\xc4\x85\xc5\xbc" "enia Lidsey przemkn\xc4\x85"
	    "\xc5\x82 po\n"
	    "   zewn\xc4\x99trznej obok Krakowiaka i by\xc5\x82o 5:1 dla gospod"
	    "arzy. Dudek daleko za plecami kolegi z\n"
	    "   pary.\n"
	    "   Bieg 9 63.69 sek.\n"
	    "   Fogo Unia Leszno 36\n"
	    "   3 : 3\n"
	    "   18 RM Solar Falubaz Zielona G\xc3\xb3ra\n"
	    "     * Emil Sajfutdinow 3\n"
	    "     * Rohan Tungate 1\n"
	    "     * Janusz Ko\xc5\x82odziej 0\n"
	    "     * Martin Vaculik 2\n\n"
	    "   Sajfutdinow atakowany na pierwszym k\xc3\xb3\xc5\x82ku przez pa"
	    "r\xc4\x99 Falubazu. Rosjanin spokojnie odpar\xc5\x82\n"
	    "   jednak te ataki i pewnie przewodzi\xc5\x82 stawce do samej mety"
	    ". Ko\xc5\x82odziej na trzecim okr\xc4\x85\xc5\xbc" "eniu\n"
	    "   zbli\xc5\xbcy\xc5\x82 si\xc4\x99 do trzeciego Tungate'a, ale ni"
	    "c nie zdzia\xc5\x82" "a\xc5\x82.\n"
	    "   Bieg 8 62.5 sek.\n"
	    "   Fogo Unia Leszno 33\n"
	    "   3 : 3\n"
	    "   15 RM Solar Falubaz Zielona G\xc3\xb3ra\n"
	    "     * Michael Jepsen Jensen 2\n"
	    "     * Piotr Pawlicki 3\n"
	    "     * Piotr Protasiewicz 1\n"
	    "     * Szymon Szlauderbach 0\n\n"
	    "   Pawlicki jest dzi\xc5\x9b poza zasi\xc4\x99giem rywali. Jepsen "
	    "Jensen stara\xc5\x82 si\xc4\x99 nap\xc4\x99" "dza\xc4\x87, ale na "
	    "nic si\xc4\x99\n"
	    "   to zda\xc5\x82o. K\xc5\x82opoty Szlauderbacha, kt\xc3\xb3ry szy"
	    "bko straci\xc5\x82 metry do trzeciego Protasiewicza.\n"
	    "   Unia ju\xc5\xbc o krok od awansu do fina\xc5\x82u.\n\n"
	    "   Defekt Protasiewicza tu\xc5\xbc po biegu. Kapitan Falubazu \"z"
	    "\xc5\x82" "apa\xc5\x82 gum\xc4\x99\".\n"
	    "   18:45\n\n"
	    "   Na szcz\xc4\x99\xc5\x9b" "cie przesta\xc5\x82o pada\xc4\x87.\n"
	    "   18:38\n\n"
	    "   Pi\xc4\x99" "ciu senior\xc3\xb3w Fogo Unii po dw\xc3\xb3" "ch s"
	    "eriach jest niepokonanych. Jedyne straty ponie\xc5\x9bli dzi\xc5"
	    "\x9b\n"
	    "   juniorzy Byk\xc3\xb3w. Nokaut.\n"
	    "   18:37\n\n"
	    "     * Szukamy wsp\xc3\xb3\xc5\x82pracownik\xc3\xb3w! Do\xc5\x82"
	    "\xc4\x85" "cz do redakcji \xc5\xbcu\xc5\xbclowej WP SportoweFakty!"
	    "\n\n"
	    "   18:37\n\n"
	    "   Wynik dwumeczu: 76:56 dla Fogo Unii Leszno.\n"
	    "   18:36\n\n"
	    "   ZOBACZ WIDEO \xc5\xbbu\xc5\xbc" "el. #MagazynBezHamulc\xc3\xb3w"
	    ". Termi\xc5\x84ska, Krakowiak, Murawski, Orkiszewska i\n"
	    "   Janiszewski go\xc5\x9b\xc4\x87mi Galewskiego!\n";
	struct nw_article *a;

	(void)state;
	a = extracted(s);
	assert_int_equal(strncmp(a->body, "Atomowy wyjazd", 14), 0);
	assert_non_null(strstr(a->body, "Pawlicki jest dzi"));
	assert_non_null(strstr(a->body, "Wynik dwumeczu: 76:56"));
	article_free(a);
}

/* A w3m render of a short police report (hildesheimer-presse.de,
 * trafeval-dev; the emergency numbers and ad slots between the report
 * and the footer cut), with the site's consent dialog after the footer:
 * four paragraphs of prose in one block, longer together than the
 * report. Body-like items of a block that holds four or more count half
 * their width: the report, one paragraph a block, is the article. */
static void
test_extract_crowded_block(void **state)
{
	const char *s =
	    "Hund vertreibt Einbrecher \xe2\x80\x93 Zeugenaufruf\n\n"
	    "Hildesheimer Presse 1. November 20231. November 2023 Bockenem, Nor"
	    "dstra\xc3\x9f" "e, Polizei\n\n"
	    "Am 31.10.2023, gegen 23:40 Uhr, kam es in der Nordstra\xc3\x9f" "e"
	    " in 31167 Bockenem zu einem versuchten\n"
	    "Wohnungseinbruchsdiebstahl.\n\n"
	    "Nach aktuellem Kenntnisstand schlug der Hund des Hausbewohners zur"
	    " o. g. Zeit pl\xc3\xb6tzlich an. Als der\n"
	    "Bewohner nach dem Rechten schauen wollte, erkannte er zwei dunkle "
	    "Gestalten, welche wegrannten. An\n"
	    "seiner Haupteingangst\xc3\xbcr stellte er au\xc3\x9f" "erdem eine "
	    "frische Hebelmarke fest. Umgehend alarmierte er\n"
	    "die Polizei.\n\n"
	    "Eine sofort eingeleitete Nahbereichsfahndung durch die eingesetzte"
	    "n Funkstreifenwagen verlief\n"
	    "negativ \xe2\x80\x93 die beiden Personen sind weiterhin fl\xc3\xbc"
	    "chtig.\n\n"
	    "Die Polizei Bad Salzdetfurth hat die Ermittlungen in hiesiger Sach"
	    "e aufgenommen. Zeugen, die\n"
	    "sachdienliche Hinweise geben k\xc3\xb6nnen, werden gebeten, sich u"
	    "nter der Telefonnummer 050639010 zu\n"
	    "melden.\n\n"
	    "erb/ots\n"
	    "Foto: dahancoo / Pixabay (Symbolbild)\n\n"
	    "Hinweis zu der Meldung\n"
	    "Diese Seite zeigt gesponserten Marketing-Inhalt, Quell- und Inform"
	    "ationslinks sowie extern\n"
	    "eingespielte Banner und Flash-Anzeigen.\n\n\n\n\n"
	    "Anzeigen\n\n"
	    "Beliebte Artikel\n\n"
	    "Service\n\n"
	    "  \xe2\x80\xa2 Hildesheimer Presse\n"
	    "  \xe2\x80\xa2 Stellenangebote\n"
	    "  \xe2\x80\xa2 Ihre Werbeanfrage\n"
	    "  \xe2\x80\xa2 RSS-FEED\n\n"
	    "Informationen\n\n"
	    "  \xe2\x80\xa2 Datenl\xc3\xb6schauftrag\n"
	    "  \xe2\x80\xa2 Datenschutz\n"
	    "  \xe2\x80\xa2 Impressum\n\n"
	    "Pressenetzwerk\n\n"
	    "  \xe2\x80\xa2 Celler Presse\n"
	    "  \xe2\x80\xa2 Barrierefreies Celle\n"
	    "  \xe2\x80\xa2 Hildesheimer Presse\n"
	    "  \xe2\x80\xa2 Uelzener Presse\n\n"
	    "  \xe2\x80\xa2  \n\n"
	    "Copyright \xc2\xa9 2023 Hildesheimer Presse. Alle Rechte vorbehalt"
	    "en.\n"
	    "Theme: ColorMag von ThemeGrill. Bereitgestellt von WordPress.\n"
	    " \n"
	    "Cookie-Zustimmung verwalten\n"
	    "Wir verwenden Technologien wie Cookies, um Ger\xc3\xa4teinformatio"
	    "nen zu speichern und/oder darauf\n"
	    "zuzugreifen. Wir tun dies, um das Browsing-Erlebnis zu verbessern "
	    "und um (nicht) personalisierte\n"
	    "Werbung anzuzeigen. Wenn du nicht zustimmst oder die Zustimmung wi"
	    "derrufst, kann dies bestimmte\n"
	    "Merkmale und Funktionen beeintr\xc3\xa4" "chtigen.\n"
	    "Funktional [ ] Funktional Immer aktiv\n"
	    "Die technische Speicherung oder der Zugang ist unbedingt erforderl"
	    "ich f\xc3\xbcr den rechtm\xc3\xa4\xc3\x9figen Zweck,\n"
	    "die Nutzung eines bestimmten Dienstes zu erm\xc3\xb6glichen, der v"
	    "om Teilnehmer oder Nutzer ausdr\xc3\xbc" "cklich\n"
	    "gew\xc3\xbcnscht wird, oder f\xc3\xbcr den alleinigen Zweck, die "
	    "\xc3\x9c" "bertragung einer Nachricht \xc3\xbc" "ber ein\n"
	    "elektronisches Kommunikationsnetz durchzuf\xc3\xbchren.\n"
	    "Vorlieben [ ] Vorlieben\n"
	    "Die technische Speicherung oder der Zugriff ist f\xc3\xbcr den rec"
	    "htm\xc3\xa4\xc3\x9figen Zweck der Speicherung von\n"
	    "Pr\xc3\xa4" "ferenzen erforderlich, die nicht vom Abonnenten oder "
	    "Benutzer angefordert wurden.\n"
	    "Statistiken [ ] Statistiken\n"
	    "Die technische Speicherung oder der Zugriff, der ausschlie\xc3\x9f"
	    "lich zu statistischen Zwecken erfolgt. \n"
	    "Die technische Speicherung oder der Zugriff, der ausschlie\xc3\x9f"
	    "lich zu anonymen statistischen Zwecken\n"
	    "verwendet wird. Ohne eine Vorladung, die freiwillige Zustimmung de"
	    "ines Internetdienstanbieters oder\n"
	    "zus\xc3\xa4tzliche Aufzeichnungen von Dritten k\xc3\xb6nnen die zu"
	    " diesem Zweck gespeicherten oder abgerufenen\n"
	    "Informationen allein in der Regel nicht dazu verwendet werden, dic"
	    "h zu identifizieren.\n"
	    "Marketing [ ] Marketing\n"
	    "Die technische Speicherung oder der Zugriff ist erforderlich, um N"
	    "utzerprofile zu erstellen, um\n"
	    "Werbung zu versenden oder um den Nutzer auf einer Website oder "
	    "\xc3\xbc" "ber mehrere Websites hinweg zu\n"
	    "\xc3\xa4hnlichen Marketingzwecken zu verfolgen.\n"
	    "Optionen verwalten Dienste verwalten Manage {vendor_count} vendors"
	    " Lese mehr \xc3\xbc" "ber diese Zwecke\n"
	    "Akzeptieren Ablehnen Einstellungen anzeigen Einstellungen speicher"
	    "n Einstellungen anzeigen\n"
	    "{title} {title} {title}\n"
	    "Zustimmung verwalten\n";
	struct nw_article *a;

	(void)state;
	a = extracted(s);
	assert_int_equal(strncmp(a->body, "Am 31.10.2023, gegen", 20), 0);
	assert_non_null(strstr(a->body, "Die Polizei Bad Salzdetfurth"));
	assert_null(strstr(a->body, "technische Speicherung"));
	article_free(a);
}

/* Paragraphs that end without a stop next to the region are the
 * article's (an AEB report in w3m: its lead and second paragraph have
 * none); the headline above them and a run of 24 menu labels
 * under the article (words without a stop, but few in lower case) are
 * not. */
static void
test_extract_prose_edges(void **state)
{
	const char *s =
	    "  \xe2\x80\xa2 Home\n"
	    "  \xe2\x80\xa2 Latest\n"
	    "  \xe2\x80\xa2 Politics\n"
	    "\n"
	    "BREAKING NEWS: Chelsea Activate \xc2\xa3" "71.6m Release Clause "
	    "To Sign Kepa Arrizabalaga From Athletic\n"
	    "Bilbao\n"
	    "\n"
	    "LinkNaija August 08, 2018\n"
	    "[INS::INS]\n"
	    "Chelsea have this morning paid the \xc2\xa3" "71.6million fee "
	    "to the Spanish league this morning to secure\n"
	    "the world record signing of Athletic Bilbao keeper Kepa "
	    "Arrizabalaga\n"
	    "[vc]\n"
	    "\n"
	    "This has freed of the \xc2\xa3" "38million move of Thibaut "
	    "Courtois to Real Madrid\n"
	    "\n"
	    "Kepa Arrizabalaga will undergo a medical st Stamford Bridge "
	    "today ahead of making the move which\n"
	    "will see him become the most expensive keeper in history.\n"
	    "\n"
	    "The 23-year-old flew to London yesterday evening and will "
	    "spend the day completing the formalities\n"
	    "of the deal, which Chelsea hope to announce later today.\n"
	    "\n"
	    "Latest News Sport News Politics World Africa Business "
	    "Technology Entertainment Lifestyle Health\n"
	    "Science Travel Video Opinion Live Events Podcasts Newsletters "
	    "Archive Contact Us\n"
	    "\n"
	    "Do you want to be informed of our club's actions? Sign up "
	    "here\n"
	    "\n"
	    "Tags:\n"
	    "Latest News SPORT NEWS\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_non_null(strstr(a->body, "Chelsea have this morning paid"));
	assert_non_null(strstr(a->body, "This has freed of the"));
	assert_non_null(strstr(a->body, "announce later today."));
	assert_null(strstr(a->body, "BREAKING NEWS"));
	assert_null(strstr(a->body, "Sign up"));
	assert_null(strstr(a->body, "Latest News"));
	assert_null(strstr(a->body, "Podcasts"));
	article_free(a);
}

/* The ends of two renders whose last paragraph is the author's bio, after
 * a gap that names the author: toptal.com (trafeval-dev, w3m), where the
 * name is the byline at the top too, and an AEB blog post in Portuguese
 * (w3m), whose bio names its author in full. The article's last
 * paragraphs stay. */
static void
test_extract_author_bio(void **state)
{
	const char *twice =
	    "Buggy Python Code: The 10 Most Common Mistakes That Python"
	    " Developers Make\n"
	    "\n"
	    "Martin Chikilian\n"
	    "Martin is a full-stack engineer and has worked as a profes"
	    "sional Python developer since 2007.\n"
	    "\n"
	    "About Python\n"
	    "\n"
	    "Python is an interpreted, object-oriented, high-level prog"
	    "ramming language with dynamic semantics.\n"
	    "Its high-level built in data structures, combined with dyn"
	    "amic typing and dynamic binding, make it\n"
	    "very attractive for Rapid Application Development, as well"
	    " as for use as a scripting or glue\n"
	    "language to connect existing components or services. Pytho"
	    "n supports modules and packages, thereby\n"
	    "\n"
	    "Wrap-up\n"
	    "\n"
	    "Python is a powerful and flexible language with many mecha"
	    "nisms and paradigms that can greatly\n"
	    "improve productivity. As with any software tool or languag"
	    "e, though, having a limited understanding\n"
	    "or appreciation of its capabilities can sometimes be more "
	    "of an impediment than a benefit, leaving\n"
	    "one in the proverbial state of \xe2\x80\x9cknowing enough "
	    "to be dangerous\xe2\x80\x9d.\n"
	    "\n"
	    "Familiarizing oneself with the key nuances of Python, such"
	    " as (but by no means limited to) the\n"
	    "moderately advanced programming problems raised in this ar"
	    "ticle, will help optimize use of the\n"
	    "language while avoiding some of its more common errors.\n"
	    "\n"
	    "You might also want to check out our Insider\xe2\x80\x99s "
	    "Guide to Python Interviewing for suggestions on\n"
	    "interview questions that can help identify Python experts."
	    "\n"
	    "\n"
	    "We hope you\xe2\x80\x99ve found the pointers in this artic"
	    "le helpful and welcome your feedback.\n"
	    "\n"
	    "Tags\n"
	    "\n"
	    "Python\n"
	    "\n"
	    "Martin Chikilian\n"
	    "\n"
	    "Python Software Engineer\n"
	    "\n"
	    "About the author\n"
	    "\n"
	    "Martin has worked as a professional Python developer since"
	    " 2007, although his career in IT began in\n"
	    "2001. He is a full-stack engineer, having administered ope"
	    "rating systems and networks for so many\n"
	    "years. His recent interests are web-development and Python"
	    " (namely with Django).\n"
	    "\n"
	    "Hire Martin\n"
	    "\n"
	    "Comments\n";
	const char *named =
	    "Tudo isso que estou dizendo \xc3\xa9 muito comum aqui tamb"
	    "\xc3\xa9m para os professores que trabalham na\n"
	    "pr\xc3\xa9-escola. Estou aqui numa se\xc3\xa7\xc3\xa3o de "
	    "recursos de ensino, na qual h\xc3\xa1 v\xc3\xa1rios profes"
	    "sores comprando\n"
	    "materiais que eles utilizam com seus alunos em sala de aul"
	    "a.\n"
	    "\n"
	    "Ent\xc3\xa3o \xc3\xa9 isso!\n"
	    "\n"
	    "Espero que voc\xc3\xaa tenha gostado de conhecer alguns do"
	    "s materiais desta loja e tamb\xc3\xa9m que voc\xc3\xaa afa"
	    "ste\n"
	    "definitivamente de sua cabe\xc3\xa7"
	    "a essas id\xc3\xa9ias tolas sobre prepara\xc3\xa7\xc3\xa3o"
	    " de crian\xc3\xa7"
	    "as pequenas para a\n"
	    "alfabetiza\xc3\xa7\xc3\xa3o.\n"
	    "\n"
	    "Um forte abra\xc3\xa7o, fique com Deus e at\xc3\xa9 a pr"
	    "\xc3\xb3xima.\n"
	    "\n"
	    "\xe2\x94\x81\xe2\x94\x81\xe2\x94\x81\xe2\x94\x81\xe2\x94"
	    "\x81\xe2\x94\x81\xe2\x94\x81\xe2\x94\x81\xe2\x94\x81\xe2"
	    "\x94\x81\xe2\x94\x81\xe2\x94\x81\xe2\x94\x81\xe2\x94\x81"
	    "\xe2\x94\x81\xe2\x94\x81\xe2\x94\x81\xe2\x94\x81\xe2\x94"
	    "\x81\xe2\x94\x81\n"
	    "\n"
	    "Deixe suas d\xc3\xbavidas e opini\xc3\xb5"
	    "es aqui embaixo! Obrigado por compartilhar nosso conte\xc3"
	    "\xba"
	    "do!\n"
	    "\n"
	    "Receba em seu email nosso ebook \xe2\x80\x9c"
	    "As 5 Etapas para Alfabetizar seus Filhos em Casa\xe2\x80"
	    "\x9d, um guia\n"
	    "completo e totalmente gratuito para introduzir seus filhos"
	    " no universo da Alfabetiza\xc3\xa7\xc3\xa3o. Clique\n"
	    "aqui: https://goo.gl/FDS4xU.\n"
	    "\n"
	    "Sobre Carlos Nadalim\n"
	    "\n"
	    "Carlos Nadalim\n"
	    "\n"
	    "Pai de Francesco e Teresa e marido de B\xc3\xa1rbara, Carl"
	    "os Nadalim \xc3\xa9 tamb\xc3\xa9m coordenador pedag\xc3"
	    "\xb3gico na\n"
	    "escola Mundo do Bal\xc3\xa3o M\xc3\xa1gico, em Londrina, c"
	    "idade onde mora. Junto com Arno Alc\xc3\xa2ntara, \xc3\xa9"
	    "\n"
	    "co-fundador do blog \"Como Educar seus Filhos\", em que pu"
	    "blica v\xc3\xad"
	    "deos, entrevistas e artigos com\n"
	    "dicas para os pais sobre educa\xc3\xa7\xc3\xa3o infantil, "
	    "especialmente no tocante \xc3\xa0 alfabetiza\xc3\xa7\xc3"
	    "\xa3o domiciliar. J\xc3\xa1\n"
	    "ensinou, pela internet, 1630 pais e m\xc3\xa3"
	    "es a alfabetizarem seus filhos em casa, por meio do curso"
	    "\n"
	    "\"Ensine seus Filhos a Ler - Pr\xc3\xa9-alfabetiza\xc3\xa7"
	    "\xc3\xa3o\" .\n"
	    "\n"
	    "Facebook\n";
	struct nw_article *a;

	(void)state;
	a = extracted(twice);
	assert_non_null(strstr(a->body, "welcome your feedback."));
	assert_null(strstr(a->body, "Martin has worked"));
	article_free(a);
	a = extracted(named);
	assert_non_null(strstr(a->body, "Um forte abra\xc3\xa7o"));
	assert_null(strstr(a->body, "Pai de Francesco"));
	article_free(a);
}

/* A lead paragraph over its byline, date, photo caption and credit and a
 * table of contents (impulse.de, trafeval-dev, w3m): the region goes
 * back over them all to the lead, and the headline is the article's,
 * not the list's heading. The lead, over the byline, is the standfirst
 * (text_deck_over_anchor()). */
static void
test_extract_lead_over_caption(void **state)
{
	const char *s =
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
	    "Kind krank ist.\n"
	    "\n"
	    "\xc2\xa9 complize / photocase.de\n"
	    "\n"
	    "Inhalt: Das erwartet Sie in diesem Artikel\n"
	    "\n"
	    "  \xe2\x80\xa2 Wann Eltern den Arbeitsplatz verlassen d"
	    "\xc3\xbcrfen\n"
	    "  \xe2\x80\xa2 Altersgrenze f\xc3\xbcr Kinder\n"
	    "  \xe2\x80\xa2 Anspruch auf Kinderkrankentage\n"
	    "  \xe2\x80\xa2 Entgeltfortzahlung\n"
	    "  \xe2\x80\xa2 Kinderkrankengeld\n"
	    "  \xe2\x80\xa2 L\xc3\xa4ngere Krankheitszeiten\n"
	    "  \xe2\x80\xa2 Mehrere Familienmitglieder krank\n"
	    "  \xe2\x80\xa2 Ausf\xc3\xa4lle abfedern\n"
	    "\n"
	    "D\xc3\xbcrfen Eltern ihren Arbeitsplatz verlassen, wenn ih"
	    "r Kind krank ist?\n"
	    "\n"
	    "F\xc3\xbcr Eltern von kleinen Kindern eine typische Situat"
	    "ion: Die Kita ruft an, das Kind hat Fieber oder\n"
	    "Durchfall und muss sofort abgeholt werden. In Zeiten von C"
	    "orona hat sich die Situation noch\n"
	    "versch\xc3\xa4rft, eine leichte Schnupfnase reicht, und di"
	    "e Kinder werden nach Hause geschickt.\n"
	    "\n"
	    "\xe2\x80\x9eIn so einem Fall darf der Mitarbeiter seinen A"
	    "rbeitsplatz verlassen, um sich um sein krankes Kind\n"
	    "zu k\xc3\xbcmmern \xe2\x80\x93 wenn keine andere im Hausha"
	    "lt lebende Person die Betreuung \xc3\xbc"
	    "bernehmen kann\xe2\x80\x9c, sagt\n"
	    "Kathrin B\xc3\xbcrger, Fachanw\xc3\xa4ltin f\xc3\xbcr Arbe"
	    "itsrecht bei der Kanzlei Beiten Burkhardt. Der Mitarbeiter"
	    "\n"
	    "muss seinen Vorgesetzten nat\xc3\xbcrlich dar\xc3\xbc"
	    "ber informieren, dass er nach Hause geht.\n"
	    "\n"
	    "Gibt es dabei eine Altersgrenze f\xc3\xbcr die Kinder?\n"
	    "\n"
	    "Da ist die Gesetzgebung nicht eindeutig. Paragraf 45 Sozia"
	    "lgesetzbuch F\xc3\xbcnftes Buch (SGB V), der die\n"
	    "Zahlung von Krankengeld regelt, zielt nur auf Kinder ab, d"
	    "ie das zw\xc3\xb6lfte Lebensjahr noch nicht\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_non_null(a->title);
	assert_int_equal(strncmp(a->title, "Kind krank Was", 14), 0);
	/* over its byline and date, the lead is the standfirst (round 22) */
	assert_non_null(a->subtitle);
	assert_non_null(strstr(a->subtitle, "Wie viele Tage im Jahr"));
	assert_non_null(strstr(a->body, "Gibt es dabei eine Altersgrenze"));
	assert_null(strstr(a->body, "complize"));
	article_free(a);
}

/* The dpa paragraph that rnz.de shows twice (w3m). */
#define TEXT_RNZ_DPA \
	    "Frankfurt/Main (dpa) - F\xc3\xbcr einen Roman \xc3\xbc" \
	    "ber die alte Bundesrepublik hat Frank Witzel den Deutschen" \
	    "\n" \
	    "Buchpreis 2015 erhalten. Das Buch mit dem Titel \xc2\xab" \
	    "Die Erfindung der Roten Armee Fraktion durch einen\n" \
	    "manisch-depressiven Teenager im Sommer 1969\xc2\xbb wurde " \
	    "in Frankfurt als beste literarische\n" \
	    "Neuerscheinung des Jahres im deutschsprachigen Raum ausgez" \
	    "eichnet. Der Autor schildert darin in\n" \
	    "einer Vielzahl von Episoden und Fragmenten die Nachkriegsz" \
	    "eit aus der Sicht eines 13-J\xc3\xa4hrigen im\n" \
	    "Wiesbadener Ortsteil Biebrich. Der Deutsche Buchpreis, 200" \
	    "5 erstmals vergeben, gilt als wichtigste\n" \
	    "Auszeichnung der Branche.\n"

/* A page whose one paragraph of news the render shows twice (a summary
 * over the article that is the article itself: rnz.de, w3m): the
 * paragraph outweighs every other body-like item, so it is the article,
 * not the paywall pitch under it. */
static void
test_extract_repeated_only(void **state)
{
	const char *s =
	    "Frank Witzel erh\xc3\xa4lt Deutschen Buchpreis 2015\n"
	    "\n"
	    TEXT_RNZ_DPA
	    "\n"
	    "Noch 10 Gratis-Artikel diesen Monat. RNZonline Angebote\n"
	    " \n"
	    "12.10.2015, 19:16 Uhr\n"
	    "\n"
	    TEXT_RNZ_DPA
	    "\n"
	    "\n"
	    "RNZ-WHATSAPP-Newsletter\n"
	    "\xc2\xa9 by WhatsBroadcast\n"
	    "Weiter Infos lesen hier \xc2\xbb\n"
	    "Artikel versenden Artikel drucken Artikel vorlesen\n"
	    "\n"
	    "  \xe2\x80\xa2 Artikel versenden\n"
	    "  \xe2\x80\xa2 \n"
	    "  \xe2\x80\xa2 Share on Facebook\n"
	    "  \xe2\x80\xa2 Tweet\n"
	    "\n"
	    "*\n"
	    "[schwalbe]\n"
	    "\n"
	    "Alles kostenlos?\n"
	    "\n"
	    "Guter Journalismus kostet Geld. Deshalb bietet die RNZ das"
	    " RNZonline-Abo an. Qualit\xc3\xa4t ist unser\n"
	    "Markenzeichen.\n"
	    "\n"
	    "Ihre RNZ.\n"
	    "\n"
	    "Mehr Infos hier...\n"
	    "\n";
	struct nw_article *a = extracted(s);
	const char *p;

	(void)state;
	p = strstr(a->body, "Frankfurt/Main (dpa) - F\xc3\xbcr einen Roman");
	assert_non_null(p);
	assert_null(strstr(p + 1, "Frankfurt/Main (dpa)"));
	assert_non_null(strstr(a->body, "Auszeichnung der Branche."));
	assert_null(strstr(a->body, "Guter Journalismus"));
	article_free(a);
}
#undef TEXT_RNZ_DPA

/* The heading of a blog's comment thread that counts the replies to the
 * post's title ("11 Antworten zu 'Title'", frolleinherr.com, lynx: in
 * one block with the first comment, so not a heading that stands alone)
 * ends the article like any thread's heading. */
static void
test_extract_count_of_title(void **state)
{
	const char *s =
	    "Sunday Thoughts: Ein wenig lost, aber immer noch da!\n"
	    "\n"
	    "   Kolumne: Auf zu neuen Ufern (oder so \xc3\xa4hnlich)\n"
	    "\n"
	    "   darauf kann ich stolz sein. Deshalb m\xc3\xb6"
	    "chte ich, statt mich zu verbiegen, wieder mit mir\n"
	    "   selbst connecten und dadurch auch mit euch.\n"
	    "\n"
	    "   Das, was ich tue, ist n\xc3\xa4mlich nicht ausschlie"
	    "\xc3\x9flich ein Zahlen-Business. Es ist ein\n"
	    "   Menschen-Business. Und das hat die Influencer-Industrie"
	    " meiner Meinung nach ein wenig aus\n"
	    "   den Augen verloren.\n"
	    "\n"
	    "   Statt einer abschlie\xc3\x9f"
	    "enden motivierenden Weisheit, die ich euch heute leider ni"
	    "cht mit auf\n"
	    "   den Weg geben kann, m\xc3\xb6"
	    "chte ich diesen Text lieber offen lassen. Ich wei\xc3\x9f "
	    "nicht was kommt\n"
	    "   und damit versuche ich gerade meinen Frieden zu machen."
	    " Ich bin ein Mensch, bin ein wenig\n"
	    "   lost, aber ich bin immer noch da. Und ich habe definiti"
	    "v vor auch zu bleiben \xe2\x80\x93 nur als was\n"
	    "   oder wer, das muss ich erst noch herausfinden.\n"
	    "\n"
	    "   Quote im Header: @_youthclub\n"
	    "\n"
	    "   [23]Content Creator, [24]Influencer, [25]Instagram, [26"
	    "]Kolumne, [27]Mental Health,\n"
	    "   [28]Sunday Thoughts, [29]Thoughts\n"
	    "\n"
	    "11 Antworten zu \xe2\x80\x9cSunday Thoughts: Ein wenig los"
	    "t, aber immer noch da!\xe2\x80\x9d\n"
	    "\n"
	    "    1.\n"
	    "   Aylin sagt:\n"
	    "       [30]20. November 2022 um 10:36 Uhr\n"
	    "       Liebe Karo,\n"
	    "       danke f\xc3\xbcr deine Ehrlichkeit! Ich kann mir vo"
	    "rstellen, dass es einigen Content-Creatorn\n"
	    "       \xc3\xa4hnlich geht zur Zeit.\n"
	    "       Ich mag deinen Content sehr und bin mir sicher, das"
	    "s es sich f\xc3\xbcr dich bald wieder zum\n"
	    "       Positiven wenden wird \xe2\x80\x93 in was f\xc3\xbc"
	    "r einer Form auch immer. \xf0\x9f\x92\x9e\n"
	    "       [31]Antworten\n"
	    "          +\n"
	    "        Karoline Herr sagt:\n"
	    "            [32]20. November 2022 um 11:08 Uhr\n"
	    "            Danke liebste Aylin! Es tut sehr gut damit off"
	    "en gewesen zu sein und damit auch\n"
	    "            wieder ehrlicher mit euch sein zu k\xc3\xb6nne"
	    "n. Von Herzen Danke f\xc3\xbcr deine lieben Worte\n"
	    "            und die Treue <3\n"
	    "            [33]Antworten\n"
	    "    2.\n"
	    "   Birgit sagt:\n"
	    "       [34]20. November 2022 um 12:12 Uhr\n"
	    "       Liebe Karoline,\n"
	    "       wenn du nicht auf Insta w\xc3\xa4rst, w\xc3\xbcrde "
	    "viel fehlen. Die perfekte Welt hilft niemandem\n"
	    "       weiter. Wenn du f\xc3\xbcr die Weltherrschaft kandi"
	    "dierst sag Bescheid. Ich w\xc3\xbcrde dich w\xc3\xa4hlen."
	    "\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_non_null(strstr(a->body, "immer noch da. Und ich habe"));
	assert_null(strstr(a->body, "Antworten zu"));
	assert_null(strstr(a->body, "Liebe Karo"));
	article_free(a);
}

/* The last paragraph over an agency's sign-off ("(KNA, DR)") is the
 * article's, not a photo's caption over its credit: it stands right
 * under another paragraph (domradio.de, w3m). */
static void
test_extract_paragraph_over_signoff(void **state)
{
	const char *s =
	    "Irme Stetter-Karp ist neue ZdK-Pr\xc3\xa4sidentin\n"
	    "\n"
	    "Irme Stetter-Karp ist mit gro\xc3\x9f"
	    "er Mehrheit zur neuen Pr\xc3\xa4sidentin des Zentralkomitees"
	    " der deutschen\n"
	    "Katholiken gew\xc3\xa4hlt worden. Bei der ZdK-Vollversammlu"
	    "ng in Berlin erhielt sie am Freitag 149\n"
	    "Stimmen. F\xc3\xbcr ihren Gegenkandidaten Ulrich Hemel vot"
	    "ierten 41 Delegierte.\n"
	    "\n"
	    "Nicht \"weiter ins Abseits\" spielen\n"
	    "\n"
	    "Zugleich mahnte sie: \"Die binnenkirchliche Debatte darf "
	    "uns nicht aufsaugen\". Die Katholiken\n"
	    "k\xc3\xb6nnten es sich nicht leisten, sich \"weiter ins Ab"
	    "seits zu spielen\". Gesellschaftspolitisch betonte\n"
	    "sie die Notwendigkeit nationalen Solidarit\xc3\xa4t gerade "
	    "vor dem Hintergrund der Corona-Pandemie. Aber\n"
	    "auch internationale Solidarit\xc3\xa4t sei n\xc3\xb6tig.\n"
	    "Insgesamt solle die Themensetzung aber st\xc3\xa4rker durch"
	    " das gesamte Pr\xc3\xa4sidium geschehen. Das ZdK solle\n"
	    "als Dialogpartner auftreten; sie selbst stehe f\xc3\xbcr e"
	    "inen kollegialen Stil des ZdK-Pr\xc3\xa4sidiums.\n"
	    "\n"
	    "(KNA, DR)\n"
	    "\n"
	    "Zentralkomitee der deutschen Katholiken\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_non_null(strstr(a->body, "internationale Solidarit"));
	assert_non_null(strstr(a->body, "Insgesamt solle"));
	assert_null(strstr(a->body, "(KNA, DR)"));
	article_free(a);
}

/* The offer box, which the page shows under the abstract and again at
 * its end. */
#define TEXT_SPRINGER_OFFER \
	"Access options\n" \
	"\n" \
	"Buy single article\n" \
	"\n" \
	"Instant access to the full article PDF.\n" \
	"\n" \
	"37,40 \xe2\x82\xac\n" \
	"\n" \
	"Price includes VAT for Germany\n" \
	"\n" \
	"[Buy article PDF]\n" \
	"Subscribe to journal\n" \
	"\n" \
	"Immediate online access to all issues from 2019. Subscriptio" \
	"n will auto renew annually.\n" \
	"\n" \
	"71,04 \xe2\x82\xac\n" \
	"\n" \
	"Price includes VAT for Germany\n" \
	"\n" \
	"[Buy journal subscription]\n"

/* An offer the page shows twice (its sentences repeated, between price
 * tags and buttons) is no body inside the region, while the region
 * spans it from the abstract to the references (link.springer.com,
 * w3m). */
static void
test_extract_repeated_box(void **state)
{
	const char *s =
	    "Purpose of the Review\n"
	    "\n"
	    "The purpose of the review is to summarise the various drugs "
	    "used in rheumatology practice\n"
	    "implicated in the causation of DRESS syndrome.\n"
	    "\n"
	    "Recent Findings\n"
	    "\n"
	    "The most commonly reported drugs are allopurinol, sulfasalaz"
	    "ine and minocycline, which pose a very\n"
	    "high risk for DRESS syndrome development, followed by stront"
	    "ium ranelate and dapsone. Other, less\n"
	    "commonly reported, drugs include leflunomide, hydroxychloroq"
	    "uine, non-steroidal anti-inflammatory\n"
	    "drugs, febuxostat, bosentan and solcitinib. Reaction to some"
	    " drugs is strongly associated with\n"
	    "certain HLA alleles, which may be used to screen patients at"
	    " risk of serious toxicity.\n"
	    "\n"
	    "Summary\n"
	    "\n"
	    "DRESS syndrome is a serious reaction to many drugs used in r"
	    "heumatic diseases, with a potentially\n"
	    "fatal outcome and needs to be considered in any patient star"
	    "ted on these medications who presents\n"
	    "with a rash, fever and eosinophilia, sometimes with internal"
	    " organ involvement.\n"
	    "\n"
	    "This is a preview of subscription content, log in to check a"
	    "ccess.\n"
	    "\n"
	    TEXT_SPRINGER_OFFER
	    "Rent this article via DeepDyve.\n"
	    "\n"
	    "Learn more about Institutional subscriptions\n"
	    "\n"
	    "\n"
	    "Fig. 1\n"
	    "[11926_2017]\n"
	    "\n"
	    "\n"
	    "Fig. 2\n"
	    "[11926_2017]\n"
	    "\n"
	    "References\n"
	    "\n"
	    "Papers of particular interest, published recently, have been"
	    " highlighted as: \xe2\x80\xa2\xe2\x80\xa2 Of major importanc"
	    "e\n"
	    "\n"
	    " 1. 1.\n"
	    "\n"
	    "    Shear NH, Spielberg SP. Anticonvulsant hypersensitivity "
	    "syndrome. In vitro assessment of risk.\n"
	    "    J Clin Investig. 1988;82(6):1826.\n"
	    "\n"
	    "    CAS\xc2\xa0 Article\xc2\xa0 PubMed\xc2\xa0 PubMed Centra"
	    "l\xc2\xa0 Google Scholar\xc2\xa0\n"
	    "\n"
	    " 2. 2.\n"
	    "\n"
	    "    Bocquet H, Bagot M, Roujeau J. Drug-induced pseudolympho"
	    "ma and drug hypersensitivity syndrome\n"
	    "    (Drug Rash with Eosinophilia and Systemic Symptoms: DRES"
	    "S). In Seminars in cutaneous medicine\n"
	    "    and surgery. 1996.\n"
	    "\n"
	    " 3. 3.\n"
	    "\n"
	    "    Peyriere H et al. Variability in the clinical pattern of"
	    " cutaneous side\xe2\x80\x90"
	    "effects of drugs with\n"
	    "    systemic symptoms: does a DRESS syndrome really exist? B"
	    "r J Dermatol. 2006;155(2):422\xe2\x80\x93"
	    "8.\n"
	    "\n"
	    "    CAS\xc2\xa0 Article\xc2\xa0 PubMed\xc2\xa0 Google Schola"
	    "r\xc2\xa0\n"
	    "\n"
	    " 4. 4.\n"
	    "\n"
	    "    Cacoub P, et al. The DRESS syndrome: a literature review"
	    ". 2011.\n"
	    "\n"
	    " 5. 5.\n"
	    "\n"
	    "    Fiszenson\xe2\x80\x90"
	    "Albala F et al. A 6\xe2\x80\x90month prospective survey of c"
	    "utaneous drug reactions in a\n"
	    "    hospital setting. Br J Dermatol. 2003;149(5):1018\xe2"
	    "\x80\x93"
	    "22.\n"
	    "\n"
	    "    Article\xc2\xa0 PubMed\xc2\xa0 Google Scholar\xc2\xa0\n"
	    "\n"
	    " 6. 6.\n"
	    "\n"
	    "    Muller P et al. Drug hypersensitivity syndrome in a West"
	    "\xe2\x80\x90Indian population. Eur J Dermatol.\n"
	    "    2003;13(5):478\xe2\x80\x93"
	    "81.\n"
	    "\n"
	    "    PubMed\xc2\xa0 Google Scholar\xc2\xa0\n"
	    "\n"
	    " 7. 7.\n"
	    "\n"
	    "    \xe2\x80\xa2\xe2\x80\xa2 Kardaun S et al. Drug reaction "
	    "with eosinophilia and systemic symptoms (DRESS): an original"
	    "\n"
	    "    multisystem adverse drug reaction. Results from the pros"
	    "pective RegiSCAR study. Br J Dermatol.\n"
	    "    2013;169(5):1071\xe2\x80\x93"
	    "80. This is a a large multinational prospective study over a"
	    " 6 year period\n"
	    "    which used a standardised scoring system.\n"
	    "\n"
	    " 8. 8.\n"
	    "\n"
	    "    Agier M, et al. Risk Assessment of drug\xe2\x80\x90induc"
	    "ed DRESS syndrome: a disproportionality analysis\n"
	    "    using French Pharmacovigilance Database. Br J Dermatol. "
	    "2016.\n"
	    "\n"
	    " 9. 9.\n"
	    "\n"
	    "    Dalbeth N, Stamp L. Allopurinol dosing in renal impairme"
	    "nt: walking the tightrope between\n"
	    "    adequate urate lowering and adverse events. In Seminars "
	    "in dialysis. Wiley Online Library;\n"
	    "    2007.\n"
	    "\n"
	    "\n"
	    TEXT_SPRINGER_OFFER;
	struct nw_article *a = extracted(s);

	(void)state;
	assert_non_null(strstr(a->body, "The most commonly reported drugs"));
	assert_non_null(strstr(a->body, "Shear NH, Spielberg SP."));
	assert_null(strstr(a->body, "Instant access to the full"));
	assert_null(strstr(a->body, "Immediate online access"));
	article_free(a);
}

#define TEXT_BLOGOFF_HEAD \
	"3 verr\xc3\xbc" "ckte Orte in Berlin\n" \
	"\n" \
	"Zum Video\n" \
	"\n" \
	"In Berlin lebe ich nun schon seit 9 Jahren und habe bereits jede " \
	"Menge Verr\xc3\xbc" "cktes erlebt.\n" \
	"Heute zeig ich euch daher im Video oben 3 der verr\xc3\xbc" \
	"cktesten Sachen, die man in der Hauptstadt\n" \
	"erleben kann. Viel Spa\xc3\x9f!\n" \
	"\n" \
	"Vielen Dank an die S-Bahn Berlin, die mich f\xc3\xbcr dieses " \
	"Video unterst\xc3\xbctzt hat, und mit der man all\n" \
	"diese Orte auch ganz bequem erreichen kann!\n" \
	"Hier gibt es mehr Infos zur VBB-Umweltmonatskarte.\n" \
	"\n" \
	"Und hier findet ihr die im Video genannten Attraktionen:\n"

/* A paragraph that ends with a colon announces the list under it:
 * the list is the article's, up to the link box under it (blogoff.de,
 * w3m). A bulleted list there is a box of links, and two items are no
 * list. */
static void
test_extract_colon_list(void **state)
{
	const char *s =
	    TEXT_BLOGOFF_HEAD
	    "Die Biosph\xc3\xa4re Potsdam\n"
	    "Vom S-Bahnhof Potsdam mit der Tram bis Haltestelle Vogelpark\n"
	    "\n"
	    "Crash Room\n"
	    "3 Minuten vom S-Bahnhof Ostkreuz\n"
	    "\n"
	    "Base Flying\n"
	    "2 Minuten vom S-Bahnhof Alexanderplatz\n"
	    "\n"
	    "\xc3\x84hnliche Beitr\xc3\xa4ge\n"
	    "\n"
	    " Nachfolgebeitrag: Was passiert hier eigentlich noch?\n"
	    " Vorg\xc3\xa4ngerbeitrag: Die Wahrheit \xc3\xbc" "ber Kondome\n";
	const char *links =
	    TEXT_BLOGOFF_HEAD
	    "     * Die Biosph\xc3\xa4re Potsdam\n"
	    "     * Crash Room\n"
	    "     * Base Flying\n";
	const char *two =
	    TEXT_BLOGOFF_HEAD
	    "Die Biosph\xc3\xa4re Potsdam\n"
	    "Vom S-Bahnhof Potsdam mit der Tram bis Haltestelle Vogelpark\n"
	    "\n"
	    "\xc3\x84hnliche Beitr\xc3\xa4ge\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_non_null(strstr(a->body, "Base Flying\n\n2 Minuten vom "
	    "S-Bahnhof Alexanderplatz"));
	assert_null(strstr(a->body, "Nachfolgebeitrag"));
	assert_null(strstr(a->body, "hnliche Beitr"));
	article_free(a);
	a = extracted(links);
	assert_null(strstr(a->body, "Crash Room"));
	article_free(a);
	a = extracted(two);
	assert_null(strstr(a->body, "Vogelpark"));
	article_free(a);
}

#define TEXT_GUARDIAN_BODY \
	"Thousands of academic staff at British universities are being " \
	"treated as second-class citizens on\n" \
	"precarious contracts, says a report highlighting the \xe2\x80\x9c" \
	"alarming rise of mass casualised labour\xe2\x80\x9d in\n" \
	"higher education.\n" \
	"\n" \
	"The report by the University and College Union claims " \
	"institutions have created a pool of low-paid\n" \
	"staff to teach undergraduates, conduct research and work in " \
	"libraries, despite having advanced\n" \
	"postgraduate or other academic qualifications.\n"

/* The Guardian shows a photo's caption, then the photo's label and the
 * caption with its credit: a caption pair past the label (w3m), or
 * with the label before the second caption (lynx), not a paragraph of
 * the article (theguardian.com). */
static void
test_extract_caption_pair_label(void **state)
{
	const char *w3m =
	    "Striking members of the UCU and other unions at University "
	    "College last year.\n"
	    "[ ]\n"
	    "Striking members of the UCU and other unions at University "
	    "College last year. Photograph: Guy\n"
	    "Smallman/Getty Images\n"
	    "\n"
	    TEXT_GUARDIAN_BODY;
	const char *lynx =
	    "   Striking members of the UCU and other unions at University "
	    "College last year.\n"
	    "\n"
	    "   [ ] Striking members of the UCU and other unions at "
	    "University College last year.\n"
	    "   Photograph: Guy Smallman/Getty Images\n"
	    "\n"
	    "   Thousands of academic staff at British universities are "
	    "being treated as second-class\n"
	    "   citizens on precarious contracts, says a report highlighting "
	    "the \xe2\x80\x9c" "alarming rise of mass\n"
	    "   casualised labour\xe2\x80\x9d in higher education.\n"
	    "\n"
	    "   The report by the University and College Union claims "
	    "institutions have created a pool\n"
	    "   of low-paid staff to teach undergraduates, conduct research "
	    "and work in libraries, despite\n"
	    "   having advanced postgraduate or other academic "
	    "qualifications.\n";
	const char *const renders[] = { w3m, lynx };

	(void)state;
	for (size_t k = 0; k < 2; k++) {
		struct nw_article *a = extracted(renders[k]);

		assert_null(strstr(a->body, "Striking"));
		assert_non_null(strstr(a->body, "Thousands of academic"));
		assert_int_equal(a->n_images, 1);
		assert_string_equal(a->images[0].credit,
		    "Guy Smallman/Getty Images");
		article_free(a);
	}
}

/* A link box between the lead and the rest of the article (w3m render of
 * a deutschlandfunk.de interview): its links are not the headline and the
 * standfirst, the walk up goes on past the box's heading to the lead. */
static void
test_extract_box_over_body(void **state)
{
	const char *s =
	    "StartseiteKulturfragen\"Wir dekorieren auf der Titanic die L"
	    "iegest\xc3\xbchle um\"01.05.2017\n"
	    "\n"
	    "Die Zukunft der Arbeit\"Wir dekorieren auf der Titanic die L"
	    "iegest\xc3\xbchle um\"\n"
	    "\n"
	    "Die Digitalisierung der Arbeitswelt werde Millionen Arbeitsp"
	    "l\xc3\xa4tze kosten, auch in Deutschland. Eine\n"
	    "Herausforderung, der sich die Gesellschaft noch nicht einmal"
	    " ansatzweise gestellt habe, sagte der\n"
	    "Publizist und Philosoph Richard David Precht im DLF. Auch in"
	    " Zukunft w\xc3\xbcrden Menschen noch arbeiten,\n"
	    "aber vielleicht nicht mehr f\xc3\xbcr Geld.\n"
	    "\n"
	    "Richard David Precht im Gespr\xc3\xa4"
	    "ch mit Karin Fischer\n"
	    "\n"
	    "Der Publizist und Philosoph Richard David Precht, aufgenomme"
	    "n am 24.11.2014 in K\xc3\xb6ln. (picture\n"
	    "alliance / dpa / Oliver Berg)\n"
	    "    \"Arbeiten werden die Menschen auch in Zukunft, aber sie"
	    " werden es vielleicht nicht mehr f\xc3\xbcr\n"
	    "    Geld tun\", sagt der Publizist und Philosoph Richard Dav"
	    "id Precht im DLF. (picture alliance /\n"
	    "    dpa / Oliver Berg)\n"
	    "\n"
	    "  \xe2\x80\xa2 E-Mail\n"
	    "  \xe2\x80\xa2 Teilen\n"
	    "  \xe2\x80\xa2 Tweet\n"
	    "  \xe2\x80\xa2 Pocket\n"
	    "  \xe2\x80\xa2 Drucken\n"
	    "  \xe2\x80\xa2 Podcast\n"
	    "\n"
	    "Mehr zum Thema\n"
	    "\n"
	    "Bedingungsloses Grundeinkommen Geld vom Staat f\xc3\xbcr all"
	    "e? - Pro & Contra\n"
	    "\n"
	    "Bedingungsloses Grundeinkommen Balsam f\xc3\xbcr den soziale"
	    "n Frieden\n"
	    "\n"
	    "Experiment in Finnland Bedingungsloses Grundeinkommen im Tes"
	    "t\n"
	    "\n"
	    "Ethik-Kommission eingesetzt Welche Entscheidungen darf ein s"
	    "elbstfahrendes Auto treffen?\n"
	    "\n"
	    "Tag der Arbeit \"Digitalisierung im Selbstlauf ist nicht die"
	    " Antwort\"\n"
	    "\n"
	    "\xc3\x96"
	    "ffentliche Sicherheit Untersch\xc3\xa4tzte Gefahren der Digi"
	    "talisierung\n"
	    "\n"
	    "Siemens-Managerin Die Angst vor der Digitalisierung nehmen\n"
	    "\n"
	    "Bestseller-Autor Yuval Harari Die Digitalisierung produziert"
	    " immer mehr \"Nutzlose\"\n"
	    "\n"
	    "Richard David Precht: \"Tiere denken\" Warum Fleisch aus der"
	    " Petrischale unsere Rettung ist\n"
	    "\n"
	    "Es ist nur eine Frage der Zeit, bis ann\xc3\xa4hernd die H"
	    "\xc3\xa4lfte der Menschen keinem normalen\n"
	    "Nine-to-five-Job mehr nachgeht, sagt der Philosoph Richard D"
	    "avid Precht, und f\xc3\xbcgt hinzu: \"Arbeiten\n"
	    "werden die Menschen auch in Zukunft. Aber sie werden es viel"
	    "leicht nicht mehr f\xc3\xbcr Geld tun, und sie\n"
	    "werden es vielleicht nicht mehr f\xc3\xbcr eine Firma tun un"
	    "d sie werden es nicht mehr in einem\n"
	    "Angestelltenverh\xc3\xa4ltnis tun.\"\n"
	    "\n"
	    "Seine Prognose in den \"Kulturfragen\" des Deutschlandfunks:"
	    " \"Was \xc3\xbc"
	    "brig bleibt, werden die Jobs sein,\n"
	    "in denen Menschen lieber mit Menschen zu tun haben, im Kinde"
	    "rgarten zum Beispiel oder in der\n"
	    "Schule. Auch in Zukunft werden unsere Kinder nicht von Robot"
	    "ern unterrichtet.\"\n"
	    "\n"
	    "Das Problem ist dabei nicht das selbstfahrende Auto, das lau"
	    "t Precht ebenso sicher kommt wie das\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_non_null(a->title);
	assert_string_equal(a->title, "Die Zukunft der Arbeit\"Wir dekorieren "
	    "auf der Titanic die Liegest\xc3\xbchle um\"");
	assert_non_null(a->subtitle);
	assert_true(strncmp(a->subtitle, "Die Digitalisierung der "
	    "Arbeitswelt", 35) == 0);
	assert_null(strstr(a->body, "Grundeinkommen Balsam"));
	article_free(a);
}

/* bayrische-bembel.de (w3m): the page's layout table drawn as it
 * stands, the sidebar's links and counters on the left of each line of
 * the article. The columns are set one under the other: the article's
 * paragraphs are whole, and the sidebar's "13 Besucher sind online"
 * is not in its last one. */
static void
test_extract_side_by_side(void **state)
{
	const char *s =
	    "Eintracht Frankfurt stellt die Weichen\n"
	    "\n"
	    "[160]                    Vorstandsvorsitzender Heribert Bruchh"
	    "agen: \xe2\x80\x9e""Es liegt mir sehr am\n"
	    "Downloads                Herzen, dass Eintracht Frankfurt auch"
	    " nach meinem Ausscheiden gut\n"
	    "                         aufgestellt sein wird. Die Beschl\xc3"
	    "\xbcsse des Aufsichtsrats sind daher im\n"
	    "Hintergrundbilder        besten Einvernehmen mit mir gefasst w"
	    "orden. Mit der\n"
	    "                         Vertragsverl\xc3\xa4ngerung von Bruno"
	    " H\xc3\xbc""bner m\xc3\xb6""chte ich sicherstellen, dass\n"
	    "[160]                    die gute Arbeit im sportlichen Bereic"
	    "h auch langfristig fortgesetzt\n"
	    "Impressum                wird.\xe2\x80\x9c\n"
	    "\n"
	    "Hinweise Kontakt         Der Vorsitzende des Aufsichtsrat Wolf"
	    "gang Steubing: \xe2\x80\x9eIch freue mich,\n"
	    "Impressum                dass es uns gelungen ist, f\xc3\xbcr "
	    "die Entwicklung von Eintracht Frankfurt\n"
	    "                         zentrale Verantwortungstr\xc3\xa4ger "
	    "an uns zu binden. Damit haben wir die\n"
	    "[160]                    wichtigen Gesch\xc3\xa4""ftsbereiche "
	    "langfristig in gute H\xc3\xa4nde \xc3\xbc""bergeben und die\n"
	    "Wer ist online           Fu\xc3\x9f""ball AG f\xc3\xbcr die Zu"
	    "kunft gut aufgestellt. Und wir stellen die\n"
	    "13 Besucher sind online  personelle Kontinuit\xc3\xa4t, die ei"
	    "n wesentlicher Erfolgsfaktor im Fu\xc3\x9f""ball\n"
	    "(8 Besucher halten sich  ist, sicher.\xe2\x80\x9c\n"
	    "im Bereich News auf.)\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_non_null(strstr(a->body, "Erfolgsfaktor im Fu\xc3\x9f""ball "
	    "ist, sicher."));
	assert_non_null(strstr(a->body, "Mit der Vertragsverl\xc3\xa4ngerung"));
	assert_null(strstr(a->body, "Besucher"));
	assert_null(strstr(a->body, "Hintergrundbilder"));
	article_free(a);
}

/* web.archive.org's banner over a blog's page (w3m): the collection's
 * note twice, with another line under each copy, outweighs the page's
 * one paragraph. Two items a few apart that part only after a shared
 * sentence are one text shown twice: repeated, not the article. */
static void
test_extract_banner_twice(void **state)
{
	const char *s =
	    "About this capture\n"
	    "COLLECTED BY\n"
	    "Organization: Alexa Crawls\n"
	    "Starting in 1996, Alexa Internet has been donating their crawl "
	    "data to the Internet Archive.\n"
	    "Flowing in every day, these data are added to the Wayback "
	    "Machine after an embargo period.\n"
	    "Collection: Alexa Crawls\n"
	    "Starting in 1996, Alexa Internet has been donating their crawl "
	    "data to the Internet Archive.\n"
	    "Flowing in every day, these data are added to the Wayback "
	    "Machine after an embargo period.\n"
	    "TIMESTAMPS\n"
	    "loading\n"
	    "\n"
	    "  \xe2\x80\xa2 Home\n"
	    "  \xe2\x80\xa2 Formulare\n"
	    "  \xe2\x80\xa2 Hilfe\n"
	    "\n"
	    "{orga your life} \xe2\x80\x93 das Leben organisieren\n"
	    "\n"
	    "Wenn der Tag mal wieder zu wenige Stunden hat, ist es hilfreich,"
	    " sich\n"
	    "ein wenig mit der eigenen Zeitplanung zu besch\xc3\xa4""ftigen. "
	    "Mehr aus der vorhandenen Zeit zu machen ist\n"
	    "n\xc3\xa4mlich gar nicht so einfach. Neben meinen Beitr\xc3\xa4"
	    "gen zur Zeitplanung siehst du hier auch\n"
	    "\xc3\xbc""bersichtlich alles zum Thema Finanzen organisieren und "
	    "Selbstmanagement.\n"
	    "\n"
	    "  \xe2\x80\xa2 Bullshit-Bingo im Haushalt\n"
	    "  \xe2\x80\xa2 Nachgefragt: Portemonnaie organisieren\n"
	    "  \xe2\x80\xa2 Top 5: Apps f\xc3\xbcr mehr Organisation\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_true(strncmp(a->body, "Wenn der Tag", 12) == 0);
	assert_null(strstr(a->body, "Alexa"));
	article_free(a);
}

/* zooroyal.de (w3m), shortened: a product's description, its details
 * announced with a colon as a list of short entries, and two
 * paragraphs under them; the newsletter's pitch at the foot of the page
 * outweighed each part alone. The list the page sets between its
 * paragraphs, bulleted (w3m) or numbered (lynx draws an ordered list
 * so), is the article's: its entries are body, and the pitch is not. A
 * menu under a heading with no colon stays out. */
static void
test_extract_article_list(void **state)
{
	static const char *const entries[] = {
	    "zweist\xc3\xb6""ckig", "aus lasiertem Kiefernholz",
	    "stabiles Metallgitter, pulverbeschichtet",
	    "Dach mit besandeter Dachpappe",
	    "verschlie\xc3\x9f""bare Bodenluke mit Kunststoffbeschichtung",
	    "erweiterbar durch natura Freilaufgehege",
	};
	const char *head =
	    "Kleintierstall mit Freilaufgehege\n"
	    "\n"
	    "Der Kaninchenstall mit Freigehege sorgt durch die eingebaute "
	    "Rampe jederzeit f\xc3\xbcr einen\n"
	    "Auslauf Ihres kleinen Lieblings. Er ist aus Kiefernholz "
	    "gefertigt.\n"
	    "\n"
	    "Artikeldetails:\n"
	    "\n";
	const char *tail =
	    "\n"
	    "Bitte Kaninchen stets gen\xc3\xbcgend Auslauf gew\xc3\xa4hren."
	    " Daher empfiehlt sich das Gehege.\n"
	    "\n"
	    "Bitte beachten Sie, dass die Dekoration nicht im Lieferumfang "
	    "enthalten ist.\n"
	    "\n"
	    "Sortiment\n"
	    "\n"
	    "  \xe2\x80\xa2 Hund\n"
	    "  \xe2\x80\xa2 Katze\n"
	    "  \xe2\x80\xa2 Aquaristik\n"
	    "  \xe2\x80\xa2 Kleintier\n"
	    "  \xe2\x80\xa2 Terraristik\n"
	    "  \xe2\x80\xa2 Vogel\n"
	    "  \xe2\x80\xa2 Pferd\n"
	    "  \xe2\x80\xa2 Marken\n"
	    "  \xe2\x80\xa2 Angebote\n"
	    "  \xe2\x80\xa2 Ratgeber\n"
	    "  \xe2\x80\xa2 Gutscheine\n"
	    "  \xe2\x80\xa2 Hilfe\n"
	    "  \xe2\x80\xa2 Versand\n"
	    "  \xe2\x80\xa2 Kontakt\n"
	    "  \xe2\x80\xa2 Karriere\n"
	    "\n"
	    "Pssst! Kennst du schon unseren Newsletter?\n"
	    "\n"
	    "Bei uns gibt es regelm\xc3\xa4\xc3\x9f""ig tolle Angebote, "
	    "Rabatte, Aktionen sowie Tipps rund um die\n"
	    "Haltung und Pflege deines Tieres. Melde dich jetzt an und "
	    "sichere dir einen Gutschein f\xc3\xbcr\n"
	    "deine n\xc3\xa4""chste Bestellung, die du bei uns aufgibst.\n";

	(void)state;
	for (int numbered = 0; numbered < 2; numbered++) {
		char s[4096];
		size_t n = (size_t)snprintf(s, sizeof(s), "%s", head);
		struct nw_article *a;

		for (size_t i = 0; i < sizeof(entries) / sizeof(entries[0]);
		    i++) {
			if (numbered)
				n += (size_t)snprintf(s + n, sizeof(s) - n,
				    "   %zu. %s\n", i + 1, entries[i]);
			else
				n += (size_t)snprintf(s + n, sizeof(s) - n,
				    "  \xe2\x80\xa2 %s\n", entries[i]);
		}
		snprintf(s + n, sizeof(s) - n, "%s", tail);
		a = extracted(s);
		assert_true(strncmp(a->body, "Der Kaninchenstall", 18) == 0);
		assert_non_null(strstr(a->body, "aus lasiertem Kiefernholz"));
		assert_non_null(strstr(a->body, "Lieferumfang"));
		assert_null(strstr(a->body, "Newsletter"));
		assert_null(strstr(a->body, "Katze"));
		article_free(a);
	}
}

/* lidl.de (w3m), shortened: a notice that the browser is too old over
 * the list of the browsers to use, one word each, between two of its
 * sentences. A list of one-word labels is a menu's, not the article's:
 * it stays out of the body even between paragraphs. */
static void
test_extract_one_word_list(void **state)
{
	const char *s =
	    "Der Browser wird leider nicht mehr unterst\xc3\xbctzt, das tut "
	    "uns sehr leid!\n"
	    "\n"
	    "Um die Website korrekt anzuzeigen, verwende bitte einen der "
	    "folgenden Browser:\n"
	    "\n"
	    "  \xe2\x80\xa2 Chrome\n"
	    "  \xe2\x80\xa2 Firefox\n"
	    "  \xe2\x80\xa2 Safari\n"
	    "  \xe2\x80\xa2 Edge\n"
	    "\n"
	    "Bitte aktualisiere deinen Browser, wenn du mit diesem Browser "
	    "fortf\xc3\xa4hrst, geht es nicht.\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_non_null(strstr(a->body, "Browser"));
	assert_null(strstr(a->body, "Firefox"));
	article_free(a);
}

/* gnaur.wordpress.com (w3m and lynx), shortened: a post of one
 * sentence, and under it the comment form, whose prompt and help (two
 * sentences) outweighed it. A paragraph over a form's field (w3m's
 * "[ ]" in its block, lynx's text area of runs of underscores) is the
 * field's prompt, not body-like; a rule (lynx's one run of underscores)
 * under a paragraph is no field. */
static void
test_classify_form_prompt(void **state)
{
	static const char *const field[] = {
	    "[                    ]\n",
	    "\n"
	    "   ________________________________________\n"
	    "   ________________________________________\n"
	    "   ________________________________________\n",
	};
	const char *head =
	    "\xe2\x80\x9eIch wei\xc3\x9f ich bin betrunken und sollte das "
	    "vielleicht nicht sagen\xe2\x80\xa6\xe2\x80\x9c\n"
	    "   ________________________________________________________\n"
	    "\n"
	    "Kommentar verfassen Antwort abbrechen\n"
	    "\n"
	    "Gib hier deinen Kommentar ein, wir freuen uns ...\n";

	(void)state;
	for (size_t k = 0; k < 2; k++) {
		char s[1024];
		struct text_doc *d;

		snprintf(s, sizeof(s), "%s%s", head, field[k]);
		d = text_segment(s, strlen(s));
		text_classify(d);
		assert_true(d->n > 3);
		assert_non_null(strstr(d->items[0].s, "betrunken"));
		assert_true(d->items[0].bodylike);
		assert_non_null(strstr(d->items[3].s, "Gib hier"));
		assert_false(d->items[3].bodylike);
		text_doc_free(d);
	}
}

/* Tables are not columns of a layout: a table of figures
 * (bafa.de) and one of marks (leichtathletik-ostalbkreis.de's high
 * jump, w3m) stay as they are, their rows read as rows. */
static void
test_segment_tables_stay(void **state)
{
	static const char *const s[] = {
	    "        Hauptprodukt          Januar bis November    Januar bis"
	    " November\n"
	    "         Rohbenzin           10,72 Mio. t           12,40 Mio. t"
	    "           15,7 %\n"
	    "       Ottokraftstoff        15,02 Mio. t           15,12 Mio. t"
	    "           0,7 %\n"
	    "      Dieselkraftstoff       32,23 Mio. t           32,28 Mio. t"
	    "           0,1 %\n"
	    "     Heiz\xc3\xb6l, EL normal       14,31 Mio. t           9,97 "
	    "Mio. t            - 30,3 %\n"
	    "     davon schwefelarm       13,66 Mio. t           9,45 Mio. t"
	    "            - 30,8 %\n"
	    "       Heiz\xc3\xb6l, schwer        0,78 Mio. t            1,12 "
	    "Mio. t            43,4 %\n",
	    "1.    -      -      -      -      -      -      o      o      o"
	    "      o      xo     xxx\n"
	    "2.    -      -      -      -      o      o      o      o      o"
	    "      xxx\n"
	    "3.    -      -      -      -      o      o      o      xxx\n"
	    "4.    o      o      o      xo     o      xxx\n"
	    "5.    o      o      o      o      xxx\n"
	    "6.    o      o      xo     o      xxx\n"
	    "7.    o      xxo    o      o      xxx\n"
	    "8.    -      o      o      xo     xxx\n",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(s) / sizeof(s[0]); i++) {
		size_t n;

		assert_null(text_uncolumn(s[i], strlen(s[i]), &n));
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_classify_subheading),
		cmocka_unit_test(test_classify_list),
		cmocka_unit_test(test_segment_lynx_references),
		cmocka_unit_test(test_segment_lynx_marks_numbers),
		cmocka_unit_test(test_segment_block_wrap),
		cmocka_unit_test(test_segment_block_narrower),
		cmocka_unit_test(test_segment_continued_line),
		cmocka_unit_test(test_classify_glued_labels),
		cmocka_unit_test(test_extract_tail_island),
		cmocka_unit_test(test_extract_before_thread),
		cmocka_unit_test(test_extract_lynx_head),
		cmocka_unit_test(test_extract_read_more_teaser),
		cmocka_unit_test(test_segment_w3m_hangul),
		cmocka_unit_test(test_segment_w3m_hangul_space),
		cmocka_unit_test(test_extract_lead_over_list),
		cmocka_unit_test(test_extract_live_report),
		cmocka_unit_test(test_extract_crowded_block),
		cmocka_unit_test(test_extract_prose_edges),
		cmocka_unit_test(test_extract_author_bio),
		cmocka_unit_test(test_extract_lead_over_caption),
		cmocka_unit_test(test_extract_repeated_only),
		cmocka_unit_test(test_extract_count_of_title),
		cmocka_unit_test(test_extract_paragraph_over_signoff),
		cmocka_unit_test(test_extract_repeated_box),
		cmocka_unit_test(test_extract_colon_list),
		cmocka_unit_test(test_extract_caption_pair_label),
		cmocka_unit_test(test_extract_box_over_body),
		cmocka_unit_test(test_extract_side_by_side),
		cmocka_unit_test(test_segment_tables_stay),
		cmocka_unit_test(test_extract_banner_twice),
		cmocka_unit_test(test_extract_article_list),
		cmocka_unit_test(test_extract_one_word_list),
		cmocka_unit_test(test_classify_form_prompt),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
