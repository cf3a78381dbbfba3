/* The headline of an HTML page: the page's headings weighed against the
 * titles its metadata and <title> give, less the site's names. */
#include "html_meta_int.h"

#include <stdlib.h>
#include <string.h>

/* What sits between a headline and a site name in a title. */
static const char *const meta_title_seps[] = {
	" | ", " - ", " – ", " — ", " :: ", " » ", " « ", " · ", " • ",
	" / ", " ~ ", " || ", " ‹ ", " › ", " | ", "| ", " |", "|",
};

/* Finds the separators in s: fills at[] and len[] (at most max) and
 * returns their count. */
static size_t
meta_title_split(const char *s, size_t *at, size_t *len, size_t max)
{
	size_t n = 0, i, k, l, nseps = NKEYS(meta_title_seps);

	for (i = 0; s[i] != '\0' && n < max; i++) {
		for (k = 0; k < nseps; k++) {
			if (s[i] != meta_title_seps[k][0])
				continue;
			l = strlen(meta_title_seps[k]);
			if (strncmp(s + i, meta_title_seps[k], l) == 0 &&
			    s[i + l] != '\0' && i > 0)
				break;
		}
		if (k < nseps) {
			at[n] = i;
			len[n] = l;
			n++;
			i += l - 1;
		}
	}
	return n;
}

/* Cuts a separator left dangling at the end of title t, after a space
 * ("National Rail Enquiries -", "Über André Loibl |": a template whose
 * site or page name is empty); returns t. */
static char *
meta_title_trim(char *t)
{
	static const char *const ends[] = {
		" |", " -", " \xe2\x80\x93", " \xe2\x80\x94", " ::",
		" \xc2\xbb", " \xc2\xb7", " \xe2\x80\xa2", " /", " ~",
	};
	size_t n = strlen(t), k, l;
	bool again = true;

	while (again) {
		again = false;
		while (n > 0 && t[n - 1] == ' ')
			t[--n] = '\0';
		for (k = 0; k < NKEYS(ends); k++) {
			l = strlen(ends[k]);
			if (n > l && strcmp(t + n - l, ends[k]) == 0) {
				n -= l;
				t[n] = '\0';
				again = true;
				break;
			}
		}
	}
	return t;
}

/* A copy of title s without the parts at either end (with front false,
 * at its end only) that name the site, nor a separator left dangling at
 * its end. */
static char *
meta_title_clean(const char *s, const char *const *sites, bool front)
{
	size_t at[16], len[16], n, b = 0, e, first = 0, last;

	if (s == NULL)
		return NULL;
	e = strlen(s);
	n = meta_title_split(s, at, len, 16);
	if (n == 0)
		return meta_title_trim(xstrdup(s));
	last = n;  /* parts are 0..n; part i spans [start_i, end_i) */
	while (front && first < last) {
		size_t ps = first == 0 ? 0 : at[first - 1] + len[first - 1];

		if (!meta_is_site(s + ps, at[first] - ps, sites))
			break;
		first++;
		b = at[first - 1] + len[first - 1];
	}
	while (last > first) {
		size_t ps = at[last - 1] + len[last - 1];

		if (!meta_is_site(s + ps, e - ps, sites))
			break;
		e = at[last - 1];
		last--;
	}
	return meta_title_trim(xstrndup(s + b, e - b));
}

/* True when the squashed part sp (of lp bytes) is the squashed heading sh
 * (of lh bytes), or the heading with one of the site's names glued to it
 * with no separator, a template's slip ("Truckwash A31Das etwas andere
 * Branchenbuch | Das etwas andere Branchenbuch"). */
static bool
meta_title_glued(const char *sh, size_t lh, const char *sp, size_t lp,
    const char *const *sites)
{
	size_t i, n = lp - lh;
	const char *glue;
	char *ss;
	bool yes = false;

	if (lp == lh)
		return memcmp(sh, sp, lh) == 0;
	if (lp < lh)
		return false;
	if (memcmp(sh, sp, lh) == 0)
		glue = sp + lh;  /* the site's name after the heading */
	else if (memcmp(sh, sp + n, lh) == 0)
		glue = sp;  /* or before it */
	else
		return false;
	for (i = 0; sites[i] != NULL && !yes; i++) {
		ss = meta_squash(sites[i]);
		yes = strlen(ss) == n && memcmp(glue, ss, n) == 0;
		free(ss);
	}
	return yes;
}

/* True when heading h equals a run of consecutive parts of cand ("A" or
 * "A | B" in "A | B | Site") that is not just the site's name. */
