/* Article extraction from plain-text page dumps: segments and classifies
 * the text (text_segment.c, text_classify.c), then fills the article's
 * fields from the classified items. */
#include "text_extract.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../date.h"
#include "util.h"
#include "text_blocks.h"
#include "text_util.h"

#define TEXT_OUTLET_MAX_WORDS 5
/* Outlet names weighed at most, each costing a pass over the items. */
#define TEXT_OUTLET_TRIES 64
/* Words at most of a date line glued to a paragraph's end. */
#define TEXT_GLUED_WORDS 6
/* Captions kept as an article's images, at most: each is checked
 * against every kept one (html_extract_write.c keeps as many). */
#define TEXT_MAX_IMAGES 1000

/* Wire agencies: named in a byline they are not authors. */
static const char *const text_agencies[] = {
	"Reuters", "AP", "Associated Press", "AFP", "Agence France-Presse",
	"TASS", "Bloomberg", "Xinhua", "dpa", "DPA", "PA", "UPI", "ANSA",
	"EFE", "Kyodo", "Yonhap", "RIA Novosti", "Interfax", "IANS", "PTI",
	"ANI", "AAP", "CNN", "BBC",
};

/* Words that make part of a byline a role, not a name (folded). */
static const char *const text_roles[] = {
	"correspondent", "reporter", "editor", "writer", "staff",
	"contributor", "columnist", "journalist", "producer", "analyst",
	"chief", "senior", "news", "agency", "desk", "team", "bureau",
	"updated", "published", "minutes", "hours", "read", "follow",
	"redakteur", "korrespondent", "envoy", "special", "photographer",
	"courtesy", "fact check", "about ", "more by", "posts by",
};

static bool
text_is_agency(const char *s)
{
	for (size_t i = 0; i < TEXT_NELEM(text_agencies); i++)
		if (strcmp(s, text_agencies[i]) == 0)
			return true;
	return false;
}

/* True when s holds a role's word (text_roles, any case) where a word
 * starts, or inside a word that opens in capitals (a compound noun:
 * "Chefredakteur", "Redaktionsteam"). Inside a word in small letters
 * it is no role: "mywakenews" is a blog's handle, not its news desk. */
static bool
text_has_role(const char *s)
{
	for (size_t i = 0; i < TEXT_NELEM(text_roles); i++) {
		size_t k = strlen(text_roles[i]);
		const char *w = s;  /* where q's word starts */

		for (const char *q = s; *q != '\0'; q++) {
			if (q > s && q[-1] == ' ')
				w = q;
			if (strncasecmp(q, text_roles[i], k) != 0)
				continue;
			if (w == q || text_starts_upper(w))
				return true;
		}
	}
	return false;
}

static char *
text_trimmed(const char *p, size_t n)
{
	while (n > 0 && (*p == ' ' || *p == ',' || *p == ';')) {
		p++;
		n--;
	}
	while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == ',' ||
	    p[n - 1] == '.' || p[n - 1] == ';'))
		n--;
	return xstrndup(p, n);
}

/* True when s has a lower-case letter: a name in capitals is a label. */
static bool
text_has_lower(const char *s)
{
	size_t len = strlen(s), i = 0, adv;

	while (i < len) {
		if (text_cp_lower(text_cp_at(s + i, len - i, &adv)))
			return true;
		i += adv;
	}
	return false;
}

/* True when a word of name (of four bytes or more) is an item of its
 * own elsewhere in d, a menu's or a crumb's label ("Aktuelles" over
 * "27.01.2022 Aktuelles Experteninterviews"): the name is a section's.
 * A person's name stands alone in full, if at all. */
static bool
text_section_name(const struct text_doc *d, const char *name)
{
	for (const char *w = name; *w != '\0';) {
		size_t k = strcspn(w, " ");

		for (size_t i = 0; k >= 4 && i < d->n; i++)
			if (d->items[i].words == 1 &&
			    strlen(d->items[i].s) == k &&
			    strncmp(d->items[i].s, w, k) == 0)
				return true;
		w += k;
		while (*w == ' ')
			w++;
	}
	return false;
}

