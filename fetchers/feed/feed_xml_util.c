/* Reading the XML tree: namespaces, text, attributes, xml:base and
 * links, base64. Elements are matched by namespace URI; an undeclared
 * prefix ("atom:link" with no xmlns:atom) is matched by the prefix a
 * person would recognise. Declared entities are used only when their
 * replacement text is short and refers to no other entity. */
#include "feed_xml.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/entities.h>

#include "url.h"

static const struct {
	const char *uri;
	enum feed_ns ns;
} feed_ns_uris[] = {
	{ "http://www.w3.org/2005/Atom", NS_ATOM },
	{ "http://purl.org/atom/ns#", NS_ATOM03 },
	{ "http://purl.org/rss/1.0/modules/content/", NS_CONTENT },
	{ "http://purl.org/dc/elements/1.1/", NS_DC },
	{ "http://purl.org/dc/terms/", NS_DCTERMS },
	{ "http://search.yahoo.com/mrss/", NS_MEDIA },
	{ "http://www.itunes.com/dtds/podcast-1.0.dtd", NS_ITUNES },
	{ "https://www.itunes.com/dtds/podcast-1.0.dtd", NS_ITUNES },
	{ "http://www.w3.org/1999/02/22-rdf-syntax-ns#", NS_RDF },
	{ "http://purl.org/rss/1.0/", NS_RSS },
	{ "http://my.netscape.com/rdf/simple/0.9/", NS_RSS },
	{ "http://backend.userland.com/rss2", NS_RSS },
	{ "http://backend.userland.com/rss", NS_RSS },
	{ "http://blogs.law.harvard.edu/tech/rss", NS_RSS },
	{ "http://purl.org/net/rss1.1#", NS_RSS },
	{ "http://www.w3.org/1999/xhtml", NS_XHTML },
};

static const struct {
	const char *prefix;
	enum feed_ns ns;
} feed_ns_prefixes[] = {
	{ "atom", NS_ATOM }, { "atom10", NS_ATOM }, { "content", NS_CONTENT },
	{ "dc", NS_DC }, { "dcterms", NS_DCTERMS }, { "media", NS_MEDIA },
	{ "itunes", NS_ITUNES }, { "rdf", NS_RDF }, { "xhtml", NS_XHTML },
};

/* Whether the namespace URI href[0..n) is uri as feeds write it: in any
 * case, with or without a final slash ("http://purl.org/dc/elements/1.1"),
 * white space around it ignored (xmlns:itunes=" http://... "). */
static bool
feed_ns_same(const char *href, size_t n, const char *uri)
{
	size_t k = strlen(uri);

	if (k > 0 && uri[k - 1] == '/')
		k--;
	if (n > 0 && href[n - 1] == '/')
		n--;
	return n == k && strncasecmp(href, uri, n) == 0;
}

/* The namespace of element n and its local name. */
enum feed_ns
feed_ns_of(const xmlNode *n, const char **local)
{
	const char *name = (const char *)n->name, *colon;

	*local = name;
	if (n->ns != NULL && n->ns->href != NULL) {
		const char *h = (const char *)n->ns->href;
		size_t len;

		while (isspace((unsigned char)*h))
			h++;
		len = strlen(h);
		while (len > 0 && isspace((unsigned char)h[len - 1]))
			len--;
		for (size_t i = 0; i < sizeof(feed_ns_uris) /
		    sizeof(feed_ns_uris[0]); i++)
			if (feed_ns_same(h, len, feed_ns_uris[i].uri))
				return feed_ns_uris[i].ns;
		return NS_OTHER;
	}
	colon = strchr(name, ':');
	if (colon == NULL)
		return NS_NONE;
	*local = colon + 1;
	for (size_t i = 0; i < sizeof(feed_ns_prefixes) /
	    sizeof(feed_ns_prefixes[0]); i++)
		if (strlen(feed_ns_prefixes[i].prefix) ==
		    (size_t)(colon - name) && strncasecmp(name,
		    feed_ns_prefixes[i].prefix, (size_t)(colon - name)) == 0)
			return feed_ns_prefixes[i].ns;
	return NS_OTHER;
}

/* Appends the replacement text of a declared entity, when it is short
 * plain text. Anything else (a reference to another entity, markup, a
 * long text, an external entity) is dropped: no recursive expansion. */
static void
feed_entity_text(const struct feed_ctx *cx, const xmlNode *n, struct buf *b)
{
	xmlEntity *e = xmlGetDocEntity(cx->doc, n->name);
	const char *c;

	if (e == NULL || e->etype != XML_INTERNAL_GENERAL_ENTITY ||
	    e->content == NULL)
		return;
	c = (const char *)e->content;
	if (strlen(c) > 64 || strchr(c, '&') || strchr(c, '<'))
		return;
	buf_puts(b, c);
}

