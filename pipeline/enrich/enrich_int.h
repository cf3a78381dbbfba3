/* Internals shared by the enrichment files: a word tokeniser over UTF-8
 * text and the entity table that quote attribution reads. Pure. */
#ifndef NW_ENRICH_INT_H
#define NW_ENRICH_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util.h"

enum {
	ETOK_CAP = 1 << 0,     /* first letter upper-case */
	ETOK_ALLCAP = 1 << 1,  /* two or more letters, all upper-case */
	ETOK_SENT = 1 << 2,    /* first word of a sentence (or after an
	                          opening quotation mark) */
	ETOK_POSS = 1 << 3,    /* followed by 's or ’s, which is not in it */
	ETOK_PARA = 1 << 4,    /* first word of a paragraph */
	ETOK_NUM = 1 << 5,     /* starts with a digit */
	ETOK_ABBR = 1 << 6,    /* followed by a '.' that ends no sentence */
	ETOK_LINE = 1 << 7     /* alone on its line: only spaces between it
	                          and the line's start, and its end (as
	                          written: before any 's) and the line's */
};

/* A word: text[off, off + len), its flags, its sentence number, and its
 * case-folded form (etok_fold()) with that form's etok_hash(). */
struct etok {
	size_t off;
	size_t len;
	unsigned flags;
	int sent;
	size_t fold;    /* offset of the folded word in etoks.folds */
	uint64_t hash;
};

struct etoks {
	struct etok *v;
	size_t n;
	size_t cap;
	struct buf folds;  /* the folded words, each NUL-terminated */
};

/* Splits text into words (letters and digits, with inner apostrophes,
 * hyphens and the dots of "U.S."), marking sentence starts, and folds
 * each word once for every reader of the list. */
void etok_split(const char *text, struct etoks *t);
/* The same, stopping once t holds max words (the first max words of
 * etok_split(), for readers of a text's lead only). */
void etok_split_n(const char *text, struct etoks *t, size_t max);
void etok_free(struct etoks *t);

/* The case-folded form of word i of t (owned by t). */
static inline const char *
etok_folded(const struct etoks *t, size_t i)
{
	return t->folds.p + t->v[i].fold;
}

/* 64-bit hash of s[0, n): FNV-1a, mixed by SplitMix64's finaliser. The
 * simhash and the duplicate print hash case-folded words with it. */
uint64_t etok_hash(const char *s, size_t n);

/* Lower-case (case-folded, NFC) copy of s[0, n); never NULL. */
char *etok_fold(const char *s, size_t n);

/* True if the word, case-folded, is text[off, off + len) equal to w. */
bool etok_is(const char *text, const struct etok *k, const char *w);

/* Common English function words and sentence openers (case-folded;
 * gen_stop.py's STOP_EN). */
bool etok_stopword(const char *folded);

/* Word lists are arrays of strings in strcmp order, searched with
 * ETOK_FIND (etok_in(), a binary search). etok_sorted() checks that order;
 * the *_tables_sorted() functions check every list of a file
 * (unit-tested). */
int etok_cmp(const void *key, const void *elem);
bool etok_sorted(const char *const *v, size_t n);
/* strcmp() inline, for the short words of the lists: the inline loop
 * beats a call to the library's. */
static inline int
etok_strcmp(const char *a, const char *b)
{
	const unsigned char *x = (const unsigned char *)a;
	const unsigned char *y = (const unsigned char *)b;

	while (*x != '\0' && *x == *y) {
		x++;
		y++;
	}
	return (int)*x - (int)*y;
}

/* Whether key is one of the n strings of list, in strcmp() order. */
bool etok_in(const char *key, const char *const *list, size_t n);
#define ETOK_COUNT(list) (sizeof(list) / sizeof((list)[0]))
#define ETOK_FIND(key, list) etok_in((key), (list), ETOK_COUNT(list))
#define ETOK_SORTED(list) etok_sorted((list), ETOK_COUNT(list))
bool etok_tables_sorted(void);
bool ent_tables_sorted(void);
/* The entity rules' word lists (enrich_entities_words.c). */
enum ent_list {
	ENT_L_FUNCTION,  /* English function words that start no name */
	ENT_L_TITLE,     /* titles and honorifics */
	ENT_L_ORG,       /* words of an organisation's name */
	ENT_L_BEFORE,    /* lower-case words before a person's name */
	ENT_L_KIND,      /* kinds of place ("city", "county") */
	ENT_L_DET,       /* determiners of a common noun */
	ENT_L_SITE,      /* words ending a street's or venue's name */
	ENT_L_PLACE_OPEN, /* words opening a place's name ("san", "st") */
	ENT_L_ROM_ORG,   /* French, Spanish, Italian, Portuguese: words of
	                    an organisation's name */
	ENT_L_ROM_TITLE, /* their titles and roles before a name */
	ENT_L_ROM_SITE,  /* their words opening a street's or venue's name */
	ENT_L_ROM_ART,   /* their articles */
	ENT_L_ROM_JOIN,  /* their particles inside a name ("de", "del") */
	ENT_L_DE_DET,    /* German determiners and pronouns ("Ihre") */
	ENT_L_ROM_TOWN,  /* romance words whose "de" names a town
	                    ("maire", "parquet", "université") */
	ENT_L_ORG_END,   /* English words that head a body's name ending
	                    it ("Amnesty International") */
	ENT_L_DECL_PREP, /* Polish, Russian, Ukrainian prepositions */
	ENT_L_SKY        /* planets and moons English names alone */
};
/* Whether the folded word f is in the list which. */
bool ent_list_has(enum ent_list which, const char *f);
/* Whether the folded word f is a given name (a case form of one, for a
 * Cyrillic word); one of a German common noun or adjective by its ending
 * ("Gelegenheit", "Technische"); one of a German role before a name
 * ("Parteichef", "Frau"). */
