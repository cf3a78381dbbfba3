/* Unit tests of the HTTP client and poller parts that need no server:
 * Retry-After parsing, the callback contract for bad URLs and cancelled
 * requests, a refused connection, and the poller's argument checks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <event2/event.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "http/http.h"
#include "http/http_addr.h"
#include "http/poller.h"

static void
test_retry_after(void **state)
{
	/* Wed, 21 Oct 2015 07:28:00 GMT */
	long t = 1445412480;

	(void)state;
	assert_int_equal(http_parse_retry_after("120", t), 120);
	assert_int_equal(http_parse_retry_after(" 5 ", t), 5);
	assert_int_equal(http_parse_retry_after("0", t), 0);
	assert_int_equal(http_parse_retry_after("abc", t), -1);
	assert_int_equal(http_parse_retry_after("-3", t), -1);
	assert_int_equal(http_parse_retry_after("12x", t), -1);
	assert_int_equal(http_parse_retry_after(NULL, t), -1);
	assert_int_equal(http_parse_retry_after(
	    "Wed, 21 Oct 2015 07:28:30 GMT", t), 30);
	assert_int_equal(http_parse_retry_after(
	    "Wed, 21 Oct 2015 07:00:00 GMT", t), 0);
	/* capped: saturating strtol (10^23), long, and far dates */
	assert_int_equal(http_parse_retry_after(
	    "99999999999999999999999", t), HTTP_RETRY_AFTER_MAX);
	assert_int_equal(http_parse_retry_after("86401", t),
	    HTTP_RETRY_AFTER_MAX);
	assert_int_equal(http_parse_retry_after("86400", t), 86400);
	assert_int_equal(http_parse_retry_after(
	    "Fri, 31 Dec 9999 23:59:59 GMT", t), HTTP_RETRY_AFTER_MAX);
}

struct seen {
	int calls;
	enum http_error error;
	long status;
	char msg[256];
};

static void
record(void *arg, struct http_response *r)
{
	struct seen *s = arg;

	s->calls++;
	s->error = r->error;
	s->status = r->status;
	snprintf(s->msg, sizeof(s->msg), "%s", r->errmsg ? r->errmsg : "");
	assert_true(r->error != HTTP_OK || r->body != NULL);
}

/* Runs the loop until *calls reaches want or 5 seconds pass. */
static void
run(struct event_base *base, int *calls, int want)
{
	int i;

	for(i = 0; i < 500 && *calls < want; i++) {
		struct timeval tv = { 0, 10000 };

		event_base_loopexit(base, &tv);
		event_base_dispatch(base);
	}
}

/* The address policy: what requests may not reach by default. */
static void
test_addr_private(void **state)
{
	static const char *const refused[] = {
		"127.0.0.1", "127.255.0.9", "10.1.2.3", "172.16.0.1",
		"172.31.255.255", "192.168.1.1", "169.254.169.254",
		"100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255",
		"::", "::1", "[::1]", "fe80::1", "fe80::1%eth0", "fc00::1",
		"fd12:3456::1", "ff02::1", "::ffff:127.0.0.1",
		"::ffff:10.0.0.1", "::ffff:169.254.169.254",
		"64:ff9b::7f00:1", "::127.0.0.1", "2001:db8::1",
		"", "not-an-address", "1.2.3", NULL
	};
	static const char *const allowed[] = {
		"8.8.8.8", "93.184.216.34", "172.32.0.1", "100.128.0.1",
		"192.169.0.1", "2606:4700::6810:85e5", "[2a00:1450::1]",
		"::ffff:8.8.8.8", "64:ff9b::808:808", NULL
	};

	(void)state;
	for (int i = 0; refused[i]; i++)
		if (!http_addr_private(refused[i]))
			fail_msg("%s must be refused", refused[i]);
	for (int i = 0; allowed[i]; i++)
		if (http_addr_private(allowed[i]))
			fail_msg("%s must be allowed", allowed[i]);
	assert_true(http_addr_private(NULL));
}

