/* newswire feed [--url URL] [--articles] FILE...: parses each file ("-"
 * is standard input) as a feed and prints it as one JSON line (the form
 * feed_to_json() documents), in argument order; with --articles, one line
 * per entry instead: the event `newswire extract` prints, of the article
 * pipeline_entry() makes of the entry alone (no page is fetched). A file
 * that cannot be read or parsed still prints a line:
 * {"file": ..., "error": ...}. Exit status 0 when every file parsed, 1
 * otherwise, 2 on usage errors. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>
#include <libxml/parser.h>

#include "cli.h"
#include "enrich/dup.h"
#include "enrich/story.h"
#include "entry.h"
#include "event.h"
#include "feed/feed.h"
#include "util.h"

/* Reads at most FEED_MAX_INPUT + 1 bytes of path into *out. */
static int
feed_cli_read(const char *path, struct buf *out, char *err, size_t errlen)
{
	char chunk[65536];
	int fd = strcmp(path, "-") == 0 ? dup(STDIN_FILENO) :
	    open(path, O_RDONLY | O_CLOEXEC);
	ssize_t r;

	if (fd < 0)
		return fail(err, errlen, "%s", strerror(errno));
	for (;;) {
		r = read(fd, chunk, sizeof(chunk));
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			fail(err, errlen, "%s", strerror(errno));
			close(fd);
			return -1;
		}
		if (r == 0)
			break;
		buf_append(out, chunk, (size_t)r);
		if (out->len > FEED_MAX_INPUT) {
			close(fd);
			return fail(err, errlen, "file over the %u byte cap",
			    FEED_MAX_INPUT);
		}
	}
	close(fd);
	return 0;
}

static void
feed_cli_print(json_t *o)
{
	char *s = json_dumps(o, JSON_COMPACT);

	if (s) {
		puts(s);
		free(s);
	} else {
		puts("{\"error\":\"cannot encode the result as JSON\"}");
	}
}

/* Prints the article event of every entry of f, read from where. */
static void
feed_cli_articles(const struct feed *f, const char *where, int64_t now)
{
	struct story_index *stories = story_index_new(STORY_DEFAULT_WINDOW);
	struct dup_index *dups = dup_index_new(DUP_DEFAULT_WINDOW);
	struct nw_input none = { .now = now };

	for (size_t k = 0; k < f->n_items; k++) {
		struct event_meta m = {
			.seq = -1,
			.source_name = "cli",
			.source_kind = "feed",
			.source_uri = where,
			.fetched_at = now,
			.version = 1,
		};
		struct nw_entry e;
		struct nw_article *a;
		char err[256];
		int from_page;

		feed_item_entry(f, &f->items[k], &e);
		a = pipeline_entry(&e, &none, &from_page, err, sizeof(err));
		if (a != NULL) {
			cli_print_article(stories, dups, a, &m, now);
		} else {
			json_t *ev = event_error(&m, e.guid ? e.guid : where,
			    err);
			char *line = event_dump(ev);

			puts(line != NULL ? line : "{}");
			free(line);
			json_decref(ev);
		}
		article_free(a);
		feed_entry_clear(&e);
	}
	dup_index_free(dups);
	story_index_free(stories);
}

int
cmd_feed(int argc, char **argv)
{
	const char *url = NULL;
	int i = 1, status = 0;
	bool articles = false;

	xmlInitParser();
	while (i < argc && argv[i][0] == '-' && argv[i][1] != '\0') {
		if (strcmp(argv[i], "--url") == 0 && i + 1 < argc) {
			url = argv[i + 1];
			i += 2;
		} else if (strcmp(argv[i], "--articles") == 0) {
			articles = true;
			i++;
		} else if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		} else if (strcmp(argv[i], "--url") == 0) {
			return cli_usage_error("feed", "--url needs a URL");
		} else {
			return cli_usage_error("feed", "unknown option %s",
			    argv[i]);
		}
	}
	if (i >= argc)
		return cli_usage_error("feed", "no FILE given");
	for (; i < argc; i++) {
		struct buf data = { 0 };
		struct feed *f = NULL;
		char err[512] = "";
		json_t *o;

		if (feed_cli_read(argv[i], &data, err, sizeof(err)) == 0)
			f = feed_parse(data.p ? data.p : "", data.len, url,
			    err, sizeof(err));
		if (f && articles) {
			feed_cli_articles(f, url ? url : argv[i],
			    (int64_t)time(NULL));
			feed_free(f);
			buf_free(&data);
			fflush(stdout);
			continue;
		}
		if (f) {
			o = feed_to_json(f);
			feed_free(f);
		} else {
			if (err[0] == '\0')
				snprintf(err, sizeof(err), "unknown error");
			fprintf(stderr, "newswire feed: %s: %s\n", argv[i],
			    err);
			o = json_pack("{s:s,s:s}", "file", argv[i],
			    "error", err);
			status = 1;
		}
		feed_cli_print(o);
		json_decref(o);
		buf_free(&data);
		fflush(stdout);
	}
	return status;
}
