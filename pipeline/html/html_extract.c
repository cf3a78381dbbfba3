/* Main-content extraction from HTML pages over libxml2's HTML tree.
 *
 * The page is parsed; one walk reads its metadata (html_meta_enter()) and
 * counts its content, and then:
 *  1. script, style, form controls and other non-content are dropped;
 *  2. text statistics are computed for every element (visible characters,
 *     characters inside links, paragraph text, commas);
 *  3. page furniture (nav, aside, header, footer) and elements whose class,
 *     id or role mark boilerplate or hidden content are dropped, unless
 *     they hold a large share of the page's paragraph text; the teaser
 *     cards of other stories (a linked title, a short blurb) are marked;
 *  4. every block of text scores its ancestors (length, commas), the
 *     scores are weighed by tag, class signals and link density, and the
 *     best container wins; it climbs to ancestors that add little, and
 *     siblings that score well or read as prose are merged in;
 *  5. the winner is written out as paragraphs, skipping link lists, cards,
 *     captions, credit lines, cookie notices and the labels ("Read more:")
 *     of skipped blocks; figures and images are collected with caption and
 *     credit;
 *  6. when the winner holds under HTML_FALLBACK of the page's prose (an
 *     article split over many modules), the whole page is written instead
 *     and filtered paragraph by paragraph, after jusText: long paragraphs
 *     with few links, and the shorter ones next to them.
 * Every walk is iterative (html_next()), so nesting depth costs no stack.
 */
#include "html_extract.h"

#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#include "html_dom.h"
#include "html_extract_int.h"
#include "html_meta.h"
#include "html_rec.h"
#include "html_strip.h"

/* Start tags a page may hold before it is refused unparsed: libxml2's
 * tree costs a few hundred bytes a node, so a page of a million links
 * would take 900 MB and 40 s; at this limit, about 225 MB and 3 s. The
 * largest page of the corpus has under 10,000; 100,000 nested <b><i>
 * (tests/html) stay under it. */
#define HTML_MAX_ELEMENTS 250000

#ifdef HTML_DEBUG
/* Builds with -DHTML_DEBUG trace the extractor's choices on stderr. */
void
html_debug(const char *what, const xmlNode *n)
{
	const struct html_ni *ni = n != NULL ? n->_private : NULL;
	const char *id = n != NULL ? html_attr(n, "id") : NULL;
	const char *cls = n != NULL ? html_attr(n, "class") : NULL;

	if (ni == NULL) {
		fprintf(stderr, "html: %s: -\n", what);
		return;
	}
	struct buf t = { 0 };

	html_text_of(n, &t);
	for (size_t i = 0; i < t.len; i++)
		if (t.p[i] == '\n' || t.p[i] == '\t')
			t.p[i] = ' ';
	fprintf(stderr, "html: %s: <%s id=%.40s class=%.60s> score %.1f "
	    "text %u link %u ptext %u sig %x TEXT %s\n", what,
	    (const char *)n->name, id ? id : "", cls ? cls : "", ni->score,
	    ni->text, ni->link, ni->ptext, ni->sig, t.p ? t.p : "");
	buf_free(&t);
}
#endif

/* Unlinks and frees n. */
void
html_remove(xmlNode *n)
{
	xmlUnlinkNode(n);
	html_tree_free(n);
}

/* Step 1, in the first statistics walk: whether n, a node under root,
 * is dropped as non-content (script, style, form controls and the like,
 * comments, processing instructions). */
static bool
html_dropped(const xmlNode *n, const xmlNode *root, unsigned cls)
{
	if (n == root)
		return false;
	if (n->type == XML_ELEMENT_NODE)
		return (cls & HTML_T_DROP) != 0;
	return n->type != XML_TEXT_NODE && n->type != XML_CDATA_SECTION_NODE;
}

