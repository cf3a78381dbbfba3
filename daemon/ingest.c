#include "ingest.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "nw_config.h"

#include "budget.h"
#include "commit.h"
#include "daemon_state.h"
#include "event.h"
#include "hash.h"
#include "inbox.h"
#include "ingest_int.h"
#include "job.h"
#ifdef HAVE_LIBNATS
#include "inbox_stream.h"
#include "leases.h"
#endif
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

static struct item *
inflight_find_in(struct daemon *d, const char *dir, const char *name)
{
	for (size_t i = 0; i < d->n_inflight; i++)
		if (strcmp(d->inflight[i]->name, name) == 0 &&
		    strcmp(d->inflight[i]->dir, dir) == 0)
			return d->inflight[i];
	return NULL;
}

/* Whether the file dir/claimed/node/name is in work. */
static bool
inflight_held(struct daemon *d, const char *dir, const char *node,
    const char *name)
{
	for (size_t i = 0; i < d->n_inflight; i++)
		if (claimed_as(d->inflight[i]->dir, d->inflight[i]->node,
		    d->inflight[i]->name, dir, node, name))
			return true;
	return false;
}

static struct item *
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

static void ingest_work(struct job *job);
static int item_commit_job(struct job *job, char *err, size_t errlen);
static void item_after(struct job *job, bool committed);

/* Where a file adopted from the nodes of chain was, in claimed/: the
 * folder of its last holder (dead), HOLDER or HOLDER/.from/REST when
 * that node had adopted it from the others. */
static void
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
static enum watcher_offer
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
		close(fd);      /* its mark is being written: looked at after */
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

void
ingest_give_back(struct daemon *d)
{
	for (size_t i = 0; i < d->n_inflight; i++)
		item_stop(d, d->inflight[i]);
	offer_marks_end(d);
	offer_pending_end(d);
}

/* Queues the files in dir/claimed/node/ not in work (adopted: a dead
 * node's, of that origin); false when the queue had no room. */
static bool
reclaim_dir(struct daemon *d, const char *dir, const char *node,
    const char *adopted, int *n)
{
	struct buf path = { 0 }, home = { 0 };
	struct adoption ad = { .chain = adopted };
	struct dirent *e;
	struct stat st;
	bool room = true;
	DIR *dh;
	int fd;

	if (adopted != NULL)
		adopted_home(adopted, &home);
	buf_printf(&path, "%s/claimed/%s", dir, node);
	dh = opendir(path.p);
	while (dh != NULL && (e = readdir(dh)) != NULL) {
		if (e->d_name[0] == '.' ||
		    inflight_held(d, dir, node, e->d_name) ||
		    moves_held(d, dir, node, e->d_name))
			continue;
		fd = openat(dirfd(dh), e->d_name, O_RDONLY | O_NOFOLLOW |
		    O_NONBLOCK | O_CLOEXEC);
		if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
			log_warn(&d->log, "%s/%s: not a regular file, left "
			    "there", path.p, e->d_name);
			if (fd >= 0)
				close(fd);
			continue;
		}
		if (inbox_claim_cut(dir, node, home.p, e->d_name, &st)) {
			log_info(&d->log, "%s: a claim a kill cut short, "
			    "undone", e->d_name);
			close(fd);
			continue;
		}
		ad.since = file_since(&st);
		ad.seq = ad.at = 0;
		if (adopted != NULL)
			ask_resume(d, node, e->d_name, &st, &ad);
		if (item_submit(d, dir, e->d_name, node, adopted != NULL ?
		    &ad : NULL, fd, &st) == WATCHER_FULL) {
			close(fd);
			room = false;
			break;
		}
		if (adopted == NULL)
			offer_again(d, d->inflight[d->n_inflight - 1]);
		(*n)++;
	}
	if (dh != NULL)
		closedir(dh);
	buf_free(&path);
	buf_free(&home);
	return room;
}

/* The subfolders of dir/claimed/node/.from/ into out: the chains of
 * the dead nodes whose files node adopted. */
static void
adopted_from(const char *dir, const char *node, struct strlist *out)
{
	struct buf path = { 0 };
	struct dirent *e;
	DIR *dh;

	buf_printf(&path, "%s/claimed/%s/.from", dir, node);
	dh = opendir(path.p);
	while (dh != NULL && (e = readdir(dh)) != NULL) {
		if (e->d_name[0] == '.' || (e->d_type != DT_DIR &&
		    e->d_type != DT_UNKNOWN))
			continue;
		strlist_push(out, e->d_name);
	}
	if (dh != NULL)
		closedir(dh);
	buf_free(&path);
}

