/* Atom 1.0 and 0.3. */
#include "feed_xml.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <libxml/entities.h>

bool
feed_atom_own(enum feed_ns ns)
{
	return ns == NS_ATOM || ns == NS_ATOM03 || ns == NS_NONE;
}

/* An Atom text construct: xhtml is kept as markup without its wrapping
 * div; text and html are character data; Atom 0.3 base64 is decoded.
 * Relative links inside markup are resolved against xml:base. */
static char *
feed_atom_text(const struct feed_ctx *cx, xmlNode *n)
{
	char *type = feed_attr(cx, n, "type"), *mode = feed_attr(cx, n,
	    "mode");
	struct buf b = { 0 };
	char *s = NULL;

	bool b64 = mode && strcasecmp(mode, "base64") == 0;

	/* Atom 1.0: a MIME type that is neither text nor XML is base64 */
	if (type && strchr(type, '/') && strncasecmp(type, "text/", 5) != 0 &&
	    strstr(type, "xml") == NULL && !(mode && *mode))
		b64 = true;
	if (b64) {
		char *t = feed_text(cx, n), *d = feed_base64(t);

		/* not base64 after all: keep the text as it is */
		if (d && feed_valid_utf8((const unsigned char *)d,
		    strlen(d)) &&
		    strlen(d) > 0)
			feed_set_once(&s, d);
		else
			s = t ? xstrdup(t) : NULL;
		free(t);
		free(d);
	} else if (type && strstr(type, "xhtml") != NULL) {
		xmlNode *only = NULL;
		int elems = 0;

		for (xmlNode *c = n->children; c != NULL; c = c->next) {
			if (c->type == XML_ELEMENT_NODE) {
				only = c;
				elems++;
			}
		}
		bool wrap = elems == 1 &&
		    strcmp((const char *)only->name, "div") == 0;

		if (wrap && strcasecmp(type, "xhtml") == 0) {
			/* Atom 1.0: the div wraps the content */
			feed_inner_xml(cx, only, &b);
		} else if (wrap && only->properties == NULL) {
			/* Atom 0.3 inline XML: the div is content; its
			 * namespace declaration is not */
			buf_puts(&b, "<div>");
			feed_inner_xml(cx, only, &b);
			buf_puts(&b, "</div>");
		} else {
			feed_inner_xml(cx, n, &b);
		}
		if (b.p)
			feed_set_once(&s, b.p);
		buf_free(&b);
	} else {
		s = feed_text(cx, n);
	}
	if (s && (type == NULL || strcasecmp(type, "text") != 0))
		s = feed_html_resolve(cx, n, s);
	free(type);
	free(mode);
	return s;
}

void
feed_atom_entry(const struct feed_ctx *cx, struct feed *f, xmlNode *n)
{
	struct feed_item *it = feed_add_item(f);
	struct feed_bag b;
	const char *local;

	memset(&b, 0, sizeof(b));
	b.item = it;
	for (xmlNode *c = n->children; c != NULL; c = c->next) {
		enum feed_ns ns;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		ns = feed_ns_of(c, &local);
		if (!feed_atom_own(ns)) {
			feed_extension(cx, c, ns, local, &b);
			continue;
		}
		if (strcmp(local, "id") == 0)
			feed_put(&it->guid, feed_text(cx, c));
		else if (strcmp(local, "title") == 0)
			feed_put(&b.title[SRC_MAIN], feed_atom_text(cx, c));
		else if (strcmp(local, "summary") == 0)
			feed_put(&b.desc[SRC_MAIN], feed_atom_text(cx, c));
		else if (strcmp(local, "content") == 0) {
			char *src = feed_attr(cx, c, "src");

			feed_put(&b.content[SRC_ATOM], feed_atom_text(cx, c));
			if (src) {
				char *u = feed_resolve(cx, c, src);

				if (u && !strlist_contains(&it->links, u))
					strlist_push(&it->links, u);
				free(u);
			}
			free(src);
		} else if (strcmp(local, "link") == 0)
			feed_atom_link(cx, c, &it->link, &b.link_other,
			    &it->links, NULL, it);
		else if (strcmp(local, "published") == 0 ||
		    strcmp(local, "issued") == 0)
			feed_put(&b.published[SRC_MAIN], feed_text(cx, c));
		else if (strcmp(local, "created") == 0)
			feed_put(&b.published[SRC_ALT], feed_text(cx, c));
		else if (strcmp(local, "updated") == 0 ||
		    strcmp(local, "modified") == 0)
			feed_put(&b.updated[SRC_MAIN], feed_text(cx, c));
		else if (strcmp(local, "author") == 0)
			feed_atom_person(cx, c, &b.people[SRC_MAIN],
			    &b.n_people[SRC_MAIN]);
		else if (strcmp(local, "category") == 0)
			feed_atom_category(cx, c, &b.cats[SRC_MAIN]);
		else if (strcmp(local, "rights") == 0)
			continue;
	}
	if (it->link == NULL && it->links.n > 0)
		it->link = xstrdup(it->links.v[0]);
	feed_take(&it->title, b.title, SRC_N);
	feed_take_p(&it->title, (char **const[]){ &b.media_title }, 1);
	feed_take(&it->description, b.desc, SRC_N);
	feed_take_p(&it->description, (char **const[]){ &b.subtitle,
	    &b.media_desc }, 2);
	feed_take_p(&it->content, (char **const[]){ &b.content[SRC_ATOM],
	    &b.content[SRC_MAIN] }, 2);
	feed_set_date(&it->published, b.published[SRC_MAIN]);
	feed_set_date(&it->published, b.published[SRC_ALT]);
	feed_set_date(&it->updated, b.updated[SRC_MAIN]);
	feed_set_date(&it->updated, b.updated[SRC_DC]);
	feed_set_date(&it->published, b.published[SRC_DC]);
	if (!it->published.set)
		it->published = it->updated;
	feed_take_people(&b, &it->authors, &it->n_authors);
	feed_take_cats(&b, &it->categories);
	feed_set_image(&it->image, b.image[SRC_N], NULL);
	feed_set_image(&it->image, b.image[SRC_ITUNES], NULL);
	feed_item_image_from_html(cx, n, it);
	feed_bag_free(&b);
	feed_item_done(f);
}

