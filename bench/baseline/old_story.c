/* The story index as it was before issue 18 (strings per entry and per
 * posting), kept verbatim under the prefix old_ as the baseline of
 * bench_window. Not built into the daemon. */
/* Story index. Each article is reduced to a signature: the case-folded
 * names of the people and organisations it mentions (places are left out:
 * "Russia" and "US" join too many unrelated stories) and the content words
 * (three letters or more, not a function word of English or of any
 * language profile of enrich_lang.c, a plural 's' dropped) of its title
 * and lead. Two articles tell one story when
 *   - they share at least STORY_MIN_NAMES names and their terms have a
 *     cosine of at least STORY_MIN_COS_NAMED, or
 *   - their terms alone have a cosine of at least STORY_MIN_COS.
 * The two outlets' reports of one event share the protagonists and the
 * headline words; unrelated articles on one beat share a name or two
 * ("Donald Trump") but little of their leads. A new article joins the
 * story of the best-scoring match in the window.
 *
 * Time. An article is filed under its publication time, or its fetch time
 * when that is unknown. A wire dateline ("MOSCOW, February 13") states the
 * day without a year: such an article, with no other date, is compared as
 * if published on that day in the year of the article it is compared
 * with (or the year before or after, across New Year), provided that day
 * is not after its fetch time. The year is borrowed, never guessed alone.
 *
 * Limits: function words are known for twelve languages only; the 's'
 * plural rule is English; a follow-up days later with a new angle starts a
 * new story; very short articles match on few words; the thresholds were
 * set on the two samples (one story) and the 390 corpus pages (all
 * different), not on a labelled story corpus. */
#include "baseline.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "hash.h"
#include "enrich/enrich_int.h"

#define STORY_MIN_NAMES 2
#define STORY_MIN_COS_NAMED 0.2
#define STORY_MIN_COS 0.5
/* A term or name held by more entries than this (a word of every report
 * on the beat) is not used to find candidates; it still counts in the
 * cosine of the candidates found through rarer words. */
#define STORY_POST_MAX 500
/* Expired entries are swept out after this many adds, or after as many
 * adds as there are entries, whichever is more: amortised O(1) per add. */
#define STORY_SWEEP_MIN 1024

/*
 * Scale. A query only scores the entries that share a term or a name with
 * it, found through inverted indexes (term -> entries, name -> entries);
 * an entry that shares no term has a cosine of 0 and can never match.
 * Entries live in idx->v in the order they were added and are identified
 * by their position there; expired entries are skipped by the query and
 * swept out (v compacted, the posting lists rebuilt) every so many adds,
 * which keeps the results those of a sweep on every add.
 */

struct story_entry {
	char *story_id;
	int64_t t;
	int md;           /* dateline month * 100 + day when t is the fetch
	                     time; 0 when t is the publication time */
	struct strlist names;
	struct strlist terms;
	uint64_t seen;    /* the query that last listed it as a candidate */
};

/* The entries (positions in idx->v, ascending) holding one string. */
struct story_post {
	const char *key;  /* borrowed from an entry of the list; NULL: free */
	uint32_t hash;
	uint32_t *v;
	size_t n, cap;
};

/* Open addressing, linear probing, power-of-two size, at most half
 * full. */
struct story_map {
	struct story_post *slot;
	size_t size, used;
};

struct old_story_index {
	int64_t window;
	struct story_entry *v;
	size_t n, cap;
	int64_t newest;
	struct story_map terms, names;
	size_t adds;      /* since the last sweep */
	uint64_t query;
	uint32_t *cand;   /* candidate scratch */
	size_t ncand, capcand;
};

static uint32_t
story_hash(const char *s)
{
	uint32_t h = 2166136261u;

	while (*s != '\0') {
		h ^= (unsigned char)*s++;
		h *= 16777619u;
	}
	return h;
}

