/* Source ownership across newswired nodes ([cluster] leases = yes): a
 * lease per source in a JetStream key-value bucket (default
 * newswire_sources, on the [output.nats] servers), so that N nodes with
 * the same sources each poll only the ones they hold.
 *
 * Key src.NAME (hex when NAME has characters a key cannot), value
 *   {"owner": NODE, "until": EPOCH_MS, "state": STRING-or-null}
 * - a free source is taken with a create (fails if the key exists);
 * - a held lease is renewed every lease_seconds/3 with an update at the
 *   revision last written: an update that fails (someone else wrote: a
 *   lost compare-and-set) means the lease is lost: stop polling at once;
 * - an expired lease (until in the past: its node died) is taken with an
 *   update at the revision read: one contender wins;
 * - takes and late renewals are read back from the stream's leader once
 *   settled (nats-server 2.9 lets two racing compare-and-sets on a
 *   replicated key both succeed: the last applied stands); takes in
 *   batches of a few, each polled as soon as its batch is confirmed, and
 *   never past the time of the next round's renewals;
 * - the loop stops polling a source whose lease ran out unrenewed, and a
 *   lease given up is deleted only once the loop stopped polling it;
 * - each node holds at most its share, ceil(sources / live nodes), live
 *   nodes being the keys node.NODE renewed like leases; a node over its
 *   share gives what is over it up in one round (deletes the leases):
 *   three nodes started together share 200 sources in two rounds;
 * - state travels with the lease: the owner writes its HTTP validators
 *   there; a new owner gets them with the lease (conditional GET);
 * - so do the entries published: key ent.NAME, written by the owner
 *   (only while it holds the lease) soon after they change, read by a
 *   new owner once the lease is its own.
 * Clean shutdown deletes the held leases, so others take them at once.
 *
 * The bucket is talked to from a thread of the module's own; the loop
 * hears of changes through an eventfd. Node clocks must agree to within a
 * small part of lease_seconds (NTP). Built with libnats only. */
#ifndef NW_LEASES_H
#define NW_LEASES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct buf;
struct config;
struct event_base;
struct leases;
struct log;

/* Called on the loop when a lease is won (state and ents: what the last
 * owner left, or NULL) or lost (both NULL). */
typedef void (*leases_cb)(void *ctx, const char *name, bool owned,
    const char *state, const char *ents);

struct leases *leases_open(const struct config *c, struct event_base *base,
    const char *node, struct log *log, leases_cb cb, void *ctx, char *err,
    size_t errlen);

/* The sources to hold leases for (replaces the set; leases of sources
 * gone are given up). */
void leases_want(struct leases *l, const char *const *names, size_t n);

/* What to carry with name's lease from its next renewal on. */
void leases_set_state(struct leases *l, const char *name,
    const char *state);

/* The entries of name published (its ent.NAME value), written soon while
 * its lease is held. */
void leases_set_entries(struct leases *l, const char *name,
    const char *ents);

/* As the loop last heard. */
bool leases_owned(struct leases *l, const char *name);

/* Whether node is known dead, for what it left behind since since_ms
 * (epoch ms): its node.NODE key is not in the bucket (a live node
 * purged it, unrenewed for 10 leases, or it never wrote one), as a
 * count of the last lease read, and since_ms is 10 leases past (a node
 * just started writes its key in its first round). Never this node. */
bool leases_node_gone(struct leases *l, const char *node,
    int64_t since_ms);

/* Whether what this node claimed at since_ms (epoch ms: a file's claim
 * in a shared inbox, its ctime) may still be published here: since_ms is
 * less than half of those 10 leases past, so no live node may adopt it
 * (leases_node_gone()) before it is journalled and moved out, whether or
 * not this node's key is alive meanwhile (cut off from NATS, or just
 * restarted). Any thread. */
bool leases_claim_fresh(const struct leases *l, int64_t since_ms);

void leases_metrics(struct leases *l, struct buf *b);

/* Gives up the leases held and stops. */
void leases_free(struct leases *l);

#endif
