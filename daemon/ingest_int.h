/* The inbox's work on one file, in the files of ingest_*.c: the item
 * on the loop thread (ingest.c), the watcher's offers (ingest_offer.c),
 * the files taken up from claimed/ folders (ingest_reclaim.c,
 * ingest_adopt.c), the worker's part (ingest_work.c), the commit
 * (ingest_commit.c), the moves out (ingest_moves.c), the marks of files
 * put back by hand (ingest_marks.c) and the asks of the stream
 * (ingest_asks.c): what they share. Loop thread only, but for the
 * item's worker fields. */
#ifndef NW_INGEST_INT_H
#define NW_INGEST_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

#include "budget.h"
#include "job.h"
#include "watcher.h"

struct buf;
struct daemon;
struct nw_article;
struct strlist;

/* A claimed file at its commit (claim_check()). */
enum claim_state {
	CLAIM_OK,               /* still this node's, published here */
	CLAIM_OLD,              /* too old to publish: given back */
	CLAIM_GONE,             /* adopted by another node meanwhile */
	CLAIM_TAKEN,            /* worked on unclaimed, claimed by another
	                           node meanwhile (inbox_taken()) */
};

struct item {
	struct job job;         /* first: the pool's view */
	struct daemon *d;
	/* set on the loop thread when taken */
	char *dir;              /* the inbox it is in */
	char *name;
	char *node;             /* claimed into dir/claimed/NODE/, or NULL:
	                           worked on where it is (inbox.h) */
	char *adopted;          /* a dead node's claim, taken over: the
	                           nodes that held it, the first first,
	                           comma-separated (node is
	                           THIS/.from/ADOPTED) */
	bool ask_back;          /* not adopted, but perhaps put back by
	                           hand (ask_back_set()): any node's event
	                           of its article is looked for since */
	int64_t since;          /* ... its event is looked for since */
	int64_t until;          /* ... and until (ask_back; 0: the end) */
	int64_t ask_from;       /* ... or from this stream seq on (over 0:
	                           where the last ask's read stopped) */
	int64_t ask_next;       /* ... the worker's: where its read stopped */
	int64_t ask_at;         /* ... when a read last got further (epoch
	                           ms; 0: none did) */
	int fd;                 /* closed by the worker */
	struct stat st;
	int64_t fetched_at;
	size_t max_size;        /* [inbox] max_size */
	long budget_ms;         /* [daemon] job_budget, from the start */
	struct budget budget;   /* its halt the daemon's (a stop) */
	bool again;             /* offered again while in flight */
	enum budget_state stopped; /* the work gave up: HALTED, the file
	                           stays in the inbox; SPENT, it fails */
	/* set by the worker */
	int found;              /* adopted: the dead node's event for it,
	                           1 in the stream, 0 not, -1 not known
	                           (ask_back: any node's, of its article) */
	int64_t found_seq;      /* ... its seq there */
	bool found_failed;      /* ... a source.error */
	char found_origin[64];  /* ... by that node */
	/* ask_back, not found: the stream's last event of its name and
	 * article id with another content_hash (prior_version 0: none),
	 * published before and changed since: this one its update */
	int prior_version;
	char prior_hash[65];
	char prior_origin[64];
	int64_t prior_seq;
	int ask_end;            /* ... how the read ended (inbox_stream.h
	                           enum inbox_ask_end) */
	int64_t first_s;        /* ... ASK_END_AGED: the stream's first
	                           event's time (0: none) */
	char raw_hash[65];
	struct nw_article *article;   /* NULL: failed, see error */
	char error[256];
	/* set on the loop thread in the batch */
	bool failed;            /* goes to failed/ with error */
	enum claim_state claim; /* not journalled unless CLAIM_OK */
	int64_t seq;
	bool sent;              /* committed and sent by an earlier run
	                           (or put back as it was: same_as),
	                           only its move left (struct move) */
	bool offered;           /* offered in the inbox itself (not taken
	                           from a claimed/ folder) */
	int64_t offer_ctime;    /* ... its ctime then (epoch ns), before
	                           its claim; offered and this kept for the
	                           retry of a turn rolled back
	                           (d->retry_offered) */
	bool put_back;          /* judged put back by hand (put_back()) */
	bool marked;            /* ... so marked in the store when offered
	                           (store_file_back()): the mark goes with
	                           its commit */
	bool elsewhere;         /* ask_back found: published by another
	                           node (found_origin, found_seq), not
	                           committed here, only moved out */
	int64_t same_as;        /* ... its article identical to that of
	                           this seq, published then: not sent again
	                           (0: not so) */
};

/* An adopted file whose dead holders' event the stream did not say was
 * there or not (inbox_stream_find() -1: no server, no leader, a read
 * that did not end in time): it waits in this node's
 * claimed/THIS/.from/CHAIN/ and is asked again 1, 3 and 7 leases after
 * its adoption, or after its last read that got further; unanswered
 * then, the ADOPT_ASKS-th time, it goes into the inbox
 * (adopt_unanswered()). A read cut short by its time is taken up where
 * it stopped, at once, and after a restart (the store's inbox_asks). */