int
ingest_reclaim(struct daemon *d, const char *dir)
{
	const char *node = store_origin_id(d->store);
	struct strlist from = { 0 };
	struct buf sub = { 0 };
	int n = 0;
	bool room;

	asks_prune(d, dir);
	adopted_from(dir, node, &from);
	room = reclaim_dir(d, dir, node, NULL, &n);
	for (size_t i = 0; room && i < from.n; i++) {
		sub.len = 0;
		buf_printf(&sub, "%s/.from/%s", node, from.v[i]);
		room = reclaim_dir(d, dir, sub.p, from.v[i], &n);
	}
	d->reclaim = !room;     /* again when there is room */
	if (room)               /* the marks of files no longer there */
		ingest_free_marks(d);
	strlist_free(&from);
	buf_free(&sub);
	return n;
}

#ifdef HAVE_LIBNATS
/* Queues the file adopted into dir/claimed/node/name; false when the
 * queue is full (it waits there: ingest_reclaim() takes it). */
static bool
adopt_queue(struct daemon *d, const char *node, const char *name,
    const struct adoption *ad)
{
	struct buf path = { 0 };
	struct stat st;
	bool room = true;
	int fd;

	buf_printf(&path, "%s/claimed/%s/%s", d->cfg.inbox, node, name);
	fd = open(path.p, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st) != 0) {
		log_warn(&d->log, "%s: cannot open: %s; left there", path.p,
		    strerror(errno));
		if (fd >= 0)
			close(fd);
	} else if (item_submit(d, d->cfg.inbox, name, node, ad, fd, &st) ==
	    WATCHER_FULL) {
		close(fd);
		d->reclaim = true;
		room = false;
	}
	buf_free(&path);
	return room;
}

/* Whether the file st that a dead node left as dir/claimed/path/name
 * (path: the node, or NODE/.from/CHAIN) is a claim by hard link that its
 * death cut short between the link and the unlink (inbox_claim_cut()):
 * the file is still where that node took it from (the inbox, or the
 * folder of CHAIN's last node), or another node holds it (that node
 * took it from the inbox meanwhile), or its give-back into the inbox
 * was cut short. Then that node's link is dropped, and a file in the
 * inbox looked at again: no event announces it. Adopted instead, the
 * file would be adopted here and claimed from the inbox too: published
 * twice, or, each claim seeing the other link (claim_check()), given
 * back and claimed again without end. */
static bool
adopt_cut(struct daemon *d, const char *path, const char *chain,
    const char *name, const struct stat *st)
{
	struct buf home = { 0 };
	bool cut;

	if (chain != NULL)
		adopted_home(chain, &home);
	cut = inbox_claim_cut(d->cfg.inbox, path, home.p, name, st);
	if (cut) {
		log_info(&d->log, "%s: in claimed/%s/ by a claim its node's "
		    "death cut short: undone, not adopted", name, path);
		watcher_recheck(d->watcher, name);
	}
	buf_free(&home);
	return cut;
}

/* Takes the files in dir/claimed/path/ that holder, a dead node, left
 * (held by the nodes before: chain, or NULL): each renamed into this
 * node's claimed/THIS/.from/CHAIN,HOLDER/ (of several live nodes, one
 * gets it) and queued. False when the queue is full. */
static bool
adopt_dir(struct daemon *d, const char *holder, const char *path,
    const char *chain)
{
	const char *dir = d->cfg.inbox;
	struct buf from = { 0 }, to = { 0 };
	struct dirent *e;
	struct stat st;
	char err[512];
	bool room = true;
	size_t origin;
	DIR *dh;

	buf_printf(&from, "%s/claimed/%s", dir, path);
	buf_printf(&to, "%s/.from/", store_origin_id(d->store));
	origin = to.len;        /* where the chain starts */
	if (chain != NULL)
		buf_printf(&to, "%s,", chain);
	buf_puts(&to, holder);
	dh = opendir(from.p);
	while (room && dh != NULL && (e = readdir(dh)) != NULL) {
		int64_t since;
		int rc;

		if (e->d_name[0] == '.' || fstatat(dirfd(dh), e->d_name, &st,
		    AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode) ||
		    inflight_find_in(d, dir, e->d_name) != NULL ||
		    !leases_node_gone(d->leases, holder,
		    (int64_t)st.st_ctime * 1000) ||
		    adopt_cut(d, path, chain, e->d_name, &st))
			continue;
		since = file_since(&st);        /* its claim there */
		rc = inbox_move_claim(dir, path, to.p, e->d_name, err,
		    sizeof(err));
		if (rc < 0)
			log_error(&d->log, "%s", err);
		if (rc != 0)
			continue;
		log_info(&d->log, "%s: claimed by node %s, which is dead (its "
		    "key gone): adopted", e->d_name, holder);
		metrics_inbox_adopted(d->metrics, holder);
		room = adopt_queue(d, to.p, e->d_name, &(struct adoption){
		    .chain = to.p + origin, .since = since });
	}
	if (dh != NULL)
		closedir(dh);
	buf_free(&from);
	buf_free(&to);
	return room;
}

