/* The words of dates: month, weekday and zone names in many languages,
 * and the tokenizer that cuts a string into numbers, words (lowercased,
 * Greek accents stripped) and punctuation. Pure: tables are constant. */
#include "date_tok.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"

/* ---- words -------------------------------------------------------------- */

struct date_word {
	const char *w;
	int v;
};

/* The word tables below are in strcmp() (byte) order, for bsearch();
 * date_tables_sorted() checks that order and is unit-tested. */

/* Month names and abbreviations, normalised (lowercase, Greek unaccented),
 * in English, German, French, Spanish, Italian, Portuguese, Dutch, the
 * Nordic languages, Polish, Czech, Hungarian, Turkish, Russian, Greek,
 * Romanian, Catalan, Indonesian, Finnish, Ukrainian and Arabic (the
 * Egyptian and Gulf names of the Gregorian months). Abbreviations that
 * are common words in another language ("out", "ago", "sie") are left
 * out. */
static const struct date_word date_months[] = {
	{ "abr", 4 }, { "abril", 4 }, { "agost", 8 }, { "agosto", 8 },
	{ "agustos", 8 }, { "aout", 8 }, { "août", 8 }, { "apr", 4 },
	{ "april", 4 }, { "aprile", 4 }, { "aprilie", 4 }, { "aralik", 12 },
	{ "aralık", 12 }, { "aug", 8 }, { "august", 8 }, { "augusti", 8 },
	{ "augustus", 8 }, { "augusztus", 8 }, { "avr", 4 }, { "avril", 4 },
	{ "ağustos", 8 }, { "březen", 3 }, { "března", 3 }, { "czerwca", 6 },
	{ "czerwiec", 6 }, { "dec", 12 }, { "december", 12 },
	{ "decembre", 12 }, { "decembrie", 12 }, { "desember", 12 },
	{ "desembre", 12 }, { "dez", 12 }, { "dezember", 12 },
	{ "dezembro", 12 }, { "dic", 12 }, { "dicembre", 12 },
	{ "diciembre", 12 }, { "duben", 4 }, { "dubna", 4 }, { "déc", 12 },
	{ "décembre", 12 }, { "ekim", 10 }, { "elokuuta", 8 }, { "ene", 1 },
	{ "enero", 1 }, { "eylul", 9 }, { "eylül", 9 }, { "feb", 2 },
	{ "febbraio", 2 }, { "febr", 2 }, { "febrer", 2 }, { "febrero", 2 },
	{ "februar", 2 }, { "februari", 2 }, { "februarie", 2 },
	{ "february", 2 }, { "február", 2 }, { "fev", 2 }, { "fevereiro", 2 },
	{ "fevrier", 2 }, { "fév", 2 }, { "févr", 2 }, { "février", 2 },
	{ "gen", 1 }, { "gener", 1 }, { "gennaio", 1 }, { "giu", 6 },
	{ "giugno", 6 }, { "grudnia", 12 }, { "grudzień", 12 },
	{ "haziran", 6 }, { "heinäkuuta", 7 }, { "helmikuuta", 2 },
	{ "huhtikuuta", 4 }, { "ianuarie", 1 }, { "iulie", 7 }, { "iunie", 6 },
	{ "jan", 1 }, { "janeiro", 1 }, { "januar", 1 }, { "januari", 1 },
	{ "january", 1 }, { "január", 1 }, { "janv", 1 }, { "janvier", 1 },
	{ "joulukuuta", 12 }, { "juil", 7 }, { "juillet", 7 }, { "juin", 6 },
	{ "jul", 7 }, { "julho", 7 }, { "juli", 7 }, { "julio", 7 },
	{ "juliol", 7 }, { "july", 7 }, { "jun", 6 }, { "june", 6 },
	{ "junho", 6 }, { "juni", 6 }, { "junio", 6 }, { "juny", 6 },
	{ "jän", 1 }, { "jänner", 1 }, { "júl", 7 }, { "július", 7 },
	{ "jún", 6 }, { "június", 6 }, { "kasim", 11 }, { "kasım", 11 },
	{ "kesäkuuta", 6 }, { "květen", 5 }, { "května", 5 },
	{ "kwiecień", 4 }, { "kwietnia", 4 }, { "leden", 1 }, { "ledna", 1 },
	{ "lipca", 7 }, { "lipiec", 7 }, { "listopad", 11 },
	{ "listopada", 11 }, { "listopadu", 11 }, { "lokakuuta", 10 },
	{ "lug", 7 }, { "luglio", 7 }, { "lutego", 2 }, { "luty", 2 },
	{ "maaliskuuta", 3 }, { "maart", 3 }, { "maerz", 3 }, { "mag", 5 },
	{ "maggio", 5 }, { "mai", 5 }, { "maig", 5 }, { "maio", 5 },
	{ "maj", 5 }, { "maja", 5 }, { "mar", 3 }, { "marca", 3 },
	{ "march", 3 }, { "marco", 3 }, { "maret", 3 }, { "marraskuuta", 11 },
	{ "mars", 3 }, { "mart", 3 }, { "martie", 3 }, { "marts", 3 },
	{ "marzec", 3 }, { "marzo", 3 }, { "març", 3 }, { "março", 3 },
	{ "may", 5 }, { "mayis", 5 }, { "mayo", 5 }, { "mayıs", 5 },
	{ "mei", 5 }, { "mrt", 3 }, { "máj", 5 }, { "május", 5 },
	{ "márc", 3 }, { "március", 3 }, { "mär", 3 }, { "märz", 3 },
	{ "nisan", 4 }, { "noiembrie", 11 }, { "nov", 11 }, { "november", 11 },
	{ "novembre", 11 }, { "novembro", 11 }, { "noviembre", 11 },
	{ "ocak", 1 }, { "oct", 10 }, { "october", 10 }, { "octobre", 10 },
	{ "octombrie", 10 }, { "octubre", 10 }, { "okt", 10 },
	{ "oktober", 10 }, { "október", 10 }, { "ott", 10 }, { "ottobre", 10 },
	{ "outubro", 10 }, { "październik", 10 }, { "października", 10 },
	{ "pebruari", 2 }, { "prosince", 12 }, { "prosinec", 12 },
	{ "sep", 9 }, { "sept", 9 }, { "september", 9 }, { "septembre", 9 },
	{ "septembrie", 9 }, { "septiembre", 9 }, { "set", 9 },
	{ "setembre", 9 }, { "setembro", 9 }, { "settembre", 9 },
	{ "sierpień", 8 }, { "sierpnia", 8 }, { "srpen", 8 }, { "srpna", 8 },
	{ "styczeń", 1 }, { "stycznia", 1 }, { "subat", 2 },
	{ "syyskuuta", 9 }, { "szept", 9 }, { "szeptember", 9 },
	{ "tammikuuta", 1 }, { "temmuz", 7 }, { "toukokuuta", 5 },
	{ "wrzesień", 9 }, { "września", 9 }, { "září", 9 }, { "ápr", 4 },
	{ "április", 4 }, { "únor", 2 }, { "února", 2 }, { "červen", 6 },
	{ "července", 7 }, { "červenec", 7 }, { "června", 6 }, { "říjen", 10 },
	{ "října", 10 }, { "şubat", 2 }, { "απρ", 4 }, { "απριλιος", 4 },
	{ "απριλιου", 4 }, { "αυγ", 8 }, { "αυγουστος", 8 },
	{ "αυγουστου", 8 }, { "δεκ", 12 }, { "δεκεμβριος", 12 },
	{ "δεκεμβριου", 12 }, { "ιαν", 1 }, { "ιανουαριος", 1 },
	{ "ιανουαριου", 1 }, { "ιουλ", 7 }, { "ιουλιος", 7 }, { "ιουλιου", 7 },
	{ "ιουν", 6 }, { "ιουνιος", 6 }, { "ιουνιου", 6 }, { "μαι", 5 },
	{ "μαιος", 5 }, { "μαιου", 5 }, { "μαρ", 3 }, { "μαρτιος", 3 },
	{ "μαρτιου", 3 }, { "νοε", 11 }, { "νοεμβριος", 11 },
	{ "νοεμβριου", 11 }, { "οκτ", 10 }, { "οκτωβριος", 10 },
	{ "οκτωβριου", 10 }, { "σεπ", 9 }, { "σεπτεμβριος", 9 },
	{ "σεπτεμβριου", 9 }, { "φεβ", 2 }, { "φεβρουαριος", 2 },
	{ "φεβρουαριου", 2 }, { "авг", 8 }, { "август", 8 }, { "августа", 8 },
	{ "апр", 4 }, { "апрель", 4 }, { "апреля", 4 }, { "березня", 3 },
	{ "вересня", 9 }, { "грудня", 12 }, { "дек", 12 }, { "декабрь", 12 },
	{ "декабря", 12 }, { "жовтня", 10 }, { "июл", 7 }, { "июль", 7 },
	{ "июля", 7 }, { "июн", 6 }, { "июнь", 6 }, { "июня", 6 },
	{ "квітня", 4 }, { "липня", 7 }, { "листопада", 11 }, { "лютого", 2 },
	{ "май", 5 }, { "мар", 3 }, { "март", 3 }, { "марта", 3 },
	{ "мая", 5 }, { "ноя", 11 }, { "нояб", 11 }, { "ноябрь", 11 },
	{ "ноября", 11 }, { "окт", 10 }, { "октябрь", 10 }, { "октября", 10 },
	{ "сен", 9 }, { "сент", 9 }, { "сентябрь", 9 }, { "сентября", 9 },
	{ "серпня", 8 }, { "січня", 1 }, { "травня", 5 }, { "фев", 2 },
	{ "февр", 2 }, { "февраль", 2 }, { "февраля", 2 }, { "червня", 6 },
	{ "янв", 1 }, { "январь", 1 }, { "января", 1 }, { "أبريل", 4 },
	{ "أغسطس", 8 }, { "أكتوبر", 10 }, { "إبريل", 4 }, { "ابريل", 4 },
	{ "اغسطس", 8 }, { "اكتوبر", 10 }, { "ديسمبر", 12 }, { "سبتمبر", 9 },
	{ "فبراير", 2 }, { "مارس", 3 }, { "مايو", 5 }, { "نوفمبر", 11 },
	{ "يناير", 1 }, { "يوليه", 7 }, { "يوليو", 7 }, { "يونيه", 6 },
	{ "يونيو", 6 },
};

