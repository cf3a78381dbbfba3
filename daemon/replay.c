#include "replay.h"

#include <errno.h>
#include <event2/event.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zmq.h>

#include "curve.h"
#include "log.h"
#include "store_conn.h"
#include "util.h"

/* Rows read per request and per loop turn, and bytes sent per loop turn:
 * what bounds the time one turn spends here. */
#define REPLAY_CHUNK_ROWS 256
#define REPLAY_TURN_BYTES (4 * 1024 * 1024)
#define REPLAY_TURN_CHUNKS 8
/* Messages read from the socket per loop turn. */
#define REPLAY_RECV_MAX 256
/* Messages queued towards one client before its answer pauses. */
#define REPLAY_SNDHWM 2000
/* Pause before a paused answer tries again. */
#define REPLAY_RETRY_USEC 10000
#define REPLAY_ID_MAX 256

struct replay_req {
	struct replay_req *next;
	unsigned char id[REPLAY_ID_MAX];   /* the ROUTER identity */
	size_t id_len;
	bool delim;             /* the request came with an empty delimiter
	                           frame (REQ-style): echoed before replies */
	char *error;            /* not NULL: the answer is this error */
	int64_t from, to;       /* to is clamped to the journal at arrival */
	int64_t cursor;         /* the next seq to look at */
	int64_t sent;
	bool gone;              /* rows of the range were not found */
	char **topics;          /* prefixes; none = every topic */
	size_t n_topics;
};

struct replay {
	struct event_base *base;
	const struct log *log;
	void *ctx;
	void *sock;
	struct store_conn *conn;   /* committed events only */
	char origin_id[64];
	int64_t epoch;
	struct event *ev_sock;
	struct event *ev_pump;
	struct replay_req *head;
	size_t n_reqs;
	struct curve *curve;
	uint64_t refused;       /* requests refused */
	char endpoint[256];     /* as bound: a port of * the kernel's pick */
};

static void replay_pump_soon(struct replay *r, bool now);

/* The one place the server socket is made: options (and, later, its
 * security) go here. */
static void *
replay_socket(void *ctx, const char *endpoint, struct curve *curve,
    char *err, size_t errlen)
{
	void *s = zmq_socket(ctx, ZMQ_ROUTER);
	int zero = 0, one = 1, hwm = REPLAY_SNDHWM;
	int64_t max = REPLAY_MAX_FRAME;

	if (s == NULL) {
		fail(err, errlen, "zmq: %s", zmq_strerror(errno));
		return NULL;
	}
	zmq_setsockopt(s, ZMQ_LINGER, &zero, sizeof(zero));
	zmq_setsockopt(s, ZMQ_SNDHWM, &hwm, sizeof(hwm));
	/* a full or vanished client makes send fail instead of dropping
	 * silently: its answer pauses or ends */
	zmq_setsockopt(s, ZMQ_ROUTER_MANDATORY, &one, sizeof(one));
	/* a bigger frame ends its connection before it is read */
	zmq_setsockopt(s, ZMQ_MAXMSGSIZE, &max, sizeof(max));
	if (curve_server_setup(curve, ctx, s, err, errlen) != 0) {
		zmq_close(s);
		return NULL;
	}
	if (zmq_bind(s, endpoint) != 0) {
		int e = errno;

		fail(err, errlen, "cannot serve replay on %s: %s%s", endpoint,
		    zmq_strerror(e), e == EADDRINUSE ? " (another newswired "
		    "running? choose another endpoint with [publish] replay)" :
		    "");
		zmq_close(s);
		return NULL;
	}
	return s;
}

static void
req_free(struct replay_req *q)
{
	if (q == NULL)
		return;
	for (size_t i = 0; i < q->n_topics; i++)
		free(q->topics[i]);
	free(q->topics);
	free(q->error);
	free(q);
}

/* The journal's oldest and newest seq (0 and 0 when empty); the newest
 * also counts sequence numbers whose rows retention removed. */
