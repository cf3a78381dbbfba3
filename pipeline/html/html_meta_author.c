/* Author names from bylines and metadata values: cleaning and splitting. */
#include "html_meta_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "../date.h"

/* The longest name kept, in bytes, and in words. */
#define AUTHOR_MAX_LEN 80
#define AUTHOR_MAX_WORDS 6

static bool author_trim_ascii(char **sp);

/* Byline lead-ins, matched case-insensitively at the start, longest
 * first where one is the prefix of another. */
static const char *const author_leads[] = {
	"zeige alle beiträge von", "alle beiträge von", "alle artikel von",
	"view all posts by", "all posts by", "more posts by", "more by",
	"mehr von", "articles by", "stories by",
	"written by", "posted by", "published by", "story by", "words by",
	"text by", "reported by", "geschrieben von", "verfasst von",
	"ein beitrag von", "ein artikel von", "ein gastbeitrag von",
	"beitrag von", "artikel von", "erstellt von", "escrito por",
	"publicado por", "redactado por", "écrit par", "publié par",
	"scritto da", "pubblicato da", "geschreven door",
	"by:", "von:", "por:", "par:", "di:", "door:", "autor:", "autorin:",
	"author:", "authors:", "autoren:", "autor/in:", "autore:",
	"interview:", "ein artikel von", "ein beitrag von",
	"auteur:", "text:", "texte:", "texto:", "reporter:", "posted:",
	"by", "von", "vom", "por", "par", "door", "от",
};

/* Words that name a role, not a person: a part made only of these (and
 * "of", "the") is dropped, as in "Jane Doe, Staff Writer". */
static const char *const author_roles[] = {
	"staff", "writer", "writers", "reporter", "reporters", "editor",
	"editors", "correspondent", "contributor", "contributing", "senior",
	"chief", "columnist", "photographer", "photos", "photo", "fotos",
	"foto", "bild", "bilder", "redakteur", "redakteurin", "korrespondent",
	"korrespondentin", "autor", "autorin", "author", "journalist",
	"journalistin", "desk", "rédacteur", "rédactrice", "redactor",
	"redactora", "periodista", "corresponsal", "envoyé", "spécial",
	"special", "political", "business", "sports", "science",
	"technology", "tech", "health", "national", "international",
	"investigative", "associate", "managing", "deputy", "executive",
	"news", "of", "the", "for", "and", "freelance", "freier", "freie",
	"mitarbeiter", "mitarbeiterin", "gastautor", "gastautorin",
	"guest", "post", "posts", "in", "at", "am", "um", "on", "le",
	"admin", "administrator", "webmaster", "user", "unknown", "no",
	"anonymous", "agencies", "agency", "posted", "publiziert",
	"veröffentlicht", "geschrieben", "text", "by", "von", "interview",
	"edited", "revised", "edition", "mehr", "more", "alle", "artikel",
	"beiträge", "view", "all", "profile", "profil", "follow",
	"folgen", "twitter", "facebook", "instagram", "linkedin", "e-mail",
	"email", "mail", "kontakt", "contact", "read", "lesen", "zuletzt",
	"geändert", "aktualisiert", "updated", "zeige", "show", "co", "kg",
	"gmbh", "ag", "inc", "ltd", "llc", "i", "a", "und", "and", "ago",
	"hours", "hour", "minutes", "stunden", "minuten", "vor", "uhr",
	"days", "tagen", "published", "publié", "publicado",
};

/* Joiners that separate two names. */
static const char *const author_joins[] = {
	" and ", " und ", " y ", " & ", " et ", " e ", " u. ", " sowie ",
	" och ", " og ",
};

static bool
author_has_letter(const char *s)
{
	for (; *s != '\0'; s++)
		if (isalpha((unsigned char)*s) || (unsigned char)*s >= 0x80)
			return true;
	return false;
}

/* Length of the Unicode punctuation at s that never ends a name
 * (guillemets, dashes, bullets, middle dot), or 0. */
static size_t
author_upunct(const unsigned char *s)
{
	if (s[0] == 0xc2 && (s[1] == 0xab || s[1] == 0xbb || s[1] == 0xb7))
		return 2;
	if (s[0] == 0xe2 && s[1] == 0x80 && (s[2] == 0x93 || s[2] == 0x94 ||
	    s[2] == 0xa2 || s[2] == 0xb9 || s[2] == 0xba))
		return 3;
	if (s[0] == 0xe2 && s[1] == 0x86 && s[2] >= 0x90 && s[2] <= 0x9f)
		return 3;  /* arrows */
	return 0;
}

/* Cuts leading and trailing spaces and punctuation (keeps a final '.'
 * after a letter, as in "Joe S."). Works in place; returns s moved. */
