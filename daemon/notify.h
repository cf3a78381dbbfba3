/* newswired's side of the systemd notify protocol (sd_notify(3)): READY,
 * STATUS, WATCHDOG, RELOADING and STOPPING datagrams to $NOTIFY_SOCKET.
 * Built with libsystemd it uses sd_notify(); without, a small datagram
 * writer of its own that speaks the same protocol. Without NOTIFY_SOCKET
 * (not started by systemd) every call does nothing.
 *
 * The watchdog and status timers run on the daemon's loop, so a WATCHDOG=1
 * ping proves that the loop turns. Loop thread only. */
#ifndef NW_NOTIFY_H
#define NW_NOTIFY_H

#include <stddef.h>
#include <stdint.h>

struct event_base;
struct notify;

/* Writes the current one-line status (no "STATUS=") into buf. */
typedef void (*notify_status_fn)(void *ctx, char *buf, size_t len);

/* Reads NOTIFY_SOCKET, WATCHDOG_USEC and WATCHDOG_PID. When the watchdog
 * is on, a timer pings at half its period; status, if not NULL, is asked
 * for a new STATUS= line every NOTIFY_STATUS_SECS, sent when it
 * changed. Never fails: without a
 * socket the returned object is inert. */
#define NOTIFY_STATUS_SECS 2
struct notify *notify_new(struct event_base *base, notify_status_fn status,
    void *ctx);

/* Sends READY=1, then the status. */
void notify_ready(struct notify *n);

/* Sends RELOADING=1 with MONOTONIC_USEC=<now>; READY=1 follows through
 * notify_ready() once the reload is done. */
void notify_reloading(struct notify *n);

/* Sends STOPPING=1 and the status "stopping". */
void notify_stopping(struct notify *n);

/* Sends one raw message ("KEY=VALUE\n..."); returns 1 if sent, 0 without
 * a socket, -1 on error. */
int notify_send(struct notify *n, const char *msg);

void notify_free(struct notify *n);

#endif
