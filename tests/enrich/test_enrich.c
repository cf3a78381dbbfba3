/* Unit tests for normalisation, canonical URLs, language, fingerprints,
 * entities and quotes. The sample tests read the gold extractions of
 * ../shared/samples/expected (argv[1] is that directory). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>
#include <utf8proc.h>

#include "enrich/enrich.h"
#include "url.h"
#include "enrich/enrich_int.h"
#include "enrich/story.h"
#include "hash.h"
#include "html/html_extract.h"
#include "names_check.h"

static const char *samples_dir;

static void
test_normalise_text(void **state)
{
	struct nw_article *a = article_new();

	(void)state;
	/* e + COMBINING ACUTE -> é; a tab, NBSP and a control character */
	a->title = xstrdup("  Caf\x65\xcc\x81\tde\xc2\xa0la\x07 Paix  ");
	a->body = xstrdup("One  line\nwraps here.\r\n\r\n \n\nSecond\t para."
	    "\n\n\n\nThird\x01.");
	strlist_push(&a->authors, " Jane \n Doe ");
	strlist_push(&a->authors, "   ");
	article_add_image(a, "http://x/a.jpg", "A\x1b  caption", NULL);
	enrich_normalise(a);
	assert_string_equal(a->title, "Caf\xc3\xa9 de la Paix");
	assert_string_equal(a->body,
	    "One line wraps here.\n\nSecond para.\n\nThird.");
	assert_int_equal(a->authors.n, 1);
	assert_string_equal(a->authors.v[0], "Jane Doe");
	assert_string_equal(a->images[0].caption, "A caption");
	assert_null(a->canonical_url);
	article_free(a);
	/* what a reader never sees goes: a soft hyphen, a zero width space,
	 * a word joiner, a zero width no-break space; not a zero width
	 * joiner */
	a = article_new();
	a->title = xstrdup("Mes\xc2\xadsen\xc2\xadger zero\xe2\x80\x8bwidth "
	    "word\xe2\x81\xa0joiner no\xef\xbb\xbf""break "
	    "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9");
	enrich_normalise(a);
	assert_string_equal(a->title, "Messenger zerowidth wordjoiner "
	    "nobreak \xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9");
	article_free(a);
	/* the lead picture is an image only when the body has none */
	a = article_new();
	a->lead_image = xstrdup("https://e.com/lead.jpg");
	enrich_normalise(a);
	assert_int_equal(a->n_images, 1);
	assert_string_equal(a->images[0].url, "https://e.com/lead.jpg");
	assert_null(a->images[0].caption);
	article_free(a);
	a = article_new();
	a->lead_image = xstrdup("https://e.com/lead.jpg");
	article_add_image(a, "https://e.com/own.jpg", "Own", NULL);
	enrich_normalise(a);
	assert_int_equal(a->n_images, 1);
	assert_string_equal(a->images[0].url, "https://e.com/own.jpg");
	article_free(a);
}

static void
test_normalise_url(void **state)
{
	struct nw_article *a = article_new();

	(void)state;
	a->url = xstrdup("HTTPS://WWW.Example.COM:443/News/A?utm_source=x");
	enrich_normalise(a);
	assert_string_equal(a->canonical_url,
	    "https://www.example.com/News/A");
	/* a stated canonical URL wins over the fetched one */
	article_set(&a->canonical_url, "http://Example.com:80/b#top");
	enrich_normalise(a);
	assert_string_equal(a->canonical_url, "http://example.com/b");
	article_free(a);
}