/* Queues the adopted files waiting to be asked again whose time has
 * come (adopt_unanswered()); false when the queue is full. */
static bool
adopt_due(struct daemon *d)
{
	int64_t now = mono_ms();
	struct buf path = { 0 };
	struct stat st;
	bool room = true;
	size_t i = 0;

	while (room && i < d->n_adopt_waits) {
		struct adopt_wait *w = &d->adopt_waits[i];

		path.len = 0;
		buf_printf(&path, "%s/claimed/%s/%s", d->cfg.inbox, w->node,
		    w->name);
		if (lstat(path.p, &st) != 0) {
			adopt_wait_drop(d, w);  /* gone: moved on since */
			continue;
		}
		if (w->due_ms <= now &&
		    !inflight_held(d, d->cfg.inbox, w->node, w->name))
			room = adopt_queue(d, w->node, w->name,
			    &(struct adoption){ .chain = w->chain,
			    .since = w->since, .seq = w->seq, .at = w->at });
		i++;
	}
	buf_free(&path);
	return room;
}

/* Nodes back since their leftovers were tidied leave the list: a
 * later death of theirs is tidied again. */
static void
tidied_prune(struct daemon *d)
{
	struct strlist *l = &d->tidied_gone;
	size_t i = 0;

	while (i < l->n) {
		if (leases_node_gone(d->leases, l->v[i], 0)) {
			i++;
			continue;
		}
		free(l->v[i]);
		l->v[i] = l->v[--l->n];
	}
}

void
ingest_adopt(struct daemon *d)
{
	const char *self = store_origin_id(d->store);
	struct buf path = { 0 }, sub = { 0 };
	struct dirent *e;
	bool room;
	DIR *dh;

	if (d->leases == NULL || d->watcher == NULL || d->reclaim)
		return;
	tidied_prune(d);
	room = adopt_due(d);
	buf_printf(&path, "%s/claimed", d->cfg.inbox);
	dh = opendir(path.p);
	while (room && dh != NULL && (e = readdir(dh)) != NULL) {
		struct strlist from = { 0 };

		if (e->d_name[0] == '.' || strcmp(e->d_name, self) == 0 ||
		    !leases_node_gone(d->leases, e->d_name, 0))
			continue;
		if (!strlist_contains(&d->tidied_gone, e->d_name)) {
			/* its reasons and marks of moves cut short: stale */
			daemon_tidy_inbox(d, d->cfg.inbox, e->d_name);
			strlist_push(&d->tidied_gone, e->d_name);
		}
		room = adopt_dir(d, e->d_name, e->d_name, NULL);
		adopted_from(d->cfg.inbox, e->d_name, &from);
		for (size_t i = 0; room && i < from.n; i++) {
			sub.len = 0;
			buf_printf(&sub, "%s/.from/%s", e->d_name, from.v[i]);
			room = adopt_dir(d, e->d_name, sub.p, from.v[i]);
		}
		strlist_free(&from);
	}
	if (dh != NULL)
		closedir(dh);
	buf_free(&path);
	buf_free(&sub);
}
#endif

/* Reads at most max + 1 bytes, so that an oversized file is noticed
 * without reading all of it; gives up when the budget is spent. */
static int
read_fd(int fd, size_t max, const struct budget *bg, struct buf *b,
    char *err, size_t errlen)
{
	char chunk[65536];

	while (b->len <= max) {
		ssize_t n;

		if (budget_left(bg) != BUDGET_LEFT)
			return fail(err, errlen, "cut short while read");
		n = read(fd, chunk, sizeof(chunk));

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return fail(err, errlen, "cannot read: %s",
			    strerror(errno));
		if (n == 0)
			break;
		buf_append(b, chunk, (size_t)n);
	}
	return 0;
}

/* Whether the work gave up for its budget, its error then saying why:
 * the daemon stopping (the file stays in the inbox for the next start),
 * or its time spent (it fails). */
