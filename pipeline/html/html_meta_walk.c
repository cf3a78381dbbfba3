/* Article metadata from an HTML page: the one walk over the tree that
 * gathers every candidate value (struct meta_cands). The page text
 * around the headline is read in html_meta_text.c. */
#include <assert.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/uri.h>

#include "html_meta.h"
#include "html_meta_int.h"
#include "html_rec.h"
#include "html_strip.h"


static void
meta_nodes_push(struct meta_nodes *l, xmlNodePtr n)
{
	if (l->n == l->cap) {
		l->cap = l->cap != 0 ? 2 * l->cap : 16;
		l->v = xrealloc(l->v, l->cap * sizeof(l->v[0]));
	}
	l->v[l->n++] = n;
}

static const char *
meta_attr(xmlNodePtr n, const char *name)
{
	xmlAttrPtr a;

	assert(html_strip_attr_kept_on((const char *)n->name, name));
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

/* True when n is a link to the site's home page ("/"). */
static bool
meta_is_home_link(xmlNodePtr n)
{
	xmlURIPtr u;
	const char *href;
	bool home = false;

	if (n == NULL || n->type != XML_ELEMENT_NODE || !meta_is(n, "a"))
		return false;
	href = meta_attr(n, "href");
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

/* The one child element of n, when n holds no other element nor any
 * text but blanks; else NULL. */
static xmlNodePtr
meta_only_child(xmlNodePtr n)
{
	xmlNodePtr c, only = NULL;
	const xmlChar *t;

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_ELEMENT_NODE) {
			if (only != NULL)
				return NULL;
			only = c;
		} else if (c->type == XML_TEXT_NODE && c->content != NULL) {
			for (t = c->content; *t != '\0'; t++)
				if (!isspace(*t))
					return NULL;
		}
	}
	return only;
}

/* True when the heading n is the site's logo: a link to the site's home
 * page, or inside one (entermedia's <h1> in
 * <a href="/">, where libxml2 drops the marked <h1 id="site-title">
 * around it), or all its text in one (through wrappers: "<h1><span><a
 * href=/>Mäscot das Schaf</a></span></h1>"). */
static bool
meta_is_logo(xmlNodePtr n)
{
	xmlNodePtr only = n, up = n;
	int i;

	/* (in the link through wrappers that hold only it: another CMS
	 * puts each block in a <div> of its own) */
	for (i = 0; i < 3 && up->parent != NULL; i++, up = up->parent) {
		if (meta_is_home_link(up->parent))
			return true;
		if (up->parent->type != XML_ELEMENT_NODE ||
		    meta_only_child(up->parent) != up)
			break;
	}
	for (i = 0; i < 3 && only != NULL; i++) {
		only = meta_only_child(only);
		if (meta_is_home_link(only))
			return true;
	}
	return false;
}

/* True when element k is followed by the heading's own text, or by an
 * element that holds only punctuation (<span>:</span>): a kicker. */
