/* The HTML extractor's writer: paragraphs of the chosen container, the
 * prose filter, images with caption and credit. See
 * html_extract_int.h. */
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "url.h"
#include "../date.h"
#include "html_dom.h"
#include "html_extract_int.h"

/* Whether the paragraph s (len visible characters) is a caption's credit
 * line or a cookie notice that its markup did not mark. */
static bool
html_is_notice(const char *s, unsigned len)
{
	static const char *const credits[] = {
		"Foto:", "Fotos:", "Bild:", "Bilder:", "Quelle:",
		"Abbildung:", "Photo:", "Photos:", "Image:", "Credit:",
		"Photo credit:", "Source:", "Fuente:", "Crédito:",
		"Crédit photo", "Illustration:", "Grafik:", "Video:", "\xc2\xa9",
	};

	if (len > 200)
		return false;
	for (size_t i = 0; i < sizeof(credits) / sizeof(credits[0]); i++)
		if (strncmp(s, credits[i], strlen(credits[i])) == 0)
			return true;
	return strcasestr(s, "cookie") != NULL;
}

/* Visible characters of a credit that ends a caption, at most. */
#define HTML_CREDIT_TAIL 60

/* Visible characters of a picture's alternative text, at least, for a
 * paragraph that says it again to be its caption. */
#define HTML_PIC_WORDS 15

/* Whether the paragraph s is a picture's caption with its credit after
 * a copyright sign ("Bundestagspräsidentin Bärbel Bas spricht ... © dpa
 * | Bernd von Jutrczenka") or, without one, after a credit's label, a
 * word of its own ("... Foto: Galli/Malteser", the <figcaption> gone): a
 * short tail after the last sign or label, ending no sentence, with text
 * before it. */
static bool
html_ends_in_credit(const char *s)
{
	static const char *const labels[] = {
		"Foto:", "Fotos:", "Bild:", "Photo:", "Photos:", "Credit:",
	};
	size_t n = strlen(s);
	const char *c = s, *k = s + n;

	/* the last sign, sought from the end by its second byte (c past
	 * it; s if none) */
	while ((k = memrchr(s, 0xa9, (size_t)(k - s))) != NULL)
		if (k > s && k[-1] == '\xc2') {
			c = k + 1;
			break;
		}
	if (c - s < 2) {
		const char *l = NULL;

		/* the last label, in one scan from the end: a label is
		 * letters and a colon, so one that ends at a later colon
		 * begins after an earlier colon, and later */
		for (k = s + n; l == NULL &&
		    (k = memrchr(s, ':', (size_t)(k - s))) != NULL; ) {
			for (size_t i = 0; l == NULL &&
			    i < sizeof(labels) / sizeof(labels[0]); i++) {
				size_t m = strlen(labels[i]);

				if ((size_t)(k + 1 - s) >= m &&
				    memcmp(k + 1 - m, labels[i], m) == 0)
					l = k + 1 - m;
			}
		}
		if (l == NULL || l == s || l[-1] != ' ')
			return false;
		c = l;
	} else
		c -= 2;
	if (c == s || html_count_text(c, NULL) > HTML_CREDIT_TAIL)
		return false;
	return strchr(".!?", s[n - 1]) == NULL;
}

/* The emphasis text node n sits in below its nearest block: bold (<b>,
 * <strong>), italics (<em>, <i>), both or none (0). */
#define HTML_EMPH_BOLD 1u
#define HTML_EMPH_ITAL 2u
static unsigned
html_in_emph(const xmlNode *n)
{
	unsigned kind = 0;

	for (const xmlNode *p = n->parent; html_is_elem(p); p = p->parent) {
		const struct html_ni *pi = html_ni(p);
		const char *name = (const char *)p->name;

		if (pi == NULL || (pi->cls & HTML_T_BLOCK))
			break;
		if (strcmp(name, "b") == 0 || strcmp(name, "strong") == 0)
			kind |= HTML_EMPH_BOLD;
		else if (strcmp(name, "em") == 0 || strcmp(name, "i") == 0)
			kind |= HTML_EMPH_ITAL;
	}
	return kind;
}

/* The box of a paragraph written from block b: the nearest block above
 * b holding more text than b, wrappers that add none skipped. */
static const xmlNode *
html_box(const xmlNode *b)
{
	const xmlNode *p;

	if (!html_is_elem(b) || html_ni(b) == NULL)
		return NULL;
	for (p = b->parent; html_is_elem(p) && html_ni(p) != NULL &&
	    html_ni(p)->text <= html_ni(b)->text; p = p->parent)
		;
	return html_is_elem(p) ? p : NULL;
}

static xmlNode *html_find_img(xmlNode *root);

