/* A ZAP handler (ZeroMQ RFC 27) inside the daemon: a REP socket bound to
 * inproc://zeromq.zap.01 of one ZeroMQ context, serviced on the loop
 * thread. It admits a CURVE client when the allow callback accepts its
 * 32-byte public key and refuses everything else (other mechanisms,
 * malformed requests). ZAP is per context: a context whose server
 * sockets use CURVE needs its own handler, created before they bind. */
#ifndef NW_ZAP_H
#define NW_ZAP_H

#include <stdbool.h>
#include <stddef.h>

struct event_base;
struct log;
struct zap;

/* Called on the loop thread for every CURVE handshake. */
typedef bool (*zap_allow_fn)(void *ctx, const unsigned char key[32]);

/* Binds the handler in zctx. Returns NULL with a reason in err. lg and
 * ctx must outlive the handler. */
struct zap *zap_new(struct event_base *base, void *zctx, zap_allow_fn allow,
    void *ctx, const struct log *lg, char *err, size_t errlen);

/* The context the handler serves. */
void *zap_context(const struct zap *z);

/* Closes the socket; must come before zmq_ctx_term() of its context. */
void zap_free(struct zap *z);

#endif