/* Weekday names: recognised and ignored (the date decides, not them). */
static const char *const date_weekdays[] = {
	"csütörtök", "cuma", "cumartesi", "czwartek", "di", "dienstag", "dim",
	"dimanche", "dinsdag", "do", "dom", "domenica", "domingo", "donderdag",
	"donnerstag", "fr", "fredag", "freitag", "fri", "friday", "gio",
	"giovedì", "hétfő", "jeu", "jeudi", "jue", "jueves", "kedd", "lun",
	"lundi", "lunedì", "lunes", "lördag", "lørdag", "maandag", "mandag",
	"mardi", "martedì", "martes", "mer", "mercoledì", "mercredi", "mi",
	"miercoles", "mittwoch", "mié", "miércoles", "mo", "mon", "monday",
	"montag", "måndag", "niedziela", "onsdag", "pazar", "pazartesi",
	"perşembe", "piątek", "poniedziałek", "péntek", "qua", "quarta", "qui",
	"quinta", "sa", "sab", "sabado", "sabato", "salı", "sam", "samedi",
	"samstag", "sat", "saturday", "seg", "segunda", "sex", "sexta", "so",
	"sobota", "sonnabend", "sonntag", "sun", "sunday", "szerda", "szombat",
	"sáb", "sábado", "söndag", "søndag", "ter", "terça", "thu", "thur",
	"thurs", "thursday", "tirsdag", "tisdag", "torsdag", "tue", "tues",
	"tuesday", "vasárnap", "ven", "vendredi", "venerdì", "vie", "viernes",
	"vrijdag", "wed", "wednesday", "weds", "woensdag", "wtorek",
	"zaterdag", "zondag", "çarşamba", "środa", "δευ", "δευτερα", "κυρ",
	"κυριακη", "παρ", "παρασκευη", "πεμ", "πεμπτη", "σαβ", "σαββατο",
	"τετ", "τεταρτη", "τρι", "τριτη", "воскресенье", "вс", "вт", "вторник",
	"вівторок", "неділя", "пʼятниця", "пн", "понедельник", "понеділок",
	"пт", "пятница", "сб", "середа", "ср", "среда", "суббота", "субота",
	"четвер", "четверг", "чт", "الأحد", "الأربعاء", "الإثنين", "الاثنين",
	"الثلاثاء", "الجمعة", "الخميس", "السبت", "周一", "周三", "周二",
	"周五", "周六", "周四", "周日", "土", "土曜日", "日", "日曜日",
	"星期一", "星期三", "星期二", "星期五", "星期六", "星期四", "星期天",
	"星期日", "月", "月曜日", "木", "木曜日", "水", "水曜日", "火",
	"火曜日", "金", "金曜日", "금", "금요일", "목", "목요일", "수",
	"수요일", "월", "월요일", "일", "일요일", "토", "토요일", "화",
	"화요일",
};

