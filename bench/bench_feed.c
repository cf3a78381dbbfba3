/* bench_feed --big [N]: the memory and time of one feed document of N
 * entries (300,000: tests/hostile's big feed, about 11 MB; RSS, and JSON
 * Feed), each measure in a child process of its own (peak RSS by
 * wait4(), CPU time of the child): the input alone (the baseline of
 * memory), libxml2's whole tree of it (xmlReadMemory, the route the
 * reader took before: the baseline of the parse), feed_parse() keeping
 * every item (as `newswire feed` does), and feed_parse_opts() under the
 * daemon's cap (max_entries 50 and 1000, feed_item_key, the daemon's key), at N/4,
 * N/2 and N so that the time shows whether it grows linearly. Prints each
 * peak over the input-only child as a multiple of the document's bytes,
 * and each time as a ratio to the tree's.
 *
 * bench_feed [SHARED_DIR [ROUNDS]]: the feed parser's speed on the
 * real-world feeds of SHARED_DIR/feeds/realworld, in one process on one
 * thread. bench_feed.py runs it after Debian's python3-feedparser on the
 * same files and prints the ratio of the two.
 *
 * The feeds are the files MANIFEST.tsv lists, except the rows whose note
 * says "expected" (other projects' expected outputs, not feeds); the
 * gzip ones are given as they are, feed_parse() inflates them. Every file
 * is read into memory first. One untimed round checks that every feed
 * parses and counts the items; then ROUNDS rounds time feed_parse() +
 * feed_to_json() + json_decref() + feed_free() of every feed. Prints the
 * rates over both the thread's CPU time (other processes on a busy machine
 * do not count) and the wall time, as lines starting "rate c cpu:" and
 * "rate c wall:"; MB are 10^6 bytes of the files as stored. Exit status 0
 * when every feed parsed, 1 otherwise, 2 on usage or load errors. */
#include <errno.h>
#include <libxml/parser.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "feed/feed.h"
#include "hash.h"
#include "util.h"

struct bench_feed_file {
	char *name;          /* path relative to the realworld directory */
	char *data;
	size_t len;
};

struct bench_feed_set {
	struct bench_feed_file *v;
	size_t n;
	size_t cap;
	size_t bytes;
};

static double
bench_feed_clock(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Reads all of path into *out (at most FEED_MAX_INPUT + 1 bytes). */
static int
bench_feed_read(const char *path, struct buf *out)
{
	char chunk[65536];
	FILE *fp = fopen(path, "rb");
	size_t n;

	if (fp == NULL)
		return -1;
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
		buf_append(out, chunk, n);
		if (out->len > FEED_MAX_INPUT)
			break;
	}
	if (ferror(fp)) {
		fclose(fp);
		return -1;
	}
	fclose(fp);
	return 0;
}

/* "a/b" as a new string. */
static char *
bench_feed_join(const char *a, const char *b)
{
	struct buf out = { 0 };

	buf_printf(&out, "%s/%s", a, b);
	return buf_take(&out);
}

static void
bench_feed_add(struct bench_feed_set *set, const char *name, struct buf *b)
{
	if (set->n == set->cap) {
		set->cap = set->cap ? set->cap * 2 : 32;
		set->v = xrealloc(set->v, set->cap * sizeof(*set->v));
	}
	set->v[set->n].name = xstrdup(name);
	set->v[set->n].len = b->len;
	set->v[set->n].data = buf_take(b);
	set->bytes += set->v[set->n].len;
	set->n++;
}

/* Loads the feeds MANIFEST.tsv in dir lists into set. Returns 0, or -1
 * with a reason printed. */
static int
bench_feed_load(struct bench_feed_set *set, const char *dir)
{
	struct buf manifest = { 0 };
	char *path = NULL, *line, *next, *tab;
	int rc = -1;

	path = bench_feed_join(dir, "MANIFEST.tsv");
	if (bench_feed_read(path, &manifest) != 0) {
		fprintf(stderr, "bench_feed: %s: %s\n", path,
		    strerror(errno));
		goto err;
	}
	buf_putc(&manifest, '\0');
	/* the first line is the header */
	line = strchr(manifest.p, '\n');
	for (; line != NULL; line = next) {
		struct buf data = { 0 };
		const char *note;

		line++;
		next = strchr(line, '\n');
		if (next)
			*next = '\0';
		tab = strchr(line, '\t');
		if (tab == NULL)
			continue;
		*tab = '\0';
		note = strrchr(tab + 1, '\t');
		if (note && strstr(note, "expected"))
			continue;
		free(path);
		path = bench_feed_join(dir, line);
		if (bench_feed_read(path, &data) != 0 || data.len == 0) {
			fprintf(stderr, "bench_feed: cannot read %s\n", path);
			buf_free(&data);
			goto err;
		}
		bench_feed_add(set, line, &data);
	}
	if (set->n == 0) {
		fprintf(stderr, "bench_feed: no feed listed in %s\n", dir);
		goto err;
	}
	rc = 0;
err:
	free(path);
	buf_free(&manifest);
	return rc;
}

