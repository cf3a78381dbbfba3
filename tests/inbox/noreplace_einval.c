/* An LD_PRELOAD shim for the inbox-shared-noreplace test: renameat2()
 * with RENAME_NOREPLACE fails with EINVAL, as on a file system that
 * does not take the flag (NFS); without it, a plain renameat(). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>

int
renameat2(int fromfd, const char *from, int tofd, const char *to,
    unsigned int flags)
{
	if (flags & RENAME_NOREPLACE) {
		errno = EINVAL;
		return -1;
	}
	return renameat(fromfd, from, tofd, to);
}
