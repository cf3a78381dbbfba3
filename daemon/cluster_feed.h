/* The window's indexes fed from the stream ([cluster] articles = yes):
 * duplicates and stories found across what every node published, not
 * only what this node committed (issue 12 item 3).
 *
 * A thread of its own reads the stream's article.new and article.updated
 * events through an ordered consumer (PREFIX.article.>), skips this
 * node's own (origin.id) and the others, and rebuilds from each event
 * what the commit path indexes: the duplicate print of its body
 * (dup_print_text(), article.new only: the index holds originals) and
 * its story signature and time (story_signature(), story_time(), from
 * its title, body, people, organisations, published and dateline). The
 * loop files them as a restart files the store's rows: a row in the
 * store's dup_prints and stories tables (so a restart loads them with
 * its own, and a duplicate of a remote original finds its story there),
 * then dup_index_add() and story_index_restore(). The stream position
 * filed goes into the same transaction (store_acks.h), and a restart
 * resumes after it; a node without one starts at the window's start.
 *
 * So the same text under two sources owned by two nodes is
 * article.duplicate on the second, with the first article's id and
 * story, and two nodes' reports of one event share a story id, once the
 * first is in the stream and read (a fraction of a second on a LAN).
 * Built with libnats only. */
#ifndef NW_CLUSTER_FEED_H
#define NW_CLUSTER_FEED_H

#include <stddef.h>

struct buf;
struct cluster_feed;
struct daemon;

/* Starts reading the stream in the background (d's store, indexes,
 * configuration, loop). NULL with a reason. */
struct cluster_feed *cluster_feed_open(struct daemon *d, char *err,
    size_t errlen);

void cluster_feed_metrics(struct cluster_feed *f, struct buf *b);

/* Stops the thread; what it read and the loop did not file is read
 * again by the next start. Before the NATS output is freed. */
void cluster_feed_free(struct cluster_feed *f);

#endif
