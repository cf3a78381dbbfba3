/* decode_to_utf8: BOMs, declared charsets, fallbacks, binary rejection. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"

static char *
decode_ok(const char *in, size_t len, const char *ct, const char **cs)
{
	char err[128] = "";
	char *out = NULL;
	size_t outlen = 0;

	assert_int_equal(decode_to_utf8((const unsigned char *)in, len, ct,
	    &out, &outlen, cs, err, sizeof(err)), 0);
	assert_non_null(out);
	assert_int_equal(strlen(out), outlen);
	return out;
}

static void
decode_fails(const char *in, size_t len, const char *why)
{
	char err[128] = "";
	char *out = NULL;
	size_t outlen = 0;

	assert_int_equal(decode_to_utf8((const unsigned char *)in, len, NULL,
	    &out, &outlen, NULL, err, sizeof(err)), -1);
	assert_null(out);
	assert_non_null(strstr(err, why));
}

static void
test_utf8_bom_is_stripped(void **state)
{
	const char *cs;
	char *out = decode_ok("\xef\xbb\xbfh\xc3\xa9", 6, NULL, &cs);

	(void)state;
	assert_string_equal(out, "h\xc3\xa9");
	assert_string_equal(cs, "UTF-8");
	free(out);
}

static void
test_utf16le_bom(void **state)
{
	const char in[] = "\xff\xfeh\0i\0";
	char *out = decode_ok(in, sizeof(in) - 1, NULL, NULL);

	(void)state;
	assert_string_equal(out, "hi");
	free(out);
}

static void
test_content_type_charset(void **state)
{
	char *out = decode_ok("caf\xe9", 4, "text/html; charset=ISO-8859-1",
	    NULL);

	(void)state;
	assert_string_equal(out, "caf\xc3\xa9");
	free(out);
}

static void
test_meta_charset_windows_1251(void **state)
{
	const char in[] = "<html><head><meta charset=\"windows-1251\">"
	    "</head><body>\xcf\xf0\xe8\xe2\xe5\xf2</body></html>";
	char *out = decode_ok(in, sizeof(in) - 1, NULL, NULL);

	(void)state;
	/* "Привет" */
	assert_non_null(strstr(out, "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2"
	    "\xd0\xb5\xd1\x82"));
	free(out);
}

static void
test_http_equiv_charset(void **state)
{
	const char in[] = "<meta http-equiv=\"Content-Type\" "
	    "content=\"text/html; charset=iso-8859-15\"><p>\xa4</p>";
	char *out = decode_ok(in, sizeof(in) - 1, NULL, NULL);

	(void)state;
	assert_non_null(strstr(out, "\xe2\x82\xac"));  /* the euro sign */
	free(out);
}

static void
test_charset_as_a_value_is_not_a_declaration(void **state)
{
	const char in[] = "<meta name=\"charset\" content=\"utf-8\"/>"
	    "<meta http-equiv=\"Content-Type\" content=\"text/html;"
	    "charset=iso-8859-1\"/><p>caf\xe9</p>";
	char *out = decode_ok(in, sizeof(in) - 1, NULL, NULL);

	(void)state;
	assert_non_null(strstr(out, "caf\xc3\xa9"));
	free(out);
}

static void
test_undeclared_latin1_falls_back(void **state)
{
	const char *cs;
	char *out = decode_ok("na\xefve", 5, NULL, &cs);

	(void)state;
	assert_string_equal(out, "na\xc3\xafve");
	assert_string_equal(cs, "WINDOWS-1252");
	free(out);
}

static void
test_controls_dropped(void **state)
{
	char *out = decode_ok("a\x01" "b\tc\x7f\n", 7, NULL, NULL);

	(void)state;
	assert_string_equal(out, "ab\tc\n");
	free(out);
}

static void
test_rejections(void **state)
{
	(void)state;
	decode_fails("", 0, "empty");
	decode_fails("%PDF-1.4\n", 9, "PDF");
	decode_fails("\x89PNG\r\n\x1a\n", 8, "PNG");
	decode_fails("text\0with nul", 13, "NUL");
	decode_fails("<meta charset=\"x-no-such-charset\">", 34,
	    "unknown charset");
}

/* The UTF-8 check reads ASCII sixteen bytes at a time: a control to drop
 * or a NUL at every character boundary of a line of mixed scripts (across
 * the blocks' edges) is found as it is alone. */
