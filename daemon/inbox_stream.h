/* What a dead node published of the inbox files it held: a node that
 * adopts the files a dead node left claimed (ingest_adopt()) asks the
 * stream, before it publishes one, whether the dead node's event for it
 * is there (the dead node committed it and its event went out, but it
 * died before moving the file). Its journal and store went with it: the
 * replicated stream is the only record of what it published. A node
 * asks it too about a file perhaps put back by hand into a shared inbox
 * (ingest_int.h, ask_back_set()): whether another node published it.
 *
 * An event is the file's when it is the dead node's (origin.id; or of
 * a node it had adopted the file from, dead too), of the
 * folder source (subject PREFIX.*.*.SOURCE), published since the file
 * was written, its source.uri ends in the file's name, and, when both
 * are articles, its content_hash is the file's (a file of that name
 * published before this one is not taken for it). Read through an
 * ordered consumer from the start time, on a worker; its connection is
 * made at the first question. Built with libnats only. */
#ifndef NW_INBOX_STREAM_H
#define NW_INBOX_STREAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct config;
struct inbox_stream;

struct inbox_stream *inbox_stream_open(const struct config *c,
    char *err, size_t errlen);

/* How a read that did not find the file's event ended. */
enum inbox_ask_end {
	ASK_END_LAST,           /* at the stream's last event */
	ASK_END_UNTIL,          /* at an event stored past until_s */
	ASK_END_AGED,           /* ... and the stream holds nothing from
	                           before since_s any more (its first
	                           events removed: max_age, limits, a
	                           purge): the file's may have gone */
};

/* The file's event, as the stream has it. */
struct inbox_event {
	char origin[64];        /* the node that published it */
	int64_t seq;            /* its seq */
	bool failed;            /* a source.error: the file failed there */
	/* not found (any node's, id given): the last event read of the
	 * file's name and article id with another content_hash, the
	 * article as it was published before (version 0: none) */
	int version;
	char hash[65];
	char prior_origin[64];
	int64_t prior_seq;
	enum inbox_ask_end end; /* not found: how the read ended */
	int64_t first_s;        /* ... ASK_END_AGED: the stream's first
	                           event's time (epoch seconds; 0: none) */
};

/* Whether one of origins (comma-separated: the nodes that held it)
 * published the file name (content_hash: its article's, or NULL when it
 * fails here) since since_s (epoch seconds); origins NULL: whether any
 * node published it as an article whose content_hash is content_hash (a
 * file put back by hand into a shared inbox, which another node published:
 * ingest_asks.c's ask_back_set()), and, id not NULL, the last event of its
 * name and article id with another content_hash into ev (version, hash:
 * published before, changed since); until_s over 0: the events stored
 * after it not read, taken for not there. Read from the stream's sequence
 * *next instead when it is over 0. 1 yes (ev filled), 0 no, -1 not known
 * (no server, or the read did not end in time: *next is then past the last
 * event read, where a later read of the file goes on). Thread-safe: a
 * worker's. */
int inbox_stream_find(struct inbox_stream *x, const char *origins,
    const char *name, const char *content_hash, const char *id,
    int64_t since_s, int64_t until_s, int64_t *next,
    struct inbox_event *ev);

void inbox_stream_free(struct inbox_stream *x);

#endif
