#include "idents.h"

#include <jansson.h>
#include <nats/nats.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "config.h"
#include "log.h"
#include "nats_conn.h"
#include "store_items.h"
#include "util.h"

/* A claim waits this long for the bucket (connecting, a leader being
 * elected: asked again every IDENTS_RETRY_MS), then gives up (local). */
#define IDENTS_WAIT_MS 20000
#define IDENTS_RETRY_MS 250

struct idents {
	struct log *log;
	char *node, *bucket, *stream, *prefix;
	char *nodes_bucket;     /* the leases' bucket (node.ORIGIN keys),
	                           NULL without [cluster] leases */
	int replicas;
	int64_t stale_ms;       /* a claim older than this, of a version
	                           not in the stream, is adopted */
	natsOptions *opts;
	pthread_t thread;
	bool started;
	pthread_mutex_t lock;
	pthread_cond_t cond;
	bool stop;              /* under lock */
	/* set once by the thread, under lock */
	natsConnection *nc;
	jsCtx *js;
	kvStore *kv;
	kvStore *nodes;         /* under lock, opened at first use */
	/* counters, under lock */
	uint64_t claimed, others, unchecked, conflicts, adopted;
};

static bool
idents_stopping(struct idents *x)
{
	bool s;

	pthread_mutex_lock(&x->lock);
	s = x->stop;
	pthread_mutex_unlock(&x->lock);
	return s;
}

static bool
idents_nap(struct idents *x)
{
	for (int i = 0; i < 10; i++) {
		struct timespec ts = { 0, 100 * 1000 * 1000 };

		if (idents_stopping(x))
			return false;
		nanosleep(&ts, NULL);
	}
	return true;
}

static void *
idents_main(void *arg)
{
	struct idents *x = arg;
	natsConnection *nc = NULL;
	jsCtx *js = NULL;
	kvStore *kv = NULL;
	jsOptions jo;
	kvConfig kc;

	while (natsConnection_Connect(&nc, x->opts) != NATS_OK)
		if (!idents_nap(x))
			return NULL;
	jsOptions_Init(&jo);
	jo.Wait = 2000;
	if (natsConnection_JetStream(&js, nc, &jo) != NATS_OK) {
		natsConnection_Destroy(nc);
		return NULL;
	}
	for (;;) {
		if (js_KeyValue(&kv, js, x->bucket) == NATS_OK)
			break;
		kvConfig_Init(&kc);
		kc.Bucket = x->bucket;
		kc.History = 1;
		kc.Replicas = x->replicas;
		if (js_CreateKeyValue(&kv, js, &kc) == NATS_OK)
			break;
		kv = NULL;
		if (!idents_nap(x)) {
			jsCtx_Destroy(js);
			natsConnection_Destroy(nc);
			return NULL;
		}
	}
	pthread_mutex_lock(&x->lock);
	x->nc = nc;
	x->js = js;
	x->kv = kv;
	pthread_cond_broadcast(&x->cond);
	pthread_mutex_unlock(&x->lock);
	return NULL;
}

struct idents *
idents_open(const struct config *c, const char *node, struct log *log,
    char *err, size_t errlen)
{
	struct idents *x = xcalloc(1, sizeof(*x));

	x->log = log;
	x->node = xstrdup(node);
	x->bucket = xstrdup(c->cluster_articles_bucket);
	x->stream = xstrdup(c->nats_stream);
	x->prefix = xstrdup(c->nats_prefix);
	x->replicas = c->nats_replicas;
	x->stale_ms = (int64_t)c->cluster_lease * 500;
	if (c->cluster_leases)
		x->nodes_bucket = xstrdup(c->cluster_bucket);
	pthread_mutex_init(&x->lock, NULL);
	pthread_cond_init(&x->cond, NULL);
	if (c->nats_servers[0] == '\0') {
		fail(err, errlen, "[cluster] articles need [output.nats] "
		    "servers");
		goto err;
	}
	if (nats_Open(-1) != NATS_OK ||
	    nats_conn_options(c, "articles", &x->opts, err, errlen) != 0)
		goto err;
	if (pthread_create(&x->thread, NULL, idents_main, x) != 0) {
		fail(err, errlen, "[cluster] articles: cannot start a thread");
		goto err;
	}
	x->started = true;
	return x;
err:
	idents_free(x);
	return NULL;
}

