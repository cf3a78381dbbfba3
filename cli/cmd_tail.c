/* newswire tail [--endpoint E] [--replay R] [--from SEQ] [--topic PREFIX]...
 * [--count N]: subscribes to newswired's PUB socket and prints the JSON of
 * each event, one per line, flushed, each exactly once and in sequence
 * order, until interrupted (or N events printed).
 *
 * It subscribes first, then (with --from) asks the replay socket for
 * everything from SEQ on; live events that arrive meanwhile wait in a
 * buffer. Whenever the live stream skips a sequence number, or a
 * heartbeat announces one not seen, the missing range is replayed before
 * anything after it is printed. What was printed already is dropped, so
 * a replayed event and its live copy print once. Topic prefixes filter
 * what is printed (the replay socket filters too); the sequence is
 * followed over every topic, so a gap is a gap. Heartbeats are printed
 * only when a --topic selects them.
 *
 * What it waits for is said on stderr: a socket monitor reports when
 * nothing listens on the endpoint, when the connection comes and goes,
 * and when a CURVE handshake is refused. --timeout gives up (exit 1) when
 * newswired has been silent that long; it sends a heartbeat every
 * second. */
#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zmq.h>

#include "cli.h"
#include "util.h"

#define TAIL_DEFAULT_ENDPOINT "tcp://127.0.0.1:5556"
#define TAIL_DEFAULT_REPLAY "tcp://127.0.0.1:5557"
/* Live events kept while a replay runs; past this, newer ones are let go
 * and fetched by the next replay. */
#define TAIL_BUFFER_MAX 100000
/* Seconds without a word from the replay socket before the request is
 * made again on a fresh socket (the daemon may have restarted). */
#define TAIL_REPLAY_TIMEOUT 10
/* Where the monitor of the SUB socket reports (one per process). */
#define TAIL_MONITOR "inproc://newswire-tail-monitor"
/* A replay request from past any journal's end: its answer, sent nothing,
 * says the daemon's last seq (docs/events.md). */
#define TAIL_PROBE_FROM INT64_C(9007199254740991)
/* --timeout, at most: a year of silence. */
#define TAIL_TIMEOUT_MAX 31536000L

enum tail_link {
	LINK_START,             /* nothing known yet */
	LINK_WAITING,           /* said: nothing listens there */
	LINK_UP,                /* connected */
	LINK_REFUSED,           /* said: the handshake failed */
};

struct tail_ev {
	int64_t seq;
	char *topic;
	char *json;
};

struct tail {
	void *ctx;
	void *sub;
	void *dealer;
	void *monitor;          /* PAIR: events of the SUB socket */
	const char *endpoint;
	const char *replay_endpoint;
	const char **topics;
	size_t n_topics;
	long count;             /* stop after this many; <= 0: never */
	long printed;
	int64_t done;           /* every seq up to this one is handled;
	                           -1: not known yet */
	bool asking;            /* a replay request is out */
	bool probing;           /* ...and it asks only for the last seq */
	bool probed;
	time_t asked_at;        /* when it was sent or last answered */
	int64_t ask_from, ask_to;  /* ask_to 0: up to the journal's end */
	char origin[128];       /* id/epoch of the stream followed */
	struct tail_ev *buf;    /* waiting live events, by seq */
	size_t n_buf;
	struct cli_curve curve; /* CURVE client keys, if given */
	enum tail_link link;
	long timeout;           /* seconds of silence before giving up; 0 */
	struct timespec heard;  /* the last word from newswired */
	struct timespec started;
};

/* Does nothing: its only effect is that a blocked call returns EINTR. */
static void
tail_on_signal(int sig)
{
	(void)sig;
}

