/* Word tokeniser for enrichment: UTF-8 in, word offsets and flags out. */
#include "enrich_int.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Decodes the code point at s[i]; *w is its byte length (1 for an
 * invalid byte, which decodes as -1). */
static int32_t
cp_at(const char *s, size_t n, size_t i, size_t *w)
{
	utf8proc_int32_t c = -1;
	utf8proc_ssize_t k;

	if (i >= n) {
		*w = 0;
		return 0;
	}
	k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
	    (utf8proc_ssize_t)(n - i), &c);
	if (k <= 0) {
		*w = 1;
		return -1;
	}
	*w = (size_t)k;
	return c;
}

static bool
cp_word(int32_t c)
{
	utf8proc_category_t cat;

	if (c < 0)
		return false;
	if (c < 128)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9');
	cat = utf8proc_category(c);
	return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO;
}

static bool
cp_letter(int32_t c)
{
	utf8proc_category_t cat;

	if (c < 0)
		return false;
	cat = utf8proc_category(c);
	return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

static bool
cp_upper(int32_t c)
{
	utf8proc_category_t cat;

	if (c < 0)
		return false;
	cat = utf8proc_category(c);
	return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

bool
etok_upper_at(const char *s, size_t n)
{
	size_t w;

	return cp_upper(cp_at(s, n, 0, &w));
}

/* Opening quotation marks: “ « „ ‘ and ‹. */
static bool
cp_open_quote(int32_t c)
{
	return c == 0x201C || c == 0xAB || c == 0x201E || c == 0x2018 ||
	    c == 0x2039;
}

/* Abbreviations whose '.' ends no sentence. */
static const char *const etok_abbrevs[] = {
	"mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "sen", "rep",
	"gov", "prof", "lt", "col", "capt", "sgt", "no", "vs", "etc", "co",
	"inc", "ltd", "corp", "mt", "ft", "feb", "jan", "aug", "sept", "oct",
	"nov", "dec", "u.s", "u.k", "e.g", "i.e", "p.m", "a.m",
};

static bool
etok_abbrev(const char *text, const struct etok *k)
{
	char low[8];
	size_t i;

	if (k->len >= sizeof(low))
		return false;
	for (i = 0; i < k->len; i++) {
		char c = text[k->off + i];

		low[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
	}
	low[k->len] = '\0';
	if (k->len == 1 && text[k->off] >= 'A' && text[k->off] <= 'Z')
		return true;  /* an initial: "J. Smith" */
	for (i = 0; i < sizeof(etok_abbrevs) / sizeof(etok_abbrevs[0]); i++)
		if (strcmp(low, etok_abbrevs[i]) == 0)
			return true;
	return false;
}

static void
etok_push(struct etoks *t, struct etok k)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->v = xrealloc(t->v, t->cap * sizeof(*t->v));
	}
	t->v[t->n++] = k;
}

/* Sets the case flags of a finished word. */
static void
etok_case(const char *s, struct etok *k)
{
	size_t i = 0, w;
	int letters = 0, uppers = 0;
	int32_t c = cp_at(s + k->off, k->len, 0, &w);

	if (cp_upper(c))
		k->flags |= ETOK_CAP;
	if (c >= '0' && c <= '9')
		k->flags |= ETOK_NUM;
	while (i < k->len) {
		c = cp_at(s + k->off, k->len, i, &w);
		if (cp_letter(c)) {
			letters++;
			uppers += cp_upper(c);
		}
		i += w;
	}
	if (letters >= 2 && uppers == letters)
		k->flags |= ETOK_ALLCAP;
}

void
etok_split(const char *s, struct etoks *t)
{
	size_t n = strlen(s), i = 0, w, w2;
	unsigned next = ETOK_SENT | ETOK_PARA;
	int sent = 0;
	bool ended = false, space_before = true;

	while (i < n) {
		int32_t c = cp_at(s, n, i, &w);
		struct etok k = { 0 };

		if (!cp_word(c)) {
			if (c == '.' || c == '!' || c == '?' || c == 0x2026)
				ended = true;
			if (c == '\n') {
				ended = true;
				if (i + 1 < n && s[i + 1] == '\n')
					next |= ETOK_PARA;
			}
			if (cp_open_quote(c) || (c == '"' && space_before))
				next |= ETOK_SENT;
			space_before = (c == ' ' || c == '\n' || c == '(' ||
			    c == '[' || c == '\t');
			i += w;
			continue;
		}
		if (ended) {
			sent++;
			next |= ETOK_SENT;
			ended = false;
		}
		k.off = i;
		while (i < n) {
			c = cp_at(s, n, i, &w);
			if (cp_word(c) || (c >= 0x300 && c < 0x370)) {
				i += w;
				continue;
			}
			if (c == '\'' || c == 0x2019) {
				int32_t d = cp_at(s, n, i + w, &w2);
				size_t w3;
				int32_t e = cp_at(s, n, i + w + w2, &w3);

				if ((d == 's' || d == 'S') && !cp_word(e)) {
					k.flags |= ETOK_POSS;
					k.len = i - k.off;
					i += w + w2;
					goto done;
				}
				if (cp_letter(d)) {
					i += w;
					continue;
				}
				break;
			}
			if (c == '-' && cp_word(cp_at(s, n, i + 1, &w2))) {
				i += 1;
				continue;
			}
			if (c == '.' && cp_letter(cp_at(s, n, i + 1, &w2)) &&
			    (i - k.off == 1 || s[i - 2] == '.')) {
				i += 1;  /* U.S */
				continue;
			}
			break;
		}
		k.len = i - k.off;
done:
		k.flags |= next;
		k.sent = sent;
		etok_case(s, &k);
		next = 0;
		space_before = false;
		/* "U.S." and "Mr." keep their dot: no sentence ends there. */
		if (i < n && s[i] == '.' && etok_abbrev(s, &k)) {
			k.flags |= ETOK_ABBR;
			i++;
		}
		etok_push(t, k);
	}
}

void
etok_free(struct etoks *t)
{
	free(t->v);
	memset(t, 0, sizeof(*t));
}

char *
etok_fold(const char *s, size_t n)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t r;

	r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
	    &out, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
	if (r < 0 || out == NULL) {
		free(out);
		return xstrndup(s, n);
	}
	return (char *)out;
}

