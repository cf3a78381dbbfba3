/* Inside the feed sources (sources.h), shared by its files:
 *   sources.c       the registry: sources added, updated, removed (SIGHUP),
 *                   their stored state, the poller's callbacks;
 *   sources_jobs.c  the work: a feed body parsed and its new entries
 *                   recorded, each entry's page fetched (pages.h) and its
 *                   article made, all as jobs of the daemon's one pool
 *                   (job.h) committed through the commit path (commit.h);
 *   sources_site.c  site = URL: the feed found on the site, remembered,
 *                   and found again when it goes away;
 *   sources_sitemap.c  kind = sitemap: a sitemap's URLs as entries, and
 *                   the sitemaps of an index fetched one after the other;
 * The sources' configuration is config.h's (config_source.c).
 * Loop thread only. */
#ifndef NW_SOURCES_INT_H
#define NW_SOURCES_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "feeds_work.h"

struct daemon;
struct sources;

/* Page requests under way at once (the HTTP client queues them per
 * host); more entries wait in the list. */
#define SOURCES_PAGES_ACTIVE 64
/* A page that fails for a passing reason is tried this many times in all,
 * [http] backoff apart and doubling (or as Retry-After says, capped);
 * then the entry is published from the feed alone. */
#define SOURCES_PAGE_TRIES 3
#define SOURCES_PAGE_WAIT_MAX_MS 600000L
/* The entries published that travel with a source's lease, at most (the
 * most recently changed): more than a feed document holds. */
#define SOURCES_LEASE_ENTRIES 1000
/* The sitemaps still to fetch that travel with an index's lease, at
 * most. */
#define SOURCES_LEASE_SITEMAPS 500

struct feeds_job;
struct filter;
struct http_response;
struct page_req;

struct kid_fetch;

/* One running source. */
struct src {
	struct sources *S;       /* the owner */
	struct source_conf c;
	uint64_t gen;            /* jobs of an older generation are void */
	char *moved_url;
	char *etag;
	char *last_modified;
	int feed_jobs;           /* bodies being parsed: at most one */
	struct feeds_job *held;  /* the newest body come meanwhile */
	size_t entries;          /* entries queued or being made */
	bool state_dirty;        /* validators or move not yet stored */
	bool parse_failed;       /* the last body did not parse */
	bool repoll;             /* at the retry: src_repoll_later() */
	char spent[65];          /* the hash of a body that went over its
	                            time budget: not parsed again; "" */
	const char **headers;    /* c.headers, NULL-terminated */
	struct filter *filter;   /* c.keep, c.block; NULL: none */
	/* kind = sitemap: the sitemaps an index listed, to fetch one at a
	 * time, in order (sources_sitemap.c) */
	struct strlist kids;
	size_t kid_next;
	struct kid_fetch *kid;   /* the one being fetched */
	/* site = instead of url =: its feed found (sources_site.c) */
	struct discover *disc;   /* a search under way */
	struct event *disc_timer; /* the next try after none was found */
	int disc_fails;          /* searches in a row that found none */
	bool disc_done;          /* searched since the feed last worked */
};

/* An entry to make into an article: waiting for room in the pool, or for
 * its page. */
struct pend {
	struct sources *S;
	char *source;
	uint64_t gen;
	char *key;
	char *hash;
	struct feeds_item it;
	char *link;                /* NULL: from the entry alone */
	bool known;                /* the entry was committed before */
	struct page_req *req;      /* its page is being fetched */
};

struct sources {
	struct daemon *d;
	struct leases *leases;      /* [cluster] leases: NULL = poll all */
	struct idents *idents;      /* [cluster] articles: NULL = local */
	struct feeds_store *fs;
	struct http_client *http;
	struct pages *pages;
	struct poller *poller;
	struct src **v;
	size_t n;
	uint64_t next_gen;
	/* every job in the pool (freed at exit) */
	struct feeds_job **inflight;
	size_t n_inflight;
	/* entries waiting, oldest first: at most the entries of one feed
	 * document per source (sources.h) */
	struct pend **pend;
	size_t n_pend;
	bool paused;
	bool stopped;
	struct filter *filter;   /* [filter]: every source's; NULL: none */
};

struct http_options;

