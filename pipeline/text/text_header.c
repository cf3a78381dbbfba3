/* The header of a classified text dump: the walk up from the body
 * region to the headline and the standfirst. */
#include "text_blocks.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../date.h"
#include "util.h"
#include "text_util.h"

/* Item-count limits of the header walk above the body. */
#define TEXT_HEADER_SKIP 40
#define TEXT_STANDFIRST_MAX_WORDS 80
/* Words of a question over the article taken as its headline, at most. */
#define TEXT_FALLBACK_WORDS 15
/* Items from the headline that may hold it without its crumbs. */
#define TEXT_TITLE_NEAR 4
/* Words of a headline over its byline, at least (text_over_byline()). */
#define TEXT_BYLINE_TITLE_WORDS 4
/* Words of a standfirst over a byline, at least. */
#define TEXT_STANDFIRST_MIN_WORDS 15
/* Items over the region that the crumbs' last entry may stand at. */
#define TEXT_CRUMBS_NEAR 12
/* Words of a crumb over the last, with its number, at most. */
#define TEXT_CRUMB_WORDS 4
/* Items over the body a post's dated byline is looked for in. */
#define TEXT_DATED_BYLINE_OVER 3
/* Words of the crumbs' last entry taken as the headline, at least. */
#define TEXT_CRUMB_TITLE_WORDS 4
/* Words of a headline of two sentences, at most ("The GOP Is the
 * Problem. Is 'Human Identity Politics' the Solution?"): a longer run
 * of sentences is a standfirst. */
#define TEXT_TWO_SENTENCE_WORDS 20
/* Words of a counter's line ("Foto 1 de 1"), at most. */
#define TEXT_COUNTER_WORDS 6
/* Items of a box of teasers over the placeholder the walk stopped at,
 * at most (text_teaser_box()). */
#define TEXT_BOX_ITEMS 8
/* Items of a block around a name-like line that make it a menu's. */
#define TEXT_MENU_BLOCK 6
/* Items at the dump's top that hold the site's name and tagline. */
#define TEXT_TOP_ITEMS 1

/* The number that opens s as an ordered list's entry ("3. Sport"), or
 * -1. */
static long
text_list_number(const char *s)
{
	long n = 0;
	int k = 0;

	while (k < 3 && isdigit((unsigned char)s[k]))
		n = n * 10 + (s[k++] - '0');
	if (k == 0 || s[k] != '.' || s[k + 1] != ' ')
		return -1;
	return n;
}

/* True when the date-like item it reads as a headline that names a
 * month or a year ("Konzert-Highlights im November 2022", "Barcamp Graz
 * 2015 - Politcamp Call for Action"): four words or more, a capital
 * first, no full date, no time of day, no bar or label of a site's
 * title ("Best Cheap Costumes | 2020"). */
static bool
text_dated_headline(const struct text_item *it)
{
	struct nw_time t;

	if (it->words < 4 || !text_starts_upper(it->s) ||
	    strpbrk(it->s, "|[") != NULL)
		return false;
	for (const char *p = it->s; *p != '\0'; p++)
		if (isdigit((unsigned char)*p) && p[1] == ':' &&
		    isdigit((unsigned char)p[2]))
			return false;
	return date_find(it->s, strlen(it->s), &t, NULL, NULL) != 0;
}

/* True when it is a short line of two numbers or more ("Foto 1 de 1",
 * "5 von 5 Sternen", "120 Minuten ( + 300 Minuten Wartezeit )"): a
 * counter, a rating or a time, no headline. */
static bool
text_counter(const struct text_item *it)
{
	int runs = 0;

	if (it->words > TEXT_COUNTER_WORDS)
		return false;
	for (const char *p = it->s; *p != '\0'; p++)
		if (isdigit((unsigned char)*p) && (p == it->s ||
		    !isdigit((unsigned char)p[-1])) && (p == it->s ||
		    p[-1] == ' ' || p[-1] == '('))
			runs++;
	return runs >= 2;
}

/* True when a word of s is a picture's file name ("image1-3.jpeg"),
 * which a renderer writes for an image with no text: no headline. */
static bool
text_file_name(const char *s)
{
	static const char *const exts[] = {
		".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg",
	};

	for (const char *w = s; *w != '\0';) {
		size_t k = strcspn(w, " ");

		for (size_t i = 0; i < sizeof(exts) / sizeof(exts[0]); i++) {
			size_t e = strlen(exts[i]);

			if (k > e && strncasecmp(w + k - e, exts[i], e) == 0)
				return true;
		}
		w += k;
		while (*w == ' ')
			w++;
	}
	return false;
}

/* True when s opens with a quote that German sets first and that
 * text_starts_word() does not take, before a capital, with its closing
 * quote after it: the closing guillemet ("»Abzocke wird als Klimaschutz
 * verkauft«"; not a menu's arrow, "» weiter") or the low double quote
 * ("„Arschloch“: Danni Büchner und Ennesto Monté trennen sich"); or
 * with a name in braces before a letter ("{orga your life} – das Leben
 * organisieren"), a blog's mark. */