static void
replay_bounds(struct replay *r, int64_t *first, int64_t *last)
{
	int64_t newest;
	char err[256];

	if (store_conn_bounds(r->conn, first, &newest, last, err,
	    sizeof(err)) != 0)
		log_error(r->log, "replay: journal: %s", err);
}

/* Parses a request frame into q (replay_req.h), then clamps its range to
 * the journal. Returns 0, or -1 with why it is refused in err. */
static int
req_parse(struct replay *r, struct replay_req *q, const char *data,
    size_t len, char *err, size_t errlen)
{
	struct replay_request rq;
	int64_t first, last;

	if (replay_request_parse(data, len, &rq, err, errlen) != 0)
		return -1;
	q->from = rq.from;
	q->to = rq.to;
	q->topics = rq.topics;
	q->n_topics = rq.n_topics;
	replay_bounds(r, &first, &last);
	/* what is not journalled yet is not part of the answer: the
	 * client gets it live, or asks again from to + 1 */
	if (q->to > last)
		q->to = last;
	q->cursor = q->from;
	return 0;
}

static void
req_enqueue(struct replay *r, struct replay_req *q)
{
	struct replay_req **p = &r->head;

	while (*p != NULL)
		p = &(*p)->next;
	*p = q;
	r->n_reqs++;
}

/* Reads the frames of one message; false when none was waiting. */
static bool
replay_recv_one(struct replay *r)
{
	struct replay_req *q = xcalloc(1, sizeof(*q));
	zmq_msg_t m;
	int more = 1, part = 0;
	size_t more_len = sizeof(more);
	char why[256] = "";
	bool got = false, bad = false;

	while (more) {
		zmq_msg_init(&m);
		if (zmq_msg_recv(&m, r->sock, ZMQ_DONTWAIT) < 0) {
			zmq_msg_close(&m);
			break;
		}
		got = true;
		zmq_getsockopt(r->sock, ZMQ_RCVMORE, &more, &more_len);
		if (part == 0) {
			curve_track(r->curve, zmq_msg_get(&m, ZMQ_SRCFD),
			    zmq_msg_gets(&m, "User-Id"));
			q->id_len = zmq_msg_size(&m);
			if (q->id_len > sizeof(q->id))
				q->id_len = sizeof(q->id);
			memcpy(q->id, zmq_msg_data(&m), q->id_len);
		} else if (part == 1 && more && zmq_msg_size(&m) == 0) {
			q->delim = true;
		} else if (bad || more) {
			fail(why, sizeof(why), "a request is one frame");
			bad = true;
		} else if (req_parse(r, q, zmq_msg_data(&m), zmq_msg_size(&m),
		    why, sizeof(why)) != 0) {
			bad = true;
		}
		zmq_msg_close(&m);
		part++;
	}
	if (!got) {
		req_free(q);
		return false;
	}
	if (part < 2 || (part == 2 && q->delim)) {
		fail(why, sizeof(why), "empty request");
		bad = true;
	}
	if (!bad && r->n_reqs >= REPLAY_MAX_PENDING) {
		fail(why, sizeof(why), "busy: %d requests pending, try again",
		    REPLAY_MAX_PENDING);
		bad = true;
	}
	if (bad) {
		r->refused++;
		log_debug(r->log, "replay: refused: %s", why);
		q->error = xstrdup(why);
	} else {
		log_debug(r->log, "replay: %lld..%lld requested",
		    (long long)q->from, (long long)q->to);
	}
	/* errors too wait their turn: a client's answers stay in the order
	 * of its requests (but a full queue still takes no more) */
	if (r->n_reqs >= REPLAY_MAX_PENDING * 2) {
		req_free(q);
		return true;
	}
	req_enqueue(r, q);
	return true;
}

