/* PLACEHOLDER so the tree builds; helper "dates+feeds" replaces this file. */
#include "date.h"
#include <stdio.h>
#include <time.h>
int date_parse(const char *s, struct nw_time *out) { (void)s; (void)out; return -1; }
int date_find(const char *s, size_t len, struct nw_time *out, size_t *at, size_t *span)
{ (void)s; (void)len; (void)out; (void)at; (void)span; return -1; }
char *date_format_utc(const struct nw_time *t, char *buf, size_t buflen)
{
	struct tm tm; time_t tt;
	if (!t->set) return NULL;
	tt = (time_t)t->utc; gmtime_r(&tt, &tm);
	strftime(buf, buflen, "%Y-%m-%dT%H:%M:%SZ", &tm); return buf;
}
char *date_format_local(const struct nw_time *t, char *buf, size_t buflen)
{ (void)t; (void)buf; (void)buflen; return NULL; }
