/* Canonical URLs: parsed and normalised by libcurl's URL API (curl_url,
 * no transfer: a pure parser), with the tracking-parameter filter on top.
 *
 * libcurl resolves dot segments ("/a/./b/../c" -> "/a/c"), lower-cases
 * the scheme and drops a default port. The host is lower-cased, and an
 * internationalised host goes to its ASCII form as libcurl converts it
 * (libidn2, IDNA2008 non-transitional, falling back to transitional when
 * a code point is disallowed): libcurl itself reads the host in the
 * process's locale, which a library must not depend on, so the same call
 * is made here on the UTF-8 host. The fragment and the query parameters
 * of campaigns and clicks are removed.
 *
 * References found in a page (og:image, <link rel=canonical>, <img src>)
 * are resolved against the page's URL by the same parser: it takes the
 * raw non-ASCII characters pages put in paths ("/größer.jpg") and hosts,
 * which libxml2's xmlBuildURI refuses, and percent-encodes them.
 *
 * The site of a URL is its registrable domain by the Public Suffix List
 * that libpsl builds in (psl_builtin(): no file is read, so the daemon
 * needs no publicsuffix package), named by its first label, in Unicode
 * by libidn2 when it is an "xn--" label. */
#include "url.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>
#include <idn2.h>
#include <libpsl.h>

#include "util.h"

/* Query parameters that identify a campaign or a click, not a page. */
static const char *const url_tracking[] = {
	"fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid",
	"mc_cid", "mc_eid", "ref_src", "ref_url", "igshid", "_ga", "_gl",
	"mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id", "vero_conv",
	"__s", "_hsenc", "_hsmi", "hsctatracking", "s_cid", "ncid", "ocid",
	"cmpid", "twclid", "ttclid", "li_fat_id", "wt.mc_id", "at_medium",
	"at_campaign", "rss", "smid", "smtyp",
};

static bool
url_is_tracking(const char *p, size_t n)
{
	size_t i, k;

	for (k = 0; k < n && p[k] != '='; k++)
		;
	if (k >= 4 && strncasecmp(p, "utm_", 4) == 0)
		return true;
	for (i = 0; i < sizeof(url_tracking) / sizeof(*url_tracking); i++)
		if (strlen(url_tracking[i]) == k &&
		    strncasecmp(p, url_tracking[i], k) == 0)
			return true;
	return false;
}

/* The query q without its tracking parameters, or NULL when none is
 * left. */
static char *
url_query(const char *q)
{
	struct buf b = {0};
	const char *s = q, *e;

	while (*s != '\0') {
		e = s + strcspn(s, "&");
		if (e > s && !url_is_tracking(s, (size_t)(e - s))) {
			if (b.len > 0)
				buf_putc(&b, '&');
			buf_append(&b, s, (size_t)(e - s));
		}
		s = *e == '&' ? e + 1 : e;
	}
	if (b.len == 0) {
		buf_free(&b);
		return NULL;
	}
	return buf_take(&b);
}

/* host lower-cased (ASCII) or in its IDNA ASCII form, without a final
 * dot; NULL when it is no valid host name. */
static char *
url_host(const char *host)
{
	uint8_t *ascii = NULL;
	char *h;
	size_t i, n;
	bool wide = false;
	int rc;

	for (i = 0; host[i] != '\0'; i++)
		if ((unsigned char)host[i] >= 0x80)
			wide = true;
	if (wide) {
		/* the flags and the fallback libcurl uses */
		rc = idn2_lookup_u8((const uint8_t *)host, &ascii,
		    IDN2_NFC_INPUT | IDN2_NONTRANSITIONAL);
		if (rc == IDN2_DISALLOWED)
			rc = idn2_lookup_u8((const uint8_t *)host, &ascii,
			    IDN2_TRANSITIONAL);
		if (rc != IDN2_OK)
			return NULL;
		h = xstrdup((const char *)ascii);
		idn2_free(ascii);
	} else {
		h = xstrdup(host);
	}
	for (i = 0; h[i] != '\0'; i++)
		if (h[i] >= 'A' && h[i] <= 'Z')
			h[i] = (char)(h[i] + 32);
	n = strlen(h);
	while (n > 1 && h[n - 1] == '.')
		h[--n] = '\0';  /* "example.com." */
	return h;
}

