/* Unit tests of the duplicate fingerprint and index (enrich/dup.h), on
 * texts made of deterministic pseudo-random words. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "enrich/dup.h"
#include "enrich/enrich.h"
#include "memdump.h"
#include "util.h"

/* n words drawn from a vocabulary of 5000 by seed, in sentences and
 * paragraphs; the same seed gives the same text. */
static char *
words(uint64_t seed, size_t n)
{
	static const char *const syl[] = { "ka", "lo", "mi", "ne", "ru",
	    "sa", "te", "vi", "do", "pe", "gu", "ba", "zo", "fi", "he" };
	struct buf b = { 0 };
	uint64_t x = seed * 2654435761u + 1;

	for (size_t i = 0; i < n; i++) {
		unsigned w;

		x = x * 6364136223846793005ULL + 1442695040888963407ULL;
		w = (unsigned)(x >> 33) % 5000;
		if (i > 0)
			buf_puts(&b, i % 40 == 0 ? ".\n\n" :
			    i % 12 == 0 ? ". " : " ");
		buf_puts(&b, syl[w % 15]);
		buf_puts(&b, syl[(w / 15) % 15]);
		buf_puts(&b, syl[(w / 225) % 15]);
		if (w & 1)
			buf_puts(&b, "n");
	}
	buf_puts(&b, ".");
	return buf_take(&b);
}

/* furniture, then body, then more furniture */
static char *
wrapped(const char *body, uint64_t seed, size_t before, size_t after)
{
	struct buf b = { 0 };
	char *f1 = words(seed, before), *f2 = words(seed + 1, after);

	buf_printf(&b, "%s\n\n%s\n\n%s", f1, body, f2);
	free(f1);
	free(f2);
	return buf_take(&b);
}

static void
parse(const char *s, struct dup_print *p)
{
	assert_int_equal(dup_print_parse(s, p), 0);
}

static void
test_print_roundtrip(void **state)
{
	char *t = words(1, 300);
	char *s = dup_print_text(t), *s2 = dup_print_text(t);
	struct dup_print p;

	(void)state;
	assert_string_equal(s, s2);
	assert_int_equal(strncmp(s, "d1 ", 3), 0);
	parse(s, &p);
	assert_int_equal(p.shingles, 300 - DUP_SHINGLE + 1);
	/* about one shingle in DUP_SAMPLE is kept */
	assert_true(p.n > 300 / DUP_SAMPLE / 3 && p.n < 300 / DUP_SAMPLE * 3);
	assert_true(p.simhash == enrich_simhash(t));
	assert_true(p.limit == UINT64_MAX);
	for (size_t i = 0; i < p.n; i++) {
		assert_int_equal(p.h[i] % DUP_SAMPLE, 0);
		if (i > 0)
			assert_true(p.h[i] > p.h[i - 1]);
	}
	dup_print_release(&p);
	free(s);
	free(s2);
	free(t);
}

static void
test_print_case_and_spacing(void **state)
{
	const char *a = "The Quick brown fox jumps over the lazy dog "
	    "while the cat sleeps on the warm mat by the door.";
	const char *b = "the quick   BROWN fox\njumps over the lazy dog, "
	    "while the cat sleeps on the warm mat by the door";
	char *pa = dup_print_text(a), *pb = dup_print_text(b);
	struct dup_print x, y;

	(void)state;
	parse(pa, &x);
	parse(pb, &y);
	assert_int_equal(x.n, y.n);
	assert_int_equal(dup_containment(&x, &y, NULL), x.n ? 100 : 0);
	dup_print_release(&x);
	dup_print_release(&y);
	free(pa);
	free(pb);
}

static void
test_print_malformed(void **state)
{
	struct dup_print p;
	char *ok = dup_print_text("one two three four five six seven");
	char *bad = xstrdup(ok);
	const char *const cases[] = {
		"", "d1", "d2 0000000000000000 ffffffffffffffff 3 ",
		"d1 000000000000000g ffffffffffffffff 3 ",
		"d1 0000000000000000 ffffffffffffffff x ",
		"d1 0000000000000000 ffffffffffffffff 3 0123",
		/* not ascending */
		"d1 0000000000000000 ffffffffffffffff 3 "
		"00000000000000100000000000000008",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(dup_print_parse(cases[i], &p), -1);
		assert_null(p.h);
	}
	assert_int_equal(dup_print_parse(NULL, &p), -1);
	parse(ok, &p);
	dup_print_release(&p);
	bad[strlen(bad) - 1] = '\0';
	assert_int_equal(dup_print_parse(bad, &p), -1);
	free(bad);
	free(ok);
}

