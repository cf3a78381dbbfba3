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

#include "hash.h"
#include "enrich_int.h"
#include "story_int.h"

#define STORY_MIN_NAMES 2
#define STORY_MIN_COS_NAMED 0.2
#define STORY_MIN_COS 0.5
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
		/* etok_stopword() or lang_stopword(), in one probe */
		if (n < 3 || lang_stop_mask(w, t.v[i].hash) != 0)
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

/* The signature of features story_features() found. */
static char *
story_signature_of(const struct nw_article *a, const struct strlist *names,
    const struct strlist *terms)
{
	struct buf b = { 0 };
	size_t i;

	if (story_dateline_md(a) != 0)
		buf_printf(&b, "d:%04d", story_dateline_md(a));
	for (i = 0; i < names->n; i++)
		buf_printf(&b, "%sp:%s", b.len ? "\t" : "", names->v[i]);
	for (i = 0; i < terms->n; i++)
		buf_printf(&b, "%st:%s", b.len ? "\t" : "", terms->v[i]);
	return buf_take(&b);
}

char *
story_signature(const struct nw_article *a)
{
	struct strlist names = { 0 }, terms = { 0 };
	char *sig;

	story_features(a, &names, &terms);
	sig = story_signature_of(a, &names, &terms);
	strlist_free(&names);
	strlist_free(&terms);
	return sig;
}

/* The hashes of a list of strings (story_keys_push() keeps 0 for
 * empty slots). */
static void
story_hash_list(const struct strlist *l, struct story_keys *k)
{
	for (size_t i = 0; i < l->n; i++)
		story_keys_push(k, etok_hash(l->v[i], strlen(l->v[i])));
	story_keys_sort(k);
}

/* Similarity score of an entry of nterms terms sharing sn names and st
 * terms with a query of qterms terms; < 0 when they are not one story.
 * It grows with sn and st (so a bound of them bounds it). */
static double
story_score(size_t sn, size_t st, size_t nterms, size_t qterms)
{
	double cos = 0;

	if (nterms > 0 && qterms > 0)
		cos = (double)st / sqrt((double)nterms * (double)qterms);
	if ((sn >= STORY_MIN_NAMES && cos >= STORY_MIN_COS_NAMED) ||
	    cos >= STORY_MIN_COS)
		return cos + (double)sn * 0.1;
	return -1;
}

/* The most c can score: it shares at most c->cn common names and
 * c->ct common terms beyond the rare ones counted. */
static double
story_bound(const struct story_cand *c, size_t qterms)
{
	size_t sn = (size_t)c->sn + c->cn, st = (size_t)c->st + c->ct;

	if (c->nt >= STORY_SIZE_MAX)
		return HUGE_VAL;  /* its size is not known */
	if (c->nn < STORY_SIZE_MAX && sn > c->nn)
		sn = c->nn;
	if (st > c->nt)
		st = c->nt;
	return story_score(sn, st, c->nt, qterms);
}

/* A candidate's bound, place in cand and age: a max-heap of them gives the
 * candidates in the order of their bounds as far as the scan goes (it
 * stops after a few at most, of thousands at a million articles). */
struct story_ub {
	double ub;
	uint32_t i;
	uint32_t age;
};

/* Is x to be scored before y: a higher bound, or of equal bounds the
 * first added (as the scores are compared)? */
static bool
story_ub_before(const struct story_ub *x, const struct story_ub *y)
{
	return x->ub > y->ub || (x->ub == y->ub && x->age < y->age);
}

static void
story_heap_down(struct story_ub *h, size_t n, size_t k)
{
	struct story_ub x = h[k];

	for (;;) {
		size_t c = 2 * k + 1;

		if (c >= n)
			break;
		if (c + 1 < n && story_ub_before(&h[c + 1], &h[c]))
			c++;
		if (!story_ub_before(&h[c], &x))
			break;
		h[k] = h[c];
		k = c;
	}
	h[k] = x;
}

