/* newswire: the pipeline without the daemon, and a subscriber.
 *
 * Exit status, for every command: 0 success; 1 some input failed or the
 * command could not do its work (the message says why, on stderr); 2 a
 * usage error (the usage follows the message). `newswire CMD --help` and
 * `newswire help [CMD]` print the usage on stdout and exit 0. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "nw_config.h"

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *synopsis;
	const char *help;
};

static const struct command commands[] = {
	{ "extract", cmd_extract, "extract [--url URL] FILE...",
	  "Runs the pipeline on each file, as newswired "
	  "would, and prints one\n"
	  "JSON event per line, in argument order; a file that fails prints\n"
	  "an error event (and a line on stderr).\n"
	  "  --url URL   the URL the files came from (for ids and links)\n"
	  "Exit status: 0 every file made an article, 1 "
	  "one or more failed.\n" },
	{ "feed", cmd_feed, "feed [--url URL] [--articles] FILE...",
	  "Parses each file (\"-\" is standard input) as RSS, Atom, RDF or\n"
	  "JSON Feed and prints it as one JSON line; a "
	  "file that fails prints\n"
	  "{\"file\": ..., \"error\": ...} (and a line on stderr).\n"
	  "  --url URL   the feed's URL, to resolve relative links\n"
	  "  --articles  print an article event per entry instead, as\n"
	  "              newswired would publish it\n"
	  "Exit status: 0 every file parsed, 1 one or more failed.\n" },
	{ "date", cmd_date, "date [--local] STRING...",
	  "Parses each string as a date (RFC 822, RFC "
	  "3339, ISO 8601, written\n"
	  "dates in about twenty languages) and prints it as RFC 3339 UTC,\n"
	  "or 'invalid'.\n"
	  "  --local     also print the instant with the offset stated\n"
	  "Exit status: 0 every string parsed, 1 one or more did not.\n" },
	{ "tail", cmd_tail, "tail [--endpoint E] [--replay R] [--from SEQ]\n"
	  "              [--topic PREFIX]... [--count N] [--timeout SECONDS]\n"
	  "              [--curve-server-key FILE --curve-key FILE]\n"
	  "       tail --nats URL [--durable NAME] [--from SEQ] "
	  "[--stream NAME]\n"
	  "              [--prefix SUBJECT_PREFIX] [--count N]",
	  "Subscribes to newswired and prints its "
	  "events, one JSON object per\n"
	  "line, each once and in seq order: what was missed (from SEQ, or a\n"
	  "gap seen in seq or in the heartbeat) is fetched from the replay\n"
	  "socket. Says on stderr what it is waiting for.\n"
	  "  --endpoint E      the PUB socket (tcp://127.0.0.1:5556)\n"
	  "  --replay R        the replay socket (tcp://127.0.0.1:5557)\n"
	  "  --from SEQ        replay the journal from SEQ first\n"
	  "  --topic PREFIX    print only topics with "
	  "this prefix; may repeat\n"
	  "  --count N         exit after N events\n"
	  "  --timeout SECONDS give up when newswired is silent this long\n"
	  "                    (it sends a heartbeat every second)\n"
	  "  --curve-server-key FILE  the daemon's curve.pub (CURVE on)\n"
	  "  --curve-key FILE         this subscriber's secret key\n"
	  "With --nats, reads newswired's JetStream stream ([output.nats])\n"
	  "instead, one event per line in the stream's order:\n"
	  "  --durable NAME    a durable consumer: each event is acknowledged\n"
	  "                    once printed, and the next run with NAME goes\n"
	  "                    on where this one stopped (without: an\n"
	  "                    ordered consumer, nothing kept)\n"
	  "  --from SEQ        start at the stream's sequence SEQ\n"
	  "  --stream NAME     the stream (NEWSWIRE)\n"
	  "  --prefix P        the subject prefix (newswire)\n"
	  "Exit status: 0 after N events or on "
	  "SIGINT/SIGTERM, 1 on a failure\n"
	  "or timeout.\n" },
	{ "keygen", cmd_keygen, "keygen NAME",
	  "Writes a CURVE key pair for a subscriber: "
	  "NAME.key (the secret key,\n"
	  "mode 0600, never over an existing file) and NAME.pub (to put in\n"
	  "the daemon's curve_clients folder).\n"
	  "Exit status: 0 written, 1 not.\n" },
	/* issue 15: sources */
	{ "opml", cmd_opml, "opml import FILE.opml | opml export CONFIG",
	  "import: prints the feeds of an OPML 1.0/2.0 subscription list\n"
	  "(nested folders and categories) as [source] sections, for\n"
	  "sources.d/. export: prints the sources of a configuration (and\n"
	  "of its sources_dir) as OPML 2.0.\n"
	  "Exit status: 0 done, 1 not (the file did not parse, no feed).\n" },
	{ "discover", cmd_discover, "discover URL",
	  "Fetches the page at URL and prints the feeds it advertises\n"
	  "(<link rel=\"alternate\"> of RSS, Atom and JSON Feed), each\n"
	  "checked to be a feed, as [source] sections; when it advertises\n"
	  "none, tries /feed, /rss.xml, /atom.xml and /index.xml.\n"
	  "Exit status: 0 a feed found, 1 none.\n" },
	{ "help", NULL, "help [COMMAND]",
	  "Prints the usage of newswire, or of one command.\n" },
};

