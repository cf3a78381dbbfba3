#include "sources_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "commit.h"
#include "daemon_state.h"
#include "event.h"
#include "feeds_store.h"
#include "feeds_work.h"
#include "filter.h"
#include "http/http.h"
#include "http/pages.h"
#include "http/poller.h"
#include "nw_config.h"
#ifdef HAVE_LIBNATS
#include "idents.h"
#endif
#include "metrics.h"
#include "store.h"
#include "workers.h"

/* ---- errors ---- */

/* A source.error event through the commit path; logged: the caller has
 * warned about it already. */
static int
error_item(struct sources *S, const char *name, const char *uri,
    const char *item, const char *reason, bool logged, char *err,
    size_t errlen)
{
	struct commit_item ci = {
		.source = name,
		.kind = "feed",
		.uri = uri,
		.fetched_at = (int64_t)time(NULL),
		.item = item,
		.error = reason,
		.logged = logged,
	};

	return commit_item(S->d->commit, &ci, err, errlen);
}

int
jobs_error(struct sources *S, const char *name, const char *uri,
    const char *item, const char *reason, char *err, size_t errlen)
{
	return error_item(S, name, uri, item, reason, true, err, errlen);
}

/* Its committed line is the failure's one warning. */
void
jobs_publish_error(struct sources *S, const char *name, const char *uri,
    const char *item, const char *reason)
{
	char err[512];

	if (commit_begin(S->d->commit, err, sizeof(err)) != 0)
		goto err;
	if (error_item(S, name, uri, item, reason, false, err,
	    sizeof(err)) != 0) {
		commit_abort(S->d->commit);
		goto err;
	}
	if (commit_end(S->d->commit, err, sizeof(err)) != 0)
		goto err;
	store_log_ok(&S->d->store_log, &S->d->log);
	return;
err:
	sources_store_failed(S, name, err);
}

void
sources_store_failed(struct sources *S, const char *name, const char *err)
{
	char what[640];

	snprintf(what, sizeof(what), "%s: %s", name, err);
	store_log_failed(&S->d->store_log, &S->d->log,
	    store_failed(S->d->store), what, NULL);
}

/* ---- the pool ---- */

static void
inflight_remove(struct sources *S, struct feeds_job *j)
{
	for (size_t i = 0; i < S->n_inflight; i++)
		if (S->inflight[i] == j) {
			S->inflight[i] = S->inflight[--S->n_inflight];
			return;
		}
}

/* Hands j to the daemon's pool: results of work under way (a body, a
 * page) go urgent, into the pool's slack; new work only into its room. */
static bool
pool_submit(struct sources *S, struct feeds_job *j, bool urgent)
{
	struct workers *w = S->d->workers;

	if ((urgent ? workers_submit_urgent(w, j) :
	    workers_submit(w, j)) != 0)
		return false;
	S->inflight = xrealloc(S->inflight, (S->n_inflight + 1) *
	    sizeof(*S->inflight));
	S->inflight[S->n_inflight++] = j;
	return true;
}

/* On a worker: the job's work, and for an article with [cluster]
 * articles its claim on the shared record (idents.h). */
static void
run_job(struct job *job)
{
#ifdef HAVE_LIBNATS
	struct feeds_job *j = (struct feeds_job *)job;
	char id[EVENT_ID_LEN];
#endif

	feeds_work(job, NULL);
#ifdef HAVE_LIBNATS
	if (j->kind != FEEDS_JOB_ENTRY || j->S->idents == NULL ||
	    j->article == NULL || j->error[0] != '\0' ||
	    j->article->content_hash[0] == '\0')
		return;
	event_article_id(j->article, id);
	j->claim = xcalloc(1, sizeof(*j->claim));
	idents_claim(j->S->idents, id, j->article->content_hash, j->source,
	    j->claim);
#endif
}

