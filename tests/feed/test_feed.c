/* Unit tests of the feed parser (fetchers/feed): the formats, the
 * namespaces, encodings, xml:base, hostile inputs (entity bombs, external
 * entities, oversized and gzip-bomb input), and real feeds from
 * ../shared/feeds/realworld (directory in argv[1]). */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>
#include <libxml/parser.h>
#include <zlib.h>

#include "date.h"
#include "feed/feed.h"

static const char *realworld_dir;

static struct feed *
parse(const char *s)
{
	char err[256] = "";
	struct feed *f = feed_parse(s, strlen(s), NULL, err, sizeof(err));

	if (f == NULL)
		print_message("parse error: %s\n", err);
	return f;
}

static const char *
utc(const struct nw_time *t, char *buf)
{
	if (!t->set)
		return "unset";
	return date_format_utc(t, buf, 32);
}

static void
test_rss2(void **state)
{
	const char *s =
	    "<?xml version=\"1.0\"?>\n"
	    "<rss version=\"2.0\""
	    " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
	    " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\""
	    " xmlns:media=\"http://search.yahoo.com/mrss/\""
	    " xmlns:atom=\"http://www.w3.org/2005/Atom\">\n"
	    "<channel><title>News &amp; Views</title>"
	    "<link>https://example.org/</link>"
	    "<atom:link rel=\"self\" href=\"https://example.org/rss\"/>"
	    "<description>All the news</description>"
	    "<language>en-gb</language>"
	    "<lastBuildDate>Tue, 14 Feb 2017 11:00:00 +0000</lastBuildDate>"
	    "<image><url>https://example.org/logo.png</url>"
	    "<title>Logo</title></image>"
	    "<item><title>First &lt;b&gt;story&lt;/b&gt;</title>"
	    "<link>https://example.org/a/1</link>"
	    "<guid isPermaLink=\"false\">id-1</guid>"
	    "<description><![CDATA[<p>Short <i>one</i></p>]]></description>"
	    "<content:encoded><![CDATA[<p>Long one</p>]]></content:encoded>"
	    "<dc:creator>Samuel Osborne</dc:creator>"
	    "<pubDate>Tue, 14 Feb 2017 05:57:00 EST</pubDate>"
	    "<category>World</category><category>Politics</category>"
	    "<media:content url=\"https://example.org/1.jpg\""
	    " medium=\"image\"/>"
	    "<enclosure url=\"https://example.org/1.mp3\" length=\"42\""
	    " type=\"audio/mpeg\"/>"
	    "</item>"
	    "<item><title>Second</title><guid>https://example.org/a/2</guid>"
	    "<author>jane@example.org (Jane Doe)</author>"
	    "<dc:date>2017-02-13T10:00:00+01:00</dc:date></item>"
	    "</channel></rss>";
	struct feed *f = parse(s);
	char b[32];
	json_t *j;

	(void)state;
	assert_non_null(f);
	assert_string_equal(f->format, "rss");
	assert_string_equal(f->version, "2.0");
	assert_string_equal(f->title, "News & Views");
	assert_string_equal(f->link, "https://example.org/");
	assert_string_equal(f->feed_link, "https://example.org/rss");
	assert_string_equal(f->language, "en-gb");
	assert_string_equal(f->image.url, "https://example.org/logo.png");
	assert_string_equal(f->image.title, "Logo");
	assert_string_equal(utc(&f->updated, b), "2017-02-14T11:00:00Z");
	assert_int_equal(f->n_items, 2);

	assert_string_equal(f->items[0].title, "First <b>story</b>");
	assert_string_equal(f->items[0].guid, "id-1");
	assert_string_equal(f->items[0].link, "https://example.org/a/1");
	assert_string_equal(f->items[0].description,
	    "<p>Short <i>one</i></p>");
	assert_string_equal(f->items[0].content, "<p>Long one</p>");
	assert_int_equal(f->items[0].n_authors, 1);
	assert_string_equal(f->items[0].authors[0].name, "Samuel Osborne");
	assert_string_equal(utc(&f->items[0].published, b),
	    "2017-02-14T10:57:00Z");
	assert_int_equal(f->items[0].published.offset, -300);
	assert_int_equal(f->items[0].categories.n, 2);
	assert_string_equal(f->items[0].categories.v[1], "Politics");
	assert_string_equal(f->items[0].image.url,
	    "https://example.org/1.jpg");
	assert_int_equal(f->items[0].n_enclosures, 1);
	assert_string_equal(f->items[0].enclosures[0].length, "42");

	/* a permalink guid stands in for the missing link */
	assert_string_equal(f->items[1].link, "https://example.org/a/2");
	assert_string_equal(f->items[1].authors[0].name, "Jane Doe");
	assert_string_equal(f->items[1].authors[0].email, "jane@example.org");
	assert_string_equal(utc(&f->items[1].published, b),
	    "2017-02-13T09:00:00Z");

	j = feed_to_json(f);
	assert_string_equal(json_string_value(json_object_get(j, "format")),
	    "rss");
	assert_string_equal(json_string_value(json_object_get(
	    json_array_get(json_object_get(j, "items"), 0), "published")),
	    "2017-02-14T10:57:00Z");
	assert_true(json_is_null(json_object_get(j, "copyright")));
	json_decref(j);
	feed_free(f);
}

