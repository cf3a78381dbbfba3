#include "watcher.h"

#include <dirent.h>
#include <errno.h>
#include <event2/event.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <time.h>
#include <unistd.h>

#include "util.h"

/* IN_OPEN and IN_CLOSE_NOWRITE only for the names in w->fresh */
#define WATCH_MASK (IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | \
	IN_OPEN | IN_CLOSE_NOWRITE | IN_ONLYDIR | IN_DELETE_SELF | \
	IN_MOVE_SELF)

/* How long a regular file created with one link waits for the open that
 * follows an open(O_CREAT) in the same system call (w->fresh). */
#define FRESH_WAIT_MS 100

/* What a held file looked like when it was held: unchanged at the end of
 * its wait, it is taken. */
struct seen {
	off_t size;
	struct timespec mtime;
};

/* A name read from inotify or the scan, not yet offered. */
struct pending {
	char *name;
	bool waited;   /* its wait (grace or settle) is over */
	bool moved;    /* renamed in: its writer is done with it */
	struct seen seen;
};

/* A name on a timer, in one of two lists. held: an empty file in its
 * grace period, or a file settling: taken once it has not changed for
 * the settle period. fresh: a regular file's name created with one link
 * and not yet announced by a close after writing: a new file being
 * written, or a hard link whose first name is already gone (a link and
 * an unlink by its writer, a linkat() of an O_TMPFILE). An open(O_CREAT)
 * creates the name and opens it in one system call; a link opens
 * nothing. So the name is offered when it has been closed as often as
 * opened (by readers only) FRESH_WAIT_MS after it appeared, or else at
 * the last reader's close; a close after writing announces it as
 * ever. */
struct held {
	char *name;
	struct event *timer;
	struct watcher *w;
	struct seen seen;       /* held: as it was when held */
	int opens;              /* fresh: its opens less its closes since */
	bool due;               /* fresh: its wait is over */
};

struct held_list {
	struct held **v;
	size_t n;
};

struct watcher {
	struct event_base *base;
	char *dir;
	int dirfd;
	int ifd;
	struct event *ev;       /* inotify readable */
	struct event *kick;     /* runs pump() from the loop */
	bool reading;           /* ev is added */
	bool paused;            /* the consumer is full */
	struct pending *q;      /* FIFO of names to offer */
	size_t qhead, qn, qcap;
	DIR *scan;              /* the start-up or overflow scan, if on */
	struct held_list held;
	struct held_list fresh;
	int grace;
	int settle_ms;          /* quiet time after the last change */
	struct watcher_ops ops;
};

static void
wlog(struct watcher *w, int level, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	w->ops.log(w->ops.ctx, level, msg);
}

static bool
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

int
watcher_ignored(const char *name)
{
	return name[0] == '.' || ends_with(name, ".part") ||
	    ends_with(name, ".tmp") || ends_with(name, "~");
}

static void
queue_push_seen(struct watcher *w, const char *name, bool waited,
    const struct seen *seen)
{
	if (w->qn == w->qcap) {
		size_t cap = w->qcap ? w->qcap * 2 : 16;
		struct pending *q = xcalloc(cap, sizeof(*q));

		for (size_t i = 0; i < w->qn; i++)
			q[i] = w->q[(w->qhead + i) % w->qcap];
		free(w->q);
		w->q = q;
		w->qhead = 0;
		w->qcap = cap;
	}
	w->q[(w->qhead + w->qn) % w->qcap] = (struct pending){
		.name = xstrdup(name), .waited = waited };
	if (seen != NULL)
		w->q[(w->qhead + w->qn) % w->qcap].seen = *seen;
	w->qn++;
}

static void
queue_push(struct watcher *w, const char *name, bool waited)
{
	queue_push_seen(w, name, waited, NULL);
}

static void
queue_pop(struct watcher *w)
{
	free(w->q[w->qhead].name);
	w->qhead = (w->qhead + 1) % w->qcap;
	w->qn--;
}

static void
set_reading(struct watcher *w, bool on)
{
	if (on && !w->reading)
		event_add(w->ev, NULL);
	else if (!on && w->reading)
		event_del(w->ev);
	w->reading = on;
}

static struct held *
held_find(const struct held_list *l, const char *name, size_t *idx)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i]->name, name) == 0) {
			*idx = i;
			return l->v[i];
		}
	return NULL;
}

static void
held_remove(struct held_list *l, size_t idx)
{
	event_free(l->v[idx]->timer);
	free(l->v[idx]->name);
	free(l->v[idx]);
	l->v[idx] = l->v[--l->n];
}

static void
held_clear(struct held_list *l)
{
	while (l->n > 0)
		held_remove(l, 0);
	free(l->v);
	l->v = NULL;
}

