/* The HTML extractor's images outside the article: pictures in links to
 * other pages (a teaser of another story, a magazine's cover, a shop's
 * offer, a sponsor's or the site's logo) are kept only among the text's
 * paragraphs, where a gallery's pictures link to their own pages; a
 * picture whose link a linked title stands by is a teaser's anywhere.
 * See html_extract_int.h. */
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

/* Nodes before and after a picture's link read for a teaser's title. */
#define HTML_TEASER_NODES 64

/* Whether element n (html_ni() set) is a story's linked title: a
 * heading, not the page's <h1>, wholly a link (80% of its text). */
static bool
html_teaser_title(const struct html_ni *ni)
{
	return ni->kind != HTML_K_H1 && (ni->cls & HTML_T_HEAD) &&
	    ni->link * 5 >= ni->text * 4;
}

/* Whether the link around picture img, with no text of its own, is a
 * teaser's: the first text before it, or the first block of text after
 * it less its links (a category's link may come between), is a linked
 * heading (html_teaser_title(): the title of the story it shows, a
 * related post's, "<a><img></a><h3><a>Title</a></h3>"), within
 * HTML_TEASER_NODES nodes each way and no other picture between. A
 * gallery's pictures link to their own pages with no title, the
 * article's own lead picture has its <h1>. */
static bool
html_img_teaser(const xmlNode *img)
{
	const xmlNode *a = img, *p;
	xmlNode *n;
	size_t k = 0;

	while (html_is_elem(a) && (html_ni(a) == NULL ||
	    html_ni(a)->kind != HTML_K_A))
		a = a->parent;
	if (!html_is_elem(a) || html_ni(a)->text > 0)
		return false;
	/* before: the previous siblings of the link and of its boxes */
	for (p = a; html_is_elem(p) && k < HTML_TEASER_NODES; p = p->parent)
		for (n = p->prev; n != NULL && k < HTML_TEASER_NODES;
		    n = n->prev, k++) {
			const struct html_ni *ni = html_ni(n);

			if (n->type == XML_TEXT_NODE && n->content != NULL &&
			    html_text_len(n) > 0)
				goto after;
			if (!html_is_elem(n) || ni == NULL || ni->text == 0)
				continue;
			if (html_teaser_title(ni))
				return true;
			goto after;
		}
after:
	for (n = html_next((xmlNode *)a, NULL, false), k = 0;
	    n != NULL && k < HTML_TEASER_NODES;
	    n = html_next(n, NULL, true), k++) {
		const struct html_ni *ni = html_ni(n);

		if (!html_is_elem(n) || ni == NULL)
			continue;
		if (ni->kind == HTML_K_IMG || ni->kind == HTML_K_PICTURE)
			return false;
		if (ni->text > 0 && html_teaser_title(ni))
			return true;
		if ((ni->cls & HTML_T_BLOCK) && ni->own > ni->own_link)
			return false;
	}
	return false;
}

/* Whether href, an absolute link, leads to another site than the page's
 * sites[0] and sites[1] (url_site() of its address and of its canonical
 * address, either NULL): another site (the registrable domain's label,
 * so a.co.uk and b.co.uk are two) than each known (a shop's, a
 * sponsor's, a network's). A relative link stays on the site. */
