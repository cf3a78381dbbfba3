/* The one commit path: every finished item, from any source (an inbox
 * file, a feed entry with or without its page, a failure), is classified
 * (new, updated, duplicate, error), checked against the near-duplicate
 * index, put in a story, given the next seq and journalled here, inside
 * the transaction of its loop turn; after COMMIT the turn's events go to
 * every output (output.h), are counted in the metrics and logged, one
 * line per item. A rolled-back turn publishes nothing.
 *
 *   commit_begin(c)
 *   commit_item(c, &item)...     (with the source's own bookkeeping,
 *                                 e.g. store_file_done, in between)
 *   commit_end(c)  or  commit_abort(c)
 *
 * Loop thread only. */
#ifndef NW_COMMIT_H
#define NW_COMMIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct commit;
struct dup_index;
struct log;
struct metrics;
struct nw_article;
struct outputs;
struct store;
struct story_index;

enum commit_outcome {
	COMMIT_NEW,
	COMMIT_UPDATED,
	COMMIT_DUPLICATE,
	COMMIT_ERROR,
	COMMIT_UNCHANGED,       /* nothing journalled: no event */
};

/* One finished item. The commit path reads the inputs and fills the
 * outputs; the strings stay the caller's. */
struct commit_item {
	const char *source;     /* its name: topics, metrics */
	const char *kind;       /* "folder", "feed" or "page" */
	const char *uri;        /* source.uri of the event */
	const char *label;      /* for the log line: a file name, an
	                           entry's key */
	int64_t fetched_at;
	/* the article, or NULL for a failure (then error, about item) */
	struct nw_article *article;
	const char *item;       /* what failed: a name, a URL */
	const char *error;
	/* the same source's same item was committed before: an article
	 * identical to the one it had then is unchanged (no event) rather
	 * than a duplicate */
	bool known;
	/* a failure the source has logged as a warning already (once per
	 * change of state): its item line is at info, not a warning again */
	bool logged;
	/* out */
	enum commit_outcome outcome;
	int64_t seq;            /* 0 when unchanged */
};

struct commit *commit_new(struct store *s, struct story_index *stories,
    struct dup_index *dups, struct outputs *outs, struct metrics *m,
    struct log *log);
void commit_free(struct commit *c);

/* The window's indexes, once loaded (window.h): no item with an article
 * is committed before. */
void commit_set_window(struct commit *c, struct story_index *stories,
    struct dup_index *dups);

/* Opens the turn's transaction (a no-op when one is open already). */
int commit_begin(struct commit *c, char *err, size_t errlen);

/* Classifies, dedups, stories, sequences and journals one item inside
 * the open transaction. -1 with a reason: the caller aborts the turn. */
int commit_item(struct commit *c, struct commit_item *it, char *err,
    size_t errlen);

/* Whether a's article is the store's as it is (commit_item() with
 * known set would find it unchanged and send nothing): 1, 0 or -1, in
 * the open transaction; nothing written. */
int commit_unchanged(struct commit *c, const struct nw_article *a,
    char *err, size_t errlen);

/* An event journalled by an earlier run whose delivery may not have
 * happened (an inbox file committed before a kill): sent again, under
 * its own seq, after this turn's COMMIT. */
void commit_resend(struct commit *c, int64_t seq, const char *topic,
    const char *json);

/* COMMIT, then the turn's events go out in seq order. 0, or -1 with a
 * reason: rolled back, nothing sent. */
int commit_end(struct commit *c, char *err, size_t errlen);

/* Rolls the turn back; its events are dropped unsent. */
void commit_abort(struct commit *c);

/* Whether a turn is open. */
bool commit_open(const struct commit *c);

const char *commit_outcome_name(enum commit_outcome o);

#endif
