/* Direct quotations and their speakers.
 *
 * A quotation is the text between an opening mark and its closing mark
 * within a paragraph: "…", “…”, ‘…’ (a ’ followed by a letter is an
 * apostrophe), «…», ‹…›, „…“, „…”, 「…」 or 『…』 (a „…“ inside a
 * „…“ is a part of it). An opening
 * mark with no close in its paragraph runs to the paragraph's end and,
 * when the next paragraph opens with a quotation mark (the convention for
 * a quotation over several paragraphs), on through that paragraph's quotation. Quotations of fewer
 * than QUOTE_MIN_WORDS words are scare quotes or titles and are skipped.
 *
 * The speaker is looked for, in order:
 *  1. after the quotation, up to the end of its sentence: "…," X said /
 *     said X / X told reporters / X added / X wrote / he added — the
 *     person named nearest before the speech verb, or the first after it;
 *  2. before it, in its sentence: X said: "…" / according to X, "…" / X
 *     wrote that "…";
 *  3. a quotation with no verb of its own continues the previous one in
 *     its paragraph, or belongs to the person named first in the sentence
 *     before; but one that ends a sentence whose words before it name
 *     someone is that sentence's: its speaker is the person who opens
 *     it, or no one (quote_subject()).
 * "he", "she" resolve to the last person quoted (or, for the first quote
 * or where that person is the one told, "he told Cook", the first person
 * of the sentence before); "the newspaper", "the agency"
 * to the last organisation quoted. Names are the fullest forms found by
 * ent_extract(). Verbs and pronouns are English, with the commonest
 * speech verbs and pronouns of German, French, Spanish, Italian,
 * Portuguese, Polish, Russian and Ukrainian (French "il" in French text
 * only: Italian's article; a Polish, Russian or Ukrainian verb that
 * names no one, "– dodał", "— сказал он", is the pronoun's); the
 * word-order cues are English, but for French's verb inverted with its
 * pronoun after a quotation ("« ... », poursuit-il") and German's "so"
 * after one ("„...“, so Müller"; "so die Präsidentin": the speaker of
 * the quotation before). A clause that names no one ("warnt jemand",
 * "heißt es") gives none, and so does a text mostly in scripts these
 * rules cannot read (right to left, or without spaces) or in a language
 * whose speech they do not know (ent_lang_read()). */
#include "enrich_int.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "../article.h"

#define QUOTE_MIN_WORDS 4
#define QUOTE_TAIL_WORDS 14
/* quote_speaker()'s answer for a quotation that is no one's speech */
#define QUOTE_NO_ONE (-3)

struct quote_span {
	size_t os;      /* opening mark */
	size_t oe;      /* just after the closing mark (or paragraph end) */
	char *text;
};

struct quote_list {
	struct quote_span *v;
	size_t n, cap;
	size_t len;     /* strlen() of the text */
};

/* Speech verbs of the profiled languages, and the words for "according
 * to" (laut, selon, según, secondo, segundo, zufolge, według, "по
 * словам", "за словами"): Russian, Ukrainian and Polish in the past
 * tense's masculine and feminine ("сказал", "сказала", "powiedział"). */
