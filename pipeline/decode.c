#include "decode.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <uchardet.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "util.h"

/* How far into a document a <meta> charset declaration is looked for. */
#define DECODE_PRESCAN 4096
/* How much of an undeclared document the charset detector reads. */
#define DECODE_DETECT_MAX (256u * 1024)
/* Fewest bytes outside ASCII the detector needs to be trusted. */
#define DECODE_DETECT_MIN 8
/* Share of invalid bytes past which text declared UTF-8 is rejected. */
#define DECODE_MAX_INVALID_PERMILLE 50

struct magic {
	const char *bytes;
	size_t len;
	const char *what;
};

static const struct magic binary_magic[] = {
	{ "%PDF-", 5, "a PDF document" },
	{ "\x89PNG", 4, "a PNG image" },
	{ "\xff\xd8\xff", 3, "a JPEG image" },
	{ "GIF8", 4, "a GIF image" },
	{ "PK\x03\x04", 4, "a ZIP archive" },
	{ "\x1f\x8b", 2, "gzip-compressed data" },
	{ "\x7f" "ELF", 4, "an ELF executable" },
	{ "BZh", 3, "bzip2-compressed data" },
	{ "\xfd" "7zXZ", 5, "xz-compressed data" },
	{ "RIFF", 4, "a RIFF media file" },
	{ "\x00\x00\x01\x00", 4, "an icon" },
	{ "OggS", 4, "an Ogg media file" },
	{ "ID3", 3, "an MP3 file" },
	{ "SQLite format 3", 15, "an SQLite database" },
};

static bool
starts_with(const unsigned char *p, size_t n, const char *s, size_t sl)
{
	return n >= sl && memcmp(p, s, sl) == 0;
}

/* Length of the valid UTF-8 sequence at p, or 0 if it is invalid. */
static size_t
utf8_seq_len(const unsigned char *p, size_t n)
{
	unsigned char c = p[0];
	size_t len;
	uint32_t cp;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf) {
		len = 2;
		cp = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		len = 3;
		cp = c & 0x0f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4;
		cp = c & 0x07;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[i] & 0x3f);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
	    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return len;
}

/* Eight bytes of each value, for the word-at-a-time scans below. */
#define DECODE_ONES 0x0101010101010101ULL
#define DECODE_HIGHS 0x8080808080808080ULL

/* Whether the control character c is one that strip_controls() drops:
 * C0 controls other than \t \n \r \f, and DEL. */
static bool
decode_is_stripped(unsigned char c)
{
	return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' &&
	    c != '\f') || c == 0x7f;
}

/* Whether the eight ASCII bytes of w hold a byte below 0x20 or a DEL; w
 * must have no byte at or above 0x80. May be true for a word of only
 * \t \n \r \f, never false for one with a byte to drop or a NUL. */
static bool
decode_word_has_ctl(uint64_t w)
{
	uint64_t del = w ^ (DECODE_ONES * 0x7f);

	return (((w - DECODE_ONES * 0x20) & ~w) |
	    ((del - DECODE_ONES) & ~del)) & DECODE_HIGHS;
}

/* What one pass over the bytes of a document finds. */
struct decode_scan {
	size_t bad;  /* bytes that are not part of a valid UTF-8 sequence,
	                as utf8_repair() counts them */
	bool ctl;    /* a byte that strip_controls() drops */
	bool nul;    /* a NUL byte */
};

static void
decode_scan_byte(struct decode_scan *sc, unsigned char c)
{
	sc->ctl |= decode_is_stripped(c);
	sc->nul |= c == 0;
}

/* 0x80 in each byte of the ASCII word w that is zero, 0 in the others
 * (exact: no borrow crosses a byte). */
static uint64_t
decode_zero_bytes(uint64_t w)
{
	return ~((w | DECODE_HIGHS) - DECODE_ONES) & DECODE_HIGHS;
}

/* decode_scan_byte() of each byte of the ASCII word w at once. */
static void
decode_scan_word(struct decode_scan *sc, uint64_t w)
{
	uint64_t low = ~((w | DECODE_HIGHS) - DECODE_ONES * 0x20) &
	    DECODE_HIGHS;
	uint64_t kept = decode_zero_bytes(w ^ (DECODE_ONES * '\t')) |
	    decode_zero_bytes(w ^ (DECODE_ONES * '\n')) |
	    decode_zero_bytes(w ^ (DECODE_ONES * '\f')) |
	    decode_zero_bytes(w ^ (DECODE_ONES * '\r'));

	sc->ctl |= ((low & ~kept) |
	    decode_zero_bytes(w ^ (DECODE_ONES * 0x7f))) != 0;
	sc->nul |= decode_zero_bytes(w) != 0;
}

