/* String helpers of the HTML metadata extractor. */
#include "html_meta_int.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "html_meta.h"

/* Length of the Unicode space character at s, or 0. */
static size_t
meta_space_len(const unsigned char *s)
{
	if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' ||
	    *s == '\f' || *s == '\v')
		return 1;
	if (s[0] == 0xc2 && s[1] == 0xa0)                 /* U+00A0 */
		return 2;
	if (s[0] == 0xe2 && s[1] == 0x80 &&
	    ((s[2] >= 0x80 && s[2] <= 0x8a) || s[2] == 0xaf))
		return 3;                          /* U+2000..200A, U+202F */
	if (s[0] == 0xe3 && s[1] == 0x80 && s[2] == 0x80) /* U+3000 */
		return 3;
	return 0;
}

/* Length of the character at s that a reader never sees and that only
 * splits the word it stands in, or 0: U+00AD, U+200B, U+2060, U+FEFF,
 * the set the tree leaves out of its text nodes (html_sax_invisible()).
 * Attribute values and JSON-LD strings are no text node: they lose them
 * here, so an og:title set with "&shy;" agrees with its heading. */
static size_t
meta_invisible_len(const unsigned char *s)
{
	if (s[0] == 0xc2)
		return s[1] == 0xad ? 2 : 0;
	if (s[0] == 0xe2)
		return (s[1] == 0x80 && s[2] == 0x8b) ||
		    (s[1] == 0x81 && s[2] == 0xa0) ? 3 : 0;
	return s[0] == 0xef && s[1] == 0xbb && s[2] == 0xbf ? 3 : 0;
}

/* ASCII lower case of c; other bytes unchanged. */
static unsigned
meta_lower(unsigned c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* The bytes that meta_fold_to() copies as they stand, one bit each: all
 * but NUL, the ASCII blanks and the lead bytes of the spaces and the
 * invisible characters above (0xc2, 0xe2, 0xe3, 0xef), as a table of
 * the 256 bytes read once a byte. */
#define META_PLAIN(c) ((c) > 0x20 && (c) != 0xc2 && (c) != 0xe2 && \
	(c) != 0xe3 && (c) != 0xef)
#define META_PL4(c) META_PLAIN(c), META_PLAIN((c) + 1), \
	META_PLAIN((c) + 2), META_PLAIN((c) + 3)
#define META_PL16(c) META_PL4(c), META_PL4((c) + 4), META_PL4((c) + 8), \
	META_PL4((c) + 12)
#define META_PL64(c) META_PL16(c), META_PL16((c) + 16), \
	META_PL16((c) + 32), META_PL16((c) + 48)

static const unsigned char meta_plain[256] = {
	META_PL64(0), META_PL64(64), META_PL64(128), META_PL64(192)
};

/* Folds s into d, which holds cap bytes (d may be s: the result is never
 * longer). Returns the folded length, or cap when it does not fit; d then
 * holds a NUL-terminated prefix. A run of plain bytes is copied against
 * one bound, the room left, instead of a test of the space and the
 * capacity at each byte. */
/* Makes room in d (cap bytes, o of them written) for one more byte and
 * its NUL, writing first the space a run of blanks before it left
 * (none at the start); false when they do not fit. */
static bool
meta_fold_room(char *d, size_t *o, bool *space, size_t cap)
{
	bool gap = *space && *o > 0;

	if (*o + 1 + gap >= cap)
		return false;
	if (gap)
		d[(*o)++] = ' ';
	*space = false;
	return true;
}

static size_t
meta_fold_to(char *d, const char *s, size_t cap)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t o = 0, n, stop = cap - 1;
	bool space = false;

	while (*p != '\0') {
		if (meta_plain[*p]) {
			if (!meta_fold_room(d, &o, &space, cap))
				break;
			do
				d[o++] = (char)*p++;
			while (meta_plain[*p] && o < stop);
			if (meta_plain[*p])
				break;  /* (o == stop: it does not fit) */
			continue;
		}
		/* (the spaces first: the most of what is left, and no
		 * space is an invisible character) */
		n = meta_space_len(p);
		if (n > 0) {
			space = true;
			p += n;
			continue;
		}
		n = meta_invisible_len(p);
		if (n > 0) {
			p += n;
			continue;
		}
		if (!meta_fold_room(d, &o, &space, cap))
			break;
		d[o++] = (char)*p++;
	}
	d[o] = '\0';
	return *p != '\0' ? cap : o;
}

