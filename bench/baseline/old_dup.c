/* The duplicate index as it was before issue 18 (a print per entry, a
 * posting per sample in a table of 16-byte slots), kept verbatim under
 * the prefix old_ as the baseline of bench_window. Not built into the
 * daemon. */
#include "baseline.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Number of samples of s that are <= lim. */
static size_t
old_dup_below(const struct dup_print *s, uint64_t lim)
{
	size_t lo = 0, hi = s->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->h[mid] <= lim)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The shorter of a and b into *s, the other into *l; the limit below
 * which both samples are complete into *lim and the number of the
 * shorter's samples under it into *n. */
static void
old_dup_order(const struct dup_print *a, const struct dup_print *b,
    const struct dup_print **s, const struct dup_print **l, uint64_t *lim,
    size_t *n)
{
	if (a->shingles < b->shingles ||
	    (a->shingles == b->shingles && a->n <= b->n)) {
		*s = a;
		*l = b;
	} else {
		*s = b;
		*l = a;
	}
	*lim = a->limit < b->limit ? a->limit : b->limit;
	*n = old_dup_below(*s, *lim);
}

/* The index: entries in the order added, and an open-addressing table
 * from each sampled hash to the chain of its postings. Entries that fall
 * out of the window are marked dead; once they outnumber the live ones the
 * whole index is rebuilt without them. */
struct old_dup_entry {
	char *id;
	int64_t t;
	struct dup_print p;
	int dead;
};

struct old_dup_posting {
	uint32_t entry;
	uint32_t next;      /* UINT32_MAX ends the chain */
};

struct old_dup_slot {
	uint64_t h;
	uint32_t head;      /* UINT32_MAX: the slot is empty */
};

struct old_dup_index {
	int64_t window;
	int64_t newest;
	struct old_dup_entry *e;
	size_t n, cap, live, first;
	struct old_dup_posting *post;
	size_t n_post, cap_post;
	struct old_dup_slot *slot;
	size_t n_slot;      /* a power of two */
	size_t used_slot;
	uint32_t *count;    /* per entry, scratch for queries */
	uint32_t *touched;
};

struct old_dup_index *
old_dup_index_new(int64_t window_secs)
{
	struct old_dup_index *idx = xcalloc(1, sizeof(*idx));

	idx->window = window_secs > 0 ? window_secs : DUP_DEFAULT_WINDOW;
	idx->newest = INT64_MIN;
	idx->n_slot = 1024;
	idx->slot = xmalloc(idx->n_slot * sizeof(*idx->slot));
	for (size_t i = 0; i < idx->n_slot; i++)
		idx->slot[i].head = UINT32_MAX;
	return idx;
}

static void
old_dup_entries_free(struct old_dup_index *idx)
{
	for (size_t i = 0; i < idx->n; i++) {
		free(idx->e[i].id);
		dup_print_release(&idx->e[i].p);
	}
}

void
old_dup_index_free(struct old_dup_index *idx)
{
	if (idx == NULL)
		return;
	old_dup_entries_free(idx);
	free(idx->e);
	free(idx->post);
	free(idx->slot);
	free(idx->count);
	free(idx->touched);
	free(idx);
}

static struct old_dup_slot *
old_dup_find(struct old_dup_slot *slot, size_t n_slot, uint64_t h)
{
	size_t i = (size_t)(h >> 3) & (n_slot - 1);

	while (slot[i].head != UINT32_MAX && slot[i].h != h)
		i = (i + 1) & (n_slot - 1);
	return &slot[i];
}

static void
old_dup_grow_slots(struct old_dup_index *idx)
{
	size_t n = idx->n_slot * 2;
	struct old_dup_slot *s = xmalloc(n * sizeof(*s));

	for (size_t i = 0; i < n; i++)
		s[i].head = UINT32_MAX;
	for (size_t i = 0; i < idx->n_slot; i++)
		if (idx->slot[i].head != UINT32_MAX)
			*old_dup_find(s, n, idx->slot[i].h) = idx->slot[i];
	free(idx->slot);
	idx->slot = s;
	idx->n_slot = n;
}

/* Files entry i's samples under their hashes. */
static void
old_dup_post(struct old_dup_index *idx, size_t i)
{
	const struct dup_print *p = &idx->e[i].p;

	for (size_t k = 0; k < p->n; k++) {
		struct old_dup_slot *s;

		if ((idx->used_slot + 1) * 2 > idx->n_slot)
			old_dup_grow_slots(idx);
		if (idx->n_post == idx->cap_post) {
			idx->cap_post = idx->cap_post ? idx->cap_post * 2 : 1024;
			idx->post = xrealloc(idx->post,
			    idx->cap_post * sizeof(*idx->post));
		}
		s = old_dup_find(idx->slot, idx->n_slot, p->h[k]);
		if (s->head == UINT32_MAX) {
			s->h = p->h[k];
			idx->used_slot++;
		}
		idx->post[idx->n_post].entry = (uint32_t)i;
		idx->post[idx->n_post].next = s->head;
		s->head = (uint32_t)idx->n_post++;
	}
}

