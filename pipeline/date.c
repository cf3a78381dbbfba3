/* Date parsing for feeds, page metadata and running text.
 *
 * The parser works on tokens: numbers, words (lowercased, Greek accents
 * stripped so that tables hold one form) and punctuation, each knowing
 * whether whitespace preceded it. A date is recognised from the shapes of
 * those tokens rather than from a fixed list of formats, so that "Thu, 01
 * Jan 2004 19:48:21 GMT", "Sun Jul 15 01:16:00 +0000 2012", "14 de marzo
 * de 2021" and "2004-július-13T9:15-05:00" all go through the same code.
 *
 * Judgement calls, stated once:
 * - A date without a year is rejected; a year is never guessed. A bare
 *   time ("5:57 pm") is therefore not a date.
 * - Numeric dates with a separator are day-first ("14/03/2021",
 *   "03/04/2021" = 3 April) unless the first field cannot be a month
 *   but the second cannot be a day either way round: "03/14/2021" is read
 *   as 14 March because 14 cannot be a month. Dotted dates are always
 *   day-first. A four-digit first field means year-first (ISO order).
 * - Two-digit years: 00-49 are 2000-2049, 50-99 are 1950-1999 (RFC 2822).
 * - A date without a zone is taken as UTC and has_offset stays false;
 *   Korean dates without a zone (the form Korean feeds use) are KST, and
 *   Japanese 午前/午後 times JST, as those forms are used in one country.
 * - CST is US Central (-06:00, RFC 822), IST is India (+05:30).
 * - Military single-letter zones (Z, A-I, K-Y) are read only right after
 *   a time of day, with the common convention A = +01:00 ... Y = -12:00.
 * - Fractional seconds are dropped; a leap second 60 becomes 59.
 * - An offset outside -12:00..+14:00 is read but ignored: the wall time
 *   is taken as UTC, as other feed readers do, and has_offset is false.
 * - A tz database zone name ("Europe/Paris") is read from a small table
 *   with today's daylight-saving rules (date_tz.c says why and its
 *   limits); a stated numeric offset wins over it.
 *
 * Everything here is pure: no globals, no libc time functions, no TZ.
 * The word tables and the tokenizer are in date_words.c, date_find() in
 * date_find.c. */
#include "date.h"
#include "date_tok.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the token-level parser ------------------------------------------ */

struct date_state {
	int64_t y;
	int m, d;
	int ynd;            /* digits the year was written with */
	int hh, mi, ss;
	bool has_time;
	int ampm;           /* 0 none, 1 am, 2 pm */
	bool has_off;
	bool bad_off;       /* an offset outside -12:00..+14:00: ignored */
	int off;
	int implied_off;    /* from the script (Korean, Japanese), or 0 */
	bool has_implied;
	bool structured;    /* the numeric date came in one piece */
	bool word_month;
	bool m_weekday;     /* the month word may be a weekday ("mar") */
	long bare[4];
	int bare_nd[4];
	size_t nbare;
};

static int
date_year2(long v, int nd)
{
	if (nd <= 2)
		return (int)(v < 50 ? 2000 + v : 1900 + v);
	return (int)v;
}

bool
date_glued(const struct date_tok *t, size_t i, size_t n)
{
	return i < n && !t[i].space;
}

/* Reads a numeric offset at t[i] ('+' or '-'), all glued: +hhmm, +hh,
 * +hh:mm, +h. Returns the tokens consumed, 0 when it is not an offset,
 * -1 when it is a broken one. */
static int
date_offset(const struct date_tok *t, size_t i, size_t n, int *off)
{
	int sign = date_is_punct(&t[i], '-') ? -1 : 1;
	long hh, mm = 0;
	int used = 2;

	if (!date_glued(t, i + 1, n))
		return 0;
	if (t[i + 1].kind != DT_NUM)
		return -1;
	if (t[i + 1].nd == 4 || t[i + 1].nd == 3) {
		hh = t[i + 1].val / 100;
		mm = t[i + 1].val % 100;
	} else if (t[i + 1].nd <= 2) {
		hh = t[i + 1].val;
		if (date_glued(t, i + 2, n) && date_is_punct(&t[i + 2], ':')) {
			if (!date_glued(t, i + 3, n) ||
			    t[i + 3].kind != DT_NUM || t[i + 3].nd != 2)
				return -1;
			mm = t[i + 3].val;
			used = 4;
		}
	} else {
		return -1;
	}
	if (mm > 59)
		return -1;
	*off = sign * (int)(hh * 60 + mm);
	return used;
}

/* Takes a numeric offset. One west of -12:00 or east of +14:00 is no
 * real offset: it is read but does not shift the time, which is then
 * the wall time read as UTC (as other feed readers do). */
