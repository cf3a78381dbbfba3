/* Cuts the raw-text bodies that the extractor never reads out of a page
 * before libxml2 parses it. The scan follows libxml2's own reading of
 * markup (HTMLparser.c, with HTML_PARSE_RECOVER), so that a script body
 * is cut only where libxml2 would have taken it for one: start tags are
 * read with their attributes, quoted or not, comments and end tags are
 * skipped whole, and a raw body ends at the first "</script" or "</style"
 * in any case. */
#include "html_strip.h"

#include <assert.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

const char *const html_script_date_keys[HTML_SCRIPT_DATE_KEYS] = {
	"datePublished", "published_at", "publishedAt", "publishDate",
	"publish_date", "publication_date", "dateCreated", "created_at",
	"createdAt",
};

struct strip_index;

struct strip_scan {
	const char *s;
	size_t len;
	size_t i;          /* the read position */
	struct buf out;
	const struct strip_index *index;  /* of strip_attrs */
	size_t ent;        /* s[0..ent) searched for "<!ENTITY" */
	bool entity;       /* and one found */
	struct decode_check *chk;  /* checked as far as searched, or NULL */
};

static bool
strip_is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* strncasecmp() of ASCII, inline, telling equal (0) from not (1) only:
 * the strip compares short names at most bytes of a page's tags, where
 * the library's call cost more than the compare (2% of the pipeline). */
static int
strip_ncasecmp(const char *a, const char *b, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		unsigned char x = (unsigned char)a[k];
		unsigned char y = (unsigned char)b[k];

		if (x >= 'A' && x <= 'Z')
			x = (unsigned char)(x + 32);
		if (y >= 'A' && y <= 'Z')
			y = (unsigned char)(y + 32);
		if (x != y)
			return 1;
		if (x == '\0')
			return 0;
	}
	return 0;
}

static bool
strip_is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The characters of libxml2's HTML names (letters, digits, ':', '-',
 * '_', '.'), one bit each: those below 64 in STRIP_NAME_LO, the others of
 * ASCII in STRIP_NAME_HI. */
#define STRIP_BIT(c) ((uint64_t)1 << ((c) & 63))
#define STRIP_NAME_LO (STRIP_BIT('-') | STRIP_BIT('.') | STRIP_BIT(':') | \
	(((uint64_t)1 << 10) - 1) << '0')
#define STRIP_NAME_HI ((((uint64_t)1 << 26) - 1) << ('A' - 64) | \
	STRIP_BIT('_') | (((uint64_t)1 << 26) - 1) << ('a' - 64))

/* The same as a table of the 256 bytes, read once a byte in the names'
 * loop instead of two tests and a shift. */
#define STRIP_NC(c) ((c) < 64 ? (STRIP_NAME_LO >> ((c) & 63)) & 1 : \
	(c) < 128 ? (STRIP_NAME_HI >> ((c) & 63)) & 1 : 0)
#define STRIP_NC4(c) STRIP_NC(c), STRIP_NC((c) + 1), STRIP_NC((c) + 2), \
	STRIP_NC((c) + 3)
#define STRIP_NC16(c) STRIP_NC4(c), STRIP_NC4((c) + 4), \
	STRIP_NC4((c) + 8), STRIP_NC4((c) + 12)
#define STRIP_NC64(c) STRIP_NC16(c), STRIP_NC16((c) + 16), \
	STRIP_NC16((c) + 32), STRIP_NC16((c) + 48)

static const unsigned char strip_name_char[256] = {
	STRIP_NC64(0), STRIP_NC64(64), STRIP_NC64(128), STRIP_NC64(192)
};

static bool
strip_is_name_char(char ch)
{
	return strip_name_char[(unsigned char)ch] != 0;
}

/* The length of libxml2's HTML name at s[i..], or 0 when none starts
 * there (htmlParseHTMLName). */
static size_t
strip_name_len(const struct strip_scan *sc, size_t i)
{
	const char *s = sc->s + i;
	size_t n = 0, left;
	char c;

	if (i >= sc->len)
		return 0;
	c = s[0];
	if (!strip_is_letter(c) && c != '_' && c != ':' && c != '.')
		return 0;
	left = sc->len - i;
	while (n < left && strip_is_name_char(s[n]))
		n++;
	return n;
}

static bool
strip_at_empty_end(const struct strip_scan *sc, size_t i)
{
	return i + 1 < sc->len && sc->s[i] == '/' && sc->s[i + 1] == '>';
}

/* Elements whose attributes the pipeline reads apart from others. */
enum strip_kind {
	SK_OTHER = 1u << 0,
	SK_A = 1u << 1,
	SK_LINK = 1u << 2,
	SK_IMG = 1u << 3,     /* img, amp-img */
	SK_SCRIPT = 1u << 4,
	SK_META = 1u << 5,
	SK_HTML = 1u << 6,
	SK_ABBR = 1u << 7,
};
#define SK_ALL 0xffu