static bool
meta_is_kicker(xmlNodePtr k)
{
	xmlNodePtr x;
	char *t;
	bool punct = false;

	/* the heading's own text follows the element, past blanks and a
	 * <br>, and opens a line of its own: the element is a line above
	 * the headline ("<h1><small>Tunesien</small><br> Große Aufgaben
	 * ...</h1>") */
	for (x = k->next; x != NULL; x = x->next) {
		if (x->type == XML_ELEMENT_NODE) {
			if (meta_tag_of(x->name) != MT_BR)
				break;
			continue;
		}
		if (x->type != XML_TEXT_NODE || x->content == NULL)
			continue;
		for (t = (char *)x->content; *t != '\0' &&
		    isspace((unsigned char)*t); t++)
			;
		/* not a sentence that goes on ("<span>Ehezoff</span> der
		 * Pochers ...") */
		if (*t != '\0')
			return !(*t >= 'a' && *t <= 'z');
	}
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

/* The heading text s of n without a kicker: when n starts with a
 * kicker element (meta_is_kicker()) of at most six words ("<span>
 * Klimaschutz</span>: Bohren, bis ...") and more text follows, the rest without
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

/* The first text of n, skipped past spaces, when n's first child that
 * is no blank text and no empty element (a rule, a break, an image) is
 * a text; else NULL. */
static const char *
meta_first_text(xmlNodePtr n)
{
	const char *t;
	xmlNodePtr k;

	for (k = n->children; k != NULL; k = k->next) {
		if (k->type == XML_ELEMENT_NODE && k->children == NULL)
			continue;
		if (k->type == XML_ELEMENT_NODE)
			return NULL;
		if (k->type != XML_TEXT_NODE || k->content == NULL)
			continue;
		t = (const char *)k->content;
		/* isspace() in the C locale, inline */
		while (*t == ' ' || (*t >= '\t' && *t <= '\r'))
			t++;
		if (*t != '\0')
			return t;
	}
	return NULL;
}

/* True when the first text inside n opens a line of sources: "Quelle:",
 * "Source:", "Fuente:" and their kin. */
static bool
meta_opens_source(xmlNodePtr n)
{
	static const char *const labels[] = {
		"quelle:", "quellen:", "source:", "sources:", "fuente:",
		"fuentes:", "fonte:", "fonti:", "bron:",
	};
	const char *t;
	size_t i;

	t = meta_first_text(n);
	if (t == NULL)
		return false;
	switch (*t | 0x20) {
	case 'b': case 'f': case 'q': case 's':
		break;
	default:
		return false;
	}
	for (i = 0; i < NKEYS(labels); i++)
		if (strncasecmp(t, labels[i], strlen(labels[i])) == 0)
			return true;
	return false;
}

/* True when the first text inside n opens a byline: "By ", "von ",
 * "Posted by ", "Erstellt von " and their kin. */
static bool
meta_opens_byline(xmlNodePtr n, const struct meta_leads *leads)
{
	const char *t = meta_first_text(n);

	return t != NULL && meta_author_opens(leads, t);
}

/* The element after a byline lead-in that is all of n's first text,
 * when it is a link or holds one within a few levels ("von <strong><a
 * href=...>r23</a></strong>"): the name as the page marks it, which may
 * be a user's handle; else NULL. */
static xmlNodePtr
meta_lead_element(xmlNodePtr n, const struct meta_leads *leads)
{
	const char *t = meta_first_text(n);
	xmlNodePtr k, e;
	size_t len;
	int i;

	if (t == NULL || (len = meta_author_opens(leads, t)) == 0)
		return NULL;
	t = meta_skip_space(t + len);
	if (*t == ':')
		t = meta_skip_space(t + 1);
	if (*t != '\0')
		return NULL;
	for (k = n->children; k != NULL && k->type != XML_TEXT_NODE;
	    k = k->next)
		;
	for (k = k != NULL ? k->next : NULL; k != NULL &&
	    k->type != XML_ELEMENT_NODE; k = k->next)
		if (k->type == XML_TEXT_NODE && k->content != NULL &&
		    *meta_skip_space((const char *)k->content) != '\0')
			return NULL;
	/* the element, its first child element, that one's */
	for (e = k, i = 0; e != NULL && i < 3; i++) {
		if (meta_tag_of(e->name) == MT_A)
			return k;
		for (e = e->children; e != NULL &&
		    e->type != XML_ELEMENT_NODE; e = e->next)
			;
	}
	return NULL;
}

/* The text of the one element before <time> n in n's box, where the
 * box holds the two and nothing else: "<div><span>Redaktion</span>
 * <time>1. November 2023</time></div>", a byline set beside its date
 * with no mark of its own. NULL where the element is or holds a link (a
 * section's name links to the section) or its text is long. */
static char *
meta_time_mate(xmlNodePtr n)
{
	const size_t max = 40;  /* a name or a desk's, not a sentence */
	xmlNodePtr k, mate = NULL, e;
	const xmlChar *t;
	char *s;
	int i;

	if (n->parent == NULL)
		return NULL;
	for (k = n->parent->children; k != NULL; k = k->next) {
		if (k->type == XML_TEXT_NODE && k->content != NULL) {
			for (t = k->content; *t != '\0'; t++)
				if (!isspace(*t))
					return NULL;
		} else if (k == n) {
			if (mate == NULL)
				return NULL;  /* (the text goes first) */
		} else if (k->type == XML_ELEMENT_NODE) {
			if (mate != NULL)
				return NULL;
			mate = k;
		}
	}
	if (mate == NULL)
		return NULL;
	for (e = mate, i = 0; e != NULL && i < 3; i++) {
		if (meta_tag_of(e->name) == MT_A)
			return NULL;
		e = meta_only_child(e);
	}
	s = meta_node_text(mate, max + 1);
	if (s[0] == '\0' || strlen(s) > max) {
		free(s);
		return NULL;
	}
	return s;
}

/* True when n is a link or inside one (within a few levels): a text
 * that opens with "By" there is a link's title ("By Invitation", a
 * section; a teaser), as a byline links the name, not its lead-in. */
static bool
meta_in_link(xmlNodePtr n)
{
	int i;

	for (i = 0; i < 4 && n != NULL && n->type == XML_ELEMENT_NODE;
	    i++, n = n->parent)
		if (meta_tag_of(n->name) == MT_A)
			return true;
	return false;
}

static xmlNodePtr meta_first_heading(xmlNodePtr n);

/* True when link a leads to another page: its href (where html_strip.c
 * kept it, which it does for these kinds only) is no fragment of this
 * page, no author's page and no reader comment. Its first 2 kB are
 * read: every byline in or beside the link asks, and a page's href
 * runs as long as it likes (one of 4 MB in a card of 20,000 bylines
 * took 30 s). */
static bool
meta_link_to_page(xmlNodePtr a)
{
	const char *href = meta_attr(a, "href");
	size_t n;

	if (href == NULL)
		return true;
	n = strnlen(href, 2048);
	return href[0] != '#' && !html_href_is_author(href, n) &&
	    !html_href_is_comment(href, n);
}

/* Appends the text under n to b as meta_node_text() does, up to the
 * *left-th byte other than ASCII white space and within *nodes nodes:
 * every byline beside a link reads it, so that its cost is bounded,
 * not the link's whole text (a link of 1 MB beside 8,000 bylines took
 * 28 s) nor its empty elements. */
static void
meta_head_text(xmlNodePtr n, struct buf *b, size_t *left, int *nodes,
    int depth)
{
	const char *p;

	for (; n != NULL && *left > 0 && *nodes > 0; n = n->next) {
		(*nodes)--;
		if (n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE) {
			if (n->content == NULL)
				continue;
			for (p = (const char *)n->content;
			    *p != '\0' && *left > 0; p++)
				if (*p != ' ' && *p != '\t' && *p != '\n' &&
				    *p != '\r' && *p != '\f')
					(*left)--;
			buf_append(b, (const char *)n->content,
			    (size_t)(p - (const char *)n->content));
		} else if (n->type == XML_ELEMENT_NODE && depth < 64) {
			enum meta_tag tag = meta_tag_of(n->name);

			if (tag == MT_SCRIPT || tag == MT_STYLE ||
			    tag == MT_NOSCRIPT)
				continue;
			if (tag == MT_BR)
				buf_putc(b, ' ');
			meta_head_text(n->children, b, left, nodes,
			    depth + 1);
			buf_putc(b, ' ');
		}
	}
}

/* True when link a is another article's headline: a link to another
 * page whose text runs four words or more, or two in 30 bytes
 * ("»Dauerbaustelle Hartz-IV-Sanktionsregime«"). */
static bool
meta_link_is_headline(xmlNodePtr a)
{
	struct buf b = { 0 };
	char *s;
	size_t i, words = 0, left = 200;
	int nodes = 100;

	if (!meta_link_to_page(a))
		return false;
	buf_puts(&b, "");
	meta_head_text(a->children, &b, &left, &nodes, 0);
	(void)meta_fold_buf(b.p, b.p, b.len + 1);
	s = buf_take(&b);
	for (i = 0; s[i] != '\0'; i++)
		if (s[i] != ' ' && (i == 0 || s[i - 1] == ' '))
			words++;
	free(s);
	return words >= 4 || (words >= 2 && i >= 30);
}

/* True when one of the few element siblings of n on one side (next:
 * after it, else before it) is a link that is a headline. Sixteen
 * nodes of any kind are read at most: processing instructions, which
 * html_strip.c leaves, count as no element (100,000 of them before a
 * list of 20,000 bylines took 46 s). */
static bool
meta_headline_beside(xmlNodePtr n, bool next)
{
	xmlNodePtr s = next ? n->next : n->prev;
	int k = 0, nodes = 0;

	for (; s != NULL && k < 4 && nodes++ < 16;
	    s = next ? s->next : s->prev) {
		if (s->type != XML_ELEMENT_NODE)
			continue;
		k++;
		if (meta_tag_of(s->name) == MT_A && meta_link_is_headline(s))
			return true;
	}
	return false;
}

/* True when n is part of a teaser of another article: inside a link
 * that holds a heading (a card that links as a whole), or beside a
 * link, within two levels, that is a headline ("<li><a>Kein Recht auf
 * Faulheit ...</a><div class=autor>von Katja Kipping</div></li>"). A
 * byline's class there names the teaser's writer, not this page's.
 * (Four siblings a side are read: a list of a thousand teasers costs
 * a thousand short looks, not a million.) */
bool
meta_in_teaser(xmlNodePtr n)
{
	xmlNodePtr p;
	int i;

	for (p = n, i = 0; i < 4 && p != NULL &&
	    p->type == XML_ELEMENT_NODE; i++, p = p->parent)
		if (meta_tag_of(p->name) == MT_A)
			return meta_link_to_page(p) &&
			    meta_first_heading(p) != NULL;
	for (p = n, i = 0; i < 3 && p != NULL &&
	    p->type == XML_ELEMENT_NODE; i++, p = p->parent)
		if (meta_headline_beside(p, false) ||
		    meta_headline_beside(p, true))
			return true;
	return false;
}

/* True when n is inside a <figure> or <figcaption> (within a few
 * levels): a name there is a picture's credit. */
static bool
meta_in_figure(xmlNodePtr n)
{
	int i;

	for (i = 0; i < 6 && n != NULL && n->type == XML_ELEMENT_NODE;
	    i++, n = n->parent)
		if (xmlStrcasecmp(n->name, BAD_CAST "figure") == 0 ||
		    xmlStrcasecmp(n->name, BAD_CAST "figcaption") == 0)
			return true;
	return false;
}

/* True when the first text inside n opens with a copyright mark: "©",
 * "(c)", "Copyright". */
static bool
meta_opens_copyright(xmlNodePtr n)
{
	const char *t = meta_first_text(n);

	if (t == NULL)
		return false;
	switch (*t) {
	case '\xc2':
		return (unsigned char)t[1] == 0xa9;
	case '(':
		return (t[1] | 0x20) == 'c' && t[2] == ')';
	case 'C': case 'c':
		return strncasecmp(t, "copyright", 9) == 0;
	default:
		return false;
	}
}

/* Keeps the text of n as the page's copyright line when it is a line's
 * length and reserves rights ("All rights reserved", "Alle Rechte
 * vorbehalten", "Tous droits réservés"): a line that says so is the
 * site's notice, not a picture's credit. The last one wins, as the
 * footer's comes last. */
static void
meta_keep_copyright(struct meta_cands *c, xmlNodePtr n)
{
	static const char *const rights[] = {
		"rights", "rechte", "droits", "derechos", "diritti",
		"direitos", "rechten",
	};
	char *s = meta_node_text(n, META_BYLINE_MAX + 1), *low;
	size_t i;
	bool yes = false;

	if (strlen(s) <= META_BYLINE_MAX) {
		low = xstrdup(s);
		for (i = 0; low[i] != '\0'; i++)
			low[i] = (char)tolower((unsigned char)low[i]);
		for (i = 0; i < NKEYS(rights) && !yes; i++)
			yes = strstr(low, rights[i]) != NULL;
		free(low);
	}
	if (!yes) {
		free(s);
		return;
	}
	free(c->copyright);
	c->copyright = s;
}

/* Adds the text of n to l when it is a byline's length at most. */
static void
meta_push_short(struct strlist *l, xmlNodePtr n)
{
	char *s;

	if (meta_full(l))
		return;
	s = meta_node_text(n, META_BYLINE_MAX + 1);
	if (strlen(s) <= META_BYLINE_MAX)
		meta_push_cap(l, s);
	else
		free(s);
}

/* The first heading (h2 to h6) inside n, within a few hundred nodes, or
 * NULL; NULL too when an <h1> comes first: n holds a headline, so it is
 * an article ("<article class=author-article>"), not an author box. */
static xmlNodePtr
meta_first_heading(xmlNodePtr n)
{
	xmlNodePtr m = n->children;
	int budget = 400, depth = 1;

	while (m != NULL && m != n && budget-- > 0) {
		if (meta_is_heading(m))
			return m->name[1] == '1' ? NULL : m;
		if (m->type == XML_ELEMENT_NODE && m->children != NULL &&
		    depth < 8) {
			m = m->children;
			depth++;
			continue;
		}
		while (m->next == NULL && m->parent != n && depth > 1) {
			m = m->parent;
			depth--;
		}
		m = m->next;
	}
	return NULL;
}

/* Adds a byline element's text, or where it is longer than a byline (an
 * author box with a photo, a biography and links), its heading, which
 * is the author's name ("<div class=author-bio><h3>Jane Doe</h3>...")
 * when it is one name shaped like a person's: a list of other articles
 * under a class "author-materials" is headed by its sections
 * ("Analysis, Interviews, Reads"). */
static void
meta_push_byline(struct strlist *l, xmlNodePtr n)
{
	struct strlist names = {0}, junk = {0};
	char *s;

	if (meta_full(l))
		return;
	s = meta_node_text(n, META_BYLINE_MAX + 1);
	if (strlen(s) <= META_BYLINE_MAX) {
		meta_push_cap(l, s);
		return;
	}
	free(s);
	n = meta_first_heading(n);
	if (n == NULL || meta_in_link(n))
		return;  /* (a heading in a link is a teaser's) */
	s = meta_node_text(n, META_BYLINE_MAX + 1);
	if (strlen(s) <= META_BYLINE_MAX && strchr(s, ',') == NULL &&
	    meta_author_add(&names, s, NULL, &junk, true) == 1)
		meta_push_cap(l, s);
	else
		free(s);
	strlist_free(&names);
	strlist_free(&junk);
}

/* Adds the short text of the element before the one that holds link n
 * (within three levels), where the link's own text may be no name: an
 * author box's "<div>Jane Doe</div><div><a href=?author=3>All
 * articles</a></div>". */
static void
meta_link_box_name(struct strlist *l, xmlNodePtr n)
{
	xmlNodePtr p, s;
	int i;

	for (p = n, i = 0; p != NULL && i < 3; p = p->parent, i++) {
		for (s = p->prev; s != NULL && s->type != XML_ELEMENT_NODE;
		    s = s->prev)
			;
		if (s != NULL) {
			meta_push_short(l, s);
			return;
		}
	}
}

/* meta_fold() of an attribute's value with the character references it
 * still holds decoded: a page that encodes its metadata twice
 * ("asegur&amp;oacute;") leaves them after the parser's own decoding.
 * Only references libxml2 knows are decoded ("AT&T", "&bogus;" stay). */
static char *
meta_attr_text(const char *v)
{
	char *s, *f;

	if (strchr(v, '&') == NULL)
		return meta_fold(v);
	s = xstrdup(v);
	meta_unescape(s);
	f = meta_fold(s);
	free(s);
	return f;
}

/* Takes what element n offers by its attributes and its text into c,
 * whatever its tag: microdata's dates and authors, a dated title, a
 * byline by its class, lines that open with a source, a byline's
 * lead-in or a copyright. */
static void
meta_element_marks(xmlNodePtr n, enum meta_tag tag, unsigned marks,
    const struct meta_attrs *at, struct meta_cands *c, struct meta_walk *w,
    bool in_comments)
{
	const char *prop;
	struct strlist *l;
	xmlNodePtr k;

	prop = at->itemprop;
	if (prop != NULL && tag != MT_TIME) {
		l = NULL;
		if (strcmp(prop, "datePublished") == 0)
			l = (marks & META_W_UNSEEN) != 0 ? &c->times :
			    &c->pub_times;
		else if (strcmp(prop, "dateModified") == 0)
			l = &c->mod_times;
		else if ((strcmp(prop, "author") == 0 ||
		    strcmp(prop, "creator") == 0) && !in_comments &&
		    !meta_full(&c->prop_author))
			meta_push_cap(&c->prop_author, meta_prop_name(n, 0));
		if (l != NULL && !meta_full(l))
			meta_push_cap(l, meta_time_value(n, tag, at));
	}
	if ((marks & (META_R_TITLE_PUB | META_R_TITLE_UPD)) != 0) {
		l = (marks & META_R_TITLE_PUB) != 0 ? &c->pub_times :
		    &c->mod_times;
		if (!meta_full(l))
			meta_push_cap(l, meta_fold(at->title));
	}
	if (in_comments || tag == MT_BODY || tag == MT_HTML ||
	    tag == MT_IMG)
		return;
	/* (a picture's credit, by its class, is no byline) */
	if ((marks & META_R_BYLINE) != 0 && !meta_full(&c->byline) &&
	    !meta_in_figure(n) && !meta_in_teaser(n))
		meta_push_byline(&c->byline, n);
	if (!meta_full(&c->source_line) && meta_opens_source(n))
		meta_push_short(&c->source_line, n);
	if (!meta_full(&c->lead_byline) && meta_opens_byline(n, &w->leads) &&
	    !meta_in_link(n) && !meta_in_teaser(n)) {
		meta_push_short(&c->lead_byline, n);
		if ((k = meta_lead_element(n, &w->leads)) != NULL)
			meta_push_short(&c->lead_named, k);
	}
	if (meta_opens_copyright(n))
		meta_keep_copyright(c, n);
}

/* Takes what element n (of tag, with its marks and the attributes at)
 * offers into c. in_comments: n is a reader comment or inside one. */
static void
meta_element(xmlNodePtr n, enum meta_tag tag, unsigned marks,
    const struct meta_attrs *at, struct meta_cands *c, struct meta_walk *w,
    bool in_comments)
{
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
			strlist_push_owned(&c->vals, meta_attr_text(val));
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
			c->canonical = meta_attr_text(at->href);
		break;
	case MT_H1:
	case MT_H2:
		meta_heading(n, tag == MT_H1, c, w);
		break;
	case MT_H3:
		if (c->h3.n < 8)
			meta_push_cap(&c->h3, meta_node_text(n, 1024));
		break;
	case MT_TIME:
		if (in_comments)
			break;
		prop = at->itemprop;
		if (prop != NULL && strcmp(prop, "dateModified") == 0)
			l = &c->mod_times;
		else if ((marks & META_W_UNSEEN) != 0)
			l = &c->times;
		else if ((prop != NULL &&
		    strcmp(prop, "datePublished") == 0) ||
		    at->pubdate != NULL || (marks & META_R_TIME_PUB) != 0)
			l = &c->pub_times;
		else if ((marks & META_R_TIME_MOD) != 0)
			l = &c->mod_times;
		else
			l = &c->times;
		if (!meta_full(l))
			meta_push_cap(l, meta_time_value(n, tag, at));
		if (!meta_full(&c->time_mate) &&
		    (s = meta_time_mate(n)) != NULL)
			meta_push_cap(&c->time_mate, s);
		break;
	case MT_A:
		if ((marks & META_R_REL_AUTHOR) != 0 && !in_comments &&
		    !meta_full(&c->rel_author))
			meta_push_cap(&c->rel_author,
			    meta_node_text(n, META_BYLINE_MAX));
		else if ((marks & META_R_HREF_AUTHOR) != 0 && !in_comments) {
			meta_push_byline(&c->author_link, n);
			meta_link_box_name(&c->author_box, n);
		}
		break;
	default:
		break;
	}
	meta_element_marks(n, tag, marks, at, c, w, in_comments);
}

