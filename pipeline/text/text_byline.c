/* Bylines of a classified text dump: the name a dated line gives
 * ("Posted 11. April 2018 by Jane Doe", "Jane Doe 19.10.2019"), and a
 * strong byline (a prefix, "By", "Von", "Text:", or a dated line with a
 * name) just over the headline, at the top of the body region or just
 * under it, where the header holds none. */
#include "text_blocks.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../date.h"
#include "util.h"
#include "text_util.h"

/* Items from the headline, from the region's top and from its end that
 * are looked at for a byline the header does not hold. */
#define TEXT_BYLINE_ABOVE 4
#define TEXT_BYLINE_TOP 2
#define TEXT_BYLINE_UNDER 4
/* Items under the region looked at for a prefixed byline, at most. */
#define TEXT_BYLINE_FAR 20
/* Words of a labelled byline in the body, at most ("Autorin: Uta
 * Staschewski, Projektleiterin der HSS in Tunesien."). */
#define TEXT_COLON_BYLINE_WORDS 12
/* Capitalised words of a name read next to a date, at most. */
#define TEXT_NAME_RUN_MAX 3
/* Bytes of a date's label between a name and its date, at most
 * ("Zuletzt ge\xc3\xa4ndert am "). */
#define TEXT_DATE_LABEL_BYTES 32
/* Items over the headline looked at for its date line, nearest first. */
#define TEXT_DATE_ABOVE 2
/* Words of such a date line, at most (more: a teaser with its date). */
#define TEXT_DATE_ABOVE_WORDS 10
/* Bytes before the date that opens the lead ("PUBLISHED: ", "Red. / "),
 * at most. */
#define TEXT_LEAD_DATE_AT 12
/* Bytes of a user's handle after a byline's word, at most. */
#define TEXT_HANDLE_MAX 24

/* True when the word s[0..n) is an initial ("C.", "H."). */
static bool
text_is_initial(const char *s, size_t n)
{
	return n == 2 && s[1] == '.' && text_starts_upper(s);
}

/* True when the particle w[0..n) is an article ("der", "den") that a
 * name holds only after another particle ("Ursula von der Leyen", "Jan
 * van den Berg"): after a capitalised word it opens a phrase ("Aus der
 * Region"). */
static bool
text_article_particle(const char *w, size_t n)
{
	return (n == 3 && (strncmp(w, "der", 3) == 0 ||
	    strncmp(w, "den", 3) == 0));
}

static bool text_date_label(const char *s, size_t n);

/* The byte length of the name that opens p: capitalised words and the
 * particles between them ("Walter von Aachen"), up to a word that ends
 * with a mark (',', '|'), before a label ("Kategorien:") or a word
 * that is not a name's. Of three
 * capitalised words followed by more, only two are the name ("Sarah
 * Schnieder Reiterrevue International", "Jane Doe Schreibe einen
 * Kommentar"), unless the third is an initial ("Nicolas Gutierrez C.").
 * At most max capitalised words are taken (the rest, a section's name
 * after it: "Jane Doe Kultur"). Sets *words to the words taken. */
static size_t
text_name_run(const char *p, int max, int *words)
{
	size_t pos = 0, end = 0, two = 0;
	int caps = 0, n = 0, at_two = 0, initials = 0, lead = 0;
	bool after_particle = false;

	*words = 0;
	for (;;) {
		const char *w = p + pos;
		size_t k = strcspn(w, " "), e = k;
		bool marked;

		while (e > 0 && strchr(",:;|", w[e - 1]) != NULL)
			e--;
		marked = e < k;
		/* a label ("Kategorien:", "Ver\xc3\xb6""ffentlicht am") is no
		 * part of a name */
		if (e == 0 || w[k - 1] == ':' ||
		    strcspn(w, "0123456789@/[]()") < e ||
		    (caps > 0 && text_date_label(w, e)))
			break;
		n++;
		if (text_starts_upper(w)) {
			caps++;
			initials += caps <= 2 && text_is_initial(w, e);
			after_particle = false;
		} else if (caps == 0 || !text_name_particle(w, e) ||
		    (text_article_particle(w, e) && !after_particle)) {
			break;
		} else {
			after_particle = true;
		}
		/* two initials open a name of a word more ("T. V. Raman
		 * at 2:33 PM"): alone they are none */
		if (caps == max + 1 + lead ||
		    (caps == TEXT_NAME_RUN_MAX + lead &&
		    text_starts_upper(w) && !text_is_initial(w, e) &&
		    !marked && w[k] == ' ')) {
			*words = at_two;
			return two;
		}
		if (caps == 2 && initials == 2)
			lead = 1;
		if (text_starts_upper(w)) {
			end = pos + e;
			*words = n;
			if (caps == 2 + lead) {
				two = end;
				at_two = n;
			}
		}
		if (marked || w[k] == '\0')
			break;
		pos += k + 1;
	}
	return end;
}

/* True when s[0..n) joins words with "and" ("Recht & Gesetz": a
 * section's name, not one person's). */
static bool
text_has_conjunction(const char *s, size_t n)
{
	static const char *const ands[] = {
		" and ", " und ", " et ", " y ", " e ", " & ",
	};

	char *w = xstrndup(s, n);
	bool r = false;

	for (size_t i = 0; !r && i < sizeof(ands) / sizeof(ands[0]); i++)
		r = strstr(w, ands[i]) != NULL;
	free(w);
	return r;
}

