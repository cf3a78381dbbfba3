/* Date parsing for feeds, page metadata and running text. Pure functions. */
#ifndef NW_DATE_H
#define NW_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "article.h"

/* Parses a whole date string: RFC 822 / 1123 and their real-world variants
 * (missing weekday, two-digit years, named and numeric zones, military
 * zones), RFC 3339 / W3CDTF / ISO 8601 (basic and extended, date-only,
 * week dates), and written dates in common languages ("Tuesday 14 February
 * 2017 05:57 EST", "14. März 2021", "2021年3月14日"). Returns 0 and fills
 * *out, or -1 when the string is not a date it can read with confidence.
 * A date without a year is rejected: a year is never guessed, so a bare
 * time ("5:57 pm") is not a date either.
 *
 * Judgement calls (date.c has the full list): numeric dates are day-first
 * ("03/04/2021" is 3 April) unless the second field cannot be a month
 * ("03/14/2021" is 14 March); two-digit years 00-49 are 20xx; no zone
 * means UTC with has_offset false (Korean and Japanese forms imply +09:00);
 * CST is US Central and IST India; "2003" and "2003-12" are accepted as
 * ISO 8601 reduced precision (the first day of the year or month), and
 * so is a month word with a four-digit year ("Dec. 2003").
 *
 * Forms of the wild: a tz database name for the zone ("Europe/London",
 * from a table of common zones with today's DST rules, date_tz.c; a zone
 * of the database not in the table gives no offset); Unix
 * epoch seconds (nine or ten digits alone); JavaScript's Date.toString()
 * ("... GMT-0500 (Eastern Standard Time)"); RFC 822 with a numeric month
 * (day first); "-08:00Z" (the offset holds). An offset west of -12:00 or
 * east of +14:00 is no real offset: the wall time is read as UTC and
 * has_offset stays false. */
int date_parse(const char *s, struct nw_time *out);

/* Finds the first date written inside running text s[0..len) and parses
 * it as date_parse() would. On success returns 0, fills *out, and sets
 * *at and *span (when non-NULL) to the byte range of the match, which
 * runs from the weekday, day, month or year to the end of the time and
 * zone ("Tuesday 14 February 2017 05:57 EST" inside a byline).
 * Stricter than date_parse(): it needs a full day, month and four-digit
 * year, so "February 13" or "in 2017" never match. Linear in len. */
int date_find(const char *s, size_t len, struct nw_time *out,
    size_t *at, size_t *span);

/* The offset (minutes east of UTC) that the tz database zone name
 * ("Europe/Berlin") has at the instant utc, by the table and rules that
 * date_parse() uses; false for a zone the table does not hold. */
bool date_zone_offset_at(const char *name, int64_t utc, int *off);

/* Writes t as RFC 3339 in UTC ("2017-02-14T10:57:00Z") into buf of
 * buflen >= 21 bytes. Returns buf, or NULL when t is unset. */
char *date_format_utc(const struct nw_time *t, char *buf, size_t buflen);

/* Writes t as RFC 3339 with its stated offset ("2017-02-14T05:57:00-05:00")
 * into buf of buflen >= 26 bytes. Returns buf, or NULL when t is unset or
 * states no offset. */
char *date_format_local(const struct nw_time *t, char *buf, size_t buflen);

/* Whether the word tables are in the strcmp() order that the lookups'
 * binary search needs (a unit test checks it). */
bool date_tables_sorted(void);

#endif
