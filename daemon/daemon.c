#include "daemon.h"

#include <event2/event.h>
#include <jansson.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "nw_config.h"

#include "cluster_feed.h"
#include "commit.h"
#include "curve.h"
#include "date.h"
#include "enrich/dup.h"
#include "enrich/story.h"
#include "inbox.h"
#include "ingest.h"
#include "job.h"
#include "metrics.h"
#include "notify.h"
#include "output.h"
#include "output_file.h"
#ifdef HAVE_LIBNATS
#include "inbox_stream.h"
#include "output_nats.h"
#endif
#include "output_zmq.h"
#include "publisher.h"
#include "replay.h"
#include "retention.h"
#include "sources.h"
#include "store.h"
#include "window.h"
#include "util.h"
#include "watcher.h"
#include "workers.h"

int
daemon_config(const char *path, const struct config_override *ov,
    size_t n_ov, struct config *c, char *err, size_t errlen)
{
	char why[256];

	config_defaults(c);
	if (path != NULL && config_load(c, path, err, errlen) != 0)
		return -1;
	for (size_t i = 0; i < n_ov; i++)
		if (config_set(c, ov[i].section, ov[i].key, ov[i].value, why,
		    sizeof(why)) != 0)
			return fail(err, errlen, "%s: %s", ov[i].option, why);
	return 0;
}

static void
watcher_log(void *ctx, int level, const char *msg)
{
	struct daemon *d = ctx;

	log_msg(&d->log, (enum log_level)level, "%s", msg);
}

/* What kills left of moves out of the inbox (inbox_tidy()), tidied: at
 * the start (dead NULL), and when node dead is judged gone
 * (ingest_adopt()): its leftovers are stale then, not at the next
 * start only. */
void
daemon_tidy_inbox(struct daemon *d, const char *inbox, const char *dead)
{
	int n[3] = { 0 };
	char who[160] = "";

	if (dead == NULL) {
		strlist_free(&d->tidy_left);
		free(d->tidy_dir);
		d->tidy_dir = xstrdup(inbox);
	} else {
		snprintf(who, sizeof(who), " (node %.100s gone)", dead);
	}
	inbox_tidy(inbox, n, &d->tidy_left);
	if (n[INBOX_PUT] > 0)
		log_info(&d->log, "%d file(s) in %s/failed/ with no "
		    "NAME.error, a kill having come after their move%s: the "
		    "reason written before it put in place", n[INBOX_PUT],
		    inbox, who);
	if (n[INBOX_REMOVED] > 0)
		log_info(&d->log, "%d leftover(s) of moves out of %s "
		    "removed%s: a NAME.error.INO.tmp of a file never moved "
		    "into failed/, or a .NAME.moving mark of no move under "
		    "way", n[INBOX_REMOVED], inbox, who);
}

static struct watcher *
watch_inbox(struct daemon *d, const char *inbox, char *err, size_t errlen)
{
	const struct watcher_ops ops = {
		.offer = ingest_offer,
		.log = watcher_log,
		.ctx = d,
	};
	struct watcher *w;
	int n;

	if (inbox_prepare(inbox, err, errlen) != 0)
		return NULL;
	daemon_tidy_inbox(d, inbox, NULL);
	n = ingest_reclaim(d, inbox);
	ingest_prune_backs(d, inbox);
	if (n > 0)
		log_info(&d->log, "%d file(s) claimed in %s/claimed/%s before "
		    "a kill or a stop cut short: taken again", n, inbox,
		    store_origin_id(d->store));
	w = watcher_new(d->base, inbox, d->cfg.empty_grace, &ops, err,
	    errlen);
	if (w != NULL)
		watcher_set_settle(w, d->cfg.settle * 1000);
	return w;
}

static void
daemon_maybe_exit(struct daemon *d)
{
	if (d->stopping && workers_busy(d->workers) == 0)
		event_base_loopbreak(d->base);
}

