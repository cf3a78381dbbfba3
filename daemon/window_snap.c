/* The window's snapshot (window_snap.h).
 *
 * The file: a header of WS_HEAD bytes (magic, version, the byte order,
 * the size of the body and of its duplicate part, and the store's mark,
 * store_window_mark()), the body in two parts (dup_index_dump(), then
 * story_index_dump()), and a trailer (a checksum of each part and a
 * closing magic). A part's checksum is over blocks of WS_BLOCK bytes from
 * its start, as the writer flushes them and the reader reads them; the
 * two parts are read side by side, the duplicates in a thread of their
 * own (each index is its thread's until the join).
 *
 * Why a snapshot cannot load a window the store disagrees with: it is
 * written only after a clean stop with no turn open and no turn rolled
 * back since the store was opened, to a temporary file that is fsynced
 * before the rename; it is used only if its mark is the store's (a
 * commit, a deletion or a reset of the journal in between changes it),
 * its sizes and checksum hold and both indexes read back whole; and it
 * is removed as it is opened, so a daemon that crashes after its start
 * leaves none behind. Any doubt: the rows. */
#include "window_snap.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "commit.h"
#include "daemon_state.h"
#include "enrich/dup.h"
#include "enrich/story.h"
#include "hugemem.h"
#include "store.h"

const struct story_alloc window_story_alloc = {
	hugemem_calloc, hugemem_free, NULL
};

#define WS_TMP WINDOW_SNAP_FILE ".tmp"
#define WS_USED WINDOW_SNAP_FILE ".used"
#define WS_VERSION 3
#define WS_HEAD 512
#define WS_BLOCK (1u << 20)
#define WS_ORDER 0x0102030405060708ull

static const char ws_magic[8] = "NWWSNAP1";
static const char ws_end[8] = "NWWSEND1";
const char window_snap_stopped[] = "the stop cut its read short";

struct ws_head {
	char magic[8];
	uint64_t version, order, body, dups;
	char mark[WS_HEAD - 48];
};

struct ws_tail {
	uint64_t sum[2];      /* the duplicate part's, the story part's */
	char magic[8];
};

/* A fast 64-bit checksum of p[0, n) after seed: four lanes of a multiply
 * and rotate over 8-byte words. It finds a torn or changed file, not an
 * adversary (the state folder is the daemon's). */
static uint64_t
ws_hash(const uint8_t *p, size_t n, uint64_t seed)
{
	const uint64_t k = 0x9e3779b97f4a7c15ull;
	uint64_t a = seed ^ k, b = seed + k, c = ~seed, d = seed * k + 1;
	size_t i = 0;

	for (; i + 32 <= n; i += 32) {
		uint64_t w[4];

		memcpy(w, p + i, sizeof(w));
		a = ((a ^ w[0]) * k);
		b = ((b ^ w[1]) * k);
		c = ((c ^ w[2]) * k);
		d = ((d ^ w[3]) * k);
		a = a << 29 | a >> 35;
		b = b << 29 | b >> 35;
		c = c << 29 | c >> 35;
		d = d << 29 | d >> 35;
	}
	for (; i < n; i++)
		a = (a ^ p[i]) * k;
	a ^= (b << 16 | b >> 48) ^ (c << 32 | c >> 32) ^ (d << 48 | d >> 16);
	return (a ^ n ^ (a >> 31)) * k;
}

struct ws_out {
	int fd;
	uint8_t *buf;
	size_t n;
	uint64_t total, sum;
	int err;
};

