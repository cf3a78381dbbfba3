#include "output.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

struct output {
	struct output_ops ops;
	void *ctx;
	uint64_t sent;          /* events taken */
	uint64_t errors;        /* events refused (caught up later) */
	int64_t delivered;      /* seq safely delivered */
	bool failing;           /* its last event failed: logged once */
	uint64_t failed;        /* events refused since it started to */
};

struct outputs {
	struct output *v;
	size_t n;
};

struct outputs *
outputs_new(void)
{
	return xcalloc(1, sizeof(struct outputs));
}

size_t
outputs_add(struct outputs *o, const struct output_ops *ops, void *ctx)
{
	o->v = xrealloc(o->v, (o->n + 1) * sizeof(*o->v));
	memset(&o->v[o->n], 0, sizeof(*o->v));
	o->v[o->n].ops = *ops;
	o->v[o->n].ctx = ctx;
	return o->n++;
}

void
outputs_publish(struct outputs *o, const struct committed_event *ev,
    void (*log)(void *lctx, const char *output, int64_t seq,
    const char *why, uint64_t failed), void *lctx)
{
	char err[256];

	if (o == NULL)
		return;
	for (size_t i = 0; i < o->n; i++) {
		struct output *out = &o->v[i];

		err[0] = '\0';
		if (out->ops.publish(out->ctx, ev, err, sizeof(err)) == 0) {
			if (out->failing && log != NULL)
				log(lctx, out->ops.name, ev->seq, NULL,
				    out->failed);
			out->failing = false;
			out->failed = 0;
			out->sent++;
			if (!out->ops.acks && ev->seq > out->delivered)
				out->delivered = ev->seq;
			continue;
		}
		out->errors++;
		out->failed++;
		if (!out->failing && log != NULL)
			log(lctx, out->ops.name, ev->seq, err, out->failed);
		out->failing = true;
	}
}

void
outputs_flush(struct outputs *o)
{
	for (size_t i = 0; o != NULL && i < o->n; i++)
		if (o->v[i].ops.flush != NULL)
			o->v[i].ops.flush(o->v[i].ctx);
}

void
outputs_reload(struct outputs *o, const struct config *c)
{
	for (size_t i = 0; o != NULL && i < o->n; i++)
		if (o->v[i].ops.reload != NULL)
			o->v[i].ops.reload(o->v[i].ctx, c);
}

void
outputs_delivered(struct outputs *o, size_t h, int64_t seq)
{
	if (o != NULL && h < o->n && seq > o->v[h].delivered)
		o->v[h].delivered = seq;
}

static void
put_counter(struct buf *b, const char *name, const char *type,
    const char *help, struct outputs *o, int which)
{
	buf_printf(b, "# HELP %s %s\n# TYPE %s %s\n", name, help, name,
	    type);
	for (size_t i = 0; i < o->n; i++)
		buf_printf(b, "%s{output=\"%s\"} %lld\n", name,
		    o->v[i].ops.name, which == 0 ?
		    (long long)o->v[i].sent : which == 1 ?
		    (long long)o->v[i].errors : (long long)o->v[i].delivered);
}

void
outputs_metrics(struct outputs *o, struct buf *out)
{
	if (o == NULL || o->n == 0)
		return;
	put_counter(out, "newswire_output_events_total", "counter",
	    "Committed events an output took.", o, 0);
	put_counter(out, "newswire_output_errors_total", "counter",
	    "Events an output could not take at once (it catches up "
	    "from the journal).", o, 1);
	put_counter(out, "newswire_output_delivered_seq", "gauge",
	    "The last seq an output holds safely (written, sent or "
	    "acknowledged).", o, 2);
	for (size_t i = 0; i < o->n; i++)
		if (o->v[i].ops.metrics != NULL)
			o->v[i].ops.metrics(o->v[i].ctx, out);
}

void
outputs_free(struct outputs *o)
{
	if (o == NULL)
		return;
	for (size_t i = 0; i < o->n; i++)
		if (o->v[i].ops.free != NULL)
			o->v[i].ops.free(o->v[i].ctx);
	free(o->v);
	free(o);
}