/* The character data of n's subtree (text, CDATA, safe entities). */
static void
feed_text_walk(const struct feed_ctx *cx, const xmlNode *n, struct buf *b,
    int depth)
{
	for (const xmlNode *c = n->children; c != NULL; c = c->next) {
		switch (c->type) {
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			if (c->content)
				buf_puts(b, (const char *)c->content);
			break;
		case XML_ENTITY_REF_NODE:
			feed_entity_text(cx, c, b);
			break;
		case XML_ELEMENT_NODE:
			if (depth < 64)
				feed_text_walk(cx, c, b, depth + 1);
			break;
		default:
			break;
		}
	}
}

bool
feed_has_elements(const xmlNode *n)
{
	for (const xmlNode *c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			return true;
	return false;
}

/* Serialises the children of n as markup (HTML inside an element that a
 * feed forgot to escape, or Atom xhtml). */
void
feed_inner_xml(const struct feed_ctx *cx, xmlNode *n, struct buf *b)
{
	xmlBuffer *xb = xmlBufferCreate();

	if (xb == NULL)
		return;
	for (xmlNode *c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_ENTITY_REF_NODE) {
			feed_entity_text(cx, c, b);
			continue;
		}
		xmlBufferEmpty(xb);
		if (xmlNodeDump(xb, cx->doc, c, 0, 0) >= 0)
			buf_append(b, (const char *)xmlBufferContent(xb),
			    (size_t)xmlBufferLength(xb));
	}
	xmlBufferFree(xb);
}

/* The text of element n as a feed reader shows it: character data, or the
 * markup of its children when it has child elements. Owned, trimmed,
 * NULL when empty. */
char *
feed_text(const struct feed_ctx *cx, xmlNode *n)
{
	struct buf b = { 0 };
	char *s;

	if (feed_has_elements(n))
		feed_inner_xml(cx, n, &b);
	else
		feed_text_walk(cx, n, &b, 0);
	if (b.p == NULL)
		return NULL;
	s = NULL;
	feed_set_once(&s, b.p);
	buf_free(&b);
	return s;
}

/* An attribute without namespace (or in ns_uri when given), read from its
 * text children only. Owned, NULL when absent. */
char *
feed_attr_ns(const struct feed_ctx *cx, const xmlNode *n, const char *name,
    const char *ns_uri)
{
	for (const xmlAttr *a = n->properties; a != NULL; a = a->next) {
		struct buf b = { 0 };
		const char *an = (const char *)a->name;

		if (ns_uri) {
			if (a->ns == NULL || a->ns->href == NULL ||
			    strcmp((const char *)a->ns->href, ns_uri) != 0)
				continue;
		}
		if (strcasecmp(an, name) != 0)
			continue;
		for (const xmlNode *c = a->children; c != NULL; c = c->next) {
			if (c->type == XML_TEXT_NODE && c->content)
				buf_puts(&b, (const char *)c->content);
			else if (c->type == XML_ENTITY_REF_NODE)
				feed_entity_text(cx, c, &b);
		}
		return b.p ? buf_take(&b) : xstrdup("");
	}
	return NULL;
}

char *
feed_attr(const struct feed_ctx *cx, const xmlNode *n, const char *name)
{
	return feed_attr_ns(cx, n, name, NULL);
}

/* Where the authority of the URL s ends ("scheme://host:port" or
 * "//host"), or NULL when s has none. */
static const char *
feed_authority_end(const char *s)
{
	const char *p = strstr(s, "//");

	if (p == NULL || (p != s && (p[-1] != ':' ||
	    !feed_has_scheme(s, (size_t)(p - s)))))
		return NULL;
	return p + 2 + strcspn(p + 2, "/?#");
}

char *
feed_url(const char *ref, const char *base)
{
	char *r = url_resolve(ref, base);
	const char *re, *e;
	char *p;

	if (r == NULL)
		return NULL;
	/* "http://example.org" as the feed wrote it, not with the "/" that
	 * libcurl writes for the empty path: the same URL (RFC 3986 6.2.3),
	 * and url_canonical() adds it to the id's URL anyway */
	ref += strspn(ref, " \t\r\n\f");
	re = feed_authority_end(ref);
	e = feed_authority_end(r);
	if (re != NULL && e != NULL && (*re == '\0' || *re == '?' ||
	    *re == '#') && e[0] == '/' && (e[1] == '\0' || e[1] == '?' ||
	    e[1] == '#')) {
		p = r + (e - r);
		memmove(p, p + 1, strlen(p + 1) + 1);
	}
	return r;
}

/* The base URI in effect at n: xml:base of n and its ancestors, resolved
 * against the feed URL. Owned; NULL when there is none. */
