/* Internal to the XML feed reader (feed_xml.c, feed_xml_util.c,
 * feed_xml_ext.c, feed_rss.c, feed_atom.c): the namespaces it knows, the
 * tree-reading helpers, the bag of values an element's children yield and
 * the extensions RSS and Atom share. Not part of the feed API (feed.h). */
#ifndef NW_FEED_XML_H
#define NW_FEED_XML_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>

#include "feed.h"

enum feed_ns {
	NS_NONE,      /* no namespace */
	NS_RSS,       /* RSS 1.0, RSS 0.9 (netscape), userland RSS 2 */
	NS_ATOM,
	NS_ATOM03,
	NS_CONTENT,
	NS_DC,
	NS_DCTERMS,
	NS_MEDIA,
	NS_ITUNES,
	NS_RDF,
	NS_XHTML,
	NS_OTHER,
};

/* Parse context: the document and the feed's own URL. */
struct feed_ctx {
	xmlDoc *doc;
	const char *url;
	const struct budget *budget;  /* feed_budget_spent() */
};

/* Values seen while walking a channel/feed or an item/entry, merged into
 * the model at the end in order of precedence. */
enum {
	SRC_MAIN,      /* the format's own element */
	SRC_ALT,       /* RSS webMaster */
	SRC_DC,
	SRC_DC2,       /* dc:creator after dc:author */
	SRC_ITUNES,
	SRC_ATOM,
	SRC_N,
};

struct feed_bag {
	char *title[SRC_N];
	char *desc[SRC_N];
	char *content[SRC_N];
	char *published[SRC_N];
	char *updated[SRC_N];
	char *language[SRC_N];
	char *rights[SRC_N];
	struct feed_person *people[SRC_N];
	size_t n_people[SRC_N];
	struct strlist cats[SRC_N + 1];   /* + itunes:category */
	char *image[SRC_N + 2];           /* + media, + enclosure */
	long media_width;                 /* of image[SRC_N], 0 unknown */
	char *image_title;
	char *subtitle;                   /* itunes:subtitle */
	char *media_title;
	char *media_desc;
	char *xhtml_body;
	struct strlist media_cats;
	bool link_other;                  /* the link is not HTML */
	struct feed_item *item;           /* the item read, or NULL */
};

/* ---- reading the tree (feed_xml_util.c) ---- */

/* The namespace of element n and its local name. */
enum feed_ns feed_ns_of(const xmlNode *n, const char **local);
bool feed_has_elements(const xmlNode *n);
/* Serialises the children of n as markup into b. */
void feed_inner_xml(const struct feed_ctx *cx, xmlNode *n, struct buf *b);
/* The text of n: character data, or the markup of its children when it
 * has child elements. Owned, trimmed, NULL when empty. */
char *feed_text(const struct feed_ctx *cx, xmlNode *n);
/* An attribute without namespace (or in ns_uri when given). Owned, NULL
 * when absent. */
char *feed_attr_ns(const struct feed_ctx *cx, const xmlNode *n,
    const char *name, const char *ns_uri);
char *feed_attr(const struct feed_ctx *cx, const xmlNode *n,
    const char *name);
/* Resolves href against xml:base of n's ancestors and the feed URL.
 * Owned; NULL when href is empty. */
char *feed_resolve(const struct feed_ctx *cx, const xmlNode *n,
    const char *href);
bool feed_has_scheme(const char *s, size_t n);
/* Whether an xml:base is in effect at n. */
bool feed_has_xml_base(const struct feed_ctx *cx, const xmlNode *n);
/* Makes relative href and src attributes of an HTML string absolute.
 * Takes html, returns the new string. */
char *feed_html_resolve(const struct feed_ctx *cx, const xmlNode *n,
    char *html);
/* Decodes base64 text. Owned, NULL when it is not base64. */
char *feed_base64(const char *s);

/* ---- the bag and the shared extensions (feed_xml_ext.c) ---- */

void feed_bag_free(struct feed_bag *b);
/* Moves the first non-NULL of v[0..n) into *field when that is NULL. */
void feed_take(char **field, char **v, int n);
/* As feed_take, over slots given by address. */
void feed_take_p(char **field, char **const *v, int n);
void feed_take_people(struct feed_bag *b, struct feed_person **v,
    size_t *n);
void feed_take_cats(struct feed_bag *b, struct strlist *out);
/* Stores value in *slot when that is NULL, else frees it. */
void feed_put(char **slot, char *value);
void feed_atom_person(const struct feed_ctx *cx, xmlNode *n,
    struct feed_person **v, size_t *nv);
/* An Atom <category> at the end of l: its term, else its label, else its
 * text (RFC 4287 4.2.2: the term is the category). */
void feed_atom_category(const struct feed_ctx *cx, xmlNode *n,
    struct strlist *l);
/* The text of n as a person ("email (Name)", "Name <email>", an email
 * or a name: feed_add_author_text) among b's people from source src. */
void feed_bag_person(const struct feed_ctx *cx, xmlNode *n,
    struct feed_bag *b, int src);
/* The text of n, when it is not empty, as a category at the end of l. */
void feed_text_category(const struct feed_ctx *cx, xmlNode *n,
    struct strlist *l);
/* The namespaced extensions RSS and Atom share. Returns true when n was
 * one of them. */
bool feed_extension(const struct feed_ctx *cx, xmlNode *n, enum feed_ns ns,
    const char *local, struct feed_bag *b);
/* An Atom <link>: an enclosure of it, *self (rel="self"), or one of
 * links; an alternate link is also *link, the page, unless *link is
 * already set: the first alternate of an HTML type (or of none) is the
 * page, one of another type (a PDF, another feed) only until an HTML one
 * comes; *other says that *link is of another type. */
void feed_atom_link(const struct feed_ctx *cx, xmlNode *n, char **link,
    bool *other, struct strlist *links, char **self, struct feed_item *it);
void feed_item_image_from_html(const struct feed_ctx *cx, xmlNode *n,
    struct feed_item *it);

/* ---- the formats ---- */

/* The whole document from its root (what is left of it: feed_xml.c
 * reads each item as soon as it ends and takes it out of the tree). */
void feed_rss(const struct feed_ctx *cx, struct feed *f, xmlNode *root,
    bool rdf);
bool feed_atom_own(enum feed_ns ns);
void feed_atom(const struct feed_ctx *cx, struct feed *f, xmlNode *root);
/* One item or entry, n, as the walkers above read it (feed_item_done()
 * at its end); whether n is one the walkers would read, in the document
 * of that root. */
void feed_rss_item(const struct feed_ctx *cx, struct feed *f, xmlNode *n);
bool feed_rss_is_item(const xmlNode *root, const xmlNode *n);
void feed_atom_entry(const struct feed_ctx *cx, struct feed *f,
    xmlNode *n);
bool feed_atom_is_entry(const xmlNode *root, const xmlNode *n);

#endif
