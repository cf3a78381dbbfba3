/* The inbox file's item on the loop thread: queued for a worker
 * (item_submit()), in flight (d->inflight), given back at a stop, and
 * after its turn (item_after()): moved out once committed, or back where
 * it came from. The watcher's offers are in ingest_offer.c, the files
 * taken from claimed/ folders in ingest_reclaim.c and ingest_adopt.c,
 * the worker's part in ingest_work.c, the commit in ingest_commit.c. */
#include "ingest.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "budget.h"
#include "daemon_state.h"
#include "inbox.h"
#include "ingest_int.h"
#include "job.h"
#include "metrics.h"
#include "pipeline.h"
#include "store.h"
#include "util.h"
#include "watcher.h"
#include "workers.h"

void
ingest_free_item(struct item *it)
{
	if (it == NULL)
		return;
	if (it->fd >= 0)
		close(it->fd);
	article_free(it->article);
	free(it->dir);
	free(it->name);
	free(it->node);
	free(it->adopted);
	free(it);
}

struct item *
inflight_find_in(struct daemon *d, const char *dir, const char *name)
{
	for (size_t i = 0; i < d->n_inflight; i++)
		if (strcmp(d->inflight[i]->name, name) == 0 &&
		    strcmp(d->inflight[i]->dir, dir) == 0)
			return d->inflight[i];
	return NULL;
}

/* Whether the file dir/claimed/node/name is in work. */
bool
inflight_held(struct daemon *d, const char *dir, const char *node,
    const char *name)
{
	for (size_t i = 0; i < d->n_inflight; i++)
		if (claimed_as(d->inflight[i]->dir, d->inflight[i]->node,
		    d->inflight[i]->name, dir, node, name))
			return true;
	return false;
}

struct item *
inflight_find(struct daemon *d, const char *name)
{
	return inflight_find_in(d, d->cfg.inbox, name);
}

static void
inflight_remove(struct daemon *d, struct item *it)
{
	for (size_t i = 0; i < d->n_inflight; i++)
		if (d->inflight[i] == it) {
			d->inflight[i] = d->inflight[--d->n_inflight];
			return;
		}
}

static void item_after(struct job *job, bool committed);

/* Where a file adopted from the nodes of chain was, in claimed/: the
 * folder of its last holder (dead), HOLDER or HOLDER/.from/REST when
 * that node had adopted it from the others. */
void
adopted_home(const char *chain, struct buf *out)
{
	const char *holder = strrchr(chain, ',');

	if (holder == NULL)
		buf_puts(out, chain);
	else
		buf_printf(out, "%s/.from/%.*s", holder + 1,
		    (int)(holder - chain), chain);
}

/* An adopted file not done with goes back where it was. */
static void
give_back_adopted(struct daemon *d, const struct item *it)
{
	struct buf to = { 0 };
	char err[512];

	adopted_home(it->adopted, &to);
	if (inbox_move_claim(it->dir, it->node, to.p, it->name, err,
	    sizeof(err)) < 0)
		log_error(&d->log, "%s", err);
	buf_free(&to);
}

/* A claimed file into the inbox, for any node to claim afresh. */
void
unclaim_to_inbox(struct daemon *d, const struct item *it)
{
	char err[512];
	int rc;

	rc = inbox_unclaim(it->dir, it->node, it->name, err, sizeof(err));
	if (rc < 0)
		log_error(&d->log, "%s", err);
	else if (rc > 0)
		log_warn(&d->log, "%s: another file of that name is in the "
		    "inbox; this one stays in claimed/%s/ until the next "
		    "start", it->name, it->node);
}

/* A claimed file not done with goes back into the inbox; one adopted
 * goes back to the dead node's claims, its event there still to be
 * looked for, unless its claim grew too old here (claim_check()):
 * then the stream has just said the dead nodes did not publish it, and
 * it goes into the inbox, for a live node to claim afresh at once. */
static void
item_unclaim(struct daemon *d, const struct item *it)
{
	if (it->node == NULL)
		return;
	if (it->adopted != NULL && it->claim != CLAIM_OLD)
		give_back_adopted(d, it);
	else
		unclaim_to_inbox(d, it);
}

/* At a stop, a file not done with goes back into the inbox
 * (item_unclaim()), but one this run took from its own claimed/ folder
 * (a kill's leftover, reclaimed at the start or at a retry): in the
 * inbox, its ctime renewed by the give-back, the next start would take
 * one committed before the kill for a file put back by hand, and its
 * event, perhaps never sent, would not be sent; left in claimed/, the
 * next start sends it again under its seq, as the kill's leftover it
 * is. */
