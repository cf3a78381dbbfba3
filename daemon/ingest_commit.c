/* An inbox file's commit, in the loop turn's transaction
 * (item_commit_job(), the item's job.commit): its event journalled
 * through the commit path and the file recorded in the store; one
 * committed before (a kill's leftover) sent again, one put back by hand
 * judged as new work, one no longer this node's (claim_check(),
 * unclaimed_check()) or published by another node left to item_after()
 * (ingest.c). Loop thread only. */
#include "ingest_int.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "nw_config.h"

#include "commit.h"
#include "daemon_state.h"
#include "inbox.h"
#ifdef HAVE_LIBNATS
#include "leases.h"
#endif
#include "log.h"
#include "store.h"
#include "store_files.h"
#include "util.h"

/* file:// URI of the item (inbox_uri_escape()). */
static char *
item_uri(const struct item *it)
{
	struct buf b = { 0 };
	char *abs = realpath(it->dir, NULL);

	buf_puts(&b, "file://");
	inbox_uri_escape(&b, abs ? abs : it->dir);
	buf_putc(&b, '/');
	inbox_uri_escape(&b, it->name);
	free(abs);
	return buf_take(&b);
}

static void
item_file(const struct item *it, struct store_file *f)
{
	store_file_key(f, it->name, &it->st);
	f->raw_hash = it->raw_hash;
}

/* A file committed before a crash or a kill: its event may not have gone
 * out, so it is sent again under its own seq; then the move finishes.
 * One whose event went out, its move failing (sent: moves_hold()), or
 * one put back as it was, whose commit sent nothing (item_commit()), is
 * only moved. */
static void
item_recover(struct daemon *d, struct item *it, const char *error,
    bool sent)
{
	char *topic = NULL;
	char *json = NULL;

	it->failed = error[0] != '\0';
	it->sent = sent;
	snprintf(it->error, sizeof(it->error), "%s", error);
	if (sent) {
		log_info(&d->log, "%s: already committed as seq %lld, its "
		    "event sent before its move (failed, or cut short): only "
		    "moved, not sent again", it->name, (long long)it->seq);
		return;
	}
	log_info(&d->log, "%s: already committed as seq %lld", it->name,
	    (long long)it->seq);
	json = store_event(d->store, it->seq, &topic);
	if (json != NULL)
		commit_resend(d->commit, it->seq, topic, json);
	free(topic);
	free(json);
}

/* Whether this node may journal the file it claimed: with [cluster]
 * leases a live node adopts a file claimed 10 leases ago by a node whose
 * key is gone, which a node cut off from NATS (or restarted) cannot rule
 * out for itself. So the file must still be in this node's claimed/
 * folder (else CLAIM_GONE: adopted meanwhile), and its claim (ctime)
 * less than 5 leases old (leases_claim_fresh()), so that it is journalled
 * and moved out before anyone may adopt it; an older one (CLAIM_OLD) is
 * given back into the inbox (item_unclaim()), by a rename that races the
 * adopter's: one of them gets it. So is a file with a second link in
 * the inbox or another node's claimed/ (inbox_claimed_twice()): where
 * claims go by hard link, an adopter's link renews the ctime an instant
 * before its unlink takes the file. A link elsewhere claims nothing (a
 * dead node's move into processed/ cut short, a writer's `ln` from
 * outside): were it a claim, such a file would go round a give-back
 * and a claim for ever. */
static enum claim_state
claim_check(struct daemon *d, const struct item *it)
{
	enum claim_state rc = CLAIM_OK;
#ifdef HAVE_LIBNATS
	struct buf path = { 0 };
	struct stat now;

	if (it->node == NULL || d->leases == NULL)
		return CLAIM_OK;
	buf_printf(&path, "%s/claimed/%s/%s", it->dir, it->node, it->name);
	if (lstat(path.p, &now) != 0)
		rc = errno == ENOENT ? CLAIM_GONE : CLAIM_OLD;
	else if (now.st_dev != it->st.st_dev || now.st_ino != it->st.st_ino)
		rc = CLAIM_GONE;
	else if (!leases_claim_fresh(d->leases,
	    (int64_t)now.st_ctime * 1000) ||
	    inbox_claimed_twice(it->dir, it->node, it->name, &now))
		rc = CLAIM_OLD;         /* or an adopter's hard link, its
		                           ctime new (inbox.c) */
	buf_free(&path);
#else
	(void)d;
	(void)it;
#endif
	return rc;
}

/* A file worked on in the inbox itself (its claim refused when it was
 * offered, or put back by hand): claimed now if the claim works and
 * claim says so (no other node may take it between this commit and its
 * move), else CLAIM_TAKEN when another node claimed it meanwhile (that
 * node publishes it). Left open: a claim by another node between here
 * and the move out, after COMMIT in this loop turn. */
static enum claim_state
unclaimed_check(struct daemon *d, struct item *it, bool claim)
{
	const char *node = store_origin_id(d->store);
	char err[512];

	if (it->node != NULL || strcmp(it->dir, d->cfg.inbox) != 0)
		return CLAIM_OK;
	if (claim && inbox_claim(it->dir, node, it->name, &it->st, err,
	    sizeof(err)) == 0) {
		it->node = xstrdup(node);
		log_info(&d->log, "%s: claimed into claimed/%s/ before it is "
		    "published", it->name, node);
		return CLAIM_OK;
	}
	return inbox_taken(it->dir, node, it->name, &it->st) ?
	    CLAIM_TAKEN : CLAIM_OK;
}

