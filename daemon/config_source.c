/* The [source "NAME"] (or [source.NAME]) sections of the configuration:
 * one feed source each. Their keys are described by one table, as the
 * other sections' are in config.c, and parsed in the same pass of the
 * same parser (config_load). Every source key is live: SIGHUP adds,
 * removes and updates sources. */
#include "config.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "util.h"

#define SOURCE_DEFAULT_INTERVAL 900
#define SOURCE_DEFAULT_MAX_ENTRIES 1000
#define SOURCE_DEFAULT_MAX_SITEMAPS 20

enum source_key_type {
	SK_URL,         /* http or https */
	SK_STRING,
	SK_SECONDS,     /* given in seconds, kept in ms (long) */
	SK_SIZE,        /* size_t */
	SK_YESNO,       /* bool */
	SK_HEADER,      /* "Name: value", may repeat (strlist) */
	SK_LIST,        /* may repeat (strlist) */
	SK_RULE,        /* a filter.h rule, may repeat (strlist) */
	SK_SECRET,      /* a file's path; its first line goes to the
	                   field at offset min (never logged) */
	SK_PROXY,       /* a proxy URL or "none" */
	SK_KIND,        /* feed or sitemap (bool: sitemap) */
};

struct source_key {
	const char *key;
	enum source_key_type type;
	size_t offset;
	long min, max;
};

#define SOFF(f) offsetof(struct source_conf, f)

static const struct source_key source_keys[] = {
	{ "url", SK_URL, SOFF(url), 0, 0 },
	{ "kind", SK_KIND, SOFF(sitemap), 0, 0 },
	{ "max_sitemaps", SK_SIZE, SOFF(max_sitemaps), 1, 50000 },
	{ "title", SK_STRING, SOFF(title), 0, 0 },
	{ "site", SK_URL, SOFF(site), 0, 0 },
	{ "category", SK_LIST, SOFF(categories), 0, 0 },
	{ "username", SK_STRING, SOFF(username), 0, 0 },
	{ "password_file", SK_SECRET, SOFF(password_file), SOFF(password),
	  0 },
	{ "cookie", SK_STRING, SOFF(cookie), 0, 0 },
	{ "cookie_file", SK_SECRET, SOFF(cookie_file), SOFF(cookie), 0 },
	{ "proxy", SK_PROXY, SOFF(proxy), 0, 0 },
	{ "insecure", SK_YESNO, SOFF(insecure), 0, 0 },
	{ "keep", SK_RULE, SOFF(keep), 0, 0 },
	{ "block", SK_RULE, SOFF(block), 0, 0 },
	{ "interval", SK_SECONDS, SOFF(interval_ms), 1, 7 * 86400 },
	{ "fetch_pages", SK_YESNO, SOFF(fetch_pages), 0, 0 },
	{ "user_agent", SK_STRING, SOFF(user_agent), 0, 0 },
	{ "header", SK_HEADER, SOFF(headers), 0, 0 },
	{ "connect_timeout", SK_SECONDS, SOFF(connect_timeout_ms), 1, 600 },
	{ "timeout", SK_SECONDS, SOFF(timeout_ms), 1, 3600 },
	{ "max_body", SK_SIZE, SOFF(max_body), 1024, 1L << 30 },
	{ "max_entries", SK_SIZE, SOFF(max_entries), 1, 1000000 },
};

#define N_SOURCE_KEYS (sizeof(source_keys) / sizeof(source_keys[0]))

bool
config_is_source_section(const char *section)
{
	return strncmp(section, "source", 6) == 0 &&
	    (section[6] == ' ' || section[6] == '.' || section[6] == '\t');
}

static bool
name_ok(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || *s == '-' || *s == '_' ||
		    *s == '.'))
			return false;
	return true;
}

/* The NAME of [source "NAME"] or [source.NAME] into name (of len bytes). */
static int
section_name(const char *section, char *name, size_t len, char *err,
    size_t errlen)
{
	const char *p = section + 6;
	size_t n;

	if (*p == '.') {
		p++;
		n = strlen(p);
	} else {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p != '"')
			return fail(err, errlen, "[%s]: write [source "
			    "\"NAME\"] or [source.NAME]", section);
		p++;
		n = strlen(p);
		if (n == 0 || p[n - 1] != '"')
			return fail(err, errlen, "[%s]: missing closing "
			    "quote", section);
		n--;
	}
	if (n == 0 || n >= len)
		return fail(err, errlen, "[%s]: bad source name", section);
	memcpy(name, p, n);
	name[n] = '\0';
	if (!name_ok(name))
		return fail(err, errlen, "[%s]: a source name has only "
		    "letters, digits, '-', '_' and '.'", section);
	return 0;
}

