/* Columns that a renderer set side by side: w3m draws a page's layout
 * table as it stands, so a sidebar's lines and the article's share each
 * line of the dump ("Hinweise Kontakt         Der Vorsitzende des ...").
 * text_uncolumn() sets such columns one under the other. Pure. */
#include "text_blocks.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Columns are looked for from this code point of a line on. */
#define TEXT_COL_MIN 12
#define TEXT_COL_MAX 80
/* A run of side-by-side lines: this many lines with text in both
 * columns, this many with text right of the edge, and the right
 * column's lines this wide on average (code points): running text. */
#define TEXT_COL_BOTH 4
#define TEXT_COL_RIGHT 6
#define TEXT_COL_WIDTH 30
/* Not a table of figures: fewer digits than one code point in this many
 * right of the edge. */
#define TEXT_COL_DIGITS 8
/* Columns set apart in one dump, at most. */
#define TEXT_COL_PASSES 3

struct text_row {
	const char *p;
	size_t len;
	size_t cps;        /* code points */
	size_t first;      /* code point of the first non-space */
	bool blank;
	/* bit c - TEXT_COL_MIN: a column starts at code point c */
	uint64_t cols[2];
};

/* The byte offset of code point c of row r, where a column starts there
 * (text at c, two spaces before it); -1 otherwise. */
static long
text_col_at(const struct text_row *r, size_t c)
{
	size_t cp = 0, i = 0, k = c - TEXT_COL_MIN;

	if (c < TEXT_COL_MIN || c > TEXT_COL_MAX ||
	    !(r->cols[k / 64] >> (k % 64) & 1))
		return -1;
	while (i < r->len && cp < c) {
		i++;
		while (i < r->len && ((unsigned char)r->p[i] & 0xc0) == 0x80)
			i++;
		cp++;
	}
	return (long)i;
}

/* Fills row r's measures and the code points where a column may start:
 * text after two spaces or more. */
static void
text_row_measure(struct text_row *r)
{
	size_t cp = 0, spaces = 0;

	r->first = 0;
	r->blank = true;
	r->cols[0] = r->cols[1] = 0;
	for (size_t i = 0; i < r->len; i++) {
		char ch = r->p[i];

		if (((unsigned char)ch & 0xc0) == 0x80)
			continue;
		if (ch != ' ') {
			size_t k = cp - TEXT_COL_MIN;

			if (spaces >= 2 && cp >= TEXT_COL_MIN &&
			    cp <= TEXT_COL_MAX)
				r->cols[k / 64] |= (uint64_t)1 << (k % 64);
			if (r->blank)
				r->first = cp;
			r->blank = false;
		}
		spaces = ch == ' ' ? spaces + 1 : 0;
		cp++;
	}
	r->cps = cp;
}

/* The code points of row r right of column c that are no spaces; its
 * digits there are added to *digits. */
static size_t
text_col_rest(const struct text_row *r, size_t c, size_t *digits)
{
	long at = text_col_at(r, c);
	size_t n = 0;

	for (size_t i = at >= 0 ? (size_t)at : r->len; i < r->len; i++) {
		char ch = r->p[i];

		n += ch != ' ' && ((unsigned char)ch & 0xc0) != 0x80;
		*digits += ch >= '0' && ch <= '9';
	}
	return n;
}

/* The run of rows from a that column c splits: every row blank, split
 * at c, or short of it (text that ends two code points before c).
 * Returns the rows with text on both sides, 0 where digits say a table
 * of figures; *b gets the run's end (past its last row with text right
 * of c), *right and *width the rows right of c and their code points
 * that are no spaces (a table's cells are short, spaces between). */
static size_t
text_col_run(const struct text_row *v, size_t n, size_t a, size_t c,
    size_t *b, size_t *right, size_t *width)
{
	size_t both = 0, digits = 0;

	*b = a;
	*right = *width = 0;
	for (size_t i = a; i < n; i++) {
		const struct text_row *r = &v[i];
		size_t k = c - TEXT_COL_MIN;

		if (r->cols[k / 64] >> (k % 64) & 1) {
			both += r->first < c;
			(*right)++;
			*width += text_col_rest(r, c, &digits);
			*b = i + 1;
		} else if (!r->blank && r->cps + 2 > c) {
			break;
		}
	}
	return digits * TEXT_COL_DIGITS > *width ? 0 : both;
}

/* Writes rows a..b with the column at c set apart: the left parts, a
 * blank line, the right parts (a row without one is a blank line). */
static void
text_col_write(struct buf *o, const struct text_row *v, size_t a, size_t b,
    size_t c)
{
	for (size_t i = a; i < b; i++) {
		long at = text_col_at(&v[i], c);
		size_t len = at >= 0 ? (size_t)at : v[i].len;

		while (len > 0 && v[i].p[len - 1] == ' ')
			len--;
		buf_append(o, v[i].p, len);
		buf_putc(o, '\n');
	}
	buf_putc(o, '\n');
	for (size_t i = a; i < b; i++) {
		long at = text_col_at(&v[i], c);

		if (at >= 0)
			buf_append(o, v[i].p + at, v[i].len - (size_t)at);
		buf_putc(o, '\n');
	}
	buf_putc(o, '\n');
}

/* One pass: the run of greatest weight over all columns, set apart.
 * NULL when there is none. */
static char *
text_uncolumn_once(const char *s, size_t len, size_t *outlen)
{
	struct text_row *v = NULL;
	size_t n = 0, cap = 0, best = 0, ba = 0, bb = 0, bc = 0;
	struct buf o = { 0 };

	for (size_t i = 0; i < len;) {
		const char *nl = memchr(s + i, '\n', len - i);
		size_t end = nl != NULL ? (size_t)(nl - s) : len;

		if (n == cap) {
			cap = cap ? cap * 2 : 256;
			v = xrealloc(v, cap * sizeof(*v));
		}
		v[n].p = s + i;
		v[n].len = end - i;
		text_row_measure(&v[n++]);
		i = end + 1;
	}
	for (size_t c = TEXT_COL_MIN; c <= TEXT_COL_MAX; c++) {
		for (size_t a = 0; a < n; a++) {
			size_t b, right, width;
			size_t both;

			size_t k = c - TEXT_COL_MIN;

			if (!(v[a].cols[k / 64] >> (k % 64) & 1))
				continue;
			both = text_col_run(v, n, a, c, &b, &right, &width);
			if (both >= TEXT_COL_BOTH && right >= TEXT_COL_RIGHT &&
			    width >= right * TEXT_COL_WIDTH && both > best) {
				best = both;
				ba = a;
				bb = b;
				bc = c;
			}
			a = b > a ? b - 1 : a;
		}
	}
	if (best == 0) {
		free(v);
		return NULL;
	}
	buf_append(&o, s, (size_t)(v[ba].p - s));
	text_col_write(&o, v, ba, bb, bc);
	if (bb < n)
		buf_append(&o, v[bb].p, len - (size_t)(v[bb].p - s));
	free(v);
	*outlen = o.len;
	return buf_take(&o);
}

char *
text_uncolumn(const char *s, size_t len, size_t *outlen)
{
	char *cur = NULL;

	for (int k = 0; k < TEXT_COL_PASSES; k++) {
		size_t n;
		char *next = text_uncolumn_once(cur != NULL ? cur : s,
		    cur != NULL ? *outlen : len, &n);

		if (next == NULL)
			break;
		free(cur);
		cur = next;
		*outlen = n;
	}
	return cur;
}
