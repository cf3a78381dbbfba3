#include "retention.h"

#include <event2/event.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "config.h"
#include "log.h"
#include "output_nats.h"
#include "store_conn.h"
#include "store_log.h"
#include "util.h"

struct retention {
	const struct config *cfg;
	const struct log *log;
	struct store_conn *conn;
	struct event *ev;
	struct store_log slog;   /* its failures, once per change */
	int64_t held;            /* events kept for the NATS output */
};

/* With [output.nats], the journal is the stream's copy until the stream
 * acknowledges it (store_acks.h): a cut past the last seq acknowledged
 * is lowered to it, and the hold logged once per change. */
static int
rt_hold(struct retention *t, int64_t first, int64_t *cut, char *err,
    size_t errlen)
{
	int64_t acked, want = *cut;

	if (t->cfg->nats_servers == NULL || t->cfg->nats_servers[0] == '\0') {
		t->held = 0;
		return 0;
	}
	if (store_conn_acked(t->conn, OUTPUT_NATS_NAME, &acked, err,
	    errlen) != 0)
		return -1;
	if (acked < first - 1)
		acked = first - 1;      /* none, or none left */
	if (want > acked) {
		*cut = acked;
		if (t->held == 0)
			log_warn(t->log, "retention: keeps the events after "
			    "seq %lld, which the NATS stream has not "
			    "acknowledged (%lld due to go)", (long long)acked,
			    (long long)(want - acked));
		t->held = want - acked;
	} else if (t->held > 0) {
		log_info(t->log, "retention: the NATS stream acknowledged "
		    "up to seq %lld; the events held back go",
		    (long long)acked);
		t->held = 0;
	}
	return 0;
}

static int
rt_fail(char *err, size_t errlen)
{
	char why[256];

	snprintf(why, sizeof(why), "%s", err);
	return fail(err, errlen, "retention: %s", why);
}

int
retention_run(struct retention *t, int64_t now, int max, char *err,
    size_t errlen)
{
	int64_t first = 0, last = 0, cut = 0, age_cut = 0;
	int n;

	if (store_conn_bounds(t->conn, &first, &last, NULL, err,
	    errlen) != 0)
		return rt_fail(err, errlen);
	if (last == 0 || max <= 0)
		return 0;
	if (t->cfg->keep_events > 0 && last - t->cfg->keep_events >= first)
		cut = last - t->cfg->keep_events;
	if (t->cfg->keep_seconds > 0) {
		if (store_conn_age_cut(t->conn, now - t->cfg->keep_seconds,
		    max, &age_cut, err, errlen) != 0)
			return rt_fail(err, errlen);
		if (age_cut > cut)
			cut = age_cut;
	}
	if (cut < first)
		t->held = 0;
	else if (rt_hold(t, first, &cut, err, errlen) != 0)
		return rt_fail(err, errlen);
	/* a batch at most, and a prefix only */
	if (cut > first + max - 1)
		cut = first + max - 1;
	if (cut < first)
		return 0;
	n = store_conn_prune(t->conn, cut, err, errlen);
	return n < 0 ? rt_fail(err, errlen) : n;
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
		char then[64];

		snprintf(then, sizeof(then), "tried again in %d s",
		    RETENTION_PERIOD);
		store_log_failed(&t->slog, t->log,
		    store_conn_errcode(t->conn), err, then);
	} else if (n > 0) {
		store_log_ok(&t->slog, t->log);
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
	struct timeval tv = { .tv_sec = 0 };

	t->cfg = cfg;
	t->log = lg;
	/* the store's file, which store_open() made with its schema */
	t->conn = store_conn_open(state_dir, true, 200, err, errlen);
	if (t->conn == NULL) {
		rt_fail(err, errlen);
		goto err;
	}
	if (base != NULL) {
		t->ev = evtimer_new(base, on_timer, t);
		if (t->ev == NULL || evtimer_add(t->ev, &tv) != 0) {
			fail(err, errlen, "retention: cannot add a timer");
			goto err;
		}
	}
	return t;
err:
	retention_free(t);
	return NULL;
}

int64_t
retention_held(const struct retention *t)
{
	return t->held;
}

void
retention_free(struct retention *t)
{
	if (t == NULL)
		return;
	if (t->ev != NULL)
		event_free(t->ev);
	store_conn_close(t->conn);
	free(t);
}