#define N_COMMANDS (sizeof(commands) / sizeof(commands[0]))

static const struct command *
find_command(const char *name)
{
	for (size_t i = 0; i < N_COMMANDS; i++)
		if (strcmp(name, commands[i].name) == 0)
			return &commands[i];
	return NULL;
}

static void
usage(FILE *f)
{
	fprintf(f, "usage: newswire COMMAND [ARGS]\n"
	    "       newswire COMMAND --help | help [COMMAND] | --version\n\n"
	    "commands:\n");
	for (size_t i = 0; i < N_COMMANDS; i++)
		fprintf(f, "  newswire %s\n", commands[i].synopsis);
	fprintf(f, "\noptions of each command: newswire COMMAND --help; "
	    "the manual: man newswire\n"
	    "exit status: 0 success, 1 a failure (said on stderr), "
	    "2 a usage error\n");
}

static void
command_usage(const struct command *c, FILE *f)
{
	fprintf(f, "usage: newswire %s\n", c->synopsis);
	if (f == stdout)
		fprintf(f, "\n%s", c->help);
	else
		fprintf(f, "('newswire %s --help' says more)\n", c->name);
}

int
cli_usage_error(const char *cmd, const char *fmt, ...)
{
	const struct command *c = find_command(cmd);
	va_list ap;

	if (fmt != NULL) {
		fprintf(stderr, "newswire %s: ", cmd);
		va_start(ap, fmt);
		vfprintf(stderr, fmt, ap);
		va_end(ap);
		fputc('\n', stderr);
	}
	if (c != NULL)
		command_usage(c, stderr);
	return 2;
}

static int
is_help(const char *arg)
{
	return strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0;
}

static int
help(int argc, char **argv)
{
	const struct command *c;

	if (argc < 3 || is_help(argv[2])) {
		usage(stdout);
		return 0;
	}
	c = find_command(argv[2]);
	if (c == NULL || argc > 3) {
		fprintf(stderr, "newswire help: no command '%s'\n", argv[2]);
		usage(stderr);
		return 2;
	}
	command_usage(c, stdout);
	return 0;
}

int
main(int argc, char **argv)
{
	const struct command *c;

	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (is_help(argv[1]))
		argv[1] = "help";
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		printf("newswire %s\n", NW_VERSION);
		return 0;
	}
	if (strcmp(argv[1], "help") == 0)
		return help(argc, argv);
	c = find_command(argv[1]);
	if (c == NULL) {
		fprintf(stderr, "newswire: unknown %s '%s'\n",
		    argv[1][0] == '-' ? "option" : "command", argv[1]);
		usage(stderr);
		return 2;
	}
	/* COMMAND --help anywhere before a "--" */
	for (int i = 2; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (is_help(argv[i])) {
			command_usage(c, stdout);
			return 0;
		}
	}
	return c->run(argc - 1, argv + 1);
}
