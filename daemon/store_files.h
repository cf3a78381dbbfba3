/* The inbox files' records in the daemon's store (store.h): the files
 * whose events are committed (files), those whose event went out with
 * only their move left (files_sent), and those judged put back by hand
 * (files_back), so that a restart after a crash between commit and move
 * does not publish twice. Loop thread only; the statements are prepared
 * and finalized with the store. SQL in store_files.c. */
#ifndef NW_STORE_FILES_H
#define NW_STORE_FILES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <sys/stat.h>

struct store;

/* An inbox file as it was read: the identity a crash-restart compares. */
struct store_file {
	const char *name;
	uint64_t dev, ino;
	int64_t size;
	int64_t mtime_ns;
	const char *raw_hash;   /* hex SHA-256 of the bytes read */
	int64_t ctime_ns;       /* its ctime as read after its claim (epoch
	                           ns; 0: not known): store_file_done() */
};

/* f keyed as the file name whose stat st is: its device, inode, size,
 * mtime and ctime; no raw_hash. */
void store_file_key(struct store_file *f, const char *name,
    const struct stat *st);

/* Records that f's event is committed under seq; error is why it failed
 * (it goes to failed/), or NULL (it goes to processed/). */
int store_file_done(struct store *s, const struct store_file *f,
    int64_t seq, const char *error, char *err, size_t errlen);

/* Returns 1 if f is already recorded, with the seq of its event and why
 * it failed in error ("" if it did not), 2 if its event is known sent
 * as well (store_file_sent()), 0 if not, -1 on error. */
int store_file_lookup(struct store *s, const struct store_file *f,
    int64_t *seq, char *error, size_t errorlen, char *err, size_t errlen);
/* The same, with when f was recorded (epoch nanoseconds; a row an older
 * version wrote, the last nanosecond of its second) into *ts. */
int store_file_lookup_at(struct store *s, const struct store_file *f,
    int64_t *seq, int64_t *ts, char *error, size_t errorlen, char *err,
    size_t errlen);

/* Whether the files table has a row of f as offered, its bytes not read
 * (raw_hash not looked at), recorded before f->ctime_ns, the file's
 * ctime then: 1 if so, 0 if not, -1 on error. Read only: a file put
 * back by hand after its move out, as store_file_lookup_at() with its
 * bytes read will most likely say. */
int store_file_before(struct store *s, const struct store_file *f,
    char *err, size_t errlen);

/* Records (back) that f, offered in the inbox, was judged put back by
 * hand (store_file_before()) with f->ctime_ns its ctime then, before its
 * claim: a start or a retry that takes f from this node's claimed/
 * folder judges it as at that offer (store_file_back_at()), not as a
 * kill's leftover; or, back false, drops that (f's commit, in its
 * transaction). Keyed by f's name, inode, size and mtime (its bytes not
 * read); rows go after a month, as files'. 0 or -1. */
int store_file_back(struct store *s, const struct store_file *f, bool back,
    char *err, size_t errlen);

/* store_file_back() of the n files v, each with its ctime, in one
 * transaction of its own (outside the loop's turns: none may be open):
 * all marked, 0, or none, -1. */
int store_file_backs_set(struct store *s, const struct store_file *v,
    size_t n, char *err, size_t errlen);

/* 1 and the ctime f had when it was judged put back (store_file_back())
 * into *ctime_ns, 0 when it was not so judged, -1 on error. */
int store_file_back_at(struct store *s, const struct store_file *f,
    int64_t *ctime_ns, char *err, size_t errlen);

/* The files_back rows (store_file_back()), the oldest first, 1000 at
 * most, into *out (names allocated: store_file_backs_free()), for a
 * start to drop those whose file is no longer where a mark is of use
 * (ingest_marks.c, ingest_prune_backs()). 0 or -1. */
int store_file_backs(struct store *s, struct store_file **out, size_t *n,
    char *err, size_t errlen);
void store_file_backs_free(struct store_file *v, size_t n);

/* Records that the event of f, recorded (store_file_done()), went out
 * and only f's move out of the inbox is left, one that failed (sent);
 * or, sent false, that f moved out: a restart then moves such a file
 * without sending its event again. Outside the commit path's
 * transactions; a file not recorded is left alone. */
int store_file_sent(struct store *s, const struct store_file *f, bool sent,
    char *err, size_t errlen);

#endif