static int feed_commit(struct job *job, char *err, size_t errlen);
static void feed_after(struct job *job, bool committed);
static int entry_commit(struct job *job, char *err, size_t errlen);
static void entry_after(struct job *job, bool committed);

static struct feeds_job *
job_new(struct sources *S, enum feeds_job_kind kind, const struct src *s)
{
	struct feeds_job *j = xcalloc(1, sizeof(*j));

	j->job.run = run_job;
	j->job.commit = kind == FEEDS_JOB_FEED ? feed_commit : entry_commit;
	j->job.after = kind == FEEDS_JOB_FEED ? feed_after : entry_after;
	j->S = S;
	j->kind = kind;
	j->source = xstrdup(s->c.name);
	j->gen = s->gen;
	j->fetched_at = (int64_t)time(NULL);
	/* a stop raises halt: the work gives up at its next check */
	j->budget.halt = &S->d->halt;
	j->budget_ms = (long)S->d->cfg.job_budget * 1000;
	return j;
}

/* The job's source, if it is still the one the job was made for. */
static struct src *
job_src(struct feeds_job *j)
{
	struct src *s = src_find(j->S, j->source);

	return s != NULL && s->gen == j->gen ? s : NULL;
}

/* ---- feeds ---- */

void
jobs_hold_body(struct sources *S, struct src *s, struct http_response *r,
    const char *child)
{
	struct feeds_job *j;

	if (child != NULL && s->held != NULL && s->held->child == NULL) {
		/* the source's own newer body waits: it goes first, and
		 * this sitemap, still pending, is fetched again after */
		log_debug(&S->d->log, "%s: sitemap %s put back behind the "
		    "index", s->c.name, child);
		sitemap_queue(s, child);
		jobs_pump(S);
		return;
	}
	j = job_new(S, FEEDS_JOB_FEED, s);
	j->body = r->body;
	j->len = r->body_len;
	r->body = NULL;
	j->url = xstrdup(r->final_url ? r->final_url : child ? child :
	    src_url(s));
	j->max_entries = s->c.max_entries;
	memcpy(j->spent, s->spent, sizeof(j->spent));
	j->etag = r->etag ? xstrdup(r->etag) : NULL;
	j->last_modified = r->last_modified ? xstrdup(r->last_modified) :
	    NULL;
	j->sitemap = s->c.sitemap;
	j->max_sitemaps = s->c.max_sitemaps;
	j->child = child != NULL ? xstrdup(child) : NULL;
	if (child == NULL)
		/* the job stores it with its entries */
		s->state_dirty = false;
	if (s->held != NULL) {
		/* superseded: the newer body says what the feed is now (a
		 * sitemap's stays pending in the store: fetched again) */
		log_debug(&S->d->log, "%s: a newer body replaces the one "
		    "waiting", s->c.name);
		feeds_job_free(s->held);
	}
	s->held = j;
	log_debug(&S->d->log, "%s: %zu bytes to parse", s->c.name, j->len);
	jobs_pump(S);
}

void
jobs_feed_body(struct sources *S, struct src *s, struct http_response *r)
{
	jobs_hold_body(S, s, r, NULL);
}

/* A parsed feed: new and changed entries recorded pending, with the
 * validators of the body they came from, in the turn's transaction. */
