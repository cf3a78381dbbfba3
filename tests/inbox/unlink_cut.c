/* An LD_PRELOAD shim that kills its process right after the unlink that
 * ends its first move out of a claim: renameat2() with RENAME_NOREPLACE
 * fails with EINVAL (noreplace_einval.c), so the daemon moves by a hard
 * link and an unlink (daemon/inbox.c), and the process raises SIGKILL
 * once the claimed/ name is unlinked, before the move's mark
 * (processed/.NAME.moving) is removed. */
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "noreplace_einval.c"

int
unlink(const char *path)
{
	int rc = unlinkat(AT_FDCWD, path, 0);

	if (rc == 0 && strstr(path, "/claimed/") != NULL)
		raise(SIGKILL);
	return rc;
}
