/* Block classification of a segmented text dump: captions and credits,
 * chrome runs, the body region (the best-scoring run of body-like items),
 * and the bylines and dates above it (the headline and the standfirst:
 * text_header.c; the lists: text_lists.c). */
#include "text_blocks.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../date.h"
#include "util.h"
#include "text_util.h"

/* Bylines are looked for this many items from the headline or the body,
 * and at most this many are taken. */
#define TEXT_BYLINE_NEAR 8
#define TEXT_BYLINES_MAX 3
/* Body text (code points) that must precede a comment-thread heading
 * before it is believed to end the article. */
#define TEXT_SECTION_MASS 400
/* Body-like text (code points) before a comment-thread heading that makes
 * the heading bound the search for the region. */
#define TEXT_THREAD_MASS 150
/* The body that ends the region after a gap of at least this many items
 * must outweigh the gap's cost by TEXT_TAIL_WEIGHT / 10. */
#define TEXT_TAIL_GAP 2
/* Body-like items of a blank-line block holding this many count half. */
#define TEXT_CROWD_MIN 4
#define TEXT_TAIL_WEIGHT 15
/* A related box's heading ("Das könnte Sie auch interessieren") of at
 * most this many words inside the region ends it where the teasers
 * under it weigh less than a TEXT_BOX_TAIL_SHARE-th of the body over
 * it (text_trim_box_tail()). */
#define TEXT_BOX_TAIL_WORDS 6
#define TEXT_BOX_TAIL_SHARE 3
/* Prose without a sentence's end (four in ten words in lower case) of
 * TEXT_PROSE_WORDS or more next to the region is the article's; above
 * it, shorter prose too between the region and such an item (a
 * headline has fewer words). */
#define TEXT_PROSE_WORDS 20
#define TEXT_PROSE_MIN_WORDS 12
/* A box inside the article over the region (text_lead_over_box()):
 * TEXT_BOX_LINES_MIN to TEXT_BOX_LINES_MAX lines of TEXT_BOX_LINE_WIDTH
 * code points or fewer. */
#define TEXT_BOX_LINES_MIN 3
#define TEXT_BOX_LINES_MAX 20
#define TEXT_BOX_LINE_WIDTH 80
/* The region under a dateline or a byline (text_anchored()): it opens
 * at most TEXT_ANCHOR_NEAR items under it, a region with one at most
 * TEXT_ANCHOR_FAR items over it keeps its place, and the run under it
 * must weigh TEXT_ANCHOR_SHARE tenths of the region and end more than
 * TEXT_ANCHOR_GAP items over it. */
#define TEXT_ANCHOR_NEAR 6
#define TEXT_ANCHOR_FAR 12
#define TEXT_ANCHOR_SHARE 3
#define TEXT_ANCHOR_GAP 40
/* A run under a dateline or a byline of TEXT_ANCHOR_JOIN tenths of the
 * region's weight, over it, is its lead (text_anchored()). */
#define TEXT_ANCHOR_JOIN 1

static bool
text_has_year_or_time(const char *s)
{
	for (const char *p = s; *p != '\0'; p++) {
		bool start = p == s || !isdigit((unsigned char)p[-1]);

		if (!start)
			continue;
		if ((strncmp(p, "19", 2) == 0 || strncmp(p, "20", 2) == 0) &&
		    isdigit((unsigned char)p[2]) &&
		    isdigit((unsigned char)p[3]) &&
		    !isdigit((unsigned char)p[4]))
			return true;
		if (isdigit((unsigned char)p[0]) && (p[1] == ':' ||
		    (isdigit((unsigned char)p[1]) && p[2] == ':')))
			return true;
	}
	return false;
}

/* True when s names an English month (or its abbreviation) and holds a
 * digit: "November 18", "18 Nov". */
static bool
text_has_month_day(const char *s)
{
	static const char *const months[] = {
		"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
		"Oct", "Nov", "Dec",
	};
	bool digit = false, month = false;

	for (const char *p = s; *p != '\0'; p++)
		if (isdigit((unsigned char)*p))
			digit = true;
	for (size_t i = 0; !month && i < sizeof(months) / sizeof(months[0]);
	    i++) {
		const char *q = strstr(s, months[i]);

		month = q != NULL && (q == s || q[-1] == ' ');
	}
	return digit && month;
}

/* A short item that is mostly a date ("Tuesday 14 February 2017 05:57
 * EST", "Updated: Nov 20 2019, 3:26 pm"). */
static bool
text_datelike(const char *s, int words)
{
	struct nw_time t;

	if (words > 15)
		return false;
	if (date_find(s, strlen(s), &t, NULL, NULL) == 0)
		return true;
	return (words <= 10 && text_has_year_or_time(s)) ||
	    (words <= 4 && text_has_month_day(s));
}

