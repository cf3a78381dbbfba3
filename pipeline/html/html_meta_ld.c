/* JSON-LD (schema.org) metadata: the article object and its kin. */
#include "html_meta_int.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

/* Objects looked at in one script; the rest of a huge graph is noise. */
#define LD_MAX_OBJECTS 256
/* Concatenated top-level values read from one script. */
#define LD_MAX_VALUES 8

struct ld_objs {
	json_t *v[LD_MAX_OBJECTS];
	size_t n;
};

/* Rank of a schema.org type name: 5 news articles, 4 other articles and
 * blog posts, 3 other postings and creative works that carry a headline,
 * 2 web pages, 0 anything else. */
static int
ld_type_rank(const char *t)
{
	size_t n;

	if (t == NULL)
		return 0;
	if (strncmp(t, "http://schema.org/", 18) == 0)
		t += 18;
	else if (strncmp(t, "https://schema.org/", 19) == 0)
		t += 19;
	else if (strncmp(t, "schema:", 7) == 0)
		t += 7;
	n = strlen(t);
	if (n >= 11 && strcmp(t + n - 11, "NewsArticle") == 0)
		return 5;
	if ((n >= 7 && strcmp(t + n - 7, "Article") == 0) ||
	    strcmp(t, "BlogPosting") == 0 ||
	    strcmp(t, "LiveBlogPosting") == 0 ||
	    strcmp(t, "Report") == 0)
		return 4;
	if ((n >= 7 && strcmp(t + n - 7, "Posting") == 0) ||
	    strcmp(t, "Recipe") == 0 || strcmp(t, "Review") == 0 ||
	    strcmp(t, "CreativeWork") == 0 || strcmp(t, "Blog") == 0)
		return 3;
	if (n >= 7 && strcmp(t + n - 7, "WebPage") == 0)
		return 2;
	if (strcmp(t, "ItemPage") == 0 || strcmp(t, "AboutPage") == 0 ||
	    strcmp(t, "CollectionPage") == 0 ||
	    strcmp(t, "ProfilePage") == 0 || strcmp(t, "FAQPage") == 0 ||
	    strcmp(t, "QAPage") == 0)
		return 2;
	return 0;
}

static int
ld_rank(json_t *o)
{
	json_t *t = json_object_get(o, "@type"), *e;
	size_t i;
	int r, best = 0;

	if (json_is_string(t))
		return ld_type_rank(json_string_value(t));
	if (json_is_array(t)) {
		json_array_foreach(t, i, e) {
			r = ld_type_rank(json_string_value(e));
			if (r > best)
				best = r;
		}
	}
	return best;
}

static bool
ld_is_type(json_t *o, const char *name)
{
	json_t *t = json_object_get(o, "@type"), *e;
	size_t i;

	if (json_is_string(t))
		return strcmp(json_string_value(t), name) == 0;
	json_array_foreach(t, i, e)
		if (json_is_string(e) &&
		    strcmp(json_string_value(e), name) == 0)
			return true;
	return false;
}

/* Collects the objects of v in document order: arrays, @graph and the
 * values of every key are walked, so nested articles are found too. */
static void
ld_collect(json_t *v, struct ld_objs *objs, int depth)
{
	const char *k;
	json_t *e;
	size_t i;

	if (depth > 12 || objs->n >= LD_MAX_OBJECTS)
		return;
	if (json_is_array(v)) {
		json_array_foreach(v, i, e)
			ld_collect(e, objs, depth + 1);
	} else if (json_is_object(v)) {
		objs->v[objs->n++] = v;
		json_object_foreach(v, k, e)
			if (json_is_object(e) || json_is_array(e))
				ld_collect(e, objs, depth + 1);
	}
}

/* The object with @id equal to that of ref (a {"@id": ...} reference),
 * or ref itself. */
static json_t *
ld_resolve(json_t *ref, const struct ld_objs *objs)
{
	const char *id;
	size_t i;

	if (!json_is_object(ref) || json_object_get(ref, "name") != NULL)
		return ref;
	id = json_string_value(json_object_get(ref, "@id"));
	if (id == NULL)
		return ref;
	for (i = 0; i < objs->n; i++)
		if (objs->v[i] != ref && json_object_get(objs->v[i],
		    "name") != NULL && json_is_string(json_object_get(
		    objs->v[i], "@id")) && strcmp(json_string_value(
		    json_object_get(objs->v[i], "@id")), id) == 0)
			return objs->v[i];
	return ref;
}

/* A folded, unescaped copy of a string value, or NULL when empty. */
static char *
ld_str(json_t *v)
{
	char *s, *f;

	if (!json_is_string(v))
		return NULL;
	s = xstrdup(json_string_value(v));
	meta_unescape(s);
	f = meta_fold(s);
	free(s);
	if (f[0] == '\0') {
		free(f);
		return NULL;
	}
	return f;
}

/* The name of a Person/Organization value: a string, an object with a
 * name (or a reference to one), or the first of an array. */
static char *
ld_name(json_t *v, const struct ld_objs *objs)
{
	json_t *n;

	if (json_is_array(v))
		v = json_array_get(v, 0);
	if (json_is_string(v))
		return ld_str(v);
	v = ld_resolve(v, objs);
	n = json_object_get(v, "name");
	if (json_is_array(n))
		n = json_array_get(n, 0);
	if (json_is_object(n))
		n = json_object_get(n, "@value");
	return ld_str(n);
}

