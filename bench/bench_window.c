/* bench_window [N [OLD_N [CMP_N [REBUILD_N [BOUND_N [LONE [SCAN]]]]]]]:
 * the window's indexes (the duplicate index, enrich/dup.h, and the story
 * index, enrich/story.h) filled with synthetic articles, against the
 * indexes as they were before issue 18 (bench/baseline) in the same run.
 *
 * The articles: N of them over the 72-hour window (so the window is full
 * at N), then N / 4 more, which the window's expiry must absorb. Each is
 * one of a story's reports (a story has a dozen topic words and two to
 * five people and organisations; the stories' sizes are skewed, most have
 * one to five reports, some hundreds) with a lead that carries the topic,
 * a body of 120 to 800 words of a 60,000-word lexicon drawn with Zipf's
 * law and English function words; a quarter are syndicated copies of a
 * recent report, with an outlet's furniture before and after and a few
 * words changed. Every article goes through dup_index_query() (an
 * original, not found, is then added, as the daemon does) and
 * story_assign().
 *
 * Printed, for the new indexes (up to N * 5 / 4) and the old (up to
 * OLD_N, default N), each in a child process of its own: at 10k, 100k, 1M
 * (and N, N * 5 / 4) articles, resident memory per article in the window
 * (RSS growth since the start of the fill, /proc/self/statm) and the heap
 * in use per article (mallinfo2), and the mean CPU time of a look-up
 * (dup_index_query, story_assign) over the last 2,000 articles, and for
 * the new, where their bytes are (dup_index_mem, story_index_mem) and
 * what its story look-ups did (story_index_stats), and on the W_CMP
 * articles before each timed stretch, the story verdicts of its bounded
 * look-up (LONE, SCAN: story_index_set_bounds; the defaults by default)
 * against its exact one, in the same index; then the ratios new/old.
 * Then the exact and the bounded look-ups end to end on BOUND_N
 * articles (default min(N, 100,000)), each in an index of its own: the
 * articles put in the same story, and the pairs of articles in one
 * story, against each other and against the stories the generator
 * wrote them for. A third child runs old and new (exact) side by side
 * on the first CMP_N (default 10,000) articles and counts the articles
 * on which their duplicate or story verdicts differ. Then the time to
 * rebuild both indexes from their stored form (story_index_restore,
 * dup_index_add from the serialised prints) for min(N, 1M) articles.
 * Figures, never asserted: docs/window.md has them. */
#include <inttypes.h>
#include <malloc.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "baseline/baseline.h"
#include "enrich/dup.h"
#include "enrich/story.h"
#include "hugemem.h"
#include "util.h"
#include "window_gen.h"

/* the rings where the daemon has them, on huge pages (window_snap.h) */
static const struct story_alloc huge = {
	hugemem_calloc, hugemem_free, NULL
};

#define W_TIMED 2000
#define W_CMP 1000

/* The story look-up's bounds (story_index_set_bounds) in the new index */
static size_t w_lone = STORY_LONE_MAX, w_scan = STORY_SCAN_MAX;

/* The verdicts of the exact look-up and of the bounded one on the same
 * articles, in the same index. */
struct w_verdicts {
	size_t n;
	size_t same;          /* the same story (or both a new one) */
	size_t new_story;     /* bounded: a new story, exact: joined one */
	size_t other;         /* bounded: joined another story */
};

/* One checkpoint's figures. */
struct w_point {
	size_t n, live;
	double rss, heap;     /* bytes per article in the window */
	double dup_us, story_us;
	struct w_verdicts v;  /* on the W_CMP articles before the timed */
};

#define W_MAXPOINTS 8

/* The indexes under test, old or new, behind one set of calls. */
struct w_idx {
	int old;
	struct dup_index *dup;
	struct story_index *story;
	struct old_dup_index *odup;
	struct old_story_index *ostory;
};

static void
w_idx_init(struct w_idx *x, int old)
{
	memset(x, 0, sizeof(*x));
	x->old = old;
	if (old) {
		x->odup = old_dup_index_new(W_WINDOW);
		x->ostory = old_story_index_new(W_WINDOW);
	} else {
		x->dup = dup_index_new(W_WINDOW);
		x->story = story_index_new_with(W_WINDOW, &huge);
		story_index_set_bounds(x->story, w_lone, w_scan);
	}
}

