/* Unit tests of daemon/curve.c's pure parts: which endpoints count as
 * local, the key files (comments, bad keys, links, FIFOs) and the key
 * pair writer (mode 0600, never over an existing file). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zmq.h>

#include "curve.h"
#include "util.h"

static char dir[] = "/tmp/nw-curve-unit-XXXXXX";

static char *
path_of(const char *name)
{
	struct buf b = { 0 };

	buf_printf(&b, "%s/%s", dir, name);
	return buf_take(&b);
}

static void
write_file(const char *name, const char *text)
{
	char *p = path_of(name);
	FILE *f = fopen(p, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	free(p);
}

static void
test_endpoints(void **state)
{
	(void)state;
	assert_true(curve_endpoint_local("tcp://127.0.0.1:5556"));
	assert_true(curve_endpoint_local("tcp://127.1.2.3:1"));
	assert_true(curve_endpoint_local("tcp://localhost:5556"));
	assert_true(curve_endpoint_local("tcp://[::1]:5556"));
	assert_true(curve_endpoint_local("tcp://lo:5556"));
	assert_true(curve_endpoint_local("ipc:///run/newswire.sock"));
	assert_true(curve_endpoint_local("inproc://x"));
	assert_false(curve_endpoint_local("tcp://*:5556"));
	assert_false(curve_endpoint_local("tcp://0.0.0.0:5556"));
	assert_false(curve_endpoint_local("tcp://10.0.0.1:5556"));
	assert_false(curve_endpoint_local("tcp://eth0:5556"));
	assert_false(curve_endpoint_local("tcp://[::]:5556"));
	assert_false(curve_endpoint_local("tcp://127.0.0.1:1;10.0.0.1:2"));
	assert_false(curve_endpoint_local("tcp://localhostile.org:5556"));
	assert_false(curve_endpoint_local("ws://127.0.0.1:5556"));
	assert_false(curve_endpoint_local("epgm://eth0;239.1.1.1:5555"));
}

static void
test_keyfiles(void **state)
{
	char pub[41], sec[41], key[CURVE_Z85_LEN + 1], err[256];
	struct buf text = { 0 };
	char *p;

	(void)state;
	assert_int_equal(zmq_curve_keypair(pub, sec), 0);
	buf_printf(&text, "# a comment\n\n  %s  \r\n", pub);
	write_file("good.pub", text.p);
	p = path_of("good.pub");
	assert_int_equal(curve_read_keyfile(p, key, err, sizeof(err)), 0);
	assert_string_equal(key, pub);
	free(p);

	write_file("short.pub", "abc\n");
	p = path_of("short.pub");
	assert_int_equal(curve_read_keyfile(p, key, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "not a Z85 key"));
	free(p);

	write_file("comments.pub", "# nothing\n# here\n");
	p = path_of("comments.pub");
	assert_int_equal(curve_read_keyfile(p, key, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "no key"));
	free(p);

	/* a link is not followed, a FIFO not waited on */
	p = path_of("good.pub");
	{
		char *l = path_of("link.pub");

		assert_int_equal(symlink(p, l), 0);
		assert_int_equal(curve_read_keyfile(l, key, err,
		    sizeof(err)), -1);
		free(l);
		l = path_of("fifo.pub");
		assert_int_equal(mkfifo(l, 0600), 0);
		assert_int_equal(curve_read_keyfile(l, key, err,
		    sizeof(err)), -1);
		free(l);
	}
	free(p);
	buf_free(&text);
}

static void
test_keypair(void **state)
{
	char *sec = path_of("pair.key"), *pub = path_of("pair.pub");
	char k1[CURVE_Z85_LEN + 1], k2[CURVE_Z85_LEN + 1];
	char derived[CURVE_Z85_LEN + 1], err[256];
	struct stat st;

	(void)state;
	assert_int_equal(curve_write_keypair(sec, pub, err, sizeof(err)), 0);
	assert_int_equal(stat(sec, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(curve_read_keyfile(sec, k1, err, sizeof(err)), 0);
	assert_int_equal(curve_read_keyfile(pub, k2, err, sizeof(err)), 0);
	assert_int_equal(zmq_curve_public(derived, k1), 0);
	assert_string_equal(derived, k2);
	/* never over an existing key */
	assert_int_equal(curve_write_keypair(sec, pub, err, sizeof(err)), -1);
	assert_int_equal(curve_read_keyfile(sec, k2, err, sizeof(err)), 0);
	assert_string_equal(k1, k2);
	free(sec);
	free(pub);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_endpoints),
		cmocka_unit_test(test_keyfiles),
		cmocka_unit_test(test_keypair),
	};
	int rc;

	if (mkdtemp(dir) == NULL)
		return 1;
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	{
		struct buf cmd = { 0 };

		buf_printf(&cmd, "rm -rf '%s'", dir);
		if (system(cmd.p) != 0)
			rc = rc ? rc : 1;
		buf_free(&cmd);
	}
	return rc;
}
