/* bench_commit NEWSWIRED [N [DIR]]: the window through the real commit
 * path and a real restart (issue 18).
 *
 * N synthetic articles (window_gen.h: stories, reports, syndicated copies
 * with furniture; default a million) over the last 71 hours fill a store
 * in DIR (default a new folder under /tmp, removed at the end unless
 * given). The 2,000 articles before each checkpoint (10k, 100k, ..., N)
 * go through commit.c as the daemon's loop takes them (commit_begin,
 * commit_item, commit_end, turns of 64): the duplicate look-up, the
 * story assignment, the store's rows and the journalled event; their
 * CPU time per article is printed with the process's resident memory
 * per article (growth since the start, the indexes and SQLite's cache).
 * The others are written the quick way, with the rows and events the
 * commit path writes (store_classify, store_dup_add for an original,
 * store_story_add with the story the article was written for, the event
 * in the journal), and filed in the indexes as a restart files them.
 *
 * Then the real NEWSWIRED starts on that state, twice (once on an empty
 * state first, the baseline of the same run): the wall time from exec to
 * READY=1 on $NOTIFY_SOCKET, and its resident memory at READY. Its log
 * line "window: ... loaded in" is printed too. Figures, never asserted:
 * docs/window.md and docs/benchmarks.md have them. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <poll.h>
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
#include "log.h"
#include "store.h"
#include "util.h"
#include "window_gen.h"

#define C_TIMED 2000
#define C_TURN 64
#define C_BULK_TX 2000
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

/* What the commit path writes for an article, the quick way: a new
 * article (a copy is journalled as a duplicate, not printed), its story
 * the one it was written for. */
static void
c_bulk(struct store *s, struct story_index *stories, struct dup_index *dups,
    struct nw_article *a, const char *print, int copy, uint64_t story)
{
	char id[EVENT_ID_LEN], sid[24], err[256];
	int64_t t = a->published.utc;
	struct store_verdict v = { 0 };
	struct event_meta m = {
		.origin_id = store_origin_id(s),
		.origin_epoch = store_origin_epoch(s),
		.source_name = "bench",
		.source_kind = "folder",
		.source_uri = "file:///bench",
		.fetched_at = t,
		.version = 1,
	};
	char *sig, *json, *topic;
	json_t *ev;

	event_article_id(a, id);
	if (store_classify(s, id, a->content_hash, t, &v, err,
	    sizeof(err)) != 0)
		c_die("store_classify", err);
	if (!copy) {
		if (store_dup_add(s, id, t, print, err, sizeof(err)) != 0)
			c_die("store_dup_add", err);
		dup_index_add(dups, id, print, t);
	}
	snprintf(sid, sizeof(sid), "st1-%016" PRIx64, story);
	article_set(&a->story_id, sid);
	sig = story_signature(a);
	if (store_story_add(s, id, sid, t, sig ? sig : "", err,
	    sizeof(err)) != 0)
		c_die("store_story_add", err);
	story_index_restore(stories, sid, t, sig ? sig : "");
	free(sig);
	m.id = id;
	m.seq = store_next_seq(s);
	ev = event_article(a, &m);
	json = event_dump(ev);
	json_decref(ev);
	topic = event_topic(copy ? "duplicate" : "new", "bench");
	if (json == NULL || store_journal(s, m.seq, topic, json, t, err,
	    sizeof(err)) != 0)
		c_die("store_journal", err);
	free(json);
	free(topic);
}

struct c_point {
	size_t n;
	double rss;           /* bytes per article */
	double commit_us;     /* CPU per article through commit.c */
	size_t dups;          /* duplicates found among the timed */
};

/* Fills the store in state with n articles; the checkpoints' figures
 * into pts. */
