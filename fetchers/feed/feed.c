/* The feed model, format detection, input preparation and the JSON form
 * (a person written as one text is read in feed_person.c).
 * The format parsers live in feed_xml.c (RSS, RDF, Atom) and feed_json.c
 * (JSON Feed). */
#include "feed.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>


#include "date.h"
#include "gunzip.h"

struct feed *
feed_new(void)
{
	return xcalloc(1, sizeof(struct feed));
}

struct feed *
feed_new_opts(const struct feed_opts *o)
{
	struct feed *f = feed_new();

	feed_keep_start(f, o->max_items, o->key);
	return f;
}

/* Makes room for element n in the array v of n elements of size bytes.
 * The capacity is n rounded up to a power of two, so it grows only when n
 * is one: n appends copy O(n) bytes, not O(n^2) (a feed of 200,000 items
 * took minutes under ASan, whose realloc always copies). */
static void *
feed_grow(void *v, size_t n, size_t size)
{
	if (n != 0 && (n & (n - 1)) != 0)
		return v;
	return xrealloc(v, (n != 0 ? 2 * n : 1) * size);
}

struct feed_item *
feed_add_item(struct feed *f)
{
	if (f->n_items == f->items_cap) {
		/* doubled: n appends copy O(n) bytes */
		f->items_cap = f->items_cap ? 2 * f->items_cap : 1;
		f->items = xrealloc(f->items, f->items_cap *
		    sizeof(*f->items));
	}
	memset(&f->items[f->n_items], 0, sizeof(*f->items));
	return &f->items[f->n_items++];
}

static void
feed_person_free(struct feed_person *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].email);
	}
	free(v);
}

static void
feed_media_free(struct feed_media *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].url);
		free(v[i].type);
		free(v[i].medium);
		free(v[i].length);
		free(v[i].width);
		free(v[i].height);
		free(v[i].duration);
	}
	free(v);
}

void
feed_item_free(struct feed_item *it)
{
	free(it->guid);
	free(it->title);
	free(it->description);
	free(it->content);
	free(it->link);
	strlist_free(&it->links);
	feed_person_free(it->authors, it->n_authors);
	strlist_free(&it->categories);
	for (size_t i = 0; i < it->n_enclosures; i++) {
		free(it->enclosures[i].url);
		free(it->enclosures[i].length);
		free(it->enclosures[i].type);
	}
	free(it->enclosures);
	free(it->image.url);
	free(it->image.title);
	feed_media_free(it->media_content, it->n_media_content);
	feed_media_free(it->media_thumbnail, it->n_media_thumbnail);
}

void
feed_free(struct feed *f)
{
	if (f == NULL)
		return;
	free(f->version);
	free(f->title);
	free(f->description);
	free(f->link);
	strlist_free(&f->links);
	free(f->feed_link);
	free(f->language);
	free(f->copyright);
	free(f->generator);
	free(f->image.url);
	free(f->image.title);
	feed_person_free(f->authors, f->n_authors);
	strlist_free(&f->categories);
	for (size_t i = 0; i < f->n_items; i++)
		feed_item_free(&f->items[i]);
	free(f->items);
	feed_keep_free(f);
	free(f);
}

/* A copy of s without surrounding whitespace, or NULL when nothing is
 * left. */
static char *
feed_trimdup(const char *s)
{
	size_t a = 0, b;

	if (s == NULL)
		return NULL;
	b = strlen(s);
	while (a < b && isspace((unsigned char)s[a]))
		a++;
	while (b > a && isspace((unsigned char)s[b - 1]))
		b--;
	if (a == b)
		return NULL;
	return xstrndup(s + a, b - a);
}

void
feed_set_once(char **field, const char *value)
{
	if (*field == NULL)
		*field = feed_trimdup(value);
}

void
feed_set_date(struct nw_time *t, const char *s)
{
	struct nw_time tmp;

	if (t->set || s == NULL)
		return;
	if (date_parse(s, &tmp) == 0)
		*t = tmp;
}

void
feed_set_image(struct feed_image *img, const char *url, const char *title)
{
	if (img->url != NULL)
		return;
	img->url = feed_trimdup(url);
	if (img->url)
		img->title = feed_trimdup(title);
}

void
feed_add_author(struct feed_person **v, size_t *n, const char *name,
    const char *email)
{
	char *nm = feed_trimdup(name), *em = feed_trimdup(email);

	if (nm == NULL && em == NULL)
		return;
	*v = feed_grow(*v, *n, sizeof(**v));
	(*v)[*n].name = nm;
	(*v)[*n].email = em;
	(*n)++;
}

void
feed_add_enclosure(struct feed_item *it, const char *url,
    const char *length, const char *type)
{
	struct feed_enclosure *e;
	char *u = feed_trimdup(url);

	if (u == NULL)
		return;
	it->enclosures = feed_grow(it->enclosures, it->n_enclosures,
	    sizeof(*it->enclosures));
	e = &it->enclosures[it->n_enclosures++];
	e->url = u;
	e->length = feed_trimdup(length);
	e->type = feed_trimdup(type);
}

