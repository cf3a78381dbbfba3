/* Language identification.
 *
 * Method: the script of the text first. Scripts of one language name it
 * (Greek el, Hebrew he, Thai th, Hangul ko, Han zh, Han with kana ja, and
 * the scripts of India, the Caucasus and South-East Asia); scripts many
 * languages share (Latin, Cyrillic, Arabic, Devanagari) go to
 * libexttextcat, whose character n-gram fingerprints (Cavnar and
 * Trenkle's method, the models of Debian's libexttextcat-data) are
 * compared with those of the languages of that script only, the most
 * spoken first so that its early cut-off drops the rest cheaply. The
 * page's own statement (<html lang>, Content-Language, og:locale, the
 * JSON-LD inLanguage) is a hint: it stands unless the text is in a script
 * that language is not written in.
 *
 * The fingerprints of a script's languages are read once per process
 * (pthread_once), when a text first needs them, from the data package's
 * directory, and only read after that: libexttextcat's
 * comparison reads them and writes nothing, and each call makes the text's
 * own fingerprint. Limits: text shorter than LANG_MIN_LETTERS letters is
 * left unknown, as is text whose closest languages are more than
 * LANG_MAX_NEAR within 3% of the best (a mix); close pairs (Bosnian,
 * Croatian and Serbian; Malay and Indonesian) are told apart as well as
 * n-grams can, a tie within 1% going to the more spoken language.
 *
 * The function-word profiles (gen_stop.py) no longer decide the
 * language, only overrule a page's statement that its prose plainly
 * contradicts; the entity and story code read them as stop words
 * (lang_stopword()). */
#include "enrich_int.h"

#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fingerprint.h>
#include <textcat.h>

#include "nw_config.h"

/* The function words of twelve languages and English's stop words, in
 * one table generated from gen_stop.py's lists: stop_lang_codes,
 * stop_words and stop_tab. */
#include "enrich_stop.h"

_Static_assert(STOP_EN_BIT == 12 && ETOK_STOP_EN == 1u << STOP_EN_BIT &&
    ETOK_STOP_LANGS == (1u << STOP_N_LANG) - 1,
    "enrich_int.h's ETOK_STOP_* and gen_stop.py's bits differ");

#define LANG_N STOP_N_LANG

unsigned
lang_stop_mask(const char *f, uint64_t h)
{
	uint32_t i = (uint32_t)h & (STOP_TAB_SIZE - 1);
	uint32_t hi = (uint32_t)(h >> 32);

	for (; stop_tab[i].word != 0; i = (i + 1) & (STOP_TAB_SIZE - 1))
		if (stop_tab[i].hi == hi &&
		    etok_strcmp(f, stop_words[stop_tab[i].word - 1]) == 0)
			return stop_tab[i].mask;
	return 0;
}

bool
lang_tables_sorted(void)
{
	size_t k;
	const char *w;

	/* the words in order, and each found with a language or English */
	for (k = 0; k < STOP_N_WORDS; k++) {
		w = stop_words[k];
		if ((k > 0 && strcmp(stop_words[k - 1], w) >= 0) ||
		    lang_stop_mask(w, etok_hash(w, strlen(w))) == 0)
			return false;
	}
	return true;
}

bool
lang_stopword(const char *f)
{
	return (lang_stop_mask(f, etok_hash(f, strlen(f))) &
	    ETOK_STOP_LANGS) != 0;
}

/* How much text is read: its script from LANG_SCAN bytes, its n-grams
 * from LANG_SAMPLE (libexttextcat: "a few hundred bytes will suffice"). */
#define LANG_SCAN 4096
#define LANG_SAMPLE 1024
#define LANG_MIN_LETTERS 40
#define LANG_NGRAMS 400
/* Languages within 3% of the best beyond which the text is a mix. */
#define LANG_MAX_NEAR 3
/* A language listed before the best and within 1% of it wins. */
#define LANG_TIE 100