static void
date_set_offset(struct date_state *st, int off)
{
	st->has_off = true;
	if (off < -12 * 60 || off > 14 * 60) {
		st->bad_off = true;
		off = 0;
	}
	st->off = off;
}

/* Reads a time h:mm[:ss[.frac]] at t[i]. Returns tokens used or -1. */
static int
date_time(const struct date_tok *t, size_t i, size_t n,
    struct date_state *st)
{
	size_t j = i;
	long v[3];
	int k = 0;

	for (;;) {
		if (t[j].kind != DT_NUM || t[j].nd > 2 ||
		    (k > 0 && t[j].space))
			return -1;
		v[k++] = t[j].val;
		j++;
		if (!(date_glued(t, j, n) && date_is_punct(&t[j], ':')))
			break;
		if (k == 3)
			return -1;   /* 1:2:3:4 */
		j++;
		if (!date_glued(t, j, n))
			return -1;
	}
	if (k < 2)
		return -1;
	if (k == 3 && date_glued(t, j + 1, n) && t[j + 1].kind == DT_NUM &&
	    (date_is_punct(&t[j], '.') || date_is_punct(&t[j], ',')) &&
	    !t[j].space)
		j += 2;   /* fraction of a second */
	if (v[0] > 23 || v[1] > 59 || (k == 3 && v[2] > 60))
		return -1;
	if (st->has_time)
		return -1;
	st->has_time = true;
	st->hh = (int)v[0];
	st->mi = (int)v[1];
	st->ss = k == 3 ? (int)(v[2] == 60 ? 59 : v[2]) : 0;
	return (int)(j - i);
}

static int
date_set_ymd(struct date_state *st, int64_t y, int ynd, int m, int d)
{
	if (st->y >= 0 || st->m > 0 || st->d > 0)
		return -1;
	st->y = y;
	st->ynd = ynd;
	st->m = m;
	st->d = d;
	st->structured = true;
	return 0;
}

/* ISO week date: t[i] is the 4-digit year, then [-]W ww [[-]d]. Returns
 * tokens used, 0 when not a week date, -1 when broken. */
static int
date_week(const struct date_tok *t, size_t i, size_t n, struct date_state *st)
{
	size_t j = i + 1;
	long w, wd = 1;
	int64_t jan4, mon, days, y;
	int m, d;

	if (date_glued(t, j, n) && date_is_punct(&t[j], '-'))
		j++;
	if (!date_glued(t, j, n) || !date_is_word(&t[j], "w"))
		return 0;
	j++;
	if (!date_glued(t, j, n) || t[j].kind != DT_NUM)
		return -1;
	if (t[j].nd == 2) {
		w = t[j].val;
		j++;
		if (date_glued(t, j, n) && date_is_punct(&t[j], '-') &&
		    date_glued(t, j + 1, n) && t[j + 1].kind == DT_NUM &&
		    t[j + 1].nd == 1) {
			wd = t[j + 1].val;
			j += 2;
		}
	} else if (t[j].nd == 3) {
		w = t[j].val / 10;
		wd = t[j].val % 10;
		j++;
	} else {
		return -1;
	}
	if (w < 1 || w > 53 || wd < 1 || wd > 7)
		return -1;
	jan4 = date_days_from_civil(t[i].val, 1, 4);
	/* 1970-01-01 was a Thursday: weekday 1..7 for Monday..Sunday */
	mon = jan4 - ((((jan4 + 3) % 7) + 7) % 7);
	days = mon + (w - 1) * 7 + (wd - 1);
	date_civil_from_days(days, &y, &m, &d);
	if (date_set_ymd(st, y, 4, m, d) < 0)
		return -1;
	return (int)(j - i);
}

/* A numeric date in one piece: a SEP b [SEP c], SEP one of - / . and
 * every part glued; b may be a month name. Returns tokens used, 0 when
 * t[i] does not start one, -1 when it is broken. */
static int
date_structured(const struct date_tok *t, size_t i, size_t n,
    struct date_state *st, int mode)
{
	const struct date_tok *a = &t[i], *b, *c = NULL;
	char sep;
	int bm = 0, used;
	long p0, p1, p2, day, mon;
	int64_t y;

