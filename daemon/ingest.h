/* The life of one inbox file: taken from the watcher on the loop thread,
 * read and extracted on a worker, then (back on the loop thread, in
 * batches) classified, journalled and committed, published, and moved
 * out of the inbox -- in that order, so that a file leaves the inbox only
 * once its event is committed. */
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

/* The worker pool's job function: reads and extracts one item. */
void ingest_work(void *job, void *arg);

/* Takes every finished item and runs one batch: commit, publish, move. */
void ingest_results(struct daemon *d);

/* Frees items that never came back (only at exit, after the pool). */
void ingest_free_item(struct item *it);

#endif
