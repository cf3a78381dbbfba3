/* Named entities: people, organisations and places of an article.
 *
 * Method. The title and body are split into words and sentences
 * (enrich_text.c). A candidate name is a run of capitalised words within a
 * sentence, joined only by spaces (a comma, a quotation mark or a
 * possessive 's ends it; "of"/"for" joins two runs after an organisation
 * word, as in "Ministry of Defence"). Each run is then classed:
 *  - function words are cut from its front ("The", "In" anywhere; at a
 *    sentence start also openers such as "Earlier", "When" and the
 *    function words of the other profiled languages, "Le", "Das"); a
 *    capitalised word that only ever appears at the start of a sentence
 *    is no name on its own;
 *  - the whole run, or its longest leading part, found in the place
 *    gazetteer is a place. The gazetteer is generated at build time by
 *    gen_places.py from Debian's iso-codes (ISO 3166-1 country names, ISO
 *    3166-2 states and provinces) and tzdata (iso3166.tab short country
 *    names, zone1970.tab/zone.tab city names, continents), plus six
 *    abbreviations (US, UK, UAE...) that no Debian file spells out. All
 *    the names of a country share its one name, and an article's places
 *    merge by it under the first name the article uses ("US" and "United
 *    States" are one place). A place followed by a kind of place is one
 *    place ("New York City");
 *  - a run holding an organisation word (Ministry, Committee, Agency,
 *    Post, News, Bank, Party, Inc...) is an organisation, and so is an
 *    acronym of two to six capitals (FBI, TASS) and a single capitalised
 *    word after "the" ("the Kremlin"); "and" joins two runs of an
 *    organisation's name ("U.S. Securities and Exchange Commission");
 *  - honorifics and titles (Mr, Ms, Dr, President, Minister, Ambassador,
 *    Adviser...) are cut from the front of a run and mark what follows as
 *    a person; a run that ends in a title ("National Security Adviser") is
 *    a role, not a name; after a title a lower-case word followed by a
 *    capitalised one is taken as a mis-cased given name ("President mike
 *    Pence" -> "Mike Pence");
 *  - a run ending in a street or venue word (Street, Square, Stadium...)
 *    is a place; two words in capitals ("SAN FRANCISCO") are a dateline's
 *    style and no person, and an acronym is never a person;
 *  - any other run of two or more words is a person; demonyms (Russian,
 *    Americans), single letters and English inflected words ("Using",
 *    "Reported", "Finally") are dropped; a remaining single word is the
 *    person whose full name ends with it ("Peskov" -> "Dmitry Peskov") if
 *    there is one, else an organisation ("Facebook"), unless its shape or
 *    place says it is no name (ent_not_name(): "S-1", "I've", "Sept. 30",
 *    "NOT", "Russophobia", "its IPO."), it is a kind of place ("City")
 *    or the article also writes it in lower case;
 *  - style is not a name: runs of three or more all-capital words
 *    ("CLICK HERE TO SUBSCRIBE") are dropped, and names in title-case
 *    lines without closing punctuation (body headings) are kept only when
 *    they are places or acronyms or also occur outside headings. Names in
 *    the article's title are kept on the same terms.
 * People are reported in their fullest form: a mention whose words end a
 * longer person name seen in the article is that person.
 *
 * Limits. The cues are English; other languages get the capitalisation
 * and gazetteer rules only. In German (lang "de"), which capitalises every
 * noun, a lone capitalised word is only ever a known person's surname and
 * a sentence's first word starts a name only if it is capitalised
 * elsewhere too; multi-word noun phrases ("Ihre Bestellung") still pass as
 * people. Single unknown capitalised words default to organisations, so
 * a person named only by surname without a title is an organisation, and
 * a name that is also a common word of the article ("Apple" beside
 * "apple") is lost. Nationality words are
 * recognised by shape (-an, -ian, -ese, -ish, -i) and a country prefix, so
 * surnames such as "Morgan" survive but "Italian" does not. Cities are
 * those that name a time zone (about 400, every capital of a large country
 * but not every large city), so "Washington" is found as the US state's
 * name and "Manchester" not at all. No name is ever linked to a knowledge
 * base: two people with one surname are one person. */
#include "enrich_int.h"

#include <stdlib.h>
#include <string.h>


struct ent_run {
	size_t a, b;         /* words [a, b) of the token list */
	enum ent_kind kind;
	char *name;          /* display form */
	const char *canon;   /* a place's ent_place.canon, or NULL */
	bool single;         /* one unknown word: resolved later */
	bool cue;            /* a title or role marked it a person */
	bool weak;           /* in a title-case heading: kept only when
	                        confirmed elsewhere */
};

/* What is known of a folded word: the lists it is in, each looked up the
 * first time it is asked. A slot of ent_ctx.memo. */
