#include "zap.h"

#include <errno.h>
#include <event2/event.h>
#include <stdlib.h>
#include <string.h>
#include <zmq.h>

#include "log.h"
#include "util.h"

#define ZAP_ENDPOINT "inproc://zeromq.zap.01"
#define ZAP_FRAMES 7            /* version .. credentials (one, CURVE) */
#define ZAP_FRAME_MAX 256       /* bytes kept of a frame */
#define ZAP_MAX_MSG 4096        /* bytes of a frame received */

struct zap {
	void *zctx;
	void *sock;
	struct event *ev;
	zap_allow_fn allow;
	void *ctx;
	const struct log *lg;
};

struct zap_frame {
	unsigned char data[ZAP_FRAME_MAX];
	size_t len;             /* the frame's real size, may exceed MAX */
};

static bool
frame_is(const struct zap_frame *f, const char *s)
{
	return f->len == strlen(s) && memcmp(f->data, s, f->len) == 0;
}

/* Receives the parts of one request; returns how many (at most
 * ZAP_FRAMES are kept, the rest are read and dropped), or -1 when
 * nothing is waiting. */
static int
zap_recv(struct zap *z, struct zap_frame *f)
{
	int n = 0, more = 1;
	size_t more_len = sizeof(more);

	while (more) {
		zmq_msg_t m;

		zmq_msg_init(&m);
		if (zmq_msg_recv(&m, z->sock, ZMQ_DONTWAIT) < 0) {
			zmq_msg_close(&m);
			return n > 0 ? n : -1;
		}
		if (n < ZAP_FRAMES) {
			size_t len = zmq_msg_size(&m);

			f[n].len = len;
			memcpy(f[n].data, zmq_msg_data(&m),
			    len < ZAP_FRAME_MAX ? len : ZAP_FRAME_MAX);
		}
		n++;
		if (zmq_getsockopt(z->sock, ZMQ_RCVMORE, &more,
		    &more_len) != 0)
			more = 0;
		zmq_msg_close(&m);
	}
	return n;
}

static void
zap_reply(struct zap *z, const struct zap_frame *req_id, const char *code,
    const char *text, const char *user)
{
	size_t id_len = req_id != NULL && req_id->len <= ZAP_FRAME_MAX ?
	    req_id->len : 0;

	zmq_send(z->sock, "1.0", 3, ZMQ_SNDMORE | ZMQ_DONTWAIT);
	zmq_send(z->sock, req_id != NULL ? req_id->data : NULL, id_len,
	    ZMQ_SNDMORE | ZMQ_DONTWAIT);
	zmq_send(z->sock, code, strlen(code), ZMQ_SNDMORE | ZMQ_DONTWAIT);
	zmq_send(z->sock, text, strlen(text), ZMQ_SNDMORE | ZMQ_DONTWAIT);
	zmq_send(z->sock, user, strlen(user), ZMQ_SNDMORE | ZMQ_DONTWAIT);
	zmq_send(z->sock, "", 0, ZMQ_DONTWAIT);
}

/* Answers one request: 200 for a listed CURVE key, 400 otherwise. */
static void
zap_answer(struct zap *z, const struct zap_frame *f, int n)
{
	static const char hex[] = "0123456789abcdef";
	char user[65], addr[64];
	size_t alen;

	if (n < 6 || !frame_is(&f[0], "1.0")) {
		log_warn(z->lg, "zap: malformed request (%d frames)", n);
		zap_reply(z, n >= 2 ? &f[1] : NULL, "500", "malformed", "");
		return;
	}
	alen = f[3].len < sizeof(addr) - 1 ? f[3].len : sizeof(addr) - 1;
	memcpy(addr, f[3].data, alen);
	addr[alen] = '\0';
	if (!frame_is(&f[5], "CURVE") || n != 7 || f[6].len != 32) {
		log_warn(z->lg, "zap: %s: refused, not a CURVE client",
		    addr);
		zap_reply(z, &f[1], "400", "CURVE required", "");
		return;
	}
	for (int i = 0; i < 32; i++) {
		user[2 * i] = hex[f[6].data[i] >> 4];
		user[2 * i + 1] = hex[f[6].data[i] & 15];
	}
	user[64] = '\0';
	if (!z->allow(z->ctx, f[6].data)) {
		log_warn(z->lg, "zap: %s: refused, key %.16s... is not "
		    "allowed", addr, user);
		zap_reply(z, &f[1], "400", "key not allowed", "");
		return;
	}
	log_info(z->lg, "zap: %s: admitted key %.16s...", addr, user);
	zap_reply(z, &f[1], "200", "OK", user);
}

/* ZMQ_FD is edge-triggered: drain while ZMQ_EVENTS says POLLIN, after
 * every send too (a send can consume the edge). */
static void
zap_on_read(evutil_socket_t fd, short what, void *arg)
{
	struct zap *z = arg;
	struct zap_frame f[ZAP_FRAMES];

	(void)fd;
	(void)what;
	for (int turns = 0; turns < 1024; turns++) {
		int events = 0, n;
		size_t len = sizeof(events);

		if (zmq_getsockopt(z->sock, ZMQ_EVENTS, &events, &len) != 0 ||
		    !(events & ZMQ_POLLIN))
			return;
		n = zap_recv(z, f);
		if (n < 0)
			return;
		zap_answer(z, f, n);
	}
	/* still more after 1024 answers: come back on the next turn */
	event_active(z->ev, EV_READ, 0);
}

struct zap *
zap_new(struct event_base *base, void *zctx, zap_allow_fn allow, void *ctx,
    const struct log *lg, char *err, size_t errlen)
{
	struct zap *z = xcalloc(1, sizeof(*z));
	int linger = 0, fd;
	int64_t max = ZAP_MAX_MSG;
	size_t fdlen = sizeof(fd);

	z->zctx = zctx;
	z->allow = allow;
	z->ctx = ctx;
	z->lg = lg;
	z->sock = zmq_socket(zctx, ZMQ_REP);
	if (z->sock == NULL) {
		fail(err, errlen, "zap: %s", zmq_strerror(errno));
		goto err;
	}
	zmq_setsockopt(z->sock, ZMQ_LINGER, &linger, sizeof(linger));
	/* requests come from libzmq itself over inproc, where no decoder
	 * enforces this; their fields are bounded by the handshakes of
	 * sockets that do (PUBLISHER_MAX_MSG, REPLAY_MAX_FRAME) */
	zmq_setsockopt(z->sock, ZMQ_MAXMSGSIZE, &max, sizeof(max));
	if (zmq_bind(z->sock, ZAP_ENDPOINT) != 0) {
		fail(err, errlen, "zap: cannot bind %s: %s", ZAP_ENDPOINT,
		    zmq_strerror(errno));
		goto err;
	}
	if (zmq_getsockopt(z->sock, ZMQ_FD, &fd, &fdlen) != 0) {
		fail(err, errlen, "zap: %s", zmq_strerror(errno));
		goto err;
	}
	z->ev = event_new(base, fd, EV_READ | EV_PERSIST, zap_on_read, z);
	if (z->ev == NULL || event_add(z->ev, NULL) != 0) {
		fail(err, errlen, "zap: cannot watch its socket");
		goto err;
	}
	return z;
err:
	zap_free(z);
	return NULL;
}

void *
zap_context(const struct zap *z)
{
	return z->zctx;
}

void
zap_free(struct zap *z)
{
	if (z == NULL)
		return;
	if (z->ev != NULL)
		event_free(z->ev);
	if (z->sock != NULL)
		zmq_close(z->sock);
	free(z);
}
