/* Stories: articles about one event, across outlets. An in-memory index,
 * fed one article at a time as they arrive; each joins the story of the
 * most similar article seen within the time window, or starts a new one.
 *
 * Similarity of two articles (story.c says why): the people and
 * organisations they share, and the cosine of the content words of their
 * titles and leads (the first STORY_LEAD_WORDS words of the body).
 *
 * Not thread-safe: one index belongs to one thread (the daemon's store
 * thread, or `newswire extract`). The daemon keeps each article's
 * story_id, time and signature (packed, story_signature_pack()) in its
 * store and replays them with story_index_restore_packed() after a
 * restart. */
#ifndef NW_STORY_H
#define NW_STORY_H

#include <stddef.h>
#include <stdint.h>

#include "../article.h"

#define STORY_DEFAULT_WINDOW (72 * 3600)
#define STORY_LEAD_WORDS 60

struct story_index;

/* A new, empty index; articles further apart than window_secs (<= 0:
 * STORY_DEFAULT_WINDOW) never share a story. */
struct story_index *story_index_new(int64_t window_secs);

/* How an index allocates its two rings, its largest blocks (40 bytes an
 * entry, read at random): alloc(n, size, arg) returns n * size bytes,
 * zeroed (it does not fail: it aborts), release(p, arg) frees what alloc
 * returned. The pipeline makes no system call; the daemon and the
 * benches give lib/hugemem.h's, which puts large rings on huge pages.
 * story_index_new() and story_index_undump() use xcalloc() and free(). */
struct story_alloc {
	void *(*alloc)(size_t n, size_t size, void *arg);
	void (*release)(void *p, void *arg);
	void *arg;
};

/* story_index_new() whose rings come from a (copied; NULL: the
 * default). */
struct story_index *story_index_new_with(int64_t window_secs,
    const struct story_alloc *a);
void story_index_free(struct story_index *idx);

/* Sets a->story_id ("st1-" and 16 hex digits) to the story of the most
 * similar indexed article within the window of a's time (published, or
 * now, the fetch time, when unknown; a yearless dateline day counts, see
 * story.c), or to a new story, and adds a to the index. */
void story_assign(struct story_index *idx, struct nw_article *a,
    int64_t now);

/* The story story_assign() would put a in: its id ("st1-" and 16 hex
 * digits) into id and 1, or 0 if a would start a new story (id left as
 * it was). a is not added. */
int story_match(struct story_index *idx, const struct nw_article *a,
    int64_t now, char id[21]);

/* story_assign(), and story_signature() of a from the features the
 * assignment found (the commit path's one pass over them). Caller frees. */
char *story_assign_signed(struct story_index *idx, struct nw_article *a,
    int64_t now);

/* The features story_assign() compares, as one line of text (tab-separated
 * "d:" yearless dateline day, "p:" people and organisations, "t:" terms).
 * Caller frees. */
char *story_signature(const struct nw_article *a);

/* Adds an article seen before a restart: its story, its time (as used by
 * story_assign) and its signature. Returns 0, or -1 if story_id or
 * signature is malformed. */
int story_index_restore(struct story_index *idx, const char *story_id,
    int64_t t, const char *signature);

/* The signature in the binary form the daemon stores (its dateline day
 * and the 64-bit hashes of its names and terms, sorted, 8 bytes each),
 * which story_index_restore_packed() reads without parsing or hashing
 * text. *len gets its size. Caller frees; NULL if signature is NULL. */
#define STORY_PACK_VERSION 1
void *story_signature_pack(const char *signature, size_t *len);

/* story_index_restore() from a packed signature; -1 if story_id or
 * packed is malformed or of another version. */
int story_index_restore_packed(struct story_index *idx,
    const char *story_id, int64_t t, const void *packed, size_t len);

/* A small step of expiry for the loop to take each turn: drops up to
 * budget entries older than the window behind now (or behind the
 * newest time added, if later) and trims about budget posting lists.
 * story_assign() takes such a step too. */
void story_index_expire(struct story_index *idx, int64_t now,
    size_t budget);

/* Entries the index holds. */
size_t story_index_size(const struct story_index *idx);

/* A snapshot of the index, for a daemon's clean stop: put gets its bytes
 * in consecutive pieces (0, or a non-zero that ends the dump and is
 * returned). The lists lose their departed seqs first. */
int story_index_dump(struct story_index *idx,
    int (*put)(void *ctx, const void *p, size_t n), void *ctx);

/* The index of a dump of size bytes, read through get (exactly n bytes a
 * call; 0, or non-zero on failure). NULL if get failed or the bytes are
 * not such a dump of this build's layout: any input is read safely, but
 * only a checksum around it (the caller's) tells a corrupt key. */
struct story_index *story_index_undump(
    int (*get)(void *ctx, void *p, size_t n), void *ctx, uint64_t size);

/* story_index_undump() into an index whose rings come from a
 * (story_index_new_with()). */
struct story_index *story_index_undump_with(
    int (*get)(void *ctx, void *p, size_t n), void *ctx, uint64_t size,
    const struct story_alloc *a);

/* Where the index's bytes are (the allocations' sizes, and 16 bytes of
 * malloc's header an allocation), for bench_window. */
struct story_mem {
	size_t records;       /* the rings of records and story_aux */
	size_t keys;          /* the entries' key runs */
	size_t slots;         /* the maps' slots */
	size_t lists;         /* the lists held outside their slots */
	size_t nkeys, nlists; /* the maps' keys, the lists outside slots */
	size_t postings;      /* the seqs the lists hold */
	size_t rare;          /* of which in lists of rare keys */
};

void story_index_mem(const struct story_index *idx, struct story_mem *m);

/* The bounds of a look-up. lone: of the candidates sharing one rare
 * key only with the query, the first lone found (through its shortest
 * lists, newest first) are read, the others left out (those sharing two
 * or more are all read). scan: at most scan candidates, those of the
 * highest bounds, are scored. 0 for either: no such bound, the verdict
 * exact. The defaults are STORY_LONE_MAX and STORY_SCAN_MAX; a snapshot
 * does not keep them. docs/window.md says how they change verdicts. */
#define STORY_LONE_MAX 1024
#define STORY_SCAN_MAX 64
void story_index_set_bounds(struct story_index *idx, size_t lone,
    size_t scan);

/* What the look-ups did, summed since the index was made, for
 * bench_window. */
struct story_stats {
	uint64_t queries;
	uint64_t keys;        /* query keys with a live holder */
	uint64_t walked;      /* seqs read in the walks */
	uint64_t cands;       /* candidates found */
	uint64_t read;        /* of which read (their story_aux) */
	uint64_t scored;      /* of which scored (their record and keys) */
};

void story_index_stats(const struct story_index *idx,
    struct story_stats *st);

/* The time story_assign() files a under. */
int64_t story_time(const struct nw_article *a, int64_t now);

#endif
