/* event_article / event_error: every contract field present, nulls for
 * unknowns, ids stable, topics well formed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "event.h"

static const char *const article_fields[] = {
	"schema", "seq", "origin", "id", "source", "url", "canonical_url",
	"title", "subtitle", "authors", "published", "published_local",
	"updated", "publisher", "dateline", "lang", "body", "images",
	"quotes", "entities", "story_id", "duplicate_of", "content_hash",
	"simhash", "fetched_at", "version",
};

static void
test_every_field_present_and_null_when_unknown(void **state)
{
	struct nw_article *a = article_new();
	struct event_meta m = { .seq = -1, .source_name = "cli",
	    .source_kind = "folder", .fetched_at = 0, .version = 1 };
	json_t *ev;

	(void)state;
	ev = event_article(a, &m);
	for (size_t i = 0; i < sizeof(article_fields) /
	    sizeof(article_fields[0]); i++)
		assert_non_null(json_object_get(ev, article_fields[i]));
	assert_int_equal(json_object_size(ev),
	    sizeof(article_fields) / sizeof(article_fields[0]));
	assert_true(json_is_null(json_object_get(ev, "title")));
	assert_true(json_is_null(json_object_get(ev, "seq")));
	assert_true(json_is_null(json_object_get(ev, "origin")));
	assert_true(json_is_null(json_object_get(ev, "dateline")));
	assert_int_equal(json_array_size(json_object_get(ev, "authors")), 0);
	assert_string_equal(json_string_value(json_object_get(ev,
	    "fetched_at")), "1970-01-01T00:00:00Z");
	json_decref(ev);
	article_free(a);
}

static void
test_values_carried(void **state)
{
	struct nw_article *a = article_new();
	struct event_meta m = { .seq = 7, .origin_id = "abc",
	    .origin_epoch = 3, .id = "nw1-0", .source_name = "inbox",
	    .source_kind = "folder", .source_uri = "file:///x",
	    .fetched_at = 1487069820, .version = 2 };
	json_t *ev;
	char *line;

	(void)state;
	article_set(&a->title, "T\xc3\xa9");
	strlist_push(&a->authors, "Samuel Osborne");
	article_set_dateline(a, "MOSCOW", "February 13", "TASS");
	article_add_image(a, NULL, "cap", "credit");
	a->simhash = 0x0123456789abcdefULL;
	a->has_simhash = true;
	ev = event_article(a, &m);
	line = event_dump(ev);
	assert_non_null(strstr(line, "\"seq\":7"));
	assert_non_null(strstr(line, "\"origin\":{\"id\":\"abc\","
	    "\"epoch\":3}"));
	assert_non_null(strstr(line, "\"title\":\"T\xc3\xa9\""));
	assert_non_null(strstr(line, "\"dateline\":{\"place\":\"MOSCOW\","
	    "\"date\":\"February 13\",\"agency\":\"TASS\"}"));
	assert_non_null(strstr(line, "\"simhash\":\"0123456789abcdef\""));
	assert_non_null(strstr(line, "\"fetched_at\":\"2017-02-14T10:57:00Z\""));
	assert_null(strchr(line, '\n'));
	free(line);
	json_decref(ev);
	article_free(a);
}

static void
test_id_from_url_else_content(void **state)
{
	struct nw_article *a = article_new();
	char id1[EVENT_ID_LEN], id2[EVENT_ID_LEN], id3[EVENT_ID_LEN];

	(void)state;
	strcpy(a->content_hash, "00ff");
	event_article_id(a, id1);
	assert_int_equal(strlen(id1), 36);
	assert_memory_equal(id1, "nw1-", 4);
	article_set(&a->canonical_url, "https://example.org/a");
	event_article_id(a, id2);
	assert_string_not_equal(id1, id2);
	strcpy(a->content_hash, "1111");
	event_article_id(a, id3);
	assert_string_equal(id2, id3);
	article_free(a);
}

static void
test_error_event_and_topic(void **state)
{
	struct event_meta m = { .seq = 1, .origin_id = "o", .source_name =
	    "inbox", .source_kind = "folder" };
	json_t *ev = event_error(&m, "x.bin", "binary data");
	char *topic = event_topic("new", "inbox");

	(void)state;
	assert_string_equal(json_string_value(json_object_get(ev, "schema")),
	    EVENT_SCHEMA_ERROR);
	assert_string_equal(json_string_value(json_object_get(ev, "error")),
	    "binary data");
	assert_string_equal(topic, "article.new.inbox");
	free(topic);
	json_decref(ev);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_field_present_and_null_when_unknown),
		cmocka_unit_test(test_values_carried),
		cmocka_unit_test(test_id_from_url_else_content),
		cmocka_unit_test(test_error_event_and_topic),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
