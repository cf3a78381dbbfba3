/* The HTML extractor's writer: paragraphs of the chosen container, the
 * prose filter and its edges, images with caption and credit. See
 * html_extract_int.h. */
#include <ctype.h>
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

/* Whether the paragraph s is a picture's caption with its credit after
 * a copyright sign ("Bundestagspräsidentin Bärbel Bas spricht ... © dpa
 * | Bernd von Jutrczenka"): a short tail after the last sign, ending no
 * sentence, with text before it. */
static bool
html_ends_in_credit(const char *s)
{
	size_t n = strlen(s);
	const char *c = s + n;

	/* the last sign, in one scan from the end */
	while (c - s >= 2 && !(c[-2] == '\xc2' && c[-1] == '\xa9'))
		c--;
	if (c - s < 2)
		return false;
	c -= 2;
	if (c == s || html_count_text(c, NULL) > HTML_CREDIT_TAIL)
		return false;
	return strchr(".!?", s[n - 1]) == NULL;
}

/* Whether text node n sits in emphasis (<b>, <strong>, <em>, <i>)
 * below its nearest block. */
static bool
html_in_emph(const xmlNode *n)
{
	static const char *const tags[] = { "b", "strong", "em", "i" };

	for (const xmlNode *p = n->parent; html_is_elem(p); p = p->parent) {
		const struct html_ni *pi = html_ni(p);

		if (pi == NULL || (pi->cls & HTML_T_BLOCK))
			return false;
		for (size_t i = 0; i < sizeof(tags) / sizeof(tags[0]); i++)
			if (strcmp((const char *)p->name, tags[i]) == 0)
				return true;
	}
	return false;
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
		p->head = ctx->head;
		p->item = ctx->item;
		p->keep = true;
		p->cont = ctx->cont;
		p->text = buf_take(&ctx->para);
		p->caption = !ctx->raw && !ctx->fragment &&
		    html_ends_in_credit(p->text);
		p->recipe = ctx->recipe != NULL;
		p->box = html_box(ctx->block);
		HTML_DEBUG_MSG("para %u/%u head %d: %s\n", p->len, p->link,
		    p->head, p->text);
	}
	ctx->para.len = 0;
	if (ctx->para.p != NULL)
		ctx->para.p[0] = '\0';
	ctx->space = false;
	ctx->link = 0;
	ctx->emph = 0;
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

/* Visible characters outside links that make a paragraph's own
 * sentence, about nine words: a label and its link ("Read more: ...",
 * "Get the app! ...") have fewer. */
#define HTML_OWN_WORDS 50

/* Paragraph classes of the filter, after jusText. */
enum html_pclass { HTML_P_BAD, HTML_P_SHORT, HTML_P_NEAR, HTML_P_GOOD };

static enum html_pclass
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
	    strchr("?!", p->text[n - 1]) != NULL)
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
	xmlNode *img = html_find_img(n);
	struct buf cap = { 0 }, credit = { 0 };
	char *url;
	bool space = false;

	if (img == NULL || ctx->a->n_images >= HTML_MAX_IMAGES)
		return;
	url = html_img_url(ctx, img);
	if (url == NULL)
		return;
	if (html_img_pixel(img, url)) {
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
				if (html_signals_cached(p, &ctx->sigs) &
				    HTML_S_CREDIT)
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
	if (credit.len == 0)
		html_split_credit(&cap, &credit);
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
 * for it to be a pitch (html_is_pitch()); of its closing link. */
#define HTML_PITCH_TEXT 800
#define HTML_PITCH_BUTTON 40

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
		    html_count_text((const char *)e->content, NULL) > 0) {
			found = e;
			if (!last)
				break;
		}
	return found;
}

/* Whether n's element siblings before it hold a paragraph of prose,
 * and those after it none: a box in the flow of the text, at its end. */
static bool
html_ends_flow(xmlNode *n)
{
	bool flow = false;

	for (xmlNode *s = n->prev; s != NULL && !flow; s = s->prev)
		flow = html_is_elem(s) && html_ni(s) != NULL &&
		    html_ni(s)->kind == HTML_K_P &&
		    html_ni(s)->own >= HTML_PROSE_OWN;
	for (xmlNode *s = n->next; flow && s != NULL; s = s->next)
		if (html_is_elem(s) && html_ni(s) != NULL && html_prose(s) > 0)
			return false;
	return flow;
}

