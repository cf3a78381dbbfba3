#include "sitemap.h"

#include <libxml/xmlreader.h>
#include <stdlib.h>
#include <string.h>

#include "gunzip.h"
#include "util.h"

enum field {
	F_NONE,
	F_LOC,
	F_LASTMOD,
	F_NEWS_TITLE,
	F_NEWS_DATE,
	F_NEWS_LANGUAGE,
	F_NEWS_NAME,
};

struct reader {
	struct sitemap *sm;
	struct sitemap_url cur;
	bool in_rec;
	int rec_depth;
	int news_depth;             /* -1: not inside news:news */
	enum field field;
	int field_depth;
	struct buf text;
	size_t cap;
};

static void
url_clear(struct sitemap_url *u)
{
	free(u->loc);
	free(u->lastmod_text);
	free(u->news_title);
	free(u->news_language);
	free(u->news_name);
	memset(u, 0, sizeof(*u));
}

/* The text of the field just closed, trimmed, into the record. */
static void
field_end(struct reader *R)
{
	struct sitemap_url *u = &R->cur;
	char *s, *e, **dst = NULL;

	buf_putc(&R->text, '\0');
	s = R->text.p;
	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' ||
	    e[-1] == '\n'))
		*--e = '\0';
	switch (R->field) {
	case F_LOC: dst = &u->loc; break;
	case F_LASTMOD:
		dst = &u->lastmod_text;
		if (date_parse(s, &u->lastmod) != 0)
			memset(&u->lastmod, 0, sizeof(u->lastmod));
		break;
	case F_NEWS_TITLE: dst = &u->news_title; break;
	case F_NEWS_DATE:
		if (date_parse(s, &u->news_date) != 0)
			memset(&u->news_date, 0, sizeof(u->news_date));
		break;
	case F_NEWS_LANGUAGE: dst = &u->news_language; break;
	case F_NEWS_NAME: dst = &u->news_name; break;
	case F_NONE: break;
	}
	if (dst != NULL && *s != '\0' && *dst == NULL)
		*dst = xstrdup(s);
	R->text.len = 0;
	R->field = F_NONE;
}

static void
rec_end(struct reader *R)
{
	struct sitemap *sm = R->sm;

	R->in_rec = false;
	if (R->cur.loc == NULL || (strncmp(R->cur.loc, "http://", 7) != 0 &&
	    strncmp(R->cur.loc, "https://", 8) != 0)) {
		url_clear(&R->cur);
		return;
	}
	if (sm->n == R->cap) {
		R->cap = R->cap ? R->cap * 2 : 16;
		sm->v = xrealloc(sm->v, R->cap * sizeof(*sm->v));
	}
	sm->v[sm->n++] = R->cur;
	memset(&R->cur, 0, sizeof(R->cur));
}

static enum field
field_of(const struct reader *R, const char *name, int depth)
{
	if (depth == R->rec_depth + 1) {
		if (strcmp(name, "loc") == 0)
			return F_LOC;
		if (strcmp(name, "lastmod") == 0)
			return F_LASTMOD;
	}
	if (R->news_depth < 0 || R->sm->index)
		return F_NONE;
	if (depth == R->news_depth + 1) {
		if (strcmp(name, "title") == 0)
			return F_NEWS_TITLE;
		if (strcmp(name, "publication_date") == 0)
			return F_NEWS_DATE;
	}
	if (depth == R->news_depth + 2) {
		if (strcmp(name, "name") == 0)
			return F_NEWS_NAME;
		if (strcmp(name, "language") == 0)
			return F_NEWS_LANGUAGE;
	}
	return F_NONE;
}

/* An element opens. 1: go on, 0: not a sitemap. */
static int
elem_start(struct reader *R, const char *name, int depth, bool empty)
{
	if (depth == 0) {
		if (strcmp(name, "sitemapindex") == 0)
			R->sm->index = true;
		else if (strcmp(name, "urlset") != 0)
			return 0;
		return 1;
	}
	if (depth == 1 && !R->in_rec && strcmp(name, R->sm->index ?
	    "sitemap" : "url") == 0) {
		if (empty)
			return 1;
		R->in_rec = true;
		R->rec_depth = 1;
		R->news_depth = -1;
		return 1;
	}
	if (!R->in_rec || R->field != F_NONE)
		return 1;
	if (depth == R->rec_depth + 1 && strcmp(name, "news") == 0 &&
	    !empty) {
		R->news_depth = depth;
		return 1;
	}
	R->field = field_of(R, name, depth);
	if (R->field != F_NONE) {
		R->field_depth = depth;
		R->text.len = 0;
		if (empty)
			field_end(R);
	}
	return 1;
}

