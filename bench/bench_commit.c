/* bench_commit NEWSWIRED [N [DIR]]: the window through the real commit
 * path and a real restart (issue 18).
 *
 * N synthetic articles (window_gen.h: stories, reports, syndicated copies
 * with furniture; default a million) over the last 71 hours fill a store
 * in DIR (default a new folder under /tmp, removed at the end unless
 * given), every one through commit.c as the daemon's loop takes the
 * pool's results: a thread makes the articles and their prints (the
 * workers' part), the main thread commits them in turns of up to 256
 * (commit_begin, commit_item, commit_end): the duplicate look-up, the
 * story assignment, the store's rows and the journalled event. The CPU
 * time per article of the 2,000 before each checkpoint (10k, 100k, ...,
 * N) is printed with the process's resident memory per article (growth
 * since the start: the indexes and SQLite's cache), and at the end the
 * fill's wall time, both sides' CPU per article and the bytes written
 * to disk per article.
 *
 * Then the real NEWSWIRED starts on that state, twice (once on an empty
 * state first, the baseline of the same run): the wall time from exec to
 * READY=1 on $NOTIFY_SOCKET and to its log's "window: ... loaded in"
 * line (the window loads while the daemon is READY), its CPU time and
 * its resident memory then. Figures, never asserted: docs/window.md and
 * docs/benchmarks.md have them. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "commit.h"
#include "enrich/dup.h"
#include "enrich/story.h"
#include "event.h"
#include "hugemem.h"
#include "log.h"
#include "store.h"
#include "util.h"
#include "window_gen.h"

#define C_TIMED 2000
#define C_TURN 256      /* DAEMON_TURN_MAX: a loop turn's results */
#define C_QUEUE 1024
#define C_READY_SECS 300

static double
c_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
c_die(const char *what, const char *err)
{
	fprintf(stderr, "bench_commit: %s: %s\n", what, err);
	exit(1);
}

/* The pool's side: a thread makes the articles (text, print), as the
 * daemon's workers extract them, into a bounded queue the loop's side
 * takes in turns of up to C_TURN. */
struct c_made {
	struct nw_article *a;
	char *print;
	char gid[40];
};

struct c_queue {
	pthread_mutex_t mu;
	pthread_cond_t more, room;
	struct c_made v[C_QUEUE];
	size_t head, len;       /* taken from head, len queued */
	size_t n;               /* articles to make */
	double cpu;             /* the maker's CPU seconds */
};

static void *
c_maker(void *arg)
{
	static struct w_gen g;
	struct c_queue *q = arg;

	w_gen_init(&g, q->n);
	g.t0 = (int64_t)time(NULL) - W_WINDOW + 3600;
	g.dt = (double)(W_WINDOW - 3600) / (double)q->n;
	for (size_t i = 0; i < q->n; i++) {
		struct c_made m;
		int copy;
		uint64_t story;

		m.a = w_next2(&g, m.gid, &m.print, &copy, &story);
		article_set(&m.a->dup_print, m.print);
		free(m.print);
		pthread_mutex_lock(&q->mu);
		while (q->len == C_QUEUE)
			pthread_cond_wait(&q->room, &q->mu);
		q->v[(q->head + q->len) % C_QUEUE] = m;
		q->len++;
		pthread_cond_signal(&q->more);
		pthread_mutex_unlock(&q->mu);
	}
	q->cpu = w_cpu();
	return NULL;
}

/* Up to max made articles into out (at least one while any is left to
 * come); how many. */
static size_t
c_take(struct c_queue *q, struct c_made *out, size_t max)
{
	size_t k;

	pthread_mutex_lock(&q->mu);
	while (q->len == 0)
		pthread_cond_wait(&q->more, &q->mu);
	k = q->len < max ? q->len : max;
	for (size_t i = 0; i < k; i++)
		out[i] = q->v[(q->head + i) % C_QUEUE];
	q->head = (q->head + k) % C_QUEUE;
	q->len -= k;
	pthread_cond_signal(&q->room);
	pthread_mutex_unlock(&q->mu);
	return k;
}

/* The bytes this process has had written to disk so far (its store:
 * the WAL, the checkpoints), from /proc/self/io; -1 if unknown. */
static double
c_written(void)
{
	char line[128];
	long long b = -1;
	FILE *f = fopen("/proc/self/io", "r");

	if (f == NULL)
		return -1;
	while (fgets(line, sizeof(line), f) != NULL)
		if (sscanf(line, "write_bytes: %lld", &b) == 1)
			break;
	fclose(f);
	return (double)b;
}

