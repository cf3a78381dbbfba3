/* Reading the configuration files: the main INI file, then every *.conf
 * of its [daemon] sources_dir, which hold [source] sections only. One
 * parser (inih) reads them all; a line-counting reader gives each key its
 * line, so that every problem is reported with its file and line, not
 * only the first (newswired --check-config). */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

#define SOURCES_DIR_DEFAULT "sources.d"

struct config_parse {
	struct config *c;
	const char *path;
	FILE *f;
	int line;           /* of the text being parsed */
	bool at_bol;        /* the last chunk read ended its line */
	bool had_key;       /* an indented line continues a value */
	bool sources_only;  /* a source file: [source] sections only */
	size_t first;       /* sources of the files read before */
	struct strlist *errs;
};

static void
parse_error(struct config_parse *p, const char *reason)
{
	struct buf b = { 0 };

	buf_printf(&b, "%s:%d: %s", p->path, p->line, reason);
	strlist_push_owned(p->errs, buf_take(&b));
}

/* The line errors inih finds without calling the handler, found the way
 * it finds them. */
static void
check_line(struct config_parse *p, const char *line)
{
	const char *s = line;
	char why[160];
	size_t n;

	if (p->line == 1 && strncmp(s, "\xef\xbb\xbf", 3) == 0)
		s += 3;   /* a UTF-8 BOM */
	line = s;
	while (*s == ' ' || *s == '\t')
		s++;
	n = strcspn(s, "\r\n");
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n == 0 || *s == ';' || *s == '#')
		return;
	if (s > line && p->had_key)
		return;
	if (*s == '[') {
		if (memchr(s, ']', n) == NULL) {
			snprintf(why, sizeof(why), "the section header "
			    "'%.*s' is not closed with ']'",
			    (int)(n > 60 ? 60 : n), s);
			parse_error(p, why);
		}
		p->had_key = false;
		return;
	}
	if (memchr(s, '=', n) == NULL && memchr(s, ':', n) == NULL) {
		snprintf(why, sizeof(why), "'%.*s' is neither [section] "
		    "nor key = value", (int)(n > 60 ? 60 : n), s);
		parse_error(p, why);
		p->had_key = false;
		return;
	}
	p->had_key = true;
}

static char *
config_read(char *str, int num, void *stream)
{
	struct config_parse *p = stream;
	char *r = fgets(str, num, p->f);
	size_t n;

	if (r == NULL)
		return NULL;
	if (p->at_bol) {
		p->line++;
		check_line(p, str);
	}
	n = strlen(str);
	if (p->at_bol && n == (size_t)num - 1 && str[n - 1] != '\n') {
		char msg[64];

		snprintf(msg, sizeof(msg), "line longer than %d bytes",
		    num - 3);
		parse_error(p, msg);
	}
	p->at_bol = n > 0 && str[n - 1] == '\n';
	return r;
}

/* inih calls this per key; every error is kept, and the parse goes on. */
static int
config_handler(void *user, const char *section, const char *key,
    const char *value)
{
	struct config_parse *p = user;
	char err[256];
	int rc;

	if (config_is_source_section(section)) {
		rc = config_source_set(&p->c->sources, p->first, p->path,
		    section, key, value, err, sizeof(err));
		if (rc == 0) {
			snprintf(err, sizeof(err), "%s:%d", p->path, p->line);
			config_source_where(&p->c->sources, section, err);
		}
	}
	else if (p->sources_only)
		rc = fail(err, sizeof(err), "[%s] in a source file, which "
		    "holds [source \"NAME\"] sections only", section);
	else if (strcmp(section, "filter") == 0)
		rc = config_filter_set(p->c, key, value, err, sizeof(err));
	else
		rc = config_set(p->c, section, key, value, err, sizeof(err));
	if (rc != 0)
		parse_error(p, err);
	return 1;
}

/* Parses one file; returns the number of problems pushed. */
static size_t
config_parse_file(struct config *c, const char *path, bool sources_only,
    struct strlist *errs)
{
	struct config_parse p = {
		.c = c, .path = path, .at_bol = true,
		.sources_only = sources_only, .first = c->sources.n,
		.errs = errs,
	};
	size_t before = errs->n;
	struct buf b = { 0 };
	int rc;

	p.f = fopen(path, "r");
	if (p.f == NULL) {
		buf_printf(&b, "%s: cannot open: %s", path, strerror(errno));
		strlist_push_owned(errs, buf_take(&b));
		return 1;
	}
	rc = ini_parse_stream(config_read, &p, config_handler, &p);
	fclose(p.f);
	if (rc == -2) {
		buf_printf(&b, "%s: out of memory", path);
		strlist_push_owned(errs, buf_take(&b));
	} else if (rc > 0 && errs->n == before) {
		/* an error inih found that check_line did not */
		buf_printf(&b, "%s:%d: syntax error", path, rc);
		strlist_push_owned(errs, buf_take(&b));
	}
	return errs->n - before;
}