static void
w_idx_free(struct w_idx *x)
{
	dup_index_free(x->dup);
	story_index_free(x->story);
	old_dup_index_free(x->odup);
	old_story_index_free(x->ostory);
}

/* Runs one article through x: the duplicate's original (copied into of,
 * "" if none) and the story (in a->story_id); the CPU time of each look-up
 * is added to *td and *ts. */
static void
w_idx_run(struct w_idx *x, struct nw_article *a, const char *id,
    const char *print, char of[40], double *td, double *ts)
{
	int64_t t = a->published.utc;
	const char *o;
	double c0 = w_cpu(), c1, c2;

	o = x->old ? old_dup_index_query(x->odup, print, t, NULL) :
	    dup_index_query(x->dup, print, t, NULL);
	c1 = w_cpu();
	snprintf(of, 40, "%s", o ? o : "");
	if (o == NULL) {
		if (x->old)
			old_dup_index_add(x->odup, id, print, t);
		else
			dup_index_add(x->dup, id, print, t);
	}
	c2 = w_cpu();
	if (x->old)
		old_story_assign(x->ostory, a, t);
	else
		story_assign(x->story, a, t);
	*td += c1 - c0;
	*ts += w_cpu() - c2;
}

/* Files an article the fast way, as a restart does: an original's print
 * into the duplicate index, the signature and the story it was written
 * for into the story index. */
static void
w_idx_load(struct w_idx *x, struct nw_article *a, const char *id,
    const char *print, int copy, uint64_t story)
{
	int64_t t = a->published.utc;
	char sid[24], *sig;

	snprintf(sid, sizeof(sid), "st1-%016" PRIx64, story);
	if (x->old) {
		sig = old_story_signature(a);
		if (!copy)
			old_dup_index_add(x->odup, id, print, t);
		old_story_index_restore(x->ostory, sid, t, sig);
	} else {
		sig = story_signature(a);
		if (!copy)
			dup_index_add(x->dup, id, print, t);
		story_index_restore(x->story, sid, t, sig);
	}
	free(sig);
}

/* The exact and the bounded verdicts on a, in s (whose bound is
 * w_lone), counted into v; a is not added. */
static void
w_verdict(struct story_index *s, const struct nw_article *a,
    struct w_verdicts *v)
{
	char ide[24], idb[24];
	int fe, fb;

	story_index_set_bounds(s, 0, 0);
	fe = story_match(s, a, a->published.utc, ide);
	story_index_set_bounds(s, w_lone, w_scan);
	fb = story_match(s, a, a->published.utc, idb);
	v->n++;
	if (fe == fb && (!fe || strcmp(ide, idb) == 0))
		v->same++;
	else if (!fb)
		v->new_story++;
	else
		v->other++;
}

static size_t
w_live(size_t i, size_t n_window)
{
	return i < n_window ? i : n_window;
}

static void
w_print1(const char *what, const struct w_point *p)
{
	printf("%-4s %9zu articles (%8zu in window): RSS %7.0f B/article, "
	    "heap %7.0f B/article; look-up dup %6.2f us, story %6.2f us\n",
	    what, p->n, p->live, p->rss, p->heap, p->dup_us, p->story_us);
	if (p->v.n > 0)
		printf("     story verdicts, bounded (%zu, %zu) against exact "
		    "on %zu articles: %zu the same, %zu a new story instead, "
		    "%zu another story\n", w_lone, w_scan, p->v.n, p->v.same,
		    p->v.new_story, p->v.other);
}

static void
w_print(const char *what, const struct w_point *p, size_t np)
{
	for (size_t k = 0; k < np; k++)
		w_print1(what, &p[k]);
}