static void
test_bad_url_async(void **state)
{
	struct event_base *base = event_base_new();
	struct http_client *c;
	struct seen s = {0};
	char err[128];

	(void)state;
	c = http_client_new(base, NULL, err, sizeof(err));
	assert_non_null(c);
	assert_non_null(http_get(c, "ftp://example.org/x", NULL, record, &s));
	assert_int_equal(s.calls, 0);   /* never from inside http_get */
	assert_non_null(http_get(c, "not a url", NULL, record, &s));
	run(base, &s.calls, 2);
	assert_int_equal(s.calls, 2);
	assert_int_equal(s.error, HTTP_ERR_URL);
	assert_non_null(strstr(s.msg, "bad URL"));
	assert_null(http_get(c, NULL, NULL, record, &s));
	http_client_free(c);
	event_base_free(base);
}

/* A port on 127.0.0.1 that nothing listens on (bound, then closed). */
static int
closed_port(void)
{
	struct sockaddr_in a;
	socklen_t len = sizeof(a);
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	assert_true(fd >= 0);
	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof(a)), 0);
	assert_int_equal(getsockname(fd, (struct sockaddr *)&a, &len), 0);
	close(fd);
	return ntohs(a.sin_port);
}

static void
test_refused_and_cancel(void **state)
{
	struct event_base *base = event_base_new();
	struct http_config cfg = {0};
	struct http_client *c;
	struct http_request *r;
	struct seen s = {0}, never = {0};
	struct http_stats st;
	char url[64], err[128];

	(void)state;
	cfg.per_host = 1;
	c = http_client_new(base, &cfg, err, sizeof(err));
	assert_non_null(c);
	snprintf(url, sizeof(url), "http://127.0.0.1:%d/", closed_port());
	assert_non_null(http_get(c, url, NULL, record, &s));
	/* queued behind the first (per_host 1), then cancelled */
	r = http_get(c, url, NULL, record, &never);
	assert_non_null(r);
	http_client_stats(c, &st);
	assert_int_equal(st.queued, 2);
	http_cancel(r);
	http_client_stats(c, &st);
	assert_int_equal(st.queued, 1);
	run(base, &s.calls, 1);
	assert_int_equal(s.calls, 1);
	assert_int_equal(s.error, HTTP_ERR_CONNECT);
	assert_int_equal(never.calls, 0);
	/* one under way, then freed with the client: no callback */
	assert_non_null(http_get(c, url, NULL, record, &never));
	http_client_free(c);
	assert_int_equal(never.calls, 0);
	event_base_free(base);
}

static void
test_poller_args(void **state)
{
	struct event_base *base = event_base_new();
	struct http_client *c;
	struct poller *p;
	struct poller_source src = {0};
	struct poller_status st;
	char err[128];

	(void)state;
	c = http_client_new(base, NULL, err, sizeof(err));
	assert_non_null(c);
	p = poller_new(base, c, NULL, NULL, err, sizeof(err));
	assert_non_null(p);
	assert_int_equal(poller_add(p, &src, err, sizeof(err)), -1);
	src.name = "a";
	assert_int_equal(poller_add(p, &src, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "no URL"));
	src.url = "http://127.0.0.1:9/feed";
	assert_int_equal(poller_add(p, &src, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "interval"));
	src.interval_ms = 60000;
	src.etag = "\"v1\"";
	assert_int_equal(poller_add(p, &src, err, sizeof(err)), 0);
	assert_int_equal(poller_add(p, &src, err, sizeof(err)), 0);
	assert_int_equal(poller_count(p), 1);
	assert_true(poller_get(p, "a", &st));
	assert_int_equal(st.health, POLLER_OK);
	assert_string_equal(st.url, "http://127.0.0.1:9/feed");
	assert_false(poller_get(p, "b", &st));
	assert_false(poller_remove(p, "b"));
	assert_true(poller_remove(p, "a"));
	assert_int_equal(poller_count(p), 0);
	poller_free(p);
	http_client_free(c);
	event_base_free(base);
}

struct pctx {
	struct poller *p;
	int health;
	int attempts;
	bool remove_on_health;
	const struct poller_source *readd; /* re-added from health */
	struct event_base *base;
};

