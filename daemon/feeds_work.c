#include "feeds_work.h"

#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "enrich/enrich.h"
#include "feed/feed.h"
#include "hash.h"
#include "pipeline.h"
#include "util.h"

void
feeds_job_free(struct feeds_job *j)
{
	if (j == NULL)
		return;
	for (size_t i = 0; i < j->n_entries; i++) {
		free(j->entries[i].key);
		free(j->entries[i].item);
		free(j->entries[i].link);
	}
	free(j->entries);
	free(j->fresh);
	free(j->feed_title);
	free(j->source);
	free(j->body);
	free(j->url);
	free(j->etag);
	free(j->last_modified);
	free(j->key);
	free(j->hash);
	free(j->item);
	free(j->page);
	free(j->page_url);
	free(j->content_type);
	article_free(j->article);
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

/* What an entry says, as the JSON kept in the store: its hash tells a
 * changed entry from the same one. */
static char *
item_to_json(const struct feed_item *it, const char *feed_title)
{
	json_t *o = json_object();
	json_t *authors = json_array();
	char *s;

	for (size_t i = 0; i < it->n_authors; i++)
		if (it->authors[i].name != NULL)
			json_array_append_new(authors,
			    json_string(it->authors[i].name));
	json_object_set_new(o, "guid", str_json(it->guid));
	json_object_set_new(o, "title", str_json(it->title));
	json_object_set_new(o, "link", str_json(it->link));
	json_object_set_new(o, "description", str_json(it->description));
	json_object_set_new(o, "content", str_json(it->content));
	json_object_set_new(o, "published", time_json(&it->published));
	json_object_set_new(o, "updated", time_json(&it->updated));
	json_object_set_new(o, "authors", authors);
	json_object_set_new(o, "image", str_json(it->image.url));
	json_object_set_new(o, "feed_title", str_json(feed_title));
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

char *
feeds_item_link(const char *item)
{
	json_t *o = json_loads(item, 0, NULL);
	const char *l = o != NULL ? jstr(o, "link") : NULL;
	char *r = l != NULL ? xstrdup(l) : NULL;

	json_decref(o);
	return r;
}

/* An entry's identity within its source: its guid, else its link, else
 * a hash of its title and content. */
static char *
entry_key(const struct feed_item *it)
{
	struct buf b = { 0 };
	char hex[65];

	if (it->guid != NULL && *it->guid != '\0')
		return xstrdup(it->guid);
	if (it->link != NULL && *it->link != '\0')
		return xstrdup(it->link);
	buf_printf(&b, "%s\n%s\n%s", it->title ? it->title : "",
	    it->description ? it->description : "",
	    it->content ? it->content : "");
	hash_sha256_hex(b.p, b.len, hex);
	buf_free(&b);
	b = (struct buf){ 0 };
	buf_printf(&b, "sha256:%s", hex);
	return buf_take(&b);
}

/* An entry's place when a feed has too many: newest first (updated, else
 * published; undated ones last), then in document order. */
struct pick {
	int64_t t;
	bool dated;
	size_t i;
	const char *key;
};

static int
pick_newest(const void *a, const void *b)
{
	const struct pick *x = a, *y = b;

	if (x->dated != y->dated)
		return x->dated ? -1 : 1;
	if (x->dated && x->t != y->t)
		return x->t > y->t ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

static int
pick_key(const void *a, const void *b)
{
	const struct pick *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	if (c != 0)
		return c;
	return x->i < y->i ? -1 : x->i > y->i;
}

static int
pick_doc(const void *a, const void *b)
{
	const struct pick *x = a, *y = b;

	return x->i < y->i ? -1 : x->i > y->i;
}

/* The entries to take: at most max (the newest), each key once (its
 * first), in document order; n log n. Their number into *n. */
static struct pick *
pick_entries(const struct feed *f, char **keys, size_t max, size_t *n,
    size_t *capped)
{
	struct pick *v = xcalloc(f->n_items ? f->n_items : 1, sizeof(*v));
	size_t k = 0;

	for (size_t i = 0; i < f->n_items; i++) {
		const struct feed_item *it = &f->items[i];
		const struct nw_time *t = it->updated.set ? &it->updated :
		    &it->published;

		v[i] = (struct pick){ .t = t->utc, .dated = t->set, .i = i,
		    .key = keys[i] };
	}
	/* a feed that lists one entry twice publishes it once */
	qsort(v, f->n_items, sizeof(*v), pick_key);
	for (size_t i = 0; i < f->n_items; i++)
		if (k == 0 || strcmp(v[k - 1].key, v[i].key) != 0)
			v[k++] = v[i];
	*capped = 0;
	if (max > 0 && k > max) {
		qsort(v, k, sizeof(*v), pick_newest);
		*capped = k - max;
		k = max;
	}
	qsort(v, k, sizeof(*v), pick_doc);
	*n = k;
	return v;
}

static void
work_feed(struct feeds_job *j)
{
	struct feed *f = feed_parse(j->body, j->len, j->url, j->error,
	    sizeof(j->error));
	struct pick *picks;
	char **keys;
	size_t n;

	free(j->body);
	j->body = NULL;
	if (f == NULL) {
		if (j->error[0] == '\0')
			fail(j->error, sizeof(j->error), "not a feed");
		return;
	}
	j->feed_title = f->title != NULL ? xstrdup(f->title) : NULL;
	keys = xcalloc(f->n_items ? f->n_items : 1, sizeof(*keys));
	for (size_t i = 0; i < f->n_items; i++)
		keys[i] = entry_key(&f->items[i]);
	picks = pick_entries(f, keys, j->max_entries, &n, &j->n_capped);
	j->entries = xcalloc(n ? n : 1, sizeof(*j->entries));
	for (size_t k = 0; k < n; k++) {
		struct feeds_entry *e = &j->entries[j->n_entries++];
		const struct feed_item *it = &f->items[picks[k].i];

		e->key = keys[picks[k].i];
		keys[picks[k].i] = NULL;
		e->item = item_to_json(it, f->title);
		hash_sha256_hex(e->item, strlen(e->item), e->hash);
		e->link = it->link != NULL && *it->link != '\0' ?
		    xstrdup(it->link) : NULL;
	}
	j->n_items = f->n_items;
	for (size_t i = 0; i < f->n_items; i++)
		free(keys[i]);
	free(keys);
	free(picks);
	feed_free(f);
}

static bool
is_block(const char *name)
{
	static const char *const blocks[] = {
		"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6",
		"blockquote", "tr", "section", "article", "ul", "ol",
		"table", "figure", "figcaption", "pre", "hr", "dd", "dt",
		NULL
	};

	for (int i = 0; blocks[i] != NULL; i++)
		if (strcmp(name, blocks[i]) == 0)
			return true;
	return false;
}

/* Appends text with runs of white space folded into one space. */
static void
put_folded(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		bool sp = *s == ' ' || *s == '\t' || *s == '\n' ||
		    *s == '\r' || *s == '\f';

		if (!sp)
			buf_putc(b, *s);
		else if (b->len > 0 && b->p[b->len - 1] != ' ' &&
		    b->p[b->len - 1] != '\n')
			buf_putc(b, ' ');
	}
}

static void
para_break(struct buf *b)
{
	while (b->len > 0 && b->p[b->len - 1] == ' ')
		b->p[--b->len] = '\0';
	if (b->len > 0 && b->p[b->len - 1] != '\n')
		buf_puts(b, "\n\n");
}

static void
walk_text(xmlNode *n, struct buf *b, int depth)
{
	for (; n != NULL && depth < 256; n = n->next) {
		const char *name = (const char *)n->name;

		if (n->type == XML_TEXT_NODE || n->type ==
		    XML_CDATA_SECTION_NODE) {
			put_folded(b, (const char *)n->content);
			continue;
		}
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp(name, "script") == 0 ||
		    strcmp(name, "style") == 0)
			continue;
		if (is_block(name))
			para_break(b);
		walk_text(n->children, b, depth + 1);
		if (is_block(name))
			para_break(b);
	}
}

/* The text of an HTML fragment, paragraphs separated by a blank line; a
 * string without markup is taken as text. Owned by the caller. */
static char *
html_text(const char *html)
{
	struct buf b = { 0 };
	htmlDocPtr doc;

	if (html == NULL)
		return xstrdup("");
	if (strchr(html, '<') == NULL && strchr(html, '&') == NULL) {
		put_folded(&b, html);
		para_break(&b);
		goto out;
	}
	doc = htmlReadMemory(html, (int)strlen(html), NULL, "UTF-8",
	    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	    HTML_PARSE_NONET);
	if (doc != NULL) {
		walk_text(xmlDocGetRootElement(doc), &b, 0);
		xmlFreeDoc(doc);
	}
	para_break(&b);
out:
	while (b.len > 0 && (b.p[b.len - 1] == '\n' || b.p[b.len - 1] == ' '))
		b.p[--b.len] = '\0';
	return buf_take(&b);
}

/* The feed fills what the article lacks. */
static void
fill_gaps(struct nw_article *a, json_t *item, bool summary_as_subtitle)
{
	json_t *authors = json_object_get(item, "authors");
	const char *desc = jstr(item, "description");
	size_t i;
	json_t *v;

	if (a->title == NULL || *a->title == '\0')
		article_set(&a->title, jstr(item, "title"));
	if (a->url == NULL)
		article_set(&a->url, jstr(item, "link"));
	if (!a->published.set)
		time_from_json(json_object_get(item, "published"),
		    &a->published);
	if (!a->updated.set)
		time_from_json(json_object_get(item, "updated"),
		    &a->updated);
	if (a->authors.n == 0)
		json_array_foreach(authors, i, v)
			if (json_string_value(v) != NULL)
				strlist_push(&a->authors,
				    json_string_value(v));
	if ((a->subtitle == NULL || *a->subtitle == '\0') && desc != NULL &&
	    summary_as_subtitle) {
		char *t = html_text(desc);

		if (*t != '\0' && (a->body == NULL ||
		    strncmp(a->body, t, strlen(t)) != 0))
			article_set(&a->subtitle, t);
		free(t);
	}
	if (a->publisher == NULL)
		article_set(&a->publisher, jstr(item, "feed_title"));
	if (a->n_images == 0 && jstr(item, "image") != NULL)
		article_add_image(a, jstr(item, "image"), NULL, NULL);
}

/* An entry without its page: its content (or summary) is the body. */
static struct nw_article *
entry_article(json_t *item)
{
	struct nw_article *a = article_new();
	const char *content = jstr(item, "content");
	const char *desc = jstr(item, "description");

	a->body = html_text(content != NULL ? content : desc);
	fill_gaps(a, item, content != NULL);
	if (a->title != NULL && strchr(a->title, '<') != NULL) {
		char *t = html_text(a->title);

		free(a->title);
		a->title = t;
	}
	enrich_normalise(a);
	enrich_article(a);
	return a;
}

static void
work_entry(struct feeds_job *j)
{
	json_t *item = json_loads(j->item, 0, NULL);
	struct nw_input in = {
		.data = (const unsigned char *)j->page,
		.len = j->page_len,
		.url = j->page_url,
		.content_type = j->content_type,
		.name = j->key,
		.now = j->fetched_at,
	};
	char why[256];

	if (item == NULL) {
		fail(j->error, sizeof(j->error), "stored entry unreadable");
		return;
	}
	if (j->page != NULL) {
		j->article = pipeline_run(&in, why, sizeof(why));
		if (j->article != NULL) {
			j->from_page = 1;
			fill_gaps(j->article, item, true);
		} else {
			snprintf(j->page_error, sizeof(j->page_error),
			    "%.120s: %.120s", j->page_url ? j->page_url :
			    "page", why);
		}
		free(j->page);
		j->page = NULL;
	}
	if (j->article == NULL)
		j->article = entry_article(item);
	/* the id and dedup rest on the content hash: an entry without text
	 * is known by its title and link */
	if (j->article->body == NULL || j->article->body[0] == '\0' ||
	    j->article->content_hash[0] == '\0') {
		struct buf b = { 0 };

		buf_printf(&b, "%s\n%s\n%s", j->article->title ?
		    j->article->title : "", j->article->url ?
		    j->article->url : "", j->article->body ?
		    j->article->body : "");
		hash_sha256_hex(b.p, b.len, j->article->content_hash);
		buf_free(&b);
	}
	if (j->article->body == NULL)
		article_set(&j->article->body, "");
	json_decref(item);
}

void
feeds_work(void *job, void *arg)
{
	struct feeds_job *j = job;

	(void)arg;
	if (j->kind == FEEDS_JOB_FEED)
		work_feed(j);
	else
		work_entry(j);
}