struct adopt_wait {
	char *node;             /* the folder it waits in: THIS/.from/CHAIN */
	char *name;
	char *chain;            /* the nodes that held it (item.adopted) */
	int64_t since;          /* its event is looked for since */
	int64_t seq;            /* ... or from this stream seq on, over 0 */
	int64_t at;             /* ... when a read last got further (epoch
	                           ms; 0: none did) */
	int64_t due_ms;         /* asked again from then (monotonic) */
};

/* A file offered in the inbox whose turn rolled back, kept for the
 * retry, which takes it from claimed/THIS/ (ingest_reclaim()), or offers
 * it again in the inbox (back). */
struct offer_mark {
	uintmax_t dev, ino;
	int64_t ctime;          /* its ctime when offered (epoch ns) */
	bool put;               /* judged put back by hand (put_back()) */
	bool back;              /* ... and given back into the inbox: its
	                           offers passed over until the retry */
	bool marked;            /* ... marked so in the store (kept in
	                           claimed/THIS/, at a stop too) */
	char *name;
};

/* A file judged put back by hand when offered, waiting for its mark
 * (offer_pend()). */
struct back_pending {
	char *name;
	int fd;
	struct stat st;
	bool again;             /* offered again meanwhile */
};

/* Where an adopted file's event is looked for (inbox_stream_find()). */
struct adoption {
	const char *chain;      /* the dead nodes that held it */
	int64_t since;          /* since then (epoch seconds) */
	int64_t seq;            /* or from this stream seq on, over 0 */
	int64_t at;             /* ... when a read last got further (epoch
	                           ms; 0: none did) */
};

#define ADOPT_ASKS 4

/* A committed file's move out of the inbox (ingest_moves.c). */
struct move {
	char *dir;
	char *name;
	char *node;             /* claimed by this node (item.node), or
	                           NULL: in the inbox itself */
	struct stat st;         /* as read */
	int64_t seq;
	bool failed;            /* into failed/, error its NAME.error */
	char *error;
	char raw_hash[65];      /* as read: with name and st, the file as
	                           the store has it (store_file_sent()) */
	bool sent;              /* its event went out by an earlier run,
	                           which recorded the move waiting */
	/* held (moves_hold()) */
	bool recorded;          /* the store has its files_sent row: a
	                           failed write of it is tried again at
	                           each retry until it is */
	bool moved;             /* moved out; only the removal of that row,
	                           which failed, waits (not a waiting
	                           move: d->moves_waiting) */
};

/* The item in work of the file dir/name (inflight_find(): in the
 * inbox), or NULL. */
struct item *inflight_find_in(struct daemon *d, const char *dir,
    const char *name);
struct item *inflight_find(struct daemon *d, const char *name);
/* Whether the file dir/claimed/node/name is in work. */
bool inflight_held(struct daemon *d, const char *dir, const char *node,
    const char *name);

/* Queues the file in dir for work: claimed into dir/claimed/node/
 * already, or node NULL; ad: where the event of the dead nodes whose
 * claim it was is looked for (NULL: this node's claim). WATCHER_FULL
 * leaves fd to the caller; WATCHER_TAKEN, the item is the last of
 * d->inflight (ingest.c). */
enum watcher_offer item_submit(struct daemon *d, const char *dir,
    const char *name, const char *node, const struct adoption *ad,
    int fd, const struct stat *st);

/* Where a file adopted from the nodes of chain was, in claimed/, into
 * out: HOLDER, or HOLDER/.from/REST (ingest.c). */
void adopted_home(const char *chain, struct buf *out);

/* The subfolders of dir/claimed/node/.from/ into out: the chains of
 * the dead nodes whose files node adopted (ingest_reclaim.c). */
void adopted_from(const char *dir, const char *node, struct strlist *out);

/* The item's job.run, on a worker (ingest_work.c). */
void ingest_work(struct job *job);

/* The item's job.commit, in the loop turn's transaction
 * (ingest_commit.c): 0, or -1 with err, which rolls the turn back. */
int item_commit_job(struct job *job, char *err, size_t errlen);

/* Moves the file out (inbox_dispose()) and logs the outcome: 0, 1 if
 * it changed or went (it stays), -1 if the move failed. */
int move_out(struct daemon *d, const struct move *m);

/* Holds a copy of m, whose move failed, to be tried again at the
 * daemon's retry (ingest_retry_moves()), and records in the store that
 * its event went out: a restart meanwhile moves it without sending the
 * event again. One waiting in the inbox itself is claimed as soon as it
 * can be, then and at each retry, for no other node to publish it. */
void moves_hold(struct daemon *d, const struct move *m);

/* After a move out that worked (or found its file changed or gone)
 * of m: the store's record that it waited, if any (m->sent), goes.
 * 0, or -1 when that write failed: a copy of m is held for it alone,
 * tried again at the retry. */
int moves_done(struct daemon *d, const struct move *m);

/* Whether a file of dir claimed by node as name is in/claimed/by/as;
 * node and by NULL: worked on unclaimed, in the inbox itself. */
