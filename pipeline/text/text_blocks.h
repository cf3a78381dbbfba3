/* Segmentation and block classification of plain-text page dumps; the
 * internals of text_extract(), exposed for its unit tests. Pure. */
#ifndef NW_TEXT_BLOCKS_H
#define NW_TEXT_BLOCKS_H

#include <stdbool.h>
#include <stddef.h>

enum text_kind {
	TEXT_OTHER,       /* unclassified: nav crumbs, labels, teasers */
	TEXT_CHROME,      /* site furniture: menus, banners, appeals */
	TEXT_HEADLINE,    /* the article's title */
	TEXT_STANDFIRST,  /* the summary under the title */
	TEXT_BYLINE,      /* "By Jane Doe", a bare author name */
	TEXT_DATE,        /* a line that is mostly a date */
	TEXT_CAPTION,     /* a photo caption (possibly with its credit) */
	TEXT_CREDIT,      /* "© X", "Photo: X", "X/AGENCY" on its own */
	TEXT_BODY,        /* a paragraph of the article */
	TEXT_RELATED,     /* a headline linking elsewhere, inside the body */
	TEXT_FOOTER,      /* comments, copyright, sign-in after the body */
};

/* One unit of text: a line, or in a wrapped dump (w3m, lynx) the lines
 * of one paragraph joined by single spaces. */
struct text_item {
	char *s;           /* owned, trimmed, runs of spaces folded */
	size_t width;      /* code points */
	int words;
	int block;         /* index of the blank-line separated block */
	bool bullet;       /* began with a list marker, now dropped */
	bool chrome;       /* matches known chrome phrasing */
	bool appeal;       /* chrome of paragraph size (donation, cookies) */
	bool twice;        /* another item has the same text */
	bool repeated;     /* a long item that the dump holds twice or more */
	bool section_end;  /* a heading of a comment thread */
	bool sentence;     /* ends like a sentence */
	bool bodylike;     /* looks like a paragraph of running text */
	bool crowded;      /* body-like, in a block of many body-like items */
	bool datelike;     /* short and mostly a date */
	bool form;         /* holds a form's field ("[ ]", lynx's "____") */
	bool dup;          /* TEXT_CAPTION repeating a neighbour's caption */
	bool heading;      /* lynx: set at column 0 and no link (never w3m) */
	enum text_kind kind;
	size_t cap_len;    /* TEXT_CAPTION: bytes of s that are the caption */
	char *credit;      /* TEXT_CAPTION: the photo credit, or NULL */
};

struct text_doc {
	struct text_item *items;
	size_t n;
	size_t cap;
	size_t wrap;            /* detected wrap width, 0 when unwrapped */
	bool lynx;              /* a lynx dump: no blank line parts boxes */
	size_t body_start;      /* first item of the body region */
	size_t body_end;        /* one past its last item; 0 == none */
	size_t title;           /* index of the headline, or n */
	size_t subtitle;        /* index of the standfirst, or n */
};

/* Splits UTF-8 text s[0..len) into items (see struct text_item). Returns a
 * document owned by the caller, to be freed with text_doc_free(). */
struct text_doc *text_segment(const char *s, size_t len);
void text_doc_free(struct text_doc *d);

/* Where a renderer set a page's columns side by side (the lines of a
 * sidebar and of the article sharing each line of the dump), s with the
 * columns set one under the other, a new string of *outlen bytes; NULL
 * where s has none (text_columns.c). */
char *text_uncolumn(const char *s, size_t len, size_t *outlen);

/* Fills the per-item signals and kinds, the body region, the title and
 * the subtitle. */
void text_classify(struct text_doc *d);
/* Marks photo captions and credits (kinds TEXT_CAPTION, TEXT_CREDIT;
 * text_captions.c). */
void text_captions(struct text_doc *d);
/* Finds the headline and the standfirst above the body region of a
 * classified document (d->title, d->subtitle; text_header.c). */
void text_header(struct text_doc *d);

/* Where the header holds no byline: the first line opening with a
 * byline's prefix over the headline, at the region's top or under it
 * becomes one (text_byline.c). */
void text_far_bylines(struct text_doc *d);

/* Where the region holds no prose (a tag cloud, a site's tagline won
 * the search), the block under the page's one dated byline up to the
 * first chrome or list is the region (text_dated_block.c). */
void text_dated_block(struct text_doc *d);

/* Drop the kicker glued before the headline h that another item of
 * the dump sets apart from it (text_kicker.c). */
void text_drop_kicker(struct text_doc *d, size_t h);

/* Ends the region over the author's box under the article: an item
 * that names a byline's author the region over it does not name
 * (text_tail.c). */
void text_trim_author_box(struct text_doc *d);
/* Drops the region's last item where it ends with a colon over a box
 * of links (text_tail.c). */
void text_trim_announce(struct text_doc *d);
/* Ends the region over last paragraphs that turn to the reader. */
void text_trim_address(struct text_doc *d);
/* Ends the region over the block of its last paragraph where that block
 * is a widget's: chrome under the region shares it (text_tail.c). */