/* Whether dropped element n, of kind k, is a form control a reader
 * fills in (HTML_K_CONTROL; not a button: toolbars are made of them)
 * set apart from any text: no text beside it in its parent (a task
 * list's checkbox sits in its item's line). */
static bool
html_is_control(const xmlNode *n, enum html_kind k)
{
	if (k != HTML_K_CONTROL)
		return false;
	for (const xmlNode *s = n->parent->children; s != NULL; s = s->next)
		if (s->type == XML_TEXT_NODE && s->content != NULL &&
		    html_count_text((const char *)s->content, NULL) > 0)
			return false;
	return true;
}

/* Ends the statistics of element n, whose subtree has been counted:
 * text in links and paragraphs, the text it owns as a block, and its sums
 * added to its parent's (unless n is root). */
/* Marks the <article> around headline h (struct html_ni's headed). */
static void
html_mark_headed(xmlNode *h)
{
	for (xmlNode *p = h->parent; html_is_elem(p); p = p->parent) {
		struct html_ni *pi = html_ni(p);

		if (pi != NULL && pi->kind == HTML_K_ARTICLE) {
			pi->headed = true;
			return;
		}
	}
}

static void
html_stats_leave(xmlNode *n, const xmlNode *root)
{
	struct html_ni *ni = html_ni(n), *pi;

	if (ni == NULL)
		return;
	if (ni->kind == HTML_K_A) {
		ni->link = ni->text;
		ni->un_link = ni->un;
	}
	if (ni->cls & HTML_T_PTEXT)
		ni->ptext = ni->text;
	if (ni->kind == HTML_K_ARTICLE)
		ni->articles++;
	if (ni->kind == HTML_K_H1 && ni->text > 0) {
		html_mark_headed(n);
		ni->h1s++;
	}
	if (ni->cls & HTML_T_BLOCK) {
		ni->own = ni->un;
		ni->own_link = ni->un_link;
		ni->commas = ni->un_commas;
		ni->un = ni->un_link = ni->un_commas = 0;
	}
	if (ni->own >= HTML_PROSE_OWN && ni->own_link * 3 < ni->own)
		ni->prose += ni->own;
	if (n == root || !html_is_elem(n->parent))
		return;
	pi = html_ni(n->parent);
	if (pi == NULL)
		return;
	if (ni->control && ni->text == 0)
		pi->control = true;
	pi->text += ni->text;
	pi->link += ni->link;
	pi->ptext += ni->ptext;
	pi->articles += ni->articles;
	pi->h1s += ni->h1s;
	pi->un += ni->un;
	pi->un_link += ni->un_link;
	pi->un_commas += ni->un_commas;
	/* a form's prose (html_prune()) is the reader's, left out
	 * wherever it is: no container's */
	if (!ni->form)
		pi->prose += ni->prose;
}

/* Zeroes the sums of ni, for a walk of the statistics. */
static void
html_ni_reset(struct html_ni *ni)
{
	ni->text = ni->link = ni->ptext = 0;
	ni->own = ni->own_link = ni->commas = 0;
	ni->articles = ni->h1s = 0;
	ni->un = ni->un_link = ni->un_commas = 0;
	ni->prose = 0;
}

/* Whether n, a node under root, is text that the statistics count. */
static inline bool
html_text_counted(const xmlNode *n, const xmlNode *root)
{
	return (n->type == XML_TEXT_NODE ||
	    n->type == XML_CDATA_SECTION_NODE) && n->content != NULL &&
	    html_is_elem(n->parent) && html_ni(n->parent) != NULL &&
	    n != root && !html_ni(n->parent)->caption;
}

/* Adds text node n's count tc to its parent's. */
static void
html_stats_text(const xmlNode *n, const struct html_tc *tc)
{
	struct html_ni *pi = html_ni(n->parent);

	pi->text += tc->len;
	pi->un += tc->len;
	pi->un_commas += tc->commas;
}

