/* The replay protocol's request, parsed without touching the journal: a
 * pure function over the bytes of one request frame, so that the fuzz
 * target (tests/fuzz/fuzz_replay.c) and the server (replay.c) run the
 * same code. The wire format is in docs/events.md ("Replay"). */
#ifndef NW_REPLAY_REQ_H
#define NW_REPLAY_REQ_H

#include <stddef.h>
#include <stdint.h>

#define REPLAY_MAX_REQUEST 4096   /* bytes in a request frame */
#define REPLAY_MAX_TOPICS 16      /* prefixes in a request */

struct replay_request {
	int64_t from;           /* 1 or more */
	int64_t to;             /* from or more; INT64_MAX when absent */
	char **topics;          /* prefixes; none = every topic */
	size_t n_topics;        /* at most REPLAY_MAX_TOPICS */
};

/* Parses {"from":N} with optional "to" and "topics" from data (len bytes,
 * at most REPLAY_MAX_REQUEST). Returns 0 with rq filled (free it with
 * replay_request_clear), or -1 with why it is refused in err and rq
 * empty. */
int replay_request_parse(const char *data, size_t len,
    struct replay_request *rq, char *err, size_t errlen);

/* Frees what rq holds and empties it. */
void replay_request_clear(struct replay_request *rq);

#endif