/* Bytes of s looked at for a glued prefix, at most. */
#define TEXT_GLUED_MAX 24

char *
text_unglued(const char *s)
{
	size_t i = 1, w = 0;
	char *u;

	/* the first small letter followed by a capital, in the opening
	 * bytes: where a label ends and its link's text starts */
	while (i < TEXT_GLUED_MAX && s[i] != '\0' &&
	    !(islower((unsigned char)s[i - 1]) && text_starts_upper(s + i))) {
		if (s[i] == ' ')
			w = i + 1;
		i++;
	}
	/* a lone prefix of two letters glued is a name's ("DiCaprio",
	 * "AfD") */
	if (i >= TEXT_GLUED_MAX || s[i] == '\0' || (w == 0 && i < 3))
		return NULL;
	u = xmalloc(strlen(s) + 2);
	memcpy(u, s, i);
	u[i] = ' ';
	strcpy(u + i + 1, s + i);
	if (text_byline_prefix(u) != i + 1) {
		free(u);
		return NULL;
	}
	return u;
}

size_t
text_placeholder_len(const char *s)
{
	size_t n = strcspn(s, "] ");

	return s[0] == '[' && n > 1 && s[n] == ']' && s[n + 1] == ' ' &&
	    s[n + 2] != '\0' ? n + 2 : 0;
}

size_t
text_role_name(const char *s, int words)
{
	static const char *const roles[] = {
		"editor", "correspondent", "reporter", "writer", "columnist",
		"journalist", "producer", "analyst", "photographer",
		"redakteur", "redakteurin", "korrespondent",
		"korrespondentin", "journaliste", "r\xc3\xa9""dacteur",
	};
	const char *last = strrchr(s, ' '), *p = s;
	char head[128];
	size_t n;
	int k = 0;

	if (words < 3 || words > 4 || last == NULL)
		return 0;
	for (size_t i = 0; i < sizeof(roles) / sizeof(roles[0]); i++)
		k += strcmp(last + 1, roles[i]) == 0;
	/* the name's two words; a third, capitalised, is the desk
	 * ("Education") */
	for (int w = 0; k > 0 && w < 2; w++) {
		p = strchr(p, ' ');
		if (p == NULL)
			return 0;
		p++;
	}
	n = (size_t)(p - s - 1);
	if (k == 0 || n >= sizeof(head) ||
	    (words == 4 && !text_starts_upper(p)))
		return 0;
	memcpy(head, s, n);
	head[n] = '\0';
	return text_is_byline(head, 2) ? n : 0;
}

/* True when s opens with a byline's prefix glued to a name
 * (text_unglued()) and reads as a byline once parted. */
static bool
text_glued_byline(const char *s, int words)
{
	char *u = text_unglued(s);
	bool r = u != NULL && text_is_byline(u, words + 1);

	free(u);
	return r;
}

bool
text_strong_byline(const struct text_item *it)
{
	size_t len = 0;
	int words;

	/* the byline after a picture's placeholder ("[e3d6...?s=96] By
	 * Alejandro Villamor") */
	if (text_placeholder_len(it->s) > 0 && it->words > 1) {
		struct text_item t = *it;

		t.s += text_placeholder_len(it->s);
		t.words--;
		return text_strong_byline(&t);
	}
	if (it->datelike)
		text_dated_name(it->s, &len, &words);
	return len > 0 || (text_byline_prefix(it->s) > 0 &&
	    text_is_byline(it->s, it->words)) || text_bar_name(it) > 0 ||
	    text_glued_byline(it->s, it->words);
}

/* True when it is a byline set off by a bar: a name, " | ", and a date
 * or a relative time ("Jacobo Betancur Peláez | Publicado hace 3
 * horas"), the name perhaps followed by a time ("Patrick Danowski
 * 06 PM | 18 Mai"), which is no headline. A comma in the name's part is a
 * place or a desk's ("New Delhi, News Nation Bureau | Updated ..."). */
bool
text_bar_byline(const struct text_item *it)
{
	return text_bar_name(it) > 0;
}

size_t
text_bar_name(const struct text_item *it)
{
	const char *bar = strstr(it->s, " | ");
	char name[128];
	size_t n;
	int words = 1;

	if (bar == NULL || strpbrk(bar + 3, "0123456789") == NULL)
		return 0;
	n = (size_t)(bar - it->s);
	/* the name then the time ("Patrick Danowski   06 PM | 18 Mai") */
	for (size_t i = 1; i < n; i++)
		if (it->s[i - 1] == ' ' && isdigit((unsigned char)it->s[i])) {
			n = i;
			break;
		}
	while (n > 0 && it->s[n - 1] == ' ')
		n--;
	/* "New Delhi, News Nation Bureau | Updated ...": a place and a
	 * desk */
	if (n == 0 || n >= sizeof(name) || memchr(it->s, ',', n) != NULL)
		return 0;
	memcpy(name, it->s, n);
	name[n] = '\0';
	for (size_t i = 0; i < n; i++)
		words += name[i] == ' ';
	return text_is_byline(name, words) ? n : 0;
}

