/* The store: new, duplicate and updated items, the journal's sequence
 * across a reopen, inbox files recorded with their event, rollback. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "store.h"

#define HASH_A "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" \
	"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define HASH_B "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb" \
	"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
#define ID_1 "nw1-11111111111111111111111111111111"
#define ID_2 "nw1-22222222222222222222222222222222"

static char err[512];

static int
setup(void **state)
{
	char *dir = strdup("/tmp/nw-store-XXXXXX");

	if (dir == NULL || mkdtemp(dir) == NULL)
		return -1;
	*state = dir;
	return 0;
}

static int
teardown(void **state)
{
	char cmd[256];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", (char *)*state);
	free(*state);
	return system(cmd) == 0 ? 0 : -1;
}

static struct store *
open_store(const char *dir)
{
	struct store *s = store_open(dir, false, err, sizeof(err));

	if (s == NULL)
		fail_msg("store_open: %s", err);
	return s;
}

/* Classifies and journals one article event in its own transaction;
 * returns the verdict and the seq used. */
static int64_t
add(struct store *s, const char *id, const char *hash,
    struct store_verdict *v)
{
	int64_t seq;

	assert_int_equal(store_begin(s, err, sizeof(err)), 0);
	assert_int_equal(store_classify(s, id, hash, 1000, v, err,
	    sizeof(err)), 0);
	seq = store_next_seq(s);
	assert_int_equal(store_journal(s, seq, "article.new.inbox", "{}",
	    1000, err, sizeof(err)), 0);
	assert_int_equal(store_commit(s, err, sizeof(err)), 0);
	return seq;
}

static void
test_new_duplicate_updated(void **state)
{
	struct store *s = open_store(*state);
	struct store_verdict v;

	assert_int_equal(add(s, ID_1, HASH_A, &v), 1);
	assert_int_equal(v.kind, STORE_NEW);
	assert_int_equal(v.version, 1);

	/* the same content under the same id */
	assert_int_equal(add(s, ID_1, HASH_A, &v), 2);
	assert_int_equal(v.kind, STORE_DUPLICATE);
	assert_string_equal(v.duplicate_of, ID_1);
	assert_int_equal(v.version, 1);

	/* the same content under another id: a copy of the first */
	add(s, ID_2, HASH_A, &v);
	assert_int_equal(v.kind, STORE_DUPLICATE);
	assert_string_equal(v.duplicate_of, ID_1);

	/* changed content under the first id */
	add(s, ID_1, HASH_B, &v);
	assert_int_equal(v.kind, STORE_UPDATED);
	assert_int_equal(v.version, 2);
	add(s, ID_1, HASH_A, &v);
	assert_int_equal(v.kind, STORE_UPDATED);
	assert_int_equal(v.version, 3);
	store_close(s);
}

static void
test_seq_and_origin_survive_reopen(void **state)
{
	struct store *s = open_store(*state);
	struct store_verdict v;
	char origin[64];
	int64_t epoch;
	char *ev, *topic = NULL;

	add(s, ID_1, HASH_A, &v);
	add(s, ID_2, HASH_B, &v);
	assert_int_equal(store_last_seq(s), 2);
	snprintf(origin, sizeof(origin), "%s", store_origin_id(s));
	epoch = store_origin_epoch(s);
	assert_true(strlen(origin) > 4);
	store_close(s);

	s = open_store(*state);
	assert_int_equal(store_last_seq(s), 2);
	assert_string_equal(store_origin_id(s), origin);
	assert_int_equal(store_origin_epoch(s), epoch);
	assert_int_equal(add(s, ID_1, HASH_A, &v), 3);
	assert_int_equal(v.kind, STORE_DUPLICATE);
	ev = store_event(s, 3, &topic);
	assert_non_null(ev);
	assert_string_equal(ev, "{}");
	assert_string_equal(topic, "article.new.inbox");
	free(ev);
	free(topic);
	assert_null(store_event(s, 4, NULL));
	store_close(s);
}

