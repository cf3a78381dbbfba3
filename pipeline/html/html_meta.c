/* Article metadata from an HTML page: one walk over the tree gathers every
 * candidate (struct meta_cands), then each field is decided from them in
 * order of trust. */
#include "html_meta.h"

#include <assert.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../date.h"
#include "../enrich/enrich.h"
#include "url.h"
#include "html_meta_int.h"
#include "html_strip.h"

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
		META_EACH_KEY(c, keys[k], i)
			if (n + 1 < max && c->vals.v[i - 1][0] != '\0')
				sites[n++] = c->vals.v[i - 1] +
				    (c->vals.v[i - 1][0] == '@');
	if (c->ld.publisher != NULL && n + 1 < max)
		sites[n++] = c->ld.publisher;
	for (i = 0; i < c->ld.sites.n && n + 1 < max; i++)
		sites[n++] = c->ld.sites.v[i];
	for (i = 0; i < c->logos.n && n + 1 < max; i++)
		sites[n++] = c->logos.v[i];
	for (i = 0; i < 4 && n + 1 < max; i++) {
		s = url_site(urls[i]);
		if (s == NULL)
			continue;
		strlist_push_owned(owned, s);
		sites[n++] = s;
	}
	sites[n] = NULL;
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
	size_t at = 0, span = 0, b, e;
	char *rest, *p;
	bool lead;

	if (strlen(line) > META_DATELINE_MAX ||
	    date_find(line, strlen(line), &t, &at, &span) != 0 || span == 0)
		return;
	rest = xstrdup(line);
	memset(rest + at, ' ', span);
	/* the short word that introduces the date after the name: "Jane
	 * Doe am 26.01.2022", "Jane Doe on Jan 26, 2022" */
	for (e = at; e > 0 && rest[e - 1] == ' '; e--)
		;
	for (b = e; b > 0 && islower((unsigned char)rest[b - 1]); b--)
		;
	if (e - b >= 2 && e - b <= 3 && b > 0 && rest[b - 1] == ' ')
		memset(rest + b, ' ', e - b);
	meta_author_add(&names, rest, sites, &junk, true);
	/* one word only after a lead-in: "06.11.2023 13:30 von Olga" */
	for (p = rest; *p == ' ' || *p == '-' || *p == '|' || *p == ','; p++)
		;
	lead = strncasecmp(p, "von ", 4) == 0 || strncasecmp(p, "by ", 3) ==
	    0 || strncasecmp(p, "par ", 4) == 0 || strncasecmp(p, "por ", 4)
	    == 0;
	if (names.n == 1 && (lead || strchr(names.v[0], ' ') != NULL) &&
	    words_in(names.v[0], strlen(names.v[0])) <= 4)
		strlist_push(out, names.v[0]);
	strlist_free(&names);
	strlist_free(&junk);
	free(rest);
}

/* True when line holds a date. */
static bool
meta_has_date(const char *line)
{
	struct nw_time t;
	size_t at = 0, span = 0;

	return date_find(line, strlen(line), &t, &at, &span) == 0 &&
	    span > 0;
}

/* meta_dateline_author() on short texts of their own joined: a name, a
 * date, and between them one or two words of up to three letters ("am",
 * "on", "|"), within META_DATELINE_MAX bytes. A line that is a label
 * (ends in ':') or holds a credit's marks ('|', '©') is no name. */
static void
meta_dateline_join(const struct strlist *lines, const char *const *sites,
    struct strlist *out)
{
	struct buf b = {0};
	const char *l;
	size_t i, j, n;

	for (i = 0; i + 1 < lines->n && out->n == 0; i++) {
		l = lines->v[i];
		n = strlen(l);
		if (n <= 3 || strpbrk(l, "|:") != NULL ||
		    strstr(l, "©") != NULL || meta_has_date(l))
			continue;
		b.len = 0;
		buf_puts(&b, l);
		for (j = i + 1; j < lines->n && j <= i + 3 && b.len + 1 +
		    strlen(lines->v[j]) <= META_DATELINE_MAX; j++) {
			buf_puts(&b, " ");
			buf_puts(&b, lines->v[j]);
			if (meta_has_date(lines->v[j])) {
				if (j > i + 1)
					meta_dateline_author(b.p, sites,
					    out);
				break;
			}
			if (strlen(lines->v[j]) > 3)
				break;
		}
	}
	buf_free(&b);
}

