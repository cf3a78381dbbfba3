#include "metrics.h"

#include <errno.h>
#include <event2/buffer.h>
#include <event2/event.h>
#include <event2/http.h>
#include <event2/keyvalq_struct.h>
#include <netinet/in.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "daemon_state.h"
#include "nw_config.h"
#include "output.h"
#include "replay.h"
#include "retention.h"
#include "store.h"
#ifdef HAVE_LIBNATS
#include "cluster_feed.h"
#include "idents.h"
#include "leases.h"
#endif
#include "util.h"
#include "workers.h"

/* Outcomes of an item, as in the topics. */
enum {
	OUT_NEW,
	OUT_UPDATED,
	OUT_DUPLICATE,
	OUT_FAILED,
	OUT_COUNT
};

static const char *const metrics_outcomes[OUT_COUNT] = {
	"new", "updated", "duplicate", "failed"
};

/* Upper bounds of the fetch histogram's buckets, in seconds (+Inf is
 * the count). */
static const double metrics_buckets[] = {
	0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60
};

#define N_BUCKETS (sizeof(metrics_buckets) / sizeof(metrics_buckets[0]))

/* The loop is unwell when its one-second tick runs this late. */
#define METRICS_LAG_MAX 10.0

struct msource {
	char *name;
	uint64_t items[OUT_COUNT];
	uint64_t buckets[N_BUCKETS];  /* not cumulative */
	uint64_t fetches;
	double fetch_sum;
	uint64_t blocked;             /* entries refused by the rules */
};

struct metrics {
	struct daemon *d;
	struct msource *src;
	size_t n_src;
	uint64_t queue_full;
	uint64_t inbox[METRICS_INBOX_COUNT];
	uint64_t adopted;       /* files of dead nodes adopted */
	struct strlist adopted_from; /* ... those nodes */
	struct evhttp *http;
	int port;
	struct event *ev_tick;
	double tick_due;        /* monotonic seconds of the next tick */
	double lag;             /* of the last tick, seconds */
};

static void
on_tick(evutil_socket_t fd, short what, void *arg)
{
	struct metrics *m = arg;
	double now = clock_seconds(CLOCK_MONOTONIC);

	(void)fd;
	(void)what;
	m->lag = now > m->tick_due ? now - m->tick_due : 0;
	m->tick_due = now + 1.0;
}

struct metrics *
metrics_new(struct daemon *d)
{
	struct metrics *m = xcalloc(1, sizeof(*m));
	struct timeval tv = { .tv_sec = 1 };

	m->d = d;
	m->ev_tick = event_new(d->base, -1, EV_PERSIST, on_tick, m);
	m->tick_due = clock_seconds(CLOCK_MONOTONIC) + 1.0;
	event_add(m->ev_tick, &tv);
	return m;
}

static struct msource *
source_get(struct metrics *m, const char *name, size_t len)
{
	for (size_t i = 0; i < m->n_src; i++)
		if (strlen(m->src[i].name) == len &&
		    memcmp(m->src[i].name, name, len) == 0)
			return &m->src[i];
	m->src = xrealloc(m->src, (m->n_src + 1) * sizeof(*m->src));
	memset(&m->src[m->n_src], 0, sizeof(*m->src));
	m->src[m->n_src].name = xstrndup(name, len);
	return &m->src[m->n_src++];
}

void
metrics_event(struct metrics *m, const char *topic)
{
	static const char article[] = "article.";
	static const char error[] = "source.error.";
	const char *dot;

	if (m == NULL)
		return;
	if (strncmp(topic, error, sizeof(error) - 1) == 0) {
		topic += sizeof(error) - 1;
		source_get(m, topic, strlen(topic))->items[OUT_FAILED]++;
		return;
	}
	if (strncmp(topic, article, sizeof(article) - 1) != 0)
		return;
	topic += sizeof(article) - 1;
	dot = strchr(topic, '.');
	if (dot == NULL)
		return;
	for (int o = 0; o < OUT_FAILED; o++)
		if (strlen(metrics_outcomes[o]) == (size_t)(dot - topic) &&
		    memcmp(metrics_outcomes[o], topic,
		    (size_t)(dot - topic)) == 0) {
			source_get(m, dot + 1, strlen(dot + 1))->items[o]++;
			return;
		}
}

