/* JSON-LD (schema.org) metadata: the article object and its kin. */
#include "html_meta_int.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "arena.h"

/* Objects looked at in one script; the rest of a huge graph is noise. */
#define LD_MAX_OBJECTS 256
/* Concatenated top-level values read from one script. */
#define LD_MAX_VALUES 8
/* Limits of the fast reader (ld_read_value()); a value beyond them is
 * read by jansson instead. */
#define LD_READ_DEPTH 256
#define LD_READ_MEMBERS 256
#define LD_READ_NUMBER 15

/* A JSON value as the JSON-LD reader sees it: what jansson would make of
 * the same text (a member of an object carries its key; a key given
 * twice keeps its first place and its last value). Nodes live in a
 * struct arena; strings in the reader's buffer or in jansson's
 * values, which outlive the tree. */
enum ld_kind { LDV_NULL, LDV_TRUE, LDV_FALSE, LDV_NUM, LDV_STR, LDV_ARR,
	LDV_OBJ };

struct ld_val {
	enum ld_kind kind;
	const char *s;          /* LDV_STR: the decoded text */
	const char *key;        /* a member of an object: its key */
	struct ld_val *first;   /* LDV_ARR, LDV_OBJ: elements or members */
	struct ld_val *last;
	struct ld_val *next;
	size_t n;
};

struct ld_objs {
	struct ld_val *v[LD_MAX_OBJECTS];
	size_t n;
};

static struct ld_val *
ld_new(struct arena *a, enum ld_kind kind)
{
	struct ld_val *v = arena_zero(a, sizeof(*v));

	v->kind = kind;
	return v;
}

/* Appends v to the array or object o; a member whose key o has already
 * takes the old member's place, as jansson's json_object_set() does. */
static void
ld_add(struct ld_val *o, struct ld_val *v)
{
	struct ld_val *m, *prev = NULL;

	if (o->kind == LDV_OBJ) {
		for (m = o->first; m != NULL; prev = m, m = m->next) {
			if (strcmp(m->key, v->key) != 0)
				continue;
			v->next = m->next;
			if (prev != NULL)
				prev->next = v;
			else
				o->first = v;
			if (o->last == m)
				o->last = v;
			return;
		}
	}
	if (o->last != NULL)
		o->last->next = v;
	else
		o->first = v;
	o->last = v;
	o->n++;
}

/* The tree of a value jansson read; borrows its strings. */
static struct ld_val *
ld_from_json(json_t *j, struct arena *a)
{
	struct ld_val *v, *e;
	const char *k;
	json_t *x;
	size_t i;

	switch (json_typeof(j)) {
	case JSON_OBJECT:
		v = ld_new(a, LDV_OBJ);
		/* jansson's keys are unique: append */
		json_object_foreach(j, k, x) {
			e = ld_from_json(x, a);
			e->key = k;
			if (v->last != NULL)
				v->last->next = e;
			else
				v->first = e;
			v->last = e;
			v->n++;
		}
		return v;
	case JSON_ARRAY:
		v = ld_new(a, LDV_ARR);
		json_array_foreach(j, i, x)
			ld_add(v, ld_from_json(x, a));
		return v;
	case JSON_STRING:
		v = ld_new(a, LDV_STR);
		v->s = json_string_value(j);
		return v;
	case JSON_INTEGER:
	case JSON_REAL:
		return ld_new(a, LDV_NUM);
	case JSON_TRUE:
		return ld_new(a, LDV_TRUE);
	case JSON_FALSE:
		return ld_new(a, LDV_FALSE);
	default:
		return ld_new(a, LDV_NULL);
	}
}

/* The fast reader: a strict JSON parser for the common case. It accepts
 * only text that jansson (json_loadb() with JSON_DISABLE_EOF_CHECK)
 * reads to the same values and the same end; on anything else (an
 * error, or what it does not handle: exponents, long numbers, deep or
 * wide values) it gives up and the caller asks jansson. */
