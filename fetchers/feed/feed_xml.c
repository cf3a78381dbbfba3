/* RSS 0.9x / 2.0, RSS 1.0 (RDF) and Atom 0.3 / 1.0 on libxml2.
 *
 * The document is parsed with XML_PARSE_NONET | XML_PARSE_RECOVER and
 * without XML_PARSE_NOENT / XML_PARSE_DTDLOAD. Text is read from the tree
 * by this file's own walker, which uses a declared entity only when its
 * replacement text is short and contains no further reference, so no
 * entity is ever expanded recursively. Elements are matched by namespace
 * URI; an undeclared prefix ("atom:link" with no xmlns:atom) is matched by
 * the prefix a person would recognise.
 *
 * The field mapping follows gofeed's universal translator (the yardstick's
 * reference): channel fields first, then Dublin Core, iTunes, Atom and
 * Media RSS as fallbacks. */
#include "feed.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <libxml/entities.h>

enum feed_ns {
	NS_NONE,      /* no namespace */
	NS_RSS,       /* RSS 1.0, RSS 0.9 (netscape), userland RSS 2 */
	NS_ATOM,
	NS_ATOM03,
	NS_CONTENT,
	NS_DC,
	NS_DCTERMS,
	NS_MEDIA,
	NS_ITUNES,
	NS_RDF,
	NS_OTHER,
};

static const struct {
	const char *uri;
	enum feed_ns ns;
} feed_ns_uris[] = {
	{ "http://www.w3.org/2005/Atom", NS_ATOM },
	{ "http://purl.org/atom/ns#", NS_ATOM03 },
	{ "http://purl.org/rss/1.0/modules/content/", NS_CONTENT },
	{ "http://purl.org/dc/elements/1.1/", NS_DC },
	{ "http://purl.org/dc/elements/1.1", NS_DC },
	{ "http://purl.org/dc/terms/", NS_DCTERMS },
	{ "http://search.yahoo.com/mrss/", NS_MEDIA },
	{ "http://search.yahoo.com/mrss", NS_MEDIA },
	{ "http://www.itunes.com/dtds/podcast-1.0.dtd", NS_ITUNES },
	{ "https://www.itunes.com/dtds/podcast-1.0.dtd", NS_ITUNES },
	{ "http://www.w3.org/1999/02/22-rdf-syntax-ns#", NS_RDF },
	{ "http://purl.org/rss/1.0/", NS_RSS },
	{ "http://my.netscape.com/rdf/simple/0.9/", NS_RSS },
	{ "http://backend.userland.com/rss2", NS_RSS },
	{ "http://backend.userland.com/rss", NS_RSS },
	{ "http://blogs.law.harvard.edu/tech/rss", NS_RSS },
	{ "http://purl.org/net/rss1.1#", NS_RSS },
};

static const struct {
	const char *prefix;
	enum feed_ns ns;
} feed_ns_prefixes[] = {
	{ "atom", NS_ATOM }, { "atom10", NS_ATOM }, { "content", NS_CONTENT },
	{ "dc", NS_DC }, { "dcterms", NS_DCTERMS }, { "media", NS_MEDIA },
	{ "itunes", NS_ITUNES }, { "rdf", NS_RDF },
};

