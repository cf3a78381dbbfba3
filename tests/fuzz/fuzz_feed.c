/* Fuzz target: feed_parse() (RSS, RDF, Atom, JSON Feed, gzip) on any bytes,
 * and feed_to_json() on every feed it returns. */
#include <jansson.h>

#include "feed/feed.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct feed *f;
	char err[256];

	f = feed_parse((const char *)data, size, FUZZ_URL, err, sizeof(err));
	if (f != NULL) {
		json_t *j = feed_to_json(f);

		json_decref(j);
		feed_free(f);
	}
	return 0;
}
