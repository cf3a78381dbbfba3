#include "store_log.h"

#include <sqlite3.h>
#include <stdio.h>

static const struct {
	int code;
	const char *name, *what;
} store_codes[] = {
	{ SQLITE_FULL, "SQLITE_FULL", "disk full" },
	{ SQLITE_READONLY, "SQLITE_READONLY", "read-only" },
	{ SQLITE_IOERR, "SQLITE_IOERR", "I/O error" },
	{ SQLITE_CANTOPEN, "SQLITE_CANTOPEN", "cannot open a file" },
	{ SQLITE_PERM, "SQLITE_PERM", "permission denied" },
	{ SQLITE_BUSY, "SQLITE_BUSY", "busy" },
	{ SQLITE_LOCKED, "SQLITE_LOCKED", "locked" },
	{ SQLITE_NOMEM, "SQLITE_NOMEM", "out of memory" },
	{ SQLITE_CORRUPT, "SQLITE_CORRUPT", "corrupt" },
	{ SQLITE_NOTADB, "SQLITE_NOTADB", "not a database" },
	{ SQLITE_CONSTRAINT, "SQLITE_CONSTRAINT", "constraint failed" },
};

const char *
store_log_name(int code, char *buf, size_t len)
{
	int primary = code & 0xff;

	for (size_t i = 0; i < sizeof(store_codes) / sizeof(store_codes[0]);
	    i++)
		if (store_codes[i].code == primary) {
			snprintf(buf, len, "%s (%s)", store_codes[i].what,
			    store_codes[i].name);
			return buf;
		}
	snprintf(buf, len, "%s (SQLite code %d)", sqlite3_errstr(code), code);
	return buf;
}

void
store_log_failed(struct store_log *sl, const struct log *log, int code,
    const char *err, const char *then)
{
	char name[96], was[96];
	int primary = code & 0xff;

	if (primary == 0)
		primary = SQLITE_ERROR;   /* failed, SQLite did not say how */
	if (sl->code == primary) {
		sl->failed++;
		log_debug(log, "%s; %lu failed writes so far", err,
		    sl->failed);
		return;
	}
	if (sl->code != 0)
		log_error(log, "store: %s: %s%s%s (before: %lu failed writes, "
		    "%s); counted, not logged, until it recovers",
		    store_log_name(primary, name, sizeof(name)), err,
		    then ? "; " : "", then ? then : "", sl->failed,
		    store_log_name(sl->code, was, sizeof(was)));
	else
		log_error(log, "store: %s: %s%s%s; counted, not logged, "
		    "until it recovers", store_log_name(primary, name,
		    sizeof(name)), err, then ? "; " : "", then ? then : "");
	sl->code = primary;
	sl->failed = 1;
}

void
store_log_ok(struct store_log *sl, const struct log *log)
{
	char name[96];

	if (sl->code == 0)
		return;
	log_info(log, "store: recovered after %lu failed write%s (%s)",
	    sl->failed, sl->failed == 1 ? "" : "s",
	    store_log_name(sl->code, name, sizeof(name)));
	sl->code = 0;
	sl->failed = 0;
}
