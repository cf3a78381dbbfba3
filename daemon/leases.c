#include "leases.h"

#include <errno.h>
#include <event2/event.h>
#include <jansson.h>
#include <nats/nats.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "log.h"
#include "nats_conn.h"
#include "util.h"

struct lease {
	char *name;
	char *key;              /* src.NAME: the lease */
	char *ekey;             /* ent.NAME: its entries published */
	bool wanted;            /* under lock: the loop's set */
	char *state;            /* under lock: to carry */
	char *ents;             /* under lock: the entries published */
	bool ents_dirty;        /* under lock: ents not written yet */
	/* the thread's */
	bool held;
	uint64_t rev;
	bool check;             /* written this round: read back */
	bool giving;            /* given up this round, not deleted yet */
	bool taking;            /* ... and it was a take: post if it holds */
	int64_t t_until;        /* ... its until */
	char *t_prev, *t_ents;  /* what to post with the take */
	/* under lock: the lease's end as last written (ms), and the loop
	 * found it passed before a renewal came */
	int64_t until;
	bool expired;
	/* the loop's */
	bool owned;
};

struct lchange {
	char *name;
	bool owned;
	char *state;
	char *ents;
};

struct leases {
	struct log *log;
	leases_cb cb;
	void *ctx;
	char *node, *bucket;
	int lease_ms, replicas;
	natsOptions *opts;
	pthread_t thread;
	bool started;
	pthread_mutex_t lock;
	bool stop;
	bool kick;              /* under lock: entries to write */
	uint64_t posted, seen;  /* under lock: changes queued; handled by
	                           the loop (it stopped polling) */
	pthread_cond_t seen_cond;
	struct lease *v;
	size_t n;
	struct lchange *q;
	size_t qn, qcap;
	int efd;
	struct event *ev, *ev_tick;
	uint64_t won, lost;     /* the loop's */
	int live;               /* the thread's: live nodes last counted */
	size_t take_from;       /* the thread's: where the next round's
	                           takes start (the last one stopped) */
	/* under lock: the nodes whose keys the last count read (live, or
	 * dead and not purged yet), and when (0: never) */
	struct strlist keys_seen;
	int64_t seen_at;
};

static int64_t
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static char *
lease_key(const char *name)
{
	struct buf b = { 0 };
	bool plain = true;

	for (const char *p = name; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '_'))
			plain = false;
	buf_printf(&b, "src.%s", plain ? name : "x");
	if (!plain)
		for (const unsigned char *p = (const unsigned char *)name; *p;
		    p++)
			buf_printf(&b, "%02x", *p);
	return b.p;
}

/* Thread: queues a change for the loop (under lock). */
static void
post_locked(struct leases *l, struct lease *ls, bool owned,
    const char *state, const char *ents)
{
	l->posted++;
	if (l->qn == l->qcap) {
		l->qcap = l->qcap ? l->qcap * 2 : 64;
		l->q = xrealloc(l->q, l->qcap * sizeof(*l->q));
	}
	l->q[l->qn++] = (struct lchange){
		.name = xstrdup(ls->name), .owned = owned,
		.state = state != NULL ? xstrdup(state) : NULL,
		.ents = ents != NULL ? xstrdup(ents) : NULL,
	};
}

static void
wake(struct leases *l)
{
	uint64_t one = 1;

	if (write(l->efd, &one, sizeof(one)) < 0 && errno != EAGAIN)
		return;
}

/* The value to write for ls (under lock: reads its state). */
static char *
lease_value(struct leases *l, struct lease *ls, int64_t until)
{
	json_t *j = json_pack("{s:s, s:I, s:s?}", "owner", l->node, "until",
	    (json_int_t)until, "state", ls->state);
	char *s = json_dumps(j, JSON_COMPACT);

	json_decref(j);
	return s;
}

/* Parses a lease value: its until and (a copy of) its state; with
 * node, 0 if the value is node's own (its earlier take, unconfirmed). */
static int64_t
value_until(const char *v, int len, char **state, const char *node)
{
	json_t *j = json_loadb(v, (size_t)len, 0, NULL);
	json_t *st = json_object_get(j, "state");
	json_t *ow = json_object_get(j, "owner");
	int64_t until = json_integer_value(json_object_get(j, "until"));

	if (node != NULL && json_is_string(ow) &&
	    strcmp(json_string_value(ow), node) == 0)
		until = 0;
	if (state != NULL)
		*state = json_is_string(st) ? xstrdup(json_string_value(st)) :
		    NULL;
	json_decref(j);
	return until;
}

