/* The synthetic articles of the window's benches (bench_window,
 * bench_commit): a news day of stories, reports and syndicated copies
 * with an outlet's furniture (bench_window.c says how they are made). */
#ifndef NW_WINDOW_GEN_H
#define NW_WINDOW_GEN_H

#include <stddef.h>
#include <stdint.h>

#include "article.h"
#include "util.h"

#define W_WINDOW (72 * 3600)
#define W_T0 1767225600LL
#define W_LEXICON 60000
#define W_PEOPLE 40000
#define W_ORGS 6000
#define W_OUTLETS 40
#define W_ACTIVE 4096         /* stories open at one time */
#define W_RECENT 4096         /* originals a copy may repeat */

struct w_story {
	uint64_t id;
	size_t topic[12];
	size_t people[3], orgs[2];
	int npeople, norgs;
};

/* The generator: its stories open and its recent originals. */
struct w_gen {
	uint64_t rng;
	uint64_t next_story;
	struct w_story active[W_ACTIVE];
	struct {
		size_t story;   /* in active[] when made */
		struct w_story s;
		uint64_t seed;
	} recent[W_RECENT];
	size_t nrecent;
	size_t n;           /* articles made */
	double dt;          /* seconds between two articles */
	int64_t t0;         /* the first article's time */
};

uint64_t w_mix(uint64_t x);
uint64_t w_rand(uint64_t *s);
size_t w_below(uint64_t *s, size_t n);
size_t w_zipf(uint64_t *s, size_t n);
void w_word(struct buf *b, size_t i, int cap);
void w_story_make(struct w_story *s, uint64_t id);
void w_report(const struct w_story *s, uint64_t seed, struct buf *title,
    struct buf *body);
void w_furniture(struct buf *b, size_t outlet, int after);
char *w_name(size_t i, size_t base);

/* A generator for n_window articles in the window W_WINDOW, from W_T0
 * (g->t0 may be set after). */
void w_gen_init(struct w_gen *g, size_t n_window);

/* The next article, with its id, its duplicate print (not made if
 * print is NULL), whether it is a copy and the story it was written
 * for. */
struct nw_article *w_next2(struct w_gen *g, char id[40], char **print,
    int *copy, uint64_t *story);
struct nw_article *w_next(struct w_gen *g, char id[40], char **print);

/* The thread's CPU time and the process's resident memory (bytes). */
double w_cpu(void);
double w_rss(void);

#endif