/* Whether a and b hold the same words, blanks aside. */
static bool
html_same_words(const char *a, const char *b)
{
	bool first = true;

	for (;;) {
		bool ba = false, bb = false;

		while (*a == ' ' || (*a >= '\t' && *a <= '\r')) {
			a++;
			ba = true;
		}
		while (*b == ' ' || (*b >= '\t' && *b <= '\r')) {
			b++;
			bb = true;
		}
		if (*a == '\0' || *b == '\0')
			return *a == *b;
		if ((!first && ba != bb) || *a != *b)
			return false;
		first = false;
		a++;
		b++;
	}
}

/* Whether text s says again what the picture pic says of itself, its
 * alternative text: the picture's caption, wherever its markup puts it
 * (the page writes the words twice, the picture's machinery, not the
 * author). */
static bool
html_tells_pic(xmlNode *pic, const char *s)
{
	xmlNode *img = html_find_img(pic);
	const char *alt = img != NULL ? html_attr(img, "alt") : NULL;

	return alt != NULL && html_count_text(alt, NULL) >= HTML_PIC_WORDS &&
	    html_same_words(alt, s);
}

/* Ends the paragraph being written: it joins ctx->paras. */
static void
html_flush(struct html_ctx *ctx)
{
	html_trim(&ctx->para);
	if (ctx->para.len > 0 && !ctx->raw && !ctx->fragment &&
	    html_is_notice(ctx->para.p, html_count_text(ctx->para.p, NULL))) {
		ctx->para.len = 0;
		ctx->para.p[0] = '\0';
	}
	if (ctx->para.len > 0) {
		struct html_para *p;

		if (ctx->n_paras == ctx->cap_paras) {
			ctx->cap_paras = ctx->cap_paras ?
			    ctx->cap_paras * 2 : 32;
			ctx->paras = xrealloc(ctx->paras,
			    ctx->cap_paras * sizeof(*ctx->paras));
		}
		p = &ctx->paras[ctx->n_paras++];
		p->len = html_count_text(ctx->para.p, NULL);
		p->link = ctx->link < p->len ? ctx->link : p->len;
		p->emph = ctx->emph < p->len ? ctx->emph : p->len;
		p->ital = ctx->ital < p->len ? ctx->ital : p->len;
		p->head = ctx->head;
		p->item = ctx->item;
		p->keep = true;
		p->cont = ctx->cont;
		p->text = buf_take(&ctx->para);
		p->caption = !ctx->raw && !ctx->fragment &&
		    (html_ends_in_credit(p->text) || (ctx->pic != NULL &&
		    html_tells_pic(ctx->pic, p->text)));
		ctx->pic = NULL;
		p->recipe = ctx->recipe != NULL;
		p->box = html_box(ctx->block);
		p->block = ctx->block;
		HTML_DEBUG_MSG("para %u/%u head %d: %s\n", p->len, p->link,
		    p->head, p->text);
	}
	ctx->para.len = 0;
	if (ctx->para.p != NULL)
		ctx->para.p[0] = '\0';
	ctx->space = false;
	ctx->link = 0;
	ctx->emph = 0;
	ctx->ital = 0;
	ctx->head = false;
	ctx->item = false;
	ctx->cont = false;
}

void
html_paras_free(struct html_ctx *ctx)
{
	for (size_t i = 0; i < ctx->n_paras; i++)
		free(ctx->paras[i].text);
	free(ctx->paras);
	ctx->paras = NULL;
	ctx->n_paras = ctx->cap_paras = 0;
}

enum html_pclass
html_pclass(const struct html_para *p)
{
	double ld = p->len ? (double)p->link / p->len : 0;

	if (ld > 0.33)
		return HTML_P_BAD;
	if (p->len >= 70)
		return HTML_P_GOOD;
	if (p->len >= 25 && ld < 0.2)
		return HTML_P_NEAR;
	return HTML_P_SHORT;
}

/* The classes of ctx's paragraphs, in a new array: lines that <br>
 * splits out of one block are classed together. */
static enum html_pclass *
html_pclasses(const struct html_ctx *ctx)
{
	size_t n = ctx->n_paras;
	enum html_pclass *c = xcalloc(n + 1, sizeof(*c));

	for (size_t i = 0, j; i < n; i = j) {
		struct html_para whole = ctx->paras[i];

		for (j = i + 1; j < n && ctx->paras[j].cont &&
		    !ctx->paras[j].head && !whole.head; j++) {
			whole.len += ctx->paras[j].len;
			whole.link += ctx->paras[j].link;
		}
		for (size_t k = i; k < j; k++)
			c[k] = html_pclass(&whole);
	}
	return c;
}

/* Keeps the paragraphs that read as prose: long ones with few links,
 * and shorter ones next to them. A heading is judged as any paragraph:
 * the page's headings over link boxes and contact blocks open them as
 * well as the article's sections. */