static struct source_conf *
source_get(struct source_list *l, const char *name)
{
	struct source_conf *c;

	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].name, name) == 0)
			return &l->v[i];
	l->v = xrealloc(l->v, (l->n + 1) * sizeof(*l->v));
	c = &l->v[l->n++];
	memset(c, 0, sizeof(*c));
	c->name = xstrdup(name);
	c->interval_ms = SOURCE_DEFAULT_INTERVAL * 1000L;
	c->max_entries = SOURCE_DEFAULT_MAX_ENTRIES;
	c->max_sitemaps = SOURCE_DEFAULT_MAX_SITEMAPS;
	return c;
}

static int
parse_long(const char *key, const char *v, long min, long max, long *out,
    char *err, size_t errlen)
{
	char why[160];
	long long n;

	if (parse_number(v, min, max, &n, why, sizeof(why)) != 0)
		return fail(err, errlen, "%s: %s", key, why);
	*out = (long)n;
	return 0;
}

/* The first line of the file at path into *out (owned), for a secret:
 * neither the content nor a part of it goes into err. */
static int
read_secret(const char *path, char **out, char *err, size_t errlen)
{
	char line[4096];
	FILE *f = fopen(path, "r");
	size_t n;

	if (f == NULL)
		return fail(err, errlen, "cannot read %s: %s", path,
		    strerror(errno));
	if (fgets(line, sizeof(line), f) == NULL)
		line[0] = '\0';
	fclose(f);
	n = strcspn(line, "\r\n");
	line[n] = '\0';
	if (n == 0)
		return fail(err, errlen, "%s: the first line is empty", path);
	if (*out != NULL)
		memset(*out, 0, strlen(*out));
	free(*out);
	*out = xstrdup(line);
	memset(line, 0, sizeof(line));
	return 0;
}

static bool
proxy_ok(const char *v)
{
	static const char *const schemes[] = {
		"http://", "https://", "socks4://", "socks4a://",
		"socks5://", "socks5h://", NULL
	};

	if (strcmp(v, "none") == 0)
		return true;
	for (size_t i = 0; schemes[i] != NULL; i++)
		if (strncmp(v, schemes[i], strlen(schemes[i])) == 0 &&
		    v[strlen(schemes[i])] != '\0')
			return true;
	return false;
}

/* A secret file's path: relative to the folder of the file naming it
 * (path), else as it is. Owned. */
static char *
secret_path(const char *path, const char *v)
{
	const char *slash = path != NULL ? strrchr(path, '/') : NULL;
	struct buf b = { 0 };

	if (*v == '/' || slash == NULL)
		return xstrdup(v);
	buf_append(&b, path, (size_t)(slash - path) + 1);
	buf_puts(&b, v);
	return buf_take(&b);
}

