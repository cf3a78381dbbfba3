/* The case forms of a Cyrillic person's name of several words ("Андрея
 * Рудькова", "Андрей Рудьков") made one: each takes the first of its
 * case forms in the article, most often the nominative
 * (enrich_entities.c). Pure.
 *
 * Two names are case forms of one another when they have as many words
 * and each word has the same ent_cyr_stem() as the other's or the same
 * ent_cyr_stem1() (ent_same_stems()). Which of the two stems each word
 * is compared by is a mask: names of one key under one mask (the mask
 * and each word's stem it picks) are forms of one another, and two
 * forms share the key of some mask. So each name is looked for in the
 * buckets of its keys, not in every run: comparing each run with every
 * other took 96 s for a page naming one person 20,000 times. */
#include "enrich_entities_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Names of more words than this are compared with every run. */
#define CYR_MASK_WORDS 5

/* Run pos carries the name id, of rank rank: a heap entry. */
struct cyr_pick {
	uint64_t rank;
	size_t pos, id;
};

/* The runs of one key, least (rank, pos) on top; an entry whose run
 * carries another name by now is dropped when it reaches the top. */
struct cyr_heap {
	struct cyr_pick *v;
	size_t n, cap;
};

struct cyr_merge {
	size_t n;            /* runs: the Cyrillic people of several words */
	size_t *run;         /* run[k]: run k's index in ent_ctx.runs */
	size_t *orig, *cur;  /* the id of run k's name: first, and now */
	size_t ids;          /* distinct names */
	const char **name;   /* name[id] */
	uint64_t *rank;      /* rank[id]: ent_cyr_rank() */
	size_t *memo;        /* memo[id]: the id it becomes + 1; 0: unknown */
	size_t *slot;        /* slot[id]: its first key's bucket in bucket[],
	                        one a mask; SIZE_MAX for a long name */
	size_t *bucket;      /* a key's heap */
	struct cyr_heap *heap;
	size_t nb;
};

/* A name's key, for sorting. */
struct cyr_key {
	char *key;
	size_t id;
};

/* A name, for interning. */
struct cyr_str {
	const char *s;
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

/* The order of the case forms of a name: fewer words in an oblique case
 * first, then the shorter. */
static uint64_t
ent_cyr_rank(const char *name)
{
	return (uint64_t)ent_cyr_oblique(name) << 40 | strlen(name);
}

static bool
cyr_less(const struct cyr_pick *x, const struct cyr_pick *y)
{
	return x->rank < y->rank || (x->rank == y->rank && x->pos < y->pos);
}

static void
cyr_push(struct cyr_heap *h, struct cyr_pick p)
{
	size_t i, up;

	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 4;
		h->v = xrealloc(h->v, h->cap * sizeof(*h->v));
	}
	for (i = h->n++; i > 0; i = up) {
		up = (i - 1) / 2;
		if (!cyr_less(&p, &h->v[up]))
			break;
		h->v[i] = h->v[up];
	}
	h->v[i] = p;
}

static void
cyr_pop(struct cyr_heap *h)
{
	struct cyr_pick last = h->v[--h->n];
	size_t i = 0, k;

	for (;;) {
		k = 2 * i + 1;
		if (k >= h->n)
			break;
		if (k + 1 < h->n && cyr_less(&h->v[k + 1], &h->v[k]))
			k++;
		if (!cyr_less(&h->v[k], &last))
			break;
		h->v[i] = h->v[k];
		i = k;
	}
	if (h->n > 0)
		h->v[i] = last;
}

/* The least entry of heap h still true, or NULL. */
static const struct cyr_pick *
cyr_top(struct cyr_heap *h, const size_t *cur)
{
	while (h->n > 0 && cur[h->v[0].pos] != h->v[0].id)
		cyr_pop(h);
	return h->n > 0 ? &h->v[0] : NULL;
}

static int
cyr_str_cmp(const void *x, const void *y)
{
	return strcmp(((const struct cyr_str *)x)->s,
	    ((const struct cyr_str *)y)->s);
}

static int
cyr_key_cmp(const void *x, const void *y)
{
	return strcmp(((const struct cyr_key *)x)->key,
	    ((const struct cyr_key *)y)->key);
}

/* The runs of c that are Cyrillic people of several words, and their
 * names interned. */
static void
cyr_collect(struct cyr_merge *m, const struct ent_ctx *c)
{
	struct cyr_str *v = xcalloc(c->n + 1, sizeof(*v));
	size_t i, k;

	m->run = xcalloc(c->n + 1, sizeof(*m->run));
	for (i = 0; i < c->n; i++) {
		const struct ent_run *r = &c->runs[i];

		if (r->kind != ENT_PERSON || strchr(r->name, ' ') == NULL ||
		    ((unsigned char)r->name[0] != 0xd0 &&
		    (unsigned char)r->name[0] != 0xd1))
			continue;
		v[m->n].s = r->name;
		v[m->n].k = m->n;
		m->run[m->n++] = i;
	}
	qsort(v, m->n, sizeof(*v), cyr_str_cmp);
	m->orig = xcalloc(m->n + 1, sizeof(*m->orig));
	m->cur = xcalloc(m->n + 1, sizeof(*m->cur));
	m->name = xcalloc(m->n + 1, sizeof(*m->name));
	for (k = 0; k < m->n; k++) {
		if (k == 0 || strcmp(v[k].s, v[k - 1].s) != 0)
			m->name[m->ids++] = v[k].s;
		m->orig[v[k].k] = m->cur[v[k].k] = m->ids - 1;
	}
	free(v);
}

