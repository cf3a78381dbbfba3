/* The files in the inbox whose claim was refused when offered, and why
 * (offer_take(), ingest_offer.c), by name: warned of once; their later
 * offers while they are there (the store's retries rescan the inbox) say
 * it at debug level only. In memory only: a restart warns of each again,
 * once. A hash table (open addressing, linear probing), so that an offer
 * costs the same with thousands refused: the list searched from the
 * start at each offer made a rescan of n refused files cost n * n / 2
 * name compares. Loop thread only. */
#ifndef NW_INGEST_REFUSED_H
#define NW_INGEST_REFUSED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct claim_refused {
	uintmax_t dev, ino;     /* the file refused */
	char *name;             /* owned by the set */
	char *why;              /* owned by the set; NULL until set */
};

struct refused_set;

/* An empty set; freed by refused_set_free(). */
struct refused_set *refused_set_new(void);

/* Frees s (NULL: nothing), the names and reasons in it. */
void refused_set_free(struct refused_set *s);

/* How many files s holds. */
size_t refused_set_count(const struct refused_set *s);

/* The entry of name, or NULL. Valid until the next add, remove or
 * prune. */
struct claim_refused *refused_set_find(struct refused_set *s,
    const char *name);

/* The entry of name, added (its name copied, why NULL, dev and ino 0)
 * unless there already. Valid as refused_set_find()'s. */
struct claim_refused *refused_set_add(struct refused_set *s,
    const char *name);

/* Removes the entry of name, if any: true if there was one. */
bool refused_set_remove(struct refused_set *s, const char *name);

/* Keeps the entries keep(entry, arg) is true of, once each; the others
 * are removed. */
void refused_set_prune(struct refused_set *s,
    bool (*keep)(const struct claim_refused *r, void *arg), void *arg);

#endif