enum lang_script {
	LS_NONE, LS_LATIN, LS_CYRILLIC, LS_ARABIC, LS_DEVANAGARI, LS_GREEK,
	LS_HEBREW, LS_CJK, LS_HANGUL, LS_THAI, LS_ARMENIAN, LS_GEORGIAN,
	LS_BENGALI, LS_GURMUKHI, LS_GUJARATI, LS_TAMIL, LS_TELUGU,
	LS_KANNADA, LS_MALAYALAM, LS_SINHALA, LS_LAO, LS_TIBETAN,
	LS_MYANMAR, LS_ETHIOPIC, LS_KHMER, LS_N
};

/* Letters of each script, by code point; sorted, not overlapping. */
static const struct {
	int32_t lo, hi;
	unsigned char script;
} lang_ranges[] = {
	{ 0x0041, 0x005A, LS_LATIN }, { 0x0061, 0x007A, LS_LATIN },
	{ 0x00C0, 0x00D6, LS_LATIN }, { 0x00D8, 0x00F6, LS_LATIN },
	{ 0x00F8, 0x024F, LS_LATIN }, { 0x0370, 0x03FF, LS_GREEK },
	{ 0x0400, 0x052F, LS_CYRILLIC }, { 0x0531, 0x058F, LS_ARMENIAN },
	{ 0x05D0, 0x05F2, LS_HEBREW }, { 0x0620, 0x064A, LS_ARABIC },
	{ 0x066E, 0x06FF, LS_ARABIC }, { 0x0750, 0x077F, LS_ARABIC },
	{ 0x08A0, 0x08FF, LS_ARABIC }, { 0x0900, 0x097F, LS_DEVANAGARI },
	{ 0x0980, 0x09FF, LS_BENGALI }, { 0x0A00, 0x0A7F, LS_GURMUKHI },
	{ 0x0A80, 0x0AFF, LS_GUJARATI }, { 0x0B80, 0x0BFF, LS_TAMIL },
	{ 0x0C00, 0x0C7F, LS_TELUGU }, { 0x0C80, 0x0CFF, LS_KANNADA },
	{ 0x0D00, 0x0D7F, LS_MALAYALAM }, { 0x0D80, 0x0DFF, LS_SINHALA },
	{ 0x0E01, 0x0E5B, LS_THAI }, { 0x0E80, 0x0EFF, LS_LAO },
	{ 0x0F00, 0x0FFF, LS_TIBETAN }, { 0x1000, 0x109F, LS_MYANMAR },
	{ 0x10A0, 0x10FF, LS_GEORGIAN }, { 0x1100, 0x11FF, LS_HANGUL },
	{ 0x1200, 0x137F, LS_ETHIOPIC }, { 0x1780, 0x17FF, LS_KHMER },
	{ 0x1E00, 0x1EFF, LS_LATIN }, { 0x1F00, 0x1FFF, LS_GREEK },
	{ 0x3040, 0x30FF, LS_CJK }, { 0x3130, 0x318F, LS_HANGUL },
	{ 0x3400, 0x4DBF, LS_CJK }, { 0x4E00, 0x9FFF, LS_CJK },
	{ 0xAC00, 0xD7AF, LS_HANGUL }, { 0xF900, 0xFAFF, LS_CJK },
	{ 0xFB50, 0xFDFF, LS_ARABIC }, { 0xFE70, 0xFEFF, LS_ARABIC },
	{ 0x20000, 0x2FFFF, LS_CJK },
};

/* The language of each script that has one (CJK: zh, or ja with kana). */
static const char *const lang_of_script[LS_N] = {
	[LS_GREEK] = "el", [LS_HEBREW] = "he", [LS_CJK] = "zh",
	[LS_HANGUL] = "ko", [LS_THAI] = "th", [LS_ARMENIAN] = "hy",
	[LS_GEORGIAN] = "ka", [LS_BENGALI] = "bn", [LS_GURMUKHI] = "pa",
	[LS_GUJARATI] = "gu", [LS_TAMIL] = "ta", [LS_TELUGU] = "te",
	[LS_KANNADA] = "kn", [LS_MALAYALAM] = "ml", [LS_SINHALA] = "si",
	[LS_LAO] = "lo", [LS_TIBETAN] = "bo", [LS_MYANMAR] = "my",
	[LS_ETHIOPIC] = "am", [LS_KHMER] = "km",
};

