/* The ZeroMQ publishing socket (XPUB): each event goes out as two frames,
 * the topic and the JSON. Used from the loop thread only. PUB is
 * best-effort: a slow subscriber loses messages past the high-water mark,
 * never blocks us. */
#ifndef NW_PUBLISHER_H
#define NW_PUBLISHER_H

#include <stddef.h>
#include <stdint.h>

struct curve;
struct event_base;
struct log;
struct publisher;

/* Limits on what subscribers send: a message (ZeroMQ drops the
 * connection of a peer sending more, before reading it), a subscribed
 * prefix, and subscriptions held by one connection. Past the last two a
 * subscription is refused (not applied), counted and logged once per
 * connection. */
#define PUBLISHER_MAX_MSG 4096
#define PUBLISHER_MAX_TOPIC 256
#define PUBLISHER_MAX_SUBS 1024

/* Binds an XPUB socket to endpoint, with a send high-water mark of hwm
 * messages per subscriber: past it, that subscriber's messages are
 * dropped (it catches up through replay), so a slow or stuck subscriber
 * costs at most hwm queued events of memory. The subscriptions come
 * through the loop of base (XPUB manual mode) and are applied within the
 * limits above. curve (curve.h), if not NULL, makes it a CURVE server
 * and learns which key each subscriber holds. Returns NULL with a reason
 * in err. lg must outlive the publisher. */
struct publisher *publisher_open(struct event_base *base,
    const char *endpoint, int hwm, struct curve *curve,
    const struct log *lg, char *err, size_t errlen);

/* The endpoint as bound: a port given as * is the one the kernel chose
 * (tcp://127.0.0.1:* gives tcp://127.0.0.1:PORT). */
const char *publisher_endpoint(const struct publisher *p);

/* Sends one event without blocking. Returns 0, or -1 with a reason. */
int publisher_send(struct publisher *p, const char *topic, const char *json,
    char *err, size_t errlen);

/* Sends refused with EAGAIN so far. A PUB socket drops silently for a
 * subscriber past its high-water mark, so this counts only messages the
 * socket refused as a whole (no subscriber got them); a subscriber sees
 * its own losses as gaps in seq. */
uint64_t publisher_dropped(const struct publisher *p);

/* Subscription messages refused so far (the limits above). */
uint64_t publisher_refused(const struct publisher *p);

/* Closes the socket, giving queued messages up to a second to leave. */
void publisher_close(struct publisher *p);

#endif
