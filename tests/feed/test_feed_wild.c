/* Unit tests of the feed parser on feeds as the wild writes them (issue
 * 14): unexpected namespaces and case, Atom 0.3's own elements, podcast
 * and Media RSS extensions, content models, people, categories,
 * encodings, xml:base with non-ASCII characters, links resolved as a
 * page's are (lib/url) and repeated dates. The
 * expected values are the formats' specifications' answers (RSS 2.0,
 * Atom 0.3 and RFC 4287, the iTunes podcast and Media RSS 1.5.1
 * specifications) on inputs shaped like real feeds. */
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

#include "date.h"
#include "feed/feed.h"
#include "url.h"

static struct feed *
parse_n_url(const char *s, size_t n, const char *url)
{
	char err[256] = "";
	struct feed *f = feed_parse(s, n, url, err, sizeof(err));

	if (f == NULL)
		print_message("parse error: %s\n", err);
	assert_non_null(f);
	return f;
}

static struct feed *
parse_n(const char *s, size_t n)
{
	return parse_n_url(s, n, NULL);
}

static struct feed *
parse(const char *s)
{
	return parse_n(s, strlen(s));
}

static const char *
utc(const struct nw_time *t, char *buf)
{
	if (!t->set)
		return "unset";
	return date_format_utc(t, buf, 32);
}

#define STR(a, b) do { \
	assert_non_null(a); \
	assert_string_equal((a), (b)); \
} while (0)

static void
test_namespaces(void **state)
{
	static const char *const atom03[] = {
		/* Atom 0.3 in a namespace of its own, and in none */
		"<feed version=\"0.3\" xmlns=\"http://example.com/newatom\">",
		"<feed version=\"0.3\">",
	};
	char b[32];

	(void)state;
	for (size_t i = 0; i < 2; i++) {
		char doc[1024];
		struct feed *f;

		snprintf(doc, sizeof(doc), "<?xml version=\"1.0\"?>%s"
		    "<title>Other</title><modified>2004-02-28T18:14:55Z"
		    "</modified><entry><title>E</title><id>tag:x,2004:1</id>"
		    "<issued>2004-02-27T10:00:00-05:00</issued></entry>"
		    "</feed>", atom03[i]);
		f = parse(doc);
		STR(f->format, "atom");
		STR(f->version, "0.3");
		STR(f->title, "Other");
		STR(utc(&f->updated, b), "2004-02-28T18:14:55Z");
		assert_int_equal(f->n_items, 1);
		STR(f->items[0].title, "E");
		STR(utc(&f->items[0].published, b), "2004-02-27T15:00:00Z");
		feed_free(f);
	}
}

