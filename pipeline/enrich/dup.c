/* Duplicate detection by sampled shingle containment; see dup.h.
 *
 * Why containment and not the simhash alone: an aeb-dev page extracted
 * from its HTML and from its `w3m -dump` rendering keeps one body with
 * different furniture around it (1.7 KB from the HTML, 9.5 KB from the
 * text for one page), and their simhashes differ by up to 36 bits. The
 * shorter body's shingles are nearly all in the longer one all the same.
 *
 * The thresholds, measured with tests/dedup/dup_probe on ../shared/corpus:
 * each of the 57 aeb-dev renderings that extract (the 58th comes out of
 * w3m as raw HTML) contains 83% to 100% of its page's samples (11 of the
 * 57 pairs are more than ENRICH_NEAR_DUP_BITS apart by simhash); between
 * any two of the 390 distinct pages, and between a page and another
 * page's rendering, the highest containment is 7% (of 28 samples).
 * DUP_CONTAIN_PCT = 50 sits between the two with a wide margin on both
 * sides; DUP_MIN_SAMPLES = 4 (some 32 shingles, a paragraph) keeps a
 * shared sentence or two of boilerplate from deciding. The limit of the
 * rule: a short article quoted whole inside a longer one is its
 * duplicate, as containment cannot tell a quotation from a copy.
 *
 * Cost: the print reuses the words enrich_article() split; on the corpus
 * it takes at most 3.5% of the pipeline's CPU time (dup_probe times it
 * with the words split again, an upper bound). */
#include "dup.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "enrich.h"
#include "enrich_int.h"

#define DUP_SHINGLE_SEED 0x9e3779b97f4a7c15ULL

static uint64_t
dup_mix(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	x ^= x >> 31;
	return x;
}

uint64_t *
dup_radix_sort(uint64_t *v, uint64_t *tmp, size_t n, int bits)
{
	uint64_t *src = v, *dst = tmp, *x;
	size_t count[256], i;

	for (int shift = 0; shift < bits; shift += 8) {
		size_t sum = 0;

		memset(count, 0, sizeof(count));
		for (i = 0; i < n; i++)
			count[(src[i] >> shift) & 0xff]++;
		for (i = 0; i < 256; i++) {
			size_t c = count[i];

			count[i] = sum;
			sum += c;
		}
		for (i = 0; i < n; i++)
			dst[count[(src[i] >> shift) & 0xff]++] = src[i];
		x = src;
		src = dst;
		dst = x;
	}
	return src;
}

/* Sorts v[0, n) ascending, without the comparison calls of qsort(). */
static void
dup_sort64(uint64_t *v, size_t n)
{
	uint64_t *tmp;

	if (n < 2)
		return;
	tmp = xmalloc(n * sizeof(*tmp));
	/* eight passes: the sorted values are back in v */
	dup_radix_sort(v, tmp, n, 64);
	free(tmp);
}

/* Writes v as 16 lower-case hex digits at o. */
static void
dup_put_hex64(char *o, uint64_t v)
{
	static const char hex[] = "0123456789abcdef";
	int i;

	for (i = 15; i >= 0; i--) {
		o[i] = hex[v & 0xf];
		v >>= 4;
	}
}

static char *
dup_serialise(const struct dup_print *p)
{
	struct buf b = { 0 };

	buf_printf(&b, "d1 %016" PRIx64 " %016" PRIx64 " %" PRIu32 " ",
	    p->simhash, p->limit, p->shingles);
	buf_reserve(&b, 16 * p->n);
	for (size_t i = 0; i < p->n; i++) {
		dup_put_hex64(b.p + b.len, p->h[i]);
		b.len += 16;
	}
	b.p[b.len] = '\0';
	return buf_take(&b);
}

char *
dup_print_toks(const char *body, const struct etoks *t, uint64_t simhash)
{
	struct dup_print p = { .simhash = simhash, .limit = UINT64_MAX };
	size_t i, j, span, m = 0;
	char *out;

	(void)body;
	/* the words' hashes: etok_hash() of their folded forms, which
	 * etok_split() made (FNV-1a mixed by dup_mix()'s finaliser) */
	span = t->n < DUP_SHINGLE ? t->n : DUP_SHINGLE;
	p.h = xmalloc((t->n + 1) * sizeof(*p.h));
	for (i = 0; span > 0 && i + span <= t->n; i++) {
		uint64_t h = DUP_SHINGLE_SEED;

		for (j = 0; j < span; j++)
			h = dup_mix(h ^ t->v[i + j].hash);
		p.shingles++;
		if (h % DUP_SAMPLE == 0)
			p.h[m++] = h;
	}
	dup_sort64(p.h, m);
	for (i = 0; i < m; i++)
		if (p.n == 0 || p.h[p.n - 1] != p.h[i])
			p.h[p.n++] = p.h[i];
	if (p.n > DUP_MAX_SAMPLES) {
		p.n = DUP_MAX_SAMPLES;
		p.limit = p.h[p.n - 1];
	}
	out = dup_serialise(&p);
	free(p.h);
	return out;
}

char *
dup_print_text(const char *text)
{
	struct etoks t = { 0 };
	char *out;

	etok_split(text, &t);
	out = dup_print_toks(text, &t, enrich_simhash_toks(text, &t));
	etok_free(&t);
	return out;
}

static int
dup_hex64(const char *s, uint64_t *v)
{
	uint64_t x = 0;

	for (int i = 0; i < 16; i++) {
		int c = (unsigned char)s[i], d;

		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else
			return -1;
		x = (x << 4) | (uint64_t)d;
	}
	*v = x;
	return 0;
}

