/* The window's snapshot (issue 18): the story and duplicate indexes as
 * they are in memory, written to the state folder at a clean stop and
 * read back at the next start in large reads, instead of rebuilding the
 * indexes from the store's rows. docs/window.md says why it is safe. */
#ifndef NW_WINDOW_SNAP_H
#define NW_WINDOW_SNAP_H

#include <stdatomic.h>
#include <stdint.h>

struct daemon;

#define WINDOW_SNAP_FILE "window.snap"

/* Writes the snapshot of d->stories and d->dups (a temporary file,
 * fsynced, renamed over WINDOW_SNAP_FILE), unless the store rolled a
 * turn back or a turn is open: the indexes could then hold what the
 * store does not. Logs what it did; failures are logged, not fatal. */
void window_snap_save(struct daemon *d);

/* The loop's half of the start: opens the snapshot if there is one,
 * removes the file (so that it is used once at most), and checks its
 * header and that its mark is the store's. NULL: no snapshot, or one
 * not to use (the reason logged, in one line). */
struct window_snap;
struct window_snap *window_snap_open(struct daemon *d);

/* The other half, on any one thread (it touches neither d nor the
 * store): reads the body into new indexes. NULL: done, *stories and
 * *dups set; else why the snapshot was not used (the indexes left
 * alone). *cpu gets the CPU seconds of the thread it starts to read
 * the duplicate part beside the story part. If halt is raised (a stop)
 * it gives up at its next block of either part, frees what it built and
 * returns window_snap_stopped: the file is then left for
 * window_snap_keep(); any other end removes it. */
struct story_index;
struct dup_index;
extern const char window_snap_stopped[];
/* How the window's story index, read here or built from the rows
 * (window.c), allocates its rings: on huge pages (lib/hugemem.h), the
 * system calls the pipeline does not make. */
struct story_alloc;
extern const struct story_alloc window_story_alloc;
const char *window_snap_read(struct window_snap *w, const atomic_bool *halt,
    struct story_index **stories, struct dup_index **dups, double *cpu);

/* On the loop, after a read that a stop cut short: puts the file back
 * under its name if the store's mark is still the snapshot's (nothing
 * committed or removed meanwhile), so the next start reads it; else
 * removes it. Then closes it, as window_snap_close(). */
void window_snap_keep(struct daemon *d, struct window_snap *w);

/* Closes the file. */
void window_snap_close(struct window_snap *w);

#endif