#ifdef __SSE2__
/* The bytes among the sixteen of v that strip_controls() drops (bit i
 * for byte i), NUL among them, and in *nul those that are NUL; v must be
 * ASCII. */
static unsigned
decode_ctl16(__m128i v, unsigned *nul)
{
	__m128i low = _mm_cmplt_epi8(v, _mm_set1_epi8(0x20));
	__m128i kept = _mm_or_si128(
	    _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\t')),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))),
	    _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\f')),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))));
	__m128i ctl = _mm_or_si128(_mm_andnot_si128(kept, low),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7f)));

	*nul = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v,
	    _mm_setzero_si128()));
	return (unsigned)_mm_movemask_epi8(ctl);
}

/* The bytes among the sixteen of v that are not ASCII or that
 * strip_controls() drops (bit i for byte i): a signed byte at or above
 * 0x80 is below 0x20. */
static uint64_t
decode_stop16(__m128i v)
{
	__m128i kept = _mm_or_si128(
	    _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\t')),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))),
	    _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\f')),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))));
	__m128i stop = _mm_or_si128(_mm_andnot_si128(kept,
	    _mm_cmplt_epi8(v, _mm_set1_epi8(0x20))),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7f)));

	return (uint64_t)(unsigned)_mm_movemask_epi8(stop);
}

/* How many of the 64 bytes at p, from the first, are ASCII that
 * decode_scan_byte() finds nothing in (no control byte to drop, no
 * NUL): one test of four blocks instead of four turns of the loop. */
static unsigned
decode_plain64(const unsigned char *p)
{
	uint64_t stop = decode_stop16(_mm_loadu_si128((const __m128i *)p)) |
	    decode_stop16(_mm_loadu_si128((const __m128i *)(p + 16))) << 16 |
	    decode_stop16(_mm_loadu_si128((const __m128i *)(p + 32))) << 32 |
	    decode_stop16(_mm_loadu_si128((const __m128i *)(p + 48))) << 48;

	return stop != 0 ? (unsigned)__builtin_ctzll(stop) : 64;
}
#endif

/* Scans p[i, to) of p[0, n) into *sc, adding to what it holds, and
 * returns where it stopped: to, or past it when a sequence (or a run of
 * ASCII read at once) goes on past to. ASCII without control bytes goes
 * sixty-four bytes at a time, other ASCII sixteen (SSE2, in every
 * x86-64), and in a block that holds other bytes, the
 * ASCII before the first of them at once; elsewhere eight bytes at a
 * time, and only words with a control character are looked at
 * bytewise. */
static size_t
utf8_scan_to(const unsigned char *p, size_t i, size_t to, size_t n,
    struct decode_scan *sc)
{
	while (i < to) {
		size_t l;

#ifdef __SSE2__
		if (n - i >= 64 && p[i] < 0x80) {
			unsigned k = decode_plain64(p + i);

			/* the byte at k (a control byte or one outside ASCII)
			 * is read below */
			i += k;
			if (k == 64)
				continue;
		}
		if (n - i >= 16 && p[i] < 0x80) {
			__m128i v = _mm_loadu_si128((const __m128i *)(p + i));
			unsigned high = (unsigned)_mm_movemask_epi8(v);
			unsigned k = high != 0 ?
			    (unsigned)__builtin_ctz(high) : 16;
			unsigned take = (1u << k) - 1, nul;
			unsigned ctl = decode_ctl16(v, &nul);

			/* the bytes from the first high one on are not
			 * ASCII: their bits of ctl and nul are not read */
			sc->ctl |= (ctl & take) != 0;
			sc->nul |= (nul & take) != 0;
			i += k;
			if (k == 16)
				continue;
		} else if (n - i >= 16) {
			/* a byte outside ASCII: read below */
		} else
#endif
		if (i + 8 <= n) {
			uint64_t w;

			memcpy(&w, p + i, 8);
			if ((w & DECODE_HIGHS) == 0) {
				if (decode_word_has_ctl(w))
					decode_scan_word(sc, w);
				i += 8;
				continue;
			}
		}
		if (p[i] < 0x80) {
			decode_scan_byte(sc, p[i]);
			i++;
			continue;
		}
		/* the two-byte sequences of the Latin, Greek and Cyrillic
		 * letters, inline; the others checked in full */
		if (p[i] >= 0xc2 && p[i] <= 0xdf && i + 1 < n &&
		    (p[i + 1] & 0xc0) == 0x80) {
			i += 2;
			continue;
		}
		l = utf8_seq_len(p + i, n - i);
		if (l == 0) {
			sc->bad++;
			l = 1;
		}
		i += l;
	}
	return i;
}