void
feed_add_media(struct feed_media **v, size_t *n, const struct feed_media *m)
{
	struct feed_media *e;
	char *u = feed_trimdup(m->url);

	if (u == NULL)
		return;
	*v = feed_grow(*v, *n, sizeof(**v));
	e = &(*v)[(*n)++];
	e->url = u;
	e->type = feed_trimdup(m->type);
	e->medium = feed_trimdup(m->medium);
	e->length = feed_trimdup(m->length);
	e->width = feed_trimdup(m->width);
	e->height = feed_trimdup(m->height);
	e->duration = feed_trimdup(m->duration);
}

char *
feed_html_first_img(const char *html)
{
	const char *p, *q, *end;
	struct buf b = { 0 };

	if (html == NULL)
		return NULL;
	for (p = strchr(html, '<'); p != NULL; p = strchr(p, '<')) {
		p++;
		if (strncasecmp(p, "img", 3) != 0 ||
		    !(isspace((unsigned char)p[3]) || p[3] == '/'))
			continue;
		end = strchr(p, '>');
		if (end == NULL)
			return NULL;
		for (q = p + 3; q + 4 < end; q++) {
			char quote;
			const char *v, *ve;

			if (strncasecmp(q, "src", 3) != 0 ||
			    !isspace((unsigned char)q[-1]))
				continue;
			v = q + 3;
			while (v < end && isspace((unsigned char)*v))
				v++;
			if (v >= end || *v != '=')
				continue;
			v++;
			while (v < end && isspace((unsigned char)*v))
				v++;
			quote = (*v == '"' || *v == '\'') ? *v++ : 0;
			ve = v;
			while (ve < end && (quote ? *ve != quote :
			    !isspace((unsigned char)*ve)))
				ve++;
			if (ve == v)
				return NULL;
			/* undo the one entity src values carry */
			for (const char *s = v; s < ve; s++) {
				if (strncmp(s, "&amp;", 5) == 0) {
					buf_putc(&b, '&');
					s += 4;
				} else {
					buf_putc(&b, *s);
				}
			}
			return buf_take(&b);
		}
		p = end;
	}
	return NULL;
}

/* ---- input preparation ------------------------------------------------ */

bool
feed_valid_utf8(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		unsigned char c = s[i];
		size_t k;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
			k = 1;
		else if (c >= 0xE0 && c <= 0xEF)
			k = 2;
		else if (c >= 0xF0 && c <= 0xF4)
			k = 3;
		else
			return false;
		if (i + k >= n)
			return true;   /* cut short at the end: still UTF-8 */
		for (size_t j = 1; j <= k; j++)
			if ((s[i + j] & 0xC0) != 0x80)
				return false;
		i += k + 1;
	}
	return true;
}

/* HTML named entities that feeds use without declaring them. XML's own
 * five are not here: libxml2 knows them. */