static int
meta_node_cmp(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)*(const xmlNodePtr *)a,
	    y = (uintptr_t)*(const xmlNodePtr *)b;

	return x < y ? -1 : x > y;
}

bool
meta_is_comments(const struct meta_walk *w, xmlNodePtr n)
{
	return w->comments.n > 0 && bsearch(&n, w->comments.v,
	    w->comments.n, sizeof(w->comments.v[0]), meta_node_cmp) != NULL;
}

/* Reads element n into c; returns whether it is a reader comment or
 * inside one (in_comments), and its tag in *tag. Its tag and marks come
 * from its record when it has one (html_rec.h); its attributes are read
 * only for the values the walk takes (META_R_VALUES). */
static bool
meta_visit(xmlNodePtr n, struct meta_cands *c, struct meta_walk *w,
    bool in_comments, enum meta_tag *tag)
{
	static const struct meta_attrs none;
	const struct html_rec *rec = html_rec_of(n);
	const struct meta_attrs *ap = &none;
	struct meta_attrs at;
	unsigned marks;
	bool com;

	if (rec != NULL) {
		*tag = (enum meta_tag)rec->mtag;
		marks = rec->marks;
	} else {
		*tag = meta_tag_of(n->name);
		marks = meta_marks(n, w, *tag);
	}
	/* what the page does not show: a date there is no printed one */
	if (w->in[META_IN_UNSEEN] == NULL && (marks & META_R_HIDDEN) != 0)
		w->in[META_IN_UNSEEN] = n;
	if (w->in[META_IN_UNSEEN] != NULL)
		marks |= META_W_UNSEEN;
	if ((marks & META_R_VALUES) != 0) {
		meta_attrs_read(n, &at);
		ap = &at;
	}
	com = (marks & META_R_COMMENT) != 0;
	if (com)
		meta_nodes_push(&w->comments, n);
	meta_element(n, *tag, marks, ap, c, w, com || in_comments);
	return com || in_comments;
}

