/* Article metadata from an HTML page: one walk over the tree gathers every
 * candidate (struct meta_cands), then each field is decided from them in
 * order of trust. */
#include "html_meta.h"

#include <assert.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/uri.h>

#include "../date.h"
#include "html_meta_int.h"
#include "html_strip.h"

/* Nesting deeper than this is not walked (libxml2 caps it lower). */
#define META_MAX_DEPTH 512
/* Most <meta> elements kept. */
#define META_MAX_METAS 512
/* Longest text of a byline or date node that is looked at. */
#define META_BYLINE_MAX 160
#define META_DATE_TEXT_MAX 200
/* How much page text after the headline is searched for a date. */
#define META_AFTER_TITLE 600
#define META_BEFORE_TITLE 160
/* Longest text node near the headline that is read as a date line. */
#define META_LINE_MAX 100
/* How much short-line page text is searched when nothing else dates it. */
#define META_PAGE_LINES 40000
/* Most <meta> elements of one author key read as the page's. */
#define META_META_AUTHORS 4
/* How many short texts under the headline are read for a byline. */
#define META_BYLINE_LINES 12
/* Longest line read as "date - name". */
#define META_DATELINE_MAX 64
/* No news page is older than this: 1995-01-01T00:00:00Z. */
#define META_EPOCH 788918400

#define NKEYS(k) (sizeof(k) / sizeof((k)[0]))

/* A list of nodes of the page, in document order. */
struct meta_nodes {
	xmlNodePtr *v;
	size_t n;
	size_t cap;
};

/* State of the walk that is not a result: nodes that later steps look
 * at again, found by the one walk so that they need no walk of their
 * own. */
struct meta_walk {
	xmlNodePtr first_h1;
	/* h1..h3 outside <head>, not inside another of them, nor deeper
	 * than META_MAX_DEPTH - 1: where the headline may be */
	struct meta_nodes heads;
	/* <script>s with text that are not JSON-LD: page-state JSON */
	struct meta_nodes scripts;
};

static void
meta_nodes_push(struct meta_nodes *l, xmlNodePtr n)
{
	if (l->n == l->cap) {
		l->cap = l->cap != 0 ? 2 * l->cap : 16;
		l->v = xrealloc(l->v, l->cap * sizeof(l->v[0]));
	}
	l->v[l->n++] = n;
}

/* The attributes of one element that the walk reads, taken in one pass
 * over its attribute list: each is the value of the first attribute of
 * that name (ASCII case-insensitive) that has a value, as meta_attr()
 * gives it, or NULL. Borrowed from the tree. */
struct meta_attrs {
	const char *cls, *id, *itemprop, *rel, *title, *type, *property,
	    *name, *http_equiv, *content, *datetime, *pubdate, *href, *lang,
	    *xml_lang;
	uint64_t cls_cw;  /* meta_cw_scan() of cls and of id */
	uint64_t id_cw;
};

/* Class and id words of reader comments, of a site logo and of a kicker
 * over a headline. */
#define META_CW_COMMENTS (CW(CW_COMMENT) | CW(CW_RESPOND))
#define META_CW_LOGO (CW(CW_LOGO) | CW(CW_SITE_TITLE) | CW(CW_SITE_NAME) | \
	CW(CW_SITENAME) | CW(CW_BRAND) | CW(CW_BLOG_TITLE) | \
	CW(CW_BLOGNAME) | CW(CW_BLOG_NAME) | CW(CW_MASTHEAD) | \
	CW(CW_SITE_HEADER) | CW(CW_HEADER_TITLE) | CW(CW_SITE_TITLE2) | \
	CW(CW_SITETITLE))
#define META_CW_KICKER (CW(CW_KICKER) | CW(CW_OVERLINE) | \
	CW(CW_ROOFLINE) | CW(CW_TOPLINE) | CW(CW_DACHZEILE) | \
	CW(CW_EYEBROW) | CW(CW_RUBRIC) | CW(CW_FLAG) | CW(CW_SUPERTITLE) | \
	CW(CW_PRETITLE) | CW(CW_SPITZMARKE) | CW(CW_CATEGORY))

static const char *
meta_attr(xmlNodePtr n, const char *name)
{
	xmlAttrPtr a;

	assert(html_strip_attr_kept(name));
	for (a = n->properties; a != NULL; a = a->next)
		if (xmlStrcasecmp(a->name, BAD_CAST name) == 0 &&
		    a->children != NULL && a->children->content != NULL)
			return (const char *)a->children->content;
	return NULL;
}

/* True when the space-separated value v holds a word containing w
 * (ASCII case-insensitive). */
static bool
meta_attr_has(const char *v, const char *w)
{
	return v != NULL && strcasestr(v, w) != NULL;
}

static bool
meta_is(xmlNodePtr n, const char *name)
{
	return xmlStrcasecmp(n->name, BAD_CAST name) == 0;
}

/* True when name is want (lower case) but for ASCII case. */
static bool
meta_name_is(const xmlChar *name, const char *want)
{
	for (; *want != '\0'; name++, want++)
		if ((*name >= 'A' && *name <= 'Z' ? *name + ('a' - 'A') :
		    *name) != (unsigned char)*want)
			return false;
	return *name == '\0';
}

/* Fills at from the attributes of element n in one pass. */
static void
meta_attrs_read(xmlNodePtr n, struct meta_attrs *at)
{
	const xmlChar *nm;
	const char **slot;
	xmlAttrPtr a;

	/* field by field: a memset of the struct compiles to rep stos,
	 * slow to start, and most elements have no attribute */
	at->cls = at->id = at->itemprop = at->rel = at->title = NULL;
	at->type = at->property = at->name = at->http_equiv = NULL;
	at->content = at->datetime = at->pubdate = at->href = NULL;
	at->lang = at->xml_lang = NULL;
	at->cls_cw = at->id_cw = 0;
	for (a = n->properties; a != NULL; a = a->next) {
		nm = a->name;
		if (nm == NULL)
			continue;
		slot = NULL;
		switch (nm[0] | 0x20) {
		case 'c':
			if (meta_name_is(nm, "class"))
				slot = &at->cls;
			else if (meta_name_is(nm, "content"))
				slot = &at->content;
			break;
		case 'd':
			if (meta_name_is(nm, "datetime"))
				slot = &at->datetime;
			break;
		case 'h':
			if (meta_name_is(nm, "href"))
				slot = &at->href;
			else if (meta_name_is(nm, "http-equiv"))
				slot = &at->http_equiv;
			break;
		case 'i':
			if (meta_name_is(nm, "id"))
				slot = &at->id;
			else if (meta_name_is(nm, "itemprop"))
				slot = &at->itemprop;
			break;
		case 'l':
			if (meta_name_is(nm, "lang"))
				slot = &at->lang;
			break;
		case 'n':
			if (meta_name_is(nm, "name"))
				slot = &at->name;
			break;
		case 'p':
			if (meta_name_is(nm, "property"))
				slot = &at->property;
			else if (meta_name_is(nm, "pubdate"))
				slot = &at->pubdate;
			break;
		case 'r':
			if (meta_name_is(nm, "rel"))
				slot = &at->rel;
			break;
		case 't':
			if (meta_name_is(nm, "type"))
				slot = &at->type;
			else if (meta_name_is(nm, "title"))
				slot = &at->title;
			break;
		case 'x':
			if (meta_name_is(nm, "xml:lang"))
				slot = &at->xml_lang;
			break;
		default:
			break;
		}
		/* the value is looked at only for the names wanted */
		if (slot != NULL && *slot == NULL && a->children != NULL &&
		    a->children->content != NULL)
			*slot = (const char *)a->children->content;
	}
	if (at->cls != NULL)
		at->cls_cw = meta_cw_scan(at->cls);
	if (at->id != NULL)
		at->id_cw = meta_cw_scan(at->id);
}

/* True when l holds all the values of its kind that are kept: a value
 * for it need not be computed. */
static bool
meta_full(const struct strlist *l)
{
	return l->n >= META_MAX_LIST;
}

static void
meta_push_cap(struct strlist *l, char *s)
{
	if (s == NULL)
		return;
	if (s[0] == '\0' || l->n >= META_MAX_LIST) {
		free(s);
		return;
	}
	strlist_push_owned(l, s);
}

