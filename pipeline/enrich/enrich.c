/* Normalisation of an extracted article and the enrichment that follows:
 * language, fingerprints, entities and quotes. Pure and thread-safe: no
 * state outside the article being worked on. */
#include "enrich.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "hash.h"
#include "url.h"
#include "enrich_int.h"

/* Code points that NFC leaves alone wherever they stand, beyond those
 * below U+0300: each is stable under NFC, of canonical combining class 0
 * and the second part of no canonical decomposition, so nothing before it
 * composes with it (nor is anything below U+0300 such a second part).
 * Text of these and of code points below U+0300 only is NFC already.
 * Greek from Sigma, Cyrillic, Hebrew and Arabic letters, Arabic-Indic
 * digits, general punctuation (but the two quads NFC maps to spaces),
 * currency signs, the trade mark sign, arrows and technical symbols,
 * enclosed forms, boxes and dingbats, CJK punctuation (but its tone
 * marks), kana, CJK, Hangul syllables, variation selectors, full-width
 * forms and emoji. The ranges are sorted; tests/enrich checks every code
 * point of them against utf8proc. */
static const struct {
	int32_t lo, hi;
} enrich_nfc_inert_ranges[] = {
	{ 0x03A3, 0x0482 }, { 0x0488, 0x052F }, { 0x05D0, 0x05EA },
	{ 0x0621, 0x064A }, { 0x0660, 0x0669 }, { 0x2002, 0x206F },
	{ 0x20A0, 0x20C0 }, { 0x2122, 0x2122 }, { 0x2190, 0x2328 },
	{ 0x2460, 0x2ADB }, { 0x3001, 0x3029 }, { 0x3030, 0x303F },
	{ 0x3041, 0x3096 }, { 0x309B, 0x30FF }, { 0x3220, 0xA48C },
	{ 0xAC00, 0xD7A3 }, { 0xFE00, 0xFE0F }, { 0xFF01, 0xFFBE },
	{ 0x1F300, 0x1F6D7 }, { 0x1F900, 0x1FA53 },
};

bool
enrich_nfc_inert(int32_t c)
{
	size_t lo = 0, hi = sizeof(enrich_nfc_inert_ranges) /
	    sizeof(enrich_nfc_inert_ranges[0]);

	if (c < 0x300)
		return c >= 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (c < enrich_nfc_inert_ranges[mid].lo)
			hi = mid;
		else if (c > enrich_nfc_inert_ranges[mid].hi)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

/* Folds whitespace runs of s to one space, drops control characters and
 * the invisible U+00AD, U+200B, U+2060 and U+FEFF, then composes to
 * NFC. With paras, a blank line (two or more line breaks, possibly with
 * other whitespace between) becomes exactly "\n\n" and other whitespace
 * folds to a space. Leading and trailing whitespace go. Bytes that are
 * not UTF-8 are dropped. Returns a new string. */
static char *
enrich_clean(const char *s, bool paras)
{
	size_t n = strlen(s), i = 0, o = 0;
	/* the text only shrinks: one allocation holds it */
	char *out = xmalloc(n + 1);
	int pend_nl = 0;
	bool pend_sp = false, nfc_safe = true;
	utf8proc_uint8_t *nfc;

	while (i < n) {
		utf8proc_int32_t c = (unsigned char)s[i];
		utf8proc_ssize_t k = 1;
		utf8proc_category_t cat;
		size_t r;

		if (c > 0x20 && c < 0x7F) {
			/* a run of printable ASCII but spaces, copied whole */
			for (r = i + 1; r < n && (unsigned char)s[r] > 0x20 &&
			    (unsigned char)s[r] < 0x7F; r++)
				;
			k = (utf8proc_ssize_t)(r - i);
			goto keep;
		}
		if (c == ' ') {
			pend_sp = true;
			i++;
			continue;
		}
		if (c >= 0x80)
			k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
			    (utf8proc_ssize_t)(n - i), &c);
		if (k <= 0) {
			i++;
			continue;
		}
		if (c == '\n' || c == 0x2029) {
			pend_nl++;
			i += (size_t)k;
			continue;
		}
		cat = utf8proc_category(c);
		if (c == '\t' || c == '\r' || c == '\f' || c == '\v' ||
		    c == 0x85 || cat == UTF8PROC_CATEGORY_ZS ||
		    cat == UTF8PROC_CATEGORY_ZL) {
			pend_sp = true;
			i += (size_t)k;
			continue;
		}
		/* and what a reader never sees (html_sax_invisible()) */
		if (cat == UTF8PROC_CATEGORY_CC || c == 0xFEFF ||
		    c == 0xAD || c == 0x200B || c == 0x2060) {
			i += (size_t)k;
			continue;
		}
		/* text of code points that NFC leaves alone is NFC already */
		if (nfc_safe && c >= 0x300 && !enrich_nfc_inert(c))
			nfc_safe = false;
keep:
		if (o > 0) {
			if (paras && pend_nl >= 2) {
				out[o++] = '\n';
				out[o++] = '\n';
			} else if (pend_nl > 0 || pend_sp) {
				out[o++] = ' ';
			}
		}
		pend_nl = 0;
		pend_sp = false;
		memcpy(out + o, s + i, (size_t)k);
		o += (size_t)k;
		i += (size_t)k;
	}
	out[o] = '\0';
	if (nfc_safe)
		return out;
	nfc = utf8proc_NFC((const utf8proc_uint8_t *)out);
	if (nfc == NULL)
		return out;
	free(out);
	return (char *)nfc;
}

