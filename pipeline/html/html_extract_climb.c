/* The HTML extractor's move from the best-scoring container to the
 * article's box: the first of stacked stories, the climb to the
 * article's parts, and the ancestor and <article> that take the
 * climbed winner's place. See html_extract_int.h. */
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#include "html_dom.h"
#include "html_extract_int.h"

/* The best scored container under root, or NULL. */
static xmlNode *
html_best_in(xmlNode *root)
{
	xmlNode *best = NULL;

	for (xmlNode *n = root; n != NULL; n = html_next(n, root, true)) {
		const struct html_ni *ni = html_is_elem(n) ? html_ni(n) : NULL;

		if (ni != NULL && ni->cand && (best == NULL ||
		    ni->score > html_ni(best)->score))
			best = n;
	}
	return best;
}

/* Whether n is a story of stacked stories: its first <article> (the
 * outermost) has a headline (<h1>) of its own and more prose than a
 * teaser card holds; in a page without <article>s, n holds one <h1>
 * and that prose. */
bool
html_is_story(xmlNode *n)
{
	if (!html_is_elem(n) || html_ni(n) == NULL)
		return false;
	if (html_ni(n)->articles == 0)
		return html_ni(n)->h1s == 1 &&
		    html_prose(n) > HTML_CARD_TITLE + HTML_CARD_TEXT;
	for (xmlNode *e = n; e != NULL; e = html_next(e, n, true))
		if (html_is_elem(e) && html_ni(e) != NULL &&
		    html_ni(e)->kind == HTML_K_ARTICLE)
			return html_ni(e)->headed && html_prose(e) >
			    HTML_CARD_TITLE + HTML_CARD_TEXT;
	return false;
}

/* The block of top's own story, or NULL: its <article> if that held an
 * <h1>, up through the wrappers that add nothing to it; outside any
 * <article>, its outermost ancestor holding one <h1> (another CMS
 * stacks its stories in <div>s). */
static xmlNode *
html_story_of(xmlNode *top)
{
	xmlNode *w = top;

	while (html_is_elem(w) && html_ni(w) != NULL &&
	    html_ni(w)->kind != HTML_K_ARTICLE)
		w = w->parent;
	if (html_is_elem(w) && html_ni(w) != NULL) {
		if (!html_ni(w)->headed)
			return NULL;
		while (html_is_elem(w->parent) && html_ni(w->parent) != NULL &&
		    html_ni(w->parent)->text == html_ni(w)->text &&
		    html_ni(w->parent)->kind != HTML_K_BODY)
			w = w->parent;
		return w;
	}
	for (w = top; html_is_elem(w) && html_ni(w) != NULL &&
	    html_ni(w)->h1s == 0; w = w->parent)
		;
	if (!html_is_elem(w) || html_ni(w) == NULL || html_ni(w)->h1s != 1)
		return NULL;
	while (html_is_elem(w->parent) && html_ni(w->parent) != NULL &&
	    html_ni(w->parent)->h1s == 1 &&
	    html_ni(w->parent)->kind != HTML_K_BODY)
		w = w->parent;
	return w;
}

/* Whether the first <h1> under n is the page's title, or in it. */
bool
html_holds_title(const struct html_ctx *ctx, xmlNode *n)
{
	xmlNode *h = n;

	if (ctx->a->title == NULL)
		return false;
	while (h != NULL && (!html_is_elem(h) || html_ni(h) == NULL ||
	    html_ni(h)->kind != HTML_K_H1 || html_ni(h)->text == 0))
		h = html_next(h, n, true);
	return h != NULL && html_text_in(h, ctx->a->title);
}

/* The page's own story when top lies in one of several stories stacked
 * one after the other, each with a headline in a block of its own (an
 * endless page appends the next stories to the first, and a later one
 * may be longer): the best container of the first story before top's,
 * which is then written alone (ctx->story); else top. Without
 * <article>s, the first story's headline must be the page's title: a
 * notice with a headline of its own (an old browser's) may come first. */
xmlNode *
html_first_story(struct html_ctx *ctx, xmlNode *top)
{
	xmlNode *w = html_story_of(top), *first = NULL, *best;

	if (w == NULL)
		return top;
	for (xmlNode *s = w->prev; s != NULL; s = s->prev)
		if (html_is_story(s))
			first = s;
	if (first == NULL || (best = html_best_in(first)) == NULL ||
	    (html_ni(first)->articles == 0 && !html_holds_title(ctx, first)))
		return top;
	HTML_DEBUG_NODE("first story", best);
	ctx->story = true;
	return best;
}