/* Attributes the pipeline reads, and on which elements: html_attr(),
 * meta_attr(), the signal and metadata walks (html_sigattrs_of(),
 * meta_attrs_read() and meta_element()) and the image finder
 * (html_img_url() and the pixel test's width and height of 0 or 1, on
 * <img> and <amp-img>; data-src on any element, a figure's lazy
 * placeholder: html_lazy_img(), where it may name a picture's file)
 * read no other; html_attr()
 * and meta_attr() assert it. libxml2 itself reads charset and http-equiv
 * on <meta>. Sorted by name. hrefs, styles and titles are further cut by
 * their values (strip_value_kept()). */
struct strip_attr {
	const char *name;
	unsigned on;          /* enum strip_kind bits */
};

static const struct strip_attr strip_attrs[] = {
	{ "alt", SK_IMG }, { "aria-hidden", SK_ALL }, { "charset", SK_META },
	{ "class", SK_ALL }, { "content", SK_ALL },
	{ "data-lazy-src", SK_IMG }, { "data-original", SK_IMG },
	{ "data-src", SK_ALL }, { "data-srcset", SK_IMG },
	{ "data-url", SK_IMG }, { "datetime", SK_ALL },
	{ "height", SK_IMG },
	{ "hidden", SK_ALL }, { "href", SK_A | SK_LINK },
	{ "http-equiv", SK_META }, { "id", SK_ALL },
	{ "itemprop", SK_ALL }, { "itemtype", SK_ALL },
	{ "lang", SK_HTML },
	{ "name", SK_META }, { "property", SK_META },
	{ "pubdate", SK_ALL }, { "rel", SK_A | SK_LINK },
	{ "role", SK_ALL }, { "src", SK_IMG },
	{ "srcset", SK_IMG }, { "style", SK_ALL },
	{ "title", SK_ALL }, { "type", SK_SCRIPT },
	{ "width", SK_IMG }, { "xml:lang", SK_HTML },
};

static int
strip_attr_cmp(const void *key, const void *elem)
{
	const char *const *k = key;

	return strcasecmp(*k, *(const char *const *)elem);
}

/* strip_attrs by first letter: the names of letter c ('a' + k) are the
 * entries from[k] to from[k + 1], and len[] their lengths. Made from the
 * table once a page (strip_index_make()), so that the table stays the one
 * list to edit. */
struct strip_index {
	unsigned char from[27];
	unsigned char len[NELEM(strip_attrs)];
};

_Static_assert(NELEM(strip_attrs) < 256, "strip_index holds bytes");

static void
strip_index_make(struct strip_index *x)
{
	size_t i = 0;

	for (int k = 0; k < 26; k++) {
		x->from[k] = (unsigned char)i;
		while (i < NELEM(strip_attrs) &&
		    strip_attrs[i].name[0] == 'a' + k)
			i++;
	}
	x->from[26] = (unsigned char)i;
	/* every name in its letter's run: the table is sorted */
	assert(i == NELEM(strip_attrs));
	for (i = 0; i < NELEM(strip_attrs); i++)
		x->len[i] = (unsigned char)strlen(strip_attrs[i].name);
}

/* The entry of strip_attrs for the attribute name s[0..n) (any case), or
 * NULL: only the names of s's first letter and length are compared. */
static const struct strip_attr *
strip_attr_find_in(const struct strip_index *x, const char *s, size_t n)
{
	unsigned k = (unsigned)(unsigned char)(s[0] | 0x20) - 'a';

	if (k >= 26 || n < 2)
		return NULL;
	for (size_t i = x->from[k]; i < x->from[k + 1]; i++)
		if (x->len[i] == n &&
		    strip_ncasecmp(strip_attrs[i].name + 1, s + 1, n - 1) == 0)
			return &strip_attrs[i];
	return NULL;
}

/* The entry of strip_attrs for the attribute name s (any case), or NULL,
 * by a binary search: the look-up of the readers' assertions, one name
 * at a time, where making the index would cost ten times as much. */
static const struct strip_attr *
strip_attr_find(const char *s)
{
	return bsearch(&s, strip_attrs, NELEM(strip_attrs),
	    sizeof(strip_attrs[0]), strip_attr_cmp);
}

/* The kind of the element named s[0..n) (any case). */
static unsigned
strip_kind_of(const char *s, size_t n)
{
	static const struct {
		const char *name;
		unsigned kind;
	} kinds[] = {
		{ "a", SK_A }, { "link", SK_LINK }, { "img", SK_IMG },
		{ "amp-img", SK_IMG }, { "script", SK_SCRIPT },
		{ "meta", SK_META }, { "html", SK_HTML }, { "abbr", SK_ABBR },
	};

	/* most tags are none of these: their lengths and first letters
	 * say so before any comparison */
	if (n == 0 || n > 7 || n == 5)
		return SK_OTHER;
	switch (s[0] | 0x20) {
	case 'a': case 'l': case 'i': case 's': case 'm': case 'h':
		break;
	default:
		return SK_OTHER;
	}
	for (size_t i = 0; i < NELEM(kinds); i++)
		if ((kinds[i].name[0] | 0x20) == (s[0] | 0x20) &&
		    strip_ncasecmp(kinds[i].name, s, n) == 0 &&
		    kinds[i].name[n] == '\0')
			return kinds[i].kind;
	return SK_OTHER;
}

