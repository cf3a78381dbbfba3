#include "output_nats.h"

#include <errno.h>
#include <event2/event.h>
#include <inttypes.h>
#include <jansson.h>
#include <nats/nats.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "log.h"
#include "nats_conn.h"
#include "store.h"
#include "store_acks.h"
#include "util.h"

/* Sent and not yet acknowledged, at most; the rest waits in the journal. */
#define NATS_INFLIGHT_MAX 65536
/* An acknowledgement later than this: re-send from the last one. */
#define NATS_RESEND_SECS 15
#define NATS_NAME OUTPUT_NATS_NAME

enum nq_kind {
	NQ_ACK,
	NQ_NACK,
	NQ_READY,               /* connected, stream there: start sending */
	NQ_DISCONNECTED,
	NQ_RECONNECTED,
	NQ_LOG,                 /* a message of the setup thread: a
	                           warning, or information if seq is 1 */
};

struct nq_item {
	enum nq_kind kind;
	int64_t seq;
	bool duplicate;
	char why[160];
};

struct inflight {
	int64_t seq;
	double sent_at;
	bool acked;
};

static const double lat_bounds[] = {
	0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5,
	10, 30,
};
#define N_LAT (sizeof(lat_bounds) / sizeof(lat_bounds[0]))

struct onats {
	struct event_base *base;
	struct store *store;
	struct log *log;
	struct outputs *outs;
	size_t handle;
	char *stream, *prefix;
	int replicas;
	int64_t max_age, dup_window;    /* seconds */
	natsOptions *opts;
	/* set by the setup thread before NQ_READY, then the loop's */
	natsConnection *nc;
	jsCtx *js;
	pthread_t setup;
	bool setup_started;
	/* the queue from libnats's threads */
	pthread_mutex_t lock;
	struct nq_item *q;
	size_t qn, qcap;
	bool stop;                      /* under lock: the setup gives up */
	int efd;
	struct event *ev_q, *ev_tick;
	/* the loop's */
	bool ready, connected, resend;
	int64_t acked;                  /* every seq up to it acknowledged */
	int64_t sent;                   /* handed to libnats up to it */
	struct inflight *fl;
	size_t fl_head, fl_n, fl_cap;   /* fl[fl_head .. fl_head+fl_n) */
	uint64_t acked_total, duplicates, nacks, resends, too_large;
	int64_t too_large_seq;          /* the last seq passed over so */
	double nack_logged;             /* when a refusal was last logged */
	uint64_t lat_count, lat_buckets[N_LAT];
	double lat_sum;
};

/* Any thread: queues an item and wakes the loop. */
static void
post(struct onats *o, enum nq_kind kind, int64_t seq, bool dup,
    const char *why)
{
	uint64_t one = 1;
	struct nq_item *it;

	pthread_mutex_lock(&o->lock);
	if (o->qn == o->qcap) {
		o->qcap = o->qcap ? o->qcap * 2 : 256;
		o->q = xrealloc(o->q, o->qcap * sizeof(*o->q));
	}
	it = &o->q[o->qn++];
	it->kind = kind;
	it->seq = seq;
	it->duplicate = dup;
	snprintf(it->why, sizeof(it->why), "%s", why ? why : "");
	pthread_mutex_unlock(&o->lock);
	/* an eventfd write adds to a counter: it does not block */
	if (write(o->efd, &one, sizeof(one)) < 0 && errno != EAGAIN)
		return;
}

/* libnats's acknowledgement thread. */
static void
on_ack(jsCtx *js, natsMsg *msg, jsPubAck *pa, jsPubAckErr *pae,
    void *closure)
{
	struct onats *o = closure;
	const char *v = NULL;
	long long seq = 0;

	(void)js;
	/* our own header, coming back: 0 (none) if it is not a seq */
	if (natsMsgHeader_Get(msg, "Newswire-Seq", &v) != NATS_OK ||
	    v == NULL || parse_number(v, 1, INT64_MAX, &seq, NULL, 0) != 0)
		seq = 0;
	if (pa != NULL)
		post(o, NQ_ACK, seq, pa->Duplicate, NULL);
	else
		post(o, NQ_NACK, seq, false, pae != NULL ?
		    (pae->ErrText != NULL ? pae->ErrText :
		    natsStatus_GetText(pae->Err)) : "no acknowledgement");
	natsMsg_Destroy(msg);
}

static void
on_disconnected(natsConnection *nc, void *closure)
{
	(void)nc;
	post(closure, NQ_DISCONNECTED, 0, false, NULL);
}