bool
etok_is(const char *text, const struct etok *k, const char *w)
{
	size_t i, n = strlen(w);

	if (k->len != n)
		return false;
	for (i = 0; i < n; i++) {
		char c = text[k->off + i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c + 32);
		if (c != w[i])
			return false;
	}
	return true;
}

/* English function words and the words that open sentences; a capitalised
 * word from this list is never a name on its own. */
static const char *const etok_stop[] = {
	"a", "about", "above", "according", "after", "again", "against",
	"all", "also", "although", "an", "and", "another", "any", "are",
	"as", "asked", "at", "be", "because", "been", "before", "being",
	"both", "but", "by", "can", "could", "despite", "did", "do", "does",
	"during", "each", "earlier", "either", "even", "every", "few", "for",
	"from", "further", "had", "has", "have", "he", "her", "here", "hers",
	"him", "his", "how", "however", "i", "if", "in", "into", "is", "it",
	"its", "just", "last", "later", "let", "many", "may", "me",
	"meanwhile", "might", "more", "most", "much", "must", "my", "neither",
	"never", "next", "no", "nor", "not", "now", "of", "off", "on",
	"once", "one", "only", "or", "other", "our", "ours", "out", "over",
	"own", "per", "perhaps", "same", "she", "should", "since", "so",
	"some", "speaking", "still", "such", "than", "that", "the", "their",
	"them", "then", "there", "these", "they", "this", "those", "though",
	"through", "to", "today", "tomorrow", "too", "two", "under", "until",
	"up", "upon", "us", "very", "was", "we", "were", "what", "when",
	"where", "whether", "which", "while", "who", "whom", "whose", "why",
	"will", "with", "within", "without", "would", "yes", "yesterday",
	"yet", "you", "your", "three", "four", "five", "first", "second",
	"new", "former", "senior", "several", "among", "amid", "between",
	"following", "instead", "indeed", "thus", "therefore", "unlike",
	"like", "read", "more", "see", "watch", "photo", "video", "image",
	"getty", "images", "updated", "published", "click", "share",
	"january", "february", "march", "april", "june", "july", "august",
	"september", "october", "november", "december", "monday", "tuesday",
	"wednesday", "thursday", "friday", "saturday", "sunday", "week",
	"month", "year", "morning", "evening", "night", "afternoon",
};

bool
etok_stopword(const char *f)
{
	size_t i;

	for (i = 0; i < sizeof(etok_stop) / sizeof(etok_stop[0]); i++)
		if (strcmp(f, etok_stop[i]) == 0)
			return true;
	return false;
}
