/* An LD_PRELOAD shim that holds its process before a move into
 * processed/ by renameat2() while the file NW_HOLD names exists (30 s
 * at most), having made NW_HOLD.held: the test changes the world
 * between a turn's commit and the move out that follows it (it fills
 * the store's disk), then lets the real system call go on. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
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

int
renameat2(int fromfd, const char *from, int tofd, const char *to,
    unsigned int flags)
{
	if (strstr(to, "/processed/") != NULL)
		hold();
	return (int)syscall(SYS_renameat2, fromfd, from, tofd, to, flags);
}