/* Marks as appeals the runs of one or two items that chrome paragraphs
 * enclose: the middle of a donation or cookie appeal. */
static void
text_appeal_runs(struct text_doc *d)
{
	for (size_t i = 0; i < d->n; i++) {
		struct text_item *it = &d->items[i];

		it->appeal = it->chrome && it->words >= 5;
	}
	for (size_t i = 1; i + 1 < d->n; i++) {
		size_t j = i;

		if (d->items[i].chrome || !d->items[i - 1].appeal)
			continue;
		while (j < d->n && j < i + 2 && !d->items[j].chrome)
			j++;
		if (j >= d->n || !d->items[j].appeal)
			continue;
		for (size_t k = i; k < j; k++)
			d->items[k].chrome = d->items[k].appeal = true;
	}
}

/* The score of an item in the search for the body region. Body-like items
 * count their width (half of it when crowded); the other items of running
 * text cost theirs, at least a small constant: the region holds more body
 * than other text, so a list of teasers (a headline, a name, a date and
 * one sentence each) does not join the article it follows, while a
 * subheading does. */
static long
text_score(const struct text_item *it)
{
	long c;

	if (it->bodylike)
		return (long)it->width / (it->crowded ? 2 : 1);
	if (it->appeal)
		return -(long)it->width - 50;
	if (it->chrome || it->kind == TEXT_CAPTION ||
	    it->kind == TEXT_CREDIT)
		return -30;
	if (it->bullet)
		c = -20;
	else if (it->sentence)
		c = -5;
	else
		c = -15;
	return -(long)it->width < c ? -(long)it->width : c;
}

/* True when name and date open a teaser card after an article: a
 * person's name of two words or more on its line, and under it a date
 * with its day (not a live blog's bare time). */
static bool
text_teaser_card(const struct text_item *name, const struct text_item *date)
{
	struct nw_time t;

	return date->datelike && !name->bodylike && name->words >= 2 &&
	    text_is_byline(name->s, name->words) &&
	    date_find(date->s, strlen(date->s), &t, NULL, NULL) == 0;
}

/* Drops the body that ends the region after a gap (TEXT_TAIL_GAP items
 * or more that are not body-like) while it weighs less than one and a
 * half times what the gap costs: the search keeps it when it weighs
 * more than the gap, and so took in the author's bio, a disclaimer or a
 * newsletter's pitch under the article. Repeated while it holds. */
static void
text_trim_tail(struct text_doc *d)
{
	for (;;) {
		size_t a = d->body_end, g, gap = 0;
		long island = 0, cost = 0;

		while (a > d->body_start && d->items[a - 1].bodylike)
			island += (long)d->items[--a].width;
		g = a;
		while (g > d->body_start && !d->items[g - 1].bodylike) {
			cost -= text_score(&d->items[--g]);
			gap++;
		}
		if (g == d->body_start || gap < TEXT_TAIL_GAP ||
		    island * 10 > cost * TEXT_TAIL_WEIGHT)
			return;
		d->body_end = g;
	}
}

/* Ends the region at a related box's heading inside it (a chrome item
 * of TEXT_BOX_TAIL_WORDS words at most, text_is_box_heading()) with two
 * headlines or more under it (neither body-like nor chrome) and less
 * than a TEXT_BOX_TAIL_SHARE-th of the body's width over it under it:
 * the teasers and the bios of the box under the article, which the
 * search took in for their paragraphs. */
static void
text_trim_box_tail(struct text_doc *d)
{
	size_t over = 0;

	for (size_t i = d->body_start; i < d->body_end; i++) {
		const struct text_item *it = &d->items[i];
		size_t under = 0;
		int heads = 0;

		if (it->bodylike) {
			over += it->width;
			continue;
		}
		if (!it->chrome || it->words > TEXT_BOX_TAIL_WORDS ||
		    !text_is_box_heading(it->s))
			continue;
		for (size_t k = i + 1; k < d->body_end; k++) {
			const struct text_item *u = &d->items[k];

			if (u->bodylike)
				under += u->width;
			else if (!u->chrome && !u->bullet)
				heads++;
		}
		if (heads < 2 || under * TEXT_BOX_TAIL_SHARE >= over)
			continue;
		text_end_body(d, i);
		return;
	}
}

/* The words of name of three bytes or more that s holds as words of
 * their own. */