static void
on_retry(evutil_socket_t fd, short what, void *arg)
{
	struct daemon *d = arg;

	(void)fd;
	(void)what;
	if (d->watcher != NULL) {
		ingest_retry_moves(d);
		ingest_reclaim(d, d->cfg.inbox);
		ingest_prune_refused(d);
		watcher_rescan(d->watcher);
	}
	sources_retry(d->sources);
}

#ifdef HAVE_LIBNATS
static void
on_adopt(evutil_socket_t fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	ingest_adopt(arg);
}

/* [cluster] leases: the files of dead nodes taken over, looked for
 * every third of a lease (ingest_adopt()); a warning when a file's work
 * may outlast the 5 leases a claim is published within. */
static void
adopt_start(struct daemon *d)
{
	struct timeval tv = { .tv_sec = d->cfg.cluster_lease / 3,
	    .tv_usec = d->cfg.cluster_lease % 3 * 333333 };

	if (d->leases == NULL)
		return;
	if (d->cfg.job_budget == 0 ||
	    d->cfg.job_budget >= d->cfg.cluster_lease * 5)
		log_warn(&d->log, "[daemon] job_budget (%d s, 0: none) is not "
		    "under 5 leases (%d s): an inbox file whose work takes "
		    "longer is not published, given back each time",
		    d->cfg.job_budget, d->cfg.cluster_lease * 5);
	d->ev_adopt = event_new(d->base, -1, EV_PERSIST, on_adopt, d);
	event_add(d->ev_adopt, &tv);
}
#endif

void
daemon_retry_later(struct daemon *d)
{
	struct timeval tv = { .tv_sec = d->cfg.store_retry };

	if (!evtimer_pending(d->ev_retry, NULL))
		evtimer_add(d->ev_retry, &tv);
}

/* One loop turn: every finished job of the pool, from any source, is
 * committed in one transaction through the commit path, which then hands
 * the events to the outputs; each job's after() runs once the turn is
 * committed or rolled back. Then the sources may go on: the watcher
 * reads again, the pollers resume, waiting entries start. */
static void
on_results(evutil_socket_t fd, short what, void *arg)
{
	struct daemon *d = arg;
	void *jobs[DAEMON_TURN_MAX];
	size_t n = workers_take(d->workers, jobs, DAEMON_TURN_MAX);
	char err[512];
	bool ok;

	(void)fd;
	(void)what;
	if (n > 0) {
		ok = commit_begin(d->commit, err, sizeof(err)) == 0;
		for (size_t i = 0; ok && i < n; i++) {
			struct job *j = jobs[i];

			if (j->commit != NULL &&
			    j->commit(j, err, sizeof(err)) != 0)
				ok = false;
		}
		if (!ok)
			commit_abort(d->commit);
		else
			ok = commit_end(d->commit, err, sizeof(err)) == 0;
		if (!ok) {
			char then[128];

			snprintf(then, sizeof(then), "the turn's results "
			    "are rolled back and tried again in %d s",
			    d->cfg.store_retry);
			store_log_failed(&d->store_log, &d->log,
			    store_failed(d->store), err, then);
			daemon_retry_later(d);
		} else {
			store_log_ok(&d->store_log, &d->log);
		}
		for (size_t i = 0; i < n; i++) {
			struct job *j = jobs[i];

			j->after(j, ok);
		}
	}
	if (d->watcher != NULL && d->reclaim)
		ingest_reclaim(d, d->cfg.inbox);
	if (d->watcher != NULL)
		watcher_resume(d->watcher);
	sources_room(d->sources);
	daemon_maybe_exit(d);
}

static void
heartbeat_schedule(struct daemon *d)
{
	struct timeval tv = { .tv_sec = d->cfg.heartbeat };

	if (d->cfg.heartbeat > 0)
		evtimer_add(d->ev_heartbeat, &tv);
	else
		evtimer_del(d->ev_heartbeat);
}

