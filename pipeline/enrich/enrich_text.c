/* Word tokeniser for enrichment: UTF-8 in, word offsets and flags out. */
#include "enrich_int.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Decodes the code point at s[i]; *w is its byte length (1 for an
 * invalid byte, which decodes as -1). */
static int32_t
cp_at(const char *s, size_t n, size_t i, size_t *w)
{
	utf8proc_int32_t c = -1;
	utf8proc_ssize_t k;

	if (i >= n) {
		*w = 0;
		return 0;
	}
	if ((unsigned char)s[i] < 0x80) {
		*w = 1;
		return (unsigned char)s[i];
	}
	k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
	    (utf8proc_ssize_t)(n - i), &c);
	if (k <= 0) {
		*w = 1;
		return -1;
	}
	*w = (size_t)k;
	return c;
}

static bool
cp_upper(int32_t c)
{
	utf8proc_category_t cat;

	if (c < 0)
		return false;
	if (c < 128)
		return c >= 'A' && c <= 'Z';
	cat = utf8proc_category(c);
	return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

bool
etok_upper_at(const char *s, size_t n)
{
	size_t w;

	return cp_upper(cp_at(s, n, 0, &w));
}

/* Opening quotation marks: “ « „ ‘ ‹ and the corner brackets 「 『. */
static bool
cp_open_quote(int32_t c)
{
	return c == 0x201C || c == 0xAB || c == 0x201E || c == 0x2018 ||
	    c == 0x2039 || c == 0x300C || c == 0x300E;
}

/* Abbreviations whose '.' ends no sentence. */
static const char *const etok_abbrevs[] = {
	"a.m", "aug", "capt", "co", "col", "corp", "dec", "dr", "e.g", "etc",
	"feb", "ft", "gen", "gov", "i.e", "inc", "jan", "jr", "lt", "ltd",
	"mr", "mrs", "ms", "mt", "no", "nov", "oct", "p.m", "prof", "rep",
	"sen", "sept", "sgt", "sr", "st", "u.k", "u.s", "vs",
};

static bool
etok_abbrev(const char *text, const struct etok *k)
{
	char low[8];
	size_t i;

	if (k->len >= sizeof(low))
		return false;
	for (i = 0; i < k->len; i++) {
		char c = text[k->off + i];

		low[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
	}
	low[k->len] = '\0';
	if (k->len == 1 && text[k->off] >= 'A' && text[k->off] <= 'Z')
		return true;  /* an initial: "J. Smith" */
	return ETOK_FIND(low, etok_abbrevs);
}

static void
etok_push(struct etoks *t, struct etok k)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->v = xrealloc(t->v, t->cap * sizeof(*t->v));
	}
	t->v[t->n++] = k;
}

#define ETOK_FNV_BASIS 0xcbf29ce484222325ULL
#define ETOK_FNV_PRIME 0x100000001b3ULL

static uint64_t
etok_mix(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

uint64_t
etok_hash(const char *s, size_t n)
{
	uint64_t h = ETOK_FNV_BASIS;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= ETOK_FNV_PRIME;
	}
	return etok_mix(h);
}

static bool etok_fold_latin(const char *s, size_t n, struct buf *o);

/* Appends the folded form of the word k of s to t->folds and sets k's
 * fold and hash. ASCII words (the common case) are lower-cased and
 * hashed in one pass, without an allocation. */
static void
etok_fold_word(struct etoks *t, const char *s, struct etok *k)
{
	const unsigned char *w = (const unsigned char *)s + k->off;
	uint64_t h = ETOK_FNV_BASIS;
	char *o, *f;
	size_t i, n;

	k->fold = t->folds.len;
	buf_reserve(&t->folds, k->len + 1);
	o = t->folds.p + t->folds.len;
	for (i = 0; i < k->len && w[i] < 0x80; i++) {
		unsigned char c = w[i];

		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c + 32);
		o[i] = (char)c;
		h = (h ^ c) * ETOK_FNV_PRIME;
	}
	if (i == k->len) {
		o[i] = '\0';
		t->folds.len += i + 1;
		k->hash = etok_mix(h);
		return;
	}
	/* not ASCII: most such words are Latin, folded in place as well */
	if (etok_fold_latin(s + k->off, k->len, &t->folds)) {
		n = t->folds.len - k->fold;
		k->hash = etok_hash(t->folds.p + k->fold, n);
		t->folds.len++;  /* past its NUL */
		return;
	}
	f = etok_fold(s + k->off, k->len);
	n = strlen(f);
	buf_append(&t->folds, f, n);
	t->folds.len++;  /* past the NUL that buf_append() wrote */
	k->hash = etok_hash(f, n);
	free(f);
}

