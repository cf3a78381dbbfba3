/* Which mentions of the entity finder (enrich_entities.c) are one
 * person: the fullest form of a name in the article ("Peskov" is "Dmitry
 * Peskov"), Russian case forms of a surname ("Пескова") and of a full
 * name ("Андрея Рудькова", "Андрей Рудьков"). Pure. */
#include "enrich_entities_int.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
	struct ent_stem *stems;  /* ent_fullest_stem()'s, once asked */
	size_t ns;
	bool stemmed;
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

/* A word of a table that is the last word of its full name, by its stem
 * (ent_fullest_stem()). */
struct ent_stem {
	const char *w;     /* the word; its stem is w[0, n) */
	size_t n, i;       /* the stem's length; the entry's index */
	const char *best;  /* the first of a run of equal stems: the longest
	                      full name of the run, the first in the table */
};

static int
ent_bytes_cmp(const char *x, size_t nx, const char *y, size_t ny)
{
	int d = memcmp(x, y, nx < ny ? nx : ny);

	return d != 0 ? d : (nx > ny) - (nx < ny);
}

static int
ent_stem_cmp(const void *x, const void *y)
{
	const struct ent_stem *a = x, *b = y;
	int d = ent_bytes_cmp(a->w, a->n, b->w, b->n);

	return d != 0 ? d : (a->i > b->i) - (a->i < b->i);
}

/* The stem of the Cyrillic word w, or with pl of the Polish word. */
static size_t
ent_stem_of(const char *w, bool pl)
{
	return pl ? ent_pl_stem(w, strlen(w)) : ent_cyr_stem(w, strlen(w));
}

/* t's words that end their full names, sorted by stem, each run of
 * equal stems with its longest full name. */
static void
ent_stems_make(struct ent_suffixes *t, bool pl)
{
	size_t i, a;

	t->stemmed = true;
	t->stems = xcalloc(t->n + 1, sizeof(*t->stems));
	for (i = 0; i < t->n; i++) {
		if (strchr(t->v[i].suf, ' ') != NULL)
			continue;
		t->stems[t->ns].w = t->v[i].suf;
		t->stems[t->ns].n = ent_stem_of(t->v[i].suf, pl);
		t->stems[t->ns++].i = i;
	}
	if (t->ns > 1)
		qsort(t->stems, t->ns, sizeof(*t->stems), ent_stem_cmp);
	for (a = 0; a < t->ns; a = i) {
		const char *best = NULL, *full;

		for (i = a; i < t->ns && ent_bytes_cmp(t->stems[i].w,
		    t->stems[i].n, t->stems[a].w, t->stems[a].n) == 0; i++) {
			full = t->v[t->stems[i].i].full;
			if (best == NULL || strlen(full) > strlen(best))
				best = full;
		}
		t->stems[a].best = best;
	}
}

static const char *ent_fullest_stem(struct ent_suffixes *t,
    const char *name, bool pl);

/* Polish: the longest full name whose last word is name's with the
 * fleeting "e" its nominative has before a last "k" or "c" that its
 * other cases drop ("Dudka", "Dudek"; "Kowalca", "Kowalec"), name's
 * stem sn bytes long; or NULL. */
static const char *
ent_fullest_fleeting(struct ent_suffixes *t, const char *name, size_t sn)
{
	const char *r;
	char *w;

	if (sn < 4 || sn == strlen(name) || (name[sn - 1] != 'k' &&
	    name[sn - 1] != 'c') || strchr("aeiouy", name[sn - 2]) != NULL)
		return NULL;
	w = xmalloc(sn + 2);
	memcpy(w, name, sn - 1);
	w[sn - 1] = 'e';
	w[sn] = name[sn - 1];
	w[sn + 1] = '\0';
	r = ent_pl_stem(w, sn + 1) == sn + 1 ? ent_fullest_stem(t, w, true) :
	    NULL;
	free(w);
	return r;
}

/* The longest full name whose last word is a case form of the Cyrillic
 * word name (the same stem), or NULL: Russian inflects surnames, so
 * "Пескова" and "Пескову" are Dmitry Peskov's where "Дмитрий Песков"
 * is in the article; with pl, of the Polish word name ("Pawlickiego" is
 * Piotr Pawlicki's). Looked up in t's words sorted by stem, made at the
 * first question: a scan of the table for each word was quadratic (a
 * page of 4,000 paragraphs naming one person in full and by an oblique
 * surname took 24 s). */