enum {
	ENT_W_FUNCTION = 1 << 0,  /* in ent_function_words */
	ENT_W_STOP = 1 << 1,      /* etok_stopword() */
	ENT_W_LANG = 1 << 2,      /* lang_stopword() */
	ENT_W_TITLE = 1 << 3,     /* in ent_titles */
	ENT_W_ORG = 1 << 4,       /* in ent_org_words */
	ENT_W_BEFORE = 1 << 5,    /* in ent_person_before */
	ENT_W_PSTART = 1 << 6,    /* ent_place_starts() */
	ENT_W_DEMONYM = 1 << 7,   /* ent_demonym() */
	ENT_W_PLACE = 1 << 8,     /* ent_place_find(), into .place */
	ENT_W_KIND = 1 << 9,      /* in ent_place_kinds */
	ENT_W_DET = 1 << 10,      /* in ent_determiners */
	ENT_W_SITE = 1 << 11      /* in ent_site_words */
};

struct ent_memo {
	size_t tok;       /* a word of this folded form, + 1; 0: free */
	unsigned known;   /* the ENT_W_* looked up */
	unsigned is;      /* those of them that hold */
	const struct ent_place *place;
};

/* A word as written, with how often (at most 2) it is seen capitalised
 * inside sentences: a slot of ent_ctx.seen. */
struct ent_seen {
	size_t tok;      /* one of its words, + 1; 0: a free slot */
	unsigned count;
};

struct ent_ctx {
	const char *s;
	const struct etoks *t;
	struct ent_seen *seen;  /* open addressing by the words' hashes,
	                           a power of two of slots; NULL until
	                           first needed */
	size_t seen_cap;
	struct ent_memo *memo;  /* open addressing by the words' hashes,
	                           a power of two of slots; NULL until
	                           first needed */
	size_t memo_cap;
	size_t *memo_of;     /* memo_of[i]: word i's slot + 1; 0 unknown */
	bool *heading;       /* heading[i]: word i is in a title-case line */
	bool nouns;          /* the language capitalises every noun */
	uint64_t *lower;     /* the etok hashes of the words written in
	                        lower case in prose, open addressing in
	                        lower_cap slots (a power of two); NULL
	                        until first needed */
	size_t lower_cap;
	struct ent_run *runs;
	size_t n, cap;
};

/* The case-folded word i, owned by the token list. */
static const char *
ent_fold_tok(const struct ent_ctx *c, size_t i)
{
	return etok_folded(c->t, i);
}

/* The memo slot of word i's folded form, claimed on its first use. */
static struct ent_memo *
ent_memo_slot(struct ent_ctx *c, size_t i)
{
	const char *f = etok_folded(c->t, i);
	uint64_t hash = c->t->v[i].hash;
	size_t h = (size_t)hash;

	if (c->memo == NULL) {
		c->memo_cap = 16;
		while (c->memo_cap < 2 * c->t->n)
			c->memo_cap *= 2;
		c->memo = xcalloc(c->memo_cap, sizeof(*c->memo));
		c->memo_of = xcalloc(c->t->n + 1, sizeof(*c->memo_of));
	}
	if (c->memo_of[i] != 0)
		return &c->memo[c->memo_of[i] - 1];
	for (;; h++) {
		struct ent_memo *m = &c->memo[h & (c->memo_cap - 1)];

		if (m->tok == 0)
			m->tok = i + 1;
		else if (c->t->v[m->tok - 1].hash != hash ||
		    etok_strcmp(etok_folded(c->t, m->tok - 1), f) != 0)
			continue;
		c->memo_of[i] = (h & (c->memo_cap - 1)) + 1;
		return m;
	}
}

/* Whether word i (case-folded) has the property what (one ENT_W_*):
 * looked up once for all the words of one folded form. */
static bool
ent_word_is(struct ent_ctx *c, size_t i, unsigned what)
{
	struct ent_memo *m = ent_memo_slot(c, i);
	const char *f = etok_folded(c->t, i);
	bool r = false;

	if (m->known & what)
		return (m->is & what) != 0;
	switch (what) {
	case ENT_W_FUNCTION:
		r = ent_list_has(ENT_L_FUNCTION, f);
		break;
	case ENT_W_STOP:
		r = etok_stopword(f);
		break;
	case ENT_W_LANG:
		r = lang_stopword(f);
		break;
	case ENT_W_TITLE:
		r = ent_list_has(ENT_L_TITLE, f);
		break;
	case ENT_W_ORG:
		r = ent_list_has(ENT_L_ORG, f);
		break;
	case ENT_W_BEFORE:
		r = ent_list_has(ENT_L_BEFORE, f);
		break;
	case ENT_W_PSTART:
		r = ent_place_starts(f);
		break;
	case ENT_W_DEMONYM:
		r = ent_demonym(f);
		break;
	case ENT_W_PLACE:
		m->place = ent_place_find(f);
		r = m->place != NULL;
		break;
	case ENT_W_KIND:
		r = ent_list_has(ENT_L_KIND, f);
		break;
	case ENT_W_DET:
		r = ent_list_has(ENT_L_DET, f);
		break;
	case ENT_W_SITE:
		r = ent_list_has(ENT_L_SITE, f);
		break;
	}
	m->known |= what;
	if (r)
		m->is |= what;
	return r;
}

