/* URLs parsed, normalised and resolved by libcurl's URL API (curl_url: a
 * parser, no transfer). Pure: no I/O, no state. */
#ifndef NW_URL_H
#define NW_URL_H

/* Canonical form of an absolute URL: lower-case scheme and host, default
 * port dropped, fragment and tracking parameters (utm_*, fbclid, gclid...)
 * removed, percent-encodings in upper case (as url_resolve() writes them).
 * Returns a new string, or NULL if url is not an absolute URL. */
char *url_canonical(const char *url);

/* ref (an attribute's URL: absolute, "//host/x", "/x", "x", "?q", "#f")
 * resolved against base, which may be NULL, by libcurl's URL API: dot
 * segments removed, raw non-ASCII characters and spaces percent-encoded,
 * an internationalised host in its IDNA ASCII form. Any scheme is kept
 * (the caller picks the ones it takes), the fragment too. Returns a new
 * string, or NULL when ref makes no absolute URL. */
char *url_resolve(const char *ref, const char *base);

/* The site of url (absolute or "//host/x"): the first label of its
 * host's registrable domain by the Public Suffix List ("bbc" for
 * "https://www.bbc.co.uk/", "abc" for "abc.net.au"), in Unicode (UTF-8)
 * when it is an IDN label ("xn--...") and in lower case; the address
 * itself for an IP address; the first label of a host that is a public
 * suffix itself or has one label. Returns a new string, or NULL when url
 * has no host. */
char *url_site(const char *url);

#endif
