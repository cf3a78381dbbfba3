#include "decode.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

/* How far into a document a <meta> charset declaration is looked for. */
#define DECODE_PRESCAN 4096
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

static size_t
utf8_invalid_count(const unsigned char *p, size_t n)
{
	size_t bad = 0;

	for (size_t i = 0; i < n;) {
		size_t l;

		if (p[i] < 0x80) {
			i++;
			continue;
		}
		l = utf8_seq_len(p + i, n - i);
		if (l == 0) {
			bad++;
			l = 1;
		}
		i += l;
	}
	return bad;
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

/* <meta charset="x">, <meta http-equiv content="...; charset=x"> and the
 * XML declaration's encoding="x", within the first bytes. */
static bool
charset_from_markup(const unsigned char *in, size_t len, char *out,
    size_t outlen)
{
	size_t n = len < DECODE_PRESCAN ? len : DECODE_PRESCAN;
	char *head = xstrndup((const char *)in, n);
	const char *end = head + strlen(head);
	bool found = false;
	const char *p = head;

	if (strncmp(head, "<?xml", 5) == 0) {
		const char *e = strstr(head, "?>");
		const char *enc = strstr(head, "encoding=");

		if (enc != NULL && (e == NULL || enc < e)) {
			copy_label(enc + 9, end, out, outlen);
			found = out[0] != '\0';
		}
	}
	while (!found && (p = strcasestr(p, "<meta")) != NULL) {
		const char *close = strchr(p, '>');
		const char *cs = p;

		if (close == NULL)
			break;
		/* "charset" may also be a value (name="charset"): only
		 * "charset" followed by '=' declares one. */
		while (!found && (cs = strcasestr(cs, "charset")) != NULL &&
		    cs < close) {
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
	free(head);
	return found;
}

static const char *
canonical_charset(const char *label)
{
	static const struct {
		const char *label;
		const char *name;
	} aliases[] = {
		{ "utf-8", "UTF-8" }, { "utf8", "UTF-8" },
		{ "unicode-1-1-utf-8", "UTF-8" },
		{ "us-ascii", "WINDOWS-1252" }, { "ascii", "WINDOWS-1252" },
		{ "iso-8859-1", "WINDOWS-1252" }, { "latin1", "WINDOWS-1252" },
		{ "iso8859-1", "WINDOWS-1252" }, { "l1", "WINDOWS-1252" },
		{ "windows-1252", "WINDOWS-1252" }, { "cp1252", "WINDOWS-1252" },
		{ "x-user-defined", "WINDOWS-1252" },
		{ "utf-16", "UTF-16" }, { "utf-16le", "UTF-16LE" },
		{ "utf-16be", "UTF-16BE" },
		{ "gb2312", "GB18030" }, { "gbk", "GB18030" },
		{ "x-sjis", "SHIFT_JIS" }, { "sjis", "SHIFT_JIS" },
		{ "ks_c_5601-1987", "EUC-KR" },
	};

	for (size_t i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++)
		if (strcmp(label, aliases[i].label) == 0)
			return aliases[i].name;
	return NULL;
}

/* Drops control characters other than \t \n \r \f from UTF-8 in place. */
static size_t
strip_controls(char *s, size_t n)
{
	size_t w = 0;

	for (size_t r = 0; r < n; r++) {
		unsigned char c = (unsigned char)s[r];

		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' &&
		    c != '\f')
			continue;
		if (c == 0x7f)
			continue;
		s[w++] = s[r];
	}
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

static const char *
binary_reason(const unsigned char *in, size_t len, bool utf16)
{
	size_t n = len < 8192 ? len : 8192;
	size_t ctl = 0;

	for (size_t i = 0; i < sizeof(binary_magic) / sizeof(binary_magic[0]);
	    i++)
		if (starts_with(in, len, binary_magic[i].bytes,
		    binary_magic[i].len))
			return binary_magic[i].what;
	if (utf16)
		return NULL;
	if (memchr(in, '\0', len) != NULL)
		return "binary data (NUL bytes)";
	for (size_t i = 0; i < n; i++)
		if (in[i] < 0x20 && in[i] != '\t' && in[i] != '\n' &&
		    in[i] != '\r' && in[i] != '\f' && in[i] != 0x1b)
			ctl++;
	if (ctl > 16 && ctl * 10 > n)
		return "binary data (mostly control characters)";
	return NULL;
}

int
decode_to_utf8(const unsigned char *in, size_t len,
    const char *content_type, char **out, size_t *outlen,
    const char **charset, char *err, size_t errlen)
{
	char label[64];
	const char *cs = NULL;
	const char *why;
	bool bom = false;
	size_t skip = 0;
	int rc;

	*out = NULL;
	*outlen = 0;
	if (len == 0)
		return fail(err, errlen, "empty file");
	if (starts_with(in, len, "\xef\xbb\xbf", 3)) {
		cs = "UTF-8";
		skip = 3;
		bom = true;
	} else if (starts_with(in, len, "\xff\xfe", 2)) {
		cs = "UTF-16LE";
		skip = 2;
		bom = true;
	} else if (starts_with(in, len, "\xfe\xff", 2)) {
		cs = "UTF-16BE";
		skip = 2;
		bom = true;
	}
	why = binary_reason(in, len, bom && strncmp(cs, "UTF-16", 6) == 0);
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
	if (cs == NULL || strcmp(cs, "UTF-8") == 0) {
		size_t bad = utf8_invalid_count(in, len);

		if (cs == NULL && bad > 0) {
			cs = "WINDOWS-1252";
		} else {
			cs = "UTF-8";
			if (bad * 1000 > len * DECODE_MAX_INVALID_PERMILLE)
				return fail(err, errlen, "invalid UTF-8: %zu "
				    "of %zu bytes are not UTF-8", bad, len);
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
