#include "retention.h"

#include <event2/event.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "config.h"
#include "log.h"
#include "util.h"

enum {
	RT_BOUNDS,
	RT_AGE_CUT,
	RT_DELETE,
	RT_COUNT
};

static const char *const retention_sql[RT_COUNT] = {
	[RT_BOUNDS] =
	    "SELECT coalesce(min(seq), 0), coalesce(max(seq), 0) FROM journal",
	/* the end of the leading run of rows older than ?1 among the
	 * oldest ?2: a row with a newer time stops it, older ones after it
	 * wait (rows are timed when read, numbered when committed) */
	[RT_AGE_CUT] =
	    "SELECT coalesce((SELECT min(seq) - 1 FROM (SELECT seq, ts "
	    "FROM journal ORDER BY seq LIMIT ?2) WHERE ts >= ?1), "
	    "(SELECT max(seq) FROM (SELECT seq FROM journal ORDER BY seq "
	    "LIMIT ?2)), 0)",
	[RT_DELETE] =
	    "DELETE FROM journal WHERE seq <= ?1",
};

struct retention {
	const struct config *cfg;
	const struct log *log;
	sqlite3 *db;
	sqlite3_stmt *st[RT_COUNT];
	struct event *ev;
};

static int
rt_fail(struct retention *t, char *err, size_t errlen)
{
	return fail(err, errlen, "retention: %s", sqlite3_errmsg(t->db));
}

/* Steps a statement that returns one row of two integers (the second is
 * optional), then resets it. */
static int
rt_query(struct retention *t, sqlite3_stmt *st, int64_t *a, int64_t *b,
    char *err, size_t errlen)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW) {
		*a = sqlite3_column_int64(st, 0);
		if (b != NULL)
			*b = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return rt_fail(t, err, errlen);
	return 0;
}

int
retention_run(struct retention *t, int64_t now, int max, char *err,
    size_t errlen)
{
	int64_t first = 0, last = 0, cut = 0, age_cut = 0;
	sqlite3_stmt *st;
	int rc;

	if (rt_query(t, t->st[RT_BOUNDS], &first, &last, err, errlen) != 0)
		return -1;
	if (last == 0 || max <= 0)
		return 0;
	if (t->cfg->keep_events > 0 && last - t->cfg->keep_events >= first)
		cut = last - t->cfg->keep_events;
	if (t->cfg->keep_seconds > 0) {
		st = t->st[RT_AGE_CUT];
		sqlite3_bind_int64(st, 1, now - t->cfg->keep_seconds);
		sqlite3_bind_int(st, 2, max);
		if (rt_query(t, st, &age_cut, NULL, err, errlen) != 0)
			return -1;
		if (age_cut > cut)
			cut = age_cut;
	}
	/* a batch at most, and a prefix only */
	if (cut > first + max - 1)
		cut = first + max - 1;
	if (cut < first)
		return 0;
	st = t->st[RT_DELETE];
	sqlite3_bind_int64(st, 1, cut);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return rt_fail(t, err, errlen);
	return sqlite3_changes(t->db);
}

static void
on_timer(evutil_socket_t fd, short what, void *arg)
{
	struct retention *t = arg;
	struct timeval tv = { .tv_sec = RETENTION_PERIOD };
	char err[256];
	int n;

	(void)fd;
	(void)what;
	n = retention_run(t, (int64_t)time(NULL), RETENTION_BATCH, err,
	    sizeof(err));
	if (n < 0) {
		log_warn(t->log, "%s", err);
	} else if (n > 0) {
		log_debug(t->log, "retention: %d event(s) removed", n);
		/* more may be due: the next batch on the next turn */
		if (n == RETENTION_BATCH)
			tv.tv_sec = 0;
	}
	evtimer_add(t->ev, &tv);
}

struct retention *
retention_open(struct event_base *base, const char *state_dir,
    const struct config *cfg, const struct log *lg, char *err,
    size_t errlen)
{
	struct retention *t = xcalloc(1, sizeof(*t));
	struct buf path = { 0 };
	struct timeval tv = { .tv_sec = 0 };

	t->cfg = cfg;
	t->log = lg;
	/* the store's file (store.c), which made the schema already */
	buf_printf(&path, "%s/newswire.db", state_dir);
	if (sqlite3_open_v2(path.p, &t->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		fail(err, errlen, "retention: cannot open %s: %s", path.p,
		    t->db ? sqlite3_errmsg(t->db) : "out of memory");
		goto err;
	}
	sqlite3_busy_timeout(t->db, 200);
	if (sqlite3_exec(t->db, "PRAGMA synchronous = NORMAL;", NULL, NULL,
	    NULL) != SQLITE_OK) {
		rt_fail(t, err, errlen);
		goto err;
	}
	for (int i = 0; i < RT_COUNT; i++)
		if (sqlite3_prepare_v3(t->db, retention_sql[i], -1,
		    SQLITE_PREPARE_PERSISTENT, &t->st[i], NULL) != SQLITE_OK) {
			rt_fail(t, err, errlen);
			goto err;
		}
	if (base != NULL) {
		t->ev = evtimer_new(base, on_timer, t);
		if (t->ev == NULL || evtimer_add(t->ev, &tv) != 0) {
			fail(err, errlen, "retention: cannot add a timer");
			goto err;
		}
	}
	buf_free(&path);
	return t;
err:
	buf_free(&path);
	retention_free(t);
	return NULL;
}

void
retention_free(struct retention *t)
{
	if (t == NULL)
		return;
	if (t->ev != NULL)
		event_free(t->ev);
	for (int i = 0; i < RT_COUNT; i++)
		sqlite3_finalize(t->st[i]);
	sqlite3_close(t->db);
	free(t);
}
