/* A dump in memory for the tests (memdump.h). */
#include "memdump.h"

#include <string.h>

int
memdump_put(void *ctx, const void *p, size_t n)
{
	struct memdump *m = ctx;

	buf_append(&m->b, (const char *)p, n);
	return 0;
}

int
memdump_get(void *ctx, void *p, size_t n)
{
	struct memdump *m = ctx;

	if (n > m->b.len - m->at)
		return -1;
	memcpy(p, m->b.p + m->at, n);
	m->at += n;
	return 0;
}
