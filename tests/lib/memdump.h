/* A dump in memory for the tests of the indexes' dump and undump
 * (dup_index_dump(), story_index_dump(), ...): memdump_put() is the
 * dump's write callback, memdump_get() the undump's read callback, which
 * refuses a read past the end as a file cut short would. */
#ifndef NW_TEST_MEMDUMP_H
#define NW_TEST_MEMDUMP_H

#include <stddef.h>

#include "util.h"

struct memdump {
	struct buf b;   /* what was dumped */
	size_t at;      /* where the next read starts */
};

int memdump_put(void *ctx, const void *p, size_t n);
int memdump_get(void *ctx, void *p, size_t n);

#endif
