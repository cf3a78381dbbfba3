#include "inbox_stream.h"

#include <jansson.h>
#include <nats/nats.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "inbox.h"
#include "nats_conn.h"
#include "util.h"

struct inbox_stream {
	char *stream, *prefix, *source;
	int64_t read_ms;        /* a read gives up (not known) after so
	                           long: [cluster] inbox_ask_seconds */
	natsOptions *opts;
	pthread_mutex_t lock;
	natsConnection *nc;     /* under lock, made at the first question */
	jsCtx *js;
};

struct inbox_stream *
inbox_stream_open(const struct config *c, char *err, size_t errlen)
{
	struct inbox_stream *x = xcalloc(1, sizeof(*x));

	x->stream = xstrdup(c->nats_stream);
	x->prefix = xstrdup(c->nats_prefix);
	x->source = xstrdup(c->source_name);
	x->read_ms = (int64_t)c->cluster_ask * 1000;
	pthread_mutex_init(&x->lock, NULL);
	if (nats_Open(-1) != NATS_OK ||
	    nats_conn_options(c, "inbox", &x->opts, err, errlen) != 0) {
		inbox_stream_free(x);
		return NULL;
	}
	return x;
}

/* The JetStream context, connecting first if need be; NULL when no
 * server answers. */
static jsCtx *
stream_js(struct inbox_stream *x)
{
	jsOptions jo;
	jsCtx *js;

	pthread_mutex_lock(&x->lock);
	if (x->js == NULL && natsConnection_Connect(&x->nc, x->opts) ==
	    NATS_OK) {
		jsOptions_Init(&jo);
		jo.Wait = 3000;
		if (natsConnection_JetStream(&x->js, x->nc, &jo) != NATS_OK) {
			x->js = NULL;
			natsConnection_Destroy(x->nc);
			x->nc = NULL;
		}
	}
	js = x->js;
	pthread_mutex_unlock(&x->lock);
	return js;
}

/* Whether a file:// URI ends in /NAME, name escaped as it would be
 * there. */
static bool
uri_names(const char *uri, const char *name)
{
	struct buf tail = { 0 };
	size_t n = strlen(uri);
	bool is;

	buf_putc(&tail, '/');
	inbox_uri_escape(&tail, name);
	is = n >= tail.len && strcmp(uri + n - tail.len, tail.p) == 0;
	buf_free(&tail);
	return is;
}

/* Whether node is one of list, comma-separated. */
static bool
in_list(const char *list, const char *node)
{
	size_t n = strlen(node);

	for (const char *p = list; p != NULL; p = strchr(p, ',')) {
		if (*p == ',')
			p++;
		if (strncmp(p, node, n) == 0 && (p[n] == ',' || p[n] == '\0'))
			return true;
	}
	return false;
}

/* Whether the event data is the file's, published by one of origins
 * (NULL: by any node, an article whose content_hash is content_hash);
 * its node, seq and kind into ev. Where it is not, origins NULL and id
 * given: an event of the file's name and article id, with another
 * content_hash, puts its version, hash, node and seq into ev (the
 * article as published before, inbox_stream_find()). */
static bool
event_is_file(const char *data, int len, const char *origins,
    const char *name, const char *content_hash, const char *id,
    struct inbox_event *ev)
{
	json_t *j = json_loadb(data, (size_t)len, 0, NULL);
	const char *o, *uri, *h, *eid;
	bool is;

	o = json_string_value(json_object_get(json_object_get(j, "origin"),
	    "id"));
	uri = json_string_value(json_object_get(json_object_get(j,
	    "source"), "uri"));
	h = json_string_value(json_object_get(j, "content_hash"));
	if (origins == NULL)    /* any node's: the same article */
		is = o != NULL && uri != NULL && h != NULL &&
		    content_hash != NULL && strcmp(h, content_hash) == 0 &&
		    uri_names(uri, name);
	else
		is = o != NULL && uri != NULL && in_list(origins, o) &&
		    uri_names(uri, name) && (h == NULL ||
		    content_hash == NULL || strcmp(h, content_hash) == 0);
	if (is) {
		snprintf(ev->origin, sizeof(ev->origin), "%s", o);
		ev->seq = json_integer_value(json_object_get(j, "seq"));
		ev->failed = h == NULL;
	}
	eid = json_string_value(json_object_get(j, "id"));
	/* the same name's article as published before, changed since */
	if (!is && origins == NULL && id != NULL && eid != NULL &&
	    strcmp(eid, id) == 0 && o != NULL && uri != NULL && h != NULL &&
	    uri_names(uri, name)) {
		ev->version = (int)json_integer_value(json_object_get(j,
		    "version"));
		snprintf(ev->hash, sizeof(ev->hash), "%s", h);
		snprintf(ev->prior_origin, sizeof(ev->prior_origin), "%s", o);
		ev->prior_seq = json_integer_value(json_object_get(j, "seq"));
	}
	json_decref(j);
	return is;
}