static int
feed_commit(struct job *job, char *err, size_t errlen)
{
	struct feeds_job *j = (struct feeds_job *)job;
	struct sources *S = j->S;
	struct src *s = job_src(j);
	struct feeds_state st;
	char hash[65];

	if (s == NULL || j->stopped == BUDGET_HALTED)
		return 0;   /* removed or moved meanwhile; or stopping: the
		               body is fetched again at the next start */
	st = (struct feeds_state){
		.url = (char *)src_conf_url(s),  /* only read */
		.moved_url = s->moved_url,
		.etag = j->etag,
		.last_modified = j->last_modified,
	};
	j->n_fresh = 0;
	if (j->error[0] != '\0') {
		if (!s->parse_failed) {
			log_warn(&S->d->log, "%s: %s: %s", s->c.name,
			    j->url, j->error);
			if (jobs_error(S, s->c.name, j->url, j->url,
			    j->error, err, errlen) != 0)
				return -1;
		}
		s->parse_failed = true;
	} else if (s->parse_failed) {
		log_info(&S->d->log, "%s: the feed parses again", s->c.name);
		s->parse_failed = false;
	}
	if (j->n_entries > 0)
		j->fresh = xrealloc(j->fresh, j->n_entries *
		    sizeof(*j->fresh));
	for (size_t i = 0; i < j->n_entries; i++) {
		struct feeds_entry *e = &j->entries[i];
		int rc = feeds_store_entry_hash(S->fs, s->c.name, e->key,
		    hash, err, errlen);

		if (rc < 0)
			return -1;
		if (rc == 1 && strcmp(hash, e->hash) == 0)
			continue;
		if (feeds_store_entry_pending(S->fs, s->c.name, e->key,
		    e->hash, e->json, j->fetched_at, err, errlen) != 0)
			return -1;
		j->fresh[j->n_fresh].i = i;
		j->fresh[j->n_fresh].known = rc == 1;
		j->n_fresh++;
	}
	/* a sitemap of an index keeps its own validators */
	if (j->child == NULL && feeds_store_put_state(S->fs, s->c.name, &st,
	    err, errlen) != 0)
		return -1;
	if (j->sitemap && sitemap_commit(S, s, j, err, errlen) != 0)
		return -1;
	if (j->n_capped > 0 && j->n_children > 0)
		log_warn(&S->d->log, "%s: %zu sitemaps in the index; the "
		    "newest %zu taken (max_sitemaps), %zu left out",
		    s->c.name, j->n_items, j->n_children, j->n_capped);
	else if (j->n_capped > 0)
		log_warn(&S->d->log, "%s: %zu entries in the feed; the newest "
		    "%zu taken (max_entries), %zu left out", s->c.name,
		    j->n_items, j->n_entries, j->n_capped);
	if (j->error[0] == '\0')
		log_debug(&S->d->log, "%s: %zu entries, %zu new or changed",
		    s->c.name, j->n_entries, j->n_fresh);
	return 0;
}

/* After the turn: the feed's validators are the body's, and its new
 * entries go on; after a rollback the poller must not trust the
 * validators of the lost body: the source starts again from the store. */
static void
feed_after(struct job *job, bool committed)
{
	struct feeds_job *j = (struct feeds_job *)job;
	struct sources *S = j->S;
	struct src *s = job_src(j);

	inflight_remove(S, j);
	if (s != NULL && j->stopped == BUDGET_HALTED) {
		s->feed_jobs--;
		log_info(&S->d->log, "%s: %s; the %s is fetched again at "
		    "the next start", s->c.name, j->error, j->sitemap ?
		    "sitemap" : "feed");
	} else if (s != NULL) {
		s->feed_jobs--;
		if (committed && j->child == NULL) {
			if (j->stopped == BUDGET_SPENT)
				memcpy(s->spent, j->body_hash,
				    sizeof(s->spent));
			else
				s->spent[0] = '\0';
			set_str(&s->etag, j->etag);
			set_str(&s->last_modified, j->last_modified);
			sources_lease_state(S, s);
		}
		if (committed && j->child == NULL)
			site_parsed(S, s, j->error[0] == '\0');
		else if (committed)     /* a sitemap done: one fewer to
		                           fetch in the lease's state */
			sources_lease_state(S, s);
		if (committed && j->n_children > 0) {
			sitemap_after(S, s, j);
		} else if (committed) {
			for (size_t i = 0; i < j->n_fresh; i++) {
				struct feeds_entry *e =
				    &j->entries[j->fresh[i].i];

				jobs_entry(S, s, e->key, e->hash, &e->it,
				    j->fresh[i].known);
			}
		} else {
			src_repoll_later(S, s);
			if (j->child != NULL)   /* still pending: again */
				sitemap_queue(s, j->child);
		}
	}
	feeds_job_free(j);
}

