/* PLACEHOLDER so the tree builds; the HTML metadata helper replaces it. */
#include "html_meta.h"
void html_meta_extract(htmlDocPtr doc, const char *url, int64_t now,
    struct nw_article *a) { (void)doc; (void)url; (void)now; (void)a; }
