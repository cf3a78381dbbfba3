/* The watcher's offers of inbox files (ingest_offer()): one in work
 * already, or waiting for its move, or given back by a turn rolled back
 * is passed over; the others are judged (put back by hand or new,
 * ingest_marks.c), claimed into claimed/THIS/ and queued (offer_take()).
 * A claim refused (one of this node's claimed files has the name, say)
 * leaves the file worked on in the inbox, and is warned of once per
 * file and reason while the file is there (d->refused, a hash table:
 * ingest_refused.h). Loop thread only. */
#include "ingest.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "daemon_state.h"
#include "inbox.h"
#include "ingest_int.h"
#include "ingest_refused.h"
#include "log.h"
#include "store.h"
#include "util.h"
#include "watcher.h"

enum watcher_offer
ingest_offer(void *ctx, const char *name, int fd, const struct stat *st)
{
	struct daemon *d = ctx;
	struct item *it = inflight_find(d, name);
	enum offer_back back;

	if (it != NULL) {
		/* the name changed while we work on it: look again after */
		it->again = true;
		close(fd);
		return WATCHER_TAKEN;
	}
	if (moves_held(d, d->cfg.inbox, NULL, name)) {
		/* worked on unclaimed, published: its move waits. Changed,
		 * the retry drops it (ingest_retry_moves()); the rescan
		 * after offers it afresh */
		close(fd);
		return WATCHER_TAKEN;
	}
	if (offer_held_back(d, name, st)) {
		/* put back, given back by a turn rolled back: offered again
		 * by the retry's rescan (ingest_marks.c) */
		close(fd);
		return WATCHER_TAKEN;
	}
	if (offer_pending(d, name)) {
		/* its mark is being written: looked at after */
		close(fd);
		return WATCHER_TAKEN;
	}
	back = offer_put_back(d, name, st);
	if (back == OFFER_BACK) /* claimed once marked (ingest_marks.c) */
		return offer_pend(d, name, fd, st);
	return offer_take(d, name, fd, st, back);
}

/* Whether the refusal why of the claim of the file st offered as name
 * was said already (a warning once per file and reason, not at each of
 * its offers: the store's retries offer a file left in the inbox again);
 * else it is remembered. */
static bool
refused_said(struct daemon *d, const char *name, const struct stat *st,
    const char *why)
{
	struct claim_refused *r;

	if (d->refused == NULL)
		d->refused = refused_set_new();
	r = refused_set_add(d->refused, name);
	if (r->why != NULL && r->dev == (uintmax_t)st->st_dev &&
	    r->ino == (uintmax_t)st->st_ino && strcmp(r->why, why) == 0)
		return true;
	free(r->why);   /* new, or another file of that name, or reason */
	r->why = xstrdup(why);
	r->dev = (uintmax_t)st->st_dev;
	r->ino = (uintmax_t)st->st_ino;
	return false;
}

/* The file offered as name was claimed: a refusal of a claim of that
 * name is warned of again. */
static void
refused_forget(struct daemon *d, const char *name)
{
	if (d->refused != NULL)
		refused_set_remove(d->refused, name);
}

/* Whether the refused file r is still in the inbox dir (arg). */
static bool
refused_there(const struct claim_refused *r, void *arg)
{
	const char *dir = arg;
	struct buf path = { 0 };
	struct stat now;
	bool there;

	buf_printf(&path, "%s/%s", dir, r->name);
	there = lstat(path.p, &now) == 0 &&
	    (uintmax_t)now.st_dev == r->dev &&
	    (uintmax_t)now.st_ino == r->ino;
	buf_free(&path);
	return there;
}

void
ingest_prune_refused(struct daemon *d)
{
	if (d->refused != NULL)
		refused_set_prune(d->refused, refused_there, d->cfg.inbox);
}

void
ingest_free_refused(struct daemon *d)
{
	refused_set_free(d->refused);
	d->refused = NULL;
}

enum watcher_offer
offer_take(struct daemon *d, const char *name, int fd,
    const struct stat *st, enum offer_back back)
{
	const char *node = store_origin_id(d->store);
	enum watcher_offer r;
	struct item *it;
	char err[512];

	switch (back == OFFER_BACK_UNMARKED ? 2 : inbox_claim(d->cfg.inbox,
	    node, name, st, err, sizeof(err))) {
	case 2:
		/* put back by hand, not marked so: worked on in the inbox,
		 * claimed at its commit (ingest_marks.c) */
		node = NULL;
		break;
	case 0:
		refused_forget(d, name);
		break;
	case 1:
		log_debug(&d->log, "%s: taken by another node, or gone",
		    name);
		if (back == OFFER_BACK)
			offer_unmark(d, name, st, "taken by another node, or "
			    "gone, before its claim here");
		close(fd);
		return WATCHER_TAKEN;
	default:
		if (refused_said(d, name, st, err))
			log_debug(&d->log, "%s; working on it in the inbox "
			    "(said before)", err);
		else
			log_warn(&d->log, "%s; working on it in the inbox",
			    err);
		node = NULL;
	}
	r = item_submit(d, d->cfg.inbox, name, node, NULL, fd, st);
	if (r == WATCHER_TAKEN) {
		it = d->inflight[d->n_inflight - 1];
		it->offered = true;
		it->marked = back == OFFER_BACK;
		/* this node's own put-back: judged by its store */
		it->ask_back = it->ask_back && back == OFFER_NEW;
		it->offer_ctime = (int64_t)st->st_ctim.tv_sec * 1000000000 +
		    st->st_ctim.tv_nsec;
	}
	if (r == WATCHER_FULL && node != NULL &&
	    inbox_unclaim(d->cfg.inbox, node, name, err, sizeof(err)) < 0)
		log_error(&d->log, "%s", err);
	if (r == WATCHER_FULL && back == OFFER_BACK)
		offer_unmark(d, name, st, "the queue full: given back into "
		    "the inbox, judged again when offered again");
	return r;
}
