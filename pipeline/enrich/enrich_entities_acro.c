/* The acronyms of a text that name things, not bodies, by how the text
 * writes them: before a model's number ("RTX 3080"), after a number as
 * a unit or a currency ("28 MW"), as a results line's code ("Wierer
 * (ITA) 35.58,7"), with a plural's s ("SUVs"). The three sets are
 * gathered in one walk over a text's words at its first question, for
 * enrich_entities_class.c's and enrich_entities_style.c's rules. Pure. */
#include "enrich_entities_int.h"

#include <stdlib.h>
#include <string.h>

/* Whether word j, an acronym, stands before a model's number in its
 * sentence: a whole number after a space, no year ("RTX 3080", "TOP 5";
 * not "KNA 19.11.21", "DOI 10.1126", "CES 2021"). */
static bool
ent_model_form(struct ent_ctx *c, size_t j)
{
	const struct etok *v = c->t->v;
	char *e;
	long n;

	if (!(v[j].flags & ETOK_ALLCAP) || j + 1 >= c->t->n ||
	    !(v[j + 1].flags & ETOK_NUM) || v[j + 1].sent != v[j].sent ||
	    !ent_plain_gap(c, j))
		return false;
	n = strtol(c->s + v[j + 1].off, &e, 10);
	if (*e != '\0' && strchr(".,/:", *e) != NULL &&
	    e[1] >= '0' && e[1] <= '9')
		return false;
	return !(e - (c->s + v[j + 1].off) == 4 && n >= 1900 && n < 2040);
}

/* Whether word j, an acronym, is a time zone: right after "a.m." or
 * "p.m." and a space ("10:00 a.m. PDT (5 p.m. UTC)"), where no body's
 * name stands. */
static bool
ent_zone_form(const struct ent_ctx *c, size_t j)
{
	size_t o = c->t->v[j].off;
	const char *p;

	if (o < 5)
		return false;
	p = c->s + o - 5;
	return (p[0] == 'a' || p[0] == 'p' || p[0] == 'A' || p[0] == 'P') &&
	    p[1] == '.' && (p[2] == 'm' || p[2] == 'M') && p[3] == '.' &&
	    p[4] == ' ' && (o == 5 || p[-1] == ' ' || (p[-1] >= '0' &&
	    p[-1] <= '9'));
}

/* Whether word j, an acronym, stands after a number in its sentence, as
 * a unit or a currency does ("28 MW", "151 PS", "37,99 EUR"): a number
 * after a space that is no year ("2019 NBA") and no ordinal ("1. FC"),
 * then one space. */
static bool
ent_unit_form(struct ent_ctx *c, size_t j)
{
	const struct etok *v = c->t->v;
	const char *n;
	long y;

	if ((v[j].flags & ETOK_ALLCAP) && ent_zone_form(c, j))
		return true;
	if (!(v[j].flags & ETOK_ALLCAP) || j == 0 ||
	    !(v[j - 1].flags & ETOK_NUM) || v[j - 1].sent != v[j].sent ||
	    v[j].off != v[j - 1].off + v[j - 1].len + 1 ||
	    c->s[v[j - 1].off + v[j - 1].len] != ' ')
		return false;
	n = c->s + v[j - 1].off;
	y = strtol(n, NULL, 10);
	return !(v[j - 1].len == 4 && y >= 1900 && y < 2040);
}

/* Whether word j, an acronym, stands before an amount in its sentence,
 * as a currency does ("EUR 5,4 Mrd", "USD 1.25", "GBP 1,000,000"):
 * after a plain space, a number with a decimal or thousands mark
 * between digits, which a model's number ("RTX 3080") has not, and no
 * date ("KNA 19.11.21"). */