static void
work_stopped(struct item *it, size_t len)
{
	it->stopped = budget_left(&it->budget);
	if (it->stopped == BUDGET_HALTED)
		fail(it->error, sizeof(it->error), "work on the file stopped: "
		    "the daemon is stopping");
	else if (it->stopped == BUDGET_SPENT)
		fail(it->error, sizeof(it->error), "gave up on the file (%zu "
		    "bytes read) after %ld s: over its time budget ([daemon] "
		    "job_budget)", len, it->budget_ms / 1000);
}

/* On a worker: whether the dead node the file was adopted from
 * published it before it died (inbox_stream.h); or, one perhaps put
 * back by hand (ask_back), whether any node published its article. */
static void
find_published(struct item *it)
{
#ifdef HAVE_LIBNATS
	struct inbox_event ev = { 0 };
	char id[EVENT_ID_LEN];

	if (it->d->inbox_stream == NULL) {      /* [cluster] leases off */
		it->found = -1;
		return;
	}
	if (it->article != NULL)
		event_article_id(it->article, id);
	it->found = inbox_stream_find(it->d->inbox_stream, it->adopted,
	    it->name, it->article != NULL ? it->article->content_hash : NULL,
	    it->article != NULL ? id : NULL, it->since, it->until,
	    &it->ask_next, &ev);
	it->found_seq = ev.seq;
	it->found_failed = ev.failed;
	snprintf(it->found_origin, sizeof(it->found_origin), "%s",
	    ev.origin);
	it->prior_version = ev.version;
	memcpy(it->prior_hash, ev.hash, sizeof(it->prior_hash));
	memcpy(it->prior_origin, ev.prior_origin, sizeof(it->prior_origin));
	it->prior_seq = ev.prior_seq;
	it->ask_end = (int)ev.end;
	it->first_s = ev.first_s;
#else
	it->found = -1;
#endif
}

/* On a worker thread: only the item is touched; the work asks its
 * budget (lib/budget.h) while the file is read and between the
 * pipeline's stages. */
static void
ingest_work(struct job *job)
{
	struct item *it = (struct item *)job;
	struct buf b = { 0 };
	struct nw_input in = {
		.name = it->name,
		.now = it->fetched_at,
		.budget = &it->budget,
	};

	/* the size of the open file decides, before a byte is read (a
	 * sparse 2 GB file is refused at once); read_fd caps one that grows */
	if (fstat(it->fd, &it->st) == 0 &&
	    (uintmax_t)it->st.st_size > it->max_size) {
		fail(it->error, sizeof(it->error), "too large: %jd bytes, "
		    "over [inbox] max_size (%zu)", (intmax_t)it->st.st_size,
		    it->max_size);
		goto out;
	}
	if (it->budget_ms > 0)
		it->budget.deadline_ms = budget_now_ms() + it->budget_ms;
	if (read_fd(it->fd, it->max_size, &it->budget, &b, it->error,
	    sizeof(it->error)) != 0)
		goto out;
	if (b.len > it->max_size) {
		fail(it->error, sizeof(it->error), "too large: grew past "
		    "[inbox] max_size (%zu) while read", it->max_size);
		goto out;
	}
	/* the file as read: a writer may have gone on since the offer */
	fstat(it->fd, &it->st);
	hash_sha256_hex(b.p ? b.p : "", b.len, it->raw_hash);
	if (b.len == 0) {
		fail(it->error, sizeof(it->error), "empty file (0 bytes)");
		goto out;
	}
	in.data = (const unsigned char *)b.p;
	in.len = b.len;
	it->article = pipeline_run(&in, it->error, sizeof(it->error));
	/* the id and dedup rest on the content hash: never leave it empty */
	if (it->article != NULL && it->article->content_hash[0] == '\0')
		hash_sha256_hex(it->article->body, strlen(it->article->body),
		    it->article->content_hash);
out:
	close(it->fd);
	it->fd = -1;
	if (it->article == NULL)
		work_stopped(it, b.len);
	if (it->article == NULL && it->error[0] == '\0')
		fail(it->error, sizeof(it->error), "extraction failed");
	buf_free(&b);
	if ((it->adopted != NULL || (it->ask_back && it->article != NULL)) &&
	    it->stopped != BUDGET_HALTED)
		find_published(it);
}

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

/* In the loop turn's transaction: a failure rolls the turn back, and
 * the files stay in the inbox for a later try. */
static int
item_commit_job(struct job *job, char *err, size_t errlen)
{
	struct item *it = (struct item *)job;

	if (it->stopped == BUDGET_HALTED)
		return 0;       /* stopping: left in the inbox */
	return item_commit(it->d, it, err, errlen);
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