/* Letter classes of a code point, for the tokeniser. */
enum {
	CP_WORD = 1,    /* a letter, mark or number: general categories L*,
	                   M* and N* */
	CP_LETTER = 2,  /* a letter: L* */
	CP_UPPER = 4    /* upper or title case: Lu, Lt */
};

static unsigned
cp_class(int32_t c)
{
	utf8proc_category_t cat;
	unsigned r = 0;

	if (c < 0)
		return 0;
	if (c < 128) {
		if (c >= 'A' && c <= 'Z')
			return CP_WORD | CP_LETTER | CP_UPPER;
		if (c >= 'a' && c <= 'z')
			return CP_WORD | CP_LETTER;
		return (c >= '0' && c <= '9') ? CP_WORD : 0;
	}
	cat = utf8proc_category(c);
	if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO)
		r |= CP_WORD;
	if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO)
		r |= CP_LETTER;
	if (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT)
		r |= CP_UPPER;
	return r;
}

/* cp_class() of each byte below 0x80 that is a letter or a digit, 0 for
 * every other byte. */
#define ETOK_L (CP_WORD | CP_LETTER)
#define ETOK_U (CP_WORD | CP_LETTER | CP_UPPER)
static const unsigned char etok_ascii[256] = {
	['0'] = CP_WORD, ['1'] = CP_WORD, ['2'] = CP_WORD, ['3'] = CP_WORD,
	['4'] = CP_WORD, ['5'] = CP_WORD, ['6'] = CP_WORD, ['7'] = CP_WORD,
	['8'] = CP_WORD, ['9'] = CP_WORD,
	['A'] = ETOK_U, ['B'] = ETOK_U, ['C'] = ETOK_U, ['D'] = ETOK_U,
	['E'] = ETOK_U, ['F'] = ETOK_U, ['G'] = ETOK_U, ['H'] = ETOK_U,
	['I'] = ETOK_U, ['J'] = ETOK_U, ['K'] = ETOK_U, ['L'] = ETOK_U,
	['M'] = ETOK_U, ['N'] = ETOK_U, ['O'] = ETOK_U, ['P'] = ETOK_U,
	['Q'] = ETOK_U, ['R'] = ETOK_U, ['S'] = ETOK_U, ['T'] = ETOK_U,
	['U'] = ETOK_U, ['V'] = ETOK_U, ['W'] = ETOK_U, ['X'] = ETOK_U,
	['Y'] = ETOK_U, ['Z'] = ETOK_U,
	['a'] = ETOK_L, ['b'] = ETOK_L, ['c'] = ETOK_L, ['d'] = ETOK_L,
	['e'] = ETOK_L, ['f'] = ETOK_L, ['g'] = ETOK_L, ['h'] = ETOK_L,
	['i'] = ETOK_L, ['j'] = ETOK_L, ['k'] = ETOK_L, ['l'] = ETOK_L,
	['m'] = ETOK_L, ['n'] = ETOK_L, ['o'] = ETOK_L, ['p'] = ETOK_L,
	['q'] = ETOK_L, ['r'] = ETOK_L, ['s'] = ETOK_L, ['t'] = ETOK_L,
	['u'] = ETOK_L, ['v'] = ETOK_L, ['w'] = ETOK_L, ['x'] = ETOK_L,
	['y'] = ETOK_L, ['z'] = ETOK_L,
};
#undef ETOK_L
#undef ETOK_U

/* The code point at s[i] (cp_at()) and its cp_class() in *cls, with
 * ASCII handled inline. */
static inline int32_t
cp_next(const char *s, size_t n, size_t i, size_t *w, unsigned *cls)
{
	unsigned char u = (unsigned char)s[i];
	int32_t c;

	if (i < n && u < 0x80) {
		*w = 1;
		if (u >= 'a' && u <= 'z')
			*cls = CP_WORD | CP_LETTER;
		else if (u >= 'A' && u <= 'Z')
			*cls = CP_WORD | CP_LETTER | CP_UPPER;
		else
			*cls = (u >= '0' && u <= '9') ? CP_WORD : 0;
		return u;
	}
	c = cp_at(s, n, i, w);
	*cls = cp_class(c);
	return c;
}

bool
etok_nospace(int32_t c)
{
	return (c >= 0x0E00 && c <= 0x0EFF) ||    /* Thai, Lao */
	    (c >= 0x1000 && c <= 0x109F) ||       /* Myanmar */
	    (c >= 0x1780 && c <= 0x17FF) ||       /* Khmer */
	    (c >= 0x3040 && c <= 0x30FF) ||       /* kana */
	    (c >= 0x3400 && c <= 0x4DBF) ||       /* Han */
	    (c >= 0x4E00 && c <= 0x9FFF) ||
	    (c >= 0xF900 && c <= 0xFAFF) ||
	    (c >= 0x20000 && c <= 0x2FFFF);
}