struct ld_reader {
	const unsigned char *p;
	const unsigned char *end;
	char *out;             /* decoded strings, NUL-terminated */
	size_t outn;
	size_t outcap;
	struct arena *arena;
	int depth;
};

static struct ld_val *ld_read_value(struct ld_reader *r);

static void
ld_read_ws(struct ld_reader *r)
{
	while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' ||
	    *r->p == '\n' || *r->p == '\r'))
		r->p++;
}

static int
ld_hex4(const unsigned char *p, const unsigned char *end)
{
	int v = 0, i, d;

	if (end - p < 4)
		return -1;
	for (i = 0; i < 4; i++) {
		if (p[i] >= '0' && p[i] <= '9')
			d = p[i] - '0';
		else if (p[i] >= 'a' && p[i] <= 'f')
			d = p[i] - 'a' + 10;
		else if (p[i] >= 'A' && p[i] <= 'F')
			d = p[i] - 'A' + 10;
		else
			return -1;
		v = v * 16 + d;
	}
	return v;
}

/* Length of the valid UTF-8 sequence at p (not an overlong form, a
 * surrogate or above U+10FFFF), or 0. */
static size_t
ld_utf8_len(const unsigned char *p, const unsigned char *end)
{
	size_t n, i;
	unsigned char lo = 0x80, hi = 0xbf;

	if (*p >= 0xc2 && *p <= 0xdf)
		n = 2;
	else if (*p >= 0xe0 && *p <= 0xef)
		n = 3;
	else if (*p >= 0xf0 && *p <= 0xf4)
		n = 4;
	else
		return 0;
	if (*p == 0xe0)
		lo = 0xa0;
	else if (*p == 0xed)
		hi = 0x9f;
	else if (*p == 0xf0)
		lo = 0x90;
	else if (*p == 0xf4)
		hi = 0x8f;
	if ((size_t)(end - p) < n || p[1] < lo || p[1] > hi)
		return 0;
	for (i = 2; i < n; i++)
		if (p[i] < 0x80 || p[i] > 0xbf)
			return 0;
	return n;
}

/* Reads the string at r->p (an opening quote) into r->out; its text, or
 * NULL. */
static const char *
ld_read_string(struct ld_reader *r)
{
	const unsigned char *p = r->p + 1;
	size_t start = r->outn, n;
	char *o;
	int c, lo;

	for (;;) {
		if (p >= r->end || r->outcap - r->outn < 5)
			return NULL;
		o = r->out + r->outn;
		if (*p == '"')
			break;
		if (*p < 0x20)
			return NULL;
		if (*p >= 0x80) {
			n = ld_utf8_len(p, r->end);
			if (n == 0)
				return NULL;
			memcpy(o, p, n);
			r->outn += n;
			p += n;
			continue;
		}
		if (*p != '\\') {
			*o = (char)*p++;
			r->outn++;
			continue;
		}
		p++;
		if (p >= r->end)
			return NULL;
		switch (*p) {
		case '"': case '\\': case '/':
			c = *p;
			break;
		case 'b':
			c = '\b';
			break;
		case 'f':
			c = '\f';
			break;
		case 'n':
			c = '\n';
			break;
		case 'r':
			c = '\r';
			break;
		case 't':
			c = '\t';
			break;
		case 'u':
			c = ld_hex4(p + 1, r->end);
			if (c <= 0 || (c >= 0xdc00 && c <= 0xdfff))
				return NULL;
			p += 4;
			if (c >= 0xd800 && c <= 0xdbff) {
				if (r->end - p < 7 || p[1] != '\\' ||
				    p[2] != 'u')
					return NULL;
				lo = ld_hex4(p + 3, r->end);
				if (lo < 0xdc00 || lo > 0xdfff)
					return NULL;
				c = 0x10000 + ((c - 0xd800) << 10) +
				    (lo - 0xdc00);
				p += 6;
			}
			break;
		default:
			return NULL;
		}
		p++;
		if (c < 0x80) {
			o[0] = (char)c;
			n = 1;
		} else if (c < 0x800) {
			o[0] = (char)(0xc0 | (c >> 6));
			o[1] = (char)(0x80 | (c & 0x3f));
			n = 2;
		} else if (c < 0x10000) {
			o[0] = (char)(0xe0 | (c >> 12));
			o[1] = (char)(0x80 | ((c >> 6) & 0x3f));
			o[2] = (char)(0x80 | (c & 0x3f));
			n = 3;
		} else {
			o[0] = (char)(0xf0 | (c >> 18));
			o[1] = (char)(0x80 | ((c >> 12) & 0x3f));
			o[2] = (char)(0x80 | ((c >> 6) & 0x3f));
			o[3] = (char)(0x80 | (c & 0x3f));
			n = 4;
		}
		r->outn += n;
	}
	r->out[r->outn++] = '\0';
	r->p = p + 1;
	return r->out + start;
}

