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

/* One read of the whole dump, said to be len bytes long. */
static void *
memdump_read(struct memdump *m,
    void *(*undump)(struct memdump *m, size_t len), size_t len)
{
	m->at = 0;
	return undump(m, len);
}

size_t
memdump_refusals(struct memdump *m,
    void *(*undump)(struct memdump *m, size_t len), void (*drop)(void *),
    size_t flips)
{
	size_t taken = 0;
	void *x;

	/* cut short anywhere, then said to be a byte longer */
	for (size_t cut = 0; cut <= m->b.len + 1; cut += 1 + cut / 3) {
		if (cut >= m->b.len)
			cut = m->b.len + 1;
		x = memdump_read(m, undump, cut);
		if (x != NULL) {
			taken++;
			drop(x);
		}
	}
	for (size_t k = 0; k < flips && m->b.len > 0; k++) {
		size_t at = (k * 2654435761u) % m->b.len;

		m->b.p[at] ^= (char)(1 << (k % 8));
		drop(memdump_read(m, undump, m->b.len));
		m->b.p[at] ^= (char)(1 << (k % 8));
	}
	return taken;
}