/* got, a new string or NULL, is want (NULL for none); got is freed. */
static void
check_owned(char *got, const char *want)
{
	if (want == NULL) {
		assert_null(got);
		return;
	}
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void
check_url(const char *in, const char *want)
{
	check_owned(url_canonical(in), want);
}

static void
check_resolve(const char *ref, const char *base, const char *want)
{
	check_owned(url_resolve(ref, base), want);
}

/* References of a page resolved against its URL by libcurl's URL API:
 * every form of relative reference, raw non-ASCII characters (which
 * libxml2's xmlBuildURI refused, losing the page's og:image) and spaces
 * percent-encoded, an IDN host in its ASCII form, other schemes kept
 * for the caller to judge, nothing made of what is no URL. */
static void
test_resolve_url(void **state)
{
	const char *b = "https://www.e.de/videos/x,99.html?p=1#top";

	(void)state;
	check_resolve("https://i.e.de/gr\xc3\xb6\xc3\x9f" "er_1.jpg", b,
	    "https://i.e.de/gr%C3%B6%C3%9Fer_1.jpg");
	check_resolve("https://i.e.de/gr\xc3\xb6\xc3\x9f" "er_1.jpg", NULL,
	    "https://i.e.de/gr%C3%B6%C3%9Fer_1.jpg");
	check_resolve("/gr\xc3\xb6\xc3\x9f" "er.jpg", b,
	    "https://www.e.de/gr%C3%B6%C3%9Fer.jpg");
	check_resolve("img/a b.jpg", b,
	    "https://www.e.de/videos/img/a%20b.jpg");
	check_resolve("../up.jpg", b, "https://www.e.de/up.jpg");
	check_resolve("//cdn.e.com/x.jpg", b, "https://cdn.e.com/x.jpg");
	check_resolve("?q=2", b, "https://www.e.de/videos/x,99.html?q=2");
	check_resolve("#f", b, "https://www.e.de/videos/x,99.html?p=1#f");
	check_resolve("/a/./b/../c", b, "https://www.e.de/a/c");
	check_resolve("https://B\xc3\x9c" "CHER.example/x", b,
	    "https://xn--bcher-kva.example/x");
	check_resolve("https://e.com/p?x=\xc3\xa9&y=%c3%a9", b,
	    "https://e.com/p?x=%C3%A9&y=%C3%A9");
	check_resolve("  https://e.com/a\n/b\t ", b, "https://e.com/a/b");
	/* the page's own URL may hold raw non-ASCII too */
	check_resolve("b.jpg", "https://e.com/gr\xc3\xb6\xc3\x9f" "er/a",
	    "https://e.com/gr%C3%B6%C3%9Fer/b.jpg");
	check_resolve("mailto:a@e.com", b, NULL);
	check_resolve("data:image/png;base64,AAAA", b, NULL);
	check_resolve("/x.jpg", NULL, NULL);
	check_resolve("e.com/x.jpg", NULL, NULL);
	check_resolve("/x.jpg", "not a url", NULL);
	check_resolve("https://e.com/x", "not a url", "https://e.com/x");
	check_resolve("", b, NULL);
	check_resolve(" ", b, NULL);
	check_resolve(NULL, b, NULL);
	check_resolve("https://bad_host!.example/", b, NULL);
}

static void
test_canonical_url(void **state)
{
	(void)state;
	check_url("http://example.com", "http://example.com/");
	check_url("HTTP://Example.COM:80/a/B?x=1#frag",
	    "http://example.com/a/B?x=1");
	check_url("https://example.com:8443/a", "https://example.com:8443/a");
	check_url("https://example.com:443/a", "https://example.com/a");
	check_url("http://example.com:443/a", "http://example.com:443/a");
	check_url("https://e.com/p?utm_source=tw&id=7&UTM_Medium=s&fbclid=Z"
	    "&gclid=1&mc_cid=2&mc_eid=3&ref_src=twsrc&page=2",
	    "https://e.com/p?id=7&page=2");
	check_url("https://e.com/p?utm_campaign=a", "https://e.com/p");
	check_url("https://user@Host.EXAMPLE./x", "https://user@host.example/x");
	check_url("http://[2001:DB8::1]:80/", "http://[2001:db8::1]/");
	check_url("file:///tmp/a.txt", "file:///tmp/a.txt");
	check_url("/relative/path", NULL);
	check_url("example.com/a", NULL);
	check_url(NULL, NULL);
	/* libcurl's URL API: dot segments resolved, IDN hosts in their
	 * ASCII form (upper case mapped), percent-encoding kept in upper
	 * case (RFC 3986 6.2.2.1), as url_resolve() writes it, so that a
	 * page's canonical link and the same URL given apart are one */
	check_url("https://e.com/a/./b/../c", "https://e.com/a/c");
	check_url("https://e.com/a/b/../../../c?x=1", "https://e.com/c?x=1");
	check_url("https://B\xc3\x9c" "CHER.example/x",
	    "https://xn--bcher-kva.example/x");
	check_url("https://b\xc3\xbc" "cher.example/x",
	    "https://xn--bcher-kva.example/x");
	check_url("https://e.com/a%2fb/%7e?q=%20",
	    "https://e.com/a%2Fb/%7E?q=%20");
	{
		char *r = url_resolve("%7e/x", "https://e.com/d/p");
		char *c = url_canonical("https://e.com/d/%7e/x");

		assert_string_equal(r, c);
		free(r);
		free(c);
	}
	check_url("  https://e.com/a b", "https://e.com/a");
	check_url("https://e.com/?utm_source=x#f", "https://e.com/");
	check_url("https://bad_host!.example/", NULL);
}

static void
test_lang(void **state)
{
	const char *text[][2] = {
		{ "en", "The minister said on Monday that the government "
		    "would not change its plans, and that the decision had "
		    "been taken by the cabinet after a long debate." },
		{ "de", "Der Minister sagte am Montag, dass die Regierung "
		    "ihre Pläne nicht ändern werde und dass die Entscheidung "
		    "von dem Kabinett nach einer langen Debatte getroffen "
		    "wurde, die auch im Parlament zu hören war." },
		{ "fr", "Le ministre a déclaré lundi que le gouvernement ne "
		    "changerait pas ses plans et que la décision a été prise "
		    "par le cabinet après un long débat dans les couloirs." },
		{ "es", "El ministro dijo el lunes que el gobierno no "
		    "cambiaría sus planes y que la decisión fue tomada por el "
		    "gabinete después de un largo debate en los pasillos." },
		{ "ru", "Министр заявил в понедельник, что правительство не "
		    "будет менять свои планы и что это решение было принято "
		    "кабинетом после долгих дебатов, как и в прошлом году, "
		    "но уже без участия оппозиции." },
		{ "da", "Statsministeren siger, at regeringen vil fremlægge "
		    "et nyt forslag om skattelettelser i næste uge. Det er "
		    "første gang, at partierne har været enige om en plan "
		    "for økonomien, og oppositionen kalder det et skridt i "
		    "den rigtige retning." },
		{ "sv", "Statsministern säger att regeringen kommer att lägga "
		    "fram ett nytt förslag om skattesänkningar nästa vecka. "
		    "Det är första gången som partierna är överens om en "
		    "plan för ekonomin." },
		/* a paragraph libexttextcat puts 0.7% closer to Catalan:
		 * the tie goes to the more spoken (ultimahora.com) */
		{ "es", "El Tribunal de Apelación en lo Penal, Cuarta Sala, "
		    "rechazó este jueves el pedido de no ejecutar la condena "
		    "por una excepción de prescripción pendiente en la Corte "
		    "Suprema de Justicia por parte de la defensa." },
		{ "ca", "El Govern de la Generalitat ha aprovat aquest "
		    "dimarts el decret que permet als ajuntaments gestionar "
		    "les ajudes per a l'habitatge dels joves i de les "
		    "famílies amb menys recursos." },
		{ "id", "Pemerintah pada hari Selasa mengajukan rancangan "
		    "anggaran, dan menteri keuangan mengatakan tidak akan ada "
		    "perubahan besar pada pajak tahun depan." },
		{ "ms", "Kerajaan pada hari Selasa membentangkan cadangan "
		    "bajet, dan menteri kewangan berkata tidak akan ada "
		    "perubahan besar kepada cukai tahun hadapan." },
		{ "cs", "Ministr financí v pondělí řekl, že vláda nezmění své "
		    "plány a že rozhodnutí bylo přijato kabinetem po dlouhé "
		    "debatě. Podle jeho slov se schodek rozpočtu příští rok "
		    "sníží." },
		/* close pairs libexttextcat takes for the other (Czech,
		 * Danish, Slovenian, Bosnian) beyond the tie: the letters
		 * and words of one language alone decide (lang_pair()) */
		{ "sk", "Slovenskí hokejisti zvíťazili v prvom zápase "
		    "turnaja nad Nemeckom 3:1. Tréner po stretnutí povedal, "
		    "že jeho tím hral disciplinovane a že je spokojný najmä "
		    "s výkonom brankára. V ďalšom zápase sa mužstvo stretne "
		    "s Fínskom." },
		{ "nb", "Regjeringen la tirsdag fram et nytt forslag til "
		    "statsbudsjett. Finansministeren sier at underskuddet vil "
		    "bli mindre neste år, og at det ikke blir nye skatter. "
		    "Opposisjonen kritiserte forslaget og mener at det går ut "
		    "over de som har minst fra før." },
		{ "hr", "Vlada je u utorak predstavila prijedlog proračuna za "
		    "iduću godinu. Ministar financija rekao je da će se "
		    "deficit smanjiti i da neće biti novih poreza. Oporba je "
		    "prijedlog oštro kritizirala, a sindikati najavljuju "
		    "prosvjede tijekom sljedećeg tjedna." },
		{ "hr", "Hrvatska nogometna reprezentacija pobijedila je u "
		    "prvoj utakmici turnira Njemačku s 3:1. Izbornik je nakon "
		    "utakmice rekao da je momčad igrala disciplinirano te da "
		    "je posebno zadovoljan vratarom. Tko će igrati u "
		    "sljedećoj utakmici, još nije poznato." },
		{ "sr", "Vlada je u utorak predstavila predlog budžeta za "
		    "narednu godinu. Ministar finansija rekao je da će se "
		    "deficit smanjiti i da neće biti novih poreza. Opozicija "
		    "je predlog oštro kritikovala, a sindikati najavljuju "
		    "proteste tokom sledeće nedelje." },
		{ "ro", "Ministrul a declarat luni că guvernul nu își va "
		    "schimba planurile și că decizia a fost luată de cabinet "
		    "după o dezbatere lungă în parlament, unde opoziția a "
		    "criticat bugetul." },
		{ "el", "Ο υπουργός δήλωσε τη Δευτέρα ότι η κυβέρνηση δεν θα "
		    "αλλάξει τα σχέδιά της και ότι η απόφαση ελήφθη από το "
		    "υπουργικό συμβούλιο μετά από μακρά συζήτηση." },
		{ "ar", "قال الوزير يوم الاثنين إن الحكومة لن تغير خططها وإن "
		    "القرار اتخذه مجلس الوزراء بعد نقاش طويل في البرلمان، "
		    "حيث انتقدت المعارضة الميزانية الجديدة." },
		{ "zh", "财政部长周一表示，政府不会改变计划，"
		    "该决定是内阁在长时间辩论后作出的。"
		    "他说，明年的预算赤字将会减少。" },
		{ "ja", "財務大臣は月曜日、政府は計画を変更しないと"
		    "述べ、この決定は長い議論の後に内閣によって"
		    "行われたと語った。" },
		{ "th", "รัฐมนตรีกล่าวเมื่อวันจันทร์ว่ารัฐบาลจะไม่เปลี่ยนแผน"
		    "และการตัดสินใจนี้ทำโดยคณะรัฐมนตรีหลังจากการอภิปรายที่ยาวนาน" },
		{ "he", "השר אמר ביום שני כי הממשלה לא תשנה את תוכניותיה וכי "
		    "ההחלטה התקבלה על ידי הקבינט לאחר דיון ארוך." },
	};
	struct nw_article *a;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(text) / sizeof(text[0]); i++) {
		a = article_new();
		a->body = xstrdup(text[i][1]);
		enrich_article(a);
		assert_non_null(a->lang);
		assert_string_equal(a->lang, text[i][0]);
		article_free(a);
	}
	/* too short to tell: left unset; a set lang is kept */
	a = article_new();
	a->body = xstrdup("Hello world.");
	enrich_article(a);
	assert_null(a->lang);
	article_set(&a->lang, "fi");
	enrich_article(a);
	assert_string_equal(a->lang, "fi");
	article_free(a);
	/* the stated language is a hint: kept when the text is in its
	 * script (even against the detector: Norwegian for Danish text),
	 * overruled when it is not, or when the text's function words are
	 * plainly another language's (a site's lang="en" on a German
	 * article); a table of names has too few to overrule it */
	a = article_new();
	a->body = xstrdup(text[5][1]);
	article_set(&a->lang, "no");
	enrich_article(a);
	assert_string_equal(a->lang, "no");
	free(a->body);
	a->body = xstrdup("Der Minister sagte am Montag, dass die Regierung "
	    "ihre Pl\xc3\xa4ne nicht \xc3\xa4ndern werde und dass die "
	    "Entscheidung von dem Kabinett nach einer langen Debatte "
	    "getroffen worden sei. Die Opposition hat das im Parlament "
	    "kritisiert, und auch in der Koalition wird es nicht von allen "
	    "mit Freude gesehen, sagte ein Sprecher der Partei.");
	article_set(&a->lang, "en");
	enrich_article(a);
	assert_string_equal(a->lang, "de");
	free(a->body);
	a->body = xstrdup("1. DJK Ellwangen 53,09 sec.\n\nGreiner, Anja "
	    "1992; Hofbauer, Heike 1992; Staudenmayer, Julia 1993; Sponar, "
	    "Anika 1992\n\n2. LG Staufeneck-Eislingen 53,84 sec.\n\n"
	    "Kannenwischer, Katharina 1992; Herbinger, Maria 1992; Daubner, "
	    "Svenja 1992; Weber, Lena 1993; Keller, Nina 1992");
	article_set(&a->lang, "de");
	enrich_article(a);
	assert_string_equal(a->lang, "de");
	free(a->body);
	a->body = xstrdup("政府周一表示不会改变计划，"
	    "该决定是内阁在长时间辩论后作出的。");
	article_set(&a->lang, "en");
	enrich_article(a);
	assert_string_equal(a->lang, "zh");
	free(a->body);
	a->body = xstrdup("The minister said on Monday that the government "
	    "would not change its plans after a long debate.");
	article_set(&a->lang, "ru");
	enrich_article(a);
	assert_string_equal(a->lang, "en");
	article_free(a);
}

