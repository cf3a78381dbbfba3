/* RSS 0.9x / 2.0 and RSS 1.0 (RDF). The field mapping follows gofeed's
 * universal translator: channel fields first, then Dublin Core, iTunes,
 * Atom and Media RSS as fallbacks. */
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

static bool
feed_rss_own(enum feed_ns ns)
{
	return ns == NS_NONE || ns == NS_RSS;
}

/* <link> in RSS: its text, or an href attribute (Atom style). */
static char *
feed_rss_link(const struct feed_ctx *cx, xmlNode *n)
{
	char *h = feed_attr(cx, n, "href"), *u;

	if (h == NULL)
		h = feed_text(cx, n);
	u = feed_resolve(cx, n, h);
	free(h);
	return u;
}

/* <link> of an item or channel: the page, and one of its links. */
static void
feed_rss_set_link(const struct feed_ctx *cx, xmlNode *c, char **link,
    struct strlist *links)
{
	char *t = feed_rss_link(cx, c);

	if (t) {
		free(*link);
		*link = xstrdup(t);
		strlist_push_owned(links, t);
	}
}

/* <guid>: the item's id, and its page when it is a permalink. */
static void
feed_rss_guid(const struct feed_ctx *cx, xmlNode *c, struct feed_item *it,
    char **permalink)
{
	char *pl = feed_attr(cx, c, "isPermaLink");

	feed_put(&it->guid, feed_text(cx, c));
	if (it->guid && !(pl && strcasecmp(pl, "false") == 0) &&
	    (strncmp(it->guid, "http://", 7) == 0 ||
	    strncmp(it->guid, "https://", 8) == 0))
		feed_put(permalink, xstrdup(it->guid));
	free(pl);
}

/* <enclosure>: one of the item's enclosures, and its image when it is
 * one. */
static void
feed_rss_enclosure(const struct feed_ctx *cx, xmlNode *c,
    struct feed_bag *b)
{
	char *u = feed_attr(cx, c, "url");
	char *len = feed_attr(cx, c, "length");
	char *type = feed_attr(cx, c, "type");
	char *r = feed_resolve(cx, c, u);

	feed_add_enclosure(b->item, r, len, type);
	if (r && type && strncasecmp(type, "image/", 6) == 0)
		feed_put(&b->image[SRC_N + 1], xstrdup(r));
	free(r);
	free(u);
	free(len);
	free(type);
	/* Media RSS written inside the enclosure, as inside media:content
	 * (its title, description, thumbnail...) */
	for (xmlNode *m = c->children; m != NULL; m = m->next) {
		const char *local;
		enum feed_ns ns;

		if (m->type != XML_ELEMENT_NODE)
			continue;
		ns = feed_ns_of(m, &local);
		if (ns == NS_MEDIA)
			feed_extension(cx, m, ns, local, b);
	}
}

/* An element of the item in RSS's own namespace. */
static void
feed_rss_item_own(const struct feed_ctx *cx, xmlNode *c, const char *local,
    struct feed_bag *b, char **permalink)
{
	struct feed_item *it = b->item;

	if (strcmp(local, "title") == 0)
		feed_put(&b->title[SRC_MAIN], feed_text(cx, c));
	else if (strcmp(local, "description") == 0)
		feed_put(&b->desc[SRC_MAIN], feed_text(cx, c));
	else if (strcmp(local, "summary") == 0)
		/* not RSS, but written */
		feed_put(&b->desc[SRC_ALT], feed_text(cx, c));
	else if (strcmp(local, "content") == 0)
		feed_put(&b->content[SRC_ALT], feed_text(cx, c));
	else if (strcmp(local, "link") == 0)
		feed_rss_set_link(cx, c, &it->link, &it->links);
	else if (strcmp(local, "guid") == 0)
		feed_rss_guid(cx, c, it, permalink);
	else if (strcmp(local, "pubDate") == 0)
		feed_put(&b->published[SRC_MAIN], feed_text(cx, c));
	else if (strcmp(local, "author") == 0)
		feed_bag_person(cx, c, b, SRC_MAIN);
	else if (strcmp(local, "category") == 0)
		feed_text_category(cx, c, &b->cats[SRC_MAIN]);
	else if (strcmp(local, "enclosure") == 0)
		feed_rss_enclosure(cx, c, b);
}

