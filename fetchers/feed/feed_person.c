/* A person written as one text (RSS author, managingEditor, webMaster,
 * dc:creator, itunes:author...): split into name and email. */
#include "feed.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static bool
feed_is_email(const char *s, size_t n)
{
	const char *at = memchr(s, '@', n);

	if (at == NULL || at == s || at == s + n - 1)
		return false;
	for (size_t i = 0; i < n; i++)
		if (isspace((unsigned char)s[i]))
			return false;
	return true;
}

/* What may stand around an email address in a person's text. */
static bool
feed_person_sep(char c)
{
	return isspace((unsigned char)c) || strchr("()<>[],;\"", c) != NULL;
}

/* The first word of t that is an email address ("mailto:" included):
 * its start and length. */
static bool
feed_find_email(const char *t, size_t *at, size_t *len)
{
	size_t i = 0, n = strlen(t);

	while (i < n) {
		size_t j, s;

		while (i < n && feed_person_sep(t[i]))
			i++;
		for (j = i; j < n && !feed_person_sep(t[j]); j++)
			;
		s = j - i > 7 && strncasecmp(t + i, "mailto:", 7) == 0 ?
		    i + 7 : i;
		if (j > s && feed_is_email(t + s, j - s)) {
			*at = i;
			*len = j - i;
			return true;
		}
		i = j;
	}
	return false;
}

/* The closing bracket of c, or 0. */
static char
feed_closer(char c)
{
	switch (c) {
	case '(':
		return ')';
	case '<':
		return '>';
	case '[':
		return ']';
	case '"':
		return '"';
	default:
		return 0;
	}
}

/* The name left around an email taken out of a person's text: brackets
 * that held only the email go, then separators at either end, then one
 * pair of brackets or quotes around the whole. In place. */
static void
feed_person_name(char *s)
{
	size_t n = strlen(s), a, b, i, j;
	char cl;

	for (i = 0; i < n; i++) {
		if ((cl = feed_closer(s[i])) == 0 || cl == '"')
			continue;
		for (j = i + 1; j < n && isspace((unsigned char)s[j]); j++)
			;
		if (j < n && s[j] == cl) {
			memmove(s + i, s + j + 1, n - j);
			n -= j + 1 - i;
			i--;
		}
	}
	a = 0;
	b = n;
	while (a < b && (isspace((unsigned char)s[a]) ||
	    strchr(",;:-", s[a])))
		a++;
	while (b > a && (isspace((unsigned char)s[b - 1]) ||
	    strchr(",;:-", s[b - 1])))
		b--;
	if (b - a >= 2 && (cl = feed_closer(s[a])) != 0 && s[b - 1] == cl) {
		a++;
		b--;
	}
	memmove(s, s + a, b - a);
	s[b - a] = '\0';
}

/* "email (Name)", "Name <email>", "(Name) email", "Name, email", an email
 * with "mailto:", a bare email: the first word that is an email is the
 * email, what is left around it the name. Without an email the whole text
 * is the name. */
void
feed_add_author_text(struct feed_person **v, size_t *n, const char *text)
{
	char *t = NULL, *name = NULL, *email = NULL;
	size_t at, len;

	feed_set_once(&t, text);
	if (t == NULL)
		return;
	if (feed_find_email(t, &at, &len)) {
		size_t rest = strlen(t + at + len);
		size_t skip = strncasecmp(t + at, "mailto:", 7) == 0 ? 7 : 0;

		email = xstrndup(t + at + skip, len - skip);
		name = xmalloc(at + rest + 1);
		memcpy(name, t, at);
		memcpy(name + at, t + at + len, rest + 1);
		feed_person_name(name);
		/* "a@b.c (a@b.c)": no name */
		if (strcasecmp(name, email) == 0 ||
		    (strncasecmp(name, "mailto:", 7) == 0 &&
		    strcasecmp(name + 7, email) == 0))
			*name = '\0';
	} else {
		name = xstrdup(t);
		/* "\"Jane Doe\"": the quotes are not the name */
		len = strlen(name);
		if (len >= 2 && name[0] == '"' && name[len - 1] == '"') {
			memmove(name, name + 1, len - 2);
			name[len - 2] = '\0';
		}
	}
	feed_add_author(v, n, name, email);
	free(name);
	free(email);
	free(t);
}
