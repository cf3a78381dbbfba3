/* The HTTP client's address policy (http_addr.c). */
#ifndef NW_HTTP_ADDR_H
#define NW_HTTP_ADDR_H

#include <stdbool.h>

/* True for an address (IPv4 or IPv6 text, brackets and zone allowed)
 * that requests may not reach unless allow_private: loopback, private,
 * shared, link-local, multicast, unspecified, reserved and
 * documentation ranges, IPv4-mapped and NAT64 forms of them, and any
 * text that is not an address. Without allow_private, every request
 * (each hop of a redirect chain, checked on the address actually
 * connected) is refused with HTTP_ERR_PRIVATE when its address is one,
 * unless its host:port is that of its origin (http_options): a source
 * configured on such an address may reach that same host. Behind a
 * proxy only a literal address in the URL can be checked. */
bool http_addr_private(const char *ip);

/* True when the host of key ("host:port", as the client's host keys) is
 * a literal address that http_addr_private() refuses; a name is not (it
 * is resolved by someone else: a proxy). */
bool http_key_private(const char *key);

#endif
