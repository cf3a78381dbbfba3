#include "event.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "date.h"
#include "hash.h"
#include "util.h"

static json_t *
str_or_null(const char *s)
{
	return s != NULL && *s != '\0' ? json_string(s) : json_null();
}

static json_t *
strlist_json(const struct strlist *l)
{
	json_t *arr = json_array();

	for (size_t i = 0; i < l->n; i++)
		json_array_append_new(arr, json_string(l->v[i]));
	return arr;
}

static json_t *
time_utc_json(const struct nw_time *t)
{
	char buf[32];

	return date_format_utc(t, buf, sizeof(buf)) != NULL ?
	    json_string(buf) : json_null();
}

static json_t *
time_local_json(const struct nw_time *t)
{
	char buf[32];

	return date_format_local(t, buf, sizeof(buf)) != NULL ?
	    json_string(buf) : json_null();
}

static json_t *
unix_time_json(int64_t t)
{
	struct nw_time nt = { .utc = t, .set = true, .has_time = true };

	return time_utc_json(&nt);
}

static json_t *
source_json(const struct event_meta *m)
{
	return json_pack("{s:o, s:o, s:o}",
	    "name", str_or_null(m->source_name),
	    "kind", str_or_null(m->source_kind),
	    "uri", str_or_null(m->source_uri));
}

static json_t *
origin_json(const struct event_meta *m)
{
	if (m->origin_id == NULL)
		return json_null();
	return json_pack("{s:s, s:I}", "id", m->origin_id,
	    "epoch", (json_int_t)m->origin_epoch);
}

static json_t *
seq_json(const struct event_meta *m)
{
	return m->seq >= 0 ? json_integer(m->seq) : json_null();
}

json_t *
event_article(const struct nw_article *a, const struct event_meta *m)
{
	json_t *ev = json_object();
	json_t *images = json_array();
	json_t *quotes = json_array();
	json_t *dateline = json_null();
	char simhash[17];

	for (size_t i = 0; i < a->n_images; i++)
		json_array_append_new(images, json_pack("{s:o, s:o, s:o}",
		    "url", str_or_null(a->images[i].url),
		    "caption", str_or_null(a->images[i].caption),
		    "credit", str_or_null(a->images[i].credit)));
	for (size_t i = 0; i < a->n_quotes; i++)
		json_array_append_new(quotes, json_pack("{s:o, s:o}",
		    "text", str_or_null(a->quotes[i].text),
		    "speaker", str_or_null(a->quotes[i].speaker)));
	if (a->dateline != NULL)
		dateline = json_pack("{s:o, s:o, s:o}",
		    "place", str_or_null(a->dateline->place),
		    "date", str_or_null(a->dateline->date),
		    "agency", str_or_null(a->dateline->agency));
	snprintf(simhash, sizeof(simhash), "%016llx",
	    (unsigned long long)a->simhash);

	json_object_set_new(ev, "schema", json_string(EVENT_SCHEMA_ARTICLE));
	json_object_set_new(ev, "seq", seq_json(m));
	json_object_set_new(ev, "origin", origin_json(m));
	json_object_set_new(ev, "id", str_or_null(m->id));
	json_object_set_new(ev, "source", source_json(m));
	json_object_set_new(ev, "url", str_or_null(a->url));
	json_object_set_new(ev, "canonical_url", str_or_null(a->canonical_url));
	json_object_set_new(ev, "title", str_or_null(a->title));
	json_object_set_new(ev, "subtitle", str_or_null(a->subtitle));
	json_object_set_new(ev, "authors", strlist_json(&a->authors));
	json_object_set_new(ev, "published", time_utc_json(&a->published));
	json_object_set_new(ev, "published_local",
	    time_local_json(&a->published));
	json_object_set_new(ev, "updated", time_utc_json(&a->updated));
	json_object_set_new(ev, "publisher", str_or_null(a->publisher));
	json_object_set_new(ev, "dateline", dateline);
	json_object_set_new(ev, "lang", str_or_null(a->lang));
	json_object_set_new(ev, "body", str_or_null(a->body));
	json_object_set_new(ev, "images", images);
	json_object_set_new(ev, "quotes", quotes);
	json_object_set_new(ev, "entities", json_pack("{s:o, s:o, s:o}",
	    "people", strlist_json(&a->people),
	    "organisations", strlist_json(&a->organisations),
	    "places", strlist_json(&a->places)));
	json_object_set_new(ev, "story_id", str_or_null(a->story_id));
	json_object_set_new(ev, "duplicate_of", str_or_null(a->duplicate_of));
	json_object_set_new(ev, "content_hash", str_or_null(a->content_hash));
	json_object_set_new(ev, "simhash",
	    a->has_simhash ? json_string(simhash) : json_null());
	json_object_set_new(ev, "fetched_at", unix_time_json(m->fetched_at));
	json_object_set_new(ev, "version", json_integer(m->version));
	return ev;
}

json_t *
event_error(const struct event_meta *m, const char *item, const char *reason)
{
	json_t *ev = json_object();

	json_object_set_new(ev, "schema", json_string(EVENT_SCHEMA_ERROR));
	json_object_set_new(ev, "seq", seq_json(m));
	json_object_set_new(ev, "origin", origin_json(m));
	json_object_set_new(ev, "source", source_json(m));
	json_object_set_new(ev, "item", str_or_null(item));
	json_object_set_new(ev, "error", json_string(reason ? reason : "error"));
	json_object_set_new(ev, "fetched_at", unix_time_json(m->fetched_at));
	return ev;
}

void
event_article_id(const struct nw_article *a, char *id)
{
	const char *basis = a->canonical_url;
	char hex[65];

	if (basis == NULL || *basis == '\0')
		basis = a->content_hash;
	hash_sha256_hex(basis, strlen(basis), hex);
	snprintf(id, EVENT_ID_LEN, "nw1-%.32s", hex);
}

char *
event_topic(const char *kind, const char *source_name)
{
	struct buf b = { 0 };

	buf_printf(&b, "article.%s.%s", kind, source_name);
	return buf_take(&b);
}

char *
event_dump(const json_t *ev)
{
	return json_dumps(ev, JSON_COMPACT | JSON_PRESERVE_ORDER);
}