static bool
ent_amount_form(struct ent_ctx *c, size_t j)
{
	const struct etok *v = c->t->v;
	const char *p, *e;

	if (!(v[j].flags & ETOK_ALLCAP) || j + 1 >= c->t->n ||
	    !(v[j + 1].flags & ETOK_NUM) || v[j + 1].sent != v[j].sent ||
	    v[j + 1].off != v[j].off + v[j].len + 1 ||
	    c->s[v[j].off + v[j].len] != ' ')
		return false;
	p = c->s + v[j + 1].off + v[j + 1].len;
	if ((*p != ',' && *p != '.') || p[1] < '0' || p[1] > '9')
		return false;
	for (e = p + 1; *e >= '0' && *e <= '9'; e++)
		;
	return !(*p == '.' && e - p <= 3 && *e == '.' && e[1] >= '0' &&
	    e[1] <= '9');
}

/* Whether word j, an acronym, is a results line's code: in brackets
 * after a capitalised name and before a number, a time or a margin
 * ("Dorothea Wierer (ITA) 35.58,7", "Julia Simon (FRA) +1.03,4"), as a
 * nation's or a team's code is written in a list of results. */
static bool
ent_result_form(struct ent_ctx *c, size_t j)
{
	const struct etok *v = c->t->v;
	const char *s = c->s;
	size_t e = v[j].off + v[j].len;

	if (!(v[j].flags & ETOK_ALLCAP) || j == 0 || j + 1 >= c->t->n ||
	    v[j].off < 2 || s[v[j].off - 1] != '(' ||
	    s[v[j].off - 2] != ' ' || !(v[j - 1].flags & ETOK_CAP) ||
	    v[j - 1].off + v[j - 1].len + 2 != v[j].off ||
	    s[e] != ')' || s[e + 1] != ' ' ||
	    !(v[j + 1].flags & ETOK_NUM))
		return false;
	e += 2;
	if (s[e] == '+' || s[e] == '-')
		e++;
	return v[j + 1].off == e;
}

/* Whether word j is an acronym with a plural's s ("TVs", "SUVs",
 * "URLs"): two capitals or more, then a lower-case s. The word's flags
 * first: most words are not capitalised, and their text is not read. */
static bool
ent_acro_plural_form(struct ent_ctx *c, size_t j)
{
	const char *w = c->s + c->t->v[j].off;
	size_t i, n = c->t->v[j].len;

	if (n < 3 || !(c->t->v[j].flags & ETOK_CAP) || w[n - 1] != 's')
		return false;
	for (i = 0; i + 1 < n; i++)
		if (w[i] < 'A' || w[i] > 'Z')
			return false;
	return true;
}

/* An acronym's mention in the text: its hash (first, for
 * ent_hash_cmp()), and whether it is written there before a model's
 * number and after a number. */
struct ent_acro {
	uint64_t h;
	bool model, unit;
};

/* Fills c's three sets of acronyms in one walk over the words: the
 * plurals' stems ("SUV" of "SUVs"); and, from the acronyms' mentions
 * sorted by hash and counted by acronym, the acronyms written before a
 * model's number in most of their mentions and in two or more, and
 * those written after a number in most of their mentions. */
static void
ent_acro_fill(struct ent_ctx *c)
{
	struct ent_acro *v = NULL;
	size_t n = 0, cap = 0, i, j;
	const char *f;

	ent_hset_init(&c->model);
	ent_hset_init(&c->unit);
	ent_hset_init(&c->plural);
	for (j = 0; j < c->t->n; j++) {
		if (ent_acro_plural_form(c, j)) {
			f = etok_folded(c->t, j);
			ent_hset_add(&c->plural,
			    etok_hash(f, strlen(f) - 1));
		}
		if (!(c->t->v[j].flags & ETOK_ALLCAP))
			continue;
		if (n == cap) {
			cap = cap != 0 ? 2 * cap : 16;
			v = xrealloc(v, cap * sizeof(*v));
		}
		v[n].h = c->t->v[j].hash;
		v[n].model = ent_model_form(c, j);
		v[n++].unit = ent_unit_form(c, j) ||
		    ent_amount_form(c, j) || ent_result_form(c, j);
	}
	if (n > 1)
		qsort(v, n, sizeof(*v), ent_hash_cmp);
	for (i = 0; i < n; i = j) {
		size_t model = 0, unit = 0;

		for (j = i; j < n && v[j].h == v[i].h; j++) {
			model += v[j].model;
			unit += v[j].unit;
		}
		if (model >= 2 && 2 * model > j - i)
			ent_hset_add(&c->model, v[i].h);
		if (unit >= 1 && 2 * unit > j - i)
			ent_hset_add(&c->unit, v[i].h);
	}
	free(v);
}

