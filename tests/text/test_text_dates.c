/* Unit tests of the text-dump extractor's choice of the date line
 * (text_published() in text_extract.c), on snippets of real renders. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "text_extracted.h"

/* A post's date in a line too long to be a date line (over 15 words),
 * in the sidebar that the render sets over the headline (w3m render of
 * bewegliche-lettern.de, a theme's "About this entry", its lists cut
 * short): the page has no other, and it is the post's. */
static void
test_published_long_line(void **state)
{
	const char *s =
	    "  \xe2\x80\xa2 Home\n"
	    "  \xe2\x80\xa2 Impressum\n"
	    "\n"
	    "medienwandel in gutenbergs welt\n"
	    "\n"
	    "bewegliche lettern\n"
	    "\n"
	    "\xc3\x9c" "ber diesen Artikel\n"
	    "\n"
	    "Literatur und Animated Typography wurde am 19. Mai 2010 um"
	    " 23:03 Uhr gepostet und unter Lesenswert,\n"
	    "Literatur, Medienwandel abgelegt.\n"
	    "\n"
	    "RSS\n"
	    "\n"
	    "\n"
	    "Neueste Artikel\n"
	    "\n"
	    "  \xe2\x80\xa2 Libroid \xe2\x80\x93 J\xc3\xbcrgen Neffe pr"
	    "\xc3\xa4sentiert seine \xe2\x80\x9cZukunft des Lesens\xe2"
	    "\x80\x9d\n"
	    "  \xe2\x80\xa2 Lesenswert: G\xc3\xbcntner \xc3\xbc" "ber Wyli"
	    "es \xe2\x80\x9cOdyssey Editions\xe2\x80\x9d\n"
	    "  \xe2\x80\xa2 Literatur und Animated Typography\n"
	    "  \xe2\x80\xa2 Tynt.com macht Copy&Paste nachverfolgbar\n"
	    "  \xe2\x80\xa2 Neue Front gegen Google Books: Fotografenve"
	    "rb\xc3\xa4nde reichen Klage ein\n"
	    "  \xe2\x80\xa2 Amazons Leserbewertungen als Waffe im Konfl"
	    "ikt mit Verlagen\n"
	    "  \xe2\x80\xa2 10 Jahre Perlentaucher\n"
	    "  \xe2\x80\xa2 Studie: Loi Hadopi kann Piraten nicht stopp"
	    "en\n"
	    "Archive\n"
	    "\n"
	    "  \xe2\x80\xa2 September 2010\n"
	    "  \xe2\x80\xa2 August 2010\n"
	    "  \xe2\x80\xa2 Mai 2010\n"
	    "  \xe2\x80\xa2 April 2010\n"
	    "  \xe2\x80\xa2 M\xc3\xa4rz 2010\n"
	    "  \xe2\x80\xa2 Februar 2010\n"
	    "  \xe2\x80\xa2 Januar 2010\n"
	    "  \xe2\x80\xa2 Dezember 2009\n"
	    "Suche nach: [                    ] [Suchen]\n"
	    "\n"
	    "[wasmitbuec]\n"
	    "\n"
	    "\n"
	    "Literatur und Animated Typography\n"
	    "\n"
	    "Ein Lesehinweis in eigener Sache: Der Perlentaucher bringt"
	    " heute einen Essay von mir unter dem\n"
	    "Titel \xe2\x80\x9cTanz der Lettern\xe2\x80\x9d. Ich schlag"
	    "e darin vor, in der Remix-Kunst der Animated Typography ei"
	    "n\n"
	    "Beispiel daf\xc3\xbcr zu sehen, wie Literatur von den neue"
	    "n digitalen M\xc3\xb6glichkeiten \xc3\xa4sthetisch und\n"
	    "expressiv profitieren kann \xe2\x80\x93 ohne ihre Bindung "
	    "an Sprache aufzugeben und zum Video oder\n"
	    "Computerspiel zu tendieren.\n"
	    "\n"
	    "    W\xc3\xa4hrend damit experimentiert wird, B\xc3\xbc" "che"
	    "r mit Videoclips anzureichern, sie mit Soundtracks zu\n"
	    "    unterlegen oder mit Videospiel-Elementen zu versehen, "
	    "ist eine entscheidende \xe2\x80\x93 und der\n"
	    "    Literatur vielleicht besonders gerechte \xe2\x80\x93 M"
	    "\xc3\xb6glichkeit bisher kaum beachtet worden: Die Lettern"
	    "\n"
	    "    k\xc3\xb6nnen endlich beweglich werden, die W\xc3\xb6r"
	    "ter Laufen lernen.\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_true(a->published.set);
	assert_int_equal(a->published.utc, 1274310180);
	article_free(a);
}

