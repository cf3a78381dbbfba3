/* Main-content extraction from HTML pages over libxml2's HTML tree.
 *
 * The page is parsed, its metadata taken by html_meta_extract(), and then:
 *  1. script, style, form controls and other non-content are dropped;
 *  2. text statistics are computed for every element (visible characters,
 *     characters inside links, paragraph text, commas);
 *  3. page furniture (nav, aside, header, footer) and elements whose class,
 *     id or role mark boilerplate or hidden content are dropped, unless
 *     they hold a large share of the page's paragraph text;
 *  4. every block of text scores its ancestors (length, commas), the
 *     scores are weighed by tag, class signals and link density, and the
 *     best container wins; it climbs to ancestors that add little, and
 *     siblings that score well or read as prose are merged in;
 *  5. the winner is written out as paragraphs, skipping link lists,
 *     captions, credit lines, cookie notices and the labels ("Read more:")
 *     of skipped blocks; figures and images are collected with caption and
 *     credit;
 *  6. when the winner holds under HTML_FALLBACK of the page's prose (an
 *     article split over many modules), the whole page is written instead
 *     and filtered paragraph by paragraph, after jusText: long paragraphs
 *     with few links, and the shorter ones and headings next to them.
 * Every walk is iterative (html_next()), so nesting depth costs no stack.
 */
#include "html_extract.h"

#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <stdlib.h>
#include <string.h>

#include "html_dom.h"
#include "html_meta.h"
#include "html_strip.h"

/* What the extractor knows about one element; hung on node->_private. */
struct html_ni {
	double score;
	unsigned text;    /* visible characters in the subtree */
	unsigned link;    /* of which inside <a> */
	unsigned ptext;   /* of which inside paragraphs (p, pre, blockquote) */
	unsigned own;     /* text whose nearest block ancestor is this */
	unsigned own_link;  /* of which inside links */
	unsigned commas;  /* commas in own */
	unsigned un, un_link, un_commas;  /* text not yet owned (stats) */
	unsigned cls;     /* HTML_T_* */
	unsigned sig;     /* HTML_S_* */
	enum html_kind kind;
	bool cand;        /* score was initialised */
};

/* What html_stats() counted in a text node, kept for its second pass;
 * hung on the text node's _private. */
struct html_tc {
	unsigned len;     /* visible characters */
	unsigned commas;
};

/* A paragraph as written: its text and what it is made of. */
struct html_para {
	char *text;
	unsigned len;     /* visible characters */
	unsigned link;    /* of which inside links */
	bool head;        /* a heading */
	bool keep;
	bool cont;        /* follows the previous one after a <br> */
};

struct html_ctx {
	struct html_para *paras;  /* the paragraphs written so far */
	size_t n_paras;
	size_t cap_paras;
	unsigned link;     /* link characters in para */
	bool head;         /* para is a heading */
	bool no_images;    /* the writer leaves images alone */
	bool raw;          /* the writer skips nothing */
	bool fragment;     /* html_extract_fragment(): all is the article */
	xmlDoc *doc;
	xmlNode *body;
	struct html_ni *ni;
	size_t n_ni;
	struct html_tc *tc;  /* one per text node */
	size_t n_tc;
	const char *url;
	struct nw_article *a;
	struct buf out;    /* the body being written */
	struct buf para;   /* the paragraph being written */
	bool space;        /* a space is pending in para */
	bool cont;         /* para follows the previous one after a <br> */
	char *h1;          /* the first <h1> seen in the content */
	bool twin;         /* the winner was picked among stacked articles */
	struct html_sigcache sigs;  /* signals of the page's class names */
};

/* Minimum own text of a block for it to score its ancestors. */
#define HTML_MIN_BLOCK 25
/* Share of the page's text above which a container is never pruned. */
#define HTML_PROTECT 0.3
/* The winning container's text below this share of the page's prose
 * sends the extractor to the prose of the whole page. */
#define HTML_FALLBACK 0.4
/* The winner climbs to a parent with more prose when the parent's link
 * density and its text other than prose stay under these. */
#define HTML_CLIMB_LD 0.25
#define HTML_CLIMB_OTHER 0.2

/* Start tags a page may hold before it is refused unparsed: libxml2's
 * tree costs a few hundred bytes a node, so a page of a million links
 * would take 900 MB and 40 s; at this limit, about 225 MB and 3 s. The
 * largest page of the corpus has under 10,000; 100,000 nested <b><i>
 * (tests/html) stay under it. */
