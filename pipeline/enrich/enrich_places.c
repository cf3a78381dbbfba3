/* The place gazetteer of the entity finder: lookups in the table that
 * gen_places.py generates from iso-codes and tzdata, nationality words,
 * and the one name of a country that its names share. Pure. */
#include "enrich_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "enrich/enrich_places.h"

#define ENT_N_PLACES (sizeof(ent_places) / sizeof(ent_places[0]))

/* The place whose key is folded, or NULL: probed in ent_place_slot by
 * the key's etok_hash(), which gen_places.py wrote. */
const struct ent_place *
ent_place_find(const char *folded)
{
	size_t j = (size_t)etok_hash(folded, strlen(folded));

	for (;; j++) {
		unsigned i = ent_place_slot[j & (ENT_PLACE_SLOTS - 1)];

		if (i == 0)
			return NULL;
		if (etok_strcmp(folded, ent_places[i - 1].key) == 0)
			return &ent_places[i - 1];
	}
}

bool
ent_places_indexed(void)
{
	for (size_t i = 0; i < ENT_N_PLACES; i++)
		if (ent_place_find(ent_places[i].key) != &ent_places[i] ||
		    (i > 0 && etok_strcmp(ent_places[i - 1].key,
		    ent_places[i].key) >= 0))
			return false;
	return true;
}

const struct ent_place *
ent_place_in(const struct ent_place *pl, const char *lang)
{
	size_t n;
	const char *l;

	if (pl == NULL || pl->lang == NULL)
		return pl;
	if (lang == NULL)
		return NULL;
	/* pl->lang: the codes of the languages, separated by spaces */
	n = strlen(lang);
	for (l = pl->lang; *l != '\0'; l += strcspn(l, " "), l += *l == ' ')
		if (strncmp(l, lang, n) == 0 && (l[n] == ' ' || l[n] == '\0'))
			return pl;
	return NULL;
}

/* The place whose key is folded or, a Cyrillic word, one of its case
 * forms ("России", "Франции", "Вьетнаме" are "Россия", "Франция",
 * "Вьетнам"), or NULL. */
const struct ent_place *
ent_place_find_inflected(const char *folded)
{
	static const char *const nom[] = { "", "а", "я", "ь", "й" };
	/* the vowels a stem "+ а" is no Russian nominative after
	 * ("Самое" is no "Самоа") */
	static const char *const vowels[] = { "а", "е", "и", "о", "у", "ы",
		"э", "ю", "я" };
	const struct ent_place *pl = ent_place_find(folded);
	char buf[128];
	size_t n = strlen(folded), s, i, e;

	if (pl != NULL)
		return pl;
	s = ent_cyr_stem(folded, n);
	if (s == n || s + 3 > sizeof(buf))
		return NULL;
	memcpy(buf, folded, s);
	for (i = 0; i < sizeof(nom) / sizeof(nom[0]); i++) {
		size_t v;

		e = strlen(nom[i]);
		for (v = 0; i == 1 && v < sizeof(vowels) / sizeof(vowels[0]);
		    v++)
			if (memcmp(buf + s - 2, vowels[v], 2) == 0)
				break;
		if (i == 1 && v < sizeof(vowels) / sizeof(vowels[0]))
			continue;
		memcpy(buf + s, nom[i], e + 1);
		if ((pl = ent_place_find(buf)) != NULL)
			return pl;
	}
	return NULL;
}

const struct ent_place *
ent_place_find_pl(const char *folded)
{
	/* a stem another language's name of a place matches ("Irland", in
	 * German, of "Irlandii") is passed over for the Polish one;
	 * case endings, longest first, and the nominative endings a stem
	 * takes: "Rosji", "Rosją" (Rosja), "Mołdawii" (Mołdawia),
	 * "Ukrainy" (Ukraina), "Meksyku" (Meksyk), "Czechach" (Czechy) */
	static const char *const ends[] = {
		"ach", "ami", "owi", "ii", "ie", "em", "om", "\u0105",
		"\u0119", "a", "i", "u", "y",
	};
	static const char *const nom[] = { "", "a", "y", "ia" };
	/* and the locatives that change the stem's last consonant:
	 * "Polsce" (Polska), "Pradze" (Praga), "Górze", "Białorusi" */
	static const char *const alt[][2] = {
		{ "sce", "ska" }, { "ce", "ka" }, { "dze", "ga" },
		{ "rze", "ra" }, { "cie", "ta" }, { "si", "\u015b" },
	};
	const struct ent_place *pl;
	char buf[128];
	size_t n = strlen(folded), i, j, e, s;

	for (i = 0; i < sizeof(alt) / sizeof(alt[0]); i++) {
		e = strlen(alt[i][0]);
		if (n < e + 3 || n + 4 > sizeof(buf) ||
		    strcmp(folded + n - e, alt[i][0]) != 0)
			continue;
		memcpy(buf, folded, n - e);
		memcpy(buf + n - e, alt[i][1], strlen(alt[i][1]) + 1);
		if ((pl = ent_place_in(ent_place_find(buf), "pl")) != NULL)
			return pl;
	}

	for (i = 0; i < sizeof(ends) / sizeof(ends[0]); i++) {
		e = strlen(ends[i]);
		if (n < e + 3 || n + 3 > sizeof(buf) ||
		    strcmp(folded + n - e, ends[i]) != 0)
			continue;
		s = n - e;
		memcpy(buf, folded, s);
		for (j = 0; j < sizeof(nom) / sizeof(nom[0]); j++) {
			memcpy(buf + s, nom[j], strlen(nom[j]) + 1);
			if (strcmp(buf, folded) != 0 &&
			    (pl = ent_place_in(ent_place_find(buf),
			    "pl")) != NULL)
				return pl;
		}
	}
	/* the genitive of a plural name has no ending: "Czech" (Czechy),
	 * "Chin" (Chiny) */
	if (n >= 3 && n + 2 <= sizeof(buf)) {
		memcpy(buf, folded, n);
		memcpy(buf + n, "y", 2);
		return ent_place_in(ent_place_find(buf), "pl");
	}
	return NULL;
}

