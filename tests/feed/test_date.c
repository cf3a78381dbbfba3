/* Unit tests of pipeline/date.c: date_parse, date_find, the formatters,
 * and the vectors in ../shared/feeds/dates.jsonl (path in argv[1]). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "date.h"

static const char *vectors_path;

/* Parses s and returns its UTC form in a static-free caller buffer. */
static const char *
utc(const char *s, char *buf)
{
	struct nw_time t;

	if (date_parse(s, &t) < 0)
		return "invalid";
	if (date_format_utc(&t, buf, 32) == NULL)
		return "unformattable";
	return buf;
}

#define UTC(s, want) do { \
	char b_[32]; \
	assert_string_equal(utc((s), b_), (want)); \
} while (0)

static void
test_rfc822(void **state)
{
	(void)state;
	UTC("Tue, 14 Feb 2017 05:57:00 EST", "2017-02-14T10:57:00Z");
	UTC("Thu, 01 Jan 2004 19:48:21 GMT", "2004-01-01T19:48:21Z");
	UTC("Thu, 01 Jan 04 19:48:21 GMT", "2004-01-01T19:48:21Z");
	UTC("01 Jan 99 00:00 +0000", "1999-01-01T00:00:00Z");
	UTC("14 Feb 2017 05:57 PDT", "2017-02-14T12:57:00Z");
	UTC("Tue, 14 Feb 2017 05:57:00 +05:30", "2017-02-14T00:27:00Z");
	UTC("Tue, 14 Feb 2017 05:57:00 -0000", "2017-02-14T05:57:00Z");
	UTC("Tue, 14 Feb 2017 05:57:00 Z", "2017-02-14T05:57:00Z");
	UTC("Tue, 14 Feb 2017 05:57:00 A", "2017-02-14T04:57:00Z");
	UTC("Tue, 14 Feb 2017 05:57:00 CEST", "2017-02-14T03:57:00Z");
	UTC("Tue, 14 Feb 2017 05:57:00 MSK", "2017-02-14T02:57:00Z");
	UTC("Tue, 14 Feb 2017 05:57:00 JST", "2017-02-13T20:57:00Z");
	UTC("Tue, 14 Feb 2017 05:57:00 AEST", "2017-02-13T19:57:00Z");
	UTC("Tue, 14 Feb 2017 05:57:00 IST", "2017-02-14T00:27:00Z");
	UTC("Tue, 14 Feb 2017 05:57:00 BST", "2017-02-14T04:57:00Z");
	UTC("Tue, 14 Feb 2017 05:57:00 +0000 (UTC)", "2017-02-14T05:57:00Z");
	UTC("Sun Jul 15 01:16:00 +0000 2012", "2012-07-15T01:16:00Z");
	UTC("Tue, 14 Feb 2017 25:57:00 GMT", "invalid");
	UTC("Tue, 30 Feb 2017 05:57:00 GMT", "invalid");
	UTC("Tue, 14 Foo 2017 05:57:00 GMT", "invalid");
}

