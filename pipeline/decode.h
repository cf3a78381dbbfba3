/* Decoding raw bytes into UTF-8 text. Pure function. */
#ifndef NW_DECODE_H
#define NW_DECODE_H

#include <stdbool.h>
#include <stddef.h>

/* Converts raw bytes to NUL-terminated UTF-8 in *out (owned by the caller,
 * *outlen bytes without the NUL). The charset is taken, in order of trust,
 * from a byte order mark, the HTTP-style content_type (may be NULL), a
 * <meta charset> or http-equiv declaration in the first bytes, then UTF-8
 * if the bytes are valid UTF-8, else the charset uchardet detects
 * (windows-1252 when it names none). Invalid sequences become
 * U+FFFD; control characters other than tab, newline, carriage return
 * and form feed are dropped. Returns 0, or -1 with a reason in err: empty
 * input, binary content (a known binary signature, NUL bytes outside
 * UTF-16/32, mostly control characters), text declared UTF-8 that mostly
 * is not, or an unknown charset. *charset (when non-NULL)
 * receives the static name of the charset used. */
int decode_to_utf8(const unsigned char *in, size_t len,
    const char *content_type, char **out, size_t *outlen,
    const char **charset, char *err, size_t errlen);

/* As decode_to_utf8(), without the copy when there is nothing to change:
 * when in[0..len) is UTF-8 as it stands (no invalid sequence, no control
 * character to drop; a UTF-8 byte order mark is passed over), *view
 * points into in and
 * *owned is NULL; else *view is *owned, a NUL-terminated copy the caller
 * frees. A view is not NUL-terminated: read it by its length. */
int decode_to_utf8_view(const unsigned char *in, size_t len,
    const char *content_type, const char **view, size_t *viewlen,
    char **owned, const char **charset, char *err, size_t errlen);

/* Where decode_to_utf8_view() would answer with a view of in as it
 * stands were in clean UTF-8 (no invalid sequence, no control character
 * to drop), gives that view without reading the whole of in, and true:
 * the caller checks the view as it reads it (struct decode_check, one
 * pass over the page instead of two) and, where it is not clean,
 * answers with decode_to_utf8_view() instead. False where the answer is
 * another (a conversion, a refusal): call decode_to_utf8_view(). */
bool decode_view_unchecked(const unsigned char *in, size_t len,
    const char *content_type, const char **view, size_t *viewlen);

/* The check of a view that decode_view_unchecked() gave, block by
 * block as its reader goes. */
struct decode_check {
	const unsigned char *p;
	size_t len;
	size_t at;     /* p[0, at) checked */
	bool dirty;    /* not clean UTF-8: decode_to_utf8_view() answers */
};

void decode_check_init(struct decode_check *c, const char *view,
    size_t len);

/* Checks the view up to to at least (a sequence begun before to is
 * checked whole; to past the end is the end). */
void decode_check_to(struct decode_check *c, size_t to);

#endif
