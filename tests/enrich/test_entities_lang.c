/* Unit tests for the entity rules of single languages: Spanish and
 * French runs (their institutions, titles, sentence openers and
 * particles), German organisations, the German names no list of given
 * names holds and the German genitive, and scripts without capitals
 * (Chinese, Arabic), where no name is found rather than a fragment. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmocka.h>

#include "enrich/enrich.h"
#include "enrich/enrich_entities_int.h"
#include "names_check.h"

/* Whether a name of l has the word w (a fragment of a longer run). */
static bool
has_word(const struct strlist *l, const char *w)
{
	size_t i, n = strlen(w);
	const char *p;

	for (i = 0; i < l->n; i++)
		for (p = strstr(l->v[i], w); p != NULL;
		    p = strstr(p + 1, w))
			if ((p == l->v[i] || p[-1] == ' ') &&
			    (p[n] == '\0' || p[n] == ' '))
				return true;
	return false;
}

/* The speaker of a's quotation holding words, or "" (none, or no such
 * quotation). */
static const char *
speaker_of(const struct nw_article *a, const char *words)
{
	size_t i;

	for (i = 0; i < a->n_quotes; i++)
		if (strstr(a->quotes[i].text, words) != NULL)
			return a->quotes[i].speaker ? a->quotes[i].speaker : "";
	return "";
}

static struct nw_article *
run_sub(const char *lang, const char *title, const char *subtitle,
    const char *body)
{
	struct nw_article *a = article_new();

	if (lang != NULL)
		a->lang = xstrdup(lang);
	if (title != NULL)
		a->title = xstrdup(title);
	if (subtitle != NULL)
		a->subtitle = xstrdup(subtitle);
	a->body = xstrdup(body);
	enrich_normalise(a);
	enrich_article(a);
	return a;
}

static struct nw_article *
run(const char *lang, const char *title, const char *body)
{
	return run_sub(lang, title, NULL, body);
}

/* Spanish: institutions with their particles are one organisation, a
 * title opens a person's name, a word of the language opening a
 * sentence or standing alone is no name, and countries have their
 * Spanish names. */
static void
test_entities_spanish(void **state)
{
	struct nw_article *a;
	const char *const not_person[] = {
		"Seguridad Pública", "Estados Unidos", "Corte Suprema",
		"Presidente Gabriel Boric", "Durante Gabriel Boric",
		"Ministerio Público",
	};
	size_t i;

	(void)state;
	a = run("es", NULL, "El ministro de Seguridad Pública, Gustavo "
	    "Villatoro, dijo que la Fiscalía General de la República "
	    "investiga el caso junto al Ministerio de Energía y Minas. "
	    "Durante la audiencia, la Corte Suprema de Justicia confirmó la "
	    "condena. Presidente Gabriel Boric viajó a Estados Unidos y "
	    "luego a Alemania, según el Ministerio Público.\n\n"
	    "El Ambiente fue tenso, dijo Alicia a los periodistas del "
	    "diario El Espectador. En la sesión, Francia Márquez habló "
	    "con Gerson Torres sobre Derechos Fundamentales y Normas "
	    "Transitorias.");
	assert_string_equal(a->lang, "es");
	for (i = 0; i < sizeof(not_person) / sizeof(not_person[0]); i++)
		assert_false(has_name(&a->people, not_person[i]));
	assert_true(has_name(&a->people, "Gustavo Villatoro"));
	assert_true(has_name(&a->people, "Gabriel Boric"));
	assert_true(has_name(&a->organisations,
	    "Fiscalía General de la República"));
	assert_true(has_name(&a->organisations,
	    "Ministerio de Energía y Minas"));
	assert_true(has_name(&a->organisations, "Corte Suprema de Justicia"));
	assert_true(has_name(&a->organisations, "Ministerio Público"));
	assert_true(has_name(&a->organisations, "El Espectador"));
	assert_false(has_name(&a->organisations, "Ambiente"));
	assert_false(has_name(&a->organisations, "Alicia"));
	assert_false(has_name(&a->organisations, "Energía"));
	assert_true(has_name(&a->places, "Estados Unidos"));
	assert_true(has_name(&a->places, "Alemania"));
	/* a country that is a given name, and a surname that is a
	 * plural, in a name; plurals of words in none */
	assert_true(has_name(&a->people, "Francia Márquez"));
	assert_false(has_name(&a->places, "Francia"));
	assert_true(has_name(&a->people, "Gerson Torres"));
	assert_false(has_name(&a->people, "Derechos Fundamentales"));
	assert_false(has_name(&a->people, "Normas Transitorias"));
	article_free(a);
}

/* French: a sentence's opening word ("Selon") and a ministry's field
 * before a minister's name ("Santé") are no part of a name; a title with
 * its article inside a sentence is an organisation, not a person; the
 * Spanish name of a country is no French place. */
static void
test_entities_french(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("fr", NULL, "Selon Mediapart, le ministre de la Santé Olivier "
	    "Véran a rencontré Emmanuel Macron à Paris. Le quotidien Le "
	    "Monde rapporte que la Cour de cassation a rejeté le pourvoi, "
	    "et que le Conseil d'État sera saisi. La délégation est ensuite "
	    "partie en Allemagne et en Espagne, a précisé Mme Cardenal.");
	assert_string_equal(a->lang, "fr");
	assert_true(has_name(&a->people, "Olivier Véran"));
	assert_true(has_name(&a->people, "Emmanuel Macron"));
	assert_false(has_name(&a->people, "Santé Olivier Véran"));
	assert_false(has_name(&a->people, "Selon Mediapart"));
	assert_false(has_name(&a->people, "Le Monde"));
	assert_true(has_name(&a->organisations, "Le Monde"));
	assert_true(has_name(&a->organisations, "Cour de cassation"));
	assert_false(has_name(&a->organisations, "Cour"));
	assert_false(has_word(&a->people, "Le"));
	assert_true(has_name(&a->places, "Paris"));
	assert_true(has_name(&a->places, "Allemagne"));
	assert_true(has_name(&a->places, "Espagne"));
	article_free(a);

	/* an institution's lower-case words are its name's */
	a = run("fr", NULL, "Le Parti socialiste a saisi la Commission "
	    "européenne, et le Conseil fédéral a répondu jeudi à la "
	    "demande des députés, qui attendaient la réponse depuis mars.");
	assert_true(has_name(&a->organisations, "Parti socialiste"));
	assert_true(has_name(&a->organisations, "Commission européenne"));
	assert_true(has_name(&a->organisations, "Conseil fédéral"));
	article_free(a);

	a = run("fr", NULL, "Le gouvernement a publié mardi son rapport, et "
	    "la ministre a répondu aux questions des députés pendant deux "
	    "heures. Alemania est le nom espagnol du pays.");
	assert_false(has_name(&a->places, "Alemania"));
	article_free(a);
}

/* Elided articles and prepositions open names ("l'OMS", "d'Apple",
 * Italian "dell'ONU"), and so do a roster's numbers ("28-Joaquín
 * Aguirre", in test_entities_romance_words); a capital before the apostrophe inside a
 * sentence or at a name's start is the name's ("M'Jid El Guerrab"); a
 * French institution's name runs over its lower-case complements. */
static void
test_entities_elision(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("fr", NULL, "Selon l'OMS, les ventes d'Apple ont baissé de "
	    "dix pour cent depuis le mois de janvier. L'Office fédéral de "
	    "l'agriculture a interdit le produit, et l'Agence nationale de "
	    "sécurité du médicament a publié un avis.\n\n"
	    "M’Jid El Guerrab a été exclu du groupe, a dit le "
	    "président de l’Assemblée nationale lors de la séance.");
	assert_string_equal(a->lang, "fr");
	assert_true(has_name(&a->organisations, "OMS"));
	assert_true(has_name(&a->organisations, "Apple"));
	assert_true(has_name(&a->organisations,
	    "Office fédéral de l'agriculture"));
	assert_true(has_name(&a->organisations,
	    "Agence nationale de sécurité du médicament"));
	assert_true(has_name(&a->organisations, "Assemblée nationale"));
	assert_true(has_name(&a->people, "M’Jid El Guerrab"));
	assert_false(has_word(&a->people, "Jid"));
	assert_false(has_word(&a->organisations, "l'OMS"));
	article_free(a);

	/* complements with "pour", "et" and "de la"; not a verb */
	a = run("fr", NULL, "Une étude menée par l'Institut de recherche "
	    "pour le développement à Dakar a été citée par l'Institut "
	    "national de la santé et de la recherche médicale. La "
	    "Commission européenne pour examiner le dossier a siégé lundi.");
	assert_true(has_name(&a->organisations,
	    "Institut de recherche pour le développement"));
	assert_true(has_name(&a->organisations, "Institut national de la "
	    "santé et de la recherche médicale"));
	assert_true(has_name(&a->organisations, "Commission européenne"));
	article_free(a);

	a = run("it", NULL, "Il segretario generale dell'ONU ha parlato "
	    "ieri a Roma con i ministri degli esteri, che hanno chiesto un "
	    "cessate il fuoco immediato e la fine delle ostilità.");
	assert_string_equal(a->lang, "it");
	assert_true(has_name(&a->organisations, "ONU"));
	article_free(a);
}

/* The Italian and Portuguese dictionaries: their words are no name
 * ("Gran Bretagna" is no person, "Segurança Pública" none). A word no
 * dictionary knows after a preposition of place is a town, not an
 * organisation ("à Nantes", "en Medellín"), unless it is shaped as a
 * brand ("en YouTube"), and so are its other mentions; a title in
 * lower case marks a person ("professeur Raoult"), in the title too; a
 * French capital without its accent is the word's ("Etat"). */
