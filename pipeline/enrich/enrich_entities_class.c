/* Classing a candidate run of capitalised words: a place, an
 * organisation, a person, a role or nothing, by the rules the method
 * note of enrich_entities.c lists (its German, Russian and Polish
 * paragraphs too); enrich_entities.c finds the runs and resolves the
 * names. What the text's own writing tells of a word (written in lower
 * case elsewhere, capitalised inside a sentence, a menu's item) is asked
 * only here, of enrich_entities_seen.c, which gathers it. Pure. */
#include "enrich_entities_int.h"

#include <stdlib.h>
#include <string.h>

/* Whether word i is written in Cyrillic. */
static bool
ent_cyrillic(const struct ent_ctx *c, size_t i)
{
	unsigned char b = (unsigned char)c->s[c->t->v[i].off];

	return b == 0xd0 || b == 0xd1;
}

/* Whether word a is a region's abbreviation after a town and its comma,
 * inside a sentence ("Orange County, Calif., sheriff's office", "Monroe,
 * La., on Nov. 6", "Dekalb, Ill. — Mike Glass"): a dot, then a comma, a
 * dash, a digit or a word in lower case. Not the last of a list that
 * ends a sentence ("on Facebook, Twitter."). */
static bool
ent_region_abbr(const struct ent_ctx *c, size_t a)
{
	const struct etok *k = &c->t->v[a], *p;
	const char *e = c->s + k->off + k->len;

	if (a == 0 || e[0] != '.')
		return false;
	p = &c->t->v[a - 1];
	if (p->sent != k->sent ||
	    !(p->flags & ETOK_CAP) || c->s[p->off + p->len] != ',')
		return false;
	for (e++; *e == ' '; e++)
		;
	return *e == ',' || *e == '-' || (*e >= 'a' && *e <= 'z') ||
	    (*e >= '0' && *e <= '9') || strncmp(e, "\u2014", 3) == 0 ||
	    strncmp(e, "\u2013", 3) == 0;
}

/* Whether word a is a proper noun English counts (gen_words.py's kind:
 * "Muslim", "Hispanic", "Texan", "Monday") written as one: in the plural
 * ("Muslims", "Saturdays") or before a noun ("Hispanic adults", "Olympic
 * rider"). Such a word names one of a people, a faith or a day, no body;
 * but "from Gemini and Kraken", "for Medicare to kick in". */
static bool
ent_kind_noun(struct ent_ctx *c, size_t a)
{
	const struct etok *k = &c->t->v[a];
	const char *f = etok_folded(c->t, a);
	size_t n = strlen(f);

	if (!ent_dict_word("kind", k->hash))
		return false;
	/* a plural, but not a surname made of a given name ("Stevens",
	 * "Roberts", "Williams") */
	if (n > 3 && n < 64 && f[n - 1] == 's' &&
	    ent_dict_word("kind", etok_hash(f, n - 1))) {
		char one[64];

		memcpy(one, f, n - 1);
		one[n - 1] = '\0';
		return !ent_given(one);
	}
	return a + 1 < c->t->n && ent_plain_gap(c, a) &&
	    !(c->t->v[a + 1].flags & (ETOK_CAP | ETOK_ALLCAP | ETOK_NUM)) &&
	    ent_word_is(c, a + 1, ENT_W_ENWORD) &&
	    !ent_word_is(c, a + 1, ENT_W_STOP) &&
	    !ent_word_is(c, a + 1, ENT_W_FUNCTION);
}

/* Whether the one word a, a word English writes in lower case, opens a
 * title-case name that "of" or "and" goes on with ("Proceedings of the
 * National Academy", "Customs and Border Protection", "Citizenship and
 * Immigration Services"): a fragment of it, no name alone. After "and"
 * the rest is two capitalised words of English's lower case at least
 * ("Sprint and Verizon" are two names). */
static bool
ent_phrase_head(struct ent_ctx *c, size_t a)
{
	const struct etoks *t = c->t;
	size_t j = a + 1, k;
	bool of;

	if (j + 1 >= t->n || !ent_plain_gap(c, a) ||
	    !ent_word_is(c, a, ENT_W_ENWORD))
		return false;
	of = etok_is(c->s, &t->v[j], "of");
	if (!of && !etok_is(c->s, &t->v[j], "and"))
		return false;
	if (t->v[j + 1].sent != t->v[a].sent)
		return false;
	j++;
	if (of && etok_is(c->s, &t->v[j], "the") && j + 1 < t->n &&
	    t->v[j + 1].sent == t->v[a].sent)
		j++;
	/* the capitalised words after it, joined by spaces */
	for (k = j; k < t->n && t->v[k].sent == t->v[a].sent &&
	    (t->v[k].flags & ETOK_CAP) && !(t->v[k].flags & ETOK_ALLCAP) &&
	    (of || ent_word_is(c, k, ENT_W_ENWORD)); k++)
		if (k + 1 == t->n || !ent_plain_gap(c, k))
			return k + 1 >= j + (of ? 1 : 2);
	return k >= j + (of ? 1 : 2);
}

/* Whether the one word a, after "the" and a word English writes in lower
 * case, modifies the lower-case noun after it ("the Trump
 * administration", "the Communist party", "the Lightning connector"):
 * "the" is the noun's, and the word is no body. A verb's -s or -ed after
 * it, or a function word, makes it the subject ("the Fed points", "the
 * Eagles led"); a plural is a team's name. */
static bool
ent_the_modifier(struct ent_ctx *c, size_t a)
{
	const struct etok *n;
	const char *f;
	size_t l;

	f = etok_folded(c->t, a);
	l = strlen(f);
	/* a team's plural names it before its coach ("the Commodores
	 * coach") */
	if (a + 1 >= c->t->n || f[l - 1] == 's' || !ent_plain_gap(c, a) ||
	    !ent_word_is(c, a, ENT_W_ENWORD))
		return false;
	n = &c->t->v[a + 1];
	f = etok_folded(c->t, a + 1);
	l = strlen(f);
	return !(n->flags & (ETOK_CAP | ETOK_ALLCAP | ETOK_NUM | ETOK_ABBR)) &&
	    l >= 3 && f[l - 1] != 's' && strcmp(f + l - 2, "ed") != 0 &&
	    ent_word_is(c, a + 1, ENT_W_ENWORD) &&
	    !ent_word_is(c, a + 1, ENT_W_STOP) &&
	    !ent_word_is(c, a + 1, ENT_W_FUNCTION);
}

