/* A data sheet in a text dump: a run of "label: value" lines ("Optik:
 * Teleobjektiv", "Verbrauch: 1", "Nennversorgungsspannung: 380 V") or of
 * labels over their values, standing next to the region or inside it,
 * is the article's: a product's or a photo's details, a test's marks.
 * A step of text_classify(). */
#include "text_blocks.h"

#include <stdint.h>
#include <string.h>

#include "text_util.h"

/* Fields a run holds at least; the short lines between two of them, and
 * between the run and the region, at most; the words of a field's line
 * at most; the words of its label at most; the words of a value under
 * its label at most. */
#define TEXT_SHEET_MIN 3
#define TEXT_SHEET_GAP 2
#define TEXT_SHEET_WORDS 12
#define TEXT_SHEET_LABEL 4
#define TEXT_SHEET_VALUE 30

/* True when it may be a line of a sheet at all: no field of a form, no
 * thread's heading, no appeal, no line the page shows twice. */
static bool
text_sheet_line(const struct text_item *it)
{
	return !it->form && !it->section_end && !it->appeal && !it->twice &&
	    !it->repeated;
}

/* True when the value s is an address: an e-mail's, a web page's, or
 * a telephone number (digits and no letter): a contact's lines. */
static bool
text_sheet_address(const char *s)
{
	const char *end = s + strlen(s);
	int digits = 0;
	size_t adv;

	if (strchr(s, '@') != NULL || strstr(s, "://") != NULL ||
	    strstr(s, "www.") != NULL)
		return true;
	for (const char *p = s; p < end; p += adv) {
		int32_t cp = text_cp_at(p, (size_t)(end - p), &adv);

		if (text_cp_letter(cp))
			return false;
		digits += cp >= '0' && cp <= '9';
	}
	return digits >= 6;
}

/* True when it is a label and its value on one line ("Art der Aufnahme:
 * Digitalfoto"): a label of TEXT_SHEET_LABEL words at most that opens
 * with a letter, a colon, then the value. */
static bool
text_field_line(const struct text_item *it)
{
	const char *c;
	size_t adv, n;

	if (!text_sheet_line(it) || it->words < 2 ||
	    it->words > TEXT_SHEET_WORDS)
		return false;
	c = strchr(it->s, ':');
	if (c == NULL || c == it->s || c[1] != ' ' || c[2] == '\0')
		return false;
	n = (size_t)(c - it->s);
	if (it->s[n - 1] == ' ')
		n--;
	return n > 0 && text_spaced_words(it->s, n) <= TEXT_SHEET_LABEL &&
	    text_cp_letter(text_cp_at(it->s, n, &adv)) &&
	    strstr(it->s, " | ") == NULL && (it->datelike ||
	    !text_sheet_address(c + 2));
}

/* True when it is a label alone ("Testzeugnis:", "Was uns gefällt:"). */
static bool
text_field_label(const struct text_item *it)
{
	size_t adv;

	return text_sheet_line(it) && !it->chrome &&
	    it->words <= TEXT_SHEET_LABEL && text_ends_colon(it->s) &&
	    text_cp_letter(text_cp_at(it->s, strlen(it->s), &adv));
}

/* The items the field at item i takes (a line, or a label and the
 * value under it), or 0 where none starts there. */
static size_t
text_field_at(const struct text_doc *d, size_t i)
{
	const struct text_item *v;

	if (text_field_line(&d->items[i]))
		return 1;
	if (!text_field_label(&d->items[i]) || i + 1 >= d->n)
		return 0;
	v = &d->items[i + 1];
	if (!text_sheet_line(v) || v->chrome || v->words > TEXT_SHEET_VALUE ||
	    text_ends_colon(v->s))
		return 0;
	return 2;
}

/* True when the field it counts towards a sheet: chrome ("Tag: ...")
 * and dated lines ("Datum: 31/08/2019", a teaser's "Robotik: Vom
 * Unimate zum LLM 31.10.2023") are passed, not counted. */
static bool
text_sheet_counts(const struct text_item *it)
{
	return !it->chrome && !it->datelike;
}

/* True when it may stand between a sheet's fields: a short heading. */
static bool
text_sheet_passable(const struct text_item *it)
{
	return text_sheet_line(it) && !it->chrome &&
	    it->words <= TEXT_SUBHEAD_MAX_WORDS;
}

/* True when the items [a, b) are all passable. */
static bool
text_sheet_gap(const struct text_doc *d, size_t a, size_t b)
{
	if (b - a > TEXT_SHEET_GAP)
		return false;
	for (size_t j = a; j < b; j++)
		if (!text_sheet_passable(&d->items[j]))
			return false;
	return true;
}

/* A run of fields (text_field_at()), up to TEXT_SHEET_GAP short lines
 * between two of them, with TEXT_SHEET_MIN fields or more in one block,
 * that stands inside the region or up to TEXT_SHEET_GAP short lines
 * over or under it, is the article's: the region grows over it, and its
 * lines become body-like (chrome aside). Away from the region the run
 * ends at the last block that holds two fields or more: fields one to a
 * block there are headlines with a kicker ("Energie: Neue Zähler").
 * Wholly inside the region, TEXT_SHEET_MIN fields one to a block do: an
 * interview's short questions and answers ("Q: Favorite books?", "A:
 * A Fistful of Rice ..."). */
void
text_sheets(struct text_doc *d)
{
	size_t i = 0;

	while (i < d->n) {
		size_t a = i, b, lo = SIZE_MAX, hi = 0, qa = i, gap = 0;
		size_t j, k;
		int q, most, all;

		if ((k = text_field_at(d, i)) == 0) {
			i++;
			continue;
		}
		q = most = all = text_sheet_counts(&d->items[i]);
		b = i + k;
		for (j = b; j < d->n && gap <= TEXT_SHEET_GAP;) {
			if ((k = text_field_at(d, j)) == 0) {
				if (!text_sheet_passable(&d->items[j]))
					break;
				gap++;
				j++;
				continue;
			}
			if (d->items[j].block != d->items[b - 1].block) {
				q = 0;
				qa = j;
			}
			q += text_sheet_counts(&d->items[j]);
			most = q > most ? q : most;
			all += text_sheet_counts(&d->items[j]);
			j += k;
			b = j;
			gap = 0;
			if (q >= 2) {
				lo = lo < qa ? lo : qa;
				hi = b;
			}
		}
		i = b;
		if (all < TEXT_SHEET_MIN || (most < TEXT_SHEET_MIN &&
		    (a < d->body_start || b > d->body_end)))
			continue;
		if (b <= d->body_start) {
			if (!text_sheet_gap(d, b, d->body_start))
				continue;
			a = lo;
		} else if (a >= d->body_end) {
			if (!text_sheet_gap(d, d->body_end, a))
				continue;
			b = hi;
		} else if (most >= TEXT_SHEET_MIN) {
			a = lo;
			b = hi;
		}
		for (j = a; j < b; j++)
			if (!d->items[j].chrome)
				d->items[j].bodylike = true;
		if (a < d->body_start)
			d->body_start = a;
		if (b > d->body_end)
			d->body_end = b;
	}
}
