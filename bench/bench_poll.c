/* The poller's side of bench_poll.py: polls every URL of a list once as a
 * source (the 200 path, no validators), then once more with the validators
 * the first round brought (the 304 path), through the HTTP client and the
 * poller on one libevent loop, as newswired does. Prints one JSON line:
 * polls, seconds and statuses of each round, and the process's peak
 * resident memory (VmHWM, kB).
 *
 *   bench_poll URL_LIST PER_HOST [PARSE]
 *
 * With PARSE = 1 each 200 body is parsed with feed_parse() on the loop
 * too (newswired parses on its workers; this shows the parse's cost). */
#include <event2/event.h>
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "feed/feed.h"
#include "http/http.h"
#include "http/poller.h"
#include "util.h"

struct bench {
	struct event_base *base;
	struct poller *poller;
	char **names;
	size_t n;
	size_t done;            /* attempts of this round */
	size_t ok200, ok304, failed, items;
	bool parse;
};

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static long
vm_hwm_kb(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long kb = -1;

	if (f == NULL)
		return -1;
	while (fgets(line, sizeof(line), f) != NULL)
		if (strncmp(line, "VmHWM:", 6) == 0)
			kb = strtol(line + 6, NULL, 10);
	fclose(f);
	return kb;
}

static void
on_body(void *ctx, const char *name, struct http_response *r)
{
	struct bench *b = ctx;
	struct feed *f;
	char err[256];

	(void)name;
	if (!b->parse)
		return;
	f = feed_parse(r->body, r->body_len, r->url, err, sizeof(err));
	if (f != NULL)
		b->items += f->n_items;
	feed_free(f);
}

static void
on_attempt(void *ctx, const char *name, const struct poller_attempt *a)
{
	struct bench *b = ctx;

	(void)name;
	if (a->not_modified)
		b->ok304++;
	else if (a->reason == NULL)
		b->ok200++;
	else
		b->failed++;
	if (++b->done == b->n)
		event_base_loopbreak(b->base);
}

static size_t
read_urls(const char *path, struct strlist *urls)
{
	FILE *f = fopen(path, "r");
	char line[2048];

	if (f == NULL)
		return 0;
	while (fgets(line, sizeof(line), f) != NULL) {
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] != '\0')
			strlist_push(urls, line);
	}
	fclose(f);
	return urls->n;
}

static double
round_run(struct bench *b)
{
	double t0 = now_s();

	b->done = b->ok200 = b->ok304 = b->failed = 0;
	event_base_dispatch(b->base);
	return now_s() - t0;
}

int
main(int argc, char **argv)
{
	struct bench b = { 0 };
	struct strlist urls = { 0 };
	struct http_config hc = { 0 };
	struct poller_config pc = { .jitter = 1e-9 };
	struct poller_ops ops = { .body = on_body, .attempt = on_attempt };
	struct http_client *http;
	char err[256], name[32];
	double t200, t304;
	size_t r200, f200;

	if (argc < 3 || read_urls(argv[1], &urls) == 0) {
		fprintf(stderr, "usage: bench_poll URL_LIST PER_HOST "
		    "[PARSE]\n");
		return 2;
	}
	xmlInitParser();
	b.parse = argc > 3 && strcmp(argv[3], "1") == 0;
	hc.per_host = atoi(argv[2]);
	hc.global = hc.per_host;
	b.base = event_base_new();
	http = http_client_new(b.base, &hc, err, sizeof(err));
	ops.ctx = &b;
	b.poller = http ? poller_new(b.base, http, &pc, &ops, err,
	    sizeof(err)) : NULL;
	if (b.poller == NULL) {
		fprintf(stderr, "bench_poll: %s\n", err);
		return 1;
	}
	b.n = urls.n;
	for (size_t i = 0; i < urls.n; i++) {
		struct poller_source s = {
			.name = name,
			.url = urls.v[i],
			.interval_ms = 86400000L,
		};

		snprintf(name, sizeof(name), "s%zu", i);
		if (poller_add(b.poller, &s, err, sizeof(err)) != 0) {
			fprintf(stderr, "bench_poll: %s\n", err);
			return 1;
		}
	}
	t200 = round_run(&b);
	r200 = b.ok200;
	f200 = b.failed;
	for (size_t i = 0; i < urls.n; i++) {
		snprintf(name, sizeof(name), "s%zu", i);
		poller_poll_now(b.poller, name);
	}
	t304 = round_run(&b);
	printf("{\"polls\": %zu, \"round200\": {\"seconds\": %.3f, "
	    "\"ok\": %zu, \"failed\": %zu, \"items\": %zu}, "
	    "\"round304\": {\"seconds\": %.3f, \"not_modified\": %zu, "
	    "\"other\": %zu, \"failed\": %zu}, \"vm_hwm_kb\": %ld}\n",
	    urls.n, t200, r200, f200, b.items, t304, b.ok304, b.ok200,
	    b.failed, vm_hwm_kb());
	poller_free(b.poller);
	http_client_free(http);
	event_base_free(b.base);
	strlist_free(&urls);
	return 0;
}
