/* DOM helpers of the HTML extractor. See html_dom.h. */
#include "html_dom.h"

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "hash.h"
#include "util.h"
#include "html_meta.h"
#include "html_rec.h"
#include "html_strip.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

struct html_tagdef {
	const char *name;
	unsigned cls;
	enum html_kind kind;
};

#define B HTML_T_BLOCK
#define P HTML_T_PARA
#define PT HTML_T_PTEXT

/* Sorted by name for bsearch. */
static const struct html_tagdef html_tags[] = {
	{ "a", 0, HTML_K_A },
	{ "address", B | P, HTML_K_OTHER },
	{ "applet", HTML_T_DROP, HTML_K_OTHER },
	{ "area", HTML_T_DROP, HTML_K_OTHER },
	{ "article", B, HTML_K_ARTICLE },
	{ "aside", B | HTML_T_CHROME, HTML_K_OTHER },
	{ "audio", HTML_T_DROP, HTML_K_OTHER },
	{ "base", HTML_T_DROP, HTML_K_OTHER },
	{ "blockquote", B | P | PT, HTML_K_OTHER },
	{ "body", B, HTML_K_BODY },
	{ "br", 0, HTML_K_BR },
	{ "button", HTML_T_DROP, HTML_K_OTHER },
	{ "canvas", HTML_T_DROP, HTML_K_OTHER },
	{ "caption", B, HTML_K_OTHER },
	{ "center", B, HTML_K_DIV },
	{ "datalist", HTML_T_DROP, HTML_K_OTHER },
	{ "dd", B | P, HTML_K_OTHER },
	{ "details", B, HTML_K_OTHER },
	{ "dialog", HTML_T_DROP, HTML_K_OTHER },
	{ "dir", B | HTML_T_LIST, HTML_K_OTHER },
	{ "div", B, HTML_K_DIV },
	{ "dl", B | HTML_T_LIST, HTML_K_OTHER },
	{ "dt", B | P, HTML_K_OTHER },
	{ "embed", HTML_T_DROP, HTML_K_OTHER },
	{ "fieldset", B, HTML_K_OTHER },
	{ "figcaption", B, HTML_K_FIGCAPTION },
	{ "figure", B, HTML_K_FIGURE },
	{ "footer", B | HTML_T_CHROME, HTML_K_OTHER },
	{ "form", B, HTML_K_OTHER },
	{ "frame", HTML_T_DROP, HTML_K_OTHER },
	{ "frameset", HTML_T_DROP, HTML_K_OTHER },
	{ "h1", B | HTML_T_HEAD, HTML_K_H1 },
	{ "h2", B | P | HTML_T_HEAD, HTML_K_OTHER },
	{ "h3", B | P | HTML_T_HEAD, HTML_K_OTHER },
	{ "h4", B | P | HTML_T_HEAD, HTML_K_OTHER },
	{ "h5", B | P | HTML_T_HEAD, HTML_K_OTHER },
	{ "h6", B | P | HTML_T_HEAD, HTML_K_OTHER },
	{ "head", HTML_T_DROP, HTML_K_OTHER },
	{ "header", B | HTML_T_CHROME, HTML_K_OTHER },
	{ "hgroup", B, HTML_K_OTHER },
	{ "hr", B, HTML_K_HR },
	{ "html", B, HTML_K_OTHER },
	{ "iframe", HTML_T_DROP, HTML_K_OTHER },
	{ "img", 0, HTML_K_IMG },
	{ "input", HTML_T_DROP, HTML_K_CONTROL },
	{ "label", HTML_T_DROP, HTML_K_OTHER },
	{ "legend", B, HTML_K_OTHER },
	{ "li", B | P, HTML_K_LI },
	{ "link", HTML_T_DROP, HTML_K_OTHER },
	{ "main", B, HTML_K_MAIN },
	{ "map", HTML_T_DROP, HTML_K_OTHER },
	{ "math", HTML_T_DROP, HTML_K_OTHER },
	{ "menu", B | HTML_T_LIST, HTML_K_OTHER },
	{ "meta", HTML_T_DROP, HTML_K_OTHER },
	{ "nav", B | HTML_T_CHROME, HTML_K_OTHER },
	{ "noembed", HTML_T_DROP, HTML_K_OTHER },
	{ "noframes", HTML_T_DROP, HTML_K_OTHER },
	{ "noscript", HTML_T_DROP, HTML_K_OTHER },
	{ "object", HTML_T_DROP, HTML_K_OTHER },
	{ "ol", B | HTML_T_LIST, HTML_K_OTHER },
	{ "optgroup", HTML_T_DROP, HTML_K_OTHER },
	{ "option", HTML_T_DROP, HTML_K_OTHER },
	{ "output", HTML_T_DROP, HTML_K_OTHER },
	{ "p", B | P | PT, HTML_K_P },
	{ "param", HTML_T_DROP, HTML_K_OTHER },
	{ "picture", 0, HTML_K_PICTURE },
	{ "pre", B | P | PT, HTML_K_OTHER },
	{ "progress", HTML_T_DROP, HTML_K_OTHER },
	/* ruby annotations: the reading of the base text above it (the
	 * kana over Japanese kanji, the pinyin over Chinese), not text */
	{ "rp", HTML_T_DROP, HTML_K_OTHER },
	{ "rt", HTML_T_DROP, HTML_K_OTHER },
	{ "script", HTML_T_DROP, HTML_K_OTHER },
	{ "section", B, HTML_K_SECTION },
	{ "select", HTML_T_DROP, HTML_K_CONTROL },
	{ "source", HTML_T_DROP, HTML_K_OTHER },
	{ "style", HTML_T_DROP, HTML_K_OTHER },
	{ "summary", B, HTML_K_OTHER },
	{ "svg", HTML_T_DROP, HTML_K_OTHER },
	{ "table", B, HTML_K_TABLE },
	{ "tbody", B, HTML_K_OTHER },
	{ "td", B | P, HTML_K_TD },
	{ "template", HTML_T_DROP, HTML_K_OTHER },
	{ "textarea", HTML_T_DROP, HTML_K_CONTROL },
	{ "tfoot", B, HTML_K_OTHER },
	{ "th", B | P, HTML_K_TD },
	{ "thead", B, HTML_K_OTHER },
	{ "title", HTML_T_DROP, HTML_K_OTHER },
	{ "tr", B, HTML_K_TR },
	{ "track", HTML_T_DROP, HTML_K_OTHER },
	{ "ul", B | HTML_T_LIST, HTML_K_OTHER },
	{ "video", HTML_T_DROP, HTML_K_OTHER },
};

