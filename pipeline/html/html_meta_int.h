/* Internals of the HTML metadata extractor, shared by html_meta*.c only.
 * The page is read once into a struct meta_cands (every candidate value
 * each source offers, in document order); the deciding code then picks
 * one value per article field. All strings are owned by the struct. */
#ifndef NW_HTML_META_INT_H
#define NW_HTML_META_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <libxml/HTMLparser.h>

#include "../date.h"
#include "util.h"

/* Nesting deeper than this is not walked (libxml2 caps it lower). */
#define META_MAX_DEPTH 512
/* Most <meta> elements kept. */
#define META_MAX_METAS 512
/* Longest text of a byline or date node that is looked at. */
#define META_BYLINE_MAX 160
#define META_DATE_TEXT_MAX 200
/* How much page text after the headline is searched for a date. */
#define META_AFTER_TITLE 600
/* Longest text node near the headline that is read as a date line. */
#define META_LINE_MAX 100
/* How much short-line page text is searched when nothing else dates it. */
#define META_PAGE_LINES 40000
/* Most <meta> elements of one author key read as the page's. */
#define META_META_AUTHORS 4
/* How many short texts under the headline are read for a byline. */
#define META_BYLINE_LINES 12
/* Longest line read as "date - name". */
#define META_DATELINE_MAX 64
/* short texts read before the headline */
#define META_BEFORE_LINES 4
/* No news page is older than this: 1995-01-01T00:00:00Z. */
#define META_EPOCH 788918400
#define META_LEAD_MIN 40
#define META_LEAD_MAX 1000
#define META_SQ_HEAD 64

#define NKEYS(k) (sizeof(k) / sizeof((k)[0]))

/* Most values of one kind kept from a page; pages with hundreds of
 * <time> or byline elements gain nothing from the rest. */
#define META_MAX_LIST 16

/* What one JSON-LD object of the article kind (or the best WebPage kin)
 * says. */
enum meta_ld_field {
	LD_HEADLINE, LD_PUBLISHED, LD_MODIFIED, LD_PUBLISHER, LD_LANG,
	LD_URL, LD_AUTHORS, LD_IMAGE, LD_NFIELDS
};

struct meta_ld {
	/* rank[f]: kind of the object field f came from, 0 when unset; an
	 * object of a better kind (NewsArticle > Article > WebPage) wins. */
	int rank[LD_NFIELDS];
	char *headline;
	char *published;
	char *modified;
	char *publisher;
	char *lang;
	char *url;
	char *image;  /* the URL of its image (schema.org image) */
	struct strlist authors;
	/* the opening words of an author's description where the author's
	 * name is one word ("Stefanus Stahl" of "Stefanus Stahl -
	 * Maschinenbauer ..."): where a full name may be found */
	struct strlist bios;
	struct strlist sites;  /* WebSite and Organization names */
};

struct meta_cands {
	/* <meta name|property|itemprop|http-equiv content>: keys lower-case,
	 * keys.v[i] goes with vals.v[i]; first occurrence first. */
	struct strlist keys;
	struct strlist vals;
	/* the keys indexed (meta_index_keys()): khead is a hash table of
	 * kcap slots holding the first index of a key + 1, knext[i] the
	 * next index of the key of i + 1; 0 ends */
	uint32_t *khead;
	uint32_t *knext;
	size_t kcap;
	struct meta_ld ld;
	char *title_tag;
	char *html_lang;
	char *canonical;
	struct strlist h1;           /* headings that are not the logo */
	struct strlist h1_rest;      /* h1.v[i] without a kicker, or "" */
	struct strlist h2;
	struct strlist h3;           /* the first eight <h3>s */
	struct strlist h_parts;      /* text of the elements inside those */
	struct strlist logos;        /* site names set as a heading */
	struct strlist rel_author;   /* text of <a rel=author> */
	struct strlist prop_author;  /* itemprop=author (its name) */
	struct strlist byline;       /* text of author/byline-class nodes */
	struct strlist author_link;  /* text of links to an author's page */
	struct strlist author_box;    /* the text before an author link */
	struct strlist lead_byline;  /* short text that opens with "By" */
	struct strlist lead_named;   /* the element after a lead-in that is
	                                all its text, holding a link ("von
	                                <a>r23</a>"): a name as marked */
	struct strlist source_line;  /* short text that opens with "Quelle:",
	                                "Source:" and kin */
	char *copyright;             /* the page's last copyright line that
	                                reserves rights ("(c) 2012 Jane Doe.
	                                All rights reserved."), or NULL */
	struct strlist pub_times;    /* itemprop datePublished, <time pubdate>,
	                                class=published: attribute values */
	struct strlist mod_times;    /* the same for modification */
	struct strlist times;        /* any other <time datetime> */
	struct strlist time_mate;    /* the one short text, no link, that
	                                shares its box with a <time> */
	char *after_title;           /* page text following the headline */
	struct strlist lines_after;  /* the short texts of after_title */
	struct strlist lines_before; /* the short texts before the headline */
};