/* Whether block n is a pitch set after the text: a box of its own
 * (no paragraph, list or heading) among the text's paragraphs with
 * none after it, of a few lines, that opens with a heading and closes
 * with a short link outside any paragraph, a button ("UN PÚBLICO
 * INFORMADO ... Hágase miembro ahora", "Something to Consider ...
 * LEARN MORE"). A section of the text in a box of its own has
 * paragraphs of the text beside it, in boxes too. */
static bool
html_is_pitch(xmlNode *n)
{
	const struct html_ni *ni = html_ni(n);
	const xmlNode *first, *last, *b;

	if (ni->kind != HTML_K_DIV && ni->kind != HTML_K_SECTION)
		return false;
	if (ni->text == 0 || ni->text > HTML_PITCH_TEXT)
		return false;
	first = html_text_at(n, false);
	if (first == NULL || (b = html_block_of(first)) == NULL ||
	    !(html_ni(b)->cls & HTML_T_HEAD) || html_ni(b)->kind == HTML_K_H1)
		return false;
	last = html_text_at(n, true);
	b = html_block_of(last);
	if (b == NULL || html_ni(b)->kind == HTML_K_P ||
	    html_ni(b)->kind == HTML_K_LI || (html_ni(b)->cls & HTML_T_HEAD))
		return false;
	for (b = last->parent; html_is_elem(b) && b != n; b = b->parent)
		if (html_ni(b) != NULL && html_ni(b)->kind == HTML_K_A)
			return html_ni(b)->text < HTML_PITCH_BUTTON &&
			    html_ends_flow(n);
	return false;
}

/* Whether n is a definition list of one term, a label ending in a
 * colon, and one short value: a note on the text ("Фото: личный архив
 * ...", "Source: ..."), written and left out as a caption. A glossary
 * or a table of facts has more pairs, or terms without colons. */
static bool
html_is_label_pair(xmlNode *n)
{
	xmlNode *dt = NULL, *dd = NULL;
	struct buf t = { 0 };
	bool label;

	if (strcmp((const char *)n->name, "dl") != 0)
		return false;
	for (xmlNode *c = n->children; c != NULL; c = c->next) {
		if (!html_is_elem(c) || html_ni(c) == NULL)
			continue;
		if (dt == NULL && strcmp((const char *)c->name, "dt") == 0)
			dt = c;
		else if (dt != NULL && dd == NULL &&
		    strcmp((const char *)c->name, "dd") == 0)
			dd = c;
		else
			return false;
	}
	if (dd == NULL || html_ni(dt)->text == 0 ||
	    html_ni(dd)->text > HTML_CREDIT_TAIL)
		return false;
	html_text_of(dt, &t);
	html_trim(&t);
	label = t.len > 0 && t.p[t.len - 1] == ':';
	buf_free(&t);
	return label;
}

/* Whether the writer skips element n (not the root of the write): teaser
 * cards of other stories, and link lists unless they hold real prose (a
 * wrapper of a link-heavy page may hold the article too). */
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
	 * outside its links make a sentence (HTML_OWN_WORDS) is prose
	 * that links a clause ("... but was [re-opened earlier this
	 * year following his eviction]."), no link box */
	if (ni->kind == HTML_K_P && ld > 0.5)
		return ni->text - ni->link < HTML_OWN_WORDS;
	if (ld > 0.5)
		return html_prose(n) < 200;
	return false;
}

/* Step 5: writes the text of root as paragraphs into ctx->out, and
 * collects its images. */
