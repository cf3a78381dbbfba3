/* Article metadata from an HTML page: the publication and modification
 * dates, from <meta>, JSON-LD, <time>, page-state JSON, the URL and the
 * text near the headline. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "../date.h"
#include "html_meta_int.h"
#include "html_strip.h"

static bool meta_date_ok(const char *s, int64_t now, struct nw_time *t);

/* Keys of page-state JSON in scripts that name the publication date, in
 * order of trust: with the strip, which keeps the scripts that hold
 * one. */
#define meta_script_keys html_script_date_keys
_Static_assert(META_NSCRIPT_KEYS == HTML_SCRIPT_DATE_KEYS, "one key list");

/* Updates *best (an index into meta_script_keys, lower is better) and *t
 * from the first date-valued occurrence of a better key in text: "key"
 * then a colon and a quoted date, quotes escaped or not. A key whose
 * values are dates of two or more days is a list's (the references or
 * related articles of the page, each with its date), not the page's. */
static void
meta_script_text(const char *text, int64_t now, size_t *best,
    struct nw_time *t)
{
	const char *p, *q;
	char val[48];
	size_t k, n;
	struct nw_time x, first;
	bool found;

	for (k = 0; k < *best && k < NKEYS(meta_script_keys); k++) {
		p = text;
		found = false;
		while ((p = strstr(p, meta_script_keys[k])) != NULL) {
			q = p + strlen(meta_script_keys[k]);
			if (p == text || p[-1] != '"') {
				p = q;
				continue;
			}
			p = q;
			if (*q == '\\')
				q++;
			if (*q++ != '"')
				continue;
			while (*q == ' ')
				q++;
			if (*q++ != ':')
				continue;
			while (*q == ' ')
				q++;
			if (*q == '\\')
				q++;
			if (*q++ != '"')
				continue;
			for (n = 0; n + 1 < sizeof(val) && q[n] != '"' &&
			    q[n] != '\\' && q[n] != '\0'; n++)
				val[n] = q[n];
			val[n] = '\0';
			if (!meta_date_ok(val, now, &x))
				continue;
			if (!found) {
				first = x;
				found = true;
			} else if (x.utc / 86400 != first.utc / 86400) {
				found = false;
				break;
			}
		}
		if (found) {
			*t = first;
			*best = k;
			break;
		}
	}
}

/* Reads the scripts the walk found (not JSON-LD, read already) for a
 * publication date in page-state JSON. */
void
meta_script_dates(const struct meta_nodes *scripts, int64_t now,
    size_t *best, struct nw_time *t)
{
	size_t i;

	for (i = 0; i < scripts->n; i++)
		meta_script_text((const char *)
		    scripts->v[i]->children->content, now, best, t);
}

/* ---- dates ---- */

static const char *const meta_pub_keys[] = {
	"article:published_time", "og:article:published_time",
	"og:published_time", "article:published", "datepublished",
	"dc.date.issued", "dcterms.issued", "dc.date.published",
	"dc.date.created", "dcterms.created", "dc.date", "dcterms.date",
	"date", "pubdate", "publishdate", "publish-date", "publish_date",
	"published_time", "published-date", "published_date",
	"publication_date", "date_published", "article.published",
	"article_date_original", "original-publish-date",
	"originalpublicationdate", "sailthru.date", "parsely-pub-date",
	"cxenseparse:recs:publishtime", "citation_publication_date",
	"citation_date", "citation_online_date", "bt:pubdate",
	"article.created", "created", "datecreated", "release_date",
	"displaydate", "dc.created", "og:pubdate", "pub_date", "ptime",
	"nv:date", "date.available", "dc.date.available",
};

static const char *const meta_mod_keys[] = {
	"article:modified_time", "og:updated_time", "datemodified",
	"dc.date.modified", "dcterms.modified", "last-modified",
	"article.updated", "lastmod", "og:article:modified_time",
	"utime", "updated_time", "modified_time", "revised",
};

/* Parses s into *t when it is a plausible date of this page: not after
 * now, not before the web had news. */
static bool
meta_date_ok(const char *s, int64_t now, struct nw_time *t)
{
	struct nw_time x;

	if (s == NULL || date_parse(s, &x) != 0 || !x.set)
		return false;
	if (x.utc > now || x.utc < META_EPOCH)
		return false;
	*t = x;
	return true;
}

/* True when the date at s[at] follows one of the n words closely (within
 * 28 bytes, ASCII case folded). */
