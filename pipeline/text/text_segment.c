/* Segmentation of a plain-text page dump into items: lines, or the joined
 * lines of one paragraph when the renderer wrapped the text. */
#include "text_blocks.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "util.h"
#include "text_util.h"

/* Characters of a word in Chinese and Japanese text, on average. */
#define TEXT_CJK_WORD_CHARS 2
/* A wrap width is believed only when this many lines come close to it. */
#define TEXT_WRAP_MIN_LINES 3
#define TEXT_WRAP_NEAR 12
#define TEXT_WRAP_MAX 160
#define TEXT_WRAP_MIN 50
/* Lines near a block's longest that make it a wrapped paragraph. */
#define TEXT_WRAP_BLOCK_LINES 2
/* A token longer than this (code points, not bytes: a Russian word of 21
 * letters is no URL) is a URL or the like: renderers let it overflow the
 * wrap width, so its line says nothing about the width. */
#define TEXT_TOKEN_MAX 40
/* A lynx dump: glued link markers, at least */
#define TEXT_LYNX_MARKS 3
/* and lines at column 0 fewer than this many times those indented by 3 */
#define TEXT_LYNX_FLUSH 16

/* True for the code points of scripts written without spaces between
 * words: Han ideographs, hiragana and katakana. */
static bool
text_cp_unspaced(int32_t cp)
{
	return (cp >= 0x3040 && cp <= 0x30ff) ||
	    (cp >= 0x3400 && cp <= 0x4dbf) ||
	    (cp >= 0x4e00 && cp <= 0x9fff) ||
	    (cp >= 0xf900 && cp <= 0xfaff);
}

/* True where a renderer may break a line without a space: between the
 * characters of an unspaced script and at its punctuation (U+3000-303F,
 * the fullwidth forms). */
static bool
text_cp_breakable(int32_t cp)
{
	return text_cp_unspaced(cp) || (cp >= 0x3000 && cp <= 0x303f) ||
	    (cp >= 0xff00 && cp <= 0xffef);
}

/* True for a Hangul syllable. */
static bool
text_cp_hangul(int32_t cp)
{
	return cp >= 0xac00 && cp <= 0xd7a3;
}

struct text_line {
	const char *p;      /* content after indentation */
	size_t len;         /* bytes of content, trailing space trimmed */
	size_t indent;      /* leading spaces */
	size_t width;       /* indent + content, in terminal columns */
	size_t chars;       /* indent + content code points, one each */
	bool unbreakable;   /* holds a token no renderer could wrap (URL) */
};

/* Display width in terminal columns, as a renderer counts it: with wide,
 * wide (East Asian) characters take two; without, every code point one
 * (as some renderers count when they wrap). */
static size_t
text_cols(const char *p, size_t len, bool wide)
{
	size_t n = 0, i = 0;

	while (i < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(
		    (const utf8proc_uint8_t *)p + i, (utf8proc_ssize_t)(len - i),
		    &cp);

		if (k <= 0) {
			n++;
			i++;
			continue;
		}
		n += cp < 0x300 || !wide ? 1 :
		    (size_t)utf8proc_charwidth(cp);
		i += (size_t)k;
	}
	return n;
}

static size_t
text_cps(const char *p, size_t len)
{
	return text_cols(p, len, true);
}

static bool
text_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' ||
	    c == '\v';
}

/* Bytes of the Unicode space at p[0..len), or 0: the no-break space, the
 * typographic spaces of U+2000..U+200A, U+202F, U+205F and the
 * ideographic space. Renderers write &nbsp; as U+00A0, and pages end
 * many paragraphs with one: lines are trimmed of them (inside a line they
 * are the page's text and stay). */
static size_t
text_uspace(const char *p, size_t len)
{
	const unsigned char *u = (const unsigned char *)p;

	if (len >= 2 && u[0] == 0xc2 && u[1] == 0xa0)
		return 2;
	if (len < 3)
		return 0;
	if ((u[0] == 0xe2 && u[1] == 0x80 && (u[2] <= 0x8a ||
	    u[2] == 0xaf)) || (u[0] == 0xe2 && u[1] == 0x81 &&
	    u[2] == 0x9f) || (u[0] == 0xe3 && u[1] == 0x80 && u[2] == 0x80))
		return 3;
	return 0;
}