/* Adds one name from a byline part when it reads as a person's name of
 * min words or more, is not the outlet's name (outlet, or NULL) and,
 * where d is given (a bare name, no "By" before it), no word of it is a
 * section's label in d. */
static void
text_add_name(struct nw_article *a, const struct text_doc *d, char *name,
    int min, const char *outlet)
{
	int words = 0;
	size_t n = strlen(name), h = n / 2;
	/* one word after a byline's word may be a user's handle
	 * ("uriebe", "freeman1984") */
	bool handle = min == 1 && text_handle_len(name) == n;
	bool ok = text_starts_upper(name) || handle;
	size_t role = text_role_before(name);

	/* a role's word before the name ("Rechtsanwalt Sebastian
	 * Einbock") */
	if (role > 0) {
		memmove(name, name + role, n - role + 1);
		n -= role;
		h = n / 2;
	}

	/* a name written twice, glued or spaced ("Oph\xc3\xa9lie
	 * OstermannOph\xc3\xa9lie Ostermann"): a renderer's join of the
	 * name's two spans, a picture's and a link's */
	if (h > 0 && memcmp(name, name + n - h, h) == 0 &&
	    (n % 2 == 0 || name[h] == ' '))
		name[h] = '\0';
	/* its last initial's dot trimmed ("Joe S. Joe S") */
	else if (h > 1 && n % 2 == 0 && name[h - 1] == '.' &&
	    name[h] == ' ' && memcmp(name, name + h + 1, h - 1) == 0)
		name[h] = '\0';
	for (char *p = name; *p != '\0'; p++) {
		if (*p != ' ' && (p == name || p[-1] == ' '))
			words++;
		if ((isdigit((unsigned char)*p) && !handle) || *p == '@' ||
		    *p == '/')
			ok = false;
	}
	if (strncmp(name, "The ", 4) == 0 || !text_has_lower(name))
		ok = false;
	if (ok && words >= min && words <= 5 && !text_is_agency(name) &&
	    !text_has_role(name) &&
	    (d == NULL || !text_section_name(d, name)) &&
	    (outlet == NULL || strcmp(name, outlet) != 0) &&
	    !strlist_contains(&a->authors, name))
		strlist_push(&a->authors, name);
	free(name);
}

/* Adds one name as text_add_name() does, the publisher's name being no
 * author's. */
static void
text_add_author(struct nw_article *a, const struct text_doc *d, char *name,
    int min)
{
	text_add_name(a, d, name, min, a->publisher);
}

/* Splits a byline ("By Jane Doe and John Roe, Staff Writers | Outlet")
 * into names, dropping roles, agencies and the outlet. */
static void
text_authors(struct nw_article *a, const struct text_doc *d,
    const char *line)
{
	static const char *const stops[] = {
		" | ", " - ", " \xe2\x80\x94 ", " \xe2\x80\x93 ", "@", " / ",
		" on ", " for ", " in ",
	};
	static const char *const seps[] = {
		", ", " and ", " & ", " und ", " et ", " y ", " e ", "; ",
	};
	const char *p = line + text_byline_prefix(line);
	size_t end;

	/* a label before its "von" ("Artikel von Alexa von Heyden") */
	if (p == line)
		p += text_label_by(line);
	end = strlen(p);

	if (p != line)
		d = NULL;

	for (size_t i = 0; i < TEXT_NELEM(stops); i++) {
		const char *q = strstr(p, stops[i]);

		if (q != NULL && (size_t)(q - p) < end)
			end = (size_t)(q - p);
	}
	end = text_name_and_affiliation(p, end);
	while (end > 0) {
		size_t cut = end, skip = 0;

		for (size_t i = 0; i < TEXT_NELEM(seps); i++) {
			const char *q = strstr(p, seps[i]);

			if (q != NULL && (size_t)(q - p) < cut) {
				cut = (size_t)(q - p);
				skip = strlen(seps[i]);
			}
		}
		/* a role after the first name ("Uta Staschewski,
		 * Projektleiterin der HSS") ends the names */
		if (a->authors.n > 0 && text_phrase_part(p, cut))
			break;
		text_add_author(a, d, text_trimmed(p, cut), 2);
		/* a separator that runs into the stop ends the names too */
		if (cut + skip >= end)
			break;
		p += cut + skip;
		end -= cut + skip;
	}
}

