/* The document, element start and characters handlers of the pipeline's
 * parse (html_parse() in html_extract.c): the tree libxml2 2.9.14's
 * xmlSAX2StartElement() and xmlSAX2Characters() build for an HTML parse,
 * less their copies and allocations. libxml2 makes every element and
 * attribute name a string of its own (xmlSplitQName(), xmlStrdup()) from
 * the name the parser already holds in its dictionary, and frees it with
 * the tree; here the node takes the dictionary's string, which the
 * document references (doc->dict, which an HTML parse leaves unset) and
 * xmlFreeNode() leaves alone. Nodes, attributes, their values and order
 * are the same; the document's table of IDs is not made. Whatever this
 * does not do the same way (a prefixed name, an xml:id, a DTD that
 * declares attributes, validation) goes to libxml2's own handler, for the
 * whole element.
 *
 * The elements, their attributes and values, and the text nodes are cut
 * from the arena that html_parse() hangs on the context's _private (struct
 * html_sax), not each taken from malloc() and given back to free() with
 * the tree: 1.5 million allocations over the 390 corpus pages, and the
 * nodes of a page lie in the order of its text, as the walks read them.
 * The tree is freed by html_tree_free() and html_doc_free(), which give
 * libxml2's own nodes (comments, CDATA, processing instructions, the
 * elements of its handler) to xmlFreeNode() and leave the arena's to its
 * owner. They go down only into elements above one of libxml2's nodes,
 * which the handlers that make these mark (html_sax_mark()): most of a
 * page's tree is not read again to be freed.
 *
 * Each element of the arena is followed by its record (html_rec.h), made
 * here once its attributes are: its tag classes and signals for the
 * extractor's statistics, and the metadata's part (html_meta_rec()), so
 * that the walks after the parse need not read its attributes. Pure. */
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parserInternals.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "hash.h"
#include "html_extract_int.h"
#include "html_meta.h"
#include "html_rec.h"

/* Whether xmlSAX2StartElement() would do for atts, or for any element
 * of this parse, more than html_sax_start() does (a prefixed name:
 * html_sax_start()). */
static bool
html_sax_other(xmlParserCtxtPtr ctxt, const xmlChar **atts)
{
	xmlDocPtr doc = ctxt->myDoc;

	if (doc == NULL || !ctxt->html || ctxt->validate ||
	    ctxt->dict == NULL || doc->dict != ctxt->dict ||
	    ctxt->_private == NULL)
		return true;
	/* attribute values normalised by a declaration */
	if (doc->extSubset != NULL ||
	    (doc->intSubset != NULL && doc->intSubset->attributes != NULL))
		return true;
	/* an xml:id (strcmp() for a name that begins with 'x' only); a
	 * prefixed element name, split at the colon with a namespace, is
	 * asked of the name's slot (html_sax_start()) */
	for (size_t i = 0; atts != NULL && atts[i] != NULL; i += 2)
		if (atts[i][0] == 'x' &&
		    strcmp((const char *)atts[i], "xml:id") == 0)
			return true;
	return false;
}

/* The mark, in an element's extra (which libxml2 sets only in its
 * reader, for XPath and XSLT), of an element that is libxml2's or holds
 * one of libxml2's nodes in its subtree: html_tree_free() goes down into
 * these only. */
#define HTML_SAX_LIBXML2_BELOW 0x4000

/* Marks n, the element that libxml2 has just made or added a node to,
 * and the elements above it, up to one already marked. */
static void
html_sax_mark(xmlNodePtr n)
{
	for (; n != NULL && n->type == XML_ELEMENT_NODE &&
	    (n->extra & HTML_SAX_LIBXML2_BELOW) == 0; n = n->parent)
		n->extra |= HTML_SAX_LIBXML2_BELOW;
}

/* s as a string of the parse's dictionary: the parser's names are, those
 * of the elements it implies ("html", "body", "p") are literals. */