static bool
ld_digit(const struct ld_reader *r, const unsigned char *p)
{
	return p < r->end && *p >= '0' && *p <= '9';
}

static struct ld_val *
ld_read_number(struct ld_reader *r)
{
	const unsigned char *p = r->p;

	if (*p == '-')
		p++;
	if (ld_digit(r, p) && *p == '0') {
		p++;
		if (ld_digit(r, p))
			return NULL;
	} else if (ld_digit(r, p)) {
		while (ld_digit(r, p))
			p++;
	} else {
		return NULL;
	}
	if (p < r->end && *p == '.') {
		p++;
		if (!ld_digit(r, p))
			return NULL;
		while (ld_digit(r, p))
			p++;
	}
	if ((p < r->end && (*p == 'e' || *p == 'E')) ||
	    p - r->p > LD_READ_NUMBER)
		return NULL;
	r->p = p;
	return ld_new(r->arena, LDV_NUM);
}

static struct ld_val *
ld_read_word(struct ld_reader *r)
{
	const unsigned char *p = r->p;
	size_t n;

	while (p < r->end && ((*p >= 'a' && *p <= 'z') ||
	    (*p >= 'A' && *p <= 'Z')))
		p++;
	n = (size_t)(p - r->p);
	r->p = p;
	if (n == 4 && memcmp(p - 4, "true", 4) == 0)
		return ld_new(r->arena, LDV_TRUE);
	if (n == 5 && memcmp(p - 5, "false", 5) == 0)
		return ld_new(r->arena, LDV_FALSE);
	if (n == 4 && memcmp(p - 4, "null", 4) == 0)
		return ld_new(r->arena, LDV_NULL);
	return NULL;
}

/* Reads an array (close ']') or object (close '}') after its opening
 * bracket. */
static struct ld_val *
ld_read_container(struct ld_reader *r, bool obj)
{
	struct ld_val *c = ld_new(r->arena, obj ? LDV_OBJ : LDV_ARR), *v;
	const char *key = NULL;
	unsigned char close = obj ? '}' : ']';

	if (++r->depth > LD_READ_DEPTH)
		return NULL;
	r->p++;
	ld_read_ws(r);
	if (r->p < r->end && *r->p == close) {
		r->p++;
		r->depth--;
		return c;
	}
	for (;;) {
		if (obj) {
			ld_read_ws(r);
			if (r->p >= r->end || *r->p != '"')
				return NULL;
			key = ld_read_string(r);
			if (key == NULL)
				return NULL;
			ld_read_ws(r);
			if (r->p >= r->end || *r->p != ':')
				return NULL;
			r->p++;
		}
		v = ld_read_value(r);
		if (v == NULL)
			return NULL;
		v->key = key;
		ld_add(c, v);
		if (c->n > LD_READ_MEMBERS)
			return NULL;
		ld_read_ws(r);
		if (r->p >= r->end)
			return NULL;
		if (*r->p == close)
			break;
		if (*r->p != ',')
			return NULL;
		r->p++;
	}
	r->p++;
	r->depth--;
	return c;
}