struct c_point {
	size_t n;
	double rss;           /* bytes per article */
	double commit_us;     /* CPU per article through commit.c */
	size_t dups;          /* duplicates found among the timed */
};

/* Fills the store in state with n articles, every one through commit.c
 * in turns as the loop takes the pool's results; the checkpoints'
 * figures into pts. */
static size_t
c_fill(const char *state, size_t n, struct c_point *pts)
{
	struct log lg = { .level = LOG_WARN };
	char err[256];
	struct store *s = store_open(state, false, err, sizeof(err));
	/* the rings on huge pages, as the daemon's (window_snap.h) */
	struct story_index *stories = story_index_new_with(0,
	    &(struct story_alloc){ hugemem_calloc, hugemem_free, NULL });
	struct dup_index *dups = dup_index_new(0);
	struct c_queue *q = xcalloc(1, sizeof(*q));
	struct c_made turn[C_TURN];
	struct commit *c;
	size_t at[8], nat = 0, np = 0, ndup = 0, i = 0, mark = 0;
	double rss0, cpu = 0, cpu_all, t0 = c_now(), tmark = t0, w0;
	pthread_t th;

	if (s == NULL)
		c_die("store_open", err);
	c = commit_new(s, stories, dups, NULL, NULL, &lg);
	for (size_t k = 10000; k < n; k *= 10)
		at[nat++] = k;
	at[nat++] = n;
	pthread_mutex_init(&q->mu, NULL);
	pthread_cond_init(&q->more, NULL);
	pthread_cond_init(&q->room, NULL);
	q->n = n;
	if (pthread_create(&th, NULL, c_maker, q) != 0)
		c_die("pthread_create", "failed");
	rss0 = w_rss();
	cpu_all = w_cpu();
	w0 = c_written();
	while (i < n) {
		/* turns end where the timed articles start and at the
		 * checkpoint, so that its figures are theirs */
		size_t want = C_TURN, k;
		int timed = np < nat && i + C_TIMED >= at[np];

		if (np < nat && !timed && at[np] - C_TIMED - i < want)
			want = at[np] - C_TIMED - i;
		if (np < nat && timed && at[np] - i < want)
			want = at[np] - i;
		k = c_take(q, turn, want);
		double c0 = w_cpu();

		if (commit_begin(c, err, sizeof(err)) != 0)
			c_die("commit_begin", err);
		for (size_t j = 0; j < k; j++) {
			struct commit_item it = {
				.source = "bench", .kind = "folder",
				.uri = "file:///bench", .label = turn[j].gid,
				.fetched_at = turn[j].a->published.utc,
				.article = turn[j].a,
			};

			if (commit_item(c, &it, err, sizeof(err)) != 0)
				c_die("commit_item", err);
			ndup += timed && it.outcome == COMMIT_DUPLICATE;
		}
		if (commit_end(c, err, sizeof(err)) != 0)
			c_die("commit_end", err);
		if (timed)
			cpu += w_cpu() - c0;
		for (size_t j = 0; j < k; j++)
			article_free(turn[j].a);
		i += k;
		if (i - mark >= 100000 || i == n) {
			fprintf(stderr, "bench_commit: %zu articles in %.0f s "
			    "(%.0f/s lately)\n", i, c_now() - t0,
			    (double)(i - mark) / (c_now() - tmark));
			mark = i;
			tmark = c_now();
		}
		if (np < nat && i == at[np]) {
			pts[np].n = i;
			pts[np].rss = (w_rss() - rss0) / (double)i;
			pts[np].commit_us = cpu / C_TIMED * 1e6;
			pts[np].dups = ndup;
			printf("fill %9zu articles: RSS %6.0f B/article "
			    "(indexes and SQLite's cache), commit %7.1f us "
			    "CPU/article (%zu of the last %d duplicates)\n",
			    pts[np].n, pts[np].rss, pts[np].commit_us, ndup,
			    C_TIMED);
			fflush(stdout);
			cpu = 0;
			ndup = 0;
			np++;
		}
	}
	pthread_join(th, NULL);
	printf("fill: %zu articles in %.0f s wall; the loop's side %.0f us "
	    "CPU/article (commit.c), the makers' %.0f us; %.1f kB written "
	    "to disk/article\n", n, c_now() - t0,
	    (w_cpu() - cpu_all) / (double)n * 1e6, q->cpu / (double)n * 1e6,
	    (c_written() - w0) / (double)n / 1024);
	pthread_cond_destroy(&q->more);
	pthread_cond_destroy(&q->room);
	pthread_mutex_destroy(&q->mu);
	free(q);
	commit_free(c);
	store_close(s);
	story_index_free(stories);
	dup_index_free(dups);
	return np;
}

