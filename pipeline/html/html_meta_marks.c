/* The metadata's reading of an element's attributes: the values the walk
 * takes (meta_attrs_read()), and the marks that the attributes alone
 * decide (meta_marks()), which the parse keeps in the element's record
 * (html_meta_rec(), html_rec.h) so that the walk (html_meta_walk.c) need
 * not read the attributes again. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "html_meta.h"
#include "html_meta_int.h"
#include "html_rec.h"
#include "html_strip.h"

/* Class and id words of reader comments. */
#define META_CW_COMMENTS (CW(CW_COMMENT) | CW(CW_RESPOND))
/* Class words of a picture's credit: "media-license-author",
 * "photo-credit author", "caption-author" name a photographer. */
#define META_CW_CREDIT (CW(CW_CAPTION) | CW(CW_COPYRIGHT) | CW(CW_CREDIT) | \
	CW(CW_LICENSE))

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

static void
meta_attrs_clear(struct meta_attrs *at)
{
	/* field by field: a memset of the struct compiles to rep stos,
	 * slow to start, and most elements have no attribute */
	at->cls = at->id = at->itemprop = at->itemtype = NULL;
	at->rel = at->title = NULL;
	at->type = at->property = at->name = at->http_equiv = NULL;
	at->content = at->datetime = at->pubdate = at->href = NULL;
	at->lang = at->xml_lang = at->style = NULL;
	at->hidden = false;
}

void
meta_attrs_read(xmlNodePtr n, struct meta_attrs *at)
{
	const xmlChar *nm;
	const char **slot;
	xmlAttrPtr a;

	meta_attrs_clear(at);
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
			else if (meta_name_is(nm, "hidden"))
				at->hidden = true;  /* a name alone */
			break;
		case 'i':
			if (meta_name_is(nm, "id"))
				slot = &at->id;
			else if (meta_name_is(nm, "itemprop"))
				slot = &at->itemprop;
			else if (meta_name_is(nm, "itemtype"))
				slot = &at->itemtype;
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
		case 's':
			if (meta_name_is(nm, "style"))
				slot = &at->style;
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
}

static void
meta_cw_grow(struct meta_walk *w)
{
	size_t cap = w->cw_cap != 0 ? 2 * w->cw_cap : 256, j;
	struct meta_cwslot *v = xcalloc(cap, sizeof(*v));

	for (size_t i = 0; i < w->cw_cap; i++) {
		if (w->cw[i].v == NULL)
			continue;
		for (j = w->cw[i].hash & (cap - 1); v[j].v != NULL;
		    j = (j + 1) & (cap - 1))
			;
		v[j] = w->cw[i];
	}
	free(w->cw);
	w->cw = v;
	w->cw_cap = cap;
}

/* meta_cw_scan() of the class value v, through the walk's table of the
 * values met: a scan costs some 700 instructions a value, and most
 * elements of a page repeat a value met before. */
static uint64_t
meta_cw_cached(struct meta_walk *w, const char *v, uint64_t h)
{
	size_t j;

	if (2 * (w->cw_used + 1) > w->cw_cap)
		meta_cw_grow(w);
	for (j = h & (w->cw_cap - 1); w->cw[j].v != NULL;
	    j = (j + 1) & (w->cw_cap - 1))
		if (w->cw[j].hash == h && strcmp(w->cw[j].v, v) == 0)
			return w->cw[j].cw;
	w->cw[j].v = v;
	w->cw[j].hash = h;
	w->cw[j].cw = meta_cw_scan(v);
	w->cw_used++;
	return w->cw[j].cw;
}

/* True when the itemprop value prop or the itemtype value type marks a
 * reader's contribution in schema.org microdata ("review", "comment";
 * an item of type Comment, Review, UserComments): its author and date
 * are the reader's, as in a comment. */
static bool
meta_is_review(const char *prop, const char *type)
{
	static const char *const types[] = {
		"/comment", "/review", "/usercomments",
	};
	size_t i, n, k;

	if (prop != NULL && (strcasecmp(prop, "review") == 0 ||
	    strcasecmp(prop, "reviews") == 0 ||
	    strcasecmp(prop, "comment") == 0))
		return true;
	if (type == NULL)
		return false;
	/* "http://schema.org/Review", the type's name ending the URL */
	n = strlen(type);
	while (n > 0 && isspace((unsigned char)type[n - 1]))
		n--;
	for (i = 0; i < NKEYS(types); i++) {
		k = strlen(types[i]);
		if (n >= k && strncasecmp(type + n - k, types[i], k) == 0)
			return true;
	}
	return false;
}

/* The marks of an element of tag t whose attributes at holds (only
 * cls, id, itemprop, itemtype, rel, title, href, style and hidden are
 * read): cls and id are meta_cw_scan() of at->cls and at->id, and
 * *style_hidden html_style_hidden() of at->style, or -1 for not asked
 * yet (asked here when needed, and kept). */