bool
text_ends_by_label(const char *s)
{
	const char *w = strrchr(s, ' ');
	char buf[32];
	size_t n;

	/* a colon set apart ("By :") */
	if (w != NULL && strcmp(w, " :") == 0) {
		char *c = xstrndup(s, (size_t)(w - s));
		bool r = text_ends_by_label(c);

		free(c);
		return r;
	}
	w = w == NULL ? s : w + 1;
	n = strlen(w);
	if (n + 2 > sizeof(buf))
		return false;
	memcpy(buf, w, n);
	buf[n] = ' ';
	buf[n + 1] = '\0';
	return text_byline_prefix(buf) == n + 1;
}

/* True when item it is a strong byline (text_strong_byline()) that the
 * classifier left free or took for a line of the body's furniture, or,
 * in the header (header true), for a caption or the site's furniture. */
static bool
text_prefixed_byline(const struct text_item *it, bool header)
{
	return (it->kind == TEXT_OTHER || it->kind == TEXT_RELATED ||
	    it->kind == TEXT_FOOTER || it->kind == TEXT_BODY ||
	    it->kind == TEXT_DATE || (header && (it->kind == TEXT_CAPTION ||
	    it->kind == TEXT_CHROME))) && !it->bodylike &&
	    text_strong_byline(it);
}

bool
text_labelled_name(const struct text_doc *d, size_t i)
{
	const struct text_item *it = &d->items[i];

	return i > 0 && d->items[i - 1].words <= 2 &&
	    text_ends_by_label(d->items[i - 1].s) &&
	    !it->chrome && !it->datelike &&
	    it->words >= 2 && it->words <= 4 &&
	    text_is_byline(it->s, it->words);
}

/* True when item i is a name under a short byline's label that the
 * classifier left free (text_labelled_name()). */
static bool
text_split_byline(const struct text_doc *d, size_t i)
{
	return d->items[i].kind == TEXT_OTHER && text_labelled_name(d, i);
}

/* True when the byte c may stand next to a word (not a letter, a digit
 * or a byte of a multi-byte character). */
static bool
text_word_edge(unsigned char c)
{
	return c < 0x80 && !isalnum(c);
}

/* True when the folded text f holds the folded word w[0..n) whole. */
static bool
text_holds_whole(const char *f, const char *w, size_t n)
{
	char *k = xstrndup(w, n);
	bool r = false;

	for (const char *q = strstr(f, k); !r && q != NULL;
	    q = strstr(q + 1, k))
		r = (q == f || text_word_edge((unsigned char)q[-1])) &&
		    text_word_edge((unsigned char)q[n]);
	free(k);
	return r;
}

/* True when a paragraph of the region other than item i holds a word
 * of item i of three bytes or more, in any case, or, where all is true,
 * each of them: the article speaks of it ("Leasing von
 * Firmenfahrzeugen", "Recent Findings": a heading of the body's), where
 * its author is no one it speaks of. */
static bool
text_body_speaks_of(const struct text_doc *d, size_t i, bool all)
{
	char *f = text_fold(d->items[i].s);
	bool r = false;

	for (size_t j = d->body_start; !r && j < d->body_end && j < d->n;
	    j++) {
		char *b;
		int held = 0, words = 0;

		/* a bio opens with the name ("Edward Russell is a Senior
		 * Aviation Business Reporter"): its author's */
		if (j == i || d->items[j].kind != TEXT_BODY ||
		    strncmp(d->items[j].s, d->items[i].s,
		    strlen(d->items[i].s)) == 0)
			continue;
		b = text_fold(d->items[j].s);
		for (const char *w = f; *w != '\0';) {
			size_t n = strcspn(w, " ");

			if (n >= 3) {
				words++;
				held += text_holds_whole(b, w, n);
			}
			w += n + (w[n] == ' ');
		}
		r = held > 0 && (!all || held == words);
		free(b);
	}
	free(f);
	return r;
}

/* True when item i, no list's entry, heads a list whose first entry
 * opens with no date ("Recent Comments" over "\xe2\x80\xa2 Gernot
 * Gauper: Ich bin ...", "Hide Images" over a recipe's steps): a box's
 * or a control's heading. A list of dated facts under a name ("Zac
 * Hall" over "- Nov. 18th 2019 12:12 pm PT") is the byline's. */
static bool
text_heads_list(const struct text_doc *d, size_t i)
{
	const struct text_item *next = i + 1 < d->n ? &d->items[i + 1] :
	    NULL;
	struct nw_time t;
	size_t at, span;

	return !d->items[i].bullet && next != NULL && next->bullet &&
	    (date_find(next->s, strlen(next->s), &t, &at, &span) != 0 ||
	    at > 0);
}

/* True when item i is a bare byline, a name alone (no prefix, picture
 * or role with it: "Link Copied", "Radical Dips"), that the article
 * speaks of (text_body_speaks_of()): a heading of the page's. */
static bool
text_bare_heading(const struct text_doc *d, size_t i)
{
	const struct text_item *it = &d->items[i];

	return text_byline_prefix(it->s) == 0 &&
	    text_placeholder_len(it->s) == 0 &&
	    text_role_name(it->s, it->words) == 0 &&
	    text_is_byline(it->s, it->words) &&
	    (text_body_speaks_of(d, i, true) || text_heads_list(d, i));
}

/* True when item i is a bare name of two or three words in the body
 * ("Marie R\xc3\xb6vekamp" under the standfirst) that the article does
 * not speak of (text_body_speaks_of()). */
