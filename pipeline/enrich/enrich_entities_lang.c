/* The entity rules of single languages (enrich_entities.c calls them):
 * German organisations and the German names no list of given names
 * holds, the German genitive, and the runs of French, Spanish, Italian
 * and Portuguese text. They lean on the spelling dictionaries Debian
 * ships (wngerman, wfrench, wspanish, wamerican, witalian, wportuguese
 * and wbrazilian; gen_words.py): a word
 * a language's dictionary knows is a word of it, not a name ("Seguridad
 * Pública", "Technische Standards"), and words none of them knows are a
 * name ("Kengo Kuma"). Pure. */
#include "enrich_entities_int.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "enrich/enrich_words.h"

/* Whether key is in the sorted v, whose hashes of each value of their
 * top bits start at idx[] (gen_words.py's bucket_index()): the few of
 * key's bucket are searched, one or two cache lines, not the whole list. */
static bool
ent_hash_in(const uint32_t *v, const uint32_t *idx, unsigned bits,
    uint32_t key)
{
	uint32_t b = key >> (32 - bits);
	size_t lo = idx[b], hi = idx[b + 1];

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (v[mid] == key)
			return true;
		if (v[mid] < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

#define ENT_DICT(l, key) ent_hash_in(ent_words_##l, ent_words_##l##_idx, \
	ent_words_##l##_bits, (key))

bool
ent_dict_lang(const char *lang)
{
	static const char *const langs[] = { "de", "en", "es", "fr", "it",
	    "pt" };

	return lang != NULL && ETOK_FIND(lang, langs);
}

bool
ent_dict_word(const char *lang, uint64_t h)
{
	uint32_t k = (uint32_t)(h >> 32);

	if (lang == NULL)
		return false;
	if (strcmp(lang, "de") == 0)
		return ENT_DICT(de, k);
	if (strcmp(lang, "de_low") == 0)
		return ENT_DICT(delow, k);
	if (strcmp(lang, "fr") == 0)
		return ENT_DICT(fr, k);
	if (strcmp(lang, "es") == 0)
		return ENT_DICT(es, k);
	if (strcmp(lang, "en") == 0)
		return ENT_DICT(en, k);
	if (strcmp(lang, "it") == 0)
		return ENT_DICT(it, k);
	if (strcmp(lang, "pt") == 0)
		return ENT_DICT(pt, k);
	if (strcmp(lang, "acro") == 0)
		return ENT_DICT(acro, k);
	if (strcmp(lang, "acronoun") == 0)
		return ENT_DICT(acronoun, k);
	if (strcmp(lang, "kind") == 0)
		return ENT_DICT(kind, k);
	if (strcmp(lang, "encap") == 0)
		return ENT_DICT(encap, k);
	return false;
}

bool
ent_lang_word(const char *lang, const char *f, uint64_t h)
{
	char buf[64];
	size_t n = strlen(f);

	if (ent_dict_word(lang, h))
		return true;
	/* French drops the accent of a capital: "Etat", "Etats",
	 * "Ecole" are "état", "états", "école" */
	if (lang != NULL && strcmp(lang, "fr") == 0 && f[0] == 'e' &&
	    n + 2 < sizeof(buf)) {
		memcpy(buf, "\u00e9", 2);
		memcpy(buf + 2, f + 1, n);
		return ent_dict_word("fr", etok_hash(buf, n + 1));
	}
	/* wspanish holds lemmas: "normas", "fundamentales",
	 * "especializados" are "norma", "fundamental", "especializar" */
	if (lang == NULL || strcmp(lang, "es") != 0 || n < 4 ||
	    n + 2 > sizeof(buf))
		return false;
	memcpy(buf, f, n + 1);
	if (buf[n - 1] == 's') {
		buf[--n] = '\0';
		if (ent_dict_word("es", etok_hash(buf, n)) ||
		    (buf[n - 1] == 'e' &&
		    ent_dict_word("es", etok_hash(buf, n - 1))))
			return true;
	}
	if (n > 5 && (buf[n - 1] == 'o' || buf[n - 1] == 'a') &&
	    buf[n - 2] == 'd' && (buf[n - 3] == 'a' || buf[n - 3] == 'i')) {
		buf[n - 2] = 'r';
		buf[n - 1] = '\0';
		if (buf[n - 3] == 'a')
			return ent_dict_word("es", etok_hash(buf, n - 1));
		buf[n - 3] = 'e';
		if (ent_dict_word("es", etok_hash(buf, n - 1)))
			return true;
		buf[n - 3] = 'i';
		return ent_dict_word("es", etok_hash(buf, n - 1));
	}
	return false;
}

/* The hashes of the text's capitalised words are gathered on the first
 * question. */
bool
ent_caps_has(struct ent_ctx *c, const char *f, size_t n)
{
	size_t j;

	if (c->caps.v == NULL) {
		ent_hset_init(&c->caps);
		for (j = 0; j < c->t->n; j++)
			if (c->t->v[j].flags & ETOK_CAP)
				ent_hset_add(&c->caps, c->t->v[j].hash);
	}
	return ent_hset_has(&c->caps, etok_hash(f, n));
}

char *
ent_de_genitive(struct ent_ctx *c, size_t a, size_t b)
{
	const char *f = etok_folded(c->t, b - 1);
	size_t n = strlen(f);
	char *name;

	/* "Merkels", not "Hans" or "Voss" */
	if (n < 4 || f[n - 1] != 's' || f[n - 2] == 's' ||
	    !ent_caps_has(c, f, n - 1))
		return NULL;
	name = ent_join(c, a, b, true);
	name[strlen(name) - 1] = '\0';
	return name;
}

static bool ent_de_compound_n(const char *f, size_t n);

char *
ent_de_org_name(struct ent_ctx *c, size_t a, size_t b, bool gen)
{
	char *name = ent_join(c, a, b, false), *sp;
	const char *art, *f = etok_folded(c->t, a), *l;
	size_t n = strlen(f), m, cut;

	if (a == 0 || c->t->v[a - 1].sent != c->t->v[a].sent ||
	    b - a < 2)
		return name;
	art = etok_folded(c->t, a - 1);
	if (strcmp(art, "der") != 0 && strcmp(art, "den") != 0 &&
	    strcmp(art, "dem") != 0 && strcmp(art, "des") != 0)
		return name;
	sp = strchr(name, ' ');
	if (n > 4 && strcmp(f + n - 2, "en") == 0 && sp != NULL &&
	    ent_dict_word("de_low", c->t->v[a].hash))
		memmove(sp - 1, sp, strlen(sp) + 1);
	if (!gen || strcmp(art, "des") != 0)
		return name;
	l = etok_folded(c->t, b - 1);
	m = strlen(l);
	for (cut = 2; cut >= 1; cut--)
		if (m > cut + 3 && l[m - 1] == 's' && l[m - 2] != 's' &&
		    (cut == 1 || l[m - 2] == 'e') &&
		    (ent_dict_word("de", etok_hash(l, m - cut)) ||
		    ent_de_compound_n(l, m - cut))) {
			name[strlen(name) - cut] = '\0';
			break;
		}
	return name;
}

size_t
ent_de_join(struct ent_ctx *c, size_t i, size_t j)
{
	const struct etoks *t = c->t;
	size_t m;
	bool fuer = false;

	if (j + 1 >= t->n || !ent_plain_gap(c, j) || !ent_cap(c, j + 1) ||
	    (t->v[j + 1].flags & ETOK_ALLCAP))
		return j;
	for (m = i; m < j; m++)
		if (etok_is(c->s, &t->v[m], "für"))
			fuer = true;
	/* "Bundesministerium für Bildung und Forschung" */
	if (fuer && etok_is(c->s, &t->v[j], "und"))
		return j + 1;
	if (!ent_word_is(c, j - 1, ENT_W_DEORG) ||
	    (t->v[j - 1].flags & ETOK_ALLCAP))
		return j;
	if (etok_is(c->s, &t->v[j], "für"))
		return j + 1;
	/* a genitive names a ministry ("Bundesministerium der Justiz"),
	 * and is as often a common noun's after other heads ("Amt des
	 * Geistlichen Leiters", "Landesarbeitsgericht der Klägerin") */
	m = strlen(etok_folded(t, j - 1));
	if (m > 11 && strcmp(etok_folded(t, j - 1) + m - 11,
	    "ministerium") == 0 && (etok_is(c->s, &t->v[j], "der") ||
	    etok_is(c->s, &t->v[j], "des")))
		return j + 1;
	return j;
}

/* A word that opens no organisation's name: a function word or a name
 * of person. */
static bool
ent_de_org_start(struct ent_ctx *c, size_t i)
{
	return !ent_word_is(c, i, ENT_W_GIVEN) &&
	    !ent_word_is(c, i, ENT_W_LANG) && !ent_word_is(c, i, ENT_W_DEROLE);
}

bool
ent_class_de_org(struct ent_ctx *c, size_t a, size_t b)
{
	const struct etok *k = &c->t->v[a];
	const char *f = etok_folded(c->t, a), *l;
	size_t n = strlen(f), m;

	if (b == a + 1) {
		/* one word is one body where it says which: "Bundesamt",
		 * "Landespolizei", "Bundesrat", "Innenministerium"; not
		 * "Polizei" or "Ministerium", nor a congress
		 * ("Bundesparteitag") */
		bool fed = strncmp(f, "bundes", 6) == 0 ||
		    strncmp(f, "landes", 6) == 0;

		if (k->flags & ETOK_ALLCAP)
			return false;
		if (!(fed && n > 9 && (ent_word_is(c, a, ENT_W_DEORG) ||
		    strcmp(f + n - 3, "rat") == 0 ||
		    strcmp(f + n - 9, "regierung") == 0)) &&
		    !(n > 14 && strcmp(f + n - 11, "ministerium") == 0))
			return false;
		ent_add_run(c, a, b, ENT_ORG, ent_join(c, a, b, false), false,
		    false);
		return true;
	}
	if (!ent_de_org_start(c, a))
		return false;
	/* "Bundesamt für Strahlenschutz", "Bundesministerium der
	 * Verteidigung": the joined words follow the head */
	for (m = a + 1; m < b && ent_cap(c, m); m++)
		;
	if (m < b && ent_word_is(c, m - 1, ENT_W_DEORG)) {
		ent_add_run(c, a, b, ENT_ORG, ent_de_org_name(c, a, b, false),
		    false, false);
		return true;
	}
	/* "Techniker Krankenkasse", "Berliner Feuerwehr", "Siemens
	 * Healthcare GmbH", "Technische Universität München" */
	m = b;
	if (b - a >= 3 && ent_word_is(c, b - 1, ENT_W_PLACE))
		m = b - 1;
	if (ent_word_is(c, m - 1, ENT_W_DEORG) &&
	    !(c->t->v[m - 1].flags & ETOK_ALLCAP)) {
		ent_add_run(c, a, b, ENT_ORG, ent_de_org_name(c, a, b, true),
		    false, false);
		return true;
	}
	/* An adjective of a country or a church capitalised inside a
	 * sentence opens a body's name before a body's head word: "die
	 * Deutsche Bahn", "der Europäischen Kommission", "die Evangelische
	 * Kirche", "Europäische Raumfahrtbehörde ESA" (such an adjective is
	 * written in lower case otherwise; at a sentence's start it tells
	 * nothing). Before another head it names as often a state, a
	 * place, an event or a term ("Römische Reich", "Indischen Ozean",
	 * "Arabische Frühling", "Olympische Spiele"), and other adjectives
	 * so written terms ("Künstliche Intelligenz"). */
	l = f + n;
	m = l[-1] == 'e' ? 1 : n > 3 && (strcmp(l - 2, "en") == 0 ||
	    strcmp(l - 2, "er") == 0 || strcmp(l - 2, "es") == 0) ? 2 : 0;
	if (m == 0 || (k->flags & ETOK_SENT) || a == 0 ||
	    c->t->v[a - 1].sent != k->sent ||
	    (c->t->v[a - 1].flags & ETOK_CAP) || b - a > 3 ||
	    ent_word_is(c, a + 1, ENT_W_PLACE) ||
	    !ent_dict_word("de_low", k->hash) ||
	    !((n - m == 7 && strncmp(f, "deutsch", 7) == 0) ||
	    (n - m > 6 && strncmp(l - m - 4, "isch", 4) == 0)))
		return false;
	m = b - 1;
	if (m > a + 1 && ((c->t->v[m].flags & ETOK_ALLCAP) ||
	    ent_word_is(c, m, ENT_W_PLACE)))
		m--;
	if (!ent_de_body(etok_folded(c->t, m)))
		return false;
	ent_add_run(c, a, b, ENT_ORG, ent_de_org_name(c, a, b, true), false,
	    false);
	return true;
}

/* Whether the folded German word f is one the dictionary knows as a
 * compound's last part ("Märchenschloss": "schloss"; "VW-Tochter":
 * "tochter"), of four letters or more after three or more. */
static bool
ent_de_compound_n(const char *f, size_t n)
{
	size_t i;

	for (i = 3; i + 4 <= n; i++)
		if ((f[i] & 0xc0) != 0x80 && f[i] != '-' &&
		    ent_dict_word("de", etok_hash(f + i, n - i)))
			return true;
	return false;
}

static bool
ent_de_compound(const char *f)
{
	return ent_de_compound_n(f, strlen(f));
}

/* Whether word i is written in Latin letters, without a digit. */
static bool
ent_latin_word(const struct ent_ctx *c, size_t i)
{
	const struct etok *k = &c->t->v[i];
	const unsigned char *w = (const unsigned char *)c->s + k->off;
	size_t j;

	for (j = 0; j < k->len; j++)
		if ((w[j] >= '0' && w[j] <= '9') || w[j] >= 0xca)
			return false;  /* past Latin Extended-B's bytes */
	return true;
}

/* Whether German word i is a word of the language, or no name's by its
 * shape (in capitals, with a digit, not in Latin letters). */
static bool
ent_de_no_name(struct ent_ctx *c, size_t i)
{
	const struct etok *k = &c->t->v[i];

	return (k->flags & (ETOK_ALLCAP | ETOK_NUM)) || k->len < 2 ||
	    !ent_latin_word(c, i) || ent_word_is(c, i, ENT_W_WORD) ||
	    ent_word_is(c, i, ENT_W_ENWORD) ||
	    ent_word_is(c, i, ENT_W_DENOUN) ||
	    ent_word_is(c, i, ENT_W_LANG) ||
	    ent_word_is(c, i, ENT_W_PLACE) ||
	    ent_de_compound(etok_folded(c->t, i));
}

bool
ent_de_article_before(const struct ent_ctx *c, size_t a)
{
	static const char *const art[] = {
		"das", "dem", "den", "der", "des", "die", "ein", "eine",
		"einem", "einen", "einer", "eines",
	};
	size_t i, p;

	if (a == 0 || c->t->v[a - 1].sent != c->t->v[a].sent ||
	    (c->t->v[a - 1].flags & ETOK_CAP))
		return false;
	/* after a comma, or a comma and a preposition, it is a relative
	 * pronoun (", den Janica Kostelic hält", ", in dem Stéphane
	 * Hessel spricht") */
	for (i = a - 1; i + 2 >= a && i < a; i--) {
		for (p = c->t->v[i].off; p > 0 && c->s[p - 1] == ' '; p--)
			;
		if (p > 0 && c->s[p - 1] == ',')
			return false;
		if (i == 0 || c->t->v[i - 1].sent != c->t->v[i].sent ||
		    (c->t->v[i - 1].flags & (ETOK_CAP | ETOK_NUM)))
			break;
	}
	for (i = 0; i < ETOK_COUNT(art); i++)
		if (etok_is(c->s, &c->t->v[a - 1], art[i]))
			return true;
	return false;
}

/* Whether word i of the German run [a, b) of two words is a part of a
 * person's name that the dictionaries know all the same: the last, a
 * given name's -s ("Roberts", "Peters": a surname made of a given name,
 * as English has them), after a first word that German does not know
 * ("Cliff Roberts", "Cliff" an English word; not "Accelerator Grants",
 * an English plural); or that first word. */
static bool
ent_de_surname(struct ent_ctx *c, size_t a, size_t b, size_t i)
{
	const struct etok *k = &c->t->v[a];

	if (b - a != 2 || (k->flags & (ETOK_ALLCAP | ETOK_NUM)) ||
	    k->len < 3 || !ent_latin_word(c, a) ||
	    (c->t->v[b - 1].flags & ETOK_ALLCAP) ||
	    ent_word_is(c, b - 1, ENT_W_ENWORD) ||
	    !ent_de_genitive_is(etok_folded(c->t, b - 1), ent_given))
		return false;
	if (i == b - 1)
		i = a;
	return !ent_word_is(c, i, ENT_W_WORD) &&
	    !ent_word_is(c, i, ENT_W_DENOUN) &&
	    !ent_word_is(c, i, ENT_W_LANG) &&
	    !ent_word_is(c, i, ENT_W_PLACE) &&
	    !ent_de_compound(etok_folded(c->t, i));
}

bool
ent_class_de_unknown(struct ent_ctx *c, size_t a, size_t b)
{
	static const char *const other[] = { "fr", "es", "it", "pt" };
	size_t i, l;

	const struct ent_place *pl;
	char *name, *key;

	/* past the nouns in front: "Architekt Kengo Kuma" */
	while (b - a > 2 && ent_de_no_name(c, a))
		a++;
	if (b - a > 3)
		return false;
	/* "Nachbarland Costa Rica": a place */
	name = ent_join(c, a, b, false);
	key = etok_fold(name, strlen(name));
	pl = ent_place_in(ent_place_find(key), c->lang);
	free(key);
	free(name);
	if (pl != NULL) {
		ent_add_run(c, a, b, ENT_PLACE, xstrdup(pl->name), false,
		    false);
		c->runs[c->n - 1].canon = pl->canon;
		return true;
	}
	for (i = a; i < b; i++)
		if (ent_de_no_name(c, i) && !ent_de_surname(c, a, b, i))
			return false;
	/* words of one other language are a name in it, no person's:
	 * "Protezione Civile", "Alianza Cívica", "Frutas Afrodisíacas" */
	for (l = 0; l < ETOK_COUNT(other); l++) {
		for (i = a; i < b && ent_lang_word(other[l],
		    etok_folded(c->t, i), c->t->v[i].hash); i++)
			;
		if (i == b)
			return false;
	}
	/* "der Goldman Sachs", "die Harley Benton": a firm or a brand */
	if (ent_de_article_before(c, a)) {
		ent_add_run(c, a, b, ENT_ORG, ent_de_org_name(c, a, b, true),
		    false, false);
		return true;
	}
	/* "Hillary Clintons E-Mails": "Hillary Clinton" */
	name = ent_de_genitive(c, a, b);
	ent_add_run(c, a, b, ENT_PERSON, name != NULL ? name :
	    ent_join(c, a, b, true), false, true);
	return true;
}

void
ent_class_romance(struct ent_ctx *c, size_t a, size_t b)
{
	const char *f;
	size_t g, i;

	/* "Estadio Ernesto Rohrmoser", "Calle El Trabajador" */
	if (ent_word_is(c, a, ENT_W_RSITE)) {
		ent_add_run(c, a, b, ENT_PLACE, ent_join(c, a, b, false),
		    false, false);
		return;
	}
	/* "Le Monde", "El Espectador", "La Moneda" inside a sentence,
	 * "L'Université Paris-8" */
	f = etok_folded(c->t, a);
	if (ent_word_is(c, a, ENT_W_RART) || (c->art != NULL && c->art[a]) ||
	    strncmp(f, "l'", 2) == 0 ||
	    strncmp(f, "l\u2019", 4) == 0) {
		ent_add_run(c, a, b, ENT_ORG, ent_join(c, a, b, false), false,
		    false);
		return;
	}
	/* From a given name on, past the words of the language before it:
	 * "ministre de la Santé Olivier Véran" */
	for (g = a; g + 1 < b; g++)
		if (ent_word_is(c, g, ENT_W_GIVEN) &&
		    !(c->t->v[g].flags & ETOK_ALLCAP))
			break;
	if (g + 1 < b) {
		for (i = a; i < g && (ent_word_is(c, i, ENT_W_WORD) ||
		    (c->t->v[i].flags & ETOK_ALLCAP)); i++)
			;
		if (i == g) {
			ent_add_run(c, g, b, ENT_PERSON,
			    ent_join(c, g, b, true), false, true);
			return;
		}
	}
	/* an acronym before a name: "LREM Mustapha Laabid" */
	if (b - a >= 3 && (c->t->v[a].flags & ETOK_ALLCAP) &&
	    !(c->t->v[a + 1].flags & ETOK_ALLCAP)) {
		ent_add_run(c, a, a + 1, ENT_ORG, ent_join(c, a, a + 1, false),
		    false, false);
		a++;
	}
	/* Without one, only words the language does not know make a
	 * name: "Nayib Bukele", not "Seguridad Pública", "Carta Magna";
	 * a plural or a participle of a word opens none ("Normas
	 * Transitorias", "Juzgados Especializados"), but may end one
	 * ("Reimond Salas", "Gerson Torres") */
	if (ent_word_is(c, a, ENT_W_WORD) && !ent_word_is(c, a, ENT_W_PLACE))
		return;
	/* (a place's name is no word, if the dictionary has it: the
	 * Spanish list has "francia") */
	for (i = a; i < b && (!ent_dict_word(c->lang, c->t->v[i].hash) ||
	    ent_word_is(c, i, ENT_W_PLACE)); i++)
		;
	if (i == b)
		ent_add_run(c, a, b, ENT_PERSON, ent_join(c, a, b, true),
		    false, true);
}

/* French, Spanish, Italian, Portuguese: the index past the particles
 * after word j - 1 of the run from word i that join the capitalised word
 * after them to it ("Banco de España", "Ministerio de Energía y Minas",
 * "Corte Suprema de la Nación", "Charles de Gaulle"), or j. */
/* Whether the folded word f is shaped as a French adjective of an
 * institution's name ("européenne", "fédéral", "constitutionnel",
 * "socialiste", "administratif"). */
static bool
ent_fr_adjective(const char *f)
{
	static const char *const ends[] = {
		"aire", "aires", "al", "ale", "ales", "aux", "el", "elle",
		"elles", "els", "ien", "ienne", "if", "ique", "iques", "iste",
		"istes", "ive", "éen", "éenne", "éennes", "éens",
	};
	size_t i, n = strlen(f), e;

	for (i = 0; i < ETOK_COUNT(ends); i++) {
		e = strlen(ends[i]);
		if (n >= e + 3 && strcmp(f + n - e, ends[i]) == 0)
			return true;
	}
	return false;
}

/* Whether word i is a lower-case noun of a French name's complement
 * ("cassation", "l'agriculture"). */
static bool
ent_fr_noun(struct ent_ctx *c, size_t i)
{
	const struct etok *k = &c->t->v[i];

	return !ent_cap(c, i) && !(k->flags & (ETOK_NUM | ETOK_ALLCAP)) &&
	    !ent_word_is(c, i, ENT_W_RART) &&
	    !ent_word_is(c, i, ENT_W_LANG) && k->len >= 4;
}

/* The index past "de", "du" or "des" at word j and the lower-case noun
 * after it ("de cassation", "des comptes"), or j. */
static size_t
ent_fr_of(struct ent_ctx *c, size_t j)
{
	const struct etoks *t = c->t;

	if (j + 1 < t->n && ent_word_is(c, j, ENT_W_RJOIN) &&
	    ent_plain_gap(c, j) && ent_fr_noun(c, j + 1))
		return j + 2;
	return j;
}

/* The index past "pour" at word j, an article and the lower-case noun
 * after it ("pour le développement", "pour l'emploi"), or j; not before
 * a verb ("pour la protéger"). */
static size_t
ent_fr_for(struct ent_ctx *c, size_t j)
{
	const struct etoks *t = c->t;
	const char *f;
	size_t k = j + 1, n;

	if (k >= t->n || !etok_is(c->s, &t->v[j], "pour") ||
	    !ent_plain_gap(c, j))
		return j;
	if (k + 1 < t->n && (etok_is(c->s, &t->v[k], "le") ||
	    etok_is(c->s, &t->v[k], "la") ||
	    etok_is(c->s, &t->v[k], "les")) && ent_plain_gap(c, k))
		k++;
	else if (strncmp(etok_folded(t, k), "l'", 2) != 0 &&
	    strncmp(etok_folded(t, k), "l\u2019", 4) != 0)
		return j;
	f = etok_folded(t, k);
	n = strlen(f);
	if (ent_cap(c, k) || (t->v[k].flags & ETOK_NUM) ||
	    ent_word_is(c, k, ENT_W_LANG) || t->v[k].len < 4 ||
	    strcmp(f + n - 2, "er") == 0 || strcmp(f + n - 2, "ir") == 0)
		return j;
	return k + 1;
}

/* The end of a French institution's name [i, j) with its lower-case
 * complements: "de l'agriculture", "de sécurité du médicament", "pour
 * le développement", "et de la recherche" ("Office fédéral de
 * l'agriculture", "Agence nationale de sécurité du médicament", "Institut
 * de recherche pour le développement"), an adjective after them, at
 * most twelve words ("Agence nationale de sécurité du médicament et
 * des produits de santé"). */
static size_t
ent_fr_complement(struct ent_ctx *c, size_t i, size_t j)
{
	const struct etoks *t = c->t;
	size_t k;

	while (j - i < 12 && j < t->n && t->v[j].sent == t->v[j - 1].sent) {
		/* "pour le développement" */
		if ((k = ent_fr_for(c, j)) > j && k - i <= 12) {
			j = k;
			continue;
		}
		/* "et de la recherche" */
		k = j;
		if (k + 2 < t->n && etok_is(c->s, &t->v[k], "et") &&
		    ent_plain_gap(c, k) && ent_word_is(c, k + 1, ENT_W_RJOIN))
			k++;
		/* "de la santé", "de l'agriculture" */
		if (k + 2 < t->n && ent_word_is(c, k, ENT_W_RJOIN) &&
		    etok_is(c->s, &t->v[k + 1], "la") &&
		    ent_plain_gap(c, k) && ent_plain_gap(c, k + 1) &&
		    ent_fr_of(c, k + 1) == k + 1 && ent_fr_noun(c, k + 2))
			k += 3;
		else
			k = ent_fr_of(c, k) > k ? k + 2 : j;
		if (k == j && !ent_cap(c, j) && ent_plain_gap(c, j - 1) &&
		    !ent_word_is(c, j, ENT_W_LANG) &&
		    ent_fr_adjective(etok_folded(t, j)))
			k = j + 1;
		if (k == j)
			break;
		j = k;
	}
	return j;
}

/* French writes an institution's name in lower case after its first
 * word: the index past the lower-case words after word j - 1 of the run
 * from word i, an organisation's word, that are part of its name ("Cour
 * de cassation", "Commission européenne", "Conseil fédéral", "Parti
 * socialiste"), or j. */
static size_t
ent_fr_join(struct ent_ctx *c, size_t i, size_t j)
{
	const struct etoks *t = c->t;
	const char *f;
	size_t m;

	if (c->lang == NULL || strcmp(c->lang, "fr") != 0)
		return j;
	/* past an article: "Le Parti socialiste" */
	if (i + 1 < j && ent_word_is(c, i, ENT_W_RART))
		i++;
	if (j - i > 3 || !(ent_word_is(c, i, ENT_W_RORG) ||
	    ent_word_is(c, i, ENT_W_ORG)))
		return j;
	for (m = i + 1; m < j; m++)
		if (ent_cap(c, m))
			return j;
	f = etok_folded(t, j);
	if (ent_fr_adjective(f))
		return ent_fr_complement(c, i, j + 1);
	/* "Cour de cassation", "Cour des comptes", "Conseil de sécurité" */
	if (j == i + 1 && ent_fr_of(c, j) == j + 2)
		return ent_fr_complement(c, i, j + 2);
	return j;
}

size_t
ent_rom_join(struct ent_ctx *c, size_t i, size_t j)
{
	const struct etoks *t = c->t;
	size_t k = j, m;
	bool org = false, joined = false;

	for (m = i; m < j; m++) {
		if (ent_word_is(c, m, ENT_W_ORG) ||
		    ent_word_is(c, m, ENT_W_RORG) ||
		    (m == i && ent_word_is(c, m, ENT_W_RSITE)))
			org = true;
		if (!ent_cap(c, m))
			joined = true;
	}
	if (ent_word_is(c, k, ENT_W_RJOIN)) {
		/* an institution's name, or a given name's particle */
		if (!org && !(j == i + 1 && ent_word_is(c, i, ENT_W_GIVEN)))
			return j;
		k++;
		/* "de la", "de los" */
		if (k + 1 < t->n && ent_plain_gap(c, k - 1) &&
		    !ent_cap(c, k) && ent_word_is(c, k, ENT_W_RART))
			k++;
	} else if (org && joined && (etok_is(c->s, &t->v[k], "y") ||
	    etok_is(c->s, &t->v[k], "e") || etok_is(c->s, &t->v[k], "et"))) {
		k++;  /* "de Energía y Minas" */
	} else {
		return ent_fr_join(c, i, j);
	}
	if (k >= t->n || !ent_plain_gap(c, k - 1) || !ent_cap(c, k))
		return ent_fr_join(c, i, j);  /* "Cour de cassation" */
	return k;
}

/* Classes the run [a, b) of Latin words in Chinese, Japanese, Korean or
 * Thai text: its places, longest first, and its acronyms that are no
 * English word ("NHK", not "AWARDS"); nothing else. */
void
ent_class_caseless(struct ent_ctx *c, size_t a, size_t b)
{
	const struct ent_place *pl = NULL;
	size_t e;

	for (e = a; e < b && (c->t->v[e].flags & ETOK_ALLCAP); e++)
		;
	if (e == b && b - a >= 3)
		return;  /* shouting */
	while (a < b) {
		for (e = b; e > a; e--)
			if ((pl = ent_place_of(c, a, e)) != NULL)
				break;
		if (e > a) {
			ent_add_place(c, a, e, pl);
			a = e;
			continue;
		}
		if ((c->t->v[a].flags & ETOK_ALLCAP) && c->t->v[a].len <= 6 &&
		    !ent_word_is(c, a, ENT_W_TITLE) &&
		    !ent_not_name(c, a, true, false))
			ent_add_run(c, a, a + 1, ENT_ORG,
			    ent_join(c, a, a + 1, false), false, false);
		a++;
	}
}

void
ent_class_unread(struct ent_ctx *c, size_t a, size_t b)
{
	const struct etok *v = c->t->v;
	size_t e;

	if (b == a + 1 && !(v[a].flags & ETOK_ALLCAP) && v[a].len > 1 &&
	    ent_place_of(c, a, b) == NULL) {
		ent_add_run(c, a, b, ENT_ORG, ent_join(c, a, b, false), true,
		    false);
		return;
	}
	while (a < b) {
		if (!(v[a].flags & ETOK_ALLCAP) && a + 1 < b &&
		    !(v[a + 1].flags & ETOK_ALLCAP) &&
		    ent_place_of(c, a, a + 1) == NULL &&
		    ent_word_is(c, a, ENT_W_GIVEN)) {
			for (e = a + 1; e < b && e < a + 3 &&
			    !(v[e].flags & ETOK_ALLCAP) &&
			    ent_place_of(c, e, e + 1) == NULL; e++)
				;
			ent_add_run(c, a, e, ENT_PERSON, ent_join(c, a, e, true),
			    false, true);
			a = e;
			continue;
		}
		ent_class_caseless(c, a, a + 1);
		a++;
	}
}

bool
ent_after_prep(struct ent_ctx *c, size_t a)
{
	if (a == 0 || c->lang == NULL || c->t->v[a - 1].sent !=
	    c->t->v[a].sent || !ent_plain_gap(c, a - 1) ||
	    (strcmp(c->lang, "pl") != 0 && strcmp(c->lang, "ru") != 0 &&
	    strcmp(c->lang, "uk") != 0))
		return false;
	return ent_list_has(ENT_L_DECL_PREP, etok_folded(c->t, a - 1));
}

bool
ent_unsettled(const struct ent_ctx *c, const struct ent_run *r)
{
	if (r->oblique && (r->single || r->b - r->a > 1))
		return true;
	return r->single && (c->nouns || c->unread);
}

bool
ent_locative(struct ent_ctx *c, size_t a)
{
	/* a preposition of place that no person follows: not Spanish
	 * "a" (which marks a person as object) nor "de" (a firm's, a
	 * person's) */
	static const struct {
		const char *lang, *prep;
		bool medium;  /* also "in" a medium: "en Twitter" */
	} loc[] = {
		{ "fr", "à", false }, { "es", "en", true },
		{ "es", "desde", false }, { "it", "a", false },
		{ "it", "in", true }, { "pt", "em", true },
		{ "en", "in", true }, { "en", "near", false },
	};
	const struct etok *k = &c->t->v[a];
	const char *w = c->s + k->off;
	size_t i, j;

	if (a == 0 || c->t->v[a - 1].sent != k->sent ||
	    !(k->flags & ETOK_CAP) || c->lang == NULL ||
	    ent_word_is(c, a, ENT_W_WORD))
		return false;
	/* English: "in Tsai's win", "in Dockerfile instructions": a name
	 * or a noun before the thing that is in */
	if (c->english && ((k->flags & ETOK_POSS) ||
	    (a + 1 < c->t->n &&
	    c->t->v[a + 1].sent == k->sent && ent_plain_gap(c, a) &&
	    !(c->t->v[a + 1].flags & (ETOK_CAP | ETOK_ALLCAP | ETOK_NUM)) &&
	    !ent_word_is(c, a + 1, ENT_W_STOP))))
		return false;
	/* "YouTube", "WhatsApp": a capital inside is a brand's */
	for (j = 1; j < k->len; j++)
		if (w[j] >= 'A' && w[j] <= 'Z')
			return false;
	/* "maire de Fresnes", "l'université de Nantes": of a town's body
	 * in lower case */
	if (a >= 2 && c->t->v[a - 2].sent == k->sent &&
	    ent_word_is(c, a - 1, ENT_W_RJOIN) &&
	    !(c->t->v[a - 2].flags & (ETOK_CAP | ETOK_ALLCAP))) {
		const char *f = etok_folded(c->t, a - 2);

		if (strncmp(f, "l'", 2) == 0)
			f += 2;
		else if (strncmp(f, "l\u2019", 4) == 0)
			f += 4;
		if (ent_list_has(ENT_L_ROM_TOWN, f))
			return true;
	}
	for (i = 0; i < ETOK_COUNT(loc); i++)
		if (strcmp(c->lang, loc[i].lang) == 0 &&
		    etok_is(c->s, &c->t->v[a - 1], loc[i].prep))
			break;
	/* "en Twitter", "em Twitter": a medium named by an English word
	 * (but "à Angers") */
	return i < ETOK_COUNT(loc) && !(loc[i].medium &&
	    ent_word_is(c, a, ENT_W_ENWORD));
}

/* The length of the elided word that opens the word w[0, n) before a
 * capital in French or Italian (romance: "l'" of "l'OMS", "dell'" of
 * "dell'Unione", "qu'" of "qu'Emmanuel", with ' or ’), or of a roster's
 * number ("28-" of "28-Joaquín") in any language, or 0; *art is set
 * when it is an article. */
static size_t
ent_elided(const char *w, size_t n, bool romance, bool *art)
{
	static const struct {
		const char *p;
		bool art;
	} pre[] = {
		/* French */
		{ "l", true }, { "d", false }, { "j", false }, { "m", false },
		{ "n", false }, { "s", false }, { "t", false }, { "c", false },
		{ "qu", false }, { "jusqu", false }, { "lorsqu", false },
		{ "puisqu", false }, { "presqu", false }, { "quoiqu", false },
		/* Italian: the article and its prepositions */
		{ "dell", true }, { "dall", true }, { "nell", true },
		{ "sull", true }, { "all", true }, { "coll", true },
		{ "un", false }, { "quell", false },
	};
	size_t i, p, q;

	/* a roster's number: "28-Joaquín Aguirre", "2-Saprissa" */
	for (p = 0; p < n && p < 3 && w[p] >= '0' && w[p] <= '9'; p++)
		;
	if (p > 0 && p + 2 < n && w[p] == '-') {
		*art = false;
		return p + 1;
	}
	/* Hebrew's particles before a Latin word: one to three letters
	 * and a hyphen or a maqaf ("ב-New York Times", "ו־Google") */
	for (p = 0; p + 1 < n && p < 6 && (unsigned char)w[p] == 0xd7 &&
	    (unsigned char)w[p + 1] >= 0x90 &&
	    (unsigned char)w[p + 1] <= 0xaa; p += 2)
		;
	if (p > 0 && p + 2 < n && w[p] == '-') {
		*art = false;
		return p + 1;
	}
	if (p > 0 && p + 3 < n && memcmp(w + p, "\u05be", 2) == 0) {
		*art = false;
		return p + 2;
	}
	if (!romance)
		return 0;
	for (i = 0; i < ETOK_COUNT(pre); i++) {
		p = strlen(pre[i].p);
		if (n <= p + 1 || strncasecmp(w, pre[i].p, p) != 0)
			continue;
		if (w[p] == '\'')
			q = p + 1;
		else if (n > p + 3 && memcmp(w + p, "\u2019", 3) == 0)
			q = p + 3;
		else
			continue;
		*art = pre[i].art;
		return q < n ? q : 0;
	}
	return 0;
}

bool
ent_elide(const char *s, const struct etoks *in, bool romance,
    struct etoks *out, bool **art)
{
	size_t i, q;
	bool a, any = false;

	*art = NULL;
	for (i = 0; i < in->n; i++) {
		const struct etok *k = &in->v[i];
		struct etoks one = { 0 };
		struct etok *o;
		char *rest;

		/* lower case, or an article capitalised by the sentence's
		 * start ("L'OMS a dit"; "L'Oréal" inside a sentence and
		 * "M'Jid El Guerrab", "D'Artagnan" are names as written) */
		if (k->len < 3 || ((k->flags & ETOK_CAP) &&
		    !(k->flags & ETOK_SENT)) ||
		    (q = ent_elided(s + k->off, k->len, romance, &a)) == 0 ||
		    ((k->flags & ETOK_CAP) && !a))
			continue;
		rest = xstrndup(s + k->off + q, k->len - q);
		etok_split(rest, &one);
		/* after a number only a name's word: not "5-MW",
		 * "1.6-T-GDI" */
		if (one.n != 1 || !(one.v[0].flags & (ETOK_CAP |
		    ETOK_ALLCAP)) || (one.v[0].flags & ETOK_NUM) ||
		    ((k->flags & ETOK_NUM) &&
		    ((one.v[0].flags & ETOK_ALLCAP) ||
		    memchr(rest, '-', strlen(rest)) != NULL))) {
			etok_free(&one);
			free(rest);
			continue;
		}
		if (!any) {
			out->v = xmalloc(in->n * sizeof(*out->v));
			memcpy(out->v, in->v, in->n * sizeof(*out->v));
			out->n = out->cap = in->n;
			buf_append(&out->folds, in->folds.p, in->folds.len);
			*art = xcalloc(in->n, sizeof(**art));
			any = true;
		}
		o = &out->v[i];
		o->off = k->off + q;
		o->len = k->len - q;
		/* no longer the sentence's first word: an article is */
		o->flags = (k->flags & ~(ETOK_CAP | ETOK_ALLCAP | ETOK_NUM |
		    ETOK_SENT)) | (one.v[0].flags & (ETOK_CAP | ETOK_ALLCAP));
		o->hash = one.v[0].hash;
		o->fold = out->folds.len;
		buf_append(&out->folds, etok_folded(&one, 0),
		    strlen(etok_folded(&one, 0)) + 1);
		(*art)[i] = a;
		etok_free(&one);
		free(rest);
	}
	return any;
}