/* name in l, added if missing (its timer calling cb): *added says so,
 * if added is not NULL. */
static struct held *
held_add(struct watcher *w, struct held_list *l, const char *name,
    event_callback_fn cb, bool *added)
{
	struct held *h;
	size_t idx;

	h = held_find(l, name, &idx);
	if (added != NULL)
		*added = h == NULL;
	if (h != NULL)
		return h;
	h = xcalloc(1, sizeof(*h));
	h->name = xstrdup(name);
	h->w = w;
	h->timer = evtimer_new(w->base, cb, h);
	l->v = xrealloc(l->v, (l->n + 1) * sizeof(*l->v));
	l->v[l->n++] = h;
	return h;
}

/* name is decided on otherwise (offered, or announced by a close or a
 * rename): no longer followed as fresh. */
static void
fresh_drop(struct watcher *w, const char *name)
{
	size_t idx;

	if (held_find(&w->fresh, name, &idx) != NULL)
		held_remove(&w->fresh, idx);
}

static void
held_expired(evutil_socket_t fd, short what, void *arg)
{
	struct held *h = arg;
	struct watcher *w = h->w;
	size_t idx;

	(void)fd;
	(void)what;
	if (held_find(&w->held, h->name, &idx) == h) {
		queue_push_seen(w, h->name, true, &h->seen);
		held_remove(&w->held, idx);
	}
	event_active(w->kick, 0, 0);
}

/* Holds (or holds again) a file for ms milliseconds: an empty one for
 * the grace period, a changing one until it settles. */
static void
hold(struct watcher *w, const char *name, const struct stat *st, long ms)
{
	struct timeval tv = { .tv_sec = ms / 1000,
	    .tv_usec = (ms % 1000) * 1000 };
	bool added;
	struct held *h = held_add(w, &w->held, name, held_expired, &added);

	if (added) {
		if (st->st_size == 0)
			wlog(w, 3, "%s: empty, waiting %d s for it to be "
			    "filled", name, w->grace);
		else
			wlog(w, 3, "%s: changed just now, taken after %ld ms "
			    "without a change", name,
			    (long)w->settle_ms);
	}
	h->seen = (struct seen){ st->st_size, st->st_mtim };
	evtimer_add(h->timer, &tv);
}

/* Milliseconds name must still wait to have been quiet for the settle
 * period: 0 when its last change (mtime) is that old, or when it did not
 * change during a whole wait (a clock far off cannot hold it forever). */
static long
settle_left(const struct watcher *w, const struct stat *st,
    const struct pending *p)
{
	struct timespec now;
	long age;

	if (w->settle_ms <= 0 || (p != NULL && p->moved))
		return 0;
	if (p != NULL && p->waited && p->seen.size == st->st_size &&
	    p->seen.mtime.tv_sec == st->st_mtim.tv_sec &&
	    p->seen.mtime.tv_nsec == st->st_mtim.tv_nsec)
		return 0;
	clock_gettime(CLOCK_REALTIME, &now);
	age = (long)(now.tv_sec - st->st_mtim.tv_sec) * 1000 +
	    (now.tv_nsec - st->st_mtim.tv_nsec) / 1000000;
	if (age >= w->settle_ms)
		return 0;
	if (age < 0)
		return w->settle_ms;
	/* at least 10 ms, so that a wait is never a busy loop */
	return w->settle_ms - age < 10 ? 10 : w->settle_ms - age;
}

/* Opens name and offers it, unless it is not a file for us, or not yet:
 * an empty file waits for its grace period, a file changed less than the
 * settle period ago until it has been quiet that long. p: what the queue
 * knew of it, or NULL. */
static enum watcher_offer
consider(struct watcher *w, const char *name, const struct pending *p)
{
	bool waited = p != NULL && p->waited;
	struct stat st;
	size_t idx;
	long left;
	int fd;

	if (watcher_ignored(name))
		return WATCHER_TAKEN;
	fresh_drop(w, name);
	/* a device is never opened (opening one can act: a tape rewinds);
	 * the fstat below still decides for what is opened */
	if (fstatat(w->dirfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))) {
		wlog(w, 1, "%s: not a regular file, ignored", name);
		return WATCHER_TAKEN;
	}
	fd = openat(w->dirfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
	    O_CLOEXEC);
	if (fd < 0) {
		if (errno == ELOOP)
			wlog(w, 1, "%s: a symbolic link, ignored (never "
			    "followed)", name);
		else if (errno != ENOENT)
			wlog(w, 1, "%s: cannot open: %s",
			    name, strerror(errno));
		return WATCHER_TAKEN;
	}
	if (fstat(fd, &st) != 0) {
		wlog(w, 1, "%s: cannot stat: %s", name,
		    strerror(errno));
		close(fd);
		return WATCHER_TAKEN;
	}
	if (!S_ISREG(st.st_mode)) {
		if (!S_ISDIR(st.st_mode))
			wlog(w, 1, "%s: not a regular file, ignored",
			    name);
		close(fd);
		return WATCHER_TAKEN;
	}
	if (st.st_size == 0 && !waited && w->grace > 0) {
		close(fd);
		hold(w, name, &st, (long)w->grace * 1000);
		return WATCHER_TAKEN;
	}
	if (st.st_size > 0 && (left = settle_left(w, &st, p)) > 0) {
		close(fd);
		hold(w, name, &st, left);
		return WATCHER_TAKEN;
	}
	if (held_find(&w->held, name, &idx) != NULL)
		held_remove(&w->held, idx);
	if (w->ops.offer(w->ops.ctx, name, fd, &st) == WATCHER_FULL) {
		close(fd);
		return WATCHER_FULL;
	}
	return WATCHER_TAKEN;
}

