/* A budget for CPU work whose cost grows with its input (a feed of
 * 300,000 entries): a deadline, and a flag another thread raises to stop
 * the work at once (the daemon stopping). The work takes a const pointer
 * and asks budget_left() every so often (every N entries, every chunk of
 * input read); once it is spent the work gives up, frees what it built
 * and says why. No global state: the caller owns the budget and the flag;
 * a NULL budget never runs out. */
#ifndef NW_BUDGET_H
#define NW_BUDGET_H

#include <stdatomic.h>
#include <stdint.h>

struct budget {
	const atomic_bool *halt;  /* NULL: none; true: stop now */
	int64_t deadline_ms;      /* budget_now_ms() clock; 0: none */
};

enum budget_state {
	BUDGET_LEFT = 0,          /* go on */
	BUDGET_HALTED,            /* halt was raised */
	BUDGET_SPENT,             /* the deadline has passed */
};

/* A monotonic clock in milliseconds, for deadlines. */
int64_t budget_now_ms(void);

/* Whether the work may go on, else why not. Once spent it stays so. */
enum budget_state budget_left(const struct budget *b);

/* How often (in entries) loops over entries ask: a power of two. */
#define BUDGET_EVERY 256

#endif
