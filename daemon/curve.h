/* CURVE on the daemon's server sockets (the PUB and the replay ROUTER).
 *
 * The server key pair lives in the state folder: STATE/curve.key holds
 * the secret key (Z85, mode 0600, created on first start, reused after)
 * and STATE/curve.pub the public key that subscribers need. The public
 * keys of the admitted clients are files in [publish] curve_clients, one
 * Z85 key per file ('#' lines are comments), read at start and on
 * SIGHUP. A ZAP handler per ZeroMQ context (zap.h) admits only them.
 *
 * Binding a ZeroMQ endpoint that is not loopback (or ipc/inproc) without
 * CURVE fails unless [publish] allow_plaintext_remote = yes, which logs a
 * warning. */
#ifndef NW_CURVE_H
#define NW_CURVE_H

#include <stdbool.h>
#include <stddef.h>

struct config;
struct curve;
struct event_base;
struct log;

#define CURVE_Z85_LEN 40        /* a 32-byte key in Z85 */

/* Checks the endpoints against the plaintext rule, then (when curve is
 * on) loads or creates the server key pair in cfg->state and reads the
 * client keys. Returns NULL with a reason in err. lg and base must
 * outlive it. The result is also valid with curve off: then
 * curve_server_setup() does nothing. */
struct curve *curve_new(struct event_base *base, const struct config *cfg,
    const struct log *lg, char *err, size_t errlen);

/* Makes zsock (a socket of context zctx, not bound yet) a CURVE server
 * with the daemon's key, served by a ZAP handler in zctx (created on
 * first use of that context). A no-op with curve off or c NULL. Returns
 * 0, or -1 with a reason in err. */
int curve_server_setup(struct curve *c, void *zctx, void *zsock, char *err,
    size_t errlen);

/* Re-reads the client keys from dir (SIGHUP) and ends the open
 * connections (curve_track) of keys no longer listed. On an unreadable
 * folder the keys in use stay. */
void curve_reload(struct curve *c, const char *dir);

/* Remembers that the connection on descriptor fd (ZMQ_SRCFD of a
 * message it sent) authenticated as user (its "User-Id": the hex key the
 * ZAP handler returned). curve_reload() ends the connections whose key
 * it removes. A no-op with curve off or c NULL. */
void curve_track(struct curve *c, int fd, const char *user);

/* Client keys admitted now. */
size_t curve_n_clients(const struct curve *c);

/* True when endpoint can only be reached from this host. */
bool curve_endpoint_local(const char *endpoint);

/* Reads the first Z85 key of a key file (40 characters on a line of its
 * own; '#' lines skipped) into key (41 bytes). Returns 0, or -1 with a
 * reason in err. */
int curve_read_keyfile(const char *path, char key[CURVE_Z85_LEN + 1],
    char *err, size_t errlen);

/* Writes a fresh key pair: the secret key into secret_path (mode 0600,
 * never over an existing file) and the public key into public_path.
 * Returns 0, or -1 with a reason in err. */
int curve_write_keypair(const char *secret_path, const char *public_path,
    char *err, size_t errlen);

/* Closes the ZAP handlers; call before the sockets' contexts end. */
void curve_free(struct curve *c);

#endif