/* Whether the acronym of etok hash h is in set, one of c's three sets
 * of acronyms, all three filled at the first question of a text. */
static bool
ent_acro_in(struct ent_ctx *c, const struct ent_hset *set, uint64_t h)
{
	if (c->model.v == NULL)
		ent_acro_fill(c);
	return ent_hset_has(set, h);
}

bool
ent_model_line(struct ent_ctx *c, uint64_t h)
{
	return ent_acro_in(c, &c->model, h);
}

bool
ent_unit(struct ent_ctx *c, uint64_t h)
{
	return ent_acro_in(c, &c->unit, h);
}

bool
ent_acro_counted(struct ent_ctx *c, size_t i)
{
	if (ent_acro_plural_form(c, i))
		return true;
	if (!(c->t->v[i].flags & ETOK_ALLCAP))
		return false;
	return ent_acro_in(c, &c->plural, c->t->v[i].hash);
}

/* Whether word j is written in lower case, a word of letters. */
static bool
ent_acro_lower(const struct ent_ctx *c, size_t j)
{
	const struct etok *k = &c->t->v[j];
	unsigned char l = (unsigned char)c->s[k->off];

	return !(k->flags & (ETOK_CAP | ETOK_ALLCAP | ETOK_NUM)) &&
	    l >= 'a' && l <= 'z';
}

/* Whether one of the words [a, b) in lower case opens with the letter
 * the acronym x opens with: its first word's ("intravenous
 * immunoglobulin", "IVIG"). */
static bool
ent_acro_opens(const struct ent_ctx *c, size_t a, size_t b, char x)
{
	for (; a < b; a++)
		if (ent_acro_lower(c, a) &&
		    c->s[c->t->v[a].off] == x - 'A' + 'a')
			return true;
	return false;
}

/* Whether word j is one of the words that open a count noun's phrase
 * and no name's: "a", "an", "another", "each", "every", "your", "my"
 * ("a GPU", not "the EU"). */
static bool
ent_acro_det(const struct ent_ctx *c, size_t j)
{
	static const char *const w[] = {
		"a", "an", "another", "each", "every", "my", "your"
	};
	const struct etok *k = &c->t->v[j];
	size_t i;

	if (!ent_acro_lower(c, j))
		return false;
	for (i = 0; i < sizeof(w) / sizeof(w[0]); i++)
		if (strlen(w[i]) == k->len &&
		    memcmp(w[i], c->s + k->off, k->len) == 0)
			return true;
	return false;
}

/* Word j, an acronym, heads a count noun's phrase: after "a", "an",
 * "every", "your" ... and at most one word in lower case ("an external
 * GPU", "a HDMI or DVI monitor"), and before a stop, a comma or a
 * function word ("a GPU for gaming"), or right after "a" and as a
 * possessive ("a CPU's team"), as a body's name does not; a
 * body's acronym after "a" stands before the noun it qualifies ("a
 * NASA scientist", "an FBI agent"). */