static size_t
c_fill(const char *state, size_t n, struct c_point *pts)
{
	static struct w_gen g;
	struct log lg = { .level = LOG_WARN };
	char err[256];
	struct store *s = store_open(state, false, err, sizeof(err));
	struct story_index *stories = story_index_new(0);
	struct dup_index *dups = dup_index_new(0);
	struct commit *c;
	size_t at[8], nat = 0, np = 0, turn = 0, ndup = 0;
	double rss0, cpu = 0;
	int bulk_open = 0;

	if (s == NULL)
		c_die("store_open", err);
	c = commit_new(s, stories, dups, NULL, NULL, &lg);
	for (size_t k = 10000; k < n; k *= 10)
		at[nat++] = k;
	at[nat++] = n;
	w_gen_init(&g, n);
	g.t0 = (int64_t)time(NULL) - W_WINDOW + 3600;
	g.dt = (double)(W_WINDOW - 3600) / (double)n;
	rss0 = w_rss();
	for (size_t i = 0; i < n; i++) {
		char gid[40], *print;
		int copy, timed = 0;
		uint64_t story;
		struct nw_article *a = w_next2(&g, gid, &print, &copy, &story);

		for (size_t k = 0; k < nat; k++)
			timed |= i + C_TIMED >= at[k] && i < at[k];
		if (timed) {
			struct commit_item it = {
				.source = "bench", .kind = "folder",
				.uri = "file:///bench", .label = gid,
				.fetched_at = a->published.utc, .article = a,
			};
			double c0;

			article_set(&a->dup_print, print);
			if (bulk_open && store_commit(s, err, sizeof(err)) != 0)
				c_die("store_commit", err);
			bulk_open = 0;
			c0 = w_cpu();
			if (commit_begin(c, err, sizeof(err)) != 0 ||
			    commit_item(c, &it, err, sizeof(err)) != 0)
				c_die("commit_item", err);
			if (++turn == C_TURN || i + 1 == at[np]) {
				if (commit_end(c, err, sizeof(err)) != 0)
					c_die("commit_end", err);
				turn = 0;
			}
			cpu += w_cpu() - c0;
			ndup += it.outcome == COMMIT_DUPLICATE;
		} else {
			if (!bulk_open && store_begin(s, err, sizeof(err)) != 0)
				c_die("store_begin", err);
			bulk_open = 1;
			c_bulk(s, stories, dups, a, print, copy, story);
			if ((i + 1) % C_BULK_TX == 0) {
				if (store_commit(s, err, sizeof(err)) != 0)
					c_die("store_commit", err);
				bulk_open = 0;
			}
		}
		free(print);
		article_free(a);
		if (np < nat && i + 1 == at[np]) {
			pts[np].n = i + 1;
			pts[np].rss = (w_rss() - rss0) / (double)(i + 1);
			pts[np].commit_us = cpu / C_TIMED * 1e6;
			pts[np].dups = ndup;
			printf("fill %9zu articles: RSS %6.0f B/article (indexes "
			    "and SQLite's cache), commit %7.1f us CPU/article "
			    "(%zu of %d duplicates)\n", pts[np].n, pts[np].rss,
			    pts[np].commit_us, ndup, C_TIMED);
			fflush(stdout);
			cpu = 0;
			ndup = 0;
			np++;
		}
	}
	if (bulk_open && store_commit(s, err, sizeof(err)) != 0)
		c_die("store_commit", err);
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

/* Starts newswired on state, waits for READY=1 (at most C_READY_SECS):
 * the seconds it took (-1: never), its RSS then into *kb, its CPU
 * seconds then into *cpu; stops it (SIGTERM: a clean stop, which
 * writes the window's snapshot that the next start reads). */
static double
c_restart(const char *newswired, const char *dir, const char *state,
    long *kb, double *cpu)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	char conf[512], logp[512], inbox[512];
	double t0, secs = -1;
	int fd, status;
	pid_t pid;
	FILE *f;

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
	*kb = -1;
	*cpu = -1;
	while (c_now() - t0 < C_READY_SECS) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		char msg[512];
		ssize_t r;

		if (poll(&p, 1, 1000) <= 0) {
			if (waitpid(pid, &status, WNOHANG) == pid) {
				pid = -1;
				break;
			}
			continue;
		}
		r = recv(fd, msg, sizeof(msg) - 1, 0);
		if (r <= 0)
			continue;
		msg[r] = '\0';
		if (strstr(msg, "READY=1") != NULL) {
			secs = c_now() - t0;
			*kb = c_vmrss_kb(pid);
			*cpu = c_cpu_of(pid);
			break;
		}
	}
	close(fd);
	if (pid > 0) {
		kill(pid, SIGTERM);
		waitpid(pid, &status, 0);
	}
	return secs;
}

/* The daemon's last "window: ..." log line, into line. */
static void
c_window_line(const char *dir, char *line, size_t len)
{
	char path[512], buf[1024];
	FILE *f;

	snprintf(path, sizeof(path), "%s/newswired.log", dir);
	line[0] = '\0';
	f = fopen(path, "r");
	if (f == NULL)
		return;
	while (fgets(buf, sizeof(buf), f) != NULL) {
		char *w = strstr(buf, "window: ");

		if (w != NULL && strstr(w, "loaded in") != NULL) {
			w[strcspn(w, "\n")] = '\0';
			snprintf(line, len, "%s", w);
		}
	}
	fclose(f);
}

/* Restarts newswired on state and prints what it took; what names the
 * start. */
static void
c_report(const char *newswired, const char *dir, const char *state,
    const char *what, size_t n, long kb0)
{
	char line[512];
	double secs, cpu, la[1] = { -1 };
	long kb;

	secs = c_restart(newswired, dir, state, &kb, &cpu);
	c_window_line(dir, line, sizeof(line));
	getloadavg(la, 1);
	printf("newswired restarted with %zu articles (%s): READY in %.2f s "
	    "wall, %.2f s CPU, RSS %ld kB (%.0f B/article over the empty "
	    "state's), load average %.1f\n  %s\n", n, what, secs, cpu, kb,
	    (double)(kb - kb0) * 1024.0 / (double)n, la[0], line);
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
	double secs0, cpu0;
	long kb0;

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
	secs0 = c_restart(newswired, dir, empty, &kb0, &cpu0);
	printf("newswired on an empty state: READY in %.2f s, %.2f s CPU, "
	    "RSS %ld kB\n", secs0, cpu0, kb0);
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
	c_report(newswired, dir, state, "from the rows", n, kb0);
	c_report(newswired, dir, state, "from the snapshot", n, kb0);
	if (argc <= 3) {
		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
		if (system(cmd) != 0)
			fprintf(stderr, "bench_commit: could not remove %s\n",
			    dir);
	}
	return 0;
}
