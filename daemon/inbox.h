/* The inbox's folders, and a file's way out once its event is committed:
 * into processed/, deleted, or into failed/ beside a NAME.error that says
 * why. Loop thread only. */
#ifndef NW_INBOX_H
#define NW_INBOX_H

#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

/* Creates dir, dir/processed and dir/failed where missing. */
int inbox_prepare(const char *dir, char *err, size_t errlen);

enum inbox_fate {
	INBOX_PROCESSED,
	INBOX_DELETE,
	INBOX_FAILED,
};

/* A file as it was read. */
struct inbox_file {
	const char *dir;
	const char *name;
	const struct stat *st;   /* fstat() after reading */
	int64_t seq;             /* its event: names a file that collides */
};

/* Moves dir/name out if it is still the file read (same inode, size and
 * mtime). A name already taken in processed/ or failed/ gets ".SEQ".
 * Returns 0, 1 if the file changed or went (it stays), or -1 with a
 * reason in err. */
int inbox_dispose(const struct inbox_file *f, enum inbox_fate fate,
    const char *reason, char *err, size_t errlen);

#endif