bool
feed_atom_is_entry(const xmlNode *root, const xmlNode *n)
{
	const char *local;

	return n->parent == root && feed_atom_own(feed_ns_of(n, &local)) &&
	    strcmp(local, "entry") == 0;
}

void
feed_atom(const struct feed_ctx *cx, struct feed *f, xmlNode *root)
{
	struct feed_bag b;
	const char *local;
	char *logo = NULL, *icon = NULL;

	memset(&b, 0, sizeof(b));
	f->language = feed_attr_ns(cx, root, "lang",
	    (const char *)XML_XML_NAMESPACE);
	if (f->language && *f->language == '\0') {
		free(f->language);
		f->language = NULL;
	}
	for (xmlNode *c = root->children; c != NULL; c = c->next) {
		enum feed_ns ns;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		ns = feed_ns_of(c, &local);
		if (!feed_atom_own(ns)) {
			feed_extension(cx, c, ns, local, &b);
			continue;
		}
		if (strcmp(local, "entry") == 0) {
			if (feed_budget_spent(cx->budget, f))
				break;
			feed_atom_entry(cx, f, c);
		} else if (strcmp(local, "title") == 0)
			feed_put(&b.title[SRC_MAIN], feed_atom_text(cx, c));
		else if (strcmp(local, "subtitle") == 0 ||
		    strcmp(local, "tagline") == 0)
			feed_put(&b.desc[SRC_MAIN], feed_atom_text(cx, c));
		else if (strcmp(local, "link") == 0)
			feed_atom_link(cx, c, &f->link, &b.link_other,
			    &f->links, &f->feed_link, NULL);
		else if (strcmp(local, "updated") == 0 ||
		    strcmp(local, "modified") == 0)
			feed_put(&b.updated[SRC_MAIN], feed_text(cx, c));
		else if (strcmp(local, "published") == 0 ||
		    strcmp(local, "issued") == 0)
			feed_put(&b.published[SRC_MAIN], feed_text(cx, c));
		else if (strcmp(local, "author") == 0)
			feed_atom_person(cx, c, &b.people[SRC_MAIN],
			    &b.n_people[SRC_MAIN]);
		else if (strcmp(local, "category") == 0)
			feed_atom_category(cx, c, &b.cats[SRC_MAIN]);
		else if (strcmp(local, "rights") == 0 ||
		    strcmp(local, "copyright") == 0)
			feed_put(&b.rights[SRC_MAIN], feed_atom_text(cx, c));
		else if (strcmp(local, "logo") == 0)
			feed_put(&logo, feed_text(cx, c));
		else if (strcmp(local, "icon") == 0)
			feed_put(&icon, feed_text(cx, c));
		else if (strcmp(local, "generator") == 0 &&
		    f->generator == NULL) {
			char *t = feed_text(cx, c);
			char *v = feed_attr(cx, c, "version");
			char *u = feed_attr(cx, c, "uri");
			struct buf g = { 0 };

			if (u == NULL)
				u = feed_attr(cx, c, "url");
			if (t)
				buf_puts(&g, t);
			if (v && *v)
				buf_printf(&g, "%sv%s", g.len ? " " : "", v);
			if (u && *u)
				buf_printf(&g, "%s%s", g.len ? " " : "", u);
			if (g.len)
				f->generator = buf_take(&g);
			buf_free(&g);
			free(t);
			free(v);
			free(u);
		}
	}
	if (f->link == NULL && f->links.n > 0 && f->feed_link == NULL)
		f->link = xstrdup(f->links.v[0]);
	feed_take(&f->title, b.title, SRC_N);
	feed_take(&f->description, b.desc, SRC_N);
	feed_take_p(&f->description, (char **const[]){ &b.subtitle }, 1);
	feed_take(&f->copyright, b.rights, SRC_N);
	feed_take(&f->language, b.language, SRC_N);
	feed_set_date(&f->updated, b.updated[SRC_MAIN]);
	feed_set_date(&f->updated, b.updated[SRC_DC]);
	feed_set_date(&f->published, b.published[SRC_MAIN]);
	feed_take_people(&b, &f->authors, &f->n_authors);
	feed_take_cats(&b, &f->categories);
	if (logo) {
		char *u = feed_resolve(cx, root, logo);

		feed_set_image(&f->image, u, NULL);
		free(u);
	}
	if (icon) {
		char *u = feed_resolve(cx, root, icon);

		feed_set_image(&f->image, u, NULL);
		free(u);
	}
	feed_set_image(&f->image, b.image[SRC_ITUNES], NULL);
	feed_set_image(&f->image, b.image[SRC_N], NULL);
	free(logo);
	free(icon);
	feed_bag_free(&b);
}

