/* Which mentions of the entity finder (enrich_entities.c) are one
 * person: the fullest form of a name in the article ("Peskov" is "Dmitry
 * Peskov"), Russian case forms of a surname ("Пескова") and of a full
 * name ("Андрея Рудькова", "Андрей Рудьков"). Pure. */
#include "enrich_entities_int.h"

#include <stdlib.h>
#include <string.h>

/* Every word-boundary suffix of the person names of several words ("Dmitry
 * Peskov" gives "Dmitry Peskov" and "Peskov"), sorted, each with its full
 * name: fullest forms in O(log n) a name. */
struct ent_suffix {
	const char *suf;
	const char *full;
	const char *best;  /* the first of a run of equal suf: its fullest */
	bool phrase;  /* the full name is a title-case phrase's */
};

struct ent_suffixes {
	struct ent_suffix *v;
	size_t n, cap;
};

static int
ent_suffix_cmp(const void *x, const void *y)
{
	return etok_strcmp(((const struct ent_suffix *)x)->suf,
	    ((const struct ent_suffix *)y)->suf);
}

/* Adds the word-boundary suffixes of run r's name. */
static void
ent_suffixes_push(struct ent_suffixes *t, const struct ent_run *r)
{
	const char *p;

	for (p = r->name; p != NULL; p = strchr(p, ' ')) {
		if (*p == ' ')
			p++;
		if (t->n == t->cap) {
			t->cap = t->cap ? t->cap * 2 : 32;
			t->v = xrealloc(t->v, t->cap * sizeof(*t->v));
		}
		t->v[t->n].suf = p;
		t->v[t->n].phrase = r->phrase;
		t->v[t->n++].full = r->name;
	}
}

static void
ent_suffixes_add(const struct ent_ctx *c, struct ent_suffixes *t)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		const struct ent_run *r = &c->runs[i];

		/* a single word marked a person by a title ("professeur
		 * Raoult") is that person where no title marks it */
		if (r->kind != ENT_PERSON || r->weak ||
		    (strchr(r->name, ' ') == NULL && !r->cue))
			continue;
		ent_suffixes_push(t, r);
	}
}

/* The people of a headline named in full, opening with a given name
 * ("Tim Cook", not "Investigating WeWork": a headline writes every
 * word in capitals). */
static void
ent_suffixes_head(struct ent_ctx *c, struct ent_suffixes *t)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		const struct ent_run *r = &c->runs[i];

		if (r->kind == ENT_PERSON && !r->weak && !r->phrase &&
		    strchr(r->name, ' ') != NULL &&
		    ent_word_is(c, r->a, ENT_W_GIVEN))
			ent_suffixes_push(t, r);
	}
}

/* Sorts t by suffix and gives the first entry of each run of equal
 * suffixes the run's fullest name: the longest full name that is the
 * suffix or ends with it; a person's fuller name before a title-case
 * phrase's ("Cook" is "Tim Cook" beside "Hosting Cook at Dreamforce"),
 * but a person's own name after it ("Lean Meat" goes with "Very Lean
 * Meat"). Once for the table, not for each mention: a page naming one
 * person 20,000 times asks 20,000 times. */
static void
ent_suffixes_sort(struct ent_suffixes *t)
{
	size_t a, i;
	const char *best;
	bool fuller, f;

	if (t->n > 1)
		qsort(t->v, t->n, sizeof(*t->v), ent_suffix_cmp);
	for (a = 0; a < t->n; a = i) {
		best = NULL;
		fuller = false;
		for (i = a; i < t->n &&
		    etok_strcmp(t->v[i].suf, t->v[a].suf) == 0; i++) {
			f = !t->v[i].phrase &&
			    etok_strcmp(t->v[i].full, t->v[a].suf) != 0;
			if (best == NULL || (f && !fuller) || (f == fuller &&
			    strlen(t->v[i].full) > strlen(best))) {
				best = t->v[i].full;
				fuller = f;
			}
		}
		t->v[a].best = best;
	}
}

