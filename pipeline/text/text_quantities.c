/* A recipe's lists in a text dump: the ingredients ("200 g Mehl", "2 EL
 * Zucker", "½ tsp salt") and the nutrition lines ("390 kcal") standing
 * just over or under the steps, or between them, are the article's.
 * A step of text_classify(). */
#include "text_blocks.h"

#include <ctype.h>
#include <string.h>

#include "text_util.h"

/* Quantity lines a run holds at least; the lines between two of them,
 * and between the run and the region, at most; the words of a quantity
 * line at most; the digits of one number at most (a count of views,
 * "149436 views", is no quantity). */
#define TEXT_QTY_MIN 3
#define TEXT_QTY_GAP 4
#define TEXT_QTY_WORDS 8
#define TEXT_QTY_DIGITS 4
/* Quantity lines after one that its unit is compared with, at most: a
 * recipe repeats its units within a few lines, and a long run of lines
 * is then read in linear time. */
#define TEXT_QTY_UNIT_REACH 16

/* True when code point cp is a vulgar fraction ("½", "⅓"). */
static bool
text_fraction(int32_t cp)
{
	return (cp >= 0xBC && cp <= 0xBE) || (cp >= 0x2150 && cp <= 0x215E);
}

/* The byte length of the digits or the fraction at s (len bytes), or
 * 0; a run of more than TEXT_QTY_DIGITS digits is none. */
static size_t
text_qty_atom(const char *s, size_t len)
{
	size_t i = 0, adv;

	while (i < len && isdigit((unsigned char)s[i]))
		i++;
	if (i > TEXT_QTY_DIGITS)
		return 0;
	if (i == 0 && len > 0 && text_fraction(text_cp_at(s, len, &adv)))
		return adv;
	return i;
}

/* The byte length of the number that opens s ("200", "1 1/2-2", "1,5",
 * "½", "1 – 1 1/2"), or 0. */
static size_t
text_quantity_len(const char *s)
{
	size_t len = strlen(s), end, i, a, adv;

	end = text_qty_atom(s, len);
	while (end > 0 && end < len) {
		i = end;
		if (strchr(".,/-", s[i]) != NULL)
			i++;
		else {
			while (i < len && (s[i] == ' ' || s[i] == '-' ||
			    text_cp_at(s + i, len - i, &adv) == 0x2013))
				i += s[i] == ' ' || s[i] == '-' ? 1 : adv;
		}
		if (i == end)
			break;
		a = text_qty_atom(s + i, len - i);
		if (a == 0)
			break;
		end = i + a;
	}
	return end;
}

/* True when item it is a quantity line: a number, then a unit or a
 * thing counted ("200 g Mehl", "120g yellow noodles", "2 Eier", "390
 * kcal"), of up to TEXT_QTY_WORDS words; no list's number ("1. "), no
 * date, no heading (a colon ends it). */
static bool
text_quantity_line(const struct text_item *it)
{
	size_t n = text_quantity_len(it->s), len = strlen(it->s), adv;
	int32_t cp;

	if (n == 0 || it->words < 2 || it->words > TEXT_QTY_WORDS ||
	    it->datelike || it->form || it->twice || it->section_end ||
	    len == 0 || it->s[len - 1] == ':')
		return false;
	if (it->s[n] == ' ')
		n++;
	cp = text_cp_at(it->s + n, len - n, &adv);
	return cp > 0 && text_cp_letter(cp);
}

/* The word after the number of quantity line s ("g" of "200 g Mehl" and
 * of "120g noodles", "EL" of "2 EL Zucker"), its length in *len. */
static const char *
text_qty_unit(const char *s, size_t *len)
{
	size_t n = text_quantity_len(s);

	n += strspn(s + n, " ");
	*len = strcspn(s + n, " ");
	return s + n;
}

/* True when two quantity lines of [a, b], at most TEXT_QTY_UNIT_REACH
 * quantity lines apart, share their unit: a recipe's list weighs in
 * grams and spoons, where a list of related headlines ("27 Oddest
 * Medical Case Reports", "10 Strangest Medical Cases") counts different
 * things. */