/* The value a date-bearing element states: datetime, content or title
 * attribute, else its text. */
static char *
meta_time_value(xmlNodePtr n, enum meta_tag tag, const struct meta_attrs *at)
{
	const char *v = at->datetime;

	if (v == NULL)
		v = at->content;
	if (v == NULL && tag == MT_ABBR)
		v = at->title;
	if (v != NULL)
		return meta_fold(v);
	return meta_node_text(n, META_DATE_TEXT_MAX);
}

/* The name of an itemprop=author element: its itemprop=name descendant,
 * its content attribute, or its own text. */
static char *
meta_prop_name(xmlNodePtr n, int depth)
{
	xmlNodePtr c;
	const char *v;
	char *s;

	for (c = n->children; c != NULL && depth < 8; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		v = meta_attr(c, "itemprop");
		if (v != NULL && strcmp(v, "name") == 0) {
			v = meta_attr(c, "content");
			return v != NULL ? meta_fold(v) :
			    meta_node_text(c, META_BYLINE_MAX);
		}
		s = meta_prop_name(c, depth + 1);
		if (s != NULL)
			return s;
	}
	if (depth > 0)
		return NULL;
	v = meta_attr(n, "content");
	return v != NULL ? meta_fold(v) : meta_node_text(n, META_BYLINE_MAX);
}

static bool
meta_is_logo_class(xmlNodePtr n)
{
	if (n == NULL || n->type != XML_ELEMENT_NODE)
		return false;
	return ((meta_cw_scan(meta_attr(n, "class")) |
	    meta_cw_scan(meta_attr(n, "id"))) & META_CW_LOGO) != 0;
}

/* True when the heading n is the site's logo: marked so by its class, or
 * a link to the site's home page. */
static bool
meta_is_logo(xmlNodePtr n)
{
	xmlNodePtr c, only = NULL;
	xmlURIPtr u;
	const char *href;
	bool home = false;

	if (meta_is_logo_class(n) || meta_is_logo_class(n->parent))
		return true;
	for (c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_ELEMENT_NODE) {
			if (only != NULL)
				return false;
			only = c;
		}
	}
	if (only == NULL || !meta_is(only, "a"))
		return false;
	href = meta_attr(only, "href");
	if (href == NULL)
		return false;
	u = xmlParseURI(href);
	if (u == NULL)
		return false;
	home = (u->path == NULL || strcmp(u->path, "/") == 0 ||
	    u->path[0] == '\0') && u->query == NULL && u->fragment == NULL;
	xmlFreeURI(u);
	return home;
}

/* True when element k is marked as a kicker, or followed by an element
 * that holds only punctuation (<span>:</span>). */
static bool
meta_is_kicker(xmlNodePtr k)
{
	xmlNodePtr x;
	char *t;
	bool punct = false;

	if ((meta_cw_scan(meta_attr(k, "class")) & META_CW_KICKER) != 0)
		return true;
	for (x = k->next; x != NULL && x->type != XML_ELEMENT_NODE;
	    x = x->next)
		;
	if (x == NULL)
		return false;
	t = meta_node_text(x, 16);
	punct = t[0] != '\0' && strspn(t, ":|-.") == strlen(t);
	free(t);
	return punct;
}

/* The heading text s of n without a kicker: when n starts with a marked
 * kicker element of at most six words ("<span class=kicker>Klimaschutz
 * </span>: Bohren, bis ...") and more text follows, the rest without
 * leading punctuation; else "". */
static char *
meta_heading_rest(xmlNodePtr n, const char *s)
{
	xmlNodePtr k;
	char *p, *r = NULL;
	size_t n0, w = 0;
	const char *q;

	for (k = n->children; k != NULL; k = k->next) {
		if (k->type == XML_ELEMENT_NODE)
			break;
		if (k->type == XML_TEXT_NODE && k->content != NULL)
			for (q = (const char *)k->content; *q != '\0'; q++)
				if (!isspace((unsigned char)*q))
					return xstrdup("");
	}
	if (k == NULL || !meta_is_kicker(k))
		return xstrdup("");
	p = meta_node_text(k, 256);
	n0 = strlen(p);
	for (q = p; *q != '\0'; q++)
		w += *q == ' ';
	if (n0 > 0 && w < 6 && strncmp(s, p, n0) == 0) {
		q = s + n0;
		while (*q == ' ' || *q == ':' || *q == '-' || *q == '|' ||
		    *q == '.' || *q == ',')
			q++;
		if (strlen(q) > n0)
			r = xstrdup(q);
	}
	free(p);
	return r != NULL ? r : xstrdup("");
}

/* An <h1> or <h2>: its text, and the text of its child elements (a
 * kicker and a headline in two spans), unless it is the logo. */
static void
meta_heading(xmlNodePtr n, bool h1, struct meta_cands *c,
    struct meta_walk *w)
{
	xmlNodePtr k;
	char *s;

	s = meta_node_text(n, 1024);
	if (s[0] == '\0') {
		free(s);
		return;
	}
	if (h1 && meta_is_logo(n)) {
		meta_push_cap(&c->logos, s);
		return;
	}
	if (h1 && w->first_h1 == NULL)
		w->first_h1 = n;
	if (!h1 && c->h2.n >= 8) {
		free(s);
		return;
	}
	if (h1 && c->h1.n < META_MAX_LIST) {
		strlist_push_owned(&c->h1, s);
		strlist_push_owned(&c->h1_rest, meta_heading_rest(n, s));
		if (c->h1_rest.v[c->h1_rest.n - 1][0] != '\0')
			strlist_push(&c->h_parts,
			    c->h1_rest.v[c->h1_rest.n - 1]);
	} else if (!h1) {
		meta_push_cap(&c->h2, s);
	} else {
		free(s);
	}
	for (k = n->children; k != NULL; k = k->next)
		if (k->type == XML_ELEMENT_NODE &&
		    meta_tag_of(k->name) != MT_BR)
			meta_push_cap(&c->h_parts, meta_node_text(k, 1024));
}

/* True when the first text inside n opens a byline: "By ", "von ",
 * "Posted by ", "Ein Artikel von " and their kin. */
static bool
meta_opens_byline(xmlNodePtr n)
{
	static const char *const leads[] = {
		"by ", "von ", "par ", "por ", "posted by ", "written by ",
		"ein artikel von ", "ein beitrag von ", "text von ", "text: ",
		"autor: ", "autorin: ", "author: ", "geschrieben von ",
		"verfasst von ", "escrito por ", "publié par ",
		"by\xc2\xa0", "von\xc2\xa0", "par\xc2\xa0", "por\xc2\xa0",
	};
	const char *t = NULL;
	xmlNodePtr k;
	size_t i;

	for (k = n->children; k != NULL && t == NULL; k = k->next) {
		if (k->type == XML_ELEMENT_NODE)
			return false;
		if (k->type != XML_TEXT_NODE || k->content == NULL)
			continue;
		t = (const char *)k->content;
		/* isspace() in the C locale, inline */
		while (*t == ' ' || (*t >= '\t' && *t <= '\r'))
			t++;
		if (*t == '\0')
			t = NULL;
	}
	if (t == NULL)
		return false;
	/* the first letters of leads */
	switch (*t | 0x20) {
	case 'a': case 'b': case 'e': case 'g': case 'p': case 't':
	case 'v': case 'w':
		break;
	default:
		return false;
	}
	for (i = 0; i < NKEYS(leads); i++)
		if (tolower((unsigned char)*t) == leads[i][0] &&
		    strncasecmp(t, leads[i], strlen(leads[i])) == 0)
			return true;
	return false;
}

/* Takes what element n (of tag, with the attributes at) offers into c.
 * in_comments: n is a reader comment or inside one. */
static void
meta_element(xmlNodePtr n, enum meta_tag tag, const struct meta_attrs *at,
    struct meta_cands *c, struct meta_walk *w, bool in_comments)
{
	const uint64_t cls = at->cls_cw, id = at->id_cw;
	const char *key, *val, *prop;
	struct strlist *l;
	char *s;