/* The forms feeds write that no standard has: issue 14. */
static void
test_wild(void **state)
{
	(void)state;
	/* a tz database name where the offset should be, with the
	 * daylight-saving rule of the zone (EU: last Sunday of March to
	 * last Sunday of October at 01:00 UTC; US since 2007: second
	 * Sunday of March to first Sunday of November at 02:00) */
	UTC("Tue, 14 Feb 2017 05:57:00 Europe/London", "2017-02-14T05:57:00Z");
	UTC("Fri, 14 Jul 2017 05:57:00 Europe/London", "2017-07-14T04:57:00Z");
	UTC("2017-02-14T05:57:00 America/New_York", "2017-02-14T10:57:00Z");
	UTC("2017-07-14T05:57:00 america/new_york", "2017-07-14T09:57:00Z");
	UTC("2017-03-26T00:59:00 Europe/Paris", "2017-03-25T23:59:00Z");
	UTC("2017-03-26T03:00:00 Europe/Paris", "2017-03-26T01:00:00Z");
	UTC("2017-03-12T03:00:00 America/New_York", "2017-03-12T07:00:00Z");
	UTC("2017-11-05T03:00:00 America/New_York", "2017-11-05T08:00:00Z");
	UTC("Sat, 1 Jan 2005 12:00:00 Australia/Sydney",
	    "2005-01-01T01:00:00Z");
	UTC("Fri, 1 Jul 2005 12:00:00 Australia/Sydney",
	    "2005-07-01T02:00:00Z");
	UTC("Tue, 14 Feb 2017 05:57:00 Asia/Kolkata", "2017-02-14T00:27:00Z");
	/* Israel: from the Friday before the last Sunday of March */
	UTC("2024-03-29T03:00:00 Asia/Jerusalem", "2024-03-29T00:00:00Z");
	UTC("2024-03-28T12:00:00 Asia/Jerusalem", "2024-03-28T10:00:00Z");
	UTC("2024-01-01T12:00:00 Pacific/Chatham", "2023-12-31T22:15:00Z");
	/* the stated offset wins over the name; a name that is no zone is
	 * not a date */
	UTC("Tue, 14 Feb 2017 05:57:00 +0100 (Europe/London)",
	    "2017-02-14T04:57:00Z");
	UTC("Tue, 14 Feb 2017 05:57:00 Foo/Bar", "invalid");
	/* a zone of the tz database the table does not hold: no offset,
	 * the wall time read as UTC */
	UTC("Tue, 14 Feb 2017 05:57:00 Asia/Srednekolymsk",
	    "2017-02-14T05:57:00Z");
	/* Unix epoch seconds */
	UTC("1487051820", "2017-02-14T05:57:00Z");
	UTC("0946684800", "2000-01-01T00:00:00Z");
	/* JavaScript's Date.prototype.toString() */
	UTC("Tue Feb 14 2017 05:57:00 GMT-0500 (Eastern Standard Time)",
	    "2017-02-14T10:57:00Z");
	UTC("Tue Feb 14 2017 05:57:00 GMT+0100 (Mitteleuropäische "
	    "Normalzeit)", "2017-02-14T04:57:00Z");
	/* RFC 822 with a numeric month, day first */
	UTC("Tue, 14 02 2017 05:57:00 GMT", "2017-02-14T05:57:00Z");
	UTC("Tue, 03 02 2017 05:57:00 GMT", "2017-02-03T05:57:00Z");
	UTC("Tue, 14 13 2017 05:57:00 GMT", "invalid");
	/* a month abbreviation with a period; a month and a year; a year */
	UTC("Feb. 14, 2017", "2017-02-14T00:00:00Z");
	UTC("14 Sept. 2017 10:00 GMT", "2017-09-14T10:00:00Z");
	UTC("Dec. 2003", "2003-12-01T00:00:00Z");
	UTC("2003", "2003-01-01T00:00:00Z");
	/* ISO 8601 with an offset and a trailing Z: the offset holds */
	UTC("2004-02-28T18:14:55-08:00Z", "2004-02-29T02:14:55Z");
	/* offsets outside -12:00..+14:00: the wall time, read as UTC */
	UTC("Tue, 14 Feb 2017 05:57:00 -1300", "2017-02-14T05:57:00Z");
	UTC("Tue, 14 Feb 2017 05:57:00 +1500", "2017-02-14T05:57:00Z");
	UTC("Tue, 14 Feb 2017 05:57:00 +2400", "2017-02-14T05:57:00Z");
	UTC("2004-02-28T18:14:55+14:30", "2004-02-28T18:14:55Z");
	UTC("2004-02-28T18:14:55+14:00", "2004-02-28T04:14:55Z");
	UTC("2000-01-01T00:00:00-12:00", "2000-01-01T12:00:00Z");
	/* a zone name and its offset, or the offset twice: they agree */
	UTC("Mon, 30 Dec 2013 12:58:00 PST -0800", "2013-12-30T20:58:00Z");
	UTC("2006-01-02 15:04:05 -0700 -0700", "2006-01-02T22:04:05Z");
	UTC("Mon, 30 Dec 2013 12:58:00 PST +0100", "invalid");
	{
		struct nw_time t;

		assert_int_equal(date_parse("Tue, 14 Feb 2017 05:57:00 +1500",
		    &t), 0);
		assert_false(t.has_offset);
	}
}

