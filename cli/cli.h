/* newswire subcommands. Each takes the arguments after its name (argv[0]
 * is the subcommand) and returns the process exit status. */
#ifndef NW_CLI_H
#define NW_CLI_H

#include <stdbool.h>
#include <stdint.h>

struct story_index;
struct dup_index;
struct nw_article;
struct event_meta;

int cmd_extract(int argc, char **argv);
int cmd_feed(int argc, char **argv);
int cmd_date(int argc, char **argv);
int cmd_tail(int argc, char **argv);
/* tail --nats: a JetStream stream instead (cmd_tail_nats.c) */
int cmd_tail_nats(int argc, char **argv);
int cmd_keygen(int argc, char **argv);
int cmd_opml(int argc, char **argv);
int cmd_discover(int argc, char **argv);

/* Prints the event of article a as `newswire extract` does (cmd_extract.c):
 * a's story from stories, its duplicate_of from dups (a joins both), the
 * rest of the event from m. */
void cli_print_article(struct story_index *stories, struct dup_index *dups,
    struct nw_article *a, struct event_meta *m, int64_t now);
/* Prints "newswire CMD: " and the message (none when fmt is NULL), then
 * the command's usage, on stderr. Returns 2, the usage error status. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* CURVE client keys of a subscribing command (cmd_keys.c). */
struct cli_curve {
	const char *server_file;        /* --curve-server-key */
	const char *key_file;           /* --curve-key (secret) */
	bool on;                        /* loaded: apply to sockets */
	unsigned char server[32], public_key[32], secret[32];
};

/* Takes argv[*i] (and its value, advancing *i) if it is a CURVE option;
 * false if it is not one. */
bool cli_curve_arg(struct cli_curve *k, int argc, char **argv, int *i);

/* Reads the key files named, if any. Returns 0, or -1 after a message
 * on stderr prefixed with "newswire CMD". */
int cli_curve_load(struct cli_curve *k, const char *cmd);

/* Makes sock (not connected yet) a CURVE client; a no-op without keys.
 * Returns 0 or -1 (errno set). */
int cli_curve_apply(const struct cli_curve *k, void *sock);

#endif
