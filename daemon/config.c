#include "config.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

enum config_type {
	CONFIG_STRING,
	CONFIG_INT,
	CONFIG_ENUM,
};

static const char *const config_levels[] = {
	"error", "warn", "info", "debug", NULL
};
static const char *const config_actions[] = { "move", "delete", NULL };
static const char *const config_syncs[] = { "normal", "full", NULL };
static const char *const config_yesno[] = { "no", "yes", NULL };
static const char *const config_fsyncs[] = {
	"always", "batch", "never", NULL
};

struct config_key {
	const char *section;
	const char *key;
	enum config_type type;
	size_t offset;
	const char *def;             /* the embedded default, as text */
	const char *const *names;    /* CONFIG_ENUM: values by index */
	int min, max;                /* CONFIG_INT */
	bool live;                   /* applied on SIGHUP */
};

#define OFF(f) offsetof(struct config, f)

/* The one description of every key. config/newswired.conf must list the
 * same defaults (tests/daemon checks it). */
static const struct config_key config_keys[] = {
	{ "inbox", "path", CONFIG_STRING, OFF(inbox), "./inbox",
	  NULL, 0, 0, true },
	{ "inbox", "source_name", CONFIG_STRING, OFF(source_name), "inbox",
	  NULL, 0, 0, true },
	{ "inbox", "on_success", CONFIG_ENUM, OFF(on_success), "move",
	  config_actions, 0, 0, true },
	{ "inbox", "empty_grace", CONFIG_INT, OFF(empty_grace), "5",
	  NULL, 0, 3600, true },
	{ "inbox", "settle", CONFIG_INT, OFF(settle), "1",
	  NULL, 0, 3600, true },
	{ "inbox", "max_size", CONFIG_INT, OFF(max_size), "33554432",
	  NULL, 1, 33554432, true },
	{ "daemon", "state", CONFIG_STRING, OFF(state), "./state",
	  NULL, 0, 0, false },
	{ "daemon", "workers", CONFIG_INT, OFF(workers), "0",
	  NULL, 0, 256, false },
	{ "daemon", "queue_size", CONFIG_INT, OFF(queue_size), "64",
	  NULL, 1, 65536, false },
	{ "daemon", "job_budget", CONFIG_INT, OFF(job_budget), "30",
	  NULL, 1, 3600, true },
	{ "daemon", "sources_dir", CONFIG_STRING, OFF(sources_dir),
	  "sources.d", NULL, 0, 0, true },
	{ "daemon", "log_level", CONFIG_ENUM, OFF(log_level), "info",
	  config_levels, 0, 0, true },
	{ "publish", "endpoint", CONFIG_STRING, OFF(publish),
	  "tcp://127.0.0.1:5556", NULL, 0, 0, false },
	{ "publish", "heartbeat", CONFIG_INT, OFF(heartbeat), "1",
	  NULL, 0, 86400, true },
	{ "publish", "replay", CONFIG_STRING, OFF(replay),
	  "tcp://127.0.0.1:5557", NULL, 0, 0, false },
	{ "publish", "hwm", CONFIG_INT, OFF(hwm), "10000",
	  NULL, 1, 10000000, false },
	{ "daemon", "metrics", CONFIG_STRING, OFF(metrics), "127.0.0.1:9557",
	  NULL, 0, 0, false },
	{ "publish", "curve", CONFIG_ENUM, OFF(curve), "no",
	  config_yesno, 0, 0, false },
	{ "publish", "curve_clients", CONFIG_STRING, OFF(curve_clients),
	  "./curve_clients", NULL, 0, 0, true },
	{ "publish", "allow_plaintext_remote", CONFIG_ENUM,
	  OFF(allow_plaintext_remote), "no", config_yesno, 0, 0, false },
	{ "store", "synchronous", CONFIG_ENUM, OFF(sync_full), "normal",
	  config_syncs, 0, 0, false },
	{ "store", "keep_seconds", CONFIG_INT, OFF(keep_seconds), "604800",
	  NULL, 0, 2000000000, true },
	{ "store", "keep_events", CONFIG_INT, OFF(keep_events), "1000000",
	  NULL, 0, 2000000000, true },
	{ "store", "retry", CONFIG_INT, OFF(store_retry), "10",
	  NULL, 1, 3600, true },
	{ "http", "user_agent", CONFIG_STRING, OFF(http_user_agent),
	  "builtin", NULL, 0, 0, false },
	{ "http", "proxy", CONFIG_STRING, OFF(http_proxy), "env",
	  NULL, 0, 0, false },
	{ "http", "per_host", CONFIG_INT, OFF(http_per_host), "2",
	  NULL, 1, 64, false },
	{ "http", "host_delay", CONFIG_INT, OFF(http_host_delay), "1000",
	  NULL, 0, 3600000, false },
	{ "http", "global", CONFIG_INT, OFF(http_global), "32",
	  NULL, 1, 4096, false },
	{ "http", "max_body", CONFIG_INT, OFF(http_max_body), "10485760",
	  NULL, 1024, 1073741824, false },
	{ "http", "connect_timeout", CONFIG_INT, OFF(http_connect_timeout),
	  "10", NULL, 1, 600, false },
	{ "http", "timeout", CONFIG_INT, OFF(http_timeout), "60",
	  NULL, 1, 3600, false },
	{ "http", "jitter", CONFIG_INT, OFF(http_jitter), "10",
	  NULL, 0, 50, false },
	{ "http", "backoff", CONFIG_INT, OFF(http_backoff), "60",
	  NULL, 1, 86400, false },
	{ "http", "backoff_max", CONFIG_INT, OFF(http_backoff_max), "3600",
	  NULL, 1, 86400, false },
	{ "http", "allow_private", CONFIG_ENUM, OFF(http_allow_private),
	  "no", config_yesno, 0, 0, false },
	{ "http", "max_hold", CONFIG_INT, OFF(http_max_hold), "600",
	  NULL, 1, 86400, false },
	{ "output.file", "path", CONFIG_STRING, OFF(out_file_path), "",
	  NULL, 0, 0, false },
	{ "output.file", "fsync", CONFIG_ENUM, OFF(out_file_fsync), "batch",
	  config_fsyncs, 0, 0, true },
	{ "output.file", "max_size", CONFIG_INT, OFF(out_file_max_size),
	  "104857600", NULL, 0, 2000000000, true },
	{ "output.file", "keep", CONFIG_INT, OFF(out_file_keep), "5",
	  NULL, 0, 1000, true },
	{ "output.nats", "servers", CONFIG_STRING, OFF(nats_servers), "",
	  NULL, 0, 0, false },
	{ "output.nats", "credentials", CONFIG_STRING, OFF(nats_creds), "",
	  NULL, 0, 0, false },
	{ "output.nats", "nkey", CONFIG_STRING, OFF(nats_nkey), "",
	  NULL, 0, 0, false },
	{ "output.nats", "nkey_seed", CONFIG_STRING, OFF(nats_nkey_seed), "",
	  NULL, 0, 0, false },
	{ "output.nats", "tls", CONFIG_ENUM, OFF(nats_tls), "no",
	  config_yesno, 0, 0, false },
	{ "output.nats", "tls_ca", CONFIG_STRING, OFF(nats_tls_ca), "",
	  NULL, 0, 0, false },
	{ "output.nats", "stream", CONFIG_STRING, OFF(nats_stream),
	  "NEWSWIRE", NULL, 0, 0, false },
	{ "output.nats", "subject_prefix", CONFIG_STRING, OFF(nats_prefix),
	  "newswire", NULL, 0, 0, false },
	{ "output.nats", "replicas", CONFIG_INT, OFF(nats_replicas), "1",
	  NULL, 1, 5, false },
	{ "output.nats", "max_age", CONFIG_INT, OFF(nats_max_age), "0",
	  NULL, 0, 2000000000, false },
	{ "cluster", "leases", CONFIG_ENUM, OFF(cluster_leases), "no",
	  config_yesno, 0, 0, false },
	{ "cluster", "lease_seconds", CONFIG_INT, OFF(cluster_lease), "30",
	  NULL, 3, 3600, false },
	{ "cluster", "bucket", CONFIG_STRING, OFF(cluster_bucket),
	  "newswire_sources", NULL, 0, 0, false },
	{ "cluster", "inbox_ask_seconds", CONFIG_INT, OFF(cluster_ask),
	  "10", NULL, 1, 600, false },
	{ "cluster", "articles", CONFIG_ENUM, OFF(cluster_articles), "no",
	  config_yesno, 0, 0, false },
	{ "cluster", "articles_bucket", CONFIG_STRING,
	  OFF(cluster_articles_bucket), "newswire_articles", NULL, 0, 0,
	  false },
	{ "output.nats", "duplicate_window", CONFIG_INT, OFF(nats_dup_window),
	  "120", NULL, 1, 2000000000, false },
};