/* The case the simhash misses: one body, much more furniture around it
 * in the other extraction. */
static void
test_containment_furniture(void **state)
{
	char *body = words(7, 250);
	char *big = wrapped(body, 100, 600, 700);
	char *pa = dup_print_text(body), *pb = dup_print_text(big);
	struct dup_print a, b;
	size_t n;

	(void)state;
	parse(pa, &a);
	parse(pb, &b);
	assert_true(enrich_hamming(a.simhash, b.simhash) >
	    ENRICH_NEAR_DUP_BITS);
	assert_int_equal(dup_containment(&a, &b, &n), 100);
	assert_int_equal(dup_containment(&b, &a, NULL), 100);
	assert_true(n >= DUP_MIN_SAMPLES);
	assert_true(dup_same(&a, &b));
	dup_print_release(&a);
	dup_print_release(&b);
	free(pa);
	free(pb);
	free(big);
	free(body);
}

static void
test_containment_distinct(void **state)
{
	char *x = words(11, 400), *y = words(12, 400);
	/* two articles sharing a sentence of boilerplate */
	char *xs = wrapped(x, 500, 0, 20), *ys = wrapped(y, 500, 0, 20);
	char *px = dup_print_text(xs), *py = dup_print_text(ys);
	struct dup_print a, b;

	(void)state;
	parse(px, &a);
	parse(py, &b);
	assert_true(dup_containment(&a, &b, NULL) < 20);
	assert_false(dup_same(&a, &b));
	dup_print_release(&a);
	dup_print_release(&b);
	free(px);
	free(py);
	free(xs);
	free(ys);
	free(x);
	free(y);
}

/* Half of the shorter body repeated: at the threshold; a third: under. */
static void
test_containment_partial(void **state)
{
	char *x = words(21, 300), *y = words(22, 900);
	char *half = xstrdup(x), *third = xstrdup(x);
	char *big, *pa, *pb, *pc;
	struct dup_print a, b, c;

	(void)state;
	half[strlen(half) / 2] = '\0';
	third[strlen(third) / 3] = '\0';
	{
		struct buf bb = { 0 };

		buf_printf(&bb, "%s\n\n%s", half, y);
		big = buf_take(&bb);
	}
	pa = dup_print_text(x);
	pb = dup_print_text(big);
	parse(pa, &a);
	parse(pb, &b);
	assert_in_range(dup_containment(&a, &b, NULL), 30, 70);
	free(pb);
	free(big);
	{
		struct buf bb = { 0 };

		buf_printf(&bb, "%s\n\n%s", third, y);
		big = buf_take(&bb);
	}
	pc = dup_print_text(big);
	parse(pc, &c);
	assert_true(dup_containment(&a, &c, NULL) <
	    dup_containment(&a, &b, NULL));
	assert_true(dup_containment(&a, &c, NULL) < DUP_CONTAIN_PCT);
	assert_false(dup_same(&a, &c));
	dup_print_release(&a);
	dup_print_release(&b);
	dup_print_release(&c);
	free(pa);
	free(pc);
	free(big);
	free(half);
	free(third);
	free(x);
	free(y);
}

/* Bodies long enough to fill DUP_MAX_SAMPLES: the limit keeps the
 * estimate right when only one of the two is capped. */
static void
test_capped(void **state)
{
	char *body = words(31, 6000);
	char *big = wrapped(body, 300, 3000, 3000);
	char *pa = dup_print_text(body), *pb = dup_print_text(big);
	struct dup_print a, b;
	size_t n;

	(void)state;
	parse(pa, &a);
	parse(pb, &b);
	assert_int_equal(a.n, DUP_MAX_SAMPLES);
	assert_int_equal(b.n, DUP_MAX_SAMPLES);
	assert_true(a.limit < UINT64_MAX && b.limit < a.limit);
	assert_int_equal(dup_containment(&a, &b, &n), 100);
	assert_true(n < a.n && n >= DUP_MIN_SAMPLES);
	assert_true(dup_same(&a, &b));
	dup_print_release(&a);
	dup_print_release(&b);
	free(pa);
	free(pb);
	free(big);
	free(body);
}

