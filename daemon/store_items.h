/* An article's record in the node's store (the items table the commit
 * path classifies against, store.h) read and set directly: for
 * [cluster] articles (idents.h), which makes it say what the record
 * shared by the nodes says before the article is classified. Inside the
 * commit's transaction. SQL in store_items.c. */
#ifndef NW_STORE_ITEMS_H
#define NW_STORE_ITEMS_H

#include <stddef.h>
#include <stdint.h>

struct store;

/* 1 with its hash (hashlen bytes at most) and version, 0 if the store
 * does not know id, -1 on error. */
int store_item_get(struct store *s, const char *id, char *hash,
    size_t hashlen, int *version, char *err, size_t errlen);

/* Records id at version with hash; hash NULL forgets id. */
int store_item_set(struct store *s, const char *id, const char *hash,
    int version, int64_t now, char *err, size_t errlen);

#endif
