/* Time-zone names from the tz database ("Europe/London",
 * "America/New_York") written where a date should carry an offset.
 *
 * Decision: a small table of the zones feeds actually name, each with its
 * standard offset and its current daylight-saving rule, rather than the
 * system's tzdata. The C library reads tzdata only through TZ and
 * localtime(), which is process-global state (no thread-safe way to ask
 * for another zone), and Debian has no small, well-kept C library that
 * reads a zone by name without it (ICU's calendar API would be a large
 * C++ dependency for this). The pipeline stays pure: no I/O, no globals.
 *
 * Limits, stated once: the rules are today's (EU since 1996, US since
 * 2007, Australia since 2008, New Zealand since 2007) and are applied to
 * every year (Israel's since 2013); a zone that changed its standard
 * offset (Moscow 2011-2014, Istanbul 2016) has today's; a wall time in the
 * hour a clock skips or repeats takes either offset. A name of a tz
 * database area not in the table ("Asia/Srednekolymsk") is read as no
 * zone: the wall time is taken as UTC, as for an offset out of range. */
#include "date.h"
#include "date_tok.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum date_dst {
	DST_NONE,
	DST_EU,   /* last Sunday of March to last Sunday of October, at
		   * 01:00 UTC */
	DST_US,   /* second Sunday of March to first Sunday of November */
	DST_AU,   /* first Sunday of October to first Sunday of April */
	DST_NZ,   /* last Sunday of September to first Sunday of April */
	DST_IL,   /* Friday before the last Sunday of March to the last
		   * Sunday of October, 02:00 */
};

struct date_tz {
	const char *name;
	short std;          /* minutes east of UTC */
	enum date_dst dst;
};