static const char *const quote_verbs[] = {
	"according", "acknowledged", "added", "adds", "admitted", "affirmé",
	"afirmou", "afirmó", "ajouté", "announced", "answered", "antwortet",
	"antwortete", "argued", "asked", "asks", "añadió", "berichtet",
	"berichtete", "betont", "betonte", "cited", "claimed", "commented",
	"concluded", "confirmed", "continued", "declared", "declaró", "denied",
	"detto", "dichiarato", "dijo", "disse", "dit", "dodał", "dodała",
	"déclaré", "emphasised", "emphasized", "ergänzt", "ergänzte",
	"erklärt", "erklärte", "erläutert", "erläuterte", "erzählt",
	"erzählte", "escribió", "explained", "explicó", "explique", "expliqué",
	"fragt", "fragte", "fügte", "insisted", "kommentiert", "kommentierte",
	"laut", "meint", "meinte", "mówi", "mówił", "mówiła", "napisał",
	"napisała", "noted", "notes", "observed", "ocenił", "oceniła",
	"odpowiedział", "odpowiedziała", "podkreślił", "podkreśliła",
	"poinformował", "poinformowała", "pointed", "posted", "powiedział",
	"powiedziała", "przyznał", "przyznała", "quoted", "quoting",
	"recalled", "remarked", "replied", "reported", "responded", "sagt",
	"sagte", "said", "say", "saying", "says", "schildert", "schilderte",
	"schreibt", "schrieb", "secondo", "segundo", "según", "selon",
	"señaló", "spiegato", "stated", "states", "stressed", "stwierdził",
	"stwierdziła", "suggested", "tells", "told", "tweeted", "twierdzi",
	"verkündet", "verkündete", "warned", "warnt", "warnte", "według",
	"writes", "wrote", "wyjaśnił", "wyjaśniła", "zaznaczył", "zaznaczyła",
	"zufolge", "écrit", "відповів", "відповіла", "добавил", "добавила",
	"додав", "додала", "зазначив", "зазначила", "заявив", "заявил",
	"заявила", "наголосив", "наголосила", "написав", "написал", "написала",
	"ответил", "ответила", "отметил", "отметила", "повідомив",
	"повідомила", "подчеркнул", "подчеркнула", "пояснив", "пояснил",
	"пояснила", "призналась", "признался", "рассказал", "рассказала",
	"розповів", "розповіла", "сказав", "сказал", "сказала", "словам",
	"словами", "сообщил", "сообщила", "уточнил", "уточнила",
};

static const char *const quote_according[] = {
	"according", "laut", "secondo", "segundo", "según", "selon",
	"według", "zufolge", "словам", "словами",
};

static const char *const quote_pronouns[] = {
	"ella", "elle", "er", "he", "lei", "lui", "she", "sie", "él", "вона",
	"він", "он", "она",
};

/* Indefinite pronouns: a speaker no one names ("„...“, warnt jemand
 * im Chat", "so einer der Kunden"). */
static const char *const quote_indefinite[] = {
	"einer", "jemand", "man", "niemand", "somebody", "someone",
};

static const char *const quote_org_nouns[] = {
	"agency", "broadcaster", "channel", "committee", "company", "daily",
	"department", "magazine", "ministry", "newspaper", "office",
	"outlet", "paper", "report", "statement", "website",
};

bool
quote_tables_sorted(void)
{
	return ETOK_SORTED(quote_verbs) && ETOK_SORTED(quote_org_nouns) &&
	    ETOK_SORTED(quote_according) && ETOK_SORTED(quote_pronouns) &&
	    ETOK_SORTED(quote_indefinite);
}

/* Decodes the code point at s[i] into *c; returns its length. */
static size_t
quote_cp(const char *s, size_t i, int32_t *c)
{
	const unsigned char *u = (const unsigned char *)s + i;

	if (u[0] < 0x80) {
		*c = u[0];
		return 1;
	}
	if ((u[0] & 0xE0) == 0xC0 && u[1]) {
		*c = ((u[0] & 0x1F) << 6) | (u[1] & 0x3F);
		return 2;
	}
	if ((u[0] & 0xF0) == 0xE0 && u[1] && u[2]) {
		*c = ((u[0] & 0x0F) << 12) | ((u[1] & 0x3F) << 6) |
		    (u[2] & 0x3F);
		return 3;
	}
	if ((u[0] & 0xF8) == 0xF0 && u[1] && u[2] && u[3]) {
		*c = ((u[0] & 0x07) << 18) | ((u[1] & 0x3F) << 12) |
		    ((u[2] & 0x3F) << 6) | (u[3] & 0x3F);
		return 4;
	}
	*c = -1;
	return 1;
}

static bool
quote_alnum(int32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c >= 0xC0;
}

/* A letter or digit of any script (a dash or a quotation mark is not). */
static bool
quote_letter(int32_t c)
{
	utf8proc_category_t cat;

	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9');
	cat = utf8proc_category(c);
	return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
	    cat == UTF8PROC_CATEGORY_ND;
}