static struct story_ub
story_heap_pop(struct story_ub *h, size_t *n)
{
	struct story_ub top = h[0];

	h[0] = h[--*n];
	if (*n > 1)
		story_heap_down(h, *n, 0);
	return top;
}

#define STORY_AHEAD 8

/* Scores the candidates of the heap h of n, in the order of their
 * bounds, down to the first whose bound is below the best score found:
 * what is left cannot beat it; or, with a scan bound
 * (story_index_set_bounds), down to that many. The best match into
 * *best: the highest score, of equal scores the first added. The next
 * few are taken from the heap ahead of their turn, their records and
 * keys asked of the caches. */
static void
story_scan(struct story_index *idx, struct story_cand *cand,
    struct story_ub *h, size_t n, size_t qterms, int64_t t, int md,
    const struct story_rec **best)
{
	struct story_ub q[STORY_AHEAD];
	size_t qh = 0, qn = 0, max = story_index_scan_max(idx), done = 0;
	double best_score = -1;
	uint32_t best_age = 0;

	*best = NULL;
	while (qn < STORY_AHEAD && n > 0) {
		q[qn] = story_heap_pop(h, &n);
		story_index_prefetch(idx, &cand[q[qn++].i], 0);
	}
	while (qn > 0 && (max == 0 || done < max)) {
		struct story_cand *c = &cand[q[qh].i];
		const struct story_rec *r;
		double sc;

		if (*best != NULL && q[qh].ub < best_score)
			break;
		qh = (qh + 1) % STORY_AHEAD;
		qn--;
		if (n > 0) {
			struct story_ub *u = &q[(qh + qn++) % STORY_AHEAD];

			*u = story_heap_pop(h, &n);
			story_index_prefetch(idx, &cand[u->i], 0);
		}
		if (qn >= 4)
			story_index_prefetch(idx,
			    &cand[q[(qh + 3) % STORY_AHEAD].i], 1);
		story_index_settle(idx, c);
		done++;
		r = c->r;
		if (story_index_expired(idx, c) ||
		    !story_near(story_index_window(idx), r->t, r->md, t, md))
			continue;
		sc = story_score(c->sn, c->st, r->nterms, qterms);
		if (sc > best_score || (sc == best_score && *best != NULL &&
		    c->age < best_age)) {
			best_score = sc;
			*best = r;
			best_age = c->age;
		}
	}
}

/* The record of the best match among the candidates of a query of
 * qterms terms at (t, md), or NULL. Those that cannot pass the
 * thresholds whatever the common keys they share are left out before
 * any is read. */
static const struct story_rec *
story_best(struct story_index *idx, struct story_cand *cand, size_t ncand,
    size_t qterms, int64_t t, int md)
{
	const struct story_rec *best;
	struct story_ub *h;
	size_t i, n = 0;

	if (ncand == 0)
		return NULL;
	h = xmalloc(ncand * sizeof(*h));
	for (i = 0; i < ncand; i++) {
		double ub = story_bound(&cand[i], qterms);

		if (ub >= 0) {
			h[n].ub = ub;
			h[n].age = cand[i].age;
			h[n++].i = (uint32_t)i;
		}
	}
	for (i = n / 2; i-- > 0; )
		story_heap_down(h, n, i);
	story_scan(idx, cand, h, n, qterms, t, md, &best);
	free(h);
	return best;
}

static const char story_hex[] = "0123456789abcdef";

/* The match of the features story_features() found, as keys into kn
 * and kt (the caller frees them): its story into *story and 1, or 0
 * for none. */
static int
story_match_features(struct story_index *idx, const struct nw_article *a,
    int64_t t, const struct strlist *names, const struct strlist *terms,
    struct story_keys *kn, struct story_keys *kt, uint64_t *story)
{
	struct story_cand *cand;
	const struct story_rec *best;
	size_t ncand;

	story_hash_list(names, kn);
	story_hash_list(terms, kt);
	ncand = story_index_candidates(idx, kn, kt, &cand);
	best = story_best(idx, cand, ncand, kt->n, t, story_dateline_md(a));
	if (best == NULL)
		return 0;
	*story = best->story;
	return 1;
}