/* In strcasecmp() order for bsearch(). */
static const struct date_tz date_tzs[] = {
	{ "Africa/Abidjan", 0, DST_NONE },
	{ "Africa/Accra", 0, DST_NONE },
	{ "Africa/Addis_Ababa", 180, DST_NONE },
	{ "Africa/Algiers", 60, DST_NONE },
	{ "Africa/Cairo", 120, DST_NONE },
	{ "Africa/Casablanca", 60, DST_NONE },
	{ "Africa/Dakar", 0, DST_NONE },
	{ "Africa/Dar_es_Salaam", 180, DST_NONE },
	{ "Africa/Harare", 120, DST_NONE },
	{ "Africa/Johannesburg", 120, DST_NONE },
	{ "Africa/Kampala", 180, DST_NONE },
	{ "Africa/Khartoum", 120, DST_NONE },
	{ "Africa/Kinshasa", 60, DST_NONE },
	{ "Africa/Lagos", 60, DST_NONE },
	{ "Africa/Lusaka", 120, DST_NONE },
	{ "Africa/Maputo", 120, DST_NONE },
	{ "Africa/Nairobi", 180, DST_NONE },
	{ "Africa/Tunis", 60, DST_NONE },
	{ "Africa/Windhoek", 120, DST_NONE },
	{ "America/Adak", -600, DST_US },
	{ "America/Anchorage", -540, DST_US },
	{ "America/Argentina/Buenos_Aires", -180, DST_NONE },
	{ "America/Bogota", -300, DST_NONE },
	{ "America/Boise", -420, DST_US },
	{ "America/Buenos_Aires", -180, DST_NONE },
	{ "America/Cancun", -300, DST_NONE },
	{ "America/Caracas", -240, DST_NONE },
	{ "America/Chicago", -360, DST_US },
	{ "America/Costa_Rica", -360, DST_NONE },
	{ "America/Denver", -420, DST_US },
	{ "America/Detroit", -300, DST_US },
	{ "America/Edmonton", -420, DST_US },
	{ "America/El_Salvador", -360, DST_NONE },
	{ "America/Guatemala", -360, DST_NONE },
	{ "America/Guayaquil", -300, DST_NONE },
	{ "America/Halifax", -240, DST_US },
	{ "America/Indiana/Indianapolis", -300, DST_US },
	{ "America/Indianapolis", -300, DST_US },
	{ "America/Jamaica", -300, DST_NONE },
	{ "America/Juneau", -540, DST_US },
	{ "America/La_Paz", -240, DST_NONE },
	{ "America/Lima", -300, DST_NONE },
	{ "America/Los_Angeles", -480, DST_US },
	{ "America/Managua", -360, DST_NONE },
	{ "America/Mexico_City", -360, DST_NONE },
	{ "America/Monterrey", -360, DST_NONE },
	{ "America/Montevideo", -180, DST_NONE },
	{ "America/Montreal", -300, DST_US },
	{ "America/New_York", -300, DST_US },
	{ "America/Panama", -300, DST_NONE },
	{ "America/Phoenix", -420, DST_NONE },
	{ "America/Puerto_Rico", -240, DST_NONE },
	{ "America/Regina", -360, DST_NONE },
	{ "America/Santo_Domingo", -240, DST_NONE },
	{ "America/Sao_Paulo", -180, DST_NONE },
	{ "America/St_Johns", -210, DST_US },
	{ "America/Tegucigalpa", -360, DST_NONE },
	{ "America/Tijuana", -480, DST_US },
	{ "America/Toronto", -300, DST_US },
	{ "America/Vancouver", -480, DST_US },
	{ "America/Winnipeg", -360, DST_US },
	{ "Asia/Amman", 180, DST_NONE },
	{ "Asia/Baghdad", 180, DST_NONE },
	{ "Asia/Bahrain", 180, DST_NONE },
	{ "Asia/Baku", 240, DST_NONE },
	{ "Asia/Bangkok", 420, DST_NONE },
	{ "Asia/Calcutta", 330, DST_NONE },
	{ "Asia/Chongqing", 480, DST_NONE },
	{ "Asia/Colombo", 330, DST_NONE },
	{ "Asia/Dhaka", 360, DST_NONE },
	{ "Asia/Dubai", 240, DST_NONE },
	{ "Asia/Ho_Chi_Minh", 420, DST_NONE },
	{ "Asia/Hong_Kong", 480, DST_NONE },
	{ "Asia/Jakarta", 420, DST_NONE },
	{ "Asia/Jerusalem", 120, DST_IL },
	{ "Asia/Kabul", 270, DST_NONE },
	{ "Asia/Karachi", 300, DST_NONE },
	{ "Asia/Kathmandu", 345, DST_NONE },
	{ "Asia/Katmandu", 345, DST_NONE },
	{ "Asia/Kolkata", 330, DST_NONE },
	{ "Asia/Kuala_Lumpur", 480, DST_NONE },
	{ "Asia/Kuwait", 180, DST_NONE },
	{ "Asia/Macau", 480, DST_NONE },
	{ "Asia/Manila", 480, DST_NONE },
	{ "Asia/Muscat", 240, DST_NONE },
	{ "Asia/Novosibirsk", 420, DST_NONE },
	{ "Asia/Phnom_Penh", 420, DST_NONE },
	{ "Asia/Qatar", 180, DST_NONE },
	{ "Asia/Rangoon", 390, DST_NONE },
	{ "Asia/Riyadh", 180, DST_NONE },
	{ "Asia/Saigon", 420, DST_NONE },
	{ "Asia/Seoul", 540, DST_NONE },
	{ "Asia/Shanghai", 480, DST_NONE },
	{ "Asia/Singapore", 480, DST_NONE },
	{ "Asia/Taipei", 480, DST_NONE },
	{ "Asia/Tashkent", 300, DST_NONE },
	{ "Asia/Tbilisi", 240, DST_NONE },
	{ "Asia/Tehran", 210, DST_NONE },
	{ "Asia/Tel_Aviv", 120, DST_IL },
	{ "Asia/Tokyo", 540, DST_NONE },
	{ "Asia/Ulaanbaatar", 480, DST_NONE },
	{ "Asia/Vladivostok", 600, DST_NONE },
	{ "Asia/Yangon", 390, DST_NONE },
	{ "Asia/Yekaterinburg", 300, DST_NONE },
	{ "Asia/Yerevan", 240, DST_NONE },
	{ "Atlantic/Azores", -60, DST_EU },
	{ "Atlantic/Canary", 0, DST_EU },
	{ "Atlantic/Reykjavik", 0, DST_NONE },
	{ "Australia/ACT", 600, DST_AU },
	{ "Australia/Adelaide", 570, DST_AU },
	{ "Australia/Brisbane", 600, DST_NONE },
	{ "Australia/Canberra", 600, DST_AU },
	{ "Australia/Darwin", 570, DST_NONE },
	{ "Australia/Hobart", 600, DST_AU },
	{ "Australia/Melbourne", 600, DST_AU },
	{ "Australia/North", 570, DST_NONE },
	{ "Australia/NSW", 600, DST_AU },
	{ "Australia/Perth", 480, DST_NONE },
	{ "Australia/Queensland", 600, DST_NONE },
	{ "Australia/South", 570, DST_AU },
	{ "Australia/Sydney", 600, DST_AU },
	{ "Australia/Tasmania", 600, DST_AU },
	{ "Australia/Victoria", 600, DST_AU },
	{ "Australia/West", 480, DST_NONE },
	{ "Brazil/East", -180, DST_NONE },
	{ "Canada/Atlantic", -240, DST_US },
	{ "Canada/Central", -360, DST_US },
	{ "Canada/Eastern", -300, DST_US },
	{ "Canada/Mountain", -420, DST_US },
	{ "Canada/Newfoundland", -210, DST_US },
	{ "Canada/Pacific", -480, DST_US },
	{ "Europe/Amsterdam", 60, DST_EU },
	{ "Europe/Andorra", 60, DST_EU },
	{ "Europe/Athens", 120, DST_EU },
	{ "Europe/Belfast", 0, DST_EU },
	{ "Europe/Belgrade", 60, DST_EU },
	{ "Europe/Berlin", 60, DST_EU },
	{ "Europe/Bratislava", 60, DST_EU },
	{ "Europe/Brussels", 60, DST_EU },
	{ "Europe/Bucharest", 120, DST_EU },
	{ "Europe/Budapest", 60, DST_EU },
	{ "Europe/Copenhagen", 60, DST_EU },
	{ "Europe/Dublin", 0, DST_EU },
	{ "Europe/Gibraltar", 60, DST_EU },
	{ "Europe/Guernsey", 0, DST_EU },
	{ "Europe/Helsinki", 120, DST_EU },
	{ "Europe/Isle_of_Man", 0, DST_EU },
	{ "Europe/Istanbul", 180, DST_NONE },
	{ "Europe/Jersey", 0, DST_EU },
	{ "Europe/Kaliningrad", 120, DST_NONE },
	{ "Europe/Kiev", 120, DST_EU },
	{ "Europe/Kyiv", 120, DST_EU },
	{ "Europe/Lisbon", 0, DST_EU },
	{ "Europe/Ljubljana", 60, DST_EU },
	{ "Europe/London", 0, DST_EU },
	{ "Europe/Luxembourg", 60, DST_EU },
	{ "Europe/Madrid", 60, DST_EU },
	{ "Europe/Malta", 60, DST_EU },
	{ "Europe/Minsk", 180, DST_NONE },
	{ "Europe/Monaco", 60, DST_EU },
	{ "Europe/Moscow", 180, DST_NONE },
	{ "Europe/Oslo", 60, DST_EU },
	{ "Europe/Paris", 60, DST_EU },
	{ "Europe/Podgorica", 60, DST_EU },
	{ "Europe/Prague", 60, DST_EU },
	{ "Europe/Riga", 120, DST_EU },
	{ "Europe/Rome", 60, DST_EU },
	{ "Europe/Samara", 240, DST_NONE },
	{ "Europe/Sarajevo", 60, DST_EU },
	{ "Europe/Skopje", 60, DST_EU },
	{ "Europe/Sofia", 120, DST_EU },
	{ "Europe/Stockholm", 60, DST_EU },
	{ "Europe/Tallinn", 120, DST_EU },
	{ "Europe/Tirane", 60, DST_EU },
	{ "Europe/Vaduz", 60, DST_EU },
	{ "Europe/Vienna", 60, DST_EU },
	{ "Europe/Vilnius", 120, DST_EU },
	{ "Europe/Warsaw", 60, DST_EU },
	{ "Europe/Zagreb", 60, DST_EU },
	{ "Europe/Zurich", 60, DST_EU },
	{ "Mexico/General", -360, DST_NONE },
	{ "Pacific/Apia", 780, DST_NONE },
	{ "Pacific/Auckland", 720, DST_NZ },
	{ "Pacific/Chatham", 765, DST_NZ },
	{ "Pacific/Fiji", 720, DST_NONE },
	{ "Pacific/Guam", 600, DST_NONE },
	{ "Pacific/Honolulu", -600, DST_NONE },
	{ "Pacific/Kiritimati", 840, DST_NONE },
	{ "Pacific/Pago_Pago", -660, DST_NONE },
	{ "Pacific/Port_Moresby", 600, DST_NONE },
	{ "Pacific/Tahiti", -600, DST_NONE },
	{ "Pacific/Tongatapu", 780, DST_NONE },
	{ "US/Alaska", -540, DST_US },
	{ "US/Arizona", -420, DST_NONE },
	{ "US/Central", -360, DST_US },
	{ "US/Eastern", -300, DST_US },
	{ "US/Hawaii", -600, DST_NONE },
	{ "US/Mountain", -420, DST_US },
	{ "US/Pacific", -480, DST_US },
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static int
date_tz_cmp(const void *key, const void *elem)
{
	const struct date_tz *z = elem;

	return strcasecmp(key, z->name);
}

bool
date_tz_sorted(void)
{
	for (size_t i = 1; i < NELEM(date_tzs); i++)
		if (strcasecmp(date_tzs[i - 1].name, date_tzs[i].name) >= 0)
			return false;
	return true;
}

static bool
date_tz_char(char c)
{
	return ((c | 32) >= 'a' && (c | 32) <= 'z') || c == '_' || c == '/' ||
	    c == '-';
}

/* A zone whose offset is not known: the wall time is read as UTC. */
static const struct date_tz date_tz_unknown = { "", 0, DST_NONE };

/* The areas of the tz database (and its old country names). */
static bool
date_tz_area(const char *name)
{
	static const char *const areas[] = {
		"Africa/", "America/", "Antarctica/", "Arctic/", "Asia/",
		"Atlantic/", "Australia/", "Brazil/", "Canada/", "Chile/",
		"Europe/", "Indian/", "Mexico/", "Pacific/", "US/",
	};

	for (size_t i = 0; i < NELEM(areas); i++)
		if (strncasecmp(name, areas[i], strlen(areas[i])) == 0)
			return true;
	return false;
}

bool
date_tz_known(const struct date_tz *z)
{
	return z != &date_tz_unknown;
}

const struct date_tz *
date_tz_find(const char *s, size_t *at, size_t *len)
{
	for (size_t i = 0; s[i] != '\0'; i++) {
		size_t j = i;
		char name[40];
		const struct date_tz *z;

		if (i > 0 && s[i - 1] != ' ' && s[i - 1] != '(')
			continue;
		while (date_tz_char(s[j]))
			j++;
		if (j - i < 5 || j - i >= sizeof(name) ||
		    memchr(s + i, '/', j - i) == NULL ||
		    (s[j] != '\0' && s[j] != ' ' && s[j] != ')'))
			continue;
		memcpy(name, s + i, j - i);
		name[j - i] = '\0';
		z = bsearch(name, date_tzs, NELEM(date_tzs), sizeof(*z),
		    date_tz_cmp);
		if (z == NULL && date_tz_area(name))
			z = &date_tz_unknown;
		if (z != NULL) {
			*at = i;
			*len = j - i;
			return z;
		}
	}
	return NULL;
}

/* Day number of the n-th (1-based; 5 = last) Sunday of y-m. */
static int64_t
date_sunday(int64_t y, int m, int nth)
{
	int64_t first = date_days_from_civil(y, m, 1), d;
	int64_t next = m == 12 ? date_days_from_civil(y + 1, 1, 1) :
	    date_days_from_civil(y, m + 1, 1);

	/* 1970-01-01 was a Thursday: (days + 4) % 7 is 0 on Sundays */
	d = first + (7 - (((first + 4) % 7) + 7) % 7) % 7 + (nth - 1) * 7;
	while (d >= next)
		d -= 7;
	return d;
}

int
date_tz_offset(const struct date_tz *z, int64_t local)
{
	int64_t y, a, b;
	int m, d;
	bool dst = false;

	date_civil_from_days(local >= 0 ? local / 86400 :
	    -((-local + 86399) / 86400), &y, &m, &d);
	switch (z->dst) {
	case DST_NONE:
		break;
	case DST_EU:
		/* the change is at 01:00 UTC */
		a = date_sunday(y, 3, 5) * 86400 + 3600;
		b = date_sunday(y, 10, 5) * 86400 + 3600;
		dst = local - z->std * 60 >= a && local - z->std * 60 < b;
		break;
	case DST_US:
		a = date_sunday(y, 3, 2) * 86400 + 7200;
		b = date_sunday(y, 11, 1) * 86400 + 7200;
		dst = local >= a && local < b;
		break;
	case DST_AU:
		a = date_sunday(y, 10, 1) * 86400 + 7200;
		b = date_sunday(y, 4, 1) * 86400 + 3 * 3600;
		dst = local >= a || local < b;
		break;
	case DST_NZ:
		a = date_sunday(y, 9, 5) * 86400 + 7200;
		b = date_sunday(y, 4, 1) * 86400 + 3 * 3600;
		dst = local >= a || local < b;
		break;
	case DST_IL:
		a = (date_sunday(y, 3, 5) - 2) * 86400 + 7200;
		b = date_sunday(y, 10, 5) * 86400 + 7200;
		dst = local >= a && local < b;
		break;
	}
	return z->std + (dst ? 60 : 0);
}

bool
date_zone_offset_at(const char *name, int64_t utc, int *off)
{
	const struct date_tz *z;
	size_t at, len;
	int o;

	z = name != NULL ? date_tz_find(name, &at, &len) : NULL;
	if (z == NULL || !date_tz_known(z) || at != 0 ||
	    name[len] != '\0')
		return false;
	/* the rules take the wall time: the offset at the standard wall
	 * time, then at the wall time that offset gives */
	o = date_tz_offset(z, utc + (int64_t)z->std * 60);
	*off = date_tz_offset(z, utc + (int64_t)o * 60);
	return true;
}
