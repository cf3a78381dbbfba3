/* names_check.h: the entity tests' look-up of a name in an article's
 * list of people, organisations or places. */
#ifndef NAMES_CHECK_H
#define NAMES_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <strings.h>

#include "util.h"

/* Whether l holds name, case aside. */
static inline bool
has_name(const struct strlist *l, const char *name)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcasecmp(l->v[i], name) == 0)
			return true;
	return false;
}

#endif
