/* The story index in fixed-size records (issue 18).
 *
 * An entry is a 32-byte record (story_int.h) in a ring at its add number
 * (seq). Its names and terms are not kept as strings but as hashes: 32
 * bits of each, ascending, in a ring of keys beside the records (4 bytes
 * a term), which the scoring merges with the query's as it merged the
 * strings; and, to find the candidates, one 4-byte seq in the posting
 * list of each 64-bit hash (one map for names, one for terms).
 *
 * A list keeps the newest STORY_POST_MAX + 1 seqs of its key only. As
 * the entries leave the window oldest first, the live holders of a key
 * are always its newest ones: a list whose kept seqs are all live has
 * more than STORY_POST_MAX holders (a common word, not used to find
 * candidates), and otherwise holds every live holder. So a list of a
 * common word costs 2 KB however common it is, and a list of one or two
 * seqs is held in its map slot.
 *
 * What is exact and what is not: the candidates are those the strings
 * gave; the shared counts are exact unless two of the names or terms
 * compared differ but share their 32 bits (for a query and a candidate
 * of 40 keys each, about one chance in 2.7 million).
 *
 * Expiry: entries older than the window behind the newest time seen
 * (or behind the `now` given to story_index_expire()) leave the ring from
 * the oldest; a cursor trims the fronts of the lists a few slots at every
 * add and frees the lists left empty. */
#include "story_int.h"

#include <stdlib.h>
#include <string.h>

#include "story.h"
#include "util.h"

/* Seqs in [off, n); cap <= 2: in the slot (in), else in p. */
struct story_post {
	uint64_t key;         /* 0: the slot is empty */
	union {
		uint32_t *p;
		uint32_t in[2];
	} u;
	uint32_t off, n, cap;
};

/* Open addressing, linear probing, power-of-two size, at most 70%
 * full. */
struct story_map {
	struct story_post *slot;
	size_t size, used;
	size_t cursor;        /* the sweep's next slot */
	uint32_t pass_head;   /* the index's head when the pass began */
	uint32_t clean;       /* no list holds a seq below (a pass ended) */
};

#define STORY_KCHUNK_BITS 14
#define STORY_KCHUNK (1u << STORY_KCHUNK_BITS)
#define STORY_KCHUNKS (1u << (32 - STORY_KCHUNK_BITS))

struct story_index {
	int64_t window;
	int64_t newest;
	struct story_rec *ring;
	uint32_t cap;         /* a power of two */
	uint32_t head, tail;  /* live seqs: [head, tail) */
	struct story_map terms, names;
	/* the entries' 32-bit hashes: key i (a counter mod 2^32) is in
	 * chunk i >> STORY_KCHUNK_BITS, allocated as the tail reaches it
	 * and freed as the head leaves it */
	uint32_t **kchunk;
	uint32_t khead, ktail;  /* live: [khead, ktail) */
	uint32_t query;
	struct story_cand *cand;
	size_t capcand;
};

void
story_keys_push(struct story_keys *k, uint64_t h)
{
	if (k->n == k->cap) {
		k->cap = k->cap ? 2 * k->cap : 32;
		k->v = xrealloc(k->v, k->cap * sizeof(*k->v));
	}
	k->v[k->n++] = h ? h : 1;
}

static int
story_cmp64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

void
story_keys_sort(struct story_keys *k)
{
	size_t i, j = 0;

	if (k->n > 1)
		qsort(k->v, k->n, sizeof(*k->v), story_cmp64);
	for (i = 0; i < k->n; i++)
		if (j == 0 || k->v[j - 1] != k->v[i])
			k->v[j++] = k->v[i];
	k->n = j;
}

void
story_keys_free(struct story_keys *k)
{
	free(k->v);
	memset(k, 0, sizeof(*k));
}

static uint32_t *
story_data(struct story_post *p)
{
	return p->cap <= 2 ? p->u.in : p->u.p;
}

static struct story_rec *
story_rec_at(const struct story_index *idx, uint32_t seq)
{
	return &idx->ring[seq & (idx->cap - 1)];
}

/* Drops the seqs of entries gone from the front of p. */
static void
story_trim(const struct story_index *idx, struct story_post *p)
{
	uint32_t *d = story_data(p);
	uint32_t live = idx->tail - idx->head;

	while (p->off < p->n && d[p->off] - idx->head >= live)
		p->off++;
	if (p->off == 0 || (p->off < p->n && p->off < p->n / 2))
		return;
	memmove(d, d + p->off, (p->n - p->off) * sizeof(*d));
	p->n -= p->off;
	p->off = 0;
	if (p->cap > 2 && p->n <= 2) {
		uint32_t *heap = p->u.p;

		memcpy(p->u.in, heap, p->n * sizeof(*heap));
		free(heap);
		p->cap = 2;
	} else if (p->cap > 8 && p->n < p->cap / 4) {
		p->cap /= 2;
		p->u.p = xrealloc(p->u.p, p->cap * sizeof(*p->u.p));
	}
}