/* Connecting words that may sit inside a written date. */
static const char *const date_stopwords[] = {
	"de", "del", "den", "der", "el", "feira", "il", "kl", "klo", "le",
	"of", "om", "on", "op", "the", "uhr", "um", "y", "à", "г", "год",
	"года", "年",
};

/* Named zones, minutes east of UTC. */
static const struct date_word date_zones[] = {
	{ "acdt", 630 }, { "acst", 570 }, { "adt", -180 }, { "aedt", 660 },
	{ "aest", 600 }, { "akdt", -480 }, { "akst", -540 }, { "art", -180 },
	{ "ast", -240 }, { "at", -240 }, { "awst", 480 }, { "brt", -180 },
	{ "bst", 60 }, { "cat", 120 }, { "cdt", -300 }, { "cest", 120 },
	{ "cet", 60 }, { "clt", -240 }, { "cst", -360 }, { "ct", -360 },
	{ "eat", 180 }, { "edt", -240 }, { "eest", 180 }, { "eet", 120 },
	{ "est", -300 }, { "et", -300 }, { "gmt", 0 }, { "hkt", 480 },
	{ "hst", -600 }, { "ict", 420 }, { "ist", 330 }, { "jst", 540 },
	{ "kst", 540 }, { "mdt", -360 }, { "mest", 120 }, { "mesz", 120 },
	{ "met", 60 }, { "mez", 60 }, { "msd", 240 }, { "msk", 180 },
	{ "mst", -420 }, { "mt", -420 }, { "ndt", -150 }, { "npt", 345 },
	{ "nst", -210 }, { "nzdt", 780 }, { "nzst", 720 }, { "pdt", -420 },
	{ "pht", 480 }, { "pkt", 300 }, { "pst", -480 }, { "pt", -480 },
	{ "sast", 120 }, { "sgt", 480 }, { "trt", 180 }, { "ut", 0 },
	{ "utc", 0 }, { "wat", 60 }, { "west", 60 }, { "wet", 0 },
	{ "wib", 420 }, { "z", 0 }, { "zulu", 0 },
};

