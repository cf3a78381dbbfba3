/* What RSS and Atom share: the bag of values seen in a channel, feed,
 * item or entry and how it is merged into the model, Atom persons and
 * links, and the Dublin Core, iTunes, Media RSS and content extensions. */
#include "feed_xml.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <libxml/entities.h>

void
feed_bag_free(struct feed_bag *b)
{
	for (int i = 0; i < SRC_N; i++) {
		free(b->title[i]);
		free(b->desc[i]);
		free(b->content[i]);
		free(b->published[i]);
		free(b->updated[i]);
		free(b->language[i]);
		free(b->rights[i]);
		for (size_t k = 0; k < b->n_people[i]; k++) {
			free(b->people[i][k].name);
			free(b->people[i][k].email);
		}
		free(b->people[i]);
	}
	for (int i = 0; i < SRC_N + 1; i++)
		strlist_free(&b->cats[i]);
	for (int i = 0; i < SRC_N + 2; i++)
		free(b->image[i]);
	free(b->image_title);
	free(b->subtitle);
	free(b->media_title);
	free(b->media_desc);
	free(b->xhtml_body);
	strlist_free(&b->media_cats);
}

/* The first non-NULL of v[0..n), moved out. */
static char *
feed_pick(char **v, int n)
{
	for (int i = 0; i < n; i++)
		if (v[i] != NULL) {
			char *s = v[i];

			v[i] = NULL;
			return s;
		}
	return NULL;
}

void
feed_take(char **field, char **v, int n)
{
	char *s = feed_pick(v, n);

	if (*field == NULL)
		*field = s;
	else
		free(s);
}

/* As feed_take, over slots given by address. */
void
feed_take_p(char **field, char **const *v, int n)
{
	for (int i = 0; i < n; i++)
		if (*v[i] != NULL) {
			if (*field == NULL)
				*field = *v[i];
			else
				free(*v[i]);
			*v[i] = NULL;
			return;
		}
}

void
feed_take_people(struct feed_bag *b, struct feed_person **v, size_t *n)
{
	for (int i = 0; i < SRC_N; i++)
		if (b->n_people[i] > 0) {
			*v = b->people[i];
			*n = b->n_people[i];
			b->people[i] = NULL;
			b->n_people[i] = 0;
			return;
		}
}

void
feed_take_cats(struct feed_bag *b, struct strlist *out)
{
	static const int order[] = {
		SRC_MAIN, SRC_ITUNES, SRC_N, SRC_DC, SRC_ATOM
	};

	for (size_t k = 0; k < sizeof(order) / sizeof(order[0]); k++) {
		struct strlist *l = &b->cats[order[k]];

		for (size_t i = 0; i < l->n; i++) {
			strlist_push_owned(out, l->v[i]);
			l->v[i] = NULL;
		}
		l->n = 0;
	}
	for (size_t i = 0; i < b->media_cats.n; i++) {
		strlist_push_owned(out, b->media_cats.v[i]);
		b->media_cats.v[i] = NULL;
	}
	b->media_cats.n = 0;
}

void
feed_put(char **slot, char *value)
{
	if (*slot == NULL)
		*slot = value;
	else
		free(value);
}

/* An Atom person construct: <author><name/><email/></author>. Some RSS
 * feeds put the name directly in the element. */
void
feed_atom_person(const struct feed_ctx *cx, xmlNode *n,
    struct feed_person **v, size_t *nv)
{
	char *name = NULL, *email = NULL;
	const char *local;

	for (xmlNode *c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		feed_ns_of(c, &local);
		if (strcmp(local, "name") == 0)
			feed_put(&name, feed_text(cx, c));
		else if (strcmp(local, "email") == 0)
			feed_put(&email, feed_text(cx, c));
	}
	if (name == NULL && email == NULL && !feed_has_elements(n)) {
		char *t = feed_text(cx, n);

		feed_add_author_text(v, nv, t);
		free(t);
		return;
	}
	feed_add_author(v, nv, name, email);
	free(name);
	free(email);
}

void
feed_bag_person(const struct feed_ctx *cx, xmlNode *n, struct feed_bag *b,
    int src)
{
	char *t = feed_text(cx, n);

	feed_add_author_text(&b->people[src], &b->n_people[src], t);
	free(t);
}

void
feed_text_category(const struct feed_ctx *cx, xmlNode *n, struct strlist *l)
{
	char *t = feed_text(cx, n);

	if (t)
		strlist_push_owned(l, t);
}