/* The CPU seconds (user and system) pid has used so far. */
static double
c_cpu_of(pid_t pid)
{
	char path[64], buf[1024], *p;
	unsigned long ut = 0, st = 0;
	FILE *f;
	size_t n;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	f = fopen(path, "r");
	if (f == NULL)
		return -1;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	p = strrchr(buf, ')');
	if (p == NULL || sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u "
	    "%*u %*u %lu %lu", &ut, &st) != 2)
		return -1;
	return (double)(ut + st) / (double)sysconf(_SC_CLK_TCK);
}

static long
c_vmrss_kb(pid_t pid)
{
	char path[64], line[256];
	long kb = -1;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	f = fopen(path, "r");
	if (f == NULL)
		return -1;
	while (fgets(line, sizeof(line), f) != NULL)
		if (sscanf(line, "VmRSS: %ld kB", &kb) == 1)
			break;
	fclose(f);
	return kb;
}

/* What a start took: to READY=1 and to the window's load (the log's
 * "window: ... loaded in" line: the daemon is READY while its window
 * loads, and commits wait for it); -1 when it did not come. */
struct c_start {
	double ready, ready_cpu;
	double loaded, loaded_cpu;
	long ready_kb, loaded_kb;
	char line[512];
};

/* The "window: ... loaded in" line the log got after offset off, into
 * line; whether there is one. */
static int
c_window_line(const char *logp, long off, char *line, size_t len)
{
	char buf[1024];
	FILE *f = fopen(logp, "r");
	int got = 0;

	if (f == NULL)
		return 0;
	if (fseek(f, off, SEEK_SET) == 0)
		while (fgets(buf, sizeof(buf), f) != NULL) {
			char *w = strstr(buf, "window: ");

			if (w != NULL && strstr(w, "loaded in") != NULL) {
				w[strcspn(w, "\n")] = '\0';
				snprintf(line, len, "%s", w);
				got = 1;
			}
		}
	fclose(f);
	return got;
}

/* Starts newswired on state, waits for READY=1 on $NOTIFY_SOCKET, then
 * for the window's load (each C_READY_SECS at most): the times, its
 * CPU and RSS at each; stops it (SIGTERM: a clean stop, which writes
 * the window's snapshot that the next start reads). */
static void
c_restart(const char *newswired, const char *dir, const char *state,
    struct c_start *r)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	char conf[512], logp[512], inbox[512];
	double t0;
	int fd, status;
	long off;
	struct stat st;
	pid_t pid;
	FILE *f;

	memset(r, 0, sizeof(*r));
	r->ready = r->loaded = -1;
	snprintf(conf, sizeof(conf), "%s/newswired.conf", dir);
	snprintf(logp, sizeof(logp), "%s/newswired.log", dir);
	snprintf(inbox, sizeof(inbox), "%s/inbox", dir);
	snprintf(sa.sun_path, sizeof(sa.sun_path), "%s/notify", dir);
	if (mkdir(inbox, 0750) != 0 && errno != EEXIST)
		c_die(inbox, strerror(errno));
	f = fopen(conf, "w");
	if (f == NULL)
		c_die(conf, strerror(errno));
	fprintf(f, "[daemon]\nstate = %s\nmetrics =\nworkers = 1\n"
	    "[inbox]\npath = %s\n[publish]\nendpoint = ipc://%s/pub\n"
	    "replay = ipc://%s/replay\n", state, inbox, dir, dir);
	fclose(f);
	off = stat(logp, &st) == 0 ? (long)st.st_size : 0;
	unlink(sa.sun_path);
	fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0)
		c_die("notify socket", strerror(errno));
	t0 = c_now();
	pid = fork();
	if (pid == 0) {
		int lfd = open(logp, O_WRONLY | O_CREAT | O_APPEND, 0640);

		setenv("NOTIFY_SOCKET", sa.sun_path, 1);
		if (lfd >= 0)
			dup2(lfd, 2);
		execl(newswired, newswired, "-c", conf, (char *)NULL);
		_exit(127);
	}
	while (pid > 0 && c_now() - t0 < C_READY_SECS) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		char msg[512];
		ssize_t n;

		if (poll(&p, 1, 1000) <= 0) {
			if (waitpid(pid, &status, WNOHANG) == pid)
				pid = -1;
			continue;
		}
		n = recv(fd, msg, sizeof(msg) - 1, 0);
		if (n <= 0)
			continue;
		msg[n] = '\0';
		if (strstr(msg, "READY=1") != NULL) {
			r->ready = c_now() - t0;
			r->ready_kb = c_vmrss_kb(pid);
			r->ready_cpu = c_cpu_of(pid);
			break;
		}
	}
	close(fd);
	while (pid > 0 && r->ready >= 0 && c_now() - t0 < 2 * C_READY_SECS) {
		if (c_window_line(logp, off, r->line, sizeof(r->line))) {
			r->loaded = c_now() - t0;
			r->loaded_kb = c_vmrss_kb(pid);
			r->loaded_cpu = c_cpu_of(pid);
			break;
		}
		if (waitpid(pid, &status, WNOHANG) == pid)
			pid = -1;
		else
			usleep(20000);
	}
	if (pid > 0) {
		kill(pid, SIGTERM);
		waitpid(pid, &status, 0);
	}
}