/* Bytes of the space, ASCII or Unicode, that ends p[0..len), or 0. */
static size_t
text_trailing_space(const char *p, size_t len)
{
	if (len > 0 && text_space((unsigned char)p[len - 1]))
		return 1;
	if (len >= 2 && text_uspace(p + len - 2, 2) == 2)
		return 2;
	if (len >= 3 && text_uspace(p + len - 3, 3) == 3)
		return 3;
	return 0;
}

/* Code points of the longest run of non-spaces in p[0..len). */
static size_t
text_longest_token(const char *p, size_t len)
{
	size_t best = 0, cur = 0, i = 0, adv;

	while (i < len) {
		int32_t cp = text_cp_at(p + i, len - i, &adv);

		/* renderers break Chinese and Japanese between characters */
		cur = p[i] == ' ' || text_cp_breakable(cp) ? 0 : cur + 1;
		if (cur > best)
			best = cur;
		i += adv;
	}
	return best;
}

/* True when p[0..len) is a line of the list of references that lynx
 * appends ("12. https://example.com/a b"): lynx never wraps those, and a
 * URL with spaces in it runs past the wrap width. */
static bool
text_reference_line(const char *p, size_t len)
{
	static const char *const schemes[] = {
		"http://", "https://", "mailto:", "ftp://", "file://",
		"javascript:",
	};
	size_t i = 0;

	while (i < len && isdigit((unsigned char)p[i]))
		i++;
	if (i == 0 || i + 2 > len || p[i] != '.' || p[i + 1] != ' ')
		return false;
	i += 2;
	for (size_t k = 0; k < sizeof(schemes) / sizeof(schemes[0]); k++)
		if (len - i >= strlen(schemes[k]) &&
		    strncmp(p + i, schemes[k], strlen(schemes[k])) == 0)
			return true;
	return false;
}

/* True when p[0..len) opens an entry of lynx's list of references: a
 * number, a stop and a space ("12. https://...", "52. mailto:?..."). */
static bool
text_reference_entry(const char *p, size_t len)
{
	size_t i = 0;

	while (i < len && isdigit((unsigned char)p[i]))
		i++;
	return i > 0 && i + 1 < len && p[i] == '.' && p[i + 1] == ' ';
}

/* Splits s into lines; *n receives the count. The array is owned by the
 * caller; the lines point into s. */
static struct text_line *
text_lines(const char *s, size_t len, size_t *n)
{
	struct text_line *v = NULL;
	size_t cap = 0, cnt = 0, i = 0;

	while (i < len) {
		const char *nl = memchr(s + i, '\n', len - i);
		size_t end = nl != NULL ? (size_t)(nl - s) : len;
		struct text_line l;

		l.indent = 0;
		l.p = s + i;
		while (l.p < s + end) {
			size_t u = text_uspace(l.p, (size_t)(s + end - l.p));

			if (u == 0 && !text_space((unsigned char)*l.p))
				break;
			l.indent += *l.p == '\t' ? 8 : 1;
			l.p += u > 0 ? u : 1;
		}
		l.len = (size_t)(s + end - l.p);
		while (l.len > 0) {
			size_t u = text_trailing_space(l.p, l.len);

			if (u == 0)
				break;
			l.len -= u;
		}
		l.width = l.indent + text_cps(l.p, l.len);
		l.chars = l.indent + text_cols(l.p, l.len, false);
		l.unbreakable = text_longest_token(l.p, l.len) >
		    TEXT_TOKEN_MAX || text_reference_line(l.p, l.len);
		if (cnt == cap) {
			cap = cap ? cap * 2 : 256;
			v = xrealloc(v, cap * sizeof(*v));
		}
		v[cnt++] = l;
		i = end + 1;
	}
	*n = cnt;
	return v;
}

/* The width a renderer wrapped at, or 0 when the lines were not wrapped:
 * the longest line's width, if several lines come close to it. Widths in
 * columns with wide, in code points without; *lines gets how many lines
 * came close to it. */