/* Forgets n as an element the walk is inside of: the walk leaves it. */
void
meta_walk_leave(xmlNodePtr n, struct meta_walk *w)
{
	int i;

	for (i = 0; i < META_NIN; i++)
		if (w->in[i] == n)
			w->in[i] = NULL;
}

/* Reads element n, depth levels below the walk's first, into c; returns
 * whether its children are for the walk: not inside scripts and styles,
 * nor deeper than META_MAX_DEPTH. */
bool
meta_walk_enter(xmlNodePtr n, int depth, struct meta_cands *c,
    struct meta_walk *w)
{
	xmlNodePtr *in = w->in;
	enum meta_tag tag;
	bool com, hx;

	com = meta_visit(n, c, w, in[META_IN_COMMENTS] != NULL, &tag);
	hx = tag == MT_H1 || tag == MT_H2 || tag == MT_H3;
	if (hx && depth < META_MAX_DEPTH && in[META_IN_HEAD] == NULL &&
	    in[META_IN_HEADING] == NULL)
		meta_nodes_push(&w->heads, n);
	if (com && in[META_IN_COMMENTS] == NULL)
		in[META_IN_COMMENTS] = n;
	if (tag == MT_HEAD && in[META_IN_HEAD] == NULL)
		in[META_IN_HEAD] = n;
	if (hx && in[META_IN_HEADING] == NULL)
		in[META_IN_HEADING] = n;
	return depth < META_MAX_DEPTH && tag != MT_SCRIPT &&
	    tag != MT_STYLE;
}