/* Restarts newswired on state and prints what it took; what names the
 * start. */
static void
c_report(const char *newswired, const char *dir, const char *state,
    const char *what, size_t n, long kb0)
{
	struct c_start r;
	double la[1] = { -1 };

	c_restart(newswired, dir, state, &r);
	getloadavg(la, 1);
	printf("newswired restarted with %zu articles (%s): READY in %.2f s "
	    "wall, %.2f s CPU; the window loaded in %.2f s wall, %.2f s "
	    "CPU, RSS then %ld kB (%.0f B/article over the empty state's); "
	    "load average %.1f\n  %s\n", n, what, r.ready, r.ready_cpu,
	    r.loaded, r.loaded_cpu, r.loaded_kb,
	    (double)(r.loaded_kb - kb0) * 1024.0 / (double)n, la[0],
	    r.line);
	fflush(stdout);
}

int
main(int argc, char **argv)
{
	const char *newswired = argc > 1 ? argv[1] : NULL;
	size_t n = argc > 2 ? strtoul(argv[2], NULL, 10) : 1000000;
	char tmpl[] = "/tmp/nw-bench-commit-XXXXXX", state[512];
	char empty[512], db[600], cmd[600];
	const char *dir = argc > 3 ? argv[3] : NULL;
	struct c_point pts[8];
	struct stat st;
	size_t np;
	struct c_start r0;

	if (newswired == NULL) {
		fprintf(stderr, "usage: bench_commit NEWSWIRED [N [DIR]]\n");
		return 2;
	}
	if (n < C_TIMED)
		n = C_TIMED;
	if (dir == NULL && (dir = mkdtemp(tmpl)) == NULL)
		c_die("mkdtemp", strerror(errno));
	snprintf(state, sizeof(state), "%s/state", dir);
	snprintf(empty, sizeof(empty), "%s/empty", dir);
	snprintf(db, sizeof(db), "%s/newswire.db", state);
	printf("bench_commit: %zu articles over the last 71 hours, in %s\n",
	    n, dir);
	fflush(stdout);
	c_restart(newswired, dir, empty, &r0);
	printf("newswired on an empty state: READY in %.2f s, %.2f s CPU; "
	    "the window loaded in %.2f s, RSS then %ld kB\n", r0.ready,
	    r0.ready_cpu, r0.loaded, r0.loaded_kb);
	fflush(stdout);
	if (argc > 3 && stat(db, &st) == 0) {
		/* a store made before (a fill, or rows repeated in SQL for
		 * a million: docs/window.md): the restarts only */
		printf("the store in %s is there: no fill, the restarts only "
		    "(N counts as the articles it holds)\n", state);
	} else {
		np = c_fill(state, n, pts);
		if (np >= 2)
			printf("commit time at %zu / at %zu: %.2f\n",
			    pts[np - 1].n, pts[0].n,
			    pts[np - 1].commit_us / pts[0].commit_us);
	}
	fflush(stdout);
	/* the store's files as the page cache has them after the fill;
	 * the first start loads the rows (no clean stop wrote a snapshot
	 * since the fill), its stop writes the snapshot the second reads */
	snprintf(cmd, sizeof(cmd), "%s/window.snap", state);
	unlink(cmd);
	c_report(newswired, dir, state, "from the rows", n, r0.loaded_kb);
	c_report(newswired, dir, state, "from the snapshot", n,
	    r0.loaded_kb);
	if (argc <= 3) {
		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
		if (system(cmd) != 0)
			fprintf(stderr, "bench_commit: could not remove %s\n",
			    dir);
	}
	return 0;
}