/* Step 2 again (the first is html_stats_first()): recomputes the
 * statistics of every element under ctx->body, keeping their tag classes
 * and signals, in one walk that adds each subtree's sums to its parent on
 * the way out. Text owned by a block is the text whose nearest block
 * ancestor it is. */
static void
html_stats(struct html_ctx *ctx)
{
	xmlNode *root = ctx->body;
	xmlNode *n = root;

	while (n != NULL) {
		if (n->type == XML_ELEMENT_NODE) {
			struct html_ni *ni = n->_private;

			if (ni != NULL) {
				ni->score = 0;
				ni->cand = false;
				html_ni_reset(ni);
			}
			if (n->children != NULL) {
				n = n->children;
				continue;
			}
			html_stats_leave(n, root);
		} else if (html_text_counted(n, root)) {
			struct html_tc *tc = n->_private, one;

			if (tc == NULL) {
				tc = &one;
				tc->len = html_count_text((const char *)
				    n->content, &tc->commas);
			}
			html_stats_text(n, tc);
		}
		/* leave n's ancestors whose last child it is */
		while (n != root && n->next == NULL) {
			n = n->parent;
			html_stats_leave(n, root);
		}
		n = n == root ? NULL : n->next;
	}
}

/* Step 2, first: the statistics' part of the first walk
 * (html_walk_first()) at n, a node under ctx->body that no dropped node
 * holds: an element gets its tag class, signals and struct html_ni (1:
 * its children are to be counted), a text node its count (0); a node
 * dropped as non-content (step 1, html_dropped()) goes to ctx->drops, to
 * be removed once the metadata is read (-1). */
static int
html_stats_first(struct html_ctx *ctx, xmlNode *n)
{
	const struct html_rec *r = html_rec_of(n);
	enum html_kind k = HTML_K_OTHER;
	struct html_ni *ni;
	struct html_tc *tc;
	unsigned cls = 0;

	/* an element's tag class and signals: from its record (html_rec.h),
	 * without reading its name and attributes */
	if (r != NULL) {
		cls = r->tcls;
		k = (enum html_kind)r->kind;
	} else if (n->type == XML_ELEMENT_NODE) {
		cls = html_tag_class(n->name, &k);
	}
	if (html_dropped(n, ctx->body, cls)) {
		if (ctx->n_drops == ctx->cap_drops) {
			ctx->cap_drops = ctx->cap_drops ? 2 * ctx->cap_drops :
			    64;
			ctx->drops = xrealloc(ctx->drops, ctx->cap_drops *
			    sizeof(*ctx->drops));
		}
		ctx->drops[ctx->n_drops++] = n;
		if (n->type == XML_ELEMENT_NODE && html_ni(n->parent) != NULL &&
		    html_is_control(n, k))
			html_ni(n->parent)->control = true;
		return -1;
	}
	if (n->type != XML_ELEMENT_NODE) {
		/* text or CDATA (html_dropped()) in a kept element, no
		 * caption yet: html_text_counted() holds with content */
		if (n->content == NULL)
			return 0;
		tc = arena_zero(&ctx->mem, sizeof(*tc));
		n->_private = tc;
		tc->len = html_count_text((const char *)n->content,
		    &tc->commas);
		html_stats_text(n, tc);
		return 0;
	}
	ni = arena_zero(&ctx->mem, sizeof(*ni));
	ni->cls = cls;
	ni->kind = k;
	ni->sig = r != NULL && r->sig != HTML_REC_NOSIG ? r->sig :
	    html_signals_cached(n, &ctx->sigs);
	if (ni->sig & HTML_S_RECIPE)
		ctx->recipe_seen = true;
	n->_private = ni;
	return 1;
}

/* Where the first walk (html_walk_first()) is. */
struct html_walk {
	struct html_meta *m;
	xmlNode *moff;    /* the element whose children the metadata's
	                     walk leaves out, or NULL */
	xmlNode *soff;    /* the dropped node under which nothing is
	                     counted, or NULL */
	bool in_body;     /* under ctx->body */
	int depth;        /* levels below the root element */
};

