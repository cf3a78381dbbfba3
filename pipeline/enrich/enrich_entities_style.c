/* Style is not a name: the words of title-case headings, whose names
 * count only where the article has them elsewhere too, and the names of
 * the title, which count where the body has them (enrich_entities.c).
 * Pure. */
#include "enrich_entities_int.h"

#include <stdlib.h>
#include <string.h>

/* Marks the words of title-case lines without closing punctuation:
 * headings ("Common Mistakes Python Developers Make"), whose capitals
 * are style, not names. A line is title-case when at least 60% of its
 * words of four letters or more are capitalised, and it has three. */
void
ent_headings(struct ent_ctx *c)
{
	const struct etoks *t = c->t;
	size_t i = 0, j, k;

	c->heading = xcalloc(t->n + 1, sizeof(*c->heading));
	while (i < t->n) {
		size_t longw = 0, caps = 0, end;
		const char *e;

		for (j = i + 1; j < t->n && !(t->v[j].flags & ETOK_PARA); j++)
			;
		end = j < t->n ? t->v[j].off : strlen(c->s);
		e = c->s + end;
		while (e > c->s + t->v[i].off && (e[-1] == ' ' ||
		    e[-1] == '\n'))
			e--;
		for (k = i; k < j; k++)
			if (t->v[k].len >= 4) {
				longw++;
				caps += (t->v[k].flags & ETOK_CAP) != 0;
			}
		if (longw >= 3 && caps * 10 >= longw * 6 &&
		    strchr(".!?:;\"\u201d\u00bb", e[-1]) == NULL)
			for (k = i; k < j; k++)
				c->heading[k] = true;
		i = j;
	}
}

/* A title name counts if the body has it, or it is a place or acronym. */
bool
ent_title_ok(const struct ent_ctx *title, const struct ent_run *r,
    const struct ent_result *res)
{
	size_t i;

	if (r->kind == ENT_PLACE)
		return true;
	if (r->b - r->a == 1 && (title->t->v[r->a].flags & ETOK_ALLCAP))
		return true;
	for (i = 0; i < res->names.n; i++)
		if (strcmp(res->names.v[i], r->name) == 0)
			return true;
	return false;
}

/* The slot of name in p: the name's own or a free one. */
static const char **
ent_plain_slot(const struct ent_plain *p, const char *name)
{
	size_t h = (size_t)etok_hash(name, strlen(name));

	for (;; h++) {
		const char **e = &p->slot[h & (p->cap - 1)];

		if (*e == NULL || strcmp(*e, name) == 0)
			return e;
	}
}

/* Fills p with the names of the runs of c that are not in headings. */
void
ent_plain_init(struct ent_plain *p, const struct ent_ctx *c)
{
	size_t i;

	p->cap = 16;
	while (p->cap < 2 * c->n)
		p->cap *= 2;
	p->slot = xcalloc(p->cap, sizeof(*p->slot));
	for (i = 0; i < c->n; i++)
		if (!c->runs[i].weak)
			*ent_plain_slot(p, c->runs[i].name) = c->runs[i].name;
}

/* A heading's name counts if it is a place or an acronym, or a name
 * found outside headings too (plain: the names of the other runs). */
bool
ent_confirmed(const struct ent_ctx *c, const struct ent_run *x,
    const struct ent_plain *plain)
{
	if (x->kind == ENT_PLACE || (x->b - x->a == 1 &&
	    (c->t->v[x->a].flags & ETOK_ALLCAP)))
		return true;
	return *ent_plain_slot(plain, x->name) != NULL;
}
