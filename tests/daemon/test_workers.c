/* The worker pool: bounded queue, every job back through the descriptor,
 * in the loop thread's hands; queued jobs finished before the pool goes. */
#include <poll.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "workers.h"

/* Jobs wait at the gate until the test opens it. */
struct gate {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	bool open;
	int started;
};

struct job {
	int in;
	int out;
};

static void
run_job(void *p, void *arg)
{
	struct job *j = p;
	struct gate *g = arg;

	pthread_mutex_lock(&g->lock);
	g->started++;
	pthread_cond_broadcast(&g->cond);
	while (!g->open)
		pthread_cond_wait(&g->cond, &g->lock);
	pthread_mutex_unlock(&g->lock);
	j->out = j->in * 2;
}

static void
gate_init(struct gate *g)
{
	pthread_mutex_init(&g->lock, NULL);
	pthread_cond_init(&g->cond, NULL);
	g->open = false;
	g->started = 0;
}

static void
gate_wait_started(struct gate *g, int n)
{
	pthread_mutex_lock(&g->lock);
	while (g->started < n)
		pthread_cond_wait(&g->cond, &g->lock);
	pthread_mutex_unlock(&g->lock);
}

static void
gate_open(struct gate *g)
{
	pthread_mutex_lock(&g->lock);
	g->open = true;
	pthread_cond_broadcast(&g->cond);
	pthread_mutex_unlock(&g->lock);
}

/* Takes jobs until n came back; each wait is bounded. */
static size_t
take_all(struct workers *w, struct job **got, size_t n)
{
	struct pollfd pfd = { .fd = workers_fd(w), .events = POLLIN };
	size_t have = 0;

	for (int tries = 0; have < n && tries < 100; tries++) {
		if (poll(&pfd, 1, 100) <= 0)
			continue;
		have += workers_take(w, (void **)got + have, n - have);
	}
	return have;
}

static void
test_bounded_queue_and_results(void **state)
{
	struct job jobs[4] = { { 1, 0 }, { 2, 0 }, { 3, 0 }, { 4, 0 } };
	struct job *got[4];
	struct gate g;
	char err[128];
	struct workers *w;
	int sum = 0;

	(void)state;
	gate_init(&g);
	w = workers_new(1, 2, run_job, &g, err, sizeof(err));
	assert_non_null(w);
	assert_int_equal(workers_submit(w, &jobs[0]), 0);
	gate_wait_started(&g, 1);      /* the only thread holds job 0 */
	assert_int_equal(workers_submit(w, &jobs[1]), 0);
	assert_int_equal(workers_submit(w, &jobs[2]), 0);
	assert_int_equal(workers_submit(w, &jobs[3]), -1);  /* full */
	assert_int_equal(workers_busy(w), 3);
	gate_open(&g);
	assert_int_equal(take_all(w, got, 3), 3);
	assert_int_equal(workers_busy(w), 0);
	for (int i = 0; i < 3; i++)
		sum += got[i]->out;
	assert_int_equal(sum, 2 + 4 + 6);
	assert_ptr_equal(got[0], &jobs[0]);  /* one thread: in order */
	/* room again */
	assert_int_equal(workers_submit(w, &jobs[3]), 0);
	assert_int_equal(take_all(w, got, 1), 1);
	assert_int_equal(got[0]->out, 8);
	/* nothing left: the descriptor is quiet */
	assert_int_equal(poll(&(struct pollfd){ .fd = workers_fd(w),
	    .events = POLLIN }, 1, 0), 0);
	workers_free(w);
}

/* Slack past the cap for urgent jobs only; jobs not started can be
 * taken back (a stop that need not wait for them). */
static void
test_slack_and_unqueue(void **state)
{
	struct job jobs[5] = { { 1, 0 }, { 2, 0 }, { 3, 0 }, { 4, 0 },
	    { 5, 0 } };
	struct job *got[5];
	struct gate g;
	char err[128];
	struct workers *w;

	(void)state;
	gate_init(&g);
	w = workers_new(1, 1, run_job, &g, err, sizeof(err));
	assert_non_null(w);
	workers_set_slack(w, 2);
	assert_int_equal(workers_submit(w, &jobs[0]), 0);
	gate_wait_started(&g, 1);
	assert_int_equal(workers_room(w), 1);
	assert_int_equal(workers_submit(w, &jobs[1]), 0);
	assert_int_equal(workers_room(w), 0);
	assert_int_equal(workers_submit(w, &jobs[2]), -1);   /* full */
	assert_int_equal(workers_submit_urgent(w, &jobs[2]), 0);
	assert_int_equal(workers_submit_urgent(w, &jobs[3]), 0);
	assert_int_equal(workers_submit_urgent(w, &jobs[4]), -1);
	assert_int_equal(workers_busy(w), 4);
	/* the three waiting come back unrun, in order */
	assert_int_equal(workers_unqueue(w, (void **)got, 5), 3);
	assert_ptr_equal(got[0], &jobs[1]);
	assert_ptr_equal(got[2], &jobs[3]);
	assert_int_equal(got[0]->out + got[1]->out + got[2]->out, 0);
	assert_int_equal(workers_busy(w), 1);
	gate_open(&g);
	assert_int_equal(take_all(w, got, 1), 1);
	assert_int_equal(got[0]->out, 2);
	workers_free(w);
}

static void
test_free_finishes_queued_jobs(void **state)
{
	struct job jobs[8];
	struct gate g;
	char err[128];
	struct workers *w;

	(void)state;
	gate_init(&g);
	g.open = true;
	w = workers_new(3, 8, run_job, &g, err, sizeof(err));
	assert_non_null(w);
	for (int i = 0; i < 8; i++) {
		jobs[i] = (struct job){ i, -1 };
		assert_int_equal(workers_submit(w, &jobs[i]), 0);
	}
	workers_free(w);
	for (int i = 0; i < 8; i++)
		assert_int_equal(jobs[i].out, 2 * i);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bounded_queue_and_results),
		cmocka_unit_test(test_slack_and_unqueue),
		cmocka_unit_test(test_free_finishes_queued_jobs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