/* sources.c */
struct src *src_find(struct sources *S, const char *name);
const char *src_url(const struct src *s);
/* The URL as configured: url, else site. */
const char *src_conf_url(const struct src *s);
/* site = without url =: the feed is discovered (sources_site.c). */
bool src_is_site(const struct src *s);
/* The source's fetch options for a request other than its poll (an
 * entry's page, a sitemap, a feed search): headers, user agent, time
 * limits, body cap, proxy, TLS check; origin is the URL whose host may
 * be private. Pointers into s: valid while s is. */
void src_http_options(const struct src *s, const char *origin,
    struct http_options *o);
/* The source's URL, moved URL and validators stored, in a transaction
 * of their own. */
void persist_state(struct sources *S, struct src *s);
void src_repoll(struct sources *S, struct src *s);
/* After a rolled-back turn: the poller forgets the source at once (its
 * validators may be those of the lost body); it starts again from the
 * store at the daemon's retry (sources_retry()), not in a loop against a
 * store that cannot write. */
void src_repoll_later(struct sources *S, struct src *s);
/* The source's validators go with its lease ([cluster] leases), with
 * its moved URL and an index's sitemaps still to fetch. */
void sources_lease_state(struct sources *S, struct src *s);
/* So do the entries published (the last ones, SOURCES_LEASE_ENTRIES). */
void sources_lease_entries(struct sources *S, struct src *s);
void set_str(char **field, const char *v);

/* sources_jobs.c */
/* A 2xx body of source s: parsed on a worker (or held, newest only, while
 * the last one is in work). */
void jobs_feed_body(struct sources *S, struct src *s,
    struct http_response *r);
/* An entry to publish: through its page, or from the entry itself. */
void jobs_entry(struct sources *S, struct src *s, const char *key,
    const char *hash, const struct feeds_item *it, bool known);
/* Starts what waits while the pool has room; pauses or resumes polls. */
void jobs_pump(struct sources *S);
/* Forgets the waiting entries and held body of a source. */
void jobs_drop_source(struct sources *S, struct src *s);
/* Journals a source.error event in the open transaction; the caller has
 * logged the failure (once per change of state). */
int jobs_error(struct sources *S, const char *name, const char *uri,
    const char *item, const char *reason, char *err, size_t errlen);
/* A failure outside a turn: its own transaction, then published; its
 * committed line is the failure's warning. */
void jobs_publish_error(struct sources *S, const char *name,
    const char *uri, const char *item, const char *reason);
/* Frees what is waiting and the jobs left in the pool (at exit). */
void jobs_free_all(struct sources *S);
/* A 2xx body of source s (child: the URL of a sitemap its index listed,
 * NULL: its own) to parse: held until the source's last one is done. */
void jobs_hold_body(struct sources *S, struct src *s,
    struct http_response *r, const char *child);

/* sources_site.c (site = instead of url =) */
/* Searches the site for its feed; polls it once found. */
void site_discover(struct sources *S, struct src *s);
/* A poll's status: a feed gone (404, 410) is searched for again. */
void site_polled(struct sources *S, struct src *s, long status);
/* The feed's body parsed (feed) or did not: no feed any more, it is
 * searched for again. */
void site_parsed(struct sources *S, struct src *s, bool feed);
/* Stops a search and its timer. */
void site_drop(struct src *s);

/* sources_sitemap.c (kind = sitemap) */
/* In the feed job's transaction: an index's new or changed sitemaps
 * pending (into j->fresh), or a sitemap's validators stored. */
int sitemap_commit(struct sources *S, struct src *s, struct feeds_job *j,
    char *err, size_t errlen);
/* After the commit: the index's sitemaps queued for fetching. */
void sitemap_after(struct sources *S, struct src *s, struct feeds_job *j);
/* The sitemaps left pending by the last run, queued. */
int sitemap_start(struct sources *S, struct src *s, char *err,
    size_t errlen);
/* Queues a sitemap of source s, unless it waits in the queue already. */
void sitemap_queue(struct src *s, const char *url);
/* Starts the next sitemap of each source that is idle. */
void sitemap_pump(struct sources *S);
/* Cancels the fetch under way and forgets the queue. */
void sitemap_drop(struct src *s);
/* A write of source name's to the store failed with err: logged once per
 * change of state (store_log.h). */
void sources_store_failed(struct sources *S, const char *name,
    const char *err);

#endif