/* What the story look-ups between two checkpoints did, a look-up. */
static void
w_stats_print(const struct story_stats *a, const struct story_stats *b)
{
	double q = (double)(b->queries - a->queries);

	if (q <= 0)
		return;
	printf("     story look-up: %.1f keys, %.0f seqs walked, %.0f "
	    "candidates, %.0f read, %.1f scored\n",
	    (double)(b->keys - a->keys) / q,
	    (double)(b->walked - a->walked) / q,
	    (double)(b->cands - a->cands) / q,
	    (double)(b->read - a->read) / q,
	    (double)(b->scored - a->scored) / q);
}

/* Where the new indexes' bytes are, per article in the window. */
static void
w_mem_print(const struct w_idx *x, size_t live)
{
	struct dup_mem d;
	struct story_mem s;
	double n = (double)live;

	dup_index_mem(x->dup, &d);
	story_index_mem(x->story, &s);
	printf("     bytes/article: dup records %.0f, postings %.0f (%.1f "
	    "a article); story records %.0f, keys %.0f, slots %.0f (%zu "
	    "keys), lists %.0f (%zu), %.1f seqs a article (%.1f rare); "
	    "total %.0f\n", (double)d.records / n, (double)d.postings / n,
	    (double)d.npostings / n, (double)s.records / n,
	    (double)s.keys / n, (double)s.slots / n, s.nkeys,
	    (double)s.lists / n, s.nlists, (double)s.postings / n,
	    (double)s.rare / n, (double)(d.records + d.postings +
	    s.records + s.keys + s.slots + s.lists) / n);
}

/* Fills one kind of index with total articles (the window full at
 * n_window), taking the figures at each checkpoint into pts. */
static size_t
w_fill(int old, size_t n_window, size_t total, const size_t *at, size_t nat,
    struct w_point *pts)
{
	static struct w_gen g;
	struct w_idx x;
	double rss0, heap0, td = 0, ts = 0;
	size_t np = 0;
	int was_timed = 0;
	struct story_stats st0 = { 0 }, st1;
	struct w_verdicts v = { 0 };

	w_gen_init(&g, n_window);
	w_idx_init(&x, old);
	malloc_trim(0);
	rss0 = w_rss();
	heap0 = (double)mallinfo2().uordblks;
	for (size_t i = 0; i < total; i++) {
		char id[40], of[40], *print;
		int copy, timed = 0, cmp = 0;
		uint64_t story;
		struct nw_article *a = w_next2(&g, id, &print, &copy, &story);

		for (size_t k = 0; k < nat; k++) {
			if (i + W_TIMED >= at[k] && i < at[k])
				timed = 1;
			else if (i + W_TIMED + W_CMP >= at[k] && i < at[k])
				cmp = !old;
		}
		if (cmp)
			w_verdict(x.story, a, &v);
		/* the daemon settles the shards once after a load, and the
		 * loop's look-ups keep them settled */
		if (timed && !was_timed && !old)
			dup_index_settle(x.dup);
		was_timed = timed;
		if (timed && !old && td == 0 && ts == 0)
			story_index_stats(x.story, &st0);
		if (timed || cmp)
			w_idx_run(&x, a, id, print, of, &td, &ts);
		else
			w_idx_load(&x, a, id, print, copy, story);
		if (cmp)
			td = ts = 0;
		free(print);
		article_free(a);
		for (size_t k = 0; k < nat; k++) {
			size_t live = w_live(i + 1, n_window);

			if (i + 1 != at[k])
				continue;
			pts[np].n = i + 1;
			pts[np].live = live;
			pts[np].rss = (w_rss() - rss0) / (double)live;
			pts[np].heap = ((double)mallinfo2().uordblks - heap0) /
			    (double)live;
			pts[np].dup_us = td / W_TIMED * 1e6;
			pts[np].story_us = ts / W_TIMED * 1e6;
			pts[np].v = v;
			memset(&v, 0, sizeof(v));
			w_print(old ? "old" : "new", &pts[np], 1);
			if (!old) {
				w_mem_print(&x, live);
				story_index_stats(x.story, &st1);
				w_stats_print(&st0, &st1);
			}
			fflush(stdout);
			np++;
			td = ts = 0;
		}
	}
	w_idx_free(&x);
	return np;
}