	if (!date_glued(t, i + 1, n) || t[i + 1].kind != DT_PUNCT)
		return 0;
	sep = t[i + 1].w[0];
	if (sep != '-' && sep != '/' && sep != '.')
		return 0;
	if (!date_glued(t, i + 2, n))
		return 0;
	b = &t[i + 2];
	if (b->kind == DT_WORD)
		bm = date_month_word(b);
	if (!(b->kind == DT_NUM || bm))
		return 0;
	used = 3;
	if (date_glued(t, i + 3, n) && date_is_punct(&t[i + 3], sep) &&
	    date_glued(t, i + 4, n) && t[i + 4].kind == DT_NUM) {
		c = &t[i + 4];
		used = 5;
		/* a fourth part: "2013-01-27-01" is no date */
		if (date_glued(t, i + 5, n) && date_is_punct(&t[i + 5], sep) &&
		    date_glued(t, i + 6, n) && t[i + 6].kind == DT_NUM)
			return -1;
	}
	if (a->nd > 4 || (b->kind == DT_NUM && b->nd > 3) ||
	    (c && c->nd > 4))
		return a->nd == 4 ? -1 : 0;
	p0 = a->val;
	p1 = bm ? bm : b->val;
	if (a->nd == 4) {
		/* year first: Y-M-D, Y-M (strict only) */
		if (!c) {
			if (mode == DATE_FIND)
				return 0;
			if (date_set_ymd(st, p0, 4, (int)p1, 1) < 0)
				return -1;
			st->d = 0;   /* month precision */
			return used;
		}
		if (c->nd > 2)
			return -1;
		return date_set_ymd(st, p0, 4, (int)p1, (int)c->val) < 0 ?
		    -1 : used;
	}
	if (!c)
		return 0;   /* no year: "14/03" */
	if (a->nd > 2 || (c->nd != 4 && c->nd != 2))
		return 0;
	/* in running text a two-digit year only as d.m.yy ("2.11.22") */
	if (mode == DATE_FIND && c->nd != 4 &&
	    !(sep == '.' && !bm && c->nd == 2 && b->nd <= 2))
		return 0;
	p2 = c->val;
	if (sep == '-' && !bm && a->nd == 2 && b->nd == 2 && c->nd == 2) {
		/* YY-MM-DD, the ISO 8601 reduced form */
		y = date_year2(p0, 2);
		return date_set_ymd(st, y, 2, (int)p1, (int)p2) < 0 ?
		    -1 : used;
	}
	day = p0;
	mon = p1;
	if (!bm && sep != '.' && p1 > 12 && p0 <= 12) {
		day = p1;
		mon = p0;
	}
	y = date_year2(p2, c->nd);
	return date_set_ymd(st, y, c->nd, (int)mon, (int)day) < 0 ?
	    -1 : used;
}

/* A day-first numeric date with a space after its dots, as German pages
 * print it: "18. 05. 2014", "18.05. 2014". Each dot is glued to its
 * number, day and month have one or two digits, the year four; a glued
 * ".digits" after the year makes it a version number, no date. Running
 * text only (date_parse reads it through its loose numbers). Returns
 * tokens used, 0 when t[i] does not start one, -1 when it is broken. */
static int
date_spaced_dmy(const struct date_tok *t, size_t i, size_t n,
    struct date_state *st)
{
	if (i + 4 >= n || t[i].nd > 2 || !date_glued(t, i + 1, n) ||
	    !date_is_punct(&t[i + 1], '.') || t[i + 2].kind != DT_NUM ||
	    t[i + 2].nd > 2 || !date_glued(t, i + 3, n) ||
	    !date_is_punct(&t[i + 3], '.') || t[i + 4].kind != DT_NUM ||
	    t[i + 4].nd != 4 || (!t[i + 2].space && !t[i + 4].space))
		return 0;
	if (date_glued(t, i + 5, n) && date_is_punct(&t[i + 5], '.') &&
	    date_glued(t, i + 6, n) && t[i + 6].kind == DT_NUM)
		return 0;
	return date_set_ymd(st, t[i + 4].val, 4, (int)t[i + 2].val,
	    (int)t[i].val) < 0 ? -1 : 5;
}

/* A number glued to a unit word: CJK year, month, day and time units
 * (2021年3月14日), ordinal suffixes (14th, 1er), the Indian 1632hrs and the
 * French 10h30. Returns tokens used, 0 when t[i + 1] is no such unit, -1
 * when the date is broken; sets *is_time after a time. */
static int
date_num_unit(const struct date_tok *t, size_t i, size_t n,
    struct date_state *st, bool *is_time)
{
	const struct date_tok *k = &t[i];
	const char *u = t[i + 1].w;
	size_t j;