/* Name s's key under mask: the mask, then the stem of each word that
 * the mask picks, ent_cyr_stem1() where its bit is set. */
static char *
cyr_key(const char *s, unsigned mask)
{
	char *key = xmalloc(strlen(s) + 2), *p = key;
	size_t w, k;

	*p++ = (char)('0' + mask);
	for (k = 0;; k++) {
		w = strcspn(s, " ");
		w = (mask >> k & 1) ? ent_cyr_stem1(s, w) : ent_cyr_stem(s, w);
		memcpy(p, s, w);
		p += w;
		s += strcspn(s, " ");
		if (*s == '\0')
			break;
		*p++ = *s++;
	}
	*p = '\0';
	return key;
}

static size_t
cyr_words(const char *s)
{
	size_t w = 1;

	while ((s = strchr(s, ' ')) != NULL) {
		s++;
		w++;
	}
	return w;
}

/* Puts run k, now carrying the name id, in the heaps of id's keys. */
static void
cyr_add(struct cyr_merge *m, size_t k, size_t id)
{
	struct cyr_pick p = { m->rank[id], k, id };
	size_t i, w;

	if (m->slot[id] == SIZE_MAX)
		return;
	w = (size_t)1 << cyr_words(m->name[id]);
	for (i = 0; i < w; i++)
		cyr_push(&m->heap[m->bucket[m->slot[id] + i]], p);
}

/* Every key of every name of several words up to CYR_MASK_WORDS, its
 * bucket, and in each bucket's heap the runs of its names. */
static void
cyr_index(struct cyr_merge *m)
{
	struct cyr_key *v = NULL;
	size_t id, i, k, n = 0, w;
	unsigned mask;

	m->slot = xcalloc(m->ids + 1, sizeof(*m->slot));
	for (id = 0; id < m->ids; id++) {
		w = cyr_words(m->name[id]);
		if (w > CYR_MASK_WORDS) {
			m->slot[id] = SIZE_MAX;
			continue;
		}
		m->slot[id] = n;
		v = xrealloc(v, (n + (1u << w)) * sizeof(*v));
		for (mask = 0; mask < 1u << w; mask++, n++) {
			v[n].key = cyr_key(m->name[id], mask);
			v[n].id = id;
		}
	}
	m->bucket = xcalloc(n + 1, sizeof(*m->bucket));
	m->heap = xcalloc(n + 1, sizeof(*m->heap));
	for (i = 0; i < n; i++)
		v[i].id = v[i].id << CYR_MASK_WORDS | (i - m->slot[v[i].id]);
	if (n > 1)
		qsort(v, n, sizeof(*v), cyr_key_cmp);
	for (i = 0; i < n; i++) {
		if (i > 0 && strcmp(v[i].key, v[i - 1].key) != 0)
			m->nb++;
		id = v[i].id >> CYR_MASK_WORDS;
		m->bucket[m->slot[id] + (v[i].id & ((1u << CYR_MASK_WORDS) -
		    1))] = m->nb;
	}
	for (i = 0; i < n; i++)
		free(v[i].key);
	free(v);
	for (k = 0; k < m->n; k++)
		cyr_add(m, k, m->orig[k]);
}

/* The first case form of the name id in the article, by the runs as
 * they are now: the least rank among id and its forms, and of several
 * names of that rank, id, else the one of the first run. */
static size_t
cyr_best(struct cyr_merge *m, size_t id)
{
	const struct cyr_pick *p, *best = NULL;
	size_t i, w, b = id;

	if (m->slot[id] == SIZE_MAX) {
		for (i = 0; i < m->n; i++)
			if (m->rank[m->cur[i]] < m->rank[b] &&
			    ent_same_stems(m->name[m->cur[i]], m->name[id]))
				b = m->cur[i];
		return b;
	}
	w = (size_t)1 << cyr_words(m->name[id]);
	for (i = 0; i < w; i++) {
		p = cyr_top(&m->heap[m->bucket[m->slot[id] + i]], m->cur);
		if (p != NULL && (best == NULL || cyr_less(p, best)))
			best = p;
	}
	return best != NULL && best->rank < m->rank[id] ? best->id : id;
}

static void
cyr_free(struct cyr_merge *m)
{
	size_t i;

	for (i = 0; i < m->nb + 1 && m->heap != NULL; i++)
		free(m->heap[i].v);
	free(m->heap);
	free(m->bucket);
	free(m->slot);
	free(m->memo);
	free(m->rank);
	free(m->name);
	free(m->cur);
	free(m->orig);
	free(m->run);
}

/* Gives the Cyrillic person names of several words the first of their
 * case forms in the article, in run order, as a scan of every run for
 * each did: a run renamed before is seen by its new name. A name asks
 * once: its later runs get what its first got. */
void
ent_cyr_merge(struct ent_ctx *c)
{
	struct cyr_merge m = { 0 };
	char **repl;
	size_t k, id;

	cyr_collect(&m, c);
	if (m.ids < 2) {
		cyr_free(&m);
		return;
	}
	m.rank = xcalloc(m.ids, sizeof(*m.rank));
	m.memo = xcalloc(m.ids, sizeof(*m.memo));
	for (id = 0; id < m.ids; id++)
		m.rank[id] = ent_cyr_rank(m.name[id]);
	cyr_index(&m);
	for (k = 0; k < m.n; k++) {
		id = m.orig[k];
		if (m.memo[id] == 0)
			m.memo[id] = cyr_best(&m, id) + 1;
		if (m.memo[id] - 1 != id) {
			m.cur[k] = m.memo[id] - 1;
			cyr_add(&m, k, m.cur[k]);
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
	cyr_free(&m);
}