/* Enters n: returns whether its children are walked. */
static bool
html_walk_enter(struct html_ctx *ctx, struct html_walk *w, xmlNode *n)
{
	bool down = false;
	int kept;

	if (n == ctx->body)
		w->in_body = true;
	if (n->type == XML_ELEMENT_NODE && n->name[0] == 's' &&
	    strcmp((const char *)n->name, "script") == 0)
		html_keep_ld_recipe(ctx, n);
	if (n->type == XML_ELEMENT_NODE && w->moff == NULL) {
		down = html_meta_enter(w->m, n, w->depth);
		if (!down)
			w->moff = n;
	}
	if (w->in_body && w->soff == NULL) {
		kept = html_stats_first(ctx, n);
		if (kept < 0)
			w->soff = n;
		down = down || kept > 0;
	}
	return down;
}

/* Leaves n, whose children are done. */
static void
html_walk_leave(struct html_ctx *ctx, struct html_walk *w, xmlNode *n)
{
	if (n->type == XML_ELEMENT_NODE) {
		if (w->moff == NULL || w->moff == n)
			html_meta_leave(w->m, n);
		if (w->in_body && w->soff == NULL)
			html_stats_leave(n, ctx->body);
	}
	if (w->moff == n)
		w->moff = NULL;
	if (w->soff == n)
		w->soff = NULL;
	if (n == ctx->body)
		w->in_body = false;
}

/* The first walk: the metadata's (html_meta_enter()) and the first of
 * the statistics (html_stats_first()) in one pass over the page, the
 * root element and its following siblings down, in document order; a
 * walk of each missed the cache at every node. The tree is left whole
 * for the metadata's decisions, which read it again: the nodes to drop
 * are in ctx->drops. Iterative, so that nesting depth costs no stack. */
static void
html_walk_first(struct html_ctx *ctx, struct html_meta *m)
{
	struct html_walk w = { .m = m };
	xmlNode *n = xmlDocGetRootElement(ctx->doc);

	while (n != NULL) {
		if (html_walk_enter(ctx, &w, n) && n->children != NULL) {
			n = n->children;
			w.depth++;
			continue;
		}
		html_walk_leave(ctx, &w, n);
		while (n->next == NULL && w.depth > 0) {
			n = n->parent;
			w.depth--;
			html_walk_leave(ctx, &w, n);
		}
		n = n->next;
	}
}

/* Step 1: removes the nodes the first walk dropped. */
static void
html_drop_listed(struct html_ctx *ctx)
{
	for (size_t i = 0; i < ctx->n_drops; i++)
		html_remove(ctx->drops[i]);
	free(ctx->drops);
	ctx->drops = NULL;
	ctx->n_drops = ctx->cap_drops = 0;
}

static xmlNode *
html_find_body(xmlDoc *doc)
{
	xmlNode *root = xmlDocGetRootElement(doc);

	if (root == NULL)
		return NULL;
	for (xmlNode *n = root->children; n != NULL; n = n->next)
		if (html_is_elem(n) && strcmp((const char *)n->name,
		    "body") == 0)
			return n;
	return root;
}

/* The text of the first <h1> under root, or NULL. */
static char *
html_first_h1(xmlNode *root)
{
	for (xmlNode *n = root; n != NULL; n = html_next(n, root, true)) {
		struct buf t = { 0 };

		if (!html_is_elem(n) || strcmp((const char *)n->name, "h1"))
			continue;
		html_text_of(n, &t);
		html_trim(&t);
		if (t.len > 0)
			return buf_take(&t);
		buf_free(&t);
	}
	return NULL;
}

/* A body shorter than this (visible characters) is checked against the
 * JSON-LD articleBody: pages that render their text with scripts leave
 * little of it in the markup. */
#define HTML_LD_BODY_SHORT 500

