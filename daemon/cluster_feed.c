#include "cluster_feed.h"

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

#include "article.h"
#include "daemon_state.h"
#include "date.h"
#include "enrich/dup.h"
#include "enrich/story.h"
#include "log.h"
#include "nats_conn.h"
#include "store.h"
#include "store_acks.h"
#include "util.h"

/* Read and not yet filed, at most: the thread waits for the loop. */
#define CF_QUEUE_MAX 4096
/* How long the thread waits for a message before looking at its stop
 * flag, in milliseconds. */
#define CF_WAIT_MS 500

/* One event read: what the loop files (id NULL: nothing, only the
 * position moves on). */
struct cf_entry {
	int64_t sseq;           /* the stream's sequence of the event */
	char *id;
	bool updated;
	bool own;               /* this node's own event (id NULL) */
	char *print;            /* NULL: not indexed for duplicates */
	int64_t t_dup;
	char *story_id;         /* NULL: not indexed for stories */
	char *sig;
	int64_t t_story;
};

struct cluster_feed {
	struct daemon *d;
	char *origin, *stream, *filter, *pos_name;
	natsOptions *opts;
	int64_t start_seq;      /* the first stream seq to read; 0: by
	                           time, from start_time (ns) */
	int64_t start_time;
	pthread_t thread;
	bool started;
	int efd;
	struct event *ev;
	pthread_mutex_t lock;
	pthread_cond_t room;
	bool stop;              /* under lock */
	bool reading;           /* under lock: the consumer is there */
	struct cf_entry *q;     /* under lock */
	size_t qn, qcap;
	/* the thread's */
	natsConnection *nc;
	jsCtx *js;
	/* the loop's */
	int64_t filed_seq;
	uint64_t filed_new, filed_updated, own, skipped, store_errors;
};

static void
cf_entry_free(struct cf_entry *e)
{
	free(e->id);
	free(e->print);
	free(e->story_id);
	free(e->sig);
}

static bool
cf_stopping(struct cluster_feed *f)
{
	bool s;

	pthread_mutex_lock(&f->lock);
	s = f->stop;
	pthread_mutex_unlock(&f->lock);
	return s;
}

static bool
cf_nap(struct cluster_feed *f, int tenths)
{
	for (int i = 0; i < tenths; i++) {
		struct timespec ts = { 0, 100 * 1000 * 1000 };

		if (cf_stopping(f))
			return false;
		nanosleep(&ts, NULL);
	}
	return !cf_stopping(f);
}

/* The thread: queues e for the loop (waiting while the queue is full);
 * false if told to stop. */
static bool
cf_post(struct cluster_feed *f, struct cf_entry *e)
{
	uint64_t one = 1;

	pthread_mutex_lock(&f->lock);
	while (f->qn >= CF_QUEUE_MAX && !f->stop)
		pthread_cond_wait(&f->room, &f->lock);
	if (f->stop) {
		pthread_mutex_unlock(&f->lock);
		cf_entry_free(e);
		return false;
	}
	if (f->qn == f->qcap) {
		f->qcap = f->qcap ? f->qcap * 2 : 256;
		f->q = xrealloc(f->q, f->qcap * sizeof(*f->q));
	}
	f->q[f->qn++] = *e;
	pthread_mutex_unlock(&f->lock);
	if (write(f->efd, &one, sizeof(one)) < 0 && errno != EAGAIN)
		return true;
	return true;
}

static const char *
jstr(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	return json_is_string(v) ? json_string_value(v) : NULL;
}

static void
jlist(json_t *arr, struct strlist *out)
{
	size_t i;
	json_t *v;

	json_array_foreach(arr, i, v)
		if (json_is_string(v))
			strlist_push(out, json_string_value(v));
}

/* The article as the story index sees it, from the event. */
static struct nw_article *
cf_article(json_t *ev)
{
	struct nw_article *a = article_new();
	json_t *ents = json_object_get(ev, "entities");
	json_t *dl = json_object_get(ev, "dateline");
	const char *pub = jstr(ev, "published");

	article_set(&a->title, jstr(ev, "title"));
	article_set(&a->body, jstr(ev, "body"));
	jlist(json_object_get(ents, "people"), &a->people);
	jlist(json_object_get(ents, "organisations"), &a->organisations);
	if (pub != NULL && date_parse(pub, &a->published) != 0)
		a->published.set = false;
	if (json_is_object(dl))
		article_set_dateline(a, jstr(dl, "place"), jstr(dl, "date"),
		    jstr(dl, "agency"));
	return a;
}

