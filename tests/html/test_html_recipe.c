/* Unit tests of html_extract() on recipes (html_extract_recipe.c): the
 * parts of a recipe that only the page's JSON-LD names, and the
 * recipe's container widened to the recipe's own notes beside it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "article.h"
#include "html/html_extract.h"
#include "util.h"

#include "html_prose.h"

#define NOW 1893456000  /* 2030-01-01 */

/* Extracts the page of head and body. */
static struct nw_article *
extract(const char *head, const char *body)
{
	struct nw_article *a = article_new();
	struct buf b = { 0 };
	char err[256] = "";

	buf_printf(&b, "<!DOCTYPE html><html><head>%s</head><body>%s"
	    "</body></html>", head, body);
	assert_int_equal(html_extract(b.p, b.len, NULL, NOW, a, err,
	    sizeof(err)), 0);
	buf_free(&b);
	return a;
}

/* A recipe's ingredients, short lines, and its steps, each step's
 * number apart from its text, in boxes of no schema.org itemprop (as
 * another CMS writes them, or a site whose names say nothing); the
 * page's JSON-LD Recipe lists them, the steps as one string of
 * numbered lines. The site's boxes of prose after the recipe, none
 * holding much of the page's, are not the article. */
static const char ld_recipe[] =
	"<script type=\"application/ld+json\">{\"@context\":"
	"\"https://schema.org\",\"@type\":\"Recipe\",\"name\":\"Honey "
	"muffins\",\"recipeIngredient\":[\"250 g flour\",\"1 packet "
	"vanilla sugar\",\"2 eggs\",\"3 tbsp honey\"],"
	"\"recipeInstructions\":\"1. Warm the milk and melt the butter in "
	"it, then let it cool for a few minutes.\\n2. Mix the flour with "
	"the yeast, add the eggs and knead into a smooth dough.\\n3. Fill "
	"the cases, press the dough flat and bake for fifteen minutes."
	"\"}</script>";
static const char ld_card[] =
	"<div><h2>Honey muffins</h2><div><h3>Ingredients</h3><ul><li>"
	"<span>250</span> <span>g</span> <span>flour</span></li><li><a "
	"href=\"/shop/1\">1 packet vanilla sugar</a></li><li>2 eggs</li><li>"
	"3 tbsp&nbsp;honey</li></ul></div><div><h3>Steps</h3><dl><dt>1."
	"</dt><dd>Warm the milk and melt the butter in it, then let it cool "
	"for a few minutes.</dd><dt>2.</dt><dd>Mix the flour with the yeast, "
	"add the eggs and knead into a smooth dough.</dd><dt>3.</dt><dd>"
	"Fill the cases, press the dough flat and bake for fifteen minutes."
	"</dd></dl></div></div>";

static void
test_recipe_from_json_ld(void **state)
{
	struct nw_article *a;
	struct buf b = { 0 };

	(void)state;
	buf_printf(&b, "<div>%s</div><div><p>%s</p></div><div><p>%s</p>"
	    "</div><div><p>%s</p></div>", ld_card, prose1, prose2, prose3);
	a = extract(ld_recipe, b.p);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, "250 g flour"));
	assert_non_null(strstr(a->body, "3 tbsp"));
	assert_non_null(strstr(a->body, "bake for fifteen minutes."));
	assert_null(strstr(a->body, prose1));
	article_free(a);
	buf_free(&b);
}

/* A recipe whose JSON-LD lists lines of one word ("Sugar"), which the
 * site's menu writes too, as links: the menu is no part of the recipe,
 * whose container, the card's, stands for the article. */
