/* The ZeroMQ PUB socket: each event goes out as two frames, the topic and
 * the JSON. Used from the loop thread only. PUB is best-effort: a slow
 * subscriber loses messages past the high-water mark, never blocks us. */
#ifndef NW_PUBLISHER_H
#define NW_PUBLISHER_H

#include <stddef.h>

struct curve;
struct publisher;

/* Binds a PUB socket to endpoint. curve (curve.h), if not NULL, makes it
 * a CURVE server. Returns NULL with a reason in err. */
struct publisher *publisher_open(const char *endpoint, struct curve *curve,
    char *err, size_t errlen);

/* Sends one event without blocking. Returns 0, or -1 with a reason. */
int publisher_send(struct publisher *p, const char *topic, const char *json,
    char *err, size_t errlen);

/* Closes the socket, giving queued messages up to a second to leave. */
void publisher_close(struct publisher *p);

#endif
