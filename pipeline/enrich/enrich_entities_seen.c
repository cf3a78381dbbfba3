/* What the text's own writing tells of a word, for enrich_entities_class.c:
 * whether it is written in lower case elsewhere, capitalised inside a
 * sentence or only at a sentence's or a clause's start, or stands alone
 * as a menu's item. Each is gathered once over the text and asked of a
 * word's hash. Pure. */
#include "enrich_entities_int.h"

#include <stdlib.h>
#include <string.h>

/* A word as written, with how often (at most 2) it is seen capitalised
 * inside sentences: a slot of ent_ctx.seen. */
struct ent_seen {
	size_t tok;      /* one of its words, + 1; 0: a free slot */
	unsigned count;
};

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

/* Word j is written in lower case, in prose. */
static bool
ent_lower_form(struct ent_ctx *c, size_t j)
{
	return !(c->t->v[j].flags & (ETOK_CAP | ETOK_ALLCAP | ETOK_NUM)) &&
	    ent_prose(c, j);
}

/* Whether word i is also written in lower case in the text: a common
 * word ("city", "health", "state") capitalised at a heading or for
 * emphasis, not a name. */
bool
ent_lower(struct ent_ctx *c, size_t i)
{
	return ent_gathered(c, &c->lower, ent_lower_form, 0, i);
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

/* Doubles c->seen, placing each word anew; the slot of word i. */
static struct ent_seen *
ent_seen_grow(struct ent_ctx *c, size_t i)
{
	struct ent_seen *old = c->seen;
	size_t cap = c->seen_cap, k;

	c->seen_cap *= 2;
	c->seen = xcalloc(c->seen_cap, sizeof(*c->seen));
	for (k = 0; k < cap; k++)
		if (old[k].tok != 0)
			*ent_seen_slot(c, old[k].tok - 1) = old[k];
	free(old);
	return ent_seen_slot(c, i);
}

/* Whether word i, a word English writes in lower case, opens a clause
 * after a colon or a bracket ("Q: Favorite childhood memory?", "What you
 * need: Braid your hair", "(Skip step ...)"): capitalised there as at a
 * sentence's start, before a word in lower case ("A: Broncos vs.
 * Raiders" names a team). */
static bool
ent_clause_open(struct ent_ctx *c, size_t i)
{
	const struct etok *k = &c->t->v[i], *n;
	size_t o = k->off;

	while (o > 0 && c->s[o - 1] == ' ')
		o--;
	if (o == 0 || (c->s[o - 1] != ':' && c->s[o - 1] != '(') ||
	    i + 1 >= c->t->n || !ent_plain_gap(c, i))
		return false;
	n = &c->t->v[i + 1];
	return n->sent == k->sent && !(n->flags & (ETOK_CAP | ETOK_ALLCAP |
	    ETOK_NUM | ETOK_ABBR)) && ent_word_is(c, i, ENT_W_ENWORD);
}

/* Whether word i is capitalised as a sentence's or a clause's first
 * word is. */
bool
ent_opener(struct ent_ctx *c, size_t i)
{
	return (c->t->v[i].flags & ETOK_SENT) || ((c->t->v[i].flags &
	    ETOK_CAP) && ent_clause_open(c, i));
}

/* The word i appears capitalised somewhere other than a sentence or a
 * clause start. */
bool
ent_seen_inside(struct ent_ctx *c, size_t i)
{
	const struct etok *w = &c->t->v[i];
	unsigned n;
	size_t j;

	if (c->seen == NULL) {
		c->seen_cap = 64;
		c->seen = xcalloc(c->seen_cap, sizeof(*c->seen));
		for (j = 0; j < c->t->n; j++) {
			const struct etok *o = &c->t->v[j];
			struct ent_seen *e;

			if (!(o->flags & ETOK_CAP) || ent_opener(c, j))
				continue;
			e = ent_seen_slot(c, j);
			if (e->tok == 0) {
				e->tok = j + 1;
				if (2 * ++c->seen_n > c->seen_cap)
					e = ent_seen_grow(c, j);
			}
			if (e->count < 2)
				e->count++;
		}
	}
	/* other occurrences than word i itself */
	n = ent_seen_slot(c, i)->count;
	if ((w->flags & ETOK_CAP) && !ent_opener(c, i))
		return n >= 2;
	return n >= 1;
}

/* The line of s before offset o (past the line breaks and spaces before
 * o): whether there is one of at most three words, its last character no
 * sentence's end, as a menu's items and a list's labels are. */
static bool
ent_short_line_before(const char *s, size_t o)
{
	size_t words = 0;

	while (o > 0 && (s[o - 1] == '\n' || s[o - 1] == ' '))
		o--;
	if (o == 0 || strchr(".!?:;,\"", s[o - 1]) != NULL ||
	    strncmp(s + o - (o >= 3 ? 3 : 0), "\u201d", 3) == 0)
		return false;
	for (; o > 0 && s[o - 1] != '\n'; o--)
		if (s[o - 1] == ' ' && s[o] != ' ')
			words++;
	return words < 3;
}

/* The same of the line after offset o: the offset past it, or 0 if it is
 * no such line. */
static size_t
ent_short_line_after(const char *s, size_t o)
{
	size_t words = 1, e, end;

	while (s[o] == '\n' || s[o] == ' ')
		o++;
	if (s[o] == '\0')
		return 0;
	for (e = o; s[e] != '\0' && s[e] != '\n'; e++)
		if (s[e] == ' ' && s[e + 1] != ' ' && s[e + 1] != '\n' &&
		    s[e + 1] != '\0')
			words++;
	end = e;
	while (e > o && s[e - 1] == ' ')
		e--;
	if (words > 3 || strchr(".!?:;,\"", s[e - 1]) != NULL ||
	    (e - o >= 3 && strncmp(s + e - 3, "\u201d", 3) == 0))
		return 0;
	return end;
}

/* Whether word i, capitalised, stands alone on its line before a short
 * line that ends no sentence, and after one or before a second: an item
 * of a menu or of a list of labels ("Default\n\nClassic\n\nRandom"), not
 * a heading over prose. */
static bool
ent_menu_item(struct ent_ctx *c, size_t i)
{
	const struct etok *k = &c->t->v[i];
	size_t a = k->off, e = k->off + k->len, next;

	/* the tokeniser's ETOK_LINE: no text read for most words */
	if (!(k->flags & ETOK_CAP) || !(k->flags & ETOK_LINE))
		return false;
	while (a > 0 && c->s[a - 1] == ' ')
		a--;
	while (c->s[e] == ' ')
		e++;
	if ((a > 0 && c->s[a - 1] != '\n') ||
	    (c->s[e] != '\n' && c->s[e] != '\0'))
		return false;
	next = ent_short_line_after(c->s, e);
	return next != 0 && (ent_short_line_before(c->s, a) ||
	    ent_short_line_after(c->s, next) != 0);
}

/* Whether word i, a word English writes in lower case, stands alone as
 * an item of a menu somewhere in the text ("Default", "Hide" of a
 * game's settings): a label wherever it is written ("setting this to
 * Default"). */
bool
ent_menu_word(struct ent_ctx *c, size_t i)
{
	return ent_gathered(c, &c->menu, ent_menu_item, ETOK_CAP, i) &&
	    ent_word_is(c, i, ENT_W_ENWORD);
}

/* Whether word i is capitalised, not as a sentence's first word ("Shares
 * of Apple"), and a word English writes in lower case. */
static bool
ent_common_cap(struct ent_ctx *c, size_t i)
{
	return (c->t->v[i].flags & ETOK_CAP) && ent_cap(c, i) &&
	    !ent_opener(c, i) &&
	    ent_word_is(c, i, ENT_W_ENWORD);
}

/* Whether word i is a word that joins a title's words ("Attack on
 * Titan"). */
static bool
ent_title_link(const struct ent_ctx *c, size_t i)
{
	static const char *const link[] = { "of", "on", "in", "for" };
	size_t j;

	/* all of two or three letters: most words are asked no further */
	if (c->t->v[i].len < 2 || c->t->v[i].len > 3)
		return false;
	for (j = 0; j < sizeof(link) / sizeof(link[0]); j++)
		if (etok_is(c->s, &c->t->v[i], link[j]))
			return true;
	return false;
}

/* Words i and j (i < j) are in one sentence. */
static bool
ent_one_sent(const struct ent_ctx *c, size_t i, size_t j)
{
	return c->t->v[i].sent == c->t->v[j].sent;
}

/* Whether word i, capitalised, stands where a part of a title of
 * common words does (ent_title_part()). */
static bool
ent_title_place(struct ent_ctx *c, size_t i)
{
	const struct etok *k = &c->t->v[i];
	size_t n = c->t->n, p;

	if (i + 1 < n && (c->t->v[i + 1].flags & ETOK_NUM) &&
	    ent_plain_gap(c, i))
		return true;
	/* after a title's number or an ordinal: "Resident Evil 2
	 * Remake", "the 25th Amendment" */
	if (i >= 2 && (c->t->v[i - 1].flags & ETOK_NUM) &&
	    ent_plain_gap(c, i - 1) && (ent_cap(c, i - 2) ||
	    etok_is(c->s, &c->t->v[i - 2], "the")) &&
	    ent_plain_gap(c, i - 2))
		return true;
	if ((k->flags & ETOK_POSS) && i + 1 < n && ent_one_sent(c, i, i + 1) &&
	    ent_common_cap(c, i + 1))
		return true;
	/* "the Oval on South Main Street", "the Bank of England": a
	 * name's head */
	/* after a name's possessive, inside a sentence: a work or a
	 * product of it ("FX's Legion", "Betty's Guide") */
	if (i > 0 && (c->t->v[i - 1].flags & ETOK_POSS) &&
	    ent_one_sent(c, i - 1, i) && ent_cap(c, i - 1) &&
	    !ent_opener(c, i))
		return true;
	if (i + 2 < n && ent_title_link(c, i + 1) &&
	    !(i > 0 && etok_is(c->s, &c->t->v[i - 1], "the")) &&
	    ent_one_sent(c, i, i + 2) && ent_common_cap(c, i + 2))
		return true;
	if (i < 2)
		return false;
	p = i - 1;
	if (etok_is(c->s, &c->t->v[p], "the") && p >= 2)
		p--;
	return ent_one_sent(c, p - 1, i) && ent_title_link(c, p) &&
	    ent_common_cap(c, p - 1);
}

/* Whether word i, capitalised, is written here as a part of a title of
 * common words (ent_title_word()). The place is asked first: it reads
 * the word's neighbours, where the word list's look-up missed the cache
 * for every capitalised word (sentences' first words the most). */
static bool
ent_title_part(struct ent_ctx *c, size_t i)
{
	return ent_title_place(c, i) && ent_word_is(c, i, ENT_W_ENWORD);
}

/* Whether word i is capitalised somewhere other than in a title of
 * common words. */
static bool
ent_free_cap(struct ent_ctx *c, size_t i)
{
	return !ent_title_part(c, i);
}

bool
ent_title_word(struct ent_ctx *c, size_t i)
{
	return ent_word_is(c, i, ENT_W_ENWORD) &&
	    !ent_gathered(c, &c->free, ent_free_cap, ETOK_CAP, i);
}

/* Whether word j, in lower case or opening its sentence, is a German
 * function word (1) or an English one (-1), or neither or both (0):
 * lang_stop_mask()'s bits, German's the second of its profiles. */
static int
ent_de_en_stop(const struct ent_ctx *c, size_t j)
{
	unsigned f, m;

	f = c->t->v[j].flags;
	if ((f & (ETOK_ALLCAP | ETOK_NUM)) ||
	    ((f & ETOK_CAP) && !(f & ETOK_SENT)))
		return 0;
	m = lang_stop_mask(etok_folded(c->t, j), c->t->v[j].hash);
	if ((m & 2u) && !(m & 1u))
		return 1;
	return (m & 1u) && !(m & 2u) ? -1 : 0;
}

/* Fills c->de_sent in one walk: whether each sentence is German's (two
 * of its function words or more, and more of them than English's). */
static void
ent_de_fill(struct ent_ctx *c)
{
	const struct etok *v = c->t->v;
	size_t n = c->t->n, j, k;
	int de, en, s;

	c->de_sent = xcalloc((size_t)v[n - 1].sent + 1, sizeof(bool));
	for (j = 0; j < n; j = k) {
		de = en = 0;
		for (k = j; k < n && v[k].sent == v[j].sent; k++) {
			s = ent_de_en_stop(c, k);
			de += s > 0;
			en += s < 0;
		}
		c->de_sent[v[j].sent] = de >= 2 && de > en;
	}
}

/* Whether word i, in a text whose language capitalises no noun, sits in
 * a sentence of German ("der", "das", "und": ent_de_fill()) and is a
 * word of the German dictionary: a quoted sentence's noun ("Nach dem
 * Drink verlor ich das Bewusstsein"), no name. Each sentence is read
 * once: asked of each word, walking its sentence was quadratic in a
 * long one. */
bool
ent_de_quoted(struct ent_ctx *c, size_t i)
{
	if (c->nouns || !ent_dict_word("de", c->t->v[i].hash))
		return false;
	if (c->de_sent == NULL)
		ent_de_fill(c);
	return c->de_sent[c->t->v[i].sent];
}

/* The length of the mark of code at p in the text s ending at e, 0 if
 * none is there: an "=", a "{", a ">>>" prompt, or a "(" right after a
 * letter, a digit or an underscore (a call: "foo(", "KeyError(1)"). */
static size_t
ent_code_mark(const char *s, const char *p, const char *e)
{
	if (*p == '=' || *p == '{')
		return 1;
	if (*p == '>' && e - p >= 3 && p[1] == '>' && p[2] == '>')
		return 3;
	if (*p == '(' && p > s && (p[-1] == '_' ||
	    (p[-1] >= 'a' && p[-1] <= 'z') ||
	    (p[-1] >= 'A' && p[-1] <= 'Z') ||
	    (p[-1] >= '0' && p[-1] <= '9')))
		return 1;
	return 0;
}

/* Whether the line of text [p, e) is code: a mark of code twice or
 * more, and once at least in every 20 words. */
static bool
ent_code_line(const char *s, const char *p, const char *e)
{
	size_t marks = 0, words = 1, m;

	for (; p < e; p++) {
		if (*p == ' ')
			words++;
		else if ((m = ent_code_mark(s, p, e)) > 0) {
			marks++;
			p += m - 1;
		}
	}
	return marks >= 2 && marks * 20 >= words;
}

/* Whether the text s holds two marks of code or more: where it holds
 * fewer, none of its lines is code (most texts; strcspn() finds the
 * marks' first bytes faster than a walk of the lines). */
static bool
ent_code_any(const char *s)
{
	const char *e = s + strlen(s), *p = s;
	size_t marks = 0, m;

	for (p += strcspn(p, "={>("); p < e; p += strcspn(p, "={>(")) {
		m = ent_code_mark(s, p, e);
		if (m > 0 && ++marks >= 2)
			return true;
		p += m > 0 ? m : 1;
	}
	return false;
}

/* A capitalised word's mention: the hash of its form as written (first,
 * for ent_hash_cmp()), and whether its line is code. */
struct ent_code_mention {
	uint64_t h;
	bool code;
};

/* Fills c->codew in one walk: each line read once, the capitalised
 * words' mentions sorted by the hash of their form as written. */
static void
ent_code_fill(struct ent_ctx *c)
{
	const struct etok *v = c->t->v;
	struct ent_code_mention *m = NULL;
	const char *ls = NULL, *le = NULL;
	size_t n = 0, i, j, code;
	bool lc = false;

	ent_hset_init(&c->codew);
	if (c->t->n == 0 || !ent_code_any(c->s))
		return;
	m = xmalloc(c->t->n * sizeof(*m));
	for (j = 0; j < c->t->n; j++) {
		const char *w = c->s + v[j].off;

		if (!(v[j].flags & (ETOK_CAP | ETOK_ALLCAP)))
			continue;
		if (ls == NULL || w >= le) {
			for (ls = w; ls > c->s && ls[-1] != '\n'; ls--)
				;
			for (le = w; *le != '\0' && *le != '\n'; le++)
				;
			lc = ent_code_line(c->s, ls, le);
		}
		m[n].h = etok_hash(w, v[j].len);
		m[n++].code = lc;
	}
	if (n > 1)
		qsort(m, n, sizeof(*m), ent_hash_cmp);
	for (i = 0; i < n; i = j) {
		for (code = 0, j = i; j < n && m[j].h == m[i].h; j++)
			code += m[j].code;
		if (2 * code > j - i)
			ent_hset_add(&c->codew, m[i].h);
	}
	free(m);
}

/* Whether word i, as written, stands in lines of code more often than
 * in prose ("except ValueError as e:", "Point = namedtuple(", "return
 * True"): a name of the program's, no body. */
bool
ent_code_word(struct ent_ctx *c, size_t i)
{
	if (c->codew.v == NULL)
		ent_code_fill(c);
	return ent_hset_has(&c->codew,
	    etok_hash(c->s + c->t->v[i].off, c->t->v[i].len));
}

/* Whether word i ends in a plural's s after a letter in lower case
 * ("Democrats", "Protestants"). */
static bool
ent_plural(const struct ent_ctx *c, size_t i)
{
	const char *w = c->s + c->t->v[i].off;
	size_t n = c->t->v[i].len;

	return n > 3 && w[n - 1] == 's' && w[n - 2] >= 'a' &&
	    w[n - 2] <= 'z' && w[n - 2] != 's';
}

/* The hashes of the n folded words w (etok_hash(), as the tokeniser
 * hashes a word's fold), for a look at each word's hash before its fold
 * and the text around it are read. */
static void
ent_verb_hashes(const char *const *w, size_t n, uint64_t *h)
{
	for (size_t i = 0; i < n; i++)
		h[i] = etok_hash(w[i], strlen(w[i]));
}

static bool
ent_hash_in(uint64_t x, const uint64_t *h, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (x == h[i])
			return true;
	return false;
}

/* Whether word i, opening a sentence in English text, is a body's name
 * by what it does: the text writes its form right before "said",
 * "says", "told", "announced" or "declined" ("Apple said", "Samsung
 * said it would"), and it is no word of the dictionary in lower case
 * unless the dictionary writes it capitalised too ("Apple",
 * "Microsoft") in no plural's form (a group's members: "Democrats
 * said", "Republicans announced"): so "Police said", "Officials said",
 * "Critics said", "Analysts said", "Sources said" stay no names. A
 * stop word ("He", "This") or a people's word is none either. */
static void
ent_speaks_fill(struct ent_ctx *c)
{
	static const char *const verbs[] = {
		"announced", "declined", "said", "says", "told",
	};
	const struct etok *v = c->t->v;
	uint64_t h[ETOK_COUNT(verbs)];

	ent_verb_hashes(verbs, ETOK_COUNT(verbs), h);
	ent_hset_init(&c->speaks);
	for (size_t j = 0; j + 1 < c->t->n; j++)
		if (ent_hash_in(v[j + 1].hash, h, ETOK_COUNT(verbs)) &&
		    v[j + 1].sent == v[j].sent && ent_plain_gap(c, j) &&
		    !(v[j + 1].flags & (ETOK_CAP | ETOK_ALLCAP)) &&
		    ETOK_FIND(etok_folded(c->t, j + 1), verbs))
			ent_hset_add(&c->speaks, v[j].hash);
}

bool
ent_opener_speaks(struct ent_ctx *c, size_t i)
{
	const struct etok *v = c->t->v;

	if (!c->english ||
	    !(v[i].flags & ETOK_CAP) || (v[i].flags & ETOK_POSS) ||
	    ent_word_is(c, i, ENT_W_STOP) ||
	    ent_word_is(c, i, ENT_W_DEMONYM) ||
	    (ent_word_is(c, i, ENT_W_ENWORD) &&
	    (!ent_dict_word("encap", v[i].hash) || ent_plural(c, i))))
		return false;
	if (c->speaks.v == NULL)
		ent_speaks_fill(c);
	return ent_hset_has(&c->speaks, v[i].hash);
}

/* Fills c->said, c->poss and c->titled in one walk of the text. */
static void
ent_named_fill(struct ent_ctx *c)
{
	static const char *const verbs[] = {
		"announced", "said", "says", "told",
	};
	const struct etok *v = c->t->v;
	uint64_t h[ETOK_COUNT(verbs)];

	ent_verb_hashes(verbs, ETOK_COUNT(verbs), h);
	ent_hset_init(&c->said);
	ent_hset_init(&c->poss);
	ent_hset_init(&c->titled);
	for (size_t j = 0; j < c->t->n; j++) {
		if (v[j].flags & ETOK_POSS)
			ent_hset_add(&c->poss, v[j].hash);
		if (j > 0 && ent_word_is(c, j - 1, ENT_W_TITLE))
			ent_hset_add(&c->titled, v[j].hash);
		if (j + 1 < c->t->n &&
		    ent_hash_in(v[j + 1].hash, h, ETOK_COUNT(verbs)) &&
		    v[j + 1].sent == v[j].sent && ent_plain_gap(c, j) &&
		    ETOK_FIND(etok_folded(c->t, j + 1), verbs))
			ent_hset_add(&c->said, v[j].hash);
	}
}

/* Whether the text writes word i's form anywhere before "said", "says",
 * "told", "announced" ("Starbucks said"), or, where poss, as a
 * possessive ("Starbucks' CEO"): a body's or a person's. */
bool
ent_name_speaks(struct ent_ctx *c, size_t i, bool poss)
{
	uint64_t h = c->t->v[i].hash;

	if (c->said.v == NULL)
		ent_named_fill(c);
	return (poss && ent_hset_has(&c->poss, h)) ||
	    ent_hset_has(&c->said, h);
}

bool
ent_name_titled(struct ent_ctx *c, size_t i)
{
	if (c->said.v == NULL)
		ent_named_fill(c);
	return ent_hset_has(&c->titled, c->t->v[i].hash);
}