bool
html_strip_attr_kept(const char *name)
{
	return strip_attr_find(name) != NULL;
}

bool
html_strip_attr_kept_on(const char *tag, const char *name)
{
	const struct strip_attr *at;

	at = strip_attr_find(name);
	return at != NULL && (at->on & strip_kind_of(tag, strlen(tag))) != 0;
}

/* The bytes that keep strip_href_not_home() from judging a link: blanks
 * and controls, entities, escapes. */
static const bool strip_href_odd[256] = {
	[0] = true, [1] = true, [2] = true, [3] = true, [4] = true,
	[5] = true, [6] = true, [7] = true, [8] = true, [9] = true,
	[10] = true, [11] = true, [12] = true, [13] = true, [14] = true,
	[15] = true, [16] = true, [17] = true, [18] = true, [19] = true,
	[20] = true, [21] = true, [22] = true, [23] = true, [24] = true,
	[25] = true, [26] = true, [27] = true, [28] = true, [29] = true,
	[30] = true, [31] = true, [32] = true, ['%'] = true, ['&'] = true,
	['\\'] = true
};

/* Whether the link s[0..n), an <a>'s href as it stands in the page, is
 * surely not the site's home page as meta_is_logo() reads it
 * (xmlParseURI(): no path or "/", no query, no fragment), nor any link
 * that parses so: its path, after any scheme and authority, holds a
 * character other than '/'. Values with entities, escapes or blanks are
 * not judged. */
static bool
strip_href_not_home(const char *s, size_t n)
{
	size_t i = 0, p = 1;

	for (size_t k = 0; k < n; k++)
		if (strip_href_odd[(unsigned char)s[k]])
			return false;
	if (n > 0 && strip_is_letter(s[0])) {
		while (p < n && (strip_is_letter(s[p]) ||
		    (s[p] >= '0' && s[p] <= '9') || s[p] == '+' ||
		    s[p] == '-' || s[p] == '.'))
			p++;
		if (p < n && s[p] == ':')
			i = p + 1;
	}
	if (i + 1 < n && s[i] == '/' && s[i + 1] == '/')
		for (i += 2; i < n && s[i] != '/' && s[i] != '?' &&
		    s[i] != '#'; i++)
			;
	for (; i < n && s[i] != '?' && s[i] != '#'; i++)
		if (s[i] != '/')
			return true;
	return false;
}

/* Whether the link s[0..n) names a host as html_img_aside() reads it
 * (url_site() of lib/url.h): the first of its '/', '?' and '#' begins
 * "//". A relative link stays on the site, as one without an href. */
static bool
strip_href_site(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] == '/' || s[i] == '?' || s[i] == '#')
			return s[i] == '/' && i + 1 < n && s[i + 1] == '/';
	return false;
}

bool
html_style_hidden(const char *style)
{
	char s[256];
	size_t n = 0;

	for (; *style != '\0' && n + 1 < sizeof(s); style++) {
		char c = *style;

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
			continue;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		s[n++] = c;
	}
	s[n] = '\0';
	return strstr(s, "display:none") != NULL ||
	    strstr(s, "visibility:hidden") != NULL;
}

/* Whether the inline style s[0..n), as it stands in the page, hides its
 * element (html_style_hidden()); values with entities count as hiding. */
static bool
strip_style_hides(const char *s, size_t n)
{
	char v[512];

	if (n >= sizeof(v) || memchr(s, '&', n) != NULL)
		return true;
	memcpy(v, s, n);
	v[n] = '\0';
	return html_style_hidden(v);
}

/* Whether s[0..n) holds word (ASCII, any case) or an entity, which might
 * spell it. */
static bool
strip_may_hold(const char *s, size_t n, const char *word)
{
	size_t w = strlen(word);

	if (memchr(s, '&', n) != NULL)
		return true;
	for (size_t i = 0; i + w <= n; i++)
		if (strip_ncasecmp(s + i, word, w) == 0)
			return true;
	return false;
}

/* Whether the query of s[0..n) has a parameter "author" or a value
 * "author" ("?author=12", WordPress's author archive without pretty
 * links; "?searchword=jane-doe&searchphrase=author", a CMS's search of
 * one author's articles). */
static bool
strip_query_author(const char *s, size_t n)
{
	const char *q = memchr(s, '?', n), *e = s + n, *f;
	size_t l;

	if (q == NULL)
		return false;
	for (f = q; f < e && *f != '#'; f++)
		;
	for (q++; q < f; q += l + 1) {
		for (l = 0; q + l < f && q[l] != '&' && q[l] != '='; l++)
			;
		if ((l == 6 && strip_ncasecmp(q, "author", 6) == 0 &&
		    q + l < f && q[l] == '=') || (l == 6 && q > s &&
		    q[-1] == '=' && strip_ncasecmp(q, "author", 6) == 0 &&
		    (q + l == f || q[l] == '&')))
			return true;
	}
	return false;
}

