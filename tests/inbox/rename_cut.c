/* An LD_PRELOAD shim that kills its process right after its first move
 * of a file into failed/ by renameat2() with RENAME_NOREPLACE, which
 * the file system takes (the real system call): a kill or a power cut
 * between a failed file's move and its NAME.error being put in place
 * (daemon/inbox.c). With NW_CUT_PAUSE=PATH set it pauses there instead,
 * while PATH exists (30 s at most), having made PATH.paused: a node held
 * between the two while another moves a file of that name. */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static void
cut(void)
{
	const char *pause = getenv("NW_CUT_PAUSE");
	const struct timespec tick = { .tv_nsec = 50000000 };
	char mark[4096];
	int fd;

	if (pause == NULL)
		raise(SIGKILL);
	if (access(pause, F_OK) != 0)
		return;
	snprintf(mark, sizeof(mark), "%s.paused", pause);
	fd = open(mark, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
	if (fd >= 0)
		close(fd);
	for (int i = 0; i < 600 && access(pause, F_OK) == 0; i++)
		nanosleep(&tick, NULL);
}

int
renameat2(int fromfd, const char *from, int tofd, const char *to,
    unsigned int flags)
{
	size_t n = strlen(to);
	int rc = (int)syscall(SYS_renameat2, fromfd, from, tofd, to, flags);

	if (rc == 0 && (flags & RENAME_NOREPLACE) &&
	    strstr(to, "/failed/") != NULL &&
	    (n < 6 || strcmp(to + n - 6, ".error") != 0))
		cut();
	return rc;
}
