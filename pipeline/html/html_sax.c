/* The document and element start handlers of the pipeline's parse
 * (html_parse() in html_extract.c): the tree libxml2 2.9.14's
 * xmlSAX2StartElement() builds for an HTML parse, less its copies.
 * libxml2 makes every element and attribute name a string of its own
 * (xmlSplitQName(), xmlStrdup()) from the name the parser already holds
 * in its dictionary, and frees it with the tree; here the node takes the
 * dictionary's string, which the document references (doc->dict, which
 * an HTML parse leaves unset) and xmlFreeNode() leaves alone. Nodes,
 * attributes, their values and order are the same; the document's table
 * of IDs is not made. Whatever this does not do the same way (a prefixed
 * name, an xml:id, a DTD that declares attributes, validation) goes to
 * libxml2's own handler, for the whole element. Pure. */
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parserInternals.h>
#include <limits.h>
#include <stddef.h>
#include <string.h>

#include "html_extract_int.h"

/* Whether xmlSAX2StartElement() would do for name and atts more than
 * html_sax_start() does. */
static bool
html_sax_other(xmlParserCtxtPtr ctxt, const xmlChar *name,
    const xmlChar **atts)
{
	xmlDocPtr doc = ctxt->myDoc;

	if (doc == NULL || !ctxt->html || ctxt->validate ||
	    ctxt->dict == NULL || doc->dict != ctxt->dict)
		return true;
	/* attribute values normalised by a declaration */
	if (doc->extSubset != NULL ||
	    (doc->intSubset != NULL && doc->intSubset->attributes != NULL))
		return true;
	/* split at the colon, with a namespace of the prefix */
	if (strchr((const char *)name, ':') != NULL)
		return true;
	for (size_t i = 0; atts != NULL && atts[i] != NULL; i += 2)
		if (strcmp((const char *)atts[i], "xml:id") == 0)
			return true;
	return false;
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
	xmlNodePtr t = xmlNewDocText(ctxt->myDoc, NULL);
	size_t n = strlen((const char *)value);

	if (t == NULL)
		return NULL;
	if (n < 2 * sizeof(void *) &&
	    (ctxt->options & HTML_PARSE_COMPACT) != 0) {
		t->content = (xmlChar *)&t->properties;
		memcpy(t->content, value, n + 1);
	} else if ((t->content = xmlStrndup(value, (int)n)) == NULL) {
		xmlFreeNode(t);
		return NULL;
	}
	return t;
}

/* xmlSAX2AttributeInternal() for HTML: the attribute name on el and its
 * value as a text child. */
static void
html_sax_attr(xmlParserCtxtPtr ctxt, xmlNodePtr el, const xmlChar *name,
    const xmlChar *value)
{
	const xmlChar *dn = html_sax_name(ctxt, name);
	xmlAttrPtr at;

	if (dn == NULL)
		return;
	if (value == NULL && htmlIsBooleanAttr(name))
		value = name;
	at = xmlNewNsPropEatName(el, NULL, (xmlChar *)dn, NULL);
	if (at == NULL)
		return;
	if (value != NULL) {
		at->children = html_sax_text(ctxt, value);
		at->last = at->children;
		if (at->children != NULL)
			at->children->parent = (xmlNodePtr)at;
	}
	/* libxml2 would register id and <a name> in the document's table of
	 * IDs (xmlAddID(), and the error of each one met twice); nothing
	 * here asks for an element by its ID (xmlGetID()) */
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

void
html_sax_start(void *data, const xmlChar *name, const xmlChar **atts)
{
	xmlParserCtxtPtr ctxt = data;
	xmlNodePtr parent, el;
	const xmlChar *dn;

	if (ctxt == NULL || name == NULL)
		return;
	if (html_sax_other(ctxt, name, atts) ||
	    (dn = html_sax_name(ctxt, name)) == NULL) {
		xmlSAX2StartElement(data, name, atts);
		return;
	}
	parent = ctxt->node;
	el = xmlNewDocNodeEatName(ctxt->myDoc, NULL, (xmlChar *)dn, NULL);
	if (el == NULL)
		return;
	if (ctxt->myDoc->children == NULL)
		xmlAddChild((xmlNodePtr)ctxt->myDoc, el);
	else if (parent == NULL)
		parent = ctxt->myDoc->children;
	ctxt->nodemem = -1;
	if (ctxt->linenumbers && ctxt->input != NULL)
		el->line = ctxt->input->line < USHRT_MAX ?
		    (unsigned short)ctxt->input->line : USHRT_MAX;
	if (nodePush(ctxt, el) < 0) {
		xmlUnlinkNode(el);
		xmlFreeNode(el);
		return;
	}
	html_sax_link(el, parent);
	for (size_t i = 0; atts != NULL && atts[i] != NULL; i += 2)
		html_sax_attr(ctxt, el, atts[i], atts[i + 1]);
}
