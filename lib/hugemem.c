/* Zeroed blocks, the large ones on huge pages (hugemem.h). */
#include "hugemem.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "util.h"

void *
hugemem_calloc(size_t n, size_t size, void *arg)
{
	void *p;

	(void)arg;
	if (size != 0 && n > SIZE_MAX / size)
		abort();
	if (n * size < HUGEMEM_MIN)
		return xcalloc(n, size);
	if (posix_memalign(&p, HUGEMEM_MIN, n * size) != 0)
		abort();
	/* a hint only: where it is not taken, the block is as any other */
	(void)madvise(p, n * size, MADV_HUGEPAGE);
	memset(p, 0, n * size);
	return p;
}

void
hugemem_free(void *p, void *arg)
{
	(void)arg;
	free(p);
}
