/* The story index's layout, shared by story_index.c (the index) and
 * story_snap.c (its memory count and snapshot). Internal to
 * pipeline/enrich; story_index.c says how it works. */
#ifndef NW_STORY_INDEX_INT_H
#define NW_STORY_INDEX_INT_H

#include <stddef.h>
#include <stdint.h>

#include "story.h"
#include "story_int.h"

/* What a query reads of an entry before its record: where its keys are,
 * how many, and a Bloom filter of them (one bit a key), which bounds
 * the common keys it may share with the query. 16 bytes, in a ring
 * beside the records. */
struct story_aux {
	uint64_t tbloom;      /* bit story_tbit() of each term */
	uint32_t at;          /* its first key in the key ring */
	uint16_t nbloom;      /* bit story_nbit() of each name */
	uint8_t nn, nt;       /* its names and terms, at most
	                         STORY_SIZE_MAX */
};

/* Seqs in [off, n), 3 bytes each (story_seq()); cap <= 2: in the slot
 * (in), else in p. id: the
 * key's number in the entries' key runs, the key's while it has a live
 * holder (the slot is freed, and the id with it, only when it has none:
 * see the top of this file). */
struct story_post {
	uint64_t key;         /* 0: the slot is empty */
	union {
		uint8_t *p;
		uint8_t in[8];
	} u;
	uint32_t off, n, cap;
	uint32_t id;
};

/* A list's seqs are their low 24 bits: the live ones are within 2^24 of
 * the head (the window holds fewer than STORY_LIVE_MAX entries), and
 * the departed ones are trimmed long before they could pass for live
 * (a pass of the sweep takes a few thousand adds). */
#define STORY_SEQ 3
#define STORY_SEQ_MASK 0xffffffu
#define STORY_LIVE_MAX (1u << 23)

_Static_assert(sizeof(struct story_post) == 32, "a slot is 32 bytes");

/* Open addressing, linear probing, power-of-two size, at most 70%
 * full. */
struct story_map {
	struct story_post *slot;
	size_t size, used;
	size_t cursor;        /* the sweep's next slot */
	uint32_t pass_head;   /* the index's head when the pass began */
	uint32_t clean;       /* no list holds a seq below (a pass ended) */
	/* the keys' ids: [0, nids) are in use or in free[] */
	uint32_t nids;
	uint32_t *free;
	size_t nfree, capfree;
};

/* The key runs: bytes, byte i (a counter mod 2^32) in chunk i >>
 * STORY_KCHUNK_BITS; a run never crosses the end of a chunk. */
#define STORY_KCHUNK_BITS 20
#define STORY_KCHUNK (1u << STORY_KCHUNK_BITS)
#define STORY_KCHUNKS (1u << (32 - STORY_KCHUNK_BITS))
/* The longest run: five bytes a key */
#define STORY_RUN_MAX(n) (5 * (size_t)(n))

/* A key of the last query with a live holder: its list and length,
 * whether a term, whether its list is walked. */
struct story_qkey {
	struct story_post *p;
	uint64_t key;
	uint32_t len;
	uint8_t terms, walk;
};

struct story_index {
	int64_t window;
	int64_t newest;
	struct story_rec *ring;
	uint32_t cap;         /* a power of two */
	uint32_t head, tail;  /* live seqs: [head, tail) */
	struct story_map terms, names;
	/* the entries' key runs: the ids of its names, then of its terms,
	 * ascending, each the varint of its difference from the one before
	 * (the first: of -1), from byte at of its story_aux; a chunk is
	 * allocated as the tail reaches it and freed as the head leaves it */
	uint8_t **kchunk;
	uint32_t khead, ktail;  /* live: [khead, ktail) */
	uint32_t *ids;          /* an add's ids, its run */
	uint8_t *run;
	size_t capids;
	struct story_aux *aux;  /* beside ring, at the same place */
	struct story_cand *cand;
	size_t capcand;
	/* the last query's: its candidates by seq (open addressing, the
	 * index into cand, UINT32_MAX for none), its common keys */
	uint32_t *accseq, *accpos;
	size_t accsize;
	struct story_keys qcn, qct;   /* their ids */
	/* the same ids, as bitmaps of qnw and qtw words */
	uint64_t *qnbits, *qtbits;
	size_t qnw, qtw;
	/* how many of qcn, qct have each bit of the Bloom filters */
	uint8_t qnbit[16], qtbit[64];
	uint16_t qnmask;
	uint64_t qtmask;
	struct story_qkey *qk;
	size_t nqk, capqk;
	size_t lone_max, scan_max;  /* story_index_set_bounds() */
	struct story_stats stats;
	struct story_alloc alloc;   /* of ring and aux (story.h) */
};

static inline const uint8_t *
story_cdata(const struct story_post *p)
{
	return p->cap <= 2 ? p->u.in : p->u.p;
}

/* How far after the head the seq at k of d is (live: below tail -
 * head). */
static inline uint32_t
story_rel(const struct story_index *idx, const uint8_t *d, uint32_t k)
{
	const uint8_t *q = d + STORY_SEQ * (size_t)k;
	uint32_t v = (uint32_t)q[0] | (uint32_t)q[1] << 8 |
	    (uint32_t)q[2] << 16;

	return (v - idx->head) & STORY_SEQ_MASK;
}

static inline uint32_t
story_seq(const struct story_index *idx, const uint8_t *d, uint32_t k)
{
	return idx->head + story_rel(idx, d, k);
}

static inline struct story_rec *
story_rec_at(const struct story_index *idx, uint32_t seq)
{
	return &idx->ring[seq & (idx->cap - 1)];
}

static inline struct story_aux *
story_aux_at(const struct story_index *idx, uint32_t seq)
{
	return &idx->aux[seq & (idx->cap - 1)];
}

/* A ring (ring, aux) of n records of size bytes, zeroed, from the
 * index's allocator (story_index_new_with()); freed with
 * story_ring_free(). */
void *story_ring_calloc(struct story_index *idx, size_t n, size_t size);
void story_ring_free(struct story_index *idx, void *p);

/* The byte i of the key runs (its chunk allocated). */
static inline const uint8_t *
story_key_at(const struct story_index *idx, uint32_t i)
{
	return &idx->kchunk[i >> STORY_KCHUNK_BITS][i & (STORY_KCHUNK - 1)];
}

/* The byte i of the key runs, its chunk allocated if it is not. */
uint8_t *story_key_ref(struct story_index *idx, uint32_t i);

/* Drops the seqs of entries gone from the front of p. */
void story_trim(const struct story_index *idx, struct story_post *p);

#endif