/* The index of the first c in s[i..n), or n. */
static size_t
strip_find(const char *s, size_t i, size_t n, char c)
{
	const char *p = i < n ? memchr(s + i, c, n - i) : NULL;

	return p != NULL ? (size_t)(p - s) : n;
}

/* memchr() for the scheme's "://", the host's end, the path's end ('?'
 * or '#') and each segment's: a byte at a time this was 690
 * instructions an href, 34 M over the corpus */
bool
html_href_is_author(const char *s, size_t n)
{
	static const char *const segs[] = {
		"author", "authors", "autor", "autoren", "auteur", "autore",
	};
	size_t i = 0, e, k, l, end;

	for (k = strip_find(s, 0, n, ':'); k + 2 < n;
	    k = strip_find(s, k + 1, n, ':'))  /* past "scheme://host" */
		if (s[k + 1] == '/' && s[k + 2] == '/') {
			i = strip_find(s, k + 3, n, '/');
			break;
		}
	/* the path ends at the first '?' or '#' after the host: one
	 * before a segment would have ended the loop there */
	end = strip_find(s, i, n, '?');
	end = strip_find(s, i, end, '#');
	for (; i < n; i = e + 1) {
		while (i < n && s[i] == '/')
			i++;
		e = strip_find(s, i, end, '/');
		if (e + 1 >= n || s[e] != '/')
			return strip_query_author(s, n);
		/* every name is of 5 to 7 letters, the first an 'a' */
		if (e - i < 5 || e - i > 7 || (s[i] | 0x20) != 'a')
			continue;
		for (k = 0; k < NELEM(segs); k++) {
			l = strlen(segs[k]);
			if (e - i == l &&
			    strip_ncasecmp(s + i, segs[k], l) == 0 &&
			    s[e + 1] != '/' && s[e + 1] != '?' &&
			    s[e + 1] != '#')
				return true;
		}
	}
	return false;
}

bool
html_href_is_comment(const char *s, size_t n)
{
	const char *h = memchr(s, '#', n);

	return h != NULL && (size_t)(s + n - h) > 7 &&
	    strip_ncasecmp(h + 1, "comment", 7) == 0;
}

bool
html_href_is_picture(const char *s, size_t n)
{
	static const char *const exts[] = { ".jpg", ".jpeg", ".png", ".gif",
		".webp", ".avif" };
	const char *q = memchr(s, '?', n);
	size_t e, end = q != NULL ? (size_t)(q - s) : n;
	char last;

	q = memchr(s, '#', end);
	if (q != NULL)
		end = (size_t)(q - s);
	/* each extension ends in g, f or p, in either case */
	last = end > 0 ? (char)(s[end - 1] | 0x20) : '\0';
	if (last != 'g' && last != 'f' && last != 'p')
		return false;
	for (size_t i = 0; i < sizeof(exts) / sizeof(exts[0]); i++) {
		e = strlen(exts[i]);
		if (end >= e && strip_ncasecmp(s + end - e, exts[i], e) == 0)
			return true;
	}
	return false;
}

/* What becomes of an attribute of a start tag that strip_attrs keeps on
 * its element: hrefs, rels, inline styles and titles are read in a few
 * places only. An <a>'s href is read to tell a link to the home page
 * (meta_is_logo()), to an author's page (html_href_is_author()) or to a
 * reader comment (html_href_is_comment()), or to a picture's own
 * (html_href_is_picture(), for the writer's images): it
 * goes when surely neither; its rel for "author".
 * A <link>'s href and rel are read for rel=canonical only: both go once
 * the tag is read (strip_start_tag()) when its rel is not that. A style
 * is read for hiding only (html_style_hidden()), and goes when it does
 * not hide. A title is read on <abbr> and on elements with a class
 * (meta_element()): on others it goes once the tag is read. libxml2
 * keeps the first of attributes of one name: the later ones go too, so
 * that none takes the place of one cut. */
struct strip_tag {
	unsigned kind;
	bool had_href, had_rel, had_style, had_title, had_class;
	bool had_dsrc;                /* a data-src, kept or not */
	bool canonical;               /* a <link> with rel=canonical */
	bool a_later;                 /* an <a>'s href, kept only when a
	                                 picture follows (strip_pic_ahead()) */
	bool a_site;                  /* and it names a host */
	size_t cut_at[3], cut_len[3]; /* written, to go unless wanted: the
	                                 title, a <link>'s href and rel */
};

enum { STRIP_CUT_TITLE, STRIP_CUT_HREF, STRIP_CUT_REL };

