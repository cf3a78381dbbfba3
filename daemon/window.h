/* The window's indexes in newswired (issue 18): the story index and the
 * near-duplicate index, loaded from the store at start and expired in
 * small steps on the loop. docs/window.md has the design and figures. */
#ifndef NW_WINDOW_H
#define NW_WINDOW_H

#include <stddef.h>

struct daemon;

#include <stdbool.h>

/* Builds d->stories and d->dups from the snapshot of the last clean stop
 * if it matches the store, else from the store's rows of the last window
 * (their packed forms, or the text of rows written before layout 4);
 * logs how many and how long. The snapshot's header is checked here; the
 * rest runs in a thread while the daemon goes on with its start and is
 * READY (window_loading() says whether it still runs): the loop takes
 * no finished job until the indexes are in place, so every commit sees
 * the whole window. With [cluster] articles, whose feed files into the
 * indexes from the start, the load is done before this returns. 0, or
 * -1 with a reason (a failure of the threaded load is logged, and stops
 * the daemon; a load the stop cut short is logged, window_save()). */
int window_load(struct daemon *d, char *err, size_t errlen);

/* Whether the load still runs (d->stories and d->dups not yet there). */
bool window_loading(const struct daemon *d);

/* Starts the expiry timer: every WINDOW_TICK_SECS the indexes drop a
 * few of the entries that left the window and sweep their postings. */
#define WINDOW_TICK_SECS 1
#define WINDOW_TICK_BUDGET 4096
void window_start(struct daemon *d);

/* After a clean stop (the loop over, before the store is closed):
 * writes the snapshot the next start reads (window_snap.h). A load that
 * still runs gives up at its next row or block when the stop raises the
 * daemon's halt, frees what it built and is joined here, in a second or
 * so: no snapshot then (the one it read is put back if the store did not
 * change), and the next start loads the window again. */
void window_save(struct daemon *d);

/* Stops the timer and ends the load (before the indexes are freed). */
void window_stop(struct daemon *d);

#endif