/* The libexttextcat models of the scripts many languages share, most
 * spoken first; ISO 639-1 languages only ("sr-Latn" is "sr"). */
static const char *const lang_latin[] = {
	"en", "es", "pt", "fr", "de", "id", "it", "tr", "vi", "pl", "nl",
	"ro", "sw", "hu", "cs", "sv", "ms", "tl", "ha-NG", "da", "fi",
	"nb", "sk", "hr", "sr-Latn", "bs", "sl", "lt", "lv", "et", "ca",
	"gl", "eu", "sq", "az", "uz", "so", "af", "is", "ga", "cy", "mt",
	"lb", "eo", "fy", "fo",
};
static const char *const lang_cyrillic[] = {
	"ru", "uk", "bg", "sr-Cyrl", "be", "kk", "mk", "ky", "tg", "tt",
	"mn", "uz-Cyrl", "az-Cyrl",
};
static const char *const lang_arabic[] = {
	"ar", "fa", "ur", "ckb", "sd", "ug",
};
static const char *const lang_devanagari[] = {
	"hi", "mr", "ne", "sa",
};

#define LANG_GROUP_MAX 48

struct lang_group {
	int script;
	const char *const *names;
	size_t n_names;
	void *fp[LANG_GROUP_MAX];
	char code[LANG_GROUP_MAX][4];  /* ISO 639-1 (or 639-2) code */
	size_t n;
};

/* Each group is written once, by its loader under pthread_once, when
 * the first text in its script needs it; read only after. */
static struct lang_group lang_groups[] = {
	{ LS_LATIN, lang_latin, ETOK_COUNT(lang_latin), {0}, {{0}}, 0 },
	{ LS_CYRILLIC, lang_cyrillic, ETOK_COUNT(lang_cyrillic), {0}, {{0}},
	    0 },
	{ LS_ARABIC, lang_arabic, ETOK_COUNT(lang_arabic), {0}, {{0}}, 0 },
	{ LS_DEVANAGARI, lang_devanagari, ETOK_COUNT(lang_devanagari), {0},
	    {{0}}, 0 },
};
static pthread_once_t lang_once[ETOK_COUNT(lang_groups)] = {
	PTHREAD_ONCE_INIT, PTHREAD_ONCE_INIT, PTHREAD_ONCE_INIT,
	PTHREAD_ONCE_INIT,
};

/* Reads the models of lang_groups[g] from libexttextcat's directory. */
static void
lang_load(size_t g)
{
	struct lang_group *lg = &lang_groups[g];
	char path[512];
	size_t i, k;
	void *fp;

	for (i = 0; i < lg->n_names && lg->n < LANG_GROUP_MAX; i++) {
		snprintf(path, sizeof(path), "%s/%s.lm", NW_TEXTCAT_DIR,
		    lg->names[i]);
		fp = fp_Init(lg->names[i]);
		if (fp == NULL)
			abort();  /* out of memory */
		if (fp_Read(fp, path, LANG_NGRAMS) == 0) {
			fp_Done(fp);
			continue;
		}
		for (k = 0; k < 3 && lg->names[i][k] != '\0' &&
		    lg->names[i][k] != '-'; k++)
			lg->code[lg->n][k] = lg->names[i][k];
		lg->code[lg->n][k] = '\0';
		/* Central Kurdish has no ISO 639-1 code of its own */
		if (strcmp(lg->code[lg->n], "ckb") == 0)
			strcpy(lg->code[lg->n], "ku");
		lg->fp[lg->n++] = fp;
	}
}

/* pthread_once() takes no argument: one loader per group. */
static void
lang_load0(void)
{
	lang_load(0);
}