static bool
text_quote_open(const char *s)
{
	if (s[0] == '{')
		return isalpha((unsigned char)s[1]) && strchr(s, '}') != NULL;
	if (strncmp(s, "\xe2\x80\x9e", 3) == 0)
		return text_starts_upper(s + 3) &&
		    strstr(s + 3, "\xe2\x80\x9c") != NULL;
	return strncmp(s, "\xc2\xbb", 2) == 0 && text_starts_upper(s + 2) &&
	    strstr(s + 2, "\xc2\xab") != NULL;
}

/* True when s opens with the guillemet "«" that no "»" closes ("«
 * Speicher via SSHFS mounten", the link to the previous post): an
 * arrow, no quote. */
static bool
text_arrow_open(const char *s)
{
	return strncmp(s, "\xc2\xab", 2) == 0 &&
	    strstr(s + 2, "\xc2\xbb") == NULL;
}

/* True when s names a picture's credit, by the copyright's mark or a
 * label ("Waldwege-versperrt \xc2\xa9 Chris - stock.adobe.com",
 * "Foto: X"), not by a group in brackets that may close a headline
 * ("Chocolate Buttercream Frosting (Ermine Icing)"). */
static bool
text_credit_line(const char *s)
{
	size_t at = 0;
	char *c = text_credit(s, &at);

	free(c);
	return c != NULL && s[at] != '(';
}

/* True when it has a headline's shape, a person's name included. */
static bool
text_title_shape(const struct text_item *it)
{
	size_t len = strlen(it->s);

	if (it->kind != TEXT_OTHER || it->chrome || it->bullet ||
	    (it->datelike && !text_dated_headline(it)) || it->words < 2 ||
	    it->words > TEXT_STANDFIRST_MAX_WORDS)
		return false;
	if (it->s[len - 1] == ',' || it->s[len - 1] == '|' ||
	    it->s[len - 1] == ':')
		return false;
	if ((!text_starts_word(it->s) && !text_quote_open(it->s)) ||
	    text_arrow_open(it->s) ||
	    text_byline_prefix(it->s) > 0 ||
	    text_ends_by_label(it->s))
		return false;
	/* a form's field ("Search for: [ ]", lynx's "____") */
	if (it->form || text_bar_byline(it) || text_counter(it) ||
	    text_file_name(it->s) || text_credit_line(it->s))
		return false;
	return true;
}

static bool
text_title_candidate(const struct text_item *it)
{
	return text_title_shape(it) &&
	    !(it->words <= 4 && text_is_byline(it->s, it->words));
}

/* True when s holds more than one sentence: a headline does not. */
static bool
text_has_sentence_break(const char *s)
{
	for (const char *p = s; *p != '\0'; p++)
		if ((*p == '.' || *p == '!' || *p == '?') && p[1] == ' ' &&
		    text_starts_upper(p + 2) && p - s > 3 &&
		    isalpha((unsigned char)p[-1]) &&
		    isalpha((unsigned char)p[-2]))
			return true;
	return false;
}

/* True when s ends with a full stop after a word of four letters or
 * more (not an ellipsis, not "& Co." or "Inc."): a sentence of prose,
 * which a headline is not. */
static bool
text_ends_full_stop(const char *s)
{
	size_t len = text_trim_closers(s, strlen(s)), i, adv;
	int letters = 0;
	bool lower = false;

	if (len < 2 || s[len - 1] != '.')
		return false;
	i = len - 1;
	while (i > 0 && s[i - 1] != ' ' && s[i - 1] != '.') {
		i--;
		if ((s[i] & 0xc0) == 0x80)
			continue;
		if (letters++ == 0)
			lower = text_cp_lower(text_cp_at(s + i, len - i, &adv));
	}
	return letters >= 4 && lower && (i == 0 || s[i - 1] == ' ');
}

/* True when part is the start or the end of whole, shorter, at a word's
 * edge: a headline with the breadcrumb trail or the kicker the page
 * glued to it ("Home » News » Title", "Kicker: Title", "Title Kicker"). */
static bool
text_part_of(const char *whole, const char *part)
{
	size_t lw = strlen(whole), lp = strlen(part);

	if (lp + 2 > lw)
		return false;
	if (strncmp(whole, part, lp) == 0 && whole[lp] == ' ')
		return true;
	return strcmp(whole + lw - lp, part) == 0;
}

/* The offset of the space before part where part ends whole, shorter,
 * at a word's edge; 0 where it does not. */
static size_t
text_word_end(const char *whole, const char *part)
{
	size_t lw = strlen(whole), lp = strlen(part);

	if (lp + 2 > lw || whole[lw - lp - 1] != ' ' ||
	    strcmp(whole + lw - lp, part) != 0)
		return 0;
	return lw - lp - 1;
}

/* True when part ends whole, shorter, after a space and a word that
 * is no small word: a trail's last crumb or its mark ("... Produkte",
 * "... \xc2\xbb"), not a phrase that runs on into the name ("Ein
 * Gespr\xc3\xa4" "ch mit Angela Merkel"). */
