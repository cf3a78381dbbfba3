/* Author names from bylines and metadata values: cleaning and splitting. */
#include "html_meta_int.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "../date.h"

/* The longest name kept, in bytes, and in words. */
#define AUTHOR_MAX_LEN 80
#define AUTHOR_MAX_WORDS 6
/* How many of author_name_shape()'s particles may open a name. */
#define AUTHOR_FIRST_PARTICLES 14
/* Most words of a name that closes the text, signing it. */
#define AUTHOR_SIGNATURE_WORDS 4
/* The last paragraphs of a text where its signature's name is sought
 * (the name and the lines of its block under it); the longest line of
 * the block in bytes, and in words. */
#define AUTHOR_SIGN_TAIL 4
#define AUTHOR_ROLE_LEN 160
#define AUTHOR_ROLE_WORDS 15
/* The most parts one byline is split into. */
#define AUTHOR_MAX_PARTS 32

static bool author_trim_ascii(char **sp);

/* Byline lead-ins, in small letters (the look-ups compare the first byte
 * as it stands), matched case-insensitively at the start, longest
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
	"ein kommentar von", "kommentar von", "eine analyse von",
	"analyse von", "gastbeitrag von", "eine reportage von",
	"reportage von", "eine kolumne von", "kolumne von",
	"a column by", "column by", "commentary by", "analysis by",
	"opinion by", "review by", "un article de", "une chronique de",
	"una columna de",
	"by:", "von:", "por:", "par:", "di:", "door:", "autor:", "autorin:",
	"author:", "authors:", "autoren:", "autor/in:", "autore:",
	"interview:", "ein artikel von", "ein beitrag von",
	"auteur:", "text:", "texte:", "texto:", "reporter:", "posted:",
	"redaktion:",
	"by", "von", "vom", "por", "par", "door", "от",
	/* "reporter", "correspondent" in Chinese and Japanese ("editor"
	 * is also the "edit" of a page's buttons) */
	"记者", "記者", "通讯员",
};

/* Words that name a role, not a person: a part made only of these (and
 * "of", "the") is dropped, as in "Jane Doe, Staff Writer". In small
 * letters: author_is_role() compares the first byte as it stands. */
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
	"geändert", "aktualisiert", "updated", "modified", "asked",
	"answered", "zeige", "show", "co", "kg",
	"gmbh", "ag", "inc", "ltd", "llc", "i", "a", "und", "and", "ago",
	"hours", "hour", "minutes", "stunden", "minuten", "vor", "uhr",
	"days", "tagen", "published", "publié", "publicado",
	"team", "newsroom", "date", "datum", "data", "fecha", "source",
	"quelle", "fuente", "źródło", "dr", "prof",
	/* a column's name: "Letters to the Editor", "Leserbriefe" */
	"letters", "letter", "to", "readers", "leserbriefe", "leserbrief",
};

/* Joiners that separate two names, longest first where one holds
 * another; the interview forms, the first AUTHOR_INTERVIEW_JOINS, credit
 * both people ("Jane Doe im Gespräch mit John Roe"). */
#define AUTHOR_INTERVIEW_JOINS 5
static const char *const author_joins[] = {
	" im gespräch mit ", " im interview mit ", " in conversation with ",
	" in an interview with ", " en conversation avec ",
	" and ", " und ", " y ", " & ", " et ", " e ", " u. ", " sowie ",
	" och ", " og ",
};

/* Wire agencies, matched whole and case-insensitively: credited beside
 * a person ("Jane Doe, dpa") they are no author; alone they are the
 * only one named and kept. */
static const char *const author_agencies[] = {
	"dpa", "afp", "ap", "reuters", "associated press", "apa", "kna",
	"epd", "sda", "sid", "dts", "ddp", "ansa", "efe", "upi", "kyodo",
	"jiji", "xinhua", "yonhap", "tass", "ria novosti", "interfax",
	"ians", "pti", "ani", "aap", "anp", "belga", "ctk", "pap", "lusa",
	"europa press", "press association", "agence france-presse",
	"kathpress", "bloomberg",
};

/* Articles that open an outlet's name ("The New York Times", "Die
 * Zeit", "El País"), never a person's. */
static const char *const author_articles[] = {
	"The", "Der", "Die", "Das", "El", "La", "Le", "Les", "Los", "Las",
	"Il", "Lo",
};