bool
html_meta_enter(struct html_meta *m, xmlNodePtr n, int depth)
{
	return meta_walk_enter(n, depth, &m->c, &m->w);
}

void
html_meta_leave(struct html_meta *m, xmlNodePtr n)
{
	meta_walk_leave(n, &m->w);
}

void
meta_walk_begin(struct meta_walk *w)
{
	meta_author_lead_index(&w->leads);
}

void
meta_walk_end(struct meta_walk *w)
{
	if (w->comments.n > 1)
		qsort(w->comments.v, w->comments.n,
		    sizeof(w->comments.v[0]), meta_node_cmp);
}

/* The walk between meta_walk_begin() and meta_walk_end(): every element
 * from root and its following siblings down, in document order, once, as
 * meta_walk_enter() asks. Iterative, so that deep pages cost no stack. */
void
meta_walk(xmlNodePtr root, struct meta_cands *c, struct meta_walk *w)
{
	xmlNodePtr n = root;
	int depth = 0;

	while (n != NULL) {
		if (n->type == XML_ELEMENT_NODE) {
			if (meta_walk_enter(n, depth, c, w) &&
			    n->children != NULL) {
				n = n->children;
				depth++;
				continue;
			}
			meta_walk_leave(n, w);
		}
		while (n->next == NULL && depth > 0) {
			n = n->parent;
			depth--;
			meta_walk_leave(n, w);
		}
		n = n->next;
	}
}