/* Whether a run ending before word b is a journal's name in a
 * citation, which the year and the volume follow ("Br J Dermatol.
 * 2003;149(5):1018", "N Engl J Med 2011;364:1134"), or after the name's
 * dot the year alone, which a colon or the line's end follows ("Ann
 * Rheum Dis. 2014: p. 1", "Allergol Int. 2016."; not an author's "Andrew
 * McAfee. 2016. The second machine age"), no person or body of the
 * text. */
static bool
ent_journal(const struct ent_ctx *c, size_t b)
{
	const struct etok *y;
	const char *e;
	size_t o;
	bool dot;
	long n;

	if (b >= c->t->n)
		return false;
	y = &c->t->v[b];
	e = c->s + y->off + 4;
	if (!(y->flags & ETOK_NUM) || y->len != 4)
		return false;
	o = c->t->v[b - 1].off + c->t->v[b - 1].len;
	dot = c->s[o] == '.';
	if (!(e[0] == ';' || (dot && (e[0] == ':' || (e[0] == '.' &&
	    (e[1] == '\n' || e[1] == '\0'))))))
		return false;
	if (dot)
		o++;
	while (o < y->off && c->s[o] == ' ')
		o++;
	n = strtol(c->s + y->off, NULL, 10);
	return o == y->off && n >= 1800 && n < 2040;
}

/* Whether word i, in capitals, is a type's or a standard's code: a
 * part of one letter after a hyphen or before one ("USB-C", "DVB-T",
 * "HLA-B", "E-MTB"), unless it stands in brackets after the words it
 * shortens ("Max-Planck-Institut für Meteorologie (MPI-M)"). */
static bool
ent_acro_code(struct ent_ctx *c, size_t i)
{
	const struct etok *k = &c->t->v[i];
	const char *w = c->s + k->off, *h;
	const char *e = w + k->len;
	bool one = false;

	if (!(k->flags & ETOK_ALLCAP) ||
	    (h = memchr(w, '-', k->len)) == NULL)
		return false;
	for (; w < e; w = h + 1) {
		h = memchr(w, '-', (size_t)(e - w));
		if (h == NULL)
			h = e;
		one = one || h - w == 1;
	}
	if (!one)
		return false;
	return !(k->off > 0 && c->s[k->off - 1] == '(' && i > 0 &&
	    (c->t->v[i - 1].flags & ETOK_CAP) &&
	    !(c->t->v[i - 1].flags & ETOK_ALLCAP));
}

/* Word j, in capitals, is written as text, not as code: joined to no
 * word by an underscore ("YAGNA_APPKEY"), after no "$" ("$CATOP") and
 * before no file name's extension ("README.rst"). */
static bool
ent_text_form(struct ent_ctx *c, size_t j)
{
	const struct etok *k = &c->t->v[j];
	const char *e = c->s + k->off + k->len;
	char p = k->off > 0 ? c->s[k->off - 1] : ' ';

	return (k->flags & ETOK_ALLCAP) && p != '_' && p != '$' &&
	    e[0] != '_' && !(e[0] == '.' && e[1] >= 'a' && e[1] <= 'z');
}

/* Whether word a, in capitals, is written so only as code: a variable's
 * or a file's name, no body's. */
static bool
ent_code_only(struct ent_ctx *c, size_t a)
{
	return (c->t->v[a].flags & ETOK_ALLCAP) &&
	    !ent_gathered(c, &c->text, ent_text_form, ETOK_ALLCAP,
	    a);
}

/* Whether word j is written as a predicate: right after a copula or
 * "percent" and ending its clause ("her mother is Jewish.", "15.36
 * percent Hispanic,"), as an adjective is and a body's name seldom. */
static bool
ent_predicate(const struct ent_ctx *c, size_t j)
{
	static const char *const cop[] = {
		"are", "be", "been", "is", "percent", "was", "were",
	};
	const struct etok *k = &c->t->v[j];
	const char *e = c->s + k->off + k->len;

	if (j == 0 || c->t->v[j - 1].sent != k->sent ||
	    (c->t->v[j - 1].flags & (ETOK_CAP | ETOK_ALLCAP)) ||
	    !ent_plain_gap(c, j - 1) ||
	    !ETOK_FIND(etok_folded(c->t, j - 1), cop))
		return false;
	return *e == '\0' || strchr(".,;:!?)", *e) != NULL;
}

/* Word j is written neither as a predicate (ent_predicate()) nor
 * before a common noun in its sentence. */
static bool
ent_unadj_form(struct ent_ctx *c, size_t j)
{
	const struct etok *n;

	if (ent_predicate(c, j))
		return false;
	if (j + 1 >= c->t->n || !ent_plain_gap(c, j))
		return true;
	n = &c->t->v[j + 1];
	return n->sent != c->t->v[j].sent ||
	    (n->flags & (ETOK_CAP | ETOK_ALLCAP | ETOK_NUM)) ||
	    !ent_word_is(c, j + 1, ENT_W_ENWORD) ||
	    ent_word_is(c, j + 1, ENT_W_STOP) ||
	    ent_word_is(c, j + 1, ENT_W_FUNCTION);
}

/* Whether the one word a, ending as English adjectives do in -ic or
 * -ish ("Democratic", "Scottish"), stands before a common noun in every
 * mention ("Democratic criticism", "Scottish hero"): an adjective, no
 * body ("the Atlantic reported" is one). Letters of ASCII only. The
 * words' mentions are read once per text (ent_unadj_form()): a walk of
 * the text for each took 23 s on 40,000 of them. */
static bool
ent_adjective(struct ent_ctx *c, size_t a)
{
	const char *f = etok_folded(c->t, a);
	const char *w = c->s + c->t->v[a].off;
	size_t l = strlen(f), j;

	if (l < 5 || (strcmp(f + l - 2, "ic") != 0 &&
	    strcmp(f + l - 3, "ish") != 0))
		return false;
	/* one capital, then lower-case letters: not "BlackMagic" (a
	 * firm before its product) nor "Asia-Pacific" */
	for (j = 1; j < l; j++)
		if (w[j] < 'a' || w[j] > 'z')
			return false;
	return !ent_gathered(c, &c->unadj, ent_unadj_form, 0, a);
}

