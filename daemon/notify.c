#include "notify.h"

#include <errno.h>
#include <limits.h>
#include <event2/event.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "nw_config.h"
#ifdef HAVE_LIBSYSTEMD
#include <systemd/sd-daemon.h>
#endif

#include "util.h"

struct notify {
	bool enabled;           /* NOTIFY_SOCKET is set */
	uint64_t watchdog_usec; /* 0: no watchdog */
	struct event *ev_watchdog;
	struct event *ev_status;
	notify_status_fn status;
	void *ctx;
	char last[256];         /* the last STATUS= sent */
};

#ifndef HAVE_LIBSYSTEMD
/* The protocol without libsystemd: one datagram to the AF_UNIX socket
 * named by NOTIFY_SOCKET (a path, or "@name" for the abstract space). */
static int
notify_write(const char *msg)
{
	const char *path = getenv("NOTIFY_SOCKET");
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	size_t n;
	socklen_t len;
	ssize_t sent;
	int fd;

	if (path == NULL || path[0] == '\0')
		return 0;
	n = strlen(path);
	if ((path[0] != '/' && path[0] != '@') || n >= sizeof(sa.sun_path))
		return -1;
	memcpy(sa.sun_path, path, n);
	if (path[0] == '@')
		sa.sun_path[0] = '\0';
	len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + n);
	fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	sent = sendto(fd, msg, strlen(msg), MSG_NOSIGNAL,
	    (struct sockaddr *)&sa, len);
	close(fd);
	return sent < 0 ? -1 : 1;
}

/* WATCHDOG_USEC, when WATCHDOG_PID is unset or names this process. */
static uint64_t
watchdog_from_env(void)
{
	const char *us = getenv("WATCHDOG_USEC");
	const char *pid = getenv("WATCHDOG_PID");
	long long v, p;

	if (us == NULL)
		return 0;
	if (pid != NULL && (parse_number(pid, 1, INT_MAX, &p, NULL, 0) != 0 ||
	    p != (long long)getpid()))
		return 0;
	if (parse_number(us, 1, LLONG_MAX, &v, NULL, 0) != 0)
		return 0;
	return (uint64_t)v;
}
#endif

int
notify_send(struct notify *n, const char *msg)
{
	if (n == NULL || !n->enabled)
		return 0;
#ifdef HAVE_LIBSYSTEMD
	return sd_notify(0, msg) < 0 ? -1 : 1;
#else
	return notify_write(msg);
#endif
}

static void
status_send(struct notify *n, bool force)
{
	char line[sizeof(n->last)];
	char msg[sizeof(line) + 8];

	if (n->status == NULL || !n->enabled)
		return;
	n->status(n->ctx, line, sizeof(line));
	if (!force && strcmp(line, n->last) == 0)
		return;
	snprintf(n->last, sizeof(n->last), "%s", line);
	snprintf(msg, sizeof(msg), "STATUS=%s", line);
	notify_send(n, msg);
}

static void
on_watchdog(evutil_socket_t fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	notify_send(arg, "WATCHDOG=1");
}

static void
on_status(evutil_socket_t fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	status_send(arg, false);
}

struct notify *
notify_new(struct event_base *base, notify_status_fn status, void *ctx)
{
	struct notify *n = xcalloc(1, sizeof(*n));
	const char *sock = getenv("NOTIFY_SOCKET");
	struct timeval tv = { .tv_sec = NOTIFY_STATUS_SECS };

	n->enabled = sock != NULL && sock[0] != '\0';
	n->status = status;
	n->ctx = ctx;
	if (!n->enabled)
		return n;
#ifdef HAVE_LIBSYSTEMD
	if (sd_watchdog_enabled(0, &n->watchdog_usec) <= 0)
		n->watchdog_usec = 0;
#else
	n->watchdog_usec = watchdog_from_env();
#endif
	if (n->watchdog_usec > 0) {
		uint64_t half = n->watchdog_usec / 2;
		struct timeval wt = {
			.tv_sec = (time_t)(half / 1000000),
			.tv_usec = (suseconds_t)(half % 1000000),
		};

		n->ev_watchdog = event_new(base, -1, EV_PERSIST,
		    on_watchdog, n);
		event_add(n->ev_watchdog, &wt);
	}
	if (status != NULL) {
		n->ev_status = event_new(base, -1, EV_PERSIST, on_status, n);
		event_add(n->ev_status, &tv);
	}
	return n;
}

void
notify_ready(struct notify *n)
{
	if (n == NULL)
		return;
	notify_send(n, "READY=1");
	status_send(n, true);
}

void
notify_reloading(struct notify *n)
{
	struct timespec ts;
	char msg[64];

	clock_gettime(CLOCK_MONOTONIC, &ts);
	snprintf(msg, sizeof(msg), "RELOADING=1\nMONOTONIC_USEC=%llu",
	    (unsigned long long)ts.tv_sec * 1000000ULL +
	    (unsigned long long)ts.tv_nsec / 1000ULL);
	notify_send(n, msg);
}

void
notify_stopping(struct notify *n)
{
	if (n == NULL)
		return;
	notify_send(n, "STOPPING=1\nSTATUS=stopping: finishing the items "
	    "in flight");
	if (n->ev_status != NULL)
		event_del(n->ev_status);
}

void
notify_free(struct notify *n)
{
	if (n == NULL)
		return;
	if (n->ev_watchdog != NULL)
		event_free(n->ev_watchdog);
	if (n->ev_status != NULL)
		event_free(n->ev_status);
	free(n);
}
