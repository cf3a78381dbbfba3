/* The plain build's driver for the fuzz targets: runs the target's
 * LLVMFuzzerTestOneInput() once on each file named on the command line, or
 * on every file of each directory named. With gcc and no libFuzzer this is
 * how the regression inputs in regress/ and the hostile inputs run in every
 * build, the ASan + UBSan build included. Exits 1 when a file cannot be
 * read; a crash in the target is the failure it is meant to show. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

static int
replay_file(const char *path)
{
	FILE *fp = fopen(path, "rb");
	unsigned char *data = NULL;
	long size;
	int rc = -1;

	if (fp == NULL)
		goto err;
	if (fseek(fp, 0, SEEK_END) != 0)
		goto err;
	size = ftell(fp);
	if (size < 0 || fseek(fp, 0, SEEK_SET) != 0)
		goto err;
	/* an exact-size buffer, so that ASan sees any read past the end */
	data = malloc(size > 0 ? (size_t)size : 1);
	if (data == NULL)
		goto err;
	if (size > 0 && fread(data, 1, (size_t)size, fp) != (size_t)size)
		goto err;
	fprintf(stderr, "replay: %s (%ld bytes)\n", path, size);
	LLVMFuzzerTestOneInput(data, (size_t)size);
	rc = 0;
err:
	if (rc != 0)
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
	if (fp != NULL)
		fclose(fp);
	free(data);
	return rc;
}

static int
replay_dir(const char *path, size_t *count)
{
	struct dirent **names = NULL;
	int n = scandir(path, &names, NULL, alphasort);
	int rc = 0;

	if (n < 0) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return -1;
	}
	for (int i = 0; i < n; i++) {
		char full[4096];
		struct stat st;

		if (names[i]->d_name[0] != '.') {
			snprintf(full, sizeof(full), "%s/%s", path,
			    names[i]->d_name);
			if (stat(full, &st) == 0 && S_ISREG(st.st_mode)) {
				if (replay_file(full) != 0)
					rc = -1;
				(*count)++;
			}
		}
		free(names[i]);
	}
	free(names);
	return rc;
}

int
main(int argc, char **argv)
{
	size_t count = 0;
	int rc = 0;

	for (int i = 1; i < argc; i++) {
		struct stat st;

		if (stat(argv[i], &st) != 0) {
			fprintf(stderr, "replay: %s: %s\n", argv[i],
			    strerror(errno));
			rc = 1;
		} else if (S_ISDIR(st.st_mode)) {
			if (replay_dir(argv[i], &count) != 0)
				rc = 1;
		} else {
			if (replay_file(argv[i]) != 0)
				rc = 1;
			count++;
		}
	}
	printf("replayed %zu inputs\n", count);
	return rc;
}
