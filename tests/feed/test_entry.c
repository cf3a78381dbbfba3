/* Unit tests of the entry-to-article path: feed items (fetchers/feed,
 * feed_item_entry()) through pipeline_entry() (pipeline/entry.c), with
 * full HTML content, with a summary only, with a page and with a page
 * that yields nothing; and every entry of a real feed with content:encoded
 * from ../shared/feeds/realworld (directory in argv[1]). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libxml/parser.h>

#include "entry.h"
#include "feed/feed.h"
#include "hash.h"

static const char *realworld_dir;

#define NOW 1767225600  /* 2026-01-01 */

static struct feed *
parse(const char *s)
{
	char err[256] = "";
	struct feed *f = feed_parse(s, strlen(s), "https://example.org/feed",
	    err, sizeof(err));

	if (f == NULL)
		print_message("parse error: %s\n", err);
	assert_non_null(f);
	return f;
}

/* The article of item i of the feed s, without a page (page NULL) or
 * with one. */
static struct nw_article *
article_of(const char *s, size_t i, const char *page, int *from_page,
    char *err, size_t errlen)
{
	struct feed *f = parse(s);
	struct nw_input in = {
		.data = (const unsigned char *)page,
		.len = page != NULL ? strlen(page) : 0,
		.url = "https://example.org/story",
		.name = "entry",
		.now = NOW,
	};
	struct nw_entry e;
	struct nw_article *a;

	assert_true(i < f->n_items);
	feed_item_entry(f, &f->items[i], &e);
	a = pipeline_entry(&e, &in, from_page, err, errlen);
	feed_entry_clear(&e);
	feed_free(f);
	return a;
}

#define RSS_HEAD "<?xml version=\"1.0\" encoding=\"utf-8\"?>" \
	"<rss version=\"2.0\" " \
	"xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" " \
	"xmlns:dc=\"http://purl.org/dc/elements/1.1/\">" \
	"<channel><title>The Harbour Gazette</title>" \
	"<link>https://example.org/</link>"
#define RSS_TAIL "</channel></rss>"

/* Full content: every paragraph, short or long, is the body; a link line
 * at the end is not; the summary becomes the subtitle; the entry's title,
 * link, date, author and feed title are the article's. */
static const char full_feed[] = RSS_HEAD
	"<item><guid>full-1</guid>"
	"<title>Harbour &lt;b&gt;reopens&lt;/b&gt; after the storm</title>"
	"<link>https://example.org/harbour</link>"
	"<pubDate>Wed, 03 Jan 2024 09:00:00 GMT</pubDate>"
	"<dc:creator>Jane Doe</dc:creator>"
	"<description>Ships sail again.</description>"
	"<content:encoded><![CDATA["
	"<p>The harbour of Eastport reopened on Wednesday, three days after "
	"the storm closed it to every ship, the port authority said.</p>"
	"<p>Short line.</p>"
	"<p>Divers had checked the quays for damage; the cookies left at "
	"the harbour master's office were eaten by the night shift.</p>"
	"<p><img src=\"/img/quay.jpg\"></p>"
	"<p><a href=\"https://example.org/harbour\">Continue reading...</a>"
	"</p>]]></content:encoded></item>"
	"<item><guid>full-2</guid><title>Cut short</title>"
	"<description>The harbour of Eastport   reopened on\u2026"
	"</description><content:encoded>&lt;p&gt;The harbour of Eastport "
	"reopened on Wednesday.&lt;/p&gt;</content:encoded></item>" RSS_TAIL;

static void
test_full_content(void **state)
{
	char err[256] = "x";
	int from_page = -1;
	struct nw_article *a = article_of(full_feed, 0, NULL, &from_page,
	    err, sizeof(err));

	(void)state;
	assert_non_null(a);
	assert_int_equal(from_page, 0);
	assert_string_equal(err, "");
	assert_string_equal(a->body,
	    "The harbour of Eastport reopened on Wednesday, three days after "
	    "the storm closed it to every ship, the port authority said.\n\n"
	    "Short line.\n\n"
	    "Divers had checked the quays for damage; the cookies left at "
	    "the harbour master's office were eaten by the night shift.");
	assert_string_equal(a->title, "Harbour reopens after the storm");
	assert_string_equal(a->subtitle, "Ships sail again.");
	assert_string_equal(a->url, "https://example.org/harbour");
	assert_string_equal(a->publisher, "The Harbour Gazette");
	assert_int_equal(a->authors.n, 1);
	assert_string_equal(a->authors.v[0], "Jane Doe");
	assert_true(a->published.set);
	assert_int_equal(a->published.utc, 1704272400);
	assert_true(a->n_images >= 1);
	assert_string_equal(a->images[0].url,
	    "https://example.org/img/quay.jpg");
	/* enriched like any article */
	assert_int_equal(strlen(a->content_hash), 64);
	assert_true(a->has_simhash);
	assert_non_null(a->lang);
	assert_string_equal(a->lang, "en");
	article_free(a);
	/* a summary that opens the body, cut short, is no subtitle */
	a = article_of(full_feed, 1, NULL, &from_page, err, sizeof(err));
	assert_non_null(a);
	assert_string_equal(a->body,
	    "The harbour of Eastport reopened on Wednesday.");
	assert_null(a->subtitle);
	article_free(a);
}

