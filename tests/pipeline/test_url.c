/* url_site() (lib/url.c): the site of a URL by the Public Suffix List
 * libpsl builds in (no file read) and its label in Unicode by libidn2.
 * The two hand-written rules it replaces were each wrong somewhere: the
 * host's last two labels made a.co.uk and b.co.uk one site "co.uk" (and
 * any two .com.au outlets one), and a list of 13 second-level labels
 * missed suffixes such as waw.pl and blogspot.com ("waw", "blogspot"). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "url.h"

static void
check_site(const char *url, const char *want)
{
	char *got = url_site(url);
	const char *name = url != NULL ? url : "NULL";

	if (want == NULL) {
		if (got != NULL)
			fail_msg("%s: got \"%s\", want none", name, got);
	} else {
		if (got == NULL)
			fail_msg("%s: got none, want \"%s\"", name, want);
		assert_string_equal(got, want);
	}
	free(got);
}

/* A suffix of two labels and more, as the list has it. */
static void
test_url_site_suffix(void **state)
{
	(void)state;
	check_site("https://a.co.uk/x", "a");
	check_site("https://news.bbc.co.uk/sport", "bbc");
	check_site("https://www.abc.net.au/news/", "abc");
	check_site("https://www.smh.com.au/", "smh");
	check_site("https://www.osw.waw.pl/pl/", "osw");
	check_site("https://someone.blogspot.com/2020/", "someone");
	check_site("https://www.zeit.de/2019/43/x", "zeit");
	check_site("https://zeit.de", "zeit");
	check_site("HTTPS://WWW.Spiegel.DE/", "spiegel");
	check_site("https://www.nytimes.com./x", "nytimes");
	/* a host that is a suffix itself, or of one label */
	check_site("https://co.uk/", "co");
	check_site("http://localhost/x", "localhost");
}

/* An IDN label in Unicode, from its ASCII form or from the raw host. */
static void
test_url_site_idn(void **state)
{
	(void)state;
	check_site("https://www.xn--2z1br4kw3iudu91d.kr/",
	    "\xec\x97\x94\xed\x84\xb0\xeb\xaf\xb8\xeb\x94\x94\xec\x96\xb4");
	check_site("https://www.\xec\x97\x94\xed\x84\xb0\xeb\xaf\xb8\xeb\x94"
	    "\x94\xec\x96\xb4.kr/x",
	    "\xec\x97\x94\xed\x84\xb0\xeb\xaf\xb8\xeb\x94\x94\xec\x96\xb4");
	check_site("https://xn--mller-kva.de/", "m\xc3\xbcller");
}

/* The port, the user, the scheme-relative form and the white space
 * around an attribute's value are no part of the site. */
static void
test_url_site_parts(void **state)
{
	(void)state;
	check_site("https://www.zeit.de:8443/x", "zeit");
	check_site("https://user:pw@news.bbc.co.uk:81/", "bbc");
	check_site("//www.theguardian.com/uk", "theguardian");
	check_site("  https://www.welt.de/\n", "welt");
	check_site("https://www.faz.net?x=https://www.other.org/", "faz");
}

/* An address is a site of its own, not its last labels. */
static void
test_url_site_address(void **state)
{
	(void)state;
	check_site("http://192.0.2.1:8080/x", "192.0.2.1");
	check_site("http://[2001:db8::1]/x", "[2001:db8::1]");
}

/* No host, no site. */
static void
test_url_site_none(void **state)
{
	(void)state;
	check_site(NULL, NULL);
	check_site("", NULL);
	check_site("/news/x.html", NULL);
	check_site("x.html", NULL);
	check_site("http://./x", NULL);
	check_site("file:///etc/passwd", NULL);
	check_site("/x?u=https://www.other.org/", NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_url_site_suffix),
		cmocka_unit_test(test_url_site_idn),
		cmocka_unit_test(test_url_site_parts),
		cmocka_unit_test(test_url_site_address),
		cmocka_unit_test(test_url_site_none),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