/* True when a word of name is a noun that names an organisation ("Acme
 * Media Group", "Stiftung Warentest"): no person's name holds one. */
static bool
meta_org_name(const char *name)
{
	static const char *const nouns[] = {
		"media", "group", "news", "press", "presse", "verlag",
		"zeitung", "magazine", "magazin", "network", "netzwerk",
		"foundation", "stiftung", "institute", "institut",
		"university", "universität", "association", "verband",
		"verein", "company", "corporation", "holding", "holdings",
		"partners", "studio", "studios", "agency", "agentur",
		"publishing", "publications", "communications", "radio",
		"tv", "television", "times", "post", "daily", "journal",
		"club", "team", "online", "digital", "solutions", "systems",
		"services", "design", "redaktion", "editorial",
	};
	const char *w = name, *e;
	size_t i, n;

	while (*w != '\0') {
		while (*w == ' ' || *w == '-')
			w++;
		for (e = w; *e != '\0' && *e != ' ' && *e != '-'; e++)
			;
		n = (size_t)(e - w);
		for (i = 0; i < NKEYS(nouns); i++)
			if (strlen(nouns[i]) == n &&
			    strncasecmp(nouns[i], w, n) == 0)
				return true;
		w = e;
	}
	return false;
}

/* The person who holds the page's copyright (line, as "(c) 2012-
 * Jane Doe. All rights reserved."), added to out: a personal site's
 * author. Only a person's full name of two to four words counts; a
 * firm, an organisation, the site's name or one word (a brand) does
 * not. */
static void
meta_copyright_author(const char *line, const char *const *sites,
    struct strlist *out)
{
	struct strlist names = {0}, junk = {0};
	char *s = xstrdup(line), *p = s, *e;
	bool again = true;

	while (again) {
		again = false;
		while (*p == ' ' || *p == ':' || *p == ',' || *p == '-' ||
		    isdigit((unsigned char)*p))
			p++;
		if (strncmp(p, "\xc2\xa9", 2) == 0) {
			p += 2;
			again = true;
		} else if (strncasecmp(p, "(c)", 3) == 0) {
			p += 3;
			again = true;
		} else if (strncasecmp(p, "copyright", 9) == 0) {
			p += 9;
			again = true;
		} else if (strncasecmp(p, "by ", 3) == 0) {
			p += 3;
			again = true;
		} else if (strncmp(p, "\xe2\x80\x93", 3) == 0) {
			p += 3;  /* "2012–2020" */
			again = true;
		}
	}
	/* the holder ends with its sentence: "Jane Doe. All rights" (an
	 * initial's "J." does not end it) */
	for (e = p; *e != '\0'; e++)
		if (*e == '.' && (e[1] == ' ' || e[1] == '\0') && e - p >= 3 &&
		    isalpha((unsigned char)e[-1]) &&
		    isalpha((unsigned char)e[-2])) {
			*e = '\0';
			break;
		}
	meta_author_add(&names, p, sites, &junk, true);
	if (names.n == 1 && junk.n == 0 && !meta_org_name(names.v[0]) &&
	    words_in(names.v[0], strlen(names.v[0])) >= 2 &&
	    words_in(names.v[0], strlen(names.v[0])) <= 4)
		strlist_push(out, names.v[0]);
	strlist_free(&names);
	strlist_free(&junk);
	free(s);
}

/* True when the first word of name is a given name ("Christian" of
 * "Christian Mihatsch", not "Olympische" of a section's name). */
static bool
meta_given_first(const char *name)
{
	return enrich_given_name(name, strcspn(name, " "));
}

/* The name of a date and a name that are two short texts of lines, next
 * to each other in either order, or one ("22.11.2022 | Jane Doe"), where
 * it opens with a given name: above a headline, the text beside its date
 * is more often the section's ("Olympische Winterspiele"). */
static void
meta_dateline_above(const struct strlist *lines, const char *const *sites,
    struct strlist *out)
{
	struct strlist got = {0};
	char b[2 * META_DATELINE_MAX + 2];
	size_t i;

	for (i = 0; i < lines->n && out->n == 0; i++) {
		meta_dateline_author(lines->v[i], sites, &got);
		if (got.n == 0 && i + 1 < lines->n &&
		    meta_has_date(lines->v[i]) !=
		    meta_has_date(lines->v[i + 1])) {
			snprintf(b, sizeof(b), "%s %s", lines->v[i],
			    lines->v[i + 1]);
			meta_dateline_author(b, sites, &got);
		}
		if (got.n == 1 && meta_given_first(got.v[0]))
			strlist_push(out, got.v[0]);
		strlist_free(&got);
	}
}

