/* The state of the entity finder, shared by its files: enrich_entities.c
 * (what is known of a word, the candidate runs and the result),
 * enrich_entities_class.c (a run's class), enrich_entities_resolve.c
 * (which runs are one person), and the rules of enrich_entities_lang.c
 * and enrich_entities_style.c. Pure. */
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
	bool phrase;         /* English words in title case ("Saturated
	                        Fat"): no name, kept only so that its words
	                        alone ("Fat") resolve to it, and dropped */
	bool oblique;        /* no place, after a preposition of a
	                        language that declines names ("w
	                        Lesznie", "z Zielonej Góry"): a case form,
	                        no name; a word alone is kept where it
	                        resolves to a person or a place */
};

/* What is known of a folded word: the lists it is in, each looked up the
 * first time it is asked (ent_word_is()). */
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
	ENT_W_DET = 1 << 10,      /* in ent_determiners, English text */
	ENT_W_SITE = 1 << 11,     /* in ent_site_words */
	ENT_W_GIVEN = 1 << 12,    /* ent_given() */
	ENT_W_DENOUN = 1 << 13,   /* ent_de_noun() */
	ENT_W_DEROLE = 1 << 14,   /* ent_de_role() */
	ENT_W_WORD = 1 << 15,     /* a word of the text's language's
	                             dictionary (ent_dict_word()) */
	ENT_W_ENWORD = 1 << 16,   /* a lower-case English word */
	ENT_W_DEORG = 1 << 17,    /* ent_de_org() */
	ENT_W_RORG = 1 << 18,     /* in ENT_L_ROM_ORG */
	ENT_W_RTITLE = 1 << 19,   /* in ENT_L_ROM_TITLE */
	ENT_W_RSITE = 1 << 20,    /* in ENT_L_ROM_SITE */
	ENT_W_RART = 1 << 21,     /* in ENT_L_ROM_ART */
	ENT_W_RJOIN = 1 << 22,    /* in ENT_L_ROM_JOIN */
	ENT_W_DEDET = 1 << 23     /* in ENT_L_DE_DET */
};

/* A set of etok hashes: open addressing in cap slots (a power of two)
 * at most half full, doubled as n grows, 0 marking a free slot, so a
 * hash of 0 is kept as 1. v is NULL until ent_hset_init(). */
struct ent_hset {
	uint64_t *v;
	size_t cap, n;
};

/* An empty set of a few slots: most sets gathered from a text hold few
 * of its words, and zeroing room for all of them cost more than the
 * lookups. */
void ent_hset_init(struct ent_hset *set);
void ent_hset_add(struct ent_hset *set, uint64_t h);
bool ent_hset_has(const struct ent_hset *set, uint64_t h);
/* qsort()'s order of records whose first member is a uint64_t hash
 * (a word's mentions, gathered to be counted by word). */
int ent_hash_cmp(const void *a, const void *b);

struct ent_memo;  /* enrich_entities.c's */
struct ent_seen;  /* enrich_entities_seen.c's */