static struct ld_val *
ld_read_value(struct ld_reader *r)
{
	struct ld_val *v;
	const char *s;

	ld_read_ws(r);
	if (r->p >= r->end)
		return NULL;
	switch (*r->p) {
	case '{':
		return ld_read_container(r, true);
	case '[':
		return ld_read_container(r, false);
	case '"':
		s = ld_read_string(r);
		if (s == NULL)
			return NULL;
		v = ld_new(r->arena, LDV_STR);
		v->s = s;
		return v;
	case '-': case '0': case '1': case '2': case '3': case '4':
	case '5': case '6': case '7': case '8': case '9':
		return ld_read_number(r);
	default:
		return ld_read_word(r);
	}
}

/* Accessors that take NULL and any kind, as jansson's do. */
static struct ld_val *
ld_get(const struct ld_val *o, const char *key)
{
	struct ld_val *m;

	if (o == NULL || o->kind != LDV_OBJ)
		return NULL;
	for (m = o->first; m != NULL; m = m->next)
		if (strcmp(m->key, key) == 0)
			return m;
	return NULL;
}

static const char *
ld_sval(const struct ld_val *v)
{
	return v != NULL && v->kind == LDV_STR ? v->s : NULL;
}

static bool
ld_is(const struct ld_val *v, enum ld_kind kind)
{
	return v != NULL && v->kind == kind;
}

static struct ld_val *
ld_first(const struct ld_val *v)
{
	return ld_is(v, LDV_ARR) ? v->first : NULL;
}

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

/* The @type of object o, or its "type" where it has no @type (a common
 * slip of hand-written JSON-LD: {"@context": "http://schema.org",
 * "type": "Article", ...}); NULL where it has neither. */
static const struct ld_val *
ld_type(const struct ld_val *o)
{
	const struct ld_val *t = ld_get(o, "@type");

	return t != NULL ? t : ld_get(o, "type");
}

static int
ld_rank(const struct ld_val *o)
{
	const struct ld_val *t = ld_type(o), *e;
	int r, best = 0;

	if (ld_is(t, LDV_STR))
		return ld_type_rank(t->s);
	for (e = ld_first(t); e != NULL; e = e->next) {
		r = ld_type_rank(ld_sval(e));
		if (r > best)
			best = r;
	}
	return best;
}

static bool
ld_is_type(const struct ld_val *o, const char *name)
{
	const struct ld_val *t = ld_type(o), *e;

	if (ld_is(t, LDV_STR))
		return strcmp(t->s, name) == 0;
	for (e = ld_first(t); e != NULL; e = e->next)
		if (ld_is(e, LDV_STR) && strcmp(e->s, name) == 0)
			return true;
	return false;
}

/* Collects the objects of v in document order: arrays, @graph and the
 * values of every key are walked, so nested articles are found too. */
static void
ld_collect(struct ld_val *v, struct ld_objs *objs, int depth)
{
	struct ld_val *e;

	if (depth > 12 || objs->n >= LD_MAX_OBJECTS)
		return;
	if (v->kind == LDV_ARR) {
		for (e = v->first; e != NULL; e = e->next)
			ld_collect(e, objs, depth + 1);
	} else if (v->kind == LDV_OBJ) {
		objs->v[objs->n++] = v;
		for (e = v->first; e != NULL; e = e->next)
			if (e->kind == LDV_OBJ || e->kind == LDV_ARR)
				ld_collect(e, objs, depth + 1);
	}
}

/* The object with @id equal to that of ref (a {"@id": ...} reference),
 * or ref itself. */
static const struct ld_val *
ld_resolve(const struct ld_val *ref, const struct ld_objs *objs)
{
	const char *id, *oid;
	size_t i;

	if (!ld_is(ref, LDV_OBJ) || ld_get(ref, "name") != NULL)
		return ref;
	id = ld_sval(ld_get(ref, "@id"));
	if (id == NULL)
		return ref;
	for (i = 0; i < objs->n; i++) {
		if (objs->v[i] == ref || ld_get(objs->v[i], "name") == NULL)
			continue;
		oid = ld_sval(ld_get(objs->v[i], "@id"));
		if (oid != NULL && strcmp(oid, id) == 0)
			return objs->v[i];
	}
	return ref;
}