static bool
meta_after_word(const char *s, size_t at, const char *const *words,
    size_t n)
{
	size_t from = at > 28 ? at - 28 : 0, i, w = 0;
	char win[32];
	bool yes = false;

	for (i = from; i < at && s[i] != '\0'; i++)
		win[w++] = (char)tolower((unsigned char)s[i]);
	win[w] = '\0';
	for (i = 0; i < n && !yes; i++)
		yes = strstr(win, words[i]) != NULL;
	return yes;
}

/* True when the date at s[at] follows a word that marks a modification
 * ("Updated", "aktualisiert am", "mis à jour le") closely. */
static bool
meta_after_update_word(const char *s, size_t at)
{
	static const char *const words[] = {
		"updat", "aktualisiert", "geändert", "modif", "actualiz",
		"mis à jour", "bearbeitet", "revised", "edited",
	};

	return meta_after_word(s, at, words, NKEYS(words));
}

/* True when the date at s[at] is not the page's: a person's (when a
 * poster joined the forum, "Registriert: 18.09.2008"; a birthday), or
 * one announced as coming (an event, "Der nächste Stammtisch findet am
 * Mi. 5. Februar 2020 statt"; a deadline). */
static bool
meta_after_other_word(const char *s, size_t at)
{
	static const char *const words[] = {
		"registriert", "registered", "joined", "member since",
		"mitglied seit", "dabei seit", "beigetreten", "inscrit",
		"miembro desde", "registrado", "geboren", "born",
		"findet", "nächste", "takes place", "will take place",
		"will be held", "deadline", "anmeldeschluss",
		"einsendeschluss", "bewerbungsschluss", "valid until",
		"gültig bis", "tendrá lugar", "aura lieu",
	};

	return meta_after_word(s, at, words, NKEYS(words));
}

/* The first plausible date written in s that does not follow a word of
 * modification; failing that, with updates, the first plausible date
 * at all (found in the same pass). */
bool
meta_date_find_upd(const char *s, int64_t now, struct nw_time *t,
    bool updates)
{
	struct nw_time x, upd = {0};
	size_t at = 0, span = 0, off = 0, len;

	if (s == NULL)
		return false;
	len = strlen(s);
	while (off < len && date_find(s + off, len - off, &x, &at,
	    &span) == 0) {
		if (x.set && x.utc <= now && x.utc >= META_EPOCH &&
		    !meta_after_other_word(s, off + at)) {
			if (!meta_after_update_word(s, off + at)) {
				*t = x;
				return true;
			}
			if (updates && !upd.set)
				upd = x;
		}
		off += at + (span > 0 ? span : 1);
	}
	if (upd.set)
		*t = upd;
	return upd.set;
}

static bool
meta_date_find(const char *s, int64_t now, struct nw_time *t)
{
	return meta_date_find_upd(s, now, t, false);
}

/* True when p opens with a day-first dd-mm-yyyy or dd.mm.yyyy that ends
 * the path segment ("29-10-2021" in /meldungen/29-10-2021). */
static bool
meta_url_dmy(const char *p, int *y, int *m, int *d)
{
	static const int dig[] = {0, 1, 3, 4, 6, 7, 8, 9};
	size_t i;

	if (strnlen(p, 10) < 10)
		return false;
	for (i = 0; i < NKEYS(dig); i++)
		if (!isdigit((unsigned char)p[dig[i]]))
			return false;
	if ((p[2] != '-' && p[2] != '.') || p[5] != p[2] ||
	    (p[10] != '\0' && p[10] != '/' && p[10] != '?' &&
	    p[10] != '#' && p[10] != '.' && p[10] != '_'))
		return false;
	*d = (p[0] - '0') * 10 + (p[1] - '0');
	*m = (p[3] - '0') * 10 + (p[4] - '0');
	*y = atoi(p + 6);
	return *y >= 1995 && *m >= 1 && *m <= 12 && *d >= 1 && *d <= 31;
}

/* A date in the path of url: /2019/11/18/, /2019-11-18/, /20191118/,
 * /18-11-2019. */