#define HTML_MAX_ELEMENTS 250000

static struct html_ni *
html_ni(const xmlNode *n)
{
	return n->_private;
}

#ifdef HTML_DEBUG
#include <stdio.h>
/* Builds with -DHTML_DEBUG trace the extractor's choices on stderr. */
static void
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
#define HTML_DEBUG_NODE(what, n) html_debug((what), (n))
#define HTML_DEBUG_MSG(...) fprintf(stderr, "html: " __VA_ARGS__)
#else
#define HTML_DEBUG_NODE(what, n) ((void)0)
#define HTML_DEBUG_MSG(...) ((void)0)
#endif

static bool
html_is_elem(const xmlNode *n)
{
	return n != NULL && n->type == XML_ELEMENT_NODE;
}

/* Unlinks and frees n. */
static void
html_remove(xmlNode *n)
{
	xmlUnlinkNode(n);
	xmlFreeNode(n);
}

/* Step 1: drops non-content elements, comments and processing
 * instructions under root. Returns the number of elements left, and the
 * number of text nodes in *texts. */
static size_t
html_drop(xmlNode *root, size_t *texts)
{
	xmlNode *n = root;
	size_t count = 0;

	*texts = 0;
	while (n != NULL) {
		xmlNode *next;
		enum html_kind k;

		if (n->type == XML_ELEMENT_NODE) {
			if (n != root && (html_tag_class(n->name, &k) &
			    HTML_T_DROP)) {
				next = html_next(n, root, false);
				html_remove(n);
				n = next;
				continue;
			}
			count++;
			n = html_next(n, root, true);
			continue;
		}
		if (n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE) {
			(*texts)++;
			n = html_next(n, root, false);
			continue;
		}
		next = html_next(n, root, false);
		if (n != root)
			html_remove(n);
		n = next;
	}
	return count;
}

/* Ends the statistics of element n, whose subtree has been counted:
 * text in links and paragraphs, the text it owns as a block, and its sums
 * added to its parent's (unless n is root). */
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
	if (ni->cls & HTML_T_BLOCK) {
		ni->own = ni->un;
		ni->own_link = ni->un_link;
		ni->commas = ni->un_commas;
		ni->un = ni->un_link = ni->un_commas = 0;
	}
	if (n == root || !html_is_elem(n->parent))
		return;
	pi = html_ni(n->parent);
	if (pi == NULL)
		return;
	pi->text += ni->text;
	pi->link += ni->link;
	pi->ptext += ni->ptext;
	pi->un += ni->un;
	pi->un_link += ni->un_link;
	pi->un_commas += ni->un_commas;
}

/* Step 2: computes the statistics of every element under ctx->body, or
 * recomputes them (again: tag classes and signals are kept), in one walk
 * that adds each subtree's sums to its parent on the way out. Text owned
 * by a block is the text whose nearest block ancestor it is. */
static void
html_stats(struct html_ctx *ctx, bool again)
{
	xmlNode *root = ctx->body;
	xmlNode *n = root;
	size_t i = 0, t = 0;

	while (n != NULL) {
		if (n->type == XML_ELEMENT_NODE) {
			struct html_ni *ni = NULL;

			if (again && n->_private != NULL) {
				ni = n->_private;
				ni->score = 0;
				ni->cand = false;
			} else if (!again && i < ctx->n_ni) {
				ni = &ctx->ni[i++];
				ni->cls = html_tag_class(n->name, &ni->kind);
				ni->sig = html_signals_cached(n, &ctx->sigs);
				n->_private = ni;
			} else {
				n->_private = NULL;
			}
			if (ni != NULL) {
				ni->text = ni->link = ni->ptext = 0;
				ni->own = ni->own_link = ni->commas = 0;
				ni->un = ni->un_link = ni->un_commas = 0;
			}
			if (n->children != NULL) {
				n = n->children;
				continue;
			}
			html_stats_leave(n, root);
		} else if ((n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE) &&
		    n->content != NULL && html_is_elem(n->parent) &&
		    html_ni(n->parent) != NULL && n != root) {
			struct html_ni *pi = html_ni(n->parent);
			struct html_tc *tc = n->_private;
			struct html_tc one;

			if (tc == NULL && t < ctx->n_tc) {
				tc = &ctx->tc[t++];
				n->_private = tc;
			} else if (tc == NULL) {
				tc = &one;
			}
			if (!again || tc == &one)
				tc->len = html_count_text((const char *)
				    n->content, &tc->commas);
			pi->text += tc->len;
			pi->un += tc->len;
			pi->un_commas += tc->commas;
		}
		/* leave n's ancestors whose last child it is */
		while (n != root && n->next == NULL) {
			n = n->parent;
			html_stats_leave(n, root);
		}
		n = n == root ? NULL : n->next;
	}
}

