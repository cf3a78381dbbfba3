/* The story index's records and lists, shared by story.c (features and
 * scoring) and story_index.c (the index). Internal to pipeline/enrich. */
#ifndef NW_STORY_INT_H
#define NW_STORY_INT_H

#include <stddef.h>
#include <stdint.h>

struct story_index;

/* A term or name held by more entries than this (a word of every report
 * on the beat) is not used to find candidates; it still counts in the
 * cosine of the candidates found through rarer words. */
#define STORY_POST_MAX 500

/* An article's features: 64-bit hashes of its case-folded names and
 * terms, ascending and distinct. */
struct story_keys {
	uint64_t *v;
	size_t n, cap;
};

void story_keys_push(struct story_keys *k, uint64_t h);
void story_keys_sort(struct story_keys *k);
void story_keys_free(struct story_keys *k);

/* An entry: 24 bytes, in a ring at its add number (seq); the ids of
 * its names and terms are a run in the index's ring of key bytes, from
 * the at of its story_aux (story_index.c). */
struct story_rec {
	int64_t t;
	uint64_t story;       /* the 16 hex digits of its story_id */
	uint16_t nterms, nnames;
	int16_t md;           /* dateline month * 100 + day when t is the
	                         fetch time; 0 when t is published */
	uint16_t pad;
};

/* The numbers of names and terms an entry holds beyond which
 * story_cand's nn and nt saturate. */
#define STORY_SIZE_MAX 255

/* A candidate of a query: an entry sharing with it a name or a term
 * held by STORY_POST_MAX live entries or fewer (a rare key). Listed
 * without reading its record: its seq, age, numbers of names and terms
 * (nn, nt, at most STORY_SIZE_MAX), the numbers of rare names (sn) and
 * rare terms (st) it shares with the query, and the most common names
 * (cn) and terms (ct) it can share (those of the query whose bit its
 * Bloom filter has). story_index_settle() then adds the common keys it
 * shares to sn and st and sets r. */
struct story_cand {
	uint32_t seq;
	uint32_t age;         /* 0 for the oldest entry of the index */
	uint16_t sn, st;
	uint16_t cn, ct;
	uint8_t nn, nt;
	struct story_rec *r;  /* after story_index_settle(); valid until
	                         the next add */
};

/* Lists in *cand (valid until the next query or add) the entries sharing
 * a rare name or term with (names, terms), in no order. Returns how
 * many. */
size_t story_index_candidates(struct story_index *idx,
    const struct story_keys *names, const struct story_keys *terms,
    struct story_cand **cand);

/* Completes c, a candidate of the last query: adds to sn and st the
 * common names and terms it shares with the query and sets c->r. */
void story_index_settle(struct story_index *idx, struct story_cand *c);

/* Asks the caches for c's record (stage 0), then, once that is in, for
 * its keys (stage 1): story_index_settle() reads both, and candidates
 * are scattered over a window larger than the caches. */
void story_index_prefetch(const struct story_index *idx,
    const struct story_cand *c, int stage);

/* Is the candidate out of reach: older than the window before the
 * newest time seen (the entry added last is kept for one more query)?
 * (c settled) */
int story_index_expired(const struct story_index *idx,
    const struct story_cand *c);

int64_t story_index_window(const struct story_index *idx);

/* The most candidates a look-up scores (0: no bound). */
size_t story_index_scan_max(const struct story_index *idx);

/* Adds an entry (names and terms stay the caller's). */
void story_index_put(struct story_index *idx, uint64_t story, int64_t t,
    int md, const struct story_keys *names, const struct story_keys *terms);

#endif
