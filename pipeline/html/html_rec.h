/* The record of an element: what the walks after the parse read of each
 * element that its name and attributes alone decide, made by the parse's
 * element handler (html_sax_start(), html_sax.c, its one writer) while
 * the element and its attributes are in the cache. The walks read an
 * element's record instead of its name and attributes: an element's
 * attributes (96 bytes each, and a text node of 120 for the value) lie
 * between it and its first child in the arena, lines the first walk
 * would otherwise miss at every element.
 *
 * The record sits right after its element, in the arena the element is
 * cut from (the element's second cache line, with its properties); an
 * element the arena does not hold (libxml2's handler made it, or the
 * tree is another parse's) has none, and its readers compute the same
 * from the attributes. Nothing changes an element's name or attributes
 * after its start tag (libxml2 drops the attributes of a misplaced
 * <html> or <body>), so the record holds for the tree's life. Pure. */
#ifndef NW_HTML_REC_H
#define NW_HTML_REC_H

#include <libxml/tree.h>
#include <stdbool.h>
#include <stdint.h>

struct html_rec {
	uint16_t sig;    /* html_signals() (HTML_S_*, html_dom.h), or
	                    HTML_REC_NOSIG */
	uint16_t marks;  /* the metadata's part (html_meta_rec()) */
	uint8_t tcls;    /* html_tag_class() (HTML_T_*) */
	uint8_t kind;    /* its enum html_kind */
	uint8_t mtag;    /* the metadata's tag (html_meta_rec()) */
};

/* The sig of a record made without its signals: an element that the
 * extractor's statistics do not reach (html_stats_first() stops at a
 * dropped element, HTML_T_DROP, and does not go below it), whose reader
 * computes them from the attributes if it ever does reach it. No signal
 * (HTML_S_*) is this bit. */
#define HTML_REC_NOSIG 0x8000u

/* The attributes the record is made from (html_sax_start()): the class
 * signals' (html_signals_rec(), html_dom.h) and the metadata's
 * (html_meta_rec(), html_meta.h), read in one pass over the element's
 * attributes instead of one pass each. */
enum html_ra {
	HTML_RA_CLASS, HTML_RA_ID, HTML_RA_ITEMPROP, HTML_RA_ITEMTYPE,
	HTML_RA_REL, HTML_RA_TITLE, HTML_RA_HREF, HTML_RA_STYLE,
	HTML_RA_HIDDEN, HTML_RA_ARIA_HIDDEN, HTML_RA_N
};

struct html_rec_attrs {
	/* the value of each attribute (its text child's content), NULL
	 * when it has none or is not there */
	const char *v[HTML_RA_N];
	unsigned have;      /* bit (1u << HTML_RA_*): the attribute is
	                       there, with or without a value */
	uint64_t cls_hash;  /* hash_bytes64() of the class value, when
	                       v[HTML_RA_CLASS] is set */
	int style_hidden;   /* html_style_hidden() of the style value, or
	                       -1: not asked yet */
	bool has_id_words;  /* id_words is made */
	uint64_t id_words;  /* html_meta_class_words() of the id value,
	                       made with its signals (html_signals_rec()) */
};

/* Where the record lies after its element. */
#define HTML_REC_AT sizeof(xmlNode)

_Static_assert(HTML_REC_AT % _Alignof(struct html_rec) == 0,
    "the record is aligned after the element");

/* The record of element n, or NULL when n has none. An element of the
 * arena has its psvi set (html_sax_node()), which libxml2's elements
 * of an HTML tree leave NULL. */
static inline const struct html_rec *
html_rec_of(const xmlNode *n)
{
	if (n->type != XML_ELEMENT_NODE || n->psvi == NULL)
		return NULL;
	return (const struct html_rec *)(const void *)
	    ((const unsigned char *)n + HTML_REC_AT);
}

#endif
