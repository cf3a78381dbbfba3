/* Internals of the HTML main-content extractor (html_extract.c): the
 * per-element statistics, the paragraphs written, and the steps that
 * html_extract() runs, in files by abstraction:
 *  html_extract.c         parse, drop, statistics, JSON-LD body, entry;
 *  html_extract_select.c  prune, score and choose the article container;
 *  html_extract_cards.c   mark the teaser cards of other stories;
 *  html_extract_recipe.c  a recipe's parts and their container;
 *  html_extract_write.c   write paragraphs, filter them, collect images.
 * Pure. */
#ifndef NW_HTML_EXTRACT_INT_H
#define NW_HTML_EXTRACT_INT_H

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "util.h"
#include "../article.h"
#include "html_dom.h"

/* What the extractor knows about one element; hung on node->_private. */
struct html_ni {
	double score;
	unsigned text;    /* visible characters in the subtree */
	unsigned link;    /* of which inside <a> */
	unsigned ptext;   /* of which inside paragraphs (p, pre, blockquote) */
	unsigned own;     /* text whose nearest block ancestor is this */
	unsigned own_link;  /* of which inside links */
	unsigned commas;  /* commas in own */
	unsigned articles;  /* <article> elements in the subtree, itself
	                       included */
	unsigned h1s;     /* <h1> elements with text in the subtree */
	unsigned un, un_link, un_commas;  /* text not yet owned (stats) */
	unsigned prose;   /* html_prose() of the subtree, as the last
	                     statistics left it, forms below it aside */
	unsigned cls;     /* HTML_T_* */
	unsigned sig;     /* HTML_S_* */
	enum html_kind kind;
	bool cand;        /* score was initialised */
	bool card;        /* a teaser card of another story */
	bool caption;     /* a picture's caption, outside <figure> */
	bool form;        /* a form: written and left out, as a caption;
	                     or the lines a climb passed after the winner
	                     (html_climb()) */
	bool control;     /* holds a form control set apart from any text,
	                     and no text between it and the control (a
	                     consent box's checkbox, html_mark_control()) */
	bool headed;      /* an <article> holding an <h1> before the pruning
	                     (a story's own headline) */
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
	unsigned emph;    /* of which in emphasis (html_in_emph()) */
	unsigned ital;    /* of which in italics alone, no bold */
	bool head;        /* a heading */
	bool item;        /* a list item */
	bool keep;
	bool cont;        /* follows the previous one after a <br> */
	bool caption;     /* a picture's caption: never in the text */
	bool recipe;      /* in a recipe's part: kept whatever its form */
	const xmlNode *box;  /* the block holding it and more text than
	                        its own (html_box()) */
	const xmlNode *block;  /* the block whose text it is */
};

/* An image the writer collected in a link to another page: its index in
 * the article's images and the paragraphs written before it. */
struct html_img_at {
	size_t image;
	size_t para;
	bool away;     /* the link is to another site, and no paragraph
	                  of text holds the picture */
	bool teaser;   /* a linked heading stands by the link: a teaser
	                  of another story, out wherever it lies */
};