static void
p_health(void *ctx, const char *name, enum poller_health h,
    const char *reason)
{
	struct pctx *x = ctx;

	(void)h;
	assert_non_null(reason);
	x->health++;
	if(x->remove_on_health)
		assert_true(poller_remove(x->p, name));
	if(x->readd) {
		char err[128];

		assert_int_equal(poller_add(x->p, x->readd, err, sizeof(err)),
		    0);
		x->readd = NULL;
		/* stop before the restarted source's first poll */
		event_base_loopbreak(x->base);
	}
}

static void
p_attempt(void *ctx, const char *name, const struct poller_attempt *a)
{
	struct pctx *x = ctx;

	(void)name;
	assert_int_equal(a->error, HTTP_ERR_CONNECT);
	x->attempts++;
}

/* Runs the loop for about ms milliseconds. */
static void
run_for(struct event_base *base, long ms)
{
	struct timeval tv = { ms / 1000, (ms % 1000) * 1000 };

	event_base_loopexit(base, &tv);
	event_base_dispatch(base);
}

static void
test_poller_runtime(void **state)
{
	struct event_base *base = event_base_new();
	struct http_client *c;
	struct poller_config cfg = {0};
	struct poller_ops ops = {0};
	struct poller_source src = {0}, src2;
	struct poller_status st;
	struct pctx x = {0};
	char url[64], url2[64], err[128];

	(void)state;
	c = http_client_new(base, NULL, err, sizeof(err));
	assert_non_null(c);
	cfg.backoff_base_ms = 40;
	ops.health = p_health;
	ops.attempt = p_attempt;
	ops.ctx = &x;
	x.base = base;
	x.p = poller_new(base, c, &cfg, &ops, err, sizeof(err));
	assert_non_null(x.p);
	snprintf(url, sizeof(url), "http://127.0.0.1:%d/a", closed_port());
	snprintf(url2, sizeof(url2), "http://127.0.0.1:%d/b", closed_port());
	src.name = "a";
	src.url = url;
	src.interval_ms = 60000;

	/* paused: the first poll waits for resume */
	poller_pause(x.p);
	assert_int_equal(poller_add(x.p, &src, err, sizeof(err)), 0);
	run_for(base, 150);
	assert_int_equal(x.attempts, 0);
	poller_resume(x.p);
	run(base, &x.attempts, 1);
	assert_int_equal(x.attempts, 1);
	assert_int_equal(x.health, 1);
	assert_true(poller_get(x.p, "a", &st));
	assert_int_equal(st.health, POLLER_FAILING);
	assert_int_equal(st.failures, 1);
	assert_non_null(st.last_error);

	/* the same name with another URL starts afresh */
	src.url = url2;
	assert_int_equal(poller_add(x.p, &src, err, sizeof(err)), 0);
	assert_true(poller_get(x.p, "a", &st));
	assert_int_equal(st.failures, 0);
	assert_int_equal(st.health, POLLER_OK);
	assert_string_equal(st.url, url2);

	/* its first failure re-adds it on the first URL from inside the
	 * health callback: the old attempt is not reported and leaves the
	 * new state alone */
	src2 = src;
	src2.url = url;
	x.readd = &src2;
	run(base, &x.health, 2);
	assert_int_equal(x.health, 2);
	assert_int_equal(x.attempts, 1);
	assert_true(poller_get(x.p, "a", &st));
	assert_int_equal(st.failures, 0);
	assert_int_equal(st.health, POLLER_OK);
	assert_string_equal(st.url, url);

	/* removed from inside its own callback: no more attempts */
	x.remove_on_health = true;
	run(base, &x.health, 3);
	assert_int_equal(x.health, 3);
	assert_int_equal(poller_count(x.p), 0);
	run_for(base, 200);
	assert_int_equal(x.health, 3);
	assert_int_equal(x.attempts, 1);

	poller_free(x.p);
	http_client_free(c);
	event_base_free(base);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_retry_after),
		cmocka_unit_test(test_addr_private),
		cmocka_unit_test(test_bad_url_async),
		cmocka_unit_test(test_refused_and_cancel),
		cmocka_unit_test(test_poller_args),
		cmocka_unit_test(test_poller_runtime),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