static bool
text_trail_end(const char *whole, const char *part)
{
	size_t b = text_word_end(whole, part), adv;

	if (b == 0)
		return false;
	while (b > 0 && whole[b - 1] != ' ')
		b--;
	return !text_cp_lower(text_cp_at(whole + b, strlen(whole + b),
	    &adv));
}

/* True when part stands inside whole between words, of
 * TEXT_CRUMB_TITLE_WORDS words or more: a headline with crumbs or
 * labels glued before and after it ("Accueil \xc3\xa0 la une Parit\xc3\xa9
 * hommes-femmes en Tunisie : ... mondiale \xc3\xa0 la une Soci\xc3\xa9t\xc3\xa9"). */
static bool
text_inside_of(const char *whole, const struct text_item *part)
{
	size_t lp = strlen(part->s);

	if (part->words < TEXT_CRUMB_TITLE_WORDS)
		return false;
	for (const char *p = strstr(whole, part->s); p != NULL;
	    p = strstr(p + 1, part->s))
		if (p > whole && p[-1] == ' ' && p[lp] == ' ')
			return true;
	return false;
}

/* True when it is an entry of a list (a bulleted crumb, not chrome) that
 * ends whole, at a word's edge: the headline under a kicker glued to
 * it ("Auftragshoch bei FACC : Luftfahrtbranche hebt ...", the crumbs'
 * last entry "Luftfahrtbranche hebt ..."). */
static bool
text_crumb_end(const char *whole, const struct text_item *it)
{
	return it->bullet && !it->chrome && it->kind == TEXT_OTHER &&
	    it->words >= 2 && text_word_end(whole, it->s) > 0;
}

/* The headline the walk found at item first, or the item near it that
 * first holds with more around it (a breadcrumb trail ending with the
 * headline, the headline glued to its kicker): the shorter is the
 * headline. */
static size_t
text_title_part(const struct text_doc *d, size_t first)
{
	size_t lo = first > TEXT_TITLE_NEAR ? first - TEXT_TITLE_NEAR : 0;

	for (size_t j = lo; j < d->body_start &&
	    j <= first + TEXT_TITLE_NEAR; j++) {
		const struct text_item *it = &d->items[j];

		if (j != first && text_title_candidate(it) &&
		    (text_part_of(d->items[first].s, it->s) ||
		    text_inside_of(d->items[first].s, it)))
			return j;
		/* a name-like line ends it: the crumbs' trail over the
		 * headline ("Tests Aktuelle Produkte Radical Pop-Ups und
		 * Dips"); one that opens it is the subject's name */
		if (j != first && text_title_shape(it) &&
		    text_trail_end(d->items[first].s, it->s))
			return j;
		if (j != first && text_crumb_end(d->items[first].s, it))
			return j;
	}
	return first;
}

size_t
text_crumbs_glued(const char *s)
{
	static const char *const arrows[] = {
		" \xc2\xbb ", " \xe2\x80\xba ", " > ", " / ",
	};
	size_t last = 0, from = 0, marks = 0;
	bool slash = true;

	for (const char *p = s; *p != '\0'; p++) {
		for (size_t i = 0; i < sizeof(arrows) / sizeof(arrows[0]);
		    i++) {
			size_t k = strlen(arrows[i]);

			if (strncmp(p, arrows[i], k) != 0)
				continue;
			if (words_in(s + from, (size_t)(p - s) - from) >
			    TEXT_CRUMB_WORDS || p == s + from)
				return 0;
			slash = slash && i == 3;
			marks++;
			from = last = (size_t)(p - s) + k;
			p += k - 1;
			break;
		}
	}
	/* a trail ending with its mark holds no headline ("News >
	 * Promis >") */
	if (marks == 0 || (slash && marks < 2) || s[last] == '\0' ||
	    strpbrk(s + last, ">/") != NULL ||
	    strstr(s + last, "\xc2\xbb") != NULL ||
	    strstr(s + last, "\xe2\x80\xba") != NULL)
		return 0;
	return last;
}

/* Drops the breadcrumb trail glued to the headline it. */
static void
text_drop_crumbs(struct text_item *it)
{
	size_t at = text_crumbs_glued(it->s), len = strlen(it->s + at);

	if (at == 0)
		return;
	for (size_t i = 0; i < at && it->width > 0; i++)
		it->width -= (it->s[i] & 0xc0) != 0x80;
	it->words -= (int)words_in(it->s, at);
	memmove(it->s, it->s + at, len + 1);
}

/* True when the region's first item is its headline, of a headline's
 * size: a question or an exclamation over a paragraph, or a line that
 * is no sentence of prose over a strong byline ("The GOP Is the
 * Problem. Is 'Human Identity Politics' the Solution?" over "By Eric
 * Levitz@EricLevitz"). */
static bool
text_region_headline(const struct text_doc *d)
{
	size_t b = d->body_start;
	const struct text_item *it = &d->items[b];
	size_t len = text_trim_closers(it->s, strlen(it->s));

	if (b + 1 >= d->body_end || it->words > TEXT_FALLBACK_WORDS ||
	    len == 0)
		return false;
	if (text_strong_byline(&d->items[b + 1]))
		return text_starts_word(it->s) && !text_ends_full_stop(it->s);
	return (it->s[len - 1] == '?' || it->s[len - 1] == '!') &&
	    !text_has_sentence_break(it->s) &&
	    d->items[b + 1].kind == TEXT_BODY;
}