static void
on_sock(evutil_socket_t fd, short what, void *arg)
{
	struct replay *r = arg;
	int events = 0;
	size_t len = sizeof(events);

	(void)fd;
	(void)what;
	/* ZMQ_FD is edge-triggered: read while ZMQ_EVENTS says there is
	 * more, but a bounded number per turn, then come back */
	for (int n = 0; ; n++) {
		if (zmq_getsockopt(r->sock, ZMQ_EVENTS, &events, &len) != 0 ||
		    !(events & ZMQ_POLLIN))
			break;
		if (n == REPLAY_RECV_MAX) {
			event_active(r->ev_sock, EV_READ, 0);
			break;
		}
		if (!replay_recv_one(r))
			break;
	}
	if (r->head != NULL)
		replay_pump_soon(r, true);
}

/* Sends one message of frames to q's client. Returns 0, 1 when the
 * client's queue is full (try later), -1 when the client is gone. */
static int
req_send(struct replay *r, const struct replay_req *q, const char *topic,
    const char *body, size_t body_len)
{
	if (zmq_send(r->sock, q->id, q->id_len,
	    ZMQ_SNDMORE | ZMQ_DONTWAIT) < 0)
		return errno == EAGAIN ? 1 : -1;
	/* past the identity the message is accepted whole */
	if (q->delim)
		zmq_send(r->sock, "", 0, ZMQ_SNDMORE | ZMQ_DONTWAIT);
	zmq_send(r->sock, topic, strlen(topic), ZMQ_SNDMORE | ZMQ_DONTWAIT);
	zmq_send(r->sock, body, body_len, ZMQ_DONTWAIT);
	return 0;
}

static int
req_send_json(struct replay *r, const struct replay_req *q,
    const char *topic, json_t *o)
{
	char *s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	int rc = req_send(r, q, topic, s, strlen(s));

	free(s);
	json_decref(o);
	return rc;
}

static int
req_send_end(struct replay *r, const struct replay_req *q)
{
	int64_t first, last;

	if (q->error != NULL)
		return req_send_json(r, q, "replay.error", json_pack(
		    "{s:s, s:{s:s, s:I}, s:s}",
		    "schema", "newswire.replay-error/1",
		    "origin", "id", r->origin_id, "epoch",
		    (json_int_t)r->epoch, "error", q->error));
	replay_bounds(r, &first, &last);
	return req_send_json(r, q, "replay.end", json_pack(
	    "{s:s, s:{s:s, s:I}, s:I, s:I, s:I, s:I, s:I, s:b}",
	    "schema", "newswire.replay/1",
	    "origin", "id", r->origin_id, "epoch", (json_int_t)r->epoch,
	    "from", (json_int_t)q->from,
	    "to", (json_int_t)(q->to < q->from ? q->from - 1 : q->to),
	    "first_seq", (json_int_t)first,
	    "last_seq", (json_int_t)last,
	    "sent", (json_int_t)q->sent,
	    "gone", (int)q->gone));
}

static bool
req_wants(const struct replay_req *q, const char *topic)
{
	if (q->n_topics == 0)
		return true;
	for (size_t i = 0; i < q->n_topics; i++)
		if (strncmp(topic, q->topics[i], strlen(q->topics[i])) == 0)
			return true;
	return false;
}

/* What req_row() works with, for one chunk of a request. */
struct replay_chunk {
	struct replay *r;
	struct replay_req *q;
	size_t *bytes;
	int rc;         /* req_send()'s failure, or 0 */
};

#define REPLAY_STOP 1

/* One journal row of a request's chunk: sent if the client wants its
 * topic. Stops the chunk when the client cannot take more or the turn
 * has sent enough. */
static int
req_row(void *arg, int64_t seq, const char *topic, const char *ev,
    size_t len)
{
	struct replay_chunk *c = arg;
	struct replay_req *q = c->q;

	if (seq != q->cursor)
		q->gone = true;   /* removed by retention */
	if (req_wants(q, topic)) {
		c->rc = req_send(c->r, q, topic, ev, len);
		if (c->rc != 0)
			return REPLAY_STOP;
		q->sent++;
		*c->bytes += len;
	}
	q->cursor = seq + 1;
	return *c->bytes >= REPLAY_TURN_BYTES ? REPLAY_STOP : 0;
}