static void
enrich_clean_field(char **f, bool paras)
{
	char *c;

	if (*f == NULL)
		return;
	c = enrich_clean(*f, paras);
	free(*f);
	*f = c;
}

static void
enrich_clean_list(struct strlist *l)
{
	size_t i, j = 0;

	for (i = 0; i < l->n; i++) {
		enrich_clean_field(&l->v[i], false);
		if (l->v[i][0] == '\0')
			free(l->v[i]);
		else
			l->v[j++] = l->v[i];
	}
	l->n = j;
}

void
enrich_normalise(struct nw_article *a)
{
	size_t i;
	char *c;

	enrich_clean_field(&a->title, false);
	enrich_clean_field(&a->subtitle, false);
	enrich_clean_field(&a->publisher, false);
	enrich_clean_field(&a->body, true);
	enrich_clean_list(&a->authors);
	enrich_clean_list(&a->people);
	enrich_clean_list(&a->organisations);
	enrich_clean_list(&a->places);
	if (a->dateline != NULL) {
		enrich_clean_field(&a->dateline->place, false);
		enrich_clean_field(&a->dateline->date, false);
		enrich_clean_field(&a->dateline->agency, false);
	}
	for (i = 0; i < a->n_images; i++) {
		enrich_clean_field(&a->images[i].caption, false);
		enrich_clean_field(&a->images[i].credit, false);
	}
	for (i = 0; i < a->n_quotes; i++) {
		enrich_clean_field(&a->quotes[i].text, false);
		enrich_clean_field(&a->quotes[i].speaker, false);
	}
	/* the page's lead picture stands in when the body has none */
	if (a->n_images == 0 && a->lead_image != NULL)
		article_add_image(a, a->lead_image, NULL, NULL);
	c = url_canonical(a->canonical_url ? a->canonical_url : a->url);
	if (c != NULL) {
		free(a->canonical_url);
		a->canonical_url = c;
	}
}