void text_trim_widget(struct text_doc *d);
/* Ends the region before item i and the items over it that are no
 * prose (text_tail.c). */
void text_end_body(struct text_doc *d, size_t i);

/* The name a dated line gives ("Posted 11. April 2018 by Jane Doe",
 * "Jane Doe 19.10.2019, 05:00 Uhr"): its offset in s; *len is 0 when
 * there is none, and *words its words. */
size_t text_dated_name(const char *s, size_t *len, int *words);

/* The byte length of the user's handle that opens s and ends it or a
 * part of it ("uriebe", "freeman1984 \xc2\xb7 in Uncategorized", "marc |
 * Leave a comment"): one word of letters, digits, '_', '-' or '.', or
 * 0. */
size_t text_handle_len(const char *s);

/* The one-word name beside the date of a line by the headline that the
 * dump names elsewhere as a writer ("1. November 2023 Cortyn" and "von
 * Cortyn"): a pointer into the line and its length in *len, or NULL
 * (text_one_name.c). */
const char *text_dated_one_name(const struct text_doc *d, size_t *len);

/* The offset of the name that ends s when s links to more pieces of one
 * writer ("Alles von Martin Junker", "find more by Matthew Davis",
 * "Mehr Artikel von Stefanus \xe2\x86\x92"), its length in *len (0
 * where s is none); and the first such name under the headline (NULL
 * where none), a step of text_extract() where the bylines give no
 * author. */
size_t text_more_by(const char *s, size_t *len);
const char *text_more_by_name(const struct text_doc *d, size_t *len);

/* True when the name at offset off of s (text_dated_name()) follows a
 * byline's prefix or word ("By ", " von "): not a bare name. */
bool text_named_by_word(const char *s, size_t off);

/* True when item it opens with a byline's prefix ("By ", "Von ") or is
 * a dated line that names a person: more than a bare name. */
bool text_strong_byline(const struct text_item *it);

/* True when item it is a name, " | " and a date or a relative time
 * ("Jacobo Betancur Peláez | Publicado hace 3 horas"): a byline. */
bool text_bar_byline(const struct text_item *it);
/* True when s ends with a byline's prefix: the label of a byline whose
 * name the renderer set on the next line ("By", "von", "Tipps von",
 * "Disko Von"), no headline of its own. */
bool text_ends_by_label(const char *s);

/* True when item i is a name under a short byline's label ("Tipps von"
 * over "Marie Jaster"): a byline the renderer split in two lines, as
 * strong as one with its prefix. */
bool text_labelled_name(const struct text_doc *d, size_t i);

/* The date of the nearest date line just over the headline, not an
 * update's, in *t; true when there is one (text_byline.c). */
struct nw_time;
bool text_date_above(const struct text_doc *d, struct nw_time *t);

/* The date that opens the body's first paragraph ("31. Oktober 2023.
 * Dragqueens sind ...", "PUBLISHED: November 8, 2023 at ..."), in *t;
 * true when it opens with one (text_byline.c). */
bool text_lead_date(const struct text_doc *d, struct nw_time *t);

/* True when the date s[at..at+span) ends s, or only its time follows
 * it ("July 25, 2019 | 11:15 PM"). */
bool text_ends_with_date(const char *s, size_t at, size_t span);

/* The bytes of s[0..n) that name people: of "Alex Dur\xc3\xa1n, AMP
 * Project Marketing, Google" (a name, a role or desk, an employer of one
 * word) the name alone; else n. */
size_t text_name_and_affiliation(const char *s, size_t n);

/* The offset of the name in s when s is a label of one word, "von" or
 * "by" and a full name ("Artikel von Alexa von Heyden"), or 0 ("Walter
 * von Aachen" is a name). */
size_t text_label_by(const char *s);

/* True when the date s[at..at+span) is part of a bracketed name or a
 * file's ("VN:F [1.9.22_1171]", "[20220103-1]"): no date of the page. */
bool text_date_in_name(const char *s, size_t at, size_t span);

/* The byte length of the name that opens bar byline it ("Patrick
 * Danowski" of "Patrick Danowski 06 PM | 18 Mai"), or 0 when it is
 * none. */
size_t text_bar_name(const struct text_item *it);

/* A copy of s with a space put back between a byline's prefix and the
 * name the renderer glued to it ("Geschrieben vonElisa Marvena"), or
 * NULL when s opens with no glued prefix. */
char *text_unglued(const char *s);

/* The length of a picture's placeholder and its space that open s
 * ("[Image-from] ", w3m's text for an author's photo: one bracketed
 * word), or 0. */
size_t text_placeholder_len(const char *s);

/* The byte length of the name that opens s when the rest of s is the
 * name's role ("Richard Adams Education editor"), or 0. */
size_t text_role_name(const char *s, int words);

/* The offset in s of the person a copyright line names its owner, a
 * part of s between separators being a mark or years, perhaps "by",
 * and a name of two or three words only ("(c) Johannes Wolf \xe2\x80\xa2
 * Weitere Rechte", "2009-2020 by Florian Posdziech"); its length in
 * *len, 0 when there is none. */
