/* The move of a committed inbox file out of this node's claimed/ folder
 * (inbox_dispose()), or out of the inbox itself for one worked on
 * unclaimed, and the moves that failed: a full disk (no room for
 * failed/NAME.error), a folder made read-only. Such a file is
 * published already; it waits where it is and only its move is tried
 * again, every [store] retry seconds (daemon_retry_later()), without
 * reading it or sending its event again, until it moves or changes; the
 * store records that its event went out (store_file_sent()), so that a
 * restart meanwhile only moves it too; one in the inbox itself is
 * claimed once it can be (move_claim()). The failures are logged once per
 * change of state: the first, then the count once a move works and none
 * waits. Loop thread only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "daemon_state.h"
#include "inbox.h"
#include "ingest.h"
#include "ingest_int.h"
#include "store.h"
#include "store_files.h"
#include "util.h"

/* The published files whose move out waits (d->moves_waiting, for
 * /healthz and /metrics): those held only for the store's record of a
 * move done not counted. */
static size_t
moves_count(struct daemon *d)
{
	size_t n = 0;

	for (size_t i = 0; i < d->n_moves; i++)
		if (!d->moves[i]->moved)
			n++;
	d->moves_waiting = n;
	return n;
}

static void
moves_recovered(struct daemon *d)
{
	log_info(&d->log, "inbox: moves out work again, after %lu failed",
	    d->moves_failed);
	d->moves_failed = 0;
}

/* Logs what inbox_dispose() said of f beside the move's outcome rc. */
static void
move_said(struct daemon *d, const struct inbox_file *f, int rc,
    const char *err)
{
	if (f->dropped != NULL)
		log_info(&d->log, "%s: also in %s/ by a move out that a kill "
		    "cut short, decided otherwise here: that link dropped",
		    f->name, f->dropped);
	if (f->kept != NULL)
		log_info(&d->log, "%s: also in %s/, a link no move out of it "
		    "made (linked back into the inbox): kept", f->name,
		    f->kept);
	if (f->tidied > 0)
		log_info(&d->log, "%s: %d leftover(s) of an earlier move out "
		    "of that name that a kill cut short tidied", f->name,
		    f->tidied);
	if (rc < 0)
		snprintf(d->move_err, sizeof(d->move_err), "%s", err);
	if (rc > 0)
		/* the writer's close or rename of the new version comes
		 * (or came, setting again) as an event of its own */
		log_warn(&d->log, "%s: changed, replaced or removed while "
		    "being processed; left in the inbox", f->name);
	else if (rc < 0 && d->moves_failed++ == 0)
		log_error(&d->log, "%s; the file waits in %s%s%s, its move "
		    "tried again every %d s (counted, not logged, until one "
		    "works)", err, f->node != NULL ? "claimed/" : "the inbox",
		    f->node != NULL ? f->node : "", f->node != NULL ? "/" : "",
		    d->cfg.store_retry);
	else if (rc < 0)
		log_debug(&d->log, "%s; %lu failed moves so far", err,
		    d->moves_failed);
	else if (d->moves_failed > 0 && moves_count(d) == 0)
		moves_recovered(d);
}

/* Records in the store that m's event went out and its move waits
 * (sent), or that it moved (its row goes). A failure (the store's disk
 * full or read-only) is not dropped: the move stays held, the write
 * tried again at each retry (ingest_retry_moves()); logged once per
 * change of state. 0 or -1. */
static int
move_mark(struct daemon *d, const struct move *m, bool sent)
{
	struct store_file f;
	char err[512];

	store_file_key(&f, m->name, &m->st);
	f.raw_hash = m->raw_hash;

	if (store_file_sent(d->store, &f, sent, err, sizeof(err)) == 0) {
		if (d->marks_failed > 0)
			log_info(&d->log, "inbox: the store records the moves "
			    "waiting again, after %lu failed writes",
			    d->marks_failed);
		d->marks_failed = 0;
		return 0;
	}
	if (d->marks_failed++ == 0)
		log_error(&d->log, "%s: the store cannot record that %s (%s); "
		    "kept, written at the next retry in %d s (counted, not "
		    "logged, until one works)%s", m->name, sent ? "its event "
		    "went out and its move waits" : "its waiting move is done",
		    err, d->cfg.store_retry, sent ? ": were the daemon "
		    "stopped before, the next start would send its event "
		    "again, under its seq" : "");
	return -1;
}

/* Its row, if the store has one, goes now that the file moved: true
 * when done; else m is held for that write alone (moved). */
static bool
move_unmark(struct daemon *d, struct move *m)
{
	if (!m->recorded || move_mark(d, m, false) == 0) {
		m->recorded = false;
		return true;
	}
	m->moved = true;
	return false;
}

int
move_out(struct daemon *d, const struct move *m)
{
	struct inbox_file f = {
		.dir = m->dir,
		.name = m->name,
		.node = m->node,
		.st = &m->st,
		.seq = m->seq,
	};
	enum inbox_fate fate = INBOX_PROCESSED;
	char err[512];
	int rc;

	if (m->failed)
		fate = INBOX_FAILED;
	else if (d->cfg.on_success == CONFIG_DELETE)
		fate = INBOX_DELETE;
	rc = inbox_dispose(&f, fate, m->error, err, sizeof(err));
	if (rc == 0 && d->tidy_left.n > 0 &&
	    strcmp(m->dir, d->tidy_dir) == 0)
		f.tidied += inbox_tidy_left(m->dir, m->name, &d->tidy_left);
	move_said(d, &f, rc, err);
	return rc;
}

