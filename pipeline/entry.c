#include "entry.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "enrich/enrich.h"
#include "hash.h"
#include "html/html_extract.h"
#include "util.h"

static bool
set(const char *s)
{
	return s != NULL && *s != '\0';
}

/* Whether s holds markup: '<' before a letter, '/' or '!'. */
static bool
has_markup(const char *s)
{
	for (const char *p = strchr(s, '<'); p != NULL;
	    p = strchr(p + 1, '<')) {
		char c = p[1];

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    c == '/' || c == '!')
			return true;
	}
	return false;
}

/* Text without markup as HTML: one <p> per run of lines between blank
 * lines, '<' and '>' escaped ('&' stays: an entity the feed left encoded
 * is decoded by the parser, a bare one survives it). */
static char *
text_html(const char *s)
{
	struct buf b = { 0 };
	bool open = false;

	while (*s != '\0') {
		size_t n = strcspn(s, "\n");
		const char *end = s + n;
		bool blank = true;

		for (const char *p = s; p < end; p++)
			if (*p != ' ' && *p != '\t' && *p != '\r' &&
			    *p != '\f')
				blank = false;
		if (blank && open) {
			buf_puts(&b, "</p>\n");
			open = false;
		} else if (!blank) {
			buf_puts(&b, open ? "\n" : "<p>");
			open = true;
			for (const char *p = s; p < end; p++) {
				if (*p == '<')
					buf_puts(&b, "&lt;");
				else if (*p == '>')
					buf_puts(&b, "&gt;");
				else
					buf_putc(&b, *p);
			}
		}
		s = *end == '\n' ? end + 1 : end;
	}
	if (open)
		buf_puts(&b, "</p>");
	return b.p != NULL ? buf_take(&b) : xstrdup("");
}

/* Runs the HTML extractor on a fragment of the entry (markup, or text
 * made HTML) into a. A fragment the extractor cannot parse leaves a's
 * body unset. */
static void
fragment_extract(const char *s, const char *url, int64_t now,
    struct nw_article *a)
{
	char *html = has_markup(s) ? NULL : text_html(s);
	const char *in = html != NULL ? html : s;
	char why[256];

	if (html_extract_fragment(in, strlen(in), url, now, a, why,
	    sizeof(why)) != 0)
		article_set(&a->body, NULL);
	free(html);
}

/* The text of an HTML or text fragment on one line (owned), "" when it
 * has none: for a title, a summary. */
static char *
fragment_line(const char *s, int64_t now)
{
	struct nw_article *a = article_new();
	char *t, *w;

	fragment_extract(s, NULL, now, a);
	t = a->body != NULL ? a->body : xstrdup("");
	a->body = NULL;
	article_free(a);
	/* paragraphs joined by a space; enrich_normalise() folds the rest */
	for (w = t; *w != '\0'; w++)
		if (*w == '\n')
			*w = ' ';
	return t;
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/* Whether summary t repeats the body: one opens with the other, runs of
 * white space counting as one space and an ellipsis ending t ("...",
 * "\u2026", "[\u2026]") as nothing. */
static bool
repeats(const char *body, const char *t)
{
	static const char *const ells[] = { "[\u2026]", "\u2026", "..." };
	size_t n = strlen(t);
	const char *b = body, *end;

	if (body == NULL || *body == '\0')
		return false;
	while (n > 0 && is_space(t[n - 1]))
		n--;
	for (size_t i = 0; i < sizeof(ells) / sizeof(ells[0]); i++) {
		size_t k = strlen(ells[i]);

		if (n >= k && memcmp(t + n - k, ells[i], k) == 0) {
			n -= k;
			break;
		}
	}
	end = t + n;
	while (b < end && is_space(*b))
		b++;
	while (t < end && is_space(*t))
		t++;
	while (*b != '\0' && t < end) {
		if (is_space(*b) && is_space(*t)) {
			while (is_space(*b))
				b++;
			while (t < end && is_space(*t))
				t++;
			continue;
		}
		if (*b != *t)
			return false;
		b++;
		t++;
	}
	/* the whole summary matched, or the whole body did */
	while (t < end && is_space(*t))
		t++;
	return t == end || *b == '\0';
}

/* The entry fills what the article lacks. */
static void
entry_fill(struct nw_article *a, const struct nw_entry *e,
    bool summary_as_subtitle, bool image, int64_t now)
{
	if (!set(a->title) && set(e->title)) {
		char *t = has_markup(e->title) ? fragment_line(e->title, now) :
		    xstrdup(e->title);

		article_set(&a->title, *t != '\0' ? t : NULL);
		free(t);
	}
	if (a->url == NULL && set(e->link))
		article_set(&a->url, e->link);
	if (!a->published.set)
		a->published = e->published;
	if (!a->updated.set)
		a->updated = e->updated;
	if (a->authors.n == 0)
		for (size_t i = 0; i < e->n_authors; i++)
			if (set(e->authors[i]))
				strlist_push(&a->authors, e->authors[i]);
	if (summary_as_subtitle && !set(a->subtitle) && set(e->summary)) {
		char *t = fragment_line(e->summary, now);

		if (*t != '\0' && !repeats(a->body, t))
			article_set(&a->subtitle, t);
		free(t);
	}
	if (a->publisher == NULL && set(e->feed_title))
		article_set(&a->publisher, e->feed_title);
	if (image && a->n_images == 0 && set(e->image))
		article_add_image(a, e->image, NULL, NULL);
}

/* The article of the entry alone: its content, else its summary, through
 * the extractor and enrichment of any HTML. */
static struct nw_article *
entry_alone(const struct nw_entry *e, int64_t now)
{
	struct nw_article *a = article_new();
	const char *html = set(e->content) ? e->content :
	    set(e->summary) ? e->summary : NULL;

	/* what the entry says of itself (headline, address, dates, authors,
	 * outlet) stands: the markup of a fragment does not override it;
	 * its images come before the entry's own */
	entry_fill(a, e, false, false, now);
	if (html != NULL)
		fragment_extract(html, a->url, now, a);
	entry_fill(a, e, html == e->content, true, now);
	enrich_normalise(a);
	enrich_article(a);
	return a;
}

struct nw_article *
pipeline_entry(const struct nw_entry *e, const struct nw_input *page,
    int *from_page, char *err, size_t errlen)
{
	struct nw_article *a = NULL;
	int64_t now = page != NULL ? page->now : INT64_MAX;

	*from_page = 0;
	if (err != NULL && errlen > 0)
		err[0] = '\0';
	if (!set(e->content) && !set(e->summary) && !set(e->title) &&
	    !set(e->link)) {
		fail(err, errlen, "the entry has no text, title or link");
		return NULL;
	}
	if (page != NULL && page->data != NULL) {
		a = pipeline_run(page, err, errlen);
		if (a != NULL) {
			*from_page = 1;
			entry_fill(a, e, true, true, now);
			/* the entry's fields are cleaned like the page's */
			enrich_normalise(a);
		}
	}
	if (a == NULL)
		a = entry_alone(e, now);
	/* the id and dedup rest on the content hash: an entry without text
	 * is known by its title and link */
	if (a->body == NULL || a->body[0] == '\0' ||
	    a->content_hash[0] == '\0') {
		struct buf b = { 0 };

		buf_printf(&b, "%s\n%s\n%s", a->title ? a->title : "",
		    a->url ? a->url : "", a->body ? a->body : "");
		hash_sha256_hex(b.p, b.len, a->content_hash);
		buf_free(&b);
	}
	if (a->body == NULL)
		article_set(&a->body, "");
	return a;
}