/* A '"' at s[i] between two letters is no quotation mark: Hebrew's
 * gershayim written with it (צה"ל, ארה"ב), or inches after a digit. */
static bool
quote_inside_word(const char *s, size_t i, int32_t prev)
{
	int32_t next;

	if (s[i] != '"' || !quote_letter(prev))
		return false;
	quote_cp(s, i + 1, &next);
	return quote_letter(next);
}

/* The closing marks for an opening mark c, or 0 if c opens nothing. */
static int
quote_closers(int32_t c, int32_t close[2])
{
	close[1] = 0;
	switch (c) {
	case '"': close[0] = '"'; return 1;
	case 0x201C: close[0] = 0x201D; return 1;   /* “ ” */
	case 0x2018: close[0] = 0x2019; return 1;   /* ‘ ’ */
	case 0xAB: close[0] = 0xBB; return 1;       /* « » */
	case 0x2039: close[0] = 0x203A; return 1;   /* ‹ › */
	case 0x201E: close[0] = 0x201C; close[1] = 0x201D; return 1;  /* „ */
	case 0x300C: close[0] = 0x300D; return 1;   /* 「 」 */
	case 0x300E: close[0] = 0x300F; return 1;   /* 『 』 */
	default: close[0] = 0; return 0;
	}
}

/* Words of s[0..n): runs between spaces, and in scripts written without
 * spaces one word for every two characters (the length of a word of
 * Chinese), so that a quoted term of a few characters stays a scare
 * quote. */
static size_t
quote_words(const char *s, size_t n)
{
	size_t i, w = 0, ns = 0, k;
	bool in = false;
	int32_t c;

	for (i = 0; i < n; i += k) {
		bool a = s[i] != ' ' && s[i] != '\n';

		k = quote_cp(s, i, &c);
		if (etok_nospace(c)) {
			ns++;
			a = false;
		}
		if (a && !in)
			w++;
		in = a;
	}
	return w + ns / 2;
}

/* Finds the quotation opened at s[i] (paragraph ends at pe). Sets *te to
 * the end of its text and *oe past the closing mark; false if unclosed.
 * A quotation inside a „…“, opened by „ again, closes first („Der AG
 * hat unter dem Namen „Landolf Ladig“ ... verfasst“): „ opens only. */
static bool
quote_close(const char *s, size_t i, size_t pe, int32_t open, size_t *te,
    size_t *oe)
{
	int32_t cl[2], c, d, prev = ' ', before;
	size_t k, w, depth = 0;

	quote_closers(open, cl);
	for (k = i; k < pe; k += w) {
		before = prev;
		w = quote_cp(s, k, &c);
		prev = c;
		if (c == 0x201E && open == 0x201E) {
			depth++;
			continue;
		}
		if (c != cl[0] && (cl[1] == 0 || c != cl[1]))
			continue;
		if (c == '"' && quote_inside_word(s, k, before))
			continue;
		if (c == 0x2019 || (c == '"' && open == '"' && k == i)) {
			quote_cp(s, k + w, &d);
			if (c == 0x2019 && quote_alnum(d))
				continue;  /* an apostrophe */
		}
		if (depth > 0) {
			depth--;
			continue;
		}
		*te = k;
		*oe = k + w;
		return true;
	}
	*te = pe;
	*oe = pe;
	return false;
}

/* The end of the paragraph at i: the next blank line. Not strstr(),
 * whose ASan interceptor measures the whole rest of the text at each
 * call: quadratic under ASan (64,000 quotes took over 80 s). */
static size_t
quote_para_end(const char *s, size_t i)
{
	const char *e = s + i;

	while ((e = strchr(e, '\n')) != NULL && e[1] != '\n')
		e++;
	return e ? (size_t)(e - s) : strlen(s);
}

static void
quote_trim_push(struct buf *b, const char *s, size_t n)
{
	while (n > 0 && (*s == ' ' || *s == '\n')) {
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\n' ||
	    s[n - 1] == ','))
		n--;
	if (b->len > 0 && n > 0)
		buf_putc(b, ' ');
	buf_append(b, s, n);
}

