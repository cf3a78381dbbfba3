/* The configuration: embedded defaults, keys and values checked, errors
 * with file and line, the shipped files equal to the defaults. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <ini.h>

#include "config.h"
#include "log.h"

/* util.h (through config.h) declares a fail() of its own, which hides
 * cmocka's fail() macro that fail_msg() expands to */
#undef fail_msg
#define fail_msg(...) do { \
	print_error(__VA_ARGS__); \
	print_error("\n"); \
	_fail(__FILE__, __LINE__); \
} while (0)

static const char *config_dir;  /* the repository's config/ */
static char err[512];

static void
count_change(void *ctx, const char *section, const char *key, bool live)
{
	(void)live;
	fprintf(stderr, "differs: [%s] %s\n", section, key);
	(*(int *)ctx)++;
}

static int
n_changes(const struct config *a, const struct config *b)
{
	int n = 0;

	config_diff(a, b, count_change, &n);
	return n;
}

/* Writes text to a temporary file; returns its path (caller frees). */
static char *
temp_conf(const char *text)
{
	char *path = strdup("/tmp/nw-conf-XXXXXX");
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)),
	    (ssize_t)strlen(text));
	close(fd);
	return path;
}

static void
test_defaults(void **state)
{
	struct config c;

	(void)state;
	config_defaults(&c);
	assert_string_equal(c.inbox, "./inbox");
	assert_string_equal(c.state, "./state");
	assert_string_equal(c.publish, "tcp://127.0.0.1:5556");
	assert_string_equal(c.source_name, "inbox");
	assert_int_equal(c.workers, 0);
	assert_int_equal(c.on_success, CONFIG_MOVE);
	assert_int_equal(c.log_level, LOG_INFO);
	config_free(&c);
}

static void
test_set_checks_values(void **state)
{
	struct config c;

	(void)state;
	config_defaults(&c);
	assert_int_equal(config_set(&c, "daemon", "workers", "4", err,
	    sizeof(err)), 0);
	assert_int_equal(c.workers, 4);
	assert_int_equal(config_set(&c, "daemon", "workers", "four", err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "not a number"));
	assert_int_equal(config_set(&c, "daemon", "workers", "-1", err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "out of range"));
	/* past what strtoll holds: out of range, not taken saturated */
	assert_int_equal(config_set(&c, "daemon", "workers",
	    "99999999999999999999999", err, sizeof(err)), -1);
	assert_string_equal(err, "workers: '99999999999999999999999' is out "
	    "of range 0..256");
	assert_int_equal(config_set(&c, "daemon", "workers",
	    "-99999999999999999999999", err, sizeof(err)), -1);
	assert_non_null(strstr(err, "out of range"));
	assert_int_equal(config_set(&c, "daemon", "workers", "4x", err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "not a number"));
	assert_int_equal(c.workers, 4);
	assert_int_equal(config_set(&c, "daemon", "log_level", "loud", err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "error, warn, info, debug"));
	assert_int_equal(config_set(&c, "inbox", "on_success", "delete",
	    err, sizeof(err)), 0);
	assert_int_equal(c.on_success, CONFIG_DELETE);
	assert_int_equal(config_set(&c, "inbox", "colour", "red", err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "unknown key 'colour'"));
	assert_int_equal(config_set(&c, "inbox", "path", "", err,
	    sizeof(err)), -1);
	assert_int_equal(c.workers, 4);  /* failures change nothing */
	config_free(&c);
}

static void
test_load_applies_and_reports_lines(void **state)
{
	char *ok = temp_conf("# comment\n[inbox]\npath = /srv/in\n"
	    "[daemon]\nlog_level = debug\n");
	char *bad = temp_conf("[inbox]\npath = /srv/in\n\n"
	    "[daemon]\nworkers = many\n");
	char *unknown = temp_conf("[daemon]\nstate = /s\n[nowhere]\nx = 1\n");
	struct config c, d;

	(void)state;
	config_defaults(&c);
	assert_int_equal(config_load(&c, ok, err, sizeof(err)), 0);
	assert_string_equal(c.inbox, "/srv/in");
	assert_int_equal(c.log_level, LOG_DEBUG);
	config_defaults(&d);
	assert_int_equal(n_changes(&c, &d), 2);
	config_free(&c);
	config_free(&d);

	config_defaults(&c);
	assert_int_equal(config_load(&c, bad, err, sizeof(err)), -1);
	assert_non_null(strstr(err, ":5: workers: 'many' is not a number"));
	config_free(&c);

	config_defaults(&c);
	assert_int_equal(config_load(&c, unknown, err, sizeof(err)), -1);
	assert_non_null(strstr(err, ":4: unknown key 'x' in section "
	    "[nowhere]"));
	config_free(&c);

	config_defaults(&c);
	assert_int_equal(config_load(&c, "/nonexistent.conf", err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "/nonexistent.conf: cannot open"));
	config_free(&c);
	unlink(ok);
	unlink(bad);
	unlink(unknown);
	free(ok);
	free(bad);
	free(unknown);
}

struct seen {
	bool found[64];
};

static int
mark_key(void *user, const char *section, const char *key, const char *v)
{
	struct seen *seen = user;
	const char *s, *k;

	(void)v;
	for (size_t i = 0; i < 64 && config_key_at(i, &s, &k); i++)
		if (strcmp(s, section) == 0 && strcmp(k, key) == 0)
			seen->found[i] = true;
	return 1;
}

/* config/newswired.conf and config/example.conf state the defaults. */
static void
test_shipped_files_are_the_defaults(void **state)
{
	const char *files[] = { "newswired.conf", "example.conf" };
	struct config def, c;
	char path[1024];
	const char *sec, *key;
	struct seen seen;

	(void)state;
	config_defaults(&def);
	for (size_t i = 0; i < 2; i++) {
		snprintf(path, sizeof(path), "%s/%s", config_dir, files[i]);
		config_defaults(&c);
		if (config_load(&c, path, err, sizeof(err)) != 0)
			fail_msg("%s", err);
		assert_int_equal(n_changes(&def, &c), 0);
		config_free(&c);
		/* and every key is written out, not left to the default */
		memset(&seen, 0, sizeof(seen));
		assert_int_equal(ini_parse(path, mark_key, &seen), 0);
		for (size_t k = 0; config_key_at(k, &sec, &key); k++)
			if (!seen.found[k])
				fail_msg("%s: [%s] %s missing", path, sec,
				    key);
	}
	config_free(&def);
}

static void
test_copy(void **state)
{
	struct config a, b = { 0 };

	(void)state;
	config_defaults(&a);
	config_set(&a, "publish", "endpoint", "ipc:///tmp/x", err,
	    sizeof(err));
	config_copy(&b, &a);
	config_free(&a);
	assert_string_equal(b.publish, "ipc:///tmp/x");
	config_free(&b);
}

int
main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_set_checks_values),
		cmocka_unit_test(test_load_applies_and_reports_lines),
		cmocka_unit_test(test_shipped_files_are_the_defaults),
		cmocka_unit_test(test_copy),
	};

	config_dir = argc > 1 ? argv[1] : "config";
	return cmocka_run_group_tests(tests, NULL, NULL);
}