static void
test_rdf_and_atom(void **state)
{
	const char *rdf =
	    "<rdf:RDF"
	    " xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
	    " xmlns=\"http://purl.org/rss/1.0/\""
	    " xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
	    "<channel rdf:about=\"http://e.org/\"><title>RDF</title></channel>"
	    "<item rdf:about=\"http://e.org/1\"><title>One</title>"
	    "<link>http://e.org/1</link>"
	    "<dc:date>2004-01-01T19:48:21Z</dc:date>"
	    "</item><item rdf:about=\"http://e.org/2\"><title>Two</title>"
	    "</item></rdf:RDF>";
	const char *atom =
	    "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"de\""
	    " xml:base=\"http://example.com/blog/\">"
	    "<title type=\"html\">A &amp;lt;Blog&amp;gt;</title>"
	    "<link href=\"/\"/><link rel=\"self\" href=\"feed.atom\"/>"
	    "<updated>2017-02-14T10:57:00Z</updated>"
	    "<author><name>Ann</name><email>ann@example.com</email></author>"
	    "<entry xml:base=\"posts/\"><id>urn:1</id><title>E1</title>"
	    "<link rel=\"alternate\" href=\"e1.html\"/>"
	    "<link rel=\"enclosure\" href=\"e1.mp3\" length=\"7\""
	    " type=\"audio/mpeg\"/>"
	    "<updated>2017-02-14T10:57:00Z</updated>"
	    "<content type=\"xhtml\">"
	    "<div xmlns=\"http://www.w3.org/1999/xhtml\">"
	    "<p>See <a href=\"more.html\">more</a></p></div></content>"
	    "<category term=\"t\" label=\"Tag\"/></entry></feed>";
	struct feed *f;
	char b[32];

	(void)state;
	f = parse(rdf);
	assert_non_null(f);
	assert_string_equal(f->version, "1.0");
	assert_string_equal(f->title, "RDF");
	assert_int_equal(f->n_items, 2);
	assert_string_equal(f->items[0].guid, "http://e.org/1");
	assert_string_equal(utc(&f->items[0].published, b),
	    "2004-01-01T19:48:21Z");
	assert_false(f->items[1].published.set);
	feed_free(f);

	f = parse(atom);
	assert_non_null(f);
	assert_string_equal(f->format, "atom");
	assert_string_equal(f->version, "1.0");
	assert_string_equal(f->title, "A &lt;Blog&gt;");
	assert_string_equal(f->language, "de");
	assert_string_equal(f->link, "http://example.com/");
	assert_string_equal(f->feed_link, "http://example.com/blog/feed.atom");
	assert_string_equal(f->authors[0].email, "ann@example.com");
	assert_int_equal(f->n_items, 1);
	assert_string_equal(f->items[0].link,
	    "http://example.com/blog/posts/e1.html");
	assert_string_equal(f->items[0].enclosures[0].url,
	    "http://example.com/blog/posts/e1.mp3");
	/* xhtml content: markup kept, the div dropped, links absolute */
	assert_string_equal(f->items[0].content, "<p>See <a href=\""
	    "http://example.com/blog/posts/more.html\">more</a></p>");
	/* the term, not the label (RFC 4287 4.2.2) */
	assert_string_equal(f->items[0].categories.v[0], "t");
	/* no published: updated stands in */
	assert_string_equal(utc(&f->items[0].published, b),
	    "2017-02-14T10:57:00Z");
	feed_free(f);
}