char *
meta_fold(const char *s)
{
	size_t n;
	char *d;

	if (s == NULL)
		return NULL;
	n = strlen(s) + 1;
	d = xmalloc(n);
	(void)meta_fold_to(d, s, n);
	return d;
}

size_t
meta_fold_buf(const char *s, char *d, size_t cap)
{
	return meta_fold_to(d, s, cap);
}

const char *
meta_skip_space(const char *s)
{
	size_t n;

	for (;;) {
		n = meta_space_len((const unsigned char *)s);
		if (n == 0)
			n = meta_invisible_len((const unsigned char *)s);
		if (n == 0)
			return s;
		s += n;
	}
}

static void
meta_put_utf8(char **o, unsigned long c)
{
	unsigned char *q = (unsigned char *)*o;

	if (c == 0 || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		c = 0xfffd;
	if (c < 0x80) {
		*q++ = (unsigned char)c;
	} else if (c < 0x800) {
		*q++ = (unsigned char)(0xc0 | (c >> 6));
		*q++ = (unsigned char)(0x80 | (c & 0x3f));
	} else if (c < 0x10000) {
		*q++ = (unsigned char)(0xe0 | (c >> 12));
		*q++ = (unsigned char)(0x80 | ((c >> 6) & 0x3f));
		*q++ = (unsigned char)(0x80 | (c & 0x3f));
	} else {
		*q++ = (unsigned char)(0xf0 | (c >> 18));
		*q++ = (unsigned char)(0x80 | ((c >> 12) & 0x3f));
		*q++ = (unsigned char)(0x80 | ((c >> 6) & 0x3f));
		*q++ = (unsigned char)(0x80 | (c & 0x3f));
	}
	*o = (char *)q;
}

void
meta_unescape(char *s)
{
	char *o = s, *p = s, *end, name[12];
	const htmlEntityDesc *e;
	unsigned long c;
	size_t n;

	while (*p != '\0') {
		if (*p != '&') {
			*o++ = *p++;
			continue;
		}
		if (p[1] == '#') {
			if (p[2] == 'x' || p[2] == 'X')
				c = strtoul(p + 3, &end, 16);
			else
				c = strtoul(p + 2, &end, 10);
			if (end > p + 2 && *end == ';' && end - p < 12) {
				meta_put_utf8(&o, c);
				p = end + 1;
				continue;
			}
		} else {
			/* every entity of HTML, from libxml2's table */
			for (n = 1; n < sizeof(name) && isalnum((unsigned char)
			    p[n]); n++)
				name[n - 1] = p[n];
			name[n - 1] = '\0';
			e = n > 1 && n < sizeof(name) && p[n] == ';' ?
			    htmlEntityLookup(BAD_CAST name) : NULL;
			if (e != NULL) {
				meta_put_utf8(&o, e->value);
				p += n + 1;
				continue;
			}
		}
		*o++ = *p++;
	}
	*o = '\0';
}

/* Appends text s to b up to the byte that makes *left bytes other than
 * ASCII white space read (and the rest of its character), no further:
 * a text node of megabytes costs what the bound asks. */
static void
meta_text_put(struct buf *b, const unsigned char *s, size_t *left)
{
	const unsigned char *p;

	for (p = s; *p != '\0' && *left > 0; p++)
		if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r' &&
		    *p != '\f')
			(*left)--;
	while ((*p & 0xc0) == 0x80)
		p++;
	buf_append(b, (const char *)s, (size_t)(p - s));
}

/* Appends the text under n to b until *left bytes other than ASCII
 * white space have been read: the folded text is at least that long
 * then, while markup's indentation (which folding drops) does not count,
 * so that a short text is never cut to look shorter still. */
static void
meta_text_rec(xmlNodePtr n, struct buf *b, size_t *left, int depth)
{
	enum meta_tag tag;

	for (; n != NULL && *left > 0; n = n->next) {
		if (n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE) {
			if (n->content != NULL)
				meta_text_put(b, n->content, left);
		} else if (n->type == XML_ELEMENT_NODE && depth < 64) {
			tag = meta_tag_of(n->name);
			if (tag == MT_SCRIPT || tag == MT_STYLE ||
			    tag == MT_NOSCRIPT)
				continue;
			if (tag == MT_BR)
				buf_putc(b, ' ');
			meta_text_rec(n->children, b, left, depth + 1);
			buf_putc(b, ' ');
		}
	}
}

