/* Keep and block rules of feed entries, per source (keep =, block = in
 * [source "NAME"]) and global ([filter]). A rule is "FIELD: PATTERN":
 * FIELD is title, url, author, category or body, matched against PATTERN
 * as a POSIX extended regular expression (regcomp, case-insensitive), or
 * language, whose PATTERN is a comma-separated list of ISO 639-1 codes.
 * An entry passes a set of rules when it matches one of its keep rules
 * (if it has any) and none of its block rules. Applied where a finished
 * article of a feed entry meets the commit path (sources_jobs.c). */
#ifndef NW_FILTER_H
#define NW_FILTER_H

#include <stddef.h>

#include "util.h"

struct filter;

/* What a rule is matched against; any field may be NULL or empty. */
struct filter_subject {
	const char *title;
	const char *url, *link;           /* the article's and the entry's */
	const struct strlist *authors;    /* the article's */
	const struct strlist *authors2;   /* the entry's */
	const struct strlist *categories;
	const char *body;
	const char *lang;
};

/* 0 when rule is well formed (and its pattern compiles), else -1 and why
 * in err. */
int filter_rule_check(const char *rule, char *err, size_t errlen);

/* The rules compiled; NULL when there are none. Rules that do not check
 * are left out (the configuration refused them already). */
struct filter *filter_new(const struct strlist *keep,
    const struct strlist *block);
void filter_free(struct filter *f);

/* NULL when s passes f (a NULL f passes all), else the reason: the
 * block rule that matched, or that no keep rule did. */
const char *filter_judge(const struct filter *f,
    const struct filter_subject *s);

#endif
