/* Measures the margins of the duplicate rule (enrich/dup.h) on files:
 * each file runs through pipeline_run(); with --pairs the first half are
 * originals and the second half their other renderings, in the same
 * order. Prints the containment of each pair (with --pairs) and the
 * highest containment between any two files that are not a pair, with
 * the number of samples it rests on, and the CPU time of the pipeline
 * against that of dup_print_text() on the bodies it extracted (an upper
 * bound of the print's cost: enrich_article() reuses its words, this
 * splits them again). Never asserted: a report.
 * usage: dup_probe [--pairs] FILE... */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "enrich/dup.h"
#include "enrich/enrich.h"
#include "pipeline.h"

static double
cpu_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct buf b = { 0 };
	char tmp[65536];
	size_t n;

	if (f == NULL)
		return NULL;
	while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0)
		buf_append(&b, tmp, n);
	fclose(f);
	*len = b.len;
	return buf_take(&b);
}

int
main(int argc, char **argv)
{
	int pairs = argc > 1 && strcmp(argv[1], "--pairs") == 0;
	int first = pairs ? 2 : 1, n = argc - first, half = n / 2;
	struct dup_print *p = calloc((size_t)n + 1, sizeof(*p));
	int *ok = calloc((size_t)n + 1, sizeof(*ok));
	int worst = 101, best = -1, bi = -1, bj = -1, matched = 0;
	size_t bn = 0;
	double t_pipe = 0, t_print = 0;

	for (int i = 0; i < n; i++) {
		size_t len = 0;
		char *data = slurp(argv[first + i], &len), err[256];
		struct nw_input in = { .data = (const unsigned char *)data,
		    .len = len, .name = argv[first + i], .now = 0 };
		double t0 = cpu_s();
		struct nw_article *a = data ? pipeline_run(&in, err,
		    sizeof(err)) : NULL;

		t_pipe += cpu_s() - t0;
		if (a != NULL && a->body != NULL) {
			char *again;

			t0 = cpu_s();
			again = dup_print_text(a->body);
			t_print += cpu_s() - t0;
			free(again);
		}
		if (a != NULL && a->dup_print != NULL &&
		    dup_print_parse(a->dup_print, &p[i]) == 0)
			ok[i] = 1;
		article_free(a);
		free(data);
	}
	for (int i = 0; i < n; i++) {
		for (int j = i + 1; j < n; j++) {
			size_t s;
			int c;

			if (!ok[i] || !ok[j])
				continue;
			c = dup_containment(&p[i], &p[j], &s);
			if (pairs && j == i + half) {
				printf("pair %s: %d%% of %zu samples, "
				    "simhash %d bits%s\n", argv[first + j], c,
				    s, enrich_hamming(p[i].simhash,
				    p[j].simhash), dup_same(&p[i], &p[j]) ?
				    "" : " MISSED");
				matched += dup_same(&p[i], &p[j]);
				if (c < worst)
					worst = c;
				continue;
			}
			if (c > best || (c == best && s > bn)) {
				best = c;
				bn = s;
				bi = i;
				bj = j;
			}
		}
	}
	if (pairs)
		printf("pairs matched %d/%d, lowest containment %d%%\n",
		    matched, half, worst);
	if (bi >= 0)
		printf("highest containment between non-pairs: %d%% of %zu "
		    "samples (%s, %s)\n", best, bn, argv[first + bi],
		    argv[first + bj]);
	printf("CPU: pipeline %.3f s, prints %.3f s (%.1f%%)\n", t_pipe,
	    t_print, t_pipe > 0 ? 100 * t_print / t_pipe : 0.0);
	for (int i = 0; i < n; i++)
		dup_print_release(&p[i]);
	free(p);
	free(ok);
	return 0;
}
