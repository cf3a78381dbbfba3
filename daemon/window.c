#include "window.h"

#include <errno.h>
#include <event2/event.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "commit.h"
#include "daemon_state.h"
#include "enrich/dup.h"
#include "enrich/story.h"
#include "store.h"
#include "window_snap.h"

struct window_count {
	void *idx;
	size_t rows, packed, bad;
};

static void
restore_story(void *ctx, const struct store_row *r)
{
	struct window_count *c = ctx;
	int rc = r->packed != NULL ?
	    story_index_restore_packed(c->idx, r->key, r->t, r->packed,
	    r->len) : story_index_restore(c->idx, r->key, r->t, r->text);

	c->rows++;
	c->packed += r->packed != NULL;
	c->bad += rc != 0;
}

static void
restore_dup(void *ctx, const struct store_row *r)
{
	struct window_count *c = ctx;
	int rc = r->packed != NULL ?
	    dup_index_add_packed(c->idx, r->key, r->packed, r->len, r->t) :
	    dup_index_add(c->idx, r->key, r->text, r->t);

	c->rows++;
	c->packed += r->packed != NULL;
	c->bad += rc != 0;
}

/* The duplicate index's load, in a thread of its own with a connection
 * of its own: the index is the thread's until it is joined. */
struct window_dups {
	const char *dir;
	int64_t since;
	const atomic_bool *halt;
	struct window_count c;
	double cpu;
	int rc;
	char err[256];
};

static void *
load_dups(void *arg)
{
	struct window_dups *w = arg;

	w->rc = store_dups_at(w->dir, w->since, restore_dup, &w->c, w->halt,
	    w->err, sizeof(w->err));
	if (w->rc == 0 && !atomic_load(w->halt))
		dup_index_settle(w->c.idx);
	w->cpu = clock_seconds(CLOCK_THREAD_CPUTIME_ID);
	return NULL;
}

/* The window's load, off the loop: it builds the indexes while the
 * daemon is READY and its sources work; the loop takes no finished job
 * (no commit, so no look-up) until they are in place. */
struct window {
	const char *dir;
	int64_t now;
	struct window_snap *snap;       /* NULL: the rows */
	const atomic_bool *halt;        /* the daemon's: a stop cuts the
	                                   load short */
	pthread_t th;
	bool threaded, joined;
	bool cut;                       /* the stop cut it short */
	int pipe[2];
	struct event *ev;
	double t0;
	/* the load's results, the loop's once joined */
	struct story_index *stories;
	struct dup_index *dups;
	const char *why;                /* the snapshot not used: why */
	struct window_count cs;
	struct window_dups wd;
	double cpu;
	int rc;
	char err[256];
};

/* The snapshot if it reads back, else the rows of the last window:
 * their two tables side by side (two threads, two connections), each in
 * one pass. */
static void
window_build(struct window *w)
{
	pthread_t th;
	double snap_cpu = 0;
	int threaded;

	if (w->snap != NULL) {
		w->why = window_snap_read(w->snap, w->halt, &w->stories,
		    &w->dups, &snap_cpu);
		if (w->why == window_snap_stopped) {
			/* the join puts the file back if it still holds */
			w->why = NULL;
			w->cut = true;
			w->cpu = snap_cpu;
			w->rc = -1;
			snprintf(w->err, sizeof(w->err), "stopped");
			return;
		}
		window_snap_close(w->snap);
		w->snap = NULL;
		if (w->why == NULL) {
			/* what left the window while the daemon was down
			 * leaves now, as the rows' load would not have
			 * read it */
			dup_index_expire(w->dups, w->now,
			    dup_index_size(w->dups) + 1);
			story_index_expire(w->stories, w->now,
			    story_index_size(w->stories) + 1);
			w->cpu = snap_cpu;
			return;
		}
	}
	w->stories = story_index_new_with(STORY_DEFAULT_WINDOW,
	    &window_story_alloc);
	w->dups = dup_index_new(DUP_DEFAULT_WINDOW);
	w->cs.idx = w->stories;
	w->wd.c.idx = w->dups;
	w->wd.dir = w->dir;
	w->wd.since = w->now - DUP_DEFAULT_WINDOW;
	w->wd.halt = w->halt;
	threaded = pthread_create(&th, NULL, load_dups, &w->wd) == 0;
	if (!threaded)
		load_dups(&w->wd);
	w->rc = store_stories_at(w->dir, w->now - STORY_DEFAULT_WINDOW,
	    restore_story, &w->cs, w->halt, w->err, sizeof(w->err));
	if (threaded)
		pthread_join(th, NULL);
	w->cpu = snap_cpu + (threaded ? w->wd.cpu : 0);
	if (w->rc == 0 && w->wd.rc != 0) {
		w->rc = -1;
		snprintf(w->err, sizeof(w->err), "%s", w->wd.err);
	}
	w->cut = w->rc != 0 && atomic_load(w->halt);
}