static void
test_fingerprints(void **state)
{
	const char *body = "Officials said the bridge would reopen next week "
	    "after repairs to the deck, which was damaged in a storm that "
	    "also flooded the riverside road and closed two schools in the "
	    "town for several days.\n\nEngineers expect the work to cost "
	    "about two million euros, the council said in a statement.";
	const char *edit = "Officials said the bridge would reopen next week "
	    "after repairs to the deck, which was damaged in a storm that "
	    "also flooded the riverside road and closed two schools in the "
	    "town for several days.\n\nEngineers expect the work to cost "
	    "about three million euros, the council said in a statement.";
	const char *other = "The central bank raised interest rates by a "
	    "quarter point on Thursday, its third increase this year, citing "
	    "persistent inflation in services and a tight labour market "
	    "that has pushed wages up faster than productivity.";
	struct nw_article *a = article_new();
	char want[65];
	uint64_t h1, h2, h3;

	(void)state;
	a->body = xstrdup(body);
	enrich_article(a);
	hash_sha256_hex(body, strlen(body), want);
	assert_string_equal(a->content_hash, want);
	assert_true(a->has_simhash);
	h1 = a->simhash;
	article_free(a);
	/* case and whitespace do not matter to the simhash */
	assert_true(enrich_simhash("The  Bridge, reopens") ==
	    enrich_simhash("the bridge reopens"));
	h2 = enrich_simhash(edit);
	h3 = enrich_simhash(other);
	assert_true(h1 == enrich_simhash(body));
	assert_true(enrich_hamming(h1, h2) > 0);
	assert_true(enrich_hamming(h1, h2) < 16);
	assert_true(enrich_hamming(h1, h3) > ENRICH_NEAR_DUP_BITS);
	assert_int_equal(enrich_hamming(0, ~0ULL), 64);
}

/* An article built from a gold extraction: title and the body paragraphs
 * joined by blank lines, normalised and enriched. */
static struct nw_article *
gold_article(const char *name, json_t **gold)
{
	char path[1024];
	json_error_t je;
	json_t *j, *p;
	struct buf b = { 0 };
	struct nw_article *a;
	size_t i;

	snprintf(path, sizeof(path), "%s/%s.json", samples_dir, name);
	j = json_load_file(path, 0, &je);
	if (j == NULL)
		print_message("%s: %s\n", path, je.text);
	assert_non_null(j);
	a = article_new();
	a->title = xstrdup(json_string_value(json_object_get(j, "title")));
	json_array_foreach(json_object_get(j, "body_paragraphs"), i, p) {
		if (i > 0)
			buf_puts(&b, "\n\n");
		buf_puts(&b, json_string_value(p));
	}
	a->body = buf_take(&b);
	enrich_normalise(a);
	enrich_article(a);
	*gold = j;
	return a;
}

static void
check_gold(const char *name)
{
	json_t *gold = NULL, *q, *ents, *v;
	struct nw_article *a = gold_article(name, &gold);
	const char *cls;
	size_t i, k;
	int misses = 0;

	assert_string_equal(a->lang, "en");
	json_array_foreach(json_object_get(gold, "quotes"), i, q) {
		const char *starts = json_string_value(
		    json_object_get(q, "starts"));
		const char *speaker = json_string_value(
		    json_object_get(q, "speaker"));
		bool found = false;

		for (k = 0; k < a->n_quotes; k++)
			if (strncmp(a->quotes[k].text, starts,
			    strlen(starts)) == 0 && a->quotes[k].speaker &&
			    strcmp(a->quotes[k].speaker, speaker) == 0)
				found = true;
		if (!found) {
			print_message("%s: quote %.30s by %s missing\n", name,
			    starts, speaker);
			misses++;
		}
	}
	ents = json_object_get(gold, "entities");
	json_object_foreach(ents, cls, v) {
		const struct strlist *l = strcmp(cls, "people") == 0 ?
		    &a->people : strcmp(cls, "places") == 0 ? &a->places :
		    &a->organisations;
		json_t *n;

		json_array_foreach(v, i, n)
			if (!has_name(l, json_string_value(n))) {
				print_message("%s: %s %s missing\n", name, cls,
				    json_string_value(n));
				misses++;
			}
	}
	/* no honorifics or sentence openers taken for names */
	for (i = 0; i < a->people.n; i++) {
		assert_false(strncmp(a->people.v[i], "Mr ", 3) == 0);
		assert_false(strncmp(a->people.v[i], "President ", 10) == 0);
	}
	assert_false(has_name(&a->organisations, "Earlier"));
	assert_false(has_name(&a->organisations, "Last"));
	assert_false(has_name(&a->people, "National Security Adviser"));
	assert_int_equal(misses, 0);
	json_decref(gold);
	article_free(a);
}

static void
test_gold_independent(void **state)
{
	(void)state;
	check_gold("independent-2017-02-14-kremlin-flynn");
}

static void
test_gold_tass(void **state)
{
	(void)state;
	check_gold("tass-2017-02-13-kremlin-flynn");
}

/* Quotation i of a has the speaker who. */
static void
assert_speaker(const struct nw_article *a, size_t i, const char *who)
{
	assert_true(i < a->n_quotes);
	assert_non_null(a->quotes[i].speaker);
	assert_string_equal(a->quotes[i].speaker, who);
}

/* An article of body (language lang, or NULL) normalised and
 * enriched, for its quotations. */
static struct nw_article *
quoted(const char *lang, const char *body)
{
	struct nw_article *a = article_new();

	if (lang != NULL)
		article_set(&a->lang, lang);
	a->body = xstrdup(body);
	enrich_normalise(a);
	enrich_article(a);
	return a;
}

/* A quotation mark after a run of ASCII of any length (the run is read
 * sixteen bytes at a time): found where it stands, and a ‘ right after a
 * letter is still an apostrophe, not an opening mark. */
static void
test_quotes_after_ascii_runs(void **state)
{
	(void)state;
	for (size_t pad = 0; pad < 40; pad++) {
		char body[256];
		struct nw_article *a;
		int n;

		n = snprintf(body, sizeof(body), "Anna Berg spoke on Tuesday "
		    "%.*s. \"We will not raise taxes this year,\" she said.",
		    (int)pad, "and on and on and on and on and on and on and");
		assert_true(n > 0 && (size_t)n < sizeof(body));
		a = quoted("en", body);
		assert_int_equal(a->n_quotes, 1);
		assert_string_equal(a->quotes[0].text,
		    "We will not raise taxes this year");
		article_free(a);
		n = snprintf(body, sizeof(body), "Anna Berg spoke on Tuesday "
		    "%.*sx\u2018We will not raise taxes this year,\u2019 she "
		    "said.", (int)pad, "and on and on and on and on and on and "
		    "on and");
		assert_true(n > 0 && (size_t)n < sizeof(body));
		a = quoted("en", body);
		assert_int_equal(a->n_quotes, 0);
		article_free(a);
	}
}