/* Scans p[0, n) into *sc in one pass. */
static void
utf8_scan(const unsigned char *p, size_t n, struct decode_scan *sc)
{
	memset(sc, 0, sizeof(*sc));
	utf8_scan_to(p, 0, n, n, sc);
}

/* Copies a charset label from s into out (lower-case, at most outlen-1
 * bytes), stopping at quotes, spaces, semicolons and '>'. */
static void
copy_label(const char *s, const char *end, char *out, size_t outlen)
{
	size_t n = 0;

	while (s < end && (*s == ' ' || *s == '"' || *s == '\''))
		s++;
	while (s < end && n + 1 < outlen && *s != '"' && *s != '\'' &&
	    *s != ';' && *s != '>' && *s != ' ' && *s != '/' &&
	    !isspace((unsigned char)*s))
		out[n++] = (char)tolower((unsigned char)*s++);
	out[n] = '\0';
}

/* "text/html; charset=ISO-8859-1" -> "iso-8859-1". */
static bool
charset_from_content_type(const char *ct, char *out, size_t outlen)
{
	const char *p;

	if (ct == NULL)
		return false;
	p = strcasestr(ct, "charset=");
	if (p == NULL)
		return false;
	copy_label(p + 8, p + strlen(p), out, outlen);
	return out[0] != '\0';
}

/* The first needle (nl bytes, lower-case ASCII) in [p, end), ignoring the
 * case of ASCII letters, or NULL: strcasestr() without a NUL. */
static const char *
decode_find_ci(const char *p, const char *end, const char *needle,
    size_t nl)
{
	unsigned char first = (unsigned char)needle[0];

	for (; (size_t)(end - p) >= nl; p++) {
		unsigned char c = (unsigned char)*p;

		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c + 32);
		if (c == first && strncasecmp(p + 1, needle + 1, nl - 1) == 0)
			return p;
	}
	return NULL;
}

/* <meta charset="x">, <meta http-equiv content="...; charset=x"> and the
 * XML declaration's encoding="x", within the first bytes, which hold no
 * NUL (binary input is turned away first). */
static bool
charset_from_markup(const unsigned char *in, size_t len, char *out,
    size_t outlen)
{
	size_t n = len < DECODE_PRESCAN ? len : DECODE_PRESCAN;
	const char *head = (const char *)in;
	const char *end = head + n;
	bool found = false;
	const char *p = head;

	if (in == NULL)
		return false;
	if (n >= 5 && memcmp(head, "<?xml", 5) == 0) {
		const char *e = memmem(head, n, "?>", 2);
		const char *enc = memmem(head, n, "encoding=", 9);

		if (enc != NULL && (e == NULL || enc < e)) {
			copy_label(enc + 9, end, out, outlen);
			found = out[0] != '\0';
		}
	}
	for (p = decode_find_ci(p, end, "<meta", 5); !found && p != NULL;
	    p = decode_find_ci(p, end, "<meta", 5)) {
		const char *close = memchr(p, '>', (size_t)(end - p));
		const char *cs;

		if (close == NULL)
			break;
		/* "charset" may also be a value (name="charset"): only
		 * "charset" followed by '=' declares one. */
		for (cs = decode_find_ci(p, close, "charset", 7);
		    !found && cs != NULL;
		    cs = decode_find_ci(cs, close, "charset", 7)) {
			cs += 7;
			while (cs < close && *cs == ' ')
				cs++;
			if (cs >= close || *cs != '=')
				continue;
			cs++;
			copy_label(cs, close, out, outlen);
			found = out[0] != '\0';
		}
		p = close;
	}
	return found;
}

/* The decoder of a charset label, where the web's (the WHATWG Encoding
 * Standard's) differs from iconv's charset of that name: Latin-1, Latin-5
 * and TIS-620 are read as the Windows code pages that extend them,
 * Shift_JIS as Windows-31J (iconv's SHIFT_JIS turns '\\' and '~' into
 * a yen sign and an overline), EUC-KR as Windows-949 (UHC), Big5 as
 * Big5-HKSCS, GB2312 and GBK as GB18030. A UTF-16 label on bytes without
 * a BOM (which hold no NUL, or they are refused as binary) is UTF-8. The
 * names uchardet gives are labels too ("UHC", "ASCII"). NULL for a label
 * whose iconv charset is the web's. */