/* Offers waiting names, then scan entries, until the consumer is full;
 * reads inotify only while it is not. */
static void
pump(struct watcher *w)
{
	while (!w->paused) {
		struct dirent *de;

		if (w->qn > 0) {
			if (consider(w, w->q[w->qhead].name,
			    &w->q[w->qhead]) == WATCHER_FULL) {
				wlog(w, 3, "queue full: waiting for room");
				w->paused = true;
			} else
				queue_pop(w);
			continue;
		}
		if (w->scan == NULL)
			break;
		de = readdir(w->scan);
		if (de == NULL) {
			closedir(w->scan);
			w->scan = NULL;
			continue;
		}
		if (consider(w, de->d_name, NULL) == WATCHER_FULL) {
			wlog(w, 3, "queue full: waiting for room");
			queue_push(w, de->d_name, false);
			w->paused = true;
		}
	}
	set_reading(w, !w->paused);
}

static void
start_scan(struct watcher *w)
{
	int fd;

	if (w->scan != NULL)
		closedir(w->scan);
	w->scan = NULL;
	fd = openat(w->dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0)
		w->scan = fdopendir(fd);
	if (w->scan == NULL) {
		wlog(w, 0, "%s: cannot scan: %s", w->dir, strerror(errno));
		if (fd >= 0)
			close(fd);
	}
}

static void
on_kick(evutil_socket_t fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	pump(arg);
}

/* What a name just created is: a symbolic link, a FIFO, a socket, a
 * device (each is logged when it appears, and left alone) or a second
 * link to a file, created in one step, that no close after writing will
 * announce (CREATED_WHOLE); a regular file with one link (CREATED_FRESH:
 * w->fresh tells a file being written from a link); or none of ours. */
enum created { CREATED_NONE, CREATED_WHOLE, CREATED_FRESH };