/* A list of nodes of the page, in document order. */
struct meta_nodes {
	xmlNodePtr *v;
	size_t n;
	size_t cap;
};

/* The byline lead-ins by their first byte: those of byte c are
 * author_leads[ord[from[c]]] to author_leads[ord[from[c + 1] - 1]].
 * Made from the list once a page (meta_author_lead_index()), so that
 * the list stays the one to edit. */
struct meta_leads {
	unsigned char from[257];
	unsigned char ord[255];
};

/* State of the walk that is not a result: nodes that later steps look
 * at again, found by the one walk so that they need no walk of their
 * own. */
/* A class value met by the walk and its meta_cw_scan(). */
struct meta_cwslot {
	const char *v;    /* borrowed from the tree; NULL: empty */
	uint64_t hash;
	uint64_t cw;
};

/* The elements the walk is inside of: the outermost reader comment,
 * <head>, h1..h3 and the outermost element hidden inline. */
enum { META_IN_COMMENTS, META_IN_HEAD, META_IN_HEADING, META_IN_UNSEEN,
	META_NIN };

struct meta_walk {
	xmlNodePtr first_h1;
	xmlNodePtr in[META_NIN];  /* the walk is inside of, or NULL */
	/* h1..h3 outside <head>, not inside another of them, nor deeper
	 * than META_MAX_DEPTH - 1: where the headline may be */
	struct meta_nodes heads;
	/* <script>s with text that are not JSON-LD: page-state JSON */
	struct meta_nodes scripts;
	/* the elements marked as a reader's contribution (a container of
	 * comments by its class or id, a schema.org Comment or Review, a
	 * link to a comment's anchor), by address once the walk ends */
	struct meta_nodes comments;
	struct meta_leads leads;
	/* the class values met, by their hash (open addressing, cw_cap a
	 * power of two or 0): a page repeats most of them */
	struct meta_cwslot *cw;
	size_t cw_cap, cw_used;
};

/* The metadata's walk and what it gathers (html_meta_start()). */
struct html_meta {
	struct meta_cands c;
	struct meta_walk w;
};

/* html_meta_util.c */

/* The elements the extractor tells apart; MT_OTHER for the rest. */
enum meta_tag {
	MT_OTHER, MT_A, MT_ABBR, MT_BODY, MT_BR, MT_H1, MT_H2, MT_H3,
	MT_HEAD, MT_HTML, MT_IMG, MT_LINK, MT_META, MT_NOSCRIPT, MT_SCRIPT,
	MT_STYLE, MT_SVG, MT_TIME, MT_TITLE
};

/* The tag of element name (ASCII case-insensitive); MT_OTHER for NULL. */
enum meta_tag meta_tag_of(const xmlChar *name);

/* Words looked for inside class and id values, one bit each. */
enum meta_cw {
	CW_AUTHOR, CW_AUTOR, CW_BYLINE, CW_CAPTION, CW_COMMENT,
	CW_COPYRIGHT, CW_CREDIT, CW_ENTRY_DATE, CW_LICENSE, CW_MODIFIED,
	CW_POST_DATE, CW_PUBLISH, CW_PUBLISHED, CW_RESPOND, CW_UPDATED,
	CW_VERFASSER, CW_WRITER, CW_NWORDS
};

#define CW(w) ((uint64_t)1 << (w))

/* The set of enum meta_cw words that occur in v (anywhere, not only as
 * whole tokens; ASCII case-insensitive): bit CW(w) is set when
 * strcasestr(v, word w) would find it. 0 for NULL. */
uint64_t meta_cw_scan(const char *v);

/* Copy of s with runs of white space (including U+00A0 and other Unicode
 * spaces) folded to one space and the ends trimmed. NULL for NULL. */
char *meta_fold(const char *s);
/* meta_fold() into d, which holds cap bytes, without allocating: returns
 * the folded length, or cap when it does not fit (d then holds a
 * NUL-terminated prefix of it). */
