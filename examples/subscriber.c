/* A newswire subscriber in C, against libzmq and jansson, without CURVE:
 * it follows newswired's events and catches up on what it missed through
 * the replay socket, as docs/events.md ("Catching up") describes. Each
 * event is handled once, in seq order: here, printed as "SEQ TOPIC TITLE".
 *
 *   cc -o subscriber subscriber.c $(pkg-config --cflags --libs libzmq jansson)
 *   ./subscriber [--endpoint E] [--replay R] [--from SEQ] [--count N]
 *
 * --from SEQ starts at SEQ (1: everything the journal still holds);
 * without it, the subscriber starts with the next event. --count N stops
 * after N events. */
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zmq.h>

#define MAX_WAITING 4096        /* live events kept while a gap is filled */

struct waiting {
	long long seq;
	char *topic;
	json_t *event;
};

struct sub {
	void *sub, *dealer;
	long long done;         /* highest seq handled; -1: not known yet */
	int asking;             /* a replay request is out */
	long count, handled;
	struct waiting w[MAX_WAITING];
	int n;                  /* waiting events, sorted by seq */
};

static void
handle(struct sub *s, long long seq, const char *topic, json_t *event)
{
	const char *title = json_string_value(json_object_get(event, "title"));

	if (title == NULL)
		title = json_string_value(json_object_get(event, "error"));
	printf("%lld %s %s\n", seq, topic, title ? title : "");
	fflush(stdout);
	s->done = seq;
	s->handled++;
}

static int
ask(struct sub *s, long long from, long long to)
{
	char req[80];
	int n = to > 0 ? snprintf(req, sizeof(req),
	    "{\"from\":%lld,\"to\":%lld}", from, to) :
	    snprintf(req, sizeof(req), "{\"from\":%lld}", from);

	s->asking = 1;
	return zmq_send(s->dealer, req, (size_t)n, 0) < 0 ? -1 : 0;
}

/* Handles the waiting events that follow done; asks for the gap before
 * the next one. */
static int
drain(struct sub *s)
{
	int i = 0;

	while (i < s->n && s->w[i].seq <= s->done + 1) {
		if (s->w[i].seq == s->done + 1)
			handle(s, s->w[i].seq, s->w[i].topic, s->w[i].event);
		free(s->w[i].topic);
		json_decref(s->w[i].event);
		i++;
	}
	memmove(s->w, s->w + i, (size_t)(s->n - i) * sizeof(s->w[0]));
	s->n -= i;
	if (s->n > 0 && !s->asking)
		return ask(s, s->done + 1, s->w[0].seq - 1);
	return 0;
}

/* Keeps a live event ahead of done (dropped when too many wait: the next
 * replay brings it). */
static void
keep(struct sub *s, long long seq, const char *topic, json_t *event)
{
	int i = s->n;

	while (i > 0 && s->w[i - 1].seq >= seq)
		i--;
	if ((i < s->n && s->w[i].seq == seq) || s->n == MAX_WAITING)
		return;
	memmove(s->w + i + 1, s->w + i, (size_t)(s->n - i) * sizeof(s->w[0]));
	s->w[i].seq = seq;
	s->w[i].topic = strdup(topic);
	s->w[i].event = json_incref(event);
	s->n++;
}

/* Receives a two-frame message: topic into topic, the JSON parsed. */
static json_t *
receive(void *sock, char *topic, size_t topiclen)
{
	zmq_msg_t m;
	json_t *event = NULL;
	int n;

	n = zmq_recv(sock, topic, topiclen - 1, 0);
	if (n < 0)
		return NULL;
	topic[(size_t)n < topiclen - 1 ? (size_t)n : topiclen - 1] = '\0';
	zmq_msg_init(&m);
	if (zmq_msg_recv(&m, sock, 0) >= 0)
		event = json_loadb(zmq_msg_data(&m), zmq_msg_size(&m), 0,
		    NULL);
	zmq_msg_close(&m);
	return event;
}

static long long
integer(json_t *o, const char *key)
{
	return (long long)json_integer_value(json_object_get(o, key));
}