/* Whether word i is a word of prose, not a part of an address
 * ("erica@axios.com", "axios.com/news"). */
static bool
ent_prose(const struct ent_ctx *c, size_t i)
{
	const struct etok *k = &c->t->v[i];
	const char *e = c->s + k->off + k->len;
	char p = k->off > 0 ? c->s[k->off - 1] : ' ';

	if (p == '@' || p == '.' || p == '/' || p == '_' || p == '#')
		return false;
	return !(e[0] == '@' || e[0] == '/' || e[0] == '_' ||
	    (e[0] == '.' && e[1] >= 'a' && e[1] <= 'z'));
}

/* Whether word i is also written in lower case in the text: a common
 * word ("city", "health", "state") capitalised at a heading or for
 * emphasis, not a name. The first question gathers every such form. */
static bool
ent_lower(struct ent_ctx *c, size_t i)
{
	uint64_t h;
	size_t j, s;

	if (c->lower == NULL) {
		c->lower_cap = 16;
		while (c->lower_cap < 2 * c->t->n)
			c->lower_cap *= 2;
		c->lower = xcalloc(c->lower_cap, sizeof(*c->lower));
		for (j = 0; j < c->t->n; j++) {
			if ((c->t->v[j].flags & (ETOK_CAP | ETOK_ALLCAP |
			    ETOK_NUM)) || !ent_prose(c, j))
				continue;
			/* 0 marks a free slot: a hash of 0 is taken as 1 */
			h = c->t->v[j].hash | (c->t->v[j].hash == 0);
			for (s = (size_t)h; c->lower[s & (c->lower_cap - 1)]
			    != 0 && c->lower[s & (c->lower_cap - 1)] != h;
			    s++)
				;
			c->lower[s & (c->lower_cap - 1)] = h;
		}
	}
	/* 64-bit hashes of the folded forms: a collision is negligible */
	h = c->t->v[i].hash | (c->t->v[i].hash == 0);
	for (s = (size_t)h; c->lower[s & (c->lower_cap - 1)] != 0; s++)
		if (c->lower[s & (c->lower_cap - 1)] == h)
			return true;
	return false;
}

/* Whether the one word i is no name by its shape or its place: a code
 * with a digit ("S-1", "F-35"), a contraction ("I've"), an abbreviation
 * before a number ("Sept. 30", "No. 5"), a function word in capitals
 * ("NOT"), an abstract noun ("Russophobia", "Marxism"), or an acronym
 * after a determiner and ending its phrase ("its IPO.", "a CPU and"). */
static bool
ent_not_name(struct ent_ctx *c, size_t i, bool acro, bool the)
{
	const struct etok *k = &c->t->v[i];
	const char *w = c->s + k->off, *f = ent_fold_tok(c, i);
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
	if (acro) {
		/* "NOT", but "the WHO" */
		if (!the && (ent_word_is(c, i, ENT_W_FUNCTION) ||
		    ent_word_is(c, i, ENT_W_STOP)))
			return true;
		/* the determiner, or it and one lower-case word ("its
		 * cancelled IPO"), and the phrase ends */
		j = i > 0 && !(c->t->v[i - 1].flags & (ETOK_CAP |
		    ETOK_ALLCAP)) && !ent_word_is(c, i - 1, ENT_W_DET) ?
		    i - 1 : i;
		return j > 0 && c->t->v[j - 1].sent == k->sent &&
		    ent_word_is(c, j - 1, ENT_W_DET) &&
		    (i + 1 >= c->t->n || c->t->v[i + 1].sent != k->sent ||
		    ent_word_is(c, i + 1, ENT_W_STOP));
	}
	for (j = 0; j < sizeof(abstract) / sizeof(abstract[0]); j++) {
		q = strlen(abstract[j]);
		if (n > q + 2 && strcmp(f + n - q, abstract[j]) == 0)
			return true;
	}
	return false;
}

/* The words [a, b) joined by single spaces; the first letter of each word
 * upper-cased when fix is set (ASCII only). */
static char *
ent_join(const struct ent_ctx *c, size_t a, size_t b, bool fix)
{
	struct buf o = { 0 };
	size_t i;

	for (i = a; i < b; i++) {
		const struct etok *k = &c->t->v[i];
		size_t at = o.len;

		if (i > a)
			buf_putc(&o, ' ');
		at = o.len;
		buf_append(&o, c->s + k->off, k->len);
		if ((k->flags & ETOK_ABBR) && k->len > 1 &&
		    memchr(c->s + k->off, '.', k->len) != NULL)
			buf_putc(&o, '.');  /* "U.S." */
		if (fix && o.p[at] >= 'a' && o.p[at] <= 'z')
			o.p[at] = (char)(o.p[at] - 32);
	}
	return buf_take(&o);
}

static char *
ent_key(const struct ent_ctx *c, size_t a, size_t b)
{
	char *j = ent_join(c, a, b, false);
	char *f = etok_fold(j, strlen(j));

	free(j);
	return f;
}

