/* The test driver for the HTTP client and the poller: runs them on a
 * libevent loop against a URL and prints what they report, one JSON object
 * per line, for test_http.py to check against the server's own log.
 *
 *   http_driver get URL [options]   COUNT identical GETs queued at once
 *   http_driver poll URL [options]  one poller source until POLLS attempts
 *
 * Options: --count N, --polls N, --etag E, --lm DATE, --header "N: v",
 * --ua UA, --proxy URL, --ca-file PEM, --max-body N, --timeout-ms N,
 * --connect-timeout-ms N,
 * --per-host N, --global N, --delay-ms N, --interval-ms N,
 * --backoff-ms N, --unhealthy-after N, --unhealthy-retry-ms N,
 * --limit-ms N (default 30000: the driver gives up and exits 3).
 * Exit status: 0 when every expected result arrived, 3 on the time limit,
 * 2 on bad usage. */
#include <event2/event.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "http/http.h"
#include "http/poller.h"

struct drv {
	struct event_base *base;
	struct http_client *http;
	struct poller *poller;
	int want;           /* results or attempts to wait for */
	int got;
	int timed_out;
};

static void
emit(json_t *o)
{
	char *s = json_dumps(o, JSON_COMPACT);

	printf("%s\n", s);
	fflush(stdout);
	free(s);
	json_decref(o);
}

