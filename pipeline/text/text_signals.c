/* Per-item signals for the text-dump classifier: chrome phrasing, photo
 * credits, bylines, sentence shape. Pure functions over one string. */
#include "text_blocks.h"

#include <ctype.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "util.h"
#include "text_util.h"

char *
text_fold(const char *s)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n;
	char *r;

	n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &out,
	    UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
	    UTF8PROC_CASEFOLD);
	if (n < 0) {
		r = xstrdup(s);
		for (char *p = r; *p != '\0'; p++)
			*p = (char)tolower((unsigned char)*p);
		return r;
	}
	r = xstrdup((char *)out);
	free(out);
	return r;
}

int32_t
text_cp_at(const char *s, size_t len, size_t *adv)
{
	utf8proc_int32_t cp = -1;
	utf8proc_ssize_t n;

	n = utf8proc_iterate((const utf8proc_uint8_t *)s,
	    (utf8proc_ssize_t)(len < 4 ? len : 4), &cp);
	if (n <= 0) {
		*adv = 1;
		return -1;
	}
	*adv = (size_t)n;
	return cp;
}

size_t
text_cp_last(const char *s, size_t len)
{
	size_t i = len;

	while (i > 0 && ((unsigned char)s[i - 1] & 0xc0) == 0x80)
		i--;
	return i == 0 ? len : i - 1;
}