static char *
feed_base(const struct feed_ctx *cx, const xmlNode *n)
{
	const xmlNode *chain[64];
	size_t depth = 0;
	char *base = cx->url ? xstrdup(cx->url) : NULL;
	char *r;

	for (const xmlNode *p = n; p != NULL && p->type == XML_ELEMENT_NODE &&
	    depth < 64; p = p->parent)
		chain[depth++] = p;
	while (depth > 0) {
		char *xb = feed_attr_ns(cx, chain[--depth], "base",
		    (const char *)XML_XML_NAMESPACE);

		if (xb == NULL)
			continue;
		if (base == NULL) {
			base = xb;
			continue;
		}
		r = feed_url(xb, base);
		free(xb);
		if (r) {
			free(base);
			base = r;
		}
	}
	return base;
}

bool
feed_has_xml_base(const struct feed_ctx *cx, const xmlNode *n)
{
	for (int d = 0; n != NULL && n->type == XML_ELEMENT_NODE && d < 64;
	    n = n->parent, d++) {
		char *xb = feed_attr_ns(cx, n, "base",
		    (const char *)XML_XML_NAMESPACE);

		free(xb);
		if (xb != NULL)
			return true;
	}
	return false;
}

/* Resolves href against xml:base of n's ancestors and the feed URL with
 * feed_url() (lib/url, as a page's links): an absolute href is
 * normalised the same way, so a feed entry's link and its page's
 * canonical URL agree. Owned; NULL when href is empty; href as it is
 * when it makes no absolute URL. */
char *
feed_resolve(const struct feed_ctx *cx, const xmlNode *n, const char *href)
{
	char *base, *out, *h = NULL;

	feed_set_once(&h, href);
	if (h == NULL)
		return NULL;
	base = feed_base(cx, n);
	out = feed_url(h, base);
	free(base);
	if (out == NULL)
		return h;
	free(h);
	return out;
}

bool
feed_has_scheme(const char *s, size_t n)
{
	size_t i = 0;

	if (n == 0 || !((s[0] | 32) >= 'a' && (s[0] | 32) <= 'z'))
		return false;
	while (i < n && (isalnum((unsigned char)s[i]) || s[i] == '+' ||
	    s[i] == '-' || s[i] == '.'))
		i++;
	return i < n && s[i] == ':';
}

/* Makes the relative href and src attributes of an HTML string absolute
 * against the base in effect at n. Takes html, returns the new string. */
char *
feed_html_resolve(const struct feed_ctx *cx, const xmlNode *n, char *html)
{
	struct buf b = { 0 };
	char *base;
	const char *p, *q;

	if (html == NULL || strchr(html, '<') == NULL)
		return html;
	base = feed_base(cx, n);
	if (base == NULL)
		return html;
	p = html;
	for (q = strpbrk(p, "hHsS"); q != NULL; q = strpbrk(p, "hHsS")) {
		size_t an = 0;
		const char *v, *ve;
		char quote;

		if (q > html && isspace((unsigned char)q[-1])) {
			if (strncasecmp(q, "href=", 5) == 0)
				an = 5;
			else if (strncasecmp(q, "src=", 4) == 0)
				an = 4;
		}
		if (an == 0 || (q[an] != '"' && q[an] != '\'')) {
			buf_append(&b, p, (size_t)(q - p) + 1);
			p = q + 1;
			continue;
		}
		quote = q[an];
		v = q + an + 1;
		ve = strchr(v, quote);
		if (ve == NULL)
			break;
		buf_append(&b, p, (size_t)(v - p));
		if (ve > v && v[0] != '#' && !feed_has_scheme(v,
		    (size_t)(ve - v))) {
			char *rel = xstrndup(v, (size_t)(ve - v));
			char *r = feed_url(rel, base);

			buf_puts(&b, r ? r : rel);
			free(r);
			free(rel);
		} else {
			buf_append(&b, v, (size_t)(ve - v));
		}
		p = ve;
	}
	buf_puts(&b, p);
	free(base);
	free(html);
	return buf_take(&b);
}

/* Decodes base64 text (Atom 0.3 mode="base64"). Owned, NULL when it is
 * not base64. */
char *
feed_base64(const char *s)
{
	struct buf b = { 0 };
	unsigned acc = 0;
	int bits = 0;

	for (; s && *s; s++) {
		int v;
		char c = *s;

		if (c >= 'A' && c <= 'Z')
			v = c - 'A';
		else if (c >= 'a' && c <= 'z')
			v = c - 'a' + 26;
		else if (c >= '0' && c <= '9')
			v = c - '0' + 52;
		else if (c == '+')
			v = 62;
		else if (c == '/')
			v = 63;
		else if (c == '=' || isspace((unsigned char)c))
			continue;
		else {
			buf_free(&b);
			return NULL;
		}
		acc = (acc << 6) | (unsigned)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			buf_putc(&b, (char)((acc >> bits) & 0xFF));
		}
	}
	return b.p ? buf_take(&b) : NULL;
}