/* A node key unrenewed this many leases is a dead node's: its subject
 * is purged from the bucket's stream (purge_node()). */
#define LEASES_NODE_SWEEP 10
/* Node keys purged in one round at most: a round's time is the
 * leases'. */
#define LEASES_SWEEP_MAX 8

/* Removes the key node.NODE from the bucket with its history: a purge of
 * its subject in the bucket's stream, which leaves no delete marker
 * behind (kvStore_Delete() and kvStore_Purge() leave one for good, and a
 * node's origin is new with each new state folder: the markers of nodes
 * gone would pile up, each read in every round's live count). A
 * kvStore_Delete() when the purge is refused. */
static void
purge_node(struct leases *l, jsCtx *js, kvStore *kv, const char *node)
{
	char stream[160], subject[320], key[160];
	jsOptions o;

	snprintf(stream, sizeof(stream), "KV_%s", l->bucket);
	snprintf(subject, sizeof(subject), "$KV.%s.node.%s", l->bucket,
	    node);
	jsOptions_Init(&o);
	o.Stream.Purge.Subject = subject;
	if (js_PurgeStream(js, stream, &o, NULL) == NATS_OK)
		return;
	snprintf(key, sizeof(key), "node.%s", node);
	kvStore_Delete(kv, key);
}

/* Whether the last message of a node key, m, is a dead node's: a value
 * whose until, or a delete marker (an older newswired's clean stop)
 * whose time, is LEASES_NODE_SWEEP leases past. A node that lives
 * renews its key every third of a lease. */
static bool
node_dead(const struct leases *l, natsMsg *m, int64_t now)
{
	int64_t at, past = now - (int64_t)LEASES_NODE_SWEEP * l->lease_ms;

	if (natsMsg_GetDataLength(m) == 0) {
		at = natsMsg_GetTime(m) / 1000000;     /* ns */
		return at > 0 && at < past;
	}
	at = value_until(natsMsg_GetData(m), natsMsg_GetDataLength(m), NULL,
	    NULL);
	return at < past;
}

/* The node keys a count read (seen, taken over) replace the last. */
static void
keys_seen_set(struct leases *l, struct strlist *seen, int64_t now)
{
	pthread_mutex_lock(&l->lock);
	strlist_free(&l->keys_seen);
	l->keys_seen = *seen;
	l->seen_at = now;
	pthread_mutex_unlock(&l->lock);
}

/* Live nodes: node.* keys not expired (at least 1: this one), read from
 * the stream's leader: the subjects of the node keys (one request), then
 * the last value of each. (kvStore_Keys runs a consumer over every key
 * of the bucket, and on a 3-server cluster did not answer within the
 * request wait in one round of seven.) If the bucket does not answer,
 * as last counted: a node that thought itself alone would take every
 * free lease. The keys of dead nodes (unrenewed for LEASES_NODE_SWEEP
 * leases) are purged, a few a round, so that the count reads the live
 * ones and not every node there ever was. */
static int
live_nodes(struct leases *l, jsCtx *js, kvStore *kv, int64_t now)
{
	char stream[160], filter[320], *dead[LEASES_SWEEP_MAX];
	jsStreamInfo *si = NULL;
	jsStreamStateSubjects *subj;
	jsOptions o;
	int live = 0, ndead = 0;
	struct strlist seen = { 0 };
	size_t skip;

	snprintf(stream, sizeof(stream), "KV_%s", l->bucket);
	snprintf(filter, sizeof(filter), "$KV.%s.node.>", l->bucket);
	skip = strlen(filter) - 1;      /* the subject's node name */
	jsOptions_Init(&o);
	o.Stream.Info.SubjectsFilter = filter;
	if (js_GetStreamInfo(&si, js, stream, &o, NULL) != NATS_OK)
		return l->live > 0 ? l->live : 1;
	subj = si->State.Subjects;
	for (int i = 0; subj != NULL && i < subj->Count; i++) {
		natsMsg *m = NULL;
		const char *s = subj->List[i].Subject;

		if (js_GetLastMsg(&m, js, stream, s, NULL, NULL) != NATS_OK) {
			live = -1;
			break;
		}
		if (strlen(s) > skip)
			strlist_push(&seen, s + skip);
		if (natsMsg_GetDataLength(m) > 0 &&
		    value_until(natsMsg_GetData(m), natsMsg_GetDataLength(m),
		    NULL, NULL) > now)
			live++;
		else if (ndead < LEASES_SWEEP_MAX && strlen(s) > skip &&
		    strcmp(s + skip, l->node) != 0 && node_dead(l, m, now))
			dead[ndead++] = xstrdup(s + skip);
		natsMsg_Destroy(m);
	}
	jsStreamInfo_Destroy(si);
	for (int i = 0; i < ndead; i++) {
		log_info(l->log, "lease: the key of node %s, not renewed for "
		    "%d leases, purged", dead[i], LEASES_NODE_SWEEP);
		purge_node(l, js, kv, dead[i]);
		free(dead[i]);
	}
	if (live >= 0)
		keys_seen_set(l, &seen, now);
	else
		strlist_free(&seen);
	if (live < 0)
		return l->live > 0 ? l->live : 1;
	l->live = live > 0 ? live : 1;
	return l->live;
}