size_t meta_fold_buf(const char *s, char *d, size_t cap);
/* s past its leading white space as meta_fold() sees it: the first byte
 * of the result is that of meta_fold(s). */
const char *meta_skip_space(const char *s);
/* Decodes the HTML character references in s in place (&amp; &#39;
 * &oslash; ...): every named entity of HTML, from libxml2's table. */
void meta_unescape(char *s);
/* Text content of node, folded; never NULL. Skips script and style.
 * Reads until max bytes other than white space are read and stops
 * there (at the end of that character), so a text of max bytes or more
 * comes out at least max long (never cut short), and no longer than
 * max bytes and the white space among them. */
char *meta_node_text(xmlNodePtr node, size_t max);
/* Lower-cased copy of the letters and digits of s (ASCII folded, other
 * code points kept): "Die ZEIT!" -> "diezeit". */
char *meta_squash(const char *s);
/* meta_squash() of s[0..n) (or of s up to a NUL before n) into d, which
 * holds n + 1 bytes; returns the length of the result. */
size_t meta_squash_to(const char *s, size_t n, char *d);
/* True when a and b are equal after meta_squash(). */
bool meta_same(const char *a, const char *b);
/* True when p[0..n) names the site: equal to one of sites (a
 * NULL-terminated array) after meta_squash(), or a short string holding
 * one of them ("SPIEGEL ONLINE" for "spiegel"), or held by one. */
bool meta_is_site(const char *p, size_t n, const char *const *sites);
/* True when a word of h of four bytes or more is a word of t too. */
bool meta_shares_word(const char *h, const char *t);
/* Indexes the keys of c, once they are all read: meta_get() and
 * META_EACH_KEY() need it. */
void meta_index_keys(struct meta_cands *c);
/* The first index of key among c's keys + 1, or 0. */
size_t meta_key_first(const struct meta_cands *c, const char *key);
/* i (an index + 1) runs over the <meta>s of key, in document order. */
#define META_EACH_KEY(c, key, i) \
	for ((i) = meta_key_first((c), (key)); (i) != 0; \
	    (i) = (c)->knext[(i) - 1])
/* The value of the first <meta> whose key is one of keys, or NULL. */
const char *meta_get(const struct meta_cands *c, const char *const *keys,
    size_t nkeys);

/* html_meta_title.c */
/* The headline: a heading of the page that a title of its metadata or
 * its <title> confirms, else the best title cut of the site's names
 * (sites, NULL-terminated); NULL when none. */
char *meta_decide_title(const struct meta_cands *c,
    const char *const *sites);

/* html_meta_ld.c */

/* Parses one <script type=application/ld+json> body (tolerating comment
 * wrappers, raw control characters, HTML entities and trailing junk) and
 * merges what it says into ld when it is of a better kind than what ld
 * already holds. */
void meta_ld_parse(const char *text, struct meta_ld *ld);
void meta_ld_free(struct meta_ld *ld);

/* html_meta_author.c */

/* Cleans one author string (a byline, a meta value) and appends the names
 * it holds to out, which keeps its order and has no duplicates: drops
 * "By"/"Von"/"Por" and kin, e-mail addresses, URLs, dates and what follows
 * them, and roles; names that are one of sites (a NULL-terminated array,
 * may be NULL, matched on whole words) or a firm's ("... GmbH") go to
 * outlets instead. Splits on commas, semicolons, "and", "und", "y", "et",
 * "&" (not "& Co."), "im Gespräch mit". With strict (text from the page
 * rather than metadata), only names shaped like a person's ("Ana de
 * Souza", not "the numbers") are kept, so that a sentence that merely
 * opens like a byline ("By entering this store you agree ...") gives
 * none.
 * Beside a person's full name, wire agencies and single words after a
 * comma are credits and places, and photo credits end the byline
 * ("Jane Doe, dpa, Berlin Foto: John Roe" gives "Jane Doe").
 * Returns the number of names added. */
size_t meta_author_add(struct strlist *out, const char *raw,
    const char *const *sites, struct strlist *outlets, bool strict);
/* True when a word of s after the first is a company's legal form
 * ("Web Commerce GmbH", "Nordex SE"): a firm's name, never a person's. */
bool meta_author_is_firm(const char *s);
void meta_author_lead_index(struct meta_leads *x);
/* The length of the byline lead-in ("By ", "von ", "Erstellt von ",
 * "Autor:") that the text t opens with, one of those author_strip_lead()
 * cuts, followed by a space or a colon; 0 when there is none. x is
 * meta_author_lead_index()'s. */