/* Zone names that are also words, read as zones only after a time. */
bool
date_zone_ambiguous(const char *w)
{
	return strlen(w) <= 2 || strcmp(w, "art") == 0 ||
	    strcmp(w, "cat") == 0 || strcmp(w, "met") == 0 ||
	    strcmp(w, "west") == 0 || strcmp(w, "wat") == 0;
}

static int
date_str_cmp(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

static int
date_word_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct date_word *)elem)->w);
}

/* Whether w is in list, n strings in strcmp() order. */
static bool
date_in_list(const char *const *list, size_t n, const char *w)
{
	return bsearch(w, list, n, sizeof(*list), date_str_cmp) != NULL;
}

/* The value of w in tab, n words in strcmp() order, into *v: 0, or -1
 * when w is not there. */
static int
date_lookup(const struct date_word *tab, size_t n, const char *w, int *v)
{
	const struct date_word *e = bsearch(w, tab, n, sizeof(*tab),
	    date_word_cmp);

	if (e == NULL)
		return -1;
	*v = e->v;
	return 0;
}

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

bool
date_weekday(const char *w)
{
	return date_in_list(date_weekdays, NELEM(date_weekdays), w);
}

bool
date_stopword(const char *w)
{
	return date_in_list(date_stopwords, NELEM(date_stopwords), w);
}