static bool
strip_value_kept(struct strip_tag *t, const char *name, size_t n,
    const char *v, size_t vlen)
{
	bool seen;

	if (n == 4 && strip_ncasecmp(name, "href", 4) == 0) {
		seen = t->had_href;
		t->had_href = true;
		if (seen)
			return false;
		t->a_later = t->kind == SK_A && strip_href_not_home(v, vlen) &&
		    !html_href_is_author(v, vlen) &&
		    !html_href_is_comment(v, vlen) &&
		    !html_href_is_picture(v, vlen);
		t->a_site = t->a_later && strip_href_site(v, vlen);
		return true;
	}
	if (n == 3 && strip_ncasecmp(name, "rel", 3) == 0) {
		seen = t->had_rel;
		t->had_rel = true;
		if (seen)
			return false;
		if (t->kind == SK_A)
			return strip_may_hold(v, vlen, "author");
		t->canonical = strip_may_hold(v, vlen, "canonical");
		return true;
	}
	if (n == 5 && strip_ncasecmp(name, "style", 5) == 0) {
		seen = t->had_style;
		t->had_style = true;
		return !seen && strip_style_hides(v, vlen);
	}
	if (n == 5 && strip_ncasecmp(name, "title", 5) == 0) {
		seen = t->had_title;
		t->had_title = true;
		return !seen;
	}
	if (n == 5 && strip_ncasecmp(name, "class", 5) == 0)
		t->had_class = true;
	/* off an image, a data-src is read for a lazy placeholder's
	 * picture only (html_lazy_img()): it goes unless it may name a
	 * picture's file (the value as it stands, or with an entity) */
	if (n == 8 && t->kind != SK_IMG &&
	    strip_ncasecmp(name, "data-src", 8) == 0) {
		seen = t->had_dsrc;
		t->had_dsrc = true;
		return !seen && (memchr(v, '&', vlen) != NULL ||
		    html_href_is_picture(v, vlen));
	}
	/* an image's size only where it is a tracking pixel's, 0 or 1
	 * (html_img_pixel()) */
	if ((n == 5 && strip_ncasecmp(name, "width", 5) == 0) ||
	    (n == 6 && strip_ncasecmp(name, "height", 6) == 0))
		return vlen >= 1 && (v[0] == '0' || v[0] == '1') &&
		    (vlen == 1 || (vlen == 3 &&
		    strip_ncasecmp(v + 1, "px", 2) == 0));
	return true;
}

/* Takes out of out the attributes of t written but not wanted after
 * all, from the last. */
static void
strip_tag_cut(struct strip_tag *t, struct buf *out)
{
	bool cut[3];

	cut[STRIP_CUT_TITLE] = !t->had_class && t->kind != SK_ABBR;
	cut[STRIP_CUT_HREF] = cut[STRIP_CUT_REL] = !t->canonical;
	if (t->kind == SK_A)
		cut[STRIP_CUT_HREF] = t->a_later;
	for (int k = 0; k < 3; k++) {
		int last = -1;

		for (int j = 0; j < 3; j++)
			if (cut[j] && t->cut_len[j] > 0 && (last < 0 ||
			    t->cut_at[j] > t->cut_at[last]))
				last = j;
		if (last < 0)
			return;
		memmove(out->p + t->cut_at[last], out->p + t->cut_at[last] +
		    t->cut_len[last], out->len - t->cut_at[last] -
		    t->cut_len[last]);
		out->len -= t->cut_len[last];
		out->p[out->len] = '\0';
		cut[last] = false;
	}
}

/* Bytes after an <a>'s start tag read for a picture in the link. */
#define STRIP_PIC_AHEAD 512

/* Whether a picture's tag (<img>, <amp-img>, <picture>) comes from s[i]
 * before the link's end ("</a", or another <a>), within STRIP_PIC_AHEAD
 * bytes: the writer compares the site of a link around a picture with
 * the page's (html_img_aside()); a relative link's is the page's. */
static bool
strip_pic_ahead(const struct strip_scan *sc, size_t i)
{
	static const char *const pics[] = { "img", "amp-img", "picture" };
	size_t end = sc->len - i > STRIP_PIC_AHEAD ? i + STRIP_PIC_AHEAD :
	    sc->len;

	for (const char *p; i < end &&
	    (p = memchr(sc->s + i, '<', end - i)) != NULL; ) {
		size_t k = (size_t)(p - sc->s) + 1, n;

		i = k;
		if (k < end && sc->s[k] == '/')
			k++;
		n = strip_name_len(sc, k);
		if (n == 1 && (sc->s[k] | 0x20) == 'a')
			return false;
		if (i < sc->len && sc->s[i] == '/')
			continue;
		for (size_t j = 0; j < NELEM(pics); j++)
			if (n == strlen(pics[j]) &&
			    strip_ncasecmp(sc->s + k, pics[j], n) == 0)
				return true;
	}
	return false;
}

/* Reads the start tag at sc->i ('<' and a letter) up to and past its '>'
 * or "/>". Returns the offset past it, or 0 when the tag does not end
 * (an unterminated quote or the end of the page). *empty is set for
 * "/>". When out is not NULL, the tag is written to it as libxml2 will
 * read it, less the attributes the pipeline does not read and the bogus
 * ones libxml2 drops; on failure nothing is written. */