static bool
ent_acro_head_form(struct ent_ctx *c, size_t j)
{
	const struct etok *v = c->t->v;
	const char *s = c->s;
	size_t e = v[j].off + v[j].len, d;

	if (!(v[j].flags & ETOK_ALLCAP) || j == 0 ||
	    !ent_plain_gap(c, j - 1))
		return false;
	d = j - 1;
	if (!ent_acro_det(c, d)) {
		if (d == 0 || !ent_acro_lower(c, d) ||
		    ent_word_is(c, d, ENT_W_STOP) ||
		    !ent_plain_gap(c, d - 1) || !ent_acro_det(c, d - 1))
			return false;
		d--;
	}
	if (v[j].flags & ETOK_POSS)
		return d == j - 1 && s[v[d].off] != 'y' && s[v[d].off] != 'm';
	if (strchr(",.;:!?)", s[e]) != NULL && s[e] != '\0')
		return true;
	return j + 1 < c->t->n && ent_plain_gap(c, j) &&
	    ent_acro_lower(c, j + 1) && ent_word_is(c, j + 1, ENT_W_STOP);
}

/* Whether word j is a German indefinite article or "kein" in any case
 * ("eine", "einen", "keinem"). */
static bool
ent_acro_de_det(const struct ent_ctx *c, size_t j)
{
	const struct etok *k = &c->t->v[j];
	const char *w = c->s + k->off;
	size_t n = k->len, p = 0;

	if (!ent_acro_lower(c, j))
		return false;
	if (n >= 4 && memcmp(w, "kein", 4) == 0)
		p = 4;
	else if (n >= 3 && memcmp(w, "ein", 3) == 0)
		p = 3;
	else
		return false;
	return n == p || (n == p + 1 && strchr("emnrs", w[p]) != NULL);
}

/* German: word j, an acronym, right after an indefinite article and
 * before a word in lower case or a stop ("eine MPU machen", "einer MPU
 * drohen."), where a noun would be capitalised: the acronym is the
 * noun, a thing; a body's acronym after "eine" qualifies a compound
 * ("eine NPD-nahe Zeitschrift", "ein EU-Heimtierausweis"). */
static bool
ent_acro_de_head_form(struct ent_ctx *c, size_t j)
{
	const struct etok *v = c->t->v;
	const char *s = c->s;
	size_t e = v[j].off + v[j].len;

	if (!(v[j].flags & ETOK_ALLCAP) || j == 0 ||
	    (v[j].flags & ETOK_POSS) || !ent_plain_gap(c, j - 1) ||
	    !ent_acro_de_det(c, j - 1))
		return false;
	if (strchr(",.;:!?)", s[e]) != NULL && s[e] != '\0')
		return true;
	return j + 1 < c->t->n && ent_plain_gap(c, j) &&
	    ent_acro_lower(c, j + 1);
}

/* Word j, an acronym, is defined by a phrase in lower case: in brackets
 * after it ("ECG (electrocardiogram)"), or it is in brackets after its
 * two words or more ("exponential moving averages (EMA)"), one of them
 * opening with its first letter. */
static bool
ent_acro_thing_form(struct ent_ctx *c, size_t j)
{
	const struct etok *v = c->t->v;
	const char *s = c->s;
	size_t e = v[j].off + v[j].len, n = v[j].len, a;

	if (!(v[j].flags & ETOK_ALLCAP) || n < 2)
		return false;
	if (j + 1 < c->t->n && s[e] == ' ' && s[e + 1] == '(' &&
	    v[j + 1].off == e + 2 && ent_acro_lower(c, j + 1) &&
	    s[v[j + 1].off] == s[v[j].off] - 'A' + 'a')
		return true;
	if (j < 2 || v[j].off < 2 || s[v[j].off - 1] != '(' ||
	    s[v[j].off - 2] != ' ' || s[e] != ')' ||
	    v[j - 1].off + v[j - 1].len + 2 != v[j].off ||
	    !ent_acro_lower(c, j - 1) || !ent_acro_lower(c, j - 2))
		return false;
	a = j > n ? j - n : 0;
	return ent_acro_opens(c, a, j, s[v[j].off]);
}

