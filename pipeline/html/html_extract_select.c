/* The HTML extractor's choice of the article container: pruning of page
 * furniture, scores, the headline's container, and the siblings
 * written with it; html_extract_climb.c moves the winner to the
 * article's box. See html_extract_int.h. */
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html_dom.h"
#include "html_extract_int.h"
#include "html_meta.h"

/* The share of the page's text held by n: of its paragraph text when
 * the page writes its paragraphs in <p> (400 characters or more), else
 * of its text outside links (a page whose paragraphs are <div>s, or
 * runs set apart by <br><br>), else of all its text. */
static double
html_share(const struct html_ctx *ctx, const xmlNode *n)
{
	const struct html_ni *b = html_ni(ctx->body);
	const struct html_ni *ni = html_ni(n);

	if (b->ptext >= 400)
		return (double)ni->ptext / b->ptext;
	if (b->text - b->link >= 400)
		return (double)(ni->text - ni->link) / (b->text - b->link);
	if (b->text == 0)
		return 0;
	return (double)ni->text / b->text;
}


/* Text of a box beside its picture above which it is no caption. */
#define HTML_CAPTION_TEXT 250
/* Text of the credit laid over a picture, in the picture's part, at
 * most. */
#define HTML_PICTURE_CREDIT 40
/* Elements of one part of such a box, at most: a caption is small, and
 * the walks that read the parts stay linear in deeply nested pages. */
#define HTML_CAPTION_NODES 32

/* What one part of a picture box holds. */
struct html_part {
	bool img;         /* an <img> or <picture> */
	bool head;        /* a heading */
	unsigned lines;   /* blocks of text (at least one if any text) */
	unsigned longest; /* own text of the longest of them */
};

/* Reads part c of a box; false when it has more than HTML_CAPTION_NODES
 * elements. */
static bool
html_read_part(xmlNode *c, struct html_part *pt)
{
	size_t elems = 0;

	pt->img = pt->head = false;
	pt->lines = pt->longest = 0;
	for (xmlNode *n = c; n != NULL; n = html_next(n, c, true)) {
		const struct html_ni *ni = html_is_elem(n) ? html_ni(n) : NULL;

		if (ni == NULL)
			continue;
		if (++elems > HTML_CAPTION_NODES)
			return false;
		if (ni->kind == HTML_K_IMG || ni->kind == HTML_K_PICTURE)
			pt->img = true;
		if (ni->cls & HTML_T_HEAD)
			pt->head = true;
		if (ni->own > 0)
			pt->lines++;
		if (ni->own > pt->longest)
			pt->longest = ni->own;
	}
	if (pt->lines == 0 && html_ni(c)->text > 0)
		pt->lines = 1;
	return true;
}

/* Marks the text of part c of a picture box as its caption: all of
 * it, or, in the part that holds the picture, the elements of text
 * that hold no picture (the credit laid over it). */
static void
html_mark_caption_part(xmlNode *c)
{
	struct html_part pt;

	HTML_DEBUG_NODE("caption", c);
	for (xmlNode *e = c; e != NULL; e = html_next(e, c, true)) {
		if (!html_is_elem(e) || html_ni(e) == NULL)
			continue;
		if (html_ni(e)->text > 0 && html_read_part(e, &pt) &&
		    !pt.img)
			html_ni(e)->caption = true;
	}
}

/* Marks the caption of picture box n, outside <figure>: a part that is
 * an image, without text or with a short line (its credit), and,
 * beside it, one or two lines of text without links, images or
 * headings (a caption and its credit), in one part each or in one part
 * together; two lines in one part are short, no paragraph of prose
 * (HTML_PROSE_OWN), as a caption's and its credit's are and a teaser's
 * title and sentence are not. The writer writes a caption, to judge
 * the edges of the text with it, and leaves it out; the statistics do
 * not count it. */
static bool
html_mark_caption(xmlNode *n)
{
	const struct html_ni *ni = html_ni(n);
	struct html_part pt;
	bool pic = false;
	unsigned texts = 0;

	if (ni->text == 0 || ni->text > HTML_CAPTION_TEXT || ni->link > 0 ||
	    ni->kind == HTML_K_TR)
		return false;
	for (xmlNode *c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE && c->content != NULL &&
		    html_text_len(c) > 0)
			return false;
		if (!html_is_elem(c) || html_ni(c) == NULL)
			continue;
		if (!html_read_part(c, &pt))
			return false;
		if (pt.img && !pic && html_ni(c)->text <= HTML_PICTURE_CREDIT &&
		    !pt.head && pt.lines <= 1) {
			pic = true;
			texts += pt.lines;
		} else if (html_ni(c)->text > 0 && (pt.img || pt.head ||
		    (texts += pt.lines) > 2 ||
		    (pt.lines > 1 && pt.longest >= HTML_PROSE_OWN))) {
			return false;
		}
	}
	if (!pic)
		return false;
	for (xmlNode *c = n->children; c != NULL; c = c->next)
		if (html_is_elem(c) && html_ni(c) != NULL &&
		    html_ni(c)->text > 0)
			html_mark_caption_part(c);
	return true;
}