static int
w_cmp64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

/* Runs old and new side by side on n articles; the articles on which
 * their verdicts differ. */
static void
w_compare(size_t n_window, size_t n, size_t *dups, size_t *ddiff,
    size_t *sdiff, size_t *stories)
{
	static struct w_gen g;
	struct w_idx x, y;
	double t0 = 0, t1 = 0;
	uint64_t *sv = xmalloc(n * sizeof(*sv));

	*dups = *ddiff = *sdiff = *stories = 0;
	w_gen_init(&g, n_window);
	w_idx_init(&x, 0);
	story_index_set_bounds(x.story, 0, 0);   /* the exact look-up */
	w_idx_init(&y, 1);
	for (size_t i = 0; i < n; i++) {
		char id[40], of1[40], of2[40], *print, *s1;
		struct nw_article *a = w_next(&g, id, &print);

		w_idx_run(&x, a, id, print, of1, &t0, &t1);
		s1 = xstrdup(a->story_id);
		w_idx_run(&y, a, id, print, of2, &t0, &t1);
		*dups += of1[0] != '\0';
		*ddiff += strcmp(of1, of2) != 0;
		*sdiff += strcmp(s1, a->story_id) != 0;
		sv[i] = strtoull(s1 + 4, NULL, 16);
		free(s1);
		free(print);
		article_free(a);
	}
	qsort(sv, n, sizeof(*sv), w_cmp64);
	for (size_t i = 0; i < n; i++)
		*stories += i == 0 || sv[i] != sv[i - 1];
	free(sv);
	w_idx_free(&x);
	w_idx_free(&y);
}

struct w_pair {
	uint64_t a, b;
};

static int
w_pair_cmp(const void *x, const void *y)
{
	const struct w_pair *p = x, *q = y;

	if (p->a != q->a)
		return (p->a > q->a) - (p->a < q->a);
	return (p->b > q->b) - (p->b < q->b);
}

/* Of the pairs of the n articles, those in one story of partition a
 * (*pa), of b (*pb) and of both (*pab); v is reordered. */
static void
w_pairs(struct w_pair *v, size_t n, double *pa, double *pb, double *pab)
{
	size_t i, j;

	*pa = *pb = *pab = 0;
	qsort(v, n, sizeof(*v), w_pair_cmp);
	for (i = 0; i < n; i = j) {
		for (j = i; j < n && v[j].a == v[i].a; j++)
			;
		*pa += (double)(j - i) * (double)(j - i - 1) / 2;
	}
	for (i = 0; i < n; i = j) {
		for (j = i; j < n && v[j].a == v[i].a && v[j].b == v[i].b;
		    j++)
			;
		*pab += (double)(j - i) * (double)(j - i - 1) / 2;
	}
	for (i = 0; i < n; i++) {
		uint64_t t = v[i].a;

		v[i].a = v[i].b;
		v[i].b = t;
	}
	qsort(v, n, sizeof(*v), w_pair_cmp);
	for (i = 0; i < n; i = j) {
		for (j = i; j < n && v[j].a == v[i].a; j++)
			;
		*pb += (double)(j - i) * (double)(j - i - 1) / 2;
	}
}

/* Assigns n articles end to end with the exact look-up and with the
 * bounded one (w_lone), each in an index of its own, and compares the
 * stories they make with each other and with the stories the generator
 * wrote the articles for. */