char *
meta_node_text(xmlNodePtr node, size_t max)
{
	struct buf b = {0};

	buf_puts(&b, "");
	if (node->type == XML_ELEMENT_NODE)
		meta_text_rec(node->children, &b, &max, 0);
	else if (node->content != NULL)
		meta_text_put(&b, node->content, &max);
	(void)meta_fold_to(b.p, b.p, b.len + 1);
	return buf_take(&b);
}

/* meta_squash() of s[0..n), or of s up to a NUL before n, into d, which
 * holds n + 1 bytes (the result is never longer). Returns its length. */
size_t
meta_squash_to(const char *s, size_t n, char *d)
{
	const unsigned char *p = (const unsigned char *)s;
	const unsigned char *end = p + n;
	unsigned char p1, p2;
	size_t o = 0;

	while (p < end && *p != '\0') {
		p1 = p + 1 < end ? p[1] : 0;
		p2 = p1 != 0 && p + 2 < end ? p[2] : 0;
		if (*p < 0x80) {
			if (isalnum(*p))
				d[o++] = (char)tolower(*p);
			p++;
		} else if (p[0] == 0xe2 && p1 == 0x80 && p2 != '\0' &&
		    ((p2 >= 0x90 && p2 <= 0xa7) || p2 == 0xb9 ||
		    p2 == 0xba)) {
			p += 3;  /* dashes, quotes, bullets, ellipsis */
		} else if (p[0] == 0xc2 && (p1 == 0xab || p1 == 0xbb ||
		    p1 == 0xa0 || p1 == 0xb7)) {
			p += 2;  /* guillemets, no-break space, middle dot */
		} else if (p[0] == 0xc3 && p1 >= 0x80 && p1 <= 0x9e &&
		    p1 != 0x97) {
			d[o++] = (char)0xc3;  /* Latin-1 capitals */
			d[o++] = (char)(p1 + 0x20);
			p += 2;
		} else {
			d[o++] = (char)*p++;
		}
	}
	d[o] = '\0';
	return o;
}

char *
meta_squash(const char *s)
{
	size_t n = s != NULL ? strlen(s) : 0;
	char *d = xmalloc(n + 1);

	(void)meta_squash_to(s != NULL ? s : "", n, d);
	return d;
}

/* Room for squashing short strings without an allocation. */
#define META_SQ_STACK 256

/* meta_squash_to() of s[0..n) into stack (META_SQ_STACK bytes) when it
 * fits, else into a new allocation stored in *heap (freed by the
 * caller); returns the squashed string. */
static char *
meta_squash_tmp(const char *s, size_t n, char *stack, char **heap)
{
	char *d = stack;

	*heap = NULL;
	if (n >= META_SQ_STACK) {
		*heap = xmalloc(n + 1);
		d = *heap;
	}
	(void)meta_squash_to(s, n, d);
	return d;
}

bool
meta_same(const char *a, const char *b)
{
	char sa[META_SQ_STACK], sb[META_SQ_STACK], *ha, *hb, *x, *y;
	bool same;

	if (a == NULL || b == NULL)
		return false;
	x = meta_squash_tmp(a, strlen(a), sa, &ha);
	y = meta_squash_tmp(b, strlen(b), sb, &hb);
	same = x[0] != '\0' && strcmp(x, y) == 0;
	free(ha);
	free(hb);
	return same;
}

bool
meta_is_site(const char *p, size_t n, const char *const *sites)
{
	char sp[META_SQ_STACK], ssb[META_SQ_STACK], *hp, *hs, *sq, *ss;
	bool yes = false;
	size_t i, lp, ls;

	sq = meta_squash_tmp(p, n, sp, &hp);
	lp = strlen(sq);
	for (i = 0; sites[i] != NULL && !yes && lp > 0; i++) {
		ss = meta_squash_tmp(sites[i], strlen(sites[i]), ssb, &hs);
		ls = strlen(ss);
		if (ls > 0 && strcmp(sq, ss) == 0)
			yes = true;
		/* "SPIEGEL ONLINE" for spiegel.de, "heise" in "heise
		 * online": a short part holding the site's name */
		else if (ls >= 4 && lp <= 3 * ls && strstr(sq, ss) != NULL)
			yes = true;
		else if (lp >= 4 && ls <= 2 * lp && strstr(ss, sq) != NULL)
			yes = true;
		free(hs);
	}
	free(hp);
	return yes;
}

/* True when a word of h of four bytes or more is a word of t too
 * (ASCII case folded). */