static void
test_quotes(void **state)
{
	struct nw_article *a = article_new();

	(void)state;
	a->body = xstrdup("Finance minister Anna Berg spoke on Tuesday. "
	    "\u201cWe will not raise taxes this year,\u201d she said.\n\n"
	    "According to Reuters, \u00abthe plan has four separate "
	    "parts\u00bb.\n\n"
	    "\u201eDas ist nicht unser Problem\u201c, said Klaus Meyer, "
	    "a local baker.\n\n"
	    "Berg added: \"It's a long road, and we have only started it "
	    "now.\n\n"
	    "\"But we will finish it before the summer.\"\n\n"
	    "Critics called it \"a mess\".");
	enrich_normalise(a);
	enrich_article(a);
	assert_int_equal(a->n_quotes, 4);
	assert_string_equal(a->quotes[0].text,
	    "We will not raise taxes this year");
	assert_string_equal(a->quotes[0].speaker, "Anna Berg");
	assert_string_equal(a->quotes[1].text, "the plan has four separate "
	    "parts");
	assert_string_equal(a->quotes[1].speaker, "Reuters");
	assert_string_equal(a->quotes[2].speaker, "Klaus Meyer");
	/* over a paragraph end, continued by the next paragraph */
	assert_string_equal(a->quotes[3].text, "It's a long road, and we have "
	    "only started it now. But we will finish it before the summer.");
	assert_string_equal(a->quotes[3].speaker, "Anna Berg");
	article_free(a);

	/* German verbs and pronouns */
	a = quoted(NULL, "Der Bürgermeister Hans Weber besuchte am Montag die "
	    "Baustelle. \u201eWir werden die Brücke im Sommer "
	    "eröffnen\u201c, sagte er. Laut Anna Schmidt, \u201edie "
	    "Kosten steigen weiter an\u201c.");
	assert_int_equal(a->n_quotes, 2);
	assert_string_equal(a->quotes[0].speaker, "Hans Weber");
	assert_string_equal(a->quotes[1].speaker, "Anna Schmidt");
	article_free(a);

	/* words quoted inside a sentence with no speech verb are a
	 * charge or a term, not the speech of the sentence before's
	 * person; after a colon they are speech */
	a = quoted(NULL, "Le président Emmanuel Macron a visité Brest "
	    "lundi. Son ancien ministre est mis en examen pour « "
	    "complicité de détournement de fonds publics » depuis "
	    "mars.\n\nLe ministre Jean Dupont était à Paris mardi. Il a "
	    "répondu : « Nous ne changerons rien cette année ».");
	assert_int_equal(a->n_quotes, 2);
	assert_null(a->quotes[0].speaker);
	assert_speaker(a, 1, "Jean Dupont");
	article_free(a);

	/* "he told Berg": the one told is not the one speaking, who is
	 * the person of the sentence before */
	a = quoted(NULL, "\"We will not raise taxes this year,\" Anna Berg "
	    "said on Tuesday.\n\nKlaus Meyer has run the bakery for years. "
	    "\"I run my business on my phone every single day,\" he told "
	    "Berg.");
	assert_int_equal(a->n_quotes, 2);
	assert_string_equal(a->quotes[0].speaker, "Anna Berg");
	assert_speaker(a, 1, "Klaus Meyer");
	article_free(a);

	/* German verbs of the present ("schildert") and "so"; a verb
	 * after a quotation that a colon ends introduces the next one
	 * ("Doch auch er ergänzt: ...") */
	a = quoted(NULL, "Gesch\u00e4ftsf\u00fchrer Enrique Tarragona sagt: "
	    "\u201eDer Erfolg kommt aus unseren eigenen Angeboten "
	    "heraus.\u201c Doch auch er erg\u00e4nzt: \u201eWir schauen uns "
	    "andere Plattformen gerne an.\u201c\n\n\u201eWir haben die "
	    "Energie der Elektronen einzeln gemessen\u201c, schildert Meret "
	    "Aeppli.\n\nDer Chemiker Thomas Hofstetter war dabei. "
	    "\u201eDie Messung war genauer als jede vorher\u201c, so die "
	    "Forscherin.\n\nDie Studie erschien im Mai. \u201eDer Transfer "
	    "ist oft ung\u00fcnstiger als gedacht\u201c, so Hofstetter.");
	assert_int_equal(a->n_quotes, 5);
	/* "so die Forscherin": the one quoted before; "so Hofstetter" */
	assert_speaker(a, 3, "Meret Aeppli");
	assert_speaker(a, 4, "Thomas Hofstetter");
	assert_speaker(a, 0, "Enrique Tarragona");
	assert_speaker(a, 1, "Enrique Tarragona");
	assert_speaker(a, 2, "Meret Aeppli");
	article_free(a);

	/* no one named: an indefinite pronoun after the verb ("warnt
	 * jemand"), "heißt es", and "so der Sieger" where the quotation
	 * before has no speaker (not the last person quoted, paragraphs
	 * back) */
	a = quoted("de", "\u201eWir schaffen das ganz sicher bis "
	    "Mai\u201c, sagte Klaus Meyer am Montag.\n\n\u201eDie "
	    "Inquisition ist unter uns\u201c, warnt jemand im Chat einer "
	    "Gruppe um Bj\u00f6rn H\u00f6cke.\n\nAm Tag danach kam er "
	    "zur\u00fcck. \u201eDie meisten Mitarbeiter "
	    "waren schwarz an dem Tag.\u201c\n\n\u201eLee Elder kam zu "
	    "mir und sprach\u201c, so der 15-malige Major-Sieger.\n\n"
	    "\u201eDer Vorstand hat das Geld nie erhalten\u201c, hei\u00dft es "
	    "in dem Schreiben von Klaus Meyer.");
	assert_int_equal(a->n_quotes, 5);
	assert_speaker(a, 0, "Klaus Meyer");
	assert_null(a->quotes[1].speaker);
	assert_null(a->quotes[3].speaker);
	assert_null(a->quotes[4].speaker);
	article_free(a);

	/* a „…“ inside a „…“ closes first: one quotation, whole, whose
	 * "heißt es" names no one */
	a = quoted("de", "Im Mittelpunkt steht ein Pseudonym. \u201eDer AG "
	    "hat unter dem Namen \u201eLandolf Ladig\u201c Artikel "
	    "verfasst, in denen die NPD gelobt worden ist\u201c, hei\u00dft "
	    "es in dem Schreiben von Klaus Meyer.");
	assert_int_equal(a->n_quotes, 1);
	assert_non_null(strstr(a->quotes[0].text, "gelobt worden ist"));
	assert_null(a->quotes[0].speaker);
	article_free(a);

	/* "so heißt es im Entwurf" names no one either */
	a = quoted("de", "\u201eWir pr\u00fcfen das sehr genau und ohne "
	    "Eile\u201c, sagte Klaus Meyer. "
	    "Handlungen \u201egegen den erkennbaren Willen\u201c, so "
	    "hei\u00dft es im Entwurf, werden bestraft.");
	assert_int_equal(a->n_quotes, 2);
	assert_speaker(a, 0, "Klaus Meyer");
	assert_null(a->quotes[1].speaker);
	article_free(a);

	/* a quotation ending a sentence with no speech verb: a person
	 * who opens that sentence is its subject ("Reil taxierte ... auf
	 * „...“"); one whom it names elsewhere (Schiff) is no speaker,
	 * and the person of the sentence before (Cook) no more */
	a = quoted("en", "Tim Cook spoke to Marc Benioff on Tuesday. Benioff "
	    "remembered Jobs rehearsing there and \"going way off script "
	    "in a way that only he could do.\"\n\n"
	    "Adam Schiff spoke again. In other words, the more Schiff "
	    "pushes these serial whines, the more the people shrug and "
	    "think, \"Enough already, just vote this year.\"");
	assert_int_equal(a->n_quotes, 2);
	assert_speaker(a, 0, "Marc Benioff");
	assert_null(a->quotes[1].speaker);
	article_free(a);

	/* French "il" and the verb inverted with it ("poursuit-il") are
	 * the last person quoted, not the one of the sentence before; a
	 * question's inversion after a quotation is no speech */
	a = quoted("fr", "\u00ab Nous ne changerons rien cette ann\u00e9e "
	    "\u00bb, a d\u00e9clar\u00e9 le ministre Jean Dupont mardi.\n\n"
	    "La maire Anne Roux l'a re\u00e7u \u00e0 Brest. \u00ab Le pont "
	    "sera fini en mai prochain \u00bb, poursuit-il.\n\n"
	    "La maire Anne Roux a parl\u00e9 ensuite. Il a d\u00e9clar\u00e9 "
	    ": \u00ab Les travaux du port commencent en juin \u00bb.\n\n"
	    "La maire Anne Roux a parl\u00e9 ensuite. Face \u00e0 \u00ab la "
	    "crise du logement des familles \u00bb serait-il trop tard ?");
	assert_int_equal(a->n_quotes, 4);
	assert_string_equal(a->quotes[0].speaker, "Jean Dupont");
	assert_speaker(a, 1, "Jean Dupont");
	assert_speaker(a, 2, "Jean Dupont");
	assert_null(a->quotes[3].speaker);
	article_free(a);

	/* Russian and Polish speech verbs, after the quotation and before
	 * it, and one with no subject ("– dodał") or a pronoun after it
	 * ("— отметил он"): the last person quoted, not the person of the
	 * sentence before */
	a = quoted("ru", "Дмитрий Песков приехал в Москву во вторник. "
	    "\u00ab\u041c\u044b не будем комментировать внутренние дела "
	    "других стран\u00bb, \u2014 сказал Сергей Лавров.\n\n"
	    "Дмитрий Песков говорил с журналистами. \u00ab\u042d\u0442\u043e "
	    "внутреннее дело американцев и их администрации\u00bb, "
	    "\u2014 отметил он.\n\nПо словам Сергея Лаврова, "
	    "\u00abпереговоры пройдут в Женеве в мае\u00bb.");
	assert_int_equal(a->n_quotes, 3);
	assert_speaker(a, 0, "Сергей Лавров");
	assert_speaker(a, 1, "Сергей Лавров");
	assert_speaker(a, 2, "Сергей Лавров");
	article_free(a);
	/* an acronym before a person named before is a body of its own
	 * ("das FBI Hillary Clinton"): the sentence is about them, and
	 * her name in the sentence before does not make her the speaker */
	a = quoted("de", "Keine strafrechtlichen Vorwürfe gegen Hillary "
	    "Clinton. Auf beide, das FBI sowie das Justizministerium, wurde "
	    "Druck ausgeübt. Das FBI bestätigte, dass es auf Seiten Hillary "
	    "Clintons \u201eBeweise für mögliche Verstöße beim Umgang mit "
	    "Geheiminformationen gab\u201c. Des weiteren beschreibt das FBI "
	    "Hillary Clinton als \u201eextrem nachlässig im Umgang mit "
	    "geheimen Informationen\u201c.");
	assert_int_equal(a->n_quotes, 2);
	assert_null(a->quotes[1].speaker);
	article_free(a);
	a = quoted("pl", "Donald Tusk przyjechał do Warszawy we wtorek. "
	    "\u201eNie będziemy podnosić podatków w tym roku\u201d "
	    "\u2013 powiedział Mateusz Morawiecki.\n\n"
	    "Donald Tusk rozmawiał z dziennikarzami. \u201eTo długa droga "
	    "i dopiero ją zaczynamy\u201d \u2013 dodał.");
	assert_int_equal(a->n_quotes, 2);
	assert_speaker(a, 0, "Mateusz Morawiecki");
	assert_speaker(a, 1, "Mateusz Morawiecki");
	article_free(a);
}

