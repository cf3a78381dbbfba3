/* The case forms of a name made one (enrich_entities.c). Pure.
 *
 * Russian: a Cyrillic person's name of several words ("Андрея
 * Рудькова", "Андрей Рудьков") takes the first of its case forms in the
 * article, most often the nominative. Polish: a name of several words
 * of one kind, no place's ("Informacyjnej Służby Bezpieczeństwa"), takes
 * the first with the fewest words in an oblique case ("Informacyjna
 * Służba Bezpieczeństwa").
 *
 * Two names are case forms of one another when they have as many words
 * and each word is the other's by one of a few stems: for Russian
 * ent_cyr_stem() or ent_cyr_stem1(), for Polish three. Which stem each
 * word is compared by is a mask: names of one key under one mask (the
 * mask and each word's stem it picks) are forms of one another, and two
 * forms share the key of some mask. So each name is looked for in the
 * buckets of its keys, not in every run: comparing each run with every
 * other took 96 s for a Russian page naming one person 20,000 times,
 * 20 s for a Polish page of 4,000 paragraphs naming one body twice. */
#include "enrich_entities_int.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* Adds to set the stem g of n bytes, a town's locative less its last
 * vowels, with the consonant the locative alternates turned back to the
 * nominative's: "dz" to "g" ("w Pradze": "Praga", "Pragi"), "c" to "k"
 * ("w Polsce"), "rz" to "r" ("w Twerze"). */
static void
ent_pl_town_alternate(struct ent_hset *set, const char *g, size_t n)
{
	static const char *const loc[] = { "dz", "c", "rz" };
	static const char *const nom[] = { "g", "k", "r" };
	char buf[128];
	size_t i, l;

	for (i = 0; i < sizeof(loc) / sizeof(loc[0]); i++) {
		l = strlen(loc[i]);
		if (n < l || n - l + strlen(nom[i]) < 4 ||
		    n - l + 1 > sizeof(buf) ||
		    memcmp(g + n - l, loc[i], l) != 0)
			continue;
		memcpy(buf, g, n - l);
		memcpy(buf + n - l, nom[i], strlen(nom[i]));
		ent_hset_add(set, etok_hash(buf, n - l + strlen(nom[i])));
		return;
	}
}

/* Word j, capitalised, is written after "w" or "we" and before no
 * capitalised word, as a town is in the locative ("w Moskwie"). */
static bool
ent_pl_in_town(struct ent_ctx *c, size_t j)
{
	const struct etok *v = c->t->v;

	return j > 0 && (v[j].flags & ETOK_CAP) &&
	    !(v[j].flags & ETOK_ALLCAP) && v[j - 1].sent == v[j].sent &&
	    ent_plain_gap(c, j - 1) && (etok_is(c->s, &v[j - 1], "w") ||
	    etok_is(c->s, &v[j - 1], "we")) &&
	    (j + 1 == c->t->n || !ent_plain_gap(c, j) ||
	    !(v[j + 1].flags & ETOK_CAP));
}