/* An Atom element inside an RSS item. */
static void
feed_rss_item_atom(const struct feed_ctx *cx, xmlNode *c, const char *local,
    struct feed_bag *b, char **atom_link)
{
	struct feed_item *it = b->item;

	if (strcmp(local, "author") == 0)
		feed_atom_person(cx, c, &b->people[SRC_ATOM],
		    &b->n_people[SRC_ATOM]);
	else if (strcmp(local, "content") == 0)
		feed_put(&b->content[SRC_ATOM], feed_text(cx, c));
	else if (strcmp(local, "summary") == 0)
		feed_put(&b->desc[SRC_ATOM], feed_text(cx, c));
	else if (strcmp(local, "title") == 0)
		feed_put(&b->title[SRC_ATOM], feed_text(cx, c));
	else if (strcmp(local, "published") == 0)
		feed_put(&b->published[SRC_ATOM], feed_text(cx, c));
	else if (strcmp(local, "updated") == 0)
		feed_put(&b->updated[SRC_ATOM], feed_text(cx, c));
	else if (strcmp(local, "link") == 0)
		feed_atom_link(cx, c, atom_link, &b->link_other, &it->links,
		    NULL, it);
	else if (strcmp(local, "category") == 0)
		feed_atom_category(cx, c, &b->cats[SRC_ATOM]);
}

void
feed_rss_item(const struct feed_ctx *cx, struct feed *f, xmlNode *n)
{
	struct feed_item *it = feed_add_item(f);
	struct feed_bag b;
	const char *local;
	char *permalink = NULL, *about;
	char *atom_link = NULL;

	memset(&b, 0, sizeof(b));
	b.item = it;
	for (xmlNode *c = n->children; c != NULL; c = c->next) {
		enum feed_ns ns;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		ns = feed_ns_of(c, &local);
		if (feed_rss_own(ns))
			feed_rss_item_own(cx, c, local, &b, &permalink);
		else if (ns == NS_ATOM || ns == NS_ATOM03)
			feed_rss_item_atom(cx, c, local, &b, &atom_link);
		else
			feed_extension(cx, c, ns, local, &b);
	}
	/* RSS 1.0: rdf:about names the item */
	about = feed_attr_ns(cx, n, "about", "http://www.w3.org/1999/02/"
	    "22-rdf-syntax-ns#");
	if (it->guid == NULL && about && *about)
		it->guid = xstrdup(about);
	free(about);
	if (it->link == NULL && atom_link)
		it->link = xstrdup(atom_link);
	if (it->link == NULL && permalink) {
		it->link = xstrdup(permalink);
		strlist_push(&it->links, permalink);
	}
	free(permalink);
	free(atom_link);
	feed_take(&it->title, b.title, SRC_N);
	feed_take_p(&it->title, (char **const[]){ &b.media_title }, 1);
	feed_take_p(&it->description, (char **const[]){ &b.desc[SRC_MAIN],
	    &b.desc[SRC_ALT], &b.desc[SRC_DC], &b.desc[SRC_ITUNES],
	    &b.desc[SRC_ATOM], &b.subtitle, &b.media_desc }, 7);
	feed_take_p(&it->content, (char **const[]){ &b.content[SRC_MAIN],
	    &b.xhtml_body, &b.content[SRC_ATOM], &b.content[SRC_ALT] }, 4);
	/* HTML written against an xml:base (Atom does this for its text
	 * constructs; RSS only when the feed states a base) */
	if (feed_has_xml_base(cx, n)) {
		it->description = feed_html_resolve(cx, n, it->description);
		it->content = feed_html_resolve(cx, n, it->content);
	}
	feed_set_date(&it->published, b.published[SRC_MAIN]);
	feed_set_date(&it->published, b.published[SRC_ATOM]);
	feed_set_date(&it->published, b.published[SRC_DC]);
	feed_set_date(&it->published, b.published[SRC_DC2]);
	feed_set_date(&it->updated, b.updated[SRC_ATOM]);
	feed_set_date(&it->updated, b.updated[SRC_DC]);
	feed_set_date(&it->updated, b.updated[SRC_DC2]);
	feed_take_people(&b, &it->authors, &it->n_authors);
	feed_take_cats(&b, &it->categories);
	feed_set_image(&it->image, b.image[SRC_ITUNES], NULL);
	feed_set_image(&it->image, b.image[SRC_N], NULL);
	feed_set_image(&it->image, b.image[SRC_N + 1], NULL);
	feed_item_image_from_html(cx, n, it);
	feed_bag_free(&b);
	feed_item_done(f);
}

