/* newswired's configuration: an INI file over embedded defaults, then the
 * command-line overrides. Every key is described once, in config.c's
 * table (the sources' keys in config_source.c's), with its type, default
 * and whether it can change without a restart (SIGHUP); one parser reads
 * every section. */
#ifndef NW_CONFIG_H
#define NW_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

enum config_on_success {
	CONFIG_MOVE,    /* into processed/ */
	CONFIG_DELETE,
};

/* One feed source: a [source "NAME"] section (config_source.c). */
struct source_conf {
	char *name;
	char *where;             /* "FILE:LINE" of its first key, for
	                            messages; NULL: unknown */
	char *url;
	char *title;             /* for people and OPML; NULL: none */
	char *site;              /* the site's home page (OPML htmlUrl) */
	struct strlist categories; /* "category", may repeat (OPML) */
	char *username;          /* basic auth, with password_file */
	char *password_file;
	char *password;          /* read from password_file: secret */
	char *cookie;            /* "cookie", or read from cookie_file */
	char *cookie_file;
	char *proxy;             /* a proxy URL or "none"; NULL: [http] */
	bool insecure;           /* no TLS verification (warned) */
	struct strlist keep;     /* filter.h rules, may repeat */
	struct strlist block;
	long interval_ms;        /* [900 s] */
	bool fetch_pages;        /* [no] */
	char *user_agent;        /* NULL: [http] user_agent */
	struct strlist headers;  /* "Name: value" */
	long connect_timeout_ms; /* 0: [http] */
	long timeout_ms;
	size_t max_body;
	size_t max_entries;      /* [1000] taken from one feed document,
	                            the newest; the rest counted and logged */
	bool sitemap;            /* kind = sitemap: url is a sitemap or a
	                            sitemap index, its pages the articles */
	size_t max_sitemaps;     /* [20] of an index, the newest fetched */
};

struct source_list {
	struct source_conf *v;
	size_t n;
};

enum config_fsync {
	CONFIG_FSYNC_ALWAYS,
	CONFIG_FSYNC_BATCH,
	CONFIG_FSYNC_NEVER,
};

struct config {
	/* [inbox] */
	char *inbox;            /* the watched folder */
	char *source_name;      /* source.name in events and topics */
	int on_success;         /* enum config_on_success */
	int empty_grace;        /* seconds an empty file may wait to be
	                           filled before it fails */
	int settle;             /* seconds a file written in place must be
	                           unchanged before it is taken */
	int max_size;           /* bytes; a larger file fails */
	/* [daemon] */
	char *state;            /* folder of the store */
	int workers;            /* extraction threads; 0 = one per core */
	int queue_size;         /* items waiting for a worker, at most */
	int job_budget;         /* seconds a worker may spend on one feed
	                           document before it gives up */
	int log_level;          /* enum log_level */
	char *sources_dir;      /* *.conf of [source] sections; relative
	                           to the configuration file's folder;
	                           "" = none */
	/* [publish] */
	char *publish;          /* ZeroMQ PUB endpoint */
	int heartbeat;          /* seconds between heartbeats; 0 = none */
	char *replay;           /* ZeroMQ ROUTER replay endpoint */
	int hwm;                /* PUB high-water mark, messages per
	                           subscriber */
	char *metrics;          /* [daemon] metrics: HOST:PORT of /healthz
	                           and /metrics; "" = none */
	int curve;              /* CURVE on the PUB and replay sockets */
	char *curve_clients;    /* folder of admitted client public keys */
	int allow_plaintext_remote; /* bind non-loopback without CURVE */
	/* [store] */
	int sync_full;          /* synchronous = full (1) or normal (0) */
	int keep_seconds;       /* journal retention by age; 0 = no limit */
	int keep_events;        /* by count of events; 0 = no limit */
	int store_retry;        /* seconds from a failed commit to its
	                           retry */
	/* [http]: the client of the feed sources (daemon/sources.c) */
	char *http_user_agent;  /* "builtin": newswire/VERSION (+URL) */
	char *http_proxy;       /* "env": libcurl's *_proxy variables;
	                           "none": no proxy; else a proxy URL */
	int http_per_host;      /* concurrent requests per host */
	int http_host_delay;    /* ms between two starts on one host */
	int http_global;        /* concurrent requests in all */
	int http_max_body;      /* bytes, after decompression */
	int http_connect_timeout; /* seconds */
	int http_timeout;       /* seconds, the whole transfer */
	int http_jitter;        /* percent of a source's interval */
	int http_backoff;       /* seconds after a source's first failure */
	int http_backoff_max;   /* seconds, the longest backoff */
	int http_allow_private; /* 1: fetch from private addresses too */
	int http_max_hold;      /* seconds a Retry-After may hold a host */
	/* [output.file]: the JSONL file output (daemon/output_file.h) */
	char *out_file_path;    /* "" = off */
	int out_file_fsync;     /* enum config_fsync */
	int out_file_max_size;  /* bytes before rotating; 0 = never */
	int out_file_keep;      /* rotated files kept */
	/* [filter] keep and block: rules for every feed source (filter.h);
	 * may repeat; live */
	struct strlist filter_keep;
	struct strlist filter_block;
	/* [output.nats]: the JetStream output (daemon/output_nats.h) */
	char *nats_servers;     /* URLs, comma-separated; "" = off */
	char *nats_creds;       /* .creds file (JWT and seed), or "" */
	char *nats_nkey;        /* the user's nkey (public, U...), or "" */
	char *nats_nkey_seed;   /* file holding its seed (SU...) */
	int nats_tls;           /* TLS to the servers (yes/no) */
	char *nats_tls_ca;      /* CA file for TLS, or "" (system's) */
	char *nats_stream;      /* stream name, created if missing */
	char *nats_prefix;      /* subject prefix */
	int nats_replicas;      /* stream replicas, on creation */
	int nats_max_age;       /* seconds; 0 = no limit */
	int nats_dup_window;    /* seconds the server drops a repeated ID */
	/* [cluster]: sources shared by leases (daemon/leases.h) */
	int cluster_leases;     /* yes: poll only the sources leased */
	int cluster_lease;      /* seconds a lease lasts unrenewed */
	char *cluster_bucket;   /* the key-value bucket of the leases */
	int cluster_ask;        /* seconds an ask of the stream for a dead
	                           node's inbox file reads (inbox_stream.h) */
	/* [cluster] articles: one identity across nodes (daemon/idents.h) */
	int cluster_articles;   /* yes: ids and versions decided shared */
	char *cluster_articles_bucket;
	/* [source "NAME"] sections, in order; all live */
	struct source_list sources;
};