static void
test_case_and_default_ns(void **state)
{
	struct feed *f;
	char b[32];

	(void)state;
	f = parse("<RSS VERSION=\"2.0\"><CHANNEL><TITLE>Upper</TITLE>"
	    "<LINK>http://example.com/</LINK><ITEM><TITLE>Item</TITLE>"
	    "<PUBDATE>Tue, 14 Feb 2017 05:57:00 GMT</PUBDATE>"
	    "<GUID>x1</GUID></ITEM></CHANNEL></RSS>");
	STR(f->title, "Upper");
	STR(f->link, "http://example.com/");
	assert_int_equal(f->n_items, 1);
	STR(f->items[0].guid, "x1");
	STR(utc(&f->items[0].published, b), "2017-02-14T05:57:00Z");
	feed_free(f);

	/* Atom in its namespace, in another case */
	f = parse("<FEED xmlns=\"http://www.w3.org/2005/Atom\"><Title>A"
	    "</Title><ENTRY><ID>1</ID><Updated>2004-02-28T18:14:55Z</Updated>"
	    "</ENTRY></FEED>");
	STR(f->format, "atom");
	STR(f->title, "A");
	STR(f->items[0].guid, "1");
	STR(utc(&f->items[0].updated, b), "2004-02-28T18:14:55Z");
	feed_free(f);

	/* extension elements in another case */
	f = parse("<rss version=\"2.0\""
	    " xmlns:DC=\"http://purl.org/dc/elements/1.1/\"><channel>"
	    "<title>x</title><item><DC:CREATOR>Up Per</DC:CREATOR>"
	    "<DC:Date>2004-01-01T00:00:00Z</DC:Date></item></channel></rss>");
	STR(f->items[0].authors[0].name, "Up Per");
	STR(utc(&f->items[0].published, b), "2004-01-01T00:00:00Z");
	feed_free(f);

	/* a root with an undeclared prefix has no namespace to drop
	 * (found by fuzz_feed) */
	{
		static const char undeclared[] = "<rdzf:RDF xmlns:rdf="
		    "\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
		    " xmlns=\"http://purl.org/rss/1.0/\"></rdf:RDF>";
		char err[256];

		assert_null(feed_parse(undeclared, sizeof(undeclared) - 1,
		    NULL, err, sizeof(err)));
	}

	f = parse("<rss version=\"2.0\" xmlns=\"http://example.com/ns\">"
	    "<channel><title>Default</title><item><title>I</title>"
	    "<link>http://example.com/1</link></item></channel></rss>");
	STR(f->title, "Default");
	assert_int_equal(f->n_items, 1);
	STR(f->items[0].link, "http://example.com/1");
	feed_free(f);

	/* a default namespace declared below the root */
	f = parse("<rss version=\"2.0\"><channel"
	    " xmlns=\"http://example.com/x\"><title>Below</title>"
	    "<item><title>I</title></item></channel></rss>");
	STR(f->title, "Below");
	STR(f->items[0].title, "I");
	feed_free(f);

	/* a namespace URI with white space around it, or without the final
	 * slash the specification gives it, is still that namespace */
	f = parse("<rss version=\"2.0\" xmlns:itunes=\" http://www.itunes.com/"
	    "dtds/podcast-1.0.dtd \" xmlns:dc=\"http://purl.org/dc/elements/"
	    "1.1\" xmlns:media=\"HTTP://search.yahoo.com/mrss\"><channel>"
	    "<itunes:author>Pod Caster</itunes:author><item><title>x</title>"
	    "<dc:creator>Dee Cee</dc:creator><media:category>M"
	    "</media:category></item></channel></rss>");
	assert_int_equal(f->n_authors, 1);
	STR(f->authors[0].name, "Pod Caster");
	assert_int_equal(f->items[0].n_authors, 1);
	STR(f->items[0].authors[0].name, "Dee Cee");
	assert_int_equal(f->items[0].categories.n, 1);
	STR(f->items[0].categories.v[0], "M");
	feed_free(f);
}

static void
test_atom03(void **state)
{
	struct feed *f;
	char b[32];

	(void)state;
	f = parse("<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\">"
	    "<title>T</title><tagline>The tagline</tagline>"
	    "<info mode=\"xml\">An Atom feed</info>"
	    "<copyright>(c) 2004 me</copyright>"
	    "<modified>2004-02-28T18:14:55Z</modified>"
	    "<entry><title>E</title><id>1</id>"
	    "<modified>2004-02-28T10:00:00Z</modified>"
	    "<created>2004-02-26T10:00:00Z</created>"
	    "<summary type=\"text/plain\" mode=\"base64\">"
	    "SGVsbG8gd29ybGQ=</summary>"
	    "<content type=\"text/html\" mode=\"escaped\">"
	    "&lt;p&gt;Hello&lt;/p&gt;</content></entry>"
	    "<entry><title>X</title><id>2</id>"
	    "<content type=\"application/xhtml+xml\" mode=\"xml\">"
	    "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Hi <b>you</b>"
	    "</p></div></content></entry></feed>");
	STR(f->description, "The tagline");
	STR(f->copyright, "(c) 2004 me");
	STR(utc(&f->updated, b), "2004-02-28T18:14:55Z");
	assert_int_equal(f->n_items, 2);
	STR(f->items[0].description, "Hello world");
	STR(f->items[0].content, "<p>Hello</p>");
	STR(utc(&f->items[0].updated, b), "2004-02-28T10:00:00Z");
	/* issued is absent: created is the publication date */
	STR(utc(&f->items[0].published, b), "2004-02-26T10:00:00Z");
	/* inline XML (0.3): the div is part of the content, unlike the
	 * div that wraps Atom 1.0 type="xhtml" */
	STR(f->items[1].content, "<div><p>Hi <b>you</b></p></div>");
	feed_free(f);
}