/* The place named by words [a, b) (their ent_key()), or NULL. Words of
 * ASCII fold alone as they fold joined: their key is built from their
 * folded forms on the stack. */
static const struct ent_place *
ent_place_of(struct ent_ctx *c, size_t a, size_t b)
{
	char buf[128], *key;
	const struct ent_place *pl;
	size_t i, j, o = 0;

	/* one word without an abbreviation's dot: its folded form */
	if (b == a + 1 && !((c->t->v[a].flags & ETOK_ABBR) &&
	    c->t->v[a].len > 1 && memchr(c->s + c->t->v[a].off, '.',
	    c->t->v[a].len) != NULL))
		return ent_word_is(c, a, ENT_W_PLACE) ?
		    ent_memo_slot(c, a)->place : NULL;

	for (i = a; i < b; i++) {
		const struct etok *k = &c->t->v[i];
		const char *w = c->s + k->off;

		for (j = 0; j < k->len && (unsigned char)w[j] < 0x80; j++)
			;
		if (j < k->len || o + k->len + 3 > sizeof(buf))
			break;
		if (i > a)
			buf[o++] = ' ';
		memcpy(buf + o, etok_folded(c->t, i), k->len);
		o += k->len;
		if ((k->flags & ETOK_ABBR) && k->len > 1 &&
		    memchr(w, '.', k->len) != NULL)
			buf[o++] = '.';  /* "u.s." */
	}
	if (i == b) {
		buf[o] = '\0';
		return ent_place_find(buf);
	}
	key = ent_key(c, a, b);
	pl = ent_place_find(key);
	free(key);
	return pl;
}

/* Only spaces (and an abbreviation's dot) between words i and i + 1. */
static bool
ent_plain_gap(const struct ent_ctx *c, size_t i)
{
	const struct etok *k = &c->t->v[i], *n = &c->t->v[i + 1];
	size_t p = k->off + k->len;

	if (k->flags & ETOK_POSS)
		return false;
	if (n->sent != k->sent && !(k->flags & ETOK_ABBR))
		return false;
	if (k->flags & ETOK_ABBR)
		p++;
	for (; p < n->off; p++)
		if (c->s[p] != ' ')
			return false;
	return true;
}

static bool
ent_cap(const struct ent_ctx *c, size_t i)
{
	return (c->t->v[i].flags & (ETOK_CAP | ETOK_ALLCAP)) != 0 &&
	    !(c->t->v[i].flags & ETOK_NUM);
}

/* Words i and j are written alike. */
static bool
ent_same_word(const struct ent_ctx *c, size_t i, size_t j)
{
	const struct etok *a = &c->t->v[i], *b = &c->t->v[j];

	return a->len == b->len && a->hash == b->hash &&
	    memcmp(c->s + a->off, c->s + b->off, a->len) == 0;
}

/* The slot of the words written like word i: its own or a free one.
 * Words written alike fold alike and share a hash. */
static struct ent_seen *
ent_seen_slot(const struct ent_ctx *c, size_t i)
{
	size_t h = (size_t)c->t->v[i].hash;

	for (;; h++) {
		struct ent_seen *e = &c->seen[h & (c->seen_cap - 1)];

		if (e->tok == 0 || ent_same_word(c, e->tok - 1, i))
			return e;
	}
}

/* The word i appears capitalised somewhere other than a sentence start. */
static bool
ent_seen_inside(struct ent_ctx *c, size_t i)
{
	const struct etok *w = &c->t->v[i];
	unsigned n;
	size_t j;

	if (c->seen == NULL) {
		c->seen_cap = 16;
		while (c->seen_cap < 2 * c->t->n)
			c->seen_cap *= 2;
		c->seen = xcalloc(c->seen_cap, sizeof(*c->seen));
		for (j = 0; j < c->t->n; j++) {
			const struct etok *o = &c->t->v[j];
			struct ent_seen *e;

			if (!(o->flags & ETOK_CAP) || (o->flags & ETOK_SENT))
				continue;
			e = ent_seen_slot(c, j);
			if (e->tok == 0)
				e->tok = j + 1;
			if (e->count < 2)
				e->count++;
		}
	}
	/* other occurrences than word i itself */
	n = ent_seen_slot(c, i)->count;
	if ((w->flags & ETOK_CAP) && !(w->flags & ETOK_SENT))
		return n >= 2;
	return n >= 1;
}

static void
ent_add_run(struct ent_ctx *c, size_t a, size_t b, enum ent_kind kind,
    char *name, bool single, bool cue)
{
	struct ent_run *r;

	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 32;
		c->runs = xrealloc(c->runs, c->cap * sizeof(*c->runs));
	}
	r = &c->runs[c->n++];
	r->a = a;
	r->b = b;
	r->kind = kind;
	r->name = name;
	r->single = single;
	r->cue = cue;
	r->canon = NULL;
	r->weak = c->heading != NULL && c->heading[a];
}

/* Adds words [a, b) as the place pl. */
static void
ent_add_place(struct ent_ctx *c, size_t a, size_t b,
    const struct ent_place *pl)
{
	ent_add_run(c, a, b, ENT_PLACE, xstrdup(pl->name), false, false);
	c->runs[c->n - 1].canon = pl->canon;
}