/* Titles of four characters or more that end in '.' inside a name
 * ("Prof. Dr. Anna Berg"); shorter ones ("Dr.") pass as initials do.
 * The lower-case ones are the fields of German doctorates ("Dr. med.
 * Anna Berg"). */
static const char *const author_honorifics[] = {
	"Prof.", "Dipl.", "Ing.", "Mag.", "Univ.", "Jun.", "Sen.", "Hon.",
	"Rev.", "Mrs.", "Mme.", "Sra.", "Capt.", "Gen.", "Col.", "Sgt.",
	"med.", "rer.", "nat.", "phil.", "jur.", "habil.", "pol.", "oec.",
	"dent.", "vet.", "h.c.", "mult.", "theol.",
};

/* Words of a company's legal form: a name holding one is a firm's (a
 * publisher, a web agency), never a person's. Matched whole, case and
 * all, with a final '.' ignored, anywhere but as the first word (where
 * "AG" may be initials); "Co" only as "Co." or after "&" (Emily Co is a
 * person). */
static const char *const author_firms[] = {
	"GmbH", "AG", "KG", "SE", "eG", "e.V", "mbH", "Inc", "Ltd", "LLC",
	"LLP", "PLC", "plc", "Corp", "S.A", "S.L", "SpA", "S.p.A", "B.V",
	"N.V", "SAS", "SARL", "Pty", "Co",
};

/* The number of letters of s (code points of a letter category). */
static size_t
author_letters(const char *s)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t k;
	size_t n = 0;
	int cat;

	while (*s != '\0') {
		k = utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &cp);
		if (k <= 0) {
			s++;
			continue;
		}
		cat = (int)utf8proc_category(cp);
		n += cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
		s += k;
	}
	return n;
}

/* True when every word of s is an initial ("S.", "D.E.", "J"): a
 * reviewer's or a commenter's abbreviation names no one. */
static bool
author_only_initials(const char *s)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t k;
	size_t run = 0;
	int cat;

	for (; *s != '\0'; s += k) {
		k = utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &cp);
		if (k <= 0)
			return false;
		cat = (int)utf8proc_category(cp);
		if (cat >= UTF8PROC_CATEGORY_LU &&
		    cat <= UTF8PROC_CATEGORY_LO) {
			if (++run > 1)
				return false;  /* two letters in a row */
		} else if (cp == '.' || cp == ' ') {
			run = 0;
		} else {
			return false;
		}
	}
	return true;
}

/* True when s is a host name alone ("symple.ch", "www.example.com"):
 * labels of letters, digits and '-', the last of two to six letters. */
static bool
author_is_domain(const char *s)
{
	const char *dot = strrchr(s, '.'), *p;
	size_t n;

	if (dot == NULL || dot == s)
		return false;
	for (p = s; *p != '\0'; p++)
		if (!isalnum((unsigned char)*p) && *p != '-' && *p != '.')
			return false;
	n = strlen(dot + 1);
	if (n < 2 || n > 6)
		return false;
	for (p = dot + 1; *p != '\0'; p++)
		if (!isalpha((unsigned char)*p))
			return false;
	return true;
}

/* True when the first word of s is a number: a reading time or a
 * count ("4 min", "12 Kommentare"), not a name. */
static bool
author_number_first(const char *s)
{
	size_t n = strspn(s, "0123456789");

	return n > 0 && (s[n] == ' ' || s[n] == '\0');
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
		unsigned char c;

		again = false;
		s = author_trim(s);
		c = (unsigned char)s[0];
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		for (i = 0; i < sizeof(author_leads) /
		    sizeof(author_leads[0]); i++) {
			/* both tests below compare the first letter, and
			 * every lead-in is in small letters */
			if ((unsigned char)author_leads[i][0] != c)
				continue;
			n = strlen(author_leads[i]);
			if (strncasecmp(s, author_leads[i], n) == 0 &&
			    (author_leads[i][n - 1] == ':' || s[n] == ' ' ||
			    s[n] == ':' || s[n] == '\0')) {
				s += n;
				any = again = true;
				break;
			}
			/* French spacing: "Auteur : Jane Doe" */
			if (author_leads[i][n - 1] == ':' &&
			    strncasecmp(s, author_leads[i], n - 1) == 0 &&
			    s[n - 1] == ' ' && s[n] == ':') {
				s += n + 1;
				any = again = true;
				break;
			}
		}
	}
	*sp = s;
	return any;
}

