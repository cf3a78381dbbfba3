/* The watched folder: offers each complete regular file dropped into a
 * directory, once it is closed after writing (IN_CLOSE_WRITE) or moved in
 * (IN_MOVED_TO), plus every file already there at start and after an
 * inotify queue overflow. Dotfiles and partial downloads (*.part, *.tmp,
 * *~) are never offered. An empty file is held for a grace period, in
 * case its writer fills it later, before it is offered as it is. A file
 * written in place and changed (mtime) less than the settle period ago
 * is held until it has not changed for that long: a writer that closes
 * and reopens it to append is not cut short. A file renamed in is done
 * and taken at once. A name created in one step that is not a
 * regular file (a symbolic link, a FIFO, a device) is logged when it
 * appears and never offered. A hard link to a file is taken like a file
 * renamed in, the settle period applying from its mtime, whether its
 * first name is still there or was unlinked before the watcher looked:
 * no close announces it, and it is told from a file being written by the
 * open (IN_OPEN) that an open(O_CREAT) makes in the same system call and
 * a link does not: a name created with one link and opened by nobody
 * within 100 ms, or by readers only (each open closed without writing),
 * is a link. Every open and close of a name in the folder is an inotify
 * event then, so a queue overflows (a rescan) a little sooner.
 *
 * The watcher runs on the caller's libevent loop and holds no item state:
 * the consumer decides what to do with a name it already has. */
#ifndef NW_WATCHER_H
#define NW_WATCHER_H

#include <stddef.h>
#include <sys/stat.h>

struct event_base;
struct watcher;

enum watcher_offer {
	WATCHER_TAKEN,  /* the consumer owns fd now */
	WATCHER_FULL,   /* no room: the watcher closes fd, stops reading
	                   inotify, and offers the name again after
	                   watcher_resume() */
};

/* Log levels of the log callback, as the daemon's: 0 error .. 3 debug. */
struct watcher_ops {
	/* A file to take: fd is open read-only on it (O_NOFOLLOW), it is a
	 * regular file, st is its fstat(). */
	enum watcher_offer (*offer)(void *ctx, const char *name, int fd,
	    const struct stat *st);
	void (*log)(void *ctx, int level, const char *msg);
	void *ctx;
};

/* Watches dir (which must exist) and schedules the start-up scan. Returns
 * NULL with a reason in err. */
struct watcher *watcher_new(struct event_base *base, const char *dir,
    int empty_grace, const struct watcher_ops *ops, char *err,
    size_t errlen);

/* The consumer has room again: offer what waits, then read on. */
void watcher_resume(struct watcher *w);

/* Looks at name again (the consumer saw it change while busy with it). */
void watcher_recheck(struct watcher *w, const char *name);

/* Scans the whole folder again, as after an inotify overflow. */
void watcher_rescan(struct watcher *w);

void watcher_set_grace(struct watcher *w, int seconds);

/* The settle period, in milliseconds; 0 takes a file at its close. */
#define WATCHER_DEFAULT_SETTLE_MS 1000
void watcher_set_settle(struct watcher *w, int ms);

/* Stops watching; names not yet offered stay in the folder. */
void watcher_free(struct watcher *w);

/* True for names never offered: dotfiles, *.part, *.tmp, *~. */
int watcher_ignored(const char *name);

#endif
