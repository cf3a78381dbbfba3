/* Feed sources over HTTP: the [source "NAME"] sections of the
 * configuration, polled through the HTTP client and poller
 * (fetchers/http) on the daemon's loop. Each 200 body is parsed on a
 * worker; entries are known by guid, else link, else a hash; a new or
 * changed entry is recorded pending with the feed's validators in one
 * transaction, then becomes an article (from its page when fetch_pages is
 * on, else from the entry) on a worker, and its event is journalled in
 * the transaction that marks the entry done. Failures are published as
 * source.error.NAME events and logged once per change of state.
 *
 * Sources have their own worker pool behind a bounded queue (queue_size):
 * when it is full the poller pauses and page fetches wait.
 *
 * Loop thread only. */
#ifndef NW_SOURCES_H
#define NW_SOURCES_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

struct daemon;
struct sources;

/* One configured source. */
struct source_conf {
	char *name;
	char *url;
	long interval_ms;        /* [900 s] */
	bool fetch_pages;        /* [no] */
	char *user_agent;        /* NULL: [http] user_agent */
	struct strlist headers;  /* "Name: value" */
	long connect_timeout_ms; /* 0: [http] */
	long timeout_ms;
	size_t max_body;
};

struct source_list {
	struct source_conf *v;
	size_t n;
};

/* Reads the source sections of the INI file at path (other sections are
 * config.c's). Returns 0, or -1 with "PATH:LINE: reason" in err. */
int sources_config_load(const char *path, struct source_list *l, char *err,
    size_t errlen);
void source_list_free(struct source_list *l);

/* Starts polling the sources of d->config_path (none without one) and
 * finishes the entries a previous run left pending. NULL with a reason. */
struct sources *sources_new(struct daemon *d, char *err, size_t errlen);

/* SIGHUP: re-reads the sources; adds, removes and updates them. On an
 * error the running sources stay as they are. */
void sources_reload(struct sources *s);

/* Stops polling and fetching (the daemon is stopping). */
void sources_stop(struct sources *s);

void sources_free(struct sources *s);

#endif