static void
story_post_push(struct story_post *p, uint32_t seq)
{
	if (p->n - p->off > STORY_POST_MAX) {
		/* only the newest STORY_POST_MAX + 1 are kept */
		p->off++;
		if (p->off >= p->n / 2) {
			uint32_t *d = story_data(p);

			memmove(d, d + p->off, (p->n - p->off) * sizeof(*d));
			p->n -= p->off;
			p->off = 0;
		}
	}
	if (p->n == p->cap) {
		uint32_t cap = p->cap < 2 ? 2 : p->cap + p->cap / 2;

		if (cap > 2 && p->cap <= 2) {
			uint32_t *heap = xmalloc(cap * sizeof(*heap));

			memcpy(heap, p->u.in, p->n * sizeof(*heap));
			p->u.p = heap;
		} else if (cap > 2) {
			p->u.p = xrealloc(p->u.p, cap * sizeof(*p->u.p));
		}
		p->cap = cap;
	}
	story_data(p)[p->n++] = seq;
}

static void
story_post_free(struct story_post *p)
{
	if (p->cap > 2)
		free(p->u.p);
	memset(p, 0, sizeof(*p));
}

static void
story_map_free(struct story_map *m)
{
	for (size_t i = 0; i < m->size; i++)
		if (m->slot[i].key != 0)
			story_post_free(&m->slot[i]);
	free(m->slot);
	memset(m, 0, sizeof(*m));
}

static struct story_post *
story_map_get(const struct story_map *m, uint64_t key)
{
	size_t i;

	if (m->size == 0)
		return NULL;
	for (i = key & (m->size - 1); m->slot[i].key != 0;
	    i = (i + 1) & (m->size - 1))
		if (m->slot[i].key == key)
			return &m->slot[i];
	return NULL;
}

static void
story_map_resize(struct story_map *m, size_t size)
{
	struct story_post *old = m->slot;
	size_t osize = m->size;

	m->size = size;
	m->slot = xcalloc(size, sizeof(*m->slot));
	for (size_t i = 0; i < osize; i++) {
		size_t j;

		if (old[i].key == 0)
			continue;
		for (j = old[i].key & (size - 1); m->slot[j].key != 0;
		    j = (j + 1) & (size - 1))
			;
		m->slot[j] = old[i];
	}
	free(old);
	m->cursor = 0;
}

static void
story_map_add(struct story_map *m, uint64_t key, uint32_t seq)
{
	size_t i;

	if ((m->used + 1) * 10 > m->size * 7)
		story_map_resize(m, m->size ? 2 * m->size : 256);
	for (i = key & (m->size - 1); m->slot[i].key != 0 &&
	    m->slot[i].key != key; i = (i + 1) & (m->size - 1))
		;
	if (m->slot[i].key == 0) {
		m->slot[i].key = key;
		m->slot[i].cap = 2;
		m->used++;
	}
	story_post_push(&m->slot[i], seq);
}

/* Empties slot i, shifting back the slots after it that probed past
 * it. */
static void
story_map_del(struct story_map *m, size_t i)
{
	size_t mask = m->size - 1, j = i;

	story_post_free(&m->slot[i]);
	for (;;) {
		size_t k;

		j = (j + 1) & mask;
		if (m->slot[j].key == 0)
			break;
		k = m->slot[j].key & mask;
		/* can slot j's entry move to i: is i on its probe path? */
		if ((j > i && (k <= i || k > j)) ||
		    (j < i && k <= i && k > j)) {
			m->slot[i] = m->slot[j];
			memset(&m->slot[j], 0, sizeof(m->slot[j]));
			i = j;
		}
	}
	m->used--;
}

/* Trims about budget slots of m from its cursor; frees emptied lists. */
static void
story_map_sweep(const struct story_index *idx, struct story_map *m,
    size_t budget)
{
	/* no entry left since the last pass: nothing to trim */
	if (idx->head == m->clean)
		return;
	while (budget-- > 0 && m->size > 0) {
		struct story_post *p = &m->slot[m->cursor];

		if (p->key != 0) {
			story_trim(idx, p);
			if (p->off == p->n) {
				story_map_del(m, m->cursor);
				/* a slot shifted into the cursor's: look at
				 * it too */
				continue;
			}
		}
		m->cursor = (m->cursor + 1) & (m->size - 1);
		if (m->cursor == 0) {
			m->clean = m->pass_head;
			m->pass_head = idx->head;
		}
	}
	if (m->size > 256 && m->used * 8 < m->size)
		story_map_resize(m, m->size / 2);
}