/* The value at key (a copy), or NULL. */
static char *
kv_get_str(kvStore *kv, const char *key)
{
	kvEntry *e = NULL;
	char *v = NULL;

	if (kvStore_Get(&e, kv, key) != NATS_OK)
		return NULL;
	if (kvEntry_ValueLen(e) > 0) {
		v = xmalloc((size_t)kvEntry_ValueLen(e) + 1);
		memcpy(v, kvEntry_Value(e), (size_t)kvEntry_ValueLen(e));
		v[kvEntry_ValueLen(e)] = '\0';
	}
	kvEntry_Destroy(e);
	return v;
}

/* Tries to take the lease at key; true if won, with its revision in
 * *rev and the last owner's state in *prev_state. */
static bool
take(kvStore *kv, const char *key, const char *value, int64_t now,
    uint64_t *rev, char **prev_state, const char *node)
{
	kvEntry *e = NULL;
	natsStatus s = kvStore_Get(&e, kv, key);
	bool won = false;

	*prev_state = NULL;
	if (s == NATS_NOT_FOUND) {
		won = kvStore_Create(rev, kv, key, value,
		    (int)strlen(value)) == NATS_OK;
	} else if (s == NATS_OK) {
		if (value_until(kvEntry_Value(e), kvEntry_ValueLen(e),
		    prev_state, node) < now)
			won = kvStore_Update(rev, kv, key, value,
			    (int)strlen(value), kvEntry_Revision(e)) ==
			    NATS_OK;
		kvEntry_Destroy(e);
	}
	if (!won) {
		free(*prev_state);
		*prev_state = NULL;
	}
	return won;
}

/* Waited between a round's writes and their read-back. */
#define LEASES_SETTLE_MS 200

/* Whether the last write of key is still ours (at rev), read from the
 * stream's leader, not a replica: 1 yes, 0 no, -1 no answer. */
static int
still_ours(struct leases *l, jsCtx *js, const char *key, uint64_t rev)
{
	char stream[160], subject[320];
	natsMsg *m = NULL;
	int ours;

	snprintf(stream, sizeof(stream), "KV_%s", l->bucket);
	snprintf(subject, sizeof(subject), "$KV.%s.%s", l->bucket, key);
	if (js_GetLastMsg(&m, js, stream, subject, NULL, NULL) != NATS_OK)
		return -1;
	ours = natsMsg_GetSequence(m) == rev;
	natsMsg_Destroy(m);
	return ours;
}

/* The round's takes and renewals read back once they settled: nats-server
 * 2.9 (Debian 12) lets two concurrent compare-and-sets on a key of a
 * replicated bucket both succeed (measured: 142 of 300 races on a
 * 3-node cluster); the write applied last is the one that stands, so a
 * node whose write is not the last one did not get the lease. With the
 * read-back, 0 of 300. */