static void
item_stop(struct daemon *d, const struct item *it)
{
	if (it->node != NULL && !it->offered && it->adopted == NULL) {
		log_info(&d->log, "%s: taken from claimed/%s/, not done with: "
		    "left there for the next start", it->name, it->node);
		return;
	}
	/* marked put back in the store: the next start judges it so from
	 * claimed/ (offer_again()), and meanwhile no other node of a
	 * shared inbox, which has no record of it, publishes it again */
	if (it->node != NULL && it->marked && it->adopted == NULL) {
		log_info(&d->log, "%s: put back by hand, marked so in the "
		    "store, not done with: left in claimed/%s/ for the next "
		    "start", it->name, it->node);
		return;
	}
	item_unclaim(d, it);
}

/* The time from which a dead node's event for a file is looked for:
 * the file was written (mtime) or claimed (ctime) before it, a minute
 * for the clocks of the hosts. */
int64_t
file_since(const struct stat *st)
{
	time_t t = st->st_mtime < st->st_ctime ? st->st_mtime : st->st_ctime;

	return (int64_t)t - 60;
}

/* Queues the file in dir for work: claimed into dir/claimed/node/
 * already, or node NULL; ad: where the event of the dead nodes whose
 * claim it was is looked for (NULL: this node's claim). WATCHER_FULL
 * leaves fd to the caller. */
enum watcher_offer
item_submit(struct daemon *d, const char *dir, const char *name,
    const char *node, const struct adoption *ad, int fd,
    const struct stat *st)
{
	struct item *it = xcalloc(1, sizeof(*it));

	it->node = node != NULL ? xstrdup(node) : NULL;
	if (ad != NULL) {
		it->adopted = xstrdup(ad->chain);
		it->since = ad->since;
		it->ask_from = it->ask_next = ad->seq;
		it->ask_at = ad->at;
	} else
		ask_back_set(d, it, st);
	it->job.run = ingest_work;
	it->job.commit = item_commit_job;
	it->job.after = item_after;
	it->d = d;
	it->dir = xstrdup(dir);
	it->name = xstrdup(name);
	it->fd = fd;
	it->st = *st;
	it->fetched_at = (int64_t)time(NULL);
	it->max_size = (size_t)d->cfg.max_size;
	it->budget.halt = &d->halt;
	it->budget_ms = (long)d->cfg.job_budget * 1000;
	if (workers_submit(d->workers, it) != 0) {
		it->fd = -1;
		ingest_free_item(it);
		metrics_queue_full(d->metrics);
		return WATCHER_FULL;
	}
	if (d->n_inflight == d->cap_inflight) {
		d->cap_inflight = d->cap_inflight ? d->cap_inflight * 2 : 16;
		d->inflight = xrealloc(d->inflight, d->cap_inflight *
		    sizeof(*d->inflight));
	}
	d->inflight[d->n_inflight++] = it;
	log_debug(&d->log, "%s: queued (%lld bytes)", name,
	    (long long)st->st_size);
	return WATCHER_TAKEN;
}

void
ingest_give_back(struct daemon *d)
{
	for (size_t i = 0; i < d->n_inflight; i++)
		item_stop(d, d->inflight[i]);
	offer_marks_end(d);
	offer_pending_end(d);
}

/* Moves the committed file out; one whose move fails waits for the
 * daemon's retry (moves_hold()), claimed or not: not read and sent
 * again. */
static int
item_move(struct daemon *d, struct item *it)
{
	struct move m = {
		.dir = it->dir,
		.name = it->name,
		.node = it->node,
		.st = it->st,
		.seq = it->seq,
		.failed = it->failed,
		.error = it->error,
		.sent = it->sent,
	};
	int rc;

	memcpy(m.raw_hash, it->raw_hash, sizeof(m.raw_hash));
	rc = move_out(d, &m);

	if (rc < 0)
		moves_hold(d, &m);
	else
		(void)moves_done(d, &m);
	return rc;
}

/* An adopted file the dead node published (as seq found_seq): moved
 * out as it would have moved it, not published again. */
static int
adopted_done(struct daemon *d, struct item *it)
{
	int rc;

	log_info(&d->log, "%s: published by node %s as seq %lld before it "
	    "died: moved out, not published again", it->name,
	    it->found_origin, (long long)it->found_seq);
	it->seq = it->found_seq;
	it->failed = it->found_failed;
	if (it->failed && it->error[0] == '\0')
		snprintf(it->error, sizeof(it->error), "failed on node %s",
		    it->found_origin);
	rc = item_move(d, it);
	if (rc == 0)
		metrics_inbox(d->metrics, METRICS_INBOX_FOUND);
	return rc;
}

/* A file with no record here that another node published, its
 * article the same (ask_elsewhere()): moved out as that node moved it
 * (a file put back by hand into a shared inbox, which this node, not
 * that one, claimed), not published again. */