static void
test_entities_romance_words(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("it", NULL, "Il freddo arriva dalla Gran Bretagna e dalla "
	    "Pianura Padana, mentre la Tramontana soffia sulla costa. Domani "
	    "la neve cadrà a Oloron e nella regione, secondo gli esperti "
	    "che seguono il fenomeno da giorni.");
	assert_false(has_name(&a->people, "Gran Bretagna"));
	assert_false(has_name(&a->people, "Pianura Padana"));
	assert_false(has_name(&a->organisations, "Tramontana"));
	assert_true(has_name(&a->places, "Oloron"));
	assert_false(has_name(&a->organisations, "Oloron"));
	article_free(a);

	a = run("pt", NULL, "A Secretaria da Segurança Pública disse que os "
	    "policiais foram presos em Camaçari durante a operação, e que "
	    "a Coordenação de Repressão a Crimes ainda investiga o caso "
	    "com o apoio da Justiça.");
	assert_string_equal(a->lang, "pt");
	assert_false(has_name(&a->people, "Segurança Pública"));
	assert_false(has_name(&a->organisations, "Coordenação"));
	assert_true(has_name(&a->places, "Camaçari"));
	article_free(a);

	a = run("fr", "Libre cours : Raoult, les nazis et moi", "Elle a "
	    "étudié à Nantes puis à Angers avant de rejoindre le "
	    "laboratoire du professeur Raoult, qui dirige l'institut depuis "
	    "des années. Ses vidéos sont publiées en ligne chaque semaine, "
	    "et l'Etat les finance avec 153 Etats partenaires.");
	assert_true(has_name(&a->places, "Nantes"));
	assert_true(has_name(&a->places, "Angers"));
	assert_false(has_name(&a->organisations, "Nantes"));
	assert_true(has_name(&a->people, "Raoult"));
	assert_false(has_name(&a->organisations, "Raoult"));
	/* a capital without its accent: "Etat" is "état" */
	assert_false(has_name(&a->organisations, "Etat"));
	assert_false(has_name(&a->organisations, "Etats"));
	article_free(a);

	/* a word that is a place in one mention is one in all */
	a = run("es", NULL, "El alcalde habló en Medellín con los vecinos, "
	    "y el video de la reunión se publicó en YouTube y en Twitter "
	    "durante la noche, según informaron los organizadores. Desde "
	    "entonces, dicen, Medellín se ha convertido en el centro de la "
	    "campaña.");
	assert_true(has_name(&a->places, "Medellín"));
	assert_false(has_name(&a->organisations, "Medellín"));
	article_free(a);

	/* a roster's numbers are no part of the names; a unit is no name */
	a = run("es", NULL, "El partido terminó empatado ante un estadio "
	    "lleno, y el técnico habló después con la prensa.\n\n"
	    "Alineaciones\n\n2-Sporting FC: 1-Adonis Pineda (6.5), "
	    "28-Joaquín Aguirre (7), 14-Christopher Meneses (6), 5-Luis "
	    "Flores (6.5)\n\nEl club instaló dos turbinas de 5-MW junto "
	    "al estadio.");
	assert_true(has_name(&a->people, "Joaquín Aguirre"));
	assert_true(has_name(&a->people, "Christopher Meneses"));
	assert_true(has_name(&a->people, "Adonis Pineda"));
	assert_false(has_name(&a->organisations, "Aguirre"));
	assert_false(has_name(&a->organisations, "Meneses"));
	assert_false(has_name(&a->organisations, "MW"));
	assert_false(has_name(&a->places, "YouTube"));
	assert_false(has_name(&a->places, "Twitter"));
	article_free(a);

	/* "de" after a town's body or office in lower case names a town;
	 * after another noun it may name a firm */
	a = run("fr", NULL, "En juin, le parquet de Brest a ouvert une "
	    "enquête sur l'ancien maire de Fresnes, qui enseignait à "
	    "l'université de Nantes, a dit le directeur de Mediapart.");
	assert_true(has_name(&a->places, "Brest"));
	assert_true(has_name(&a->places, "Fresnes"));
	assert_true(has_name(&a->places, "Nantes"));
	assert_false(has_name(&a->organisations, "Brest"));
	assert_false(has_name(&a->places, "Mediapart"));
	article_free(a);

	/* ISO's "Region" names are places in the text of their country's
	 * languages only: Italy's in Italian, not in English ("Lazio" is a
	 * club there) nor in German, which writes "Latium" and "Marken" */
	a = run("it", NULL, "Le temperature scendono in tutta Italia: neve "
	    "attesa in Abruzzo, Molise e Basilicata, mentre il Lazio e le "
	    "Marche restano al sole, secondo i meteorologi.");
	assert_true(has_name(&a->places, "Abruzzo"));
	assert_true(has_name(&a->places, "Basilicata"));
	assert_true(has_name(&a->places, "Lazio"));
	assert_false(has_name(&a->organisations, "Abruzzo"));
	assert_false(has_name(&a->organisations, "Molise"));
	article_free(a);
	a = run("en", NULL, "The striker moved from Lazio to Napoli last "
	    "summer, and he said on Sunday that the club had treated him "
	    "well.");
	assert_false(has_name(&a->places, "Lazio"));
	article_free(a);
	a = run("de", NULL, "Der Abgeordnete der Partei La République en "
	    "Marche sprach am Montag mit den Beamten über die Grenze.");
	assert_false(has_name(&a->places, "Marche"));
	article_free(a);
}

/* German: organisations by their head word or legal form, by a
 * country's adjective capitalised inside a sentence, and federal bodies
 * in one word, named in the nominative; a person whose given name no list holds but whose words
 * no dictionary knows; a genitive -s cut where the text writes the name
 * without it; the reader's "Ihre" opens no name. */
static void
test_entities_german_orgs(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("de", NULL, "Die Bundesregierung hat am Montag mit der "
	    "Deutschen Bahn und der Techniker Krankenkasse über die Pläne "
	    "gesprochen. Der japanische Architekt Kengo Kuma entwarf das "
	    "Stadion für die Spiele in Tokio. Angela Merkels Sprecher sagte, "
	    "Merkel werde am Dienstag nach Paris reisen. Bitte prüfen Sie "
	    "Ihre Bestellung, schreibt die Siemens Healthcare GmbH. Die "
	    "Sprecherin des Deutschen Caritasverbandes widersprach. Die "
	    "Regeln der Europäischen Union gelten, so das Rush University "
	    "Medical Center, auch für Kliniken des Rush University Medical "
	    "Centers. Die Erklärung des Augusta National Clubs kam spät, "
	    "und die Sender der Freien Radios schwiegen. Zuschauer sahen, "
	    "wie von Augusta Geschichte geschrieben wird, die er in Augusta "
	    "schreiben sollte. Die Moderatorin Serena Williams lobte Serena "
	    "in Wien.");
	assert_string_equal(a->lang, "de");
	assert_true(has_name(&a->organisations, "Bundesregierung"));
	/* in the nominative: "der Deutschen Bahn", "des Deutschen
	 * Caritasverbandes" */
	assert_true(has_name(&a->organisations, "Deutsche Bahn"));
	assert_false(has_name(&a->organisations, "Deutschen Bahn"));
	assert_true(has_name(&a->organisations, "Deutsche Caritasverband"));
	/* a body's name by its English head word too */
	assert_true(has_name(&a->organisations, "Europäische Union"));
	assert_false(has_name(&a->organisations, "Europäischen Union"));
	assert_false(has_name(&a->organisations,
	    "Rush University Medical Centers"));
	/* a body's English head in the genitive, not in the plural */
	assert_true(has_name(&a->organisations, "Augusta National Club"));
	assert_false(has_word(&a->people, "Augusta"));
	assert_false(has_word(&a->organisations, "Radios"));
	/* a given name the text writes as a town's ("in Augusta
	 * schreiben") before a noun is no person */
	assert_false(has_name(&a->people, "Augusta Geschichte"));
	assert_true(has_name(&a->people, "Serena Williams"));
	assert_true(has_name(&a->organisations, "Techniker Krankenkasse"));
	assert_true(has_name(&a->organisations, "Siemens Healthcare GmbH"));
	assert_true(has_name(&a->people, "Kengo Kuma"));
	assert_true(has_name(&a->people, "Angela Merkel"));
	assert_false(has_name(&a->people, "Angela Merkels"));
	assert_false(has_word(&a->organisations, "Bestellung"));
	assert_false(has_word(&a->people, "Bestellung"));
	assert_false(has_name(&a->people, "Techniker Krankenkasse"));
	article_free(a);

	/* a list without full stops is no heading in German: its names
	 * count */
	a = run("de", NULL, "1989 Abrissbeschluss und Neubauplanung durch "
	    "Daniel Gogel\n\n2008 Erstellung eines Parkpflegewerks von Uwe "
	    "Neumann, Garten- und Landschaftsarchitekt, Berlin\n\n"
	    "hg. von der Wüstenrot Stiftung, Stuttgart 2011\n\n"
	    "Die Sanierung begann nach langen Verhandlungen mit der Stadt "
	    "und den Bewohnern.");
	assert_true(has_name(&a->people, "Daniel Gogel"));
	assert_true(has_name(&a->people, "Uwe Neumann"));
	assert_true(has_name(&a->organisations, "Wüstenrot Stiftung"));
	article_free(a);

	/* "für" inside a body's name; a genitive only after a ministry */
	a = run("de", NULL, "Das Bundesministerium für Bildung und Forschung "
	    "fördert das Projekt, teilte das Bundesministerium der "
	    "Verteidigung mit. Das Landesarbeitsgericht der Klägerin war "
	    "nicht zuständig, und das Max-Planck-Institut für Meteorologie "
	    "liefert die Daten.");
	assert_true(has_name(&a->organisations,
	    "Bundesministerium für Bildung und Forschung"));
	assert_true(has_name(&a->organisations,
	    "Bundesministerium der Verteidigung"));
	assert_true(has_name(&a->organisations,
	    "Max-Planck-Institut für Meteorologie"));
	assert_false(has_name(&a->organisations,
	    "Landesarbeitsgericht der Klägerin"));
	article_free(a);

	/* common nouns and terms stay no names, in a sentence's middle
	 * too: "Künstliche Intelligenz" is no body, "Hans" no genitive */
	a = run("de", NULL, "Die Firma setzt auf Künstliche Intelligenz und "
	    "Erneuerbare Energien, sagte Hans am Rande der Messe. Technische "
	    "Standards fehlen noch, und bis Ende April soll das "
	    "Projekt laufen.");
	assert_int_equal(a->people.n, 0);
	assert_int_equal(a->organisations.n, 0);
	article_free(a);

	/* an adjective's name with a plural head is an event, a singular
	 * one a body's; unknown words after an article are a firm's, after
	 * a relative pronoun a person's */
	a = run("de", NULL, "Vor den Olympischen Spielen in Peking sprach "
	    "die Evangelische Kirche mit den Sportlern. Der Film erschien "
	    "im Verleih der Constantin Film. Es ist ein Film, in dem "
	    "Stéphane Hessel über sein Leben spricht, und das Buch, das "
	    "Kinsun Chan geschrieben hat.");
	assert_false(has_word(&a->organisations, "Olympischen"));
	assert_false(has_word(&a->organisations, "Olympische"));
	assert_true(has_name(&a->organisations, "Evangelische Kirche"));
	assert_true(has_name(&a->organisations, "Constantin Film"));
	assert_false(has_name(&a->people, "Constantin Film"));
	assert_true(has_name(&a->people, "Stéphane Hessel"));
	assert_false(has_name(&a->organisations, "Stéphane Hessel"));
	assert_true(has_name(&a->people, "Kinsun Chan"));
	article_free(a);

	/* before a singular head that is no body's, an adjective's name
	 * is a state, a place, an event, a currency */
	a = run("de", NULL, "Seit dem Ende über das Römische Reich hinaus "
	    "fuhren die Schiffe bis in den Indischen Ozean. Im Jahr nach "
	    "dem Arabischen Frühling fiel die Schwedische Krone, wie das "
	    "Bayerische Fernsehen meldete, und das Europäische Parlament "
	    "stimmte ab.");
	assert_false(has_word(&a->organisations, "Reich"));
	assert_false(has_word(&a->organisations, "Ozean"));
	assert_false(has_word(&a->organisations, "Frühling"));
	assert_false(has_word(&a->organisations, "Krone"));
	assert_true(has_name(&a->organisations, "Bayerische Fernsehen"));
	assert_true(has_name(&a->organisations, "Europäische Parlament"));
	article_free(a);

	/* words of another language are no person's name */
	a = run("de", NULL, "In Rom warnte Protezione Civile vor dem "
	    "Sturm, und in Mexiko rief Alianza Cívica zu Protesten auf, "
	    "sagte der Architekt Kengo Kuma am Rande der Konferenz.");
	assert_false(has_name(&a->people, "Protezione Civile"));
	assert_false(has_name(&a->people, "Alianza Cívica"));
	assert_true(has_name(&a->people, "Kengo Kuma"));
	article_free(a);
}