bool
ent_pl_town_form(struct ent_ctx *c, size_t i)
{
	const char *f = etok_folded(c->t, i);
	size_t j, n;

	if (c->town_pl.v == NULL) {
		ent_hset_init(&c->town_pl);
		for (j = 0; j < c->t->n; j++) {
			const char *g;

			if (!ent_pl_in_town(c, j))
				continue;
			g = etok_folded(c->t, j);
			n = ent_pl_vowels(g, strlen(g));
			if (n >= 4)
				ent_hset_add(&c->town_pl, etok_hash(g, n));
			ent_pl_town_alternate(&c->town_pl, g, n);
		}
	}
	n = ent_pl_vowels(f, strlen(f));
	return n >= 4 && !ent_pl_org(f) &&
	    ent_hset_has(&c->town_pl, etok_hash(f, n));
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

/* The most keys of one group of a name's words: a name of more words
 * than make this many is cut into groups of as many words as do. */
#define FORM_KEYS 81

/* A language's case forms: which runs are names that have them (the
 * ones of several words), how many stems a word has, stem v of a word
 * of n bytes, the order of the forms of a name (the first is taken), and
 * whether two names are forms of one another. */
struct form_rule {
	bool (*has)(const struct ent_run *r);
	unsigned stems;
	size_t (*stem)(const char *w, size_t n, unsigned v);
	uint64_t (*rank)(const char *name);
	bool (*same)(const char *x, const char *y);
};

/* Run pos carries the name id, of rank rank: a heap entry. */
struct form_pick {
	uint64_t rank;
	size_t pos, id;
};

/* The runs of one key, least (rank, pos) on top; an entry whose run
 * carries another name by now is dropped when it reaches the top. */
struct form_heap {
	struct form_pick *v;
	size_t n, cap;
};

struct form_merge {
	const struct form_rule *rule;
	size_t n;            /* runs: the names that have case forms */
	size_t *run;         /* run[k]: run k's index in ent_ctx.runs */
	size_t *orig, *cur;  /* the id of run k's name: first, and now */
	size_t ids;          /* distinct names (of a kind) */
	const char **name;   /* name[id] */
	enum ent_kind *kind; /* kind[id] */
	uint64_t *rank;      /* rank[id]: form_rule.rank() */
	size_t *memo;        /* memo[id]: the id it becomes + 1; 0: unknown */
	size_t *slot;        /* slot[id]: its first key's bucket in bucket[],
	                        one a key */
	size_t *bucket;      /* a key's heap */
	struct form_heap *heap;
	size_t nb;
};

/* A name's key under a mask, by its hash, for sorting. */
struct form_key {
	uint64_t h;
	size_t cls;  /* the key among those of its hash: 0 but where they
	                collide */
	size_t id, mask;
};

/* A run's name, for interning. */
struct form_str {
	const struct ent_run *r;
	size_t k;
};

/* The number of words of a Cyrillic name that end as an oblique case
 * ("Евгении Левицкой": 2; "Евгения Левицкая": 0). */
static size_t
ent_cyr_oblique(const char *name)
{
	static const char *const ends[] = {
		/* not "ей", which ends nominatives ("Андрей") too */
		"ой", "ом", "ем", "ым", "им", "ого", "его", "ому", "ему",
		"ы", "и", "у", "ю", "е",
	};

	return ent_count_ends(name, ends, sizeof(ends) / sizeof(ends[0]), 1);
}

/* Russian: fewer words in an oblique case first, then the shorter. */
static uint64_t
ent_cyr_rank(const char *name)
{
	return (uint64_t)ent_cyr_oblique(name) << 40 | strlen(name);
}

static bool
ent_cyr_has(const struct ent_run *r)
{
	return r->kind == ENT_PERSON && strchr(r->name, ' ') != NULL &&
	    ((unsigned char)r->name[0] == 0xd0 ||
	    (unsigned char)r->name[0] == 0xd1);
}

static size_t
ent_cyr_stem_v(const char *w, size_t n, unsigned v)
{
	return v == 1 ? ent_cyr_stem1(w, n) : ent_cyr_stem(w, n);
}

/* Polish: fewer words in an oblique case first; of one word, then the
 * shorter ("Kołodziej" before "Kołodzieja", the nominative of a
 * surname that ends in a consonant). */
static uint64_t
ent_pl_rank(const char *name)
{
	return (uint64_t)ent_pl_oblique(name) << 40 |
	    (strchr(name, ' ') == NULL ? strlen(name) : 0);
}

/* A name of several words of any kind but a place's, or one word of a
 * body's: a surname alone, which the classifier takes for a body's
 * name, in its case forms ("Kołodziej", "Kołodzieja", "Kołodziejem"),
 * is one name. */
static bool
ent_pl_has(const struct ent_run *r)
{
	return r->kind != ENT_PLACE;
}

/* ent_pl_same_word()'s stems: ent_pl_stem(), that or less an
 * adjective's "-ej", less the last vowels. */
static size_t
ent_pl_stem_v(const char *w, size_t n, unsigned v)
{
	if (v == 1 && n >= 6 && memcmp(w + n - 2, "ej", 2) == 0)
		return n - 2;
	return v == 2 ? ent_pl_vowels(w, n) : ent_pl_stem(w, n);
}

static const struct form_rule form_ru = {
	ent_cyr_has, 2, ent_cyr_stem_v, ent_cyr_rank, ent_same_stems,
};

static const struct form_rule form_pl = {
	ent_pl_has, 3, ent_pl_stem_v, ent_pl_rank, ent_pl_same,
};

static bool
form_less(const struct form_pick *x, const struct form_pick *y)
{
	return x->rank < y->rank || (x->rank == y->rank && x->pos < y->pos);
}

static void
form_push(struct form_heap *h, struct form_pick p)
{
	size_t i, up;

	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 4;
		h->v = xrealloc(h->v, h->cap * sizeof(*h->v));
	}
	for (i = h->n++; i > 0; i = up) {
		up = (i - 1) / 2;
		if (!form_less(&p, &h->v[up]))
			break;
		h->v[i] = h->v[up];
	}
	h->v[i] = p;
}