static void
story_map_free(struct story_map *m)
{
	size_t i;

	for (i = 0; i < m->size; i++)
		free(m->slot[i].v);
	free(m->slot);
	memset(m, 0, sizeof(*m));
}

/* The list for key, or NULL. */
static struct story_post *
story_map_get(const struct story_map *m, const char *key)
{
	uint32_t h = story_hash(key);
	size_t i;

	if (m->size == 0)
		return NULL;
	for (i = h & (m->size - 1); m->slot[i].key != NULL;
	    i = (i + 1) & (m->size - 1))
		if (m->slot[i].hash == h && strcmp(m->slot[i].key, key) == 0)
			return &m->slot[i];
	return NULL;
}

static void
story_map_grow(struct story_map *m)
{
	struct story_post *old = m->slot;
	size_t osize = m->size, i;

	m->size = osize ? osize * 2 : 256;
	m->slot = xcalloc(m->size, sizeof(*m->slot));
	for (i = 0; i < osize; i++) {
		size_t j;

		if (old[i].key == NULL)
			continue;
		for (j = old[i].hash & (m->size - 1); m->slot[j].key != NULL;
		    j = (j + 1) & (m->size - 1))
			;
		m->slot[j] = old[i];
	}
	free(old);
}

/* Appends entry position pos to the list of key (borrowed: it must live
 * as long as that entry). */
static void
story_map_add(struct story_map *m, const char *key, uint32_t pos)
{
	uint32_t h = story_hash(key);
	struct story_post *p;
	size_t i;

	if ((m->used + 1) * 2 > m->size)
		story_map_grow(m);
	for (i = h & (m->size - 1); m->slot[i].key != NULL;
	    i = (i + 1) & (m->size - 1))
		if (m->slot[i].hash == h && strcmp(m->slot[i].key, key) == 0)
			break;
	p = &m->slot[i];
	if (p->key == NULL) {
		p->key = key;
		p->hash = h;
		m->used++;
	}
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 4;
		p->v = xrealloc(p->v, p->cap * sizeof(*p->v));
	}
	p->v[p->n++] = pos;
}

static void
story_index_entry(struct old_story_index *idx, uint32_t pos)
{
	const struct story_entry *e = &idx->v[pos];
	size_t i;

	for (i = 0; i < e->names.n; i++)
		story_map_add(&idx->names, e->names.v[i], pos);
	for (i = 0; i < e->terms.n; i++)
		story_map_add(&idx->terms, e->terms.v[i], pos);
}

struct old_story_index *
old_story_index_new(int64_t window_secs)
{
	struct old_story_index *idx = xcalloc(1, sizeof(*idx));

	idx->window = window_secs > 0 ? window_secs : STORY_DEFAULT_WINDOW;
	return idx;
}

static void
story_entry_free(struct story_entry *e)
{
	free(e->story_id);
	strlist_free(&e->names);
	strlist_free(&e->terms);
}

void
old_story_index_free(struct old_story_index *idx)
{
	size_t i;

	if (idx == NULL)
		return;
	for (i = 0; i < idx->n; i++)
		story_entry_free(&idx->v[i]);
	free(idx->v);
	story_map_free(&idx->terms);
	story_map_free(&idx->names);
	free(idx->cand);
	free(idx);
}

int64_t
old_story_time(const struct nw_article *a, int64_t now)
{
	return a->published.set ? a->published.utc : now;
}

static const char *const story_months[] = { "jan", "feb", "mar", "apr",
	"may", "jun", "jul", "aug", "sep", "oct", "nov", "dec" };

/* month * 100 + day of a yearless dateline date ("February 13", "13 Feb"),
 * or 0. */