/* When the walk up found no headline: the region's first item when it
 * reads as the headline (text_region_headline()), which then leaves the
 * body without the crumbs glued to it, or else the name-like item the walk passed nearest the body
 * ("Performant Python" reads as a person's name; a site's "The Original
 * Copy Menu" over the menu is no headline where the region opens with
 * one). */
static void
text_title_fallback(struct text_doc *d, size_t name)
{
	size_t b = d->body_start;

	if (!text_region_headline(d)) {
		if (name < d->n) {
			d->title = name;
			d->items[name].kind = TEXT_HEADLINE;
		}
		return;
	}
	text_drop_crumbs(&d->items[b]);
	d->title = b;
	d->items[b].kind = TEXT_HEADLINE;
	d->body_start++;
}

/* The headline over h, the line over a byline that text_over_byline()
 * takes: where h is of a standfirst's length and the line over it, in
 * the run, reads as a headline of two thirds of h's words or fewer,
 * that line (a kicker, the headline, its standfirst, the byline). */
static size_t
text_over_standfirst(const struct text_doc *d, size_t first, size_t h)
{
	const struct text_item *up = h > first ? &d->items[h - 1] : NULL;

	if (up == NULL || d->items[h].words < TEXT_STANDFIRST_MIN_WORDS ||
	    !text_title_candidate(up) ||
	    up->words * 3 > d->items[h].words * 2 ||
	    up->words < TEXT_BYLINE_TITLE_WORDS ||
	    text_has_sentence_break(up->s) || text_ends_full_stop(up->s))
		return h;
	return h - 1;
}

/* The item right over the lowest strong byline under first ("von
 * Andreas Kürten", "Posted by Konstantin 21.10.2019"), where the run
 * from first down to it holds more than two headline candidates and it
 * is one of TEXT_BYLINE_TITLE_WORDS words or more that reads as a
 * headline: the headline stands over its byline, and the run's items
 * over it are crumbs, the site's name or its tagline. Two candidates
 * are a headline and its standfirst over the byline, the common
 * layout: first stays. (A reading time or a relative time over a
 * byline, "vor 11 Minuten", has fewer words.) A one-word line between
 * them is a kicker or the author's role ("AVOCAT"): the line over it. */
static size_t
text_over_byline(const struct text_doc *d, size_t first)
{
	for (size_t k = d->body_start; k > first + 1; k--) {
		size_t h = k - 2, run = 0;
		const struct text_item *it = &d->items[h];

		if (!text_strong_byline(&d->items[k - 1]))
			continue;
		/* a one-word kicker or role over the byline ("AVOCAT") */
		if (it->words == 1 && it->kind == TEXT_OTHER && h > first)
			it = &d->items[--h];
		for (size_t j = first; j <= h; j++)
			run += text_title_candidate(&d->items[j]);
		if (run > 2 && text_title_candidate(it) &&
		    it->words >= TEXT_BYLINE_TITLE_WORDS &&
		    it->words <= TEXT_TITLE_MAX_WORDS &&
		    !text_has_sentence_break(it->s) &&
		    !text_ends_full_stop(it->s))
			return text_over_standfirst(d, first, h);
		return first;
	}
	return first;
}

/* The standfirst: the next candidate from item first on, past the
 * dates and bylines that the walk up also passed. A short label the
 * page repeats ("Add a comment") is none, nor the headline with its
 * kicker, nor the headline again (a page that shows it twice, as the
 * crumbs' last entry and as the heading, or in another case: "Using
 * Defadvice" over "Using defadvice"). */
static void
text_standfirst(struct text_doc *d, size_t first)
{
	const struct text_item *it;

	while (first < d->body_start && (d->items[first].datelike ||
	    (d->items[first].kind == TEXT_OTHER && !d->items[first].chrome &&
	    text_is_byline(d->items[first].s, d->items[first].words))))
		first++;
	if (first >= d->body_start)
		return;
	it = &d->items[first];
	if (!text_title_candidate(it) || (it->twice && it->words <= 3))
		return;
	/* a line glued under the date, no sentence, is a link's ("Jump
	 * to RecipePrint Recipe") */
	if (first > 0 && d->items[first - 1].datelike &&
	    d->items[first - 1].words <= 4 &&
	    d->items[first - 1].block == it->block &&
	    !it->sentence)
		return;
	if (d->title < d->n &&
	    (strcasecmp(it->s, d->items[d->title].s) == 0 ||
	    text_part_of(it->s, d->items[d->title].s)))
		return;
	d->subtitle = first;
	d->items[first].kind = TEXT_STANDFIRST;
}

/* True when item i is an entry of an ordered list: it opens with a
 * number and a neighbour has the number one less or one more (w3m's
 * and lynx's crumbs, "1. Startseite", "2. Presse"). */