/* Drops the dead entries and rebuilds the table from the live ones. */
static void
old_dup_compact(struct old_dup_index *idx)
{
	size_t m = 0;

	for (size_t i = 0; i < idx->n; i++) {
		if (idx->e[i].dead) {
			free(idx->e[i].id);
			dup_print_release(&idx->e[i].p);
		} else {
			idx->e[m++] = idx->e[i];
		}
	}
	idx->n = m;
	idx->first = 0;
	idx->n_post = 0;
	idx->used_slot = 0;
	for (size_t i = 0; i < idx->n_slot; i++)
		idx->slot[i].head = UINT32_MAX;
	for (size_t i = 0; i < idx->n; i++)
		old_dup_post(idx, i);
}

/* Marks the entries that fell out of the window behind the newest. */
static void
old_dup_expire(struct old_dup_index *idx)
{
	int64_t cut = idx->newest - idx->window;

	for (size_t i = idx->first; i < idx->n; i++) {
		if (!idx->e[i].dead && idx->e[i].t < cut) {
			idx->e[i].dead = 1;
			idx->live--;
		}
	}
	while (idx->first < idx->n && idx->e[idx->first].dead)
		idx->first++;
	if (idx->n - idx->live > 1024 && idx->n - idx->live > idx->live)
		old_dup_compact(idx);
}

int
old_dup_index_add(struct old_dup_index *idx, const char *id, const char *print,
    int64_t t)
{
	struct old_dup_entry *e;

	if (idx->n >= UINT32_MAX - 1)
		return -1;
	if (idx->n == idx->cap) {
		idx->cap = idx->cap ? idx->cap * 2 : 64;
		idx->e = xrealloc(idx->e, idx->cap * sizeof(*idx->e));
		idx->count = xrealloc(idx->count,
		    idx->cap * sizeof(*idx->count));
		idx->touched = xrealloc(idx->touched,
		    idx->cap * sizeof(*idx->touched));
	}
	e = &idx->e[idx->n];
	if (dup_print_parse(print, &e->p) != 0)
		return -1;
	e->id = xstrdup(id);
	e->t = t;
	e->dead = 0;
	idx->count[idx->n] = 0;
	old_dup_post(idx, idx->n);
	idx->n++;
	idx->live++;
	if (t > idx->newest) {
		idx->newest = t;
		/* scanning for the old ones costs a pass: not every add */
		if (idx->n % 64 == 0 || idx->n - idx->first > 4 * idx->live)
			old_dup_expire(idx);
	}
	return 0;
}

const char *
old_dup_index_query(struct old_dup_index *idx, const char *print, int64_t t,
    int *pct)
{
	struct dup_print q;
	size_t n_touched = 0, best = SIZE_MAX;
	int best_pct = -1;

	if (pct != NULL)
		*pct = 0;
	if (dup_print_parse(print, &q) != 0)
		return NULL;
	for (size_t k = 0; k < q.n; k++) {
		const struct old_dup_slot *s = old_dup_find(idx->slot, idx->n_slot,
		    q.h[k]);

		for (uint32_t p = s->head; p != UINT32_MAX;
		    p = idx->post[p].next) {
			uint32_t i = idx->post[p].entry;

			if (idx->count[i]++ == 0)
				idx->touched[n_touched++] = i;
		}
	}
	for (size_t k = 0; k < n_touched; k++) {
		uint32_t i = idx->touched[k];
		const struct old_dup_entry *e = &idx->e[i];
		int64_t dt = e->t > t ? e->t - t : t - e->t;
		const struct dup_print *sp, *lp;
		uint64_t lim;
		size_t n, shared = idx->count[i];
		int c;

		idx->count[i] = 0;
		if (e->dead || dt > idx->window)
			continue;
		/* the samples shared bound the containment from above: an
		 * article met only through boilerplate is not compared */
		old_dup_order(&q, &e->p, &sp, &lp, &lim, &n);
		if (n == 0 || shared * 100 < (size_t)DUP_CONTAIN_PCT * n ||
		    !dup_same(&q, &e->p))
			continue;
		c = dup_containment(&q, &e->p, &n);
		if (c > best_pct || (c == best_pct && i < best)) {
			best_pct = c;
			best = i;
		}
	}
	dup_print_release(&q);
	if (best == SIZE_MAX)
		return NULL;
	if (pct != NULL)
		*pct = best_pct;
	return idx->e[best].id;
}

size_t
old_dup_index_size(const struct old_dup_index *idx)
{
	return idx->live;
}