/* Whether the one word a is an adjective made of a name the text
 * writes ("Nixonian" of "Nixon", "Clintonian"): one capital, then
 * lower-case letters ending in -ian, the name before it no word of the
 * language ("Guardian" is of "guard"). */
static bool
ent_name_adjective(struct ent_ctx *c, size_t a)
{
	const char *f = etok_folded(c->t, a);
	const char *w = c->s + c->t->v[a].off;
	size_t l = strlen(f), j;

	if (l < 7 || l != c->t->v[a].len || strcmp(f + l - 3, "ian") != 0)
		return false;
	for (j = 1; j < l; j++)
		if (w[j] < 'a' || w[j] > 'z')
			return false;
	return ent_caps_has(c, f, l - 3) &&
	    !ent_dict_word("en", etok_hash(f, l - 3));
}

/* Whether word a ends with a hyphen and a lower-case part of two
 * letters or more ("Bush-era", "Stallman-esque",
 * "N-acetyltransferase"). */
static bool
ent_lower_tail(const struct ent_ctx *c, size_t a)
{
	const char *w = c->s + c->t->v[a].off;
	const char *h = NULL;
	size_t i, n = c->t->v[a].len;

	for (i = 1; i + 2 < n; i++)
		if (w[i] == '-')
			h = w + i + 1;
	return h != NULL && h[0] >= 'a' && h[0] <= 'z' &&
	    h[1] >= 'a' && h[1] <= 'z';
}

/* Whether the one word a is no name by its form or its company: a
 * letter, a first name alone, a word of the language, a kind of place,
 * an acronym that is code or a unit. A German compound that names one
 * body is added here, and counts as taken. */
static bool
ent_one_no_name(struct ent_ctx *c, size_t a, size_t b, bool the, bool cue)
{
	const struct etok *k = &c->t->v[a];
	const char *f = etok_folded(c->t, a);
	bool acro = (k->flags & ETOK_ALLCAP) && k->len <= 6;
	size_t fl = strlen(f);
	/* English inflections are words, not names: "Using", "Rising" */
	bool infl = !the && !cue && fl > 4 &&
	    (strcmp(f + fl - 3, "ing") == 0 ||
	    strcmp(f + fl - 2, "ed") == 0 ||
	    strcmp(f + fl - 2, "ly") == 0);

	if (k->len == 1)
		return true;  /* a letter */
	/* a first name alone, in any case ("Андрея", "Олесю", "Alicia"),
	 * names no organisation */
	if (!acro && !the && !cue && ent_word_is(c, a, ENT_W_GIVEN))
		return true;
	/* German: a compound that names one body ("Bundesamt") */
	if (c->nouns && !cue && ent_class_de_org(c, a, b))
		return true;
	/* French, Spanish: a word of the language alone ("Ambiente",
	 * "Camiseta", "Parité") names no organisation, unless it is an
	 * institution's ("Fiscalía", "Gobierno") */
	if (c->romance && !acro && !cue && ent_word_is(c, a, ENT_W_WORD) &&
	    !ent_word_is(c, a, ENT_W_RORG) && !ent_word_is(c, a, ENT_W_ORG))
		return true;
	/* Polish: a town's case form ("Moskwy" beside "w Moskwie") */
	if (c->openers && !acro && !cue && ent_pl_town_form(c, a))
		return true;
	/* a kind of place alone ("City", "County") names none */
	if (!acro && (ent_word_is(c, a, ENT_W_STOP) ||
	    ent_word_is(c, a, ENT_W_DEMONYM) || infl ||
	    ent_word_is(c, a, ENT_W_KIND) ||
	    (ent_opener(c, a) && !cue && !ent_seen_inside(c, a) &&
	    !ent_opener_speaks(c, a))))
		return true;
	if (!acro && !cue && (ent_region_abbr(c, a) ||
	    ent_phrase_head(c, a) ||
	    (c->english && ent_title_word(c, a)) ||
	    (c->english && ent_list_has(ENT_L_SKY, f)) ||
	    ent_de_quoted(c, a)))
		return true;
	return !cue && (ent_not_name(c, a, acro, the) ||
	    (acro && (ent_model_line(c, k->hash) ||
	    ent_unit(c, k->hash))) ||
	    ent_acro_counted(c, a) || ent_acro_code(c, a) ||
	    ent_code_only(c, a) || ent_code_word(c, a) ||
	    ((c->english || c->nouns) && ent_acro_thing(c, a)) ||
	    ent_acro_de_adj(c, a) ||
	    (c->english && ent_acro_region(c, a)) ||
	    ent_acro_dateline(c, a) || ent_acro_place_code(c, a) ||
	    ent_acro_roman(c, a) || ent_acro_label(c, a) ||
	    (!acro && !c->nouns && ent_lower(c, a)));
}

/* Whether the one word a, no acronym, is a modifier rather than a name:
 * a kind noun, a menu's word, an adjective, and in English a name
 * joined by a hyphen to a lower-case word or suffix ("Bush-era",
 * "Stallman-esque"). */
static bool
ent_one_modifier(struct ent_ctx *c, size_t a, bool the)
{
	return ent_kind_noun(c, a) || (the && ent_the_modifier(c, a)) ||
	    ent_menu_word(c, a) ||
	    (c->english && (ent_adjective(c, a) ||
	    ent_name_adjective(c, a))) ||
	    (c->english && ent_lower_tail(c, a));
}

/* "Russia-US": the word a is places joined by a hyphen, each added as
 * a place; false, and nothing added, when one part is no place. */
static bool
ent_one_places(struct ent_ctx *c, size_t a)
{
	const struct etok *k = &c->t->v[a];
	const char *f = etok_folded(c->t, a);
	char *save = NULL, *part, *dup;
	bool all = true;

	if (memchr(c->s + k->off, '-', k->len) == NULL)
		return false;
	dup = xstrdup(f);
	for (part = strtok_r(dup, "-", &save); part != NULL;
	    part = strtok_r(NULL, "-", &save))
		if (ent_place_in(ent_place_find(part), c->lang) == NULL)
			all = false;
	free(dup);
	if (!all)
		return false;
	dup = xstrdup(f);
	for (part = strtok_r(dup, "-", &save); part != NULL;
	    part = strtok_r(NULL, "-", &save))
		ent_add_place(c, a, a + 1, ent_place_find(part));
	free(dup);
	return true;
}