static const struct {
	const char *name;
	uint32_t cp;
} feed_html_entities[] = {
	{ "nbsp", 160 }, { "iexcl", 161 }, { "cent", 162 }, { "pound", 163 },
	{ "curren", 164 }, { "yen", 165 }, { "brvbar", 166 }, { "sect", 167 },
	{ "uml", 168 }, { "copy", 169 }, { "ordf", 170 }, { "laquo", 171 },
	{ "not", 172 }, { "shy", 173 }, { "reg", 174 }, { "macr", 175 },
	{ "deg", 176 }, { "plusmn", 177 }, { "sup2", 178 }, { "sup3", 179 },
	{ "acute", 180 }, { "micro", 181 }, { "para", 182 },
	{ "middot", 183 }, { "cedil", 184 }, { "sup1", 185 }, { "ordm", 186 },
	{ "raquo", 187 }, { "frac14", 188 }, { "frac12", 189 },
	{ "frac34", 190 }, { "iquest", 191 }, { "Agrave", 192 },
	{ "Aacute", 193 }, { "Acirc", 194 }, { "Atilde", 195 },
	{ "Auml", 196 }, { "Aring", 197 }, { "AElig", 198 }, { "Ccedil", 199 },
	{ "Egrave", 200 }, { "Eacute", 201 }, { "Ecirc", 202 }, { "Euml",
	    203 },
	{ "Igrave", 204 }, { "Iacute", 205 }, { "Icirc", 206 }, { "Iuml",
	    207 },
	{ "ETH", 208 }, { "Ntilde", 209 }, { "Ograve", 210 }, { "Oacute",
	    211 },
	{ "Ocirc", 212 }, { "Otilde", 213 }, { "Ouml", 214 }, { "times", 215 },
	{ "Oslash", 216 }, { "Ugrave", 217 }, { "Uacute", 218 },
	{ "Ucirc", 219 }, { "Uuml", 220 }, { "Yacute", 221 }, { "THORN", 222 },
	{ "szlig", 223 }, { "agrave", 224 }, { "aacute", 225 },
	{ "acirc", 226 }, { "atilde", 227 }, { "auml", 228 }, { "aring", 229 },
	{ "aelig", 230 }, { "ccedil", 231 }, { "egrave", 232 },
	{ "eacute", 233 }, { "ecirc", 234 }, { "euml", 235 }, { "igrave",
	    236 },
	{ "iacute", 237 }, { "icirc", 238 }, { "iuml", 239 }, { "eth", 240 },
	{ "ntilde", 241 }, { "ograve", 242 }, { "oacute", 243 },
	{ "ocirc", 244 }, { "otilde", 245 }, { "ouml", 246 }, { "divide",
	    247 },
	{ "oslash", 248 }, { "ugrave", 249 }, { "uacute", 250 },
	{ "ucirc", 251 }, { "uuml", 252 }, { "yacute", 253 }, { "thorn", 254 },
	{ "yuml", 255 }, { "OElig", 338 }, { "oelig", 339 },
	{ "Scaron", 352 }, { "scaron", 353 }, { "Yuml", 376 }, { "fnof", 402 },
	{ "circ", 710 }, { "tilde", 732 }, { "ensp", 8194 }, { "emsp", 8195 },
	{ "thinsp", 8201 }, { "zwnj", 8204 }, { "zwj", 8205 }, { "lrm", 8206 },
	{ "rlm", 8207 }, { "ndash", 8211 }, { "mdash", 8212 },
	{ "lsquo", 8216 }, { "rsquo", 8217 }, { "sbquo", 8218 },
	{ "ldquo", 8220 }, { "rdquo", 8221 }, { "bdquo", 8222 },
	{ "dagger", 8224 }, { "Dagger", 8225 }, { "bull", 8226 },
	{ "hellip", 8230 }, { "permil", 8240 }, { "prime", 8242 },
	{ "Prime", 8243 }, { "lsaquo", 8249 }, { "rsaquo", 8250 },
	{ "oline", 8254 }, { "frasl", 8260 }, { "euro", 8364 },
	{ "trade", 8482 }, { "larr", 8592 }, { "uarr", 8593 },
	{ "rarr", 8594 }, { "darr", 8595 }, { "harr", 8596 },
	{ "minus", 8722 }, { "le", 8804 }, { "ge", 8805 }, { "ne", 8800 },
	{ "hearts", 9829 }, { "alpha", 945 }, { "beta", 946 },
	{ "gamma", 947 }, { "delta", 948 }, { "mu", 956 }, { "pi", 960 },
	{ "sigma", 963 }, { "omega", 969 }, { "Omega", 937 },
};

static int
feed_html_entity(const char *name, size_t n, uint32_t *cp)
{
	for (size_t i = 0; i < sizeof(feed_html_entities) /
	    sizeof(feed_html_entities[0]); i++)
		if (strlen(feed_html_entities[i].name) == n &&
		    memcmp(feed_html_entities[i].name, name, n) == 0) {
			*cp = feed_html_entities[i].cp;
			return 0;
		}
	return -1;
}

/* Entities a document declares in its internal DTD subset, kept only
 * when their value is short plain text. */
#define FEED_MAX_DECL 32

struct feed_decl {
	char name[33];
	char value[129];
};

struct feed_decls {
	struct feed_decl v[FEED_MAX_DECL];
	size_t n;
};

static const char *
feed_skip_ws(const char *p, const char *end)
{
	while (p < end && isspace((unsigned char)*p))
		p++;
	return p;
}

/* Reads the <!ENTITY name "value"> declarations of the internal subset
 * s[0..n) into d. Parameter entities, external entities and values that
 * refer to other entities are ignored: they are never expanded. */
static void
feed_read_decls(const char *s, size_t n, struct feed_decls *d)
{
	const char *p = s, *end = s + n;

	while (p < end && d->n < FEED_MAX_DECL) {
		const char *q = memmem(p, (size_t)(end - p), "<!ENTITY", 8);
		const char *nm, *v, *ve;
		size_t nl;
		char quote;

		if (q == NULL)
			return;
		p = feed_skip_ws(q + 8, end);
		if (p >= end || *p == '%')
			continue;
		nm = p;
		while (p < end && !isspace((unsigned char)*p))
			p++;
		nl = (size_t)(p - nm);
		p = feed_skip_ws(p, end);
		if (p >= end || (*p != '"' && *p != '\''))
			continue;   /* SYSTEM or PUBLIC: external */
		quote = *p;
		v = p + 1;
		ve = memchr(v, quote, (size_t)(end - v));
		if (ve == NULL)
			return;
		p = ve + 1;
		if (nl == 0 || nl >= sizeof(d->v[0].name) ||
		    (size_t)(ve - v) >= sizeof(d->v[0].value) ||
		    memchr(v, '<', (size_t)(ve - v)) ||
		    memchr(v, '%', (size_t)(ve - v)))
			continue;
		/* character references are fine, entity references not */
		for (const char *a = v; a < ve; a++)
			if (*a == '&' && (a + 1 >= ve || a[1] != '#'))
				goto next;
		memcpy(d->v[d->n].name, nm, nl);
		d->v[d->n].name[nl] = '\0';
		memcpy(d->v[d->n].value, v, (size_t)(ve - v));
		d->v[d->n].value[ve - v] = '\0';
		d->n++;
next:
		;
	}
}

