#include "inbox.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

static int
make_dir(const char *path, char *err, size_t errlen)
{
	if (mkdir(path, 0750) != 0 && errno != EEXIST)
		return fail(err, errlen, "cannot create %s: %s", path,
		    strerror(errno));
	return 0;
}

void
inbox_uri_escape(struct buf *b, const char *path)
{
	static const char hex[] = "0123456789ABCDEF";

	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("/-._~", *p) != NULL) {
			buf_putc(b, (char)*p);
		} else {
			buf_putc(b, '%');
			buf_putc(b, hex[*p >> 4]);
			buf_putc(b, hex[*p & 15]);
		}
	}
}

int
inbox_prepare(const char *dir, char *err, size_t errlen)
{
	struct buf b = { 0 };
	int rc = make_dir(dir, err, errlen);

	buf_printf(&b, "%s/processed", dir);
	if (rc == 0)
		rc = make_dir(b.p, err, errlen);
	b.len = 0;
	buf_printf(&b, "%s/failed", dir);
	if (rc == 0)
		rc = make_dir(b.p, err, errlen);
	buf_free(&b);
	return rc;
}

static bool
same_inode(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* rename_noreplace_mark() where renameat2() refuses the flag: a hard
 * link of from (the file was) as to, which never replaces, then the
 * unlink of from, if from is still the file linked. */
static int
link_unlink(const char *from, const char *to, const struct stat *was)
{
	struct stat now;
	int e = ENOENT;

	if (link(from, to) != 0 && (errno != EEXIST || lstat(to, &now) != 0 ||
	    !same_inode(was, &now)))
		return -1;
	if (lstat(from, &now) == 0 && same_inode(was, &now)) {
		if (unlink(from) == 0)
			return 0;
		e = errno;
	}
	if (lstat(to, &now) == 0 && same_inode(was, &now))
		unlink(to);
	errno = e;
	return -1;
}

/* Renames from to to unless to exists. Where the file system does not
 * take RENAME_NOREPLACE (EINVAL: NFS, some FUSE), by a hard link and an
 * unlink (link_unlink()): of two nodes linking one file, the one whose
 * unlink takes the name wins; the other drops its link (if still there)
 * and finds from gone (ENOENT). A link left by a move that a kill cut
 * short is finished. mark, unless NULL, is a file made (if it is not
 * there) before the link and removed after the unlink: a kill between
 * the two leaves it, saying whose the second link is. One there
 * already goes too once the move is made. */
static int
rename_noreplace_mark(const char *from, const char *to, const char *mark)
{
	struct stat was;
	bool stale = false;
	int rc, e, fd = -1;

	if (renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
		return 0;
	if (errno != EINVAL || lstat(from, &was) != 0)
		return -1;
	if (mark != NULL) {
		fd = open(mark, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
		    0640);
		stale = fd < 0 && errno == EEXIST;
	}
	rc = link_unlink(from, to, &was);
	e = errno;
	if (fd >= 0)
		close(fd);
	/* to is this file now: a mark found there is of no move under
	 * way (its link, cut short, removed by hand since), or of one that
	 * finds to taken */
	if (fd >= 0 || (stale && rc == 0))
		unlink(mark);
	errno = e;
	return rc;
}

static int
rename_noreplace(const char *from, const char *to)
{
	return rename_noreplace_mark(from, to, NULL);
}

/* True when path is still the file that was read, unchanged; as it is
 * now into st. */
static bool
same_file(const struct stat *was, const char *path, struct stat *st)
{
	return lstat(path, st) == 0 && st->st_dev == was->st_dev &&
	    st->st_ino == was->st_ino && st->st_size == was->st_size &&
	    st->st_mtim.tv_sec == was->st_mtim.tv_sec &&
	    st->st_mtim.tv_nsec == was->st_mtim.tv_nsec;
}

/* dir/claimed/node, created when missing, into out. */
static int
claimed_dir(const char *dir, const char *node, struct buf *out, char *err,
    size_t errlen)
{
	buf_printf(out, "%s/claimed", dir);
	if (make_dir(out->p, err, errlen) != 0)
		return -1;
	buf_printf(out, "/%s", node);
	return make_dir(out->p, err, errlen);
}

/* Whether dir/claimed/OTHER/name, or a file OTHER adopted in
 * dir/claimed/OTHER/.from/CHAIN/name, is the file st (any file: st
 * NULL). */
static bool
held_by(const char *dir, const char *other, const char *name,
    const struct stat *st)
{
	struct buf path = { 0 };
	struct dirent *e;
	struct stat was;
	bool held;
	DIR *dh;

	buf_printf(&path, "%s/claimed/%s/%s", dir, other, name);
	held = lstat(path.p, &was) == 0 && (st == NULL ||
	    same_inode(st, &was));
	path.len = 0;
	buf_printf(&path, "%s/claimed/%s/.from", dir, other);
	dh = held ? NULL : opendir(path.p);
	while (dh != NULL && !held && (e = readdir(dh)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		path.len = 0;
		buf_printf(&path, "%s/claimed/%s/.from/%s/%s", dir, other,
		    e->d_name, name);
		held = lstat(path.p, &was) == 0 && (st == NULL ||
		    same_inode(st, &was));
	}
	if (dh != NULL)
		closedir(dh);
	buf_free(&path);
	return held;
}

/* Whether another node than the one of node (NODE, or NODE/.from/CHAIN)
 * holds the file st as name in its claimed/ folder or in one of its
 * .from/ folders (held_by()): a claim by hard link (rename_noreplace()
 * without RENAME_NOREPLACE) that a kill cut short between the link and
 * the unlink leaves the file in the inbox and in that node's folder,
 * which its next start undoes, or, if it never comes back, its adopter
 * (ingest_adopt()); so does a give-back of a file it had adopted, from
 * its .from/ into the inbox. Claimed by a second node meanwhile, it
 * would be published twice. node NULL: any node (held_by() with st
 * NULL: any file). */
static bool
claimed_by_other(const char *dir, const char *node, const char *name,
    const struct stat *st)
{
	struct buf path = { 0 };
	struct dirent *e;
	size_t own = node != NULL ? strcspn(node, "/") : 0;
	bool held = false;
	DIR *dh;

	buf_printf(&path, "%s/claimed", dir);
	dh = opendir(path.p);
	while (dh != NULL && !held && (e = readdir(dh)) != NULL) {
		if (e->d_name[0] == '.' || (own > 0 &&
		    strlen(e->d_name) == own &&
		    strncmp(e->d_name, node, own) == 0))
			continue;
		held = held_by(dir, e->d_name, name, st);
	}
	if (dh != NULL)
		closedir(dh);
	buf_free(&path);
	return held;
}

/* Whether dir/sub/name (dir/name where sub is NULL) is the file st. */
static bool
is_in(const char *dir, const char *sub, const char *name,
    const struct stat *st)
{
	struct buf path = { 0 };
	struct stat now;
	bool is;

	if (sub != NULL)
		buf_printf(&path, "%s/%s/%s", dir, sub, name);
	else
		buf_printf(&path, "%s/%s", dir, name);
	is = lstat(path.p, &now) == 0 && same_inode(st, &now);
	buf_free(&path);
	return is;
}

/* Whether the inbox's dir/name is the file st. */
static bool
in_inbox(const char *dir, const char *name, const struct stat *st)
{
	return is_in(dir, NULL, name, st);
}

/* claimed_by_other() for the inbox's dir/name, the file st, when it has
 * two links or more now (st may be older than another node's link). */
static bool
held_elsewhere(const char *dir, const char *node, const char *name,
    const struct stat *st)
{
	struct buf path = { 0 };
	struct stat now;
	bool linked;

	buf_printf(&path, "%s/%s", dir, name);
	linked = lstat(path.p, &now) == 0 && now.st_nlink >= 2 &&
	    same_inode(st, &now);
	buf_free(&path);
	return linked && claimed_by_other(dir, node, name, st);
}

int
inbox_claim(const char *dir, const char *node, const char *name,
    const struct stat *st, char *err, size_t errlen)
{
	struct buf from = { 0 }, to = { 0 };
	struct stat now;
	int rc = -1;

	if (held_elsewhere(dir, node, name, st))
		return 1;
	if (claimed_dir(dir, node, &to, err, errlen) != 0)
		goto out;
	buf_printf(&from, "%s/%s", dir, name);
	buf_printf(&to, "/%s", name);
	if (rename_noreplace(from.p, to.p) != 0) {
		if (errno == ENOENT)
			rc = 1;  /* another node took it, or it went */
		else if (errno == EEXIST)
			fail(err, errlen, "cannot claim %s: %s is taken (a "
			    "file given back later)", from.p, to.p);
		else
			fail(err, errlen, "cannot claim %s: %s", from.p,
			    strerror(errno));
		goto out;
	}
	if (lstat(to.p, &now) == 0 && now.st_dev == st->st_dev &&
	    now.st_ino == st->st_ino) {
		rc = 0;
		goto out;
	}
	/* another file took the name since it was opened: not ours */
	rc = rename_noreplace(to.p, from.p) == 0 ? 1 : fail(err, errlen,
	    "cannot move %s back into the inbox: %s", to.p, strerror(errno));
out:
	buf_free(&from);
	buf_free(&to);
	return rc;
}

int
inbox_unclaim(const char *dir, const char *node, const char *name,
    char *err, size_t errlen)
{
	struct buf from = { 0 }, to = { 0 };
	int rc = 0;

	buf_printf(&from, "%s/claimed/%s/%s", dir, node, name);
	buf_printf(&to, "%s/%s", dir, name);
	if (rename_noreplace(from.p, to.p) != 0) {
		if (errno == EEXIST)
			rc = 1;
		else if (errno != ENOENT)
			rc = fail(err, errlen, "cannot move %s back into the "
			    "inbox: %s", from.p, strerror(errno));
	}
	buf_free(&from);
	buf_free(&to);
	return rc;
}

int
inbox_move_claim(const char *dir, const char *from, const char *to,
    const char *name, char *err, size_t errlen)
{
	struct buf src = { 0 }, dst = { 0 };
	int rc = -1;

	buf_printf(&dst, "%s/claimed", dir);
	if (make_dir(dst.p, err, errlen) != 0)
		goto out;
	/* to is NODE or NODE/.from/ORIGIN: each level made in turn */
	for (const char *p = strchr(to, '/');; p = strchr(p + 1, '/')) {
		int n = p != NULL ? (int)(p - to) : (int)strlen(to);

		dst.len = 0;
		buf_printf(&dst, "%s/claimed/%.*s", dir, n, to);
		if (make_dir(dst.p, err, errlen) != 0)
			goto out;
		if (p == NULL)
			break;
	}
	buf_printf(&dst, "/%s", name);
	buf_printf(&src, "%s/claimed/%s/%s", dir, from, name);
	rc = 0;
	if (rename_noreplace(src.p, dst.p) != 0) {
		if (errno == ENOENT || errno == EEXIST)
			rc = 1;
		else
			rc = fail(err, errlen, "cannot move %s to %s: %s",
			    src.p, dst.p, strerror(errno));
	}
out:
	buf_free(&src);
	buf_free(&dst);
	return rc;
}

bool
inbox_claim_cut(const char *dir, const char *node, const char *home,
    const char *name, const struct stat *st)
{
	struct buf from = { 0 }, to = { 0 };
	struct stat was;
	bool cut = false;

	if (st->st_nlink < 2)
		return false;
	if (home != NULL)
		buf_printf(&from, "%s/claimed/%s/%s", dir, home, name);
	else
		buf_printf(&from, "%s/%s", dir, name);
	buf_printf(&to, "%s/claimed/%s/%s", dir, node, name);
	if (lstat(from.p, &was) == 0 && same_inode(&was, st))
		cut = unlink(to.p) == 0;
	else if (home != NULL && in_inbox(dir, name, st))
		/* an adopted file given back into the inbox (too old
		 * here) before the kill: the give-back is finished */
		cut = unlink(to.p) == 0;
	else if (claimed_by_other(dir, node, name, st))
		/* another node linked the inbox name before this one's
		 * unlink (or after a give-back cut short) and took it: that
		 * node's */
		cut = unlink(to.p) == 0;
	buf_free(&from);
	buf_free(&to);
	return cut;
}

bool
inbox_claimed_twice(const char *dir, const char *node, const char *name,
    const struct stat *st)
{
	return st->st_nlink > 1 && (in_inbox(dir, name, st) ||
	    claimed_by_other(dir, node, name, st));
}


bool
inbox_taken(const char *dir, const char *node, const char *name,
    const struct stat *st)
{
	return !in_inbox(dir, name, st) &&
	    (claimed_by_other(dir, node, name, st) ||
	    is_in(dir, "processed", name, st) ||
	    is_in(dir, "failed", name, st));
}

static bool
exists(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0;
}

/* The mark of a move into processed/ (rename_noreplace_mark()) to
 * path: .NAME.moving beside it. */
static void
mark_path(const char *path, struct buf *out)
{
	const char *slash = strrchr(path, '/');
	int n = slash != NULL ? (int)(slash - path) + 1 : 0;

	buf_printf(out, "%.*s.%s.moving", n, path, path + n);
}

/* The reason of the file ino's move to path, NAME.error to be, written
 * before it (sidecar_begin()): path.error.INO.tmp into tmp. Its own to
 * each file: two nodes failing two files of one name at once write two,
 * and the one whose move takes the name puts its own in place. */
static void
sidecar_tmp(const char *path, ino_t ino, struct buf *tmp)
{
	buf_printf(tmp, "%s.error.%ju.tmp", path, (uintmax_t)ino);
}

/* The length of NAME in name, NAME.error.INO.tmp (sidecar_tmp()) or
 * NAME.error.tmp (an older version's); INO into ino (0: not said); 0
 * when name is neither. */
static size_t
sidecar_of(const char *name, uintmax_t *ino)
{
	size_t len = strlen(name), n;

	*ino = 0;
	if (len < 11 || strcmp(name + len - 4, ".tmp") != 0)
		return 0;
	n = len -= 4;
	while (n > 0 && name[n - 1] >= '0' && name[n - 1] <= '9')
		n--;
	if (n < len && n > 1 && name[n - 1] == '.') {
		*ino = strtoumax(name + n, NULL, 10);
		len = n - 1;
	}
	if (len < 7 || strncmp(name + len - 6, ".error", 6) != 0)
		return 0;
	return len - 6;
}

/* Writes reason into path's NAME.error.INO.tmp (sidecar_tmp(), its path
 * into tmp), the NAME.error to be, before the move of the file st into
 * failed/: a reader never sees a NAME.error half written, and a kill
 * after the move leaves the reason for the next start to put in place
 * (inbox_tidy()); one left by a kill before the move, the file
 * published after, is removed (tidy_error()). */
static int
sidecar_begin(const char *path, const struct stat *st, const char *reason,
    struct buf *tmp)
{
	FILE *f;
	int rc;

	sidecar_tmp(path, st->st_ino, tmp);
	f = fopen(tmp->p, "w");
	if (f == NULL)
		return -1;
	fprintf(f, "%s\n", reason);
	rc = ferror(f) ? -1 : 0;
	if (fclose(f) != 0 || rc != 0) {
		unlink(tmp->p);
		return -1;
	}
	return 0;
}

/* Puts tmp, path's NAME.error.INO.tmp (sidecar_begin()), in place as
 * NAME.error; one that a starting node put in place meanwhile is the
 * same. */
static int
sidecar_end(const char *path, const char *tmp)
{
	struct buf side = { 0 };
	int rc;

	buf_printf(&side, "%s.error", path);
	rc = rename(tmp, side.p);
	if (rc != 0 && errno == ENOENT && exists(side.p))
		rc = 0;
	buf_free(&side);
	return rc;
}

/* Renames from, the file st, to to unless to exists: into processed/
 * with its mark (mark_path()), into failed/ (reason not NULL) between
 * sidecar_begin() and sidecar_end(). 0, 1 when to exists, or -1 with a
 * reason in err. */
static int
move_one(const char *from, const struct stat *st, const char *to,
    const char *reason, char *err, size_t errlen)
{
	struct buf side = { 0 };
	int rc = 0;

	if (reason == NULL)
		mark_path(to, &side);
	else if (sidecar_begin(to, st, reason, &side) != 0)
		rc = fail(err, errlen, "cannot write %s: %s", side.p,
		    strerror(errno));
	if (rc == 0 && rename_noreplace_mark(from, to, reason == NULL ?
	    side.p : NULL) != 0)
		rc = errno == EEXIST ? 1 : fail(err, errlen, "cannot move %s "
		    "to %s: %s", from, to, strerror(errno));
	if (reason != NULL && rc > 0)
		unlink(side.p);
	else if (reason != NULL && rc == 0 && sidecar_end(to, side.p) != 0)
		rc = fail(err, errlen, "cannot put %s in place: %s", side.p,
		    strerror(errno));
	buf_free(&side);
	return rc;
}

/* Moves from into dir/sub/NAME, or dir/sub/NAME.SEQ if that is taken
 * (reason: the failure, for NAME.error); the final path goes into out.
 * 0, or -1 with a reason in err. */
static int
move_into(const struct inbox_file *f, const char *from, const char *sub,
    const char *reason, struct buf *out, char *err, size_t errlen)
{
	int rc;

	buf_printf(out, "%s/%s/%s", f->dir, sub, f->name);
	rc = move_one(from, f->st, out->p, reason, err, errlen);
	if (rc <= 0)
		return rc;
	buf_printf(out, ".%lld", (long long)f->seq);
	rc = move_one(from, f->st, out->p, reason, err, errlen);
	return rc <= 0 ? rc : fail(err, errlen, "cannot move %s to %s: %s",
	    from, out->p, strerror(EEXIST));
}

/* Whether name is base.DIGITS. */
static bool
seq_suffixed(const char *name, const char *base)
{
	size_t n = strlen(base);

	if (strncmp(name, base, n) != 0 || name[n] != '.' || !name[n + 1])
		return false;
	return strspn(name + n + 1, "0123456789") == strlen(name + n + 1);
}

/* Whether dir/sub/NAME is the file st, or, scan, a dir/sub/NAME.SEQ;
 * its path into out. */
static bool
link_in(const struct inbox_file *f, const char *sub, const struct stat *st,
    bool scan, struct buf *out)
{
	struct dirent *e;
	struct stat was;
	bool found;
	DIR *dh;

	out->len = 0;
	buf_printf(out, "%s/%s/%s", f->dir, sub, f->name);
	found = lstat(out->p, &was) == 0 && same_inode(st, &was);
	if (found || !scan)
		return found;
	out->len = 0;
	buf_printf(out, "%s/%s", f->dir, sub);
	dh = opendir(out->p);
	while (dh != NULL && !found && (e = readdir(dh)) != NULL) {
		found = seq_suffixed(e->d_name, f->name) &&
		    fstatat(dirfd(dh), e->d_name, &was,
		    AT_SYMLINK_NOFOLLOW) == 0 && same_inode(st, &was);
		if (found)
			buf_printf(out, "/%s", e->d_name);
	}
	if (dh != NULL)
		closedir(dh);
	return found;
}

/* Whether path, a link in sub (processed/ or failed/) of an adopted
 * file st, is a dead node's move out that a kill cut short: into
 * processed/ with its mark left (mark_path()), into failed/ with no
 * NAME.error yet (put in place after the move). The mark, or
 * NAME.error.INO.tmp, into side. */
static bool
cut_left(const char *sub, const char *path, const struct stat *st,
    struct buf *side)
{
	side->len = 0;
	if (strcmp(sub, "processed") == 0) {
		mark_path(path, side);
		return exists(side->p);
	}
	buf_printf(side, "%s.error", path);
	if (exists(side->p))
		return false;
	side->len = 0;
	sidecar_tmp(path, st->st_ino, side);
	return true;
}

/* A move out by hard link that a kill cut short (rename_noreplace()
 * without RENAME_NOREPLACE) leaves the file st both where it was and in
 * processed/ or failed/. A link in fate's folder is the move made
 * already: its path into to. The node that finishes the move may
 * decide otherwise than the dead one: its adopter publishes what failed
 * there when the stream lacks that node's event (a failure of its own:
 * a smaller [inbox] max_size, its job_budget spent), or fails what it
 * had published. So a link in the other folder than fate's is dropped
 * (f->dropped), and the file ends in one, that of the event in the
 * stream, never in failed/ with no NAME.error as well; but only a
 * link that is a dead node's move cut short
 * (cut_left()), of an adopted file: this node's own restart decides as
 * its journal did. Any other is kept (f->kept): a file linked back into
 * the inbox from processed/ by a user keeps its processed/ name
 * whatever happens to it, a failure too. Only an
 * adopted file is looked for as NAME.SEQ (the seq the dead node gave
 * it is not known here; a file of this node's has its own). 0, or -1
 * with a reason in err. */
static int
drop_cut_move(struct inbox_file *f, enum inbox_fate fate,
    const struct stat *st, struct buf *to, char *err, size_t errlen)
{
	static const char *const subs[] = { "processed", "failed" };
	bool adopted = f->node != NULL && strstr(f->node, "/.from/") != NULL;
	struct buf at = { 0 }, side = { 0 };
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < 2; i++) {
		bool mine = (fate == INBOX_FAILED) == (i == 1) &&
		    fate != INBOX_DELETE;

		if (!link_in(f, subs[i], st, adopted, &at))
			continue;
		if (mine)
			buf_puts(to, at.p);
		else if (!adopted || !cut_left(subs[i], at.p, st, &side))
			f->kept = subs[i];
		else if (unlink(at.p) != 0)
			rc = fail(err, errlen, "cannot remove %s: %s", at.p,
			    strerror(errno));
		else if (unlink(side.p) == 0 || errno == ENOENT)
			f->dropped = subs[i];
	}
	buf_free(&at);
	buf_free(&side);
	return rc;
}

/* Unlinks from, the file st, the move into fate's folder made already
 * (to: a kill cut it short, its mark removed), or deleted (to empty);
 * reason, not NULL, goes into NAME.error beside to, written first. */
static int
finish_move(const char *from, const struct stat *st, const struct buf *to,
    const char *reason, char *err, size_t errlen)
{
	struct buf side = { 0 };
	int rc = 0;

	if (reason != NULL && sidecar_begin(to->p, st, reason, &side) != 0)
		rc = fail(err, errlen, "cannot write %s: %s", side.p,
		    strerror(errno));
	else if (unlink(from) != 0)
		rc = fail(err, errlen, "cannot %s %s: %s", to->len > 0 ?
		    "unlink the moved" : "delete", from, strerror(errno));
	if (reason != NULL && rc == 0 && sidecar_end(to->p, side.p) != 0)
		rc = fail(err, errlen, "cannot put %s in place: %s", side.p,
		    strerror(errno));
	else if (reason != NULL && rc != 0 && side.len > 0)
		unlink(side.p);
	else if (reason == NULL && rc == 0 && to->len > 0) {
		mark_path(to->p, &side);
		unlink(side.p);
	}
	buf_free(&side);
	return rc;
}

/* Moves from, the file st, into fate's folder (to: there already, a
 * move cut short), or deletes it; NAME.error beside a failed one. */
static int
dispose_to(struct inbox_file *f, enum inbox_fate fate, const char *from,
    struct buf *to, const char *reason, char *err, size_t errlen)
{
	const char *why = fate == INBOX_FAILED ? reason : NULL;

	if (fate == INBOX_DELETE || to->len > 0)
		return finish_move(from, f->st, to, why, err, errlen);
	return move_into(f, from, fate == INBOX_FAILED ? "failed" :
	    "processed", why, to, err, errlen);
}

/* Whether no file called name, or BASE where name is BASE.SEQ (a name
 * taken in processed/ or failed/), waits in the inbox dir or in a
 * claimed/ folder: no move out of one is under way, nor cut short (the
 * file stays where it was until the move's unlink). */
static bool
none_waiting(const char *dir, const char *name)
{
	const char *dot = strrchr(name, '.');
	struct buf path = { 0 };
	bool none;

	buf_printf(&path, "%s/%s", dir, name);
	none = !exists(path.p) && !claimed_by_other(dir, NULL, name, NULL);
	path.len = 0;
	if (dot != NULL && dot > name)
		buf_printf(&path, "%.*s", (int)(dot - name), name);
	if (none && path.len > 0 && seq_suffixed(name, path.p))
		none = none_waiting(dir, path.p);
	buf_free(&path);
	return none;
}

/* failed/NAME.error.INO.tmp (tmp, its name; sidecar_tmp()): put in
 * place as NAME.error when failed/NAME is the file INO (any file: INO
 * not said: an older version's) without one, moved there before a kill
 * took its node, with one link or none of its name waiting (a second
 * link, the file still claimed, is a move by hard link cut short:
 * whoever finishes it decides); removed when none waits and it was not
 * put: a kill before the move, the file published or failed as NAME.SEQ
 * since, or removed. */
static enum inbox_tidied
tidy_error(const char *dir, const char *tmp)
{
	struct buf path = { 0 }, side = { 0 };
	uintmax_t ino;
	size_t n = sidecar_of(tmp, &ino);
	enum inbox_tidied done = INBOX_LEFT;
	struct stat st;
	bool moved, none;

	buf_printf(&path, "%.*s", (int)n, tmp);
	none = none_waiting(dir, path.p);
	path.len = 0;
	buf_printf(&path, "%s/failed/%.*s", dir, (int)n, tmp);
	buf_printf(&side, "%s.error", path.p);
	moved = lstat(path.p, &st) == 0 && S_ISREG(st.st_mode) &&
	    (ino == 0 || (uintmax_t)st.st_ino == ino) &&
	    (st.st_nlink == 1 || none) && !exists(side.p);
	path.len = 0;
	buf_printf(&path, "%s/failed/%s", dir, tmp);
	if (moved && rename_noreplace(path.p, side.p) == 0)
		done = INBOX_PUT;
	else if (!moved && none && unlink(path.p) == 0)
		done = INBOX_REMOVED;
	buf_free(&path);
	buf_free(&side);
	return done;
}

/* processed/.NAME.moving (mark, its name; mark_path()): removed when no
 * file NAME waits, no move of one under way nor cut short. */
static enum inbox_tidied
tidy_mark(const char *dir, const char *mark)
{
	size_t n = strlen(mark) - 1 - strlen(".moving");
	struct buf path = { 0 };
	bool none;

	buf_printf(&path, "%.*s", (int)n, mark + 1);
	none = none_waiting(dir, path.p);
	path.len = 0;
	buf_printf(&path, "%s/processed/%s", dir, mark);
	none = none && unlink(path.p) == 0;
	buf_free(&path);
	return none ? INBOX_REMOVED : INBOX_LEFT;
}

/* Whether name is one that tidy() goes through in sub. */
static bool
leftover(const char *sub, const char *name)
{
	size_t len = strlen(name);
	uintmax_t ino;

	if (strcmp(sub, "failed") == 0)
		return sidecar_of(name, &ino) > 0;
	return name[0] == '.' && len > 8 &&
	    strcmp(name + len - 7, ".moving") == 0;
}

/* What leftover of a move out dir/sub/entry is (tidy_error(),
 * tidy_mark()), tidied. */
static enum inbox_tidied
tidy(const char *dir, const char *sub, const char *entry)
{
	if (!leftover(sub, entry))
		return INBOX_LEFT;
	if (strcmp(sub, "failed") == 0)
		return tidy_error(dir, entry);
	return tidy_mark(dir, entry);
}

void
inbox_tidy(const char *dir, int count[3], struct strlist *left)
{
	static const char *const subs[] = { "failed", "processed" };
	struct buf path = { 0 };
	struct dirent *e;
	DIR *dh;

	for (size_t i = 0; i < 2; i++) {
		path.len = 0;
		buf_printf(&path, "%s/%s", dir, subs[i]);
		dh = opendir(path.p);
		while (dh != NULL && (e = readdir(dh)) != NULL) {
			enum inbox_tidied t = tidy(dir, subs[i], e->d_name);

			count[t]++;
			if (t == INBOX_LEFT && i == 0 && left != NULL &&
			    leftover(subs[i], e->d_name))
				strlist_push(left, e->d_name);
		}
		if (dh != NULL)
			closedir(dh);
	}
	buf_free(&path);
}

int
inbox_tidy_left(const char *dir, const char *name, struct strlist *left)
{
	struct buf path = { 0 };
	size_t i = 0, len = strlen(name);
	uintmax_t ino;
	int n = 0;

	while (i < left->n) {
		const char *e = left->v[i];
		enum inbox_tidied t = INBOX_LEFT;

		if (sidecar_of(e, &ino) != len || strncmp(e, name, len) != 0) {
			i++;
			continue;
		}
		path.len = 0;
		buf_printf(&path, "%s/failed/%s", dir, e);
		if (exists(path.p))
			t = tidy_error(dir, e);
		if (t == INBOX_LEFT && exists(path.p)) {
			i++;            /* still a move's to finish */
			continue;
		}
		n += t != INBOX_LEFT;
		free(left->v[i]);
		left->v[i] = left->v[--left->n];
	}
	buf_free(&path);
	return n;
}

/* The leftovers of moves out of files called name (tidy()), the file st
 * (the reason of an earlier move of it; one an older version wrote):
 * how many were tidied. */
static int
tidy_name(const char *dir, const char *name, const struct stat *st)
{
	static const char *const subs[] = { "failed", "failed", "processed" };
	struct buf entry = { 0 }, path = { 0 };
	int n = 0;

	for (size_t i = 0; i < 3; i++) {
		entry.len = path.len = 0;
		if (i == 0)
			sidecar_tmp(name, st->st_ino, &entry);
		else if (i == 1)
			buf_printf(&entry, "%s.error.tmp", name);
		else
			buf_printf(&entry, ".%s.moving", name);
		buf_printf(&path, "%s/%s/%s", dir, subs[i], entry.p);
		if (exists(path.p) && tidy(dir, subs[i], entry.p) !=
		    INBOX_LEFT)
			n++;
	}
	buf_free(&entry);
	buf_free(&path);
	return n;
}

int
inbox_dispose(struct inbox_file *f, enum inbox_fate fate,
    const char *reason, char *err, size_t errlen)
{
	struct buf from = { 0 }, to = { 0 };
	struct stat now;
	int rc;

	if (f->node != NULL)
		buf_printf(&from, "%s/claimed/%s/%s", f->dir, f->node,
		    f->name);
	else
		buf_printf(&from, "%s/%s", f->dir, f->name);
	if (!same_file(f->st, from.p, &now))
		rc = 1;
	else if (now.st_nlink > 1 &&
	    drop_cut_move(f, fate, &now, &to, err, errlen) != 0)
		rc = -1;
	else
		rc = dispose_to(f, fate, from.p, &to, reason, err, errlen);
	if (rc == 0)
		f->tidied = tidy_name(f->dir, f->name, f->st);
	buf_free(&from);
	buf_free(&to);
	return rc;
}