void
feed_atom_category(const struct feed_ctx *cx, xmlNode *n, struct strlist *l)
{
	/* RFC 4287: the term is the category, the label only a name for
	 * people to read (gofeed's translator takes the label first) */
	char *t = feed_attr(cx, n, "term");

	if (t == NULL || *t == '\0') {
		free(t);
		t = feed_attr(cx, n, "label");
	}
	if (t == NULL || *t == '\0') {
		free(t);
		t = feed_text(cx, n);
	}
	if (t)
		strlist_push_owned(l, t);
}

/* itunes:category text="..." with nested subcategories. */
static void
feed_itunes_category(const struct feed_ctx *cx, xmlNode *n,
    struct strlist *l, int depth)
{
	char *t = feed_attr(cx, n, "text");
	const char *local;

	if (t && *t)
		strlist_push_owned(l, t);
	else
		free(t);
	if (depth > 8)
		return;
	for (xmlNode *c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE &&
		    feed_ns_of(c, &local) == NS_ITUNES &&
		    strcmp(local, "category") == 0)
			feed_itunes_category(cx, c, l, depth + 1);
}

static void
feed_split_keywords(const char *s, struct strlist *l)
{
	const char *p = s;

	while (p && *p) {
		const char *e = strchr(p, ',');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		char *k = xstrndup(p, n), *t = NULL;

		feed_set_once(&t, k);
		free(k);
		if (t)
			strlist_push_owned(l, t);
		p = e ? e + 1 : NULL;
	}
}

/* A URL whose path ends like an image file's. */
static bool
feed_image_url(const char *u)
{
	static const char *const ext[] = {
		".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif",
	};
	size_t n;

	if (u == NULL)
		return false;
	n = strcspn(u, "?#");
	for (size_t i = 0; i < sizeof(ext) / sizeof(ext[0]); i++) {
		size_t k = strlen(ext[i]);

		if (n >= k && strncasecmp(u + n - k, ext[i], k) == 0)
			return true;
	}
	return false;
}

/* A media:content or media:thumbnail element as a feed_media, its url
 * resolved. Fields owned by the caller (feed_media_clear). */
static void
feed_media_read(const struct feed_ctx *cx, xmlNode *n, struct feed_media *m)
{
	char *u = feed_attr(cx, n, "url");

	memset(m, 0, sizeof(*m));
	m->url = feed_resolve(cx, n, u);
	free(u);
	m->type = feed_attr(cx, n, "type");
	m->medium = feed_attr(cx, n, "medium");
	m->length = feed_attr(cx, n, "fileSize");
	m->width = feed_attr(cx, n, "width");
	m->height = feed_attr(cx, n, "height");
	m->duration = feed_attr(cx, n, "duration");
}

static void
feed_media_clear(struct feed_media *m)
{
	free(m->url);
	free(m->type);
	free(m->medium);
	free(m->length);
	free(m->width);
	free(m->height);
	free(m->duration);
}

static void feed_media(const struct feed_ctx *cx, xmlNode *n,
    const char *local, struct feed_bag *b, int depth);

static void
feed_media_children(const struct feed_ctx *cx, xmlNode *n,
    struct feed_bag *b, int depth)
{
	if (depth >= 4)
		return;
	for (xmlNode *c = n->children; c; c = c->next) {
		const char *l;

		if (c->type == XML_ELEMENT_NODE &&
		    feed_ns_of(c, &l) == NS_MEDIA)
			feed_media(cx, c, l, b, depth + 1);
	}
}

/* A width attribute in pixels: 0 when absent or not a number, clamped
 * to INT_MAX (strtol saturates with ERANGE). */
static long
feed_width(const char *w)
{
	char *end;
	long v;

	if (w == NULL)
		return 0;
	errno = 0;
	v = strtol(w, &end, 10);
	if (end == w || v < 0)
		return 0;
	return errno == ERANGE || v > INT_MAX ? INT_MAX : v;
}

/* media:content: kept as it is, and the item's image when it is the
 * first image, or a wider one of several sizes. */
static void
feed_media_content(const struct feed_ctx *cx, xmlNode *n,
    struct feed_bag *b, int depth)
{
	struct feed_media m;
	long width;
	bool img;