/* The namespace of element n and its local name. */
static enum feed_ns
feed_ns_of(const xmlNode *n, const char **local)
{
	const char *name = (const char *)n->name, *colon;

	*local = name;
	if (n->ns != NULL && n->ns->href != NULL) {
		for (size_t i = 0; i < sizeof(feed_ns_uris) /
		    sizeof(feed_ns_uris[0]); i++)
			if (strcasecmp((const char *)n->ns->href,
			    feed_ns_uris[i].uri) == 0)
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

/* Parse context: the document and the feed's own URL. */
struct feed_ctx {
	xmlDoc *doc;
	const char *url;
};

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

static bool
feed_has_elements(const xmlNode *n)
{
	for (const xmlNode *c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			return true;
	return false;
}

/* Serialises the children of n as markup (HTML inside an element that a
 * feed forgot to escape, or Atom xhtml). */
static void
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
static char *
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
/* A width attribute in pixels: 0 when absent or not a number, clamped
 * to INT_MAX (strtol saturates with ERANGE). */
static long
feed_width(const char *w)
{
	char *end;
	long v;

	if (w == NULL)
		return 0;
	errno = 0;
	v = strtol(w, &end, 10);
	if (end == w || v < 0)
		return 0;
	return errno == ERANGE || v > INT_MAX ? INT_MAX : v;
}

static char *
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

static char *
feed_attr(const struct feed_ctx *cx, const xmlNode *n, const char *name)
{
	return feed_attr_ns(cx, n, name, NULL);
}

/* The base URI in effect at n: xml:base of n and its ancestors, resolved
 * against the feed URL. Owned; NULL when there is none. */
static char *
feed_base(const struct feed_ctx *cx, const xmlNode *n)
{
	const xmlNode *chain[64];
	size_t depth = 0;
	char *base = cx->url ? xstrdup(cx->url) : NULL;
	xmlChar *r;

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
		r = xmlBuildURI((const xmlChar *)xb, (const xmlChar *)base);
		free(xb);
		if (r) {
			free(base);
			base = xstrdup((const char *)r);
			xmlFree(r);
		}
	}
	return base;
}

/* Resolves href against xml:base of n's ancestors and the feed URL.
 * Owned; NULL when href is empty. */
static char *
feed_resolve(const struct feed_ctx *cx, const xmlNode *n, const char *href)
{
	char *base, *out = NULL, *h = NULL;
	xmlChar *r;

	feed_set_once(&h, href);
	if (h == NULL)
		return NULL;
	base = feed_base(cx, n);
	if (base != NULL) {
		r = xmlBuildURI((const xmlChar *)h, (const xmlChar *)base);
		if (r) {
			out = xstrdup((const char *)r);
			xmlFree(r);
		}
	}
	free(base);
	if (out == NULL)
		return h;
	free(h);
	return out;
}

static bool
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
static char *
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
			xmlChar *r = xmlBuildURI((const xmlChar *)rel,
			    (const xmlChar *)base);

			buf_puts(&b, r ? (const char *)r : rel);
			if (r)
				xmlFree(r);
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
static char *
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

/* ---- shared bits of RSS and Atom ---------------------------------------- */

/* Values seen while walking a channel/feed or an item/entry, merged into
 * the model at the end in order of precedence. */
enum {
	SRC_MAIN,      /* the format's own element */
	SRC_ALT,       /* RSS webMaster */
	SRC_DC,
	SRC_DC2,       /* dc:creator after dc:author */
	SRC_ITUNES,
	SRC_ATOM,
	SRC_N,
};

struct feed_bag {
	char *title[SRC_N];
	char *desc[SRC_N];
	char *content[SRC_N];
	char *published[SRC_N];
	char *updated[SRC_N];
	char *language[SRC_N];
	char *rights[SRC_N];
	struct feed_person *people[SRC_N];
	size_t n_people[SRC_N];
	struct strlist cats[SRC_N + 1];   /* + itunes:category */
	char *image[SRC_N + 2];           /* + media, + enclosure */
	long media_width;                 /* of image[SRC_N], 0 unknown */
	char *image_title;
};

static void
feed_bag_free(struct feed_bag *b)
{
	for (int i = 0; i < SRC_N; i++) {
		free(b->title[i]);
		free(b->desc[i]);
		free(b->content[i]);
		free(b->published[i]);
		free(b->updated[i]);
		free(b->language[i]);
		free(b->rights[i]);
		for (size_t k = 0; k < b->n_people[i]; k++) {
			free(b->people[i][k].name);
			free(b->people[i][k].email);
		}
		free(b->people[i]);
	}
	for (int i = 0; i < SRC_N + 1; i++)
		strlist_free(&b->cats[i]);
	for (int i = 0; i < SRC_N + 2; i++)
		free(b->image[i]);
	free(b->image_title);
}

/* The first non-NULL of v[0..n), moved out. */
static char *
feed_pick(char **v, int n)
{
	for (int i = 0; i < n; i++)
		if (v[i] != NULL) {
			char *s = v[i];

			v[i] = NULL;
			return s;
		}
	return NULL;
}

static void
feed_take(char **field, char **v, int n)
{
	char *s = feed_pick(v, n);

	if (*field == NULL)
		*field = s;
	else
		free(s);
}

/* As feed_take, over slots given by address. */
static void
feed_take_p(char **field, char **const *v, int n)
{
	for (int i = 0; i < n; i++)
		if (*v[i] != NULL) {
			if (*field == NULL)
				*field = *v[i];
			else
				free(*v[i]);
			*v[i] = NULL;
			return;
		}
}

static void
feed_take_people(struct feed_bag *b, struct feed_person **v, size_t *n)
{
	for (int i = 0; i < SRC_N; i++)
		if (b->n_people[i] > 0) {
			*v = b->people[i];
			*n = b->n_people[i];
			b->people[i] = NULL;
			b->n_people[i] = 0;
			return;
		}
}

static void
feed_take_cats(struct feed_bag *b, struct strlist *out)
{
	static const int order[] = {
		SRC_MAIN, SRC_ITUNES, SRC_N, SRC_DC, SRC_ATOM
	};

	for (size_t k = 0; k < sizeof(order) / sizeof(order[0]); k++) {
		struct strlist *l = &b->cats[order[k]];

		for (size_t i = 0; i < l->n; i++) {
			strlist_push_owned(out, l->v[i]);
			l->v[i] = NULL;
		}
		l->n = 0;
	}
}

static void
feed_put(char **slot, char *value)
{
	if (*slot == NULL)
		*slot = value;
	else
		free(value);
}

/* An Atom person construct: <author><name/><email/></author>. Some RSS
 * feeds put the name directly in the element. */
static void
feed_atom_person(const struct feed_ctx *cx, xmlNode *n,
    struct feed_person **v, size_t *nv)
{
	char *name = NULL, *email = NULL;
	const char *local;

	for (xmlNode *c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		feed_ns_of(c, &local);
		if (strcmp(local, "name") == 0)
			feed_put(&name, feed_text(cx, c));
		else if (strcmp(local, "email") == 0)
			feed_put(&email, feed_text(cx, c));
	}
	if (name == NULL && email == NULL && !feed_has_elements(n)) {
		char *t = feed_text(cx, n);

		feed_add_author_text(v, nv, t);
		free(t);
		return;
	}
	feed_add_author(v, nv, name, email);
	free(name);
	free(email);
}

/* itunes:category text="..." with nested subcategories. */
static void
feed_itunes_category(const struct feed_ctx *cx, xmlNode *n,
    struct strlist *l, int depth)
{
	char *t = feed_attr(cx, n, "text");
	const char *local;

	if (t && *t)
		strlist_push_owned(l, t);
	else
		free(t);
	if (depth > 8)
		return;
	for (xmlNode *c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE &&
		    feed_ns_of(c, &local) == NS_ITUNES &&
		    strcmp(local, "category") == 0)
			feed_itunes_category(cx, c, l, depth + 1);
}

static void
feed_split_keywords(const char *s, struct strlist *l)
{
	const char *p = s;

	while (p && *p) {
		const char *e = strchr(p, ',');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		char *k = xstrndup(p, n), *t = NULL;

		feed_set_once(&t, k);
		free(k);
		if (t)
			strlist_push_owned(l, t);
		p = e ? e + 1 : NULL;
	}
}

/* A URL whose path ends like an image file's. */
static bool
feed_image_url(const char *u)
{
	static const char *const ext[] = {
		".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif",
	};
	size_t n;

	if (u == NULL)
		return false;
	n = strcspn(u, "?#");
	for (size_t i = 0; i < sizeof(ext) / sizeof(ext[0]); i++) {
		size_t k = strlen(ext[i]);

		if (n >= k && strncasecmp(u + n - k, ext[i], k) == 0)
			return true;
	}
	return false;
}

/* Media RSS: an image from media:content / media:thumbnail, looking into
 * media:group. */
static void
feed_media(const struct feed_ctx *cx, xmlNode *n, const char *local,
    struct feed_bag *b, int depth)
{
	if (strcmp(local, "thumbnail") == 0) {
		char *u = feed_attr(cx, n, "url");

		feed_put(&b->image[SRC_N], feed_resolve(cx, n, u));
		free(u);
	} else if (strcmp(local, "content") == 0) {
		char *u = feed_attr(cx, n, "url");
		char *medium = feed_attr(cx, n, "medium");
		char *type = feed_attr(cx, n, "type");
		char *w = feed_attr(cx, n, "width");
		long width = feed_width(w);
		bool img = (medium && strcasecmp(medium, "image") == 0) ||
		    (type && strncasecmp(type, "image/", 6) == 0) ||
		    (medium == NULL && type == NULL && feed_image_url(u));

		/* the first image, or a wider one of several sizes */
		if (img && u && (b->image[SRC_N] == NULL ||
		    (b->media_width > 0 && width > b->media_width))) {
			free(b->image[SRC_N]);
			b->image[SRC_N] = feed_resolve(cx, n, u);
			b->media_width = width;
		}
		free(w);
		/* a thumbnail inside media:content */
		if (depth < 4)
			for (xmlNode *c = n->children; c; c = c->next) {
				const char *l;

				if (c->type == XML_ELEMENT_NODE &&
				    feed_ns_of(c, &l) == NS_MEDIA)
					feed_media(cx, c, l, b, depth + 1);
			}
		free(u);
		free(medium);
		free(type);
	} else if (strcmp(local, "group") == 0 && depth < 4) {
		for (xmlNode *c = n->children; c; c = c->next) {
			const char *l;

			if (c->type == XML_ELEMENT_NODE &&
			    feed_ns_of(c, &l) == NS_MEDIA)
				feed_media(cx, c, l, b, depth + 1);
		}
	}
}

/* The namespaced extensions RSS and Atom share. Returns true when n was
 * one of them. */
static bool
feed_extension(const struct feed_ctx *cx, xmlNode *n, enum feed_ns ns,
    const char *local, struct feed_bag *b)
{
	char *t;

	switch (ns) {
	case NS_DC:
		if (strcmp(local, "title") == 0)
			feed_put(&b->title[SRC_DC], feed_text(cx, n));
		else if (strcmp(local, "description") == 0)
			feed_put(&b->desc[SRC_DC], feed_text(cx, n));
		else if (strcmp(local, "date") == 0) {
			t = feed_text(cx, n);
			feed_put(&b->published[SRC_DC], t ? xstrdup(t) : NULL);
			feed_put(&b->updated[SRC_DC], t);
		} else if (strcmp(local, "creator") == 0) {
			t = feed_text(cx, n);
			feed_add_author_text(&b->people[SRC_DC2],
			    &b->n_people[SRC_DC2], t);
			free(t);
		} else if (strcmp(local, "author") == 0) {
			t = feed_text(cx, n);
			feed_add_author_text(&b->people[SRC_DC],
			    &b->n_people[SRC_DC], t);
			free(t);
		} else if (strcmp(local, "language") == 0)
			feed_put(&b->language[SRC_DC], feed_text(cx, n));
		else if (strcmp(local, "rights") == 0)
			feed_put(&b->rights[SRC_DC], feed_text(cx, n));
		else if (strcmp(local, "subject") == 0) {
			t = feed_text(cx, n);
			if (t)
				strlist_push_owned(&b->cats[SRC_DC], t);
		}
		return true;
	case NS_DCTERMS:
		if (strcmp(local, "modified") == 0)
			feed_put(&b->updated[SRC_DC2], feed_text(cx, n));
		else if (strcmp(local, "created") == 0 ||
		    strcmp(local, "issued") == 0)
			feed_put(&b->published[SRC_DC2], feed_text(cx, n));
		return true;
	case NS_ITUNES:
		if (strcmp(local, "author") == 0) {
			t = feed_text(cx, n);
			feed_add_author_text(&b->people[SRC_ITUNES],
			    &b->n_people[SRC_ITUNES], t);
			free(t);
		} else if (strcmp(local, "summary") == 0)
			feed_put(&b->desc[SRC_ITUNES], feed_text(cx, n));
		else if (strcmp(local, "image") == 0) {
			char *h = feed_attr(cx, n, "href");

			if (h == NULL)
				h = feed_text(cx, n);
			feed_put(&b->image[SRC_ITUNES], feed_resolve(cx, n,
			    h));
			free(h);
		} else if (strcmp(local, "keywords") == 0) {
			t = feed_text(cx, n);
			feed_split_keywords(t, &b->cats[SRC_ITUNES]);
			free(t);
		} else if (strcmp(local, "category") == 0) {
			feed_itunes_category(cx, n, &b->cats[SRC_N], 0);
		}
		return true;
	case NS_MEDIA:
		feed_media(cx, n, local, b, 0);
		return true;
	case NS_CONTENT:
		if (strcmp(local, "encoded") == 0)
			feed_put(&b->content[SRC_MAIN], feed_text(cx, n));
		return true;
	default:
		return false;
	}
}

/* An Atom <link>: rel decides where it goes. */
static void
feed_atom_link(const struct feed_ctx *cx, xmlNode *n, char **link,
    struct strlist *links, char **self, struct feed_item *it)
{
	char *href = feed_attr(cx, n, "href"), *rel = feed_attr(cx, n, "rel");
	char *u;

	if (href == NULL) {
		/* RSS-style <atom:link>text</atom:link> */
		href = feed_text(cx, n);
	}
	u = feed_resolve(cx, n, href);
	free(href);
	if (u == NULL) {
		free(rel);
		return;
	}
	if (rel && strcasecmp(rel, "enclosure") == 0) {
		if (it) {
			char *len = feed_attr(cx, n, "length");
			char *type = feed_attr(cx, n, "type");

			feed_add_enclosure(it, u, len, type);
			free(len);
			free(type);
		}
		free(u);
		free(rel);
		return;
	}
	if (rel && strcasecmp(rel, "self") == 0) {
		if (self && *self == NULL)
			*self = xstrdup(u);
	} else if (rel == NULL || *rel == '\0' ||
	    strcasecmp(rel, "alternate") == 0) {
		if (*link == NULL)
			*link = xstrdup(u);
	}
	if (!strlist_contains(links, u))
		strlist_push(links, u);
	free(u);
	free(rel);
}

/* ---- RSS ---------------------------------------------------------------- */

static bool
feed_rss_own(enum feed_ns ns)
{
	return ns == NS_NONE || ns == NS_RSS;
}

/* <link> in RSS: its text, or an href attribute (Atom style). */
static char *
feed_rss_link(const struct feed_ctx *cx, xmlNode *n)
{
	char *h = feed_attr(cx, n, "href"), *u;

	if (h == NULL)
		h = feed_text(cx, n);
	u = feed_resolve(cx, n, h);
	free(h);
	return u;
}

/* An item with no image of its own takes the first <img> of its content,
 * else of its description, resolved against the item's base. */
static void
feed_item_image_from_html(const struct feed_ctx *cx, xmlNode *n,
    struct feed_item *it)
{
	char *img;

	if (it->image.url != NULL)
		return;
	img = feed_html_first_img(it->content);
	if (img == NULL)
		img = feed_html_first_img(it->description);
	if (img != NULL) {
		it->image.url = feed_resolve(cx, n, img);
		free(img);
	}
}

static void
feed_rss_item(const struct feed_ctx *cx, struct feed *f, xmlNode *n)
{
	struct feed_item *it = feed_add_item(f);
	struct feed_bag b;
	const char *local;
	char *t, *permalink = NULL, *about;
	char *atom_link = NULL;

	memset(&b, 0, sizeof(b));
	for (xmlNode *c = n->children; c != NULL; c = c->next) {
		enum feed_ns ns;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		ns = feed_ns_of(c, &local);
		if (feed_rss_own(ns)) {
			if (strcmp(local, "title") == 0)
				feed_put(&b.title[SRC_MAIN], feed_text(cx, c));
			else if (strcmp(local, "description") == 0)
				feed_put(&b.desc[SRC_MAIN], feed_text(cx, c));
			else if (strcmp(local, "link") == 0) {
				t = feed_rss_link(cx, c);
				if (t) {
					free(it->link);
					it->link = xstrdup(t);
					strlist_push_owned(&it->links, t);
				}
			} else if (strcmp(local, "guid") == 0) {
				char *pl = feed_attr(cx, c, "isPermaLink");

				feed_put(&it->guid, feed_text(cx, c));
				if (it->guid && !(pl &&
				    strcasecmp(pl, "false") == 0) &&
				    (strncmp(it->guid, "http://", 7) == 0 ||
				    strncmp(it->guid, "https://", 8) == 0))
					feed_put(&permalink,
					    xstrdup(it->guid));
				free(pl);
			} else if (strcmp(local, "pubDate") == 0)
				feed_put(&b.published[SRC_MAIN],
				    feed_text(cx, c));
			else if (strcmp(local, "author") == 0) {
				t = feed_text(cx, c);
				feed_add_author_text(&b.people[SRC_MAIN],
				    &b.n_people[SRC_MAIN], t);
				free(t);
			} else if (strcmp(local, "category") == 0) {
				t = feed_text(cx, c);
				if (t)
					strlist_push_owned(&b.cats[SRC_MAIN],
					    t);
			} else if (strcmp(local, "enclosure") == 0) {
				char *u = feed_attr(cx, c, "url");
				char *len = feed_attr(cx, c, "length");
				char *type = feed_attr(cx, c, "type");
				char *r = feed_resolve(cx, c, u);

				feed_add_enclosure(it, r, len, type);
				if (r && type && strncasecmp(type, "image/",
				    6) == 0)
					feed_put(&b.image[SRC_N + 1],
					    xstrdup(r));
				free(r);
				free(u);
				free(len);
				free(type);
			}
			continue;
		}
		if (ns == NS_ATOM || ns == NS_ATOM03) {
			if (strcmp(local, "author") == 0)
				feed_atom_person(cx, c, &b.people[SRC_ATOM],
				    &b.n_people[SRC_ATOM]);
			else if (strcmp(local, "content") == 0)
				feed_put(&b.content[SRC_ATOM], feed_text(cx,
				    c));
			else if (strcmp(local, "summary") == 0)
				feed_put(&b.desc[SRC_ATOM], feed_text(cx, c));
			else if (strcmp(local, "title") == 0)
				feed_put(&b.title[SRC_ATOM], feed_text(cx, c));
			else if (strcmp(local, "published") == 0)
				feed_put(&b.published[SRC_ATOM],
				    feed_text(cx, c));
			else if (strcmp(local, "updated") == 0)
				feed_put(&b.updated[SRC_ATOM], feed_text(cx,
				    c));
			else if (strcmp(local, "link") == 0)
				feed_atom_link(cx, c, &atom_link, &it->links,
				    NULL, it);
			else if (strcmp(local, "category") == 0) {
				t = feed_attr(cx, c, "term");
				if (t && *t)
					strlist_push_owned(&b.cats[SRC_ATOM],
					    t);
				else
					free(t);
			}
			continue;
		}
		feed_extension(cx, c, ns, local, &b);
	}
	/* RSS 1.0: rdf:about names the item */
	about = feed_attr_ns(cx, n, "about", "http://www.w3.org/1999/02/"
	    "22-rdf-syntax-ns#");
	if (it->guid == NULL && about && *about)
		it->guid = xstrdup(about);
	free(about);
	if (it->link == NULL && atom_link)
		it->link = xstrdup(atom_link);
	if (it->link == NULL && permalink) {
		it->link = xstrdup(permalink);
		strlist_push(&it->links, permalink);
	}
	free(permalink);
	free(atom_link);
	feed_take(&it->title, b.title, SRC_N);
	feed_take_p(&it->description, (char **const[]){ &b.desc[SRC_MAIN],
	    &b.desc[SRC_DC], &b.desc[SRC_ITUNES], &b.desc[SRC_ATOM] }, 4);
	feed_take_p(&it->content, (char **const[]){ &b.content[SRC_MAIN],
	    &b.content[SRC_ATOM] }, 2);
	feed_set_date(&it->published, b.published[SRC_MAIN]);
	feed_set_date(&it->published, b.published[SRC_ATOM]);
	feed_set_date(&it->published, b.published[SRC_DC]);
	feed_set_date(&it->published, b.published[SRC_DC2]);
	feed_set_date(&it->updated, b.updated[SRC_ATOM]);
	feed_set_date(&it->updated, b.updated[SRC_DC]);
	feed_set_date(&it->updated, b.updated[SRC_DC2]);
	feed_take_people(&b, &it->authors, &it->n_authors);
	feed_take_cats(&b, &it->categories);
	feed_set_image(&it->image, b.image[SRC_ITUNES], NULL);
	feed_set_image(&it->image, b.image[SRC_N], NULL);
	feed_set_image(&it->image, b.image[SRC_N + 1], NULL);
	feed_item_image_from_html(cx, n, it);
	feed_bag_free(&b);
}

static void
feed_rss_image(const struct feed_ctx *cx, xmlNode *n, struct feed_bag *b)
{
	const char *local;
	char *u = NULL;

	for (xmlNode *c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (!feed_rss_own(feed_ns_of(c, &local)))
			continue;
		if (strcmp(local, "url") == 0)
			feed_put(&u, feed_text(cx, c));
		else if (strcmp(local, "title") == 0)
			feed_put(&b->image_title, feed_text(cx, c));
	}
	if (u == NULL) {
		/* RSS 1.0: <image rdf:resource="..."/> in the channel */
		u = feed_attr_ns(cx, n, "resource",
		    "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
		if (u == NULL)
			u = feed_attr_ns(cx, n, "about",
			    "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
	}
	if (u)
		feed_put(&b->image[SRC_MAIN], feed_resolve(cx, n, u));
	free(u);
}

/* The channel (RSS 2.0) or the channel plus its siblings (RDF). */
static void
feed_rss_channel(const struct feed_ctx *cx, struct feed *f, xmlNode *ch,
    struct feed_bag *b, char **atom_link)
{
	const char *local;
	char *t;

	for (xmlNode *c = ch->children; c != NULL; c = c->next) {
		enum feed_ns ns;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		ns = feed_ns_of(c, &local);
		if (feed_rss_own(ns)) {
			if (strcmp(local, "item") == 0)
				feed_rss_item(cx, f, c);
			else if (strcmp(local, "title") == 0)
				feed_put(&b->title[SRC_MAIN], feed_text(cx,
				    c));
			else if (strcmp(local, "description") == 0)
				feed_put(&b->desc[SRC_MAIN], feed_text(cx, c));
			else if (strcmp(local, "link") == 0) {
				t = feed_rss_link(cx, c);
				if (t) {
					free(f->link);
					f->link = xstrdup(t);
					strlist_push_owned(&f->links, t);
				}
			} else if (strcmp(local, "language") == 0)
				feed_put(&b->language[SRC_MAIN],
				    feed_text(cx, c));
			else if (strcmp(local, "copyright") == 0)
				feed_put(&b->rights[SRC_MAIN], feed_text(cx,
				    c));
			else if (strcmp(local, "generator") == 0)
				feed_put(&f->generator, feed_text(cx, c));
			else if (strcmp(local, "pubDate") == 0)
				feed_put(&b->published[SRC_MAIN],
				    feed_text(cx, c));
			else if (strcmp(local, "lastBuildDate") == 0)
				feed_put(&b->updated[SRC_MAIN],
				    feed_text(cx, c));
			else if (strcmp(local, "managingEditor") == 0) {
				t = feed_text(cx, c);
				feed_add_author_text(&b->people[SRC_MAIN],
				    &b->n_people[SRC_MAIN], t);
				free(t);
			} else if (strcmp(local, "webMaster") == 0) {
				t = feed_text(cx, c);
				feed_add_author_text(&b->people[SRC_ALT],
				    &b->n_people[SRC_ALT], t);
				free(t);
			} else if (strcmp(local, "category") == 0) {
				t = feed_text(cx, c);
				if (t)
					strlist_push_owned(&b->cats[SRC_MAIN],
					    t);
			} else if (strcmp(local, "image") == 0)
				feed_rss_image(cx, c, b);
			continue;
		}
		if (ns == NS_ATOM || ns == NS_ATOM03) {
			if (strcmp(local, "link") == 0)
				feed_atom_link(cx, c, atom_link, &f->links,
				    &f->feed_link, NULL);
			else if (strcmp(local, "updated") == 0)
				feed_put(&b->updated[SRC_ATOM], feed_text(cx,
				    c));
			else if (strcmp(local, "author") == 0)
				feed_atom_person(cx, c, &b->people[SRC_ATOM],
				    &b->n_people[SRC_ATOM]);
			continue;
		}
		feed_extension(cx, c, ns, local, b);
	}
}

static void
feed_rss(const struct feed_ctx *cx, struct feed *f, xmlNode *root,
    bool rdf)
{
	struct feed_bag b;
	const char *local;
	char *atom_link = NULL;
	bool seen_channel = false;

	memset(&b, 0, sizeof(b));
	if (!rdf && strcmp((const char *)root->name, "channel") == 0) {
		feed_rss_channel(cx, f, root, &b, &atom_link);
		seen_channel = true;
	}
	for (xmlNode *c = root->children; c != NULL; c = c->next) {
		enum feed_ns ns;

		if (c->type != XML_ELEMENT_NODE || seen_channel)
			continue;
		ns = feed_ns_of(c, &local);
		if (!feed_rss_own(ns))
			continue;
		if (strcmp(local, "channel") == 0)
			feed_rss_channel(cx, f, c, &b, &atom_link);
		else if (strcmp(local, "item") == 0)
			feed_rss_item(cx, f, c);
		else if (strcmp(local, "image") == 0)
			feed_rss_image(cx, c, &b);
	}
	if (f->link == NULL && atom_link) {
		f->link = atom_link;
		atom_link = NULL;
	}
	free(atom_link);
	feed_take(&f->title, b.title, SRC_N);
	feed_take_p(&f->description, (char **const[]){ &b.desc[SRC_MAIN],
	    &b.desc[SRC_DC], &b.desc[SRC_ITUNES] }, 3);
	feed_take(&f->language, b.language, SRC_N);
	feed_take(&f->copyright, b.rights, SRC_N);
	feed_set_date(&f->published, b.published[SRC_MAIN]);
	feed_set_date(&f->published, b.published[SRC_DC2]);
	feed_set_date(&f->updated, b.updated[SRC_MAIN]);
	feed_set_date(&f->updated, b.updated[SRC_DC]);
	feed_set_date(&f->updated, b.updated[SRC_ATOM]);
	feed_set_date(&f->updated, b.updated[SRC_DC2]);
	feed_take_people(&b, &f->authors, &f->n_authors);
	feed_take_cats(&b, &f->categories);
	feed_set_image(&f->image, b.image[SRC_MAIN], b.image_title);
	feed_set_image(&f->image, b.image[SRC_ITUNES], NULL);
	feed_set_image(&f->image, b.image[SRC_N], NULL);
	if (f->image.url == NULL) {
		char *img = feed_html_first_img(f->description);

		if (img) {
			f->image.url = feed_resolve(cx, root, img);
			free(img);
		}
	}
	feed_bag_free(&b);
}

/* ---- Atom --------------------------------------------------------------- */

static bool
feed_atom_own(enum feed_ns ns)
{
	return ns == NS_ATOM || ns == NS_ATOM03 || ns == NS_NONE;
}

/* An Atom text construct: xhtml is kept as markup without its wrapping
 * div; text and html are character data; Atom 0.3 base64 is decoded.
 * Relative links inside markup are resolved against xml:base. */
static char *
feed_atom_text(const struct feed_ctx *cx, xmlNode *n)
{
	char *type = feed_attr(cx, n, "type"), *mode = feed_attr(cx, n,
	    "mode");
	struct buf b = { 0 };
	char *s = NULL;

	bool b64 = mode && strcasecmp(mode, "base64") == 0;

	/* Atom 1.0: a MIME type that is neither text nor XML is base64 */
	if (type && strchr(type, '/') && strncasecmp(type, "text/", 5) != 0 &&
	    strstr(type, "xml") == NULL && !(mode && *mode))
		b64 = true;
	if (b64) {
		char *t = feed_text(cx, n), *d = feed_base64(t);

		/* not base64 after all: keep the text as it is */
		if (d && feed_valid_utf8((const unsigned char *)d,
		    strlen(d)) &&
		    strlen(d) > 0)
			feed_set_once(&s, d);
		else
			s = t ? xstrdup(t) : NULL;
		free(t);
		free(d);
	} else if (type && strstr(type, "xhtml") != NULL) {
		xmlNode *only = NULL;
		int elems = 0;

		for (xmlNode *c = n->children; c != NULL; c = c->next) {
			if (c->type == XML_ELEMENT_NODE) {
				only = c;
				elems++;
			}
		}
		if (elems == 1 && strcmp((const char *)only->name, "div") == 0)
			feed_inner_xml(cx, only, &b);
		else
			feed_inner_xml(cx, n, &b);
		if (b.p)
			feed_set_once(&s, b.p);
		buf_free(&b);
	} else {
		s = feed_text(cx, n);
	}
	if (s && (type == NULL || strcasecmp(type, "text") != 0))
		s = feed_html_resolve(cx, n, s);
	free(type);
	free(mode);
	return s;
}

static void
feed_atom_category(const struct feed_ctx *cx, xmlNode *n, struct strlist *l)
{
	char *t = feed_attr(cx, n, "label");

	if (t == NULL || *t == '\0') {
		free(t);
		t = feed_attr(cx, n, "term");
	}
	if (t == NULL || *t == '\0') {
		free(t);
		t = feed_text(cx, n);
	}
	if (t)
		strlist_push_owned(l, t);
}

static void
feed_atom_entry(const struct feed_ctx *cx, struct feed *f, xmlNode *n)
{
	struct feed_item *it = feed_add_item(f);
	struct feed_bag b;
	const char *local;

	memset(&b, 0, sizeof(b));
	for (xmlNode *c = n->children; c != NULL; c = c->next) {
		enum feed_ns ns;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		ns = feed_ns_of(c, &local);
		if (!feed_atom_own(ns)) {
			feed_extension(cx, c, ns, local, &b);
			continue;
		}
		if (strcmp(local, "id") == 0)
			feed_put(&it->guid, feed_text(cx, c));
		else if (strcmp(local, "title") == 0)
			feed_put(&b.title[SRC_MAIN], feed_atom_text(cx, c));
		else if (strcmp(local, "summary") == 0)
			feed_put(&b.desc[SRC_MAIN], feed_atom_text(cx, c));
		else if (strcmp(local, "content") == 0) {
			char *src = feed_attr(cx, c, "src");

			feed_put(&b.content[SRC_ATOM], feed_atom_text(cx, c));
			if (src) {
				char *u = feed_resolve(cx, c, src);

				if (u && !strlist_contains(&it->links, u))
					strlist_push(&it->links, u);
				free(u);
			}
			free(src);
		} else if (strcmp(local, "link") == 0)
			feed_atom_link(cx, c, &it->link, &it->links, NULL, it);
		else if (strcmp(local, "published") == 0 ||
		    strcmp(local, "issued") == 0)
			feed_put(&b.published[SRC_MAIN], feed_text(cx, c));
		else if (strcmp(local, "created") == 0)
			feed_put(&b.published[SRC_ALT], feed_text(cx, c));
		else if (strcmp(local, "updated") == 0 ||
		    strcmp(local, "modified") == 0)
			feed_put(&b.updated[SRC_MAIN], feed_text(cx, c));
		else if (strcmp(local, "author") == 0)
			feed_atom_person(cx, c, &b.people[SRC_MAIN],
			    &b.n_people[SRC_MAIN]);
		else if (strcmp(local, "category") == 0)
			feed_atom_category(cx, c, &b.cats[SRC_MAIN]);
		else if (strcmp(local, "rights") == 0)
			continue;
	}
	if (it->link == NULL && it->links.n > 0)
		it->link = xstrdup(it->links.v[0]);
	feed_take(&it->title, b.title, SRC_N);
	feed_take(&it->description, b.desc, SRC_N);
	feed_take_p(&it->content, (char **const[]){ &b.content[SRC_ATOM],
	    &b.content[SRC_MAIN] }, 2);
	feed_set_date(&it->published, b.published[SRC_MAIN]);
	feed_set_date(&it->published, b.published[SRC_ALT]);
	feed_set_date(&it->updated, b.updated[SRC_MAIN]);
	feed_set_date(&it->updated, b.updated[SRC_DC]);
	feed_set_date(&it->published, b.published[SRC_DC]);
	if (!it->published.set)
		it->published = it->updated;
	feed_take_people(&b, &it->authors, &it->n_authors);
	feed_take_cats(&b, &it->categories);
	feed_set_image(&it->image, b.image[SRC_N], NULL);
	feed_set_image(&it->image, b.image[SRC_ITUNES], NULL);
	feed_item_image_from_html(cx, n, it);
	feed_bag_free(&b);
}

static void
feed_atom(const struct feed_ctx *cx, struct feed *f, xmlNode *root)
{
	struct feed_bag b;
	const char *local;
	char *logo = NULL, *icon = NULL;

	memset(&b, 0, sizeof(b));
	f->language = feed_attr_ns(cx, root, "lang",
	    (const char *)XML_XML_NAMESPACE);
	if (f->language && *f->language == '\0') {
		free(f->language);
		f->language = NULL;
	}
	for (xmlNode *c = root->children; c != NULL; c = c->next) {
		enum feed_ns ns;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		ns = feed_ns_of(c, &local);
		if (!feed_atom_own(ns)) {
			feed_extension(cx, c, ns, local, &b);
			continue;
		}
		if (strcmp(local, "entry") == 0)
			feed_atom_entry(cx, f, c);
		else if (strcmp(local, "title") == 0)
			feed_put(&b.title[SRC_MAIN], feed_atom_text(cx, c));
		else if (strcmp(local, "subtitle") == 0 ||
		    strcmp(local, "tagline") == 0)
			feed_put(&b.desc[SRC_MAIN], feed_atom_text(cx, c));
		else if (strcmp(local, "link") == 0)
			feed_atom_link(cx, c, &f->link, &f->links,
			    &f->feed_link, NULL);
		else if (strcmp(local, "updated") == 0 ||
		    strcmp(local, "modified") == 0)
			feed_put(&b.updated[SRC_MAIN], feed_text(cx, c));
		else if (strcmp(local, "published") == 0 ||
		    strcmp(local, "issued") == 0)
			feed_put(&b.published[SRC_MAIN], feed_text(cx, c));
		else if (strcmp(local, "author") == 0)
			feed_atom_person(cx, c, &b.people[SRC_MAIN],
			    &b.n_people[SRC_MAIN]);
		else if (strcmp(local, "category") == 0)
			feed_atom_category(cx, c, &b.cats[SRC_MAIN]);
		else if (strcmp(local, "rights") == 0 ||
		    strcmp(local, "copyright") == 0)
			feed_put(&b.rights[SRC_MAIN], feed_atom_text(cx, c));
		else if (strcmp(local, "logo") == 0)
			feed_put(&logo, feed_text(cx, c));
		else if (strcmp(local, "icon") == 0)
			feed_put(&icon, feed_text(cx, c));
		else if (strcmp(local, "generator") == 0 &&
		    f->generator == NULL) {
			char *t = feed_text(cx, c);
			char *v = feed_attr(cx, c, "version");
			char *u = feed_attr(cx, c, "uri");
			struct buf g = { 0 };

			if (u == NULL)
				u = feed_attr(cx, c, "url");
			if (t)
				buf_puts(&g, t);
			if (v && *v)
				buf_printf(&g, "%sv%s", g.len ? " " : "", v);
			if (u && *u)
				buf_printf(&g, "%s%s", g.len ? " " : "", u);
			if (g.len)
				f->generator = buf_take(&g);
			buf_free(&g);
			free(t);
			free(v);
			free(u);
		}
	}
	if (f->link == NULL && f->links.n > 0 && f->feed_link == NULL)
		f->link = xstrdup(f->links.v[0]);
	feed_take(&f->title, b.title, SRC_N);
	feed_take(&f->description, b.desc, SRC_N);
	feed_take(&f->copyright, b.rights, SRC_N);
	feed_take(&f->language, b.language, SRC_N);
	feed_set_date(&f->updated, b.updated[SRC_MAIN]);
	feed_set_date(&f->updated, b.updated[SRC_DC]);
	feed_set_date(&f->published, b.published[SRC_MAIN]);
	feed_take_people(&b, &f->authors, &f->n_authors);
	feed_take_cats(&b, &f->categories);
	if (logo) {
		char *u = feed_resolve(cx, root, logo);

		feed_set_image(&f->image, u, NULL);
		free(u);
	}
	if (icon) {
		char *u = feed_resolve(cx, root, icon);

		feed_set_image(&f->image, u, NULL);
		free(u);
	}
	feed_set_image(&f->image, b.image[SRC_ITUNES], NULL);
	feed_set_image(&f->image, b.image[SRC_N], NULL);
	free(logo);
	free(icon);
	feed_bag_free(&b);
}

/* ---- entry point -------------------------------------------------------- */

/* Without the URL the feed came from, relative links are resolved against
 * the URL the feed states for itself: its rel="self" link, else its site
 * link, when absolute. Looks at the root and at an RSS channel. Owned. */
static char *
feed_stated_url(const struct feed_ctx *cx, xmlNode *root)
{
	char *self = NULL, *site = NULL;
	const char *local;
	xmlNode *scope[2] = { root, NULL };

	for (xmlNode *c = root->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)c->name, "channel") == 0) {
			scope[1] = c;
			break;
		}
	for (int k = 0; k < 2 && scope[k]; k++)
		for (xmlNode *c = scope[k]->children; c; c = c->next) {
			enum feed_ns ns;
			char *rel, *href;

			if (c->type != XML_ELEMENT_NODE)
				continue;
			ns = feed_ns_of(c, &local);
			if (strcmp(local, "link") != 0 || (ns != NS_NONE &&
			    ns != NS_ATOM && ns != NS_ATOM03 && ns != NS_RSS))
				continue;
			href = feed_attr(cx, c, "href");
			if (href == NULL)
				href = feed_text(cx, c);
			if (href == NULL || !feed_has_scheme(href,
			    strlen(href))) {
				free(href);
				continue;
			}
			rel = feed_attr(cx, c, "rel");
			if (rel && strcasecmp(rel, "self") == 0)
				feed_put(&self, href);
			else if (rel == NULL ||
			    strcasecmp(rel, "alternate") == 0)
				feed_put(&site, href);
			else
				free(href);
			free(rel);
		}
	if (self) {
		free(site);
		return self;
	}
	return site;
}

struct feed *
feed_parse_xml(const char *data, size_t len, const char *url,
    const char *encoding, char *err, size_t errlen)
{
	struct feed_ctx cx = { NULL, url };
	struct feed *f = NULL;
	xmlParserCtxt *pc = NULL;
	xmlNode *root;
	const char *local;
	enum feed_ns ns;
	char *ver = NULL, *stated = NULL;

	if (len > FEED_MAX_INPUT || len > (size_t)INT32_MAX) {
		fail(err, errlen, "input too large");
		goto err;
	}
	pc = xmlNewParserCtxt();
	if (pc == NULL) {
		fail(err, errlen, "out of memory");
		goto err;
	}
	/* an encoding chosen by the caller overrides the declared one */
	cx.doc = xmlCtxtReadMemory(pc, data, (int)len, url, encoding,
	    XML_PARSE_NONET | XML_PARSE_RECOVER | XML_PARSE_NOERROR |
	    XML_PARSE_NOWARNING | XML_PARSE_NOCDATA | XML_PARSE_COMPACT |
	    (encoding ? XML_PARSE_IGNORE_ENC : 0));
	root = cx.doc ? xmlDocGetRootElement(cx.doc) : NULL;
	if (root == NULL) {
		const xmlError *e = xmlCtxtGetLastError(pc);

		fail(err, errlen, "not XML%s%s", e && e->message ? ": " : "",
		    e && e->message ? e->message : "");
		if (errlen > 0 && strlen(err) > 0 &&
		    err[strlen(err) - 1] == '\n')
			err[strlen(err) - 1] = '\0';
		goto err;
	}
	ns = feed_ns_of(root, &local);
	if (url == NULL) {
		stated = feed_stated_url(&cx, root);
		cx.url = stated;
	}
	f = feed_new();
	if (strcasecmp(local, "rss") == 0 || strcmp(local, "channel") == 0) {
		f->format = "rss";
		ver = feed_attr(&cx, root, "version");
		f->version = ver && *ver ? xstrdup(ver) : xstrdup("2.0");
		feed_rss(&cx, f, root, false);
	} else if (strcmp(local, "RDF") == 0 && ns == NS_RDF) {
		bool rss09 = false;

		for (xmlNs *d = root->nsDef; d != NULL; d = d->next)
			if (d->href && strcmp((const char *)d->href,
			    "http://my.netscape.com/rdf/simple/0.9/") == 0)
				rss09 = true;
		f->format = "rss";
		f->version = xstrdup(rss09 ? "0.9" : "1.0");
		feed_rss(&cx, f, root, true);
	} else if (strcmp(local, "feed") == 0 && feed_atom_own(ns)) {
		ver = feed_attr(&cx, root, "version");
		f->format = "atom";
		f->version = xstrdup(ns == NS_ATOM03 ||
		    (ver && strcmp(ver, "0.3") == 0) ? "0.3" : "1.0");
		feed_atom(&cx, f, root);
	} else {
		fail(err, errlen, "not a feed: root element <%s>",
		    (const char *)root->name);
		goto err;
	}
	free(ver);
	free(stated);
	xmlFreeDoc(cx.doc);
	xmlFreeParserCtxt(pc);
	return f;
err:
	free(ver);
	free(stated);
	feed_free(f);
	if (cx.doc)
		xmlFreeDoc(cx.doc);
	if (pc)
		xmlFreeParserCtxt(pc);
	return NULL;
}
