/* For the store's own files (store.c, store_feeds.c, store_acks.c) only:
 * the SQLite handle, so that the tables of store_feeds.c live in the same
 * file and are written in the same transactions as the journal. */
#ifndef NW_STORE_INT_H
#define NW_STORE_INT_H

#include <sqlite3.h>

struct store;

sqlite3 *store_db(struct store *s);

#endif