static void
html_paras_filter(struct html_ctx *ctx)
{
	size_t n = ctx->n_paras;
	enum html_pclass *c;

	if (n == 0)
		return;
	c = html_pclasses(ctx);
	for (size_t i = 0; i < n; i++) {
		enum html_pclass prev = HTML_P_BAD, next = HTML_P_BAD;
		struct html_para *p = &ctx->paras[i];

		for (size_t j = i; j > 0; j--)
			if (c[j - 1] != HTML_P_SHORT) {
				prev = c[j - 1];
				break;
			}
		for (size_t j = i + 1; j < n; j++)
			if (c[j] != HTML_P_SHORT) {
				next = c[j];
				break;
			}
		switch (c[i]) {
		case HTML_P_GOOD:
			p->keep = true;
			break;
		case HTML_P_NEAR:
			p->keep = prev == HTML_P_GOOD || next == HTML_P_GOOD;
			break;
		case HTML_P_SHORT:
			p->keep = prev == HTML_P_GOOD && next == HTML_P_GOOD;
			break;
		default:
			p->keep = false;
			break;
		}
	}
	free(c);
}

/* Whether paragraph p only announces what follows: a heading, a short
 * line ending in a colon ("Mehr zum Thema", "Read more:"), or a line
 * shorter than prose, all in emphasis, that asks or calls ("Schon
 * gelesen?", "Möchten Sie den Artikel teilen?"): a heading in bold. */
static bool
html_is_label(const struct html_para *p)
{
	size_t n = strlen(p->text);

	if (p->len > 80 || n == 0)
		return false;
	if (p->emph == p->len && html_pclass(p) != HTML_P_GOOD &&
	    (strchr("?!", p->text[n - 1]) != NULL || html_is_shout(p)))
		return true;
	return p->head || p->text[n - 1] == ':';
}

/* Drops the last paragraph when it announces a block that was skipped. */
static void
html_drop_label(struct html_ctx *ctx)
{
	struct html_para *p;

	if (ctx->n_paras == 0 || ctx->para.len > 0)
		return;
	p = &ctx->paras[ctx->n_paras - 1];
	if (p->recipe || !html_is_label(p))
		return;
	free(p->text);
	ctx->n_paras--;
}

/* Joins the kept paragraphs into ctx->out, less the labels that end it
 * and so announce nothing (captions and forms, left out, end nothing;
 * a recipe's part is its own). */
void
html_paras_join(struct html_ctx *ctx)
{
	while (ctx->n_paras > 1) {
		struct html_para *p = &ctx->paras[ctx->n_paras - 1];

		if ((p->keep && !p->caption && !html_is_label(p)) ||
		    p->recipe)
			break;
		free(p->text);
		ctx->n_paras--;
	}
	for (size_t i = 0; i < ctx->n_paras; i++) {
		if (!ctx->paras[i].keep || ctx->paras[i].caption)
			continue;
		if (ctx->out.len > 0)
			buf_puts(&ctx->out, "\n\n");
		buf_puts(&ctx->out, ctx->paras[i].text);
	}
}

/* The address of an image: lazy-loading attributes first, data: URIs
 * skipped, resolved against the page's URL. Returns a new string or
 * NULL. */
static char *
html_img_url(const struct html_ctx *ctx, const xmlNode *img)
{
	static const char *const attrs[] = {
		"data-src", "data-lazy-src", "data-original", "data-url",
		"src", "data-srcset", "srcset",
	};
	const char *v = NULL;
	char *raw;
	size_t len;

	for (size_t i = 0; i < sizeof(attrs) / sizeof(attrs[0]); i++) {
		v = html_attr(img, attrs[i]);
		while (v != NULL && (*v == ' ' || *v == '\n' || *v == '\t'))
			v++;
		if (v != NULL && *v != '\0' && strncmp(v, "data:", 5) != 0)
			break;
		v = NULL;
	}
	if (v == NULL)
		return NULL;
	len = strcspn(v, " \t\n,");
	if (len == 0)
		return NULL;
	raw = xstrndup(v, len);
	if (ctx->url != NULL) {
		char *abs = url_resolve(raw, ctx->url);

		if (abs != NULL) {
			free(raw);
			raw = abs;
		}
	}
	return raw;
}

/* The first <img> (or <source> in a <picture>) under root. */
static xmlNode *
html_find_img(xmlNode *root)
{
	for (xmlNode *n = root; n != NULL; n = html_next(n, root, true))
		if (html_is_elem(n) && n->name != NULL &&
		    (strcmp((const char *)n->name, "img") == 0 ||
		    strcmp((const char *)n->name, "amp-img") == 0))
			return n;
	return NULL;
}

/* Splits a credit off the end of caption c ("... Photo: AP", "... (Foto:
 * dpa)", "... © Reuters"): writes it to credit and cuts c. */
