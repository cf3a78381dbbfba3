/* Inflating gzip data with a bound: the feed and sitemap readers both
 * take .gz bodies served as they are. */
#ifndef NW_GUNZIP_H
#define NW_GUNZIP_H

#include <stddef.h>

#include "util.h"

/* Appends the inflated data to out, at most max bytes; a stream cut short
 * keeps what was inflated. 0, or -1 with a reason in err (corrupt, or
 * more than max bytes). */
int gunzip(const char *data, size_t len, size_t max, struct buf *out,
    char *err, size_t errlen);

#endif
