#include "sources.h"
#include "metrics.h"

#include <errno.h>
#include <event2/event.h>
#include <ini.h>
#include <jansson.h>
#include <libxml/parser.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "commit.h"
#include "daemon.h"
#include "feeds_store.h"
#include "feeds_work.h"
#include "http/http.h"
#include "http/poller.h"
#include "store.h"
#include "workers.h"

#define SOURCES_BATCH_MAX 256
#define SOURCES_DEFAULT_INTERVAL 900
/* Page requests handed to the HTTP client at once (it queues them per
 * host); more wait in our list. */
#define SOURCES_PAGES_ACTIVE 64
/* A page that fails for a passing reason (429, 5xx, timeout, network) is
 * tried this many times in all, [http] backoff apart and doubling (or as
 * Retry-After says); then the entry is published from the feed alone. */
#define SOURCES_PAGE_TRIES 3
#define SOURCES_PAGE_WAIT_MAX_MS 600000L

/* ---- configuration ---- */

struct conf_parse {
	struct source_list *l;
	char err[256];
	bool failed;
};

static bool
name_ok(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || *s == '-' || *s == '_' ||
		    *s == '.'))
			return false;
	return true;
}

/* The NAME of [source "NAME"] or [source.NAME] into name (of len bytes). */
static int
section_name(const char *section, char *name, size_t len, char *err,
    size_t errlen)
{
	const char *p = section + 6;
	size_t n;

	if (*p == '.') {
		p++;
		n = strlen(p);
	} else {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p != '"')
			return fail(err, errlen, "[%s]: write [source "
			    "\"NAME\"] or [source.NAME]", section);
		p++;
		n = strlen(p);
		if (n == 0 || p[n - 1] != '"')
			return fail(err, errlen, "[%s]: missing closing "
			    "quote", section);
		n--;
	}
	if (n == 0 || n >= len)
		return fail(err, errlen, "[%s]: bad source name", section);
	memcpy(name, p, n);
	name[n] = '\0';
	if (!name_ok(name))
		return fail(err, errlen, "[%s]: a source name has only "
		    "letters, digits, '-', '_' and '.'", section);
	return 0;
}

static struct source_conf *
conf_get(struct source_list *l, const char *name)
{
	struct source_conf *c;

	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].name, name) == 0)
			return &l->v[i];
	l->v = xrealloc(l->v, (l->n + 1) * sizeof(*l->v));
	c = &l->v[l->n++];
	memset(c, 0, sizeof(*c));
	c->name = xstrdup(name);
	c->interval_ms = SOURCES_DEFAULT_INTERVAL * 1000L;
	return c;
}

static int
parse_long(const char *key, const char *v, long min, long max, long *out,
    char *err, size_t errlen)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(v, &end, 10);
	if (errno != 0 || end == v || *end != '\0')
		return fail(err, errlen, "%s: '%s' is not a number", key, v);
	if (n < min || n > max)
		return fail(err, errlen, "%s: %ld is out of range %ld..%ld",
		    key, n, min, max);
	*out = n;
	return 0;
}

static int
conf_set(struct source_conf *c, const char *key, const char *v, char *err,
    size_t errlen)
{
	long n = 0;

	if (strcmp(key, "url") == 0) {
		if (strncmp(v, "http://", 7) != 0 &&
		    strncmp(v, "https://", 8) != 0)
			return fail(err, errlen, "url: '%s' is not an http "
			    "or https URL", v);
		free(c->url);
		c->url = xstrdup(v);
	} else if (strcmp(key, "interval") == 0) {
		if (parse_long(key, v, 1, 7 * 86400, &n, err, errlen) != 0)
			return -1;
		c->interval_ms = n * 1000;
	} else if (strcmp(key, "fetch_pages") == 0) {
		if (strcmp(v, "yes") == 0 || strcmp(v, "true") == 0)
			c->fetch_pages = true;
		else if (strcmp(v, "no") == 0 || strcmp(v, "false") == 0)
			c->fetch_pages = false;
		else
			return fail(err, errlen, "fetch_pages: '%s' is not "
			    "yes or no", v);
	} else if (strcmp(key, "user_agent") == 0) {
		free(c->user_agent);
		c->user_agent = xstrdup(v);
	} else if (strcmp(key, "header") == 0) {
		if (strchr(v, ':') == NULL || *v == ':' ||
		    strpbrk(v, "\r\n") != NULL)
			return fail(err, errlen, "header: '%s' is not "
			    "'Name: value'", v);
		strlist_push(&c->headers, v);
	} else if (strcmp(key, "connect_timeout") == 0) {
		if (parse_long(key, v, 1, 600, &n, err, errlen) != 0)
			return -1;
		c->connect_timeout_ms = n * 1000;
	} else if (strcmp(key, "timeout") == 0) {
		if (parse_long(key, v, 1, 3600, &n, err, errlen) != 0)
			return -1;
		c->timeout_ms = n * 1000;
	} else if (strcmp(key, "max_body") == 0) {
		if (parse_long(key, v, 1024, 1L << 30, &n, err, errlen) != 0)
			return -1;
		c->max_body = (size_t)n;
	} else {
		return fail(err, errlen, "unknown key '%s' in a source "
		    "section", key);
	}
	return 0;
}