/* A combining mark: it belongs to the character before it. */
static bool
cp_mark(int32_t c)
{
	utf8proc_category_t cat;

	if (c < 0x300)
		return false;
	if (c < 0x370)
		return true;
	cat = utf8proc_category(c);
	return cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC;
}

/* Marks that end a sentence: . ! ? … and those of CJK (。！？｡), Arabic
 * (؟ ۔) and Devanagari (। ॥). */
static bool
cp_sentence_end(int32_t c)
{
	return c == '.' || c == '!' || c == '?' || c == 0x2026 ||
	    c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF61 ||
	    c == 0x061F || c == 0x06D4 || c == 0x0964 || c == 0x0965;
}

void
etok_split(const char *s, struct etoks *t)
{
	etok_split_n(s, t, SIZE_MAX);
}

/* Reads the word at i, whose first code point c (w bytes, of class cls)
 * is a word's, into k: its offset and length, the flags of its first
 * code point (a capital, a digit), a possessive "'s" (read with it, not
 * counted in its length) and all capitals (two letters or more).
 * Returns the offset after what was read. */
static size_t
etok_word(const char *s, size_t n, size_t i, int32_t c, size_t w,
    unsigned cls, struct etok *k)
{
	size_t w2;
	int letters = 0, uppers = 0;
	bool nospace;

	k->off = i;
	/* the case flags of the first code point and of the letters,
	 * counted as the word is read */
	if (cls & CP_UPPER)
		k->flags |= ETOK_CAP;
	if (c >= '0' && c <= '9')
		k->flags |= ETOK_NUM;
	nospace = c >= 0x0E00 && etok_nospace(c);
	while (i < n) {
		/* ASCII letters and digits, the most of any text, by a
		 * table: what the decoding below makes of them */
		unsigned a;

		while (!nospace && i < n &&
		    (a = etok_ascii[(unsigned char)s[i]]) != 0) {
			letters += (a & CP_LETTER) != 0;
			uppers += (a & CP_UPPER) != 0;
			i++;
		}
		if (i >= n)
			break;
		if (i > k->off)
			c = cp_next(s, n, i, &w, &cls);
		/* in a script written without spaces, each character (with
		 * its marks) is a word: no dictionary here to find the
		 * words it makes */
		if (i > k->off && (nospace || (c >= 0x0E00 &&
		    etok_nospace(c))) && !cp_mark(c))
			break;
		if ((cls & CP_WORD) || (c >= 0x300 && c < 0x370)) {
			if (cls & CP_LETTER) {
				letters++;
				uppers += (cls & CP_UPPER) != 0;
			}
			i += w;
			continue;
		}
		if (c == '\'' || c == 0x2019) {
			int32_t d = cp_at(s, n, i + w, &w2);
			size_t w3;
			int32_t e = cp_at(s, n, i + w + w2, &w3);

			if ((d == 's' || d == 'S') &&
			    !(cp_class(e) & CP_WORD)) {
				k->flags |= ETOK_POSS;
				k->len = i - k->off;
				i += w + w2;
				goto done;
			}
			if (cp_class(d) & CP_LETTER) {
				i += w;
				continue;
			}
			break;
		}
		if (c == '-' && (cp_class(cp_at(s, n, i + 1, &w2)) &
		    CP_WORD)) {
			i += 1;
			continue;
		}
		if (c == '.' && (i - k->off == 1 || s[i - 2] == '.') &&
		    (cp_class(cp_at(s, n, i + 1, &w2)) & CP_LETTER)) {
			i += 1;  /* U.S */
			continue;
		}
		break;
	}
	k->len = i - k->off;
done:
	if (letters >= 2 && uppers == letters)
		k->flags |= ETOK_ALLCAP;
	return i;
}

/* Makes room in t, before the split of a text of n bytes into at most
 * max words, for about a word in six bytes and their folds (the text's
 * bytes and a NUL a word): a guess that etok_push() and buf_reserve()
 * still grow past, so the lists are not copied at each doubling from
 * 64 words (15 M instructions over the bench's 390 pages). */
static void
etok_reserve(struct etoks *t, size_t n, size_t max)
{
	size_t want = n / 6 + 16;

	if (want > max)
		want = max;
	if (t->cap - t->n < want) {
		t->cap = t->n + want;
		t->v = xrealloc(t->v, t->cap * sizeof(*t->v));
	}
	buf_reserve(&t->folds, (n < want * 8 ? n : want * 8) + want);
}

