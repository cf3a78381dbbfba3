/* Bounded gzip inflation (gunzip.h). */
#include "gunzip.h"

#include <stdint.h>
#include <string.h>
#include <zlib.h>

int
gunzip(const char *data, size_t len, size_t max, struct buf *out, char *err,
    size_t errlen)
{
	z_stream z;
	char chunk[65536];
	int r;

	memset(&z, 0, sizeof(z));
	if (len > UINT32_MAX)
		return fail(err, errlen, "gzip: input too large");
	if (inflateInit2(&z, 15 + 16) != Z_OK)
		return fail(err, errlen, "gzip: cannot initialise");
	z.next_in = (Bytef *)(uintptr_t)data;
	z.avail_in = (uInt)len;
	do {
		z.next_out = (Bytef *)chunk;
		z.avail_out = sizeof(chunk);
		r = inflate(&z, Z_NO_FLUSH);
		if (r != Z_OK && r != Z_STREAM_END) {
			inflateEnd(&z);
			if (r == Z_BUF_ERROR && out->len > 0)
				return 0;
			return fail(err, errlen, "gzip: corrupt data");
		}
		buf_append(out, chunk, sizeof(chunk) - z.avail_out);
		if (out->len > max) {
			inflateEnd(&z);
			return fail(err, errlen, "gzip: more than %zu bytes "
			    "inflated", max);
		}
	} while (r != Z_STREAM_END && z.avail_in > 0);
	inflateEnd(&z);
	return 0;
}