/* Classes the one word a of a candidate run (b == a + 1). */
static void
ent_class_one(struct ent_ctx *c, size_t a, size_t b, bool the, bool cue)
{
	const struct etok *k = &c->t->v[a];
	const char *f = ent_fold_tok(c, a);
	bool acro = (k->flags & ETOK_ALLCAP) && k->len <= 6;

	size_t fl = strlen(f);
	/* English inflections are words, not names: "Using", "Rising" */
	bool infl = !the && !cue && fl > 4 &&
	    (strcmp(f + fl - 3, "ing") == 0 ||
	    strcmp(f + fl - 2, "ed") == 0 ||
	    strcmp(f + fl - 2, "ly") == 0);

	if (k->len == 1)
		return;  /* a letter */
	/* a kind of place alone ("City", "County") names none */
	if (!acro && (ent_word_is(c, a, ENT_W_STOP) ||
	    ent_word_is(c, a, ENT_W_DEMONYM) || infl ||
	    ent_word_is(c, a, ENT_W_KIND) ||
	    ((k->flags & ETOK_SENT) && !cue && !ent_seen_inside(c, a))))
		return;
	if (!cue && (ent_not_name(c, a, acro, the) ||
	    (!acro && !c->nouns && ent_lower(c, a))))
		return;
	/* "Russia-US": places joined by a hyphen. */
	if (memchr(c->s + k->off, '-', k->len) != NULL) {
		char *save = NULL, *part;
		bool all = true;
		char *dup = xstrdup(f);

		for (part = strtok_r(dup, "-", &save); part != NULL;
		    part = strtok_r(NULL, "-", &save))
			if (ent_place_find(part) == NULL)
				all = false;
		free(dup);
		if (all) {
			dup = xstrdup(f);
			for (part = strtok_r(dup, "-", &save);
			    part != NULL;
			    part = strtok_r(NULL, "-", &save))
				ent_add_place(c, a, a + 1,
				    ent_place_find(part));
			free(dup);
			return;
		}
	}
	/* an acronym is no one's name, even after a title ("the
	 * Attorney General (NYAG)") */
	if (cue && !acro)
		ent_add_run(c, a, b, ENT_PERSON,
		    ent_join(c, a, b, true), false, true);
	else if (c->nouns && !acro)
		ent_add_run(c, a, b, ENT_ORG, ent_join(c, a, b, false),
		    true, false);  /* kept only as a known surname */
	else if (acro || the)
		ent_add_run(c, a, b, ENT_ORG, ent_join(c, a, b, false),
		    false, false);
	else
		ent_add_run(c, a, b, ENT_ORG, ent_join(c, a, b, false),
		    true, false);
}

/* Classes the words [a, b) of one candidate run. */
static void
ent_class(struct ent_ctx *c, size_t a, size_t b, bool the, bool cue)
{
	size_t i, p, last_title = b;
	const struct ent_place *pl;
	bool org = false, dropped = false;

	/* Function words in front: "The", "In", and at a sentence start
	 * those of the other profiled languages ("Le", "Das"). */
	while (a < b) {
		const char *f = ent_fold_tok(c, a);
		/* "Der Bürgermeister": after a dropped article the noun is
		 * as good as sentence-initial */
		bool sent = (c->t->v[a].flags & ETOK_SENT) != 0 ||
		    (c->nouns && dropped);
		bool drop = !(c->t->v[a].flags & ETOK_ALLCAP) &&
		    (ent_word_is(c, a, ENT_W_FUNCTION) || (sent &&
		    (ent_word_is(c, a, ENT_W_STOP) ||
		    ent_word_is(c, a, ENT_W_LANG))));

		dropped = drop;  /* a function word, not a noun */

		/* where nouns are capitalised, a sentence's first word is
		 * a name only if it is capitalised elsewhere too */
		if (!drop && sent && c->nouns && a + 1 < b &&
		    !ent_seen_inside(c, a))
			drop = true;

		if (drop && strcmp(f, "the") == 0)
			the = true;
		if (!drop)
			break;
		a++;
	}
	if (a >= b)
		return;
	pl = ent_place_of(c, a, b);
	if (pl != NULL) {
		ent_add_place(c, a, b, pl);
		return;
	}
	/* "CLICK HERE TO TURN ON NOTIFICATIONS": shouting, not a name */
	for (i = a; i < b && (c->t->v[i].flags & ETOK_ALLCAP); i++)
		;
	if (i == b && b - a >= 3)
		return;
	for (i = a; i < b; i++) {
		if (ent_word_is(c, i, ENT_W_TITLE))
			last_title = i;
		else if (ent_word_is(c, i, ENT_W_ORG))
			org = true;
	}
	if (org && last_title == b) {
		ent_add_run(c, a, b, ENT_ORG, ent_join(c, a, b, false), false,
		    false);
		return;
	}
	if (last_title != b) {
		if (last_title + 1 >= b)
			return;  /* a role: "National Security Adviser" */
		a = last_title + 1;
		cue = true;
	}
	/* The longest leading part that is a place: "United States Sergey
	 * Kislyak". */
	for (p = (b - a >= 2 && ent_word_is(c, a, ENT_W_PSTART)) ? b - 1 : a;
	    p > a; p--) {
		pl = ent_place_of(c, a, p);
		if (pl != NULL && p + 1 == b &&
		    ent_word_is(c, p, ENT_W_KIND)) {
			/* "New York City": one place */
			ent_add_run(c, a, b, ENT_PLACE,
			    ent_join(c, a, b, false), false, false);
			return;
		}
		if (pl != NULL) {
			ent_add_place(c, a, p, pl);
			ent_class(c, p, b, false, cue);
			return;
		}
	}
	/* a dateline's "SAN FRANCISCO": two words in capitals are style,
	 * not a person's name (a place or an acronym in front, "US EPA",
	 * is found above) */
	for (i = a; i < b && (c->t->v[i].flags & ETOK_ALLCAP); i++)
		;
	if (i == b && b - a >= 2)
		return;
	if (b - a >= 2 && ent_word_is(c, b - 1, ENT_W_SITE)) {
		ent_add_run(c, a, b, ENT_PLACE, ent_join(c, a, b, false),
		    false, false);
		return;
	}
	if (b - a >= 2) {
		ent_add_run(c, a, b, ENT_PERSON, ent_join(c, a, b, true),
		    false, true);
		return;
	}
	ent_class_one(c, a, b, the, cue);
}