/* Serves one chunk of q's range. Returns 0 when more is left, 1 when the
 * range is done, 2 when the client's queue is full, -1 when the client is
 * gone. *bytes counts what was sent. */
static int
req_chunk(struct replay *r, struct replay_req *q, size_t *bytes)
{
	struct replay_chunk c = { .r = r, .q = q, .bytes = bytes };
	char err[256];
	int n = 0, stop;

	if (q->error != NULL || q->cursor > q->to)
		return 1;
	stop = store_conn_rows(r->conn, q->cursor, q->to, REPLAY_CHUNK_ROWS,
	    req_row, &c, &n, err, sizeof(err));
	if (c.rc != 0)
		return c.rc > 0 ? 2 : -1;
	if (stop < 0) {
		log_error(r->log, "replay: journal: %s", err);
		return 2;   /* try again later */
	}
	if (stop == 0 && n < REPLAY_CHUNK_ROWS) {
		/* the rows ran out: what is left of the range is gone */
		if (q->cursor <= q->to)
			q->gone = true;
		q->cursor = q->to + 1;
		return 1;
	}
	return q->cursor > q->to ? 1 : 0;
}

static bool
same_client(const struct replay_req *a, const struct replay_req *b)
{
	return a->id_len == b->id_len && memcmp(a->id, b->id, a->id_len) == 0;
}

/* An earlier request of the same client is answered first. */
static bool
req_waits(const struct replay *r, const struct replay_req *q)
{
	for (const struct replay_req *p = r->head; p != q; p = p->next)
		if (same_client(p, q))
			return true;
	return false;
}

static void
req_remove(struct replay *r, struct replay_req *q)
{
	struct replay_req **p = &r->head;

	while (*p != q)
		p = &(*p)->next;
	*p = q->next;
	r->n_reqs--;
	req_free(q);
}

/* A gone client's requests are all dropped. */
static void
client_remove(struct replay *r, struct replay_req *q)
{
	struct replay_req *p = r->head;

	log_debug(r->log, "replay: client gone, answer dropped");
	while (p != NULL) {
		struct replay_req *next = p->next;

		if (p != q && same_client(p, q))
			req_remove(r, p);
		p = next;
	}
	req_remove(r, q);
}

/* One loop turn of answers: a chunk for each client whose turn it is,
 * within a budget of chunks and bytes (with more clients than chunks,
 * the earlier requests go first). */
static void
on_pump(evutil_socket_t fd, short what, void *arg)
{
	struct replay *r = arg;
	struct replay_req *q = r->head;
	size_t bytes = 0;
	int chunks = 0;
	bool progress = false, blocked = false;
	int events = 0;
	size_t len = sizeof(events);

	(void)fd;
	(void)what;
	while (q != NULL && bytes < REPLAY_TURN_BYTES &&
	    chunks < REPLAY_TURN_CHUNKS) {
		struct replay_req *next = q->next;
		int rc;

		if (req_waits(r, q)) {
			q = next;
			continue;
		}
		chunks++;
		rc = req_chunk(r, q, &bytes);
		if (rc == 1) {
			/* sent: done; queue full: later; client gone */
			rc = req_send_end(r, q);
			rc = rc == 0 ? 1 : rc == 1 ? 2 : -1;
		}
		if (rc == 1) {
			log_debug(r->log, "replay: %lld..%lld answered, %lld "
			    "sent%s", (long long)q->from, (long long)q->to,
			    (long long)q->sent, q->gone ? ", part gone" : "");
			req_remove(r, q);
			progress = true;
		} else if (rc == 0) {
			progress = true;
		} else if (rc == 2) {
			blocked = true;
		} else {
			/* its other requests go too: skip past them */
			while (next != NULL && same_client(next, q))
				next = next->next;
			client_remove(r, q);
			progress = true;
		}
		q = next;
	}
	if (r->head != NULL)
		replay_pump_soon(r, progress || !blocked);
	/* sends may have consumed the edge of ZMQ_FD: look again */
	if (zmq_getsockopt(r->sock, ZMQ_EVENTS, &events, &len) == 0 &&
	    (events & ZMQ_POLLIN))
		event_active(r->ev_sock, EV_READ, 0);
}

