/* The article under its dated byline where the region holds no prose:
 * a step of text_classify(). */
#include <string.h>

#include "text_blocks.h"

/* Width of the sentences a region holds at least to be an article's
 * prose: under it, a site's tagline or a tag cloud won the search. */
#define TEXT_DATED_PROSE 200
/* Items at least of the block under the dated byline. */
#define TEXT_DATED_MIN 3
/* Words at most of the heading of a box of links that ends the block
 * ("Mit anderen teilen" over the share buttons). */
#define TEXT_DATED_BOX_WORDS 4

/* True when item it is a dated line that names a person ("Posted 11.
 * April 2018 by Jane Doe", "Veröffentlicht am 11/04/2012 von jdoe"),
 * not a list's (bullet) nor one the page shows twice. */
static bool
text_dated_person(const struct text_item *it)
{
	size_t len;
	int words;

	if (!it->datelike || it->bullet || it->repeated || it->twice)
		return false;
	text_dated_name(it->s, &len, &words);
	return len > 0;
}

/* True when the region holds TEXT_DATED_PROSE of sentences. */
static bool
text_region_prose(const struct text_doc *d)
{
	size_t w = 0;

	for (size_t i = d->body_start; i < d->body_end; i++)
		if (d->items[i].bodylike && d->items[i].sentence)
			w += d->items[i].width;
	return w >= TEXT_DATED_PROSE;
}

/* True when item it ends the block under a dated byline: chrome, a
 * list's entry (share buttons, a menu), a form, a thread's heading. */
static bool
text_dated_stop(const struct text_item *it)
{
	return it->chrome || it->bullet || it->form || it->section_end ||
	    it->appeal || it->repeated;
}

void
text_dated_block(struct text_doc *d)
{
	size_t a = d->n, e;

	if (d->body_end == 0 || text_region_prose(d))
		return;
	/* the page's one dated byline: a list of posts has many */
	for (size_t i = 0; i < d->n; i++) {
		if (!text_dated_person(&d->items[i]))
			continue;
		if (a < d->n)
			return;
		a = i;
	}
	if (a == d->n || (d->body_start > a && d->body_start <= a + 2))
		return;
	e = a + 1;
	/* up to the first chrome, or the region under it */
	while (e < d->n && e != d->body_start &&
	    !text_dated_stop(&d->items[e]))
		e++;
	/* a short heading with no stop over the list that ends the
	 * block is the list's */
	if (e < d->n && d->items[e].bullet && e > a + 1 &&
	    !d->items[e - 1].sentence &&
	    d->items[e - 1].words <= TEXT_DATED_BOX_WORDS)
		e--;
	if (e - (a + 1) < TEXT_DATED_MIN)
		return;
	/* a block that runs into the region joins it */
	if (e == d->body_start) {
		e = d->body_end;
	} else {
		for (size_t i = d->body_start; i < d->body_end; i++)
			d->items[i].bodylike = false;
	}
	d->body_start = a + 1;
	d->body_end = e;
	for (size_t i = a + 1; i < e; i++)
		if (d->items[i].kind == TEXT_OTHER)
			d->items[i].bodylike = true;
}