static int
source_key_set(struct source_conf *c, const struct source_key *k,
    const char *path, const char *v, char *err, size_t errlen)
{
	char *field = (char *)c + k->offset;
	long n = 0;
	char *file;

	switch (k->type) {
	case SK_URL:
		if (strncmp(v, "http://", 7) != 0 &&
		    strncmp(v, "https://", 8) != 0)
			return fail(err, errlen, "%s: '%s' is not an http "
			    "or https URL", k->key, v);
		/* fall through */
	case SK_STRING:
		free(*(char **)field);
		*(char **)field = xstrdup(v);
		return 0;
	case SK_SECONDS:
		if (parse_long(k->key, v, k->min, k->max, &n, err,
		    errlen) != 0)
			return -1;
		*(long *)field = n * 1000;
		return 0;
	case SK_SIZE:
		if (parse_long(k->key, v, k->min, k->max, &n, err,
		    errlen) != 0)
			return -1;
		*(size_t *)field = (size_t)n;
		return 0;
	case SK_YESNO:
		if (strcmp(v, "yes") == 0 || strcmp(v, "true") == 0)
			*(bool *)field = true;
		else if (strcmp(v, "no") == 0 || strcmp(v, "false") == 0)
			*(bool *)field = false;
		else
			return fail(err, errlen, "%s: '%s' is not yes or no",
			    k->key, v);
		return 0;
	case SK_HEADER:
		if (strchr(v, ':') == NULL || *v == ':' ||
		    strpbrk(v, "\r\n") != NULL)
			return fail(err, errlen, "%s: '%s' is not "
			    "'Name: value'", k->key, v);
		strlist_push((struct strlist *)field, v);
		return 0;
	case SK_SECRET:
		file = secret_path(path, v);
		if (read_secret(file, (char **)((char *)c + k->min), err,
		    errlen) != 0) {
			free(file);
			return -1;
		}
		free(*(char **)field);
		*(char **)field = file;
		return 0;
	case SK_PROXY:
		if (!proxy_ok(v))
			return fail(err, errlen, "%s: '%s' is not none or a "
			    "http, https, socks4, socks4a, socks5 or socks5h "
			    "URL", k->key, v);
		free(*(char **)field);
		*(char **)field = xstrdup(v);
		return 0;
	case SK_KIND:
		if (strcmp(v, "feed") == 0)
			*(bool *)field = false;
		else if (strcmp(v, "sitemap") == 0)
			*(bool *)field = true;
		else
			return fail(err, errlen, "%s: '%s' is not feed or "
			    "sitemap", k->key, v);
		return 0;
	case SK_RULE:
		if (filter_rule_check(v, err, errlen) != 0)
			return -1;
		strlist_push((struct strlist *)field, v);
		return 0;
	case SK_LIST:
		if (*v == '\0')
			return fail(err, errlen, "%s: empty value", k->key);
		strlist_push((struct strlist *)field, v);
		return 0;
	}
	return -1;
}

int
config_source_set(struct source_list *l, size_t first, const char *path,
    const char *section, const char *key, const char *value, char *err,
    size_t errlen)
{
	char name[128];

	if (section_name(section, name, sizeof(name), err, errlen) != 0)
		return -1;
	for (size_t i = 0; i < first && i < l->n; i++)
		if (strcmp(l->v[i].name, name) == 0)
			return fail(err, errlen, "source '%s' is already "
			    "defined in another file", name);
	for (size_t i = 0; i < N_SOURCE_KEYS; i++)
		if (strcmp(source_keys[i].key, key) == 0)
			return source_key_set(source_get(l, name),
			    &source_keys[i], path, value, err, errlen);
	return fail(err, errlen, "unknown key '%s' in a source section", key);
}

void
config_source_where(struct source_list *l, const char *section,
    const char *where)
{
	char name[128], err[128];

	if (section_name(section, name, sizeof(name), err, sizeof(err)) != 0)
		return;
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].name, name) == 0 &&
		    l->v[i].where == NULL)
			l->v[i].where = xstrdup(where);
}

size_t
config_sources_check(const struct source_list *l, struct strlist *errs)
{
	struct buf b = { 0 };
	size_t n = 0;

	for (size_t i = 0; i < l->n; i++) {
		b.len = 0;
		if (l->v[i].where != NULL)
			buf_printf(&b, "%s: ", l->v[i].where);
		if (l->v[i].url == NULL && l->v[i].site == NULL)
			buf_printf(&b, "[source \"%s\"] has no url (or site "
			    "to find its feed)", l->v[i].name);
		else if (l->v[i].url == NULL && l->v[i].sitemap)
			buf_printf(&b, "[source \"%s\"]: kind = sitemap "
			    "needs the sitemap's url", l->v[i].name);
		else if ((l->v[i].username != NULL) !=
		    (l->v[i].password != NULL))
			buf_printf(&b, "[source \"%s\"]: username and "
			    "password_file go together", l->v[i].name);
		else if (l->v[i].username != NULL &&
		    strchr(l->v[i].username, ':') != NULL)
			buf_printf(&b, "[source \"%s\"]: a username has no "
			    "':'", l->v[i].name);
		else
			continue;
		strlist_push(errs, b.p);
		n++;
	}
	buf_free(&b);
	return n;
}

void
source_conf_free(struct source_conf *c)
{
	free(c->name);
	free(c->where);
	free(c->url);
	free(c->title);
	free(c->site);
	strlist_free(&c->categories);
	strlist_free(&c->keep);
	strlist_free(&c->block);
	free(c->user_agent);
	free(c->username);
	free(c->password_file);
	if (c->password != NULL)
		memset(c->password, 0, strlen(c->password));
	free(c->password);
	free(c->cookie);
	free(c->cookie_file);
	free(c->proxy);
	strlist_free(&c->headers);
	memset(c, 0, sizeof(*c));
}