/* ---- entries ---- */

static struct feeds_job *
entry_job(struct sources *S, const struct src *s, const struct pend *p)
{
	struct feeds_job *j = job_new(S, FEEDS_JOB_ENTRY, s);

	j->key = xstrdup(p->key);
	j->hash = xstrdup(p->hash);
	feeds_item_copy(&j->it, &p->it);
	j->known = p->known;
	return j;
}

/* The keep and block rules, global then the source's, on a finished
 * article: NULL when it passes, else why not. */
static const char *
entry_blocked(struct sources *S, const struct src *s,
    const struct feeds_job *j)
{
	const struct nw_article *a = j->article;
	const struct filter_subject sub = {
		.title = a->title != NULL ? a->title : j->it.title,
		.url = a->url,
		.link = j->it.link,
		.authors = &a->authors,
		.authors2 = &j->it.authors,
		.categories = &j->it.categories,
		.body = a->body,
		.lang = a->lang,
	};
	const char *why = filter_judge(S->filter, &sub);

	return why != NULL ? why : filter_judge(s->filter, &sub);
}

/* [cluster] articles: the node's store made to say what the shared
 * record says, so the commit path classifies the article as the cluster
 * does (idents.h). */
static int
entry_shared(struct sources *S, const struct feeds_job *j, char *err,
    size_t errlen)
{
#ifdef HAVE_LIBNATS
	char id[EVENT_ID_LEN];

	if (j->claim == NULL || j->article == NULL)
		return 0;
	event_article_id(j->article, id);
	return idents_apply(S->d->store, id, j->claim, j->fetched_at, err,
	    errlen);
#else
	(void)S;
	(void)j;
	(void)err;
	(void)errlen;
	return 0;
#endif
}

/* An entry's article through the commit path, and the entry marked done
 * in the same transaction. An entry already known whose article did not
 * change publishes nothing; an article another entry or source published
 * is a duplicate. */
static int
entry_commit(struct job *job, char *err, size_t errlen)
{
	struct feeds_job *j = (struct feeds_job *)job;
	struct sources *S = j->S;
	struct src *s = job_src(j);
	struct commit_item ci;
	const char *why;

	j->blocked = 0;
	if (s == NULL || j->stopped == BUDGET_HALTED)
		return 0;   /* stopping: the entry stays pending for the
		               next start */
	ci = (struct commit_item){
		.source = s->c.name,
		.kind = j->from_page ? "page" : "feed",
		.uri = j->from_page ? j->page_url : src_url(s),
		.label = j->key,
		.fetched_at = j->fetched_at,
		.article = j->article,
		.item = j->it.link != NULL ? j->it.link : j->key,
		.error = j->error,
		.known = j->known,
	};
	if (j->page_error[0] != '\0') {
		log_warn(&S->d->log, "%s: page: %s; %s", s->c.name,
		    j->page_error, s->c.sitemap ? "nothing published" :
		    "publishing the feed's entry instead");
		if (jobs_error(S, s->c.name, src_url(s), ci.item,
		    j->page_error, err, errlen) != 0)
			return -1;
	}
	if (s->c.sitemap && !j->from_page) {
		/* a sitemap's entry is its page: without one there is no
		 * article (the error said why); done, not tried again */
		if (j->page_error[0] == '\0' && jobs_error(S, s->c.name,
		    src_url(s), ci.item, "no page", err, errlen) != 0)
			return -1;
		return feeds_store_entry_done(S->fs, s->c.name, j->key,
		    j->hash, err, errlen);
	}
	why = j->article != NULL && j->error[0] == '\0' ?
	    entry_blocked(S, s, j) : NULL;
	if (why != NULL) {
		/* not published; done all the same, so not tried again */
		log_debug(&S->d->log, "%s: entry %s blocked: %s", s->c.name,
		    ci.item, why);
		j->blocked = 1;     /* counted if the turn commits */
	} else if (entry_shared(S, j, err, errlen) != 0 ||
	    commit_item(S->d->commit, &ci, err, errlen) != 0) {
		return -1;
	}
	return feeds_store_entry_done(S->fs, s->c.name, j->key, j->hash, err,
	    errlen);
}

