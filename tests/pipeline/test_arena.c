/* struct arena (lib/arena.c), and the HTML parse whose tree is cut from
 * one (pipeline/html/html_sax.c): items are aligned, apart and intact
 * whatever their sizes (those asked at a multiple of 64 bytes there, but
 * for one where a block runs out), the arena is empty after arena_free() and takes
 * items again; a run of text that the parser hands over in pieces (at
 * each entity, every thousand bytes) is one paragraph of the body, whole
 * and in order. */
#include <setjmp.h>
#include <stdalign.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"
#include "pipeline.h"
#include "util.h"

#define N_ITEMS 5000

static void
test_arena_items(void **state)
{
	struct arena a = { 0 };
	unsigned char *item[N_ITEMS];
	size_t size[N_ITEMS], lines, off_line;

	(void)state;
	for (int round = 0; round < 2; round++) {
		lines = off_line = 0;
		for (size_t i = 0; i < N_ITEMS; i++) {
			/* small items, and now and then one over a block */
			size[i] = i % 997 == 0 ? 70000 + i : 1 + i % 200;
			if (i % 3 == 2) {
				item[i] = arena_zero_aligned(&a, size[i], 64);
				lines++;
				off_line += (uintptr_t)item[i] % 64 != 0;
			} else {
				item[i] = i % 3 ? arena_zero(&a, size[i]) :
				    arena_take(&a, size[i]);
			}
			assert_int_equal((uintptr_t)item[i] %
			    alignof(max_align_t), 0);
			if (i % 3)
				for (size_t k = 0; k < size[i]; k++)
					assert_int_equal(item[i][k], 0);
			memset(item[i], (int)(i & 0xff), size[i]);
		}
		/* some twenty blocks: an item at most apiece off its line */
		assert_true(off_line * 20 < lines);
		for (size_t i = 0; i < N_ITEMS; i++)
			for (size_t k = 0; k < size[i]; k++)
				assert_int_equal(item[i][k], i & 0xff);
		arena_free(&a);
		assert_null(a.blk);
	}
}

static void
test_arena_strndup(void **state)
{
	struct arena a = { 0 };
	char *s;

	(void)state;
	s = arena_strndup(&a, "bridge repairs", 6);
	assert_string_equal(s, "bridge");
	s = arena_strndup(&a, "", 0);
	assert_string_equal(s, "");
	arena_free(&a);
	arena_free(&a);
}

static void
test_arena_text_runs(void **state)
{
	struct buf page = { 0 }, want = { 0 };
	struct nw_input in = { .name = "page.html", .now = 2000000000 };
	struct nw_article *a;
	char err[256];

	(void)state;
	buf_puts(&page, "<!DOCTYPE html><html><head><title>Council votes on "
	    "the bridge</title></head><body><article><h1>Council votes on "
	    "the bridge</h1><p>");
	/* 3,000 bytes between entities: the parser's pieces join into one
	 * text node */
	for (int i = 0; i < 60; i++) {
		buf_printf(&page, "Ward %02d voted for the repairs &amp; the "
		    "new supports, said&nbsp;the clerk. ", i);
		/* the no-break space normalised to a space */
		buf_printf(&want, "%sWard %02d voted for the repairs & the "
		    "new supports, said the clerk.", i ? " " : "", i);
	}
	buf_puts(&page, "</p><p>Work starts next month and is to last until "
	    "the spring, the council said in a statement after the "
	    "vote.</p></article></body></html>");
	in.data = (const unsigned char *)page.p;
	in.len = page.len;
	a = pipeline_run(&in, err, sizeof(err));
	assert_non_null(a);
	assert_non_null(a->body);
	assert_memory_equal(a->body, want.p, want.len);
	assert_string_equal(a->body + want.len, "\n\nWork starts next month "
	    "and is to last until the spring, the council said in a "
	    "statement after the vote.");
	article_free(a);
	buf_free(&page);
	buf_free(&want);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_arena_items),
		cmocka_unit_test(test_arena_strndup),
		cmocka_unit_test(test_arena_text_runs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
