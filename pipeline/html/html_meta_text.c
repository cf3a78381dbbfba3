/* Article metadata from an HTML page: the page text around the headline
 * (the short lines after it, where a page prints its date), the page's
 * short lines, an author box's full name, the heading that holds the
 * title, and the standfirst (a description, or the page's block a cut
 * one was cut from). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../date.h"
#include "html_meta_int.h"

/* Room before the date of a dateline that opens prose: "Karlsruhe, (". */
#define META_DATELINE_LEAD 32

/* Whether f[0..at) is a dateline's place before its date: empty, or
 * words that each open with a capital ("BERLIN", "Bad Homburg"), then a
 * comma or an opening parenthesis. Prose that names a date ("Ich habe
 * am 12. Mai 2006", a caption's "In this Dec. 12, 2006 file photo")
 * holds a word in lower case. */
static bool
meta_dateline_place(const char *f, size_t at)
{
	size_t i;
	bool word = true;

	if (at == 0)
		return true;
	while (at > 0 && (f[at - 1] == ' ' || f[at - 1] == '('))
		at--;
	if (at == 0 || f[at - 1] != ',')
		return false;
	for (i = 0; i + 1 < at; i++) {
		if (word && islower((unsigned char)f[i]))
			return false;
		word = f[i] == ' ' || f[i] == '-' || f[i] == '/';
	}
	return true;
}

/* Appends to b the dateline that opens the prose f[0..len) ("Karlsruhe,
 * (12.11.2021). Traditionell gedenken ...", "BERLIN, 28.10.2021 - "):
 * the place and a date that starts within the first META_DATELINE_LEAD
 * bytes. A press release dates itself there. */
static void
meta_dateline_open(struct buf *b, const char *f, size_t len)
{
	struct nw_time t;
	size_t at, span, n = META_DATELINE_LEAD + META_LINE_MAX;

	if (date_find(f, len < n ? len : n, &t, &at, &span) == 0 &&
	    at <= META_DATELINE_LEAD && meta_dateline_place(f, at)) {
		buf_append(b, f, at + span);
		buf_putc(b, ' ');
	}
}

/* The short texts that follow node in document order (not its own),
 * within max bytes (at most META_AFTER_TITLE) of page text: where a
 * page prints the date under its headline. Text nodes longer than a line
 * are body prose; they are skipped (a date in a sentence is seldom the
 * page's) but use up max. */
char *
meta_text_after(xmlNodePtr node, size_t max, struct strlist *lines,
    const struct meta_walk *w)
{
	struct buf b = {0};
	xmlNodePtr n = node;
	size_t seen = 0, len;
	char f[META_AFTER_TITLE + 1];
	enum meta_tag tag;

	buf_puts(&b, "");
	if (max > META_AFTER_TITLE)
		max = META_AFTER_TITLE;
	while (n != NULL && seen < max) {
		tag = n->type == XML_ELEMENT_NODE ? meta_tag_of(n->name) :
		    MT_OTHER;
		if (n != node && n->type == XML_ELEMENT_NODE &&
		    n->children != NULL && tag != MT_SCRIPT &&
		    tag != MT_STYLE && !meta_is_comments(w, n)) {
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
				/* (a teaser's "Von ..." is its writer's) */
				if (lines->n < META_MAX_LIST &&
				    !meta_in_teaser(n->parent))
					strlist_push(lines, f);
			} else if (len > 0) {
				meta_dateline_open(&b, f, len);
			}
		}
		/* (as far up as it takes: the bound is the page's text,
		 * not the wrappers another CMS puts around each block) */
		while (n != NULL && n->next == NULL)
			n = n->parent;
		if (n != NULL)
			n = n->next;
	}
	return buf_take(&b);
}

/* The node before n in document order: the last of the previous
 * sibling's descendants (not those of a script, a style or reader
 * comments), else the parent. */
static xmlNodePtr
meta_node_before(xmlNodePtr n, const struct meta_walk *w)
{
	enum meta_tag tag;

	if (n->prev == NULL)
		return n->parent;
	for (n = n->prev; n->type == XML_ELEMENT_NODE && n->last != NULL;
	    n = n->last) {
		tag = meta_tag_of(n->name);
		if (tag == MT_SCRIPT || tag == MT_STYLE ||
		    meta_is_comments(w, n))
			break;
	}
	return n;
}