static void
on_reconnected(natsConnection *nc, void *closure)
{
	(void)nc;
	post(closure, NQ_RECONNECTED, 0, false, NULL);
}

static bool
stopping(struct onats *o)
{
	bool s;

	pthread_mutex_lock(&o->lock);
	s = o->stop;
	pthread_mutex_unlock(&o->lock);
	return s;
}

/* Sleeps secs seconds unless told to stop; false if told. */
static bool
nap(struct onats *o, int secs)
{
	for (int i = 0; i < secs * 10; i++) {
		struct timespec ts = { 0, 100 * 1000 * 1000 };

		if (stopping(o))
			return false;
		nanosleep(&ts, NULL);
	}
	return !stopping(o);
}

/* The stream, created with the configuration's settings if missing. */
static natsStatus
ensure_stream(struct onats *o, jsCtx *js, char *why, size_t whylen)
{
	jsStreamInfo *si = NULL;
	jsStreamConfig cfg;
	jsErrCode jerr = 0;
	char subject[256];
	const char *subjects[1] = { subject };
	natsStatus s;

	s = js_GetStreamInfo(&si, js, o->stream, NULL, &jerr);
	if (s == NATS_OK) {
		jsStreamInfo_Destroy(si);
		return NATS_OK;
	}
	if (s != NATS_NOT_FOUND) {
		snprintf(why, whylen, "stream %s: %s (%d)", o->stream,
		    natsStatus_GetText(s), (int)jerr);
		return s;
	}
	snprintf(subject, sizeof(subject), "%s.>", o->prefix);
	jsStreamConfig_Init(&cfg);
	cfg.Name = o->stream;
	cfg.Subjects = subjects;
	cfg.SubjectsLen = 1;
	cfg.Storage = js_FileStorage;
	cfg.Replicas = o->replicas;
	cfg.MaxAge = o->max_age * 1000000000LL;
	cfg.Duplicates = o->dup_window * 1000000000LL;
	s = js_AddStream(&si, js, &cfg, NULL, &jerr);
	if (s != NATS_OK) {
		snprintf(why, whylen, "cannot create stream %s: %s (%d)",
		    o->stream, natsStatus_GetText(s), (int)jerr);
		return s;
	}
	jsStreamInfo_Destroy(si);
	snprintf(why, whylen, "created stream %s (subjects %.100s, %d "
	    "replica(s))", o->stream, subject, o->replicas);
	return NATS_OK;
}

/* The setup thread: connects (again and again), then makes sure of the
 * stream; the loop is told by NQ_READY. */
static void *
setup_main(void *arg)
{
	struct onats *o = arg;
	natsConnection *nc = NULL;
	jsCtx *js = NULL;
	jsOptions jo;
	char why[256];
	bool said = false;
	natsStatus s;

	while ((s = natsConnection_Connect(&nc, o->opts)) != NATS_OK) {
		if (!said)
			post(o, NQ_LOG, 0, false, nats_GetLastError(NULL));
		said = true;
		if (!nap(o, 1))
			return NULL;
	}
	jsOptions_Init(&jo);
	jo.PublishAsync.AckHandler = on_ack;
	jo.PublishAsync.AckHandlerClosure = o;
	jo.PublishAsync.MaxPending = 0;         /* we cap it: never stall */
	if (natsConnection_JetStream(&js, nc, &jo) != NATS_OK) {
		post(o, NQ_LOG, 0, false, nats_GetLastError(NULL));
		natsConnection_Destroy(nc);
		return NULL;
	}
	said = false;
	while (why[0] = '\0',
	    ensure_stream(o, js, why, sizeof(why)) != NATS_OK) {
		if (!said)
			post(o, NQ_LOG, 0, false, why);
		said = true;
		if (!nap(o, 1)) {
			jsCtx_Destroy(js);
			natsConnection_Destroy(nc);
			return NULL;
		}
	}
	if (why[0] != '\0')
		post(o, NQ_LOG, 1, false, why);         /* info */
	pthread_mutex_lock(&o->lock);
	o->nc = nc;
	o->js = js;
	pthread_mutex_unlock(&o->lock);
	post(o, NQ_READY, 0, false, NULL);
	return NULL;
}

