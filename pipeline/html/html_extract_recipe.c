/* The HTML extractor's recipe: the container of a recipe's parts, which
 * stands for the article, and the parts themselves. schema.org's
 * itemprops mark the parts (HTML_S_RECIPE); a page whose markup does
 * not, while its JSON-LD Recipe lists them, has the elements that write
 * those lines marked as the itemprops would mark them: JSON-LD is read
 * from the page's scripts, whatever the CMS makes of its markup. Pure. */
#include <jansson.h>
#include <stdlib.h>

#include "html_extract_int.h"

/* Levels of a JSON-LD document walked, at most. */
#define HTML_LDR_DEPTH 10
/* Lines of a recipe found in the markup, at least, for them to be its
 * parts: one short line may be any ("Salz"). */
#define HTML_LDR_LINES 3
/* Bytes of a line of a recipe kept, at most (a step of a paragraph). */
#define HTML_LDR_LINE_MAX 2000

/* The lines of the page's JSON-LD recipe, each without its spaces
 * (html_ldr_squeeze()). */
struct html_ldr {
	char **line;
	size_t n, cap;
	size_t longest;   /* bytes of the longest line */
};

/* s without ASCII whitespace, no-break and soft hyphens (U+00A0,
 * U+00AD): the markup spaces and breaks a line as it likes. */
static char *
html_ldr_squeeze(const char *s, size_t len)
{
	char *o = xmalloc(len + 1);
	size_t k = 0;

	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
		    c == '\f' || c == '\v')
			continue;
		if (c == 0xc2 && i + 1 < len &&
		    ((unsigned char)s[i + 1] == 0xa0 ||
		    (unsigned char)s[i + 1] == 0xad)) {
			i++;
			continue;
		}
		o[k++] = (char)c;
	}
	o[k] = '\0';
	return o;
}

/* Keeps line l (squeezed), or frees it when it is empty. */
static void
html_ldr_keep(struct html_ldr *r, char *l)
{
	if (*l == '\0') {
		free(l);
		return;
	}
	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 16;
		r->line = xrealloc(r->line, r->cap * sizeof(*r->line));
	}
	r->line[r->n++] = l;
	if (strlen(l) > r->longest)
		r->longest = strlen(l);
}

/* Whether the n bytes at s, spaces around them aside, hold two words
 * or more: a line of one word ("Salt") may be any link of the page (a
 * tag, a menu's entry). */
static bool
html_ldr_words(const char *s, size_t n)
{
	while (n > 0 && strchr(" \t\r\f\v", s[n - 1]) != NULL)
		n--;
	while (n > 0 && strchr(" \t\r\f\v", s[0]) != NULL) {
		s++;
		n--;
	}
	for (size_t i = 0; i < n; i++)
		if (s[i] == ' ' || s[i] == '\t' || ((unsigned char)s[i] ==
		    0xc2 && i + 1 < n && (unsigned char)s[i + 1] == 0xa0))
			return true;
	return false;
}

/* Adds the lines of s (one step a line, as a single string of steps
 * writes them), of two words at least; a step numbered ("1.") is added
 * without its number too, which the markup often writes apart. */
static void
html_ldr_add(struct html_ldr *r, const char *s)
{
	while (*s != '\0') {
		size_t n = strcspn(s, "\n"), d;

		if (n > 0 && n <= HTML_LDR_LINE_MAX && html_ldr_words(s, n)) {
			char *l = html_ldr_squeeze(s, n);

			d = strspn(l, "0123456789");
			if (d > 0 && (l[d] == '.' || l[d] == ')') &&
			    l[d + 1] != '\0')
				html_ldr_keep(r, xstrdup(l + d + 1));
			html_ldr_keep(r, l);
		}
		s += n;
		if (*s == '\n')
			s++;
	}
}

/* Collects the strings of v, a recipe's ingredients or steps: strings,
 * lists of them, steps ("text") and sections of steps. */
static void
html_ldr_part(struct html_ldr *r, json_t *v, int depth)
{
	const char *key;
	json_t *e;
	size_t i;

	if (depth > HTML_LDR_DEPTH)
		return;
	if (json_is_string(v)) {
		html_ldr_add(r, json_string_value(v));
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, e)
			html_ldr_part(r, e, depth + 1);
	} else if (json_is_object(v)) {
		json_object_foreach(v, key, e)
			if (strcmp(key, "text") == 0 ||
			    strcmp(key, "itemListElement") == 0)
				html_ldr_part(r, e, depth + 1);
	}
}

/* Finds the recipe's parts under v: the values of recipeIngredient
 * (and the older ingredients) and recipeInstructions. */