static void
confirm(struct leases *l, jsCtx *js)
{
	struct timespec ts = { 0, LEASES_SETTLE_MS * 1000000L };
	size_t n;
	bool any = false;

	pthread_mutex_lock(&l->lock);
	n = l->n;
	for (size_t i = 0; i < n; i++)
		any |= l->v[i].check;
	pthread_mutex_unlock(&l->lock);
	if (!any)
		return;
	nanosleep(&ts, NULL);   /* the writes racing ours are applied */
	for (size_t i = 0; i < n; i++) {
		struct lease *ls;
		const char *key;
		uint64_t rev;
		bool ok, taking;
		int rc;

		pthread_mutex_lock(&l->lock);
		ls = &l->v[i];
		key = ls->key;
		rev = ls->rev;
		taking = ls->taking;
		if (!ls->check) {
			pthread_mutex_unlock(&l->lock);
			continue;
		}
		pthread_mutex_unlock(&l->lock);
		/* a take must be confirmed; a renewal (of a lease nobody may
		 * take before it expires) stands unless another write is */
		rc = still_ours(l, js, key, rev);
		ok = rc == 1 || (rc < 0 && !taking);
		pthread_mutex_lock(&l->lock);
		ls = &l->v[i];
		ls->check = false;
		if (ok)
			ls->until = ls->t_until;
		if (ok && ls->taking)
			post_locked(l, ls, true, ls->t_prev, ls->t_ents);
		else if (!ok && ls->held) {
			ls->held = false;
			if (!ls->taking)
				post_locked(l, ls, false, NULL, NULL);
		}
		ls->taking = false;
		free(ls->t_prev);
		free(ls->t_ents);
		ls->t_prev = ls->t_ents = NULL;
		pthread_mutex_unlock(&l->lock);
	}
}

static void flush_entries(struct leases *l, kvStore *kv);

/* The leases given up this round deleted, once the loop has stopped
 * polling them (a second at most): no other node polls a source before
 * this one stopped. */
static void
give_up(struct leases *l, kvStore *kv, const char **keys, size_t n)
{
	struct timespec until;
	uint64_t gen;

	if (n == 0)
		return;
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += 1;
	pthread_mutex_lock(&l->lock);
	gen = l->posted;
	pthread_mutex_unlock(&l->lock);
	wake(l);
	pthread_mutex_lock(&l->lock);
	while (l->seen < gen && !l->stop &&
	    pthread_cond_timedwait(&l->seen_cond, &l->lock, &until) == 0)
		;
	pthread_mutex_unlock(&l->lock);
	/* what they published goes to the next owner with them */
	flush_entries(l, kv);
	pthread_mutex_lock(&l->lock);
	for (size_t i = 0; i < l->n; i++)
		l->v[i].giving = false;
	pthread_mutex_unlock(&l->lock);
	for (size_t i = 0; i < n; i++)
		kvStore_Delete(kv, keys[i]);
}

/* The leases held (a read-back may have dropped some). */
static size_t
count_held(struct leases *l, size_t n)
{
	size_t held = 0;

	pthread_mutex_lock(&l->lock);
	for (size_t i = 0; i < n; i++)
		held += l->v[i].held;
	pthread_mutex_unlock(&l->lock);
	return held;
}

/* Takes confirmed together: a batch is read back (and its sources
 * polled) when it has this many, or when its first is this old (ms). */
#define LEASES_TAKE_BATCH 8
#define LEASES_TAKE_WAIT_MS 250

/* The renewals (and give-ups) of a round; the thread's. The leases over
 * cap given up go to give (ngive of them). */
static void
renew_all(struct leases *l, kvStore *kv, size_t n, size_t held, size_t cap,
    int64_t until, const char ***give, size_t *ngive)
{
	for (size_t i = 0; i < n; i++) {
		struct lease *ls;
		const char *key;
		char *value;
		uint64_t last, rev;
		bool ok;

		pthread_mutex_lock(&l->lock);
		ls = &l->v[i];
		key = ls->key;
		last = ls->rev;
		if (ls->held && (!ls->wanted || held > cap)) {
			/* given up: deleted once the loop stopped polling
			 * it, so another node takes it now */
			ls->held = false;
			ls->giving = true;
			held--;
			post_locked(l, ls, false, NULL, NULL);
			pthread_mutex_unlock(&l->lock);
			*give = xrealloc(*give, (*ngive + 1) * sizeof(**give));
			(*give)[(*ngive)++] = key;
			continue;
		}
		if (!ls->held) {
			pthread_mutex_unlock(&l->lock);
			continue;
		}
		value = lease_value(l, ls, until);
		pthread_mutex_unlock(&l->lock);
		ok = kvStore_Update(&rev, kv, key, value, (int)strlen(value),
		    last) == NATS_OK;
		free(value);
		pthread_mutex_lock(&l->lock);
		ls = &l->v[i];
		if (ok && now_ms() < ls->until - l->lease_ms / 10) {
			/* on time: nobody could take it meanwhile, nothing
			 * raced this write */
			ls->rev = rev;
			ls->until = until;
		} else if (ok) {        /* late: read back */
			ls->rev = rev;
			ls->check = true;
			ls->t_until = until;
		} else {        /* a lost compare-and-set */
			ls->held = false;
			held--;
			post_locked(l, ls, false, NULL, NULL);
		}
		pthread_mutex_unlock(&l->lock);
	}
}