/* Polish, Russian: a name after a preposition is a case form ("w
 * Lesznie", "z Moskwą", "в Америке"), no name; a word alone is kept
 * where it resolves to a person or a place ("za Pawlickiego" beside
 * "Piotr Pawlicki"), and a name written elsewhere outside such a
 * phrase stays ("Eurocash"). */
static void
test_entities_after_prepositions(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("pl", NULL, "Pada w Lesznie dość mocno, a rozmowy z Moskwą "
	    "trwają. Zawodnik jechał za Pawlickiego, bo Piotr Pawlicki "
	    "odpoczywał. Sieć prowadzi firma Eurocash, a dzięki Eurocash "
	    "rośnie sprzedaż.");
	assert_false(has_name(&a->organisations, "Lesznie"));
	assert_false(has_name(&a->organisations, "Moskwą"));
	assert_false(has_name(&a->organisations, "Pawlickiego"));
	assert_true(has_name(&a->people, "Piotr Pawlicki"));
	assert_true(has_name(&a->organisations, "Eurocash"));
	article_free(a);
	/* a name of several words there too ("z Zielonej Góry", "z
	 * Robertem Lewandowskim") */
	a = run("pl", NULL, "Weteran z Zielonej Góry nie dogonił rywala. "
	    "Zmarzlik mówił o rywalizacji z Robertem Lewandowskim.");
	assert_false(has_name(&a->people, "Zielonej Góry"));
	assert_false(has_name(&a->people, "Robertem Lewandowskim"));
	article_free(a);
	a = run("ru", NULL, "Фильм сняли в Америке прошлым летом. Об этом "
	    "сообщил Газпром, а у Газпром нет других планов.");
	assert_false(has_name(&a->organisations, "Америке"));
	assert_true(has_name(&a->organisations, "Газпром"));
	article_free(a);
}

/* Polish: the country names of iso-codes' Polish catalogue are places in
 * their case forms too ("w Polsce", "z Rosji", "na Ukrainie"). */
static void
test_entities_polish_places(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("pl", NULL, "Bezrobocie w Polsce jest najniższe w całej "
	    "Unii, a sytuacja w Rosji i na Ukrainie pogarsza się z każdym "
	    "miesiącem, jak podaje urząd. Eksport do Meksyku rośnie, a "
	    "Czechy i Holandia notują spadki.");
	assert_true(has_name(&a->places, "Polska"));
	assert_true(has_name(&a->places, "Rosja"));
	assert_true(has_name(&a->places, "Ukraina"));
	assert_true(has_name(&a->places, "Meksyk"));
	assert_true(has_name(&a->places, "Czechy"));
	assert_false(has_name(&a->organisations, "Polsce"));
	assert_false(has_name(&a->organisations, "Rosji"));
	assert_false(has_name(&a->organisations, "Meksyku"));
	article_free(a);
	/* the genitive of a plural name ("Czech"), and a stem that another
	 * language's name matches ("Irland" of "Irlandii") */
	a = run("pl", NULL, "Godzina pracy w Irlandii jest warta najwięcej, "
	    "a władze Czech zapowiedziały zmiany w przepisach w tym roku.");
	assert_true(has_name(&a->places, "Irlandia"));
	assert_true(has_name(&a->places, "Czechy"));
	assert_false(has_name(&a->organisations, "Irlandii"));
	assert_false(has_name(&a->organisations, "Czech"));
	article_free(a);
	/* a body's case forms are its nominative where the text has it */
	a = run("pl", NULL, "Komunikat wydała Informacyjna Służba "
	    "Bezpieczeństwa w tej sprawie. Szef Informacyjnej Służby "
	    "Bezpieczeństwa mówił o tym we wtorek.");
	assert_true(has_name(&a->organisations,
	    "Informacyjna Służba Bezpieczeństwa"));
	assert_false(has_name(&a->organisations,
	    "Informacyjnej Służby Bezpieczeństwa"));
	article_free(a);
	/* a language alone is no body */
	a = run("en", NULL, "The page was translated into Spanish last "
	    "week, and the Danish retailer Proshop said so on Monday.");
	assert_false(has_name(&a->organisations, "Spanish"));
	assert_false(has_name(&a->organisations, "Danish"));
	article_free(a);

	/* a surname's case forms are the person's */
	a = run("pl", NULL, "Piotr Pawlicki wygrał bieg, a Janusz Kołodziej "
	    "był drugi. Trener chwalił potem Pawlickiego, a kibice długo "
	    "rozmawiali z Kołodziejem o wyścigu.");
	assert_true(has_name(&a->people, "Piotr Pawlicki"));
	assert_true(has_name(&a->people, "Janusz Kołodziej"));
	assert_false(has_name(&a->organisations, "Pawlickiego"));
	assert_false(has_name(&a->organisations, "Kołodziejem"));
	article_free(a);

	/* a sentence's first word never capitalised inside a sentence
	 * opens no name */
	a = run("pl", NULL, "Rzecznik Kremla Dmitrij Pieskow zaprzeczył. "
	    "Zarazem Czechy wydaliły dyplomatów, a minister Jan Hamáček "
	    "mówił o sabotażu. Socjaldemokrata Jan Hamáček nie komentował.");
	assert_false(has_word(&a->people, "Rzecznik"));
	assert_false(has_word(&a->people, "Zarazem"));
	assert_false(has_word(&a->people, "Socjaldemokrata"));
	assert_true(has_name(&a->people, "Jan Hamáček"));
	article_free(a);

	/* a body's head word in any case makes an organisation */
	a = run("pl", NULL, "Dane podał szef Informacyjnej Służby "
	    "Bezpieczeństwa, a posłowie Koalicji Obywatelskiej zażądali "
	    "wyjaśnień od premiera Mateusza Morawieckiego.");
	assert_true(has_name(&a->organisations,
	    "Informacyjnej Służby Bezpieczeństwa"));
	assert_true(has_name(&a->organisations, "Koalicji Obywatelskiej"));
	assert_false(has_word(&a->people, "Koalicji"));
	assert_false(has_word(&a->people, "Służby"));
	article_free(a);
}

/* Russian: a given name alone in another case than the full name's
 * ("Динару" beside "Динара Снижевская") is that person, not an
 * organisation, whether or not a list of given names has it; a firm's
 * name before a product's stays the firm's in Latin script. */
static void
test_entities_russian_given(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("ru", NULL, "Динара Снижевская открыла своё кафе в прошлом "
	    "году, и на открытие пришли все её друзья. Гости поздравили "
	    "Динару и пожелали ей удачи, а потом долго фотографировались "
	    "у входа.");
	assert_true(has_name(&a->people, "Динара Снижевская"));
	assert_false(has_name(&a->organisations, "Динару"));
	article_free(a);
	/* a given name of three letters, which the stemmer leaves whole */
	a = run("ru", NULL, "Ася Воскресенская открыла кафе в центре города "
	    "прошлой весной. Партнёром Аси Воскресенской стал её брат. "
	    "Друзья поддержали Асю и пришли на открытие.");
	assert_true(has_name(&a->people, "Ася Воскресенская"));
	assert_false(has_name(&a->people, "Аси Воскресенской"));
	assert_false(has_name(&a->organisations, "Асю"));
	article_free(a);

	/* a label in capitals before a name is no part of it, a body's
	 * name in capitals is */
	a = run("pl", NULL, "Mecz był bardzo emocjonujący dla wszystkich "
	    "kibiców.\n\nZOBACZ WIDEO Bartosz Zmarzlik o sezonie i planach "
	    "na przyszłość.\n\nZawodnik mówił długo o swoich planach na "
	    "kolejny sezon.");
	assert_true(has_name(&a->people, "Bartosz Zmarzlik"));
	assert_false(has_word(&a->people, "WIDEO"));
	article_free(a);
	a = run("de", NULL, "Die Studie wurde vom PUBLIC VOICE Lab Verein in "
	    "Wien erstellt, teilten die Autoren am Montag mit.");
	assert_true(has_name(&a->organisations, "PUBLIC VOICE Lab Verein"));
	article_free(a);

	a = run("en", NULL, "Apple said on Monday that Apple Music would "
	    "raise its prices in the autumn, the company told reporters.");
	assert_true(has_name(&a->organisations, "Apple"));
	article_free(a);
}

/* A body's word alone that a dictionary knows is a common noun, in any
 * language ("das Team", "Police have"), unless "the" makes it one body
 * ("the Senate"); a word no dictionary has is a name ("Reuters"). */
static void
test_entities_head_alone(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("en", NULL, "A woman was seen leaving the station. Police have "
	    "since launched a search for her. The bill passed the Senate on "
	    "Tuesday, Reuters reported.");
	assert_false(has_name(&a->organisations, "Police"));
	assert_true(has_name(&a->organisations, "Senate"));
	assert_true(has_name(&a->organisations, "Reuters"));
	article_free(a);
	a = run("de", NULL, "Heute ist für mich wichtig, dass das Team vor Ort "
	    "sich voll auf den Start konzentriert. Im Radio liegen auch "
	    "Potenziale, sagte der Chef der Firma am Montag.");
	assert_false(has_name(&a->organisations, "Team"));
	assert_false(has_name(&a->organisations, "Radio"));
	article_free(a);
	/* a firm's product is no person, a Chinese surname taken for a
	 * body leaves its person */
	a = run("en", NULL, "Apple said on Monday that the new Apple Watch "
	    "would ship in May. Analysts expect Apple to sell millions. "
	    "President Xi Jinping spoke in Beijing. Xi said the talks had "
	    "gone well.");
	assert_true(has_name(&a->organisations, "Apple"));
	assert_false(has_name(&a->people, "Apple Watch"));
	assert_true(has_name(&a->people, "Xi Jinping"));
	article_free(a);
	/* no one's name has a digit */
	a = run("en", NULL, "The laptop scored well in Cinebench R20 last "
	    "week, wrote Gerrit Bockey2022-11-24 in the review.");
	assert_false(has_name(&a->people, "Cinebench R20"));
	assert_false(has_name(&a->people, "Gerrit Bockey2022-11-24"));
	article_free(a);
}