static void
w_compare_bounds(size_t n_window, size_t n)
{
	static struct w_gen g;
	struct story_index *e = story_index_new_with(W_WINDOW, &huge);
	struct story_index *b = story_index_new_with(W_WINDOW, &huge);
	struct w_pair *eb = xmalloc(n * sizeof(*eb));
	struct w_pair *et = xmalloc(n * sizeof(*et));
	struct w_pair *bt = xmalloc(n * sizeof(*bt));
	size_t same = 0;
	double te = 0, tb = 0, pe, pb, pebb, pt, pet, pbt;

	w_gen_init(&g, n_window);
	story_index_set_bounds(e, 0, 0);
	story_index_set_bounds(b, w_lone, w_scan);
	for (size_t i = 0; i < n; i++) {
		char id[40], *print;
		int copy;
		uint64_t truth;
		struct nw_article *a = w_next2(&g, id, &print, &copy, &truth);
		uint64_t se;
		double c0 = w_cpu();

		story_assign(e, a, a->published.utc);
		te += w_cpu() - c0;
		se = strtoull(a->story_id + 4, NULL, 16);
		c0 = w_cpu();
		story_assign(b, a, a->published.utc);
		tb += w_cpu() - c0;
		eb[i].a = se;
		eb[i].b = strtoull(a->story_id + 4, NULL, 16);
		same += eb[i].a == eb[i].b;
		et[i].a = se;
		et[i].b = truth;
		bt[i].a = eb[i].b;
		bt[i].b = truth;
		free(print);
		article_free(a);
	}
	w_pairs(eb, n, &pe, &pb, &pebb);
	printf("stories end to end on %zu articles, exact and bounded (%zu, "
	    "%zu): "
	    "%zu articles (%.4f) in the same story id; of the pairs of "
	    "articles in one story, %.4f of exact's are in one of bounded's, "
	    "%.4f of bounded's in one of exact's; look-up %.1f us exact, "
	    "%.1f us bounded\n", n, w_lone, w_scan, same,
	    (double)same / (double)n, pe > 0 ? pebb / pe : 1,
	    pb > 0 ? pebb / pb : 1, te / (double)n * 1e6,
	    tb / (double)n * 1e6);
	w_pairs(et, n, &pe, &pt, &pet);
	w_pairs(bt, n, &pb, &pt, &pbt);
	printf("against the generator's stories (pairs in one story: "
	    "precision, recall): exact %.4f, %.4f; bounded %.4f, %.4f\n",
	    pe > 0 ? pet / pe : 1, pt > 0 ? pet / pt : 1,
	    pb > 0 ? pbt / pb : 1, pt > 0 ? pbt / pt : 1);
	free(eb);
	free(et);
	free(bt);
	story_index_free(e);
	story_index_free(b);
}

/* The time to rebuild both indexes from their stored form for n
 * articles (their story signatures and prints made beforehand). */
static void
w_restore(size_t n, double *secs, double *bytes)
{
	static struct w_gen g;
	struct w_idx x;
	char **sig = xmalloc(n * sizeof(*sig)), **pr = xmalloc(n * sizeof(*pr));
	char (*ids)[40] = xmalloc(n * sizeof(*ids));
	char (*sid)[24] = xmalloc(n * sizeof(*sid));
	int64_t *t = xmalloc(n * sizeof(*t));
	double c0;

	w_gen_init(&g, n);
	w_idx_init(&x, 0);
	*bytes = 0;
	for (size_t i = 0; i < n; i++) {
		char of[40];
		double d0 = 0, d1 = 0;
		struct nw_article *a = w_next(&g, ids[i], &pr[i]);

		w_idx_run(&x, a, ids[i], pr[i], of, &d0, &d1);
		sig[i] = story_signature(a);
		snprintf(sid[i], sizeof(sid[i]), "%s", a->story_id);
		t[i] = a->published.utc;
		*bytes += (double)(strlen(sig[i]) + strlen(pr[i]));
		article_free(a);
	}
	w_idx_free(&x);
	w_idx_init(&x, 0);
	c0 = w_cpu();
	for (size_t i = 0; i < n; i++) {
		story_index_restore(x.story, sid[i], t[i], sig[i]);
		dup_index_add(x.dup, ids[i], pr[i], t[i]);
	}
	*secs = w_cpu() - c0;
	w_idx_free(&x);
	for (size_t i = 0; i < n; i++) {
		free(sig[i]);
		free(pr[i]);
	}
	free(sig);
	free(pr);
	free(ids);
	free(sid);
	free(t);
}

/* Runs fn in a child, which writes its figures to the pipe; they are
 * read back into buf. */