static void *
window_main(void *arg)
{
	struct window *w = arg;
	char one = 1;

	window_build(w);
	w->cpu += clock_seconds(CLOCK_THREAD_CPUTIME_ID);
	/* the loop joins it */
	while (write(w->pipe[1], &one, 1) < 0 && errno == EINTR)
		;
	return NULL;
}

/* Joins the load (waiting for it if it still runs) and puts its indexes
 * in place: the commit path's, the expiry's, the snapshot's at the stop.
 * 0, or -1 with a reason if the rows could not be read. */
static int
window_join(struct daemon *d, char *err, size_t errlen)
{
	struct window *w = d->window;

	if (w == NULL || w->joined)
		return w != NULL && w->rc != 0 ? fail(err, errlen, "%s",
		    w->err) : 0;
	if (w->threaded)
		pthread_join(w->th, NULL);
	w->joined = true;
	if (w->ev != NULL)
		event_del(w->ev);
	if (w->why != NULL)
		log_warn(&d->log, "window: snapshot not used (%s)%s", w->why,
		    w->cut ? "" : ", loaded the rows");
	if (w->rc != 0) {
		story_index_free(w->stories);
		dup_index_free(w->dups);
		w->stories = NULL;
		w->dups = NULL;
		if (w->cut) {
			window_snap_keep(d, w->snap);
			w->snap = NULL;
			log_info(&d->log, "window: the stop cut the load "
			    "short after %.2f s, %.2f s CPU; the next start "
			    "loads the window", clock_seconds(CLOCK_MONOTONIC)
			    - w->t0, w->cpu);
		}
		return fail(err, errlen, "%s", w->err);
	}
	d->stories = w->stories;
	d->dups = w->dups;
	w->stories = NULL;
	w->dups = NULL;
	if (d->commit != NULL)
		commit_set_window(d->commit, d->stories, d->dups);
	if (w->wd.c.idx == NULL)
		log_info(&d->log, "window: %zu story entries, %zu duplicate "
		    "prints loaded in %.2f s, %.2f s CPU (from the snapshot)",
		    story_index_size(d->stories), dup_index_size(d->dups),
		    clock_seconds(CLOCK_MONOTONIC) - w->t0, w->cpu);
	else
		log_info(&d->log, "window: %zu story entries, %zu duplicate "
		    "prints loaded in %.2f s, %.2f s CPU (%zu and %zu packed)",
		    w->cs.rows, w->wd.c.rows,
		    clock_seconds(CLOCK_MONOTONIC) - w->t0, w->cpu,
		    w->cs.packed, w->wd.c.packed);
	if (w->cs.bad + w->wd.c.bad > 0)
		log_warn(&d->log, "window: %zu story entries and %zu prints "
		    "malformed, left out", w->cs.bad, w->wd.c.bad);
	return 0;
}