static int
elsewhere_done(struct daemon *d, struct item *it)
{
	log_info(&d->log, "%s: no record of it here, but written %lld s "
	    "before it came into the inbox, and published by node %s as "
	    "seq %lld since, its article the same (put back by hand?): "
	    "moved out, not published again", it->name,
	    (long long)(it->st.st_ctime - it->st.st_mtime), it->found_origin,
	    (long long)it->found_seq);
	it->seq = it->found_seq;
	it->failed = false;
	return item_move(d, it);
}

/* A claim not published here (claim_check()): true when the file is
 * not this node's to give back. One given back into the inbox is
 * announced to every node's watcher, by its rename or, where the
 * give-back is a hard link and an unlink (inbox.c), by its creation. */
static bool
claim_lapsed(struct daemon *d, struct item *it)
{
	/* never claimed here: nothing of this node's lost (not counted
	 * with the claims another node adopted) */
	if (it->claim == CLAIM_TAKEN && it->put_back) {
		log_warn(&d->log, "%s: put back into the inbox by hand and "
		    "worked on here in the inbox, unclaimed (the store could "
		    "not mark it put back, or its claim was refused): claimed "
		    "by another node meanwhile, which publishes it (again: "
		    "seq %lld here): not published here", it->name,
		    (long long)it->seq);
		return true;
	}
	if (it->claim == CLAIM_TAKEN) {
		log_warn(&d->log, "%s: claimed by another node while worked "
		    "on here in the inbox (its claim was refused here): not "
		    "published here", it->name);
		return true;
	}
	if (it->claim == CLAIM_GONE) {
		log_warn(&d->log, "%s: taken from claimed/%s/ by another node "
		    "meanwhile (this node was judged dead: cut off from NATS "
		    "or stopped for 10 leases): not published here",
		    it->name, it->node);
		metrics_inbox(d->metrics, METRICS_INBOX_LOST);
		return true;
	}
	log_info(&d->log, "%s: claimed 5 leases ago or more, too long to be "
	    "published here (another node may adopt it from 10 on): given "
	    "back into the inbox, to be claimed afresh%s", it->name,
	    it->adopted != NULL ? " (adopted, not published by the dead "
	    "node)" : "");
	metrics_inbox(d->metrics, METRICS_INBOX_RENEWED);
	return false;
}

/* After the turn: out of the inbox once committed, else left there for
 * the daemon's later rescan;
 * a name offered again meanwhile is looked at afresh. */
static void
item_after(struct job *job, bool committed)
{
	struct item *it = (struct item *)job;
	struct daemon *d = it->d;
	/* a turn rolled back (the store failing): the file stays claimed,
	 * taken again by the daemon's retry (ingest_reclaim()) */
	bool keep = !committed && !d->stopping;

	if (it->stopped == BUDGET_HALTED)
		log_info(&d->log, "%s: %s; left in the inbox for the next "
		    "start", it->name, it->error);
	else if (committed && it->claim != CLAIM_OK)
		keep = claim_lapsed(d, it);
	else if (committed && it->adopted != NULL && it->found < 0) {
		adopt_unanswered(d, it);
		keep = true;    /* waits in claimed/THIS/.from/, or went */
	} else if (committed && it->adopted != NULL && it->found > 0)
		keep = adopted_done(d, it) < 0;
	else if (committed && it->elsewhere)
		keep = elsewhere_done(d, it) < 0;
	else if (committed) {
		if (it->same_as > 0)
			log_info(&d->log, "%s: put back into the inbox after "
			    "its move out, identical to seq %lld, published "
			    "then: moved out again, not sent again", it->name,
			    (long long)it->same_as);
		keep = item_move(d, it) < 0;
	}
	/* a file committed here that could not move stays claimed (or in
	 * the inbox, worked on unclaimed): this node tries its move again
	 * (ingest_retry_moves(); after a restart ingest_reclaim(), or the
	 * inbox's scan), no other publishes a claimed one again;
	 * one not done with (a stop, a change while read) goes back into
	 * the inbox, for the next start or another node */
	if (!keep && d->stopping &&
	    (!committed || it->stopped == BUDGET_HALTED))
		item_stop(d, it);
	else if (!keep)
		item_unclaim(d, it);
	else if (!committed && it->offered && it->node != NULL)
		offer_mark(d, it);      /* for the retry (ingest_marks.c) */
	if (committed && it->adopted != NULL && it->found >= 0)
		adopt_answered(d, it);
	inflight_remove(d, it);
	if (it->again && d->watcher != NULL &&
	    strcmp(it->dir, d->cfg.inbox) == 0)
		watcher_recheck(d->watcher, it->name);
	ingest_free_item(it);
}