#undef B
#undef P
#undef PT

/* strcmp() of a name with html_tags[i]'s, inline: the probes of a
 * search mostly differ at the first letter. */
static int
html_tag_cmp(const char *k, size_t i)
{
	const unsigned char *a = (const unsigned char *)k;
	const unsigned char *b = (const unsigned char *)html_tags[i].name;

	while (*a == *b && *a != '\0') {
		a++;
		b++;
	}
	return (int)*a - (int)*b;
}

unsigned
html_tag_class(const xmlChar *name, enum html_kind *kind)
{
	size_t lo = 0, hi = NELEM(html_tags);

	*kind = HTML_K_OTHER;
	if (name == NULL)
		return 0;
	/* a binary search of the sorted table, without bsearch()'s call
	 * per probe: this runs for every element, several times */
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = html_tag_cmp((const char *)name, mid);

		if (c == 0) {
			*kind = html_tags[mid].kind;
			return html_tags[mid].cls;
		}
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

const char *
html_attr(const xmlNode *n, const char *name)
{
	assert(html_strip_attr_kept_on((const char *)n->name, name));
	for (const xmlAttr *at = n->properties; at != NULL; at = at->next) {
		if (at->name == NULL || strcmp((const char *)at->name, name))
			continue;
		if (at->children == NULL || at->children->content == NULL)
			return "";
		return (const char *)at->children->content;
	}
	return NULL;
}

/* Substrings of class and id values that set a signal, with the codes of
 * their first and second pairs of letters (HTML_NOPAIR when one is not a
 * letter), so that one loop with two bit tests per pattern reads them all
 * and calls strstr() for few. */
#define HTML_PAIR(a, b) ((unsigned)(((a) - 'a') * 26 + ((b) - 'a')))
#define HTML_NOPAIR 0xffffu

struct html_pattern {
	const char *sub;
	unsigned pair;    /* letters 1 and 2 */
	unsigned pair2;   /* letters 2 and 3 */
	unsigned sig;
};

static const struct html_pattern html_patterns[] = {
	/* boilerplate, in the languages of the web: share bars,
	 * comments, related links, newsletter and donation boxes,
	 * cookie and paywall notices, banners, bylines, captions */
	{ "banner", HTML_PAIR('b', 'a'), HTML_PAIR('a', 'n'), HTML_S_JUNK },
	{ "breadcrumb", HTML_PAIR('b', 'r'), HTML_PAIR('r', 'e'), HTML_S_JUNK },
	{ "byline", HTML_PAIR('b', 'y'), HTML_PAIR('y', 'l'), HTML_S_JUNK },
	{ "caption", HTML_PAIR('c', 'a'), HTML_PAIR('a', 'p'), HTML_S_JUNK },
	{ "comment", HTML_PAIR('c', 'o'), HTML_PAIR('o', 'm'), HTML_S_JUNK },
	{ "cookie", HTML_PAIR('c', 'o'), HTML_PAIR('o', 'o'), HTML_S_JUNK },
	{ "copyright", HTML_PAIR('c', 'o'), HTML_PAIR('o', 'p'), HTML_S_JUNK },
	{ "credit", HTML_PAIR('c', 'r'), HTML_PAIR('r', 'e'), HTML_S_JUNK },
	{ "footer", HTML_PAIR('f', 'o'), HTML_PAIR('o', 'o'), HTML_S_JUNK },
	{ "menu", HTML_PAIR('m', 'e'), HTML_PAIR('e', 'n'), HTML_S_JUNK },
	{ "newsletter", HTML_PAIR('n', 'e'), HTML_PAIR('e', 'w'), HTML_S_JUNK },
	{ "related", HTML_PAIR('r', 'e'), HTML_PAIR('e', 'l'), HTML_S_JUNK },
	{ "share", HTML_PAIR('s', 'h'), HTML_PAIR('h', 'a'), HTML_S_JUNK },
	{ "sidebar", HTML_PAIR('s', 'i'), HTML_PAIR('i', 'd'), HTML_S_JUNK },
	{ "widget", HTML_PAIR('w', 'i'), HTML_PAIR('i', 'd'), HTML_S_JUNK },
	/* signs of article content */
	{ "article", HTML_PAIR('a', 'r'), HTML_PAIR('r', 't'), HTML_S_POS },
	{ "body", HTML_PAIR('b', 'o'), HTML_PAIR('o', 'd'), HTML_S_POS },
	{ "content", HTML_PAIR('c', 'o'), HTML_PAIR('o', 'n'), HTML_S_POS },
	{ "text", HTML_PAIR('t', 'e'), HTML_PAIR('e', 'x'), HTML_S_POS },
	/* photo credits and copyright lines */
	{ "credit", HTML_PAIR('c', 'r'), HTML_PAIR('r', 'e'), HTML_S_CREDIT },
	{ "copyright", HTML_PAIR('c', 'o'),
	    HTML_PAIR('o', 'p'), HTML_S_CREDIT },
	{ "quelle", HTML_PAIR('q', 'u'), HTML_PAIR('u', 'e'), HTML_S_CREDIT },
	{ "source", HTML_PAIR('s', 'o'), HTML_PAIR('o', 'u'), HTML_S_CREDIT },
	{ "attribution", HTML_PAIR('a', 't'),
	    HTML_PAIR('t', 't'), HTML_S_CREDIT },
	{ "author", HTML_PAIR('a', 'u'), HTML_PAIR('u', 't'), HTML_S_CREDIT },
	{ "byline", HTML_PAIR('b', 'y'), HTML_PAIR('y', 'l'), HTML_S_CREDIT },
	{ "autor", HTML_PAIR('a', 'u'), HTML_PAIR('u', 't'), HTML_S_CREDIT },
	/* the article's body ("article-body", "entry-content"...) */
	{ "articlebody", HTML_PAIR('a', 'r'),
	    HTML_PAIR('r', 't'), HTML_S_BODY },
	{ "article-body", HTML_PAIR('a', 'r'),
	    HTML_PAIR('r', 't'), HTML_S_BODY },
	{ "entry-content", HTML_PAIR('e', 'n'),
	    HTML_PAIR('n', 't'), HTML_S_BODY },
	/* a header: the site's, or the article's */
	{ "header", HTML_PAIR('h', 'e'), HTML_PAIR('e', 'a'), HTML_S_HEADER },
};

/* Whole tokens (class and id values split at non-alphanumerics) that mark
 * boilerplate; too short to be matched as substrings. Not "tag": WordPress
 * classes every post's container by its tags ("post tag-politics"). */
static const char *const html_junk_tok[] = {
	"author", "bio", "meta", "more", "print", "timestamp",
};

static int
html_letter(char c)
{
	return c >= 'a' && c <= 'z' ? c - 'a' : -1;
}

/* The first letters of the names of list, one bit each (bit 26: a name
 * that does not begin with a letter a-z). */
static uint32_t
html_firsts(const char *const *list, size_t n)
{
	uint32_t m = 0;

	for (size_t i = 0; i < n; i++)
		m |= list[i][0] >= 'a' && list[i][0] <= 'z' ?
		    (uint32_t)1 << (list[i][0] - 'a') : (uint32_t)1 << 26;
	return m;
}

/* Whether a name of list may begin with c, by the bits of firsts. */
static bool
html_may_begin(uint32_t firsts, char c)
{
	if (c >= 'a' && c <= 'z')
		return (firsts >> (c - 'a')) & 1;
	return (firsts >> 26) & 1;
}

/* Whether s holds a whole token (a run of a-z and 0-9) of list, whose
 * first letters are firsts (html_firsts()). */
static bool
html_has_tok(const char *s, const char *const *list, size_t n,
    uint32_t firsts)
{
	const char *p = s;

	while (*p != '\0') {
		const char *q;
		size_t len;

		while (*p != '\0' && !((*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9')))
			p++;
		q = p;
		while (*q != '\0' && ((*q >= 'a' && *q <= 'z') ||
		    (*q >= '0' && *q <= '9')))
			q++;
		len = (size_t)(q - p);
		if (len > 0 && !html_may_begin(firsts, p[0]))
			len = 0;
		for (size_t i = 0; len > 0 && i < n; i++)
			if (list[i][0] == p[0] &&
			    strncmp(list[i], p, len) == 0 &&
			    list[i][len] == '\0')
				return true;
		p = q;
	}
	return false;
}


#define HTML_ONES 0x0101010101010101ULL
#define HTML_HIGHS 0x8080808080808080ULL

/* Whether the word w holds a byte below 0x21: a space, tab or newline
 * may end a name there (other control bytes are sorted out a byte at a
 * time). */
static bool
html_word_has_space(uint64_t w)
{
	return ((w - HTML_ONES * 0x21) & ~w & HTML_HIGHS) != 0;
}

/* The word w with its bytes A-Z lower-cased, the others as they are. */
static uint64_t
html_word_lower(uint64_t w)
{
	uint64_t h = w & ~HTML_HIGHS;
	uint64_t ge_a = h + HTML_ONES * (0x80 - 'A');
	uint64_t gt_z = h + HTML_ONES * (0x7f - 'Z');

	return w | (((ge_a ^ gt_z) & ~w & HTML_HIGHS) >> 2);
}

/* Lower-cases the space-separated names of src into dst (size dstlen),
 * appending after *len. Eight bytes at a time where the word holds no
 * space and dst has room (a name's last few bytes and the spaces a byte
 * at a time): a byte at a time this was a third of a new class value's
 * signals. */
static void
html_lower_append(char *dst, size_t dstlen, size_t *len, const char *src)
{
	size_t l = *len, n, i = 0;

	if (src == NULL)
		return;
	n = strlen(src);
	while (i < n && l + 1 < dstlen) {
		while (i < n && (src[i] == ' ' || src[i] == '\t' ||
		    src[i] == '\n'))
			i++;
		if (i == n)
			break;
		dst[l++] = ' ';
		for (;;) {
			uint64_t w;
			char c;

			if (i + 8 <= n && l + 8 < dstlen) {
				memcpy(&w, src + i, 8);
				if (!html_word_has_space(w)) {
					w = html_word_lower(w);
					memcpy(dst + l, &w, 8);
					i += 8;
					l += 8;
					continue;
				}
			}
			c = src[i];
			if (i == n || c == ' ' || c == '\t' || c == '\n' ||
			    l + 1 >= dstlen)
				break;
			if (c >= 'A' && c <= 'Z')
				c = (char)(c - 'A' + 'a');
			dst[l++] = c;
			i++;
		}
	}
	*len = l;
	dst[l] = '\0';
}

/* Whether the space-separated list s holds one of the names in list,
 * whose first letters are firsts (html_firsts()). */
static bool
html_has_name(const char *s, const char *const *list, size_t n,
    uint32_t firsts)
{
	while (*s != '\0') {
		size_t l;

		while (*s == ' ')
			s++;
		if (*s == '\0')
			break;
		if (!html_may_begin(firsts, s[0])) {
			s += strcspn(s, " ");
			continue;
		}
		l = strcspn(s, " ");
		for (size_t i = 0; l > 0 && i < n; i++)
			if (list[i][0] == s[0] && strncmp(list[i], s, l) == 0 &&
			    list[i][l] == '\0')
				return true;
		s += l;
	}
	return false;
}

/* The attributes of n that html_signals() reads. */
struct html_sigattrs {
	const char *cls, *id, *aria, *style, *itemprop;
	bool hidden;
};

static void
html_sigattrs_of(const xmlNode *n, struct html_sigattrs *sa)
{
	memset(sa, 0, sizeof(*sa));
	for (const xmlAttr *at = n->properties; at != NULL; at = at->next) {
		const char *name = (const char *)at->name;
		const char *v = "";

		if (name == NULL)
			continue;
		if (at->children != NULL && at->children->content != NULL)
			v = (const char *)at->children->content;
		switch (name[0]) {
		case 'a':
			if (strcmp(name, "aria-hidden") == 0)
				sa->aria = v;
			break;
		case 'c':
			if (strcmp(name, "class") == 0)
				sa->cls = v;
			break;
		case 'h':
			if (strcmp(name, "hidden") == 0)
				sa->hidden = true;
			break;
		case 'i':
			if (strcmp(name, "id") == 0)
				sa->id = v;
			else if (strcmp(name, "itemprop") == 0)
				sa->itemprop = v;
			break;
		case 's':
			if (strcmp(name, "style") == 0)
				sa->style = v;
			break;
		default:
			break;
		}
	}
}

/* Whether itemprop value v names a part of a schema.org Recipe that is
 * its text: the ingredients (recipeIngredient, and the older
 * ingredients) and the steps (recipeInstructions). */
static bool
html_recipe_prop(const char *v)
{
	static const char *const props[] = {
		"recipeIngredient", "ingredients", "recipeInstructions",
	};

	for (size_t i = 0; i < NELEM(props); i++)
		if (strcmp(v, props[i]) == 0)
			return true;
	return false;
}

/* The signals of the attributes other than class and id. */
static unsigned
html_signals_other(const struct html_sigattrs *sa)
{
	unsigned sig = 0;

	if (sa->itemprop != NULL && html_recipe_prop(sa->itemprop))
		sig |= HTML_S_RECIPE;
	if (sa->hidden)
		sig |= HTML_S_HIDDEN | HTML_S_UNSHOWN;
	if (sa->aria != NULL && strcmp(sa->aria, "true") == 0)
		sig |= HTML_S_HIDDEN | HTML_S_UNSHOWN;
	if (sa->style != NULL && html_style_hidden(sa->style))
		sig |= HTML_S_HIDDEN | HTML_S_UNSHOWN;
	return sig;
}

/* Class names that hide an element at every screen size. "hidden" and
 * "d-none" are not among them: CSS frameworks pair them with a breakpoint
 * class that shows the element on wide screens ("hidden md:block",
 * "d-none d-md-block"). The frameworks' names of text for screen readers
 * ("sr-only", "screen-reader-text", "visually-hidden"...) decided no page
 * of 780 (round 14): the hidden attribute, aria-hidden and an inline
 * display:none say it in any markup. */
static const char *const html_hidden_names[] = {
	"hide",
};

/* The code of the pair of letters a, b, or HTML_NOPAIR. */
static unsigned
html_pair_code(char a, char b)
{
	int x = html_letter(a), y = html_letter(b);

	return x >= 0 && y >= 0 ? (unsigned)(x * 26 + y) : HTML_NOPAIR;
}

bool
html_patterns_consistent(void)
{
	for (size_t i = 0; i < NELEM(html_patterns); i++) {
		const char *w = html_patterns[i].sub;

		if (html_patterns[i].pair != html_pair_code(w[0], w[1]) ||
		    html_patterns[i].pair2 != (w[1] != '\0' ?
		    html_pair_code(w[1], w[2]) : HTML_NOPAIR))
			return false;
	}
	return true;
}

/* 1 + the letter a-z that each byte is, 0 for the others: the pair
 * scan's look-up of a byte, without html_letter()'s two tests. */
static const unsigned char html_lcode[256] = {
	['a'] = 1, ['b'] = 2, ['c'] = 3, ['d'] = 4, ['e'] = 5, ['f'] = 6,
	['g'] = 7, ['h'] = 8, ['i'] = 9, ['j'] = 10, ['k'] = 11, ['l'] = 12,
	['m'] = 13, ['n'] = 14, ['o'] = 15, ['p'] = 16, ['q'] = 17, ['r'] = 18,
	['s'] = 19, ['t'] = 20, ['u'] = 21, ['v'] = 22, ['w'] = 23, ['x'] = 24,
	['y'] = 25, ['z'] = 26,
};

/* The index in html_patindex's head of the pair of bytes a, b: a row
 * and a column of 27, the first (0) for a byte that is no letter, where
 * no pattern begins. */
static unsigned
html_head_code(char a, char b)
{
	return html_lcode[(unsigned char)a] * 27u +
	    html_lcode[(unsigned char)b];
}

/* Room for the metadata's class words (html_meta_class_word()) in the
 * index below. */
#define HTML_PATWORDS 24
#define HTML_NPAT NELEM(html_patterns)

/* html_patterns indexed by their first pair of letters: the patterns of
 * each pair chained through next, so that a name is read once, each
 * position trying only the patterns that begin with its two letters
 * (most positions none), instead of every pattern being sought in the
 * whole name. Patterns that do not begin with two letters are sought
 * whole (strstr()), as all were. Entries HTML_NPAT on are the
 * metadata's class words (all begin with two letters), each after the
 * patterns in its chain, so that the scan of a new class value finds
 * both in one pass (html_signals_class_words()) and a scan that seeks
 * no word stops at the first. Built from the tables on a page's first
 * class name. */
struct html_patindex {
	unsigned char head[27 * 27];          /* 1 + the first entry */
	unsigned char next[HTML_NPAT + HTML_PATWORDS];  /* 1 + the next */
	unsigned char len[HTML_NPAT + HTML_PATWORDS];
	unsigned char odd[HTML_NPAT];   /* the patterns sought whole */
	size_t n_odd;
	const char *word[HTML_PATWORDS];  /* html_meta_class_word() */
	uint32_t junk_firsts, hidden_firsts;  /* html_firsts() of the lists */
};

_Static_assert(HTML_NPAT + HTML_PATWORDS < 255,
    "html_patindex holds bytes");

static void
html_patindex_build(struct html_patindex *x)
{
	unsigned n_words = 0;

	memset(x, 0, sizeof(*x));
	while (html_meta_class_word(n_words) != NULL) {
		assert(n_words < HTML_PATWORDS);
		x->word[n_words] = html_meta_class_word(n_words);
		n_words++;
	}
	/* the words first, so that each chain ends with them */
	for (size_t k = n_words; k-- > 0;) {
		const char *w = x->word[k];
		unsigned h = html_head_code(w[0], w[1]);

		assert(h >= 27 && h % 27 != 0);  /* two letters */
		x->len[HTML_NPAT + k] = (unsigned char)strlen(w);
		x->next[HTML_NPAT + k] = x->head[h];
		x->head[h] = (unsigned char)(HTML_NPAT + k + 1);
	}
	/* from the last, so that each chain is in the table's order */
	for (size_t i = NELEM(html_patterns); i-- > 0;) {
		const char *w = html_patterns[i].sub;
		unsigned k = w[0] != '\0' ? html_head_code(w[0], w[1]) : 0;

		x->len[i] = (unsigned char)strlen(w);
		if (k < 27 || k % 27 == 0) {
			x->odd[x->n_odd++] = (unsigned char)i;
			continue;
		}
		x->next[i] = x->head[k];
		x->head[k] = (unsigned char)(i + 1);
	}
	x->junk_firsts = html_firsts(html_junk_tok, NELEM(html_junk_tok));
	x->hidden_firsts = html_firsts(html_hidden_names,
	    NELEM(html_hidden_names));
}

/* Whether w, the index's entry of length len, occurs at s, whose first
 * two letters are w's. */
static bool
html_pattern_at(const char *w, size_t len, const char *s)
{
	for (size_t k = 2; k < len; k++)
		if (s[k] != w[k])  /* the NUL of s ends it too */
			return false;
	return true;
}

/* The signals of the class and id values, through the index x; and,
 * when words is not NULL, the metadata's class words in the one of them
 * given into *words (html_meta_class_words(): the lowered names hold
 * each word the value holds, as no word holds a space, but for a value
 * cut to s's room, which is scanned again). */
static unsigned
html_signals_names_in(const struct html_patindex *x, const char *cls,
    const char *id, uint64_t *words)
{
	char s[512];
	size_t len = 0;
	unsigned sig = 0;
	uint64_t m = 0;

	s[0] = '\0';
	html_lower_append(s, sizeof(s), &len, cls);
	html_lower_append(s, sizeof(s), &len, id);
	if (words != NULL)
		*words = 0;
	if (len == 0)
		return 0;
	/* a byte that is no letter reads row or column 0, empty */
	for (size_t i = 0; i + 1 < len; i++) {
		for (unsigned p = x->head[html_head_code(s[i], s[i + 1])];
		    p != 0;
		    p = x->next[p - 1]) {
			size_t k = p - 1 - HTML_NPAT;

			if (p - 1 < HTML_NPAT) {
				/* a word's p - 1 is past the array: no
				 * pointer into it made for one (UBSan) */
				const struct html_pattern *pt =
				    &html_patterns[p - 1];

				if (!(sig & pt->sig) &&
				    html_pattern_at(pt->sub, x->len[p - 1],
				    s + i))
					sig |= pt->sig;
				continue;
			}
			if (words == NULL)
				break;  /* the chain's words */
			if (!(m & ((uint64_t)1 << k)) &&
			    html_pattern_at(x->word[k], x->len[p - 1], s + i))
				m |= (uint64_t)1 << k;
		}
	}
	if (words != NULL)
		*words = len + 2 < sizeof(s) ? m :
		    html_meta_class_words(cls != NULL ? cls : id);
	for (size_t i = 0; i < x->n_odd; i++) {
		const struct html_pattern *pt = &html_patterns[x->odd[i]];

		if (!(sig & pt->sig) && strstr(s, pt->sub) != NULL)
			sig |= pt->sig;
	}
	if (!(sig & HTML_S_JUNK) &&
	    html_has_tok(s, html_junk_tok, NELEM(html_junk_tok),
	    x->junk_firsts))
		sig |= HTML_S_JUNK;
	if (html_has_name(s, html_hidden_names, NELEM(html_hidden_names),
	    x->hidden_firsts))
		sig |= HTML_S_HIDDEN;
	return sig;
}

unsigned
html_signals(const xmlNode *n)
{
	struct html_sigattrs sa;
	struct html_patindex x;

	html_sigattrs_of(n, &sa);
	html_patindex_build(&x);
	return html_signals_other(&sa) |
	    html_signals_names_in(&x, sa.cls, sa.id, NULL);
}

/* One class value seen: its hash (html_hash_str()) and its signals. A hash of
 * 0 marks a free slot. The signals of class and id are those of each
 * alone, or'ed: no pattern spans the space between them. */
struct html_sigslot {
	uint64_t hash;
	unsigned sig;
};

/* Slots kept at most: past this a page's names are analysed anew. */
#define HTML_SIGCACHE_MAX 65536

/* A hash of s (hash_bytes64()); 0 marks a free slot, so never 0. */
static uint64_t
html_hash_str(const char *s)
{
	uint64_t h = hash_bytes64(s, strlen(s));

	return h != 0 ? h : 1;
}

static void
html_sigcache_grow(struct html_sigcache *c)
{
	size_t cap = c->cap ? c->cap * 2 : 256;
	struct html_sigslot *slots = xcalloc(cap, sizeof(*slots));

	for (size_t i = 0; i < c->cap; i++) {
		size_t j;

		if (c->slots[i].hash == 0)
			continue;
		j = (size_t)c->slots[i].hash & (cap - 1);
		while (slots[j].hash != 0)
			j = (j + 1) & (cap - 1);
		slots[j] = c->slots[i];
	}
	free(c->slots);
	c->slots = slots;
	c->cap = cap;
}

/* The signals of the class and id values of sa through the cache c,
 * or'ed to sig. */
static unsigned
html_signals_names_cached(const struct html_sigattrs *sa,
    struct html_sigcache *c, unsigned sig)
{
	uint64_t h;
	size_t j;

	if (sa->id == NULL && sa->cls == NULL)
		return sig;
	if (c->index == NULL) {
		c->index = xmalloc(sizeof(*c->index));
		html_patindex_build(c->index);
	}
	/* ids are mostly unique: only class values are worth keeping */
	if (sa->id != NULL)
		sig |= html_signals_names_in(c->index, NULL, sa->id, NULL);
	if (sa->cls == NULL)
		return sig;
	h = html_hash_str(sa->cls);
	if (c->used * 2 >= c->cap) {
		if (c->cap >= HTML_SIGCACHE_MAX)
			return sig | html_signals_names_in(c->index, sa->cls,
			    NULL, NULL);
		html_sigcache_grow(c);
	}
	j = (size_t)h & (c->cap - 1);
	while (c->slots[j].hash != 0 && c->slots[j].hash != h)
		j = (j + 1) & (c->cap - 1);
	if (c->slots[j].hash == 0) {
		c->slots[j].hash = h;
		c->slots[j].sig = html_signals_names_in(c->index, sa->cls,
		    NULL, NULL);
		c->used++;
	}
	return sig | c->slots[j].sig;
}

unsigned
html_signals_cached(const xmlNode *n, struct html_sigcache *c)
{
	struct html_sigattrs sa;

	html_sigattrs_of(n, &sa);
	return html_signals_names_cached(&sa, c, html_signals_other(&sa));
}

/* The value html_sigattrs_of() takes for attribute k of a: "" for one
 * without a value, NULL for none. */
static const char *
html_ra_value(const struct html_rec_attrs *a, enum html_ra k)
{
	if ((a->have & (1u << k)) == 0)
		return NULL;
	return a->v[k] != NULL ? a->v[k] : "";
}

unsigned
html_signals_class_words(struct html_sigcache *c, const char *cls,
    uint64_t *words)
{
	if (c->index == NULL) {
		c->index = xmalloc(sizeof(*c->index));
		html_patindex_build(c->index);
	}
	return html_signals_names_in(c->index, cls, NULL, words);
}

unsigned
html_signals_class(struct html_sigcache *c, const char *cls)
{
	return html_signals_class_words(c, cls, NULL);
}

unsigned
html_signals_rec(struct html_rec_attrs *a, struct html_sigcache *c,
    unsigned cls_sig)
{
	struct html_sigattrs sa;
	unsigned sig = cls_sig;

	/* the class's signals are the caller's (html_signals_class()),
	 * through its table of class values: a class without a value has
	 * none */
	sa.cls = NULL;
	sa.id = NULL;
	sa.itemprop = html_ra_value(a, HTML_RA_ITEMPROP);
	/* the id's signals, and the metadata's words in it with them
	 * (html_meta_rec_attrs()) */
	if (html_ra_value(a, HTML_RA_ID) != NULL) {
		if (c->index == NULL) {
			c->index = xmalloc(sizeof(*c->index));
			html_patindex_build(c->index);
		}
		sig |= html_signals_names_in(c->index, NULL,
		    html_ra_value(a, HTML_RA_ID), &a->id_words);
		a->has_id_words = true;
	}
	/* html_signals_other(), with the style's answer kept for the
	 * metadata's marks */
	if (sa.itemprop != NULL && html_recipe_prop(sa.itemprop))
		sig |= HTML_S_RECIPE;
	if ((a->have & (1u << HTML_RA_HIDDEN)) != 0)
		sig |= HTML_S_HIDDEN | HTML_S_UNSHOWN;
	if (a->v[HTML_RA_ARIA_HIDDEN] != NULL &&
	    strcmp(a->v[HTML_RA_ARIA_HIDDEN], "true") == 0)
		sig |= HTML_S_HIDDEN | HTML_S_UNSHOWN;
	if (a->v[HTML_RA_STYLE] != NULL) {
		if (a->style_hidden < 0)
			a->style_hidden = html_style_hidden(
			    a->v[HTML_RA_STYLE]);
		if (a->style_hidden)
			sig |= HTML_S_HIDDEN | HTML_S_UNSHOWN;
	}
	return html_signals_names_cached(&sa, c, sig);
}

void
html_sigcache_free(struct html_sigcache *c)
{
	free(c->slots);
	free(c->index);
	c->slots = NULL;
	c->index = NULL;
	c->cap = c->used = 0;
}

xmlNode *
html_next(xmlNode *n, const xmlNode *root, bool descend)
{
	if (descend && n->children != NULL && n->type == XML_ELEMENT_NODE)
		return n->children;
	while (n != NULL && n != root) {
		if (n->next != NULL)
			return n->next;
		n = n->parent;
	}
	return NULL;
}

static bool
html_is_space(const unsigned char *p, size_t *w)
{
	*w = 1;
	if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' ||
	    *p == '\f' || *p == '\v')
		return true;
	if (p[0] == 0xc2 && p[1] == 0xa0) {
		*w = 2;
		return true;
	}
	/* U+2000..U+200B, U+202F, U+205F, U+3000 */
	if (p[0] == 0xe2 && p[1] == 0x80 && (p[2] <= 0x8b || p[2] == 0xaf)) {
		*w = 3;
		return true;
	}
	if (p[0] == 0xe3 && p[1] == 0x80 && p[2] == 0x80) {
		*w = 3;
		return true;
	}
	return false;
}

#ifdef __SSE2__
/* The sixteen bytes at p counted as html_count_text() counts them, into
 * *hidden (bytes that are not a visible character: ASCII spaces and
 * UTF-8 continuation bytes) and *commas, each as two 64-bit sums; false,
 * with nothing counted, when the block holds the first byte of a space
 * or comma outside ASCII (0xc2, 0xe2, 0xe3, 0xef), which are read byte
 * by byte. */
static bool
html_count16(const unsigned char *p, __m128i *hidden, __m128i *commas)
{
	__m128i v = _mm_loadu_si128((const __m128i *)p);
	__m128i odd = _mm_or_si128(
	    _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xc2)),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xe2))),
	    _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xe3)),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xef))));
	__m128i one = _mm_set1_epi8(1), zero = _mm_setzero_si128();
	__m128i sp, cont;

	if (_mm_movemask_epi8(odd) != 0)
		return false;
	/* signed bytes: ASCII is 0..127, continuation bytes -128..-65 */
	sp = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')),
	    _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('\t' - 1)),
	    _mm_cmplt_epi8(v, _mm_set1_epi8('\r' + 1))));
	cont = _mm_cmplt_epi8(v, _mm_set1_epi8((char)0xc0));
	*hidden = _mm_add_epi64(*hidden, _mm_sad_epu8(_mm_and_si128(
	    _mm_or_si128(sp, cont), one), zero));
	*commas = _mm_add_epi64(*commas, _mm_sad_epu8(_mm_and_si128(
	    _mm_cmpeq_epi8(v, _mm_set1_epi8(',')), one), zero));
	return true;
}

