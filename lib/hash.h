/* Fingerprints over bytes (OpenSSL's libcrypto). Pure. */
#ifndef NW_HASH_H
#define NW_HASH_H

#include <stddef.h>

/* Lower-case hex SHA-256 of p[0..n) into out (65 bytes with the NUL). */
void hash_sha256_hex(const void *p, size_t n, char out[65]);

#endif