bool
text_cp_upper(int32_t cp)
{
	int c;

	if (cp < 0)
		return false;
	c = utf8proc_get_property(cp)->category;
	return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool
text_cp_lower(int32_t cp)
{
	return cp >= 0 &&
	    utf8proc_get_property(cp)->category == UTF8PROC_CATEGORY_LL;
}

bool
text_cp_letter(int32_t cp)
{
	int c;

	if (cp < 0)
		return false;
	c = utf8proc_get_property(cp)->category;
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

int
text_spaced_words(const char *s, size_t n)
{
	int w = 0;

	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && (i == 0 || s[i - 1] == ' '))
			w++;
	return w;
}

size_t
text_word_span(const char *s, const char *marks)
{
	size_t n = 0, adv;

	while (s[n] != '\0') {
		int32_t cp = text_cp_at(s + n, strnlen(s + n, 4), &adv);

		if (!text_cp_letter(cp) && !(cp >= '0' && cp <= '9') &&
		    (cp <= 0 || cp > 0x7f || strchr(marks, (int)cp) == NULL))
			break;
		n += adv;
	}
	return n;
}

bool
text_starts_upper(const char *s)
{
	size_t adv;

	while (*s == '"' || *s == '\'' || *s == '(')
		s++;
	return text_cp_upper(text_cp_at(s, strnlen(s, 4), &adv));
}

/* True when s starts with a letter, a digit, an opening quote or a
 * Spanish opening mark ("¿", "¡"), not a symbol or bracket of the page's
 * furniture. s may be a line inside the whole dump (text_mid_sentence()
 * of text_segment.c): only its first code point is read, never a
 * strlen() of the rest, which made the segmentation quadratic. */
bool
text_starts_word(const char *s)
{
	size_t adv;

	if (*s == '"' || *s == '\'' || isdigit((unsigned char)*s))
		return true;
	if (strncmp(s, "\xe2\x80\x9c", 3) == 0 ||
	    strncmp(s, "\xe2\x80\x9e", 3) == 0 ||
	    strncmp(s, "\xe2\x80\x98", 3) == 0 ||
	    strncmp(s, "\xc2\xab", 2) == 0 ||
	    strncmp(s, "\xc2\xbf", 2) == 0 ||
	    strncmp(s, "\xc2\xa1", 2) == 0)
		return true;
	return text_cp_letter(text_cp_at(s, strnlen(s, 4), &adv));
}

/* Closing quotes and brackets that may follow the end of a sentence. */
static const char *const text_closers[] = {
	"\"", "'", ")", "]", "\xe2\x80\x9d", "\xe2\x80\x99", "\xc2\xbb",
	"\xe2\x80\xba", "*", "\xe2\x80\x9c", "\xe2\x80\x98", "\xc2\xab",
	"\xe2\x80\xb9", "\xe3\x80\x8d", "\xe3\x80\x8f", "\xef\xbc\x89",
};

size_t
text_trim_closers(const char *s, size_t len)
{
	bool again = true;

	while (again && len > 0) {
		again = false;
		for (size_t i = 0; i < sizeof(text_closers) /
		    sizeof(text_closers[0]); i++) {
			size_t k = strlen(text_closers[i]);

			if (len >= k && memcmp(s + len - k, text_closers[i],
			    k) == 0) {
				len -= k;
				again = true;
				break;
			}
		}
		while (len > 0 && s[len - 1] == ' ')
			len--;
	}
	return len;
}

bool
text_ends_colon(const char *s)
{
	size_t len = text_trim_closers(s, strlen(s));

	return len > 0 && s[len - 1] == ':';
}

bool
text_ends_sentence(const char *s)
{
	static const char *const ends[] = {
		".", "!", "?", ":", ";", "\xe2\x80\xa6", "\xe3\x80\x82",
		"\xef\xbc\x81", "\xef\xbc\x9f", "\xd8\x9f",
	};
	size_t len = text_trim_closers(s, strlen(s));

	for (size_t i = 0; i < sizeof(ends) / sizeof(ends[0]); i++) {
		size_t k = strlen(ends[i]);

		if (len >= k && memcmp(s + len - k, ends[i], k) == 0)
			return true;
	}
	return false;
}

/* Phrases that only site furniture uses, in running text too (folded). */
static const char *const text_chrome_strong[] = {
	"your support", "your donation", "donate now", "donate today",
	"make a donation", "please donate", "support us", "support our",
	"we use cookies", "use of cookies", "cookie policy",
	"cookie settings", "accept cookies", "uses cookies",
	"all rights reserved", "refresh the page", "refresh your browser",
	"comment section", "comments section",
	"subscribe to our", "sign up for our", "sign up to our",
	"our newsletter", "privacy policy", "terms of use",
	"terms of service", "terms and conditions", "ad blocker",
	"adblocker", "enable javascript", "javascript is disabled",
	"already a subscriber", "already have an account",
	"create an account", "create a free account", "log in to",
	"sign in to", "subscribe now", "subscribe today", "click here",
	"download our app", "download the app", "follow us on",
	"share this article", "share this story", "share on facebook",
	"share on twitter", "notifications from",
	"push notifications", "turn on notifications",
	"get the best of", "in your inbox", "sign up now", "share via",
	"media playback", "unsupported on your device",
	"your browser does not support", "to view this video",
	"alle rechte vorbehalten",
	"tous droits r\xc3\xa9serv\xc3\xa9s",
	"abonnez-vous", "todos los derechos reservados",
	"tutti i diritti riservati",
	"todos os direitos reservados",
	"\xd0\xb2\xd1\x81\xd0\xb5 \xd0\xbf\xd1\x80\xd0\xb0\xd0\xb2\xd0\xb0 "
	"\xd0\xb7\xd0\xb0\xd1\x89\xd0\xb8\xd1\x89\xd0\xb5\xd0\xbd\xd1\x8b",
	"alle rechten voorbehouden",
};

/* Headings of the page's link boxes (folded): chrome where they head a
 * short item or open one, not inside a sentence of prose ("two of the
 * most popular exchanges", "the most read author of his time"). */
static const char *const text_chrome_headings[] = {
	"read more:", "related articles", "related stories", "related news",
	"related content", "recommended for you", "you may also like",
	"most popular", "most read", "more stories", "skip to content",
	"skip navigation", "jump to navigation",
	"skip to main", "back to top", "lesen sie auch", "mehr zum thema",
	"lire aussi", "noticias relacionadas", "lee tambi\xc3\xa9n",
	"leggi anche", "leia tamb\xc3\xa9m",
	"\xd1\x87\xd0\xb8\xd1\x82\xd0\xb0\xd0\xb9\xd1\x82\xd0\xb5 "
	"\xd1\x82\xd0\xb0\xd0\xba\xd0\xb6\xd0\xb5",
	"lees ook", "auch interessieren",
	"you might also like", "you may also be interested",
	"related posts", "\xc3\xa4hnliche beitr\xc3\xa4ge",
	"\xc3\xa4hnliche artikel", "weitere artikel",
	"vous aimerez aussi", "\xc3\xa0 lire aussi",
	"te puede interesar", "potrebbe interessarti",
};

/* What cookies are stored by in a consent notice (folded). */
static const char *const text_cookie_web[] = {
	"website", "webseite", "site", "browser", "device", "ger\xc3\xa4t",
	"daten", "data", "navegador", "navigateur",
};

/* Words of site furniture; two of them in a short item make it chrome. */
static const char *const text_chrome_weak[] = {
	"notification", "cookie", "subscribe", "subscription",
	"newsletter", "sign up", "sign in", "log in", "logged in", "login",
	"register", "advertisement", "sponsored", "comments", "share",
	"related", "recommended", "trending", "read more", "more from",
	"facebook", "twitter", "whatsapp", "instagram", "linkedin",
	"youtube", "print", "e-mail", "email", "browser", "follow",
	"anzeige", "werbung", "kommentare", "teilen", "abonnieren",
	"anmelden", "datenschutz", "impressum", "publicit\xc3\xa9",
	"partager", "commentaires", "s'abonner", "se connecter",
	"publicidad", "compartir", "comentarios", "suscr\xc3\xad""bete",
	"iniciar sesi\xc3\xb3n", "pubblicit\xc3\xa0", "condividi",
	"commenti", "abbonati", "accedi", "publicidade", "compartilhe",
	"coment\xc3\xa1rios", "assine",
	"\xd1\x80\xd0\xb5\xd0\xba\xd0\xbb\xd0\xb0\xd0\xbc\xd0\xb0",
	"\xd0\xbf\xd0\xbe\xd0\xb4\xd0\xb5\xd0\xbb\xd0\xb8\xd1\x82\xd1\x8c"
	"\xd1\x81\xd1\x8f",
	"\xd0\xba\xd0\xbe\xd0\xbc\xd0\xbc\xd0\xb5\xd0\xbd\xd1\x82\xd0\xb0"
	"\xd1\x80\xd0\xb8",
	"advertentie", "reacties",
};

/* Navigation labels: a short item that begins with one is chrome. */
static const char *const text_chrome_nav[] = {
	"comments", "comment", "share", "home", "menu", "search",
	"all news", "news", "related", "advertisement", "ad", "ads",
	"more", "read more", "print", "email", "e-mail", "follow", "close",
	"next", "previous", "back", "tags", "tag", "topics", "video",
	"videos", "photos", "gallery", "watch", "listen", "latest",
	"trending", "login", "log in", "log out", "sign in", "sign up",
	"register", "subscribe", "newsletter", "newsletters", "facebook",
	"twitter", "whatsapp", "linkedin", "reddit", "pinterest",
	"telegram", "instagram", "youtube", "copy link", "loading",
	"skip", "sections", "sponsored", "advertising", "notifications",
	"cookies", "accept", "reject", "settings", "sign out", "go",
	"anzeige", "werbung", "kommentare", "teilen", "mehr", "startseite",
	"publicit\xc3\xa9", "partager", "commentaires", "accueil",
	"publicidad", "compartir", "comentarios", "inicio",
	"pubblicit\xc3\xa0", "condividi", "commenti", "publicidade",
	"coment\xc3\xa1rios",
	"\xd1\x80\xd0\xb5\xd0\xba\xd0\xbb\xd0\xb0\xd0\xbc\xd0\xb0",
	"\xd0\xbf\xd0\xbe\xd0\xb4\xd0\xb5\xd0\xbb\xd0\xb8\xd1\x82\xd1\x8c"
	"\xd1\x81\xd1\x8f",
	"\xd0\xba\xd0\xbe\xd0\xbc\xd0\xbc\xd0\xb5\xd0\xbd\xd1\x82\xd0\xb0"
	"\xd1\x80\xd0\xb8\xd0\xb8",
	"\xd0\xb2\xd1\x81\xd0\xb5 \xd0\xbd\xd0\xbe\xd0\xb2\xd0\xbe\xd1\x81"
	"\xd1\x82\xd0\xb8",
	"advertentie", "reacties", "delen",
};

/* Calls to action: a short item that opens with one is chrome. */
static const char *const text_chrome_calls[] = {
	"subscribe", "sign in", "sign up", "log in", "login", "register",
	"download the", "download our", "get the app", "abonnieren",
	"jetzt abonnieren", "abonnez-vous", "s'abonner", "suscr\xc3\xad""bete",
	"abbonati", "assine",
	"\xd0\xbf\xd0\xbe\xd0\xb4\xd0\xbf\xd0\xb8\xd1\x88\xd0\xb8\xd1\x82"
	"\xd0\xb5\xd1\x81\xd1\x8c",
};

/* Words of an item that a link-box heading still labels. */
#define TEXT_HEADING_MAX_WORDS 12

/* True when word w occurs in folded text f as a whole word (or with a
 * plural "s"). */
static bool
text_has_word(const char *f, const char *w)
{
	size_t k = strlen(w);
	const char *p = f;

	for (p = strstr(p, w); p != NULL; p = strstr(p + k, w)) {
		const char *e = p + k;

		if (*e == 's')
			e++;
		if ((p == f || !isalnum((unsigned char)p[-1])) &&
		    !isalnum((unsigned char)*e) && (unsigned char)*e < 0x80)
			return true;
	}
	return false;
}

/* True when the whole item consists of bracketed renderer placeholders
 * ("[logo]", "[Search]", "[     ]") and punctuation. */
static bool
text_only_placeholders(const char *s)
{
	int depth = 0;
	bool any = false;

	for (; *s != '\0'; s++) {
		if (*s == '[') {
			depth++;
			any = true;
		} else if (*s == ']') {
			depth--;
		} else if (depth <= 0 && isalnum((unsigned char)*s)) {
			return false;
		} else if (depth <= 0 && (unsigned char)*s >= 0x80) {
			return false;
		}
	}
	return any;
}

/* True when the item is a URL, possibly numbered as in the list of
 * references that lynx appends ("12. https://example.com/a"). */
static bool
text_only_url(const char *s)
{
	const char *p = s;

	while (isdigit((unsigned char)*p))
		p++;
	if (p > s && p[0] == '.' && p[1] == ' ')
		p += 2;
	if (strncmp(p, "http://", 7) != 0 && strncmp(p, "https://", 8) != 0 &&
	    strncmp(p, "www.", 4) != 0 && strncmp(p, "file://", 7) != 0)
		return false;
	return strchr(p, ' ') == NULL;
}

/* True when the item is lynx's label of an inline frame ("IFRAME:
 * https://...", "IFRAME: ./page_files/Tweet.html"): a frame's address,
 * none of its text. */
static bool
text_frame_label(const char *s)
{
	return strncmp(s, "IFRAME:", 7) == 0 &&
	    (s[7] == '\0' || (s[7] == ' ' && strchr(s + 8, ' ') == NULL));
}

/* True when s holds a gallery counter: "Image 1 of 5", "3/12". */
static bool
text_counter(const char *s)
{
	for (const char *p = s; *p != '\0'; p++) {
		const char *q = p;

		if (!isdigit((unsigned char)*p) ||
		    (p > s && isdigit((unsigned char)p[-1])))
			continue;
		while (isdigit((unsigned char)*q))
			q++;
		if (strncmp(q, " of ", 4) == 0)
			q += 4;
		else if (*q == '/')
			q++;
		else
			continue;
		if (isdigit((unsigned char)*q))
			return true;
	}
	return false;
}

/* True when the item has no letter at all: separators, counters. */
static bool
text_no_letters(const char *s)
{
	size_t len = strlen(s), i = 0, adv;

	while (i < len) {
		if (text_cp_letter(text_cp_at(s + i, len - i, &adv)))
			return false;
		i += adv;
	}
	return true;
}

/* The number of words of s before q, a position in s. */
static int
text_word_index(const char *s, const char *q)
{
	int n = 0;

	for (const char *p = s; p < q; p++)
		if (*p == ' ' && p[1] != ' ')
			n++;
	return n;
}

/* True when folded f of words words is a reading time's label: a
 * number, a minute's word after it and a word of reading ("3 min read",
 * "Lesezeit: ca. 4 Minuten", "Tiempo de lectura: 3 minutos"). */
static bool
text_reading_time(const char *f, int words)
{
	static const char *const reads[] = {
		"read", "lese", "lectur", "lettur", "leitur",
	};
	bool num = false, read = false;

	if (words > 5)
		return false;
	for (const char *p = f; *p != '\0'; p++) {
		const char *q = p;

		if (p != f && p[-1] != ' ')
			continue;
		for (size_t i = 0; i < TEXT_NELEM(reads); i++)
			read = read || strncmp(p, reads[i],
			    strlen(reads[i])) == 0;
		while (isdigit((unsigned char)*q))
			q++;
		if (q > p && q - p <= 3 && strncmp(q, " min", 4) == 0)
			num = true;
	}
	return num && read;
}

bool
text_is_chrome(const char *s, int words)
{
	char *f;
	bool r = false;
	int weak = 0;

	if (text_only_placeholders(s) || text_no_letters(s) ||
	    text_only_url(s) || text_frame_label(s) ||
	    (words <= 5 && text_counter(s)))
		return true;
	f = text_fold(s);
	r = text_reading_time(f, words);
	for (size_t i = 0; !r && i < TEXT_NELEM(text_chrome_strong); i++)
		if (strstr(f, text_chrome_strong[i]) != NULL)
			r = true;
	for (size_t i = 0; !r && i < TEXT_NELEM(text_chrome_headings); i++) {
		const char *q = strstr(f, text_chrome_headings[i]);

		r = q != NULL && (words <= TEXT_HEADING_MAX_WORDS ||
		    text_word_index(f, q) <= 1);
	}
	/* a consent notice in any language: cookies beside the site, the
	 * browser or the reader's data (a recipe's cookies are none) */
	if (!r && strstr(f, "cookies") != NULL)
		for (size_t i = 0; !r && i < TEXT_NELEM(text_cookie_web);
		    i++)
			r = strstr(f, text_cookie_web[i]) != NULL;
	if (!r && words <= 3) {
		for (size_t i = 0; !r && i < TEXT_NELEM(text_chrome_nav);
		    i++) {
			size_t k = strlen(text_chrome_nav[i]);
			unsigned char c;

			if (strncmp(f, text_chrome_nav[i], k) != 0)
				continue;
			c = (unsigned char)f[k];
			r = c == '\0' || c == ' ' || c == ':' || c == '(' ||
			    c == '|' || c == '/' || isdigit(c);
		}
	}
	for (size_t i = 0; !r && words <= 12 &&
	    i < TEXT_NELEM(text_chrome_calls); i++) {
		size_t k = strlen(text_chrome_calls[i]);

		r = strncmp(f, text_chrome_calls[i], k) == 0 &&
		    !isalnum((unsigned char)f[k]);
	}
	if (!r && words <= 20) {
		for (size_t i = 0; i < TEXT_NELEM(text_chrome_weak); i++)
			if (text_has_word(f, text_chrome_weak[i]))
				weak++;
		r = weak >= 2;
	}
	free(f);
	return r;
}

bool
text_has_field(const char *s)
{
	return strstr(s, "[ ]") != NULL || strstr(s, "__") != NULL;
}

bool
text_holds_any(const char *s, const char *const *v, size_t n)
{
	char *f = text_fold(s);
	bool r = false;

	for (size_t i = 0; !r && i < n; i++)
		r = strstr(f, v[i]) != NULL;
	free(f);
	return r;
}

bool
text_is_box_heading(const char *s)
{
	return text_holds_any(s, text_chrome_headings,
	    TEXT_NELEM(text_chrome_headings));
}

size_t
text_trailing_heading(const char *s)
{
	char *f = text_fold(s);
	size_t len = strlen(s), cut = 0;

	/* offsets in f are offsets in s only when folding kept the length */
	for (size_t i = 0; strlen(f) == len &&
	    i < TEXT_NELEM(text_chrome_headings); i++) {
		size_t k = strlen(text_chrome_headings[i]);
		size_t at = len - k, n;
		char *before;

		if (len <= k + 1 || s[at - 1] != ' ' ||
		    strcmp(f + at, text_chrome_headings[i]) != 0)
			continue;
		n = at - 1;
		before = xstrndup(s, n);
		if (text_ends_sentence(before))
			cut = n;
		free(before);
		if (cut > 0)
			break;
	}
	free(f);
	return cut;
}

/* Links under a teaser to the story it sums up ("weiterlesen 5 Minuten",
 * "Read more..."), folded. */
static const char *const text_read_more[] = {
	"read more", "continue reading", "read the full", "weiterlesen",
	"mehr lesen", "lire la suite", "leer m\xc3\xa1s", "seguir leyendo",
	"leggi tutto", "leggi di pi\xc3\xb9", "lees meer", "ler mais",
	"continuar lendo", "czytaj dalej", "l\xc3\xa6s mere", "l\xc3\xa4s mer",
	"\xd1\x87\xd0\xb8\xd1\x82\xd0\xb0\xd1\x82\xd1\x8c "
	"\xd0\xb4\xd0\xb0\xd0\xbb\xd0\xb5\xd0\xb5",
};

bool
text_is_read_more(const char *s, int words)
{
	char *f;
	bool r = false;

	if (words > 4 || s[strlen(s) - 1] == ':')
		return false;
	f = text_fold(s);
	for (size_t i = 0; !r && i < TEXT_NELEM(text_read_more); i++) {
		size_t k = strlen(text_read_more[i]);

		if (strncmp(f, text_read_more[i], k) != 0)
			continue;
		while (f[k] == ' ')
			k++;
		r = !isalpha((unsigned char)f[k]);
	}
	free(f);
	return r;
}

/* Headings of a comment thread (folded, matched as words). Related-story
 * boxes are left out: pages put them inside articles too. */
static const char *const text_section_ends[] = {
	"comment", "reply", "replies", "discussion", "conversation",
	"kommentar", "kommentare", "commentaire", "comentario", "commenti",
	"coment\xc3\xa1rio", "reacties", "reactie",
	"\xd0\xba\xd0\xbe\xd0\xbc\xd0\xbc\xd0\xb5\xd0\xbd\xd1\x82\xd0\xb0"
	"\xd1\x80\xd0\xb8\xd0\xb8",
};

bool
text_is_section_end(const char *s, int words)
{
	char *f;
	bool r = false;

	if (words > 6)
		return false;
	f = text_fold(s);
	for (size_t i = 0; !r && i < TEXT_NELEM(text_section_ends); i++)
		r = text_has_word(f, text_section_ends[i]);
	free(f);
	return r;
}

/* Labels that introduce a photo credit (folded, with their colon). */
static const char *const text_credit_labels[] = {
	"photo:", "photos:", "photograph:", "photography:", "image:",
	"images:", "picture:", "pictures:", "credit:", "credits:",
	"photo by ", "photo by:", "foto:", "fotos:", "bild:", "fotograf:",
	"foto von ",
	"\xd1\x84\xd0\xbe\xd1\x82\xd0\xbe:", "cr\xc3\xa9" "dit:",
	"cr\xc3\xa9" "dit :", "cr\xc3\xa9" "dito:", "source:",
	"illustration:",
};

/* Trims spaces and the punctuation that surrounds a credit. */
static char *
text_clean_credit(const char *p, size_t len)
{
	while (len > 0 && (*p == ' ' || *p == '(' || *p == '-' ||
	    *p == ':' || *p == '|')) {
		p++;
		len--;
	}
	while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == ')' ||
	    p[len - 1] == '.' || p[len - 1] == ','))
		len--;
	if (len == 0)
		return NULL;
	return xstrndup(p, len);
}

