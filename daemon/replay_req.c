#include "replay_req.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

void
replay_request_clear(struct replay_request *rq)
{
	for (size_t i = 0; i < rq->n_topics; i++)
		free(rq->topics[i]);
	free(rq->topics);
	memset(rq, 0, sizeof(*rq));
}

/* Reads the integer field key of o into *v; absent leaves *v alone.
 * Returns 0, or -1 with a reason in err. */
static int
req_int(json_t *o, const char *key, int64_t *v, char *err, size_t errlen)
{
	json_t *j = json_object_get(o, key);

	if (j == NULL)
		return 0;
	if (!json_is_integer(j))
		return fail(err, errlen, "'%s' must be an integer", key);
	*v = (int64_t)json_integer_value(j);
	return 0;
}

static int
req_topics(struct replay_request *rq, json_t *o, char *err, size_t errlen)
{
	json_t *t = json_object_get(o, "topics");
	size_t i;
	json_t *v;

	if (t == NULL)
		return 0;
	if (!json_is_array(t))
		return fail(err, errlen, "'topics' must be a list of strings");
	if (json_array_size(t) > REPLAY_MAX_TOPICS)
		return fail(err, errlen, "at most %d topics",
		    REPLAY_MAX_TOPICS);
	rq->topics = xcalloc(json_array_size(t) + 1, sizeof(*rq->topics));
	json_array_foreach(t, i, v) {
		if (!json_is_string(v))
			return fail(err, errlen, "'topics' must be a list of "
			    "strings");
		rq->topics[rq->n_topics++] = xstrdup(json_string_value(v));
	}
	return 0;
}

static int
req_fields(struct replay_request *rq, json_t *o, char *err, size_t errlen)
{
	const char *key;
	json_t *v;

	if (!json_is_object(o))
		return fail(err, errlen, "the request must be a JSON object");
	json_object_foreach(o, key, v) {
		if (strcmp(key, "from") != 0 && strcmp(key, "to") != 0 &&
		    strcmp(key, "topics") != 0)
			return fail(err, errlen, "unknown key '%.64s'", key);
	}
	if (json_object_get(o, "from") == NULL)
		return fail(err, errlen, "'from' is required");
	rq->to = INT64_MAX;
	if (req_int(o, "from", &rq->from, err, errlen) != 0 ||
	    req_int(o, "to", &rq->to, err, errlen) != 0 ||
	    req_topics(rq, o, err, errlen) != 0)
		return -1;
	if (rq->from < 1)
		return fail(err, errlen, "'from' must be 1 or more");
	if (rq->to < rq->from)
		return fail(err, errlen, "'to' (%lld) is before 'from' "
		    "(%lld)", (long long)rq->to, (long long)rq->from);
	return 0;
}

int
replay_request_parse(const char *data, size_t len,
    struct replay_request *rq, char *err, size_t errlen)
{
	json_error_t jerr;
	json_t *o;
	int rc;

	memset(rq, 0, sizeof(*rq));
	if (len > REPLAY_MAX_REQUEST)
		return fail(err, errlen, "request of %zu bytes, at most %d",
		    len, REPLAY_MAX_REQUEST);
	o = json_loadb(data, len, JSON_REJECT_DUPLICATES, &jerr);
	if (o == NULL)
		return fail(err, errlen, "not JSON: %s", jerr.text);
	rc = req_fields(rq, o, err, errlen);
	json_decref(o);
	if (rc != 0)
		replay_request_clear(rq);
	return rc;
}