static void
html_split_credit(struct buf *c, struct buf *credit)
{
	static const char *const marks[] = {
		"Photo:", "Photograph:", "Photo by", "Photos:", "Picture:",
		"Image:", "Credit:", "Foto:", "Fotos:", "Bild:", "Quelle:",
		"Crédit:", "Crédito:", "Imagen:", "©", "(c)",
	};
	char *best = NULL;
	size_t mlen = 0;

	if (c->len == 0)
		return;
	for (size_t i = 0; i < sizeof(marks) / sizeof(marks[0]); i++) {
		char *p = strstr(c->p, marks[i]);

		if (p != NULL && (best == NULL || p > best)) {
			best = p;
			mlen = strlen(marks[i]);
		}
	}
	if (best == NULL)
		return;
	buf_puts(credit, best + mlen);
	html_trim(credit);
	while (credit->len > 0 && (credit->p[credit->len - 1] == ')' ||
	    credit->p[credit->len - 1] == ']'))
		credit->p[--credit->len] = '\0';
	html_trim(credit);
	if (credit->len == 0)
		return;
	*best = '\0';
	c->len = (size_t)(best - c->p);
	while (c->len > 0 && strchr(" (|[/-", c->p[c->len - 1]) != NULL)
		c->p[--c->len] = '\0';
	html_trim(c);
}

/* Images kept per article, at most. The check for a known address below
 * is linear, so without a cap a page of 60,000 figures took 5 s and one
 * of 250,000 (the element limit) minutes (found by tests/fuzz). */
#define HTML_MAX_IMAGES 1000

/* Text beyond its caption above which a figure is content. */
#define HTML_FIGURE_TEXT 150

/* Whether img is a tracking pixel, no picture: a width or height of 0
 * or 1, or a file named as one ("pixel.gif", "spacer.gif", "1x1.png"). */
static bool
html_img_pixel(const xmlNode *img, const char *url)
{
	static const char *const dims[] = { "width", "height" };
	static const char *const names[] = { "pixel", "spacer", "1x1",
		"blank", "transparent" };
	const char *v, *f;
	size_t i, n;

	for (i = 0; i < 2; i++) {
		v = html_attr(img, dims[i]);
		if (v != NULL && (v[0] == '0' || v[0] == '1') &&
		    (v[1] == '\0' || strcmp(v + 1, "px") == 0))
			return true;
	}
	n = strcspn(url, "?#");
	for (f = url + n; f > url && f[-1] != '/'; f--)
		;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strncmp(f, names[i], strlen(names[i])) == 0 &&
		    f[strlen(names[i])] == '.')
			return true;
	return false;
}

/* Adds the image of figure (or lone img) n with its caption and credit,
 * unless it is a tracking pixel, its address is already known or
 * HTML_MAX_IMAGES are kept. */
static void
html_add_image(struct html_ctx *ctx, xmlNode *n)
{
	xmlNode *img = html_find_img(n), *lazy = html_lazy_img(n, img);
	struct buf cap = { 0 }, credit = { 0 };
	char *url;
	bool space = false;

	if (lazy == NULL || ctx->a->n_images >= HTML_MAX_IMAGES)
		return;
	url = html_img_url(ctx, lazy);
	if (url == NULL)
		return;
	if (img != NULL && html_img_pixel(img, url)) {
		free(url);
		return;
	}
	for (size_t i = 0; i < ctx->a->n_images; i++) {
		if (ctx->a->images[i].url != NULL &&
		    strcmp(ctx->a->images[i].url, url) == 0) {
			free(url);
			return;
		}
	}
	for (xmlNode *c = n; c != NULL; ) {
		bool descend = true;

		if (c->type == XML_TEXT_NODE && c->content != NULL) {
			const xmlNode *p = c->parent;
			bool in_cap = false, in_credit = false;

			for (; p != NULL && p != n->parent; p = p->parent) {
				if (!html_is_elem(p))
					continue;
				if (strcmp((const char *)p->name,
				    "figcaption") == 0)
					in_cap = true;
				if ((html_signals_cached(p, &ctx->sigs) &
				    HTML_S_CREDIT) || html_credit_prop(p))
					in_credit = true;
			}
			if (in_credit)
				html_append_text(&credit,
				    (const char *)c->content, &space);
			else if (in_cap)
				html_append_text(&cap,
				    (const char *)c->content, &space);
		} else if (html_is_elem(c) && c != n) {
			space = true;
		}
		c = html_next(c, n, descend);
	}
	html_trim(&cap);
	html_trim(&credit);
	html_credit_as_caption(&cap, &credit);
	if (credit.len == 0)
		html_split_credit(&cap, &credit);
	html_img_aside(ctx, lazy);
	article_add_image(ctx->a, url, cap.len ? cap.p : NULL,
	    credit.len ? credit.p : NULL);
	free(url);
	buf_free(&cap);
	buf_free(&credit);
}


/* Whether figure n holds content rather than an image: a table, a chart
 * or a page builder's block with more text than its caption, or a slide
 * of a gallery: a figure with a title of its own (a heading outside its
 * caption) and a caption of more than a line or two, in paragraphs or
 * not (another CMS writes them as <div>s or <br> runs). A lead
 * picture's caption and credit have no title. The writer writes such a
 * figure like any block, its caption included. */
