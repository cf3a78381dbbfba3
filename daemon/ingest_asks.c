/* The asks of the stream for files adopted from dead nodes: whether a
 * dead holder published the file, asked again while unanswered, and
 * where a read cut short by its time goes on (kept in the store); and
 * for files perhaps put back by hand, which another node published. */
#include "ingest_int.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "daemon_state.h"
#include "event.h"
#include "inbox_stream.h"
#include "ingest.h"
#include "metrics.h"
#include "store.h"
#include "store_acks.h"
#include "store_items.h"
#include "util.h"

int64_t
mono_ms(void)
{
	return (int64_t)(clock_seconds(CLOCK_MONOTONIC) * 1000);
}

/* A file whose mtime is older than its ctime by so many seconds or more
 * came into the inbox well after it was written: perhaps put back by
 * hand from processed/ (the mtime a move keeps), on a shared inbox by
 * a node that has no record of it but another node published it.
 * Written beside the inbox and renamed in, a new file's two are within
 * a second. */
#define PUT_BACK_AGE_S 2
/* ... its event looked for among those the stream stored within a day
 * of its mtime, when a node publishes a file (one put back: the first
 * time, before it was moved out): the read of one written long ago
 * (copied in with its mtime kept) ends at once, past the day, or at
 * the stream's first event. A file that came into the inbox a day or
 * more after it was written, and is put back, is published again. */
#define PUT_BACK_SPAN_S 86400

void
ask_back_set(const struct daemon *d, struct item *it, const struct stat *st)
{
	if (d->inbox_stream == NULL ||  /* [cluster] leases off */
	    st->st_ctime - st->st_mtime < PUT_BACK_AGE_S)
		return;
	it->ask_back = true;
	it->since = file_since(st);
	it->until = it->since + PUT_BACK_SPAN_S;
}

/* Why a file perhaps put back, with no record here, was not found in
 * the stream, when the read could not cover its first publication: it
 * is published, perhaps again, and the log says so. */
static void
ask_uncovered(struct daemon *d, const struct item *it)
{
	long long age = (long long)(it->st.st_ctime - it->st.st_mtime);
	time_t first = (time_t)it->first_s;
	char when[32] = "none left";
	struct tm tm;

	if (first > 0 && gmtime_r(&first, &tm) != NULL)
		strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm);
	if (it->ask_end == ASK_END_AGED)
		log_info(&d->log, "%s: written %lld s before it came into the "
		    "inbox, no record of it here: the stream no longer holds "
		    "what was published then (its first event: %s; older ones "
		    "removed by its max_age or limits), so whether another "
		    "node published it then cannot be known (put back by "
		    "hand?): published here, again if one did", it->name, age,
		    when);
	else if (it->ask_end == ASK_END_UNTIL && it->prior_version == 0)
		log_info(&d->log, "%s: written %lld s before it came into the "
		    "inbox, no record of it here: its first publication is "
		    "looked for within a day of when it was written, and the "
		    "stream has none then (one later is not read for, to "
		    "bound the read): published here, again if another node "
		    "published it later than that (put back by hand?)",
		    it->name, age);
}

bool
ask_elsewhere(struct daemon *d, struct item *it)
{
	if (!it->ask_back)
		return false;
	if (it->found == 0) {
		ask_uncovered(d, it);
		return false;
	}
	if (it->found > 0)
		return it->elsewhere = true;
	log_info(&d->log, "%s: written %lld s before it came into the "
	    "inbox, no record of it here: the stream could not say whether "
	    "another node published it (put back by hand?): published here",
	    it->name, (long long)(it->st.st_ctime - it->st.st_mtime));
	return false;
}

int
ask_prior(struct daemon *d, const struct item *it, char *err,
    size_t errlen)
{
	char id[EVENT_ID_LEN], hash[65];
	int version = 0, rc;

	if (!it->ask_back || it->found != 0 || it->prior_version <= 0 ||
	    it->article == NULL || d->cfg.cluster_articles)
		return 0;
	event_article_id(it->article, id);
	rc = store_item_get(d->store, id, hash, sizeof(hash), &version, err,
	    errlen);
	if (rc < 0)
		return -1;
	if (rc == 1 && version >= it->prior_version)
		return 0;       /* this node's record is as far on */
	if (store_item_set(d->store, id, it->prior_hash, it->prior_version,
	    it->fetched_at, err, errlen) != 0)
		return -1;
	log_info(&d->log, "%s: no record of it here, but written %lld s "
	    "before it came into the inbox, and its article published by "
	    "node %s as seq %lld (version %d) since, its text another (put "
	    "back by hand, changed?): published as its update, version %d",
	    it->name, (long long)(it->st.st_ctime - it->st.st_mtime),
	    it->prior_origin, (long long)it->prior_seq, it->prior_version,
	    it->prior_version + 1);
	return 0;
}