static void
test_json_feed(void **state)
{
	const char *s =
	    "{\"version\":\"https://jsonfeed.org/version/1.1\","
	    "\"title\":\"J\",\"home_page_url\":\"https://j.org/\","
	    "\"feed_url\":\"https://j.org/feed.json\","
	    "\"authors\":[{\"name\":\"Kim\"}],"
	    "\"items\":[{\"id\":\"1\",\"url\":\"/p/1\",\"title\":\"P1\","
	    "\"content_html\":\"<p>x</p>\",\"content_text\":\"x\","
	    "\"date_published\":\"2020-01-01T00:00:00+02:00\","
	    "\"tags\":[\"a\",\"b\"],\"attachments\":[{\"url\":\"/a.mp3\","
	    "\"mime_type\":\"audio/mpeg\",\"size_in_bytes\":100}]},"
	    "{\"id\":2,\"content_text\":\"y\"}]}";
	char err[128];
	struct feed *f = feed_parse(s, strlen(s), "https://j.org/feed.json",
	    err, sizeof(err));
	char b[32];

	(void)state;
	assert_non_null(f);
	assert_string_equal(f->format, "json");
	assert_string_equal(f->version, "1.1");
	assert_string_equal(f->authors[0].name, "Kim");
	assert_int_equal(f->n_items, 2);
	assert_string_equal(f->items[0].link, "https://j.org/p/1");
	assert_string_equal(f->items[0].content, "<p>x</p>");
	assert_string_equal(f->items[0].enclosures[0].url,
	    "https://j.org/a.mp3");
	assert_string_equal(f->items[0].enclosures[0].length, "100");
	assert_string_equal(utc(&f->items[0].published, b),
	    "2019-12-31T22:00:00Z");
	assert_string_equal(f->items[1].guid, "2");
	assert_string_equal(f->items[1].content, "y");
	feed_free(f);

	assert_null(feed_parse("{\"title\":", 9, NULL, err, sizeof(err)));
	assert_non_null(strstr(err, "JSON"));
	assert_null(feed_parse("{\"a\":1}", 7, NULL, err, sizeof(err)));
}

