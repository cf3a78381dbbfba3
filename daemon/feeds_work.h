/* The worker side of the feed sources: jobs that sources.c (loop thread)
 * hands to its worker pool and takes back. A job is touched by one thread
 * at a time: filled on the loop, run on a worker, read on the loop.
 *
 * FEEDS_JOB_FEED: a feed body in, its entries out (key, the entry, its
 *   stored JSON and hash), the newest max_entries, each key once, in
 *   n log n; the loop never parses.
 * FEEDS_JOB_ENTRY: an entry and maybe its page body in, an article out,
 *   through pipeline_entry() (pipeline/entry.h): the page through the
 *   pipeline, the entry filling what it lacks; without a page (or when
 *   the page yields nothing) the entry's own HTML through the same
 *   extractor and enrichment. */
#ifndef NW_FEEDS_WORK_H
#define NW_FEEDS_WORK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "article.h"
#include "budget.h"
#include "date.h"
#include "job.h"
#include "util.h"

struct ident_claim;
struct sources;

enum feeds_job_kind {
	FEEDS_JOB_FEED,
	FEEDS_JOB_ENTRY,
};

/* An entry as the daemon keeps it between its feed and its article, in
 * memory: owned strings, no JSON between the stages. The JSON form is for
 * the store only (an entry pending across a restart). */
struct feeds_item {
	char *guid, *title, *link, *summary, *content, *image, *feed_title;
	struct nw_time published, updated;
	struct strlist authors;
	struct strlist categories;  /* for keep/block rules (filter.h) */
	char *lang;                 /* a sitemap's news:language: fills the
	                               article's when it has none */
};

struct feeds_entry {
	char *key;              /* guid, else link, else "sha256:" hash */
	char hash[65];          /* of json */
	char *json;             /* what the entry says, for the store */
	struct feeds_item it;
};

/* A new or changed entry of a committed feed, to publish after. */
struct feeds_fresh {
	size_t i;               /* in entries */
	int known;              /* committed before (changed) */
};

/* A sitemap a sitemap index lists (sources_sitemap.c). */
struct feeds_child {
	char *url;
	char *lastmod;          /* as written, NULL: none */
};

struct feeds_job {
	struct job job;         /* first: the pool's view (job.h) */
	struct sources *S;      /* the owner's, on the loop thread */
	enum feeds_job_kind kind;
	char *source;           /* the source's name */
	uint64_t gen;           /* the source's generation when queued */
	int64_t fetched_at;
	/* FEED in: the body (owned), the URL it came from, its validators */
	char *body;
	size_t len;
	char *url;
	char *etag;
	char *last_modified;
	size_t max_entries;     /* taken from one document, the newest */
	/* FEED in, of a sitemap source: the body is a sitemap (sitemap.h)
	 * of at most max_input bytes inflated; child: the URL of a sitemap
	 * an index listed (NULL: the source's own document) */
	int sitemap;
	size_t max_input;
	size_t max_sitemaps;    /* of an index, the newest taken */
	char *child;
	/* FEED out, of a sitemap index: the sitemaps, newest first */
	struct feeds_child *children;
	size_t n_children;
	long budget_ms;         /* the work's time, from its start; 0:
	                           none */
	char spent[65];         /* a body of this hash went over its
	                           budget before: not parsed again; "" */
	char body_hash[65];     /* FEED out: the body's */
	struct budget budget;   /* its halt set by the loop; the worker
	                           sets its deadline */
	/* FEED out */
	struct feeds_entry *entries;
	size_t n_entries;
	char *feed_title;
	size_t n_items;         /* in the document */
	size_t n_capped;        /* left out past max_entries */
	enum budget_state stopped; /* the work gave up (error says why):
	                           HALTED, nothing is kept; SPENT, an
	                           error like a body that does not parse */
	/* FEED, on the loop thread: the entries to publish */
	struct feeds_fresh *fresh;
	size_t n_fresh;
	/* ENTRY in: the entry; the page (owned, NULL: none) or why it could
	 * not be fetched (page_error) */
	char *key;
	char *hash;
	struct feeds_item it;
	char *page;
	size_t page_len;
	char *page_url;
	char *content_type;
	char *content_language;
	char page_error[256];
	int known;              /* the entry was committed before */
	int blocked;            /* refused by a keep/block rule (counted
	                           once its transaction commits) */
	/* ENTRY out: the article and whether the page made it */
	struct nw_article *article;
	int from_page;
	/* ENTRY out, [cluster] articles: the shared record as claimed on
	 * the worker (idents.h); NULL: none */
	struct ident_claim *claim;
	/* FEED or ENTRY: why it failed ("" if it did not) */
	char error[256];
};

/* The pool's run function. */
void feeds_work(void *job, void *arg);
/* A FEED job of a sitemap source (sources_sitemap.c): its entries, the
 * newest first, or the sitemaps of an index. */
void feeds_work_sitemap(struct feeds_job *j);

/* On a worker: whether the job's budget stops its work (the daemon
 * stopping, or its time spent), j->stopped and j->error then saying why
 * and while doing what; asked every BUDGET_EVERY entries. */
bool feeds_work_stops(struct feeds_job *j, const char *what);

void feeds_job_free(struct feeds_job *j);

struct nw_entry;

void feeds_item_free(struct feeds_item *it);
void feeds_item_copy(struct feeds_item *dst, const struct feeds_item *src);
/* The pipeline's view of it (entry.h), borrowing its strings. */
void feeds_item_view(const struct feeds_item *it, struct nw_entry *e);
/* The stored form, and back: 0, or -1 if json is not an entry. */
char *feeds_item_json(const struct feeds_item *it);
int feeds_item_from_json(const char *json, struct feeds_item *it);

#endif