static json_t *
jstr(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *
response_json(const char *ev, const struct http_response *r)
{
	json_t *o = json_object();
	char sha[65];

	json_object_set_new(o, "ev", json_string(ev));
	json_object_set_new(o, "error", json_string(http_error_name(
	    r->error)));
	json_object_set_new(o, "errmsg", jstr(r->errmsg));
	json_object_set_new(o, "status", json_integer(r->status));
	json_object_set_new(o, "url", jstr(r->url));
	json_object_set_new(o, "final_url", jstr(r->final_url));
	json_object_set_new(o, "permanent_url", jstr(r->permanent_url));
	json_object_set_new(o, "redirects", json_integer(r->redirects));
	json_object_set_new(o, "etag", jstr(r->etag));
	json_object_set_new(o, "last_modified", jstr(r->last_modified));
	json_object_set_new(o, "content_type", jstr(r->content_type));
	json_object_set_new(o, "retry_after", json_integer(r->retry_after));
	json_object_set_new(o, "body_len", json_integer((json_int_t)
	    r->body_len));
	if(r->body) {
		hash_sha256_hex(r->body, r->body_len, sha);
		json_object_set_new(o, "body_sha256", json_string(sha));
	}
	return o;
}

static void
maybe_stop(struct drv *d)
{
	if(d->got >= d->want)
		event_base_loopexit(d->base, NULL);
}

static void
on_get(void *arg, struct http_response *r)
{
	struct drv *d = arg;

	emit(response_json("response", r));
	d->got++;
	maybe_stop(d);
}

static void
on_body(void *ctx, const char *name, struct http_response *r)
{
	json_t *o = response_json("body", r);
	char *b;

	(void)ctx;
	json_object_set_new(o, "source", json_string(name));
	emit(o);
	/* take the body, as the daemon does */
	b = r->body;
	r->body = NULL;
	free(b);
}

static void
on_validators(void *ctx, const char *name, const char *etag,
    const char *lm)
{
	json_t *o = json_object();

	(void)ctx;
	json_object_set_new(o, "ev", json_string("validators"));
	json_object_set_new(o, "source", json_string(name));
	json_object_set_new(o, "etag", jstr(etag));
	json_object_set_new(o, "last_modified", jstr(lm));
	emit(o);
}

static void
on_moved(void *ctx, const char *name, const char *url)
{
	json_t *o = json_object();

	(void)ctx;
	json_object_set_new(o, "ev", json_string("moved"));
	json_object_set_new(o, "source", json_string(name));
	json_object_set_new(o, "url", json_string(url));
	emit(o);
}

static void
on_health(void *ctx, const char *name, enum poller_health h,
    const char *reason)
{
	json_t *o = json_object();

	(void)ctx;
	json_object_set_new(o, "ev", json_string("health"));
	json_object_set_new(o, "source", json_string(name));
	json_object_set_new(o, "health", json_string(poller_health_name(h)));
	json_object_set_new(o, "reason", jstr(reason));
	emit(o);
}

static void
on_attempt(void *ctx, const char *name, const struct poller_attempt *a)
{
	struct drv *d = ctx;
	json_t *o = json_object();

	json_object_set_new(o, "ev", json_string("attempt"));
	json_object_set_new(o, "source", json_string(name));
	json_object_set_new(o, "status", json_integer(a->status));
	json_object_set_new(o, "error", json_string(http_error_name(
	    a->error)));
	json_object_set_new(o, "reason", jstr(a->reason));
	json_object_set_new(o, "not_modified",
	    json_boolean(a->not_modified));
	json_object_set_new(o, "failures", json_integer(a->failures));
	json_object_set_new(o, "health", json_string(poller_health_name(
	    a->health)));
	json_object_set_new(o, "next_ms", json_integer(a->next_ms));
	emit(o);
	d->got++;
	maybe_stop(d);
}

static void
on_limit(evutil_socket_t fd, short what, void *arg)
{
	struct drv *d = arg;

	(void)fd;
	(void)what;
	d->timed_out = 1;
	event_base_loopexit(d->base, NULL);
}

static long
num(const char *s)
{
	char *end;
	long v = strtol(s, &end, 10);

	if(*end || v < 0) {
		fprintf(stderr, "http_driver: bad number %s\n", s);
		exit(2);
	}
	return v;
}

int
main(int argc, char **argv)
{
	struct drv d = {0};
	struct http_config hc = {0};
	struct http_options o = {0};
	struct poller_config pc = {0};
	struct poller_source src = {0};
	struct poller_ops ops = {0};
	const char *headers[16] = {0};
	size_t nh = 0;
	long count = 1, limit = 30000;
	struct event *lim;
	struct timeval tv;
	char err[256];
	int i, rc;

	if(argc < 3 || (strcmp(argv[1], "get") && strcmp(argv[1], "poll"))) {
		fprintf(stderr, "usage: http_driver get|poll URL [options]\n");
		return 2;
	}
	src.interval_ms = 1000;
	for(i = 3; i < argc; i++) {
		const char *k = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

		if(!v) {
			fprintf(stderr, "http_driver: %s needs a value\n", k);
			return 2;
		}
		i++;
		if(!strcmp(k, "--count") || !strcmp(k, "--polls"))
			count = num(v);
		else if(!strcmp(k, "--etag"))
			o.etag = src.etag = v;
		else if(!strcmp(k, "--lm"))
			o.last_modified = src.last_modified = v;
		else if(!strcmp(k, "--header") && nh < 15)
			headers[nh++] = v;
		else if(!strcmp(k, "--ua"))
			hc.user_agent = v;
		else if(!strcmp(k, "--proxy"))
			hc.proxy = v;
		else if(!strcmp(k, "--ca-file"))
			hc.ca_file = v;
		else if(!strcmp(k, "--max-body"))
			hc.max_body = (size_t)num(v);
		else if(!strcmp(k, "--timeout-ms"))
			hc.timeout_ms = num(v);
		else if(!strcmp(k, "--connect-timeout-ms"))
			hc.connect_timeout_ms = num(v);
		else if(!strcmp(k, "--per-host"))
			hc.per_host = (int)num(v);
		else if(!strcmp(k, "--global"))
			hc.global = (int)num(v);
		else if(!strcmp(k, "--delay-ms"))
			hc.host_delay_ms = num(v);
		else if(!strcmp(k, "--interval-ms"))
			src.interval_ms = num(v);
		else if(!strcmp(k, "--backoff-ms"))
			pc.backoff_base_ms = num(v);
		else if(!strcmp(k, "--unhealthy-after"))
			pc.unhealthy_after = (int)num(v);
		else if(!strcmp(k, "--unhealthy-retry-ms"))
			pc.unhealthy_retry_ms = num(v);
		else if(!strcmp(k, "--limit-ms"))
			limit = num(v);
		else {
			fprintf(stderr, "http_driver: unknown option %s\n", k);
			return 2;
		}
	}
	if(nh) {
		o.headers = headers;
		src.headers = headers;
	}
	d.base = event_base_new();
	d.http = http_client_new(d.base, &hc, err, sizeof(err));
	if(!d.http) {
		fprintf(stderr, "http_driver: %s\n", err);
		return 1;
	}
	d.want = (int)count;
	lim = evtimer_new(d.base, on_limit, &d);
	tv.tv_sec = limit / 1000;
	tv.tv_usec = (limit % 1000) * 1000;
	evtimer_add(lim, &tv);
	if(!strcmp(argv[1], "get")) {
		for(i = 0; i < count; i++)
			http_get(d.http, argv[2], &o, on_get, &d);
	} else {
		ops.body = on_body;
		ops.validators = on_validators;
		ops.moved = on_moved;
		ops.health = on_health;
		ops.attempt = on_attempt;
		ops.ctx = &d;
		pc.seed = 42;
		d.poller = poller_new(d.base, d.http, &pc, &ops, err,
		    sizeof(err));
		src.name = "src";
		src.url = argv[2];
		if(!d.poller || poller_add(d.poller, &src, err,
		    sizeof(err))) {
			fprintf(stderr, "http_driver: %s\n", err);
			return 1;
		}
	}
	if(d.want > 0)
		event_base_dispatch(d.base);
	rc = d.timed_out ? 3 : 0;
	if(d.timed_out)
		fprintf(stderr, "http_driver: time limit: %d of %d results\n",
		    d.got, d.want);
	poller_free(d.poller);
	http_client_free(d.http);
	event_free(lim);
	event_base_free(d.base);
	return rc;
}