/* The first byte of s[j, pe) that is not ASCII or is a '"', or pe:
 * sixteen bytes at a time (SSE2, in every x86-64). */
static size_t
quote_plain_end(const char *s, size_t j, size_t pe)
{
#ifdef __SSE2__
	while (pe - j >= 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(s + j));
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(v,
		    _mm_cmpeq_epi8(v, _mm_set1_epi8('"'))));

		if (m != 0)
			return j + (size_t)__builtin_ctz(m);
		j += 16;
	}
#endif
	while (j < pe && (unsigned char)s[j] < 0x80 && s[j] != '"')
		j++;
	return j;
}

static void
quote_find(const char *s, struct quote_list *q)
{
	size_t n = strlen(s), i = 0, w;

	q->len = n;
	while (i < n) {
		size_t pe = quote_para_end(s, i), te, oe, os;
		int32_t c, prev = ' ', cl[2];
		struct buf t = { 0 };

		while (i < pe) {
			/* ASCII other than '"' opens nothing */
			if ((unsigned char)s[i] < 0x80 && s[i] != '"') {
				i = quote_plain_end(s, i + 1, pe);
				prev = (unsigned char)s[i - 1];
				continue;
			}
			w = quote_cp(s, i, &c);
			if (!quote_closers(c, cl) ||
			    (c == 0x2018 && quote_alnum(prev)) ||
			    quote_inside_word(s, i, prev)) {
				prev = c;
				i += w;
				continue;
			}
			os = i;
			if (!quote_close(s, i + w, pe, c, &te, &oe)) {
				/* Runs over the paragraph end. */
				quote_trim_push(&t, s + i + w, pe - i - w);
				while (pe < n) {
					size_t ns = pe + 2;
					int32_t c2;
					size_t w2 = quote_cp(s, ns, &c2);

					if (!quote_closers(c2, cl))
						break;
					pe = quote_para_end(s, ns);
					if (quote_close(s, ns + w2, pe, c2,
					    &te, &oe)) {
						quote_trim_push(&t, s + ns + w2,
						    te - ns - w2);
						break;
					}
					quote_trim_push(&t, s + ns + w2,
					    pe - ns - w2);
					oe = pe;
				}
			} else {
				quote_trim_push(&t, s + i + w, te - i - w);
			}
			if (t.p != NULL && quote_words(t.p, t.len) >=
			    QUOTE_MIN_WORDS) {
				struct quote_span *sp;

				if (q->n == q->cap) {
					q->cap = q->cap ? q->cap * 2 : 16;
					q->v = xrealloc(q->v,
					    q->cap * sizeof(*q->v));
				}
				sp = &q->v[q->n++];
				sp->os = os;
				sp->oe = oe;
				sp->text = buf_take(&t);
			}
			buf_free(&t);
			i = oe > i ? oe : i + w;
			if (i > pe)
				pe = quote_para_end(s, i);
			prev = '"';
		}
		i = pe + 2;
	}
}

