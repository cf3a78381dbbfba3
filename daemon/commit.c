#include "commit.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "enrich/dup.h"
#include "enrich/story.h"
#include "event.h"
#include "log.h"
#include "metrics.h"
#include "output.h"
#include "store.h"
#include "util.h"

/* An event of the open turn, sent after COMMIT. */
struct pending {
	int64_t seq;
	char *topic;
	char *json;
	char *line;             /* the log line, NULL: none (a resend) */
	bool failed;            /* a failure: logged as a warning */
};

struct commit {
	struct store *store;
	struct story_index *stories;
	struct dup_index *dups;
	struct outputs *outs;
	struct metrics *metrics;
	struct log *log;
	bool open;
	struct pending *v;
	size_t n, cap;
};

struct commit *
commit_new(struct store *s, struct story_index *stories,
    struct dup_index *dups, struct outputs *outs, struct metrics *m,
    struct log *log)
{
	struct commit *c = xcalloc(1, sizeof(*c));

	c->store = s;
	c->stories = stories;
	c->dups = dups;
	c->outs = outs;
	c->metrics = m;
	c->log = log;
	return c;
}

void
commit_set_window(struct commit *c, struct story_index *stories,
    struct dup_index *dups)
{
	c->stories = stories;
	c->dups = dups;
}

static void
pending_clear(struct commit *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->v[i].topic);
		free(c->v[i].json);
		free(c->v[i].line);
	}
	c->n = 0;
}

void
commit_free(struct commit *c)
{
	if (c == NULL)
		return;
	if (c->open)
		commit_abort(c);
	pending_clear(c);
	free(c->v);
	free(c);
}

bool
commit_open(const struct commit *c)
{
	return c->open;
}

const char *
commit_outcome_name(enum commit_outcome o)
{
	static const char *const names[] = {
		"new", "updated", "duplicate", "error", "unchanged"
	};

	return names[o];
}

int
commit_begin(struct commit *c, char *err, size_t errlen)
{
	if (c->open)
		return 0;
	if (store_begin(c->store, err, errlen) != 0)
		return -1;
	c->open = true;
	return 0;
}

static struct pending *
pending_add(struct commit *c, int64_t seq, char *topic, char *json)
{
	struct pending *p;

	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 16;
		c->v = xrealloc(c->v, c->cap * sizeof(*c->v));
	}
	p = &c->v[c->n++];
	memset(p, 0, sizeof(*p));
	p->seq = seq;
	p->topic = topic;
	p->json = json;
	return p;
}

/* An article new by its content hash whose body the duplicate index finds
 * in an earlier article's (enrich/dup.h) becomes a duplicate of it; any
 * other new article is an original, and its print is recorded and
 * indexed under time t. Updates are left alone. */
static int
dedup(struct commit *c, const char *id, const struct nw_article *a,
    int64_t t, struct store_verdict *v, char *err, size_t errlen)
{
	const char *of;

	if (v->kind != STORE_NEW || a->dup_print == NULL || c->dups == NULL)
		return 0;
	of = dup_index_query(c->dups, a->dup_print, t, NULL);
	/* itself: added before a turn that was rolled back */
	if (of != NULL && strcmp(of, id) != 0) {
		v->kind = STORE_DUPLICATE;
		snprintf(v->duplicate_of, sizeof(v->duplicate_of), "%s", of);
		return 0;
	}
	if (store_dup_add(c->store, id, t, a->dup_print, err, errlen) != 0)
		return -1;
	if (of == NULL)
		dup_index_add(c->dups, id, a->dup_print, t);
	return 0;
}

/* Puts the article in a story: a duplicate in its original's, others
 * through the story index; the choice is recorded for restarts. */
static int
story(struct commit *c, struct nw_article *a, const char *id,
    const struct store_verdict *v, int64_t t, char *err, size_t errlen)
{
	char sid[64];
	char *sig;
	int rc;

	if (v->kind == STORE_DUPLICATE) {
		rc = store_story_of(c->store, v->duplicate_of, sid,
		    sizeof(sid), err, errlen);
		if (rc == 1)
			article_set(&a->story_id, sid);
		if (rc != 0)
			return rc < 0 ? -1 : 0;
	}
	sig = story_assign_signed(c->stories, a, t);
	rc = store_story_add(c->store, id, a->story_id, story_time(a, t),
	    sig ? sig : "", err, errlen);
	free(sig);
	return rc;
}

static enum commit_outcome
outcome_of(enum store_kind k)
{
	switch (k) {
	case STORE_UPDATED:
		return COMMIT_UPDATED;
	case STORE_DUPLICATE:
		return COMMIT_DUPLICATE;
	default:
		return COMMIT_NEW;
	}
}

/* Classifies an article: its id, version and outcome into m and it. */
static int
classify(struct commit *c, struct commit_item *it, char *id,
    struct event_meta *m, char *err, size_t errlen)
{
	struct nw_article *a = it->article;
	struct store_verdict v = { 0 };