/* Classes the one word a of a candidate run (b == a + 1). */
static void
ent_class_one(struct ent_ctx *c, size_t a, size_t b, bool the, bool cue)
{
	const struct etok *k = &c->t->v[a];
	bool acro = (k->flags & ETOK_ALLCAP) && k->len <= 6;

	if (ent_one_no_name(c, a, b, the, cue))
		return;
	/* "à Nantes", "en Medellín", "in Seattle", "Missoula (MSO)" in a
	 * list of places' codes: a town the gazetteer lacks */
	if ((c->romance || c->english) && !acro && !the && !cue &&
	    (ent_locative(c, a) || (a + 1 < c->t->n &&
	    c->s[c->t->v[a + 1].off - 1] == '(' &&
	    ent_acro_place_code(c, a + 1)))) {
		ent_add_run(c, a, b, ENT_PLACE, ent_join(c, a, b, false),
		    false, false);
		return;
	}
	if ((!acro && !cue && ent_one_modifier(c, a, the)) ||
	    ent_one_places(c, a))
		return;
	/* an acronym is no one's name, even after a title ("the
	 * Attorney General (NYAG)"); initials there are the person's
	 * given names ("Coach P.J. Fleck") */
	if (cue && acro && ent_initials(c, a, false))
		return;
	if (cue && !acro)
		ent_add_run(c, a, b, ENT_PERSON,
		    ent_join(c, a, b, true), false, true);
	else if (c->nouns && !acro) {
		/* kept only as a known surname ("Merkels": "Merkel") */
		char *gen = ent_de_genitive(c, a, b);

		ent_add_run(c, a, b, ENT_ORG, gen != NULL ? gen :
		    ent_join(c, a, b, false), true, false);
	}
	else if (acro || the)
		ent_add_run(c, a, b, ENT_ORG, ent_join(c, a, b, false),
		    false, false);
	else
		ent_add_run(c, a, b, ENT_ORG, ent_join(c, a, b, false),
		    true, false);
}

/* Whether the folded word f ends as English's -ing forms do (not its
 * -ly: "Sully Erna"). */
static bool
ent_ing(const char *f)
{
	size_t n = strlen(f);

	return n > 4 && strcmp(f + n - 3, "ing") == 0;
}

/* The first word of the run [a, b) past the words in front that open no
 * name: function words ("The", "In"), and at a sentence start those of
 * the other profiled languages ("Le", "Das") and, in German, French and
 * Spanish, words of the language; *the is set when one was "the". */
static size_t
ent_drop_front(struct ent_ctx *c, size_t a, size_t b, bool *the)
{
	bool dropped = false;

	while (a < b) {
		const char *f = etok_folded(c->t, a);
		/* "Der Bürgermeister": after a dropped article the noun is
		 * as good as sentence-initial */
		bool sent = (c->t->v[a].flags & ETOK_SENT) != 0 ||
		    (c->nouns && dropped);
		bool drop = !(c->t->v[a].flags & ETOK_ALLCAP) &&
		    (ent_word_is(c, a, ENT_W_FUNCTION) ||
		    (c->nouns && ent_word_is(c, a, ENT_W_DEDET)) || (sent &&
		    (ent_word_is(c, a, ENT_W_STOP) ||
		    ent_word_is(c, a, ENT_W_LANG))));

		dropped = drop;  /* a function word, not a noun */

		/* where nouns are capitalised, a sentence's first word is
		 * a name only if it is capitalised elsewhere too */
		if (!drop && sent && c->nouns && a + 1 < b &&
		    !ent_seen_inside(c, a) && !ent_word_is(c, a, ENT_W_GIVEN) &&
		    !ent_word_is(c, a, ENT_W_DEROLE) &&
		    (ent_word_is(c, a, ENT_W_WORD) ||
		    ent_word_is(c, a, ENT_W_ENWORD)))
			drop = true;
		/* Polish, which has no dictionary here: a sentence's first
		 * word that is never capitalised inside a sentence
		 * ("Kłopoty Sajfutdinowa", "Zarazem Czechy"); not Russian,
		 * whose given names the list lacks too often ("Динара") */
		if (!drop && sent && c->openers && a + 1 < b &&
		    !ent_seen_inside(c, a) &&
		    !ent_word_is(c, a, ENT_W_GIVEN) &&
		    !ent_word_is(c, a, ENT_W_PLACE) &&
		    !(c->t->v[a].flags & ETOK_ALLCAP))
			drop = true;
		/* English: a verb's -ing form opening a sentence or a
		 * heading ("Putting Ireland first", "Moving AI") */
		if (!drop && sent && c->english && a + 1 < b &&
		    ent_word_is(c, a, ENT_W_ENWORD) &&
		    !ent_word_is(c, a, ENT_W_GIVEN) &&
		    !ent_seen_inside(c, a) && ent_ing(f))
			drop = true;
		/* French, Spanish: a word of the language opening a
		 * sentence ("Selon Mediapart", "Durante ...") */
		if (!drop && sent && c->romance && a + 1 < b &&
		    ent_word_is(c, a, ENT_W_WORD) &&
		    !ent_word_is(c, a, ENT_W_GIVEN) &&
		    !ent_word_is(c, a, ENT_W_RTITLE) &&
		    !ent_word_is(c, a, ENT_W_RORG) &&
		    !ent_word_is(c, a, ENT_W_RSITE))
			drop = true;

		if (drop && strcmp(f, "the") == 0)
			*the = true;
		if (!drop)
			break;
		a++;
	}
	return a;
}

/* Whether word i is a word of a people as English writes it: shaped as
 * one, and the name of a language ("Chinese", "French") or a word the
 * dictionary counts ("Americans", "Italians"); not a surname so shaped
 * ("Parajuli", "Costigans"). */
static bool
ent_people_word(struct ent_ctx *c, size_t i)
{
	const char *f = etok_folded(c->t, i);

	return ent_word_is(c, i, ENT_W_DEMONYM) && (ent_lang_name(f) ||
	    ent_dict_word("kind", c->t->v[i].hash));
}

/* Whether the English run [a, b), that no given name opens, holds a
 * word of a people ("American Buttercream Frosting", "Chinese Han",
 * "Native American", "Isleta Indian"): an adjective of a people, a
 * dish's, a language's or a group's name, no one's. */