static int
ws_write(int fd, const void *p, size_t n)
{
	const uint8_t *c = p;

	while (n > 0) {
		ssize_t w = write(fd, c, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		c += w;
		n -= (size_t)w;
	}
	return 0;
}

static int
ws_flush(struct ws_out *o)
{
	if (o->n == 0 || o->err)
		return o->err;
	o->sum = ws_hash(o->buf, o->n, o->sum);
	if (ws_write(o->fd, o->buf, o->n) != 0)
		o->err = errno ? errno : EIO;
	o->n = 0;
	return o->err;
}

static int
ws_put(void *ctx, const void *p, size_t n)
{
	struct ws_out *o = ctx;
	const uint8_t *c = p;

	while (n > 0 && !o->err) {
		size_t k = WS_BLOCK - o->n < n ? WS_BLOCK - o->n : n;

		memcpy(o->buf + o->n, c, k);
		o->n += k;
		o->total += k;
		c += k;
		n -= k;
		if (o->n == WS_BLOCK)
			ws_flush(o);
	}
	return o->err;
}

/* Writes the snapshot into the open fd; errno-like code, 0 when done. */
static int
ws_write_all(struct daemon *d, int fd, const char *mark)
{
	struct ws_out o = { .fd = fd, .buf = xmalloc(WS_BLOCK) };
	struct ws_head h = { .version = WS_VERSION, .order = WS_ORDER };
	struct ws_tail t;
	int rc;

	memcpy(h.magic, ws_magic, sizeof(h.magic));
	snprintf(h.mark, sizeof(h.mark), "%s", mark);
	if (lseek(fd, WS_HEAD, SEEK_SET) != WS_HEAD)
		o.err = errno;
	if (!o.err)
		dup_index_dump(d->dups, ws_put, &o);
	ws_flush(&o);
	h.dups = o.total;
	t.sum[0] = o.sum;
	o.sum = 0;
	if (!o.err)
		story_index_dump(d->stories, ws_put, &o);
	rc = ws_flush(&o);
	free(o.buf);
	if (rc != 0)
		return rc;
	h.body = o.total;
	t.sum[1] = o.sum;
	memcpy(t.magic, ws_end, sizeof(t.magic));
	if (ws_write(fd, &t, sizeof(t)) != 0 ||
	    pwrite(fd, &h, sizeof(h), 0) != (ssize_t)sizeof(h) ||
	    fsync(fd) != 0)
		return errno ? errno : EIO;
	return 0;
}

void
window_snap_save(struct daemon *d)
{
	char mark[WS_HEAD - 48], err[256], tmp[4096], path[4096];
	double t0 = clock_seconds(CLOCK_MONOTONIC);
	int fd, dfd, rc;
	struct stat st;

	snprintf(tmp, sizeof(tmp), "%s/" WS_TMP, d->cfg.state);
	snprintf(path, sizeof(path), "%s/" WINDOW_SNAP_FILE, d->cfg.state);
	unlink(path);
	if (d->dups == NULL || d->stories == NULL)
		return;
	if (commit_open(d->commit) || store_rollbacks(d->store) > 0) {
		log_info(&d->log, "window: no snapshot at this stop (a turn "
		    "was rolled back or is open); the next start loads the "
		    "rows");
		return;
	}
	if (store_window_mark(d->store, mark, sizeof(mark), err,
	    sizeof(err)) != 0) {
		log_warn(&d->log, "window: no snapshot: %s", err);
		return;
	}
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0) {
		log_warn(&d->log, "window: no snapshot: %s: %s", tmp,
		    strerror(errno));
		return;
	}
	rc = ws_write_all(d, fd, mark);
	if (fstat(fd, &st) != 0)
		st.st_size = 0;
	if (close(fd) != 0 && rc == 0)
		rc = errno;
	if (rc == 0 && rename(tmp, path) != 0)
		rc = errno;
	if (rc != 0) {
		unlink(tmp);
		log_warn(&d->log, "window: no snapshot: %s: %s", tmp,
		    strerror(rc));
		return;
	}
	dfd = open(d->cfg.state, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
	log_info(&d->log, "window: snapshot of %zu duplicate prints written "
	    "in %.2f s (%.1f MB)", dup_index_size(d->dups),
	    clock_seconds(CLOCK_MONOTONIC) - t0, (double)st.st_size / 1e6);
}

/* A part of the body, read in blocks with pread (the two parts share
 * the descriptor). */
struct ws_in {
	int fd;
	uint8_t *buf;
	size_t n, pos;
	uint64_t off;         /* the file offset of the next block */
	uint64_t left, sum;   /* the part's bytes not yet read */
	const atomic_bool *halt;        /* a stop: give up */
	int err;
};

/* Reads the next block of the part; -1 at its end or on failure. */
static int
ws_fill(struct ws_in *in)
{
	size_t want = in->left < WS_BLOCK ? (size_t)in->left : WS_BLOCK;
	size_t got = 0;

	if (want == 0 || atomic_load_explicit(in->halt, memory_order_relaxed))
		return -1;
	while (got < want) {
		ssize_t r = pread(in->fd, in->buf + got, want - got,
		    (off_t)(in->off + got));

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		got += (size_t)r;
	}
	in->sum = ws_hash(in->buf, want, in->sum);
	in->off += want;
	in->left -= want;
	in->n = want;
	in->pos = 0;
	return 0;
}

static int
ws_get(void *ctx, void *p, size_t n)
{
	struct ws_in *in = ctx;
	uint8_t *c = p;

	while (n > 0) {
		size_t k;

		if (in->pos == in->n && (in->err || ws_fill(in) != 0)) {
			in->err = 1;
			return -1;
		}
		k = in->n - in->pos < n ? in->n - in->pos : n;
		memcpy(c, in->buf + in->pos, k);
		in->pos += k;
		c += k;
		n -= k;
	}
	return 0;
}

/* Reads a part to its end (what an index that did not read back left),
 * for its checksum; 0 if the whole part was read. */
static int
ws_drain(struct ws_in *in)
{
	while (in->left > 0 && ws_fill(in) == 0)
		;
	return in->left == 0 ? 0 : -1;
}

/* The duplicate part, in a thread. */
struct ws_dups {
	struct ws_in in;
	uint64_t size;
	struct dup_index *idx;
	int whole;            /* the part read to its end */
	double cpu;           /* the thread's CPU seconds */
};

static void *
ws_read_dups(void *arg)
{
	struct ws_dups *w = arg;

	w->idx = dup_index_undump(ws_get, &w->in, w->size);
	w->whole = ws_drain(&w->in) == 0;
	w->cpu = clock_seconds(CLOCK_THREAD_CPUTIME_ID);
	return NULL;
}

/* Reads the body into the indexes; a reason into why on failure. */
static void
ws_read_body(int fd, const struct ws_head *h, const atomic_bool *halt,
    struct story_index **sp, struct dup_index **dp, const char **why,
    double *cpu)
{
	struct ws_dups wd = {
		.in = { .fd = fd, .buf = xmalloc(WS_BLOCK), .off = WS_HEAD,
		    .left = h->dups, .halt = halt },
		.size = h->dups,
	};
	struct ws_in in = { .fd = fd, .buf = xmalloc(WS_BLOCK),
	    .off = WS_HEAD + h->dups, .left = h->body - h->dups,
	    .halt = halt };
	struct story_index *stories;
	struct ws_tail t;
	char extra;
	pthread_t th;
	int threaded, whole;

	threaded = pthread_create(&th, NULL, ws_read_dups, &wd) == 0;
	if (!threaded)
		ws_read_dups(&wd);
	stories = story_index_undump_with(ws_get, &in, h->body - h->dups,
	    &window_story_alloc);
	whole = ws_drain(&in) == 0;
	if (threaded)
		pthread_join(th, NULL);
	*cpu = threaded ? wd.cpu : 0;
	if (atomic_load(halt))
		*why = window_snap_stopped;
	else if (pread(fd, &t, sizeof(t), (off_t)(WS_HEAD + h->body)) !=
	    (ssize_t)sizeof(t) || memcmp(t.magic, ws_end, 8) || !whole ||
	    !wd.whole || pread(fd, &extra, 1, (off_t)(WS_HEAD + h->body +
	    sizeof(t))) != 0)
		*why = "it is truncated or too long";
	else if (t.sum[0] != wd.in.sum || t.sum[1] != in.sum)
		*why = "its checksum is wrong";
	else if (stories == NULL || wd.idx == NULL)
		*why = "its indexes do not read back";
	else
		*why = NULL;
	free(in.buf);
	free(wd.in.buf);
	if (*why != NULL) {
		dup_index_free(wd.idx);
		story_index_free(stories);
		return;
	}
	*dp = wd.idx;
	*sp = stories;
}

struct window_snap {
	int fd;
	struct ws_head h;
	char used[4096];        /* the file's name while it is read */
	char path[4096];        /* its name before */
};

/* Removes the file of a snapshot not to use again, and closes it. */
static void
ws_drop(struct window_snap *w)
{
	unlink(w->used);
	window_snap_close(w);
}

struct window_snap *
window_snap_open(struct daemon *d)
{
	char tmp[4096], mark[WS_HEAD - 48], err[256];
	const char *why = NULL;
	struct window_snap *w = xcalloc(1, sizeof(*w));
	struct stat st;
	int fd;

	/* a stop killed while it wrote left the first, a daemon killed
	 * while it read the snapshot the second */
	snprintf(tmp, sizeof(tmp), "%s/" WS_TMP, d->cfg.state);
	unlink(tmp);
	snprintf(w->used, sizeof(w->used), "%s/" WS_USED, d->cfg.state);
	unlink(w->used);
	snprintf(w->path, sizeof(w->path), "%s/" WINDOW_SNAP_FILE,
	    d->cfg.state);
	fd = open(w->path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		log_info(&d->log, "window: no snapshot (%s), loading the rows",
		    strerror(errno));
		free(w);
		return NULL;
	}
	/* used once at most, whatever happens next: out of its name now
	 * (the start after a crash removes the other), back only if a stop
	 * cuts the read short before the store changed
	 * (window_snap_keep()) */
	if (rename(w->path, w->used) != 0)
		unlink(w->path);
	w->fd = fd;
	if (fstat(fd, &st) != 0 ||
	    read(fd, &w->h, sizeof(w->h)) != (ssize_t)sizeof(w->h))
		why = "it is truncated";
	else if (memcmp(w->h.magic, ws_magic, 8) ||
	    w->h.version != WS_VERSION || w->h.order != WS_ORDER)
		why = "it is of another version";
	else if (w->h.dups > w->h.body || (uint64_t)st.st_size != WS_HEAD +
	    w->h.body + sizeof(struct ws_tail))
		why = "it is truncated or too long";
	else if (w->h.mark[sizeof(w->h.mark) - 1] != '\0' ||
	    store_window_mark(d->store, mark, sizeof(mark), err,
	    sizeof(err)) != 0 || strcmp(mark, w->h.mark) != 0)
		why = "the store changed since it was written";
	if (why != NULL) {
		log_warn(&d->log, "window: snapshot not used (%s), loading "
		    "the rows", why);
		ws_drop(w);
		return NULL;
	}
	/* read once, front to back (each of its two parts) */
	posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
	return w;
}

const char *
window_snap_read(struct window_snap *w, const atomic_bool *halt,
    struct story_index **stories, struct dup_index **dups, double *cpu)
{
	const char *why;

	*cpu = 0;
	ws_read_body(w->fd, &w->h, halt, stories, dups, &why, cpu);
	if (why != window_snap_stopped)
		unlink(w->used);
	return why;
}

void
window_snap_keep(struct daemon *d, struct window_snap *w)
{
	char mark[WS_HEAD - 48], err[256];

	if (w == NULL)
		return;
	if (store_window_mark(d->store, mark, sizeof(mark), err,
	    sizeof(err)) == 0 && strcmp(mark, w->h.mark) == 0 &&
	    rename(w->used, w->path) == 0)
		log_info(&d->log, "window: snapshot kept for the next start");
	else
		unlink(w->used);
	window_snap_close(w);
}

void
window_snap_close(struct window_snap *w)
{
	if (w == NULL)
		return;
	close(w->fd);
	free(w);
}