struct ent_ctx {
	const char *s;
	const struct etoks *t;
	struct ent_seen *seen;  /* enrich_entities_seen.c's: open
	                           addressing by the words' hashes, a
	                           power of two of slots, at most half
	                           full; NULL until first needed */
	size_t seen_cap, seen_n;
	struct ent_memo *memo;  /* the folded forms asked about, in the
	                           order first asked; NULL until first
	                           needed */
	size_t memo_n, memo_room;
	size_t *memo_ix;     /* open addressing by the forms' hashes, a
	                        power of two of slots at most half full:
	                        an index of memo + 1, 0 free */
	size_t memo_cap;
	size_t *memo_of;     /* memo_of[i]: word i's index of memo + 1; 0
	                        unknown */
	bool *heading;       /* heading[i]: word i is in a title-case line */
	bool *ginit;         /* ginit[i]: word i is a person's dotted
	                        initials, its dot no sentence's end
	                        ("P.J. Fleck"); NULL if none is */
	bool nouns;          /* the language capitalises every noun */
	bool romance;        /* French, Spanish, Italian or Portuguese */
	bool caseless;       /* Chinese, Japanese, Korean or Thai: only
	                        places and acronyms are names */
	bool openers;        /* Polish: a sentence's first word never
	                        capitalised inside one opens no name */
	bool unread;         /* !ent_lang_read(): only places, acronyms
	                        and people from a given name */
	const char *lang;    /* the text's language, or NULL */
	bool english;        /* lang is "en": the English rules run */
	const bool *art;     /* art[i]: word i is written after an elided
	                        article ("l'OMS"); NULL if none is */
	struct ent_hset lower;  /* the etok hashes of the words written
	                           in lower case in prose; empty until
	                           first needed */
	struct ent_hset caps;   /* the same of the words written
	                           capitalised */
	struct ent_hset town;   /* the same of the capitalised words
	                           written after "in" with no capitalised
	                           word after them ("in Augusta
	                           schreiben") */
	struct ent_hset town_pl; /* Polish: the etok hashes of the
	                           words written after "w" as a town is
	                           (ent_pl_town_form()), less their last
	                           vowels */
	struct ent_hset menu;   /* the same of the words standing alone
	                           on a line of a menu or a list of
	                           labels ("Default", "Hide") */
	struct ent_hset free;   /* the same of the words capitalised
	                           somewhere other than in a title of
	                           common words (ent_title_word()) */
	struct ent_hset text;   /* the same of the words in capitals
	                           written as text, not as code
	                           ("$VENV_PATH", "YAGNA_APPKEY",
	                           "README.rst") */
	struct ent_hset thing;  /* the same of the acronyms defined by a
	                           phrase in lower case */
	struct ent_hset unadj;  /* the same of the words written once at
	                           least neither as a predicate nor before
	                           a common noun (ent_adjective()) */
	struct ent_hset model;  /* the same of the acronyms written before
	                           a model's number ("RTX 3080") */
	struct ent_hset unit;   /* the same of the acronyms written after
	                           a number ("28 MW") */
	struct ent_hset code;   /* the same of the acronyms written in
	                           brackets after a place ("Boise (BOI)") */
	struct ent_hset label;  /* the same of the acronyms written before
	                           an identifier's code ("ISBN 978-3-...") */
	struct ent_hset speaks; /* the etok hashes of the words written
	                           right before a speech verb ("Apple
	                           said"): ent_opener_speaks(); NULL
	                           until first needed */
	struct ent_hset said;   /* the same before "said", "says",
	                           "told", "announced" in any case
	                           (ent_name_speaks()) */
	struct ent_hset poss;   /* the same of the words written as a
	                           possessive ("Starbucks' CEO") */
	struct ent_hset titled; /* the same of the words written right
	                           after a title ("Dr. Sherine Abed") */
	struct ent_hset codew;  /* the etok_hash() of the capitalised
	                           words, as written, that stand in lines
	                           of code more often than in prose */
	bool *de_sent;          /* de_sent[k]: sentence k is German's
	                           (ent_de_quoted()); NULL until first
	                           needed */
	bool *code_sent;        /* code_sent[k]: sentence k holds a
	                           place's code in brackets
	                           (ent_acro_place_code_form()); NULL
	                           until first needed */
	struct ent_hset plural; /* the same of the acronyms written with
	                           a plural's s ("SUV": "SUVs"); the
	                           three filled in one walk */
	size_t *flagged;        /* ent_gathered()'s: the capitalised
	                           words' indexes in [0, caps_n), those
	                           in capitals' from t->n, allcap_n of
	                           them; NULL until first needed */
	const struct etoks *flagged_of;  /* the words that flagged indexes */
	size_t caps_n, allcap_n;
	struct ent_run *runs;
	size_t n, cap;
};

/* enrich_entities.c, for the rules: whether word i has the property
 * what (one ENT_W_*); adding a run [a, b) as kind under name (owned
 * from then on); the words [a, b) joined by spaces, each first letter
 * upper-cased where fix is set. */
bool ent_word_is(struct ent_ctx *c, size_t i, unsigned what);
void ent_add_run(struct ent_ctx *c, size_t a, size_t b, enum ent_kind kind,
    char *name, bool single, bool cue);