	if (k->nd > 9)
		return -1;
	if (!strcmp(u, "년") || !strcmp(u, "월") ||
	    !strcmp(u, "일") || !strcmp(u, "시")) {
		/* Korean dates are KST */
		st->implied_off = 540;
		st->has_implied = true;
	}
	if (!strcmp(u, "年") || !strcmp(u, "년")) {
		if (st->y >= 0)
			return -1;
		st->y = date_year2(k->val, k->nd);
		st->ynd = k->nd;
		return 2;
	}
	if (!strcmp(u, "月") || !strcmp(u, "월")) {
		if (st->m > 0)
			return -1;
		st->m = (int)k->val;
		if (st->m < 1 || st->m > 12)
			return -1;
		return 2;
	}
	if (!strcmp(u, "日") || !strcmp(u, "일")) {
		if (st->d >= 0)
			return -1;
		st->d = (int)k->val;
		return 2;
	}
	if (!strcmp(u, "時") || !strcmp(u, "时") ||
	    !strcmp(u, "点") || !strcmp(u, "시")) {
		if (st->has_time || k->val > 23)
			return -1;
		st->has_time = true;
		st->hh = (int)k->val;
		j = i + 2;
		if (j + 1 < n && t[j].kind == DT_NUM &&
		    (date_is_word(&t[j + 1], "分") ||
		    date_is_word(&t[j + 1], "분"))) {
			if (t[j].val > 59)
				return -1;
			st->mi = (int)t[j].val;
			j += 2;
		}
		if (j + 1 < n && t[j].kind == DT_NUM &&
		    (date_is_word(&t[j + 1], "秒") ||
		    date_is_word(&t[j + 1], "초"))) {
			if (t[j].val > 60)
				return -1;
			st->ss = (int)t[j].val;
			j += 2;
		}
		return (int)(j - i);
	}
	/* ordinal suffixes: 14th, 1st, 1er, 2nd */
	if (!strcmp(u, "st") || !strcmp(u, "nd") ||
	    !strcmp(u, "rd") || !strcmp(u, "th") ||
	    !strcmp(u, "er") || !strcmp(u, "º") ||
	    !strcmp(u, "e")) {
		if (k->nd > 2 || st->nbare >= 4)
			return -1;
		st->bare[st->nbare] = k->val;
		st->bare_nd[st->nbare++] = k->nd;
		return 2;
	}
	/* Indian 1632hrs */
	if ((!strcmp(u, "hrs") || !strcmp(u, "hr")) &&
	    k->nd == 4 && !st->has_time) {
		if (k->val / 100 > 23 || k->val % 100 > 59)
			return -1;
		st->has_time = true;
		st->hh = (int)(k->val / 100);
		st->mi = (int)(k->val % 100);
		*is_time = true;
		return 2;
	}
	/* French 10h30 */
	if (!strcmp(u, "h") && k->nd <= 2 && date_glued(t, i + 2, n) &&
	    t[i + 2].kind == DT_NUM && t[i + 2].nd == 2) {
		if (st->has_time || k->val > 23 || t[i + 2].val > 59)
			return -1;
		st->has_time = true;
		st->hh = (int)k->val;
		st->mi = (int)t[i + 2].val;
		*is_time = true;
		return 3;
	}
	return 0;
}

/* A number token t[i]: a time, an ISO week date, a numeric date, an ISO
 * basic date or time, or a loose number kept for later. Returns tokens
 * used or -1; sets *is_time after a time. */
static int
date_num(const struct date_tok *t, size_t i, size_t n,
    struct date_state *st, int mode, bool *is_time)
{
	const struct date_tok *k = &t[i];
	int r;

	if (date_glued(t, i + 1, n) && t[i + 1].kind == DT_WORD &&
	    !t[i + 1].long_word) {
		r = date_num_unit(t, i, n, st, is_time);
		if (r != 0)
			return r;
	}
	if (date_glued(t, i + 1, n) && date_is_punct(&t[i + 1], ':')) {
		r = date_time(t, i, n, st);
		if (r > 0)
			*is_time = true;
		return r;
	}
	if (k->nd == 4) {
		r = date_week(t, i, n, st);
		if (r != 0)
			return r;
	}
	r = date_structured(t, i, n, st, mode);
	if (r == 0 && mode == DATE_FIND)
		r = date_spaced_dmy(t, i, n, st);
	if (r != 0)
		return r;
	/* ISO basic: 20170214, T055700 / T0557 */
	if (k->nd == 8 && !st->structured && st->y < 0) {
		if (date_set_ymd(st, k->val / 10000, 4,
		    (int)(k->val / 100 % 100), (int)(k->val % 100)) < 0)
			return -1;
		return 1;
	}
	if ((k->nd == 6 || k->nd == 4) && !k->space && i > 0 &&
	    date_is_word(&t[i - 1], "t") && !st->has_time) {
		long v6 = k->nd == 4 ? k->val * 100 : k->val;

		st->hh = (int)(v6 / 10000);
		st->mi = (int)(v6 / 100 % 100);
		st->ss = (int)(v6 % 100);
		if (st->hh > 23 || st->mi > 59 || st->ss > 60)
			return -1;
		if (st->ss == 60)
			st->ss = 59;
		st->has_time = true;
		*is_time = true;
		return 1;
	}
	if (k->nd > 4 || st->nbare >= 4)
		return -1;
	st->bare[st->nbare] = k->val;
	st->bare_nd[st->nbare++] = k->nd;
	return 1;
}