static void
form_pop(struct form_heap *h)
{
	struct form_pick last = h->v[--h->n];
	size_t i = 0, k;

	for (;;) {
		k = 2 * i + 1;
		if (k >= h->n)
			break;
		if (k + 1 < h->n && form_less(&h->v[k + 1], &h->v[k]))
			k++;
		if (!form_less(&h->v[k], &last))
			break;
		h->v[i] = h->v[k];
		i = k;
	}
	if (h->n > 0)
		h->v[i] = last;
}

/* The least entry of heap h still true, or NULL. */
static const struct form_pick *
form_top(struct form_heap *h, const size_t *cur)
{
	while (h->n > 0 && cur[h->v[0].pos] != h->v[0].id)
		form_pop(h);
	return h->n > 0 ? &h->v[0] : NULL;
}

static int
form_str_cmp(const void *x, const void *y)
{
	const struct ent_run *a = ((const struct form_str *)x)->r;
	const struct ent_run *b = ((const struct form_str *)y)->r;

	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	return strcmp(a->name, b->name);
}

static int
form_key_cmp(const void *x, const void *y)
{
	const struct form_key *a = x, *b = y;

	if (a->h != b->h)
		return a->h < b->h ? -1 : 1;
	if (a->cls != b->cls)
		return a->cls < b->cls ? -1 : 1;
	return a->id != b->id ? (a->id < b->id ? -1 : 1) :
	    (a->mask > b->mask) - (a->mask < b->mask);
}

/* The runs of c that have case forms, and their names interned. */
static void
form_collect(struct form_merge *m, const struct ent_ctx *c)
{
	struct form_str *v = xcalloc(c->n + 1, sizeof(*v));
	size_t i, k;

	m->run = xcalloc(c->n + 1, sizeof(*m->run));
	for (i = 0; i < c->n; i++) {
		if (!m->rule->has(&c->runs[i]))
			continue;
		v[m->n].r = &c->runs[i];
		v[m->n].k = m->n;
		m->run[m->n++] = i;
	}
	qsort(v, m->n, sizeof(*v), form_str_cmp);
	m->orig = xcalloc(m->n + 1, sizeof(*m->orig));
	m->cur = xcalloc(m->n + 1, sizeof(*m->cur));
	m->name = xcalloc(m->n + 1, sizeof(*m->name));
	m->kind = xcalloc(m->n + 1, sizeof(*m->kind));
	for (k = 0; k < m->n; k++) {
		if (k == 0 || form_str_cmp(&v[k], &v[k - 1]) != 0) {
			m->kind[m->ids] = v[k].r->kind;
			m->name[m->ids++] = v[k].r->name;
		}
		m->orig[v[k].k] = m->cur[v[k].k] = m->ids - 1;
	}
	free(v);
}

/* The words of a group of a name: as many as make at most FORM_KEYS
 * keys (six Russian words, four Polish). */
