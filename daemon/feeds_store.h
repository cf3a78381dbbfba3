/* The feed sources' tables, in the daemon's store (same SQLite file, same
 * transactions as the journal): per source its URL, the permanent
 * redirect it moved to and the validators of the last body; per entry its
 * key (guid, else link, else a hash), the hash of its content and whether
 * its article is still to be published (pending). Loop thread only.
 *
 * An entry is written pending in the transaction that stores the feed's
 * new validators, and marked done in the transaction that journals its
 * event: a crash in between leaves it pending, and sources.c finishes it
 * at the next start, so a 304 can never hide an entry. */
#ifndef NW_FEEDS_STORE_H
#define NW_FEEDS_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct store;
struct feeds_store;

struct feeds_state {
	char *url;              /* as configured when stored */
	char *moved_url;        /* NULL: none */
	char *etag;
	char *last_modified;
};

/* Creates the tables if needed and prepares the statements. */
struct feeds_store *feeds_store_open(struct store *s, char *err,
    size_t errlen);
void feeds_store_close(struct feeds_store *fs);

/* 1 and st filled (free with feeds_state_free), 0 if none, -1 error. */
int feeds_store_get_state(struct feeds_store *fs, const char *source,
    struct feeds_state *st, char *err, size_t errlen);
int feeds_store_put_state(struct feeds_store *fs, const char *source,
    const struct feeds_state *st, char *err, size_t errlen);
void feeds_state_free(struct feeds_state *st);

/* The stored hash of an entry into hash (65 bytes): 1, 0 if the entry is
 * unknown, -1 on error. */
int feeds_store_entry_hash(struct feeds_store *fs, const char *source,
    const char *key, char *hash, char *err, size_t errlen);
/* Records an entry as pending with its hash and item (JSON text). */
int feeds_store_entry_pending(struct feeds_store *fs, const char *source,
    const char *key, const char *hash, const char *item, int64_t now,
    char *err, size_t errlen);
/* The entry's article is journalled (only if its hash is still hash). */
int feeds_store_entry_done(struct feeds_store *fs, const char *source,
    const char *key, const char *hash, char *err, size_t errlen);
/* Calls fn for each pending entry of source, oldest first. */
int feeds_store_pending(struct feeds_store *fs, const char *source,
    void (*fn)(void *ctx, const char *key, const char *hash,
    const char *item), void *ctx, char *err, size_t errlen);
/* Calls fn for the entries of source done (not pending), the most
 * recently changed first, at most limit ([cluster]: what a new owner of
 * the source's lease must not publish again). */
int feeds_store_done(struct feeds_store *fs, const char *source, int limit,
    void (*fn)(void *ctx, const char *key, const char *hash), void *ctx,
    char *err, size_t errlen);
/* Records an entry as done with hash: another node published it. */
int feeds_store_entry_known(struct feeds_store *fs, const char *source,
    const char *key, const char *hash, int64_t now, char *err,
    size_t errlen);
/* Forgets a source's validators and moved URL, and its sitemaps (its
 * URL changed). */
int feeds_store_forget(struct feeds_store *fs, const char *source,
    char *err, size_t errlen);

/* The sitemaps a sitemap index lists (kind = sitemap): each is pending
 * from the transaction that finds it new or changed (its lastmod) in the
 * index until the one that stores the entries of its body, or its 304,
 * with the validators that go with them. */
struct feeds_sitemap {
	char *lastmod;          /* the index's, as written; NULL: none */
	char *etag;
	char *last_modified;
	bool pending;
};

/* 1 and out filled (free with feeds_sitemap_free), 0 if unknown, -1. */
int feeds_store_sitemap_get(struct feeds_store *fs, const char *source,
    const char *url, struct feeds_sitemap *out, char *err, size_t errlen);
void feeds_sitemap_free(struct feeds_sitemap *sm);
/* Pending, with the index's lastmod; its validators stay. */
int feeds_store_sitemap_want(struct feeds_store *fs, const char *source,
    const char *url, const char *lastmod, char *err, size_t errlen);
/* Done, with the validators of its last body. */
int feeds_store_sitemap_done(struct feeds_store *fs, const char *source,
    const char *url, const char *etag, const char *last_modified,
    char *err, size_t errlen);
/* Calls fn for each pending sitemap of source, newest lastmod first. */
int feeds_store_sitemaps_pending(struct feeds_store *fs, const char *source,
    void (*fn)(void *ctx, const char *url), void *ctx, char *err,
    size_t errlen);

#endif