static size_t
text_wrap_width(const struct text_line *v, size_t n, bool wide,
    size_t *lines)
{
	size_t hist[TEXT_WRAP_MAX + 2] = { 0 };
	size_t best = 0, best_near = 0, w;

	for (size_t i = 0; i < n; i++) {
		w = wide ? v[i].width : v[i].chars;
		if (!v[i].unbreakable)
			hist[w <= TEXT_WRAP_MAX ? w : TEXT_WRAP_MAX + 1]++;
	}
	/* A width W is the wrap width when many lines end just short of it,
	 * few pass it (unbreakable words, tables) and the lines near it
	 * are a good share of the long lines. */
	for (w = TEXT_WRAP_MIN; w <= TEXT_WRAP_MAX; w++) {
		size_t near = 0, over = 0, longer = 0;

		for (size_t k = w - TEXT_WRAP_NEAR; k <= w; k++)
			near += hist[k];
		for (size_t k = w + 1; k <= TEXT_WRAP_MAX + 1; k++)
			over += hist[k];
		for (size_t k = w / 2; k <= TEXT_WRAP_MAX + 1; k++)
			longer += hist[k];
		if (near < TEXT_WRAP_MIN_LINES || over * 10 > near ||
		    near * 8 < longer)
			continue;
		if (near > best_near) {
			best_near = near;
			best = w;
		}
	}
	*lines = best_near;
	return best;
}

/* The width of line l without its indentation, in columns with wide,
 * in code points without. */
static size_t
text_content_width(const struct text_line *l, bool wide)
{
	return (wide ? l->width : l->chars) - l->indent;
}

/* The wrap widths of the blank-line blocks that the page's wrap width
 * (page, 0 when none was found) does not join: a short page, centred
 * text, a column or an indented paragraph narrower than the page (lynx
 * ends indented text short of the page's width). For each line, the
 * width of the longest line of its block (without indentation; no wider
 * than the page), where at least TEXT_WRAP_BLOCK_LINES lines of the
 * block other than its last come within TEXT_WRAP_NEAR of it (a caption
 * over itself and its credit is one such line, a paragraph of three
 * lines two); 0 elsewhere. The array is the caller's. */
static size_t *
text_block_widths(const struct text_line *v, size_t n, size_t page,
    bool wide)
{
	size_t *w = xcalloc(n + 1, sizeof(*w));

	for (size_t a = 0, b; a < n; a = b + 1) {
		size_t max = 0, near = 0;

		for (b = a; b < n && v[b].len > 0; b++)
			if (!v[b].unbreakable &&
			    text_content_width(&v[b], wide) > max)
				max = text_content_width(&v[b], wide);
		for (size_t k = a; k + 1 < b; k++)
			if (!v[k].unbreakable && text_content_width(&v[k],
			    wide) + TEXT_WRAP_NEAR >= max)
				near++;
		if (max < TEXT_WRAP_MIN || max > TEXT_WRAP_MAX ||
		    near < TEXT_WRAP_BLOCK_LINES ||
		    (page > 0 && max > page))
			continue;
		for (size_t k = a; k < b; k++)
			w[k] = max;
	}
	return w;
}

/* True when the line a breaks off a sentence that the line b goes on
 * with: a ends with a letter, a comma or a hyphen, b starts with a
 * letter, a quote or a bracket (not a list's number, not a symbol). */
static bool
text_mid_sentence(const struct text_line *a, const struct text_line *b)
{
	size_t i = a->len, adv;

	if (i == 0 || b->len == 0 || isdigit((unsigned char)b->p[0]) ||
	    !(text_starts_word(b->p) || b->p[0] == '('))
		return false;
	if (a->p[i - 1] == ',' || a->p[i - 1] == '-')
		return true;
	i = text_cp_last(a->p, a->len);
	return i < a->len &&
	    text_cp_letter(text_cp_at(a->p + i, a->len - i, &adv));
}

/* Length in bytes of a list marker and its space at the start of p. */
static size_t
text_bullet_len(const char *p, size_t len)
{
	static const char *const marks[] = {
		"\xe2\x80\xa2", "\xe2\x97\xa6", "\xe2\x96\xaa", "\xe2\x96\xa1",
		"\xe2\x96\xa0", "\xe2\x80\xa3", "\xc2\xb7", "\xe2\x97\x8f",
		"\xe2\x97\x8b", "*", "-", "+", "o", "#",
	};

	for (size_t i = 0; i < sizeof(marks) / sizeof(marks[0]); i++) {
		size_t k = strlen(marks[i]);

		if (len >= k && memcmp(p, marks[i], k) == 0) {
			if (len == k)
				return k;
			if (p[k] == ' ')
				return k + 1;
		}
	}
	return 0;
}

/* Length in bytes of the opening quote that stands alone at the start
 * of p[0..len), a space after it ("\xc2\xab trafic"), with its space; 0
 * when there is none. French sets a no-break space after its quotes,
 * which the renderers print as a space but never break at. */