static enum created
created_kind(struct watcher *w, const char *name)
{
	struct stat st;

	if (watcher_ignored(name) ||
	    fstatat(w->dirfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
	    S_ISDIR(st.st_mode))
		return CREATED_NONE;
	if (S_ISREG(st.st_mode) && st.st_nlink == 1)
		return CREATED_FRESH;
	return CREATED_WHOLE;
}

static void on_inotify(evutil_socket_t fd, short what, void *arg);

/* A fresh name's wait is over: the events already queued are read
 * first (the open of an open(O_CREAT) may be among them); opened by
 * nobody since, it is a link: offered. */
static void
fresh_wait_over(evutil_socket_t fd, short what, void *arg)
{
	struct held *f = arg;
	struct watcher *w = f->w;
	char *name = xstrdup(f->name);
	size_t idx;

	(void)fd;
	(void)what;
	f->due = true;
	on_inotify(w->ifd, EV_READ, w);
	f = held_find(&w->fresh, name, &idx);
	if (f != NULL && f->due && f->opens <= 0) {
		held_remove(&w->fresh, idx);
		queue_push(w, name, false);
		event_active(w->kick, 0, 0);
	}
	free(name);
}

static void
fresh_add(struct watcher *w, const char *name)
{
	struct timeval tv = { .tv_sec = 0, .tv_usec = FRESH_WAIT_MS * 1000 };
	struct held *f = held_add(w, &w->fresh, name, fresh_wait_over,
	    NULL);

	f->opens = 0;
	f->due = false;
	evtimer_add(f->timer, &tv);
}

/* An open (+1) or a close without writing (-1) of a fresh name: the
 * last reader's close after its wait offers it. */
static void
fresh_opened(struct watcher *w, const char *name, int delta)
{
	struct held *f;
	size_t idx;

	f = held_find(&w->fresh, name, &idx);
	if (f == NULL)
		return;
	f->opens += delta;
	if (f->due && f->opens <= 0) {
		held_remove(&w->fresh, idx);
		queue_push(w, name, false);
	}
}

/* One event on a name in the folder. */
static void
on_name(struct watcher *w, uint32_t mask, const char *name)
{
	if (mask & (IN_CLOSE_WRITE | IN_MOVED_TO)) {
		fresh_drop(w, name);
		queue_push(w, name, false);
		if (mask & IN_MOVED_TO)
			w->q[(w->qhead + w->qn - 1) % w->qcap].moved = true;
	} else if (mask & IN_CREATE) {
		switch (created_kind(w, name)) {
		case CREATED_WHOLE:
			queue_push(w, name, false);
			break;
		case CREATED_FRESH:
			fresh_add(w, name);
			break;
		case CREATED_NONE:
			break;
		}
	} else if (mask & IN_OPEN) {
		fresh_opened(w, name, 1);
	} else if (mask & IN_CLOSE_NOWRITE) {
		fresh_opened(w, name, -1);
	}
}

/* Reads one buffer of inotify events: a bounded number of names. */
static void
on_inotify(evutil_socket_t fd, short what, void *arg)
{
	struct watcher *w = arg;
	char buf[4096] __attribute__((aligned(__alignof__(
	    struct inotify_event))));
	ssize_t n = read(fd, buf, sizeof(buf));

	(void)what;
	if (n < 0) {
		if (errno != EAGAIN && errno != EINTR)
			wlog(w, 0, "inotify: %s", strerror(errno));
		return;
	}
	for (char *p = buf; p < buf + n; ) {
		const struct inotify_event *ie = (const void *)p;

		if (ie->mask & IN_Q_OVERFLOW) {
			wlog(w, 1, "%s: inotify queue overflow, rescanning",
			    w->dir);
			/* the scan offers every file there */
			held_clear(&w->fresh);
			start_scan(w);
		} else if (ie->mask & (IN_DELETE_SELF | IN_MOVE_SELF)) {
			wlog(w, 0, "%s: the inbox was removed or moved away",
			    w->dir);
		} else if (ie->len > 0 && !(ie->mask & IN_ISDIR)) {
			on_name(w, ie->mask, ie->name);
		}
		p += sizeof(*ie) + ie->len;
	}
	pump(w);
}

struct watcher *
watcher_new(struct event_base *base, const char *dir, int empty_grace,
    const struct watcher_ops *ops, char *err, size_t errlen)
{
	struct watcher *w = xcalloc(1, sizeof(*w));

	w->base = base;
	w->dir = xstrdup(dir);
	w->grace = empty_grace;
	w->settle_ms = WATCHER_DEFAULT_SETTLE_MS;
	w->ops = *ops;
	w->ifd = -1;
	w->dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (w->dirfd < 0) {
		fail(err, errlen, "%s: %s", dir, strerror(errno));
		goto err;
	}
	w->ifd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (w->ifd < 0 || inotify_add_watch(w->ifd, dir, WATCH_MASK) < 0) {
		fail(err, errlen, "%s: inotify: %s", dir, strerror(errno));
		goto err;
	}
	w->ev = event_new(base, w->ifd, EV_READ | EV_PERSIST, on_inotify, w);
	w->kick = event_new(base, -1, 0, on_kick, w);
	/* watch first, then scan: a file dropped in between is seen twice
	 * at worst, never missed */
	start_scan(w);
	set_reading(w, true);
	event_active(w->kick, 0, 0);
	return w;
err:
	watcher_free(w);
	return NULL;
}

void
watcher_resume(struct watcher *w)
{
	if (!w->paused)
		return;
	w->paused = false;
	event_active(w->kick, 0, 0);
}

void
watcher_recheck(struct watcher *w, const char *name)
{
	queue_push(w, name, false);
	event_active(w->kick, 0, 0);
}

void
watcher_rescan(struct watcher *w)
{
	start_scan(w);
	event_active(w->kick, 0, 0);
}

void
watcher_set_grace(struct watcher *w, int seconds)
{
	w->grace = seconds;
}

void
watcher_set_settle(struct watcher *w, int ms)
{
	w->settle_ms = ms;
}

void
watcher_free(struct watcher *w)
{
	if (w == NULL)
		return;
	held_clear(&w->held);
	held_clear(&w->fresh);
	while (w->qn > 0)
		queue_pop(w);
	free(w->q);
	if (w->scan != NULL)
		closedir(w->scan);
	if (w->ev != NULL)
		event_free(w->ev);
	if (w->kick != NULL)
		event_free(w->kick);
	if (w->ifd >= 0)
		close(w->ifd);
	if (w->dirfd >= 0)
		close(w->dirfd);
	free(w->dir);
	free(w);
}