/* Under DUP_MIN_SAMPLES samples: every one shared and close simhashes. */
static void
test_short(void **state)
{
	const char *a = "Police closed the bridge on Monday after a crash.";
	const char *b = "Police closed the bridge on Monday after a crash. "
	    "Read more.";
	const char *c = "The council voted on Tuesday to reopen the market.";
	char *pa = dup_print_text(a), *pb = dup_print_text(b);
	char *pc = dup_print_text(c), *pe = dup_print_text("");
	struct dup_print x, y, z, e;

	(void)state;
	parse(pa, &x);
	parse(pb, &y);
	parse(pc, &z);
	parse(pe, &e);
	assert_true(x.n < DUP_MIN_SAMPLES);
	assert_int_equal(e.n, 0);
	assert_int_equal(e.shingles, 0);
	assert_false(dup_same(&x, &z));
	assert_false(dup_same(&e, &e));
	assert_false(dup_same(&x, &e));
	/* the same text is itself, however short, if it has a sample */
	if (x.n > 0)
		assert_true(dup_same(&x, &x));
	dup_print_release(&x);
	dup_print_release(&y);
	dup_print_release(&z);
	dup_print_release(&e);
	free(pa);
	free(pb);
	free(pc);
	free(pe);
}

static void
test_index_query(void **state)
{
	struct dup_index *idx = dup_index_new(0);
	char *body = words(41, 300), *other = words(42, 300);
	char *big = wrapped(body, 900, 500, 500);
	char *pb = dup_print_text(body), *po = dup_print_text(other);
	char *pbig = dup_print_text(big);
	const char *id;
	int pct = -1;

	(void)state;
	assert_null(dup_index_query(idx, pbig, 1000, &pct));
	assert_int_equal(pct, 0);
	assert_int_equal(dup_index_add(idx, "nw1-other", po, 1000), 0);
	assert_int_equal(dup_index_add(idx, "nw1-body", pb, 1000), 0);
	assert_int_equal(dup_index_add(idx, "nw1-bad", "d1 nonsense", 1000),
	    -1);
	assert_int_equal(dup_index_size(idx), 2);
	id = dup_index_query(idx, pbig, 2000, &pct);
	assert_non_null(id);
	assert_string_equal(id, "nw1-body");
	assert_int_equal(pct, 100);
	assert_null(dup_index_query(idx, "garbage", 2000, NULL));
	/* out of the window either way */
	assert_null(dup_index_query(idx, pbig, 1000 + DUP_DEFAULT_WINDOW + 1,
	    NULL));
	assert_null(dup_index_query(idx, pbig, 1000 - DUP_DEFAULT_WINDOW - 1,
	    NULL));
	dup_index_free(idx);
	free(pb);
	free(po);
	free(pbig);
	free(big);
	free(body);
	free(other);
}

/* The best match wins; among equals, the earliest added. */
static void
test_index_best(void **state)
{
	struct dup_index *idx = dup_index_new(3600);
	char *body = words(51, 400);
	char *part = xstrdup(body);
	char *pq = dup_print_text(body), *pp, *pe;
	const char *id;

	(void)state;
	part[strlen(part) * 2 / 3] = '\0';
	pp = dup_print_text(part);
	pe = dup_print_text(body);
	/* "part" contains less of the query than the exact copies do... but
	 * part is the shorter: all of it is in the query. Containment is of
	 * the shorter, so part scores 100 too: the earliest wins. */
	assert_int_equal(dup_index_add(idx, "a-part", pp, 10), 0);
	assert_int_equal(dup_index_add(idx, "b-copy", pe, 20), 0);
	assert_int_equal(dup_index_add(idx, "c-copy", pe, 30), 0);
	id = dup_index_query(idx, pq, 40, NULL);
	assert_non_null(id);
	assert_string_equal(id, "a-part");
	dup_index_free(idx);
	idx = dup_index_new(3600);
	{
		char *other = words(52, 300);
		struct buf b = { 0 };
		char *pm;

		/* two thirds of the query, then a third of another text */
		buf_printf(&b, "%s\n\n%s", part, other);
		pm = dup_print_text(b.p);
		buf_free(&b);
		assert_int_equal(dup_index_add(idx, "a-mixed", pm, 10), 0);
		assert_int_equal(dup_index_add(idx, "b-copy", pe, 20), 0);
		id = dup_index_query(idx, pq, 40, NULL);
		assert_non_null(id);
		assert_string_equal(id, "b-copy");
		free(pm);
		free(other);
	}
	dup_index_free(idx);
	free(pq);
	free(pp);
	free(pe);
	free(part);
	free(body);
}