/* A heartbeat carries the last committed sequence number, so that a
 * subscriber notices a silent gap. It is not journalled. */
static void
on_heartbeat(evutil_socket_t fd, short what, void *arg)
{
	struct daemon *d = arg;
	struct nw_time now = { .utc = (int64_t)time(NULL), .set = true,
	    .has_time = true };
	char stamp[32], err[256];
	json_t *ev;
	char *json;

	(void)fd;
	(void)what;
	date_format_utc(&now, stamp, sizeof(stamp));
	ev = json_pack("{s:s, s:{s:s, s:I}, s:I, s:s}",
	    "schema", "newswire.heartbeat/1",
	    "origin", "id", store_origin_id(d->store),
	    "epoch", (json_int_t)store_origin_epoch(d->store),
	    "last_seq", (json_int_t)store_last_seq(d->store),
	    "time", stamp);
	json = json_dumps(ev, JSON_COMPACT | JSON_PRESERVE_ORDER);
	if (json != NULL && publisher_send(d->pub, "heartbeat", json, err,
	    sizeof(err)) != 0)
		log_warn(&d->log, "heartbeat: %s", err);
	free(json);
	json_decref(ev);
	heartbeat_schedule(d);
}

/* Jobs no worker has started are given back, uncommitted: their files
 * stay in the inbox and their entries pending, for the next start. The
 * stop waits only for the jobs in work. */
static size_t
unqueue(struct daemon *d)
{
	void *jobs[DAEMON_TURN_MAX];
	size_t n, total = 0;

	while ((n = workers_unqueue(d->workers, jobs, DAEMON_TURN_MAX)) > 0) {
		for (size_t i = 0; i < n; i++) {
			struct job *j = jobs[i];

			j->after(j, false);
		}
		total += n;
	}
	return total;
}

/* The jobs still in work after DAEMON_STOP_WAIT_SECS: left to run while
 * the rest closes; nothing of theirs is committed, so their files stay in
 * the inbox and their entries pending, for the next start. */
static void
on_stop_wait(evutil_socket_t fd, short what, void *arg)
{
	struct daemon *d = arg;

	(void)fd;
	(void)what;
	log_warn(&d->log, "stopping: %zu job(s) still in work after %d s; "
	    "left for the next start", workers_busy(d->workers),
	    DAEMON_STOP_WAIT_SECS);
	d->abandoned = true;
	event_base_loopbreak(d->base);
}

static void
stop(struct daemon *d)
{
	const struct timeval wait = { .tv_sec = DAEMON_STOP_WAIT_SECS };

	size_t left;

	if (d->stopping) {
		/* nothing is mid-transaction between loop callbacks, and
		 * the files of the items still in flight stay in the inbox
		 * for the next start: leaving now loses nothing */
		log_warn(&d->log, "second stop signal: exiting now, %zu "
		    "item(s) left in the inbox", workers_busy(d->workers));
		ingest_give_back(d);
		store_close(d->store);
		_exit(1);
	}
	notify_stopping(d->notify);
	d->stopping = true;
	atomic_store(&d->halt, true);
	watcher_free(d->watcher);
	d->watcher = NULL;
	sources_stop(d->sources);
	left = unqueue(d);
	log_info(&d->log, "stopping: waiting for %zu job(s) in work (cut "
	    "short at their next check, left after %d s); %zu queued left "
	    "for the next start", workers_busy(d->workers),
	    DAEMON_STOP_WAIT_SECS, left);
	d->ev_stop_wait = evtimer_new(d->base, on_stop_wait, d);
	evtimer_add(d->ev_stop_wait, &wait);
	daemon_maybe_exit(d);
}

static void
report_change(void *ctx, const char *section, const char *key, bool live)
{
	struct daemon *d = ctx;

	if (live)
		log_info(&d->log, "reload: [%s] %s changed", section, key);
	else
		log_warn(&d->log, "reload: [%s] %s changed; it takes effect "
		    "at the next restart", section, key);
}

