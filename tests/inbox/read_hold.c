/* An LD_PRELOAD shim that holds its process at a read() of a file whose
 * path ends in NW_HOLD_READ while the file NW_HOLD names exists (30 s
 * at most), having made NW_HOLD.held: the daemon's worker is held
 * reading a file it took, so that the test can stop the daemon while
 * the file is in work. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dlfcn.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "shim_hold.h"

ssize_t
read(int fd, void *buf, size_t n)
{
	static ssize_t (*real)(int, void *, size_t);
	const char *want = getenv("NW_HOLD_READ");
	char link[64], path[4096];
	ssize_t len;
	size_t wl;

	if (real == NULL)
		real = (ssize_t (*)(int, void *, size_t))dlsym(RTLD_NEXT,
		    "read");
	if (want != NULL) {
		snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
		len = readlink(link, path, sizeof(path) - 1);
		wl = strlen(want);
		if (len > 0 && (size_t)len >= wl) {
			path[len] = '\0';
			if (strcmp(path + len - wl, want) == 0)
				hold();
		}
	}
	return real(fd, buf, n);
}