/* The end of a <!DOCTYPE ...> starting at s[0], its internal subset (if
 * any) in *sub / *sublen. Quoted strings may hold '>' and ']'. */
static size_t
feed_doctype_end(const char *s, size_t n, const char **sub, size_t *sublen)
{
	size_t i = 9;
	char quote = 0;

	*sub = NULL;
	*sublen = 0;
	for (; i < n; i++) {
		char c = s[i];

		if (quote) {
			if (c == quote)
				quote = 0;
			continue;
		}
		if (c == '"' || c == '\'') {
			quote = c;
		} else if (c == '[' && *sub == NULL) {
			*sub = s + i + 1;
		} else if (c == ']' && *sub != NULL && *sublen == 0) {
			*sublen = (size_t)(s + i - *sub);
		} else if (c == '>' && (*sub == NULL || *sublen > 0 ||
		    s[i - 1] == ']')) {
			return i + 1;
		}
	}
	return n;
}

/* Copies an 8-bit or UTF-8 XML document, making it one libxml2 reads the
 * way a person would, and one where no entity can do harm:
 * - the DOCTYPE is dropped, so libxml2 sees no entity declaration at all
 *   (nothing to expand, nothing external to fetch); references to the
 *   entities it declared with short plain values are replaced by those
 *   values, other unknown references are kept as literal text;
 * - HTML named entities outside CDATA sections and comments become
 *   character references;
 * - a bare '&' that starts no reference becomes "&amp;";
 * - control characters XML forbids are dropped. */
static void
feed_clean_xml(const char *s, size_t n, struct buf *out)
{
	struct feed_decls *decls = xcalloc(1, sizeof(*decls));
	bool seen_root = false;
	size_t i = 0;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];

		if (c == '<' && !seen_root && i + 9 <= n &&
		    memcmp(s + i, "<!DOCTYPE", 9) == 0) {
			const char *sub;
			size_t sublen;
			size_t end = feed_doctype_end(s + i, n - i, &sub,
			    &sublen);

			if (sub != NULL)
				feed_read_decls(sub, sublen ? sublen :
				    (size_t)(s + i + end - sub), decls);
			i += end;
			continue;
		}
		if (c == '<' && i + 9 <= n &&
		    memcmp(s + i, "<![CDATA[", 9) == 0) {
			const char *e = memmem(s + i + 9, n - i - 9, "]]>", 3);
			size_t end = e ? (size_t)(e - s) + 3 : n;

			for (size_t j = i; j < end; j++) {
				unsigned char d = (unsigned char)s[j];

				if (d >= 0x20 || d == '\t' || d == '\n' ||
				    d == '\r')
					buf_putc(out, (char)d);
			}
			i = end;
			continue;
		}
		if (c == '<' && i + 4 <= n && memcmp(s + i, "<!--", 4) == 0) {
			const char *e = memmem(s + i + 4, n - i - 4, "-->", 3);
			size_t end = e ? (size_t)(e - s) + 3 : n;

			buf_append(out, s + i, end - i);
			i = end;
			continue;
		}
		if (c == '<' && i + 1 < n && s[i + 1] != '?' &&
		    s[i + 1] != '!')
			seen_root = true;
		if (c == '&') {
			size_t j = i + 1, k;
			uint32_t cp;

			if (j < n && s[j] == '#') {
				buf_putc(out, '&');
				i++;
				continue;
			}
			while (j < n && j - i < 40 &&
			    (isalnum((unsigned char)s[j]) || s[j] == '_' ||
			    s[j] == '-' || s[j] == '.' || s[j] == ':'))
				j++;
			if (j < n && s[j] == ';' && j > i + 1) {
				size_t nl = j - i - 1;
				const char *nm = s + i + 1;

				if ((nl == 3 && !memcmp(nm, "amp", 3)) ||
				    (nl == 2 && (!memcmp(nm, "lt", 2) ||
				    !memcmp(nm, "gt", 2))) ||
				    (nl == 4 && (!memcmp(nm, "quot", 4) ||
				    !memcmp(nm, "apos", 4)))) {
					buf_append(out, s + i, j + 1 - i);
					i = j + 1;
					continue;
				}
				for (k = 0; k < decls->n; k++)
					if (strlen(decls->v[k].name) == nl &&
					    !memcmp(decls->v[k].name, nm, nl))
						break;
				if (k < decls->n) {
					buf_puts(out, decls->v[k].value);
					i = j + 1;
					continue;
				}
				if (feed_html_entity(nm, nl, &cp) == 0) {
					buf_printf(out, "&#%u;", (unsigned)cp);
					i = j + 1;
					continue;
				}
			}
			/* an unknown or bare '&' is text */
			buf_puts(out, "&amp;");
			i++;
			continue;
		}
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
			i++;
			continue;
		}
		buf_putc(out, (char)c);
		i++;
	}
	free(decls);
}

