/* Photo captions and credits in a segmented text dump: a caption
 * followed by itself with a credit appended (or the reverse), a caption
 * over a credit line, a short line ending in a credit, lone credit lines
 * (text_classify() runs it before the region search). */
#include "text_blocks.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "text_util.h"

/* Words that make a short item a caption's credit, at most. */
#define TEXT_CREDIT_MAX_WORDS 8
#define TEXT_CAPTION_MAX_WORDS 40

/* The length of the renderer's image labels that open s ("[ ] ",
 * "[photo] "): lynx puts an image's label before its caption. */
static size_t
text_label_len(const char *s)
{
	size_t n = 0;

	while (s[n] == '[') {
		const char *e = strchr(s + n, ']');

		if (e == NULL || e[1] != ' ')
			break;
		n = (size_t)(e - s) + 2;
	}
	return n;
}

/* True when the item is nothing but an image's label ("[ ]"). */
static bool
text_is_label(const struct text_item *it)
{
	size_t len = strlen(it->s);

	return it->s[0] == '[' && it->s[len - 1] == ']' &&
	    memchr(it->s + 1, '[', len - 1) == NULL;
}

/* If one of a and b is the other plus a trailing credit (the longer
 * one possibly after an image's label), returns the length of the
 * shorter (the caption) and sets *rem to the rest of the longer. */
static size_t
text_prefix_pair(const char *a, const char *b, const char **rem)
{
	size_t la = strlen(a), lb = strlen(b);
	const char *s = la < lb ? a : b, *l = la < lb ? b : a;
	size_t ls = la < lb ? la : lb;

	l += text_label_len(l);
	if (la == lb || ls < 10 || strncmp(s, l, ls) != 0 || l[ls] != ' ')
		return 0;
	*rem = l + ls + 1;
	return ls;
}

/* The credit a pair's remainder names: a recognised notation, or the
 * bare remainder when it is short and capitalised and the caption has
 * at least four words. */
static char *
text_pair_credit(const char *rem, int cap_words)
{
	size_t at;
	char *c = text_credit(rem, &at);
	int words;

	if (c != NULL)
		return c;
	/* "Caption / Source: Agency", "Caption | Name" */
	if ((rem[0] == '/' || rem[0] == '|') && rem[1] == ' ')
		rem += 2;
	words = text_spaced_words(rem, strlen(rem));
	if (cap_words < 4 || words == 0 || words > TEXT_CREDIT_MAX_WORDS ||
	    !text_starts_upper(rem))
		return NULL;
	return xstrdup(rem);
}

/* A whole item that is only a credit ("© X", "Photo: X", "X/AGENCY"). */
static char *
text_standalone_credit(const struct text_item *it)
{
	size_t at = 0;
	char *c;

	if (it->words > TEXT_CREDIT_MAX_WORDS)
		return NULL;
	c = text_credit(it->s, &at);
	if (c != NULL && at != 0) {
		free(c);
		return NULL;
	}
	return c;
}

static void
text_set_caption(struct text_item *it, size_t cap_len, char *credit)
{
	it->kind = TEXT_CAPTION;
	it->cap_len = cap_len;
	free(it->credit);
	it->credit = credit;
}

/* Caption pair at items i and i + 1 (or i + 2 past an image's label):
 * one is the other plus a credit. Marks both (and a credit line after
 * them) and returns the number of items used, or 0. */
static size_t
text_caption_pair(struct text_doc *d, size_t i)
{
	struct text_item *a = &d->items[i], *b, *shortit, *longit;
	const char *rem = NULL;
	size_t cl, used = 2;
	char *c;

	if (i + 2 < d->n && text_is_label(&d->items[i + 1]))
		used = 3;
	if (i + used - 1 >= d->n ||
	    d->items[i + used - 1].kind != TEXT_OTHER)
		return 0;
	b = &d->items[i + used - 1];
	cl = text_prefix_pair(a->s, b->s, &rem);
	if (cl == 0)
		return 0;
	c = text_pair_credit(rem, a->words < b->words ? a->words : b->words);
	if (c == NULL)
		return 0;
	shortit = strlen(a->s) == cl ? a : b;
	longit = shortit == a ? b : a;
	text_set_caption(shortit, cl, c);
	text_set_caption(longit, cl, NULL);
	longit->dup = true;
	if (i + used < d->n && d->items[i + used].kind == TEXT_OTHER) {
		c = text_standalone_credit(&d->items[i + used]);
		if (c != NULL) {
			d->items[i + used].kind = TEXT_CREDIT;
			if (shortit->credit == NULL)
				shortit->credit = c;
			else
				free(c);
			used++;
		}
	}
	return used;
}

/* True when item i is a sentence of a paragraph's size right under
 * another: the last paragraph of an article over its sign-off ("(KNA)")
 * or ending with it, not a photo's caption, which stands under the
 * photo. */
static bool
text_after_paragraph(const struct text_doc *d, size_t i)
{
	const struct text_item *a = &d->items[i], *p;

	if (i == 0 || a->words < 6 || !text_ends_sentence(a->s))
		return false;
	p = &d->items[i - 1];
	return p->kind == TEXT_OTHER && p->words >= 6 &&
	    text_ends_sentence(p->s);
}

/* Caption or credit at item i alone or followed by a credit line; returns
 * the number of items used (0 when item i is neither). */
static size_t
text_caption_single(struct text_doc *d, size_t i)
{
	struct text_item *a = &d->items[i];
	struct text_item *b = i + 1 < d->n ? &d->items[i + 1] : NULL;
	size_t at = 0, n;
	char *c = text_standalone_credit(a);

	if (c != NULL) {
		a->kind = TEXT_CREDIT;
		free(c);
		return 1;
	}
	if (a->bullet || a->words > TEXT_CAPTION_MAX_WORDS)
		return 0;
	if (b != NULL && b->kind == TEXT_OTHER && a->words >= 2 &&
	    !text_after_paragraph(d, i)) {
		c = text_standalone_credit(b);
		if (c != NULL) {
			text_set_caption(a, strlen(a->s), c);
			b->kind = TEXT_CREDIT;
			return 2;
		}
	}
	/* a line over the article's date is its headline, no caption
	 * ("Char Kway Teow (Stir Fry Flat Rice Noodles)" over "September
	 * 28, 2020") */
	if (b != NULL && b->datelike && !b->chrome)
		return 0;
	c = text_after_paragraph(d, i) ? NULL : text_credit(a->s, &at);
	if (c == NULL)
		return 0;
	n = at;
	while (n > 0 && a->s[n - 1] == ' ')
		n--;
	if (n == 0 || memchr(a->s, ' ', n) == NULL) {
		free(c);
		return 0;
	}
	text_set_caption(a, n, c);
	return 1;
}

/* Finds photo captions and credits: a caption followed by itself with a
 * credit appended (or the reverse), a caption followed by a credit line,
 * a short line ending in a credit, and lone credit lines. */
void
text_captions(struct text_doc *d)
{
	size_t i = 0;

	while (i < d->n) {
		size_t used = 0;

		if (d->items[i].kind == TEXT_OTHER && !d->items[i].chrome) {
			used = text_caption_pair(d, i);
			if (used == 0)
				used = text_caption_single(d, i);
		}
		i += used > 0 ? used : 1;
	}
}
