#include "sources.h"
#include "sources_int.h"

#include <event2/event.h>
#include <jansson.h>
#include <libxml/parser.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "config.h"
#include "daemon_state.h"
#include "feeds_store.h"
#include "filter.h"
#include "feeds_work.h"
#include "http/http.h"
#include "http/pages.h"
#include "http/poller.h"
#include "metrics.h"
#include "nw_config.h"
#include "store.h"
#ifdef HAVE_LIBNATS
#include "idents.h"
#include "leases.h"
#endif

static bool
str_eq(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

struct src *
src_find(struct sources *S, const char *name)
{
	for (size_t i = 0; i < S->n; i++)
		if (strcmp(S->v[i]->c.name, name) == 0)
			return S->v[i];
	return NULL;
}

const char *
src_url(const struct src *s)
{
	return s->moved_url != NULL ? s->moved_url : src_conf_url(s);
}

const char *
src_conf_url(const struct src *s)
{
	return s->c.url != NULL ? s->c.url : s->c.site;
}

bool
src_is_site(const struct src *s)
{
	return s->c.url == NULL && s->c.site != NULL;
}

void
src_http_options(const struct src *s, const char *origin,
    struct http_options *o)
{
	*o = (struct http_options){
		.headers = s->headers,
		.user_agent = s->c.user_agent,
		.connect_timeout_ms = s->c.connect_timeout_ms,
		.timeout_ms = s->c.timeout_ms,
		.max_body = s->c.max_body,
		.proxy = s->c.proxy,
		.insecure = s->c.insecure,
		.origin = origin,
	};
}

void
set_str(char **field, const char *v)
{
	char *n = v != NULL ? xstrdup(v) : NULL;

	free(*field);
	*field = n;
}

static void
src_free(struct src *s)
{
	if (s == NULL)
		return;
	source_conf_free(&s->c);
	feeds_job_free(s->held);
	free(s->moved_url);
	free(s->etag);
	free(s->last_modified);
	free(s->headers);
	filter_free(s->filter);
	sitemap_drop(s);
	site_drop(s);
	free(s);
}

static void
src_headers(struct src *s)
{
	free(s->headers);
	s->headers = xcalloc(s->c.headers.n + 1, sizeof(*s->headers));
	for (size_t i = 0; i < s->c.headers.n; i++)
		s->headers[i] = s->c.headers.v[i];
	filter_free(s->filter);
	s->filter = filter_new(&s->c.keep, &s->c.block);
}

/* ---- leases ([cluster] leases, daemon/leases.h) ---- */

/* Polled here: always without leases, else while this node holds the
 * source's lease. */
static bool
src_leased(struct sources *S, struct src *s)
{
#ifdef HAVE_LIBNATS
	return S->leases == NULL || leases_owned(S->leases, s->c.name);
#else
	(void)S;
	(void)s;
	return true;
#endif
}

#ifdef HAVE_LIBNATS
static void
kid_one(void *ctx, const char *url)
{
	if (json_array_size(ctx) < SOURCES_LEASE_SITEMAPS)
		json_array_append_new(ctx, json_string(url));
}

/* A sitemap index's sitemaps still to fetch: a new owner whose first
 * poll of the index is answered 304 would not learn them. */
static void
lease_state_sitemaps(struct sources *S, struct src *s, json_t *j)
{
	json_t *a = json_array();
	char err[512];

	if (feeds_store_sitemaps_pending(S->fs, s->c.name, kid_one, a, err,
	    sizeof(err)) != 0)
		log_error(&S->d->log, "%s: %s", s->c.name, err);
	json_object_set_new(j, "sitemaps", a);
}
#endif

/* The validators travel with the lease, and the URL polled when it is
 * not the configured one: the feed found on a site, or where a feed
 * moved (a new owner polls it at once, without searching again); and
 * for a sitemap index, the sitemaps it listed that are still to fetch. */
void
sources_lease_state(struct sources *S, struct src *s)
{
#ifdef HAVE_LIBNATS
	json_t *j;
	char *v;

	if (S->leases == NULL)
		return;
	j = json_pack("{s:s?, s:s?, s:s?}", "etag", s->etag, "last_modified",
	    s->last_modified, "moved_url", s->moved_url);
	if (s->c.sitemap)
		lease_state_sitemaps(S, s, j);
	v = json_dumps(j, JSON_COMPACT);
	leases_set_state(S->leases, s->c.name, v);
	free(v);
	json_decref(j);
#else
	(void)S;
	(void)s;
#endif
}

#ifdef HAVE_LIBNATS
static void
ents_one(void *ctx, const char *key, const char *hash)
{
	json_object_set_new(ctx, key, json_string(hash));
}
#endif

/* The entries published go with the lease too: {key: hash}, the most
 * recently changed SOURCES_LEASE_ENTRIES. */
void
sources_lease_entries(struct sources *S, struct src *s)
{
#ifdef HAVE_LIBNATS
	json_t *j;
	char *v, err[512];

	if (S->leases == NULL)
		return;
	j = json_object();
	if (feeds_store_done(S->fs, s->c.name, SOURCES_LEASE_ENTRIES,
	    ents_one, j, err, sizeof(err)) != 0) {
		log_error(&S->d->log, "%s: %s", s->c.name, err);
		json_decref(j);
		return;
	}
	v = json_dumps(j, JSON_COMPACT);
	if (v != NULL)
		leases_set_entries(S->leases, s->c.name, v);
	free(v);
	json_decref(j);
#else
	(void)S;
	(void)s;
#endif
}

#ifdef HAVE_LIBNATS
static int src_poll(struct sources *S, struct src *s, char *err,
    size_t errlen);

/* The entries the last owner published, known here before the first
 * poll: not published again, and a changed one is known (an update). */
static void
lease_entries_load(struct sources *S, struct src *s, const char *ents)
{
	json_t *j = json_loads(ents, 0, NULL);
	const char *key;
	json_t *v;
	char err[512];
	size_t n = 0;

	if (!json_is_object(j))
		goto out;
	if (store_begin(S->d->store, err, sizeof(err)) != 0)
		goto fail;
	json_object_foreach(j, key, v) {
		if (!json_is_string(v))
			continue;
		if (feeds_store_entry_known(S->fs, s->c.name, key,
		    json_string_value(v), (int64_t)time(NULL), err,
		    sizeof(err)) != 0) {
			store_rollback(S->d->store);
			goto fail;
		}
		n++;
	}
	if (store_commit(S->d->store, err, sizeof(err)) != 0) {
		store_rollback(S->d->store);
		goto fail;
	}
	log_info(&S->d->log, "%s: %zu entries published before, from the "
	    "lease", s->c.name, n);
	goto out;
fail:
	log_error(&S->d->log, "%s: the lease's entries: %s", s->c.name, err);
out:
	json_decref(j);
}

/* The sitemaps the last owner had still to fetch: pending here too
 * (those known here keep their validators). */
static void
lease_sitemaps_load(struct sources *S, struct src *s, json_t *a)
{
	char err[512];
	size_t i, n = 0;
	json_t *u;

	if (!json_is_array(a) || json_array_size(a) == 0)
		return;
	if (store_begin(S->d->store, err, sizeof(err)) != 0)
		goto fail;
	json_array_foreach(a, i, u) {
		if (!json_is_string(u))
			continue;
		if (feeds_store_sitemap_want(S->fs, s->c.name,
		    json_string_value(u), NULL, err, sizeof(err)) != 0) {
			store_rollback(S->d->store);
			goto fail;
		}
		n++;
	}
	if (store_commit(S->d->store, err, sizeof(err)) != 0) {
		store_rollback(S->d->store);
		goto fail;
	}
	log_info(&S->d->log, "%s: %zu sitemaps to fetch, from the lease",
	    s->c.name, n);
	return;
fail:
	log_error(&S->d->log, "%s: the lease's sitemaps: %s", s->c.name, err);
}

/* The last owner's state: its validators, and its moved URL (a lease
 * written before it travelled has none: this node's own stays). */
static void
lease_state_load(struct sources *S, struct src *s, json_t *j)
{
	json_t *mv = json_object_get(j, "moved_url");
	const char *url = json_string_value(mv);

	set_str(&s->etag, json_string_value(json_object_get(j, "etag")));
	set_str(&s->last_modified, json_string_value(json_object_get(j,
	    "last_modified")));
	lease_sitemaps_load(S, s, json_object_get(j, "sitemaps"));
	if (mv == NULL || (url == NULL ? s->moved_url == NULL :
	    s->moved_url != NULL && strcmp(url, s->moved_url) == 0))
		return;
	log_info(&S->d->log, "%s: polls %s, from the lease", s->c.name,
	    url != NULL ? url : src_conf_url(s));
	set_str(&s->moved_url, url);
	persist_state(S, s);    /* a restart polls it too */
}

/* A lease won: poll with the validators the last owner left; lost: stop
 * polling at once. */
static void
on_lease(void *ctx, const char *name, bool owned, const char *state,
    const char *ents)
{
	struct sources *S = ctx;
	struct src *s = src_find(S, name);
	json_t *j;
	char err[512];

	if (s == NULL || S->stopped)
		return;
	poller_remove(S->poller, name);
	sitemap_drop(s);        /* an index's sitemaps, a site's search: */
	site_drop(s);           /* the owner's */
	if (!owned)
		return;
	j = state != NULL ? json_loads(state, 0, NULL) : NULL;
	if (j != NULL) {
		lease_state_load(S, s, j);
		json_decref(j);
	}
	if (sitemap_start(S, s, err, sizeof(err)) != 0)
		log_error(&S->d->log, "%s: %s", name, err);
	if (ents != NULL)
		lease_entries_load(S, s, ents);
	if (src_poll(S, s, err, sizeof(err)) != 0)
		log_error(&S->d->log, "%s: %s", name, err);
	jobs_pump(S);           /* the sitemaps pending start now, not after
	                           a turn (the index may answer 304) */
}
#endif

/* The sources the leases are for: every configured one. */
static void
sources_lease_set(struct sources *S)
{
#ifdef HAVE_LIBNATS
	const char **names;

	if (S->leases == NULL)
		return;
	names = xcalloc(S->n + 1, sizeof(*names));
	for (size_t i = 0; i < S->n; i++)
		names[i] = S->v[i]->c.name;
	leases_want(S->leases, names, S->n);
	free(names);
#else
	(void)S;
#endif
}

/* ---- the poller's callbacks ---- */

void
persist_state(struct sources *S, struct src *s)
{
	struct feeds_state st = {
		.url = (char *)src_conf_url(s),  /* only read */
		.moved_url = s->moved_url,
		.etag = s->etag,
		.last_modified = s->last_modified,
	};
	char err[512];

	if (store_begin(S->d->store, err, sizeof(err)) != 0)
		goto err;
	if (feeds_store_put_state(S->fs, s->c.name, &st, err,
	    sizeof(err)) != 0 || store_commit(S->d->store, err,
	    sizeof(err)) != 0) {
		store_rollback(S->d->store);
		goto err;
	}
	store_log_ok(&S->d->store_log, &S->d->log);
	s->state_dirty = false;
	sources_lease_state(S, s);
	return;
err:
	sources_store_failed(S, s->c.name, err);
}

static void
on_body(void *ctx, const char *name, struct http_response *r)
{
	struct sources *S = ctx;
	struct src *s = src_find(S, name);

	if (s != NULL)
		jobs_feed_body(S, s, r);
}

static void
on_validators(void *ctx, const char *name, const char *etag,
    const char *last_modified)
{
	struct sources *S = ctx;
	struct src *s = src_find(S, name);

	if (s == NULL || s->feed_jobs > 0 || s->held != NULL)
		return;   /* a body in work brings them with it */
	set_str(&s->etag, etag);
	set_str(&s->last_modified, last_modified);
	s->state_dirty = true;
}

static void
on_moved(void *ctx, const char *name, const char *url)
{
	struct sources *S = ctx;
	struct src *s = src_find(S, name);

	if (s == NULL)
		return;
	log_info(&S->d->log, "%s: moved permanently to %s", name, url);
	set_str(&s->moved_url, url);
	s->state_dirty = true;
}

static void
on_health(void *ctx, const char *name, enum poller_health h,
    const char *reason)
{
	struct sources *S = ctx;
	struct src *s = src_find(S, name);

	if (s == NULL)
		return;
	if (h == POLLER_OK) {
		log_info(&S->d->log, "%s: polled fine again", name);
		return;
	}
	/* a refused login says so: the operator's credentials */
	if (reason != NULL && s->c.username != NULL &&
	    strncmp(reason, "HTTP 401", 8) == 0) {
		char why[512];

		snprintf(why, sizeof(why), "%s: the server refused the "
		    "credentials (username %s, password_file %s)", reason,
		    s->c.username, s->c.password_file);
		log_debug(&S->d->log, "%s: %s: %s", name,
		    poller_health_name(h), why);
		jobs_publish_error(S, name, src_url(s), src_url(s), why);
		return;
	}
	/* the committed source.error logs the warning, once */
	log_debug(&S->d->log, "%s: %s: %s", name, poller_health_name(h),
	    reason ? reason : "failed");
	jobs_publish_error(S, name, src_url(s), src_url(s),
	    reason ? reason : "failed");
}

static void
on_attempt(void *ctx, const char *name, const struct poller_attempt *a)
{
	struct sources *S = ctx;
	struct src *s = src_find(S, name);

	if (s == NULL)
		return;
	if (S->d->metrics != NULL)
		metrics_fetch_observe(S->d->metrics, name,
		    (double)a->elapsed_ms / 1000.0);
	log_debug(&S->d->log, "%s: polled: status %ld%s, next in %ld ms",
	    name, a->status, a->not_modified ? " (not modified)" : "",
	    a->next_ms);
	site_polled(S, s, a->status);
	if (s->state_dirty && s->feed_jobs == 0 && s->held == NULL)
		persist_state(S, s);
}

/* ---- adding and removing sources ---- */

static int
src_poll(struct sources *S, struct src *s, char *err, size_t errlen)
{
	struct poller_source ps = {
		.name = s->c.name,
		.url = (char *)src_conf_url(s),  /* only read */
		.moved_url = s->moved_url,
		.interval_ms = s->c.interval_ms,
		.etag = s->etag,
		.last_modified = s->last_modified,
		.headers = s->headers,
		.user_agent = s->c.user_agent,
		.connect_timeout_ms = s->c.connect_timeout_ms,
		.timeout_ms = s->c.timeout_ms,
		.max_body = s->c.max_body,
		.cookie = s->c.cookie,
		.proxy = s->c.proxy,
		.insecure = s->c.insecure,
	};
	struct buf up = { 0 };
	int rc;

	if (!src_leased(S, s))
		return 0;
	if (src_is_site(s) && s->moved_url == NULL) {
		site_discover(S, s);    /* polled once its feed is found */
		return 0;
	}
	if (s->c.username != NULL && s->c.password != NULL) {
		buf_printf(&up, "%s:%s", s->c.username, s->c.password);
		ps.userpwd = up.p;
	}
	if (s->c.insecure)
		log_warn(&S->d->log, "%s: insecure = yes: the TLS peer of %s "
		    "is not verified", s->c.name, src_url(s));
	rc = poller_add(S->poller, &ps, err, errlen);
	if (up.p != NULL)
		memset(up.p, 0, up.len);
	buf_free(&up);
	return rc;
}

void
src_repoll(struct sources *S, struct src *s)
{
	struct feeds_state st;
	char err[512];

	if (S->stopped)
		return;
	poller_remove(S->poller, s->c.name);
	if (feeds_store_get_state(S->fs, s->c.name, &st, err,
	    sizeof(err)) == 1 && str_eq(st.url, src_conf_url(s))) {
		set_str(&s->etag, st.etag);
		set_str(&s->last_modified, st.last_modified);
	} else {
		set_str(&s->etag, NULL);
		set_str(&s->last_modified, NULL);
	}
	feeds_state_free(&st);
	if (src_poll(S, s, err, sizeof(err)) != 0)
		log_error(&S->d->log, "%s: %s", s->c.name, err);
}

void
src_repoll_later(struct sources *S, struct src *s)
{
	if (S->stopped)
		return;
	poller_remove(S->poller, s->c.name);
	s->repoll = true;
}

void
sources_retry(struct sources *S)
{
	if (S == NULL || S->stopped)
		return;
	for (size_t i = 0; i < S->n; i++)
		if (S->v[i]->repoll) {
			S->v[i]->repoll = false;
			src_repoll(S, S->v[i]);
		}
	jobs_pump(S);   /* the sitemaps held back meanwhile */
}

struct pending_ctx {
	struct sources *S;
	struct src *s;
	size_t n;
};

static void
pending_one(void *ctx, const char *key, const char *hash, const char *item)
{
	struct pending_ctx *p = ctx;
	struct feeds_item it;

	if (feeds_item_from_json(item, &it) != 0) {
		log_error(&p->S->d->log, "%s: entry %s: stored entry "
		    "unreadable; left pending", p->s->c.name, key);
		return;
	}
	jobs_entry(p->S, p->s, key, hash, &it, false);
	feeds_item_free(&it);
	p->n++;
}

/* Restores a source's stored state (unless its URL changed), finishes
 * the entries left pending, and starts polling it. */
static int
src_start(struct sources *S, struct src *s, char *err, size_t errlen)
{
	struct feeds_state st;
	struct pending_ctx pc = { .S = S, .s = s };
	int rc = feeds_store_get_state(S->fs, s->c.name, &st, err, errlen);

	if (rc < 0)
		return -1;
	if (rc == 1 && str_eq(st.url, src_conf_url(s))) {
		set_str(&s->moved_url, st.moved_url);
		set_str(&s->etag, st.etag);
		set_str(&s->last_modified, st.last_modified);
	}
	feeds_state_free(&st);
	if (feeds_store_pending(S->fs, s->c.name, pending_one, &pc, err,
	    errlen) != 0)
		return -1;
	if (pc.n > 0)
		log_info(&S->d->log, "%s: %zu entries left pending by the "
		    "last run", s->c.name, pc.n);
	if (sitemap_start(S, s, err, errlen) != 0)
		return -1;
	jobs_pump(S);
	return src_poll(S, s, err, errlen);
}

static struct src *
src_new(struct sources *S, const struct source_conf *c)
{
	struct src *s = xcalloc(1, sizeof(*s));

	source_conf_copy(&s->c, c);
	s->S = S;
	s->gen = ++S->next_gen;
	src_headers(s);
	return s;
}

static void
src_remove(struct sources *S, size_t i)
{
	struct src *s = S->v[i];

	poller_remove(S->poller, s->c.name);
	jobs_drop_source(S, s);
	S->v[i] = S->v[--S->n];
	src_free(s);
}

static int
src_add(struct sources *S, const struct source_conf *c, char *err,
    size_t errlen)
{
	struct src *s = src_new(S, c);

	S->v = xrealloc(S->v, (S->n + 1) * sizeof(*S->v));
	S->v[S->n++] = s;
	if (src_start(S, s, err, errlen) != 0) {
		src_remove(S, S->n - 1);
		return -1;
	}
	return 0;
}

/* Another configuration for a running source: a new URL (or site, or
 * kind) starts it afresh (new generation, no validators); otherwise it
 * keeps its state and schedule. */
static void
src_update(struct sources *S, struct src *s, const struct source_conf *c)
{
	/* another feed, site or kind: afresh */
	bool moved = !str_eq(s->c.url, c->url) ||
	    (c->url == NULL && !str_eq(s->c.site, c->site)) ||
	    s->c.sitemap != c->sitemap;
	char err[512];

	source_conf_free(&s->c);
	source_conf_copy(&s->c, c);
	src_headers(s);
	if (moved) {
		s->gen = ++S->next_gen;
		set_str(&s->moved_url, NULL);
		set_str(&s->etag, NULL);
		set_str(&s->last_modified, NULL);
		s->feed_jobs = 0;
		s->parse_failed = false;
		jobs_drop_source(S, s);
		site_drop(s);
		if (store_begin(S->d->store, err, sizeof(err)) != 0)
			sources_store_failed(S, s->c.name, err);
		else if (feeds_store_forget(S->fs, s->c.name, err,
		    sizeof(err)) != 0 || store_commit(S->d->store, err,
		    sizeof(err)) != 0) {
			store_rollback(S->d->store);
			sources_store_failed(S, s->c.name, err);
		}
		poller_remove(S->poller, s->c.name);
	}
	if (src_poll(S, s, err, sizeof(err)) != 0)
		log_error(&S->d->log, "%s: %s", s->c.name, err);
}

static const char *
conf_url(const struct source_conf *c)
{
	return c->url != NULL ? c->url : c->site;
}

static void
sources_apply(struct sources *S, const struct source_list *l)
{
	char err[512];

	for (size_t i = S->n; i-- > 0;) {
		bool keep = false;

		for (size_t k = 0; k < l->n && !keep; k++)
			keep = strcmp(l->v[k].name, S->v[i]->c.name) == 0;
		if (!keep) {
			log_info(&S->d->log, "source %s removed",
			    S->v[i]->c.name);
			src_remove(S, i);
		}
	}
	for (size_t k = 0; k < l->n; k++) {
		struct src *s = src_find(S, l->v[k].name);

		if (s == NULL) {
			if (src_add(S, &l->v[k], err, sizeof(err)) != 0)
				log_error(&S->d->log, "source %s: %s",
				    l->v[k].name, err);
			else
				log_info(&S->d->log, "source %s added: %s "
				    "every %ld s%s", l->v[k].name,
				    conf_url(&l->v[k]),
				    l->v[k].interval_ms / 1000,
				    l->v[k].fetch_pages ? ", with pages" :
				    "");
		} else if (!source_conf_equal(&s->c, &l->v[k])) {
			log_info(&S->d->log, "source %s updated",
			    l->v[k].name);
			src_update(S, s, &l->v[k]);
		}
	}
	sources_lease_set(S);
}

/* ---- life cycle ---- */

static void
on_hold(void *ctx, const char *host, const char *url, long status,
    long asked_s, long hold_ms)
{
	struct sources *S = ctx;

	log_warn(&S->d->log, "http: %s held for %ld s: HTTP %ld with "
	    "Retry-After %ld s on %s (at most [http] max_hold)", host,
	    (hold_ms + 999) / 1000, status, asked_s, url);
}

static int
http_setup(struct sources *S, const struct config *c, char *err,
    size_t errlen)
{
	struct http_config hc = {
		.connect_timeout_ms = c->http_connect_timeout * 1000L,
		.timeout_ms = c->http_timeout * 1000L,
		.max_body = (size_t)c->http_max_body,
		.per_host = c->http_per_host,
		.global = c->http_global,
		.host_delay_ms = c->http_host_delay,
		.max_host_hold_ms = c->http_max_hold * 1000L,
		.allow_private = c->http_allow_private != 0,
		.on_hold = on_hold,
	};
	struct poller_config pc = {
		.jitter = c->http_jitter / 100.0,
		.backoff_base_ms = c->http_backoff * 1000L,
		.backoff_max_ms = c->http_backoff_max * 1000L,
	};
	const struct poller_ops ops = {
		.body = on_body,
		.validators = on_validators,
		.moved = on_moved,
		.health = on_health,
		.attempt = on_attempt,
		.ctx = S,
	};

	if (strcmp(c->http_user_agent, "builtin") != 0)
		hc.user_agent = c->http_user_agent;
	if (strcmp(c->http_proxy, "none") == 0)
		hc.noproxy = "*";
	else if (strcmp(c->http_proxy, "env") != 0)
		hc.proxy = c->http_proxy;
	hc.hold_ctx = S;
	if (c->http_jitter == 0)
		pc.jitter = 1e-9;   /* 0 would take the poller's default */
	S->http = http_client_new(S->d->base, &hc, err, errlen);
	if (S->http == NULL)
		return -1;
	S->pages = pages_new(S->d->base, S->http, &(struct pages_config){
	    .tries = SOURCES_PAGE_TRIES,
	    .backoff_ms = c->http_backoff * 1000L,
	    .max_wait_ms = SOURCES_PAGE_WAIT_MAX_MS,
	});
	S->poller = poller_new(S->d->base, S->http, &pc, &ops, err, errlen);
	return S->poller != NULL ? 0 : -1;
}

size_t
sources_slack(const struct config *c)
{
	return SOURCES_PAGES_ACTIVE + (size_t)c->http_global;
}

void
sources_room(struct sources *S)
{
	jobs_pump(S);
}

struct sources *
sources_new(struct daemon *d, char *err, size_t errlen)
{
	struct sources *S = xcalloc(1, sizeof(*S));
	const struct source_list *l = &d->cfg.sources;

	S->d = d;
	S->filter = filter_new(&d->cfg.filter_keep, &d->cfg.filter_block);
	xmlInitParser();   /* once, before any worker parses */
	S->fs = feeds_store_open(d->store, err, errlen);
	if (S->fs == NULL || http_setup(S, &d->cfg, err, errlen) != 0)
		goto err;
#ifdef HAVE_LIBNATS
	if (d->cfg.cluster_leases) {
		S->leases = leases_open(&d->cfg, d->base,
		    store_origin_id(d->store), &d->log, on_lease, S, err,
		    errlen);
		if (S->leases == NULL)
			goto err;
		d->leases = S->leases;  /* for the metrics */
	}
	if (d->cfg.cluster_articles) {
		S->idents = idents_open(&d->cfg, store_origin_id(d->store),
		    &d->log, err, errlen);
		if (S->idents == NULL)
			goto err;
		d->idents = S->idents;
	}
#else
	if (d->cfg.cluster_articles) {
		fail(err, errlen, "[cluster] articles: this newswired was "
		    "built without libnats");
		goto err;
	}
	if (d->cfg.cluster_leases) {
		fail(err, errlen, "[cluster] leases: this newswired was "
		    "built without libnats");
		goto err;
	}
#endif
	for (size_t i = 0; i < l->n; i++) {
		if (src_add(S, &l->v[i], err, errlen) != 0)
			goto err;
		log_info(&d->log, "source %s: %s every %ld s%s", l->v[i].name,
		    conf_url(&l->v[i]), l->v[i].interval_ms / 1000,
		    l->v[i].fetch_pages ? ", with pages" : "");
	}
	sources_lease_set(S);
	return S;
err:
	sources_free(S);
	return NULL;
}

/* The daemon's configuration was replaced (SIGHUP, parsed whole in one
 * pass): sources added, removed and updated to match it. */
void
sources_reload(struct sources *S)
{
	if (S == NULL || S->stopped)
		return;
	filter_free(S->filter);
	S->filter = filter_new(&S->d->cfg.filter_keep,
	    &S->d->cfg.filter_block);
	sources_apply(S, &S->d->cfg.sources);
}

void
sources_stop(struct sources *S)
{
	if (S == NULL || S->stopped)
		return;
	S->stopped = true;
	poller_free(S->poller);
	S->poller = NULL;
#ifdef HAVE_LIBNATS
	/* gives the leases back, once nothing polls here any more */
	leases_free(S->leases);
	S->leases = NULL;
	S->d->leases = NULL;
#endif
	for (size_t i = 0; i < S->n; i++) {
		jobs_drop_source(S, S->v[i]);
		site_drop(S->v[i]);
	}
	pages_free(S->pages);
	S->pages = NULL;
	http_client_free(S->http);
	S->http = NULL;
}

void
sources_free(struct sources *S)
{
	if (S == NULL)
		return;
	sources_stop(S);
	/* the pool is gone: nothing of its jobs was committed, so the next
	 * start polls and fetches them again */
	jobs_free_all(S);
	for (size_t i = 0; i < S->n; i++)
		src_free(S->v[i]);
	free(S->v);
	feeds_store_close(S->fs);
	filter_free(S->filter);
#ifdef HAVE_LIBNATS
	/* after the pool: its workers claim through it */
	idents_free(S->idents);
	S->d->idents = NULL;
#endif
	free(S);
}