static void
story_id_put(char id[21], uint64_t story)
{
	memcpy(id, "st1-", 4);
	for (size_t i = 0; i < 16; i++)
		id[4 + i] = story_hex[(story >> (60 - 4 * i)) & 0xf];
	id[20] = '\0';
}

/* story_assign() of the features story_features() found. */
static void
story_assign_features(struct story_index *idx, struct nw_article *a,
    int64_t now, const struct strlist *names, const struct strlist *terms)
{
	struct story_keys kn = { 0 }, kt = { 0 };
	int64_t t = story_time(a, now);
	uint64_t story = 0;
	char id[4 + 17];

	if (!story_match_features(idx, a, t, names, terms, &kn, &kt,
	    &story)) {
		struct buf b = { 0 };
		char h[65];

		buf_printf(&b, "%s\n%s\n%lld", a->content_hash,
		    a->canonical_url ? a->canonical_url :
		    a->url ? a->url : "", (long long)t);
		hash_sha256_hex(b.p, b.len, h);
		buf_free(&b);
		for (size_t i = 0; i < 16; i++)
			story = story << 4 |
			    (uint64_t)(strchr(story_hex, h[i]) - story_hex);
	}
	story_id_put(id, story);
	article_set(&a->story_id, id);
	story_index_put(idx, story, t, story_dateline_md(a), &kn, &kt);
	story_keys_free(&kn);
	story_keys_free(&kt);
}

int
story_match(struct story_index *idx, const struct nw_article *a,
    int64_t now, char id[21])
{
	struct strlist names = { 0 }, terms = { 0 };
	struct story_keys kn = { 0 }, kt = { 0 };
	uint64_t story;
	int found;

	story_features(a, &names, &terms);
	found = story_match_features(idx, a, story_time(a, now), &names,
	    &terms, &kn, &kt, &story);
	if (found)
		story_id_put(id, story);
	story_keys_free(&kn);
	story_keys_free(&kt);
	strlist_free(&names);
	strlist_free(&terms);
	return found;
}

void
story_assign(struct story_index *idx, struct nw_article *a, int64_t now)
{
	struct strlist names = { 0 }, terms = { 0 };

	story_features(a, &names, &terms);
	story_assign_features(idx, a, now, &names, &terms);
	strlist_free(&names);
	strlist_free(&terms);
}

char *
story_assign_signed(struct story_index *idx, struct nw_article *a,
    int64_t now)
{
	struct strlist names = { 0 }, terms = { 0 };
	char *sig;

	story_features(a, &names, &terms);
	story_assign_features(idx, a, now, &names, &terms);
	sig = story_signature_of(a, &names, &terms);
	strlist_free(&names);
	strlist_free(&terms);
	return sig;
}

/* The story of a story id ("st1-" and 16 hex digits) into *story; -1 if
 * it is not of that form. */
static int
story_id_parse(const char *story_id, uint64_t *story)
{
	*story = 0;
	if (story_id == NULL || strncmp(story_id, "st1-", 4) != 0 ||
	    strlen(story_id) != 20)
		return -1;
	for (int i = 0; i < 16; i++) {
		const char *x = strchr(story_hex, story_id[4 + i]);

		if (x == NULL || *x == '\0')
			return -1;
		*story = *story << 4 | (uint64_t)(x - story_hex);
	}
	return 0;
}

/* The dateline day and the keys of a signature (story_signature()). */
static void
story_sig_keys(const char *signature, int *md, struct story_keys *kn,
    struct story_keys *kt)
{
	const char *p = signature;

	*md = 0;
	while (*p != '\0') {
		size_t n = strcspn(p, "\t");

		if (n == 6 && strncmp(p, "d:", 2) == 0)
			*md = atoi(p + 2);
		else if (n > 2 && strncmp(p, "p:", 2) == 0)
			story_keys_push(kn, etok_hash(p + 2, n - 2));
		else if (n > 2 && strncmp(p, "t:", 2) == 0)
			story_keys_push(kt, etok_hash(p + 2, n - 2));
		p += n;
		if (*p == '\t')
			p++;
	}
	story_keys_sort(kn);
	story_keys_sort(kt);
}