static void
test_entities(void **state)
{
	struct nw_article *a = article_new();

	(void)state;
	a->title = xstrdup("Storm Hits Coast");
	a->body = xstrdup("Yesterday the Ministry of Defence said Mr Smith "
	    "had left Germany for Tokyo. Prime Minister Jacinda Ardern met "
	    "NATO officials in Berlin. Ardern's office said the talks were "
	    "useful. The Italian delegation met the Kremlin. "
	    "Anyway, Reuters reported later.");
	enrich_normalise(a);
	enrich_article(a);
	assert_true(has_name(&a->organisations, "Ministry of Defence"));
	assert_true(has_name(&a->organisations, "NATO"));
	assert_true(has_name(&a->organisations, "Kremlin"));
	assert_true(has_name(&a->organisations, "Reuters"));
	assert_true(has_name(&a->people, "Smith"));
	assert_true(has_name(&a->people, "Jacinda Ardern"));
	assert_false(has_name(&a->people, "Ardern"));
	assert_true(has_name(&a->places, "Germany"));
	assert_true(has_name(&a->places, "Tokyo"));
	assert_true(has_name(&a->places, "Berlin"));
	assert_false(has_name(&a->organisations, "Yesterday"));
	assert_false(has_name(&a->organisations, "Anyway"));
	assert_false(has_name(&a->organisations, "Italian"));
	assert_false(has_name(&a->people, "Storm Hits Coast"));
	article_free(a);
}

/* A list names things of one kind: names of two words that are people
 * by no sign of their own ("Real Madrid"), listed with a body ("FC
 * Porto"), are bodies, in every mention; a person with a given name in
 * such a list stays one; and words alone listed with a person named in
 * full are people ("Stormy", "Cohen"). */
static void
test_entities_listed(void **state)
{
	struct nw_article *a = article_new();

	(void)state;
	a->body = xstrdup("The Portuguese coach has managed FC Porto, Inter "
	    "Milan, Chelsea, Real Madrid and Manchester United. He was "
	    "sacked by Manchester United in December. Sponsors include "
	    "Deutsche Bank, Jose Mourinho and Adidas.");
	enrich_normalise(a);
	enrich_article(a);
	assert_true(has_name(&a->organisations, "FC Porto"));
	assert_true(has_name(&a->organisations, "Inter Milan"));
	assert_true(has_name(&a->organisations, "Real Madrid"));
	assert_true(has_name(&a->organisations, "Manchester United"));
	assert_false(has_name(&a->people, "Real Madrid"));
	assert_false(has_name(&a->people, "Manchester United"));
	assert_true(has_name(&a->people, "Jose Mourinho"));
	article_free(a);
	/* words alone, bodies by default only, listed with a person named
	 * in full are people ("Mueller" is Robert Mueller's) */
	a = article_new();
	a->body = xstrdup("The report of Robert Mueller came out in the "
	    "spring. Critics have tried everything: the Logan Act, Mueller, "
	    "Stormy, Cohen, the tax returns, and now Ukraine.");
	enrich_normalise(a);
	enrich_article(a);
	assert_true(has_name(&a->people, "Cohen"));
	assert_true(has_name(&a->people, "Stormy"));
	assert_false(has_name(&a->organisations, "Cohen"));
	assert_false(has_name(&a->organisations, "Stormy"));
	article_free(a);
}

/* Russian inflects names: the case forms of a named person's surname are
 * that person, not organisations, and the case forms of a full name are
 * one person, named by the shortest form. */
static void
test_entities_inflected(void **state)
{
	struct nw_article *a = article_new();

	(void)state;
	a->lang = xstrdup("ru");
	a->body = xstrdup("В понедельник пресс-секретарь Дмитрий Песков "
	    "заявил, что Кремль не будет комментировать отставку. По "
	    "словам Пескова, это внутреннее дело администрации. Ранее "
	    "сенатор Константин Косачев написал, что отставка стала сигналом. "
	    "Косачеву ответили в Госдуме, а Пескову задали вопрос о "
	    "санкциях. Ранее он встретился с Владимиром Путиным, и "
	    "вчера Владимир Путин подписал указ.");
	enrich_normalise(a);
	enrich_article(a);
	assert_true(has_name(&a->people, "Дмитрий Песков"));
	assert_true(has_name(&a->people, "Константин Косачев"));
	assert_false(has_name(&a->organisations, "Пескова"));
	assert_false(has_name(&a->organisations, "Пескову"));
	assert_false(has_name(&a->organisations, "Косачеву"));
	assert_true(has_name(&a->organisations, "Кремль"));
	assert_true(has_name(&a->people, "Владимир Путин"));
	assert_false(has_name(&a->people, "Владимиром Путиным"));
	article_free(a);
}

/* Russian: a place in the genitive before a name is the place, not part
 * of the name; the case forms of places and first names are no
 * organisations; a name's case forms of one length are one person, under
 * the nominative. */
