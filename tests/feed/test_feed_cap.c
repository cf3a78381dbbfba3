/* Unit tests of feed_parse_opts() with a cap (fetchers/feed/feed.h): the
 * items kept are the ones a reader holding every item would choose (each
 * identity once, its first; the newest, updated else published, undated
 * last, ties in document order; kept in document order), in RSS, Atom and
 * JSON Feed alike, for caps from 1 to more than the feed has; the counts
 * (n_seen, n_capped) say what was left out. The reference choice is made
 * here from the uncapped parse. Also: items the parser leaves without an
 * end (a broken start tag, a document cut short) keep their place, and a
 * feed that states its own URL after its first items has them resolved
 * against it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>
#include <libxml/parser.h>

#include "feed/feed.h"
#include "util.h"

#define N_ITEMS 1500

/* A date among few, so that ties happen; or none. */
static void
pick_date(unsigned *seed, char *out, size_t len, bool json)
{
	unsigned r = (*seed = *seed * 1103515245u + 12345u) >> 16;

	if (r % 7 == 0) {
		out[0] = '\0';
		return;
	}
	if (json)
		snprintf(out, len, "2024-03-%02uT10:00:00Z", 1 + r % 20);
	else
		snprintf(out, len, "Sun, %02u Mar 2024 10:00:00 GMT",
		    1 + r % 20);
}

/* n items in format fmt: ids repeat now and then, some items have only
 * a title, dates tie and are missing. */
static char *
doc(const char *fmt, size_t n)
{
	struct buf b = { 0 };
	unsigned seed = 42;
	bool json = strcmp(fmt, "json") == 0;

	if (strcmp(fmt, "rss") == 0)
		buf_puts(&b, "<rss version=\"2.0\"><channel><title>T</title>"
		    "\n");
	else if (strcmp(fmt, "atom") == 0)
		buf_puts(&b, "<feed xmlns=\"http://www.w3.org/2005/Atom\">"
		    "<title>T</title>\n");
	else
		buf_puts(&b, "{\"version\": \"https://jsonfeed.org/version/"
		    "1.1\", \"title\": \"T\", \"items\": [");
	for (size_t i = 0; i < n; i++) {
		char d1[64], d2[64], id[32];
		unsigned r = (seed = seed * 1103515245u + 12345u) >> 16;

		pick_date(&seed, d1, sizeof(d1), json);
		pick_date(&seed, d2, sizeof(d2), json);
		/* one in five an id seen before, one in six none */
		snprintf(id, sizeof(id), "id%zu", r % 5 == 0 ? i / 3 : i);
		if (r % 6 == 0)
			id[0] = '\0';
		if (strcmp(fmt, "rss") == 0) {
			buf_puts(&b, "  <item>");
			if (id[0])
				buf_printf(&b, "<guid>%s</guid>", id);
			buf_printf(&b, "<title>Item %zu</title>", i);
			if (d1[0])
				buf_printf(&b, "<pubDate>%s</pubDate>", d1);
			if (d2[0] && r % 3 == 0)
				buf_printf(&b, "<dc:date xmlns:dc=\"http://"
				    "purl.org/dc/elements/1.1/\">%s</dc:date>",
				    "2024-03-15T10:00:00Z");
			buf_puts(&b, "</item>\n");
		} else if (strcmp(fmt, "atom") == 0) {
			buf_puts(&b, "  <entry>");
			if (id[0])
				buf_printf(&b, "<id>%s</id>", id);
			buf_printf(&b, "<title>Item %zu</title>", i);
			if (d1[0])
				buf_printf(&b, "<published>%s</published>",
				    d1);
			if (d2[0] && r % 3 == 0)
				buf_printf(&b, "<updated>%s</updated>", d2);
			buf_puts(&b, "</entry>\n");
		} else {
			buf_printf(&b, "%s{\"title\": \"Item %zu\"",
			    i ? "," : "", i);
			if (id[0])
				buf_printf(&b, ", \"id\": \"%s\"", id);
			if (d1[0])
				buf_printf(&b, ", \"date_published\": "
				    "\"%s\"", d1);
			if (d2[0] && r % 3 == 0)
				buf_printf(&b, ", \"date_modified\": \"%s\"",
				    d2);
			buf_puts(&b, "}");
		}
	}
	if (strcmp(fmt, "rss") == 0)
		buf_puts(&b, "</channel></rss>");
	else if (strcmp(fmt, "atom") == 0)
		buf_puts(&b, "</feed>");
	else
		buf_puts(&b, "]}");
	return buf_take(&b);
}

static char *
key(const struct feed_item *it)
{
	if (it->guid != NULL && *it->guid != '\0')
		return xstrdup(it->guid);
	return xstrdup(it->title ? it->title : "");
}

struct ref {
	size_t i;
	char *key;
	bool dated;
	int64_t t;
};

static int
ref_key(const void *a, const void *b)
{
	const struct ref *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c ? c : (x->i < y->i ? -1 : x->i > y->i);
}