_Static_assert(NKEYS(author_leads) < 256, "meta_leads holds bytes");

void
meta_author_lead_index(struct meta_leads *x)
{
	size_t count[257] = {0}, i, k;

	for (i = 0; i < NKEYS(author_leads); i++)
		count[(unsigned char)author_leads[i][0] + 1]++;
	for (k = 0; k < 256; k++)
		count[k + 1] += count[k];
	for (k = 0; k < 257; k++)
		x->from[k] = (unsigned char)count[k];
	for (i = 0; i < NKEYS(author_leads); i++)
		x->ord[count[(unsigned char)author_leads[i][0]]++] =
		    (unsigned char)i;
}

size_t
meta_author_opens(const struct meta_leads *x, const char *t)
{
	unsigned char c = (unsigned char)*t, d;
	const char *l;
	size_t i, n;

	if (c == '\0')
		return 0;

	if (c >= 'A' && c <= 'Z')
		c += 'a' - 'A';
	d = (unsigned char)t[1];
	if (d >= 'A' && d <= 'Z')
		d += 'a' - 'A';
	for (i = x->from[c]; i < x->from[c + 1]; i++) {
		l = author_leads[x->ord[i]];
		/* every lead-in has two bytes or more */
		if ((unsigned char)l[1] != d)
			continue;
		n = strlen(l);
		if (strncasecmp(t, l, n) != 0)
			continue;
		/* ("Vom Telefon zu Cloud-Lösungen" is a heading's phrase) */
		if (strcmp(l, "vom") == 0)
			continue;
		if (l[n - 1] == ':' || t[n] == ' ' || t[n] == '\t' ||
		    t[n] == '\n' || t[n] == ':' ||
		    strncmp(t + n, "\xc2\xa0", 2) == 0)
			return n;
	}
	return 0;
}

/* True when w[0..n) is lower (a lower-case word) in any case: "Źródło"
 * is "źródło", as utf8proc lower-cases every script's letters. */