static void
html_ldr_walk(struct html_ldr *r, json_t *v, int depth)
{
	const char *key;
	json_t *e;
	size_t i;

	if (depth > HTML_LDR_DEPTH)
		return;
	if (json_is_object(v)) {
		json_object_foreach(v, key, e) {
			if (strcmp(key, "recipeIngredient") == 0 ||
			    strcmp(key, "ingredients") == 0 ||
			    strcmp(key, "recipeInstructions") == 0)
				html_ldr_part(r, e, depth + 1);
			else
				html_ldr_walk(r, e, depth + 1);
		}
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, e)
			html_ldr_walk(r, e, depth + 1);
	}
}

/* Orders two lines (qsort(), bsearch()). */
static int
html_ldr_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Whether the text of n, spaces aside, is one of the recipe's lines
 * (sorted: a search, not a pass over them for each element). */
static bool
html_ldr_is_line(const struct html_ldr *r, const xmlNode *n)
{
	struct buf t = { 0 };
	char *s;
	bool is;

	html_text_of(n, &t);
	s = html_ldr_squeeze(t.p != NULL ? t.p : "", t.len);
	is = *s != '\0' && bsearch(&s, r->line, r->n, sizeof(*r->line),
	    html_ldr_cmp) != NULL;
	free(s);
	buf_free(&t);
	return is;
}

/* Marks the elements under root that write a line of r, each the
 * largest that writes it alone, when HTML_LDR_LINES are found. */
static void
html_ldr_mark(struct html_ctx *ctx, const struct html_ldr *r)
{
	xmlNode *root = ctx->body, **found = NULL;
	size_t n = 0, cap = 0;

	for (xmlNode *e = root; e != NULL; ) {
		const struct html_ni *ni = html_is_elem(e) ? html_ni(e) : NULL;

		/* a visible character other than a space takes a byte at
		 * least: twice the longest line's bytes is room for the
		 * spaces */
		if (ni == NULL || e == root || ni->text == 0 ||
		    ni->text > 2 * r->longest || !html_ldr_is_line(r, e)) {
			e = html_next(e, root, true);
			continue;
		}
		if (n == cap) {
			cap = cap ? 2 * cap : 16;
			found = xrealloc(found, cap * sizeof(*found));
		}
		found[n++] = e;
		e = html_next(e, root, false);
	}
	if (n >= HTML_LDR_LINES) {
		for (size_t i = 0; i < n; i++) {
			HTML_DEBUG_NODE("recipe line (JSON-LD)", found[i]);
			html_ni(found[i])->sig |= HTML_S_RECIPE;
		}
		ctx->recipe_seen = true;
	}
	free(found);
}

void
html_keep_ld_recipe(struct html_ctx *ctx, const xmlNode *n)
{
	const char *type = html_attr(n, "type");
	const char *s;

	if (type == NULL || strstr(type, "ld+json") == NULL ||
	    n->children == NULL || n->children->content == NULL)
		return;
	/* a Recipe lists its ingredients (recipeIngredient, the older
	 * ingredients): one search of the script, not one a key */
	s = (const char *)n->children->content;
	if (strstr(s, "ngredient") == NULL)
		return;
	/* doubled: a page of 50,000 such scripts */
	if (ctx->n_ld_recipe == ctx->cap_ld_recipe) {
		ctx->cap_ld_recipe = ctx->cap_ld_recipe ?
		    2 * ctx->cap_ld_recipe : 4;
		ctx->ld_recipe = xrealloc(ctx->ld_recipe,
		    ctx->cap_ld_recipe * sizeof(*ctx->ld_recipe));
	}
	ctx->ld_recipe[ctx->n_ld_recipe++] = xstrdup(s);
}

void
html_mark_ld_recipe(struct html_ctx *ctx)
{
	struct html_ldr r = { 0 };

	if (ctx->recipe_seen || ctx->body == NULL || ctx->n_ld_recipe == 0)
		return;
	for (size_t i = 0; i < ctx->n_ld_recipe; i++) {
		json_t *v = json_loads(ctx->ld_recipe[i],
		    JSON_DISABLE_EOF_CHECK | JSON_DECODE_ANY, NULL);

		if (v == NULL)
			continue;
		html_ldr_walk(&r, v, 0);
		json_decref(v);
	}
	if (r.n > 0) {
		qsort(r.line, r.n, sizeof(*r.line), html_ldr_cmp);
		html_ldr_mark(ctx, &r);
	}
	for (size_t i = 0; i < r.n; i++)
		free(r.line[i]);
	free(r.line);
}

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