/* The share of the page's text held by n. */
static double
html_share(const struct html_ctx *ctx, const xmlNode *n)
{
	const struct html_ni *b = html_ni(ctx->body);
	const struct html_ni *ni = html_ni(n);

	if (b->ptext >= 400)
		return (double)ni->ptext / b->ptext;
	if (b->text == 0)
		return 0;
	return (double)ni->text / b->text;
}

static double
html_link_density(const struct html_ni *ni)
{
	return ni->text > 0 ? (double)ni->link / ni->text : 0;
}

/* Headings that announce links to other articles, in the languages of
 * the corpus and their neighbours; matched at the start of the heading,
 * ignoring ASCII case. */
static const char *const html_related_heads[] = {
	"related", "more from", "more on this", "more stories", "read more",
	"read also", "see also", "you may also like", "you might also like",
	"recommended", "most read", "most popular", "trending",
	"notas relacionadas", "noticias relacionadas",
	"art\xc3\xad""culos relacionados", "te puede interesar",
	"tambi\xc3\xa9n te puede interesar", "lee tambi\xc3\xa9n",
	"leia tamb\xc3\xa9m", "mais lidas", "mehr zum thema", "mehr dazu",
	"mehr aus", "weitere artikel", "weitere beitr\xc3\xa4ge",
	"aktuellste beitr\xc3\xa4ge", "neueste beitr\xc3\xa4ge",
	"das k\xc3\xb6nnte sie auch interessieren", "lesen sie auch",
	"auch interessant", "\xc3\x84hnliche artikel",
	"\xc3\xa4hnliche artikel", "verwandte artikel", "meistgelesen",
	"\xc3\xa0 lire aussi", "lire aussi",
	"sur le m\xc3\xaame sujet", "leggi anche", "articoli correlati",
	"czytaj tak\xc5\xbc""e", "zobacz tak\xc5\xbc""e", "polecane",
};

/* Whether heading n announces related links (html_related_heads). */
static bool
html_is_related_head(const xmlNode *n)
{
	struct buf t = { 0 };
	bool hit = false;

	html_text_of(n, &t);
	html_trim(&t);
	for (size_t i = 0; t.len > 0 && t.len <= 60 &&
	    i < sizeof(html_related_heads) / sizeof(html_related_heads[0]);
	    i++)
		if (strncasecmp(t.p, html_related_heads[i],
		    strlen(html_related_heads[i])) == 0)
			hit = true;
	buf_free(&t);
	return hit;
}

/* Step 3b: drops what a heading announcing related links opens: its
 * parent when the heading comes first in it, else the heading and the
 * siblings after it up to the next heading. Parents that hold a large
 * share of the page's text are left whole (broken markup may nest the
 * article inside). Returns the node to visit after n. */
static xmlNode *
html_prune_related(struct html_ctx *ctx, xmlNode *n)
{
	xmlNode *p = n->parent, *first = p->children, *s;

	while (first != NULL && !html_is_elem(first))
		first = first->next;
	if (first == n && p != ctx->body && html_ni(p) != NULL &&
	    html_share(ctx, p) <= HTML_PROTECT) {
		s = html_next(p, ctx->body, false);
		HTML_DEBUG_NODE("related block", p);
		html_remove(p);
		return s;
	}
	for (s = n; s != NULL; ) {
		xmlNode *next = s->next;

		if (s != n && html_is_elem(s) && html_ni(s) != NULL &&
		    ((html_ni(s)->cls & HTML_T_HEAD) ||
		    html_share(ctx, s) > HTML_PROTECT))
			break;
		html_remove(s);
		s = next;
	}
	return s != NULL ? s : html_next(p, ctx->body, false);
}

/* Step 3: prunes page furniture and boilerplate. Figures are left for the
 * writer, which collects their images. */