static bool
text_qty_units_repeat(const struct text_doc *d, size_t a, size_t b)
{
	for (size_t i = a; i <= b; i++) {
		size_t li, lj;
		const char *ui;

		if (!text_quantity_line(&d->items[i]))
			continue;
		ui = text_qty_unit(d->items[i].s, &li);
		for (size_t j = i + 1, k = 0; j <= b &&
		    k < TEXT_QTY_UNIT_REACH; j++) {
			const char *uj;

			if (!text_quantity_line(&d->items[j]))
				continue;
			k++;
			uj = text_qty_unit(d->items[j].s, &lj);
			if (li == lj && strncmp(ui, uj, li) == 0)
				return true;
		}
	}
	return false;
}

/* True when item it may stand between the lines of a recipe's list: a
 * short heading ("Belag:", "Zubereitung"), a line of one of its
 * entries with no quantity ("Salz"), a step's number alone. */
static bool
text_qty_passable(const struct text_item *it)
{
	if (it->form || it->section_end || it->appeal ||
	    it->words > TEXT_SUBHEAD_MAX_WORDS)
		return false;
	return !it->chrome || strspn(it->s, "0123456789.") == strlen(it->s);
}

/* True when item it is a line of a recipe's list over its quantities:
 * a heading that ends with a colon ("Hefeteig:", "Für die Muffinform
 * (12er):") or a line that opens in lower case ("etwas Fett", "für das
 * Rezept Bienenstich-Muffins"). The page's headline is neither. */
static bool
text_qty_head(const struct text_item *it)
{
	size_t len = strlen(it->s), adv;

	if (!text_qty_passable(it) || it->twice || it->chrome ||
	    it->bullet || len == 0)
		return false;
	return it->s[len - 1] == ':' ||
	    text_cp_lower(text_cp_at(it->s, len, &adv));
}

/* Item i is a line of the list run [a, b]: taken into the body. */
static void
text_qty_take(struct text_item *it)
{
	if (!it->chrome && !it->twice && !it->repeated)
		it->bodylike = true;
}

/* A run of TEXT_QTY_MIN quantity lines or more (text_quantity_line()),
 * up to TEXT_QTY_GAP short lines between two of them, that stands
 * inside the region or up to TEXT_QTY_GAP short lines over or under it,
 * is the article's: a recipe's ingredients, its times, its nutrition
 * lines. The region grows over it (over the short headings right over
 * it too, none shown twice), and its lines become body-like. */
void
text_quantities(struct text_doc *d)
{
	size_t i = 0;

	while (i < d->n) {
		size_t a = i, b = i, gap = 0, q = 1, j;

		if (!text_quantity_line(&d->items[i])) {
			i++;
			continue;
		}
		for (j = i + 1; j < d->n && gap <= TEXT_QTY_GAP; j++) {
			if (text_quantity_line(&d->items[j])) {
				b = j;
				gap = 0;
				q++;
			} else if (text_qty_passable(&d->items[j]))
				gap++;
			else
				break;
		}
		i = b + 1;
		if (q < TEXT_QTY_MIN || !text_qty_units_repeat(d, a, b))
			continue;
		/* near the region: only short lines between */
		if (b < d->body_start) {
			if (d->body_start - b - 1 > TEXT_QTY_GAP)
				continue;
			for (j = b + 1; j < d->body_start; j++)
				if (!text_qty_passable(&d->items[j]))
					break;
			if (j < d->body_start)
				continue;
		} else if (a >= d->body_end) {
			if (a - d->body_end > TEXT_QTY_GAP)
				continue;
			for (j = d->body_end; j < a; j++)
				if (!text_qty_passable(&d->items[j]))
					break;
			if (j < a)
				continue;
		}
		for (j = 0; a > 0 && j < TEXT_QTY_GAP &&
		    text_qty_head(&d->items[a - 1]); j++)
			a--;
		for (j = a; j <= b; j++)
			text_qty_take(&d->items[j]);
		if (a < d->body_start)
			d->body_start = a;
		if (b >= d->body_end)
			d->body_end = b + 1;
	}
}