static bool
meta_title_agrees(const char *h, const char *cand, const char *const *sites)
{
	size_t at[16], len[16], n, i, j, ps, pe, lh, lc;
	char *sh, *sp;
	bool yes = false;

	if (cand == NULL)
		return false;
	if (meta_is_site(h, strlen(h), sites))
		return false;
	n = meta_title_split(cand, at, len, 16);
	sh = meta_squash(h);
	lh = strlen(sh);
	lc = strlen(cand);
	sp = xmalloc(lc + 1);
	for (i = 0; i <= n && !yes && sh[0] != '\0'; i++) {
		ps = i == 0 ? 0 : at[i - 1] + len[i - 1];
		for (j = i; j <= n && !yes; j++) {
			pe = j == n ? lc : at[j];
			/* a part squashes to at most its own length */
			if (pe - ps < lh)
				continue;
			yes = meta_title_glued(sh, lh, sp,
			    meta_squash_to(cand + ps, pe - ps, sp), sites);
		}
	}
	free(sp);
	free(sh);
	return yes;
}

/* True when heading h is one of the site's names, whole: the logo set as
 * a heading where its markup did not say so (an <h1> inside the logo's
 * <h1>), never the headline. */
static bool
meta_heading_is_site(const char *h, const char *const *sites)
{
	size_t i;

	for (i = 0; sites[i] != NULL; i++)
		if (meta_same(h, sites[i]))
			return true;
	return false;
}

/* The longest heading of l that agrees with one of the n candidates,
 * whole or (with whole false) as a run of its parts. */
static const char *
meta_title_pick(const struct strlist *l, const char *const *cand,
    size_t n, const char *const *sites, bool whole)
{
	const char *best = NULL;
	char *sq[8] = {NULL}, *sh;
	size_t i, k;
	bool yes;

	/* Squashed once here: a heading agrees with a candidate only when
	 * its squashed text is the candidate's or (for a run of parts) a
	 * piece of it. */
	for (k = 0; k < n && k < 8; k++)
		sq[k] = cand[k] != NULL ? meta_squash(cand[k]) : NULL;
	for (i = 0; i < l->n; i++) {
		if ((best != NULL && strlen(l->v[i]) <= strlen(best)) ||
		    meta_heading_is_site(l->v[i], sites))
			continue;
		sh = meta_squash(l->v[i]);
		for (k = 0; k < n && sh[0] != '\0'; k++) {
			if (k < 8 && (sq[k] == NULL || (whole ?
			    strcmp(sh, sq[k]) != 0 :
			    strstr(sq[k], sh) == NULL)))
				continue;
			yes = whole ? meta_same(l->v[i], cand[k]) :
			    meta_title_agrees(l->v[i], cand[k], sites);
			if (yes) {
				best = l->v[i];
				break;
			}
		}
		free(sh);
	}
	for (k = 0; k < n && k < 8; k++)
		free(sq[k]);
	return best;
}

/* The heading of l that is one side of a colon in one of the n
 * candidates: with before false, the text after a kicker's colon
 * ("Corona-Lockerungen: Autohäuser rechnen mit ... | MDR.DE", the site
 * cut) where the page sets kicker and headline in elements of their own
 * ("<h1><span>Nach Corona-Lockerungen</span><span>Autohäuser rechnen mit
 * ...</span></h1>"), whatever their classes say; with before true, the
 * text before a spaced colon (the site's name and tagline after it: "Das
 * Video der Welt : Krimiblog-Archiv | ..."). Headings of one word are
 * sections' labels ("Enquête : ..." keeps its colon). */
static const char *
meta_title_colon(const struct strlist *l, const char *const *cand,
    size_t n, bool before)
{
	const char *best = NULL, *p;
	char *t;
	size_t i, k, at[1], len[1];

	for (k = 0; k < n && best == NULL; k++) {
		if (cand[k] == NULL || (p = strstr(cand[k], before ? " : " :
		    ": ")) == NULL || p == cand[k])
			continue;
		if (before) {
			t = xstrndup(cand[k], (size_t)(p - cand[k]));
		} else {
			/* up to the next separator: a site's name follows */
			p += 2;
			t = xstrndup(p, meta_title_split(p, at, len, 1) == 1 ?
			    at[0] : strlen(p));
		}
		for (i = 0; i < l->n && best == NULL; i++)
			if (words_in(l->v[i], strlen(l->v[i])) >= 2 &&
			    meta_same(l->v[i], t))
				best = l->v[i];
		free(t);
	}
	return best;
}

/* The one <h2> of a page without an <h1> (nor a logo set as one), of
 * two words or more, when it shares a word with one of the n
 * candidates cut of the site's names ("Bootsdienst Ausbildung" where
 * the title is "Feuerwehr Oldenburg - Ausbildung"); else NULL. */
