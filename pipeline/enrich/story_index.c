/* The story index in fixed-size records (issue 18).
 *
 * An entry is a 24-byte record (story_int.h) in a ring at its add number
 * (seq), and a 16-byte story_aux in a ring beside it. Its names and
 * terms are not kept as strings: to find the candidates, its seq is in
 * the posting list of the 64-bit hash of each (3 bytes; one map for
 * names, one for terms); and to count the keys it shares, each key's id
 * (kept in its map slot while the key has a live holder) is in its run
 * in a ring of bytes, delta-coded varints, about 2 bytes a key.
 *
 * A list keeps the newest STORY_POST_MAX + 1 seqs of its key only. As
 * the entries leave the window oldest first, the live holders of a key
 * are always its newest ones: a list whose kept seqs are all live has
 * more than STORY_POST_MAX holders (a common word, not used to find
 * candidates), and otherwise holds every live holder. So a list of a
 * common word costs 1.5 KB however common it is, and a list of one or two
 * seqs is held in its map slot.
 *
 * A query (story_index_candidates) walks the lists of its rare keys
 * and counts, for each entry found, the rare keys it shares, without
 * reading its record: its story_aux gives its size and a Bloom filter
 * of its keys, whence the most common keys it can share. story.c scores
 * the candidates in the order of the bound that gives, down to the best
 * found: a candidate's record and keys are read (story_index_settle:
 * the query's common keys merged with its keys) only when it could win.
 * In a window of 100,000 of bench_window's articles that is about 45 of
 * 1,500 candidates; the others cost a posting and a story_aux.
 *
 * What is exact and what is not: the candidates are those the strings
 * gave; the shared counts are exact (ids of 64-bit hashes); the bounds
 * are bounds, so the best is the best the strings gave.
 *
 * Expiry: entries older than the window behind the newest time seen
 * (or behind the `now` given to story_index_expire()) leave the ring from
 * the oldest; a cursor trims the fronts of the lists a few slots at every
 * add and frees the lists left empty. */
#include "story_index_int.h"

#include <stdlib.h>
#include <string.h>

#include "story.h"
#include "util.h"

static unsigned
story_tbit(uint64_t key)
{
	return (unsigned)(key >> 20) & 63;
}

static unsigned
story_nbit(uint64_t key)
{
	return (unsigned)(key >> 20) & 15;
}

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

static uint8_t *
story_data(struct story_post *p)
{
	return p->cap <= 2 ? p->u.in : p->u.p;
}


void
story_trim(const struct story_index *idx, struct story_post *p)
{
	uint8_t *d = story_data(p);
	uint32_t live = idx->tail - idx->head;

	while (p->off < p->n && story_rel(idx, d, p->off) >= live)
		p->off++;
	if (p->off == 0 || (p->off < p->n && p->off < p->n / 4))
		return;
	memmove(d, d + STORY_SEQ * (size_t)p->off,
	    STORY_SEQ * (size_t)(p->n - p->off));
	p->n -= p->off;
	p->off = 0;
	if (p->cap > 2 && p->n <= 2) {
		uint8_t *heap = p->u.p;

		memcpy(p->u.in, heap, STORY_SEQ * (size_t)p->n);
		free(heap);
		p->cap = 2;
	} else if (p->cap > 8 && p->n < p->cap / 2) {
		p->cap = p->n + p->n / 4 + 1;
		p->u.p = xrealloc(p->u.p, STORY_SEQ * (size_t)p->cap);
	}
}

static void
story_post_push(struct story_post *p, uint32_t seq)
{
	if (p->n - p->off > STORY_POST_MAX) {
		/* only the newest STORY_POST_MAX + 1 are kept */
		p->off++;
		if (p->off >= p->n / 8) {
			uint8_t *d = story_data(p);

			memmove(d, d + STORY_SEQ * (size_t)p->off,
			    STORY_SEQ * (size_t)(p->n - p->off));
			p->n -= p->off;
			p->off = 0;
		}
	}
	if (p->n == p->cap) {
		/* 8 seqs fill malloc's smallest chunk */
		uint32_t cap = p->cap <= 2 ? 8 : p->cap + p->cap / 4 + 1;

		if (p->cap <= 2) {
			uint8_t *heap = xmalloc(STORY_SEQ * (size_t)cap);

			memcpy(heap, p->u.in, STORY_SEQ * (size_t)p->n);
			p->u.p = heap;
		} else {
			p->u.p = xrealloc(p->u.p, STORY_SEQ * (size_t)cap);
		}
		p->cap = cap;
	}
	{
		uint8_t *q = story_data(p) + STORY_SEQ * (size_t)p->n++;

		q[0] = (uint8_t)seq;
		q[1] = (uint8_t)(seq >> 8);
		q[2] = (uint8_t)(seq >> 16);
	}
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
	free(m->free);
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

/* Adds seq to the list of key; returns the key's id. */
static uint32_t
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
		m->slot[i].id = m->nfree > 0 ? m->free[--m->nfree] :
		    m->nids++;
		m->used++;
	}
	story_post_push(&m->slot[i], seq);
	return m->slot[i].id;
}