bool
feed_rss_is_item(const xmlNode *root, const xmlNode *n)
{
	const xmlNode *p = n->parent;
	const char *local;

	if (p == NULL || !feed_rss_own(feed_ns_of(n, &local)) ||
	    strcmp(local, "item") != 0)
		return false;
	if (p == root)
		return true;
	/* a channel root is the only channel (feed_rss) */
	if (p->parent != root || strcmp((const char *)root->name,
	    "channel") == 0)
		return false;
	return feed_rss_own(feed_ns_of(p, &local)) &&
	    strcmp(local, "channel") == 0;
}

static void
feed_rss_image(const struct feed_ctx *cx, xmlNode *n, struct feed_bag *b)
{
	const char *local;
	char *u = NULL;

	for (xmlNode *c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (!feed_rss_own(feed_ns_of(c, &local)))
			continue;
		if (strcmp(local, "url") == 0)
			feed_put(&u, feed_text(cx, c));
		else if (strcmp(local, "title") == 0)
			feed_put(&b->image_title, feed_text(cx, c));
	}
	if (u == NULL) {
		/* RSS 1.0: <image rdf:resource="..."/> in the channel */
		u = feed_attr_ns(cx, n, "resource",
		    "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
		if (u == NULL)
			u = feed_attr_ns(cx, n, "about",
			    "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
	}
	if (u)
		feed_put(&b->image[SRC_MAIN], feed_resolve(cx, n, u));
	free(u);
}

/* An element of the channel in RSS's own namespace. */
static void
feed_rss_channel_own(const struct feed_ctx *cx, struct feed *f, xmlNode *c,
    const char *local, struct feed_bag *b)
{
	if (strcmp(local, "item") == 0)
		feed_rss_item(cx, f, c);
	else if (strcmp(local, "title") == 0)
		feed_put(&b->title[SRC_MAIN], feed_text(cx, c));
	else if (strcmp(local, "description") == 0)
		feed_put(&b->desc[SRC_MAIN], feed_text(cx, c));
	else if (strcmp(local, "link") == 0)
		feed_rss_set_link(cx, c, &f->link, &f->links);
	else if (strcmp(local, "language") == 0)
		feed_put(&b->language[SRC_MAIN], feed_text(cx, c));
	else if (strcmp(local, "copyright") == 0)
		feed_put(&b->rights[SRC_MAIN], feed_text(cx, c));
	else if (strcmp(local, "generator") == 0)
		feed_put(&f->generator, feed_text(cx, c));
	else if (strcmp(local, "pubDate") == 0)
		feed_put(&b->published[SRC_MAIN], feed_text(cx, c));
	else if (strcmp(local, "lastBuildDate") == 0)
		feed_put(&b->updated[SRC_MAIN], feed_text(cx, c));
	else if (strcmp(local, "managingEditor") == 0)
		feed_bag_person(cx, c, b, SRC_MAIN);
	else if (strcmp(local, "webMaster") == 0)
		feed_bag_person(cx, c, b, SRC_ALT);
	else if (strcmp(local, "category") == 0)
		feed_text_category(cx, c, &b->cats[SRC_MAIN]);
	else if (strcmp(local, "image") == 0)
		feed_rss_image(cx, c, b);
	else if (strcmp(local, "author") == 0)
		/* not RSS, but written: as atom:author */
		feed_atom_person(cx, c, &b->people[SRC_ATOM],
		    &b->n_people[SRC_ATOM]);
}

/* An Atom element inside an RSS channel. */
static void
feed_rss_channel_atom(const struct feed_ctx *cx, struct feed *f, xmlNode *c,
    const char *local, struct feed_bag *b, char **atom_link)
{
	if (strcmp(local, "link") == 0)
		feed_atom_link(cx, c, atom_link, &b->link_other, &f->links,
		    &f->feed_link, NULL);
	else if (strcmp(local, "updated") == 0)
		feed_put(&b->updated[SRC_ATOM], feed_text(cx, c));
	else if (strcmp(local, "author") == 0)
		feed_atom_person(cx, c, &b->people[SRC_ATOM],
		    &b->n_people[SRC_ATOM]);
	else if (strcmp(local, "category") == 0)
		feed_atom_category(cx, c, &b->cats[SRC_ATOM]);
}

/* The channel (RSS 2.0) or the channel plus its siblings (RDF). */
static void
feed_rss_channel(const struct feed_ctx *cx, struct feed *f, xmlNode *ch,
    struct feed_bag *b, char **atom_link)
{
	const char *local;

	for (xmlNode *c = ch->children; c != NULL; c = c->next) {
		enum feed_ns ns;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		ns = feed_ns_of(c, &local);
		if (feed_rss_own(ns) && strcmp(local, "item") == 0 &&
		    feed_budget_spent(cx->budget, f))
			return;
		if (feed_rss_own(ns))
			feed_rss_channel_own(cx, f, c, local, b);
		else if (ns == NS_ATOM || ns == NS_ATOM03)
			feed_rss_channel_atom(cx, f, c, local, b, atom_link);
		else
			feed_extension(cx, c, ns, local, b);
	}
}

void
feed_rss(const struct feed_ctx *cx, struct feed *f, xmlNode *root,
    bool rdf)
{
	struct feed_bag b;
	const char *local;
	char *atom_link = NULL;
	bool seen_channel = false;

	memset(&b, 0, sizeof(b));
	if (!rdf && strcmp((const char *)root->name, "channel") == 0) {
		feed_rss_channel(cx, f, root, &b, &atom_link);
		seen_channel = true;
	}
	for (xmlNode *c = root->children; c != NULL; c = c->next) {
		enum feed_ns ns;

		if (c->type != XML_ELEMENT_NODE || seen_channel)
			continue;
		ns = feed_ns_of(c, &local);
		if (!feed_rss_own(ns))
			continue;
		if (strcmp(local, "channel") == 0)
			feed_rss_channel(cx, f, c, &b, &atom_link);
		else if (strcmp(local, "item") == 0) {
			if (feed_budget_spent(cx->budget, f))
				break;
			feed_rss_item(cx, f, c);
		} else if (strcmp(local, "image") == 0)
			feed_rss_image(cx, c, &b);
	}
	if (f->link == NULL && atom_link) {
		f->link = atom_link;
		atom_link = NULL;
	}
	free(atom_link);
	feed_take(&f->title, b.title, SRC_N);
	feed_take_p(&f->description, (char **const[]){ &b.desc[SRC_MAIN],
	    &b.desc[SRC_DC], &b.desc[SRC_ITUNES], &b.subtitle }, 4);
	feed_take(&f->language, b.language, SRC_N);
	feed_take(&f->copyright, b.rights, SRC_N);
	feed_set_date(&f->published, b.published[SRC_MAIN]);
	feed_set_date(&f->published, b.published[SRC_DC2]);
	feed_set_date(&f->updated, b.updated[SRC_MAIN]);
	feed_set_date(&f->updated, b.updated[SRC_DC]);
	feed_set_date(&f->updated, b.updated[SRC_ATOM]);
	feed_set_date(&f->updated, b.updated[SRC_DC2]);
	feed_take_people(&b, &f->authors, &f->n_authors);
	feed_take_cats(&b, &f->categories);
	feed_set_image(&f->image, b.image[SRC_MAIN], b.image_title);
	feed_set_image(&f->image, b.image[SRC_ITUNES], NULL);
	feed_set_image(&f->image, b.image[SRC_N], NULL);
	if (f->image.url == NULL) {
		char *img = feed_html_first_img(f->description);

		if (img) {
			f->image.url = feed_resolve(cx, root, img);
			free(img);
		}
	}
	feed_bag_free(&b);
}