bool
meta_shares_word(const char *h, const char *t)
{
	const char *w = h, *e, *p;
	size_t l;

	for (; *w != '\0'; w = e) {
		while (*w == ' ')
			w++;
		for (e = w; *e != '\0' && *e != ' '; e++)
			;
		l = (size_t)(e - w);
		for (p = t; l >= 4 && *p != '\0'; p++)
			if (strncasecmp(p, w, l) == 0 &&
			    (p == t || p[-1] == ' ') &&
			    (p[l] == '\0' || p[l] == ' '))
				return true;
	}
	return false;
}

/* FNV-1a of s. */
static uint32_t
meta_key_hash(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* The slot of key in c's key table: its own, or the free one it would
 * take. */
static size_t
meta_key_slot(const struct meta_cands *c, const char *key)
{
	size_t s = meta_key_hash(key) & (c->kcap - 1);

	while (c->khead[s] != 0 &&
	    strcmp(c->keys.v[c->khead[s] - 1], key) != 0)
		s = (s + 1) & (c->kcap - 1);
	return s;
}

void
meta_index_keys(struct meta_cands *c)
{
	size_t i, s;

	c->kcap = 16;
	while (c->kcap < 2 * c->keys.n)
		c->kcap *= 2;
	c->khead = xcalloc(c->kcap, sizeof(*c->khead));
	c->knext = xcalloc(c->keys.n + 1, sizeof(*c->knext));
	/* from the last, so that each chain runs in document order */
	for (i = c->keys.n; i-- > 0;) {
		s = meta_key_slot(c, c->keys.v[i]);
		c->knext[i] = c->khead[s];
		c->khead[s] = (uint32_t)(i + 1);
	}
}

size_t
meta_key_first(const struct meta_cands *c, const char *key)
{
	return c->khead == NULL ? 0 : c->khead[meta_key_slot(c, key)];
}

const char *
meta_get(const struct meta_cands *c, const char *const *keys, size_t nkeys)
{
	size_t i, k;

	for (k = 0; k < nkeys; k++)
		META_EACH_KEY(c, keys[k], i)
			if (c->vals.v[i - 1][0] != '\0')
				return c->vals.v[i - 1];
	return NULL;
}

enum meta_tag
meta_tag_of(const xmlChar *name)
{
	char l[8];
	size_t n;

	if (name == NULL)
		return MT_OTHER;
	for (n = 0; name[n] != '\0'; n++) {
		if (n == sizeof(l))
			return MT_OTHER;  /* longer than "noscript" */
		l[n] = (char)meta_lower(name[n]);
	}
	switch (n) {
	case 1:
		return l[0] == 'a' ? MT_A : MT_OTHER;
	case 2:
		if (l[0] == 'b' && l[1] == 'r')
			return MT_BR;
		if (l[0] != 'h')
			return MT_OTHER;
		return l[1] == '1' ? MT_H1 : l[1] == '2' ? MT_H2 :
		    l[1] == '3' ? MT_H3 : MT_OTHER;
	case 3:
		return memcmp(l, "img", 3) == 0 ? MT_IMG :
		    memcmp(l, "svg", 3) == 0 ? MT_SVG : MT_OTHER;
	case 4:
		return memcmp(l, "abbr", 4) == 0 ? MT_ABBR :
		    memcmp(l, "body", 4) == 0 ? MT_BODY :
		    memcmp(l, "head", 4) == 0 ? MT_HEAD :
		    memcmp(l, "html", 4) == 0 ? MT_HTML :
		    memcmp(l, "link", 4) == 0 ? MT_LINK :
		    memcmp(l, "meta", 4) == 0 ? MT_META :
		    memcmp(l, "time", 4) == 0 ? MT_TIME : MT_OTHER;
	case 5:
		return memcmp(l, "style", 5) == 0 ? MT_STYLE :
		    memcmp(l, "title", 5) == 0 ? MT_TITLE : MT_OTHER;
	case 6:
		return memcmp(l, "script", 6) == 0 ? MT_SCRIPT : MT_OTHER;
	case 8:
		return memcmp(l, "noscript", 8) == 0 ? MT_NOSCRIPT :
		    MT_OTHER;
	default:
		return MT_OTHER;
	}
}

/* The words of enum meta_cw, lower case. */
static const char *const meta_cw_words[CW_NWORDS] = {
	[CW_AUTHOR] = "author", [CW_AUTOR] = "autor",
	[CW_BYLINE] = "byline", [CW_CAPTION] = "caption",
	[CW_COMMENT] = "comment", [CW_COPYRIGHT] = "copyright",
	[CW_CREDIT] = "credit", [CW_ENTRY_DATE] = "entry-date",
	[CW_LICENSE] = "license", [CW_MODIFIED] = "modified",
	[CW_POST_DATE] = "post-date", [CW_PUBLISH] = "publish",
	[CW_PUBLISHED] = "published", [CW_RESPOND] = "respond",
	[CW_UPDATED] = "updated", [CW_VERFASSER] = "verfasser",
	[CW_WRITER] = "writer",
};

/* 1 to 26 for the ASCII letters of either case, 0 for other bytes. */
#define CW_LET(c) [c] = (c) - 'a' + 1, [(c) - 'a' + 'A'] = (c) - 'a' + 1
static const unsigned char meta_cw_letter[256] = {
	CW_LET('a'), CW_LET('b'), CW_LET('c'), CW_LET('d'), CW_LET('e'),
	CW_LET('f'), CW_LET('g'), CW_LET('h'), CW_LET('i'), CW_LET('j'),
	CW_LET('k'), CW_LET('l'), CW_LET('m'), CW_LET('n'), CW_LET('o'),
	CW_LET('p'), CW_LET('q'), CW_LET('r'), CW_LET('s'), CW_LET('t'),
	CW_LET('u'), CW_LET('v'), CW_LET('w'), CW_LET('x'), CW_LET('y'),
	CW_LET('z'),
};

/* By meta_cw_letter[] of the first letter: the range [from, to) of enum
 * meta_cw words that open with it (the enum is in alphabetical order). */
#define CW_I(c) [(c) - 'a' + 1]
static const unsigned char meta_cw_first[27][2] = {
	CW_I('a') = {CW_AUTHOR, CW_BYLINE},
	CW_I('b') = {CW_BYLINE, CW_CAPTION},
	CW_I('c') = {CW_CAPTION, CW_ENTRY_DATE},
	CW_I('e') = {CW_ENTRY_DATE, CW_LICENSE},
	CW_I('l') = {CW_LICENSE, CW_MODIFIED},
	CW_I('m') = {CW_MODIFIED, CW_POST_DATE},
	CW_I('p') = {CW_POST_DATE, CW_RESPOND},
	CW_I('r') = {CW_RESPOND, CW_UPDATED},
	CW_I('u') = {CW_UPDATED, CW_VERFASSER},
	CW_I('v') = {CW_VERFASSER, CW_WRITER},
	CW_I('w') = {CW_WRITER, CW_NWORDS},
};

/* By the first letter, as above: a bit (1 << meta_cw_letter[]) for each
 * second letter a word opens with; a position whose two letters no word
 * opens with is passed over without a branch per word. */
#define CW_L(c) ((uint32_t)1 << ((c) - 'a' + 1))
static const uint32_t meta_cw_second[27] = {
	CW_I('a') = CW_L('u'),
	CW_I('b') = CW_L('y'),
	CW_I('c') = CW_L('a') | CW_L('o') | CW_L('r'),
	CW_I('e') = CW_L('n'),
	CW_I('l') = CW_L('i'),
	CW_I('m') = CW_L('o'),
	CW_I('p') = CW_L('o') | CW_L('u'),
	CW_I('r') = CW_L('e'),
	CW_I('u') = CW_L('p'),
	CW_I('v') = CW_L('e'),
	CW_I('w') = CW_L('r'),
};

const char *
html_meta_class_word(unsigned k)
{
	return k < CW_NWORDS ? meta_cw_words[k] : NULL;
}

uint64_t
meta_cw_scan(const char *v)
{
	const unsigned char *p, *q;
	const char *w;
	uint64_t m = 0;
	unsigned c, c2, k;

	if (v == NULL)
		return 0;
	p = (const unsigned char *)v;
	c = meta_cw_letter[*p];
	for (; *p != '\0'; p++, c = c2) {
		c2 = meta_cw_letter[p[1]];
		if ((meta_cw_second[c] & ((uint32_t)1 << c2) & ~1u) == 0)
			continue;
		for (k = meta_cw_first[c][0]; k < meta_cw_first[c][1]; k++) {
			if ((m & CW(k)) != 0)
				continue;
			w = meta_cw_words[k] + 1;
			for (q = p + 1; *w != '\0' &&
			    meta_lower(*q) == (unsigned char)*w; q++)
				w++;
			if (*w == '\0')
				m |= CW(k);
		}
	}
	return m;
}