	switch (tag) {
	case MT_META:
		key = at->property;
		if (key == NULL)
			key = at->name;
		if (key == NULL)
			key = at->itemprop;
		if (key == NULL)
			key = at->http_equiv;
		val = at->content;
		if (key != NULL && val != NULL &&
		    c->keys.n < META_MAX_METAS) {
			s = meta_fold(key);
			for (char *p = s; *p != '\0'; p++)
				*p = (char)tolower((unsigned char)*p);
			strlist_push_owned(&c->keys, s);
			strlist_push_owned(&c->vals, meta_fold(val));
		}
		return;
	case MT_SCRIPT:
		if (n->children == NULL || n->children->content == NULL)
			return;
		if (at->type != NULL && meta_attr_has(at->type, "ld+json"))
			meta_ld_parse((const char *)n->children->content,
			    &c->ld);
		else
			meta_nodes_push(&w->scripts, n);
		return;
	case MT_HTML:
		val = at->lang;
		if (val == NULL)
			val = at->xml_lang;
		if (val != NULL && c->html_lang == NULL)
			c->html_lang = meta_fold(val);
		break;
	case MT_TITLE:
		if (c->title_tag != NULL || n->parent == NULL ||
		    meta_tag_of(n->parent->name) == MT_SVG)
			break;
		s = meta_node_text(n, 1024);
		if (s[0] != '\0')
			c->title_tag = s;
		else
			free(s);
		break;
	case MT_LINK:
		if (at->rel != NULL && at->href != NULL &&
		    c->canonical == NULL &&
		    strcasecmp(at->rel, "canonical") == 0)
			c->canonical = meta_fold(at->href);
		break;
	case MT_H1:
	case MT_H2:
		meta_heading(n, tag == MT_H1, c, w);
		break;
	case MT_TIME:
		if (in_comments)
			break;
		prop = at->itemprop;
		if (prop != NULL && strcmp(prop, "dateModified") == 0)
			l = &c->mod_times;
		else if ((prop != NULL &&
		    strcmp(prop, "datePublished") == 0) ||
		    at->pubdate != NULL ||
		    (cls & (CW(CW_PUBLISH) | CW(CW_ENTRY_DATE) |
		    CW(CW_POST_DATE))) != 0)
			l = &c->pub_times;
		else if ((cls & (CW(CW_UPDATED) | CW(CW_MODIFIED))) != 0)
			l = &c->mod_times;
		else
			l = &c->times;
		if (!meta_full(l))
			meta_push_cap(l, meta_time_value(n, tag, at));
		break;
	case MT_A:
		if (at->rel != NULL && !in_comments &&
		    !meta_full(&c->rel_author) &&
		    meta_attr_has(at->rel, "author"))
			meta_push_cap(&c->rel_author,
			    meta_node_text(n, META_BYLINE_MAX));
		break;
	default:
		break;
	}
	prop = at->itemprop;
	if (prop != NULL && tag != MT_TIME) {
		l = NULL;
		if (strcmp(prop, "datePublished") == 0)
			l = &c->pub_times;
		else if (strcmp(prop, "dateModified") == 0)
			l = &c->mod_times;
		else if ((strcmp(prop, "author") == 0 ||
		    strcmp(prop, "creator") == 0) && !in_comments &&
		    !meta_full(&c->prop_author))
			meta_push_cap(&c->prop_author, meta_prop_name(n, 0));
		if (l != NULL && !meta_full(l))
			meta_push_cap(l, meta_time_value(n, tag, at));
	}
	if (at->cls != NULL && at->title != NULL && tag != MT_TIME) {
		l = NULL;
		if ((cls & CW(CW_PUBLISHED)) != 0)
			l = &c->pub_times;
		else if ((cls & CW(CW_UPDATED)) != 0)
			l = &c->mod_times;
		if (l != NULL && !meta_full(l))
			meta_push_cap(l, meta_fold(at->title));
	}
	if (in_comments || tag == MT_BODY || tag == MT_HTML ||
	    tag == MT_IMG)
		return;
	if (((cls & (CW(CW_BYLINE) | CW(CW_AUTHOR) | CW(CW_AUTOR) |
	    CW(CW_WRITER) | CW(CW_VERFASSER))) != 0 ||
	    (id & (CW(CW_BYLINE) | CW(CW_AUTHOR))) != 0) &&
	    !meta_full(&c->byline)) {
		s = meta_node_text(n, META_BYLINE_MAX + 1);
		if (strlen(s) <= META_BYLINE_MAX)
			meta_push_cap(&c->byline, s);
		else
			free(s);
	}
	if (!meta_full(&c->lead_byline) && meta_opens_byline(n)) {
		s = meta_node_text(n, META_BYLINE_MAX + 1);
		if (strlen(s) <= META_BYLINE_MAX)
			meta_push_cap(&c->lead_byline, s);
		else
			free(s);
	}
	if (((cls & (CW(CW_DATE) | CW(CW_POSTED) | CW(CW_META) |
	    CW(CW_BYLINE) | CW(CW_DATUM) | CW(CW_FECHA) | CW(CW_TIME) |
	    CW(CW_PUBLISHED))) != 0 || (id & CW(CW_DATE)) != 0) &&
	    !meta_full(&c->date_text)) {
		s = meta_node_text(n, META_DATE_TEXT_MAX + 1);
		if (strlen(s) <= META_DATE_TEXT_MAX)
			meta_push_cap(&c->date_text, s);
		else
			free(s);
	}
}

/* True for containers of reader comments, whose bylines and dates are not
 * the article's. */
static bool
meta_is_comments(xmlNodePtr n)
{
	return ((meta_cw_scan(meta_attr(n, "class")) |
	    meta_cw_scan(meta_attr(n, "id"))) & META_CW_COMMENTS) != 0;
}

/* Reads element n into c; returns whether it is a reader comment or
 * inside one (in_comments), and its tag in *tag. */
static bool
meta_visit(xmlNodePtr n, struct meta_cands *c, struct meta_walk *w,
    bool in_comments, enum meta_tag *tag)
{
	struct meta_attrs at;
	bool com;

	*tag = meta_tag_of(n->name);
	meta_attrs_read(n, &at);
	com = in_comments ||
	    ((at.cls_cw | at.id_cw) & META_CW_COMMENTS) != 0;
	meta_element(n, *tag, &at, c, w, com);
	return com;
}

/* The elements the walk is inside of: the outermost reader comment,
 * <head> and h1..h3. */
enum { META_IN_COMMENTS, META_IN_HEAD, META_IN_HEADING, META_NIN };

/* Forgets n as an element the walk is inside of: the walk leaves it. */
static void
meta_leave(xmlNodePtr n, xmlNodePtr *in)
{
	int i;

	for (i = 0; i < META_NIN; i++)
		if (in[i] == n)
			in[i] = NULL;
}

/* The walk: every element from root and its following siblings down, in
 * document order, once; not inside scripts and styles, nor deeper than
 * META_MAX_DEPTH. Iterative, so that deep pages cost no stack. */
static void
meta_walk(xmlNodePtr root, struct meta_cands *c, struct meta_walk *w)
{
	xmlNodePtr n = root, in[META_NIN] = {NULL};
	enum meta_tag tag;
	int depth = 0;
	bool com, hx;

	while (n != NULL) {
		if (n->type == XML_ELEMENT_NODE) {
			com = meta_visit(n, c, w, in[META_IN_COMMENTS] != NULL,
			    &tag);
			hx = tag == MT_H1 || tag == MT_H2 || tag == MT_H3;
			if (hx && depth < META_MAX_DEPTH &&
			    in[META_IN_HEAD] == NULL &&
			    in[META_IN_HEADING] == NULL)
				meta_nodes_push(&w->heads, n);
			if (com && in[META_IN_COMMENTS] == NULL)
				in[META_IN_COMMENTS] = n;
			if (tag == MT_HEAD && in[META_IN_HEAD] == NULL)
				in[META_IN_HEAD] = n;
			if (hx && in[META_IN_HEADING] == NULL)
				in[META_IN_HEADING] = n;
			if (depth < META_MAX_DEPTH && tag != MT_SCRIPT &&
			    tag != MT_STYLE && n->children != NULL) {
				n = n->children;
				depth++;
				continue;
			}
			meta_leave(n, in);
		}
		while (n->next == NULL && depth > 0) {
			n = n->parent;
			depth--;
			meta_leave(n, in);
		}
		n = n->next;
	}
}

