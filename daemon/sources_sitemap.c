/* Sources of kind = sitemap. The poller fetches the source's URL as it
 * does a feed's (conditional GET, politeness, backoff); the body is a
 * sitemap (sitemap.h), parsed on a worker:
 *
 * - a <urlset>: each URL is an entry keyed by its address, the newest
 *   first (news date, else lastmod), at most max_entries; the news title,
 *   date, language and publication name (else lastmod) fill what the
 *   page lacks. Entries go the feeds' way (sources_jobs.c): pending in
 *   the store with the validators of the body, their pages fetched, done
 *   with their article, so a URL is published once across restarts.
 * - a <sitemapindex>: the sitemaps it lists, newest lastmod first (at
 *   most max_sitemaps), that are new, changed (another lastmod, or none
 *   given) or still pending are marked pending in the store and queued on
 *   the source. They are fetched one at a time, with the validators kept
 *   for each, once the source is idle (no body waiting or parsed, no
 *   entry being made): a 200 body is parsed as above and its entries and
 *   validators stored in one transaction; a 304 marks it done; a failure
 *   is a source.error and it stays pending (fetched again at the next
 *   change of the index or the next start).
 *
 * Sitemaps may live on another host than the index (a CDN): the
 * source's credentials and cookie go only to its own scheme, host and
 * port; its proxy, headers and TLS choice go everywhere. */
#include "sources_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "daemon_state.h"
#include "feeds_store.h"
#include "feeds_work.h"
#include "hash.h"
#include "http/http.h"
#include "http/pages.h"
#include "sitemap/sitemap.h"
#include "store.h"
#include "store_log.h"
#include "workers.h"

/* ---- on a worker: the body parsed ---- */

struct pos {
	size_t i;
	const struct sitemap_url *u;
};

static int
pos_loc(const void *a, const void *b)
{
	const struct pos *x = a, *y = b;
	int c = strcmp(x->u->loc, y->u->loc);

	if (c != 0)
		return c;
	return x->i < y->i ? -1 : x->i > y->i;
}

