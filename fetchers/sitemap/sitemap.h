/* Sitemaps (sitemaps.org 0.9) and Google News sitemaps: a <urlset> of
 * article URLs, or a <sitemapindex> of more sitemaps; gzip or not.
 *
 * Read with libxml2's streaming reader (XML_PARSE_NONET, no entity
 * expansion, no DTD): memory grows with the URLs kept, not the document.
 * gzip input (a .xml.gz file served as is, not a Content-Encoding) is
 * inflated first, at most max_input bytes. Elements are matched by local
 * name: <loc> and <lastmod> of each <url> or <sitemap>, and inside a
 * <news:news> its <title>, <publication_date>, and <publication>'s <name>
 * and <language>. A document cut short keeps the records read before the
 * break. Pure: no I/O, no global state. */
#ifndef NW_SITEMAP_H
#define NW_SITEMAP_H

#include <stdbool.h>
#include <stddef.h>

#include "budget.h"
#include "date.h"

/* The sitemap protocol's own limit on a document, inflated. */
#define SITEMAP_MAX_INPUT (50u * 1024 * 1024)

struct sitemap_url {
	char *loc;                  /* never NULL: records without are
	                               left out */
	char *lastmod_text;         /* as written, NULL: none */
	struct nw_time lastmod;
	/* news:news, NULL or unset when absent */
	char *news_title;
	struct nw_time news_date;
	char *news_language;
	char *news_name;            /* the publication's */
};

struct sitemap {
	bool index;                 /* a <sitemapindex>: v are sitemaps */
	struct sitemap_url *v;
	size_t n;
};

/* The sitemap in data (gzip or not), or NULL with a reason in err (not
 * XML, not a sitemap, too big). max_input 0 is SITEMAP_MAX_INPUT. */
struct sitemap *sitemap_parse(const char *data, size_t len,
    size_t max_input, char *err, size_t errlen);
/* sitemap_parse() under a budget (budget.h; NULL: none), asked every
 * BUDGET_EVERY nodes of the document: once it is spent, NULL with err
 * saying so, and nothing is kept (budget_left() then says which). */
struct sitemap *sitemap_parse_budget(const char *data, size_t len,
    size_t max_input, const struct budget *b, char *err, size_t errlen);
void sitemap_free(struct sitemap *sm);

/* The time a record is known by: its news date, else its lastmod, else
 * NULL. */
const struct nw_time *sitemap_url_time(const struct sitemap_url *u);

#endif