/* After an offset, a parenthesised zone name in words: "GMT-0500
 * (Eastern Standard Time)", JavaScript's Date.toString(). The offset
 * stands; the name is skipped. Returns tokens used or -1. */
static int
date_paren_zone(const struct date_tok *t, size_t i, size_t n)
{
	size_t j = i + 1;

	while (j < n && t[j].kind == DT_WORD)
		j++;
	if (j < n && date_is_punct(&t[j], ')'))
		j++;
	return (int)(j - i);
}

/* A punctuation token t[i]: an offset after a time, or a separator.
 * Returns tokens used or -1. */
static int
date_punct(const struct date_tok *t, size_t i, size_t n,
    struct date_state *st, int mode)
{
	const struct date_tok *k = &t[i];
	char c = k->w[0];
	int r, off;

	if ((c == '+' || c == '-') && st->has_time && !st->has_off &&
	    date_glued(t, i + 1, n) && t[i + 1].kind == DT_NUM) {
		r = date_offset(t, i, n, &off);
		if (r < 0)
			return -1;
		date_set_offset(st, off);
		return r;
	}
	/* the same offset again, after a zone name ("PST -0800") or
	 * twice (Go's "-0700 -0700"): it agrees, so it is read */
	if ((c == '+' || c == '-') && st->has_time && st->has_off &&
	    !st->bad_off && k->space && date_glued(t, i + 1, n) &&
	    t[i + 1].kind == DT_NUM) {
		r = date_offset(t, i, n, &off);
		return r > 0 && off == st->off ? r : -1;
	}
	if (c == '+')
		return -1;
	if (c == '(' && st->has_off && mode == DATE_STRICT && i + 1 < n &&
	    t[i + 1].kind == DT_WORD)
		return date_paren_zone(t, i, n);
	if (c == ',' || c == '.' || c == '(' || c == ')' ||
	    c == '-' || c == '/' || c == '|' || c == ';' ||
	    c == '[' || c == ']') {
		if (c == '-' || c == '/' || c == '|') {
			/* only as a loose separator */
			if (date_glued(t, i + 1, n) &&
			    t[i + 1].kind == DT_NUM && i > 0 && !k->space)
				return -1;
		}
		if (mode == DATE_FIND && (c == '|' || c == ';' || c == '[' ||
		    c == ']'))
			return -1;
		return 1;
	}
	return -1;
}

/* A meridiem word at t[i]: am pm a.m. p.m. 오전 오후 午前 午後 上午 下午.
 * Returns tokens used, 0 when it is none, -1 when broken. */
static int
date_meridiem(const struct date_tok *t, size_t i, size_t n,
    struct date_state *st, bool was_time)
{
	const struct date_tok *k = &t[i];

	if ((date_is_word(k, "a") || date_is_word(k, "p")) &&
	    i + 2 < n && date_is_punct(&t[i + 1], '.') &&
	    !t[i + 1].space && date_is_word(&t[i + 2], "m") &&
	    !t[i + 2].space && st->has_time) {
		st->ampm = k->w[0] == 'a' ? 1 : 2;
		if (i + 3 < n && date_is_punct(&t[i + 3], '.') &&
		    !t[i + 3].space)
			return 4;
		return 3;
	}
	if ((date_is_word(k, "am") || date_is_word(k, "pm")) &&
	    st->has_time && was_time) {
		st->ampm = k->w[0] == 'a' ? 1 : 2;
		return 1;
	}
	if (!strcmp(k->w, "오전") || !strcmp(k->w, "오후") ||
	    !strcmp(k->w, "午前") || !strcmp(k->w, "午後") ||
	    !strcmp(k->w, "上午") || !strcmp(k->w, "下午")) {
		if (st->ampm)
			return -1;
		st->ampm = (!strcmp(k->w, "오전") || !strcmp(k->w, "午前") ||
		    !strcmp(k->w, "上午")) ? 1 : 2;
		if (k->w[0] == (char)0xEC)
			st->implied_off = 540;
		else if (!strcmp(k->w, "午前") || !strcmp(k->w, "午後"))
			st->implied_off = 540;
		else
			st->implied_off = 480;
		st->has_implied = true;
		return 1;
	}
	return 0;
}

/* A zone at t[i]: GMT+2, UTC-05:00, CET+0100 (the number wins), EST, a
 * military letter after a time. Returns tokens used, 0 when it is none,
 * -1 when broken. */
static int
date_zone_at(const struct date_tok *t, size_t i, size_t n,
    struct date_state *st, int mode, bool was_time)
{
	const struct date_tok *k = &t[i];
	int r, v, off;