static void
test_podcast_media(void **state)
{
	struct feed *f;
	struct feed_item *it;
	json_t *j, *mc;

	(void)state;
	f = parse("<rss version=\"2.0\""
	    " xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\""
	    " xmlns:media=\"http://search.yahoo.com/mrss/\"><channel>"
	    "<title>Pod</title><itunes:subtitle>Sub</itunes:subtitle>"
	    "<itunes:author>Jane Doe</itunes:author>"
	    "<itunes:image url=\"http://example.com/wrong.jpg\"/>"
	    "<item><title>Ep 1</title>"
	    "<itunes:subtitle>ep sub</itunes:subtitle>"
	    "<itunes:summary>ep summary</itunes:summary>"
	    "<itunes:author>John</itunes:author>"
	    "<itunes:image href=\"http://example.com/ep1.jpg\"/>"
	    "<media:category scheme=\"http://x\">cat/a</media:category>"
	    "<media:thumbnail url=\"http://example.com/t.jpg\" width=\"75\""
	    " height=\"50\"/>"
	    "<media:content url=\"http://example.com/v.mp4\""
	    " type=\"video/mp4\" medium=\"video\" fileSize=\"1000\""
	    " width=\"640\" height=\"480\" duration=\"60\"/></item>"
	    "<item><media:group><media:title>g title</media:title>"
	    "<media:description>g desc</media:description>"
	    "<media:thumbnail url=\"http://example.com/g.jpg\"/>"
	    "<media:content url=\"http://example.com/g1.mp4\"/>"
	    "<media:content url=\"http://example.com/g2.mp4\"/>"
	    "<media:category>gc</media:category></media:group></item>"
	    /* Media RSS inside the enclosure, as inside media:content */
	    "<item><enclosure url=\"http://example.com/e.mp3\""
	    " type=\"audio/mpeg\"><media:title>e title</media:title>"
	    "<media:thumbnail url=\"http://example.com/e.jpg\"/>"
	    "</enclosure></item></channel></rss>");
	STR(f->description, "Sub");
	STR(f->image.url, "http://example.com/wrong.jpg");
	assert_int_equal(f->n_authors, 1);
	STR(f->authors[0].name, "Jane Doe");
	it = &f->items[0];
	STR(it->description, "ep summary");   /* the summary before */
	STR(it->authors[0].name, "John");
	STR(it->image.url, "http://example.com/ep1.jpg");
	assert_int_equal(it->categories.n, 1);
	STR(it->categories.v[0], "cat/a");
	assert_int_equal(it->n_media_thumbnail, 1);
	STR(it->media_thumbnail[0].width, "75");
	assert_int_equal(it->n_media_content, 1);
	STR(it->media_content[0].length, "1000");
	STR(it->media_content[0].duration, "60");
	it = &f->items[1];
	STR(it->title, "g title");
	STR(it->description, "g desc");
	STR(it->image.url, "http://example.com/g.jpg");
	assert_int_equal(it->n_media_content, 2);
	STR(it->media_content[1].url, "http://example.com/g2.mp4");
	STR(it->categories.v[0], "gc");
	it = &f->items[2];
	STR(it->title, "e title");
	STR(it->image.url, "http://example.com/e.jpg");
	assert_int_equal(it->n_enclosures, 1);
	/* the JSON form carries the new fields */
	j = feed_to_json(f);
	mc = json_object_get(json_array_get(json_object_get(j, "items"), 0),
	    "media_content");
	assert_int_equal(json_array_size(mc), 1);
	STR(json_string_value(json_object_get(json_array_get(mc, 0),
	    "medium")), "video");
	json_decref(j);
	feed_free(f);
}