/* Reads the messages of sub until the file's event (1), or the last one
 * or one stored after until_s when over 0 (0), for read_ms at most; -1
 * when it did not end, *next past the last event read. */
static int
read_events(struct inbox_stream *x, natsSubscription *sub,
    const char *origins, const char *name, const char *content_hash,
    const char *id, int64_t until_s, int64_t *next,
    struct inbox_event *ev)
{
	int64_t deadline = nats_Now() + x->read_ms;
	int rc = -1;

	while (rc < 0 && nats_Now() < deadline) {
		natsMsg *m = NULL;
		jsMsgMetaData *md = NULL;

		if (natsSubscription_NextMsg(&m, sub, 500) != NATS_OK)
			continue;
		if (event_is_file(natsMsg_GetData(m),
		    natsMsg_GetDataLength(m), origins, name, content_hash,
		    id, ev))
			rc = 1;
		else if (natsMsg_GetMetaData(&md, m) == NATS_OK)
			*next = (int64_t)md->Sequence.Stream + 1;
		if (md != NULL && md->NumPending == 0) {
			rc = 0;         /* the last one: not there */
			ev->end = ASK_END_LAST;
		} else if (md != NULL && until_s > 0 &&
		    md->Timestamp > until_s * 1000000000) {
			rc = 0;         /* past: not looked for further */
			ev->end = ASK_END_UNTIL;
		}
		jsMsgMetaData_Destroy(md);
		natsMsg_Destroy(m);
	}
	return rc;
}

/* A read from since_s that did not find the file's event: whether the
 * stream still holds what was stored then. A stream whose first events
 * were removed (its first seq over 1: max_age, a limit, a purge) and
 * whose first event left is later than since_s may have lost the
 * file's: ev->end ASK_END_AGED, ev->first_s that event's time. One
 * more request, for a file not found only. */
static void
stream_aged(struct inbox_stream *x, jsCtx *js, int64_t since_s,
    struct inbox_event *ev)
{
	jsStreamInfo *si = NULL;
	jsErrCode jerr = 0;

	if (js_GetStreamInfo(&si, js, x->stream, NULL, &jerr) != NATS_OK)
		return;
	if (si->State.FirstSeq > 1 && (si->State.Msgs == 0 ||
	    si->State.FirstTime > since_s * 1000000000)) {
		ev->end = ASK_END_AGED;
		ev->first_s = si->State.Msgs == 0 ? 0 :
		    si->State.FirstTime / 1000000000;
	}
	jsStreamInfo_Destroy(si);
}

int
inbox_stream_find(struct inbox_stream *x, const char *origins,
    const char *name, const char *content_hash, const char *id,
    int64_t since_s, int64_t until_s, int64_t *next,
    struct inbox_event *ev)
{
	natsSubscription *sub = NULL;
	jsConsumerInfo *ci = NULL;
	jsErrCode jerr = 0;
	jsSubOptions so;
	jsCtx *js = stream_js(x);
	bool from_time = *next <= 0;
	char subject[320];
	int rc = -1;

	if (js == NULL)
		return -1;
	snprintf(subject, sizeof(subject), "%s.*.*.%s", x->prefix,
	    x->source);
	jsSubOptions_Init(&so);
	so.Stream = x->stream;
	so.Ordered = true;
	if (*next > 0) {        /* where the last read stopped */
		so.Config.DeliverPolicy = js_DeliverByStartSequence;
		so.Config.OptStartSeq = (uint64_t)*next;
	} else {
		so.Config.DeliverPolicy = js_DeliverByStartTime;
		so.Config.OptStartTime = since_s * 1000000000;
	}
	if (js_SubscribeSync(&sub, js, subject, NULL, &so, &jerr) != NATS_OK)
		return -1;
	if (natsSubscription_GetConsumerInfo(&ci, sub, NULL, &jerr) ==
	    NATS_OK && ci->NumPending == 0 && ci->Delivered.Consumer == 0) {
		rc = 0;         /* nothing published since */
		ev->end = ASK_END_LAST;
	}
	jsConsumerInfo_Destroy(ci);
	if (rc < 0)
		rc = read_events(x, sub, origins, name, content_hash, id,
		    until_s, next, ev);
	if (rc == 0 && origins == NULL && from_time)
		stream_aged(x, js, since_s, ev);
	natsSubscription_Unsubscribe(sub);
	natsSubscription_Destroy(sub);
	return rc;
}

void
inbox_stream_free(struct inbox_stream *x)
{
	if (x == NULL)
		return;
	jsCtx_Destroy(x->js);
	natsConnection_Destroy(x->nc);
	natsOptions_Destroy(x->opts);
	pthread_mutex_destroy(&x->lock);
	free(x->stream);
	free(x->prefix);
	free(x->source);
	free(x);
}