/* The sum of the two 64-bit lanes of v. */
static unsigned
html_sum64(__m128i v)
{
	uint64_t lo[2];

	_mm_storeu_si128((__m128i *)lo, v);
	return (unsigned)(lo[0] + lo[1]);
}
#endif

/* One character of html_count_text() at *p, read byte by byte: adds to
 * *n and *c and moves *p past it. */
static void
html_count_one(const unsigned char **pp, unsigned *n, unsigned *c)
{
	const unsigned char *p = *pp;
	size_t w;

	if (*p < 0x80) {
		/* ASCII: a space (tab to carriage return, or ' ') or one
		 * visible character */
		if (*p != ' ' && (*p < '\t' || *p > '\r')) {
			(*n)++;
			*c += *p == ',';
		}
		*pp = p + 1;
		return;
	}
	if (html_is_space(p, &w)) {
		*pp = p + w;
		return;
	}
	if ((*p & 0xc0) != 0x80)
		(*n)++;
	/* U+FF0C fullwidth comma, U+3001 ideographic comma */
	if ((p[0] == 0xef && p[1] == 0xbc && p[2] == 0x8c) ||
	    (p[0] == 0xe3 && p[1] == 0x80 && p[2] == 0x81))
		(*c)++;
	*pp = p + 1;
}

