/* Decoding raw bytes into UTF-8 text. Pure function. */
#ifndef NW_DECODE_H
#define NW_DECODE_H

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

#endif