size_t meta_author_opens(const struct meta_leads *x, const char *t);
/* The byline among the first max of lines (short texts under the
 * headline, in order): the first line that opens with a lead-in ("By",
 * "Von", "Auteur :", "---- by") gives its names as meta_author_add() with
 * strict does; when the lead-in is all the line holds, the next line
 * gives them as without strict (a linked user name, "freeman1984"). A
 * line that credits two people in an interview's form ("Jane Doe im
 * Gespräch mit John Roe") gives both.
 * Returns the number of names added. */
size_t meta_author_lines(struct strlist *out, const struct strlist *lines,
    size_t max, const char *const *sites, struct strlist *outlets);

/* The wire agency credited for the article, added to out: a line among
 * the first max of lines that is an agency's name alone ("JIJI", "dpa"),
 * the agency in parentheses of a wire dateline opening desc, the page's
 * description ("Hamburg (dpa/lno) – ..." gives "dpa/lno"), or an agency
 * named alone after the label of a line of sources ("Quelle: kathpress").
 * Returns the number of names added (0 or 1). */
size_t meta_author_wire(struct strlist *out, const struct strlist *lines,
    size_t max, const char *desc, const struct strlist *sources);

/* The writer's name alone closing body, as a letter is signed ("...
 * Eine bemerkenswerte Sammlung." then "Marina Mucha"): a last paragraph,
 * after others, of two to four words shaped like a person's name, added
 * to out as meta_author_add() with strict does. Returns the number of
 * names added. */
size_t meta_author_signature(struct strlist *out, const char *body,
    const char *const *sites);

/* html_meta_marks.c */

/* The attributes of one element that the walk reads, taken in one pass
 * over its attribute list: each is the value of the first attribute of
 * that name (ASCII case-insensitive) that has a value, as meta_attr()
 * gives it, or NULL. Borrowed from the tree. */
struct meta_attrs {
	const char *cls, *id, *itemprop, *itemtype, *rel, *title, *type,
	    *property, *name, *http_equiv, *content, *datetime, *pubdate,
	    *href, *lang, *xml_lang, *style;
	bool hidden;  /* has the hidden attribute (a name alone) */
};

/* The marks of an element (meta_marks()): what its name and attributes
 * alone decide for the walk, the metadata's part of the element's record
 * (struct html_rec, html_rec.h) that the parse makes. */
#define META_R_COMMENT    0x001u  /* a reader's contribution: class or id
                                     words of comments, a review in
                                     microdata, a link to a comment */
#define META_R_BYLINE     0x002u  /* a byline by its class or id, not a
                                     picture's credit */
#define META_R_TITLE_PUB  0x004u  /* a title attribute, and a class of a
                                     date published ... */
#define META_R_TITLE_UPD  0x008u  /* ... or else of a date updated */
#define META_R_TIME_PUB   0x010u  /* class words of a date published */
#define META_R_TIME_MOD   0x020u  /* class words of a date updated */
#define META_R_REL_AUTHOR 0x040u  /* a link whose rel says author */
#define META_R_HREF_AUTHOR 0x080u /* a link to an author's page */
#define META_R_VALUES     0x100u  /* the walk reads attribute values
                                     (meta_attrs_read()): itemprop, the
                                     title of a dated class, or the tag's
                                     own (<meta>, <script>, <html>,
                                     <link>, <time>) */
#define META_R_HIDDEN     0x200u  /* hidden inline by its own attributes:
                                     the hidden attribute, or a style
                                     html_style_hidden() says hides */
/* The walk's own mark, never in a record (it is no fact of the element's
 * attributes alone): the element is hidden inline (META_R_HIDDEN) or
 * inside an element that is (w->in[META_IN_UNSEEN]), so a date in it is
 * no printed one. meta_visit() sets it on the marks it passes on. */
#define META_W_UNSEEN     0x10000u

/* Fills at from the attributes of element n in one pass. */
void meta_attrs_read(xmlNodePtr n, struct meta_attrs *at);
/* The marks of element n of tag t (META_R_*), from its attributes: the
 * metadata's part of its record (html_meta_rec()), or for an element
 * without one, the walk's. The class words of class values go through
 * the walk's table. */
unsigned meta_marks(xmlNodePtr n, struct meta_walk *w, enum meta_tag t);

/* html_meta_walk.c */

/* The walk (between meta_walk_begin() and meta_walk_end()): every
 * element from root and its following siblings down, in document order,
 * once, read into c; w keeps the nodes later steps look at again. */