static void
ld_set(struct meta_ld *ld, enum meta_ld_field f, char **field, char *v,
    int rank)
{
	if (v == NULL)
		return;
	if (rank <= ld->rank[f]) {
		free(v);
		return;
	}
	free(*field);
	*field = v;
	ld->rank[f] = rank;
}

static void
ld_authors(json_t *o, const struct ld_objs *objs, struct meta_ld *ld,
    int rank)
{
	json_t *au = json_object_get(o, "author"), *e;
	struct strlist names = {0};
	size_t i;
	char *s;

	if (au == NULL)
		au = json_object_get(o, "creator");
	if (au == NULL || rank <= ld->rank[LD_AUTHORS])
		return;
	if (json_is_array(au)) {
		json_array_foreach(au, i, e) {
			s = ld_name(e, objs);
			if (s != NULL && names.n < META_MAX_LIST)
				strlist_push_owned(&names, s);
			else
				free(s);
		}
	} else {
		s = ld_name(au, objs);
		if (s != NULL)
			strlist_push_owned(&names, s);
	}
	if (names.n == 0)
		return;
	strlist_free(&ld->authors);
	ld->authors = names;
	ld->rank[LD_AUTHORS] = rank;
}

static void
ld_object(json_t *o, const struct ld_objs *objs, struct meta_ld *ld)
{
	int rank = ld_rank(o);
	json_t *v;
	char *s;

	if ((ld_is_type(o, "WebSite") || ld_is_type(o, "Organization") ||
	    ld_is_type(o, "NewsMediaOrganization")) &&
	    ld->sites.n < META_MAX_LIST) {
		s = ld_str(json_object_get(o, "name"));
		if (s != NULL)
			strlist_push_owned(&ld->sites, s);
	}
	if (rank == 0)
		return;
	v = json_object_get(o, "headline");
	if (v == NULL)
		v = json_object_get(o, "name");
	ld_set(ld, LD_HEADLINE, &ld->headline, ld_str(v), rank);
	v = json_object_get(o, "datePublished");
	if (v == NULL)
		v = json_object_get(o, "dateCreated");
	if (json_is_array(v))
		v = json_array_get(v, 0);
	ld_set(ld, LD_PUBLISHED, &ld->published, ld_str(v), rank);
	v = json_object_get(o, "dateModified");
	if (json_is_array(v))
		v = json_array_get(v, 0);
	ld_set(ld, LD_MODIFIED, &ld->modified, ld_str(v), rank);
	v = json_object_get(o, "publisher");
	if (v != NULL)
		ld_set(ld, LD_PUBLISHER, &ld->publisher, ld_name(v, objs),
		    rank);
	v = json_object_get(o, "inLanguage");
	if (json_is_object(v))
		v = json_object_get(v, "alternateName");
	ld_set(ld, LD_LANG, &ld->lang, ld_str(v), rank);
	v = json_object_get(o, "url");
	if (!json_is_string(v)) {
		v = json_object_get(o, "mainEntityOfPage");
		if (json_is_object(v))
			v = json_object_get(v, "@id");
	}
	ld_set(ld, LD_URL, &ld->url, ld_str(v), rank);
	ld_authors(o, objs, ld, rank);
}

/* Copy of the script text with comment/CDATA wrappers cut and raw control
 * characters (invalid inside JSON strings, common in pages) made spaces. */
static char *
ld_clean(const char *text)
{
	char *s, *p, *end;

	p = strpbrk(text, "{[");
	if (p == NULL)
		return NULL;
	s = xstrdup(p);
	for (p = s; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20)
			*p = ' ';
	end = strstr(s, "]]>");
	if (end != NULL)
		*end = '\0';
	return s;
}

/* Parses the concatenated JSON values in s into objs; returns the number
 * of values read. Each value is kept in vals for the caller to release. */
static size_t
ld_load(const char *s, json_t **vals, struct ld_objs *objs)
{
	json_error_t jerr;
	size_t n = 0, len = strlen(s), at = 0;
	json_t *v;

	while (n < LD_MAX_VALUES && at < len) {
		while (at < len && s[at] != '{' && s[at] != '[')
			at++;
		if (at >= len)
			break;
		v = json_loadb(s + at, len - at, JSON_DISABLE_EOF_CHECK |
		    JSON_DECODE_ANY, &jerr);
		if (v == NULL)
			break;
		vals[n++] = v;
		ld_collect(v, objs, 0);
		if (jerr.position <= 0)
			break;
		at += (size_t)jerr.position;
	}
	return n;
}

void
meta_ld_parse(const char *text, struct meta_ld *ld)
{
	json_t *vals[LD_MAX_VALUES];
	struct ld_objs objs = {.n = 0};
	char *s;
	size_t n, i;

	s = ld_clean(text);
	if (s == NULL)
		return;
	n = ld_load(s, vals, &objs);
	if (n == 0) {
		meta_unescape(s);
		n = ld_load(s, vals, &objs);
	}
	for (i = 0; i < objs.n; i++)
		ld_object(objs.v[i], &objs, ld);
	for (i = 0; i < n; i++)
		json_decref(vals[i]);
	free(s);
}

void
meta_ld_free(struct meta_ld *ld)
{
	free(ld->headline);
	free(ld->published);
	free(ld->modified);
	free(ld->publisher);
	free(ld->lang);
	free(ld->url);
	strlist_free(&ld->authors);
	strlist_free(&ld->sites);
	memset(ld, 0, sizeof(*ld));
}