static unsigned
meta_marks_at(const struct meta_attrs *at, enum meta_tag t, uint64_t cls,
    uint64_t id, int *style_hidden)
{
	unsigned r = 0;

	/* a reader's contribution, whose bylines and dates are not the
	 * article's */
	if (((cls | id) & META_CW_COMMENTS) != 0 ||
	    meta_is_review(at->itemprop, at->itemtype) ||
	    (t == MT_A && at->href != NULL &&
	    html_href_is_comment(at->href, strlen(at->href))))
		r |= META_R_COMMENT;
	if (((cls & (CW(CW_BYLINE) | CW(CW_AUTHOR) | CW(CW_AUTOR) |
	    CW(CW_WRITER) | CW(CW_VERFASSER))) != 0 ||
	    (id & (CW(CW_BYLINE) | CW(CW_AUTHOR))) != 0) &&
	    ((cls | id) & META_CW_CREDIT) == 0)
		r |= META_R_BYLINE;
	if (at->cls != NULL && at->title != NULL && t != MT_TIME) {
		if ((cls & CW(CW_PUBLISHED)) != 0)
			r |= META_R_TITLE_PUB;
		else if ((cls & CW(CW_UPDATED)) != 0)
			r |= META_R_TITLE_UPD;
	}
	if ((cls & (CW(CW_PUBLISH) | CW(CW_ENTRY_DATE) |
	    CW(CW_POST_DATE))) != 0)
		r |= META_R_TIME_PUB;
	if ((cls & (CW(CW_UPDATED) | CW(CW_MODIFIED))) != 0)
		r |= META_R_TIME_MOD;
	if (t == MT_A && at->rel != NULL &&
	    strcasestr(at->rel, "author") != NULL)
		r |= META_R_REL_AUTHOR;
	if (t == MT_A && at->href != NULL &&
	    html_href_is_author(at->href, strlen(at->href)))
		r |= META_R_HREF_AUTHOR;
	if (!at->hidden && at->style != NULL && *style_hidden < 0)
		*style_hidden = html_style_hidden(at->style);
	if (at->hidden || (at->style != NULL && *style_hidden))
		r |= META_R_HIDDEN;
	if (at->itemprop != NULL ||
	    (r & (META_R_TITLE_PUB | META_R_TITLE_UPD)) != 0 ||
	    t == MT_META || t == MT_SCRIPT || t == MT_HTML ||
	    t == MT_LINK || t == MT_TIME)
		r |= META_R_VALUES;
	return r;
}

unsigned
meta_marks(xmlNodePtr n, struct meta_walk *w, enum meta_tag t)
{
	struct meta_attrs at;
	int style_hidden = -1;

	meta_attrs_read(n, &at);
	return meta_marks_at(&at, t, at.cls != NULL ? meta_cw_cached(w,
	    at.cls, hash_bytes64(at.cls, strlen(at.cls))) : 0,
	    meta_cw_scan(at.id), &style_hidden);
}

_Static_assert(MT_TITLE <= UINT8_MAX, "a tag fits the record");
_Static_assert(META_R_HIDDEN <= UINT16_MAX, "the marks fit the record");
_Static_assert(META_W_UNSEEN > UINT16_MAX, "the walk's mark is no record's");

uint8_t
html_meta_tag(const xmlChar *name)
{
	return (uint8_t)meta_tag_of(name);
}

uint16_t
html_meta_rec(struct html_meta *m, xmlNodePtr n, uint8_t tag)
{
	return (uint16_t)meta_marks(n, &m->w, (enum meta_tag)tag);
}

uint64_t
html_meta_class_words(const char *cls)
{
	return meta_cw_scan(cls);
}

uint16_t
html_meta_rec_attrs(struct html_rec_attrs *a, uint8_t tag, uint64_t cls_words)
{
	struct meta_attrs at;

	/* the fields meta_marks_at() reads, as meta_attrs_read() takes
	 * them: a value, or NULL for none; hidden by its name alone */
	at.cls = a->v[HTML_RA_CLASS];
	at.id = a->v[HTML_RA_ID];
	at.itemprop = a->v[HTML_RA_ITEMPROP];
	at.itemtype = a->v[HTML_RA_ITEMTYPE];
	at.rel = a->v[HTML_RA_REL];
	at.title = a->v[HTML_RA_TITLE];
	at.href = a->v[HTML_RA_HREF];
	at.style = a->v[HTML_RA_STYLE];
	at.hidden = (a->have & (1u << HTML_RA_HIDDEN)) != 0;
	return (uint16_t)meta_marks_at(&at, (enum meta_tag)tag, cls_words,
	    a->has_id_words ? a->id_words : meta_cw_scan(at.id),
	    &a->style_hidden);
}
