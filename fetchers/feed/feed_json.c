/* JSON Feed 1.0 and 1.1 (https://jsonfeed.org) on jansson. */
#include "feed.h"

#include <stdio.h>
#include <string.h>


static const char *
feed_jget(json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

/* A URL resolved against the feed's URL (base may be NULL) by lib/url,
 * as a page's links are; as it is when it makes no absolute URL. Owned. */
static char *
feed_json_url(const char *u, const char *base)
{
	char *r, *out = NULL;

	feed_set_once(&out, u);
	if (out == NULL)
		return out;
	r = feed_url(out, base);
	if (r) {
		free(out);
		out = r;
	}
	return out;
}

/* "author" (1.0) and "authors" (1.1): names; a mailto: url is an email. */
static void
feed_json_authors(json_t *o, struct feed_person **v, size_t *n)
{
	json_t *list = json_object_get(o, "authors"), *a;
	size_t i;

	if (!json_is_array(list) || json_array_size(list) == 0) {
		a = json_object_get(o, "author");
		if (json_is_object(a)) {
			const char *u = feed_jget(a, "url");

			feed_add_author(v, n, feed_jget(a, "name"),
			    u && strncmp(u, "mailto:", 7) == 0 ? u + 7 : NULL);
		}
		return;
	}
	json_array_foreach(list, i, a) {
		const char *u;

		if (!json_is_object(a))
			continue;
		u = feed_jget(a, "url");
		feed_add_author(v, n, feed_jget(a, "name"),
		    u && strncmp(u, "mailto:", 7) == 0 ? u + 7 : NULL);
	}
}

static void
feed_json_item(struct feed *f, json_t *o, const char *base)
{
	struct feed_item *it = feed_add_item(f);
	json_t *id = json_object_get(o, "id"), *tags, *att, *v;
	const char *html, *text;
	char *u;
	size_t i;

	if (json_is_string(id))
		feed_set_once(&it->guid, json_string_value(id));
	else if (json_is_integer(id)) {
		char b[32];

		snprintf(b, sizeof(b), "%lld",
		    (long long)json_integer_value(id));
		it->guid = xstrdup(b);
	}
	feed_set_once(&it->title, feed_jget(o, "title"));
	feed_set_once(&it->description, feed_jget(o, "summary"));
	html = feed_jget(o, "content_html");
	text = feed_jget(o, "content_text");
	feed_set_once(&it->content, html);
	feed_set_once(&it->content, text);
	u = feed_json_url(feed_jget(o, "url"), base);
	if (u) {
		it->link = xstrdup(u);
		strlist_push_owned(&it->links, u);
	}
	u = feed_json_url(feed_jget(o, "external_url"), base);
	if (u) {
		if (it->link == NULL)
			it->link = xstrdup(u);
		if (!strlist_contains(&it->links, u))
			strlist_push(&it->links, u);
		free(u);
	}
	feed_set_date(&it->published, feed_jget(o, "date_published"));
	feed_set_date(&it->updated, feed_jget(o, "date_modified"));
	feed_json_authors(o, &it->authors, &it->n_authors);
	tags = json_object_get(o, "tags");
	if (json_is_array(tags))
		json_array_foreach(tags, i, v) {
			char *t = NULL;

			feed_set_once(&t, json_string_value(v));
			if (t)
				strlist_push_owned(&it->categories, t);
		}
	att = json_object_get(o, "attachments");
	if (json_is_array(att))
		json_array_foreach(att, i, v) {
			json_t *sz;
			char len[32] = "";

			if (!json_is_object(v))
				continue;
			sz = json_object_get(v, "size_in_bytes");
			if (json_is_integer(sz))
				snprintf(len, sizeof(len), "%lld",
				    (long long)json_integer_value(sz));
			else if (json_is_real(sz))
				snprintf(len, sizeof(len), "%.0f",
				    json_real_value(sz));
			u = feed_json_url(feed_jget(v, "url"), base);
			feed_add_enclosure(it, u, len[0] ? len : NULL,
			    feed_jget(v, "mime_type"));
			free(u);
		}
	u = feed_json_url(feed_jget(o, "image"), base);
	if (u == NULL)
		u = feed_json_url(feed_jget(o, "banner_image"), base);
	feed_set_image(&it->image, u, NULL);
	free(u);
}

/* ---- reading the items one at a time ----------------------------------- */

/* jansson reads a whole document into one tree, ten to thirty times its
 * size; the items array of a feed of 300,000 items is most of it. So the
 * top-level object is read here member by member (each value by jansson,
 * the items array only skipped), then the items one at a time, each
 * parsed, read and freed before the next. Anything this reading does not
 * follow (a document that is not one object, a member twice, nesting
 * deeper than FEED_JSON_DEPTH, an item that does not parse) sends the
 * document to jansson whole, as before: the same feed or the same error,
 * at the old cost in memory, bounded by the size cap. */
#define FEED_JSON_DEPTH 512

static bool
feed_json_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static size_t
feed_json_skip_ws(const char *p, size_t n, size_t i)
{
	while (i < n && feed_json_ws(p[i]))
		i++;
	return i;
}

/* The end of the value that starts at p[i] (a container or a string;
 * other values end at the next delimiter), or 0 when it does not end or
 * nests deeper than FEED_JSON_DEPTH. */
static size_t
feed_json_skip(const char *p, size_t n, size_t i)
{
	int depth = 0;
	bool str = false;

	if (i >= n)
		return 0;
	if (p[i] != '{' && p[i] != '[' && p[i] != '"') {
		while (i < n && !feed_json_ws(p[i]) && p[i] != ',' &&
		    p[i] != '}' && p[i] != ']')
			i++;
		return i;
	}
	for (; i < n; i++) {
		char c = p[i];

		if (str) {
			if (c == '\\')
				i++;
			else if (c == '"')
				str = false;
			if (!str && depth == 0)
				return i + 1;
			continue;
		}
		if (c == '"') {
			str = true;
		} else if (c == '{' || c == '[') {
			if (++depth > FEED_JSON_DEPTH)
				return 0;
		} else if (c == '}' || c == ']') {
			if (--depth == 0)
				return i + 1;
			if (depth < 0)
				return 0;
		}
	}
	return 0;
}

/* One value at p[i..n) by jansson; its end in *end. NULL: none. */
static json_t *
feed_json_value(const char *p, size_t n, size_t i, size_t *end)
{
	json_error_t e;
	size_t stop = feed_json_skip(p, n, i);
	json_t *v;

	if (stop == 0 || stop <= i)
		return NULL;
	v = json_loadb(p + i, stop - i, JSON_REJECT_DUPLICATES |
	    JSON_DECODE_ANY, &e);
	*end = stop;
	return v;
}

/* The items: those of the whole document's tree, or those of the text
 * of its items array. */
struct feed_json_items {
	json_t *array;      /* the whole tree's, or NULL */
	const char *p;      /* else the text, the array's '[' at p[at] */
	size_t n, at;
	size_t i;
	bool bad;           /* the text is not what it seemed */
};

/* The next item (a new reference), or NULL at the end. */
static json_t *
feed_json_next(struct feed_json_items *it)
{
	size_t i = it->at, end;
	json_t *v;

	if (it->array != NULL)
		return json_incref(json_array_get(it->array, it->i++));
	if (it->p == NULL || it->bad)
		return NULL;
	i = feed_json_skip_ws(it->p, it->n, i + 1);
	if (i < it->n && it->p[i] == ']' && it->i == 0)
		return NULL;
	if (it->i > 0) {
		if (i < it->n && it->p[i] == ']')
			return NULL;
		if (i >= it->n || it->p[i] != ',') {
			it->bad = true;
			return NULL;
		}
		i = feed_json_skip_ws(it->p, it->n, i + 1);
	}
	v = feed_json_value(it->p, it->n, i, &end);
	if (v == NULL) {
		it->bad = true;
		return NULL;
	}
	it->at = end - 1;
	it->i++;
	return v;
}

/* The top-level object of p[0..n) without its items array, which is
 * left in *items; NULL when this reading does not follow the document. */
static json_t *
feed_json_top(const char *p, size_t n, struct feed_json_items *items)
{
	json_t *root = json_object();
	size_t i = feed_json_skip_ws(p, n, 0), end;
	bool first = true;

	if (i >= n || p[i] != '{' || feed_json_skip(p, n, i) == 0)
		goto no;
	i++;
	for (;;) {
		json_t *k, *v;
		const char *key;

		i = feed_json_skip_ws(p, n, i);
		if (i < n && p[i] == '}' && first)
			break;
		if (!first) {
			if (i < n && p[i] == '}')
				break;
			if (i >= n || p[i] != ',')
				goto no;
			i = feed_json_skip_ws(p, n, i + 1);
		}
		first = false;
		if (i >= n || p[i] != '"' ||
		    (k = feed_json_value(p, n, i, &end)) == NULL)
			goto no;
		key = json_string_value(k);
		i = feed_json_skip_ws(p, n, end);
		if (key == NULL || i >= n || p[i] != ':' ||
		    json_object_get(root, key) != NULL ||
		    (strcmp(key, "items") == 0 && items->p != NULL)) {
			json_decref(k);
			goto no;
		}
		i = feed_json_skip_ws(p, n, i + 1);
		if (strcmp(key, "items") == 0 && i < n && p[i] == '[') {
			end = feed_json_skip(p, n, i);
			items->p = p;
			items->at = i;
			items->n = end;
		} else {
			v = feed_json_value(p, n, i, &end);
			if (v == NULL || json_object_set_new(root, key,
			    v) != 0) {
				json_decref(k);
				goto no;
			}
		}
		json_decref(k);
		if (end == 0)
			goto no;
		i = end;
	}
	if (feed_json_skip_ws(p, n, i + 1) != n)
		goto no;
	return root;
no:
	json_decref(root);
	return NULL;
}

/* The feed of root, its items from items; NULL with err, or with *redo
 * set when the items' text was not what it seemed. */
static struct feed *
feed_json_feed(json_t *root, struct feed_json_items *items, bool has_items,
    const char *url, const struct feed_opts *o, bool *redo, char *err,
    size_t errlen)
{
	struct feed *f = NULL;
	const char *ver;
	json_t *v;
	char *u;

	if (!json_is_object(root)) {
		fail(err, errlen, "not a JSON Feed: not an object");
		return NULL;
	}
	ver = feed_jget(root, "version");
	if ((ver == NULL || strstr(ver, "jsonfeed") == NULL) && !has_items) {
		fail(err, errlen, "not a JSON Feed: no version, no items");
		return NULL;
	}
	f = feed_new_opts(o);
	f->format = "json";
	if (ver == NULL)
		f->version = xstrdup("1.0");
	else if (strstr(ver, "/version/1.1") || strcmp(ver, "1.1") == 0)
		f->version = xstrdup("1.1");
	else if (strstr(ver, "/version/1"))
		f->version = xstrdup("1.0");
	else
		f->version = xstrdup(ver);
	feed_set_once(&f->title, feed_jget(root, "title"));
	feed_set_once(&f->description, feed_jget(root, "description"));
	feed_set_once(&f->language, feed_jget(root, "language"));
	u = feed_json_url(feed_jget(root, "home_page_url"), url);
	if (u) {
		f->link = xstrdup(u);
		strlist_push_owned(&f->links, u);
	}
	u = feed_json_url(feed_jget(root, "feed_url"), url);
	if (u) {
		f->feed_link = xstrdup(u);
		if (!strlist_contains(&f->links, u))
			strlist_push(&f->links, u);
		free(u);
	}
	u = feed_json_url(feed_jget(root, "icon"), url);
	if (u == NULL)
		u = feed_json_url(feed_jget(root, "favicon"), url);
	feed_set_image(&f->image, u, NULL);
	free(u);
	feed_json_authors(root, &f->authors, &f->n_authors);
	while (has_items && !feed_budget_spent(o->budget, f) &&
	    (v = feed_json_next(items)) != NULL) {
		const struct feed_item *it;

		if (!json_is_object(v)) {
			json_decref(v);
			continue;
		}
		feed_json_item(f, v, f->feed_link ? f->feed_link : url);
		json_decref(v);
		/* the feed's own dates: those of its newest item, of all of
		 * them, kept or not */
		it = &f->items[f->n_items - 1];
		if (it->published.set && (!f->published.set ||
		    it->published.utc > f->published.utc))
			f->published = it->published;
		if (it->updated.set && (!f->updated.set ||
		    it->updated.utc > f->updated.utc))
			f->updated = it->updated;
		feed_item_done(f);
	}
	if (items->bad) {
		*redo = true;
		feed_free(f);
		return NULL;
	}
	return f;
}

struct feed *
feed_parse_json(const char *data, size_t len, const char *url,
    const struct feed_opts *o, char *err, size_t errlen)
{
	struct feed_json_items items = { 0 };
	json_error_t jerr;
	json_t *root;
	struct feed *f;
	bool redo = false;

	root = feed_json_top(data, len, &items);
	if (root != NULL) {
		f = feed_json_feed(root, &items, items.p != NULL, url, o,
		    &redo, err, errlen);
		json_decref(root);
		if (!redo)
			return f;
	}
	/* the whole document to jansson, as it always was */
	items = (struct feed_json_items){ 0 };
	root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &jerr);
	if (root == NULL) {
		fail(err, errlen, "invalid JSON: %s (line %d)", jerr.text,
		    jerr.line);
		return NULL;
	}
	items.array = json_object_get(root, "items");
	if (!json_is_array(items.array))
		items.array = NULL;
	f = feed_json_feed(root, &items, items.array != NULL, url, o, &redo,
	    err, errlen);
	json_decref(root);
	return f;
}