static bool
html_other_site(const char *href, char *const sites[2])
{
	char *a;
	bool known = false, same = false;

	if (sites[0] == NULL && sites[1] == NULL)
		return false;
	if ((a = url_site(href)) == NULL)
		return false;
	for (size_t i = 0; i < 2 && !same; i++) {
		if (sites[i] == NULL)
			continue;
		same = strcmp(a, sites[i]) == 0;
		known = true;
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
	/* the page's sites, read once: at its first linked picture */
	if (known && !ctx->sites_read) {
		ctx->sites[0] = ctx->url != NULL ? url_site(ctx->url) : NULL;
		ctx->sites[1] = ctx->a->canonical_url != NULL ?
		    url_site(ctx->a->canonical_url) : NULL;
		ctx->sites_read = true;
	}
	ctx->asides[ctx->n_asides].away = known &&
	    html_other_site(href, ctx->sites) && !html_img_in_text(img);
	ctx->asides[ctx->n_asides].teaser = !html_img_in_text(img) &&
	    html_img_teaser(img);
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

/* Bytes of a credit's leading label ("Image credit"), at most. */
#define HTML_LABEL_MAX 24

/* Bytes of the label that opens credit s and of the blanks after it: a
 * word or two of letters ending in a colon or an ellipsis ("Foto: dpa",
 * "Credit... Anna Moneymaker", "(Image credit: NASA)") or a copyright
 * sign ("© APA"), with text after it; 0 for none. */
static size_t
html_credit_label(const char *s)
{
	size_t i = s[0] == '(' ? 1 : 0, start = i, words = 1;

	if (strncmp(s + i, "\xc2\xa9", 2) == 0) {
		i += 2;
	} else {
		for (; s[i] != '\0' && i - start <= HTML_LABEL_MAX; i++) {
			unsigned char c = (unsigned char)s[i];

			if (c == ' ' && i > start && s[i - 1] != ' ' &&
			    ++words <= 2)
				continue;
			if (!((c | 0x20) >= 'a' && (c | 0x20) <= 'z') &&
			    c < 0x80)
				break;
		}
		if (i - start < 2 || i - start > HTML_LABEL_MAX)
			return 0;
		if (s[i] == ':')
			i++;
		else if (strncmp(s + i, "...", 3) == 0)
			i += 3;
		else if (strncmp(s + i, "\xe2\x80\xa6", 3) == 0)
			i += 3;
		else
			return 0;
	}
	while (s[i] == ' ')
		i++;
	return s[i] != '\0' && s[i] != ')' ? i : 0;
}

/* Cuts the label off the head of credit c, and the bracket it opened. */
static void
html_credit_unlabel(char *c)
{
	size_t n = html_credit_label(c), len;

	if (n == 0)
		return;
	len = strlen(c + n);
	if (c[0] == '(' && c[n + len - 1] == ')')
		len--;
	memmove(c, c + n, len);
	c[len] = '\0';
	while (len > 0 && c[len - 1] == ' ')
		c[--len] = '\0';
}

/* Whether caption s, with no credit beside it, is a credit: a label
 * (html_credit_label()) and a name or a source after it, every word of
 * it a capital's, a digit's or a handle's, or after a slash ("Copyright:
 * Accurec", "Screenshots: Instagram/ kim"); a caption after a place's
 * name ("Berlin: Crowds gather at ...") has small words. */
static bool
html_caption_is_credit(const char *s)
{
	size_t n = html_credit_label(s);
	bool head = true, slash = false;

	if (n == 0)
		return false;
	for (s += n; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == ' ') {
			head = true;
			continue;
		}
		if (head && !slash && c >= 'a' && c <= 'z')
			return false;
		if (head)
			slash = false;
		if (c == '/')
			slash = true;
		head = false;
	}
	return true;
}

/* A number of one to three digits at *s, moved past; -1 for none. */
static int
html_count_num(const char **s)
{
	int v = 0, d = 0;

	for (; d < 3 && **s >= '0' && **s <= '9'; (*s)++, d++)
		v = 10 * v + (**s - '0');
	return d > 0 && !(**s >= '0' && **s <= '9') ? v : -1;
}

/* The total of the slide counter that opens caption s ("1 of4 Grass
 * Valley's ...", "2 / 5 The ..."): a number, a word of up to three
 * letters or a slash, a number no smaller, then text; *len is the
 * counter's bytes with the blanks after it. 0 for none. */
static int
html_caption_counter(const char *s, size_t *len)
{
	const char *p = s;
	int a, b, n = 0;

	if ((a = html_count_num(&p)) < 1)
		return 0;
	while (*p == ' ')
		p++;
	if (*p == '/')
		p++;
	else
		for (; n < 4 && *p >= 'a' && *p <= 'z'; p++)
			n++;
	if (n > 3 || (n == 0 && p[-1] != '/'))
		return 0;
	while (*p == ' ')
		p++;
	if ((b = html_count_num(&p)) < a || b < 2 || *p != ' ')
		return 0;
	while (*p == ' ')
		p++;
	if (*p == '\0')
		return 0;
	*len = (size_t)(p - s);
	return b;
}

/* Cuts what a picture's caption and credit hold that is neither: the
 * credit's label, and a slide's counter where two pictures at least
 * count to the same total (a gallery's captions; one caption opening
 * with "1 in 4" is text). */
static void
html_imgs_tidy(struct nw_article *a)
{
	int *total = xcalloc(a->n_images + 1, sizeof(*total));
	size_t len;

	for (size_t i = 0; i < a->n_images; i++) {
		if (a->images[i].credit == NULL &&
		    a->images[i].caption != NULL &&
		    html_caption_is_credit(a->images[i].caption)) {
			a->images[i].credit = a->images[i].caption;
			a->images[i].caption = NULL;
		}
		if (a->images[i].credit != NULL)
			html_credit_unlabel(a->images[i].credit);
		if (a->images[i].caption != NULL)
			total[i] = html_caption_counter(a->images[i].caption,
			    &len);
	}
	for (size_t i = 0; i < a->n_images; i++) {
		size_t same = 0;
		char *c = a->images[i].caption;

		for (size_t j = 0; total[i] > 0 && j < a->n_images; j++)
			same += total[j] == total[i];
		if (same >= 2 && html_caption_counter(c, &len) > 0)
			memmove(c, c + len, strlen(c + len) + 1);
	}
	free(total);
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
		if (first == SIZE_MAX || at->teaser)
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
	html_imgs_tidy(ctx->a);
	free(ctx->asides);
	ctx->asides = NULL;
	ctx->n_asides = ctx->cap_asides = 0;
}
