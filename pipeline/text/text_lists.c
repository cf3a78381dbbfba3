/* The lists of a text dump: a list the article sets in its text, the
 * lead over a list, the list a paragraph announces, a list between two
 * paragraphs of the body. Steps of text_classify(). */
#include "text_blocks.h"

#include <ctype.h>
#include <string.h>

#include "text_util.h"

/* Items of a list (and its headings) passed back to the lead above it,
 * and the words of that lead at least. */
#define TEXT_LEAD_LIST_MAX 30
#define TEXT_LEAD_MIN_WORDS 20
/* An article's list (text_article_lists()): its entries at least, the
 * words of the heading that announces it at most, the words an entry on
 * average at least. */
#define TEXT_ALIST_MIN 3
#define TEXT_ALIST_HEAD_WORDS 4
#define TEXT_ALIST_WORDS 2
/* The rows of a table between two paragraphs (text_rows_between()), at
 * least. */
#define TEXT_ROWS_MIN 3

/* Moves the end of the region over the list that its last paragraph
 * announces with a colon ("Und hier findet ihr die Attraktionen:",
 * "Some of my favourites:"): three items or more that are not body-like,
 * none a bullet (a box of links), chrome, shown twice or a thread's
 * heading, up to TEXT_LEAD_LIST_MAX of them, which become body-like. */
void
text_colon_list(struct text_doc *d)
{
	size_t e = d->body_end, i = e;

	if (e == 0 || !d->items[e - 1].bodylike ||
	    !text_ends_colon(d->items[e - 1].s))
		return;
	while (i < d->n && i - e < TEXT_LEAD_LIST_MAX) {
		const struct text_item *it = &d->items[i];

		if (it->chrome || it->twice || it->section_end || it->bullet ||
		    it->bodylike || it->kind != TEXT_OTHER)
			break;
		i++;
	}
	if (i - e < 3)
		return;
	for (; e < i; e++)
		d->items[e].bodylike = true;
	d->body_end = i;
}

/* True when s opens with an item's number ("1. ", "2) ", "a) "). */
static bool
text_numbered(const char *s)
{
	size_t i = 0;

	while (isdigit((unsigned char)s[i]) && i < 3)
		i++;
	if (i == 0 && isalpha((unsigned char)s[0]))
		i = 1;
	return i > 0 && (s[i] == '.' || s[i] == ')') && s[i + 1] == ' ';
}

/* True when s is a step's number alone ("1.", "2)"). */
static bool
text_step_number(const char *s)
{
	size_t i = strspn(s, "0123456789");

	return i > 0 && i <= 2 && (s[i] == '.' || s[i] == ')') &&
	    s[i + 1] == '\0';
}

/* Moves the start of the region back over a list to the paragraph above
 * it: an article's lead, then a list (a recipe's ingredients, a
 * lesson's steps, a table of contents), then the rest of it. The lead
 * is a paragraph of TEXT_LEAD_MIN_WORDS words or more: one short
 * sentence over a site's menus (a logo's alt text, a slogan, an offer)
 * is the page's header, and moving back to it took the menus and the
 * headline into the body. Only a list of three items or more, none
 * chrome, and the short headings, dates, photo captions and credits
 * around it are passed, and the numbers of steps set on lines of their
 * own ("1."); the list's bulleted entries are then body-like (a
 * recipe's ingredients). */
void
text_lead_over_list(struct text_doc *d)
{
	size_t i = d->body_start, items = 0, start = d->body_start;

	while (i > 0 && d->body_start - i < TEXT_LEAD_LIST_MAX) {
		const struct text_item *it = &d->items[i - 1];

		if (it->bodylike) {
			if (items < 3 || it->words < TEXT_LEAD_MIN_WORDS)
				return;
			d->body_start = i - 1;
			for (size_t k = i; k < start; k++)
				if (d->items[k].bullet)
					d->items[k].bodylike = true;
			return;
		}
		if (it->kind != TEXT_CAPTION && it->kind != TEXT_CREDIT &&
		    !it->datelike && !text_step_number(it->s) &&
		    (it->chrome || it->repeated ||
		    it->words > TEXT_SUBHEAD_MAX_WORDS * 2))
			return;
		if (it->bullet || text_numbered(it->s))
			items++;
		i--;
	}
}

/* True when it is a short heading that announces a list under it
 * ("Artikeldetails:", "Das Wichtigste in Kürze:"): it ends with a
 * colon, and is no box of links' heading, which names its links ("Mehr
 * zum Thema", "Serviceangebote") without one. */
static bool
text_announces(const struct text_item *it)
{
	return !it->bodylike && !it->chrome && !it->bullet && !it->twice &&
	    it->kind == TEXT_OTHER && it->words <= TEXT_ALIST_HEAD_WORDS &&
	    text_ends_colon(it->s);
}

/* True when item i is a paragraph of running text (body-like, not a
 * list's entry), or a short subheading over one. */
static bool
text_prose_at(const struct text_doc *d, size_t i)
{
	if (i < d->n && !d->items[i].bodylike && !d->items[i].chrome &&
	    !d->items[i].bullet &&
	    d->items[i].words <= TEXT_SUBHEAD_MAX_WORDS)
		i++;
	return i < d->n && d->items[i].bodylike && !d->items[i].bullet;
}

