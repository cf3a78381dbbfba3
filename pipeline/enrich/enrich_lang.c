/* Language identification by stopword profiles.
 *
 * Method: the first LANG_MAX_WORDS words of the text are case-folded and
 * looked up in a short profile of the most frequent function words of each
 * language (articles, pronouns, prepositions, conjunctions, auxiliaries:
 * words that occur in any text of the language whatever its topic). The
 * language whose profile covers most words wins, provided it covers at
 * least LANG_MIN_HITS words and 8% of them, and beats the runner-up by a
 * quarter; otherwise the language stays unknown. Profiles cover en, de, fr,
 * es, it, pt, nl, sv, pl, ru, uk and tr. Words shared by two languages
 * ("de", "a", "die") count for both, so close pairs (es/pt) are decided by
 * the words they do not share. Limits: short texts (under ~20 words) and
 * languages without a profile are left unset; mixed-language text goes to
 * the majority language. */
#include "enrich_int.h"

#include <stdlib.h>
#include <string.h>

#define LANG_MAX_WORDS 250
#define LANG_MIN_HITS 5

struct lang_profile {
	const char *code;
	const char *const *words;  /* in strcmp() order */
	size_t n;
};

static const char *const lang_en[] = {
	"a", "an", "and", "are", "as", "at", "be", "been", "but", "by",
	"for", "from", "had", "has", "have", "he", "his", "in", "is", "it",
	"its", "not", "of", "on", "or", "said", "that", "the", "their",
	"they", "this", "to", "was", "were", "which", "who", "will", "with",
	"would",
};
static const char *const lang_de[] = {
	"als", "an", "auch", "auf", "aus", "bei", "das", "dass", "dem",
	"den", "der", "des", "die", "ein", "eine", "einer", "er", "es",
	"für", "hat", "im", "in", "ist", "mit", "nach", "nicht", "noch",
	"sich", "sie", "so", "um", "und", "von", "war", "werden", "wie",
	"wird", "zu", "zum", "über",
};
static const char *const lang_fr[] = {
	"a", "au", "aux", "avec", "ce", "cette", "dans", "de", "des", "du",
	"elle", "en", "est", "et", "il", "la", "le", "les", "mais", "ne",
	"ont", "par", "pas", "plus", "pour", "que", "qui", "sa", "se", "ses",
	"son", "sur", "un", "une", "été",
};
static const char *const lang_es[] = {
	"al", "como", "con", "cuando", "de", "del", "el", "en", "entre",
	"es", "este", "fue", "ha", "la", "las", "le", "lo", "los", "muy",
	"más", "no", "o", "para", "pero", "por", "que", "se", "sin", "sobre",
	"su", "sus", "también", "un", "una", "y", "ya",
};
static const char *const lang_it[] = {
	"a", "al", "alla", "anche", "che", "come", "con", "da", "dal", "dei",
	"del", "della", "delle", "di", "e", "gli", "ha", "il", "in", "la",
	"le", "lo", "ma", "nel", "non", "per", "più", "questo", "si", "sono",
	"sul", "un", "una", "è",
};
static const char *const lang_pt[] = {
	"a", "ao", "as", "com", "como", "da", "das", "de", "do", "dos", "e",
	"ele", "em", "foi", "mais", "mas", "na", "no", "não", "o", "os",
	"ou", "para", "pela", "pelo", "por", "que", "se", "seu", "sua",
	"são", "também", "um", "uma", "à",
};
static const char *const lang_nl[] = {
	"aan", "als", "bij", "dan", "dat", "de", "door", "een", "en", "er",
	"heeft", "het", "hij", "in", "is", "maar", "met", "naar", "niet",
	"nog", "om", "ook", "op", "te", "uit", "van", "voor", "werd",
	"worden", "wordt", "ze", "zijn",
};
static const char *const lang_sv[] = {
	"att", "av", "de", "den", "det", "efter", "en", "ett", "från", "för",
	"hade", "har", "i", "inte", "jag", "kan", "med", "men", "när", "och",
	"om", "på", "sig", "ska", "som", "så", "till", "var", "vi", "är",
};
static const char *const lang_pl[] = {
	"a", "ale", "być", "co", "dla", "do", "i", "jak", "jego", "jest",
	"które", "który", "na", "nie", "o", "od", "oraz", "po", "przez",
	"się", "tak", "to", "tym", "w", "z", "za", "został", "została", "że",
};
static const char *const lang_ru[] = {
	"бы", "был", "было", "в", "года", "для", "его", "ее", "же", "за",
	"и", "из", "их", "к", "как", "на", "не", "но", "о", "он", "она",
	"они", "от", "по", "при", "с", "так", "также", "только", "у", "уже",
	"что", "это",
};
static const char *const lang_uk[] = {
	"але", "було", "в", "вже", "від", "для", "до", "з", "за", "й",
	"його", "на", "не", "про", "під", "після", "та", "також", "у", "це",
	"що", "як", "який", "які", "і",
};
static const char *const lang_tr[] = {
	"ama", "bir", "bu", "da", "daha", "de", "değil", "en", "gibi", "her",
	"ile", "ise", "için", "kadar", "mi", "ne", "o", "olan", "olarak",
	"sonra", "ve", "çok",
};