static bool
text_in_numbered_list(const struct text_doc *d, size_t i)
{
	long n = text_list_number(d->items[i].s);

	if (n < 0)
		return false;
	if (i > 0 && text_list_number(d->items[i - 1].s) == n - 1)
		return true;
	return i + 1 < d->n && text_list_number(d->items[i + 1].s) == n + 1;
}

/* The last entry of crumbs that w3m and lynx set as an ordered list
 * ("1. Startseite", "2. Presse", "5. Messengerdienste sind kein
 * rechtsfreier Raum"), near the region's top or opening it: the page's
 * own name, its headline, where the entries over it are short (a
 * section's name) and it reads as a headline. A list of longer entries
 * is a table of contents or a ranking. Returns its index, or d->n. */
static size_t
text_crumb_headline(const struct text_doc *d)
{
	size_t lo = d->body_start > TEXT_CRUMBS_NEAR ?
	    d->body_start - TEXT_CRUMBS_NEAR : 0;

	for (size_t j = d->body_start + 1; j-- > lo;) {
		const struct text_item *it = &d->items[j];
		long n = text_list_number(it->s);
		size_t i = j;

		if (n < 2 || (j + 1 < d->n &&
		    text_list_number(d->items[j + 1].s) == n + 1))
			continue;
		while (i > 0 && text_list_number(d->items[i - 1].s) ==
		    text_list_number(d->items[i].s) - 1 &&
		    d->items[i - 1].words <= TEXT_CRUMB_WORDS)
			i--;
		if (text_list_number(d->items[i].s) != 1 || it->chrome ||
		    it->words <= TEXT_CRUMB_TITLE_WORDS ||
		    it->words > TEXT_TITLE_MAX_WORDS ||
		    text_has_sentence_break(it->s) ||
		    text_ends_full_stop(it->s))
			return d->n;
		return j;
	}
	return d->n;
}

/* Makes the crumbs' last entry c the headline, without its number, and
 * looks for the standfirst under it. */
static void
text_crumb_title(struct text_doc *d, size_t c)
{
	struct text_item *it = &d->items[c];
	char *p = strchr(it->s, ' ') + 1;

	it->width -= (size_t)(p - it->s);
	memmove(it->s, p, strlen(p) + 1);
	it->words--;
	d->title = c;
	it->kind = TEXT_HEADLINE;
	if (c == d->body_start)
		d->body_start++;
	text_standfirst(d, c + 1);
}

/* True when item i stands under a short byline's label ("von" over
 * "auto-motor.at Redaktion"): it is the byline's name. */
static bool
text_under_by_label(const struct text_doc *d, size_t i)
{
	return i > 0 && d->items[i - 1].words <= 2 &&
	    text_ends_by_label(d->items[i - 1].s);
}

/* The date of a byline's name and a date that stand right under item
 * h, past its standfirst and a picture's placeholder ("Bruno Wendel",
 * "04.05.2022, 05:45:00"): the pair a page sets under its headline.
 * Returns the date's index, or d->n. */
static size_t
text_named_under(const struct text_doc *d, size_t h)
{
	size_t j = h + 1, end = d->body_start;

	if (j < end && text_title_candidate(&d->items[j]))
		j++;
	if (j < end && d->items[j].chrome && d->items[j].words <= 2)
		j++;
	/* a byline's label on a line of its own over the name ("By") */
	if (j + 1 < end && text_under_by_label(d, j + 1))
		j++;
	if (j >= end || d->items[j].kind != TEXT_OTHER ||
	    d->items[j].chrome || d->items[j].bullet ||
	    d->items[j].datelike ||
	    !text_is_byline(d->items[j].s, d->items[j].words))
		return d->n;
	/* a line between them is no headline (an e-mail address is
	 * not; "Themen-Blog Digitalisierung" over the headline and its
	 * date is a section's name) */
	for (size_t k = j + 1; k <= j + 2 && k < end; k++) {
		if (d->items[k].datelike)
			return k;
		if (text_title_candidate(&d->items[k]))
			break;
	}
	return d->n;
}

/* True when h reads as a headline over a name and a date whose date is
 * at, the last date over the walk's run. */
static bool
text_named_line(const struct text_doc *d, size_t h, size_t at)
{
	const struct text_item *it = &d->items[h];

	return text_title_candidate(it) &&
	    it->words <= TEXT_TITLE_MAX_WORDS &&
	    !text_has_sentence_break(it->s) &&
	    !text_ends_full_stop(it->s) && text_named_under(d, h) == at;
}

/* The headline over a byline's name and a date, over the run the walk
 * ended at (first): a run under that pair is a caption, a partner's
 * credit or a box of teasers, and the page's headline the line over
 * the pair. The pair's date is the last date over the run: a date
 * nearer it belongs to a teaser of a list ("Final Fantasy XIV",
 * "Release: 27.08.2013"). Returns its index, or first. */
