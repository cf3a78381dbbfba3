#include "window_gen.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "enrich/dup.h"

static const char *const w_function[] = { "the", "of", "and", "to", "in",
	"a", "said", "on", "for", "that", "with", "was", "is", "by", "at",
	"as", "from", "it", "his", "he", "has", "have", "be", "an", "are",
	"were", "will", "after", "who", "not", "but", "this", "they", "their",
	"had", "been", "which", "its", "would", "also" };
#define W_NFUNC (sizeof(w_function) / sizeof(w_function[0]))

uint64_t
w_mix(uint64_t x)
{
	x += 0x9e3779b97f4a7c15ULL;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

/* SplitMix64: a stream per seed (mixing the state itself would let
 * two streams run into one). */
uint64_t
w_rand(uint64_t *s)
{
	*s += 0x9e3779b97f4a7c15ULL;
	return w_mix(*s);
}

/* Uniform in [0, n). */
size_t
w_below(uint64_t *s, size_t n)
{
	return (size_t)(w_rand(s) % n);
}

/* Zipf-like in [0, n): log-uniform. */
size_t
w_zipf(uint64_t *s, size_t n)
{
	double u = (double)(w_rand(s) >> 11) / 9007199254740992.0;
	size_t k = (size_t)exp(u * log((double)n + 1));

	return k >= 1 && k <= n ? k - 1 : 0;
}

/* Word i of a syllable lexicon: two to four syllables. */
void
w_word(struct buf *b, size_t i, int cap)
{
	static const char cons[] = "bcdfghklmnprtvz", vow[] = "aeiou";
	uint64_t x = w_mix(i * 7919 + 17);
	int n = 2 + (int)(x % 3);
	char w[32];
	size_t k = 0;

	x /= 3;
	if (b->len > 0)
		w[k++] = ' ';
	for (int j = 0; j < n; j++) {
		char c = cons[x % 15];

		if (j == 0 && cap)
			c = (char)(c - 'a' + 'A');
		w[k++] = c;
		w[k++] = vow[(x / 15) % 5];
		x /= 75;
	}
	/* a distinct tail: the index in base 15 */
	for (size_t v = i + 1; v > 0 && k < sizeof(w); v /= 15)
		w[k++] = cons[v % 15];
	buf_append(b, w, k);
}

void
w_story_make(struct w_story *s, uint64_t id)
{
	uint64_t r = w_mix(id ^ 0x5151);

	s->id = id;
	for (int k = 0; k < 12; k++)
		s->topic[k] = 200 + w_below(&r, W_LEXICON - 200);
	s->npeople = 1 + (int)w_below(&r, 3);
	s->norgs = 1 + (int)w_below(&r, 2);
	for (int k = 0; k < s->npeople; k++)
		s->people[k] = w_zipf(&r, W_PEOPLE);
	for (int k = 0; k < s->norgs; k++)
		s->orgs[k] = w_zipf(&r, W_ORGS);
}

/* One report: a title and a body from its story and its own seed. */
void
w_report(const struct w_story *s, uint64_t seed, struct buf *title,
    struct buf *body)
{
	uint64_t r = w_mix(seed);
	size_t len = 120 + w_below(&r, 681);

	for (int k = 0; k < 9; k++) {
		if (k % 2 == 0)
			w_word(title, s->topic[w_below(&r, 12)], k == 0);
		else
			w_word(title, w_zipf(&r, W_LEXICON), 0);
	}
	for (size_t k = 0; k < len; k++) {
		size_t u = w_below(&r, 100);

		if (u < 35) {
			if (body->len > 0)
				buf_append(body, " ", 1);
			buf_puts(body, w_function[w_below(&r, W_NFUNC)]);
		} else if (u < (k < 60 ? 47u : 38u)) {
			w_word(body, s->topic[w_below(&r, 12)], 0);
		} else if (u < (k < 60 ? 50u : 40u)) {
			w_word(body, W_LEXICON + w_zipf(&r, W_PEOPLE), 1);
		} else {
			w_word(body, 100 + w_zipf(&r, W_LEXICON - 100), 0);
		}
		if (k % 25 == 24)
			buf_append(body, ".\n\n", 3);
	}
}

/* An outlet's furniture: a menu before and links after. */
void
w_furniture(struct buf *b, size_t outlet, int after)
{
	uint64_t r = w_mix(outlet * 2 + (uint64_t)after);
	size_t len = 30 + w_below(&r, 120);

	for (size_t k = 0; k < len; k++)
		w_word(b, w_zipf(&r, W_LEXICON), k % 4 == 0);
	buf_printf(b, "\n\n");
}


void
w_gen_init(struct w_gen *g, size_t n_window)
{
	memset(g, 0, sizeof(*g));
	g->rng = 42;
	g->t0 = W_T0;
	for (size_t i = 0; i < W_ACTIVE; i++)
		w_story_make(&g->active[i], g->next_story++);
	g->dt = (double)W_WINDOW / (double)n_window;
}

char *
w_name(size_t i, size_t base)
{
	struct buf b = { 0 };

	w_word(&b, base + 2 * i, 1);
	w_word(&b, base + 2 * i + 1, 1);
	return buf_take(&b);
}

/* The next article, with its id, its duplicate print, whether it is a
 * copy and the story it was written for. */
struct nw_article *
w_next2(struct w_gen *g, char id[40], char **print, int *copy,
    uint64_t *story)
{
	struct nw_article *a = article_new();
	struct buf title = { 0 }, body = { 0 };
	const struct w_story *s;
	size_t u = w_below(&g->rng, 100), outlet = w_below(&g->rng, W_OUTLETS);
	uint64_t h1, h2;
	char url[96];

	if (u < 25 && g->nrecent > 0) {
		/* a syndicated copy of a recent original */
		size_t k = (g->nrecent - 1 - w_zipf(&g->rng,
		    g->nrecent < W_RECENT ? g->nrecent : W_RECENT)) % W_RECENT;
		struct buf orig = { 0 };

		s = &g->recent[k].s;
		*copy = 1;
		w_furniture(&body, outlet, 0);
		w_report(s, g->recent[k].seed, &title, &orig);
		/* a few words changed: the first of some paragraphs */
		for (size_t i = 0; i < orig.len; i += 400)
			if (orig.p[i] >= 'a' && orig.p[i] <= 'z')
				orig.p[i] = 'x';
		buf_printf(&body, "%s\n\n", orig.p);
		buf_free(&orig);
		w_furniture(&body, outlet, 1);
	} else {
		size_t k = w_zipf(&g->rng, W_ACTIVE);
		uint64_t seed = w_rand(&g->rng);

		if (u > 85)   /* a new story takes an old one's place */
			w_story_make(&g->active[k], g->next_story++);
		s = &g->active[k];
		*copy = 0;
		w_report(s, seed, &title, &body);
		g->recent[g->nrecent % W_RECENT].story = k;
		g->recent[g->nrecent % W_RECENT].s = *s;
		g->recent[g->nrecent % W_RECENT].seed = seed;
		g->nrecent++;
	}
	for (int k = 0; k < s->npeople; k++)
		strlist_push_owned(&a->people, w_name(s->people[k], 1000000));
	for (int k = 0; k < s->norgs; k++)
		strlist_push_owned(&a->organisations,
		    w_name(s->orgs[k], 2000000));
	a->title = buf_take(&title);
	a->body = buf_take(&body);
	h1 = w_mix(g->n * 3 + 1);
	h2 = w_mix(g->n * 3 + 2);
	snprintf(url, sizeof(url), "https://outlet%zu.example/a/%zu", outlet,
	    g->n);
	a->url = xstrdup(url);
	a->canonical_url = xstrdup(url);
	snprintf(a->content_hash, sizeof(a->content_hash),
	    "%016" PRIx64 "%016" PRIx64, w_mix(h1), w_mix(h2));
	a->published.set = true;
	a->published.utc = g->t0 + (int64_t)((double)g->n * g->dt);
	snprintf(id, 40, "nw1-%016" PRIx64 "%016" PRIx64, h1, h2);
	if (print != NULL)
		*print = dup_print_text(a->body);
	*story = w_mix(s->id ^ 0x570e);
	g->n++;
	return a;
}

struct nw_article *
w_next(struct w_gen *g, char id[40], char **print)
{
	int copy;
	uint64_t story;

	return w_next2(g, id, print, &copy, &story);
}

double
w_cpu(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

double
w_rss(void)
{
	long pages = 0, rss = 0;
	FILE *f = fopen("/proc/self/statm", "r");

	if (f != NULL) {
		if (fscanf(f, "%ld %ld", &pages, &rss) != 2)
			rss = 0;
		fclose(f);
	}
	return (double)rss * (double)sysconf(_SC_PAGESIZE);
}

