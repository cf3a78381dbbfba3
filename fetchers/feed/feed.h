/* The feed parser: RSS 0.9x / 2.0, RSS 1.0 (RDF), Atom 0.3 / 1.0 and JSON
 * Feed 1.0 / 1.1, normalised into one model. Pure functions: no I/O, no
 * globals; safe to call from several threads at once.
 *
 * XML goes through libxml2 with XML_PARSE_NONET | XML_PARSE_RECOVER and
 * never XML_PARSE_NOENT or XML_PARSE_DTDLOAD: no external entity or DTD is
 * ever fetched, and entities declared in the document are only used when
 * their text is short and refers to no other entity (no "billion laughs").
 * Input larger than FEED_MAX_INPUT bytes is refused; gzip input is
 * inflated up to the same cap.
 *
 * libxml2 wants xmlInitParser() called once before threads parse (the
 * daemon and the CLI do it at start); after that any thread may call
 * feed_parse() at any time.
 *
 * Text fields keep the feed's text as XML gives it: entities decoded,
 * HTML markup kept as a string. Relative URLs are resolved against
 * xml:base and the feed's URL. Dates are parsed with date_parse(). */
#ifndef NW_FEED_H
#define NW_FEED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "article.h"
#include "budget.h"
#include "entry.h"
#include "util.h"

#define FEED_MAX_INPUT (16u * 1024 * 1024)

struct feed_person {
	char *name;     /* NULL when only an email is known */
	char *email;
};

struct feed_enclosure {
	char *url;
	char *length;   /* as the feed wrote it, bytes */
	char *type;
};

/* A Media RSS object: media:content (all fields) or media:thumbnail
 * (url, width, height), as the feed wrote them. */
struct feed_media {
	char *url;
	char *type;
	char *medium;    /* image, audio, video, document, executable */
	char *length;    /* fileSize, bytes */
	char *width;
	char *height;
	char *duration;  /* seconds */
};

struct feed_image {
	char *url;      /* NULL: no image */
	char *title;
};

struct feed_item {
	char *guid;
	char *title;
	char *description;   /* summary */
	char *content;       /* full content (HTML as a string) */
	char *link;          /* the page of the entry */
	struct strlist links;
	struct nw_time published;
	struct nw_time updated;
	struct feed_person *authors;
	size_t n_authors;
	struct strlist categories;
	struct feed_enclosure *enclosures;
	size_t n_enclosures;
	struct feed_image image;
	struct feed_media *media_content;
	size_t n_media_content;
	struct feed_media *media_thumbnail;
	size_t n_media_thumbnail;
};

struct feed_keep;

struct feed {
	const char *format;  /* "rss", "atom" or "json" (static string) */
	char *version;       /* "2.0", "0.91", "1.0", "0.3", "1.1", ... */
	char *title;
	char *description;
	char *link;          /* the site */
	struct strlist links;
	char *feed_link;     /* the feed itself (rel="self", feed_url) */
	char *language;
	char *copyright;
	char *generator;
	struct feed_image image;
	struct nw_time updated;
	struct nw_time published;
	struct feed_person *authors;
	size_t n_authors;
	struct strlist categories;
	struct feed_item *items;
	size_t n_items;
	size_t items_cap;
	size_t n_seen;       /* items in the document, duplicates included */
	size_t n_capped;     /* left out past feed_opts.max_items */
	struct feed_keep *keep;   /* while parsing (feed_keep.c) */
};

/* An entry's identity within its feed, the daemon's and the cap's key:
 * its guid, else its link, else "sha256:" and the hash of its title,
 * description and content. An owned string. */
char *feed_item_key(const struct feed_item *it);

/* How to parse (feed_parse_opts). */
struct feed_opts {
	const struct budget *budget;   /* NULL: none */
	/* 0: every item. Else at most max_items items are kept: of the
	 * items of distinct identity (key, when given: an owned string,
	 * the first item of each identity counts), the newest (updated,
	 * else published; undated ones last; ties in document order), in
	 * document order. n_seen counts every item of the document,
	 * n_capped the ones of distinct identity left out. The parse then
	 * holds at most max_items + 1 items at a time. */
	size_t max_items;
	char *(*key)(const struct feed_item *it);
};

/* Parses data[0..len). url (may be NULL) is where the feed came from and
 * is the base for relative links. Returns a feed owned by the caller
 * (free with feed_free), or NULL with a one-line reason in err. A feed
 * with no items is a valid feed. */
struct feed *feed_parse(const char *data, size_t len, const char *url,
    char *err, size_t errlen);

/* feed_parse() under a budget (budget.h; NULL: none), for work that must
 * not run away with a huge feed: the parse asks it at every chunk of
 * input libxml2 reads and every BUDGET_EVERY entries, and once it is
 * spent gives up, frees what it built and returns NULL with the reason in
 * err (budget_left() then says which). */