/* Newest first, undated last, then in document order. */
static int
pos_newest(const void *a, const void *b)
{
	const struct pos *x = a, *y = b;
	const struct nw_time *tx = sitemap_url_time(x->u);
	const struct nw_time *ty = sitemap_url_time(y->u);

	if ((tx != NULL) != (ty != NULL))
		return tx != NULL ? -1 : 1;
	if (tx != NULL && tx->utc != ty->utc)
		return tx->utc > ty->utc ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

/* The records, each address once (its first), newest first. */
static struct pos *
sitemap_order(const struct sitemap *sm, size_t *n)
{
	struct pos *v = xcalloc(sm->n ? sm->n : 1, sizeof(*v));
	size_t k = 0;

	for (size_t i = 0; i < sm->n; i++)
		v[i] = (struct pos){ .i = i, .u = &sm->v[i] };
	qsort(v, sm->n, sizeof(*v), pos_loc);
	for (size_t i = 0; i < sm->n; i++)
		if (k == 0 || strcmp(v[k - 1].u->loc, v[i].u->loc) != 0)
			v[k++] = v[i];
	qsort(v, k, sizeof(*v), pos_newest);
	*n = k;
	return v;
}

/* news:language as ISO 639-1 ("en", "zh-cn" -> "zh"), else NULL. */
static char *
lang_of(const char *s)
{
	char l[3];

	if (s == NULL)
		return NULL;
	for (int i = 0; i < 2; i++) {
		char c = s[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c < 'a' || c > 'z')
			return NULL;
		l[i] = c;
	}
	if (s[2] != '\0' && s[2] != '-' && s[2] != '_')
		return NULL;
	l[2] = '\0';
	return xstrdup(l);
}

static void
url_entry(struct feeds_entry *e, const struct sitemap_url *u)
{
	struct feeds_item *it = &e->it;

	e->key = xstrdup(u->loc);
	it->link = xstrdup(u->loc);
	it->title = u->news_title != NULL ? xstrdup(u->news_title) : NULL;
	it->feed_title = u->news_name != NULL ? xstrdup(u->news_name) : NULL;
	it->published = u->news_date.set ? u->news_date : u->lastmod;
	it->updated = u->lastmod;
	it->lang = lang_of(u->news_language);
	e->json = feeds_item_json(it);
	hash_sha256_hex(e->json, strlen(e->json), e->hash);
}

/* Under the job's budget (feeds_work.h): the parse asks it every few
 * hundred nodes, the entries every BUDGET_EVERY; cut short, nothing is
 * kept and the error says why. */
void
feeds_work_sitemap(struct feeds_job *j)
{
	struct sitemap *sm = sitemap_parse_budget(j->body, j->len,
	    j->max_input, &j->budget, j->error, sizeof(j->error));
	struct pos *v;
	size_t n, max;

	free(j->body);
	j->body = NULL;
	if (sm == NULL) {
		feeds_work_stops(j, "reading it");
		return;
	}
	v = sitemap_order(sm, &n);
	j->n_items = sm->n;
	max = sm->index ? j->max_sitemaps : j->max_entries;
	if (max > 0 && n > max) {
		j->n_capped = n - max;
		n = max;
	}
	if (sm->index) {
		j->children = xcalloc(n ? n : 1, sizeof(*j->children));
		for (size_t k = 0; k < n; k++) {
			j->children[k].url = xstrdup(v[k].u->loc);
			if (v[k].u->lastmod_text != NULL)
				j->children[k].lastmod =
				    xstrdup(v[k].u->lastmod_text);
		}
		j->n_children = n;
	} else {
		j->entries = xcalloc(n ? n : 1, sizeof(*j->entries));
		for (size_t k = 0; k < n; k++) {
			if ((k & (BUDGET_EVERY - 1)) == 0 &&
			    feeds_work_stops(j, "reading its entries"))
				break;
			url_entry(&j->entries[j->n_entries++], v[k].u);
		}
	}
	if (j->stopped != BUDGET_LEFT) {
		/* nothing of a document cut short is recorded */
		for (size_t k = 0; k < j->n_entries; k++) {
			free(j->entries[k].key);
			free(j->entries[k].json);
			feeds_item_free(&j->entries[k].it);
		}
		j->n_entries = 0;
		j->n_capped = 0;
	}
	free(v);
	sitemap_free(sm);
}

/* ---- on the loop: the sitemaps of an index ---- */

struct kid_fetch {
	struct sources *S;
	char *source;
	uint64_t gen;
	char *url;
	char *etag;             /* stored: kept on a 304 without */
	char *last_modified;
	struct page_req *req;
};

static void
kid_free(struct kid_fetch *k)
{
	if (k == NULL)
		return;
	pages_cancel(k->req);
	free(k->source);
	free(k->url);
	free(k->etag);
	free(k->last_modified);
	free(k);
}

static int
str_cmp0(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b ? 0 : 1;
	return strcmp(a, b);
}

int
sitemap_commit(struct sources *S, struct src *s, struct feeds_job *j,
    char *err, size_t errlen)
{
	if (j->child != NULL && feeds_store_sitemap_done(S->fs, s->c.name,
	    j->child, j->etag, j->last_modified, err, errlen) != 0)
		return -1;
	if (j->n_children == 0)
		return 0;
	j->fresh = xrealloc(j->fresh, j->n_children * sizeof(*j->fresh));
	j->n_fresh = 0;
	for (size_t i = 0; i < j->n_children; i++) {
		struct feeds_child *c = &j->children[i];
		struct feeds_sitemap st;
		int rc = feeds_store_sitemap_get(S->fs, s->c.name, c->url,
		    &st, err, errlen);
		bool same = rc == 1 && !st.pending && c->lastmod != NULL &&
		    str_cmp0(st.lastmod, c->lastmod) == 0;

		feeds_sitemap_free(&st);
		if (rc < 0)
			return -1;
		if (same)
			continue;
		if (feeds_store_sitemap_want(S->fs, s->c.name, c->url,
		    c->lastmod, err, errlen) != 0)
			return -1;
		j->fresh[j->n_fresh].i = i;
		j->fresh[j->n_fresh].known = rc == 1;
		j->n_fresh++;
	}
	log_debug(&S->d->log, "%s: sitemap index: %zu sitemaps, %zu new or "
	    "changed", s->c.name, j->n_children, j->n_fresh);
	return 0;
}

/* One being fetched is queued again all the same: the index may say it
 * changed after its request went out (a conditional GET: a 304 then). */
void
sitemap_queue(struct src *s, const char *url)
{
	for (size_t i = s->kid_next; i < s->kids.n; i++)
		if (strcmp(s->kids.v[i], url) == 0)
			return;
	if (s->kid_next > 0 && s->kid_next == s->kids.n) {
		strlist_free(&s->kids);
		s->kid_next = 0;
	}
	strlist_push(&s->kids, url);
}

void
sitemap_after(struct sources *S, struct src *s, struct feeds_job *j)
{
	for (size_t i = 0; i < j->n_fresh; i++)
		sitemap_queue(s, j->children[j->fresh[i].i].url);
	jobs_pump(S);
}

static void
pending_kid(void *ctx, const char *url)
{
	sitemap_queue(ctx, url);
}

int
sitemap_start(struct sources *S, struct src *s, char *err, size_t errlen)
{
	if (!s->c.sitemap)
		return 0;
	if (feeds_store_sitemaps_pending(S->fs, s->c.name, pending_kid, s,
	    err, errlen) != 0)
		return -1;
	if (s->kids.n > 0)
		log_info(&S->d->log, "%s: %zu sitemaps left pending by the "
		    "last run", s->c.name, s->kids.n);
	return 0;
}

void
sitemap_drop(struct src *s)
{
	kid_free(s->kid);
	s->kid = NULL;
	strlist_free(&s->kids);
	s->kid_next = 0;
}

/* A 304: done, with its validators, in a transaction of its own. */
static void
kid_unchanged(struct sources *S, struct src *s, struct kid_fetch *k,
    const struct http_response *r)
{
	char err[512];

	if (store_begin(S->d->store, err, sizeof(err)) != 0)
		goto err;
	if (feeds_store_sitemap_done(S->fs, s->c.name, k->url,
	    r->etag != NULL ? r->etag : k->etag, r->last_modified != NULL ?
	    r->last_modified : k->last_modified, err, sizeof(err)) != 0 ||
	    store_commit(S->d->store, err, sizeof(err)) != 0) {
		store_rollback(S->d->store);
		goto err;
	}
	store_log_ok(&S->d->store_log, &S->d->log);
	log_debug(&S->d->log, "%s: sitemap %s not modified", s->c.name,
	    k->url);
	sources_lease_state(S, s);      /* one fewer to fetch */
	return;
err:
	/* still pending in the store, as after a failed fetch: fetched
	 * again at the next change of the index or the next start */
	sources_store_failed(S, s->c.name, err);
}

static void
kid_done(void *arg, struct http_response *r)
{
	struct kid_fetch *k = arg;
	struct sources *S = k->S;
	struct src *s = src_find(S, k->source);

	k->req = NULL;
	if (s == NULL || s->gen != k->gen || s->kid != k || S->stopped) {
		kid_free(k);
		return;
	}
	s->kid = NULL;
	if (r->error == HTTP_OK && r->status >= 200 && r->status < 300) {
		jobs_hold_body(S, s, r, k->url);
	} else if (r->error == HTTP_OK && r->status == 304) {
		kid_unchanged(S, s, k, r);
	} else {
		char why[512];

		if (r->error == HTTP_OK)
			snprintf(why, sizeof(why), "sitemap: HTTP %ld from "
			    "%s", r->status, k->url);
		else
			snprintf(why, sizeof(why), "sitemap %s: %s", k->url,
			    r->errmsg ? r->errmsg :
			    http_error_name(r->error));
		log_debug(&S->d->log, "%s: %s", s->c.name, why);
		jobs_publish_error(S, s->c.name, src_url(s), k->url, why);
	}
	kid_free(k);
	jobs_pump(S);
}

/* scheme://host:port of a and b alike (credentials go there only). */
static bool
same_origin(const char *a, const char *b)
{
	const char *pa = strstr(a, "://"), *pb = strstr(b, "://");
	size_t na, nb;

	if (pa == NULL || pb == NULL)
		return false;
	na = (size_t)(pa - a) + 3 + strcspn(pa + 3, "/?#");
	nb = (size_t)(pb - b) + 3 + strcspn(pb + 3, "/?#");
	return na == nb && strncasecmp(a, b, na) == 0;
}

static void
kid_start(struct sources *S, struct src *s)
{
	struct kid_fetch *k = xcalloc(1, sizeof(*k));
	struct feeds_sitemap st;
	struct http_options o;
	struct buf up = { 0 };
	char err[512];

	k->S = S;
	k->source = xstrdup(s->c.name);
	k->gen = s->gen;
	k->url = xstrdup(s->kids.v[s->kid_next++]);
	if (feeds_store_sitemap_get(S->fs, s->c.name, k->url, &st, err,
	    sizeof(err)) < 0)
		log_error(&S->d->log, "%s: %s", s->c.name, err);
	k->etag = st.etag;
	k->last_modified = st.last_modified;
	st.etag = st.last_modified = NULL;
	feeds_sitemap_free(&st);
	src_http_options(s, src_conf_url(s), &o);
	o.etag = k->etag;
	o.last_modified = k->last_modified;
	if (same_origin(k->url, src_url(s))) {
		o.cookie = s->c.cookie;
		if (s->c.username != NULL && s->c.password != NULL) {
			buf_printf(&up, "%s:%s", s->c.username,
			    s->c.password);
			o.userpwd = up.p;
		}
	}
	s->kid = k;
	log_debug(&S->d->log, "%s: sitemap %s", s->c.name, k->url);
	k->req = pages_get(S->pages, k->url, &o, kid_done, k);
	if (up.p != NULL)
		memset(up.p, 0, up.len);
	buf_free(&up);
}

void
sitemap_pump(struct sources *S)
{
	for (size_t i = 0; i < S->n; i++) {
		struct src *s = S->v[i];

		if (s->kid_next >= s->kids.n)
			continue;
		/* one at a time, and only when the source is idle: the
		 * entries of the last one are made first; after a turn of
		 * the source's rolled back, not before the daemon's retry
		 * (src_repoll_later()), not in a loop */
		if (s->kid != NULL || s->held != NULL || s->feed_jobs > 0 ||
		    s->entries > 0 || s->repoll)
			continue;
		if (pages_active(S->pages) >= SOURCES_PAGES_ACTIVE ||
		    workers_room(S->d->workers) == 0)
			return;
		kid_start(S, s);
	}
}
