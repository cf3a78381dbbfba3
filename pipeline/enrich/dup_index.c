/* The duplicate index in fixed-size records (issue 18); see dup.h for the
 * rule it applies.
 *
 * Layout. An entry is a 48-byte record in a ring, at the position of its
 * add number (seq) modulo DUP_RING; the ring is allocated in chunks of
 * DUP_CHUNK records as it fills and freed as the window leaves them. The
 * samples are not kept with the entry: each is a 5-byte posting, filed in
 * one of DUP_SHARDS shards by the top 16 bits of its hash and holding the
 * next DUP_FP_BITS bits of the hash and the entry's ring position. A
 * shard is kept sorted (lazily: appends go to an unsorted tail, sorted
 * into place when a query reads the shard), so a sample is found by a
 * binary search whose length grows with log(articles) only.
 *
 * Why the results are those of the full prints. The samples a query
 * shares with an entry are counted from the postings, restricted to those
 * at or under the entry's limit: that is the containment's numerator,
 * exactly (up to a posting whose 34 hash bits match a sample it is not:
 * about one query sample in 300 at a million articles, landing on a
 * random entry, which would need two such on one entry to matter). The
 * denominator, the shorter print's samples under the lower of the two
 * limits, is the query's own count when the query is the shorter, and the
 * entry's sample count when its limit is the lower; the one case left,
 * an entry shorter than the query whose print was cut at DUP_MAX_SAMPLES
 * further than the query's (the query holds more than 2,000 shingles), is
 * estimated from the entry's count and limit, as the samples are uniform
 * hashes. No print in ../shared reaches that case.
 *
 * Expiry. Entries leave from the oldest: an entry whose time is further
 * than the window behind the newest time seen (or behind the `now` given
 * to dup_index_expire()) is dropped from the ring; its postings are swept
 * out of the shards by a cursor that visits a few shards on every add and
 * every dup_index_expire() call. A ring position is reused only after a
 * full pass of the cursor has removed the postings of the entry that held
 * it before (dup_index_add() forces that pass if the window holds close
 * to DUP_RING articles, about four million). */
#include "dup.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "enrich.h"
#include "enrich_int.h"

#define DUP_REF_BITS 22
#define DUP_RING (1u << DUP_REF_BITS)
#define DUP_REF_MASK (DUP_RING - 1)
#define DUP_FP_BITS 18
#define DUP_SHARD_BITS 16
#define DUP_SHARDS (1u << DUP_SHARD_BITS)
#define DUP_ELEM 5            /* bytes per posting */
#define DUP_CHUNK_BITS 12
#define DUP_CHUNK (1u << DUP_CHUNK_BITS)
#define DUP_CHUNKS (DUP_RING / DUP_CHUNK)

enum {
	DUP_ID_STR = 1,       /* id.str holds the id; else id.bin */
	DUP_COUNT_SHIFT = 4,  /* flags >> this: a query's scratch count */
};

struct dup_rec {
	uint64_t simhash;
	uint64_t limit;
	int64_t t;
	union {
		uint8_t bin[16];  /* "nw1-" and 32 hex digits, packed */
		char *str;        /* any other id */
	} id;
	uint32_t shingles;
	uint16_t n;
	uint16_t flags;       /* DUP_ID_STR, and above DUP_COUNT_SHIFT the
	                         samples a query shares (at most 256) */
};

_Static_assert(sizeof(struct dup_rec) == 48, "a record is 48 bytes");

struct dup_shard {
	uint8_t *p;           /* n postings of DUP_ELEM bytes */
	uint32_t n, cap;
	uint32_t sorted;      /* p[0, sorted) is in order */
};

struct dup_index {
	int64_t window;
	int64_t newest;
	uint64_t head, tail;  /* live seqs: [head, tail) */
	uint64_t clean;       /* seqs below have no postings left */
	uint64_t pass_head;   /* head when the sweep's pass began */
	size_t cursor;        /* the sweep's next shard */
	struct dup_rec *chunk[DUP_CHUNKS];
	struct dup_shard *shard;
	uint32_t *touched;
	size_t cap_touched;
	/* a load's postings, shard << 40 | posting, not yet in the shards:
	 * dup_index_add_packed() appends here, dup_index_settle() files
	 * them all at once, in exact-sized shards */
	uint64_t *stage;
	size_t nstage, capstage;
	char idbuf[40];
};