void meta_walk(xmlNodePtr root, struct meta_cands *c, struct meta_walk *w);
/* The walk's steps, for a walk of the caller's (html_meta_enter()):
 * begin, then each element entered in document order, depth levels below
 * the first (reads it; whether its children are for the walk), each
 * element entered then left, and the end. */
void meta_walk_begin(struct meta_walk *w);
bool meta_walk_enter(xmlNodePtr n, int depth, struct meta_cands *c,
    struct meta_walk *w);
void meta_walk_leave(xmlNodePtr n, struct meta_walk *w);
void meta_walk_end(struct meta_walk *w);
char *meta_kicker_text(xmlNodePtr h);
/* True when the walk w found n marked as a reader's contribution. */
bool meta_is_comments(const struct meta_walk *w, xmlNodePtr n);
/* True when element n is part of a teaser of another article: inside
 * a link to another page that holds a heading (a card that links as a
 * whole), or beside a link, within two levels, whose text is a
 * headline's. A byline there names the teaser's writer. */
bool meta_in_teaser(xmlNodePtr n);
void meta_cands_free(struct meta_cands *c);

/* html_meta_text.c */

/* The short texts that follow node in document order within max bytes of
 * page text (at most META_AFTER_TITLE), one per line in lines. */
char *meta_text_after(xmlNodePtr node, size_t max, struct strlist *lines,
    const struct meta_walk *w);
/* The short texts just before node (at most META_BEFORE_LINES), in
 * document order, into lines. */
void meta_lines_before(xmlNodePtr node, struct strlist *lines,
    const struct meta_walk *w);
/* Appends to b the short text lines of the page under n, within max. */
void meta_page_lines(xmlNodePtr n, struct buf *b, size_t max, int depth,
    const struct meta_walk *w);
/* Replaces the one-word name *name with the full name an author box under
 * n prints ("Todd" -> "Todd Bates"), in any case and after a lead-in
 * ("Mehr von TODD BATES"); true when it did. A full name that holds the
 * site's is still a name: a personal site is named after its author. */
bool meta_full_name(xmlNodePtr n, char **name, int depth);
/* True when n is an element h1 to h6. */
static inline bool
meta_is_heading(xmlNodePtr n)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    (n->name[0] | 0x20) == 'h' && n->name[1] >= '1' &&
	    n->name[1] <= '6' && n->name[2] == '\0';
}

/* The first of heads whose text is title, or NULL. */
xmlNodePtr meta_find_heading(const struct meta_nodes *heads,
    const char *title);
/* The article's standfirst from c's descriptions (not the headline,
 * not the site's tagline), or the block of the page under root that a
 * cut description opens with and runs on past (at least META_LEAD_MIN
 * letters and digits, at most META_LEAD_MAX bytes); NULL when none. */
char *meta_heading_standfirst(xmlNodePtr h,
    const struct meta_leads *leads);
char *meta_decide_subtitle(const struct meta_cands *c, const char *title,
    const char *const *sites, xmlNodePtr root);

/* html_meta_date.c */

/* Number of keys of page-state JSON read for a publication date. */
#define META_NSCRIPT_KEYS 9  /* HTML_SCRIPT_DATE_KEYS */

/* The publication date of the page from c (and url), never after now. */
bool meta_published(const struct meta_cands *c, const char *url,
    int64_t now, struct nw_time *t);
/* The modification date the page states. */
bool meta_modified(const struct meta_cands *c, int64_t now,
    struct nw_time *t);
/* Updates *best (an index among the META_NSCRIPT_KEYS keys, lower is
 * better) and *t from page-state JSON in scripts. */
void meta_script_dates(const struct meta_nodes *scripts, int64_t now,
    size_t *best, struct nw_time *t);
/* A time stated in UTC ("2022-11-06T23:00:00Z") that is exactly
 * midnight in the zone of the page's language tag (Europe/Berlin for
 * "de") is a day stored as its local midnight: its offset becomes that
 * zone's, so that its local day is the day the page means. */
void meta_local_midnight(struct nw_time *t, const char *tag);
/* A time stated in UTC that another date of the page states as its wall
 * clock (the same instant with an offset named, or with no zone and a
 * time whole quarter hours away: "2019-11-18 20:58:46" beside
 * "2019-11-19T04:58:46Z") takes that offset, so that its local day is
 * the page's. */
void meta_page_offset(const struct meta_cands *c, struct nw_time *t);
/* The first date in s (one marked as an update only when updates and it
 * is the only one). */
bool meta_date_find_upd(const char *s, int64_t now, struct nw_time *t,
    bool updates);

#endif
