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

/* Puts an element written in an unexpected way into the shape the
 * readers expect: an element in the root's own unknown namespace own (an
 * Atom 0.3 feed in another namespace) or in an unknown default namespace
 * (RSS inside xmlns="...") loses it, as a reader that maps prefixes sees
 * it, and a name of no namespace written in another case gets the case
 * of the specifications. Done to every element down to depth 32 as the
 * parser makes it (feed_sax_start). */
static void
feed_normalise(xmlNode *c, const xmlChar *own)
{
	const char *local;

	if (c->ns && c->ns->href && ((own &&
	    xmlStrcmp(c->ns->href, own) == 0) ||
	    (c->ns->prefix == NULL && feed_ns_of(c, &local) == NS_OTHER)))
		c->ns = NULL;
	if (strpbrk((const char *)c->name, FEED_UPPER))
		feed_name_case(c);
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

/* The formats, told by the root (normalised). */
enum feed_kind {
	FEED_NONE,
	FEED_RSS,
	FEED_RDF,
	FEED_ATOM,
};

static enum feed_kind
feed_kind_of(const xmlNode *root)
{
	const char *local;
	enum feed_ns ns = feed_ns_of(root, &local);

	if (strcasecmp(local, "rss") == 0 || strcmp(local, "channel") == 0)
		return FEED_RSS;
	if (strcmp(local, "RDF") == 0 && ns == NS_RDF)
		return FEED_RDF;
	if (strcmp(local, "feed") == 0 && feed_atom_own(ns))
		return FEED_ATOM;
	return FEED_NONE;
}

/* One reading of the document. libxml2's SAX2 handlers build the tree as
 * usual, and as soon as an item (or entry) the walkers would read ends,
 * it is read (feed_rss_item, feed_atom_entry) and taken out of the tree:
 * the tree never holds more than the channel and one item, and the feed
 * no more than the cap's items (feed_keep.c). What is left, the channel's
 * own elements (and an item the document never closed), is read by the
 * walkers at the end, as before. */
struct feed_sax {
	struct feed_ctx *cx;
	struct feed *f;
	xmlNode *root;
	const xmlChar *own;     /* feed_normalise() */
	enum feed_kind kind;
	bool stated;            /* cx->url stated by the feed, chosen */
	char *base;             /* that URL (owned) */
	size_t n_read;          /* items read as they ended */
	xmlNode *open;          /* the item being parsed */
	bool stop;              /* the budget is spent */
};

/* Whether n is an item (or entry) the walkers would read. */
static bool
feed_sax_is_item(const struct feed_sax *s, const xmlNode *n)
{
	if (s->kind == FEED_NONE || s->root == NULL || n == s->root)
		return false;
	return s->kind == FEED_ATOM ? feed_atom_is_entry(s->root, n) :
	    feed_rss_is_item(s->root, n);
}

/* The whitespace-only text node n (as between two items). */
static bool
feed_sax_blank(const xmlNode *n)
{
	if (n == NULL || n->type != XML_TEXT_NODE || n->content == NULL)
		return false;
	for (const xmlChar *c = n->content; *c; c++)
		if (!isspace(*c))
			return false;
	return true;
}

/* Reads item n, which the parser has done with, and takes it (and the
 * blank text before it) out of the tree. */
static void
feed_sax_read(struct feed_sax *s, xmlParserCtxt *pc, xmlNode *n)
{
	xmlNode *parent = n->parent, *prev = n->prev;

	s->open = NULL;
	if (s->stop)
		return;
	if (feed_budget_spent(s->cx->budget, s->f)) {
		s->stop = true;
		xmlStopParser(pc);
		return;
	}
	s->cx->doc = pc->myDoc;
	if (s->n_read == 0 && s->cx->url == NULL) {
		/* the base of the feed's relative links, from what came
		 * before its first item (feed_parse_xml checks it at the
		 * end) */
		s->base = feed_stated_url(s->cx, s->root);
		s->cx->url = s->base;
		s->stated = true;
	}
	if (s->kind == FEED_ATOM)
		feed_atom_entry(s->cx, s->f, n);
	else
		feed_rss_item(s->cx, s->f, n);
	s->n_read++;
	xmlUnlinkNode(n);
	xmlFreeNode(n);
	if (feed_sax_blank(prev) && prev->parent == parent) {
		xmlUnlinkNode(prev);
		xmlFreeNode(prev);
	}
	/* the parser's note of the last text node's length is not about
	 * the node that is now last: text that comes next is appended the
	 * slow, safe way (xmlTextConcat), or makes a node of its own */
	pc->nodelen = 0;
	pc->nodemem = 0;
}

static void
feed_sax_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
    const xmlChar *URI, int nb_namespaces, const xmlChar **namespaces,
    int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
	xmlParserCtxt *pc = ctx;
	struct feed_sax *s = pc->_private;
	xmlNode *before = pc->node, *n;
	int depth = 0;

	xmlSAX2StartElementNs(ctx, localname, prefix, URI, nb_namespaces,
	    namespaces, nb_attributes, nb_defaulted, attributes);
	n = pc->node;
	if (n == NULL || n == before || n->type != XML_ELEMENT_NODE)
		return;
	if (s->root == NULL && n->parent != NULL &&
	    n->parent->type == XML_DOCUMENT_NODE) {
		const char *local;
		enum feed_ns ns = feed_ns_of(n, &local);

		s->root = n;
		/* a root in a namespace that is not a feed format's own */
		s->own = (ns == NS_OTHER || ns == NS_XHTML) && n->ns ?
		    n->ns->href : NULL;
		feed_normalise(n, s->own);
		s->kind = feed_kind_of(n);
		return;
	}
	for (xmlNode *p = n->parent; p != NULL && p != s->root &&
	    depth <= 32; p = p->parent)
		depth++;
	if (depth < 32)
		feed_normalise(n, s->own);
	if (!feed_sax_is_item(s, n))
		return;
	/* an item whose start tag was broken is left by the parser without
	 * an end: it is done with when the next one starts */
	if (s->open != NULL)
		feed_sax_read(s, pc, s->open);
	s->open = n;
}