/* Whether the committed file it (committed at ts, epoch nanoseconds),
 * offered in the inbox itself, was put back there by hand after its
 * move out: moved (its ctime when offered later than its commit, at the
 * precision the filesystem gives) and one link (not a move by hard link
 * that a kill cut short). One committed and never moved (a node killed
 * before its move, the file worked on unclaimed) has its ctime of
 * before. One taken from claimed/ is a kill's leftover, unless this run
 * offered it in the inbox before its turn rolled back (offer_again()):
 * judged then as at that offer. */
static bool
put_back(const struct item *it, int64_t ts)
{
	return it->offered && it->st.st_nlink == 1 && it->offer_ctime > ts;
}

/* A file put back (put_back()) is new work: an article identical to
 * the one it had (the store's classification) is unchanged, no event,
 * and the file moves out again; a changed one is published. */
static int
put_back_commit(struct daemon *d, struct item *it, struct commit_item *ci,
    int64_t was, char *err, size_t errlen)
{
	ci->known = true;
	if (commit_item(d->commit, ci, err, errlen) != 0)
		return -1;
	if (ci->outcome != COMMIT_UNCHANGED)
		return 0;
	it->same_as = ci->seq = was;    /* logged once committed */
	return 0;
}

/* Journals the item's event through the commit path, and the file with
 * it, inside the open transaction. */
static int
item_commit(struct daemon *d, struct item *it, char *err, size_t errlen)
{
	struct store_file f;
	char prior[256];
	char *uri;
	struct commit_item ci = {
		.source = d->cfg.source_name,
		.kind = "folder",
		.label = it->name,
		.fetched_at = it->fetched_at,
		.article = it->article,
		.item = it->name,
		.error = it->error,
	};
	int64_t ts = 0, was = 0;
	int rc, same;

	item_file(it, &f);
	/* the store's mark of its judgement at its offer goes with this
	 * turn, whatever comes of the file here (published, moved out,
	 * taken by another node, given back): a turn rolled back keeps it
	 * for the retry */
	if (it->marked && store_file_back(d->store, &f, false, err,
	    errlen) != 0)
		return -1;
	rc = store_file_lookup_at(d->store, &f, &it->seq, &ts, prior,
	    sizeof(prior), err, errlen);
	if (rc == 1 && put_back(it, ts)) {
		was = it->seq;
		it->put_back = true;
		rc = 0;
	}
	if (rc > 0) {
		item_recover(d, it, prior, rc == 2);
		it->found = 0;  /* adopted and committed here: ours */
	}
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	if (it->adopted != NULL && ask_record(d, it, err, errlen) != 0)
		return -1;
	if (it->adopted != NULL && it->found != 0)
		return 0;       /* published by the dead node, or not known */
	/* one put back as it was, which sends nothing, is not claimed: a
	 * kill in the turn leaves it in the inbox, where the next start
	 * judges it by the store (put back still, or moved: files_sent) */
	same = was > 0 && it->article != NULL && it->node == NULL ?
	    commit_unchanged(d->commit, it->article, err, errlen) : 0;
	if (same < 0)
		return -1;
	it->claim = unclaimed_check(d, it, same == 0);
	if (it->claim == CLAIM_OK)
		it->claim = claim_check(d, it);
	if (it->claim != CLAIM_OK)
		return 0;       /* not here: item_after() says why */
	if (was == 0 && ask_elsewhere(d, it))
		return 0;       /* another node's: only moved out */
	if (was == 0 && ask_prior(d, it, err, errlen) != 0)
		return -1;      /* another node's, changed: its update */
	uri = item_uri(it);
	ci.uri = uri;
	if (was > 0 && it->article != NULL)
		rc = put_back_commit(d, it, &ci, was, err, errlen);
	else
		rc = commit_item(d->commit, &ci, err, errlen);
	free(uri);
	if (rc != 0)
		return -1;
	it->seq = ci.seq;
	it->failed = it->article == NULL;
	if (store_file_done(d->store, &f, it->seq,
	    it->failed ? it->error : NULL, err, errlen) != 0)
		return -1;
	if (it->same_as == 0)
		return 0;
	/* put back as it was: its event went out when it was first
	 * published, so the store says so with this commit (files_sent),
	 * and a kill before its move leaves a file the next start only
	 * moves, from the inbox or claimed/THIS/ (not its old event sent
	 * again); the row goes once the file moved (moves_done()) */
	it->sent = true;
	return store_file_sent(d->store, &f, true, err, errlen);
}

/* In the loop turn's transaction: a failure rolls the turn back, and
 * the files stay in the inbox for a later try. */
int
item_commit_job(struct job *job, char *err, size_t errlen)
{
	struct item *it = (struct item *)job;

	if (it->stopped == BUDGET_HALTED)
		return 0;       /* stopping: left in the inbox */
	return item_commit(it->d, it, err, errlen);
}