static const char *
meta_title_lone_h2(const struct meta_cands *c, const char *const *cand,
    size_t n, const char *const *sites)
{
	const char *h;
	bool yes = false;
	size_t k;
	char *t;

	if (c->h1.n != 0 || c->logos.n != 0 || c->h2.n != 1)
		return NULL;
	h = c->h2.v[0];
	if (words_in(h, strlen(h)) < 2)
		return NULL;
	for (k = 0; k < n && !yes; k++) {
		if (cand[k] == NULL)
			continue;
		t = meta_title_clean(cand[k], sites, true);
		yes = meta_shares_word(h, t);
		free(t);
	}
	return yes ? h : NULL;
}

char *
meta_decide_title(const struct meta_cands *c, const char *const *sites)
{
	static const char *const okeys[] = {"og:title"};
	static const char *const wkeys[] = {"twitter:title"};
	static const char *const dkeys[] = {
		"dc.title", "dcterms.title", "parsely-title", "sailthru.title",
		"title", "headline",
	};
	const char *cand[5], *h, *d, *only = NULL;
	size_t k, many = 0;
	char *t;

	cand[0] = c->ld.rank[LD_HEADLINE] >= 3 ? c->ld.headline : NULL;
	cand[1] = meta_get(c, okeys, 1);
	cand[2] = meta_get(c, wkeys, 1);
	cand[3] = meta_get(c, dkeys, NKEYS(dkeys));
	cand[4] = c->title_tag;
	/* A headline on the page that the metadata confirms: a part of
	 * the <h1> whole (the headline beside its kicker), then the <h1>
	 * as a title or a run of its parts (site names or kickers around
	 * it), then the same of an <h2>; confirmed by the headline's own
	 * metadata (JSON-LD, og:title, twitter:title, Dublin Core) before
	 * the <title> alone, often written for search engines ("X trennen
	 * sich: \"Arschloch\"" as <title> and <h1>, "„Arschloch“: X
	 * trennen sich" as og:title, JSON-LD and an <h2>). */
	h = meta_title_pick(&c->h_parts, cand, 5, sites, true);
	for (k = 0; k < 2 && h == NULL; k++) {
		h = meta_title_pick(&c->h1, cand + 4 * k, 4 - 3 * k, sites,
		    false);
		if (h == NULL)
			h = meta_title_pick(&c->h2, cand + 4 * k, 4 - 3 * k,
			    sites, false);
	}
	if (h == NULL)
		h = meta_title_colon(&c->h_parts, cand, 5, false);
	/* One headline on the page and metadata that disagrees (an SEO
	 * title): the page shows the headline. A one-word <h1> beside it
	 * is a section's label ("Anwendung"), not another headline. */
	for (k = 0, many = 0; h == NULL && k < c->h1.n; k++)
		if (words_in(c->h1.v[k], strlen(c->h1.v[k])) >= 2 &&
		    !meta_heading_is_site(c->h1.v[k], sites)) {
			only = c->h1.v[k];
			many++;
		}
	if (h == NULL && many == 1)
		h = only;
	if (h == NULL)
		h = meta_title_lone_h2(c, cand, 5, sites);
	/* an <h3> that the metadata confirms, where no <h1> or <h2> is the
	 * headline (an <h3> beside an <h1> is a teaser's) */
	if (h == NULL && many == 0)
		h = meta_title_pick(&c->h3, cand, 5, sites, false);
	if (h == NULL && many == 0)
		h = meta_title_colon(&c->h3, cand, 5, true);
	/* no heading: a description that is a part of the title (the
	 * headline set between the site's names, "Club - Headline -
	 * Section - News") */
	d = meta_get(c, (const char *const[]){"description",
	    "og:description"}, 2);
	for (k = 0; h == NULL && d != NULL && k < 5; k++)
		if (meta_title_agrees(d, cand[k], sites))
			h = d;
	for (k = 0; h != NULL && k < c->h1.n; k++)
		if (c->h1.v[k] == h && c->h1_rest.v[k][0] != '\0')
			h = c->h1_rest.v[k];
	/* (a heading that spells the whole title, site name and all, as a
	 * hidden <h1> for screen readers does, loses the name at its end;
	 * its first part is the headline's or a kicker's) */
	if (h != NULL) {
		t = meta_title_clean(h, sites, false);
		if (t[0] != '\0')
			return t;
		free(t);
		return xstrdup(h);
	}
	for (k = 0; k < 4; k++) {
		if (cand[k] == NULL)
			continue;
		t = meta_title_clean(cand[k], sites, true);
		if (t[0] != '\0')
			return t;
		free(t);
	}
	if (c->title_tag != NULL) {
		t = meta_title_clean(c->title_tag, sites, true);
		if (t[0] != '\0')
			return t;
		free(t);
	}
	return NULL;
}
