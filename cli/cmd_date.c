/* newswire date STRING...: prints each argument parsed as a date, one
 * line each, as RFC 3339 UTC, or "invalid". Exit status 0 when every
 * argument parsed, 1 otherwise. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "date.h"

int
cmd_date(int argc, char **argv)
{
	char buf[32], lbuf[32];
	struct nw_time t;
	int status = 0, verbose = 0, i = 1;

	if (argc > 1 && (strcmp(argv[1], "-v") == 0 ||
	    strcmp(argv[1], "--local") == 0)) {
		verbose = 1;
		i++;
	}
	if (i < argc && strncmp(argv[i], "--", 2) == 0 &&
	    strcmp(argv[i], "--") != 0)
		return cli_usage_error("date", "unknown option %s", argv[i]);
	if (i < argc && strcmp(argv[i], "--") == 0)
		i++;
	if (i >= argc)
		return cli_usage_error("date", "no STRING given");
	for (; i < argc; i++) {
		if (date_parse(argv[i], &t) < 0 ||
		    date_format_utc(&t, buf, sizeof(buf)) == NULL) {
			puts("invalid");
			status = 1;
			continue;
		}
		if (verbose && date_format_local(&t, lbuf, sizeof(lbuf)))
			printf("%s %s\n", buf, lbuf);
		else
			puts(buf);
	}
	return status;
}