static void
test_content_models(void **state)
{
	struct feed *f;

	(void)state;
	f = parse("<rss version=\"2.0\""
	    " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">"
	    "<channel><title>C</title>"
	    "<item><title>&lt;b&gt;Bold&lt;/b&gt; news</title>"
	    "<description>short</description>"
	    "<content:encoded>&lt;p&gt;long&lt;/p&gt;</content:encoded></item>"
	    "<item><description>dd</description>"
	    "<xhtml:body xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">"
	    "<xhtml:p>body</xhtml:p></xhtml:body></item>"
	    "<item><description><p>A circle <svg"
	    " xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"2\"/></svg>"
	    " and <math xmlns=\"http://www.w3.org/1998/Math/MathML\"><mi>x"
	    "</mi></math></p></description></item></channel></rss>");
	/* escaped markup in a title stays markup, as a string */
	STR(f->items[0].title, "<b>Bold</b> news");
	STR(f->items[0].description, "short");
	STR(f->items[0].content, "<p>long</p>");
	STR(f->items[1].description, "dd");
	STR(f->items[1].content, "<p>body</p>");
	assert_non_null(strstr(f->items[2].description, "<circle r=\"2\"/>"));
	assert_non_null(strstr(f->items[2].description, "<mi>x</mi>"));
	feed_free(f);

	/* summary vs description: the description is the summary; a
	 * non-namespaced <summary> or <content> only fills what is empty */
	f = parse("<rss version=\"2.0\"><channel><title>S</title>"
	    "<item><description>D</description><summary>S</summary></item>"
	    "<item><summary>S</summary><content>C</content></item>"
	    "</channel></rss>");
	STR(f->items[0].description, "D");
	STR(f->items[1].description, "S");
	STR(f->items[1].content, "C");
	feed_free(f);
}

static void
test_people_and_categories(void **state)
{
	struct feed *f;
	struct feed_item *it;

	(void)state;
	f = parse("<rss version=\"2.0\""
	    " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel>"
	    "<title>P</title>"
	    "<managingEditor>editor@example.com (Ed Itor)</managingEditor>"
	    "<category>c1</category><category>c2</category>"
	    "<dc:subject>c3</dc:subject>"
	    "<item><author>jdoe@example.com</author><category>a</category>"
	    "<category>b</category><dc:subject>c</dc:subject></item>"
	    "<item><dc:creator>Jane Doe &lt;jane@example.com&gt;"
	    "</dc:creator></item>"
	    "<item><dc:creator>j@example.com (J Person)</dc:creator></item>"
	    "</channel></rss>");
	assert_int_equal(f->n_authors, 1);
	STR(f->authors[0].name, "Ed Itor");
	STR(f->authors[0].email, "editor@example.com");
	assert_int_equal(f->categories.n, 3);
	STR(f->categories.v[2], "c3");
	it = &f->items[0];
	assert_null(it->authors[0].name);
	STR(it->authors[0].email, "jdoe@example.com");
	assert_int_equal(it->categories.n, 3);
	STR(it->categories.v[0], "a");
	STR(it->categories.v[2], "c");
	STR(f->items[1].authors[0].name, "Jane Doe");
	STR(f->items[1].authors[0].email, "jane@example.com");
	STR(f->items[2].authors[0].name, "J Person");
	STR(f->items[2].authors[0].email, "j@example.com");
	feed_free(f);

	/* a webMaster alone is the channel's person; Name <email> */
	f = parse("<rss version=\"2.0\"><channel><title>W</title>"
	    "<webMaster>Web Master &lt;web@example.com&gt;</webMaster>"
	    "</channel></rss>");
	STR(f->authors[0].name, "Web Master");
	STR(f->authors[0].email, "web@example.com");
	feed_free(f);

	/* a quoted name, a mailto: email */
	f = parse("<rss version=\"2.0\"><channel><title>Q</title>"
	    "<managingEditor>\"Jane Doe\" &lt;jane@example.com&gt;"
	    "</managingEditor><item><author>mailto:j@example.com</author>"
	    "</item></channel></rss>");
	STR(f->authors[0].name, "Jane Doe");
	STR(f->authors[0].email, "jane@example.com");
	assert_null(f->items[0].authors[0].name);
	STR(f->items[0].authors[0].email, "j@example.com");
	feed_free(f);

	/* the email anywhere, the name what is left around it */
	f = parse("<rss version=\"2.0\"><channel><title>E</title>"
	    "<item><author>&lt;a@example.com&gt; Ann A</author></item>"
	    "<item><author>(Bob B) b@example.com</author></item>"
	    "<item><author>Cy C, c@example.com</author></item>"
	    "<item><author>Di D [d@example.com]</author></item>"
	    "<item><author>e@example.com (e@example.com)</author></item>"
	    "<item><author>Fay F (Staff Writer)</author></item>"
	    "</channel></rss>");
	{
		static const char *const want[][2] = {
			{ "Ann A", "a@example.com" },
			{ "Bob B", "b@example.com" },
			{ "Cy C", "c@example.com" },
			{ "Di D", "d@example.com" },
			{ NULL, "e@example.com" },
			{ "Fay F (Staff Writer)", NULL },
		};

		assert_int_equal(f->n_items, 6);
		for (size_t i = 0; i < 6; i++) {
			const struct feed_person *p = &f->items[i].authors[0];

			assert_int_equal(f->items[i].n_authors, 1);
			if (want[i][0])
				STR(p->name, want[i][0]);
			else
				assert_null(p->name);
			if (want[i][1])
				STR(p->email, want[i][1]);
			else
				assert_null(p->email);
		}
	}
	feed_free(f);

	/* an <author> on the channel, which RSS does not define */
	f = parse("<rss version=\"2.0\"><channel><title>W</title>"
	    "<author>Chan Author &lt;ca@example.com&gt;</author>"
	    "</channel></rss>");
	STR(f->authors[0].name, "Chan Author");
	STR(f->authors[0].email, "ca@example.com");
	feed_free(f);

	/* Atom: the term is the category, also beside a label */
	f = parse("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A"
	    "</title><entry><id>1</id><category term=\"t1\" label=\"T 1\"/>"
	    "<category term=\"t2\" scheme=\"http://x\"/></entry></feed>");
	assert_int_equal(f->items[0].categories.n, 2);
	STR(f->items[0].categories.v[0], "t1");
	STR(f->items[0].categories.v[1], "t2");
	feed_free(f);

	/* atom:category in RSS, on the channel and the item, read as in
	 * Atom: the term, the label only when there is no term */
	f = parse("<rss version=\"2.0\" xmlns:a=\"http://www.w3.org/2005/"
	    "Atom\"><channel><title>R</title><a:category term=\"ct\""
	    " label=\"CT\"/><item><a:category label=\"Only Label\"/>"
	    "</item></channel></rss>");
	assert_int_equal(f->categories.n, 1);
	STR(f->categories.v[0], "ct");
	assert_int_equal(f->items[0].categories.n, 1);
	STR(f->items[0].categories.v[0], "Only Label");
	feed_free(f);
}

