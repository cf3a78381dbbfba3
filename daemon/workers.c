#include "workers.h"

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "util.h"

/* A ring of job pointers; cap slots. */
struct ring {
	void **v;
	size_t cap, head, n;
};

struct workers {
	pthread_mutex_t lock;
	pthread_cond_t cond;      /* signalled when todo gains a job or
	                             when stopping */
	struct ring todo;         /* submitted, waiting for a thread */
	size_t cap;               /* jobs that may wait, for submit() */
	size_t slack;             /* and beyond it, for submit_urgent() */
	struct ring done;         /* finished, waiting for the loop */
	size_t busy;              /* submitted and not yet taken back */
	bool stop;
	int efd;
	void (*run)(void *job, void *arg);
	void *arg;
	pthread_t *threads;
	int n_threads;
};

static void
ring_push(struct ring *r, void *job)
{
	if (r->n == r->cap) {
		/* done holds at most busy jobs; todo at most cap + slack */
		void **v = xcalloc(r->cap * 2, sizeof(*v));

		for (size_t i = 0; i < r->n; i++)
			v[i] = r->v[(r->head + i) % r->cap];
		free(r->v);
		r->v = v;
		r->head = 0;
		r->cap *= 2;
	}
	r->v[(r->head + r->n) % r->cap] = job;
	r->n++;
}

static void *
ring_pop(struct ring *r)
{
	void *job = r->v[r->head];

	r->head = (r->head + 1) % r->cap;
	r->n--;
	return job;
}

static void *
worker_main(void *p)
{
	struct workers *w = p;
	uint64_t one = 1;

	pthread_mutex_lock(&w->lock);
	for (;;) {
		void *job;

		while (w->todo.n == 0 && !w->stop)
			pthread_cond_wait(&w->cond, &w->lock);
		if (w->todo.n == 0)
			break;  /* stopping and nothing left */
		job = ring_pop(&w->todo);
		pthread_mutex_unlock(&w->lock);
		w->run(job, w->arg);
		pthread_mutex_lock(&w->lock);
		ring_push(&w->done, job);
		/* an eventfd write adds to a counter: it cannot block here
		 * short of 2^64 wake-ups */
		if (write(w->efd, &one, sizeof(one)) < 0 && errno != EAGAIN)
			abort();
	}
	pthread_mutex_unlock(&w->lock);
	return NULL;
}

struct workers *
workers_new(int n, size_t cap, void (*run)(void *job, void *arg),
    void *arg, char *err, size_t errlen)
{
	struct workers *w = xcalloc(1, sizeof(*w));

	pthread_mutex_init(&w->lock, NULL);
	pthread_cond_init(&w->cond, NULL);
	w->cap = cap;
	w->todo.cap = cap;
	w->todo.v = xcalloc(cap, sizeof(void *));
	w->done.cap = cap;
	w->done.v = xcalloc(cap, sizeof(void *));
	w->run = run;
	w->arg = arg;
	w->efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	if (w->efd < 0) {
		fail(err, errlen, "eventfd: %s", strerror(errno));
		goto err;
	}
	w->threads = xcalloc((size_t)n, sizeof(pthread_t));
	for (; w->n_threads < n; w->n_threads++) {
		int rc = pthread_create(&w->threads[w->n_threads], NULL,
		    worker_main, w);

		if (rc != 0) {
			fail(err, errlen, "pthread_create: %s", strerror(rc));
			goto err;
		}
	}
	return w;
err:
	workers_free(w);
	return NULL;
}

static int
submit(struct workers *w, void *job, size_t limit)
{
	int rc = -1;

	pthread_mutex_lock(&w->lock);
	if (w->todo.n < limit) {
		ring_push(&w->todo, job);
		w->busy++;
		pthread_cond_signal(&w->cond);
		rc = 0;
	}
	pthread_mutex_unlock(&w->lock);
	return rc;
}

int
workers_submit(struct workers *w, void *job)
{
	return submit(w, job, w->cap);
}

int
workers_submit_urgent(struct workers *w, void *job)
{
	return submit(w, job, w->cap + w->slack);
}

void
workers_set_slack(struct workers *w, size_t slack)
{
	w->slack = slack;
}

size_t
workers_room(struct workers *w)
{
	size_t n;

	pthread_mutex_lock(&w->lock);
	n = w->todo.n < w->cap ? w->cap - w->todo.n : 0;
	pthread_mutex_unlock(&w->lock);
	return n;
}

int
workers_fd(const struct workers *w)
{
	return w->efd;
}

size_t
workers_take(struct workers *w, void **jobs, size_t max)
{
	uint64_t count;
	size_t n = 0;

	pthread_mutex_lock(&w->lock);
	while (n < max && w->done.n > 0)
		jobs[n++] = ring_pop(&w->done);
	w->busy -= n;
	/* reset the counter under the lock: a worker that finishes later
	 * writes again, so no wake-up is lost */
	if (w->done.n == 0 && read(w->efd, &count, sizeof(count)) < 0 &&
	    errno != EAGAIN)
		abort();
	pthread_mutex_unlock(&w->lock);
	return n;
}

size_t
workers_unqueue(struct workers *w, void **jobs, size_t max)
{
	size_t n = 0;

	pthread_mutex_lock(&w->lock);
	while (n < max && w->todo.n > 0)
		jobs[n++] = ring_pop(&w->todo);
	w->busy -= n;
	pthread_mutex_unlock(&w->lock);
	return n;
}

size_t
workers_busy(const struct workers *w)
{
	return w->busy;
}

void
workers_free(struct workers *w)
{
	if (w == NULL)
		return;
	pthread_mutex_lock(&w->lock);
	w->stop = true;
	pthread_cond_broadcast(&w->cond);
	pthread_mutex_unlock(&w->lock);
	for (int i = 0; i < w->n_threads; i++)
		pthread_join(w->threads[i], NULL);
	if (w->efd >= 0)
		close(w->efd);
	pthread_mutex_destroy(&w->lock);
	pthread_cond_destroy(&w->cond);
	free(w->threads);
	free(w->todo.v);
	free(w->done.v);
	free(w);
}