/* Articles older than the window behind the newest are forgotten, and the
 * index compacts itself; what is in the window is still found. */
static void
test_index_expiry(void **state)
{
	struct dup_index *idx = dup_index_new(100);
	char *keep = NULL;
	const char *id;

	(void)state;
	for (int i = 0; i < 3000; i++) {
		char *t = words(1000 + (uint64_t)i, 60);
		char *p = dup_print_text(t);
		char name[32];

		snprintf(name, sizeof(name), "nw1-%d", i);
		assert_int_equal(dup_index_add(idx, name, p, i), 0);
		if (i == 2990)
			keep = p;
		else
			free(p);
		free(t);
	}
	assert_true(dup_index_size(idx) <= 101 + 64);
	id = dup_index_query(idx, keep, 3000, NULL);
	assert_non_null(id);
	assert_string_equal(id, "nw1-2990");
	/* the loop's step: a late `now` empties the window, in steps */
	dup_index_expire(idx, 3000 + 200, 50);
	assert_int_equal(dup_index_size(idx), 101 - 50);
	dup_index_expire(idx, 3000 + 200, 1000);
	assert_int_equal(dup_index_size(idx), 0);
	assert_null(dup_index_query(idx, keep, 3000, NULL));
	/* packed ids come back as they went in; others too */
	assert_int_equal(dup_index_add(idx,
	    "nw1-0123456789abcdef0123456789abcdef", keep, 5000), 0);
	id = dup_index_query(idx, keep, 5000, NULL);
	assert_non_null(id);
	assert_string_equal(id, "nw1-0123456789abcdef0123456789abcdef");
	dup_index_free(idx);
	free(keep);
}

static uint64_t
mix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* A print of 8 samples, all in the shard of hash bits 0xabcd. */
static char *
crowded_print(uint64_t *rng)
{
	uint64_t h[8];
	struct buf b = { 0 };

	for (int i = 0; i < 8; i++) {
		h[i] = 0xabcdULL << 48 | (mix64(rng) >> 16);
		for (int j = i; j > 0 && h[j] < h[j - 1]; j--) {
			uint64_t t = h[j];

			h[j] = h[j - 1];
			h[j - 1] = t;
		}
	}
	buf_printf(&b, "d1 %016llx %016llx 64 ", (unsigned long long)
	    mix64(rng), (unsigned long long)h[7]);
	for (int i = 0; i < 8; i++)
		buf_printf(&b, "%016llx", (unsigned long long)h[i]);
	return buf_take(&b);
}

/* Thousands of postings in one shard: the look-up's guess and gallop
 * find every entry's samples, whether the entry came as text or packed,
 * settled or in the unsorted tail; a packed print reads back as the
 * text's. */
static void
test_index_crowded_shard(void **state)
{
	enum { N = 600 };
	struct dup_index *idx = dup_index_new(0);
	char *pr[N], id[40];
	uint64_t rng = 7;
	(void)state;

	for (int i = 0; i < N; i++) {
		pr[i] = crowded_print(&rng);
		snprintf(id, sizeof(id), "nw1-%032x", i);
		if (i % 2 == 0) {
			size_t len;
			void *p = dup_print_pack(pr[i], &len);
			struct dup_print a, b;
			uint64_t h[DUP_MAX_SAMPLES];

			assert_non_null(p);
			assert_int_equal(dup_print_unpack(p, len, &a, h), 0);
			assert_int_equal(dup_print_parse(pr[i], &b), 0);
			assert_int_equal(a.n, b.n);
			assert_true(a.simhash == b.simhash && a.limit == b.limit &&
			    a.shingles == b.shingles);
			assert_memory_equal(a.h, b.h, b.n * sizeof(*b.h));
			dup_print_release(&b);
			assert_int_equal(dup_index_add_packed(idx, id, p, len,
			    1000 + i), 0);
			free(p);
		} else {
			assert_int_equal(dup_index_add(idx, id, pr[i],
			    1000 + i), 0);
		}
		if (i == N / 2)
			dup_index_settle(idx);
	}
	for (int i = 0; i < N; i++) {
		int pct = 0;
		const char *of = dup_index_query(idx, pr[i], 2000, &pct);

		snprintf(id, sizeof(id), "nw1-%032x", i);
		assert_non_null(of);
		assert_string_equal(of, id);
		assert_int_equal(pct, 100);
		free(pr[i]);
	}
	dup_index_free(idx);
}

