/* Journal retention: events older than [store] keep_seconds, and all but
 * the newest [store] keep_events, are removed, oldest first, in small
 * batches from a loop timer, so the loop is never blocked long. Only a
 * prefix of the journal is ever removed: what is left is always one
 * unbroken range of sequence numbers, and the replay server tells a
 * client when part of the range it asks for is gone. The last sequence
 * number is kept in the store's meta table, so removing rows never makes
 * a sequence number come back. With [output.nats], nothing after the
 * last seq the stream acknowledged is removed (store_acks.h): a
 * restart re-sends from the journal. */
#ifndef NW_RETENTION_H
#define NW_RETENTION_H

#include <stddef.h>
#include <stdint.h>

struct config;
struct event_base;
struct log;
struct retention;

/* Rows removed per batch, and seconds between passes while there is
 * nothing to remove. */
#define RETENTION_BATCH 500
#define RETENTION_PERIOD 1

/* Opens STATE_DIR/newswire.db with a connection of its own and starts the
 * timer. cfg (keep_seconds, keep_events) is read at every pass, so a
 * reload applies at once; cfg and lg must outlive the retention. Returns
 * NULL with a reason in err. */
struct retention *retention_open(struct event_base *base,
    const char *state_dir, const struct config *cfg, const struct log *lg,
    char *err, size_t errlen);

/* One batch as of time now: removes at most max of the oldest rows that
 * are past the limits. Returns the number removed, or -1 with a reason
 * in err. */
int retention_run(struct retention *t, int64_t now, int max, char *err,
    size_t errlen);

/* With [output.nats]: the events past the limits that the last pass
 * kept because the stream has not acknowledged them (the journal is the
 * only copy a re-send can come from); 0 when none. */
int64_t retention_held(const struct retention *t);

void retention_free(struct retention *t);

#endif