static size_t
text_lone_opener(const char *p, size_t len)
{
	static const char *const opens[] = {
		"\xc2\xab", "\xe2\x80\xb9", "\xe2\x80\x9c", "\xe2\x80\x9e",
		"\xe2\x80\x98", "\"",
	};

	for (size_t i = 0; i < sizeof(opens) / sizeof(opens[0]); i++) {
		size_t k = strlen(opens[i]);

		if (len > k + 1 && memcmp(p, opens[i], k) == 0 &&
		    p[k] == ' ' && p[k + 1] != ' ')
			return k + 1;
	}
	return 0;
}

/* Width of the first word of a line, in code points; a lone opening
 * quote and the word after it are one word (text_lone_opener()). */
static size_t
text_first_word(const struct text_line *l, bool wide)
{
	size_t i = text_lone_opener(l->p, l->len);

	while (i < l->len && l->p[i] != ' ')
		i++;
	return text_cols(l->p, i, wide);
}

/* Appends p[0..len) to b folding runs of ASCII white space into one. */
static void
text_put_folded(struct buf *b, const char *p, size_t len)
{
	bool sp = b->len > 0 && b->p[b->len - 1] == ' ';

	for (size_t i = 0; i < len; i++) {
		if (text_space((unsigned char)p[i]) || p[i] == ' ') {
			if (!sp && b->len > 0)
				buf_putc(b, ' ');
			sp = true;
		} else {
			buf_putc(b, p[i]);
			sp = false;
		}
	}
}

/* Words of s: runs between spaces, and in Chinese and Japanese, which
 * put no spaces between words, one word for every TEXT_CJK_WORD_CHARS
 * characters (the mean length of a word of those languages), so that
 * the classifier's word counts mean the same in every script. */
static size_t
text_count_words(const char *s)
{
	size_t n = 0, len = strlen(s), i = 0, adv, cjk = 0;
	bool in = false;

	while (i < len) {
		int32_t cp = text_cp_at(s + i, len - i, &adv);

		if (text_cp_unspaced(cp)) {
			cjk++;
			in = false;
		} else if (s[i] == ' ') {
			in = false;
		} else if (!in) {
			in = true;
			n++;
		}
		i += adv;
	}
	return n + (cjk + TEXT_CJK_WORD_CHARS - 1) / TEXT_CJK_WORD_CHARS;
}

/* Drops lynx's link markers in place: "[12]" glued to the start of the
 * link text that follows it, wherever it stands ("[8]WeWork is" ->
 * "WeWork is", after a quote, glued to a Chinese word before it).
 * Citation marks that a space follows ("said.[3] The") stay. */
static size_t
text_drop_link_marks(struct buf *b)
{
	size_t j = 0, dropped = 0;

	for (size_t i = 0; i < b->len;) {
		size_t k = i + 1;

		if (b->p[i] == '[') {
			while (k < b->len && isdigit((unsigned char)b->p[k]))
				k++;
			if (k > i + 1 && k < b->len && b->p[k] == ']' &&
			    k + 1 < b->len && b->p[k + 1] != ' ') {
				/* between two numbers it parts them:
				 * "2022[38]0" is a year and a count */
				if (j > 0 && isdigit((unsigned char)
				    b->p[j - 1]) && isdigit((unsigned char)
				    b->p[k + 1]))
					b->p[j++] = ' ';
				i = k + 1;
				dropped++;
				continue;
			}
		}
		b->p[j++] = b->p[i++];
	}
	b->len = j;
	if (b->p != NULL)
		b->p[j] = '\0';
	return dropped;
}

/* head: the item's first line stands at column 0 of a lynx dump (a
 * heading's place); it is one when it holds no link marker. */
static void
text_push(struct text_doc *d, struct buf *b, int block, bool bullet,
    bool head)
{
	struct text_item *it;
	size_t cut;
	char *glued;

	if (text_drop_link_marks(b) > 0)
		head = false;
	while (b->len > 0 && b->p[b->len - 1] == ' ')
		b->p[--b->len] = '\0';
	if (b->len > 0 && (cut = text_trailing_heading(b->p)) > 0) {
		b->len = cut;
		b->p[cut] = '\0';
	}
	if (b->len == 0) {
		buf_free(b);
		return;
	}
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 128;
		d->items = xrealloc(d->items, d->cap * sizeof(*d->items));
	}
	it = &d->items[d->n++];
	memset(it, 0, sizeof(*it));
	it->s = buf_take(b);
	/* "202221:25": a date's year and its time, glued */
	if ((glued = text_year_time_parted(it->s)) != NULL) {
		free(it->s);
		it->s = glued;
	}
	it->width = text_cps(it->s, strlen(it->s));
	it->words = (int)text_count_words(it->s);
	it->block = block;
	it->bullet = bullet;
	it->heading = head && !bullet;
}