/* An index dumped and undumped answers as the original does; a dump cut
 * short, or of the wrong size, is refused; one with bytes changed is
 * read safely (whatever it gives is freed; the daemon's checksum is what
 * refuses it). */
/* memdump_refusals()'s read and free of a duplicate index */
static void *
dup_undump(struct memdump *m, size_t len)
{
	return dup_index_undump(memdump_get, m, len);
}

static void
dup_drop(void *idx)
{
	dup_index_free(idx);
}

static void
test_index_dump(void **state)
{
	struct dup_index *idx = dup_index_new(0), *back;
	struct memdump m = { 0 };
	char *probe[40];
	size_t n = 300;

	(void)state;
	for (size_t i = 0; i < n; i++) {
		char *t = words(5000 + i, 120 + i % 200);
		char *p = dup_print_text(t), id[48];

		if (i % 7 == 0)
			snprintf(id, sizeof(id), "custom-%zu", i);
		else
			snprintf(id, sizeof(id), "nw1-%032zx", i);
		/* the first entries leave the window, their postings stay
		 * until a sweep: the dump sweeps them */
		assert_int_equal(dup_index_add(idx, id, p,
		    (int64_t)(i < 20 ? 0 : DUP_DEFAULT_WINDOW + i)), 0);
		free(p);
		free(t);
	}
	for (size_t k = 0; k < 40; k++) {
		char *t = words(5000 + 7 * k + 13, 120 + (7 * k + 13) % 200);
		char *w = wrapped(t, 77 + k, 30, 30);

		probe[k] = dup_print_text(k % 5 == 4 ? t + 40 : w);
		free(w);
		free(t);
	}
	assert_int_equal(dup_index_dump(idx, memdump_put, &m), 0);
	back = dup_index_undump(memdump_get, &m, m.b.len);
	assert_non_null(back);
	assert_int_equal(dup_index_size(back), dup_index_size(idx));
	for (size_t k = 0; k < 40; k++) {
		int p1 = -1, p2 = -2;
		const char *a = dup_index_query(idx, probe[k],
		    DUP_DEFAULT_WINDOW + 200, &p1);
		char *a1 = a ? xstrdup(a) : NULL;
		const char *b = dup_index_query(back, probe[k],
		    DUP_DEFAULT_WINDOW + 200, &p2);

		assert_int_equal(p1, p2);
		if (a1 == NULL)
			assert_null(b);
		else
			assert_string_equal(a1, b);
		free(a1);
	}
	dup_index_free(back);
	/* cut short anywhere, or said to be longer: refused; bytes
	 * changed: read safely */
	assert_int_equal(memdump_refusals(&m, dup_undump, dup_drop, 200), 0);
	for (size_t k = 0; k < 40; k++)
		free(probe[k]);
	buf_free(&m.b);
	dup_index_free(idx);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_print_roundtrip),
		cmocka_unit_test(test_print_case_and_spacing),
		cmocka_unit_test(test_print_malformed),
		cmocka_unit_test(test_containment_furniture),
		cmocka_unit_test(test_containment_distinct),
		cmocka_unit_test(test_containment_partial),
		cmocka_unit_test(test_capped),
		cmocka_unit_test(test_short),
		cmocka_unit_test(test_index_query),
		cmocka_unit_test(test_index_best),
		cmocka_unit_test(test_index_expiry),
		cmocka_unit_test(test_index_crowded_shard),
		cmocka_unit_test(test_index_dump),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
