/* DOM helpers of the HTML extractor: tag classes, attribute access,
 * class and id signals, and iterative tree walks. Pure; no allocation
 * unless stated. */
#ifndef NW_HTML_DOM_H
#define NW_HTML_DOM_H

#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Tag classes, as bit flags. */
#define HTML_T_DROP     0x001u  /* never content: script, style, form
                                   controls, embedded objects */
#define HTML_T_BLOCK    0x002u  /* starts and ends a paragraph of text */
#define HTML_T_PARA     0x004u  /* holds a paragraph: p, pre, td... */
#define HTML_T_CHROME   0x008u  /* page furniture: nav, aside, footer,
                                   header */
#define HTML_T_HEAD     0x010u  /* h1..h6 */
#define HTML_T_LIST     0x020u  /* ul, ol, dl, menu */
#define HTML_T_PTEXT    0x040u  /* text in it counts as paragraph text */

/* Tag kinds that the extractor treats specially. */
enum html_kind {
	HTML_K_OTHER,
	HTML_K_A,
	HTML_K_BR,
	HTML_K_IMG,
	HTML_K_FIGURE,
	HTML_K_FIGCAPTION,
	HTML_K_PICTURE,
	HTML_K_H1,
	HTML_K_TABLE,
	HTML_K_TR,
	HTML_K_TD,
	HTML_K_P,
	HTML_K_DIV,
	HTML_K_LI,
	HTML_K_BODY,
	HTML_K_ARTICLE,
	HTML_K_MAIN,
	HTML_K_SECTION,
	HTML_K_HR,
	HTML_K_CONTROL,         /* a form control a reader fills in: input,
	                           textarea, select (not a button) */
};

/* The classes (HTML_T_*) of the element named name (lower case). */
unsigned html_tag_class(const xmlChar *name, enum html_kind *kind);

/* The value of attribute name of element n, without copying, or NULL. */
const char *html_attr(const xmlNode *n, const char *name);

/* Signals read from an element's class, id, hiding attributes and
 * itemprop. */
#define HTML_S_JUNK      0x01u  /* boilerplate: share, comments, ads... */
#define HTML_S_POS       0x08u  /* a sign of article content */
#define HTML_S_BODY      0x10u  /* the article's body: "article-body"... */
#define HTML_S_HIDDEN    0x20u  /* not shown to readers */
#define HTML_S_UNSHOWN   0x02u  /* hidden by its attributes (hidden,
                                   aria-hidden, display:none), not by a
                                   name: with HTML_S_HIDDEN */
#define HTML_S_CREDIT    0x40u  /* a photo credit or copyright line */
#define HTML_S_HEADER   0x100u  /* a header: the site's, or the article's */
#define HTML_S_RECIPE   0x200u  /* schema.org: a recipe's ingredients, steps */

unsigned html_signals(const xmlNode *n);

/* Whether the letter-pair codes written beside each class pattern are
 * those of its letters (for the tests: the table is written by hand). */
bool html_patterns_consistent(void);

/* Signals of the class values already seen in one document: pages
 * repeat the same few hundred class strings over thousands of
 * elements. Zero-initialise; html_sigcache_free() releases it. */
struct html_sigcache {
	struct html_patindex *index;  /* the class patterns, indexed */
	struct html_sigslot *slots;
	size_t cap;       /* a power of two, or 0 */
	size_t used;
};

/* html_signals(n), through the cache c. */
unsigned html_signals_cached(const xmlNode *n, struct html_sigcache *c);
void html_sigcache_free(struct html_sigcache *c);
struct html_rec_attrs;
/* html_signals_cached() of the element whose attributes a holds (the
 * parse's one pass over them, html_rec.h), whose class value has the
 * signals cls_sig (html_signals_class(); 0 for none); a's style answer
 * is kept. */
unsigned html_signals_rec(struct html_rec_attrs *a, struct html_sigcache *c,
    unsigned cls_sig);
/* The signals of the class value cls alone, not through c's table (its
 * patterns' index is c's). */
unsigned html_signals_class(struct html_sigcache *c, const char *cls);
/* html_signals_class(), and html_meta_class_words() of cls into *words
 * (when words is not NULL), in one scan of cls. */
unsigned html_signals_class_words(struct html_sigcache *c, const char *cls,
    uint64_t *words);

/* The node after n in document order within the subtree of root; when
 * descend is false, n's children are skipped. NULL at the end. Iterative:
 * depth costs no stack. */
xmlNode *html_next(xmlNode *n, const xmlNode *root, bool descend);

/* Visible characters (non-space code points) in the UTF-8 string s;
 * *commas gets the number of commas, when not NULL. */
unsigned html_count_text(const char *s, unsigned *commas);

/* Appends the text of subtree n to b with spaces collapsed. */
struct buf;
void html_text_of(const xmlNode *n, struct buf *b);

/* Appends text s to b, collapsing runs of spaces into one. *space carries
 * a pending space between calls: set it when a word boundary was seen. */
void html_append_text(struct buf *b, const char *s, bool *space);

/* Trims spaces at both ends of b in place. */
void html_trim(struct buf *b);

#endif