/* What the lists under root hold, in one walk: *prose, their prose
 * outside skip (a subtree of root, or NULL); *text, their text other
 * than their prose, skip's lists included and lists of links
 * (HTML_CLIMB_LD) aside: an article's own lists (steps, points, codes)
 * are its text as its paragraphs are. */
static void
html_lists(xmlNode *root, const xmlNode *skip, size_t *prose,
    size_t *text)
{
	*prose = *text = 0;
	for (xmlNode *n = root; n != NULL; ) {
		const struct html_ni *ni = html_is_elem(n) ? html_ni(n) : NULL;

		if (ni == NULL || !(ni->cls & HTML_T_LIST)) {
			n = html_next(n, root, true);
			continue;
		}
		if (skip == NULL || !html_is_ancestor(skip, n))
			*prose += ni->prose;
		if (html_link_density(ni) <= HTML_CLIMB_LD && ni->text > ni->prose)
			*text += ni->text - ni->prose;
		n = html_next(n, root, false);
	}
}

/* Visible characters of a name line opening a post, at most. */
#define HTML_NAMED_LINE 40
/* Posts of one form that make a thread. */
#define HTML_NAMED_POSTS 3

/* Words of a name line, at most (a reader's name, a handle; a story's
 * title or a section's says more). */
#define HTML_NAMED_WORDS 4

/* Whether the text of n is of HTML_NAMED_WORDS words at most. */
static bool
html_few_words(const xmlNode *n)
{
	struct buf t = { 0 };
	unsigned words = 0;
	bool space = true;

	html_text_of(n, &t);
	for (const char *p = t.p; p != NULL && *p != '\0'; p++) {
		bool sp = *p == ' ' || *p == '\t' || *p == '\n';

		if (space && !sp)
			words++;
		space = sp;
	}
	buf_free(&t);
	return words <= HTML_NAMED_WORDS;
}

/* Whether c reads as a post under a name line: a block of under half
 * links whose first text lies in a block of its own of at most
 * HTML_NAMED_LINE characters and HTML_NAMED_WORDS words, no heading
 * (a section's title), with more text after it: a reader's comment,
 * its name linked or not, dated or not. */
static bool
html_is_named(xmlNode *c)
{
	const struct html_ni *ci = html_is_elem(c) ? html_ni(c) : NULL;
	xmlNode *t = c, *line = NULL;

	if (ci == NULL || !(ci->cls & HTML_T_BLOCK) || ci->text == 0 ||
	    html_link_density(ci) >= 0.5)
		return false;
	while (t != NULL && (t->type != XML_TEXT_NODE ||
	    html_text_len(t) == 0))
		t = html_next(t, c, true);
	if (t == NULL)
		return false;
	for (xmlNode *a = t->parent; a != NULL && a != c; a = a->parent) {
		const struct html_ni *ai = html_ni(a);

		if (ai == NULL || (ai->cls & HTML_T_HEAD))
			return false;
		if (ai->text > HTML_NAMED_LINE)
			break;
		if (ai->cls & HTML_T_BLOCK)
			line = a;
	}
	if (line == NULL || ci->text <= html_ni(line)->text +
	    HTML_NAMED_LINE || !html_few_words(line))
		return false;
	/* a section titled by a line holds headings of its own (a
	 * team's names); a reader's comment none */
	for (xmlNode *n = c; n != NULL; n = html_next(n, c, true))
		if (html_is_elem(n) && html_ni(n) != NULL &&
		    (html_ni(n)->cls & HTML_T_HEAD))
			return false;
	return true;
}

/* Whether elements a and b are of one kind: one tag and one first class
 * (or none). A thread's posts differ in their later classes (odd and
 * even, the author's, a reply's depth), not in the first. */
static bool
html_same_kind(const xmlNode *a, const xmlNode *b)
{
	const char *ca = html_attr(a, "class"), *cb = html_attr(b, "class");
	size_t la, lb;

	if (strcmp((const char *)a->name, (const char *)b->name) != 0)
		return false;
	if (ca == NULL || cb == NULL)
		return ca == cb;
	la = strcspn(ca, " \t\n");
	lb = strcspn(cb, " \t\n");
	return la == lb && strncmp(ca, cb, la) == 0;
}

/* Prose under root after top (a descendant of root) in the posts of
 * threads: HTML_NAMED_POSTS or more children of one element, of one
 * kind (html_same_kind()), each a post under a name line
 * (html_is_named()), and the replies named among them (lists of their
 * own between the posts). The article's parts have headings or none; a
 * run of name lines over prose after the text is readers' comments,
 * whatever their names. A top of NULL reads all of root. */