int
story_index_restore(struct story_index *idx, const char *story_id,
    int64_t t, const char *signature)
{
	struct story_keys kn = { 0 }, kt = { 0 };
	uint64_t story;
	int md;

	if (story_id_parse(story_id, &story) != 0 || signature == NULL)
		return -1;
	story_sig_keys(signature, &md, &kn, &kt);
	story_index_put(idx, story, t, md, &kn, &kt);
	story_keys_free(&kn);
	story_keys_free(&kt);
	return 0;
}

/* The packed signature: a version byte, the dateline day (16 bits), the
 * numbers of names and of terms (16 bits each), then the names' and the
 * terms' 64-bit hashes, ascending, little-endian. */
#define STORY_PACK_HEAD 7

static void
story_le_put(uint8_t *p, uint64_t v, int bytes)
{
	for (int i = 0; i < bytes; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static uint64_t
story_le_get(const uint8_t *p, int bytes)
{
	uint64_t v = 0;

	for (int i = bytes - 1; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

void *
story_signature_pack(const char *signature, size_t *len)
{
	struct story_keys kn = { 0 }, kt = { 0 };
	uint8_t *b = NULL;
	int md;

	*len = 0;
	if (signature == NULL)
		return NULL;
	story_sig_keys(signature, &md, &kn, &kt);
	if (kn.n <= UINT16_MAX && kt.n <= UINT16_MAX) {
		*len = STORY_PACK_HEAD + 8 * (kn.n + kt.n);
		b = xmalloc(*len);
		b[0] = STORY_PACK_VERSION;
		story_le_put(b + 1, (uint16_t)md, 2);
		story_le_put(b + 3, kn.n, 2);
		story_le_put(b + 5, kt.n, 2);
		for (size_t i = 0; i < kn.n; i++)
			story_le_put(b + STORY_PACK_HEAD + 8 * i, kn.v[i], 8);
		for (size_t i = 0; i < kt.n; i++)
			story_le_put(b + STORY_PACK_HEAD + 8 * (kn.n + i),
			    kt.v[i], 8);
	}
	story_keys_free(&kn);
	story_keys_free(&kt);
	return b;
}

/* n keys at p into k (k->v of room for them), ascending and distinct
 * as story_keys_sort() leaves them; -1 if they are not. */
static int
story_unpack_keys(const uint8_t *p, size_t n, struct story_keys *k)
{
	for (k->n = 0; k->n < n; k->n++) {
		uint64_t v = story_le_get(p + 8 * k->n, 8);

		if (v == 0 || (k->n > 0 && v <= k->v[k->n - 1]))
			return -1;
		k->v[k->n] = v;
	}
	return 0;
}

int
story_index_restore_packed(struct story_index *idx, const char *story_id,
    int64_t t, const void *packed, size_t len)
{
	const uint8_t *b = packed;
	struct story_keys kn = { 0 }, kt = { 0 };
	uint64_t story;
	size_t nn, nt;
	int rc = -1;

	if (story_id_parse(story_id, &story) != 0 || b == NULL ||
	    len < STORY_PACK_HEAD || b[0] != STORY_PACK_VERSION)
		return -1;
	nn = (size_t)story_le_get(b + 3, 2);
	nt = (size_t)story_le_get(b + 5, 2);
	if (len != STORY_PACK_HEAD + 8 * (nn + nt))
		return -1;
	kn.v = xmalloc((nn + nt + 1) * sizeof(*kn.v));
	kt.v = kn.v + nn;
	if (story_unpack_keys(b + STORY_PACK_HEAD, nn, &kn) == 0 &&
	    story_unpack_keys(b + STORY_PACK_HEAD + 8 * nn, nt, &kt) == 0) {
		story_index_put(idx, story, t,
		    (int16_t)story_le_get(b + 1, 2), &kn, &kt);
		rc = 0;
	}
	free(kn.v);
	return rc;
}