/* A word of the language or of English in capitals is shouted, no
 * body ("ACCEPT", "DANKE"); an acronym that a dictionary writes in
 * capitals stays one ("NASA", "ADAC"), and so does a word after "the"
 * ("the SWIFT"). */
static void
test_entities_shouted(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("en", NULL, "To ACCEPT the offer, VISIT the office. NASA said "
	    "on Monday that the SWIFT network had been cut.");
	assert_false(has_name(&a->organisations, "ACCEPT"));
	assert_false(has_name(&a->organisations, "VISIT"));
	assert_true(has_name(&a->organisations, "NASA"));
	assert_true(has_name(&a->organisations, "SWIFT"));
	article_free(a);
	a = run("de", NULL, "Der ADAC rät zur Vorsicht, sagte ein Sprecher am "
	    "Montag. Wer jetzt bucht, spart GOLD und SILVER. DANKE an alle.");
	assert_true(has_name(&a->organisations, "ADAC"));
	assert_false(has_name(&a->organisations, "GOLD"));
	assert_false(has_name(&a->organisations, "DANKE"));
	article_free(a);
	/* an acronym English counts ("TVs", "URLs") is a thing, but the
	 * broadcaster's name is a body ("ABCs" counts the alphabet) */
	a = run("en", NULL, "He watched the debate on TV while his PC "
	    "loaded the URL. The FBI and ABC reported on it later.");
	assert_false(has_name(&a->organisations, "TV"));
	assert_false(has_name(&a->organisations, "PC"));
	assert_false(has_name(&a->organisations, "URL"));
	assert_true(has_name(&a->organisations, "FBI"));
	assert_true(has_name(&a->organisations, "ABC"));
	article_free(a);
}

/* A proper noun English counts (a people, a faith, a day: "Muslims",
 * "Hispanic adults") is no body; written so a name stays ("Gemini and
 * Kraken", "Medicare to"), and a surname made of a given name too. */
static void
test_entities_kind_nouns(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("en", NULL, "The poll asked Muslims and Hispanic adults about "
	    "trains on Saturdays. Traders moved from Gemini and Kraken to "
	    "Coinbase, and many wait for Medicare to pay. Later Stevens "
	    "said the firm had no Olympic riders on its books.");
	assert_false(has_name(&a->organisations, "Muslims"));
	assert_false(has_name(&a->organisations, "Hispanic"));
	assert_false(has_name(&a->organisations, "Saturdays"));
	assert_false(has_name(&a->organisations, "Olympic"));
	assert_true(has_name(&a->organisations, "Gemini"));
	assert_true(has_name(&a->organisations, "Medicare"));
	assert_true(has_name(&a->organisations, "Kraken"));
	assert_true(has_name(&a->organisations, "Stevens"));
	article_free(a);
}

/* A word English writes in lower case, capitalised after a colon or a
 * bracket as a clause's first word, is no name ("Q: Favorite ...",
 * "need: Braid your hair", "(Skip step ...)"), unless the text writes it
 * capitalised inside a sentence too; a name after a colon before no
 * lower-case word stays ("A: Broncos vs. Raiders"). */
static void
test_entities_clause_openers(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("en", NULL, "Q: Favorite childhood memory?\n\nA: Broncos vs. "
	    "Raiders at the stadium.\n\nWhat you need: Braid your hair "
	    "and beat the butter for a minute (Skip step for a softer "
	    "frosting). Mira said: Swift action helps. The band Swift "
	    "played on.");
	assert_false(has_name(&a->organisations, "Favorite"));
	assert_false(has_name(&a->organisations, "Braid"));
	assert_false(has_name(&a->organisations, "Skip"));
	assert_true(has_name(&a->organisations, "Broncos"));
	assert_true(has_name(&a->organisations, "Swift"));
	article_free(a);
}

/* A word English writes in lower case that "of" or "and" goes on with
 * into a title-case name is a fragment of it ("Customs and Border
 * Protection", "Proceedings of the National Academy"); two names joined
 * by "and" stay ("Sprint and Verizon"). */
static void
test_entities_phrase_heads(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("en", NULL, "Figures from Customs and Border Protection were "
	    "published in Proceedings of the National Academy of Sciences "
	    "this week. Carriers like Sprint and Verizon sell the phone.");
	assert_false(has_name(&a->organisations, "Customs"));
	assert_false(has_name(&a->organisations, "Proceedings"));
	assert_true(has_name(&a->organisations, "Sprint"));
	article_free(a);
}

/* A place written with an abbreviation's dots opens a run as a place
 * ("U.S. Treasury": no person), but a place of its kind stays one
 * ("U.S. Virgin Islands"). */
static void
test_entities_dotted_places(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("en", NULL, "The U.S. Treasury said on Monday that the "
	    "boat sailed to the U.S. Virgin Islands last week.");
	assert_false(has_name(&a->people, "U.S. Treasury"));
	assert_true(has_name(&a->places, "U.S."));
	assert_true(has_name(&a->organisations, "Treasury"));
	assert_true(has_name(&a->places, "U.S. Virgin Islands"));
	article_free(a);
}

/* After "the", a word English writes in lower case before a lower-case
 * noun modifies it ("the Communist party", "the Lightning connector"):
 * no body; before a verb ("the Fed points") or as a team's plural ("the
 * Commodores coach") it stays one. */
static void
test_entities_the_modifiers(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("en", NULL, "The paper of the Communist party said so. The "
	    "phone uses the Lightning connector. In its note the Fed points "
	    "to slower growth, and the Commodores coach agreed.");
	assert_false(has_name(&a->organisations, "Communist"));
	assert_false(has_name(&a->organisations, "Lightning"));
	assert_true(has_name(&a->organisations, "Fed"));
	assert_true(has_name(&a->organisations, "Commodores"));
	article_free(a);
}

/* A word English writes in lower case that stands alone on a line of a
 * menu is a label, wherever it is written ("Default"); a one-word
 * heading over prose stays a name ("Southeastern"). */
static void
test_entities_menu_labels(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("en", NULL, "Pick the ball used during the match.\n\n"
	    "Default\n\nRandom\n\nBranded balls\n\nBy setting this to "
	    "Default, the ball changes.\n\nSoutheastern\n\nAre bicycles "
	    "allowed on its replacement buses on Sunday?\n\nThe buses of "
	    "Southeastern run late.");
	assert_false(has_name(&a->organisations, "Default"));
	assert_true(has_name(&a->organisations, "Southeastern"));
	article_free(a);
}

/* A run that opens with an acronym names no person: before a given name
 * the acronym is a body of its own ("NBC Jake Tapper"), else the run is
 * no name ("BMJ Case Reports", "IBM Watson"). */
static void
test_entities_acronym_first(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("en", NULL, "The case was written up in BMJ Case Reports. "
	    "IBM Watson won the game, as NBC Jake Tapper told viewers.");
	assert_false(has_name(&a->people, "BMJ Case Reports"));
	assert_false(has_name(&a->people, "IBM Watson"));
	assert_false(has_name(&a->people, "NBC Jake Tapper"));
	assert_true(has_name(&a->people, "Jake Tapper"));
	assert_true(has_name(&a->organisations, "NBC"));
	article_free(a);
}

/* German: a given name's -s after a word German does not know is a
 * surname ("Cliff Roberts", "Voodoo Jürgens"), and a person's genitive
 * is named in the nominative where the text has it ("auf Seiten Hillary
 * Clintons" beside "Hillary Clinton"); an English plural is no such surname
 * ("Accelerator Grants"). */
static void
test_entities_german_surnames(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("de", NULL, "Die Erkl\u00e4rung des Mitbegr\u00fcnders des "
	    "Clubs in Georgia, Cliff Roberts, der 1933 sagte, dass alle "
	    "Golfer kommen. Das FBI fand auf Seiten Hillary Clintons "
	    "\u201eBeweise\u201c, aber keine Anklage gegen Hillary Clinton. "
	    "Die Firma erhielt zwei Accelerator Grants im Herbst.");
	assert_true(has_name(&a->people, "Cliff Roberts"));
	assert_true(has_name(&a->people, "Hillary Clinton"));
	assert_false(has_name(&a->people, "Hillary Clintons"));
	assert_false(has_name(&a->people, "Accelerator Grants"));
	article_free(a);
}

/* A compound whose last part is a lower-case word is no name and ends
 * none ("Seattle-based", "Bush-era"); an East Asian given name's
 * syllable after a capitalised word is none ("Tsai Ing-wen"). */
static void
test_entities_lower_compounds(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("en", NULL, "The Seattle-based firm sold its Bush-era bonds "
	    "last year. Taiwan's leader Tsai Ing-wen met the board, and "
	    "Tsai said on Monday that R-rated Star Trek films would not help.");
	assert_false(has_name(&a->organisations, "Seattle-based"));
	assert_false(has_name(&a->organisations, "Bush-era"));
	assert_true(has_name(&a->people, "Tsai Ing-wen"));
	assert_false(has_word(&a->people, "R-rated"));
	article_free(a);
}

/* German: a noun after a given name and a surname is no part of the
 * name ("Emily Atkin Milliardärin"); after a second given name or a
 * particle it is the surname ("Dieter Thomas Heck", "Bernadette La
 * Hengst"). */
static void
test_entities_german_third(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("de", NULL, "Laut der Journalistin Emily Atkin Milliardärin "
	    "oder nicht, sei das ein Problem. Im Studio standen Dieter Thomas "
	    "Heck und Bernadette La Hengst am Montag auf der Bühne.");
	assert_true(has_name(&a->people, "Emily Atkin"));
	assert_false(has_name(&a->people, "Emily Atkin Milliardärin"));
	assert_true(has_name(&a->people, "Dieter Thomas Heck"));
	assert_true(has_name(&a->people, "Bernadette La Hengst"));
	article_free(a);
}

/* English words in title case are no person ("Saturated Fat", "Civil
 * War"), nor is one of them alone ("Fat"); a given name first makes a
 * person of them ("Mike Glass"). */
static void
test_entities_title_phrases(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("en", NULL, "Saturated Fat makes up a third of it, and Fat "
	    "is listed again below. The Civil War ended in 1865, wrote Mike "
	    "Glass in his column on Monday.");
	assert_false(has_name(&a->people, "Saturated Fat"));
	assert_false(has_name(&a->organisations, "Fat"));
	assert_false(has_name(&a->people, "Civil War"));
	assert_true(has_name(&a->people, "Mike Glass"));
	article_free(a);
}

/* A title-case phrase whose last word heads a body's name is the body
 * ("Amnesty International", "Federal Reserve"); a phrase that only
 * opens with such a word is none ("International Motor Show"). */