/* After a rollback the entry stays pending in the store: the next start
 * finishes it, and the source is polled afresh. */
static void
entry_after(struct job *job, bool committed)
{
	struct feeds_job *j = (struct feeds_job *)job;
	struct src *s = job_src(j);

	inflight_remove(j->S, j);
	if (s != NULL && j->stopped == BUDGET_HALTED) {
		s->entries--;
		log_info(&j->S->d->log, "%s: %s; the entry is made at the "
		    "next start", s->c.name, j->error);
	} else if (s != NULL) {
		s->entries--;
		if (committed && j->blocked)
			metrics_blocked(j->S->d->metrics, s->c.name);
		if (!committed)
			src_repoll_later(j->S, s);
		else if (s->entries == 0 || s->entries % 16 == 0)
			sources_lease_entries(j->S, s);
	}
	feeds_job_free(j);
}

/* ---- waiting entries and their pages ---- */

static void
pend_free(struct pend *p)
{
	if (p == NULL)
		return;
	pages_cancel(p->req);
	free(p->source);
	free(p->key);
	free(p->hash);
	feeds_item_free(&p->it);
	free(p->link);
	free(p);
}

void
jobs_entry(struct sources *S, struct src *s, const char *key,
    const char *hash, const struct feeds_item *it, bool known)
{
	struct pend *p = xcalloc(1, sizeof(*p));

	p->S = S;
	p->source = xstrdup(s->c.name);
	p->gen = s->gen;
	p->key = xstrdup(key);
	p->hash = xstrdup(hash);
	feeds_item_copy(&p->it, it);
	/* a sitemap's entries are pages */
	p->link = (s->c.fetch_pages || s->c.sitemap) && it->link != NULL ?
	    xstrdup(it->link) : NULL;
	p->known = known;
	s->entries++;
	S->pend = xrealloc(S->pend, (S->n_pend + 1) * sizeof(*S->pend));
	S->pend[S->n_pend++] = p;
}

/* The page (or why there is none) and the entry, to the pool at once:
 * the pool's slack holds the results of the pages under way. */
static void
page_done(void *arg, struct http_response *r)
{
	struct pend *p = arg;
	struct sources *S = p->S;
	struct src *s = src_find(S, p->source);
	struct feeds_job *j;

	p->req = NULL;
	if (s == NULL || s->gen != p->gen || S->stopped)
		return;     /* the pump drops it */
	j = entry_job(S, s, p);
	if (r->error == HTTP_OK && r->status >= 200 && r->status < 300) {
		j->page = r->body;
		j->page_len = r->body_len;
		r->body = NULL;
		j->page_url = xstrdup(r->final_url ? r->final_url : p->link);
		if (r->content_type != NULL)
			j->content_type = xstrdup(r->content_type);
		if (r->content_language != NULL)
			j->content_language = xstrdup(r->content_language);
		log_debug(&S->d->log, "%s: page %s: %zu bytes to extract",
		    s->c.name, p->link, j->page_len);
	} else if (r->error == HTTP_OK) {
		snprintf(j->page_error, sizeof(j->page_error),
		    "%s: HTTP status %ld", p->link, r->status);
	} else {
		snprintf(j->page_error, sizeof(j->page_error), "%s: %s",
		    p->link, r->errmsg ? r->errmsg :
		    http_error_name(r->error));
	}
	if (!pool_submit(S, j, true)) {
		/* past the slack too: fetched again when there is room */
		log_warn(&S->d->log, "%s: worker queue full; page %s "
		    "fetched again later", s->c.name, p->link);
		feeds_job_free(j);
		return;
	}
	free(p->link);
	p->link = NULL;
	p->S = NULL;    /* done: the pump drops it */
	jobs_pump(S);
}

