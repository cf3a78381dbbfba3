/* A pool of worker threads behind a bounded queue. The loop thread submits
 * jobs; a worker runs them; finished jobs come back to the loop thread,
 * which learns of them through an eventfd. The pool never touches a job
 * except through the run callback, and never frees one. */
#ifndef NW_WORKERS_H
#define NW_WORKERS_H

#include <stddef.h>

struct workers;

/* Starts n threads that call run(job, arg) for each submitted job; at most
 * cap jobs wait for a thread. Returns NULL with a reason in err. */
struct workers *workers_new(int n, size_t cap,
    void (*run)(void *job, void *arg), void *arg, char *err,
    size_t errlen);

/* Queues a job. Returns 0, or -1 when cap jobs are already waiting: the
 * caller keeps the job and tries again after workers_take(). */
int workers_submit(struct workers *w, void *job);

/* Results of work already under way (a feed body, a fetched page) that
 * must not be dropped may go slack jobs past cap: the caller bounds how
 * many such results can arrive (its requests in flight), so the queue
 * stays bounded. */
void workers_set_slack(struct workers *w, size_t slack);
int workers_submit_urgent(struct workers *w, void *job);

/* Jobs that submit() would take now. */
size_t workers_room(struct workers *w);

/* The descriptor that becomes readable when finished jobs wait. */
int workers_fd(const struct workers *w);

/* Moves up to max finished jobs into jobs (oldest first) and returns their
 * number; clears the descriptor's readiness once none are left. */
size_t workers_take(struct workers *w, void **jobs, size_t max);

/* Takes back up to max jobs no thread has started (newest last), for a
 * stop that need not wait for them; returns their number. */
size_t workers_unqueue(struct workers *w, void **jobs, size_t max);

/* Jobs submitted and not yet taken back. */
size_t workers_busy(const struct workers *w);

/* Lets the threads finish the queued jobs, joins them, frees the pool.
 * Finished jobs not taken are lost to the caller: take them first. */
void workers_free(struct workers *w);

#endif
