/* Fuzz target: html_extract() on any bytes, decoded to UTF-8 first as
 * pipeline_run() does (html_extract's contract is UTF-8 input). The sniffer
 * is skipped so that every input reaches the HTML extractor. */
#include <stdlib.h>

#include "article.h"
#include "decode.h"
#include "fuzz.h"
#include "html/html_extract.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nw_article *a;
	char err[256];
	char *text = NULL;
	size_t len = 0;

	if (decode_to_utf8(data, size, "text/html", &text, &len, NULL, err,
	    sizeof(err)) != 0)
		return 0;
	a = article_new();
	html_extract(text, len, FUZZ_URL, FUZZ_NOW, a, err, sizeof(err));
	article_free(a);
	free(text);
	return 0;
}