struct story_index *
story_index_new(int64_t window_secs)
{
	struct story_index *idx = xcalloc(1, sizeof(*idx));

	idx->window = window_secs > 0 ? window_secs : STORY_DEFAULT_WINDOW;
	idx->newest = INT64_MIN;
	idx->cap = 64;
	idx->ring = xcalloc(idx->cap, sizeof(*idx->ring));
	idx->kchunk = xcalloc(STORY_KCHUNKS, sizeof(*idx->kchunk));
	return idx;
}

void
story_index_free(struct story_index *idx)
{
	if (idx == NULL)
		return;
	free(idx->ring);
	for (uint32_t i = 0; i < STORY_KCHUNKS; i++)
		free(idx->kchunk[i]);
	free(idx->kchunk);
	story_map_free(&idx->terms);
	story_map_free(&idx->names);
	free(idx->cand);
	free(idx);
}

int64_t
story_index_window(const struct story_index *idx)
{
	return idx->window;
}

/* Re-homes the ring's records in a ring of cap records. */
static void
story_ring_resize(struct story_index *idx, uint32_t cap)
{
	struct story_rec *r = xcalloc(cap, sizeof(*r));

	for (uint32_t s = idx->head; s != idx->tail; s++)
		r[s & (cap - 1)] = *story_rec_at(idx, s);
	free(idx->ring);
	idx->ring = r;
	idx->cap = cap;
}

static uint32_t
story_key_at(const struct story_index *idx, uint32_t i)
{
	return idx->kchunk[i >> STORY_KCHUNK_BITS][i & (STORY_KCHUNK - 1)];
}

static uint32_t *
story_key_ref(struct story_index *idx, uint32_t i)
{
	uint32_t **c = &idx->kchunk[i >> STORY_KCHUNK_BITS];

	if (*c == NULL)
		*c = xmalloc(STORY_KCHUNK * sizeof(**c));
	return &(*c)[i & (STORY_KCHUNK - 1)];
}

/* Moves the key head to k, freeing the chunks it left. */
static void
story_keys_drop(struct story_index *idx, uint32_t k)
{
	uint32_t from = idx->khead >> STORY_KCHUNK_BITS;

	idx->khead = k;
	while (from != k >> STORY_KCHUNK_BITS) {
		free(idx->kchunk[from]);
		idx->kchunk[from] = NULL;
		from = (from + 1) & (STORY_KCHUNKS - 1);
	}
}

/* Drops up to budget entries at the head older than the window
 * behind newest, keeping the last added. */
static void
story_pop_old(struct story_index *idx, int64_t newest, size_t budget)
{
	int64_t cut = newest - idx->window;

	while (budget-- > 0 && idx->tail - idx->head > 1 &&
	    story_rec_at(idx, idx->head)->t < cut) {
		idx->head++;
		story_keys_drop(idx, story_rec_at(idx, idx->head)->at);
	}
	if (idx->cap > 1024 && idx->tail - idx->head < idx->cap / 4)
		story_ring_resize(idx, idx->cap / 2);
}

void
story_index_expire(struct story_index *idx, int64_t now, size_t budget)
{
	story_pop_old(idx, now > idx->newest ? now : idx->newest, budget);
	story_map_sweep(idx, &idx->terms, budget);
	story_map_sweep(idx, &idx->names, budget);
}

/* The 32 bits of a key the records keep. */
static uint32_t
story_key32(uint64_t key)
{
	return (uint32_t)(key >> 32);
}

/* Appends the 32-bit forms of k, ascending, to the keys: the top bits
 * of keys in ascending order are in order already. */
static void
story_keys_append(struct story_index *idx, const struct story_keys *k)
{
	for (size_t i = 0; i < k->n; i++)
		*story_key_ref(idx, idx->ktail++) = story_key32(k->v[i]);
}

/* Fetches the map slots of keys ahead of their adds: one article's keys
 * are scattered over a map larger than the caches. */
static void
story_map_prefetch(const struct story_map *m, const struct story_keys *k)
{
	if (m->size == 0)
		return;
	for (size_t i = 0; i < k->n; i++)
		__builtin_prefetch(&m->slot[k->v[i] & (m->size - 1)], 1);
}