static size_t
form_group(const struct form_rule *r)
{
	size_t g = 0, k = 1;

	while (k * r->stems <= FORM_KEYS) {
		k *= r->stems;
		g++;
	}
	return g;
}

/* The keys of group g of the name id, of w words: stems to the power of
 * the group's words; 0 past its last group. */
static size_t
form_group_keys(const struct form_merge *m, size_t w, size_t g)
{
	size_t n = 1, k, size = form_group(m->rule);

	if (g * size >= w)
		return 0;
	for (k = g * size; k < w && k < (g + 1) * size; k++)
		n *= m->rule->stems;
	return n;
}

static size_t
form_words(const struct form_merge *m, size_t id)
{
	const char *s = m->name[id];
	size_t n = 1;

	while ((s = strchr(s, ' ')) != NULL) {
		s++;
		n++;
	}
	return n;
}

/* The number of keys of the name id: those of each of its groups. */
static size_t
form_keys(const struct form_merge *m, size_t id)
{
	size_t w = form_words(m, id), g, n = 0;

	for (g = 0; form_group_keys(m, w, g) > 0; g++)
		n += form_group_keys(m, w, g);
	return n;
}

/* Key i of the name id into key (2 * strlen(name) + 48 bytes), its
 * length returned: its kind, its group, its words, then for each word
 * of the group the stem the mask picks (digit k of the mask in base
 * rule.stems) and the stem. Two names are forms of one another when
 * each group of one has a key of the other's. */
static size_t
form_key(const struct form_merge *m, size_t id, size_t i, char *key)
{
	const char *s = m->name[id];
	size_t words = form_words(m, id), g = 0, mask = i, k, w, n;
	char *p = key;
	unsigned v;

	while (mask >= form_group_keys(m, words, g))
		mask -= form_group_keys(m, words, g++);
	for (k = 0; k < g * form_group(m->rule); k++)
		s += strcspn(s, " ") + 1;
	p += sprintf(p, "%c%zu:%zu:", '0' + m->kind[id], g, words);
	for (n = form_group_keys(m, words, g); n > 1; n /= m->rule->stems) {
		v = (unsigned)(mask % m->rule->stems);
		mask /= m->rule->stems;
		w = m->rule->stem(s, strcspn(s, " "), v);
		*p++ = (char)('0' + v);
		memcpy(p, s, w);
		p += w;
		s += strcspn(s, " ");
		if (*s == '\0')
			break;
		*p++ = *s++;
	}
	return (size_t)(p - key);
}

/* Whether the keys of v[a] and v[b] are the same (and not only their
 * hashes); x and y: room for either. */
static bool
form_key_same(const struct form_merge *m, const struct form_key *v,
    size_t a, size_t b, char *x, char *y)
{
	size_t nx = form_key(m, v[a].id, v[a].mask, x);

	return form_key(m, v[b].id, v[b].mask, y) == nx &&
	    memcmp(x, y, nx) == 0;
}

/* Puts run k, now carrying the name id, in the heaps of id's keys. */
static void
form_add(struct form_merge *m, size_t k, size_t id)
{
	struct form_pick p = { m->rank[id], k, id };
	size_t i, w = form_keys(m, id);

	for (i = 0; i < w; i++)
		if (m->bucket[m->slot[id] + i] != SIZE_MAX)
			form_push(&m->heap[m->bucket[m->slot[id] + i]], p);
}

/* Numbers the keys of v[a, e), of one hash, by the key: the first of
 * each class compared with the rest. Whether there is more than one
 * (two keys share a hash, which a page can be made to hold). */
static bool
form_key_classes(const struct form_merge *m, struct form_key *v, size_t a,
    size_t e, char *x, char *y)
{
	size_t i, j, c = 0;

	for (i = a; i < e; i++)
		v[i].cls = SIZE_MAX;
	for (i = a; i < e; i++) {
		if (v[i].cls != SIZE_MAX)
			continue;
		v[i].cls = c;
		for (j = i + 1; j < e; j++)
			if (v[j].cls == SIZE_MAX &&
			    form_key_same(m, v, i, j, x, y))
				v[j].cls = c;
		c++;
	}
	return c > 1;
}