struct feed *feed_parse_budget(const char *data, size_t len,
    const char *url, const struct budget *b, char *err, size_t errlen);

/* feed_parse() with options (NULL: none). */
struct feed *feed_parse_opts(const char *data, size_t len, const char *url,
    const struct feed_opts *o, char *err, size_t errlen);

void feed_free(struct feed *f);

/* The JSON form `newswire feed` prints (DESIGN.md): format, version,
 * title, description, link, links, feed_link, language, copyright,
 * generator, image {url, title}, updated, published (RFC 3339 UTC),
 * authors [{name, email}], categories, items [...]; items also carry
 * media_content [{url, type, medium, length, width, height, duration}]
 * and media_thumbnail [{url, width, height}] (Media RSS). Unknown values
 * are null, lists are []. Returns a new reference. */
json_t *feed_to_json(const struct feed *f);

/* Fills e with item it of feed f as a pipeline entry (pipeline_entry()):
 * every string is borrowed from f and it, which must outlive e, except
 * the array of author names, allocated here and released by
 * feed_entry_clear(e). */
void feed_item_entry(const struct feed *f, const struct feed_item *it,
    struct nw_entry *e);
void feed_entry_clear(struct nw_entry *e);

/* ---- used by the format parsers (feed_xml.c, feed_json.c) ---- */

struct feed *feed_new(void);
/* A new item at the end of f's items; the reader fills it, then calls
 * feed_item_done(f), which tidies it and keeps it or gives it up under
 * the cap (feed_keep.c). */
struct feed_item *feed_add_item(struct feed *f);
void feed_item_done(struct feed *f);
void feed_item_free(struct feed_item *it);
/* The cap of feed_opts (max 0: none), set before the first item; at the
 * end of the parse feed_keep_finish() puts the kept items in document
 * order. feed_keep_free() (feed_free() calls it) drops the cap's state. */
void feed_keep_start(struct feed *f, size_t max,
    char *(*key)(const struct feed_item *it));
void feed_keep_finish(struct feed *f);
void feed_keep_free(struct feed *f);
/* Appends an author; parses "email (Name)", "Name (email)",
 * "Name <email>", a bare email or a bare name. Ignores empty input. */
void feed_add_author_text(struct feed_person **v, size_t *n,
    const char *text);
void feed_add_author(struct feed_person **v, size_t *n, const char *name,
    const char *email);
void feed_add_enclosure(struct feed_item *it, const char *url,
    const char *length, const char *type);
/* Appends a copy of *m (url required, else nothing) to *v. */
void feed_add_media(struct feed_media **v, size_t *n,
    const struct feed_media *m);
/* Sets the image when none is set yet. */
void feed_set_image(struct feed_image *img, const char *url,
    const char *title);
/* Replaces *field with a copy of value when *field is NULL; value is
 * trimmed and an empty value counts as none. */
void feed_set_once(char **field, const char *value);
/* Parses s as a date into *t when *t is not set yet. */
void feed_set_date(struct nw_time *t, const char *s);
/* s[0..n) is UTF-8 (a sequence cut short at the very end counts). */
bool feed_valid_utf8(const unsigned char *s, size_t n);
/* ref resolved against base (may be NULL) by lib/url's url_resolve(),
 * as a page's links are: dot segments removed, raw non-ASCII characters
 * and spaces percent-encoded, escapes in upper case, an IDN host in its
 * ASCII form; an empty path stays empty. Owned; NULL when ref makes no
 * absolute URL. */
char *feed_url(const char *ref, const char *base);
/* windows-1252's characters for the bytes 0x80..0x9F (U+FFFD: none). */
extern const uint16_t feed_cp1252[32];
/* Repairs text encoded as UTF-8 twice and language tags written with an
 * underscore, in the feed's own text fields (feed_tidy.c); an item's are
 * repaired by feed_tidy_item(), which feed_item_done() calls. */
void feed_tidy(struct feed *f);
void feed_tidy_item(struct feed_item *it);
/* The URL of the first <img src> in an HTML string, or NULL (owned). */
char *feed_html_first_img(const char *html);

/* The formats' parsers, under feed_parse_opts()'s options (not NULL). */
struct feed *feed_parse_xml(const char *data, size_t len, const char *url,
    const char *encoding, const struct feed_opts *o, char *err,
    size_t errlen);
struct feed *feed_parse_json(const char *data, size_t len, const char *url,
    const struct feed_opts *o, char *err, size_t errlen);
/* A new feed under the cap of o. */
struct feed *feed_new_opts(const struct feed_opts *o);
/* True when the budget is spent, asked once every BUDGET_EVERY entries
 * of f (at n_seen 0, BUDGET_EVERY, ...): the walkers stop adding. */
bool feed_budget_spent(const struct budget *b, const struct feed *f);

#endif
