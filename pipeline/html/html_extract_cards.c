/* The HTML extractor's teaser cards of other stories (step 3b): a
 * linked title and a blurb, a date, a picture around it, and the items
 * of a list of them, marked for the writer to skip. See
 * html_extract_int.h. */
#include <libxml/tree.h>
#include <string.h>
#include <strings.h>

#include "html_dom.h"
#include "html_extract_int.h"

/* Elements of a list item read for its linked title, at most. */
#define HTML_ITEM_NODES 64

/* Whether n is wholly inside a link: below its block, or in an <a>
 * whose text is n's alone (another CMS wraps the title's block, then
 * the link, in boxes of no other text), to no place on the page (an
 * accordion's title opens its panel: the text's). */
static bool
html_wholly_linked(const xmlNode *n)
{
	unsigned text = html_ni(n)->text;

	if (html_in_link(n))
		return true;
	for (const xmlNode *p = n->parent; html_is_elem(p); p = p->parent) {
		const struct html_ni *pi = html_ni(p);

		if (pi == NULL || pi->text != text)
			return false;
		if (pi->kind == HTML_K_A) {
			const char *href = html_attr(p, "href");

			return href == NULL || href[0] != '#';
		}
	}
	return false;
}

/* See html_extract_int.h. */
bool
html_is_address_text(const char *s)
{
	return strchr(s, ' ') == NULL && (strncasecmp(s, "http://", 7) == 0 ||
	    strncasecmp(s, "https://", 8) == 0 ||
	    strncasecmp(s, "www.", 4) == 0);
}

/* Visible characters of a line of one web address, at most: a box of
 * more is not read for one. */
#define HTML_ADDRESS_MAX 256

/* See html_extract_int.h. */
bool
html_is_address(const xmlNode *n)
{
	struct buf t = { 0 };
	bool is;

	if (html_ni(n)->text > HTML_ADDRESS_MAX)
		return false;
	html_text_of(n, &t);
	html_trim(&t);
	is = t.len > 0 && html_is_address_text(t.p);
	buf_free(&t);
	return is;
}

/* Whether block n titles another story: a heading (the article's own
 * <h1> aside), or a short paragraph or box of its own text, wholly a
 * link (80% of its text, or html_wholly_linked()), whose text is no
 * web address (html_is_address()). */
static bool
html_card_title(const xmlNode *n)
{
	const struct html_ni *ni = html_ni(n);

	if (ni->text == 0 || ni->kind == HTML_K_H1)
		return false;
	if (!(ni->cls & HTML_T_HEAD) && !((ni->kind == HTML_K_DIV ||
	    ni->kind == HTML_K_P) && ni->own > 0 &&
	    ni->text < HTML_CARD_TITLE))
		return false;
	return (ni->link * 5 >= ni->text * 4 || html_wholly_linked(n)) &&
	    !html_is_address(n);
}

/* The link whose text opens list item c, of HTML_CARD_TITLE characters
 * at most, when it is c's only link; or NULL. */
static xmlNode *
html_item_title(xmlNode *c)
{
	size_t nodes = 0;

	for (xmlNode *n = c; n != NULL && nodes++ < HTML_ITEM_NODES;
	    n = html_next(n, c, true)) {
		if (n->type != XML_TEXT_NODE || n->content == NULL ||
		    html_text_len(n) == 0)
			continue;
		for (xmlNode *a = n->parent; a != NULL && a != c;
		    a = a->parent)
			if (html_ni(a) != NULL && html_ni(a)->kind == HTML_K_A)
				return html_ni(a)->text <= HTML_CARD_TITLE &&
				    html_ni(a)->text == html_ni(c)->link ? a :
				    NULL;
		return NULL;
	}
	return NULL;
}

/* Marks the items of list n as teaser cards when three or more, all of
 * them, open with a linked title, their only link, and hold a blurb
 * after it (a list of other posts: title and excerpt). */
static void
html_mark_teaser_list(xmlNode *n)
{
	unsigned items = 0;

	for (xmlNode *c = n->children; c != NULL; c = c->next) {
		xmlNode *t;

		if (!html_is_elem(c) || html_ni(c) == NULL)
			continue;
		if (html_ni(c)->kind != HTML_K_LI ||
		    (t = html_item_title(c)) == NULL ||
		    html_ni(c)->text < html_ni(t)->text + HTML_PROSE_OWN)
			return;
		items++;
	}
	if (items < 3)
		return;
	for (xmlNode *c = n->children; c != NULL; c = c->next)
		if (html_is_elem(c) && html_ni(c) != NULL) {
			HTML_DEBUG_NODE("teaser item", c);
			html_ni(c)->card = true;
		}
}

/* Step 3b: marks the teaser cards of other stories: a linked title and,
 * within HTML_CARD_TEXT more characters, a blurb, a date, a picture
 * ("Next story", "Most popular"), and the items of a list of them
 * (html_mark_teaser_list(): a longer excerpt under each title). The card is the largest block around
 * the title that holds no more; an article's linked heading has the
 * article's text around it, so only the heading is marked. A linked
 * line in a recipe's part (an ingredient sold by the site) and the
 * boxes around it are the recipe's. */
void
html_mark_cards(struct html_ctx *ctx)
{
	xmlNode *root = ctx->body;

	for (xmlNode *n = root; n != NULL; n = html_next(n, root, true)) {
		const struct html_ni *ni;
		xmlNode *card = NULL;

		if (html_is_elem(n) && (ni = html_ni(n)) != NULL &&
		    (ni->cls & HTML_T_LIST))
			html_mark_teaser_list(n);
		if (!html_is_elem(n) || (ni = html_ni(n)) == NULL ||
		    !(ni->cls & HTML_T_BLOCK) || !html_card_title(n))
			continue;
		for (xmlNode *p = n; html_is_elem(p) && p != root;
		    p = p->parent) {
			const struct html_ni *pi = html_ni(p);

			if (pi != NULL && (pi->sig & HTML_S_RECIPE)) {
				card = NULL;
				break;
			}
			if (pi == NULL || pi->text > ni->text + HTML_CARD_TEXT)
				break;
			if (pi->cls & HTML_T_BLOCK)
				card = p;
		}
		if (card != NULL) {
			HTML_DEBUG_NODE("card", card);
			html_ni(card)->card = true;
		}
	}
}