static int
live(struct sub *s, const char *topic, json_t *event)
{
	long long seq;

	if (strcmp(topic, "heartbeat") == 0) {
		/* every event up to last_seq went out before it */
		long long last = integer(event, "last_seq");

		if (s->done < 0)
			s->done = last;
		else if (last > s->done && !s->asking)
			return ask(s, s->done + 1, last);
		return 0;
	}
	seq = integer(event, "seq");
	if (s->done < 0)
		s->done = seq - 1;
	if (seq <= s->done)
		return 0;
	keep(s, seq, topic, event);
	return drain(s);
}

static int
replayed(struct sub *s, const char *topic, json_t *event)
{
	long long to;

	if (strcmp(topic, "replay.error") == 0) {
		fprintf(stderr, "replay refused: %s\n", json_string_value(
		    json_object_get(event, "error")));
		return -1;
	}
	if (strcmp(topic, "replay.end") != 0) {
		if (integer(event, "seq") > s->done)
			handle(s, integer(event, "seq"), topic, event);
		return 0;
	}
	s->asking = 0;
	if (json_is_true(json_object_get(event, "gone")))
		printf("# part of the range is gone from the journal\n");
	/* every event up to "to" was sent, or was not asked for */
	to = integer(event, "to");
	if (to > s->done)
		s->done = to;
	return drain(s);
}

int
main(int argc, char **argv)
{
	const char *endpoint = "tcp://127.0.0.1:5556";
	const char *replay = "tcp://127.0.0.1:5557";
	static struct sub s = { .done = -1 };
	long long from = 0;
	void *ctx = zmq_ctx_new();
	char topic[256];
	int rc = 0;

	for (int i = 1; i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "--endpoint") == 0)
			endpoint = argv[i + 1];
		else if (strcmp(argv[i], "--replay") == 0)
			replay = argv[i + 1];
		else if (strcmp(argv[i], "--from") == 0)
			from = atoll(argv[i + 1]);
		else if (strcmp(argv[i], "--count") == 0)
			s.count = atol(argv[i + 1]);
		else {
			fprintf(stderr, "usage: subscriber [--endpoint E] "
			    "[--replay R] [--from SEQ] [--count N]\n");
			return 2;
		}
	}
	s.sub = zmq_socket(ctx, ZMQ_SUB);
	s.dealer = zmq_socket(ctx, ZMQ_DEALER);
	zmq_setsockopt(s.sub, ZMQ_LINGER, &(int){ 0 }, sizeof(int));
	zmq_setsockopt(s.dealer, ZMQ_LINGER, &(int){ 0 }, sizeof(int));
	/* every topic: the sequence runs over all of them */
	zmq_setsockopt(s.sub, ZMQ_SUBSCRIBE, "", 0);
	if (zmq_connect(s.sub, endpoint) != 0 ||
	    zmq_connect(s.dealer, replay) != 0) {
		fprintf(stderr, "connect: %s\n", zmq_strerror(zmq_errno()));
		return 1;
	}
	if (from > 0) {
		s.done = from - 1;
		ask(&s, from, 0);
	}
	while (rc == 0 && (s.count <= 0 || s.handled < s.count)) {
		zmq_pollitem_t items[] = {
			{ s.sub, 0, ZMQ_POLLIN, 0 },
			{ s.dealer, 0, ZMQ_POLLIN, 0 },
		};
		json_t *event;

		if (zmq_poll(items, 2, 1000) < 0)
			break;
		if ((items[0].revents & ZMQ_POLLIN) &&
		    (event = receive(s.sub, topic, sizeof(topic))) != NULL) {
			rc = live(&s, topic, event);
			json_decref(event);
		}
		if (rc == 0 && (items[1].revents & ZMQ_POLLIN) &&
		    (event = receive(s.dealer, topic,
		    sizeof(topic))) != NULL) {
			rc = replayed(&s, topic, event);
			json_decref(event);
		}
	}
	for (int i = 0; i < s.n; i++) {
		free(s.w[i].topic);
		json_decref(s.w[i].event);
	}
	zmq_close(s.sub);
	zmq_close(s.dealer);
	zmq_ctx_term(ctx);
	return rc == 0 ? 0 : 1;
}
