/* Duplicates: the same article from two sources, or as HTML and as a text
 * dump, whose extractions keep different amounts of page furniture (menus,
 * related links, footers) around one body.
 *
 * A fingerprint ("print") samples the article's word shingles: every run
 * of DUP_SHINGLE case-folded words is hashed to 64 bits and the hashes
 * with h % DUP_SAMPLE == 0 are kept, at most DUP_MAX_SAMPLES of them (the
 * smallest; the print then records the largest kept, its limit). Sampling
 * by value is the same in every print, so the shingles two bodies share
 * are sampled alike in both, and the share of the shorter body's samples
 * found in the longer one estimates its containment: how much of the
 * shorter text the longer one repeats. Furniture only lengthens the
 * longer text; it does not lower that share.
 *
 * Two articles are duplicates when the containment is at least
 * DUP_CONTAIN_PCT percent over at least DUP_MIN_SAMPLES samples of the
 * shorter one (dup.c says why these values). Bodies too short for that
 * many samples are duplicates only when every sample is shared and their
 * simhashes are within ENRICH_NEAR_DUP_BITS bits.
 *
 * Prints are pure functions of the text. The index is not thread-safe: one
 * index belongs to one thread (the daemon's loop, or `newswire extract`).
 * The daemon keeps each original's print (packed, dup_print_pack()) and
 * time in its store and replays them with dup_index_add_packed() after a
 * restart (in a thread of its own: the index is that thread's until the
 * load is over).
 *
 * The index keeps no print: an entry is a fixed-size record and each
 * sample a 5-byte posting (dup_index.c says how, and why the results
 * are those of the prints). */
#ifndef NW_DUP_H
#define NW_DUP_H

#include <stddef.h>
#include <stdint.h>

#define DUP_SHINGLE 5
#define DUP_SAMPLE 8
#define DUP_MAX_SAMPLES 256
#define DUP_MIN_SAMPLES 4
#define DUP_CONTAIN_PCT 50
#define DUP_DEFAULT_WINDOW (72 * 3600)

/* A parsed print: samples sorted ascending, distinct. */
struct dup_print {
	uint64_t simhash;
	uint64_t limit;     /* every sampled shingle <= limit is in h */
	uint32_t shingles;  /* shingles in the body (its length) */
	size_t n;
	uint64_t *h;
};

/* The print of text, serialised ("d1 ..."; a line of hex, about 17 bytes
 * per sample). Caller frees. */
char *dup_print_text(const char *text);

/* Parses a serialised print into p (freed with dup_print_release()).
 * Returns 0, or -1 if s is malformed (p is then empty). */
int dup_print_parse(const char *s, struct dup_print *p);
void dup_print_release(struct dup_print *p);

/* The print (text, as above) in the binary form the daemon stores:
 * lossless, 8 bytes a sample, read back without parsing text. *len gets
 * its size. Caller frees; NULL if print is malformed. */
#define DUP_PACK_VERSION 1
void *dup_print_pack(const char *print, size_t *len);

/* Reads a packed print into p, its samples into h (DUP_MAX_SAMPLES of
 * room, the caller's: p->h points there, not to be released). Returns 0,
 * or -1 if packed is malformed or of another version. */
int dup_print_unpack(const void *packed, size_t len, struct dup_print *p,
    uint64_t *h);

/* Containment of the shorter print's body in the longer's, in percent
 * (0-100); *samples (if not NULL) gets the number of samples of the
 * shorter it rests on. */
int dup_containment(const struct dup_print *a, const struct dup_print *b,
    size_t *samples);

/* True if a and b are one article by the rule above. */
int dup_same(const struct dup_print *a, const struct dup_print *b);

struct dup_index;

/* A new, empty index; articles further apart in time than window_secs
 * (<= 0: DUP_DEFAULT_WINDOW) are never duplicates, and the index forgets
 * articles older than that behind the newest it was given. */
struct dup_index *dup_index_new(int64_t window_secs);
void dup_index_free(struct dup_index *idx);

/* Adds article id with its serialised print and time. Returns 0, or -1 if
 * print is malformed (nothing is added). */
int dup_index_add(struct dup_index *idx, const char *id, const char *print,
    int64_t t);

/* dup_index_add() from a packed print (dup_print_pack()). */
int dup_index_add_packed(struct dup_index *idx, const char *id,
    const void *packed, size_t len, int64_t t);

/* Puts every shard in order: for the end of a load, so that the first
 * look-ups do not pay for sorting what the load appended. */
void dup_index_settle(struct dup_index *idx);

/* The id of the indexed article within the window of t that print
 * duplicates with the highest containment (the earliest added among
 * equals), or NULL if none does or print is malformed. *pct (if not NULL)
 * gets the containment. The id stays valid until the next
 * dup_index_add(). */
const char *dup_index_query(struct dup_index *idx, const char *print,
    int64_t t, int *pct);

/* Articles the index holds (within the window). */
size_t dup_index_size(const struct dup_index *idx);

/* A small step of expiry for the loop to take each turn: drops up to
 * budget entries older than the window behind now (or behind the newest
 * time added, if later) and sweeps about budget postings of entries
 * already dropped. dup_index_add() takes such a step too, so memory stays
 * flat without it; this frees the window's tail when adds are rare. */
void dup_index_expire(struct dup_index *idx, int64_t now, size_t budget);

/* Where the index's bytes are (the allocations' sizes, and 16 bytes of
 * malloc's header an allocation), for bench_window. */
struct dup_mem {
	size_t records;       /* the ring's chunks, the ids not nw1- */
	size_t postings;      /* the shards' allocations and table */
	size_t npostings;     /* postings held */
};

void dup_index_mem(const struct dup_index *idx, struct dup_mem *m);

/* A snapshot of the index, for a daemon's clean stop: put gets its bytes
 * in consecutive pieces (0, or a non-zero that ends the dump and is
 * returned). The dump first puts the index in order (the shards sorted,
 * the departed entries' postings swept); what it finds is not changed. */
int dup_index_dump(struct dup_index *idx,
    int (*put)(void *ctx, const void *p, size_t n), void *ctx);

/* The index of a dump of size bytes, read through get (exactly n bytes a
 * call; 0, or non-zero on failure). NULL if get failed or the bytes are
 * not such a dump of this build's layout: any input is read safely, but
 * only a checksum around it (the caller's) tells a corrupt posting. */
struct dup_index *dup_index_undump(
    int (*get)(void *ctx, void *p, size_t n), void *ctx, uint64_t size);

#endif