void
html_write(struct html_ctx *ctx, xmlNode *root)
{
	xmlNode *n = root;

	ctx->block = root;
	while (n != NULL) {
		struct html_ni *ni;
		bool descend = true;

		if (n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE) {
			if (n->content != NULL) {
				html_append_text(&ctx->para,
				    (const char *)n->content, &ctx->space);
				unsigned len = html_count_text(
				    (const char *)n->content, NULL);

				if (html_in_link(n))
					ctx->link += len;
				if (html_in_emph(n))
					ctx->emph += len;
			}
			goto next;
		}
		if (!html_is_elem(n) || html_ni(n) == NULL) {
			descend = false;
			goto next;
		}
		ni = html_ni(n);
		switch (ni->kind) {
		case HTML_K_BR:
			html_flush(ctx);
			ctx->cont = true;
			goto next;
		case HTML_K_HR:
			html_flush(ctx);
			goto next;
		case HTML_K_H1:
			if (ctx->h1 == NULL) {
				struct buf t = { 0 };

				html_text_of(n, &t);
				html_trim(&t);
				if (t.len > 0)
					ctx->h1 = buf_take(&t);
				buf_free(&t);
			}
			html_flush(ctx);
			descend = false;
			goto next;
		case HTML_K_FIGURE:
			if (html_figure_is_content(n))
				break;
			/* FALLTHROUGH */
		case HTML_K_PICTURE:
		case HTML_K_IMG:
			if (!ctx->no_images)
				html_add_image(ctx, n);
			descend = false;
			goto next;
		case HTML_K_FIGCAPTION:
			if (html_in_content_figure(n))
				break;
			descend = false;
			goto next;
		case HTML_K_TD:
			ctx->space = true;
			goto next;
		default:
			break;
		}
		if ((ni->caption || ni->form || (n != root &&
		    (html_is_pitch(n) || html_is_label_pair(n)))) &&
		    !ctx->raw && !ctx->fragment) {
			/* written, and left out: the edges of the text are
			 * judged with it */
			size_t had;

			html_flush(ctx);
			had = ctx->n_paras;
			html_text_of(n, &ctx->para);
			html_flush(ctx);
			if (ctx->n_paras > had)
				ctx->paras[had].caption = true;
			descend = false;
			goto next;
		}
		/* a recipe's part (its ingredients, its steps) is written
		 * whole, whatever its links and the shape of its lines */
		if (ctx->recipe == NULL && (ni->sig & HTML_S_RECIPE) &&
		    !ctx->raw && !ctx->fragment) {
			html_flush(ctx);
			ctx->recipe = n;
		}
		if (n != root && !ctx->raw && ctx->recipe == NULL &&
		    html_skip(n)) {
			HTML_DEBUG_NODE("skipped", n);
			descend = false;
			if (ni->cls & HTML_T_BLOCK)
				html_flush(ctx);
			html_drop_label(ctx);
			goto next;
		}
		if (ni->cls & HTML_T_BLOCK) {
			html_flush(ctx);
			ctx->block = n;
		}
		if (ni->cls & HTML_T_HEAD)
			ctx->head = true;
		if (ni->kind == HTML_K_LI)
			ctx->item = true;
next:
		if (descend && html_is_elem(n) && n->children != NULL) {
			n = n->children;
			continue;
		}
		/* leave n and every ancestor whose last child it is */
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
			if (n == root) {
				n = NULL;
				break;
			}
			if (n->next != NULL) {
				n = n->next;
				break;
			}
			n = n->parent;
		}
	}
	html_flush(ctx);
}

/* Whether p, before the first paragraph of prose, is a kicker or a
 * section label ("Aktuell", "Kategorie: News"): short, no sentence. */
static bool
html_is_kicker(const struct html_para *p)
{
	size_t n = strlen(p->text);

	if (html_pclass(p) != HTML_P_SHORT || p->len >= 30 || n == 0)
		return false;
	return strchr(".!?\"", p->text[n - 1]) == NULL;
}

/* Capital letters of a line in capitals, at least (html_is_shout()). */
#define HTML_SHOUT_CAPS 8

/* Whether p is written in capitals: a banner or a notice set over the
 * text ("GET BREAKING NEWS IN YOUR BROWSER. CLICK HERE..."), no prose.
 * Only Latin letters are judged; a text in another script that names
 * acronyms is no shout. */
static bool
html_is_shout(const struct html_para *p)
{
	unsigned upper = 0, other = 0;

	for (const unsigned char *s = (const unsigned char *)p->text;
	    *s != '\0'; s++) {
		if (*s >= 'a' && *s <= 'z')
			return false;
		if (*s >= 'A' && *s <= 'Z')
			upper++;
		else if (*s >= 0xc0)
			other++;
	}
	return upper >= HTML_SHOUT_CAPS && other * 4 < upper;
}

/* Whether p, however much of it is linked, holds a sentence of its own
 * words ("The findings were published today in <a>the journal BMJ Case
 * Reports</a>."): no link line. */
static bool
html_has_own_words(const struct html_para *p)
{
	return p->len - p->link >= HTML_OWN_WORDS;
}