static void
html_prune(struct html_ctx *ctx)
{
	xmlNode *root = ctx->body;
	xmlNode *n = root;

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
		if ((ni->cls & HTML_T_HEAD) && ni->text <= 60 &&
		    html_is_related_head(n)) {
			n = html_prune_related(ctx, n);
			continue;
		}
		junk = (ni->cls & HTML_T_CHROME) || (ni->sig & (HTML_S_JUNK |
		    HTML_S_HIDDEN | HTML_S_COMMENTS | HTML_S_HEADER));
		/* an article's own header (<header>, class "...header")
		 * holds its lead paragraph: a header with paragraph text
		 * and few links is not the site's */
		if (((ni->cls & HTML_T_CHROME) || (ni->sig & HTML_S_HEADER)) &&
		    !(ni->sig & (HTML_S_JUNK | HTML_S_HIDDEN |
		    HTML_S_COMMENTS)) && (strcmp((const char *)n->name,
		    "header") == 0 || (ni->sig & HTML_S_HEADER)) &&
		    ni->ptext >= 50 && html_link_density(ni) < 0.2)
			junk = false;
		/* an article's container is never furniture, whatever
		 * taxonomy its classes carry ("tag-...", "category-...") */
		if ((ni->sig & HTML_S_BODY) || ni->kind == HTML_K_ARTICLE ||
		    ni->kind == HTML_K_MAIN)
			junk = (ni->sig & HTML_S_HIDDEN) != 0;
		if (junk) {
			double share = html_share(ctx, n);
			bool keep = share > HTML_PROTECT;

			if ((ni->sig & HTML_S_COMMENTS) &&
			    !(ni->sig & HTML_S_POS))
				keep = false;
			if ((ni->sig & HTML_S_DIALOG) && share < 0.6)
				keep = false;
			if (!keep) {
				xmlNode *next = html_next(n, root, false);

				HTML_DEBUG_NODE("pruned", n);
				html_remove(n);
				n = next;
				continue;
			}
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
	if (ni->sig & HTML_S_POS)
		ni->score += 25;
	if (ni->sig & (HTML_S_NEG | HTML_S_JUNK | HTML_S_HEADER))
		ni->score -= 25;
	if (ni->sig & HTML_S_BODY)
		ni->score += 50;
}

/* Step 4a: scores the ancestors of every block of text and returns the
 * best container, or NULL when the page has no block of text. */
static xmlNode *
html_score(struct html_ctx *ctx)
{
	xmlNode *root = ctx->body;
	xmlNode *best = NULL;
	double best_score = 0;

	for (xmlNode *n = root; n != NULL; n = html_next(n, root, true)) {
		struct html_ni *ni;
		xmlNode *p;
		double s;
		int level = 0;

		if (!html_is_elem(n) || html_ni(n) == NULL)
			continue;
		ni = html_ni(n);
		if (ni->own < HTML_MIN_BLOCK || (ni->cls & HTML_T_HEAD) ||
		    ni->kind == HTML_K_LI)
			continue;
		s = 1 + ni->commas + (ni->own / 100 > 3 ? 3 : ni->own / 100);
		p = (ni->cls & HTML_T_PARA) ? n->parent : n;
		for (; p != NULL && html_is_elem(p) && level < 5;
		    p = p->parent, level++) {
			struct html_ni *pi = html_ni(p);

			if (pi == NULL)
				break;
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
	return best;
}

static size_t html_prose(xmlNode *root);

/* Whether heading text h names the article titled title: equal, or one
 * holding the other (a title with the site's name, a kicker). */
static bool
html_heading_matches(const char *h, const char *title)
{
	if (strcasecmp(h, title) == 0)
		return true;
	if (strlen(h) < 15 || strlen(title) < 15)
		return false;
	return strstr(h, title) != NULL || strstr(title, h) != NULL;
}

/* Step 4a': on pages that stack several articles (infinite scroll, the
 * next story loaded below), the containers share tag and class, and the
 * longest need not be the page's own. Returns, among the twins of best
 * that score at least a quarter of it, the one that follows the heading
 * naming the page's title (and sets ctx->twin: the other articles' prose
 * does not send the extractor to the whole page), or best when none
 * does. */
/* Whether n is a twin of best (class cls): an element of the same name
 * and class that scored at least floor. */
static bool
html_is_twin(const xmlNode *n, const xmlNode *best, const char *cls,
    double floor)
{
	const struct html_ni *ni = html_ni(n);
	const char *c;

	if (!ni->cand || ni->score < floor ||
	    strcmp((const char *)n->name, (const char *)best->name) != 0)
		return false;
	c = html_attr(n, "class");
	return c != NULL && strcmp(c, cls) == 0;
}

static xmlNode *
html_pick_twin(struct html_ctx *ctx, xmlNode *best)
{
	const char *cls = html_attr(best, "class");
	double floor = html_ni(best)->score / 4;
	xmlNode *root = ctx->body, *heading = NULL;
	size_t twins = 0;

	if (ctx->a->title == NULL || cls == NULL || cls[0] == '\0')
		return best;
	for (xmlNode *n = root; n != NULL; n = html_next(n, root, true))
		if (html_is_elem(n) && html_ni(n) != NULL && n != best &&
		    html_is_twin(n, best, cls, floor))
			twins++;
	if (twins == 0)
		return best;
	for (xmlNode *n = root; n != NULL; n = html_next(n, root, true)) {
		struct buf t = { 0 };
		bool match;

		if (!html_is_elem(n) || html_ni(n) == NULL)
			continue;
		if (html_ni(n)->cls & HTML_T_HEAD) {
			heading = n;
			continue;
		}
		if (heading == NULL || !html_is_twin(n, best, cls, floor))
			continue;
		html_text_of(heading, &t);
		html_trim(&t);
		match = t.len > 0 && html_heading_matches(t.p, ctx->a->title);
		buf_free(&t);
		if (match) {
			ctx->twin = true;
			return n;
		}
		heading = NULL;
	}
	return best;
}

/* Whether parent holds clearly more prose than its child top, and little
 * else: an article split into parts (page builders' rows and columns). */
static bool
html_more_prose(xmlNode *parent, xmlNode *top)
{
	const struct html_ni *pi = html_ni(parent);
	size_t pp = html_prose(parent), tp = html_prose(top);

	if (pp < tp + tp / 4 + 100 || html_link_density(pi) > HTML_CLIMB_LD)
		return false;
	return (double)(pi->text - pp) < HTML_CLIMB_OTHER * (double)pp;
}

/* Step 4b: moves the winner up while its parent adds little text of its
 * own, or adds mostly prose, so that the merge of siblings sees the
 * article's real parts. */
static xmlNode *
html_climb(struct html_ctx *ctx, xmlNode *top)
{
	while (top != ctx->body && html_is_elem(top->parent) &&
	    html_ni(top->parent) != NULL) {
		const struct html_ni *ti = html_ni(top);
		const struct html_ni *pi = html_ni(top->parent);

		if (pi->text > ti->text + ti->text / 20 + 10 &&
		    !html_more_prose(top->parent, top))
			break;
		top = top->parent;
	}
	return top;
}

/* Whether sibling s of the winner (score top_score) belongs to the
 * article. */
static bool
html_sibling_ok(const xmlNode *s, const xmlNode *top, double top_score)
{
	const struct html_ni *si = html_ni(s);
	double threshold = top_score * 0.2 > 10 ? top_score * 0.2 : 10;
	double bonus = 0;
	const char *sc = html_attr(s, "class");
	const char *tc = html_attr(top, "class");
	double ld;

	if (si == NULL)
		return false;
	if (sc != NULL && tc != NULL && sc[0] != '\0' && strcmp(sc, tc) == 0)
		bonus = top_score * 0.2;
	if (si->cand && si->score + bonus >= threshold)
		return true;
	ld = html_link_density(si);
	if (si->kind == HTML_K_P || (si->cls & HTML_T_HEAD)) {
		if (si->text > 80 && ld < 0.25)
			return true;
		if (si->text > 0 && si->text <= 80 && ld == 0)
			return si->kind == HTML_K_P;
	}
	return false;
}

/* Whether the paragraph s (len visible characters) is a caption's credit
 * line or a cookie notice that its markup did not mark. */
static bool
html_is_notice(const char *s, unsigned len)
{
	static const char *const credits[] = {
		"Foto:", "Fotos:", "Bild:", "Bilder:", "Quelle:",
		"Abbildung:", "Photo:", "Photos:", "Image:", "Credit:",
		"Photo credit:", "Source:", "Fuente:", "Crédito:",
		"Crédit photo", "Illustration:", "Grafik:", "Video:",
	};

	if (len > 200)
		return false;
	for (size_t i = 0; i < sizeof(credits) / sizeof(credits[0]); i++)
		if (strncmp(s, credits[i], strlen(credits[i])) == 0)
			return true;
	return strcasestr(s, "cookie") != NULL;
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
		p->head = ctx->head;
		p->keep = true;
		p->cont = ctx->cont;
		p->text = buf_take(&ctx->para);
		HTML_DEBUG_MSG("para %u/%u head %d: %s\n", p->len, p->link,
		    p->head, p->text);
	}
	ctx->para.len = 0;
	if (ctx->para.p != NULL)
		ctx->para.p[0] = '\0';
	ctx->space = false;
	ctx->link = 0;
	ctx->head = false;
	ctx->cont = false;
}

static void
html_paras_free(struct html_ctx *ctx)
{
	for (size_t i = 0; i < ctx->n_paras; i++)
		free(ctx->paras[i].text);
	free(ctx->paras);
	ctx->paras = NULL;
	ctx->n_paras = ctx->cap_paras = 0;
}

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
 * shorter ones next to them, and headings that open them. */
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
		if (p->head && c[i] != HTML_P_BAD && i + 1 < n &&
		    c[i + 1] >= HTML_P_NEAR)
			p->keep = true;
	}
	free(c);
}