static const xmlChar *
html_sax_name(xmlParserCtxtPtr ctxt, const xmlChar *s)
{
	if (xmlDictOwns(ctxt->dict, s) == 1)
		return s;
	return xmlDictLookup(ctxt->dict, s, -1);
}

/* A node of type t and name, zeroed but for them, as libxml2's
 * constructors make it (xmlNewDocNodeEatName(), xmlNewDocText()), cut
 * from the parse's arena: at a 64-byte line when the walks go through it
 * (walked: the tree's elements and text), else packed (an attribute and
 * its value, which the walks read through the element's record instead,
 * html_rec.h). Its psvi, which nothing reads in an HTML tree, marks it
 * the arena's (html_tree_free()). */
static void *
html_sax_node(xmlParserCtxtPtr ctxt, size_t size, xmlElementType t,
    const xmlChar *name, bool walked)
{
	struct arena *mem = ((struct html_sax *)ctxt->_private)->mem;
	xmlNodePtr n = walked ? arena_zero_aligned(mem, size, 64) :
	    arena_zero(mem, size);

	n->type = t;
	n->name = name;
	n->doc = ctxt->myDoc;
	if (t == XML_ATTRIBUTE_NODE)
		((xmlAttrPtr)n)->psvi = mem;
	else
		n->psvi = mem;
	return n;
}

/* An attribute's value as xmlNewDocText() makes it, but for a short
 * value, which sits in the node as the parse's short texts do
 * (HTML_PARSE_COMPACT, xmlSAX2TextNode()) instead of in a string of its
 * own: the class names, ids and sizes that most values are. */
_Static_assert(offsetof(xmlNode, nsDef) ==
    offsetof(xmlNode, properties) + sizeof(void *),
    "a short text sits in properties and nsDef");

static xmlNodePtr
html_sax_text(xmlParserCtxtPtr ctxt, const xmlChar *value)
{
	xmlNodePtr t = html_sax_node(ctxt, sizeof(xmlNode), XML_TEXT_NODE,
	    xmlStringText, false);
	size_t n = strlen((const char *)value);

	if (n < 2 * sizeof(void *) &&
	    (ctxt->options & HTML_PARSE_COMPACT) != 0) {
		t->content = (xmlChar *)&t->properties;
		memcpy(t->content, value, n + 1);
	} else {
		t->content = (xmlChar *)arena_strndup(((struct html_sax *)
		    ctxt->_private)->mem, (const char *)value, n);
	}
	return t;
}

/* xmlSAX2AttributeInternal() for HTML: the attribute name on el, after
 * *last (NULL: the first), and its value as a text child. */
static xmlAttrPtr
html_sax_attr(xmlParserCtxtPtr ctxt, xmlNodePtr el, xmlAttrPtr *last,
    const xmlChar *name, const xmlChar *value)
{
	const xmlChar *dn = html_sax_name(ctxt, name);
	xmlAttrPtr at;

	if (dn == NULL)
		return NULL;
	if (value == NULL && htmlIsBooleanAttr(name))
		value = name;
	at = html_sax_node(ctxt, sizeof(*at), XML_ATTRIBUTE_NODE, dn, false);
	at->parent = el;
	if (*last == NULL) {
		el->properties = at;
	} else {
		(*last)->next = at;
		at->prev = *last;
	}
	*last = at;
	if (value != NULL) {
		at->children = html_sax_text(ctxt, value);
		at->last = at->children;
		at->children->parent = (xmlNodePtr)at;
	}
	/* libxml2 would register id and <a name> in the document's table of
	 * IDs (xmlAddID(), and the error of each one met twice); nothing
	 * here asks for an element by its ID (xmlGetID()) */
	return at;
}

/* Links el as xmlSAX2StartElement() does: the document's root, or the
 * child of the open element (the sibling of a root's neighbour). */