static void
story_id_free(struct story_map *m, uint32_t id)
{
	if (m->nfree == m->capfree) {
		m->capfree = m->capfree ? 2 * m->capfree : 256;
		m->free = xrealloc(m->free, m->capfree * sizeof(*m->free));
	}
	m->free[m->nfree++] = id;
}

/* Empties slot i, shifting back the slots after it that probed past
 * it. */
static void
story_map_del(struct story_map *m, size_t i)
{
	size_t mask = m->size - 1, j = i;

	story_id_free(m, m->slot[i].id);
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
	/* a pass within 2^21 adds whatever the map's size: a departed seq
	 * is trimmed long before its 24 bits could pass for live ones */
	budget += m->size >> 21;
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
	return story_index_new_with(window_secs, NULL);
}

struct story_index *
story_index_new_with(int64_t window_secs, const struct story_alloc *a)
{
	struct story_index *idx = xcalloc(1, sizeof(*idx));

	if (a != NULL)
		idx->alloc = *a;
	idx->window = window_secs > 0 ? window_secs : STORY_DEFAULT_WINDOW;
	idx->newest = INT64_MIN;
	idx->cap = 64;
	idx->ring = story_ring_calloc(idx, idx->cap, sizeof(*idx->ring));
	idx->aux = story_ring_calloc(idx, idx->cap, sizeof(*idx->aux));
	idx->kchunk = xcalloc(STORY_KCHUNKS, sizeof(*idx->kchunk));
	idx->lone_max = STORY_LONE_MAX;
	idx->scan_max = STORY_SCAN_MAX;
	return idx;
}

void
story_index_free(struct story_index *idx)
{
	if (idx == NULL)
		return;
	story_ring_free(idx, idx->ring);
	for (uint32_t i = 0; i < STORY_KCHUNKS; i++)
		free(idx->kchunk[i]);
	free(idx->kchunk);
	free(idx->ids);
	free(idx->run);
	story_map_free(&idx->terms);
	story_map_free(&idx->names);
	free(idx->cand);
	story_ring_free(idx, idx->aux);
	free(idx->accseq);
	free(idx->accpos);
	free(idx->qk);
	free(idx->qnbits);
	free(idx->qtbits);
	story_keys_free(&idx->qcn);
	story_keys_free(&idx->qct);
	free(idx);
}

size_t
story_index_size(const struct story_index *idx)
{
	return idx->tail - idx->head;
}

void
story_index_set_bounds(struct story_index *idx, size_t lone, size_t scan)
{
	idx->lone_max = lone;
	idx->scan_max = scan;
}

size_t
story_index_scan_max(const struct story_index *idx)
{
	return idx->scan_max;
}

void
story_index_stats(const struct story_index *idx, struct story_stats *st)
{
	*st = idx->stats;
}

int64_t
story_index_window(const struct story_index *idx)
{
	return idx->window;
}

void *
story_ring_calloc(struct story_index *idx, size_t n, size_t size)
{
	if (idx->alloc.alloc == NULL)
		return xcalloc(n, size);
	return idx->alloc.alloc(n, size, idx->alloc.arg);
}

void
story_ring_free(struct story_index *idx, void *p)
{
	if (idx->alloc.release == NULL)
		free(p);
	else
		idx->alloc.release(p, idx->alloc.arg);
}

