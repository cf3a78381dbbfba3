#include "publisher.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zmq.h>

#include "curve.h"
#include "util.h"

struct publisher {
	void *ctx;
	void *sock;
	uint64_t dropped;       /* sends refused with EAGAIN */
};

struct publisher *
publisher_open(const char *endpoint, int hwm, struct curve *curve,
    char *err, size_t errlen)
{
	struct publisher *p = xcalloc(1, sizeof(*p));
	int linger = 1000;

	p->ctx = zmq_ctx_new();
	if (p->ctx == NULL) {
		fail(err, errlen, "zmq: %s", zmq_strerror(errno));
		goto err;
	}
	p->sock = zmq_socket(p->ctx, ZMQ_PUB);
	if (p->sock == NULL) {
		fail(err, errlen, "zmq: %s", zmq_strerror(errno));
		goto err;
	}
	zmq_setsockopt(p->sock, ZMQ_LINGER, &linger, sizeof(linger));
	zmq_setsockopt(p->sock, ZMQ_SNDHWM, &hwm, sizeof(hwm));
	if (curve_server_setup(curve, p->ctx, p->sock, err, errlen) != 0)
		goto err;
	if (zmq_bind(p->sock, endpoint) != 0) {
		fail(err, errlen, "cannot publish on %s: %s", endpoint,
		    zmq_strerror(errno));
		goto err;
	}
	return p;
err:
	publisher_close(p);
	return NULL;
}

int
publisher_send(struct publisher *p, const char *topic, const char *json,
    char *err, size_t errlen)
{
	if (zmq_send(p->sock, topic, strlen(topic),
	    ZMQ_SNDMORE | ZMQ_DONTWAIT) < 0 ||
	    zmq_send(p->sock, json, strlen(json), ZMQ_DONTWAIT) < 0) {
		if (errno == EAGAIN)
			p->dropped++;
		return fail(err, errlen, "zmq send: %s", zmq_strerror(errno));
	}
	return 0;
}

uint64_t
publisher_dropped(const struct publisher *p)
{
	return p != NULL ? p->dropped : 0;
}

void
publisher_close(struct publisher *p)
{
	if (p == NULL)
		return;
	if (p->sock != NULL)
		zmq_close(p->sock);
	if (p->ctx != NULL)
		zmq_ctx_term(p->ctx);
	free(p);
}