static void
test_entities_phrase_bodies(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("en", NULL, "A declaration that Amnesty International said "
	    "could amount to a war crime. Rates fell after the Federal "
	    "Reserve met on Monday, and the International Motor Show "
	    "opened in the city.");
	assert_true(has_name(&a->organisations, "Amnesty International"));
	assert_true(has_name(&a->organisations, "Federal Reserve"));
	assert_false(has_name(&a->people, "Amnesty International"));
	assert_false(has_name(&a->organisations, "International Motor "
	    "Show"));
	article_free(a);
}

/* An acronym the text writes before a model's number in most of its
 * mentions is a product line, in the body and in the title ("RTX 3080",
 * "RTX cards"); one written before a date or a year stays a body ("KNA
 * 19.11.21", "NATO 2024"). */
static void
test_entities_model_lines(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("en", "Where to Buy an RTX 3080", "The company's flagship "
	    "RTX 3080 sold out at once. The RTX 3090 also sold out when it "
	    "came out, and you can find RTX cards on this page. The maker, "
	    "Nvidia, said that the RTX 3070 comes later.");
	assert_false(has_name(&a->organisations, "RTX"));
	assert_true(has_name(&a->organisations, "Nvidia"));
	article_free(a);
	a = run("de", NULL, "Der Pfarrer leitete die Stiftung in Ramallah. "
	    "(KNA 19.11.21) Die Gemeinde dankte ihm. (KNA 20.11.21)");
	assert_true(has_name(&a->organisations, "KNA"));
	article_free(a);
	a = run("en", NULL, "The NATO 2024 summit opened on Monday. Leaders "
	    "said the NATO 2030 agenda matters.");
	assert_true(has_name(&a->organisations, "NATO"));
	article_free(a);
}

/* An acronym one counts is a thing, no body: written with a plural's s
 * ("SUVs", "TVs"), or so written elsewhere in the text ("SUV" beside
 * "SUVs"); and a type's code with a part of one letter ("USB-C",
 * "DVB-T"), but for the short form in brackets after a body's name
 * ("Max-Planck-Institut für Meteorologie (MPI-M)"). */
static void
test_entities_counted_acronyms(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("en", NULL, "Nissan showed a new SUV in Tokyo on Monday. "
	    "Sales of SUVs rose, and most TVs now stream. The GOP said "
	    "nothing. Buyers want a USB-C port, not USB-A.");
	assert_false(has_name(&a->organisations, "SUV"));
	assert_false(has_name(&a->organisations, "SUVs"));
	assert_false(has_name(&a->organisations, "TVs"));
	assert_false(has_name(&a->organisations, "USB-C"));
	assert_false(has_name(&a->organisations, "USB-A"));
	assert_true(has_name(&a->organisations, "GOP"));
	article_free(a);
	a = run("de", NULL, "Der Gründer des Max-Planck-Instituts für "
	    "Meteorologie (MPI-M) sprach am Montag. Heute arbeitet das "
	    "MPI-M mit dem Rechenzentrum. Viele Haushalte nutzen DVB-T.");
	assert_true(has_name(&a->organisations, "MPI-M"));
	assert_false(has_name(&a->organisations, "DVB-T"));
	article_free(a);
}

/* A word in capitals that the text writes only as code, joined by an
 * underscore, after a "$" or before a file's extension ("YAGNA_APPKEY",
 * "$VENV_PATH", "README.rst"), is a variable's or a file's name, no
 * body; one written as text once stays ("NASA", beside "NASA_KEY"). */
static void
test_entities_code_words(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("en", NULL, "Set the variables before you start. "
	    "YAGNA_APPKEY holds the key, and $VENV_PATH the path. Read "
	    "README.rst first. NASA said the NASA_KEY works.");
	assert_false(has_name(&a->organisations, "YAGNA"));
	assert_false(has_name(&a->organisations, "APPKEY"));
	assert_false(has_name(&a->organisations, "VENV"));
	assert_false(has_name(&a->organisations, "README"));
	assert_true(has_name(&a->organisations, "NASA"));
	article_free(a);
}

/* A run that opens with two capitals before two words or more, none a
 * given name, is a body's or a product's name, no person's ("RM Solar
 * Falubaz Zielona Góra", a sponsor's code before a club's); two
 * capitals before a surname are initials ("TJ Watt"). */
static void
test_entities_code_first(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("pl", NULL, "Fogo Unia Leszno pokonała RM Solar Falubaz "
	    "Zielona Góra w niedzielę.");
	assert_false(has_name(&a->people, "RM Solar Falubaz Zielona Góra"));
	article_free(a);
	a = run("en", NULL, "The Steelers won on Sunday, and TJ Watt had "
	    "two sacks.");
	assert_true(has_name(&a->people, "TJ Watt"));
	article_free(a);
}

/* An acronym an English text defines by a phrase in lower case is a
 * thing ("ECG (electrocardiogram)", "intravenous immunoglobulin
 * (IVIG)"), no body; one defined by a body's name stays one ("the
 * Federal Bureau of Investigation (FBI)"), and so does one in brackets
 * after words that do not spell it ("praised by the agency (NASA)");
 * French writes bodies in lower case ("parquet national financier
 * (PNF)"). */
static void
test_entities_defined_things(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("en", NULL, "The watch reads the ECG (electrocardiogram) "
	    "of its wearer. Doctors gave intravenous immunoglobulin (IVIG) "
	    "to the patient. The Federal Bureau of Investigation (FBI) said "
	    "nothing, and the plan was praised by the agency (NASA).");
	assert_false(has_name(&a->organisations, "ECG"));
	assert_false(has_name(&a->organisations, "IVIG"));
	assert_true(has_name(&a->organisations, "FBI"));
	assert_true(has_name(&a->organisations, "NASA"));
	article_free(a);
	a = run("fr", NULL, "Le parquet national financier (PNF) a ouvert "
	    "une enquête lundi.");
	assert_true(has_name(&a->organisations, "PNF"));
	article_free(a);
}

/* English: an acronym that heads a count noun's phrase ("an external
 * GPU,", "a HDMI or DVI monitor", "a CPU's team") is a thing; a body's
 * acronym after "a" qualifies a noun ("a NASA scientist"). German: an
 * acronym after "eine" before a word in lower case ("eine MPU machen"),
 * where a noun would be capitalised. */
static void
test_entities_count_nouns(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("en", NULL, "Gamers who buy an external GPU, or plug in a "
	    "HDMI or DVI monitor, see more. In the game a CPU's team plays "
	    "fast. A NASA scientist said the FBI helped, and NASA agreed.");
	assert_false(has_name(&a->organisations, "GPU"));
	assert_false(has_name(&a->organisations, "HDMI"));
	assert_false(has_name(&a->organisations, "CPU"));
	assert_true(has_name(&a->organisations, "NASA"));
	assert_true(has_name(&a->organisations, "FBI"));
	article_free(a);
	a = run("de", NULL, "Wer betrunken fährt, muss eine MPU machen. "
	    "Die SPD lehnt eine NPD-nahe Zeitschrift ab, sagte die SPD.");
	assert_false(has_name(&a->organisations, "MPU"));
	assert_true(has_name(&a->organisations, "SPD"));
	article_free(a);
}

/* English: a region's postal code after "in", a town and its comma
 * ("in Gladstone, NJ;", "in Chesapeake City, MD.") is no body; an
 * acronym after a comma elsewhere is ("Reuters, AP."). */
static void
test_entities_postal_regions(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("en", NULL, "The show runs Oct. 5-7 in Gladstone, NJ; the "
	    "next one is in Chesapeake City, MD. Details came from "
	    "Reuters, AP.");
	assert_false(has_name(&a->organisations, "NJ"));
	assert_false(has_name(&a->organisations, "MD"));
	assert_true(has_name(&a->organisations, "AP"));
	article_free(a);
}

/* A word in capitals opening a paragraph before a dash, or before a
 * station's name in brackets and a dash, is a dateline's town, no body
 * ("KOBE \u2013 A total", "AUSTIN (KXAN) \u2014 Texas"); the station
 * is one. */
static void
test_entities_datelines(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("en", NULL, "KOBE \u2013 A total of 6,000 masks were "
	    "stolen, police said.\n\nAUSTIN (KXAN) \u2014 Texas voters "
	    "went to the polls, and NASA watched.");
	assert_false(has_name(&a->organisations, "KOBE"));
	assert_false(has_name(&a->organisations, "AUSTIN"));
	assert_true(has_name(&a->organisations, "KXAN"));
	assert_true(has_name(&a->organisations, "NASA"));
	article_free(a);
}

/* An acronym in brackets after a place alone is the place's code, no
 * body, there and elsewhere ("Los Angeles (LAX)", "from LAX"); after a
 * body's name that ends with a place it is the body's ("Helmholtz-
 * Zentrum Berlin (HZB)", "Green New Deal for Europe (GNDE)"). */
static void
test_entities_place_codes(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("en", NULL, "The airline flies to hubs including Los Angeles "
	    "(LAX) and Seattle. New routes from LAX start in May. Activists "
	    "back the Green New Deal for Europe (GNDE).");
	assert_false(has_name(&a->organisations, "LAX"));
	assert_true(has_name(&a->organisations, "GNDE"));
	article_free(a);
	a = run("de", NULL, "Das Helmholtz-Zentrum Berlin (HZB) will den "
	    "Betrieb einstellen.");
	assert_true(has_name(&a->organisations, "HZB"));
	article_free(a);
}

/* A Roman numeral alone is a number, no body ("phase III", "Alarmstufen
 * I und II"); after a name it is the name's ("Elizabeth II"). */
static void
test_entities_roman(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("en", NULL, "The drug passed a phase III, randomized trial, "
	    "and Queen Elizabeth II praised the NHS.");
	assert_false(has_name(&a->organisations, "III"));
	assert_true(has_name(&a->people, "Elizabeth II"));
	assert_true(has_name(&a->organisations, "NHS"));
	article_free(a);
	a = run("de", NULL, "Das gilt in den Alarmstufen I und II, sagte "
	    "die SPD.");
	assert_false(has_name(&a->organisations, "II"));
	article_free(a);
}

/* An acronym before an identifier's code is the code's kind, no body
 * ("ISIN: DE000A0D6554", "ISBN 978-3-7828-1534-5"); before a poll's
 * figure it is a body ("CDU: 30 Prozent"). */
static void
test_entities_code_labels(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("de", NULL, "Die Nordex Group (ISIN: DE000A0D6554) meldet "
	    "Gewinne. Das Buch hat die ISBN 978-3-7828-1534-5. Umfrage: "
	    "CDU: 30 Prozent.");
	assert_false(has_name(&a->organisations, "ISIN"));
	assert_false(has_name(&a->organisations, "ISBN"));
	assert_true(has_name(&a->organisations, "CDU"));
	article_free(a);
}

