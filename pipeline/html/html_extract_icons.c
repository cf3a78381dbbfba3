/* The HTML extractor's reading of a share bar's labels by their shape
 * alone, for markup that names nothing (another CMS's): a line of words
 * each beside an icon of its own. See html_extract_int.h. */
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#include "html_dom.h"
#include "html_extract_int.h"

/* Nodes of a line of icon labels, at most. */
#define HTML_ICON_NODES 64

/* Whether e is an icon: an <i> or <svg> without text. */
static bool
html_is_icon(const xmlNode *e)
{
	return html_is_elem(e) && (strcmp((const char *)e->name, "i") == 0 ||
	    strcmp((const char *)e->name, "svg") == 0) &&
	    (html_ni(e) == NULL || html_ni(e)->text == 0);
}

/* Whether text node t is a word alone beside an icon: an element before
 * it, or before a box holding it alone, is an icon, inside block n. */
static bool
html_icon_word(xmlNode *t, const xmlNode *n)
{
	const char *c = (const char *)t->content;
	size_t b = strspn(c, " \t\r\n"), e = strlen(c);
	unsigned len;

	while (e > b && strchr(" \t\r\n", c[e - 1]) != NULL)
		e--;
	if (strcspn(c + b, " \t\r\n") < e - b)
		return false;
	len = (unsigned)html_text_len(t);
	for (xmlNode *a = t; a != n && html_is_elem(a->parent) &&
	    (a == t || (html_ni(a) != NULL && html_ni(a)->text == len));
	    a = a->parent) {
		xmlNode *s = a->prev;

		while (s != NULL && !html_is_elem(s) && (s->type !=
		    XML_TEXT_NODE || html_text_len(s) == 0))
			s = s->prev;
		if (s != NULL && html_is_icon(s))
			return true;
		if (s != NULL)
			return false;
	}
	return false;
}

bool
html_icon_line(xmlNode *n)
{
	const struct html_ni *ni = html_ni(n);
	size_t nodes = 0;
	unsigned words = 0;

	if (!(ni->cls & HTML_T_BLOCK) || (ni->cls & HTML_T_HEAD) ||
	    ni->text == 0 || ni->text >= 30)
		return false;
	for (xmlNode *e = n; e != NULL; e = html_next(e, n, true)) {
		if (nodes++ >= HTML_ICON_NODES)
			return false;
		if (e->type != XML_TEXT_NODE || e->content == NULL ||
		    html_text_len(e) == 0)
			continue;
		if (!html_icon_word(e, n))
			return false;
		words++;
	}
	return words > 0;
}