static void
test_entities_russian_cases(void **state)
{
	struct nw_article *a = article_new();

	(void)state;
	a->lang = xstrdup("ru");
	a->body = xstrdup("Пресс-секретарь президента России Дмитрий Песков "
	    "заявил, что визит во Францию не планируется. Кондитер Андрей "
	    "Рудьков открыл кафе во Франции, а потом в Италии. У Андрея "
	    "Рудькова работает Олеся Куприн. Мы спросили Олесю о работе "
	    "и о планах Олеси Куприн на лето.");
	enrich_normalise(a);
	enrich_article(a);
	assert_true(has_name(&a->people, "Дмитрий Песков"));
	assert_false(has_name(&a->people, "России Дмитрий Песков"));
	assert_true(has_name(&a->places, "Россия"));
	assert_true(has_name(&a->places, "Франция"));
	assert_true(has_name(&a->places, "Италия"));
	assert_false(has_name(&a->organisations, "Франции"));
	assert_false(has_name(&a->organisations, "Италии"));
	assert_false(has_name(&a->organisations, "Олесю"));
	assert_true(has_name(&a->people, "Андрей Рудьков"));
	assert_false(has_name(&a->people, "Андрея Рудькова"));
	assert_true(has_name(&a->people, "Олеся Куприн"));
	assert_false(has_name(&a->people, "Олеси Куприн"));
	article_free(a);
}

/* A feed entry's tracking pixel (Golem's counter: a 1x1 image) and an
 * image file named as a pixel are no pictures of the article; its photo
 * is. */
static void
test_fragment_pixel(void **state)
{
	static const char frag[] =
	    "<img src=\"https://www.golem.de/1810/137358-177541-177538_rc.jpg\""
	    " width=\"140\" height=\"140\" align=\"left\">Die Grafikkarte "
	    "ist schneller als ihre Vorgängerin und kostet weniger."
	    "<img src=\"https://cpx.golem.de/cpx.php?class=17&amp;aid=137358"
	    "&amp;page=1\" alt=\"\" width=\"1\" height=\"1\" />"
	    "<p>Mehr dazu im Test.<img src=\"https://example.com/i/pixel.gif\">"
	    "</p>";
	struct nw_article *a = article_new();
	char err[128];

	(void)state;
	assert_int_equal(html_extract_fragment(frag, sizeof(frag) - 1,
	    "https://www.golem.de/news/", 0, a, err, sizeof(err)), 0);
	assert_int_equal(a->n_images, 1);
	assert_string_equal(a->images[0].url,
	    "https://www.golem.de/1810/137358-177541-177538_rc.jpg");
	article_free(a);
}

static struct nw_article *
plain_article(const char *title, const char *body)
{
	struct nw_article *a = article_new();

	a->title = xstrdup(title);
	a->body = xstrdup(body);
	enrich_normalise(a);
	enrich_article(a);
	return a;
}

#define T_INDEPENDENT 1487069820  /* 2017-02-14T10:57:00Z */
#define T_TASS 1486990800         /* 2017-02-13T13:00:00Z */

static void
test_story_samples(void **state)
{
	json_t *g1, *g2;
	struct nw_article *ind = gold_article(
	    "independent-2017-02-14-kremlin-flynn", &g1);
	struct nw_article *tass = gold_article(
	    "tass-2017-02-13-kremlin-flynn", &g2);
	struct nw_article *other = plain_article("Central bank raises rates",
	    "The central bank raised interest rates by a quarter point on "
	    "Thursday, its third increase this year, citing persistent "
	    "inflation. Governor Maria Lopez told reporters the Monetary "
	    "Policy Committee was united. \"Inflation is too high,\" she "
	    "said.");
	struct story_index *idx = story_index_new(0);

	(void)state;
	tass->published.set = false;
	ind->published.set = true;
	ind->published.utc = T_INDEPENDENT;
	story_assign(idx, tass, T_TASS);
	assert_non_null(tass->story_id);
	assert_int_equal(strncmp(tass->story_id, "st1-", 4), 0);
	assert_int_equal(strlen(tass->story_id), 20);
	story_assign(idx, other, T_TASS + 3600);
	story_assign(idx, ind, T_INDEPENDENT + 600);
	assert_string_equal(ind->story_id, tass->story_id);
	assert_string_not_equal(other->story_id, tass->story_id);
	story_index_free(idx);

	/* out of the window: a new story */
	idx = story_index_new(24 * 3600);
	story_assign(idx, tass, T_TASS - 3 * 86400);
	ind->published.utc = T_INDEPENDENT;
	story_assign(idx, ind, 0);
	assert_string_not_equal(ind->story_id, tass->story_id);
	story_index_free(idx);

	/* a yearless wire dateline, fetched years later, borrows the year of
	 * the article it is compared with */
	idx = story_index_new(0);
	article_set_dateline(tass, "MOSCOW", "February 13", "TASS");
	story_assign(idx, tass, T_TASS + 9 * 365 * 86400LL);
	story_assign(idx, ind, 0);
	assert_string_equal(ind->story_id, tass->story_id);
	story_index_free(idx);
	/* ...but not a day after it was fetched */
	idx = story_index_new(0);
	story_assign(idx, tass, T_TASS - 30 * 86400);
	story_assign(idx, ind, 0);
	assert_string_not_equal(ind->story_id, tass->story_id);
	story_index_free(idx);

	/* the commit path's one pass gives the same story and signature */
	idx = story_index_new(0);
	{
		char *s1, *s2 = story_signature(ind);
		char first[32];

		story_assign(idx, tass, T_TASS);
		snprintf(first, sizeof(first), "%s", tass->story_id);
		s1 = story_assign_signed(idx, ind, T_INDEPENDENT + 600);
		assert_string_equal(ind->story_id, first);
		assert_non_null(s1);
		assert_non_null(strstr(s1, "\tt:"));
		assert_string_equal(s1, s2);
		free(s1);
		free(s2);
	}
	story_index_free(idx);
	article_free(ind);
	article_free(tass);
	article_free(other);
	json_decref(g1);
	json_decref(g2);
}

static void
test_story_restore(void **state)
{
	json_t *g1, *g2;
	struct nw_article *ind = gold_article(
	    "independent-2017-02-14-kremlin-flynn", &g1);
	struct nw_article *tass = gold_article(
	    "tass-2017-02-13-kremlin-flynn", &g2);
	struct story_index *idx = story_index_new(0);
	char *sig, *id;

	(void)state;
	story_assign(idx, tass, T_TASS);
	sig = story_signature(tass);
	id = xstrdup(tass->story_id);
	story_index_free(idx);
	/* a restarted daemon: the index rebuilt from what the store kept */
	idx = story_index_new(0);
	assert_int_equal(story_index_restore(idx, "bogus", T_TASS, sig), -1);
	assert_int_equal(story_index_restore(idx, id, T_TASS, NULL), -1);
	assert_int_equal(story_index_restore(idx, id, T_TASS, sig), 0);
	story_assign(idx, ind, T_INDEPENDENT);
	assert_string_equal(ind->story_id, id);
	/* an empty index knows nothing: a new story */
	story_index_free(idx);
	idx = story_index_new(0);
	story_assign(idx, ind, T_INDEPENDENT);
	assert_string_not_equal(ind->story_id, id);
	story_index_free(idx);
	free(sig);
	free(id);
	article_free(ind);
	article_free(tass);
	json_decref(g1);
	json_decref(g2);
}

/* The tokeniser reads ASCII letters and digits by a table and the rest
 * by decoding: words that mix them, scripts without spaces after ASCII,
 * capitals, possessives, hyphens, "U.S." and abbreviations split as
 * the decoding alone split them. */