/* The encoding named in the XML declaration, copied into enc. */
static bool
feed_declared_encoding(const char *s, size_t n, char *enc, size_t enclen)
{
	const char *end, *p;

	if (n < 5 || memcmp(s, "<?xml", 5) != 0)
		return false;
	end = memchr(s, '>', n < 512 ? n : 512);
	if (end == NULL)
		return false;
	p = memmem(s, (size_t)(end - s), "encoding", 8);
	if (p == NULL)
		return false;
	p += 8;
	while (p < end && (isspace((unsigned char)*p) || *p == '='))
		p++;
	if (p < end && (*p == '"' || *p == '\'')) {
		char q = *p++;
		size_t k = 0;

		while (p < end && *p != q && k + 1 < enclen)
			enc[k++] = *p++;
		enc[k] = '\0';
		return k > 0;
	}
	return false;
}

/* windows-1252 for 0x80..0x9F; 0xA0..0xFF are the same code points. */
const uint16_t feed_cp1252[32] = {
	0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
	0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

/* The length of the valid UTF-8 sequence at s[0..n), 0 if invalid. */
static size_t
feed_utf8_len(const unsigned char *s, size_t n)
{
	size_t k;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		k = 2;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		k = 3;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		k = 4;
	else
		return 0;
	if (k > n)
		return 0;
	for (size_t j = 1; j < k; j++)
		if ((s[j] & 0xC0) != 0x80)
			return 0;
	/* overlong and surrogate forms */
	if ((s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xED && s[1] >= 0xA0) ||
	    (s[0] == 0xF0 && s[1] < 0x90) || (s[0] == 0xF4 && s[1] >= 0x90))
		return 0;
	return k;
}

/* Copies s[0..n) keeping valid UTF-8 and reading every other byte as
 * windows-1252, so that the result is valid UTF-8. */
static void
feed_repair_utf8(const char *str, size_t n, struct buf *out)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	while (i < n) {
		size_t k = feed_utf8_len(s + i, n - i);
		uint32_t c;

		if (k > 0) {
			buf_append(out, str + i, k);
			i += k;
			continue;
		}
		c = s[i] < 0xA0 ? feed_cp1252[s[i] - 0x80] : s[i];
		if (c < 0x800) {
			buf_putc(out, (char)(0xC0 | (c >> 6)));
			buf_putc(out, (char)(0x80 | (c & 0x3F)));
		} else {
			buf_putc(out, (char)(0xE0 | (c >> 12)));
			buf_putc(out, (char)(0x80 | ((c >> 6) & 0x3F)));
			buf_putc(out, (char)(0x80 | (c & 0x3F)));
		}
		i++;
	}
}

/* Converts UTF-16 (with a BOM, or detected from "<" and a zero byte)
 * to UTF-8 in out; unpaired surrogates become U+FFFD. Returns -1 when the
 * data is not UTF-16 (UTF-32, binary). */
static int
feed_utf16_to_utf8(const char *str, size_t n, struct buf *out)
{
	const unsigned char *s = (const unsigned char *)str;
	bool be;
	size_t i = 0;

	if (n >= 4 && ((s[0] == 0 && s[1] == 0) || (s[2] == 0 && s[3] == 0)))
		return -1;   /* UTF-32 */
	if (s[0] == 0xFE && s[1] == 0xFF) {
		be = true;
		i = 2;
	} else if (s[0] == 0xFF && s[1] == 0xFE) {
		be = false;
		i = 2;
	} else if (s[0] == 0 && s[1] != 0) {
		be = true;
	} else if (s[0] != 0 && s[1] == 0) {
		be = false;
	} else {
		return -1;
	}
	for (; i + 1 < n; i += 2) {
		uint32_t c = be ? (uint32_t)(s[i] << 8 | s[i + 1]) :
		    (uint32_t)(s[i + 1] << 8 | s[i]);
		char u[4];
		size_t k;

		if (c >= 0xD800 && c <= 0xDBFF && i + 3 < n) {
			uint32_t d = be ?
			    (uint32_t)(s[i + 2] << 8 | s[i + 3]) :
			    (uint32_t)(s[i + 3] << 8 | s[i + 2]);

			if (d >= 0xDC00 && d <= 0xDFFF) {
				c = 0x10000 + ((c - 0xD800) << 10) +
				    (d - 0xDC00);
				i += 2;
			} else {
				c = 0xFFFD;
			}
		} else if (c >= 0xD800 && c <= 0xDFFF) {
			c = 0xFFFD;
		}
		if (c < 0x80) {
			u[0] = (char)c;
			k = 1;
		} else if (c < 0x800) {
			u[0] = (char)(0xC0 | (c >> 6));
			u[1] = (char)(0x80 | (c & 0x3F));
			k = 2;
		} else if (c < 0x10000) {
			u[0] = (char)(0xE0 | (c >> 12));
			u[1] = (char)(0x80 | ((c >> 6) & 0x3F));
			u[2] = (char)(0x80 | (c & 0x3F));
			k = 3;
		} else {
			u[0] = (char)(0xF0 | (c >> 18));
			u[1] = (char)(0x80 | ((c >> 12) & 0x3F));
			u[2] = (char)(0x80 | ((c >> 6) & 0x3F));
			u[3] = (char)(0x80 | (c & 0x3F));
			k = 4;
		}
		buf_append(out, u, k);
	}
	if (out->p == NULL)
		buf_append(out, "", 0);
	return 0;
}