static bool
html_figure_is_content(xmlNode *n)
{
	unsigned caption = 0;
	bool titled = false;

	for (xmlNode *c = n->children; c != NULL; ) {
		const struct html_ni *ci = html_is_elem(c) ? html_ni(c) : NULL;
		bool descend = ci != NULL;

		if (ci != NULL && ci->kind == HTML_K_FIGCAPTION) {
			caption += ci->text;
			descend = false;
		} else if (ci != NULL && (ci->cls & HTML_T_HEAD) &&
		    ci->text > 0) {
			titled = true;
		}
		c = html_next(c, n, descend);
	}
	return html_ni(n)->text > caption + HTML_FIGURE_TEXT ||
	    (titled && caption > HTML_FIGURE_TEXT);
}

/* Whether figcaption n belongs to a figure that holds content. */
static bool
html_in_content_figure(xmlNode *n)
{
	for (xmlNode *p = n->parent; html_is_elem(p); p = p->parent) {
		const struct html_ni *pi = html_ni(p);

		if (pi == NULL)
			return false;
		if (pi->kind == HTML_K_FIGURE)
			return html_figure_is_content(p);
	}
	return false;
}

/* Visible characters of a box set among the text's paragraphs, at most,
 * for it to be a pitch (html_is_pitch()); of its closing link (a
 * button); of its closing link when a picture opens it (a line). */
#define HTML_PITCH_TEXT 800
#define HTML_PITCH_BUTTON 40
#define HTML_PITCH_LINK 80
/* Element siblings read each way for the text's flow (html_ends_flow()). */
#define HTML_FLOW_REACH 100

/* The nearest block holding node n (a text node or an element). */
static const xmlNode *
html_block_of(const xmlNode *n)
{
	for (n = n->parent; html_is_elem(n); n = n->parent)
		if (html_ni(n) != NULL && (html_ni(n)->cls & HTML_T_BLOCK))
			return n;
	return NULL;
}

/* The first (or, when last, the last) text node of n with visible
 * characters, or NULL. */
static const xmlNode *
html_text_at(xmlNode *n, bool last)
{
	const xmlNode *found = NULL;

	for (xmlNode *e = n->children; e != NULL; e = html_next(e, n, true))
		if (e->type == XML_TEXT_NODE && e->content != NULL &&
		    html_text_len(e) > 0) {
			found = e;
			if (!last)
				break;
		}
	return found;
}

/* The element that box s wraps alone: s, or, while s's one child with
 * text holds all of s's text, that child (another CMS writes each
 * paragraph of the text in boxes of no other text); a card stops the
 * walk (html_mark_cards()). */
static const xmlNode *
html_sole(const xmlNode *s)
{
	while (!html_ni(s)->card) {
		const xmlNode *only = NULL;

		for (const xmlNode *c = s->children; c != NULL; c = c->next)
			if (html_is_elem(c) && html_ni(c) != NULL &&
			    html_ni(c)->text > 0) {
				if (only != NULL)
					return s;
				only = c;
			}
		if (only == NULL || html_ni(only)->text != html_ni(s)->text)
			return s;
		s = only;
	}
	return s;
}

/* The paragraph of prose that sibling s is, of HTML_PROSE_OWN
 * characters at least, or NULL: a <p>, or a <div> whose text is its
 * own, in boxes of no other text or none (html_sole(): another CMS
 * writes the text's paragraphs so). A <p> in a box of its own is not
 * read as one: sections of the text are written so. */
static const xmlNode *
html_text_para(const xmlNode *s)
{
	const xmlNode *b = html_sole(s);
	const struct html_ni *bi = html_ni(b);

	if (bi->own < HTML_PROSE_OWN)
		return NULL;
	if ((bi->kind == HTML_K_P && b == s) ||
	    (bi->kind == HTML_K_DIV && bi->own == bi->text))
		return b;
	return NULL;
}

/* Whether n's element siblings before it hold a paragraph of prose
 * (html_text_para()), the nearest in *para, and those after it none:
 * a box in the flow of the text, at its end. A teaser card after it
 * is skipped, not text. Each way HTML_FLOW_REACH siblings are read at
 * most: a pitch stands by the text's paragraphs, and a page of 40,000
 * boxes, each reading all the others, took minutes. */
static bool
html_ends_flow(xmlNode *n, const xmlNode **para)
{
	unsigned k = 0;

	*para = NULL;
	for (xmlNode *s = n->prev; s != NULL && *para == NULL &&
	    k < HTML_FLOW_REACH; s = s->prev)
		if (html_is_elem(s) && html_ni(s) != NULL) {
			*para = html_text_para(s);
			k++;
		}
	k = 0;
	for (xmlNode *s = n->next; *para != NULL && s != NULL; s = s->next) {
		if (!html_is_elem(s) || html_ni(s) == NULL)
			continue;
		if (++k > HTML_FLOW_REACH)
			return false;
		if (html_prose(s) > 0 && !html_ni(html_sole(s))->card)
			return false;
	}
	return *para != NULL;
}

