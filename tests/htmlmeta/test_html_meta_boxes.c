/* Unit tests of html_meta_extract() on another CMS's markup: every
 * block set in boxes of its own (<div>s with no class, no id), where the
 * metadata must be read by the page's structure alone, as on the pages
 * it was made on (bench/scramble.py --mode cms). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "article.h"
#include "meta_check.h"

/* The headline's standfirst, an <h2> after the <h1> in the headline's
 * box, is found when each of them sits alone in boxes of its own: the
 * outermost box stands for the headline, the box after it for the
 * block it holds alone (biathlon-antholz h0, chemie.de and elcolombiano
 * h1 in the cms form). Not when the box holds more than the headline,
 * nor the box after it more than one block. */
static void
test_boxed_heading_standfirst(void **state)
{
	struct nw_article *a;

	(void)state;
	a = run("<html><body><div><div><div><h1>Spin-off measures "
	    "greenhouse gases</h1></div></div><div><div><h2>A certificate "
	    "for the start-up: ready for steady growth</h2></div></div>"
	    "</div><div><div>The company was founded in 2018 and sells its "
	    "devices worldwide.</div></div></body></html>", NULL);
	assert_non_null(a->subtitle);
	assert_string_equal(a->subtitle, "A certificate for the start-up: "
	    "ready for steady growth");
	article_free(a);
	a = run("<html><body><div><div><h1>Spin-off measures greenhouse "
	    "gases</h1><span>News</span></div><div><h2>A certificate for the "
	    "start-up: ready for steady growth</h2></div></div><div>The "
	    "company was founded in 2018 and sells its devices worldwide."
	    "</div></body></html>", NULL);
	assert_null(a->subtitle);
	article_free(a);
	a = run("<html><body><div><div><h1>Spin-off measures greenhouse "
	    "gases</h1></div><div><h2>A certificate for the start-up: ready "
	    "for steady growth</h2><div>The company was founded in 2018 and "
	    "sells its devices worldwide.</div></div></div></body></html>",
	    NULL);
	assert_null(a->subtitle);
	article_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_boxed_heading_standfirst),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