static bool
text_top_name(const struct text_doc *d, size_t i)
{
	const struct text_item *it = &d->items[i];

	return it->kind == TEXT_BODY && !it->bodylike && !it->bullet &&
	    !it->datelike && !it->chrome && it->words >= 2 &&
	    it->words <= 3 && text_is_byline(it->s, it->words) &&
	    !text_body_speaks_of(d, i, false);
}

/* True when item i is a bare name of two or three words under a short
 * date line, a list's entry too ("\xe2\x80\xa2 25. Juli 2019",
 * "\xe2\x80\xa2 Isabella Beyer": the header's facts). */
static bool
text_dated_bare_name(const struct text_doc *d, size_t i)
{
	const struct text_item *it = &d->items[i];
	const struct text_item *up = i > 0 ? &d->items[i - 1] : NULL;
	struct nw_time t;
	size_t at, span;

	/* the line over it a date's ("AMP Contributor Summit 2019" names
	 * a year's event: no date) */
	if (up == NULL || !up->datelike || up->words > 4 ||
	    date_find(up->s, strlen(up->s), &t, &at, &span) != 0 ||
	    text_date_in_name(up->s, at, span))
		return false;
	return it->kind == TEXT_OTHER && !it->bodylike &&
	    !it->datelike && !it->chrome && it->words >= 2 &&
	    it->words <= 3 && text_is_byline(it->s, it->words);
}

/* True when item it is a short line of the body that opens with a
 * byline's label ending in a colon ("Autor: ", "Text: ") and a name. */
static bool
text_colon_byline(const struct text_item *it)
{
	size_t k = text_byline_prefix(it->s);

	return it->kind == TEXT_BODY && k > 2 && it->s[k - 2] == ':' &&
	    it->words <= TEXT_COLON_BYLINE_WORDS &&
	    text_is_byline(it->s, it->words);
}

/* Where no byline was found: the last line over the headline t that
 * names a person after a byline's word and gives a date ("Posted 11.
 * April 2018 by Walter von Aachen", "von Marc Scheloske | 20. Mai
 * 2007 | Ergebnisse"), the headline perhaps taken too low. */
static void
text_dated_byline_above(struct text_doc *d, size_t t)
{
	for (size_t i = t; i > 0; i--) {
		struct text_item *it = &d->items[i - 1];
		size_t len, off;
		int words;

		if (!it->datelike || it->kind != TEXT_DATE)
			continue;
		off = text_dated_name(it->s, &len, &words);
		/* "Nutzung von Warn- und Informationsdiensten": no one */
		if (len > 0 && text_named_by_word(it->s, off) && words >= 2 &&
		    !text_has_conjunction(it->s + off, len)) {
			it->kind = TEXT_BYLINE;
			return;
		}
	}
}

/* Marks the first prefixed byline of items lo..hi, or the name of a
 * byline split under its label; true when one was. Around the headline
 * (header true), a caption or furniture may be one too. */
static bool
text_byline_in(struct text_doc *d, size_t lo, size_t hi, bool header)
{
	for (size_t i = lo; i < hi && i < d->n; i++)
		if (text_prefixed_byline(&d->items[i], header) ||
		    text_split_byline(d, i)) {
			d->items[i].kind = TEXT_BYLINE;
			return true;
		}
	return false;
}

void
text_far_bylines(struct text_doc *d)
{
	size_t t = d->title < d->n ? d->title : d->body_start;
	bool bare = false;

	for (size_t i = 0; i < d->n; i++) {
		if (d->items[i].kind != TEXT_BYLINE)
			continue;
		if (text_strong_byline(&d->items[i]))
			return;
		if (text_bare_heading(d, i)) {
			d->items[i].kind = TEXT_OTHER;
			continue;
		}
		bare = true;
	}
	/* the header's own lines that the classifier took for a caption
	 * or furniture ("Von Jan Kupitz | Oct 24, 2023 | Zuletzt
	 * ge\xc3\xa4ndert: ...") */
	if (t < d->body_start && text_byline_in(d, t + 1, d->body_start,
	    true))
		return;
	if (text_byline_in(d, t > TEXT_BYLINE_ABOVE ? t - TEXT_BYLINE_ABOVE :
	    0, t, true))
		return;
	if (text_byline_in(d, d->body_start, d->body_start + TEXT_BYLINE_TOP,
	    false))
		return;
	/* a bare name among the region's first items, where the header
	 * holds no byline: the renderer set it apart from the header */
	for (size_t i = d->body_start; !bare && i < d->n &&
	    i < d->body_start + TEXT_BYLINE_TOP; i++)
		if (text_top_name(d, i)) {
			d->items[i].kind = TEXT_BYLINE;
			return;
		}
	/* a bare name under a date line over the headline ("25. Juli
	 * 2019" over "Isabella Beyer") */
	for (size_t i = t > TEXT_BYLINE_ABOVE ? t - TEXT_BYLINE_ABOVE : 0;
	    !bare && i < t; i++)
		if (text_dated_bare_name(d, i)) {
			d->items[i].kind = TEXT_BYLINE;
			return;
		}
	/* the header's bare name is nearer than a line under the body */
	if (bare || text_byline_in(d, d->body_end, d->body_end +
	    TEXT_BYLINE_UNDER, false))
		return;
	/* in the body, a short line that opens with a byline's label and
	 * its colon ("Autorin: Uta Staschewski, Projektleiterin der HSS
	 * in Tunesien."): a signature, though it ends like a sentence */
	for (size_t i = d->body_start; i < d->body_end && i < d->n; i++)
		if (text_colon_byline(&d->items[i])) {
			d->items[i].kind = TEXT_BYLINE;
			return;
		}
	/* further down, a line that opens with a byline's prefix ("Text:
	 * Ursula Eggers", "Erstellt von Andri Bryner"), a signature after
	 * the article's furniture, up to the comments */
	for (size_t i = d->body_end + TEXT_BYLINE_UNDER; i < d->n &&
	    i < d->body_end + TEXT_BYLINE_FAR; i++) {
		struct text_item *it = &d->items[i];

		if (it->section_end)
			return;
		if ((text_byline_prefix(it->s) > 0 ||
		    text_glued_byline(it->s, it->words)) &&
		    text_prefixed_byline(it, false)) {
			it->kind = TEXT_BYLINE;
			return;
		}
	}
	text_dated_byline_above(d, t);
}

