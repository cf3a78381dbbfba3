/* names_check.h: the entity tests' look-up of a name in an article's
 * list of people, organisations or places, and their run of the
 * enrichment over a body in a given language. */
#ifndef NAMES_CHECK_H
#define NAMES_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <strings.h>

#include "enrich/enrich.h"
#include "util.h"

/* Whether l holds name, case aside. */
static inline bool
has_name(const struct strlist *l, const char *name)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcasecmp(l->v[i], name) == 0)
			return true;
	return false;
}

/* The article enrich makes of body, its language given as lang; the
 * caller frees it. */
static inline struct nw_article *
run_in(const char *lang, const char *body)
{
	struct nw_article *a = article_new();

	a->lang = xstrdup(lang);
	a->body = xstrdup(body);
	enrich_normalise(a);
	enrich_article(a);
	return a;
}

#endif