char *ent_join(const struct ent_ctx *c, size_t a, size_t b, bool fix);
/* Only spaces between words i and i + 1; word i is capitalised. */
bool ent_plain_gap(const struct ent_ctx *c, size_t i);
bool ent_cap(const struct ent_ctx *c, size_t i);

/* enrich_entities_class.c. Classes the run [a, b) of capitalised words
 * of one candidate run (the: "the" stands before it; cue: a title or
 * role marks it a person) and adds what it names, if anything. */
void ent_class(struct ent_ctx *c, size_t a, size_t b, bool the, bool cue);
/* enrich_entities_seen.c, for the classing: whether word i is also
 * written in lower case in prose (a common word capitalised at a heading
 * or for emphasis); is capitalised as a sentence's or a clause's first
 * word is; appears capitalised somewhere other than such a start; is a
 * word English writes in lower case that stands alone as a menu's item
 * somewhere in the text. */
bool ent_lower(struct ent_ctx *c, size_t i);
bool ent_opener(struct ent_ctx *c, size_t i);
bool ent_seen_inside(struct ent_ctx *c, size_t i);
/* Whether word i, opening an English sentence, is written before a
 * speech verb and is no lower-case dictionary word: a body's name. */
bool ent_opener_speaks(struct ent_ctx *c, size_t i);
bool ent_menu_word(struct ent_ctx *c, size_t i);
/* Whether word i, a word English writes in lower case, is capitalised
 * only as a part of a title of such words: before a number ("Phase 1",
 * "Rage 2") or after a title's or one after "the" ("Resident Evil 2
 * Remake", "the 25th Amendment"), before another such word after a
 * possessive ("Assassin's Creed"), after a name's possessive ("FX's
 * Legion") or joined to one by "of", "on", "in" or "for" ("Attack on
 * Titan", "Game of Thrones", "Purpose of the Review"). */
bool ent_title_word(struct ent_ctx *c, size_t i);
/* Whether word i, in a text whose language capitalises no noun, is a
 * noun of a quoted German sentence: the German dictionary's word in a
 * sentence with more of German's function words than of English's. */
bool ent_de_quoted(struct ent_ctx *c, size_t i);
/* Whether word i, as written, stands in sentences of code (an "=", a
 * call's "(", a ">>>" prompt) more often than in prose: a name of the
 * program's ("ValueError", "Point = namedtuple("), no body. */
bool ent_code_word(struct ent_ctx *c, size_t i);
/* enrich_entities_acro.c. Whether the acronym of etok hash h names a
 * product line: c writes it before a model's number in two mentions or
 * more and in most of them ("RTX 3080", "RTX 3090", "RTX cards"), as
 * no body's name is written. */
bool ent_model_line(struct ent_ctx *c, uint64_t h);
/* Whether the acronym of etok hash h is a unit, a currency or a results
 * line's code: c writes it after a number ("28 MW", "151 PS", "37,99
 * EUR") or in brackets between a name and a number ("Wierer (ITA)
 * 35.58,7") in most of its mentions, as no body's name is written. */
bool ent_unit(struct ent_ctx *c, uint64_t h);
/* Whether word i is an acronym one counts: written with a plural's s
 * ("TVs", "SUVs"), or an acronym the text also so writes ("SUV" beside
 * "SUVs"), as no body's name is written. */
bool ent_acro_counted(struct ent_ctx *c, size_t i);
/* Whether word i is an acronym an English text defines by a common
 * noun's phrase, in lower case, in brackets after it ("ECG
 * (electrocardiogram)") or before it ("intravenous immunoglobulin
 * (IVIG)"), or writes as a count noun's head ("an external GPU,", "a
 * CPU's team"), or a German text writes as a noun after "ein" ("eine
 * MPU machen"): a thing, as no body's name is defined or so written. */
bool ent_acro_thing(struct ent_ctx *c, size_t i);
/* German: whether word i, an acronym, heads a noun's phrase after an
 * adjective and no definite article ("von privaten PKW", "dem eigenen
 * PKW"): this mention names a thing. */
bool ent_acro_de_adj(struct ent_ctx *c, size_t i);
/* Whether word i, two capitals, is a region's postal code after "in", a
 * town and its comma, before a stop or a comma ("in Gladstone, NJ;"):
 * no body. */