/* The authors of byline it when it is a strong one (opens with "By",
 * or is a dated line that names a person), or else when strong is
 * false: the name a dated line gives, one word being enough after "by"
 * ("8. Januar 2020 \xc2\xb7 by Jane"), else the names of the line. */
static void
text_byline_authors(struct nw_article *a, const struct text_doc *d,
    const struct text_item *it, bool strong)
{
	size_t len = 0, off = 0;
	int words;
	char *u = text_unglued(it->s);
	struct text_item t;

	/* the name after a picture's placeholder ("[Image-from] Edward
	 * Russell") */
	if (text_placeholder_len(it->s) > 0) {
		t = *it;
		t.s += text_placeholder_len(it->s);
		t.words--;
		text_byline_authors(a, d, &t, strong);
		free(u);
		return;
	}
	/* a prefix glued to its name: the names after it */
	if (u != NULL) {
		text_authors(a, d, u);
		free(u);
		return;
	}
	/* a name and its role ("Richard Adams Education editor") */
	if ((len = text_role_name(it->s, it->words)) > 0) {
		text_add_author(a, d, xstrndup(it->s, len), 2);
		free(u);
		return;
	}
	if (it->datelike)
		off = text_dated_name(it->s, &len, &words);
	if (len > 0) {
		if (strong)
			text_add_author(a, text_named_by_word(it->s, off) ?
			    NULL : d, xstrndup(it->s + off, len),
			    off > 0 ? 1 : 2);
	} else if (text_byline_prefix(it->s) == 0 &&
	    (len = text_bar_name(it)) > 0) {
		/* the names before the bar, without the time after them */
		char *names = xstrndup(it->s, len);

		text_authors(a, d, names);
		free(names);
	} else if (!strong || text_byline_prefix(it->s) > 0) {
		size_t n = a->authors.n;

		text_authors(a, d, it->s);
		/* a long line that runs on past the name ("Von Katharina
		 * Schmidt Kategorien: Mode 6. November 2023, 15:25 Uhr Was
		 * haben ..."): the name the prefix opens, up to a label */
		off = text_dated_name(it->s, &len, &words);
		if (a->authors.n == n && strong && off > 0 && len > 0)
			text_add_author(a, NULL, xstrndup(it->s + off, len),
			    2);
	}
}

/* A capitalised name of at most TEXT_OUTLET_MAX_WORDS words starting at
 * p ("The Independent", "Deccan Herald"); its byte length, or 0. */
static size_t
text_name_at(const char *p)
{
	size_t len = 0;
	int words = 0;

	while (words < TEXT_OUTLET_MAX_WORDS && text_starts_upper(p + len) &&
	    p[len] != '"' && p[len] != '(') {
		size_t w = 0;

		while (p[len + w] != '\0' && p[len + w] != ' ' &&
		    p[len + w] != ',' && p[len + w] != '.' &&
		    p[len + w] != '\'' && p[len + w] != ':' &&
		    strncmp(p + len + w, "\xe2\x80\x99", 3) != 0)
			w++;
		len += w;
		words++;
		if (p[len] != ' ' || !text_starts_upper(p + len + 1))
			break;
		len++;
	}
	return words > 0 ? len : 0;
}

/* Counts the chrome items that mention name. */
static int
text_chrome_mentions(const struct text_doc *d, const char *name)
{
	int n = 0;

	for (size_t i = 0; i < d->n; i++)
		if (d->items[i].chrome && strstr(d->items[i].s, name) != NULL)
			n++;
	return n;
}

/* The holder a copyright notice names ("© 2019 Dow Jones & Company, Inc.
 * All Rights Reserved." gives "Dow Jones & Company"), or NULL when s is not
 * a short copyright notice. */
