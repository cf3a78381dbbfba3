/* The sitemap reader (fetchers/sitemap): urlset, index, Google News
 * fields, gzip, a document cut short, what is not a sitemap, and hostile
 * XML (no entity is expanded, no file read), and a budget that ends the
 * read. */
#include <setjmp.h>
#include <stdatomic.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <zlib.h>

#include "sitemap/sitemap.h"
#include "util.h"

static char err[256];

static struct sitemap *
parse(const char *s)
{
	err[0] = '\0';
	return sitemap_parse(s, strlen(s), 0, err, sizeof(err));
}

static void
test_urlset(void **state)
{
	struct sitemap *sm = parse(
	    "<?xml version=\"1.0\"?>\n<urlset xmlns=\"http://www.sitemaps.org/"
	    "schemas/sitemap/0.9\">\n"
	    "<url><loc> https://a.example/1 </loc>"
	    "<lastmod>2024-03-01T10:00:00+01:00</lastmod>"
	    "<changefreq>daily</changefreq></url>\n"
	    "<url><loc>https://a.example/2</loc></url>\n"
	    "<url><lastmod>2024-01-01</lastmod></url>\n"       /* no loc */
	    "<url><loc>ftp://a.example/3</loc></url>\n"        /* not http */
	    "<url><loc><![CDATA[https://a.example/4?a=1&b=2]]></loc></url>"
	    "</urlset>");

	(void)state;
	assert_non_null(sm);
	assert_false(sm->index);
	assert_int_equal(sm->n, 3);
	assert_string_equal(sm->v[0].loc, "https://a.example/1");
	assert_string_equal(sm->v[0].lastmod_text,
	    "2024-03-01T10:00:00+01:00");
	assert_true(sm->v[0].lastmod.set);
	assert_int_equal(sm->v[0].lastmod.utc, 1709283600);
	assert_ptr_equal(sitemap_url_time(&sm->v[0]), &sm->v[0].lastmod);
	assert_null(sm->v[1].lastmod_text);
	assert_null(sitemap_url_time(&sm->v[1]));
	assert_string_equal(sm->v[2].loc, "https://a.example/4?a=1&b=2");
	sitemap_free(sm);
}

static void
test_news(void **state)
{
	struct sitemap *sm = parse(
	    "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
	    "xmlns:n=\"http://www.google.com/schemas/sitemap-news/0.9\" "
	    "xmlns:image=\"http://www.google.com/schemas/sitemap-image/1.1\">"
	    "<url><loc>https://a.example/n</loc>"
	    "<image:image><image:loc>https://a.example/i.jpg</image:loc>"
	    "<image:title>Not the title</image:title></image:image>"
	    "<n:news><n:publication><n:name>The Crier</n:name>"
	    "<n:language>en</n:language></n:publication>"
	    "<n:publication_date>2024-03-05T09:30:00Z</n:publication_date>"
	    "<n:title>A &amp; B</n:title></n:news></url></urlset>");

	(void)state;
	assert_non_null(sm);
	assert_int_equal(sm->n, 1);
	assert_string_equal(sm->v[0].loc, "https://a.example/n");
	assert_string_equal(sm->v[0].news_title, "A & B");
	assert_string_equal(sm->v[0].news_name, "The Crier");
	assert_string_equal(sm->v[0].news_language, "en");
	assert_true(sm->v[0].news_date.set);
	assert_ptr_equal(sitemap_url_time(&sm->v[0]), &sm->v[0].news_date);
	sitemap_free(sm);
}