	event_article_id(a, id);
	if (store_classify(c->store, id, a->content_hash, it->fetched_at, &v,
	    err, errlen) != 0 ||
	    dedup(c, id, a, it->fetched_at, &v, err, errlen) != 0)
		return -1;
	it->outcome = outcome_of(v.kind);
	/* the same item of the same source, as it was: nothing to say */
	if (it->known && v.kind == STORE_DUPLICATE &&
	    strcmp(v.duplicate_of, id) == 0) {
		it->outcome = COMMIT_UNCHANGED;
		return 0;
	}
	article_set(&a->duplicate_of,
	    v.kind == STORE_DUPLICATE ? v.duplicate_of : NULL);
	if (story(c, a, id, &v, it->fetched_at, err, errlen) != 0)
		return -1;
	m->id = id;
	m->version = v.version;
	return 0;
}

static char *
log_line(const struct commit_item *it, int64_t seq)
{
	struct buf b = { 0 };
	const char *title = it->article != NULL && it->article->title !=
	    NULL && it->article->title[0] != '\0' ? it->article->title :
	    NULL;

	buf_printf(&b, "%s: seq %lld %s", it->source, (long long)seq,
	    commit_outcome_name(it->outcome));
	if (it->outcome == COMMIT_ERROR)
		buf_printf(&b, ": %s: %s", it->item ? it->item : "?",
		    it->error ? it->error : "failed");
	else if (title != NULL)
		buf_printf(&b, ": \"%s\"", title);
	if (it->label != NULL)
		buf_printf(&b, " (%s)", it->label);
	return buf_take(&b);
}

int
commit_item(struct commit *c, struct commit_item *it, char *err,
    size_t errlen)
{
	char id[EVENT_ID_LEN];
	struct event_meta m = {
		.origin_id = store_origin_id(c->store),
		.origin_epoch = store_origin_epoch(c->store),
		.source_name = it->source,
		.source_kind = it->kind,
		.source_uri = it->uri,
		.fetched_at = it->fetched_at,
		.version = 1,
	};
	struct pending *p;
	json_t *ev;
	char *json, *topic;

	it->seq = 0;
	if (it->article == NULL)
		it->outcome = COMMIT_ERROR;
	else if (classify(c, it, id, &m, err, errlen) != 0)
		return -1;
	if (it->outcome == COMMIT_UNCHANGED) {
		log_debug(c->log, "%s: %s: unchanged", it->source,
		    it->label ? it->label : "?");
		return 0;
	}
	m.seq = store_next_seq(c->store);
	if (it->article != NULL)
		ev = event_article(it->article, &m);
	else
		ev = event_error(&m, it->item, it->error ? it->error :
		    "failed");
	json = event_dump(ev);
	json_decref(ev);
	if (it->article != NULL) {
		topic = event_topic(commit_outcome_name(it->outcome),
		    it->source);
	} else {
		struct buf b = { 0 };

		buf_printf(&b, "source.error.%s", it->source);
		topic = buf_take(&b);
	}
	if (json == NULL || store_journal(c->store, m.seq, topic, json,
	    it->fetched_at, err, errlen) != 0) {
		if (json == NULL)
			fail(err, errlen, "seq %lld: cannot write the event",
			    (long long)m.seq);
		free(json);
		free(topic);
		return -1;
	}
	it->seq = m.seq;
	p = pending_add(c, m.seq, topic, json);
	p->line = log_line(it, m.seq);
	p->failed = it->outcome == COMMIT_ERROR && !it->logged;
	return 0;
}

int
commit_unchanged(struct commit *c, const struct nw_article *a, char *err,
    size_t errlen)
{
	char id[EVENT_ID_LEN];

	event_article_id(a, id);
	return store_item_same(c->store, id, a->content_hash, err, errlen);
}

void
commit_resend(struct commit *c, int64_t seq, const char *topic,
    const char *json)
{
	pending_add(c, seq, xstrdup(topic), xstrdup(json));
}

static void
output_log(void *lctx, const char *output, int64_t seq, const char *why,
    uint64_t failed)
{
	struct commit *c = lctx;

	if (why == NULL)
		log_info(c->log, "output %s: recovered after %llu failed "
		    "event(s); takes events again from seq %lld", output,
		    (unsigned long long)failed, (long long)seq);
	else
		log_warn(c->log, "output %s: seq %lld: %s; caught up from the "
		    "journal later (logged once, and once when it recovers)",
		    output, (long long)seq, why);
}

static int
pending_cmp(const void *a, const void *b)
{
	const struct pending *x = a, *y = b;

	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

int
commit_end(struct commit *c, char *err, size_t errlen)
{
	if (!c->open)
		return 0;
	if (store_commit(c->store, err, errlen) != 0) {
		commit_abort(c);
		return -1;
	}
	c->open = false;
	/* resent events come before the turn's new ones */
	if (c->n > 1)
		qsort(c->v, c->n, sizeof(*c->v), pending_cmp);
	for (size_t i = 0; i < c->n; i++) {
		struct pending *p = &c->v[i];
		struct committed_event ev = {
			.seq = p->seq,
			.topic = p->topic,
			.json = p->json,
		};

		outputs_publish(c->outs, &ev, output_log, c);
		if (p->line == NULL)
			continue;
		metrics_event(c->metrics, p->topic);
		if (p->failed)
			log_warn(c->log, "%s", p->line);
		else
			log_info(c->log, "%s", p->line);
	}
	outputs_flush(c->outs);
	pending_clear(c);
	return 0;
}

void
commit_abort(struct commit *c)
{
	if (c->open)
		store_rollback(c->store);
	c->open = false;
	pending_clear(c);
}