static char *
text_copyright_holder(const char *s)
{
	static const char *const ends[] = {
		". ", " All ", " all ", " ALL ", ", Inc", " Inc.", " Ltd",
		" LLC", " GmbH", " |", " - ", " \xe2\x80\x94 ", ";", ", a ",
		" or its", " and its", " 19", " 20",
	};
	const char *m = strstr(s, "\xc2\xa9");
	const char *p;
	size_t n;

	if (m == NULL)
		m = strstr(s, "Copyright ");
	if (m == NULL)
		m = strstr(s, "copyright ");
	if (m == NULL || text_spaced_words(s, strlen(s)) > 15)
		return NULL;
	if (*m == 'C' || *m == 'c') {
		p = m + 10;
		if (strncasecmp(p, "(c)", 3) != 0 &&
		    strncmp(p, "\xc2\xa9", 2) != 0 &&
		    !isdigit((unsigned char)*p))
			return NULL;
	} else {
		p = m + 2;
	}
	/* Past the marks and years: "© 2019", "(c) 2010-2019", "©2019,". */
	for (;;) {
		if (strncasecmp(p, "(c)", 3) == 0)
			p += 3;
		else if (strncmp(p, "\xc2\xa9", 2) == 0)
			p += 2;
		else if (*p == ' ' || *p == '-' || *p == ',' ||
		    isdigit((unsigned char)*p))
			p++;
		else
			break;
	}
	for (int again = 1; again;) {
		again = 0;
		if (strncasecmp(p, "copyright ", 10) == 0) {
			p += 10;
			again = 1;
		}
		if (strncasecmp(p, "all rights reserved", 19) == 0) {
			p += 19;
			again = 1;
		}
		while (*p == ' ' || *p == '.' || *p == ',' ||
		    isdigit((unsigned char)*p))
			p++;
	}
	n = strlen(p);
	for (size_t i = 0; i < TEXT_NELEM(ends); i++) {
		const char *q = strstr(p, ends[i]);

		if (q != NULL && (size_t)(q - p) < n)
			n = (size_t)(q - p);
	}
	while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '.' ||
	    p[n - 1] == ','))
		n--;
	if (n < 2 || !text_starts_upper(p))
		return NULL;
	return xstrndup(p, n);
}

/* The outlet named by the page's own furniture: a copyright line after
 * the body, else the "The X" name that chrome repeats most (at least
 * twice), else the name that notification or subscription chrome gives.
 * Returns a new string or NULL. */
static char *
text_outlet(const struct text_doc *d)
{
	static const char *const intro[] = {
		"notifications from ", "subscribe to ", "support ",
		"newsletter from ", "updates from ",
	};
	char *best = NULL;
	int best_n = 0, tried = 0;

	for (size_t i = d->n; i > d->body_end; i--) {
		char *c = text_copyright_holder(d->items[i - 1].s);

		if (c != NULL)
			return c;
	}
	for (size_t i = 0; i < d->n && tried < TEXT_OUTLET_TRIES; i++) {
		const char *p = d->items[i].s;

		if (!d->items[i].chrome)
			continue;
		for (;;) {
			size_t n;
			char *name;
			int m;

			p = strstr(p, "The ");
			if (p == NULL || tried >= TEXT_OUTLET_TRIES)
				break;
			n = text_name_at(p);

			if (n <= 4 || memchr(p, ' ', n) == NULL) {
				p += 4;
				continue;
			}
			name = xstrndup(p, n);
			m = text_chrome_mentions(d, name);
			tried++;
			if (m >= 2 && m > best_n) {
				free(best);
				best = name;
				best_n = m;
			} else {
				free(name);
			}
			p += n;
		}
	}
	if (best != NULL)
		return best;
	for (size_t i = 0; i < d->n; i++) {
		char *f;

		if (!d->items[i].chrome)
			continue;
		f = text_fold(d->items[i].s);
		for (size_t k = 0; k < TEXT_NELEM(intro); k++) {
			const char *q = strstr(f, intro[k]);
			size_t off, n;

			if (q == NULL || strlen(f) != strlen(d->items[i].s))
				continue;
			off = (size_t)(q - f) + strlen(intro[k]);
			n = text_name_at(d->items[i].s + off);
			if (n > 0) {
				free(f);
				return xstrndup(d->items[i].s + off, n);
			}
		}
		free(f);
	}
	return NULL;
}