static void
test_recipe_one_word_lines(void **state)
{
	struct nw_article *a;
	struct buf b = { 0 };

	(void)state;
	buf_printf(&b, "<div><ul><li><a href=\"/t/1\">Sugar</a></li><li><a "
	    "href=\"/t/2\">Butter</a></li><li><a href=\"/t/3\">Cakes</a>"
	    "</li></ul></div><div><p>%s</p></div><div><p>%s</p></div><div>"
	    "<h2>Honey muffins</h2><ul><li>250 g wholemeal flour</li><li>2 "
	    "eggs, beaten</li><li>3 tbsp runny honey</li><li>1 packet "
	    "vanilla sugar</li><li>200 ml warm milk</li><li>1 pinch of salt"
	    "</li><li>50 g soft butter, melted</li><li>Sugar</li><li>Butter"
	    "</li></ul><p>Warm the milk and "
	    "melt the butter in it.</p></div><div><p>%s</p></div>", prose1,
	    prose2, prose3);
	a = extract("<script type=\"application/ld+json\">{\"@type\":"
	    "\"Recipe\",\"recipeIngredient\":[\"250 g wholemeal flour\","
	    "\"2 eggs, beaten\",\"3 tbsp runny honey\",\"1 packet vanilla "
	    "sugar\",\"200 ml warm milk\",\"1 pinch of salt\",\"50 g soft "
	    "butter, melted\",\"Sugar\","
	    "\"Butter\"]}</script>", b.p);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, "250 g wholemeal flour"));
	assert_null(strstr(a->body, prose1));
	article_free(a);
	buf_free(&b);
}

/* Links of a site's list, each a line. */
static const char site_links[] =
	"<ul><li><a href=\"/t/1\">Baking with children</a></li><li><a "
	"href=\"/t/2\">Breakfast and brunch ideas</a></li><li><a href="
	"\"/t/3\">Muffins, cupcakes and small cakes</a></li><li><a href="
	"\"/t/4\">Recipes for the weekend</a></li><li><a href=\"/t/5\">Our "
	"favourite autumn recipes</a></li><li><a href=\"/t/6\">More from "
	"our kitchen blog</a></li><li><a href=\"/t/7\">Subscribe to the "
	"weekly letter</a></li><li><a href=\"/t/8\">Cakes for a birthday "
	"party</a></li><li><a href=\"/t/9\">Bread and rolls to bake at "
	"home</a></li></ul>";

/* A recipe card (schema.org itemprops) with its own note beside it in
 * their box, and the site's boxes of prose and links beside that: the
 * note, which holds little of the page's prose, is the recipe's, and
 * written with it; the site's boxes are not. */
static void
test_recipe_with_its_note(void **state)
{
	struct nw_article *a;
	struct buf b = { 0 };

	(void)state;
	buf_printf(&b, "<div><div><div><p>Rated 4.6 by 7 readers</p><div>"
	    "<div><h2>Honey muffins</h2><div><h3>"
	    "Ingredients</h3><div itemprop=recipeIngredient>250 g flour</div>"
	    "<div itemprop=recipeIngredient><a href=\"/shop/1\">1 packet "
	    "vanilla sugar</a></div><div itemprop=recipeIngredient>2 eggs"
	    "</div></div><div itemprop=recipeInstructions><p>Warm the milk "
	    "and melt the butter in it, then let it cool.</p><p>Mix the "
	    "flour with the yeast and knead into a smooth dough.</p></div>"
	    "</div></div></div><div><h3>Why it is good</h3><p>Honey keeps the muffins "
	    "moist for days, and the whole flour adds fibre, which keeps "
	    "you full until lunch, as any baker will tell you.</p></div>"
	    "</div><div><div><p>%s</p>%s</div><div><p>%s</p>%s</div><div>"
	    "<p>%s</p>%s</div></div></div>", prose1, site_links, prose2,
	    site_links, prose3, site_links);
	a = extract("", b.p);
	assert_non_null(a->body);
	assert_non_null(strstr(a->body, "250 g flour"));
	assert_non_null(strstr(a->body, "Honey keeps the muffins moist"));
	assert_null(strstr(a->body, prose2));
	assert_null(strstr(a->body, "Baking with children"));
	article_free(a);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_recipe_from_json_ld),
		cmocka_unit_test(test_recipe_one_word_lines),
		cmocka_unit_test(test_recipe_with_its_note),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