static bool
ent_demonym_phrase(struct ent_ctx *c, size_t a, size_t b)
{
	size_t i;

	if (ent_word_is(c, a, ENT_W_GIVEN))
		return false;
	for (i = a; i < b && !ent_people_word(c, i); i++)
		;
	return i < b;
}

/* Whether word a, opening an English run, is a definite article of
 * Spanish or German ("El Paso", "El Niño", "Das Buch"): the run is a
 * place's, a thing's or a title's name in that language, no one's (a
 * name's particles, "De", "Van", "Le", are not articles here). */
static bool
ent_foreign_article(struct ent_ctx *c, size_t a)
{
	static const char *const art[] = {
		"das", "der", "el", "las", "los",
	};

	return ETOK_FIND(etok_folded(c->t, a), art);
}

/* Whether word a, opening the run [a, b) of two words, is an English
 * adjective by its shape: a lower-case word of the dictionary that it
 * never writes capitalised (no name: "Clement", "Olive" are), no given
 * name, one capital then lower-case letters, ending as adjectives do
 * (-al, -ar, -ent, -ive, -ous, -ful, -able, -ible: "Recent Samsung",
 * "Popular Cobh", "Rival Lowe's") and opening a sentence or a heading:
 * capitalised by its place alone. Not before initials or an acronym (a
 * cited author, "Shear NH"), nor after a determiner (the count-noun
 * rule's: "a Virtual Interventional Radiologist"), nor before a number
 * (a title's, "Mortal Kombat 11"). */
static bool
ent_adj_head(struct ent_ctx *c, size_t a, size_t b)
{
	static const char *const suf[] = {
		"able", "al", "ar", "ent", "ful", "ible", "ive", "ous",
	};
	const char *f = etok_folded(c->t, a);
	const char *w = c->s + c->t->v[a].off;
	size_t l = strlen(f), i, k;

	if (l < 5 || l != c->t->v[a].len || !ent_word_is(c, a, ENT_W_ENWORD) ||
	    ent_word_is(c, a, ENT_W_GIVEN) ||
	    ent_dict_word("encap", c->t->v[a].hash) ||
	    (c->t->v[b - 1].flags & ETOK_ALLCAP) ||
	    (a > 0 && ent_word_is(c, a - 1, ENT_W_DET)) ||
	    (b < c->t->n && (c->t->v[b].flags & ETOK_NUM)) ||
	    !((c->t->v[a].flags & ETOK_SENT) ||
	    (c->heading != NULL && c->heading[a])))
		return false;
	for (i = 1; i < l; i++)
		if (w[i] < 'a' || w[i] > 'z')
			return false;
	for (i = 0; i < sizeof(suf) / sizeof(suf[0]); i++) {
		k = strlen(suf[i]);
		if (strcmp(f + l - k, suf[i]) == 0)
			return true;
	}
	return false;
}

/* Whether the last word of the run [a, b) is a word the English
 * dictionary never writes capitalised ("Project", "Infirmary",
 * "Express", "State"; "Cook", "Glass", "Gates" are names too): no
 * one's surname, unless the run opens with a place ("Manchester
 * United", a club) or the text writes the word before "said" or "says"
 * ("Abed said": a name the dictionary lacks as one). */
static bool
ent_never_name(struct ent_ctx *c, size_t a, size_t b)
{
	const char *f = etok_folded(c->t, b - 1);
	size_t l = strlen(f);

	/* a plural ("Sowers") and an adjective's -less or -ly
	 * ("Lawless", "Lovely") make surnames */
	/* a first word the dictionary lacks is as often a given name the
	 * list lacks ("Deion Bower", "Tanaka Comer") */
	if (!ent_word_is(c, a, ENT_W_ENWORD) &&
	    !ent_dict_word("encap", c->t->v[a].hash))
		return false;
	if (l < 4 || f[l - 1] == 's' || strcmp(f + l - 2, "ly") == 0 ||
	    strcmp(f + l - 4, "less") == 0 ||
	    ent_dict_word("encap", c->t->v[b - 1].hash) ||
	    ent_place_of(c, a, a + 1) != NULL ||
	    ent_name_speaks(c, b - 1, false))
		return false;
	/* a title before the name anywhere ("Dr. Sherine Abed") */
	return !ent_name_titled(c, a);
}

/* Classes the run [a, b) of two or more words that no other rule took:
 * a person ("Mike Glass", "Tim Cook"), unless English writes all its
 * words in lower case and the first is no given name. Such a run is a
 * title-case phrase ("Saturated Fat", "Civil War"), kept only so that
 * its words alone resolve to it, or, where its last word heads a body's
 * name, that body ("Amnesty International", "Federal Reserve"). */