static int
text_shared_words(const char *name, const char *s)
{
	int n = 0;

	for (const char *w = name; *w != '\0';) {
		size_t k = strcspn(w, " ");

		for (const char *p = strstr(s, w); k >= 3 && p != NULL;
		    p = strstr(p + 1, w)) {
			unsigned char e = (unsigned char)p[k];

			if (strncmp(p, w, k) == 0 && (p == s || p[-1] == ' ') &&
			    !isalnum(e) && e < 0x80) {
				n++;
				break;
			}
		}
		w += k;
		while (*w == ' ')
			w++;
	}
	return n;
}

/* Drops the region's last paragraph where it stands alone after a gap
 * of two items or more that holds a person's name (two or three words,
 * no bullet) which the page shows elsewhere too (the byline at the top)
 * or which the paragraph names in full ("About Jane Doe / Jane Doe /
 * Jane Doe has worked ..."): the author's bio under the article. */
static void
text_trim_bio(struct text_doc *d)
{
	size_t a = d->body_end, g;
	const struct text_item *bio;
	bool name = false;

	if (a < d->body_start + 4 || !d->items[a - 1].bodylike ||
	    d->items[a - 2].bodylike)
		return;
	bio = &d->items[a - 1];
	for (g = a - 1; g > d->body_start && !d->items[g - 1].bodylike;) {
		const struct text_item *it = &d->items[--g];

		if (it->words >= 2 && it->words <= 3 && !it->chrome &&
		    !it->bullet && text_is_byline(it->s, it->words) &&
		    (it->twice || text_shared_words(it->s, bio->s) >= 2))
			name = true;
	}
	if (name && g > d->body_start && a - 1 - g >= TEXT_TAIL_GAP)
		d->body_end = g;
}

/* True when it heads a comment thread in words ("Leave a reply", "11
 * replies to Title"), not as a link that counts the comments ("2
 * Kommentare") or one of a row of links ("Add a comment |"). */
static bool
text_thread_heading(const struct text_item *it)
{
	size_t len = strlen(it->s);

	return it->section_end && (!isdigit((unsigned char)it->s[0]) ||
	    it->words > 3) && it->s[len - 1] != '|';
}

/* True when item i counts the replies to the page's own title, which
 * an item above it shows ("142 Antworten zu Title", "20 thoughts on
 * 'Title'": a blog's comment thread, in any language). */
static bool
text_count_of_title(const struct text_doc *d, size_t i)
{
	const char *s = d->items[i].s, *p = s;

	if (d->items[i].words < 4 || d->items[i].words > 25)
		return false;
	while (isdigit((unsigned char)*p))
		p++;
	if (p == s || *p != ' ')
		return false;
	for (int k = 0; k < 2 && (p = strchr(p + 1, ' ')) != NULL; k++) {
		const char *t = p + 1;
		size_t n;

		if (*t == '"')
			t++;
		else if (strncmp(t, "\xe2\x80\x9c", 3) == 0 ||
		    strncmp(t, "\xe2\x80\x9e", 3) == 0)
			t += 3;
		else if (strncmp(t, "\xc2\xab", 2) == 0)
			t += 2;
		n = text_trim_closers(t, strlen(t));
		for (size_t j = 0; n > 0 && j < i; j++)
			if (d->items[j].words >= 2 &&
			    strlen(d->items[j].s) == n &&
			    strncmp(d->items[j].s, t, n) == 0)
				return true;
	}
	return false;
}

/* True when it reads as running text though it ends with no stop: a
 * paragraph of min words or more, four in ten of its words in lower
 * case (a menu's labels and a title-case headline have few). */
static bool
text_prose(const struct text_item *it, int min)
{
	int lower = 0, words = 0;
	size_t adv;
	int32_t cp;
	const char *end;

	if (it->kind != TEXT_OTHER || it->chrome || it->repeated ||
	    it->bullet || it->words < min)
		return false;
	end = it->s + strlen(it->s);
	for (const char *p = it->s; p < end; p++) {
		if (p != it->s && p[-1] != ' ')
			continue;
		cp = text_cp_at(p, (size_t)(end - p), &adv);
		if (!text_cp_letter(cp))
			continue;
		words++;
		lower += text_cp_lower(cp);
	}
	return words > 0 && lower * 10 >= words * 4;
}

/* Moves the region's ends over the prose next to it (text_prose()),
 * which is then body-like: forward over prose and the short
 * subheadings over body-like items (not a comment thread's heading,
 * which ended the region), back over prose and chrome to the farthest
 * prose of TEXT_PROSE_WORDS. */
