/* Fuzz target: the whole pipeline_run() (decode, sniff, extract, normalise,
 * enrich) on any bytes, as the daemon's workers call it for a file of
 * unknown type. */
#include "article.h"
#include "fuzz.h"
#include "pipeline.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nw_input in = {
		.data = data,
		.len = size,
		.url = FUZZ_URL,
		.content_type = NULL,
		.name = "fuzz",
		.now = FUZZ_NOW,
	};
	char err[256];

	article_free(pipeline_run(&in, err, sizeof(err)));
	return 0;
}