/* True for the sections of feed sources, [source "NAME"] and
 * [source.NAME]. */
bool config_is_source_section(const char *section);

/* Sets key of the source of section (config_source.c's table), read
 * from the file at path (NULL: none). A source among the first `first`
 * of l is an error (defined in another file). A relative secret file
 * (password_file, cookie_file) is relative to path's folder. */
int config_source_set(struct source_list *l, size_t first,
    const char *path, const char *section, const char *key,
    const char *value, char *err, size_t errlen);
/* Notes where the source of section was first seen ("FILE:LINE"), once. */
void config_source_where(struct source_list *l, const char *section,
    const char *where);
/* Every source has its url: a problem pushed on errs for each that has
 * not, at the place of its section; returns their number. */
size_t config_sources_check(const struct source_list *l,
    struct strlist *errs);

/* Reads only the sources of the INI file at path. Returns 0, or -1 with
 * "PATH:LINE: reason" in err. */
int sources_config_load(const char *path, struct source_list *l, char *err,
    size_t errlen);
void source_conf_free(struct source_conf *c);
bool source_conf_equal(const struct source_conf *a,
    const struct source_conf *b);
void source_conf_copy(struct source_conf *dst, const struct source_conf *src);
void source_list_copy(struct source_list *dst, const struct source_list *src);
void source_list_free(struct source_list *l);
/* Copies src's strings into dst, which is zeroed first. */
void strlist_copy_into(struct strlist *dst, const struct strlist *src);

/* Sets key (keep or block) of [filter]. */
int config_filter_set(struct config *c, const char *key, const char *value,
    char *err, size_t errlen);

/* Fills c with the embedded defaults. c must be zeroed or freed before. */
void config_defaults(struct config *c);

/* Sets one key from its text form. Returns 0, or -1 with a reason in err
 * (unknown key, value of the wrong type or out of range). */
int config_set(struct config *c, const char *section, const char *key,
    const char *value, char *err, size_t errlen);

/* Settings (key = value lines) in the file at path, or -1 when it cannot
 * be read or parsed. A reload refuses a file with none: an empty file is
 * more likely half-written than meant. */
long config_file_keys(const char *path);

/* Applies the INI file at path over c, then the source files of its
 * [daemon] sources_dir (config_load.c). Returns 0, or -1 with the first
 * "PATH:LINE: reason" (or "PATH: reason") in err; c may then be half
 * applied and should be thrown away. */
int config_load(struct config *c, const char *path, char *err,
    size_t errlen);
/* The same, going on past errors: every problem, each "PATH:LINE:
 * reason", pushed on errs. Returns the number of problems. */
size_t config_load_all(struct config *c, const char *path,
    struct strlist *errs);
/* The folder of path's source files (owned), or NULL for none. */
char *config_sources_dir(const struct config *c, const char *path);
/* Pushes a problem on errs for every path of c that is not usable (a
 * folder that is not one, or not writable, and cannot be created).
 * Returns the number pushed. */
size_t config_check_paths(const struct config *c, struct strlist *errs);

/* Calls fn for every key whose value differs between a and b, saying
 * whether the daemon can apply the change without a restart. */
void config_diff(const struct config *a, const struct config *b,
    void (*fn)(void *ctx, const char *section, const char *key, bool live),
    void *ctx);

/* Gives every key that needs a restart (the table's) its value in
 * running: what a SIGHUP applies of a new configuration. */
void config_keep_restart_only(struct config *c, const struct config *running);

/* The i-th key of the table, for listing them all; false past the end. */
bool config_key_at(size_t i, const char **section, const char **key);

/* Copies every value of src into dst (which is freed first). */
void config_copy(struct config *dst, const struct config *src);

void config_free(struct config *c);

#endif
