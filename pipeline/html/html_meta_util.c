/* String helpers of the HTML metadata extractor. */
#include "html_meta_int.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/uri.h>

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
	    ((s[2] >= 0x80 && s[2] <= 0x8b) || s[2] == 0xaf))
		return 3;                                 /* U+2000..200B */
	if (s[0] == 0xe3 && s[1] == 0x80 && s[2] == 0x80) /* U+3000 */
		return 3;
	if (s[0] == 0xef && s[1] == 0xbb && s[2] == 0xbf) /* BOM */
		return 3;
	return 0;
}

char *
meta_fold(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	struct buf b = {0};
	bool space = false;
	size_t n;

	if (s == NULL)
		return NULL;
	buf_puts(&b, "");
	while (*p != '\0') {
		n = meta_space_len(p);
		if (n > 0) {
			space = true;
			p += n;
			continue;
		}
		if (space && b.len > 0)
			buf_putc(&b, ' ');
		space = false;
		buf_putc(&b, (char)*p++);
	}
	return buf_take(&b);
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

struct meta_entity {
	const char *name;
	unsigned long cp;
};

static const struct meta_entity meta_entities[] = {
	{"amp", '&'}, {"quot", '"'}, {"apos", '\''}, {"lt", '<'},
	{"gt", '>'}, {"nbsp", 0xa0}, {"ndash", 0x2013}, {"mdash", 0x2014},
	{"hellip", 0x2026}, {"laquo", 0xab}, {"raquo", 0xbb},
	{"lsquo", 0x2018}, {"rsquo", 0x2019}, {"ldquo", 0x201c},
	{"rdquo", 0x201d}, {"bdquo", 0x201e}, {"auml", 0xe4},
	{"ouml", 0xf6}, {"uuml", 0xfc}, {"Auml", 0xc4}, {"Ouml", 0xd6},
	{"Uuml", 0xdc}, {"szlig", 0xdf}, {"eacute", 0xe9}, {"egrave", 0xe8},
	{"aacute", 0xe1}, {"iacute", 0xed}, {"oacute", 0xf3},
	{"uacute", 0xfa}, {"ntilde", 0xf1}, {"ccedil", 0xe7},
};

void
meta_unescape(char *s)
{
	char *o = s, *p = s, *end;
	unsigned long c;
	size_t i, n;

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
			for (i = 0; i < sizeof(meta_entities) /
			    sizeof(meta_entities[0]); i++) {
				n = strlen(meta_entities[i].name);
				if (strncmp(p + 1, meta_entities[i].name,
				    n) == 0 && p[n + 1] == ';')
					break;
			}
			if (i < sizeof(meta_entities) /
			    sizeof(meta_entities[0])) {
				meta_put_utf8(&o, meta_entities[i].cp);
				p += n + 2;
				continue;
			}
		}
		*o++ = *p++;
	}
	*o = '\0';
}

static void
meta_text_rec(xmlNodePtr n, struct buf *b, size_t max, int depth)
{
	for (; n != NULL && b->len < max; n = n->next) {
		if (n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE) {
			if (n->content != NULL)
				buf_puts(b, (const char *)n->content);
		} else if (n->type == XML_ELEMENT_NODE && depth < 64) {
			if (xmlStrcasecmp(n->name, BAD_CAST "script") == 0 ||
			    xmlStrcasecmp(n->name, BAD_CAST "style") == 0 ||
			    xmlStrcasecmp(n->name, BAD_CAST "noscript") == 0)
				continue;
			if (xmlStrcasecmp(n->name, BAD_CAST "br") == 0)
				buf_putc(b, ' ');
			meta_text_rec(n->children, b, max, depth + 1);
			buf_putc(b, ' ');
		}
	}
}

char *
meta_node_text(xmlNodePtr node, size_t max)
{
	struct buf b = {0};
	char *raw, *folded;

	buf_puts(&b, "");
	if (node->type == XML_ELEMENT_NODE)
		meta_text_rec(node->children, &b, max, 0);
	else if (node->content != NULL)
		buf_puts(&b, (const char *)node->content);
	raw = buf_take(&b);
	folded = meta_fold(raw);
	free(raw);
	return folded;
}