bool ent_acro_region(struct ent_ctx *c, size_t i);
/* Whether word i, in capitals, opens its paragraph before a dash, as a
 * dateline's town does ("KOBE – A total", "AUSTIN (KXAN) — Texas"). */
bool ent_acro_dateline(struct ent_ctx *c, size_t i);
/* Whether word i is an acronym the text writes in brackets after a
 * place the gazetteer knows ("Los Angeles (LAX)", "Boise (BOI)"): the
 * place's code, an airport's or a region's, no body. */
bool ent_acro_place_code(struct ent_ctx *c, size_t i);
/* Whether word i, in capitals, is a Roman numeral of I, V and X alone
 * ("II", "III", "XX"): a number, no body. */
bool ent_acro_roman(const struct ent_ctx *c, size_t i);
/* Whether word i is an acronym the text writes before an identifier's
 * code ("ISIN: DE000A0D6554", "ISBN 978-3-7828-1534-5"): the code's
 * kind, no body. */
bool ent_acro_label(struct ent_ctx *c, size_t i);

/* enrich_entities_lang.c. Whether the word of hash h (etok_hash() of its
 * folded form) is in the spelling dictionary of lang ("de", "fr", "es",
 * "it", "pt", "en"'s lower-case words); false for a language without
 * one. */
bool ent_dict_word(const char *lang, uint64_t h);
/* Whether lang has such a dictionary. */
bool ent_dict_lang(const char *lang);
/* ent_dict_word(), and for Spanish, whose list holds lemmas, the word f
 * (folded, of hash h) as the plural or participle of one. */
bool ent_lang_word(const char *lang, const char *f, uint64_t h);
/* French, Spanish, Italian, Portuguese, English: whether the one
 * capitalised word a, no word of the language, follows a preposition of
 * place ("à Nantes", "en Medellín", "desde Arica", "em Salvador", "in
 * Seattle") and is shaped as a town's name, not a brand's ("en
 * YouTube", "en Twitter"); in English not before a noun or as a
 * possessive ("in Dockerfile instructions", "in Tsai's win"). */
bool ent_locative(struct ent_ctx *c, size_t a);
/* Polish, Russian, Ukrainian: whether word a follows a preposition in
 * its sentence, so that a name there is in an oblique case ("w
 * Lesznie", "z Moskwą", "в Америке"). */
bool ent_after_prep(struct ent_ctx *c, size_t a);
/* Whether run r of c is no name: a case form after a preposition (a
 * word alone unless it was resolved), or in German and the unread
 * languages a single word that was not resolved. */
bool ent_unsettled(const struct ent_ctx *c, const struct ent_run *r);
/* Copies the words in of s into out with what opens a word before a
 * capital cut: in French and Italian (romance) an elided word ("l'OMS"
 * is "OMS", "d'Apple" "Apple", "dell'Unione" "Unione"), in any language
 * a roster's number ("28-Joaquín" is "Joaquín"); *art (allocated, to be
 * freed) tells which followed an article. False, out and *art left
 * empty, if no word has one. */
bool ent_elide(const char *s, const struct etoks *in, bool romance,
    struct etoks *out, bool **art);
/* Classes the run [a, b) of two or more words of French, Spanish,
 * Italian or Portuguese text that is no place and no organisation by
 * the shared rules: a venue, an institution's title, a person, or
 * nothing. */
void ent_class_romance(struct ent_ctx *c, size_t a, size_t b);
/* French, Spanish, Italian, Portuguese: the index past the particles
 * after word j - 1 of a run from word i that join the capitalised word
 * after them to it ("Banco de España"), or j. */
size_t ent_rom_join(struct ent_ctx *c, size_t i, size_t j);
/* German: the index past "für" after word j - 1 of a run from word i,
 * an organisation's head, that joins the capitalised word after it to it
 * ("Bundesamt für Strahlenschutz"), past "der" or "des" after a ministry
 * ("Bundesministerium der Verteidigung"), or past "und" after such a
 * "für"; else j. */
size_t ent_de_join(struct ent_ctx *c, size_t i, size_t j);
/* Classes a run of two or more capitalised German words: a person's
 * name (a known given name and the words after it, or the words after a
 * role) or nothing, a noun phrase (enrich_entities_nouns.c). */
