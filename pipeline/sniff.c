#include "sniff.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

/* How much of the start of a document the sniffer reads. */
#define SNIFF_WINDOW 2048

static const char *
skip_space(const char *p, const char *end)
{
	while (p < end && isspace((unsigned char)*p))
		p++;
	return p;
}

static bool
has_prefix_ci(const char *p, const char *end, const char *word)
{
	size_t n = strlen(word);

	return (size_t)(end - p) >= n && strncasecmp(p, word, n) == 0;
}

/* Skips <?xml ...?>, comments and doctype declarations. */
static const char *
skip_prolog(const char *p, const char *end)
{
	for (;;) {
		const char *q;

		p = skip_space(p, end);
		if (has_prefix_ci(p, end, "<?")) {
			q = memmem(p, (size_t)(end - p), "?>", 2);
			if (q == NULL)
				return end;
			p = q + 2;
		} else if (has_prefix_ci(p, end, "<!--")) {
			q = memmem(p, (size_t)(end - p), "-->", 3);
			if (q == NULL)
				return end;
			p = q + 3;
		} else if (has_prefix_ci(p, end, "<!doctype html")) {
			return p;
		} else if (has_prefix_ci(p, end, "<!")) {
			q = memchr(p, '>', (size_t)(end - p));
			if (q == NULL)
				return end;
			p = q + 1;
		} else {
			return p;
		}
	}
}

static bool
window_has(const char *s, size_t n, const char *needle)
{
	size_t k = strlen(needle);

	for (size_t i = 0; i + k <= n; i++)
		if (strncasecmp(s + i, needle, k) == 0)
			return true;
	return false;
}

/* True when p (at a '[') opens a JSON array rather than a text dump that
 * starts with a renderer's bracketed placeholder ("[logo]", "[1]Home"). */
static bool
sniff_json_array(const char *p, const char *end)
{
	const char *q = skip_space(p + 1, end);

	if (q == end || *q == '{' || *q == '[' || *q == '"')
		return true;
	if (*q == ']')
		return skip_space(q + 1, end) == end;
	if (*q == '-' || isdigit((unsigned char)*q)) {
		while (q < end && (isdigit((unsigned char)*q) || *q == '-' ||
		    *q == '.' || *q == 'e' || *q == 'E' || *q == '+'))
			q++;
		q = skip_space(q, end);
		if (q < end && *q == ']')
			return skip_space(q + 1, end) == end;
		return q < end && *q == ',';
	}
	return has_prefix_ci(q, end, "true") ||
	    has_prefix_ci(q, end, "false") || has_prefix_ci(q, end, "null");
}

/* Whether s[0..n) opens a tag of a common HTML element ("<b>", "</p>",
 * "<br />", "<a href", "<img src"). */
static bool
html_element_at(const char *s, size_t n)
{
	static const char *const names[] = {
		"a", "b", "i", "p", "br", "hr", "em", "li", "ul", "ol", "td",
		"tr", "h2", "h3", "div", "img", "span", "form", "input",
		"strong", "section", "header", "footer", "nav", "figure",
		"noscript", "iframe", "button", "option", "select", "label",
	};
	size_t j = 1;
	size_t k = 0;

	if (n < 3 || s[0] != '<')
		return false;
	if (s[j] == '/')
		j++;
	while (j + k < n && isalnum((unsigned char)s[j + k]))
		k++;
	if (k == 0 || j + k >= n || (s[j + k] != '>' && s[j + k] != ' ' &&
	    s[j + k] != '/' && s[j + k] != '\n'))
		return false;
	for (size_t t = 0; t < sizeof(names) / sizeof(names[0]); t++)
		if (strlen(names[t]) == k && strncasecmp(s + j, names[t], k) == 0)
			return true;
	return false;
}

/* Counts tags of common HTML elements in s[0..n): text dumps hold few,
 * markup many. */
static size_t
html_tag_count(const char *s, size_t n)
{
	size_t count = 0;

	for (size_t i = 0; i + 2 < n; i++)
		if (s[i] == '<' && html_element_at(s + i, n - i))
			count++;
	return count;
}

/* Whether the markup found further in is a renderer's leftover rather
 * than the document's structure: a w3m or lynx dump that kept a stray
 * "<p>caption</p>" or a tracking pixel's "<div><img ...>" has its tags on
 * a line or two and runs of plain lines around them, while markup, even
 * a fragment of one paragraph, puts tags on most of its lines.  A line
 * counts as marked when it holds a tag of a common element or lies in
 * one ("<img ...\n...>"), as plain when it holds other text. */
static bool
stray_markup(const char *s, size_t n)
{
	size_t marked = 0;
	size_t plain = 0;
	bool in_tag = false;
	bool tag = false;
	bool ink = false;

	for (size_t i = 0; i <= n; i++) {
		if (i == n || s[i] == '\n') {
			if (tag)
				marked++;
			else if (ink)
				plain++;
			tag = in_tag;
			ink = false;
		} else if (s[i] == '<' && html_element_at(s + i, n - i)) {
			in_tag = tag = true;
		} else if (s[i] == '>') {
			in_tag = false;
		} else if (!isspace((unsigned char)s[i])) {
			ink = true;
		}
	}
	return plain >= 12 && plain >= 4 * marked;
}

enum sniff_kind
sniff_kind(const char *s, size_t len)
{
	size_t n = len < SNIFF_WINDOW ? len : SNIFF_WINDOW;
	const char *end = s + n;
	const char *p = skip_prolog(s, end);
	static const char *const html_tags[] = {
		"<!doctype html", "<html", "<head", "<body", "<meta", "<title",
		"<div", "<p>", "<p ", "<article", "<script", "<link", "<table",
		"<h1", "<style",
	};

	/* s need not end in a NUL (decode_to_utf8_view()) */
	char c0 = p < end ? *p : '\0';

	if (n == 0)
		return SNIFF_OTHER;
	if (c0 == '{' && (window_has(s, n, "jsonfeed.org") ||
	    window_has(s, n, "\"items\"")))
		return SNIFF_FEED;
	if (has_prefix_ci(p, end, "<rss") || has_prefix_ci(p, end, "<feed") ||
	    has_prefix_ci(p, end, "<rdf:rdf") ||
	    has_prefix_ci(p, end, "<rdf "))
		return SNIFF_FEED;
	for (size_t i = 0; i < sizeof(html_tags) / sizeof(html_tags[0]); i++)
		if (has_prefix_ci(p, end, html_tags[i]))
			return SNIFF_HTML;
	/* Markup further in: a fragment or a page with text before <html>. */
	if (window_has(s, n, "<html") || window_has(s, n, "<body"))
		return SNIFF_HTML;
	if ((window_has(s, n, "</p>") || window_has(s, n, "<div") ||
	    html_tag_count(s, n) >= 4) && !stray_markup(s, n))
		return SNIFF_HTML;
	/* A dump that kept a stray tag or two of the page ("<img ...>" of a
	 * tracking pixel) is still text; other markup is not ours. */
	if (c0 == '<' && !html_element_at(p, (size_t)(end - p)))
		return SNIFF_OTHER;
	if (c0 == '{' || (c0 == '[' && sniff_json_array(p, end)))
		return SNIFF_OTHER;
	return SNIFF_TEXT;
}

const char *
sniff_name(enum sniff_kind k)
{
	switch (k) {
	case SNIFF_HTML:
		return "html";
	case SNIFF_TEXT:
		return "text";
	case SNIFF_FEED:
		return "feed";
	case SNIFF_OTHER:
		break;
	}
	return "other";
}