char *
meta_squash(const char *s)
{
	struct buf b = {0};
	const unsigned char *p = (const unsigned char *)s;

	buf_puts(&b, "");
	while (p != NULL && *p != '\0') {
		if (*p < 0x80) {
			if (isalnum(*p))
				buf_putc(&b, (char)tolower(*p));
			p++;
		} else if (p[0] == 0xe2 && p[1] == 0x80 && p[2] != '\0' &&
		    ((p[2] >= 0x90 && p[2] <= 0xa7) || p[2] == 0xb9 ||
		    p[2] == 0xba)) {
			p += 3;  /* dashes, quotes, bullets, ellipsis */
		} else if (p[0] == 0xc2 && (p[1] == 0xab || p[1] == 0xbb ||
		    p[1] == 0xa0 || p[1] == 0xb7)) {
			p += 2;  /* guillemets, no-break space, middle dot */
		} else if (p[0] == 0xc3 && p[1] >= 0x80 && p[1] <= 0x9e &&
		    p[1] != 0x97) {
			buf_putc(&b, (char)0xc3);  /* Latin-1 capitals */
			buf_putc(&b, (char)(p[1] + 0x20));
			p += 2;
		} else {
			buf_putc(&b, (char)*p++);
		}
	}
	return buf_take(&b);
}

bool
meta_same(const char *a, const char *b)
{
	char *x, *y;
	bool same;

	if (a == NULL || b == NULL)
		return false;
	x = meta_squash(a);
	y = meta_squash(b);
	same = x[0] != '\0' && strcmp(x, y) == 0;
	free(x);
	free(y);
	return same;
}

/* True for the generic second-level labels of country domains. */
static bool
meta_second_level(const char *l)
{
	static const char *const sl[] = {
		"co", "com", "org", "net", "gov", "ac", "edu", "or", "ne",
		"go", "gv", "gob", "nic",
	};
	size_t i;

	for (i = 0; i < sizeof(sl) / sizeof(sl[0]); i++)
		if (strcmp(l, sl[i]) == 0)
			return true;
	return false;
}

char *
meta_url_site(const char *url)
{
	xmlURIPtr u;
	char *host = NULL, *last, *prev;

	if (url == NULL)
		return NULL;
	u = xmlParseURI(url);
	if (u == NULL)
		return NULL;
	if (u->server != NULL && u->server[0] != '\0') {
		host = xstrdup(u->server);
		/* Drop the top-level label, then a short second-level one
		 * (co.uk, com.au); keep the label before them. */
		last = strrchr(host, '.');
		if (last != NULL) {
			*last = '\0';
			prev = strrchr(host, '.');
			if (prev != NULL && prev != host &&
			    meta_second_level(prev + 1)) {
				*prev = '\0';
				prev = strrchr(host, '.');
			}
			if (prev != NULL)
				memmove(host, prev + 1, strlen(prev + 1) + 1);
		}
	}
	xmlFreeURI(u);
	return host;
}

bool
meta_is_site(const char *p, size_t n, const char *const *sites)
{
	char *part = xstrndup(p, n), *sq = meta_squash(part), *ss;
	bool yes = false;
	size_t i, lp = strlen(sq), ls;

	for (i = 0; sites[i] != NULL && !yes && lp > 0; i++) {
		ss = meta_squash(sites[i]);
		ls = strlen(ss);
		if (ls > 0 && strcmp(sq, ss) == 0)
			yes = true;
		/* "SPIEGEL ONLINE" for spiegel.de, "heise" in "heise
		 * online": a short part holding the site's name */
		else if (ls >= 4 && lp <= 3 * ls && strstr(sq, ss) != NULL)
			yes = true;
		else if (lp >= 4 && ls <= 2 * lp && strstr(ss, sq) != NULL)
			yes = true;
		free(ss);
	}
	free(sq);
	free(part);
	return yes;
}

const char *
meta_get(const struct meta_cands *c, const char *const *keys, size_t nkeys)
{
	size_t i, k;

	for (k = 0; k < nkeys; k++)
		for (i = 0; i < c->keys.n; i++)
			if (strcmp(c->keys.v[i], keys[k]) == 0 &&
			    c->vals.v[i][0] != '\0')
				return c->vals.v[i];
	return NULL;
}
