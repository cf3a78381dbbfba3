/* The header of a classified text dump: the walk up from the body
 * region to the headline and the standfirst. */
#include "text_blocks.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>

#include "text_util.h"

/* Item-count limits of the header walk above the body. */
#define TEXT_HEADER_SKIP 40
#define TEXT_TITLE_MAX_WORDS 30
#define TEXT_STANDFIRST_MAX_WORDS 80
/* Words of a question over the article taken as its headline, at most. */
#define TEXT_FALLBACK_WORDS 15
/* Items from the headline that may hold it without its crumbs. */
#define TEXT_TITLE_NEAR 4
/* Words of a headline over its byline, at least (text_over_byline()). */
#define TEXT_BYLINE_TITLE_WORDS 4

static bool
text_title_candidate(const struct text_item *it)
{
	size_t len = strlen(it->s);

	if (it->kind != TEXT_OTHER || it->chrome || it->bullet ||
	    it->datelike || it->words < 2 ||
	    it->words > TEXT_STANDFIRST_MAX_WORDS)
		return false;
	if (it->s[len - 1] == ',' || it->s[len - 1] == '|' ||
	    it->s[len - 1] == ':')
		return false;
	if (!text_starts_word(it->s) || text_byline_prefix(it->s) > 0)
		return false;
	/* a form's field ("Search for: [ ]", lynx's "____") */
	if (it->form)
		return false;
	return !(it->words <= 4 && text_is_byline(it->s, it->words));
}

/* True when s holds more than one sentence: a headline does not. */
static bool
text_has_sentence_break(const char *s)
{
	for (const char *p = s; *p != '\0'; p++)
		if ((*p == '.' || *p == '!' || *p == '?') && p[1] == ' ' &&
		    text_starts_upper(p + 2) && p - s > 3 &&
		    isalpha((unsigned char)p[-1]) &&
		    isalpha((unsigned char)p[-2]))
			return true;
	return false;
}

/* True when s ends with a full stop after a word of four letters or
 * more (not an ellipsis, not "& Co." or "Inc."): a sentence of prose,
 * which a headline is not. */
static bool
text_ends_full_stop(const char *s)
{
	size_t len = text_trim_closers(s, strlen(s)), i, adv;
	int letters = 0;
	bool lower = false;

	if (len < 2 || s[len - 1] != '.')
		return false;
	i = len - 1;
	while (i > 0 && s[i - 1] != ' ' && s[i - 1] != '.') {
		i--;
		if ((s[i] & 0xc0) == 0x80)
			continue;
		if (letters++ == 0)
			lower = text_cp_lower(text_cp_at(s + i, len - i, &adv));
	}
	return letters >= 4 && lower && (i == 0 || s[i - 1] == ' ');
}

/* True when part is the start or the end of whole, shorter, at a word's
 * edge: a headline with the breadcrumb trail or the kicker the page
 * glued to it ("Home » News » Title", "Kicker: Title", "Title Kicker"). */
static bool
text_part_of(const char *whole, const char *part)
{
	size_t lw = strlen(whole), lp = strlen(part);

	if (lp + 2 > lw)
		return false;
	if (strncmp(whole, part, lp) == 0 && whole[lp] == ' ')
		return true;
	return strcmp(whole + lw - lp, part) == 0;
}

/* True when it is an entry of a list (a bulleted crumb, not chrome) that
 * ends whole, at a word's edge: the headline under a kicker glued to
 * it ("Auftragshoch bei FACC : Luftfahrtbranche hebt ...", the crumbs'
 * last entry "Luftfahrtbranche hebt ..."). */
static bool
text_crumb_end(const char *whole, const struct text_item *it)
{
	size_t lw = strlen(whole), lp = strlen(it->s);

	if (!it->bullet || it->chrome || it->kind != TEXT_OTHER ||
	    it->words < 2 || lp + 2 > lw)
		return false;
	return whole[lw - lp - 1] == ' ' &&
	    strcmp(whole + lw - lp, it->s) == 0;
}

/* The headline the walk found at item first, or the item near it that
 * first holds with more around it (a breadcrumb trail ending with the
 * headline, the headline glued to its kicker): the shorter is the
 * headline. */
static size_t
text_title_part(const struct text_doc *d, size_t first)
{
	size_t lo = first > TEXT_TITLE_NEAR ? first - TEXT_TITLE_NEAR : 0;

	for (size_t j = lo; j < d->body_start &&
	    j <= first + TEXT_TITLE_NEAR; j++) {
		const struct text_item *it = &d->items[j];

		if (j != first && text_title_candidate(it) &&
		    text_part_of(d->items[first].s, it->s))
			return j;
		if (j != first && text_crumb_end(d->items[first].s, it))
			return j;
	}
	return first;
}

/* When the walk up found no headline: the name-like item it passed
 * nearest the body ("Performant Python" reads as a person's name), or
 * else the region's first item when it is a question or an exclamation
 * of headline size over a paragraph, which then leaves the body. */
