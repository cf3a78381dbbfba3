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
 * A source of kind = sitemap polls a sitemap or sitemap index instead,
 * its URLs the entries (sources_sitemap.c); one that gives site = and no
 * url has its feed found and remembered (sources_site.c).
 *
 * Sources have their own worker pool behind a bounded queue (queue_size):
 * when it is full the poller pauses and page fetches wait.
 *
 * Loop thread only. */
#ifndef NW_SOURCES_H
#define NW_SOURCES_H

#include <stdbool.h>
#include <stddef.h>

#include "config.h"

struct daemon;
struct sources;

/* Starts polling the sources of d->config_path (none without one) and
 * finishes the entries a previous run left pending. NULL with a reason. */
struct sources *sources_new(struct daemon *d, char *err, size_t errlen);

/* SIGHUP: re-reads the sources; adds, removes and updates them. On an
 * error the running sources stay as they are. */
void sources_reload(struct sources *s);

/* Room came in the daemon's pool (after each loop turn): waiting bodies
 * and entries start, polls resume. */
void sources_room(struct sources *s);

/* Jobs the pool takes past queue_size for results of work already under
 * way (pages being fetched, bodies arriving). */
struct config;
size_t sources_slack(const struct config *c);

/* The daemon's retry after a failed turn: the sources whose jobs were
 * rolled back start again from the store. */
void sources_retry(struct sources *s);

/* Stops polling and fetching (the daemon is stopping). */
void sources_stop(struct sources *s);

void sources_free(struct sources *s);

#endif