/* Re-homes the ring's records in a ring of cap records. */
static void
story_ring_resize(struct story_index *idx, uint32_t cap)
{
	struct story_rec *r = story_ring_calloc(idx, cap, sizeof(*r));
	struct story_aux *z = story_ring_calloc(idx, cap, sizeof(*z));

	for (uint32_t s = idx->head; s != idx->tail; s++) {
		r[s & (cap - 1)] = *story_rec_at(idx, s);
		z[s & (cap - 1)] = *story_aux_at(idx, s);
	}
	story_ring_free(idx, idx->ring);
	story_ring_free(idx, idx->aux);
	idx->ring = r;
	idx->aux = z;
	idx->cap = cap;
}


uint8_t *
story_key_ref(struct story_index *idx, uint32_t i)
{
	uint8_t **c = &idx->kchunk[i >> STORY_KCHUNK_BITS];

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
	    (story_rec_at(idx, idx->head)->t < cut ||
	    idx->tail - idx->head >= STORY_LIVE_MAX)) {
		idx->head++;
		story_keys_drop(idx, story_aux_at(idx, idx->head)->at);
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

static int
story_cmp32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

/* Writes the n ids (distinct) ascending at p as a run; returns its
 * end. */
static uint8_t *
story_run_put(uint8_t *p, uint32_t *ids, size_t n)
{
	uint32_t prev = UINT32_MAX;

	if (n > 1)
		qsort(ids, n, sizeof(*ids), story_cmp32);
	for (size_t i = 0; i < n; i++) {
		uint32_t d = ids[i] - prev - 1;

		while (d >= 0x80) {
			*p++ = (uint8_t)(d | 0x80);
			d >>= 7;
		}
		*p++ = (uint8_t)d;
		prev = ids[i];
	}
	return p;
}

/* The next id of a run at *p after prev (UINT32_MAX for the first). */
static uint32_t
story_run_next(const uint8_t **p, uint32_t prev)
{
	const uint8_t *q = *p;
	uint32_t d = *q & 0x7f;

	for (int s = 7; *q++ & 0x80; s += 7)
		d |= (uint32_t)(*q & 0x7f) << s;
	*p = q;
	return prev + 1 + d;
}

/* Skips n ids of a run. */
static const uint8_t *
story_run_skip(const uint8_t *p, size_t n)
{
	while (n > 0)
		n -= (*p++ & 0x80) == 0;
	return p;
}

/* Files the ids of names and terms (idx->ids) as one run at the tail of
 * the key runs; its first byte into *at. */
static void
story_run_append(struct story_index *idx, size_t nn, size_t nt,
    uint32_t *at)
{
	uint8_t *end = story_run_put(idx->run, idx->ids, nn);
	size_t len;

	end = story_run_put(end, idx->ids + nn, nt);
	len = (size_t)(end - idx->run);
	if ((idx->ktail & (STORY_KCHUNK - 1)) + len > STORY_KCHUNK) {
		/* to the next chunk, the end of this one zeroed */
		uint32_t left = STORY_KCHUNK -
		    (idx->ktail & (STORY_KCHUNK - 1));

		memset(story_key_ref(idx, idx->ktail), 0, left);
		idx->ktail += left;
	}
	*at = idx->ktail;
	if (len > 0)
		memcpy(story_key_ref(idx, idx->ktail), idx->run, len);
	idx->ktail += (uint32_t)len;
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
	struct story_aux *x;
	uint32_t seq;
	size_t i, nn, nt;

	if (t > idx->newest)
		idx->newest = t;
	story_pop_old(idx, idx->newest, 8);
	if (idx->tail - idx->head == idx->cap)
		story_ring_resize(idx, 2 * idx->cap);
	nn = names->n < UINT16_MAX ? names->n : UINT16_MAX;
	nt = terms->n < UINT16_MAX ? terms->n : UINT16_MAX;
	if (idx->ktail - idx->khead + STORY_RUN_MAX(nn + nt) >=
	    UINT32_MAX - 2 * STORY_KCHUNK)
		return;  /* four billion bytes of keys: cannot be a window */
	if (nn + nt > idx->capids) {
		idx->capids = nn + nt;
		idx->ids = xrealloc(idx->ids, (nn + nt) * sizeof(*idx->ids));
		idx->run = xrealloc(idx->run, STORY_RUN_MAX(nn + nt));
	}
	seq = idx->tail++;
	r = story_rec_at(idx, seq);
	memset(r, 0, sizeof(*r));
	r->t = t;
	r->story = story;
	r->md = (int16_t)md;
	r->nterms = (uint16_t)nt;
	r->nnames = (uint16_t)nn;
	x = story_aux_at(idx, seq);
	memset(x, 0, sizeof(*x));
	x->nn = (uint8_t)(nn < STORY_SIZE_MAX ? nn : STORY_SIZE_MAX);
	x->nt = (uint8_t)(nt < STORY_SIZE_MAX ? nt : STORY_SIZE_MAX);
	for (i = 0; i < nn; i++)
		x->nbloom |= (uint16_t)(1u << story_nbit(names->v[i]));
	for (i = 0; i < nt; i++)
		x->tbloom |= (uint64_t)1 << story_tbit(terms->v[i]);
	story_map_prefetch(&idx->names, names);
	story_map_prefetch(&idx->terms, terms);
	for (i = 0; i < nn; i++)
		idx->ids[i] = story_map_add(&idx->names, names->v[i], seq);
	for (i = 0; i < nt; i++)
		idx->ids[nn + i] = story_map_add(&idx->terms, terms->v[i],
		    seq);
	story_run_append(idx, nn, nt, &x->at);
	if (idx->head == seq)
		story_keys_drop(idx, x->at);
	story_map_sweep(idx, &idx->terms, 2 * nt + 8);
	story_map_sweep(idx, &idx->names, 2 * nn + 8);
}

/* Looks up the query's keys of m: those with a live holder into
 * idx->qk, their lists trimmed. */
static void
story_query_keys(struct story_index *idx, struct story_map *m,
    const struct story_keys *keys, int terms)
{
	/* the slots, then the lists, are scattered over more than the
	 * caches hold: asked for all at once */
	story_map_prefetch(m, keys);
	for (size_t i = 0; i < keys->n; i++) {
		struct story_post *p = story_map_get(m, keys->v[i]);

		if (p != NULL)
			__builtin_prefetch(story_data(p) +
			    STORY_SEQ * (size_t)p->off);
	}
	for (size_t i = 0; i < keys->n; i++) {
		struct story_post *p = story_map_get(m, keys->v[i]);
		struct story_qkey *q;

		if (p == NULL)
			continue;
		story_trim(idx, p);
		if (p->n == p->off)
			continue;
		if (idx->nqk == idx->capqk) {
			idx->capqk = idx->capqk ? 2 * idx->capqk : 64;
			idx->qk = xrealloc(idx->qk, idx->capqk *
			    sizeof(*idx->qk));
		}
		q = &idx->qk[idx->nqk++];
		q->p = p;
		q->key = keys->v[i];
		q->len = p->n - p->off;
		q->terms = (uint8_t)terms;
		q->walk = 0;
	}
}

static int
story_qkey_cmp(const void *a, const void *b)
{
	const struct story_qkey *x = a, *y = b;

	if (x->len != y->len)
		return (x->len > y->len) - (x->len < y->len);
	/* of equal lengths, names first, then by key: an order that does
	 * not depend on the map's layout */
	if (x->terms != y->terms)
		return (x->terms > y->terms) - (x->terms < y->terms);
	return (x->key > y->key) - (x->key < y->key);
}

static void
story_common_push(struct story_keys *common, uint32_t id)
{
	if (common->n == common->cap) {
		common->cap = common->cap ? 2 * common->cap : 32;
		common->v = xrealloc(common->v, common->cap *
		    sizeof(*common->v));
	}
	common->v[common->n++] = id;
}

/* Sorts the query's keys, shortest list first, and marks the rare
 * ones walked; the common ones' ids go into qcn and qct, their bits
 * into the Bloom counts. Returns the seqs to walk. */
static size_t
story_choose(struct story_index *idx)
{
	size_t sum = 0;

	if (idx->nqk > 1)
		qsort(idx->qk, idx->nqk, sizeof(*idx->qk), story_qkey_cmp);
	for (size_t i = 0; i < idx->nqk; i++) {
		struct story_qkey *q = &idx->qk[i];

		if (q->len <= STORY_POST_MAX) {
			q->walk = 1;
			sum += q->len;
		} else if (q->terms) {
			story_common_push(&idx->qct, q->p->id);
			idx->qtbit[story_tbit(q->key)]++;
			idx->qtmask |= (uint64_t)1 << story_tbit(q->key);
		} else {
			story_common_push(&idx->qcn, q->p->id);
			idx->qnbit[story_nbit(q->key)]++;
			idx->qnmask |= (uint16_t)(1u << story_nbit(q->key));
		}
	}
	return sum;
}

/* How many of the query's keys have the bits of mask, by the numbers
 * of keys (bit) a bit. */
static uint16_t
story_bits(uint64_t mask, const uint8_t *bit)
{
	uint16_t n = 0;

	while (mask != 0) {
		n = (uint16_t)(n + bit[__builtin_ctzll(mask)]);
		mask &= mask - 1;
	}
	return n;
}

/* Completes c (its seq, sn and st counted) from its story_aux. */
static void
story_cand_init(const struct story_index *idx, struct story_cand *c)
{
	const struct story_aux *x = story_aux_at(idx, c->seq);

	c->age = c->seq - idx->head;
	c->nn = x->nn;
	c->nt = x->nt;
	c->cn = story_bits(x->nbloom & idx->qnmask, idx->qnbit);
	c->ct = story_bits(x->tbloom & idx->qtmask, idx->qtbit);
	c->r = NULL;
}

/* Counts, for each entry in the list of q (newest first), the key it
 * shares (in sn, or st for a term), listing it as a candidate the first
 * time. */
static void
story_walk(struct story_index *idx, const struct story_qkey *q,
    size_t *ncand)
{
	size_t mask = idx->accsize - 1;
	const struct story_post *p = q->p;
	const uint8_t *d = story_data((struct story_post *)p);

	for (uint32_t k = p->n; k-- > p->off; ) {
		uint32_t seq = story_seq(idx, d, k);
		size_t h = (seq * 0x9e3779b1u) & mask;
		struct story_cand *c;

		while (idx->accpos[h] != UINT32_MAX &&
		    idx->accseq[h] != seq)
			h = (h + 1) & mask;
		if (idx->accpos[h] == UINT32_MAX) {
			idx->accseq[h] = seq;
			idx->accpos[h] = (uint32_t)*ncand;
			c = &idx->cand[(*ncand)++];
			c->seq = seq;
			c->sn = c->st = 0;
		} else {
			c = &idx->cand[idx->accpos[h]];
		}
		if (q->terms)
			c->st++;
		else
			c->sn++;
	}
}

/* How far ahead the candidates' story_aux are asked for: a read is a
 * miss at a million articles (16 MB of them), and the loop does little
 * else, so many are asked for at once. */
#define STORY_AUX_AHEAD 48

/* Keeps of the n candidates those sharing two rare keys or more with
 * the query and, with a bound (idx->lone_max), the first lone_max of
 * those sharing one (found first: through the shortest lists, newest
 * first), and reads their story_aux. Returns how many are kept. */
static size_t
story_keep(struct story_index *idx, size_t n)
{
	struct story_cand *cand = idx->cand;
	size_t kept = 0, lone = 0;

	for (size_t i = 0; i < n; i++) {
		if (idx->lone_max > 0 && cand[i].sn + cand[i].st < 2 &&
		    lone++ >= idx->lone_max)
			continue;
		cand[kept++] = cand[i];
	}
	for (size_t i = 0; i < kept; i++) {
		if (i + STORY_AUX_AHEAD < kept)
			__builtin_prefetch(story_aux_at(idx,
			    cand[i + STORY_AUX_AHEAD].seq));
		story_cand_init(idx, &cand[i]);
	}
	return kept;
}

/* Marks the ids of k in the bitmap *bits of *nw words (grown to hold
 * ids below nids), or unmarks them if !on. */
static void
story_qbits(uint64_t **bits, size_t *nw, uint32_t nids,
    const struct story_keys *k, int on)
{
	if (on && (size_t)nids / 64 + 1 > *nw) {
		size_t w = (size_t)nids / 64 + 1;

		w += w / 4;
		*bits = xrealloc(*bits, w * sizeof(**bits));
		memset(*bits + *nw, 0, (w - *nw) * sizeof(**bits));
		*nw = w;
	}
	for (size_t i = 0; i < k->n; i++) {
		uint64_t b = (uint64_t)1 << (k->v[i] & 63);

		if (on)
			(*bits)[k->v[i] / 64] |= b;
		else
			(*bits)[k->v[i] / 64] &= ~b;
	}
}

size_t
story_index_candidates(struct story_index *idx,
    const struct story_keys *names, const struct story_keys *terms,
    struct story_cand **cand)
{
	size_t ncand = 0, sum, size = 64;

	/* the last query's common keys leave the bitmaps */
	story_qbits(&idx->qnbits, &idx->qnw, 0, &idx->qcn, 0);
	story_qbits(&idx->qtbits, &idx->qtw, 0, &idx->qct, 0);
	idx->qcn.n = idx->qct.n = 0;
	idx->nqk = 0;
	memset(idx->qnbit, 0, sizeof(idx->qnbit));
	memset(idx->qtbit, 0, sizeof(idx->qtbit));
	idx->qnmask = 0;
	idx->qtmask = 0;
	story_query_keys(idx, &idx->terms, terms, 1);
	story_query_keys(idx, &idx->names, names, 0);
	sum = story_choose(idx);
	story_qbits(&idx->qnbits, &idx->qnw, idx->names.nids, &idx->qcn, 1);
	story_qbits(&idx->qtbits, &idx->qtw, idx->terms.nids, &idx->qct, 1);
	while (size < 2 * sum)
		size *= 2;
	if (size > idx->accsize) {
		idx->accsize = size;
		free(idx->accseq);
		free(idx->accpos);
		idx->accseq = xmalloc(size * sizeof(*idx->accseq));
		idx->accpos = xmalloc(size * sizeof(*idx->accpos));
	}
	memset(idx->accpos, 0xff, idx->accsize * sizeof(*idx->accpos));
	if (sum > idx->capcand) {
		idx->capcand = sum;
		free(idx->cand);
		idx->cand = xmalloc(sum * sizeof(*idx->cand));
	}
	for (size_t i = 0; i < idx->nqk; i++)
		if (idx->qk[i].walk)
			story_walk(idx, &idx->qk[i], &ncand);
	idx->stats.queries++;
	idx->stats.keys += idx->nqk;
	idx->stats.walked += sum;
	idx->stats.cands += ncand;
	ncand = story_keep(idx, ncand);
	idx->stats.read += ncand;
	*cand = idx->cand;
	return ncand;
}

/* How many of the n ids of the run at *p are marked in bits; *p is
 * moved past them. */
static uint32_t
story_shared(const uint8_t **p, size_t n, const uint64_t *bits)
{
	uint32_t c = 0, x = UINT32_MAX;

	for (size_t i = 0; i < n; i++) {
		x = story_run_next(p, x);
		c += (uint32_t)(bits[x / 64] >> (x & 63)) & 1;
	}
	return c;
}

void
story_index_prefetch(const struct story_index *idx,
    const struct story_cand *c, int stage)
{
	const struct story_aux *x = story_aux_at(idx, c->seq);
	const uint8_t *p;
	uint32_t n = 2 * ((uint32_t)c->nn + c->nt);

	if (stage == 0) {
		__builtin_prefetch(story_rec_at(idx, c->seq));
		return;
	}
	/* about two bytes a key; a run does not cross its chunk's end */
	p = idx->kchunk[x->at >> STORY_KCHUNK_BITS];
	if (p == NULL)
		return;
	p += x->at & (STORY_KCHUNK - 1);
	if (n > STORY_KCHUNK - (x->at & (STORY_KCHUNK - 1)))
		n = STORY_KCHUNK - (x->at & (STORY_KCHUNK - 1));
	for (uint32_t k = 0; k < n; k += 64)
		__builtin_prefetch(p + k);
}

void
story_index_settle(struct story_index *idx, struct story_cand *c)
{
	struct story_rec *r = story_rec_at(idx, c->seq);
	const uint8_t *p;

	c->r = r;
	idx->stats.scored++;
	if (r->nnames + r->nterms == 0)
		return;   /* its chunk may not be there */
	p = story_key_at(idx, story_aux_at(idx, c->seq)->at);
	if (c->cn > 0)
		c->sn = (uint16_t)(c->sn +
		    story_shared(&p, r->nnames, idx->qnbits));
	else
		p = story_run_skip(p, r->nnames);
	if (c->ct > 0)
		c->st = (uint16_t)(c->st +
		    story_shared(&p, r->nterms, idx->qtbits));
}

int
story_index_expired(const struct story_index *idx,
    const struct story_cand *c)
{
	return c->r->t < idx->newest - idx->window &&
	    c->seq + 1 != idx->tail;
}