/* The length of the spaces and separators that open s (",", "|",
 * "//", "-", a middle dot, a bullet, a dash). */
static size_t
text_marks_len(const char *s)
{
	static const char *const marks[] = {
		" ", ",", "|", "/", "-", "\xc2\xb7", "\xe2\x80\xa2",
		"\xe2\x80\x93", "\xe2\x80\x94",
	};
	size_t n = 0;

	for (size_t i = 0; i < sizeof(marks) / sizeof(marks[0]); i++)
		if (strncmp(s + n, marks[i], strlen(marks[i])) == 0) {
			n += strlen(marks[i]);
			i = (size_t)-1;
		}
	return n;
}

/* True when the words s[0..n) next to a date label it ("Last
 * Modified", "Zuletzt aktualisiert") instead of naming its author. */
static bool
text_date_label(const char *s, size_t n)
{
	static const char *const labels[] = {
		"last", "modified", "updated", "posted", "published",
		"zuletzt", "aktualisiert", "ge\xc3\xa4ndert", "stand",
		"ver\xc3\xb6""ffentlicht", "erstellt", "publi\xc3\xa9",
		"mis \xc3\xa0 jour", "publicado", "actualizado",
	};
	char *w = xstrndup(s, n);
	bool r = text_holds_any(w, labels, sizeof(labels) /
	    sizeof(labels[0]));

	free(w);
	return r;
}

/* Words that introduce a name inside a dated line ("Posted 11. April
 * 2018 by Jane Doe", "8. Januar 2020 \xc2\xb7 von Jane"). */
static const char *const text_by_words[] = {
	" by ", " By ", " von ", " vom ", " par ", " por ", " door ",
};

bool
text_named_by_word(const char *s, size_t off)
{
	if (off > 0 && text_byline_prefix(s) == off)
		return true;
	for (size_t i = 0; i < sizeof(text_by_words) /
	    sizeof(text_by_words[0]); i++) {
		size_t k = strlen(text_by_words[i]);

		if (off >= k && strncmp(s + off - k, text_by_words[i], k) == 0)
			return true;
	}
	return false;
}

/* The offset of the name after a byline's prefix that opens a part of
 * s after a bar ("Accueil | Par Lo\xc3\xafc Le Clerc | 30 septembre
 * 2018"), or 0. */
static size_t
text_prefix_after_bar(const char *s)
{
	for (const char *q = strstr(s, " | "); q != NULL;
	    q = strstr(q + 3, " | ")) {
		size_t k = text_byline_prefix(q + 3);

		if (k > 0 && text_starts_upper(q + 3 + k))
			return (size_t)(q + 3 - s) + k;
	}
	return 0;
}

/* True when the words of s between the name's end n and the date at
 * label the date, and only that ("Evgenia Karp Zuletzt ge\xc3\xa4ndert
 * am 06.11.2023"): the name is still next to its date. A comma or a
 * bar there parts more ("New Delhi, News Nation Bureau | Updated"). */
static bool
text_label_between(const char *s, size_t n, size_t at)
{
	size_t m = n;

	while (m < at && s[m] == ' ')
		m++;
	if (n == 0 || m >= at || at - m > TEXT_DATE_LABEL_BYTES)
		return false;
	for (size_t i = m; i < at; i++)
		if (strchr(",;|", s[i]) != NULL)
			return false;
	return text_date_label(s + m, at - m);
}

size_t
text_handle_len(const char *s)
{
	static const char *const after[] = {
		"", " |", " \xc2\xb7", " \xe2\x80\xa2", " \xe2\x80\x94",
		" \xe2\x80\x93", " -", " \xc2\xbb",
	};
	size_t n = 0;

	/* a letter first: "2016 Theme Blass by 1000ff" names a theme's
	 * maker by a number */
	if (!isalpha((unsigned char)s[0]))
		return 0;
	while (isalnum((unsigned char)s[n]) || s[n] == '_' || s[n] == '-' ||
	    s[n] == '.')
		n++;
	while (n > 0 && (s[n - 1] == '.' || s[n - 1] == '-'))
		n--;
	if (n < 2 || n > TEXT_HANDLE_MAX)
		return 0;
	for (size_t i = 0; i < sizeof(after) / sizeof(after[0]); i++)
		if (strncmp(s + n, after[i], strlen(after[i])) == 0 &&
		    (after[i][0] == '\0' ? s[n] == '\0' :
		    s[n + strlen(after[i])] == ' ' ||
		    s[n + strlen(after[i])] == '\0'))
			return n;
	return 0;
}

