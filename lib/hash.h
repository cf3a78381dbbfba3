/* Fingerprints over bytes (OpenSSL's libcrypto), and a fast 64-bit
 * hash for in-memory tables. Pure. */
#ifndef NW_HASH_H
#define NW_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Lower-case hex SHA-256 of p[0..n) into out (65 bytes with the NUL). */
void hash_sha256_hex(const void *p, size_t n, char out[65]);

/* A 64-bit hash of p[0..n) for tables that live in memory (not a
 * fingerprint): FNV-1a's basis and prime taken eight bytes at a time,
 * with a shift to fold the high bits down, so a short name costs a few
 * multiplies rather than one per byte. */
static inline uint64_t
hash_bytes64(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t h = 0xcbf29ce484222325ULL, x;
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		memcpy(&x, s + i, 8);
		h = (h ^ x) * 0x100000001b3ULL;
		h ^= h >> 29;
	}
	for (; i < n; i++)
		h = (h ^ s[i]) * 0x100000001b3ULL;
	return h ^ (h >> 32);
}

#endif
