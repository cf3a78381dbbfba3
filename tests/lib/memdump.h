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

/* Reads the dump back hostile ways with undump(m, len), which returns
 * the index or NULL, and drop() to free what it returns: cut short at
 * every length (a third further each time) and said to be a byte longer,
 * it must refuse; with each of `flips` bytes changed in turn it must read
 * safely, whatever it returns (the sanitizers tell). The dump is left as
 * it was. Returns how many cut or longer reads were not refused. */
size_t memdump_refusals(struct memdump *m,
    void *(*undump)(struct memdump *m, size_t len), void (*drop)(void *),
    size_t flips);

#endif
