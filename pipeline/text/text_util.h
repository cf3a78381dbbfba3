/* Character helpers shared by the text-dump extractor's files. Pure. */
#ifndef NW_TEXT_UTIL_H
#define NW_TEXT_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The number of entries of array a. */
#define TEXT_NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* Decodes the code point at s (len bytes left); *adv gets its length.
 * Returns -1 (and *adv 1) on an invalid sequence. */
int32_t text_cp_at(const char *s, size_t len, size_t *adv);
/* The offset of the first byte of the last code point in s[0..len), or
 * len when there is none (empty, or continuation bytes only). */
size_t text_cp_last(const char *s, size_t len);
bool text_cp_upper(int32_t cp);
bool text_cp_lower(int32_t cp);
bool text_cp_letter(int32_t cp);
/* The byte length of the word at s: letters, digits and the ASCII marks
 * of marks ("-'" for a name's word, "-_." for a handle's), up to
 * anything else. */
size_t text_word_span(const char *s, const char *marks);
/* The words of s[0..n): its runs of bytes other than a space. */
int text_spaced_words(const char *s, size_t n);
/* True when s, after opening quotes, starts with an upper-case letter. */
bool text_starts_upper(const char *s);
/* True when s starts with a letter, a digit or an opening quote, not a
 * symbol or bracket of the page's furniture. */
bool text_starts_word(const char *s);
/* Length of s[0..len) without trailing closing quotes and brackets. */
size_t text_trim_closers(const char *s, size_t len);
/* True when s ends with a colon (before closing quotes). */
bool text_ends_colon(const char *s);
/* True when s ends like a sentence (., !, ?, :, ; or …, before quotes). */
bool text_ends_sentence(const char *s);
/* Length of a byline prefix ("By ", "Von ", "-- by ", ...) at s, or 0. */
size_t text_byline_prefix(const char *s);
/* True when the word w[0..n) is a lower-case word allowed inside a
 * name ("von", "de", "al"). */
bool text_name_particle(const char *w, size_t n);

#endif