static void
page_start(struct sources *S, struct src *s, struct pend *p)
{
	struct http_options o;

	/* the feed's way out (proxy, TLS), pages' too; its host may be
	 * private */
	src_http_options(s, src_conf_url(s), &o);
	p->req = pages_get(S->pages, p->link, &o, page_done, p);
}

/* One waiting entry: true if it leaves the list (handed on, or void). */
static bool
pend_step(struct sources *S, struct pend *p, bool *full)
{
	struct src *s = src_find(S, p->source);
	struct feeds_job *j;

	if (p->S == NULL)
		return true;    /* its page's job is in the pool */
	if (s == NULL || s->gen != p->gen)
		return true;    /* removed with its source */
	if (p->req != NULL || *full)
		return false;
	if (p->link == NULL) {
		j = entry_job(S, s, p);
		if (!pool_submit(S, j, false)) {
			feeds_job_free(j);
			*full = true;
			return false;
		}
		return true;
	}
	if (pages_active(S->pages) >= SOURCES_PAGES_ACTIVE ||
	    workers_room(S->d->workers) == 0) {
		*full = true;
		return false;
	}
	page_start(S, s, p);
	return false;
}

static void
bodies_pump(struct sources *S)
{
	for (size_t i = 0; i < S->n; i++) {
		struct src *s = S->v[i];

		/* one body per source in work, and not before the entries
		 * of the last one are made */
		if (s->held == NULL || s->feed_jobs > 0 || s->entries > 0)
			continue;
		if (!pool_submit(S, s->held, true))
			return;
		s->held = NULL;
		s->feed_jobs++;
	}
}

static void
backpressure(struct sources *S)
{
	bool full = workers_room(S->d->workers) == 0;

	if (S->poller == NULL || full == S->paused)
		return;
	if (full) {
		log_debug(&S->d->log, "sources: worker queue full, polls "
		    "paused");
		metrics_queue_full(S->d->metrics);
		poller_pause(S->poller);
	} else {
		log_debug(&S->d->log, "sources: polls resumed");
		poller_resume(S->poller);
	}
	S->paused = full;
}

void
jobs_pump(struct sources *S)
{
	bool full = false;
	size_t k = 0;

	if (S == NULL || S->stopped)
		return;
	bodies_pump(S);
	for (size_t i = 0; i < S->n_pend; i++) {
		struct pend *p = S->pend[i];

		if (pend_step(S, p, &full)) {
			if (p->S == NULL)
				p->req = NULL;
			pend_free(p);
		} else {
			S->pend[k++] = p;
		}
	}
	S->n_pend = k;
	sitemap_pump(S);
	backpressure(S);
}

void
jobs_drop_source(struct sources *S, struct src *s)
{
	size_t k = 0;

	for (size_t i = 0; i < S->n_pend; i++) {
		struct pend *p = S->pend[i];

		if (strcmp(p->source, s->c.name) == 0)
			pend_free(p);
		else
			S->pend[k++] = p;
	}
	S->n_pend = k;
	feeds_job_free(s->held);
	s->held = NULL;
	s->entries = 0;
	sitemap_drop(s);
}

void
jobs_free_all(struct sources *S)
{
	for (size_t i = 0; i < S->n_pend; i++)
		pend_free(S->pend[i]);
	free(S->pend);
	S->pend = NULL;
	S->n_pend = 0;
	for (size_t i = 0; i < S->n_inflight; i++)
		feeds_job_free(S->inflight[i]);
	free(S->inflight);
	S->inflight = NULL;
	S->n_inflight = 0;
}
