/* Fuzz target: the daemon's configuration parser. config_load() reads a
 * path only, so each input is written to an anonymous in-memory file
 * (memfd) and loaded through /proc/self/fd/N; a loaded configuration is
 * then copied and compared with the defaults, as a SIGHUP reload does. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "config.h"
#include "fuzz.h"

/* The harness's own scratch file, opened once per process; the code under
 * test keeps no state. */
static int fuzz_config_fd = -1;
static char fuzz_config_path[64];

static void
fuzz_config_count(void *ctx, const char *section, const char *key,
    bool live)
{
	size_t *n = ctx;

	(void)section;
	(void)key;
	(void)live;
	(*n)++;
}

static void
fuzz_config_open(void)
{
	fuzz_config_fd = memfd_create("fuzz-config", 0);
	if (fuzz_config_fd < 0) {
		perror("memfd_create");
		abort();
	}
	snprintf(fuzz_config_path, sizeof(fuzz_config_path),
	    "/proc/self/fd/%d", fuzz_config_fd);
}

static void
fuzz_config_write(const uint8_t *data, size_t size)
{
	size_t off = 0;

	if (ftruncate(fuzz_config_fd, 0) != 0)
		abort();
	while (off < size) {
		ssize_t n = pwrite(fuzz_config_fd, data + off, size - off,
		    (off_t)off);

		if (n <= 0)
			abort();
		off += (size_t)n;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config defaults, c, copy;
	char err[512];
	size_t changed = 0;

	if (fuzz_config_fd < 0)
		fuzz_config_open();
	fuzz_config_write(data, size);
	memset(&defaults, 0, sizeof(defaults));
	memset(&c, 0, sizeof(c));
	memset(&copy, 0, sizeof(copy));
	config_defaults(&defaults);
	config_defaults(&c);
	if (config_load(&c, fuzz_config_path, err, sizeof(err)) == 0) {
		config_copy(&copy, &c);
		config_diff(&defaults, &copy, fuzz_config_count, &changed);
		config_free(&copy);
	}
	config_free(&c);
	config_free(&defaults);
	return 0;
}
