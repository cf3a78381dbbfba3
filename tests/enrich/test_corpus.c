/* Stories and near-duplicates over the 390 distinct pages of
 * ../shared/corpus (aeb-dev and trafeval-dev: different articles, so
 * different stories): every page runs through pipeline_run() and one
 * story index, in file order, with one ingest time for all (so the time
 * window never separates them: the content must).
 *   - fewer than 1% of the articles may join another article's story;
 *   - no two may be near copies (simhash within ENRICH_NEAR_DUP_BITS).
 * With --bench it also prints the share of pipeline CPU time spent in
 * enrich_normalise() and enrich_article() (never asserted).
 * usage: test_corpus [--bench] CORPUS_DIR... (each with html/ *.html.gz)
 * Exits 77 (skipped) when fewer than MIN_PAGES pages extract, which means
 * the HTML extractor is not there yet. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "enrich/enrich.h"
#include "enrich/story.h"
#include "pipeline.h"

#define MIN_PAGES 300
#define MAX_PAGES 2000
#define NOW 1767225600  /* 2026-01-01T00:00:00Z */

struct page {
	char *name;
	char *title;
	char *story;
	uint64_t simhash;
};

static double
now_s(void)
{
	struct timespec ts;

	/* CPU time of this thread: the machine is shared, wall time is not
	 * what the pipeline costs */
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The decompressed file (gzip -dc), or NULL. */
static unsigned char *
read_gz(const char *path, size_t *len)
{
	char cmd[4096];
	struct buf b = { 0 };
	char chunk[65536];
	size_t n;
	FILE *f;

	if (strchr(path, '\'') != NULL)
		return NULL;
	snprintf(cmd, sizeof(cmd), "gzip -dc '%s'", path);
	f = popen(cmd, "r");
	if (f == NULL)
		return NULL;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0 &&
	    b.len < PIPELINE_MAX_INPUT)
		buf_append(&b, chunk, n);
	if (pclose(f) != 0) {
		buf_free(&b);
		return NULL;
	}
	*len = b.len;
	return (unsigned char *)buf_take(&b);
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Re-runs the enrichment on a copy of the article's extracted fields. */
static double
time_enrich(const struct nw_article *a)
{
	struct nw_article *c = article_new();
	double t0;

	article_set(&c->title, a->title);
	article_set(&c->body, a->body);
	article_set(&c->url, a->url);
	article_set(&c->subtitle, a->subtitle);
	t0 = now_s();
	enrich_normalise(c);
	enrich_article(c);
	t0 = now_s() - t0;
	article_free(c);
	return t0;
}

int
main(int argc, char **argv)
{
	struct page *pages = xcalloc(MAX_PAGES, sizeof(*pages));
	struct story_index *idx = story_index_new(0);
	size_t n = 0, failed = 0, merged = 0, near = 0, i, j;
	double t_all = 0, t_enrich = 0;
	int min_bits = 64, a0 = 1, rc = 0;
	bool bench = false;

	if (argc > 1 && strcmp(argv[1], "--bench") == 0) {
		bench = true;
		a0 = 2;
	}
	for (int d = a0; d < argc; d++) {
		char dir[2048];
		DIR *dp;
		struct dirent *de;
		char **names = NULL;
		size_t nn = 0, cap = 0;

		snprintf(dir, sizeof(dir), "%s/html", argv[d]);
		dp = opendir(dir);
		if (dp == NULL) {
			fprintf(stderr, "cannot open %s\n", dir);
			return 1;
		}
		while ((de = readdir(dp)) != NULL) {
			size_t l = strlen(de->d_name);

			if (l < 4 || strcmp(de->d_name + l - 3, ".gz") != 0)
				continue;
			if (nn == cap) {
				cap = cap ? cap * 2 : 64;
				names = xrealloc(names, cap * sizeof(*names));
			}
			names[nn++] = xstrdup(de->d_name);
		}
		closedir(dp);
		qsort(names, nn, sizeof(*names), name_cmp);
		for (i = 0; i < nn && n < MAX_PAGES; i++) {
			char path[4096], err[256];
			unsigned char *data;
			size_t len = 0;
			struct nw_article *a;
			struct nw_input in = { 0 };
			double t0;

			snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
			data = read_gz(path, &len);
			if (data == NULL) {
				failed++;
				continue;
			}
			in.data = data;
			in.len = len;
			in.name = path;
			in.now = NOW;
			t0 = now_s();
			a = pipeline_run(&in, err, sizeof(err));
			t_all += now_s() - t0;
			free(data);
			if (a == NULL) {
				failed++;
				continue;
			}
			if (bench)
				t_enrich += time_enrich(a);
			story_assign(idx, a, NOW);
			pages[n].name = xstrdup(names[i]);
			pages[n].title = xstrdup(a->title ? a->title : "");
			pages[n].story = xstrdup(a->story_id);
			pages[n].simhash = a->simhash;
			n++;
			article_free(a);
		}
		for (i = 0; i < nn; i++)
			free(names[i]);
		free(names);
	}
	for (i = 0; i < n; i++) {
		for (j = 0; j < i; j++)
			if (strcmp(pages[i].story, pages[j].story) == 0)
				break;
		if (j < i) {
			merged++;
			printf("merged: %s \"%.60s\" into %s \"%.60s\"\n",
			    pages[i].name, pages[i].title, pages[j].name,
			    pages[j].title);
		}
		for (j = 0; j < i; j++) {
			int h = enrich_hamming(pages[i].simhash,
			    pages[j].simhash);

			if (h < min_bits)
				min_bits = h;
			if (h <= ENRICH_NEAR_DUP_BITS) {
				near++;
				printf("near copies (%d bits): %s, %s\n", h,
				    pages[i].name, pages[j].name);
			}
		}
	}
	printf("pages: %zu extracted, %zu failed; %zu merged into another's "
	    "story (%.2f%%); %zu near-copy pairs; closest simhashes differ "
	    "in %d bits\n", n, failed, merged,
	    n ? 100.0 * (double)merged / (double)n : 0.0, near, min_bits);
	if (bench)
		printf("time: pipeline %.3f s, enrichment %.3f s (%.1f%%)\n",
		    t_all, t_enrich, t_all > 0 ? 100 * t_enrich / t_all : 0);
	if (n < MIN_PAGES) {
		printf("SKIP: only %zu pages extract; the HTML extractor is "
		    "not ready\n", n);
		rc = 77;
	} else if (merged * 100 >= n || near > 0) {
		rc = 1;
	}
	for (i = 0; i < n; i++) {
		free(pages[i].name);
		free(pages[i].title);
		free(pages[i].story);
	}
	free(pages);
	story_index_free(idx);
	return rc;
}
