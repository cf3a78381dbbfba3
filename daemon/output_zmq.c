#include "output_zmq.h"

#include "publisher.h"

static int
zmq_publish(void *ctx, const struct committed_event *ev, char *err,
    size_t errlen)
{
	return publisher_send(ctx, ev->topic, ev->json, err, errlen);
}

static void
zmq_metrics(void *ctx, struct buf *b)
{
	buf_printf(b, "# HELP newswire_publish_dropped_total Events the PUB "
	    "socket refused (EAGAIN: no subscriber got them). A slow "
	    "subscriber past the high-water mark loses events without this "
	    "count: it sees a gap in seq and replays it.\n"
	    "# TYPE newswire_publish_dropped_total counter\n"
	    "newswire_publish_dropped_total %llu\n",
	    (unsigned long long)publisher_dropped(ctx));
	buf_printf(b, "# HELP newswire_publish_refused_total Subscription "
	    "messages refused: not a subscription, a prefix too long, or too "
	    "many on one connection. (A message over the size limit ends "
	    "its connection inside ZeroMQ, uncounted.)\n"
	    "# TYPE newswire_publish_refused_total counter\n"
	    "newswire_publish_refused_total %llu\n",
	    (unsigned long long)publisher_refused(ctx));
}

static void
zmq_free(void *ctx)
{
	(void)ctx;      /* the daemon closes its publisher last */
}

const struct output_ops output_zmq_ops = {
	.name = "zmq",
	.publish = zmq_publish,
	.metrics = zmq_metrics,
	.free = zmq_free,
};