static void
test_control_and_nul_every_offset(void **state)
{
	static const char base[] =
	    "Caf\xc3\xa9 na\xc3\xafve, \xd1\x8f\xd0\xb7\xd1\x8b\xd0\xba "
	    "\xe2\x82\xac" "12 \xe6\x97\xa5\xe6\x9c\xac and forty plain bytes";
	size_t n = strlen(base);

	(void)state;
	for (size_t k = 0; k <= n; k++) {
		char s[128];
		char *out;

		if (k < n && ((unsigned char)base[k] & 0xc0) == 0x80)
			continue;  /* inside a character */
		memcpy(s, base, k);
		s[k] = '\x01';
		memcpy(s + k + 1, base + k, n - k);
		out = decode_ok(s, n + 1, NULL, NULL);
		assert_string_equal(out, base);
		free(out);
		s[k] = '\0';
		decode_fails(s, n + 1, "NUL");
	}
	/* and clean, as it is */
	{
		char *out = decode_ok(base, n, NULL, NULL);

		assert_string_equal(out, base);
		free(out);
	}
}

/* Whether decode_check_to() in steps of step bytes finds s[0, n) clean,
 * as decode_to_utf8_view() would answer with it as it stands. */
static bool
check_clean(const char *s, size_t n, size_t step)
{
	struct decode_check c;

	decode_check_init(&c, s, n);
	for (size_t to = step; to < n; to += step)
		decode_check_to(&c, to);
	decode_check_to(&c, n + 1);
	/* a dirty view is read no further */
	assert_true(c.dirty || c.at == n);
	return !c.dirty;
}

/* ASCII is checked 64 bytes at a time where it holds no control byte:
 * in a long run of ASCII (tabs, line ends and form feeds kept), each byte
 * that is dropped, a NUL, a byte outside ASCII and a character of two or
 * three bytes is found at every offset and step, and the run is clean
 * without them. */
static void
test_check_long_ascii(void **state)
{
	static const char *const odd[] = { "\x01", "\x08", "\x0b", "\x0e",
	    "\x1f", "\x7f", "\xff", "\xc3", "\x80" };
	static const char *const fine[] = { "\t", "\n", "\r", "\f",
	    "\xc3\xa9", "\xe2\x82\xac" };
	char base[200], s[208];
	size_t n = sizeof(base);

	(void)state;
	for (size_t k = 0; k < n; k++)
		base[k] = (char)(k % 61 == 60 ? '\n' : ' ' + (k * 7) % 95);
	for (size_t step = 1; step <= n; step += 17)
		assert_true(check_clean(base, n, step));
	for (size_t k = 0; k <= n; k++) {
		for (size_t b = 0; b < sizeof(odd) / sizeof(odd[0]); b++) {
			memcpy(s, base, k);
			s[k] = odd[b][0];
			memcpy(s + k + 1, base + k, n - k);
			assert_false(check_clean(s, n + 1, 64));
			assert_false(check_clean(s, n + 1, 5));
		}
		s[k] = '\0';
		assert_false(check_clean(s, n + 1, 64));
		for (size_t b = 0; b < sizeof(fine) / sizeof(fine[0]); b++) {
			size_t fl = strlen(fine[b]);

			memcpy(s, base, k);
			memcpy(s + k, fine[b], fl);
			memcpy(s + k + fl, base + k, n - k);
			assert_true(check_clean(s, n + fl, 64));
			assert_true(check_clean(s, n + fl, 7));
		}
	}
}

/* The check a view's reader makes block by block: a sequence across a
 * block's end is read whole, and a page is clean exactly when the view
 * of decode_to_utf8_view() is the page as it stands. */
static void
test_check_by_blocks(void **state)
{
	static const char base[] =
	    "Caf\xc3\xa9 \xd1\x8f\xd0\xb7 \xe2\x82\xac" "12 "
	    "\xf0\x9f\x98\x80 \xe6\x97\xa5 and some plain bytes";
	static const char *const bad[] = { "\x01", "\xff", "\xc3",
	    "\xe2\x82", "\xed\xa0\x80", "\x7f" };
	size_t n = strlen(base);
	const char *view;
	size_t vlen;

	(void)state;
	for (size_t step = 1; step <= n; step++)
		assert_true(check_clean(base, n, step));
	for (size_t b = 0; b < sizeof(bad) / sizeof(bad[0]); b++)
		for (size_t k = 0; k <= n; k++) {
			char s[128];
			size_t bl = strlen(bad[b]);

			if (k < n && ((unsigned char)base[k] & 0xc0) == 0x80)
				continue;
			memcpy(s, base, k);
			memcpy(s + k, bad[b], bl);
			memcpy(s + k + bl, base + k, n - k);
			for (size_t step = 1; step <= n; step += 3)
				assert_false(check_clean(s, n + bl, step));
		}
	assert_true(decode_view_unchecked((const unsigned char *)base, n,
	    "text/html; charset=utf-8", &view, &vlen));
	assert_ptr_equal(view, base);
	assert_true(decode_view_unchecked((const unsigned char *)
	    "\xef\xbb\xbfhi", 5, NULL, &view, &vlen));
	assert_int_equal(vlen, 2);
	assert_false(decode_view_unchecked((const unsigned char *)base, n,
	    "text/html; charset=windows-1252", &view, &vlen));
	assert_false(decode_view_unchecked((const unsigned char *)
	    "\xff\xfeh\0", 4, NULL, &view, &vlen));
	assert_false(decode_view_unchecked((const unsigned char *)
	    "%PDF-1.4", 8, NULL, &view, &vlen));
}

