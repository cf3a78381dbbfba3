/* The items a parse keeps (struct feed_opts): every item goes through
 * feed_item_done() when its reader has built it; without a cap it stays,
 * with one only the newest max items of distinct identity stay, so that
 * a feed of 300,000 entries never holds more than max + 1 items at once.
 *
 * The choice is the one a reader holding every item would make: each
 * identity (opts->key) once, its first item; of those the newest
 * (updated, else published; undated ones last), ties in document order;
 * the kept ones in document order. Identities seen are kept as 16 bytes
 * of their SHA-256, in an open-addressing set; the kept items in a heap
 * whose top is the one to give up first. Pure functions. */
#include "feed.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"

#define FEED_KEY_LEN 16

struct feed_keep_ent {
	int64_t t;
	bool dated;
	size_t seq;     /* the item's place in the document */
	size_t slot;    /* its place in f->items */
};

struct feed_keep {
	size_t max;
	char *(*key)(const struct feed_item *it);
	unsigned char *set;     /* cap slots of FEED_KEY_LEN bytes */
	size_t set_n, set_cap;  /* all-zero: a free slot */
	bool zero_seen;         /* the all-zero digest itself */
	struct feed_keep_ent *heap;
	size_t n;
};

void
feed_keep_start(struct feed *f, size_t max,
    char *(*key)(const struct feed_item *it))
{
	if (max == 0)
		return;
	f->keep = xcalloc(1, sizeof(*f->keep));
	f->keep->max = max;
	f->keep->key = key;
	f->keep->heap = xcalloc(max, sizeof(*f->keep->heap));
}

void
feed_keep_free(struct feed *f)
{
	if (f->keep == NULL)
		return;
	free(f->keep->set);
	free(f->keep->heap);
	free(f->keep);
	f->keep = NULL;
}

static size_t
feed_keep_slot(const struct feed_keep *k, const unsigned char *d)
{
	uint64_t h;

	memcpy(&h, d, sizeof(h));
	return (size_t)h & (k->set_cap - 1);
}

/* Adds digest d to the set; false when it was there already. */
static bool
feed_keep_add(struct feed_keep *k, const unsigned char *d)
{
	static const unsigned char zero[FEED_KEY_LEN];
	size_t i;

	if (memcmp(d, zero, FEED_KEY_LEN) == 0) {
		bool was = k->zero_seen;

		k->zero_seen = true;
		return !was;
	}
	if (4 * (k->set_n + 1) > 3 * k->set_cap) {
		unsigned char *old = k->set;
		size_t oldcap = k->set_cap;

		k->set_cap = oldcap ? 2 * oldcap : 1024;
		k->set = xcalloc(k->set_cap, FEED_KEY_LEN);
		for (size_t j = 0; j < oldcap; j++) {
			const unsigned char *e = old + j * FEED_KEY_LEN;

			if (memcmp(e, zero, FEED_KEY_LEN) == 0)
				continue;
			i = feed_keep_slot(k, e);
			while (memcmp(k->set + i * FEED_KEY_LEN, zero,
			    FEED_KEY_LEN) != 0)
				i = (i + 1) & (k->set_cap - 1);
			memcpy(k->set + i * FEED_KEY_LEN, e, FEED_KEY_LEN);
		}
		free(old);
	}
	for (i = feed_keep_slot(k, d);; i = (i + 1) & (k->set_cap - 1)) {
		unsigned char *e = k->set + i * FEED_KEY_LEN;

		if (memcmp(e, d, FEED_KEY_LEN) == 0)
			return false;
		if (memcmp(e, zero, FEED_KEY_LEN) == 0) {
			memcpy(e, d, FEED_KEY_LEN);
			k->set_n++;
			return true;
		}
	}
}

/* Whether a comes after b in the order of choice. */
static bool
feed_keep_after(const struct feed_keep_ent *a, const struct feed_keep_ent *b)
{
	if (a->dated != b->dated)
		return b->dated;
	if (a->dated && a->t != b->t)
		return a->t < b->t;
	return a->seq > b->seq;
}

static void
feed_keep_swap(struct feed_keep_ent *v, size_t i, size_t j)
{
	struct feed_keep_ent t = v[i];

	v[i] = v[j];
	v[j] = t;
}