	if ((date_is_word(k, "gmt") || date_is_word(k, "utc") ||
	    date_is_word(k, "ut") || (date_zone(k->w, &v) &&
	    st->has_time)) && !st->has_off && date_glued(t, i + 1, n) &&
	    (date_is_punct(&t[i + 1], '+') ||
	    date_is_punct(&t[i + 1], '-')) &&
	    date_glued(t, i + 2, n) && t[i + 2].kind == DT_NUM) {
		r = date_offset(t, i + 1, n, &off);
		if (r <= 0)
			return -1;
		date_set_offset(st, off);
		return 1 + r;
	}
	/* ISO 8601 with an offset and a trailing Z ("-08:00Z"): the
	 * offset says more, the Z repeats that one was given */
	if (date_is_word(k, "z") && st->has_off && !k->space && i > 0 &&
	    t[i - 1].kind == DT_NUM)
		return 1;
	if (date_zone(k->w, &v) && (!date_zone_ambiguous(k->w) ||
	    was_time || (st->has_time && strlen(k->w) == 2 &&
	    mode == DATE_STRICT))) {
		if (!st->has_off) {
			st->has_off = true;
			st->off = v;
		}
		return 1;
	}
	if (strlen(k->w) == 1 && k->w[0] != 'j' && was_time &&
	    !st->has_off && !(date_glued(t, i + 1, n) &&
	    t[i + 1].kind == DT_NUM)) {
		int ch = k->w[0];

		/* military zones */
		st->has_off = true;
		if (ch <= 'i')
			st->off = (ch - 'a' + 1) * 60;
		else if (ch <= 'm')
			st->off = (ch - 'a') * 60;
		else
			st->off = -(ch - 'n' + 1) * 60;
		return 1;
	}
	return 0;
}

/* A word token t[i]: a month, a weekday, a meridiem, a zone or a word
 * dates carry ("de", "at"). Returns tokens used or -1. */
static int
date_word(const struct date_tok *t, size_t i, size_t n,
    struct date_state *st, int mode, bool was_time)
{
	const struct date_tok *k = &t[i];
	int r, v;

	if (k->long_word)
		return -1;
	v = date_month_word(k);
	if (v) {
		/* "mar" is also Tuesday in Spanish, Italian, French:
		 * a second month name wins over it */
		if (st->m > 0 && !(st->word_month && st->m_weekday))
			return -1;
		st->m = v;
		st->word_month = true;
		st->m_weekday = !strcmp(k->w, "mar");
		return 1;
	}
	if (date_weekday(k->w))
		return 1;
	r = date_meridiem(t, i, n, st, was_time);
	if (r != 0)
		return r;
	r = date_zone_at(t, i, n, st, mode, was_time);
	if (r != 0)
		return r;
	if (date_is_word(k, "t") && date_glued(t, i + 1, n) &&
	    t[i + 1].kind == DT_NUM)
		return 1;
	if (date_is_word(k, "etc") && date_glued(t, i + 1, n) &&
	    date_is_punct(&t[i + 1], '/'))
		return 2;
	if ((date_is_word(k, "am") || date_is_word(k, "at") ||
	    date_is_word(k, "a") || date_is_word(k, "um")) && !st->has_time)
		return 1;
	if (date_stopword(k->w))
		return 1;
	return -1;
}

/* RFC 822 written with a numeric month ("Tue, 14 02 2017 05:57:00 GMT"):
 * with a four-digit year placed, no month word and exactly two loose
 * numbers left, they are day and month, day first unless the second
 * cannot be a month. Strict mode only. Returns 0 or -1. */
static int
date_numeric_month(struct date_state *st, int mode)
{
	size_t k[2], nk = 0;
	long a, b;

	if (mode != DATE_STRICT || st->m > 0 || st->y < 0 || st->structured)
		return 0;
	for (size_t i = 0; i < st->nbare; i++)
		if (st->bare_nd[i] != 0) {
			if (nk == 2 || st->bare_nd[i] > 2)
				return 0;
			k[nk++] = i;
		}
	if (nk != 2)
		return 0;
	a = st->bare[k[0]];
	b = st->bare[k[1]];
	if (b > 12 && a <= 12) {
		long x = a;

		a = b;
		b = x;
	}
	if (b < 1 || b > 12 || a < 1 || a > 31)
		return -1;
	st->d = (int)a;
	st->m = (int)b;
	st->bare_nd[k[0]] = 0;
	st->bare_nd[k[1]] = 0;
	return 0;
}

/* Places the loose numbers: a four-digit year, then day, then a 2-digit
 * year, in the order written. Returns 0 or -1. */