	feed_media_read(cx, n, &m);
	width = feed_width(m.width);
	img = (m.medium && strcasecmp(m.medium, "image") == 0) ||
	    (m.type && strncasecmp(m.type, "image/", 6) == 0) ||
	    (m.medium == NULL && m.type == NULL && feed_image_url(m.url));
	if (img && m.url && (b->image[SRC_N] == NULL ||
	    (b->media_width > 0 && width > b->media_width))) {
		free(b->image[SRC_N]);
		b->image[SRC_N] = xstrdup(m.url);
		b->media_width = width;
	}
	if (b->item)
		feed_add_media(&b->item->media_content,
		    &b->item->n_media_content, &m);
	feed_media_clear(&m);
	/* a thumbnail, title, ... inside media:content */
	feed_media_children(cx, n, b, depth);
}

/* Media RSS: content, thumbnails, title, description and categories,
 * also inside media:group. */
static void
feed_media(const struct feed_ctx *cx, xmlNode *n, const char *local,
    struct feed_bag *b, int depth)
{
	char *t;

	if (strcasecmp(local, "thumbnail") == 0) {
		struct feed_media m;

		feed_media_read(cx, n, &m);
		feed_put(&b->image[SRC_N], m.url ? xstrdup(m.url) : NULL);
		if (b->item) {
			free(m.type);
			free(m.medium);
			free(m.length);
			free(m.duration);
			m.type = m.medium = m.length = m.duration = NULL;
			feed_add_media(&b->item->media_thumbnail,
			    &b->item->n_media_thumbnail, &m);
		}
		feed_media_clear(&m);
	} else if (strcasecmp(local, "content") == 0) {
		feed_media_content(cx, n, b, depth);
	} else if (strcasecmp(local, "title") == 0) {
		feed_put(&b->media_title, feed_text(cx, n));
	} else if (strcasecmp(local, "description") == 0) {
		feed_put(&b->media_desc, feed_text(cx, n));
	} else if (strcasecmp(local, "category") == 0) {
		t = feed_text(cx, n);
		if (t && !strlist_contains(&b->media_cats, t))
			strlist_push(&b->media_cats, t);
		free(t);
	} else if (strcasecmp(local, "group") == 0) {
		feed_media_children(cx, n, b, depth);
	}
}

/* <xhtml:p> inside <xhtml:body> is HTML's <p>: the elements in the
 * XHTML namespace lose their prefix, so that the content reads as HTML. */
static void
feed_xhtml_unprefix(xmlNode *n, int depth)
{
	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (n->ns && n->ns->prefix && n->ns->href &&
		    strcmp((const char *)n->ns->href,
		    "http://www.w3.org/1999/xhtml") == 0)
			n->ns = NULL;
		if (depth < 32)
			feed_xhtml_unprefix(n->children, depth + 1);
	}
}

/* The namespaced extensions RSS and Atom share. Returns true when n was
 * one of them. */
bool
feed_extension(const struct feed_ctx *cx, xmlNode *n, enum feed_ns ns,
    const char *local, struct feed_bag *b)
{
	char *t;

	switch (ns) {
	case NS_DC:
		if (strcmp(local, "title") == 0)
			feed_put(&b->title[SRC_DC], feed_text(cx, n));
		else if (strcmp(local, "description") == 0)
			feed_put(&b->desc[SRC_DC], feed_text(cx, n));
		else if (strcmp(local, "date") == 0) {
			t = feed_text(cx, n);
			feed_put(&b->published[SRC_DC], t ? xstrdup(t) : NULL);
			feed_put(&b->updated[SRC_DC], t);
		} else if (strcmp(local, "creator") == 0)
			feed_bag_person(cx, n, b, SRC_DC2);
		else if (strcmp(local, "author") == 0)
			feed_bag_person(cx, n, b, SRC_DC);
		else if (strcmp(local, "language") == 0)
			feed_put(&b->language[SRC_DC], feed_text(cx, n));
		else if (strcmp(local, "rights") == 0)
			feed_put(&b->rights[SRC_DC], feed_text(cx, n));
		else if (strcmp(local, "subject") == 0)
			feed_text_category(cx, n, &b->cats[SRC_DC]);
		return true;
	case NS_DCTERMS:
		if (strcmp(local, "modified") == 0)
			feed_put(&b->updated[SRC_DC2], feed_text(cx, n));
		else if (strcmp(local, "created") == 0 ||
		    strcmp(local, "issued") == 0)
			feed_put(&b->published[SRC_DC2], feed_text(cx, n));
		return true;
	case NS_ITUNES:
		if (strcmp(local, "author") == 0)
			feed_bag_person(cx, n, b, SRC_ITUNES);
		else if (strcmp(local, "summary") == 0)
			feed_put(&b->desc[SRC_ITUNES], feed_text(cx, n));
		else if (strcmp(local, "subtitle") == 0)
			feed_put(&b->subtitle, feed_text(cx, n));
		else if (strcmp(local, "image") == 0) {
			char *h = feed_attr(cx, n, "href");

			/* the wrong attribute, seen in the wild */
			if (h == NULL || *h == '\0') {
				free(h);
				h = feed_attr(cx, n, "url");
			}
			if (h == NULL || *h == '\0') {
				free(h);
				h = feed_text(cx, n);
			}
			feed_put(&b->image[SRC_ITUNES], feed_resolve(cx, n,
			    h));
			free(h);
		} else if (strcmp(local, "keywords") == 0) {
			t = feed_text(cx, n);
			feed_split_keywords(t, &b->cats[SRC_ITUNES]);
			free(t);
		} else if (strcmp(local, "category") == 0) {
			feed_itunes_category(cx, n, &b->cats[SRC_N], 0);
		}
		return true;
	case NS_MEDIA:
		feed_media(cx, n, local, b, 0);
		return true;
	case NS_CONTENT:
		if (strcmp(local, "encoded") == 0)
			feed_put(&b->content[SRC_MAIN], feed_text(cx, n));
		return true;
	case NS_XHTML:
		/* <xhtml:body> in an RSS item: the content as markup */
		if (strcmp(local, "body") == 0) {
			struct buf x = { 0 };

			feed_xhtml_unprefix(n->children, 0);
			feed_inner_xml(cx, n, &x);
			if (x.p)
				feed_set_once(&b->xhtml_body, x.p);
			buf_free(&x);
		}
		return true;
	default:
		return false;
	}
}