static void
feed_sax_end(void *ctx, const xmlChar *localname, const xmlChar *prefix,
    const xmlChar *URI)
{
	xmlParserCtxt *pc = ctx;
	struct feed_sax *s = pc->_private;
	xmlNode *n = pc->node;

	xmlSAX2EndElementNs(ctx, localname, prefix, URI);
	if (n != NULL && n != pc->node && n == s->open)
		feed_sax_read(s, pc, n);
}

static void
feed_sax_free(struct feed_sax *s)
{
	free(s->base);
	s->base = NULL;
}

/* One reading of data from url with base as the base of its links
 * (NULL: the feed's own, feed_stated_url). Returns the feed or NULL with
 * err; *again is set to the stated URL (owned) when the items were read
 * against another one than the document states in the end: the caller
 * reads it again with that base. */
static struct feed *
feed_xml_pass(const char *data, size_t len, const char *url,
    const char *base, const char *encoding, const struct feed_opts *o,
    char **again, char *err, size_t errlen)
{
	struct feed_ctx cx = { NULL, base, o->budget };
	struct feed_reader rd = { data, len, o->budget };
	struct feed_sax s = { .cx = &cx };
	struct feed *f = feed_new_opts(o);
	xmlParserCtxt *pc = NULL;
	xmlNode *root;
	char *ver = NULL, *stated = NULL;

	s.f = f;
	pc = xmlNewParserCtxt();
	if (pc == NULL || pc->sax == NULL) {
		fail(err, errlen, "out of memory");
		goto err;
	}
	pc->sax->startElementNs = feed_sax_start;
	pc->sax->endElementNs = feed_sax_end;
	pc->_private = &s;
	/* an encoding chosen by the caller overrides the declared one */
	cx.doc = xmlCtxtReadIO(pc, feed_read, feed_read_close, &rd, url,
	    encoding,
	    XML_PARSE_NONET | XML_PARSE_RECOVER | XML_PARSE_NOERROR |
	    XML_PARSE_NOWARNING | XML_PARSE_NOCDATA | XML_PARSE_COMPACT |
	    (encoding ? XML_PARSE_IGNORE_ENC : 0));
	if (budget_left(o->budget) != BUDGET_LEFT) {
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
	if (root != s.root) {
		/* never seen starting: not this parser's tree */
		fail(err, errlen, "not XML: no root element read");
		goto err;
	}
	if (base == NULL) {
		stated = feed_stated_url(&cx, root);
		if (s.stated && again != NULL && stated != NULL &&
		    (s.base == NULL || strcmp(stated, s.base) != 0)) {
			*again = stated;
			stated = NULL;
			goto err;
		}
		cx.url = stated;
	}
	switch (s.kind) {
	case FEED_RSS:
		f->format = "rss";
		ver = feed_attr(&cx, root, "version");
		f->version = ver && *ver ? xstrdup(ver) : xstrdup("2.0");
		feed_rss(&cx, f, root, false);
		break;
	case FEED_RDF: {
		bool rss09 = false;

		for (xmlNs *d = root->nsDef; d != NULL; d = d->next)
			if (d->href && strcmp((const char *)d->href,
			    "http://my.netscape.com/rdf/simple/0.9/") == 0)
				rss09 = true;
		f->format = "rss";
		f->version = xstrdup(rss09 ? "0.9" : "1.0");
		feed_rss(&cx, f, root, true);
		break;
	}
	case FEED_ATOM: {
		enum feed_ns ns;
		const char *local;

		ns = feed_ns_of(root, &local);
		ver = feed_attr(&cx, root, "version");
		f->format = "atom";
		f->version = xstrdup(ns == NS_ATOM03 ||
		    (ver && strcmp(ver, "0.3") == 0) ? "0.3" : "1.0");
		feed_atom(&cx, f, root);
		break;
	}
	default:
		fail(err, errlen, "not a feed: root element <%s>",
		    (const char *)root->name);
		goto err;
	}
	free(ver);
	free(stated);
	feed_sax_free(&s);
	xmlFreeDoc(cx.doc);
	xmlFreeParserCtxt(pc);
	return f;
err:
	free(ver);
	free(stated);
	feed_sax_free(&s);
	feed_free(f);
	if (cx.doc)
		xmlFreeDoc(cx.doc);
	if (pc)
		xmlFreeParserCtxt(pc);
	return NULL;
}

struct feed *
feed_parse_xml(const char *data, size_t len, const char *url,
    const char *encoding, const struct feed_opts *o, char *err,
    size_t errlen)
{
	struct feed *f;
	char *again = NULL;

	if (len > FEED_MAX_INPUT || len > (size_t)INT32_MAX) {
		fail(err, errlen, "input too large");
		return NULL;
	}
	f = feed_xml_pass(data, len, url, url, encoding, o, &again, err,
	    errlen);
	if (again != NULL) {
		/* the feed states its URL after its first items: read them
		 * again against it (twice the time, not the memory) */
		f = feed_xml_pass(data, len, url, again, encoding, o, NULL,
		    err, errlen);
		free(again);
	}
	return f;
}
