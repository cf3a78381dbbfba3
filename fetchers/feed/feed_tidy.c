/* Repairs made to a parsed feed, whatever its format: text that was
 * encoded as UTF-8 twice, and language tags written with an underscore.
 * Pure functions. */
#include "feed.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Decodes one UTF-8 sequence at s (valid input); returns its length. */
static size_t
feed_tidy_cp(const unsigned char *s, uint32_t *cp)
{
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xE0) == 0xC0 && (s[1] & 0xC0) == 0x80) {
		*cp = ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
		return 2;
	}
	if ((s[0] & 0xF0) == 0xE0 && (s[1] & 0xC0) == 0x80 &&
	    (s[2] & 0xC0) == 0x80) {
		*cp = ((uint32_t)(s[0] & 0x0F) << 12) |
		    ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
		return 3;
	}
	*cp = 0xFFFD;   /* four-byte or broken: never part of mojibake */
	return 1;
}

/* The byte that code point cp stands for when UTF-8 bytes were read as
 * windows-1252 (or ISO-8859-1), or -1. */
static int
feed_tidy_byte(uint32_t cp)
{
	if (cp < 0x100)
		return (int)cp;
	for (int i = 0; i < 32; i++)
		if (feed_cp1252[i] == cp)
			return 0x80 + i;
	return -1;
}

/* Text encoded as UTF-8 twice ("CafÃ©" for "Café", "â€™" for "’"):
 * when every non-ASCII character of s maps back to one byte and those
 * bytes are valid UTF-8 with at least one multi-byte character, s is
 * replaced by them. Text in Latin script written correctly does not
 * turn into valid UTF-8 that way ("é" alone is the byte E9, never a
 * sequence), so it is left alone. */
static bool
feed_tidy_once(char **sp)
{
	const unsigned char *s = (const unsigned char *)*sp;
	size_t n, i = 0, o = 0;
	bool multi = false, high = false;
	unsigned char *out;

	if (s == NULL)
		return false;
	n = strlen(*sp);
	for (size_t k = 0; k < n; k++)
		if (s[k] == 0xC3 || s[k] == 0xC2 || s[k] == 0xC5 ||
		    s[k] == 0xE2) {
			high = true;
			break;
		}
	if (!high)
		return false;
	out = xmalloc(n + 1);
	while (i < n) {
		uint32_t cp;
		int b;

		i += feed_tidy_cp(s + i, &cp);
		b = feed_tidy_byte(cp);
		if (b < 0) {
			free(out);
			return false;
		}
		out[o++] = (unsigned char)b;
	}
	out[o] = '\0';
	for (size_t k = 0; k < o; k++)
		if (out[k] >= 0x80) {
			multi = true;
			break;
		}
	if (!multi || !feed_valid_utf8(out, o) ||
	    (o > 0 && (out[o - 1] & 0xC0) == 0xC0)) {
		free(out);
		return false;
	}
	/* every byte must sit in a complete sequence */
	for (size_t k = 0; k < o;) {
		uint32_t cp;
		size_t l = feed_tidy_cp(out + k, &cp);

		if (cp == 0xFFFD && out[k] >= 0x80 &&
		    (out[k] & 0xF8) != 0xF0) {
			free(out);
			return false;
		}
		k += l;
	}
	free(*sp);
	*sp = (char *)out;
	return true;
}

/* Undoes one, two or three rounds of double encoding. */
static void
feed_tidy_twice(char **sp)
{
	for (int i = 0; i < 3 && feed_tidy_once(sp); i++)
		;
}

static void
feed_tidy_people(struct feed_person *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		feed_tidy_twice(&v[i].name);
}

static void
feed_tidy_list(struct strlist *l)
{
	for (size_t i = 0; i < l->n; i++)
		feed_tidy_twice(&l->v[i]);
}

/* xml:lang and RSS <language> as BCP 47: "en_US" is "en-US". */
static void
feed_tidy_lang(char *s)
{
	for (; s && *s; s++)
		if (*s == '_')
			*s = '-';
}

void
feed_tidy(struct feed *f)
{
	feed_tidy_twice(&f->title);
	feed_tidy_twice(&f->description);
	feed_tidy_twice(&f->copyright);
	feed_tidy_twice(&f->image.title);
	feed_tidy_people(f->authors, f->n_authors);
	feed_tidy_list(&f->categories);
	feed_tidy_lang(f->language);
}

void
feed_tidy_item(struct feed_item *it)
{
	feed_tidy_twice(&it->title);
	feed_tidy_twice(&it->description);
	feed_tidy_twice(&it->content);
	feed_tidy_people(it->authors, it->n_authors);
	feed_tidy_list(&it->categories);
}