static char *
author_trim(char *s)
{
	size_t n, k;
	bool again = true;

	while (again) {
		again = false;
		while (author_upunct((unsigned char *)s) > 0) {
			s += author_upunct((unsigned char *)s);
			again = true;
		}
		n = strlen(s);
		for (k = 2; k <= 3 && k <= n; k++)
			if (author_upunct((unsigned char *)s + n - k) == k) {
				s[n - k] = '\0';
				again = true;
			}
		if (again)
			continue;
		again = author_trim_ascii(&s);
	}
	return s;
}

/* The ASCII part of author_trim(); true when it cut something. */
static bool
author_trim_ascii(char **sp)
{
	char *s = *sp;
	size_t n, before = strlen(s);

	while (*s == ' ' || *s == ',' || *s == ';' || *s == ':' ||
	    *s == '-' || *s == '|' || *s == '/' || *s == '*' || *s == '.' ||
	    *s == '(' || *s == ')' || *s == '"' || *s == '\'')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == ',' ||
	    s[n - 1] == ';' || s[n - 1] == ':' || s[n - 1] == '-' ||
	    s[n - 1] == '|' || s[n - 1] == '/' || s[n - 1] == '*' ||
	    s[n - 1] == '(' || s[n - 1] == ')' || s[n - 1] == '"' ||
	    (s[n - 1] == '.' && n >= 2 && s[n - 2] == '.')))
		s[--n] = '\0';
	*sp = s;
	return n != before;
}

/* Strips byline lead-ins ("By", "Von", "Written by"); true if one went. */
static bool
author_strip_lead(char **sp)
{
	bool any = false, again = true;
	size_t i, n;
	char *s = *sp;

	while (again) {
		again = false;
		s = author_trim(s);
		for (i = 0; i < sizeof(author_leads) /
		    sizeof(author_leads[0]); i++) {
			n = strlen(author_leads[i]);
			if (strncasecmp(s, author_leads[i], n) == 0 &&
			    (author_leads[i][n - 1] == ':' || s[n] == ' ' ||
			    s[n] == ':')) {
				s += n;
				any = again = true;
				break;
			}
		}
	}
	*sp = s;
	return any;
}

static bool
author_is_role(const char *w, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof(author_roles) / sizeof(author_roles[0]); i++)
		if (strlen(author_roles[i]) == n &&
		    strncasecmp(author_roles[i], w, n) == 0)
			return true;
	return false;
}

/* True when every word of s is a role word. */
static bool
author_only_roles(const char *s)
{
	const char *w = s, *e;

	while (*w != '\0') {
		while (*w == ' ' || *w == '-' || *w == '.')
			w++;
		if (*w == '\0')
			break;
		e = w;
		while (*e != '\0' && *e != ' ' && *e != '-')
			e++;
		if (!author_is_role(w, (size_t)(e - w)))
			return false;
		w = e;
	}
	return true;
}

static size_t
author_words(const char *s)
{
	size_t n = 0;
	bool in = false;

	for (; *s != '\0'; s++) {
		if (*s == ' ') {
			in = false;
		} else if (!in) {
			in = true;
			n++;
		}
	}
	return n;
}

static bool
author_is_site(const char *s, const char *const *sites)
{
	return sites != NULL && meta_is_site(s, strlen(s), sites);
}

/* Removes e-mail addresses and URLs (whole space-separated words). */
static void
author_drop_addresses(char *s)
{
	char *w = s, *o = s, *e;
	size_t n;

	while (*w != '\0') {
		e = strchr(w, ' ');
		n = e != NULL ? (size_t)(e - w) + 1 : strlen(w);
		if (!(memchr(w, '@', n) != NULL && n > 1 && w[0] != '@') &&
		    strncmp(w, "http", 4) != 0 && strncmp(w, "www.", 4) != 0) {
			memmove(o, w, n);
			o += n;
		}
		w += n;
	}
	*o = '\0';
}

/* Marks with '\001' where s breaks into segments: at the dates it holds
 * (blanked out), and at words that start a dateline or a time
 * ("Updated", "Published", "Veröffentlicht") or separate fields. */
static void
author_mark_segments(char *s)
{
	static const char *const stops[] = {
		" updated", " published", " posted on", " veröffentlicht",
		" aktualisiert", " stand:", " publié", " mis à jour",
		" publicado", " actualizado", " | ", " — ", " – ", " - ",
		" • ", " · ", "(", " alle artikel", " alle beiträge",
		" more by", " mehr von", " view all", " all posts", " »",
		" read more", " follow", " @ ", " on ", " // ", " / ",
	};
	struct nw_time t;
	size_t at, span, i, k, off = 0, len = strlen(s), n;
	char *low;

	for (k = 0; k < 4 && off < len && date_find(s + off, len - off, &t,
	    &at, &span) == 0 && span > 0; k++) {
		memset(s + off + at, ' ', span);
		s[off + at] = '\001';
		off += at + span;
	}
	low = xstrdup(s);
	for (i = 0; low[i] != '\0'; i++)
		low[i] = (char)tolower((unsigned char)low[i]);
	for (i = 1; i < len; i++)
		for (k = 0; k < sizeof(stops) / sizeof(stops[0]); k++) {
			n = strlen(stops[k]);
			if (strncmp(low + i, stops[k], n) == 0) {
				s[i] = '\001';
				break;
			}
		}
	free(low);
}