/* True when l holds one value, or the same value several times. */
static bool
meta_one_value(const struct strlist *l)
{
	size_t i;

	for (i = 1; i < l->n; i++)
		if (strcmp(l->v[i], l->v[0]) != 0)
			return false;
	return l->n > 0;
}

/* The <meta> keys that name authors, in order; twitter:data1 last. */
static const char *const meta_keys[] = {
	"author", "article:author", "dc.creator", "dcterms.creator",
	"parsely-author", "sailthru.author", "byl", "citation_author",
	"og:article:author", "book:author", "twitter:data1",
};

/* Adds the names of the value v of <meta> key: Dublin Core and
 * scholarly metadata write one person "Last, First" ("Harm, Robert" is
 * Robert Harm), where a comma elsewhere separates two people. */
static void
meta_author_key_add(struct strlist *out, const char *key, const char *v,
    const char *const *sites, struct strlist *outlets)
{
	const char *comma = strchr(v, ',');
	char *name;
	size_t n;

	if ((strcmp(key, "dc.creator") == 0 ||
	    strcmp(key, "dcterms.creator") == 0 ||
	    strcmp(key, "citation_author") == 0) && comma != NULL &&
	    comma[1] == ' ' && strchr(comma + 1, ',') == NULL &&
	    strchr(comma + 2, ' ') == NULL && strchr(v, ' ') == comma + 1 &&
	    isupper((unsigned char)v[0]) && isupper((unsigned char)comma[2])) {
		n = strlen(v) + 1;
		name = xmalloc(n);
		snprintf(name, n, "%s %.*s", comma + 2, (int)(comma - v), v);
		meta_author_add(out, name, sites, outlets, false);
		free(name);
		return;
	}
	meta_author_add(out, v, sites, outlets, false);
}

/* The authors the <meta>s of meta_keys name, key by key until one
 * does. */
static void
meta_author_keys(const struct meta_cands *c, const char *const *sites,
    struct strlist *out, struct strlist *outlets)
{
	static const char *const labels[] = {
		"written by", "geschrieben von", "verfasst von", "autor",
		"autorin", "author", "escrito por", "écrit par", "auteur",
		"von",
	};
	const char *lab;
	size_t i, k, n;

	lab = meta_get(c, (const char *const[]){"twitter:label1"}, 1);
	for (k = 0; k < NKEYS(meta_keys) && out->n == 0; k++) {
		if (strcmp(meta_keys[k], "twitter:data1") == 0) {
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
		n = 0;
		META_EACH_KEY(c, meta_keys[k], i)
			n++;
		if (n > META_META_AUTHORS &&
		    strcmp(meta_keys[k], "citation_author") != 0)
			continue;
		META_EACH_KEY(c, meta_keys[k], i)
			meta_author_key_add(out, meta_keys[k],
			    c->vals.v[i - 1], sites, outlets);
	}
}

/* The name in author link l->v[i]: another link's text that ends it
 * after a space where there is one ("Martin Junker" of "Alles von Martin
 * Junker", "More by Jane Doe"), else the text itself. */
static const char *
meta_link_name(const struct strlist *l, size_t i)
{
	size_t j, n = strlen(l->v[i]), m;

	for (j = 0; j < l->n; j++) {
		m = strlen(l->v[j]);
		if (m > 0 && m < n && l->v[i][n - m - 1] == ' ' &&
		    strcmp(l->v[i] + n - m, l->v[j]) == 0)
			return l->v[j];
	}
	return l->v[i];
}

/* Replaces out by the names of the byline under the headline where
 * those hold all of out's and more: a CMS's author field names the one
 * account that posted the article ("Rudolf Fischer"), the page prints
 * everyone who wrote it ("von Rudolf Fischer, Simon Kohler"). */
static void
meta_byline_extends(const struct meta_cands *c, const char *const *sites,
    struct strlist *out)
{
	struct strlist line = {0}, junk = {0};
	size_t i;