/* Whether word j, an acronym, is the medium of a transfer: right after
 * "using" or "über" in lower case and a space, with no article between,
 * and before no word of a phrase it would qualify ("über USB an einen
 * Computer", "using SSL."; not "using NASA data"), as no body is
 * written. After "via" and "per" (a credit's too: "KVELLER via JTA —
 * The"; "per CDC guidance") only before a comma or a word in lower case
 * after a plain space that it does not qualify: a stop word ("via SMS
 * or"), or in German any, nouns being capitalised ("per USB
 * aufladbar", "via IEC hergestellt"). Not "over" ("over NATO"). */
static bool
ent_acro_medium_form(struct ent_ctx *c, size_t j)
{
	static const char *const by[] = { "using", "über" };
	static const char *const via[] = { "per", "via" };
	const struct etok *v = c->t->v;
	const char *e = c->s + v[j].off + v[j].len, *f;
	bool next;

	if (!(v[j].flags & ETOK_ALLCAP) || j == 0 ||
	    v[j - 1].sent != v[j].sent ||
	    (v[j - 1].flags & (ETOK_CAP | ETOK_ALLCAP)) ||
	    v[j - 1].off + v[j - 1].len + 1 != v[j].off ||
	    c->s[v[j].off - 1] != ' ')
		return false;
	f = etok_folded(c->t, j - 1);
	next = *e == ' ' && j + 1 < c->t->n && v[j + 1].sent == v[j].sent;
	if (ETOK_FIND(f, via))
		return (*e != '\0' && strchr(",;", *e) != NULL) || (next &&
		    ent_plain_gap(c, j) && ent_acro_lower(c, j + 1) &&
		    (c->nouns || ent_word_is(c, j + 1, ENT_W_STOP) ||
		    ent_word_is(c, j + 1, ENT_W_LANG)));
	if (!ETOK_FIND(f, by))
		return false;
	if (!next)
		return true;
	return ent_word_is(c, j + 1, ENT_W_STOP) ||
	    ent_word_is(c, j + 1, ENT_W_LANG);
}

/* German: whether word k is an adjective in lower case, inflected (-e,
 * -en, -er, -em, -es) and no stop word, after a preposition, an
 * indefinite article or a possessive ("von privaten", "mit aktueller",
 * "im künftigen"): a common noun's phrase, as a body's name is not
 * written (it takes the definite article: "der neuen SPD"); a word
 * that might be a verb before it ("Dafür stimmten SPD") is none. */
static bool
ent_de_adj_phrase(struct ent_ctx *c, size_t k)
{
	static const char *const preps[] = {
		"an", "auf", "aus", "bei", "durch", "für", "gegen", "im",
		"in", "mit", "nach", "ohne", "unter", "von", "vor", "zu",
		"zwischen", "über",
	};
	const struct etok *v = c->t->v;
	const char *a = c->s + v[k].off;
	size_t n = v[k].len;

	if (k == 0 || !ent_acro_lower(c, k) ||
	    ent_word_is(c, k, ENT_W_STOP) || ent_word_is(c, k, ENT_W_LANG))
		return false;
	if (n < 4 || !(a[n - 1] == 'e' || (strchr("nrms", a[n - 1]) &&
	    a[n - 2] == 'e')))
		return false;
	return v[k - 1].sent == v[k].sent && ent_plain_gap(c, k - 1) &&
	    ent_acro_lower(c, k - 1) && (ent_acro_de_det(c, k - 1) ||
	    ent_word_is(c, k - 1, ENT_W_DEDET) ||
	    ETOK_FIND(etok_folded(c->t, k - 1), preps));
}

/* German: word j, an acronym, in brackets right after a noun that an
 * adjective in lower case opens after a preposition or an indefinite
 * article ("im künftigen Telematikinfrastruktur (TI)", "eine
 * individuelle Leitfrage (LF)", "die europäische
 * Krankenversicherungskarte (EHIC)"): defined by a common noun's
 * phrase, a thing. Not after a body's noun ("der neuen
 * Bundesnetzagentur (BNetzA)"), nor after a noun a noun opens
 * ("Gruppe unabhängiger Experten (IGIE)"). */