/* The thread: what the commit path would have indexed for the event
 * (kind "new" or "updated"), into e; false for an event to skip (this
 * node's own: *own set, or one that is not an article). */
static bool
cf_decode(struct cluster_feed *f, const char *data, int len, bool updated,
    struct cf_entry *e, bool *own)
{
	json_t *ev = json_loadb(data, (size_t)len, 0, NULL);
	json_t *origin = json_object_get(ev, "origin");
	const char *id = jstr(ev, "id"), *sid = jstr(ev, "story_id");
	const char *oid = jstr(origin, "id"), *fetched;
	struct nw_time ft = { 0 };
	struct nw_article *a;

	*own = oid != NULL && strcmp(oid, f->origin) == 0;
	fetched = jstr(ev, "fetched_at");
	if (*own || id == NULL || fetched == NULL ||
	    date_parse(fetched, &ft) != 0 || !ft.set ||
	    json_is_string(json_object_get(ev, "duplicate_of"))) {
		json_decref(ev);
		return false;
	}
	a = cf_article(ev);
	e->id = xstrdup(id);
	e->updated = updated;
	e->t_dup = ft.utc;
	/* the index holds originals: what commit.c's dedup() adds */
	if (!updated)
		e->print = dup_print_text(a->body != NULL ? a->body : "");
	if (sid != NULL) {
		e->story_id = xstrdup(sid);
		e->sig = story_signature(a);
		e->t_story = story_time(a, ft.utc);
	}
	article_free(a);
	json_decref(ev);
	return true;
}

/* The thread: one message of the consumer. */
static bool
cf_message(struct cluster_feed *f, natsMsg *m, int64_t *last)
{
	jsMsgMetaData *md = NULL;
	struct cf_entry e = { 0 };
	const char *subj = natsMsg_GetSubject(m);
	/* after "article." */
	const char *kind = subj + strlen(f->filter) - 1;
	bool own = false, isnew, isupd;

	if (natsMsg_GetMetaData(&md, m) != NATS_OK)
		return true;            /* not from the stream: none */
	e.sseq = (int64_t)md->Sequence.Stream;
	jsMsgMetaData_Destroy(md);
	if (e.sseq <= *last)
		return true;            /* read already */
	*last = e.sseq;
	isnew = strncmp(kind, "new.", 4) == 0;
	isupd = strncmp(kind, "updated.", 8) == 0;
	if ((isnew || isupd) && cf_decode(f, natsMsg_GetData(m),
	    natsMsg_GetDataLength(m), isupd, &e, &own))
		return cf_post(f, &e);
	e.own = own;
	return cf_post(f, &e);
}

static natsStatus
cf_subscribe(struct cluster_feed *f, natsSubscription **sub, int64_t last)
{
	jsSubOptions so;
	jsErrCode jerr = 0;

	jsSubOptions_Init(&so);
	so.Stream = f->stream;
	so.Ordered = true;
	if (last > 0 || f->start_seq > 0) {
		so.Config.DeliverPolicy = js_DeliverByStartSequence;
		so.Config.OptStartSeq = (uint64_t)(last > 0 ? last + 1 :
		    f->start_seq);
	} else {
		so.Config.DeliverPolicy = js_DeliverByStartTime;
		so.Config.OptStartTime = f->start_time;
	}
	return js_SubscribeSync(sub, f->js, f->filter, NULL, &so, &jerr);
}

static void
cf_reading(struct cluster_feed *f, bool on)
{
	pthread_mutex_lock(&f->lock);
	f->reading = on;
	pthread_mutex_unlock(&f->lock);
}

/* The thread: connects, then reads the stream through an ordered
 * consumer (libnats re-creates it after a gap or a lost server); a
 * subscription that fails is made again after the last event read. */