static struct adopt_wait *
adopt_wait_find(struct daemon *d, const char *node, const char *name)
{
	for (size_t i = 0; i < d->n_adopt_waits; i++)
		if (strcmp(d->adopt_waits[i].node, node) == 0 &&
		    strcmp(d->adopt_waits[i].name, name) == 0)
			return &d->adopt_waits[i];
	return NULL;
}

void
adopt_wait_drop(struct daemon *d, struct adopt_wait *w)
{
	free(w->node);
	free(w->name);
	free(w->chain);
	*w = d->adopt_waits[--d->n_adopt_waits];
}

void
ingest_free_waits(struct daemon *d)
{
	while (d->n_adopt_waits > 0)
		adopt_wait_drop(d, &d->adopt_waits[0]);
	free(d->adopt_waits);
	d->adopt_waits = NULL;
}

/* Which ask of the adopted item an unanswered one is, by the age of
 * its adoption or of its last read that got further (age_ms: from the
 * file's ctime in claimed/THIS/.from/, or the time of that read, kept
 * in the store; a restart of this node changes neither): ask k is due
 * 2^(k-1) - 1 leases after it (0, 1, 3, 7), and the ask made at age_ms
 * is the last one due by then, ADOPT_ASKS at most. */
static int
adopt_ask(int64_t age_ms, int64_t lease_ms)
{
	int k = 1;

	while (k < ADOPT_ASKS && age_ms >= (((int64_t)1 << k) - 1) * lease_ms)
		k++;
	return k;
}

/* The stream did not answer the ask for the adopted item (not known
 * whether its dead holders published it): the file waits in this
 * node's claimed/THIS/.from/CHAIN/ to be asked again (adopt_due()), by
 * this node, or by the node that adopts it if this one dies; unanswered
 * at its ADOPT_ASKS-th ask, 7 leases after its adoption, it goes into
 * the inbox, to be published: a file published twice (if they did) is
 * better than one that waits as long as the stream does not answer (a
 * read that cannot end in time waits forever). The asks are counted by
 * the adoption's age, so a restart of this node does not count them
 * from 1 again: a node restarted every few leases still gives such a
 * file back. A read that went on past its time (a long stream since the
 * file was written) is no unanswered ask: the next one, at the next
 * look (a third of a lease), reads on from where it stopped, so a file
 * whose read cannot end in 10 s is answered all the same, and the asks
 * are counted from it: the stream answered then, and a read that got
 * further for 7 leases and then got no answer once is not given back
 * at that ask. */
void
adopt_unanswered(struct daemon *d, const struct item *it)
{
	struct adopt_wait *w = adopt_wait_find(d, it->node, it->name);
	int64_t lease_ms = (int64_t)d->cfg.cluster_lease * 1000;
	int64_t now_ms = (int64_t)time(NULL) * 1000;
	int64_t from_ms = (int64_t)it->st.st_ctime * 1000;
	int ask;
	long long wait_s;

	if (w == NULL) {
		d->adopt_waits = xrealloc(d->adopt_waits,
		    (d->n_adopt_waits + 1) * sizeof(*w));
		w = &d->adopt_waits[d->n_adopt_waits++];
		*w = (struct adopt_wait){ .node = xstrdup(it->node),
		    .name = xstrdup(it->name), .chain = xstrdup(it->adopted),
		    .since = it->since, .seq = it->ask_from,
		    .at = it->ask_at };
	}
	if (it->ask_next > it->ask_from) {
		w->seq = it->ask_next;  /* answering, slowly: read on */
		w->at = now_ms;
		w->due_ms = mono_ms();
		log_info(&d->log, "%s: the stream's read for node %s's event "
		    "did not end in time: read on from seq %lld", it->name,
		    it->adopted, (long long)w->seq);
		return;
	}
	if (it->ask_at > from_ms)
		from_ms = it->ask_at;
	ask = adopt_ask(now_ms - from_ms, lease_ms);
	if (ask < ADOPT_ASKS) {
		wait_s = ((((int64_t)1 << ask) - 1) * lease_ms -
		    (now_ms - from_ms) + 999) / 1000;
		w->due_ms = mono_ms() + wait_s * 1000;
		log_warn(&d->log, "%s: the stream did not say whether node %s "
		    "published it (ask %d of %d): asked again in %lld s",
		    it->name, it->adopted, ask, ADOPT_ASKS, wait_s);
		return;
	}
	adopt_wait_drop(d, w);
	log_warn(&d->log, "%s: the stream did not say in %d asks whether "
	    "node %s published it: given back into the inbox, to be "
	    "published (twice in the stream if that node did)", it->name,
	    ADOPT_ASKS, it->adopted);
	metrics_inbox(d->metrics, METRICS_INBOX_UNANSWERED);
	unclaim_to_inbox(d, it);
}