static size_t
w_child(int old, size_t n_window, size_t total, const size_t *at,
    size_t nat, struct w_point *pts)
{
	int fd[2];
	pid_t pid;
	size_t np = 0;
	ssize_t r;

	if (pipe(fd) != 0)
		return 0;
	pid = fork();
	if (pid == 0) {
		close(fd[0]);
		np = w_fill(old, n_window, total, at, nat, pts);
		r = write(fd[1], pts, np * sizeof(*pts));
		_exit(r == (ssize_t)(np * sizeof(*pts)) ? 0 : 1);
	}
	close(fd[1]);
	r = read(fd[0], pts, W_MAXPOINTS * sizeof(*pts));
	close(fd[0]);
	waitpid(pid, NULL, 0);
	if (r > 0)
		np = (size_t)r / sizeof(*pts);
	return np;
}

int
main(int argc, char **argv)
{
	size_t n = argc > 1 ? strtoul(argv[1], NULL, 10) : 1000000;
	size_t old_n = argc > 2 ? strtoul(argv[2], NULL, 10) : n;
	size_t cmp_n = argc > 3 ? strtoul(argv[3], NULL, 10) : 10000;
	/* the rebuild's articles (0: none; it runs every article through
	 * the indexes first) */
	size_t rest_n = argc > 4 ? strtoul(argv[4], NULL, 10) :
	    n < 1000000 ? n : 1000000;
	/* exact and bounded story look-ups end to end (0: not run) */
	size_t bound_n = argc > 5 ? strtoul(argv[5], NULL, 10) :
	    n < 100000 ? n : 100000;
	size_t at[W_MAXPOINTS], nat = 0;
	size_t at_old[W_MAXPOINTS], nat_old = 0;
	struct w_point pn[W_MAXPOINTS], po[W_MAXPOINTS];
	size_t npn, npo, dups, ddiff, sdiff, stories;
	double secs, bytes;

	if (argc > 6)
		w_lone = strtoul(argv[6], NULL, 10);
	if (argc > 7)
		w_scan = strtoul(argv[7], NULL, 10);
	if (n < 20000)
		n = 20000;
	for (size_t c = 10000; c < n; c *= 10)
		at[nat++] = c;
	at[nat++] = n;
	at[nat++] = n + n / 4;
	for (size_t k = 0; k < nat; k++)
		if (at[k] <= old_n)
			at_old[nat_old++] = at[k];
	printf("bench_window: %zu articles in the 72-hour window, %zu filled "
	    "(new), %zu (old)\n", n, at[nat - 1], old_n);
	fflush(stdout);
	npn = w_child(0, n, at[nat - 1], at, nat, pn);
	npo = nat_old ? w_child(1, n, at_old[nat_old - 1], at_old, nat_old,
	    po) : 0;
	for (size_t k = 0; k < npo && k < npn; k++)
		printf("new/old at %zu: RSS %.3f, heap %.3f, dup look-up %.2f, "
		    "story look-up %.2f\n", pn[k].n, pn[k].rss / po[k].rss,
		    pn[k].heap / po[k].heap, pn[k].dup_us / po[k].dup_us,
		    pn[k].story_us / po[k].story_us);
	if (npn >= 2)
		printf("new look-up at %zu / at %zu: dup %.2f, story %.2f\n",
		    pn[npn - 2].n, pn[0].n, pn[npn - 2].dup_us / pn[0].dup_us,
		    pn[npn - 2].story_us / pn[0].story_us);
	fflush(stdout);
	if (bound_n > 0) {
		w_compare_bounds(n, bound_n);
		fflush(stdout);
	}
	w_compare(n, cmp_n, &dups, &ddiff, &sdiff, &stories);
	printf("same results, old and new (exact), on %zu articles: %zu found "
	    "duplicates, duplicate verdicts differing %zu, story ids "
	    "differing %zu (%zu stories)\n", cmp_n, dups,
	    ddiff, sdiff, stories);
	fflush(stdout);
	if (rest_n == 0)
		return 0;
	w_restore(rest_n, &secs, &bytes);
	printf("rebuild from the stored form (text signatures and prints, "
	    "%.0f B/article): %.2f s CPU for %zu articles\n",
	    bytes / (double)rest_n, secs, rest_n);
	return 0;
}
