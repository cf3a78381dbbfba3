#include "filter.h"

#include <regex.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum filter_field {
	FF_TITLE,
	FF_URL,
	FF_AUTHOR,
	FF_CATEGORY,
	FF_BODY,
	FF_LANGUAGE,
	FF_COUNT
};

static const char *const filter_fields[FF_COUNT] = {
	"title", "url", "author", "category", "body", "language"
};

struct rule {
	char *text;              /* as written, for the log */
	enum filter_field field;
	regex_t re;              /* all but language */
	struct strlist langs;    /* language */
};

struct filter {
	struct rule *keep, *block;
	size_t n_keep, n_block;
};

/* Splits "FIELD: PATTERN"; *pat points into rule. */
static int
rule_split(const char *rule, enum filter_field *field, const char **pat,
    char *err, size_t errlen)
{
	const char *colon = strchr(rule, ':');
	size_t n;

	if (colon == NULL)
		return fail(err, errlen, "'%s' is not 'FIELD: PATTERN'",
		    rule);
	n = (size_t)(colon - rule);
	while (n > 0 && rule[n - 1] == ' ')
		n--;
	for (int i = 0; i < FF_COUNT; i++)
		if (strlen(filter_fields[i]) == n &&
		    strncmp(filter_fields[i], rule, n) == 0) {
			*field = (enum filter_field)i;
			*pat = colon + 1;
			while (**pat == ' ' || **pat == '\t')
				(*pat)++;
			if (**pat == '\0')
				return fail(err, errlen, "'%s': empty "
				    "pattern", rule);
			return 0;
		}
	return fail(err, errlen, "'%s': the field is one of title, url, "
	    "author, category, body, language", rule);
}

static int
rule_compile(struct rule *r, const char *rule, char *err, size_t errlen)
{
	const char *pat = NULL;
	char *list, *tok, *save;
	char why[128];
	int rc;

	memset(r, 0, sizeof(*r));
	if (rule_split(rule, &r->field, &pat, err, errlen) != 0)
		return -1;
	if (r->field == FF_LANGUAGE) {
		list = xstrdup(pat);
		for (tok = strtok_r(list, ", ", &save); tok != NULL;
		    tok = strtok_r(NULL, ", ", &save))
			strlist_push(&r->langs, tok);
		free(list);
		if (r->langs.n == 0)
			return fail(err, errlen, "'%s': no language", rule);
	} else {
		rc = regcomp(&r->re, pat, REG_EXTENDED | REG_ICASE |
		    REG_NOSUB);
		if (rc != 0) {
			regerror(rc, &r->re, why, sizeof(why));
			return fail(err, errlen, "'%s': %s", rule, why);
		}
	}
	r->text = xstrdup(rule);
	return 0;
}

static void
rule_free(struct rule *r)
{
	if (r->text == NULL)
		return;
	if (r->field == FF_LANGUAGE)
		strlist_free(&r->langs);
	else
		regfree(&r->re);
	free(r->text);
}

int
filter_rule_check(const char *rule, char *err, size_t errlen)
{
	struct rule r;

	if (rule_compile(&r, rule, err, errlen) != 0)
		return -1;
	rule_free(&r);
	return 0;
}

static struct rule *
compile_all(const struct strlist *l, size_t *n)
{
	struct rule *v = xcalloc(l->n ? l->n : 1, sizeof(*v));
	char err[256];

	*n = 0;
	for (size_t i = 0; i < l->n; i++)
		if (rule_compile(&v[*n], l->v[i], err, sizeof(err)) == 0)
			(*n)++;
	return v;
}

struct filter *
filter_new(const struct strlist *keep, const struct strlist *block)
{
	struct filter *f;

	if (keep->n == 0 && block->n == 0)
		return NULL;
	f = xcalloc(1, sizeof(*f));
	f->keep = compile_all(keep, &f->n_keep);
	f->block = compile_all(block, &f->n_block);
	return f;
}

void
filter_free(struct filter *f)
{
	if (f == NULL)
		return;
	for (size_t i = 0; i < f->n_keep; i++)
		rule_free(&f->keep[i]);
	for (size_t i = 0; i < f->n_block; i++)
		rule_free(&f->block[i]);
	free(f->keep);
	free(f->block);
	free(f);
}

static bool
rx_match(const regex_t *re, const char *s)
{
	return s != NULL && *s != '\0' && regexec(re, s, 0, NULL, 0) == 0;
}

static bool
rx_match_any(const regex_t *re, const struct strlist *l)
{
	if (l == NULL)
		return false;
	for (size_t i = 0; i < l->n; i++)
		if (rx_match(re, l->v[i]))
			return true;
	return false;
}

static bool
lang_match(const struct strlist *langs, const char *lang)
{
	size_t n;

	if (lang == NULL || *lang == '\0')
		return false;
	n = strcspn(lang, "-_");
	for (size_t i = 0; i < langs->n; i++)
		if (strlen(langs->v[i]) == n &&
		    strncasecmp(langs->v[i], lang, n) == 0)
			return true;
	return false;
}

static bool
rule_match(const struct rule *r, const struct filter_subject *s)
{
	switch (r->field) {
	case FF_TITLE:
		return rx_match(&r->re, s->title);
	case FF_URL:
		return rx_match(&r->re, s->url) || rx_match(&r->re, s->link);
	case FF_AUTHOR:
		return rx_match_any(&r->re, s->authors) ||
		    rx_match_any(&r->re, s->authors2);
	case FF_CATEGORY:
		return rx_match_any(&r->re, s->categories);
	case FF_BODY:
		return rx_match(&r->re, s->body);
	case FF_LANGUAGE:
		return lang_match(&r->langs, s->lang);
	default:
		return false;
	}
}

const char *
filter_judge(const struct filter *f, const struct filter_subject *s)
{
	bool kept;

	if (f == NULL)
		return NULL;
	for (size_t i = 0; i < f->n_block; i++)
		if (rule_match(&f->block[i], s))
			return f->block[i].text;
	if (f->n_keep == 0)
		return NULL;
	kept = false;
	for (size_t i = 0; i < f->n_keep && !kept; i++)
		kept = rule_match(&f->keep[i], s);
	return kept ? NULL : "no keep rule matched";
}
