/* Normalisation and enrichment of an extracted article. Pure. */
#ifndef NW_ENRICH_H
#define NW_ENRICH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../article.h"
#include "budget.h"

/* Unicode NFC, folded whitespace and no control characters in every text
 * field; canonical_url from canonical_url or url. */
void enrich_normalise(struct nw_article *a);

/* lang (when unset), quotes with speakers, entities, content_hash and
 * simhash. */
void enrich_article(struct nw_article *a);

/* enrich_article() with budget b asked between its steps (NULL: none, as
 * enrich_article()): BUDGET_LEFT when it did all of them; else the state
 * that stopped it, *step (when step is not NULL) naming the step it did
 * not begin ("the entities", "the fingerprints", "the quotes"), a then
 * holding what the steps before it set. A big page spends most of its
 * time here, after the extractor's and normalisation's checks. */
enum budget_state enrich_article_within(struct nw_article *a,
    const struct budget *b, const char **step);

/* The language of an HTTP Content-Language value ("de-AT, en"): the ISO
 * 639-1 code of its first tag, lower case, as a new string; NULL when the
 * first tag starts with no two-letter language (BCP 47 uses the two-letter
 * code wherever one exists). */
char *enrich_lang_tag(const char *value);

/* True when the first n bytes of s, case-folded, are a given name of the
 * list enrich reads people by ("Christian", "Jean-Yves"). */
bool enrich_given_name(const char *s, size_t n);

/* 64-bit simhash of text: case-folded words in shingles of three, each
 * shingle hashed to 64 bits voting on every bit. Near copies differ in few
 * bits; see ENRICH_NEAR_DUP_BITS. */
uint64_t enrich_simhash(const char *text);

/* Number of bits in which a and b differ. */
int enrich_hamming(uint64_t a, uint64_t b);

/* Two bodies whose simhashes differ in at most this many bits are near
 * copies of one article. Measured on ../shared/corpus: the closest two of
 * the 390 distinct pages differ in 15 bits (tests/enrich/test_corpus.c
 * checks none is within the threshold); an aeb-dev page extracted from
 * its HTML and from its `w3m -dump` rendering differs in 0-3 bits for a
 * quarter of the pages, in at most 10 for 70% of them, and by up to 36
 * where the two extractions keep different amounts of page furniture. 10
 * keeps a 5-bit margin to the closest distinct pair. */
#define ENRICH_NEAR_DUP_BITS 10

#endif