/* The short texts just before node, at most META_BEFORE_LINES of them,
 * in document order, into lines: up to the first text longer than a
 * line (the page's prose), the <body>, or a few hundred nodes back.
 * Where a page prints its date and byline above the headline. */
void
meta_lines_before(xmlNodePtr node, struct strlist *lines,
    const struct meta_walk *w)
{
	char f[META_LINE_MAX + 1];
	char *v[META_BEFORE_LINES];
	size_t n = 0, len;
	int budget = 400;
	xmlNodePtr m;

	for (m = meta_node_before(node, w); m != NULL && budget-- > 0 &&
	    n < META_BEFORE_LINES; m = meta_node_before(m, w)) {
		if (m->type == XML_ELEMENT_NODE &&
		    meta_tag_of(m->name) == MT_BODY)
			break;  /* (not into the <head>'s <title>) */
		if (m->type != XML_TEXT_NODE || m->content == NULL)
			continue;
		len = meta_fold_buf((const char *)m->content, f, sizeof(f));
		if (len > META_LINE_MAX)
			break;
		if (len > 0)
			v[n++] = xstrdup(f);
	}
	while (n > 0) {
		strlist_push(lines, v[--n]);
		free(v[n]);
	}
}

/* Appends to b the short text nodes (at most META_LINE_MAX bytes folded)
 * under n in document order, outside scripts, styles and reader comments,
 * until about max bytes: the lines where a page may print its date when
 * nothing near the headline or in its metadata states one. */
void
meta_page_lines(xmlNodePtr n, struct buf *b, size_t max, int depth,
    const struct meta_walk *w)
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
		    meta_is_comments(w, n))
			continue;
		meta_page_lines(n->children, b, max, depth + 1, w);
	}
}

/* Replaces the one-word name *name (no ' ' in it) with the first short
 * text node under n (outside scripts and styles) that is a person's name
 * opening with it, in any case and after a lead-in: "Todd" becomes "Todd
 * Bates" where an author box prints the full name, "Henry" "HENRY
 * STEINHAU" where a widget's heading reads "MEHR VON HENRY STEINHAU". */
