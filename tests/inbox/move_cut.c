/* An LD_PRELOAD shim that kills its process in the middle of its first
 * move out of a claim: renameat2() with RENAME_NOREPLACE fails with
 * EINVAL (noreplace_einval.c), so the daemon moves by a hard link and
 * an unlink (daemon/inbox.c); a link() into processed/ or failed/ is
 * made, and then the process raises SIGKILL before its unlink, as a
 * kill or a power cut may take a node between the two. */
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "noreplace_einval.c"

int
link(const char *from, const char *to)
{
	int rc = linkat(AT_FDCWD, from, AT_FDCWD, to, 0);

	if (rc == 0 && (strstr(to, "/processed/") != NULL ||
	    strstr(to, "/failed/") != NULL))
		raise(SIGKILL);
	return rc;
}