static void
bench_feed_free(struct bench_feed_set *set)
{
	size_t i;

	for (i = 0; i < set->n; i++) {
		free(set->v[i].name);
		free(set->v[i].data);
	}
	free(set->v);
}

/* One pass over every feed: parse, convert to JSON, free. Adds the items
 * to *items; returns the number of feeds that failed (reported when
 * verbose). */
static size_t
bench_feed_round(const struct bench_feed_set *set, size_t *items,
    int verbose)
{
	size_t i, failed = 0;

	for (i = 0; i < set->n; i++) {
		char err[256] = "";
		struct feed *f;
		json_t *o;

		f = feed_parse(set->v[i].data, set->v[i].len, NULL, err,
		    sizeof(err));
		if (f == NULL) {
			if (verbose)
				fprintf(stderr, "bench_feed: %s: %s\n",
				    set->v[i].name, err);
			failed++;
			continue;
		}
		*items += f->n_items;
		o = feed_to_json(f);
		json_decref(o);
		feed_free(f);
	}
	return failed;
}

static void
bench_feed_rate(const char *what, double secs, size_t feeds, size_t items,
    size_t bytes)
{
	if (secs <= 0)
		secs = 1e-9;
	printf("rate c %s: %.1f feeds/s %.1f items/s %.2f MB/s (%.3f s)\n",
	    what, (double)feeds / secs, (double)items / secs,
	    (double)bytes / 1e6 / secs, secs);
}

/* ---- --big: one huge document ------------------------------------------ */

/* n entries as tests/hostile/test_big_feed.py writes them (RSS), or the
 * same in JSON Feed. */
static char *
bench_big_doc(size_t n, bool json)
{
	struct buf b = { 0 };

	if (json) {
		buf_puts(&b, "{\"version\": \"https://jsonfeed.org/version/"
		    "1.1\", \"title\": \"Big\", \"items\": [");
		for (size_t i = 0; i < n; i++)
			buf_printf(&b, "%s{\"title\": \"Entry %zu\"}",
			    i ? "," : "", i);
		buf_puts(&b, "]}");
	} else {
		buf_puts(&b, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
		    "<rss version=\"2.0\"><channel><title>Big</title>"
		    "<link>http://127.0.0.1/</link>\n");
		for (size_t i = 0; i < n; i++)
			buf_printf(&b, "<item><title>Entry %zu</title></item>\n",
			    i);
		buf_puts(&b, "</channel></rss>\n");
	}
	return buf_take(&b);
}

enum bench_big_what {
	BIG_INPUT,      /* nothing: the input alone */
	BIG_TREE,       /* libxml2's whole tree */
	BIG_ALL,        /* feed_parse(), every item */
	BIG_CAP50,      /* feed_parse_opts(), max 50 */
	BIG_CAP1000,    /* max 1000 */
};

static const char *const bench_big_names[] = {
	"input alone", "libxml2 tree", "every item", "cap 50", "cap 1000",
};

/* The work of one child; 0 when it did what it should. */
static int
bench_big_work(enum bench_big_what w, const char *doc, size_t len,
    bool json)
{
	struct feed_opts o = { .key = feed_item_key };
	struct feed *f;
	char err[256];
	size_t want;

	switch (w) {
	case BIG_INPUT:
		return 0;
	case BIG_TREE: {
		xmlDoc *d;

		if (json)
			return 0;
		d = xmlReadMemory(doc, (int)len, NULL, "UTF-8",
		    XML_PARSE_NONET | XML_PARSE_RECOVER | XML_PARSE_NOERROR |
		    XML_PARSE_NOWARNING | XML_PARSE_COMPACT);
		if (d == NULL)
			return 1;
		xmlFreeDoc(d);
		return 0;
	}
	case BIG_ALL:
		f = feed_parse(doc, len, "http://127.0.0.1/big", err,
		    sizeof(err));
		want = 0;
		break;
	default:
		o.max_items = w == BIG_CAP50 ? 50 : 1000;
		f = feed_parse_opts(doc, len, "http://127.0.0.1/big", &o, err,
		    sizeof(err));
		want = o.max_items;
		break;
	}
	if (f == NULL) {
		fprintf(stderr, "bench_feed: %s\n", err);
		return 1;
	}
	if (want != 0 && f->n_items != want)
		return 1;
	feed_free(f);
	return 0;
}