static void
test_declared_utf8_mostly_invalid(void **state)
{
	char in[200];

	(void)state;
	memset(in, 0xff, sizeof(in));
	memcpy(in, "<meta charset=utf-8>", 20);
	decode_fails(in, sizeof(in), "invalid UTF-8");
}

/* text (UTF-8) in charset cs, by iconv; the caller frees it */
static char *
encode(const char *text, const char *cs, size_t *len)
{
	iconv_t cd = iconv_open(cs, "UTF-8");
	size_t il = strlen(text), cap = 4 * il + 16, ol = cap;
	char *out = malloc(cap), *ip = (char *)text, *op = out;

	assert_true(cd != (iconv_t)-1);
	assert_non_null(out);
	assert_int_not_equal(iconv(cd, &ip, &il, &op, &ol), (size_t)-1);
	iconv_close(cd);
	*len = cap - ol;
	return out;
}

/* page (UTF-8) in charset enc, undeclared, decodes back to itself, the
 * charset read as want */
static void
undeclared_ok(const char *enc, const char *want, const char *page)
{
	size_t len;
	const char *cs;
	char *raw = encode(page, enc, &len), *out;

	out = decode_ok(raw, len, NULL, &cs);
	assert_string_equal(cs, want);
	assert_string_equal(out, page);
	free(out);
	free(raw);
}

/* Pages that declare no charset and are not UTF-8: the detector names
 * the charset; windows-1252 stays the answer for Western text. */
static void
test_undeclared_detected(void **state)
{
	static const char *const pages[][2] = {
		{ "WINDOWS-1251", "<html><head><title>Новости</title></head>"
		    "<body><p>Министр финансов заявил в понедельник, что "
		    "правительство не будет менять свои планы и что решение "
		    "было принято кабинетом после долгих дебатов.</p></body>"
		    "</html>" },
		{ "ISO-8859-2", "<html><body><p>Ministr financí v pondělí "
		    "řekl, že vláda nezmění své plány a že rozhodnutí bylo "
		    "přijato kabinetem po dlouhé debatě. Podle jeho slov se "
		    "schodek rozpočtu příští rok sníží. Opozice toto "
		    "rozhodnutí ostře kritizovala a žádá odstoupení "
		    "ministra.</p></body></html>" },
		{ "GB18030", "<html><body><h1>政府批准新预算</h1><p>"
		    "财政部长周一表示，政府不会改变计划，"
		    "该决定是内阁在长时间辩论后作出的。</p></body></html>" },
		{ "WINDOWS-31J", "<html><body><h1>政府が新しい予算を承認</h1>"
		    "<p>財務大臣は月曜日、政府は計画を変更しないと"
		    "述べ、この決定は長い議論の後に内閣によって"
		    "行われたと語った。</p></body></html>" },
		{ "WINDOWS-1252", "<html><body><p>Der Finanzminister sagte "
		    "am Montag, dass die Regierung ihre Pläne nicht ändern "
		    "werde – „es gibt keine Alternative“, sagte er. Die "
		    "Opposition übte scharfe Kritik an Plänen für "
		    "Straßen, Brücken und Gebäude.</p></body></html>" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof(pages) / sizeof(pages[0]); i++)
		undeclared_ok(pages[i][0], pages[i][0], pages[i][1]);
}

/* Labels read by the web's decoders, not by iconv's charset of the same
 * name (canonical_charset()). */
static void
test_declared_web_decoders(void **state)
{
	static const char *const cases[][3] = {
		/* iconv's SHIFT_JIS: a yen sign and an overline */
		{ "shift_jis", "C:\\news \x82\xa0 ~desk", "C:\\news あ ~desk" },
		/* a syllable of UHC that EUC-KR lacks */
		{ "euc-kr", "\x8c\x63\xb0\xa1", "똠가" },
		{ "ks_c_5601-1987", "\x8c\x63", "똠" },
		/* windows-874's and windows-1254's quotes and euro sign */
		{ "tis-620", "\x93\xca\xc7\xd1\xca\xb4\xd5\x94",
		    "“สวัสดี”" },
		{ "iso-8859-9", "\x80 \xfd\xfe", "€ ış" },
		{ "iso-8859-8-i", "\xf9\xec\xe5\xed", "שלום" },
		{ "gb2312", "\xa1\xaa\xd6\xd0", "—中" },
		/* a meta that says UTF-16 over bytes without NULs */
		{ "utf-16", "caf\xc3\xa9", "café" },
	};
	char page[128];
	const char *cs;
	char *out;
	int n;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		n = snprintf(page, sizeof(page), "<meta charset=\"%s\"><p>%s",
		    cases[i][0], cases[i][1]);
		out = decode_ok(page, (size_t)n, NULL, &cs);
		assert_non_null(strstr(out, cases[i][2]));
		free(out);
	}
}