/* The loop: the load is done. The finished jobs that waited for it are
 * taken now. */
static void
on_loaded(evutil_socket_t fd, short what, void *arg)
{
	struct daemon *d = arg;
	char err[512];

	(void)fd;
	(void)what;
	if (window_join(d, err, sizeof(err)) != 0) {
		if (d->window->cut)
			return;         /* the stop goes on */
		log_error(&d->log, "window: %s; stopping", err);
		event_base_loopbreak(d->base);
		return;
	}
	if (d->ev_results != NULL) {
		event_add(d->ev_results, NULL);
		event_active(d->ev_results, EV_READ, 0);
	}
}

bool
window_loading(const struct daemon *d)
{
	return d->window != NULL && !d->window->joined;
}

/* The story index holds the articles of the last window, the duplicate
 * index the originals of it, as before the restart: from the snapshot of
 * the last clean stop when there is one that matches the store
 * (window_snap.h), else from the rows. Loaded in a thread while the
 * daemon starts and runs (window.h), but when the cluster feed files
 * other nodes' articles into the indexes from the start. */
int
window_load(struct daemon *d, char *err, size_t errlen)
{
	struct window *w = xcalloc(1, sizeof(*w));
	double c0;

	d->window = w;
	w->t0 = clock_seconds(CLOCK_MONOTONIC);
	w->dir = d->cfg.state;
	w->halt = &d->halt;
	w->now = (int64_t)time(NULL);
	w->pipe[0] = w->pipe[1] = -1;
	w->snap = window_snap_open(d);
	if (!d->cfg.cluster_articles && pipe2(w->pipe, O_CLOEXEC) == 0) {
		w->ev = event_new(d->base, w->pipe[0], EV_READ, on_loaded, d);
		event_add(w->ev, NULL);
		w->threaded = pthread_create(&w->th, NULL, window_main,
		    w) == 0;
		if (w->threaded)
			return 0;
	}
	c0 = clock_seconds(CLOCK_THREAD_CPUTIME_ID);
	window_build(w);
	w->cpu += clock_seconds(CLOCK_THREAD_CPUTIME_ID) - c0;
	return window_join(d, err, errlen);
}

static void
on_window(evutil_socket_t fd, short what, void *arg)
{
	struct daemon *d = arg;
	int64_t now = (int64_t)time(NULL);
	struct timeval tv = { WINDOW_TICK_SECS, 0 };

	(void)fd;
	(void)what;
	/* none while it loads, nor after a stop cut the load short */
	if (d->dups != NULL && d->stories != NULL) {
		dup_index_expire(d->dups, now, WINDOW_TICK_BUDGET);
		story_index_expire(d->stories, now, WINDOW_TICK_BUDGET);
	}
	evtimer_add(d->ev_window, &tv);
}

void
window_start(struct daemon *d)
{
	struct timeval tv = { WINDOW_TICK_SECS, 0 };

	d->ev_window = evtimer_new(d->base, on_window, d);
	evtimer_add(d->ev_window, &tv);
}

void
window_save(struct daemon *d)
{
	char err[512];

	/* the stop's halt cuts a load that still runs short (window.h):
	 * then no snapshot (window_join() keeps the one the load read, if
	 * the store did not change) */
	if (window_join(d, err, sizeof(err)) != 0)
		return;
	window_snap_save(d);
}

void
window_stop(struct daemon *d)
{
	struct window *w = d->window;
	char err[512];

	if (d->ev_window != NULL)
		event_free(d->ev_window);
	d->ev_window = NULL;
	if (w == NULL)
		return;
	window_join(d, err, sizeof(err));
	if (w->ev != NULL)
		event_free(w->ev);
	if (w->pipe[0] >= 0)
		close(w->pipe[0]);
	if (w->pipe[1] >= 0)
		close(w->pipe[1]);
	window_snap_close(w->snap);
	free(w);
	d->window = NULL;
}