/* Finds the candidate runs of the token list. */
static void
ent_scan(struct ent_ctx *c)
{
	const struct etoks *t = c->t;
	size_t i = 0;

	while (i < t->n) {
		size_t j;
		bool the = false, cue = false;

		if (!ent_cap(c, i)) {
			i++;
			continue;
		}
		if (i > 0 && t->v[i - 1].sent == t->v[i].sent) {
			the = etok_is(c->s, &t->v[i - 1], "the");
			cue = ent_word_is(c, i - 1, ENT_W_BEFORE);
		}
		j = i + 1;
		while (j < t->n && ent_plain_gap(c, j - 1)) {
			if (ent_cap(c, j)) {
				j++;
				continue;
			}
			/* "Ministry of Defence" */
			if (j + 1 < t->n && (etok_is(c->s, &t->v[j], "of") ||
			    etok_is(c->s, &t->v[j], "for")) &&
			    ent_word_is(c, j - 1, ENT_W_ORG) &&
			    ent_plain_gap(c, j) && ent_cap(c, j + 1)) {
				j += 2;
				continue;
			}
			/* "Securities and Exchange Commission": "and"
			 * inside an organisation's name (after one word
			 * it joins two names: "Wistron and Global
			 * Lighting Technologies") */
			if (j - i >= 2 && j + 1 < t->n &&
			    etok_is(c->s, &t->v[j], "and") &&
			    ent_plain_gap(c, j) && ent_cap(c, j + 1)) {
				size_t k = j + 1;

				while (k + 1 < t->n && ent_plain_gap(c, k) &&
				    ent_cap(c, k + 1))
					k++;
				if (ent_word_is(c, k, ENT_W_ORG)) {
					j = k + 1;
					continue;
				}
			}
			/* "President mike Pence" */
			if (j + 1 < t->n &&
			    ent_word_is(c, j - 1, ENT_W_TITLE) &&
			    ent_plain_gap(c, j) && ent_cap(c, j + 1) &&
			    !(t->v[j + 1].flags & ETOK_SENT)) {
				if (!ent_word_is(c, j, ENT_W_STOP)) {
					j += 2;
					continue;
				}
			}
			break;
		}
		ent_class(c, i, j, the, cue);
		i = j;
	}
}

/* Every word-boundary suffix of the person names of several words ("Dmitry
 * Peskov" gives "Dmitry Peskov" and "Peskov"), sorted, each with its full
 * name: fullest forms in O(log n) a name. */
struct ent_suffix {
	const char *suf;
	const char *full;
};

struct ent_suffixes {
	struct ent_suffix *v;
	size_t n, cap;
};

static int
ent_suffix_cmp(const void *x, const void *y)
{
	return etok_strcmp(((const struct ent_suffix *)x)->suf,
	    ((const struct ent_suffix *)y)->suf);
}

static void
ent_suffixes_add(const struct ent_ctx *c, struct ent_suffixes *t)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		const struct ent_run *r = &c->runs[i];
		const char *p;

		if (r->kind != ENT_PERSON || r->weak ||
		    strchr(r->name, ' ') == NULL)
			continue;
		for (p = r->name; p != NULL; p = strchr(p, ' ')) {
			if (*p == ' ')
				p++;
			if (t->n == t->cap) {
				t->cap = t->cap ? t->cap * 2 : 32;
				t->v = xrealloc(t->v, t->cap * sizeof(*t->v));
			}
			t->v[t->n].suf = p;
			t->v[t->n++].full = r->name;
		}
	}
}

