/* The files offered in the inbox whose turn the store rolled back, until
 * the store's retry. One judged put back by hand (put_back(),
 * ingest_commit.c) goes back into the inbox at once, where its place is
 * its judgement: a kill leaves it there, and the next start finds it put
 * back (its ctime past its commit's), where claimed/ would hold it for a
 * kill's leftover and its old event be sent again. Its offers are
 * passed over until the retry's rescan. The others wait in
 * claimed/THIS/, each marked with its ctime when offered, so that the
 * retry judges it as at its offer. Loop thread only. */
#include <event2/event.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "daemon_state.h"
#include "inbox.h"
#include "ingest.h"
#include "ingest_int.h"
#include "store.h"
#include "store_files.h"
#include "util.h"
#include "workers.h"

#define BACK_BY_HAND "put back into the inbox by hand, its turn rolled back"

static void
mark_push(struct daemon *d, const struct item *it, bool back)
{
	struct offer_mark *m;

	d->retry_offered = xrealloc(d->retry_offered,
	    (d->n_retry_offered + 1) * sizeof(*d->retry_offered));
	m = &d->retry_offered[d->n_retry_offered++];
	m->dev = (uintmax_t)it->st.st_dev;
	m->ino = (uintmax_t)it->st.st_ino;
	m->ctime = it->offer_ctime;
	m->put = it->put_back;
	m->back = back;
	m->marked = it->marked;
	m->name = xstrdup(it->name);
}

static void
mark_drop(struct daemon *d, size_t i)
{
	free(d->retry_offered[i].name);
	d->retry_offered[i] = d->retry_offered[--d->n_retry_offered];
}

/* An item offered in the inbox whose turn rolled back (claimed into
 * claimed/THIS/): given back into the inbox if judged put back, else
 * marked there for the retry (ingest_reclaim()), which judges it as the
 * first try did, with what that try knew: a file in claimed/ is
 * otherwise a kill's. */
void
offer_mark(struct daemon *d, struct item *it)
{
	char err[512];
	int rc = 1;

	/* one the store marked put back stays claimed: judged so from
	 * claimed/ too (offer_again()), and no other node takes it */
	if (it->put_back && !it->marked) {
		rc = inbox_unclaim(it->dir, it->node, it->name, err,
		    sizeof(err));
		if (rc < 0)
			log_warn(&d->log, "%s: " BACK_BY_HAND ", stays in "
			    "%s/claimed/%s/ (%s): taken from there at the "
			    "store's retry, judged put back still", it->name,
			    it->dir, it->node, err);
		else if (rc > 0)
			log_warn(&d->log, "%s: " BACK_BY_HAND ", stays in "
			    "%s/claimed/%s/ (another file of that name came "
			    "into the inbox meanwhile): taken from there at "
			    "the store's retry, judged put back still",
			    it->name, it->dir, it->node);
	}
	/* said at the failure's first turn, then at debug level (a full
	 * disk would say it for every such file at every retry) */
	if (rc == 0)
		log_msg(&d->log, d->store_log.failed > 1 ? LOG_DEBUG :
		    LOG_INFO, "%s: " BACK_BY_HAND ": given back into the "
		    "inbox, taken again at the store's retry", it->name);
	mark_push(d, it, rc == 0);
}

/* A file put back by hand, claimed into claimed/THIS/ before its turn
 * judged it (item_commit()), would be left there by a kill in its work,
 * where the next start took it for a kill's leftover and sent its old
 * event again: it is judged here, by the store's files row of the file
 * as offered (a read of the table's key, its bytes not looked at), and
 * the store marks it so (files_back) before its claim (offer_pend()),
 * so that a start or a retry that takes it from claimed/THIS/ judges it
 * as here (offer_again()). Claimed at once, no other node of a shared
 * inbox takes it and publishes it again. Where the mark cannot be
 * written (the store failing) it is worked on in the inbox, claimed at
 * its commit. The commit judges it again with its bytes read. A failed
 * lookup claims it, as before. */
enum offer_back
offer_put_back(struct daemon *d, const char *name, const struct stat *st)
{
	struct store_file f;
	char err[512];
	int rc;

	if (st->st_nlink != 1)
		return OFFER_NEW;
	store_file_key(&f, name, st);
	rc = store_file_before(d->store, &f, err, sizeof(err));
	if (rc < 0)
		log_warn(&d->log, "%s: %s; claimed, not judged put back by "
		    "hand before its commit", name, err);
	return rc == 1 ? OFFER_BACK : OFFER_NEW;
}

static void backs_write(evutil_socket_t fd, short what, void *arg);

enum watcher_offer
offer_pend(struct daemon *d, const char *name, int fd,
    const struct stat *st)
{
	const struct timeval now = { 0, 0 };
	struct back_pending *p;

	if (workers_room(d->workers) <= d->n_backs_pending)
		return WATCHER_FULL;    /* offered again once there is room */
	if (!d->backs_due && event_base_once(d->base, -1, EV_TIMEOUT,
	    backs_write, d, &now) != 0)
		return offer_take(d, name, fd, st, OFFER_BACK_UNMARKED);
	d->backs_due = true;
	d->backs_pending = xrealloc(d->backs_pending,
	    (d->n_backs_pending + 1) * sizeof(*d->backs_pending));
	p = &d->backs_pending[d->n_backs_pending++];
	*p = (struct back_pending){ .name = xstrdup(name), .fd = fd,
	    .st = *st };
	return WATCHER_TAKEN;
}