static void
ent_class_words(struct ent_ctx *c, size_t a, size_t b, bool cue)
{
	size_t i, n = c->n;
	bool phrase;

	for (i = a; i < b && !cue && ent_word_is(c, i, ENT_W_ENWORD); i++)
		;
	phrase = i == b && !ent_word_is(c, a, ENT_W_GIVEN);
	/* English: words of the language before a given name and a word
	 * more are no part of the name ("Superintendent Robert Runcie",
	 * "Copy Natalie Portman") */
	if (!phrase && c->english && i > a && i + 1 < b &&
	    !ent_word_is(c, a, ENT_W_GIVEN) &&
	    ent_word_is(c, i, ENT_W_GIVEN)) {
		ent_class(c, i, b, false, cue);
		return;
	}
	/* English: a word that is no given name before a given name of
	 * no other use and a word more is a role's ("Taoiseach Micheal
	 * Martin", "Defenseman Jonas Brodin", "Chief Executive Carrie
	 * Lam"), as the words of the language above */
	if (c->english && b - a >= 3 &&
	    !ent_word_is(c, a, ENT_W_GIVEN) &&
	    ent_word_is(c, a + 1, ENT_W_GIVEN) &&
	    !ent_word_is(c, a + 1, ENT_W_ENWORD)) {
		ent_class(c, a + 1, b, false, cue);
		return;
	}
	/* Polish, which has no dictionary here: any words before a given
	 * name and a word more, as in Cyrillic ("Lewicy Borys Budka", a
	 * party's genitive before its leader) */
	for (i = a; c->openers && i + 1 < b &&
	    !ent_word_is(c, i, ENT_W_GIVEN); i++)
		;
	if (c->openers && i > a && i + 1 < b) {
		ent_class(c, i, b, false, cue);
		return;
	}
	if (!phrase && c->english && !cue &&
	    (ent_demonym_phrase(c, a, b) || ent_foreign_article(c, a)))
		phrase = true;
	/* English: an acronym of a thing one counts ending it ("TV",
	 * "PC", "AI": "TVs" in the dictionary) names a product or a
	 * heading's phrase, no one ("Samsung TV", "Best Gaming PC") */
	if (!phrase && c->english && !cue &&
	    !ent_word_is(c, a, ENT_W_GIVEN) &&
	    (c->t->v[b - 1].flags & ETOK_ALLCAP) &&
	    ent_dict_word("acronoun", c->t->v[b - 1].hash))
		return;
	/* English: a run that no given name opens and that ends with a
	 * word of the language the text also writes in lower case, no
	 * function word ("Liu He") nor an initial ("Wong A"): a common
	 * noun's phrase, no one's name ("Costigans Pub", "Rearview
	 * Town", "Swiss Meringue Frosting") */
	if (!phrase && c->english && !cue &&
	    !ent_word_is(c, a, ENT_W_GIVEN) &&
	    c->t->v[b - 1].len >= 3 &&
	    !(c->t->v[b - 1].flags & ETOK_ALLCAP) &&
	    ent_word_is(c, b - 1, ENT_W_ENWORD) &&
	    !ent_word_is(c, b - 1, ENT_W_STOP) &&
	    !ent_word_is(c, b - 1, ENT_W_FUNCTION) &&
	    !ent_word_is(c, b - 1, ENT_W_LANG) && (ent_lower(c, b - 1) ||
	    ent_never_name(c, a, b)))
		phrase = true;
	if (phrase && ent_list_has(ENT_L_ORG_END, etok_folded(c->t, b - 1))) {
		ent_add_run(c, a, b, ENT_ORG, ent_join(c, a, b, false), false,
		    false);
		return;
	}
	/* English: a word of the language shaped as an adjective opening
	 * a person's run is no part of the name ("Recent Samsung",
	 * "Rival Lowe's", "Popular Cobh") */
	if (!phrase && !cue && c->english && b == a + 2 &&
	    ent_adj_head(c, a, b)) {
		ent_class(c, a + 1, b, false, cue);
		return;
	}
	ent_add_run(c, a, b, ENT_PERSON, ent_join(c, a, b, true), false,
	    true);
	/* English: a planet's or a moon's name in a run that no given
	 * name opens names a craft or a mission ("Galileo Jupiter
	 * probe", "Europa Clipper"), no one ("Bruno Mars" is); kept as
	 * a phrase so that "Clipper" alone is its */
	for (i = a; i < b && c->english && !cue &&
	    !ent_word_is(c, a, ENT_W_GIVEN) &&
	    !ent_list_has(ENT_L_SKY, etok_folded(c->t, i)); i++)
		;
	if (i < b && c->english && !cue &&
	    !ent_word_is(c, a, ENT_W_GIVEN))
		phrase = true;
	if (c->n > n)
		c->runs[n].phrase = phrase;
}

/* Whether the run of word a and a place after it is a region of that
 * place, added here: English's points of the compass before it
 * ("Eastern Europe", "Southern California"). */
static bool
ent_class_region(struct ent_ctx *c, size_t a)
{
	static const char *const compass[] = {
		"central", "east", "eastern", "north", "northern", "south",
		"southern", "west", "western",
	};

	if (!c->english || !ETOK_FIND(etok_folded(c->t, a), compass) ||
	    ent_place_of(c, a + 1, a + 2) == NULL)
		return false;
	ent_add_run(c, a, a + 2, ENT_PLACE, ent_join(c, a, a + 2, false),
	    false, false);
	return true;
}

/* Whether the run [a, b) is one of capitals, handled here: three words
 * or more of shouting ("CLICK HERE TO TURN ON NOTIFICATIONS") are no
 * name; words in capitals before a name of two words or more are a
 * label's ("ZOBACZ WIDEO Bartosz Zmarzlik", "WATCH NOW Jane Doe"), but
 * for a body's ("PUBLIC VOICE Lab Verein"). */
static bool
ent_class_caps(struct ent_ctx *c, size_t a, size_t b, bool cue)
{
	size_t i, p;

	for (i = a; i < b && (c->t->v[i].flags & ETOK_ALLCAP); i++)
		;
	if (i == b && b - a >= 3)
		return true;
	if (i >= a + 2 && i + 1 < b && ent_place_of(c, a, i) == NULL) {
		for (p = i; p < b && !ent_word_is(c, p, ENT_W_ORG) &&
		    !(c->nouns && ent_word_is(c, p, ENT_W_DEORG)) &&
		    !(c->romance && ent_word_is(c, p, ENT_W_RORG)); p++)
			;
		if (p == b) {
			ent_class(c, i, b, false, cue);
			return true;
		}
	}
	return false;
}

/* Whether word i is a cited author's initials: one to three capitals
 * ("J", "SP"). */