enum feed_enc {
	FEED_ENC_UTF8,     /* UTF-8, repaired where it is not */
	FEED_ENC_LATIN,    /* ISO-8859-1 and friends: windows-1252 */
	FEED_ENC_DECLARED, /* another declared encoding: libxml2 converts */
};

/* Decides how to read an XML document: what it declares, corrected the
 * way browsers and feed readers do. A document declared Latin-1 whose
 * bytes are valid UTF-8 with multi-byte sequences is UTF-8 (no Latin-1
 * text looks like that); an undeclared one is UTF-8 where it can be. */
static enum feed_enc
feed_choose_encoding(const char *p, size_t n, bool bom)
{
	char declared[64];
	bool high = false;

	if (bom || !feed_declared_encoding(p, n, declared, sizeof(declared)))
		return FEED_ENC_UTF8;
	if (strcasecmp(declared, "utf-8") == 0 ||
	    strcasecmp(declared, "utf8") == 0)
		return FEED_ENC_UTF8;
	if (strcasecmp(declared, "iso-8859-1") == 0 ||
	    strcasecmp(declared, "iso8859-1") == 0 ||
	    strcasecmp(declared, "latin1") == 0 ||
	    strcasecmp(declared, "latin-1") == 0 ||
	    strcasecmp(declared, "us-ascii") == 0 ||
	    strcasecmp(declared, "ascii") == 0 ||
	    strcasecmp(declared, "windows-1252") == 0 ||
	    strcasecmp(declared, "cp1252") == 0) {
		for (size_t i = 0; i < n && !high; i++)
			high = (unsigned char)p[i] >= 0x80;
		if (high && feed_valid_utf8((const unsigned char *)p, n))
			return FEED_ENC_UTF8;
		return FEED_ENC_LATIN;
	}
	return FEED_ENC_DECLARED;
}

bool
feed_budget_spent(const struct budget *b, const struct feed *f)
{
	return (f->n_seen & (BUDGET_EVERY - 1)) == 0 &&
	    budget_left(b) != BUDGET_LEFT;
}

struct feed *
feed_parse(const char *data, size_t len, const char *url, char *err,
    size_t errlen)
{
	return feed_parse_budget(data, len, url, NULL, err, errlen);
}

/* Why the work stopped, for err. */
static int
feed_budget_fail(const struct budget *b, char *err, size_t errlen)
{
	return fail(err, errlen, "%s", budget_left(b) == BUDGET_HALTED ?
	    "stopped before the feed was parsed" :
	    "the feed's time budget ran out while parsing it");
}

struct feed *
feed_parse_budget(const char *data, size_t len, const char *url,
    const struct budget *b, char *err, size_t errlen)
{
	struct feed_opts o = { .budget = b };

	return feed_parse_opts(data, len, url, &o, err, errlen);
}

/* The copies of the input a parse makes, each freed at its end. */
struct feed_bufs {
	struct buf raw;		/* inflated from gzip */
	struct buf wide;	/* made UTF-8 from UTF-16 */
	struct buf fixed;	/* stray 8-bit bytes read as windows-1252 */
	struct buf clean;	/* what libxml2 reads */
};

static void
feed_bufs_free(struct feed_bufs *bb)
{
	buf_free(&bb->raw);
	buf_free(&bb->clean);
	buf_free(&bb->fixed);
	buf_free(&bb->wide);
}

/* Unwraps the input into *pp, *np: inflated where it is gzip'd, past a
 * byte order mark, made UTF-8 where it is UTF-16, past leading white
 * space. *utf8 is set where a mark said UTF-8. Returns -1 (said in err)
 * where nothing is left to parse. */
