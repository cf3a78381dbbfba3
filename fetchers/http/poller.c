/* The source poller: one libevent timer per source, polls through the HTTP
 * client, backoff and health per source. See poller.h for the contract. */
#include "poller.h"

#include <event2/event.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/queue.h>
#include <time.h>
#include <unistd.h>

#include "util.h"

#define POLLER_ACCEPT "Accept: application/rss+xml, application/atom+xml, " \
	"application/rdf+xml, application/feed+json, application/json;q=0.9, " \
	"application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8"

struct poller_src {
	struct poller *p;
	struct poller_src *next;     /* hash chain */
	char *name;
	char *conf_url;              /* as configured */
	char *url;                   /* as polled: conf_url or a move */
	long interval_ms;
	char *etag;
	char *last_modified;
	struct strlist headers;      /* with Accept unless given */
	char *user_agent;
	long connect_timeout_ms;
	long timeout_ms;
	size_t max_body;
	char *userpwd;               /* secret */
	char *cookie;                /* secret */
	char *proxy;
	bool insecure;

	struct event *timer;
	long due_at;                 /* monotonic ms of the timer, 0 if none */
	bool waiting;                /* fell due while paused */
	TAILQ_ENTRY(poller_src) wlink;
	struct http_request *req;    /* the poll under way */

	enum poller_health health;
	int failures;
	long last_status;
	char *last_error;

	unsigned gen;                /* +1 each time it restarts afresh */
	int busy;                    /* inside callbacks about this source */
	bool dead;                   /* removed while busy */
};

TAILQ_HEAD(src_list, poller_src);

struct poller {
	struct event_base *base;
	struct http_client *http;
	struct poller_config cfg;
	struct poller_ops ops;
	struct poller_src **tab;
	size_t nbuckets;
	size_t n;
	bool paused;
	struct src_list waiting;     /* due while paused, in order */
	uint64_t rng;
};

static long
mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* xorshift64*: per poller, no global state. Uniform in [0, 1). */
static double
rnd(struct poller *p)
{
	p->rng ^= p->rng >> 12;
	p->rng ^= p->rng << 25;
	p->rng ^= p->rng >> 27;
	return (double)((p->rng * 2685821657736338717ULL) >> 11) /
	    9007199254740992.0;
}

const char *
poller_health_name(enum poller_health h)
{
	switch(h) {
	case POLLER_OK: return "ok";
	case POLLER_FAILING: return "failing";
	case POLLER_UNHEALTHY: return "unhealthy";
	}
	return "unknown";
}