/* Polish: a case form of a word written after "w" as a town is ("w
 * Moskwie") is a town the gazetteer's English names lack, no body
 * ("Moskwy"); a body's head word stays one ("w Sejmie", "Sejm"). */
static void
test_entities_pl_towns(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("pl", NULL, "Ambasador rozmawiał w Moskwie o dostawach. "
	    "Strona czeska obawia się działań Moskwy. Posłowie spotkali się "
	    "w Sejmie, a Sejm przyjął ustawę.");
	assert_false(has_name(&a->organisations, "Moskwy"));
	assert_true(has_name(&a->organisations, "Sejm"));
	article_free(a);
	/* the locative alternates the consonant: "w Pradze", "Pragi" */
	a = run("pl", NULL, "Spotkanie odbyło się w Pradze we wtorek. "
	    "Rzeczniczka stwierdziła, że oskarżenia Pragi są absurdalne.");
	assert_false(has_name(&a->organisations, "Pragi"));
	article_free(a);
}

/* Polish: a surname whose nominative has a fleeting "e" before its last
 * "k" is the person's in its other cases too ("Dudka" of "Patryk
 * Dudek"), a Czech one's dative too ("Hamáčkovi" of "Jan Hamáček"). */
static void
test_entities_pl_fleeting(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("pl", NULL, "Patryk Dudek wygrał pierwszy bieg. Rywale "
	    "dogonili Dudka dopiero na ostatnim łuku.");
	assert_false(has_name(&a->organisations, "Dudka"));
	assert_false(has_name(&a->people, "Dudka"));
	assert_true(has_name(&a->people, "Patryk Dudek"));
	article_free(a);
	/* a Czech name keeps its Czech dative in Polish text */
	a = run("pl", NULL, "Wicepremier Jan Hamáček poinformował o "
	    "wydaleniu dyplomatów. Decyzje pozwoliły Hamáčkovi wystąpić "
	    "w roli twardego polityka.");
	assert_false(has_name(&a->organisations, "Hamáčkovi"));
	assert_false(has_name(&a->people, "Hamáčkovi"));
	assert_true(has_name(&a->people, "Jan Hamáček"));
	article_free(a);
}

/* An acronym written after a number in most of its mentions is a unit
 * or a currency ("28 MW", "37,99 EUR", "§ 433 BGB"), and after "a.m."
 * or "p.m." a time zone, no body; after a year it may be one ("the 2019
 * NBA season"). */
static void
test_entities_units(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("de", NULL, "Der Windpark mit 28 MW ging ans Netz. Die "
	    "Jacke kostet 37,99 EUR. Das regelt § 433 BGB. Die SPD "
	    "begrüßte den Plan.");
	assert_false(has_name(&a->organisations, "MW"));
	assert_false(has_name(&a->organisations, "EUR"));
	assert_false(has_name(&a->organisations, "BGB"));
	assert_true(has_name(&a->organisations, "SPD"));
	article_free(a);
	a = run("en", NULL, "The 2019 NBA season opened in Toronto. Fans "
	    "said the NBA had waited too long.");
	assert_true(has_name(&a->organisations, "NBA"));
	article_free(a);
	/* a time zone after "a.m." or "p.m." */
	a = run("en", NULL, "The season will begin at 10:00 a.m. PDT (5 "
	    "p.m. UTC) on August 28, the NBA said.");
	assert_false(has_name(&a->organisations, "PDT"));
	assert_false(has_name(&a->organisations, "UTC"));
	assert_true(has_name(&a->organisations, "NBA"));
	article_free(a);
}

/* A ticker's code is no body (".DJI", "XAU="), nor the end of an
 * abbreviation written without a space ("EE.UU"). */
static void
test_entities_tickers(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("en", NULL, "The Dow Jones Industrial Average .DJI fell, "
	    "and spot gold XAU= added 0.1%. Goldman Sachs and the IMF "
	    "said little.");
	assert_false(has_name(&a->organisations, "DJI"));
	assert_false(has_name(&a->organisations, "XAU"));
	assert_true(has_name(&a->organisations, "IMF"));
	article_free(a);
}

/* Initials written each with its dot are a body's only after "the" in
 * English ("the U.N."): a person's given names ("J.J. Abrams"), a state
 * after its town ("Washington, D.C."), a name's opening ("the W.M.
 * Keck Observatory") are none. */
static void
test_entities_initials(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("en", NULL, "The film was made by J.J. Abrams last year. "
	    "Experts in Washington, D.C., used the W.M. Keck Observatory. "
	    "Later the U.N. said the data were sound.");
	assert_false(has_name(&a->organisations, "J.J"));
	assert_false(has_name(&a->organisations, "D.C"));
	assert_false(has_name(&a->organisations, "W.M"));
	assert_true(has_name(&a->organisations, "U.N"));
	article_free(a);
	a = run("en", NULL, "The team lost again. Coach P.J. Fleck said "
	    "the players were tired.");
	assert_false(has_name(&a->organisations, "P.J"));
	article_free(a);
	a = run("de", NULL, "Die Stadt pflanzt Bäume. Z.B. wächst dort "
	    "eine Linde, sagte die SPD.");
	assert_false(has_name(&a->organisations, "Z.B"));
	assert_true(has_name(&a->organisations, "SPD"));
	article_free(a);
}

/* A planet or a large moon named alone in English is no body ("on
 * Earth", "Saturn's moon Enceladus"). */
static void
test_entities_sky(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("en", NULL, "Life on Earth began early, the scientists "
	    "said. NASA plans a mission to Mars, and another will fly past "
	    "Saturn and its moon Enceladus.");
	assert_false(has_name(&a->organisations, "Earth"));
	assert_false(has_name(&a->organisations, "Mars"));
	assert_false(has_name(&a->organisations, "Saturn"));
	assert_false(has_name(&a->organisations, "Enceladus"));
	assert_true(has_name(&a->organisations, "NASA"));
	article_free(a);
}

/* A planet's or a moon's name in a run that no given name opens names
 * a craft or a mission, no one ("Galileo Jupiter probe", "Europa
 * Clipper"); "Bruno Mars" stays a person. */
static void
test_entities_sky_runs(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("en", NULL, "The Galileo Jupiter probe measured a rise in "
	    "the plasma, the scientists said. NASA is developing a mission "
	    "called Europa Clipper, which will launch soon. Clipper will "
	    "orbit the planet. The singer Bruno Mars watched the launch.");
	assert_false(has_name(&a->people, "Galileo Jupiter"));
	assert_false(has_name(&a->people, "Europa Clipper"));
	assert_false(has_name(&a->organisations, "Clipper"));
	assert_false(has_name(&a->people, "Clipper"));
	assert_true(has_name(&a->people, "Bruno Mars"));
	article_free(a);
}

/* A reference list in Vancouver's style: an author after another and
 * a comma ends at the initials, the title's first word is no part of
 * the name ("Wozel G, Schmitt J. Hypersensitivity reactions"). */
static void
test_entities_cited_authors(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("en", NULL, "References\n\n44.\n\nLorenz M, Wozel G, "
	    "Schmitt J. Hypersensitivity reactions to dapsone: a systematic "
	    "review. Acta Derm Venereol. 2012;92(2):194-9.\n\n45.\n\n"
	    "Tausche A-K, Reuss-Borst M, Koch U. Urate lowering therapy "
	    "with febuxostat in daily practice. Clin Rheumatol. 2009.");
	assert_false(has_name(&a->people, "Schmitt J Hypersensitivity"));
	assert_false(has_name(&a->people, "Koch U Urate"));
	assert_true(has_name(&a->people, "Schmitt J"));
	assert_true(has_name(&a->people, "Koch U"));
	article_free(a);
	/* one author alone at a numbered item's start */
	a = run("en", NULL, "References\n\n63.\n\nVahid B. What caused "
	    "diffuse alveolar hemorrhage? Chest. 2007;131(3):912.\n\n64.\n\n"
	    "Lorenz M, Wozel G. Drug reactions. Acta Derm Venereol. "
	    "2012;92:194.");
	assert_false(has_name(&a->people, "Vahid B What"));
	assert_true(has_name(&a->people, "Vahid B"));
	article_free(a);
}

/* A code in brackets between a name and a number is a results line's
 * nation or team ("Dorothea Wierer (ITA) 35.58,7"), no body; a party
 * after its member stays one ("Olaf Scholz (SPD) sagte"). */
static void
test_entities_result_codes(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("de", NULL, "Wierer gewinnt den Massenstart. Das Ergebnis:"
	    "\n\n1. Dorothea Wierer (ITA) 35.58,7\n\n2. Julia Simon (FRA) "
	    "+3,7\n\n3. Vanessa Voigt (GER) +11,6\n\nOlaf Scholz (SPD) "
	    "sagte, er gratuliere.");
	assert_false(has_name(&a->organisations, "ITA"));
	assert_false(has_name(&a->organisations, "FRA"));
	assert_false(has_name(&a->organisations, "GER"));
	assert_true(has_name(&a->organisations, "SPD"));
	article_free(a);
}

/* In English a name joined by a hyphen to a lower-case word or suffix
 * is an adjective ("Bush-era", "Stallman-esque"), no body; "Coca-Cola"
 * stays one. */
static void
test_entities_lower_tails(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("en", NULL, "The rules are Bush-era limits, and the shop "
	    "has a Stallman-esque policy. Its owner sold Coca-Cola in "
	    "Texas.");
	assert_false(has_name(&a->organisations, "Bush-era"));
	assert_false(has_name(&a->organisations, "Stallman-esque"));
	assert_true(has_name(&a->organisations, "Coca-Cola"));
	article_free(a);
}

/* A Polish word of a people made on a place's name ("Rosjanin",
 * "Rosjanie", "Rosjan" of "Rosja") names no body. */
static void
test_entities_polish_demonyms(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("pl", NULL, "Według czeskiego rządu za wybuchem stali "
	    "Rosjanie. Praga wydaliła osiemnastu Rosjan, a NATO poparło "
	    "tę decyzję. Najlepszy był Rosjanin, który wygrał dwa biegi.");
	assert_false(has_name(&a->organisations, "Rosjanie"));
	assert_false(has_name(&a->organisations, "Rosjan"));
	assert_false(has_name(&a->organisations, "Rosjanin"));
	assert_true(has_name(&a->organisations, "NATO"));
	article_free(a);
}

/* A Polish body's name of one word in its case forms is one name,
 * under the form with no oblique ending, the shorter at a tie:
 * "Rosatom" and "Rosatomu", "Sajfutdinow" and "Sajfutdinowa". */
