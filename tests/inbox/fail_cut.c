/* An LD_PRELOAD shim that kills its process right before its first move
 * of a file into failed/ by renameat2() with RENAME_NOREPLACE: a kill
 * or a power cut between the write of a failed file's NAME.error.INO.tmp
 * and its move (daemon/inbox.c). */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int
renameat2(int fromfd, const char *from, int tofd, const char *to,
    unsigned int flags)
{
	if ((flags & RENAME_NOREPLACE) && strstr(to, "/failed/") != NULL)
		raise(SIGKILL);
	return (int)syscall(SYS_renameat2, fromfd, from, tofd, to, flags);
}
