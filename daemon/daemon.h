/* newswired as a whole: its configuration read, started, run until a
 * stop signal, freed. The state is daemon_state.h's. */
#ifndef NW_DAEMON_H
#define NW_DAEMON_H

#include "daemon_state.h"

/* Reads the configuration (file, then overrides) into c. Returns 0, or
 * -1 with "where: reason" in err. */
int daemon_config(const char *path, const struct config_override *ov,
    size_t n_ov, struct config *c, char *err, size_t errlen);

/* Opens everything from d->cfg and starts watching. Returns 0, or -1 with
 * a reason in err; daemon_free() cleans up either way. */
int daemon_start(struct daemon *d, char *err, size_t errlen);

/* Runs the loop until a stop signal and the items in flight are done. */
int daemon_run(struct daemon *d);

void daemon_free(struct daemon *d);

#endif
