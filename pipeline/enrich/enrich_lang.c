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

#define LANG_MAX_WORDS 1500
#define LANG_MIN_HITS 5

struct lang_profile {
	const char *code;
	const char *const *words;
};

static const char *const lang_en[] = { "the", "and", "of", "to", "a", "in",
	"is", "that", "it", "was", "for", "on", "with", "he", "as", "by",
	"his", "at", "from", "have", "has", "had", "not", "but", "this",
	"they", "which", "were", "be", "been", "would", "their", "said",
	"an", "or", "will", "who", "its", "are", NULL };
static const char *const lang_de[] = { "der", "die", "und", "in", "den",
	"von", "zu", "das", "mit", "sich", "des", "auf", "für", "ist", "im",
	"dem", "nicht", "ein", "eine", "als", "auch", "es", "an", "werden",
	"aus", "er", "hat", "dass", "sie", "nach", "wird", "bei", "einer",
	"um", "noch", "wie", "über", "so", "zum", "war", NULL };
static const char *const lang_fr[] = { "le", "la", "les", "de", "des",
	"et", "en", "un", "une", "du", "que", "qui", "dans", "est", "pour",
	"pas", "au", "sur", "ne", "il", "par", "plus", "se", "ce", "a",
	"avec", "son", "sa", "ont", "été", "aux", "elle", "mais", "cette",
	"ses", NULL };
static const char *const lang_es[] = { "de", "la", "que", "el", "en", "y",
	"los", "del", "se", "las", "por", "un", "para", "con", "no", "una",
	"su", "al", "lo", "como", "más", "pero", "sus", "le", "ya", "o",
	"este", "ha", "fue", "entre", "cuando", "muy", "sin", "sobre",
	"también", "es", NULL };
static const char *const lang_it[] = { "di", "che", "e", "il", "la", "a",
	"per", "un", "in", "non", "del", "una", "della", "con", "le", "si",
	"dei", "da", "gli", "sono", "nel", "alla", "anche", "è", "ha", "più",
	"delle", "ma", "come", "dal", "lo", "questo", "sul", "al", NULL };
static const char *const lang_pt[] = { "de", "a", "o", "que", "e", "do",
	"da", "em", "um", "para", "com", "não", "uma", "os", "no", "se",
	"na", "por", "mais", "as", "dos", "como", "mas", "ao", "ele", "das",
	"à", "seu", "sua", "ou", "foi", "pelo", "pela", "são", "também",
	NULL };
static const char *const lang_nl[] = { "de", "en", "van", "het", "een",
	"in", "is", "dat", "op", "te", "zijn", "met", "voor", "niet", "aan",
	"er", "ook", "als", "bij", "door", "maar", "om", "werd", "naar",
	"heeft", "wordt", "nog", "uit", "dan", "hij", "ze", "worden", NULL };
static const char *const lang_sv[] = { "och", "i", "att", "det", "som",
	"en", "på", "är", "av", "för", "med", "till", "den", "har", "de",
	"inte", "om", "ett", "var", "jag", "men", "sig", "från", "vi", "så",
	"kan", "när", "hade", "ska", "efter", NULL };
static const char *const lang_pl[] = { "i", "w", "na", "z", "się", "nie",
	"do", "że", "to", "jest", "o", "jak", "po", "od", "za", "co", "a",
	"przez", "oraz", "tak", "ale", "tym", "jego", "dla", "być", "który",
	"które", "została", "został", NULL };
static const char *const lang_ru[] = { "и", "в", "не", "на", "что", "с",
	"по", "к", "как", "это", "из", "за", "от", "о", "он", "для", "так",
	"но", "его", "же", "был", "она", "года", "также", "при", "у", "бы",
	"уже", "только", "было", "их", "ее", "они", NULL };
static const char *const lang_uk[] = { "і", "в", "у", "на", "що", "з",
	"не", "та", "до", "як", "за", "від", "це", "й", "про", "для", "його",
	"але", "було", "також", "які", "який", "вже", "під", "після", NULL };
static const char *const lang_tr[] = { "ve", "bir", "bu", "da", "de",
	"için", "ile", "olarak", "çok", "daha", "gibi", "olan", "en", "ne",
	"ama", "sonra", "kadar", "değil", "ise", "her", "mi", "o", NULL };

static const struct lang_profile lang_profiles[] = {
	{ "en", lang_en }, { "de", lang_de }, { "fr", lang_fr },
	{ "es", lang_es }, { "it", lang_it }, { "pt", lang_pt },
	{ "nl", lang_nl }, { "sv", lang_sv }, { "pl", lang_pl },
	{ "ru", lang_ru }, { "uk", lang_uk }, { "tr", lang_tr },
};

#define LANG_N (sizeof(lang_profiles) / sizeof(lang_profiles[0]))

const char *
lang_detect(const char *text)
{
	struct etoks t = { 0 };
	size_t hits[LANG_N] = { 0 };
	size_t i, j, words, best = 0, second = 0;

	etok_split(text, &t);
	words = t.n < LANG_MAX_WORDS ? t.n : LANG_MAX_WORDS;
	for (i = 0; i < words; i++) {
		char *f;

		if (t.v[i].len > 16 || (t.v[i].flags & ETOK_NUM))
			continue;
		f = etok_fold(text + t.v[i].off, t.v[i].len);
		for (j = 0; j < LANG_N; j++) {
			const char *const *w;

			for (w = lang_profiles[j].words; *w != NULL; w++)
				if (strcmp(*w, f) == 0) {
					hits[j]++;
					break;
				}
		}
		free(f);
	}
	etok_free(&t);
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