static void
test_rollback_gives_seq_back(void **state)
{
	struct store *s = open_store(*state);
	struct store_verdict v;

	add(s, ID_1, HASH_A, &v);
	assert_int_equal(store_begin(s, err, sizeof(err)), 0);
	assert_int_equal(store_classify(s, ID_2, HASH_B, 1, &v, err,
	    sizeof(err)), 0);
	assert_int_equal(store_next_seq(s), 2);
	store_rollback(s);
	assert_int_equal(store_last_seq(s), 1);
	/* the rolled-back item was never seen */
	assert_int_equal(add(s, ID_2, HASH_B, &v), 2);
	assert_int_equal(v.kind, STORE_NEW);
	store_close(s);
}

static void
test_files_recorded_with_event(void **state)
{
	struct store *s = open_store(*state);
	struct store_file f = {
		.name = "a.txt", .dev = 1, .ino = 42, .size = 10,
		.mtime_ns = 123456789, .raw_hash = HASH_A,
	};
	struct store_file other = f;
	char why[128];
	int64_t seq = 0;

	assert_int_equal(store_file_lookup(s, &f, &seq, why, sizeof(why), err,
	    sizeof(err)), 0);
	assert_int_equal(store_begin(s, err, sizeof(err)), 0);
	assert_int_equal(store_file_done(s, &f, store_next_seq(s), NULL,
	    err, sizeof(err)), 0);
	other.name = "b.bin";
	assert_int_equal(store_file_done(s, &other, store_next_seq(s),
	    "binary", err, sizeof(err)), 0);
	assert_int_equal(store_commit(s, err, sizeof(err)), 0);
	store_close(s);

	s = open_store(*state);
	assert_int_equal(store_file_lookup(s, &f, &seq, why, sizeof(why), err,
	    sizeof(err)), 1);
	assert_string_equal(why, "");
	assert_int_equal(seq, 1);
	assert_int_equal(store_file_lookup(s, &other, &seq, why, sizeof(why),
	    err, sizeof(err)), 1);
	assert_string_equal(why, "binary");
	assert_int_equal(seq, 2);
	/* another file under the same name is not the recorded one */
	f.mtime_ns++;
	assert_int_equal(store_file_lookup(s, &f, &seq, why, sizeof(why), err,
	    sizeof(err)), 0);
	store_close(s);
}

struct seen_stories {
	int n;
	char last[64];
};

static void
on_story(void *ctx, const char *story_id, int64_t t, const char *sig)
{
	struct seen_stories *seen = ctx;

	assert_true(t >= 200);
	assert_string_equal(sig, "p:x");
	snprintf(seen->last, sizeof(seen->last), "%s", story_id);
	seen->n++;
}

static void
test_stories_survive_reopen(void **state)
{
	struct store *s = open_store(*state);
	struct seen_stories seen = { 0 };
	char story[64];

	assert_int_equal(store_begin(s, err, sizeof(err)), 0);
	assert_int_equal(store_story_add(s, ID_1, "st1-a", 100, "p:x", err,
	    sizeof(err)), 0);
	assert_int_equal(store_story_add(s, ID_2, "st1-b", 300, "p:x", err,
	    sizeof(err)), 0);
	assert_int_equal(store_commit(s, err, sizeof(err)), 0);
	store_close(s);

	s = open_store(*state);
	assert_int_equal(store_story_of(s, ID_1, story, sizeof(story), err,
	    sizeof(err)), 1);
	assert_string_equal(story, "st1-a");
	assert_int_equal(store_story_of(s, "nw1-none", story, sizeof(story),
	    err, sizeof(err)), 0);
	/* only those inside the window */
	assert_int_equal(store_stories(s, 200, on_story, &seen, err,
	    sizeof(err)), 0);
	assert_int_equal(seen.n, 1);
	assert_string_equal(seen.last, "st1-b");
	store_close(s);
}

static void
test_open_fails_clearly(void **state)
{
	(void)state;
	assert_null(store_open("/proc/nonexistent/state", false, err,
	    sizeof(err)));
	assert_non_null(strstr(err, "/proc/nonexistent/state"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_new_duplicate_updated,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_seq_and_origin_survive_reopen, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rollback_gives_seq_back,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_files_recorded_with_event, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stories_survive_reopen,
		    setup, teardown),
		cmocka_unit_test(test_open_fails_clearly),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