bool
date_zone(const char *w, int *off)
{
	return date_lookup(date_zones, NELEM(date_zones), w, off) == 0;
}

int
date_month_word(const struct date_tok *t)
{
	int v;

	if (t->kind != DT_WORD || t->long_word)
		return 0;
	if (date_lookup(date_months, NELEM(date_months), t->w, &v) == 0)
		return v;
	return 0;
}

bool
date_is_word(const struct date_tok *t, const char *w)
{
	return t->kind == DT_WORD && strcmp(t->w, w) == 0;
}

bool
date_is_punct(const struct date_tok *t, char c)
{
	return t->kind == DT_PUNCT && t->w[0] == c;
}

/* ---- tokenizer --------------------------------------------------------- */

/* Decodes one UTF-8 sequence at s[0..len); returns its length (>= 1) and
 * the code point, U+FFFD for an invalid byte. */
static size_t
date_utf8(const unsigned char *s, size_t len, uint32_t *cp)
{
	size_t n;
	uint32_t c = s[0];

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if ((c & 0xE0) == 0xC0) {
		n = 2;
		c &= 0x1F;
	} else if ((c & 0xF0) == 0xE0) {
		n = 3;
		c &= 0x0F;
	} else if ((c & 0xF8) == 0xF0) {
		n = 4;
		c &= 0x07;
	} else {
		*cp = 0xFFFD;
		return 1;
	}
	if (n > len) {
		*cp = 0xFFFD;
		return 1;
	}
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*cp = 0xFFFD;
			return 1;
		}
		c = (c << 6) | (s[i] & 0x3F);
	}
	*cp = c;
	return n;
}

