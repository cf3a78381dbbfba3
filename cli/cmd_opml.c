/* newswire opml import FILE.opml: an OPML 1.0 or 2.0 subscription list
 * as [source "NAME"] sections on standard output (for sources.d/);
 * newswire opml export CONFIG: the sources of a configuration (and of its
 * sources_dir) as OPML 2.0.
 *
 * Import: every outline with an xmlUrl is a source, at any depth; its
 * title (or text) is its title, htmlUrl its site, and its categories are
 * the path of the folders (outlines without xmlUrl) above it, joined by
 * '/', and the entries of its category attribute (comma-separated,
 * leading '/' dropped). The name is made of the title (or the URL's
 * host): lower-case letters, digits and '-', made unique with -2, -3...
 * An outline of type "sitemap" (as export writes a kind = sitemap source)
 * is a sitemap source. Export leaves out the sources that name a site
 * and no url (their feed is found by the daemon).
 * The XML is read by libxml2 with no network and no entity expansion. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "cli.h"
#include "config.h"
#include "util.h"

/* inih reads lines of at most 197 bytes (config_load.c) */
#define OPML_TITLE_MAX 120
#define OPML_LINE_MAX 190
#define OPML_NAME_MAX 48

struct opml_out {
	struct strlist names;
	size_t n, skipped;
};

static char *
prop(xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	char *s;

	if (v == NULL)
		return NULL;
	s = xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

/* One line of INI value: control characters and runs of space made one
 * space, trimmed, " ;" (an inline comment to the parser) made " ,", cut
 * at max bytes on a UTF-8 boundary. */
static char *
ini_value(const char *s, size_t max)
{
	struct buf b = { 0 };

	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c < 0x20 || c == 0x7f || c == ' ') {
			if (b.len > 0 && b.p[b.len - 1] != ' ')
				buf_putc(&b, ' ');
			continue;
		}
		if (c == ';' && b.len > 0 && b.p[b.len - 1] == ' ')
			c = ',';
		buf_putc(&b, (char)c);
	}
	if (b.len > max) {
		b.len = max;
		while (b.len > 0 &&
		    ((unsigned char)b.p[b.len] & 0xc0) == 0x80)
			b.len--;
	}
	while (b.len > 0 && b.p[b.len - 1] == ' ')
		b.len--;
	buf_putc(&b, '\0');
	return buf_take(&b);
}

static bool
is_http(const char *u)
{
	return u != NULL && (strncmp(u, "http://", 7) == 0 ||
	    strncmp(u, "https://", 8) == 0);
}

/* A safe, unique source name of the title, else of the URL's host. */
static char *
make_name(struct opml_out *o, const char *title, const char *url)
{
	const char *s = title;
	struct buf b = { 0 };
	char *base;
	int i = 2;

	if (s == NULL || *s == '\0')
		s = url + (strncmp(url, "https://", 8) == 0 ? 8 : 7);
	for (; *s != '\0' && b.len < OPML_NAME_MAX; s++) {
		char c = *s;

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			buf_putc(&b, c);
		else if (b.len > 0 && b.p[b.len - 1] != '-')
			buf_putc(&b, '-');
	}
	while (b.len > 0 && b.p[b.len - 1] == '-')
		b.len--;
	if (b.len == 0)
		buf_puts(&b, "feed");
	buf_putc(&b, '\0');
	base = buf_take(&b);
	buf_puts(&b, base);
	while (strlist_contains(&o->names, b.p)) {
		b.len = 0;
		buf_printf(&b, "%s-%d", base, i++);
	}
	free(base);
	strlist_push(&o->names, b.p);
	return buf_take(&b);
}

static void
add_category(struct strlist *cats, const char *c)
{
	char *v;

	while (*c == '/' || *c == ' ')
		c++;
	v = ini_value(c, OPML_TITLE_MAX);
	if (*v != '\0' && !strlist_contains(cats, v))
		strlist_push(cats, v);
	free(v);
}

static void
print_source(struct opml_out *o, xmlNode *n, const char *folder)
{
	char *url = prop(n, "xmlUrl"), *site = prop(n, "htmlUrl");
	char *title = prop(n, "title"), *cat = prop(n, "category");
	char *type = prop(n, "type");
	struct strlist cats = { 0 };
	char *t, *name, *tok, *save;

	if (title == NULL || *title == '\0') {
		free(title);
		title = prop(n, "text");
	}
	t = ini_value(title != NULL ? title : "", OPML_TITLE_MAX);
	if (!is_http(url) || strlen(url) > OPML_LINE_MAX ||
	    strpbrk(url, " \t\r\n") != NULL) {
		fprintf(stderr, "newswire opml: skipped '%s': xmlUrl is not "
		    "a usable http(s) URL\n", t);
		o->skipped++;
		goto out;
	}
	if (folder != NULL && *folder != '\0')
		add_category(&cats, folder);
	for (tok = cat != NULL ? strtok_r(cat, ",", &save) : NULL;
	    tok != NULL; tok = strtok_r(NULL, ",", &save))
		add_category(&cats, tok);
	name = make_name(o, t, url);
	printf("\n[source \"%s\"]\nurl = %s\n", name, url);
	if (type != NULL && strcmp(type, "sitemap") == 0)
		printf("kind = sitemap\n");
	if (*t != '\0')
		printf("title = %s\n", t);
	if (is_http(site) && strlen(site) <= OPML_LINE_MAX &&
	    strpbrk(site, " \t\r\n") == NULL)
		printf("site = %s\n", site);
	for (size_t i = 0; i < cats.n; i++)
		printf("category = %s\n", cats.v[i]);
	free(name);
	o->n++;
out:
	strlist_free(&cats);
	free(t);
	free(url);
	free(site);
	free(title);
	free(cat);
	free(type);
}