static bool
ent_acro_de_defined_form(struct ent_ctx *c, size_t j)
{
	const struct etok *v = c->t->v;
	const char *s = c->s;
	size_t e = v[j].off + v[j].len;

	if (!(v[j].flags & ETOK_ALLCAP) || j < 3 || v[j].off < 2 ||
	    s[v[j].off - 1] != '(' || s[v[j].off - 2] != ' ' ||
	    s[e] != ')' || v[j - 1].sent != v[j].sent ||
	    !(v[j - 1].flags & ETOK_CAP) || (v[j - 1].flags & ETOK_ALLCAP) ||
	    v[j - 1].off + v[j - 1].len + 2 != v[j].off ||
	    ent_de_body(etok_folded(c->t, j - 1)) ||
	    v[j - 2].sent != v[j].sent || !ent_plain_gap(c, j - 2))
		return false;
	return ent_de_adj_phrase(c, j - 2);
}

/* Word j, an acronym, names a thing: defined by a phrase in lower case,
 * heading a count noun's phrase, or a transfer's medium. */
static bool
ent_acro_thing_any(struct ent_ctx *c, size_t j)
{
	if (ent_acro_medium_form(c, j))
		return true;
	if (c->nouns)
		return ent_acro_de_head_form(c, j) ||
		    ent_acro_de_defined_form(c, j);
	return ent_acro_thing_form(c, j) || ent_acro_head_form(c, j);
}

bool
ent_acro_thing(struct ent_ctx *c, size_t i)
{
	return (c->t->v[i].flags & ETOK_ALLCAP) &&
	    ent_gathered(c, &c->thing, ent_acro_thing_any,
	    ETOK_ALLCAP, i);
}

/* German: word i, an acronym, heads a noun's phrase after an adjective
 * in lower case with no definite article ("von privaten PKW nicht",
 * "eine grüne LED)", "mit aktueller PHP und") or after "eigen" ("dem
 * eigenen PKW"): a thing one has or counts (ent_de_adj_phrase()). Not
 * an acronym joined to a compound ("aus verschiedenen EU-Ländern").
 * This one mention only: "zu einer neuen SPD" loses no other. */
bool
ent_acro_de_adj(struct ent_ctx *c, size_t i)
{
	const struct etok *v = c->t->v;
	const char *w = c->s + v[i].off;

	if (!c->nouns || !(v[i].flags & ETOK_ALLCAP) || i < 2 ||
	    v[i - 1].sent != v[i].sent || !ent_plain_gap(c, i - 1) ||
	    !ent_acro_lower(c, i - 1) || w[v[i].len] == '-' ||
	    ent_word_is(c, i - 1, ENT_W_STOP) ||
	    ent_word_is(c, i - 1, ENT_W_LANG))
		return false;
	if (v[i - 1].len >= 5 && memcmp(c->s + v[i - 1].off, "eigen", 5) == 0)
		return true;
	return ent_de_adj_phrase(c, i - 1);
}

/* Whether word a, two capitals, is a region's postal code after "in", a
 * town and its comma, before a stop or a comma ("in Gladstone, NJ;",
 * "in Chesapeake City, MD."): a place's part, no body. */