void
metrics_blocked(struct metrics *m, const char *source)
{
	if (m != NULL)
		source_get(m, source, strlen(source))->blocked++;
}

void
metrics_queue_full(struct metrics *m)
{
	if (m != NULL)
		m->queue_full++;
}

void
metrics_inbox(struct metrics *m, enum metrics_inbox what)
{
	if (m != NULL)
		m->inbox[what]++;
}

void
metrics_inbox_adopted(struct metrics *m, const char *node)
{
	if (m == NULL)
		return;
	m->adopted++;
	if (!strlist_contains(&m->adopted_from, node))
		strlist_push(&m->adopted_from, node);
}

void
metrics_fetch_observe(struct metrics *m, const char *source,
    double seconds)
{
	struct msource *s;

	if (m == NULL)
		return;
	s = source_get(m, source, strlen(source));
	for (size_t i = 0; i < N_BUCKETS; i++)
		if (seconds <= metrics_buckets[i]) {
			s->buckets[i]++;
			break;
		}
	s->fetches++;
	s->fetch_sum += seconds;
}

static uint64_t
sum_items(const struct metrics *m, bool failed)
{
	uint64_t n = 0;

	for (size_t i = 0; i < m->n_src; i++)
		for (int o = 0; o < OUT_COUNT; o++)
			if ((o == OUT_FAILED) == failed)
				n += m->src[i].items[o];
	return n;
}

uint64_t
metrics_processed(const struct metrics *m)
{
	return m != NULL ? sum_items(m, false) : 0;
}

uint64_t
metrics_failed(const struct metrics *m)
{
	return m != NULL ? sum_items(m, true) : 0;
}

void
metrics_status(void *ctx, char *buf, size_t len)
{
	struct metrics *m = ctx;
	struct daemon *d = m->d;

	snprintf(buf, len, "%llu processed, %llu failed, queue %zu/%d, "
	    "last seq %lld",
	    (unsigned long long)metrics_processed(m),
	    (unsigned long long)metrics_failed(m),
	    workers_busy(d->workers), d->cfg.queue_size,
	    (long long)store_last_seq(d->store));
}

/* The journal's extent and the store's size, in O(log n): counting rows
 * or pages would block the loop for a second at 50,000 events. Retention
 * removes the oldest events, so the seqs left form one range; *rows is
 * its length. *bytes is the database's pages in use (the journal is most
 * of them). */
struct jsize {
	int64_t first, last, rows, bytes;
};

static int
journal_size(struct store *s, struct jsize *j, char *err, size_t errlen)
{
	if (store_journal_size(s, &j->first, &j->last, &j->bytes, err,
	    errlen) != 0)
		return -1;
	j->rows = j->last > 0 ? j->last - j->first + 1 : 0;
	return 0;
}

/* Why the daemon is unwell, or NULL. */
static const char *
metrics_unwell(struct metrics *m, char *why, size_t len)
{
	struct daemon *d = m->d;
	double late = clock_seconds(CLOCK_MONOTONIC) - m->tick_due;
	struct jsize j;

	if (d->stopping)
		return "stopping";
	if (m->lag > METRICS_LAG_MAX || late > METRICS_LAG_MAX) {
		snprintf(why, len, "loop: timers run %.1f s late",
		    late > m->lag ? late : m->lag);
		return why;
	}
	/* the retry is armed by waiting moves out too (metrics_degraded()) */
	if (d->store_log.code != 0 && d->ev_retry != NULL &&
	    evtimer_pending(d->ev_retry, NULL))
		return "store: the last commit failed; retrying";
	if (journal_size(d->store, &j, why, len) != 0)
		return why;
	return NULL;
}

