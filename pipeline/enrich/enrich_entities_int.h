/* The state of the entity finder, shared by enrich_entities.c (the
 * candidate runs and their classes) and enrich_entities_resolve.c (which
 * runs are one person). Pure. */
#ifndef NW_ENRICH_ENTITIES_INT_H
#define NW_ENRICH_ENTITIES_INT_H

#include "enrich_int.h"

struct ent_run {
	size_t a, b;         /* words [a, b) of the token list */
	enum ent_kind kind;
	char *name;          /* display form */
	const char *canon;   /* a place's ent_place.canon, or NULL */
	bool single;         /* one unknown word: resolved later */
	bool cue;            /* a title or role marked it a person */
	bool weak;           /* in a title-case heading: kept only when
	                        confirmed elsewhere */
};

/* What is known of a folded word: the lists it is in, each looked up the
 * first time it is asked. A slot of ent_ctx.memo. */
enum {
	ENT_W_FUNCTION = 1 << 0,  /* in ent_function_words */
	ENT_W_STOP = 1 << 1,      /* etok_stopword() */
	ENT_W_LANG = 1 << 2,      /* lang_stopword() */
	ENT_W_TITLE = 1 << 3,     /* in ent_titles */
	ENT_W_ORG = 1 << 4,       /* in ent_org_words */
	ENT_W_BEFORE = 1 << 5,    /* in ent_person_before */
	ENT_W_PSTART = 1 << 6,    /* ent_place_starts() */
	ENT_W_DEMONYM = 1 << 7,   /* ent_demonym() */
	ENT_W_PLACE = 1 << 8,     /* ent_place_find(), into .place */
	ENT_W_KIND = 1 << 9,      /* in ent_place_kinds */
	ENT_W_DET = 1 << 10,      /* in ent_determiners */
	ENT_W_SITE = 1 << 11,     /* in ent_site_words */
	ENT_W_GIVEN = 1 << 12,    /* ent_given() */
	ENT_W_DENOUN = 1 << 13,   /* ent_de_noun() */
	ENT_W_DEROLE = 1 << 14    /* ent_de_role() */
};

struct ent_memo {
	size_t tok;       /* a word of this folded form, + 1; 0: free */
	unsigned known;   /* the ENT_W_* looked up */
	unsigned is;      /* those of them that hold */
	const struct ent_place *place;
};

/* A word as written, with how often (at most 2) it is seen capitalised
 * inside sentences: a slot of ent_ctx.seen. */
struct ent_seen {
	size_t tok;      /* one of its words, + 1; 0: a free slot */
	unsigned count;
};

struct ent_ctx {
	const char *s;
	const struct etoks *t;
	struct ent_seen *seen;  /* open addressing by the words' hashes,
	                           a power of two of slots; NULL until
	                           first needed */
	size_t seen_cap;
	struct ent_memo *memo;  /* open addressing by the words' hashes,
	                           a power of two of slots; NULL until
	                           first needed */
	size_t memo_cap;
	size_t *memo_of;     /* memo_of[i]: word i's slot + 1; 0 unknown */
	bool *heading;       /* heading[i]: word i is in a title-case line */
	bool nouns;          /* the language capitalises every noun */
	const char *lang;    /* the text's language, or NULL */
	uint64_t *lower;     /* the etok hashes of the words written in
	                        lower case in prose, open addressing in
	                        lower_cap slots (a power of two); NULL
	                        until first needed */
	size_t lower_cap;
	struct ent_run *runs;
	size_t n, cap;
};

/* Gives the Cyrillic person names of several words of c the first of
 * their case forms, most often the nominative. */
void ent_cyr_merge(struct ent_ctx *c);
/* Settles the single words and fullest forms of c's runs in place, by the
 * person names of ref (c itself, or the body's for the title). */
void ent_resolve(struct ent_ctx *c, const struct ent_ctx *ref);

#endif
