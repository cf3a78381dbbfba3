/* Unit tests for runs of capitalised words that are no one's name, or
 * only partly one: in English a run holding a word of a people ("Native
 * American", "American Buttercream Frosting"), words of the language
 * before a given name ("Superintendent Robert Runcie"), a verb's -ing
 * form opening a sentence ("Putting Ireland first"), a Spanish or
 * German article opening it ("El Paso"), a word of the language
 * capitalised only in a title of such words ("Attack on Titan", "Rage
 * 2"); in German a congress ("Bundesparteitag"); in Polish any words
 * before a given name ("Lewicy Borys Budka"). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "enrich/enrich.h"
#include "names_check.h"

static struct nw_article *
run(const char *body)
{
	return run_in("en", body);
}

/* A run that no given name opens and that holds a word of a people is
 * an adjective's phrase, a dish's or a group's name, no person; a
 * person whose given name opens the run stays one, and so does one
 * whose surname is only shaped like a people's word ("Parajuli", of
 * "Paraguay"'s first letters and a demonym's -i). */
static void
test_entities_people_words(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("The recipe uses American Buttercream Frosting, which is "
	    "sweet. She is the first Native American justice of the court, "
	    "where Chinese Han patients were studied. Dawn French read the "
	    "verdict aloud. Experts at the clinic agreed with Mahesh "
	    "Parajuli on the matter, and Parajuli said so again.");
	assert_false(has_name(&a->people, "American Buttercream Frosting"));
	assert_false(has_name(&a->people, "Native American"));
	assert_false(has_name(&a->people, "Chinese Han"));
	assert_true(has_name(&a->people, "Dawn French"));
	assert_true(has_name(&a->people, "Mahesh Parajuli"));
	article_free(a);
	a = run("The study was led by Eyamba Parajuli, a physician. Eyamba "
	    "Parajuli said the results were clear.");
	assert_true(has_name(&a->people, "Eyamba Parajuli"));
	article_free(a);
}

/* Words of the language before a given name and a surname are a title
 * or a label, no part of the name; a run of two words keeps its first
 * ("Deval Patrick": the list lacks "Deval"). */
static void
test_entities_words_before_given(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("The district's Superintendent Robert Runcie said the "
	    "cameras were installed last year. Critics asked to Copy "
	    "Natalie Portman on the letter. Later Deval Patrick spoke.");
	assert_true(has_name(&a->people, "Robert Runcie"));
	assert_false(has_name(&a->people, "Superintendent Robert Runcie"));
	assert_true(has_name(&a->people, "Natalie Portman"));
	assert_false(has_name(&a->people, "Copy Natalie Portman"));
	assert_true(has_name(&a->people, "Deval Patrick"));
	article_free(a);
}

/* A verb's -ing form opening a sentence opens no name ("Putting
 * Ireland first"); one written capitalised inside a sentence too is a
 * name's ("Sterling Brown"). */
static void
test_entities_ing_opener(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("Putting Ireland first was the slogan of the campaign. "
	    "Moving Services online took a year, the council said.");
	assert_false(has_name(&a->people, "Putting Ireland"));
	assert_true(has_name(&a->places, "Ireland"));
	assert_false(has_name(&a->people, "Moving Services"));
	article_free(a);
}

/* A Spanish or German definite article opening an English run makes
 * it a name in that language, no one's ("El Paso", "El Niño", "Das
 * Buch"); a name's particle is no article ("Le Pen"). */
static void
test_entities_foreign_article(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("The shelter in El Paso was full last week. Forecasters "
	    "said El Niño brought the rain. The book is called Das Buch in "
	    "the original. Voters backed Le Pen in the town.");
	assert_false(has_name(&a->people, "El Paso"));
	assert_false(has_name(&a->people, "El Niño"));
	assert_false(has_name(&a->people, "Das Buch"));
	assert_true(has_name(&a->people, "Le Pen"));
	article_free(a);
}