static void
elem_end(struct reader *R, int depth)
{
	if (R->field != F_NONE && depth == R->field_depth)
		field_end(R);
	else if (R->news_depth >= 0 && depth == R->news_depth)
		R->news_depth = -1;
	else if (R->in_rec && depth == R->rec_depth)
		rec_end(R);
}

/* Reads the document; -1 with err when it is no sitemap at all, or when
 * the budget ran out. */
static int
read_all(struct reader *R, xmlTextReaderPtr xr, const struct budget *b,
    char *err, size_t errlen)
{
	bool root = false;
	size_t nodes = 0;
	int r;

	while ((r = xmlTextReaderRead(xr)) == 1) {
		int type = xmlTextReaderNodeType(xr);
		int depth = xmlTextReaderDepth(xr);
		const char *name;

		if ((++nodes & (BUDGET_EVERY - 1)) == 0 &&
		    budget_left(b) != BUDGET_LEFT)
			return fail(err, errlen, "%s", budget_left(b) ==
			    BUDGET_HALTED ? "stopped while the sitemap was "
			    "read" : "the sitemap's time budget ran out while "
			    "reading it");
		switch (type) {
		case XML_READER_TYPE_ELEMENT:
			name = (const char *)xmlTextReaderConstLocalName(xr);
			if (name == NULL)
				break;
			if (elem_start(R, name, depth,
			    xmlTextReaderIsEmptyElement(xr) == 1) == 0)
				return fail(err, errlen, "not a sitemap: the "
				    "root is <%s>", name);
			root = true;
			break;
		case XML_READER_TYPE_END_ELEMENT:
			elem_end(R, depth);
			break;
		case XML_READER_TYPE_TEXT:
		case XML_READER_TYPE_CDATA:
		case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
			if (R->field != F_NONE &&
			    R->text.len < 64 * 1024) {
				const char *v = (const char *)
				    xmlTextReaderConstValue(xr);

				if (v != NULL)
					buf_puts(&R->text, v);
			}
			break;
		default:
			break;
		}
	}
	if (!root)
		return fail(err, errlen, "not XML");
	/* cut short: what was read stays */
	return 0;
}

struct sitemap *
sitemap_parse(const char *data, size_t len, size_t max_input, char *err,
    size_t errlen)
{
	return sitemap_parse_budget(data, len, max_input, NULL, err, errlen);
}

struct sitemap *
sitemap_parse_budget(const char *data, size_t len, size_t max_input,
    const struct budget *b, char *err, size_t errlen)
{
	struct reader R;
	struct buf in = { 0 };
	xmlTextReaderPtr xr;
	int rc;

	if (max_input == 0)
		max_input = SITEMAP_MAX_INPUT;
	if (len >= 2 && (unsigned char)data[0] == 0x1f &&
	    (unsigned char)data[1] == 0x8b) {
		if (gunzip(data, len, max_input, &in, err, errlen) != 0) {
			buf_free(&in);
			return NULL;
		}
		data = in.p;
		len = in.len;
	}
	if (len > max_input || len > (size_t)INT32_MAX) {
		buf_free(&in);
		fail(err, errlen, "more than %zu bytes", max_input);
		return NULL;
	}
	memset(&R, 0, sizeof(R));
	R.sm = xcalloc(1, sizeof(*R.sm));
	R.news_depth = -1;
	xr = xmlReaderForMemory(data != NULL ? data : "", (int)len, NULL,
	    NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
	    XML_PARSE_COMPACT);
	if (xr == NULL) {
		rc = fail(err, errlen, "not XML");
	} else {
		rc = read_all(&R, xr, b, err, errlen);
		xmlFreeTextReader(xr);
	}
	url_clear(&R.cur);
	buf_free(&R.text);
	buf_free(&in);
	if (rc != 0) {
		sitemap_free(R.sm);
		return NULL;
	}
	return R.sm;
}

void
sitemap_free(struct sitemap *sm)
{
	if (sm == NULL)
		return;
	for (size_t i = 0; i < sm->n; i++)
		url_clear(&sm->v[i]);
	free(sm->v);
	free(sm);
}

const struct nw_time *
sitemap_url_time(const struct sitemap_url *u)
{
	if (u->news_date.set)
		return &u->news_date;
	if (u->lastmod.set)
		return &u->lastmod;
	return NULL;
}