static void
lang_load1(void)
{
	lang_load(1);
}

static void
lang_load2(void)
{
	lang_load(2);
}

static void
lang_load3(void)
{
	lang_load(3);
}
static void (*const lang_loaders[])(void) = {
	lang_load0, lang_load1, lang_load2, lang_load3,
};

static int
lang_script_of(int32_t c)
{
	size_t lo = 0, hi = ETOK_COUNT(lang_ranges);

	if (c < 0x41)
		return LS_NONE;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (c < lang_ranges[mid].lo)
			hi = mid;
		else if (c > lang_ranges[mid].hi)
			lo = mid + 1;
		else
			return lang_ranges[mid].script;
	}
	return LS_NONE;
}

/* The next code point of s[*i..n), or -1 for a byte that starts none. */
static int32_t
lang_next(const unsigned char *s, size_t n, size_t *i)
{
	unsigned char c = s[(*i)++];
	int32_t cp;
	int more, k;

	if (c < 0x80)
		return c;
	if (c >= 0xf0)
		more = 3, cp = c & 0x07;
	else if (c >= 0xe0)
		more = 2, cp = c & 0x0f;
	else if (c >= 0xc0)
		more = 1, cp = c & 0x1f;
	else
		return -1;
	for (k = 0; k < more && *i < n && (s[*i] & 0xc0) == 0x80; k++)
		cp = (cp << 6) | (s[(*i)++] & 0x3f);
	return k == more ? cp : -1;
}

/* The script most letters of text are in, with their count in *letters;
 * kana counted apart in *kana. */
static int
lang_script(const char *text, size_t *letters, size_t *kana)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t count[LS_N] = {0}, n = strlen(text), i = 0;
	int best = LS_NONE, sc, j;
	int32_t c;

	if (n > LANG_SCAN)
		n = LANG_SCAN;
	*kana = 0;
	while (i < n) {
		if (s[i] < 0x80) {
			/* ASCII: a Latin letter or nothing */
			count[LS_LATIN] +=
			    (unsigned)((s[i] | 0x20) - 'a') < 26;
			i++;
			continue;
		}
		c = lang_next(s, n, &i);
		sc = lang_script_of(c);
		count[sc]++;
		if (c >= 0x3040 && c <= 0x30FF)
			(*kana)++;
	}
	for (j = LS_LATIN; j < LS_N; j++)
		if (count[j] > count[best])
			best = j;
	*letters = best == LS_NONE ? 0 : count[best];
	return best;
}

/* The language of the group whose fingerprint is closest to that of
 * text[0..len), or NULL when the text is a mix or too short. */
static const char *
lang_textcat(const struct lang_group *g, const char *text, size_t len)
{
	int score[LANG_GROUP_MAX];
	int best = INT_MAX, cut = INT_MAX;
	size_t i, at = 0, near = 0;
	void *u;

	if (g->n == 0)
		return NULL;
	u = fp_Init(NULL);
	if (u == NULL)
		abort();  /* out of memory */
	fp_SetProperty(u, TCPROP_UTF8AWARE, TC_TRUE);
	if (fp_Create(u, text, (uint4)len, LANG_NGRAMS) == 0) {
		fp_Done(u);
		return NULL;
	}
	for (i = 0; i < g->n; i++) {
		/* past cut (3% over the best so far), the comparison stops
		 * and says INT_MAX */
		score[i] = fp_Compare(g->fp[i], u, cut);
		if (score[i] < best) {
			best = score[i];
			at = i;
			cut = best + best / 33;
		}
	}
	fp_Done(u);
	for (i = 0; i < g->n; i++)
		if (i != at && score[i] <= cut)
			near++;
	if (near > LANG_MAX_NEAR)
		return NULL;
	/* a tie goes to the more spoken language, listed first: on a
	 * paragraph, Spanish is Catalan and Indonesian Malay by 0.2-0.7%,
	 * where Catalan and Malay are 3-9% from them */
	for (i = 0; i < at; i++)
		if (score[i] <= best + best / LANG_TIE)
			return g->code[i];
	return g->code[at];
}

