/* The story index's memory count (story_index_mem) and its snapshot
 * (story_index_dump, story_index_undump): the daemon writes it at a
 * clean stop and reads it back at start (daemon/window_snap.c). */
#include "story_index_int.h"

#include <stdlib.h>
#include <string.h>

#include "story.h"
#include "util.h"

static void
story_map_mem(const struct story_index *idx, const struct story_map *m,
    struct story_mem *mem)
{
	uint32_t live = idx->tail - idx->head;

	mem->slots += m->size * sizeof(*m->slot) + (m->size ? 16 : 0);
	for (size_t i = 0; i < m->size; i++) {
		const struct story_post *p = &m->slot[i];
		const uint8_t *d;
		uint32_t k = p->off;

		if (p->key == 0)
			continue;
		mem->nkeys++;
		if (p->cap > 2) {
			mem->nlists++;
			mem->lists += ((size_t)p->cap * STORY_SEQ + 8 + 15) /
			    16 * 16;
		}
		d = story_cdata(p);
		while (k < p->n && story_rel(idx, d, k) >= live)
			k++;
		mem->postings += p->n - k;
		if (p->n - k <= STORY_POST_MAX)
			mem->rare += p->n - k;
	}
}

void
story_index_mem(const struct story_index *idx, struct story_mem *m)
{
	memset(m, 0, sizeof(*m));
	m->records = (size_t)idx->cap * (sizeof(struct story_rec) +
	    sizeof(struct story_aux)) + 32;
	m->keys = STORY_KCHUNKS * sizeof(*idx->kchunk);
	for (uint32_t i = 0; i < STORY_KCHUNKS; i++)
		if (idx->kchunk[i] != NULL)
			m->keys += STORY_KCHUNK + 16;
	story_map_mem(idx, &idx->terms, m);
	story_map_mem(idx, &idx->names, m);
}

/* The snapshot (story_index_dump): the counters, the live records (each
 * run of the ring followed by the same run of story_aux), their keys,
 * then each map: its counters, its slots as they are in memory and the
 * seqs of every list held outside its slot. The daemon writes it at a
 * clean stop and reads it back at start (daemon/window_snap.c). */
#define STORY_SNAP_MAGIC 0x33706e7379727473ull  /* "strysnp3" */
#define STORY_SNAP_MAX_CAP (1u << 26)  /* records: 64 million */

struct story_snap_head {
	uint64_t magic;
	uint64_t rec_size, post_size, kchunk;
	int64_t window, newest;
	uint32_t cap, head, tail, khead, ktail, pad;
};

struct story_snap_map {
	uint64_t size, used, cursor;
	uint32_t pass_head, clean;
	uint32_t nids, nfree;
};

/* Drops the departed seqs at the front of every list of m. */
static void
story_map_trim_all(const struct story_index *idx, struct story_map *m)
{
	for (size_t i = 0; i < m->size; i++)
		if (m->slot[i].key != 0)
			story_trim(idx, &m->slot[i]);
}

static int
story_dump_map(const struct story_map *m,
    int (*put)(void *ctx, const void *p, size_t n), void *ctx)
{
	struct story_snap_map h = {
		.size = m->size, .used = m->used, .cursor = m->cursor,
		.pass_head = m->pass_head, .clean = m->clean,
		.nids = m->nids, .nfree = (uint32_t)m->nfree,
	};
	int rc = put(ctx, &h, sizeof(h));

	if (rc == 0 && m->size > 0)
		rc = put(ctx, m->slot, m->size * sizeof(*m->slot));
	if (rc == 0 && m->nfree > 0)
		rc = put(ctx, m->free, m->nfree * sizeof(*m->free));
	for (size_t i = 0; rc == 0 && i < m->size; i++) {
		const struct story_post *p = &m->slot[i];
		uint32_t n = p->n - p->off;

		if (p->key == 0 || p->cap <= 2)
			continue;
		rc = put(ctx, &n, sizeof(n));
		if (rc == 0 && n > 0)
			rc = put(ctx, p->u.p + STORY_SEQ * (size_t)p->off,
			    STORY_SEQ * (size_t)n);
	}
	return rc;
}

