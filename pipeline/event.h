/* The event contract (docs/events.md): articles and errors as JSON. */
#ifndef NW_EVENT_H
#define NW_EVENT_H

#include <jansson.h>
#include <stdint.h>

#include "article.h"

#define EVENT_SCHEMA_ARTICLE "newswire.article/1"
#define EVENT_SCHEMA_ERROR "newswire.error/1"
#define EVENT_SCHEMA_HEARTBEAT "newswire.heartbeat/1"

/* What the article itself does not know: where it came from and where it
 * stands in the publisher's journal. seq < 0 and origin_id == NULL give
 * JSON null (as `newswire extract` prints, outside any journal). */
struct event_meta {
	int64_t seq;
	const char *origin_id;     /* the publisher's stable id */
	int64_t origin_epoch;      /* changes when the journal is reset */
	const char *id;            /* the article id */
	const char *source_name;
	const char *source_kind;   /* "folder", "feed" or "page" */
	const char *source_uri;
	int64_t fetched_at;        /* Unix seconds */
	int version;
};

/* The article event, every field of the contract present. New reference. */
json_t *event_article(const struct nw_article *a,
    const struct event_meta *m);

/* A source.error event: what failed (item, e.g. a file name) and why. */
json_t *event_error(const struct event_meta *m, const char *item,
    const char *reason);

/* The article id: "nw1-" and 32 hex digits of SHA-256 over the canonical
 * URL, or over the content hash when there is no URL. Writes into id of
 * at least EVENT_ID_LEN bytes. */
#define EVENT_ID_LEN 37
void event_article_id(const struct nw_article *a, char *id);

/* Topic of an article event: "article.<kind>.<source>". Returns a new
 * string owned by the caller. */
char *event_topic(const char *kind, const char *source_name);

/* Serialises compactly, one line, keys in contract order. Caller frees. */
char *event_dump(const json_t *ev);

#endif