static int
conf_handler(void *user, const char *section, const char *key,
    const char *value)
{
	struct conf_parse *p = user;
	char name[128];

	if (p->failed || !config_is_source_section(section))
		return 1;
	if (section_name(section, name, sizeof(name), p->err,
	    sizeof(p->err)) != 0 || conf_set(conf_get(p->l, name), key,
	    value, p->err, sizeof(p->err)) != 0) {
		p->failed = true;
		return 0;
	}
	return 1;
}

static void
conf_free(struct source_conf *c)
{
	free(c->name);
	free(c->url);
	free(c->user_agent);
	strlist_free(&c->headers);
	memset(c, 0, sizeof(*c));
}

void
source_list_free(struct source_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		conf_free(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

int
sources_config_load(const char *path, struct source_list *l, char *err,
    size_t errlen)
{
	struct conf_parse p = { .l = l };
	int rc = ini_parse(path, conf_handler, &p);

	if (rc == -1)
		return fail(err, errlen, "%s: cannot open: %s", path,
		    strerror(errno));
	if (rc == -2)
		return fail(err, errlen, "%s: out of memory", path);
	if (rc > 0 && p.failed)
		return fail(err, errlen, "%s:%d: %s", path, rc, p.err);
	if (rc > 0)
		return fail(err, errlen, "%s:%d: syntax error", path, rc);
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].url == NULL)
			return fail(err, errlen, "%s: [source \"%s\"] has no "
			    "url", path, l->v[i].name);
	return 0;
}

static bool
str_eq(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

static bool
conf_equal(const struct source_conf *a, const struct source_conf *b)
{
	if (!str_eq(a->url, b->url) || a->interval_ms != b->interval_ms ||
	    a->fetch_pages != b->fetch_pages ||
	    !str_eq(a->user_agent, b->user_agent) ||
	    a->connect_timeout_ms != b->connect_timeout_ms ||
	    a->timeout_ms != b->timeout_ms || a->max_body != b->max_body ||
	    a->headers.n != b->headers.n)
		return false;
	for (size_t i = 0; i < a->headers.n; i++)
		if (strcmp(a->headers.v[i], b->headers.v[i]) != 0)
			return false;
	return true;
}

static void
conf_copy(struct source_conf *dst, const struct source_conf *src)
{
	memset(dst, 0, sizeof(*dst));
	*dst = *src;
	dst->name = xstrdup(src->name);
	dst->url = xstrdup(src->url);
	dst->user_agent = src->user_agent ? xstrdup(src->user_agent) : NULL;
	memset(&dst->headers, 0, sizeof(dst->headers));
	for (size_t i = 0; i < src->headers.n; i++)
		strlist_push(&dst->headers, src->headers.v[i]);
}

/* ---- runtime ---- */

struct src {
	struct source_conf c;
	uint64_t gen;            /* jobs of an older generation are void */
	char *moved_url;
	char *etag;
	char *last_modified;
	int feed_jobs;           /* bodies being parsed */
	bool state_dirty;        /* validators or move not yet stored */
	bool parse_failed;       /* the last body did not parse */
	const char **headers;    /* c.headers, NULL-terminated */
};

/* An entry whose page is to be fetched. */
struct page {
	struct sources *S;
	char *source;
	uint64_t gen;
	char *key;
	char *hash;
	char *item;
	char *link;
	struct http_request *req;  /* NULL: waiting for its turn */
	struct event *timer;       /* pending: a retry after a failure */
	int tries;                 /* failed attempts so far */
	bool known;                /* the entry was committed before */
};

struct sources {
	struct daemon *d;
	struct feeds_store *fs;
	struct http_client *http;
	struct poller *poller;
	struct workers *pool;
	struct event *ev_results;
	struct src **v;
	size_t n;
	uint64_t next_gen;
	/* jobs the pool has not accepted yet, oldest first */
	struct feeds_job **wait;
	size_t n_wait;
	/* every job submitted and not taken back (freed at exit) */
	struct feeds_job **inflight;
	size_t n_inflight;
	struct page **pages;
	size_t n_pages;
	size_t pages_active;
	long page_backoff_ms;
	bool paused;
	bool stopped;
};

static struct src *
src_find(struct sources *S, const char *name)
{
	for (size_t i = 0; i < S->n; i++)
		if (strcmp(S->v[i]->c.name, name) == 0)
			return S->v[i];
	return NULL;
}

static const char *
src_url(const struct src *s)
{
	return s->moved_url != NULL ? s->moved_url : s->c.url;
}

static void
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
	conf_free(&s->c);
	free(s->moved_url);
	free(s->etag);
	free(s->last_modified);
	free(s->headers);
	free(s);
}