static size_t
strip_start_tag(const struct strip_scan *sc, bool *empty, struct buf *out)
{
	size_t nlen = strip_name_len(sc, sc->i + 1);
	size_t i = sc->i + 1 + nlen, was = out != NULL ? out->len : 0;
	struct strip_tag t = { .kind = SK_OTHER };
	const struct strip_attr *at;

	*empty = false;
	if (out != NULL) {
		t.kind = strip_kind_of(sc->s + sc->i + 1, nlen);
		buf_append(out, sc->s + sc->i, nlen + 1);
	}
	while (i < sc->len && strip_is_blank(sc->s[i]))
		i++;
	while (i < sc->len && sc->s[i] != '>' && !strip_at_empty_end(sc, i)) {
		size_t n = strip_name_len(sc, i), from = i, v = 0, vlen = 0;

		if (n == 0) {
			/* a bogus attribute: dropped up to a blank or the
			 * end of the tag */
			while (i < sc->len && !strip_is_blank(sc->s[i]) &&
			    sc->s[i] != '>' && !strip_at_empty_end(sc, i))
				i++;
		} else {
			i += n;
			while (i < sc->len && strip_is_blank(sc->s[i]))
				i++;
			if (i < sc->len && sc->s[i] == '=') {
				i++;
				while (i < sc->len && strip_is_blank(sc->s[i]))
					i++;
				if (i < sc->len && (sc->s[i] == '"' ||
				    sc->s[i] == '\'')) {
					const char *q = memchr(sc->s + i + 1,
					    sc->s[i], sc->len - i - 1);

					if (q == NULL)
						goto fail;
					v = i + 1;
					vlen = (size_t)(q - sc->s) - v;
					i = (size_t)(q - sc->s) + 1;
				} else {
					v = i;
					while (i < sc->len &&
					    !strip_is_blank(sc->s[i]) &&
					    sc->s[i] != '>')
						i++;
					vlen = i - v;
				}
			}
			if (out != NULL &&
			    (at = strip_attr_find_in(sc->index, sc->s + from,
			    n)) != NULL &&
			    (at->on & t.kind) != 0 &&
			    strip_value_kept(&t, sc->s + from, n, sc->s + v,
			    vlen)) {
				int c = -1;

				if (at->name[0] == 't' && at->name[1] == 'i')
					c = STRIP_CUT_TITLE;
				else if ((t.kind == SK_LINK || t.a_later) &&
				    strcmp(at->name, "href") == 0)
					c = STRIP_CUT_HREF;
				else if (t.kind == SK_LINK &&
				    strcmp(at->name, "rel") == 0)
					c = STRIP_CUT_REL;
				if (c >= 0) {
					t.cut_at[c] = out->len;
					t.cut_len[c] = i - from + 1;
				}
				buf_putc(out, ' ');
				buf_append(out, sc->s + from, i - from);
			}
		}
		while (i < sc->len && strip_is_blank(sc->s[i]))
			i++;
	}
	if (i >= sc->len)
		goto fail;
	if (t.a_site && sc->s[i] == '>' && strip_pic_ahead(sc, i + 1))
		t.a_later = false;
	if (out != NULL)
		strip_tag_cut(&t, out);
	if (sc->s[i] == '/') {
		*empty = true;
		/* the blank keeps an unquoted value from taking the '/' */
		if (out != NULL)
			buf_append(out, " />", 3);
		return i + 2;
	}
	if (out != NULL)
		buf_putc(out, '>');
	return i + 1;
fail:
	if (out != NULL) {
		out->len = was;
		out->p[was] = '\0';
	}
	return 0;
}

/* The blocks in which strip_entities() reads the page ahead of the scan:
 * a few pages, well within the first-level cache, so that the scan reads
 * the bytes there. */
#define STRIP_AHEAD 8192

/* Searches the page from sc->ent to to for "<!ENTITY" (anywhere: in
 * text, markup, comments and the bodies cut alike), and moves sc->ent
 * there; checks it that far as UTF-8 where sc->chk asks. A block at a
 * time, both reads of it in the cache. */
static void
strip_entities(struct strip_scan *sc, size_t to)
{
	while (sc->ent < to) {
		const char *p = sc->s + sc->ent, *end;

		sc->ent = to - sc->ent > STRIP_AHEAD ? sc->ent + STRIP_AHEAD :
		    to;
		end = sc->s + sc->ent;
		if (sc->chk != NULL)
			decode_check_to(sc->chk, sc->ent);
		while (!sc->entity && (p = memchr(p, '!',
		    (size_t)(end - p))) != NULL) {
			if (p > sc->s && p[-1] == '<' &&
			    (size_t)(sc->s + sc->len - p) >= 7 &&
			    memcmp(p + 1, "ENTITY", 6) == 0)
				sc->entity = true;
			p++;
		}
	}
}

/* memchr() of c in the page from from on, reading no further than
 * strip_entities() has: that is moved a block on whenever the search
 * reaches where it stopped, so that each byte is read by the check and
 * the entity search first and then here, in the cache. */