/* The takes of a round, up to cap held; the thread's. They are confirmed
 * in batches and each batch's sources are polled at once: a round over
 * many sources (seconds under a sanitizer) does not hold back the first
 * takes until its end. Past deadline (when the next round's renewals are
 * due) no further batch starts: the renewals come first, and the next
 * round's takes go on from there. Returns the takes written. */
static size_t
take_all(struct leases *l, jsCtx *js, kvStore *kv, size_t n, size_t held,
    size_t cap, int64_t deadline)
{
	size_t batch = 0, done = 0, tried = 0;
	size_t from = n > 0 ? l->take_from % n : 0;
	int64_t first = 0;

	l->take_from = 0;
	for (size_t k = 0; k < n && held < cap; k++) {
		size_t i = (from + k) % n;
		struct lease *ls;
		const char *key, *ekey;
		char *value, *prev = NULL, *ents = NULL;
		int64_t now = now_ms(), until = now + l->lease_ms;
		uint64_t rev;
		bool ok;

		if (batch == 0 && tried > 0 && now >= deadline) {
			l->take_from = i;
			break;
		}
		pthread_mutex_lock(&l->lock);
		ls = &l->v[i];
		if (ls->held || !ls->wanted) {
			pthread_mutex_unlock(&l->lock);
			continue;
		}
		key = ls->key;
		ekey = ls->ekey;
		value = lease_value(l, ls, until);
		pthread_mutex_unlock(&l->lock);
		ok = take(kv, key, value, now, &rev, &prev, l->node);
		tried++;
		free(value);
		/* what the last owner published, read after the lease is
		 * ours: it wrote ent.* only while holding */
		ents = ok ? kv_get_str(kv, ekey) : NULL;
		pthread_mutex_lock(&l->lock);
		ls = &l->v[i];
		if (ok) {       /* posted once read back */
			ls->held = true;
			ls->rev = rev;
			ls->check = ls->taking = true;
			ls->t_until = until;
			ls->t_prev = prev;
			ls->t_ents = ents;
			held++;
			if (batch++ == 0)
				first = now;
		} else {
			free(prev);
			free(ents);
		}
		pthread_mutex_unlock(&l->lock);
		if (batch > 0 && (batch >= LEASES_TAKE_BATCH ||
		    now_ms() - first >= LEASES_TAKE_WAIT_MS)) {
			confirm(l, js);
			wake(l);
			done += batch;
			batch = 0;
			held = count_held(l, n);
		}
	}
	if (batch > 0) {
		confirm(l, js);
		wake(l);
	}
	return done + batch;
}

/* One round over the leases; the thread's: renewals first (read back
 * when late), then takes. The array may grow on the loop (leases_want
 * appends, never removes): entries are reached by index under the lock,
 * and nothing of them is kept across an unlock but the key, which never
 * changes. */
static void
round_once(struct leases *l, jsCtx *js, kvStore *kv)
{
	int64_t start = now_ms(), until = start + l->lease_ms, t_renew;
	char nodekey[160], nodeval[64];
	size_t wanted = 0, held = 0, cap, n, live, ngive = 0, took;
	const char **give = NULL;
	uint64_t rev;

	flush_entries(l, kv);   /* written while surely held */
	snprintf(nodekey, sizeof(nodekey), "node.%s", l->node);
	snprintf(nodeval, sizeof(nodeval), "{\"until\":%lld}",
	    (long long)until);
	kvStore_PutString(&rev, kv, nodekey, nodeval);
	live = (size_t)live_nodes(l, js, kv, start);
	pthread_mutex_lock(&l->lock);
	n = l->n;
	for (size_t i = 0; i < n; i++) {
		if (l->v[i].expired)    /* the loop stopped polling it */
			l->v[i].held = l->v[i].expired = false;
		wanted += l->v[i].wanted;
		held += l->v[i].held;
	}
	pthread_mutex_unlock(&l->lock);
	cap = (wanted + live - 1) / live;
	/* renewals first, read back, then takes: a round slowed by many
	 * takes does not let the held leases run out */
	renew_all(l, kv, n, held, cap, until, &give, &ngive);
	give_up(l, kv, give, ngive);
	confirm(l, js);
	wake(l);
	free(give);
	t_renew = now_ms();
	took = take_all(l, js, kv, n, count_held(l, n), cap,
	    start + l->lease_ms / 3);
	log_debug(l->log, "lease round: %zu live node(s), share %zu, %zu "
	    "held, %zu taken; %lld ms (renewals %lld ms)", live, cap,
	    count_held(l, n), took, (long long)(now_ms() - start),
	    (long long)(t_renew - start));
}