/* Visible characters of a commenter's name, at most; and of the line
 * that dates a post. */
#define HTML_POST_NAME 40
/* Elements of a post read for its name and date, at most. */
#define HTML_POST_NODES 64
/* Posts of one form under one parent that make a thread. */
#define HTML_THREAD_POSTS 3
/* Prose of the page outside a thread for it to be comments on it. */
#define HTML_THREAD_OUTSIDE 500

/* The link that opens element c with a name: its first text is a link
 * of at most HTML_POST_NAME characters (a commenter's, a forum
 * member's), in no heading (a linked heading titles a story: a blog's
 * page of posts); or NULL. */
static xmlNode *
html_opening_name(xmlNode *c)
{
	size_t nodes = 0;

	for (xmlNode *n = c; n != NULL && nodes++ < HTML_POST_NODES;
	    n = html_next(n, c, true)) {
		xmlNode *link = NULL;

		if (n->type != XML_TEXT_NODE || n->content == NULL ||
		    html_text_len(n) == 0)
			continue;
		for (xmlNode *a = n->parent; a != NULL && a != c->parent;
		    a = a->parent) {
			const struct html_ni *ai = html_ni(a);

			if (ai != NULL && (ai->cls & HTML_T_HEAD))
				return NULL;
			if (ai != NULL && ai->kind == HTML_K_A && link == NULL)
				link = a;
		}
		return link != NULL && html_ni(link)->text <= HTML_POST_NAME ?
		    link : NULL;
	}
	return NULL;
}

/* Whether the text of n holds a digit (a date, a count). */
static bool
html_has_digit(const xmlNode *n)
{
	struct buf t = { 0 };
	bool d;

	html_text_of(n, &t);
	d = t.p != NULL && strpbrk(t.p, "0123456789") != NULL;
	buf_free(&t);
	return d;
}

/* Whether element c holds no text and nothing but <div>s and <span>s:
 * the slot an ad script fills, in wrappers of another CMS. */
static bool
html_empty_box(xmlNode *c)
{
	if (html_ni(c)->text > 0)
		return false;
	for (xmlNode *e = c; e != NULL; e = html_next(e, c, true)) {
		const struct html_ni *ei = html_is_elem(e) ? html_ni(e) : NULL;

		if (html_is_elem(e) && (ei == NULL || (ei->kind != HTML_K_DIV &&
		    strcmp((const char *)e->name, "span") != 0)))
			return false;
	}
	return true;
}

/* Whether block n is the label of an empty slot: a short line without
 * links or digits, no heading, alone in a box (itself or an ancestor
 * holding its text only, no list item) that also holds an empty <div>
 * (html_empty_box(): wrappers count as empty): "Advertisement" over the
 * box an ad script fills, "Read More" over a fade. A count beside a
 * poll's bar holds a digit; a line of a list (an ingredient beside an
 * ad slot injected into its item) is the list's. */
static bool
html_ad_label(xmlNode *n)
{
	const struct html_ni *ni = html_ni(n);

	if (!(ni->cls & HTML_T_BLOCK) || (ni->cls & HTML_T_HEAD) ||
	    ni->kind == HTML_K_LI || ni->text == 0 || ni->text >= 30 ||
	    ni->link > 0)
		return false;
	for (xmlNode *b = n; html_is_elem(b) && html_ni(b) != NULL &&
	    html_ni(b)->text == ni->text && html_ni(b)->kind != HTML_K_LI;
	    b = b->parent) {
		for (xmlNode *c = b->children; c != NULL; c = c->next)
			if (html_is_elem(c) && html_ni(c) != NULL &&
			    html_ni(c)->kind == HTML_K_DIV && html_empty_box(c))
				return !html_has_digit(n);
	}
	return false;
}

/* Whether c reads as a post of a comment thread or forum: it opens with
 * a linked name, few of its words are links, and one of its first
 * HTML_POST_NODES elements is a short block apart from the name that
 * holds a digit (the time of the post). */
static bool
html_is_post(xmlNode *c)
{
	size_t elems = 0;
	xmlNode *name;

	if (!html_is_elem(c) || html_ni(c) == NULL ||
	    !(html_ni(c)->cls & HTML_T_BLOCK) || html_ni(c)->text == 0 ||
	    html_link_density(html_ni(c)) >= 0.5 ||
	    (name = html_opening_name(c)) == NULL)
		return false;
	for (xmlNode *n = c; n != NULL && elems < HTML_POST_NODES;
	    n = html_next(n, c, true)) {
		const struct html_ni *ni = html_is_elem(n) ? html_ni(n) : NULL;

		if (ni == NULL)
			continue;
		elems++;
		if (n == c || ni->own == 0 || ni->own > HTML_POST_NAME ||
		    html_is_ancestor(n, name) || html_is_ancestor(name, n))
			continue;
		if (html_has_digit(n))
			return true;
	}
	return false;
}

