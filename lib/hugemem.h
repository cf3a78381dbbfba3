/* Memory for large blocks read at random (the story index's rings, 40
 * bytes an entry, a look-up reading a thousand of them at random): of
 * HUGEMEM_MIN bytes or more, aligned to it and marked for transparent
 * huge pages (madvise MADV_HUGEPAGE, a hint the kernel may ignore), so
 * that such a read does not also cost a miss of the TLB for every 4 KiB
 * page. Smaller blocks come from xcalloc(). Both are zeroed; an
 * allocation that fails aborts, as xmalloc() does. The arg of each is
 * unused: they have the shape of struct story_alloc's members, through
 * which the daemon and the benches give them to the pipeline (which
 * makes no system call itself). */
#ifndef NW_HUGEMEM_H
#define NW_HUGEMEM_H

#include <stddef.h>

#define HUGEMEM_MIN ((size_t)2 << 20)

/* n * size bytes, zeroed; freed with hugemem_free(). */
void *hugemem_calloc(size_t n, size_t size, void *arg);
void hugemem_free(void *p, void *arg);

#endif