/* Why the daemon, well, does less than it should, or NULL: inbox files
 * published whose move out waits (ingest_moves.c). Its events go out;
 * a restart would not mend a full disk. */
static const char *
metrics_degraded(struct metrics *m, char *why, size_t len)
{
	struct daemon *d = m->d;

	size_t n = d->moves_waiting;

	if (n == 0)
		return NULL;
	snprintf(why, len, "degraded: inbox: %zu published file(s) wait for "
	    "their move out, tried again every %d s (%.300s)", n,
	    d->cfg.store_retry, d->move_err);
	return why;
}

static void
reply(struct evhttp_request *req, int code, const char *reason,
    const char *type, struct evbuffer *body)
{
	struct evkeyvalq *h = evhttp_request_get_output_headers(req);

	evhttp_add_header(h, "Content-Type", type);
	evhttp_add_header(h, "Cache-Control", "no-store");
	evhttp_send_reply(req, code, reason, body);
}

static void
on_healthz(struct evhttp_request *req, void *arg)
{
	struct evbuffer *b = evbuffer_new();
	char why[512];
	const char *bad = metrics_unwell(arg, why, sizeof(why));
	const char *less = bad ? NULL : metrics_degraded(arg, why,
	    sizeof(why));

	evbuffer_add_printf(b, "%s\n", bad ? bad : less ? less : "ok");
	reply(req, bad ? 503 : 200, bad ? "Service Unavailable" : "OK",
	    "text/plain; charset=utf-8", b);
	evbuffer_free(b);
}

/* A label value with \, " and newlines escaped. */
static void
put_label(struct evbuffer *b, const char *s)
{
	for (; *s; s++) {
		if (*s == '\\' || *s == '"')
			evbuffer_add_printf(b, "\\%c", *s);
		else if (*s == '\n')
			evbuffer_add(b, "\\n", 2);
		else
			evbuffer_add(b, s, 1);
	}
}

static void
put_head(struct evbuffer *b, const char *name, const char *type,
    const char *help)
{
	evbuffer_add_printf(b, "# HELP %s %s\n# TYPE %s %s\n", name, help,
	    name, type);
}

static void
put_int(struct evbuffer *b, const char *name, const char *type,
    const char *help, long long v)
{
	put_head(b, name, type, help);
	evbuffer_add_printf(b, "%s %lld\n", name, v);
}

static void
put_items(struct metrics *m, struct evbuffer *b)
{
	put_head(b, "newswire_items_total", "counter",
	    "Items journalled and published, by source and outcome.");
	for (size_t i = 0; i < m->n_src; i++)
		for (int o = 0; o < OUT_COUNT; o++) {
			evbuffer_add_printf(b, "newswire_items_total"
			    "{source=\"");
			put_label(b, m->src[i].name);
			evbuffer_add_printf(b, "\",outcome=\"%s\"} %llu\n",
			    metrics_outcomes[o],
			    (unsigned long long)m->src[i].items[o]);
		}
}

static void
put_blocked(struct metrics *m, struct evbuffer *b)
{
	put_head(b, "newswire_entries_blocked_total", "counter",
	    "Feed entries not published: a keep or block rule refused "
	    "them.");
	for (size_t i = 0; i < m->n_src; i++) {
		evbuffer_add_printf(b, "newswire_entries_blocked_total"
		    "{source=\"");
		put_label(b, m->src[i].name);
		evbuffer_add_printf(b, "\"} %llu\n",
		    (unsigned long long)m->src[i].blocked);
	}
}