static void
test_tokens_ascii_table(void **state)
{
	static const char *s =
	    "NATO's Z\xc3\xbcrich \xc3\x89TAT, Bangkok "
	    "\xe0\xb8\x81\xe0\xb8\xa3" "ab x-ray U.S. AB9 \xc4\xb0stanbul "
	    "tHe 2024\n\nnext \xe6\x9d\xb1\xe4\xba\xac" "abc K\xc3\x96LN-Bonn "
	    "Mr. e\xcc\x81t\xc3\xa9 O'Neil a.m. j. \xc3\x80" "B";
	static const struct { size_t off, len; unsigned flags; int sent; }
	    want[] = {
		{ 0, 4, 31, 0 },
		{ 7, 7, 1, 0 },
		{ 15, 5, 3, 0 },
		{ 22, 7, 1, 0 },
		{ 30, 3, 0, 0 },
		{ 33, 3, 0, 0 },
		{ 36, 2, 0, 0 },
		{ 39, 5, 0, 0 },
		{ 45, 3, 67, 0 },
		{ 50, 3, 3, 0 },
		{ 54, 9, 1, 0 },
		{ 64, 3, 0, 0 },
		{ 68, 4, 32, 0 },
		{ 74, 4, 20, 1 },
		{ 79, 3, 0, 1 },
		{ 82, 3, 0, 1 },
		{ 85, 3, 0, 1 },
		{ 89, 10, 1, 1 },
		{ 100, 2, 65, 1 },
		{ 104, 6, 0, 1 },
		{ 111, 6, 1, 1 },
		{ 118, 3, 64, 1 },
		{ 123, 1, 0, 1 },
		{ 126, 3, 7, 2 },
	};
	struct etoks t = { 0 };
	size_t i;

	(void)state;
	etok_split(s, &t);
	assert_int_equal(t.n, sizeof(want) / sizeof(want[0]));
	for (i = 0; i < t.n; i++) {
		assert_int_equal(t.v[i].off, want[i].off);
		assert_int_equal(t.v[i].len, want[i].len);
		assert_int_equal(t.v[i].flags, want[i].flags);
		assert_int_equal(t.v[i].sent, want[i].sent);
	}
	assert_string_equal(etok_folded(&t, 7), "x-ray");
	assert_string_equal(etok_folded(&t, 17), "köln-bonn");
	etok_free(&t);
	/* a word alone on its line, spaces around it aside (ETOK_LINE,
	 * which spares ent_menu_item() the text) */
	etok_split("Menu \nHome's\n  Top  \nx Top\n-Dash\n\nEnd", &t);
	assert_int_equal(t.n, 7);
	assert_true(t.v[0].flags & ETOK_LINE);     /* Menu */
	assert_false(t.v[1].flags & ETOK_LINE);    /* Home, before 's */
	assert_true(t.v[2].flags & ETOK_LINE);     /* Top */
	assert_false(t.v[3].flags & ETOK_LINE);    /* x */
	assert_false(t.v[4].flags & ETOK_LINE);    /* Top after x */
	assert_false(t.v[5].flags & ETOK_LINE);    /* Dash after '-' */
	assert_true(t.v[6].flags & ETOK_LINE);     /* End */
	etok_free(&t);
}

/* etok_split_n() makes room for a word in six bytes before it splits:
 * a text of one-letter words grows past that guess with every word and
 * fold in place; a split stopped at max words, and a second split into
 * the same list, keep their counts. */
static void
test_tokens_past_reserve(void **state)
{
	struct buf b = { 0 };
	struct etoks t = { 0 };
	size_t i;

	(void)state;
	for (i = 0; i < 3000; i++)
		buf_puts(&b, i % 2 ? "B " : "a ");
	etok_split(b.p, &t);
	assert_int_equal(t.n, 3000);
	for (i = 0; i < t.n; i++) {
		assert_int_equal(t.v[i].off, 2 * i);
		assert_int_equal(t.v[i].len, 1);
		assert_string_equal(etok_folded(&t, i), i % 2 ? "b" : "a");
	}
	etok_free(&t);
	etok_split_n(b.p, &t, 5);
	assert_int_equal(t.n, 5);
	etok_split_n("Ein Wort mehr", &t, 7);
	assert_int_equal(t.n, 7);
	assert_string_equal(etok_folded(&t, 6), "wort");
	assert_string_equal(etok_folded(&t, 4), "a");
	etok_free(&t);
	buf_free(&b);
}

/* The word lists are searched with bsearch(): they must stay sorted. */
static void
test_tables_sorted(void **state)
{
	(void)state;
	assert_true(etok_tables_sorted());
	assert_true(ent_tables_sorted());
	assert_true(ent_places_indexed());
	assert_true(quote_tables_sorted());
	assert_true(lang_tables_sorted());
	assert_true(lang_pairs_sorted());
	assert_true(etok_stopword("the"));
	assert_true(etok_stopword("yesterday"));
	assert_false(etok_stopword("kremlin"));
}

/* enrich_clean() skips NFC for text of code points that
 * enrich_nfc_inert() says NFC leaves alone: each must be stable under
 * NFC, of combining class 0, and the second part of no canonical
 * decomposition (nor may any code point below U+0300 be one). */
static void
test_nfc_inert(void **state)
{
	unsigned char *second = calloc(0x110000, 1);
	int32_t c, d[32];

	(void)state;
	assert_non_null(second);
	for (c = 0; c < 0x110000; c++) {
		int rb = 0;
		utf8proc_ssize_t k, i;

		if (c >= 0xD800 && c < 0xE000)
			continue;
		k = utf8proc_decompose_char(c, d, 32, UTF8PROC_DECOMPOSE,
		    &rb);
		for (i = 1; i < k; i++)
			second[d[i]] = 1;
	}
	for (c = 0; c < 0x110000; c++) {
		utf8proc_uint8_t b[8];
		utf8proc_uint8_t *nfc;
		utf8proc_ssize_t n;

		if (!enrich_nfc_inert(c))
			continue;
		assert_false(second[c]);
		assert_int_equal(utf8proc_get_property(c)->combining_class, 0);
		n = utf8proc_encode_char(c, b);
		b[n] = '\0';
		nfc = utf8proc_NFC(b);
		assert_non_null(nfc);
		assert_string_equal((char *)nfc, (char *)b);
		free(nfc);
	}
	assert_true(enrich_nfc_inert('a'));
	assert_true(enrich_nfc_inert(0x0416));  /* Cyrillic Zhe */
	assert_false(enrich_nfc_inert(0x0301));  /* combining acute */
	assert_false(enrich_nfc_inert(0x212B));  /* Angstrom sign */
	free(second);
}

static void
test_entities_style(void **state)
{
	struct nw_article *a = article_new();

	(void)state;
	/* headings and shouting are style, not names */
	a->body = xstrdup("Common Mistakes Python Developers Make\n\n"
	    "CLICK HERE TO TURN ON NOTIFICATIONS\n\n"
	    "In Python the interpreter read the file. Using it is easy, "
	    "said Anna Berg of the Python Software Foundation in New York.");
	enrich_normalise(a);
	enrich_article(a);
	assert_false(has_name(&a->people, "Common Mistakes Python Developers"));
	assert_false(has_name(&a->people,
	    "CLICK HERE TO TURN ON NOTIFICATIONS"));
	assert_false(has_name(&a->organisations, "Using"));
	assert_false(has_name(&a->people, "In Python"));
	assert_true(has_name(&a->people, "Anna Berg"));
	assert_true(has_name(&a->places, "New York"));
	article_free(a);

	/* German capitalises nouns: lone capitalised words are no names */
	a = article_new();
	a->body = xstrdup("Die Polizei hat am Montag in der Stadt einen Mann "
	    "festgenommen. Der Sprecher sagte, dass die Ermittlungen noch "
	    "andauern und dass Peter Müller aus Berlin die Untersuchung "
	    "leitet. Müller wollte sich nicht äußern, und die Behörde "
	    "schwieg.");
	enrich_normalise(a);
	enrich_article(a);
	assert_string_equal(a->lang, "de");
	assert_true(has_name(&a->people, "Peter Müller"));
	assert_true(has_name(&a->places, "Berlin"));
	assert_false(has_name(&a->organisations, "Stadt"));
	assert_false(has_name(&a->organisations, "Mann"));
	assert_false(has_name(&a->organisations, "Müller"));
	assert_int_equal(a->organisations.n, 0);
	article_free(a);
}

/* German capitalises every noun, so two capitalised words are no name by
 * themselves ("Technische Standards", "Ende April", "Ihre Bestellung"): a
 * person is a known given name and the words after it, cut at a common
 * noun, or the name after a role ("Parteichef Meuthen"). */