bool
ent_acro_region(struct ent_ctx *c, size_t a)
{
	const struct etok *v = c->t->v, *k = &v[a];
	const char *s = c->s;
	size_t e = k->off + k->len, p, i, n = 0;

	if (!(k->flags & ETOK_ALLCAP) || k->len != 2 || a < 2 ||
	    (k->flags & ETOK_POSS) ||
	    (s[e] != '\0' && strchr(",.;:)\n", s[e]) == NULL))
		return false;
	p = v[a - 1].off + v[a - 1].len;
	if (v[a - 1].sent != k->sent || !(v[a - 1].flags & ETOK_CAP) ||
	    (v[a - 1].flags & ETOK_ALLCAP) || s[p] != ',' ||
	    s[p + 1] != ' ' || p + 2 != k->off)
		return false;
	for (i = a - 1; i > 0 && n < 3 && (v[i].flags & ETOK_CAP) &&
	    !(v[i].flags & ETOK_ALLCAP) && v[i - 1].sent == k->sent; i--) {
		n++;
		if (i + 1 < a && !ent_plain_gap(c, i))
			return false;
		if (etok_is(s, &v[i - 1], "in"))
			return ent_plain_gap(c, i - 1);
	}
	return false;
}

/* Whether word a, in capitals, opens its paragraph as a dateline does:
 * a dash after it, or after a station's or an agency's name in brackets
 * ("KOBE – A total of", "AUSTIN (KXAN) — Texas voters"). A town's
 * name in a wire's style, no body. */
bool
ent_acro_dateline(struct ent_ctx *c, size_t a)
{
	const struct etok *k = &c->t->v[a];
	const char *e = c->s + k->off + k->len;

	if (!(k->flags & ETOK_ALLCAP) || !(k->flags & ETOK_PARA) ||
	    k->len < 3 || *e != ' ')
		return false;
	e++;
	if (*e == '(') {
		e = strchr(e, ')');
		if (e == NULL || e[1] != ' ')
			return false;
		e += 2;
	}
	return strncmp(e, "\u2014 ", 4) == 0 ||
	    strncmp(e, "\u2013 ", 4) == 0 || strncmp(e, "- ", 2) == 0;
}

/* Whether the place from word a is no part of a longer name: no
 * capitalised word right before it, nor one before a word in lower case
 * that joins it ("Helmholtz-Zentrum Berlin", "Green New Deal for
 * Europe"). */
static bool
ent_acro_place_alone(struct ent_ctx *c, size_t a)
{
	if (a == 0 || !ent_plain_gap(c, a - 1))
		return true;
	if (ent_cap(c, a - 1))
		return false;
	return a < 2 || !ent_plain_gap(c, a - 2) || !ent_cap(c, a - 2);
}

/* Word j, an acronym, is in brackets right after a capitalised word
 * not in capitals ("Missoula (MSO)"). */
static bool
ent_acro_bracketed(const struct ent_ctx *c, size_t j)
{
	const struct etok *v = c->t->v;
	const char *s = c->s;
	size_t e = v[j].off + v[j].len;

	return (v[j].flags & ETOK_ALLCAP) && j > 0 && v[j].off >= 2 &&
	    s[v[j].off - 1] == '(' && s[v[j].off - 2] == ' ' &&
	    s[e] == ')' && v[j - 1].off + v[j - 1].len + 2 == v[j].off &&
	    ent_cap(c, j - 1) && !(v[j - 1].flags & ETOK_ALLCAP);
}

/* Word j, an acronym, is in brackets after a place of one to three
 * capitalised words that the gazetteer knows, and no longer name
 * holds ("Los Angeles (LAX)", "Utrecht (NL)"). */
static bool
ent_acro_place_code_one(struct ent_ctx *c, size_t j)
{
	size_t m;

	if (!ent_acro_bracketed(c, j))
		return false;
	for (m = 1; m <= 3 && m <= j; m++) {
		if (m > 1 && (!ent_cap(c, j - m) ||
		    !ent_plain_gap(c, j - m)))
			return false;
		if (ent_place_of(c, j - m, j) != NULL)
			return ent_acro_place_alone(c, j - m);
	}
	return false;
}

/* Fills c->code_sent in one walk: whether each sentence holds a
 * place's code (ent_acro_place_code_one()). */