/* Keeps in *best the longest articleBody string under v, HTML_LD_DEPTH
 * levels deep at most. */
#define HTML_LD_DEPTH 8

static void
html_ld_body_in(json_t *v, int depth, const char **best)
{
	const char *key;
	json_t *e;
	size_t i;

	if (depth > HTML_LD_DEPTH)
		return;
	if (json_is_object(v)) {
		json_object_foreach(v, key, e) {
			if (strcmp(key, "articleBody") == 0 &&
			    json_is_string(e) && (*best == NULL ||
			    strlen(json_string_value(e)) > strlen(*best)))
				*best = json_string_value(e);
			else
				html_ld_body_in(e, depth + 1, best);
		}
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, e)
			html_ld_body_in(e, depth + 1, best);
	}
}

/* Step 7: when the body written is short and the page's JSON-LD carries
 * an articleBody over twice as long, the articleBody becomes the body,
 * one paragraph per line. */
static void
html_ld_body(struct html_ctx *ctx)
{
	xmlNode *root = xmlDocGetRootElement(ctx->doc);
	unsigned have = ctx->out.len ? html_count_text(ctx->out.p, NULL) : 0;
	struct buf body = { 0 };
	json_t *best_doc = NULL;
	const char *best = NULL;

	if (have >= HTML_LD_BODY_SHORT || root == NULL)
		return;
	for (xmlNode *n = root; n != NULL; n = html_next(n, root, true)) {
		const char *type;
		const char *found = NULL;
		json_t *v;

		if (!html_is_elem(n) || strcmp((const char *)n->name,
		    "script") != 0)
			continue;
		type = html_attr(n, "type");
		if (type == NULL || strstr(type, "ld+json") == NULL ||
		    n->children == NULL || n->children->content == NULL)
			continue;
		v = json_loads((const char *)n->children->content,
		    JSON_DISABLE_EOF_CHECK | JSON_DECODE_ANY, NULL);
		if (v == NULL)
			continue;
		html_ld_body_in(v, 0, &found);
		if (found != NULL && (best == NULL ||
		    strlen(found) > strlen(best))) {
			json_decref(best_doc);
			best_doc = v;
			best = found;
		} else {
			json_decref(v);
		}
	}
	if (best != NULL && html_count_text(best, NULL) > 2 * have &&
	    html_count_text(best, NULL) >= HTML_LD_BODY_SHORT) {
		const char *p = best;

		while (*p != '\0') {
			size_t n = strcspn(p, "\n");
			struct buf line = { 0 };
			bool space = false;
			char *l = xstrndup(p, n);

			html_append_text(&line, l, &space);
			html_trim(&line);
			if (line.len > 0) {
				if (body.len > 0)
					buf_puts(&body, "\n\n");
				buf_append(&body, line.p, line.len);
			}
			buf_free(&line);
			free(l);
			p += n;
			if (*p == '\n')
				p++;
		}
	}
	if (body.len > 0) {
		HTML_DEBUG_MSG("body from JSON-LD articleBody\n");
		buf_free(&ctx->out);
		ctx->out = body;
	} else {
		buf_free(&body);
	}
	json_decref(best_doc);
}