static void
html_sax_link(xmlNodePtr el, xmlNodePtr parent)
{
	if (parent == NULL)
		return;
	if (parent->type == XML_ELEMENT_NODE)
		xmlAddChild(parent, el);
	else
		xmlAddSibling(parent, el);
}

void
html_sax_start_doc(void *data)
{
	xmlParserCtxtPtr ctxt = data;

	xmlSAX2StartDocument(data);
	if (ctxt == NULL || ctxt->myDoc == NULL || ctxt->dict == NULL ||
	    ctxt->myDoc->dict != NULL)
		return;
	/* a reference of the document's own: the context drops its own */
	ctxt->myDoc->dict = ctxt->dict;
	xmlDictReference(ctxt->dict);
}

/* The tag classes of the element name, the dictionary's: a page names
 * its elements with some dozens of names, each a string of the
 * dictionary, so each is looked up once (a binary search of the tags,
 * then the metadata's) for most of its elements. */
static const struct html_sax_tag *
html_sax_tag(struct html_sax *st, const xmlChar *name)
{
	struct html_sax_tag *t = &st->tags[(uint64_t)(uintptr_t)name *
	    0x9e3779b97f4a7c15ULL >> 58 & (HTML_SAX_TAGS - 1)];
	enum html_kind k;

	if (t->name != name) {
		t->name = name;
		t->tcls = (uint8_t)html_tag_class(name, &k);
		t->kind = (uint8_t)k;
		t->mtag = html_meta_tag(name);
		t->colon = strchr((const char *)name, ':') != NULL;
	}
	return t;
}

/* The names of the attributes a record reads (enum html_ra), lower
 * case. */
static const char *const html_ra_names[HTML_RA_N] = {
	[HTML_RA_CLASS] = "class", [HTML_RA_ID] = "id",
	[HTML_RA_ITEMPROP] = "itemprop", [HTML_RA_ITEMTYPE] = "itemtype",
	[HTML_RA_REL] = "rel", [HTML_RA_TITLE] = "title",
	[HTML_RA_HREF] = "href", [HTML_RA_STYLE] = "style",
	[HTML_RA_HIDDEN] = "hidden", [HTML_RA_ARIA_HIDDEN] = "aria-hidden",
};

/* True when s is want (lower case) but for ASCII case. */
static bool
html_sax_name_is(const char *s, const char *want)
{
	for (; *want != '\0'; s++, want++)
		if ((*s >= 'A' && *s <= 'Z' ? *s + ('a' - 'A') : *s) != *want)
			return false;
	return *s == '\0';
}

/* The attribute of a record (enum html_ra) that name is, HTML_RA_N for
 * one no record reads, or HTML_RA_ODD for a name that the two readers
 * would take apart: the signals' (html_signals_cached()) compares names
 * exactly, the metadata's (html_meta_rec()) in any case and does not
 * read aria-hidden, so "Class" is the one's and not the other's. An
 * element with such a name has its record made by each reader from its
 * attributes, as before the one pass; libxml2's HTML parser lowers
 * every attribute name, so a page gives none. */
#define HTML_RA_ODD (HTML_RA_N + 1)

static uint8_t
html_ra_of(const xmlChar *name)
{
	unsigned exact = HTML_RA_N, any = HTML_RA_N;

	for (unsigned k = 0; k < HTML_RA_N; k++) {
		if (strcmp((const char *)name, html_ra_names[k]) == 0)
			exact = k;
		if (k != HTML_RA_ARIA_HIDDEN &&
		    html_sax_name_is((const char *)name, html_ra_names[k]))
			any = k;
	}
	if (exact == HTML_RA_ARIA_HIDDEN || exact == any)
		return (uint8_t)exact;
	return HTML_RA_ODD;
}

/* html_ra_of() of the attribute name, the dictionary's: a page names
 * its attributes with some dozens of names, each looked up once for
 * most of its attributes, as the tags are (html_sax_tag()). */