static void *
cf_main(void *arg)
{
	struct cluster_feed *f = arg;
	natsSubscription *sub = NULL;
	int64_t last = 0;

	while (natsConnection_Connect(&f->nc, f->opts) != NATS_OK)
		if (!cf_nap(f, 10))
			return NULL;
	if (natsConnection_JetStream(&f->js, f->nc, NULL) != NATS_OK)
		return NULL;
	while (!cf_stopping(f)) {
		natsMsg *m = NULL;
		natsStatus s;

		if (sub == NULL) {
			if (cf_subscribe(f, &sub, last) != NATS_OK) {
				natsSubscription_Destroy(sub);
				sub = NULL;
				cf_nap(f, 10);  /* no stream yet */
				continue;
			}
			cf_reading(f, true);
		}
		s = natsSubscription_NextMsg(&m, sub, CF_WAIT_MS);
		if (s == NATS_TIMEOUT)
			continue;
		if (s != NATS_OK) {
			cf_reading(f, false);
			natsSubscription_Destroy(sub);
			sub = NULL;
			cf_nap(f, 5);
			continue;
		}
		if (!cf_message(f, m, &last)) {
			natsMsg_Destroy(m);
			break;
		}
		natsMsg_Destroy(m);
	}
	natsSubscription_Destroy(sub);
	return NULL;
}

/* The loop: files one entry's rows in the open transaction. */
static int
cf_store(struct cluster_feed *f, const struct cf_entry *e, char *err,
    size_t errlen)
{
	struct store *s = f->d->store;

	if (e->print != NULL &&
	    store_dup_add(s, e->id, e->t_dup, e->print, err, errlen) != 0)
		return -1;
	if (e->story_id != NULL && store_story_add(s, e->id, e->story_id,
	    e->t_story, e->sig ? e->sig : "", err, errlen) != 0)
		return -1;
	return 0;
}

/* The loop: into the indexes, as window.c files the store's rows. */
static void
cf_index(struct cluster_feed *f, const struct cf_entry *e)
{
	if (e->print != NULL &&
	    dup_index_add(f->d->dups, e->id, e->print, e->t_dup) != 0)
		f->skipped++;
	if (e->story_id != NULL && story_index_restore(f->d->stories,
	    e->story_id, e->t_story, e->sig ? e->sig : "") != 0)
		f->skipped++;
	if (e->updated)
		f->filed_updated++;
	else
		f->filed_new++;
}

/* The loop: files a batch in one transaction, with the position. */
static void
cf_file(struct cluster_feed *f, struct cf_entry *v, size_t n)
{
	struct store *s = f->d->store;
	int64_t pos = f->filed_seq;
	char err[256];
	bool begun = store_begin(s, err, sizeof(err)) == 0, ok = begun;

	for (size_t i = 0; ok && i < n; i++) {
		if (v[i].sseq > pos)
			pos = v[i].sseq;
		if (v[i].id != NULL)
			ok = cf_store(f, &v[i], err, sizeof(err)) == 0;
	}
	if (ok)
		ok = store_stream_pos_set(s, f->pos_name, pos, err,
		    sizeof(err)) == 0 &&
		    store_commit(s, err, sizeof(err)) == 0;
	if (!ok && begun)
		store_rollback(s);
	/* in memory all the same; a restart reads them again */
	if (!ok && f->store_errors++ == 0)
		log_warn(&f->d->log, "cluster feed: %s; the events are "
		    "indexed, and read again after a restart", err);
	for (size_t i = 0; i < n; i++) {
		if (v[i].id != NULL)
			cf_index(f, &v[i]);
		else if (v[i].own)
			f->own++;
		cf_entry_free(&v[i]);
	}
	f->filed_seq = pos;
}

static void
on_queue(evutil_socket_t fd, short what, void *arg)
{
	struct cluster_feed *f = arg;
	struct cf_entry *v;
	uint64_t count;
	size_t n;

	(void)what;
	if (read(fd, &count, sizeof(count)) < 0 && errno != EAGAIN)
		return;
	/* no turn of the commit path is open: they open and close within
	 * one callback of the loop (daemon.c, sources_jobs.c) */
	pthread_mutex_lock(&f->lock);
	v = f->q;
	n = f->qn;
	f->q = NULL;
	f->qn = f->qcap = 0;
	pthread_cond_broadcast(&f->room);
	pthread_mutex_unlock(&f->lock);
	if (n > 0)
		cf_file(f, v, n);
	free(v);
}