/* A summary alone, as short as it gets, is the body whole; no subtitle
 * repeats it. */
static const char summary_feed[] = RSS_HEAD
	"<item><guid>s-1</guid><title>Entry one</title>"
	"<link>https://example.org/one</link>"
	"<description>The entry's own summary.</description></item>"
	"<item><guid>s-2</guid><title>Entry two</title>"
	"<description>&lt;p&gt;Photo: a ship.&lt;/p&gt;&lt;p&gt;&lt;a "
	"href=\"/x\"&gt;Read more&lt;/a&gt;&lt;/p&gt;</description></item>"
	"<item><guid>s-3</guid><title>Entry three</title>"
	"<description>First paragraph of text.\n\nSecond one, &amp; "
	"a &lt; b.</description></item>"
	"<item><guid>s-4</guid><title>Entry four</title>"
	"<description>&lt;a href=\"/only\"&gt;Only a link&lt;/a&gt;"
	"</description></item>" RSS_TAIL;

static void
test_summary_only(void **state)
{
	char err[256];
	int from_page;
	struct nw_article *a;

	(void)state;
	a = article_of(summary_feed, 0, NULL, &from_page, err, sizeof(err));
	assert_non_null(a);
	assert_int_equal(from_page, 0);
	assert_string_equal(a->body, "The entry's own summary.");
	assert_null(a->subtitle);
	assert_string_equal(a->title, "Entry one");
	assert_string_equal(a->url, "https://example.org/one");
	article_free(a);
	/* a credit-like line is kept; the link line after it is not */
	a = article_of(summary_feed, 1, NULL, &from_page, err, sizeof(err));
	assert_non_null(a);
	assert_string_equal(a->body, "Photo: a ship.");
	article_free(a);
	/* text without markup: paragraphs at blank lines, '<' is text */
	a = article_of(summary_feed, 2, NULL, &from_page, err, sizeof(err));
	assert_non_null(a);
	assert_string_equal(a->body,
	    "First paragraph of text.\n\nSecond one, & a < b.");
	article_free(a);
	/* nothing but a link: the link's text, not nothing */
	a = article_of(summary_feed, 3, NULL, &from_page, err, sizeof(err));
	assert_non_null(a);
	assert_string_equal(a->body, "Only a link");
	article_free(a);
}

static const char page_html[] =
	"<html><head><title>Harbour reopens | Gazette</title>"
	"<meta property=\"og:title\" content=\"Harbour reopens\">"
	"</head><body><nav><a href=\"/\">Home</a> <a href=\"/w\">World</a>"
	"</nav><article><h1>Harbour reopens</h1>"
	"<p>The harbour of Eastport reopened on Wednesday, three days after "
	"the storm closed it to every ship, the port authority said in a "
	"statement.</p><p>Divers had checked every quay for damage during "
	"the night, and found the eastern breakwater cracked but safe, the "
	"statement added.</p><p>The first ferry left at noon, an hour late, "
	"with forty passengers and a cargo of timber bound for the "
	"islands.</p></article><footer>Copyright the Gazette</footer>"
	"</body></html>";

/* With a page: the page's article, the entry filling its gaps. */
static void
test_with_page(void **state)
{
	char err[256] = "x";
	int from_page = -1;
	struct nw_article *a = article_of(full_feed, 0, page_html,
	    &from_page, err, sizeof(err));

	(void)state;
	assert_non_null(a);
	assert_int_equal(from_page, 1);
	assert_string_equal(err, "");
	assert_string_equal(a->title, "Harbour reopens");
	assert_non_null(strstr(a->body, "forty passengers"));
	assert_null(strstr(a->body, "Copyright"));
	assert_null(strstr(a->body, "cookies"));  /* not the entry's text */
	assert_string_equal(a->url, "https://example.org/story");
	assert_string_equal(a->subtitle, "Ships sail again.");
	assert_int_equal(a->authors.n, 1);
	assert_string_equal(a->authors.v[0], "Jane Doe");
	assert_int_equal(a->published.utc, 1704272400);
	assert_string_equal(a->publisher, "The Harbour Gazette");
	assert_int_equal(strlen(a->content_hash), 64);
	article_free(a);
}

