#include "log.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char *const log_names[] = { "error", "warn", "info", "debug" };
/* syslog priorities of the levels: LOG_ERR, LOG_WARNING, LOG_INFO,
 * LOG_DEBUG */
static const int log_prios[] = { 3, 4, 6, 7 };

int
log_level_parse(const char *s)
{
	for (size_t i = 0; i < sizeof(log_names) / sizeof(log_names[0]); i++)
		if (strcmp(s, log_names[i]) == 0)
			return (int)i;
	return -1;
}

const char *
log_level_name(enum log_level l)
{
	return log_names[l];
}

/* Copies s into out as the log shows it: a byte that is not part of valid
 * UTF-8 becomes \xNN, a control character '?' (a file name is whatever
 * bytes its writer chose: it must not forge a line, drive the terminal,
 * or reach the journal as invalid text). */
static void
log_clean(const char *in, char *out, size_t outlen)
{
	const unsigned char *s = (const unsigned char *)in;
	size_t o = 0;

	while (*s != '\0' && o + 5 < outlen) {
		size_t n = 0;

		if (*s < 0x80)
			n = 1;
		else if (*s >= 0xc2 && *s <= 0xdf)
			n = 2;
		else if (*s >= 0xe0 && *s <= 0xef)
			n = 3;
		else if (*s >= 0xf0 && *s <= 0xf4)
			n = 4;
		for (size_t i = 1; i < n; i++)
			if ((s[i] & 0xc0) != 0x80)
				n = 0;
		/* overlong forms, surrogates, past U+10FFFF */
		if ((n == 3 && ((s[0] == 0xe0 && s[1] < 0xa0) ||
		    (s[0] == 0xed && s[1] >= 0xa0))) ||
		    (n == 4 && ((s[0] == 0xf0 && s[1] < 0x90) ||
		    (s[0] == 0xf4 && s[1] >= 0x90))))
			n = 0;
		if (n == 0) {
			snprintf(out + o, outlen - o, "\\x%02x", *s);
			o += 4;
			s++;
		} else if (n == 1 && (*s < 0x20 || *s == 0x7f)) {
			out[o++] = '?';
			s++;
		} else {
			memcpy(out + o, s, n);
			o += n;
			s += n;
		}
	}
	out[o] = '\0';
}

void
log_msg(const struct log *lg, enum log_level l, const char *fmt, ...)
{
	char raw[1024];
	char line[4 * sizeof(raw) + 8];
	char stamp[32];
	struct timespec ts;
	struct tm tm;
	va_list ap;

	if (l > lg->level)
		return;
	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%S", &tm);
	va_start(ap, fmt);
	vsnprintf(raw, sizeof(raw), fmt, ap);
	va_end(ap);
	log_clean(raw, line, sizeof(line));
	/* One fprintf per line so that lines from threads never interleave. */
	if (lg->journal) {
		fprintf(stderr, "<%d>%s\n", log_prios[l], line);
		return;
	}
	fprintf(stderr, "%s.%03ldZ newswired %s: %s\n", stamp,
	    ts.tv_nsec / 1000000, log_names[l], line);
}

void
log_detect_journal(struct log *lg)
{
	const char *js = getenv("JOURNAL_STREAM");
	unsigned long long dev, ino;
	struct stat st;

	lg->journal = false;
	if (js == NULL || sscanf(js, "%llu:%llu", &dev, &ino) != 2 ||
	    fstat(STDERR_FILENO, &st) != 0)
		return;
	lg->journal = (unsigned long long)st.st_dev == dev &&
	    (unsigned long long)st.st_ino == ino;
}