/* True when the paragraph in b ends or the line p[0..len) starts with a
 * character of an unspaced script (or its punctuation): the renderer
 * broke the line beside such a character ("...6" / "\xe4\xb8\xaa..."), and no
 * space joins them. full: the line over p was full to the wrap width. */
static bool
text_joins_unspaced(const struct buf *b, const char *p, size_t len,
    bool wide, bool full)
{
	size_t i = b->len, adv;
	int32_t last, first;

	if (i == 0 || len == 0)
		return false;
	i = text_cp_last(b->p, b->len);
	if (i == b->len)
		return false;
	last = text_cp_at(b->p + i, b->len - i, &adv);
	first = text_cp_at(p, len, &adv);
	/* w3m (which wraps by columns) breaks Hangul between any two
	 * syllables, most often inside a word: where the line is full (a
	 * syllable more would not fit), not where it broke at a space */
	if (wide && text_cp_hangul(last) && text_cp_hangul(first))
		return full;
	return text_cp_breakable(last) || text_cp_breakable(first);
}

/* The lines to skip at the start of a lynx dump: its list of the page's
 * <link> elements ("#[1]Site » Feed [2]alternate ..."), up to the first
 * blank line; 0 when the dump does not open with one. */
static size_t
text_lynx_links(const struct text_line *v, size_t n)
{
	size_t i = 0;

	while (i < n && v[i].len == 0)
		i++;
	if (i == n || v[i].len < 4 || memcmp(v[i].p, "#[", 2) != 0 ||
	    !isdigit((unsigned char)v[i].p[2]))
		return 0;
	while (i < n && v[i].len > 0)
		i++;
	return i;
}

/* True when the lines v[0..n) are a lynx dump: link markers glued to
 * their links ("[12]Home", TEXT_LYNX_MARKS or more; w3m prints none)
 * and paragraphs indented by three, where a heading stands at column 0
 * (lines at column 0 outnumber them at most TEXT_LYNX_FLUSH times). */
static bool
text_lynx_layout(const struct text_line *v, size_t n)
{
	size_t marks = 0, flush = 0, para = 0;

	for (size_t i = 0; i < n; i++) {
		const char *p = v[i].p, *e = p + v[i].len;

		if (v[i].len == 0)
			continue;
		if (v[i].indent == 0)
			flush++;
		else if (v[i].indent == 3)
			para++;
		for (; p < e; p++) {
			const char *k = p + 1;

			if (*p != '[')
				continue;
			while (k < e && isdigit((unsigned char)*k))
				k++;
			if (k > p + 1 && k + 1 < e && *k == ']' && k[1] != ' ')
				marks++;
		}
	}
	return marks >= TEXT_LYNX_MARKS && para * TEXT_LYNX_FLUSH > flush;
}

/* The index of the line that heads lynx's list of the page's links
 * ("References" at column 0, its first entry or "Visible links:" the next
 * line that is not blank), the last such line; n when there is none. */
static size_t
text_lynx_refs(const struct text_line *v, size_t n)
{
	for (size_t i = n; i-- > 0;) {
		size_t k = i + 1;

		if (v[i].indent != 0 || v[i].len != 10 ||
		    memcmp(v[i].p, "References", 10) != 0)
			continue;
		while (k < n && v[k].len == 0)
			k++;
		if (k < n && (text_reference_entry(v[k].p, v[k].len) ||
		    (v[k].len == 14 && memcmp(v[k].p, "Visible links:",
		    14) == 0)))
			return i;
	}
	return n;
}