static void
test_encodings(void **state)
{
	/* windows-1252's curly quote 0x92 in a feed declaring ISO-8859-1 */
	static const char latin[] = "<?xml version=\"1.0\""
	    " encoding=\"iso-8859-1\"?><rss version=\"2.0\"><channel>"
	    "<title>It\x92s</title></channel></rss>";
	/* UTF-8 encoded twice: "Café ’" */
	static const char twice[] = "<?xml version=\"1.0\""
	    " encoding=\"utf-8\"?><rss version=\"2.0\"><channel>"
	    "<title>Caf\xc3\x83\xc2\xa9 \xc3\xa2\xe2\x82\xac\xe2\x84\xa2"
	    "</title><language>en_US</language>"
	    "<item><title>Caf\xc3\xa9 \xc3\x83\xc2\xa9</title></item>"
	    "</channel></rss>";
	struct feed *f;

	(void)state;
	f = parse_n(latin, sizeof(latin) - 1);
	STR(f->title, "It\xe2\x80\x99s");
	feed_free(f);
	f = parse_n(twice, sizeof(twice) - 1);
	STR(f->title, "Caf\xc3\xa9 \xe2\x80\x99");
	STR(f->language, "en-US");
	/* correct text beside what looks double-encoded: left alone */
	STR(f->items[0].title, "Caf\xc3\xa9 \xc3\x83\xc2\xa9");
	feed_free(f);
	f = parse("<feed xmlns=\"http://www.w3.org/2005/Atom\""
	    " xml:lang=\"en_GB\"><title>L</title></feed>");
	STR(f->language, "en-GB");
	feed_free(f);
}

/* The page of a feed or an entry is its first alternate link of an HTML
 * type (or of none); an alternate of another type (another feed, the
 * audio) only when there is no HTML one (RFC 4287 4.2.7.2). */