static void
text_title_fallback(struct text_doc *d, size_t name)
{
	size_t b = d->body_start;
	const struct text_item *it = &d->items[b];
	size_t len = text_trim_closers(it->s, strlen(it->s));

	if (name < d->n) {
		d->title = name;
		d->items[name].kind = TEXT_HEADLINE;
		return;
	}
	if (b + 1 >= d->body_end || it->words > TEXT_FALLBACK_WORDS ||
	    len == 0 || (it->s[len - 1] != '?' && it->s[len - 1] != '!') ||
	    text_has_sentence_break(it->s) ||
	    d->items[b + 1].kind != TEXT_BODY)
		return;
	d->title = b;
	d->items[b].kind = TEXT_HEADLINE;
	d->body_start++;
}

/* The item right over the lowest strong byline under first ("von
 * Andreas Kürten", "Posted by Konstantin 21.10.2019"), where the run
 * from first down to it holds more than two headline candidates and it
 * is one of TEXT_BYLINE_TITLE_WORDS words or more that reads as a
 * headline: the headline stands over its byline, and the run's items
 * over it are crumbs, the site's name or its tagline. Two candidates
 * are a headline and its standfirst over the byline, the common
 * layout: first stays. (A reading time or a relative time over a
 * byline, "vor 11 Minuten", has fewer words.) */
static size_t
text_over_byline(const struct text_doc *d, size_t first)
{
	for (size_t k = d->body_start; k > first + 1; k--) {
		const struct text_item *it = &d->items[k - 2];
		size_t run = 0;

		if (!text_strong_byline(&d->items[k - 1]))
			continue;
		for (size_t j = first; j + 1 < k; j++)
			run += text_title_candidate(&d->items[j]);
		if (run > 2 && text_title_candidate(it) &&
		    it->words >= TEXT_BYLINE_TITLE_WORDS &&
		    it->words <= TEXT_TITLE_MAX_WORDS &&
		    !text_has_sentence_break(it->s) &&
		    !text_ends_full_stop(it->s))
			return k - 2;
		return first;
	}
	return first;
}

/* Walks up from the body to the headline: past captions, dates, bylines
 * and chrome to the first run of headline-like items; the run's first item
 * is the headline, the next the standfirst. A run under the heading of a
 * link box ("Mehr zum Thema", "Read more:") is the box's links, which a
 * page sets between its lead and the rest of the article: the walk goes
 * on above it. */
void
text_header(struct text_doc *d)
{
	size_t first = d->n, i = d->body_start, steps = 0, name = d->n;
	bool found = false;

	while (i > 0 && steps < TEXT_HEADER_SKIP) {
		struct text_item *it = &d->items[--i];

		steps++;
		if (text_title_candidate(it)) {
			found = true;
			first = i;
			continue;
		}
		if (!found && name == d->n && it->kind == TEXT_OTHER &&
		    !it->datelike && text_byline_prefix(it->s) == 0 &&
		    !it->chrome && !it->bullet && it->words >= 2 &&
		    text_is_byline(it->s, it->words))
			name = i;
		if (!found)
			continue;
		/* a link box's heading over them: they were its links */
		if (it->chrome && it->words <= TEXT_BOX_HEADING_WORDS &&
		    text_is_box_heading(it->s)) {
			found = false;
			first = d->n;
			continue;
		}
		if (it->datelike || (it->kind == TEXT_OTHER &&
		    !it->chrome && text_is_byline(it->s, it->words)))
			continue;
		break;
	}
	if (!found) {
		text_title_fallback(d, name);
		return;
	}
	first = text_over_byline(d, first);
	/* a kicker or a section's name over the headline: a short item
	 * over a longer one that reads as a headline */
	while (first + 1 < d->body_start && d->items[first].words <= 3 &&
	    text_title_candidate(&d->items[first + 1]) &&
	    d->items[first + 1].words > d->items[first].words &&
	    d->items[first + 1].words <= TEXT_TITLE_MAX_WORDS &&
	    !d->items[first + 1].sentence)
		first++;
	first = text_title_part(d, first);
	if (d->items[first].words <= TEXT_TITLE_MAX_WORDS &&
	    !text_has_sentence_break(d->items[first].s) &&
	    !text_ends_full_stop(d->items[first].s)) {
		d->title = first;
		d->items[first].kind = TEXT_HEADLINE;
		first++;
	}
	/* the standfirst: the next candidate, past the dates and bylines
	 * that the walk up also passed */
	while (first < d->body_start && (d->items[first].datelike ||
	    (d->items[first].kind == TEXT_OTHER && !d->items[first].chrome &&
	    text_is_byline(d->items[first].s, d->items[first].words))))
		first++;
	/* a short label the page repeats ("Add a comment") is no standfirst,
	 * nor the headline with its kicker */
	if (first < d->body_start && text_title_candidate(&d->items[first]) &&
	    !(d->items[first].twice && d->items[first].words <= 3) &&
	    !(d->title < d->n &&
	    text_part_of(d->items[first].s, d->items[d->title].s))) {
		d->subtitle = first;
		d->items[first].kind = TEXT_STANDFIRST;
	}
}
