/* With [cluster] leases: the files dead nodes left in their claimed/
 * folders, adopted into this node's claimed/THIS/.from/CHAIN/ and
 * queued (ingest_adopt()), and the adopted files whose time to be asked
 * again came (adopt_due()). Built with NATS only. Loop thread only. */
#include "ingest.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "daemon_state.h"
#include "inbox.h"
#include "ingest_int.h"
#include "leases.h"
#include "log.h"
#include "metrics.h"
#include "store.h"
#include "util.h"
#include "watcher.h"

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