/* Whether p ends a sentence: its last character is a full stop, a
 * question or exclamation mark, a closing quote or bracket, in ASCII or
 * in the forms of other scripts (CJK, Arabic, Devanagari, typographic
 * quotes). */
static bool
html_ends_sentence(const struct html_para *p)
{
	/* 。！？ 」»« “”’ …؟। */
	static const char *const ends[] = {
		"\xe3\x80\x82", "\xef\xbc\x81", "\xef\xbc\x9f",
		"\xe3\x80\x8d", "\xc2\xbb", "\xc2\xab",
		"\xe2\x80\x9c", "\xe2\x80\x9d", "\xe2\x80\x99",
		"\xe2\x80\xa6", "\xd8\x9f", "\xe0\xa5\xa4",
	};
	size_t n = strlen(p->text);
	const char *e = p->text + n;

	if (n == 0)
		return false;
	if ((unsigned char)e[-1] < 0x80)
		return strchr(".!?\"')", e[-1]) != NULL;
	while (e > p->text + 1 && ((unsigned char)e[-1] & 0xc0) == 0x80)
		e--;
	for (size_t i = 0; i < sizeof(ends) / sizeof(ends[0]); i++)
		if (strcmp(e - 1, ends[i]) == 0)
			return true;
	return false;
}

/* Lines in a row that end no sentence from which on they are a list
 * (results, dates, specifications), not a note under the text. */
#define HTML_LIST_RUN 4

/* Whether p, after the last paragraph of prose (GOOD), is a note, a
 * credit or a call to action ("Text: ...", "Photo credits ...", "Help
 * us spread the word"): a line of NEAR length that ends no sentence,
 * neither a heading (the label rules judge those) nor a list item, nor
 * one of a run of such lines (run: the length of its run). */
static bool
html_is_tail_note(const struct html_para *p, size_t run)
{
	return !p->head && !p->item && html_pclass(p) == HTML_P_NEAR &&
	    !html_ends_sentence(p) && run < HTML_LIST_RUN;
}

/* Whether p, a short line after the last paragraph of prose, is the
 * text's signature ("x Franzi", "Euer HansEhrlich"): a name, no
 * sentence ("Sharing is caring!"), unlinked, in the box of the last
 * long paragraph (good), as the text's paragraphs are; the page's lines
 * after a text (tags, "Share", categories) sit in boxes of their own. */
static bool
html_is_signature(const struct html_ctx *ctx, const struct html_para *p,
    size_t good)
{
	return good < ctx->n_paras && p->link == 0 && p->box != NULL &&
	    p->box == ctx->paras[good].box && !html_ends_sentence(p);
}

/* Drops, at the edges of the winner, the link lines and kickers before
 * the first paragraph that reads as prose and the short lines and link
 * lines after the last one (but a signature): breadcrumbs, bylines,
 * "Share", "Tags: ..."; and after the last long paragraph, the notes
 * under the text. */
static void
html_paras_edges(struct html_ctx *ctx)
{
	size_t first = ctx->n_paras, last = 0, good = ctx->n_paras;
	size_t *run;

	for (size_t i = 0; i < ctx->n_paras; i++) {
		if (html_pclass(&ctx->paras[i]) >= HTML_P_NEAR) {
			if (first == ctx->n_paras && !ctx->paras[i].caption &&
			    !html_is_shout(&ctx->paras[i]))
				first = i;
			last = i;
		}
		if (html_pclass(&ctx->paras[i]) == HTML_P_GOOD)
			good = i;
	}
	if (first == ctx->n_paras)
		return;
	/* the length of the run of lines ending no sentence around each */
	run = xcalloc(ctx->n_paras + 1, sizeof(*run));
	for (size_t i = 0, j; i < ctx->n_paras; i = j) {
		for (j = i; j < ctx->n_paras &&
		    !html_ends_sentence(&ctx->paras[j]); j++)
			;
		for (size_t k = i; k < j; k++)
			run[k] = j - i;
		if (j == i)
			j++;
	}
	for (size_t i = 0; i < ctx->n_paras; i++) {
		struct html_para *p = &ctx->paras[i];

		if (p->recipe)
			continue;
		if (good < ctx->n_paras && i > good &&
		    html_is_tail_note(p, run[i]))
			p->keep = false;
		if (p->head)
			continue;
		if (i < first && ((html_pclass(p) == HTML_P_BAD &&
		    !html_has_own_words(p)) || html_is_kicker(p) ||
		    html_is_shout(p)))
			p->keep = false;
		if (i > last && html_pclass(p) <= HTML_P_SHORT &&
		    !html_has_own_words(p) && !html_is_signature(ctx, p,
		    good))
			p->keep = false;
	}
	free(run);
}

