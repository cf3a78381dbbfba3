/* Style is not a name: the words of title-case headings, whose names
 * count only where the article has them elsewhere too, the names of the
 * title, which count where the body has them, and words that are no
 * name by their shape or place: codes, contractions, the words of an
 * address (enrich_entities.c). Pure. */
#include "enrich_entities_int.h"

#include <stdlib.h>
#include <string.h>

/* Marks the words of title-case lines without closing punctuation but a
 * question mark: headings ("Common Mistakes Python Developers Make",
 * "How Do Coinbase and Coinbase Pro Work?"), whose capitals are style,
 * not names. A line is title-case when at least 60% of its words of
 * four letters or more are capitalised, and it has three. */
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
		    strchr(".!:;\"\u201d\u00bb", e[-1]) == NULL)
			for (k = i; k < j; k++)
				c->heading[k] = true;
		i = j;
	}
}

/* A title name counts if the body has it, or it is a place or an
 * acronym of no product line of the body ("RTX 3080"). */
bool
ent_title_ok(const struct ent_ctx *title, const struct ent_run *r,
    const struct ent_result *res, struct ent_ctx *body)
{
	size_t i;

	if (r->kind == ENT_PLACE)
		return true;
	if (r->b - r->a == 1 && (title->t->v[r->a].flags & ETOK_ALLCAP))
		return !ent_model_line(body, title->t->v[r->a].hash);
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

/* Whether word i, a body's word ("team", "police", "radio"), is a common
 * noun of the text's language or of English, which a dictionary knows
 * in lower case; "Reuters", "TASS" are no such word. */
bool
ent_plain_noun(struct ent_ctx *c, size_t i)
{
	return ent_word_is(c, i, ENT_W_ENWORD) ||
	    ent_word_is(c, i, ENT_W_WORD);
}

/* Whether word i, initials written each with its dot ("P.J", "D.C",
 * "U.S.A": capitals, the last dot after the word), is no body's: a
 * body so written takes the article in English ("the U.N.", "the
 * F.B.I."), where initials alone are a person's given names ("P.J.
 * Fleck"), a state after its town ("Washington, D.C."), an abbreviation
 * ("Z.B."); after "the" they open a name ("the W.M. Keck Observatory")
 * when a capitalised word follows their dot. */
bool
ent_initials(const struct ent_ctx *c, size_t i, bool the)
{
	const struct etok *k = &c->t->v[i];
	const char *w = c->s + k->off;
	size_t j;

	if (k->len < 3)
		return false;
	for (j = 0; j < k->len; j += 2)
		if (w[j] < 'A' || w[j] > 'Z' ||
		    (j + 1 < k->len && w[j + 1] != '.'))
			return false;
	if (!the || !c->english)
		return true;
	return w[k->len] == '.' && w[k->len + 1] == ' ' &&
	    i + 1 < c->t->n && (c->t->v[i + 1].flags & ETOK_CAP) &&
	    c->t->v[i + 1].off == k->off + k->len + 2;
}

/* Whether word i + 1 is the plural of a common noun of English
 * ("Shoppers", "Officials", "Headquarters"): English writes it in lower
 * case, and without its s too. */
static bool
ent_en_plural(struct ent_ctx *c, size_t i)
{
	const char *f = etok_folded(c->t, i);
	size_t n = strlen(f);

	return n > 3 && f[n - 1] == 's' && ent_word_is(c, i, ENT_W_ENWORD) &&
	    ent_dict_word("en", etok_hash(f, n - 1));
}

/* Whether word i, two or three capitals each with its dot ("P.J.",
 * "J.K."), followed by its dot, a space and a capitalised word of the
 * same line, opens a person's name there: the dot ends no sentence.
 * Not after a capitalised word but a title's or a function word's
 * ("Washington D.C. Police"; "Coach P.J. Fleck", "Later P.J. Fleck"
 * are ones), nor after "the" ("the A.V. Club") or a preposition of
 * place ("in N.Y. Shoppers", "at U.N. Headquarters"); not before a
 * function word ("P.S. Your order"), a body's word, a title, a place
 * or a place's kind ("D.C. Police", "L.A. Sheriff"), a plural noun or
 * a word in capitals. The abbreviations the tokeniser knows ("U.S.")
 * are its. */
static bool
ent_given_initial(struct ent_ctx *c, size_t i)
{
	static const unsigned not_surname[] = {
		ENT_W_FUNCTION, ENT_W_STOP, ENT_W_TITLE, ENT_W_ORG,
		ENT_W_BEFORE, ENT_W_KIND, ENT_W_SITE, ENT_W_PLACE,
	};
	static const char *const at[] = {
		"across", "around", "at", "from", "in", "inside", "near",
		"outside",
	};
	const struct etok *k = &c->t->v[i], *n, *p;
	const char *w = c->s + k->off;
	size_t j;

	if ((k->len != 3 && k->len != 5) || (k->flags & ETOK_ABBR) ||
	    i + 1 >= c->t->n || !ent_initials(c, i, false))
		return false;
	n = &c->t->v[i + 1];
	if (w[k->len] != '.' || w[k->len + 1] != ' ' ||
	    n->off != k->off + k->len + 2 || !(n->flags & ETOK_CAP) ||
	    (n->flags & (ETOK_ALLCAP | ETOK_NUM | ETOK_PARA)) ||
	    !ent_cap(c, i + 1) || ent_en_plural(c, i + 1))
		return false;
	for (j = 0; j < sizeof(not_surname) / sizeof(*not_surname); j++)
		if (ent_word_is(c, i + 1, not_surname[j]))
			return false;
	if (i == 0 || (p = &c->t->v[i - 1])->sent != k->sent)
		return true;
	if (etok_is(c->s, p, "the") || ETOK_FIND(etok_folded(c->t, i - 1),
	    at))
		return false;
	return !(p->flags & (ETOK_CAP | ETOK_ALLCAP)) ||
	    ent_word_is(c, i - 1, ENT_W_TITLE) ||
	    ent_word_is(c, i - 1, ENT_W_BEFORE) ||
	    ent_word_is(c, i - 1, ENT_W_FUNCTION) ||
	    ent_word_is(c, i - 1, ENT_W_STOP);
}

void
ent_given_initials(struct ent_ctx *c)
{
	size_t i;

	if (!c->english)
		return;
	for (i = 0; i < c->t->n; i++) {
		if (c->t->v[i].len < 3 || c->s[c->t->v[i].off + 1] != '.' ||
		    !ent_given_initial(c, i))
			continue;
		if (c->ginit == NULL)
			c->ginit = xcalloc(c->t->n + 1, sizeof(*c->ginit));
		c->ginit[i] = true;
	}
}

/* Whether word a, "The" capitalised, is part of a name: inside a
 * sentence, not in a heading (whose capitals are style), nor after a
 * colon or a dash (which open a clause). */
static bool
ent_the_inside(struct ent_ctx *c, size_t a)
{
	const struct etok *k = &c->t->v[a];
	size_t p;

	if (!(k->flags & ETOK_CAP) || (k->flags & (ETOK_SENT | ETOK_ALLCAP)) ||
	    (c->heading && c->heading[a]) || a == 0 ||
	    c->t->v[a - 1].sent != k->sent)
		return false;
	for (p = k->off; p > 0 && c->s[p - 1] == ' '; p--)
		;
	return p > 0 && c->s[p - 1] != ':' && c->s[p - 1] != '-' &&
	    (unsigned char)c->s[p - 1] != 0x94 &&
	    (unsigned char)c->s[p - 1] != 0x93;  /* "—", "–" */
}

/* "The" capitalised inside a sentence ("editors at The Boston Globe",
 * "said The Hollywood Reporter") is part of a name, which no person's
 * and no role's is: where the run [a, b) was classed as a person (runs
 * n0 on) or as a role (no run, its last word a title's), its words
 * after "The", two or more, one of them no lower-case word of English
 * (a proper noun), are a body's (a paper's, a firm's, a team's); of
 * lower-case words only ("The Princess Diaries", "The Greatest
 * Showman": a film's, a book's title) they are no name. */
void
ent_the_name(struct ent_ctx *c, size_t a, size_t b, size_t n0)
{
	bool person = false;
	size_t i;

	if (b < a + 3 || !c->english ||
	    !etok_is(c->s, &c->t->v[a], "the") || !ent_the_inside(c, a))
		return;
	for (i = n0; i < c->n; i++)
		person |= c->runs[i].kind == ENT_PERSON;
	if (!person && (c->n > n0 || !ent_word_is(c, b - 1, ENT_W_TITLE)))
		return;
	for (i = n0; i < c->n; i++)
		free(c->runs[i].name);
	c->n = n0;
	for (i = a + 1; i < b && ent_word_is(c, i, ENT_W_ENWORD); i++)
		;
	if (i < b)
		ent_add_run(c, a + 1, b, ENT_ORG,
		    ent_join(c, a + 1, b, false), false, false);
}

/* Whether the one word i is no name by its shape or its place: a code
 * with a digit ("S-1", "F-35"), a contraction ("I've"), an abbreviation
 * before a number ("Sept. 30", "No. 5"), a function word in capitals
 * of a profiled language ("NOT", "UND"), a word of the language or of
 * English shouted ("ACCEPT", "DANKE"; not a dictionary's acronym,
 * "NASA"), an abstract noun ("Russophobia", "Marxism"), or an acronym
 * after a determiner and ending its phrase ("its IPO.", "a CPU and"). */
bool
ent_not_name(struct ent_ctx *c, size_t i, bool acro, bool the)
{
	const struct etok *k = &c->t->v[i];
	const char *w = c->s + k->off, *f = etok_folded(c->t, i);
	static const char *const abstract[] = {
		"ism", "isms", "phobia", "mania", "ology", "ness",
	};
	size_t j, n = strlen(f), q;

	for (j = 0; j < k->len; j++) {
		if (w[j] >= '0' && w[j] <= '9')
			return true;
		if (w[j] == '\'' && j + 1 < k->len && w[j + 1] >= 'a' &&
		    w[j + 1] <= 'z')
			return true;
		/* ’ */
		if ((unsigned char)w[j] == 0xe2 && j + 3 < k->len &&
		    (unsigned char)w[j + 1] == 0x80 &&
		    (unsigned char)w[j + 2] == 0x99 && w[j + 3] >= 'a' &&
		    w[j + 3] <= 'z')
			return true;
	}
	if ((k->flags & ETOK_ABBR) && i + 1 < c->t->n &&
	    (c->t->v[i + 1].flags & ETOK_NUM) &&
	    c->t->v[i + 1].sent == k->sent)
		return true;
	/* a word of the language or of English shouted ("ACCEPT",
	 * "DANKE", "SURRENDER"), but "the SWIFT" */
	if ((k->flags & ETOK_ALLCAP) && k->len >= 4 && !the &&
	    ent_plain_noun(c, i) && !ent_dict_word("acro", k->hash))
		return true;
	if (acro) {
		/* a ticker's code (".DJI", "XAU=") or the end of an
		 * abbreviation written without a space ("EE.UU",
		 * "AGCK.CH") */
		if ((k->off > 0 && w[-1] == '.') || w[k->len] == '=')
			return true;
		if (ent_initials(c, i, the))
			return true;
		/* an acronym English counts ("TVs", "URLs", "PCs") names
		 * a thing */
		if (ent_dict_word("acronoun", k->hash))
			return true;
		/* "NOT", but "the WHO" */
		if (!the && (ent_word_is(c, i, ENT_W_FUNCTION) ||
		    ent_word_is(c, i, ENT_W_STOP) ||
		    ent_word_is(c, i, ENT_W_LANG)))
			return true;
		/* the determiner, or it and one lower-case word ("its
		 * cancelled IPO"), and the phrase ends; right after the
		 * determiner a comma ends it too ("mit Ihrem SUV, das") */
		j = i > 0 && !(c->t->v[i - 1].flags & (ETOK_CAP |
		    ETOK_ALLCAP)) && !ent_word_is(c, i - 1, ENT_W_DET) ?
		    i - 1 : i;
		return j > 0 && c->t->v[j - 1].sent == k->sent &&
		    (ent_word_is(c, j - 1, ENT_W_DET) || (c->nouns &&
		    ent_word_is(c, j - 1, ENT_W_DEDET))) &&
		    (i + 1 >= c->t->n || c->t->v[i + 1].sent != k->sent ||
		    ent_word_is(c, i + 1, ENT_W_STOP) ||
		    (j == i && w[k->len] != '\0' &&
		    strchr(",;:", w[k->len]) != NULL));
	}
	for (j = 0; j < sizeof(abstract) / sizeof(abstract[0]); j++) {
		q = strlen(abstract[j]);
		if (n > q + 2 && strcmp(f + n - q, abstract[j]) == 0)
			return true;
	}
	return false;
}

/* Whether word i is a part of a web or mail address, which runs from
 * a space to a space ("https://p.dw.com/p/RPYx", a host's path
 * "twitter.com/Raulramirezpy/status", "@Raulramirezpy"); "US/China" is
 * prose. */
bool
ent_in_address(const struct ent_ctx *c, size_t i)
{
	const struct etok *k = &c->t->v[i];
	size_t a = k->off, e = k->off + k->len, j;

	if (a == 0 || c->s[a - 1] == ' ' || c->s[a - 1] == '\n')
		return false;  /* fast: most words open after a space */
	while (a > 0 && k->off - a < 256 && c->s[a - 1] != ' ' &&
	    c->s[a - 1] != '\n' && c->s[a - 1] != '(')
		a--;
	while (c->s[e] != '\0' && e - k->off < 256 && c->s[e] != ' ' &&
	    c->s[e] != '\n' && c->s[e] != ')')
		e++;
	if (c->s[a] == '@' || (e - a > 4 && strncmp(c->s + a, "www.", 4) == 0))
		return true;
	for (j = a; j + 3 <= e; j++)
		if (c->s[j] == ':' && c->s[j + 1] == '/' && c->s[j + 2] == '/')
			return true;
	/* a host before the first slash: "twitter.com/Name" */
	for (j = a; j < e && c->s[j] != '/'; j++)
		;
	if (j < e && j < k->off)
		for (; j > a + 1; j--)
			if (c->s[j - 1] >= 'a' && c->s[j - 1] <= 'z' &&
			    c->s[j - 2] == '.')
				return true;
	return false;
}

/* Whether the run [a, b) of two words or more is a place by its shape,
 * added here: "Wall Street"; a place the gazetteer lacks by its kind,
 * "Broward County", "Silicon Valley", "Sheepshead Bay" (not "State":
 * "Penn State" is a university; nor a word of German, "im Norden
 * Islands": Iceland's); in English text, a town opened by a Spanish
 * article or a saint, "San Francisco", "Las Vegas", "St Louis". */
bool
ent_shaped_place(struct ent_ctx *c, size_t a, size_t b, bool cue)
{
	if (b - a < 2)
		return false;
	if (ent_word_is(c, b - 1, ENT_W_SITE) ||
	    (ent_word_is(c, b - 1, ENT_W_KIND) &&
	    strcmp(etok_folded(c->t, b - 1), "state") != 0 &&
	    !(c->nouns && ent_word_is(c, b - 1, ENT_W_WORD))) ||
	    (!cue && !c->nouns && !c->romance && !c->openers &&
	    ent_list_has(ENT_L_PLACE_OPEN, etok_folded(c->t, a)))) {
		ent_add_run(c, a, b, ENT_PLACE, ent_join(c, a, b, false),
		    false, false);
		return true;
	}
	return false;
}

/* Whether [p, b), the rest of an English run [a, b) after a place, is
 * one common noun of the language in the singular after a determiner or
 * a possessive (a year between them): a thing of the place ("the 2015
 * Paris Agreement", "the U.S. Market", "China's Shanghai Composite"),
 * no body of its own. A plural names a team ("Texas Rangers"), a word
 * the dictionary writes capitalised too may be a name ("Washington
 * Irving"), and a name used bare is a body's ("use London Underground
 * or"). */
bool
ent_place_thing(struct ent_ctx *c, size_t a, size_t p, size_t b)
{
	const struct etok *v = c->t->v;
	const char *f = etok_folded(c->t, p);
	size_t k = a - 1;

	if (b != p + 1 || a == 0 || !c->english ||
	    (v[p].flags & ETOK_ALLCAP) ||
	    v[p].len < 4 || f[strlen(f) - 1] == 's' ||
	    !ent_word_is(c, p, ENT_W_ENWORD) ||
	    ent_dict_word("encap", v[p].hash) || ent_word_is(c, p, ENT_W_ORG))
		return false;
	if ((v[k].flags & ETOK_NUM) && k > 0 && v[k - 1].sent == v[k].sent)
		k--;
	return v[k].sent == v[a].sent && ((v[k].flags & ETOK_POSS) ||
	    etok_is(c->s, &v[k], "the") || ent_word_is(c, k, ENT_W_DET));
}