static void
text_prose_edges(struct text_doc *d)
{
	size_t i = d->body_end, start = d->body_start;

	while (i < d->n) {
		struct text_item *it = &d->items[i];

		if (it->bodylike || text_prose(it, TEXT_PROSE_WORDS)) {
			it->bodylike = true;
			d->body_end = ++i;
		} else if (i + 1 < d->n && !it->chrome && !it->bullet &&
		    !it->section_end && it->kind == TEXT_OTHER &&
		    it->words <= TEXT_SUBHEAD_MAX_WORDS &&
		    d->items[i + 1].bodylike) {
			i++;
		} else {
			break;
		}
	}
	for (i = d->body_start; i > 0; i--) {
		const struct text_item *it = &d->items[i - 1];

		if (!it->chrome && !text_prose(it, TEXT_PROSE_MIN_WORDS))
			break;
		if (!it->chrome && it->words >= TEXT_PROSE_WORDS)
			d->body_start = i - 1;
	}
	for (i = d->body_start; i < start; i++)
		if (text_prose(&d->items[i], TEXT_PROSE_MIN_WORDS))
			d->items[i].bodylike = true;
}

/* True when item it opens an article: a line with its full date
 * ("19. Oktober 2019 16:14 Uhr") or a strong byline ("von Andreas
 * Kürten"), standing alone (a dated item of a list or one the page
 * shows twice is a teaser's or an infobox's). */
static bool
text_anchor(const struct text_item *it)
{
	struct nw_time t;

	if (it->bodylike || it->bullet || it->repeated)
		return false;
	if (it->datelike && date_find(it->s, strlen(it->s), &t, NULL,
	    NULL) == 0)
		return true;
	return text_strong_byline(it);
}

/* True when a link box's heading ("Mehr zum Thema") stands in items
 * a..b: a lead over it is the standfirst the header walk finds. */
static bool
text_box_between(const struct text_doc *d, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++)
		if (d->items[i].chrome &&
		    d->items[i].words <= TEXT_BOX_HEADING_WORDS &&
		    text_is_box_heading(d->items[i].s))
			return true;
	return false;
}

/* The region under the article's dateline or byline. The search takes
 * the run of greatest weight, and a login dialog's messages after the
 * footer or a community box's questions outweigh a short article; but an
 * article is set under its date or its byline, and they are not. Where
 * no anchor (text_anchor()) stands within TEXT_ANCHOR_FAR items over the
 * region, the best run that opens with a body-like item at most
 * TEXT_ANCHOR_NEAR items under an anchor, and ends more than
 * TEXT_ANCHOR_GAP items over the region, is the region instead when it
 * weighs TEXT_ANCHOR_SHARE tenths of the region's weight or more. Only
 * runs over the region: the comments and reviews under an article are
 * dated too. Only runs far from it: a region nearer is the article
 * going on past a box of links or a gallery under its lead.
 *
 * A lighter run, of TEXT_ANCHOR_JOIN tenths or more (or a near one),
 * is the article's lead over a table, a gallery or an ad block that cut
 * the search's run in two: the region starts at it (not over a link
 * box, under which the walk up finds a standfirst). */
static void
text_anchored(struct text_doc *d, long best)
{
	long top = 0;
	size_t s = 0, e = 0;

	for (size_t a = d->body_start > TEXT_ANCHOR_FAR ?
	    d->body_start - TEXT_ANCHOR_FAR : 0; a < d->body_start; a++)
		if (text_anchor(&d->items[a]))
			return;
	for (size_t a = 0; a < d->body_start; a++) {
		size_t j = a + 1;
		long cur = 0;

		if (!text_anchor(&d->items[a]))
			continue;
		while (j < d->body_start && j <= a + TEXT_ANCHOR_NEAR &&
		    !d->items[j].bodylike)
			j++;
		if (j >= d->body_start || !d->items[j].bodylike)
			continue;
		for (size_t i = j; i < d->body_start && cur >= 0; i++) {
			cur += text_score(&d->items[i]);
			if (cur > top) {
				top = cur;
				s = j;
				e = i + 1;
			}
		}
	}
	if (top > 0 && top * 10 >= best * TEXT_ANCHOR_SHARE &&
	    d->body_start - e > TEXT_ANCHOR_GAP) {
		d->body_start = s;
		d->body_end = e;
	} else if (top > 0 && top * 10 >= best * TEXT_ANCHOR_JOIN &&
	    !text_box_between(d, e, d->body_start)) {
		d->body_start = s;
	}
}

/* Where the header walk found no standfirst, the region's first
 * paragraph is one when a byline or a dateline (text_anchor()) stands
 * under it, within TEXT_ANCHOR_NEAR items, over the rest of the body:
 * the summary over the byline, not the article's lead. */