int
story_index_dump(struct story_index *idx,
    int (*put)(void *ctx, const void *p, size_t n), void *ctx)
{
	struct story_snap_head h = {
		.magic = STORY_SNAP_MAGIC,
		.rec_size = sizeof(struct story_rec) +
		    sizeof(struct story_aux),
		.post_size = sizeof(struct story_post), .kchunk = STORY_KCHUNK,
		.window = idx->window, .newest = idx->newest, .cap = idx->cap,
		.head = idx->head, .tail = idx->tail, .khead = idx->khead,
		.ktail = idx->ktail,
	};
	int rc;

	story_map_trim_all(idx, &idx->terms);
	story_map_trim_all(idx, &idx->names);
	rc = put(ctx, &h, sizeof(h));
	for (uint32_t s = idx->head; rc == 0 && s != idx->tail;) {
		uint32_t at = s & (idx->cap - 1), run = idx->cap - at;

		if (run > idx->tail - s)
			run = idx->tail - s;
		rc = put(ctx, &idx->ring[at], run * sizeof(*idx->ring));
		if (rc == 0)
			rc = put(ctx, &idx->aux[at], run * sizeof(*idx->aux));
		s += run;
	}
	for (uint32_t k = idx->khead; rc == 0 && k != idx->ktail;) {
		uint32_t at = k & (STORY_KCHUNK - 1), run = STORY_KCHUNK - at;

		if (run > idx->ktail - k)
			run = idx->ktail - k;
		rc = put(ctx, &idx->kchunk[k >> STORY_KCHUNK_BITS][at], run);
		k += run;
	}
	if (rc == 0)
		rc = story_dump_map(&idx->terms, put, ctx);
	if (rc == 0)
		rc = story_dump_map(&idx->names, put, ctx);
	return rc;
}

/* Do the n ids of a run at at end by end (the next run's first byte)
 * and the end of at's chunk, each in five bytes or fewer? */
static int
story_run_ok(const struct story_index *idx, uint32_t at, uint32_t end,
    size_t n)
{
	uint32_t lim = end - at, room = STORY_KCHUNK -
	    (at & (STORY_KCHUNK - 1)), len = 0;
	const uint8_t *p;

	if (n == 0)
		return 1;
	if (lim > room)
		lim = room;
	p = story_key_at(idx, at);
	for (uint32_t k = 0; k < lim && n > 0; k++) {
		if (++len > 5)
			return 0;
		if (!(p[k] & 0x80)) {
			n--;
			len = 0;
		}
	}
	return n == 0;
}

/* The records of [head, tail) and their key runs, from khead to ktail,
 * each from its story_aux's at to the next one's. -1 if malformed. */
static int
story_undump_ring(struct story_index *idx, struct bounded_in *in)
{
	uint32_t at = idx->khead;

	for (uint32_t s = idx->head; s != idx->tail;) {
		uint32_t i = s & (idx->cap - 1), run = idx->cap - i;

		if (run > idx->tail - s)
			run = idx->tail - s;
		if (bounded_read(in, &idx->ring[i],
		    run * sizeof(*idx->ring)) ||
		    bounded_read(in, &idx->aux[i], run * sizeof(*idx->aux)))
			return -1;
		for (uint32_t k = 0; k < run; k++) {
			const struct story_rec *r = &idx->ring[i + k];
			const struct story_aux *x = &idx->aux[i + k];

			if ((s + k == idx->head ? x->at != at :
			    x->at - idx->khead < at - idx->khead) ||
			    x->at - idx->khead > idx->ktail - idx->khead ||
			    x->nn != (r->nnames < STORY_SIZE_MAX ? r->nnames :
			    STORY_SIZE_MAX) || x->nt != (r->nterms <
			    STORY_SIZE_MAX ? r->nterms : STORY_SIZE_MAX))
				return -1;
			at = x->at;
		}
		s += run;
	}
	for (uint32_t k = idx->khead; k != idx->ktail;) {
		uint32_t i = k & (STORY_KCHUNK - 1), run = STORY_KCHUNK - i;

		if (run > idx->ktail - k)
			run = idx->ktail - k;
		if (run > in->left ||
		    bounded_read(in, story_key_ref(idx, k), run) != 0)
			return -1;
		k += run;
	}
	for (uint32_t s = idx->head; s != idx->tail; s++) {
		const struct story_rec *r = story_rec_at(idx, s);
		uint32_t end = s + 1 == idx->tail ? idx->ktail :
		    story_aux_at(idx, s + 1)->at;

		if (!story_run_ok(idx, story_aux_at(idx, s)->at, end,
		    (size_t)r->nnames + r->nterms))
			return -1;
	}
	return 0;
}

/* Are the seqs of p's list live and ascending? */
static int
story_list_ok(const struct story_index *idx, const struct story_post *p)
{
	const uint8_t *d = story_cdata(p);
	uint32_t live = idx->tail - idx->head;

	for (uint32_t k = p->off; k < p->n; k++)
		if (story_rel(idx, d, k) >= live || (k > p->off &&
		    story_rel(idx, d, k) <= story_rel(idx, d, k - 1)))
			return 0;
	return 1;
}

/* The free ids of m (its slots read): every id below nids is a slot's
 * or free, once. -1 if not. */
static int
story_undump_ids(struct story_map *m, const struct story_snap_map *h,
    struct bounded_in *in)
{
	uint8_t *seen;
	int rc = 0;