/* "© 2017 X", "(c) X", "Copyright 2017 X": the credit after the mark. */
static char *
text_credit_copyright(const char *s, const char *f, size_t *at)
{
	const char *m = strstr(s, "\xc2\xa9");
	const char *p;
	char *r;

	if (m != NULL) {
		p = m + 2;
	} else {
		const char *q = strstr(f, "copyright ");

		/* Offsets in f are offsets in s only when folding kept the
		 * length (no multi-byte case changes). */
		if (q == NULL || strlen(f) != strlen(s))
			return NULL;
		m = s + (q - f);
		p = m + strlen("copyright ");
	}
	if (strncmp(p, " (c)", 4) == 0)
		p += 4;
	while (*p == ' ' || isdigit((unsigned char)*p) || *p == '-' ||
	    *p == ',')
		p++;
	if (strncasecmp(p, "copyright", 9) == 0)
		p += 9;
	while (*p == ' ' || isdigit((unsigned char)*p) || *p == '-')
		p++;
	r = text_clean_credit(p, strlen(p));
	if (r != NULL && words_in(r, strlen(r)) > 10) {
		free(r);
		return NULL;
	}
	if (r != NULL)
		*at = (size_t)(m - s);
	return r;
}

/* True when the group "(...)" at p names a photographer's handle and
 * an agency: a slash with a capital after it ("(smolaw11/iStock)",
 * "(mlharing / iStock.com)"), not "(he/him)", "(and/or)" or "(24/7)". */
