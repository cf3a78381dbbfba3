/* The libnats connection options of [output.nats] (servers, credentials
 * or nkey, TLS), shared by the JetStream output and the source leases.
 * Built with libnats only. */
#ifndef NW_NATS_CONN_H
#define NW_NATS_CONN_H

#include <nats/nats.h>
#include <stddef.h>

struct config;

/* New options for c's servers, the connection named "newswired USE"
 * (what it is for, as the servers' connection lists show it: output,
 * leases, articles, cluster-feed, inbox); 0, or -1 with a reason in
 * err. */
int nats_conn_options(const struct config *c, const char *use,
    natsOptions **opts, char *err, size_t errlen);

#endif