/* The name a dated line names, after a byline word anywhere in it, else
 * just before or just after its date ("Jane Doe 19.10.2019, 05:00 Uhr",
 * "September 17, 2019 Jane Doe"). Returns its offset in s and sets *len
 * (0 when there is none) and *words. */
size_t
text_dated_name(const char *s, size_t *len, int *words)
{
	size_t at, span, off, n;
	struct nw_time t;
	bool found;

	*len = 0;
	*words = 0;
	off = text_byline_prefix(s);
	if (off == 0)
		off = text_prefix_after_bar(s);
	for (size_t i = 0; off == 0 && i < sizeof(text_by_words) /
	    sizeof(text_by_words[0]); i++) {
		const char *q = strstr(s, text_by_words[i]);

		if (q != NULL && (text_starts_upper(q + strlen(
		    text_by_words[i])) ||
		    text_handle_len(q + strlen(text_by_words[i])) > 0))
			off = (size_t)(q - s) + strlen(text_by_words[i]);
	}
	found = date_find(s, strlen(s), &t, &at, &span) == 0;
	if (off > 0) {
		/* the name ends where the date starts ("By Jane Doe
		 * November 19, 2019"), and the marks before it ("Par
		 * Lo\xc3\xafc Le Clerc | 30 septembre 2018") */
		size_t e = found && at > off ? at - off : strlen(s + off);
		char *c;

		while (e > 0 && strchr(" |,-", s[off + e - 1]) != NULL)
			e--;
		c = xstrndup(s + off, e);
		*len = text_name_run(c, TEXT_NAME_RUN_MAX, words);
		free(c);
		/* a user's handle in small letters or with digits ("von
		 * uriebe", "by marc | Leave a comment") */
		if (*len == 0 && (*len = text_handle_len(s + off)) > 0)
			*words = 1;
		return off;
	}
	/* a name of two words or more next to the date */
	if (!found)
		return 0;
	if (at > 0) {
		n = text_name_run(s, 2, words);
		if ((n + text_marks_len(s + n) == at ||
		    text_label_between(s, n, at)) && *words >= 2 &&
		    !text_date_label(s, n) && !text_has_conjunction(s, n)) {
			*len = n;
			return 0;
		}
		*words = 0;
		return 0;
	}
	off = at + span + text_marks_len(s + at + span);
	/* an updated date straight after the published one */
	if (date_find(s + off, strlen(s + off), &t, &at, &span) == 0 &&
	    at == 0)
		off += span + text_marks_len(s + off + span);
	n = text_name_run(s + off, 2, words);
	/* words glued to the date are a link's ("27.01.2022Mineral\xc3\xb6l
	 * INFO November 2021"), not a name set after it */
	if (*words >= 2 && text_marks_len(s + off - 1) > 0 &&
	    !text_date_label(s + off, n) &&
	    !text_has_conjunction(s + off, n))
		*len = n;
	else
		*words = 0;
	return off;
}

/* True when s labels its date as an update ("Updated: August 22, 2019",
 * "Zuletzt aktualisiert am"). */
static bool
text_update_label(const char *s)
{
	static const char *const labels[] = {
		"updated", "modified", "aktualisiert", "ge\xc3\xa4ndert",
		"editiert", "mis \xc3\xa0 jour", "actualizado",
	};

	return text_holds_any(s, labels, sizeof(labels) / sizeof(labels[0]));
}

bool
text_date_above(const struct text_doc *d, struct nw_time *t)
{
	/* the byline's own date ("von Marc Scheloske | 20. Mai 2007 |"
	 * under "Ergebnisse: ..., 19.5.2007") */
	for (size_t i = 0; i < d->title && d->title < d->n; i++) {
		const struct text_item *it = &d->items[i];
		size_t at, span;

		if (it->kind == TEXT_BYLINE && it->datelike &&
		    date_find(it->s, strlen(it->s), t, &at, &span) == 0)
			return true;
	}
	for (size_t k = 1; k <= TEXT_DATE_ABOVE && k <= d->title &&
	    d->title < d->n; k++) {
		const struct text_item *it = &d->items[d->title - k];
		size_t at, span;

		if (!it->datelike || it->words > TEXT_DATE_ABOVE_WORDS ||
		    it->kind == TEXT_BODY ||
		    it->kind == TEXT_CAPTION || it->kind == TEXT_CREDIT ||
		    text_update_label(it->s) ||
		    date_find(it->s, strlen(it->s), t, &at, &span) != 0 ||
		    text_date_in_name(it->s, at, span))
			continue;
		return true;
	}
	return false;
}

/* True when the at bytes before a lead's date are a label or a mark
 * ("PUBLISHED: ", "Red. / ", "("), not a sentence's words ("Am
 * 31.8.1990 fand ..."). */
static bool
text_lead_label(const char *s, size_t at)
{
	while (at > 0 && s[at - 1] == ' ')
		at--;
	if (at == 0 || strchr(":/|(-", s[at - 1]) != NULL)
		return true;
	for (size_t i = 0; i < at; i++)
		if (isalpha((unsigned char)s[i]))
			return false;
	return true;
}