static bool
text_handle_agency(const char *p)
{
	const char *sl = strchr(p, '/'), *q;

	if (sl == NULL)
		return false;
	for (q = sl + 1; *q != '\0' && *q != ')'; q++)
		if (isupper((unsigned char)*q))
			return true;
	return false;
}

/* "Caption (Reuters)": a short parenthesised group that ends the item;
 * a handle in lower case before an agency too ("(smolaw11/iStock)"). */
static char *
text_credit_paren(const char *s, size_t *at)
{
	size_t len = strlen(s);
	const char *open;
	char *r;

	if (len < 3 || s[len - 1] != ')')
		return NULL;
	open = s + len - 1;
	while (open > s && *open != '(')
		open--;
	if (*open != '(' || (open > s && open[-1] != ' '))
		return NULL;
	if (words_in(open, (size_t)(s + len - open)) > 6 ||
	    (!text_starts_upper(open + 1) && !text_handle_agency(open)))
		return NULL;
	r = text_clean_credit(open, (size_t)(s + len - open));
	if (r != NULL)
		*at = (size_t)(open - s);
	return r;
}

/* "Photo: X", "Foto: X": the credit after the last such label. */
static char *
text_credit_label(const char *s, const char *f, size_t *at)
{
	const char *best = NULL;
	size_t blen = 0;
	char *r;

	/* Only when folding kept the byte offsets (same length). */
	if (strlen(f) != strlen(s))
		return NULL;
	for (size_t i = 0; i < TEXT_NELEM(text_credit_labels); i++) {
		const char *p = f;
		const char *q;

		for (q = strstr(p, text_credit_labels[i]); q != NULL;
		    q = strstr(p, text_credit_labels[i])) {
			if ((q == f || q[-1] == ' ' || q[-1] == '(' ||
			    q[-1] == '|') && (best == NULL || q > best)) {
				best = q;
				blen = strlen(text_credit_labels[i]);
			}
			p = q + 1;
		}
	}
	if (best == NULL)
		return NULL;
	r = text_clean_credit(s + (best - f) + blen,
	    strlen(s + (best - f) + blen));
	if (r == NULL || words_in(r, strlen(r)) > 8) {
		free(r);
		return NULL;
	}
	*at = (size_t)(best - f);
	if (*at > 0 && s[*at - 1] == '(')
		(*at)--;
	return r;
}

