/* Finding a date inside running text (date_find(), date.h): a window of
 * tokens from each place a date may start, read by the token-level
 * parser of date.c in its DATE_FIND mode, longest first. Pure. */
#include "date.h"
#include "date_tok.h"

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#define DATE_FIND_TOKENS 28

/* Tokens that may start a date in running text: a day, an hour, a year,
 * a compact date, a month or a weekday. */
static bool
date_can_start(const struct date_tok *t)
{
	if (t->kind == DT_NUM)
		return (t->nd <= 2 && t->val <= 31) || t->nd == 4 ||
		    t->nd == 8;
	if (t->kind != DT_WORD || t->long_word)
		return false;
	return date_month_word(t) || (strlen(t->w) > 2 &&
	    date_weekday(t->w));
}

/* Tokens that may end a date in running text. */
static bool
date_can_end(const struct date_tok *t)
{
	if (t->kind == DT_NUM)
		return true;
	if (t->kind == DT_PUNCT)
		return false;
	return strcmp(t->w, "de") && strcmp(t->w, "of") &&
	    strcmp(t->w, "the") && strcmp(t->w, "at") &&
	    strcmp(t->w, "on") && strcmp(t->w, "t") && strcmp(t->w, "um") &&
	    strcmp(t->w, "am") && strcmp(t->w, "a") && strcmp(t->w, "à") &&
	    strcmp(t->w, "el") && strcmp(t->w, "le");
}

/* True when t[0..n) opens with a glued d.m.yy ("2.11.22"): day and
 * month of one or two digits, a two-digit year, not followed by another
 * glued ".digits" (a version number "1.2.10.4"). */
static bool
date_short_dmy(const struct date_tok *t, size_t n)
{
	if (n < 5 || t[0].kind != DT_NUM || t[0].nd > 2 ||
	    !date_glued(t, 1, n) || !date_is_punct(&t[1], '.') ||
	    !date_glued(t, 2, n) || t[2].kind != DT_NUM || t[2].nd > 2 ||
	    !date_glued(t, 3, n) || !date_is_punct(&t[3], '.') ||
	    !date_glued(t, 4, n) || t[4].kind != DT_NUM || t[4].nd != 2)
		return false;
	return !(n > 6 && date_glued(t, 5, n) && date_is_punct(&t[5], '.') &&
	    date_glued(t, 6, n) && t[6].kind == DT_NUM);
}

/* True when the dotted date t[0..j) runs on into a version string: the
 * year is followed by a glued ".digits" that is no time ("v 1. 2.
 * 2014.3", "1.2.2014.3"), a fourth dotted number no date has. */
static bool
date_version_tail(const struct date_tok *t, size_t j, size_t n)
{
	if (j < 2 || j + 1 >= n || t[j - 1].kind != DT_NUM ||
	    !date_is_punct(&t[j - 2], '.') || !date_glued(t, j, n) ||
	    !date_is_punct(&t[j], '.') || !date_glued(t, j + 1, n) ||
	    t[j + 1].kind != DT_NUM)
		return false;
	return !(date_glued(t, j + 2, n) && date_is_punct(&t[j + 2], ':'));
}

int
date_find(const char *s, size_t len, struct nw_time *out,
    size_t *at, size_t *span)
{
	struct date_tok win[DATE_FIND_TOKENS], first;
	struct nw_time tmp;
	size_t pos = 0, p2, n, j;
	bool year;

	if (out)
		memset(out, 0, sizeof(*out));
	if (s == NULL)
		return -1;
	while (date_next_tok(s, len, &pos, &first)) {
		bool boundary;

		if (!date_can_start(&first))
			continue;
		/* a date starts at a word boundary: not inside "A380" */
		boundary = first.start == 0 || first.space ||
		    s[first.start - 1] == '(' || s[first.start - 1] == ',' ||
		    s[first.start - 1] == '"' || s[first.start - 1] == '>' ||
		    s[first.start - 1] == '|' || s[first.start - 1] == '[' ||
		    /* a label glued to its date: "Datum:26. Januar 2022" */
		    (s[first.start - 1] == ':' && first.start >= 2 &&
		    ((s[first.start - 2] | 32) >= 'a' &&
		    (s[first.start - 2] | 32) <= 'z')) ||
		    date_glued_day(s, len, &first);
		if (!boundary)
			continue;
		win[0] = first;
		win[0].space = true;
		n = 1;
		p2 = first.end;
		year = first.kind == DT_NUM &&
		    (first.nd == 4 || first.nd == 8);
		/* the window ends at the first token no date can hold */
		while (n < DATE_FIND_TOKENS &&
		    date_next_tok(s, len, &p2, &win[n])) {
			const struct date_tok *k = &win[n];

			if (k->kind == DT_WORD && !date_word_known(k))
				break;
			if (k->kind == DT_PUNCT &&
			    !strchr(",.()-/:+", k->w[0]))
				break;
			/* a number glued to the year before it starts
			 * another date (date_next_tok splits them) */
			if (k->kind == DT_NUM && !k->space &&
			    win[n - 1].kind == DT_NUM)
				break;
			if (k->kind == DT_NUM && (k->nd == 4 || k->nd == 8))
				year = true;
			n++;
		}
		if (!year && !date_short_dmy(win, n))
			continue;   /* no year: no full date */
		for (j = n; j > 0; j--) {
			const struct date_tok *e = &win[j - 1];

			if (!date_can_end(e))
				continue;
			/* the date ends at a boundary too: not "2017abc" */
			if (j < n && !win[j].space && win[j].kind != DT_PUNCT)
				continue;
			if (date_parse_toks(win, j, DATE_FIND, &tmp) != 0)
				continue;
			if (date_version_tail(win, j, n)) {
				pos = win[j + 1].end;   /* past the version */
				break;
			}
			if (out)
				*out = tmp;
			if (at)
				*at = first.start;
			if (span)
				*span = e->end - first.start;
			return 0;
		}
	}
	return -1;
}