/* The keys of every name, by hash and class: 32 bytes a key, not the
 * key, into *kv, their number into *nk. */
static void
form_sort_keys(struct form_merge *m, struct form_key **kv, size_t *nk)
{
	struct form_key *v;
	size_t id, i, n = 0, w, len = 0, a, e;
	bool again = false;
	char *x, *y;

	for (id = 0; id < m->ids; id++) {
		if (strlen(m->name[id]) > len)
			len = strlen(m->name[id]);
		n += form_keys(m, id);
	}
	x = xmalloc(2 * len + 48);
	y = xmalloc(2 * len + 48);
	v = xcalloc(n + 1, sizeof(*v));
	for (id = 0, n = 0; id < m->ids; id++) {
		w = form_keys(m, id);
		for (i = 0; i < w; i++, n++) {
			v[n].h = etok_hash(x, form_key(m, id, i, x));
			v[n].id = id;
			v[n].mask = i;
		}
	}
	if (n > 1)
		qsort(v, n, sizeof(*v), form_key_cmp);
	for (a = 0; a < n; a = e) {
		for (e = a + 1; e < n && v[e].h == v[a].h; e++)
			;
		if (e - a > 1 && form_key_classes(m, v, a, e, x, y))
			again = true;
	}
	if (again)
		qsort(v, n, sizeof(*v), form_key_cmp);
	free(x);
	free(y);
	*kv = v;
	*nk = n;
}

/* Whether the keys x and y are one. */
static bool
form_key_eq(const struct form_key *x, const struct form_key *y)
{
	return x->h == y->h && x->cls == y->cls;
}

/* Every key's bucket, and in each bucket's heap the runs of its names;
 * where two keys share a hash, every name is long. */
static void
form_index(struct form_merge *m)
{
	struct form_key *v;
	size_t id, i, k, n;

	form_sort_keys(m, &v, &n);
	m->slot = xcalloc(m->ids + 1, sizeof(*m->slot));
	for (id = 0, k = 0; id < m->ids; id++) {
		m->slot[id] = k;
		k += form_keys(m, id);
	}
	m->bucket = xcalloc(n + 1, sizeof(*m->bucket));
	m->heap = xcalloc(n + 1, sizeof(*m->heap));
	/* a key of one name alone changes nothing: it has no bucket */
	for (i = 0; i < n; i++) {
		k = m->slot[v[i].id] + v[i].mask;
		if ((i == 0 || !form_key_eq(&v[i], &v[i - 1])) &&
		    (i + 1 == n || !form_key_eq(&v[i + 1], &v[i])))
			m->bucket[k] = SIZE_MAX;
		else if (i == 0 || !form_key_eq(&v[i], &v[i - 1]))
			m->bucket[k] = m->nb++;
		else
			m->bucket[k] = m->nb - 1;
	}
	free(v);
	for (k = 0; k < m->n; k++)
		form_add(m, k, m->orig[k]);
}

/* The first form of the name id of several groups among the runs of
 * its group whose buckets hold the fewest: a run there is a form when
 * its name is one (it shares a key of every group). id when some group
 * shares no key. */
static size_t
form_best_groups(struct form_merge *m, size_t id)
{
	const struct form_pick *p, *best = NULL;
	size_t w = form_words(m, id), g, i, k, n, at = 0, off = 0, keys = 0;
	size_t least = SIZE_MAX, b;
	struct form_heap *h;

	for (g = 0; (k = form_group_keys(m, w, g)) > 0; g++, off += k) {
		for (i = 0, n = 0, b = 0; i < k; i++) {
			if (m->bucket[m->slot[id] + off + i] == SIZE_MAX)
				continue;
			n += m->heap[m->bucket[m->slot[id] + off + i]].n;
			b++;
		}
		if (b == 0)
			return id;
		if (n < least) {
			least = n;
			at = off;
			keys = k;
		}
	}
	for (i = at; i < at + keys; i++) {
		if (m->bucket[m->slot[id] + i] == SIZE_MAX)
			continue;
		h = &m->heap[m->bucket[m->slot[id] + i]];
		for (k = 0; k < h->n; k++) {
			p = &h->v[k];
			if (m->cur[p->pos] != p->id || p->rank >= m->rank[id] ||
			    (best != NULL && !form_less(p, best)) ||
			    !m->rule->same(m->name[p->id], m->name[id]))
				continue;
			best = p;
		}
	}
	return best != NULL ? best->id : id;
}