static size_t
text_named_head(const struct text_doc *d, size_t first)
{
	size_t lo = d->body_start > TEXT_HEADER_SKIP ?
	    d->body_start - TEXT_HEADER_SKIP : 0, at = first;

	while (at > lo && !d->items[at - 1].datelike)
		at--;
	if (at-- <= lo || text_named_under(d, first) < d->n)
		return first;
	for (size_t h = at; h-- > lo;) {
		if (!text_named_line(d, h, at))
			continue;
		/* the standfirst over the pair: the headline is over it */
		return h > lo && text_named_line(d, h - 1, at) ? h - 1 : h;
	}
	return first;
}

/* True when it is a picture's placeholder of its own ("[Pokal-Aus
 * losung-Foto-BFV-3-310x165]"): one bracketed word. */
static bool
text_lone_placeholder(const struct text_item *it)
{
	size_t len = strlen(it->s);

	return it->words == 1 && len > 2 && it->s[0] == '[' &&
	    it->s[len - 1] == ']';
}

/* Where the walk stopped at the picture's placeholder i: the heading
 * of a box of teasers with pictures over it ("Lesen Sie auch" over
 * placeholders, teasers' headlines and their dates), its index, or
 * d->n. The run under it was the box's last teaser. */
static size_t
text_teaser_box(const struct text_doc *d, size_t i, size_t lo)
{
	if (!text_lone_placeholder(&d->items[i]))
		return d->n;
	for (size_t k = i; k-- > lo;) {
		const struct text_item *it = &d->items[k];

		if (it->chrome && it->words <= TEXT_BOX_HEADING_WORDS &&
		    text_is_box_heading(it->s))
			return k;
		if (!text_lone_placeholder(it) && !it->datelike &&
		    !text_title_candidate(it))
			return d->n;
	}
	return d->n;
}

/* True when the name-like item i over the run at first stands in
 * another block than the run, with more than TEXT_MENU_BLOCK items in
 * its own: an entry of a menu ("Crowdfunding Chemie"), no byline. */
static bool
text_menu_name(const struct text_doc *d, size_t i, size_t first)
{
	size_t n = 0;

	if (first >= d->n || d->items[i].block == d->items[first].block)
		return false;
	for (size_t k = i; k-- > 0 && d->items[k].block ==
	    d->items[i].block;)
		n++;
	for (size_t k = i + 1; k < d->n && d->items[k].block ==
	    d->items[i].block; k++)
		n++;
	return n >= TEXT_MENU_BLOCK;
}

/* True when, in a lynx dump, the item under the run's first is a
 * heading (column 0, no link) of TEXT_BYLINE_TITLE_WORDS words or more
 * that reads as a headline, and first is none and does not hold the
 * heading's last words (a crumbs' trail with the headline in it): first
 * is a kicker or a section's label over the page's heading ("Sciences
 * et Avenir Sant\xc3\xa9" and a follow button over "Covid-19 et infox :
 * comment une rumeur devient r\xc3\xa9alit\xc3\xa9"). */
static bool
text_heading_under(const struct text_doc *d, size_t first)
{
	const struct text_item *h = &d->items[first + 1];
	const char *tail;

	if (d->items[first].heading || first + 1 >= d->body_start ||
	    !h->heading || h->words < TEXT_BYLINE_TITLE_WORDS ||
	    h->words > TEXT_TITLE_MAX_WORDS || !text_title_candidate(h))
		return false;
	tail = h->s + strlen(h->s);
	for (int w = 0; w < TEXT_BYLINE_TITLE_WORDS && tail > h->s; w++)
		while (--tail > h->s && tail[-1] != ' ')
			;
	return strstr(d->items[first].s, tail) == NULL;
}

/* True when the region holds two subheadings or more: short lines that
 * are no sentences between paragraphs. */
static bool
text_body_subheads(const struct text_doc *d)
{
	int n = 0;

	for (size_t k = d->body_start + 1; k + 1 < d->body_end; k++) {
		const struct text_item *it = &d->items[k];

		if (it->words <= TEXT_SUBHEAD_MAX_WORDS && !it->sentence &&
		    d->items[k - 1].bodylike && d->items[k + 1].bodylike)
			n++;
	}
	return n >= 2;
}

/* True when the walk stopped at a one-word line i, a block of its own,
 * over a run of one short line right over the body, in a region with
 * subheadings of its own: i is a section's label ("Abstract", a
 * placeholder "[INS::INS]") over the first section's heading ("Purpose
 * of the Review"), and the headline stands over it. In a lynx dump
 * (one with headings marked) the label is a heading too: a picture's
 * text ("Lindenbl\xc3\xbcte") over the page's heading is none. */
static bool
text_section_label(const struct text_doc *d, size_t i, size_t first)
{
	const struct text_item *it = &d->items[i];
	bool lynx = false;

	if (it->words != 1 || it->kind != TEXT_OTHER || it->bullet ||
	    i == 0 || first != i + 1 || first + 1 != d->body_start ||
	    d->items[i - 1].block == it->block ||
	    d->items[first].block == it->block ||
	    d->items[first].words > TEXT_SUBHEAD_MAX_WORDS ||
	    !text_body_subheads(d))
		return false;
	for (size_t k = 0; k < d->n && !lynx; k++)
		lynx = d->items[k].heading;
	return !lynx || it->heading;
}