/* Index of the first place whose key's first bytes are not below those
 * of word (its n first bytes; n = strlen(word) for a whole-key order). */
static size_t
ent_place_lower(const char *word, size_t n)
{
	size_t lo = 0, hi = ENT_N_PLACES;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const unsigned char *e =
		    (const unsigned char *)ent_places[mid].key;
		const unsigned char *w = (const unsigned char *)word;
		size_t k = 1;
		/* strncmp(e, word, n), inline for these short keys */
		int c = (int)e[0] - w[0];

		for (; c == 0 && e[k - 1] != '\0' && k < n; k++)
			c = (int)e[k] - w[k];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* True if a place name is word or starts with word and a space. */
bool
ent_place_starts(const char *word)
{
	size_t n = strlen(word), lo = ent_place_lower(word, n + 1);

	for (; lo < ENT_N_PLACES && strncmp(ent_places[lo].key, word, n) == 0;
	    lo++)
		if (ent_places[lo].key[n] == ' ' ||
		    ent_places[lo].key[n] == '\0')
			return true;
	return false;
}

/* Whether f is the English name of a language ("spanish", "irish"):
 * a binary search of the list gen_places.py writes in strcmp() order. */
bool
ent_lang_name(const char *f)
{
	return ETOK_FIND(f, ent_lang_names);
}

/* Whether f (folded, n bytes) is a place's name in "-a" and an "n"
 * ("gazan": Gaza) or, for the "-a", "-ine" ("argentine"), a place of
 * any kind in the gazetteer. */
static bool
ent_demonym_place(const char *f, size_t n)
{
	char buf[64];

	if (n < sizeof(buf) && f[n - 1] == 'n' && f[n - 2] == 'a') {
		memcpy(buf, f, n - 1);
		buf[n - 1] = '\0';
		if (ent_place_find(buf) != NULL)
			return true;
	}
	if (n >= 7 && n < sizeof(buf) && strcmp(f + n - 3, "ine") == 0) {
		memcpy(buf, f, n - 3);
		memcpy(buf + n - 3, "ina", 4);
		return ent_place_find(buf) != NULL;
	}
	return false;
}

/* True if some country name starts with the first four bytes of a word
 * shaped like a nationality ("russian" -> "Russia"), or the word names a
 * language ("spanish", "irish", which no country's name starts), or
 * ent_demonym_place() says so. */
bool
ent_demonym(const char *f)
{
	static const char *const suf[] = { "ians", "ian", "ans", "an", "ese",
		"ish", "is", "i", "ns" };
	size_t n = strlen(f), i, lo;
	bool shaped = false;

	for (i = 0; i < sizeof(suf) / sizeof(suf[0]); i++) {
		size_t k = strlen(suf[i]);

		if (n > k + 2 && strcmp(f + n - k, suf[i]) == 0)
			shaped = true;
	}
	if (ent_lang_name(f))
		return true;
	if (n < 5)
		return false;
	if (ent_demonym_place(f, n))
		return true;
	if (!shaped)
		return false;
	for (lo = ent_place_lower(f, 4); lo < ENT_N_PLACES &&
	    strncmp(ent_places[lo].key, f, 4) == 0; lo++)
		if (ent_places[lo].kind == 0 && ent_places[lo].lang == NULL)
			return true;
	return false;
}

/* Whether the Polish word f (folded) names one of a people by the
 * suffix of "Rosjanin", "Rosjanie", "Rosjan", "Meksykanin" on a place's
 * name: the word less its suffix, or that and an "a", is a place of
 * Polish text ("rosja", "meksyk"). */
bool
ent_pl_demonym(const char *f)
{
	static const char *const suf[] = { "aninowi", "aninem", "anina",
		"anin", "anach", "anami", "anom", "anie", "an" };
	char buf[64];
	size_t n = strlen(f), i, k;

	for (i = 0; i < sizeof(suf) / sizeof(suf[0]); i++) {
		k = strlen(suf[i]);
		if (n < k + 3 || n - k + 2 > sizeof(buf) ||
		    strcmp(f + n - k, suf[i]) != 0)
			continue;
		memcpy(buf, f, n - k);
		buf[n - k] = '\0';
		if (ent_place_in(ent_place_find(buf), "pl") != NULL)
			return true;
		buf[n - k] = 'a';
		buf[n - k + 1] = '\0';
		return ent_place_in(ent_place_find(buf), "pl") != NULL;
	}
	return false;
}

/* The places of an article by their country's one name, each with the
 * name the article gave it first. */
const char *
ent_canon_name(struct ent_canons *m, const char *canon, const char *name)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		if (strcmp(m->canon[i], canon) == 0)
			return m->name[i];
	if (m->n == m->cap) {
		m->cap = m->cap ? 2 * m->cap : 8;
		m->canon = xrealloc(m->canon, m->cap * sizeof(*m->canon));
		m->name = xrealloc(m->name, m->cap * sizeof(*m->name));
	}
	m->canon[m->n] = canon;
	m->name[m->n++] = name;
	return name;
}

void
ent_canons_free(struct ent_canons *m)
{
	free(m->canon);
	free(m->name);
	memset(m, 0, sizeof(*m));
}
