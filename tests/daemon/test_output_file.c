/* The JSONL file output (output_file.h) over a real store: events
 * appended one per line in seq order; rotation by size keeping `keep`
 * files; at open, a torn last line cut and what the journal holds past
 * the file's last seq appended; a resent event skipped; a new file filled
 * from the journal. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "config.h"
#include "log.h"
#include "output_file.h"
#include "store.h"

static char dir[] = "/tmp/nw-output-file-XXXXXX";
static char path[256];
static char errbuf[512];
static struct log lg = { .level = LOG_ERROR };

static char *
event_json(int64_t seq)
{
	char *s = malloc(128);

	snprintf(s, 128, "{\"seq\":%lld,\"pad\":\"%040d\"}", (long long)seq, 0);
	return s;
}

/* Journals n more events; returns the last seq. */
static int64_t
journal(struct store *st, int n)
{
	int64_t seq = 0;

	assert_int_equal(store_begin(st, errbuf, sizeof(errbuf)), 0);
	for (int i = 0; i < n; i++) {
		char *j;

		seq = store_next_seq(st);
		j = event_json(seq);
		assert_int_equal(store_journal(st, seq, "article.new.t", j, 1,
		    errbuf, sizeof(errbuf)), 0);
		free(j);
	}
	assert_int_equal(store_commit(st, errbuf, sizeof(errbuf)), 0);
	return seq;
}

static void
publish(void *o, int64_t seq)
{
	char *j = event_json(seq);
	struct committed_event ev = { .seq = seq, .topic = "article.new.t",
	    .json = j };

	assert_int_equal(output_file_ops.publish(o, &ev, errbuf,
	    sizeof(errbuf)), 0);
	free(j);
}

/* The seqs of the lines of file p, into v; their number (-1: a line
 * does not end or parse). */
static int
seqs_of(const char *p, long long *v, int max)
{
	FILE *f = fopen(p, "r");
	char line[256];
	int n = 0;

	if (f == NULL)
		return 0;
	while (fgets(line, sizeof(line), f) != NULL) {
		if (strchr(line, '\n') == NULL ||
		    sscanf(line, "{\"seq\":%lld,", &v[n]) != 1 || n >= max) {
			fclose(f);
			return -1;
		}
		n++;
	}
	fclose(f);
	return n;
}

/* The seqs of PATH.2, PATH.1 and PATH, oldest first. */
static int
all_seqs(long long *v, int max)
{
	char p[300];
	int n = 0, k;

	for (int i = 2; i >= 0; i--) {
		if (i > 0)
			snprintf(p, sizeof(p), "%s.%d", path, i);
		else
			snprintf(p, sizeof(p), "%s", path);
		k = seqs_of(p, v + n, max - n);
		if (k < 0)
			return -1;
		n += k;
	}
	return n;
}

static void
test_file_output(void **state)
{
	struct config c;
	struct store *st;
	void *o;
	long long v[64];
	char p1[300], p2[300], p3[300];
	int n, total = 0;
	int64_t last;
	FILE *f;

	(void)state;
	config_defaults(&c);
	free(c.out_file_path);
	c.out_file_path = strdup(path);
	c.out_file_max_size = 300;      /* about 5 lines a file */
	c.out_file_keep = 2;
	st = store_open(dir, false, errbuf, sizeof(errbuf));
	assert_non_null(st);
	/* a new file begins with what the journal holds */
	last = journal(st, 3);
	o = output_file_open(&c, st, &lg, errbuf, sizeof(errbuf));
	assert_non_null(o);
	assert_int_equal(seqs_of(path, v, 64), 3);
	assert_int_equal(v[2], 3);
	/* in order, a resend skipped */
	for (int64_t s = last + 1; s <= last + 4; s++) {
		journal(st, 1);
		publish(o, s);
	}
	publish(o, 2);
	last += 4;
	output_file_ops.free(o);
	/* rotated: PATH, PATH.1, PATH.2 and no PATH.3; in seq order */
	snprintf(p1, sizeof(p1), "%s.1", path);
	snprintf(p2, sizeof(p2), "%s.2", path);
	snprintf(p3, sizeof(p3), "%s.3", path);
	assert_int_equal(access(p1, F_OK), 0);
	n = seqs_of(p1, v, 64);
	assert_true(n > 0);
	assert_int_equal(v[n - 1] + 1, (seqs_of(path, v, 64), v[0]));
	/* more events past keep: the oldest file goes */
	o = output_file_open(&c, st, &lg, errbuf, sizeof(errbuf));
	for (int i = 0; i < 12; i++) {
		journal(st, 1);
		publish(o, ++last);
	}
	output_file_ops.free(o);
	assert_int_equal(access(p3, F_OK), -1);
	total += seqs_of(p2, v, 64) + seqs_of(p1, v, 64);
	n = seqs_of(path, v, 64);
	total += n;
	assert_int_equal(v[n - 1], last);
	assert_true(total < last);      /* the oldest lines are gone */
	/* a kill mid-write and one before a write: half a line, and the
	 * journal two events ahead */
	journal(st, 2);
	f = fopen(path, "a");
	fputs("{\"seq\":99,\"pa", f);
	fclose(f);
	o = output_file_open(&c, st, &lg, errbuf, sizeof(errbuf));
	assert_non_null(o);
	output_file_ops.free(o);
	n = all_seqs(v, 64);
	assert_true(n >= 3);
	for (int i = 1; i < n; i++)
		assert_int_equal(v[i], v[i - 1] + 1);
	assert_int_equal(v[n - 1], last + 2);
	store_close(st);
	config_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_file_output),
	};
	char cmd[300];
	int rc;

	if (mkdtemp(dir) == NULL)
		return 1;
	snprintf(path, sizeof(path), "%s/events.jsonl", dir);
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	if (system(cmd) != 0)
		rc = 1;
	return rc;
}