static void
test_entities_german(void **state)
{
	struct nw_article *a = article_new();
	const char *const not_person[] = {
		"Technische Standards", "Ende April", "Ihre Bestellung",
		"Die Interoperabilität", "Bereich Healthcare",
		"Stefan Keuter Gelegenheit", "Bundeskanzlerin Angela Merkel",
		"Millionen Euro",
	};
	size_t i;

	(void)state;
	a->lang = xstrdup("de");
	a->body = xstrdup("Technische Standards fehlen noch, und bis Ende "
	    "April soll der Bereich Healthcare Millionen Euro erhalten. Die "
	    "Interoperabilität ist nach den Worten von Bundeskanzlerin "
	    "Angela Merkel wichtig. Ihre Bestellung wird geprüft, sagte "
	    "Parteichef Meuthen am Montag. Der Abgeordnete Stefan Keuter "
	    "hatte dazu Gelegenheit, aber Stefan Keuter Gelegenheit zu "
	    "geben war nicht leicht. Später sprach auch Jörg Meuthen mit "
	    "der Presse, und Jean-Yves Le Drian kam aus Paris.");
	enrich_normalise(a);
	enrich_article(a);
	for (i = 0; i < sizeof(not_person) / sizeof(not_person[0]); i++)
		assert_false(has_name(&a->people, not_person[i]));
	assert_true(has_name(&a->people, "Angela Merkel"));
	assert_true(has_name(&a->people, "Stefan Keuter"));
	assert_true(has_name(&a->people, "Jörg Meuthen"));
	assert_true(has_name(&a->people, "Jean-Yves Le Drian"));
	assert_false(has_name(&a->people, "Meuthen"));
	article_free(a);

	/* German names of countries are places in German text only */
	a = article_new();
	a->lang = xstrdup("de");
	a->body = xstrdup("Die Regierung in Frankreich und die Behörden in "
	    "Russland haben am Montag mit Island verhandelt, sagte der "
	    "Sprecher. Auch Dänemark war dabei.");
	enrich_normalise(a);
	enrich_article(a);
	assert_true(has_name(&a->places, "Frankreich"));
	assert_true(has_name(&a->places, "Russland"));
	assert_true(has_name(&a->places, "Island"));
	assert_true(has_name(&a->places, "Dänemark"));
	article_free(a);
	a = article_new();
	a->lang = xstrdup("en");
	a->body = xstrdup("The Island Council met on Monday, and the "
	    "islanders said the ferry to the Island would run again.");
	enrich_normalise(a);
	enrich_article(a);
	assert_false(has_name(&a->places, "Island"));
	assert_false(has_name(&a->places, "Iceland"));
	article_free(a);
}

/* Cost grows with the text, not its square: one paragraph of 6000
 * attributed quotations and 18000 names (well under a second when
 * linear, minutes when quadratic; meson's timeout is the bound). */
static void
test_large_paragraph(void **state)
{
	struct nw_article *a = article_new();
	struct buf b = { 0 };
	size_t i;

	(void)state;
	for (i = 0; i < 6000; i++)
		buf_printf(&b, "\"We will finish part %zu of the work,\" said "
		    "Anna Berg%c Smith of Acme Corp in Paris, and then ", i,
		    (char)('a' + (int)(i % 26)));
	a->body = buf_take(&b);
	enrich_normalise(a);
	enrich_article(a);
	assert_int_equal(a->n_quotes, 6000);
	assert_non_null(a->quotes[5999].speaker);
	assert_string_equal(a->quotes[5999].speaker, "Anna Bergt Smith");
	assert_int_equal(a->people.n, 26);
	assert_true(has_name(&a->places, "Paris"));
	article_free(a);
}

/* Entities without the noise the brief names: a regulator's name with
 * "and" in it is one organisation, not a person "U.S. Securities"; a
 * month before a day, a form code, an acronym after "its", a coined
 * abstract noun and a common word are no organisations; "US" and "United
 * States" are one place, named as the article first names it. */
static void
test_entity_noise(void **state)
{
	struct nw_article *a = article_new();
	const char *const not_org[] = {
		"City", "Sept", "IPO", "S-1", "Russophobia", "Health",
		"Exchange Commission",
	};
	size_t i;

	(void)state;
	a->title = xstrdup("WeWork faces inquiry by New York attorney "
	    "general");
	a->body = xstrdup("WeWork is the subject of a U.S. Securities and "
	    "Exchange Commission inquiry into potential rule violations "
	    "related to its cancelled IPO. WeWork is headquartered in New "
	    "York City.\n\nThe We Company announced on Sept. 30 that it "
	    "was withdrawing its S-1 filing for WeWork. Health officials "
	    "in the city "
	    "said public health was not at risk, and US officials agreed."
	    "\n\nCritics said Russophobia had spread through Washington, "
	    "where officials of the United States met Adam Neumann.");
	enrich_article(a);
	assert_true(has_name(&a->organisations,
	    "U.S. Securities and Exchange Commission"));
	for (i = 0; i < a->people.n; i++)
		assert_null(strstr(a->people.v[i], "Securities"));
	for (i = 0; i < sizeof(not_org) / sizeof(not_org[0]); i++)
		assert_false(has_name(&a->organisations, not_org[i]));
	assert_true(has_name(&a->places, "New York City"));
	assert_true(has_name(&a->places, "US"));
	assert_false(has_name(&a->places, "United States"));
	assert_true(has_name(&a->people, "Adam Neumann"));
	assert_true(has_name(&a->organisations, "WeWork"));
	article_free(a);
}

/* More noise by shape: a run ending in a street or venue word is a
 * place, not a person ("Wall Street"); words in capitals are a dateline's
 * style, not a name ("SAN FRANCISCO"); an acronym after a title is no
 * person ("Attorney General NYAG"); a kind of place alone is no
 * organisation, even where the article never writes it in lower case
 * ("the assist package City"). */
static void
test_entity_shapes(void **state)
{
	struct nw_article *a = article_new();
	size_t i;

	(void)state;
	a->title = xstrdup("Attorney General widens inquiry");
	a->body = xstrdup("SAN FRANCISCO (Reuters) - The company went from "
	    "a Wall Street darling to a pariah, said Attorney General NYAG "
	    "on Monday. Protesters gathered in Tiananmen Square.\n\nThe "
	    "Audi assist package City with intersection assistance is "
	    "standard, Letitia James told reporters.");
	enrich_article(a);
	for (i = 0; i < a->people.n; i++) {
		assert_null(strstr(a->people.v[i], "Street"));
		assert_null(strstr(a->people.v[i], "Square"));
		assert_null(strstr(a->people.v[i], "FRANCISCO"));
		assert_null(strstr(a->people.v[i], "NYAG"));
	}
	assert_true(has_name(&a->places, "Wall Street"));
	assert_true(has_name(&a->places, "Tiananmen Square"));
	assert_false(has_name(&a->organisations, "City"));
	assert_true(has_name(&a->people, "Letitia James"));
	assert_true(has_name(&a->organisations, "Reuters"));
	article_free(a);

	/* the words of a web or mail address are no names; a slash
	 * between two names in prose is no address */
	a = article_new();
	a->body = xstrdup("The video is at https://p.dw.com/p/RPYx and "
	    "twitter.com/Raulramirezpy/status/1522266 was quoted by "
	    "www.example.com/DwyersOfCork, while US/China talks went on "
	    "in Geneva.");
	enrich_article(a);
	assert_false(has_name(&a->organisations, "RPYx"));
	assert_false(has_name(&a->organisations, "Raulramirezpy"));
	assert_false(has_name(&a->organisations, "DwyersOfCork"));
	assert_true(has_name(&a->places, "China"));
	article_free(a);
}

int
main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_entities_listed),
		cmocka_unit_test(test_tables_sorted),
		cmocka_unit_test(test_tokens_ascii_table),
		cmocka_unit_test(test_tokens_past_reserve),
		cmocka_unit_test(test_normalise_text),
		cmocka_unit_test(test_normalise_url),
		cmocka_unit_test(test_canonical_url),
		cmocka_unit_test(test_resolve_url),
		cmocka_unit_test(test_lang),
		cmocka_unit_test(test_entity_noise),
		cmocka_unit_test(test_entity_shapes),
		cmocka_unit_test(test_fingerprints),
		cmocka_unit_test(test_quotes),
		cmocka_unit_test(test_quotes_after_ascii_runs),
		cmocka_unit_test(test_entities),
		cmocka_unit_test(test_entities_inflected),
		cmocka_unit_test(test_entities_german),
		cmocka_unit_test(test_entities_russian_cases),
		cmocka_unit_test(test_fragment_pixel),
		cmocka_unit_test(test_entities_style),
		cmocka_unit_test(test_large_paragraph),
		cmocka_unit_test(test_gold_independent),
		cmocka_unit_test(test_gold_tass),
		cmocka_unit_test(test_story_samples),
		cmocka_unit_test(test_story_restore),
		cmocka_unit_test(test_nfc_inert),
	};

	samples_dir = argc > 1 ? argv[1] : "../shared/samples/expected";
	return cmocka_run_group_tests(tests, NULL, NULL);
}
