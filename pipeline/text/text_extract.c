/* PLACEHOLDER so the tree builds; the text helper replaces this file. */
#include "text_extract.h"
int text_extract(const char *s, size_t len, int64_t now,
    struct nw_article *a, char *err, size_t errlen)
{ (void)s; (void)len; (void)now; (void)a; return fail(err, errlen, "text: not built yet"); }