static void
test_alternate_links(void **state)
{
	struct feed *f;

	(void)state;
	f = parse("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>L"
	    "</title><link rel=\"alternate\" type=\"application/rss+xml\""
	    " href=\"http://example.com/feed.rss\"/><link rel=\"alternate\""
	    " type=\"text/html; charset=utf-8\" href=\"http://example.com/\"/>"
	    "<link href=\"http://example.com/second\"/>"
	    "<entry><id>1</id><link rel=\"alternate\" type=\"audio/mpeg\""
	    " href=\"http://example.com/1.mp3\"/><link rel=\"alternate\""
	    " type=\"application/xhtml+xml\" href=\"http://example.com/1\"/>"
	    "</entry><entry><id>2</id><link rel=\"alternate\""
	    " type=\"application/pdf\" href=\"http://example.com/2.pdf\"/>"
	    "</entry></feed>");
	STR(f->link, "http://example.com/");
	assert_int_equal(f->links.n, 3);
	STR(f->items[0].link, "http://example.com/1");
	assert_int_equal(f->items[0].links.n, 2);
	/* no HTML alternate: the one there is */
	STR(f->items[1].link, "http://example.com/2.pdf");
	feed_free(f);

	/* atom:link in RSS: the same rule */
	f = parse("<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/"
	    "Atom\"><channel><title>R</title><item><atom:link"
	    " type=\"audio/mpeg\" href=\"http://example.com/a.mp3\"/>"
	    "<atom:link type=\"text/html\" href=\"http://example.com/a\"/>"
	    "</item></channel></rss>");
	STR(f->items[0].link, "http://example.com/a");
	feed_free(f);
}

static void
test_xml_base(void **state)
{
	struct feed *f;

	(void)state;
	f = parse("<feed xmlns=\"http://www.w3.org/2005/Atom\""
	    " xml:base=\"http://example.com/\xc3\xbc/\"><title>B</title>"
	    "<link href=\"feed/\"/><entry><id>1</id>"
	    "<link href=\"\xc3\xa4/entry\"/><content type=\"html\">"
	    "&lt;a href=\"\xc3\xb6.html\"&gt;x&lt;/a&gt;</content></entry>"
	    "</feed>");
	/* resolved as a page's links are (lib/url): percent-encoded */
	STR(f->link, "http://example.com/%C3%BC/feed/");
	STR(f->items[0].link, "http://example.com/%C3%BC/%C3%A4/entry");
	STR(f->items[0].content,
	    "<a href=\"http://example.com/%C3%BC/%C3%B6.html\">x</a>");
	feed_free(f);

	/* RSS under a stated xml:base: links in its HTML too */
	f = parse("<rss version=\"2.0\" xml:base=\"http://example.com/b/\">"
	    "<channel><title>R</title><item xml:base=\"sub/\">"
	    "<link>item1</link><description>&lt;a href=\"rel.html\"&gt;x"
	    "&lt;/a&gt;</description></item></channel></rss>");
	STR(f->items[0].link, "http://example.com/b/sub/item1");
	STR(f->items[0].description,
	    "<a href=\"http://example.com/b/sub/rel.html\">x</a>");
	feed_free(f);
}

/* A feed's links resolve and normalise as a page's do (lib/url): the
 * link of an entry and the canonical URL of its page, written alike,
 * give one URL and so one article id. */