static const char *
canonical_charset(const char *label)
{
	static const struct {
		const char *label;
		const char *name;
	} aliases[] = {
		{ "utf-8", "UTF-8" }, { "utf8", "UTF-8" },
		{ "unicode-1-1-utf-8", "UTF-8" }, { "utf-16", "UTF-8" },
		{ "utf-16le", "UTF-8" }, { "utf-16be", "UTF-8" },
		{ "us-ascii", "WINDOWS-1252" }, { "ascii", "WINDOWS-1252" },
		{ "iso-8859-1", "WINDOWS-1252" }, { "latin1", "WINDOWS-1252" },
		{ "iso8859-1", "WINDOWS-1252" }, { "l1", "WINDOWS-1252" },
		{ "windows-1252", "WINDOWS-1252" }, { "cp1252", "WINDOWS-1252" },
		{ "x-user-defined", "WINDOWS-1252" },
		{ "iso-8859-9", "WINDOWS-1254" }, { "latin5", "WINDOWS-1254" },
		{ "iso8859-9", "WINDOWS-1254" }, { "l5", "WINDOWS-1254" },
		{ "tis-620", "WINDOWS-874" }, { "iso-8859-11", "WINDOWS-874" },
		{ "dos-874", "WINDOWS-874" },
		{ "gb2312", "GB18030" }, { "gbk", "GB18030" },
		{ "x-gbk", "GB18030" }, { "chinese", "GB18030" },
		{ "csgb2312", "GB18030" }, { "gb_2312-80", "GB18030" },
		{ "shift_jis", "WINDOWS-31J" }, { "shift-jis", "WINDOWS-31J" },
		{ "x-sjis", "WINDOWS-31J" }, { "sjis", "WINDOWS-31J" },
		{ "ms_kanji", "WINDOWS-31J" }, { "csshiftjis", "WINDOWS-31J" },
		{ "euc-kr", "CP949" }, { "ks_c_5601-1987", "CP949" },
		{ "korean", "CP949" }, { "windows-949", "CP949" },
		{ "uhc", "CP949" }, { "cseuckr", "CP949" },
		{ "big5", "BIG5-HKSCS" }, { "cn-big5", "BIG5-HKSCS" },
		{ "x-x-big5", "BIG5-HKSCS" }, { "csbig5", "BIG5-HKSCS" },
		{ "iso-8859-8-i", "ISO-8859-8" }, { "logical", "ISO-8859-8" },
		{ "csiso88598i", "ISO-8859-8" }, { "koi8-ru", "KOI8-U" },
	};

	for (size_t i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++)
		if (strcmp(label, aliases[i].label) == 0)
			return aliases[i].name;
	return NULL;
}

/* Drops control characters other than \t \n \r \f from UTF-8 in place
 * (s has room for the NUL at s[n]); returns the new length. */
static size_t
strip_controls(char *s, size_t n)
{
	size_t w = 0, r = 0;

	/* nothing moves before the first byte to drop */
	while (r + 8 <= n) {
		uint64_t x;

		memcpy(&x, s + r, 8);
		if ((x & DECODE_HIGHS) == 0 && !decode_word_has_ctl(x)) {
			r += 8;
			continue;
		}
		break;
	}
	while (r < n && !decode_is_stripped((unsigned char)s[r]))
		r++;
	for (w = r; r < n; r++)
		if (!decode_is_stripped((unsigned char)s[r]))
			s[w++] = s[r];
	s[w] = '\0';
	return w;
}

/* Valid UTF-8 copy of in, with U+FFFD for every invalid byte; runs of
 * valid bytes are copied whole. */
static char *
utf8_repair(const unsigned char *in, size_t len, size_t *outlen)
{
	struct buf b = { 0 };
	size_t run = 0;

	for (size_t i = 0; i < len;) {
		size_t l = in[i] < 0x80 ? 1 : utf8_seq_len(in + i, len - i);

		if (l != 0) {
			i += l;
			continue;
		}
		buf_append(&b, (const char *)in + run, i - run);
		buf_append(&b, "\xef\xbf\xbd", 3);
		run = ++i;
	}
	buf_append(&b, (const char *)in + run, len - run);
	*outlen = b.len;
	return buf_take(&b);
}