/* Keeps what cannot change live as it runs, applies the rest. */
static void
reload(struct daemon *d)
{
	struct config c = { 0 };
	char err[512];
	struct watcher *w;

	notify_reloading(d->notify);
	if (d->config_path != NULL && config_file_keys(d->config_path) == 0) {
		log_error(&d->log, "reload: %s has no settings (empty or "
		    "being written?); keeping the running configuration",
		    d->config_path);
		goto out;
	}
	if (daemon_config(d->config_path, d->overrides, d->n_overrides, &c,
	    err, sizeof(err)) != 0) {
		log_error(&d->log, "reload: %s; keeping the running "
		    "configuration", err);
		config_free(&c);
		goto out;
	}
	config_diff(&d->cfg, &c, report_change, d);
	if (strcmp(c.inbox, d->cfg.inbox) != 0 && !d->stopping) {
		w = watch_inbox(d, c.inbox, err, sizeof(err));
		if (w == NULL) {
			log_error(&d->log, "reload: inbox: %s; still "
			    "watching %s", err, d->cfg.inbox);
			free(c.inbox);
			c.inbox = xstrdup(d->cfg.inbox);
		} else {
			watcher_free(d->watcher);
			d->watcher = w;
		}
	}
	/* keys that need a restart keep their running values: the key
	 * table says which (config.c) */
	config_keep_restart_only(&c, &d->cfg);
	curve_reload(d->curve, c.curve_clients);
	config_free(&d->cfg);
	d->cfg = c;
	d->log.level = (enum log_level)c.log_level;
	if (d->watcher != NULL) {
		watcher_set_grace(d->watcher, c.empty_grace);
		watcher_set_settle(d->watcher, c.settle * 1000);
	}
	heartbeat_schedule(d);
	outputs_reload(d->outs, &d->cfg);
	if (!d->stopping)
		sources_reload(d->sources);
	log_info(&d->log, "configuration reloaded");
out:
	notify_ready(d->notify);
}

static void
on_signal(evutil_socket_t sig, short what, void *arg)
{
	struct daemon *d = arg;

	(void)what;
	if (sig == SIGHUP) {
		log_info(&d->log, "SIGHUP: re-reading the configuration");
		reload(d);
	} else {
		log_info(&d->log, "%s received", strsignal((int)sig));
		stop(d);
	}
}

/* [output.nats]: the JetStream output; it connects in the background. */
static int
open_nats(struct daemon *d, char *err, size_t errlen)
{
#ifdef HAVE_LIBNATS
	void *n = output_nats_open(&d->cfg, d->base, d->store, &d->log, err,
	    errlen);

	if (n == NULL)
		return -1;
	output_nats_bind(n, d->outs, outputs_add(d->outs, &output_nats_ops,
	    n));
	return 0;
#else
	(void)d;
	return fail(err, errlen, "[output.nats] servers is set, but this "
	    "newswired was built without libnats (meson -Dnats=enabled)");
#endif
}

/* The outputs: the PUB socket, then the JSONL file if configured, then
 * the JetStream stream; the file catches up with the journal before
 * anything new is committed, the stream once it is connected. */
static int
open_outputs(struct daemon *d, char *err, size_t errlen)
{
	void *f;

	d->outs = outputs_new();
	outputs_add(d->outs, &output_zmq_ops, d->pub);
	if (d->cfg.out_file_path[0] != '\0') {
		f = output_file_open(&d->cfg, d->store, &d->log, err, errlen);
		if (f == NULL)
			return -1;
		outputs_add(d->outs, &output_file_ops, f);
		log_info(&d->log, "output: events appended to %s",
		    d->cfg.out_file_path);
	}
	if (d->cfg.nats_servers[0] != '\0' && open_nats(d, err, errlen) != 0)
		return -1;
	d->commit = commit_new(d->store, d->stories, d->dups, d->outs,
	    d->metrics, &d->log);
	return 0;
}

