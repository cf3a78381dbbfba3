#include "pipeline.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "decode.h"
#include "enrich/enrich.h"
#include "html/html_extract.h"
#include "sniff.h"
#include "text/text_extract.h"

/* Whether the budget's state st stops the run before what, err then
 * saying so. */
static bool
stops(enum budget_state st, const char *what, char *err, size_t errlen)
{
	if (st == BUDGET_LEFT)
		return false;
	fail(err, errlen, "%s before %s", st == BUDGET_HALTED ?
	    "stopped" : "over its time budget", what);
	return true;
}

/* Whether the view text[0, len) that decode_view_unchecked() gave is
 * clean UTF-8, checked whole. */
static bool
view_clean(const char *text, size_t len)
{
	struct decode_check c;

	decode_check_init(&c, text, len);
	decode_check_to(&c, len);
	return !c.dirty;
}

/* The article of the decoded text[0, len), NUL-terminated where
 * terminated, or NULL with err said. With unchecked, text is a view that
 * decode_view_unchecked() gave: where it is not clean UTF-8, NULL with
 * *dirty, before any failure that came after decoding's. */
static struct nw_article *
pipeline_text(const struct nw_input *in, const char *text, size_t len,
    bool terminated, bool unchecked, bool *dirty, char *err,
    size_t errlen)
{
	enum sniff_kind kind = sniff_kind(text, len);
	enum budget_state st = budget_left(in->budget);
	struct nw_article *a = NULL;
	const char *step = "enrichment";
	char *copy = NULL;
	int rc;

	/* only the HTML extractor checks as it reads */
	*dirty = unchecked && (kind != SNIFF_HTML || st != BUDGET_LEFT) &&
	    !view_clean(text, len);
	if (*dirty || stops(st, "extraction", err, errlen))
		return NULL;
	if (kind != SNIFF_HTML && !terminated) {
		/* the text extractor reads up to a NUL */
		copy = xstrndup(text, len);
		text = copy;
	}
	a = article_new();
	article_set(&a->url, in->url);
	switch (kind) {
	case SNIFF_HTML:
		rc = unchecked ? html_extract_unchecked(text, len, in->url,
		    in->now, a, dirty, err, errlen) : html_extract(text, len,
		    in->url, in->now, a, err, errlen);
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
	free(copy);
	if (rc != 0)
		goto err;
	if (a->body == NULL || a->body[0] == '\0') {
		fail(err, errlen, "no article text found");
		goto err;
	}
	if (stops(budget_left(in->budget), "normalisation", err, errlen))
		goto err;
	/* the server's Content-Language stands behind what the page says
	 * (its lang attribute, JSON-LD, <meta>): a hint the text's script
	 * can overrule, like them (enrich_article()) */
	if (a->lang == NULL)
		a->lang = enrich_lang_tag(in->content_language);
	enrich_normalise(a);
	if (stops(budget_left(in->budget), "enrichment", err, errlen))
		goto err;
	st = enrich_article_within(a, in->budget, &step);
	if (stops(st, step, err, errlen))
		goto err;
	return a;
err:
	article_free(a);
	return NULL;
}

struct nw_article *
pipeline_run(const struct nw_input *in, char *err, size_t errlen)
{
	struct nw_article *a;
	const char *text = NULL;
	char *owned = NULL;
	size_t len = 0;
	bool dirty = false;

	if (in->len > PIPELINE_MAX_INPUT) {
		fail(err, errlen, "too large: %zu bytes, the limit is %u",
		    in->len, PIPELINE_MAX_INPUT);
		return NULL;
	}
	/* clean UTF-8 is read where it is, and checked by the HTML
	 * extractor's cut of the page (html_strip_raw(), the one copy it
	 * makes) as it reads it: one pass over the page's bytes, not two;
	 * a page that is not clean is decoded anew */
	if (decode_view_unchecked(in->data, in->len, in->content_type,
	    &text, &len)) {
		a = pipeline_text(in, text, len, false, true, &dirty, err,
		    errlen);
		if (!dirty)
			return a;
	}
	if (decode_to_utf8_view(in->data, in->len, in->content_type, &text,
	    &len, &owned, NULL, err, errlen) != 0)
		return NULL;
	a = pipeline_text(in, text, len, owned != NULL, false, &dirty, err,
	    errlen);
	free(owned);
	return a;
}