static uint8_t
html_sax_ra(struct html_sax *st, const xmlChar *name)
{
	struct html_sax_attr *a = &st->attrs[(uint64_t)(uintptr_t)name *
	    0x9e3779b97f4a7c15ULL >> 58 & (HTML_SAX_ATTRS - 1)];

	if (a->name != name) {
		a->name = name;
		a->ra = html_ra_of(name);
	}
	return a->ra;
}

/* The slot of class value v, of hash h, in the parse's table of class
 * values, made (with its metadata words) when v is new: when sig, with
 * its signals too, in one scan of v. */
static struct html_sax_cls *
html_sax_cls(struct html_sax *st, const char *v, uint64_t h, bool sig)
{
	size_t j;

	if (2 * (st->cls_used + 1) > st->cls_cap) {
		size_t cap = st->cls_cap != 0 ? 2 * st->cls_cap : 256;
		struct html_sax_cls *t = arena_zero(st->mem,
		    cap * sizeof(*t));

		/* the old table stays in the arena, with the page */
		for (size_t i = 0; i < st->cls_cap; i++) {
			if (st->cls[i].v == NULL)
				continue;
			for (j = st->cls[i].hash & (cap - 1); t[j].v != NULL;
			    j = (j + 1) & (cap - 1))
				;
			t[j] = st->cls[i];
		}
		st->cls = t;
		st->cls_cap = cap;
	}
	for (j = h & (st->cls_cap - 1); st->cls[j].v != NULL;
	    j = (j + 1) & (st->cls_cap - 1))
		if (st->cls[j].hash == h && strcmp(st->cls[j].v, v) == 0)
			return &st->cls[j];
	st->cls[j].v = v;
	st->cls[j].hash = h;
	if (sig) {
		st->cls[j].sig = (uint16_t)html_signals_class_words(st->sigs,
		    v, &st->cls[j].words);
		st->cls[j].has_sig = true;
	} else {
		st->cls[j].words = html_meta_class_words(v);
	}
	st->cls_used++;
	return &st->cls[j];
}

/* Makes the record of el (html_rec.h), the arena's, whose attributes are
 * all made: what html_stats_first() and the metadata's walk would read of
 * its name and attributes, each through the page's table of class
 * values as they would. A dropped element (head, script, svg, form
 * controls...) and what lies below one get no signals (HTML_REC_NOSIG):
 * the statistics stop at it, and the signals of its ids and classes
 * (the svg's paths, the head's links) were a tenth of the parse's
 * (round 21). An element's parent is its parent for good: the parser
 * moves no element once made. ra holds el's attributes, read once for
 * both the signals and the metadata's marks; NULL: each reads them. */
static void
html_sax_rec(struct html_sax *st, xmlNodePtr el, struct html_rec_attrs *ra)
{
	struct html_rec *r = (struct html_rec *)(void *)
	    ((unsigned char *)el + HTML_REC_AT);
	const struct html_sax_tag *t = html_sax_tag(st, el->name);
	const struct html_rec *up = el->parent != NULL ?
	    html_rec_of(el->parent) : NULL;
	struct html_sax_cls *c = NULL;
	bool nosig;

	r->tcls = t->tcls;
	r->kind = t->kind;
	r->mtag = t->mtag;
	nosig = (t->tcls & HTML_T_DROP) != 0 ||
	    (up != NULL && up->sig == HTML_REC_NOSIG);
	if (ra == NULL) {
		r->sig = nosig ? HTML_REC_NOSIG :
		    (uint16_t)html_signals_cached(el, st->sigs);
		r->marks = html_meta_rec(st->meta, el, t->mtag);
		return;
	}
	/* the class value's signals and metadata words, each made once a
	 * page through one table (the signals only when an element not
	 * dropped asks) */
	if (ra->v[HTML_RA_CLASS] != NULL) {
		c = html_sax_cls(st, ra->v[HTML_RA_CLASS], ra->cls_hash,
		    !nosig);
		if (!nosig && !c->has_sig) {
			c->sig = (uint16_t)html_signals_class(st->sigs,
			    c->v);
			c->has_sig = true;
		}
	}
	r->sig = nosig ? HTML_REC_NOSIG : (uint16_t)html_signals_rec(ra,
	    st->sigs, c != NULL ? c->sig : 0);
	r->marks = html_meta_rec_attrs(ra, t->mtag, c != NULL ? c->words : 0);
}