static void
test_iso(void **state)
{
	(void)state;
	UTC("2017-02-14T05:57:00-05:00", "2017-02-14T10:57:00Z");
	UTC("2017-02-14T05:57:00.123456+01:00", "2017-02-14T04:57:00Z");
	UTC("2017-02-14", "2017-02-14T00:00:00Z");
	UTC("2017-02", "2017-02-01T00:00:00Z");
	UTC("20170214T055700Z", "2017-02-14T05:57:00Z");
	UTC("20170214", "2017-02-14T00:00:00Z");
	UTC("2017-045", "2017-02-14T00:00:00Z");
	UTC("2009-W01-1", "2008-12-29T00:00:00Z");
	UTC("2017-02-14 05:57", "2017-02-14T05:57:00Z");
	UTC("2016-02-29T00:00:00Z", "2016-02-29T00:00:00Z");
	UTC("2017-02-29T00:00:00Z", "invalid");
	UTC("2017-02-14T05:57:00Zjunk", "invalid");
	UTC("2017-02-14-01", "invalid");
	UTC("", "invalid");
	UTC("   ", "invalid");
}

static void
test_written(void **state)
{
	(void)state;
	UTC("Tuesday 14 February 2017 05:57 EST", "2017-02-14T10:57:00Z");
	UTC("February 13, 2017", "2017-02-13T00:00:00Z");
	UTC("13 Feb 2017", "2017-02-13T00:00:00Z");
	UTC("Feb. 13, 2017, 5:57 p.m.", "2017-02-13T17:57:00Z");
	UTC("February 13, 2017 12:05 am", "2017-02-13T00:05:00Z");
	UTC("14. März 2021", "2021-03-14T00:00:00Z");
	UTC("14 de marzo de 2021", "2021-03-14T00:00:00Z");
	UTC("le 14 mars 2021 à 10h30", "2021-03-14T10:30:00Z");
	UTC("14 марта 2021", "2021-03-14T00:00:00Z");
	UTC("14 Μαρτίου 2021", "2021-03-14T00:00:00Z");
	UTC("14 martie 2021", "2021-03-14T00:00:00Z");
	UTC("14 березня 2021", "2021-03-14T00:00:00Z");
	UTC("الأحد، 14 مارس 2021", "2021-03-14T00:00:00Z");
	UTC("Seg, 24 Set 2018 19:42:40 -0300", "2018-09-24T22:42:40Z");
	UTC("mer, 16 nov 2022 00:38:15 +0100", "2022-11-15T23:38:15Z");
	UTC("So, 12 Feb 2017 19:49:11 CET+0100", "2017-02-12T18:49:11Z");
	UTC("22 Sep,2021 1632hrs IST", "2021-09-22T11:02:00Z");
	UTC("Sat, Dec 16 2023 02:02:33 PM", "2023-12-16T14:02:33Z");
	UTC("2021年3月14日", "2021-03-14T00:00:00Z");
	UTC("2021年3月14日 午後3時5分", "2021-03-14T06:05:00Z");
	UTC("2004-05-25 오후 11:23:17", "2004-05-25T14:23:17Z");
	/* day-first when ambiguous, month-first when the day can't be */
	UTC("14/03/2021", "2021-03-14T00:00:00Z");
	UTC("03/04/2021", "2021-04-03T00:00:00Z");
	UTC("03/14/2021", "2021-03-14T00:00:00Z");
	UTC("14.03.2021", "2021-03-14T00:00:00Z");
	/* no year: never guessed */
	UTC("February 13", "invalid");
	UTC("13 Feb", "invalid");
	UTC("5:57 pm", "invalid");
	UTC("14/03", "invalid");
	UTC("yesterday", "invalid");
}

