/* Fuzz target: text_extract() on any bytes, decoded to UTF-8 first as
 * pipeline_run() does (text_extract's contract is UTF-8 input). The sniffer
 * is skipped so that every input reaches the text-dump extractor. */
#include <stdlib.h>

#include "article.h"
#include "decode.h"
#include "fuzz.h"
#include "text/text_extract.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nw_article *a;
	char err[256];
	char *text = NULL;
	size_t len = 0;

	if (decode_to_utf8(data, size, "text/plain", &text, &len, NULL, err,
	    sizeof(err)) != 0)
		return 0;
	a = article_new();
	text_extract(text, len, FUZZ_NOW, a, err, sizeof(err));
	article_free(a);
	free(text);
	return 0;
}
