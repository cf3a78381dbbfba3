/* The calendar under the date parser (proleptic Gregorian, days since
 * 1970-01-01) and the RFC 3339 formatters. Pure. */
#include "date.h"
#include "date_tok.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* ---- calendar ---------------------------------------------------------- */

/* Days since 1970-01-01 of the proleptic Gregorian date y-m-d (Howard
 * Hinnant's days_from_civil). */
int64_t
date_days_from_civil(int64_t y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
date_civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

bool
date_leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
date_days_in_month(int64_t y, int m)
{
	static const int dim[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (m == 2 && date_leap(y))
		return 29;
	return dim[m - 1];
}
/* ---- formatting -------------------------------------------------------- */

char *
date_format_utc(const struct nw_time *t, char *buf, size_t buflen)
{
	int64_t y, days, secs;
	int m, d;

	if (t == NULL || !t->set || buflen < 21)
		return NULL;
	days = t->utc / 86400;
	secs = t->utc % 86400;
	if (secs < 0) {
		secs += 86400;
		days--;
	}
	date_civil_from_days(days, &y, &m, &d);
	if (y < 0 || y > 9999)
		return NULL;
	snprintf(buf, buflen, "%04d-%02d-%02dT%02d:%02d:%02dZ", (int)y, m, d,
	    (int)(secs / 3600), (int)(secs / 60 % 60), (int)(secs % 60));
	return buf;
}

char *
date_format_local(const struct nw_time *t, char *buf, size_t buflen)
{
	int64_t y, days, secs, local;
	int m, d, off;

	if (t == NULL || !t->set || !t->has_offset || buflen < 26)
		return NULL;
	local = t->utc + (int64_t)t->offset * 60;
	days = local / 86400;
	secs = local % 86400;
	if (secs < 0) {
		secs += 86400;
		days--;
	}
	date_civil_from_days(days, &y, &m, &d);
	if (y < 0 || y > 9999)
		return NULL;
	off = t->offset < 0 ? -t->offset : t->offset;
	snprintf(buf, buflen, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d",
	    (int)y, m, d, (int)(secs / 3600), (int)(secs / 60 % 60),
	    (int)(secs % 60), t->offset < 0 ? '-' : '+', off / 60, off % 60);
	return buf;
}