/* Characters of prose in the blocks under root: blocks of HTML_PROSE_OWN
 * or more characters of their own with under a third in links, after the
 * filter's notion of a good paragraph. Walks the tree as it is now (the
 * pruning removes subtrees after the statistics counted them). */
static size_t
html_prose_walk(xmlNode *root)
{
	size_t n = 0;

	for (xmlNode *e = root; e != NULL; e = html_next(e, root, true)) {
		const struct html_ni *ni;

		if (!html_is_elem(e) || html_ni(e) == NULL)
			continue;
		ni = html_ni(e);
		if (ni->own >= HTML_PROSE_OWN && ni->own_link * 3 < ni->own)
			n += ni->own;
	}
	return n;
}

/* Removes the posts of a thread among the children of n: three or more
 * of one form (tag and class), each opening with a linked name and
 * dated (readers' comments), whatever their names, when the page has
 * prose of its own outside them (a forum's posts are its content).
 * page: the page's prose, counted on the first thread (0: not yet). */
static void
html_drop_thread(struct html_ctx *ctx, xmlNode *n, size_t *page)
{
	xmlNode *first = NULL;
	size_t posts = 0, prose = 0;

	/* a post opens with a linked name, whose text the first walk
	 * counted in n's links: a box without links holds no post (its
	 * children are not read) */
	if (html_ni(n)->link == 0)
		return;
	for (xmlNode *c = n->children; c != NULL; c = c->next)
		if (html_is_post(c) && (first == NULL ||
		    html_same_form(first, c))) {
			first = first != NULL ? first : c;
			posts++;
			prose += html_prose(c);
		}
	if (posts < HTML_THREAD_POSTS)
		return;
	if (*page == 0)
		*page = html_prose_walk(ctx->body) + 1;
	if (*page - 1 < prose + HTML_THREAD_OUTSIDE)
		return;
	for (xmlNode *c = n->children, *next; c != NULL; c = next) {
		next = c->next;
		if (c != first && html_is_elem(c) && html_same_form(first, c) &&
		    html_is_post(c)) {
			HTML_DEBUG_NODE("post", c);
			html_remove(c);
		}
	}
	HTML_DEBUG_NODE("post", first);
	html_remove(first);
}

/* Whether the text of box n lies wholly in quotations (<blockquote>)
 * that are mostly not links: an embedded post or quote set in the text
 * (a tweet in its "widget" box), not furniture. */
static bool
html_all_quoted(xmlNode *n)
{
	const struct html_ni *ni = html_ni(n);
	unsigned text = 0, link = 0;

	if (ni->text == 0)
		return false;
	for (xmlNode *e = n->children; e != NULL; ) {
		const struct html_ni *ei = html_is_elem(e) ? html_ni(e) :
		    NULL;
		bool quote = ei != NULL &&
		    strcmp((const char *)e->name, "blockquote") == 0;

		if (quote) {
			text += ei->text;
			link += ei->link;
		}
		e = html_next(e, n, !quote);
	}
	return text == ni->text && link * 2 < text;
}

/* Text a form's box adds to the form, at most, for it to be the
 * form's: a label, a title, a line of privacy ("Never miss a story",
 * "Sign up for our newsletter"). */
#define HTML_FORM_LABEL 100

/* Marks the box around form f whose text besides f's is its label
 * (HTML_FORM_LABEL at most: a newsletter's title over its sign-up, a
 * link to the privacy notice under it) as the form, the outermost such
 * box under the page's root. */
static void
html_mark_form_box(struct html_ctx *ctx, xmlNode *f)
{
	xmlNode *box = NULL;

	for (xmlNode *p = f->parent; p != ctx->body && html_is_elem(p) &&
	    html_ni(p) != NULL; p = p->parent) {
		if (html_ni(p)->text > html_ni(f)->text + HTML_FORM_LABEL ||
		    html_share(ctx, p) > HTML_PROTECT)
			break;
		box = p;
	}
	if (box != NULL) {
		HTML_DEBUG_NODE("form box", box);
		html_ni(box)->form = true;
	}
}

/* Prose of a box holding a headline, at least, for it to be an
 * article's container (a paragraph or two). */
#define HTML_HEADED_PROSE 200

/* Step 3: prunes page furniture and boilerplate. Figures are left for the
 * writer, which collects their images. */
