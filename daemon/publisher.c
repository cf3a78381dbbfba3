#include "publisher.h"

#include <errno.h>
#include <event2/event.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <zmq.h>

#include "curve.h"
#include "log.h"
#include "util.h"

/* Subscription messages read per loop turn. */
#define PUB_RECV_MAX 256
/* Connections tracked by descriptor: higher descriptors are not counted
 * (their subscriptions are still bounded in size). */
#define PUB_MAX_FD 65536
#define PUB_STR2(x) #x
#define PUB_STR(x) PUB_STR2(x)

/* One connection's subscriptions, found by the descriptor ZeroMQ gives
 * (ZMQ_SRCFD). The peer address tells a reused descriptor from the
 * connection that had it before. */
struct pub_peer {
	struct sockaddr_storage addr;
	socklen_t addr_len;
	size_t subs;
	bool warned;
};

struct publisher {
	void *ctx;
	void *sock;
	struct event *ev;
	struct curve *curve;
	const struct log *lg;
	struct pub_peer *peers;   /* indexed by descriptor */
	size_t n_peers;
	uint64_t dropped;       /* sends refused with EAGAIN */
	uint64_t refused;       /* subscription messages refused */
	char endpoint[256];     /* as bound: a port of * the kernel's pick */
};

static void on_sock(evutil_socket_t fd, short what, void *arg);

/* The peer of descriptor fd, reset when it is a new connection; NULL
 * when fd is out of range or not a socket any more. */
static struct pub_peer *
pub_peer(struct publisher *p, int fd)
{
	struct sockaddr_storage a;
	socklen_t alen = sizeof(a);
	struct pub_peer *e;

	if (fd < 0 || fd >= PUB_MAX_FD)
		return NULL;
	memset(&a, 0, sizeof(a));
	if (getpeername(fd, (struct sockaddr *)&a, &alen) != 0)
		return NULL;
	if ((size_t)fd >= p->n_peers) {
		size_t n = (size_t)fd + 64;

		p->peers = xrealloc(p->peers, n * sizeof(*p->peers));
		memset(p->peers + p->n_peers, 0,
		    (n - p->n_peers) * sizeof(*p->peers));
		p->n_peers = n;
	}
	e = &p->peers[fd];
	if (e->addr_len != alen || memcmp(&e->addr, &a, alen) != 0) {
		memset(e, 0, sizeof(*e));
		e->addr = a;
		e->addr_len = alen;
	}
	return e;
}

static void
pub_refuse(struct publisher *p, struct pub_peer *e, const char *why)
{
	p->refused++;
	if (e != NULL && e->warned)
		return;
	if (e != NULL)
		e->warned = true;
	log_warn(p->lg, "publish: a subscription refused: %s (logged once "
	    "per connection)", why);
}

/* Applies one message a subscriber sent: a subscription (1 + prefix) or
 * an unsubscription (0 + prefix), within the limits; anything else is
 * refused. ZeroMQ gives the descriptor (ZMQ_SRCFD) of the connection
 * that sent it; the unsubscriptions it makes itself when a connection
 * ends come with none (-1): they only reach the socket. */
static void
pub_handle(struct publisher *p, zmq_msg_t *m)
{
	const unsigned char *d = zmq_msg_data(m);
	size_t len = zmq_msg_size(m);
	int fd = zmq_msg_get(m, ZMQ_SRCFD);
	const char *user = zmq_msg_gets(m, "User-Id");
	struct pub_peer *e = pub_peer(p, fd);

	if (user != NULL && *user != '\0')
		curve_track(p->curve, fd, user);
	if (len == 0 || (d[0] != 0 && d[0] != 1)) {
		pub_refuse(p, e, "not a subscription");
		return;
	}
	if (len - 1 > PUBLISHER_MAX_TOPIC) {
		pub_refuse(p, e, "prefix over " PUB_STR(PUBLISHER_MAX_TOPIC)
		    " bytes");
		return;
	}
	if (d[0] == 0) {
		zmq_setsockopt(p->sock, ZMQ_UNSUBSCRIBE, d + 1, len - 1);
		if (e != NULL && e->subs > 0)
			e->subs--;
		return;
	}
	if (e != NULL && e->subs >= PUBLISHER_MAX_SUBS) {
		pub_refuse(p, e, "over " PUB_STR(PUBLISHER_MAX_SUBS)
		    " subscriptions on one connection");
		return;
	}
	zmq_setsockopt(p->sock, ZMQ_SUBSCRIBE, d + 1, len - 1);
	if (e != NULL)
		e->subs++;
}

/* ZMQ_FD is edge-triggered: after a send, look again (the send may have
 * taken the edge of a subscription waiting). */
static void
pub_recheck(struct publisher *p)
{
	int events = 0;
	size_t len = sizeof(events);

	if (p->ev != NULL &&
	    zmq_getsockopt(p->sock, ZMQ_EVENTS, &events, &len) == 0 &&
	    (events & ZMQ_POLLIN))
		event_active(p->ev, EV_READ, 0);
}