static const char *
ent_fullest_stem(struct ent_suffixes *t, const char *name, bool pl)
{
	size_t lo = 0, hi, sn;

	if (!pl && (unsigned char)name[0] != 0xd0 &&
	    (unsigned char)name[0] != 0xd1)
		return NULL;
	sn = ent_stem_of(name, pl);
	if (!t->stemmed)
		ent_stems_make(t, pl);
	hi = t->ns;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (ent_bytes_cmp(t->stems[mid].w, t->stems[mid].n, name,
		    sn) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < t->ns && ent_bytes_cmp(t->stems[lo].w, t->stems[lo].n, name,
	    sn) == 0)
		return t->stems[lo].best;
	return pl ? ent_fullest_fleeting(t, name, sn) : NULL;
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

/* A full person name of ref (ent_first_of(), ent_family_first()): its
 * first word or its first token, and the key it is sorted by. */
struct ent_first {
	const char *name;
	const char *w;     /* the first word */
	size_t n, sn;      /* its length; that of its stem, or hash low bits */
	uint64_t hash;     /* ent_family_first(): the token's etok hash */
};

/* The full person names of ref for ent_first_of() and ent_family_first(),
 * each sorted at the first question: a scan of ref's runs for each
 * word was quadratic (a page of 4,000 paragraphs of "Xi" beside "Xi
 * Jinping" took 3.3 s). */
struct ent_firsts {
	struct ent_first *given, *family;
	size_t ng, nf;
	bool made_given, made_family;
};

/* x against y: by stem, by first word, by name; to level 1 the stem
 * alone, to level 2 the stem and the first word. */
static int
ent_first_cmp_to(const struct ent_first *x, const struct ent_first *y,
    int level)
{
	int d;

	if (x->hash != y->hash)
		return x->hash < y->hash ? -1 : 1;
	d = ent_bytes_cmp(x->w, x->sn, y->w, y->sn);
	if (d != 0 || level == 1)
		return d;
	d = ent_bytes_cmp(x->w, x->n, y->w, y->n);
	return d != 0 || level == 2 ? d : strcmp(x->name, y->name);
}

static int
ent_first_cmp(const void *x, const void *y)
{
	return ent_first_cmp_to(x, y, 3);
}

/* The first of v[lo, hi) above key to level (upper), or not below it. */
static size_t
ent_first_bound(const struct ent_first *v, size_t lo, size_t hi,
    const struct ent_first *key, int level, bool upper)
{
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int d = ent_first_cmp_to(&v[mid], key, level);

		if (d < 0 || (upper && d == 0))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The one name of v[a, b) and v[c, d), or NULL where there is none or
 * several are (sorted: equal names are neighbours). */
static const char *
ent_first_one(const struct ent_first *v, size_t a, size_t b, size_t c,
    size_t d)
{
	if (a == b) {
		a = c;
		b = d;
	} else if (c != d) {
		return NULL;  /* other first words: other names */
	}
	return a < b && strcmp(v[a].name, v[b - 1].name) == 0 ? v[a].name :
	    NULL;
}

/* The full person names of ref, of two words or more, by the stem of
 * their first word. */
static void
ent_firsts_given(struct ent_firsts *f, const struct ent_ctx *ref)
{
	size_t i, w;
	const char *x;

	f->made_given = true;
	f->given = xcalloc(ref->n + 1, sizeof(*f->given));
	for (i = 0; i < ref->n; i++) {
		if (ref->runs[i].kind != ENT_PERSON || ref->runs[i].weak)
			continue;
		x = ref->runs[i].name;
		w = strcspn(x, " ");
		if (x[w] == '\0')
			continue;
		f->given[f->ng].name = f->given[f->ng].w = x;
		f->given[f->ng].n = w;
		f->given[f->ng++].sn = ent_given_stem(x, w);
	}
	if (f->ng > 1)
		qsort(f->given, f->ng, sizeof(*f->given), ent_first_cmp);
}

/* The one full person name of ref (two words or more) whose first word
 * is another case form of the Cyrillic word name ("Динару" of "Динара
 * Снижевская"), or NULL where none is or several are: a person named by
 * the given name alone, in the accusative, which no list of given names
 * has. (In Latin script a word that opens a person's name is as often a
 * firm's before a product's: "Apple Music", "Google Assistant".) */
static const char *
ent_first_of(struct ent_firsts *f, const struct ent_ctx *ref,
    const char *name)
{
	struct ent_first key = { name, name, strlen(name), 0, 0 };
	size_t g0, g1, r0, r1;

	key.sn = ent_given_stem(name, key.n);
	if (key.sn == key.n)
		return NULL;  /* no Cyrillic case ending */
	if (!f->made_given)
		ent_firsts_given(f, ref);
	/* the names of that stem; those of the word name itself skipped */
	g0 = ent_first_bound(f->given, 0, f->ng, &key, 1, false);
	g1 = ent_first_bound(f->given, g0, f->ng, &key, 1, true);
	r0 = ent_first_bound(f->given, g0, g1, &key, 2, false);
	r1 = ent_first_bound(f->given, r0, g1, &key, 2, true);
	return ent_first_one(f->given, g0, r0, r1, g1);
}

/* The person names of ref of two words whose second is no given name and
 * no word of English or of the text's language, by their first token. */
static void
ent_firsts_family(struct ent_firsts *f, const struct ent_ctx *ref)
{
	size_t i;

	f->made_family = true;
	f->family = xcalloc(ref->n + 1, sizeof(*f->family));
	for (i = 0; i < ref->n; i++) {
		const struct ent_run *x = &ref->runs[i];
		const struct etok *t, *l;

		if (x->kind != ENT_PERSON || x->weak || x->b - x->a != 2)
			continue;
		t = &ref->t->v[x->a];
		l = &ref->t->v[x->a + 1];
		if ((l->flags & ETOK_ALLCAP) ||
		    ent_given(etok_folded(ref->t, x->a + 1)) ||
		    ent_dict_word("en", l->hash) ||
		    ent_lang_word(ref->lang, etok_folded(ref->t, x->a + 1),
		    l->hash))
			continue;
		f->family[f->nf].name = x->name;
		f->family[f->nf].w = ref->s + t->off;
		f->family[f->nf].n = f->family[f->nf].sn = t->len;
		f->family[f->nf++].hash = t->hash;
	}
	if (f->nf > 1)
		qsort(f->family, f->nf, sizeof(*f->family), ent_first_cmp);
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
ent_family_first(struct ent_firsts *f, const struct ent_ctx *ref,
    const struct ent_ctx *c, const struct ent_run *r)
{
	const struct etok *w = &c->t->v[r->a];
	struct ent_first key = { NULL, c->s + w->off, w->len, w->len,
	    w->hash };
	size_t a;

	if (!ent_dict_lang(ref->lang) || ref->nouns)
		return NULL;
	if (!f->made_family)
		ent_firsts_family(f, ref);
	a = ent_first_bound(f->family, 0, f->nf, &key, 1, false);
	return ent_first_one(f->family, a, ent_first_bound(f->family, a,
	    f->nf, &key, 1, true), 0, 0);
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
	struct ent_firsts firsts = { 0 };
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
			fn = ent_first_of(&firsts, ref, r->name);
		if (fn == NULL && r->b - r->a == 1 && !r->phrase)
			fn = ent_only(&hd, r->name);
		/* "Xi", "Mr. Xi" beside "Xi Jinping" */
		if ((fn == NULL || strcmp(fn, r->name) == 0) &&
		    r->b - r->a == 1 && !r->phrase &&
		    (r->single || r->kind == ENT_PERSON) &&
		    (ff = ent_family_first(&firsts, ref, c, r)) != NULL)
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
	free(full.stems);
	free(own.v);
	free(own.stems);
	free(firsts.given);
	free(firsts.family);
	free(hd.v);
}

static int
ent_str_cmp(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* As ent_str_cmp(), the ASCII letters' case aside ("XBox", "Xbox"). */
static int
ent_str_casecmp(const void *x, const void *y)
{
	return strcasecmp(*(const char *const *)x,
	    *(const char *const *)y);
}

/* The etok hashes of the words the text c writes after "the" ("the
 * Stadia controller"), gathered into the empty set the at the first
 * question. */
static void
ent_after_the(const struct ent_ctx *c, struct ent_hset *the)
{
	size_t i;

	ent_hset_init(the);
	for (i = 1; i < c->t->n; i++)
		if (c->t->v[i].sent == c->t->v[i - 1].sent &&
		    etok_is(c->s, &c->t->v[i - 1], "the"))
			ent_hset_add(the, c->t->v[i].hash);
}

/* Whether a word after the first of run r is a common English word or
 * in capitals ("Pro", "Music", "TV"), or its last one is written after
 * "the" ("the Stadia controller": a thing's name, not a person's), as
 * a product's are and the given names after a Chinese surname ("Xi
 * Jinping") are not. */
static bool
ent_product_words(struct ent_ctx *c, const struct ent_run *r,
    struct ent_hset *the)
{
	size_t i;

	for (i = r->a + 1; i < r->b; i++)
		if ((c->t->v[i].flags & ETOK_ALLCAP) ||
		    ent_word_is(c, i, ENT_W_ENWORD))
			return true;
	if (the->v == NULL)
		ent_after_the(c, the);
	return ent_hset_has(the, c->t->v[r->b - 1].hash);
}

/* Drops the "people" of c whose first word the article names alone as
 * an organisation and whose other words are a product's: a firm's
 * product or unit ("Apple TV", "MacBook Pro", "Facebook Messenger"
 * beside "Apple", "MacBook", "Facebook"), not a person whose surname
 * was taken for a body ("Xi Jinping" beside "Xi"). The firm's name is
 * matched whatever the case of its ASCII letters ("XBox One" beside
 * "Xbox"), and a word the product was resolved to goes with it ("Pro"
 * of "the iPad Pro and the MacBook Pro", which ent_resolve() named
 * "MacBook Pro"). */
void
ent_drop_products(struct ent_ctx *c)
{
	const char **orgs = xcalloc(c->n + 1, sizeof(*orgs));
	const char **gone = xcalloc(c->n + 1, sizeof(*gone));
	bool *drop = xcalloc(c->n + 1, sizeof(*drop));
	struct ent_hset the = { 0 };
	size_t i, j, n = 0, ng = 0, w;
	char buf[64];

	for (i = 0; i < c->n; i++)
		if (c->runs[i].kind == ENT_ORG &&
		    strchr(c->runs[i].name, ' ') == NULL &&
		    !(c->nouns && c->runs[i].single))
			orgs[n++] = c->runs[i].name;
	if (n > 1)
		qsort(orgs, n, sizeof(*orgs), ent_str_casecmp);
	for (i = 0; i < c->n && n > 0; i++) {
		struct ent_run *r = &c->runs[i];
		const char *key = buf;

		w = strcspn(r->name, " ");
		if (r->kind == ENT_PERSON && r->name[w] == ' ' &&
		    w < sizeof(buf) && !ent_word_is(c, r->a, ENT_W_GIVEN)) {
			memcpy(buf, r->name, w);
			buf[w] = '\0';
			if (bsearch(&key, orgs, n, sizeof(*orgs),
			    ent_str_casecmp) != NULL &&
			    ent_product_words(c, r, &the)) {
				drop[i] = true;
				gone[ng++] = r->name;
			}
		}
	}
	if (ng > 1)
		qsort(gone, ng, sizeof(*gone), ent_str_cmp);
	for (i = 0; i < c->n && ng > 0; i++)
		if (!drop[i] && c->runs[i].kind == ENT_PERSON &&
		    c->runs[i].b - c->runs[i].a == 1 &&
		    bsearch(&c->runs[i].name, gone, ng, sizeof(*gone),
		    ent_str_cmp) != NULL)
			drop[i] = true;
	for (i = j = 0; i < c->n; i++) {
		if (drop[i])
			free(c->runs[i].name);
		else
			c->runs[j++] = c->runs[i];
	}
	c->n = j;
	free(orgs);
	free(gone);
	free(drop);
	free(the.v);
}

/* Whether run r, a person's of two words or more that no given name
 * opens, is written right after a determiner of a count noun, where no
 * title can stand, and heads its phrase ("a MacBook Pro to", "a Samsung
 * TV on", "your Roth IRA,", "a Nobel Prize in"): a thing one has, buys
 * or wins, as no one is written. A name before a noun it qualifies is
 * a person's as often ("a Bernie Sanders rally", "a Keir Starmer
 * aide"), and stays. */
static bool
ent_counted_person(struct ent_ctx *c, const struct ent_run *r)
{
	const struct etok *n;

	if (r->kind != ENT_PERSON || r->b - r->a < 2 || r->a == 0 ||
	    !ent_plain_gap(c, r->a - 1) ||
	    (c->t->v[r->a - 1].flags & (ETOK_CAP | ETOK_ALLCAP)) ||
	    !ent_word_is(c, r->a - 1, ENT_W_DET) ||
	    ent_word_is(c, r->a, ENT_W_GIVEN))
		return false;
	if (r->b >= c->t->n || !ent_plain_gap(c, r->b - 1))
		return true;
	n = &c->t->v[r->b];
	return (n->flags & (ETOK_CAP | ETOK_ALLCAP | ETOK_NUM)) ||
	    ent_word_is(c, r->b, ENT_W_STOP);
}

/* Whether word i, in lower case, counts the plural after it: a number
 * that is no year ("450", not "2019"), or "many", "more", "most",
 * "several", "few", "fewer", "dozens", "hundreds", "thousands",
 * "millions". */
static bool
ent_counts(const struct ent_ctx *c, size_t i)
{
	static const char *const q[] = {
		"dozens", "few", "fewer", "hundreds", "many", "millions",
		"more", "most", "several", "thousands",
	};
	const struct etok *k = &c->t->v[i];
	long y;

	if (k->flags & ETOK_NUM) {
		y = strtol(c->s + k->off, NULL, 10);
		return !(k->len == 4 && y >= 1900 && y < 2040);
	}
	return !(k->flags & (ETOK_CAP | ETOK_ALLCAP)) &&
	    ETOK_FIND(etok_folded(c->t, i), q);
}

/* Whether run r, one word of English text that ends in a plural's s
 * after a letter in lower case ("Dreamers", "Uighurs"), is written
 * right after a count ("about 450 Dreamers,", "a million or more
 * Uighurs and") and heads its phrase: a stop, a comma or a stop word
 * after it. A group's members, as no body or person is named; a body
 * before the noun it qualifies ("more Hamas fighters", "two Browns
 * players") stays, and so does a name the text writes as a body's
 * elsewhere ("more Starbucks in Seoul" beside "Starbucks said":
 * ent_name_speaks()). */
static bool
ent_counted_plural(struct ent_ctx *c, const struct ent_run *r)
{
	const struct etok *v = c->t->v;
	const char *w = c->s + v[r->a].off, *e;
	size_t n = v[r->a].len;

	if (r->kind == ENT_PLACE || r->b - r->a != 1 || r->a == 0 ||
	    !c->english || n < 4 ||
	    w[n - 1] != 's' || w[n - 2] < 'a' || w[n - 2] > 'z' ||
	    w[n - 2] == 's' || (v[r->a].flags & ETOK_POSS) ||
	    v[r->a - 1].sent != v[r->a].sent ||
	    !ent_plain_gap(c, r->a - 1) || !ent_counts(c, r->a - 1))
		return false;
	e = w + n;
	if (!(*e == '\0' || strchr(".,;:!?)", *e) != NULL) &&
	    !(r->b < c->t->n && ent_plain_gap(c, r->a) &&
	    !(v[r->b].flags & (ETOK_CAP | ETOK_ALLCAP | ETOK_NUM)) &&
	    ent_word_is(c, r->b, ENT_W_STOP)))
		return false;
	return !ent_name_speaks(c, r->a, true);
}

/* Whether run r, one word of English text and no person's or place's,
 * is written as a time after "this", "last", "next" or "every" and
 * heads its phrase: a stop, a comma or a stop word after it ("on the
 * Cheap This Halloween", "this Halloween, and"), as a holiday is, or a
 * thing at hand ("This Pipfile is", "This Site is affiliated"), and no
 * body; a name the text writes before "said" elsewhere
 * (ent_name_speaks(): "this Apple," beside "Apple said") stays. A
 * holiday takes the possessive as a body does ("Halloween's most
 * beloved symbols"), so that is no test here. After "since", a body
 * ("Since Google, search has changed") as often as a holiday ("Since
 * Diwali,"). */
static bool
ent_time_named(struct ent_ctx *c, const struct ent_run *r)
{
	static const char *const when[] = {
		"every", "last", "next", "this",
	};
	const struct etok *v = c->t->v;
	const char *e;

	if (r->kind == ENT_PLACE || r->kind == ENT_PERSON ||
	    r->b - r->a != 1 || r->a == 0 || !c->english ||
	    (v[r->a].flags & (ETOK_ALLCAP | ETOK_POSS)) ||
	    v[r->a - 1].sent != v[r->a].sent ||
	    !ent_plain_gap(c, r->a - 1) ||
	    !ETOK_FIND(etok_folded(c->t, r->a - 1), when))
		return false;
	e = c->s + v[r->a].off + v[r->a].len;
	if (!(*e == '\0' || strchr(".,;:!?)\n", *e) != NULL) &&
	    !(r->b < c->t->n && ent_plain_gap(c, r->a) &&
	    !(v[r->b].flags & (ETOK_CAP | ETOK_ALLCAP | ETOK_NUM)) &&
	    ent_word_is(c, r->b, ENT_W_STOP)))
		return false;
	return !ent_name_speaks(c, r->a, false);
}

/* Drops the people of c of a name that one of its mentions writes as a
 * count noun (ent_counted_person()): every mention of "MacBook Pro" once
 * "a MacBook Pro" is read. They are marked phrases: a person's name
 * that the output then leaves out, as it does "Saturated Fat". */
void
ent_drop_counted(struct ent_ctx *c)
{
	const char **names = xcalloc(c->n + 1, sizeof(*names));
	size_t i, n = 0;

	for (i = 0; i < c->n; i++)
		if (ent_counted_person(c, &c->runs[i]) ||
		    ent_counted_plural(c, &c->runs[i]) ||
		    ent_time_named(c, &c->runs[i]))
			names[n++] = c->runs[i].name;
	if (n > 1)
		qsort(names, n, sizeof(*names), ent_str_cmp);
	for (i = 0; i < c->n && n > 0; i++) {
		struct ent_run *r = &c->runs[i];

		if (r->kind != ENT_PLACE && bsearch(&r->name, names, n,
		    sizeof(*names), ent_str_cmp) != NULL)
			r->phrase = true;
	}
	free(names);
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

/* Whether the gap of s from p to q holds spaces and one comma at most;
 * *comma tells whether it held one. */
static bool
ent_list_gap(const char *s, size_t p, size_t q, bool *comma)
{
	*comma = false;
	for (; p < q; p++) {
		if (s[p] == ',' && !*comma)
			*comma = true;
		else if (s[p] != ' ')
			return false;
	}
	return true;
}

/* Whether runs x and y follow each other in a list: only commas, a
 * conjunction and capitalised words of no name (a list's member that
 * came out as none: "Inter Milan, Chelsea, Real Madrid"), each word
 * after a comma or a conjunction, stand between them. */
static bool
ent_listed(const struct ent_ctx *c, const struct ent_run *x,
    const struct ent_run *y)
{
	static const char *const conj[] = {
		"and", "e", "et", "i", "und", "y", "и",
	};
	const struct etok *e = &c->t->v[x->b - 1];
	size_t p = e->off + e->len, k;
	bool comma, conj_before = false;

	if (y->a < x->b || y->a > x->b + 3)
		return false;
	for (k = x->b; k <= y->a; k++) {
		const struct etok *t = &c->t->v[k];
		bool is_conj;

		is_conj = k < y->a && !(t->flags & ETOK_CAP) &&
		    ETOK_FIND(etok_folded(c->t, k), conj);
		if (!ent_list_gap(c->s, p, t->off, &comma) ||
		    !(comma || conj_before || is_conj))
			return false;
		if (k == y->a)
			return true;
		if (!is_conj && !(t->flags & ETOK_CAP))
			return false;
		conj_before = is_conj;
		p = t->off + t->len;
	}
	return false;
}

/* Whether run x is a person by no sign of its own: no title or role
 * stands before it, and its first word is no given name. */
static bool
ent_bare_person(struct ent_ctx *c, const struct ent_run *x)
{
	return x->kind == ENT_PERSON && !x->single && x->b - x->a >= 2 &&
	    !ent_word_is(c, x->a, ENT_W_GIVEN) && !(x->a > 0 &&
	    (ent_word_is(c, x->a - 1, ENT_W_TITLE) ||
	    ent_word_is(c, x->a - 1, ENT_W_BEFORE)));
}

/* Whether run x is a body's name of two words or more. */
static bool
ent_list_org(const struct ent_run *x)
{
	return x->kind == ENT_ORG && x->b - x->a >= 2;
}

/* Whether the person name of run x is one to_org holds, sorted by
 * ent_str_cmp(). */
static bool
ent_list_marked(const struct ent_run *x, char *const *to_org, size_t n)
{
	const char *key = x->name;

	return bsearch(&key, to_org, n, sizeof(*to_org), ent_str_cmp) !=
	    NULL;
}

/* Whether run x is a person named in full: with a given name, a title
 * or a role, or a word alone resolved to such a name ("Murawski" of
 * "Marcin Murawski"). */
static bool
ent_list_person(struct ent_ctx *c, const struct ent_run *x)
{
	return x->kind == ENT_PERSON && strchr(x->name, ' ') != NULL &&
	    !ent_bare_person(c, x);
}

/* Whether run x is a word alone that is a body by default only. */
static bool
ent_list_single(const struct ent_run *x)
{
	return x->kind == ENT_ORG && x->single && x->b - x->a == 1;
}

/* Gives every mention of the names of to[0, n) the kind kind; to is
 * sorted first (the names against each name were 7.9 s for 80,000
 * "economists at John Doe said"). */
static void
ent_list_mark(struct ent_ctx *c, char **to, size_t n,
    enum ent_kind from, enum ent_kind kind)
{
	size_t i;

	if (n > 1)
		qsort(to, n, sizeof(*to), ent_str_cmp);
	for (i = 0; i < c->n && n > 0; i++)
		if (c->runs[i].kind == from &&
		    ent_list_marked(&c->runs[i], to, n)) {
			c->runs[i].kind = kind;
			c->runs[i].single = false;
		}
}

/* Whether run x, a person's name of two words or more in English text
 * with no title before it, stands between "at" and a speech verb
 * ("Analysts at Morgan Stanley said", "economists at Goldman Sachs
 * told"): the speaker works at it, a body; a person so placed ("looked
 * at Tim Cook said") is no English. */
static bool
ent_at_speaker(struct ent_ctx *c, const struct ent_run *x)
{
	static const char *const verbs[] = {
		"announced", "declined", "said", "says", "told",
	};
	const struct etok *v = c->t->v;

	if (x->kind != ENT_PERSON || x->single || x->b - x->a < 2 ||
	    x->a == 0 || x->b >= c->t->n || !c->english ||
	    v[x->a - 1].sent != v[x->a].sent ||
	    v[x->b].sent != v[x->a].sent ||
	    (v[x->a - 1].flags & (ETOK_CAP | ETOK_ALLCAP)) ||
	    (v[x->b - 1].flags & ETOK_POSS) ||
	    !ent_plain_gap(c, x->a - 1) || !ent_plain_gap(c, x->b - 1) ||
	    strcmp(etok_folded(c->t, x->a - 1), "at") != 0 ||
	    (v[x->b].flags & (ETOK_CAP | ETOK_ALLCAP)))
		return false;
	return ETOK_FIND(etok_folded(c->t, x->b), verbs);
}

/* Whether run x, a person's shape in English text that no given name
 * opens and no title precedes, stands where English puts a place: after
 * a lower-case "in", "atop", "near" or a point of the compass's
 * adjective ("in Santa Ana", "atop Mauna Kea", "the northern Sierra
 * Nevada"), before a lower-case word of a place's kind ("Kowloon West
 * district") or before a comma and a place of the gazetteer ("South
 * Portland, Maine"). */
static bool
ent_at_place(struct ent_ctx *c, const struct ent_run *x)
{
	static const char *const before[] = {
		"atop", "eastern", "in", "near", "northern", "southern",
		"western",
	};
	const struct etok *v = c->t->v;
	const char *e;

	if (!ent_bare_person(c, x) || !c->english ||
	    (v[x->b - 1].flags & ETOK_POSS))
		return false;
	/* after the preposition, not a phrase that a common noun ends: a
	 * title's ("in Purine Metabolism") */
	if (x->a > 0 && !ent_word_is(c, x->b - 1, ENT_W_ENWORD) &&
	    v[x->a - 1].sent == v[x->a].sent &&
	    !(v[x->a - 1].flags & (ETOK_CAP | ETOK_ALLCAP)) &&
	    ent_plain_gap(c, x->a - 1) &&
	    ETOK_FIND(etok_folded(c->t, x->a - 1), before))
		return true;
	if (x->b >= c->t->n || v[x->b].sent != v[x->a].sent)
		return false;
	if (!(v[x->b].flags & (ETOK_CAP | ETOK_ALLCAP)))
		return ent_plain_gap(c, x->b - 1) &&
		    ent_word_is(c, x->b, ENT_W_KIND);
	e = c->s + v[x->b - 1].off + v[x->b - 1].len;
	if (e[0] != ',' || e[1] != ' ' || c->s + v[x->b].off != e + 2 ||
	    (v[x->b].flags & ETOK_POSS) || !ent_word_is(c, x->b, ENT_W_PLACE))
		return false;
	/* the place ends the phrase: "of South Portland, Maine, was"; not
	 * "Liu He, China's negotiator" */
	e = c->s + v[x->b].off + v[x->b].len;
	return *e == '\0' || strchr(",.;:)\n", *e) != NULL;
}

void
ent_list_kinds(struct ent_ctx *c)
{
	char **to_org = xcalloc(2 * c->n + 1, sizeof(*to_org));
	char **to_person = xcalloc(c->n + 1, sizeof(*to_person));
	char **to_place = xcalloc(2 * c->n + 1, sizeof(*to_place));
	size_t i, j, k, n_org, n_person, n_place, n = 0, m = 0, q = 0;

	for (i = 0; i < c->n; i = j) {
		n_org = ent_list_org(&c->runs[i]);
		n_person = ent_list_person(c, &c->runs[i]);
		n_place = c->runs[i].kind == ENT_PLACE;
		for (j = i + 1; j < c->n &&
		    ent_listed(c, &c->runs[j - 1], &c->runs[j]); j++) {
			n_org += ent_list_org(&c->runs[j]);
			n_person += ent_list_person(c, &c->runs[j]);
			n_place += c->runs[j].kind == ENT_PLACE;
		}
		/* places only, and a person's shape among them: a place
		 * ("Austria, South Tyrol and Switzerland") */
		for (k = i; j - i >= 3 && n_place >= 2 && n_org == 0 &&
		    n_person == 0 && k < j; k++)
			if (ent_bare_person(c, &c->runs[k]) &&
			    c->english)
				to_place[q++] = c->runs[k].name;
		if (j - i < 3 || (n_org == 0) == (n_person == 0))
			continue;
		for (k = i; k < j; k++) {
			if (n_org > 0 && ent_bare_person(c, &c->runs[k]))
				to_org[n++] = c->runs[k].name;
			if (n_person > 0 && !c->nouns && !c->unread &&
			    ent_list_single(&c->runs[k]))
				to_person[m++] = c->runs[k].name;
		}
	}
	for (i = 0; i < c->n; i++)
		if (ent_at_speaker(c, &c->runs[i]))
			to_org[n++] = c->runs[i].name;
		else if (ent_at_place(c, &c->runs[i]))
			to_place[q++] = c->runs[i].name;
	/* the name's every mention: the list tells what it names */
	ent_list_mark(c, to_org, n, ENT_PERSON, ENT_ORG);
	ent_list_mark(c, to_person, m, ENT_ORG, ENT_PERSON);
	ent_list_mark(c, to_place, q, ENT_PERSON, ENT_PLACE);
	free(to_org);
	free(to_person);
	free(to_place);
}