static void
text_deck_over_anchor(struct text_doc *d)
{
	size_t s = d->body_start, j = s + 1;
	bool anchor = false;

	if (d->subtitle < d->n || d->body_end < s + 3 ||
	    d->items[s].kind != TEXT_BODY || !d->items[s].bodylike)
		return;
	while (j < d->body_end && j <= s + TEXT_ANCHOR_NEAR &&
	    !d->items[j].bodylike)
		anchor = text_anchor(&d->items[j++]) || anchor;
	if (!anchor || j == s + 1 || j >= d->body_end ||
	    d->items[j].kind != TEXT_BODY)
		return;
	d->items[s].kind = TEXT_STANDFIRST;
	d->subtitle = s;
}

/* True when item it may stand in a box set inside the article (a
 * related box's headlines and their times, "Le puede interesar: ...", a
 * press release's publisher and address): a short line, none of the
 * article's paragraphs, no comment thread's heading, no appeal. */
static bool
text_box_line(const struct text_item *it)
{
	return !it->bodylike && !it->section_end && !it->appeal &&
	    it->width <= TEXT_BOX_LINE_WIDTH;
}

/* True when item i is a paragraph of the article's shape: body-like, of
 * TEXT_PROSE_WORDS words or more, in a blank-line block of its own, not
 * crowded (lynx may join a lead and the box's first line in one). */
static bool
text_own_paragraph(const struct text_doc *d, size_t i)
{
	const struct text_item *it = &d->items[i];

	return it->bodylike && !it->crowded &&
	    it->words >= TEXT_PROSE_WORDS &&
	    (i == 0 || d->items[i - 1].block != it->block) &&
	    (i + 1 == d->n || d->items[i + 1].block != it->block);
}

/* Moves the start of the region back over a box set inside the article
 * (TEXT_BOX_LINES_MIN to TEXT_BOX_LINES_MAX short lines, text_box_line())
 * to the paragraphs of the article's shape over it: the search's run
 * starts under the box, whose lines cost more than the lead over it
 * weighs. The box's lines stay out of the body. */
static void
text_lead_over_box(struct text_doc *d)
{
	size_t s = d->body_start, i = s;

	if (d->body_end == 0 || !d->items[s].bodylike)
		return;
	while (i > 0 && s - i < TEXT_BOX_LINES_MAX &&
	    text_box_line(&d->items[i - 1]))
		i--;
	if (s - i < TEXT_BOX_LINES_MIN || i == 0 ||
	    !text_own_paragraph(d, i - 1))
		return;
	for (size_t k = i; k < s; k++)
		d->items[k].kind = TEXT_RELATED;
	while (i > 0 && d->items[i - 1].bodylike)
		i--;
	d->body_start = i;
}

/* The body region: the run of items with the greatest total score, where
 * body-like items count their width and everything else costs. It is
 * searched for above the first heading of a comment thread that follows
 * some body-like text (a short post is not outweighed by the sidebar
 * under its comment form). A heading of a comment thread inside the run,
 * after a good amount of body text, ends it: a long thread is not the
 * article. Its tail is trimmed, its start moved back to a lead over a
 * list, its ends moved over prose, and an author's bio under it cut; its
 * start moves back over a box inside the article to the lead over it. */
static void
text_body_region(struct text_doc *d)
{
	long best = 0, cur = 0;
	size_t cs = 0, mass = 0, end = d->n;

	for (size_t i = 0; i < d->n; i++) {
		if (text_thread_heading(&d->items[i]) &&
		    mass >= TEXT_THREAD_MASS) {
			end = i;
			break;
		}
		if (d->items[i].bodylike)
			mass += d->items[i].width;
	}
	mass = 0;
	d->body_start = d->body_end = 0;
	for (size_t i = 0; i < end; i++) {
		if (cur <= 0) {
			cur = 0;
			cs = i;
		}
		cur += text_score(&d->items[i]);
		if (cur > best) {
			best = cur;
			d->body_start = cs;
			d->body_end = i + 1;
		}
	}
	if (d->body_end > 0)
		text_anchored(d, best);
	for (size_t i = d->body_start; i < d->body_end; i++) {
		const struct text_item *it = &d->items[i];

		if ((it->section_end || (i > d->body_start &&
		    text_teaser_card(&d->items[i - 1], it))) &&
		    mass >= TEXT_SECTION_MASS) {
			d->body_end = i;
			break;
		}
		if (it->bodylike)
			mass += it->width;
	}
	text_end_body(d, d->body_end);
	text_trim_tail(d);
	text_lead_over_list(d);
	text_prose_edges(d);
	text_trim_bio(d);
	text_colon_list(d);
	text_trim_box_tail(d);
	text_lead_over_box(d);
}

/* Marks as crowded the body-like items of the blank-line blocks that
 * hold TEXT_CROWD_MIN of them or more. An article's paragraphs stand in
 * blocks of their own or a few together; a feed of questions, comments
 * or teasers, a consent dialog's options, a form's messages come as one
 * block of many (in the renders of a blog written with line breaks the
 * whole page does, and every paragraph is crowded alike). */