static uint64_t
dup_get(const uint8_t *p)
{
	return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 |
	    (uint64_t)p[3] << 24 | (uint64_t)p[4] << 32;
}

static void
dup_put(uint8_t *p, uint64_t v)
{
	for (int i = 0; i < DUP_ELEM; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static struct dup_shard *
dup_shard_of(struct dup_index *idx, uint64_t h)
{
	return &idx->shard[h >> (64 - DUP_SHARD_BITS)];
}

/* The posting's fingerprint: the hash bits after the shard's. */
static uint64_t
dup_fp(uint64_t h)
{
	return (h >> (64 - DUP_SHARD_BITS - DUP_FP_BITS)) &
	    ((1u << DUP_FP_BITS) - 1);
}

static struct dup_rec *
dup_rec_at(const struct dup_index *idx, uint32_t ref)
{
	return &idx->chunk[ref >> DUP_CHUNK_BITS][ref & (DUP_CHUNK - 1)];
}

/* Is ring position ref held by a live entry? */
static int
dup_live(const struct dup_index *idx, uint32_t ref)
{
	return ((ref - idx->head) & DUP_REF_MASK) < idx->tail - idx->head;
}

/* Sorts n postings of 40-bit values. */
static void
dup_sort40(uint8_t *p, size_t n)
{
	uint64_t *v = xmalloc(n * sizeof(*v)), *w = xmalloc(n * sizeof(*w));
	uint64_t *sorted;

	for (size_t i = 0; i < n; i++)
		v[i] = dup_get(p + DUP_ELEM * i);
	sorted = dup_radix_sort(v, w, n, 40);
	for (size_t i = 0; i < n; i++)
		dup_put(p + DUP_ELEM * i, sorted[i]);
	free(v);
	free(w);
}

/* Puts the unsorted tail of s in order: one by one when short (the
 * usual case on the loop, an add files one posting in a shard now and
 * then), all at once after a load. */
static void
dup_settle(struct dup_shard *s)
{
	if (s->sorted == s->n)
		return;
	if (s->n - s->sorted > 16) {
		dup_sort40(s->p, s->n);
		s->sorted = s->n;
		return;
	}
	for (; s->sorted < s->n; s->sorted++) {
		uint8_t *p = s->p;
		uint64_t v = dup_get(p + DUP_ELEM * s->sorted);
		uint32_t lo = 0, hi = s->sorted;

		while (lo < hi) {
			uint32_t mid = lo + (hi - lo) / 2;

			if (dup_get(p + DUP_ELEM * mid) <= v)
				lo = mid + 1;
			else
				hi = mid;
		}
		memmove(p + DUP_ELEM * (lo + 1), p + DUP_ELEM * lo,
		    DUP_ELEM * (size_t)(s->sorted - lo));
		dup_put(p + DUP_ELEM * lo, v);
	}
}

static void
dup_shard_push(struct dup_shard *s, uint64_t v)
{
	if (s->n == s->cap) {
		/* an eighth more: a shard's slack is a posting's bytes */
		s->cap = s->cap < 4 ? 4 : s->cap + s->cap / 8 + 4;
		s->p = xrealloc(s->p, (size_t)s->cap * DUP_ELEM);
	}
	dup_put(s->p + DUP_ELEM * (size_t)s->n++, v);
}

/* Removes the postings of entries no longer live from s. */
static void
dup_shard_sweep(struct dup_index *idx, struct dup_shard *s)
{
	uint32_t i, m = 0, sorted = 0;

	for (i = 0; i < s->n; i++) {
		uint64_t v = dup_get(s->p + DUP_ELEM * i);

		if (!dup_live(idx, (uint32_t)(v & DUP_REF_MASK)))
			continue;
		if (i < s->sorted)
			sorted++;
		if (m != i)
			dup_put(s->p + DUP_ELEM * m, v);
		m++;
	}
	s->n = m;
	s->sorted = sorted;
	if (s->cap > 16 && s->n < s->cap - s->cap / 4) {
		s->cap = s->n < 4 ? 4 : s->n + s->n / 8 + 4;
		s->p = xrealloc(s->p, (size_t)s->cap * DUP_ELEM);
	} else if (s->n == 0) {
		free(s->p);
		s->p = NULL;
		s->cap = 0;
	}
}

/* Sweeps shards from the cursor until about budget postings were read
 * (one at least). A full pass frees the ring positions of the entries
 * that had left before it began. */
static void
dup_sweep(struct dup_index *idx, size_t budget)
{
	size_t done = 0;

	do {
		struct dup_shard *s = &idx->shard[idx->cursor];

		done += s->n + 1;
		if (s->n > 0)
			dup_shard_sweep(idx, s);
		if (++idx->cursor == DUP_SHARDS) {
			idx->cursor = 0;
			idx->clean = idx->pass_head;
			idx->pass_head = idx->head;
		}
	} while (done < budget);
}

static void
dup_rec_release(struct dup_rec *r)
{
	if (r->flags & DUP_ID_STR)
		free(r->id.str);
	r->flags = 0;
}

/* Drops the oldest entry; frees its chunk once the last of it left. */
static void
dup_pop(struct dup_index *idx)
{
	uint32_t ref = (uint32_t)(idx->head & DUP_REF_MASK);

	dup_rec_release(dup_rec_at(idx, ref));
	idx->head++;
	if ((idx->head & (DUP_CHUNK - 1)) == 0 || idx->head == idx->tail) {
		uint32_t c = ref >> DUP_CHUNK_BITS;

		/* the chunk is empty when the head left it and the tail is
		 * not in it */
		if (((idx->head & DUP_REF_MASK) >> DUP_CHUNK_BITS) != c &&
		    ((idx->tail & DUP_REF_MASK) >> DUP_CHUNK_BITS) != c) {
			free(idx->chunk[c]);
			idx->chunk[c] = NULL;
		}
	}
}

/* Drops the entries at the head older than the window behind newest, at
 * most budget of them. */
static void
dup_pop_old(struct dup_index *idx, int64_t newest, size_t budget)
{
	int64_t cut = newest - idx->window;

	while (budget-- > 0 && idx->head < idx->tail &&
	    dup_rec_at(idx, (uint32_t)(idx->head & DUP_REF_MASK))->t < cut)
		dup_pop(idx);
}

static void dup_unstage(struct dup_index *idx);

struct dup_index *
dup_index_new(int64_t window_secs)
{
	struct dup_index *idx = xcalloc(1, sizeof(*idx));

	idx->window = window_secs > 0 ? window_secs : DUP_DEFAULT_WINDOW;
	idx->newest = INT64_MIN;
	idx->shard = xcalloc(DUP_SHARDS, sizeof(*idx->shard));
	return idx;
}

void
dup_index_free(struct dup_index *idx)
{
	if (idx == NULL)
		return;
	while (idx->head < idx->tail)
		dup_pop(idx);
	for (size_t i = 0; i < DUP_CHUNKS; i++)
		free(idx->chunk[i]);
	for (size_t i = 0; i < DUP_SHARDS; i++)
		free(idx->shard[i].p);
	free(idx->shard);
	free(idx->touched);
	free(idx->stage);
	free(idx);
}

static int
dup_unhex(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Packs "nw1-" and 32 lower-case hex digits into bin; -1 if id is not
 * of that form. */
static int
dup_pack_id(const char *id, uint8_t bin[16])
{
	if (strncmp(id, "nw1-", 4) != 0 || strlen(id) != 36)
		return -1;
	for (int i = 0; i < 16; i++) {
		int hi = dup_unhex((unsigned char)id[4 + 2 * i]);
		int lo = dup_unhex((unsigned char)id[5 + 2 * i]);

		if (hi < 0 || lo < 0)
			return -1;
		bin[i] = (uint8_t)(hi << 4 | lo);
	}
	return 0;
}

static const char *
dup_id(struct dup_index *idx, const struct dup_rec *r)
{
	static const char hex[] = "0123456789abcdef";

	if (r->flags & DUP_ID_STR)
		return r->id.str;
	memcpy(idx->idbuf, "nw1-", 4);
	for (int i = 0; i < 16; i++) {
		idx->idbuf[4 + 2 * i] = hex[r->id.bin[i] >> 4];
		idx->idbuf[5 + 2 * i] = hex[r->id.bin[i] & 0xf];
	}
	idx->idbuf[36] = '\0';
	return idx->idbuf;
}

/* Makes ring position of seq tail free: its last holder gone and its
 * postings swept. Only when the window holds about DUP_RING entries. */
static void
dup_make_room(struct dup_index *idx)
{
	if (idx->tail < DUP_RING || idx->tail - DUP_RING < idx->clean)
		return;
	dup_unstage(idx);
	while (idx->head <= idx->tail - DUP_RING)
		dup_pop(idx);
	/* two passes: the first may have begun before the pops */
	idx->cursor = 0;
	idx->pass_head = idx->head;
	dup_sweep(idx, SIZE_MAX / 2);
}

static void
dup_index_put(struct dup_index *idx, const char *id,
    const struct dup_print *q, int64_t t, int stage)
{
	const struct dup_print p = *q;
	struct dup_rec *r;
	uint32_t ref;

	dup_make_room(idx);
	ref = (uint32_t)(idx->tail & DUP_REF_MASK);
	if (idx->chunk[ref >> DUP_CHUNK_BITS] == NULL)
		idx->chunk[ref >> DUP_CHUNK_BITS] =
		    xcalloc(DUP_CHUNK, sizeof(struct dup_rec));
	r = dup_rec_at(idx, ref);
	memset(r, 0, sizeof(*r));
	if (dup_pack_id(id, r->id.bin) != 0) {
		r->id.str = xstrdup(id);
		r->flags |= DUP_ID_STR;
	}
	r->simhash = p.simhash;
	r->limit = p.limit;
	r->t = t;
	r->shingles = p.shingles;
	r->n = (uint16_t)p.n;
	if (stage && idx->nstage + p.n > idx->capstage) {
		idx->capstage = idx->capstage < 4096 ? 4096 :
		    2 * idx->capstage;
		if (idx->capstage < idx->nstage + p.n)
			idx->capstage = idx->nstage + p.n;
		idx->stage = xrealloc(idx->stage,
		    idx->capstage * sizeof(*idx->stage));
	}
	for (size_t k = 0; k < p.n; k++) {
		uint64_t v = dup_fp(p.h[k]) << DUP_REF_BITS | ref;

		if (stage)
			idx->stage[idx->nstage++] = p.h[k] >>
			    (64 - DUP_SHARD_BITS) << 40 | v;
		else
			dup_shard_push(dup_shard_of(idx, p.h[k]), v);
	}
	idx->tail++;
	if (t > idx->newest)
		idx->newest = t;
	dup_pop_old(idx, idx->newest, 4);
	/* nothing to sweep while no entry left since the last pass */
	if (idx->head != idx->clean && !stage)
		dup_sweep(idx, 8 * p.n + 64);
}

int
dup_index_add(struct dup_index *idx, const char *id, const char *print,
    int64_t t)
{
	struct dup_print p;

	if (dup_print_parse(print, &p) != 0)
		return -1;
	dup_unstage(idx);
	dup_index_put(idx, id, &p, t, 0);
	dup_print_release(&p);
	return 0;
}

int
dup_index_add_packed(struct dup_index *idx, const char *id,
    const void *packed, size_t len, int64_t t)
{
	uint64_t h[DUP_MAX_SAMPLES];
	struct dup_print p;

	if (dup_print_unpack(packed, len, &p, h) != 0)
		return -1;
	dup_index_put(idx, id, &p, t, 1);
	return 0;
}

/* Files the staged postings in their shards, each grown once to its
 * size. */
static void
dup_unstage(struct dup_index *idx)
{
	uint32_t *count;

	if (idx->nstage == 0)
		return;
	count = xcalloc(DUP_SHARDS, sizeof(*count));
	for (size_t i = 0; i < idx->nstage; i++)
		count[idx->stage[i] >> 40]++;
	for (size_t i = 0; i < DUP_SHARDS; i++) {
		struct dup_shard *s = &idx->shard[i];

		if (count[i] == 0 || s->n + count[i] <= s->cap)
			continue;
		s->cap = s->n + count[i];
		s->p = xrealloc(s->p, (size_t)s->cap * DUP_ELEM);
	}
	free(count);
	for (size_t i = 0; i < idx->nstage; i++) {
		struct dup_shard *s = &idx->shard[idx->stage[i] >> 40];

		dup_put(s->p + DUP_ELEM * (size_t)s->n++,
		    idx->stage[i] & (((uint64_t)1 << 40) - 1));
	}
	free(idx->stage);
	idx->stage = NULL;
	idx->nstage = idx->capstage = 0;
}

void
dup_index_settle(struct dup_index *idx)
{
	dup_unstage(idx);
	for (size_t i = 0; i < DUP_SHARDS; i++)
		dup_settle(&idx->shard[i]);
}

void
dup_index_expire(struct dup_index *idx, int64_t now, size_t budget)
{
	dup_unstage(idx);
	dup_pop_old(idx, now > idx->newest ? now : idx->newest, budget);
	dup_sweep(idx, budget);
}

/* The posting's fingerprint at i of s. */
static uint64_t
dup_fp_at(const struct dup_shard *s, uint32_t i)
{
	return dup_get(s->p + DUP_ELEM * (size_t)i) >> DUP_REF_BITS;
}

/* Narrows [*lo, *hi) = [0, n) around the first posting of s whose
 * fingerprint is fp or more. The fingerprints are uniform hash bits, so
 * that posting is near fp / 2^DUP_FP_BITS of the way through the shard:
 * a guess there and a gallop from it read a cache line or two where a
 * binary search over the shard would read log2(n) of them, which grew
 * with the window (issue 18's look-ups flat from 10k to 1M). */
static void
dup_narrow(const struct dup_shard *s, uint64_t fp, uint32_t *lo,
    uint32_t *hi)
{
	uint32_t n = s->n, g, step = 8;

	if (n <= 32)
		return;
	g = (uint32_t)((fp * n) >> DUP_FP_BITS);
	if (g >= n)
		g = n - 1;
	if (dup_fp_at(s, g) < fp) {
		uint32_t a = g + 1;

		while (a + step < n && dup_fp_at(s, a + step - 1) < fp) {
			a += step;
			step *= 2;
		}
		*lo = a;
		*hi = a + step < n ? a + step : n;
	} else {
		uint32_t b = g;

		while (b > step && dup_fp_at(s, b - step) >= fp) {
			b -= step;
			step *= 2;
		}
		*lo = b > step ? b - step : 0;
		*hi = b;
	}
}

/* Counts, in each live entry's scratch, the samples of q it holds at or
 * under its limit; lists those entries in idx->touched. */
static size_t
dup_count(struct dup_index *idx, const struct dup_print *q)
{
	size_t nt = 0;

	/* the query's shards, then the postings near each guess, are
	 * scattered over more than the caches hold once the window is
	 * large: asked for all at once rather than one miss after another */
	for (size_t k = 0; k < q->n; k++)
		__builtin_prefetch(dup_shard_of(idx, q->h[k]));
	for (size_t k = 0; k < q->n; k++) {
		struct dup_shard *s = dup_shard_of(idx, q->h[k]);

		if (s->n > 0)
			__builtin_prefetch(s->p + DUP_ELEM * (size_t)
			    ((dup_fp(q->h[k]) * s->n) >> DUP_FP_BITS));
	}
	for (size_t k = 0; k < q->n; k++) {
		struct dup_shard *s = dup_shard_of(idx, q->h[k]);
		uint64_t fp = dup_fp(q->h[k]);
		uint32_t lo = 0, hi;

		dup_settle(s);
		hi = s->n;
		dup_narrow(s, fp, &lo, &hi);
		while (lo < hi) {
			uint32_t mid = lo + (hi - lo) / 2;

			if (dup_get(s->p + DUP_ELEM * mid) >> DUP_REF_BITS < fp)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (; lo < s->n; lo++) {
			uint64_t v = dup_get(s->p + DUP_ELEM * lo);
			uint32_t ref = (uint32_t)(v & DUP_REF_MASK);
			struct dup_rec *r;

			if (v >> DUP_REF_BITS != fp)
				break;
			if (!dup_live(idx, ref))
				continue;
			r = dup_rec_at(idx, ref);
			if (q->h[k] > r->limit)
				continue;
			r->flags += 1u << DUP_COUNT_SHIFT;
			if (r->flags >> DUP_COUNT_SHIFT == 1) {
				if (nt == idx->cap_touched) {
					idx->cap_touched = nt ? 2 * nt : 256;
					idx->touched = xrealloc(idx->touched,
					    idx->cap_touched *
					    sizeof(*idx->touched));
				}
				idx->touched[nt++] = ref;
			}
		}
	}
	return nt;
}

/* The containment of the shorter of q and r in the other, in percent,
 * from c shared samples, as dup_containment() computes it on the two
 * prints; *samples gets the shorter's samples it rests on. */
static int
dup_rec_containment(const struct dup_print *q, const struct dup_rec *r,
    size_t c, size_t *samples)
{
	uint64_t lim = q->limit < r->limit ? q->limit : r->limit;
	size_t n;

	if (q->shingles < r->shingles ||
	    (q->shingles == r->shingles && q->n <= r->n)) {
		n = dup_print_below(q, lim);
	} else if (lim == r->limit) {
		n = r->n;
	} else {
		/* r cut further than q: its samples are uniform under its
		 * limit (see the top of this file) */
		long double f = (long double)lim / (long double)r->limit;

		n = (size_t)((long double)r->n * f + 0.5L);
		if (n < c)
			n = c;
		if (n > r->n)
			n = r->n;
	}
	*samples = n;
	return n == 0 ? 0 : (int)(c * 100 / n);
}

const char *
dup_index_query(struct dup_index *idx, const char *print, int64_t t,
    int *pct)
{
	struct dup_print q;
	const struct dup_rec *best = NULL;
	uint64_t best_age = 0;
	int best_pct = -1;
	size_t nt;

	if (pct != NULL)
		*pct = 0;
	if (dup_print_parse(print, &q) != 0)
		return NULL;
	dup_unstage(idx);
	nt = dup_count(idx, &q);
	for (size_t k = 0; k < nt; k++) {
		struct dup_rec *r = dup_rec_at(idx, idx->touched[k]);
		uint64_t age = (idx->touched[k] - idx->head) & DUP_REF_MASK;
		int64_t dt = r->t > t ? r->t - t : t - r->t;
		size_t c = r->flags >> DUP_COUNT_SHIFT, n;
		int p;

		r->flags &= DUP_ID_STR;
		if (dt > idx->window || r->t < idx->newest - idx->window)
			continue;
		p = dup_rec_containment(&q, r, c, &n);
		if (n >= DUP_MIN_SAMPLES ? p < DUP_CONTAIN_PCT :
		    n == 0 || p != 100 || enrich_hamming(q.simhash,
		    r->simhash) > ENRICH_NEAR_DUP_BITS)
			continue;
		if (p > best_pct || (p == best_pct && age < best_age)) {
			best_pct = p;
			best = r;
			best_age = age;
		}
	}
	dup_print_release(&q);
	if (best == NULL)
		return NULL;
	if (pct != NULL)
		*pct = best_pct;
	return dup_id(idx, best);
}

size_t
dup_index_size(const struct dup_index *idx)
{
	return (size_t)(idx->tail - idx->head);
}

void
dup_index_mem(const struct dup_index *idx, struct dup_mem *m)
{
	memset(m, 0, sizeof(*m));
	for (size_t i = 0; i < DUP_CHUNKS; i++)
		if (idx->chunk[i] != NULL)
			m->records += DUP_CHUNK * sizeof(struct dup_rec) + 16;
	for (uint64_t s = idx->head; s < idx->tail; s++) {
		const struct dup_rec *r = dup_rec_at(idx,
		    (uint32_t)(s & DUP_REF_MASK));

		if (r->flags & DUP_ID_STR)
			m->records += (strlen(r->id.str) + 1 + 8 + 15) / 16 *
			    16;
	}
	m->postings = DUP_SHARDS * sizeof(*idx->shard);
	for (size_t i = 0; i < DUP_SHARDS; i++) {
		const struct dup_shard *s = &idx->shard[i];

		if (s->cap > 0)
			m->postings += ((size_t)s->cap * DUP_ELEM + 8 + 15) /
			    16 * 16;
		m->npostings += s->n;
	}
	m->postings += idx->capstage * sizeof(*idx->stage);
}

/* The snapshot (dup_index_dump): the index's counters, the live records
 * as they are in memory, the ids that are not nw1-, then each shard's
 * posting count and the postings, shard after shard. The daemon writes it
 * at a clean stop and reads it back at start (daemon/window_snap.c). */
#define DUP_SNAP_MAGIC 0x31706e73707564ull  /* "dupsnp1" */

struct dup_snap_head {
	uint64_t magic;
	uint64_t rec_size, elem, shards, ring;
	int64_t window, newest;
	uint64_t head, tail;
};

int
dup_index_dump(struct dup_index *idx,
    int (*put)(void *ctx, const void *p, size_t n), void *ctx)
{
	struct dup_snap_head h = {
		.magic = DUP_SNAP_MAGIC, .rec_size = sizeof(struct dup_rec),
		.elem = DUP_ELEM, .shards = DUP_SHARDS, .ring = DUP_RING,
	};
	uint32_t *count;
	int rc;

	/* every shard in order and free of departed entries' postings */
	dup_unstage(idx);
	for (size_t i = 0; i < DUP_SHARDS; i++) {
		dup_shard_sweep(idx, &idx->shard[i]);
		dup_settle(&idx->shard[i]);
	}
	idx->clean = idx->pass_head = idx->head;
	idx->cursor = 0;
	h.window = idx->window;
	h.newest = idx->newest;
	h.head = idx->head;
	h.tail = idx->tail;
	rc = put(ctx, &h, sizeof(h));
	for (uint64_t s = idx->head; rc == 0 && s < idx->tail;) {
		uint32_t ref = (uint32_t)(s & DUP_REF_MASK);
		uint64_t run = DUP_CHUNK - (ref & (DUP_CHUNK - 1));

		if (run > idx->tail - s)
			run = idx->tail - s;
		rc = put(ctx, dup_rec_at(idx, ref),
		    (size_t)run * sizeof(struct dup_rec));
		s += run;
	}
	for (uint64_t s = idx->head; rc == 0 && s < idx->tail; s++) {
		const struct dup_rec *r = dup_rec_at(idx,
		    (uint32_t)(s & DUP_REF_MASK));
		uint32_t len;

		if (!(r->flags & DUP_ID_STR))
			continue;
		len = (uint32_t)strlen(r->id.str);
		rc = put(ctx, &len, sizeof(len));
		if (rc == 0)
			rc = put(ctx, r->id.str, len);
	}
	count = xmalloc(DUP_SHARDS * sizeof(*count));
	for (size_t i = 0; i < DUP_SHARDS; i++)
		count[i] = idx->shard[i].n;
	if (rc == 0)
		rc = put(ctx, count, DUP_SHARDS * sizeof(*count));
	free(count);
	for (size_t i = 0; rc == 0 && i < DUP_SHARDS; i++)
		if (idx->shard[i].n > 0)
			rc = put(ctx, idx->shard[i].p,
			    (size_t)idx->shard[i].n * DUP_ELEM);
	return rc;
}

/* The records of [head, tail) and their ids, the index's tail moving
 * up to tail as they are read; -1 if one is malformed. */
static int
dup_undump_recs(struct dup_index *idx, struct bounded_in *in, uint64_t tail)
{
	for (uint64_t s = idx->head; s < tail;) {
		uint32_t ref = (uint32_t)(s & DUP_REF_MASK);
		uint64_t run = DUP_CHUNK - (ref & (DUP_CHUNK - 1));
		struct dup_rec *c;

		if (run > tail - s)
			run = tail - s;
		if ((uint64_t)run * sizeof(*c) > in->left)
			return -1;
		c = idx->chunk[ref >> DUP_CHUNK_BITS];
		if (c == NULL)
			c = idx->chunk[ref >> DUP_CHUNK_BITS] =
			    xcalloc(DUP_CHUNK, sizeof(*c));
		if (bounded_read(in, c + (ref & (DUP_CHUNK - 1)),
		    (size_t)run * sizeof(*c)) != 0)
			return -1;
		for (uint64_t k = 0; k < run; k++) {
			struct dup_rec *r = c + (ref & (DUP_CHUNK - 1)) + k;

			if (r->n > DUP_MAX_SAMPLES ||
			    (r->flags & ~DUP_ID_STR)) {
				r->flags = 0;
				in->bad = 1;
			} else if (r->flags & DUP_ID_STR) {
				r->id.str = NULL;
			}
		}
		s += run;
		idx->tail = s;
	}
	for (uint64_t s = idx->head; !in->bad && s < idx->tail; s++) {
		struct dup_rec *r = dup_rec_at(idx,
		    (uint32_t)(s & DUP_REF_MASK));
		uint32_t len = 0;

		if (!(r->flags & DUP_ID_STR))
			continue;
		if (bounded_read(in, &len, sizeof(len)) != 0 || len > 4096 ||
		    len > in->left) {
			r->flags = 0;
			return -1;
		}
		r->id.str = xmalloc((size_t)len + 1);
		r->id.str[len] = '\0';
		if (bounded_read(in, r->id.str, len) != 0 ||
		    strlen(r->id.str) != len)
			return -1;
	}
	return in->bad ? -1 : 0;
}

/* The shards, each in an allocation of its size; -1 if malformed. */
static int
dup_undump_shards(struct dup_index *idx, struct bounded_in *in)
{
	uint32_t *count = xmalloc(DUP_SHARDS * sizeof(*count));
	int rc = bounded_read(in, count, DUP_SHARDS * sizeof(*count));

	for (size_t i = 0; rc == 0 && i < DUP_SHARDS; i++) {
		struct dup_shard *s = &idx->shard[i];

		if (count[i] == 0)
			continue;
		if ((uint64_t)count[i] * DUP_ELEM > in->left) {
			rc = -1;
			break;
		}
		s->p = xmalloc((size_t)count[i] * DUP_ELEM);
		s->cap = count[i];
		rc = bounded_read(in, s->p, (size_t)count[i] * DUP_ELEM);
		if (rc == 0)
			s->n = s->sorted = count[i];
	}
	free(count);
	return rc;
}

struct dup_index *
dup_index_undump(int (*get)(void *ctx, void *p, size_t n), void *ctx,
    uint64_t size)
{
	struct bounded_in in = { get, ctx, size, 0 };
	struct dup_snap_head h;
	struct dup_index *idx;

	if (bounded_read(&in, &h, sizeof(h)) != 0 ||
	    h.magic != DUP_SNAP_MAGIC ||
	    h.rec_size != sizeof(struct dup_rec) || h.elem != DUP_ELEM ||
	    h.shards != DUP_SHARDS || h.ring != DUP_RING || h.window <= 0 ||
	    h.head > h.tail || h.tail - h.head >= DUP_RING)
		return NULL;
	idx = dup_index_new(h.window);
	idx->newest = h.newest;
	idx->head = idx->tail = h.head;
	idx->clean = idx->pass_head = h.head;
	if (dup_undump_recs(idx, &in, h.tail) != 0 ||
	    dup_undump_shards(idx, &in) != 0 || in.left != 0) {
		dup_index_free(idx);
		return NULL;
	}
	return idx;
}
