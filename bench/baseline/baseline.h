/* The window's indexes as they were before issue 18, for bench_window's
 * baseline: the same interfaces as enrich/dup.h and enrich/story.h under
 * the prefix old_. */
#ifndef NW_BENCH_BASELINE_H
#define NW_BENCH_BASELINE_H

#include <stddef.h>
#include <stdint.h>

#include "enrich/dup.h"
#include "enrich/story.h"

struct old_dup_index;
struct old_dup_index *old_dup_index_new(int64_t window_secs);
void old_dup_index_free(struct old_dup_index *idx);
int old_dup_index_add(struct old_dup_index *idx, const char *id,
    const char *print, int64_t t);
const char *old_dup_index_query(struct old_dup_index *idx,
    const char *print, int64_t t, int *pct);
size_t old_dup_index_size(const struct old_dup_index *idx);

struct old_story_index;
struct old_story_index *old_story_index_new(int64_t window_secs);
void old_story_index_free(struct old_story_index *idx);
void old_story_assign(struct old_story_index *idx, struct nw_article *a,
    int64_t now);
char *old_story_signature(const struct nw_article *a);
int old_story_index_restore(struct old_story_index *idx,
    const char *story_id, int64_t t, const char *signature);
int64_t old_story_time(const struct nw_article *a, int64_t now);

#endif