/* True when it reads as a headline of TEXT_BYLINE_TITLE_WORDS words or
 * more, and of one sentence. */
static bool
text_headline_line(const struct text_item *it)
{
	return text_title_candidate(it) &&
	    it->words >= TEXT_BYLINE_TITLE_WORDS &&
	    it->words <= TEXT_TITLE_MAX_WORDS &&
	    !text_has_sentence_break(it->s) && !text_ends_full_stop(it->s);
}

/* True when the text of item i stands in another item of the dump (its
 * copy in the crumbs, the share links or a teaser). */
static bool
text_copied(const struct text_doc *d, size_t i)
{
	if (d->items[i].twice)
		return true;
	for (size_t k = 0; k < d->n; k++)
		if (k != i && strstr(d->items[k].s, d->items[i].s) != NULL)
			return true;
	return false;
}

/* True when the item under k, over the body, is a post's dated byline:
 * a dated line with a byline's prefix or a name, shown once (a
 * teaser's "23.01.2022 - Headline" shows it again). */
static bool
text_dated_byline_under(const struct text_doc *d, size_t k)
{
	const struct text_item *b = &d->items[k + 1];

	return k + 1 < d->body_start && b->datelike && !b->twice &&
	    (text_byline_prefix(b->s) > 0 || text_strong_byline(b));
}

/* Where the run the walk stopped at opens with a standfirst (first, of
 * sentences), no headline: the nearest line over it, within the walk's
 * reach, that reads as a headline and that the dump holds again (the
 * crumbs, the page's title over the article and in its teaser: the
 * headline over the captions, the date and the date's label "am" that
 * ended the walk) or that stands over a post's dated byline (a run
 * under "Shares" over a caption: "Physicists Just Created ..." over "By
 * Tim Childers - Live Science Contributor 2019-11-19T12:48:14Z"); else
 * the first such line under it, in the run (a sidebar's licence or a
 * login's notice the run took in over the headline). Returns the item
 * the standfirst is looked for from. */
static size_t
text_repeated_title(struct text_doc *d, size_t first)
{
	size_t lo = d->body_start > TEXT_HEADER_SKIP ?
	    d->body_start - TEXT_HEADER_SKIP : 0;

	for (size_t k = first; k-- > lo;) {
		if (!text_headline_line(&d->items[k]) || (!text_copied(d, k) &&
		    !text_dated_byline_under(d, k)))
			continue;
		d->title = k;
		d->items[k].kind = TEXT_HEADLINE;
		return first;
	}
	for (size_t k = first + 1; k < d->body_start; k++) {
		if (!text_headline_line(&d->items[k]) || !text_copied(d, k))
			continue;
		d->title = k;
		d->items[k].kind = TEXT_HEADLINE;
		return k + 1;
	}
	return first;
}

/* True when a neighbour of item k is a copy or chrome: k is a line of
 * the site's furniture (a tagline or a menu's entry that a sticky
 * header sets twice, a calendar's row), no article's. */
static bool
text_among_furniture(const struct text_doc *d, size_t k)
{
	const struct text_item *up = k > 0 ? &d->items[k - 1] : NULL;
	const struct text_item *down = &d->items[k + 1];

	return (up != NULL && (up->twice || up->chrome)) || down->twice ||
	    down->chrome;
}

/* The headline over the line h the walk took, where h stands once in
 * the dump (a button's row, "RECIPE PRINT RATE THIS RECIPE", or a
 * teaser's headline): the nearest line over h, within the walk's reach,
 * that reads as a headline, that the dump holds again (the crumbs' last
 * entry, a second heading, the comments' "25 thoughts on \"...\"") and
 * that is no furniture. Returns its index, or h. */
static size_t
text_copied_over(const struct text_doc *d, size_t h)
{
	size_t lo = d->body_start > TEXT_HEADER_SKIP ?
	    d->body_start - TEXT_HEADER_SKIP : 0;

	if (text_copied(d, h))
		return h;
	for (size_t k = h; k-- > lo;)
		if (text_headline_line(&d->items[k]) &&
		    text_copied(d, k) && !text_among_furniture(d, k))
			return k;
	return h;
}

/* The headline over the post's dated byline, where the walk climbed
 * past it to the site's name or tagline ("HearYa - Indie Music Blog"
 * over "Hit Parader's Top 100 ..." over "by oz on December 4, 2006";
 * "Preparing the consequences" over a search box over the bulleted
 * "Interning of Small Integers in Python" over "Posted by Konstantin
 * 21.10.2019"): a post's dated byline (text_dated_byline_under())
 * among the TEXT_DATED_BYLINE_OVER items over the body, and a line of two
 * words or more over it that is no sentence of prose, with a line or
 * more between it and first (a headline, its standfirst and the byline
 * are the common layout: first stays). A blog's header row; the line
 * over it is its post's headline, a bullet or not. Returns its index,
 * or first. */