static void
on_sock(evutil_socket_t fd, short what, void *arg)
{
	struct publisher *p = arg;

	(void)fd;
	(void)what;
	for (int n = 0; n < PUB_RECV_MAX; n++) {
		zmq_msg_t m;

		zmq_msg_init(&m);
		if (zmq_msg_recv(&m, p->sock, ZMQ_DONTWAIT) < 0) {
			zmq_msg_close(&m);
			return;
		}
		pub_handle(p, &m);
		zmq_msg_close(&m);
	}
	/* more waiting: the next turn, so the loop is not held */
	event_active(p->ev, EV_READ, 0);
}

/* An XPUB in manual mode: the subscriptions come to us and are applied
 * only when they fit (a PUB applies whatever arrives). */
static int
pub_socket(struct publisher *p, struct event_base *base, int hwm,
    char *err, size_t errlen)
{
	int linger = 1000, one = 1, fd;
	int64_t max = PUBLISHER_MAX_MSG;
	size_t fdlen = sizeof(fd);

	p->sock = zmq_socket(p->ctx, ZMQ_XPUB);
	if (p->sock == NULL)
		return fail(err, errlen, "zmq: %s", zmq_strerror(errno));
	zmq_setsockopt(p->sock, ZMQ_LINGER, &linger, sizeof(linger));
	zmq_setsockopt(p->sock, ZMQ_SNDHWM, &hwm, sizeof(hwm));
	if (zmq_setsockopt(p->sock, ZMQ_MAXMSGSIZE, &max, sizeof(max)) != 0 ||
	    zmq_setsockopt(p->sock, ZMQ_XPUB_MANUAL, &one,
	    sizeof(one)) != 0 ||
	    zmq_getsockopt(p->sock, ZMQ_FD, &fd, &fdlen) != 0)
		return fail(err, errlen, "zmq: %s", zmq_strerror(errno));
	if (base == NULL)
		return 0;
	p->ev = event_new(base, fd, EV_READ | EV_PERSIST, on_sock, p);
	if (p->ev == NULL || event_add(p->ev, NULL) != 0)
		return fail(err, errlen, "publish: cannot watch the socket");
	return 0;
}

struct publisher *
publisher_open(struct event_base *base, const char *endpoint, int hwm,
    struct curve *curve, const struct log *lg, char *err, size_t errlen)
{
	struct publisher *p = xcalloc(1, sizeof(*p));
	size_t len;

	p->curve = curve;
	p->lg = lg;
	p->ctx = zmq_ctx_new();
	if (p->ctx == NULL) {
		fail(err, errlen, "zmq: %s", zmq_strerror(errno));
		goto err;
	}
	if (pub_socket(p, base, hwm, err, errlen) != 0)
		goto err;
	if (curve_server_setup(curve, p->ctx, p->sock, err, errlen) != 0)
		goto err;
	if (zmq_bind(p->sock, endpoint) != 0) {
		int e = errno;

		fail(err, errlen, "cannot publish on %s: %s%s", endpoint,
		    zmq_strerror(e), e == EADDRINUSE ? " (another newswired "
		    "running? choose another endpoint with --publish or "
		    "[publish] endpoint)" : "");
		goto err;
	}
	/* what it bound: the port the kernel chose for a * */
	len = sizeof(p->endpoint);
	if (zmq_getsockopt(p->sock, ZMQ_LAST_ENDPOINT, p->endpoint, &len)
	    != 0)
		snprintf(p->endpoint, sizeof(p->endpoint), "%s", endpoint);
	return p;
err:
	publisher_close(p);
	return NULL;
}

const char *
publisher_endpoint(const struct publisher *p)
{
	return p->endpoint;
}

int
publisher_send(struct publisher *p, const char *topic, const char *json,
    char *err, size_t errlen)
{
	int rc = 0;

	if (zmq_send(p->sock, topic, strlen(topic),
	    ZMQ_SNDMORE | ZMQ_DONTWAIT) < 0 ||
	    zmq_send(p->sock, json, strlen(json), ZMQ_DONTWAIT) < 0) {
		if (errno == EAGAIN)
			p->dropped++;
		rc = fail(err, errlen, "zmq send: %s", zmq_strerror(errno));
	}
	pub_recheck(p);
	return rc;
}

uint64_t
publisher_dropped(const struct publisher *p)
{
	return p != NULL ? p->dropped : 0;
}

uint64_t
publisher_refused(const struct publisher *p)
{
	return p != NULL ? p->refused : 0;
}

void
publisher_close(struct publisher *p)
{
	if (p == NULL)
		return;
	if (p->ev != NULL)
		event_free(p->ev);
	if (p->sock != NULL)
		zmq_close(p->sock);
	if (p->ctx != NULL)
		zmq_ctx_term(p->ctx);
	free(p->peers);
	free(p);
}