/* The short texts that follow node in document order (not its own),
 * within max bytes (at most META_AFTER_TITLE) of page text: where a
 * page prints the date under its headline. Text nodes longer than a line
 * are body prose; they are skipped (a date in a sentence is seldom the
 * page's) but use up max. */
static char *
meta_text_after(xmlNodePtr node, size_t max, struct strlist *lines)
{
	struct buf b = {0};
	xmlNodePtr n = node;
	size_t seen = 0, len;
	char f[META_AFTER_TITLE + 1];
	enum meta_tag tag;
	int up = 0;

	buf_puts(&b, "");
	if (max > META_AFTER_TITLE)
		max = META_AFTER_TITLE;
	while (n != NULL && seen < max) {
		tag = n->type == XML_ELEMENT_NODE ? meta_tag_of(n->name) :
		    MT_OTHER;
		if (n != node && n->type == XML_ELEMENT_NODE &&
		    n->children != NULL && tag != MT_SCRIPT &&
		    tag != MT_STYLE) {
			n = n->children;
			continue;
		}
		if (n->type == XML_TEXT_NODE && n->content != NULL) {
			/* a text longer than f uses up max whole */
			len = meta_fold_buf((const char *)n->content, f,
			    sizeof(f));
			seen += len;
			if (len <= META_LINE_MAX && len > 0) {
				buf_append(&b, f, len);
				buf_putc(&b, ' ');
				if (lines->n < META_MAX_LIST)
					strlist_push(lines, f);
			}
		}
		while (n != NULL && n->next == NULL && up < 64) {
			n = n->parent;
			up++;
		}
		if (n != NULL)
			n = n->next;
	}
	return buf_take(&b);
}

/* The text that precedes node in document order, up to about max bytes:
 * where a page prints the date above its headline. */
static char *
meta_text_before(xmlNodePtr node, size_t max)
{
	xmlNodePtr n = node, texts[64];
	struct buf b = {0};
	size_t nt = 0, got = 0;
	char *raw, *f;
	int steps = 0;

	while (n != NULL && got < max && nt < 64 && steps < 4096) {
		steps++;
		if (n->prev != NULL) {
			n = n->prev;
			while (n->type == XML_ELEMENT_NODE &&
			    n->last != NULL && !meta_is(n, "script") &&
			    !meta_is(n, "style"))
				n = n->last;
		} else {
			n = n->parent;
			if (n == NULL || n->type != XML_ELEMENT_NODE)
				break;
			continue;
		}
		if (n->type == XML_TEXT_NODE && n->content != NULL &&
		    n->parent != NULL && !meta_is(n->parent, "script") &&
		    !meta_is(n->parent, "style")) {
			texts[nt++] = n;
			got += strlen((const char *)n->content);
		}
	}
	buf_puts(&b, "");
	while (nt > 0) {
		buf_puts(&b, (const char *)texts[--nt]->content);
		buf_putc(&b, ' ');
	}
	raw = buf_take(&b);
	f = meta_fold(raw);
	free(raw);
	return f;
}

/* Appends to b the short text nodes (at most META_LINE_MAX bytes folded)
 * under n in document order, outside scripts, styles and reader comments,
 * until about max bytes: the lines where a page may print its date when
 * nothing near the headline or in its metadata states one. */
static void
meta_page_lines(xmlNodePtr n, struct buf *b, size_t max, int depth)
{
	char f[META_LINE_MAX + 1];
	enum meta_tag tag;
	size_t len;

	for (; n != NULL && b->len < max; n = n->next) {
		if (n->type == XML_TEXT_NODE && n->content != NULL) {
			len = meta_fold_buf((const char *)n->content, f,
			    sizeof(f));
			if (len <= META_LINE_MAX && len > 0) {
				buf_append(b, f, len);
				buf_append(b, " | ", 3);
			}
			continue;
		}
		if (n->type != XML_ELEMENT_NODE || depth >= META_MAX_DEPTH)
			continue;
		tag = meta_tag_of(n->name);
		if (tag == MT_SCRIPT || tag == MT_STYLE || tag == MT_HEAD ||
		    meta_is_comments(n))
			continue;
		meta_page_lines(n->children, b, max, depth + 1);
	}
}

static bool meta_date_ok(const char *s, int64_t now, struct nw_time *t);

/* Keys of page-state JSON in scripts that name the publication date, in
 * order of trust: the schema.org name, then the names common stores and
 * frameworks give it, then creation. */
static const char *const meta_script_keys[] = {
	"datePublished", "published_at", "publishedAt", "publishDate",
	"publish_date", "publication_date", "dateCreated", "created_at",
	"createdAt",
};

/* Updates *best (an index into meta_script_keys, lower is better) and *t
 * from the first date-valued occurrence of a better key in text: "key"
 * then a colon and a quoted date, quotes escaped or not. */
static void
meta_script_text(const char *text, int64_t now, size_t *best,
    struct nw_time *t)
{
	const char *p, *q;
	char val[48];
	size_t k, n;

	for (k = 0; k < *best && k < NKEYS(meta_script_keys); k++) {
		p = text;
		while ((p = strstr(p, meta_script_keys[k])) != NULL) {
			q = p + strlen(meta_script_keys[k]);
			if (p == text || p[-1] != '"') {
				p = q;
				continue;
			}
			p = q;
			if (*q == '\\')
				q++;
			if (*q++ != '"')
				continue;
			while (*q == ' ')
				q++;
			if (*q++ != ':')
				continue;
			while (*q == ' ')
				q++;
			if (*q == '\\')
				q++;
			if (*q++ != '"')
				continue;
			for (n = 0; n + 1 < sizeof(val) && q[n] != '"' &&
			    q[n] != '\\' && q[n] != '\0'; n++)
				val[n] = q[n];
			val[n] = '\0';
			if (meta_date_ok(val, now, t)) {
				*best = k;
				break;
			}
		}
	}
}

/* Reads the scripts the walk found (not JSON-LD, read already) for a
 * publication date in page-state JSON. */
static void
meta_script_dates(const struct meta_nodes *scripts, int64_t now,
    size_t *best, struct nw_time *t)
{
	size_t i;

	for (i = 0; i < scripts->n; i++)
		meta_script_text((const char *)
		    scripts->v[i]->children->content, now, best, t);
}

/* Replaces the one-word name *name with the first short text node under
 * n (outside scripts and styles) that is a person's name opening with it:
 * "Todd" becomes "Todd Bates" where an author box prints the full name. */
static bool
meta_full_name(xmlNodePtr n, char **name, const char *const *sites,
    int depth)
{
	struct strlist got = {0}, junk = {0};
	size_t len = strlen(*name), i;
	bool done = false;
	char f[META_DATELINE_MAX + 1];
	enum meta_tag tag;

	for (; n != NULL && !done; n = n->next) {
		if (n->type == XML_TEXT_NODE && n->content != NULL) {
			/* the folded text opens with the name or is not it */
			if (len > 0 && *meta_skip_space((const char *)
			    n->content) != (*name)[0])
				continue;
			if (meta_fold_buf((const char *)n->content, f,
			    sizeof(f)) <= META_DATELINE_MAX &&
			    strncmp(f, *name, len) == 0 && f[len] == ' ')
				(void)meta_author_add(&got, f, sites, &junk,
				    true);
			for (i = 0; i < got.n && !done; i++)
				if (strncmp(got.v[i], *name, len) == 0 &&
				    got.v[i][len] == ' ') {
					free(*name);
					*name = xstrdup(got.v[i]);
					done = true;
				}
			strlist_free(&got);
			strlist_free(&junk);
			continue;
		}
		if (n->type != XML_ELEMENT_NODE || depth >= META_MAX_DEPTH)
			continue;
		tag = meta_tag_of(n->name);
		if (tag != MT_SCRIPT && tag != MT_STYLE)
			done = meta_full_name(n->children, name, sites,
			    depth + 1);
	}
	return done;
}

/* The first of the headings the walk found whose text is title, or
 * NULL. */