/* Counts the start tags ('<' and a letter) of s, stopping past max. */
static size_t
html_count_tags(const char *s, size_t len, size_t max)
{
	const char *p = memchr(s, '<', len), *end = s + len;
	size_t n = 0;

	while (p != NULL && n <= max) {
		p++;
		if (p < end && ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z'))
			n++;
		p = memchr(p, '<', (size_t)(end - p));
	}
	return n;
}

/* What htmlReadMemory(s, len, url, "UTF-8", ...) does, without its two
 * copies of the page: it copies s into its input buffer, then again
 * through its UTF-8 to UTF-8 "conversion". Here libxml2 reads s where it
 * is, as a string input (xmlNewStringInputStream() of libxml2 2.9 without
 * its strlen(): no input buffer, so nothing to grow, shrink or switch;
 * s[len] is a NUL, as libxml2's own buffers end) as UTF-8, which the
 * decoder made it, and, as with the named encoding, takes no charset
 * from the page's <meta>. The tree is the same, its text nodes stored
 * more compactly (below), its elements, attributes and text cut from
 * mem (html_sax.c): free it with html_doc_free(), then mem. Each element
 * of mem has its record (html_rec.h), made through sigs and meta (started:
 * html_meta_start()), the tables of the page's walks after the parse. */
htmlDocPtr
html_parse(const char *s, size_t len, const char *url, struct arena *mem,
    struct html_sigcache *sigs, struct html_meta *meta)
{
	const int opts = HTML_PARSE_RECOVER | HTML_PARSE_NONET |
	    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT;
	struct html_sax sax = { .mem = mem, .sigs = sigs, .meta = meta };
	htmlParserCtxtPtr ctxt;
	xmlParserInputPtr in;
	htmlDocPtr doc;

	if (len == 0)
		return htmlReadMemory(s, 0, url, "UTF-8", opts);
	xmlInitParser();
	ctxt = htmlNewParserCtxt();
	if (ctxt == NULL)
		return NULL;
	in = xmlNewInputStream(ctxt);
	if (in == NULL) {
		htmlFreeParserCtxt(ctxt);
		return NULL;
	}
	in->base = in->cur = (const xmlChar *)s;
	in->end = in->base + len;
	in->length = (int)len;
	inputPush(ctxt, in);
	htmlCtxtUseOptions(ctxt, opts);
	/* text nodes as libxml2's XML parser makes them (htmlCtxtUseOptions()
	 * turns this off): a short text is kept in the node
	 * (HTML_PARSE_COMPACT), not copied to a string of its own. (The XML
	 * parser also shares runs of blanks from the dictionary, judging by
	 * the byte after the run; the HTML parser hands its text over from a
	 * buffer ended by a NUL, so that never happens here.) */
	ctxt->dictNames = 1;
	/* element and attribute names shared from that dictionary too, the
	 * elements, attributes and text cut from mem (html_sax.c); the
	 * context owns its copy of the handlers */
	ctxt->sax->startDocument = html_sax_start_doc;
	ctxt->sax->startElement = html_sax_start;
	ctxt->sax->characters = html_sax_chars;
	ctxt->sax->comment = html_sax_comment;
	ctxt->sax->cdataBlock = html_sax_cdata;
	ctxt->sax->processingInstruction = html_sax_pi;
	ctxt->_private = &sax;
	in->encoding = xmlStrdup(BAD_CAST "UTF-8");
	ctxt->charset = XML_CHAR_ENCODING_UTF8;
	if (url != NULL)
		in->filename = (char *)xmlStrdup(BAD_CAST url);
	htmlParseDocument(ctxt);
	doc = ctxt->myDoc;
	ctxt->myDoc = NULL;
	/* the document holds a reference to the dictionary of its own */
	htmlFreeParserCtxt(ctxt);
	return doc;
}

/* Link density of a winner of short lines (a numbered list, a product's
 * facts) under which its text counts as prose for the fallback. */
#define HTML_LINES_LD 0.05

/* What the winner top holds for the fallback to the page's prose
 * (html_choose()): the prose written with it, or, when top holds almost
 * no links, its text outside links if that is more. An article of
 * short lines has little prose, and without class names to prune them
 * the sidebar's blurbs outweighed it. */
static size_t
html_won(const xmlNode *top, size_t prose)
{
	const struct html_ni *ti = html_ni(top);

	if (ti == NULL || html_link_density(ti) >= HTML_LINES_LD ||
	    ti->text - ti->link <= prose)
		return prose;
	return ti->text - ti->link;
}

/* Steps 3 to 6 on a page: the winner, or the page's filtered prose, into
 * ctx->out; returns the winner. */
static xmlNode *
html_extract_page(struct html_ctx *ctx)
{
	xmlNode *top, *best;
	size_t won, page, th;

	html_prune(ctx);
	html_stats(ctx);
	html_mark_ld_recipe(ctx);
	html_mark_cards(ctx);
	top = html_score(ctx);
	if (top == NULL)
		top = ctx->body;
	HTML_DEBUG_NODE("best", top);
	best = html_first_story(ctx, top);
	top = html_climb(ctx, best);
	HTML_DEBUG_NODE("climbed to", top);
	top = html_ancestor_or(ctx, best, top);
	top = html_article_or(ctx, best, top);
	top = html_headline_or(ctx, best, top);
	won = html_won(top, html_write_article(ctx, top));
	HTML_DEBUG_MSG("won prose %zu of page prose %zu\n", won,
	    html_prose(ctx->body));
	/* a winner by the page's headline is the article's box: it
	 * gives way to the page's prose only under half the share
	 * (another CMS's consent banner and sidebars, which names and
	 * tags pruned, hold prose of their own) */
	page = html_prose(ctx->body);
	/* readers' comments after the text are no prose the winner
	 * missed */
	th = html_thread_after(ctx->body, top);
	page = th < page ? page - th : page;
	html_choose(ctx, won, html_top_by_headline(ctx, top) ? page / 2 :
	    page);
	return top;
}

/* The page cut for the parse (html_strip_raw()) into *slen bytes, or
 * NULL with err said. With chk, the page is a view still to be checked
 * as UTF-8 (html_extract_unchecked()): the cut checks it as it goes, and
 * where it is not clean, NULL with chk->dirty, before any refusal that
 * came after decoding's. */
static char *
html_cut(const char *s, size_t len, struct decode_check *chk, size_t *slen,
    char *err, size_t errlen)
{
	char *stripped;
	bool entities;

	/* a start tag takes two bytes at least: a page of under twice the
	 * limit's bytes is not counted (a pass over the page, 1.8 M L1
	 * misses over the corpus's 390); the page is searched for entities,
	 * the first refusal, and checked whole, as decoding's refusals came
	 * before, only when it is to be refused */
	if (len > (size_t)INT32_MAX || (len / 2 > HTML_MAX_ELEMENTS &&
	    html_count_tags(s, len, HTML_MAX_ELEMENTS) > HTML_MAX_ELEMENTS)) {
		if (chk != NULL) {
			decode_check_to(chk, len);
			if (chk->dirty)
				return NULL;
		}
		if (len > (size_t)INT32_MAX) {
			fail(err, errlen, "html: page too large");
			return NULL;
		}
		if (!html_declares_entity(s, len)) {
			fail(err, errlen, "html: more than %d elements: "
			    "refused unparsed", HTML_MAX_ELEMENTS);
			return NULL;
		}
	}
	stripped = html_strip_checked(s, len, slen, &entities, chk);
	if (chk != NULL && chk->dirty) {
		free(stripped);
		return NULL;
	}
	/* no web page declares entities: one that does is an external
	 * entity or an expansion bomb (libxml2 expands neither here) */
	if (entities) {
		free(stripped);
		fail(err, errlen, "html: the page declares entities "
		    "(<!ENTITY): refused");
		return NULL;
	}
	return stripped;
}

/* The text the page shows, made once, when the signature asks for it. */
struct html_page_text {
	const xmlNode *body;
	struct buf b;
	bool made;
};

static const char *
html_page_text(void *arg)
{
	struct html_page_text *t = arg;

	if (!t->made && t->body != NULL)
		html_text_of(t->body, &t->b);
	t->made = true;
	return t->b.p;
}

static int
html_extract_in(const char *s, size_t len, const char *url, int64_t now,
    struct nw_article *a, bool fragment, struct decode_check *chk,
    char *err, size_t errlen)
{
	struct html_ctx ctx = {
		.fragment = fragment,
	};
	struct html_meta *meta;
	xmlNode *top;
	char *h1 = NULL, *stripped;
	size_t slen;

	stripped = html_cut(s, len, chk, &slen, err, errlen);
	if (stripped == NULL)
		return -1;
	/* the metadata's walk starts before the parse, which makes each
	 * element's record through its table (html_rec.h) */
	meta = html_meta_start();
	ctx.doc = html_parse(stripped, slen, url, &ctx.mem, &ctx.sigs, meta);
	free(stripped);
	if (ctx.doc == NULL) {
		html_meta_free(meta);
		html_sigcache_free(&ctx.sigs);
		arena_free(&ctx.mem);
		return fail(err, errlen, "html: the page cannot be parsed");
	}
	ctx.a = a;
	ctx.url = url;
	ctx.body = html_find_body(ctx.doc);
	html_walk_first(&ctx, meta);
	html_meta_end(meta, ctx.doc, url, now, a);
	if (ctx.body == NULL)
		goto done;
	/* the first <h1> before the page is pruned, for a missing title */
	if (a->title == NULL)
		h1 = html_first_h1(ctx.body);
	html_drop_listed(&ctx);
	if (fragment) {
		/* the whole fragment is the article: only link lists and
		 * marked boilerplate are skipped */
		top = ctx.body;
		html_write(&ctx, top);
		html_paras_links_after(&ctx);
		html_paras_join(&ctx);
		html_paras_free(&ctx);
	} else {
		top = html_extract_page(&ctx);
	}
	/* the last resort, for pages of short lines and links only: all the
	 * text of the winner, then of the page */
	for (int i = 0; i < 2 && ctx.out.len == 0; i++) {
		ctx.raw = true;
		ctx.no_images = true;
		html_write(&ctx, i == 0 ? top : ctx.body);
		html_paras_join(&ctx);
		html_paras_free(&ctx);
	}
	if (!fragment)
		html_ld_body(&ctx);
	if (a->title == NULL) {
		if (ctx.h1 != NULL)
			article_set(&a->title, ctx.h1);
		else if (h1 != NULL)
			article_set(&a->title, h1);
	}
	if (ctx.out.len > 0)
		a->body = buf_take(&ctx.out);
	if (!fragment) {
		struct html_page_text pt = {.body = ctx.body};

		html_meta_signature(a, html_page_text, &pt);
		buf_free(&pt.b);
	}
done:
	free(h1);
	free(ctx.h1);
	buf_free(&ctx.out);
	buf_free(&ctx.para);
	html_paras_free(&ctx);
	html_sigcache_free(&ctx.sigs);
	free(ctx.drops);
	free(ctx.asides);
	free(ctx.sites[0]);
	free(ctx.sites[1]);
	for (size_t i = 0; i < ctx.n_ld_recipe; i++)
		free(ctx.ld_recipe[i]);
	free(ctx.ld_recipe);
	html_doc_free(ctx.doc);
	arena_free(&ctx.mem);
	return 0;
}

int
html_extract(const char *s, size_t len, const char *url, int64_t now,
    struct nw_article *a, char *err, size_t errlen)
{
	return html_extract_in(s, len, url, now, a, false, NULL, err,
	    errlen);
}

int
html_extract_unchecked(const char *s, size_t len, const char *url,
    int64_t now, struct nw_article *a, bool *dirty, char *err,
    size_t errlen)
{
	struct decode_check chk;
	int rc;

	decode_check_init(&chk, s, len);
	rc = html_extract_in(s, len, url, now, a, false, &chk, err, errlen);
	*dirty = chk.dirty;
	return rc;
}

int
html_extract_fragment(const char *s, size_t len, const char *url,
    int64_t now, struct nw_article *a, char *err, size_t errlen)
{
	return html_extract_in(s, len, url, now, a, true, NULL, err,
	    errlen);
}