bool claimed_as(const char *dir, const char *node, const char *name,
    const char *in, const char *by, const char *as);

/* Whether the file dir/claimed/node/name (node NULL: dir/name) waits
 * for its move. */
bool moves_held(const struct daemon *d, const char *dir, const char *node,
    const char *name);

/* Monotonic milliseconds. */
int64_t mono_ms(void);

/* A claimed file into the inbox, for any node to claim afresh. */
void unclaim_to_inbox(struct daemon *d, const struct item *it);

/* The files offered in the inbox whose turn rolled back
 * (ingest_marks.c). offer_mark(): it, its turn rolled back, given back
 * into the inbox if judged put back, else marked in claimed/THIS/.
 * offer_held_back(): whether the file st offered as name is one given
 * back, waiting for the retry's rescan. offer_again(): it, just queued
 * from claimed/THIS/, judged as at its offer (its mark goes), or as the
 * store's mark says (store_file_back_at()).
 * offer_marks_end(): at a stop, the marks go, the files judged put back
 * still in claimed/ given back into the inbox. */
void offer_mark(struct daemon *d, struct item *it);
/* Whether the file st offered in the inbox as name is one put back by
 * hand after its move out (the store's files row, ctime later, one
 * link): OFFER_NEW not; OFFER_BACK so, the store marking it
 * (store_file_back()): claimed at once, a kill in its work leaves it in
 * claimed/THIS/ judged so; OFFER_BACK_UNMARKED so, the mark not
 * written (the store failing): worked on in the inbox, claimed at its
 * commit (unclaimed_check()), so that a kill meanwhile leaves it in the
 * inbox, where the next start judges it put back again. */
enum offer_back { OFFER_NEW, OFFER_BACK, OFFER_BACK_UNMARKED };
/* OFFER_BACK: judged so, the mark not written yet (offer_pend()). */
enum offer_back offer_put_back(struct daemon *d, const char *name,
    const struct stat *st);
/* The file offered as name, judged (back), claimed (but OFFER_BACK_
 * UNMARKED) and queued (ingest_offer.c): WATCHER_FULL leaves fd to
 * the caller. */
enum watcher_offer offer_take(struct daemon *d, const char *name, int fd,
    const struct stat *st, enum offer_back back);
/* A file judged put back (OFFER_BACK) waits, its fd held, for its mark,
 * written with those of the other files offered in the same loop
 * iteration in one transaction, then claimed and queued (offer_take());
 * WATCHER_FULL (fd the caller's) when the queue would have no room.
 * offer_pending(): whether name waits so (a second offer of it is
 * looked at once its own is taken). offer_pending_end(): at a stop,
 * those waiting stay in the inbox, unmarked: the next start judges
 * them by the store, put back still. */
enum watcher_offer offer_pend(struct daemon *d, const char *name, int fd,
    const struct stat *st);
bool offer_pending(struct daemon *d, const char *name);
void offer_pending_end(struct daemon *d);
bool offer_held_back(struct daemon *d, const char *name,
    const struct stat *st);
void offer_again(struct daemon *d, struct item *it);
/* The store's mark of name (st), judged put back when offered, dropped:
 * the file was not claimed here after all (why, for the log). */
void offer_unmark(struct daemon *d, const char *name,
    const struct stat *st, const char *why);
void offer_marks_end(struct daemon *d);

/* The time from which a dead node's event for a file st is looked for
 * (ingest.c). */
int64_t file_since(const struct stat *st);

/* A file in the inbox, or in claimed/THIS/, not adopted: asked of the
 * stream (it->ask_back, since, until) when [cluster] leases are on and
 * its mtime is older than its ctime by 2 s or more, as for a file put
 * back by hand (a move keeps the mtime), whose first publication, by
 * any node, is looked for within a day of its mtime. */
void ask_back_set(const struct daemon *d, struct item *it,
    const struct stat *st);
/* At its commit, with no record of it here: true when another node
 * published its article (it->elsewhere: moved out, not published
 * again). Not known (no server, or its read did not end in time):
 * published, perhaps again, as before the ask, and logged. */
bool ask_elsewhere(struct daemon *d, struct item *it);
/* ... and not found there, but its name's article (its id) published
 * by another node with another text (it->prior_version): this node's
 * record of that article made the stream's, in the turn's transaction,
 * so that the commit path publishes this one as its update (version
 * + 1), as the node that published it first would, not as new (with
 * [cluster] articles the shared record decides, not this). 0 or -1. */
int ask_prior(struct daemon *d, const struct item *it, char *err,
    size_t errlen);

void adopt_wait_drop(struct daemon *d, struct adopt_wait *w);
void adopt_unanswered(struct daemon *d, const struct item *it);
void adopt_answered(struct daemon *d, const struct item *it);
void ask_resume(struct daemon *d, const char *node, const char *name,
    const struct stat *st, struct adoption *ad);
void asks_prune(struct daemon *d, const char *dir);
int ask_record(struct daemon *d, const struct item *it, char *err,
    size_t errlen);

#endif
