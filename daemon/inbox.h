/* The inbox's folders, a file's claim by this node, and its way out once
 * its event is committed: into processed/, deleted, or into failed/
 * beside a NAME.error that says why. Loop thread only.
 *
 * Several nodes may watch one inbox folder (a shared file system): a
 * node takes a file by renaming it into its own claimed/NODE/ (rename is
 * atomic: of two nodes, one gets it, the other finds the name gone), works
 * on it there, and moves it from there to processed/ or failed/. A file it
 * does not finish (a stop, a change while read, a commit rolled back) goes
 * back into the inbox; what a node held when it was killed waits in its
 * claimed/NODE/ until it starts again (ingest_reclaim()), or, with
 * [cluster] leases, until the node is known dead and a live node adopts
 * it (ingest_adopt()). */
#ifndef NW_INBOX_H
#define NW_INBOX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

struct buf;
struct strlist;

/* Appends path to b as in a file:// URI (an event's source.uri): every
 * byte but the unreserved ones and '/' percent-encoded. Any thread. */
void inbox_uri_escape(struct buf *b, const char *path);

/* Creates dir, dir/processed and dir/failed where missing. */
int inbox_prepare(const char *dir, char *err, size_t errlen);

/* Renames dir/name into dir/claimed/node/ (created when missing) if it is
 * still the file st describes. Returns 0 when claimed, 1 when not (the
 * name is gone: another node took it or it was removed; or another file
 * holds it now, left where it is), or -1 with a reason in err (the file
 * stays in dir: one of this node's claimed files has its name, say). */
int inbox_claim(const char *dir, const char *node, const char *name,
    const struct stat *st, char *err, size_t errlen);

/* Moves dir/claimed/node/name back into dir. Returns 0 when done or
 * there is nothing to move, 1 when a file of that name is in dir (it
 * stays claimed, given back at the next start), -1 with a reason in
 * err. */
int inbox_unclaim(const char *dir, const char *node, const char *name,
    char *err, size_t errlen);

/* Moves dir/claimed/from/name to dir/claimed/to/name (to's folders
 * created when missing), by a rename that replaces nothing: of several
 * nodes moving one file, one does. from and to are a node, or
 * NODE/.from/CHAIN (a file NODE adopted from the dead nodes of CHAIN).
 * Returns 0 when moved, 1 when not (the file went: another node moved
 * it; or to has a file of that name), -1 with a reason in err. */
int inbox_move_claim(const char *dir, const char *from, const char *to,
    const char *name, char *err, size_t errlen);

/* Where the file system does not take RENAME_NOREPLACE, a claim is a
 * hard link and an unlink: a kill between the two leaves the file both
 * in dir/claimed/node/ and where it came from (dir itself, or
 * dir/claimed/home/ for a file adopted from there). Then its link in
 * claimed/node/ (st: its fstat) is dropped, the claim undone, and true
 * returned: the file is where it was, for whoever claims it next. So
 * too when the inbox name is gone and another node's claimed/ folder
 * holds the file: that node took the name meanwhile, and the file is
 * its; and when a file adopted from home is in dir as well: a give-back
 * into the inbox that the kill cut short, finished. */
bool inbox_claim_cut(const char *dir, const char *node, const char *home,
    const char *name, const struct stat *st);

/* Whether the file st, claimed by node (NODE, or NODE/.from/CHAIN) as
 * name, has another link where a node may claim it or holds it: the
 * inbox's dir/name, or another node's claimed/ folder or one of its
 * .from/ folders (an adopter's link, made an instant before its unlink
 * takes the file, where claims go by hard link). A link anywhere else
 * claims nothing: in processed/ or failed/ (a move out by hard link
 * that a kill cut short), or outside the inbox (a writer's `ln`). */
bool inbox_claimed_twice(const char *dir, const char *node,
    const char *name, const struct stat *st);

/* Whether the file st, worked on in the inbox itself as dir/name (its
 * claim refused), was claimed meanwhile by another node than node: it
 * is no longer dir/name, and another node's claimed/ folder holds it,
 * or processed/ or failed/ does (that node is done with it). One that
 * node deleted ([inbox] on_success = delete) is not found. */
bool inbox_taken(const char *dir, const char *node, const char *name,
    const struct stat *st);

enum inbox_fate {
	INBOX_PROCESSED,
	INBOX_DELETE,
	INBOX_FAILED,
};

/* A file as it was read. */
struct inbox_file {
	const char *dir;
	const char *name;
	const char *node;        /* claimed by this node (inbox_claim()),
	                            or NULL: it is in dir itself */
	const struct stat *st;   /* fstat() after reading */
	int64_t seq;             /* its event: names a file that collides */
	const char *dropped;     /* set by inbox_dispose(): "processed" or
	                            "failed", where a link of a move out cut
	                            short was dropped */
	const char *kept;        /* set by inbox_dispose(): where a link
	                            of the file that no move out made was
	                            kept (a user's, linked back) */
	int tidied;              /* set by inbox_dispose(): leftovers of
	                            earlier moves out of files of its name
	                            tidied (inbox_tidy()) */
};

/* Moves the file (dir/name, or dir/claimed/node/name) out if it is
 * still the file read (same inode, size and mtime). A name already taken
 * in processed/ or failed/ gets ".SEQ". A failed file's NAME.error is
 * written as NAME.error.INO.tmp (INO: its inode, one for each file of
 * the name) before the move and put in place after it. A link of the
 * file in its own folder is taken as the move made; one in the other
 * folder that a dead node's move out cut short (an adopted file) is
 * dropped (f->dropped), any other kept (f->kept). Moved, what earlier
 * moves of its name left is tidied (inbox_tidy(), f->tidied: its own
 * reason, not another file's).
 * Returns 0, 1 if the file changed or went (it stays), or -1 with a
 * reason in err. */
int inbox_dispose(struct inbox_file *f, enum inbox_fate fate,
    const char *reason, char *err, size_t errlen);

enum inbox_tidied {
	INBOX_LEFT,
	INBOX_PUT,
	INBOX_REMOVED,
};

/* Tidies the leftovers of moves out that kills cut short, at a start:
 * each failed/NAME.error.INO.tmp (or NAME.error.tmp, as an older
 * version wrote it) put in place as NAME.error when its NAME, the file INO,
 * was moved into failed/ (a kill after the move), or removed when the
 * file never was and no file NAME waits any more (a kill before the
 * move, the file published or removed since); each processed/.NAME.moving
 * mark removed when no file NAME waits (no move of one under way, nor
 * one cut short to finish). count[] counts each inbox_tidied; left, if
 * not NULL, gets the failed/ entries left for a file of their name
 * waiting: inbox_tidy_left() tidies them after its move out. */
void inbox_tidy(const char *dir, int count[3], struct strlist *left);

/* The entries of left (inbox_tidy()) of moves out of files called name,
 * tidied (tidy as at a start) once a file of that name moved out of
 * dir: another file's failed/NAME.error.INO.tmp, which
 * inbox_dispose() does not look for. Those tidied or gone leave left;
 * returns how many were tidied. */
int inbox_tidy_left(const char *dir, const char *name,
    struct strlist *left);

#endif
