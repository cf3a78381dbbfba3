#include "window.h"

#include <event2/event.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>

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

static double
window_clock(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The duplicate index's load, in a thread of its own with a connection
 * of its own: the index is the thread's until it is joined. */
struct window_dups {
	const char *dir;
	int64_t since;
	struct window_count c;
	double cpu;
	int rc;
	char err[256];
};

static void *
load_dups(void *arg)
{
	struct window_dups *w = arg;

	w->rc = store_dups_at(w->dir, w->since, restore_dup, &w->c, w->err,
	    sizeof(w->err));
	if (w->rc == 0)
		dup_index_settle(w->c.idx);
	w->cpu = window_clock(CLOCK_THREAD_CPUTIME_ID);
	return NULL;
}

/* The story index holds the articles of the last window, the duplicate
 * index the originals of it, as before the restart: from the snapshot of
 * the last clean stop when there is one that matches the store
 * (window_snap.h), else from the rows. The rows' two tables load side
 * by side (two threads, two connections), each in one pass. */
int
window_load(struct daemon *d, char *err, size_t errlen)
{
	struct window_count cs = { 0 };
	struct window_dups wd = { 0 };
	int64_t now = (int64_t)time(NULL);
	double t0 = window_clock(CLOCK_MONOTONIC);
	double c0 = window_clock(CLOCK_THREAD_CPUTIME_ID);
	double snap_cpu;
	pthread_t th;
	int threaded, rc;

	if (window_snap_load(d, &snap_cpu)) {
		/* what left the window while the daemon was down leaves
		 * now, as the rows' load would not have read it */
		dup_index_expire(d->dups, now, dup_index_size(d->dups) + 1);
		story_index_expire(d->stories, now,
		    story_index_size(d->stories) + 1);
		log_info(&d->log, "window: %zu story entries, %zu duplicate "
		    "prints loaded in %.2f s, %.2f s CPU (from the snapshot)",
		    story_index_size(d->stories), dup_index_size(d->dups),
		    window_clock(CLOCK_MONOTONIC) - t0,
		    window_clock(CLOCK_THREAD_CPUTIME_ID) - c0 + snap_cpu);
		return 0;
	}
	d->stories = story_index_new(STORY_DEFAULT_WINDOW);
	d->dups = dup_index_new(DUP_DEFAULT_WINDOW);
	cs.idx = d->stories;
	wd.c.idx = d->dups;
	wd.dir = d->cfg.state;
	wd.since = now - DUP_DEFAULT_WINDOW;
	threaded = pthread_create(&th, NULL, load_dups, &wd) == 0;
	if (!threaded)
		load_dups(&wd);
	rc = store_stories(d->store, now - STORY_DEFAULT_WINDOW,
	    restore_story, &cs, err, errlen);
	if (threaded)
		pthread_join(th, NULL);
	if (rc != 0)
		return -1;
	if (wd.rc != 0)
		return fail(err, errlen, "%s", wd.err);
	log_info(&d->log, "window: %zu story entries, %zu duplicate prints "
	    "loaded in %.2f s, %.2f s CPU (%zu and %zu packed)", cs.rows,
	    wd.c.rows, window_clock(CLOCK_MONOTONIC) - t0,
	    window_clock(CLOCK_THREAD_CPUTIME_ID) - c0 +
	    (threaded ? wd.cpu : 0), cs.packed, wd.c.packed);
	if (cs.bad + wd.c.bad > 0)
		log_warn(&d->log, "window: %zu story entries and %zu prints "
		    "malformed, left out", cs.bad, wd.c.bad);
	return 0;
}

static void
on_window(evutil_socket_t fd, short what, void *arg)
{
	struct daemon *d = arg;
	int64_t now = (int64_t)time(NULL);
	struct timeval tv = { WINDOW_TICK_SECS, 0 };

	(void)fd;
	(void)what;
	dup_index_expire(d->dups, now, WINDOW_TICK_BUDGET);
	story_index_expire(d->stories, now, WINDOW_TICK_BUDGET);
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
	window_snap_save(d);
}

void
window_stop(struct daemon *d)
{
	if (d->ev_window != NULL)
		event_free(d->ev_window);
	d->ev_window = NULL;
}
