/* Fuzz target: sitemap_parse() (urlset, sitemap index, Google News
 * sitemap, gzip) on any bytes, and every record's fields read back. */
#include <string.h>

#include "fuzz.h"
#include "sitemap/sitemap.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sitemap *sm;
	char err[256];
	size_t sum = 0;

	sm = sitemap_parse((const char *)data, size, 0, err, sizeof(err));
	if (sm == NULL)
		return 0;
	for (size_t i = 0; i < sm->n; i++) {
		const struct sitemap_url *u = &sm->v[i];
		const struct nw_time *t = sitemap_url_time(u);

		/* touch every string so ASan sees a bad one */
		sum += strlen(u->loc);
		if (u->lastmod_text != NULL)
			sum += strlen(u->lastmod_text);
		if (u->news_title != NULL)
			sum += strlen(u->news_title);
		if (u->news_language != NULL)
			sum += strlen(u->news_language);
		if (u->news_name != NULL)
			sum += strlen(u->news_name);
		if (t != NULL && t->set)
			sum += (size_t)t->utc;
	}
	sitemap_free(sm);
	return sum == (size_t)-1;
}
