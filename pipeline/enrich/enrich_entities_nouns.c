/* German runs of capitalised words: every noun is capitalised, so
 * capitals alone make no name; a person is a known given name and the
 * words after it, or the words after a role (enrich_entities_class.c
 * calls ent_class_nouns() for a run of two words or more). Pure. */
#include "enrich_entities_int.h"

#include <string.h>

/* Whether word i is no part of a German name: a common noun or an
 * adjective by its ending, a role, an acronym or a letter (but for a
 * Roman numeral: "Benedikt XVI"). */
static bool
ent_de_common(struct ent_ctx *c, size_t i)
{
	const struct etok *k = &c->t->v[i];

	if ((k->flags & (ETOK_ALLCAP | ETOK_CAP)) &&
	    strspn(c->s + k->off, "IVX") == k->len)
		return false;
	return ent_word_is(c, i, ENT_W_DENOUN) ||
	    ent_word_is(c, i, ENT_W_DEROLE) || (k->flags & ETOK_ALLCAP) ||
	    k->len < 2;
}

/* The end of a German name that starts at word g, a given name, within
 * the run [g, b): at most three words, up to a common noun, a function
 * word ("Sie") or a place ("Udo Wolter Russland"); a particle that a
 * name word follows stays ("Jean-Yves Le Drian", "Philippe Van Parijs"). */
static size_t
ent_nouns_end(struct ent_ctx *c, size_t g, size_t b)
{
	size_t e;

	for (e = g + 1; e < b && e < g + 3; e++) {
		if (ent_de_common(c, e) || ent_word_is(c, e, ENT_W_PLACE))
			break;
		/* a third word that the dictionary knows after a surname
		 * is a noun after the name ("Emily Atkin Milliardärin"),
		 * after a second given name a surname ("Dieter Thomas
		 * Heck") or after a particle ("Bernadette La Hengst") */
		if (e == g + 2 && c->t->v[g + 1].len > 3 &&
		    !ent_word_is(c, g + 1, ENT_W_GIVEN) &&
		    ent_word_is(c, e, ENT_W_WORD))
			break;
		if (ent_word_is(c, e, ENT_W_LANG) && (e + 1 >= b ||
		    e + 1 >= g + 3 || ent_de_common(c, e + 1) ||
		    ent_word_is(c, e + 1, ENT_W_LANG)))
			break;
	}
	return e;
}

/* Word j, capitalised, is written after "in" and before no capitalised
 * word. */
static bool
ent_town_form(struct ent_ctx *c, size_t j)
{
	const struct etok *v = c->t->v;

	return j > 0 && (v[j].flags & ETOK_CAP) && v[j - 1].len == 2 &&
	    memcmp(c->s + v[j - 1].off, "in", 2) == 0 &&
	    v[j - 1].sent == v[j].sent &&
	    (j + 1 == c->t->n || !ent_plain_gap(c, j) ||
	    !(v[j + 1].flags & ETOK_CAP));
}

/* Whether word i, capitalised, is written elsewhere after "in" and
 * before no capitalised word, as a town is ("in Augusta schreiben"). */
static bool
ent_town(struct ent_ctx *c, size_t i)
{
	return ent_gathered(c, &c->town, ent_town_form, ETOK_CAP, i);
}

/* Classes a run of two or more capitalised German words ("nouns": every
 * noun is capitalised, so capitals alone make no name). A person is a
 * known given name and the words after it (ent_nouns_end():
 * "Vorstandsmitglied Axel Hellmann Gelegenheit" -> "Axel Hellmann"), or
 * the words after a role ("Parteichef Meuthen", "Frau Weiß"); any other
 * run ("Technische Standards", "Ende April") is a noun phrase, no name. */
void
ent_class_nouns(struct ent_ctx *c, size_t a, size_t b)
{
	size_t g, e;
	char *gen;

	for (g = a; g + 1 < b; g++)
		if (ent_word_is(c, g, ENT_W_GIVEN) &&
		    !(c->t->v[g].flags & ETOK_ALLCAP) &&
		    ent_nouns_end(c, g, b) > g + 1)
			break;
	if (g + 1 < b) {
		e = ent_nouns_end(c, g, b);
		/* "die Constantin Film": a firm */
		if (g == a && e == b && ent_de_article_before(c, a)) {
			ent_add_run(c, a, b, ENT_ORG,
			    ent_join(c, a, b, false), false, false);
			return;
		}
	} else {
		for (g = a; g + 1 < b && !ent_word_is(c, g, ENT_W_DEROLE);
		    g++)
			;
		/* no role: words no dictionary knows ("Kengo Kuma") */
		if (g + 1 >= b) {
			ent_class_de_unknown(c, a, b);
			return;
		}
		if (ent_de_common(c, g + 1) ||
		    ent_word_is(c, g + 1, ENT_W_LANG))
			return;
		/* "Parteichef Meuthen", "Autor Rutger Bregman" */
		e = ++g == b - 1 ? b : ent_nouns_end(c, g, b);
		/* "Bundespräsident Alexander Van ...": a given name alone
		 * is no one's whole name */
		if (e == g + 1 && ent_word_is(c, g, ENT_W_GIVEN))
			return;
	}
	/* "von Augusta Geschichte", "in Augusta Mut": a given name
	 * that the text also writes as a town's ("in Augusta
	 * schreiben") before a word of the language is no person */
	if (e == g + 2 && ent_word_is(c, g + 1, ENT_W_WORD) &&
	    ent_town(c, g))
		return;
	/* "Angela Merkels Regierung": the genitive's -s is no part of
	 * the name */
	gen = ent_de_genitive(c, g, e);
	ent_add_run(c, g, e, ENT_PERSON, gen != NULL ? gen :
	    ent_join(c, g, e, true), false, true);
}