static const struct lang_profile lang_profiles[] = {
	{ "en", lang_en, ETOK_COUNT(lang_en) },
	{ "de", lang_de, ETOK_COUNT(lang_de) },
	{ "fr", lang_fr, ETOK_COUNT(lang_fr) },
	{ "es", lang_es, ETOK_COUNT(lang_es) },
	{ "it", lang_it, ETOK_COUNT(lang_it) },
	{ "pt", lang_pt, ETOK_COUNT(lang_pt) },
	{ "nl", lang_nl, ETOK_COUNT(lang_nl) },
	{ "sv", lang_sv, ETOK_COUNT(lang_sv) },
	{ "pl", lang_pl, ETOK_COUNT(lang_pl) },
	{ "ru", lang_ru, ETOK_COUNT(lang_ru) },
	{ "uk", lang_uk, ETOK_COUNT(lang_uk) },
	{ "tr", lang_tr, ETOK_COUNT(lang_tr) },
};

#define LANG_N (sizeof(lang_profiles) / sizeof(lang_profiles[0]))

bool
lang_tables_sorted(void)
{
	size_t j;

	for (j = 0; j < LANG_N; j++)
		if (!etok_sorted(lang_profiles[j].words, lang_profiles[j].n))
			return false;
	return true;
}

bool
lang_stopword(const char *f)
{
	size_t j;

	for (j = 0; j < LANG_N; j++)
		if (etok_in(f, lang_profiles[j].words, lang_profiles[j].n))
			return true;
	return false;
}

/* One word of every profile with the set of languages it belongs to. */
struct lang_word {
	const char *w;
	unsigned mask;
};

static int
lang_word_cmp(const void *a, const void *b)
{
	return strcmp(((const struct lang_word *)a)->w,
	    ((const struct lang_word *)b)->w);
}

#define LANG_TABLE_MAX 1024

/* Merges the profiles into one sorted table in tab; returns its size. */
static size_t
lang_table(struct lang_word *tab)
{
	size_t n = 0, i, j;

	for (j = 0; j < LANG_N; j++)
		for (i = 0; i < lang_profiles[j].n && n < LANG_TABLE_MAX;
		    i++) {
			tab[n].w = lang_profiles[j].words[i];
			tab[n++].mask = 1u << j;
		}
	qsort(tab, n, sizeof(*tab), lang_word_cmp);
	for (i = 0, j = 0; i < n; i++) {
		if (j > 0 && strcmp(tab[j - 1].w, tab[i].w) == 0)
			tab[j - 1].mask |= tab[i].mask;
		else
			tab[j++] = tab[i];
	}
	return j;
}

const char *
lang_detect(const char *text, const struct etoks *t)
{
	size_t hits[LANG_N] = { 0 };
	size_t i, j, words, best = 0, second = 0, nt;
	struct lang_word tab[LANG_TABLE_MAX];

	(void)text;
	nt = lang_table(tab);

	words = t->n < LANG_MAX_WORDS ? t->n : LANG_MAX_WORDS;
	for (i = 0; i < words; i++) {
		const char *f;

		if (t->v[i].len > 12 || (t->v[i].flags & ETOK_NUM))
			continue;
		f = etok_folded(t, i);
		{
			struct lang_word key = { f, 0 };
			const struct lang_word *hit = bsearch(&key, tab, nt,
			    sizeof(*tab), lang_word_cmp);

			for (j = 0; hit != NULL && j < LANG_N; j++)
				hits[j] += (hit->mask >> j) & 1;
		}
	}
	for (j = 1; j < LANG_N; j++)
		if (hits[j] > hits[best])
			best = j;
	second = best == 0 ? 1 : 0;
	for (j = 0; j < LANG_N; j++)
		if (j != best && hits[j] > hits[second])
			second = j;
	if (hits[best] < LANG_MIN_HITS || hits[best] * 100 < words * 8 ||
	    hits[best] * 4 < hits[second] * 5)
		return NULL;
	return lang_profiles[best].code;
}