static void
feed_keep_up(struct feed_keep *k, size_t i)
{
	while (i > 0 && feed_keep_after(&k->heap[i], &k->heap[(i - 1) / 2])) {
		feed_keep_swap(k->heap, i, (i - 1) / 2);
		i = (i - 1) / 2;
	}
}

static void
feed_keep_down(struct feed_keep *k, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, m = i;

		if (l < k->n && feed_keep_after(&k->heap[l], &k->heap[m]))
			m = l;
		if (r < k->n && feed_keep_after(&k->heap[r], &k->heap[m]))
			m = r;
		if (m == i)
			return;
		feed_keep_swap(k->heap, i, m);
		i = m;
	}
}

static unsigned
feed_keep_hex(char c)
{
	return c <= '9' ? (unsigned)(c - '0') : (unsigned)(c - 'a' + 10);
}

/* Drops the last item of f. */
static void
feed_keep_drop_last(struct feed *f)
{
	feed_item_free(&f->items[f->n_items - 1]);
	f->n_items--;
}

void
feed_item_done(struct feed *f)
{
	struct feed_keep *k = f->keep;
	struct feed_item *it = &f->items[f->n_items - 1];
	const struct nw_time *t = it->updated.set ? &it->updated :
	    &it->published;
	struct feed_keep_ent e = { .t = t->utc, .dated = t->set,
	    .seq = f->n_seen++, .slot = f->n_items - 1 };

	feed_tidy_item(it);
	if (k == NULL)
		return;
	if (k->key != NULL) {
		unsigned char d[FEED_KEY_LEN];
		char *key = k->key(it), hex[65];
		bool fresh;

		hash_sha256_hex(key, strlen(key), hex);
		free(key);
		for (size_t i = 0; i < FEED_KEY_LEN; i++)
			d[i] = (unsigned char)(feed_keep_hex(hex[2 * i]) << 4 |
			    feed_keep_hex(hex[2 * i + 1]));
		fresh = feed_keep_add(k, d);
		if (!fresh) {
			/* the identity's first item is the one */
			feed_keep_drop_last(f);
			return;
		}
	}
	if (k->n < k->max) {
		k->heap[k->n++] = e;
		feed_keep_up(k, k->n - 1);
		return;
	}
	f->n_capped++;
	if (!feed_keep_after(&k->heap[0], &e)) {
		feed_keep_drop_last(f);
		return;
	}
	/* the new item takes the place of the one given up */
	e.slot = k->heap[0].slot;
	feed_item_free(&f->items[e.slot]);
	f->items[e.slot] = f->items[f->n_items - 1];
	f->n_items--;
	k->heap[0] = e;
	feed_keep_down(k, 0);
}

static int
feed_keep_seq(const void *a, const void *b)
{
	const struct feed_keep_ent *x = a, *y = b;

	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void
feed_keep_finish(struct feed *f)
{
	struct feed_keep *k = f->keep;
	struct feed_item *v;
	bool *used;

	if (k == NULL)
		return;
	qsort(k->heap, k->n, sizeof(*k->heap), feed_keep_seq);
	v = xcalloc(k->n ? k->n : 1, sizeof(*v));
	used = xcalloc(f->n_items ? f->n_items : 1, sizeof(*used));
	for (size_t i = 0; i < k->n; i++) {
		v[i] = f->items[k->heap[i].slot];
		used[k->heap[i].slot] = true;
	}
	/* an item left unfinished (a parse stopped by its budget) */
	for (size_t i = 0; i < f->n_items; i++)
		if (!used[i])
			feed_item_free(&f->items[i]);
	free(used);
	free(f->items);
	f->items = v;
	f->items_cap = k->n ? k->n : 1;
	f->n_items = k->n;
	feed_keep_free(f);
}

char *
feed_item_key(const struct feed_item *it)
{
	struct buf b = { 0 };
	char hex[65];

	if (it->guid != NULL && *it->guid != '\0')
		return xstrdup(it->guid);
	if (it->link != NULL && *it->link != '\0')
		return xstrdup(it->link);
	buf_printf(&b, "%s\n%s\n%s", it->title ? it->title : "",
	    it->description ? it->description : "",
	    it->content ? it->content : "");
	hash_sha256_hex(b.p, b.len, hex);
	buf_free(&b);
	b = (struct buf){ 0 };
	buf_printf(&b, "sha256:%s", hex);
	return buf_take(&b);
}