static size_t
text_over_dated_byline(const struct text_doc *d, size_t first)
{
	for (size_t k = d->body_start; k > first + 3 &&
	    k + TEXT_DATED_BYLINE_OVER > d->body_start; k--) {
		const struct text_item *it = &d->items[k - 2];

		if (!text_dated_byline_under(d, k - 2))
			continue;
		if (it->kind != TEXT_OTHER || it->chrome || it->datelike ||
		    it->words < 2 || it->words > TEXT_TITLE_MAX_WORDS ||
		    text_has_sentence_break(it->s) ||
		    text_ends_full_stop(it->s))
			return first;
		return k - 2;
	}
	return first;
}

/* The headline from the run's first item (first) the walk stopped at:
 * past a kicker or a section's name over it and the items it glued to
 * it, or the headline the dump holds again over it; then the standfirst
 * under it. */
static void
text_header_title(struct text_doc *d, size_t first)
{
	first = text_named_head(d, first);
	first = text_over_byline(d, first);
	first = text_over_dated_byline(d, first);
	/* a kicker or a section's name over the headline: a short item
	 * over a longer one that reads as a headline, or over its own
	 * copy (the site's name as the logo's text and as its link) */
	while (first + 1 < d->body_start && d->items[first].words <= 3 &&
	    text_title_candidate(&d->items[first + 1]) &&
	    (d->items[first + 1].words > d->items[first].words ||
	    strcmp(d->items[first + 1].s, d->items[first].s) == 0) &&
	    d->items[first + 1].words <= TEXT_TITLE_MAX_WORDS &&
	    !d->items[first + 1].sentence)
		first++;
	if (text_heading_under(d, first))
		first++;
	first = text_title_part(d, first);
	text_drop_crumbs(&d->items[first]);
	text_drop_kicker(d, first);
	if (d->items[first].words <= TEXT_TITLE_MAX_WORDS &&
	    (d->items[first].words <= TEXT_TWO_SENTENCE_WORDS ||
	    !text_has_sentence_break(d->items[first].s)) &&
	    !text_ends_full_stop(d->items[first].s)) {
		first = text_copied_over(d, first);
		d->title = first;
		d->items[first].kind = TEXT_HEADLINE;
		first++;
	} else {
		first = text_repeated_title(d, first);
	}
	text_standfirst(d, first);
}

/* Walks up from the body to the headline: past captions, dates, bylines
 * and chrome to the first run of headline-like items; the run's first item
 * is the headline, the next the standfirst. A run under the heading of a
 * link box ("Mehr zum Thema", "Read more:") is the box's links, which a
 * page sets between its lead and the rest of the article: the walk goes
 * on above it. */
void
text_header(struct text_doc *d)
{
	size_t first = d->n, i = d->body_start, steps = 0, name = d->n;
	size_t dated = d->n, box;
	size_t crumb = text_crumb_headline(d);
	bool found = false;

	/* the crumbs' last entry opening the region leaves it a body */
	if (crumb < d->body_start || (crumb < d->n &&
	    d->body_start + 1 < d->body_end)) {
		text_crumb_title(d, crumb);
		return;
	}
	while (i > 0 && steps < TEXT_HEADER_SKIP) {
		struct text_item *it = &d->items[--i];

		steps++;
		/* crumbs that the rule above did not take end the run */
		if (text_title_candidate(it) &&
		    !text_in_numbered_list(d, i) &&
		    !text_under_by_label(d, i)) {
			found = true;
			first = i;
			continue;
		}
		/* a menu over the name-like line nearest the body: the
		 * walk would climb to the site's furniture */
		if (!found && name < d->n && it->bullet &&
		    strchr(",|:", d->items[name].s[strlen(
		    d->items[name].s) - 1]) == NULL &&
		    text_menu_name(d, i, name))
			break;
		if (!found && name == d->n && it->kind == TEXT_OTHER &&
		    !it->datelike && text_byline_prefix(it->s) == 0 &&
		    !it->chrome && !it->bullet && it->words >= 2 &&
		    text_is_byline(it->s, it->words))
			name = i;
		if (!found)
			continue;
		/* a link box's heading over them: they were its links */
		if (it->chrome && it->words <= TEXT_BOX_HEADING_WORDS &&
		    text_is_box_heading(it->s)) {
			found = false;
			first = d->n;
			continue;
		}
		/* the run's top under the first date passed */
		if (it->datelike && dated == d->n)
			dated = first;
		if (it->datelike || text_counter(it) ||
		    (it->kind == TEXT_OTHER && !it->chrome &&
		    text_is_byline(it->s, it->words)))
			continue;
		if (text_section_label(d, i, first)) {
			found = false;
			first = d->n;
			continue;
		}
		box = text_teaser_box(d, i, i > TEXT_BOX_ITEMS ?
		    i - TEXT_BOX_ITEMS : 0);
		if (box < d->n) {
			found = false;
			first = d->n;
			i = box;
			continue;
		}
		break;
	}
	/* the run reached the dump's top: the site's name and its
	 * tagline over the post's date, the headline under the date */
	if (found && first <= TEXT_TOP_ITEMS && dated < d->n &&
	    dated > first + 1 && text_title_candidate(&d->items[first + 1]))
		first = dated;
	if (!found) {
		text_title_fallback(d, name);
		return;
	}
	text_header_title(d, first);
}
