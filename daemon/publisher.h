/* The ZeroMQ PUB socket: each event goes out as two frames, the topic and
 * the JSON. Used from the loop thread only. PUB is best-effort: a slow
 * subscriber loses messages past the high-water mark, never blocks us. */
#ifndef NW_PUBLISHER_H
#define NW_PUBLISHER_H

#include <stddef.h>
#include <stdint.h>

struct curve;
struct publisher;

/* Binds a PUB socket to endpoint, with a send high-water mark of hwm
 * messages per subscriber: past it, that subscriber's messages are
 * dropped (it catches up through replay), so a slow or stuck subscriber
 * costs at most hwm queued events of memory. curve (curve.h), if not
 * NULL, makes it a CURVE server. Returns NULL with a reason in err. */
struct publisher *publisher_open(const char *endpoint, int hwm,
    struct curve *curve, char *err, size_t errlen);

/* Sends one event without blocking. Returns 0, or -1 with a reason. */
int publisher_send(struct publisher *p, const char *topic, const char *json,
    char *err, size_t errlen);

/* Sends refused with EAGAIN so far. A PUB socket drops silently for a
 * subscriber past its high-water mark, so this counts only messages the
 * socket refused as a whole (no subscriber got them); a subscriber sees
 * its own losses as gaps in seq. */
uint64_t publisher_dropped(const struct publisher *p);

/* Closes the socket, giving queued messages up to a second to leave. */
void publisher_close(struct publisher *p);

#endif