/* The bucket, waiting for it a while; NULL if it is not there. */
static kvStore *
idents_kv(struct idents *x)
{
	struct timespec until;
	kvStore *kv;

	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += IDENTS_WAIT_MS / 1000 / 2;
	pthread_mutex_lock(&x->lock);
	while (x->kv == NULL && !x->stop &&
	    pthread_cond_timedwait(&x->cond, &x->lock, &until) == 0)
		;
	kv = x->kv;
	pthread_mutex_unlock(&x->lock);
	return kv;
}

/* The record's fields into out; false if it is not one. */
static bool
record_parse(const char *v, int len, const char *node,
    struct ident_claim *out, char *source, size_t sourcelen, char *owner,
    size_t ownerlen)
{
	json_t *j = json_loadb(v, (size_t)len, 0, NULL);
	json_t *h = json_object_get(j, "h"), *o = json_object_get(j, "o");
	json_t *p = json_object_get(j, "p"), *ver = json_object_get(j, "v");
	json_t *src = json_object_get(j, "s");
	bool ok = json_is_string(h) && json_is_integer(ver);

	if (ok) {
		snprintf(source, sourcelen, "%s",
		    json_is_string(src) ? json_string_value(src) : "");
		snprintf(owner, ownerlen, "%s",
		    json_is_string(o) ? json_string_value(o) : "");
		out->version = (int)json_integer_value(ver);
		snprintf(out->hash, sizeof(out->hash), "%s",
		    json_string_value(h));
		snprintf(out->prev, sizeof(out->prev), "%s",
		    json_is_string(p) ? json_string_value(p) : "");
		out->mine = json_is_string(o) &&
		    strcmp(json_string_value(o), node) == 0;
	}
	json_decref(j);
	return ok;
}

static char *
record_value(const char *node, int version, const char *hash,
    const char *prev, const char *source)
{
	json_t *j = json_pack("{s:i, s:s, s:s, s:s, s:s}", "v", version, "h",
	    hash, "o", node, "p", prev, "s", source);
	char *s = json_dumps(j, JSON_COMPACT);

	json_decref(j);
	return s;
}

/* Waited after an update before reading it back. */
#define IDENTS_SETTLE_MS 200

/* Whether the last write of key is ours (at rev), read from the stream's
 * leader once it settled: nats-server 2.9 lets two concurrent
 * compare-and-sets on a key of a replicated bucket both succeed (the one
 * applied last stands; leases.c measured it). Creates did not race so
 * (0 of 300): only updates are read back. */
static bool
update_stands(struct idents *x, const char *key, uint64_t rev)
{
	struct timespec ts = { 0, IDENTS_SETTLE_MS * 1000000L };
	char stream[160], subject[320];
	natsMsg *m = NULL;
	bool ours;

	nanosleep(&ts, NULL);
	snprintf(stream, sizeof(stream), "KV_%s", x->bucket);
	snprintf(subject, sizeof(subject), "$KV.%s.%s", x->bucket, key);
	if (js_GetLastMsg(&m, x->js, stream, subject, NULL, NULL) !=
	    NATS_OK)
		return false;
	ours = natsMsg_GetSequence(m) == rev;
	natsMsg_Destroy(m);
	return ours;
}

/* Whether the event ID:VERSION (msgid) is in the stream, published
 * since since_ns under source (every source if ""): its headers read
 * through an ordered consumer of the source's article subjects. 1 yes,
 * 0 no, -1 not known (the stream did not answer in time). */