static bool
is_outline(xmlNode *n)
{
	return n->type == XML_ELEMENT_NODE &&
	    xmlStrcmp(n->name, (const xmlChar *)"outline") == 0;
}

/* The outlines under parent, folder being the path of folders above. */
static void
walk(struct opml_out *o, xmlNode *parent, const char *folder, int depth)
{
	struct buf path = { 0 };
	char *url, *label;

	if (depth > 32)
		return;
	for (xmlNode *n = parent->children; n != NULL; n = n->next) {
		if (!is_outline(n))
			continue;
		url = prop(n, "xmlUrl");
		if (url != NULL) {
			free(url);
			print_source(o, n, folder);
			continue;
		}
		label = prop(n, "title");
		if (label == NULL || *label == '\0') {
			free(label);
			label = prop(n, "text");
		}
		path.len = 0;
		buf_printf(&path, "%s%s%s", folder, *folder ? "/" : "",
		    label != NULL ? label : "");
		free(label);
		walk(o, n, path.p, depth + 1);
	}
	buf_free(&path);
}

static int
opml_import(const char *file)
{
	struct opml_out o = { 0 };
	xmlDoc *doc;
	xmlNode *root, *body = NULL;

	doc = xmlReadFile(file, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
	    XML_PARSE_NOWARNING);
	if (doc == NULL) {
		fprintf(stderr, "newswire opml: %s: not well-formed XML\n",
		    file);
		return 1;
	}
	root = xmlDocGetRootElement(doc);
	if (root == NULL ||
	    xmlStrcmp(root->name, (const xmlChar *)"opml") != 0) {
		fprintf(stderr, "newswire opml: %s: not OPML\n", file);
		xmlFreeDoc(doc);
		return 1;
	}
	for (xmlNode *n = root->children; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE &&
		    xmlStrcmp(n->name, (const xmlChar *)"body") == 0)
			body = n;
	printf("# Imported from %s by newswire opml import.\n", file);
	if (body != NULL)
		walk(&o, body, "", 0);
	xmlFreeDoc(doc);
	strlist_free(&o.names);
	fprintf(stderr, "newswire opml: %zu source(s)%s\n", o.n,
	    o.skipped ? ", some skipped" : "");
	return o.n > 0 ? 0 : 1;
}

static void
xml_attr(const char *name, const char *v)
{
	if (v == NULL)
		return;
	printf(" %s=\"", name);
	for (; *v != '\0'; v++)
		switch (*v) {
		case '&': fputs("&amp;", stdout); break;
		case '<': fputs("&lt;", stdout); break;
		case '>': fputs("&gt;", stdout); break;
		case '"': fputs("&quot;", stdout); break;
		default: putchar(*v); break;
		}
	putchar('"');
}

static int
opml_export(const char *path)
{
	struct config c;
	struct buf cats = { 0 };
	char err[512];

	config_defaults(&c);
	if (config_load(&c, path, err, sizeof(err)) != 0) {
		fprintf(stderr, "newswire opml: %s\n", err);
		config_free(&c);
		return 1;
	}
	printf("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<opml version=\"2.0\">\n<head><title>newswire sources"
	    "</title></head>\n<body>\n");
	for (size_t i = 0; i < c.sources.n; i++) {
		const struct source_conf *s = &c.sources.v[i];
		const char *t = s->title != NULL ? s->title : s->name;

		cats.len = 0;
		for (size_t k = 0; k < s->categories.n; k++)
			buf_printf(&cats, "%s/%s", k ? "," : "",
			    s->categories.v[k]);
		if (s->url == NULL)
			continue;       /* site = only: no feed to name */
		printf("  <outline type=\"%s\"", s->sitemap ? "sitemap" :
		    "rss");
		xml_attr("text", t);
		xml_attr("title", t);
		xml_attr("xmlUrl", s->url);
		xml_attr("htmlUrl", s->site);
		if (cats.len > 0)
			xml_attr("category", cats.p);
		printf("/>\n");
	}
	printf("</body>\n</opml>\n");
	buf_free(&cats);
	config_free(&c);
	return 0;
}

int
cmd_opml(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "import") == 0)
		return opml_import(argv[2]);
	if (argc == 3 && strcmp(argv[1], "export") == 0)
		return opml_export(argv[2]);
	fprintf(stderr, "usage: newswire opml import FILE.opml\n"
	    "       newswire opml export CONFIG\n");
	return 2;
}