/* Writes the entries of the leases held that changed (ent.NAME), each
 * its latest value; the thread's. Only while held: a node that lost a
 * lease does not overwrite what the new owner writes. */
static void
flush_entries(struct leases *l, kvStore *kv)
{
	for (;;) {
		char *key = NULL, *v = NULL;
		uint64_t rev;

		pthread_mutex_lock(&l->lock);
		l->kick = false;
		for (size_t i = 0; i < l->n && key == NULL; i++) {
			struct lease *ls = &l->v[i];

			if (!ls->ents_dirty)
				continue;
			ls->ents_dirty = false;
			if (!(ls->held || ls->giving) || ls->ents == NULL)
				continue;
			key = xstrdup(ls->ekey);
			v = xstrdup(ls->ents);
		}
		pthread_mutex_unlock(&l->lock);
		if (key == NULL)
			return;
		if (kvStore_PutString(&rev, kv, key, v) != NATS_OK) {
			/* written again with the next change or round */
			pthread_mutex_lock(&l->lock);
			for (size_t i = 0; i < l->n; i++)
				if (strcmp(l->v[i].ekey, key) == 0)
					l->v[i].ents_dirty = true;
			pthread_mutex_unlock(&l->lock);
			free(key);
			free(v);
			return;
		}
		free(key);
		free(v);
	}
}

/* Sleeps ms, writing changed entries as they come; false if told to
 * stop. */
static bool
napping(struct leases *l, kvStore *kv, int ms)
{
	for (int t = 0; t < ms; t += 50) {
		struct timespec ts = { 0, 50 * 1000 * 1000 };
		bool stop, kick;

		pthread_mutex_lock(&l->lock);
		stop = l->stop;
		kick = l->kick;
		pthread_mutex_unlock(&l->lock);
		if (stop)
			return false;
		if (kick && kv != NULL)
			flush_entries(l, kv);
		nanosleep(&ts, NULL);
	}
	return true;
}

static kvStore *
open_bucket(struct leases *l, jsCtx *js)
{
	kvStore *kv = NULL;
	kvConfig kc;

	if (js_KeyValue(&kv, js, l->bucket) == NATS_OK)
		return kv;
	kvConfig_Init(&kc);
	kc.Bucket = l->bucket;
	kc.History = 1;
	kc.Replicas = l->replicas;
	if (js_CreateKeyValue(&kv, js, &kc) == NATS_OK)
		return kv;
	return NULL;
}

static void *
leases_main(void *arg)
{
	struct leases *l = arg;
	natsConnection *nc = NULL;
	jsCtx *js = NULL;
	kvStore *kv = NULL;
	jsOptions jo;
	int64_t t;

	while (natsConnection_Connect(&nc, l->opts) != NATS_OK)
		if (!napping(l, NULL, 1000))
			return NULL;
	jsOptions_Init(&jo);
	/* a request the bucket does not answer (a leader being elected)
	 * must not hold a round past the leases it renews */
	jo.Wait = l->lease_ms / 6 < 2000 ? l->lease_ms / 6 : 2000;
	if (natsConnection_JetStream(&js, nc, &jo) != NATS_OK)
		goto out;
	while ((kv = open_bucket(l, js)) == NULL)
		if (!napping(l, NULL, 1000))
			goto out;
	/* a round every third of the lease, from start to start */
	do {
		t = now_ms();
		round_once(l, js, kv);
		t = l->lease_ms / 3 - (now_ms() - t);
	} while (napping(l, kv, t > 50 ? (int)t : 50));
	/* stopping: the entries written, the leases held go back at once */
	flush_entries(l, kv);
	pthread_mutex_lock(&l->lock);
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].held) {
			/* said before another node may take it; the
			 * loop stopped polling first (sources_stop) */
			log_info(l->log, "lease: source %s given back: "
			    "stopping", l->v[i].name);
			kvStore_Delete(kv, l->v[i].key);
		}
	pthread_mutex_unlock(&l->lock);
	purge_node(l, js, kv, l->node);
out:
	kvStore_Destroy(kv);
	jsCtx_Destroy(js);
	natsConnection_Destroy(nc);
	return NULL;
}