/* A link's type that is a web page: none stated, HTML or XHTML (Atom
 * 0.3's "html" and "xhtml" too), parameters after ';' ignored. */
static bool
feed_html_type(const char *t)
{
	size_t n;

	if (t == NULL)
		return true;
	while (isspace((unsigned char)*t))
		t++;
	n = strcspn(t, "; \t");
	return n == 0 || (n == 9 && strncasecmp(t, "text/html", 9) == 0) ||
	    (n == 21 && strncasecmp(t, "application/xhtml+xml", 21) == 0) ||
	    (n == 4 && strncasecmp(t, "html", 4) == 0) ||
	    (n == 5 && strncasecmp(t, "xhtml", 5) == 0);
}

/* An Atom <link>: rel decides where it goes. */
void
feed_atom_link(const struct feed_ctx *cx, xmlNode *n, char **link,
    bool *other, struct strlist *links, char **self, struct feed_item *it)
{
	char *href = feed_attr(cx, n, "href"), *rel = feed_attr(cx, n, "rel");
	char *u;

	if (href == NULL) {
		/* RSS-style <atom:link>text</atom:link> */
		href = feed_text(cx, n);
	}
	u = feed_resolve(cx, n, href);
	free(href);
	if (u == NULL) {
		free(rel);
		return;
	}
	if (rel && strcasecmp(rel, "enclosure") == 0) {
		if (it) {
			char *len = feed_attr(cx, n, "length");
			char *type = feed_attr(cx, n, "type");

			feed_add_enclosure(it, u, len, type);
			free(len);
			free(type);
		}
		free(u);
		free(rel);
		return;
	}
	if (rel && strcasecmp(rel, "self") == 0) {
		if (self && *self == NULL)
			*self = xstrdup(u);
	} else if (rel == NULL || *rel == '\0' ||
	    strcasecmp(rel, "alternate") == 0) {
		char *type = feed_attr(cx, n, "type");
		bool html = feed_html_type(type);

		if (*link == NULL || (html && *other)) {
			free(*link);
			*link = xstrdup(u);
			*other = !html;
		}
		free(type);
	}
	if (!strlist_contains(links, u))
		strlist_push(links, u);
	free(u);
	free(rel);
}

/* An item with no image of its own takes the first <img> of its content,
 * else of its description, resolved against the item's base. */
void
feed_item_image_from_html(const struct feed_ctx *cx, xmlNode *n,
    struct feed_item *it)
{
	char *img;

	if (it->image.url != NULL)
		return;
	img = feed_html_first_img(it->content);
	if (img == NULL)
		img = feed_html_first_img(it->description);
	if (img != NULL) {
		it->image.url = feed_resolve(cx, n, img);
		free(img);
	}
}

