/* PLACEHOLDER so the tree builds; its owner replaces this file. */
#include <stdio.h>
#include "cli.h"
int cmd_feed(int argc, char **argv) { (void)argc; (void)argv; fprintf(stderr, "not built yet\n"); return 2; }