void ent_class_nouns(struct ent_ctx *c, size_t a, size_t b);
/* Whether word i is written like a word of the text that keep() holds
 * for: the first question fills set with the hashes of all such words
 * (64-bit hashes of the folded forms: a collision is negligible).
 * need: ETOK_CAP or ETOK_ALLCAP where keep() holds only for words so
 * flagged (then only those are walked), else 0. */
bool ent_gathered(struct ent_ctx *c, struct ent_hset *set,
    bool (*keep)(struct ent_ctx *, size_t), unsigned need, size_t i);
/* Whether the run [a, b) of German words names an organisation
 * ("Deutsche Bahn", "Techniker Krankenkasse"), which it then adds. */
bool ent_class_de_org(struct ent_ctx *c, size_t a, size_t b);
/* The name of the German organisation [a, b) in the nominative where a
 * definite article before it tells its case ("der Deutschen Bahn":
 * "Deutsche Bahn"; "des Deutschen Caritasverbandes": "Deutsche
 * Caritasverband"): an adjective's weak -en is -e, and after "des" the
 * last word's genitive -es or -s goes (gen: the last word is the head)
 * where the dictionary knows the word without it. */
char *ent_de_org_name(struct ent_ctx *c, size_t a, size_t b, bool gen);
/* Whether the German run [a, b) that holds no given name and no role
 * is a person's name all the same: words no dictionary knows ("Kengo
 * Kuma"), which it then adds. */
bool ent_class_de_unknown(struct ent_ctx *c, size_t a, size_t b);
/* Whether a German article ("der", "eine") comes right before word a,
 * in its sentence and not after a comma (a relative pronoun): German
 * writes none before a person's name, and one before a firm's or a
 * brand's ("der Goldman Sachs", "die Constantin Film"). */
bool ent_de_article_before(const struct ent_ctx *c, size_t a);
/* Whether the text writes a word of folded form f[0, n) capitalised. */
bool ent_caps_has(struct ent_ctx *c, const char *f, size_t n);
/* The name of the German person [a, b) without a genitive -s on its last
 * word where the text writes that word without it too ("Merkels" beside
 * "Merkel"), or NULL. */
char *ent_de_genitive(struct ent_ctx *c, size_t a, size_t b);

/* A set of the names of the runs outside headings: open addressing by
 * etok_hash(), a power of two of slots, at most half full. */
struct ent_plain {
	const char **slot;  /* NULL: free */
	size_t cap;
};

/* enrich_entities_style.c: marks the words of title-case lines without
 * closing punctuation (c->heading); whether a title's run r counts (the
 * body res has its name, or it is a place or an acronym of no product
 * line of body); the set of the names of c's runs outside headings;
 * whether a heading's run x counts (a place, an acronym, or a name of
 * plain). */
void ent_headings(struct ent_ctx *c);
bool ent_title_ok(const struct ent_ctx *title, const struct ent_run *r,
    const struct ent_result *res, struct ent_ctx *body);
void ent_plain_init(struct ent_plain *p, const struct ent_ctx *c);
bool ent_confirmed(const struct ent_ctx *c, const struct ent_run *x,
    const struct ent_plain *plain);
/* Classes the run [a, b) of Latin words of Chinese, Japanese, Korean or
 * Thai text: its places and its acronyms, nothing else
 * (enrich_entities_lang.c). */
void ent_class_caseless(struct ent_ctx *c, size_t a, size_t b);
/* Classes the run [a, b) of a language the rules cannot read
 * (ent_lang_read()): its places and acronyms as in caseless text, a
 * person from a known given name on ("Κυριάκος Μητσοτάκης"), and a word
 * alone as a single word, kept only where it resolves to a person or a
 * place; nothing else ("Büyük Millet Meclisi", "Maliye Bakanı",
 * "Τρίτη"). */
void ent_class_unread(struct ent_ctx *c, size_t a, size_t b);
/* enrich_entities.c: the place words [a, b) name, or NULL; adds them as
 * the place pl. */