bool ent_given(const char *f);
bool ent_de_noun(const char *f);
bool ent_de_role(const char *f);
/* Whether the folded German word f ends with the head of an
 * organisation's name ("Krankenkasse", "Bundesverband") or is a legal
 * form ("gmbh"). */
bool ent_de_org(const char *f);
/* Whether the folded German noun f, in any case, heads a body's name
 * after an adjective ("Bahn", "Kirche", "Rat", and ent_de_org()'s). */
bool ent_de_body(const char *f);
/* Whether the folded German word f, less a genitive's -s or -es, is a
 * word is() takes ("Caritasverbandes", "Clubs"). */
bool ent_de_genitive_is(const char *f, bool (*is)(const char *));
/* The length of the stem of the Cyrillic word w of n bytes (w without
 * its case ending), or n for a word of another script. */
size_t ent_cyr_stem(const char *w, size_t n);
/* ent_cyr_stem1(): the word less its last vowel, down to a stem of two
 * letters. */
size_t ent_cyr_stem1(const char *w, size_t n);
/* Whether the folded Polish word f heads a body's name in any case
 * ("Koalicji", "Urzędu", "Służba"). */
bool ent_pl_org(const char *f);
/* The same of a Polish word: w without a case ending ("Pawlickiego",
 * "Pawlickim", "Pawlicki" are "Pawlick"), or n. */
size_t ent_pl_stem(const char *w, size_t n);
/* True when the names x and y have as many words and each is a case
 * form of the other's (the same ent_cyr_stem()). */
bool ent_same_stems(const char *x, const char *y);
/* True when the names x and y have as many words and same() holds of
 * each pair of words, given with their lengths in bytes. */
bool ent_same_words(const char *x, const char *y,
    bool (*same)(const char *, size_t, const char *, size_t));
/* The number of words of the name that end in one of the n endings
 * with at least min bytes of the word before it. */
size_t ent_count_ends(const char *name, const char *const *ends, size_t n,
    size_t min);
bool quote_tables_sorted(void);
bool lang_tables_sorted(void);
bool lang_pairs_sorted(void);

/* c is of a script written without spaces between words (Han, kana,
 * Thai, Lao, Khmer, Myanmar): the tokeniser makes each character a word,
 * and names and speakers are not looked for in it. */
bool etok_nospace(int32_t c);

/* The first code point of s is a letter of the given case. */
bool etok_upper_at(const char *s, size_t n);

enum ent_kind { ENT_PERSON, ENT_ORG, ENT_PLACE };

/* One mention of a named entity in the body, by byte range. */
struct ent_mention {
	size_t start;
	size_t end;
	int sent;            /* sentence number of its first word */
	enum ent_kind kind;
	size_t name;         /* index into ent_result.names */
};

struct ent_result {
	struct strlist names;     /* fullest forms */
	enum ent_kind *kinds;     /* kinds[i] is the class of names.v[i] */
	struct ent_mention *m;    /* body mentions, in text order */
	size_t n_m;
	size_t cap_m;
	struct etoks toks;        /* the body's words */
};

/* Starts r (which it zeroes) with the words of body, for lang_detect()
 * and enrich_simhash_toks() to share. */
void ent_tokenise(const char *body, struct ent_result *r);

/* Finds the people, organisations and places of title and body, into r
 * started by ent_tokenise(body, r); the subtitle (or NULL) only names
 * the people the body's surnames alone are. lang (ISO 639-1, or NULL)
 * tells languages that capitalise every noun ("de"), where a lone
 * capitalised word is no name. */
void ent_extract(const char *title, const char *subtitle, const char *body,
    const char *lang, struct ent_result *r);
/* Whether the entity and speaker rules can read text of lang (NULL:
 * unknown, read as English is): English, German, French, Spanish,
 * Italian, Portuguese, Polish, Russian and Ukrainian, the languages
 * whose titles, bodies, sentence openers or case forms they know. Of
 * any other (Greek, Turkish, Romanian, Danish ...) they cannot tell a
 * title, a weekday or a parliament from a name. */