static const char *
strip_memchr(struct strip_scan *sc, size_t from, int c)
{
	const char *p;

	for (;;) {
		if (from >= sc->ent)
			strip_entities(sc, sc->len - from > STRIP_AHEAD ?
			    from + STRIP_AHEAD : sc->len);
		p = memchr(sc->s + from, c, sc->ent - from);
		if (p != NULL || sc->ent == sc->len)
			return p;
		from = sc->ent;
	}
}

/* The offset of the first "</" + name (any case) at or after from, or
 * sc->len when there is none. */
static size_t
strip_find_end(struct strip_scan *sc, size_t from, const char *name)
{
	size_t n = strlen(name);

	while (from + 2 + n <= sc->len) {
		const char *p = strip_memchr(sc, from, '<');

		if (p == NULL)
			break;
		from = (size_t)(p - sc->s);
		if (from + 2 + n <= sc->len && p[1] == '/' &&
		    strip_ncasecmp(p + 2, name, n) == 0)
			return from;
		from++;
	}
	return sc->len;
}

/* Whether the metadata may find a page-state date in the script body
 * s[0..len): a '"' right before one of html_script_date_keys, as
 * meta_script_text() looks for them. libxml2 leaves out of a script's
 * text the characters that XML does not allow, of which a form feed and
 * U+FFFE or U+FFFF get past the decoder: they could bring a quote and a
 * key together, and a body that holds one is kept. */
static bool
strip_may_date(const char *s, size_t len)
{
	const char *p = s, *end = s + len;

	if (memchr(s, '\f', len) != NULL)
		return true;
	/* U+FFFE and U+FFFF are EF BF BE and EF BF BF: memchr() finds the
	 * rare EF faster than memmem() finds either */
	while ((p = memchr(p, 0xef, (size_t)(end - p))) != NULL) {
		if (end - p >= 3 && (unsigned char)p[1] == 0xbf &&
		    ((unsigned char)p[2] & 0xfe) == 0xbe)
			return true;
		p++;
	}
	p = s;
	while ((p = memchr(p, '"', (size_t)(end - p))) != NULL) {
		p++;
		/* every key begins with one of these */
		if (p == end || (*p != 'd' && *p != 'p' && *p != 'c'))
			continue;
		for (size_t k = 0; k < HTML_SCRIPT_DATE_KEYS; k++) {
			size_t n = strlen(html_script_date_keys[k]);

			if (html_script_date_keys[k][0] == *p &&
			    (size_t)(end - p) >= n &&
			    memcmp(p, html_script_date_keys[k], n) == 0)
				return true;
		}
	}
	return false;
}

/* Whether the body s[0..len) of a script whose start tag is tag[0..tlen)
 * is read by the metadata extractor: JSON-LD, read whole (its type names
 * "ld+json": the tag holds "json" and "ld", or an entity that might spell
 * them), or any other script whose body may hold a page-state date. */
static bool
strip_script_kept(const char *tag, size_t tlen, const char *s, size_t len)
{
	bool json = false, ld = false;

	for (size_t i = 0; i + 2 <= tlen; i++) {
		if (i + 4 <= tlen && strip_ncasecmp(tag + i, "json", 4) == 0)
			json = true;
		if (tag[i] == '&' || strip_ncasecmp(tag + i, "ld", 2) == 0)
			ld = true;
	}
	return (json && ld) || strip_may_date(s, len);
}

/* Elements of SVG drawings, lower case, sorted: what an inline <svg>
 * may hold for its body to be cut. None of them is an HTML element
 * whose start or end closes another, nor a raw-text element. */
static const char *const strip_svg_names[] = {
	"animate", "animatemotion", "animatetransform", "circle",
	"clippath", "defs", "desc", "ellipse", "feblend", "fecolormatrix",
	"fecomposite", "feflood", "fegaussianblur", "feimage", "femerge",
	"femergenode", "feoffset", "filter", "g", "line", "lineargradient",
	"marker", "mask", "metadata", "path", "pattern", "polygon",
	"polyline", "radialgradient", "rect", "stop", "symbol", "tspan",
	"use",
};

static bool
strip_svg_name(const char *s, size_t n)
{
	char name[32];

	if (n == 0 || n >= sizeof(name))
		return false;
	for (size_t i = 0; i < n; i++)
		name[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ?
		    s[i] - 'A' + 'a' : s[i]);
	name[n] = '\0';
	return bsearch(&(const char *){ name }, strip_svg_names,
	    sizeof(strip_svg_names) / sizeof(strip_svg_names[0]),
	    sizeof(strip_svg_names[0]), strip_attr_cmp) != NULL;
}

/* Whether the body s[0..len) of an <svg> is only drawing: every '<' in
 * it opens or closes one of strip_svg_names, so that libxml2's tree
 * outside the drawing is the same without it. */
static bool
strip_svg_plain(const char *s, size_t len)
{
	const char *p = s, *end = s + len;

	while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
		const char *q = p + 1;
		size_t n = 0;

		if (q < end && *q == '/')
			q++;
		while (q + n < end && (strip_is_letter(q[n]) ||
		    (q[n] >= '0' && q[n] <= '9')))
			n++;
		if (q + n >= end || !strip_svg_name(q, n) ||
		    (q[n] != '>' && q[n] != '/' && !strip_is_blank(q[n])))
			return false;
		p = q + n;
	}
	return true;
}