static int
feed_unwrap(const char *data, size_t len, const char **pp, size_t *np,
    bool *utf8, struct feed_bufs *bb, char *err, size_t errlen)
{
	const char *p;
	size_t n;

	if (data == NULL || len == 0) {
		fail(err, errlen, "empty input");
		return -1;
	}
	if (len > FEED_MAX_INPUT) {
		fail(err, errlen, "input of %zu bytes is over the %u byte cap",
		    len, FEED_MAX_INPUT);
		return -1;
	}
	if (len >= 2 && (unsigned char)data[0] == 0x1f &&
	    (unsigned char)data[1] == 0x8b) {
		if (gunzip(data, len, FEED_MAX_INPUT, &bb->raw, err,
		    errlen) < 0)
			return -1;
		data = bb->raw.p;
		len = bb->raw.len;
	}
	p = data;
	n = len;
	*utf8 = false;
	if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
		p += 3;
		n -= 3;
		*utf8 = true;
	} else if (n >= 2 && ((unsigned char)p[0] == 0xFF ||
	    (unsigned char)p[0] == 0xFE || p[0] == 0 || p[1] == 0)) {
		/* UTF-16: made UTF-8 here, so that it goes through the same
		 * cleaning (no DOCTYPE reaches libxml2) as everything else */
		if (feed_utf16_to_utf8(p, n, &bb->wide) < 0) {
			fail(err, errlen, "not a feed: UTF-32 or binary data");
			return -1;
		}
		p = bb->wide.p;
		n = bb->wide.len;
		*utf8 = true;
	}
	while (n > 0 && isspace((unsigned char)*p)) {
		p++;
		n--;
	}
	if (n == 0) {
		fail(err, errlen, "empty input");
		return -1;
	}
	*pp = p;
	*np = n;
	return 0;
}

/* Parses the XML feed p, n (utf8: a mark said UTF-8) in the encoding
 * it declares or shows. */
static struct feed *
feed_parse_markup(const char *p, size_t n, bool utf8, const char *url,
    const struct feed_opts *o, struct feed_bufs *bb, char *err,
    size_t errlen)
{
	enum feed_enc enc = feed_choose_encoding(p, n, utf8);
	struct feed *f;

	if (enc == FEED_ENC_UTF8) {
		/* UTF-8 with stray 8-bit bytes: read those as windows-1252 */
		feed_repair_utf8(p, n, &bb->fixed);
		feed_clean_xml(bb->fixed.p, bb->fixed.len, &bb->clean);
		/* only the cleaned copy is read from here on: the others
		 * (inflated, from UTF-16, repaired) go before the parse */
		buf_free(&bb->fixed);
		buf_free(&bb->wide);
		buf_free(&bb->raw);
		return feed_parse_xml(bb->clean.p, bb->clean.len, url,
		    "UTF-8", o, err, errlen);
	}
	feed_clean_xml(p, n, &bb->clean);
	f = feed_parse_xml(bb->clean.p, bb->clean.len, url,
	    enc == FEED_ENC_LATIN ? "windows-1252" : NULL, o, err, errlen);
	if (f == NULL && strstr(err, "ncoding") != NULL) {
		/* an encoding libxml2 does not know: read as UTF-8 */
		buf_free(&bb->clean);
		feed_repair_utf8(p, n, &bb->fixed);
		feed_clean_xml(bb->fixed.p, bb->fixed.len, &bb->clean);
		buf_free(&bb->fixed);
		f = feed_parse_xml(bb->clean.p, bb->clean.len, url, "UTF-8",
		    o, err, errlen);
	}
	return f;
}

struct feed *
feed_parse_opts(const char *data, size_t len, const char *url,
    const struct feed_opts *opts, char *err, size_t errlen)
{
	static const struct feed_opts none;
	const struct feed_opts *o = opts ? opts : &none;
	const struct budget *b = o->budget;
	struct feed_bufs bb = { 0 };
	struct feed *f = NULL;
	const char *p;
	size_t n;
	bool utf8;

	if (feed_unwrap(data, len, &p, &n, &utf8, &bb, err, errlen) < 0) {
		feed_bufs_free(&bb);
		return NULL;
	}
	if (*p == '{' || *p == '[') {
		feed_repair_utf8(p, n, &bb.fixed);
		f = feed_parse_json(bb.fixed.p, bb.fixed.len, url, o, err,
		    errlen);
	} else if (*p != '<') {
		fail(err, errlen, "not a feed: neither XML nor JSON");
		feed_bufs_free(&bb);
		return NULL;
	} else {
		f = feed_parse_markup(p, n, utf8, url, o, &bb, err, errlen);
	}
	/* a walker that stopped early left a feed cut short: none at all */
	if (budget_left(b) != BUDGET_LEFT) {
		feed_free(f);
		f = NULL;
		feed_budget_fail(b, err, errlen);
	}
	if (f != NULL) {
		feed_keep_finish(f);
		feed_tidy(f);
	}
	feed_bufs_free(&bb);
	return f;
}

/* ---- JSON --------------------------------------------------------------- */

/* A JSON string, null for NULL; bytes that are not UTF-8 (which the
 * parsers should never let through) are read as windows-1252. */