/* Index of the first word at or after byte off. */
static size_t
quote_tok_at(const struct etoks *t, size_t off)
{
	size_t lo = 0, hi = t->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (t->v[mid].off < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Whether etok_is(s, k, w) holds for a word w of l (n words in strcmp()
 * order): the word with its ASCII letters lower-cased is one of them. */
static bool
quote_tok_in(const char *s, const struct etok *k, const char *const *l,
    size_t n)
{
	char low[32];
	size_t i;

	if (k->len >= sizeof(low))
		return false;  /* longer than any word of the lists */
	for (i = 0; i < k->len; i++) {
		char c = s[k->off + i];

		low[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
	}
	low[k->len] = '\0';
	return etok_in(low, l, n);
}

#define QUOTE_TOK_IN(s, k, l) quote_tok_in(s, k, l, sizeof(l) / sizeof(*l))

static bool
quote_inside(const struct quote_list *q, size_t off)
{
	size_t lo = 0, hi = q->n;

	/* quotations are in text order and do not overlap */
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (q->v[mid].os <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo > 0 && off < q->v[lo - 1].oe;
}

/* Index of the first mention starting at or after off (mentions are in
 * text order). */
static size_t
quote_m_at(const struct ent_result *r, size_t off)
{
	size_t lo = 0, hi = r->n_m;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (r->m[mid].start < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The last person (else organisation) mentioned in [a, b), or -1. */
static long
quote_last_named(const struct ent_result *r, const struct quote_list *q,
    size_t a, size_t b, bool first)
{
	long person = -1, org = -1;
	size_t i;

	for (i = quote_m_at(r, a); i < r->n_m && r->m[i].start < b; i++) {
		const struct ent_mention *m = &r->m[i];

		if (m->end > b || quote_inside(q, m->start))
			continue;
		if (m->kind == ENT_PERSON && (person < 0 || !first))
			person = (long)m->name;
		if (m->kind == ENT_ORG && (org < 0 || !first))
			org = (long)m->name;
	}
	return person >= 0 ? person : org;
}

struct quote_state {
	long last_person;   /* name index of the last person quoted */
	long last_org;
	long para_speaker;  /* speaker of the previous quote in the paragraph */
	long prev_speaker;  /* speaker of the previous quote, -1 if none */
	size_t para_start;
	bool fr, de;        /* the text is French, German */
	bool drop;          /* Polish, Russian or Ukrainian: a speech verb
	                       goes without its subject ("– dodał") or
	                       with a pronoun after it ("— сказал он") */
};

static void
quote_note(const struct ent_result *r, struct quote_state *st, long sp)
{
	if (sp < 0)
		return;
	if (r->kinds[sp] == ENT_PERSON)
		st->last_person = sp;
	else
		st->last_org = sp;
}

/* The first person named in the sentence before the one at off. */
static long
quote_sentence_before(const struct ent_result *r, const struct quote_list *q,
    size_t off)
{
	size_t k = quote_tok_at(&r->toks, off), i;
	int sent;

	if (k >= r->toks.n || r->toks.v[k].sent == 0)
		return -1;
	sent = r->toks.v[k].sent - 1;
	{
		/* the first mention of that sentence (mentions are in
		 * sentence order too) */
		size_t lo = 0, hi = r->n_m;

		while (lo < hi) {
			size_t mid = (lo + hi) / 2;

			if (r->m[mid].sent < sent)
				lo = mid + 1;
			else
				hi = mid;
		}
		i = lo;
	}
	for (; i < r->n_m && r->m[i].sent == sent; i++)
		if (r->m[i].kind == ENT_PERSON &&
		    !quote_inside(q, r->m[i].start))
			return (long)r->m[i].name;
	return -1;
}

/* Whether word k, in lower case, comes after a comma or a question's or
 * exclamation's closing mark: right after a quotation, the start of
 * its attribution ("« ... », poursuit-il", "„...?“ so Müller"), not a
 * sentence of its own ("« ... » serait-il à l'œuvre ?"). */
static bool
quote_after_comma(const char *s, const struct etok *k)
{
	size_t p = k->off;

	if (k->flags & (ETOK_CAP | ETOK_ALLCAP))
		return false;  /* "» Faut-il ...": a sentence of its own */
	/* back over spaces and closing marks */
	while (p > 0 && (s[p - 1] == ' ' || s[p - 1] == '"' ||
	    (unsigned char)s[p - 1] >= 0x80))
		p--;
	return p > 0 && (s[p - 1] == ',' || s[p - 1] == '?' ||
	    s[p - 1] == '!');
}

/* Whether word k is a French verb inverted with its subject pronoun
 * ("dit-il", "explique-t-elle", "a-t-il"). */
static bool
quote_fr_inverted(const char *s, const struct etok *k)
{
	const char *w = s + k->off;
	size_t n = k->len;

	return (n > 3 && memcmp(w + n - 3, "-il", 3) == 0) ||
	    (n > 5 && memcmp(w + n - 5, "-elle", 5) == 0);
}

/* The person "he" or "she" of a clause after a quotation is: the last
 * person quoted, but where the person named after the speech verb v is
 * that one ("he told Cook"), -1 (then the person of the sentence
 * before). */
static long
quote_pronoun(const struct ent_result *r, const struct quote_list *q,
    const struct quote_state *st, size_t v, size_t b)
{
	return v + 1 < b && quote_last_named(r, q, r->toks.v[v + 1].off,
	    r->toks.v[b - 1].off + r->toks.v[b - 1].len, true) ==
	    st->last_person ? -1 : st->last_person;
}

/* German "so" after a quotation with no name after it ("so der CEO",
 * "so die neue Präsidentin") stands for the speaker of the quotation
 * before, if a person: a pronoun reaches no further. Where that one has
 * no speaker ("so der 15-malige Major-Sieger" two paragraphs after the
 * last person quoted), the clause names no one (QUOTE_NO_ONE). */
static long
quote_de_so(const struct ent_result *r, const struct quote_state *st)
{
	if (st->prev_speaker >= 0 && st->prev_speaker == st->last_person &&
	    r->kinds[st->prev_speaker] == ENT_PERSON)
		return st->last_person;
	return QUOTE_NO_ONE;
}

/* The speaker in words [a, b) holding a speech verb, -2 if none, or
 * QUOTE_NO_ONE where the clause names no one: an indefinite pronoun
 * after the verb ("warnt jemand"), German "heißt es". */
static long
quote_from_clause(const char *s, const struct ent_result *r,
    const struct quote_list *q, const struct quote_state *st, size_t a,
    size_t b, bool before_quote)
{
	size_t i, v = b;
	long sp;

	/* "« ... », poursuit-il"; "„...“, so die Präsidentin" */
	if (!before_quote && quote_after_comma(s, &r->toks.v[a])) {
		if (st->fr && quote_fr_inverted(s, &r->toks.v[a]))
			return quote_pronoun(r, q, st, a, b);
		if (st->de && etok_is(s, &r->toks.v[a], "so"))
			v = a;
		/* "heißt es", "so heißt es im Entwurf" */
		i = v == a ? a + 1 : a;
		if (st->de && i + 1 < b && etok_is(s, &r->toks.v[i + 1],
		    "es") && (etok_is(s, &r->toks.v[i], "heißt") ||
		    etok_is(s, &r->toks.v[i], "hieß")))
			return QUOTE_NO_ONE;
	}
	for (i = v == b ? a : b; i < b; i++) {
		/* lower-case only: "United States" states nothing */
		if ((!(r->toks.v[i].flags & ETOK_CAP) ||
		    QUOTE_TOK_IN(s, &r->toks.v[i], quote_according)) &&
		    QUOTE_TOK_IN(s, &r->toks.v[i], quote_verbs)) {
			v = i;
			if (!before_quote)
				break;  /* the first verb after the quote */
		}
	}
	if (v == b)
		return -2;
	if (!before_quote && v + 1 < b &&
	    QUOTE_TOK_IN(s, &r->toks.v[v + 1], quote_indefinite))
		return QUOTE_NO_ONE;
	if (QUOTE_TOK_IN(s, &r->toks.v[v], quote_according)) {
		sp = quote_last_named(r, q, r->toks.v[v].off,
		    b < r->toks.n ? r->toks.v[b - 1].off + r->toks.v[b - 1].len :
		    q->len, true);
		if (sp >= 0)
			return sp;
	}
	for (i = v; i > a; i--) {
		const struct etok *k = &r->toks.v[i - 1];

		/* "he told Cook": he is not Cook; then the person of the
		 * sentence before */
		if (QUOTE_TOK_IN(s, k, quote_pronouns) ||
		    (st->fr && etok_is(s, k, "il")))
			return quote_pronoun(r, q, st, v, b);
		if (QUOTE_TOK_IN(s, k, quote_org_nouns) && st->last_org >= 0)
			return st->last_org;
		if (v - i >= 6)
			break;
	}
	sp = quote_last_named(r, q, r->toks.v[a].off, r->toks.v[v].off, false);
	if (sp >= 0)
		return sp;
	/* "said Peskov" */
	if (v + 1 < b)
		sp = quote_last_named(r, q, r->toks.v[v + 1].off,
		    r->toks.v[b - 1].off + r->toks.v[b - 1].len, true);
	if (sp < 0 && v == a && !before_quote && st->de &&
	    etok_is(s, &r->toks.v[v], "so"))
		return quote_de_so(r, st);
	if (sp < 0 && st->drop)
		return quote_pronoun(r, q, st, v, b);
	return sp;
}

/* The speaker of a quotation that ends a sentence from offset a whose
 * words before it (up to os) hold no speech verb: the person named
 * first where that one opens the sentence; -2 where no one is named;
 * else QUOTE_NO_ONE. */
static long
quote_subject(const struct ent_result *r, const struct quote_list *q,
    size_t a, size_t os)
{
	size_t i;

	for (i = quote_m_at(r, a); i < r->n_m && r->m[i].start < os; i++) {
		const struct ent_mention *m = &r->m[i];

		if (m->end > os || quote_inside(q, m->start))
			continue;
		return m->start == a && m->kind == ENT_PERSON ?
		    (long)m->name : QUOTE_NO_ONE;
	}
	return -2;
}

/* Whether a colon comes before the quotation opening at os, past
 * spaces: "Keuter schreibt: „…“" introduces speech. */
static bool
quote_colon_before(const char *s, size_t os)
{
	while (os > 0 && s[os - 1] == ' ')
		os--;
	return os > 0 && s[os - 1] == ':';
}

static long
quote_speaker(const char *s, const struct ent_result *r,
    const struct quote_list *q, size_t qi, struct quote_state *st)
{
	const struct quote_span *sp = &q->v[qi];
	size_t n = q->len, p, lead, tail, a, b;
	bool after;
	long who;

	/* The rest of the sentence after the quote. */
	for (p = sp->oe; p < n; p++) {
		if (s[p] == '\n' || (qi + 1 < q->n && p >= q->v[qi + 1].os))
			break;
		if ((s[p] == '.' || s[p] == '!' || s[p] == '?') &&
		    !(p >= 2 && s[p - 2] == 'M' && s[p - 1] == 'r'))
			break;
	}
	tail = p;
	/* "..." Doch auch er ergänzt: "...": a verb after the quotation
	 * and before a colon and the next one introduces that one */
	while (p > sp->oe && s[p - 1] == ' ')
		p--;
	if (p > sp->oe && s[p - 1] == ':' && qi + 1 < q->n &&
	    tail >= q->v[qi + 1].os)
		tail = sp->oe;
	/* The start of the sentence before it. */
	for (p = sp->os; p > st->para_start; p--) {
		if (qi > 0 && p <= q->v[qi - 1].oe)
			break;
		if (s[p - 1] == '.' || s[p - 1] == '!' || s[p - 1] == '?')
			break;
	}
	lead = p;
	a = quote_tok_at(&r->toks, sp->oe);
	b = quote_tok_at(&r->toks, tail);
	if (b > a + QUOTE_TAIL_WORDS)
		b = a + QUOTE_TAIL_WORDS;
	after = a < b;
	who = after ? quote_from_clause(s, r, q, st, a, b, false) : -2;
	if (who == -2) {
		a = quote_tok_at(&r->toks, lead);
		b = quote_tok_at(&r->toks, sp->os);
		who = a < b ? quote_from_clause(s, r, q, st, a, b, true) : -2;
		/* words of its sentence on both sides, no colon before it
		 * and no speech verb: words quoted inside a sentence, a
		 * term, a charge or a title ("mis en examen pour
		 * « détournement de fonds publics » en 2017"), which the
		 * person of the sentence before need not have said */
		if (who == -2 && after && b >= a + 2 &&
		    !quote_colon_before(s, sp->os))
			return QUOTE_NO_ONE;
		/* one that ends a sentence whose words before it name
		 * someone but hold no speech verb of the lists ("Le 4
		 * décembre, Marielle de Sarnez est mise en examen pour
		 * « ... »", "the more Schiff pushes ..., the more the
		 * people think, “...”"): the sentence is about them, and
		 * the person of the sentence before said it no more than
		 * they did; but a person who opens it is its subject
		 * ("Reil taxierte die Kosten auf „...“", "Cook remembered
		 * Jobs ... and “...”") */
		if (who == -2 && !after && b >= a + 2 &&
		    !quote_colon_before(s, sp->os) &&
		    (who = quote_subject(r, q, r->toks.v[a].off,
		    sp->os)) != -2)
			return who;
	}
	if (who == QUOTE_NO_ONE)
		return who;
	if (who == -2)
		who = st->para_speaker >= 0 ? st->para_speaker : -1;
	if (who < 0)
		who = quote_sentence_before(r, q, sp->os);
	return who;
}

/* Whether s (n bytes) is written mostly in scripts whose speech the
 * speaker rules cannot read: right to left (Hebrew, Arabic, Syriac,
 * Thaana) or without spaces (Chinese, Japanese, Thai): more such letters
 * than Latin ones. Its quotations then have no speaker rather than a
 * wrong one (the person of the sentence before, by a Latin name's
 * chance). The count stops once the bytes left cannot turn it. */
static bool
quote_unread_script(const char *s, size_t n)
{
	size_t i = 0, latin = 0, other = 0;
	int32_t c;

	while (i < n) {
		unsigned char b = (unsigned char)s[i];

		if (b < 0x80) {
			/* ASCII: a Latin letter or nothing of either */
			latin += (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
			i++;
		} else {
			i += quote_cp(s, i, &c);
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			    (c >= 0xC0 && c < 0x250))
				latin++;
			else if ((c >= 0x0590 && c < 0x0900) ||
			    (c >= 0xFB1D && c < 0xFE00) ||
			    (c >= 0xFE70 && c < 0xFF00) || etok_nospace(c))
				other++;
		}
		/* each byte left is one letter at most */
		if (latin > other + (n - i) || other > latin + (n - i))
			break;
	}
	return other > latin;
}

void
quote_extract(const char *s, const struct ent_result *r, struct nw_article *a)
{
	struct quote_list q = { 0 };
	struct quote_state st = { -1, -1, -1, -1, 0, false, false, false };
	size_t i;

	/* French's "il": an article in Italian */
	st.fr = a->lang != NULL && strcmp(a->lang, "fr") == 0;
	st.de = a->lang != NULL && strcmp(a->lang, "de") == 0;
	st.drop = a->lang != NULL && (strcmp(a->lang, "pl") == 0 ||
	    strcmp(a->lang, "ru") == 0 || strcmp(a->lang, "uk") == 0);
	quote_find(s, &q);
	if (q.n > 0 && (!ent_lang_read(a->lang) ||
	    quote_unread_script(s, q.len))) {
		for (i = 0; i < q.n; i++) {
			article_add_quote(a, q.v[i].text, NULL);
			free(q.v[i].text);
		}
		free(q.v);
		return;
	}
	for (i = 0; i < q.n; i++) {
		size_t ps = q.v[i].os, stop = i > 0 ? q.v[i - 1].oe : 0;
		long who;

		/* back to a blank line, or to the previous quotation: then
		 * the paragraph is the one already known */
		while (ps > stop && !(ps >= 2 && s[ps - 1] == '\n' &&
		    s[ps - 2] == '\n'))
			ps--;
		if (ps == stop && i > 0 && !(ps >= 2 && s[ps - 1] == '\n' &&
		    s[ps - 2] == '\n'))
			ps = st.para_start;
		if (ps != st.para_start) {
			st.para_start = ps;
			st.para_speaker = -1;
		}
		who = quote_speaker(s, r, &q, i, &st);
		/* "he added" with no one quoted yet: the sentence before. */
		if (who == -1)
			who = quote_sentence_before(r, &q, q.v[i].os);
		if (who == QUOTE_NO_ONE)
			who = -1;
		quote_note(r, &st, who);
		st.para_speaker = who;
		st.prev_speaker = who;
		article_add_quote(a, q.v[i].text,
		    who >= 0 ? r->names.v[who] : NULL);
	}
	for (i = 0; i < q.n; i++)
		free(q.v[i].text);
	free(q.v);
}