/* s folded (meta_fold()); s is freed. NULL when nothing is left. */
static char *
ld_fold_take(char *s)
{
	char *f = meta_fold(s);

	free(s);
	if (f[0] == '\0') {
		free(f);
		return NULL;
	}
	return f;
}

/* A folded, unescaped copy of a string value, or NULL when empty. */
static char *
ld_str(const struct ld_val *v)
{
	char *s;

	if (!ld_is(v, LDV_STR))
		return NULL;
	s = xstrdup(v->s);
	meta_unescape(s);
	return ld_fold_take(s);
}

/* s without the HTML tags a CMS left in it ("<a href=...>Jane Doe</a>"
 * gives "Jane Doe"), folded; s is freed. NULL when nothing is left. */
static char *
ld_untag(char *s)
{
	char *o, *p;

	if (s == NULL || strchr(s, '<') == NULL)
		return s;
	for (p = o = s; *p != '\0'; p++) {
		if (*p == '<' && strchr(p, '>') != NULL) {
			p = strchr(p, '>');
			*o++ = ' ';
			continue;
		}
		*o++ = *p;
	}
	*o = '\0';
	return ld_fold_take(s);
}

/* The name value of a Person/Organization value: a string, the name of
 * an object (or of the object a reference points to). */
static const struct ld_val *
ld_name_val(const struct ld_val *v, const struct ld_objs *objs)
{
	const struct ld_val *n;

	if (ld_is(v, LDV_STR))
		return v;
	v = ld_resolve(v, objs);
	n = ld_get(v, "name");
	if (ld_is(n, LDV_OBJ))
		n = ld_get(n, "@value");
	return n;
}

/* The name of a Person/Organization value: a string, an object with a
 * name (or a reference to one), or the first of an array. */
static char *
ld_name(const struct ld_val *v, const struct ld_objs *objs)
{
	const struct ld_val *n;

	if (ld_is(v, LDV_ARR))
		v = v->first;
	n = ld_name_val(v, objs);
	if (ld_is(n, LDV_ARR))
		n = n->first;
	if (ld_is(n, LDV_OBJ))
		n = ld_get(n, "@value");
	return ld_untag(ld_str(n));
}

/* The URL of a schema.org image value: a string, an ImageObject (its url
 * or contentUrl), or the first of an array of either. */