/* SplitMix64's finaliser. */
static uint64_t
enrich_mix(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

#define SIMHASH_SHINGLE 3

/* Simhash (Charikar) of the case-folded body: each run of SIMHASH_SHINGLE
 * consecutive words is hashed to 64 bits and votes +1/-1 on every bit. */
/* Adds the eight byte counters of each lane to the bit counts: lane k
 * counts bits k, k + 8, ..., k + 56, one a byte. */
static void
enrich_simhash_flush(uint64_t lanes[8], uint64_t ones[64])
{
	size_t k, b;

	for (k = 0; k < 8; k++) {
		for (b = 0; b < 8; b++)
			ones[8 * b + k] += (lanes[k] >> (8 * b)) & 0xff;
		lanes[k] = 0;
	}
}

uint64_t
enrich_simhash_toks(const char *body, const struct etoks *t)
{
	uint64_t ones[64] = { 0 }, lanes[8] = { 0 };
	uint64_t out = 0, shingles = 0;
	size_t i, j, span, batch = 0;

	(void)body;
	/* the hashes of the case-folded words (etok_split() made them),
	 * then one per shingle of them; each shingle votes +1 or -1 on
	 * every bit, counted as ones (eight at a time, in byte lanes that
	 * are emptied before they can overflow) against the shingles */
	span = t->n < SIMHASH_SHINGLE ? t->n : SIMHASH_SHINGLE;
	for (i = 0; span > 0 && i + span <= t->n; i++) {
		uint64_t h = 0;

		for (j = 0; j < span; j++)
			h = enrich_mix(h ^ t->v[i + j].hash);
		for (j = 0; j < 8; j++)
			lanes[j] += (h >> j) & 0x0101010101010101ULL;
		shingles++;
		if (++batch == 255) {
			enrich_simhash_flush(lanes, ones);
			batch = 0;
		}
	}
	enrich_simhash_flush(lanes, ones);
	/* more +1 than -1 votes */
	for (j = 0; j < 64; j++)
		if (2 * ones[j] > shingles)
			out |= 1ULL << j;
	return out;
}

uint64_t
enrich_simhash(const char *body)
{
	struct etoks t = { 0 };
	uint64_t h;

	etok_split(body, &t);
	h = enrich_simhash_toks(body, &t);
	etok_free(&t);
	return h;
}

int
enrich_hamming(uint64_t a, uint64_t b)
{
	return __builtin_popcountll(a ^ b);
}

/* Appends s unless one of the first n0 strings (those the extractor put
 * there) is s; the entity names are unique per class already. */
static void
enrich_push_unique(struct strlist *l, size_t n0, const char *s)
{
	size_t i;

	for (i = 0; i < n0; i++)
		if (strcmp(l->v[i], s) == 0)
			return;
	strlist_push(l, s);
}

void
enrich_article(struct nw_article *a)
{
	(void)enrich_article_within(a, NULL, NULL);
}

/* Whether budget b stops the work before step what (*step then what). */
static enum budget_state
enrich_stops(const struct budget *b, const char *what, const char **step)
{
	enum budget_state st = budget_left(b);

	if (st != BUDGET_LEFT && step != NULL)
		*step = what;
	return st;
}

enum budget_state
enrich_article_within(struct nw_article *a, const struct budget *b,
    const char **step)
{
	struct ent_result r = { 0 };
	const char *body = a->body ? a->body : "";
	enum budget_state st;
	size_t i, n_people, n_orgs, n_places;

	ent_tokenise(body, &r);
	{
		/* the page's statement is a hint the text's script can
		 * overrule; no language is better than a wrong one */
		const char *l = lang_detect(body, &r.toks, a->lang != NULL &&
		    a->lang[0] != '\0' ? a->lang : NULL);

		if (l != a->lang)
			article_set(&a->lang, l);
	}
	if ((st = enrich_stops(b, "the entities", step)) != BUDGET_LEFT)
		goto out;
	ent_extract(a->title, a->subtitle, body, a->lang, &r);
	if ((st = enrich_stops(b, "the fingerprints", step)) != BUDGET_LEFT)
		goto out;
	hash_sha256_hex(body, strlen(body), a->content_hash);
	a->simhash = enrich_simhash_toks(body, &r.toks);
	a->has_simhash = true;
	free(a->dup_print);
	a->dup_print = dup_print_toks(body, &r.toks, a->simhash);
	n_people = a->people.n;
	n_orgs = a->organisations.n;
	n_places = a->places.n;
	for (i = 0; i < r.names.n; i++) {
		if (r.kinds[i] == ENT_PERSON)
			enrich_push_unique(&a->people, n_people, r.names.v[i]);
		else if (r.kinds[i] == ENT_ORG)
			enrich_push_unique(&a->organisations, n_orgs,
			    r.names.v[i]);
		else
			enrich_push_unique(&a->places, n_places, r.names.v[i]);
	}
	if ((st = enrich_stops(b, "the quotes", step)) != BUDGET_LEFT)
		goto out;
	if (a->n_quotes == 0)
		quote_extract(body, &r, a);
out:
	ent_result_free(&r);
	return st;
}