char *
config_sources_dir(const struct config *c, const char *path)
{
	const char *slash;
	struct buf b = { 0 };

	if (path == NULL || c->sources_dir == NULL ||
	    *c->sources_dir == '\0')
		return NULL;
	if (*c->sources_dir == '/')
		return xstrdup(c->sources_dir);
	slash = strrchr(path, '/');
	if (slash != NULL)
		buf_append(&b, path, (size_t)(slash - path) + 1);
	buf_puts(&b, c->sources_dir);
	return buf_take(&b);
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool
is_conf(const char *name)
{
	size_t n = strlen(name);

	return name[0] != '.' && n > 5 && strcmp(name + n - 5, ".conf") == 0;
}

/* Every *.conf of the sources folder, in name order. A missing folder is
 * fine when it is the default one. */
static size_t
config_parse_dir(struct config *c, const char *path, struct strlist *errs)
{
	char *dir = config_sources_dir(c, path);
	struct strlist names = { 0 };
	struct buf b = { 0 };
	struct dirent *e;
	size_t n = 0;
	DIR *d;

	if (dir == NULL)
		return 0;
	d = opendir(dir);
	if (d == NULL) {
		if (errno != ENOENT ||
		    strcmp(c->sources_dir, SOURCES_DIR_DEFAULT) != 0) {
			buf_printf(&b, "%s: [daemon] sources_dir: cannot "
			    "open %s: %s", path, dir, strerror(errno));
			strlist_push_owned(errs, buf_take(&b));
			n = 1;
		}
		free(dir);
		return n;
	}
	while ((e = readdir(d)) != NULL)
		if (is_conf(e->d_name))
			strlist_push(&names, e->d_name);
	closedir(d);
	if (names.n > 0)
		qsort(names.v, names.n, sizeof(*names.v), name_cmp);
	for (size_t i = 0; i < names.n; i++) {
		b.len = 0;
		buf_printf(&b, "%s/%s", dir, names.v[i]);
		n += config_parse_file(c, b.p, true, errs);
	}
	buf_free(&b);
	strlist_free(&names);
	free(dir);
	return n;
}

size_t
config_load_all(struct config *c, const char *path, struct strlist *errs)
{
	size_t n = config_parse_file(c, path, false, errs);

	n += config_parse_dir(c, path, errs);
	/* a source whose url was refused has none: said once, above */
	return n > 0 ? n : config_sources_check(&c->sources, errs);
}

int
config_load(struct config *c, const char *path, char *err, size_t errlen)
{
	struct strlist errs = { 0 };
	int rc = 0;

	if (config_load_all(c, path, &errs) > 0)
		rc = fail(err, errlen, "%s%s", errs.v[0],
		    errs.n > 1 ? " (and more: newswired --check-config)" :
		    "");
	strlist_free(&errs);
	return rc;
}

static int
config_count_handler(void *user, const char *section, const char *key,
    const char *value)
{
	(void)section;
	(void)key;
	(void)value;
	(*(size_t *)user)++;
	return 1;
}

long
config_file_keys(const char *path)
{
	size_t n = 0;

	return ini_parse(path, config_count_handler, &n) != 0 ? -1 :
	    (long)n;
}

/* A folder the daemon writes to: one that is there and writable, or
 * whose parent is. */
static void
check_dir(const char *what, const char *dir, bool write,
    struct strlist *errs)
{
	struct buf b = { 0 };
	struct stat st;
	char *parent;
	char *slash;

	if (stat(dir, &st) == 0) {
		if (!S_ISDIR(st.st_mode))
			buf_printf(&b, "%s: %s is not a folder", what, dir);
		else if (access(dir, write ? W_OK | X_OK : R_OK | X_OK) != 0)
			buf_printf(&b, "%s: %s: %s", what, dir,
			    strerror(errno));
	} else if (errno != ENOENT || !write) {
		buf_printf(&b, "%s: %s: %s", what, dir, strerror(errno));
	} else {
		parent = xstrdup(dir);
		slash = strrchr(parent, '/');
		if (slash == NULL)
			strcpy(parent, ".");
		else if (slash == parent)
			parent[1] = '\0';
		else
			*slash = '\0';
		if (access(parent, W_OK | X_OK) != 0)
			buf_printf(&b, "%s: %s cannot be created in %s: %s",
			    what, dir, parent, strerror(errno));
		free(parent);
	}
	if (b.p != NULL)
		strlist_push_owned(errs, buf_take(&b));
	else
		buf_free(&b);
}

size_t
config_check_paths(const struct config *c, struct strlist *errs)
{
	size_t before = errs->n;
	char *dir;

	check_dir("[daemon] state", c->state, true, errs);
	check_dir("[inbox] path", c->inbox, true, errs);
	if (c->curve)
		check_dir("[publish] curve_clients", c->curve_clients, false,
		    errs);
	if (*c->out_file_path != '\0') {
		dir = xstrdup(c->out_file_path);
		if (strrchr(dir, '/') != NULL)
			*strrchr(dir, '/') = '\0';
		else
			strcpy(dir, ".");
		check_dir("[output.file] path", *dir ? dir : "/", true,
		    errs);
		free(dir);
	}
	return errs->n - before;
}