static xmlNodePtr
meta_find_heading(const struct meta_nodes *heads, const char *title)
{
	char *t;
	bool same;
	size_t i;

	for (i = 0; i < heads->n; i++) {
		t = meta_node_text(heads->v[i], 1024);
		same = meta_same(t, title) ||
		    (strlen(t) > strlen(title) && strstr(t, title) != NULL);
		free(t);
		if (same)
			return heads->v[i];
	}
	return NULL;
}

static void
meta_cands_free(struct meta_cands *c)
{
	strlist_free(&c->keys);
	strlist_free(&c->vals);
	meta_ld_free(&c->ld);
	free(c->title_tag);
	free(c->html_lang);
	free(c->canonical);
	strlist_free(&c->h1);
	strlist_free(&c->h1_rest);
	strlist_free(&c->h2);
	strlist_free(&c->h_parts);
	strlist_free(&c->logos);
	strlist_free(&c->rel_author);
	strlist_free(&c->prop_author);
	strlist_free(&c->byline);
	strlist_free(&c->lead_byline);
	strlist_free(&c->pub_times);
	strlist_free(&c->mod_times);
	strlist_free(&c->times);
	strlist_free(&c->date_text);
	free(c->after_title);
	free(c->before_title);
	strlist_free(&c->lines_after);
}

/* ---- the site's own names ---- */

/* Fills sites (NULL-terminated, at most max - 1 names, borrowed from c or
 * owned by owned) with the names the site goes by. */
static void
meta_sites(const struct meta_cands *c, const char *url, const char **sites,
    size_t max, struct strlist *owned)
{
	static const char *const keys[] = {
		"og:site_name", "application-name", "apple-mobile-web-app-title",
		"twitter:site", "publisher", "dc.publisher", "copyright",
	};
	const char *urls[4] = {url, c->canonical, NULL, c->ld.url};
	size_t n = 0, i, k;
	char *s;

	urls[2] = meta_get(c, (const char *const[]){"og:url"}, 1);
	for (k = 0; k < NKEYS(keys); k++)
		for (i = 0; i < c->keys.n && n + 1 < max; i++)
			if (strcmp(c->keys.v[i], keys[k]) == 0 &&
			    c->vals.v[i][0] != '\0')
				sites[n++] = c->vals.v[i] +
				    (c->vals.v[i][0] == '@');
	if (c->ld.publisher != NULL && n + 1 < max)
		sites[n++] = c->ld.publisher;
	for (i = 0; i < c->ld.sites.n && n + 1 < max; i++)
		sites[n++] = c->ld.sites.v[i];
	for (i = 0; i < c->logos.n && n + 1 < max; i++)
		sites[n++] = c->logos.v[i];
	for (i = 0; i < 4 && n + 1 < max; i++) {
		s = meta_url_site(urls[i]);
		if (s == NULL)
			continue;
		strlist_push_owned(owned, s);
		sites[n++] = s;
	}
	sites[n] = NULL;
}

/* ---- title ---- */

/* What sits between a headline and a site name in a title; the last two
 * are only looked for when matching a heading to its parts, as they also
 * occur inside headlines. */
static const char *const meta_title_seps[] = {
	" | ", " - ", " – ", " — ", " :: ", " » ", " « ", " · ", " • ",
	" / ", " ~ ", " || ", " ‹ ", " › ", " | ", "| ", " |",
	" : ", ": ",
};
#define META_SEPS_PLAIN (NKEYS(meta_title_seps) - 2)

/* Finds the separators in s: fills at[] and len[] (at most max) and
 * returns their count. ext adds the colons. */
static size_t
meta_title_split(const char *s, size_t *at, size_t *len, size_t max,
    bool ext)
{
	size_t n = 0, i, k, l, nseps;

	nseps = ext ? NKEYS(meta_title_seps) : META_SEPS_PLAIN;
	for (i = 0; s[i] != '\0' && n < max; i++) {
		for (k = 0; k < nseps; k++) {
			if (s[i] != meta_title_seps[k][0])
				continue;
			l = strlen(meta_title_seps[k]);
			if (strncmp(s + i, meta_title_seps[k], l) == 0 &&
			    s[i + l] != '\0' && i > 0)
				break;
		}
		if (k < nseps) {
			at[n] = i;
			len[n] = l;
			n++;
			i += l - 1;
		}
	}
	return n;
}

static size_t
meta_words(const char *s, size_t n)
{
	size_t w = 0, i;
	bool in = false;

	for (i = 0; i < n; i++) {
		if (s[i] == ' ') {
			in = false;
		} else if (!in) {
			in = true;
			w++;
		}
	}
	return w;
}

/* A copy of title s without the parts at either end that name the site.
 * With guess, an unnamed two-part title drops a short end part when the
 * other one is much longer: "A long headline here | Blog". */
static char *
meta_title_clean(const char *s, const char *const *sites, bool guess)
{
	size_t at[16], len[16], n, b = 0, e, first = 0, last;
	size_t w0, w1;

	if (s == NULL)
		return NULL;
	e = strlen(s);
	n = meta_title_split(s, at, len, 16, false);
	if (n == 0)
		return xstrdup(s);
	last = n;  /* parts are 0..n; part i spans [start_i, end_i) */
	while (first < last) {
		size_t ps = first == 0 ? 0 : at[first - 1] + len[first - 1];

		if (!meta_is_site(s + ps, at[first] - ps, sites))
			break;
		first++;
		b = at[first - 1] + len[first - 1];
	}
	while (last > first) {
		size_t ps = at[last - 1] + len[last - 1];

		if (!meta_is_site(s + ps, e - ps, sites))
			break;
		e = at[last - 1];
		last--;
	}
	if (guess && first == 0 && last == n && n == 1) {
		w0 = meta_words(s, at[0]);
		w1 = meta_words(s + at[0] + len[0], e - at[0] - len[0]);
		if (w1 <= 3 && w0 >= 2 * w1 + 2)
			e = at[0];
		else if (w0 <= 3 && w1 >= 2 * w0 + 2)
			b = at[0] + len[0];
	}
	return xstrndup(s + b, e - b);
}

/* True when heading h equals a run of consecutive parts of cand ("A" or
 * "A | B" in "A | B | Site") that is not just the site's name. */
static bool
meta_title_agrees(const char *h, const char *cand, const char *const *sites)
{
	size_t at[16], len[16], n, i, j, ps, pe, lh, lc;
	char *sh, *sp;
	bool yes = false;

	if (cand == NULL)
		return false;
	if (meta_is_site(h, strlen(h), sites))
		return false;
	n = meta_title_split(cand, at, len, 16, true);
	sh = meta_squash(h);
	lh = strlen(sh);
	lc = strlen(cand);
	sp = xmalloc(lc + 1);
	for (i = 0; i <= n && !yes && sh[0] != '\0'; i++) {
		ps = i == 0 ? 0 : at[i - 1] + len[i - 1];
		for (j = i; j <= n && !yes; j++) {
			pe = j == n ? lc : at[j];
			/* a part squashes to at most its own length */
			if (pe - ps < lh)
				continue;
			yes = meta_squash_to(cand + ps, pe - ps, sp) == lh &&
			    memcmp(sh, sp, lh) == 0;
		}
	}
	free(sp);
	free(sh);
	return yes;
}

/* The longest heading of l that agrees with one of the n candidates,
 * whole or (with whole false) as a run of its parts. */
static const char *
meta_title_pick(const struct strlist *l, const char *const *cand,
    size_t n, const char *const *sites, bool whole)
{
	const char *best = NULL;
	char *sq[8] = {NULL}, *sh;
	size_t i, k;
	bool yes;

	/* Squashed once here: a heading agrees with a candidate only when
	 * its squashed text is the candidate's or (for a run of parts) a
	 * piece of it. */
	for (k = 0; k < n && k < 8; k++)
		sq[k] = cand[k] != NULL ? meta_squash(cand[k]) : NULL;
	for (i = 0; i < l->n; i++) {
		if (best != NULL && strlen(l->v[i]) <= strlen(best))
			continue;
		sh = meta_squash(l->v[i]);
		for (k = 0; k < n && sh[0] != '\0'; k++) {
			if (k < 8 && (sq[k] == NULL || (whole ?
			    strcmp(sh, sq[k]) != 0 :
			    strstr(sq[k], sh) == NULL)))
				continue;
			yes = whole ? meta_same(l->v[i], cand[k]) :
			    meta_title_agrees(l->v[i], cand[k], sites);
			if (yes) {
				best = l->v[i];
				break;
			}
		}
		free(sh);
	}
	for (k = 0; k < n && k < 8; k++)
		free(sq[k]);
	return best;
}

