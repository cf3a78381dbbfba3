/* The [source ...] sections of newswired's configuration
 * (config_source.c), read by config_load with every other section. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "config.h"
#include "sources.h"

static char path[] = "/tmp/nw-sources-conf-XXXXXX";
static char err[512];

static void
write_conf(const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void
test_both_syntaxes(void **state)
{
	struct source_list l = { 0 };

	(void)state;
	write_conf("[inbox]\npath = /tmp/x\n"
	    "[source \"reuters\"]\nurl = https://r.example/rss\n"
	    "interval = 300\nfetch_pages = yes\n"
	    "header = Accept-Language: en\nheader = X-Key: 1\n"
	    "user_agent = bot/1\ntimeout = 20\nconnect_timeout = 5\n"
	    "max_body = 4096\n"
	    "[source.ap]\nurl = http://ap.example/feed\n");
	assert_int_equal(sources_config_load(path, &l, err, sizeof(err)), 0);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0].name, "reuters");
	assert_string_equal(l.v[0].url, "https://r.example/rss");
	assert_int_equal(l.v[0].interval_ms, 300000);
	assert_true(l.v[0].fetch_pages);
	assert_int_equal(l.v[0].headers.n, 2);
	assert_string_equal(l.v[0].headers.v[1], "X-Key: 1");
	assert_string_equal(l.v[0].user_agent, "bot/1");
	assert_int_equal(l.v[0].timeout_ms, 20000);
	assert_int_equal(l.v[0].connect_timeout_ms, 5000);
	assert_int_equal(l.v[0].max_body, 4096);
	assert_string_equal(l.v[1].name, "ap");
	assert_false(l.v[1].fetch_pages);
	assert_int_equal(l.v[1].interval_ms, 900000);
	source_list_free(&l);
}

static void
expect_error(const char *text, const char *what)
{
	struct source_list l = { 0 };

	write_conf(text);
	assert_int_equal(sources_config_load(path, &l, err, sizeof(err)), -1);
	if (strstr(err, what) == NULL)
		print_error("error '%s' does not say '%s'\n", err, what);
	assert_non_null(strstr(err, what));
	source_list_free(&l);
}

static void
test_errors(void **state)
{
	(void)state;
	expect_error("[source \"a\"]\ninterval = 5\n", "has no url");
	expect_error("[source \"a\"]\nurl = ftp://x/\n", "not an http");
	expect_error("[source \"a\"]\nurl = http://x/\ncolour = red\n",
	    "unknown key 'colour'");
	expect_error("[source \"a\"]\nurl = http://x/\ninterval = 0\n",
	    "out of range");
	expect_error("[source \"a\"]\nurl = http://x/\n"
	    "max_entries = 99999999999999999999999\n",
	    "'99999999999999999999999' is out of range 1..1000000");
	expect_error("[source \"a b\"]\nurl = http://x/\n", "source name");
	expect_error("[source a]\nurl = http://x/\n", "[source \"NAME\"]");
	expect_error("[source \"a\"]\nurl = http://x/\nfetch_pages = maybe\n",
	    "yes or no");
	expect_error("[source \"a\"]\nurl = http://x/\nheader = nocolon\n",
	    "Name: value");
	expect_error("[source.a]\nurl = http://x/\n\n\ntimeout = x\n", ":5:");
}

/* One parser: config_load reads the source sections with the rest, and
 * sources_config_load takes only the sources of it. */
static void
test_sections_apart(void **state)
{
	struct config c;
	struct source_list l = { 0 };

	(void)state;
	write_conf("[http]\nper_host = 3\nuser_agent = me/1\n"
	    "[source \"a\"]\nurl = http://x/\n[daemon]\nworkers = 2\n");
	config_defaults(&c);
	assert_int_equal(config_load(&c, path, err, sizeof(err)), 0);
	assert_int_equal(c.http_per_host, 3);
	assert_string_equal(c.http_user_agent, "me/1");
	assert_int_equal(c.workers, 2);
	assert_int_equal(c.sources.n, 1);
	assert_string_equal(c.sources.v[0].url, "http://x/");
	config_free(&c);
	assert_int_equal(sources_config_load(path, &l, err, sizeof(err)), 0);
	assert_int_equal(l.n, 1);
	source_list_free(&l);
	assert_true(config_is_source_section("source \"x\""));
	assert_true(config_is_source_section("source.x"));
	assert_false(config_is_source_section("sources"));
	assert_false(config_is_source_section("http"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_both_syntaxes),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_sections_apart),
	};
	int fd = mkstemp(path);
	int rc;

	if (fd < 0)
		return 1;
	close(fd);
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	unlink(path);
	return rc;
}