void
source_list_free(struct source_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		source_conf_free(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

void
source_list_copy(struct source_list *dst, const struct source_list *src)
{
	source_list_free(dst);
	dst->v = src->n ? xcalloc(src->n, sizeof(*dst->v)) : NULL;
	for (size_t i = 0; i < src->n; i++)
		source_conf_copy(&dst->v[i], &src->v[i]);
	dst->n = src->n;
}

int
sources_config_load(const char *path, struct source_list *l, char *err,
    size_t errlen)
{
	struct config c;
	int rc;

	config_defaults(&c);
	rc = config_load(&c, path, err, errlen);
	if (rc == 0) {
		*l = c.sources;
		memset(&c.sources, 0, sizeof(c.sources));
	}
	config_free(&c);
	return rc;
}

static bool
str_eq(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

static bool
list_eq(const struct strlist *a, const struct strlist *b)
{
	if (a->n != b->n)
		return false;
	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->v[i], b->v[i]) != 0)
			return false;
	return true;
}

static char *
str_dup(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

void
strlist_copy_into(struct strlist *dst, const struct strlist *src)
{
	memset(dst, 0, sizeof(*dst));
	for (size_t i = 0; i < src->n; i++)
		strlist_push(dst, src->v[i]);
}

bool
source_conf_equal(const struct source_conf *a, const struct source_conf *b)
{
	if (!str_eq(a->username, b->username) ||
	    !str_eq(a->password, b->password) ||
	    !str_eq(a->cookie, b->cookie) || !str_eq(a->proxy, b->proxy) ||
	    a->insecure != b->insecure)
		return false;
	if (!str_eq(a->title, b->title) || !str_eq(a->site, b->site) ||
	    !list_eq(&a->categories, &b->categories) ||
	    !list_eq(&a->keep, &b->keep) || !list_eq(&a->block, &b->block))
		return false;
	if (!str_eq(a->url, b->url) || a->interval_ms != b->interval_ms ||
	    a->fetch_pages != b->fetch_pages ||
	    !str_eq(a->user_agent, b->user_agent) ||
	    a->connect_timeout_ms != b->connect_timeout_ms ||
	    a->timeout_ms != b->timeout_ms || a->max_body != b->max_body ||
	    a->max_entries != b->max_entries ||
	    a->sitemap != b->sitemap || a->max_sitemaps != b->max_sitemaps ||
	    a->headers.n != b->headers.n)
		return false;
	for (size_t i = 0; i < a->headers.n; i++)
		if (strcmp(a->headers.v[i], b->headers.v[i]) != 0)
			return false;
	return true;
}

void
source_conf_copy(struct source_conf *dst, const struct source_conf *src)
{
	memset(dst, 0, sizeof(*dst));
	*dst = *src;
	dst->name = xstrdup(src->name);
	dst->where = str_dup(src->where);
	dst->url = str_dup(src->url);
	dst->title = str_dup(src->title);
	dst->site = str_dup(src->site);
	dst->username = str_dup(src->username);
	dst->password_file = str_dup(src->password_file);
	dst->password = str_dup(src->password);
	dst->cookie = str_dup(src->cookie);
	dst->cookie_file = str_dup(src->cookie_file);
	dst->proxy = str_dup(src->proxy);
	strlist_copy_into(&dst->categories, &src->categories);
	strlist_copy_into(&dst->keep, &src->keep);
	strlist_copy_into(&dst->block, &src->block);
	dst->user_agent = src->user_agent ? xstrdup(src->user_agent) : NULL;
	memset(&dst->headers, 0, sizeof(dst->headers));
	for (size_t i = 0; i < src->headers.n; i++)
		strlist_push(&dst->headers, src->headers.v[i]);
}


int
config_filter_set(struct config *c, const char *key, const char *value,
    char *err, size_t errlen)
{
	struct strlist *l;

	if (strcmp(key, "keep") == 0)
		l = &c->filter_keep;
	else if (strcmp(key, "block") == 0)
		l = &c->filter_block;
	else
		return fail(err, errlen, "unknown key '%s' in section "
		    "[filter] (keep, block)", key);
	if (filter_rule_check(value, err, errlen) != 0)
		return -1;
	strlist_push(l, value);
	return 0;
}