void
etok_split_n(const char *s, struct etoks *t, size_t max)
{
	size_t n = strlen(s), i = 0, w;
	unsigned next = ETOK_SENT | ETOK_PARA;
	int sent = 0;
	bool ended = false, space_before = true;
	bool line_open = true;  /* only spaces since the line's start */

	etok_reserve(t, n, max);
	while (i < n && t->n < max) {
		unsigned cls;
		int32_t c = cp_next(s, n, i, &w, &cls);
		struct etok k = { 0 };

		if (c == ' ') {
			space_before = true;
			i++;
			continue;
		}
		if (!(cls & CP_WORD)) {
			if (cp_sentence_end(c))
				ended = true;
			line_open = c == '\n';
			if (c == '\n') {
				ended = true;
				if (i + 1 < n && s[i + 1] == '\n')
					next |= ETOK_PARA;
			}
			if (cp_open_quote(c) || (c == '"' && space_before))
				next |= ETOK_SENT;
			space_before = (c == ' ' || c == '\n' || c == '(' ||
			    c == '[' || c == '\t');
			i += w;
			continue;
		}
		if (ended) {
			sent++;
			next |= ETOK_SENT;
			ended = false;
		}
		i = etok_word(s, n, i, c, w, cls, &k);
		k.flags |= next;
		k.sent = sent;
		if (line_open) {
			size_t e = k.off + k.len;

			while (s[e] == ' ')
				e++;
			if (s[e] == '\n' || s[e] == '\0')
				k.flags |= ETOK_LINE;
		}
		line_open = false;
		next = 0;
		space_before = false;
		/* "U.S." and "Mr." keep their dot: no sentence ends there. */
		if (i < n && s[i] == '.' && etok_abbrev(s, &k)) {
			k.flags |= ETOK_ABBR;
			i++;
		}
		etok_fold_word(t, s, &k);
		etok_push(t, k);
	}
}

void
etok_free(struct etoks *t)
{
	free(t->v);
	buf_free(&t->folds);
	memset(t, 0, sizeof(*t));
}

int
etok_cmp(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

bool
etok_in(const char *key, const char *const *list, size_t n)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = etok_strcmp(key, list[mid]);

		if (c == 0)
			return true;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return false;
}

/* Appends s[0, n) lower-cased code point by code point to o, when every
 * code point is below U+0300 and folds simply (ß to "ss"; not ſ, µ, İ,
 * ŉ: those change script or length otherwise under case folding), which
 * is then what full case folding and composition make of it (checked on
 * every pair of such code points). Returns false, with o as it was,
 * otherwise. */
static bool
etok_fold_latin(const char *s, size_t n, struct buf *o)
{
	size_t i = 0, w, len0 = o->len;

	buf_reserve(o, n * 2);
	while (i < n) {
		int32_t c = cp_at(s, n, i, &w);

		if (c < 0 || c >= 0x300 || c == 0x17F || c == 0xB5 ||
		    c == 0x130 || c == 0x149)
			goto not_latin;
		if (c == 0xDF) {  /* ß: two bytes in, two out */
			o->p[o->len++] = 's';
			o->p[o->len++] = 's';
			i += w;
			continue;
		}
		c = utf8proc_tolower(c);
		if (c >= 0x300)
			goto not_latin;
		o->len += (size_t)utf8proc_encode_char(c,
		    (utf8proc_uint8_t *)o->p + o->len);
		i += w;
	}
	o->p[o->len] = '\0';
	return true;
not_latin:
	o->len = len0;
	o->p[o->len] = '\0';
	return false;
}

char *
etok_fold(const char *s, size_t n)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t r;
	struct buf b = { 0 };
	size_t i;

	for (i = 0; i < n && (unsigned char)s[i] < 0x80; i++)
		;
	if (i == n) {  /* ASCII: the common case, without utf8proc */
		char *o = xmalloc(n + 1);

		for (i = 0; i < n; i++)
			o[i] = (s[i] >= 'A' && s[i] <= 'Z') ?
			    (char)(s[i] + 32) : s[i];
		o[n] = '\0';
		return o;
	}
	if (etok_fold_latin(s, n, &b))
		return buf_take(&b);
	buf_free(&b);
	r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
	    &out, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
	if (r < 0 || out == NULL) {
		free(out);
		return xstrndup(s, n);
	}
	return (char *)out;
}

bool
etok_is(const char *text, const struct etok *k, const char *w)
{
	size_t i, n = strlen(w);

	if (k->len != n)
		return false;
	for (i = 0; i < n; i++) {
		char c = text[k->off + i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c + 32);
		if (c != w[i])
			return false;
	}
	return true;
}

bool
etok_stopword(const char *f)
{
	return (lang_stop_mask(f, etok_hash(f, strlen(f))) & ETOK_STOP_EN) != 0;
}

bool
etok_tables_sorted(void)
{
	return ETOK_SORTED(etok_abbrevs);
}

bool
etok_sorted(const char *const *v, size_t n)
{
	size_t i;

	for (i = 1; i < n; i++)
		if (strcmp(v[i - 1], v[i]) >= 0)
			return false;
	return true;
}