unsigned
html_count_text(const char *s, unsigned *commas)
{
	const unsigned char *p = (const unsigned char *)s;
	const unsigned char *end = p + strlen(s);
	unsigned n = 0, c = 0;
#ifdef __SSE2__
	__m128i hidden = _mm_setzero_si128(), comma = _mm_setzero_si128();
	size_t blocks = 0;

	/* sixteen bytes at a time (SSE2, in every x86-64), and the blocks
	 * with a space or comma outside ASCII byte by byte */
	while (end - p >= 16) {
		if (html_count16(p, &hidden, &comma)) {
			blocks++;
			p += 16;
			continue;
		}
		for (const unsigned char *stop = p + 16; p < stop;)
			html_count_one(&p, &n, &c);
	}
	n += (unsigned)(16 * blocks) - html_sum64(hidden);
	c += html_sum64(comma);
#endif
	while (p < end)
		html_count_one(&p, &n, &c);
	if (commas != NULL)
		*commas = c;
	return n;
}

/* Appends text s to b, collapsing runs of spaces into one; a space is
 * written only between two visible characters. */
static void
html_append_collapsed(struct buf *b, const char *s, bool *space)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t need = strlen(s) + 2;
	char *o;

	if (b->cap < b->len + need) {
		b->cap = (b->len + need) * 2;
		b->p = xrealloc(b->p, b->cap);
	}
	o = b->p + b->len;
	while (*p != '\0') {
		size_t w;

		if (*p > ' ' && *p < 0x80) {
			if (*space && o > b->p)
				*o++ = ' ';
			*space = false;
			*o++ = (char)*p++;
			continue;
		}
		if (html_is_space(p, &w)) {
			*space = true;
			p += w;
			continue;
		}
		if (*space && o > b->p)
			*o++ = ' ';
		*space = false;
		*o++ = (char)*p++;
	}
	*o = '\0';
	b->len = (size_t)(o - b->p);
}