/* "Name Surname/AGENCY" ending the item: up to three capitalised words
 * before the slash and one to three after it. */
static char *
text_credit_slash(const char *s, size_t *at)
{
	size_t len = strlen(s);
	const char *sl = memrchr(s, '/', len);
	const char *p;
	int n = 0;

	if (sl == NULL || sl == s || sl[-1] == ' ' || sl[1] == ' ' ||
	    sl[1] == '\0' || !text_starts_upper(sl + 1))
		return NULL;
	if (words_in(sl + 1, len - (size_t)(sl + 1 - s)) > 3 ||
	    strpbrk(sl + 1, ".,;:!?/") != NULL)
		return NULL;
	p = sl;
	while (p > s && n < 3) {
		const char *w = p;

		while (w > s && w[-1] != ' ')
			w--;
		if (!text_starts_upper(w))
			break;
		n++;
		p = w;
		if (p > s)
			p--;
		if (n == 3 || p == s)
			break;
	}
	if (n == 0)
		return NULL;
	while (*p == ' ')
		p++;
	if (strncmp(p, "http", 4) == 0 || strstr(p, "://") != NULL)
		return NULL;
	*at = (size_t)(p - s);
	return xstrndup(p, len - *at);
}

char *
text_credit(const char *s, size_t *at)
{
	char *f = text_fold(s);
	char *r;

	r = text_credit_copyright(s, f, at);
	if (r == NULL)
		r = text_credit_label(s, f, at);
	if (r == NULL)
		r = text_credit_paren(s, at);
	if (r == NULL)
		r = text_credit_slash(s, at);
	free(f);
	return r;
}