/* Polish: the words before a given name and a surname are no part of
 * the name, as in Cyrillic (a party's or a body's genitive: "Lewicy
 * Borys Budka", "szef KO"); a name of two words keeps both. */
static void
test_entities_pl_before_given(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run_in("pl", "W imieniu Lewicy Borys Budka zapowiedział, że "
	    "klub wstrzyma się od głosu. Potem Jarosław Gowin zabrał "
	    "głos.");
	assert_true(has_name(&a->people, "Borys Budka"));
	assert_false(has_name(&a->people, "Lewicy Borys Budka"));
	assert_true(has_name(&a->people, "Jarosław Gowin"));
	article_free(a);
}

/* English: a word the language writes in lower case, capitalised only
 * in a title of such words (before a number or after a title's, a
 * possessive's or after one, or joined by "of", "on", "in", "for"), is
 * no body; one capitalised elsewhere too, or after "the" at a name's
 * head, stays one. */
static void
test_entities_title_words(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("Its launch titles include Attack on Titan, Rage 2 and "
	    "Assassin's Creed Odyssey. Officials signed the Phase 1 deal "
	    "on Monday. Shares of Apple rose as its Fortune 500 clients "
	    "grew. The pub "
	    "was shut, but the Oval on South Main Street stayed open. "
	    "The maker, Apple, is in every office. Its map is that of "
	    "Resident Evil 2 Remake, but larger. They cited the 25th "
	    "Amendment, but in vain. Noah Hawley, known for FX's Legion "
	    "and Fargo, is in talks.");
	assert_false(has_name(&a->organisations, "Attack"));
	assert_false(has_name(&a->organisations, "Titan"));
	assert_false(has_name(&a->organisations, "Rage"));
	assert_false(has_name(&a->organisations, "Assassin"));
	assert_false(has_name(&a->organisations, "Phase"));
	assert_false(has_name(&a->organisations, "Fortune"));
	assert_false(has_name(&a->organisations, "Remake"));
	assert_false(has_name(&a->organisations, "Amendment"));
	assert_false(has_name(&a->organisations, "Legion"));
	assert_true(has_name(&a->organisations, "Apple"));
	assert_true(has_name(&a->organisations, "Oval"));
	article_free(a);
}

/* German: a federal or a state's congress ("Bundesparteitag",
 * "Landesparteitag") is an event, no body; the government and a
 * ministry stay bodies. */
static void
test_entities_de_congress(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run_in("de", "Die Wahl fiel auf dem Bundesparteitag in Hannover. "
	    "Zuvor sprach er auf dem Landesparteitag der Partei. Die "
	    "Bundesregierung und das Gesundheitsministerium schwiegen.");
	assert_false(has_name(&a->organisations, "Bundesparteitag"));
	assert_false(has_name(&a->organisations, "Landesparteitag"));
	assert_true(has_name(&a->organisations, "Bundesregierung"));
	assert_true(has_name(&a->organisations, "Gesundheitsministerium"));
	article_free(a);
}

/* English: two or three capitals each with its dot before a
 * capitalised surname are a person's given names, their dot no
 * sentence's end ("Coach P.J. Fleck said", "J.J. Abrams"), and the
 * surname alone is then that person, no body ("Fleck's team"); where
 * the dot ends a sentence or the initials are a place's, nothing
 * changes: after a capitalised word ("Washington D.C. Police"), after
 * "the" or a preposition of place ("at U.N. Headquarters", "in N.Y.
 * Shoppers"), before a function word ("P.S. Your"), a body's word or
 * a plural noun; "U.S." stays the tokeniser's. Initials of one
 * capital are shown with their dots ("George W. Bush", "T. S.
 * Eliot"). */