#define IDENTS_SCAN_MS 3000
static int
event_in_stream(struct idents *x, const char *source, const char *msgid,
    int64_t since_ns)
{
	natsSubscription *sub = NULL;
	jsConsumerInfo *ci = NULL;
	jsErrCode jerr = 0;
	jsSubOptions so;
	char subject[320];
	int rc = -1;

	if (source[0] != '\0')
		snprintf(subject, sizeof(subject), "%s.article.*.%s",
		    x->prefix, source);
	else
		snprintf(subject, sizeof(subject), "%s.article.>", x->prefix);
	jsSubOptions_Init(&so);
	so.Stream = x->stream;
	so.Ordered = true;
	so.Config.HeadersOnly = true;
	so.Config.DeliverPolicy = js_DeliverByStartTime;
	so.Config.OptStartTime = since_ns;
	if (js_SubscribeSync(&sub, x->js, subject, NULL, &so, &jerr) !=
	    NATS_OK)
		return -1;
	if (natsSubscription_GetConsumerInfo(&ci, sub, NULL, &jerr) ==
	    NATS_OK && ci->NumPending == 0 && ci->Delivered.Consumer == 0)
		rc = 0;         /* nothing published since */
	jsConsumerInfo_Destroy(ci);
	for (int w = 0; rc < 0 && w < IDENTS_SCAN_MS; w += 500) {
		natsMsg *m = NULL;
		jsMsgMetaData *md = NULL;
		const char *id = NULL;

		if (natsSubscription_NextMsg(&m, sub, 500) != NATS_OK)
			continue;
		if (natsMsgHeader_Get(m, "Nats-Msg-Id", &id) == NATS_OK &&
		    id != NULL && strcmp(id, msgid) == 0)
			rc = 1;
		else if (natsMsg_GetMetaData(&md, m) == NATS_OK &&
		    md->NumPending == 0)
			rc = 0;         /* the last one: not there */
		else
			w -= 500;       /* a message: not waiting */
		jsMsgMetaData_Destroy(md);
		natsMsg_Destroy(m);
	}
	natsSubscription_Unsubscribe(sub);
	natsSubscription_Destroy(sub);
	return rc;
}

/* With [cluster] leases: whether node's key (node.ORIGIN in the leases'
 * bucket, leases.h) is there and its until not passed: a node alive
 * publishes what it claimed (its journal, or its pending entries at its
 * next start). Without leases, or when the bucket does not answer:
 * false (the stream is asked). */
static bool
node_alive(struct idents *x, const char *node)
{
	kvStore *kv;
	kvEntry *e = NULL;
	char key[96];
	bool alive = false;
	json_t *j;

	if (x->nodes_bucket == NULL || node[0] == '\0')
		return false;
	pthread_mutex_lock(&x->lock);
	kv = x->nodes;
	pthread_mutex_unlock(&x->lock);
	if (kv == NULL) {       /* the loop may wait for the lock: no I/O
	                           under it */
		if (js_KeyValue(&kv, x->js, x->nodes_bucket) != NATS_OK)
			return false;
		pthread_mutex_lock(&x->lock);
		if (x->nodes == NULL)
			x->nodes = kv;
		else
			kvStore_Destroy(kv);
		kv = x->nodes;
		pthread_mutex_unlock(&x->lock);
	}
	snprintf(key, sizeof(key), "node.%s", node);
	if (kvStore_Get(&e, kv, key) != NATS_OK)
		return false;
	j = json_loadb(kvEntry_Value(e), (size_t)kvEntry_ValueLen(e), 0,
	    NULL);
	alive = json_integer_value(json_object_get(j, "until")) > nats_Now();
	json_decref(j);
	kvEntry_Destroy(e);
	return alive;
}

/* A record of another node with our content hash: its version is
 * published, unless the claim is older than stale_ms and its event is
 * not in the stream (the node died between claim and publish, and never
 * published it): then this node adopts it, by writing the record as its
 * own at the revision read. 1 adopted (out filled as ours), 0 published
 * elsewhere, -1 lost the write (read again). */
static int
adopt(struct idents *x, kvStore *kv, kvEntry *e, const char *id,
    const char *source, const struct ident_claim *cur,
    const char *cursrc, const char *owner, struct ident_claim *out)
{
	int64_t created = kvEntry_Created(e);
	char msgid[192], *v;
	uint64_t rev;
	natsStatus s;
	int in;

	if (cur->mine || nats_Now() - created / 1000000 < x->stale_ms ||
	    node_alive(x, owner))
		return 0;
	snprintf(msgid, sizeof(msgid), "%s:%d", id, cur->version);
	/* published after the claim, so after its write (a second's
	 * leeway for the servers' clocks) */
	in = event_in_stream(x, cursrc, msgid, created - 1000000000LL);
	if (in != 0) {
		if (in < 0)
			log_warn(x->log, "[cluster] articles: art.%s: version "
			    "%d claimed by another node long ago; the stream "
			    "did not say whether it has it: taken as "
			    "published", id, cur->version);
		return 0;
	}
	v = record_value(x->node, cur->version, cur->hash, cur->prev,
	    source);
	s = kvStore_UpdateString(&rev, kv, kvEntry_Key(e), v,
	    kvEntry_Revision(e));
	free(v);
	if (s != NATS_OK || !update_stands(x, kvEntry_Key(e), rev))
		return -1;
	log_info(x->log, "[cluster] articles: art.%s: version %d, claimed "
	    "%lld s ago by a node that did not publish it, is published "
	    "here", id, cur->version,
	    (long long)((nats_Now() - created / 1000000) / 1000));
	*out = *cur;
	out->valid = true;
	out->mine = true;
	pthread_mutex_lock(&x->lock);
	x->adopted++;
	pthread_mutex_unlock(&x->lock);
	return 1;
}