static void
test_entities_polish_single_forms(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("pl", NULL, "Elektrownię miał rozbudować koncern Rosatom, "
	    "ale rząd wykluczył udział firmy Rosatomu w przetargu. Jechał "
	    "też Sajfutdinow, a potem kibice oklaskiwali Sajfutdinowa.");
	assert_true(has_name(&a->organisations, "Rosatom"));
	assert_false(has_name(&a->organisations, "Rosatomu"));
	assert_false(has_name(&a->organisations, "Sajfutdinowa"));
	article_free(a);
}

/* An English word in -ic or -ish before a common noun in every mention
 * is an adjective ("Democratic criticism", "Scottish hero"), no body;
 * "BlackMagic disk" keeps its firm. */
static void
test_entities_adjectives(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("en", NULL, "The bill drew Democratic criticism in the "
	    "Senate. A Scottish hero was named, and the BlackMagic disk "
	    "test ran.");
	assert_false(has_name(&a->organisations, "Democratic"));
	assert_false(has_name(&a->organisations, "Scottish"));
	assert_true(has_name(&a->organisations, "BlackMagic"));
	article_free(a);
}

/* An observatory and a laboratory are bodies, as an institute is
 * ("Keck Observatory" was a person). */
static void
test_entities_observatories(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("en", NULL, "Astronomers used the Keck Observatory in "
	    "Hawaii. Engineers of the Jet Propulsion Laboratory helped.");
	assert_true(has_name(&a->organisations, "Keck Observatory"));
	assert_false(has_name(&a->people, "Keck Observatory"));
	assert_true(has_name(&a->organisations,
	    "Jet Propulsion Laboratory"));
	article_free(a);
}

/* A journal's name in a citation, before its year and volume, names no
 * one ("Br J Dermatol. 2003;149:1018"); its authors stay people. */
static void
test_entities_journals(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("en", NULL, "The syndrome is rare, and Hans Muller found it "
	    "twice.\n\nReferences\n\nMuller P, Kardaun S. Drug "
	    "hypersensitivity in a hospital. Br J Dermatol. "
	    "2003;149(5):1018-22.\n\nShear NH. Anticonvulsant "
	    "syndrome. N Engl J Med 1988;82:1826.");
	assert_false(has_name(&a->people, "Br J Dermatol"));
	assert_false(has_name(&a->people, "N Engl J Med"));
	assert_true(has_name(&a->people, "Hans Muller"));
	article_free(a);
	/* the year alone, then a colon or the line's end; an author's
	 * year before the title stays ("Andrew McAfee. 2016. The") */
	a = run("en", NULL, "Reactions to the drug are rare.\n\n"
	    "References\n\nKardaun S. Drug reactions. Ann Rheum Dis. "
	    "2014: p. 12.\n\nAgier M. Skin reactions. Allergol Int. "
	    "2016.\n\nErik Brynjolfsson and Andrew McAfee. 2016. The "
	    "second machine age.");
	assert_false(has_name(&a->people, "Ann Rheum Dis"));
	assert_false(has_name(&a->people, "Allergol Int"));
	assert_true(has_name(&a->people, "Andrew McAfee"));
	article_free(a);
}

/* A family name written first is the person's alone too ("Xi" and
 * "Mr. Xi" of "Xi Jinping"), but a firm's name before its product is
 * the firm ("Apple" of "Apple TV", "Google" of "Google Stadia"). */
static void
test_entities_family_first(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("en", NULL, "Officials met Chinese leader Xi Jinping in "
	    "Chile on Monday. The trip was an embarrassment for Mr. Xi, "
	    "people said. Xi had hoped for more.");
	assert_true(has_name(&a->people, "Xi Jinping"));
	assert_false(has_name(&a->people, "Xi"));
	assert_false(has_name(&a->organisations, "Xi"));
	article_free(a);
	a = run("en", NULL, "The new Apple TV costs more this year. Apple "
	    "said on Monday that its sales rose.");
	assert_true(has_name(&a->organisations, "Apple"));
	assert_false(has_name(&a->people, "Apple TV"));
	article_free(a);
	/* a word no dictionary knows after the firm's name, which the
	 * text writes after "the" ("the Stadia controller"): a product */
	a = run("en", NULL, "Google Stadia arrives with a litany of missing "
	    "features. If Google decides to remove certain titles, you "
	    "lose them. The Stadia controller connects to the servers over "
	    "wifi, and Stadia is not a subscription service.");
	assert_true(has_name(&a->organisations, "Google"));
	assert_false(has_name(&a->people, "Google Stadia"));
	article_free(a);
}

/* English: a word no dictionary knows after "in" or "near" is a town
 * the gazetteer lacks ("in Seattle"), and so are its other mentions;
 * not a possessive ("in Tsai's win") nor a word before a noun ("in
 * Dockerfile instructions"). */
static void
test_entities_english_towns(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("en", NULL, "The company moved its offices to a campus in "
	    "Seattle last year. Seattle has grown fast since. The vote "
	    "played a part in Tsai's win, and the steps are kept in "
	    "Dockerfile instructions.");
	assert_true(has_name(&a->places, "Seattle"));
	assert_false(has_name(&a->organisations, "Seattle"));
	assert_false(has_name(&a->places, "Tsai"));
	assert_false(has_name(&a->places, "Dockerfile"));
	article_free(a);
	/* a point of the compass before a place names a region of it */
	a = run("en", NULL, "Investors in Eastern Europe were wary. The fires "
	    "in Southern California spread on Monday.");
	assert_true(has_name(&a->places, "Eastern Europe"));
	assert_true(has_name(&a->places, "Southern California"));
	assert_false(has_word(&a->people, "Eastern"));
	assert_false(has_word(&a->people, "Southern"));
	article_free(a);
	/* a language after "in" is no town: ISO 639-2 writes "Greek,
	 * Modern (1453-)" and "Official Aramaic" */
	a = run("en", NULL, "The name Magdalene means of Magdala in Greek "
	    "and is derived after a town. The name Magdala means tower in "
	    "Aramaic. So here we have a word.");
	assert_false(has_name(&a->places, "Greek"));
	assert_false(has_name(&a->places, "Aramaic"));
	assert_false(has_name(&a->organisations, "Greek"));
	article_free(a);
	/* a region's abbreviation after a town and its comma is no body;
	 * the last name of a list that ends a sentence is */
	a = run("en", NULL, "The tool used by the Orange County, Calif., "
	    "sheriff was tested. Trump spoke in Monroe, La., on Nov. 6. "
	    "Follow the team on Facebook, Twitter.");
	assert_false(has_name(&a->organisations, "Calif"));
	assert_false(has_name(&a->organisations, "La"));
	assert_true(has_name(&a->organisations, "Twitter"));
	article_free(a);
}

/* A surname alone is the person's fuller name, not a title-case
 * phrase that holds it ("Hosting Cook at Dreamforce"), and so are the
 * quotations it is the speaker of. */
static void
test_entities_phrase_surname(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("en", NULL, "Apple was pulled into the enterprise, CEO Tim "
	    "Cook said on Tuesday in a chat with Marc Benioff.\n\n"
	    "Hosting Cook at Dreamforce is our dream, Benioff said.\n\n"
	    "\"I can feel him and his presence when I come here,\" Cook "
	    "said.");
	assert_true(has_name(&a->people, "Tim Cook"));
	assert_false(has_name(&a->people, "Hosting Cook"));
	assert_string_equal(speaker_of(a, "presence"), "Tim Cook");
	article_free(a);
}

/* A surname alone in the body is the one person the title or the
 * subtitle names in full with it, and so are the quotations it is the
 * speaker of; a headline's capitals make no person ("Investigating
 * WeWork"). */
static void
test_entities_title_surname(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("en", "Tim Cook on Apple being pulled into the enterprise",
	    "\"We really took that challenge to heart,\" Cook said on "
	    "Tuesday at the conference in San Francisco.");
	assert_true(has_name(&a->people, "Tim Cook"));
	assert_false(has_name(&a->organisations, "Cook"));
	assert_string_equal(speaker_of(a, "challenge"), "Tim Cook");
	article_free(a);
	/* the standfirst names him in full, the headline not at all */
	a = run_sub("en", "Apple pulled into the enterprise",
	    "Apple's chief Tim Cook spoke at a conference.",
	    "\"We really took that challenge to heart,\" Cook said on "
	    "Tuesday at the conference in San Francisco.");
	assert_string_equal(speaker_of(a, "challenge"), "Tim Cook");
	article_free(a);
	a = run("en", "Attorney General Investigating WeWork",
	    "The office said WeWork had received an inquiry on Monday.");
	assert_false(has_word(&a->people, "WeWork"));
	article_free(a);
}

/* A name ending in a kind of place ("Broward County", "North Sea") or
 * opening with a place's article ("Las Vegas") is a place the gazetteer
 * lacks, not a person; "Penn State" is no such place, and
 * German "Island" is Iceland. */
static void
test_entities_place_kinds(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("en", NULL, "Schools in Broward County and in Silicon Valley "
	    "bought the cameras last year, officials said on Monday.");
	assert_true(has_name(&a->places, "Broward County"));
	assert_true(has_name(&a->places, "Silicon Valley"));
	assert_false(has_name(&a->people, "Broward County"));
	article_free(a);
	/* a Spanish article or a saint opens a town's name */
	a = run("en", NULL, "The company moved from San Francisco to Las "
	    "Vegas, and opened an office near the North Sea last year.");
	assert_true(has_name(&a->places, "San Francisco"));
	assert_true(has_name(&a->places, "Las Vegas"));
	assert_true(has_name(&a->places, "North Sea"));
	assert_false(has_name(&a->people, "San Francisco"));
	article_free(a);
	a = run("de", NULL, "Die Forscher fuhren im Sommer in den Norden "
	    "Islands, um dort die Gletscher zu vermessen.");
	assert_false(has_name(&a->places, "Norden Islands"));
	article_free(a);
}

/* Chinese has no capitals and no spaces, Arabic no capitals: no name is
 * found in them rather than fragments; of the Latin words of Chinese and
 * Korean text only places and acronyms are names. */
