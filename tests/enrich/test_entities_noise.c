/* Unit tests for words of a text that are no one's name by where they
 * stand: in an English text, the nouns of a quoted German sentence
 * ("Nach dem Drink verlor ich das Bewusstsein"). */
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
run_in(const char *lang, const char *body)
{
	struct nw_article *a = article_new();

	a->lang = xstrdup(lang);
	a->body = xstrdup(body);
	enrich_normalise(a);
	enrich_article(a);
	return a;
}

/* English: a German sentence quoted in the text ("der", "das", "und"
 * outnumbering "the", "of") holds nouns, no bodies; a body named in an
 * English sentence stays one. */
static void
test_entities_de_quoted(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run_in("en", "The book gives this example of the passive "
	    "voice.\n\nNach dem Drink verlor ich das Bewusstsein. Die "
	    "meisten Leute sagen das nicht. Ich war schon 5 Minuten vorher "
	    "ausgeraubt, aber hinter der Ecke stand einer mit einem "
	    "Messer.\n\nThe answer was posted by a user of Siemens, who "
	    "had worked at Bosch for years.");
	assert_false(has_name(&a->organisations, "Drink"));
	assert_false(has_name(&a->organisations, "Bewusstsein"));
	assert_false(has_name(&a->organisations, "Leute"));
	assert_false(has_name(&a->organisations, "Minuten"));
	assert_false(has_name(&a->organisations, "Ecke"));
	assert_false(has_name(&a->organisations, "Messer"));
	assert_true(has_name(&a->organisations, "Siemens"));
	assert_true(has_name(&a->organisations, "Bosch"));
	article_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_entities_de_quoted),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
