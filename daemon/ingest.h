/* The life of one inbox file: taken from the watcher on the loop thread,
 * read and extracted on a worker (a job of the one pool, job.h), then
 * back on the loop thread, in the turn's transaction, committed through
 * the commit path (commit.h), published, and moved out of the inbox --
 * in that order, so that a file leaves the inbox only once its event is
 * committed. */
#ifndef NW_INGEST_H
#define NW_INGEST_H

#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

#include "watcher.h"

struct daemon;
struct item;

/* The watcher's offer callback (ctx is the daemon). */
enum watcher_offer ingest_offer(void *ctx, const char *name, int fd,
    const struct stat *st);

/* Queues the files this node claimed in dir (inbox.h) and did not finish
 * (not in work now): at start, before the watcher's scan, what a kill
 * left; at the store's retry, the files of turns rolled back. A file
 * committed already has its event sent again and is moved out, the
 * others are worked on; what the queue has no room for is taken when
 * it has (d->reclaim). Returns how many were queued. With [cluster]
 * leases a claimed file is published only if it is still there and its
 * claim under 5 leases old, else given back (claim_check()). */
int ingest_reclaim(struct daemon *d, const char *dir);

/* With [cluster] leases: takes over the files that dead nodes left in
 * their claimed/ORIGIN/ (a node is dead once its node key is gone,
 * leases_node_gone()), each renamed into this node's
 * claimed/THIS/.from/CHAIN/ (CHAIN: the nodes that held it, comma-
 * separated; of several live nodes, one gets it), then worked on: one
 * a node of CHAIN published already (its event in the stream,
 * inbox_stream.h) is moved out without an event, the others are
 * published here. One the stream does not answer for waits there and
 * is asked again, 4 times at most over 7 leases, then goes into the
 * inbox; one not done with (a stop) goes back to its dead holder. What
 * a kill leaves in claimed/THIS/.from/ is taken by ingest_reclaim(). */
void ingest_adopt(struct daemon *d);

/* At the end of a stop: the files of the items still in flight (their
 * work left unfinished, never to be committed) back into the inbox. */
void ingest_give_back(struct daemon *d);

/* Tries again the moves out that failed (moves_hold()), at the
 * daemon's retry; the retry comes again while any fails. */
void ingest_retry_moves(struct daemon *d);

/* Frees the moves waiting (at exit: their files stay claimed, moved
 * out by the next start, ingest_reclaim()); the store's records of
 * them that failed are tried once more, and those still failing are
 * said in an error. */
void ingest_free_moves(struct daemon *d);

/* Frees the list of adopted files to be asked for again (at exit). */
void ingest_free_waits(struct daemon *d);

/* At the start, once ingest_reclaim() took the files of claimed/THIS/:
 * the store's marks of files put back by hand whose file is not there
 * any more are dropped (ingest_marks.c). */
void ingest_prune_backs(struct daemon *d, const char *dir);

/* Frees the marks of files offered in the inbox whose turn rolled back
 * (d->retry_offered). */
void ingest_free_marks(struct daemon *d);

/* At the store's retry: the files whose claim was refused when offered
 * (warned of once, ingest_offer.c) and which are no longer in the inbox
 * are forgotten; a file of the name refused again is warned of again. */
void ingest_prune_refused(struct daemon *d);

/* Frees that list (at exit). */
void ingest_free_refused(struct daemon *d);

/* Frees items that never came back (only at exit, after the pool). */
void ingest_free_item(struct item *it);

#endif
