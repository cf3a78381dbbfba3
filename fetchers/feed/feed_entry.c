/* A parsed feed's item as a pipeline entry (pipeline/entry.h). */
#include <stdlib.h>

#include "feed.h"
#include "util.h"

void
feed_item_entry(const struct feed *f, const struct feed_item *it,
    struct nw_entry *e)
{
	const char **authors = NULL;
	size_t n = 0;

	if (it->n_authors > 0) {
		authors = xcalloc(it->n_authors, sizeof(*authors));
		for (size_t i = 0; i < it->n_authors; i++)
			if (it->authors[i].name != NULL)
				authors[n++] = it->authors[i].name;
	}
	*e = (struct nw_entry){
		.guid = it->guid,
		.title = it->title,
		.link = it->link,
		.summary = it->description,
		.content = it->content,
		.published = it->published,
		.updated = it->updated,
		.authors = authors,
		.n_authors = n,
		.image = it->image.url,
		.feed_title = f != NULL ? f->title : NULL,
	};
}

void
feed_entry_clear(struct nw_entry *e)
{
	free((void *)e->authors);
	e->authors = NULL;
	e->n_authors = 0;
}