struct html_ctx {
	struct html_para *paras;  /* the paragraphs written so far */
	size_t n_paras;
	size_t cap_paras;
	unsigned link;     /* link characters in para */
	unsigned emph;     /* characters in emphasis in para */
	unsigned ital;     /* of which in italics alone */
	bool head;         /* para is a heading */
	bool item;         /* para is a list item */
	bool no_images;    /* the writer leaves images alone */
	bool raw;          /* the writer skips nothing */
	bool fragment;     /* html_extract_fragment(): all is the article */
	xmlDoc *doc;
	xmlNode *body;
	/* the tree's elements and attributes (html_sax.c), the elements'
	 * struct html_ni and the text nodes' struct html_tc: freed with the
	 * tree, after html_doc_free() */
	struct arena mem;
	const char *url;
	struct nw_article *a;
	struct buf out;    /* the body being written */
	struct buf para;   /* the paragraph being written */
	bool space;        /* a space is pending in para */
	bool cont;         /* para follows the previous one after a <br> */
	const xmlNode *block;  /* the block whose text para is */
	xmlNode *pic;      /* the picture passed before para began, no
	                        paragraph written since */
	char *h1;          /* the first <h1> seen in the content */
	size_t h1_para;    /* paragraphs written before it */
	xmlNode *recipe;   /* the recipe's part being written */
	xmlNode *recipe_box;  /* the container of a recipe's parts */
	bool recipe_seen;  /* the page marks a recipe's parts */
	bool story;        /* the winner is the first of stacked stories
	                      (html_first_story()) */
	xmlNode *headline; /* html_headline()'s, once headline_asked */
	bool headline_asked;
	struct html_sigcache sigs;  /* signals of the page's class names */
	char **ld_recipe;  /* the JSON-LD scripts that may hold a recipe
	                      (the first walk's copies) */
	size_t n_ld_recipe, cap_ld_recipe;
	xmlNode **drops;   /* the first walk's nodes to remove (step 1) */
	size_t n_drops, cap_drops;
	struct html_img_at *asides;  /* images in links to other pages,
	                                 kept in the text's region only */
	size_t n_asides, cap_asides;
	char *sites[2];       /* url_site() of the page's address and of its
	                         canonical one, read at the first picture in
	                         a link (html_img_aside()) */
	bool sites_read;
};

/* Minimum own text of a block for it to score its ancestors. */
#define HTML_MIN_BLOCK 25
/* Characters of its own that make a block of few links prose
 * (html_prose()). */
#define HTML_PROSE_OWN 70
/* Visible characters of a box of controls outside a <form> (a consent
 * box for an embed, a newsletter's sign-up), at most. */
#define HTML_CONTROL_TEXT 800
/* Share of the page's text above which a container is never pruned. */
#define HTML_PROTECT 0.3
/* The winning container's text below this share of the page's prose
 * sends the extractor to the prose of the whole page. */
#define HTML_FALLBACK 0.4
/* The winner climbs to a parent with more prose when the parent's link
 * density and its text other than prose stay under these. */
#define HTML_CLIMB_LD 0.25
#define HTML_CLIMB_OTHER 0.2

static inline struct html_ni *
html_ni(const xmlNode *n)
{
	return n->_private;
}

/* The visible characters of text node n (content set): the first
 * walk's count (struct html_tc), read without the text, or the text
 * counted for a node the walk did not reach. */
static inline unsigned
html_text_len(const xmlNode *n)
{
	const struct html_tc *tc = n->_private;

	return tc != NULL ? tc->len :
	    html_count_text((const char *)n->content, NULL);
}

static inline bool
html_is_elem(const xmlNode *n)
{
	return n != NULL && n->type == XML_ELEMENT_NODE;
}

/* Whether n is a picture's element (<img>, <picture>). */
static inline bool
html_is_pic(const xmlNode *n)
{
	const struct html_ni *ni = html_is_elem(n) ? html_ni(n) : NULL;

	return ni != NULL &&
	    (ni->kind == HTML_K_IMG || ni->kind == HTML_K_PICTURE);
}

static inline double
html_link_density(const struct html_ni *ni)
{
	return ni->text > 0 ? (double)ni->link / ni->text : 0;
}

/* Whether node n (a text node or an element) sits inside a link, below
 * its nearest block. */
static inline bool
html_in_link(const xmlNode *n)
{
	for (const xmlNode *p = n->parent; html_is_elem(p); p = p->parent) {
		const struct html_ni *pi = html_ni(p);

		if (pi == NULL || (pi->cls & HTML_T_BLOCK))
			return false;
		if (pi->kind == HTML_K_A)
			return true;
	}
	return false;
}