/* True when it is a list's entry: a bullet's, or numbered ("1. ",
 * "2) "). */
static bool
text_entry(const struct text_item *it)
{
	return it->bullet || (isdigit((unsigned char)it->s[0]) &&
	    text_numbered(it->s));
}

/* The entries of a list the article sets in its text (a product's
 * details, a lesson's steps, the points of a summary) are body-like.
 * The region search made them cost as a menu does, so the paragraphs
 * over and under such a list were two runs, and a newsletter's pitch
 * outweighed each. A run of TEXT_ALIST_MIN bulleted or numbered items
 * or more, none chrome, shown twice or a form, of TEXT_ALIST_WORDS
 * words an entry or more on average (a menu's labels, the browsers a
 * notice offers, are a word each), is the article's where it stands
 * right under a paragraph, or under a heading that announces it with a
 * colon over one (text_announces()), and either a paragraph (or a
 * subheading and a paragraph) follows it or one of its entries reads
 * as a paragraph itself. A list of related links under an article is
 * followed by the page's furniture; a menu comes under a heading that
 * ends with no colon or under none. */
void
text_article_lists(struct text_doc *d)
{
	for (size_t i = 0; i < d->n; i++) {
		size_t j = i, k = i, words = 0;
		bool ok = true, prose = false;

		if (!text_entry(&d->items[i]) ||
		    (i > 0 && text_entry(&d->items[i - 1])))
			continue;
		for (; j < d->n && text_entry(&d->items[j]); j++) {
			const struct text_item *it = &d->items[j];

			ok = ok && !it->chrome && !it->twice && !it->form &&
			    !it->section_end && it->kind == TEXT_OTHER;
			prose = prose || it->bodylike;
			words += (size_t)it->words;
		}
		if (k > 0 && text_announces(&d->items[k - 1]))
			k--;
		if (!ok || j - i < TEXT_ALIST_MIN || k == 0 ||
		    words < (j - i) * TEXT_ALIST_WORDS ||
		    !d->items[k - 1].bodylike ||
		    text_entry(&d->items[k - 1]) ||
		    (!prose && !text_prose_at(d, j)))
			continue;
		for (; i < j; i++)
			d->items[i].bodylike = true;
		i = j - 1;
	}
}

/* A list between two paragraphs of the body is the article's: its
 * items (of two words or more, none chrome) are kept as body. So is a
 * list inside the region under a line of the body that announces it
 * with a colon, whatever follows it (a subheading and the next list).
 * A table of contents is not: its items are the headings the page
 * shows again further down. */
void
text_lists(struct text_doc *d)
{
	for (size_t i = d->body_start + 1; i + 1 < d->body_end; i++) {
		size_t j = i;
		bool ok;

		if (!d->items[i].bullet || d->items[i - 1].kind != TEXT_BODY)
			continue;
		while (j < d->body_end && d->items[j].bullet)
			j++;
		ok = j < d->body_end && (d->items[j].kind == TEXT_BODY ||
		    text_ends_colon(d->items[i - 1].s));
		for (size_t k = i; ok && k < j; k++)
			ok = d->items[k].kind != TEXT_CHROME &&
			    d->items[k].words >= 2 && !d->items[k].twice;
		for (size_t k = i; ok && k < j; k++)
			if (d->items[k].kind == TEXT_RELATED)
				d->items[k].kind = TEXT_BODY;
		i = j;
	}
}

/* True when item i is a paragraph of the body, past the pictures'
 * placeholders and the other chrome from it in direction step (-1, up;
 * 1, down) inside the region. */
static bool
text_body_past_chrome(const struct text_doc *d, size_t i, int step)
{
	while (i >= d->body_start && i < d->body_end &&
	    d->items[i].kind == TEXT_CHROME)
		i += (size_t)step;
	return i >= d->body_start && i < d->body_end &&
	    d->items[i].kind == TEXT_BODY;
}

/* The rows of a table or the lines of a list set between two paragraphs
 * of the body (a picture's placeholder between them and it or not) are
 * the article's: TEXT_ROWS_MIN short lines or more with no blank line
 * between them (the renderer's rows, one block), none a bullet (a box
 * of links), a date, or a line the page shows twice. A related story's
 * headline, a subheading, a caption stand in blocks of their own, and a
 * picture's caption with its credit is two lines, not three. */
void
text_rows_between(struct text_doc *d)
{
	for (size_t i = d->body_start + 1; i < d->body_end; i++) {
		size_t j = i;
		bool ok;

		while (j < d->body_end && d->items[j].kind == TEXT_RELATED)
			j++;
		ok = j >= i + TEXT_ROWS_MIN && i > d->body_start &&
		    text_body_past_chrome(d, i - 1, -1) &&
		    text_body_past_chrome(d, j, 1);
		for (size_t k = i; ok && k < j; k++)
			ok = !d->items[k].bullet && !d->items[k].twice &&
			    !d->items[k].repeated && !d->items[k].datelike &&
			    d->items[k].block == d->items[i].block;
		for (size_t k = i; ok && k < j; k++)
			d->items[k].kind = TEXT_BODY;
		if (j > i)
			i = j;
	}
}