/* The next turn of answers: at once (after pending I/O) or, when every
 * client is full, after a pause. */
static void
replay_pump_soon(struct replay *r, bool now)
{
	struct timeval tv = { 0, now ? 0 : REPLAY_RETRY_USEC };

	if (now || !evtimer_pending(r->ev_pump, NULL))
		evtimer_add(r->ev_pump, &tv);
}

const char *
replay_endpoint(const struct replay *r)
{
	return r->endpoint;
}

struct replay *
replay_open(struct event_base *base, const char *endpoint,
    const char *state_dir, const char *origin_id, int64_t epoch,
    const struct log *lg, struct curve *curve, char *err, size_t errlen)
{
	struct replay *r = xcalloc(1, sizeof(*r));
	char why[256];
	int fd;
	size_t fdlen = sizeof(fd), len;

	r->base = base;
	r->log = lg;
	r->epoch = epoch;
	snprintf(r->origin_id, sizeof(r->origin_id), "%s", origin_id);
	/* the store's file, read on a connection of its own: only what is
	 * committed is replayed, never the loop's open transaction */
	r->conn = store_conn_open(state_dir, false, 1000, why, sizeof(why));
	if (r->conn == NULL) {
		fail(err, errlen, "replay: %s", why);
		goto err;
	}
	r->ctx = zmq_ctx_new();
	if (r->ctx == NULL) {
		fail(err, errlen, "zmq: %s", zmq_strerror(errno));
		goto err;
	}
	r->curve = curve;
	r->sock = replay_socket(r->ctx, endpoint, curve, err, errlen);
	if (r->sock == NULL)
		goto err;
	/* what it bound: the port the kernel chose for a * */
	len = sizeof(r->endpoint);
	if (zmq_getsockopt(r->sock, ZMQ_LAST_ENDPOINT, r->endpoint, &len)
	    != 0)
		snprintf(r->endpoint, sizeof(r->endpoint), "%s", endpoint);
	if (zmq_getsockopt(r->sock, ZMQ_FD, &fd, &fdlen) != 0) {
		fail(err, errlen, "zmq: %s", zmq_strerror(errno));
		goto err;
	}
	r->ev_sock = event_new(base, fd, EV_READ | EV_PERSIST, on_sock, r);
	r->ev_pump = evtimer_new(base, on_pump, r);
	if (r->ev_sock == NULL || r->ev_pump == NULL ||
	    event_add(r->ev_sock, NULL) != 0) {
		fail(err, errlen, "replay: cannot add events");
		goto err;
	}
	return r;
err:
	replay_free(r);
	return NULL;
}

uint64_t
replay_refused(const struct replay *r)
{
	return r != NULL ? r->refused : 0;
}

size_t
replay_pending(const struct replay *r)
{
	return r->n_reqs;
}

void
replay_free(struct replay *r)
{
	if (r == NULL)
		return;
	while (r->head != NULL)
		req_remove(r, r->head);
	if (r->ev_sock != NULL)
		event_free(r->ev_sock);
	if (r->ev_pump != NULL)
		event_free(r->ev_pump);
	if (r->sock != NULL)
		zmq_close(r->sock);
	if (r->ctx != NULL)
		zmq_ctx_term(r->ctx);
	store_conn_close(r->conn);
	free(r);
}