static void
test_index_gzip(void **state)
{
	const char *x = "<sitemapindex xmlns=\"http://www.sitemaps.org/"
	    "schemas/sitemap/0.9\"><sitemap><loc>https://a.example/s1.xml.gz"
	    "</loc><lastmod>2024-02-01</lastmod></sitemap><sitemap><loc>"
	    "https://a.example/s2.xml</loc></sitemap></sitemapindex>";
	unsigned char gz[1024];
	z_stream z;
	struct sitemap *sm;

	(void)state;
	memset(&z, 0, sizeof(z));
	assert_int_equal(deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 8,
	    Z_DEFAULT_STRATEGY), Z_OK);
	z.next_in = (Bytef *)(uintptr_t)x;
	z.avail_in = (uInt)strlen(x);
	z.next_out = gz;
	z.avail_out = sizeof(gz);
	assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
	sm = sitemap_parse((const char *)gz, z.total_out, 0, err,
	    sizeof(err));
	assert_non_null(sm);
	assert_true(sm->index);
	assert_int_equal(sm->n, 2);
	assert_string_equal(sm->v[0].loc, "https://a.example/s1.xml.gz");
	assert_string_equal(sm->v[0].lastmod_text, "2024-02-01");
	sitemap_free(sm);
	/* the gzip stream cut short (its trailer and a little): what was
	 * inflated stays */
	sm = sitemap_parse((const char *)gz, z.total_out - 12, 0, err,
	    sizeof(err));
	assert_non_null(sm);
	assert_int_equal(sm->n, 2);
	sitemap_free(sm);
	/* the document cut short inside its second record: the first stays */
	sm = sitemap_parse(x, strlen(x) - 40, 0, err, sizeof(err));
	assert_non_null(sm);
	assert_int_equal(sm->n, 1);
	sitemap_free(sm);
	/* inflated past the cap */
	sm = sitemap_parse((const char *)gz, z.total_out, 100, err,
	    sizeof(err));
	assert_null(sm);
	assert_non_null(strstr(err, "inflated"));
	deflateEnd(&z);
}

static void
test_not_sitemaps(void **state)
{
	(void)state;
	assert_null(parse("<rss version=\"2.0\"><channel/></rss>"));
	assert_non_null(strstr(err, "not a sitemap: the root is <rss>"));
	assert_null(parse("hello, world"));
	assert_null(parse(""));
	assert_null(sitemap_parse("\x1f\x8b garbage", 10, 0, err,
	    sizeof(err)));
	assert_non_null(strstr(err, "gzip"));
}

static void
test_hostile(void **state)
{
	struct sitemap *sm;
	struct buf b = { 0 };

	(void)state;
	/* an external entity is neither fetched nor read */
	sm = parse("<?xml version=\"1.0\"?><!DOCTYPE urlset ["
	    "<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
	    "<urlset><url><loc>https://a.example/&e;</loc></url></urlset>");
	if (sm != NULL) {
		for (size_t i = 0; i < sm->n; i++)
			assert_null(strstr(sm->v[i].loc, "root:"));
		sitemap_free(sm);
	}
	/* nested internal entities are not expanded a billion times */
	buf_puts(&b, "<?xml version=\"1.0\"?><!DOCTYPE urlset [<!ENTITY a0 "
	    "\"lol\">");
	for (int i = 1; i < 10; i++)
		buf_printf(&b, "<!ENTITY a%d \"&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;"
		    "&a%d;&a%d;&a%d;&a%d;\">", i, i - 1, i - 1, i - 1, i - 1,
		    i - 1, i - 1, i - 1, i - 1, i - 1, i - 1);
	buf_puts(&b, "]><urlset><url><loc>https://a.example/&a9;</loc>"
	    "</url></urlset>");
	buf_putc(&b, '\0');
	sm = parse(b.p);
	if (sm != NULL) {
		for (size_t i = 0; i < sm->n; i++)
			assert_true(strlen(sm->v[i].loc) < 100000);
		sitemap_free(sm);
	}
	buf_free(&b);
}

/* Under a budget: a halt or a deadline gone by ends the read with
 * nothing kept; a budget with time left changes nothing. */
static void
test_budget(void **state)
{
	atomic_bool halt = false;
	struct budget b = { .halt = &halt };
	struct buf doc = { 0 };
	struct sitemap *sm;

	(void)state;
	buf_puts(&doc, "<urlset>");
	for (int i = 0; i < 5000; i++)
		buf_printf(&doc, "<url><loc>https://a.example/%d</loc></url>",
		    i);
	buf_puts(&doc, "</urlset>");
	sm = sitemap_parse_budget(doc.p, doc.len, 0, &b, err, sizeof(err));
	assert_non_null(sm);
	assert_int_equal(sm->n, 5000);
	sitemap_free(sm);
	atomic_store(&halt, true);
	err[0] = '\0';
	assert_null(sitemap_parse_budget(doc.p, doc.len, 0, &b, err,
	    sizeof(err)));
	assert_non_null(strstr(err, "stopped"));
	atomic_store(&halt, false);
	b.deadline_ms = budget_now_ms() - 1;
	err[0] = '\0';
	assert_null(sitemap_parse_budget(doc.p, doc.len, 0, &b, err,
	    sizeof(err)));
	assert_non_null(strstr(err, "time budget"));
	buf_free(&doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_urlset),
		cmocka_unit_test(test_news),
		cmocka_unit_test(test_index_gzip),
		cmocka_unit_test(test_not_sitemaps),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_budget),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