static int
n_workers(const struct config *c)
{
	long n = c->workers > 0 ? c->workers : sysconf(_SC_NPROCESSORS_ONLN);

	return n > 0 ? (int)n : 1;
}

int
daemon_start(struct daemon *d, char *err, size_t errlen)
{
	static const int sigs[3] = { SIGTERM, SIGINT, SIGHUP };
	int nw = n_workers(&d->cfg);

	d->log.level = (enum log_level)d->cfg.log_level;
	log_detect_journal(&d->log);
	signal(SIGPIPE, SIG_IGN);
	d->base = event_base_new();
	if (d->base == NULL)
		return fail(err, errlen, "event_base_new failed");
	d->metrics = metrics_new(d);
	d->notify = notify_new(d->base, metrics_status, d->metrics);
	d->store = store_open(d->cfg.state, d->cfg.sync_full, err, errlen);
	if (d->store == NULL || window_load(d, err, errlen) != 0)
		return -1;
	d->curve = curve_new(d->base, &d->cfg, &d->log, err, errlen);
	if (d->curve == NULL)
		return -1;
	d->pub = publisher_open(d->base, d->cfg.publish, d->cfg.hwm,
	    d->curve, &d->log, err, errlen);
	if (d->pub == NULL)
		return -1;
	if (open_outputs(d, err, errlen) != 0)
		return -1;
	d->replay = replay_open(d->base, d->cfg.replay, d->cfg.state,
	    store_origin_id(d->store), store_origin_epoch(d->store), &d->log,
	    d->curve, err, errlen);
	if (d->replay == NULL)
		return -1;
	d->retention = retention_open(d->base, d->cfg.state, &d->cfg,
	    &d->log, err, errlen);
	if (d->retention == NULL)
		return -1;
	d->workers = workers_new(nw, (size_t)d->cfg.queue_size, job_run,
	    NULL, err, errlen);
	if (d->workers == NULL)
		return -1;
	workers_set_slack(d->workers, sources_slack(&d->cfg));
	d->ev_results = event_new(d->base, workers_fd(d->workers),
	    EV_READ | EV_PERSIST, on_results, d);
	/* while the window loads, finished jobs wait (window.h) */
	if (!window_loading(d))
		event_add(d->ev_results, NULL);
	for (int i = 0; i < 3; i++) {
		d->ev_signals[i] = evsignal_new(d->base, sigs[i], on_signal,
		    d);
		event_add(d->ev_signals[i], NULL);
	}
	d->ev_heartbeat = evtimer_new(d->base, on_heartbeat, d);
	d->ev_retry = evtimer_new(d->base, on_retry, d);
	heartbeat_schedule(d);
	window_start(d);
#ifdef HAVE_LIBNATS
	/* before the inbox: its first files may be adopted ones
	 * (ingest_reclaim()), looked for in the stream */
	if (d->cfg.cluster_leases && d->cfg.nats_servers[0] != '\0' &&
	    (d->inbox_stream = inbox_stream_open(&d->cfg, err,
	    errlen)) == NULL)
		return -1;
#endif
	d->watcher = watch_inbox(d, d->cfg.inbox, err, errlen);
	if (d->watcher == NULL)
		return -1;
	d->sources = sources_new(d, err, errlen);
	if (d->sources == NULL)
		return -1;
#ifdef HAVE_LIBNATS
	adopt_start(d);
	/* [cluster] articles: the indexes see every node's articles */
	if (d->cfg.cluster_articles &&
	    (d->cluster_feed = cluster_feed_open(d, err, errlen)) == NULL)
		return -1;
#endif
	/* the endpoints as bound: a test binding port * reads them here */
	log_info(&d->log, "newswired %s: watching %s, publishing on %s, "
	    "replay on %s, %d worker(s), state in %s, origin %s, last seq "
	    "%lld", NW_VERSION, d->cfg.inbox, publisher_endpoint(d->pub),
	    replay_endpoint(d->replay), nw, d->cfg.state,
	    store_origin_id(d->store), (long long)store_last_seq(d->store));
	/* ingest goes on without its metrics: a taken port is logged */
	if (metrics_listen(d->metrics, d->cfg.metrics, err, errlen) != 0)
		log_error(&d->log, "%s; running without /healthz and "
		    "/metrics", err);
	else if (metrics_port(d->metrics) > 0)
		log_info(&d->log, "health and metrics on %s (port %d)",
		    d->cfg.metrics, metrics_port(d->metrics));
	err[0] = '\0';
	return 0;
}