	if (out->n > 0 && meta_author_lines(&line, &c->lines_after,
	    META_BYLINE_LINES, sites, &junk) > out->n) {
		for (i = 0; i < out->n && strlist_contains(&line, out->v[i]);
		    i++)
			;
		if (i == out->n) {
			strlist_free(out);
			*out = line;
			line = (struct strlist){0};
		}
	}
	strlist_free(&line);
	strlist_free(&junk);
}

/* the page's texts that name authors: itemprop=author, <a rel=author>,
 * texts that open with "By", byline-class nodes */
static void
meta_author_texts(const struct meta_cands *c, const struct strlist *text[4])
{
	text[0] = &c->prop_author;
	text[1] = &c->rel_author;
	text[2] = &c->lead_byline;
	text[3] = &c->byline;
}

/* The authors the page marks as such: its JSON-LD, its byline and its
 * markup of one, its <meta>s */
static void
meta_authors_marked(const struct meta_cands *c, const char *const *sites,
    struct strlist *out, struct strlist *outlets)
{
	const struct strlist *text[4];
	size_t i, k;

	meta_author_texts(c, text);
	for (i = 0; i < c->ld.authors.n; i++)
		meta_author_add(out, c->ld.authors.v[i], sites, outlets,
		    false);
	/* A line under the headline that opens with "By" or kin: the
	 * byline nearest the headline speaks for this article, where a
	 * <meta name=author> may be the site's for every page */
	if (out->n == 0)
		(void)meta_author_lines(out, &c->lines_after,
		    META_BYLINE_LINES, sites, outlets);
	else
		meta_byline_extends(c, sites, out);
	/* For the same reason the page's own markup of its byline comes
	 * before the <meta>s: a link rel=author, and a text that opens
	 * with "By" where the page holds one such text (or the same one
	 * again; bylines of several names are teasers of other
	 * articles) */
	for (i = 0; i < c->rel_author.n && out->n == 0; i++)
		meta_author_add(out, c->rel_author.v[i], sites, outlets,
		    false);
	if (out->n == 0 && meta_one_value(&c->lead_byline) &&
	    meta_author_add(out, c->lead_byline.v[0], sites, outlets,
	    true) == 0 && meta_one_value(&c->lead_named))
		/* (where its name is an element of its own holding a link,
		 * the name is as marked, a handle too: "von <a>r23</a>") */
		meta_author_add(out, c->lead_named.v[0], sites, outlets,
		    false);
	meta_author_keys(c, sites, out, outlets);
	for (k = 0; k < 4; k++)
		for (i = 0; i < text[k]->n && out->n == 0 &&
		    text[k] != &c->rel_author; i++)  /* read above */
			meta_author_add(out, text[k]->v[i], sites, outlets,
			    k == 2);
}

/* No byline marked as such: a name the page shows another way, by
 * the link to the author's page, an author box, twitter:creator */
static void
meta_authors_linked(const struct meta_cands *c, const char *const *sites,
    struct strlist *out, struct strlist *outlets)
{
	const char *cr;
	size_t i;

	/* A link to the author's own page ("/author/jane-doe/") names
	 * the author where no class or markup said so */
	for (i = 0; i < c->author_link.n && out->n == 0; i++)
		meta_author_add(out, meta_link_name(&c->author_link, i),
		    sites, outlets, false);
	/* or the full name an author box prints before its link, where
	 * the link's text is no name ("Alle Artikel") */
	for (i = 0; i < c->author_box.n && out->n == 0; i++)
		if (strchr(c->author_box.v[i], ' ') != NULL)
			meta_author_add(out, c->author_box.v[i], sites,
			    outlets, true);
	/* twitter:creator names the author's account: a name where it is
	 * not an "@handle" (which is an account, often the outlet's) */
	cr = meta_get(c, (const char *const[]){"twitter:creator"}, 1);
	if (out->n == 0 && cr != NULL && strchr(cr, '@') == NULL)
		meta_author_add(out, cr, sites, outlets, false);
}

/* Nor that: a name beside a date around the headline, a wire's
 * credit, the outlet, the copyright's holder */
static void
meta_authors_unmarked(const struct meta_cands *c, const char *const *sites,
    struct strlist *out, const struct strlist *outlets)
{
	struct strlist junk = {0};
	size_t i;