static void
test_encodings(void **state)
{
	/* undeclared Latin-1 bytes, a UTF-8 BOM, windows-1251, UTF-16 */
	const char latin1[] = "<rss><channel><title>Caf\xe9 \xab"
	    "a\xbb</title></channel></rss>";
	const char bom[] = "\xEF\xBB\xBF  <rss><channel><title>"
	    "\xc3\xa9t\xc3\xa9"
	    "</title></channel></rss>";
	const char cp1251[] =
	    "<?xml version=\"1.0\" encoding=\"windows-1251\"?>"
	    "<rss><channel><title>\xcd\xee\xe2\xee\xf1\xf2\xe8</title>"
	    "</channel></rss>";
	const char utf16[] = "\xFF\xFE<\0r\0s\0s\0>\0"
	    "<\0c\0h\0a\0n\0n\0e\0l\0>\0"
	    "<\0t\0i\0t\0l\0e\0>\0\xe9\0<\0/\0t\0i\0t\0l\0e\0>\0"
	    "<\0/\0c\0h\0a\0"
	    "n\0n\0e\0l\0>\0<\0/\0r\0s\0s\0>\0";
	char err[128];
	struct feed *f;

	(void)state;
	f = feed_parse(latin1, sizeof(latin1) - 1, NULL, err, sizeof(err));
	assert_non_null(f);
	assert_string_equal(f->title, "Caf\xc3\xa9 \xc2\xab" "a\xc2\xbb");
	feed_free(f);
	f = feed_parse(bom, sizeof(bom) - 1, NULL, err, sizeof(err));
	assert_non_null(f);
	assert_string_equal(f->title, "\xc3\xa9t\xc3\xa9");
	feed_free(f);
	f = feed_parse(cp1251, sizeof(cp1251) - 1, NULL, err, sizeof(err));
	assert_non_null(f);
	assert_string_equal(f->title, "Новости");
	feed_free(f);
	f = feed_parse(utf16, sizeof(utf16) - 1, NULL, err, sizeof(err));
	assert_non_null(f);
	assert_string_equal(f->title, "\xc3\xa9");
	feed_free(f);

	/* declared UTF-8 with stray Latin-1 bytes; declared Latin-1 that is
	 * UTF-8; an encoding nobody knows: all read as a person would */
	f = parse("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss><channel>"
	    "<title>Caf\xe9 \xe2\x80\x94 cr\xe8me</title></channel></rss>");
	assert_non_null(f);
	assert_string_equal(f->title, "Caf\xc3\xa9 \xe2\x80\x94 cr\xc3\xa8me");
	feed_free(f);
	f = parse("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss>"
	    "<channel><title>Caf\xc3\xa9</title></channel></rss>");
	assert_non_null(f);
	assert_string_equal(f->title, "Caf\xc3\xa9");
	feed_free(f);
	f = parse("<?xml version=\"1.0\" encoding=\"x-nobody\"?><rss>"
	    "<channel><title>Caf\xc3\xa9</title></channel></rss>");
	assert_non_null(f);
	assert_string_equal(f->title, "Caf\xc3\xa9");
	feed_free(f);
}

static void
test_malformed(void **state)
{
	/* HTML entities undeclared, a bare '&', control characters, a
	 * document cut short: a person still reads the first items */
	const char *s = "<rss version=\"2.0\"><channel>"
	    "<title>AT&T &nbsp;&mdash; &copy;\x01 news</title>"
	    "<item><title>One &hellip;</title><link>http://a/1</link></item>"
	    "<item><title>Two</title><link>http://a/2</link></item>"
	    "<item><title>Thr";
	struct feed *f = parse(s);
	char err[128];

	(void)state;
	assert_non_null(f);
	assert_string_equal(f->title,
	    "AT&T \xc2\xa0\xe2\x80\x94 \xc2\xa9 news");
	assert_true(f->n_items >= 2);
	assert_string_equal(f->items[0].title, "One \xe2\x80\xa6");
	assert_string_equal(f->items[1].link, "http://a/2");
	feed_free(f);

	assert_null(feed_parse("", 0, NULL, err, sizeof(err)));
	assert_null(feed_parse("   \n", 4, NULL, err, sizeof(err)));
	assert_null(feed_parse("<html><body>x</body></html>", 27, NULL, err,
	    sizeof(err)));
	assert_non_null(strstr(err, "html"));
	assert_null(feed_parse("hello", 5, NULL, err, sizeof(err)));
}