static void
put_fetches(struct metrics *m, struct evbuffer *b)
{
	put_head(b, "newswire_fetch_duration_seconds", "histogram",
	    "Time from the start of a fetch to its last byte or failure.");
	for (size_t i = 0; i < m->n_src; i++) {
		const struct msource *s = &m->src[i];
		uint64_t cum = 0;

		if (s->fetches == 0)
			continue;
		for (size_t k = 0; k <= N_BUCKETS; k++) {
			evbuffer_add_printf(b, "newswire_fetch_duration_"
			    "seconds_bucket{source=\"");
			put_label(b, s->name);
			if (k < N_BUCKETS) {
				cum += s->buckets[k];
				evbuffer_add_printf(b, "\",le=\"%g\"} %llu\n",
				    metrics_buckets[k],
				    (unsigned long long)cum);
			} else
				evbuffer_add_printf(b, "\",le=\"+Inf\"} "
				    "%llu\n", (unsigned long long)s->fetches);
		}
		evbuffer_add_printf(b, "newswire_fetch_duration_seconds_sum"
		    "{source=\"");
		put_label(b, s->name);
		evbuffer_add_printf(b, "\"} %.6f\n", s->fetch_sum);
		evbuffer_add_printf(b, "newswire_fetch_duration_seconds_count"
		    "{source=\"");
		put_label(b, s->name);
		evbuffer_add_printf(b, "\"} %llu\n",
		    (unsigned long long)s->fetches);
	}
}

/* VmRSS and VmHWM from /proc/self/status, in bytes (0 if unknown). */
static void
memory_of_self(long long *rss, long long *hwm)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long long kb;

	*rss = *hwm = 0;
	if (f == NULL)
		return;
	while (fgets(line, sizeof(line), f) != NULL) {
		if (sscanf(line, "VmRSS: %lld kB", &kb) == 1)
			*rss = kb * 1024;
		else if (sscanf(line, "VmHWM: %lld kB", &kb) == 1)
			*hwm = kb * 1024;
	}
	fclose(f);
}

/* Each output's own lines (output.h), and the sources' leases. */
static void
outputs_text(struct daemon *d, struct evbuffer *b)
{
	struct buf t = { 0 };

	outputs_metrics(d->outs, &t);
#ifdef HAVE_LIBNATS
	if (d->leases != NULL)
		leases_metrics(d->leases, &t);
	if (d->idents != NULL)
		idents_metrics(d->idents, &t);
	if (d->cluster_feed != NULL)
		cluster_feed_metrics(d->cluster_feed, &t);
#endif
	if (t.len > 0)
		evbuffer_add(b, t.p, t.len);
	buf_free(&t);
}

/* A shared inbox's claims and adoptions, with [cluster] leases. */
static void
put_inbox(struct metrics *m, struct evbuffer *b)
{
	put_int(b, "newswire_inbox_adopted_total", "counter", "Files a "
	    "dead node left claimed in the shared inbox, adopted here.",
	    (long long)m->adopted);
	put_int(b, "newswire_inbox_adopted_published_total", "counter",
	    "Adopted files their dead node had published: moved out with "
	    "no event.", (long long)m->inbox[METRICS_INBOX_FOUND]);
	put_int(b, "newswire_inbox_adopted_nodes_total", "counter", "Dead "
	    "nodes whose claimed files were adopted here, each once.",
	    (long long)m->adopted_from.n);
	put_int(b, "newswire_inbox_claims_renewed_total", "counter",
	    "Claims too old to be published here (5 leases: another node "
	    "may adopt them from 10 on), given back to be claimed afresh.",
	    (long long)m->inbox[METRICS_INBOX_RENEWED]);
	put_int(b, "newswire_inbox_claims_lost_total", "counter", "Files "
	    "claimed here that another node adopted meanwhile (this node "
	    "judged dead): not published here.",
	    (long long)m->inbox[METRICS_INBOX_LOST]);
	put_int(b, "newswire_inbox_adopted_unanswered_total", "counter",
	    "Adopted files whose dead node's event the stream did not say "
	    "was there or not in any ask: given back into the inbox, "
	    "published (twice if that node did publish them).",
	    (long long)m->inbox[METRICS_INBOX_UNANSWERED]);
}