/* Whether a is n or one of its ancestors. */
static inline bool
html_is_ancestor(const xmlNode *a, const xmlNode *n)
{
	for (; n != NULL; n = n->parent)
		if (n == a)
			return true;
	return false;
}

/* Whether elements a and b have one form: tag and class (a paragraph's
 * style in the edges, a repeated post's form in the selection). */
static inline bool
html_same_form(const xmlNode *a, const xmlNode *b)
{
	const char *ca = html_attr(a, "class"), *cb = html_attr(b, "class");

	if (strcmp((const char *)a->name, (const char *)b->name) != 0)
		return false;
	return ca == NULL || cb == NULL ? ca == cb : strcmp(ca, cb) == 0;
}

#ifdef HTML_DEBUG
#include <stdio.h>
/* Builds with -DHTML_DEBUG trace the extractor's choices on stderr. */
void html_debug(const char *what, const xmlNode *n);
#define HTML_DEBUG_NODE(what, n) html_debug((what), (n))
#define HTML_DEBUG_MSG(...) fprintf(stderr, "html: " __VA_ARGS__)
#else
#define HTML_DEBUG_NODE(what, n) ((void)0)
#define HTML_DEBUG_MSG(...) ((void)0)
#endif

/* Unlinks and frees n (html_tree_free()). */
void html_remove(xmlNode *n);

/* A block of text under this many visible characters, wholly a link,
 * may be the title of a teaser card. */
#define HTML_CARD_TITLE 120
/* Text a teaser card holds beyond its title, at most: a blurb of a line
 * or two, a date, a "Read more". */
#define HTML_CARD_TEXT 150

/* html_extract_recipe.c */
/* Keeps a copy of script n's text when it is JSON-LD that may hold a
 * recipe's parts (the first walk's, html_extract.c). */
void html_keep_ld_recipe(struct html_ctx *ctx, const xmlNode *n);
/* Step 3a: when no element is marked as a recipe's part, marks those
 * whose text is a line of the page's JSON-LD Recipe (its ingredients,
 * its steps), HTML_S_RECIPE, as schema.org's itemprops would. */
void html_mark_ld_recipe(struct html_ctx *ctx);
/* The container of the recipe's parts instead of best, the container
 * that scored best, when best is one of them or holds little of the
 * page's prose; sets ctx->recipe_box. */
xmlNode *html_recipe_or(struct html_ctx *ctx, xmlNode *best);

/* html_extract_icons.c */
/* Whether block n is a line of icon labels alone, written and left out
 * as a caption: a short line, no heading, whose every word stands beside
 * an icon (an <i> or <svg> without text) inside n: "Shares", a count of
 * shares, the buttons of a share bar (a figure set large in a quote,
 * by the quote's icon, is a heading or has its icon outside). */
bool html_icon_line(xmlNode *n);

/* html_extract_select.c */
/* Step 3: prunes page furniture and boilerplate. */
void html_prune(struct html_ctx *ctx);
/* Step 3b: marks the teaser cards of other stories, for the writer to
 * skip. */
void html_mark_cards(struct html_ctx *ctx);
/* Whether n's text is one web address (http://, https://, www.),
 * written out in the text: no teaser's title, no link box. */
bool html_is_address(const xmlNode *n);
/* Whether text s (trimmed) is one web address, as html_is_address(). */
bool html_is_address_text(const char *s);
/* Step 4a: the best container, or NULL when the page has no block of
 * text. */
xmlNode *html_score(struct html_ctx *ctx);
/* Whether the text of n, trimmed, is s or in it (and not empty). */
bool html_text_in(const xmlNode *n, const char *s);

/* html_extract_climb.c */
/* Whether n is a story of stacked stories: it holds a headline (<h1>)
 * of its own and more prose than a teaser card. */
bool html_is_story(xmlNode *n);
/* Whether the first <h1> under n is the page's title, or in it. */
bool html_holds_title(const struct html_ctx *ctx, xmlNode *n);
/* Step 4a': the first of stacked stories, for a winner in a later
 * one. */