static bool
ent_cite_initials(const struct ent_ctx *c, size_t i)
{
	const struct etok *k = &c->t->v[i];

	return k->len <= 3 && strspn(c->s + k->off,
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == k->len;
}

/* Whether word a opens a numbered list's item: a line of its own
 * before it holds the item's number and a dot ("63.", a reference
 * list's). */
static bool
ent_numbered_item(const struct ent_ctx *c, size_t a)
{
	const struct etok *p;
	size_t o;

	if (a == 0 || !((p = &c->t->v[a - 1])->flags & ETOK_NUM) ||
	    (p->off > 0 && c->s[p->off - 1] != '\n'))
		return false;
	o = p->off + p->len;
	if (c->s[o++] != '.' || c->s[o] != '\n')
		return false;
	while (o < c->t->v[a].off && c->s[o] == '\n')
		o++;
	return o == c->t->v[a].off;
}

/* Whether word a and the initials after it are an author of a
 * reference list written as Vancouver's style writes it, after another
 * so written and a comma ("Wozel G, Schmitt J. Hypersensitivity
 * reactions") or alone at a numbered item's start ("63. Vahid B. What
 * caused"): the words after the initials are the title's. */
static bool
ent_cited_author(const struct ent_ctx *c, size_t a)
{
	const struct etok *p;
	size_t o;

	if (!ent_cite_initials(c, a + 1))
		return false;
	p = &c->t->v[a + 1];
	if (ent_numbered_item(c, a) && c->s[p->off + p->len] == '.')
		return true;
	if (a < 2 || !ent_cite_initials(c, a - 1) ||
	    !(c->t->v[a - 2].flags & ETOK_CAP))
		return false;
	p = &c->t->v[a - 1];
	o = p->off + p->len;
	return c->t->v[a].off == o + 2 && c->s[o] == ',' &&
	    c->s[o + 1] == ' ';
}

/* Whether the folded word f heads a body's name in English ("club"). */
static bool
ent_org_word(const char *f)
{
	return ent_list_has(ENT_L_ORG, f);
}

/* German: whether word i, the last of a run from word a after "des" or
 * "eines", is a body's word in the genitive ("des Augusta National
 * Clubs"); the plural's -s is no such word ("der Freien Radios"). */
static bool
ent_de_org_genitive(const struct ent_ctx *c, size_t a, size_t i)
{
	const char *art;

	if (!c->nouns || a == 0 || c->t->v[a - 1].sent != c->t->v[a].sent)
		return false;
	art = etok_folded(c->t, a - 1);
	return (strcmp(art, "des") == 0 || strcmp(art, "eines") == 0) &&
	    ent_de_genitive_is(etok_folded(c->t, i), ent_org_word);
}

/* Whether the words [a, b), two or more, are the name of a person the
 * text named before them. */
static bool
ent_person_before(const struct ent_ctx *c, size_t a, size_t b)
{
	char *name;
	size_t i;
	bool r = false;

	if (b - a < 2)
		return false;
	name = ent_join(c, a, b, false);
	for (i = 0; i < c->n && !r; i++)
		r = c->runs[i].kind == ENT_PERSON &&
		    strcmp(c->runs[i].name, name) == 0;
	free(name);
	return r;
}

/* Whether the run [a, b) of two words or more opens with an acronym of
 * three letters or more (not a Roman numeral; of two, below), handled
 * here: no
 * person's name holds one. Before a given name, or before a person the
 * text named before, it is a body of its own ("PSL Władysław
 * Kosiniak-Kamysz", "beschreibt das FBI Hillary Clinton als"); else,
 * in a language that does not capitalise its nouns, the run is a
 * body's, a title's or a product's name ("BMJ Case Reports", "STX
 * France", "IBM Watson", "USB Micro-B"), which the words alone do not
 * tell apart: no name. (German's other such runs have rules of their
 * own: round 16 found its acronyms before a given name as often a
 * club's or a firm's, "TSV", "HTC".) */
static bool
ent_class_acronym_first(struct ent_ctx *c, size_t a, size_t b, bool cue)
{
	const struct etok *k = &c->t->v[a];
	bool known;

	if (!(k->flags & ETOK_ALLCAP) || k->len < 2 ||
	    strspn(c->s + k->off, "IVXL") == k->len ||
	    (c->ginit != NULL && c->ginit[a]))  /* "P.J. Fleck" */
		return false;
	known = ent_person_before(c, a + 1, b);
	/* two letters are a name's initials too ("TJ Watt"), but not
	 * before two words or more, none a given name: a body's name or
	 * a product's that opens with a code ("RM Solar Falubaz Zielona
	 * Góra", a sponsor's before a club's; "EA Sports Trax"), no
	 * person's; which, the words do not tell */
	if (k->len == 2)
		return b - a >= 3 && !c->nouns && !known &&
		    !ent_word_is(c, a + 1, ENT_W_GIVEN);
	if (c->nouns && !known)
		return false;
	if (known || (ent_word_is(c, a + 1, ENT_W_GIVEN) &&
	    !(c->t->v[a + 1].flags & ETOK_ALLCAP))) {
		ent_class(c, a, a + 1, false, false);
		ent_class(c, a + 1, b, false, cue);
	}
	return true;
}

/* Whether the run [a, b) may open with a place: its first word opens a
 * place's name, or is one written with an abbreviation's dots ("U.S.
 * Treasury"; but "U.S. Virgin Islands" is one place, by its kind). */
static bool
ent_place_lead(struct ent_ctx *c, size_t a, size_t b)
{
	return ent_word_is(c, a, ENT_W_PSTART) ||
	    (ent_place_of(c, a, a + 1) != NULL &&
	    !ent_word_is(c, b - 1, ENT_W_KIND));
}

/* The texts and runs the word rules below do not read: Chinese,
 * Japanese, Korean, Thai, where the Latin words of a text are as often
 * titles ("My Space", "Do Believe") as names, so only places and
 * acronyms are taken and the rest stays empty; scripts the rules do not
 * read; runs in capitals. Whether [a, b) was one of them. */
static bool
ent_class_apart(struct ent_ctx *c, size_t a, size_t b, bool cue)
{
	if (c->caseless) {
		ent_class_caseless(c, a, b);
		return true;
	}
	if (c->unread) {
		ent_class_unread(c, a, b);
		return true;
	}
	return ent_class_caps(c, a, b, cue);
}

/* The last title's word of [a, b) ("Minister"), b for none; *org tells
 * whether a word of an organisation stands in the run. */
static size_t
ent_last_title(struct ent_ctx *c, size_t a, size_t b, bool *org)
{
	size_t i, last_title = b;

	*org = false;
	for (i = a; i < b; i++) {
		if (ent_word_is(c, i, ENT_W_TITLE) || (c->romance &&
		    ent_word_is(c, i, ENT_W_RTITLE))) {
			/* "Fiscalía General": in French and Spanish a
			 * title after an organisation's word is its
			 * part */
			if (!*org || !c->romance)
				last_title = i;
		} else if (ent_word_is(c, i, ENT_W_ORG) || (c->romance &&
		    ent_word_is(c, i, ENT_W_RORG)) ||
		    (i + 1 == b && ent_de_org_genitive(c, a, i))) {
			*org = true;
		}
	}
	return last_title;
}

/* A run with an organisation's word and no title is the organisation. */
static void
ent_class_org(struct ent_ctx *c, size_t a, size_t b, bool the)
{
	/* a body's word alone that a dictionary knows is a common noun
	 * ("Police have", "das Team", "im Radio"), but after "the" ("the
	 * Senate"); "Reuters" is a name */
	if (b == a + 1 && !the && ent_word_is(c, a, ENT_W_ORG) &&
	    ent_plain_noun(c, a))
		return;
	/* "des Augusta National Clubs": "Augusta National Club" */
	ent_add_run(c, a, b, ENT_ORG, c->nouns ?
	    ent_de_org_name(c, a, b, true) : ent_join(c, a, b, false),
	    false, false);
}

/* The longest leading part of [a, b) that is a place: "United States
 * Sergey Kislyak". Whether the run was classed. */
static bool
ent_class_place_first(struct ent_ctx *c, size_t a, size_t b, bool cue)
{
	const struct ent_place *pl;
	size_t p;

	for (p = (b - a >= 2 && ent_place_lead(c, a, b)) ? b - 1 : a; p > a;
	    p--) {
		pl = ent_place_of(c, a, p);
		if (pl != NULL && p + 1 == b &&
		    (ent_word_is(c, p, ENT_W_KIND) ||
		    ent_word_is(c, p, ENT_W_SITE))) {
			/* "New York City", "Washington Street": one
			 * place */
			ent_add_run(c, a, b, ENT_PLACE,
			    ent_join(c, a, b, false), false, false);
			return true;
		}
		/* a place that is a given name too, before one more word,
		 * is the name: "Jordan Henderson", "Chad Wolf"; in French
		 * and Spanish, which put a preposition before a place, any
		 * place: "Francia Márquez" */
		if (pl != NULL && p == a + 1 && p + 1 == b && !cue &&
		    !(c->t->v[a].flags & ETOK_ALLCAP) &&
		    (c->romance || ent_word_is(c, a, ENT_W_GIVEN)) &&
		    !ent_word_is(c, p, ENT_W_PLACE))
			return false;
		if (pl != NULL) {
			ent_add_place(c, a, p, pl);
			if (cue || !ent_place_thing(c, a, p, b))
				ent_class(c, p, b, false, cue);
			return true;
		}
	}
	return false;
}

/* Cyrillic, two words or more: a case form of a place before a name
 * ("России Дмитрий Песков") is the place, and the words before a given
 * name are no part of the name ("Пресс-секретарь Дмитрий Песков": *a
 * moves to the given name). Whether the run was classed. */
static bool
ent_class_cyrillic(struct ent_ctx *c, size_t *a, size_t b, bool cue)
{
	size_t p;

	if (ent_word_is(c, *a, ENT_W_PLACE)) {
		ent_add_place(c, *a, *a + 1, ent_place_of(c, *a, *a + 1));
		ent_class(c, *a + 1, b, false, cue);
		return true;
	}
	for (p = *a + 1; p + 1 < b && !ent_word_is(c, p, ENT_W_GIVEN); p++)
		;
	if (p + 1 < b)
		*a = p;
	return false;
}

/* Whether every word of [a, b) is in capitals. */
static bool
ent_all_caps(const struct ent_ctx *c, size_t a, size_t b)
{
	size_t i;

	for (i = a; i < b && (c->t->v[i].flags & ETOK_ALLCAP); i++)
		;
	return i == b;
}

/* Polish: a run with a body's head word in any case ("Koalicji
 * Obywatelskiej", "Głównego Urzędu Statystycznego") is the body.
 * Whether it was. */
static bool
ent_class_pl_org(struct ent_ctx *c, size_t a, size_t b)
{
	size_t i;

	for (i = a; i < b && !ent_pl_org(etok_folded(c->t, i)); i++)
		;
	if (i == b)
		return false;
	ent_add_run(c, a, b, ENT_ORG, ent_join(c, a, b, false), false, false);
	return true;
}

/* A run of two words or more in a language with rules of its own
 * (German's nouns, French and Spanish, Polish's bodies). Whether it was
 * classed. */
static bool
ent_class_lang(struct ent_ctx *c, size_t a, size_t b)
{
	if (c->nouns) {
		if (!ent_class_de_org(c, a, b))
			ent_class_nouns(c, a, b);
		return true;
	}
	if (c->romance) {
		ent_class_romance(c, a, b);
		return true;
	}
	return c->openers && ent_class_pl_org(c, a, b);
}

/* The run [a, b) that no rule above took: a region's two words, a
 * reference list's author (the title's first word joined on), a name's
 * words, one word. */
static void
ent_class_rest(struct ent_ctx *c, size_t a, size_t b, bool the, bool cue)
{
	if (b - a == 2 && !cue && ent_class_region(c, a))
		return;
	if (b - a >= 3 && !cue && ent_cited_author(c, a))
		b = a + 2;
	if (b - a >= 2)
		ent_class_words(c, a, b, cue);
	else
		ent_class_one(c, a, b, the, cue);
}

/* Classes the words [a, b) of one candidate run. */
void
ent_class(struct ent_ctx *c, size_t a, size_t b, bool the, bool cue)
{
	const struct ent_place *pl;
	size_t last_title;
	bool org;

	a = ent_drop_front(c, a, b, &the);
	if (a >= b || ent_journal(c, b))
		return;
	pl = ent_place_of(c, a, b);
	if (pl != NULL) {
		ent_add_place(c, a, b, pl);
		return;
	}
	if (ent_class_apart(c, a, b, cue))
		return;
	last_title = ent_last_title(c, a, b, &org);
	if (org && last_title == b) {
		ent_class_org(c, a, b, the);
		return;
	}
	if (last_title != b) {
		if (last_title + 1 >= b)
			return;  /* a role: "National Security Adviser" */
		a = last_title + 1;
		cue = true;
	}
	if (ent_class_place_first(c, a, b, cue))
		return;
	if (b - a >= 2 && ent_cyrillic(c, a) &&
	    ent_class_cyrillic(c, &a, b, cue))
		return;
	/* a dateline's "SAN FRANCISCO": two words in capitals are style,
	 * not a person's name (a place or an acronym in front, "US EPA",
	 * is found above) */
	if (b - a >= 2 && ent_all_caps(c, a, b))
		return;
	if (ent_shaped_place(c, a, b, cue))
		return;
	if (b - a >= 2 && (ent_class_acronym_first(c, a, b, cue) ||
	    ent_class_lang(c, a, b)))
		return;
	ent_class_rest(c, a, b, the, cue);
}