const struct ent_place *ent_place_of(struct ent_ctx *c, size_t a, size_t b);
/* Whether the text writes word i's form anywhere before "said", "says",
 * "told", "announced", or, where poss, as a possessive; whether it
 * writes it anywhere right after a title ("Dr. Sherine Abed")
 * (enrich_entities_seen.c: each a set filled in one walk of the text). */
bool ent_name_speaks(struct ent_ctx *c, size_t i, bool poss);
bool ent_name_titled(struct ent_ctx *c, size_t i);
void ent_add_place(struct ent_ctx *c, size_t a, size_t b,
    const struct ent_place *pl);
/* enrich_entities_style.c: whether the one word i is no name by its
 * shape ("S-1", "Sept. 30", "Russophobia", "its IPO."); whether word i
 * is a part of a web or mail address ("https://p.dw.com/p/RPYx",
 * "twitter.com/Name", "@Name"). */
bool ent_not_name(struct ent_ctx *c, size_t i, bool acro, bool the);
/* Whether word i, initials each with its dot ("P.J", "D.C"), is no
 * body's: the article before it ("the U.N.") or not. */
bool ent_initials(const struct ent_ctx *c, size_t i, bool the);
/* English: marks in c->ginit the dotted initials that open a person's
 * name before a capitalised surname ("P.J. Fleck", "J.J. Abrams"). */
void ent_given_initials(struct ent_ctx *c);
/* English: the run [a, b), opened by "The" capitalised inside a
 * sentence ("at The Boston Globe"), classed into the runs from n0 on:
 * no person's and no role's, but a body's. */
void ent_the_name(struct ent_ctx *c, size_t a, size_t b, size_t n0);
bool ent_plain_noun(struct ent_ctx *c, size_t i);
/* Adds the run [a, b) as a place where its shape says it is one
 * ("Wall Street", "Broward County", "San Francisco"). */
bool ent_shaped_place(struct ent_ctx *c, size_t a, size_t b, bool cue);
bool ent_place_thing(struct ent_ctx *c, size_t a, size_t p, size_t b);
bool ent_in_address(const struct ent_ctx *c, size_t i);

/* Gives the Cyrillic person names of several words of c the first of
 * their case forms, most often the nominative. */
void ent_cyr_merge(struct ent_ctx *c);
void ent_pl_merge(struct ent_ctx *c);
/* Whether the capitalised Polish word i is a case form of a word the
 * text writes after "w" as a town is, in the locative ("Moskwy" beside
 * "w Moskwie"): a place the gazetteer, which holds English names, does
 * not know; a body's head word is none ("w Sejmie"). */
bool ent_pl_town_form(struct ent_ctx *c, size_t i);
/* Drops the people of c named after an organisation of its text, a
 * product ("Apple TV" beside "Apple"). */
void ent_drop_products(struct ent_ctx *c);
/* Marks phrases the people of c of a name written once as a count noun
 * ("a MacBook Pro", "your Roth IRA"), no given name or title first. */
void ent_drop_counted(struct ent_ctx *c);
/* A list names things of one kind: the people of c marked a person by
 * no sign of their own, listed with two names or more of which one is
 * an organisation of two words or more ("FC Porto, Inter Milan,
 * Chelsea, Real Madrid and Manchester United"), are organisations; the
 * words alone that are organisations by default only, listed so with a
 * person named in full and no such organisation ("Mueller, Stormy,
 * Cohen", "Mueller" resolved to "Robert Mueller"), are people. */
void ent_list_kinds(struct ent_ctx *c);
/* The names of c's phrases (ent_run.phrase), sorted, for
 * ent_phrase_has(); to be freed. */
const char **ent_phrases(const struct ent_ctx *c, size_t *n);
/* Whether run r is a phrase or a person named as one of p[0, n). */
bool ent_phrase_has(const char **p, size_t n, const struct ent_run *r);
/* Settles the single words and fullest forms of c's runs in place, by the
 * person names of ref (c itself, or the body's for the title), and a
 * single word by the one person of heads (NULL-terminated: the title's
 * and subtitle's) named in full from a given name whose name ends with
 * it. */
void ent_resolve(struct ent_ctx *c, const struct ent_ctx *ref,
    struct ent_ctx *const *heads);

#endif