static int
convert(const char *from, const unsigned char *in, size_t len, char **out,
    size_t *outlen, char *err, size_t errlen)
{
	iconv_t cd = iconv_open("UTF-8", from);
	struct buf b = { 0 };
	char chunk[8192];
	char *ip = (char *)in;
	size_t il = len;

	if (cd == (iconv_t)-1)
		return fail(err, errlen, "unsupported charset %s", from);
	while (il > 0) {
		char *op = chunk;
		size_t ol = sizeof(chunk);
		size_t r = iconv(cd, &ip, &il, &op, &ol);

		buf_append(&b, chunk, sizeof(chunk) - ol);
		if (r == (size_t)-1 && errno != E2BIG) {
			/* EILSEQ or EINVAL: replace one byte, carry on. */
			buf_append(&b, "\xef\xbf\xbd", 3);
			ip++;
			il--;
		}
	}
	iconv_close(cd);
	*outlen = b.len;
	*out = buf_take(&b);
	return 0;
}

/* A known binary signature at the start of in, or NULL. */
static const char *
binary_magic_reason(const unsigned char *in, size_t len)
{
	for (size_t i = 0; i < sizeof(binary_magic) / sizeof(binary_magic[0]);
	    i++)
		if (starts_with(in, len, binary_magic[i].bytes,
		    binary_magic[i].len))
			return binary_magic[i].what;
	return NULL;
}

/* Why text that is not UTF-16 is binary after all (nul: it holds a NUL
 * byte), or NULL. */
static const char *
binary_text_reason(const unsigned char *in, size_t len, bool nul)
{
	size_t n = len < 8192 ? len : 8192;
	size_t ctl = 0;

	if (nul)
		return "binary data (NUL bytes)";
	for (size_t i = 0; i < n; i++)
		if (in[i] < 0x20 && in[i] != '\t' && in[i] != '\n' &&
		    in[i] != '\r' && in[i] != '\f' && in[i] != 0x1b)
			ctl++;
	if (ctl > 16 && ctl * 10 > n)
		return "binary data (mostly control characters)";
	return NULL;
}

/* The end of the markup that opens at in[i] (a '<'): past its '>', past
 * a comment's "-->", past the end tag of a script or a style; i itself
 * when in[i] opens no markup ("a < b"). *tag: whether it is a tag other
 * than a script's or a style's. */
static size_t
detect_skip(const unsigned char *in, size_t n, size_t i, bool *tag)
{
	const char *p = (const char *)in + i, *end = (const char *)in + n;
	const char *q = NULL;
	unsigned char c = i + 1 < n ? in[i + 1] : 0;

	*tag = false;
	if (!isalpha(c) && c != '/' && c != '!' && c != '?')
		return i;
	if (n - i >= 4 && memcmp(p, "<!--", 4) == 0) {
		q = memmem(p + 4, (size_t)(end - p - 4), "-->", 3);
		return q == NULL ? n : (size_t)(q + 3 - (const char *)in);
	}
	if (n - i > 7 && strncasecmp(p + 1, "script", 6) == 0 &&
	    !isalnum((unsigned char)p[7]))
		q = decode_find_ci(p + 7, end, "</script", 8);
	else if (n - i > 6 && strncasecmp(p + 1, "style", 5) == 0 &&
	    !isalnum((unsigned char)p[6]))
		q = decode_find_ci(p + 6, end, "</style", 7);
	*tag = q == NULL;
	if (q != NULL)
		p = q;
	q = memchr(p, '>', (size_t)(end - p));
	return q == NULL ? n : (size_t)(q + 1 - (const char *)in);
}

/* The text of in[0, n) into out, at most max bytes, without comments,
 * scripts and styles, and without tags unless tags is true: each one a
 * space; its length. What the detector reads: addresses, attribute
 * values and code are no prose, and a comment's run of en dashes (0x96
 * 0x96, a kanji in Shift_JIS) made Spanish in windows-1252 Shift_JIS. */
static size_t
detect_text(const unsigned char *in, size_t n, unsigned char *out,
    size_t max, bool tags)
{
	size_t i = 0, o = 0, j;
	bool tag;

	while (i < n && o < max) {
		const unsigned char *lt = memchr(in + i, '<', n - i);
		size_t run = lt == NULL ? n - i : (size_t)(lt - in) - i;

		j = run < max - o ? run : max - o;
		memcpy(out + o, in + i, j);
		o += j;
		i += j;
		/* out full: no room for the space of the markup */
		if (j < run || i == n || o == max)
			break;
		j = detect_skip(in, n, i, &tag);
		if (j == i || (tag && tags)) {
			j = j == i ? i + 1 : j;
			run = j - i < max - o ? j - i : max - o;
			memcpy(out + o, in + i, run);
			o += run;
		} else {
			out[o++] = ' ';
		}
		i = j;
	}
	return o;
}