static void
test_links_as_pages(void **state)
{
	static const struct {
		const char *href, *want;
	} cases[] = {
		/* relative, under the entry's xml:base */
		{ "../b/./c.html", "https://example.com/x/b/c.html" },
		/* a non-ASCII path, raw */
		{ "/gr\xc3\xb6\xc3\x9f""er/a b.html",
		    "https://example.com/gr%C3%B6%C3%9Fer/a%20b.html" },
		/* an IDN host, in its ASCII form */
		{ "https://b\xc3\xbc\x63her.example/neu",
		    "https://xn--bcher-kva.example/neu" },
		/* escapes in upper case, dot segments removed */
		{ "https://example.com/a/%7enews/../b%c3%a4",
		    "https://example.com/a/b%C3%A4" },
		/* no path: as written (the same URL as with "/") */
		{ "https://example.com", "https://example.com" },
	};
	const char *page = "https://example.com/x/y/page.html";

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char doc[1024], *res, *c1, *c2;
		struct feed *f;

		snprintf(doc, sizeof(doc), "<feed xmlns=\"http://www.w3.org/"
		    "2005/Atom\"><title>L</title><entry xml:base=\"/x/y/\">"
		    "<id>1</id><link href=\"%s\"/><link rel=\"enclosure\" "
		    "href=\"%s\"/></entry></feed>", cases[i].href,
		    cases[i].href);
		f = parse_n_url(doc, strlen(doc), "https://example.com/feed");
		STR(f->items[0].link, cases[i].want);
		assert_int_equal(f->items[0].n_enclosures, 1);
		STR(f->items[0].enclosures[0].url, cases[i].want);
		/* the page's <link rel=canonical href=...> resolves the same */
		res = url_resolve(cases[i].href, page);
		c1 = url_canonical(res);
		c2 = url_canonical(f->items[0].link);
		assert_non_null(c1);
		STR(c2, c1);
		free(res);
		free(c1);
		free(c2);
		feed_free(f);
	}
	/* RSS and a JSON Feed: the link and the image alike */
	{
		const char *rss = "<rss version=\"2.0\"><channel><title>R"
		    "</title><item><link>https://b\xc3\xbc\x63her.example/"
		    "gr\xc3\xb6\xc3\x9f""e</link><enclosure url=\"/img/"
		    "\xc3\xa4.jpg\" length=\"1\" type=\"image/jpeg\"/>"
		    "</item></channel></rss>";
		const char *json = "{\"version\": \"https://jsonfeed.org/"
		    "version/1.1\", \"title\": \"J\", \"items\": [{\"id\":"
		    " \"1\", \"url\": \"./a/../gr\xc3\xb6\xc3\x9f""e\","
		    " \"image\": \"https://b\xc3\xbc\x63her.example/i.jpg\"}]}";
		struct feed *f = parse_n_url(rss, strlen(rss),
		    "https://example.com/feed");

		STR(f->items[0].link,
		    "https://xn--bcher-kva.example/gr%C3%B6%C3%9F""e");
		STR(f->items[0].enclosures[0].url,
		    "https://example.com/img/%C3%A4.jpg");
		feed_free(f);
		f = parse_n_url(json, strlen(json),
		    "https://example.com/feed.json");
		STR(f->items[0].link, "https://example.com/gr%C3%B6%C3%9F""e");
		STR(f->items[0].image.url,
		    "https://xn--bcher-kva.example/i.jpg");
		feed_free(f);
	}
}

static void
test_dates(void **state)
{
	struct feed *f;
	char b[32];

	(void)state;
	/* a repeated date element: the first wins */
	f = parse("<rss version=\"2.0\"><channel><title>D</title><item>"
	    "<pubDate>Tue, 14 Feb 2017 05:57:00 GMT</pubDate>"
	    "<pubDate>Wed, 15 Feb 2017 05:57:00 GMT</pubDate></item>"
	    "<item><pubDate>Tue, 14 Feb 2017 05:57:00 Europe/Paris</pubDate>"
	    "</item><item><pubDate>1487051820</pubDate></item>"
	    "</channel></rss>");
	STR(utc(&f->items[0].published, b), "2017-02-14T05:57:00Z");
	STR(utc(&f->items[1].published, b), "2017-02-14T04:57:00Z");
	STR(utc(&f->items[2].published, b), "2017-02-14T05:57:00Z");
	feed_free(f);
	f = parse("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A"
	    "</title><entry><id>1</id><updated>2004-02-28T18:14:55Z</updated>"
	    "<updated>2005-02-28T18:14:55Z</updated></entry></feed>");
	STR(utc(&f->items[0].updated, b), "2004-02-28T18:14:55Z");
	feed_free(f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_namespaces),
		cmocka_unit_test(test_case_and_default_ns),
		cmocka_unit_test(test_atom03),
		cmocka_unit_test(test_podcast_media),
		cmocka_unit_test(test_content_models),
		cmocka_unit_test(test_people_and_categories),
		cmocka_unit_test(test_encodings),
		cmocka_unit_test(test_alternate_links),
		cmocka_unit_test(test_xml_base),
		cmocka_unit_test(test_links_as_pages),
		cmocka_unit_test(test_dates),
	};
	int r;

	xmlInitParser();
	r = cmocka_run_group_tests(tests, NULL, NULL);
	xmlCleanupParser();
	return r;
}