bool
meta_full_name(xmlNodePtr n, char **name, int depth)
{
	struct strlist got = {0}, junk = {0};
	size_t len = strlen(*name), i;
	bool done = false;
	char f[META_DATELINE_MAX + 1];
	enum meta_tag tag;

	for (; n != NULL && !done; n = n->next) {
		if (n->type == XML_TEXT_NODE && n->content != NULL) {
			/* the name has no space (the caller's test): where
			 * the node holds it folded, it holds it as it is,
			 * and most nodes are passed over unfolded */
			if (len == 0 || strcasestr((const char *)n->content,
			    *name) == NULL || meta_fold_buf((const char *)
			    n->content, f, sizeof(f)) > META_DATELINE_MAX ||
			    strcasestr(f, *name) == NULL)
				continue;
			(void)meta_author_add(&got, f, NULL, &junk, true);
			for (i = 0; i < got.n && !done; i++)
				if (strncasecmp(got.v[i], *name, len) == 0 &&
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
			done = meta_full_name(n->children, name, depth + 1);
	}
	return done;
}

/* The first of the headings the walk found whose text is title, or
 * NULL. */
xmlNodePtr
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

/* Whether element n is a phrase inside a paragraph (a link, an
 * emphasis): the paragraph is its nearest ancestor of another kind. */
static bool
meta_phrase(xmlNodePtr n)
{
	static const char *const tags[] = {
		"a", "b", "em", "font", "i", "mark", "small", "span",
		"strong", "u",
	};
	size_t k;

	for (k = 0; k < NKEYS(tags); k++)
		if (xmlStrcasecmp(n->name, BAD_CAST tags[k]) == 0)
			return true;
	return false;
}

/* The text of the block that text node t opens, when the cut
 * description (squashed: sq, n bytes, the words before the cut) opens
 * with that block and runs on past it: the standfirst, where the
 * description runs on into the body ("... Schluss. Das Bundesamt [...]").
 * Not the block a description was cut from: that is most often the
 * body's first paragraph, no standfirst. NULL otherwise. */
static char *
meta_cut_block(xmlNodePtr t, const char *sq, size_t n)
{
	xmlNodePtr b = t->parent;
	char *s, *q;
	size_t m;

	while (b != NULL && b->type == XML_ELEMENT_NODE && meta_phrase(b))
		b = b->parent;
	if (b == NULL || b->type != XML_ELEMENT_NODE)
		return NULL;
	s = meta_node_text(b, META_LEAD_MAX + 1);
	q = meta_squash(s);
	m = strlen(q);
	if (strlen(s) > META_LEAD_MAX || m < META_LEAD_MIN ||
	    m >= n || strncmp(q, sq, m) != 0) {
		free(s);
		s = NULL;
	}
	free(q);
	return s;
}

/* Whether text s may squash (meta_squash()) to a string that opens with
 * c: its first ASCII letter or digit is c, or a byte beyond ASCII comes
 * first. Most text nodes are passed over without being squashed. */
static bool
meta_may_open(const xmlChar *s, char c)
{
	for (; *s != '\0'; s++) {
		if (*s >= 0x80)
			return true;
		if (isalnum(*s))
			return tolower(*s) == c;
	}
	return false;
}

/* The text of the page's block that a cut description (og:description
 * "Standfirst. First sentence of the body [...]") opens with,
 * searched from n in document order outside scripts and styles; NULL
 * when there is none. *tries bounds the blocks read. */
static char *
meta_cut_find(xmlNodePtr n, const char *sq, size_t len, int depth,
    int *tries)
{
	char f[META_SQ_HEAD + 1];
	enum meta_tag tag;
	char *s = NULL;
	size_t k;

	for (; n != NULL && s == NULL && *tries > 0; n = n->next) {
		if (n->type == XML_TEXT_NODE && n->content != NULL) {
			if (!meta_may_open(n->content, sq[0]))
				continue;
			k = meta_squash_to((const char *)n->content,
			    META_SQ_HEAD, f);
			if (k > 0 && strncmp(f, sq, k < len ? k : len) == 0) {
				(*tries)--;
				s = meta_cut_block(n, sq, len);
			}
			continue;
		}
		if (n->type != XML_ELEMENT_NODE || depth >= META_MAX_DEPTH)
			continue;
		tag = meta_tag_of(n->name);
		if (tag != MT_SCRIPT && tag != MT_STYLE && tag != MT_HEAD &&
		    tag != MT_TITLE)
			s = meta_cut_find(n->children, sq, len, depth + 1,
			    tries);
	}
	return s;
}

/* The text of the page's block (under root) that the cut description
 * desc opens with, or NULL. */
static char *
meta_cut_lead(xmlNodePtr root, const char *desc)
{
	char *stem = xstrdup(desc), *sq, *s = NULL, *sp;
	int tries = 64;
	size_t n;

	/* the words before the cut: the last one may be cut short */
	sp = strrchr(stem, ' ');
	if (sp != NULL)
		*sp = '\0';
	sq = meta_squash(stem);
	n = strlen(sq);
	if (n >= META_LEAD_MIN)
		s = meta_cut_find(root, sq, n, 0, &tries);
	free(sq);
	free(stem);
	return s;
}

/* Whether s names one of the sites as a domain ("larepublica.net",
 * "Disfunctions.de"): the name, then a dot and a label of letters. */
static bool
meta_names_domain(const char *s, const char *const *sites)
{
	const char *p;
	size_t i, n;

	for (i = 0; sites[i] != NULL; i++) {
		n = strlen(sites[i]);
		if (n < 4 || strchr(sites[i], ' ') != NULL)
			continue;
		for (p = s; (p = strcasestr(p, sites[i])) != NULL; p++)
			if ((p == s || !isalnum((unsigned char)p[-1])) &&
			    p[n] == '.' && isalpha((unsigned char)p[n + 1]) &&
			    isalpha((unsigned char)p[n + 2]))
				return true;
	}
	return false;
}

/* Most words of a site's name matched as declined, and the longest. */
#define META_SITE_WORDS 8
#define META_SITE_WORD 48
#define META_SITE_SEPS " -|:,./&()"

/* Whether the squashed text sq holds the words w[0..n) one after the
 * other, each followed by at most three letters of an ending:
 * "deutsch" "handball" "bund" in "desdeutschenhandballbundes". */
static bool
meta_holds_declined(const char *sq, char w[][META_SITE_WORD], size_t n)
{
	const char *p, *q;
	size_t i, k, l, most;

	for (p = sq; (p = strstr(p, w[0])) != NULL; p++) {
		q = p;
		for (i = 0; i < n; i++) {
			l = strlen(w[i]);
			most = i > 0 ? 3 : 0;
			/* (the text's end stops the ending) */
			for (k = 0; k <= most; k++)
				if (strncmp(q + k, w[i], l) == 0 ||
				    q[k] == '\0')
					break;
			if (k > most || q[k] == '\0')
				break;
			q += k + l;
		}
		if (i == n)
			return true;
	}
	return false;
}

/* The words of a site's name into w, squashed, each cut of at most two
 * letters of a declension's ending ("deutscher" as "deutsch"): at most
 * META_SITE_WORDS. */
static size_t
meta_site_stems(const char *site, char w[][META_SITE_WORD])
{
	const char *p = site;
	size_t n = 0, raw, l, cut;

	while (*p != '\0' && n < META_SITE_WORDS) {
		p += strspn(p, META_SITE_SEPS);
		raw = strcspn(p, META_SITE_SEPS);
		if (raw > 0 && raw < META_SITE_WORD) {
			l = meta_squash_to(p, raw, w[n]);
			for (cut = 0; cut < 2 && l > 4 &&
			    strchr("ensrm", w[n][l - 1]) != NULL; cut++)
				w[n][--l] = '\0';
			if (l > 0)
				n++;
		}
		p += raw;
	}
	return n;
}

/* Whether d names one of the sites by two words of its name or more in a
 * row, as written or declined ("des Deutschen Handballbundes" for "DHB -
 * Deutscher Handball Bund"). */
static bool
meta_names_site(const char *d, const char *const *sites)
{
	char w[META_SITE_WORDS][META_SITE_WORD], *sq;
	size_t i, n, k, j, len;
	bool yes = false;

	sq = meta_squash(d);
	for (i = 0; sites[i] != NULL && !yes; i++) {
		n = meta_site_stems(sites[i], w);
		for (k = 0; k + 1 < n && !yes; k++)
			for (j = k + 2, len = strlen(w[k]); j <= n && !yes;
			    j++) {
				len += strlen(w[j - 1]);
				if (len >= 10)
					yes = meta_holds_declined(sq, w + k,
					    j - k);
			}
	}
	free(sq);
	return yes;
}

/* Whether description d is the site's tagline rather than the
 * article's standfirst: it names the site as a domain ("Lea más en
 * larepublica.net", "nachtkritik.de - das unabhängige Theaterportal")
 * and shares no word with the headline. An outlet names itself in a
 * standfirst too ("Amnesty und die Kampagne ...", CORRECTIV), but not
 * by its domain. */
static bool
meta_tagline(const char *d, const char *title, const char *const *sites)
{
	return title != NULL && (meta_names_domain(d, sites) ||
	    meta_names_site(d, sites)) && !meta_shares_word(d, title);
}

/* The standfirst printed with headline h where no description gives
 * one (leads: the byline lead-ins' index): the paragraph that follows
 * h as its next element, the only <p> of h's own container
 * ("<figure><img><h1>..</h1><p>..</p></figure>", a header), which the
 * article's text is not in; or the <h2> that follows h in a container
 * of no <p> ("<div><h1>..</h1><h2>..</h2></div>", the headline's box:
 * a subheadline of prose, where under a headline among the text's
 * paragraphs an <h2> is the text's first section). NULL when there is
 * none, or it is too short or long to be one. */
/* The one element child of n when n holds nothing else but blanks
 * (no text of its own, no second element); else NULL. */
static xmlNodePtr
meta_only_child(xmlNodePtr n)
{
	xmlNodePtr one = NULL;

	for (xmlNodePtr k = n->children; k != NULL; k = k->next) {
		if (k->type == XML_ELEMENT_NODE) {
			if (one != NULL)
				return NULL;
			one = k;
		} else if (k->type == XML_TEXT_NODE && k->content != NULL &&
		    meta_skip_space((const char *)k->content)[0] != '\0')
			return NULL;
	}
	return one;
}

/* Wrappers read through around a headline and its standfirst, at most
 * (another CMS sets each block in boxes of its own). */
#define META_WRAPS 4

char *
meta_heading_standfirst(xmlNodePtr h, const struct meta_leads *leads)
{
	xmlNodePtr n, p, k;
	struct nw_time t;
	char *s;
	size_t len, at = 0, span = 0;
	int np = 0;

	/* a headline set alone in boxes: the outermost box stands for it,
	 * and the box after it for the block it holds alone */
	for (int i = 0; h != NULL && i < META_WRAPS &&
	    (p = h->parent) != NULL && p->type == XML_ELEMENT_NODE &&
	    xmlStrcasecmp(p->name, BAD_CAST "body") != 0 &&
	    meta_only_child(p) == h; i++)
		h = p;
	if (h == NULL || (p = h->parent) == NULL ||
	    p->type != XML_ELEMENT_NODE ||
	    xmlStrcasecmp(p->name, BAD_CAST "body") == 0)
		return NULL;
	for (n = h->next; n != NULL && n->type != XML_ELEMENT_NODE;
	    n = n->next)
		;
	for (int i = 0; n != NULL && i < META_WRAPS &&
	    xmlStrcasecmp(n->name, BAD_CAST "div") == 0 &&
	    (k = meta_only_child(n)) != NULL; i++)
		n = k;
	if (n == NULL || (xmlStrcasecmp(n->name, BAD_CAST "p") != 0 &&
	    xmlStrcasecmp(n->name, BAD_CAST "h2") != 0))
		return NULL;
	for (k = p->children; k != NULL; k = k->next)
		if (k->type == XML_ELEMENT_NODE &&
		    xmlStrcasecmp(k->name, BAD_CAST "p") == 0)
			np++;
	if (np != (xmlStrcasecmp(n->name, BAD_CAST "p") == 0))
		return NULL;
	s = meta_node_text(n, 401);
	len = strlen(s);
	/* prose: six words or more, no date and no byline's lead-in (a
	 * dateline, "29. Juni 2017 · von Tobi", or "By Jane Doe and John
	 * Roe, Reuters" is no standfirst) */
	if (len < 20 || len > 400 || words_in(s, len) < 6 ||
	    date_find(s, len, &t, &at, &span) == 0 ||
	    meta_author_opens(leads, s) > 0) {
		free(s);
		return NULL;
	}
	return s;
}

/* The standfirst: the first description that is one, or the page's
 * block a cut description opens with (a description may run on from
 * the standfirst into the body). */
char *
meta_decide_subtitle(const struct meta_cands *c, const char *title,
    const char *const *sites, xmlNodePtr root)
{
	static const char *const keys[] = {
		"og:description", "description", "twitter:description",
		"dc.description", "dcterms.abstract",
	};
	const char *d;
	size_t k, n;
	bool tried = false;
	char *s;

	for (k = 0; k < NKEYS(keys); k++) {
		d = meta_get(c, &keys[k], 1);
		if (d == NULL)
			continue;
		n = strlen(d);
		if (n < 20 || meta_same(d, title) ||
		    meta_tagline(d, title, sites))
			continue;
		/* a cut-off body ("... [...]") is no standfirst, but the
		 * page's block it runs on from is */
		if (strcmp(d + n - 3, "...") == 0 ||
		    strcmp(d + n - 3, "\xe2\x80\xa6") == 0 ||
		    d[n - 1] == ']') {
			/* (the keys' cut copies open alike: one search) */
			if (!tried && (s = meta_cut_lead(root, d)) != NULL)
				return s;
			tried = true;
		} else if (n <= 400)
			return xstrdup(d);
	}
	return NULL;
}

