/* PLACEHOLDER so the tree builds; the HTML helper replaces this file. */
#include "html_extract.h"
int html_extract(const char *s, size_t len, const char *url, int64_t now,
    struct nw_article *a, char *err, size_t errlen)
{ (void)s; (void)len; (void)url; (void)now; (void)a; return fail(err, errlen, "html: not built yet"); }