/* The loop stops polling a source whose lease ran out before the thread
 * renewed it (the bucket does not answer): by the lease's own clock, a
 * little before another node may take it. */
static void
on_tick(evutil_socket_t fd, short what, void *arg)
{
	struct leases *l = arg;
	int64_t now = now_ms(), margin = l->lease_ms / 10;
	char **gone = NULL;
	size_t n = 0;

	(void)fd;
	(void)what;
	pthread_mutex_lock(&l->lock);
	for (size_t i = 0; i < l->n; i++) {
		struct lease *ls = &l->v[i];

		if (!ls->owned || now < ls->until - margin)
			continue;
		ls->owned = false;
		ls->expired = true;
		gone = xrealloc(gone, (n + 1) * sizeof(*gone));
		gone[n++] = xstrdup(ls->name);
	}
	pthread_mutex_unlock(&l->lock);
	for (size_t i = 0; i < n; i++) {
		l->lost++;
		log_warn(l->log, "lease: source %s: not renewed in time (the "
		    "bucket does not answer): not polled here", gone[i]);
		l->cb(l->ctx, gone[i], false, NULL, NULL);
		free(gone[i]);
	}
	free(gone);
}

static void
on_changes(evutil_socket_t fd, short what, void *arg)
{
	struct leases *l = arg;
	struct lchange *q;
	size_t n;
	uint64_t v, gen;

	(void)what;
	if (read(fd, &v, sizeof(v)) < 0 && errno != EAGAIN)
		return;
	pthread_mutex_lock(&l->lock);
	q = l->q;
	n = l->qn;
	gen = l->posted;
	l->q = NULL;
	l->qn = l->qcap = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < l->n; k++)
			if (strcmp(l->v[k].name, q[i].name) == 0)
				l->v[k].owned = q[i].owned;
	pthread_mutex_unlock(&l->lock);
	for (size_t i = 0; i < n; i++) {
		if (q[i].owned)
			l->won++;
		else
			l->lost++;
		log_info(l->log, "lease: source %s %s", q[i].name,
		    q[i].owned ? "taken: polled here" : "given up or lost: "
		    "not polled here");
		l->cb(l->ctx, q[i].name, q[i].owned, q[i].state, q[i].ents);
		free(q[i].name);
		free(q[i].state);
		free(q[i].ents);
	}
	free(q);
	pthread_mutex_lock(&l->lock);
	if (gen > l->seen)
		l->seen = gen;
	pthread_cond_broadcast(&l->seen_cond);
	pthread_mutex_unlock(&l->lock);
}

struct leases *
leases_open(const struct config *c, struct event_base *base,
    const char *node, struct log *log, leases_cb cb, void *ctx, char *err,
    size_t errlen)
{
	struct leases *l = xcalloc(1, sizeof(*l));

	l->log = log;
	l->cb = cb;
	l->ctx = ctx;
	l->node = xstrdup(node);
	l->bucket = xstrdup(c->cluster_bucket);
	l->lease_ms = c->cluster_lease * 1000;
	l->replicas = c->nats_replicas;
	l->efd = -1;
	pthread_mutex_init(&l->lock, NULL);
	pthread_cond_init(&l->seen_cond, NULL);
	if (c->nats_servers[0] == '\0') {
		fail(err, errlen, "[cluster] leases need [output.nats] "
		    "servers");
		goto err;
	}
	if (nats_Open(-1) != NATS_OK ||
	    nats_conn_options(c, "leases", &l->opts, err, errlen) != 0)
		goto err;
	l->efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	if (l->efd < 0) {
		fail(err, errlen, "eventfd: %s", strerror(errno));
		goto err;
	}
	l->ev = event_new(base, l->efd, EV_READ | EV_PERSIST, on_changes, l);
	event_add(l->ev, NULL);
	l->ev_tick = event_new(base, -1, EV_PERSIST, on_tick, l);
	event_add(l->ev_tick, &(struct timeval){ 0, 250000 });
	return l;
err:
	leases_free(l);
	return NULL;
}

