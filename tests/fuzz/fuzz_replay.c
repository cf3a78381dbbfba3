/* Fuzz target: the replay protocol's request parser (daemon/replay_req.c),
 * the code a ROUTER client reaches with any bytes. A request it accepts
 * must keep the protocol's promises: from >= 1, to >= from, at most
 * REPLAY_MAX_TOPICS prefixes, each a string. */
#include <stdlib.h>

#include "fuzz.h"
#include "replay_req.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct replay_request rq;
	char err[256];

	if (replay_request_parse((const char *)data, size, &rq, err,
	    sizeof(err)) != 0) {
		if (rq.topics != NULL || rq.n_topics != 0 || err[0] == '\0')
			abort();
		return 0;
	}
	if (rq.from < 1 || rq.to < rq.from ||
	    rq.n_topics > REPLAY_MAX_TOPICS)
		abort();
	for (size_t i = 0; i < rq.n_topics; i++)
		if (rq.topics[i] == NULL)
			abort();
	replay_request_clear(&rq);
	return 0;
}
