/* Article metadata from an HTML page's markup. Pure. */
#ifndef NW_HTML_META_H
#define NW_HTML_META_H

#include <libxml/HTMLparser.h>
#include <stdbool.h>
#include <stdint.h>

#include "../article.h"

/* Fills what a's fields lack from the parsed page: title (cleaned of site
 * names), subtitle, authors (cleaned and split), published and updated
 * (never after now), publisher, lang and canonical_url, from JSON-LD
 * (NewsArticle and kin, @graph, arrays), OpenGraph, Dublin Core, <meta>,
 * microdata, <time> and bylines. url (may be NULL) is the page's address.
 * Fields already set are left alone. */
void html_meta_extract(htmlDocPtr doc, const char *url, int64_t now,
    struct nw_article *a);

/* html_meta_extract() in steps, for a caller that walks the page for
 * itself and lets the metadata's walk ride along (one pass over the
 * tree): html_meta_start(), then html_meta_enter() for each element in
 * document order from the root element and its following siblings down
 * (depth: levels below the root), into its children only while it
 * returns true, and html_meta_leave() for each element entered once its
 * children are done; then html_meta_end() on the same tree, unchanged,
 * fills a and frees m. */
struct html_meta;
struct html_meta *html_meta_start(void);
bool html_meta_enter(struct html_meta *m, xmlNodePtr n, int depth);
void html_meta_leave(struct html_meta *m, xmlNodePtr n);
void html_meta_end(struct html_meta *m, htmlDocPtr doc, const char *url,
    int64_t now, struct nw_article *a);
/* Frees m, started and not ended (html_meta_end() frees it); NULL is
 * allowed. */
void html_meta_free(struct html_meta *m);

/* The metadata's part of element n's record (struct html_rec,
 * html_rec.h): its tag, html_meta_tag() of its name, and the marks
 * html_meta_rec() returns, what its attributes decide for
 * html_meta_enter(), which reads them from the record instead of the
 * element. For the parse's element handler, with n's attributes all
 * made; m is the walk's, started before the parse (its table of class
 * values serves both). */
uint8_t html_meta_tag(const xmlChar *name);
uint16_t html_meta_rec(struct html_meta *m, xmlNodePtr n, uint8_t tag);
struct html_rec_attrs;
/* html_meta_rec() of the element whose attributes a holds (the parse's
 * one pass over them, html_rec.h), whose class value has the words
 * cls_words (html_meta_class_words(); 0 for none); a's style answer is
 * kept. */
uint16_t html_meta_rec_attrs(struct html_rec_attrs *a, uint8_t tag,
    uint64_t cls_words);
/* The words the metadata seeks in class values (ASCII case-insensitive)
 * that occur in cls, one bit each, for the parse's table of class
 * values (html_sax.c). */
uint64_t html_meta_class_words(const char *cls);
/* The word of bit k of html_meta_class_words(), lower case, or NULL past
 * the last: for a scan that seeks them with other words in one pass
 * (html_signals_class_words()). */
const char *html_meta_class_word(unsigned k);

/* Whether text (NULL: none) names one of a's authors (ASCII
 * case-insensitive): a byline, an author's box or biography. */
bool html_meta_names_author(const struct nw_article *a, const char *text);

/* Where a names no author, or only one the text the page shows never
 * holds, the writer's name that closes its body alone or over its role
 * (a signed text): opening with a given name, not the publisher's. Call
 * once the body is extracted; page_text(arg) gives the page's text (or
 * NULL), asked only where a signature and an author meet. */
void html_meta_signature(struct nw_article *a,
    const char *(*page_text)(void *), void *arg);

#endif