static size_t
count_high(const unsigned char *p, size_t n)
{
	size_t high = 0;

	for (size_t i = 0; i < n; i++)
		high += p[i] >= 0x80;
	return high;
}

/* The charset uchardet (a port of Mozilla's detector) names for p[0, n),
 * as iconv's name of the web's decoder for it (canonical_charset());
 * windows-1252 when it names none of the web's charsets (the WHATWG
 * Encoding Standard's list), plain ASCII or Latin-1, whose printable
 * range windows-1252 shares. */
static const char *
detect_uchardet(const unsigned char *p, size_t n)
{
	static const char *const web[] = {
		"UTF-8", "WINDOWS-1250", "WINDOWS-1251", "WINDOWS-1253",
		"WINDOWS-1254", "WINDOWS-1255", "WINDOWS-1256",
		"WINDOWS-1257", "WINDOWS-1258", "GB18030", "EUC-JP",
		"ISO-2022-JP", "ISO-8859-2", "ISO-8859-3", "ISO-8859-4",
		"ISO-8859-5", "ISO-8859-6", "ISO-8859-7", "ISO-8859-8",
		"ISO-8859-10", "ISO-8859-13", "ISO-8859-15", "ISO-8859-16",
		"KOI8-R", "KOI8-U", "IBM866", "WINDOWS-874", "MAC-CYRILLIC",
	};
	uchardet_t ud = uchardet_new();
	const char *got, *cs = "WINDOWS-1252";
	char label[32];
	size_t i;

	if (ud == NULL)
		abort();  /* out of memory, as xmalloc() */
	if (uchardet_handle_data(ud, (const char *)p, n) == 0) {
		uchardet_data_end(ud);
		got = uchardet_get_charset(ud);
		for (i = 0; got[i] != '\0' && i + 1 < sizeof(label); i++)
			label[i] = (char)tolower((unsigned char)got[i]);
		label[i] = '\0';
		if (canonical_charset(label) != NULL)
			cs = canonical_charset(label);
		for (i = 0; i < sizeof(web) / sizeof(web[0]); i++)
			if (strcasecmp(got, web[i]) == 0)
				cs = web[i];
	}
	uchardet_delete(ud);
	return cs;
}

/* The bytes 0x80 to 0xBF of the single-byte charsets uchardet confuses
 * on short text: 'L' a letter; ',' a sign that may touch a word (a
 * quotation mark, a dash, "\xbfQu\xe9", "m\xb2"); '.' one that does
 * not ("\xb1", "\xb6", "\xa6", "\xac", "\xa4"); 'x' no character (a C1
 * control or unassigned); 'a' the apostrophe and the soft hyphen, which
 * stand inside words. 0xC0 to 0xFF are letters in all three, but for
 * 0xD7 and 0xF7, the same signs. */
static const struct {
	const char *name;
	const char *cls;
} latin_cls[] = {
	{ "WINDOWS-1252", ",x,L,,,,L,L,LxLxx,a,,,,,,,L,LxLL"
	    ",,.......,L,.a,.,.,,.L.,.,L,,,,," },
	{ "WINDOWS-1250", ",x,x,,,,x,L,LLLLx,a,,,,,x,L,LLLL"
	    ",L.L.L...,L,.a,L,..L.L.,.LL,L.LL" },
	{ "ISO-8859-2", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	    ",L.L.LL..LLLLaLL,L.L.LLL.LLLL.LL" },
};

/* The class of byte c in latin_cls[k]: 'A' for an ASCII letter, ' ' for
 * other ASCII. */
static char
latin_class(size_t k, unsigned char c)
{
	if (c < 0x80)
		return isalpha(c) ? 'A' : ' ';
	if (c >= 0xc0)
		return c == 0xd7 || c == 0xf7 ? ',' : 'L';
	return latin_cls[k].cls[c - 0x80];
}

static bool
latin_letter(size_t k, const unsigned char *p, size_t n, size_t i)
{
	char c;

	if (i >= n)
		return false;
	c = latin_class(k, p[i]);
	return c == 'A' || c == 'L';
}

/* How well p[0, n) reads in latin_cls[k]: a letter between two letters
 * counts one ("zarz\xb1dzanie" is "zarządzanie" in ISO-8859-2,
 * "zarz±dzanie" in windows-1250 and windows-1252), a sign there minus
 * one, a sign that touches no word beside a letter minus one
 * ("\xb6ledztwa", "¶ledztwa" in windows-1250), a byte that is no
 * character minus four. */