/* The fullest name of name by t (ent_suffixes_sort()), or NULL. */
static const char *
ent_fullest(const struct ent_suffixes *t, const char *name)
{
	size_t lo = 0, hi = t->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (etok_strcmp(t->v[mid].suf, name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < t->n && etok_strcmp(t->v[lo].suf, name) == 0)
		return t->v[lo].best;
	return NULL;
}

/* The one person's name of t that ends with the word name, or NULL
 * where none does or several do (no phrase's). */
static const char *
ent_only(const struct ent_suffixes *t, const char *name)
{
	const char *found = NULL;
	size_t i;

	for (i = 0; i < t->n; i++) {
		if (t->v[i].phrase || t->v[i].suf == t->v[i].full ||
		    etok_strcmp(t->v[i].suf, name) != 0)
			continue;
		if (found != NULL && strcmp(found, t->v[i].full) != 0)
			return NULL;
		found = t->v[i].full;
	}
	return found;
}

/* The longest full name whose last word is a case form of the Cyrillic
 * word name (the same stem), or NULL: Russian inflects surnames, so
 * "Пескова" and "Пескову" are Dmitry Peskov's where "Дмитрий Песков"
 * is in the article; with pl, of the Polish word name ("Pawlickiego" is
 * Piotr Pawlicki's). */
static const char *
ent_fullest_stem(const struct ent_suffixes *t, const char *name, bool pl)
{
	size_t i, n = strlen(name), sn, sl;
	const char *best = NULL, *last;

	if (!pl && (unsigned char)name[0] != 0xd0 &&
	    (unsigned char)name[0] != 0xd1)
		return NULL;
	sn = pl ? ent_pl_stem(name, n) : ent_cyr_stem(name, n);
	for (i = 0; i < t->n; i++) {
		last = t->v[i].suf;
		if (strchr(last, ' ') != NULL)
			continue;
		sl = pl ? ent_pl_stem(last, strlen(last)) :
		    ent_cyr_stem(last, strlen(last));
		if (sl == sn && memcmp(last, name, sn) == 0 &&
		    (best == NULL || strlen(t->v[i].full) > strlen(best)))
			best = t->v[i].full;
	}
	return best;
}

/* The length of the Polish word w of n bytes less its last vowels
 * ("Unii", "Unia": "Un"), down to two bytes. */
static size_t
ent_pl_vowels(const char *w, size_t n)
{
	while (n > 2) {
		if (strchr("aeiouy", w[n - 1]) != NULL && w[n - 1] != '\0')
			n--;
		else if (n > 3 && (memcmp(w + n - 2, "\u0105", 2) == 0 ||
		    memcmp(w + n - 2, "\u0119", 2) == 0))
			n -= 2;
		else
			break;
	}
	return n;
}

/* Whether the Polish words x and y of nx and ny bytes are case forms of
 * one word: the same ent_pl_stem(), the same stem less an adjective's
 * "-ej" ("Informacyjnej", "Informacyjna"), or less their last vowels
 * ("Unii", "Unia"). */
static bool
ent_pl_same_word(const char *x, size_t nx, const char *y, size_t ny)
{
	size_t sx = ent_pl_stem(x, nx), sy = ent_pl_stem(y, ny);

	if (sx == sy && memcmp(x, y, sx) == 0)
		return true;
	if (nx >= 6 && memcmp(x + nx - 2, "ej", 2) == 0)
		sx = nx - 2;
	if (ny >= 6 && memcmp(y + ny - 2, "ej", 2) == 0)
		sy = ny - 2;
	if (sx == sy && memcmp(x, y, sx) == 0)
		return true;
	sx = ent_pl_vowels(x, nx);
	sy = ent_pl_vowels(y, ny);
	return sx == sy && memcmp(x, y, sx) == 0;
}

/* The number of words of a Polish name that end as an oblique case
 * ("Informacyjnej Służby Bezpieczeństwa": 1, "Fogo Unii Leszno": 1;
 * "Fogo Unia Leszno": 0). */
static size_t
ent_pl_oblique(const char *name)
{
	static const char *const ends[] = {
		"ej", "ii", "\u0105", "\u0119", "ego", "emu", "owi", "em",
		"ym", "im", "ach", "ami", "om", "u",
	};

	return ent_count_ends(name, ends, sizeof(ends) / sizeof(ends[0]), 2);
}

/* Whether the Polish names x and y have as many words, each a case form
 * of the other's. */
static bool
ent_pl_same(const char *x, const char *y)
{
	return ent_same_words(x, y, ent_pl_same_word);
}

/* Gives the Polish names of several words of one kind the first of
 * their case forms in the article with the fewest words in an oblique
 * case, most often the nominative: "Informacyjnej Służby
 * Bezpieczeństwa" is "Informacyjna Służba Bezpieczeństwa", "Fogo Unii
 * Leszno" is "Fogo Unia Leszno" where the article has those too. */
void
ent_pl_merge(struct ent_ctx *c)
{
	size_t i, j;

	for (i = 0; i < c->n; i++) {
		struct ent_run *r = &c->runs[i];
		const char *best = r->name;
		size_t ob = ent_pl_oblique(best), o;

		if (r->kind == ENT_PLACE || strchr(r->name, ' ') == NULL ||
		    ob == 0)
			continue;
		for (j = 0; j < c->n; j++) {
			if (c->runs[j].kind != r->kind)
				continue;
			o = ent_pl_oblique(c->runs[j].name);
			if (o < ob && ent_pl_same(c->runs[j].name, r->name)) {
				best = c->runs[j].name;
				ob = o;
			}
		}
		if (best != r->name) {
			free(r->name);
			r->name = xstrdup(best);
		}
	}
}

/* The stem of the Cyrillic given name w of n bytes: ent_cyr_stem()'s,
 * or for a name of three letters, which it leaves whole, the name less
 * its vowel ("Асю", "Ася": "Ас"). */
static size_t
ent_given_stem(const char *w, size_t n)
{
	size_t s = ent_cyr_stem(w, n);

	return s == n && n == 6 ? ent_cyr_stem1(w, n) : s;
}

/* The one full person name of ref (two words or more) whose first word
 * is another case form of the Cyrillic word name ("Динару" of "Динара
 * Снижевская"), or NULL where none is or several are: a person named by
 * the given name alone, in the accusative, which no list of given names
 * has. (In Latin script a word that opens a person's name is as often a
 * firm's before a product's: "Apple Music", "Google Assistant".) */
static const char *
ent_first_of(const struct ent_ctx *ref, const char *name)
{
	size_t i, n = strlen(name), sn = ent_given_stem(name, n), w;
	const char *found = NULL, *x;

	if (sn == n)
		return NULL;  /* no Cyrillic case ending */
	for (i = 0; i < ref->n; i++) {
		if (ref->runs[i].kind != ENT_PERSON || ref->runs[i].weak)
			continue;
		x = ref->runs[i].name;
		w = strcspn(x, " ");
		if (x[w] == '\0' || (w == n && memcmp(x, name, n) == 0) ||
		    ent_given_stem(x, w) != sn || memcmp(x, name, sn) != 0)
			continue;
		if (found != NULL && strcmp(found, x) != 0)
			return NULL;
		found = x;
	}
	return found;
}

/* The one full person name of ref of two words whose first word is the
 * one word of run r and whose second is no given name and no word of
 * English or of the text's language ("Xi" of "Xi Jinping", "Tsai" of
 * "Tsai Ing-wen", "Prof. Carlos" of "Carlos Nadalim"): a name written
 * family name first, or a given name the lists lack, alone. NULL where
 * none is or several are, in a language without a dictionary to tell,
 * and in German, where a lone word is only ever a surname. ("Apple" of
 * "Apple Music" or "Apple TV", "Tim" of "Tim Cook" are not.) */
static const char *
ent_family_first(const struct ent_ctx *ref, const struct ent_ctx *c,
    const struct ent_run *r)
{
	const struct etok *w = &c->t->v[r->a];
	const char *found = NULL;
	size_t i;

	if (!ent_dict_lang(ref->lang) || ref->nouns)
		return NULL;
	for (i = 0; i < ref->n; i++) {
		const struct ent_run *x = &ref->runs[i];
		const struct etok *f, *l;

		if (x->kind != ENT_PERSON || x->weak || x->b - x->a != 2)
			continue;
		f = &ref->t->v[x->a];
		l = &ref->t->v[x->a + 1];
		if (f->len != w->len || f->hash != w->hash ||
		    memcmp(ref->s + f->off, c->s + w->off, w->len) != 0 ||
		    (l->flags & ETOK_ALLCAP) ||
		    ent_given(etok_folded(ref->t, x->a + 1)) ||
		    ent_dict_word("en", l->hash) ||
		    ent_lang_word(ref->lang, etok_folded(ref->t, x->a + 1),
		    l->hash))
			continue;
		if (found != NULL && strcmp(found, x->name) != 0)
			return NULL;
		found = x->name;
	}
	return found;
}

/* The runs of ref that are places of one word, sorted by name and, for
 * one name, by their order in ref: the first of a name is the place that
 * a scan of ref in order meets first. */
static int
ent_place_run_cmp(const void *x, const void *y)
{
	const struct ent_run *const *a = x, *const *b = y;
	int c = strcmp((*a)->name, (*b)->name);

	return c != 0 ? c : (*a < *b ? -1 : *a > *b);
}

/* The first place of one word of the sorted v[0, n) named name, or
 * NULL. */
static const struct ent_run *
ent_place_run_find(const struct ent_run *const *v, size_t n,
    const char *name)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(v[mid]->name, name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && strcmp(v[lo]->name, name) == 0 ? v[lo] : NULL;
}

/* A single unknown word of c that is an organisation by default is a
 * place where one of its mentions is (by ref's runs: "Alcaldía de
 * Medellín", "Medellín se ha convertido" beside "en Medellín"). The
 * places of ref are looked up by name: a scan of ref's runs for each
 * word was quadratic, a quarter of the pipeline's cache misses. */
static void
ent_single_places(struct ent_ctx *c, const struct ent_ctx *ref)
{
	const struct ent_run **v = xcalloc(ref->n + 1, sizeof(*v));
	const struct ent_run *p;
	size_t i, n = 0;

	for (i = 0; i < ref->n; i++)
		if (ref->runs[i].kind == ENT_PLACE &&
		    ref->runs[i].b - ref->runs[i].a == 1)
			v[n++] = &ref->runs[i];
	if (n > 1)
		qsort(v, n, sizeof(*v), ent_place_run_cmp);
	for (i = 0; i < c->n && n > 0; i++) {
		struct ent_run *r = &c->runs[i];

		if (r->kind != ENT_ORG || !r->single)
			continue;
		p = ent_place_run_find(v, n, r->name);
		if (p != NULL) {
			r->kind = ENT_PLACE;
			r->single = false;
			r->canon = p->canon;
		}
	}
	free(v);
}

/* Settles single words and fullest forms in place. */
void
ent_resolve(struct ent_ctx *c, const struct ent_ctx *ref,
    struct ent_ctx *const *heads)
{
	struct ent_suffixes full = { 0 }, own = { 0 }, hd = { 0 };
	char **repl = xcalloc(c->n + 1, sizeof(*repl));
	size_t i;
	/* Polish inflects surnames in Latin letters */
	bool pl = c->lang != NULL && strcmp(c->lang, "pl") == 0;

	ent_suffixes_add(ref, &full);
	ent_suffixes_sort(&full);
	if (ref != c)
		ent_suffixes_add(c, &own);
	ent_suffixes_sort(&own);
	for (; *heads != NULL; heads++)
		ent_suffixes_head(*heads, &hd);
	/* the tables point into the runs' names: replace them after */
	for (i = 0; i < c->n; i++) {
		const struct ent_run *r = &c->runs[i];
		const char *fn, *ff;

		/* one word, or a person: "the Trump administration" */
		if (r->kind == ENT_PLACE || (r->kind == ENT_ORG &&
		    r->b - r->a != 1))
			continue;
		fn = ent_fullest(&full, r->name);
		if (fn == NULL)
			fn = ent_fullest(&own, r->name);
		if (fn == NULL && r->b - r->a == 1)
			fn = ent_fullest_stem(&full, r->name, pl);
		if (fn == NULL && r->b - r->a == 1)
			fn = ent_fullest_stem(&own, r->name, pl);
		/* "Динару" beside "Динара Снижевская" */
		if (fn == NULL && r->b - r->a == 1 && r->single)
			fn = ent_first_of(ref, r->name);
		if (fn == NULL && r->b - r->a == 1 && !r->phrase)
			fn = ent_only(&hd, r->name);
		/* "Xi", "Mr. Xi" beside "Xi Jinping" */
		if ((fn == NULL || strcmp(fn, r->name) == 0) &&
		    r->b - r->a == 1 && !r->phrase &&
		    (r->single || r->kind == ENT_PERSON) &&
		    (ff = ent_family_first(ref, c, r)) != NULL)
			fn = ff;
		if (fn != NULL)
			repl[i] = xstrdup(fn);
	}
	ent_single_places(c, ref);
	for (i = 0; i < c->n; i++) {
		struct ent_run *r = &c->runs[i];

		if (repl[i] == NULL)
			continue;
		free(r->name);
		r->name = repl[i];
		r->kind = ENT_PERSON;
		r->single = false;
	}
	free(repl);
	free(full.v);
	free(own.v);
	free(hd.v);
}

static int
ent_str_cmp(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* Whether a word after the first of run r is a common English word or
 * in capitals ("Pro", "Music", "TV"), as a product's are and the given
 * names after a Chinese surname ("Xi Jinping") are not. */
static bool
ent_product_words(struct ent_ctx *c, const struct ent_run *r)
{
	size_t i;

	for (i = r->a + 1; i < r->b; i++)
		if ((c->t->v[i].flags & ETOK_ALLCAP) ||
		    ent_word_is(c, i, ENT_W_ENWORD))
			return true;
	return false;
}

/* Drops the "people" of c whose first word the article names alone as
 * an organisation and whose other words are a product's: a firm's
 * product or unit ("Apple TV", "MacBook Pro", "Facebook Messenger"
 * beside "Apple", "MacBook", "Facebook"), not a person whose surname
 * was taken for a body ("Xi Jinping" beside "Xi"). */
void
ent_drop_products(struct ent_ctx *c)
{
	const char **orgs = xcalloc(c->n + 1, sizeof(*orgs));
	size_t i, j, n = 0, w;
	char buf[64];

	for (i = 0; i < c->n; i++)
		if (c->runs[i].kind == ENT_ORG &&
		    strchr(c->runs[i].name, ' ') == NULL &&
		    !(c->nouns && c->runs[i].single))
			orgs[n++] = c->runs[i].name;
	if (n > 1)
		qsort(orgs, n, sizeof(*orgs), ent_str_cmp);
	for (i = j = 0; i < c->n; i++) {
		struct ent_run *r = &c->runs[i];
		const char *key = buf;

		w = strcspn(r->name, " ");
		if (n > 0 && r->kind == ENT_PERSON && r->name[w] == ' ' &&
		    w < sizeof(buf) && !ent_word_is(c, r->a, ENT_W_GIVEN) &&
		    ent_product_words(c, r)) {
			memcpy(buf, r->name, w);
			buf[w] = '\0';
			if (bsearch(&key, orgs, n, sizeof(*orgs),
			    ent_str_cmp) != NULL) {
				free(r->name);
				continue;
			}
		}
		c->runs[j++] = *r;
	}
	c->n = j;
	free(orgs);
}

const char **
ent_phrases(const struct ent_ctx *c, size_t *n)
{
	const char **p = xcalloc(c->n + 1, sizeof(*p));
	size_t i;

	*n = 0;
	for (i = 0; i < c->n; i++)
		if (c->runs[i].phrase)
			p[(*n)++] = c->runs[i].name;
	if (*n > 1)
		qsort(p, *n, sizeof(*p), ent_str_cmp);
	return p;
}

bool
ent_phrase_has(const char **p, size_t n, const struct ent_run *r)
{
	return r->phrase || (n > 0 && r->kind == ENT_PERSON &&
	    bsearch(&r->name, p, n, sizeof(*p), ent_str_cmp) != NULL);
}