static int
date_place_bare(struct date_state *st, int mode)
{
	for (size_t b = 0; b < st->nbare; b++) {
		if (st->structured)
			return -1;
		if (st->bare_nd[b] >= 3) {
			if (st->y >= 0 || st->bare_nd[b] != 4)
				return -1;
			st->y = st->bare[b];
			st->ynd = 4;
			st->bare_nd[b] = 0;
		}
	}
	if (date_numeric_month(st, mode) < 0)
		return -1;
	for (size_t b = 0; b < st->nbare; b++) {
		if (st->bare_nd[b] == 0)
			continue;
		if (st->d < 0 && st->bare[b] >= 1 && st->bare[b] <= 31 &&
		    st->m > 0) {
			st->d = (int)st->bare[b];
		} else if (st->y < 0 && st->bare_nd[b] == 2 && st->m > 0 &&
		    mode == DATE_STRICT) {
			st->y = date_year2(st->bare[b], 2);
			st->ynd = 2;
		} else {
			return -1;
		}
	}
	return 0;
}

/* Checks the date the tokens gave and turns it into *out. Returns 0 or
 * -1. */
static int
date_finish(struct date_state *st, int mode, struct nw_time *out)
{
	int64_t days, utc;

	if (date_place_bare(st, mode) < 0)
		return -1;
	if (st->y < 0 || st->m <= 0)
		return -1;
	/* a month word and a four-digit year alone ("Dec. 2003"): the
	 * first of the month, as "2003-12" */
	if (st->d < 0 && st->word_month && st->ynd == 4 && !st->has_time &&
	    mode == DATE_STRICT)
		st->d = 1;
	if (st->d < 0)
		return -1;
	if (st->d == 0) {
		/* month precision, only from "2003-12" */
		if (!st->structured || mode == DATE_FIND)
			return -1;
		st->d = 1;
	}
	if (st->y < 1 || st->y > 9999 || st->m > 12 || st->d < 1 ||
	    st->d > date_days_in_month(st->y, st->m))
		return -1;
	if (st->ampm) {
		if (!st->has_time || st->hh > 12 || st->hh == 0)
			return -1;
		if (st->ampm == 2 && st->hh < 12)
			st->hh += 12;
		else if (st->ampm == 1 && st->hh == 12)
			st->hh = 0;
	}
	if (!st->has_off && st->has_implied) {
		st->has_off = true;
		st->off = st->implied_off;
	}
	days = date_days_from_civil(st->y, st->m, st->d);
	utc = days * 86400 + st->hh * 3600 + st->mi * 60 + st->ss -
	    (int64_t)st->off * 60;
	if (utc < date_days_from_civil(1, 1, 1) * 86400 ||
	    utc > date_days_from_civil(9999, 12, 31) * 86400 + 86399)
		return -1;
	memset(out, 0, sizeof(*out));
	out->utc = utc;
	out->offset = st->has_off ? st->off : 0;
	out->set = true;
	out->has_offset = st->has_off && !st->bad_off;
	out->has_time = st->has_time;
	return 0;
}

int
date_parse_toks(const struct date_tok *t, size_t n, int mode,
    struct nw_time *out)
{
	struct date_state st;
	size_t i = 0;
	bool last_time = false;

	memset(&st, 0, sizeof(st));
	st.y = -1;
	st.m = 0;
	st.d = -1;
	while (i < n) {
		bool was_time = last_time;
		int r;

		last_time = false;
		if (t[i].kind == DT_NUM)
			r = date_num(t, i, n, &st, mode, &last_time);
		else if (t[i].kind == DT_PUNCT)
			r = date_punct(t, i, n, &st, mode);
		else
			r = date_word(t, i, n, &st, mode, was_time);
		if (r <= 0)
			return -1;
		i += (size_t)r;
	}
	return date_finish(&st, mode, out);
}

/* ---- compact ISO 8601: digits and hyphens only ------------------------ */

static int
date_from_ordinal(int64_t y, long doy, int *m, int *d)
{
	int64_t yy;

	if (doy < 1 || doy > (date_leap(y) ? 366 : 365))
		return -1;
	date_civil_from_days(date_days_from_civil(y, 1, 1) + doy - 1,
	    &yy, m, d);
	return 0;
}

/* "2003", "2003-12", "2003-12-31", "20031231", "031231", "-0312",
 * "-03-12", "2003-335", "2003335", "03-335". Returns 1 when s has this
 * shape (and *out is then filled, or the shape is invalid and -1 is
 * stored in *res), 0 when s is something else. */
