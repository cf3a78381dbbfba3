#include "feeds_work.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entry.h"
#include "feed/feed.h"
#include "hash.h"
#include "pipeline.h"
#include "util.h"

static void
entries_free(struct feeds_job *j)
{
	for (size_t i = 0; i < j->n_entries; i++) {
		free(j->entries[i].key);
		free(j->entries[i].json);
		feeds_item_free(&j->entries[i].it);
	}
	free(j->entries);
	j->entries = NULL;
	j->n_entries = 0;
}

void
feeds_job_free(struct feeds_job *j)
{
	if (j == NULL)
		return;
	entries_free(j);
	for (size_t i = 0; i < j->n_children; i++) {
		free(j->children[i].url);
		free(j->children[i].lastmod);
	}
	free(j->children);
	free(j->child);
	free(j->fresh);
	free(j->feed_title);
	free(j->source);
	free(j->body);
	free(j->url);
	free(j->etag);
	free(j->last_modified);
	free(j->key);
	free(j->hash);
	feeds_item_free(&j->it);
	free(j->page);
	free(j->page_url);
	free(j->content_type);
	free(j->content_language);
	article_free(j->article);
	free(j->claim);
	free(j);
}

static json_t *
str_json(const char *s)
{
	return s != NULL && *s != '\0' ? json_string(s) : json_null();
}

static json_t *
time_json(const struct nw_time *t)
{
	if (!t->set)
		return json_null();
	return json_pack("[I, i, b, b]", (json_int_t)t->utc, t->offset,
	    t->has_offset, t->has_time);
}

static void
time_from_json(json_t *v, struct nw_time *t)
{
	json_int_t utc;
	int offset, has_offset, has_time;

	memset(t, 0, sizeof(*t));
	if (json_unpack(v, "[I, i, b, b]", &utc, &offset, &has_offset,
	    &has_time) != 0)
		return;
	t->utc = (int64_t)utc;
	t->offset = offset;
	t->has_offset = has_offset;
	t->has_time = has_time;
	t->set = true;
}

/* ---- an entry between its feed and its article ---- */

void
feeds_item_free(struct feeds_item *it)
{
	free(it->guid);
	free(it->title);
	free(it->link);
	free(it->summary);
	free(it->content);
	free(it->image);
	free(it->feed_title);
	strlist_free(&it->authors);
	strlist_free(&it->categories);
	free(it->lang);
	memset(it, 0, sizeof(*it));
}

static char *
dup_text(const char *s)
{
	return s != NULL && *s != '\0' ? xstrdup(s) : NULL;
}

/* From the feed parser's view of an entry (borrowed strings). */
static void
item_from_entry(struct feeds_item *it, const struct nw_entry *e)
{
	memset(it, 0, sizeof(*it));
	it->guid = dup_text(e->guid);
	it->title = dup_text(e->title);
	it->link = dup_text(e->link);
	it->summary = dup_text(e->summary);
	it->content = dup_text(e->content);
	it->image = dup_text(e->image);
	it->feed_title = dup_text(e->feed_title);
	it->published = e->published;
	it->updated = e->updated;
	for (size_t i = 0; i < e->n_authors; i++)
		if (e->authors[i] != NULL)
			strlist_push(&it->authors, e->authors[i]);
}

void
feeds_item_copy(struct feeds_item *dst, const struct feeds_item *src)
{
	struct nw_entry e;

	feeds_item_view(src, &e);
	item_from_entry(dst, &e);
	for (size_t i = 0; i < src->categories.n; i++)
		strlist_push(&dst->categories, src->categories.v[i]);
	dst->lang = dup_text(src->lang);
}

void
feeds_item_view(const struct feeds_item *it, struct nw_entry *e)
{
	*e = (struct nw_entry){
		.guid = it->guid,
		.title = it->title,
		.link = it->link,
		.summary = it->summary,
		.content = it->content,
		.published = it->published,
		.updated = it->updated,
		.authors = (const char *const *)it->authors.v,
		.n_authors = it->authors.n,
		.image = it->image,
		.feed_title = it->feed_title,
	};
}

/* What an entry says, as the JSON kept in the store: its hash tells a
 * changed entry from the same one. */
