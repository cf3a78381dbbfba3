/* Bylines of a classified text dump away from the header: a line that
 * opens with "By", "Von", "Text:" just over the headline, at the top of
 * the body region or just under it, where the header holds none. */
#include "text_blocks.h"

#include <stdbool.h>

#include "text_util.h"

/* Items from the headline, from the region's top and from its end that
 * are looked at for a byline the header does not hold. */
#define TEXT_BYLINE_ABOVE 4
#define TEXT_BYLINE_TOP 2
#define TEXT_BYLINE_UNDER 4

/* True when item it opens with a byline's prefix ("Von Jane Doe") and
 * reads as one, and the classifier left it free or took it for a line
 * of the body's furniture. */
static bool
text_prefixed_byline(const struct text_item *it)
{
	return (it->kind == TEXT_OTHER || it->kind == TEXT_RELATED ||
	    it->kind == TEXT_FOOTER || it->kind == TEXT_BODY) &&
	    !it->bodylike && text_byline_prefix(it->s) > 0 &&
	    text_is_byline(it->s, it->words);
}

/* Marks the first prefixed byline of items lo..hi; true when one was. */
static bool
text_byline_in(struct text_doc *d, size_t lo, size_t hi)
{
	for (size_t i = lo; i < hi && i < d->n; i++)
		if (text_prefixed_byline(&d->items[i])) {
			d->items[i].kind = TEXT_BYLINE;
			return true;
		}
	return false;
}

void
text_far_bylines(struct text_doc *d)
{
	size_t t = d->title < d->n ? d->title : d->body_start;

	for (size_t i = 0; i < d->n; i++)
		if (d->items[i].kind == TEXT_BYLINE)
			return;
	if (text_byline_in(d, t > TEXT_BYLINE_ABOVE ? t - TEXT_BYLINE_ABOVE :
	    0, t))
		return;
	if (text_byline_in(d, d->body_start, d->body_start + TEXT_BYLINE_TOP))
		return;
	text_byline_in(d, d->body_end, d->body_end + TEXT_BYLINE_UNDER);
}