static int
date_compact(const char *s, struct nw_time *out, int *res)
{
	long part[4];
	int nd[4], np = 0, m = 0, d = 0;
	bool lead = false;
	int64_t y;
	const char *p = s;

	if (*p == '-') {
		lead = true;
		p++;
	}
	for (;;) {
		if (np == 4)
			return 0;
		if (*p < '0' || *p > '9')
			return 0;
		part[np] = 0;
		nd[np] = 0;
		while (*p >= '0' && *p <= '9') {
			if (nd[np] < 9)
				part[np] = part[np] * 10 + (*p - '0');
			nd[np]++;
			p++;
		}
		np++;
		if (*p == '\0')
			break;
		if (*p != '-')
			return 0;
		p++;
	}
	*res = -1;
	if (lead) {
		/* -YYMM, -YY-MM: the century is implied */
		if (np == 1 && nd[0] == 4) {
			y = date_year2(part[0] / 100, 2);
			m = (int)(part[0] % 100);
		} else if (np == 2 && nd[0] == 2 && nd[1] == 2) {
			y = date_year2(part[0], 2);
			m = (int)part[1];
		} else {
			return 1;
		}
		d = 1;
	} else if (np == 1) {
		switch (nd[0]) {
		case 4:
			y = part[0];
			m = 1;
			d = 1;
			break;
		case 6:
			y = date_year2(part[0] / 10000, 2);
			m = (int)(part[0] / 100 % 100);
			d = (int)(part[0] % 100);
			break;
		case 7:
			y = part[0] / 1000;
			if (date_from_ordinal(y, part[0] % 1000, &m, &d) < 0)
				return 1;
			break;
		case 8:
			y = part[0] / 10000;
			m = (int)(part[0] / 100 % 100);
			d = (int)(part[0] % 100);
			break;
		default:
			return 1;   /* "013", "22013": not a date we trust */
		}
	} else if (np == 2) {
		if (nd[0] != 4 && nd[0] != 2)
			return 1;
		y = date_year2(part[0], nd[0]);
		if (nd[1] == 3) {
			if (date_from_ordinal(y, part[1], &m, &d) < 0)
				return 1;
		} else if (nd[1] == 2 && nd[0] == 4) {
			m = (int)part[1];
			d = 1;
		} else {
			return 1;
		}
	} else if (np == 3) {
		if ((nd[0] != 4 && nd[0] != 2) || nd[1] > 3 || nd[2] > 2)
			return 1;
		y = date_year2(part[0], nd[0]);
		m = (int)part[1];
		d = (int)part[2];
	} else {
		return 1;
	}
	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 ||
	    d > date_days_in_month(y, m))
		return 1;
	memset(out, 0, sizeof(*out));
	out->utc = date_days_from_civil(y, m, d) * 86400;
	out->set = true;
	*res = 0;
	return 1;
}

/* ---- the API ----------------------------------------------------------- */

#define DATE_PARSE_TOKENS 64

/* Unix epoch seconds: nine or ten digits and nothing else (a date from
 * 1973 to 2286). Returns 1 when s has that shape and fills *out. */
static int
date_epoch(const char *s, struct nw_time *out)
{
	size_t n = strspn(s, "0123456789");
	int64_t v = 0;

	if (s[n] != '\0' || n < 9 || n > 10)
		return 0;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	memset(out, 0, sizeof(*out));
	out->utc = v;
	out->set = true;
	out->has_offset = true;
	out->has_time = true;
	return 1;
}

int
date_parse(const char *s, struct nw_time *out)
{
	struct date_tok t[DATE_PARSE_TOKENS];
	struct nw_time tmp;
	size_t n = 0, pos = 0, len, a, b, zat, zlen;
	const struct date_tz *zone;
	char buf[257];
	int res, off;

	if (out)
		memset(out, 0, sizeof(*out));
	if (s == NULL)
		return -1;
	len = strlen(s);
	a = 0;
	b = len;
	while (a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\n' ||
	    s[a] == '\r'))
		a++;
	while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' ||
	    s[b - 1] == '\n' || s[b - 1] == '\r'))
		b--;
	if (a == b || b - a > 256)
		return -1;
	memcpy(buf, s + a, b - a);
	buf[b - a] = '\0';
	if (date_epoch(buf, &tmp)) {
		if (out)
			*out = tmp;
		return 0;
	}
	if (date_compact(buf, &tmp, &res)) {
		if (res == 0 && out)
			*out = tmp;
		return res;
	}
	/* a tz database name where the offset should be */
	zone = date_tz_find(buf, &zat, &zlen);
	if (zone != NULL)
		memset(buf + zat, ' ', zlen);
	while (date_next_tok(buf, b - a, &pos, &t[n])) {
		if (++n == DATE_PARSE_TOKENS)
			return -1;
	}
	if (date_parse_toks(t, n, DATE_STRICT, &tmp) < 0)
		return -1;
	if (zone != NULL && !tmp.has_offset && date_tz_known(zone)) {
		off = date_tz_offset(zone, tmp.utc);
		tmp.utc -= (int64_t)off * 60;
		tmp.offset = off;
		tmp.has_offset = true;
	}
	if (out)
		*out = tmp;
	return 0;
}
