/* newswire tail --nats URL: the events of a JetStream stream (newswired's
 * [output.nats]), one JSON line each, in the stream's order. With
 * --durable NAME, through a durable pull consumer: each event is
 * acknowledged once printed, and the next run with the same name goes on
 * after the last one acknowledged. Without, through an ordered consumer
 * (nothing is kept on the server). --from SEQ starts at the stream's
 * sequence SEQ (for a durable: when it is created). */
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "nw_config.h"
#include "util.h"

#ifdef HAVE_LIBNATS
#include <nats/nats.h>

#define TAIL_NATS_BATCH 64
#define TAIL_NATS_WAIT_MS 1000

static volatile sig_atomic_t tail_nats_stop;

static void
tail_nats_on_signal(int sig)
{
	(void)sig;
	tail_nats_stop = 1;
}

struct tail_nats {
	const char *url, *durable, *stream, *prefix;
	int64_t from;
	long count;
	long printed;
};

static int
tail_nats_usage(void)
{
	fprintf(stderr, "usage: newswire tail --nats URL [--durable NAME] "
	    "[--from SEQ] [--stream NAME]\n"
	    "    [--prefix SUBJECT_PREFIX] [--count N]\n");
	return 2;
}

static bool
tail_nats_done(const struct tail_nats *t)
{
	return tail_nats_stop || (t->count > 0 && t->printed >= t->count);
}

static void
tail_nats_print(struct tail_nats *t, natsMsg *m)
{
	fwrite(natsMsg_GetData(m), 1, (size_t)natsMsg_GetDataLength(m),
	    stdout);
	fputc('\n', stdout);
	fflush(stdout);
	t->printed++;
}

/* A durable pull consumer: fetch a batch (never more than is still to
 * print, so nothing is left delivered and unacknowledged), print, ack. */
static natsStatus
tail_nats_pull(struct tail_nats *t, natsSubscription *sub)
{
	while (!tail_nats_done(t)) {
		natsMsgList list = { 0 };
		long want = TAIL_NATS_BATCH;
		jsErrCode jerr = 0;
		natsStatus s;

		if (t->count > 0 && t->count - t->printed < want)
			want = t->count - t->printed;
		s = natsSubscription_Fetch(&list, sub, (int)want,
		    TAIL_NATS_WAIT_MS, &jerr);
		if (s == NATS_TIMEOUT)
			continue;
		if (s != NATS_OK)
			return s;
		for (int i = 0; i < list.Count; i++) {
			tail_nats_print(t, list.Msgs[i]);
			s = natsMsg_Ack(list.Msgs[i], NULL);
			if (s != NATS_OK) {
				natsMsgList_Destroy(&list);
				return s;
			}
		}
		natsMsgList_Destroy(&list);
	}
	return NATS_OK;
}

/* An ordered consumer: the library re-creates it on a gap. */
static natsStatus
tail_nats_ordered(struct tail_nats *t, natsSubscription *sub)
{
	while (!tail_nats_done(t)) {
		natsMsg *m = NULL;
		natsStatus s = natsSubscription_NextMsg(&m, sub,
		    TAIL_NATS_WAIT_MS);

		if (s == NATS_TIMEOUT)
			continue;
		if (s != NATS_OK)
			return s;
		tail_nats_print(t, m);
		natsMsg_Destroy(m);
	}
	return NATS_OK;
}

static natsStatus
tail_nats_run(struct tail_nats *t)
{
	natsConnection *nc = NULL;
	natsSubscription *sub = NULL;
	jsCtx *js = NULL;
	jsSubOptions so;
	jsErrCode jerr = 0;
	char filter[256];
	natsStatus s;

	snprintf(filter, sizeof(filter), "%s.>", t->prefix);
	s = natsConnection_ConnectTo(&nc, t->url);
	if (s == NATS_OK)
		s = natsConnection_JetStream(&js, nc, NULL);
	if (s != NATS_OK)
		goto out;
	jsSubOptions_Init(&so);
	so.Stream = t->stream;
	if (t->from > 0) {
		so.Config.DeliverPolicy = js_DeliverByStartSequence;
		so.Config.OptStartSeq = (uint64_t)t->from;
	}
	if (t->durable != NULL) {
		so.Config.AckPolicy = js_AckExplicit;
		s = js_PullSubscribe(&sub, js, filter, t->durable, NULL, &so,
		    &jerr);
		if (s == NATS_OK)
			s = tail_nats_pull(t, sub);
	} else {
		so.Ordered = true;
		s = js_SubscribeSync(&sub, js, filter, NULL, &so, &jerr);
		if (s == NATS_OK)
			s = tail_nats_ordered(t, sub);
	}
	/* the acknowledgements reach the server before we go */
	if (s == NATS_OK)
		s = natsConnection_FlushTimeout(nc, 5000);
out:
	if (s != NATS_OK)
		fprintf(stderr, "newswire tail: %s: %s%s\n", t->url,
		    natsStatus_GetText(s), jerr != 0 ?
		    " (JetStream error)" : "");
	natsSubscription_Destroy(sub);
	jsCtx_Destroy(js);
	natsConnection_Destroy(nc);
	return s;
}

int
cmd_tail_nats(int argc, char **argv)
{
	struct tail_nats t = { .stream = "NEWSWIRE", .prefix = "newswire" };
	struct sigaction sa = { .sa_handler = tail_nats_on_signal };
	char why[160];
	natsStatus s;

	for (int i = 1; i < argc; i++) {
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (v != NULL && strcmp(argv[i], "--nats") == 0)
			t.url = v;
		else if (v != NULL && strcmp(argv[i], "--durable") == 0)
			t.durable = v;
		else if (v != NULL && strcmp(argv[i], "--stream") == 0)
			t.stream = v;
		else if (v != NULL && strcmp(argv[i], "--prefix") == 0)
			t.prefix = v;
		else if (v != NULL && (strcmp(argv[i], "--from") == 0 ||
		    strcmp(argv[i], "--count") == 0)) {
			long long n;

			/* a stream sequence is a uint64; a count a long */
			if (parse_number(v, 1, argv[i][2] == 'f' ? LLONG_MAX :
			    LONG_MAX, &n, why, sizeof(why)) != 0) {
				fprintf(stderr, "newswire tail: %s: %s\n",
				    argv[i], why);
				return 2;
			}
			if (argv[i][2] == 'f')
				t.from = n;
			else
				t.count = (long)n;
		} else
			return tail_nats_usage();
		i++;
	}
	if (t.url == NULL)
		return tail_nats_usage();
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	s = tail_nats_run(&t);
	nats_CloseAndWait(2000);
	return s == NATS_OK ? 0 : 1;
}

#else

int
cmd_tail_nats(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "newswire tail: --nats: this newswire was built "
	    "without libnats (meson -Dnats=enabled)\n");
	return 2;
}

#endif
