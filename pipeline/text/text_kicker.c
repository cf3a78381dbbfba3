/* The kicker glued before a dump's headline ("Kicker: Title"), found by
 * its copy elsewhere in the dump and dropped (split from
 * text_header.c). */
#include "text_blocks.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "text_util.h"

/* Words of a kicker glued to the headline, at most. */
#define TEXT_KICKER_WORDS 4

/* The separators that join a kicker to its headline in another copy
 * of the pair ("Kicker: Title", "Kicker - Title"; a colon before a
 * no-break space, which the renderer keeps). */
static const char *const text_kicker_seps[] = {
	": ", ":\xc2\xa0", " : ", " - ", " \xe2\x80\x93 ",
	" \xe2\x80\x94 ",
};

/* The separator at s among text_kicker_seps, its length, or 0. */
static size_t
text_kicker_sep(const char *s)
{
	for (size_t i = 0; i < sizeof(text_kicker_seps) /
	    sizeof(text_kicker_seps[0]); i++) {
		size_t k = strlen(text_kicker_seps[i]);

		if (strncmp(s, text_kicker_seps[i], k) == 0)
			return k;
	}
	return 0;
}

/* True when o holds the kicker k (kl bytes) at a word's edge with a
 * separator after it, where the headline glues k to its rest with a
 * bare space (g, gl bytes: "Kind krank Was Arbeitgeber ..." and the
 * crumb "Kind krank: Was Arbeitgeber wissen müssen"), or where o is
 * the same pair set apart another way ("Abstandsregeln und
 * Fieberkontrollen : Wie Firmen ..." and "Abstandsregeln und
 * Fieberkontrollen: Wie Firmen ..."). A kicker with its colon paired
 * with another line ("Burgenland: Best of ..." and "Burgenland: ..."
 * over another wine) is a topic the headline keeps. */
static bool
text_kicker_elsewhere(const char *o, const char *k, size_t kl,
    const char *g, size_t gl, const char *rest)
{
	for (const char *p = strstr(o, k); p != NULL;
	    p = strstr(p + 1, k)) {
		size_t sl;

		if (p > o && (isalnum((unsigned char)p[-1]) ||
		    (unsigned char)p[-1] >= 0x80))
			continue;
		sl = text_kicker_sep(p + kl);
		if (sl == 0)
			continue;
		if (gl == 1 || ((sl != gl || strncmp(p + kl, g, gl) != 0) &&
		    strncmp(p + kl + sl, rest, strlen(rest)) == 0))
			return true;
	}
	return false;
}

/* True when an item of d other than h, of a headline's size at most,
 * holds the kicker that is h's first kl bytes, glued to the rest by
 * the gl bytes after it, elsewhere (text_kicker_elsewhere()). */
static bool
text_kicker_seen(const struct text_doc *d, size_t h, size_t kl, size_t gl)
{
	const char *s = d->items[h].s;
	char *k = xstrndup(s, kl);
	bool hit = false;

	for (size_t i = 0; i < d->n && !hit; i++) {
		const struct text_item *o = &d->items[i];

		if (i != h && o->words <= TEXT_TITLE_MAX_WORDS &&
		    strcmp(o->s, s) != 0)
			hit = text_kicker_elsewhere(o->s, k, kl, s + kl, gl,
			    s + kl + gl);
	}
	free(k);
	return hit;
}

/* Drops a kicker that opens the headline h (one to four words, glued
 * by a space, ": " or " : ") where another short item of the dump
 * holds the kicker with a separator after it, paired with something
 * else or set apart another way ("Grenzschließungen Deutschland, ..."
 * and "Mehr zu: Grenzschließungen - Deutschland, ..."): the kicker is
 * a label of its own element, which the renderer glued to the
 * headline's. */
void
text_drop_kicker(struct text_doc *d, size_t h)
{
	struct text_item *it = &d->items[h];
	char *s = it->s;
	size_t e = 0, kl = 0, gl = 0;
	const char *rest;

	if (!text_starts_upper(s))
		return;
	for (int w = 1; w <= TEXT_KICKER_WORDS; w++, e++) {
		e += strcspn(s + e, " ");
		if (s[e] == '\0')
			return;
		kl = s[e - 1] == ':' ? e - 1 : e;
		gl = s[kl] == ':' ? 2 : strncmp(s + kl, " : ", 3) == 0 ? 3 : 1;
		rest = s + kl + gl;
		if (kl > 0 && rest[strcspn(rest, " ") - 1] != ':' &&
		    (isalnum((unsigned char)s[kl - 1]) ||
		    (unsigned char)s[kl - 1] >= 0x80) &&
		    words_in(rest, strlen(rest)) >= 3 &&
		    text_starts_upper(rest) &&
		    text_kicker_seen(d, h, kl, gl))
			break;
		if (w == TEXT_KICKER_WORDS)
			return;
	}
	for (size_t j = 0; j < kl + gl && it->width > 0; j++)
		it->width -= (s[j] & 0xc0) != 0x80;
	it->words -= (int)words_in(s, kl + gl);
	memmove(s, s + kl + gl, strlen(s + kl + gl) + 1);
}