static int
story_dateline_md(const struct nw_article *a)
{
	const char *p;
	int month = 0, day = 0;

	if (a->published.set || a->dateline == NULL ||
	    a->dateline->date == NULL)
		return 0;
	for (p = a->dateline->date; *p != '\0'; ) {
		size_t n = strspn(p, "abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
		size_t d = strspn(p, "0123456789");
		size_t i;

		if (n >= 3) {
			for (i = 0; i < 12; i++)
				if (strncasecmp(p, story_months[i], 3) == 0)
					month = (int)i + 1;
			p += n;
		} else if (d > 0 && d <= 2) {
			day = atoi(p);
			p += d;
		} else if (d > 2) {
			return 0;  /* a year or number: not a yearless date */
		} else {
			p++;
		}
	}
	if (month == 0 || day < 1 || day > 31)
		return 0;
	return month * 100 + day;
}

/* The dated day md in the year of ref (or the year around it) closest to
 * ref. */
static int64_t
story_borrow_year(int md, int64_t ref)
{
	time_t rt = (time_t)ref;
	struct tm tm;
	int64_t best = 0, bd = -1;
	int y;

	gmtime_r(&rt, &tm);
	for (y = tm.tm_year - 1; y <= tm.tm_year + 1; y++) {
		struct tm c = { 0 };
		int64_t t, d;

		c.tm_year = y;
		c.tm_mon = md / 100 - 1;
		c.tm_mday = md % 100;
		c.tm_hour = 12;
		t = (int64_t)timegm(&c);
		d = t > ref ? t - ref : ref - t;
		if (bd < 0 || d < bd) {
			bd = d;
			best = t;
		}
	}
	return best;
}

/* Can articles filed at (t1, md1) and (t2, md2) be one story? */
static bool
story_near(int64_t window, int64_t t1, int md1, int64_t t2, int md2)
{
	int64_t d;

	if (md1 != 0 && md2 == 0) {
		int64_t b = story_borrow_year(md1, t2);

		if (b > t1 + 86400)
			return false;  /* dated after it was fetched */
		t1 = b;
		window += 86400;   /* a day, not a time */
	} else if (md2 != 0 && md1 == 0) {
		return story_near(window, t2, md2, t1, 0);
	}
	d = t1 - t2;
	return d <= window && d >= -window;
}

/* Appends s (owned) unless empty or holding a tab; story_sort() removes
 * repeats later. */
static void
story_push_unique(struct strlist *l, char *s)
{
	if (s[0] == '\0' || strchr(s, '\t') != NULL)
		free(s);
	else
		strlist_push_owned(l, s);
}

static int
story_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorts l and drops repeats. */
static void
story_sort(struct strlist *l)
{
	size_t i, j = 0;

	if (l->n > 1)
		qsort(l->v, l->n, sizeof(*l->v), story_cmp);
	for (i = 0; i < l->n; i++) {
		if (j > 0 && strcmp(l->v[j - 1], l->v[i]) == 0)
			free(l->v[i]);
		else
			l->v[j++] = l->v[i];
	}
	l->n = j;
}

/* Strings in both sorted lists. */
static size_t
story_shared(const struct strlist *x, const struct strlist *y)
{
	size_t i = 0, j = 0, n = 0;

	while (i < x->n && j < y->n) {
		int c = strcmp(x->v[i], y->v[j]);

		if (c == 0)
			n++;
		i += c <= 0;
		j += c >= 0;
	}
	return n;
}

static void
story_terms(const char *text, size_t max, struct strlist *out)
{
	struct etoks t = { 0 };
	size_t i;

	if (text == NULL)
		return;
	etok_split_n(text, &t, max);
	for (i = 0; i < t.n; i++) {
		const char *w;
		char *f;
		size_t n;

		if (t.v[i].len < 3 || (t.v[i].flags & ETOK_NUM))
			continue;
		w = etok_folded(&t, i);
		n = strlen(w);
		if (etok_stopword(w) || lang_stopword(w) || n < 3)
			continue;
		f = xstrndup(w, n);
		if (n > 3 && f[n - 1] == 's' && f[n - 2] != 's')
			f[n - 1] = '\0';
		story_push_unique(out, f);
	}
	etok_free(&t);
}

static void
story_features(const struct nw_article *a, struct strlist *names,
    struct strlist *terms)
{
	size_t i;

	for (i = 0; i < a->people.n; i++)
		story_push_unique(names, etok_fold(a->people.v[i],
		    strlen(a->people.v[i])));
	for (i = 0; i < a->organisations.n; i++)
		story_push_unique(names, etok_fold(a->organisations.v[i],
		    strlen(a->organisations.v[i])));
	story_terms(a->title, 64, terms);
	story_terms(a->body, STORY_LEAD_WORDS, terms);
	story_sort(names);
	story_sort(terms);
}

char *
old_story_signature(const struct nw_article *a)
{
	struct strlist names = { 0 }, terms = { 0 };
	struct buf b = { 0 };
	size_t i;

	story_features(a, &names, &terms);
	if (story_dateline_md(a) != 0)
		buf_printf(&b, "d:%04d", story_dateline_md(a));
	for (i = 0; i < names.n; i++)
		buf_printf(&b, "%sp:%s", b.len ? "\t" : "", names.v[i]);
	for (i = 0; i < terms.n; i++)
		buf_printf(&b, "%st:%s", b.len ? "\t" : "", terms.v[i]);
	strlist_free(&names);
	strlist_free(&terms);
	return buf_take(&b);
}

/* Similarity score of entry e and features (names, terms); < 0 when they
 * are not one story. */
static double
story_score(const struct story_entry *e, const struct strlist *names,
    const struct strlist *terms)
{
	size_t sn = story_shared(&e->names, names);
	size_t st = story_shared(&e->terms, terms);
	double cos = 0;

	if (e->terms.n > 0 && terms->n > 0)
		cos = (double)st /
		    sqrt((double)e->terms.n * (double)terms->n);
	if ((sn >= STORY_MIN_NAMES && cos >= STORY_MIN_COS_NAMED) ||
	    cos >= STORY_MIN_COS)
		return cos + (double)sn * 0.1;
	return -1;
}

/* Is the entry at pos out of reach? Those older than twice the window
 * before the newest time seen; the entry added last is kept for one more
 * query, as when every add swept. */
static bool
story_expired(const struct old_story_index *idx, size_t pos)
{
	return idx->v[pos].t < idx->newest - 2 * idx->window &&
	    pos + 1 != idx->n;
}

/* Drops the expired entries and rebuilds the posting lists. */
static void
story_sweep(struct old_story_index *idx)
{
	size_t i, j = 0;

	for (i = 0; i < idx->n; i++) {
		if (idx->v[i].t < idx->newest - 2 * idx->window)
			story_entry_free(&idx->v[i]);
		else
			idx->v[j++] = idx->v[i];
	}
	idx->n = j;
	story_map_free(&idx->terms);
	story_map_free(&idx->names);
	for (i = 0; i < idx->n; i++)
		story_index_entry(idx, (uint32_t)i);
	idx->adds = 0;
}

/* Adds an entry; takes names and terms (sorted). */
static void
story_add(struct old_story_index *idx, const char *story_id, int64_t t, int md,
    struct strlist *names, struct strlist *terms)
{
	struct story_entry *e;

	if (t > idx->newest)
		idx->newest = t;
	if (++idx->adds >= STORY_SWEEP_MIN && idx->adds >= idx->n)
		story_sweep(idx);
	if (idx->n == idx->cap) {
		idx->cap = idx->cap ? idx->cap * 2 : 64;
		idx->v = xrealloc(idx->v, idx->cap * sizeof(*idx->v));
	}
	e = &idx->v[idx->n++];
	memset(e, 0, sizeof(*e));
	e->story_id = xstrdup(story_id);
	e->t = t;
	e->md = md;
	e->names = *names;
	e->terms = *terms;
	e->seen = idx->query;
	memset(names, 0, sizeof(*names));
	memset(terms, 0, sizeof(*terms));
	story_index_entry(idx, (uint32_t)(idx->n - 1));
}

/* Lists in idx->cand, once each, the entries holding one of l's strings
 * in m, skipping strings held by more than STORY_POST_MAX entries. */
static void
story_candidates(struct old_story_index *idx, const struct story_map *m,
    const struct strlist *l)
{
	size_t i, k;

	for (i = 0; i < l->n; i++) {
		const struct story_post *p = story_map_get(m, l->v[i]);

		if (p == NULL || p->n > STORY_POST_MAX)
			continue;
		for (k = 0; k < p->n; k++) {
			struct story_entry *e = &idx->v[p->v[k]];

			if (e->seen == idx->query)
				continue;
			e->seen = idx->query;
			if (idx->ncand == idx->capcand) {
				idx->capcand = idx->capcand ?
				    idx->capcand * 2 : 256;
				idx->cand = xrealloc(idx->cand,
				    idx->capcand * sizeof(*idx->cand));
			}
			idx->cand[idx->ncand++] = p->v[k];
		}
	}
}

static int
story_cmp_pos(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

void
old_story_assign(struct old_story_index *idx, struct nw_article *a, int64_t now)
{
	struct strlist names = { 0 }, terms = { 0 };
	int64_t t = old_story_time(a, now);
	int md = story_dateline_md(a);
	const struct story_entry *best = NULL;
	double best_score = -1;
	char id[4 + 17];
	size_t i;

	story_features(a, &names, &terms);
	idx->query++;
	idx->ncand = 0;
	story_candidates(idx, &idx->terms, &terms);
	story_candidates(idx, &idx->names, &names);
	/* in the order they were added: the first of equal scores wins */
	if (idx->ncand > 1)
		qsort(idx->cand, idx->ncand, sizeof(*idx->cand),
		    story_cmp_pos);
	for (i = 0; i < idx->ncand; i++) {
		const struct story_entry *e = &idx->v[idx->cand[i]];
		double sc;

		if (story_expired(idx, idx->cand[i]) ||
		    !story_near(idx->window, e->t, e->md, t, md))
			continue;
		sc = story_score(e, &names, &terms);
		if (sc > best_score) {
			best_score = sc;
			best = e;
		}
	}
	if (best != NULL) {
		snprintf(id, sizeof(id), "%s", best->story_id);
	} else {
		struct buf b = { 0 };
		char h[65];

		buf_printf(&b, "%s\n%s\n%lld", a->content_hash,
		    a->canonical_url ? a->canonical_url :
		    a->url ? a->url : "", (long long)t);
		hash_sha256_hex(b.p, b.len, h);
		buf_free(&b);
		snprintf(id, sizeof(id), "st1-%.16s", h);
	}
	article_set(&a->story_id, id);
	story_add(idx, id, t, md, &names, &terms);
}

int
old_story_index_restore(struct old_story_index *idx, const char *story_id,
    int64_t t, const char *signature)
{
	struct strlist names = { 0 }, terms = { 0 };
	const char *p = signature;
	int md = 0;

	if (story_id == NULL || strncmp(story_id, "st1-", 4) != 0 ||
	    signature == NULL)
		return -1;
	while (*p != '\0') {
		size_t n = strcspn(p, "\t");

		if (n == 6 && strncmp(p, "d:", 2) == 0)
			md = atoi(p + 2);
		else if (n > 2 && strncmp(p, "p:", 2) == 0)
			strlist_push_owned(&names, xstrndup(p + 2, n - 2));
		else if (n > 2 && strncmp(p, "t:", 2) == 0)
			strlist_push_owned(&terms, xstrndup(p + 2, n - 2));
		p += n;
		if (*p == '\t')
			p++;
	}
	story_sort(&names);
	story_sort(&terms);
	story_add(idx, story_id, t, md, &names, &terms);
	return 0;
}
