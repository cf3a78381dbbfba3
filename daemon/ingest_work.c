/* An inbox file's work on a worker thread (ingest_work(), the item's
 * job.run): read within [inbox] max_size and the job's budget, run
 * through the pipeline, and, adopted or perhaps put back by hand, looked
 * for in the stream (find_published()). Only the item is touched. */
#include "ingest_int.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "nw_config.h"

#include "budget.h"
#include "daemon_state.h"
#include "event.h"
#include "hash.h"
#ifdef HAVE_LIBNATS
#include "inbox_stream.h"
#endif
#include "pipeline.h"
#include "util.h"

/* Reads at most max + 1 bytes, so that an oversized file is noticed
 * without reading all of it; gives up when the budget is spent. */
static int
read_fd(int fd, size_t max, const struct budget *bg, struct buf *b,
    char *err, size_t errlen)
{
	char chunk[65536];

	while (b->len <= max) {
		ssize_t n;

		if (budget_left(bg) != BUDGET_LEFT)
			return fail(err, errlen, "cut short while read");
		n = read(fd, chunk, sizeof(chunk));

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return fail(err, errlen, "cannot read: %s",
			    strerror(errno));
		if (n == 0)
			break;
		buf_append(b, chunk, (size_t)n);
	}
	return 0;
}

/* Whether the work gave up for its budget, its error then saying why:
 * the daemon stopping (the file stays in the inbox for the next start),
 * or its time spent (it fails). */
static void
work_stopped(struct item *it, size_t len)
{
	it->stopped = budget_left(&it->budget);
	if (it->stopped == BUDGET_HALTED)
		fail(it->error, sizeof(it->error), "work on the file stopped: "
		    "the daemon is stopping");
	else if (it->stopped == BUDGET_SPENT)
		fail(it->error, sizeof(it->error), "gave up on the file (%zu "
		    "bytes read) after %ld s: over its time budget ([daemon] "
		    "job_budget)", len, it->budget_ms / 1000);
}

/* On a worker: whether the dead node the file was adopted from
 * published it before it died (inbox_stream.h); or, one perhaps put
 * back by hand (ask_back), whether any node published its article. */
static void
find_published(struct item *it)
{
#ifdef HAVE_LIBNATS
	struct inbox_event ev = { 0 };
	char id[EVENT_ID_LEN];

	if (it->d->inbox_stream == NULL) {      /* [cluster] leases off */
		it->found = -1;
		return;
	}
	if (it->article != NULL)
		event_article_id(it->article, id);
	it->found = inbox_stream_find(it->d->inbox_stream, it->adopted,
	    it->name, it->article != NULL ? it->article->content_hash : NULL,
	    it->article != NULL ? id : NULL, it->since, it->until,
	    &it->ask_next, &ev);
	it->found_seq = ev.seq;
	it->found_failed = ev.failed;
	snprintf(it->found_origin, sizeof(it->found_origin), "%s",
	    ev.origin);
	it->prior_version = ev.version;
	memcpy(it->prior_hash, ev.hash, sizeof(it->prior_hash));
	memcpy(it->prior_origin, ev.prior_origin, sizeof(it->prior_origin));
	it->prior_seq = ev.prior_seq;
	it->ask_end = (int)ev.end;
	it->first_s = ev.first_s;
#else
	it->found = -1;
#endif
}

/* On a worker thread: only the item is touched; the work asks its
 * budget (lib/budget.h) while the file is read and between the
 * pipeline's stages. */
void
ingest_work(struct job *job)
{
	struct item *it = (struct item *)job;
	struct buf b = { 0 };
	struct nw_input in = {
		.name = it->name,
		.now = it->fetched_at,
		.budget = &it->budget,
	};

	/* the size of the open file decides, before a byte is read (a
	 * sparse 2 GB file is refused at once); read_fd caps one that grows */
	if (fstat(it->fd, &it->st) == 0 &&
	    (uintmax_t)it->st.st_size > it->max_size) {
		fail(it->error, sizeof(it->error), "too large: %jd bytes, "
		    "over [inbox] max_size (%zu)", (intmax_t)it->st.st_size,
		    it->max_size);
		goto out;
	}
	if (it->budget_ms > 0)
		it->budget.deadline_ms = budget_now_ms() + it->budget_ms;
	if (read_fd(it->fd, it->max_size, &it->budget, &b, it->error,
	    sizeof(it->error)) != 0)
		goto out;
	if (b.len > it->max_size) {
		fail(it->error, sizeof(it->error), "too large: grew past "
		    "[inbox] max_size (%zu) while read", it->max_size);
		goto out;
	}
	/* the file as read: a writer may have gone on since the offer */
	fstat(it->fd, &it->st);
	hash_sha256_hex(b.p ? b.p : "", b.len, it->raw_hash);
	if (b.len == 0) {
		fail(it->error, sizeof(it->error), "empty file (0 bytes)");
		goto out;
	}
	in.data = (const unsigned char *)b.p;
	in.len = b.len;
	it->article = pipeline_run(&in, it->error, sizeof(it->error));
	/* the id and dedup rest on the content hash: never leave it empty */
	if (it->article != NULL && it->article->content_hash[0] == '\0')
		hash_sha256_hex(it->article->body, strlen(it->article->body),
		    it->article->content_hash);
out:
	close(it->fd);
	it->fd = -1;
	if (it->article == NULL)
		work_stopped(it, b.len);
	if (it->article == NULL && it->error[0] == '\0')
		fail(it->error, sizeof(it->error), "extraction failed");
	buf_free(&b);
	if ((it->adopted != NULL || (it->ask_back && it->article != NULL)) &&
	    it->stopped != BUDGET_HALTED)
		find_published(it);
}