/* A page that yields nothing: the entry alone, and the page's reason in
 * err all the same. */
static void
test_page_yields_nothing(void **state)
{
	char err[256] = "";
	int from_page = -1;
	struct nw_article *a = article_of(full_feed, 0,
	    "<html><body></body></html>", &from_page, err, sizeof(err));

	(void)state;
	assert_non_null(a);
	assert_int_equal(from_page, 0);
	assert_string_not_equal(err, "");
	assert_non_null(strstr(a->body, "Short line."));
	assert_string_equal(a->subtitle, "Ships sail again.");
	assert_string_equal(a->url, "https://example.org/harbour");
	article_free(a);
	/* a feed where the page should be */
	err[0] = '\0';
	a = article_of(summary_feed, 0, summary_feed, &from_page, err,
	    sizeof(err));
	assert_non_null(a);
	assert_int_equal(from_page, 0);
	assert_non_null(strstr(err, "feed"));
	assert_string_equal(a->body, "The entry's own summary.");
	article_free(a);
}

/* An entry with no text is known by its title and link; one with nothing
 * at all is an error. */
static void
test_no_text(void **state)
{
	struct nw_entry e = {
		.title = "Only a title",
		.link = "https://example.org/t",
	};
	struct nw_entry none = { .guid = "g", .summary = "" };
	char err[256] = "", hex[65];
	const char *what = "Only a title\nhttps://example.org/t\n";
	int from_page;
	struct nw_article *a = pipeline_entry(&e, NULL, &from_page, err,
	    sizeof(err));

	(void)state;
	assert_non_null(a);
	assert_int_equal(from_page, 0);
	assert_string_equal(a->body, "");
	hash_sha256_hex(what, strlen(what), hex);
	assert_string_equal(a->content_hash, hex);
	article_free(a);
	assert_null(pipeline_entry(&none, NULL, &from_page, err,
	    sizeof(err)));
	assert_string_not_equal(err, "");
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *p;
	long n;

	if (fp == NULL)
		return NULL;
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	p = malloc((size_t)n + 1);
	if (p != NULL && fread(p, 1, (size_t)n, fp) != (size_t)n) {
		free(p);
		p = NULL;
	}
	fclose(fp);
	if (p != NULL) {
		p[n] = '\0';
		*len = (size_t)n;
	}
	return p;
}

/* A real feed with content:encoded (Golem.de, ISO-8859-1): every entry
 * gives an article from its content, with its title and link, and a body
 * holding the text of the content's first paragraph. */
static void
test_realworld_content(void **state)
{
	char path[4096], err[256];
	size_t len = 0, n_ok = 0;
	char *data;
	struct feed *f;

	(void)state;
	snprintf(path, sizeof(path), "%s/miniflux+v2/encoding_ISO-8859-1.xml",
	    realworld_dir);
	data = slurp(path, &len);
	assert_non_null(data);
	f = feed_parse(data, len, NULL, err, sizeof(err));
	assert_non_null(f);
	assert_true(f->n_items >= 10);
	for (size_t i = 0; i < f->n_items; i++) {
		struct nw_entry e;
		struct nw_article *a;
		int from_page;

		assert_non_null(f->items[i].content);
		feed_item_entry(f, &f->items[i], &e);
		a = pipeline_entry(&e, NULL, &from_page, err, sizeof(err));
		assert_non_null(a);
		assert_int_equal(from_page, 0);
		assert_string_equal(a->title, f->items[i].title);
		assert_string_equal(a->url, f->items[i].link);
		assert_string_equal(a->publisher, "Golem.de");
		assert_true(a->published.set);
		assert_null(strchr(a->body, '<'));
		if (strlen(a->body) > 100)
			n_ok++;
		article_free(a);
		feed_entry_clear(&e);
	}
	assert_int_equal(n_ok, f->n_items);
	feed_free(f);
	free(data);
}

int
main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_full_content),
		cmocka_unit_test(test_summary_only),
		cmocka_unit_test(test_with_page),
		cmocka_unit_test(test_page_yields_nothing),
		cmocka_unit_test(test_no_text),
		cmocka_unit_test(test_realworld_content),
	};

	realworld_dir = argc > 1 ? argv[1] : "../shared/feeds/realworld";
	xmlInitParser();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