static void
text_crowding(struct text_doc *d)
{
	size_t *n;
	int blocks = 0;

	for (size_t i = 0; i < d->n; i++)
		if (d->items[i].block >= blocks)
			blocks = d->items[i].block + 1;
	n = xcalloc((size_t)blocks + 1, sizeof(*n));
	for (size_t i = 0; i < d->n; i++)
		if (d->items[i].bodylike)
			n[d->items[i].block]++;
	for (size_t i = 0; i < d->n; i++)
		d->items[i].crowded = d->items[i].bodylike &&
		    n[d->items[i].block] >= TEXT_CROWD_MIN;
	free(n);
}

/* Commas, stops, colons and semicolons of the scripts that do not use
 * ASCII ones: fullwidth (CJK), the ideographic comma and full stop, the
 * Arabic comma and semicolon. */
static const char *const text_clause_marks[] = {
	"\xef\xbc\x8c", "\xef\xbc\x9a", "\xef\xbc\x9b",
	"\xe3\x80\x81", "\xe3\x80\x82", "\xd8\x8c", "\xd8\x9b",
};

/* True when s holds a comma, a stop, a colon or a semicolon ending a
 * word (before a space or at the end): running text of thirty words
 * has one, a run of link labels glued together ("Pune MirrorBangalore
 * MirrorAhmedabad Mirror...") or a tag cloud has none, though its
 * version numbers and addresses hold stops ("0.4.3", "ubuntuusers.de"). */
static bool
text_has_clause_mark(const char *s)
{
	for (const char *p = strpbrk(s, ",.;:"); p != NULL;
	    p = strpbrk(p + 1, ",.;:"))
		if (p[1] == ' ' || p[1] == '\0')
			return true;
	for (size_t i = 0; i < sizeof(text_clause_marks) /
	    sizeof(text_clause_marks[0]); i++)
		if (strstr(s, text_clause_marks[i]) != NULL)
			return true;
	return false;
}

/* True when item i, in a lynx dump, is a heading (column 0, no link)
 * over an indented paragraph, under an item that is no paragraph: a
 * short one (a longer one is a teaser's: "Eine Stimme fuer Afghanistan:
 * Das Auswaertige Amt unterstuetzt ...") that announces no list
 * ("Zusatzinformationen:"), under no date (a teaser's card: "04.11.2021
 * Artikel"). */
static bool
text_heading_over_body(const struct text_doc *d, size_t i)
{
	const struct text_item *it = &d->items[i], *up = &d->items[i - 1];
	size_t n = strlen(it->s);

	return it->heading && it->words <= TEXT_SUBHEAD_MAX_WORDS &&
	    it->s[n - 1] != ':' && !up->datelike &&
	    d->items[i + 1].bodylike && !d->items[i + 1].heading;
}

/* True when s is nothing but a picture's label ("[IMG_2041]"). */
static bool
text_picture_label(const char *s)
{
	size_t len = strlen(s);

	return len > 2 && s[0] == '[' && s[len - 1] == ']' &&
	    memchr(s + 1, '[', len - 2) == NULL;
}

/* The kind of the first item from i in direction step (-1, up; 1,
 * down) inside the region that is no picture's placeholder, caption or
 * credit (TEXT_OTHER past the region's ends). */
static enum text_kind
text_kind_past_picture(const struct text_doc *d, size_t i, int step)
{
	while (i >= d->body_start && i < d->body_end && (step > 0 ?
	    text_picture_label(d->items[i].s) :
	    (d->items[i].kind == TEXT_CAPTION ||
	    d->items[i].kind == TEXT_CREDIT)))
		i += (size_t)step;
	return i >= d->body_start && i < d->body_end ? d->items[i].kind :
	    TEXT_OTHER;
}

/* A short item between two paragraphs of the body is the article's
 * subheading, not a link's label: it is kept as body. A picture may
 * stand between it and the paragraph under it, and a picture's caption
 * between it and the paragraph over it (a line under a picture is its
 * caption, one over a caption the picture's title). Longer ones (more
 * than TEXT_SUBHEAD_MAX_WORDS) are the headlines of related stories set
 * between the paragraphs; a date line is neither ("Text: Jane Doe,
 * 11 October 2018" under a standfirst). In a lynx dump a heading (at
 * column 0, no link) over a paragraph is one whatever stands over it. */
