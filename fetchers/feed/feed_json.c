/* JSON Feed 1.0 and 1.1 (https://jsonfeed.org) on jansson. */
#include "feed.h"

#include <stdio.h>
#include <string.h>


static const char *
feed_jget(json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

/* A URL resolved against the feed's URL when it is relative. Owned. */
static char *
feed_json_url(const char *u, const char *base)
{
	char *r, *out = NULL;

	feed_set_once(&out, u);
	if (out == NULL || base == NULL)
		return out;
	r = feed_build_uri(out, base);
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

struct feed *
feed_parse_json(const char *data, size_t len, const char *url,
    const struct feed_opts *o, char *err, size_t errlen)
{
	json_error_t jerr;
	json_t *root = NULL, *items, *v;
	struct feed *f = NULL;
	const char *ver;
	char *u;
	size_t i;

	root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &jerr);
	if (root == NULL) {
		fail(err, errlen, "invalid JSON: %s (line %d)", jerr.text,
		    jerr.line);
		goto err;
	}
	if (!json_is_object(root)) {
		fail(err, errlen, "not a JSON Feed: not an object");
		goto err;
	}
	ver = feed_jget(root, "version");
	items = json_object_get(root, "items");
	if ((ver == NULL || strstr(ver, "jsonfeed") == NULL) &&
	    !json_is_array(items)) {
		fail(err, errlen, "not a JSON Feed: no version, no items");
		goto err;
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
	if (json_is_array(items))
		json_array_foreach(items, i, v) {
			const struct feed_item *it;

			if (feed_budget_spent(o->budget, f))
				break;
			if (!json_is_object(v))
				continue;
			feed_json_item(f, v, f->feed_link ?
			    f->feed_link : url);
			/* the feed's own dates: those of its newest item,
			 * of all of them, kept or not */
			it = &f->items[f->n_items - 1];
			if (it->published.set && (!f->published.set ||
			    it->published.utc > f->published.utc))
				f->published = it->published;
			if (it->updated.set && (!f->updated.set ||
			    it->updated.utc > f->updated.utc))
				f->updated = it->updated;
			feed_item_done(f);
		}
	json_decref(root);
	return f;
err:
	json_decref(root);
	feed_free(f);
	return NULL;
}