/* Whether box n opens with a picture: an image or a <picture> before
 * first, its first text node. */
static bool
html_opens_with_pic(xmlNode *n, const xmlNode *first)
{
	for (xmlNode *e = n->children; e != NULL && e != first;
	    e = html_next(e, n, true))
		if (html_is_pic(e))
			return true;
	return false;
}

/* Whether a heading of the tag of heading h stands in n's element
 * siblings before it: h heads a section of the text, as they do. */
static bool
html_heads_before(xmlNode *n, const xmlNode *h)
{
	for (xmlNode *s = n->prev; s != NULL; s = s->prev)
		for (xmlNode *e = s; e != NULL; e = html_next(e, s, true))
			if (html_is_elem(e) && html_ni(e) != NULL &&
			    strcmp((const char *)e->name,
			    (const char *)h->name) == 0)
				return true;
	return false;
}

/* Whether block n is a pitch set after the text: a box of its own
 * (no paragraph, list or heading) among the text's paragraphs with
 * none after it, of a few lines, that opens with a heading and closes
 * with a short link outside any paragraph, a button ("UN PÚBLICO
 * INFORMADO ... Hágase miembro ahora", "Something to Consider ...
 * LEARN MORE"), or opens with a picture and closes with a link of a
 * line (a magazine's cover, its blurb, "Das Heft können Sie hier
 * versandkostenfrei bestellen."). A section of the text in a box of
 * its own has paragraphs of the text beside it, in boxes too; where
 * the text's paragraphs are <div>s in boxes of their own (another CMS's
 * markup), a section's heading has the tag of the headings before it
 * (html_heads_before()). */
static bool
html_is_pitch(xmlNode *n)
{
	const struct html_ni *ni = html_ni(n);
	const xmlNode *first, *last, *b, *head = NULL, *para;
	unsigned button = HTML_PITCH_BUTTON;

	if (ni->kind != HTML_K_DIV && ni->kind != HTML_K_SECTION)
		return false;
	if (ni->text == 0 || ni->text > HTML_PITCH_TEXT)
		return false;
	first = html_text_at(n, false);
	if (first == NULL || (b = html_block_of(first)) == NULL)
		return false;
	if (html_opens_with_pic(n, first))
		button = HTML_PITCH_LINK;
	else if (!(html_ni(b)->cls & HTML_T_HEAD) ||
	    html_ni(b)->kind == HTML_K_H1)
		return false;
	else
		head = b;
	last = html_text_at(n, true);
	b = html_block_of(last);
	if (b == NULL || html_ni(b)->kind == HTML_K_P ||
	    html_ni(b)->kind == HTML_K_LI || (html_ni(b)->cls & HTML_T_HEAD))
		return false;
	for (b = last->parent; html_is_elem(b) && b != n; b = b->parent)
		if (html_ni(b) != NULL && html_ni(b)->kind == HTML_K_A)
			return html_ni(b)->text < button &&
			    html_ends_flow(n, &para) &&
			    (html_ni(para)->kind == HTML_K_P || head == NULL ||
			    !html_heads_before(n, head));
	return false;
}

/* Whether the writer skips element n (not the root of the write): teaser
 * cards of other stories, and link lists unless they hold real prose (a
 * wrapper of a link-heavy page may hold the article too) or are one web
 * address written out (html_is_address()). */
static bool
html_skip(xmlNode *n)
{
	const struct html_ni *ni = html_ni(n);
	double ld = html_link_density(ni);

	if (!(ni->cls & HTML_T_BLOCK) || ni->kind == HTML_K_TD ||
	    ni->kind == HTML_K_TR)
		return false;
	if (ni->text == 0)
		return false;
	if (ni->card)
		return true;
	/* a paragraph is the author's unit of text: one whose words
	 * outside its links make a sentence (HTML_OWN_WORDS), or that
	 * writes out a web address (html_is_address()), is prose
	 * that links a clause ("... but was [re-opened earlier this
	 * year following his eviction]."), no link box */
	if (ni->kind == HTML_K_P && ld > 0.5)
		return ni->text - ni->link < HTML_OWN_WORDS &&
		    !html_is_address(n);
	if (ld > 0.5)
		return html_prose(n) < 200 && (ni->link < ni->text ||
		    !html_is_address(n));
	return false;
}

/* Writes text node n into the paragraph under way, and counts its
 * characters in links, in emphasis and in italics. */
