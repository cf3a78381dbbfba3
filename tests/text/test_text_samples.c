/* The text-dump extractor on the two shared samples: every field the gold
 * in samples/expected/ lists for the extractor. The samples directory is
 * the first argument. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "article.h"
#include "date.h"
#include "text/text_blocks.h"
#include "text/text_extract.h"
#include "util.h"

/* cmocka's fail() is shadowed by util.h's fail(): report and fail here. */
#define test_fail(...) do { \
	print_error(__VA_ARGS__); \
	_fail(__FILE__, __LINE__); \
} while (0)

static const char *samples_dir;

static char *
slurp(const char *name, size_t *len)
{
	struct buf path = { 0 }, b = { 0 };
	char chunk[4096];
	size_t n;
	FILE *f;

	buf_printf(&path, "%s/%s", samples_dir, name);
	f = fopen(path.p, "rb");
	if (f == NULL)
		test_fail("cannot open %s", path.p);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_append(&b, chunk, n);
	fclose(f);
	buf_free(&path);
	*len = b.len;
	return buf_take(&b);
}

static struct nw_article *
extract(const char *name)
{
	size_t len;
	char *s = slurp(name, &len);
	struct nw_article *a = article_new();
	char err[128] = "";
	/* Ingest time: long after the samples were written. */
	int rc = text_extract(s, len, 1700000000, a, err, sizeof(err));

	if (rc != 0)
		test_fail("%s: %s", name, err);
	free(s);
	return a;
}

/* Splits the body on blank lines; returns the paragraph count and checks
 * that paragraph i starts with starts[i]. */
static size_t
check_paragraphs(const char *body, const char *const *starts, size_t n)
{
	size_t count = 0;
	const char *p = body;

	while (*p != '\0') {
		const char *e = strstr(p, "\n\n");
		size_t len = e != NULL ? (size_t)(e - p) : strlen(p);

		assert_true(len > 0);
		assert_null(memchr(p, '\n', len));
		if (count < n && strncmp(p, starts[count],
		    strlen(starts[count])) != 0)
			test_fail("paragraph %zu: [%.60s], want [%s]", count, p,
			    starts[count]);
		count++;
		p = e != NULL ? e + 2 : p + len;
	}
	return count;
}

static void
test_independent(void **state)
{
	struct nw_article *a =
	    extract("independent-2017-02-14-kremlin-flynn.txt");
	static const char *const starts[] = {
		"The Kremlin has responded", "\"This is the internal affair",
		"Mr Flynn resigned less", "\"We have said everything",
		"Mr Peskov has previously", "Earlier, a senior Russian",
		"\"It's obvious that Flynn", "\"The target was",
		"Konstantin Kosachev, chairman",
		"\xe2\x80\x9c" "Either Trump hasn",
	};
	char when[32];

	(void)state;
	assert_string_equal(a->title, "Russia responds to Michael Flynn's "
	    "resignation as Donald Trump's National Security Adviser");
	assert_string_equal(a->subtitle, "'It's nothing to do with us'");
	assert_int_equal(a->authors.n, 1);
	assert_string_equal(a->authors.v[0], "Samuel Osborne");
	assert_string_equal(a->publisher, "The Independent");
	assert_null(a->dateline);
	assert_true(a->published.set);
	assert_string_equal(date_format_utc(&a->published, when,
	    sizeof(when)), "2017-02-14T10:57:00Z");
	assert_non_null(date_format_local(&a->published, when, sizeof(when)));
	assert_string_equal(when, "2017-02-14T05:57:00-05:00");
	assert_int_equal(a->n_images, 1);
	assert_string_equal(a->images[0].credit, "Reuters");
	assert_int_equal(strncmp(a->images[0].caption, "Michael Flynn "
	    "resigned after revelations", 38), 0);
	assert_int_equal(check_paragraphs(a->body, starts, 10), 10);
	assert_null(strstr(a->body, "Your support"));
	assert_null(strstr(a->body, "Michael Flynn resigns as national"));
	assert_null(strstr(a->body, "Comments"));
	article_free(a);
}

static void
test_tass(void **state)
{
	struct nw_article *a = extract("tass-2017-02-13-kremlin-flynn.txt");
	static const char *const starts[] = {
		"MOSCOW, February 13. /TASS/. Kremlin spokesman",
		"When asked whether Kislyak", "Last week the Washington Post",
		"Flynn\xe2\x80\x99s communication\xc2\xa0with",
		"The FBI is continuing", "As was reported earlier",
		"\"Other than that",
	};

	(void)state;
	assert_string_equal(a->title, "Kremlin gives no comment on row "
	    "involving Russian ambassador and Trump\xe2\x80\x99s advisor");
	assert_int_equal(strncmp(a->subtitle, "Flynn\xe2\x80\x99s "
	    "communication with Sergey Kislyak was interpreted", 56), 0);
	assert_int_equal(a->authors.n, 0);
	assert_string_equal(a->publisher, "TASS");
	assert_non_null(a->dateline);
	assert_string_equal(a->dateline->place, "MOSCOW");
	assert_string_equal(a->dateline->date, "February 13");
	assert_string_equal(a->dateline->agency, "TASS");
	/* No year is written anywhere: none is guessed. */
	assert_false(a->published.set);
	assert_int_equal(a->n_images, 1);
	assert_string_equal(a->images[0].caption,
	    "Kremlin spokesman Dmitry Peskov");
	assert_string_equal(a->images[0].credit, "Sergei Fadeichev/TASS");
	assert_int_equal(check_paragraphs(a->body, starts, 7), 7);
	assert_null(strstr(a->body, "All news"));
	assert_null(strstr(a->body, "\xc2\xa9"));
	article_free(a);
}

int
main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_independent),
		cmocka_unit_test(test_tass),
	};

	if (argc < 2) {
		fprintf(stderr, "usage: %s SAMPLES_DIR\n", argv[0]);
		return 2;
	}
	samples_dir = argv[1];
	return cmocka_run_group_tests(tests, NULL, NULL);
}
