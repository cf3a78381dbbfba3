/* The refused claims by name (ingest_refused.h): open addressing with
 * linear probing over a power-of-two number of slots, at most half full;
 * a removal shifts the entries after it back (no tombstones), so a
 * lookup stops at the first free slot. */
#include "ingest_refused.h"

#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "util.h"

#define REFUSED_MIN 16          /* slots of a set's first table */

struct refused_slot {
	uint64_t hash;          /* of the name; the slot is free when the
	                           entry's name is NULL */
	struct claim_refused r;
};

struct refused_set {
	struct refused_slot *slot;
	size_t cap;             /* slots: a power of two, or 0 */
	size_t n;               /* entries */
};

static uint64_t
name_hash(const char *name)
{
	return hash_bytes64(name, strlen(name));
}

/* The slot of name (hash h), or the free slot that ends its probe. */
static size_t
slot_of(const struct refused_set *s, const char *name, uint64_t h)
{
	size_t mask = s->cap - 1, i = (size_t)h & mask;

	while (s->slot[i].r.name != NULL && (s->slot[i].hash != h ||
	    strcmp(s->slot[i].r.name, name) != 0))
		i = (i + 1) & mask;
	return i;
}

/* Places the entry e (hash h, a name not in s) into a table with room. */
static void
place(struct refused_set *s, const struct claim_refused *e, uint64_t h)
{
	size_t i = slot_of(s, e->name, h);

	s->slot[i].hash = h;
	s->slot[i].r = *e;
}

/* A table of cap slots (a power of two over twice n) for s's entries. */
static void
rehash(struct refused_set *s, size_t cap)
{
	struct refused_slot *old = s->slot;
	size_t n = s->cap;

	s->slot = xcalloc(cap, sizeof(*s->slot));
	s->cap = cap;
	for (size_t i = 0; i < n; i++)
		if (old[i].r.name != NULL)
			place(s, &old[i].r, old[i].hash);
	free(old);
}

/* The smallest table that holds n entries at most half full. */
static size_t
cap_for(size_t n)
{
	size_t cap = REFUSED_MIN;

	while (cap < 2 * n + 2)
		cap *= 2;
	return cap;
}

struct refused_set *
refused_set_new(void)
{
	return xcalloc(1, sizeof(struct refused_set));
}

void
refused_set_free(struct refused_set *s)
{
	if (s == NULL)
		return;
	for (size_t i = 0; i < s->cap; i++) {
		free(s->slot[i].r.name);
		free(s->slot[i].r.why);
	}
	free(s->slot);
	free(s);
}

size_t
refused_set_count(const struct refused_set *s)
{
	return s->n;
}

struct claim_refused *
refused_set_find(struct refused_set *s, const char *name)
{
	size_t i;

	if (s->n == 0)
		return NULL;
	i = slot_of(s, name, name_hash(name));
	return s->slot[i].r.name != NULL ? &s->slot[i].r : NULL;
}

struct claim_refused *
refused_set_add(struct refused_set *s, const char *name)
{
	uint64_t h = name_hash(name);
	size_t i;

	if (2 * (s->n + 1) >= s->cap)
		rehash(s, cap_for(s->n + 1));
	i = slot_of(s, name, h);
	if (s->slot[i].r.name == NULL) {
		s->slot[i].hash = h;
		s->slot[i].r = (struct claim_refused){ .name = xstrdup(name) };
		s->n++;
	}
	return &s->slot[i].r;
}

/* Whether the entry homed at home may sit in slot to, which its probe
 * from home passes before it reaches from (to, from: slots). */
static bool
may_move(size_t home, size_t to, size_t from)
{
	if (to <= from)
		return home <= to || home > from;
	return home <= to && home > from;
}

bool
refused_set_remove(struct refused_set *s, const char *name)
{
	size_t mask, i, j;

	if (s->n == 0)
		return false;
	mask = s->cap - 1;
	i = slot_of(s, name, name_hash(name));
	if (s->slot[i].r.name == NULL)
		return false;
	free(s->slot[i].r.name);
	free(s->slot[i].r.why);
	s->n--;
	/* the entries after the hole whose probe passes it move back */
	for (j = (i + 1) & mask; s->slot[j].r.name != NULL;
	    j = (j + 1) & mask) {
		if (!may_move((size_t)s->slot[j].hash & mask, i, j))
			continue;
		s->slot[i] = s->slot[j];
		i = j;
	}
	s->slot[i] = (struct refused_slot){ 0 };
	return true;
}

void
refused_set_prune(struct refused_set *s,
    bool (*keep)(const struct claim_refused *r, void *arg), void *arg)
{
	size_t n = s->n;

	for (size_t i = 0; i < s->cap; i++) {
		struct claim_refused *r = &s->slot[i].r;

		if (r->name == NULL || keep(r, arg))
			continue;
		free(r->name);
		free(r->why);
		*r = (struct claim_refused){ 0 };
		n--;
	}
	if (n == s->n)
		return;
	/* the free slots made break probes: the kept ones placed again */
	s->n = n;
	if (n == 0) {
		free(s->slot);
		s->slot = NULL;
		s->cap = 0;
		return;
	}
	rehash(s, cap_for(n));
}
