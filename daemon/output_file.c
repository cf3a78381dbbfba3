#include "output_file.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "log.h"
#include "store.h"

struct ofile {
	struct store *store;
	struct log *log;
	char *path;
	int fd;
	int fsync;              /* enum config_fsync */
	long long max_size;
	int keep;
	int64_t last_seq;       /* the last event in the file */
	long long size;
	bool dirty;             /* written since the last fsync */
	bool behind;            /* a write failed: catch up first */
	uint64_t rotations;
	uint64_t bytes;
};

static void
ofile_sync(struct ofile *o)
{
	if (o->fd >= 0 && o->dirty && o->fsync != CONFIG_FSYNC_NEVER)
		fdatasync(o->fd);
	o->dirty = false;
}

/* The offset just past the last '\n' before end, scanning back; 0 if
 * none. -1 on a read error. */
static long long
last_newline(int fd, long long end)
{
	char chunk[65536];

	while (end > 0) {
		long long from = end > (long long)sizeof(chunk) ?
		    end - (long long)sizeof(chunk) : 0;
		ssize_t n = pread(fd, chunk, (size_t)(end - from), from);

		if (n <= 0)
			return -1;
		for (ssize_t i = n; i-- > 0;)
			if (chunk[i] == '\n')
				return from + i + 1;
		end = from;
	}
	return 0;
}

/* The seq of the last line of the file at fd (of size bytes, ending in a
 * newline), or 0 if it has none. */
static int64_t
last_line_seq(int fd, long long size)
{
	long long start;
	char *line;
	json_t *j;
	int64_t seq = 0;

	if (size <= 0)
		return 0;
	start = last_newline(fd, size - 1);
	if (start < 0)
		return 0;
	line = xmalloc((size_t)(size - start) + 1);
	if (pread(fd, line, (size_t)(size - start), start) ==
	    (ssize_t)(size - start)) {
		line[size - start] = '\0';
		j = json_loads(line, 0, NULL);
		if (json_is_integer(json_object_get(j, "seq")))
			seq = json_integer_value(json_object_get(j, "seq"));
		json_decref(j);
	}
	free(line);
	return seq;
}

/* The last seq of the newest rotated file, PATH.1, or 0. */
static int64_t
rotated_seq(const struct ofile *o)
{
	struct buf p = { 0 };
	struct stat st;
	int64_t seq = 0;
	int fd;

	buf_printf(&p, "%s.1", o->path);
	fd = open(p.p, O_RDONLY | O_CLOEXEC);
	if (fd >= 0 && fstat(fd, &st) == 0)
		seq = last_line_seq(fd, (long long)st.st_size);
	if (fd >= 0)
		close(fd);
	buf_free(&p);
	return seq;
}