/* Whether paragraph p only announces what follows: a heading, or a short
 * line ending in a colon ("Mehr zum Thema", "Read more:"). */
static bool
html_is_label(const struct html_para *p)
{
	size_t n = strlen(p->text);

	if (p->len > 80)
		return false;
	return p->head || (n > 0 && p->text[n - 1] == ':');
}

/* Drops the last paragraph when it announces a block that was skipped. */
static void
html_drop_label(struct html_ctx *ctx)
{
	struct html_para *p;

	if (ctx->n_paras == 0 || ctx->para.len > 0)
		return;
	p = &ctx->paras[ctx->n_paras - 1];
	if (!html_is_label(p))
		return;
	free(p->text);
	ctx->n_paras--;
}

/* Joins the kept paragraphs into ctx->out, less the labels that end it
 * and so announce nothing. */
static void
html_paras_join(struct html_ctx *ctx)
{
	while (ctx->n_paras > 1) {
		struct html_para *p = &ctx->paras[ctx->n_paras - 1];

		if (p->keep && !html_is_label(p))
			break;
		free(p->text);
		ctx->n_paras--;
	}
	for (size_t i = 0; i < ctx->n_paras; i++) {
		if (!ctx->paras[i].keep)
			continue;
		if (ctx->out.len > 0)
			buf_puts(&ctx->out, "\n\n");
		buf_puts(&ctx->out, ctx->paras[i].text);
	}
}