_Static_assert(HTML_T_PTEXT <= UINT8_MAX && HTML_K_HR <= UINT8_MAX &&
    HTML_S_RECIPE < HTML_REC_NOSIG,
    "the tag classes and signals fit the record");

void
html_sax_start(void *data, const xmlChar *name, const xmlChar **atts)
{
	xmlParserCtxtPtr ctxt = data;
	xmlNodePtr parent, el;
	xmlAttrPtr last = NULL;
	const xmlChar *dn;
	struct html_rec_attrs ra;
	bool odd = false;

	if (ctxt == NULL || name == NULL)
		return;
	/* a prefixed name is libxml2's: asked of the name's slot, not by a
	 * strchr() of every element's name (6.4 M instructions) */
	if (html_sax_other(ctxt, atts) ||
	    (dn = html_sax_name(ctxt, name)) == NULL ||
	    html_sax_tag(ctxt->_private, dn)->colon) {
		xmlSAX2StartElement(data, name, atts);
		html_sax_mark(ctxt->node);
		return;
	}
	parent = ctxt->node;
	el = html_sax_node(ctxt, HTML_REC_AT + sizeof(struct html_rec),
	    XML_ELEMENT_NODE, dn, true);
	if (ctxt->myDoc->children == NULL)
		xmlAddChild((xmlNodePtr)ctxt->myDoc, el);
	else if (parent == NULL)
		parent = ctxt->myDoc->children;
	ctxt->nodemem = -1;
	if (ctxt->linenumbers && ctxt->input != NULL)
		el->line = ctxt->input->line < USHRT_MAX ?
		    (unsigned short)ctxt->input->line : USHRT_MAX;
	if (nodePush(ctxt, el) < 0) {
		/* the arena's, with its owner */
		xmlUnlinkNode(el);
		return;
	}
	html_sax_link(el, parent);
	/* the attributes made, and read for the record as they are */
	memset(ra.v, 0, sizeof(ra.v));
	ra.have = 0;
	ra.style_hidden = -1;
	ra.has_id_words = false;
	for (size_t i = 0; atts != NULL && atts[i] != NULL; i += 2) {
		xmlAttrPtr at = html_sax_attr(ctxt, el, &last, atts[i],
		    atts[i + 1]);
		unsigned k;

		if (at == NULL)
			continue;
		k = html_sax_ra(ctxt->_private, at->name);
		if (k >= HTML_RA_N) {
			odd |= k == HTML_RA_ODD;
			continue;
		}
		/* twice (which libxml2's parser does not give): the
		 * signals take the last, the metadata the first */
		odd |= (ra.have & (1u << k)) != 0;
		ra.have |= 1u << k;
		if (at->children != NULL)
			ra.v[k] = (const char *)at->children->content;
	}
	ra.cls_hash = ra.v[HTML_RA_CLASS] != NULL ?
	    hash_bytes64(ra.v[HTML_RA_CLASS],
	    strlen(ra.v[HTML_RA_CLASS])) : 0;
	html_sax_rec(ctxt->_private, el, odd ? NULL : &ra);
}

/* A text node of ch[0..len) as xmlSAX2TextNode() makes it for the
 * HTML parser (which hands its text over with a NUL after it, so that
 * none is taken from the dictionary): a short text sits in the node. */
