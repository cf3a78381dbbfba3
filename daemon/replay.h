/* The replay server: a ZeroMQ ROUTER socket on the loop thread that serves
 * any range of sequence numbers still in the journal, in order, then a
 * final message with the range covered, the journal's bounds and whether
 * part of the range is gone (removed by retention). The wire protocol is
 * documented in docs/events.md ("Replay").
 *
 * Answers are streamed in bounded chunks, one chunk per loop turn, so a
 * huge range never stalls the loop; a client slower than the socket's
 * high-water mark pauses its own answer, never the daemon. The journal is
 * read through a connection of our own (WAL: readers see committed rows
 * only). */
#ifndef NW_REPLAY_H
#define NW_REPLAY_H

#include <stddef.h>
#include <stdint.h>

#include "replay_req.h"

struct curve;
struct event_base;
struct log;
struct replay;

/* Binds a ROUTER socket to endpoint and opens STATE_DIR/newswire.db for
 * reading. origin_id and epoch go into every final message. Returns NULL
 * with a reason in err. lg must outlive the server. curve (curve.h), if
 * not NULL, makes the socket a CURVE server. */
struct replay *replay_open(struct event_base *base, const char *endpoint,
    const char *state_dir, const char *origin_id, int64_t epoch,
    const struct log *lg, struct curve *curve, char *err, size_t errlen);

/* The endpoint as bound: a port given as * is the one the kernel chose
 * (tcp://127.0.0.1:* gives tcp://127.0.0.1:PORT). */
const char *replay_endpoint(const struct replay *r);

/* Requests waiting or being answered. */
size_t replay_pending(const struct replay *r);

/* Requests refused so far (malformed, too big, busy). */
uint64_t replay_refused(const struct replay *r);

/* Drops the answers in progress and closes the socket without lingering. */
void replay_free(struct replay *r);

/* Limits of the protocol, shared with the documentation; the request's
 * own (REPLAY_MAX_REQUEST, REPLAY_MAX_TOPICS) are in replay_req.h. */
#define REPLAY_MAX_PENDING 256    /* requests queued, all clients */
/* Bytes in any frame: ZeroMQ ends the connection of a client sending a
 * bigger one before reading it (one between REPLAY_MAX_REQUEST and this
 * gets an error answer). */
#define REPLAY_MAX_FRAME (16 * 1024)

#endif