static void
text_subheadings(struct text_doc *d)
{
	for (size_t i = d->body_start + 1; i + 1 < d->body_end; i++) {
		struct text_item *it = &d->items[i];

		if (it->kind != TEXT_RELATED || it->bullet || it->datelike ||
		    !text_starts_word(it->s) ||
		    text_kind_past_picture(d, i + 1, 1) != TEXT_BODY ||
		    (d->items[i + 1].kind != TEXT_BODY &&
		    it->words > TEXT_SUBHEAD_MAX_WORDS))
			continue;
		if (text_kind_past_picture(d, i - 1, -1) == TEXT_BODY ?
		    (it->heading && !d->items[i + 1].heading) ||
		    it->words <= TEXT_SUBHEAD_MAX_WORDS :
		    text_heading_over_body(d, i))
			it->kind = TEXT_BODY;
	}
}

/* True when s ends with a colon or an ellipsis: it announces the lines
 * under it ("Menschen, die ...", "like this:"). */
static bool
text_announces_run(const char *s)
{
	size_t n = strlen(s);

	return (n >= 1 && s[n - 1] == ':') || (n >= 3 &&
	    (strcmp(s + n - 3, "...") == 0 ||
	    strcmp(s + n - 3, "\xe2\x80\xa6") == 0));
}

/* True when item it opens as a line of code or of a config file, or as
 * the rest of a sentence: with a lower-case letter or a shell's or a
 * prompt's mark (not a link's ">> " nor a picture's "["). A link's label
 * the page shows twice is neither. */
static bool
text_lower_line(const struct text_item *it)
{
	unsigned char c = (unsigned char)it->s[0];
	size_t adv;

	if (it->kind != TEXT_RELATED || it->twice || it->repeated ||
	    it->bullet || strncmp(it->s, ">> ", 3) == 0)
		return false;
	return strchr("#$>./", c) != NULL || text_cp_lower(text_cp_at(it->s,
	    strlen(it->s), &adv));
}

/* The lines of code and the ends of a sentence between paragraphs of
 * the body are the article's: a line that opens in lower case
 * (text_lower_line()) and holds a mark of code ("=", "$", "()", ...),
 * and the run of such lines under a line of the body that announces
 * them (text_announces_run(); not a credit's label, "Photo:"). */
static void
text_code_lines(struct text_doc *d)
{
	for (size_t i = d->body_start + 1; i < d->body_end; i++) {
		struct text_item *it = &d->items[i];
		size_t j = i;

		if (!text_lower_line(it))
			continue;
		if (strpbrk(it->s, "=$`{}();<>|\\") != NULL) {
			it->kind = TEXT_BODY;
			continue;
		}
		if (d->items[i - 1].kind != TEXT_BODY ||
		    !text_announces_run(d->items[i - 1].s))
			continue;
		while (j < d->body_end && text_lower_line(&d->items[j]))
			d->items[j++].kind = TEXT_BODY;
		i = j - 1;
	}
}

/* True when it is one run of underscores: lynx's rule, or one line of
 * its text area. */
static bool
text_underscores(const struct text_item *it)
{
	return it->s[0] == '_' && strspn(it->s, "_") == strlen(it->s);
}

/* True when a form's field stands under item i, which is then the
 * field's prompt ("Gib hier deinen Kommentar ein ..."): a check box or
 * a field in its block (not a rule, which lynx draws as a run of
 * underscores), or lynx's text area, two runs of underscores or more. */
static bool
text_field_under(const struct text_doc *d, size_t i)
{
	const struct text_item *f = &d->items[i + 1];

	if (text_underscores(f))
		return i + 2 < d->n && text_underscores(&d->items[i + 2]);
	return f->form && f->block == d->items[i].block;
}

/* True when s is a row of links set apart by bars ("Rentenpolitik |
 * Blog | Mailaktion Bundestag | Alles klar?"): two bars or more, and
 * at most three words a link on average (its bar counted). Not body-like
 * though its last link ends as a sentence does. */
static bool
text_bar_menu(const char *s, int words)
{
	int bars = 0;

	for (const char *p = strstr(s, " | "); p != NULL;
	    p = strstr(p + 3, " | "))
		bars++;
	return bars >= 2 && words <= 3 * (bars + 1);
}

/* True when the dated line s names a person ("Posted 11. April 2018 by
 * Jane Doe"). */
static bool
text_dated_byline(const char *s)
{
	size_t len;
	int words;

	text_dated_name(s, &len, &words);
	return len > 0;
}

/* True when s opens with an asterisk glued to a letter: a footnote to
 * a starred word ("*Werbung. Dieser Beitrag enth\xc3\xa4lt Werbung ...",
 * "*Bonus value is an estimated value ..."), a disclosure, not the
 * article's text (a list's "* " marker is a bullet, dropped before). */
static bool
text_footnote(const char *s)
{
	size_t adv;

	return s[0] == '*' && text_cp_letter(text_cp_at(s + 1,
	    strnlen(s + 1, 4), &adv));
}