char *
feeds_item_json(const struct feeds_item *it)
{
	json_t *o = json_object();
	json_t *authors = json_array();
	char *s;

	for (size_t i = 0; i < it->authors.n; i++)
		json_array_append_new(authors, json_string(it->authors.v[i]));
	json_object_set_new(o, "guid", str_json(it->guid));
	json_object_set_new(o, "title", str_json(it->title));
	json_object_set_new(o, "link", str_json(it->link));
	json_object_set_new(o, "description", str_json(it->summary));
	json_object_set_new(o, "content", str_json(it->content));
	json_object_set_new(o, "published", time_json(&it->published));
	json_object_set_new(o, "updated", time_json(&it->updated));
	json_object_set_new(o, "authors", authors);
	json_object_set_new(o, "image", str_json(it->image));
	json_object_set_new(o, "feed_title", str_json(it->feed_title));
	/* only when there are some: the hash of an entry without any stays
	 * what it was before categories were kept */
	if (it->categories.n > 0) {
		json_t *cats = json_array();

		for (size_t i = 0; i < it->categories.n; i++)
			json_array_append_new(cats,
			    json_string(it->categories.v[i]));
		json_object_set_new(o, "categories", cats);
	}
	if (it->lang != NULL)
		json_object_set_new(o, "lang", json_string(it->lang));
	s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(o);
	return s != NULL ? s : xstrdup("{}");
}

static const char *
jstr(json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));

	return s != NULL && *s != '\0' ? s : NULL;
}

int
feeds_item_from_json(const char *json, struct feeds_item *it)
{
	json_t *o = json_loads(json, 0, NULL);
	json_t *v;
	size_t i;

	memset(it, 0, sizeof(*it));
	if (!json_is_object(o)) {
		json_decref(o);
		return -1;
	}
	it->guid = dup_text(jstr(o, "guid"));
	it->title = dup_text(jstr(o, "title"));
	it->link = dup_text(jstr(o, "link"));
	it->summary = dup_text(jstr(o, "description"));
	it->content = dup_text(jstr(o, "content"));
	it->image = dup_text(jstr(o, "image"));
	it->feed_title = dup_text(jstr(o, "feed_title"));
	it->lang = dup_text(jstr(o, "lang"));
	time_from_json(json_object_get(o, "published"), &it->published);
	time_from_json(json_object_get(o, "updated"), &it->updated);
	json_array_foreach(json_object_get(o, "authors"), i, v)
		if (json_string_value(v) != NULL)
			strlist_push(&it->authors, json_string_value(v));
	json_array_foreach(json_object_get(o, "categories"), i, v)
		if (json_string_value(v) != NULL)
			strlist_push(&it->categories, json_string_value(v));
	json_decref(o);
	return 0;
}

static const char *
doc_name(const struct feeds_job *j)
{
	return j->sitemap ? "sitemap" : "feed";
}

/* Whether the job's budget stops its work, its error then saying why:
 * the daemon stopping, or the time budget spent while doing what. */
bool
feeds_work_stops(struct feeds_job *j, const char *what)
{
	enum budget_state st = budget_left(&j->budget);

	if (st == BUDGET_LEFT)
		return false;
	j->stopped = st;
	if (st == BUDGET_HALTED)
		fail(j->error, sizeof(j->error), "work on the %s stopped "
		    "while %s: the daemon is stopping", doc_name(j), what);
	else
		fail(j->error, sizeof(j->error), "gave up on the %s (%zu "
		    "bytes) after %ld s while %s: over its time budget "
		    "([daemon] job_budget); tried again when it changes",
		    doc_name(j), j->len, j->budget_ms / 1000, what);
	return true;
}

/* The entries of the feed's document, each with its key, stored JSON and
 * hash. The parser (work_feed) left only the newest max_entries, each key
 * once, in document order: every item of f is taken. */
static void
work_entries(struct feeds_job *j, const struct feed *f)
{
	j->n_capped = f->n_capped;
	j->entries = xcalloc(f->n_items ? f->n_items : 1,
	    sizeof(*j->entries));
	for (size_t k = 0; k < f->n_items; k++) {
		struct feeds_entry *e;
		const struct feed_item *it = &f->items[k];
		struct nw_entry ne;

		if ((k & (BUDGET_EVERY - 1)) == 0 &&
		    feeds_work_stops(j, "reading its entries"))
			goto out;
		e = &j->entries[j->n_entries++];
		e->key = feed_item_key(it);
		feed_item_entry(f, it, &ne);
		item_from_entry(&e->it, &ne);
		feed_entry_clear(&ne);
		for (size_t c = 0; c < it->categories.n; c++)
			strlist_push(&e->it.categories, it->categories.v[c]);
		e->json = feeds_item_json(&e->it);
		hash_sha256_hex(e->json, strlen(e->json), e->hash);
	}
	j->n_items = f->n_seen;
out:
	if (j->stopped != BUDGET_LEFT) {
		/* nothing of a document cut short is recorded */
		entries_free(j);
		j->n_capped = 0;
	}
}