/* Runs w in a child: its peak RSS (kB) and CPU seconds; -1 on failure. */
static int
bench_big_child(enum bench_big_what w, const char *doc, size_t len,
    bool json, long *kb, double *cpu)
{
	struct rusage ru;
	int st;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0)
		_exit(bench_big_work(w, doc, len, json));
	if (wait4(pid, &st, 0, &ru) != pid || !WIFEXITED(st) ||
	    WEXITSTATUS(st) != 0)
		return -1;
	*kb = ru.ru_maxrss;
	*cpu = (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
	    (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
	return 0;
}

static int
bench_big(size_t n_max)
{
	int rc = 0;

	for (int json = 0; json < 2; json++)
		for (size_t n = n_max / 4; n <= n_max; n *= 2) {
			char *doc = bench_big_doc(n, json);
			size_t len = strlen(doc);
			long kb[5] = { 0 };
			double cpu[5] = { 0 };

			printf("big %s: %zu entries, %zu bytes\n",
			    json ? "json" : "rss", n, len);
			for (int w = BIG_INPUT; w <= BIG_CAP1000; w++) {
				if (json && w == BIG_TREE)
					continue;
				if (bench_big_child(w, doc, len, json,
				    &kb[w], &cpu[w]) != 0) {
					printf("big %s %s: failed\n", json ?
					    "json" : "rss",
					    bench_big_names[w]);
					rc = 1;
					continue;
				}
				printf("big %s %zu %-12s: peak %7.1f MB, "
				    "%6.1f MB over the input (%5.2fx its "
				    "bytes), cpu %6.3f s",
				    json ? "json" : "rss", n,
				    bench_big_names[w], kb[w] / 1024.0,
				    (kb[w] - kb[BIG_INPUT]) / 1024.0,
				    (double)(kb[w] - kb[BIG_INPUT]) * 1024 /
				    (double)len, cpu[w]);
				if (!json && w > BIG_TREE && cpu[BIG_TREE] > 0)
					printf(" (%.2fx the tree's)",
					    cpu[w] / cpu[BIG_TREE]);
				printf("\n");
			}
			free(doc);
			if (n == n_max)
				break;
			if (2 * n > n_max)
				n = n_max / 2;
		}
	return rc;
}

int
main(int argc, char **argv)
{
	const char *shared = argc > 1 ? argv[1] : "../shared";
	struct bench_feed_set set = { 0 };
	size_t items = 0, per_round = 0, failed, r;
	double c0, w0, cpu, wall;
	char *dir;
	long rounds = 5;
	int rc = 2;

	if (argc > 1 && strcmp(argv[1], "--big") == 0) {
		long n = argc > 2 ? strtol(argv[2], NULL, 10) : 300000;

		if (n < 4 || n > 2000000) {
			fprintf(stderr, "bench_feed: bad N\n");
			return 2;
		}
		xmlInitParser();
		rc = bench_big((size_t)n);
		xmlCleanupParser();
		return rc;
	}
	if (argc > 3 || (argc > 1 && argv[1][0] == '-')) {
		fprintf(stderr, "usage: bench_feed [SHARED_DIR [ROUNDS]] | "
		    "--big [N]\n");
		return 2;
	}
	if (argc > 2) {
		char *end;

		rounds = strtol(argv[2], &end, 10);
		if (*end != '\0' || rounds < 1 || rounds > 100000) {
			fprintf(stderr, "bench_feed: bad ROUNDS %s\n",
			    argv[2]);
			return 2;
		}
	}
	xmlInitParser();
	dir = bench_feed_join(shared, "feeds/realworld");
	if (bench_feed_load(&set, dir) != 0)
		goto err;
	printf("bench_feed: %zu feeds, %zu bytes, %ld rounds\n", set.n,
	    set.bytes, rounds);
	failed = bench_feed_round(&set, &per_round, 1);
	printf("bench_feed: %zu items per round, %zu feeds failed\n",
	    per_round, failed);
	c0 = bench_feed_clock(CLOCK_THREAD_CPUTIME_ID);
	w0 = bench_feed_clock(CLOCK_MONOTONIC);
	for (r = 0; r < (size_t)rounds; r++)
		bench_feed_round(&set, &items, 0);
	cpu = bench_feed_clock(CLOCK_THREAD_CPUTIME_ID) - c0;
	wall = bench_feed_clock(CLOCK_MONOTONIC) - w0;
	bench_feed_rate("cpu", cpu, set.n * (size_t)rounds, items,
	    set.bytes * (size_t)rounds);
	bench_feed_rate("wall", wall, set.n * (size_t)rounds, items,
	    set.bytes * (size_t)rounds);
	rc = failed ? 1 : 0;
err:
	bench_feed_free(&set);
	free(dir);
	xmlCleanupParser();
	return rc;
}
