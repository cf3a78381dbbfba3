/* The watcher's offers of inbox files (ingest_offer()): one in work
 * already, or waiting for its move, or given back by a turn rolled back
 * is passed over; the others are judged (put back by hand or new,
 * ingest_marks.c), claimed into claimed/THIS/ and queued (offer_take()).
 * Loop thread only. */
#include "ingest.h"

#include <stdbool.h>
#include <stdint.h>
#include <unistd.h>

#include "daemon_state.h"
#include "inbox.h"
#include "ingest_int.h"
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
		log_warn(&d->log, "%s; working on it in the inbox", err);
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