void
html_prune(struct html_ctx *ctx)
{
	xmlNode *root = ctx->body;
	xmlNode *n = root;
	size_t page = 0;

	HTML_DEBUG_MSG("page ptext %u prose %u text %u\n",
	    html_ni(root)->ptext, html_ni(root)->prose, html_ni(root)->text);
	while (n != NULL) {
		struct html_ni *ni;
		bool junk;

		if (n == root || !html_is_elem(n) || html_ni(n) == NULL) {
			n = html_next(n, root, n == root);
			continue;
		}
		ni = html_ni(n);
		if (ni->kind == HTML_K_FIGURE) {
			n = html_next(n, root, false);
			continue;
		}
		junk = (ni->cls & HTML_T_CHROME) || (ni->sig & (HTML_S_JUNK |
		    HTML_S_HIDDEN | HTML_S_HEADER));
		/* an article's own header (<header>, class "...header")
		 * holds its lead paragraph: a header with paragraph text
		 * and few links is not the site's */
		if (((ni->cls & HTML_T_CHROME) || (ni->sig & HTML_S_HEADER)) &&
		    !(ni->sig & (HTML_S_JUNK | HTML_S_HIDDEN)) &&
		    (strcmp((const char *)n->name, "header") == 0 ||
		    (ni->sig & HTML_S_HEADER)) &&
		    ni->ptext >= 50 && html_link_density(ni) < 0.2)
			junk = false;
		/* nor is a box that holds the page's one <h1> and prose
		 * with few links, whatever its names say ("author-article"
		 * on an <article> that another CMS writes as a <div>); the
		 * site's header and hidden blocks aside */
		if (junk && !(ni->cls & HTML_T_CHROME) && !(ni->sig &
		    (HTML_S_HIDDEN | HTML_S_UNSHOWN | HTML_S_HEADER)) &&
		    ni->h1s == 1 && ni->prose >= HTML_HEADED_PROSE &&
		    html_link_density(ni) < 0.2)
			junk = false;
		/* nor is a quotation set in the text in a box of its
		 * own (a tweet in a "widget") */
		if (junk && !(ni->cls & HTML_T_CHROME) &&
		    !(ni->sig & HTML_S_HIDDEN) && html_all_quoted(n))
			junk = false;
		/* an article's container is never furniture, whatever
		 * taxonomy its classes carry ("tag-...", "category-...") */
		if ((ni->sig & HTML_S_BODY) || ni->kind == HTML_K_ARTICLE ||
		    ni->kind == HTML_K_MAIN)
			junk = (ni->sig & HTML_S_HIDDEN) != 0;
		/* a marked block holding a large share of the page's
		 * prose is the article in a misnamed box: kept; one that
		 * its attributes hide is no box misnamed (a copy of the
		 * text for machines, schema.org's articleBody) */
		if (junk && ((ni->sig & HTML_S_UNSHOWN) ||
		    html_share(ctx, n) <= HTML_PROTECT)) {
			xmlNode *next = html_next(n, root, false);

			HTML_DEBUG_NODE("pruned", n);
			html_remove(n);
			n = next;
			continue;
		}
		/* a form is the reader's to fill in (a comment, a
		 * newsletter, a search), no part of the article, unless it
		 * wraps the page (ASP.NET), and so is a short box of
		 * controls outside one (a consent box over an embed: "I
		 * agree to see content from twitter.com"): written and
		 * left out, as a caption, so that the edges of the text
		 * are judged with it; the statistics count it */
		html_drop_thread(ctx, n, &page);
		if ((strcmp((const char *)n->name, "form") == 0 ||
		    (ni->control && ni->text > 0 &&
		    ni->text <= HTML_CONTROL_TEXT)) &&
		    html_share(ctx, n) <= HTML_PROTECT) {
			HTML_DEBUG_NODE("form", n);
			ni->form = true;
			if (strcmp((const char *)n->name, "form") == 0)
				html_mark_form_box(ctx, n);
			n = html_next(n, root, false);
			continue;
		}
		/* written and left out, as a caption */
		if (html_ad_label(n) || html_icon_line(n)) {
			HTML_DEBUG_NODE("ad label", n);
			ni->caption = true;
			n = html_next(n, root, false);
			continue;
		}
		if (html_mark_caption(n)) {
			n = html_next(n, root, false);
			continue;
		}
		n = html_next(n, root, true);
	}
}

/* Readability's initial weight of a candidate container. */
static void
html_init_cand(struct html_ni *ni)
{
	ni->cand = true;
	switch (ni->kind) {
	case HTML_K_DIV:
	case HTML_K_ARTICLE:
	case HTML_K_MAIN:
	case HTML_K_SECTION:
		ni->score = 5;
		break;
	case HTML_K_TD:
		ni->score = 3;
		break;
	case HTML_K_LI:
	case HTML_K_BODY:
		ni->score = -3;
		break;
	default:
		if (ni->cls & HTML_T_LIST)
			ni->score = -3;
		else if (ni->cls & HTML_T_HEAD)
			ni->score = -5;
		else if (ni->cls & HTML_T_PTEXT)
			ni->score = 3;
		break;
	}
	/* no class costs: CMSs name content boxes with the weak signs of
	 * boilerplate (TYPO3 wraps every plugin, its news article too, in
	 * "frame-type-list"; Bootstrap has "media-body", "card-body"), and
	 * what is marked as boilerplate is pruned or skipped, not
	 * outscored */
	if (ni->sig & HTML_S_POS)
		ni->score += 25;
	if (ni->sig & HTML_S_BODY)
		ni->score += 50;
}

/* Whether element n holds two <br>s in a row (whitespace between them):
 * paragraphs of text set apart by blank lines. */