static json_t *
feed_jstr(const char *s)
{
	struct buf b = { 0 };
	json_t *j;

	if (s == NULL)
		return json_null();
	j = json_string(s);
	if (j != NULL)
		return j;
	feed_repair_utf8(s, strlen(s), &b);
	j = json_string(b.p ? b.p : "");
	buf_free(&b);
	return j ? j : json_null();
}

static json_t *
feed_jdate(const struct nw_time *t)
{
	char b[32];

	if (!t->set || date_format_utc(t, b, sizeof(b)) == NULL)
		return json_null();
	return json_string(b);
}

static json_t *
feed_jlist(const struct strlist *l)
{
	json_t *a = json_array();

	for (size_t i = 0; i < l->n; i++)
		json_array_append_new(a, json_string(l->v[i]));
	return a;
}

static json_t *
feed_jpeople(const struct feed_person *v, size_t n)
{
	json_t *a = json_array();

	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_pack("{s:o,s:o}",
		    "name", feed_jstr(v[i].name),
		    "email", feed_jstr(v[i].email)));
	return a;
}

static json_t *
feed_jimage(const struct feed_image *img)
{
	if (img->url == NULL)
		return json_null();
	return json_pack("{s:o,s:o}", "url", feed_jstr(img->url),
	    "title", feed_jstr(img->title));
}

static json_t *
feed_jmedia(const struct feed_media *v, size_t n, bool thumb)
{
	json_t *a = json_array();

	for (size_t i = 0; i < n; i++) {
		json_t *o = json_object();

		json_object_set_new(o, "url", feed_jstr(v[i].url));
		if (!thumb) {
			json_object_set_new(o, "type", feed_jstr(v[i].type));
			json_object_set_new(o, "medium",
			    feed_jstr(v[i].medium));
			json_object_set_new(o, "length",
			    feed_jstr(v[i].length));
		}
		json_object_set_new(o, "width", feed_jstr(v[i].width));
		json_object_set_new(o, "height", feed_jstr(v[i].height));
		if (!thumb)
			json_object_set_new(o, "duration",
			    feed_jstr(v[i].duration));
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *
feed_item_json(const struct feed_item *it)
{
	json_t *o = json_object(), *enc = json_array();

	json_object_set_new(o, "guid", feed_jstr(it->guid));
	json_object_set_new(o, "title", feed_jstr(it->title));
	json_object_set_new(o, "description", feed_jstr(it->description));
	json_object_set_new(o, "content", feed_jstr(it->content));
	json_object_set_new(o, "link", feed_jstr(it->link));
	json_object_set_new(o, "links", feed_jlist(&it->links));
	json_object_set_new(o, "published", feed_jdate(&it->published));
	json_object_set_new(o, "updated", feed_jdate(&it->updated));
	json_object_set_new(o, "authors",
	    feed_jpeople(it->authors, it->n_authors));
	json_object_set_new(o, "categories", feed_jlist(&it->categories));
	for (size_t i = 0; i < it->n_enclosures; i++)
		json_array_append_new(enc, json_pack("{s:o,s:o,s:o}",
		    "url", feed_jstr(it->enclosures[i].url),
		    "length", feed_jstr(it->enclosures[i].length),
		    "type", feed_jstr(it->enclosures[i].type)));
	json_object_set_new(o, "enclosures", enc);
	json_object_set_new(o, "image", feed_jimage(&it->image));
	json_object_set_new(o, "media_content", feed_jmedia(it->media_content,
	    it->n_media_content, false));
	json_object_set_new(o, "media_thumbnail",
	    feed_jmedia(it->media_thumbnail, it->n_media_thumbnail, true));
	return o;
}

json_t *
feed_to_json(const struct feed *f)
{
	json_t *o = json_object(), *items = json_array();

	json_object_set_new(o, "format", feed_jstr(f->format));
	json_object_set_new(o, "version", feed_jstr(f->version));
	json_object_set_new(o, "title", feed_jstr(f->title));
	json_object_set_new(o, "description", feed_jstr(f->description));
	json_object_set_new(o, "link", feed_jstr(f->link));
	json_object_set_new(o, "links", feed_jlist(&f->links));
	json_object_set_new(o, "feed_link", feed_jstr(f->feed_link));
	json_object_set_new(o, "language", feed_jstr(f->language));
	json_object_set_new(o, "copyright", feed_jstr(f->copyright));
	json_object_set_new(o, "generator", feed_jstr(f->generator));
	json_object_set_new(o, "image", feed_jimage(&f->image));
	json_object_set_new(o, "updated", feed_jdate(&f->updated));
	json_object_set_new(o, "published", feed_jdate(&f->published));
	json_object_set_new(o, "authors",
	    feed_jpeople(f->authors, f->n_authors));
	json_object_set_new(o, "categories", feed_jlist(&f->categories));
	for (size_t i = 0; i < f->n_items; i++)
		json_array_append_new(items, feed_item_json(&f->items[i]));
	json_object_set_new(o, "items", items);
	return o;
}