bool ent_lang_read(const char *lang);
void ent_result_free(struct ent_result *r);

/* Quotations of body with their speakers, appended to the lists. */
struct nw_article;
void quote_extract(const char *body, const struct ent_result *r,
    struct nw_article *a);

/* ISO 639-1 code of the language of text, or NULL when unsure. hint (may
 * be NULL) is the language the page states: it is returned unless text is
 * in a script that language is not written in, or the function words of
 * text (toks, its words; may be NULL) are plainly another language's. Thread-safe; the first
 * text of a script shared by many languages reads libexttextcat's models
 * of that script. */
const char *lang_detect(const char *text, const struct etoks *toks,
    const char *hint);

/* A function word of one of the language profiles (case-folded). */
bool lang_stopword(const char *folded);
/* The lists of gen_stop.py the folded word f, of etok_hash() h, is in:
 * bit j for the j-th language profile (ETOK_STOP_LANGS: any of them,
 * lang_stopword()), ETOK_STOP_EN for etok_stopword()'s list; 0 for
 * none. One probe of a hashed table: callers holding a token's hash
 * pass it rather than look the word up in each list. */
#define ETOK_STOP_LANGS 0xfffu
#define ETOK_STOP_EN (1u << 12)
unsigned lang_stop_mask(const char *f, uint64_t h);

/* Whether NFC leaves the code point c alone wherever it stands (see
 * enrich.c): text of such code points only needs no normalisation. */
bool enrich_nfc_inert(int32_t c);

/* enrich_simhash() of text split into t. */
uint64_t enrich_simhash_toks(const char *text, const struct etoks *t);

/* enrich_places.c: the place gazetteer. */
struct ent_place {
	const char *key;   /* NFC case-folded */
	const char *name;  /* as written */
	const char *canon; /* the one name of its country ("US", "U.S."
	                      and "United States" share "United States") */
	int kind;          /* 0 country, 1 city, 2 region */
	const char *lang;  /* the languages whose text names it so, their
	                      codes separated by spaces ("de": "Frankreich";
	                      "es it": "Francia"), or NULL for any */
};

/* The place whose NFC case-folded name is folded, or NULL. */
const struct ent_place *ent_place_find(const char *folded);
/* Whether every place of the gazetteer is found by ent_place_find() and
 * the gazetteer is in strcmp() order (for the tests). */
bool ent_places_indexed(void);
/* pl if it is a place in text of language lang (may be NULL), else
 * NULL. */
const struct ent_place *ent_place_in(const struct ent_place *pl,
    const char *lang);
/* ent_place_find(), or for a Cyrillic word the place one of its case
 * forms names ("России" -> Russia). */
const struct ent_place *ent_place_find_inflected(const char *folded);
/* The place a Polish case form names ("Rosji", "Ukrainy", "Meksyku",
 * "Czechach" are "Rosja", "Ukraina", "Meksyk", "Czechy"), or NULL; the
 * caller asks ent_place_in() for Polish text. */
const struct ent_place *ent_place_find_pl(const char *folded);
/* True if a place name is word or starts with word and a space. */
bool ent_place_starts(const char *word);
/* True if the folded word is shaped like a nationality of a country
 * ("russian", "americans") or names a language ("spanish"). */
bool ent_demonym(const char *folded);
/* True if the folded word is the English name of a language
 * ("spanish", "chinese"). */
bool ent_lang_name(const char *folded);
/* The same of Polish's suffixes on a place's name ("Rosjanin",
 * "Rosjanie", "Rosjan" of "Rosja"). */
bool ent_pl_demonym(const char *folded);

/* The places of an article by their country's one name (canon), each
 * with the name the article gave it first. */
struct ent_canons {
	const char **canon;
	const char **name;
	size_t n, cap;
};

/* The name a place of country canon goes by in the article: the first
 * one given (name, which the caller keeps while m is used, when this is
 * the first). */
const char *ent_canon_name(struct ent_canons *m, const char *canon,
    const char *name);
void ent_canons_free(struct ent_canons *m);

/* dup_print_text() (dup.h) from the words etok_split() found in body,
 * with the simhash already computed (enrich_article() has both). */
char *dup_print_toks(const char *body, const struct etoks *t,
    uint64_t simhash);

struct dup_print;
/* The number of p's samples (sorted) at or under lim (dup.c; the index
 * in dup_index.c counts the same way). */
size_t dup_print_below(const struct dup_print *p, uint64_t lim);
/* Sorts v[0, n) ascending on its low bits (a multiple of 8), a byte a
 * pass through tmp (n values); returns v or tmp, whichever holds the
 * result (v for an even number of passes). dup.c. */
uint64_t *dup_radix_sort(uint64_t *v, uint64_t *tmp, size_t n, int bits);

#endif
