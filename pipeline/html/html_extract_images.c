/* The HTML extractor's images outside the article: pictures in links to
 * other pages (a teaser of another story, a magazine's cover, a shop's
 * offer, a sponsor's or the site's logo) are kept only among the text's
 * paragraphs, where a gallery's pictures link to their own pages. See
 * html_extract_int.h. */
#include <libxml/tree.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "html_dom.h"
#include "html_extract_int.h"
#include "html_strip.h"
#include "url.h"

/* The href of the link around picture img, "" for a link without one,
 * NULL for none. */
static const char *
html_img_href(const xmlNode *img)
{
	for (const xmlNode *p = img; html_is_elem(p); p = p->parent) {
		const struct html_ni *pi = html_ni(p);
		const char *href;

		if (pi == NULL || pi->kind != HTML_K_A)
			continue;
		href = html_attr(p, "href");
		return href != NULL ? href : "";
	}
	return NULL;
}

/* Whether picture img lies in a paragraph with text of its own: it
 * belongs to that paragraph, wherever it links. */
static bool
html_img_in_text(const xmlNode *img)
{
	for (const xmlNode *p = img->parent; html_is_elem(p); p = p->parent) {
		const struct html_ni *pi = html_ni(p);

		if (pi != NULL && pi->kind == HTML_K_P)
			return pi->text > 0;
	}
	return false;
}

/* Whether href, an absolute link, leads to another site than the page
 * of address url and canonical address canon (either NULL): another
 * site (url_site(): the registrable domain's label, so a.co.uk and
 * b.co.uk are two) than each known (a shop's, a sponsor's, a
 * network's). A relative link stays on the site. */
static bool
html_other_site(const char *href, const char *url, const char *canon)
{
	const char *bases[] = { url, canon };
	char *a, *b;
	bool known = false, same = false;

	if ((a = url_site(href)) == NULL)
		return false;
	for (size_t i = 0; i < 2 && !same; i++) {
		if (bases[i] == NULL || (b = url_site(bases[i])) == NULL)
			continue;
		same = strcmp(a, b) == 0;
		known = true;
		free(b);
	}
	free(a);
	return known && !same;
}

void
html_img_aside(struct html_ctx *ctx, const xmlNode *img)
{
	const char *href = html_img_href(img);
	bool known = href != NULL && href[0] != '\0';

	/* a link to a place on the page or to the picture's file (which a
	 * lightbox opens) is the picture's */
	if (href == NULL || href[0] == '#' ||
	    html_href_is_picture(href, strlen(href)))
		return;
	if (ctx->n_asides == ctx->cap_asides) {
		ctx->cap_asides = ctx->cap_asides ? 2 * ctx->cap_asides : 8;
		ctx->asides = xrealloc(ctx->asides,
		    ctx->cap_asides * sizeof(*ctx->asides));
	}
	ctx->asides[ctx->n_asides].image = ctx->a->n_images;
	ctx->asides[ctx->n_asides].para = ctx->n_paras;
	ctx->asides[ctx->n_asides].away = known &&
	    html_other_site(href, ctx->url, ctx->a->canonical_url) &&
	    !html_img_in_text(img);
	ctx->n_asides++;
}

bool
html_credit_prop(const xmlNode *n)
{
	static const char *const props[] = { "copyrightHolder",
		"copyrightNotice", "creditText", "creator" };
	const char *v = html_attr(n, "itemprop");

	for (size_t i = 0; v != NULL && i < sizeof(props) / sizeof(props[0]);
	    i++)
		if (strcasecmp(v, props[i]) == 0)
			return true;
	return false;
}

/* Words a credit with no caption beside it holds, at least, for it to
 * be the caption (html_credit_as_caption()). */
#define HTML_CREDIT_CAPTION_WORDS 8