/* The script a language is written in, for the scripts many share and
 * the languages of a script of their own; LS_LATIN for the rest. */
static int
lang_hint_script(const char *hint)
{
	size_t g, i, n = strlen(hint);
	const char *name;
	int j;

	for (j = LS_GREEK; j < LS_N; j++)
		if (lang_of_script[j] != NULL &&
		    strcmp(lang_of_script[j], hint) == 0)
			return j;
	if (strcmp(hint, "ja") == 0)
		return LS_CJK;
	if (strcmp(hint, "yi") == 0)
		return LS_HEBREW;
	for (g = 1; g < ETOK_COUNT(lang_groups); g++)
		for (i = 0; i < lang_groups[g].n_names; i++) {
			name = lang_groups[g].names[i];
			if (strncmp(name, hint, n) == 0 &&
			    (name[n] == '\0' || name[n] == '-'))
				return lang_groups[g].script;
		}
	return LS_LATIN;
}

char *
enrich_lang_tag(const char *value)
{
	char code[3];
	size_t n = 0;

	if (value == NULL)
		return NULL;
	while (*value == ' ' || *value == '\t')
		value++;
	while (n < 3 && ((value[n] | 0x20) >= 'a' && (value[n] | 0x20) <= 'z'))
		n++;
	if (n != 2 || (value[2] != '\0' && value[2] != '-' &&
	    value[2] != '_' && value[2] != ',' && value[2] != ';' &&
	    value[2] != ' ' && value[2] != '\t'))
		return NULL;
	code[0] = (char)(value[0] | 0x20);
	code[1] = (char)(value[1] | 0x20);
	code[2] = '\0';
	return xstrdup(code);
}

/* The language of the function-word profiles whose words the text uses
 * LANG_WORDS_RATIO times as often as those of the hint's, at least
 * LANG_WORDS_MIN times and for an eighth of its first LANG_WORDS words; NULL when the hint
 * has no profile or none does. A page's markup may state the site's
 * language, not the article's (lang="en" on a German post). */
#define LANG_WORDS 400
#define LANG_WORDS_MIN 12
#define LANG_WORDS_RATIO 4
static const char *
lang_words_overrule(const struct etoks *toks, const char *hint)
{
	size_t hits[LANG_N] = {0}, i, j, h = LANG_N, best = LANG_N;
	unsigned m;

	for (j = 0; j < LANG_N; j++)
		if (strcmp(stop_lang_codes[j], hint) == 0)
			h = j;
	if (h == LANG_N || toks == NULL)
		return NULL;
	for (i = 0; i < toks->n && i < LANG_WORDS; i++) {
		m = lang_stop_mask(etok_folded(toks, i), toks->v[i].hash) &
		    ETOK_STOP_LANGS;
		for (j = 0; m != 0; j++, m >>= 1)
			hits[j] += m & 1;
	}
	for (j = 0; j < LANG_N; j++)
		if (j != h && (best == LANG_N || hits[j] > hits[best]))
			best = j;
	/* prose, where function words are a third of the words; a table
	 * or a list of names has few of any language */
	if (hits[best] >= LANG_WORDS_MIN && hits[best] * 8 >= i &&
	    hits[best] >= LANG_WORDS_RATIO * hits[h])
		return stop_lang_codes[best];
	return NULL;
}

/* Close pairs libexttextcat's n-grams tell apart by less than what
 * separates them: on a paragraph, Slovak is Czech by 0.7%, Norwegian
 * (Bokmål) Danish by 2.4%, Croatian Serbian by 2%. What does tell them:
 * letters of one language alone (Czech ě ř ů, Slovak ä ô ľ ĺ ŕ) and the
 * commonest words that each spells its own way (Danish "af", "efter",
 * "blev", "mig", Norwegian "av", "etter", "ble", "meg"; Croatian
 * writes the old yat "ije", "je", "tko", "tijekom" and its own months,
 * Serbian "e", "ko", "tokom" and the Latin months). */