/* Drops the link lines that end the text ("Continue reading...") when
 * there is text before them. */
void
html_paras_links_after(struct html_ctx *ctx)
{
	while (ctx->n_paras > 1 &&
	    html_pclass(&ctx->paras[ctx->n_paras - 1]) == HTML_P_BAD) {
		free(ctx->paras[ctx->n_paras - 1].text);
		ctx->n_paras--;
	}
}

/* Visible characters of a paragraph from which its text, written twice
 * in a row, is a repeat. */
#define HTML_REPEAT_MIN 50

/* Whether p holds the headline title and, besides it, links only: a
 * breadcrumb trail that ends in the headline ("Home Sport News
 * BREAKING NEWS: ..."). */
static bool
html_is_trail(const struct html_para *p, const char *title)
{
	return strstr(p->text, title) != NULL &&
	    p->len - p->link <= html_count_text(title, NULL);
}

/* Marks the paragraphs that repeat: a text written twice or more in a
 * row, every copy (a gallery's caption in its long and short forms; an
 * author writes a paragraph once, a repeat is the page's machinery for
 * two screens), and the headline written again, alone or at the end of
 * a trail of links (a gallery's or a share box's title, a breadcrumb:
 * the body is the article after its title). Marked as
 * captions: written and left out, so that the edges of the text are
 * judged with them. */
static void
html_paras_repeated(struct html_ctx *ctx)
{
	const char *title = ctx->a->title;

	for (size_t i = 0; i < ctx->n_paras; i++) {
		struct html_para *q = &ctx->paras[i];
		struct html_para *p = i > 0 ? q - 1 : NULL;

		if (title != NULL && (strcmp(q->text, title) == 0 ||
		    html_is_trail(q, title))) {
			HTML_DEBUG_MSG("headline: %s\n", q->text);
			q->caption = true;
		}
		if (p == NULL || q->len < HTML_REPEAT_MIN ||
		    q->len != p->len || strcmp(p->text, q->text) != 0)
			continue;
		HTML_DEBUG_MSG("repeated: %s\n", q->text);
		p->caption = q->caption = true;
	}
}

/* Characters of a date line besides its date, at most ("Published",
 * "Updated |"). */
#define HTML_DATE_WORDS 20

/* Whether p is the article's byline or date line: a line shorter than a
 * paragraph of prose that ends no sentence and names an author the
 * metadata gave ("Meg Kinnard and Errin Haines, Associated Press"), or
 * holds a full date and few words besides ("Published 11:11 PM EST Nov
 * 19, 2019"). */
static bool
html_is_meta_line(const struct html_ctx *ctx, const struct html_para *p)
{
	struct nw_time t;
	size_t n = strlen(p->text), at, span;

	if (p->head || p->item || p->len >= HTML_PROSE_OWN ||
	    html_ends_sentence(p))
		return false;
	if (html_names_author(ctx, p->text))
		return true;
	return date_find(p->text, n, &t, &at, &span) == 0 &&
	    n - span <= HTML_DATE_WORDS;
}

/* Marks the byline and date lines over the article's first paragraph of
 * prose (the lede), as captions: written and left out, so that what
 * sits between them and the lede (a gallery's counter, "Close") goes
 * as kickers. */
static void
html_paras_lead_meta(struct html_ctx *ctx)
{
	for (size_t i = 0; i < ctx->n_paras; i++) {
		struct html_para *p = &ctx->paras[i];

		if (p->caption || p->recipe)
			continue;
		if (html_pclass(p) == HTML_P_GOOD)
			break;
		if (html_is_meta_line(ctx, p)) {
			HTML_DEBUG_MSG("meta line: %s\n", p->text);
			p->caption = true;
		}
	}
}

/* Paragraphs under the last heading of the text, at most, for them to be
 * a box about the author. */
#define HTML_AUTHOR_TAIL 3

bool
html_names_author(const struct html_ctx *ctx, const char *text)
{
	for (size_t i = 0; text != NULL && i < ctx->a->authors.n; i++)
		if (strcasestr(text, ctx->a->authors.v[i]) != NULL)
			return true;
	return false;
}

