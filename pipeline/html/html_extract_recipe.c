/* The HTML extractor's recipe: the container of a recipe's parts, which
 * stands for the article, where schema.org's itemprops mark the parts
 * (HTML_S_RECIPE). Pure. */
#include "html_extract_int.h"

/* Text of a recipe's parts, at least, for their container to be the
 * article. */
#define HTML_RECIPE_TEXT 100

/* The common container of the parts of a recipe that schema.org names
 * (HTML_S_RECIPE: its ingredients and steps), or NULL when they hold
 * under HTML_RECIPE_TEXT characters. */
static xmlNode *
html_recipe_box(struct html_ctx *ctx)
{
	xmlNode *root = ctx->body, *box = NULL;
	unsigned text = 0;

	if (!ctx->recipe_seen)
		return NULL;
	for (xmlNode *n = root; n != NULL; ) {
		const struct html_ni *ni = html_is_elem(n) ? html_ni(n) : NULL;

		if (ni == NULL || !(ni->sig & HTML_S_RECIPE)) {
			n = html_next(n, root, true);
			continue;
		}
		text += ni->text;
		if (box == NULL)
			box = n;
		while (!html_is_ancestor(box, n))
			box = box->parent;
		n = html_next(n, root, false);
	}
	if (text < HTML_RECIPE_TEXT || box == root || !html_is_elem(box) ||
	    html_ni(box) == NULL)
		return NULL;
	HTML_DEBUG_NODE("recipe", box);
	return box;
}

/* The container of a recipe's parts instead of best, the container that
 * scored best, when best is one of the parts or holds under
 * HTML_FALLBACK of the page's prose: a recipe's ingredients are short
 * lines, no prose, often in a box of their own beside the steps, and
 * the box of prose that then wins is the site's. A container of prose
 * elsewhere that would be written alone (a blog's story over a recipe
 * card) stays the winner; its recipe's parts are written whole. The
 * container widens to its ancestors of more prose while what they add
 * to it is text more than links (under HTML_CLIMB_LD): the recipe's
 * own notes beside its card (its story, why it is good for you), not
 * the site's lists. */
xmlNode *
html_recipe_or(struct html_ctx *ctx, xmlNode *best)
{
	xmlNode *box = html_recipe_box(ctx), *top;
	const struct html_ni *bi;

	if (box == NULL || (best != NULL && !html_is_ancestor(box, best) &&
	    (double)html_prose(best) >=
	    HTML_FALLBACK * (double)html_prose(ctx->body)))
		return best;
	ctx->recipe_box = box;
	bi = html_ni(box);
	top = box;
	for (xmlNode *p = box->parent; p != ctx->body && html_is_elem(p) &&
	    html_ni(p) != NULL; p = p->parent) {
		const struct html_ni *pi = html_ni(p);

		if (pi->text > bi->text && (double)(pi->link - bi->link) >=
		    HTML_CLIMB_LD * (double)(pi->text - bi->text))
			break;
		if (html_prose(p) > html_prose(top))
			top = p;
	}
	HTML_DEBUG_NODE("recipe widened to", top);
	return top;
}
