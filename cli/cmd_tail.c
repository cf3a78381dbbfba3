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
 * only when a --topic selects them. */
#include <errno.h>
#include <jansson.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zmq.h>

#include "cli.h"

#define TAIL_DEFAULT_ENDPOINT "tcp://127.0.0.1:5556"
#define TAIL_DEFAULT_REPLAY "tcp://127.0.0.1:5557"
/* Live events kept while a replay runs; past this, newer ones are let go
 * and fetched by the next replay. */
#define TAIL_BUFFER_MAX 100000
/* Seconds without a word from the replay socket before the request is
 * made again on a fresh socket (the daemon may have restarted). */
#define TAIL_REPLAY_TIMEOUT 10

struct tail_ev {
	int64_t seq;
	char *topic;
	char *json;
};

struct tail {
	void *ctx;
	void *sub;
	void *dealer;
	const char *replay_endpoint;
	const char **topics;
	size_t n_topics;
	long count;             /* stop after this many; <= 0: never */
	long printed;
	int64_t done;           /* every seq up to this one is handled;
	                           -1: not known yet */
	bool asking;            /* a replay request is out */
	time_t asked_at;        /* when it was sent or last answered */
	int64_t ask_from, ask_to;  /* ask_to 0: up to the journal's end */
	char origin[128];       /* id/epoch of the stream followed */
	struct tail_ev *buf;    /* waiting live events, by seq */
	size_t n_buf;
	struct cli_curve curve; /* CURVE client keys, if given */
};

/* Does nothing: its only effect is that a blocked call returns EINTR. */
static void
tail_on_signal(int sig)
{
	(void)sig;
}

static int
tail_usage(void)
{
	fprintf(stderr, "usage: newswire tail [--endpoint E] [--replay R] "
	    "[--from SEQ] [--topic PREFIX]... [--count N]\n"
	    "    [--curve-server-key FILE --curve-key FILE]\n");
	return 2;
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
	if (cli_curve_apply(&t->curve, t->dealer) != 0 ||
	    zmq_connect(t->dealer, t->replay_endpoint) != 0) {
		fprintf(stderr, "newswire tail: %s: %s\n", t->replay_endpoint,
		    zmq_strerror(errno));
		return -1;
	}
	return 0;
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
	while (!tail_finished(t)) {
		zmq_pollitem_t items[2] = {
			{ t->sub, 0, ZMQ_POLLIN, 0 },
			{ t->dealer, 0, ZMQ_POLLIN, 0 },
		};

		if (zmq_poll(items, 2, 1000) < 0) {
			if (errno == EINTR)
				return 0;
			fprintf(stderr, "newswire tail: %s\n",
			    zmq_strerror(errno));
			return 1;
		}
		if (tail_receive(t) != 0)
			return 1;
		if (t->asking && time(NULL) - t->asked_at >
		    TAIL_REPLAY_TIMEOUT) {
			/* the daemon may have restarted and lost it */
			if (tail_dealer(t) != 0 ||
			    tail_ask(t, t->done + 1, t->ask_to) != 0)
				return 1;
		}
	}
	return 0;
}

int
cmd_tail(int argc, char **argv)
{
	const char *endpoint = TAIL_DEFAULT_ENDPOINT;
	struct tail t = {
		.replay_endpoint = TAIL_DEFAULT_REPLAY,
		.done = -1,
	};
	struct sigaction sa = { .sa_handler = tail_on_signal };
	int64_t from = 0;
	int linger = 0;
	int rc = 1;
	char *end;

	t.topics = calloc((size_t)argc, sizeof(*t.topics));
	if (t.topics == NULL)
		return 1;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--endpoint") == 0 && i + 1 < argc) {
			endpoint = argv[++i];
		} else if (strcmp(argv[i], "--replay") == 0 && i + 1 < argc) {
			t.replay_endpoint = argv[++i];
		} else if (strcmp(argv[i], "--topic") == 0 && i + 1 < argc) {
			t.topics[t.n_topics++] = argv[++i];
		} else if (cli_curve_arg(&t.curve, argc, argv, &i)) {
			continue;
		} else if (strcmp(argv[i], "--count") == 0 && i + 1 < argc) {
			t.count = strtol(argv[++i], NULL, 10);
		} else if (strcmp(argv[i], "--from") == 0 && i + 1 < argc) {
			from = strtoll(argv[++i], &end, 10);
			if (*end != '\0' || from < 1) {
				fprintf(stderr, "newswire tail: --from: a "
				    "sequence number, 1 or more\n");
				free(t.topics);
				return 2;
			}
		} else {
			free(t.topics);
			return tail_usage();
		}
	}
	if (cli_curve_load(&t.curve, "tail") != 0) {
		free(t.topics);
		return 2;
	}
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
	if (cli_curve_apply(&t.curve, t.sub) != 0 ||
	    zmq_connect(t.sub, endpoint) != 0) {
		fprintf(stderr, "newswire tail: %s: %s\n", endpoint,
		    zmq_strerror(errno));
		goto out;
	}
	if (tail_dealer(&t) != 0)
		goto out;
	rc = tail_run(&t, from);
out:
	for (size_t i = 0; i < t.n_buf; i++)
		ev_free(&t.buf[i]);
	free(t.buf);
	if (t.dealer != NULL)
		zmq_close(t.dealer);
	if (t.sub != NULL)
		zmq_close(t.sub);
	if (t.ctx != NULL)
		zmq_ctx_term(t.ctx);
	free(t.topics);
	return rc;
}
