/* newswire tail [--endpoint E] [--topic PREFIX]... [--count N]: subscribes
 * to newswired's PUB socket and prints the JSON of each event, one per
 * line, flushed, until interrupted (or N events). */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zmq.h>

#include "cli.h"

#define TAIL_DEFAULT_ENDPOINT "tcp://127.0.0.1:5556"

/* Does nothing: its only effect is that a blocked receive returns EINTR. */
static void
tail_on_signal(int sig)
{
	(void)sig;
}

static int
tail_usage(void)
{
	fprintf(stderr, "usage: newswire tail [--endpoint E] "
	    "[--topic PREFIX]... [--count N]\n");
	return 2;
}

/* Receives one frame into a new string; NULL on interrupt or error. */
static char *
recv_frame(void *sock, int *more)
{
	zmq_msg_t msg;
	char *s = NULL;
	size_t more_len = sizeof(*more);

	zmq_msg_init(&msg);
	if (zmq_msg_recv(&msg, sock, 0) >= 0) {
		size_t n = zmq_msg_size(&msg);

		s = malloc(n + 1);
		if (s != NULL) {
			memcpy(s, zmq_msg_data(&msg), n);
			s[n] = '\0';
		}
		zmq_getsockopt(sock, ZMQ_RCVMORE, more, &more_len);
	}
	zmq_msg_close(&msg);
	return s;
}

/* Prints the last frame of each message (the event JSON); returns 0 on an
 * interrupt, 1 on an error. */
static int
tail_loop(void *sock, long count)
{
	for (long seen = 0; count <= 0 || seen < count; ) {
		int more = 0;
		char *frame = recv_frame(sock, &more);
		char *last = NULL;

		while (frame != NULL && more) {
			free(last);
			last = frame;
			frame = recv_frame(sock, &more);
		}
		free(last);
		if (frame == NULL) {
			if (errno == EINTR)
				return 0;
			fprintf(stderr, "newswire tail: %s\n",
			    zmq_strerror(errno));
			return 1;
		}
		fputs(frame, stdout);
		fputc('\n', stdout);
		fflush(stdout);
		free(frame);
		seen++;
	}
	return 0;
}

int
cmd_tail(int argc, char **argv)
{
	const char *endpoint = TAIL_DEFAULT_ENDPOINT;
	const char **topics = calloc((size_t)argc, sizeof(*topics));
	size_t n_topics = 0;
	long count = 0;
	void *ctx = NULL, *sock = NULL;
	struct sigaction sa = { .sa_handler = tail_on_signal };
	int linger = 0;
	int rc = 1;

	if (topics == NULL)
		return 1;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--endpoint") == 0 && i + 1 < argc) {
			endpoint = argv[++i];
		} else if (strcmp(argv[i], "--topic") == 0 && i + 1 < argc) {
			topics[n_topics++] = argv[++i];
		} else if (strcmp(argv[i], "--count") == 0 && i + 1 < argc) {
			count = strtol(argv[++i], NULL, 10);
		} else {
			free(topics);
			return tail_usage();
		}
	}
	/* exit quietly on ^C or SIGTERM: zmq_msg_recv returns EINTR */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	ctx = zmq_ctx_new();
	sock = ctx ? zmq_socket(ctx, ZMQ_SUB) : NULL;
	if (sock == NULL) {
		fprintf(stderr, "newswire tail: %s\n", zmq_strerror(errno));
		goto out;
	}
	zmq_setsockopt(sock, ZMQ_LINGER, &linger, sizeof(linger));
	if (n_topics == 0)
		zmq_setsockopt(sock, ZMQ_SUBSCRIBE, "", 0);
	for (size_t i = 0; i < n_topics; i++)
		zmq_setsockopt(sock, ZMQ_SUBSCRIBE, topics[i],
		    strlen(topics[i]));
	if (zmq_connect(sock, endpoint) != 0) {
		fprintf(stderr, "newswire tail: %s: %s\n", endpoint,
		    zmq_strerror(errno));
		goto out;
	}
	rc = tail_loop(sock, count);
out:
	if (sock != NULL)
		zmq_close(sock);
	if (ctx != NULL)
		zmq_ctx_term(ctx);
	free(topics);
	return rc;
}