static long
latin_score(size_t k, const unsigned char *p, size_t n)
{
	long score = 0;
	bool prev, next;
	char c;

	for (size_t i = 0; i < n; i++) {
		if (p[i] < 0x80 || p[i] >= 0xc0)
			continue;
		c = latin_class(k, p[i]);
		prev = i > 0 && latin_letter(k, p, n, i - 1);
		next = latin_letter(k, p, n, i + 1);
		if (c == 'x')
			score -= 4;
		else if (c == '.' && (prev || next))
			score--;
		else if (prev && next)
			score += c == 'L' ? 1 : c == ',' ? -1 : 0;
	}
	return score;
}

/* Of windows-1252, windows-1250 and ISO-8859-2, the one p[0, n) reads
 * best in, where uchardet named one of them (cs): on a paragraph it
 * cannot tell them apart (Polish was windows-1252, Czech's "Babiš" in
 * ISO-8859-2 "Babią"). They differ only in 0x80 to 0xBF: the letters
 * of one are signs or no characters in the others. cs on a tie. */
static const char *
detect_latin(const unsigned char *p, size_t n, const char *cs)
{
	size_t k, at = SIZE_MAX;
	long score[3], best = 0;

	for (k = 0; k < 3; k++)
		if (strcmp(cs, latin_cls[k].name) == 0)
			at = k;
	if (at == SIZE_MAX)
		return cs;
	for (k = 0; k < 3; k++)
		score[k] = latin_score(k, p, n);
	best = score[at];
	for (k = 0; k < 3; k++)
		if (score[k] > best) {
			best = score[k];
			at = k;
		}
	return latin_cls[at].name;
}

/* The charset of undeclared text that is not UTF-8: uchardet reads the
 * first DECODE_DETECT_MAX bytes of the text outside the markup when they
 * hold DECODE_DETECT_MIN bytes outside ASCII, else of the text with its
 * tags (a page whose words are in attribute values); windows-1252 when
 * neither does (uchardet takes "na\xefve" for DOS Central European).
 * Where it names windows-1252, windows-1250 or ISO-8859-2, the letters
 * decide between them (detect_latin()). */
static const char *
detect_charset(const unsigned char *in, size_t len)
{
	size_t n = len < DECODE_DETECT_MAX ? len : DECODE_DETECT_MAX, tn;
	unsigned char *text = xmalloc(n);
	const char *cs = "WINDOWS-1252";

	tn = detect_text(in, len, text, n, false);
	if (count_high(text, tn) < DECODE_DETECT_MIN)
		tn = detect_text(in, len, text, n, true);
	if (count_high(text, tn) >= DECODE_DETECT_MIN)
		cs = detect_latin(text, tn, detect_uchardet(text, tn));
	free(text);
	return cs;
}

/* decode_to_utf8(), or with view not NULL decode_to_utf8_view(): then
 * clean UTF-8 is not copied but pointed to. */
