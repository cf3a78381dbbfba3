/* Levelled log lines on stderr. The level lives in a struct owned by the
 * daemon (no global state); only the loop thread changes it. */
#ifndef NW_LOG_H
#define NW_LOG_H

#include <stdbool.h>

enum log_level {
	LOG_ERROR,
	LOG_WARN,
	LOG_INFO,
	LOG_DEBUG,
};

struct log {
	enum log_level level;
	bool journal;           /* stderr is the journal: sd-daemon(3)
	                           "<N>" prefixes, no time stamps */
};

/* Sets lg->journal when JOURNAL_STREAM names stderr's device and inode
 * (systemd connected stderr to journald). */
void log_detect_journal(struct log *lg);

/* Parses "error", "warn", "info" or "debug"; returns -1 if unknown. */
int log_level_parse(const char *s);
const char *log_level_name(enum log_level l);

/* Writes one line "TIME newswired LEVEL: message" to stderr if l is
 * enabled; to the journal "<PRIORITY>message". */
void log_msg(const struct log *lg, enum log_level l, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#define log_error(lg, ...) log_msg(lg, LOG_ERROR, __VA_ARGS__)
#define log_warn(lg, ...) log_msg(lg, LOG_WARN, __VA_ARGS__)
#define log_info(lg, ...) log_msg(lg, LOG_INFO, __VA_ARGS__)
#define log_debug(lg, ...) log_msg(lg, LOG_DEBUG, __VA_ARGS__)

#endif