void
html_text_of(const xmlNode *root, struct buf *b)
{
	bool space = b->len > 0;
	xmlNode *n = (xmlNode *)root;

	while (n != NULL) {
		bool descend = true;

		if (n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE) {
			if (n->content != NULL)
				html_append_collapsed(b,
				    (const char *)n->content, &space);
		} else if (n->type == XML_ELEMENT_NODE) {
			enum html_kind k;
			unsigned cls = html_tag_class(n->name, &k);

			if (cls & HTML_T_DROP)
				descend = false;
			if ((cls & HTML_T_BLOCK) || k == HTML_K_BR)
				space = true;
		} else {
			descend = false;
		}
		n = html_next(n, root, descend);
	}
}

void
html_trim(struct buf *b)
{
	size_t start = 0;

	while (b->len > 0 && (b->p[b->len - 1] == ' ' ||
	    b->p[b->len - 1] == '\n'))
		b->p[--b->len] = '\0';
	while (start < b->len && (b->p[start] == ' ' || b->p[start] == '\n'))
		start++;
	if (start > 0) {
		memmove(b->p, b->p + start, b->len - start + 1);
		b->len -= start;
	}
}

void
html_append_text(struct buf *b, const char *s, bool *space)
{
	html_append_collapsed(b, s, space);
}