/* The adopted item was answered for, or is done with: asked no more. */
void
adopt_answered(struct daemon *d, const struct item *it)
{
	struct adopt_wait *w = adopt_wait_find(d, it->node, it->name);

	if (w != NULL)
		adopt_wait_drop(d, w);
}

static int64_t
ctime_ns(const struct stat *st)
{
	return (int64_t)st->st_ctim.tv_sec * 1000000000 + st->st_ctim.tv_nsec;
}

/* Where the last read for the file adopted as node/name (st) stopped
 * before a restart of this node, into ad, if the store has it for this
 * adoption of the file (a row of an earlier one is dropped). */
void
ask_resume(struct daemon *d, const char *node, const char *name,
    const struct stat *st, struct adoption *ad)
{
	struct store_ask a;
	struct buf path = { 0 };
	char err[256];
	int rc;

	buf_printf(&path, "%s/%s", node, name);
	rc = store_ask_get(d->store, path.p, &a, err, sizeof(err));
	if (rc > 0 && a.ino == (int64_t)st->st_ino &&
	    a.ctime_ns == ctime_ns(st)) {
		ad->seq = a.seq;
		ad->at = a.at_ms;
		log_info(&d->log, "%s: the stream's read for node %s's event "
		    "goes on from seq %lld, where it stopped before", name,
		    ad->chain, (long long)a.seq);
	} else if (rc > 0) {
		rc = store_ask_drop(d->store, path.p, err, sizeof(err));
	}
	if (rc < 0)
		log_warn(&d->log, "%s", err);
	buf_free(&path);
}

/* The store's rows of reads cut short (ask_resume()) whose files went
 * (answered, given back, or adopted by another node) are dropped. */
void
asks_prune(struct daemon *d, const char *dir)
{
	struct strlist paths = { 0 };
	struct buf p = { 0 };
	struct stat st;
	char err[256];
	int rc = store_ask_paths(d->store, &paths, err, sizeof(err));

	for (size_t i = 0; rc == 0 && i < paths.n; i++) {
		p.len = 0;
		buf_printf(&p, "%s/claimed/%s", dir, paths.v[i]);
		if (lstat(p.p, &st) != 0)
			rc = store_ask_drop(d->store, paths.v[i], err,
			    sizeof(err));
	}
	if (rc != 0)
		log_warn(&d->log, "%s", err);
	strlist_free(&paths);
	buf_free(&p);
}

/* Where the stream's read for the adopted item stopped, cut short by
 * its time: kept in the store while the file waits to be asked again,
 * so that a restart reads on from there (ask_resume()); dropped once
 * the stream answered. In the turn's transaction. */
int
ask_record(struct daemon *d, const struct item *it, char *err,
    size_t errlen)
{
	struct buf path = { 0 };
	int rc = 0;

	buf_printf(&path, "%s/%s", it->node, it->name);
	if (it->found < 0 && it->ask_next > it->ask_from)
		rc = store_ask_set(d->store, path.p, &(struct store_ask){
		    .ino = (int64_t)it->st.st_ino,
		    .ctime_ns = ctime_ns(&it->st), .seq = it->ask_next,
		    .at_ms = (int64_t)time(NULL) * 1000 }, err, errlen);
	else if (it->found >= 0 && it->ask_from > 0)
		rc = store_ask_drop(d->store, path.p, err, errlen);
	buf_free(&path);
	return rc;
}