static void
test_hostile(void **state)
{
	/* billion laughs: the references stay text, nothing expands */
	const char *bomb = "<?xml version=\"1.0\"?><!DOCTYPE rss ["
	    "<!ENTITY a \"aaaaaaaaaa\">"
	    "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
	    "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
	    "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
	    "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
	    "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">"
	    "<!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">"
	    "<!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">"
	    "<!ENTITY co \"ACME\">"
	    "]><rss version=\"2.0\"><channel><title>&co; &h;</title>"
	    "<item><title t=\"&h;\">&h;&h;</title></item></channel></rss>";
	/* external entities, general and parameter: never fetched */
	const char *xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss ["
	    "<!ENTITY x SYSTEM \"file:///etc/passwd\">"
	    "<!ENTITY y SYSTEM \"http://127.0.0.1:9/y\">"
	    "<!ENTITY % p SYSTEM \"http://127.0.0.1:9/p.dtd\"> %p;"
	    "]><rss version=\"2.0\"><channel><title>T&x;&y;</title>"
	    "<item><description>&x;</description></item></channel></rss>";
	const char *xinclude = "<rss version=\"2.0\" "
	    "xmlns:xi=\"http://www.w3.org/2001/XInclude\"><channel>"
	    "<title>X</title><item><title><xi:include "
	    "href=\"file:///etc/passwd\" parse=\"text\"/></title></item>"
	    "</channel></rss>";
	struct feed *f;
	json_t *j;
	char *dump;

	(void)state;
	f = parse(bomb);
	assert_non_null(f);
	assert_string_equal(f->title, "ACME &h;");
	assert_int_equal(f->n_items, 1);
	assert_string_equal(f->items[0].title, "&h;&h;");
	feed_free(f);

	f = parse(xxe);
	assert_non_null(f);
	j = feed_to_json(f);
	dump = json_dumps(j, 0);
	assert_null(strstr(dump, "root:"));
	assert_string_equal(f->title, "T&x;&y;");
	free(dump);
	json_decref(j);
	feed_free(f);

	/* the same in UTF-16: converted first, so the DOCTYPE goes too */
	{
		const char *x = "<!DOCTYPE rss [<!ENTITY a \"aa\">"
		    "<!ENTITY b \"&a;&a;&a;\">"
		    "<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
		    "<rss><channel><title>&b;&x;&a;</title></channel></rss>";
		size_t xl = strlen(x);
		char *w = malloc(2 * xl + 2), err[128];

		assert_non_null(w);
		w[0] = (char)0xFE;
		w[1] = (char)0xFF;
		for (size_t i = 0; i < xl; i++) {
			w[2 + 2 * i] = 0;
			w[3 + 2 * i] = x[i];
		}
		f = feed_parse(w, 2 * xl + 2, NULL, err, sizeof(err));
		assert_non_null(f);
		assert_string_equal(f->title, "&b;&x;aa");
		feed_free(f);
		free(w);
	}

	f = parse(xinclude);
	assert_non_null(f);
	assert_true(f->items[0].title == NULL ||
	    strstr(f->items[0].title, "root:") == NULL);
	feed_free(f);
}

static void
test_size_caps(void **state)
{
	size_t big = FEED_MAX_INPUT + 1, zlen;
	char *huge = malloc(big), err[128];
	unsigned char *z;
	z_stream zs;

	(void)state;
	assert_non_null(huge);
	memset(huge, ' ', big);
	memcpy(huge, "<rss>", 5);
	assert_null(feed_parse(huge, big, NULL, err, sizeof(err)));
	assert_non_null(strstr(err, "cap"));

	/* a gzip bomb: 17 MB of spaces in a few KB */
	zlen = compressBound(big) + 64;
	z = malloc(zlen);
	assert_non_null(z);
	memset(&zs, 0, sizeof(zs));
	assert_int_equal(deflateInit2(&zs, 9, Z_DEFLATED, 15 + 16, 9,
	    Z_DEFAULT_STRATEGY), Z_OK);
	zs.next_in = (unsigned char *)huge;
	zs.avail_in = (unsigned)big;
	zs.next_out = z;
	zs.avail_out = (unsigned)zlen;
	assert_int_equal(deflate(&zs, Z_FINISH), Z_STREAM_END);
	deflateEnd(&zs);
	assert_true(zs.total_out < 100000);
	assert_null(feed_parse((char *)z, zs.total_out, NULL, err,
	    sizeof(err)));
	assert_non_null(strstr(err, "gzip"));
	free(z);
	free(huge);
}

/* Reads a file of ../shared into a buffer; skips the test without it. */
static char *
slurp(const char *rel, size_t *len)
{
	char path[1024];
	FILE *fp;
	char *p;
	long n;

	snprintf(path, sizeof(path), "%s/%s", realworld_dir, rel);
	fp = fopen(path, "rb");
	if (fp == NULL)
		return NULL;
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	p = malloc((size_t)n + 1);
	assert_non_null(p);
	assert_int_equal(fread(p, 1, (size_t)n, fp), (size_t)n);
	fclose(fp);
	*len = (size_t)n;
	return p;
}

static void
test_realworld(void **state)
{
	static const struct {
		const char *file;
		size_t items;
		const char *title0;
		const char *date0;
	} cases[] = {
		{ "rbren+rss-parser/guardian.rss", 55, NULL,
		  "2018-01-31T07:26:05Z" },
		{ "danmactough+node-feedparser/tpm.atom", 20, NULL, NULL },
		{ "danmactough+node-feedparser/compressed.xml", 10, NULL,
		    NULL },
		{ "miniflux+v2/encoding_WINDOWS-1251.xml", 50, NULL, NULL },
		{ "miniflux+v2/no_encoding_ISO-8859-1.xml", 10,
		  "Perturbateurs endocriniens : quels effets sur le "
		  "cerveau ?", "2018-10-17T10:30:00Z" },
		{ "rbren+rss-parser/uolNoticias.rss", 15, NULL,
		  "2018-09-24T22:42:40Z" },
		{ "miniflux+v2/rdf_UTF8.xml", 60,
		  "OLED-TVs: Vorsichtsmaßnahmen gegen Einbrennen", NULL },
	};
	char err[256], b[32];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t len = 0;
		char *data = slurp(cases[i].file, &len);
		struct feed *f;

		if (data == NULL) {
			print_message("no %s: skipped\n", cases[i].file);
			skip();
		}
		f = feed_parse(data, len, NULL, err, sizeof(err));
		assert_non_null(f);
		assert_int_equal(f->n_items, cases[i].items);
		/* every item a person can read has its link (one corpus
		 * feed carries an empty <item>) */
		for (size_t k = 0; k < f->n_items; k++)
			if (f->items[k].title)
				assert_non_null(f->items[k].link);
		if (cases[i].title0)
			assert_string_equal(f->items[0].title,
			    cases[i].title0);
		if (cases[i].date0)
			assert_string_equal(utc(&f->items[0].published, b),
			    cases[i].date0);
		/* Guardian: media:content without type, the wider of two */
		if (strstr(cases[i].file, "guardian")) {
			assert_non_null(f->items[0].image.url);
			assert_non_null(strstr(f->items[0].image.url,
			    "w=460"));
			assert_string_equal(f->items[0].authors[0].name,
			    "David Smith in Washington");
		}
		feed_free(f);
		free(data);
	}
}

