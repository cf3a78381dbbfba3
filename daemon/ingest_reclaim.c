/* The files this node claimed and did not finish, taken up again from
 * its claimed/ folder (ingest_reclaim()): at the start what a kill left,
 * at the store's retry the files of turns rolled back; and those it had
 * adopted from dead nodes, in claimed/THIS/.from/CHAIN/. Loop thread
 * only. */
#include "ingest.h"

#include <dirent.h>
#include <fcntl.h>
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
void
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
