/* What the extractor never reads, cut from a page before the parse. Pure. */
#ifndef NW_HTML_STRIP_H
#define NW_HTML_STRIP_H

#include <stdbool.h>
#include <stddef.h>

#include "decode.h"

/* Returns a new NUL-terminated copy of the page s[0..len) (length in
 * *outlen) without the bodies of <style> elements and of <script>
 * elements that neither are JSON-LD (their type names it) nor hold a key
 * of the page-state dates the metadata reads (html_script_date_keys after
 * a '"'). libxml2 reads such bodies one
 * character at a time into text nodes that the extractor drops; a third
 * of a news page's bytes are scripts and styles. The tags stay, so the
 * tree keeps its shape. Comments are cut whole, attribute values are
 * read with their quotes; where the markup stops making sense (an
 * unterminated comment, quote or element) the rest is copied as it is.
 * Start tags lose the attributes the pipeline does not read
 * (html_strip_attr_kept_on(): some it reads on some elements only; an
 * <a>'s href that is surely not the home page, a style that does not
 * hide and a title where no class or <abbr> wants it go too), and
 * inline <svg> drawings their bodies when
 * these hold drawing elements only: libxml2 copies every attribute value
 * and builds every node, and these are a sixth of its work on news
 * pages. *entities tells whether "<!ENTITY" stands anywhere in the page
 * (html_extract() refuses such a page), found in the same pass while the
 * bytes are in the cache. */
char *html_strip_raw(const char *s, size_t len, size_t *outlen,
    bool *entities);

/* html_strip_raw() of a page that decode_view_unchecked() gave, checked
 * in the same pass (chk, made by decode_check_init() of s[0..len)): where
 * chk turns dirty, the cut stops there, and the caller drops it. */
char *html_strip_checked(const char *s, size_t len, size_t *outlen,
    bool *entities, struct decode_check *chk);

/* Whether "<!ENTITY" stands anywhere in the page s[0..len), in a pass of
 * its own: what html_strip_raw() tells in *entities. */
bool html_declares_entity(const char *s, size_t len);

/* The keys of page-state JSON in scripts that name the publication date,
 * in the metadata's order of trust (meta_script_dates()): the
 * schema.org name, then the names common stores and frameworks give it,
 * then creation. html_strip_raw() keeps the body of a script that is not
 * JSON-LD only when a '"' stands before one of them. */
#define HTML_SCRIPT_DATE_KEYS 9
extern const char *const html_script_date_keys[HTML_SCRIPT_DATE_KEYS];

/* Whether the attribute name (any case) survives html_strip_raw(). Every
 * attribute that the HTML pipeline reads must be one. */
bool html_strip_attr_kept(const char *name);

/* Whether the attribute name (any case) survives html_strip_raw() on the
 * element tag (any case), whatever its value: an attribute that the
 * pipeline reads on an element must be one. */
bool html_strip_attr_kept_on(const char *tag, const char *name);

/* Whether an inline style hides its element (display:none or
 * visibility:hidden, in any case and spacing, within its first 255
 * characters other than blanks): all the pipeline reads of a style. */
bool html_style_hidden(const char *style);

/* Whether the link target s[0..n) is an author's own page: a path
 * segment that names authors ("/author/jane-doe/", "autor/",
 * "auteur/", any case) followed by another, the author's (WordPress and
 * most CMSs file an author's articles there). The link's text is then a
 * byline whatever the page's class names say (meta_element()). */
bool html_href_is_author(const char *s, size_t n);

/* Whether the link target s[0..n) is a reader comment's anchor: its
 * fragment opens with "comment" ("#comment-923", WordPress's permalink
 * of a comment, which holds its date). What such a link holds is the
 * comment's, not the article's (meta_visit()). */
bool html_href_is_comment(const char *s, size_t n);

/* Whether href s (n bytes) is a picture's own link: to the picture's
 * file ("...jpg", which a lightbox opens). The writer drops the
 * pictures in links to other pages outside the text's region
 * (html_imgs_region()), not those in such links. */
bool html_href_is_picture(const char *s, size_t n);

#endif