#define N_KEYS (sizeof(config_keys) / sizeof(config_keys[0]))

static char **
str_field(struct config *c, const struct config_key *k)
{
	return (char **)((char *)c + k->offset);
}

static int *
int_field(struct config *c, const struct config_key *k)
{
	return (int *)((char *)c + k->offset);
}

static const char *
str_value(const struct config *c, const struct config_key *k)
{
	return *(char *const *)((const char *)c + k->offset);
}

static int
int_value(const struct config *c, const struct config_key *k)
{
	return *(const int *)((const char *)c + k->offset);
}

static const struct config_key *
config_find(const char *section, const char *key)
{
	for (size_t i = 0; i < N_KEYS; i++)
		if (strcmp(config_keys[i].section, section) == 0 &&
		    strcmp(config_keys[i].key, key) == 0)
			return &config_keys[i];
	return NULL;
}

static int
parse_int(const struct config_key *k, const char *value, int *out,
    char *err, size_t errlen)
{
	char why[160];
	long long v;

	if (parse_number(value, k->min, k->max, &v, why, sizeof(why)) != 0)
		return fail(err, errlen, "%s: %s", k->key, why);
	*out = (int)v;
	return 0;
}

static int
parse_enum(const struct config_key *k, const char *value, int *out,
    char *err, size_t errlen)
{
	struct buf names = { 0 };

	for (int i = 0; k->names[i] != NULL; i++) {
		if (strcmp(value, k->names[i]) == 0) {
			*out = i;
			buf_free(&names);
			return 0;
		}
		buf_printf(&names, "%s%s", i ? ", " : "", k->names[i]);
	}
	fail(err, errlen, "%s: '%s' is not one of %s", k->key, value,
	    names.p);
	buf_free(&names);
	return -1;
}