/* Whether text node t sits inside a link, below its nearest block. */
static bool
html_in_link(const xmlNode *t)
{
	for (const xmlNode *p = t->parent; html_is_elem(p); p = p->parent) {
		const struct html_ni *pi = html_ni(p);

		if (pi == NULL || (pi->cls & HTML_T_BLOCK))
			return false;
		if (pi->kind == HTML_K_A)
			return true;
	}
	return false;
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
		xmlChar *abs = xmlBuildURI((const xmlChar *)raw,
		    (const xmlChar *)ctx->url);

		if (abs != NULL) {
			free(raw);
			raw = xstrdup((const char *)abs);
			xmlFree(abs);
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

/* Adds the image of figure (or lone img) n with its caption and credit,
 * unless its address is already known or HTML_MAX_IMAGES are kept. */
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
 * of a gallery, whose caption is written in paragraphs. The writer writes
 * such a figure like any block, its caption included. */
static bool
html_figure_is_content(xmlNode *n)
{
	unsigned caption = 0, caption_ptext = 0;

	for (xmlNode *c = n->children; c != NULL; ) {
		const struct html_ni *ci = html_is_elem(c) ? html_ni(c) : NULL;
		bool descend = ci != NULL;

		if (ci != NULL && ci->kind == HTML_K_FIGCAPTION) {
			caption += ci->text;
			caption_ptext += ci->ptext;
			descend = false;
		}
		c = html_next(c, n, descend);
	}
	return html_ni(n)->text > caption + HTML_FIGURE_TEXT ||
	    caption_ptext > HTML_FIGURE_TEXT;
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

/* Whether the writer skips element n (not the root of the write): link
 * lists and small boilerplate blocks, unless they hold real prose (a
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
	if (ni->kind == HTML_K_TABLE)
		return ld > 0.65 && html_prose(n) < 200;
	if (ld > 0.5)
		return html_prose(n) < 200;
	if ((ni->sig & (HTML_S_NEG | HTML_S_JUNK | HTML_S_HEADER)) &&
	    !(ni->sig & HTML_S_POS) && ni->text < 100 && ni->ptext == 0)
		return true;
	return false;
}

/* Step 5: writes the text of root as paragraphs into ctx->out, and
 * collects its images. */
static void
html_write(struct html_ctx *ctx, xmlNode *root)
{
	xmlNode *n = root;

	while (n != NULL) {
		struct html_ni *ni;
		bool descend = true;

		if (n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE) {
			if (n->content != NULL) {
				html_append_text(&ctx->para,
				    (const char *)n->content, &ctx->space);
				if (html_in_link(n))
					ctx->link += html_count_text(
					    (const char *)n->content, NULL);
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
		if (n != root && !ctx->raw && html_skip(n)) {
			HTML_DEBUG_NODE("skipped", n);
			descend = false;
			if (ni->cls & HTML_T_BLOCK)
				html_flush(ctx);
			html_drop_label(ctx);
			goto next;
		}
		if (ni->cls & HTML_T_BLOCK)
			html_flush(ctx);
		if (ni->cls & HTML_T_HEAD)
			ctx->head = true;
next:
		if (descend && html_is_elem(n) && n->children != NULL) {
			n = n->children;
			continue;
		}
		/* leave n and every ancestor whose last child it is */
		while (n != NULL) {
			if (html_is_elem(n) && html_ni(n) != NULL &&
			    (html_ni(n)->cls & HTML_T_BLOCK) &&
			    html_ni(n)->kind != HTML_K_TD)
				html_flush(ctx);
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

/* Characters of prose in the blocks under root: blocks of 70 or more
 * characters of their own with under a third in links, after the filter's
 * notion of a good paragraph. */
static size_t
html_prose(xmlNode *root)
{
	size_t n = 0;

	for (xmlNode *e = root; e != NULL; e = html_next(e, root, true)) {
		const struct html_ni *ni;

		if (!html_is_elem(e) || html_ni(e) == NULL)
			continue;
		ni = html_ni(e);
		if (ni->own >= 70 && ni->own_link * 3 < ni->own)
			n += ni->own;
	}
	return n;
}

/* Writes the winner and the siblings that belong with it; returns their
 * prose (html_prose()). */
static size_t
html_write_article(struct html_ctx *ctx, xmlNode *top)
{
	size_t prose = 0;

	xmlNode *parent = top->parent;
	double top_score = html_ni(top)->score;

	if (top == ctx->body || !html_is_elem(parent)) {
		html_write(ctx, top);
		return html_prose(top);
	}
	for (xmlNode *s = parent->children; s != NULL; s = s->next) {
		if (s == top) {
			html_write(ctx, s);
			prose += html_prose(s);
			continue;
		}
		if (!html_is_elem(s))
			continue;
		if (html_sibling_ok(s, top, top_score)) {
			HTML_DEBUG_NODE("sibling", s);
			html_write(ctx, s);
			prose += html_prose(s);
		}
	}
	return prose;
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

/* Drops, at the edges of the winner, the link lines and kickers before
 * the first paragraph that reads as prose and the short lines and link
 * lines after the last one: breadcrumbs, bylines, "Share", "Tags: ..." */
static void
html_paras_edges(struct html_ctx *ctx)
{
	size_t first = ctx->n_paras, last = 0;

	for (size_t i = 0; i < ctx->n_paras; i++) {
		if (html_pclass(&ctx->paras[i]) >= HTML_P_NEAR) {
			if (first == ctx->n_paras)
				first = i;
			last = i;
		}
	}
	if (first == ctx->n_paras)
		return;
	for (size_t i = 0; i < ctx->n_paras; i++) {
		struct html_para *p = &ctx->paras[i];

		if (p->head)
			continue;
		if (i < first && (html_pclass(p) == HTML_P_BAD ||
		    html_is_kicker(p)))
			p->keep = false;
		if (i > last && html_pclass(p) <= HTML_P_SHORT)
			p->keep = false;
	}
}

/* Drops the link lines that end the text ("Continue reading...") when
 * there is text before them. */
static void
html_paras_links_after(struct html_ctx *ctx)
{
	while (ctx->n_paras > 1 &&
	    html_pclass(&ctx->paras[ctx->n_paras - 1]) == HTML_P_BAD) {
		free(ctx->paras[ctx->n_paras - 1].text);
		ctx->n_paras--;
	}
}

/* Falls back to the prose of the whole page when the winning container
 * holds much less of it than the page has: content split over many
 * modules defeats a single container. Leaves the body in ctx->out. */
static void
html_choose(struct html_ctx *ctx, size_t won, size_t page_prose)
{
	bool whole = !ctx->twin &&
	    (double)won < HTML_FALLBACK * (double)page_prose;

	if (!whole)
		html_paras_edges(ctx);
	if (whole) {
		html_paras_free(ctx);
		ctx->no_images = true;
		html_write(ctx, ctx->body);
		html_paras_filter(ctx);
	}
	html_paras_join(ctx);
	html_paras_free(ctx);
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

/* Whether s[0..len) holds "<!ENTITY". Looks for the '!', much rarer
 * than '<' in a page. */
static bool
html_declares_entity(const char *s, size_t len)
{
	const char *p = s, *end = s + len;

	while ((p = memchr(p, '!', (size_t)(end - p))) != NULL) {
		if (p > s && p[-1] == '<' && (size_t)(end - p) >= 7 &&
		    memcmp(p + 1, "ENTITY", 6) == 0)
			return true;
		p++;
	}
	return false;
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

/* Steps 3 to 6 on a page: the winner, or the page's filtered prose, into
 * ctx->out; returns the winner. */
static xmlNode *
html_extract_page(struct html_ctx *ctx)
{
	xmlNode *top;
	size_t won;

	html_prune(ctx);
	html_stats(ctx, true);
	top = html_score(ctx);
	if (top == NULL)
		top = ctx->body;
	HTML_DEBUG_NODE("best", top);
	top = html_pick_twin(ctx, top);
	HTML_DEBUG_NODE("twin", top);
	top = html_climb(ctx, top);
	HTML_DEBUG_NODE("climbed to", top);
	won = html_write_article(ctx, top);
	HTML_DEBUG_MSG("won prose %zu of page prose %zu\n", won,
	    html_prose(ctx->body));
	html_choose(ctx, won, html_prose(ctx->body));
	return top;
}

static int
html_extract_in(const char *s, size_t len, const char *url, int64_t now,
    struct nw_article *a, bool fragment, char *err, size_t errlen)
{
	struct html_ctx ctx = { .fragment = fragment };
	xmlNode *top;
	char *h1 = NULL, *stripped;
	size_t slen;

	if (len > (size_t)INT32_MAX)
		return fail(err, errlen, "html: page too large");
	/* no web page declares entities: one that does is an external
	 * entity or an expansion bomb (libxml2 expands neither here) */
	if (html_declares_entity(s, len))
		return fail(err, errlen, "html: the page declares entities "
		    "(<!ENTITY): refused");
	if (html_count_tags(s, len, HTML_MAX_ELEMENTS) > HTML_MAX_ELEMENTS)
		return fail(err, errlen, "html: more than %d elements: refused "
		    "unparsed", HTML_MAX_ELEMENTS);
	stripped = html_strip_raw(s, len, &slen);
	ctx.doc = htmlReadMemory(stripped, (int)slen, url, "UTF-8",
	    HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
	    HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT);
	free(stripped);
	if (ctx.doc == NULL)
		return fail(err, errlen, "html: the page cannot be parsed");
	html_meta_extract(ctx.doc, url, now, a);
	ctx.a = a;
	ctx.url = url;
	ctx.body = html_find_body(ctx.doc);
	if (ctx.body == NULL)
		goto done;
	/* the first <h1> before the page is pruned, for a missing title */
	if (a->title == NULL)
		h1 = html_first_h1(ctx.body);
	ctx.n_ni = html_drop(ctx.body, &ctx.n_tc);
	ctx.ni = xcalloc(ctx.n_ni + 1, sizeof(*ctx.ni));
	ctx.tc = xcalloc(ctx.n_tc + 1, sizeof(*ctx.tc));
	html_stats(&ctx, false);
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
done:
	free(h1);
	free(ctx.h1);
	buf_free(&ctx.out);
	buf_free(&ctx.para);
	html_paras_free(&ctx);
	free(ctx.ni);
	free(ctx.tc);
	html_sigcache_free(&ctx.sigs);
	xmlFreeDoc(ctx.doc);
	return 0;
}

int
html_extract(const char *s, size_t len, const char *url, int64_t now,
    struct nw_article *a, char *err, size_t errlen)
{
	return html_extract_in(s, len, url, now, a, false, err, errlen);
}

int
html_extract_fragment(const char *s, size_t len, const char *url,
    int64_t now, struct nw_article *a, char *err, size_t errlen)
{
	return html_extract_in(s, len, url, now, a, true, err, errlen);
}
