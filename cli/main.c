/* newswire: the pipeline without the daemon, and a subscriber. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "nw_config.h"

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *usage;
};

static const struct command commands[] = {
	{ "extract", cmd_extract, "extract [--url URL] FILE...\n"
	  "    run the pipeline on each file, print one JSON event per line" },
	{ "feed", cmd_feed, "feed FILE...\n"
	  "    parse each feed, print it as one JSON line" },
	{ "date", cmd_date, "date STRING...\n"
	  "    print each date as RFC 3339 UTC, or 'invalid'" },
	{ "tail", cmd_tail, "tail [--endpoint E] [--replay R] [--from SEQ]\n"
	  "    [--topic PREFIX]... [--count N]\n"
	  "    [--curve-server-key FILE --curve-key FILE]\n"
	  "    subscribe to newswired and print its events, each once, in\n"
	  "    order: what was missed (from SEQ, or a gap) is replayed" },
	{ "keygen", cmd_keygen, "keygen NAME\n"
	  "    write a CURVE key pair: NAME.key (secret), NAME.pub" },
};

static void
usage(FILE *f)
{
	fprintf(f, "usage: newswire COMMAND [ARGS]\n\ncommands:\n");
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(f, "  %s\n", commands[i].usage);
}

int
main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
		usage(stdout);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("newswire %s\n", NW_VERSION);
		return 0;
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].run(argc - 1, argv + 1);
	fprintf(stderr, "newswire: unknown command '%s'\n", argv[1]);
	usage(stderr);
	return 2;
}