struct text_doc *
text_segment(const char *s, size_t len)
{
	struct text_doc *d = xcalloc(1, sizeof(*d));
	size_t nl = 0, unlen = 0;
	char *un = text_uncolumn(s, len, &unlen);
	struct text_line *v = text_lines(un != NULL ? un : s,
	    un != NULL ? unlen : len, &nl);
	struct buf cur = { 0 };
	bool open = false, cur_bullet = false, gap = false;
	bool prev_unbreakable = false;
	int block = 0;
	size_t prev_width = 0, prev_content = 0, near_cols, near_cps;
	size_t wrap_cps, *local, refs;
	bool wide = true, lynx = text_lynx_layout(v, nl), head = false;

	/* w3m wraps East Asian text by columns, lynx by code points: the
	 * measure more lines agree with */
	d->wrap = text_wrap_width(v, nl, true, &near_cols);
	wrap_cps = text_wrap_width(v, nl, false, &near_cps);
	if (near_cps > near_cols) {
		d->wrap = wrap_cps;
		wide = false;
	}
	d->lynx = lynx;
	local = text_block_widths(v, nl, d->wrap, wide);
	refs = lynx ? text_lynx_refs(v, nl) : nl;
	for (size_t i = text_lynx_links(v, nl); i < nl; i++) {
		const struct text_line *l = &v[i];
		size_t bl, adv, q;
		bool join;

		/* an entry of lynx's references runs to the next one: a
		 * link's target may hold line breaks and blank lines (a
		 * share link's mail body, the page's lead), which would
		 * read as text the page shows twice */
		if (i > refs && open && text_reference_entry(cur.p, cur.len) &&
		    !text_reference_entry(l->p, l->len) && !(l->len == 13 &&
		    memcmp(l->p, "Hidden links:", 13) == 0)) {
			if (l->len > 0) {
				buf_putc(&cur, ' ');
				text_put_folded(&cur, l->p, l->len);
			}
			continue;
		}
		if (l->len == 0) {
			if (open)
				text_push(d, &cur, block, cur_bullet, head);
			open = false;
			if (!gap && d->n > 0)
				block++;
			gap = true;
			continue;
		}
		gap = false;
		bl = text_bullet_len(l->p, l->len);
		join = open && d->wrap > 0 && bl == 0 && !prev_unbreakable &&
		    !l->unbreakable &&
		    prev_width + 1 + text_first_word(l, wide) + 2 > d->wrap;
		/* a block narrower than the page wrapped at its own width */
		if (open && bl == 0 && local[i] > 0 && !prev_unbreakable &&
		    !l->unbreakable && text_mid_sentence(&v[i - 1], l) &&
		    prev_content + TEXT_WRAP_NEAR >= local[i] &&
		    prev_content + 1 + text_first_word(l, wide) + 2 > local[i])
			join = true;
		/* a long line that breaks off a sentence, and a line that goes
		 * on with it in lower case (after a lone opening quote) */
		q = text_lone_opener(l->p, l->len);
		if (open && bl == 0 && !prev_unbreakable && !l->unbreakable &&
		    prev_content >= TEXT_WRAP_MIN &&
		    text_mid_sentence(&v[i - 1], l) &&
		    text_cp_lower(text_cp_at(l->p + q, l->len - q, &adv)))
			join = true;
		if (!join) {
			if (open)
				text_push(d, &cur, block, cur_bullet, head);
			cur_bullet = bl > 0;
			head = lynx && l->indent == 0;
			open = true;
		} else if (!text_joins_unspaced(&cur, l->p, l->len, wide,
		    prev_width + 2 > (local[i] > 0 ? local[i] : d->wrap))) {
			buf_putc(&cur, ' ');
		}
		text_put_folded(&cur, l->p + bl, l->len - bl);
		prev_width = wide ? l->width : l->chars;
		prev_content = text_content_width(l, wide);
		prev_unbreakable = l->unbreakable;
	}
	if (open)
		text_push(d, &cur, block, cur_bullet, head);
	buf_free(&cur);
	free(local);
	free(v);
	free(un);
	d->title = d->subtitle = d->n;
	return d;
}

void
text_doc_free(struct text_doc *d)
{
	if (d == NULL)
		return;
	for (size_t i = 0; i < d->n; i++) {
		free(d->items[i].s);
		free(d->items[i].credit);
	}
	free(d->items);
	free(d);
}

const char *
text_kind_name(enum text_kind k)
{
	static const char *const names[] = {
		"other", "chrome", "headline", "standfirst", "byline",
		"date", "caption", "credit", "body", "related", "footer",
	};

	if ((size_t)k < sizeof(names) / sizeof(names[0]))
		return names[k];
	return "?";
}