static bool
html_has_br_br(const xmlNode *n)
{
	bool br = false;

	for (const xmlNode *c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE && c->content != NULL &&
		    html_text_len(c) == 0)
			continue;
		if (html_is_elem(c) && html_ni(c) != NULL &&
		    html_ni(c)->kind == HTML_K_BR) {
			if (br)
				return true;
			br = true;
		} else {
			br = false;
		}
	}
	return false;
}

/* Whether block n is a paragraph: an element that holds one (p, pre,
 * td...), or a <div> whose text is all its own, no block inside it
 * holding any, and not set in paragraphs by blank lines (another CMS's
 * paragraph, as Readability reads it). */
static bool
html_is_para(const xmlNode *n)
{
	const struct html_ni *ni = html_ni(n);

	return (ni->cls & HTML_T_PARA) || (ni->kind == HTML_K_DIV &&
	    ni->own == ni->text && !html_has_br_br(n));
}

bool
html_text_in(const xmlNode *n, const char *s)
{
	struct buf t = { 0 };
	bool is;

	html_text_of(n, &t);
	html_trim(&t);
	is = t.len > 0 && strstr(s, t.p) != NULL;
	buf_free(&t);
	return is;
}

/* Text between the headline and a container that begins after it, at
 * most, for the container to sit by the headline: a fifth of the
 * container's, or HTML_BY_HEADLINE_MIN. */
#define HTML_BY_HEADLINE 5
#define HTML_BY_HEADLINE_MIN 200
/* Share of the best score a container by the headline needs to win. */
#define HTML_HEADLINE_SCORE 0.5

static size_t html_prose_but_subtitle(const struct html_ctx *ctx,
    xmlNode *s);

/* The page's headline: the first <h1> whose text is the title or in it
 * (one before it may hold the site's name), or NULL. Sought once: the
 * choice and the winner's reading ask it of one tree and title. The
 * walk enters only the elements holding an <h1> with text (html_stats()
 * counted them, h1s, on the tree as it is: the pruning came before):
 * walking the whole page for it missed the cache on every element. */
static xmlNode *
html_headline(struct html_ctx *ctx)
{
	xmlNode *root = ctx->body;

	if (ctx->headline_asked)
		return ctx->headline;
	ctx->headline_asked = true;
	if (ctx->a->title == NULL)
		return NULL;
	for (xmlNode *h = root; h != NULL; ) {
		const struct html_ni *hi = html_is_elem(h) ? html_ni(h) : NULL;

		if (hi != NULL && hi->text > 0 && hi->kind == HTML_K_H1 &&
		    html_text_in(h, ctx->a->title))
			return ctx->headline = h;
		h = html_next(h, root, hi == NULL || hi->h1s > 0);
	}
	return NULL;
}

/* Visible characters before n in the page under root, as the
 * statistics counted them. */
static size_t
html_offset(const xmlNode *root, const xmlNode *n)
{
	size_t off = 0;

	for (const xmlNode *a = n; a != NULL && a != root; a = a->parent)
		for (const xmlNode *s = a->prev; s != NULL; s = s->prev) {
			const struct html_tc *tc = s->_private;

			if (html_is_elem(s))
				off += html_ni(s) != NULL ? html_ni(s)->text : 0;
			else if (s->type == XML_TEXT_NODE && tc != NULL &&
			    html_ni(a->parent) != NULL &&
			    !html_ni(a->parent)->caption)
				off += tc->len;
		}
	return off;
}

/* Whether container c sits by headline h (he: the visible characters up
 * to h's end): it holds h, or begins after it with little text between
 * (a dateline, a byline, a standfirst): a fifth of its own text, or
 * HTML_BY_HEADLINE_MIN. */
static bool
html_by_headline(const struct html_ctx *ctx, const xmlNode *c,
    const xmlNode *h, size_t he)
{
	size_t off, ct = html_ni(c)->text, slack;

	if (html_is_ancestor(c, h))
		return true;
	off = html_offset(ctx->body, c);
	if (off < he)
		return false;
	slack = ct / HTML_BY_HEADLINE > HTML_BY_HEADLINE_MIN ?
	    ct / HTML_BY_HEADLINE : HTML_BY_HEADLINE_MIN;
	return off - he <= slack;
}

/* See html_extract_int.h: the winner's box read against the headline as
 * html_headline_or() reads the containers it weighs. */
bool
html_top_by_headline(struct html_ctx *ctx, const xmlNode *top)
{
	xmlNode *h = html_headline(ctx);

	if (h == NULL || !html_is_elem(top) || html_ni(top) == NULL)
		return false;
	return html_by_headline(ctx, top, h,
	    html_offset(ctx->body, h) + html_ni(h)->text);
}

/* The container by the page's headline instead of best, when best lies
 * away from it (another block of the page: a sidebar's programme, a
 * site's blurb) and one by it scores nearly as well, holding no <h1>
 * but the headline, prose, and best not. */