/* The job's budget starts, on the worker; false when the body is one
 * that went over it before (not worked on again until it changes). */
static bool
work_start(struct feeds_job *j)
{
	if (j->budget_ms > 0)
		j->budget.deadline_ms = budget_now_ms() + j->budget_ms;
	if (j->kind != FEEDS_JOB_FEED)
		return true;
	hash_sha256_hex(j->body, j->len, j->body_hash);
	if (j->spent[0] == '\0' || strcmp(j->spent, j->body_hash) != 0)
		return true;
	/* the same document again: the same outcome, at no cost */
	j->stopped = BUDGET_SPENT;
	fail(j->error, sizeof(j->error), "the same %s (%zu bytes) that went "
	    "over its time budget ([daemon] job_budget); not parsed again "
	    "until it changes", doc_name(j), j->len);
	free(j->body);
	j->body = NULL;
	return false;
}

/* The feed's body parsed, under the job's budget. */
static void
work_feed(struct feeds_job *j)
{
	struct feed *f;

	/* the parser keeps only the newest max_entries of distinct keys, so
	 * that a huge feed never holds all its entries at once */
	f = feed_parse_opts(j->body, j->len, j->url, &(struct feed_opts){
	    .budget = &j->budget, .max_items = j->max_entries,
	    .key = feed_item_key }, j->error, sizeof(j->error));
	free(j->body);
	j->body = NULL;
	if (f == NULL) {
		if (!feeds_work_stops(j, "parsing it") && j->error[0] == '\0')
			fail(j->error, sizeof(j->error), "not a feed");
		return;
	}
	j->feed_title = f->title != NULL ? xstrdup(f->title) : NULL;
	work_entries(j, f);
	feed_free(f);
}

/* The entry's article: its page through the pipeline, the entry filling
 * the gaps, else the entry itself through the same extractor and
 * enrichment (pipeline_entry()). */
static void
work_entry(struct feeds_job *j)
{
	struct nw_input in = {
		.data = (const unsigned char *)j->page,
		.len = j->page_len,
		.url = j->page_url,
		.content_type = j->content_type,
		.content_language = j->content_language,
		.name = j->key,
		.now = j->fetched_at,
		.budget = &j->budget,
	};
	struct nw_entry e;
	char why[256] = "";
	enum budget_state st;

	feeds_item_view(&j->it, &e);
	j->article = pipeline_entry(&e, &in, &j->from_page, why,
	    sizeof(why));
	st = budget_left(&j->budget);
	if (j->page != NULL && !j->from_page && st == BUDGET_HALTED) {
		/* cut short by the stop: nothing is kept, the entry stays
		 * pending for the next start */
		j->stopped = st;
		fail(j->error, sizeof(j->error), "work on the page %.120s "
		    "stopped: the daemon is stopping", j->page_url ?
		    j->page_url : "");
		article_free(j->article);
		j->article = NULL;
		free(j->page);
		j->page = NULL;
		return;
	}
	if (j->page != NULL && !j->from_page && st == BUDGET_SPENT) {
		j->stopped = st;
		snprintf(why, sizeof(why), "gave up on the page (%zu bytes) "
		    "after %ld s: over its time budget ([daemon] "
		    "job_budget)", j->page_len, j->budget_ms / 1000);
	}
	if (j->article == NULL)
		fail(j->error, sizeof(j->error), "%s", why[0] ? why :
		    "the entry has no text, title or link");
	else if (j->page != NULL && !j->from_page)
		snprintf(j->page_error, sizeof(j->page_error),
		    "%.120s: %.120s", j->page_url ? j->page_url : "page",
		    why[0] ? why : "no article in the page");
	if (j->article != NULL && j->article->body == NULL)
		article_set(&j->article->body, "");
	if (j->article != NULL && j->article->lang == NULL &&
	    j->it.lang != NULL)
		article_set(&j->article->lang, j->it.lang);
	free(j->page);
	j->page = NULL;
}

void
feeds_work(void *job, void *arg)
{
	struct feeds_job *j = job;

	(void)arg;
	if (!work_start(j))
		return;
	if (j->kind == FEEDS_JOB_FEED && j->sitemap)
		feeds_work_sitemap(j);
	else if (j->kind == FEEDS_JOB_FEED)
		work_feed(j);
	else
		work_entry(j);
}