static void
test_entities_given_initials(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("Coach P.J. Fleck said the team would recover, and "
	    "Fleck's players agreed. The director J.J. Abrams met J.K. "
	    "Rowling in London. She moved to Washington D.C. Police said "
	    "so. She works at U.N. Headquarters now. The store opened in "
	    "N.Y. Shoppers queued. P.S. Your order shipped. He works in "
	    "the U.S. Senate now. She saw the A.V. Club. Then George W. "
	    "Bush met T. S. Eliot's heirs.");
	assert_true(has_name(&a->people, "P.J. Fleck"));
	assert_true(has_name(&a->people, "J.J. Abrams"));
	assert_true(has_name(&a->people, "J.K. Rowling"));
	assert_false(has_name(&a->organisations, "Fleck"));
	assert_false(has_name(&a->people, "D.C. Police"));
	assert_false(has_name(&a->people, "U.N. Headquarters"));
	assert_false(has_name(&a->people, "N.Y. Shoppers"));
	assert_false(has_name(&a->people, "P.S. Your"));
	assert_false(has_name(&a->people, "A.V. Club"));
	assert_true(has_name(&a->organisations, "U.S. Senate"));
	assert_true(has_name(&a->places, "London"));
	/* one capital's initials keep their dots too */
	assert_true(has_name(&a->people, "George W. Bush"));
	assert_true(has_name(&a->people, "T. S. Eliot"));
	article_free(a);
}

/* English: "The" capitalised inside a sentence is part of a name,
 * no person's and no role's: the words after it, a proper noun among
 * them, are a body's ("editors at The Boston Globe", "told The
 * Hollywood Reporter"); of lower-case words only ("The Princess
 * Diaries", a film's) they are no name. At a sentence's start, after a
 * colon, or after "the", the runs are as before. */
static void
test_entities_the_name(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("Editors at The Boston Globe said so. The story, first "
	    "told by The Hollywood Reporter, spread. She starred in The "
	    "Princess Diaries last year. He joined The Boston Celtics in "
	    "May. The director met the Prime Minister in London.");
	assert_true(has_name(&a->organisations, "Boston Globe"));
	assert_false(has_name(&a->people, "Boston Globe"));
	assert_true(has_name(&a->organisations, "Hollywood Reporter"));
	assert_true(has_name(&a->organisations, "Boston Celtics"));
	assert_false(has_name(&a->people, "Diaries"));
	assert_false(has_name(&a->organisations, "Princess Diaries"));
	assert_false(has_name(&a->organisations, "Prime Minister"));
	assert_true(has_name(&a->places, "London"));
	article_free(a);
}

/* One person however the text spaces the initials: "J.K. Rowling" and
 * "J. K. Rowling" are one name, written as the text first wrote it,
 * and so are "T. S. Eliot" and "T.S. Eliot". */
static void
test_entities_initials_one(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("J.K. Rowling wrote a new book. Later J. K. Rowling said "
	    "she was pleased. Critics compared T. S. Eliot's poems with "
	    "those T.S. Eliot wrote later. Theresa May met Tim Cook.");
	assert_true(has_name(&a->people, "J.K. Rowling"));
	assert_false(has_name(&a->people, "J. K. Rowling"));
	assert_true(has_name(&a->people, "T. S. Eliot"));
	assert_false(has_name(&a->people, "T.S. Eliot"));
	assert_true(has_name(&a->people, "Theresa May"));
	assert_true(has_name(&a->people, "Tim Cook"));
	assert_int_equal(a->people.n, 4);
	article_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_entities_people_words),
		cmocka_unit_test(test_entities_words_before_given),
		cmocka_unit_test(test_entities_ing_opener),
		cmocka_unit_test(test_entities_pl_before_given),
		cmocka_unit_test(test_entities_foreign_article),
		cmocka_unit_test(test_entities_title_words),
		cmocka_unit_test(test_entities_de_congress),
		cmocka_unit_test(test_entities_given_initials),
		cmocka_unit_test(test_entities_the_name),
		cmocka_unit_test(test_entities_initials_one),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