/* After the loop's first pass: the start-up scan has run (until the
 * queue filled, if it did) and every socket is bound. */
static void
on_ready(evutil_socket_t fd, short what, void *arg)
{
	struct daemon *d = arg;

	(void)fd;
	(void)what;
	notify_ready(d->notify);
}

int
daemon_run(struct daemon *d)
{
	const struct timeval now = { 0 };

	event_base_once(d->base, -1, EV_TIMEOUT, on_ready, d, &now);
	if (event_base_dispatch(d->base) < 0) {
		log_error(&d->log, "event loop failed");
		return -1;
	}
	/* work the stop left unfinished is committed by nobody now */
	ingest_give_back(d);
	log_info(&d->log, "stopped at seq %lld",
	    (long long)store_last_seq(d->store));
	window_save(d);
	return 0;
}

void
daemon_free(struct daemon *d)
{
	watcher_free(d->watcher);
	d->watcher = NULL;
	sources_stop(d->sources);
	/* the pool finishes what it holds; nothing is committed for them,
	 * so their files stay in the inbox, and their entries pending, for
	 * the next start; then their owners free them. Jobs the stop left
	 * in work keep the pool, their items and the sources they may read:
	 * the process ends with _exit() (main.c) */
	if (d->ev_adopt != NULL)
		event_free(d->ev_adopt);
	ingest_free_waits(d);
	ingest_free_moves(d);
	strlist_free(&d->tidy_left);
	strlist_free(&d->tidied_gone);
	ingest_free_marks(d);
	ingest_free_refused(d);
	free(d->tidy_dir);
	if (!d->abandoned) {
		workers_free(d->workers);
		for (size_t i = 0; i < d->n_inflight; i++)
			ingest_free_item(d->inflight[i]);
		free(d->inflight);
		sources_free(d->sources);
		d->sources = NULL;
#ifdef HAVE_LIBNATS
		inbox_stream_free(d->inbox_stream);  /* the workers' */
#endif
	}
#ifdef HAVE_LIBNATS
	cluster_feed_free(d->cluster_feed);     /* before the NATS output */
	d->cluster_feed = NULL;
#endif
	if (d->ev_stop_wait != NULL)
		event_free(d->ev_stop_wait);
	if (d->ev_results != NULL)
		event_free(d->ev_results);
	for (int i = 0; i < 3; i++)
		if (d->ev_signals[i] != NULL)
			event_free(d->ev_signals[i]);
	if (d->ev_heartbeat != NULL)
		event_free(d->ev_heartbeat);
	if (d->ev_retry != NULL)
		event_free(d->ev_retry);
	window_stop(d);
	/* the ZAP sockets go before the contexts of the servers end */
	commit_free(d->commit);
	outputs_free(d->outs);
	curve_free(d->curve);
	replay_free(d->replay);
	retention_free(d->retention);
	publisher_close(d->pub);
	store_close(d->store);
	story_index_free(d->stories);
	dup_index_free(d->dups);
	metrics_free(d->metrics);
	notify_free(d->notify);
	if (d->base != NULL)
		event_base_free(d->base);
	config_free(&d->cfg);
}
