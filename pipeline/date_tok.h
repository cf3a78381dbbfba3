/* Internal to the date parser (date.c, date_find.c, date_words.c): the tokens a date
 * string is cut into and the word tables they are looked up in. */
#ifndef NW_DATE_TOK_H
#define NW_DATE_TOK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DATE_WORD_MAX 40

enum date_tok_kind {
	DT_NUM,
	DT_WORD,
	DT_PUNCT,
};

struct date_tok {
	enum date_tok_kind kind;
	bool space;           /* whitespace (or start) before the token */
	int nd;               /* number of digits, DT_NUM */
	long val;             /* value, DT_NUM (capped, nd > 9 means huge) */
	bool long_word;       /* longer than DATE_WORD_MAX: matches none */
	char w[DATE_WORD_MAX]; /* lowercased word, or the punctuation char */
	size_t start, end;    /* byte range in the input */
};

/* Reads the token at s[*pos..len), skipping whitespace. Returns false at
 * the end of input. */
bool date_next_tok(const char *str, size_t len, size_t *pos,
    struct date_tok *t);

/* The month (1-12) a word token names, or 0. */
int date_month_word(const struct date_tok *t);
bool date_is_word(const struct date_tok *t, const char *w);
bool date_is_punct(const struct date_tok *t, char c);
/* Whether w is a weekday name, a word that may sit inside a date ("de",
 * "the"), a zone name (its offset in minutes east into *off). */
bool date_weekday(const char *w);
bool date_stopword(const char *w);
bool date_zone(const char *w, int *off);
/* Zone names that are also words, read as zones only after a time. */
bool date_zone_ambiguous(const char *w);
/* Words the parser may accept inside a date; any other word ends the
 * search window of date_find() early. */
bool date_word_known(const struct date_tok *t);

/* Whether the number token t, in s[0..len), is a day glued to the
 * letter before it and followed by a glued dot and a month word
 * ("hejfish7. Januar 2022", two spans a text dump joined). */
bool date_glued_day(const char *s, size_t len, const struct date_tok *t);

/* The token-level parser (date.c): date_parse() reads a whole string,
 * date_find() (date_find.c) a window of running text and needs a full
 * day, month and year. */
enum {
	DATE_STRICT = 0,
	DATE_FIND = 1,
};
/* Parses tokens t[0..n) as one date in mode DATE_STRICT or DATE_FIND.
 * Returns 0 and fills *out, or -1. */
struct nw_time;
int date_parse_toks(const struct date_tok *t, size_t n, int mode,
    struct nw_time *out);
/* Whether t[i] exists and is glued to the token before it. */
bool date_glued(const struct date_tok *t, size_t i, size_t n);

/* The calendar (date_cal.c): days since 1970-01-01 of a proleptic
 * Gregorian date, and back; leap years; days in a month. */
int64_t date_days_from_civil(int64_t y, int m, int d);
void date_civil_from_days(int64_t z, int64_t *y, int *m, int *d);
bool date_leap(int64_t y);
int date_days_in_month(int64_t y, int m);

/* tz database zone names (date_tz.c). */
struct date_tz;
/* A tz database name ("Europe/London") standing as a word of its own in
 * s: its zone, with its byte range in *at and *len; NULL when there is
 * none. */
const struct date_tz *date_tz_find(const char *s, size_t *at, size_t *len);
/* False for a name of a tz database area the table does not hold: the
 * wall time is then read as UTC, without an offset. */
bool date_tz_known(const struct date_tz *z);
/* The offset (minutes east of UTC) zone z has at the wall time local
 * (seconds since 1970-01-01 as if the wall time were UTC). */
int date_tz_offset(const struct date_tz *z, int64_t local);
/* Whether the zone table is in the order its binary search needs. */
bool date_tz_sorted(void);

#endif