/* The message ID the server de-duplicates on (output_nats.h). */
static void
msg_id(struct onats *o, int64_t seq, const char *topic, const char *json,
    char *id, size_t idlen)
{
	json_t *j = NULL, *aid, *ver;

	if (strncmp(topic, "article.new.", 12) == 0 ||
	    strncmp(topic, "article.updated.", 16) == 0)
		j = json_loads(json, 0, NULL);
	aid = json_object_get(j, "id");
	ver = json_object_get(j, "version");
	if (json_is_string(aid) && json_is_integer(ver))
		snprintf(id, idlen, "%s:%lld", json_string_value(aid),
		    (long long)json_integer_value(ver));
	else
		snprintf(id, idlen, "%s:%lld", store_origin_id(o->store),
		    (long long)seq);
	json_decref(j);
}

static void
fl_push(struct onats *o, int64_t seq)
{
	if (o->fl_head > 0 && o->fl_head + o->fl_n == o->fl_cap) {
		memmove(o->fl, o->fl + o->fl_head, o->fl_n * sizeof(*o->fl));
		o->fl_head = 0;
	}
	if (o->fl_head + o->fl_n == o->fl_cap) {
		o->fl_cap = o->fl_cap ? o->fl_cap * 2 : 1024;
		o->fl = xrealloc(o->fl, o->fl_cap * sizeof(*o->fl));
	}
	o->fl[o->fl_head + o->fl_n++] = (struct inflight){
		.seq = seq, .sent_at = clock_seconds(CLOCK_MONOTONIC),
	};
}

/* An event the servers refuse for its size (their max_payload, 1 MB by
 * default): no re-send can ever get it in, and waiting for it would hold
 * every later event out of the stream, so it is passed over as if
 * acknowledged, with an error; it stays in the journal (ZeroMQ replay,
 * the JSONL output). Logged and counted once per seq. */
static int
pass_too_large(struct onats *o, int64_t seq, const char *subject,
    size_t len)
{
	if (seq > o->too_large_seq) {
		log_error(o->log, "output.nats: seq %lld (%s, %zu bytes) is "
		    "over the servers' max_payload (%lld bytes): not in the "
		    "stream, passed over (it stays in the journal); raise "
		    "max_payload in the nats-server configuration",
		    (long long)seq, subject, len,
		    (long long)natsConnection_GetMaxPayload(o->nc));
		o->too_large++;
		o->too_large_seq = seq;
	}
	fl_push(o, seq);
	o->fl[o->fl_head + o->fl_n - 1].acked = true;
	o->sent = seq;
	return 0;
}

/* Publishes one event; the acknowledgement comes to on_ack. */
static int
send_one(struct onats *o, int64_t seq, const char *topic, const char *json,
    char *err, size_t errlen)
{
	char subject[512], id[192], seqs[32];
	natsMsg *m = NULL;
	natsStatus s;

	snprintf(subject, sizeof(subject), "%s.%s", o->prefix, topic);
	msg_id(o, seq, topic, json, id, sizeof(id));
	snprintf(seqs, sizeof(seqs), "%lld", (long long)seq);
	s = natsMsg_Create(&m, subject, NULL, json, (int)strlen(json));
	if (s == NATS_OK)
		s = natsMsgHeader_Set(m, "Nats-Msg-Id", id);
	if (s == NATS_OK)
		s = natsMsgHeader_Set(m, "Newswire-Seq", seqs);
	if (s == NATS_OK)
		s = js_PublishMsgAsync(o->js, &m, NULL);
	if (s == NATS_MAX_PAYLOAD) {
		natsMsg_Destroy(m);
		return pass_too_large(o, seq, subject, strlen(json));
	}
	if (s != NATS_OK) {
		natsMsg_Destroy(m);     /* NULL once the library has it */
		return fail(err, errlen, "output.nats: %s: %s", subject,
		    natsStatus_GetText(s));
	}
	fl_push(o, seq);
	o->sent = seq;
	return 0;
}

/* Sends the journal after o->sent up to upto, while there is room. */
static int
send_upto(struct onats *o, int64_t upto, char *err, size_t errlen)
{
	while (o->sent < upto && o->fl_n < NATS_INFLIGHT_MAX) {
		int64_t seq = o->sent + 1;
		char *topic = NULL;
		char *json = store_event(o->store, seq, &topic);
		int rc = 0;

		if (json == NULL)
			o->sent = seq;          /* compacted away */
		else
			rc = send_one(o, seq, topic, json, err, errlen);
		free(json);
		free(topic);
		if (rc != 0)
			return -1;
	}
	return 0;
}