/* True when s is shaped like a person's name in running text: at most
 * five words, each capitalised or a particle ("von", "de"), no sentence
 * punctuation. */
static bool
author_name_shape(const char *s)
{
	static const char *const particles[] = {
		"von", "van", "der", "den", "de", "da", "di", "du", "la", "le",
		"del", "dos", "das", "bin", "al", "zu", "ten", "ter", "y", "e",
		"vom", "zur", "des", "of", "the", "for",
	};
	const char *w = s, *e;
	size_t i, n, words = 0;

	if (strpbrk(s, "?!:;\"") != NULL)
		return false;
	while (*w != '\0') {
		while (*w == ' ')
			w++;
		if (*w == '\0')
			break;
		e = w;
		while (*e != '\0' && *e != ' ')
			e++;
		n = (size_t)(e - w);
		words++;
		if (islower((unsigned char)*w)) {
			for (i = 0; i < sizeof(particles) /
			    sizeof(particles[0]); i++)
				if (strlen(particles[i]) == n &&
				    strncmp(particles[i], w, n) == 0)
					break;
			if (i == sizeof(particles) / sizeof(particles[0]))
				return false;
		} else if (!isupper((unsigned char)*w) &&
		    (unsigned char)*w < 0x80) {
			return false;
		}
		/* "late." ends a sentence; "S." is an initial */
		if (n > 3 && w[n - 1] == '.')
			return false;
		w = e;
	}
	return words > 0 && words <= 5;
}

/* Splits one cleaned segment into names and adds the good ones. */
static size_t
author_split_add(struct strlist *out, char *seg, const char *const *sites,
    struct strlist *outlets, bool strict)
{
	size_t added = 0, i, best, n;
	char *p, *cut, *name;

	while (*seg != '\0') {
		cut = NULL;
		n = 0;
		for (p = seg; *p != '\0' && cut == NULL; p++) {
			if (*p == ',' || *p == ';') {
				cut = p;
				n = 1;
				break;
			}
			for (i = 0; i < sizeof(author_joins) /
			    sizeof(author_joins[0]); i++) {
				best = strlen(author_joins[i]);
				if (strncasecmp(p, author_joins[i],
				    best) == 0) {
					cut = p;
					n = best;
					break;
				}
			}
		}
		if (cut != NULL)
			*cut = '\0';
		name = seg;
		author_strip_lead(&name);
		name = author_trim(name);
		if (name[0] != '\0' && author_has_letter(name) &&
		    strlen(name) <= AUTHOR_MAX_LEN &&
		    author_words(name) <= AUTHOR_MAX_WORDS &&
		    !author_only_roles(name) &&
		    ((!strict && author_words(name) < 3) ||
		    author_name_shape(name))) {
			if (author_is_site(name, sites)) {
				if (!strlist_contains(outlets, name))
					strlist_push(outlets, name);
			} else if (!strlist_contains(out, name) &&
			    out->n < META_MAX_LIST) {
				strlist_push(out, name);
				added++;
			}
		}
		if (cut == NULL)
			break;
		seg = cut + n;
	}
	return added;
}

size_t
meta_author_add(struct strlist *out, const char *raw,
    const char *const *sites, struct strlist *outlets, bool strict)
{
	char *copy, *s, *seg, *next, *part, *p;
	size_t added = 0;
	int pass;

	if (raw == NULL)
		return 0;
	copy = xstrdup(raw);
	meta_unescape(copy);
	s = meta_fold(copy);
	free(copy);
	copy = s;
	if (strncmp(s, "http", 4) == 0 || strncmp(s, "www.", 4) == 0 ||
	    strstr(s, "://") != NULL) {
		free(copy);
		return 0;
	}
	if (strncasecmp(s, "photo", 5) == 0 || strncasecmp(s, "foto", 4) == 0 ||
	    strncasecmp(s, "bild:", 5) == 0 || strncasecmp(s, "image", 5) == 0 ||
	    strncasecmp(s, "©", strlen("©")) == 0) {
		free(copy);
		return 0;
	}
	author_drop_addresses(s);
	author_mark_segments(s);
	/* the segment a byline lead-in opens ("... | By Jane Doe") first,
	 * then the first segment that names someone */
	for (pass = 0; pass < 2 && added == 0; pass++) {
		for (seg = s; seg != NULL && added == 0; seg = next) {
			next = strchr(seg, '\001');
			if (next != NULL)
				*next = '\0';
			part = xstrdup(seg);
			if (next != NULL) {
				*next = '\001';
				next++;
			}
			p = part;
			if (author_strip_lead(&p) || pass == 1)
				added = author_split_add(out, p, sites,
				    outlets, strict);
			free(part);
		}
	}
	free(copy);
	return added;
}