bool
text_lead_date(const struct text_doc *d, struct nw_time *t)
{
	int seen = 0;

	for (size_t i = d->body_start; i < d->body_end && i < d->n &&
	    seen < 2; i++) {
		const struct text_item *it = &d->items[i];
		size_t at, span;

		if (it->kind != TEXT_BODY)
			continue;
		seen++;
		if (it->bodylike && date_find(it->s, strlen(it->s), t, &at,
		    &span) == 0 && at <= TEXT_LEAD_DATE_AT &&
		    strcspn(it->s, "0123456789") >= at &&
		    text_lead_label(it->s, at) &&
		    !text_date_in_name(it->s, at, span))
			return true;
	}
	return false;
}

bool
text_ends_with_date(const char *s, size_t at, size_t span)
{
	const char *r = s + at + span;

	/* the time after it ("| 11:15 PM", ", 05:00 Uhr") */
	r += strspn(r, " |,-\xc2\xb7");
	if (isdigit((unsigned char)*r)) {
		r += strspn(r, "0123456789:.");
		r += strspn(r, " ");
		if (strncasecmp(r, "am", 2) == 0 ||
		    strncasecmp(r, "pm", 2) == 0)
			r += 2;
		else if (strncmp(r, "Uhr", 3) == 0)
			r += 3;
	}
	return *r == '\0';
}

size_t
text_name_and_affiliation(const char *s, size_t n)
{
	const char *first = memchr(s, ',', n), *last = first;
	size_t tail;

	if (first == NULL)
		return n;
	for (const char *q = first; q != NULL;
	    q = memchr(q + 1, ',', n - (size_t)(q + 1 - s)))
		last = q;
	tail = n - (size_t)(last + 1 - s);
	/* two commas, the last part one word; no "and" among them */
	if (last == first || text_has_conjunction(s, n) ||
	    memchr(last + 2, ' ', tail > 1 ? tail - 1 : 0) != NULL)
		return n;
	return (size_t)(first - s);
}

size_t
text_label_by(const char *s)
{
	static const char *const bys[] = { " von ", " by ", " By " };
	size_t k = strcspn(s, " "), n;
	int words;

	if (!text_starts_upper(s))
		return 0;
	for (size_t i = 0; i < sizeof(bys) / sizeof(bys[0]); i++) {
		size_t b = strlen(bys[i]);

		if (strncmp(s + k, bys[i], b) != 0 ||
		    !text_starts_upper(s + k + b))
			continue;
		/* a full name after it: "Walter von Aachen" is one */
		n = text_name_run(s + k + b, TEXT_NAME_RUN_MAX, &words);
		return words >= 2 && s[k + b + n] == '\0' ? k + b : 0;
	}
	return 0;
}

bool
text_date_in_name(const char *s, size_t at, size_t span)
{
	char b = at > 0 ? s[at - 1] : ' ', e = s[at + span];

	return b == '[' || b == '_' || e == ']' || e == '_';
}

/* The length of the copyright mark, the years and the "by" that open
 * s ("\xc2\xa9 2020 ", "&copy 2009-2012 ", "(c) ", "2009-2020 by "),
 * where a mark, or years and "by", open it; else 0. */
static size_t
text_owner_lead(const char *s)
{
	static const char *const marks[] = {
		"\xc2\xa9", "(c)", "(C)", "&copy;", "&copy", "Copyright",
	};
	size_t n = 0, k;
	bool mark = false, year = false;

	/* the marks, perhaps two ("Copyright (c) 2012- Gregory Szorc") */
	for (size_t i = 0; i < sizeof(marks) / sizeof(marks[0]); i++)
		if (strncmp(s + n, marks[i], strlen(marks[i])) == 0) {
			n += strlen(marks[i]);
			n += strspn(s + n, " ");
			mark = true;
			i = (size_t)-1;
		}
	/* a year or a span of years ("2009-2012", "2009 \xe2\x80\x93
	 * 2020") */
	while ((k = strspn(s + n, "0123456789")) == 4) {
		n += k;
		year = true;
		n += strspn(s + n, " -");
		if (strncmp(s + n, "\xe2\x80\x93", 3) == 0)
			n += 3;
		n += strspn(s + n, " ");
	}
	/* a year alone opens lists and dates too ("2019 Annual Report"):
	 * it wants its "by" */
	if (strncmp(s + n, "by ", 3) == 0 || strncmp(s + n, "von ", 4) == 0)
		return year || mark ? n + strcspn(s + n, " ") + 1 : 0;
	return mark ? n : 0;
}

/* The offset in s[0..n) of a person's name that a copyright line gives
 * its owner, the part all of it ("\xc2\xa9 2009-2012 Jonathan Krase",
 * "2009-2020 by Florian Posdziech"), and its length in *len; else 0. */
static size_t
text_owner_in(const char *s, size_t n, size_t *len)
{
	char *p = xstrndup(s, n);
	size_t lead = text_owner_lead(p), e = n, k = 0;
	int words = 0;

	while (e > lead && strchr(" .", p[e - 1]) != NULL)
		e--;
	p[e] = '\0';
	if (lead > 0 && lead < e && text_starts_upper(p + lead))
		k = text_name_run(p + lead, TEXT_NAME_RUN_MAX, &words);
	/* a capital inside a word is a firm's form ("Handelsblatt GmbH",
	 * "Nordex SE"), no person's */
	for (size_t i = lead + 1; i < lead + k; i++)
		if (isupper((unsigned char)p[i]) && p[i - 1] != ' ' &&
		    p[i - 1] != '-')
			words = 0;
	free(p);
	*len = k;
	return words >= 2 && lead + k == e &&
	    !text_has_conjunction(s + lead, k) ? lead : 0;
}