/* Everything after the last acknowledgement again, under the same IDs. */
static void
resend(struct onats *o, const char *why)
{
	char err[256];
	int64_t last = store_last_seq(o->store);

	o->resend = false;
	o->fl_head = o->fl_n = 0;
	o->sent = o->acked;
	if (last > o->acked) {
		o->resends++;
		log_info(o->log, "output.nats: %s: sending seq %lld..%lld",
		    why, (long long)o->acked + 1, (long long)last);
	}
	if (send_upto(o, last, err, sizeof(err)) != 0) {
		log_warn(o->log, "%s; trying again", err);
		o->resend = true;
	}
}

static struct inflight *
fl_find(struct onats *o, int64_t seq)
{
	size_t lo = o->fl_head, hi = o->fl_head + o->fl_n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (o->fl[mid].seq == seq)
			return &o->fl[mid];
		if (o->fl[mid].seq < seq)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static void
took_ack(struct onats *o, const struct nq_item *it)
{
	struct inflight *f = fl_find(o, it->seq);
	double lat;

	if (f == NULL || f->acked)
		return;         /* of an earlier send: counted then */
	f->acked = true;
	o->acked_total++;
	if (it->duplicate)
		o->duplicates++;
	lat = clock_seconds(CLOCK_MONOTONIC) - f->sent_at;
	o->lat_count++;
	o->lat_sum += lat;
	for (size_t i = 0; i < N_LAT; i++)
		if (lat <= lat_bounds[i])
			o->lat_buckets[i]++;
}

/* Moves the acknowledged mark over the leading acknowledged events. */
static void
advance(struct onats *o)
{
	int64_t before = o->acked;
	char err[256];

	while (o->fl_n > 0 && o->fl[o->fl_head].acked) {
		o->acked = o->fl[o->fl_head].seq;
		o->fl_head++;
		o->fl_n--;
	}
	if (o->fl_n == 0) {
		o->fl_head = 0;
		if (o->sent > o->acked)
			o->acked = o->sent;     /* compacted seqs at the end */
	}
	if (o->acked == before)
		return;
	if (store_acked_set(o->store, NATS_NAME, o->acked, err,
	    sizeof(err)) != 0)
		log_error(o->log, "%s", err);
	outputs_delivered(o->outs, o->handle, o->acked);
}

static void
on_queue(evutil_socket_t fd, short what, void *arg)
{
	struct onats *o = arg;
	struct nq_item *q;
	size_t n;
	uint64_t v;
	bool now = false;

	(void)what;
	if (read(fd, &v, sizeof(v)) < 0 && errno != EAGAIN)
		return;
	pthread_mutex_lock(&o->lock);
	q = o->q;
	n = o->qn;
	o->q = NULL;
	o->qn = o->qcap = 0;
	pthread_mutex_unlock(&o->lock);
	for (size_t i = 0; i < n; i++) {
		struct nq_item *it = &q[i];

		switch (it->kind) {
		case NQ_ACK:
			took_ack(o, it);
			break;
		case NQ_NACK:
			/* re-sent on the next tick, not at once: no storm
			 * while the stream elects a leader */
			o->nacks++;
			if (clock_seconds(CLOCK_MONOTONIC) - o->nack_logged >
			    30) {
				log_warn(o->log, "output.nats: seq %lld not "
				    "acknowledged: %s; re-sending", (long long)
				    it->seq, it->why);
				o->nack_logged =
				    clock_seconds(CLOCK_MONOTONIC);
			}
			o->resend = true;
			break;
		case NQ_READY:
			o->ready = o->connected = true;
			log_info(o->log, "output.nats: connected, stream "
			    "%s, acknowledged up to seq %lld", o->stream,
			    (long long)o->acked);
			now = true;
			break;
		case NQ_DISCONNECTED:
			o->connected = false;
			if (o->ready)
				log_warn(o->log, "output.nats: disconnected; "
				    "reconnecting");
			break;
		case NQ_RECONNECTED:
			o->connected = true;
			if (o->ready) {
				log_info(o->log, "output.nats: reconnected");
				now = true;
			}
			break;
		case NQ_LOG:
			log_msg(o->log, it->seq == 1 ? LOG_INFO : LOG_WARN,
			    "output.nats: %s", it->why);
			break;
		}
	}
	free(q);
	advance(o);
	if (now && o->ready && o->connected)
		resend(o, "(re)connected");
}

/* Once a second: an overdue acknowledgement means a re-send; events left
 * in the journal by the in-flight cap go out. */
static void
on_tick(evutil_socket_t fd, short what, void *arg)
{
	struct onats *o = arg;
	char err[256];

	(void)fd;
	(void)what;
	if (!o->ready || !o->connected)
		return;
	if (o->resend)
		resend(o, "refused or failed");
	else if (o->fl_n > 0 && clock_seconds(CLOCK_MONOTONIC) -
	    o->fl[o->fl_head].sent_at > NATS_RESEND_SECS)
		resend(o, "acknowledgement overdue");
	else if (send_upto(o, store_last_seq(o->store), err,
	    sizeof(err)) != 0)
		o->resend = true;
}

static int
set_options(struct onats *o, const struct config *c, char *err,
    size_t errlen)
{
	natsStatus s;

	if (nats_conn_options(c, "output", &o->opts, err, errlen) != 0)
		return -1;
	s = natsOptions_SetDisconnectedCB(o->opts, on_disconnected, o);
	if (s == NATS_OK)
		s = natsOptions_SetReconnectedCB(o->opts, on_reconnected, o);
	if (s != NATS_OK)
		return fail(err, errlen, "output.nats: %s",
		    natsStatus_GetText(s));
	return 0;
}

static void onats_free(void *ctx);

void *
output_nats_open(const struct config *c, struct event_base *base,
    struct store *store, struct log *log, char *err, size_t errlen)
{
	struct onats *o = xcalloc(1, sizeof(*o));
	const struct timeval sec = { 1, 0 };

	o->base = base;
	o->store = store;
	o->log = log;
	o->efd = -1;
	pthread_mutex_init(&o->lock, NULL);
	o->stream = xstrdup(c->nats_stream);
	o->prefix = xstrdup(c->nats_prefix);
	o->replicas = c->nats_replicas;
	o->max_age = c->nats_max_age;
	o->dup_window = c->nats_dup_window;
	if (c->nats_nkey[0] != '\0' && c->nats_nkey_seed[0] == '\0') {
		fail(err, errlen, "output.nats: nkey needs nkey_seed");
		goto err;
	}
	if (store_acked_get(store, NATS_NAME, &o->acked, err, errlen) != 0)
		goto err;
	o->sent = o->acked;
	if (nats_Open(-1) != NATS_OK) {
		fail(err, errlen, "output.nats: nats_Open failed");
		goto err;
	}
	if (set_options(o, c, err, errlen) != 0)
		goto err;
	o->efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	if (o->efd < 0) {
		fail(err, errlen, "eventfd: %s", strerror(errno));
		goto err;
	}
	o->ev_q = event_new(base, o->efd, EV_READ | EV_PERSIST, on_queue, o);
	o->ev_tick = event_new(base, -1, EV_PERSIST, on_tick, o);
	event_add(o->ev_q, NULL);
	event_add(o->ev_tick, &sec);
	if (pthread_create(&o->setup, NULL, setup_main, o) != 0) {
		fail(err, errlen, "output.nats: cannot start a thread");
		goto err;
	}
	o->setup_started = true;
	log_info(log, "output: events published to NATS JetStream (%s), "
	    "stream %s, acknowledged up to seq %lld", c->nats_servers,
	    o->stream, (long long)o->acked);
	return o;
err:
	onats_free(o);
	return NULL;
}

void
output_nats_bind(void *ctx, struct outputs *outs, size_t handle)
{
	struct onats *o = ctx;

	o->outs = outs;
	o->handle = handle;
	outputs_delivered(outs, handle, o->acked);
}

static int
onats_publish(void *ctx, const struct committed_event *ev, char *err,
    size_t errlen)
{
	struct onats *o = ctx;

	/* not connected, or too much in flight: the journal keeps it, and
	 * it goes out on (re)connect or on the tick */
	if (!o->ready || !o->connected || o->resend ||
	    ev->seq <= o->sent || o->fl_n >= NATS_INFLIGHT_MAX)
		return 0;
	if (ev->seq > o->sent + 1 &&
	    send_upto(o, ev->seq - 1, err, errlen) != 0)
		goto fail;
	if (o->sent + 1 == ev->seq &&
	    send_one(o, ev->seq, ev->topic, ev->json, err, errlen) != 0)
		goto fail;
	return 0;
fail:
	o->resend = true;
	return -1;
}

static void
onats_metrics(void *ctx, struct buf *b)
{
	struct onats *o = ctx;
	int64_t last = store_last_seq(o->store);

	buf_printf(b, "# HELP newswire_nats_connected 1 when connected to a "
	    "NATS server with the stream in place.\n"
	    "# TYPE newswire_nats_connected gauge\n"
	    "newswire_nats_connected %d\n", o->ready && o->connected);
	buf_printf(b, "# HELP newswire_nats_unacked_events Journalled "
	    "events the stream has not acknowledged yet.\n"
	    "# TYPE newswire_nats_unacked_events gauge\n"
	    "newswire_nats_unacked_events %lld\n",
	    (long long)(last > o->acked ? last - o->acked : 0));
	buf_printf(b, "# HELP newswire_nats_inflight_events Events sent and "
	    "awaiting their acknowledgement.\n"
	    "# TYPE newswire_nats_inflight_events gauge\n"
	    "newswire_nats_inflight_events %zu\n", o->fl_n);
	buf_printf(b, "# HELP newswire_nats_acked_seq Every event up to this "
	    "seq is acknowledged.\n# TYPE newswire_nats_acked_seq gauge\n"
	    "newswire_nats_acked_seq %lld\n", (long long)o->acked);
	buf_printf(b, "# HELP newswire_nats_acked_total Publish "
	    "acknowledgements.\n# TYPE newswire_nats_acked_total counter\n"
	    "newswire_nats_acked_total %" PRIu64 "\n", o->acked_total);
	buf_printf(b, "# HELP newswire_nats_duplicates_total "
	    "Acknowledgements of re-sends the server had already (dropped "
	    "by message ID).\n"
	    "# TYPE newswire_nats_duplicates_total counter\n"
	    "newswire_nats_duplicates_total %" PRIu64 "\n", o->duplicates);
	buf_printf(b, "# HELP newswire_nats_nacks_total Publishes the server "
	    "refused or that failed.\n"
	    "# TYPE newswire_nats_nacks_total counter\n"
	    "newswire_nats_nacks_total %" PRIu64 "\n", o->nacks);
	buf_printf(b, "# HELP newswire_nats_resends_total Times the events "
	    "after the last acknowledgement were sent again.\n"
	    "# TYPE newswire_nats_resends_total counter\n"
	    "newswire_nats_resends_total %" PRIu64 "\n", o->resends);
	buf_printf(b, "# HELP newswire_nats_too_large_total Events over the "
	    "servers' max_payload, passed over: not in the stream.\n"
	    "# TYPE newswire_nats_too_large_total counter\n"
	    "newswire_nats_too_large_total %" PRIu64 "\n", o->too_large);
	buf_printf(b, "# HELP newswire_nats_publish_latency_seconds From "
	    "publish to acknowledgement.\n"
	    "# TYPE newswire_nats_publish_latency_seconds histogram\n");
	for (size_t i = 0; i < N_LAT; i++)     /* cumulative already */
		buf_printf(b, "newswire_nats_publish_latency_seconds_bucket"
		    "{le=\"%g\"} %" PRIu64 "\n", lat_bounds[i],
		    o->lat_buckets[i]);
	buf_printf(b, "newswire_nats_publish_latency_seconds_bucket"
	    "{le=\"+Inf\"} %" PRIu64 "\n"
	    "newswire_nats_publish_latency_seconds_sum %.6f\n"
	    "newswire_nats_publish_latency_seconds_count %" PRIu64 "\n",
	    o->lat_count, o->lat_sum, o->lat_count);
}

static void
onats_free(void *ctx)
{
	struct onats *o = ctx;

	if (o == NULL)
		return;
	pthread_mutex_lock(&o->lock);
	o->stop = true;
	pthread_mutex_unlock(&o->lock);
	if (o->setup_started)
		pthread_join(o->setup, NULL);
	if (o->nc != NULL)
		natsConnection_Close(o->nc);
	jsCtx_Destroy(o->js);
	natsConnection_Destroy(o->nc);
	natsOptions_Destroy(o->opts);
	/* libnats's threads end here: no callback posts after this */
	nats_CloseAndWait(2000);
	if (o->ev_q != NULL)
		event_free(o->ev_q);
	if (o->ev_tick != NULL)
		event_free(o->ev_tick);
	if (o->efd >= 0)
		close(o->efd);
	pthread_mutex_destroy(&o->lock);
	free(o->q);
	free(o->fl);
	free(o->stream);
	free(o->prefix);
	free(o);
}

const struct output_ops output_nats_ops = {
	.name = NATS_NAME,
	.acks = 1,
	.publish = onats_publish,
	.metrics = onats_metrics,
	.free = onats_free,
};