static bool
meta_url_date(const char *url, int64_t now, struct nw_time *t)
{
	const char *p;
	char buf[48];
	int y, m, d;

	if (url == NULL)
		return false;
	p = strstr(url, "://");
	p = p != NULL ? strchr(p + 3, '/') : url;
	for (; p != NULL && *p != '\0'; p++) {
		if (*p != '/' && *p != '-' && *p != '_')
			continue;
		if (sscanf(p + 1, "%4d/%2d/%2d", &y, &m, &d) == 3 ||
		    sscanf(p + 1, "%4d-%2d-%2d", &y, &m, &d) == 3 ||
		    (sscanf(p + 1, "%4d%2d%2d", &y, &m, &d) == 3 &&
		    strnlen(p + 1, 8) == 8 && isdigit((unsigned char)p[8]) &&
		    !isdigit((unsigned char)p[9]))) {
			if (!isdigit((unsigned char)p[1]) ||
			    !isdigit((unsigned char)p[4]) ||
			    y < 1995 || m < 1 || m > 12 || d < 1 || d > 31)
				y = 0;
			snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, m, d);
			if (y != 0 && meta_date_ok(buf, now, t))
				return true;
		}
		if (meta_url_dmy(p + 1, &y, &m, &d)) {
			snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, m, d);
			if (meta_date_ok(buf, now, t))
				return true;
		}
	}
	return false;
}

static bool
meta_first_date(const char *const *keys, size_t nkeys,
    const struct meta_cands *c, int64_t now, struct nw_time *t)
{
	size_t i, k;

	for (k = 0; k < nkeys; k++)
		META_EACH_KEY(c, keys[k], i)
			if (meta_date_ok(c->vals.v[i - 1], now, t))
				return true;
	return false;
}

static bool
meta_list_date(const struct strlist *l, int64_t now, struct nw_time *t,
    bool find)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (meta_date_ok(l->v[i], now, t) ||
		    (find && meta_date_find(l->v[i], now, t)))
			return true;
	return false;
}

/* The first <meta> whose key names a modification by its shape, not by
 * a vocabulary's name ("dateUpdate", "last_updated", "date-modified"):
 * a key that holds "updat" or "modif". */
static bool
meta_shaped_mod_date(const struct meta_cands *c, int64_t now,
    struct nw_time *t)
{
	const char *k;
	size_t i;

	for (i = 0; i < c->keys.n; i++) {
		k = c->keys.v[i];
		if ((strstr(k, "updat") != NULL || strstr(k, "modif") !=
		    NULL) && meta_date_ok(c->vals.v[i], now, t))
			return true;
	}
	return false;
}

bool
meta_modified(const struct meta_cands *c, int64_t now, struct nw_time *t)
{
	return meta_date_ok(c->ld.modified, now, t) ||
	    meta_first_date(meta_mod_keys, NKEYS(meta_mod_keys), c, now, t) ||
	    meta_list_date(&c->mod_times, now, t, false) ||
	    meta_shaped_mod_date(c, now, t);
}

bool
meta_published(const struct meta_cands *c, const char *url, int64_t now,
    struct nw_time *t)
{
	const char *og = meta_get(c, (const char *const[]){"og:url"}, 1);

	/* What the page shows first: a visible datePublished, then the
	 * first date printed after the headline (pages show the date they
	 * mean, where their metadata may be a re-publication's); then
	 * JSON-LD, the other metadata, the URL. */
	return meta_list_date(&c->pub_times, now, t, true) ||
	    meta_date_find(c->after_title, now, t) ||
	    meta_date_ok(c->ld.published, now, t) ||
	    meta_list_date(&c->times, now, t, false) ||
	    meta_first_date(meta_pub_keys, NKEYS(meta_pub_keys), c, now, t) ||
	    meta_url_date(url, now, t) ||
	    meta_url_date(c->canonical, now, t) ||
	    meta_url_date(og, now, t);
}

/* Sets t's offset from the date s when s states the instant t as the
 * page's wall clock: with the same non-zero offset named, or with no
 * zone and a time that differs from t by whole quarter hours within the
 * offsets in use (-12:00 to +14:00). */
static bool
meta_wall_offset(const char *s, struct nw_time *t)
{
	struct nw_time x;
	int64_t d;

	if (s == NULL || date_parse(s, &x) != 0 || !x.set || !x.has_time)
		return false;
	if (x.has_offset) {
		if (x.utc != t->utc || x.offset == 0)
			return false;
		t->offset = x.offset;
		return true;
	}
	d = x.utc - t->utc;
	if (d == 0 || d % 900 != 0 || d < -12 * 3600 || d > 14 * 3600)
		return false;
	t->offset = (int)(d / 60);
	return true;
}

static bool
meta_list_offset(const struct strlist *l, struct nw_time *t)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (meta_wall_offset(l->v[i], t))
			return true;
	return false;
}