/* One attempt: 1 decided (out filled), 0 lost a race (again), -1 the
 * bucket failed. */
static int
claim_once(struct idents *x, kvStore *kv, const char *id, const char *key,
    const char *hash, const char *source, struct ident_claim *out)
{
	kvEntry *e = NULL;
	natsStatus s = kvStore_Get(&e, kv, key);
	struct ident_claim cur = { 0 };
	char cursrc[128], owner[64];
	uint64_t rev;
	char *v;
	int rc;

	if (s == NATS_NOT_FOUND) {
		v = record_value(x->node, 1, hash, "", source);
		s = kvStore_CreateString(&rev, kv, key, v);
		free(v);
		if (s != NATS_OK)
			return 0;       /* created meanwhile, or failed */
		*out = (struct ident_claim){ .valid = true, .mine = true,
		    .version = 1 };
		snprintf(out->hash, sizeof(out->hash), "%s", hash);
		return 1;
	}
	if (s != NATS_OK)
		return -1;
	if (!record_parse(kvEntry_Value(e), kvEntry_ValueLen(e), x->node,
	    &cur, cursrc, sizeof(cursrc), owner, sizeof(owner))) {
		kvEntry_Destroy(e);
		return -1;
	}
	if (strcmp(cur.hash, hash) == 0) {
		rc = adopt(x, kv, e, id, source, &cur, cursrc, owner, out);
		kvEntry_Destroy(e);
		if (rc < 0)
			return 0;       /* lost: read again */
		if (rc == 0) {
			*out = cur;
			out->valid = true;
		}
		return 1;
	}
	v = record_value(x->node, cur.version + 1, hash, cur.hash, source);
	s = kvStore_UpdateString(&rev, kv, key, v, kvEntry_Revision(e));
	free(v);
	kvEntry_Destroy(e);
	if (s != NATS_OK || !update_stands(x, key, rev))
		return 0;       /* lost: read again */
	*out = (struct ident_claim){ .valid = true, .mine = true,
	    .version = cur.version + 1 };
	snprintf(out->hash, sizeof(out->hash), "%s", hash);
	snprintf(out->prev, sizeof(out->prev), "%s", cur.hash);
	return 1;
}

/* A test hook: NEWSWIRED_TEST_DIE_AFTER_CLAIM=1 kills the process (as
 * SIGKILL would) right after it claimed a version, before its journal
 * commits: what a node dying between claim and publish leaves. */
static void
test_die_after_claim(const struct ident_claim *out)
{
	const char *v = getenv("NEWSWIRED_TEST_DIE_AFTER_CLAIM");

	if (out->valid && out->mine && v != NULL && strcmp(v, "1") == 0)
		raise(SIGKILL);
}

void
idents_claim(struct idents *x, const char *id, const char *hash,
    const char *source, struct ident_claim *out)
{
	kvStore *kv = idents_kv(x);
	char key[160];
	int rc = -1, lost = 0;
	struct timespec nap = { 0, IDENTS_RETRY_MS * 1000000L };

	memset(out, 0, sizeof(*out));
	snprintf(key, sizeof(key), "art.%s", id);
	/* a failing bucket (no leader yet: its replicas still read, writes
	 * fail) and a lost race alike are tried again a little later, for
	 * half the wait */
	for (int w = 0; kv != NULL && w < IDENTS_WAIT_MS / 2 &&
	    !idents_stopping(x); w += IDENTS_RETRY_MS) {
		rc = claim_once(x, kv, id, key, hash, source, out);
		if (rc == 1)
			break;
		lost += rc == 0;
		nanosleep(&nap, NULL);
	}
	if (rc != 1)
		log_warn(x->log, "[cluster] articles: %s: %s; classified by "
		    "this node alone", key, kv == NULL ? "no bucket yet" :
		    rc == 0 ? "no write went through" :
		    nats_GetLastError(NULL));
	else
		log_debug(x->log, "[cluster] articles: %s: version %d, %s",
		    key, out->version, out->mine ? "this node's" :
		    "published already");
	pthread_mutex_lock(&x->lock);
	x->conflicts += (uint64_t)lost;
	if (rc != 1) {
		memset(out, 0, sizeof(*out));
		x->unchecked++;
	} else if (out->mine) {
		x->claimed++;
	} else {
		x->others++;
	}
	pthread_mutex_unlock(&x->lock);
	test_die_after_claim(out);
}

