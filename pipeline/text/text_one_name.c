/* A one-word name beside the date of a line by the headline ("5 Min. 1.
 * November 2023 Cortyn 1 Kommentar", "Profilbild HansEhrlich 17.10.2019,
 * 13:56 Uhr"): a writer the site knows by one name, taken where the
 * dump names the same word elsewhere as a writer, after a byline's word
 * or under an author's box heading ("von Cortyn", "Über Steffi"). A
 * step of text_extract() where the bylines give no author. Pure. */
#include "text_blocks.h"

#include <stdlib.h>
#include <string.h>

#include "../date.h"
#include "util.h"
#include "text_util.h"

/* Items over the headline, and under the region's top, searched. */
#define TEXT_ONE_ABOVE 8
#define TEXT_ONE_UNDER 2
/* Words of the item that names the writer elsewhere, at most ("von
 * Cortyn", "Über Steffi 1009 Artikel"). */
#define TEXT_ONE_NAMING_WORDS 4

/* The length of the name's word at s: letters, digits, '-', '_', '.';
 * a mark after it trimmed. */
static size_t
text_one_word(const char *s)
{
	size_t n = text_word_span(s, "-_.");

	while (n > 0 && (s[n - 1] == '.' || s[n - 1] == '-'))
		n--;
	return n;
}

/* True when item it names w[0..n) after a byline's word or an author's
 * box heading, the word ending there. */
static bool
text_one_named(const struct text_item *it, const char *w, size_t n)
{
	static const char *const before[] = {
		"von ", "Von ", "by ", "By ", "\xc3\x9c""ber ", "About ",
	};

	if (it->words > TEXT_ONE_NAMING_WORDS)
		return false;
	for (const char *q = strstr(it->s, w); q != NULL;
	    q = strstr(q + 1, w)) {
		if (text_one_word(q) != n)
			continue;
		for (size_t i = 0; i < sizeof(before) / sizeof(before[0]);
		    i++) {
			size_t k = strlen(before[i]);

			if ((size_t)(q - it->s) >= k &&
			    strncmp(q - k, before[i], k) == 0 &&
			    (q - k == it->s || q[-k - 1] == ' '))
				return true;
		}
	}
	return false;
}

/* True when a paragraph of the region holds w (n bytes) as a word: the
 * article speaks of it (a maker of the goods it tests), the writer
 * being no one it speaks of (text_bare_heading()'s idea). */
static bool
text_one_in_body(const struct text_doc *d, const char *w, size_t n)
{
	for (size_t j = d->body_start; j < d->body_end && j < d->n; j++) {
		const char *s = d->items[j].s;

		if (d->items[j].kind != TEXT_BODY)
			continue;
		for (const char *q = strstr(s, w); q != NULL;
		    q = strstr(q + 1, w))
			if ((q == s || q[-1] == ' ') && text_one_word(q) == n)
				return true;
	}
	return false;
}

/* True when w[0..n) reads as a writer's one name: a capital first or a
 * handle, no date's word nor a word of the body's paragraphs, and
 * another item of d names it
 * (text_one_named()) outside the article's text: not item i, nor the
 * headline or a line of the region ("Heizjacken von Bosch", "Akku-System
 * von Bosch" name the maker of the goods, not the writer). */
static bool
text_one_confirmed(const struct text_doc *d, size_t i, const char *w,
    size_t n)
{
	char *c;
	struct nw_time t;
	size_t at, span;
	bool ok;

	if (n < 3)
		return false;
	c = xstrndup(w, n);
	ok = (text_starts_upper(c) || text_handle_len(c) == n) &&
	    date_find(c, n, &t, &at, &span) != 0 &&
	    !text_one_in_body(d, c, n);
	for (size_t j = 0; ok && j < d->n; j++)
		if (j != i && j != d->title && (j < d->body_start ||
		    j >= d->body_end) &&
		    text_one_named(&d->items[j], c, n)) {
			free(c);
			return true;
		}
	free(c);
	return false;
}

/* The one-word name beside the date of dated item i: just after the
 * date, or just before it; its offset in *off, its length returned, or
 * 0. */
static size_t
text_one_beside(const struct text_doc *d, size_t i, size_t *off)
{
	const char *s = d->items[i].s;
	struct nw_time t;
	size_t at, span, n, b;

	if (date_find(s, strlen(s), &t, &at, &span) != 0)
		return 0;
	/* after the date and its marks */
	b = at + span;
	while (s[b] == ' ' || s[b] == ',' || s[b] == '|')
		b++;
	n = text_one_word(s + b);
	if (n > 0 && text_one_confirmed(d, i, s + b, n)) {
		*off = b;
		return n;
	}
	/* before it: the last word over the date */
	b = at;
	while (b > 0 && (s[b - 1] == ' ' || s[b - 1] == ',' ||
	    s[b - 1] == '|'))
		b--;
	while (b > 0 && s[b - 1] != ' ')
		b--;
	n = text_one_word(s + b);
	if (n > 0 && b + n <= at && text_one_confirmed(d, i, s + b, n)) {
		*off = b;
		return n;
	}
	return 0;
}

const char *
text_dated_one_name(const struct text_doc *d, size_t *len)
{
	size_t t = d->title < d->n ? d->title : d->body_start;
	size_t lo = t > TEXT_ONE_ABOVE ? t - TEXT_ONE_ABOVE : 0;

	*len = 0;
	for (size_t i = lo; i < d->n && i < d->body_start + TEXT_ONE_UNDER;
	    i++) {
		const struct text_item *it = &d->items[i];
		size_t off = 0;

		if (!it->datelike || it->bodylike)
			continue;
		*len = text_one_beside(d, i, &off);
		if (*len > 0)
			return it->s + off;
	}
	return NULL;
}