	/* A line under the headline that holds a date and a name:
	 * "11.12.2019 - Amelie Loevenich", "21. Jan 2022 // Dominik R." */
	for (i = 0; i < c->lines_after.n && out->n == 0; i++)
		meta_dateline_author(c->lines_after.v[i], sites, out);
	/* or the two as short texts of their own, the name first:
	 * "Kathrin Führes" "am" "Mittwoch, 26.01.2022 - 14:30" */
	if (out->n == 0)
		meta_dateline_join(&c->lines_after, sites, out);
	/* or the two just above the headline, either first: "22.11.2022"
	 * "Christian Mihatsch" */
	if (out->n == 0)
		meta_dateline_above(&c->lines_before, sites, out);
	/* or a short text alone beside a <time> in a box of the two */
	if (out->n == 0 && meta_one_value(&c->time_mate)) {
		(void)meta_author_add(out, c->time_mate.v[0], sites, &junk,
		    false);
		strlist_free(&junk);
	}
	/* A wire story: the agency credited under the headline or in the
	 * dateline ("Hamburg (dpa/lno) – ...") */
	if (out->n == 0)
		(void)meta_author_wire(out, &c->lines_after, META_BYLINE_LINES,
		    meta_get(c, (const char *const[]){"og:description",
		    "description"}, 2), &c->source_line);
	/* No person named anywhere: the outlet named as author is it,
	 * unless it is a firm (a publisher's or a web agency's legal name,
	 * "Web Commerce GmbH"): a company is no author. */
	for (i = 0; i < outlets->n && out->n == 0; i++)
		if (!meta_author_is_firm(outlets->v[i]))
			strlist_push(out, outlets->v[i]);
	/* Nor an outlet: a person who holds the site's copyright. */
	if (out->n == 0 && c->copyright != NULL)
		meta_copyright_author(c->copyright, sites, out);
}

/* The full names the page gives anywhere, for a one-word name to be
 * read against */
static void
meta_authors_pool(const struct meta_cands *c, const char *const *sites,
    const struct strlist *outlets, struct strlist *pool)
{
	struct strlist junk = {0};
	const struct strlist *text[4];
	size_t i, k;

	meta_author_texts(c, text);
	for (k = 0; k < 4; k++)
		for (i = 0; i < text[k]->n; i++)
			meta_author_add(pool, text[k]->v[i], sites, &junk,
			    true);
	/* and a person's name that was dropped as the site's own (a
	 * personal site named after its author) */
	for (i = 0; i < outlets->n; i++)
		(void)meta_author_add(pool, outlets->v[i], NULL, &junk,
		    true);
	/* and the full name that opens the author's own description */
	for (i = 0; i < c->ld.bios.n; i++)
		(void)meta_author_add(pool, c->ld.bios.v[i], sites, &junk,
		    true);
	/* and the <meta>s' names (not twitter:data1), read where a byline
	 * came first */
	for (k = 0; k < NKEYS(meta_keys) - 1; k++)
		META_EACH_KEY(c, meta_keys[k], i)
			(void)meta_author_add(pool, c->vals.v[i - 1],
			    NULL, &junk, true);
	strlist_free(&junk);
}

/* A first name alone ("Todd") where the page's byline gives the full
 * name ("Todd Bates"): take the full one. */
static void
meta_authors_full(const struct meta_cands *c, const char *const *sites,
    const struct strlist *outlets, struct strlist *out)
{
	struct strlist pool = {0};
	size_t i, k, n;
	bool one = false;

	for (i = 0; i < out->n && !one; i++)
		one = strchr(out->v[i], ' ') == NULL;
	/* (the pool of full names is read only for a one-word name) */
	if (!one)
		return;
	meta_authors_pool(c, sites, outlets, &pool);
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
}

static void
meta_decide_authors(const struct meta_cands *c, const char *const *sites,
    struct strlist *out)
{
	struct strlist outlets = {0};