/* Upper-case place names of a dateline: "MOSCOW", "NEW YORK", "ST.
 * PETERSBURG". Returns the length, or 0. */
static size_t
text_caps_place(const char *s)
{
	size_t i = 0, len = strlen(s), letters = 0, adv;

	while (i < len) {
		int32_t cp = text_cp_at(s + i, len - i, &adv);

		if (text_cp_upper(cp)) {
			letters++;
		} else if (text_cp_letter(cp)) {
			return 0;
		} else if (s[i] != ' ' && s[i] != '.' && s[i] != '-' &&
		    s[i] != '\'') {
			break;
		}
		i += adv;
	}
	while (i > 0 && s[i - 1] == ' ')
		i--;
	return letters >= 2 ? i : 0;
}

/* Reads a wire dateline at the start of the first body paragraph:
 * "MOSCOW, February 13. /TASS/.", "WASHINGTON (Reuters) -",
 * "LONDON, Nov 20 (AP) —". Sets it on a when a place comes with an agency
 * or a date. */
static void
text_dateline(struct nw_article *a, const char *s)
{
	size_t pl = text_caps_place(s);
	const char *p = s + pl;
	char *place, *date = NULL, *agency = NULL;

	if (pl == 0)
		return;
	if (p[0] == ',' && p[1] == ' ') {
		const char *q = p + 2;
		size_t n = 0;
		bool digit = false;

		while (q[n] != '\0' && q[n] != '(' && q[n] != '/' &&
		    !(q[n] == '.' && q[n + 1] == ' ') && n < 40) {
			digit |= isdigit((unsigned char)q[n]) != 0;
			n++;
		}
		while (n > 0 && q[n - 1] == ' ')
			n--;
		if (digit && n > 0 && q[n] != '\0') {
			date = xstrndup(q, n);
			p = q + n;
			while (*p == '.' || *p == ' ')
				p++;
		} else {
			return;
		}
	} else {
		while (*p == ' ')
			p++;
	}
	if (*p == '/' || *p == '(') {
		char close = *p == '/' ? '/' : ')';
		const char *e = strchr(p + 1, close);

		if (e != NULL && e - p > 1 && e - p < 40)
			agency = xstrndup(p + 1, (size_t)(e - p - 1));
	}
	if (agency == NULL && date == NULL)
		return;
	place = xstrndup(s, pl);
	article_set_dateline(a, place, date, agency);
	if (agency != NULL && a->publisher == NULL)
		article_set(&a->publisher, agency);
	free(place);
	free(date);
	free(agency);
}

/* Whether s holds more than max words; read no further than the word
 * after the max-th (a paragraph's every full stop asks of its tail). */
static bool
text_more_words(const char *s, int max)
{
	int n = 0;

	for (const char *p = s; *p != '\0'; p++)
		if (*p != ' ' && (p == s || p[-1] == ' ') && ++n > max)
			return true;
	return false;
}

/* The date line that a renderer glued to the end of a paragraph (lynx
 * sets no blank line between a <p> and the line under it): after the
 * paragraph's last full stop, a tail of a few words that ends with a
 * date ("... so das Umweltbundesamt. 25.01.2022 13", "... Joshua Pohja.
 * Ver\xc3\xb6ffentlicht am: 6. August 2009"). Its date in *t. */
static bool
text_glued_date(const char *s, struct nw_time *t)
{
	for (const char *p = s; (p = strpbrk(p, ".!?")) != NULL; p++) {
		const char *tail = p + 1;
		size_t at, span, lead;

		if (*tail != ' ' || p == s || p[-1] == ' ' ||
		    isdigit((unsigned char)p[-1]))
			continue;
		tail++;
		if (text_more_words(tail, TEXT_GLUED_WORDS))
			continue;
		if (date_find(tail, strlen(tail), t, &at, &span) != 0)
			return false;
		/* bare, or under a label ("Stand:"), not a caption's
		 * "Datensatz vom 09.03.2016" */
		lead = at;
		while (lead > 0 && tail[lead - 1] == ' ')
			lead--;
		return (lead == 0 || tail[lead - 1] == ':') &&
		    text_ends_with_date(tail, at, span) &&
		    !text_date_in_name(tail, at, span);
	}
	return false;
}