/* Undeclared pages the detector misread before: Korean it names UHC, a
 * Spanish page whose comment of en dashes (0x96 0x96, a kanji in
 * Shift_JIS) read as Shift_JIS (elmostrador.cl), and a short Polish
 * paragraph of eight letters outside ASCII. */
static void
test_undeclared_misread_before(void **state)
{
	static const char *const pages[][3] = {
		{ "CP949", "CP949", "<html><head><title>뉴스</title></head>"
		    "<body><p>정부는 월요일 새 예산안을 승인했다고 밝혔다. "
		    "재무장관은 계획을 바꾸지 않겠다고 말했다. 똠방각하."
		    "</p></body></html>" },
		{ "WINDOWS-1252", "WINDOWS-1252", "<html><head>"
		    "<!-- CSS –––––––––––––––––––– --><title>Discusión "
		    "parlamentaria</title></head><body><p>El próximo domingo "
		    "será la fecha en que el texto de la nueva Constitución "
		    "irá a votación, según el Congreso.</p></body></html>" },
		{ "WINDOWS-1250", "WINDOWS-1250", "<p>Oto kraje, w których "
		    "średnia godzina pracy wnosi najwięcej do PKB. Bez względu "
		    "na to, jak długo pracujemy, liczy się wydajność.</p>" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof(pages) / sizeof(pages[0]); i++)
		undeclared_ok(pages[i][0], pages[i][1], pages[i][2]);
}

/* Short Polish pages, as the title and the first 300 characters
 * (portalspozywczy.pl, osw.waw.pl), in ISO-8859-2 and in windows-1250:
 * uchardet named windows-1252 for both of the first ("Innowacyjn\xb1",
 * "wdra\xbfa") and windows-1250 for the second in ISO-8859-2 ("Babiš"
 * as "Babią"); the letters inside words decide (detect_latin()). */
static void
test_undeclared_central_short(void **state)
{
	static const char *const pages[] = {
		"<html><head><title>Eurocash rusza z Innowacyjną Platformą "
		    "Handlu</title></head><body><article><p>Grupa Eurocash "
		    "wdraża Innowacyjną Platformę Handlu, czyli zintegrowany "
		    "system do zarządzania sklepem. Autor: "
		    "www.portalspozywczy.pl Data: 28-04-2021, 09:29 Eurocash "
		    "rusza z Platformą Handlu, fot. shutterstock Innowacyjna "
		    "Platforma Handlu (IPH) to kolejna nowa technologia "
		    "opracowana przez Grupę E</p></article></body></html>",
		"<html><head><title>Rosyjskie zamachy w Czechach</title>"
		    "</head><body><article><p>17 kwietnia na konferencji "
		    "prasowej premier Andrej Babiš i wicepremier Jan Hamáček "
		    "poinformowali o wydaleniu 18 pracowników (16% "
		    "personelu) Ambasady Federacji Rosyjskiej. Jest to "
		    "reakcja na wynik śledztwa czeskich służb informacyjnych "
		    "i policji, w toku którego uznano</p></article></body>"
		    "</html>",
	};
	(void)state;
	for (size_t i = 0; i < sizeof(pages) / sizeof(pages[0]); i++) {
		undeclared_ok("ISO-8859-2", "ISO-8859-2", pages[i]);
		undeclared_ok("WINDOWS-1250", "WINDOWS-1250", pages[i]);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_bom_is_stripped),
		cmocka_unit_test(test_utf16le_bom),
		cmocka_unit_test(test_content_type_charset),
		cmocka_unit_test(test_meta_charset_windows_1251),
		cmocka_unit_test(test_http_equiv_charset),
		cmocka_unit_test(test_charset_as_a_value_is_not_a_declaration),
		cmocka_unit_test(test_undeclared_latin1_falls_back),
		cmocka_unit_test(test_controls_dropped),
		cmocka_unit_test(test_rejections),
		cmocka_unit_test(test_declared_utf8_mostly_invalid),
		cmocka_unit_test(test_control_and_nul_every_offset),
		cmocka_unit_test(test_check_by_blocks),
		cmocka_unit_test(test_undeclared_detected),
		cmocka_unit_test(test_declared_web_decoders),
		cmocka_unit_test(test_undeclared_misread_before),
		cmocka_unit_test(test_undeclared_central_short),
		cmocka_unit_test(test_check_long_ascii),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