static size_t
date_put_utf8(char *o, uint32_t c)
{
	if (c < 0x80) {
		o[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		o[0] = (char)(0xC0 | (c >> 6));
		o[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		o[0] = (char)(0xE0 | (c >> 12));
		o[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		o[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	o[0] = (char)(0xF0 | (c >> 18));
	o[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	o[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	o[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/* Lowercase for the scripts the tables use; Greek loses its accents. */
static uint32_t
date_fold(uint32_t c)
{
	if (c >= 'A' && c <= 'Z')
		return c + 32;
	if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
		return c + 32;
	if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177))
		return c | 1;
	if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
		return (c & 1) ? c + 1 : c;
	if (c >= 0x410 && c <= 0x42F)
		return c + 32;
	if (c >= 0x400 && c <= 0x40F)
		return c + 80;
	if (c >= 0x391 && c <= 0x3A9)
		c += 32;
	switch (c) {
	case 0x386: case 0x3AC: return 0x3B1;
	case 0x388: case 0x3AD: return 0x3B5;
	case 0x389: case 0x3AE: return 0x3B7;
	case 0x38A: case 0x3AF: case 0x3CA: case 0x390: return 0x3B9;
	case 0x38C: case 0x3CC: return 0x3BF;
	case 0x38E: case 0x3CD: case 0x3CB: case 0x3B0: return 0x3C5;
	case 0x38F: case 0x3CE: return 0x3C9;
	case 0x3C2: return 0x3C3;
	default: return c;
	}
}

/* Classifies a non-ASCII code point: ' ' for space, a punctuation char,
 * or 0 for a letter. */
static char
date_uclass(uint32_t c)
{
	if (c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F ||
	    c == 0x205F || c == 0x3000 || c == 0xFEFF)
		return ' ';
	if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212)
		return '-';
	if (c == 0xFF0C || c == 0x3001 || c == 0x060C)
		return ',';
	if (c == 0x3002 || c == 0xB7)
		return '.';
	if (c == 0xFF1A)
		return ':';
	if (c == 0xFF08 || (c >= 0x3008 && c <= 0x3011))
		return '(';
	if (c == 0xFF09)
		return ')';
	if ((c >= 0x2016 && c <= 0x206F) || (c >= 0x3012 && c <= 0x303F) ||
	    (c >= 0xA1 && c <= 0xBF) || c == 0xD7 || c == 0xF7 ||
	    c == 0xFFFD || (c >= 0x2190 && c <= 0x2BFF))
		return '|';
	return 0;
}

/* CJK date/time units that follow a number: 年 月 日 時 时 点 分 秒 and
 * the Korean 년 월 일 시 분 초. */
static bool
date_cjk_unit(uint32_t c)
{
	return c == 0x5E74 || c == 0x6708 || c == 0x65E5 || c == 0x6642 ||
	    c == 0x65F6 || c == 0x70B9 || c == 0x5206 || c == 0x79D2 ||
	    c == 0xB144 || c == 0xC6D4 || c == 0xC77C || c == 0xC2DC ||
	    c == 0xBD84 || c == 0xCD08;
}

/* Reads the token at s[*pos..len), skipping whitespace. Returns false at
 * the end of input. */
bool
date_next_tok(const char *str, size_t len, size_t *pos, struct date_tok *t)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t p = *pos, n, wl = 0;
	uint32_t c;
	bool space = p == 0;
	char cls;

	for (;;) {
		if (p >= len)
			return false;
		if (s[p] == ' ' || s[p] == '\t' || s[p] == '\n' ||
		    s[p] == '\r' || s[p] == '\f' || s[p] == '\v') {
			p++;
			space = true;
			continue;
		}
		if (s[p] >= 0x80) {
			n = date_utf8(s + p, len - p, &c);
			if (date_uclass(c) == ' ') {
				p += n;
				space = true;
				continue;
			}
		}
		break;
	}
	memset(t, 0, sizeof(*t));
	t->space = space;
	t->start = p;
	if (s[p] >= '0' && s[p] <= '9') {
		t->kind = DT_NUM;
		while (p < len && s[p] >= '0' && s[p] <= '9') {
			if (t->nd < 10)
				t->val = t->val * 10 + (s[p] - '0');
			t->nd++;
			p++;
		}
		/* a year glued to the day of a second date, as a text dump
		 * joins two spans: "2. Februar 20202. Februar 2020" */
		if ((t->nd == 5 || t->nd == 6) && p < len && s[p] == '.' &&
		    (s[t->start] == '1' || s[t->start] == '2') &&
		    (s[t->start + 1] == '9' || s[t->start + 1] == '0') &&
		    t->start > 0 && s[t->start - 1] == ' ') {
			p = t->start + 4;
			t->nd = 4;
			t->val = (s[p - 4] - '0') * 1000 + (s[p - 3] - '0') *
			    100 + (s[p - 2] - '0') * 10 + (s[p - 1] - '0');
		}
		t->end = p;
		*pos = p;
		return true;
	}
	n = date_utf8(s + p, len - p, &c);
	cls = c < 0x80 ? 0 : date_uclass(c);
	if ((c < 0x80 && !((c | 32) >= 'a' && (c | 32) <= 'z')) || cls) {
		t->kind = DT_PUNCT;
		t->w[0] = cls ? cls : (char)c;
		t->end = p + n;
		*pos = p + n;
		return true;
	}
	t->kind = DT_WORD;
	if (date_cjk_unit(c)) {
		/* a unit stands alone so that "14日星期日" splits */
		wl = date_put_utf8(t->w, c);
		t->w[wl] = '\0';
		t->end = p + n;
		*pos = p + n;
		return true;
	}
	while (p < len) {
		n = date_utf8(s + p, len - p, &c);
		if (c < 0x80) {
			if (!((c | 32) >= 'a' && (c | 32) <= 'z'))
				break;
		} else if (date_uclass(c) || date_cjk_unit(c)) {
			break;
		}
		c = date_fold(c);
		if (wl + 4 < sizeof(t->w))
			wl += date_put_utf8(t->w + wl, c);
		else
			t->long_word = true;
		p += n;
	}
	t->w[wl] = '\0';
	t->end = p;
	*pos = p;
	return true;
}

/* Other words that a date may hold: meridiems, ordinal suffixes, CJK
 * units. */
static const char *const date_known_extra[] = {
	"am", "at", "er", "etc", "hr", "hrs", "nd", "pm", "rd", "st",
	"th", "uhr", "um", "º", "上午", "下午", "分", "午前", "午後",
	"年", "日", "时", "時", "月", "点", "秒", "년", "분", "시",
	"오전", "오후", "월", "일", "초",
};

/* Words the parser may accept inside a date; any other word ends the
 * search window of date_find() early. */
bool
date_word_known(const struct date_tok *t)
{
	int v;

	if (t->long_word)
		return false;
	return strlen(t->w) == 1 || date_month_word(t) ||
	    date_in_list(date_known_extra, NELEM(date_known_extra), t->w) ||
	    date_in_list(date_weekdays, NELEM(date_weekdays), t->w) ||
	    date_in_list(date_stopwords, NELEM(date_stopwords), t->w) ||
	    date_lookup(date_zones, NELEM(date_zones), t->w, &v) == 0;
}

static bool
date_words_sorted(const char *const *v, size_t n)
{
	for (size_t i = 1; i < n; i++)
		if (strcmp(v[i - 1], v[i]) >= 0)
			return false;
	return true;
}

static bool
date_table_sorted(const struct date_word *v, size_t n)
{
	for (size_t i = 1; i < n; i++)
		if (strcmp(v[i - 1].w, v[i].w) >= 0)
			return false;
	return true;
}

bool
date_tables_sorted(void)
{
	return date_table_sorted(date_months, NELEM(date_months)) &&
	    date_table_sorted(date_zones, NELEM(date_zones)) &&
	    date_words_sorted(date_weekdays, NELEM(date_weekdays)) &&
	    date_words_sorted(date_stopwords, NELEM(date_stopwords)) &&
	    date_words_sorted(date_known_extra, NELEM(date_known_extra)) &&
	    date_tz_sorted();
}

/* A day glued to the word before it, as a text dump joins a byline's
 * spans ("hejfish7. Januar 2022"): one or two digits after a letter,
 * then a dot and a month word; not "A380. Januar" (no day). */
bool
date_glued_day(const char *s, size_t len, const struct date_tok *t)
{
	struct date_tok dot, mon;
	size_t p = t->end;
	unsigned char c;

	if (t->start == 0 || t->kind != DT_NUM || t->nd > 2 || t->val < 1)
		return false;
	c = (unsigned char)s[t->start - 1];
	if (!((c | 32) >= 'a' && (c | 32) <= 'z'))
		return false;
	if (!date_next_tok(s, len, &p, &dot) || dot.space ||
	    !date_is_punct(&dot, '.') || !date_next_tok(s, len, &p, &mon))
		return false;
	return mon.kind == DT_WORD && mon.space && date_month_word(&mon);
}
