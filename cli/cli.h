/* newswire subcommands. Each takes the arguments after its name (argv[0]
 * is the subcommand) and returns the process exit status. */
#ifndef NW_CLI_H
#define NW_CLI_H

int cmd_extract(int argc, char **argv);
int cmd_feed(int argc, char **argv);
int cmd_date(int argc, char **argv);
int cmd_tail(int argc, char **argv);

#endif
