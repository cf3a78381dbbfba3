/* Fuzz target: date_parse() on the input as a C string (up to its first
 * NUL), date_find() on all of its bytes, and both formatters on whatever
 * they return. */
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "date.h"
#include "fuzz.h"
#include "util.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nw_time t;
	char out[64];
	char *s = xstrndup((const char *)data, size);
	size_t at = 0, span = 0;

	memset(&t, 0, sizeof(t));
	if (date_parse(s, &t) == 0) {
		date_format_utc(&t, out, sizeof(out));
		date_format_local(&t, out, sizeof(out));
	}
	memset(&t, 0, sizeof(t));
	/* date_find gets the bytes without a terminator: it must stay
	 * inside s[0..len) */
	if (date_find((const char *)data, size, &t, &at,
	    &span) == 0) {
		if (at > size || span > size - at)
			abort();  /* the match lies outside the input */
		date_format_utc(&t, out, sizeof(out));
		date_format_local(&t, out, sizeof(out));
	}
	free(s);
	return 0;
}