void
leases_want(struct leases *l, const char *const *names, size_t n)
{
	pthread_mutex_lock(&l->lock);
	for (size_t i = 0; i < l->n; i++)
		l->v[i].wanted = false;
	for (size_t k = 0; k < n; k++) {
		size_t i;

		for (i = 0; i < l->n; i++)
			if (strcmp(l->v[i].name, names[k]) == 0)
				break;
		if (i == l->n) {
			l->v = xrealloc(l->v, (l->n + 1) * sizeof(*l->v));
			memset(&l->v[l->n], 0, sizeof(*l->v));
			l->v[l->n].name = xstrdup(names[k]);
			l->v[l->n].key = lease_key(names[k]);
			l->v[l->n].ekey = xstrdup(l->v[l->n].key);
			memcpy(l->v[l->n].ekey, "ent", 3);
			l->n++;
		}
		l->v[i].wanted = true;
	}
	pthread_mutex_unlock(&l->lock);
	if (!l->started && pthread_create(&l->thread, NULL, leases_main, l)
	    == 0)
		l->started = true;
}

void
leases_set_entries(struct leases *l, const char *name, const char *ents)
{
	pthread_mutex_lock(&l->lock);
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].name, name) == 0) {
			free(l->v[i].ents);
			l->v[i].ents = xstrdup(ents);
			l->v[i].ents_dirty = true;
			l->kick = true;
		}
	pthread_mutex_unlock(&l->lock);
}

void
leases_set_state(struct leases *l, const char *name, const char *state)
{
	pthread_mutex_lock(&l->lock);
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].name, name) == 0) {
			free(l->v[i].state);
			l->v[i].state = state != NULL ? xstrdup(state) : NULL;
		}
	pthread_mutex_unlock(&l->lock);
}

bool
leases_owned(struct leases *l, const char *name)
{
	bool owned = false;

	pthread_mutex_lock(&l->lock);
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].name, name) == 0)
			owned = l->v[i].owned;
	pthread_mutex_unlock(&l->lock);
	return owned;
}

bool
leases_node_gone(struct leases *l, const char *node, int64_t since_ms)
{
	int64_t now = now_ms();
	bool gone;

	pthread_mutex_lock(&l->lock);
	gone = l->seen_at > 0 && now - l->seen_at <= l->lease_ms &&
	    since_ms < now - (int64_t)LEASES_NODE_SWEEP * l->lease_ms &&
	    strcmp(node, l->node) != 0 &&
	    !strlist_contains(&l->keys_seen, node);
	pthread_mutex_unlock(&l->lock);
	return gone;
}

bool
leases_claim_fresh(const struct leases *l, int64_t since_ms)
{
	return since_ms > now_ms() -
	    (int64_t)LEASES_NODE_SWEEP / 2 * l->lease_ms;
}

void
leases_metrics(struct leases *l, struct buf *b)
{
	size_t held = 0;

	pthread_mutex_lock(&l->lock);
	for (size_t i = 0; i < l->n; i++)
		held += l->v[i].owned;
	pthread_mutex_unlock(&l->lock);
	buf_printf(b, "# HELP newswire_leases_held Sources whose lease this "
	    "node holds (it polls them).\n# TYPE newswire_leases_held gauge\n"
	    "newswire_leases_held %zu\n", held);
	buf_printf(b, "# HELP newswire_leases_taken_total Leases taken.\n"
	    "# TYPE newswire_leases_taken_total counter\n"
	    "newswire_leases_taken_total %llu\n", (unsigned long long)l->won);
	buf_printf(b, "# HELP newswire_leases_lost_total Leases given up or "
	    "lost.\n# TYPE newswire_leases_lost_total counter\n"
	    "newswire_leases_lost_total %llu\n", (unsigned long long)l->lost);
}

void
leases_free(struct leases *l)
{
	if (l == NULL)
		return;
	pthread_mutex_lock(&l->lock);
	l->stop = true;
	pthread_cond_broadcast(&l->seen_cond);
	pthread_mutex_unlock(&l->lock);
	if (l->started)
		pthread_join(l->thread, NULL);
	if (l->ev != NULL)
		event_free(l->ev);
	if (l->ev_tick != NULL)
		event_free(l->ev_tick);
	if (l->efd >= 0)
		close(l->efd);
	for (size_t i = 0; i < l->qn; i++) {
		free(l->q[i].name);
		free(l->q[i].state);
		free(l->q[i].ents);
	}
	free(l->q);
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].name);
		free(l->v[i].key);
		free(l->v[i].ekey);
		free(l->v[i].t_prev);
		free(l->v[i].t_ents);
		free(l->v[i].state);
		free(l->v[i].ents);
	}
	free(l->v);
	strlist_free(&l->keys_seen);
	natsOptions_Destroy(l->opts);
	pthread_cond_destroy(&l->seen_cond);
	pthread_mutex_destroy(&l->lock);
	free(l->node);
	free(l->bucket);
	free(l);
}