/* Prefixes that introduce a byline, with their trailing space. */
static const char *const text_by_prefixes[] = {
	"By ", "by ", "BY ", "Written by ", "Words by ", "Von ", "von ",
	"Par ", "par ", "Por ", "por ", "Di ", "Door ", "Av ", "Af ",
	"Author: ", "Authors: ", "Autor: ", "Auteur : ", "Auteur: ",
	"Reporting by ", "Posted by ", "Text: ", "Von: ", "by: ", "By: ",
	"Autorin: ", "Erstellt von ", "Geschrieben von ", "Publicado por ",
	"\xd0\x90\xd0\xb2\xd1\x82\xd0\xbe\xd1\x80: ",
};

size_t
text_byline_prefix(const char *s)
{
	size_t lead = 0;

	/* Separators a renderer leaves before the byline: "---- by X". */
	for (;;) {
		if (s[lead] == '-' || s[lead] == '|' || s[lead] == ' ')
			lead++;
		else if (strncmp(s + lead, "\xe2\x80\x94", 3) == 0 ||
		    strncmp(s + lead, "\xe2\x80\x93", 3) == 0)
			lead += 3;
		else
			break;
	}
	for (size_t i = 0; i < TEXT_NELEM(text_by_prefixes); i++) {
		size_t k = strlen(text_by_prefixes[i]);

		if (strncmp(s + lead, text_by_prefixes[i], k) == 0)
			return lead + k;
	}
	return 0;
}