static void
html_write_text(struct html_ctx *ctx, xmlNode *n)
{
	unsigned len, emph;

	if (n->content == NULL)
		return;
	html_append_text(&ctx->para, (const char *)n->content, &ctx->space);
	len = html_text_len(n);
	if (html_in_link(n))
		ctx->link += len;
	emph = html_in_emph(n);
	if (emph != 0)
		ctx->emph += len;
	if (emph == HTML_EMPH_ITAL)
		ctx->ital += len;
}

/* Keeps the text of the first <h1> written, n, as ctx's headline. */
static void
html_write_h1(struct html_ctx *ctx, xmlNode *n)
{
	struct buf t = { 0 };

	if (ctx->h1 != NULL)
		return;
	html_text_of(n, &t);
	html_trim(&t);
	if (t.len > 0)
		ctx->h1 = buf_take(&t);
	buf_free(&t);
}

/* What the writer does with an element once its kind is seen: goes on
 * to the rules of the text (html_write_elem()), or is done with it and
 * enters its children or not. */
enum html_step {
	HTML_STEP_RULES,
	HTML_STEP_IN,
	HTML_STEP_OVER
};

/* The elements the writer handles by their kind alone: line breaks and
 * rules, the headline, pictures, captions and table cells. */
static enum html_step
html_write_kind(struct html_ctx *ctx, xmlNode *n)
{
	bool first;

	switch (html_ni(n)->kind) {
	case HTML_K_BR:
		html_flush(ctx);
		ctx->cont = true;
		return HTML_STEP_IN;
	case HTML_K_HR:
		html_flush(ctx);
		return HTML_STEP_IN;
	case HTML_K_H1:
		first = ctx->h1 == NULL;
		html_write_h1(ctx, n);
		html_flush(ctx);
		if (first && ctx->h1 != NULL)
			ctx->h1_para = ctx->n_paras;
		return HTML_STEP_OVER;
	case HTML_K_FIGURE:
		if (html_figure_is_content(n))
			return HTML_STEP_RULES;
		/* FALLTHROUGH */
	case HTML_K_PICTURE:
	case HTML_K_IMG:
		if (!ctx->no_images)
			html_add_image(ctx, n);
		if (ctx->para.p == NULL ||
		    html_count_text(ctx->para.p, NULL) == 0)
			ctx->pic = n;
		return HTML_STEP_OVER;
	case HTML_K_FIGCAPTION:
		if (html_in_content_figure(n))
			return HTML_STEP_RULES;
		return HTML_STEP_OVER;
	case HTML_K_TD:
		ctx->space = true;
		return HTML_STEP_IN;
	default:
		return HTML_STEP_RULES;
	}
}

/* Whether n (under root) is written apart and left out, the edges of
 * the text being judged with it: a caption, a form, a pitch. If so,
 * writes it as a paragraph of its own marked a caption. */
static bool
html_write_aside(struct html_ctx *ctx, xmlNode *n, xmlNode *root)
{
	const struct html_ni *ni = html_ni(n);
	size_t had;

	if (ctx->raw || ctx->fragment)
		return false;
	if (!ni->caption && !ni->form && (n == root || !html_is_pitch(n)))
		return false;
	html_flush(ctx);
	had = ctx->n_paras;
	html_text_of(n, &ctx->para);
	html_flush(ctx);
	if (ctx->n_paras > had)
		ctx->paras[had].caption = true;
	return true;
}

/* Whether the writer leaves out n (under root): teaser cards, link
 * lists. A recipe's part (its ingredients, its steps) is written whole,
 * whatever its links and the shape of its lines: it starts at n when
 * n is the first. */
static bool
html_write_skips(struct html_ctx *ctx, xmlNode *n, xmlNode *root)
{
	const struct html_ni *ni = html_ni(n);

	if (ctx->recipe == NULL && (ni->sig & HTML_S_RECIPE) &&
	    !ctx->raw && !ctx->fragment) {
		html_flush(ctx);
		ctx->recipe = n;
	}
	if (n == root || ctx->raw || ctx->recipe != NULL || !html_skip(n))
		return false;
	HTML_DEBUG_NODE("skipped", n);
	if (ni->cls & HTML_T_BLOCK)
		html_flush(ctx);
	html_drop_label(ctx);
	return true;
}

/* Writes element n (under root) as far as it is itself, and tells
 * whether the writer enters its children. */
static bool
html_write_elem(struct html_ctx *ctx, xmlNode *n, xmlNode *root)
{
	const struct html_ni *ni = html_ni(n);
	enum html_step step = html_write_kind(ctx, n);

	if (step != HTML_STEP_RULES)
		return step == HTML_STEP_IN;
	if (html_write_aside(ctx, n, root) || html_write_skips(ctx, n, root))
		return false;
	if (ni->cls & HTML_T_BLOCK) {
		html_flush(ctx);
		ctx->block = n;
	}
	if (ni->cls & HTML_T_HEAD)
		ctx->head = true;
	if (ni->kind == HTML_K_LI)
		ctx->item = true;
	return true;
}