static void
ent_acro_code_fill(struct ent_ctx *c)
{
	const struct etok *v = c->t->v;
	size_t k;

	c->code_sent = xcalloc((size_t)v[c->t->n - 1].sent + 1,
	    sizeof(bool));
	for (k = 0; k < c->t->n; k++)
		if (!c->code_sent[v[k].sent] && ent_acro_place_code_one(c, k))
			c->code_sent[v[k].sent] = true;
}

/* Word j, an acronym, is such a place's code, or is in brackets after
 * one capitalised word in a sentence that holds such a code: a list of
 * codes ("to Boise (BOI), Missoula (MSO) and Spokane (GEG)"), each a
 * place's. After two words or more it may be a body's initials in a
 * list ("Food and Drug Administration (FDA)"): not taken. Each
 * sentence is read once: walking it for each acronym was quadratic in
 * a long list. */
static bool
ent_acro_place_code_form(struct ent_ctx *c, size_t j)
{
	const struct etok *v = c->t->v;

	if (ent_acro_place_code_one(c, j))
		return true;
	if (!ent_acro_bracketed(c, j) ||
	    (j >= 2 && v[j - 2].sent == v[j].sent && ent_cap(c, j - 2) &&
	    ent_plain_gap(c, j - 2)))
		return false;
	if (c->code_sent == NULL)
		ent_acro_code_fill(c);
	return c->code_sent[v[j].sent];
}

bool
ent_acro_place_code(struct ent_ctx *c, size_t i)
{
	return (c->t->v[i].flags & ETOK_ALLCAP) &&
	    ent_gathered(c, &c->code, ent_acro_place_code_form,
	    ETOK_ALLCAP, i);
}

/* Whether word i, in capitals, is a Roman numeral of I, V and X alone
 * ("II", "III", "XX": "Alarmstufen I und II", "Eisen(III)-Oxide"),
 * an ordinal's number, no body. */
bool
ent_acro_roman(const struct ent_ctx *c, size_t i)
{
	const struct etok *k = &c->t->v[i];
	const char *w = c->s + k->off;
	size_t j;

	if (!(k->flags & ETOK_ALLCAP) || k->len > 5)
		return false;
	for (j = 0; j < k->len; j++)
		if (w[j] != 'I' && w[j] != 'V' && w[j] != 'X')
			return false;
	return true;
}

/* Whether p opens an identifier's code: two capitals and a digit
 * ("DE000A0D6554", "CH56 0900"), or digits in three groups or more
 * joined by hyphens ("978-3-7828-1534-5"). */
static bool
ent_acro_id_code(const char *p)
{
	size_t groups = 1;

	if (p[0] >= 'A' && p[0] <= 'Z' && p[1] >= 'A' && p[1] <= 'Z' &&
	    p[2] >= '0' && p[2] <= '9')
		return true;
	if (*p < '0' || *p > '9')
		return false;
	for (; (*p >= '0' && *p <= '9') || *p == '-'; p++)
		if (*p == '-') {
			if (p[1] < '0' || p[1] > '9')
				return false;
			groups++;
		}
	return groups >= 3;
}

/* Word j, an acronym, labels an identifier's code after it, a colon
 * between or none ("ISIN: DE000A0D6554", "IBAN: CH56 0900", "ISBN
 * 978-3-7828-1534-5"): the code's kind, no body. */
static bool
ent_acro_label_form(struct ent_ctx *c, size_t j)
{
	const struct etok *k = &c->t->v[j];
	const char *e = c->s + k->off + k->len;

	if (!(k->flags & ETOK_ALLCAP))
		return false;
	if (*e == ':')
		e++;
	if (*e != ' ')
		return false;
	return ent_acro_id_code(e + 1);
}

bool
ent_acro_label(struct ent_ctx *c, size_t i)
{
	return (c->t->v[i].flags & ETOK_ALLCAP) &&
	    ent_gathered(c, &c->label, ent_acro_label_form,
	    ETOK_ALLCAP, i);
}