static char *
ld_image(const struct ld_val *v)
{
	const struct ld_val *u;

	if (ld_is(v, LDV_ARR))
		v = v->first;
	if (ld_is(v, LDV_STR))
		return ld_str(v);
	if (!ld_is(v, LDV_OBJ))
		return NULL;
	u = ld_get(v, "url");
	if (!ld_is(u, LDV_STR))
		u = ld_get(v, "contentUrl");
	return ld_str(u);
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

/* Where the name of author value v is one word, the opening of its
 * description up to a dash or a punctuation mark (at most 40 bytes)
 * goes to ld->bios: a profile's text most often opens with the full name
 * ("Stefanus Stahl - Maschinenbauer, Abenteurer ..."). */
static void
ld_bio(const struct ld_val *v, const char *name, const struct ld_objs *objs,
    struct meta_ld *ld)
{
	static const char *const dashes[] = { " - ", " \xe2\x80\x93 " };
	const char *q, *id, *oid;
	char *d;
	size_t n, i;

	if (strchr(name, ' ') != NULL || ld->bios.n >= META_MAX_LIST ||
	    ld_is(v, LDV_STR))
		return;
	v = ld_resolve(v, objs);
	id = ld_sval(ld_get(v, "@id"));
	/* a reference that names the author and the node it points to */
	for (i = 0; ld_get(v, "description") == NULL && id != NULL &&
	    i < objs->n; i++)
		if (objs->v[i] != v && (oid = ld_sval(ld_get(objs->v[i],
		    "@id"))) != NULL && strcmp(oid, id) == 0)
			v = objs->v[i];
	d = ld_str(ld_get(v, "description"));
	if (d == NULL)
		return;
	n = strcspn(d, ",.:;!?(|");
	for (i = 0; i < sizeof(dashes) / sizeof(dashes[0]); i++)
		if ((q = strstr(d, dashes[i])) != NULL && (size_t)(q - d) < n)
			n = (size_t)(q - d);
	d[n] = '\0';
	if (n <= 40 && strncmp(d, name, strlen(name)) == 0 &&
	    d[strlen(name)] == ' ')
		strlist_push_owned(&ld->bios, d);
	else
		free(d);
}

/* Adds the names of author value e to names: one, or where its name is
 * an array of strings, each (a CMS's list of authors in one Person,
 * "name": ["<a ...>Jane Doe</a>", "<a ...>John Roe</a>"]). */
static void
ld_author_names(const struct ld_val *e, const struct ld_objs *objs,
    struct meta_ld *ld, struct strlist *names)
{
	const struct ld_val *n = ld_name_val(e, objs), *k;
	char *s;

	if (ld_is(n, LDV_ARR) && n->first != NULL &&
	    n->first->next != NULL) {
		for (k = n->first; k != NULL; k = k->next) {
			s = ld_untag(ld_str(k));
			if (s != NULL && names->n < META_MAX_LIST)
				strlist_push_owned(names, s);
			else
				free(s);
		}
		return;
	}
	s = ld_name(e, objs);
	if (s != NULL)
		ld_bio(e, s, objs, ld);
	if (s != NULL && names->n < META_MAX_LIST)
		strlist_push_owned(names, s);
	else
		free(s);
}

static void
ld_authors(const struct ld_val *o, const struct ld_objs *objs,
    struct meta_ld *ld, int rank)
{
	const struct ld_val *au = ld_get(o, "author"), *e;
	struct strlist names = {0};

	if (au == NULL)
		au = ld_get(o, "creator");
	if (au == NULL || rank <= ld->rank[LD_AUTHORS])
		return;
	if (ld_is(au, LDV_ARR)) {
		for (e = au->first; e != NULL; e = e->next)
			ld_author_names(e, objs, ld, &names);
	} else {
		ld_author_names(au, objs, ld, &names);
	}
	if (names.n == 0)
		return;
	strlist_free(&ld->authors);
	ld->authors = names;
	ld->rank[LD_AUTHORS] = rank;
}

static void
ld_object(const struct ld_val *o, const struct ld_objs *objs,
    struct meta_ld *ld)
{
	int rank = ld_rank(o);
	const struct ld_val *v;
	char *s;

	if ((ld_is_type(o, "WebSite") || ld_is_type(o, "Organization") ||
	    ld_is_type(o, "NewsMediaOrganization")) &&
	    ld->sites.n < META_MAX_LIST) {
		s = ld_str(ld_get(o, "name"));
		if (s != NULL)
			strlist_push_owned(&ld->sites, s);
	}
	if (rank == 0)
		return;
	v = ld_get(o, "headline");
	if (v == NULL)
		v = ld_get(o, "name");
	ld_set(ld, LD_HEADLINE, &ld->headline, ld_str(v), rank);
	v = ld_get(o, "datePublished");
	if (v == NULL)
		v = ld_get(o, "dateCreated");
	if (ld_is(v, LDV_ARR))
		v = v->first;
	ld_set(ld, LD_PUBLISHED, &ld->published, ld_str(v), rank);
	v = ld_get(o, "dateModified");
	if (ld_is(v, LDV_ARR))
		v = v->first;
	ld_set(ld, LD_MODIFIED, &ld->modified, ld_str(v), rank);
	v = ld_get(o, "publisher");
	if (v != NULL)
		ld_set(ld, LD_PUBLISHER, &ld->publisher, ld_name(v, objs),
		    rank);
	v = ld_get(o, "inLanguage");
	if (ld_is(v, LDV_OBJ))
		v = ld_get(v, "alternateName");
	ld_set(ld, LD_LANG, &ld->lang, ld_str(v), rank);
	v = ld_get(o, "url");
	if (!ld_is(v, LDV_STR)) {
		v = ld_get(o, "mainEntityOfPage");
		if (ld_is(v, LDV_OBJ))
			v = ld_get(v, "@id");
	}
	ld_set(ld, LD_URL, &ld->url, ld_str(v), rank);
	v = ld_get(o, "image");
	if (v == NULL)
		v = ld_get(o, "thumbnailUrl");
	ld_set(ld, LD_IMAGE, &ld->image, ld_image(v), rank);
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

/* What the values of one script are made of, released together. */
struct ld_doc {
	struct arena arena;
	json_t *json[2 * LD_MAX_VALUES];  /* values jansson read */
	size_t njson;
	char *bufs[2];                    /* the fast reader's strings */
	size_t nbufs;
};

static void
ld_doc_free(struct ld_doc *d)
{
	size_t i;

	for (i = 0; i < d->njson; i++)
		json_decref(d->json[i]);
	for (i = 0; i < d->nbufs; i++)
		free(d->bufs[i]);
	arena_free(&d->arena);
}

/* Parses the concatenated JSON values in s into objs; returns the number
 * of values read. Each value is read by the fast reader, or by jansson
 * when the reader gives up, so that the values and where each ends are
 * jansson's. */
static size_t
ld_load(const char *s, struct ld_doc *d, struct ld_objs *objs)
{
	json_error_t jerr;
	size_t n = 0, len = strlen(s), at = 0, used = 0, pos;
	struct ld_reader r;
	struct ld_val *v;
	json_t *j;
	char *buf;

	if (d->nbufs == sizeof(d->bufs) / sizeof(d->bufs[0]))
		return 0;
	buf = xmalloc(len + 1);
	d->bufs[d->nbufs++] = buf;
	while (n < LD_MAX_VALUES && at < len) {
		while (at < len && s[at] != '{' && s[at] != '[')
			at++;
		if (at >= len)
			break;
		memset(&r, 0, sizeof(r));
		r.p = (const unsigned char *)s + at;
		r.end = (const unsigned char *)s + len;
		r.out = buf;
		r.outn = used;
		r.outcap = len + 1;
		r.arena = &d->arena;
		v = ld_read_value(&r);
		if (v != NULL) {
			used = r.outn;
			pos = (size_t)(r.p - ((const unsigned char *)s + at));
		} else {
			j = json_loadb(s + at, len - at,
			    JSON_DISABLE_EOF_CHECK | JSON_DECODE_ANY, &jerr);
			if (j == NULL)
				break;
			d->json[d->njson++] = j;
			v = ld_from_json(j, &d->arena);
			pos = jerr.position > 0 ? (size_t)jerr.position : 0;
		}
		n++;
		ld_collect(v, objs, 0);
		if (pos == 0)
			break;
		at += pos;
	}
	return n;
}

void
meta_ld_parse(const char *text, struct meta_ld *ld)
{
	struct ld_objs objs = {.n = 0};
	struct ld_doc d;
	char *s;
	size_t n, i;

	s = ld_clean(text);
	if (s == NULL)
		return;
	memset(&d, 0, sizeof(d));
	n = ld_load(s, &d, &objs);
	if (n == 0) {
		meta_unescape(s);
		(void)ld_load(s, &d, &objs);
	}
	for (i = 0; i < objs.n; i++)
		ld_object(objs.v[i], &objs, ld);
	ld_doc_free(&d);
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
	free(ld->image);
	strlist_free(&ld->authors);
	strlist_free(&ld->bios);
	strlist_free(&ld->sites);
	memset(ld, 0, sizeof(*ld));
}