int
config_set(struct config *c, const char *section, const char *key,
    const char *value, char *err, size_t errlen)
{
	const struct config_key *k = config_find(section, key);
	int v = 0;

	if (k == NULL)
		return fail(err, errlen, "unknown key '%s' in section [%s]",
		    key, section);
	switch (k->type) {
	case CONFIG_STRING:
		/* only [daemon] metrics and sources_dir, [output.file]
		 * path and the optional [output.nats] strings may be ""
		 * (none) */
		if (*value == '\0' && k->offset != OFF(metrics) &&
		    k->offset != OFF(sources_dir) &&
		    k->offset != OFF(out_file_path) &&
		    k->offset != OFF(nats_servers) &&
		    k->offset != OFF(nats_creds) &&
		    k->offset != OFF(nats_nkey) &&
		    k->offset != OFF(nats_nkey_seed) &&
		    k->offset != OFF(nats_tls_ca))
			return fail(err, errlen, "%s: empty value", key);
		free(*str_field(c, k));
		*str_field(c, k) = xstrdup(value);
		return 0;
	case CONFIG_INT:
		if (parse_int(k, value, &v, err, errlen) != 0)
			return -1;
		break;
	default:
		if (parse_enum(k, value, &v, err, errlen) != 0)
			return -1;
		break;
	}
	*int_field(c, k) = v;
	return 0;
}

void
config_defaults(struct config *c)
{
	char err[128];

	memset(c, 0, sizeof(*c));
	for (size_t i = 0; i < N_KEYS; i++) {
		const struct config_key *k = &config_keys[i];

		if (config_set(c, k->section, k->key, k->def, err,
		    sizeof(err)) != 0)
			abort();  /* the table itself is wrong */
	}
}

static bool
config_key_equal(const struct config *a, const struct config *b,
    const struct config_key *k)
{
	if (k->type == CONFIG_STRING)
		return strcmp(str_value(a, k), str_value(b, k)) == 0;
	return int_value(a, k) == int_value(b, k);
}

void
config_diff(const struct config *a, const struct config *b,
    void (*fn)(void *ctx, const char *section, const char *key, bool live),
    void *ctx)
{
	for (size_t i = 0; i < N_KEYS; i++)
		if (!config_key_equal(a, b, &config_keys[i]))
			fn(ctx, config_keys[i].section, config_keys[i].key,
			    config_keys[i].live);
}

bool
config_key_at(size_t i, const char **section, const char **key)
{
	if (i >= N_KEYS)
		return false;
	*section = config_keys[i].section;
	*key = config_keys[i].key;
	return true;
}

void
config_keep_restart_only(struct config *c, const struct config *running)
{
	for (size_t i = 0; i < N_KEYS; i++) {
		const struct config_key *k = &config_keys[i];

		if (k->live)
			continue;
		if (k->type == CONFIG_STRING) {
			free(*str_field(c, k));
			*str_field(c, k) = xstrdup(str_value(running, k));
		} else {
			*int_field(c, k) = int_value(running, k);
		}
	}
}

void
config_copy(struct config *dst, const struct config *src)
{
	config_free(dst);
	*dst = *src;
	memset(&dst->sources, 0, sizeof(dst->sources));
	source_list_copy(&dst->sources, &src->sources);
	strlist_copy_into(&dst->filter_keep, &src->filter_keep);
	strlist_copy_into(&dst->filter_block, &src->filter_block);
	for (size_t i = 0; i < N_KEYS; i++) {
		const struct config_key *k = &config_keys[i];

		if (k->type == CONFIG_STRING)
			*str_field(dst, k) = xstrdup(str_value(src, k));
	}
}

void
config_free(struct config *c)
{
	source_list_free(&c->sources);
	strlist_free(&c->filter_keep);
	strlist_free(&c->filter_block);
	for (size_t i = 0; i < N_KEYS; i++)
		if (config_keys[i].type == CONFIG_STRING) {
			free(*str_field(c, &config_keys[i]));
			*str_field(c, &config_keys[i]) = NULL;
		}
}
