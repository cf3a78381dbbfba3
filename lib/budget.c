#include "budget.h"

#include <time.h>

int64_t
budget_now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

enum budget_state
budget_left(const struct budget *b)
{
	if (b == NULL)
		return BUDGET_LEFT;
	if (b->halt != NULL && atomic_load_explicit(b->halt,
	    memory_order_relaxed))
		return BUDGET_HALTED;
	if (b->deadline_ms > 0 && budget_now_ms() >= b->deadline_ms)
		return BUDGET_SPENT;
	return BUDGET_LEFT;
}