static bool
author_lower_eq(const char *lower, const char *w, size_t n)
{
	utf8proc_int32_t cp;
	utf8proc_uint8_t enc[4];
	utf8proc_ssize_t k, e;
	size_t i = 0, o = 0, m = strlen(lower);

	while (i < n) {
		k = utf8proc_iterate((const utf8proc_uint8_t *)w + i,
		    (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0)
			return false;
		e = utf8proc_encode_char(utf8proc_tolower(cp), enc);
		if (e <= 0 || o + (size_t)e > m ||
		    memcmp(lower + o, enc, (size_t)e) != 0)
			return false;
		o += (size_t)e;
		i += (size_t)k;
	}
	return o == m;
}

static bool
author_is_role(const char *w, size_t n)
{
	size_t i, k;

	unsigned char c = (unsigned char)w[0];

	for (k = 0; k < n && (unsigned char)w[k] < 0x80; k++)
		;
	if (c >= 'A' && c <= 'Z')
		c += 'a' - 'A';
	for (i = 0; i < sizeof(author_roles) / sizeof(author_roles[0]); i++)
		if (k == n ? (unsigned char)author_roles[i][0] == c &&
		    strlen(author_roles[i]) == n &&
		    strncasecmp(author_roles[i], w, n) == 0 :
		    author_lower_eq(author_roles[i], w, n))
			return true;
	return false;
}

/* True when every word of s is a role word. */
static bool
author_only_roles(const char *s)
{
	const char *w = s, *e;
	size_t n;

	while (*w != '\0') {
		while (*w == ' ' || *w == '-' || *w == '.')
			w++;
		if (*w == '\0')
			break;
		e = w;
		while (*e != '\0' && *e != ' ' && *e != '-')
			e++;
		n = (size_t)(e - w);
		if (n > 1 && w[n - 1] == '.')
			n--;  /* "Co." */
		if (!author_is_role(w, n))
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

/* Letters and digits, and every byte of a non-ASCII code point: what
 * meta_squash() keeps. */
static bool
author_wordch(char c)
{
	return isalnum((unsigned char)c) || (unsigned char)c >= 0x80;
}

/* True when sq (a meta_squash() form) spells a run of whole words of s:
 * "krimiblog" in "Krimiblog-Archiv" but not in "Krimiblogger". */
static bool
author_run_is(const char *s, const char *sq)
{
	const char *w, *p;
	size_t k, n = strlen(sq);

	if (n == 0)
		return false;
	for (w = s; *w != '\0'; w++) {
		if (!author_wordch(*w) || (w > s && author_wordch(w[-1])))
			continue;
		k = 0;
		for (p = w; *p != '\0' && k < n; p++) {
			if (!author_wordch(*p))
				continue;
			if ((char)tolower((unsigned char)*p) != sq[k])
				break;
			k++;
		}
		if (k == n && !author_wordch(*p))
			return true;
	}
	return false;
}

/* True when s names the site: meta_is_site() says so, and the site's name
 * and s meet at word boundaries (one spells whole words of the other),
 * so that a pen name made from the site's ("Krimiblogger" on
 * krimiblog.de) stays a person. */
static bool
author_is_site(const char *s, const char *const *sites)
{
	char *ns, *sq;
	bool yes = false;
	size_t i;

	if (sites == NULL || !meta_is_site(s, strlen(s), sites))
		return false;
	ns = meta_squash(s);
	for (i = 0; sites[i] != NULL && !yes; i++) {
		sq = meta_squash(sites[i]);
		yes = strcmp(ns, sq) == 0 || author_run_is(s, sq) ||
		    author_run_is(sites[i], ns);
		free(sq);
	}
	free(ns);
	return yes;
}

bool
meta_author_is_firm(const char *s)
{
	const char *w = strchr(s, ' '), *e;
	size_t i, n;

	while (w != NULL && *w != '\0') {
		while (*w == ' ')
			w++;
		e = w;
		while (*e != '\0' && *e != ' ' && *e != ',')
			e++;
		n = (size_t)(e - w);
		if (n > 1 && w[n - 1] == '.')
			n--;
		for (i = 0; i < sizeof(author_firms) /
		    sizeof(author_firms[0]); i++)
			if (strlen(author_firms[i]) == n &&
			    strncmp(author_firms[i], w, n) == 0 &&
			    (strcmp(author_firms[i], "Co") != 0 ||
			    w[n] == '.' || (w - s >= 2 && w[-2] == '&')))
				return true;
		w = *e == ',' ? e + 1 : e;
	}
	return false;
}

/* The Unicode category of the code point at s, or -1 when s does not
 * start with valid UTF-8. */
static int
author_category(const char *s)
{
	utf8proc_int32_t cp;

	if (utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &cp) <= 0)
		return -1;
	return (int)utf8proc_category(cp);
}

/* Removes e-mail addresses and URLs (whole space-separated words). */
static void
author_drop_addresses(char *s)
{
	char *w = s, *o = s, *e, *b;
	size_t n;

	while (*w != '\0') {
		e = strchr(w, ' ');
		n = e != NULL ? (size_t)(e - w) + 1 : strlen(w);
		/* "(www.dw.com)", "<jane@doe.example>" */
		b = w;
		while (*b == '(' || *b == '<' || *b == '[')
			b++;
		if (!(memchr(w, '@', n) != NULL && n > 1 && w[0] != '@') &&
		    strncmp(b, "http", 4) != 0 && strncmp(b, "www.", 4) != 0) {
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
		" read more", " follow", " @ ", " on ", " am ", " // ", " / ",
		" foto:", " fotos:", " photo:", " photos:", " bild:",
		" bilder:", " illustration:", " grafik:", " video:",
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
			if (low[i] != stops[k][0])
				continue;
			n = strlen(stops[k]);
			if (strncmp(low + i, stops[k], n) == 0) {
				s[i] = '\001';
				break;
			}
		}
	free(low);
}

static bool
author_is_honorific(const char *w, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof(author_honorifics) /
	    sizeof(author_honorifics[0]); i++)
		if (strlen(author_honorifics[i]) == n &&
		    strncmp(author_honorifics[i], w, n) == 0)
			return true;
	return false;
}

/* True when s is a wire agency's name ("dpa", "The Associated
 * Press"). */
static bool
author_is_agency(const char *s)
{
	size_t i;

	if (strncasecmp(s, "the ", 4) == 0)
		s += 4;
	for (i = 0; i < sizeof(author_agencies) /
	    sizeof(author_agencies[0]); i++)
		if (strcasecmp(author_agencies[i], s) == 0)
			return true;
	return false;
}

/* True when the first word of s is an article ("The Guardian"). */
static bool
author_has_article(const char *s)
{
	size_t i, n;

	for (i = 0; i < sizeof(author_articles) /
	    sizeof(author_articles[0]); i++) {
		n = strlen(author_articles[i]);
		if (strncmp(s, author_articles[i], n) == 0 && s[n] == ' ')
			return true;
	}
	return false;
}

/* True when s is shaped like a person's name in running text: at most
 * five words, each capitalised or a particle ("von", "de"), no sentence
 * punctuation. */
static bool
author_name_shape(const char *s)
{
	/* the first AUTHOR_FIRST_PARTICLES may open a name ("van Gogh",
	 * "de la Cruz", "al-Assad"), the rest only follow a word */
	static const char *const particles[] = {
		"von", "van", "de", "da", "di", "du", "la", "le", "del", "dos",
		"bin", "al", "ten", "ter",
		"der", "den", "das", "zu", "y", "e", "vom", "zur", "des", "of",
		"the", "for",
	};
	const char *w = s, *e;
	size_t i, n, words = 0;
	int cat;

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
		if (author_is_honorific(w, n)) {
			w = e;  /* "Prof.", "med.": not counted */
			continue;
		}
		words++;
		cat = author_category(w);
		if (cat == UTF8PROC_CATEGORY_LL) {
			/* lower case: a particle ("von", "de"), or
			 * running text ("über", "the numbers"); the
			 * particles after the first few open no name
			 * ("der Wärmemessung zur ...") */
			for (i = 0; i < sizeof(particles) /
			    sizeof(particles[0]); i++)
				if (strlen(particles[i]) == n &&
				    strncmp(particles[i], w, n) == 0)
					break;
			if (i == sizeof(particles) / sizeof(particles[0]) ||
			    (words == 1 && i >= AUTHOR_FIRST_PARTICLES))
				return false;
		} else if ((unsigned char)*w < 0x80 ?
		    !isupper((unsigned char)*w) :
		    cat != UTF8PROC_CATEGORY_LU &&
		    cat != UTF8PROC_CATEGORY_LT &&
		    cat != UTF8PROC_CATEGORY_LO &&
		    cat != UTF8PROC_CATEGORY_LM) {
			/* a digit, a symbol ("⋅"), a mark */
			return false;
		}
		/* "late." ends a sentence; "S." is an initial, "Prof." a
		 * title */
		if (n > 3 && w[n - 1] == '.' && !author_is_honorific(w, n))
			return false;
		w = e;
	}
	return words > 0 && words <= 5;
}

/* Length of the joiner that separates two names at p, or 0. A firm's
 * "& Co." joins nothing. */
static size_t
author_join_at(const char *p)
{
	size_t i, n;

	if (*p == ',' || *p == ';')
		return 1;
	/* every joiner opens with a blank */
	if (*p != ' ')
		return 0;
	for (i = 0; i < sizeof(author_joins) / sizeof(author_joins[0]);
	    i++) {
		n = strlen(author_joins[i]);
		if (strncasecmp(p, author_joins[i], n) == 0)
			return strcmp(author_joins[i], " & ") == 0 &&
			    strncmp(p + n, "Co", 2) == 0 &&
			    !isalpha((unsigned char)p[n + 2]) ? 0 : n;
	}
	return 0;
}

/* True when the cleaned part name can name someone: letters, not too
 * long, not only roles. */
static bool
author_part_basic(const char *name)
{
	return author_letters(name) >= 1 && !author_only_initials(name) &&
	    !author_number_first(name) &&
	    strlen(name) <= AUTHOR_MAX_LEN &&
	    author_words(name) <= AUTHOR_MAX_WORDS &&
	    !author_only_roles(name);
}

/* True when the cleaned part name can be an author's name; with strict,
 * only one shaped like a person's. */
static bool
author_part_ok(const char *name, bool strict)
{
	return author_part_basic(name) &&
	    ((!strict && author_words(name) < 3) || author_name_shape(name));
}

/* Splits one cleaned segment into names and adds the good ones; names of
 * the site or of a firm go to outlets. With strict (running text), only
 * parts shaped like a person's name are taken; the others may be roles
 * ("Jane Doe, Projektleiterin der HSS in Tunesien"). Beside a
 * person's full name, a wire agency and a single word after a comma are
 * credits and places, not authors ("Jane Doe, dpa", "Jane Doe,
 * Berlin"); "Jane Doe and Cher" keeps both. */
static size_t
author_split_add(struct strlist *out, char *seg, const char *const *sites,
    struct strlist *outlets, bool strict)
{
	struct strlist parts = {0};
	bool comma[AUTHOR_MAX_PARTS], ok[AUTHOR_MAX_PARTS];
	bool firm[AUTHOR_MAX_PARTS], site[AUTHOR_MAX_PARTS];
	bool after = false, full = false;
	size_t added = 0, i, n;
	char *p, *name;

	while (*seg != '\0' && parts.n < AUTHOR_MAX_PARTS) {
		n = 0;
		for (p = seg; *p != '\0'; p++) {
			n = author_join_at(p);
			if (n > 0)
				break;
		}
		if (*p != '\0')
			*p = '\0';
		name = seg;
		author_strip_lead(&name);
		name = author_trim(name);
		comma[parts.n] = after;
		strlist_push(&parts, name);
		if (n == 0)
			break;
		after = n == 1;
		seg = p + n;
	}
	/* a part of two words or more that is no name before "and", "und"
	 * (not a comma): the joiner is inside one name of an organisation
	 * or a title ("Bundesministerium für Wirtschaft und Klimaschutz"),
	 * and what follows it is no author */
	for (i = 0; i + 1 < parts.n; i++)
		if (!comma[i + 1] && author_words(parts.v[i]) >= 2 &&
		    !author_part_ok(parts.v[i], strict) &&
		    !meta_author_is_firm(parts.v[i]) &&
		    !author_only_roles(parts.v[i])) {
			strlist_free(&parts);
			return 0;
		}
	for (i = 0; i < parts.n; i++) {
		name = parts.v[i];
		ok[i] = author_part_ok(name, strict);
		/* a firm's name is shaped like no person's ("Muster GmbH &
		 * Co. KG"); after a comma, an outlet's may open with an
		 * article ("Jane Doe, The New York Times") */
		firm[i] = author_part_basic(name) &&
		    (meta_author_is_firm(name) ||
		    (comma[i] && author_has_article(name)));
		site[i] = (ok[i] || firm[i]) && author_is_site(name, sites);
		if (ok[i] && author_words(name) >= 2 &&
		    !author_is_agency(name) && !firm[i] && !site[i])
			full = true;
	}
	for (i = 0; i < parts.n; i++) {
		name = parts.v[i];
		if (full && (author_is_agency(name) ||
		    (comma[i] && author_words(name) == 1)))
			continue;
		/* after an outlet's name, a comma opens its address
		 * ("GIROMATCH, Frankfurt a. M., Germany") */
		if (comma[i] && (firm[0] || site[0]))
			continue;
		if (!firm[i] && !ok[i])
			continue;
		/* a domain name is no author: another site's (a web
		 * agency's in <meta name=author>, "symple.ch") or the
		 * site's own ("mdr.de"), which names no one */
		if (author_is_domain(name))
			continue;
		if (firm[i] || site[i]) {
			if (!strlist_contains(outlets, name))
				strlist_push(outlets, name);
		} else if (!strlist_contains(out, name) &&
		    out->n < META_MAX_LIST) {
			strlist_push(out, name);
			added++;
		}
	}
	strlist_free(&parts);
	return added;
}

/* True when s opens with the label of a source credit ("Quelle:",
 * "Source:", "Źródło:"): what follows is where a text or a picture comes
 * from, not who wrote the article. */
static bool
author_source_label(const char *s)
{
	static const char *const labels[] = {
		"quelle", "quellen", "source", "sources", "fuente", "fuentes",
		"fonte", "źródło", "bron", "kilde", "källa",
	};
	const char *colon = strchr(s, ':');
	size_t i;

	if (colon == NULL || colon - s > 12)
		return false;
	for (i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
		if (author_lower_eq(labels[i], s, (size_t)(colon - s)))
			return true;
	return false;
}

/* True when s is one word and a colon, blanks around: a field's label
 * ("Stand:", "Datum:" before the date it names), no name. */
static bool
author_is_label(const char *s)
{
	size_t n;

	s += strspn(s, " ");
	n = strcspn(s, " :");
	return n > 0 && s[n] == ':' && s[n + 1 + strspn(s + n + 1, " ")] ==
	    '\0';
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
	if (strncasecmp(s, "photo", 5) == 0 ||
	    strncasecmp(s, "foto", 4) == 0 ||
	    strncasecmp(s, "bild:", 5) == 0 ||
	    strncasecmp(s, "image", 5) == 0 ||
	    strncasecmp(s, "©", strlen("©")) == 0 ||
	    strncasecmp(s, "copyright", 9) == 0 ||
	    strncasecmp(s, "(c)", 3) == 0 || author_source_label(s)) {
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
			if (author_is_label(p))
				;  /* "Stand:" before a date */
			else if (author_strip_lead(&p) || pass == 1)
				added = author_split_add(out, p, sites,
				    outlets, strict);
			free(part);
		}
	}
	free(copy);
	return added;
}

/* The credit in parentheses of a wire dateline opening s: a place of one
 * to four words without digits, " (", an agency's name ("dpa", "dpa/lno",
 * "AFP, Reuters"), ")" and a dash or a colon. A new string, or NULL. */
static char *
author_dateline_credit(const char *s)
{
	const char *p = s, *open, *close, *q;
	char first[32];
	size_t words = 1, n;

	while (*p != '\0' && *p != '(') {
		if ((*p >= '0' && *p <= '9') || *p == '.' || *p == ',' ||
		    *p == ':' || p - s > 48)
			return NULL;
		words += *p == ' ';
		p++;
	}
	if (*p != '(' || p == s || p[-1] != ' ' || words > 5)
		return NULL;
	open = p + 1;
	close = strchr(open, ')');
	if (close == NULL || close - open < 2 || close - open > 40)
		return NULL;
	q = close + 1;
	while (*q == ' ')
		q++;
	if (*q != '-' && *q != ':' && strncmp(q, "\xe2\x80\x93", 3) != 0 &&
	    strncmp(q, "\xe2\x80\x94", 3) != 0)
		return NULL;
	n = strcspn(open, "/,)");
	if (n >= sizeof(first))
		return NULL;
	memcpy(first, open, n);
	first[n] = '\0';
	if (!author_is_agency(author_trim(first)))
		return NULL;
	return xstrndup(open, (size_t)(close - open));
}

size_t
meta_author_wire(struct strlist *out, const struct strlist *lines,
    size_t max, const char *desc, const struct strlist *sources)
{
	char *line, *name;
	size_t i;

	for (i = 0; i < sources->n; i++) {
		line = xstrdup(sources->v[i]);
		name = strchr(line, ':');
		name = author_trim(name != NULL ? name + 1 : line);
		if (author_is_agency(name)) {
			strlist_push(out, name);
			free(line);
			return 1;
		}
		free(line);
	}

	for (i = 0; i < lines->n && i < max; i++) {
		line = xstrdup(lines->v[i]);
		name = author_trim(line);
		if (author_is_agency(name)) {
			strlist_push(out, name);
			free(line);
			return 1;
		}
		free(line);
	}
	name = desc != NULL ? author_dateline_credit(desc) : NULL;
	if (name == NULL)
		return 0;
	strlist_push_owned(out, name);
	return 1;
}

/* Adds the names of line when it credits two people or more in an
 * interview's form ("Richard David Precht im Gespräch mit Karin
 * Fischer"), each a full name shaped like a person's (not "Angela
 * Merkel im Gespräch mit Schülern"); returns their number. */
static size_t
author_interview_line(struct strlist *out, const char *line,
    const char *const *sites)
{
	struct strlist names = {0}, junk = {0};
	size_t k, i, n = 0;

	for (k = 0; k < AUTHOR_INTERVIEW_JOINS; k++)
		if (strcasestr(line, author_joins[k]) != NULL)
			break;
	if (k == AUTHOR_INTERVIEW_JOINS)
		return 0;
	(void)meta_author_add(&names, line, sites, &junk, true);
	for (i = 0; i < names.n && strchr(names.v[i], ' ') != NULL; i++)
		;
	if (names.n >= 2 && i == names.n)
		for (i = 0; i < names.n; i++)
			if (!strlist_contains(out, names.v[i])) {
				strlist_push(out, names.v[i]);
				n++;
			}
	strlist_free(&names);
	strlist_free(&junk);
	return n;
}

size_t
meta_author_lines(struct strlist *out, const struct strlist *lines,
    size_t max, const char *const *sites, struct strlist *outlets)
{
	size_t i, added = 0;
	char *line, *p;
	bool alone;

	for (i = 0; i < lines->n && i < max && added == 0; i++) {
		line = xstrdup(lines->v[i]);
		p = line;
		if (!author_strip_lead(&p)) {
			added = author_interview_line(out, line, sites);
			free(line);
			continue;
		}
		/* "Erstellt von" | "Fabian": the lead-in alone on its line,
		 * the name in an element of its own, which may be a user's
		 * handle ("freeman1984") */
		alone = *p == '\0';
		if (alone && i + 1 < lines->n) {
			free(line);
			line = xstrdup(lines->v[i + 1]);
			p = line;
		}
		added = meta_author_add(out, p, sites, outlets, !alone);
		free(line);
	}
	return added;
}

/* True when the n bytes at p are a name alone: two to four words shaped
 * like a person's name. */
static bool
author_alone(const char *p, size_t n)
{
	char *s;
	bool yes;

	if (n > AUTHOR_MAX_LEN)
		return false;
	s = xstrndup(p, n);
	yes = author_words(s) >= 2 &&
	    author_words(s) <= AUTHOR_SIGNATURE_WORDS && author_name_shape(s);
	free(s);
	return yes;
}

/* True when the n bytes at p are a line under a signer's name: a role,
 * an address, a reference; one to AUTHOR_ROLE_WORDS words that end no
 * sentence and are no name themselves ("Stellvertretende
 * Pressesprecherin"). */
static bool
author_role_line(const char *p, size_t n)
{
	char *s;
	size_t w;
	bool yes;

	if (n > AUTHOR_ROLE_LEN || n == 0 || strchr(".!?", p[n - 1]) != NULL)
		return false;
	s = xstrndup(p, n);
	w = author_words(s);
	yes = w >= 1 && w <= AUTHOR_ROLE_WORDS && !author_name_shape(s);
	free(s);
	return yes;
}

size_t
meta_author_signature(struct strlist *out, const char *body,
    const char *const *sites)
{
	struct strlist outlets = {0};
	const char *p, *e, *last = NULL, *ls[AUTHOR_SIGN_TAIL] = {0};
	size_t added = 0, paras = 0, alone = 0, n = 0;
	size_t ns[AUTHOR_SIGN_TAIL] = {0}, k, j;
	char *name;

	for (p = body; p != NULL && *p != '\0'; p = e + (*e == '\n')) {
		e = p + strcspn(p, "\n");
		if (e == p)
			continue;
		paras++;
		if (author_alone(p, (size_t)(e - p)))
			alone++;
		memmove(ls + 1, ls, sizeof(ls) - sizeof(ls[0]));
		memmove(ns + 1, ns, sizeof(ns) - sizeof(ns[0]));
		ls[0] = p;
		ns[0] = (size_t)(e - p);
	}
	/* the name over the lines a signature block holds under it (a
	 * role, an address, a book) closes a text as the name alone does */
	for (k = 0; k < AUTHOR_SIGN_TAIL && ls[k] != NULL &&
	    !author_alone(ls[k], ns[k]); k++)
		;
	for (j = 0; k < AUTHOR_SIGN_TAIL && j < k; j++)
		if (!author_role_line(ls[j], ns[j]))
			break;
	if (k < AUTHOR_SIGN_TAIL && ls[k] != NULL && j == k) {
		last = ls[k];
		n = ns[k];
		paras -= k;
	}
	/* one paragraph is no signed text, and names alone in several
	 * paragraphs are a thread's commenters, not a signature (last, when
	 * set, is a name alone: the search above stopped at it) */
	if (last == NULL || paras < 2 || alone != 1)
		return 0;
	name = xstrndup(last, n);
	added = meta_author_add(out, name, sites, &outlets, true);
	free(name);
	strlist_free(&outlets);
	return added;
}