void
story_index_put(struct story_index *idx, uint64_t story, int64_t t,
    int md, const struct story_keys *names, const struct story_keys *terms)
{
	struct story_rec *r;
	uint32_t seq;
	size_t i, nn, nt;

	if (t > idx->newest)
		idx->newest = t;
	story_pop_old(idx, idx->newest, 8);
	if (idx->tail - idx->head == idx->cap)
		story_ring_resize(idx, 2 * idx->cap);
	nn = names->n < UINT16_MAX ? names->n : UINT16_MAX;
	nt = terms->n < UINT16_MAX ? terms->n : UINT16_MAX;
	if (idx->ktail - idx->khead + nn + nt >= UINT32_MAX - STORY_KCHUNK)
		return;  /* four billion keys: cannot be a window */
	seq = idx->tail++;
	r = story_rec_at(idx, seq);
	memset(r, 0, sizeof(*r));
	r->t = t;
	r->story = story;
	r->md = (int16_t)md;
	r->nterms = (uint16_t)nt;
	r->nnames = (uint16_t)nn;
	r->seen = idx->query;
	r->at = idx->ktail;
	if (idx->head == seq)
		idx->khead = r->at;
	story_keys_append(idx, &(struct story_keys){ names->v, nn, nn });
	story_keys_append(idx, &(struct story_keys){ terms->v, nt, nt });
	story_map_prefetch(&idx->names, names);
	story_map_prefetch(&idx->terms, terms);
	for (i = 0; i < nn; i++)
		story_map_add(&idx->names, names->v[i], seq);
	for (i = 0; i < nt; i++)
		story_map_add(&idx->terms, terms->v[i], seq);
	story_map_sweep(idx, &idx->terms, 2 * nt + 8);
	story_map_sweep(idx, &idx->names, 2 * nn + 8);
}

static void
story_cand_push(struct story_index *idx, size_t *n, uint32_t seq,
    struct story_rec *r)
{
	if (*n == idx->capcand) {
		idx->capcand = idx->capcand ? 2 * idx->capcand : 256;
		idx->cand = xrealloc(idx->cand,
		    idx->capcand * sizeof(*idx->cand));
	}
	idx->cand[*n].seq = seq;
	idx->cand[*n].r = r;
	(*n)++;
}

/* Lists the entries of the lists of keys in m that hold STORY_POST_MAX
 * live seqs or fewer, once each. */
static void
story_walk(struct story_index *idx, struct story_map *m,
    const struct story_keys *keys, size_t *ncand)
{
	for (size_t i = 0; i < keys->n; i++) {
		struct story_post *p = story_map_get(m, keys->v[i]);
		const uint32_t *d;

		if (p == NULL)
			continue;
		story_trim(idx, p);
		if (p->n - p->off > STORY_POST_MAX)
			continue;
		d = story_data(p);
		for (uint32_t k = p->off; k < p->n; k++) {
			struct story_rec *r = story_rec_at(idx, d[k]);

			if (r->seen != idx->query) {
				r->seen = idx->query;
				story_cand_push(idx, ncand, d[k], r);
			}
		}
	}
}

/* The 32-bit keys of q in the sorted run at i of the key ring shared. */
static uint32_t
story_shared(const struct story_index *idx, uint32_t i, size_t n,
    const uint32_t *q, size_t nq)
{
	size_t a = 0, b = 0;
	uint32_t c = 0;

	while (a < n && b < nq) {
		uint32_t x = story_key_at(idx, i + (uint32_t)a);

		if (x == q[b])
			c++;
		a += x <= q[b];
		b += x >= q[b];
	}
	return c;
}

/* The 32-bit forms of k, ascending (k is), into *out (of k->n). */
static void
story_q32(const struct story_keys *k, uint32_t **out)
{
	*out = xmalloc((k->n + 1) * sizeof(**out));
	for (size_t i = 0; i < k->n; i++)
		(*out)[i] = story_key32(k->v[i]);
}

size_t
story_index_candidates(struct story_index *idx,
    const struct story_keys *names, const struct story_keys *terms,
    struct story_cand **cand)
{
	size_t ncand = 0;
	uint32_t *qn, *qt;

	if (++idx->query == 0)
		idx->query = 1;
	story_walk(idx, &idx->terms, terms, &ncand);
	story_walk(idx, &idx->names, names, &ncand);
	story_q32(names, &qn);
	story_q32(terms, &qt);
	for (size_t k = 0; k < ncand; k++) {
		struct story_cand *c = &idx->cand[k];
		const struct story_rec *r = c->r;

		c->sn = story_shared(idx, r->at, r->nnames, qn, names->n);
		c->st = story_shared(idx, r->at + r->nnames, r->nterms, qt,
		    terms->n);
		c->age = c->seq - idx->head;
	}
	free(qn);
	free(qt);
	*cand = idx->cand;
	return ncand;
}

int
story_index_expired(const struct story_index *idx,
    const struct story_cand *c)
{
	return c->r->t < idx->newest - idx->window &&
	    c->seq + 1 != idx->tail;
}