static const char *const lang_cs_letters[] = {
	"ě", "ř", "ů", "Ě", "Ř", "Ů",
};
static const char *const lang_sk_letters[] = {
	"ä", "ô", "ľ", "ĺ", "ŕ", "Ô", "Ľ", "Ĺ", "Ŕ",
};
static const char *const lang_da_words[] = {
	"af", "anden", "blev", "bliver", "dig", "efter", "fik", "gennem",
	"havde", "hendes", "hvad", "løbet", "mellem", "mig", "måske", "nogen",
	"noget", "nogle", "nu", "op", "sagde", "sidste", "sig", "siger", "ud",
	"været",
};
static const char *const lang_nb_words[] = {
	"annen", "av", "ble", "blir", "deg", "etter", "fikk", "gjennom",
	"hadde", "hennes", "hva", "kanskje", "løpet", "meg", "mellom", "noe",
	"noen", "nå", "opp", "sa", "seg", "sier", "siste", "ut", "vært",
};
static const char *const lang_hr_words[] = {
	"dio", "dvije", "europska", "europske", "europski", "europskih",
	"financija", "gdje", "kolovoza", "lipnja", "listopada", "mjesto",
	"općina", "općine", "općini", "ovdje", "ožujka", "poslije", "prije",
	"prijedlog", "prosinca", "riječ", "riječi", "riječima", "rujna",
	"siječnja", "sljedeće", "sljedećeg", "sljedećih", "sljedećoj",
	"srpnja", "studenog", "studenoga", "svibnja", "također", "tijekom",
	"tisuća", "tisuće", "tjedan", "tjedna", "tko", "travnja", "uopće",
	"uvijek", "veljače", "vrijeme",
};
static const char *const lang_sr_words[] = {
	"aprila", "avgusta", "decembra", "deo", "dve", "evropska", "evropske",
	"evropski", "evropskih", "februara", "finansija", "gde", "hiljada",
	"hiljade", "januara", "mesto", "nedelje", "novembra", "oktobra",
	"opština", "opštine", "opštini", "ovde", "posle", "pre", "predlog",
	"reč", "reči", "rečima", "septembra", "sledeće", "sledećeg",
	"sledećih", "sledećoj", "takođe", "tokom", "uopšte", "uvek", "vreme",
	"šta",
};

/* Letters of Croatian, Serbian and Bosnian that Slovenian lacks. */
static const char *const lang_hbs_letters[] = {
	"ć", "đ", "Ć", "Đ",
};

struct lang_pair {
	const char *a, *b;
	const char *const *ma, *const *mb;  /* the markers of a and b */
	size_t na, nb;
	bool letters;  /* markers are letters, not words (strcmp() order) */
	const char *near;  /* a language either may be taken for, or NULL */
};

/* Bosnian is Croatian's yat and Serbian's words: it stays Bosnian
 * unless one side's words prevail; Slovenian, without ć and đ. */
static const struct lang_pair lang_pairs[] = {
	{ "cs", "sk", lang_cs_letters, lang_sk_letters,
	    ETOK_COUNT(lang_cs_letters), ETOK_COUNT(lang_sk_letters), true,
	    NULL },
	{ "da", "nb", lang_da_words, lang_nb_words, ETOK_COUNT(lang_da_words),
	    ETOK_COUNT(lang_nb_words), false, NULL },
	{ "hr", "sr", lang_hr_words, lang_sr_words, ETOK_COUNT(lang_hr_words),
	    ETOK_COUNT(lang_sr_words), false, "bs" },
	{ "hr", "sr", lang_hr_words, lang_sr_words, ETOK_COUNT(lang_hr_words),
	    ETOK_COUNT(lang_sr_words), false, "sl" },
};