static int
decode_run(const unsigned char *in, size_t len, const char *content_type,
    char **out, size_t *outlen, const char **view, const char **charset,
    char *err, size_t errlen)
{
	char label[64];
	const char *cs = NULL;
	const char *why;
	bool utf16;
	size_t skip = 0;
	struct decode_scan sc = { 0 };
	int rc;

	*out = NULL;
	*outlen = 0;
	if (len == 0 || in == NULL)
		return fail(err, errlen, "empty file");
	if (starts_with(in, len, "\xef\xbb\xbf", 3)) {
		cs = "UTF-8";
		skip = 3;
	} else if (starts_with(in, len, "\xff\xfe", 2)) {
		cs = "UTF-16LE";
		skip = 2;
	} else if (starts_with(in, len, "\xfe\xff", 2)) {
		cs = "UTF-16BE";
		skip = 2;
	}
	utf16 = cs != NULL && strncmp(cs, "UTF-16", 6) == 0;
	why = binary_magic_reason(in, len);
	if (why == NULL && !utf16) {
		/* one pass finds NULs, invalid UTF-8 and controls alike; a
		 * BOM holds no NUL */
		utf8_scan(in + skip, len - skip, &sc);
		why = binary_text_reason(in, len, sc.nul);
	}
	if (why != NULL)
		return fail(err, errlen, "not a text document: %s", why);
	if (cs == NULL && (charset_from_content_type(content_type, label,
	    sizeof(label)) || charset_from_markup(in, len, label,
	    sizeof(label)))) {
		cs = canonical_charset(label);
		if (cs == NULL) {
			iconv_t cd = iconv_open("UTF-8", label);

			if (cd == (iconv_t)-1)
				return fail(err, errlen,
				    "unknown charset \"%s\"", label);
			iconv_close(cd);
			rc = convert(label, in, len, out, outlen, err, errlen);
			if (rc == 0) {
				*outlen = strip_controls(*out, *outlen);
				if (charset != NULL)
					*charset = "declared";
			}
			return rc;
		}
	}
	in += skip;
	len -= skip;
	if (cs == NULL && sc.bad > 0) {
		cs = detect_charset(in, len);
		/* undeclared text is never refused as broken UTF-8 */
		if (strcmp(cs, "UTF-8") == 0 &&
		    sc.bad * 1000 > len * DECODE_MAX_INVALID_PERMILLE)
			cs = "WINDOWS-1252";
	}
	if (cs == NULL || strcmp(cs, "UTF-8") == 0) {
		cs = "UTF-8";
		if (sc.bad * 1000 > len * DECODE_MAX_INVALID_PERMILLE)
			return fail(err, errlen, "invalid UTF-8: %zu "
			    "of %zu bytes are not UTF-8", sc.bad, len);
		if (sc.bad == 0 && !sc.ctl && view != NULL) {
			/* the common case, when the caller can read
			 * the bytes where they are: no copy */
			*view = (const char *)in;
			*outlen = len;
			if (charset != NULL)
				*charset = cs;
			return 0;
		}
		if (sc.bad == 0) {
			/* the common case: one copy, and a second
			 * pass only if there is a control to drop */
			*out = xstrndup((const char *)in, len);
			*outlen = sc.ctl ?
			    strip_controls(*out, len) : len;
			if (charset != NULL)
				*charset = cs;
			return 0;
		}
	}
	if (strcmp(cs, "UTF-8") == 0) {
		*out = utf8_repair(in, len, outlen);
	} else {
		rc = convert(cs, in, len, out, outlen, err, errlen);
		if (rc != 0)
			return rc;
	}
	*outlen = strip_controls(*out, *outlen);
	if (charset != NULL)
		*charset = cs;
	return 0;
}

int
decode_to_utf8(const unsigned char *in, size_t len,
    const char *content_type, char **out, size_t *outlen,
    const char **charset, char *err, size_t errlen)
{
	return decode_run(in, len, content_type, out, outlen, NULL, charset,
	    err, errlen);
}

bool
decode_view_unchecked(const unsigned char *in, size_t len,
    const char *content_type, const char **view, size_t *viewlen)
{
	char label[64];
	const char *cs;
	size_t skip = 0;

	if (len == 0 || in == NULL || binary_magic_reason(in, len) != NULL)
		return false;
	/* decode_run()'s choices, less those its scan makes: clean UTF-8
	 * holds no NUL and no control character, so it is never binary */
	if (starts_with(in, len, "\xef\xbb\xbf", 3)) {
		skip = 3;
	} else if (starts_with(in, len, "\xff\xfe", 2) ||
	    starts_with(in, len, "\xfe\xff", 2)) {
		return false;
	} else if (charset_from_content_type(content_type, label,
	    sizeof(label)) || charset_from_markup(in, len, label,
	    sizeof(label))) {
		cs = canonical_charset(label);
		if (cs == NULL || strcmp(cs, "UTF-8") != 0)
			return false;
	}
	*view = (const char *)in + skip;
	*viewlen = len - skip;
	return true;
}

void
decode_check_init(struct decode_check *c, const char *view, size_t len)
{
	c->p = (const unsigned char *)view;
	c->len = len;
	c->at = 0;
	c->dirty = false;
}

void
decode_check_to(struct decode_check *c, size_t to)
{
	struct decode_scan sc = { 0 };

	if (to > c->len)
		to = c->len;
	if (c->dirty || to <= c->at)
		return;
	c->at = utf8_scan_to(c->p, c->at, to, c->len, &sc);
	c->dirty = sc.bad > 0 || sc.ctl;
}

int
decode_to_utf8_view(const unsigned char *in, size_t len,
    const char *content_type, const char **view, size_t *viewlen,
    char **owned, const char **charset, char *err, size_t errlen)
{
	int rc;

	*view = NULL;
	rc = decode_run(in, len, content_type, owned, viewlen, view,
	    charset, err, errlen);
	if (rc == 0 && *view == NULL)
		*view = *owned;
	return rc;
}