static char *
meta_decide_title(const struct meta_cands *c, const char *const *sites)
{
	static const char *const okeys[] = {"og:title"};
	static const char *const wkeys[] = {"twitter:title"};
	static const char *const dkeys[] = {
		"dc.title", "dcterms.title", "parsely-title", "sailthru.title",
		"title", "headline",
	};
	const char *cand[5], *h;
	size_t k;
	char *t;

	cand[0] = c->ld.rank[LD_HEADLINE] >= 3 ? c->ld.headline : NULL;
	cand[1] = meta_get(c, okeys, 1);
	cand[2] = meta_get(c, wkeys, 1);
	cand[3] = meta_get(c, dkeys, NKEYS(dkeys));
	cand[4] = c->title_tag;
	/* A headline on the page that the metadata confirms: whole, then
	 * as part of a title with site names or kickers around it. */
	h = meta_title_pick(&c->h1, cand, 5, sites, true);
	if (h == NULL)
		h = meta_title_pick(&c->h_parts, cand, 5, sites, true);
	if (h == NULL)
		h = meta_title_pick(&c->h1, cand, 5, sites, false);
	if (h == NULL)
		h = meta_title_pick(&c->h_parts, cand, 5, sites, false);
	if (h == NULL)
		h = meta_title_pick(&c->h2, cand, 5, sites, true);
	if (h == NULL)
		h = meta_title_pick(&c->h2, cand, 5, sites, false);
	/* One headline on the page and metadata that disagrees (an SEO
	 * title): the page shows the headline. */
	if (h == NULL && c->h1.n == 1 && meta_words(c->h1.v[0],
	    strlen(c->h1.v[0])) >= 2)
		h = c->h1.v[0];
	for (k = 0; h != NULL && k < c->h1.n; k++)
		if (c->h1.v[k] == h && c->h1_rest.v[k][0] != '\0')
			h = c->h1_rest.v[k];
	if (h != NULL)
		return xstrdup(h);
	for (k = 0; k < 4; k++) {
		if (cand[k] == NULL)
			continue;
		return meta_title_clean(cand[k], sites,
		    meta_same(cand[k], cand[4]));
	}
	if (c->title_tag != NULL) {
		t = meta_title_clean(c->title_tag, sites, true);
		if (t[0] != '\0')
			return t;
		free(t);
	}
	if (c->h1.n == 1)
		return xstrdup(c->h1.v[0]);
	return NULL;
}

/* ---- dates ---- */

static const char *const meta_pub_keys[] = {
	"article:published_time", "og:article:published_time",
	"og:published_time", "article:published", "datepublished",
	"dc.date.issued", "dcterms.issued", "dc.date.published",
	"dc.date.created", "dcterms.created", "dc.date", "dcterms.date",
	"date", "pubdate", "publishdate", "publish-date", "publish_date",
	"published_time", "published-date", "published_date",
	"publication_date", "date_published", "article.published",
	"article_date_original", "original-publish-date",
	"originalpublicationdate", "sailthru.date", "parsely-pub-date",
	"cxenseparse:recs:publishtime", "citation_publication_date",
	"citation_date", "citation_online_date", "bt:pubdate",
	"article.created", "created", "datecreated", "release_date",
	"displaydate", "dc.created", "og:pubdate", "pub_date", "ptime",
	"nv:date", "date.available", "dc.date.available",
};

static const char *const meta_mod_keys[] = {
	"article:modified_time", "og:updated_time", "datemodified",
	"dc.date.modified", "dcterms.modified", "last-modified",
	"article.updated", "lastmod", "og:article:modified_time",
	"utime", "updated_time", "modified_time", "revised",
};

/* Parses s into *t when it is a plausible date of this page: not after
 * now, not before the web had news. */
static bool
meta_date_ok(const char *s, int64_t now, struct nw_time *t)
{
	struct nw_time x;

	if (s == NULL || date_parse(s, &x) != 0 || !x.set)
		return false;
	if (x.utc > now || x.utc < META_EPOCH)
		return false;
	*t = x;
	return true;
}

/* True when the date at s[at] follows one of the n words closely (within
 * 28 bytes, ASCII case folded). */
static bool
meta_after_word(const char *s, size_t at, const char *const *words,
    size_t n)
{
	size_t from = at > 28 ? at - 28 : 0, i, w = 0;
	char win[32];
	bool yes = false;

	for (i = from; i < at && s[i] != '\0'; i++)
		win[w++] = (char)tolower((unsigned char)s[i]);
	win[w] = '\0';
	for (i = 0; i < n && !yes; i++)
		yes = strstr(win, words[i]) != NULL;
	return yes;
}

/* True when the date at s[at] follows a word that marks a modification
 * ("Updated", "aktualisiert am", "mis à jour le") closely. */
static bool
meta_after_update_word(const char *s, size_t at)
{
	static const char *const words[] = {
		"updat", "aktualisiert", "geändert", "modif", "actualiz",
		"mis à jour", "bearbeitet", "revised", "edited",
	};

	return meta_after_word(s, at, words, NKEYS(words));
}

/* True when the date at s[at] is not the page's: a person's (when a
 * poster joined the forum, "Registriert: 18.09.2008"; a birthday), or
 * one announced as coming (an event, "Der nächste Stammtisch findet am
 * Mi. 5. Februar 2020 statt"; a deadline). */
static bool
meta_after_other_word(const char *s, size_t at)
{
	static const char *const words[] = {
		"registriert", "registered", "joined", "member since",
		"mitglied seit", "dabei seit", "beigetreten", "inscrit",
		"miembro desde", "registrado", "geboren", "born",
		"findet", "nächste", "takes place", "will take place",
		"will be held", "deadline", "anmeldeschluss",
		"einsendeschluss", "bewerbungsschluss", "valid until",
		"gültig bis", "tendrá lugar", "aura lieu",
	};

	return meta_after_word(s, at, words, NKEYS(words));
}

/* The first plausible date written in s that does not follow a word of
 * modification; failing that, with updates, the first plausible date
 * at all (found in the same pass). */
static bool
meta_date_find_upd(const char *s, int64_t now, struct nw_time *t,
    bool updates)
{
	struct nw_time x, upd = {0};
	size_t at = 0, span = 0, off = 0, len;

	if (s == NULL)
		return false;
	len = strlen(s);
	while (off < len && date_find(s + off, len - off, &x, &at,
	    &span) == 0) {
		if (x.set && x.utc <= now && x.utc >= META_EPOCH &&
		    !meta_after_other_word(s, off + at)) {
			if (!meta_after_update_word(s, off + at)) {
				*t = x;
				return true;
			}
			if (updates && !upd.set)
				upd = x;
		}
		off += at + (span > 0 ? span : 1);
	}
	if (upd.set)
		*t = upd;
	return upd.set;
}

static bool
meta_date_find(const char *s, int64_t now, struct nw_time *t)
{
	return meta_date_find_upd(s, now, t, false);
}

/* True when p opens with a day-first dd-mm-yyyy or dd.mm.yyyy that ends
 * the path segment ("29-10-2021" in /meldungen/29-10-2021). */
static bool
meta_url_dmy(const char *p, int *y, int *m, int *d)
{
	static const int dig[] = {0, 1, 3, 4, 6, 7, 8, 9};
	size_t i;

	if (strnlen(p, 10) < 10)
		return false;
	for (i = 0; i < NKEYS(dig); i++)
		if (!isdigit((unsigned char)p[dig[i]]))
			return false;
	if ((p[2] != '-' && p[2] != '.') || p[5] != p[2] ||
	    (p[10] != '\0' && p[10] != '/' && p[10] != '?' &&
	    p[10] != '#' && p[10] != '.' && p[10] != '_'))
		return false;
	*d = (p[0] - '0') * 10 + (p[1] - '0');
	*m = (p[3] - '0') * 10 + (p[4] - '0');
	*y = atoi(p + 6);
	return *y >= 1995 && *m >= 1 && *m <= 12 && *d >= 1 && *d <= 31;
}

