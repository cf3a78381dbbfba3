/* The window's snapshot (issue 18): the story and duplicate indexes as
 * they are in memory, written to the state folder at a clean stop and
 * read back at the next start in large reads, instead of rebuilding the
 * indexes from the store's rows. docs/window.md says why it is safe. */
#ifndef NW_WINDOW_SNAP_H
#define NW_WINDOW_SNAP_H

#include <stdint.h>

struct daemon;

#define WINDOW_SNAP_FILE "window.snap"

/* Writes the snapshot of d->stories and d->dups (a temporary file,
 * fsynced, renamed over WINDOW_SNAP_FILE), unless the store rolled a
 * turn back or a turn is open: the indexes could then hold what the
 * store does not. Logs what it did; failures are logged, not fatal. */
void window_snap_save(struct daemon *d);

/* Reads the snapshot into d->stories and d->dups if there is one and it
 * matches the store, and removes the file either way, so that it is
 * used once at most. 1: loaded; 0: not (d's indexes untouched; the
 * reason logged, in one line when a snapshot was there). *cpu gets the
 * CPU seconds of the thread that read the duplicate part. */
int window_snap_load(struct daemon *d, double *cpu);

#endif