/* The first case form of the name id in the article, by the runs as
 * they are now: the least rank among id and its forms, and of several
 * names of that rank, id, else the one of the first run. */
static size_t
form_best(struct form_merge *m, size_t id)
{
	const struct form_pick *p, *best = NULL;
	size_t i, w = form_keys(m, id);

	if (form_group_keys(m, form_words(m, id), 1) > 0)
		return form_best_groups(m, id);
	for (i = 0; i < w; i++) {
		if (m->bucket[m->slot[id] + i] == SIZE_MAX)
			continue;
		p = form_top(&m->heap[m->bucket[m->slot[id] + i]], m->cur);
		if (p != NULL && (best == NULL || form_less(p, best)))
			best = p;
	}
	return best != NULL && best->rank < m->rank[id] ? best->id : id;
}

static void
form_free(struct form_merge *m)
{
	size_t i;

	for (i = 0; i < m->nb && m->heap != NULL; i++)
		free(m->heap[i].v);
	free(m->heap);
	free(m->bucket);
	free(m->slot);
	free(m->memo);
	free(m->rank);
	free(m->kind);
	free(m->name);
	free(m->cur);
	free(m->orig);
	free(m->run);
}

/* Renames the runs of c to the first of their forms by rule, in run
 * order, as a scan of every run for each did: a run renamed before is
 * seen by its new name. A name asks once: its later runs get what its
 * first got (the names of the runs after it are the same or forms of
 * less rank, so the answer stays). */
static void
form_merge(struct ent_ctx *c, const struct form_rule *rule)
{
	struct form_merge m = { .rule = rule };
	char **repl;
	size_t k, id;

	form_collect(&m, c);
	if (m.ids < 2) {
		form_free(&m);
		return;
	}
	m.rank = xcalloc(m.ids, sizeof(*m.rank));
	m.memo = xcalloc(m.ids, sizeof(*m.memo));
	for (id = 0; id < m.ids; id++)
		m.rank[id] = rule->rank(m.name[id]);
	form_index(&m);
	for (k = 0; k < m.n; k++) {
		id = m.orig[k];
		if (m.memo[id] == 0)
			m.memo[id] = form_best(&m, id) + 1;
		if (m.memo[id] - 1 != id) {
			m.cur[k] = m.memo[id] - 1;
			form_add(&m, k, m.cur[k]);
		}
	}
	/* the names point into the runs: copy them all first */
	repl = xcalloc(m.n + 1, sizeof(*repl));
	for (k = 0; k < m.n; k++)
		if (m.cur[k] != m.orig[k])
			repl[k] = xstrdup(m.name[m.cur[k]]);
	for (k = 0; k < m.n; k++) {
		if (repl[k] == NULL)
			continue;
		free(c->runs[m.run[k]].name);
		c->runs[m.run[k]].name = repl[k];
	}
	free(repl);
	form_free(&m);
}

/* Gives the Cyrillic person names of several words the first of their
 * case forms in the article: fewer words in an oblique case, then the
 * shorter, most often the nominative. */
void
ent_cyr_merge(struct ent_ctx *c)
{
	form_merge(c, &form_ru);
}

/* Gives the Polish names of several words of one kind the first of
 * their case forms in the article with the fewest words in an oblique
 * case, most often the nominative: "Informacyjnej Służby
 * Bezpieczeństwa" is "Informacyjna Służba Bezpieczeństwa", "Fogo Unii
 * Leszno" is "Fogo Unia Leszno" where the article has those too. */
void
ent_pl_merge(struct ent_ctx *c)
{
	form_merge(c, &form_pl);
}