static void
test_entities_no_capitals(void **state)
{
	struct nw_article *a;
	size_t i;

	(void)state;
	a = run(NULL, NULL, "中国国家主席习近平周二在北京人民大会堂会见了来访"
	    "的法国总统马克龙。双方就中法关系和共同关心的国际问题交换了意见。"
	    "习近平表示，中方愿同法方加强在联合国等多边机制中的协调。"
	    "据新华社报道，两国还签署了多项合作文件，涉及航空、核能和农业"
	    "等领域。北约秘书长此前也曾访问北京。");
	assert_string_equal(a->lang, "zh");
	assert_int_equal(a->people.n, 0);
	assert_int_equal(a->organisations.n, 0);
	for (i = 0; i < a->places.n; i++)
		assert_true(strlen(a->places.v[i]) > 3);
	article_free(a);

	/* the Latin words of a Chinese text: song titles are no people,
	 * an acronym is an organisation, a place a place */
	a = run(NULL, NULL, "她在二零一零年推出的专辑收录了单曲 Do Believe 和 "
	    "My Space，并在 Singapore 举行了首场演唱会。中央电视台和日本的 "
	    "NHK 都报道了这次演唱会，歌迷们在网上热烈讨论她的新作品和未来"
	    "的巡演计划，唱片公司表示明年还会推出新的专辑。");
	assert_string_equal(a->lang, "zh");
	assert_int_equal(a->people.n, 0);
	assert_true(has_name(&a->organisations, "NHK"));
	assert_true(has_name(&a->places, "Singapore"));
	assert_false(has_word(&a->organisations, "Space"));
	article_free(a);

	/* Korean: an acronym with its particle ("SNS에") is no name */
	a = run(NULL, NULL, "그는 어제 SNS에 긴 글을 올려 팬들에게 감사의 "
	    "뜻을 전했다. 방송사 JTBC 뉴스룸은 이 소식을 저녁에 자세히 "
	    "보도했고, 많은 시청자들이 응원의 메시지를 보냈다.");
	assert_string_equal(a->lang, "ko");
	assert_false(has_name(&a->organisations, "SNS에"));
	assert_true(has_name(&a->organisations, "JTBC"));
	assert_int_equal(a->people.n, 0);
	article_free(a);

	a = run(NULL, NULL, "قال الرئيس المصري عبد الفتاح السيسي يوم "
	    "الثلاثاء في القاهرة إن بلاده ستواصل جهودها للتوصل إلى وقف "
	    "لإطلاق النار في قطاع غزة، وذلك خلال لقائه وزير الخارجية "
	    "الأمريكي في قصر الاتحادية. وأضاف أن مصر تعمل مع الأمم المتحدة "
	    "وجامعة الدول العربية لإيصال المساعدات الإنسانية إلى السكان.");
	assert_string_equal(a->lang, "ar");
	assert_int_equal(a->people.n, 0);
	assert_int_equal(a->organisations.n, 0);
	article_free(a);

	/* Hebrew: a particle before a Latin name ("ב-New York Times") is
	 * no part of it; a quotation's speaker in a text the speech rules
	 * cannot read is none, not a Latin name of the sentence before */
	a = run(NULL, NULL, "\u05e8\u05d0\u05e9 \u05d4\u05de\u05de\u05e9"
	    "\u05dc\u05d4 \u05e0\u05e4\u05d2\u05e9 \u05d4\u05d9\u05d5"
	    "\u05dd \u05e2\u05dd Joe Biden \u05d5\u05e2\u05dd \u05e0"
	    "\u05e6\u05d9\u05d2\u05d9 Intel Israel \u05d1\u05d5\u05d5"
	    "\u05e9\u05d9\u05e0\u05d2\u05d8\u05d5\u05df. \"\u05d0\u05e0"
	    "\u05d7\u05e0\u05d5 \u05e0\u05de\u05e9\u05d9\u05da \u05dc"
	    "\u05e4\u05e2\u05d5\u05dc \u05d1\u05db\u05dc \u05d4\u05db"
	    "\u05d5\u05d7 \u05db\u05d3\u05d9 \u05dc\u05d4\u05d2\u05df"
	    "\", \u05d0\u05de\u05e8 \u05e8\u05d0\u05e9 \u05d4\u05de"
	    "\u05de\u05e9\u05dc\u05d4. \u05dc\u05e4\u05d9 \u05d3\u05d9"
	    "\u05d5\u05d5\u05d7 \u05d1-New York Times \u05d4\u05e6\u05d3"
	    "\u05d3\u05d9\u05dd \u05d4\u05e1\u05db\u05d9\u05de\u05d5 "
	    "\u05dc\u05d4\u05de\u05e9\u05d9\u05da \u05d0\u05ea \u05d4"
	    "\u05e9\u05d9\u05d7\u05d5\u05ea \u05d1\u05d7\u05d5\u05d3"
	    "\u05e9 \u05d4\u05d1\u05d0.");
	assert_true(has_name(&a->organisations, "New York Times"));
	assert_false(has_name(&a->organisations, "York Times"));
	assert_int_equal(a->n_quotes, 1);
	assert_null(a->quotes[0].speaker);
	article_free(a);
}

/* The generated tables: every list sorted, and the dictionaries read
 * as gen_words.py hashed them (a word of each, and a name of none). */
static void
test_dictionaries(void **state)
{
	struct {
		const char *lang, *word;
		bool is;
	} const w[] = {
		{ "de", "gelegenheit", true }, { "de", "technische", true },
		{ "de", "kuma", false }, { "fr", "selon", true },
		{ "fr", "santé", true }, { "fr", "mediapart", false },
		{ "es", "seguridad", true }, { "es", "pública", true },
		{ "es", "bukele", false }, { "en", "diamond", true },
		{ "en", "kengo", false }, { "it", "governo", true },
		{ "it", "mattarella", false }, { "pt", "coordenação", true },
		{ "pt", "alfabetizar", true }, { "pt", "bolsonaro", false },
		{ "nl", "regering", false },
		{ "acro", "nasa", true }, { "acro", "adac", true },
		{ "acro", "accept", false }, { "acronoun", "tv", true },
		{ "acronoun", "nasa", false }, { "acronoun", "abc", false },
		{ "kind", "muslim", true }, { "kind", "muslims", true },
		{ "kind", "apple", false }, { "kind", "democrat", false },
	};
	size_t i;

	(void)state;
	assert_true(ent_tables_sorted());
	for (i = 0; i < sizeof(w) / sizeof(w[0]); i++)
		assert_int_equal(ent_dict_word(w[i].lang, etok_hash(w[i].word,
		    strlen(w[i].word))), w[i].is);
}

/* A language whose titles, days and bodies the rules do not know
 * (Turkish): a person from a known given name on, the surname alone
 * resolved to that person, the acronym a body; no title or body of
 * its words ("Merkez Bankası", "Muhalefet lideri"), and no speaker
 * guessed for a quotation whose speech verb no list holds. */
static void
test_entities_unread_languages(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run(NULL, NULL, "Cumhurbaşkanı Recep Tayyip Erdoğan salı günü "
	    "yeni bütçeyi açıkladı. Erdoğan, vergilerin artırılmayacağını "
	    "söyledi ve Merkez Bankası ile görüştü.\n\n\"Ekonomimiz "
	    "beklenenden hızlı büyüyor ve yatırımlar artıyor\" diyen "
	    "Erdoğan, projelerin süreceğini açıkladı. Muhalefet lideri "
	    "Özgür Özel bütçeyi eleştirdi ve CHP adına konuştu.");
	assert_string_equal(a->lang, "tr");
	assert_int_equal(a->people.n, 2);
	assert_true(has_name(&a->people, "Recep Tayyip Erdoğan"));
	assert_true(has_name(&a->people, "Özgür Özel"));
	assert_int_equal(a->organisations.n, 1);
	assert_true(has_name(&a->organisations, "CHP"));
	assert_int_equal(a->n_quotes, 1);
	assert_null(a->quotes[0].speaker);
	article_free(a);
}

/* A set of hashes grows from a few slots as it fills: every hash added
 * is found after the doublings, 0 among them, and none other is. */
static void
test_hash_sets(void **state)
{
	struct ent_hset set;
	uint64_t h;

	(void)state;
	ent_hset_init(&set);
	for (h = 0; h < 3000; h += 3)
		ent_hset_add(&set, h * 0x9E3779B97F4A7C15ull);
	ent_hset_add(&set, 0);  /* again */
	assert_true(set.cap >= 2 * set.n);
	assert_int_equal(set.n, 1000);
	for (h = 0; h < 3000; h++)
		assert_int_equal(ent_hset_has(&set, h * 0x9E3779B97F4A7C15ull),
		    h % 3 == 0);
	free(set.v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dictionaries),
		cmocka_unit_test(test_hash_sets),
		cmocka_unit_test(test_entities_spanish),
		cmocka_unit_test(test_entities_french),
		cmocka_unit_test(test_entities_elision),
		cmocka_unit_test(test_entities_romance_words),
		cmocka_unit_test(test_entities_german_orgs),
		cmocka_unit_test(test_entities_russian_given),
		cmocka_unit_test(test_entities_polish_places),
		cmocka_unit_test(test_entities_after_prepositions),
		cmocka_unit_test(test_entities_head_alone),
		cmocka_unit_test(test_entities_place_kinds),
		cmocka_unit_test(test_entities_shouted),
		cmocka_unit_test(test_entities_kind_nouns),
		cmocka_unit_test(test_entities_clause_openers),
		cmocka_unit_test(test_entities_phrase_heads),
		cmocka_unit_test(test_entities_dotted_places),
		cmocka_unit_test(test_entities_the_modifiers),
		cmocka_unit_test(test_entities_menu_labels),
		cmocka_unit_test(test_entities_acronym_first),
		cmocka_unit_test(test_entities_german_surnames),
		cmocka_unit_test(test_entities_lower_compounds),
		cmocka_unit_test(test_entities_german_third),
		cmocka_unit_test(test_entities_title_phrases),
		cmocka_unit_test(test_entities_phrase_bodies),
		cmocka_unit_test(test_entities_family_first),
		cmocka_unit_test(test_entities_model_lines),
		cmocka_unit_test(test_entities_counted_acronyms),
		cmocka_unit_test(test_entities_journals),
		cmocka_unit_test(test_entities_units),
		cmocka_unit_test(test_entities_tickers),
		cmocka_unit_test(test_entities_initials),
		cmocka_unit_test(test_entities_sky),
		cmocka_unit_test(test_entities_sky_runs),
		cmocka_unit_test(test_entities_cited_authors),
		cmocka_unit_test(test_entities_result_codes),
		cmocka_unit_test(test_entities_lower_tails),
		cmocka_unit_test(test_entities_polish_demonyms),
		cmocka_unit_test(test_entities_polish_single_forms),
		cmocka_unit_test(test_entities_adjectives),
		cmocka_unit_test(test_entities_observatories),
		cmocka_unit_test(test_entities_english_towns),
		cmocka_unit_test(test_entities_phrase_surname),
		cmocka_unit_test(test_entities_title_surname),
		cmocka_unit_test(test_entities_no_capitals),
		cmocka_unit_test(test_entities_unread_languages),
		cmocka_unit_test(test_entities_code_words),
		cmocka_unit_test(test_entities_code_first),
		cmocka_unit_test(test_entities_defined_things),
		cmocka_unit_test(test_entities_pl_towns),
		cmocka_unit_test(test_entities_pl_fleeting),
		cmocka_unit_test(test_entities_count_nouns),
		cmocka_unit_test(test_entities_postal_regions),
		cmocka_unit_test(test_entities_datelines),
		cmocka_unit_test(test_entities_place_codes),
		cmocka_unit_test(test_entities_roman),
		cmocka_unit_test(test_entities_code_labels),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