/* Copies s[sc->i..to) and moves there. */
static void
strip_copy_to(struct strip_scan *sc, size_t to)
{
	buf_append(&sc->out, sc->s + sc->i, to - sc->i);
	sc->i = to;
}

/* Whether p[0..left) opens a doctype or a CDATA section ("<!" and a
 * word libxml2 reads). */
static bool
strip_at_doctype(const char *p, size_t left)
{
	return (left >= 9 && strip_ncasecmp(p + 2, "doctype", 7) == 0) ||
	    (left >= 9 && memcmp(p + 2, "[CDATA[", 7) == 0);
}

/* Handles the markup at sc->i, a '<'. Returns false when the rest of the
 * page is to be copied as it is. */
static bool
strip_markup(struct strip_scan *sc)
{
	const char *p = sc->s + sc->i;
	size_t left = sc->len - sc->i, end, close, nlen, tag;
	const char *raw = NULL;
	bool empty;

	if (left >= 4 && memcmp(p, "<!--", 4) == 0) {
		/* cut: no stage reads a comment (html_drop() unlinks
		 * them) */
		const char *q = memmem(p + 4, left - 4, "-->", 3);

		if (q == NULL)
			return false;
		sc->i = (size_t)(q - sc->s) + 3;
		return true;
	}
	if (left >= 3 && p[1] == '/' && strip_is_letter(p[2])) {
		/* an end tag: libxml2 skips to its '>' */
		const char *q = memchr(p, '>', left);

		if (q == NULL)
			return false;
		strip_copy_to(sc, (size_t)(q - sc->s) + 1);
		return true;
	}
	if (left >= 2 && p[1] == '!' && !strip_at_doctype(p, left)) {
		/* a bogus comment ("<!meta ...>"): browsers hide it up to
		 * its '>', libxml2 would show it as text */
		const char *q = memchr(p, '>', left);

		if (q == NULL)
			return false;
		sc->i = (size_t)(q - sc->s) + 1;
		return true;
	}
	if (left < 2 || !strip_is_letter(p[1])) {
		strip_copy_to(sc, sc->i + 1);
		return true;
	}
	nlen = strip_name_len(sc, sc->i + 1);
	if (nlen == 6 && strip_ncasecmp(p + 1, "script", 6) == 0)
		raw = "script";
	else if (nlen == 5 && strip_ncasecmp(p + 1, "style", 5) == 0)
		raw = "style";
	else if (nlen == 3 && strip_ncasecmp(p + 1, "svg", 3) == 0)
		raw = "svg";
	end = strip_start_tag(sc, &empty, &sc->out);
	if (end == 0)
		return false;
	tag = sc->i;
	sc->i = end;
	if (raw == NULL || (empty && raw[1] == 'v'))
		return true;
	close = strip_find_end(sc, end, raw);
	if (empty) {
		/* "/>" ends no script or style in HTML: browsers take what
		 * follows up to the end tag as its text, libxml2 as the
		 * page's */
		if (close < sc->len)
			sc->i = close;
		return true;
	}
	if (close == sc->len) {
		/* libxml2 takes the rest for the body */
		return raw[1] != 'v' ? false : true;
	}
	if (raw[1] == 'v') {
		if (strip_svg_plain(sc->s + end, close - end))
			sc->i = close;
		return true;
	}
	if (raw[1] == 'c' && strip_script_kept(sc->s + tag, end - tag,
	    sc->s + end, close - end))
		strip_copy_to(sc, close);
	else
		sc->i = close;
	return true;
}

bool
html_declares_entity(const char *s, size_t len)
{
	struct strip_scan sc = { .s = s, .len = len };

	strip_entities(&sc, len);
	return sc.entity;
}

char *
html_strip_checked(const char *s, size_t len, size_t *outlen,
    bool *entities, struct decode_check *chk)
{
	struct strip_scan sc = { .s = s, .len = len, .chk = chk };
	struct strip_index x;

	strip_index_make(&x);
	sc.index = &x;

	/* the copy is never longer than the page */
	sc.out.p = xmalloc(len + 1);
	sc.out.cap = len + 1;
	sc.out.p[0] = '\0';
	while (sc.i < len) {
		const char *lt;

		lt = strip_memchr(&sc, sc.i, '<');
		if (lt == NULL || (chk != NULL && chk->dirty))
			break;
		strip_copy_to(&sc, (size_t)(lt - s));
		if (!strip_markup(&sc))
			break;
	}
	if (chk == NULL || !chk->dirty) {
		strip_copy_to(&sc, len);
		strip_entities(&sc, len);
	}
	*entities = sc.entity;
	*outlen = sc.out.len;
	return buf_take(&sc.out);
}

char *
html_strip_raw(const char *s, size_t len, size_t *outlen, bool *entities)
{
	return html_strip_checked(s, len, outlen, entities, NULL);
}