/* Leaves out the box about the author that ends the text: the last
 * heading and at most HTML_AUTHOR_TAIL paragraphs under it, when the
 * heading or one of them names an author the metadata gave ("Über
 * Moritz Bachmann" and his biography). */
static void
html_paras_author_tail(struct html_ctx *ctx)
{
	size_t h = ctx->n_paras;
	bool names = false;

	for (size_t i = ctx->n_paras; i > 0 && ctx->n_paras - i <
	    HTML_AUTHOR_TAIL + 1; i--)
		if (ctx->paras[i - 1].head) {
			h = i - 1;
			break;
		}
	if (h == ctx->n_paras || h == 0)
		return;
	for (size_t i = h; i < ctx->n_paras; i++)
		names = names ||
		    html_names_author(ctx, ctx->paras[i].text);
	for (size_t i = h; names && i < ctx->n_paras; i++) {
		HTML_DEBUG_MSG("author's box: %s\n", ctx->paras[i].text);
		ctx->paras[i].caption = true;
	}
}

/* Whether byte c may sit inside a word: an ASCII letter or digit, or a
 * byte of a UTF-8 sequence. */
static bool
html_word_byte(char c)
{
	unsigned char u = (unsigned char)c;

	return u >= 0x80 || isalnum(u);
}

/* Characters of an outlet's name below which it is no signal: as a
 * word, and as the opening of a handle (a name of three letters names
 * its own account, "@BGRDeals", but as a word is the source a report
 * quotes, "..., she told CNN.", as often as the outlet's pitch). */
#define HTML_OUTLET_MIN 4
#define HTML_OUTLET_HANDLE_MIN 3

/* Whether text names the outlet (name, as the metadata gave it) as a
 * word of its own, in its own case ("Join our Space Forums"; not "in
 * space"), or opens a handle with it, its account ("Follow us on
 * Twitter @Spacedotcom"; not "@NASASpace"). */
static bool
html_names_outlet(const char *text, const char *name)
{
	size_t n = strlen(name);

	for (const char *s = strstr(text, name); s != NULL;
	    s = strstr(s + 1, name)) {
		if (s > text && s[-1] == '@')
			return true;
		if (n >= HTML_OUTLET_MIN &&
		    (s == text || !html_word_byte(s[-1])) &&
		    !html_word_byte(s[n]))
			return true;
	}
	return false;
}

/* Leaves out the paragraphs that end the text and name the outlet: the
 * site's pitch, its notes and calls to follow it ("Join our Space
 * Forums...", "FinCompare wurde als geprüftes Vergleichsportal...").
 * A text that names its own outlet in its closing lines ("..., she
 * told the Daily News.") loses them: the risk taken. */
static void
html_paras_outlet_tail(struct html_ctx *ctx)
{
	const char *name = ctx->a->publisher;

	if (name == NULL || strlen(name) < HTML_OUTLET_HANDLE_MIN)
		return;
	for (size_t i = ctx->n_paras; i > 1; i--) {
		struct html_para *p = &ctx->paras[i - 1];

		if (!p->keep || p->caption || p->recipe)
			continue;
		if (!html_names_outlet(p->text, name))
			break;
		HTML_DEBUG_MSG("outlet's note: %s\n", p->text);
		p->keep = false;
	}
}

/* Falls back to the prose of the whole page when the winning container
 * holds much less of it than the page has: content split over many
 * modules defeats a single container (a recipe's container, whose
 * ingredients are no prose, stays; so does the first of stacked stories,
 * the others' prose being theirs). Leaves the body in ctx->out. */
void
html_choose(struct html_ctx *ctx, size_t won, size_t page_prose)
{
	bool whole = (double)won < HTML_FALLBACK * (double)page_prose &&
	    ctx->recipe_box == NULL && !ctx->story;

	if (!whole) {
		html_paras_repeated(ctx);
		html_paras_lead_meta(ctx);
		html_paras_author_tail(ctx);
		html_paras_edges(ctx);
		html_paras_outlet_tail(ctx);
	}
	if (whole) {
		html_paras_free(ctx);
		ctx->no_images = true;
		html_write(ctx, ctx->body);
		html_paras_filter(ctx);
	}
	html_paras_join(ctx);
	html_paras_free(ctx);
}