static void
src_headers(struct src *s)
{
	free(s->headers);
	s->headers = xcalloc(s->c.headers.n + 1, sizeof(*s->headers));
	for (size_t i = 0; i < s->c.headers.n; i++)
		s->headers[i] = s->c.headers.v[i];
}

/* ---- events ---- */

/* Journals a source.error event through the commit path, inside the open
 * transaction. */
static int
journal_error(struct sources *S, const char *name, const char *uri,
    const char *item, const char *reason, char *err, size_t errlen)
{
	struct commit_item ci = {
		.source = name,
		.kind = "feed",
		.uri = uri,
		.fetched_at = (int64_t)time(NULL),
		.item = item,
		.error = reason,
	};

	return commit_item(S->d->commit, &ci, err, errlen);
}

/* A failure outside a batch: its own transaction, then published. */
static void
publish_error(struct sources *S, const char *name, const char *uri,
    const char *item, const char *reason)
{
	char err[512];

	if (commit_begin(S->d->commit, err, sizeof(err)) != 0)
		goto err;
	if (journal_error(S, name, uri, item, reason, err,
	    sizeof(err)) != 0) {
		commit_abort(S->d->commit);
		goto err;
	}
	if (commit_end(S->d->commit, err, sizeof(err)) != 0)
		goto err;
	return;
err:
	log_error(&S->d->log, "%s: cannot journal its error: %s", name, err);
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

static bool
pool_submit(struct sources *S, struct feeds_job *j)
{
	if (workers_submit(S->pool, j) != 0)
		return false;
	S->inflight = xrealloc(S->inflight, (S->n_inflight + 1) *
	    sizeof(*S->inflight));
	S->inflight[S->n_inflight++] = j;
	return true;
}

/* Hands a job to the pool, or keeps it (in order) while the pool is full;
 * then the poller pauses: backpressure instead of growth. */
static void
submit(struct sources *S, struct feeds_job *j)
{
	if (S->n_wait == 0 && pool_submit(S, j))
		return;
	S->wait = xrealloc(S->wait, (S->n_wait + 1) * sizeof(*S->wait));
	S->wait[S->n_wait++] = j;
	if (!S->paused && S->poller != NULL) {
		log_debug(&S->d->log, "sources: worker queue full, polls "
		    "paused");
		poller_pause(S->poller);
		S->paused = true;
	}
}

static void pages_pump(struct sources *S);

static void
wait_flush(struct sources *S)
{
	size_t k = 0;

	while (k < S->n_wait && pool_submit(S, S->wait[k]))
		k++;
	if (k > 0) {
		memmove(S->wait, S->wait + k, (S->n_wait - k) *
		    sizeof(*S->wait));
		S->n_wait -= k;
	}
	if (S->n_wait == 0 && S->paused && S->poller != NULL) {
		log_debug(&S->d->log, "sources: polls resumed");
		poller_resume(S->poller);
		S->paused = false;
	}
	pages_pump(S);
}

static struct feeds_job *
entry_job(const char *source, uint64_t gen, const char *key,
    const char *hash, const char *item, bool known)
{
	struct feeds_job *j = xcalloc(1, sizeof(*j));

	j->kind = FEEDS_JOB_ENTRY;
	j->source = xstrdup(source);
	j->gen = gen;
	j->fetched_at = (int64_t)time(NULL);
	j->key = xstrdup(key);
	j->hash = xstrdup(hash);
	j->item = xstrdup(item);
	j->known = known;
	return j;
}

/* ---- pages ---- */

static void
page_free(struct page *p)
{
	if (p == NULL)
		return;
	if (p->req != NULL)
		http_cancel(p->req);
	if (p->timer != NULL)
		event_free(p->timer);
	free(p->source);
	free(p->key);
	free(p->hash);
	free(p->item);
	free(p->link);
	free(p);
}

static void
page_unlink(struct sources *S, struct page *p)
{
	for (size_t i = 0; i < S->n_pages; i++)
		if (S->pages[i] == p) {
			memmove(S->pages + i, S->pages + i + 1,
			    (S->n_pages - i - 1) * sizeof(*S->pages));
			S->n_pages--;
			return;
		}
}

static void
page_retry(evutil_socket_t fd, short what, void *arg)
{
	struct page *p = arg;

	(void)fd;
	(void)what;
	event_free(p->timer);
	p->timer = NULL;
	pages_pump(p->S);
}

static bool
page_transient(const struct http_response *r)
{
	switch (r->error) {
	case HTTP_OK:
		return r->status == 429 || r->status >= 500;
	case HTTP_ERR_TIMEOUT:
	case HTTP_ERR_CONNECT:
	case HTTP_ERR_DNS:
	case HTTP_ERR_TRUNCATED:
	case HTTP_ERR_NETWORK:
		return true;
	default:
		return false;
	}
}

/* A passing failure: the page stays in the list, waiting for its timer. */
static bool
page_retry_later(struct sources *S, struct page *p,
    const struct http_response *r)
{
	long ms = S->page_backoff_ms << p->tries;
	struct timeval tv;

	if (!page_transient(r) || p->tries + 1 >= SOURCES_PAGE_TRIES)
		return false;
	if (r->retry_after >= 0 && r->retry_after * 1000L > ms)
		ms = r->retry_after * 1000L;
	if (ms > SOURCES_PAGE_WAIT_MAX_MS)
		ms = SOURCES_PAGE_WAIT_MAX_MS;
	p->timer = evtimer_new(S->d->base, page_retry, p);
	if (p->timer == NULL)
		return false;
	p->tries++;
	tv.tv_sec = ms / 1000;
	tv.tv_usec = (ms % 1000) * 1000;
	evtimer_add(p->timer, &tv);
	log_debug(&S->d->log, "%s: page %s: %s; again in %ld ms", p->source,
	    p->link, r->error == HTTP_OK ? "HTTP error" :
	    http_error_name(r->error), ms);
	return true;
}

static void
page_done(void *arg, struct http_response *r)
{
	struct page *p = arg;
	struct sources *S = p->S;
	struct src *s = src_find(S, p->source);
	struct feeds_job *j;

	p->req = NULL;
	S->pages_active--;
	if (s != NULL && s->gen == p->gen && !S->stopped &&
	    page_retry_later(S, p, r))
		return;
	page_unlink(S, p);
	if (s == NULL || s->gen != p->gen || S->stopped) {
		page_free(p);
		return;
	}
	j = entry_job(p->source, p->gen, p->key, p->hash, p->item, p->known);
	if (r->error == HTTP_OK && r->status >= 200 && r->status < 300) {
		j->page = r->body;
		j->page_len = r->body_len;
		r->body = NULL;
		j->page_url = xstrdup(r->final_url ? r->final_url : p->link);
		if (r->content_type != NULL)
			j->content_type = xstrdup(r->content_type);
	} else if (r->error == HTTP_OK) {
		snprintf(j->page_error, sizeof(j->page_error),
		    "%s: HTTP status %ld", p->link, r->status);
	} else {
		snprintf(j->page_error, sizeof(j->page_error), "%s: %s",
		    p->link, r->errmsg ? r->errmsg :
		    http_error_name(r->error));
	}
	page_free(p);
	submit(S, j);
	pages_pump(S);
}

/* Starts page requests while few are under way and the pool keeps up. */
static void
pages_pump(struct sources *S)
{
	for (size_t i = 0; i < S->n_pages && !S->stopped; i++) {
		struct page *p = S->pages[i];
		struct src *s;
		struct http_options o = { 0 };

		if (S->pages_active >= SOURCES_PAGES_ACTIVE || S->n_wait > 0)
			return;
		if (p->req != NULL || p->timer != NULL)
			continue;
		s = src_find(S, p->source);
		if (s == NULL || s->gen != p->gen)
			continue;   /* removed with its source */
		o.headers = s->headers;
		o.user_agent = s->c.user_agent;
		o.connect_timeout_ms = s->c.connect_timeout_ms;
		o.timeout_ms = s->c.timeout_ms;
		o.max_body = s->c.max_body;
		S->pages_active++;
		p->req = http_get(S->http, p->link, &o, page_done, p);
	}
}

/* An entry to publish: through its page, or from the entry itself. */
static void
entry_dispatch(struct sources *S, struct src *s, const char *key,
    const char *hash, const char *item, bool known)
{
	char *link = s->c.fetch_pages ? feeds_item_link(item) : NULL;
	struct page *p;

	if (link == NULL) {
		submit(S, entry_job(s->c.name, s->gen, key, hash, item,
		    known));
		return;
	}
	p = xcalloc(1, sizeof(*p));
	p->S = S;
	p->source = xstrdup(s->c.name);
	p->gen = s->gen;
	p->key = xstrdup(key);
	p->hash = xstrdup(hash);
	p->item = xstrdup(item);
	p->link = link;
	p->known = known;
	S->pages = xrealloc(S->pages, (S->n_pages + 1) * sizeof(*S->pages));
	S->pages[S->n_pages++] = p;
}

static void
pages_drop_source(struct sources *S, const char *name)
{
	size_t k = 0;

	for (size_t i = 0; i < S->n_pages; i++) {
		struct page *p = S->pages[i];

		if (strcmp(p->source, name) == 0) {
			if (p->req != NULL)
				S->pages_active--;
			page_free(p);
		} else {
			S->pages[k++] = p;
		}
	}
	S->n_pages = k;
}

/* ---- results ---- */

/* An entry's article through the commit path, and the entry marked
 * done in the same transaction. An entry already known whose article did
 * not change publishes nothing; an article another entry or source
 * published is a duplicate. */
static int
entry_commit(struct sources *S, struct src *s, struct feeds_job *j,
    char *err, size_t errlen)
{
	struct commit_item ci = {
		.source = s->c.name,
		.kind = j->from_page ? "page" : "feed",
		.uri = j->from_page ? j->page_url : src_url(s),
		.label = j->key,
		.fetched_at = j->fetched_at,
		.article = j->article,
		.known = j->known,
	};

	if (j->page_error[0] != '\0') {
		char *link = feeds_item_link(j->item);
		int rc = journal_error(S, s->c.name, src_url(s),
		    link ? link : j->key, j->page_error, err, errlen);

		log_warn(&S->d->log, "%s: page: %s; publishing the feed's "
		    "entry instead", s->c.name, j->page_error);
		free(link);
		if (rc != 0)
			return -1;
	}
	if (commit_item(S->d->commit, &ci, err, errlen) != 0)
		return -1;
	return feeds_store_entry_done(S->fs, s->c.name, j->key, j->hash, err,
	    errlen);
}

struct todo {
	struct src *s;
	const char *key, *hash, *item;   /* the job's */
	bool known;
};

/* A parsed feed: new and changed entries recorded pending, with the
 * validators of the body they came from, in the open transaction. */
static int
feed_commit(struct sources *S, struct src *s,
    struct feeds_job *j, struct todo **todo, size_t *n_todo, char *err,
    size_t errlen)
{
	struct feeds_state st = {
		.url = s->c.url,
		.moved_url = s->moved_url,
		.etag = j->etag,
		.last_modified = j->last_modified,
	};
	size_t fresh = 0;
	char hash[65];

	if (j->error[0] != '\0') {
		if (!s->parse_failed) {
			log_warn(&S->d->log, "%s: %s: %s", s->c.name,
			    j->url, j->error);
			if (journal_error(S, s->c.name, j->url, j->url,
			    j->error, err, errlen) != 0)
				return -1;
		}
		s->parse_failed = true;
	} else if (s->parse_failed) {
		log_info(&S->d->log, "%s: the feed parses again", s->c.name);
		s->parse_failed = false;
	}
	for (size_t i = 0; i < j->n_entries; i++) {
		struct feeds_entry *e = &j->entries[i];
		int rc = feeds_store_entry_hash(S->fs, s->c.name, e->key,
		    hash, err, errlen);

		if (rc < 0)
			return -1;
		if (rc == 1 && strcmp(hash, e->hash) == 0)
			continue;
		if (feeds_store_entry_pending(S->fs, s->c.name, e->key,
		    e->hash, e->item, j->fetched_at, err, errlen) != 0)
			return -1;
		*todo = xrealloc(*todo, (*n_todo + 1) * sizeof(**todo));
		(*todo)[*n_todo].s = s;
		(*todo)[*n_todo].key = e->key;
		(*todo)[*n_todo].hash = e->hash;
		(*todo)[*n_todo].item = e->item;
		(*todo)[*n_todo].known = rc == 1;
		(*n_todo)++;
		fresh++;
	}
	if (feeds_store_put_state(S->fs, s->c.name, &st, err, errlen) != 0)
		return -1;
	if (j->error[0] == '\0')
		log_debug(&S->d->log, "%s: %zu entries, %zu new or changed",
		    s->c.name, j->n_entries, fresh);
	return 0;
}

/* After a failed commit the poller must not trust the validators of the
 * lost bodies: the source starts again from what the store holds. */
static void
src_repoll(struct sources *S, struct src *s);

static void
on_results(evutil_socket_t fd, short what, void *arg)
{
	struct sources *S = arg;
	void *jobs[SOURCES_BATCH_MAX];
	struct todo *todo = NULL;
	size_t n, n_todo = 0;
	char err[512];
	bool ok = true;

	(void)fd;
	(void)what;
	n = workers_take(S->pool, jobs, SOURCES_BATCH_MAX);
	for (size_t i = 0; i < n; i++) {
		struct feeds_job *j = jobs[i];
		struct src *s = src_find(S, j->source);

		inflight_remove(S, j);
		if (j->kind == FEEDS_JOB_FEED && s != NULL &&
		    s->gen == j->gen)
			s->feed_jobs--;
	}
	if (n == 0)
		goto out;
	if (commit_begin(S->d->commit, err, sizeof(err)) != 0) {
		ok = false;
		goto done;
	}
	for (size_t i = 0; i < n && ok; i++) {
		struct feeds_job *j = jobs[i];
		struct src *s = src_find(S, j->source);

		if (s == NULL || s->gen != j->gen)
			continue;   /* removed or moved meanwhile */
		if (j->kind == FEEDS_JOB_FEED)
			ok = feed_commit(S, s, j, &todo, &n_todo, err,
			    sizeof(err)) == 0;
		else
			ok = entry_commit(S, s, j, err, sizeof(err)) == 0;
	}
	if (!ok)
		commit_abort(S->d->commit);
	else
		ok = commit_end(S->d->commit, err, sizeof(err)) == 0;
done:
	if (ok) {
		for (size_t i = 0; i < n_todo; i++)
			entry_dispatch(S, todo[i].s, todo[i].key,
			    todo[i].hash, todo[i].item, todo[i].known);
		for (size_t i = 0; i < n; i++) {
			struct feeds_job *j = jobs[i];
			struct src *s = src_find(S, j->source);

			if (j->kind == FEEDS_JOB_FEED && s != NULL &&
			    s->gen == j->gen) {
				set_str(&s->etag, j->etag);
				set_str(&s->last_modified,
				    j->last_modified);
			}
		}
	} else {
		log_error(&S->d->log, "sources: %s; %zu result(s) dropped, "
		    "their sources polled afresh", err, n);
		for (size_t i = 0; i < n; i++) {
			struct src *s = src_find(S, ((struct feeds_job *)
			    jobs[i])->source);

			if (s != NULL)
				src_repoll(S, s);
		}
	}
	for (size_t i = 0; i < n; i++)
		feeds_job_free(jobs[i]);
	free(todo);
out:
	wait_flush(S);
}

/* ---- the poller's callbacks ---- */

static void
persist_state(struct sources *S, struct src *s)
{
	struct feeds_state st = {
		.url = s->c.url,
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
	s->state_dirty = false;
	return;
err:
	log_error(&S->d->log, "%s: %s", s->c.name, err);
}

static void
on_body(void *ctx, const char *name, struct http_response *r)
{
	struct sources *S = ctx;
	struct src *s = src_find(S, name);
	struct feeds_job *j;

	if (s == NULL)
		return;
	j = xcalloc(1, sizeof(*j));
	j->kind = FEEDS_JOB_FEED;
	j->source = xstrdup(name);
	j->gen = s->gen;
	j->fetched_at = (int64_t)time(NULL);
	j->body = r->body;
	j->len = r->body_len;
	r->body = NULL;
	j->url = xstrdup(r->final_url ? r->final_url : src_url(s));
	j->etag = r->etag ? xstrdup(r->etag) : NULL;
	j->last_modified = r->last_modified ? xstrdup(r->last_modified) :
	    NULL;
	s->feed_jobs++;
	s->state_dirty = false;   /* the job stores it with its entries */
	log_debug(&S->d->log, "%s: %zu bytes to parse", name, j->len);
	submit(S, j);
}

static void
on_validators(void *ctx, const char *name, const char *etag,
    const char *last_modified)
{
	struct sources *S = ctx;
	struct src *s = src_find(S, name);

	if (s == NULL || s->feed_jobs > 0)
		return;   /* a body in flight brings them with it */
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
	log_warn(&S->d->log, "%s: %s: %s", name, poller_health_name(h),
	    reason ? reason : "failed");
	publish_error(S, name, src_url(s), src_url(s),
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
	if (s->state_dirty && s->feed_jobs == 0)
		persist_state(S, s);
}

/* ---- adding and removing sources ---- */

static int
src_poll(struct sources *S, struct src *s, char *err, size_t errlen)
{
	struct poller_source ps = {
		.name = s->c.name,
		.url = s->c.url,
		.moved_url = s->moved_url,
		.interval_ms = s->c.interval_ms,
		.etag = s->etag,
		.last_modified = s->last_modified,
		.headers = s->headers,
		.user_agent = s->c.user_agent,
		.connect_timeout_ms = s->c.connect_timeout_ms,
		.timeout_ms = s->c.timeout_ms,
		.max_body = s->c.max_body,
	};

	return poller_add(S->poller, &ps, err, errlen);
}

static void
src_repoll(struct sources *S, struct src *s)
{
	struct feeds_state st;
	char err[512];

	poller_remove(S->poller, s->c.name);
	if (feeds_store_get_state(S->fs, s->c.name, &st, err,
	    sizeof(err)) == 1 && str_eq(st.url, s->c.url)) {
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

struct pending_ctx {
	struct sources *S;
	struct src *s;
	size_t n;
};

static void
pending_one(void *ctx, const char *key, const char *hash, const char *item)
{
	struct pending_ctx *p = ctx;

	entry_dispatch(p->S, p->s, key, hash, item, false);
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
	if (rc == 1 && str_eq(st.url, s->c.url)) {
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
	pages_pump(S);
	return src_poll(S, s, err, errlen);
}

static struct src *
src_new(struct sources *S, const struct source_conf *c)
{
	struct src *s = xcalloc(1, sizeof(*s));

	conf_copy(&s->c, c);
	s->gen = ++S->next_gen;
	src_headers(s);
	return s;
}

static void
src_remove(struct sources *S, size_t i)
{
	struct src *s = S->v[i];

	poller_remove(S->poller, s->c.name);
	pages_drop_source(S, s->c.name);
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

/* Another configuration for a running source: a new URL starts it
 * afresh (new generation, no validators); otherwise it keeps its state
 * and schedule. */
static void
src_update(struct sources *S, struct src *s, const struct source_conf *c)
{
	bool moved = strcmp(s->c.url, c->url) != 0;
	char err[512];

	conf_free(&s->c);
	conf_copy(&s->c, c);
	src_headers(s);
	if (moved) {
		s->gen = ++S->next_gen;
		set_str(&s->moved_url, NULL);
		set_str(&s->etag, NULL);
		set_str(&s->last_modified, NULL);
		s->feed_jobs = 0;
		s->parse_failed = false;
		pages_drop_source(S, s->c.name);
		if (store_begin(S->d->store, err, sizeof(err)) == 0 &&
		    (feeds_store_forget(S->fs, s->c.name, err,
		    sizeof(err)) != 0 || store_commit(S->d->store, err,
		    sizeof(err)) != 0)) {
			store_rollback(S->d->store);
			log_error(&S->d->log, "%s: %s", s->c.name, err);
		}
		poller_remove(S->poller, s->c.name);
	}
	if (src_poll(S, s, err, sizeof(err)) != 0)
		log_error(&S->d->log, "%s: %s", s->c.name, err);
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
				    l->v[k].url, l->v[k].interval_ms / 1000,
				    l->v[k].fetch_pages ? ", with pages" :
				    "");
		} else if (!conf_equal(&s->c, &l->v[k])) {
			log_info(&S->d->log, "source %s updated",
			    l->v[k].name);
			src_update(S, s, &l->v[k]);
		}
	}
}

/* ---- life cycle ---- */

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
	if (c->http_jitter == 0)
		pc.jitter = 1e-9;   /* 0 would take the poller's default */
	S->http = http_client_new(S->d->base, &hc, err, errlen);
	if (S->http == NULL)
		return -1;
	S->poller = poller_new(S->d->base, S->http, &pc, &ops, err, errlen);
	return S->poller != NULL ? 0 : -1;
}

static int
n_workers(const struct config *c)
{
	long n = c->workers > 0 ? c->workers : sysconf(_SC_NPROCESSORS_ONLN);

	return n > 0 ? (int)n : 1;
}

struct sources *
sources_new(struct daemon *d, char *err, size_t errlen)
{
	struct sources *S = xcalloc(1, sizeof(*S));
	struct source_list l = { 0 };

	S->d = d;
	S->page_backoff_ms = d->cfg.http_backoff * 1000L;
	xmlInitParser();   /* once, before any worker parses */
	if (d->config_path != NULL &&
	    sources_config_load(d->config_path, &l, err, errlen) != 0)
		goto err;
	S->fs = feeds_store_open(d->store, err, errlen);
	if (S->fs == NULL || http_setup(S, &d->cfg, err, errlen) != 0)
		goto err;
	S->pool = workers_new(n_workers(&d->cfg), (size_t)d->cfg.queue_size,
	    feeds_work, NULL, err, errlen);
	if (S->pool == NULL)
		goto err;
	S->ev_results = event_new(d->base, workers_fd(S->pool),
	    EV_READ | EV_PERSIST, on_results, S);
	if (S->ev_results == NULL || event_add(S->ev_results, NULL) != 0) {
		fail(err, errlen, "sources: cannot watch the worker pool");
		goto err;
	}
	for (size_t i = 0; i < l.n; i++) {
		if (src_add(S, &l.v[i], err, errlen) != 0)
			goto err;
		log_info(&d->log, "source %s: %s every %ld s%s", l.v[i].name,
		    l.v[i].url, l.v[i].interval_ms / 1000,
		    l.v[i].fetch_pages ? ", with pages" : "");
	}
	source_list_free(&l);
	return S;
err:
	source_list_free(&l);
	sources_free(S);
	return NULL;
}

void
sources_reload(struct sources *S)
{
	struct source_list l = { 0 };
	char err[512];

	if (S == NULL || S->stopped || S->d->config_path == NULL)
		return;
	if (sources_config_load(S->d->config_path, &l, err,
	    sizeof(err)) != 0) {
		log_error(&S->d->log, "reload: %s; keeping the running "
		    "sources", err);
		source_list_free(&l);
		return;
	}
	sources_apply(S, &l);
	source_list_free(&l);
}

void
sources_stop(struct sources *S)
{
	if (S == NULL || S->stopped)
		return;
	S->stopped = true;
	poller_free(S->poller);
	S->poller = NULL;
	for (size_t i = 0; i < S->n_pages; i++)
		page_free(S->pages[i]);
	S->n_pages = 0;
	S->pages_active = 0;
	http_client_free(S->http);
	S->http = NULL;
}

void
sources_free(struct sources *S)
{
	if (S == NULL)
		return;
	sources_stop(S);
	if (S->ev_results != NULL)
		event_free(S->ev_results);
	/* the threads finish what they hold; nothing of it is committed,
	 * so the next start polls and fetches it again */
	workers_free(S->pool);
	for (size_t i = 0; i < S->n_inflight; i++)
		feeds_job_free(S->inflight[i]);
	free(S->inflight);
	for (size_t i = 0; i < S->n_wait; i++)
		feeds_job_free(S->wait[i]);
	free(S->wait);
	free(S->pages);
	for (size_t i = 0; i < S->n; i++)
		src_free(S->v[i]);
	free(S->v);
	feeds_store_close(S->fs);
	free(S);
}
