/* Unit tests for words of a text that are no one's name by where they
 * stand: in an English text, the nouns of a quoted German sentence
 * ("Nach dem Drink verlor ich das Bewusstsein"); a program's names,
 * written in lines of code more often than in prose ("except
 * ValueError as e:"); in English a run no given name opens that ends
 * with a word the text writes in lower case ("Costigans Pub"); an
 * acronym written as a transfer's medium ("über USB", "using SSL"); an
 * adjective made of a name ("Nixonian"); a list of places' codes ("to
 * Boise (BOI), Missoula (MSO) and Spokane (GEG)"); an acronym after a
 * possessive before a comma ("mit Ihrem SUV,"), whose determiners are
 * the text's language's ("a la UE."); in German an acronym after an
 * adjective and no definite article ("von privaten PKW"); a medium
 * after "via" or "per" ("via SMS or", "per USB aufladbar"). A body
 * written before one noun stays a body ("a NATO summit ... The NATO
 * summit"). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "enrich/enrich.h"
#include "names_check.h"

/* The names every English text below holds and must keep whatever the
 * rule it tests drops: people named in full whose surnames are common
 * words ("Theresa May", "Tim Cook", "Bill Gates", "Mike Pence"), an
 * acronym's body and a body named by a phrase. */
static void
assert_names_stay(const struct nw_article *a)
{
	static const char *const people[] = {
		"Theresa May", "Tim Cook", "Bill Gates", "Mike Pence",
	};
	static const char *const orgs[] = {
		"NATO", "Bank of England",
	};
	size_t i;

	for (i = 0; i < sizeof(people) / sizeof(people[0]); i++) {
		if (!has_name(&a->people, people[i]))
			print_error("person lost: %s\n", people[i]);
		assert_true(has_name(&a->people, people[i]));
	}
	for (i = 0; i < sizeof(orgs) / sizeof(orgs[0]); i++) {
		if (!has_name(&a->organisations, orgs[i]))
			print_error("organisation lost: %s\n", orgs[i]);
		assert_true(has_name(&a->organisations, orgs[i]));
	}
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

/* A word written in lines of code ("=", a call's "(", a ">>>" prompt)
 * more often than in prose is a program's name, no body; a body named
 * in prose more often than in code stays one. */
static void
test_entities_code_words(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run_in("en", "Slots make classes smaller, as Google found.\n\n"
	    "class Users: __slots__ = ('username', 'email') def "
	    "__init__(self): self.x = 0\n\n"
	    "Point = namedtuple('Point', 'x', 'y') p = Point(0, 1)\n\n"
	    ">>> try: ... int(l[2]) ... except ValueError as e: ... "
	    "pass\n\n"
	    "import sys def bar(i): raise ValueError(i) "
	    "g = Google(key=None)\n\n"
	    "The ValueError is raised here. Google now ships it.");
	assert_false(has_name(&a->organisations, "Users"));
	assert_false(has_name(&a->organisations, "Point"));
	assert_false(has_name(&a->organisations, "ValueError"));
	assert_true(has_name(&a->organisations, "Google"));
	article_free(a);
}

/* English: a run that no given name opens and that ends with a word of
 * the language the text also writes in lower case is a phrase, no
 * person; a surname that is a function word ("Liu He") or an initial
 * ("Wong A") keeps its person. */
static void
test_entities_lower_tail(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run_in("en", "Our Chocolate Buttercream Frosting is easy. Spread "
	    "the frosting on the cake. We then met at Costigans Pub, the "
	    "oldest pub in the town. Vice Premier Liu He said he would "
	    "come. The study by Wong A found a rise. Eyamba Sowers agreed.");
	assert_false(has_name(&a->people, "Chocolate Buttercream Frosting"));
	assert_false(has_name(&a->people, "Costigans Pub"));
	assert_true(has_name(&a->people, "Liu He"));
	assert_true(has_name(&a->people, "Eyamba Sowers"));
	article_free(a);
}

/* An acronym right after "using" or "über", before no word it would
 * qualify, is a medium, no body; "using NASA data" keeps NASA. */
static void
test_entities_acro_medium(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run_in("en", "We tunnel rsync using SSL. The team built it "
	    "using NASA data, and NASA said it was glad.");
	assert_false(has_name(&a->organisations, "SSL"));
	assert_true(has_name(&a->organisations, "NASA"));
	article_free(a);
	a = run_in("de", "Das alte Laufwerk wird über USB an einen "
	    "Computer angeschlossen. Laut ADAC ist das einfach.");
	assert_false(has_name(&a->organisations, "USB"));
	assert_true(has_name(&a->organisations, "ADAC"));
	article_free(a);
}

/* English: a word in -ian made of a name the text writes ("Nixonian" of
 * "Nixon") is an adjective, no body; "Guardian" is of a word of the
 * language, and stays. */
static void
test_entities_name_adjective(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run_in("en", "Unlike the Nixon and Clinton hearings, there is no "
	    "Nixonian or Clintonian argument here. The National Guard was "
	    "sent, the Guardian reported.");
	assert_false(has_name(&a->organisations, "Nixonian"));
	assert_false(has_name(&a->organisations, "Clintonian"));
	assert_true(has_name(&a->organisations, "Guardian"));
	article_free(a);
}

/* In a sentence that holds a known place's code in brackets, the other
 * acronyms in brackets after one capitalised word are codes too, no
 * bodies, and that word a place; an acronym in brackets elsewhere
 * stays a body's. */
static void
test_entities_code_list(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run_in("en", "The airline added routes from its hub to Boise "
	    "(BOI), Missoula (MSO) and Spokane (GEG) this year. Its "
	    "partner, Cirium (CRM), said so.");
	assert_false(has_name(&a->organisations, "MSO"));
	assert_false(has_name(&a->organisations, "GEG"));
	assert_false(has_name(&a->organisations, "Missoula"));
	assert_true(has_name(&a->places, "Missoula"));
	assert_true(has_name(&a->organisations, "CRM"));
	article_free(a);
}

/* An acronym right after a determiner and before a comma ends its
 * phrase as a count noun does ("mit Ihrem SUV, das"): a thing; one
 * after an article stays a body ("der ADAC, der"). */
static void
test_entities_acro_det_comma(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run_in("de", "Fahren Sie mit Ihrem SUV, das nicht klein ist, in "
	    "die Stadt. Der ADAC, der dazu rät, sieht das anders.");
	assert_false(has_name(&a->organisations, "SUV"));
	assert_true(has_name(&a->organisations, "ADAC"));
	article_free(a);
}

/* The determiners that make an acronym at its phrase's end a thing are
 * the text's language's: Spanish "a" and German "an" are prepositions
 * ("a la UE.", "an die EU."), and the body stays; English "a" keeps
 * the rule ("buy a GPU."). */
static void
test_entities_acro_det_lang(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run_in("es", "El Gobierno de Madrid pide ayuda a la UE. "
	    "Bruselas estudia la oferta.");
	assert_true(has_name(&a->organisations, "UE"));
	article_free(a);
	a = run_in("fr", "Le Premier ministre a écrit une lettre a la "
	    "CNIL. Paris attend sa réponse.");
	assert_true(has_name(&a->organisations, "CNIL"));
	article_free(a);
	a = run_in("de", "Der Brief aus Berlin ging an die EU. Die "
	    "Antwort kam aus Brüssel.");
	assert_true(has_name(&a->organisations, "EU"));
	article_free(a);
	a = run_in("en", "He said they had to buy a GPU. Nvidia sold "
	    "out.");
	assert_false(has_name(&a->organisations, "GPU"));
	article_free(a);
}

/* German: an acronym after an adjective and no definite article ("von
 * privaten PKW", "dem eigenen PKW") is a thing; a body with the
 * definite article ("der neuen SPD") or in a compound stays. */
static void
test_entities_acro_de_adj(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run_in("de", "Die Einreise mit dem eigenen PKW ist erlaubt. "
	    "Busspuren dürfen von privaten PKW nicht genutzt werden. Der "
	    "ADAC warnt vor der neuen SPD nicht.");
	assert_false(has_name(&a->organisations, "PKW"));
	assert_true(has_name(&a->organisations, "ADAC"));
	assert_true(has_name(&a->organisations, "SPD"));
	article_free(a);
}

/* A body is written before a noun as often as a thing is ("a NATO
 * summit", "The NATO summit"): an acronym before one noun after "a" is
 * no sign of a thing (a rule that read it so lost NATO in news text). */
static void
test_entities_acro_before_noun(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run_in("en", "Leaders gathered on Tuesday for a NATO summit in "
	    "the Lithuanian capital. The NATO summit is expected to discuss "
	    "Ukraine's path to membership, officials said.");
	assert_true(has_name(&a->organisations, "NATO"));
	article_free(a);
}

/* "via" and "per" before an acronym and a lower-case word that it does
 * not qualify (a stop word in English; in German any, as nouns are
 * capitalised) make it a medium ("via SMS or", "per USB aufladbar");
 * a credit ("KVELLER via JTA — The") and "per CDC guidance" keep the
 * body. */
static void
test_entities_acro_via(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run_in("en", "KVELLER via JTA — The state has sworn in a judge. "
	    "You log in with a code sent via SMS or by mail, per CDC "
	    "guidance.");
	assert_false(has_name(&a->organisations, "SMS"));
	assert_true(has_name(&a->organisations, "JTA"));
	assert_true(has_name(&a->organisations, "CDC"));
	article_free(a);
	a = run_in("de", "Der Akku ist per USB aufladbar. Laut ADAC ist "
	    "das praktisch.");
	assert_false(has_name(&a->organisations, "USB"));
	assert_true(has_name(&a->organisations, "ADAC"));
	article_free(a);
}

/* An acronym before an amount, a number with a decimal or thousands
 * mark ("EUR 5,4 Mrd", "ZIP 20,5 MB", "USB 3.0"), in most of its
 * mentions is a currency, a format or a version, no body; bodies
 * before whole numbers or none keep theirs, and the names around
 * (assert_names_stay()'s, "Apple said") stay. */
static void
test_entities_acro_amount(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run_in("de", "Die Nordex Group erzielte einen Umsatz von etwa "
	    "EUR 5,4 Mrd. Die Broschüre gibt es als Download (ZIP 20,5 MB). "
	    "Laut ADAC ist das viel.");
	assert_false(has_name(&a->organisations, "EUR"));
	assert_false(has_name(&a->organisations, "ZIP"));
	assert_true(has_name(&a->organisations, "ADAC"));
	assert_true(has_name(&a->organisations, "Nordex Group"));
	article_free(a);
	a = run_in("en", "Theresa May met Tim Cook and Bill Gates in London "
	    "before a NATO summit with Mike Pence. Apple said sales rose to "
	    "USD 1.25 billion, while the Bank of England held rates at 5.25 "
	    "percent. Get a USB 3.0 dock. The IMF cut its forecast to 2.5 "
	    "percent, and BMW sold 2,5 million cars. Cook said Apple would "
	    "invest.");
	assert_false(has_name(&a->organisations, "USD"));
	assert_false(has_name(&a->organisations, "USB"));
	assert_names_stay(a);
	assert_true(has_name(&a->organisations, "Apple"));
	assert_true(has_name(&a->organisations, "IMF"));
	assert_true(has_name(&a->organisations, "BMW"));
	article_free(a);
}

/* English: a run of a person's shape that no given name opens, written
 * once right after "a", "your", "its" ... and heading its phrase ("a
 * Samsung TV on", "your Roth IRA,"), is a thing, no one; a name that
 * qualifies the noun after it ("a Bernie Sanders rally", "a Keir
 * Starmer aide") and a name a given name opens stay people. */
static void
test_entities_counted_person(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run_in("en", "A Xi Jinping ally was named on Monday, and a "
	    "Bernie Sanders rally drew crowds. The comedian did his Theresa "
	    "May impression. Her Tim Cook interview ran long. At a Mike "
	    "Pence event, their Bill Gates questions went unanswered, said "
	    "a Keir Starmer aide. She bought a Samsung TV on Friday and "
	    "paid from your Roth IRA, which Samsung TV buyers do. NATO "
	    "and the Bank of England stayed away.");
	assert_false(has_name(&a->people, "Samsung TV"));
	assert_false(has_name(&a->people, "Roth IRA"));
	assert_true(has_name(&a->people, "Xi Jinping"));
	assert_true(has_name(&a->people, "Bernie Sanders"));
	assert_names_stay(a);
	assert_true(has_name(&a->people, "Keir Starmer"));
	article_free(a);
}

/* German: an acronym in brackets after a noun that an adjective in lower
 * case opens after a preposition or an indefinite article ("eine
 * individuelle Leitfrage (LF)", "für effiziente Gebäude (BEG)") is
 * defined as a common noun, a thing; after a body's noun ("der
 * europäischen Arzneimittelbehörde (EMA)", "einer neuen Agentur
 * (SPRIND)") or a noun a noun opens ("Gruppe unabhängiger Experten
 * (IGIE)") it stays a body's. */
static void
test_entities_acro_de_defined(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run_in("de", "Jede Schule soll eine individuelle Leitfrage (LF) "
	    "wählen. Die Bundesförderung für effiziente Gebäude (BEG) gilt "
	    "ab Januar. Laut der europäischen Arzneimittelbehörde (EMA) ist "
	    "das sicher, sagte Angela Merkel. Eine Gruppe unabhängiger "
	    "Experten (IGIE) prüft das, mit einer neuen Agentur (SPRIND). "
	    "Der ADAC und die Deutsche Bahn warnen.");
	assert_false(has_name(&a->organisations, "LF"));
	assert_false(has_name(&a->organisations, "BEG"));
	assert_true(has_name(&a->organisations, "EMA"));
	assert_true(has_name(&a->organisations, "IGIE"));
	assert_true(has_name(&a->organisations, "SPRIND"));
	assert_true(has_name(&a->organisations, "ADAC"));
	assert_true(has_name(&a->organisations, "Deutsche Bahn"));
	assert_true(has_name(&a->people, "Angela Merkel"));
	article_free(a);
}

/* English: a one-word plural right after a count ("about 450
 * Dreamers,", "or more Uighurs and") that heads its phrase names a
 * group's members, no body; a body before the noun it qualifies ("more
 * Hamas fighters", "two Browns players"), a name the text writes as a
 * body elsewhere ("more Starbucks in Seoul" beside "Starbucks said"),
 * and the people and bodies around them stay. */
static void
test_entities_counted_plural(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run_in("en", "Apple said on Wednesday that it employs about "
	    "450 Dreamers, and Tim Cook said the company would fight for "
	    "them. A million or more Uighurs and other minorities are held, "
	    "Theresa May told Mike Pence at a NATO summit. The NATO summit "
	    "opened late. Israel said more Hamas fighters had crossed, and "
	    "two Browns players were fined. The Bank of England held rates. "
	    "There are now more Starbucks in Seoul than in Seattle, and "
	    "Starbucks said it would open 300 more. Bill Gates agreed.");
	assert_false(has_name(&a->organisations, "Dreamers"));
	assert_false(has_name(&a->organisations, "Uighurs"));
	assert_true(has_name(&a->organisations, "Hamas"));
	assert_true(has_name(&a->organisations, "Browns"));
	assert_true(has_name(&a->organisations, "Starbucks"));
	assert_names_stay(a);
	article_free(a);
}

/* English: a one-word name after "this", "last", "next", "every" that
 * heads its phrase ("this Halloween, and", "This Pipfile is") is a
 * holiday or a thing at hand, no body; a body after "since" ("Since
 * Google, search"), one before the noun it qualifies ("the next NATO
 * meeting", "every Apple store") or one the text has speak ("this
 * Apple," beside "Apple said"), and the people, stay. */
static void
test_entities_time_named(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run_in("en", "Theresa May met Tim Cook on Monday. Since Google, "
	    "search has changed, Bill Gates told reporters at a NATO "
	    "summit. The NATO summit ended late. Apple said sales rose "
	    "this Christmas, and this Halloween shops expect more. Mike "
	    "Pence spoke, and the Bank of England warned. The next NATO "
	    "meeting is in May. Shoppers like this Apple, and every Apple "
	    "store was full. This Pipfile is all we need.");
	assert_false(has_name(&a->organisations, "Christmas"));
	assert_false(has_name(&a->organisations, "Halloween"));
	assert_false(has_name(&a->organisations, "Pipfile"));
	assert_true(has_name(&a->organisations, "Google"));
	assert_true(has_name(&a->organisations, "Apple"));
	assert_names_stay(a);
	article_free(a);
}

/* An adjective of a people or a faith written as a predicate ("her mother
 * is Jewish.", "15 percent Hispanic,") is no body; a body after a copula
 * ("The winner is Microsoft.", "The buyer was Apple,") stays, and so do
 * the names that look like common words. */
static void
test_entities_predicate_adj(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run_in("en", "Theresa May met Tim Cook and Bill Gates at a NATO "
	    "summit. The NATO summit ended late. Her mother is Jewish, and "
	    "a Jewish family hosted Mike Pence. About 15 percent Hispanic, "
	    "the district backed a Hispanic candidate. Apple said sales "
	    "rose. The winner is Microsoft. The buyer was Apple, and the "
	    "Bank of England kept rates on hold. Rich Lowry and Chance "
	    "Perdomo spoke of Baby Yoda.");
	assert_false(has_name(&a->organisations, "Jewish"));
	assert_false(has_name(&a->organisations, "Hispanic"));
	assert_true(has_name(&a->organisations, "Microsoft"));
	assert_true(has_name(&a->organisations, "Apple"));
	assert_names_stay(a);
	assert_true(has_name(&a->people, "Rich Lowry"));
	assert_true(has_name(&a->people, "Chance Perdomo"));
	assert_true(has_name(&a->people, "Baby Yoda"));
	article_free(a);
}

/* An adjective that the dictionary writes only in lower case, opening
 * a sentence before one name ("Recent Samsung", "Popular Cobh"), is no
 * part of it; a given name it also writes capitalised ("Clement
 * Attlee", "Olive Oatman", "Rich Lowry") stays, and so do names that
 * look like common words. */
static void
test_entities_adj_head(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run_in("en", "Recent Samsung phones sold well, and Samsung said "
	    "so. Popular Cobh cafes shut on Monday. Clement Attlee led the "
	    "party. Olive Oatman was a girl then. Rich Lowry, the editor, "
	    "said Theresa May met Tim Cook and Bill Gates at a NATO summit. "
	    "Chance Perdomo spoke of Baby Yoda. Mike Pence and the Bank of "
	    "England stayed away. Attlee, Oatman and Lowry wrote later.");
	assert_false(has_name(&a->people, "Recent Samsung"));
	assert_false(has_name(&a->people, "Popular Cobh"));
	assert_true(has_name(&a->people, "Clement Attlee"));
	assert_true(has_name(&a->people, "Olive Oatman"));
	assert_true(has_name(&a->people, "Rich Lowry"));
	assert_names_stay(a);
	assert_true(has_name(&a->people, "Chance Perdomo"));
	assert_true(has_name(&a->people, "Baby Yoda"));
	article_free(a);
}

/* A run whose first word the English dictionary knows, no given name,
 * ending with a word it never writes capitalised, is no one's name
 * ("Penn State and", "Oakland Unified"); a club ends as a body's
 * ("Manchester United"). People whose given name the list lacks
 * ("Deion Bower", "Tanaka Comer"), a surname of a plural's or an
 * adjective's shape ("Eyamba Sowers", "Lucy Lawless"), a name after a
 * title ("Dr. Sherine Abed") or before "said" ("Penn State said")
 * stay. */
static void
test_entities_never_name(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run_in("en", "Penn State and Manchester United sent players to "
	    "Oakland Unified schools. Deion Bower ran the event, and Tanaka "
	    "Comer danced. Eyamba Sowers didn't know. Lucy Lawless waved. "
	    "\"It is hard,\" said Dr. Sherine Abed, a neonatologist. Sherine "
	    "Abed, the doctor, stayed. Theresa May met Tim Cook and Bill "
	    "Gates at a NATO summit. Rich Lowry and Chance Perdomo spoke of "
	    "Baby Yoda. Mike Pence and the Bank of England stayed away.");
	assert_false(has_name(&a->people, "Penn State"));
	assert_false(has_name(&a->people, "Oakland Unified"));
	assert_true(has_name(&a->organisations, "Manchester United"));
	assert_true(has_name(&a->people, "Deion Bower"));
	assert_true(has_name(&a->people, "Tanaka Comer"));
	assert_true(has_name(&a->people, "Eyamba Sowers"));
	assert_true(has_name(&a->people, "Lucy Lawless"));
	assert_true(has_name(&a->people, "Sherine Abed"));
	assert_names_stay(a);
	assert_true(has_name(&a->people, "Rich Lowry"));
	assert_true(has_name(&a->people, "Chance Perdomo"));
	assert_true(has_name(&a->people, "Baby Yoda"));
	article_free(a);
}

/* English: a word opening a sentence, capitalised nowhere else, is a
 * body when the text writes it before "said", "says", "told",
 * "announced" or "declined" and the dictionary has it in lower case
 * only as a name too ("Apple said", "Microsoft said", "Samsung said");
 * a surname of a person named in full is the person's ("Cook said"
 * after "Tim Cook"). Common words so placed stay no names: "This
 * said", "That said", "Officials said", "Police said", "He said",
 * "Critics said", "Analysts said", "Sources said", nor do a
 * dictionary's names of groups in the plural ("Republicans announced",
 * "Protestants said"). */
static void
test_entities_opener_speaks(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run_in("en", "Apple said on Thursday that sales rose in the "
	    "quarter. Microsoft said its cloud grew faster. Tim Cook told "
	    "analysts the results were strong, and Google declined to "
	    "comment. Samsung said it would respond. Cook said the company "
	    "would grow.");
	assert_true(has_name(&a->organisations, "Apple"));
	assert_true(has_name(&a->organisations, "Microsoft"));
	assert_true(has_name(&a->organisations, "Samsung"));
	assert_true(has_name(&a->organisations, "Google"));
	assert_true(has_name(&a->people, "Tim Cook"));
	assert_false(has_name(&a->organisations, "Cook"));
	article_free(a);
	a = run_in("en", "This said on Thursday that sales rose. That said, "
	    "the cloud grew. Officials said the cloud grew. Police said "
	    "nothing was found. He said the results were strong. Critics "
	    "said it was weak. Analysts said the figures were solid. "
	    "Sources said it would respond. Relatives told reporters. "
	    "Republicans announced a plan. Protestants said so.");
	assert_int_equal(a->organisations.n, 0);
	assert_int_equal(a->people.n, 0);
	article_free(a);
}

/* English: a person's shape between "at" and "said", "says", "told",
 * "announced" or "declined" is the speaker's employer, a body
 * ("Analysts at Morgan Stanley said"); a person after "at" elsewhere
 * stays one ("looked at Tim Cook,"). */
static void
test_entities_at_speaker(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run_in("en", "Analysts at Morgan Stanley said the figures were "
	    "solid. Economists at Goldman Sachs told clients to wait. The "
	    "crowd looked at Tim Cook, and anger aimed at Keir Starmer "
	    "grew. Jane Smith said little.");
	assert_true(has_name(&a->organisations, "Morgan Stanley"));
	assert_true(has_name(&a->organisations, "Goldman Sachs"));
	assert_false(has_name(&a->people, "Morgan Stanley"));
	assert_true(has_name(&a->people, "Tim Cook"));
	assert_true(has_name(&a->people, "Keir Starmer"));
	assert_true(has_name(&a->people, "Jane Smith"));
	article_free(a);
}

/* English: a person's shape that no given name opens is a place where
 * English puts one: after "in", "atop", "near" ("atop Mauna Kea", "in
 * Santa Ana", "in Beit Lahia"), before a lower-case kind of place
 * ("Kowloon West district") or a comma and a place that ends the phrase
 * ("of South Portland, Maine,"). A person before a place's possessive
 * ("Liu He, China's negotiator"), a title after "in" that a common noun
 * ends ("in Purine Metabolism") and people named in full stay. */
static void
test_entities_at_place(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run_in("en", "Scientists using a telescope atop Mauna Kea found "
	    "water. A court in Santa Ana ruled, and a hospital in Beit Lahia "
	    "was hit. The commander of Kowloon West district spoke. Deqa "
	    "Dhalac of South Portland, Maine, won. Trump met Liu He, China's "
	    "top negotiator, as cited in Purine Metabolism in Man. Theresa "
	    "May met Tim Cook and Bill Gates at a NATO summit. Mike Pence and "
	    "the Bank of England stayed away.");
	assert_true(has_name(&a->places, "Mauna Kea"));
	assert_true(has_name(&a->places, "Santa Ana"));
	assert_true(has_name(&a->places, "Beit Lahia"));
	assert_true(has_name(&a->places, "Kowloon West"));
	assert_true(has_name(&a->places, "South Portland"));
	assert_false(has_name(&a->people, "Mauna Kea"));
	assert_false(has_name(&a->people, "Santa Ana"));
	assert_false(has_name(&a->people, "South Portland"));
	assert_true(has_name(&a->people, "Liu He"));
	assert_true(has_name(&a->people, "Deqa Dhalac"));
	assert_false(has_name(&a->places, "Purine Metabolism"));
	assert_names_stay(a);
	article_free(a);
}

/* English: a person's shape in a list of places only ("Austria, South
 * Tyrol and Switzerland") is a place; in a list with a person named in
 * full it is no place ("Austria, Hans Dorn and Lake Wells"). */
static void
test_entities_place_list(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run_in("en", "We also take a look at our neighbours Austria, "
	    "South Tyrol and Switzerland. Visitors came from Austria, Hans "
	    "Dorn and Lake Wells. Theresa May met Tim Cook and Bill Gates at "
	    "a NATO summit. Mike Pence and the Bank of England stayed away.");
	assert_true(has_name(&a->places, "South Tyrol"));
	assert_false(has_name(&a->people, "South Tyrol"));
	assert_false(has_name(&a->places, "Lake Wells"));
	assert_true(has_name(&a->people, "Hans Dorn"));
	assert_names_stay(a);
	article_free(a);
}

/* English: a word the dictionary writes capitalised only and counts
 * with a plural's "es" ("Christmases", "Swisses") names a day or one
 * of a people, no body, as those counted with an "s" do ("Muslims",
 * "Halloweens"): "Christmas decorations", "the Christmas period",
 * "Swiss scientists"; people whose given name is such a word ("Venus
 * Williams", "Eros Ramazzotti") stay. */
static void
test_entities_kind_es(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run_in("en", "They're setting up the store's Christmas "
	    "decorations. Shops hoped for a successful Christmas period. A "
	    "group of Swiss scientists showed that rats use them. Venus "
	    "Williams and Eros Ramazzotti were there. Theresa May met Tim "
	    "Cook and Bill Gates at a NATO summit. Mike Pence and the Bank "
	    "of England stayed away.");
	assert_false(has_name(&a->organisations, "Christmas"));
	assert_false(has_name(&a->organisations, "Swiss"));
	assert_true(has_name(&a->people, "Venus Williams"));
	assert_true(has_name(&a->people, "Eros Ramazzotti"));
	assert_names_stay(a);
	article_free(a);
}

/* A title-case line that ends with a question mark is a heading, whose
 * capitals are style ("Who Should Use Coinbase vs. Coinbase Pro?",
 * "How Do Coinbase and Coinbase Pro Work?"): its runs count only where
 * the text has them elsewhere. A question in prose keeps its names
 * ("Will Mike Pence run again in the next election?"). */
static void
test_entities_question_heading(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run_in("en", "Who Should Use Coinbase vs. Coinbase Pro?\n\n"
	    "Coinbase is ideal for beginners, and it is an exchange.\n\n"
	    "What Are Coinbase and Coinbase Pro?\n\nBoth are run by the "
	    "same firm.\n\nHow Do Coinbase and Coinbase Pro Work?\n\n"
	    "Coinbase is an exchange.\n\nWill Mike Pence run again in the "
	    "next election?\n\nTheresa May met Tim Cook and Bill Gates at a "
	    "NATO summit. The Bank of England stayed away.");
	assert_false(has_name(&a->people, "Should Use Coinbase"));
	assert_false(has_name(&a->people, "Are Coinbase"));
	assert_false(has_name(&a->people, "Do Coinbase"));
	assert_false(has_name(&a->people, "Coinbase Pro Work"));
	assert_true(has_name(&a->organisations, "Coinbase"));
	assert_names_stay(a);
	article_free(a);
}

/* English: a given name, one or two lower-case particles and a
 * capitalised word are one person ("Ursula von der Leyen", "Monica de
 * Bolle", "Serena van der Woodsen"), whose surname alone is no body;
 * no given name opens "Rio de Janeiro", which stays no person. */
static void
test_entities_en_particles(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run_in("en", "Recently, Ursula von der Leyen stated the goal. "
	    "The plan was proposed by von der Leyen. Tariffs hurt, said "
	    "Monica de Bolle, a senior fellow. Blair Waldorf and Serena van "
	    "der Woodsen hung out. The team flew to Rio de Janeiro on "
	    "Monday. Theresa May met Tim Cook and Bill Gates at a NATO "
	    "summit. Mike Pence and the Bank of England stayed away.");
	assert_true(has_name(&a->people, "Ursula von der Leyen"));
	assert_true(has_name(&a->people, "Monica de Bolle"));
	assert_true(has_name(&a->people, "Serena van der Woodsen"));
	assert_false(has_name(&a->organisations, "Leyen"));
	assert_false(has_name(&a->organisations, "Bolle"));
	assert_false(has_name(&a->organisations, "Woodsen"));
	assert_false(has_name(&a->people, "Rio de Janeiro"));
	assert_names_stay(a);
	article_free(a);
}

/* English: a run that no given name opens, ending with an acronym of a
 * thing one counts ("TV", "PC", "AI": the dictionary has "TVs"), is a
 * product or a phrase, no one, wherever it stands ("Samsung TV sales
 * rose", "Fargo TV creator", "Already Using AI"); the body before it
 * and the people around stay. */
static void
test_entities_acronoun_end(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run_in("en", "Samsung TV sales rose in May, Samsung said. The "
	    "Fargo TV creator spoke. How Major Hospitals are Already Using "
	    "AI to cut costs. Theresa May met Tim Cook and Bill Gates at a "
	    "NATO summit. Mike Pence and the Bank of England stayed away.");
	assert_false(has_name(&a->people, "Samsung TV"));
	assert_false(has_name(&a->people, "Fargo TV"));
	assert_false(has_name(&a->people, "Already Using AI"));
	assert_true(has_name(&a->organisations, "Samsung"));
	assert_names_stay(a);
	article_free(a);
}

/* A run ending with a street's abbreviation or a quay is a street, no
 * one ("Cornmarket St", "Bragg St", "Albert Quay"), and a place of the
 * gazetteer before a street's word is the street, no town and a body
 * ("Washington St", "Washington Street"); "St Louis" stays a town. */
static void
test_entities_street_abbr(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run_in("en", "Dennehy's on Cornmarket St are open today. The "
	    "flats on Bragg St were sold. A cafe on Albert Quay shut. The "
	    "pub on Washington St will stay open, and so will one on "
	    "Washington Street. She flew to St Louis. Theresa May met Tim "
	    "Cook and Bill Gates at a NATO summit. Mike Pence and the Bank "
	    "of England stayed away.");
	assert_true(has_name(&a->places, "Cornmarket St"));
	assert_true(has_name(&a->places, "Bragg St"));
	assert_true(has_name(&a->places, "Albert Quay"));
	assert_true(has_name(&a->places, "Washington St"));
	assert_true(has_name(&a->places, "Washington Street"));
	assert_true(has_name(&a->places, "St Louis"));
	assert_false(has_name(&a->people, "Cornmarket St"));
	assert_false(has_name(&a->people, "Albert Quay"));
	assert_false(has_name(&a->organisations, "St"));
	assert_false(has_name(&a->organisations, "Street"));
	assert_false(has_name(&a->places, "Washington"));
	assert_names_stay(a);
	article_free(a);
}

/* English: a word that is no given name, before a given name and a
 * word more, is a role's, no part of the name ("Taoiseach Micheal
 * Martin", "Defenseman Jonas Brodin", "Chief Executive Carrie Lam"),
 * as an English word so placed was ("Superintendent Robert Runcie"); a
 * given name before another stays ("Owen John Dempsey"). */
static void
test_entities_role_before_given(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run_in("en", "Taoiseach Micheal Martin said the country would "
	    "reopen. Defenseman Jonas Brodin scored twice. Chief Executive "
	    "Carrie Lam spoke. Owen John Dempsey, a farmer, agreed. Theresa "
	    "May met Tim Cook and Bill Gates at a NATO summit. Mike Pence "
	    "and the Bank of England stayed away.");
	assert_true(has_name(&a->people, "Micheal Martin"));
	assert_true(has_name(&a->people, "Jonas Brodin"));
	assert_true(has_name(&a->people, "Carrie Lam"));
	assert_true(has_name(&a->people, "Owen John Dempsey"));
	assert_false(has_name(&a->people, "Taoiseach Micheal Martin"));
	assert_false(has_name(&a->people, "Defenseman Jonas Brodin"));
	assert_false(has_name(&a->people, "Executive Carrie Lam"));
	assert_names_stay(a);
	article_free(a);
}

/* English: a place before one common noun in the singular names a
 * thing of the place ("the 2015 Paris Agreement", "the U.S. Market",
 * "China's Shanghai Composite"), and the noun alone is no body; a
 * plural after a place is a team's ("the Texas Rangers"), a name used
 * bare a body's ("use London Underground or"), and the bodies so named
 * stay ("The Washington Post", "the Paris Police"). */
static void
test_entities_place_thing(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run_in("en", "The 2015 Paris Agreement, a pact among nations, "
	    "held. Nissan sells sedans in the U.S. Market. China's Shanghai "
	    "Composite slumped. The Texas Rangers won, The Washington Post "
	    "reported, and the Paris Police agreed. You will need to use "
	    "London Underground or other services. Theresa May met Tim "
	    "Cook and Bill Gates at a NATO summit. Mike Pence and the Bank "
	    "of England stayed away.");
	assert_false(has_name(&a->organisations, "Agreement"));
	assert_false(has_name(&a->organisations, "Market"));
	assert_false(has_name(&a->organisations, "Composite"));
	assert_true(has_name(&a->organisations, "Rangers"));
	assert_true(has_name(&a->organisations, "Washington Post"));
	assert_true(has_name(&a->organisations, "Paris Police"));
	assert_true(has_name(&a->organisations, "Underground"));
	assert_names_stay(a);
	article_free(a);
}

/* A run ending with a cafe's, an inn's or a train operator's word is a
 * business, no one ("Kimbo Cafe", "Rathcormac Inn", "Gatwick Express",
 * "TransPennine Express"), as one ending with "Hospital" or "Museum"
 * is; a person named in full stays one. */
static void
test_entities_venue_end(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run_in("en", "Kimbo Cafe on the quay will stay open, and so "
	    "will Rathcormac Inn. If the customer cannot access "
	    "the vehicle, Gatwick Express will organise transport; "
	    "TransPennine Express runs trains north. Theresa May met Tim "
	    "Cook and Bill Gates at a NATO summit. Mike Pence and the Bank of "
	    "England stayed away.");
	assert_false(has_name(&a->people, "Kimbo Cafe"));
	assert_false(has_name(&a->people, "Rathcormac Inn"));
	assert_false(has_name(&a->people, "Gatwick Express"));
	assert_false(has_name(&a->people, "TransPennine Express"));
	assert_true(has_name(&a->organisations, "Kimbo Cafe"));
	assert_true(has_name(&a->organisations, "Rathcormac Inn"));
	assert_true(has_name(&a->organisations, "Gatwick Express"));
	assert_true(has_name(&a->organisations, "TransPennine Express"));
	assert_names_stay(a);
	article_free(a);
}

/* A product after its maker's name is no one ("Apple TV" beside
 * "Apple"), also where the maker is written in another case ("the XBox
 * One controller" beside "Xbox said") and where a word alone was
 * resolved to the product ("Pro" of "the iPad Pro and the MacBook
 * Pro"). */
static void
test_entities_product_forms(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run_in("en", "The charger fits the iPad Pro and the MacBook Pro. "
	    "The MacBook sold well. It feels like a blend of the XBox One "
	    "controller and a Switch. Xbox said sales rose. Theresa May met "
	    "Tim Cook and Bill Gates at a NATO summit. Mike Pence and the "
	    "Bank of England stayed away.");
	assert_false(has_name(&a->people, "MacBook Pro"));
	assert_false(has_name(&a->people, "XBox One"));
	assert_true(has_name(&a->organisations, "MacBook"));
	assert_true(has_name(&a->organisations, "Xbox"));
	assert_names_stay(a);
	article_free(a);
}

/* A place's name in "-a" with an "n" ("Gazan") or, for the "-a",
 * "-ine" ("Argentine") is one of a people, no body; given names of
 * that shape stay people's ("Caroline", "Adrian": no place is
 * "Carolina" or "Adria" alone), and the places stay ("Gaza",
 * "Argentina"). */
static void
test_entities_demonym_place(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run_in("en", "The hospital in the southern Gazan city of Rafah "
	    "was hit. Gaza has few hospitals left. The club said the "
	    "Argentine was linked to the job, and Argentina agreed. "
	    "Caroline Hawley met Adrian Cummins. Later Caroline said no. "
	    "Theresa May met Tim Cook and Bill Gates at a NATO summit. Mike "
	    "Pence and the Bank of England stayed away.");
	assert_false(has_name(&a->organisations, "Gazan"));
	assert_false(has_name(&a->organisations, "Argentine"));
	assert_true(has_name(&a->places, "Gaza"));
	assert_true(has_name(&a->places, "Argentina"));
	assert_true(has_name(&a->people, "Caroline Hawley"));
	assert_true(has_name(&a->people, "Adrian Cummins"));
	assert_names_stay(a);
	article_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_entities_de_quoted),
		cmocka_unit_test(test_entities_code_words),
		cmocka_unit_test(test_entities_lower_tail),
		cmocka_unit_test(test_entities_acro_medium),
		cmocka_unit_test(test_entities_name_adjective),
		cmocka_unit_test(test_entities_code_list),
		cmocka_unit_test(test_entities_acro_det_comma),
		cmocka_unit_test(test_entities_acro_det_lang),
		cmocka_unit_test(test_entities_acro_de_adj),
		cmocka_unit_test(test_entities_acro_before_noun),
		cmocka_unit_test(test_entities_acro_via),
		cmocka_unit_test(test_entities_acro_amount),
		cmocka_unit_test(test_entities_counted_person),
		cmocka_unit_test(test_entities_acro_de_defined),
		cmocka_unit_test(test_entities_counted_plural),
		cmocka_unit_test(test_entities_time_named),
		cmocka_unit_test(test_entities_predicate_adj),
		cmocka_unit_test(test_entities_adj_head),
		cmocka_unit_test(test_entities_never_name),
		cmocka_unit_test(test_entities_opener_speaks),
		cmocka_unit_test(test_entities_at_speaker),
		cmocka_unit_test(test_entities_at_place),
		cmocka_unit_test(test_entities_place_list),
		cmocka_unit_test(test_entities_kind_es),
		cmocka_unit_test(test_entities_question_heading),
		cmocka_unit_test(test_entities_en_particles),
		cmocka_unit_test(test_entities_acronoun_end),
		cmocka_unit_test(test_entities_street_abbr),
		cmocka_unit_test(test_entities_role_before_given),
		cmocka_unit_test(test_entities_place_thing),
		cmocka_unit_test(test_entities_venue_end),
		cmocka_unit_test(test_entities_product_forms),
		cmocka_unit_test(test_entities_demonym_place),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
