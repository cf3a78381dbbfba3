/* The normalise-and-extract pipeline: bytes in, article out. Pure: no I/O,
 * no global state; safe to call from several threads at once. The daemon's
 * workers and `newswire extract` both call pipeline_run(). */
#ifndef NW_PIPELINE_H
#define NW_PIPELINE_H

#include <stddef.h>
#include <stdint.h>

#include "article.h"
#include "budget.h"

struct nw_input {
	const unsigned char *data;
	size_t len;
	const char *url;           /* where it came from, or NULL */
	const char *content_type;  /* HTTP Content-Type, or NULL */
	const char *content_language; /* HTTP Content-Language, or NULL:
	                              a hint to the language, behind
	                              what the page states */
	const char *name;          /* file or item name, for messages */
	int64_t now;               /* ingest time, Unix seconds; no date
	                              later than this is accepted */
	const struct budget *budget; /* NULL: none; else asked between the
	                              stages (decode, extract, normalise,
	                              enrich): once it is spent the run
	                              gives up, budget_left() saying why */
};

/* Largest input the pipeline accepts, in bytes. */
#define PIPELINE_MAX_INPUT (32u * 1024 * 1024)

/* Runs decode, sniff, extract, normalise and enrich. Returns a new article
 * owned by the caller, or NULL with a one-line reason in err. */
struct nw_article *pipeline_run(const struct nw_input *in,
    char *err, size_t errlen);

#endif
