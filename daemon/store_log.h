/* Store errors in the log once per change of state, not once per write:
 * a full disk would otherwise log a line for every file waiting, every
 * retry (issue 17). The first failed write logs what failed and why
 * ("store: disk full (SQLITE_FULL): ..."); the next ones that fail the
 * same way are counted, at debug level; a write that fails another way
 * logs again; the first that succeeds after logs the count ("store:
 * recovered after N failed writes"). Loop thread only. */
#ifndef NW_STORE_LOG_H
#define NW_STORE_LOG_H

#include <stddef.h>

#include "log.h"

struct store_log {
	int code;               /* SQLite's primary code failing; 0: well */
	unsigned long failed;   /* writes failed since it started */
};

/* A write failed with err (the store's message) and SQLite's code
 * (store_failed()); then says what happens next (may be NULL). */
void store_log_failed(struct store_log *sl, const struct log *log,
    int code, const char *err, const char *then);

/* A write succeeded. */
void store_log_ok(struct store_log *sl, const struct log *log);

/* "disk full (SQLITE_FULL)" for code, into buf of len bytes. */
const char *store_log_name(int code, char *buf, size_t len);

#endif