void
text_classify(struct text_doc *d)
{
	size_t top, bylines = 0;

	for (size_t i = 0; i < d->n; i++) {
		struct text_item *it = &d->items[i];

		it->chrome = text_is_chrome(it->s, it->words);
		it->sentence = text_ends_sentence(it->s);
		it->datelike = text_datelike(it->s, it->words);
		it->form = text_has_field(it->s);
		it->section_end = !it->sentence &&
		    text_is_section_end(it->s, it->words);
	}
	/* A thread's heading stands alone; "Comments" among share buttons
	 * is a link. */
	for (size_t i = 0; i < d->n; i++) {
		struct text_item *it = &d->items[i];

		if ((i > 0 && d->items[i - 1].block == it->block) ||
		    (i + 1 < d->n && d->items[i + 1].block == it->block))
			it->section_end = false;
	}
	for (size_t i = 0; i < d->n; i++)
		if (text_count_of_title(d, i))
			d->items[i].section_end = true;
	text_repeats(d);
	text_captions(d);
	text_near_copies(d);
	text_appeal_runs(d);
	for (size_t i = 0; i < d->n; i++) {
		struct text_item *it = &d->items[i];

		it->bodylike = !it->chrome && !it->repeated &&
		    !it->form && it->kind == TEXT_OTHER &&
		    !text_bar_menu(it->s, it->words) &&
		    !(it->datelike && text_strong_byline(it)) &&
		    ((it->sentence && it->words >= 6) || (it->words >= 30 &&
		    text_has_clause_mark(it->s)));
	}
	for (size_t i = 0; i + 1 < d->n; i++)
		if (text_field_under(d, i))
			d->items[i].bodylike = false;
	text_repeated_only(d);
	/* a paragraph under a heading and over a link to read on that ends
	 * its block is a teaser of another page */
	for (size_t i = 1; i + 1 < d->n; i++)
		if (!d->items[i - 1].bodylike && (i + 2 == d->n ||
		    d->items[i + 2].block != d->items[i + 1].block) &&
		    text_is_read_more(d->items[i + 1].s,
		    d->items[i + 1].words))
			d->items[i].bodylike = false;
	text_article_lists(d);
	text_crowding(d);
	text_body_region(d);
	text_dated_block(d);
	if (d->body_end > 0) {
		text_quantities(d);
		text_sheets(d);
	}
	for (size_t i = d->body_start; i < d->body_end; i++) {
		struct text_item *it = &d->items[i];

		if (it->kind != TEXT_OTHER)
			continue;
		if (text_footnote(it->s))
			it->kind = TEXT_CHROME;
		else if (it->bodylike || (!it->chrome && it->sentence &&
		    it->words >= 2 && (!it->repeated ||
		    text_repeat_by_body(d, i))))
			it->kind = TEXT_BODY;
		else if (it->chrome)
			it->kind = TEXT_CHROME;
		else
			it->kind = TEXT_RELATED;
	}
	if (d->body_end == 0)
		return;
	text_subheadings(d);
	text_code_lines(d);
	text_lists(d);
	text_rows_between(d);
	text_header(d);
	text_deck_over_anchor(d);
	top = d->title < d->n ? d->title + 1 : 0;
	for (size_t i = 0; i < d->body_start; i++) {
		struct text_item *it = &d->items[i];
		bool near = i >= top && (i - top < TEXT_BYLINE_NEAR ||
		    d->body_start - i <= TEXT_BYLINE_NEAR);

		if (it->kind != TEXT_OTHER)
			continue;
		/* chrome phrasing ("24 Comments") in a byline */
		if (it->chrome && !(near && bylines < TEXT_BYLINES_MAX &&
		    text_strong_byline(it)))
			it->kind = TEXT_CHROME;
		else if (near && bylines < TEXT_BYLINES_MAX &&
		    (text_byline_prefix(it->s) > 0 || (!it->bullet &&
		    it->words <= 5 && text_is_byline(it->s, it->words)) ||
		    text_bar_byline(it) ||
		    (it->datelike && text_dated_byline(it->s)))) {
			it->kind = TEXT_BYLINE;
			bylines++;
		} else if (it->datelike) {
			it->kind = TEXT_DATE;
		}
	}
	text_far_bylines(d);
	text_trim_author_box(d);
	text_trim_announce(d);
	text_trim_address(d);
	text_trim_widget(d);
	for (size_t i = d->body_end; i < d->n; i++) {
		struct text_item *it = &d->items[i];

		if (it->kind == TEXT_OTHER && it->chrome)
			it->kind = TEXT_FOOTER;
		else if (it->kind == TEXT_OTHER && it->datelike)
			it->kind = TEXT_DATE;
	}
}