/* Leaves n and every ancestor under root whose last child it is,
 * closing their paragraphs and the recipe's part; returns the node
 * written next, NULL when root is done. */
static xmlNode *
html_write_leave(struct html_ctx *ctx, xmlNode *n, xmlNode *root)
{
	while (n != NULL) {
		if (html_is_elem(n) && html_ni(n) != NULL &&
		    (html_ni(n)->cls & HTML_T_BLOCK) &&
		    html_ni(n)->kind != HTML_K_TD) {
			html_flush(ctx);
			ctx->block = n->parent;
		}
		if (n == ctx->recipe) {
			html_flush(ctx);
			ctx->recipe = NULL;
		}
		if (n == root)
			return NULL;
		if (n->next != NULL)
			return n->next;
		n = n->parent;
	}
	return NULL;
}

/* Step 5: writes the text of root as paragraphs into ctx->out, and
 * collects its images. */
void
html_write(struct html_ctx *ctx, xmlNode *root)
{
	xmlNode *n = root;

	ctx->block = root;
	ctx->pic = NULL;
	while (n != NULL) {
		bool descend = false;

		if (n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE)
			html_write_text(ctx, n);
		else if (html_is_elem(n) && html_ni(n) != NULL)
			descend = html_write_elem(ctx, n, root);
		if (descend && n->children != NULL) {
			n = n->children;
			continue;
		}
		n = html_write_leave(ctx, n, root);
	}
	html_flush(ctx);
}

/* Orders the texts of paragraphs a and b (qsort()). */
static int
html_cmp_text(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Visible characters of ctx's paragraphs of prose that write again the
 * text of another: every copy but one. */
static size_t
html_repeated_prose(const struct html_ctx *ctx)
{
	const char **t = xcalloc(ctx->n_paras + 1, sizeof(*t));
	size_t n = 0, rep = 0;

	for (size_t i = 0; i < ctx->n_paras; i++)
		if (html_pclass(&ctx->paras[i]) == HTML_P_GOOD)
			t[n++] = ctx->paras[i].text;
	qsort(t, n, sizeof(*t), html_cmp_text);
	for (size_t i = 1; i < n; i++)
		if (strcmp(t[i], t[i - 1]) == 0)
			rep += html_count_text(t[i], NULL);
	free(t);
	return rep;
}

/* Swaps ctx's paragraphs with those of *p (n of them, room for cap). */
static void
html_paras_swap(struct html_ctx *ctx, struct html_para **p, size_t *n,
    size_t *cap)
{
	struct html_para *tp = ctx->paras;
	size_t tn = ctx->n_paras, tc = ctx->cap_paras;

	ctx->paras = *p;
	ctx->n_paras = *n;
	ctx->cap_paras = *cap;
	*p = tp;
	*n = tn;
	*cap = tc;
}

/* Falls back to the prose of the whole page when the winning container
 * holds much less of it than the page has: content split over many
 * modules defeats a single container (a recipe's container, whose
 * ingredients are no prose, stays; so does the first of stacked stories,
 * the others' prose being theirs). A text the page writes more than
 * once (a server's warning in every box, a teaser repeated) counts
 * once: the winner is judged against the page's prose less its
 * repeats, which the page's paragraphs tell. Leaves the body in
 * ctx->out. */
void
html_choose(struct html_ctx *ctx, size_t won, size_t page_prose)
{
	struct html_para *box = NULL;
	size_t n = 0, cap = 0, rep;
	bool had_h1 = ctx->h1 != NULL;

	if ((double)won >= HTML_FALLBACK * (double)page_prose ||
	    ctx->recipe_box != NULL || ctx->story) {
		html_paras_trim(ctx);
		html_imgs_region(ctx);
		html_paras_join(ctx);
		html_paras_free(ctx);
		return;
	}
	/* the page's paragraphs, the winner's kept aside in box */
	html_paras_swap(ctx, &box, &n, &cap);
	ctx->no_images = true;
	html_write(ctx, ctx->body);
	rep = html_repeated_prose(ctx);
	HTML_DEBUG_MSG("page prose repeated %zu\n", rep);
	html_paras_swap(ctx, &box, &n, &cap);
	if (rep < page_prose &&
	    (double)won >= HTML_FALLBACK * (double)(page_prose - rep)) {
		if (!had_h1) {
			free(ctx->h1);
			ctx->h1 = NULL;
			ctx->h1_para = 0;
		}
		html_paras_trim(ctx);
	} else {
		html_paras_free(ctx);
		html_paras_swap(ctx, &box, &n, &cap);
		html_paras_filter(ctx);
		html_imgs_region(ctx);
	}
	html_paras_join(ctx);
	html_paras_free(ctx);
	/* the paragraphs left aside */
	html_paras_swap(ctx, &box, &n, &cap);
	html_paras_free(ctx);
}