static double
since(const struct timespec *t)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t->tv_sec) +
	    (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

static void
ev_free(struct tail_ev *e)
{
	free(e->topic);
	free(e->json);
}

/* Receives one whole message: its frames, at most max, into f (each a
 * new string); returns the number of frames, 0 when none was waiting,
 * -1 on an error. Frames past max are dropped. */
static int
recv_msg(void *sock, char **f, int max)
{
	int n = 0, more = 1;
	size_t more_len = sizeof(more);

	while (more) {
		zmq_msg_t m;

		zmq_msg_init(&m);
		if (zmq_msg_recv(&m, sock, ZMQ_DONTWAIT) < 0) {
			zmq_msg_close(&m);
			if (n == 0 && errno == EAGAIN)
				return 0;
			break;
		}
		zmq_getsockopt(sock, ZMQ_RCVMORE, &more, &more_len);
		if (n < max) {
			size_t len = zmq_msg_size(&m);

			f[n] = malloc(len + 1);
			if (f[n] == NULL)
				abort();
			memcpy(f[n], zmq_msg_data(&m), len);
			f[n][len] = '\0';
			n++;
		}
		zmq_msg_close(&m);
	}
	return n;
}

static bool
tail_selects(const struct tail *t, const char *topic)
{
	bool heartbeat = strcmp(topic, "heartbeat") == 0;

	if (t->n_topics == 0)
		return !heartbeat;
	for (size_t i = 0; i < t->n_topics; i++)
		if (strncmp(topic, t->topics[i], strlen(t->topics[i])) == 0 &&
		    (!heartbeat || t->topics[i][0] != '\0'))
			return true;
	return false;
}

static bool
tail_finished(const struct tail *t)
{
	return t->count > 0 && t->printed >= t->count;
}

static void
tail_print(struct tail *t, const char *topic, const char *json)
{
	if (tail_finished(t) || !tail_selects(t, topic))
		return;
	fputs(json, stdout);
	fputc('\n', stdout);
	fflush(stdout);
	t->printed++;
}

/* The seq and origin of an event; seq -1 when it has none. */
static int64_t
event_seq(const char *json, char *origin, size_t originlen, int64_t *last)
{
	json_t *o = json_loads(json, 0, NULL);
	json_t *seq, *org;
	int64_t v = -1;

	if (o == NULL)
		return -1;
	seq = json_object_get(o, "seq");
	if (json_is_integer(seq))
		v = (int64_t)json_integer_value(seq);
	if (last != NULL && json_is_integer(json_object_get(o, "last_seq")))
		*last = (int64_t)json_integer_value(
		    json_object_get(o, "last_seq"));
	org = json_object_get(o, "origin");
	if (origin != NULL && json_is_object(org))
		snprintf(origin, originlen, "%s/%lld",
		    json_string_value(json_object_get(org, "id")) ?
		    json_string_value(json_object_get(org, "id")) : "",
		    (long long)json_integer_value(json_object_get(org,
		    "epoch")));
	json_decref(o);
	return v;
}

/* Connects sock to endpoint, or says why it cannot: a malformed endpoint
 * gets the form one should have. */
static int
tail_connect(void *sock, const char *option, const char *endpoint)
{
	if (zmq_connect(sock, endpoint) == 0)
		return 0;
	if (errno == EINVAL || errno == EPROTONOSUPPORT ||
	    errno == ENOCOMPATPROTO) {
		fprintf(stderr, "newswire tail: %s '%s' is not an endpoint "
		    "to connect to (%s): give TRANSPORT://ADDRESS, like "
		    "tcp://127.0.0.1:5556 or ipc:///run/newswire.sock\n",
		    option, endpoint, zmq_strerror(errno));
		return -2;
	}
	fprintf(stderr, "newswire tail: %s %s: %s\n", option, endpoint,
	    zmq_strerror(errno));
	return -1;
}

/* Watches the SUB socket's connection, to say what tail waits for. */
static int
tail_monitor_start(struct tail *t)
{
	int linger = 0;

	if (zmq_socket_monitor(t->sub, TAIL_MONITOR, ZMQ_EVENT_CONNECTED |
	    ZMQ_EVENT_CONNECT_RETRIED | ZMQ_EVENT_DISCONNECTED |
	    ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL |
	    ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL |
	    ZMQ_EVENT_HANDSHAKE_FAILED_AUTH) != 0)
		return -1;
	t->monitor = zmq_socket(t->ctx, ZMQ_PAIR);
	if (t->monitor == NULL)
		return -1;
	zmq_setsockopt(t->monitor, ZMQ_LINGER, &linger, sizeof(linger));
	return zmq_connect(t->monitor, TAIL_MONITOR);
}

static void
tail_link(struct tail *t, unsigned ev)
{
	const char *e = t->endpoint;

	switch (ev) {
	case ZMQ_EVENT_CONNECT_RETRIED:
		/* a daemon started at the same time gets a second */
		if (t->link == LINK_WAITING || t->link == LINK_REFUSED ||
		    (t->link == LINK_START && since(&t->started) < 1.0))
			break;
		fprintf(stderr, "newswire tail: nothing listens on %s: "
		    "waiting for newswired to start", e);
		if (t->timeout > 0)
			fprintf(stderr, " (giving up after %ld s)\n",
			    t->timeout);
		else
			fprintf(stderr, " (--timeout SECONDS gives up)\n");
		t->link = LINK_WAITING;
		break;
	case ZMQ_EVENT_CONNECTED:
		if (t->link == LINK_WAITING)
			fprintf(stderr, "newswire tail: connected to %s\n", e);
		if (t->link != LINK_REFUSED)
			t->link = LINK_UP;
		break;
	case ZMQ_EVENT_DISCONNECTED:
		if (t->link != LINK_UP)
			break;
		fprintf(stderr, "newswire tail: %s closed the connection: "
		    "waiting for newswired to come back\n", e);
		t->link = LINK_WAITING;
		break;
	case ZMQ_EVENT_HANDSHAKE_FAILED_AUTH:
		if (t->link != LINK_REFUSED)
			fprintf(stderr, "newswire tail: %s refused this "
			    "subscriber's CURVE key (is its public key in the "
			    "daemon's curve_clients folder?)\n", e);
		t->link = LINK_REFUSED;
		break;
	case ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL:
	case ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL:
		if (t->link != LINK_REFUSED)
			fprintf(stderr, "newswire tail: the handshake with %s "
			    "failed: is CURVE on at one end only? (with "
			    "[publish] curve = yes, give --curve-server-key "
			    "and --curve-key)\n", e);
		t->link = LINK_REFUSED;
		break;
	}
}

/* Reads what the monitor reported. */
static void
tail_watch(struct tail *t)
{
	char *f[2];
	int n;

	while ((n = recv_msg(t->monitor, f, 2)) > 0) {
		uint16_t ev;

		if (n == 2) {
			/* frame 1: a 16-bit event and a 32-bit value */
			memcpy(&ev, f[0], sizeof(ev));
			tail_link(t, ev);
		}
		for (int i = 0; i < n; i++)
			free(f[i]);
	}
}

/* A fresh DEALER socket: an answer to a request made on the old one can
 * never be taken for an answer to a new one. */
static int
tail_dealer(struct tail *t)
{
	int linger = 0;

	if (t->dealer != NULL)
		zmq_close(t->dealer);
	t->dealer = zmq_socket(t->ctx, ZMQ_DEALER);
	if (t->dealer == NULL)
		return -1;
	zmq_setsockopt(t->dealer, ZMQ_LINGER, &linger, sizeof(linger));
	if (cli_curve_apply(&t->curve, t->dealer) != 0) {
		fprintf(stderr, "newswire tail: CURVE keys: %s\n",
		    zmq_strerror(errno));
		return -1;
	}
	return tail_connect(t->dealer, "--replay", t->replay_endpoint);
}

/* Asks for from..to (to 0: up to the end of the journal). */
static int
tail_ask(struct tail *t, int64_t from, int64_t to)
{
	json_t *req = json_pack("{s:I}", "from", (json_int_t)from);
	char *s;
	int rc;

	if (to > 0)
		json_object_set_new(req, "to", json_integer(to));
	if (t->n_topics > 0) {
		json_t *a = json_array();

		for (size_t i = 0; i < t->n_topics; i++)
			json_array_append_new(a, json_string(t->topics[i]));
		json_object_set_new(req, "topics", a);
	}
	s = json_dumps(req, JSON_COMPACT);
	json_decref(req);
	rc = zmq_send(t->dealer, s, strlen(s), 0) < 0 ? -1 : 0;
	free(s);
	t->asking = true;
	t->asked_at = time(NULL);
	t->ask_from = from;
	t->ask_to = to;
	return rc;
}

/* Prints the buffered events that follow done, drops those before, and
 * asks for the gap before the next one if there is one. */
static int
tail_drain(struct tail *t)
{
	size_t i = 0;

	while (i < t->n_buf && t->buf[i].seq <= t->done + 1) {
		if (t->buf[i].seq == t->done + 1) {
			tail_print(t, t->buf[i].topic, t->buf[i].json);
			t->done = t->buf[i].seq;
		}
		ev_free(&t->buf[i]);
		i++;
	}
	memmove(t->buf, t->buf + i, (t->n_buf - i) * sizeof(*t->buf));
	t->n_buf -= i;
	if (t->n_buf > 0 && !t->asking)
		return tail_ask(t, t->done + 1, t->buf[0].seq - 1);
	return 0;
}

/* Keeps a live event until the gap before it is filled. */
static void
tail_keep(struct tail *t, int64_t seq, char *topic, char *json)
{
	size_t i = t->n_buf;

	while (i > 0 && t->buf[i - 1].seq >= seq)
		i--;
	if ((i < t->n_buf && t->buf[i].seq == seq) ||
	    t->n_buf == TAIL_BUFFER_MAX) {
		free(topic);
		free(json);
		return;
	}
	if (t->buf == NULL) {
		t->buf = calloc(TAIL_BUFFER_MAX, sizeof(*t->buf));
		if (t->buf == NULL)
			abort();
	}
	memmove(t->buf + i + 1, t->buf + i, (t->n_buf - i) *
	    sizeof(*t->buf));
	t->buf[i] = (struct tail_ev){ seq, topic, json };
	t->n_buf++;
}

/* A new origin (another daemon, or its journal reset): its sequence
 * starts over, so what was seen says nothing about it. */
static void
tail_origin(struct tail *t, const char *origin)
{
	if (origin[0] == '\0' || strcmp(origin, t->origin) == 0)
		return;
	if (t->origin[0] != '\0' && t->done >= 0) {
		fprintf(stderr, "newswire tail: the publisher changed (%s, "
		    "was %s): following it from its start\n", origin,
		    t->origin);
		t->done = 0;
		for (size_t i = 0; i < t->n_buf; i++)
			ev_free(&t->buf[i]);
		t->n_buf = 0;
	}
	snprintf(t->origin, sizeof(t->origin), "%s", origin);
}

static int
tail_live(struct tail *t, char *topic, char *json)
{
	char origin[128] = "";
	int64_t last = -1;
	int64_t seq = event_seq(json, origin, sizeof(origin), &last);

	tail_origin(t, origin);
	if (strcmp(topic, "heartbeat") == 0) {
		tail_print(t, topic, json);
		free(topic);
		free(json);
		if (t->done < 0 && last >= 0)
			t->done = last;
		/* everything up to last went out before this heartbeat */
		if (last > t->done && !t->asking)
			return tail_ask(t, t->done + 1, last);
		return 0;
	}
	if (seq < 0) {
		/* not a journalled event: print it as it comes */
		tail_print(t, topic, json);
		free(topic);
		free(json);
		return 0;
	}
	if (t->done < 0)
		t->done = seq - 1;
	if (seq <= t->done) {
		free(topic);
		free(json);
		return 0;
	}
	tail_keep(t, seq, topic, json);
	return tail_drain(t);
}

/* One message from the replay socket: an event, the end, or an error.
 * Returns 0, or -1 when tail must stop. */
static int
tail_replayed(struct tail *t, char **f, int n)
{
	int64_t seq, to = -1;
	json_t *o;

	t->asked_at = time(NULL);
	if (n != 2) {
		fprintf(stderr, "newswire tail: a replay message of %d "
		    "frame(s)\n", n);
		return -1;
	}
	if (strcmp(f[0], "replay.error") == 0) {
		fprintf(stderr, "newswire tail: replay refused: %s\n", f[1]);
		return -1;
	}
	if (t->probing && strcmp(f[0], "replay.end") == 0) {
		/* the start without --from: after the last seq the daemon
		 * had handed out once connected; a gap after it is filled */
		int64_t last = -1;

		event_seq(f[1], NULL, 0, &last);
		t->probing = false;
		t->asking = false;
		if (t->done < 0 && last >= 0)
			t->done = last;
		fprintf(stderr, "newswire tail: connected to %s: events "
		    "after seq %lld follow\n", t->endpoint,
		    (long long)t->done);
		return tail_drain(t);
	}
	if (strcmp(f[0], "replay.end") != 0) {
		seq = event_seq(f[1], NULL, 0, NULL);
		if (seq > t->done) {
			tail_print(t, f[0], f[1]);
			t->done = seq;
		}
		return 0;
	}
	o = json_loads(f[1], 0, NULL);
	if (o != NULL && json_is_integer(json_object_get(o, "to")))
		to = (int64_t)json_integer_value(json_object_get(o, "to"));
	if (o != NULL && json_is_true(json_object_get(o, "gone")))
		fprintf(stderr, "newswire tail: part of %lld..%lld is gone "
		    "from the journal (retention); the oldest kept is %lld\n",
		    (long long)t->ask_from, (long long)to,
		    (long long)json_integer_value(json_object_get(o,
		    "first_seq")));
	json_decref(o);
	t->asking = false;
	if (to > t->done)
		t->done = to;
	return tail_drain(t);
}

/* Handles what waits on either socket; returns -1 when tail must stop. */
static int
tail_receive(struct tail *t)
{
	char *f[4];
	int n;

	while (!tail_finished(t)) {
		n = recv_msg(t->sub, f, 2);
		if (n == 0)
			break;
		clock_gettime(CLOCK_MONOTONIC, &t->heard);
		t->link = LINK_UP;
		if (n != 2) {
			for (int i = 0; i < n; i++)
				free(f[i]);
			continue;
		}
		if (tail_live(t, f[0], f[1]) != 0)
			return -1;
	}
	while (!tail_finished(t)) {
		int rc;

		n = recv_msg(t->dealer, f, 4);
		if (n == 0)
			break;
		clock_gettime(CLOCK_MONOTONIC, &t->heard);
		rc = n < 0 ? -1 : tail_replayed(t, f, n);
		for (int i = 0; i < n; i++)
			free(f[i]);
		if (rc != 0)
			return -1;
	}
	return 0;
}

static int
tail_run(struct tail *t, int64_t from)
{
	if (from > 0) {
		t->done = from - 1;
		if (tail_ask(t, from, 0) != 0)
			return 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t->heard);
	t->started = t->heard;
	while (!tail_finished(t)) {
		zmq_pollitem_t items[3] = {
			{ t->sub, 0, ZMQ_POLLIN, 0 },
			{ t->dealer, 0, ZMQ_POLLIN, 0 },
			{ t->monitor, 0, ZMQ_POLLIN, 0 },
		};

		if (zmq_poll(items, 3, 250) < 0) {
			if (errno == EINTR)
				return 0;
			fprintf(stderr, "newswire tail: %s\n",
			    zmq_strerror(errno));
			return 1;
		}
		tail_watch(t);
		if (tail_receive(t) != 0)
			return 1;
		/* without --from: learn where the stream stands when the
		 * connection is made, not at the first heartbeat a second
		 * later (what the daemon publishes meanwhile would be lost) */
		if (t->link == LINK_UP && !t->probed && t->done < 0 &&
		    !t->asking) {
			t->probed = true;
			if (tail_ask(t, TAIL_PROBE_FROM, 0) != 0)
				return 1;
			t->probing = true;
		}
		if (t->timeout > 0 && !tail_finished(t) &&
		    since(&t->heard) >= (double)t->timeout) {
			fprintf(stderr, "newswire tail: no word from "
			    "newswired on %s in %ld s (%s): giving up\n",
			    t->endpoint, t->timeout, t->link == LINK_UP ?
			    "connected, but no event or heartbeat came" :
			    t->link == LINK_REFUSED ? "the handshake failed" :
			    "nothing listens there");
			return 1;
		}
		if (t->asking && time(NULL) - t->asked_at >
		    TAIL_REPLAY_TIMEOUT) {
			/* the daemon may have restarted and lost it */
			if (tail_dealer(t) != 0 ||
			    tail_ask(t, t->probing ? TAIL_PROBE_FROM :
			    t->done + 1, t->ask_to) != 0)
				return 1;
		}
	}
	return 0;
}

/* A whole number in min..max, for option opt; -1 after a message. */
static long
tail_number(const char *opt, const char *s, long min, long max)
{
	char why[160];
	long long v;

	if (parse_number(s, min, max, &v, why, sizeof(why)) != 0) {
		cli_usage_error("tail", "%s: %s", opt, why);
		return -1;
	}
	return (long)v;
}

int
cmd_tail(int argc, char **argv)
{
	struct tail t = {
		.endpoint = TAIL_DEFAULT_ENDPOINT,
		.replay_endpoint = TAIL_DEFAULT_REPLAY,
		.done = -1,
	};
	struct sigaction sa = { .sa_handler = tail_on_signal };
	int64_t from = 0;
	int linger = 0;
	int rc = 2;

	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], "--nats") == 0)
			return cmd_tail_nats(argc, argv);
	t.topics = calloc((size_t)argc, sizeof(*t.topics));
	if (t.topics == NULL)
		return 1;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--endpoint") == 0 && i + 1 < argc) {
			t.endpoint = argv[++i];
		} else if (strcmp(argv[i], "--replay") == 0 && i + 1 < argc) {
			t.replay_endpoint = argv[++i];
		} else if (strcmp(argv[i], "--topic") == 0 && i + 1 < argc) {
			t.topics[t.n_topics++] = argv[++i];
		} else if (cli_curve_arg(&t.curve, argc, argv, &i)) {
			continue;
		} else if (strcmp(argv[i], "--count") == 0 && i + 1 < argc) {
			if ((t.count = tail_number("--count", argv[++i],
			    1, LONG_MAX)) < 0)
				goto out;
		} else if (strcmp(argv[i], "--timeout") == 0 &&
		    i + 1 < argc) {
			if ((t.timeout = tail_number("--timeout", argv[++i],
			    1, TAIL_TIMEOUT_MAX)) < 0)
				goto out;
		} else if (strcmp(argv[i], "--from") == 0 && i + 1 < argc) {
			if ((from = tail_number("--from", argv[++i], 1,
			    TAIL_PROBE_FROM)) < 0)
				goto out;
		} else if (argv[i][0] == '-' && i + 1 == argc &&
		    strncmp(argv[i], "--", 2) == 0) {
			cli_usage_error("tail", "%s needs a value", argv[i]);
			goto out;
		} else {
			cli_usage_error("tail", "unknown %s %s",
			    argv[i][0] == '-' ? "option" : "argument",
			    argv[i]);
			goto out;
		}
	}
	if (cli_curve_load(&t.curve, "tail") != 0)
		goto out;
	rc = 1;
	/* exit quietly on ^C or SIGTERM: zmq_poll returns EINTR */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	t.ctx = zmq_ctx_new();
	t.sub = t.ctx ? zmq_socket(t.ctx, ZMQ_SUB) : NULL;
	if (t.sub == NULL) {
		fprintf(stderr, "newswire tail: %s\n", zmq_strerror(errno));
		goto out;
	}
	zmq_setsockopt(t.sub, ZMQ_LINGER, &linger, sizeof(linger));
	/* every topic: the sequence runs over all of them */
	zmq_setsockopt(t.sub, ZMQ_SUBSCRIBE, "", 0);
	if (tail_monitor_start(&t) != 0) {
		fprintf(stderr, "newswire tail: monitor: %s\n",
		    zmq_strerror(errno));
		goto out;
	}
	if (cli_curve_apply(&t.curve, t.sub) != 0) {
		fprintf(stderr, "newswire tail: CURVE keys: %s\n",
		    zmq_strerror(errno));
		goto out;
	}
	if ((rc = tail_connect(t.sub, "--endpoint", t.endpoint)) != 0 ||
	    (rc = tail_dealer(&t)) != 0) {
		rc = rc == -2 ? 2 : 1;
		goto out;
	}
	rc = tail_run(&t, from);
out:
	for (size_t i = 0; i < t.n_buf; i++)
		ev_free(&t.buf[i]);
	free(t.buf);
	if (t.dealer != NULL)
		zmq_close(t.dealer);
	if (t.monitor != NULL)
		zmq_close(t.monitor);
	if (t.sub != NULL)
		zmq_close(t.sub);
	if (t.ctx != NULL)
		zmq_ctx_term(t.ctx);
	free(t.topics);
	return rc;
}