static void
metrics_render(struct metrics *m, struct evbuffer *b)
{
	struct daemon *d = m->d;
	struct jsize j;
	long long rss, hwm;
	char why[256];

	/* the folder source is listed from the start, at zero */
	source_get(m, d->cfg.source_name, strlen(d->cfg.source_name));
	put_items(m, b);
	put_blocked(m, b);
	put_int(b, "newswire_queue_depth", "gauge", "Jobs of the one "
	    "worker pool not yet committed (queued, working or done), from "
	    "every source: inbox files, feed bodies and entries.",
	    (long long)workers_busy(d->workers));
	put_int(b, "newswire_queue_capacity", "gauge", "Items that may "
	    "wait for a worker (queue_size).", d->cfg.queue_size);
	put_int(b, "newswire_queue_full_total", "counter", "Times the "
	    "queue was full and a source waited (the inbox watcher stopped "
	    "reading, the feed polls paused).",
	    (long long)m->queue_full);
	put_int(b, "newswire_inbox_moves_waiting", "gauge", "Inbox files "
	    "published whose move out failed (a full disk, a read-only "
	    "folder): they wait, tried again every [store] retry seconds.",
	    (long long)d->moves_waiting);
	if (d->leases != NULL)
		put_inbox(m, b);
	put_int(b, "newswire_last_seq", "gauge", "The last sequence "
	    "number journalled.", (long long)store_last_seq(d->store));
	if (journal_size(d->store, &j, why, sizeof(why)) == 0) {
		put_int(b, "newswire_journal_events", "gauge", "Events in "
		    "the journal, replayable (its seq range).",
		    (long long)j.rows);
		put_int(b, "newswire_journal_first_seq", "gauge", "The oldest "
		    "seq still in the journal (0: empty).",
		    (long long)j.first);
		put_int(b, "newswire_journal_bytes", "gauge", "Bytes of the "
		    "store's pages in use; the journal is most of them.",
		    (long long)j.bytes);
	}
	put_int(b, "newswire_retention_held_events", "gauge", "Events past "
	    "the journal's limits kept because the NATS stream has not "
	    "acknowledged them.", d->retention != NULL ?
	    (long long)retention_held(d->retention) : 0);
	outputs_text(d, b);
	put_int(b, "newswire_replay_refused_total", "counter", "Replay "
	    "requests refused: malformed, too big, or the server busy.",
	    (long long)replay_refused(d->replay));
	put_fetches(m, b);
	put_int(b, "newswire_loop_lag_seconds", "gauge", "How late the "
	    "loop ran its last one-second timer, rounded down.",
	    (long long)m->lag);
	memory_of_self(&rss, &hwm);
	put_int(b, "process_resident_memory_bytes", "gauge", "Resident "
	    "memory (VmRSS).", rss);
	put_int(b, "newswire_resident_memory_peak_bytes", "gauge", "Peak "
	    "resident memory (VmHWM).", hwm);
	put_int(b, "newswire_up", "gauge", "1 while the daemon is healthy "
	    "(see /healthz).", metrics_unwell(m, why, sizeof(why)) == NULL);
	evbuffer_add_printf(b, "# HELP newswire_build_info The version.\n"
	    "# TYPE newswire_build_info gauge\n"
	    "newswire_build_info{version=\"%s\"} 1\n", NW_VERSION);
}

char *
metrics_text(struct metrics *m)
{
	struct evbuffer *b = evbuffer_new();
	size_t n;
	char *s;

	metrics_render(m, b);
	n = evbuffer_get_length(b);
	s = xmalloc(n + 1);
	evbuffer_remove(b, s, n);
	s[n] = '\0';
	evbuffer_free(b);
	return s;
}