/* A date in the path of url: /2019/11/18/, /2019-11-18/, /20191118/,
 * /18-11-2019. */
static bool
meta_url_date(const char *url, int64_t now, struct nw_time *t)
{
	const char *p;
	char buf[48];
	int y, m, d;

	if (url == NULL)
		return false;
	p = strstr(url, "://");
	p = p != NULL ? strchr(p + 3, '/') : url;
	for (; p != NULL && *p != '\0'; p++) {
		if (*p != '/' && *p != '-' && *p != '_')
			continue;
		if (sscanf(p + 1, "%4d/%2d/%2d", &y, &m, &d) == 3 ||
		    sscanf(p + 1, "%4d-%2d-%2d", &y, &m, &d) == 3 ||
		    (sscanf(p + 1, "%4d%2d%2d", &y, &m, &d) == 3 &&
		    strnlen(p + 1, 8) == 8 && isdigit((unsigned char)p[8]) &&
		    !isdigit((unsigned char)p[9]))) {
			if (!isdigit((unsigned char)p[1]) ||
			    !isdigit((unsigned char)p[4]) ||
			    y < 1995 || m < 1 || m > 12 || d < 1 || d > 31)
				y = 0;
			snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, m, d);
			if (y != 0 && meta_date_ok(buf, now, t))
				return true;
		}
		if (meta_url_dmy(p + 1, &y, &m, &d)) {
			snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, m, d);
			if (meta_date_ok(buf, now, t))
				return true;
		}
	}
	return false;
}

static bool
meta_first_date(const char *const *keys, size_t nkeys,
    const struct meta_cands *c, int64_t now, struct nw_time *t)
{
	size_t i, k;

	for (k = 0; k < nkeys; k++)
		for (i = 0; i < c->keys.n; i++)
			if (strcmp(c->keys.v[i], keys[k]) == 0 &&
			    meta_date_ok(c->vals.v[i], now, t))
				return true;
	return false;
}

static bool
meta_list_date(const struct strlist *l, int64_t now, struct nw_time *t,
    bool find)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (meta_date_ok(l->v[i], now, t) ||
		    (find && meta_date_find(l->v[i], now, t)))
			return true;
	return false;
}

static bool
meta_modified(const struct meta_cands *c, int64_t now, struct nw_time *t)
{
	return meta_date_ok(c->ld.modified, now, t) ||
	    meta_first_date(meta_mod_keys, NKEYS(meta_mod_keys), c, now, t) ||
	    meta_list_date(&c->mod_times, now, t, false);
}

static bool
meta_published(const struct meta_cands *c, const char *url, int64_t now,
    struct nw_time *t)
{
	const char *og = meta_get(c, (const char *const[]){"og:url"}, 1);

	/* What the page shows first: a visible datePublished, then the
	 * first date printed after the headline (pages show the date they
	 * mean, where their metadata may be a re-publication's); then
	 * OpenGraph's article time (where it and JSON-LD disagree, it is
	 * the one shown), JSON-LD, the other metadata, the URL. */
	return meta_list_date(&c->pub_times, now, t, true) ||
	    meta_date_find(c->after_title, now, t) ||
	    meta_first_date(meta_pub_keys, 3, c, now, t) ||
	    meta_date_ok(c->ld.published, now, t) ||
	    meta_list_date(&c->times, now, t, false) ||
	    meta_first_date(meta_pub_keys, NKEYS(meta_pub_keys), c, now, t) ||
	    meta_url_date(url, now, t) ||
	    meta_url_date(c->canonical, now, t) ||
	    meta_url_date(og, now, t) ||
	    meta_list_date(&c->date_text, now, t, true) ||
	    meta_date_find(c->before_title, now, t);
}

/* ---- authors ---- */

/* Adds the name in line when line is a date and a name of two to four
 * words with nothing else. */
static void
meta_dateline_author(const char *line, const char *const *sites,
    struct strlist *out)
{
	struct strlist names = {0}, junk = {0};
	struct nw_time t;
	size_t at = 0, span = 0;
	char *rest, *p;
	bool lead;

	if (strlen(line) > META_DATELINE_MAX ||
	    date_find(line, strlen(line), &t, &at, &span) != 0 || span == 0)
		return;
	rest = xstrdup(line);
	memset(rest + at, ' ', span);
	meta_author_add(&names, rest, sites, &junk, true);
	/* one word only after a lead-in: "06.11.2023 13:30 von Olga" */
	for (p = rest; *p == ' ' || *p == '-' || *p == '|' || *p == ','; p++)
		;
	lead = strncasecmp(p, "von ", 4) == 0 || strncasecmp(p, "by ", 3) ==
	    0 || strncasecmp(p, "par ", 4) == 0 || strncasecmp(p, "por ", 4)
	    == 0;
	if (names.n == 1 && (lead || strchr(names.v[0], ' ') != NULL) &&
	    meta_words(names.v[0], strlen(names.v[0])) <= 4)
		strlist_push(out, names.v[0]);
	strlist_free(&names);
	strlist_free(&junk);
	free(rest);
}

static void
meta_decide_authors(const struct meta_cands *c, const char *const *sites,
    struct strlist *out)
{
	static const char *const keys[] = {
		"author", "article:author", "dc.creator", "dcterms.creator",
		"parsely-author", "sailthru.author", "byl", "citation_author",
		"og:article:author", "book:author", "twitter:data1",
	};
	static const char *const labels[] = {
		"written by", "geschrieben von", "verfasst von", "autor",
		"autorin", "author", "escrito por", "écrit par", "auteur",
		"von",
	};
	struct strlist outlets = {0}, pool = {0}, junk = {0};
	const struct strlist *text[4] = {
		&c->prop_author, &c->rel_author, &c->lead_byline, &c->byline,
	};
	const char *lab;
	size_t i, k, n;
	bool one = false;

	for (i = 0; i < c->ld.authors.n; i++)
		meta_author_add(out, c->ld.authors.v[i], sites, &outlets,
		    false);
	/* A line under the headline that opens with "By" or kin: the
	 * byline nearest the headline speaks for this article, where a
	 * <meta name=author> may be the site's for every page */
	if (out->n == 0)
		(void)meta_author_lines(out, &c->lines_after,
		    META_BYLINE_LINES, sites, &outlets);
	lab = meta_get(c, (const char *const[]){"twitter:label1"}, 1);
	for (k = 0; k < NKEYS(keys) && out->n == 0; k++) {
		if (strcmp(keys[k], "twitter:data1") == 0) {
			for (i = 0; i < NKEYS(labels); i++)
				if (lab != NULL &&
				    strcasecmp(lab, labels[i]) == 0)
					break;
			if (i == NKEYS(labels))
				continue;
		}
		/* a page states its author in one <meta> or a few; many
		 * are the item properties of a list (references, reviews),
		 * except in scholarly metadata, which lists every author */
		for (i = 0, n = 0; i < c->keys.n; i++)
			n += strcmp(c->keys.v[i], keys[k]) == 0;
		if (n > META_META_AUTHORS &&
		    strcmp(keys[k], "citation_author") != 0)
			continue;
		for (i = 0; i < c->keys.n; i++)
			if (strcmp(c->keys.v[i], keys[k]) == 0)
				meta_author_add(out, c->vals.v[i], sites,
				    &outlets, false);
	}
	for (k = 0; k < 4; k++)
		for (i = 0; i < text[k]->n && out->n == 0; i++)
			meta_author_add(out, text[k]->v[i], sites, &outlets,
			    k == 2);
	/* A line under the headline that holds a date and a name:
	 * "11.12.2019 - Amelie Loevenich", "21. Jan 2022 // Dominik R." */
	for (i = 0; i < c->lines_after.n && out->n == 0; i++)
		meta_dateline_author(c->lines_after.v[i], sites, out);
	/* No person named anywhere: the outlet named as author is it. */
	if (out->n == 0 && outlets.n > 0)
		strlist_push(out, outlets.v[0]);
	/* A first name alone ("Todd") where the page's byline gives the
	 * full name ("Todd Bates"): take the full one. */
	for (i = 0; i < out->n && !one; i++)
		one = strchr(out->v[i], ' ') == NULL;
	/* (the pool of full names is read only for a one-word name) */
	for (k = 0; k < 4 && one; k++)
		for (i = 0; i < text[k]->n; i++)
			meta_author_add(&pool, text[k]->v[i], sites, &junk,
			    true);
	/* and a person's name that was dropped as the site's own (a
	 * personal site named after its author), or that the metadata
	 * gives where a byline under the headline came first */
	for (i = 0; i < outlets.n && one; i++)
		(void)meta_author_add(&pool, outlets.v[i], NULL, &junk,
		    true);
	for (k = 0; k < NKEYS(keys) - 1 && one; k++)  /* not twitter:data1 */
		for (i = 0; i < c->keys.n; i++)
			if (strcmp(c->keys.v[i], keys[k]) == 0)
				(void)meta_author_add(&pool, c->vals.v[i],
				    NULL, &junk, true);
	for (i = 0; i < out->n; i++) {
		if (strchr(out->v[i], ' ') != NULL)
			continue;
		n = strlen(out->v[i]);
		for (k = 0; k < pool.n; k++)
			if (strncmp(pool.v[k], out->v[i], n) == 0 &&
			    pool.v[k][n] == ' ' &&
			    !strlist_contains(out, pool.v[k])) {
				free(out->v[i]);
				out->v[i] = xstrdup(pool.v[k]);
				break;
			}
	}
	strlist_free(&pool);
	strlist_free(&junk);
	strlist_free(&outlets);
}