/* The last resort of text_published(): a line over the headline too long
 * to be a date line (over 15 words) that still carries one, not a
 * paragraph, a caption, a credit, a teaser or furniture ("\xe2\x8b\x85
 * November 22, 2011 \xe2\x8b\x85 Email this post \xe2\x8b\x85 ...",
 * "Literatur und Animated Typography wurde am 19. Mai 2010 um 23:03 Uhr
 * gepostet und unter ... abgelegt."). */
static void
text_long_dated(const struct text_doc *d, size_t hi, int64_t now,
    struct nw_article *a)
{
	for (size_t i = 0; i < hi; i++) {
		const struct text_item *it = &d->items[i];
		struct nw_time t;
		size_t at, span;

		if (it->datelike || it->chrome || (it->kind != TEXT_OTHER &&
		    it->kind != TEXT_BYLINE && it->kind != TEXT_STANDFIRST))
			continue;
		if (date_find(it->s, strlen(it->s), &t, &at, &span) != 0 ||
		    text_date_in_name(it->s, at, span))
			continue;
		if ((now > 0 && t.utc > now) || t.utc < 0)
			continue;
		a->published = t;
		return;
	}
}

/* Finds the date of publication in the date lines of the header, else in
 * a byline of the header with a full date (its first: a labelled update
 * may follow it) or an item of the header that ends with one (the
 * crumbs with the date that a renderer joined to them, too long to be a
 * date line; not a caption's or a credit's), else in the date lines of
 * the body region, above the headline or the footer; dates after now
 * (when now > 0) or before 1970 are not accepted. */
static void
text_published(const struct text_doc *d, int64_t now, struct nw_article *a)
{
	size_t from = d->title < d->n ? d->title : 0;

	/* The header, then the header's lines ending with a date, then
	 * date lines inside the body region, then what precedes the
	 * headline, then the footer. */
	const size_t lo_of[] = { from, from, d->body_start, 0, d->body_end };
	const size_t hi_of[] = { d->body_start, d->body_start, d->body_end,
	    from, d->n };

	for (size_t pass = 0; pass < TEXT_NELEM(lo_of); pass++) {
		size_t lo = lo_of[pass], hi = hi_of[pass];
		struct nw_time t;

		/* before the body region: the date line just over the
		 * headline */
		if (pass == 2 && text_date_above(d, &t) &&
		    (now <= 0 || t.utc <= now) && t.utc >= 0) {
			a->published = t;
			return;
		}
		/* before the lines over the headline: the date that opens
		 * the lead */
		if (pass == 3 && text_lead_date(d, &t) &&
		    (now <= 0 || t.utc <= now) && t.utc >= 0) {
			a->published = t;
			return;
		}

		for (size_t i = lo; i < hi; i++) {
			const struct text_item *it = &d->items[i];
			struct nw_time t;
			size_t at, span;

			if (pass == 2 && it->kind == TEXT_BODY &&
			    text_glued_date(it->s, &t) &&
			    (now <= 0 || t.utc <= now) && t.utc >= 0) {
				a->published = t;
				return;
			}
			if ((!it->datelike && (pass != 1 ||
			    it->kind == TEXT_CAPTION ||
			    it->kind == TEXT_CREDIT)) ||
			    it->kind == TEXT_BODY)
				continue;
			if (date_find(it->s, strlen(it->s), &t, &at,
			    &span) != 0 || text_date_in_name(it->s, at, span))
				continue;
			if (!it->datelike && it->kind != TEXT_BYLINE &&
			    !text_ends_with_date(it->s, at, span))
				continue;
			if ((now > 0 && t.utc > now) || t.utc < 0)
				continue;
			a->published = t;
			return;
		}
	}
	text_long_dated(d, from, now, a);
}

/* The region's photo captions, each once, as the article's images:
 * TEXT_MAX_IMAGES of them at most (each is compared with every kept
 * one: 40,000 captions took 7 s). */