static uint64_t
fnv1a(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for(; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

static struct poller_src *
find(const struct poller *p, const char *name)
{
	struct poller_src *s;

	for(s = p->tab[fnv1a(name) % p->nbuckets]; s; s = s->next)
		if(strcmp(s->name, name) == 0)
			return s;
	return NULL;
}

static void
tab_insert(struct poller *p, struct poller_src *s)
{
	size_t b;

	if(p->n + 1 > p->nbuckets * 2) {
		size_t n = p->nbuckets * 2, i;
		struct poller_src **t = xcalloc(n, sizeof(*t));

		for(i = 0; i < p->nbuckets; i++) {
			struct poller_src *x = p->tab[i], *next;

			for(; x; x = next) {
				next = x->next;
				b = fnv1a(x->name) % n;
				x->next = t[b];
				t[b] = x;
			}
		}
		free(p->tab);
		p->tab = t;
		p->nbuckets = n;
	}
	b = fnv1a(s->name) % p->nbuckets;
	s->next = p->tab[b];
	p->tab[b] = s;
	p->n++;
}

static void
tab_remove(struct poller *p, struct poller_src *s)
{
	struct poller_src **pp = &p->tab[fnv1a(s->name) % p->nbuckets];

	for(; *pp; pp = &(*pp)->next) {
		if(*pp == s) {
			*pp = s->next;
			p->n--;
			return;
		}
	}
}

static bool
str_eq(const char *a, const char *b)
{
	if(!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

static void
replace(char **dst, const char *s)
{
	char *v = s ? xstrdup(s) : NULL;

	free(*dst);
	*dst = v;
}

static void
src_free(struct poller_src *s)
{
	if(s->req)
		http_cancel(s->req);
	if(s->waiting)
		TAILQ_REMOVE(&s->p->waiting, s, wlink);
	if(s->timer)
		event_free(s->timer);
	free(s->name);
	free(s->conf_url);
	free(s->url);
	free(s->etag);
	free(s->last_modified);
	strlist_free(&s->headers);
	free(s->user_agent);
	free(s->userpwd);
	free(s->cookie);
	free(s->proxy);
	free(s->last_error);
	free(s);
}

static void
schedule(struct poller_src *s, long delay_ms)
{
	struct timeval tv;

	if(delay_ms < 0)
		delay_ms = 0;
	tv.tv_sec = delay_ms / 1000;
	tv.tv_usec = (delay_ms % 1000) * 1000;
	s->due_at = mono_ms() + delay_ms;
	/* relative to now, not to the loop's cached time, so that a delay
	 * (a Retry-After) is never cut short */
	event_base_update_cache_time(s->p->base);
	evtimer_add(s->timer, &tv);
}

/* d, moved by up to jitter * d either way. */
static long
jittered(struct poller *p, long d)
{
	double j = p->cfg.jitter * (2.0 * rnd(p) - 1.0);

	return (long)((double)d * (1.0 + j));
}

static void on_done(void *arg, struct http_response *r);

static void
start_poll(struct poller_src *s)
{
	struct poller *p = s->p;
	struct http_options o;

	memset(&o, 0, sizeof(o));
	o.etag = s->etag;
	o.last_modified = s->last_modified;
	o.headers = (const char *const *)s->headers.v;
	o.user_agent = s->user_agent;
	o.connect_timeout_ms = s->connect_timeout_ms;
	o.timeout_ms = s->timeout_ms;
	o.max_body = s->max_body;
	o.userpwd = s->userpwd;
	o.cookie = s->cookie;
	o.proxy = s->proxy;
	o.insecure = s->insecure;
	s->due_at = 0;
	s->req = http_get(p->http, s->url, &o, on_done, s);
}

static void
timer_event(evutil_socket_t fd, short what, void *arg)
{
	struct poller_src *s = arg;
	struct poller *p = s->p;

	(void)fd;
	(void)what;
	s->due_at = 0;
	if(s->req)
		return;
	if(p->paused) {
		if(!s->waiting) {
			TAILQ_INSERT_TAIL(&p->waiting, s, wlink);
			s->waiting = true;
		}
		return;
	}
	start_poll(s);
}

/* The delay before the next attempt after a failure: the backoff, never
 * shorter than Retry-After; an unhealthy source, or one told 429 without
 * a Retry-After, waits no less than its interval. */
static long
failure_delay(struct poller *p, struct poller_src *s, long status,
    long retry_after)
{
	long d, ra;
	int i;

	if(s->failures >= p->cfg.unhealthy_after) {
		d = p->cfg.unhealthy_retry_ms;
		if(d < s->interval_ms)
			d = s->interval_ms;
		d = jittered(p, d);
	} else {
		d = p->cfg.backoff_base_ms;
		for(i = 1; i < s->failures && d < p->cfg.backoff_max_ms; i++)
			d *= 2;
		if(d > p->cfg.backoff_max_ms)
			d = p->cfg.backoff_max_ms;
		/* equal jitter: half fixed, half drawn */
		d = d / 2 + (long)(rnd(p) * (double)(d - d / 2));
		if(status == 429 && retry_after < 0 && d < s->interval_ms)
			d = jittered(p, s->interval_ms);
	}
	if(retry_after >= 0) {
		ra = retry_after > p->cfg.retry_after_max_ms / 1000 ?
		    p->cfg.retry_after_max_ms : retry_after * 1000;
		if(d < ra)
			d = ra + (long)(rnd(p) * p->cfg.jitter * (double)ra);
	}
	return d;
}

/* Updates the validators from a response; true if they changed. A 304 may
 * leave them out: ours stay then. */
static bool
take_validators(struct poller_src *s, const struct http_response *r,
    bool full)
{
	const char *etag = r->etag, *lm = r->last_modified;

	if(!full) {
		if(!etag)
			etag = s->etag;
		if(!lm)
			lm = s->last_modified;
	}
	if(str_eq(etag, s->etag) && str_eq(lm, s->last_modified))
		return false;
	replace(&s->etag, etag);
	replace(&s->last_modified, lm);
	return true;
}

/* True when a callback removed the source or restarted it on another
 * URL: what remains of the old attempt must not touch it. */
static bool
stale(const struct poller_src *s, unsigned gen)
{
	return s->dead || s->gen != gen;
}

/* A poll is over: update the source's state and schedule the next poll
 * first, then run the callbacks (moved, health, body, validators,
 * attempt), stopping if one of them removes or restarts the source. */
static void
on_done(void *arg, struct http_response *r)
{
	struct poller_src *s = arg;
	struct poller *p = s->p;
	struct poller_attempt a;
	char reason[512];
	unsigned gen = s->gen;
	bool ok, moved = false, vchanged = false;
	enum poller_health was = s->health;

	s->req = NULL;
	s->busy++;
	memset(&a, 0, sizeof(a));
	a.status = r->status;
	a.error = r->error;
	a.elapsed_ms = r->elapsed_ms;
	s->last_status = r->status;
	ok = r->error == HTTP_OK &&
	    (r->status == 304 || (r->status >= 200 && r->status < 300));
	if(ok) {
		if(r->permanent_url && strcmp(r->permanent_url, s->url)) {
			replace(&s->url, r->permanent_url);
			moved = true;
		}
		s->failures = 0;
		replace(&s->last_error, NULL);
		s->health = POLLER_OK;
		a.not_modified = r->status == 304;
		vchanged = take_validators(s, r, r->status != 304);
		a.next_ms = jittered(p, s->interval_ms);
	} else {
		if(r->error != HTTP_OK)
			snprintf(reason, sizeof(reason), "%s", r->errmsg);
		else
			snprintf(reason, sizeof(reason), "HTTP %ld from %s",
			    r->status, r->final_url);
		a.reason = reason;
		replace(&s->last_error, reason);
		s->failures++;
		/* 410 Gone: no point backing off gently, but never drop */
		if(r->error == HTTP_OK && r->status == 410 &&
		    s->failures < p->cfg.unhealthy_after)
			s->failures = p->cfg.unhealthy_after;
		s->health = s->failures >= p->cfg.unhealthy_after ?
		    POLLER_UNHEALTHY : POLLER_FAILING;
		a.next_ms = failure_delay(p, s, r->status, r->retry_after);
	}
	a.failures = s->failures;
	a.health = s->health;
	if(!s->waiting)
		schedule(s, a.next_ms);

	if(moved && p->ops.moved)
		p->ops.moved(p->ops.ctx, s->name, s->url);
	if(stale(s, gen))
		goto out;
	if(s->health != was && p->ops.health)
		p->ops.health(p->ops.ctx, s->name, s->health, a.reason);
	if(stale(s, gen))
		goto out;
	if(ok && !a.not_modified && p->ops.body)
		p->ops.body(p->ops.ctx, s->name, r);
	if(stale(s, gen))
		goto out;
	if(vchanged && p->ops.validators)
		p->ops.validators(p->ops.ctx, s->name, s->etag,
		    s->last_modified);
	if(stale(s, gen))
		goto out;
	if(p->ops.attempt)
		p->ops.attempt(p->ops.ctx, s->name, &a);
out:
	s->busy--;
	if(s->dead && !s->busy)
		src_free(s);
}

struct poller *
poller_new(struct event_base *base, struct http_client *client,
    const struct poller_config *cfg, const struct poller_ops *ops,
    char *err, size_t errlen)
{
	struct poller *p;
	struct poller_config d = {0};

	if(!base || !client) {
		fail(err, errlen, "poller: no event base or HTTP client");
		return NULL;
	}
	p = xcalloc(1, sizeof(*p));
	if(cfg)
		d = *cfg;
	p->base = base;
	p->http = client;
	if(ops)
		p->ops = *ops;
	p->cfg.jitter = d.jitter > 0 ? d.jitter : 0.1;
	if(p->cfg.jitter > 0.5)
		p->cfg.jitter = 0.5;
	p->cfg.backoff_base_ms = d.backoff_base_ms > 0 ?
	    d.backoff_base_ms : 60000;
	p->cfg.backoff_max_ms = d.backoff_max_ms > 0 ?
	    d.backoff_max_ms : 3600 * 1000L;
	p->cfg.unhealthy_after = d.unhealthy_after > 0 ?
	    d.unhealthy_after : 5;
	p->cfg.unhealthy_retry_ms = d.unhealthy_retry_ms > 0 ?
	    d.unhealthy_retry_ms : 3600 * 1000L;
	p->cfg.retry_after_max_ms = d.retry_after_max_ms > 0 ?
	    d.retry_after_max_ms : 24 * 3600 * 1000L;
	p->cfg.start_spread_ms = d.start_spread_ms > 0 ?
	    d.start_spread_ms : 0;
	p->cfg.seed = d.seed;
	p->rng = d.seed ? d.seed :
	    ((uint64_t)time(NULL) << 20) ^ (uint64_t)getpid() ^
	    (uint64_t)(uintptr_t)p;
	if(!p->rng)
		p->rng = 88172645463325252ULL;
	p->nbuckets = 64;
	p->tab = xcalloc(p->nbuckets, sizeof(*p->tab));
	TAILQ_INIT(&p->waiting);
	return p;
}

void
poller_free(struct poller *p)
{
	size_t i;

	if(!p)
		return;
	for(i = 0; i < p->nbuckets; i++) {
		struct poller_src *s = p->tab[i], *next;

		for(; s; s = next) {
			next = s->next;
			src_free(s);
		}
	}
	free(p->tab);
	free(p);
}

static void
set_conf(struct poller_src *s, const struct poller_source *src)
{
	bool accept = false;
	size_t i;

	s->interval_ms = src->interval_ms;
	strlist_free(&s->headers);
	for(i = 0; src->headers && src->headers[i]; i++) {
		strlist_push(&s->headers, src->headers[i]);
		if(strncasecmp(src->headers[i], "Accept:", 7) == 0)
			accept = true;
	}
	if(!accept)
		strlist_push(&s->headers, POLLER_ACCEPT);
	/* NULL-terminated for http_options.headers */
	strlist_push(&s->headers, "");
	free(s->headers.v[--s->headers.n]);
	s->headers.v[s->headers.n] = NULL;
	replace(&s->user_agent, src->user_agent);
	s->connect_timeout_ms = src->connect_timeout_ms;
	s->timeout_ms = src->timeout_ms;
	s->max_body = src->max_body;
	replace(&s->userpwd, src->userpwd);
	replace(&s->cookie, src->cookie);
	replace(&s->proxy, src->proxy);
	s->insecure = src->insecure;
}

int
poller_add(struct poller *p, const struct poller_source *src, char *err,
    size_t errlen)
{
	struct poller_src *s;
	long first;

	if(!src->name || !*src->name)
		return fail(err, errlen, "a source needs a name");
	if(!src->url || !*src->url)
		return fail(err, errlen, "source %s: no URL", src->name);
	if(src->interval_ms <= 0)
		return fail(err, errlen, "source %s: the poll interval must "
		    "be positive", src->name);
	s = find(p, src->name);
	if(s && s->dead)
		s = NULL;     /* removed in its own callback: a new one */
	if(s && strcmp(s->conf_url, src->url) == 0) {
		long was = s->interval_ms;

		set_conf(s, src);
		if(s->due_at && s->interval_ms < was && !s->failures &&
		    s->due_at - mono_ms() > s->interval_ms) {
			evtimer_del(s->timer);
			schedule(s, jittered(p, s->interval_ms));
		}
		return 0;
	}
	if(s) {
		/* another URL: start afresh */
		if(s->req) {
			http_cancel(s->req);
			s->req = NULL;
		}
		if(s->waiting) {
			TAILQ_REMOVE(&p->waiting, s, wlink);
			s->waiting = false;
		}
		evtimer_del(s->timer);
		s->due_at = 0;
		s->gen++;
		s->failures = 0;
		s->health = POLLER_OK;
		replace(&s->last_error, NULL);
		s->last_status = 0;
	} else {
		s = xcalloc(1, sizeof(*s));
		s->p = p;
		s->name = xstrdup(src->name);
		s->timer = evtimer_new(p->base, timer_event, s);
		if(!s->timer) {
			free(s->name);
			free(s);
			return fail(err, errlen, "source %s: cannot create "
			    "its timer", src->name);
		}
		tab_insert(p, s);
	}
	replace(&s->conf_url, src->url);
	replace(&s->url, src->moved_url ? src->moved_url : src->url);
	replace(&s->etag, src->etag);
	replace(&s->last_modified, src->last_modified);
	set_conf(s, src);
	first = p->cfg.start_spread_ms > 0 ?
	    (long)(rnd(p) * (double)p->cfg.start_spread_ms) : 0;
	schedule(s, first);
	return 0;
}

bool
poller_remove(struct poller *p, const char *name)
{
	struct poller_src *s = find(p, name);

	if(!s || s->dead)
		return false;
	tab_remove(p, s);
	if(s->busy) {
		s->dead = true;
		if(s->req) {
			http_cancel(s->req);
			s->req = NULL;
		}
		evtimer_del(s->timer);
		if(s->waiting) {
			TAILQ_REMOVE(&p->waiting, s, wlink);
			s->waiting = false;
		}
		return true;
	}
	src_free(s);
	return true;
}

bool
poller_poll_now(struct poller *p, const char *name)
{
	struct poller_src *s = find(p, name);

	if(!s || s->dead)
		return false;
	if(s->req)
		return true;
	evtimer_del(s->timer);
	s->due_at = 0;
	if(s->waiting) {
		TAILQ_REMOVE(&p->waiting, s, wlink);
		s->waiting = false;
	}
	start_poll(s);
	return true;
}

void
poller_pause(struct poller *p)
{
	p->paused = true;
}

void
poller_resume(struct poller *p)
{
	struct poller_src *s;

	p->paused = false;
	while(!TAILQ_EMPTY(&p->waiting)) {
		s = TAILQ_FIRST(&p->waiting);
		TAILQ_REMOVE(&p->waiting, s, wlink);
		s->waiting = false;
		if(!s->req)
			start_poll(s);
	}
}

size_t
poller_count(const struct poller *p)
{
	return p->n;
}

bool
poller_get(const struct poller *p, const char *name,
    struct poller_status *st)
{
	const struct poller_src *s = find(p, name);

	if(!s)
		return false;
	st->health = s->health;
	st->failures = s->failures;
	st->last_status = s->last_status;
	st->url = s->url;
	st->last_error = s->last_error;
	st->in_flight = s->req != NULL;
	return true;
}