xmlNode *
html_headline_or(struct html_ctx *ctx, xmlNode *best, xmlNode *top)
{
	xmlNode *h, *root = ctx->body, *by = NULL;
	size_t he;

	if (best == NULL || ctx->recipe_box != NULL || ctx->story ||
	    (double)html_prose(top) <
	    HTML_FALLBACK * (double)html_prose(root) ||
	    (h = html_headline(ctx)) == NULL)
		return top;
	he = html_offset(root, h) + html_ni(h)->text;
	HTML_DEBUG_MSG("headline ends at %zu, top at %zu\n", he,
	    html_offset(root, top));
	HTML_DEBUG_NODE("headline", h);
	for (xmlNode *a = top; html_is_elem(a) && html_ni(a) != NULL &&
	    !html_is_ancestor(a, h); a = a->parent)
		if (html_by_headline(ctx, a, h, he))
			return top;
	for (xmlNode *n = root; n != NULL; n = html_next(n, root, true)) {
		const struct html_ni *ni = html_is_elem(n) ? html_ni(n) : NULL;

		if (ni == NULL || !ni->cand || n == root || ni->h1s > 1 ||
		    ni->score < HTML_HEADLINE_SCORE * html_ni(best)->score ||
		    (by != NULL && ni->score <= html_ni(by)->score) ||
		    html_is_ancestor(n, top) ||
		    html_prose(n) < 2 * HTML_PROSE_OWN ||  /* the next, cheap */
		    !html_by_headline(ctx, n, h, he) ||
		    html_prose_but_subtitle(ctx, n) < 2 * HTML_PROSE_OWN)
			continue;
		by = n;
	}
	if (by == NULL)
		return top;
	HTML_DEBUG_NODE("by headline", by);
	return html_climb(ctx, by);
}

/* Step 4a: scores the ancestors of every block of text and returns the
 * best container, or NULL when the page has no block of text; or the
 * container of a recipe's parts (html_recipe_or()). */
xmlNode *
html_score(struct html_ctx *ctx)
{
	xmlNode *root = ctx->body;
	xmlNode *best = NULL;
	double best_score = 0;

	for (xmlNode *n = root; n != NULL;
	    n = html_next(n, root, !html_is_elem(n) || html_ni(n) == NULL ||
	    !html_ni(n)->form || n == root)) {
		struct html_ni *ni;
		xmlNode *p;
		double s;
		int level = 0;

		if (!html_is_elem(n) || html_ni(n) == NULL)
			continue;
		ni = html_ni(n);
		/* a form is the reader's, written and left out: what it
		 * holds (a newsletter's consent text) scores nothing, and
		 * the walk passes over it */
		if (ni->form && n != root)
			continue;
		if (ni->own < HTML_MIN_BLOCK || (ni->cls & HTML_T_HEAD) ||
		    ni->kind == HTML_K_LI)
			continue;
		s = 1 + ni->commas + (ni->own / 100 > 3 ? 3 : ni->own / 100);
		p = html_is_para(n) ? n->parent : n;
		for (const xmlNode *from = p == n ? NULL : n;
		    p != NULL && html_is_elem(p) && level < 5;
		    from = p, p = p->parent) {
			struct html_ni *pi = html_ni(p);

			if (pi == NULL)
				break;
			/* a <div> paragraph's wrappers, adding nothing to
			 * it, are the paragraph */
			if (from != NULL && p != root && level == 0 &&
			    !(ni->cls & HTML_T_PARA) &&
			    pi->text == html_ni(from)->text)
				continue;
			if (!pi->cand)
				html_init_cand(pi);
			if (level == 0)
				pi->score += s;
			else if (level == 1)
				pi->score += s / 2;
			else
				pi->score += s / (level * 3);
			if (p == root)
				break;
			level++;
		}
	}
	for (xmlNode *n = root; n != NULL; n = html_next(n, root, true)) {
		struct html_ni *ni;
		double s;

		if (!html_is_elem(n) || html_ni(n) == NULL)
			continue;
		ni = html_ni(n);
		if (!ni->cand)
			continue;
		s = ni->score * (1 - html_link_density(ni));
		ni->score = s;
		if (best == NULL || s > best_score) {
			best = n;
			best_score = s;
		}
	}
	return html_recipe_or(ctx, best);
}

/* Whether sibling s of the winner (score top_score) belongs to the
 * article. */
static bool
html_sibling_ok(const xmlNode *s, double top_score)
{
	const struct html_ni *si = html_ni(s);
	double threshold = top_score * 0.2 > 10 ? top_score * 0.2 : 10;

	return si != NULL && si->cand && si->score >= threshold &&
	    si->articles < 2;
}

/* Whether the text of block n is the page's subtitle, or in it (sub:
 * the subtitle's visible characters). A longer block is not read, so
 * that nested blocks cost no more than the subtitle each. */
static bool
html_is_subtitle(const struct html_ctx *ctx, const xmlNode *n,
    unsigned sub)
{
	return ctx->a->subtitle != NULL && html_ni(n)->text <= sub &&
	    html_text_in(n, ctx->a->subtitle);
}

/* Characters of prose in s (html_prose_walk()) other than the
 * subtitle. */
