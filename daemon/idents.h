/* One identity for an article across newswired nodes ([cluster] articles
 * = yes): an article's version is decided against a record shared by
 * every node, in a JetStream key-value bucket (default newswire_articles,
 * on the [output.nats] servers), so that two nodes seeing the same
 * article (the same id: canonical URL, else content hash) publish it
 * once as article.new, and each change of it once as article.updated.
 *
 * Key art.ID, value {"v": VERSION, "h": CONTENT_HASH, "o": NODE,
 * "p": HASH_OF_VERSION_BEFORE}: the last version published, by which
 * node. A node about to publish an article claims it on a worker, before
 * the commit path:
 * - no record: create one at version 1 (fails if another node created it
 *   meanwhile: read again);
 * - a record with the same hash: nothing to claim, the article is
 *   published (by the node it names);
 * - another hash: update to version v+1 at the revision read (a lost
 *   compare-and-set: read again).
 * The commit path then classifies against the record (idents_apply): a
 * version this node claimed is published by it as new or updated; one
 * another node claimed is a duplicate here (or unchanged, for an entry
 * already known), never a second article.new.
 *
 * A node that claims and dies before its journal commits leaves the
 * entry pending in its store: its restart publishes it (the record names
 * it). If it does not come back, the version is adopted: a record of
 * another node with the same hash, older than half a lease, whose node
 * is not alive (its node.ORIGIN lease key, with [cluster] leases) and
 * whose event ID:VERSION is not in the stream (read from the record's
 * source's subjects since its write), is written as this node's and
 * published here, under the same message ID. Without the bucket
 * (servers down) a claim gives up after a few seconds and the article
 * is classified by the node's own store, as without [cluster] articles;
 * the stream's duplicate window still drops an identical ID:VERSION.
 * Built with libnats only. */
#ifndef NW_IDENTS_H
#define NW_IDENTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct buf;
struct config;
struct idents;
struct log;
struct store;

/* The shared record as a claim left it. */
struct ident_claim {
	bool valid;             /* read (and claimed): apply it */
	bool mine;              /* this node wrote its version */
	int version;
	char hash[72];
	char prev[72];          /* the hash of version - 1; "" at 1 */
};

/* Starts connecting in the background. NULL with a reason. */
struct idents *idents_open(const struct config *c, const char *node,
    struct log *log, char *err, size_t errlen);

/* On a worker (blocks on the network, a few seconds at most): claims
 * the article id with content hash, seen under source, as above. */
void idents_claim(struct idents *x, const char *id, const char *hash,
    const char *source, struct ident_claim *out);

/* On the loop, in the commit's transaction, before the article is
 * classified: the node's store made to say what the record says. */
int idents_apply(struct store *s, const char *id,
    const struct ident_claim *cl, int64_t now, char *err, size_t errlen);

void idents_metrics(struct idents *x, struct buf *b);

void idents_free(struct idents *x);

#endif