size_t
html_thread_after(xmlNode *root, xmlNode *top)
{
	size_t prose = 0;
	bool after = top == NULL;

	for (xmlNode *n = root; n != NULL; ) {
		xmlNode *first = NULL, *c = n->children, *own = NULL;
		size_t posts = 0, pp = 0;

		if (n == top) {
			after = true;
			n = html_next(n, root, false);
			continue;
		}
		/* before top, only top's ancestors are read: the rest of
		 * the page before it is passed over whole */
		if (!html_is_elem(n) || (!after && !html_is_ancestor(n, top))) {
			n = html_next(n, root, after);
			continue;
		}
		/* a thread's posts each hold more than a name line: a box
		 * of HTML_NAMED_POSTS name lines' text or less holds none,
		 * nor does any box inside it, whose text is its part */
		if (after && html_ni(n) != NULL &&
		    html_ni(n)->text <= HTML_NAMED_POSTS * HTML_NAMED_LINE) {
			n = html_next(n, root, false);
			continue;
		}
		if (!after) {
			while (c != top && !html_is_ancestor(c, top))
				c = c->next;
			own = c;
			c = c->next;
		}
		/* replies between the posts, in a box of their own (a
		 * list), are named too: the thread's */
		for (; c != NULL; c = c->next)
			if (html_is_elem(c) && html_is_named(c)) {
				first = first != NULL ? first : c;
				posts += html_same_kind(first, c);
				pp += html_prose(c);
			}
		/* a winner that is a post of the thread: the page is the
		 * thread (a forum's, a Q&A's) */
		if (own != NULL && first != NULL &&
		    html_same_kind(own, first) && html_is_named(own))
			posts = 0;
		if (posts >= HTML_NAMED_POSTS)
			prose += pp;
		n = html_next(n, root, posts < HTML_NAMED_POSTS || !after);
	}
	return prose;
}

/* Whether parent holds clearly more prose than its child top outside
 * lists, and little else but lists: an article split into parts (page
 * builders' rows and columns). */
static bool
html_more_prose(xmlNode *parent, xmlNode *top)
{
	const struct html_ni *pi = html_ni(parent);
	size_t pp = html_prose(parent), tp = html_prose(top), lp, lt, th;
	double other = (double)(pi->text - pp);

	if (pp < tp + tp / 4 + 100 || html_link_density(pi) > HTML_CLIMB_LD)
		return false;
	html_lists(parent, top, &lp, &lt);
	/* the prose it adds in lists is no part (a comment policy's
	 * rules, a blog's comments: lists of long items) */
	if (pp - lp < tp + tp / 4 + 100)
		return false;
	/* nor is the prose of readers' comments after the text */
	th = html_thread_after(parent, top);
	if (th >= pp - lp || pp - lp - th < tp + tp / 4 + 100)
		return false;
	return other < HTML_CLIMB_OTHER * (double)pp ||
	    other - (double)lt < HTML_CLIMB_OTHER * (double)pp;
}

/* Whether the subtree of root holds a picture (<img>, <picture>). */
static bool
html_has_img(xmlNode *root)
{
	for (xmlNode *n = root; n != NULL; n = html_next(n, root, true))
		if (html_is_pic(n))
			return true;
	return false;
}

/* Leaves out what top's parent adds after top, as a form is left out
 * (written, the edges of the text judged with it): the parent adds
 * little to top, and what it adds after the text is what the page
 * hangs under the article (a comment prompt, a channel's pitch, a
 * widget's message), where what it adds before is the article's head
 * (a kicker, the headline, a byline, a date line). What the writer
 * skips already stays as it is (teaser cards, boxes of over half
 * links: html_skip()), and so does a box holding a picture (a gallery
 * after the text, whose pictures are the article's). */
static void
html_leave_tail(xmlNode *top)
{
	for (xmlNode *c = top->next; c != NULL; c = c->next) {
		struct html_ni *ci = html_is_elem(c) ? html_ni(c) : NULL;

		if (ci != NULL && ci->text > 0 && !ci->card &&
		    html_link_density(ci) <= 0.5 && !html_has_img(c))
			ci->form = true;
	}
}

/* Step 4b: moves the winner up while its parent adds little text of its
 * own, or adds mostly prose and the winner holds no <article>, so that
 * the merge of siblings sees the article's real parts; an <article>
 * climbs only to a parent that adds nothing, and no winner climbs to
 * <body>: what the page's root adds beside one container, however
 * little, is the page's (a consent greeting, a privacy notice), and
 * the merge of siblings still sees the root's other children. A climb
 * over a parent that adds little leaves out what the parent adds after
 * the winner (html_leave_tail()): without an <article> to stop it
 * (another CMS's markup), the climb took the lines under the text. */
