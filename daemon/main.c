/* newswired: watches a folder, extracts every article dropped into it on
 * worker threads, journals one event per article in SQLite and publishes
 * it on ZeroMQ. Options override the configuration file, which overrides
 * the embedded defaults. */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "daemon.h"
#include "nw_config.h"
#include "util.h"

static void
usage(FILE *f)
{
	fprintf(f,
	    "usage: newswired [-c FILE] [--inbox DIR] [--state DIR]\n"
	    "                 [--publish ENDPOINT] [--workers N]\n"
	    "                 [--log-level error|warn|info|debug]\n"
	    "       newswired --check-config [-c FILE] [options]\n"
	    "\n"
	    "  -c, --config FILE    INI configuration (default: none, the\n"
	    "                       embedded defaults; see config/)\n"
	    "  --inbox DIR          the watched folder (./inbox)\n"
	    "  --state DIR          the store's folder (./state)\n"
	    "  --publish ENDPOINT   ZeroMQ PUB endpoint "
	    "(tcp://127.0.0.1:5556)\n"
	    "  --replay ENDPOINT    ZeroMQ ROUTER replay endpoint\n"
	    "                       (tcp://127.0.0.1:5557)\n"
	    "  --workers N          extraction threads (0: one per core)\n"
	    "  --log-level LEVEL    error, warn, info or debug (info)\n"
	    "  --check-config       read the configuration and every source\n"
	    "                       file, print every problem, check the\n"
	    "                       paths, exit 0 or 1; binds nothing\n"
	    "  -h, --help           this text\n"
	    "  -V, --version        the version\n"
	    "\n"
	    "SIGHUP re-reads the configuration; SIGTERM and SIGINT finish\n"
	    "the items in flight and exit.\n");
}

enum {
	OPT_INBOX = 256,
	OPT_STATE,
	OPT_PUBLISH,
	OPT_WORKERS,
	OPT_LOG_LEVEL,
	OPT_REPLAY,
	OPT_CHECK,
};

/* The options that override a configuration key, by getopt value. */
static const struct config_override override_keys[] = {
	{ "--inbox", "inbox", "path", NULL },
	{ "--state", "daemon", "state", NULL },
	{ "--publish", "publish", "endpoint", NULL },
	{ "--workers", "daemon", "workers", NULL },
	{ "--log-level", "daemon", "log_level", NULL },
	{ "--replay", "publish", "replay", NULL },
};

static const struct option options[] = {
	{ "config", required_argument, NULL, 'c' },
	{ "inbox", required_argument, NULL, OPT_INBOX },
	{ "state", required_argument, NULL, OPT_STATE },
	{ "publish", required_argument, NULL, OPT_PUBLISH },
	{ "workers", required_argument, NULL, OPT_WORKERS },
	{ "log-level", required_argument, NULL, OPT_LOG_LEVEL },
	{ "replay", required_argument, NULL, OPT_REPLAY },
	{ "check-config", no_argument, NULL, OPT_CHECK },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

#define N_OVERRIDES (sizeof(override_keys) / sizeof(override_keys[0]))

/* --check-config: every problem of the files, the options and the paths;
 * nothing is opened but the files read. */
static int
check_config(const char *path, const struct config_override *ov,
    size_t n_ov)
{
	struct strlist errs = { 0 };
	struct config c;
	char why[256];
	struct buf b = { 0 };
	int rc;

	config_defaults(&c);
	if (path != NULL)
		config_load_all(&c, path, &errs);
	for (size_t i = 0; i < n_ov; i++)
		if (config_set(&c, ov[i].section, ov[i].key, ov[i].value, why,
		    sizeof(why)) != 0) {
			b.len = 0;
			buf_printf(&b, "%s: %s", ov[i].option, why);
			strlist_push(&errs, b.p);
		}
	config_check_paths(&c, &errs);
	for (size_t i = 0; i < errs.n; i++)
		fprintf(stderr, "newswired: %s\n", errs.v[i]);
	if (errs.n == 0)
		printf("newswired: %s: configuration OK, %zu source(s)\n",
		    path != NULL ? path : "(embedded defaults)",
		    c.sources.n);
	else
		fprintf(stderr, "newswired: %zu problem(s)\n", errs.n);
	rc = errs.n == 0 ? 0 : 1;
	buf_free(&b);
	strlist_free(&errs);
	config_free(&c);
	return rc;
}

int
main(int argc, char **argv)
{
	struct config_override ov[N_OVERRIDES * 4];
	struct daemon d = { 0 };
	size_t n_ov = 0;
	char err[512];
	bool check = false;
	int opt, rc;

	while ((opt = getopt_long(argc, argv, "c:hV", options, NULL)) != -1) {
		switch (opt) {
		case 'c':
			d.config_path = optarg;
			break;
		case OPT_CHECK:
			check = true;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			printf("newswired %s\n", NW_VERSION);
			return 0;
		case OPT_INBOX:
		case OPT_STATE:
		case OPT_PUBLISH:
		case OPT_WORKERS:
		case OPT_LOG_LEVEL:
		case OPT_REPLAY:
			if (n_ov == sizeof(ov) / sizeof(ov[0])) {
				fprintf(stderr, "newswired: too many "
				    "options\n");
				return 2;
			}
			ov[n_ov] = override_keys[opt - OPT_INBOX];
			ov[n_ov++].value = optarg;
			break;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "newswired: unexpected argument '%s'\n",
		    argv[optind]);
		usage(stderr);
		return 2;
	}
	if (check)
		return check_config(d.config_path, ov, n_ov);
	d.overrides = ov;
	d.n_overrides = n_ov;
	if (daemon_config(d.config_path, ov, n_ov, &d.cfg, err,
	    sizeof(err)) != 0) {
		fprintf(stderr, "newswired: %s\n", err);
		config_free(&d.cfg);
		return 2;
	}
	rc = daemon_start(&d, err, sizeof(err));
	if (rc != 0)
		log_error(&d.log, "%s", err);
	else
		rc = daemon_run(&d);
	daemon_free(&d);
	if (d.abandoned) {
		/* jobs left in work by the stop still run: no exit handlers
		 * (libraries' destructors, the leak check) under them */
		fflush(NULL);
		_exit(rc == 0 ? 0 : 1);
	}
	return rc == 0 ? 0 : 1;
}