void
html_credit_as_caption(struct buf *cap, struct buf *credit)
{
	struct buf t;
	unsigned words = 0;
	bool sentence = false;
	const char *s = credit->p;

	if (cap->len > 0 || credit->len == 0)
		return;
	for (size_t i = 0; i < credit->len; i++) {
		if (s[i] == ' ' && i > 0 && s[i - 1] != ' ')
			words++;
		/* a sentence's end: a full stop after a small letter (or
		 * any letter of another script), then a blank or the end */
		if ((s[i] == '.' || s[i] == '!' || s[i] == '?') && i > 0 &&
		    ((s[i - 1] >= 'a' && s[i - 1] <= 'z') ||
		    (unsigned char)s[i - 1] >= 0x80) &&
		    (s[i + 1] == ' ' || s[i + 1] == '\0'))
			sentence = true;
	}
	if (!sentence || words + 1 < HTML_CREDIT_CAPTION_WORDS)
		return;
	t = *cap;
	*cap = *credit;
	*credit = t;
	credit->len = 0;
}

/* A figure's caption tells its placeholder from a presentational one (a
 * rule drawn as a picture has none). */
xmlNode *
html_lazy_img(xmlNode *root, xmlNode *img)
{
	xmlNode *lazy = NULL;
	bool caption = false;
	const char *v;

	if (img != NULL || !html_is_elem(root) || html_ni(root) == NULL ||
	    html_ni(root)->kind != HTML_K_FIGURE)
		return img;
	for (xmlNode *n = root; n != NULL; n = html_next(n, root, true)) {
		if (!html_is_elem(n))
			continue;
		if (html_ni(n) != NULL &&
		    html_ni(n)->kind == HTML_K_FIGCAPTION)
			caption = true;
		else if (lazy == NULL &&
		    (v = html_attr(n, "data-src")) != NULL &&
		    html_href_is_picture(v, strlen(v)))
			lazy = n;
	}
	return caption ? lazy : NULL;
}

/* Removes image i of article a. */
static void
html_img_remove(struct nw_article *a, size_t i)
{
	free(a->images[i].url);
	free(a->images[i].caption);
	free(a->images[i].credit);
	memmove(&a->images[i], &a->images[i + 1],
	    (a->n_images - i - 1) * sizeof(a->images[0]));
	a->n_images--;
}

/* Whether a paragraph of ctx from i to j (excluded) is left out of the
 * text and is no caption: furniture between a picture and the text. */
static bool
html_furniture_between(const struct html_ctx *ctx, size_t i, size_t j)
{
	for (; i < j && i < ctx->n_paras; i++)
		if (!ctx->paras[i].keep && !ctx->paras[i].caption)
			return true;
	return false;
}

void
html_imgs_region(struct html_ctx *ctx)
{
	size_t first = SIZE_MAX, last = 0;

	for (size_t i = 0; i < ctx->n_paras; i++) {
		if (!ctx->paras[i].keep || ctx->paras[i].caption)
			continue;
		if (first == SIZE_MAX)
			first = i;
		last = i;
	}
	/* an image noted after p paragraphs lies between paragraph p - 1
	 * and paragraph p: among the text when kept ones are on both
	 * sides, next to it when only captions part them (a lead picture
	 * that opens its gallery); the last noted goes first, the indices
	 * before it holding */
	for (size_t k = ctx->n_asides; k > 0; k--) {
		const struct html_img_at *at = &ctx->asides[k - 1];
		bool out;

		if (at->image >= ctx->a->n_images)
			continue;
		if (first == SIZE_MAX)
			out = true;
		else if (at->para <= first)
			out = at->away ||
			    html_furniture_between(ctx, at->para, first);
		else if (at->para > last)
			out = at->away ||
			    html_furniture_between(ctx, last + 1, at->para);
		else
			out = false;
		if (out)
			html_img_remove(ctx->a, at->image);
	}
	free(ctx->asides);
	ctx->asides = NULL;
	ctx->n_asides = ctx->cap_asides = 0;
}