/* The text of heading h's kicker (its first child when meta_is_kicker()
 * holds: "<h1><span>27.01.2022</span>MineralölINFO ...</h1>"), or NULL.
 * A date there is the article's, printed with the headline. */
char *
meta_kicker_text(xmlNodePtr h)
{
	xmlNodePtr k;

	for (k = h->children; k != NULL; k = k->next) {
		if (k->type == XML_ELEMENT_NODE)
			break;
		if (k->type == XML_TEXT_NODE && k->content != NULL &&
		    strspn((const char *)k->content, " \t\r\n") !=
		    strlen((const char *)k->content))
			return NULL;
	}
	if (k == NULL || !meta_is_kicker(k))
		return NULL;
	return meta_node_text(k, META_LINE_MAX);
}

void
meta_cands_free(struct meta_cands *c)
{
	strlist_free(&c->keys);
	strlist_free(&c->vals);
	free(c->khead);
	free(c->knext);
	meta_ld_free(&c->ld);
	free(c->title_tag);
	free(c->html_lang);
	free(c->canonical);
	strlist_free(&c->h1);
	strlist_free(&c->h1_rest);
	strlist_free(&c->h2);
	strlist_free(&c->h3);
	strlist_free(&c->h_parts);
	strlist_free(&c->logos);
	strlist_free(&c->rel_author);
	strlist_free(&c->author_link);
	strlist_free(&c->author_box);
	strlist_free(&c->prop_author);
	strlist_free(&c->byline);
	strlist_free(&c->lead_byline);
	strlist_free(&c->lead_named);
	strlist_free(&c->source_line);
	free(c->copyright);
	strlist_free(&c->pub_times);
	strlist_free(&c->mod_times);
	strlist_free(&c->times);
	strlist_free(&c->time_mate);
	free(c->after_title);
	strlist_free(&c->lines_after);
	strlist_free(&c->lines_before);
}