bool
lang_pairs_sorted(void)
{
	size_t i;

	for (i = 0; i < ETOK_COUNT(lang_pairs); i++)
		if (!lang_pairs[i].letters &&
		    (!etok_sorted(lang_pairs[i].ma, lang_pairs[i].na) ||
		    !etok_sorted(lang_pairs[i].mb, lang_pairs[i].nb)))
			return false;
	return true;
}

/* The markers m[0, n) in text[0, len): letters, or words (runs of bytes
 * other than ASCII's non-letters, their ASCII letters lower-cased). */
static size_t
lang_markers(const char *text, size_t len, const char *const *m, size_t n,
    bool letters)
{
	size_t i = 0, k, hits = 0, w;
	char word[32];

	while (i < len) {
		if (letters) {
			for (k = 0; k < n; k++)
				if (strncmp(text + i, m[k], strlen(m[k])) == 0)
					hits++;
			i++;
			continue;
		}
		for (w = 0; i < len && ((unsigned char)text[i] >= 0x80 ||
		    (unsigned)((text[i] | 0x20) - 'a') < 26); i++)
			if (w + 1 < sizeof(word))
				word[w++] = (char)((unsigned char)text[i] < 0x80 ?
				    text[i] | 0x20 : text[i]);
		word[w] = '\0';
		if (w > 0 && w + 1 < sizeof(word))
			hits += etok_in(word, m, n);
		i += w == 0;
	}
	return hits;
}

/* The language of the pair code is in (or is near) whose markers
 * text[0, len) holds more than twice as often as the other's, and at
 * least once for letters, twice for words (a Slovak name in Czech text,
 * a "nu" in Norwegian); code else. Slovenian only with ć or đ twice. */
static const char *
lang_pair(const char *code, const char *text, size_t len)
{
	const struct lang_pair *p;
	size_t i, na, nb, min;
	bool near;

	for (i = 0; code != NULL && i < ETOK_COUNT(lang_pairs); i++) {
		p = &lang_pairs[i];
		near = p->near != NULL && strcmp(code, p->near) == 0;
		if (!near && strcmp(code, p->a) != 0 &&
		    strcmp(code, p->b) != 0)
			continue;
		if (near && strcmp(code, "sl") == 0 && lang_markers(text, len,
		    lang_hbs_letters, ETOK_COUNT(lang_hbs_letters), true) < 2)
			continue;
		na = lang_markers(text, len, p->ma, p->na, p->letters);
		nb = lang_markers(text, len, p->mb, p->nb, p->letters);
		min = p->letters ? 1 : 2;
		if (strcmp(code, p->a) != 0 && na >= min && na > 2 * nb)
			return p->a;
		if (strcmp(code, p->b) != 0 && nb >= min && nb > 2 * na)
			return p->b;
	}
	return code;
}

const char *
lang_detect(const char *text, const struct etoks *toks, const char *hint)
{
	size_t letters, kana, len, g;
	const char *w;
	int script, hs;

	script = lang_script(text, &letters, &kana);
	if (script == LS_NONE)
		return hint;
	if (hint != NULL) {
		hs = lang_hint_script(hint);
		/* Serbian is written in both alphabets */
		if (hs == script || (strcmp(hint, "sr") == 0 &&
		    (script == LS_LATIN || script == LS_CYRILLIC))) {
			w = lang_words_overrule(toks, hint);
			return w != NULL ? w : hint;
		}
	}
	if (script == LS_CJK)
		return kana * 10 >= letters ? "ja" : "zh";
	if (lang_of_script[script] != NULL)
		return lang_of_script[script];
	if (letters < LANG_MIN_LETTERS)
		return NULL;
	len = strlen(text);
	if (len > LANG_SAMPLE) {
		len = LANG_SAMPLE;
		while (len > 0 && ((unsigned char)text[len] & 0xc0) == 0x80)
			len--;
	}
	for (g = 0; g < ETOK_COUNT(lang_groups); g++)
		if (lang_groups[g].script == script) {
			pthread_once(&lang_once[g], lang_loaders[g]);
			return lang_pair(lang_textcat(&lang_groups[g], text,
			    len), text, len);
		}
	return NULL;
}
