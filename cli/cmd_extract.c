/* newswire extract [--url URL] FILE...: the pipeline without the daemon.
 * Exit status 0 when every file made an article, 1 otherwise, 2 on usage
 * errors. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "enrich/dup.h"
#include "enrich/story.h"
#include "event.h"
#include "pipeline.h"
#include "util.h"

/* Reads at most max + 1 bytes of path into *data, so that a file past the
 * limit is noticed without reading all of it. */
static int
read_file(const char *path, size_t max, unsigned char **data, size_t *len,
    char *err, size_t errlen)
{
	struct buf b = { 0 };
	char chunk[65536];
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return fail(err, errlen, "cannot open: %s", strerror(errno));
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return fail(err, errlen, "not a regular file");
	}
	while (b.len <= max) {
		ssize_t n = read(fd, chunk, sizeof(chunk));

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			fail(err, errlen, "cannot read: %s", strerror(errno));
			close(fd);
			buf_free(&b);
			return -1;
		}
		if (n == 0)
			break;
		buf_append(&b, chunk, (size_t)n);
	}
	close(fd);
	*len = b.len;
	*data = (unsigned char *)buf_take(&b);
	return 0;
}

static char *
file_uri(const char *path)
{
	char abs[PATH_MAX];
	struct buf b = { 0 };

	if (realpath(path, abs) == NULL)
		return NULL;
	buf_printf(&b, "file://%s", abs);
	return buf_take(&b);
}

static void
print_event(json_t *ev)
{
	char *line = event_dump(ev);

	if (line != NULL) {
		fputs(line, stdout);
		fputc('\n', stdout);
	}
	free(line);
	json_decref(ev);
}

void
cli_print_article(struct story_index *stories, struct dup_index *dups,
    struct nw_article *a, struct event_meta *m, int64_t now)
{
	char id[EVENT_ID_LEN];

	story_assign(stories, a, now);
	event_article_id(a, id);
	if (a->dup_print != NULL) {
		const char *of = dup_index_query(dups, a->dup_print, now,
		    NULL);

		article_set(&a->duplicate_of, of);
		if (of == NULL)
			dup_index_add(dups, id, a->dup_print, now);
	}
	m->id = id;
	print_event(event_article(a, m));
	m->id = NULL;
}

/* Runs the pipeline on one file and prints its event. Articles go through
 * the story index in argument order, so that files about one event share
 * a story_id within one invocation, and through the duplicate index, so
 * that a file repeating an earlier one gets its duplicate_of. */
static int
extract_one(struct story_index *stories, struct dup_index *dups,
    const char *path, const char *url, int64_t now)
{
	struct event_meta m = {
		.seq = -1,
		.source_name = "cli",
		.source_kind = "folder",
		.fetched_at = now,
		.version = 1,
	};
	char err[256] = "";
	unsigned char *data = NULL;
	size_t len = 0;
	struct nw_article *a = NULL;
	char *uri = file_uri(path);
	int rc;

	m.source_uri = uri;
	if (read_file(path, PIPELINE_MAX_INPUT, &data, &len, err,
	    sizeof(err)) == 0) {
		struct nw_input in = {
			.data = data,
			.len = len,
			.url = url,
			.name = path,
			.now = now,
		};

		a = pipeline_run(&in, err, sizeof(err));
	}
	if (a != NULL) {
		cli_print_article(stories, dups, a, &m, now);
	} else {
		fprintf(stderr, "newswire extract: %s: %s\n", path, err);
		print_event(event_error(&m, path, err));
	}
	rc = a != NULL ? 0 : 1;
	article_free(a);
	free(data);
	free(uri);
	return rc;
}

int
cmd_extract(int argc, char **argv)
{
	const char *url = NULL;
	int64_t now = (int64_t)time(NULL);
	struct story_index *stories;
	struct dup_index *dups;
	int i = 1, status = 0;

	for (; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--url") == 0 && i + 1 < argc) {
			url = argv[++i];
		} else if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		} else if (strcmp(argv[i], "--url") == 0) {
			return cli_usage_error("extract", "--url needs a URL");
		} else {
			return cli_usage_error("extract", "unknown option %s",
			    argv[i]);
		}
	}
	if (i >= argc)
		return cli_usage_error("extract", "no FILE given");
	stories = story_index_new(STORY_DEFAULT_WINDOW);
	dups = dup_index_new(DUP_DEFAULT_WINDOW);
	for (; i < argc; i++)
		if (extract_one(stories, dups, argv[i], url, now) != 0)
			status = 1;
	dup_index_free(dups);
	story_index_free(stories);
	return status;
}
