/* The daemon's state: SQLite in WAL mode in the state folder. It holds
 * the items seen (id, content hash, version), the event journal (seq,
 * topic, event JSON) and the inbox files whose events are committed, so
 * that a restart after a crash between commit and move does not publish
 * twice. Only the loop thread uses a store. Writes happen between
 * store_begin() and store_commit(): one transaction per batch of results.
 *
 * Every SQL statement of the daemon is in the store's files: store.c
 * (items, journal, meta, stories, duplicate prints), store_items.c (an
 * article's items row read and set directly, store_items.h),
 * store_files.c (the inbox files' records, store_files.h),
 * store_feeds.c (the feed sources' tables, feeds_store.h), store_acks.c
 * (the outputs' acknowledged seqs and the stream readers' positions,
 * store_acks.h) and store_conn.c (the connections of their own that
 * replay and retention use, store_conn.h); store_int.h is for these
 * files only. store_log.c (store_log.h), with no SQL of its own, logs
 * the store's failed writes once per change of state. */
#ifndef NW_STORE_H
#define NW_STORE_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct store;

/* Opens (creating if needed) DIR/newswire.db. A new store gets a random
 * origin id and epoch. Returns NULL with a reason in err; a state folder
 * that cannot be made, is not a folder or cannot be written is named,
 * with the system's reason. */
struct store *store_open(const char *dir, bool sync_full, char *err,
    size_t errlen);
void store_close(struct store *s);

const char *store_origin_id(const struct store *s);
int64_t store_origin_epoch(const struct store *s);
/* The last sequence number handed out (committed or in the open
 * transaction); 0 for an empty journal. */
int64_t store_last_seq(const struct store *s);

int store_begin(struct store *s, char *err, size_t errlen);
int store_commit(struct store *s, char *err, size_t errlen);
/* Undoes the open transaction, sequence numbers included. */
void store_rollback(struct store *s);
/* SQLite's (extended) result code of the failure the last rollback
 * undid, for store_log.h: SQLITE_FULL, SQLITE_READONLY... */
int store_failed(const struct store *s);

enum store_kind {
	STORE_NEW,
	STORE_UPDATED,    /* same id, other content */
	STORE_DUPLICATE,  /* content already seen */
};

struct store_verdict {
	enum store_kind kind;
	int version;            /* of the article this event announces */
	char duplicate_of[64];  /* STORE_DUPLICATE: the id repeated */
};

/* Whether items has id with this content hash (store_classify() would
 * find it the same): 1, 0 (another hash, or no such id) or -1; nothing
 * written. */
int store_item_same(struct store *s, const char *id, const char *hash,
    char *err, size_t errlen);

/* Decides what an article with this id and content hash is, and records
 * it in items (inside the open transaction). */
int store_classify(struct store *s, const char *id, const char *hash,
    int64_t now, struct store_verdict *v, char *err, size_t errlen);

/* Records the story an article joined: its time as the story index
 * files it, and the signature the index compares (in its packed form,
 * story_signature_pack(), which loads without parsing). */
int store_story_add(struct store *s, const char *id, const char *story_id,
    int64_t t, const char *signature, char *err, size_t errlen);

/* The story of article id into story_id (of storylen bytes); returns 1,
 * 0 if it has none, -1 on error. */
int store_story_of(struct store *s, const char *id, char *story_id,
    size_t storylen, char *err, size_t errlen);

/* A row of the window's tables, as store_stories() and store_dups() give
 * it: the packed form when the row has one (layout 4 on), else the text
 * (rows written before). Valid during the call only. */
struct store_row {
	const char *key;        /* the story id, or the article's id */
	int64_t t;
	const char *text;       /* the signature or print; "" when packed */
	const void *packed;     /* NULL: none */
	size_t len;
};

/* Calls fn for every recorded story entry of time >= since, oldest first,
 * to rebuild the story index after a restart. */
int store_stories(struct store *s, int64_t since,
    void (*fn)(void *ctx, const struct store_row *r), void *ctx,
    char *err, size_t errlen);

/* Records the duplicate fingerprint (enrich/dup.h) of an original
 * article, under the time the index files it, packed (dup_print_pack());
 * kept for a month. */
int store_dup_add(struct store *s, const char *id, int64_t t,
    const char *print, char *err, size_t errlen);

/* Calls fn for every recorded fingerprint of time >= since, oldest first,
 * to rebuild the duplicate index after a restart. */
int store_dups(struct store *s, int64_t since,
    void (*fn)(void *ctx, const struct store_row *r), void *ctx,
    char *err, size_t errlen);

/* store_dups() on a connection of its own to the store in the state
 * folder dir (read-only, opened and closed here), for a thread that
 * loads the duplicate index while the loop's connection loads the
 * stories. The store must have been opened (and upgraded) before. If
 * halt is given and raised (a stop), it gives up before the next row:
 * -1 with "stopped" in err. */
int store_dups_at(const char *dir, int64_t since,
    void (*fn)(void *ctx, const struct store_row *r), void *ctx,
    const atomic_bool *halt, char *err, size_t errlen);

/* store_stories() the same way: for the window's load in a thread while
 * the loop runs on its own connection. */
int store_stories_at(const char *dir, int64_t since,
    void (*fn)(void *ctx, const struct store_row *r), void *ctx,
    const atomic_bool *halt, char *err, size_t errlen);

/* The state of the store a snapshot of the window (daemon/window_snap.c)
 * must match to be used, as a line into out: the origin, epoch and last
 * seq, and the last rowid and row count of each window table. */
int store_window_mark(struct store *s, char *out, size_t len, char *err,
    size_t errlen);

/* Transactions rolled back since the store was opened: the indexes may
 * then hold articles the store does not. */
int64_t store_rollbacks(const struct store *s);

/* Appends an event under the next sequence number, which the caller took
 * from store_next_seq() and wrote into the event. */
int64_t store_next_seq(struct store *s);
int store_journal(struct store *s, int64_t seq, const char *topic,
    const char *event, int64_t ts, char *err, size_t errlen);

/* The journal's oldest and newest seq (0 and 0 when empty) and the bytes
 * of the database's pages in use (the journal is most of them), in
 * O(log n): counting rows or pages would block the loop for a second at
 * 50,000 events. */
int store_journal_size(struct store *s, int64_t *first, int64_t *last,
    int64_t *bytes, char *err, size_t errlen);

/* The event JSON at seq, or NULL; with its topic into *topic unless topic
 * is NULL. The caller frees both. */
char *store_event(struct store *s, int64_t seq, char **topic);

#endif