	if (h->nfree > in->left / sizeof(*m->free) ||
	    (uint64_t)h->nfree + m->used != h->nids)
		return -1;
	if (h->nfree > 0) {
		m->free = xmalloc(h->nfree * sizeof(*m->free));
		m->capfree = m->nfree = h->nfree;
		if (bounded_read(in, m->free,
		    h->nfree * sizeof(*m->free)) != 0)
			return -1;
	}
	m->nids = h->nids;
	seen = xcalloc(h->nids / 8 + 1, 1);
	for (size_t i = 0; rc == 0 && i < m->size + m->nfree; i++) {
		uint32_t id;

		if (i < m->size && m->slot[i].key == 0)
			continue;
		id = i < m->size ? m->slot[i].id : m->free[i - m->size];
		if (id >= h->nids || (seen[id / 8] & (1u << (id % 8))))
			rc = -1;
		else
			seen[id / 8] |= (uint8_t)(1u << (id % 8));
	}
	free(seen);
	return rc;
}

/* A map: its slots, then the lists held outside them, each in an
 * allocation of its size. -1 if malformed (m is then freeable). */
static int
story_undump_map(const struct story_index *idx, struct story_map *m,
    struct bounded_in *in)
{
	struct story_snap_map h;
	size_t used = 0;

	if (bounded_read(in, &h, sizeof(h)) != 0 || (h.size & (h.size - 1)) ||
	    h.size > in->left / sizeof(*m->slot) ||
	    h.used * 10 > h.size * 7 || (h.size && h.cursor >= h.size))
		return -1;
	if (h.size == 0)
		return h.nids == 0 && h.nfree == 0 ? 0 : -1;
	m->slot = xmalloc(h.size * sizeof(*m->slot));
	m->size = h.size;
	m->cursor = h.cursor;
	m->pass_head = h.pass_head;
	m->clean = h.clean;
	if (bounded_read(in, m->slot, h.size * sizeof(*m->slot)) != 0) {
		memset(m->slot, 0, h.size * sizeof(*m->slot));
		return -1;
	}
	/* first make every slot freeable: lists outside their slots are
	 * read after */
	for (size_t i = 0; i < h.size; i++) {
		struct story_post *p = &m->slot[i];

		if (p->key == 0) {
			memset(p, 0, sizeof(*p));
			continue;
		}
		used++;
		if (p->cap > 2) {
			p->u.p = NULL;
			p->off = p->n = 0;
		} else if (p->off > p->n || p->n > 2) {
			p->off = p->n = 0;
			in->bad = 1;
		}
		p->cap = p->cap > 2 ? 3 : 2;
	}
	m->used = used;
	if (in->bad || used != h.used || story_undump_ids(m, &h, in) != 0)
		return -1;
	for (size_t i = 0; i < h.size; i++) {
		struct story_post *p = &m->slot[i];
		uint32_t n;

		if (p->key == 0)
			continue;
		if (p->cap > 2) {
			if (bounded_read(in, &n, sizeof(n)) != 0 ||
			    n > in->left / STORY_SEQ)
				return -1;
			p->cap = n > 3 ? n : 3;
			p->u.p = xmalloc(STORY_SEQ * (size_t)p->cap);
			if (bounded_read(in, p->u.p,
			    STORY_SEQ * (size_t)n) != 0)
				return -1;
			p->n = n;
		}
		if (!story_list_ok(idx, p))
			return -1;
	}
	return 0;
}

struct story_index *
story_index_undump(int (*get)(void *ctx, void *p, size_t n), void *ctx,
    uint64_t size)
{
	return story_index_undump_with(get, ctx, size, NULL);
}

struct story_index *
story_index_undump_with(int (*get)(void *ctx, void *p, size_t n),
    void *ctx, uint64_t size, const struct story_alloc *a)
{
	struct bounded_in in = { get, ctx, size, 0 };
	struct story_snap_head h;
	struct story_index *idx;

	if (bounded_read(&in, &h, sizeof(h)) != 0 ||
	    h.magic != STORY_SNAP_MAGIC ||
	    h.rec_size != sizeof(struct story_rec) +
	    sizeof(struct story_aux) ||
	    h.post_size != sizeof(struct story_post) ||
	    h.kchunk != STORY_KCHUNK || h.window <= 0 || h.cap < 64 ||
	    h.cap > STORY_SNAP_MAX_CAP || (h.cap & (h.cap - 1)) ||
	    h.tail - h.head > h.cap || h.tail - h.head > STORY_LIVE_MAX ||
	    h.ktail - h.khead >= UINT32_MAX - STORY_KCHUNK)
		return NULL;
	idx = story_index_new_with(h.window, a);
	story_ring_free(idx, idx->ring);
	story_ring_free(idx, idx->aux);
	idx->ring = story_ring_calloc(idx, h.cap, sizeof(*idx->ring));
	idx->aux = story_ring_calloc(idx, h.cap, sizeof(*idx->aux));
	idx->cap = h.cap;
	idx->newest = h.newest;
	idx->head = h.head;
	idx->tail = h.tail;
	idx->khead = h.khead;
	idx->ktail = h.ktail;
	if (story_undump_ring(idx, &in) != 0 ||
	    story_undump_map(idx, &idx->terms, &in) != 0 ||
	    story_undump_map(idx, &idx->names, &in) != 0 || in.left != 0) {
		story_index_free(idx);
		return NULL;
	}
	return idx;
}