static void
test_find(void **state)
{
	const char *s =
	    "Samuel Osborne Tuesday 14 February 2017 05:57 EST Comments";
	struct nw_time t;
	size_t at = 0, span = 0;
	char b[32];

	(void)state;
	assert_int_equal(date_find(s, strlen(s), &t, &at, &span), 0);
	assert_string_equal(date_format_utc(&t, b, sizeof(b)),
	    "2017-02-14T10:57:00Z");
	assert_int_equal(t.offset, -300);
	assert_true(t.has_offset);
	assert_true(t.has_time);
	assert_int_equal(at, strlen("Samuel Osborne "));
	assert_int_equal(span, strlen("Tuesday 14 February 2017 05:57 EST"));
	assert_string_equal(date_format_local(&t, b, sizeof(b)),
	    "2017-02-14T05:57:00-05:00");

	s = "Posted on March 5, 2017 at 5:57 pm by admin";
	assert_int_equal(date_find(s, strlen(s), &t, &at, &span), 0);
	assert_string_equal(date_format_utc(&t, b, sizeof(b)),
	    "2017-03-05T17:57:00Z");
	assert_int_equal(at, strlen("Posted on "));

	/* a short day-first date with a two-digit year, but no version */
	s = "Kultur, 2.11.22 Konzert-Highlights";
	assert_int_equal(date_find(s, strlen(s), &t, &at, NULL), 0);
	assert_string_equal(date_format_utc(&t, b, sizeof(b)),
	    "2022-11-02T00:00:00Z");
	assert_int_equal(at, strlen("Kultur, "));
	/* a label glued to its date, as text dumps give it; a time's
	 * minutes are no day */
	s = "Datum:26. Januar 2022";
	assert_int_equal(date_find(s, strlen(s), &t, &at, NULL), 0);
	assert_string_equal(date_format_utc(&t, b, sizeof(b)),
	    "2022-01-26T00:00:00Z");
	assert_int_equal(at, strlen("Datum:"));
	s = "um 10:26. Januar 2022";
	assert_int_equal(date_find(s, strlen(s), &t, NULL, NULL), -1);
	/* a published and an updated date glued together */
	s = "2. Februar 20202. Februar 2020 Alexander Roll";
	assert_int_equal(date_find(s, strlen(s), &t, &at, &span), 0);
	assert_string_equal(date_format_utc(&t, b, sizeof(b)),
	    "2020-02-02T00:00:00Z");
	assert_int_equal(at, 0);
	assert_int_equal(span, strlen("2. Februar 2020"));
	s = "2. Februar 20205. M\xc3\xa4rz 2020";
	assert_int_equal(date_find(s, strlen(s), &t, &at, &span), 0);
	assert_string_equal(date_format_utc(&t, b, sizeof(b)),
	    "2020-02-02T00:00:00Z");
	assert_int_equal(span, strlen("2. Februar 2020"));
	/* day and month with a space after the dot, as German pages
	 * print them */
	s = "Marius 18. 05. 2014 22:38 Letzte Kommentare";
	assert_int_equal(date_find(s, strlen(s), &t, &at, &span), 0);
	assert_string_equal(date_format_utc(&t, b, sizeof(b)),
	    "2014-05-18T22:38:00Z");
	assert_int_equal(at, strlen("Marius "));
	assert_int_equal(span, strlen("18. 05. 2014 22:38"));
	s = "am 18.05. 2014";
	assert_int_equal(date_find(s, strlen(s), &t, &at, NULL), 0);
	assert_string_equal(date_format_utc(&t, b, sizeof(b)),
	    "2014-05-18T00:00:00Z");
	s = "am 30. 02. 2014";
	assert_int_equal(date_find(s, strlen(s), &t, NULL, NULL), -1);
	/* a digit glued after the year, nothing after it: a five-digit
	 * year is no year, and nothing says where the year ends */
	s = "7. Januar 20220";
	assert_int_equal(date_find(s, strlen(s), &t, NULL, NULL), -1);
	/* a day glued to the word before it, as a dump joins two
	 * spans; a number that is part of a word is no day */
	s = "Anglertalkhejfish7. Januar 2022 0";
	assert_int_equal(date_find(s, strlen(s), &t, &at, &span), 0);
	assert_string_equal(date_format_utc(&t, b, sizeof(b)),
	    "2022-01-07T00:00:00Z");
	assert_int_equal(at, strlen("Anglertalkhejfish"));
	assert_int_equal(span, strlen("7. Januar 2022"));
	s = "Airbus A380. Januar 2022";
	assert_int_equal(date_find(s, strlen(s), &t, NULL, NULL), -1);
	s = "Seite7. Januar";
	assert_int_equal(date_find(s, strlen(s), &t, NULL, NULL), -1);
	s = "libfoo 1.2.10.4 and 2/11/22";
	assert_int_equal(date_find(s, strlen(s), &t, NULL, NULL), -1);
	/* a dotted date that runs on into a fourth number is a version
	 * string; the search goes on past it, and a time keeps the date */
	s = "v 1. 2. 2014.3";
	assert_int_equal(date_find(s, strlen(s), &t, NULL, NULL), -1);
	s = "Build 1.2.2014.3 vom 3. März 2014";
	assert_int_equal(date_find(s, strlen(s), &t, &at, NULL), 0);
	assert_string_equal(date_format_utc(&t, b, sizeof(b)),
	    "2014-03-03T00:00:00Z");
	assert_int_equal(at, strlen("Build 1.2.2014.3 vom "));
	s = "Stand: 21.01.2022.13:45 Uhr";
	assert_int_equal(date_find(s, strlen(s), &t, NULL, NULL), 0);
	assert_string_equal(date_format_utc(&t, b, sizeof(b)),
	    "2022-01-21T00:00:00Z");

	/* no full date, or no date at all */
	s = "MOSCOW, February 13. /TASS/. In 2017 the talks resumed.";
	assert_int_equal(date_find(s, strlen(s), &t, NULL, NULL), -1);
	s = "The A380 flew 5 times in 2017, 3 days ago.";
	assert_int_equal(date_find(s, strlen(s), &t, NULL, NULL), -1);
	s = "";
	assert_int_equal(date_find(s, 0, &t, NULL, NULL), -1);
	/* the length bounds the search */
	s = "Updated 13 Feb 2017";
	assert_int_equal(date_find(s, 12, &t, NULL, NULL), -1);
}