bool
offer_pending(struct daemon *d, const char *name)
{
	for (size_t i = 0; i < d->n_backs_pending; i++)
		if (strcmp(d->backs_pending[i].name, name) == 0)
			return d->backs_pending[i].again = true;
	return false;
}

/* The files judged put back by hand in this loop iteration's offers:
 * their marks written in one transaction (one SQLite write, where each
 * had its own: an fsync each with [store] synchronous = full), then
 * each claimed and queued, as its offer would have (offer_take()).
 * Claimed only once its mark is in the store, as before: a kill
 * between the two leaves it in the inbox, unmarked, judged by the store
 * again at the next start. The loop's turn is never open here (each
 * opens and commits within its own callback). */
static void
backs_write(evutil_socket_t fd, short what, void *arg)
{
	struct daemon *d = arg;
	struct back_pending *v = d->backs_pending;
	size_t n = d->n_backs_pending;
	enum log_level level = d->store_log.failed > 0 ? LOG_DEBUG : LOG_INFO;
	struct store_file *f = xcalloc(n > 0 ? n : 1, sizeof(*f));
	char err[512];
	int rc;

	(void)fd;
	(void)what;
	d->backs_pending = NULL;
	d->n_backs_pending = 0;
	d->backs_due = false;
	for (size_t i = 0; i < n; i++)
		store_file_key(&f[i], v[i].name, &v[i].st);
	rc = d->stopping ? 0 : store_file_backs_set(d->store, f, n, err,
	    sizeof(err));
	for (size_t i = 0; i < n && !d->stopping; i++) {
		if (rc == 0)
			log_msg(&d->log, level, "%s: put back into the "
			    "inbox by hand after its move out (the store's "
			    "record of its commit is older than its ctime): "
			    "so marked in the store, and claimed", v[i].name);
		else
			log_msg(&d->log, level, "%s: put back into the "
			    "inbox by hand after its move out (the store's "
			    "record of its commit is older than its ctime): "
			    "worked on in the inbox, claimed at its commit if "
			    "it is to be published (the store cannot mark it: "
			    "%s)", v[i].name, err);
		if (offer_take(d, v[i].name, v[i].fd, &v[i].st, rc == 0 ?
		    OFFER_BACK : OFFER_BACK_UNMARKED) == WATCHER_TAKEN)
			v[i].fd = -1;
		else
			v[i].again = true;      /* no room: offered again */
		if (v[i].again && d->watcher != NULL)
			watcher_recheck(d->watcher, v[i].name);
	}
	if (rc == 0 && n > 1 && !d->stopping)
		log_info(&d->log, "%zu files put back by hand marked in the "
		    "store in one write", n);
	for (size_t i = 0; i < n; i++) {
		if (v[i].fd >= 0)
			close(v[i].fd);
		free(v[i].name);
	}
	free(v);
	free(f);
}

/* At a stop: the files waiting for their mark stay in the inbox. */
void
offer_pending_end(struct daemon *d)
{
	for (size_t i = 0; i < d->n_backs_pending; i++) {
		close(d->backs_pending[i].fd);
		free(d->backs_pending[i].name);
	}
	free(d->backs_pending);
	d->backs_pending = NULL;
	d->n_backs_pending = 0;
}

/* The store's mark of a file judged put back when offered (rc 1 of
 * offer_put_back()), which this node did not claim after all, goes: a
 * file not in claimed/THIS/ is not judged by it. Outside the loop's
 * turns, as the mark was written; a failure leaves it to the next
 * start (ingest_prune_backs()). */
void
offer_unmark(struct daemon *d, const char *name, const struct stat *st,
    const char *why)
{
	struct store_file f;
	char err[512];

	store_file_key(&f, name, st);
	if (store_file_back(d->store, &f, false, err, sizeof(err)) == 0)
		log_info(&d->log, "%s: marked put back by hand, %s: its mark "
		    "in the store dropped", name, why);
	else
		log_warn(&d->log, "%s: marked put back by hand, %s: its mark "
		    "stays in the store until the next start (%s)", name, why,
		    err);
}

/* At the start, after the files in claimed/THIS/ were queued: the
 * store's marks of files put back by hand (files_back) whose file is
 * not there (taken by another node before its claim or its commit here,
 * moved or deleted by hand while the node was down) go; a mark is read
 * only of a file in claimed/THIS/ (offer_again()). Bounded: 1000 marks
 * a start, the oldest first (store_file_backs()); one lstat each. */