bool
text_name_particle(const char *w, size_t n)
{
	static const char *const parts[] = {
		"de", "da", "di", "del", "der", "van", "von", "al", "el",
		"bin", "la", "le", "du", "dos", "das", "ter", "ten", "and",
		"und", "et", "y", "e", "&",
	};

	for (size_t i = 0; i < TEXT_NELEM(parts); i++)
		if (strlen(parts[i]) == n && strncmp(w, parts[i], n) == 0)
			return true;
	return false;
}

bool
text_is_byline(const char *s, int words)
{
	size_t pre = text_byline_prefix(s);
	const char *p = s + pre;
	int caps = 0, others = 0;

	if (text_placeholder_len(s) > 0)
		return text_is_byline(s + text_placeholder_len(s), words - 1);
	if (text_role_name(s, words) > 0)
		return true;
	if (pre > 0)
		return words <= 14 && text_starts_upper(p);
	if (words < 2 || words > 5)
		return false;
	while (*p != '\0') {
		const char *w = p;
		size_t n;

		while (*p != '\0' && *p != ' ')
			p++;
		n = (size_t)(p - w);
		while (*p == ' ')
			p++;
		for (size_t i = 0; i < n; i++) {
			unsigned char c = (unsigned char)w[i];

			if (isdigit(c) || c == ':' || c == '!' || c == '?' ||
			    c == '"' || c == '(' || c == '|' || c == '/')
				return false;
		}
		if (text_starts_upper(w))
			caps++;
		else if (text_name_particle(w, n))
			others++;
		else
			return false;
	}
	return caps >= 2 && others <= 2;
}
