/* shim_hold.h: the wait the LD_PRELOAD shims (move_hold, read_hold)
 * share. Where the file NW_HOLD names exists, hold() makes NW_HOLD.held
 * (the test's sign that the process is held) and waits while NW_HOLD
 * exists, 30 s at most. */
#ifndef SHIM_HOLD_H
#define SHIM_HOLD_H

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static void
hold(void)
{
	const char *path = getenv("NW_HOLD");
	const struct timespec tick = { .tv_nsec = 50000000 };
	char mark[4096];
	int fd;

	if (path == NULL || access(path, F_OK) != 0)
		return;
	snprintf(mark, sizeof(mark), "%s.held", path);
	fd = open(mark, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
	if (fd >= 0)
		close(fd);
	for (int i = 0; i < 600 && access(path, F_OK) == 0; i++)
		nanosleep(&tick, NULL);
}

#endif