xmlNode *html_first_story(struct html_ctx *ctx, xmlNode *top);
/* Step 4b: the winner moved up to the parts of the article. */
size_t html_thread_after(xmlNode *root, xmlNode *top);
xmlNode *html_climb(struct html_ctx *ctx, xmlNode *top);
/* Step 4c: an ancestor of top, climbed, that scores half best's score
 * or more and holds clearly more prose. */
xmlNode *html_ancestor_or(struct html_ctx *ctx, xmlNode *best,
    xmlNode *top);
/* Step 4c': the best container of the page's one <article>, climbed,
 * for top outside it. */
xmlNode *html_article_or(struct html_ctx *ctx, xmlNode *best,
    xmlNode *top);
/* html_extract_select.c */
/* Step 4d: the container by the page's headline, climbed, for top (the
 * winner best climbed) away from it. */
xmlNode *html_headline_or(struct html_ctx *ctx, xmlNode *best,
    xmlNode *top);
/* Whether top sits by the page's headline: it holds it, or begins
 * after it with little text between (html_by_headline()). */
bool html_top_by_headline(struct html_ctx *ctx, const xmlNode *top);
/* Characters of prose in the blocks under root, as the last statistics
 * counted them (html_ni's prose). */
size_t html_prose(xmlNode *root);
/* Writes the winner and the siblings that belong with it; returns their
 * prose. */
size_t html_write_article(struct html_ctx *ctx, xmlNode *top);

/* html_extract_write.c */
/* Visible characters outside links that make a paragraph's own
 * sentence, about nine words: a label and its link ("Read more: ...",
 * "Get the app! ...") have fewer. */
#define HTML_OWN_WORDS 50
/* Paragraph classes of the prose filter, after jusText. */
enum html_pclass { HTML_P_BAD, HTML_P_SHORT, HTML_P_NEAR, HTML_P_GOOD };
enum html_pclass html_pclass(const struct html_para *p);
/* Step 5: writes the text of root as paragraphs and collects images. */
void html_write(struct html_ctx *ctx, xmlNode *root);
/* Joins the kept paragraphs into ctx->out. */
void html_paras_join(struct html_ctx *ctx);
void html_paras_free(struct html_ctx *ctx);
/* Step 6: the winner, or the filtered prose of the whole page. */
void html_choose(struct html_ctx *ctx, size_t won, size_t page_prose);

/* html_extract_images.c */
/* The picture of figure (or lone picture) root: img, the <img> found
 * in it, or in a captioned figure with none the first element whose
 * data-src is a picture's file (a lazy loader's placeholder, which a
 * script turns into the <img>); NULL for none. */
xmlNode *html_lazy_img(xmlNode *root, xmlNode *img);
/* Notes picture img, about to be added after ctx's paragraphs written
 * so far, when it lies in a link to another page (not to a place on
 * this page or to the picture's file), and whether that link leads to
 * another site (away) from outside a paragraph of text; a picture in no
 * such link is not noted. */
void html_img_aside(struct html_ctx *ctx, const xmlNode *img);
/* Whether element n is marked by schema.org as a picture's credit: its
 * itemprop is copyrightHolder, copyrightNotice, creditText or creator. */
bool html_credit_prop(const xmlNode *n);
/* Makes credit the caption, cap, when there is none and it is written
 * as one (a sentence of some words): a box marked as the credit (its
 * class names a credit) holds the caption with it. */
void html_credit_as_caption(struct buf *cap, struct buf *credit);
/* Drops the images html_img_aside() noted that lie outside the text's
 * region: before its first kept paragraph or after its last; then cuts
 * the credits' labels ("Foto:", "Credit...") and a gallery's slide
 * counters ("1 of4") from the pictures' credits and captions. */
void html_imgs_region(struct html_ctx *ctx);

/* html_extract_edges.c */
/* Drops what the winner's paragraphs hold at their edges that is no
 * text of the article: kickers, banners and link lines before the text;
 * notes, the author's box and the outlet's pitch after it; repeats. */