struct cluster_feed *
cluster_feed_open(struct daemon *d, char *err, size_t errlen)
{
	struct cluster_feed *f = xcalloc(1, sizeof(*f));
	struct buf b = { 0 };

	f->d = d;
	f->efd = -1;
	pthread_mutex_init(&f->lock, NULL);
	pthread_cond_init(&f->room, NULL);
	f->origin = xstrdup(store_origin_id(d->store));
	f->stream = xstrdup(d->cfg.nats_stream);
	buf_printf(&b, "%s.article.>", d->cfg.nats_prefix);
	f->filter = buf_take(&b);
	buf_printf(&b, "cluster_feed:%s", d->cfg.nats_stream);
	f->pos_name = buf_take(&b);
	if (store_stream_pos_get(d->store, f->pos_name, &f->filed_seq, err,
	    errlen) != 0)
		goto err;
	f->start_seq = f->filed_seq > 0 ? f->filed_seq + 1 : 0;
	f->start_time = ((int64_t)time(NULL) - DUP_DEFAULT_WINDOW) *
	    1000000000LL;
	if (nats_Open(-1) != NATS_OK ||
	    nats_conn_options(&d->cfg, "cluster-feed", &f->opts, err,
	    errlen) != 0)
		goto err;
	f->efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	if (f->efd < 0) {
		fail(err, errlen, "eventfd: %s", strerror(errno));
		goto err;
	}
	f->ev = event_new(d->base, f->efd, EV_READ | EV_PERSIST, on_queue,
	    f);
	event_add(f->ev, NULL);
	if (pthread_create(&f->thread, NULL, cf_main, f) != 0) {
		fail(err, errlen, "cluster feed: cannot start a thread");
		goto err;
	}
	f->started = true;
	if (f->start_seq > 0)
		log_info(&d->log, "cluster feed: the indexes take the other "
		    "nodes' articles from stream %s, after seq %lld",
		    f->stream, (long long)f->filed_seq);
	else
		log_info(&d->log, "cluster feed: the indexes take the other "
		    "nodes' articles from stream %s, from %d h ago",
		    f->stream, DUP_DEFAULT_WINDOW / 3600);
	return f;
err:
	cluster_feed_free(f);
	return NULL;
}

void
cluster_feed_metrics(struct cluster_feed *f, struct buf *b)
{
	bool reading;

	pthread_mutex_lock(&f->lock);
	reading = f->reading;
	pthread_mutex_unlock(&f->lock);
	buf_printf(b, "# HELP newswire_cluster_feed_reading 1 while the "
	    "other nodes' articles are read from the stream.\n"
	    "# TYPE newswire_cluster_feed_reading gauge\n"
	    "newswire_cluster_feed_reading %d\n", reading);
	buf_printf(b, "# HELP newswire_cluster_feed_seq The last stream seq "
	    "filed into the indexes.\n"
	    "# TYPE newswire_cluster_feed_seq gauge\n"
	    "newswire_cluster_feed_seq %lld\n", (long long)f->filed_seq);
	buf_printf(b, "# HELP newswire_cluster_feed_articles_total Other "
	    "nodes' articles filed into the duplicate and story indexes, "
	    "by kind.\n"
	    "# TYPE newswire_cluster_feed_articles_total counter\n"
	    "newswire_cluster_feed_articles_total{kind=\"new\"} %" PRIu64
	    "\nnewswire_cluster_feed_articles_total{kind=\"updated\"} %"
	    PRIu64 "\n", f->filed_new, f->filed_updated);
	buf_printf(b, "# HELP newswire_cluster_feed_own_total This node's "
	    "own articles read back from the stream (not filed again).\n"
	    "# TYPE newswire_cluster_feed_own_total counter\n"
	    "newswire_cluster_feed_own_total %" PRIu64 "\n", f->own);
}

void
cluster_feed_free(struct cluster_feed *f)
{
	if (f == NULL)
		return;
	pthread_mutex_lock(&f->lock);
	f->stop = true;
	pthread_cond_broadcast(&f->room);
	pthread_mutex_unlock(&f->lock);
	if (f->started)
		pthread_join(f->thread, NULL);
	jsCtx_Destroy(f->js);
	if (f->nc != NULL)
		natsConnection_Close(f->nc);
	natsConnection_Destroy(f->nc);
	natsOptions_Destroy(f->opts);
	if (f->ev != NULL)
		event_free(f->ev);
	if (f->efd >= 0)
		close(f->efd);
	for (size_t i = 0; i < f->qn; i++)
		cf_entry_free(&f->q[i]);
	free(f->q);
	pthread_cond_destroy(&f->room);
	pthread_mutex_destroy(&f->lock);
	free(f->origin);
	free(f->stream);
	free(f->filter);
	free(f->pos_name);
	free(f);
}
