#include "pipeline.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "decode.h"
#include "enrich/enrich.h"
#include "html/html_extract.h"
#include "sniff.h"
#include "text/text_extract.h"

/* Whether the budget stops the run before what, err then saying so. */
static bool
stops(const struct nw_input *in, const char *what, char *err,
    size_t errlen)
{
	enum budget_state st = budget_left(in->budget);

	if (st == BUDGET_LEFT)
		return false;
	fail(err, errlen, "%s before %s", st == BUDGET_HALTED ?
	    "stopped" : "over its time budget", what);
	return true;
}

struct nw_article *
pipeline_run(const struct nw_input *in, char *err, size_t errlen)
{
	struct nw_article *a = NULL;
	const char *text = NULL;
	char *owned = NULL;
	size_t len = 0;
	enum sniff_kind kind;
	int rc;

	if (in->len > PIPELINE_MAX_INPUT) {
		fail(err, errlen, "too large: %zu bytes, the limit is %u",
		    in->len, PIPELINE_MAX_INPUT);
		goto err;
	}
	/* clean UTF-8 is read where it is: the HTML extractor's cut of the
	 * page (html_strip_raw()) is the one copy it makes */
	if (decode_to_utf8_view(in->data, in->len, in->content_type, &text,
	    &len, &owned, NULL, err, errlen) != 0)
		goto err;
	if (stops(in, "extraction", err, errlen))
		goto err;
	kind = sniff_kind(text, len);
	if (kind != SNIFF_HTML && owned == NULL) {
		/* the text extractor reads up to a NUL */
		owned = xstrndup(text, len);
		text = owned;
	}
	a = article_new();
	article_set(&a->url, in->url);
	switch (kind) {
	case SNIFF_HTML:
		rc = html_extract(text, len, in->url, in->now, a, err, errlen);
		break;
	case SNIFF_TEXT:
		rc = text_extract(text, len, in->now, a, err, errlen);
		break;
	case SNIFF_FEED:
		rc = fail(err, errlen, "a feed, not an article page: "
		    "configure it as a feed source");
		break;
	default:
		rc = fail(err, errlen, "not an HTML page or a text dump");
		break;
	}
	if (rc != 0)
		goto err;
	if (a->body == NULL || a->body[0] == '\0') {
		fail(err, errlen, "no article text found");
		goto err;
	}
	if (stops(in, "normalisation", err, errlen))
		goto err;
	/* the server's Content-Language stands behind what the page says
	 * (its lang attribute, JSON-LD, <meta>): a hint the text's script
	 * can overrule, like them (enrich_article()) */
	if (a->lang == NULL)
		a->lang = enrich_lang_tag(in->content_language);
	enrich_normalise(a);
	if (stops(in, "enrichment", err, errlen))
		goto err;
	enrich_article(a);
	free(owned);
	return a;
err:
	article_free(a);
	free(owned);
	return NULL;
}