void
meta_page_offset(const struct meta_cands *c, struct nw_time *t)
{
	size_t i, k;

	/* a time on the hour or quarter matches another by chance */
	if (!t->set || !t->has_time || !t->has_offset || t->offset != 0 ||
	    t->utc % 900 == 0)
		return;
	if (meta_wall_offset(c->ld.published, t) ||
	    meta_wall_offset(c->ld.modified, t) ||
	    meta_list_offset(&c->pub_times, t) ||
	    meta_list_offset(&c->mod_times, t) ||
	    meta_list_offset(&c->times, t))
		return;
	for (k = 0; k < NKEYS(meta_pub_keys); k++)
		META_EACH_KEY(c, meta_pub_keys[k], i)
			if (meta_wall_offset(c->vals.v[i - 1], t))
				return;
	for (k = 0; k < NKEYS(meta_mod_keys); k++)
		META_EACH_KEY(c, meta_mod_keys[k], i)
			if (meta_wall_offset(c->vals.v[i - 1], t))
				return;
}

/* The zone of the publishers who write in a language tag's region, or in
 * its language where the language is spoken in one zone: "de-AT" and
 * "pl" in Central European Time; NULL where it may be any of several
 * ("en", "fr", "es" without a region, "pt-BR"). */
static const char *
meta_tag_zone(const char *tag)
{
	static const char *const zones[][2] = {
		/* regions */
		{"AT", "Europe/Berlin"}, {"BE", "Europe/Berlin"},
		{"CH", "Europe/Berlin"}, {"CZ", "Europe/Berlin"},
		{"DE", "Europe/Berlin"}, {"DK", "Europe/Berlin"},
		{"ES", "Europe/Berlin"}, {"FR", "Europe/Berlin"},
		{"GB", "Europe/London"}, {"GR", "Europe/Athens"},
		{"HR", "Europe/Berlin"}, {"HU", "Europe/Berlin"},
		{"IE", "Europe/London"}, {"IT", "Europe/Berlin"},
		{"JP", "Asia/Tokyo"}, {"KR", "Asia/Seoul"},
		{"LU", "Europe/Berlin"}, {"NL", "Europe/Berlin"},
		{"NO", "Europe/Berlin"}, {"PL", "Europe/Berlin"},
		{"SE", "Europe/Berlin"}, {"SI", "Europe/Berlin"},
		{"SK", "Europe/Berlin"}, {"FI", "Europe/Helsinki"},
		/* languages */
		{"cs", "Europe/Berlin"}, {"da", "Europe/Berlin"},
		{"de", "Europe/Berlin"}, {"el", "Europe/Athens"},
		{"fi", "Europe/Helsinki"}, {"hr", "Europe/Berlin"},
		{"hu", "Europe/Berlin"}, {"it", "Europe/Berlin"},
		{"ja", "Asia/Tokyo"}, {"ko", "Asia/Seoul"},
		{"nb", "Europe/Berlin"}, {"nl", "Europe/Berlin"},
		{"nn", "Europe/Berlin"}, {"no", "Europe/Berlin"},
		{"pl", "Europe/Berlin"}, {"sk", "Europe/Berlin"},
		{"sl", "Europe/Berlin"}, {"sv", "Europe/Berlin"},
	};
	char lang[3] = {0}, region[3] = {0};
	size_t i;

	if (tag == NULL)
		return NULL;
	tag = meta_skip_space(tag);
	if (!isalpha((unsigned char)tag[0]) ||
	    !isalpha((unsigned char)tag[1]) ||
	    isalpha((unsigned char)tag[2]))
		return NULL;
	lang[0] = (char)tolower((unsigned char)tag[0]);
	lang[1] = (char)tolower((unsigned char)tag[1]);
	if ((tag[2] == '-' || tag[2] == '_') &&
	    isalpha((unsigned char)tag[3]) &&
	    isalpha((unsigned char)tag[4]) &&
	    !isalnum((unsigned char)tag[5])) {
		region[0] = (char)toupper((unsigned char)tag[3]);
		region[1] = (char)toupper((unsigned char)tag[4]);
	}
	for (i = 0; i < NKEYS(zones); i++)
		if (strcmp(zones[i][0], region[0] != '\0' ? region : lang)
		    == 0)
			return zones[i][1];
	return NULL;
}

void
meta_local_midnight(struct nw_time *t, const char *tag)
{
	const char *zone = meta_tag_zone(tag);
	int off;

	if (!t->set || !t->has_time || !t->has_offset || t->offset != 0 ||
	    zone == NULL || !date_zone_offset_at(zone, t->utc, &off) ||
	    off == 0)
		return;
	if ((t->utc + (int64_t)off * 60) % 86400 == 0)
		t->offset = off;
}