/* Applies the normalisation of this file to the URL in u. */
static bool
url_normalise(CURLU *u)
{
	char *host = NULL, *query = NULL, *h, *q;
	bool ok = true;

	if (curl_url_set(u, CURLUPART_FRAGMENT, NULL, 0) != CURLUE_OK)
		return false;
	if (curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK &&
	    host[0] != '\0') {
		h = url_host(host);
		ok = h != NULL && curl_url_set(u, CURLUPART_HOST, h, 0) ==
		    CURLUE_OK;
		free(h);
	}
	curl_free(host);
	if (ok && curl_url_get(u, CURLUPART_QUERY, &query, 0) == CURLUE_OK) {
		q = url_query(query);
		ok = curl_url_set(u, CURLUPART_QUERY, q, 0) == CURLUE_OK;
		free(q);
	}
	curl_free(query);
	return ok;
}

/* s with its percent-encodings in upper case, as RFC 3986 2.1 asks (the
 * libcurl of Debian 12 writes the octets it encodes in lower case). */
static void
url_upper_escapes(char *s)
{
	for (; *s != '\0'; s++)
		if (s[0] == '%' && isxdigit((unsigned char)s[1]) &&
		    isxdigit((unsigned char)s[2])) {
			s[1] = (char)toupper((unsigned char)s[1]);
			s[2] = (char)toupper((unsigned char)s[2]);
			s += 2;
		}
}

/* The URL in u as a new string, its percent-encodings in upper case, or
 * NULL when libcurl cannot write it. */
static char *
url_string(CURLU *u, unsigned int flags)
{
	char *out = NULL, *res = NULL;

	if (curl_url_get(u, CURLUPART_URL, &out, flags) == CURLUE_OK) {
		res = xstrdup(out);
		url_upper_escapes(res);
	}
	curl_free(out);
	return res;
}

/* ref past the white space around it, without the tabs and line breaks
 * inside it (as a browser reads an attribute's URL). */
static char *
url_trim(const char *ref)
{
	struct buf b = {0};
	size_t n;

	ref += strspn(ref, " \t\r\n\f");
	n = strlen(ref);
	while (n > 0 && strchr(" \t\r\n\f", ref[n - 1]) != NULL)
		n--;
	buf_puts(&b, "");
	for (size_t i = 0; i < n; i++)
		if (ref[i] != '\t' && ref[i] != '\r' && ref[i] != '\n')
			buf_putc(&b, ref[i]);
	return buf_take(&b);
}

/* u, which holds base, moved to ref; false when ref is no reference. */
static bool
url_move(CURLU *u, const char *ref, bool based)
{
	const unsigned flags = CURLU_NON_SUPPORT_SCHEME | CURLU_URLENCODE;

	if (based && ref[0] == '#')  /* libcurl 7.88 drops the file name */
		return curl_url_set(u, CURLUPART_FRAGMENT, ref[1] != '\0' ?
		    ref + 1 : NULL, flags) == CURLUE_OK;
	return curl_url_set(u, CURLUPART_URL, ref, flags) == CURLUE_OK;
}