static void
test_tpm_xml_base(void **state)
{
	size_t len = 0;
	char *data = slurp("danmactough+node-feedparser/tpm.atom", &len);
	char err[256];
	struct feed *f;

	(void)state;
	if (data == NULL)
		skip();
	f = feed_parse(data, len, NULL, err, sizeof(err));
	assert_non_null(f);
	for (size_t k = 0; k < f->n_items; k++) {
		assert_non_null(f->items[k].link);
		assert_int_equal(strncmp(f->items[k].link, "http", 4), 0);
		assert_true(f->items[k].published.set ||
		    f->items[k].updated.set);
	}
	feed_free(f);
	free(data);
}


/* Parses one document and renders it, for the threads below. */
struct feed_job {
	const char *data;
	size_t len;
	char *json;    /* the last rendering */
	int rounds;
	int mismatches;
};

static void *
feed_job_run(void *arg)
{
	struct feed_job *j = arg;
	char err[128];

	for (int r = 0; r < j->rounds; r++) {
		struct feed *f = feed_parse(j->data, j->len, NULL, err,
		    sizeof(err));
		json_t *o;
		char *s;

		if (f == NULL) {
			j->mismatches++;
			continue;
		}
		o = feed_to_json(f);
		s = json_dumps(o, JSON_COMPACT);
		if (j->json && strcmp(j->json, s) != 0)
			j->mismatches++;
		free(j->json);
		j->json = s;
		json_decref(o);
		feed_free(f);
	}
	return NULL;
}

