/* RSS 0.9x / 2.0, RSS 1.0 (RDF) and Atom 0.3 / 1.0 on libxml2: the entry
 * point, which parses the document and picks the format (feed_rss.c,
 * feed_atom.c; the shared readers are in feed_xml_util.c and
 * feed_xml_ext.c).
 *
 * The document is parsed with XML_PARSE_NONET | XML_PARSE_RECOVER and
 * without XML_PARSE_NOENT / XML_PARSE_DTDLOAD. Text is read from the tree
 * by feed_xml_util.c's own walker, which uses a declared entity only when its
 * replacement text is short and contains no further reference, so no
 * entity is ever expanded recursively. Elements are matched by namespace
 * URI; an undeclared prefix ("atom:link" with no xmlns:atom) is matched by
 * the prefix a person would recognise.
 *
 * The field mapping follows gofeed's universal translator (the yardstick's
 * reference): channel fields first, then Dublin Core, iTunes, Atom and
 * Media RSS as fallbacks. */
#include "feed_xml.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <libxml/entities.h>

/* The names of RSS and Atom elements as the specifications write them,
 * in strcasecmp() order: a feed that writes <PUBDATE> or <Title> gets
 * them back (element names are case-sensitive in XML, but real feeds are
 * written by hand and by templates). */
static const char *const feed_names[] = {
	"author", "category", "channel", "comments", "content",
	"contributor", "copyright", "created", "description", "email",
	"enclosure", "entry", "feed", "generator", "guid", "icon", "id",
	"image", "info", "issued", "item", "language", "lastBuildDate",
	"link", "logo", "managingEditor", "modified", "name", "pubDate",
	"published", "rights", "rss", "source", "subtitle", "summary",
	"tagline", "title", "updated", "uri", "url", "webMaster",
};

#define FEED_UPPER "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

static int
feed_name_cmp(const void *key, const void *elem)
{
	return strcasecmp(key, *(const char *const *)elem);
}

/* An element name written in another case: RSS and Atom names get the
 * case of the specifications (<PUBDATE> is pubDate); Dublin Core, iTunes,
 * Media RSS and content:encoded name their elements in lowercase only
 * (<DC:CREATOR> is dc:creator). */
static void
feed_name_case(xmlNode *c)
{
	const char *local;
	const char *const *k;
	char low[64];
	size_t i;

	switch (c->ns ? feed_ns_of(c, &local) : NS_NONE) {
	case NS_NONE:
	case NS_RSS:
	case NS_ATOM:
	case NS_ATOM03:
		k = bsearch(c->name, feed_names, sizeof(feed_names) /
		    sizeof(feed_names[0]), sizeof(*k), feed_name_cmp);
		if (k != NULL && strcmp(*k, (const char *)c->name) != 0)
			xmlNodeSetName(c, (const xmlChar *)*k);
		return;
	case NS_DC:
	case NS_DCTERMS:
	case NS_ITUNES:
	case NS_MEDIA:
	case NS_CONTENT:
		break;
	default:
		return;
	}
	if (local != (const char *)c->name)
		return;   /* an undeclared prefix: the name holds it */
	for (i = 0; c->name[i] && i + 1 < sizeof(low); i++)
		low[i] = (char)tolower(c->name[i]);
	if (c->name[i] != '\0')
		return;
	low[i] = '\0';
	xmlNodeSetName(c, (const xmlChar *)low);
}

/* Puts a feed written in an unexpected way into the shape the readers
 * expect: elements in the root's own unknown namespace (an Atom 0.3 feed
 * in another namespace) or in an unknown default namespace (RSS inside
 * xmlns="...") lose it, as a reader that maps prefixes sees them, and
 * element names of no namespace written in another case get the case of
 * the specifications. Bounded by the depth of the tree walked. */
static void
feed_normalise(xmlNode *n, const xmlChar *own, int depth)
{
	for (xmlNode *c = n; c != NULL; c = c->next) {
		const char *name = (const char *)c->name, *local;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (c->ns && c->ns->href && ((own &&
		    xmlStrcmp(c->ns->href, own) == 0) ||
		    (c->ns->prefix == NULL &&
		    feed_ns_of(c, &local) == NS_OTHER)))
			c->ns = NULL;
		if (strpbrk(name, FEED_UPPER))
			feed_name_case(c);
		if (c->children && depth < 32)
			feed_normalise(c->children, own, depth + 1);
	}
}

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

/* The document as libxml2 reads it, a chunk at a time, so that a budget
 * spent stops the parse (a read error ends it) between two chunks. */
struct feed_reader {
	const char *p;
	size_t left;
	const struct budget *budget;
};

static int
feed_read(void *ctx, char *buf, int len)
{
	struct feed_reader *r = ctx;
	size_t n = r->left < (size_t)len ? r->left : (size_t)len;

	if (len < 0 || budget_left(r->budget) != BUDGET_LEFT)
		return -1;
	if (n == 0)	/* r->p may be NULL: a tidied empty document */
		return 0;
	memcpy(buf, r->p, n);
	r->p += n;
	r->left -= n;
	return (int)n;
}

static int
feed_read_close(void *ctx)
{
	(void)ctx;
	return 0;
}

struct feed *
feed_parse_xml(const char *data, size_t len, const char *url,
    const char *encoding, const struct budget *b, char *err, size_t errlen)
{
	struct feed_ctx cx = { NULL, url, b };
	struct feed_reader rd = { data, len, b };
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
	cx.doc = xmlCtxtReadIO(pc, feed_read, feed_read_close, &rd, url,
	    encoding,
	    XML_PARSE_NONET | XML_PARSE_RECOVER | XML_PARSE_NOERROR |
	    XML_PARSE_NOWARNING | XML_PARSE_NOCDATA | XML_PARSE_COMPACT |
	    (encoding ? XML_PARSE_IGNORE_ENC : 0));
	if (budget_left(b) != BUDGET_LEFT) {
		fail(err, errlen, "the budget ran out while reading the XML");
		goto err;
	}
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
	/* a root in a namespace that is not a feed format's own */
	feed_normalise(root, (ns == NS_OTHER || ns == NS_XHTML) &&
	    root->ns != NULL ? root->ns->href : NULL, 0);
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