void
ingest_prune_backs(struct daemon *d, const char *dir)
{
	const char *node = store_origin_id(d->store);
	struct store_file *v;
	struct buf path = { 0 };
	struct stat st;
	char err[512];
	size_t n, dropped = 0;
	int rc = store_file_backs(d->store, &v, &n, err, sizeof(err));

	for (size_t i = 0; rc == 0 && i < n; i++) {
		path.len = 0;
		buf_printf(&path, "%s/claimed/%s/%s", dir, node, v[i].name);
		if (lstat(path.p, &st) == 0 && (uint64_t)st.st_dev ==
		    v[i].dev && (uint64_t)st.st_ino == v[i].ino)
			continue;
		rc = store_file_back(d->store, &v[i], false, err,
		    sizeof(err));
		if (rc == 0) {
			dropped++;
			log_info(&d->log, "%s: marked put back by hand in the "
			    "store, not in claimed/%s/ (taken by another node "
			    "before its commit here, or moved by hand): its "
			    "mark dropped", v[i].name, node);
		}
	}
	if (rc != 0)
		log_warn(&d->log, "the store's marks of files put back by "
		    "hand: %s; those left go at a later start", err);
	else if (dropped > 0)
		log_info(&d->log, "%zu mark(s) of files put back by hand "
		    "whose file is gone dropped from the store", dropped);
	store_file_backs_free(v, n);
	buf_free(&path);
}

/* The marks go, the files they name no longer waiting. */
void
ingest_free_marks(struct daemon *d)
{
	for (size_t i = 0; i < d->n_retry_offered; i++)
		free(d->retry_offered[i].name);
	free(d->retry_offered);
	d->retry_offered = NULL;
	d->n_retry_offered = 0;
}

/* A file taken from claimed/THIS/ that the store marked put back by
 * hand when it was offered (offer_put_back()): judged as then. */
static void
offer_marked(struct daemon *d, struct item *it)
{
	struct store_file f;
	int64_t ctime_ns = 0;
	char err[512];
	int rc;

	store_file_key(&f, it->name, &it->st);
	rc = store_file_back_at(d->store, &f, &ctime_ns, err, sizeof(err));
	if (rc < 0)
		log_warn(&d->log, "%s: %s; taken for a kill's leftover",
		    it->name, err);
	if (rc != 1)
		return;
	it->offered = it->marked = true;
	it->offer_ctime = ctime_ns;
	log_info(&d->log, "%s: taken from claimed/%s/, marked put back by "
	    "hand in the store when offered: judged so again, not as a "
	    "kill's leftover", it->name, it->node);
}

bool
offer_held_back(struct daemon *d, const char *name, const struct stat *st)
{
	const struct offer_mark *m;

	for (size_t i = 0; i < d->n_retry_offered; i++) {
		m = &d->retry_offered[i];
		if (!m->back || strcmp(m->name, name) != 0)
			continue;
		if (m->dev == (uintmax_t)st->st_dev &&
		    m->ino == (uintmax_t)st->st_ino)
			return true;
		mark_drop(d, i);        /* another file of that name */
		return false;
	}
	return false;
}

void
offer_again(struct daemon *d, struct item *it)
{
	struct offer_mark *m;

	for (size_t i = 0; i < d->n_retry_offered; i++) {
		m = &d->retry_offered[i];
		if (m->back || m->dev != (uintmax_t)it->st.st_dev ||
		    m->ino != (uintmax_t)it->st.st_ino ||
		    strcmp(m->name, it->name) != 0)
			continue;
		it->offered = true;
		it->marked = m->marked;
		it->offer_ctime = m->ctime;
		mark_drop(d, i);
		return;
	}
	offer_marked(d, it);
}

/* At a stop, the files judged put back whose turn rolled back and whose
 * give-back failed then (not marked so in the store) go back into the
 * inbox, as the hand left them: the next start finds them there, put
 * back, where its claimed/ would hold them for a kill's; those marked
 * stay, judged by the mark. The other marks go (those files are new work
 * for the next start, or a kill's leftovers as they were, or in the
 * inbox already). */
void
offer_marks_end(struct daemon *d)
{
	const char *node = store_origin_id(d->store);
	const struct offer_mark *m;
	struct buf path = { 0 };
	struct stat st;
	char err[512];
	int rc;

	for (size_t i = 0; i < d->n_retry_offered; i++) {
		m = &d->retry_offered[i];
		if (!m->put || m->back || m->marked)
			continue;       /* a marked one: judged by its mark */
		path.len = 0;
		buf_printf(&path, "%s/claimed/%s/%s", d->cfg.inbox, node,
		    m->name);
		if (lstat(path.p, &st) != 0 ||
		    (uintmax_t)st.st_dev != m->dev ||
		    (uintmax_t)st.st_ino != m->ino)
			continue;
		rc = inbox_unclaim(d->cfg.inbox, node, m->name, err,
		    sizeof(err));
		if (rc == 0)
			log_info(&d->log, "%s: " BACK_BY_HAND ": given back "
			    "into the inbox, for the next start", m->name);
		else
			log_warn(&d->log, "%s: " BACK_BY_HAND ", stays in "
			    "claimed/%s/ (%s): the next start sends its old "
			    "event again", m->name, node, rc < 0 ? err :
			    "another file of that name is in the inbox");
	}
	ingest_free_marks(d);
	buf_free(&path);
}