static void
on_metrics(struct evhttp_request *req, void *arg)
{
	struct evbuffer *b = evbuffer_new();

	metrics_render(arg, b);
	reply(req, 200, "OK", "text/plain; version=0.0.4; charset=utf-8", b);
	evbuffer_free(b);
}

static void
on_other(struct evhttp_request *req, void *arg)
{
	struct evbuffer *b = evbuffer_new();

	(void)arg;
	evbuffer_add_printf(b, "not found: try /healthz or /metrics\n");
	reply(req, 404, "Not Found", "text/plain; charset=utf-8", b);
	evbuffer_free(b);
}

/* Splits "HOST:PORT" or "[V6]:PORT" into host (of hostlen) and port. */
static int
parse_addr(const char *addr, char *host, size_t hostlen, int *port,
    char *err, size_t errlen)
{
	const char *colon = strrchr(addr, ':');
	const char *h = addr;
	size_t n;
	long long p;

	if (colon == NULL)
		return fail(err, errlen, "metrics: '%s' is not HOST:PORT",
		    addr);
	n = (size_t)(colon - addr);
	if (n >= 2 && h[0] == '[' && h[n - 1] == ']') {
		h++;
		n -= 2;
	}
	if (n == 0 || n >= hostlen ||
	    parse_number(colon + 1, 0, 65535, &p, NULL, 0) != 0)
		return fail(err, errlen, "metrics: '%s' is not HOST:PORT",
		    addr);
	memcpy(host, h, n);
	host[n] = '\0';
	*port = (int)p;
	return 0;
}

int
metrics_listen(struct metrics *m, const char *addr, char *err,
    size_t errlen)
{
	struct evhttp_bound_socket *bs;
	struct sockaddr_storage ss;
	socklen_t sl = sizeof(ss);
	char host[256];
	int port = 0;

	if (addr == NULL || addr[0] == '\0')
		return 0;
	if (parse_addr(addr, host, sizeof(host), &port, err, errlen) != 0)
		return -1;
	m->http = evhttp_new(m->d->base);
	if (m->http == NULL)
		return fail(err, errlen, "metrics: evhttp_new failed");
	evhttp_set_allowed_methods(m->http, EVHTTP_REQ_GET | EVHTTP_REQ_HEAD);
	evhttp_set_timeout(m->http, 10);
	evhttp_set_max_headers_size(m->http, 8192);
	evhttp_set_max_body_size(m->http, 1024);
	evhttp_set_cb(m->http, "/healthz", on_healthz, m);
	evhttp_set_cb(m->http, "/metrics", on_metrics, m);
	evhttp_set_gencb(m->http, on_other, m);
	bs = evhttp_bind_socket_with_handle(m->http, host, (uint16_t)port);
	if (bs == NULL) {
		evhttp_free(m->http);
		m->http = NULL;
		return fail(err, errlen, "metrics: cannot listen on %s: %s",
		    addr, strerror(errno));
	}
	if (getsockname(evhttp_bound_socket_get_fd(bs),
	    (struct sockaddr *)&ss, &sl) == 0) {
		if (ss.ss_family == AF_INET)
			m->port = ntohs(((struct sockaddr_in *)&ss)->sin_port);
		else if (ss.ss_family == AF_INET6)
			m->port = ntohs(((struct sockaddr_in6 *)&ss)
			    ->sin6_port);
	}
	return 0;
}

int
metrics_port(const struct metrics *m)
{
	return m != NULL && m->http != NULL ? m->port : 0;
}

void
metrics_free(struct metrics *m)
{
	if (m == NULL)
		return;
	if (m->http != NULL)
		evhttp_free(m->http);
	if (m->ev_tick != NULL)
		event_free(m->ev_tick);
	for (size_t i = 0; i < m->n_src; i++)
		free(m->src[i].name);
	free(m->src);
	strlist_free(&m->adopted_from);
	free(m);
}