size_t
text_copyright_owner(const char *s, size_t *len)
{
	static const char *const seps[] = {
		". ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " | ",
		" \xe2\x80\xa2 ", " \xc2\xb7 ", " - ",
	};
	/* each separator's next place at or after at, found again only
	 * once at has passed it (NULL: none left), so that the search is
	 * one pass over s for each, not one over the rest at every part */
	const char *next[sizeof(seps) / sizeof(seps[0])];
	size_t at = 0, end = strlen(s);

	for (size_t i = 0; i < sizeof(seps) / sizeof(seps[0]); i++)
		next[i] = strstr(s, seps[i]);
	while (at < end) {
		size_t n = end - at, skip = 0, off;

		for (size_t i = 0; i < sizeof(seps) / sizeof(seps[0]); i++) {
			const char *q = next[i];

			if (q != NULL && q < s + at)
				q = next[i] = strstr(s + at, seps[i]);
			if (q != NULL && (size_t)(q - s - at) < n) {
				n = (size_t)(q - s - at);
				skip = strlen(seps[i]);
			}
		}
		if ((off = text_owner_in(s + at, n, len)) > 0)
			return at + off;
		at += n + skip;
	}
	*len = 0;
	return 0;
}

bool
text_owner_since(const char *s, size_t off)
{
	size_t i = off, k = 0;

	while (i > 0 && s[i - 1] == ' ')
		i--;
	/* its "by" ("2009-2020 by Jane Doe") */
	if (i >= 3 && strncmp(s + i - 3, " by", 3) == 0)
		i -= 3;
	else if (i >= 4 && strncmp(s + i - 4, " von", 4) == 0)
		i -= 4;
	while (i > 0 && s[i - 1] == ' ')
		i--;
	/* an open span ("2012- Gregory Szorc") */
	if (i > 0 && s[i - 1] == '-')
		return i > 1 && isdigit((unsigned char)s[i - 2]);
	while (k < 5 && k < i && isdigit((unsigned char)s[i - 1 - k]))
		k++;
	if (k != 4)
		return false;
	i -= 4;
	while (i > 0 && s[i - 1] == ' ')
		i--;
	/* the first year and its dash ("2009-2012", "2009 \xe2\x80\x93
	 * 2020") */
	if (i >= 3 && strncmp(s + i - 3, "\xe2\x80\x93", 3) == 0)
		i -= 3;
	else if (i > 0 && s[i - 1] == '-')
		i--;
	else
		return false;
	while (i > 0 && s[i - 1] == ' ')
		i--;
	return i > 0 && isdigit((unsigned char)s[i - 1]);
}

size_t
text_role_before(const char *s)
{
	/* role nouns, folded, that end a role's word ("Rechtsanwalt",
	 * "FOCUS-Online-Experte", "Chefredakteurin") */
	static const char *const roles[] = {
		"redakteur", "redakteurin", "anwalt", "anw\xc3\xa4ltin",
		"experte", "expertin", "autor", "autorin", "reporter",
		"reporterin", "korrespondent", "korrespondentin",
		"journalist", "journalistin", "fotograf", "fotografin",
		"editor", "writer", "correspondent", "r\xc3\xa9""dacteur",
		"r\xc3\xa9""dactrice", "redactor", "redactora",
	};
	size_t k = strcspn(s, " "), n;
	char *w, *f;
	bool r = false;
	int words;

	if (s[k] != ' ' || !text_starts_upper(s + k + 1) ||
	    text_name_run(s + k + 1, TEXT_NAME_RUN_MAX, &words) !=
	    strlen(s + k + 1) || words < 2)
		return 0;
	w = xstrndup(s, k);
	f = text_fold(w);
	n = strlen(f);
	for (size_t i = 0; !r && i < sizeof(roles) / sizeof(roles[0]); i++)
		r = n >= strlen(roles[i]) &&
		    strcmp(f + n - strlen(roles[i]), roles[i]) == 0;
	free(f);
	free(w);
	return r ? k + 1 : 0;
}

char *
text_year_time_parted(const char *s)
{
	for (size_t i = 0; s[i] != '\0'; i++) {
		const char *p = s + i;
		size_t h;
		char *u;

		if ((i > 0 && s[i - 1] != ' ') ||
		    strspn(p, "0123456789") < 5 ||
		    (strncmp(p, "19", 2) != 0 && strncmp(p, "20", 2) != 0))
			continue;
		/* the year, then a time of one or two digits for the hour */
		h = strspn(p + 4, "0123456789");
		if (h > 2 || p[4 + h] != ':' ||
		    strspn(p + 5 + h, "0123456789") != 2)
			continue;
		u = xmalloc(strlen(s) + 2);
		memcpy(u, s, i + 4);
		u[i + 4] = ' ';
		strcpy(u + i + 5, p + 4);
		return u;
	}
	return NULL;
}

bool
text_phrase_part(const char *s, size_t n)
{
	bool after_particle = false;

	for (size_t i = 0; i < n;) {
		size_t k = i;

		while (k < n && s[k] != ' ')
			k++;
		if (k > i && !text_starts_upper(s + i)) {
			if (!text_name_particle(s + i, k - i) ||
			    (text_article_particle(s + i, k - i) &&
			    !after_particle))
				return true;
			after_particle = true;
		} else {
			after_particle = false;
		}
		i = k + 1;
	}
	return false;
}