int
dup_print_parse(const char *s, struct dup_print *p)
{
	const char *q;
	char *end;
	unsigned long sh;
	size_t len;

	memset(p, 0, sizeof(*p));
	if (s == NULL || strncmp(s, "d1 ", 3) != 0 || strlen(s) < 38 ||
	    dup_hex64(s + 3, &p->simhash) != 0 || s[19] != ' ' ||
	    dup_hex64(s + 20, &p->limit) != 0 || s[36] != ' ')
		goto err;
	q = s + 37;
	if (*q < '0' || *q > '9')
		goto err;
	sh = strtoul(q, &end, 10);
	if (*end != ' ' || sh > UINT32_MAX)
		goto err;
	p->shingles = (uint32_t)sh;
	q = end + 1;
	len = strlen(q);
	if (len % 16 != 0 || len / 16 > DUP_MAX_SAMPLES)
		goto err;
	p->h = xmalloc((len / 16 + 1) * sizeof(*p->h));
	for (p->n = 0; p->n < len / 16; p->n++) {
		if (dup_hex64(q + 16 * p->n, &p->h[p->n]) != 0 ||
		    (p->n > 0 && p->h[p->n] <= p->h[p->n - 1]))
			goto err;
	}
	return 0;
err:
	dup_print_release(p);
	return -1;
}

void
dup_print_release(struct dup_print *p)
{
	free(p->h);
	memset(p, 0, sizeof(*p));
}

size_t
dup_print_below(const struct dup_print *s, uint64_t lim)
{
	size_t lo = 0, hi = s->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->h[mid] <= lim)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The shorter of a and b into *s, the other into *l; the limit below
 * which both samples are complete into *lim and the number of the
 * shorter's samples under it into *n. */
static void
dup_order(const struct dup_print *a, const struct dup_print *b,
    const struct dup_print **s, const struct dup_print **l, uint64_t *lim,
    size_t *n)
{
	if (a->shingles < b->shingles ||
	    (a->shingles == b->shingles && a->n <= b->n)) {
		*s = a;
		*l = b;
	} else {
		*s = b;
		*l = a;
	}
	*lim = a->limit < b->limit ? a->limit : b->limit;
	*n = dup_print_below(*s, *lim);
}

int
dup_containment(const struct dup_print *a, const struct dup_print *b,
    size_t *samples)
{
	const struct dup_print *s, *l;
	uint64_t lim;
	size_t n, i = 0, j = 0, c = 0;

	dup_order(a, b, &s, &l, &lim, &n);
	if (samples != NULL)
		*samples = n;
	if (n == 0)
		return 0;
	while (i < n && j < l->n) {
		if (s->h[i] < l->h[j]) {
			i++;
		} else if (s->h[i] > l->h[j]) {
			j++;
		} else {
			c++;
			i++;
			j++;
		}
	}
	return (int)(c * 100 / n);
}

int
dup_same(const struct dup_print *a, const struct dup_print *b)
{
	size_t n;
	int pct = dup_containment(a, b, &n);

	if (n >= DUP_MIN_SAMPLES)
		return pct >= DUP_CONTAIN_PCT;
	return n > 0 && pct == 100 &&
	    enrich_hamming(a->simhash, b->simhash) <= ENRICH_NEAR_DUP_BITS;
}

/* The packed form: a version byte, the simhash, the limit, the shingle
 * count, the sample count (16 bits) and the samples, little-endian: 23
 * bytes and 8 a sample, half the text's, and read without parsing. */
#define DUP_PACK_HEAD 23

static void
dup_le_put(uint8_t *p, uint64_t v, int bytes)
{
	for (int i = 0; i < bytes; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static uint64_t
dup_le_get(const uint8_t *p, int bytes)
{
	uint64_t v = 0;

	for (int i = bytes - 1; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

void *
dup_print_pack(const char *print, size_t *len)
{
	struct dup_print p;
	uint8_t *b;

	*len = 0;
	if (dup_print_parse(print, &p) != 0)
		return NULL;
	*len = DUP_PACK_HEAD + 8 * p.n;
	b = xmalloc(*len);
	b[0] = DUP_PACK_VERSION;
	dup_le_put(b + 1, p.simhash, 8);
	dup_le_put(b + 9, p.limit, 8);
	dup_le_put(b + 17, p.shingles, 4);
	dup_le_put(b + 21, p.n, 2);
	for (size_t i = 0; i < p.n; i++)
		dup_le_put(b + DUP_PACK_HEAD + 8 * i, p.h[i], 8);
	dup_print_release(&p);
	return b;
}

int
dup_print_unpack(const void *packed, size_t len, struct dup_print *p,
    uint64_t *h)
{
	const uint8_t *b = packed;
	size_t n;

	memset(p, 0, sizeof(*p));
	if (b == NULL || len < DUP_PACK_HEAD || b[0] != DUP_PACK_VERSION)
		return -1;
	n = (size_t)dup_le_get(b + 21, 2);
	if (n > DUP_MAX_SAMPLES || len != DUP_PACK_HEAD + 8 * n)
		return -1;
	p->simhash = dup_le_get(b + 1, 8);
	p->limit = dup_le_get(b + 9, 8);
	p->shingles = (uint32_t)dup_le_get(b + 17, 4);
	p->h = h;
	for (p->n = 0; p->n < n; p->n++) {
		h[p->n] = dup_le_get(b + DUP_PACK_HEAD + 8 * p->n, 8);
		if (p->n > 0 && h[p->n] <= h[p->n - 1]) {
			memset(p, 0, sizeof(*p));
			return -1;
		}
	}
	return 0;
}
