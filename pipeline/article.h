/* The in-memory article that the pipeline stages fill in turn. Every
 * pointer is owned by the article and freed by article_free(); NULL (or an
 * empty list) means unknown, and becomes JSON null in the event. */
#ifndef NW_ARTICLE_H
#define NW_ARTICLE_H

#include <stdbool.h>
#include <stdint.h>

#include "util.h"

/* A point in time as a source stated it. */
struct nw_time {
	int64_t utc;      /* seconds since the Unix epoch, UTC */
	int offset;       /* the stated offset from UTC, minutes east */
	bool set;         /* false: unknown, every other field meaningless */
	bool has_offset;  /* the source named a zone or offset */
	bool has_time;    /* the source gave a time of day, not just a date */
};

struct nw_image {
	char *url;
	char *caption;
	char *credit;
};

struct nw_quote {
	char *text;
	char *speaker;
};

/* A wire-style opening: "MOSCOW, February 13. /TASS/." */
struct nw_dateline {
	char *place;
	char *date;     /* as written: "February 13" */
	char *agency;
};

struct nw_article {
	char *url;            /* where it came from, if known */
	char *canonical_url;  /* tracking parameters and fragment dropped */
	char *title;
	char *subtitle;
	struct strlist authors;
	struct nw_time published;
	struct nw_time updated;
	char *publisher;      /* the outlet's name */
	struct nw_dateline *dateline;
	char *lang;           /* ISO 639-1 */
	char *body;           /* paragraphs separated by one blank line */
	struct nw_image *images;
	size_t n_images;
	char *lead_image;     /* the page's own choice of picture (og:image,
	                         twitter:image, schema.org image): an image
	                         when the body has none; not in the event */
	struct nw_quote *quotes;
	size_t n_quotes;
	struct strlist people;
	struct strlist organisations;
	struct strlist places;
	char content_hash[65];  /* hex SHA-256 of the normalised body; "" unset */
	uint64_t simhash;       /* 64-bit simhash over word shingles */
	bool has_simhash;
	char *story_id;         /* set by story_assign(), not the pipeline */
	char *duplicate_of;     /* set by the store, not the pipeline */
	char *dup_print;        /* enrich/dup.h fingerprint of the body */
};

struct nw_article *article_new(void);
void article_free(struct nw_article *a);

/* Appends an image; any of the strings may be NULL. Copies them. */
void article_add_image(struct nw_article *a, const char *url,
    const char *caption, const char *credit);
void article_add_quote(struct nw_article *a, const char *text,
    const char *speaker);
void article_set_dateline(struct nw_article *a, const char *place,
    const char *date, const char *agency);

/* Replaces *field with a copy of value (NULL clears it). */
void article_set(char **field, const char *value);

#endif