static int
ofile_reopen(struct ofile *o, char *err, size_t errlen)
{
	struct stat st;

	if (o->fd >= 0) {
		ofile_sync(o);
		close(o->fd);
	}
	o->fd = open(o->path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
	if (o->fd < 0 || fstat(o->fd, &st) != 0)
		return fail(err, errlen, "output.file: %s: %s", o->path,
		    strerror(errno));
	o->size = (long long)st.st_size;
	return 0;
}

/* Cuts a torn last line off: a line is whole only with its newline. */
static int
ofile_untear(struct ofile *o, char *err, size_t errlen)
{
	char last;
	long long keep;

	if (o->size == 0 || (pread(o->fd, &last, 1, o->size - 1) == 1 &&
	    last == '\n'))
		return 0;
	keep = last_newline(o->fd, o->size);
	if (keep < 0 || ftruncate(o->fd, keep) != 0)
		return fail(err, errlen, "output.file: %s: cannot cut its "
		    "torn last line: %s", o->path, strerror(errno));
	log_warn(o->log, "output.file: %s: cut a torn last line (%lld "
	    "bytes)", o->path, o->size - keep);
	o->size = keep;
	return 0;
}

static int
ofile_rotate(struct ofile *o, char *err, size_t errlen)
{
	struct buf from = { 0 }, to = { 0 };

	ofile_sync(o);
	for (int i = o->keep - 1; i >= 1; i--) {
		buf_printf(&from, "%s.%d", o->path, i);
		buf_printf(&to, "%s.%d", o->path, i + 1);
		rename(from.p, to.p);   /* ENOENT: fewer files so far */
		buf_free(&from);
		buf_free(&to);
	}
	if (o->keep > 0) {
		buf_printf(&to, "%s.1", o->path);
		if (rename(o->path, to.p) != 0) {
			fail(err, errlen, "output.file: rotate %s: %s",
			    o->path, strerror(errno));
			buf_free(&to);
			return -1;
		}
		buf_free(&to);
	} else if (unlink(o->path) != 0) {
		return fail(err, errlen, "output.file: rotate %s: %s",
		    o->path, strerror(errno));
	}
	o->rotations++;
	return ofile_reopen(o, err, errlen);
}

/* Appends one line; a failed or short write is undone. */
static int
ofile_append(struct ofile *o, int64_t seq, const char *json, char *err,
    size_t errlen)
{
	size_t len = strlen(json);
	char *line;
	size_t done = 0;

	if (o->fd < 0 && ofile_reopen(o, err, errlen) != 0)
		return -1;
	if (o->max_size > 0 && o->size > 0 &&
	    o->size + (long long)len + 1 > o->max_size &&
	    ofile_rotate(o, err, errlen) != 0)
		return -1;
	line = xmalloc(len + 1);
	memcpy(line, json, len);
	line[len] = '\n';
	while (done < len + 1) {
		ssize_t n = write(o->fd, line + done, len + 1 - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			const char *why = n < 0 ? strerror(errno) :
			    "short write";

			/* one message: the caller logs it once per state */
			if (ftruncate(o->fd, o->size) != 0)
				fail(err, errlen, "output.file: %s: %s; "
				    "cannot undo a short write: %s", o->path,
				    why, strerror(errno));
			else
				fail(err, errlen, "output.file: %s: %s",
				    o->path, why);
			free(line);
			return -1;
		}
		done += (size_t)n;
	}
	free(line);
	o->size += (long long)len + 1;
	o->bytes += len + 1;
	o->last_seq = seq;
	o->dirty = true;
	if (o->fsync == CONFIG_FSYNC_ALWAYS)
		ofile_sync(o);
	return 0;
}

/* Appends what the journal holds after the file's last seq, up to upto. */
static int
ofile_catch_up(struct ofile *o, int64_t upto, char *err, size_t errlen)
{
	size_t n = 0;

	for (int64_t seq = o->last_seq + 1; seq <= upto; seq++) {
		char *json = store_event(o->store, seq, NULL);

		if (json == NULL) {
			o->last_seq = seq;      /* compacted away */
			continue;
		}
		if (ofile_append(o, seq, json, err, errlen) != 0) {
			free(json);
			return -1;
		}
		free(json);
		n++;
	}
	if (n > 0)
		log_info(o->log, "output.file: %s: %zu event(s) appended "
		    "from the journal, up to seq %lld", o->path, n,
		    (long long)upto);
	ofile_sync(o);
	o->behind = false;
	return 0;
}

static void
ofile_set(struct ofile *o, const struct config *c)
{
	o->fsync = c->out_file_fsync;
	o->max_size = c->out_file_max_size;
	o->keep = c->out_file_keep;
}

static void ofile_free(void *ctx);

void *
output_file_open(const struct config *c, struct store *store,
    struct log *log, char *err, size_t errlen)
{
	struct ofile *o = xcalloc(1, sizeof(*o));

	o->store = store;
	o->log = log;
	o->path = xstrdup(c->out_file_path);
	o->fd = -1;
	ofile_set(o, c);
	if (ofile_reopen(o, err, errlen) != 0 ||
	    ofile_untear(o, err, errlen) != 0)
		goto err;
	o->last_seq = last_line_seq(o->fd, o->size);
	if (o->size == 0)
		o->last_seq = rotated_seq(o);
	if (ofile_catch_up(o, store_last_seq(store), err, errlen) != 0)
		goto err;
	return o;
err:
	ofile_free(o);
	return NULL;
}

static int
ofile_publish(void *ctx, const struct committed_event *ev, char *err,
    size_t errlen)
{
	struct ofile *o = ctx;

	if (ev->seq <= o->last_seq)
		return 0;       /* a resend: the file has it */
	if ((o->behind || ev->seq > o->last_seq + 1) &&
	    ofile_catch_up(o, ev->seq - 1, err, errlen) != 0)
		return -1;
	if (ofile_append(o, ev->seq, ev->json, err, errlen) != 0) {
		o->behind = true;
		return -1;
	}
	return 0;
}

static void
ofile_flush(void *ctx)
{
	ofile_sync(ctx);
}

static void
ofile_reload(void *ctx, const struct config *c)
{
	struct ofile *o = ctx;
	char err[512];

	ofile_set(o, c);
	if (ofile_reopen(o, err, sizeof(err)) != 0)
		log_error(o->log, "%s", err);
	else
		log_info(o->log, "output.file: %s re-opened", o->path);
}

static void
ofile_metrics(void *ctx, struct buf *b)
{
	struct ofile *o = ctx;

	buf_printf(b, "# HELP newswire_output_file_bytes The JSONL file's "
	    "size.\n# TYPE newswire_output_file_bytes gauge\n"
	    "newswire_output_file_bytes %lld\n", o->size);
	buf_printf(b, "# HELP newswire_output_file_written_bytes_total "
	    "Bytes appended to the JSONL file.\n"
	    "# TYPE newswire_output_file_written_bytes_total counter\n"
	    "newswire_output_file_written_bytes_total %llu\n",
	    (unsigned long long)o->bytes);
	buf_printf(b, "# HELP newswire_output_file_rotations_total Times "
	    "the JSONL file was rotated (max_size).\n"
	    "# TYPE newswire_output_file_rotations_total counter\n"
	    "newswire_output_file_rotations_total %llu\n",
	    (unsigned long long)o->rotations);
	buf_printf(b, "# HELP newswire_output_file_last_seq The last seq "
	    "in the JSONL file.\n# TYPE newswire_output_file_last_seq "
	    "gauge\nnewswire_output_file_last_seq %lld\n",
	    (long long)o->last_seq);
}

static void
ofile_free(void *ctx)
{
	struct ofile *o = ctx;

	if (o == NULL)
		return;
	if (o->fd >= 0) {
		ofile_sync(o);
		close(o->fd);
	}
	free(o->path);
	free(o);
}

const struct output_ops output_file_ops = {
	.name = "file",
	.publish = ofile_publish,
	.flush = ofile_flush,
	.reload = ofile_reload,
	.metrics = ofile_metrics,
	.free = ofile_free,
};