int
idents_apply(struct store *s, const char *id, const struct ident_claim *cl,
    int64_t now, char *err, size_t errlen)
{
	char hash[72];
	int version = 0, rc;

	if (!cl->valid)
		return 0;
	if (!cl->mine)         /* published elsewhere: as it was */
		return store_item_set(s, id, cl->hash, cl->version, now, err,
		    errlen);
	rc = store_item_get(s, id, hash, sizeof(hash), &version, err,
	    errlen);
	if (rc < 0)
		return -1;
	if (rc == 1 && version == cl->version && strcmp(hash, cl->hash) == 0)
		return 0;       /* journalled here already */
	if (rc == 1 && cl->version == 1 && version >= 1)
		return 0;       /* published here before without a record (the
	                           bucket did not answer): the store knows
	                           better than the record just created */
	/* this node's to publish: the store as before its version */
	if (cl->version <= 1 || cl->prev[0] == '\0')
		return store_item_set(s, id, NULL, 0, now, err, errlen);
	return store_item_set(s, id, cl->prev, cl->version - 1, now, err,
	    errlen);
}

void
idents_metrics(struct idents *x, struct buf *b)
{
	uint64_t claimed, others, unchecked, conflicts, adopted;

	pthread_mutex_lock(&x->lock);
	adopted = x->adopted;
	claimed = x->claimed;
	others = x->others;
	unchecked = x->unchecked;
	conflicts = x->conflicts;
	pthread_mutex_unlock(&x->lock);
	buf_printf(b, "# HELP newswire_cluster_articles_total Articles "
	    "checked against the shared records, by result: claimed "
	    "(published here), others (published by another node or "
	    "before), unchecked (the bucket did not answer: classified "
	    "locally).\n# TYPE newswire_cluster_articles_total counter\n"
	    "newswire_cluster_articles_total{result=\"claimed\"} %llu\n"
	    "newswire_cluster_articles_total{result=\"others\"} %llu\n"
	    "newswire_cluster_articles_total{result=\"unchecked\"} %llu\n",
	    (unsigned long long)claimed, (unsigned long long)others,
	    (unsigned long long)unchecked);
	buf_printf(b, "# HELP newswire_cluster_articles_adopted_total "
	    "Versions another node claimed long ago and did not publish, "
	    "published here (counted in claimed too).\n"
	    "# TYPE newswire_cluster_articles_adopted_total counter\n"
	    "newswire_cluster_articles_adopted_total %llu\n",
	    (unsigned long long)adopted);
	buf_printf(b, "# HELP newswire_cluster_article_conflicts_total "
	    "Compare-and-sets on an article's record lost to another node "
	    "(read again).\n"
	    "# TYPE newswire_cluster_article_conflicts_total counter\n"
	    "newswire_cluster_article_conflicts_total %llu\n",
	    (unsigned long long)conflicts);
}

void
idents_free(struct idents *x)
{
	if (x == NULL)
		return;
	pthread_mutex_lock(&x->lock);
	x->stop = true;
	pthread_cond_broadcast(&x->cond);
	pthread_mutex_unlock(&x->lock);
	if (x->started)
		pthread_join(x->thread, NULL);
	kvStore_Destroy(x->kv);
	kvStore_Destroy(x->nodes);
	jsCtx_Destroy(x->js);
	if (x->nc != NULL)
		natsConnection_Close(x->nc);
	natsConnection_Destroy(x->nc);
	natsOptions_Destroy(x->opts);
	pthread_cond_destroy(&x->cond);
	pthread_mutex_destroy(&x->lock);
	free(x->node);
	free(x->bucket);
	free(x->stream);
	free(x->prefix);
	free(x->nodes_bucket);
	free(x);
}