static int
ref_newest(const void *a, const void *b)
{
	const struct ref *x = a, *y = b;

	if (x->dated != y->dated)
		return x->dated ? -1 : 1;
	if (x->dated && x->t != y->t)
		return x->t > y->t ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

static int
ref_doc(const void *a, const void *b)
{
	const struct ref *x = a, *y = b;

	return x->i < y->i ? -1 : x->i > y->i;
}

/* The items of all to keep under max, by the sorts of a reader that
 * holds them all; their number in *n, the ones left out in *capped. */
static struct ref *
reference(const struct feed *all, size_t max, size_t *n, size_t *capped)
{
	struct ref *v = calloc(all->n_items, sizeof(*v));
	size_t k = 0;

	assert_non_null(v);
	for (size_t i = 0; i < all->n_items; i++) {
		const struct feed_item *it = &all->items[i];
		const struct nw_time *t = it->updated.set ? &it->updated :
		    &it->published;

		v[i] = (struct ref){ i, key(it), t->set, t->utc };
	}
	qsort(v, all->n_items, sizeof(*v), ref_key);
	for (size_t i = 0; i < all->n_items; i++) {
		if (k == 0 || strcmp(v[k - 1].key, v[i].key) != 0)
			v[k++] = v[i];
		else
			free(v[i].key);
	}
	*capped = 0;
	if (k > max) {
		qsort(v, k, sizeof(*v), ref_newest);
		for (size_t i = max; i < k; i++)
			free(v[i].key);
		*capped = k - max;
		k = max;
	}
	qsort(v, k, sizeof(*v), ref_doc);
	*n = k;
	return v;
}

static void
check_format(const char *fmt)
{
	static const size_t caps[] = { 1, 2, 7, 50, 333, N_ITEMS - 1, N_ITEMS,
	    5000 };
	char *s = doc(fmt, N_ITEMS), err[256] = "";
	struct feed *all = feed_parse(s, strlen(s), "http://ex.com/", err,
	    sizeof(err));
	json_t *jroot, *jall;

	assert_non_null(all);
	assert_int_equal(all->n_items, N_ITEMS);
	assert_int_equal(all->n_seen, N_ITEMS);
	jroot = feed_to_json(all);
	jall = json_object_get(jroot, "items");
	for (size_t c = 0; c < sizeof(caps) / sizeof(caps[0]); c++) {
		struct feed_opts o = { .max_items = caps[c], .key = key };
		struct feed *f = feed_parse_opts(s, strlen(s),
		    "http://ex.com/", &o, err, sizeof(err));
		size_t n, capped;
		json_t *jf;
		struct ref *want = reference(all, caps[c], &n, &capped);

		assert_non_null(f);
		print_message("%s cap %zu: %zu kept, %zu left out\n", fmt,
		    caps[c], f->n_items, f->n_capped);
		assert_int_equal(f->n_items, n);
		assert_int_equal(f->n_capped, capped);
		assert_int_equal(f->n_seen, N_ITEMS);
		assert_string_equal(f->title, "T");
		jf = feed_to_json(f);
		for (size_t i = 0; i < n; i++) {
			char *got = json_dumps(json_array_get(
			    json_object_get(jf, "items"), i), JSON_SORT_KEYS);
			char *exp = json_dumps(json_array_get(jall,
			    want[i].i), JSON_SORT_KEYS);

			assert_string_equal(got, exp);
			free(got);
			free(exp);
			free(want[i].key);
		}
		free(want);
		json_decref(jf);
		feed_free(f);
	}
	json_decref(jroot);
	feed_free(all);
	free(s);
}

static void
test_rss(void **state)
{
	(void)state;
	check_format("rss");
}

static void
test_atom(void **state)
{
	(void)state;
	check_format("atom");
}

static void
test_json(void **state)
{
	(void)state;
	check_format("json");
}

/* Items the parser ends without an end event (a broken start tag) or
 * never ends (the document is cut short) keep their place. */
static void
test_broken(void **state)
{
	static const char *const docs[] = {
		"<rss><channel><item rd<item>x=\"1\"><title>b</title>"
		"</item><item><title>c</title></item></channel></rss>",
		"<rss><channel><item><title>a</title></item>\n<item><title>"
		"b</title></item> text &amp; <item><title>c",
		"<rss><channel><item><title>a</item><item><title>b</title>"
		"</item></channel></rss>",
	};
	static const char *const want[][3] = {
		{ NULL, "b", "c" },
		{ "a", "b", "c" },
		{ "a", NULL, NULL },
	};
	static const size_t n_want[] = { 3, 3, 1 };
	char err[256];

	(void)state;
	for (size_t d = 0; d < sizeof(docs) / sizeof(docs[0]); d++) {
		struct feed *f = feed_parse(docs[d], strlen(docs[d]), NULL,
		    err, sizeof(err));

		assert_non_null(f);
		assert_int_equal(f->n_items, n_want[d]);
		for (size_t i = 0; i < n_want[d]; i++) {
			if (want[d][i] == NULL)
				assert_null(f->items[i].title);
			else
				assert_string_equal(f->items[i].title,
				    want[d][i]);
		}
		feed_free(f);
	}
}

/* Without the feed's URL, its items' links are resolved against the URL
 * it states, even when it states it after them. */
static void
test_stated_late(void **state)
{
	static const char s[] = "<rss><channel><link>http://site.com/x/"
	    "</link><item><link>a/b</link></item>"
	    "<atom:link xmlns:atom=\"http://www.w3.org/2005/Atom\" "
	    "rel=\"self\" href=\"http://ex.com/f/feed\"/>"
	    "<item><link>c</link></item></channel></rss>";
	char err[256];
	struct feed *f = feed_parse(s, strlen(s), NULL, err, sizeof(err));

	(void)state;
	assert_non_null(f);
	assert_int_equal(f->n_items, 2);
	assert_string_equal(f->items[0].link, "http://ex.com/f/a/b");
	assert_string_equal(f->items[1].link, "http://ex.com/f/c");
	assert_string_equal(f->link, "http://site.com/x/");
	feed_free(f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rss),
		cmocka_unit_test(test_atom),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_broken),
		cmocka_unit_test(test_stated_late),
	};
	int r;

	xmlInitParser();
	r = cmocka_run_group_tests(tests, NULL, NULL);
	xmlCleanupParser();
	return r;
}
