/* A job of the one worker pool (workers.h): whatever the source (an inbox
 * file to read and extract, a feed body to parse, an entry to turn into
 * an article), a job carries its own functions:
 *
 *   run     on a worker thread: the CPU work, touching the job only;
 *   commit  back on the loop thread, inside the loop turn's transaction
 *           (commit.h), for every job the turn took; may be NULL;
 *   after   on the loop thread once the turn is committed (committed is
 *           true) or rolled back (false): moves, retries, follow-up
 *           work; it owns the job and frees it.
 *
 * The pool's run function is job_run(). Embed struct job as the first
 * member of a job of your own.
 *
 * A stop waits for the jobs in work, DAEMON_STOP_WAIT_SECS at most. Every
 * job runs under a struct budget (lib/budget.h) whose halt is the
 * daemon's (daemon_state.h), raised by the stop, and whose deadline run()
 * sets when it starts: it gives up at its next check (a feed's or a
 * sitemap's every 256 entries, the pipeline's stages: nw_input.budget),
 * and its commit and after see why (feeds_work.c, sources_jobs.c,
 * ingest_commit.c, ingest.c): cut short by the stop, nothing is
 * committed. */
#ifndef NW_JOB_H
#define NW_JOB_H

#include <stdbool.h>
#include <stddef.h>

struct job {
	void (*run)(struct job *j);
	int (*commit)(struct job *j, char *err, size_t errlen);
	void (*after)(struct job *j, bool committed);
};

/* The pool's run function: calls j->run. */
void job_run(void *job, void *arg);

#endif