size_t text_copyright_owner(const char *s, size_t *len);
/* True when the owner at offset off of copyright line s follows a span
 * of years ("\xc2\xa9 2009-2012 Jonathan Krase", "(c) 2012- Gregory
 * Szorc"): a site kept over the years, a person's own. */
bool text_owner_since(const char *s, size_t off);

/* The offset of the name in s when a role's word opens it before a
 * name of two or three words ("Rechtsanwalt Sebastian Einbock",
 * "Redakteurin Anna Muster", "FOCUS-Online-Experte Robin Tsch\xc3\xb6pe"),
 * else 0. */
size_t text_role_before(const char *s);

/* A copy of s with a space put back between a year and the time a
 * renderer glued to it ("3 de mayo de 202221:25"), or NULL when s has
 * none (text_byline.c). */
char *text_year_time_parted(const char *s);

/* True when s[0..n) holds a small word no name holds ("Projektleiterin
 * der HSS": an article after a capitalised word), a role's phrase. */
bool text_phrase_part(const char *s, size_t n);

const char *text_kind_name(enum text_kind k);

/* Repeats (text_repeats.c), steps of text_classify(). Marks the items
 * whose text another item has (twice; repeated when long). */
void text_repeats(struct text_doc *d);
/* Marks as repeated the items another one a few items away nearly
 * copies (a banner shown twice with another line under one copy). */
void text_near_copies(struct text_doc *d);
/* A repeated paragraph that outweighs all body-like text: its last copy
 * is body-like. */
void text_repeated_only(struct text_doc *d);
/* True when the repeated item i stands next to body-like text. */
bool text_repeat_by_body(const struct text_doc *d, size_t i);

/* Lists (text_lists.c), steps of text_classify(). The entries of a list
 * the article sets in its text (text_article_lists()) are body-like. */
void text_article_lists(struct text_doc *d);
/* Moves the start of the region back over a list to the lead above it;
 * the list's bulleted entries are then body-like. */
void text_lead_over_list(struct text_doc *d);
/* Moves the end of the region over the list its last paragraph
 * announces with a colon. */
void text_colon_list(struct text_doc *d);
/* A list between two paragraphs of the body is the article's. */
void text_lists(struct text_doc *d);
/* The rows of a table or a list between two paragraphs of the body are
 * body (text_lists.c). */
void text_rows_between(struct text_doc *d);
/* A recipe's quantity lines ("200 g Mehl") in a run over, under or in
 * the region are body-like and the region's (text_quantities.c). */
void text_quantities(struct text_doc *d);
/* A run of "label: value" lines next to the region or inside it is
 * the article's data sheet: body-like and the region's (text_sheet.c). */
void text_sheets(struct text_doc *d);

/* Subheadings inside the body have at most this many words. */
#define TEXT_SUBHEAD_MAX_WORDS 7

/* The offset in s of the headline after a breadcrumb trail glued to it
 * ("Home \xc2\xbb Unbefriedigt", "home / InfoStream / Eigentumsvorbehalt:
 * Das sollten ..."): past the last of the trail's marks (an arrow, or
 * two slashes) where each entry before it is a section's name of four
 * words at most; 0 when there is none, or the trail ends with its mark
 * (text_header.c). */
size_t text_crumbs_glued(const char *s);

/* Words of a link box's heading, at most. */
#define TEXT_BOX_HEADING_WORDS 4

/* Words of a headline, at most (text_header.c, text_kicker.c). */
#define TEXT_TITLE_MAX_WORDS 30

/* Signals, exposed for tests. s is one item's text. */
bool text_is_chrome(const char *s, int words);
/* True when s holds a form's field as a renderer draws it: a check box
 * or an empty text field ("[ ]", w3m's wide field folded to it) or
 * lynx's text field ("____"). */
bool text_has_field(const char *s);
/* True when s, case-folded, holds one of the n folded phrases of v. */
bool text_holds_any(const char *s, const char *const *v, size_t n);
/* True when s holds the heading of a link box ("Related articles",
 * "Lesen Sie auch"). */
bool text_is_box_heading(const char *s);
/* When s is a paragraph with the heading of a link box glued to its end
 * ("... in Bezug auf Gletscher. Mehr zum Thema": a renderer left no
 * blank line under the paragraph), the length of the paragraph without
 * it; 0 otherwise. */
size_t text_trailing_heading(const char *s);
/* True when a short item heads a comment thread ("Comments", "Leave a
 * reply", "Join the conversation"). */
bool text_is_section_end(const char *s, int words);
/* True when s is a link under a teaser to its story ("Read more",
 * "weiterlesen 5 Minuten"). */
bool text_is_read_more(const char *s, int words);
/* If s is (or ends with) a photo credit ("(Reuters)", "© X", "Photo: X",
 * "X/AGENCY"), returns the credit as a new string and stores in *at the
 * byte offset where the credit notation starts; NULL otherwise. */
char *text_credit(const char *s, size_t *at);
/* True when s reads like a person's name, or "By" and names. */
bool text_is_byline(const char *s, int words);

/* Lower-cases (Unicode case folding) s into a new string. */
char *text_fold(const char *s);

#endif
