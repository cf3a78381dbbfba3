/* An LD_PRELOAD shim that holds its process at a renameat2() into a
 * path holding NW_HOLD_AT (default "/processed/") while the file NW_HOLD
 * names exists (30 s at most), having made NW_HOLD.held: before the
 * real system call, or after it when it failed if NW_HOLD_FAILED is
 * set. The test changes the world meanwhile: it fills the store's disk
 * between a turn's commit and the move out that follows it; it lets
 * another node claim a file whose claim the daemon was refused, while
 * the daemon is to work on it in the inbox itself. With NW_HOLD_AFTER_AT
 * set it holds too right after a rename into a path holding that, which
 * the file system took: the test kills the daemon there, between a
 * file's claim and the COMMIT of its loop turn. */
#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "shim_hold.h"

int
renameat2(int fromfd, const char *from, int tofd, const char *to,
    unsigned int flags)
{
	const char *at = getenv("NW_HOLD_AT");
	const char *done = getenv("NW_HOLD_AFTER_AT");
	bool after = getenv("NW_HOLD_FAILED") != NULL;
	bool here = strstr(to, at != NULL ? at : "/processed/") != NULL;
	int rc, e;

	if (here && !after)
		hold();
	rc = (int)syscall(SYS_renameat2, fromfd, from, tofd, to, flags);
	e = errno;
	if (here && after && rc != 0)
		hold();
	if (rc == 0 && done != NULL && strstr(to, done) != NULL)
		hold();
	errno = e;
	return rc;
}
