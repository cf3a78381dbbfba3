/* newswired's state, owned by main(): the loop, the store, the outputs,
 * the commit path, the worker pool, the watched folder, the feed sources
 * and the items in flight. Everything here is touched by the loop thread
 * only; workers see one job at a time, through the pool. The modules of
 * the daemon include this (not daemon.h, whose functions run the whole). */
#ifndef NW_DAEMON_STATE_H
#define NW_DAEMON_STATE_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include "config.h"
#include "log.h"
#include "store_log.h"
#include "util.h"

struct cluster_feed;
struct commit;
struct curve;
struct event;
struct event_base;
struct adopt_wait;
struct refused_set;
struct offer_mark;
struct back_pending;
struct item;
struct idents;
struct inbox_stream;
struct leases;
struct metrics;
struct notify;
struct window;
struct outputs;
struct publisher;
struct replay;
struct retention;
struct sources;
struct dup_index;
struct store;
struct story_index;
struct watcher;
struct workers;

/* A command-line option that overrides one configuration key. */
struct config_override {
	const char *option;     /* for messages: "--inbox" */
	const char *section;
	const char *key;
	const char *value;
};

struct daemon {
	const char *config_path;        /* NULL: embedded defaults */
	const struct config_override *overrides;
	size_t n_overrides;
	struct config cfg;              /* what runs now */
	struct log log;
	struct event_base *base;
	struct store *store;
	struct story_index *stories;    /* rebuilt from the store */
	struct dup_index *dups;         /* near copies, from the store */
	struct curve *curve;            /* CURVE keys, ZAP (curve.h) */
	struct publisher *pub;
	struct outputs *outs;           /* where committed events go */
	struct commit *commit;          /* the one commit path (commit.h) */
	struct replay *replay;          /* the ROUTER replay server */
	struct retention *retention;    /* journal compaction */
	struct workers *workers;
	struct watcher *watcher;        /* NULL once stopping */
	struct sources *sources;        /* feeds over HTTP (sources.h) */
	struct leases *leases;          /* the sources' leases, owned by
	                                   them; NULL without (leases.h) */
	struct idents *idents;          /* [cluster] articles, owned by the
	                                   sources; NULL without (idents.h) */
	struct inbox_stream *inbox_stream; /* what dead nodes published of
	                                   the files they held, with
	                                   [cluster] leases (ingest_adopt()) */
	struct event *ev_adopt;         /* ... looked for every third of a
	                                   lease */
	struct adopt_wait *adopt_waits; /* adopted files the stream did not
	                                   answer for, to ask again
	                                   (ingest_adopt.c, ingest_asks.c) */
	size_t n_adopt_waits;
	struct cluster_feed *cluster_feed; /* the indexes fed from the
	                                   stream; NULL without
	                                   (cluster_feed.h) */
	struct metrics *metrics;        /* counters, /healthz, /metrics */
	struct notify *notify;          /* sd_notify, watchdog */
	struct event *ev_results;
	struct event *ev_signals[3];
	struct event *ev_heartbeat;
	struct event *ev_retry;
	struct event *ev_window;        /* the indexes' expiry (window.h) */
	struct window *window;          /* their load (window.c) */
	struct item **inflight;         /* taken, not yet finished */
	size_t n_inflight, cap_inflight;
	struct move **moves;            /* committed files whose move out
	                                   failed (ingest_moves.c) */
	size_t n_moves, cap_moves;
	size_t moves_waiting;           /* of those, the files that wait
	                                   (not only the store's record of
	                                   a move done: struct move's
	                                   moved) */
	unsigned long moves_failed;     /* moves failed since one worked */
	char move_err[512];             /* ... the last one's reason */
	unsigned long marks_failed;     /* the store's records of waiting
	                                   moves (files_sent) that failed
	                                   since one was written */
	struct strlist tidy_left;       /* failed/ leftovers the start's
	                                   tidy left, a file of their name
	                                   waiting (inbox_tidy_left()) */
	char *tidy_dir;                 /* ... the inbox they are in */
	struct strlist tidied_gone;     /* nodes judged gone whose
	                                   leftovers were tidied since
	                                   (ingest_adopt()) */
	struct offer_mark *retry_offered; /* files offered in the inbox
	                                   whose turn rolled back, waiting
	                                   in claimed/THIS/ for the retry,
	                                   or given back into the inbox
	                                   (ingest_marks.c) */
	size_t n_retry_offered;
	struct back_pending *backs_pending; /* files judged put back when
	                                   offered, their marks to be
	                                   written (ingest_marks.c) */
	size_t n_backs_pending;
	bool backs_due;                 /* ... the write scheduled */
	struct refused_set *refused;    /* files whose claim was refused
	                                   when offered, warned of once
	                                   (ingest_refused.h); NULL until
	                                   the first */
	bool reclaim;                   /* files claimed by this node wait
	                                   for room in the queue
	                                   (ingest_reclaim()) */
	bool stopping;
	struct store_log store_log;     /* store errors, logged once per
	                                   change of state */
	atomic_bool halt;               /* raised by a stop: work that asks
	                                   (a job's budget) gives up */
	struct event *ev_stop_wait;     /* the stop waits no longer */
	bool abandoned;                 /* the stop left jobs in work: the
	                                   pool is not joined, the process
	                                   ends with _exit() */
};

/* Arms the daemon's retry ([store] retry seconds from now) unless it
 * is armed: the store's rolled-back turns, the inbox's failed moves. */
void daemon_retry_later(struct daemon *d);

/* What kills left of moves out of the inbox tidied (inbox_tidy()): at
 * the start (dead NULL: its list of leftovers made afresh), or once
 * node dead is judged gone. */
void daemon_tidy_inbox(struct daemon *d, const char *inbox,
    const char *dead);

/* Finished jobs committed in one loop turn, at most. */
#define DAEMON_TURN_MAX 256

/* A stop waits this long at most for the jobs in work (they ask the halt
 * at their natural points: a feed's every 256 entries, a page's or a
 * file's between the pipeline's stages); then it leaves them, uncommitted
 * (files in the inbox, entries pending, for the next start), well within
 * the unit's TimeoutStopSec. */
#define DAEMON_STOP_WAIT_SECS 5

#endif
