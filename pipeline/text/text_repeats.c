/* Repeats in a text dump: texts the page shows twice or nearly so, and
 * where such a text is still the article's. Part of text_classify(). */
#include "text_blocks.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Items of up to this many words may recur without being repeats. */
#define TEXT_REPEAT_MAX_WORDS 6
/* Two items TEXT_NEAR_SPAN items apart at most, sharing TEXT_NEAR_WORDS
 * words, are near copies (text_near_copies()). */
#define TEXT_NEAR_SPAN 3
#define TEXT_NEAR_WORDS 8

struct text_key {
	const char *key;
	size_t i;
};

static int
text_key_cmp(const void *a, const void *b)
{
	const struct text_key *x = a, *y = b;

	return strcmp(x->key, y->key);
}

/* Marks the items whose text another item has too (twice). Those of
 * more than TEXT_REPEAT_MAX_WORDS words are image alt texts and teaser
 * blurbs shown twice, not paragraphs of the article: they are marked
 * repeated. (Short items that recur are left alone: a live report's or a
 * recipe's recurring labels are the article's, and the chrome among them
 * is known by its phrasing.) */
void
text_repeats(struct text_doc *d)
{
	struct text_key *v = xcalloc(d->n, sizeof(*v));

	for (size_t i = 0; i < d->n; i++) {
		v[i].key = d->items[i].s;
		v[i].i = i;
	}
	qsort(v, d->n, sizeof(*v), text_key_cmp);
	for (size_t a = 0; a < d->n;) {
		size_t b = a;

		while (b < d->n && strcmp(v[a].key, v[b].key) == 0)
			b++;
		for (size_t k = a; b - a >= 2 && k < b; k++) {
			struct text_item *it = &d->items[v[k].i];

			it->twice = true;
			it->repeated = it->words > TEXT_REPEAT_MAX_WORDS;
		}
		a = b;
	}
	free(v);
}

/* True when the texts of items x and y share all but a stop or the
 * sentences after the shared ones, the shared part TEXT_NEAR_WORDS
 * words or more and four fifths of each (two items of a list that
 * part in their last sentence are not copies). */
static bool
text_near_copy(const struct text_item *x, const struct text_item *y)
{
	size_t n = strlen(x->s), m = strlen(y->s), k = 0;
	int words = 0;

	while (k < n && k < m && x->s[k] == y->s[k])
		words += x->s[k++] == ' ';
	if (k < n && k < m && (k < 2 || x->s[k - 1] != ' ' ||
	    strchr(".!?", x->s[k - 2]) == NULL))
		return false;
	return words >= TEXT_NEAR_WORDS && k * 10 >= n * 8 &&
	    k * 10 >= m * 8;
}

/* Marks as repeated the items that another one up to TEXT_NEAR_SPAN
 * items away nearly copies (text_near_copy()): a banner or a video's
 * caption shown twice, once with another line under it or a stop at
 * its end. Not captions and credits, which the renderers write twice
 * as a rule. */
void
text_near_copies(struct text_doc *d)
{
	for (size_t i = 0; i < d->n; i++) {
		struct text_item *x = &d->items[i];

		for (size_t j = i + 1; x->kind == TEXT_OTHER && j < d->n &&
		    j <= i + TEXT_NEAR_SPAN; j++) {
			struct text_item *y = &d->items[j];

			if (y->kind == TEXT_OTHER && text_near_copy(x, y))
				x->repeated = y->repeated = true;
		}
	}
}

/* A paragraph that the page shows twice (a summary over the article
 * that is the article) is the article's where it outweighs all the
 * body-like text of the page: its last copy is body-like. */
void
text_repeated_only(struct text_doc *d)
{
	size_t mass = 0, best = d->n;

	for (size_t i = 0; i < d->n; i++)
		if (d->items[i].bodylike)
			mass += d->items[i].width;
	for (size_t i = 0; i < d->n; i++) {
		const struct text_item *it = &d->items[i];

		if (it->repeated && it->sentence && !it->chrome &&
		    it->kind == TEXT_OTHER && it->width > mass &&
		    (best == d->n || it->width >= d->items[best].width))
			best = i;
	}
	if (best < d->n)
		d->items[best].bodylike = true;
}

/* True when the repeated item i stands next to body-like text, past
 * the other repeated items around it: a quote or an answer the page
 * shows twice, inside the article. A repeated sentence between other
 * items is a box shown twice (a newsletter's pitch, an offer). */
bool
text_repeat_by_body(const struct text_doc *d, size_t i)
{
	size_t a = i, b = i + 1;

	while (a > 0 && d->items[a - 1].repeated)
		a--;
	while (b < d->n && d->items[b].repeated)
		b++;
	return (a > 0 && d->items[a - 1].bodylike) ||
	    (b < d->n && d->items[b].bodylike);
}