static xmlNodePtr
html_sax_text_node(xmlParserCtxtPtr ctxt, struct html_sax *st,
    const xmlChar *ch, size_t len)
{
	xmlNodePtr t = html_sax_node(ctxt, sizeof(*t), XML_TEXT_NODE,
	    xmlStringText, true);

	if (len < 2 * sizeof(void *) &&
	    (ctxt->options & HTML_PARSE_COMPACT) != 0) {
		t->content = (xmlChar *)&t->properties;
		memcpy(t->content, ch, len);
		t->content[len] = '\0';
		st->cap = 0;
	} else {
		t->content = (xmlChar *)arena_strndup(st->mem,
		    (const char *)ch, len);
		st->cap = len + 1;
	}
	if (ctxt->linenumbers && ctxt->input != NULL)
		t->line = ctxt->input->line < USHRT_MAX ?
		    (unsigned short)ctxt->input->line : USHRT_MAX;
	st->text = t;
	st->len = len;
	return t;
}

/* Adds ch[0..len) to the text node t, the arena's, as xmlSAX2Text()
 * joins the characters of one run of text (split at each entity and
 * every thousand bytes); room is doubled as it runs out. */
static void
html_sax_text_add(xmlParserCtxtPtr ctxt, struct html_sax *st, xmlNodePtr t,
    const xmlChar *ch, size_t len)
{
	if (st->text != t) {
		st->text = t;
		st->len = strlen((const char *)t->content);
		st->cap = t->content == (xmlChar *)&t->properties ? 0 :
		    st->len + 1;
	}
	/* libxml2 stops the parse at a text node over its limit */
	if (st->len + len > XML_MAX_TEXT_LENGTH &&
	    (ctxt->options & XML_PARSE_HUGE) == 0) {
		xmlStopParser(ctxt);
		return;
	}
	if (st->len + len + 1 > st->cap) {
		size_t cap = 2 * (st->len + len + 1);
		xmlChar *c = arena_take(st->mem, cap);

		memcpy(c, t->content, st->len);
		t->content = c;
		t->properties = NULL;
		t->nsDef = NULL;
		st->cap = cap;
	}
	memcpy(t->content + st->len, ch, len);
	st->len += len;
	t->content[st->len] = '\0';
}

/* The length of the character at p (before end) that a reader never
 * sees and that only splits the words it stands in: U+00AD soft hyphen
 * (`&shy;`, shown as a hyphen only where the line breaks), U+200B zero
 * width space, U+2060 word joiner, U+FEFF zero width no-break space
 * (libxml2 drops a byte order mark at the start of the input only);
 * else 0. Not U+200C and U+200D (joiners that shape Arabic, Indic
 * scripts and emoji) nor the marks of direction. */
static size_t
html_sax_invisible(const xmlChar *p, const xmlChar *end)
{
	if (p[0] == 0xc2)
		return end - p >= 2 && p[1] == 0xad ? 2 : 0;
	if (end - p < 3)
		return 0;
	if (p[0] == 0xe2)
		return (p[1] == 0x80 && p[2] == 0x8b) ||
		    (p[1] == 0x81 && p[2] == 0xa0) ? 3 : 0;
	return p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf ? 3 : 0;
}

static void html_sax_chars_run(void *data, const xmlChar *ch, int len);

/* The characters handler: ch[0..len) less the invisible characters
 * (html_sax_invisible()), each run between them added to the text as
 * it comes, so that "Mes&shy;sen" is the one text "Messen" for every
 * reader of the tree: the body, the captions, the headings and the
 * <title> the metadata matches, and the visible characters counted. */
void
html_sax_chars(void *data, const xmlChar *ch, int len)
{
	const xmlChar *end, *run, *p;
	size_t k;

	if (ch == NULL || len <= 0) {
		html_sax_chars_run(data, ch, len);
		return;
	}
	end = ch + len;
	for (run = p = ch; p < end;) {
		uint64_t w;

		/* eight bytes of ASCII at a time: most text is */
		if (end - p >= 8) {
			memcpy(&w, p, sizeof(w));
			if ((w & 0x8080808080808080ULL) == 0) {
				p += 8;
				continue;
			}
		}
		if (*p < 0xc2 || (k = html_sax_invisible(p, end)) == 0) {
			p++;
			continue;
		}
		if (p > run)
			html_sax_chars_run(data, run, (int)(p - run));
		p += k;
		run = p;
	}
	if (run == ch)
		html_sax_chars_run(data, ch, len);
	else if (end > run)
		html_sax_chars_run(data, run, (int)(end - run));
}