/* ---- the rest ---- */

/* ISO 639-1 code of a language tag ("de-DE", "en_US", "deu"), or NULL. */
static char *
meta_lang(const char *tag)
{
	static const char *const three[][2] = {
		{"deu", "de"}, {"ger", "de"}, {"eng", "en"}, {"fra", "fr"},
		{"fre", "fr"}, {"spa", "es"}, {"ita", "it"}, {"por", "pt"},
		{"nld", "nl"}, {"dut", "nl"}, {"pol", "pl"}, {"rus", "ru"},
		{"zho", "zh"}, {"chi", "zh"}, {"jpn", "ja"}, {"ara", "ar"},
	};
	char code[4] = {0};
	size_t n = 0, i;

	if (tag == NULL)
		return NULL;
	while (*tag == ' ')
		tag++;
	while (n < 4 && isalpha((unsigned char)tag[n]))
		n++;
	if (n < 2 || n > 3 || (tag[n] != '\0' && tag[n] != '-' &&
	    tag[n] != '_' && tag[n] != ',' && tag[n] != ';' && tag[n] != ' '))
		return NULL;
	for (i = 0; i < n; i++)
		code[i] = (char)tolower((unsigned char)tag[i]);
	if (n == 2)
		return xstrdup(code);
	for (i = 0; i < NKEYS(three); i++)
		if (strcmp(code, three[i][0]) == 0)
			return xstrdup(three[i][1]);
	return NULL;
}

static char *
meta_decide_lang(const struct meta_cands *c)
{
	static const char *const keys[] = {
		"content-language", "dc.language", "dcterms.language",
		"language", "og:locale",
	};
	char *l = meta_lang(c->html_lang);
	size_t k;

	if (l == NULL)
		l = meta_lang(c->ld.lang);
	for (k = 0; k < NKEYS(keys) && l == NULL; k++)
		l = meta_lang(meta_get(c, &keys[k], 1));
	return l;
}

/* ref resolved against base, without its fragment; NULL unless the result
 * is an absolute http(s) URL. */
static char *
meta_resolve(const char *ref, const char *base)
{
	xmlChar *r;
	char *s, *hash;

	if (ref == NULL || ref[0] == '\0')
		return NULL;
	r = base != NULL ? xmlBuildURI(BAD_CAST ref, BAD_CAST base) :
	    xmlStrdup(BAD_CAST ref);
	if (r == NULL)
		return NULL;
	s = xstrdup((const char *)r);
	xmlFree(r);
	hash = strchr(s, '#');
	if (hash != NULL)
		*hash = '\0';
	if (strncasecmp(s, "http://", 7) != 0 &&
	    strncasecmp(s, "https://", 8) != 0) {
		free(s);
		return NULL;
	}
	return s;
}

static char *
meta_decide_subtitle(const struct meta_cands *c, const char *title)
{
	static const char *const keys[] = {
		"og:description", "description", "twitter:description",
		"dc.description", "dcterms.abstract",
	};
	const char *d;
	size_t k, n;

	for (k = 0; k < NKEYS(keys); k++) {
		d = meta_get(c, &keys[k], 1);
		if (d == NULL)
			continue;
		n = strlen(d);
		/* a cut-off body ("... [...]") is no standfirst */
		if (n < 20 || n > 400 || (n >= 3 &&
		    (strcmp(d + n - 3, "...") == 0 ||
		    strcmp(d + n - 3, "\xe2\x80\xa6") == 0 ||
		    strcmp(d + n - 1, "]") == 0)) ||
		    meta_same(d, title))
			continue;
		return xstrdup(d);
	}
	return NULL;
}

void
html_meta_extract(htmlDocPtr doc, const char *url, int64_t now,
    struct nw_article *a)
{
	struct meta_cands c;
	struct meta_walk w = {0};
	struct strlist owned = {0};
	const char *sites[24], *pub;
	struct nw_time t;
	xmlNodePtr anchor;
	char *s;

	if (doc == NULL || a == NULL)
		return;
	memset(&c, 0, sizeof(c));
	meta_walk(xmlDocGetRootElement(doc), &c, &w);
	meta_sites(&c, url, sites, sizeof(sites) / sizeof(sites[0]), &owned);
	if (a->title == NULL)
		a->title = meta_decide_title(&c, sites);
	/* the headline on the page: dates are printed next to it */
	anchor = a->title != NULL ? meta_find_heading(&w.heads, a->title) :
	    NULL;
	if (anchor == NULL)
		anchor = w.first_h1;
	if (anchor != NULL) {
		c.after_title = meta_text_after(anchor, META_AFTER_TITLE,
		    &c.lines_after);
		c.before_title = meta_text_before(anchor, META_BEFORE_TITLE);
	}
	if (a->subtitle == NULL)
		a->subtitle = meta_decide_subtitle(&c, a->title);
	if (a->authors.n == 0) {
		meta_decide_authors(&c, sites, &a->authors);
		if (a->authors.n == 1 && strchr(a->authors.v[0], ' ') == NULL)
			(void)meta_full_name(xmlDocGetRootElement(doc),
			    &a->authors.v[0], sites, 0);
	}
	if (!a->published.set && meta_published(&c, url, now, &t))
		a->published = t;
	if (!a->published.set) {
		size_t best = NKEYS(meta_script_keys);

		meta_script_dates(&w.scripts, now, &best, &t);
		if (best < NKEYS(meta_script_keys) ||
		    meta_modified(&c, now, &t))
			a->published = t;
	}
	if (!a->published.set) {
		/* last: the first date on a short line of the page, one
		 * marked as an update when it is the only one */
		struct buf b = {0};

		buf_puts(&b, "");
		meta_page_lines(xmlDocGetRootElement(doc), &b,
		    META_PAGE_LINES, 0);
		if (meta_date_find_upd(b.p, now, &t, true))
			a->published = t;
		buf_free(&b);
	}
	if (!a->updated.set && meta_modified(&c, now, &t))
		a->updated = t;
	if (a->publisher == NULL) {
		pub = c.ld.publisher;
		if (pub == NULL)
			pub = meta_get(&c, (const char *const[]){
			    "og:site_name", "application-name"}, 2);
		if (pub == NULL && c.ld.sites.n > 0)
			pub = c.ld.sites.v[0];
		article_set(&a->publisher, pub);
	}
	if (a->lang == NULL)
		a->lang = meta_decide_lang(&c);
	if (a->canonical_url == NULL) {
		s = meta_resolve(c.canonical, url);
		if (s == NULL)
			s = meta_resolve(meta_get(&c, (const char *const[]){
			    "og:url"}, 1), url);
		a->canonical_url = s;
	}
	strlist_free(&owned);
	meta_cands_free(&c);
	free(w.heads.v);
	free(w.scripts.v);
}