xmlNode *
html_climb(struct html_ctx *ctx, xmlNode *top)
{
	while (top != ctx->body && top->parent != ctx->body &&
	    html_is_elem(top->parent) && html_ni(top->parent) != NULL) {
		const struct html_ni *ti = html_ni(top);
		const struct html_ni *pi = html_ni(top->parent);

		/* the prose a parent adds is the article's parts only
		 * inside the article: past an <article> element (HTML's
		 * self-contained composition) it is other stories, a
		 * feed of teasers under the article; and the winner that
		 * is an <article> is the composition whole: a parent that
		 * adds any text to it adds what is not the article (a
		 * consent line, a byline box, a caption, other stories) */
		if (ti->kind == HTML_K_ARTICLE && pi->text > ti->text)
			break;
		if (pi->text > ti->text + ti->text / 20 + 10) {
			if (ti->articles > 0 ||
			    !html_more_prose(top->parent, top))
				break;
		} else
			html_leave_tail(top);
		top = top->parent;
	}
	return top;
}

/* Share of the best score an ancestor of the climbed winner needs to
 * take its place (html_ancestor_or()). */
#define HTML_ANCESTOR_SCORE 0.5

/* An ancestor of top, the climbed winner, instead of it when it scores
 * half best's score or more and holds clearly more prose outside lists
 * (a quarter more, and 100 characters; a comment policy's rules are a
 * list, html_more_prose()): the winner was a box inside the article
 * (quoted stories, each under its source's link) and the climb stopped
 * at the first parent adding links; header lines add no prose. A
 * winner holding under HTML_FALLBACK of the page's prose is left to
 * the fallback (a shop's reviews around a reply that won). */
xmlNode *
html_ancestor_or(struct html_ctx *ctx, xmlNode *best, xmlNode *top)
{
	size_t tp = html_prose(top);

	if (best == NULL || ctx->recipe_box != NULL || ctx->story ||
	    (double)tp < HTML_FALLBACK * (double)html_prose(ctx->body))
		return top;
	for (xmlNode *a = top; a != ctx->body && a->parent != ctx->body &&
	    html_is_elem(a->parent) && html_ni(a->parent) != NULL;
	    a = a->parent) {
		const struct html_ni *ai = html_ni(a->parent);
		size_t lp, lt;

		/* past an <article>, or to a box holding one besides
		 * itself, lie other stories */
		if (html_ni(a)->kind == HTML_K_ARTICLE || ai->articles >
		    (ai->kind == HTML_K_ARTICLE ? 1u : 0u))
			break;
		if (!ai->cand || ai->score <
		    HTML_ANCESTOR_SCORE * html_ni(best)->score ||
		    html_prose(a->parent) < tp + tp / 4 + 100)
			continue;
		html_lists(a->parent, top, &lp, &lt);
		if (html_prose(a->parent) - lp >= tp + tp / 4 + 100) {
			HTML_DEBUG_NODE("ancestor", a->parent);
			return html_climb(ctx, a->parent);
		}
	}
	return top;
}

/* The best container of the page's one <article> instead of top, the
 * climbed winner, when top lies outside it, the <article> holds prose
 * (2 * HTML_PROSE_OWN: a photo's description of short lines has little)
 * and its best scores half best's or more: HTML's self-contained
 * composition against a site's blurb in an <aside> whose share of the
 * prose kept it from the pruning. */
xmlNode *
html_article_or(struct html_ctx *ctx, xmlNode *best, xmlNode *top)
{
	xmlNode *root = ctx->body, *art = root, *b;

	if (best == NULL || ctx->recipe_box != NULL || ctx->story ||
	    html_ni(root)->articles != 1)
		return top;
	while (art != NULL && (!html_is_elem(art) || html_ni(art) == NULL ||
	    html_ni(art)->kind != HTML_K_ARTICLE))
		art = html_next(art, root, true);
	if (art == NULL || html_is_ancestor(art, top) ||
	    html_is_ancestor(top, art) ||
	    html_prose(art) < 2 * HTML_PROSE_OWN ||
	    (b = html_best_in(art)) == NULL ||
	    html_ni(b)->score < HTML_ANCESTOR_SCORE * html_ni(best)->score)
		return top;
	HTML_DEBUG_NODE("article", b);
	return html_climb(ctx, b);
}