static void
html_sax_chars_run(void *data, const xmlChar *ch, int len)
{
	xmlParserCtxtPtr ctxt = data;
	struct html_sax *st = ctxt != NULL ? ctxt->_private : NULL;
	xmlNodePtr parent = ctxt != NULL ? ctxt->node : NULL, last, t;

	if (st == NULL || len < 0) {
		xmlSAX2Characters(data, ch, len);
		return;
	}
	if (parent == NULL)
		return;
	last = parent->last;
	if (last != NULL && last->type == XML_TEXT_NODE &&
	    last->name == xmlStringText) {
		/* one of libxml2's, which it adds to itself */
		if (last->psvi == NULL)
			xmlSAX2Characters(data, ch, len);
		else
			html_sax_text_add(ctxt, st, last, ch, (size_t)len);
		return;
	}
	t = html_sax_text_node(ctxt, st, ch, (size_t)len);
	t->parent = parent;
	if (last == NULL) {
		parent->children = t;
	} else {
		last->next = t;
		t->prev = last;
	}
	parent->last = t;
}

void
html_sax_comment(void *data, const xmlChar *value)
{
	xmlParserCtxtPtr ctxt = data;

	xmlSAX2Comment(data, value);
	if (ctxt != NULL)
		html_sax_mark(ctxt->node);
}

void
html_sax_cdata(void *data, const xmlChar *value, int len)
{
	xmlParserCtxtPtr ctxt = data;

	xmlSAX2CDataBlock(data, value, len);
	if (ctxt != NULL)
		html_sax_mark(ctxt->node);
}

void
html_sax_pi(void *data, const xmlChar *target, const xmlChar *value)
{
	xmlParserCtxtPtr ctxt = data;

	xmlSAX2ProcessingInstruction(data, target, value);
	if (ctxt != NULL)
		html_sax_mark(ctxt->node);
}

/* Frees n, whose children are gone, unless the arena holds it: the
 * arena's elements hold only the arena's attributes. */
static void
html_node_free(xmlNodePtr n)
{
	if ((n->type == XML_ELEMENT_NODE || n->type == XML_TEXT_NODE) &&
	    n->psvi != NULL)
		return;
	xmlFreeNode(n);
}

/* Children of n that xmlFreeNode() would free with it, or that may hold
 * libxml2's nodes: an element's, marked by html_sax_mark(). Below an
 * unmarked element all is the arena's. */
static bool
html_tree_down(const xmlNode *n)
{
	return n->type == XML_ELEMENT_NODE && n->children != NULL &&
	    (n->extra & HTML_SAX_LIBXML2_BELOW) != 0;
}

void
html_tree_free(xmlNodePtr top)
{
	xmlNodePtr n = top;

	/* after the children, their parent, as xmlFreeNodeList() goes */
	for (;;) {
		xmlNodePtr next, up;
		bool done;

		while (html_tree_down(n))
			n = n->children;
		next = n->next;
		up = n->parent;
		done = n == top;
		html_node_free(n);
		if (done)
			return;
		if (next != NULL) {
			n = next;
		} else {
			n = up;
			n->children = n->last = NULL;
		}
	}
}

void
html_doc_free(xmlDocPtr doc)
{
	xmlNodePtr c, next;

	if (doc == NULL)
		return;
	/* the DTD is the document's to free */
	for (c = doc->children; c != NULL; c = next) {
		next = c->next;
		if (c->type == XML_DTD_NODE)
			continue;
		xmlUnlinkNode(c);
		html_tree_free(c);
	}
	xmlFreeDoc(doc);
}