	meta_authors_marked(c, sites, out, &outlets);
	meta_authors_linked(c, sites, out, &outlets);
	meta_authors_unmarked(c, sites, out, &outlets);
	meta_authors_full(c, sites, &outlets, out);
	strlist_free(&outlets);
}

bool
html_meta_names_author(const struct nw_article *a, const char *text)
{
	for (size_t i = 0; text != NULL && i < a->authors.n; i++)
		if (strcasestr(text, a->authors.v[i]) != NULL)
			return true;
	return false;
}

/* True when none of a's authors is in text, the text the page shows: a
 * CMS's author field that no byline prints. */
static bool
meta_authors_unseen(const struct nw_article *a, const char *text)
{
	return text != NULL && !html_meta_names_author(a, text);
}

void
html_meta_signature(struct nw_article *a,
    const char *(*page_text)(void *), void *arg)
{
	const char *sites[2] = {a->publisher, NULL};
	struct strlist names = {0};

	/* a greeting or a sign-off closes a text too ("Frohe Weihnachten",
	 * "Euer HansEhrlich"): the name opens with a given name. It signs
	 * the text where the page names no author, or only in a field no
	 * reader sees (a guest's text posted by the site's owner) */
	if (meta_author_signature(&names, a->body, sites) == 1 &&
	    meta_given_first(names.v[0]) && (a->authors.n == 0 ||
	    meta_authors_unseen(a, page_text(arg)))) {
		strlist_free(&a->authors);
		strlist_push(&a->authors, names.v[0]);
	}
	strlist_free(&names);
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

static const char *const meta_lang_keys[] = {
	"content-language", "dc.language", "dcterms.language",
	"language", "og:locale",
};

static char *
meta_decide_lang(const struct meta_cands *c)
{
	char *l = meta_lang(c->html_lang);
	size_t k;

	if (l == NULL)
		l = meta_lang(c->ld.lang);
	for (k = 0; k < NKEYS(meta_lang_keys) && l == NULL; k++)
		l = meta_lang(meta_get(c, &meta_lang_keys[k], 1));
	return l;
}

/* The language tag the page states first, as stated ("de-AT"). */
static const char *
meta_lang_tag(const struct meta_cands *c)
{
	const char *v;
	size_t k;
	char *l;

	if ((l = meta_lang(c->html_lang)) != NULL) {
		free(l);
		return c->html_lang;
	}
	if ((l = meta_lang(c->ld.lang)) != NULL) {
		free(l);
		return c->ld.lang;
	}
	for (k = 0; k < NKEYS(meta_lang_keys); k++) {
		v = meta_get(c, &meta_lang_keys[k], 1);
		if ((l = meta_lang(v)) != NULL) {
			free(l);
			return v;
		}
	}
	return NULL;
}

/* ref resolved against base (url_resolve()), without its
 * fragment; NULL unless the result is an absolute http(s) URL. */
static char *
meta_resolve(const char *ref, const char *base)
{
	char *s, *hash;

	if (ref == NULL || ref[0] == '\0')
		return NULL;
	s = url_resolve(ref, base);
	if (s == NULL)
		return NULL;
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

/* True when the file name of an image URL says it stands for no page in
 * particular: a blank, a placeholder, a default, the site's logo or
 * icon. */
static bool
meta_generic_image(const char *u)
{
	static const char *const words[] = {
		"blank", "placeholder", "default", "logo", "favicon", "icon",
	};
	const char *name, *end = u + strcspn(u, "?#");
	size_t k, n;

	for (name = end; name > u && name[-1] != '/'; name--)
		;
	n = (size_t)(end - name);
	for (k = 0; k < NKEYS(words); k++)
		if (n >= strlen(words[k]) && memmem(name, n, words[k],
		    strlen(words[k])) != NULL)
			return true;
	return false;
}

/* The picture the page chose to stand for it: OpenGraph, Twitter card,
 * then the article's schema.org image, as an absolute http(s) URL. */
static char *
meta_decide_image(const struct meta_cands *c, const char *url)
{
	static const char *const keys[] = {
		"og:image:secure_url", "og:image:url", "og:image",
		"twitter:image", "twitter:image:src", "image",
		"thumbnailurl",
	};
	char *s = NULL;
	size_t k;

	for (k = 0; k < NKEYS(keys) && s == NULL; k++)
		s = meta_resolve(meta_get(c, &keys[k], 1), url);
	if (s == NULL)
		s = meta_resolve(c->ld.image, url);
	if (s != NULL && meta_generic_image(s)) {
		free(s);
		s = NULL;
	}
	return s;
}

/* Puts the text of heading h's kicker before *after (the text after
 * the heading): a date printed above the headline comes first. */
static void
meta_kicker_first(char **after, xmlNodePtr h)
{
	char *k = meta_kicker_text(h), *s;
	size_t n;

	if (k == NULL)
		return;
	n = strlen(k) + strlen(*after) + 2;
	s = xmalloc(n);
	snprintf(s, n, "%s %s", k, *after);
	free(k);
	free(*after);
	*after = s;
}

struct html_meta *
html_meta_start(void)
{
	struct html_meta *m = xcalloc(1, sizeof(*m));

	meta_walk_begin(&m->w);
	return m;
}

/* What the walk w holds, but for the candidates. */
static void
meta_walk_free(struct meta_walk *w)
{
	free(w->heads.v);
	free(w->scripts.v);
	free(w->comments.v);
	free(w->cw);
}

void
html_meta_free(struct html_meta *m)
{
	if (m == NULL)
		return;
	meta_cands_free(&m->c);
	meta_walk_free(&m->w);
	free(m);
}

void
html_meta_extract(htmlDocPtr doc, const char *url, int64_t now,
    struct nw_article *a)
{
	struct html_meta *m;

	if (doc == NULL || a == NULL)
		return;
	m = html_meta_start();
	meta_walk(xmlDocGetRootElement(doc), &m->c, &m->w);
	html_meta_end(m, doc, url, now, a);
}

/* Subtitle s, or NULL (s freed) when s is the title or a part of it: the
 * headline's block a description opens with, the title less the site's
 * name, is no standfirst. */
static char *
meta_title_echo(char *s, const char *title)
{
	char *ss, *st;
	bool echo;

	if (s == NULL || title == NULL)
		return s;
	ss = meta_squash(s);
	st = meta_squash(title);
	echo = ss[0] == '\0' || strstr(st, ss) != NULL;
	free(ss);
	free(st);
	if (echo) {
		free(s);
		return NULL;
	}
	return s;
}

void
html_meta_end(struct html_meta *m, htmlDocPtr doc, const char *url,
    int64_t now, struct nw_article *a)
{
	/* the walk's, owned from here */
	struct meta_cands c = m->c;
	struct meta_walk w = m->w;
	struct strlist owned = {0};
	const char *sites[24], *pub;
	struct nw_time t;
	xmlNodePtr anchor;
	char *s;

	free(m);
	meta_walk_end(&w);
	meta_index_keys(&c);
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
		    &c.lines_after, &w);
		meta_kicker_first(&c.after_title, anchor);
		meta_lines_before(anchor, &c.lines_before, &w);
	}
	if (a->subtitle == NULL)
		a->subtitle = meta_title_echo(meta_decide_subtitle(&c,
		    a->title, sites, xmlDocGetRootElement(doc)), a->title);
	if (a->subtitle == NULL)
		a->subtitle = meta_title_echo(meta_heading_standfirst(anchor,
		    &w.leads), a->title);
	if (a->authors.n == 0) {
		meta_decide_authors(&c, sites, &a->authors);
		/* a first name alone, not the site's own name (which is
		 * the outlet, "GIROMATCH"), may be printed in full */
		if (a->authors.n == 1 &&
		    strchr(a->authors.v[0], ' ') == NULL &&
		    !meta_is_site(a->authors.v[0], strlen(a->authors.v[0]),
		    sites))
			(void)meta_full_name(xmlDocGetRootElement(doc),
			    &a->authors.v[0], 0);
	}
	if (!a->published.set && meta_published(&c, url, now, &t))
		a->published = t;
	if (!a->published.set) {
		size_t best = META_NSCRIPT_KEYS;

		meta_script_dates(&w.scripts, now, &best, &t);
		if (best < META_NSCRIPT_KEYS ||
		    meta_modified(&c, now, &t))
			a->published = t;
	}
	if (!a->published.set) {
		/* last: the first date on a short line of the page, one
		 * marked as an update when it is the only one */
		struct buf b = {0};

		buf_puts(&b, "");
		meta_page_lines(xmlDocGetRootElement(doc), &b,
		    META_PAGE_LINES, 0, &w);
		if (meta_date_find_upd(b.p, now, &t, true))
			a->published = t;
		buf_free(&b);
	}
	if (a->published.set) {
		meta_local_midnight(&a->published, meta_lang_tag(&c));
		meta_page_offset(&c, &a->published);
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
	if (a->lead_image == NULL)
		a->lead_image = meta_decide_image(&c, url);
	if (a->canonical_url == NULL) {
		s = meta_resolve(c.canonical, url);
		if (s == NULL)
			s = meta_resolve(meta_get(&c, (const char *const[]){
			    "og:url"}, 1), url);
		a->canonical_url = s;
	}
	strlist_free(&owned);
	meta_cands_free(&c);
	meta_walk_free(&w);
}