/* The longest full name that is name or ends with it, or NULL. */
static const char *
ent_fullest(const struct ent_suffixes *t, const char *name)
{
	size_t lo = 0, hi = t->n;
	const char *best = NULL;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (etok_strcmp(t->v[mid].suf, name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < t->n && etok_strcmp(t->v[lo].suf, name) == 0; lo++)
		if (best == NULL || strlen(t->v[lo].full) > strlen(best))
			best = t->v[lo].full;
	return best;
}

/* The longest full name whose last word is a case form of the Cyrillic
 * word name (the same stem), or NULL: Russian inflects surnames, so
 * "Пескова" and "Пескову" are Dmitry Peskov's where "Дмитрий Песков"
 * is in the article. */
static const char *
ent_fullest_stem(const struct ent_suffixes *t, const char *name)
{
	size_t i, n = strlen(name), sn, sl;
	const char *best = NULL, *last;

	if ((unsigned char)name[0] != 0xd0 && (unsigned char)name[0] != 0xd1)
		return NULL;
	sn = ent_cyr_stem(name, n);
	for (i = 0; i < t->n; i++) {
		last = t->v[i].suf;
		if (strchr(last, ' ') != NULL)
			continue;
		sl = ent_cyr_stem(last, strlen(last));
		if (sl == sn && memcmp(last, name, sn) == 0 &&
		    (best == NULL || strlen(t->v[i].full) > strlen(best)))
			best = t->v[i].full;
	}
	return best;
}

/* Gives the Cyrillic person names of several words the shortest of their
 * case forms in the article, which is most often the nominative. */
static void
ent_cyr_merge(struct ent_ctx *c)
{
	size_t i, j;

	for (i = 0; i < c->n; i++) {
		struct ent_run *r = &c->runs[i];
		const char *best = r->name;

		if (r->kind != ENT_PERSON || strchr(r->name, ' ') == NULL ||
		    ((unsigned char)r->name[0] != 0xd0 &&
		    (unsigned char)r->name[0] != 0xd1))
			continue;
		for (j = 0; j < c->n; j++)
			if (c->runs[j].kind == ENT_PERSON &&
			    strlen(c->runs[j].name) < strlen(best) &&
			    ent_same_stems(c->runs[j].name, r->name))
				best = c->runs[j].name;
		if (best != r->name) {
			free(r->name);
			r->name = xstrdup(best);
		}
	}
}

/* Open-addressing table from (kind, name) to the index in r->names. */
struct ent_names {
	size_t *slot;  /* index + 1; 0 is empty */
	size_t cap;    /* a power of two */
};

static size_t
ent_name_hash(const char *name, enum ent_kind kind)
{
	size_t h = 2166136261u ^ (size_t)kind;

	for (; *name != '\0'; name++)
		h = (h ^ (unsigned char)*name) * 16777619u;
	return h;
}

static size_t
ent_name_index(struct ent_result *r, struct ent_names *t, const char *name,
    enum ent_kind kind)
{
	size_t h, i;

	if ((r->names.n + 1) * 2 > t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 64;

		free(t->slot);
		t->slot = xcalloc(cap, sizeof(*t->slot));
		t->cap = cap;
		for (i = 0; i < r->names.n; i++) {
			h = ent_name_hash(r->names.v[i], r->kinds[i]);
			while (t->slot[h & (cap - 1)] != 0)
				h++;
			t->slot[h & (cap - 1)] = i + 1;
		}
	}
	for (h = ent_name_hash(name, kind); t->slot[h & (t->cap - 1)] != 0;
	    h++) {
		i = t->slot[h & (t->cap - 1)] - 1;
		if (r->kinds[i] == kind && strcmp(r->names.v[i], name) == 0)
			return i;
	}
	strlist_push(&r->names, name);
	r->kinds = xrealloc(r->kinds, r->names.n * sizeof(*r->kinds));
	r->kinds[r->names.n - 1] = kind;
	t->slot[h & (t->cap - 1)] = r->names.n;
	return r->names.n - 1;
}

/* Settles single words and fullest forms in place. */
static void
ent_resolve(struct ent_ctx *c, const struct ent_ctx *ref)
{
	struct ent_suffixes full = { 0 }, own = { 0 };
	char **repl = xcalloc(c->n + 1, sizeof(*repl));
	size_t i;

	ent_suffixes_add(ref, &full);
	if (full.n > 1)
		qsort(full.v, full.n, sizeof(*full.v), ent_suffix_cmp);
	if (ref != c)
		ent_suffixes_add(c, &own);
	if (own.n > 1)
		qsort(own.v, own.n, sizeof(*own.v), ent_suffix_cmp);
	/* the tables point into the runs' names: replace them after */
	for (i = 0; i < c->n; i++) {
		const struct ent_run *r = &c->runs[i];
		const char *fn;

		/* one word, or a person: "the Trump administration" */
		if (r->kind == ENT_PLACE || (r->kind == ENT_ORG &&
		    r->b - r->a != 1))
			continue;
		fn = ent_fullest(&full, r->name);
		if (fn == NULL)
			fn = ent_fullest(&own, r->name);
		if (fn == NULL && r->b - r->a == 1)
			fn = ent_fullest_stem(&full, r->name);
		if (fn == NULL && r->b - r->a == 1)
			fn = ent_fullest_stem(&own, r->name);
		if (fn != NULL)
			repl[i] = xstrdup(fn);
	}
	for (i = 0; i < c->n; i++) {
		struct ent_run *r = &c->runs[i];

		if (repl[i] == NULL)
			continue;
		free(r->name);
		r->name = repl[i];
		r->kind = ENT_PERSON;
		r->single = false;
	}
	free(repl);
	free(full.v);
	free(own.v);
}

static void
ent_ctx_init(struct ent_ctx *c, const char *s, const struct etoks *t)
{
	memset(c, 0, sizeof(*c));
	c->s = s;
	c->t = t;
}

/* Marks the words of title-case lines without closing punctuation:
 * headings ("Common Mistakes Python Developers Make"), whose capitals
 * are style, not names. A line is title-case when at least 60% of its
 * words of four letters or more are capitalised, and it has three. */
static void
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

static void
ent_ctx_free(struct ent_ctx *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		free(c->runs[i].name);
	free(c->runs);
	free(c->seen);
	free(c->memo);
	free(c->memo_of);
	free(c->lower);
	free(c->heading);
}

/* A title name counts if the body has it, or it is a place or acronym. */
static bool
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

/* A set of the names of the runs outside headings: open addressing by
 * etok_hash(), a power of two of slots, at most half full. */
struct ent_plain {
	const char **slot;  /* NULL: free */
	size_t cap;
};

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
static void
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
static bool
ent_confirmed(const struct ent_ctx *c, const struct ent_run *x,
    const struct ent_plain *plain)
{
	if (x->kind == ENT_PLACE || (x->b - x->a == 1 &&
	    (c->t->v[x->a].flags & ETOK_ALLCAP)))
		return true;
	return *ent_plain_slot(plain, x->name) != NULL;
}

void
ent_tokenise(const char *body, struct ent_result *r)
{
	memset(r, 0, sizeof(*r));
	etok_split(body, &r->toks);
}

void
ent_extract(const char *title, const char *body, const char *lang,
    struct ent_result *r)
{
	struct ent_canons canons = { 0 };
	struct ent_ctx bc = { 0 }, tc = { 0 };
	struct ent_names nt = { 0 };
	struct etoks tt = { 0 };
	struct ent_plain plain = { 0 };
	size_t i;

	ent_ctx_init(&bc, body, &r->toks);
	bc.nouns = lang != NULL && strcmp(lang, "de") == 0;
	ent_headings(&bc);
	ent_scan(&bc);
	ent_cyr_merge(&bc);
	ent_resolve(&bc, &bc);
	for (i = 0; i < bc.n; i++)
		if (bc.runs[i].weak)
			break;
	/* only the names of headings are looked up there */
	if (i < bc.n)
		ent_plain_init(&plain, &bc);
	for (i = 0; i < bc.n; i++) {
		struct ent_run *x = &bc.runs[i];
		struct ent_mention *m;

		if ((x->weak && !ent_confirmed(&bc, x, &plain)) ||
		    (bc.nouns && x->single))
			continue;
		if (r->n_m == r->cap_m) {
			r->cap_m = r->cap_m ? r->cap_m * 2 : 32;
			r->m = xrealloc(r->m, r->cap_m * sizeof(*r->m));
		}
		m = &r->m[r->n_m++];
		m->start = r->toks.v[x->a].off;
		m->end = r->toks.v[x->b - 1].off + r->toks.v[x->b - 1].len;
		m->sent = r->toks.v[x->a].sent;
		m->kind = x->kind;
		m->name = ent_name_index(r, &nt, x->canon == NULL ? x->name :
		    ent_canon_name(&canons, x->canon, x->name), x->kind);
	}
	if (title != NULL) {
		etok_split(title, &tt);
		ent_ctx_init(&tc, title, &tt);
		tc.nouns = bc.nouns;
		ent_scan(&tc);
		ent_resolve(&tc, &bc);
		for (i = 0; i < tc.n; i++)
			if (!(tc.nouns && tc.runs[i].single) &&
			    ent_title_ok(&tc, &tc.runs[i], r))
				ent_name_index(r, &nt,
				    tc.runs[i].canon == NULL ?
				    tc.runs[i].name : ent_canon_name(&canons,
				    tc.runs[i].canon, tc.runs[i].name),
				    tc.runs[i].kind);
		ent_ctx_free(&tc);
		etok_free(&tt);
	}
	ent_ctx_free(&bc);
	free(nt.slot);
	free(plain.slot);
	ent_canons_free(&canons);
}

void
ent_result_free(struct ent_result *r)
{
	strlist_free(&r->names);
	free(r->kinds);
	free(r->m);
	etok_free(&r->toks);
	memset(r, 0, sizeof(*r));
}
