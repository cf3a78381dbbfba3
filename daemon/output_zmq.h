/* The first output: committed events on the ZeroMQ PUB socket
 * (publisher.h), two frames each, topic and JSON. Its replay is the
 * ROUTER socket of replay.h, which reads the journal itself. */
#ifndef NW_OUTPUT_ZMQ_H
#define NW_OUTPUT_ZMQ_H

#include "output.h"

struct publisher;

/* The output's operations over p, which the caller keeps and closes. */
extern const struct output_ops output_zmq_ops;

#endif