void html_paras_trim(struct html_ctx *ctx);
/* Drops the link lines that end the text ("Continue reading...") when
 * there is text before them. */
void html_paras_links_after(struct html_ctx *ctx);
/* Whether p is written in capitals (Latin letters), no prose: a banner
 * or a label ("DON'T MISS"). */
bool html_is_shout(const struct html_para *p);

/* What the parse's handlers (html_sax.c) keep, on the parser context's
 * _private: the arena that the tree's elements, attributes and text are
 * cut from, the text node that characters are being added to, and the
 * tables the elements' records are made through (html_rec.h). */
struct html_meta;
/* The tag classes of an element name (html_sax_tag()). */
struct html_sax_tag {
	const xmlChar *name;  /* the dictionary's, or NULL: a free slot */
	uint8_t tcls, kind, mtag, colon;  /* colon: a prefixed name */
};
#define HTML_SAX_TAGS 64  /* slots, a power of two: a page uses some
                             dozens of names */
/* The attribute of a record (enum html_ra, html_rec.h) that an attribute
 * name is (html_sax_ra()). */
struct html_sax_attr {
	const xmlChar *name;  /* the dictionary's, or NULL: a free slot */
	uint8_t ra;
};
#define HTML_SAX_ATTRS 64  /* slots, a power of two, as HTML_SAX_TAGS */
/* A class value met by the parse, its signals and the metadata's words
 * (html_sax_cls()). */
struct html_sax_cls {
	const char *v;  /* the tree's, or NULL: a free slot */
	uint64_t hash;  /* hash_bytes64() */
	uint64_t words; /* html_meta_class_words() */
	uint16_t sig;   /* html_signals_class(), when has_sig */
	bool has_sig;
};
struct html_sax {
	struct arena *mem;
	struct html_sigcache *sigs;  /* the page's class signals */
	struct html_meta *meta;      /* the metadata's walk, started */
	/* the tag classes of the names met, by the name's address in the
	 * parse's dictionary (one slot each, the newest kept) */
	struct html_sax_tag tags[HTML_SAX_TAGS];
	/* the record's attributes of the attribute names met, likewise */
	struct html_sax_attr attrs[HTML_SAX_ATTRS];
	/* the class values met, by their hash (open addressing, cls_cap a
	 * power of two or 0), cut from mem */
	struct html_sax_cls *cls;
	size_t cls_cap, cls_used;
	xmlNode *text;  /* the newest text node */
	size_t len;     /* of its content */
	size_t cap;     /* bytes its content has room for (0: it sits in
	                   the node) */
};

/* The page s[0..len) (a NUL at s[len]) parsed with the handlers below
 * (html_extract.c): free it with html_doc_free(), then mem. */
htmlDocPtr html_parse(const char *s, size_t len, const char *url,
    struct arena *mem, struct html_sigcache *sigs, struct html_meta *meta);

/* The parse's document, element start and characters handlers
 * (html_sax.c): the document shares the parse's dictionary, and
 * xmlSAX2StartElement()'s tree takes its names from it; its elements,
 * their attributes and text are cut from the arena. */
void html_sax_start_doc(void *data);
void html_sax_start(void *data, const xmlChar *name, const xmlChar **atts);
void html_sax_chars(void *data, const xmlChar *ch, int len);
/* libxml2's comment, CDATA and processing instruction handlers, which
 * mark where their nodes go for html_tree_free() */
void html_sax_comment(void *data, const xmlChar *value);
void html_sax_cdata(void *data, const xmlChar *value, int len);
void html_sax_pi(void *data, const xmlChar *target, const xmlChar *value);
/* Frees the unlinked subtree n, but for what the arena holds. */
void html_tree_free(xmlNode *n);
/* Frees doc, its tree by html_tree_free(); the arena after it. */
void html_doc_free(xmlDoc *doc);

#endif