/* feed_parse is pure: threads parsing at once agree with each other and
 * with a lone parse. */
static void
test_threads(void **state)
{
	size_t len = 0;
	char *data = slurp("rbren+rss-parser/guardian.rss", &len);
	struct feed_job jobs[4];
	pthread_t th[4];

	(void)state;
	if (data == NULL)
		skip();
	for (int i = 0; i < 4; i++) {
		jobs[i] = (struct feed_job){ data, len, NULL, 3, 0 };
		assert_int_equal(pthread_create(&th[i], NULL, feed_job_run,
		    &jobs[i]), 0);
	}
	for (int i = 0; i < 4; i++)
		assert_int_equal(pthread_join(th[i], NULL), 0);
	for (int i = 0; i < 4; i++) {
		assert_int_equal(jobs[i].mismatches, 0);
		assert_non_null(jobs[i].json);
		assert_string_equal(jobs[i].json, jobs[0].json);
	}
	for (int i = 0; i < 4; i++)
		free(jobs[i].json);
	free(data);
}

/* Mutated real feeds (bytes flipped, cut, duplicated) never crash the
 * parser: each gives a feed or an error. Deterministic and bounded. */
static void
test_mutations(void **state)
{
	static const char *const seeds[] = {
		"miniflux+v2/small_atom.xml",
		"feed-rs+feed-rs/rss_1.0_debian.xml",
		"feed-rs+feed-rs/rss_2.0_bbc.xml",
	};
	static const char junk[] = "<>&;\"'/]![CDATA-#x0\xff\xc3\x80";
	uint32_t rng = 12345;
	int parsed = 0, failed = 0;

	(void)state;
	for (size_t s = 0; s < sizeof(seeds) / sizeof(seeds[0]); s++) {
		size_t len = 0;
		char *data = slurp(seeds[s], &len);

		if (data == NULL)
			skip();
		for (int round = 0; round < 150; round++) {
			char *m = malloc(len * 2 + 1), err[128];
			size_t mlen = len;
			struct feed *f;

			assert_non_null(m);
			memcpy(m, data, len);
			for (int k = 0; k < 1 + round % 8; k++) {
				size_t at;

				rng = rng * 1103515245u + 12345u;
				at = (rng >> 8) % mlen;
				switch ((rng >> 4) % 4) {
				case 0:   /* a syntax character */
					m[at] = junk[(rng >> 16) %
					    (sizeof(junk) - 1)];
					break;
				case 1:   /* cut short */
					mlen = at + 1;
					break;
				case 2:   /* a slice repeated */
					if (mlen + 64 <= len * 2 && at + 64 <
					    mlen) {
						memmove(m + at + 64, m + at,
						    mlen - at);
						mlen += 64;
					}
					break;
				default:  /* a random byte */
					m[at] = (char)(rng >> 24);
					break;
				}
			}
			f = feed_parse(m, mlen, NULL, err, sizeof(err));
			if (f) {
				json_t *o = feed_to_json(f);

				assert_non_null(o);
				assert_true(json_is_array(json_object_get(o,
				    "items")));
				json_decref(o);
				feed_free(f);
				parsed++;
			} else {
				assert_true(err[0] != '\0');
				failed++;
			}
			free(m);
		}
		free(data);
	}
	/* recovery keeps most damaged feeds readable */
	assert_true(parsed > failed);
}

int
main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rss2),
		cmocka_unit_test(test_rdf_and_atom),
		cmocka_unit_test(test_json_feed),
		cmocka_unit_test(test_encodings),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_size_caps),
		cmocka_unit_test(test_realworld),
		cmocka_unit_test(test_tpm_xml_base),
		cmocka_unit_test(test_threads),
		cmocka_unit_test(test_mutations),
	};

	realworld_dir = argc > 1 ? argv[1] : "../shared/feeds/realworld";
	xmlInitParser();   /* once, before threads, as newswired does */
	return cmocka_run_group_tests(tests, NULL, NULL);
}