/* A published file whose move waits in the inbox itself (its claim was
 * refused: claimed/ could not be made, a file of its name held there)
 * is claimed once it can be: in this node's claimed/ folder no other
 * node takes it and publishes it again (an adopter, were this node to
 * die, finds its event in the stream and only moves it). */
static void
move_claim(struct daemon *d, struct move *m)
{
	const char *node = store_origin_id(d->store);
	char err[512];

	if (m->node != NULL || inbox_claim(m->dir, node, m->name, &m->st,
	    err, sizeof(err)) != 0)
		return;
	m->node = xstrdup(node);
	log_info(&d->log, "%s: claimed into claimed/%s/ while its move "
	    "waits: no other node takes it now", m->name, node);
}

static void
move_free(struct move *m)
{
	if (m == NULL)
		return;
	free(m->dir);
	free(m->name);
	free(m->node);
	free(m->error);
	free(m);
}

static struct move *
move_copy(struct daemon *d, const struct move *m)
{
	struct move *c = xmalloc(sizeof(*c));

	*c = *m;
	c->dir = xstrdup(m->dir);
	c->name = xstrdup(m->name);
	c->node = m->node != NULL ? xstrdup(m->node) : NULL;
	c->error = xstrdup(m->error);
	if (d->n_moves == d->cap_moves) {
		d->cap_moves = d->cap_moves ? d->cap_moves * 2 : 8;
		d->moves = xrealloc(d->moves, d->cap_moves *
		    sizeof(*d->moves));
	}
	d->moves[d->n_moves++] = c;
	daemon_retry_later(d);
	return c;
}

void
moves_hold(struct daemon *d, const struct move *m)
{
	struct move *c = move_copy(d, m);

	/* an earlier run's record, or this one's now (else again at the
	 * retry) */
	c->recorded = c->sent || move_mark(d, c, true) == 0;
	c->sent = true;
	move_claim(d, c);
	moves_count(d);
}

int
moves_done(struct daemon *d, const struct move *m)
{
	struct move tmp = *m;

	tmp.recorded = m->sent;
	if (move_unmark(d, &tmp))
		return 0;
	move_copy(d, &tmp);
	moves_count(d);
	return -1;
}

bool
claimed_as(const char *dir, const char *node, const char *name,
    const char *in, const char *by, const char *as)
{
	if (node == NULL || by == NULL)
		return node == by && strcmp(name, as) == 0 &&
		    strcmp(dir, in) == 0;
	return strcmp(node, by) == 0 && strcmp(name, as) == 0 &&
	    strcmp(dir, in) == 0;
}

bool
moves_held(const struct daemon *d, const char *dir, const char *node,
    const char *name)
{
	for (size_t i = 0; i < d->n_moves; i++)
		if (!d->moves[i]->moved && claimed_as(d->moves[i]->dir,
		    d->moves[i]->node, d->moves[i]->name, dir, node, name))
			return true;
	return false;
}

void
ingest_retry_moves(struct daemon *d)
{
	size_t i = 0;

	while (i < d->n_moves) {
		struct move *m = d->moves[i];

		if (!m->moved && !m->recorded)
			m->recorded = move_mark(d, m, true) == 0;
		if (!m->moved)
			move_claim(d, m);
		if ((!m->moved && move_out(d, m) < 0) ||
		    !move_unmark(d, m)) {
			i++;
			continue;
		}
		move_free(m);
		d->moves[i] = d->moves[--d->n_moves];
	}
	if (d->n_moves > 0)
		daemon_retry_later(d);
	if (moves_count(d) == 0 && d->moves_failed > 0)
		moves_recovered(d);
}

void
ingest_free_moves(struct daemon *d)
{
	size_t lost = 0, stale = 0;

	for (size_t i = 0; i < d->n_moves; i++) {
		struct move *m = d->moves[i];

		if (!m->moved && !m->recorded)
			m->recorded = move_mark(d, m, true) == 0;
		if (m->moved && move_mark(d, m, false) == 0)
			m->moved = false;
		lost += !m->moved && !m->recorded;
		stale += m->moved;
	}
	if (lost > 0)
		log_error(&d->log, "inbox: the store could not record that "
		    "the events of %zu file(s) waiting for their move went "
		    "out: the next start sends them again, under their "
		    "seqs, and moves the files", lost);
	if (stale > 0)
		log_error(&d->log, "inbox: the store still has %zu file(s) "
		    "as waiting for their move that moved: such a file put "
		    "back into the inbox as it was (its inode, size, time) "
		    "would be moved, not sent, until the record expires",
		    stale);
	for (size_t i = 0; i < d->n_moves; i++)
		move_free(d->moves[i]);
	free(d->moves);
	d->moves = NULL;
	d->n_moves = d->cap_moves = 0;
	d->moves_waiting = 0;
}