/* The head of a post in a lynx render (krimiblog.de), to the end of its
 * last paragraph. */
#define TEXT_DATES_POST \
	    "Das vermutlich schwulste Musikvideo der Welt\n" \
	    "\n" \
	    "vom Krimiblogger\n" \
	    "\n" \
	    "   Okay, hat wieder nichts mit Krimi zu tun. Im Gegenteil." \
	    " Keine Gewalt, kein Blut, kein Mord,\n" \
	    "   kein Totschlag. Ich find\xe2\x80\x99s einfach nur sch" \
	    "\xc3\xb6n. Das vermulich schwulste Musikvideo der Welt.\n" \
	    "   Ich liebe diese Selbstverst\xc3\xa4ndlichkeit, mit der " \
	    "hier klassische Heterobilder einfach mal in\n" \
	    "   einer schwulen Variante gezeigt werden. Gedreht hat es " \
	    "[11]Kevin R. Thomspon. Die\n" \
	    "   wundersch\xc3\xb6n entspannte Musik stammt von [12]Chri" \
	    "stopher Dallman, einem jungen,\n" \
	    "   US-amerikanischen Songwriter. Leider bei uns ziemlich u" \
	    "nbekannt. Ach, schaut und h\xc3\xb6rt doch\n" \
	    "   selbst.\n" \
	    "\n" \
	    "                                             [EMBED]\n" \
	    "\n" \
	    "   Erg\xc3\xa4nzung 1: Den Text des Songs kann man nun [13" \
	    "]\xe2\x86\x92 hier lesen, dort wird das Lied auch ab\n" \
	    "   11. August zum Download angeboten.\n" \
	    "\n" \
	    "   Erg\xc3\xa4nzung 2: Glaubt man den [14]\xe2\x86\x92Komm" \
	    "entaren bei YouTube, dann sind die beiden ein Paar,\n" \
	    "   was dem Video noch mehr Authenzit\xc3\xa4t verleiht. Ch" \
	    "ristopher Dallmans Partner ist der\n" \
	    "   Schauspieler und Mitbegr\xc3\xbcnder der Theatergruppe " \
	    "\xe2\x80\x9e" "Duende Collective\xe2\x80\x9c [15]\xe2\x86\x92" \
	    " Joshua Pohja.\n"

/* A date line that lynx glued to the paragraph over it (no blank line
 * between a <p> and the line under it, where w3m sets one; lynx render
 * of krimiblog.de): the post's date, not the text's. A date under no
 * label ("... (Links). Datensatz vom 6. August 2009", a caption's
 * glued so) is not one. */
static void
test_published_glued_line(void **state)
{
	const char *s =
	    TEXT_DATES_POST
	    "   Ver\xc3\xb6" "ffentlicht am: [16]6. August 2009\n"
	    "   Kategorie: [17]Aus dem Alltag, [18]Bilderberg, [19]Sch"
	    "\xc3\xb6ne T\xc3\xb6ne\n"
	    "\n"
	    "Kommentare\n";
	const char *caption =
	    TEXT_DATES_POST
	    "   Datensatz vom [16]6. August 2009\n"
	    "   Kategorie: [17]Aus dem Alltag, [18]Bilderberg, [19]Sch"
	    "\xc3\xb6ne T\xc3\xb6ne\n"
	    "\n"
	    "Kommentare\n";
	struct nw_article *a = extracted(s);

	(void)state;
	assert_true(a->published.set);
	assert_int_equal(a->published.utc, 1249516800);
	article_free(a);
	a = extracted(caption);
	assert_false(a->published.set);
	article_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_published_long_line),
		cmocka_unit_test(test_published_glued_line),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