static size_t
html_prose_but_subtitle(const struct html_ctx *ctx, xmlNode *s)
{
	size_t prose = 0;
	unsigned sub;

	sub = ctx->a->subtitle != NULL ?
	    html_count_text(ctx->a->subtitle, NULL) : 0;
	for (xmlNode *e = s; e != NULL; e = html_next(e, s, true)) {
		const struct html_ni *ei;

		if (!html_is_elem(e) || (ei = html_ni(e)) == NULL)
			continue;
		if (ei->own >= HTML_PROSE_OWN && ei->own_link * 3 < ei->own &&
		    !html_is_subtitle(ctx, e, sub))
			prose += ei->own;
	}
	return prose;
}

/* Whether what sibling s holds after its first <h1>, the page's title,
 * reads as prose (70% of the text of its blocks, as below): the lead
 * under the headline in the article's header, which another CMS's
 * <div> no longer prunes with the kicker, the date line and the
 * subheadline over it. */
static bool
html_prose_after_headline(const struct html_ctx *ctx, xmlNode *s)
{
	xmlNode *h = s, *e;
	size_t prose = 0, text = 0;
	unsigned sub;

	if (!html_holds_title(ctx, s))
		return false;
	while (h != NULL && (!html_is_elem(h) || html_ni(h) == NULL ||
	    html_ni(h)->kind != HTML_K_H1 || html_ni(h)->text == 0))
		h = html_next(h, s, true);
	if (h == NULL)
		return false;
	sub = ctx->a->subtitle != NULL ?
	    html_count_text(ctx->a->subtitle, NULL) : 0;
	for (e = html_next(h, s, false); e != NULL;
	    e = html_next(e, s, true)) {
		const struct html_ni *ei;

		if (!html_is_elem(e) || (ei = html_ni(e)) == NULL)
			continue;
		/* a picture's caption under it, not the lead */
		if (ei->kind == HTML_K_IMG || ei->kind == HTML_K_PICTURE ||
		    ei->kind == HTML_K_FIGURE)
			break;
		if (ei->own_link < ei->own)
			text += ei->own;
		if (ei->own >= HTML_PROSE_OWN && ei->own_link * 3 < ei->own &&
		    !(ei->cls & HTML_T_HEAD) && !html_is_subtitle(ctx, e, sub))
			prose += ei->own;
	}
	return prose >= 70 && prose * 10 >= text * 7;
}

/* Elements of a box read for its picture, at most. */
#define HTML_PICTURE_NODES 16

/* Whether element p is a picture: an <img>, <picture> or <figure>, or a
 * box of no text holding one. */
static bool
html_is_picture(xmlNode *p)
{
	size_t nodes = 0;

	if (html_ni(p) == NULL || html_ni(p)->text > 0)
		return false;
	for (xmlNode *n = p; n != NULL && nodes++ < HTML_PICTURE_NODES;
	    n = html_next(n, p, true)) {
		const struct html_ni *ni = html_is_elem(n) ? html_ni(n) : NULL;

		if (ni != NULL && (ni->kind == HTML_K_IMG ||
		    ni->kind == HTML_K_PICTURE || ni->kind == HTML_K_FIGURE))
			return true;
	}
	return false;
}

/* Whether block s is the caption of the picture just before it: no
 * more than a caption's text (HTML_CAPTION_TEXT), its previous element
 * a picture. */
static bool
html_after_picture(xmlNode *s)
{
	xmlNode *p = s->prev;

	if (html_ni(s) == NULL || html_ni(s)->text > HTML_CAPTION_TEXT)
		return false;
	while (p != NULL && !html_is_elem(p))
		p = p->prev;
	return p != NULL && html_is_picture(p);
}

/* Whether sibling s of the winner reads as prose: most of its text (70%)
 * in paragraphs of prose other than the subtitle, which bounds its links
 * too (a share box beside a standfirst, whose names said "share" on the
 * page, holds links only); or, the box of the page's headline, what it
 * holds after the headline. */
static bool
html_sibling_prose(const struct html_ctx *ctx, xmlNode *s)
{
	const struct html_ni *si = html_ni(s);
	size_t prose;

	if (si == NULL || si->card)
		return false;
	prose = html_prose_but_subtitle(ctx, s);
	if (prose >= 70 && prose * 10 >= si->text * 7)
		return true;
	return html_prose_after_headline(ctx, s);
}

/* The sum the statistics kept: a walk of the subtree for each call
 * (the climb asks it of every parent) missed the cache at every node. */
size_t
html_prose(xmlNode *root)
{
	if (html_is_elem(root) && html_ni(root) != NULL)
		return html_ni(root)->prose;
	return html_prose_walk(root);
}

/* Text of a box about the article's author, at most. */
#define HTML_AUTHOR_BOX 1000

/* Whether block s, a sibling after the winner, is a box about the
 * article's author: a short block that names one of the authors the
 * metadata gave ("About Carlos Nadalim", a portrait and a biography).
 * Such a box scores as prose, and its names are the only other sign. */
static bool
html_author_box(const struct html_ctx *ctx, xmlNode *s)
{
	struct buf t = { 0 };
	bool is = false;

	if (ctx->a->authors.n == 0 || html_ni(s)->text > HTML_AUTHOR_BOX)
		return false;
	html_text_of(s, &t);
	is = html_meta_names_author(ctx->a, t.p);
	buf_free(&t);
	if (is)
		HTML_DEBUG_NODE("author box", s);
	return is;
}