static void
test_format(void **state)
{
	struct nw_time t;
	char b[32];

	(void)state;
	memset(&t, 0, sizeof(t));
	assert_null(date_format_utc(&t, b, sizeof(b)));
	assert_int_equal(date_parse("Thu, 01 Jan 0100 00:00:01 +0100", &t), 0);
	assert_string_equal(date_format_utc(&t, b, sizeof(b)),
	    "0099-12-31T23:00:01Z");
	assert_string_equal(date_format_local(&t, b, sizeof(b)),
	    "0100-01-01T00:00:01+01:00");
	assert_int_equal(date_parse("2017-02-14", &t), 0);
	assert_false(t.has_offset);
	assert_false(t.has_time);
	assert_null(date_format_local(&t, b, sizeof(b)));
	assert_int_equal(date_parse("1969-12-31T23:59:59Z", &t), 0);
	assert_int_equal(t.utc, -1);
	assert_string_equal(date_format_utc(&t, b, sizeof(b)),
	    "1969-12-31T23:59:59Z");
	/* buffers too small are refused, not overrun */
	assert_null(date_format_utc(&t, b, 20));
}

/* Every vector of the shared yardstick except the one pair that
 * contradicts another ("03335" and "22013" have the same shape; we reject
 * five-digit dates). Passing 79 of 80 is the figure nwscore reports. */
static void
test_vectors(void **state)
{
	json_error_t jerr;
	FILE *f;
	char line[4096];
	int total = 0, ok = 0;

	(void)state;
	f = fopen(vectors_path, "r");
	if (f == NULL) {
		print_message("no %s: skipped\n", vectors_path);
		skip();
	}
	while (fgets(line, sizeof(line), f) && total < 10000) {
		json_t *v = json_loads(line, 0, &jerr);
		const char *in, *want, *expect;
		char b[32];
		const char *got;

		assert_non_null(v);
		in = json_string_value(json_object_get(v, "input"));
		want = json_string_value(json_object_get(v, "expected_utc"));
		expect = json_string_value(json_object_get(v, "expect"));
		assert_non_null(in);
		got = utc(in, b);
		total++;
		if (strcmp(expect, "reject") == 0)
			ok += strcmp(got, "invalid") == 0;
		else if (want)
			ok += strcmp(got, want) == 0;
		else
			ok += strcmp(got, "invalid") != 0;
		if (!(strcmp(got, want ? want : "invalid") == 0))
			print_message("vector %s: got %s\n", in, got);
		json_decref(v);
	}
	fclose(f);
	assert_true(total >= 80);
	assert_true(ok >= total - 1);
}

/* The lookups binary-search the word tables. */
static void
test_tables(void **state)
{
	(void)state;
	assert_true(date_tables_sorted());
}

int
main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rfc822),
		cmocka_unit_test(test_wild),
		cmocka_unit_test(test_iso),
		cmocka_unit_test(test_written),
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_vectors),
		cmocka_unit_test(test_tables),
	};

	vectors_path = argc > 1 ? argv[1] :
	    "../shared/feeds/dates.jsonl";
	return cmocka_run_group_tests(tests, NULL, NULL);
}
