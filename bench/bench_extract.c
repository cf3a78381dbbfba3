/* bench_extract [SHARED_DIR [ROUNDS [--pipeline-only|--bare-only|--least]]]:
 * the extraction pipeline's speed against libxml2's bare HTML parse of the
 * same pages, in one process on one thread. --pipeline-only times the
 * pipeline alone, --bare-only the bare parse alone, for a profiler or for
 * counting instructions (valgrind --tool=callgrind
 * --toggle-collect=bench_pipeline, or bench_bare). --least times each page
 * alone, bare then pipeline, ROUNDS times over, and gives the ratio of the
 * sums of the least times: on a busy machine, the figure the load
 * disturbs least.
 *
 * Loads every page of SHARED_DIR/corpus/aeb-dev/html and
 * SHARED_DIR/corpus/trafeval-dev/html (gzip, read with zlib), then for
 * ROUNDS rounds times (a) htmlReadMemory() + xmlFreeDoc() of every page and
 * (b) pipeline_run() of every page, and separately the shares of the
 * pipeline spent in (c) enrich_normalise() + enrich_article(), (d)
 * decode_to_utf8() and (e) html_meta_extract(). Prints pages/s of (a) and
 * (b) and the ratio pipeline/bare (the target is 0.85 or better). Times are
 * the thread's CPU time, so that a busy machine does not skew them. */
#include <dirent.h>
#include <libxml/HTMLparser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

#include "decode.h"
#include "enrich/enrich.h"
#include "html/html_extract.h"
#include "html/html_meta.h"
#include "pipeline.h"
#include "util.h"

struct bench_page {
	unsigned char *data;
	size_t len;
};

struct bench_set {
	struct bench_page *v;
	size_t n;
	size_t cap;
	size_t bytes;
};