static void
text_images(const struct text_doc *d, struct nw_article *a)
{
	size_t end = d->body_end > 0 ? d->body_end : d->n;

	for (size_t i = 0; i < end && a->n_images < TEXT_MAX_IMAGES; i++) {
		const struct text_item *it = &d->items[i];
		char *cap;
		bool seen = false;

		if (it->kind != TEXT_CAPTION || it->dup ||
		    !text_starts_word(it->s))
			continue;
		cap = xstrndup(it->s, it->cap_len);
		for (size_t k = 0; k < a->n_images; k++)
			if (a->images[k].caption != NULL &&
			    strcmp(a->images[k].caption, cap) == 0)
				seen = true;
		if (!seen)
			article_add_image(a, NULL, cap, it->credit);
		free(cap);
	}
}

int
text_extract(const char *s, size_t len, int64_t now,
    struct nw_article *a, char *err, size_t errlen)
{
	/* the last ways to an author, in turn */
	static const char *(*const lasts[])(const struct text_doc *,
	    size_t *) = { text_dated_one_name, text_more_by_name };
	struct text_doc *d = text_segment(s, len);
	struct buf body = { 0 };
	char *outlet;

	text_classify(d);
	for (size_t i = d->body_start; i < d->body_end; i++) {
		if (d->items[i].kind != TEXT_BODY)
			continue;
		if (body.len > 0)
			buf_puts(&body, "\n\n");
		buf_puts(&body, d->items[i].s);
	}
	if (body.len == 0) {
		buf_free(&body);
		text_doc_free(d);
		return fail(err, errlen, "text: no article text found");
	}
	free(a->body);
	a->body = buf_take(&body);
	if (d->title < d->n)
		article_set(&a->title, d->items[d->title].s);
	if (d->subtitle < d->n)
		article_set(&a->subtitle, d->items[d->subtitle].s);
	outlet = text_outlet(d);
	if (outlet != NULL)
		article_set(&a->publisher, outlet);
	free(outlet);
	for (size_t i = d->body_start; i < d->body_end; i++) {
		if (d->items[i].kind == TEXT_BODY) {
			text_dateline(a, d->items[i].s);
			break;
		}
	}
	/* the bylines with a prefix or a date first; bare names only
	 * where those give none */
	for (int pass = 0; pass < 2 && a->authors.n == 0; pass++)
		for (size_t i = 0; i < d->n && (pass == 0 ||
		    a->authors.n == 0); i++)
			if (d->items[i].kind != TEXT_BYLINE)
				continue;
			/* a name under its label ("Von" over "Claus
			 * Boelen-Theile") is a prefixed byline */
			else if (pass == 0 && text_labelled_name(d, i))
				text_authors(a, NULL, d->items[i].s);
			else
				text_byline_authors(a, d, &d->items[i],
				    pass == 0);
	/* none: a one-word name beside the date by the headline that
	 * the dump names elsewhere as a writer ("von Cortyn"), then the
	 * writer a link to more of their pieces names ("Alles von Martin
	 * Junker" in the author's box) */
	for (size_t i = 0; a->authors.n == 0 && i < TEXT_NELEM(lasts); i++) {
		size_t len;
		const char *name = lasts[i](d, &len);

		if (name != NULL)
			text_add_author(a, NULL, xstrndup(name, len), 1);
	}
	/* none: the person a copyright line under the body names, a
	 * blog's owner (a picture's credit names its photographer) */
	for (size_t i = d->n; a->authors.n == 0 && i > d->body_end &&
	    d->body_end > 0; i--) {
		const struct text_item *it = &d->items[i - 1];
		size_t len, off = text_copyright_owner(it->s, &len);

		/* a person who has kept the site over the years is its
		 * publisher and its writer both ("Copyright (c) 2012-
		 * Gregory Szorc."); one year's owner named as the
		 * publisher is an outlet ("Copyright \xc2\xa9 2022
		 * Greentech Live") */
		if (len > 0 && it->kind != TEXT_CREDIT &&
		    it->kind != TEXT_CAPTION)
			text_add_name(a, NULL, xstrndup(it->s + off, len), 2,
			    text_owner_since(it->s, off) ? NULL :
			    a->publisher);
	}
	text_published(d, now, a);
	text_images(d, a);
	text_doc_free(d);
	return 0;
}