/* Whether sibling s has a headline of its own that is not the page's
 * title, beside the winner top that holds the title's: another story,
 * or a notice (an old browser's, "Liebe Handballfans, ..."). */
static bool
html_other_headline(const struct html_ctx *ctx, xmlNode *s, xmlNode *top)
{
	return html_ni(s) != NULL && html_ni(s)->h1s > 0 &&
	    !html_holds_title(ctx, s) && html_holds_title(ctx, top);
}

/* Text of a slice of the article that is not prose (a list of short
 * lines under a line that opens it), at least. */
#define HTML_SLICE_TEXT 140

/* The headings in n, counted up to two. */
static unsigned
html_heads_in(xmlNode *n)
{
	unsigned k = 0;

	for (xmlNode *e = n; e != NULL && k < 2; e = html_next(e, n,
	    !html_is_elem(e) || html_ni(e) == NULL ||
	    !(html_ni(e)->cls & HTML_T_HEAD)))
		if (html_is_elem(e) && html_ni(e) != NULL &&
		    (html_ni(e)->cls & HTML_T_HEAD))
			k++;
	return k;
}

/* Whether sibling s, after the winner top, is the next slice of the
 * article: top is by the page's headline, s is of its form (tag and
 * class: a CMS's paragraph blocks, split by a picture or an ad),
 * scored, and reads as prose (html_sibling_prose()) or holds
 * HTML_SLICE_TEXT under a tenth of it in links; and it is no box about
 * the author. Such a slice scores under a sibling's floor
 * (html_sibling_ok()): its text is short, and no name of the page
 * weighs for it. Where top has no class (another CMS's bare boxes, a
 * <div> in a <div> for every block), the form vouches for little: s
 * holds less text than top (readers' comments after a short text, a
 * sidebar's blurbs, outweigh it), one heading at most (a section of
 * the text; a box of the news's context holds its own label and a
 * story's title), and HTML_SLICE_TEXT under a tenth in
 * links even as prose (a reference under its heading, a link to its
 * source, after the text). */
static bool
html_next_slice(struct html_ctx *ctx, xmlNode *s, xmlNode *top)
{
	const struct html_ni *si = html_ni(s);
	bool bare;

	if (si == NULL || !si->cand || si->score <= 0 ||
	    !html_same_form(s, top) || !html_top_by_headline(ctx, top))
		return false;
	bare = html_attr(top, "class") == NULL;
	if (bare && (si->text >= html_ni(top)->text ||
	    html_heads_in(s) > 1))
		return false;
	if ((bare || !html_sibling_prose(ctx, s)) &&
	    (si->text < HTML_SLICE_TEXT || si->link * 10 >= si->text))
		return false;
	return !html_author_box(ctx, s);
}

/* Whether sibling s, after the winner, holds readers' comments: half
 * its prose or more lies in the posts of threads (html_thread_after()):
 * the page's comments section, written beside the article's box. */
static bool
html_comments(xmlNode *s)
{
	size_t th = html_thread_after(s, NULL);

	if (th == 0 || th * 2 < html_prose(s))
		return false;
	HTML_DEBUG_NODE("comments", s);
	return true;
}

/* Writes the winner and the siblings that belong with it; returns their
 * prose (html_prose()). A sibling that scores well is merged, but after
 * the winner a box about the author; after it too, the article's next
 * slice (html_next_slice()). Before a winner that holds the page's
 * headline, none: the text starts at its headline, and what comes
 * before it is the page's (a publisher's notice, a breadcrumb trail). */
size_t
html_write_article(struct html_ctx *ctx, xmlNode *top)
{
	size_t prose = 0;
	xmlNode *parent = top->parent;
	double top_score = html_ni(top)->score;
	bool seen_top = false, titled;

	if (top == ctx->body || !html_is_elem(parent)) {
		html_write(ctx, top);
		return html_prose(top);
	}
	/* one walk of top, not one for each sibling before it */
	titled = html_holds_title(ctx, top);
	for (xmlNode *s = parent->children; s != NULL; s = s->next) {
		if (s == top) {
			seen_top = true;
			html_write(ctx, s);
			prose += html_prose(s);
			continue;
		}
		if (!html_is_elem(s))
			continue;
		if (ctx->story && html_is_story(s))
			continue;
		if (html_other_headline(ctx, s, top) || html_after_picture(s))
			continue;
		if (!seen_top && titled)
			continue;
		if (seen_top && html_comments(s))
			continue;
		if ((html_sibling_ok(s, top_score) && (!seen_top ||
		    !html_author_box(ctx, s))) ||
		    (!seen_top && html_sibling_prose(ctx, s)) ||
		    (seen_top && html_next_slice(ctx, s, top))) {
			HTML_DEBUG_NODE("sibling", s);
			html_write(ctx, s);
			prose += html_prose(s);
		}
	}
	return prose;
}

