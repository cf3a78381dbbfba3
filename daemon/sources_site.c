/* Sources that give `site = URL` instead of `url =`: the daemon finds
 * the feed the site offers (fetchers/discover, as `newswire discover`
 * does, the first feed found), polls it, and remembers it in the store as
 * the source's moved URL (feeds_store.h), so a restart polls it at once.
 *
 * The search runs again when the feed goes away: a poll answered 404 or
 * 410, or a body that is no feed; once per such spell (not at every
 * failed poll), and the feed it finds then replaces the old one (its
 * entries are known by guid or link: nothing is published twice). A
 * search that finds nothing is a source.error; the old feed, if any, is
 * still polled, and the search is tried again after the interval,
 * doubling up to [http] backoff_max (never shorter than the interval). */
#include "sources_int.h"

#include <event2/event.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "daemon_state.h"
#include "discover/discover.h"
#include "http/poller.h"

static void site_search(struct sources *S, struct src *s);

static void
on_timer(evutil_socket_t fd, short what, void *arg)
{
	struct src *s = arg;

	(void)fd;
	(void)what;
	site_search(s->S, s);
}

/* No feed found: said, and tried again later. */
static void
not_found(struct sources *S, struct src *s, const char *why)
{
	char msg[512];
	long max = S->d->cfg.http_backoff_max * 1000L;
	long ms = s->c.interval_ms;
	struct timeval tv;

	snprintf(msg, sizeof(msg), "site %s: %s", s->c.site, why);
	log_debug(&S->d->log, "%s: %s", s->c.name, msg);
	jobs_publish_error(S, s->c.name, s->c.site, s->c.site, msg);
	for (int i = 0; i < s->disc_fails && ms < max; i++)
		ms *= 2;
	if (ms > max && max > s->c.interval_ms)
		ms = max;
	s->disc_fails++;
	if (s->disc_timer == NULL)
		s->disc_timer = evtimer_new(S->d->base, on_timer, s);
	if (s->disc_timer != NULL) {
		tv.tv_sec = ms / 1000;
		tv.tv_usec = (ms % 1000) * 1000;
		evtimer_add(s->disc_timer, &tv);
	}
}

static void
on_found(void *arg, const struct discover_result *r)
{
	struct src *s = arg;
	struct sources *S = s->S;
	const char *feed;

	s->disc = NULL;         /* the search frees itself */
	s->disc_done = true;
	if (r->n == 0) {
		not_found(S, s, r->error != NULL ? r->error :
		    "no feed found");
		return;
	}
	s->disc_fails = 0;
	feed = r->feeds[0].url;
	if (s->moved_url != NULL && strcmp(s->moved_url, feed) == 0) {
		log_info(&S->d->log, "%s: %s still offers %s", s->c.name,
		    s->c.site, feed);
		return;
	}
	log_info(&S->d->log, "%s: the feed of %s is %s", s->c.name,
	    s->c.site, feed);
	set_str(&s->moved_url, feed);
	set_str(&s->etag, NULL);
	set_str(&s->last_modified, NULL);
	s->parse_failed = false;
	persist_state(S, s);
	src_repoll(S, s);
}

static void
site_search(struct sources *S, struct src *s)
{
	struct http_options o;
	struct discover_opts dopt = { .first_only = true, .http = &o };
	struct buf up = { 0 };

	if (s->disc != NULL || S->stopped || S->http == NULL)
		return;
	if (s->disc_timer != NULL)
		evtimer_del(s->disc_timer);
	src_http_options(s, s->c.site, &o);
	o.cookie = s->c.cookie;
	if (s->c.username != NULL && s->c.password != NULL) {
		buf_printf(&up, "%s:%s", s->c.username, s->c.password);
		o.userpwd = up.p;
	}
	log_info(&S->d->log, "%s: looking for the feed of %s", s->c.name,
	    s->c.site);
	s->disc = discover_start(S->http, s->c.site, &dopt, on_found, s);
	if (up.p != NULL)
		memset(up.p, 0, up.len);
	buf_free(&up);
}

void
site_discover(struct sources *S, struct src *s)
{
	if (src_is_site(s))
		site_search(S, s);
}

void
site_polled(struct sources *S, struct src *s, long status)
{
	if (!src_is_site(s) || s->disc != NULL)
		return;
	if (status == 304)
		s->disc_done = false;
	if ((status == 404 || status == 410) && !s->disc_done) {
		log_info(&S->d->log, "%s: its feed %s is gone (HTTP %ld)",
		    s->c.name, src_url(s), status);
		site_search(S, s);
	}
}

void
site_parsed(struct sources *S, struct src *s, bool feed)
{
	if (!src_is_site(s) || s->disc != NULL)
		return;
	if (feed) {
		s->disc_done = false;
	} else if (!s->disc_done) {
		log_info(&S->d->log, "%s: %s is no feed now", s->c.name,
		    src_url(s));
		site_search(S, s);
	}
}

void
site_drop(struct src *s)
{
	discover_cancel(s->disc);
	s->disc = NULL;
	if (s->disc_timer != NULL)
		event_free(s->disc_timer);
	s->disc_timer = NULL;
	s->disc_fails = 0;
	s->disc_done = false;
}
