/* The one entry point every fuzz target defines: libFuzzer calls it with
 * each generated input, and replay.c (the plain build's driver) with each
 * file named on its command line. It must accept any bytes, leak nothing
 * and return 0. */
#ifndef NW_FUZZ_H
#define NW_FUZZ_H

#include <stddef.h>
#include <stdint.h>

/* A fixed ingest time for every target, so runs are reproducible:
 * 2024-01-01T00:00:00Z. */
#define FUZZ_NOW ((int64_t)1704067200)

/* A base URL for relative links. */
#define FUZZ_URL "https://news.example.com/world/2024/01/story.html"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
