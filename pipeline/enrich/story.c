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
#include "story.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "../hash.h"
#include "enrich_int.h"

#define STORY_MIN_NAMES 2
#define STORY_MIN_COS_NAMED 0.2
#define STORY_MIN_COS 0.5

struct story_entry {
	char *story_id;
	int64_t t;
	int md;           /* dateline month * 100 + day when t is the fetch
	                     time; 0 when t is the publication time */
	struct strlist names;
	struct strlist terms;
};

struct story_index {
	int64_t window;
	struct story_entry *v;
	size_t n, cap;
	int64_t newest;
};

struct story_index *
story_index_new(int64_t window_secs)
{
	struct story_index *idx = xcalloc(1, sizeof(*idx));

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
story_index_free(struct story_index *idx)
{
	size_t i;

	if (idx == NULL)
		return;
	for (i = 0; i < idx->n; i++)
		story_entry_free(&idx->v[i]);
	free(idx->v);
	free(idx);
}

int64_t
story_time(const struct nw_article *a, int64_t now)
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
			return 0;  /* a year or a number: not a yearless date */
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
	etok_split(text, &t);
	for (i = 0; i < t.n && i < max; i++) {
		char *f;
		size_t n;

		if (t.v[i].len < 3 || (t.v[i].flags & ETOK_NUM))
			continue;
		f = etok_fold(text + t.v[i].off, t.v[i].len);
		n = strlen(f);
		if (etok_stopword(f) || lang_stopword(f) || n < 3) {
			free(f);
			continue;
		}
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
story_signature(const struct nw_article *a)
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

static struct story_entry *
story_add(struct story_index *idx, const char *story_id, int64_t t)
{
	struct story_entry *e;
	size_t i, j = 0;

	if (t > idx->newest)
		idx->newest = t;
	/* Drop what no new article can reach any more. */
	for (i = 0; i < idx->n; i++) {
		if (idx->v[i].t < idx->newest - 2 * idx->window)
			story_entry_free(&idx->v[i]);
		else
			idx->v[j++] = idx->v[i];
	}
	idx->n = j;
	if (idx->n == idx->cap) {
		idx->cap = idx->cap ? idx->cap * 2 : 64;
		idx->v = xrealloc(idx->v, idx->cap * sizeof(*idx->v));
	}
	e = &idx->v[idx->n++];
	memset(e, 0, sizeof(*e));
	e->story_id = xstrdup(story_id);
	e->t = t;
	return e;
}

void
story_assign(struct story_index *idx, struct nw_article *a, int64_t now)
{
	struct strlist names = { 0 }, terms = { 0 };
	int64_t t = story_time(a, now);
	int md = story_dateline_md(a);
	const struct story_entry *best = NULL;
	double best_score = -1;
	struct story_entry *e;
	char id[4 + 17];
	size_t i;

	story_features(a, &names, &terms);
	for (i = 0; i < idx->n; i++) {
		double sc;

		if (!story_near(idx->window, idx->v[i].t, idx->v[i].md, t, md))
			continue;
		sc = story_score(&idx->v[i], &names, &terms);
		if (sc > best_score) {
			best_score = sc;
			best = &idx->v[i];
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
	e = story_add(idx, id, t);
	e->md = md;
	e->names = names;
	e->terms = terms;
}

int
story_index_restore(struct story_index *idx, const char *story_id,
    int64_t t, const char *signature)
{
	struct story_entry *e;
	const char *p = signature;

	if (story_id == NULL || strncmp(story_id, "st1-", 4) != 0 ||
	    signature == NULL)
		return -1;
	e = story_add(idx, story_id, t);
	while (*p != '\0') {
		size_t n = strcspn(p, "\t");

		if (n == 6 && strncmp(p, "d:", 2) == 0)
			e->md = atoi(p + 2);
		else if (n > 2 && strncmp(p, "p:", 2) == 0)
			strlist_push_owned(&e->names, xstrndup(p + 2, n - 2));
		else if (n > 2 && strncmp(p, "t:", 2) == 0)
			strlist_push_owned(&e->terms, xstrndup(p + 2, n - 2));
		p += n;
		if (*p == '\t')
			p++;
	}
	story_sort(&e->names);
	story_sort(&e->terms);
	return 0;
}
