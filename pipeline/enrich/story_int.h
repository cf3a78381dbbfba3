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

/* An entry: 32 bytes, in a ring at its add number (seq); its names'
 * and terms' hashes (32 bits of each, ascending) are in the index's key
 * arena from at. */
struct story_rec {
	int64_t t;
	uint64_t story;       /* the 16 hex digits of its story_id */
	uint32_t seen;        /* the query that last listed it */
	uint32_t at;
	uint16_t nterms, nnames;
	int16_t md;           /* dateline month * 100 + day when t is the
	                         fetch time; 0 when t is published */
	uint16_t pad;
};

/* A candidate of a query: its seq, and its record (valid until the next
 * add). */
struct story_cand {
	uint32_t seq;
	uint32_t age;         /* 0 for the oldest entry of the index */
	uint32_t sn, st;
	struct story_rec *r;
};

/* Lists in *cand (valid until the next query or add) the entries sharing
 * a name or a term with (names, terms), each with the numbers of names
 * (sn) and terms (st) it shares, in no order; returns how many. */
size_t story_index_candidates(struct story_index *idx,
    const struct story_keys *names, const struct story_keys *terms,
    struct story_cand **cand);

/* Is the candidate out of reach: older than the window before the
 * newest time seen (the entry added last is kept for one more query)? */
int story_index_expired(const struct story_index *idx,
    const struct story_cand *c);

int64_t story_index_window(const struct story_index *idx);

/* Adds an entry (names and terms stay the caller's). */
void story_index_put(struct story_index *idx, uint64_t story, int64_t t,
    int md, const struct story_keys *names, const struct story_keys *terms);

#endif