char *
url_resolve(const char *ref, const char *base)
{
	CURLU *u;
	char *r, *host = NULL, *h, *res;
	bool based = false, ok;

	if (ref == NULL)
		return NULL;
	r = url_trim(ref);
	u = curl_url();
	if (u == NULL)
		abort();  /* out of memory, as xmalloc() */
	if (base != NULL && strchr(base, ':') != NULL) {
		h = url_trim(base);
		based = curl_url_set(u, CURLUPART_URL, h,
		    CURLU_NON_SUPPORT_SCHEME | CURLU_URLENCODE) == CURLUE_OK;
		free(h);
	}
	/* without a base, libcurl would take "host/path" for a URL */
	ok = r[0] != '\0' && (based || strchr(r, ':') != NULL) &&
	    url_move(u, r, based);
	if (ok && curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK) {
		for (size_t i = 0; host[i] != '\0'; i++)
			if ((unsigned char)host[i] >= 0x80) {
				h = url_host(host);
				ok = h != NULL && curl_url_set(u,
				    CURLUPART_HOST, h, 0) == CURLUE_OK;
				free(h);
				break;
			}
		curl_free(host);
	}
	res = ok ? url_string(u, 0) : NULL;
	curl_url_cleanup(u);
	free(r);
	return res;
}

char *
url_canonical(const char *url)
{
	CURLU *u;
	char *in, *res = NULL;
	size_t n;

	if (url == NULL)
		return NULL;
	url += strspn(url, " \t\r\n");
	n = strcspn(url, " \t\r\n");
	/* libcurl would take "host/path" for a URL without a scheme */
	if (memchr(url, ':', n) == NULL)
		return NULL;
	u = curl_url();
	if (u == NULL)
		abort();  /* out of memory, as xmalloc() */
	in = xstrndup(url, n);
	if (curl_url_set(u, CURLUPART_URL, in, CURLU_NON_SUPPORT_SCHEME) ==
	    CURLUE_OK && url_normalise(u))
		res = url_string(u, CURLU_NO_DEFAULT_PORT);
	free(in);
	curl_url_cleanup(u);
	return res;
}

/* The label that names a site in the registrable domain reg (ASCII),
 * in Unicode when it is an IDN label. */
static char *
url_label(const char *reg)
{
	char *label = xstrndup(reg, strcspn(reg, ".")), *u = NULL;

	if (strncmp(label, "xn--", 4) == 0 &&
	    idn2_to_unicode_8z8z(label, &u, 0) == IDN2_OK) {
		free(label);
		label = xstrdup(u);
	}
	idn2_free(u);
	return label;
}

/* Whether host is an IPv4 or IPv6 address. */
static bool
url_is_address(const char *host)
{
	return host[0] == '[' || (isdigit((unsigned char)host[0]) &&
	    strspn(host, "0123456789.") == strlen(host));
}

char *
url_site(const char *url)
{
	CURLU *u;
	struct buf b = {0};
	char *in, *host = NULL, *h = NULL, *site = NULL;
	const char *reg;
	size_t n;

	if (url == NULL)
		return NULL;
	url += strspn(url, " \t\r\n");
	n = strcspn(url, " \t\r\n");
	/* "//host/x" is the page's scheme; "host/x" is a path */
	if (n >= 2 && url[0] == '/' && url[1] == '/') {
		buf_puts(&b, "http:");
		buf_append(&b, url, n);
		in = buf_take(&b);
	} else if (memchr(url, ':', n) != NULL) {
		in = xstrndup(url, n);
	} else {
		return NULL;
	}
	u = curl_url();
	if (u == NULL)
		abort();  /* out of memory, as xmalloc() */
	if (curl_url_set(u, CURLUPART_URL, in, CURLU_NON_SUPPORT_SCHEME |
	    CURLU_URLENCODE) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_HOST, &host, CURLU_URLDECODE) ==
	    CURLUE_OK && host[0] != '\0')
		h = url_host(host);
	if (h != NULL && url_is_address(h)) {
		site = h;  /* an address is a site of its own */
		h = NULL;
	} else if (h != NULL) {
		/* the Public Suffix List built into libpsl: no file read */
		reg = psl_registrable_domain(psl_builtin(), h);
		site = url_label(reg != NULL ? reg : h);
	}
	if (site != NULL && site[0] == '\0') {
		free(site);  /* "http://./" */
		site = NULL;
	}
	free(h);
	curl_free(host);
	curl_url_cleanup(u);
	free(in);
	return site;
}
