/* meta_probe [--url URL] [--parse-only] FILE...: runs html_meta_extract()
 * alone on each page and prints one JSON line per file in nwscore's
 * format, so the metadata can be scored before (or apart from) the
 * main-content extractor. The page is decoded and parsed as html_extract()
 * does. --url URL applies to all; --parse-only skips the extraction, to
 * time what the metadata costs on top of the parse. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>
#include <libxml/HTMLparser.h>

#include "article.h"
#include "date.h"
#include "decode.h"
#include "html/html_meta.h"

static char *
probe_slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *p = NULL;
	size_t cap = 0, n = 0, r;

	if (f == NULL)
		return NULL;
	for (;;) {
		if (n + 65536 > cap) {
			cap = (n + 65536) * 2;
			p = xrealloc(p, cap);
		}
		r = fread(p + n, 1, cap - n, f);
		if (r == 0)
			break;
		n += r;
	}
	fclose(f);
	*len = n;
	return p;
}

static json_t *
probe_str(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

static void
probe_one(const char *path, const char *url, int64_t now, bool extract)
{
	struct nw_article *a = article_new();
	json_t *o = json_object(), *au = json_array();
	char *raw, *text = NULL, *line, err[256], tb[32];
	size_t len = 0, tlen = 0, i;
	htmlDocPtr doc = NULL;

	raw = probe_slurp(path, &len);
	if (raw != NULL && decode_to_utf8((unsigned char *)raw, len, NULL,
	    &text, &tlen, NULL, err, sizeof(err)) == 0)
		doc = htmlReadMemory(text, (int)tlen, url, "UTF-8",
		    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
		    HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
	if (doc != NULL && extract)
		html_meta_extract(doc, url, now, a);
	for (i = 0; i < a->authors.n; i++)
		json_array_append_new(au, json_string(a->authors.v[i]));
	json_object_set_new(o, "title", probe_str(a->title));
	json_object_set_new(o, "subtitle", probe_str(a->subtitle));
	json_object_set_new(o, "published",
	    probe_str(date_format_utc(&a->published, tb, sizeof(tb))));
	json_object_set_new(o, "published_local",
	    probe_str(date_format_local(&a->published, tb, sizeof(tb))));
	json_object_set_new(o, "updated",
	    probe_str(date_format_utc(&a->updated, tb, sizeof(tb))));
	json_object_set_new(o, "authors", au);
	json_object_set_new(o, "publisher", probe_str(a->publisher));
	json_object_set_new(o, "lang", probe_str(a->lang));
	json_object_set_new(o, "canonical_url", probe_str(a->canonical_url));
	json_object_set_new(o, "body", json_string(""));
	line = json_dumps(o, JSON_COMPACT);
	puts(line != NULL ? line : "{}");
	free(line);
	json_decref(o);
	if (doc != NULL)
		xmlFreeDoc(doc);
	article_free(a);
	free(text);
	free(raw);
}

int
main(int argc, char **argv)
{
	const char *url = NULL;
	int64_t now = (int64_t)time(NULL);
	bool extract = true;
	int i = 1;

	for (; i < argc; i++) {
		if (i + 1 < argc && strcmp(argv[i], "--url") == 0)
			url = argv[++i];
		else if (strcmp(argv[i], "--parse-only") == 0)
			extract = false;
		else
			break;
	}
	for (; i < argc; i++)
		probe_one(argv[i], url, now, extract);
	return 0;
}