static double
bench_now(void)
{
	struct timespec ts;

	/* this thread's CPU time: other processes on a busy machine do not
	 * count, and the pipeline runs on one thread */
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Reads the gzip (or plain) file path into a new page of set. */
static int
bench_load_file(struct bench_set *set, const char *path)
{
	struct buf b = { 0 };
	char chunk[65536];
	gzFile f = gzopen(path, "rb");
	int n;

	if (f == NULL)
		return -1;
	for (n = gzread(f, chunk, sizeof(chunk)); n > 0;
	    n = gzread(f, chunk, sizeof(chunk)))
		buf_append(&b, chunk, (size_t)n);
	gzclose(f);
	if (n < 0 || b.len == 0) {
		buf_free(&b);
		return -1;
	}
	if (set->n == set->cap) {
		set->cap = set->cap ? set->cap * 2 : 512;
		set->v = xrealloc(set->v, set->cap * sizeof(*set->v));
	}
	set->v[set->n].len = b.len;
	set->v[set->n].data = (unsigned char *)buf_take(&b);
	set->bytes += set->v[set->n].len;
	set->n++;
	return 0;
}

static int
bench_name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Loads every *.html and *.html.gz file of dir, in name order. */
static int
bench_load_dir(struct bench_set *set, const char *dir)
{
	DIR *d = opendir(dir);
	struct strlist names = { 0 };
	struct dirent *e;

	if (d == NULL) {
		fprintf(stderr, "bench_extract: cannot open %s\n", dir);
		return -1;
	}
	for (e = readdir(d); e != NULL; e = readdir(d)) {
		if (strstr(e->d_name, ".html") == NULL)
			continue;
		strlist_push(&names, e->d_name);
	}
	closedir(d);
	qsort(names.v, names.n, sizeof(names.v[0]), bench_name_cmp);
	for (size_t i = 0; i < names.n; i++) {
		struct buf path = { 0 };

		buf_printf(&path, "%s/%s", dir, names.v[i]);
		if (bench_load_file(set, path.p) != 0)
			fprintf(stderr, "bench_extract: cannot read %s\n",
			    path.p);
		buf_free(&path);
	}
	strlist_free(&names);
	return 0;
}

/* (a) libxml2's own parse of every page, as a program that parses the
 * page with libxml2 calls it (html_extract() parses its cut of the page
 * without the UTF-8 to UTF-8 copy: html_parse()). */
static double
bench_bare(const struct bench_set *set)
{
	double t0 = bench_now();

	for (size_t i = 0; i < set->n; i++) {
		htmlDocPtr doc = htmlReadMemory((const char *)set->v[i].data,
		    (int)set->v[i].len, NULL, "UTF-8",
		    HTML_PARSE_RECOVER | HTML_PARSE_NONET |
		    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
		    HTML_PARSE_COMPACT);

		xmlFreeDoc(doc);
	}
	return bench_now() - t0;
}

/* (b) the whole pipeline of every page. Counts failures in *failed. */
static double
bench_pipeline(const struct bench_set *set, size_t *failed)
{
	double t0 = bench_now();

	*failed = 0;
	for (size_t i = 0; i < set->n; i++) {
		struct nw_input in = {
			.data = set->v[i].data,
			.len = set->v[i].len,
			.now = 1893456000,  /* 2030-01-01 */
		};
		char err[256];
		struct nw_article *a = pipeline_run(&in, err, sizeof(err));

		if (a == NULL)
			(*failed)++;
		article_free(a);
	}
	return bench_now() - t0;
}

/* The page i's bare parse and pipeline, each timed alone, their least
 * times so far kept in bare_min[i] and pipe_min[i]. */
static void
bench_page_min(const struct bench_set *set, size_t i, double *bare_min,
    double *pipe_min)
{
	struct nw_input in = {
		.data = set->v[i].data,
		.len = set->v[i].len,
		.now = 1893456000,
	};
	char err[256];
	double t0 = bench_now(), t;
	htmlDocPtr doc = htmlReadMemory((const char *)set->v[i].data,
	    (int)set->v[i].len, NULL, "UTF-8",
	    HTML_PARSE_RECOVER | HTML_PARSE_NONET |
	    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	    HTML_PARSE_COMPACT);
	struct nw_article *a;

	xmlFreeDoc(doc);
	t = bench_now() - t0;
	if (bare_min[i] == 0 || t < bare_min[i])
		bare_min[i] = t;
	t0 = bench_now();
	a = pipeline_run(&in, err, sizeof(err));
	article_free(a);
	t = bench_now() - t0;
	if (pipe_min[i] == 0 || t < pipe_min[i])
		pipe_min[i] = t;
}

/* The ratio of the sums over the pages of the least times of the bare
 * parse and of the pipeline, over rounds rounds, page by page in turn:
 * on a machine shared with other work, the least of several times is
 * the one that the other work disturbed least. */
static void
bench_min(const struct bench_set *set, int rounds)
{
	double *bare_min = xcalloc(set->n, sizeof(double));
	double *pipe_min = xcalloc(set->n, sizeof(double));
	double bare = 0, pipe = 0;

	for (int r = 0; r < rounds; r++)
		for (size_t i = 0; i < set->n; i++)
			bench_page_min(set, i, bare_min, pipe_min);
	for (size_t i = 0; i < set->n; i++) {
		bare += bare_min[i];
		pipe += pipe_min[i];
	}
	printf("least of %d, page by page: bare %.3f s, pipeline %.3f s, "
	    "ratio %.3f\n", rounds, bare, pipe, bare / pipe);
	free(bare_min);
	free(pipe_min);
}

/* (c) the time that the pipeline's last stages (normalise and enrich)
 * take, over articles extracted outside the clock. */
static double
bench_enrich(const struct bench_set *set)
{
	double spent = 0;

	for (size_t i = 0; i < set->n; i++) {
		struct nw_article *a = article_new();
		char err[256];
		char *text = NULL;
		size_t len = 0;
		double t0;

		if (decode_to_utf8(set->v[i].data, set->v[i].len, NULL, &text,
		    &len, NULL, err, sizeof(err)) != 0 ||
		    html_extract(text, len, NULL, 1893456000, a, err,
		    sizeof(err)) != 0 || a->body == NULL) {
			free(text);
			article_free(a);
			continue;
		}
		t0 = bench_now();
		enrich_normalise(a);
		enrich_article(a);
		spent += bench_now() - t0;
		free(text);
		article_free(a);
	}
	return spent;
}

/* (d) decoding to UTF-8 and (e) the metadata extractor on parsed pages. */
static void
bench_parts(const struct bench_set *set, double *decode, double *meta)
{
	for (size_t i = 0; i < set->n; i++) {
		char err[256];
		const char *text = NULL;
		char *owned = NULL;
		size_t len = 0;
		double t0 = bench_now();
		htmlDocPtr doc;
		struct nw_article *a;

		/* as pipeline_run() decodes: clean UTF-8 is not copied */
		if (decode_to_utf8_view(set->v[i].data, set->v[i].len, NULL,
		    &text, &len, &owned, NULL, err, sizeof(err)) != 0) {
			*decode += bench_now() - t0;
			continue;
		}
		*decode += bench_now() - t0;
		doc = htmlReadMemory(text, (int)len, NULL, "UTF-8",
		    HTML_PARSE_RECOVER | HTML_PARSE_NONET |
		    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
		    HTML_PARSE_COMPACT);
		if (doc != NULL) {
			a = article_new();
			t0 = bench_now();
			html_meta_extract(doc, NULL, 1893456000, a);
			*meta += bench_now() - t0;
			article_free(a);
			xmlFreeDoc(doc);
		}
		free(owned);
	}
}

int
main(int argc, char **argv)
{
	const char *shared = argc > 1 ? argv[1] : "../shared";
	int rounds = argc > 2 ? atoi(argv[2]) : 3;
	struct bench_set set = { 0 };
	double bare = 0, pipe = 0, enrich = 0, decode = 0, meta = 0;
	size_t failed = 0;
	int pipeline_only = 0, bare_only = 0, least = 0;
	static const char *const corpora[] = {
		"corpus/aeb-dev/html", "corpus/trafeval-dev/html",
	};

	if (rounds < 1 || rounds > 100)
		rounds = 3;
	if (argc > 3 && strcmp(argv[3], "--pipeline-only") == 0)
		pipeline_only = 1;
	if (argc > 3 && strcmp(argv[3], "--bare-only") == 0)
		bare_only = 1;
	if (argc > 3 && strcmp(argv[3], "--least") == 0)
		least = 1;
	for (size_t i = 0; i < sizeof(corpora) / sizeof(corpora[0]); i++) {
		struct buf dir = { 0 };

		buf_printf(&dir, "%s/%s", shared, corpora[i]);
		bench_load_dir(&set, dir.p);
		buf_free(&dir);
	}
	if (set.n == 0) {
		fprintf(stderr, "bench_extract: no pages under %s/corpus\n",
		    shared);
		return 1;
	}
	printf("%zu pages, %.1f MB of HTML, %d rounds\n", set.n,
	    (double)set.bytes / 1e6, rounds);
	/* one warm-up round of each, then the measured rounds, interleaved
	 * so that a busy machine weighs on both alike */
	if (pipeline_only) {
		/* for a profiler: the pipeline alone, nothing else */
		for (int r = 0; r < rounds; r++)
			pipe += bench_pipeline(&set, &failed);
		printf("pipeline_run:                   %8.1f pages/s\n",
		    (double)set.n * rounds / pipe);
		goto out;
	}
	if (least) {
		bench_min(&set, rounds);
		goto out;
	}
	if (bare_only) {
		/* the bare parse alone, for a profiler or perf stat */
		for (int r = 0; r < rounds; r++)
			bare += bench_bare(&set);
		printf("bare htmlReadMemory+xmlFreeDoc: %8.1f pages/s\n",
		    (double)set.n * rounds / bare);
		goto out;
	}
	bench_bare(&set);
	bench_pipeline(&set, &failed);
	for (int r = 0; r < rounds; r++) {
		bare += bench_bare(&set);
		pipe += bench_pipeline(&set, &failed);
		enrich += bench_enrich(&set);
		bench_parts(&set, &decode, &meta);
	}
	printf("bare htmlReadMemory+xmlFreeDoc: %8.1f pages/s\n",
	    (double)set.n * rounds / bare);
	printf("pipeline_run:                   %8.1f pages/s "
	    "(%zu pages without an article)\n",
	    (double)set.n * rounds / pipe, failed);
	printf("ratio pipeline/bare:            %8.3f (target 0.85)\n",
	    bare / pipe);
	printf("share of pipeline in enrichment:%8.1f%%\n",
	    100.0 * enrich / pipe);
	printf("share of pipeline in decoding:  %8.1f%%\n",
	    100.0 * decode / pipe);
	printf("share of pipeline in metadata:  %8.1f%%\n",
	    100.0 * meta / pipe);
	printf("share of pipeline in the parse: %8.1f%%\n",
	    100.0 * bare / pipe);
out:
	for (size_t i = 0; i < set.n; i++)
		free(set.v[i].data);
	free(set.v);
	return 0;
}
