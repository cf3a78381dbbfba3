/* The JSONL file output ([output.file]): every committed event appended
 * to one file as one line of JSON, in seq order, so that `tail -F` or any
 * line reader follows the stream.
 *
 * - fsync = always (after each event), batch (once per loop turn, the
 *   default) or never (the kernel decides). A killed process loses
 *   nothing with any of them (a written line is in the page cache); they
 *   differ on a power cut.
 * - max_size: past it the file is rotated: PATH -> PATH.1 -> ... ->
 *   PATH.keep, the oldest dropped; 0 rotates never (leave it to
 *   logrotate).
 * - SIGHUP re-opens PATH, so logrotate's move-then-HUP works.
 * - At start, a torn last line (a kill mid-write) is cut off and every
 *   event the journal holds after the file's last seq is appended: the
 *   file misses no committed event and repeats none. A new, empty file
 *   begins with the events the journal still holds. A write that fails
 *   (a full disk) is undone and caught up from the journal later.
 *
 * Loop thread only. */
#ifndef NW_OUTPUT_FILE_H
#define NW_OUTPUT_FILE_H

#include <stddef.h>

#include "output.h"

struct config;
struct log;
struct store;

extern const struct output_ops output_file_ops;

/* Opens c's [output.file] path, recovering it against the journal of
 * store. Returns the output's context, or NULL with a reason in err. */
void *output_file_open(const struct config *c, struct store *store,
    struct log *log, char *err, size_t errlen);

#endif
