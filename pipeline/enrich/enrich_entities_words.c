/* The word lists of the entity rules (enrich_entities.c), folded and in
 * strcmp() order, and their lookups; the stems of Cyrillic names. */
#include "enrich_int.h"

#include <stdlib.h>
#include <string.h>

#include "enrich.h"

#include "enrich/enrich_names.h"

/* English function words that never start a name, wherever they are
 * ("In Python", "The National Survey"). */
static const char *const ent_function_words[] = {
	"a", "an", "and", "as", "at", "but", "by", "for", "from", "if", "in",
	"of", "on", "or", "so", "the", "to", "with",
};

/* Words that make a run an organisation's name. */
static const char *const ent_org_words[] = {
	"administration", "ag", "agency", "airlines", "airways", "alliance",
	"army", "assembly", "association", "authority", "bank", "bbc",
	"board", "brigade", "bureau", "cabinet", "cafe", "center",
	"centre", "channel", "church", "club", "cnn", "coalition", "college",
	"command", "commission", "committee", "company", "congress", "corp",
	"corporation", "council", "court", "daily", "department",
	"directorate", "division", "duma", "express", "fc", "federation",
	"force", "forces", "foundation", "front", "fund", "gazette",
	"gmbh", "government", "group", "guard", "guardian", "herald",
	"holdings", "hospital", "house", "inc", "independent",
	"industries", "inn", "institute", "institution", "journal",
	"kremlin", "laboratory", "league", "llc", "ltd", "magazine",
	"media", "ministry", "motors",
	"movement", "museum", "navy", "network", "news", "observatory",
	"office", "organisation", "organization",
	"parliament", "party", "pentagon", "plc", "police", "post", "press",
	"radio", "regiment", "reuters", "review", "sa", "school",
	"secretariat", "senate", "service", "society", "squad", "systems",
	"tass", "team", "technologies", "telegraph", "television", "times",
	"tribune", "trust", "union", "university",
};

/* English words of lower case that head a body's name where they end
 * a title-case run of other such words ("Amnesty International",
 * "Federal Reserve", "Great Western Railway"): alone, or opening a run,
 * they are common words. */
static const char *const ent_org_ends[] = {
	"entertainment", "games", "international", "labs", "nations",
	"partners", "pictures", "records", "reserve", "sports", "studios",
	"united", "ventures",
};

/* Prepositions of Polish, Russian and Ukrainian, languages that decline
 * names: a name after one is in an oblique case ("w Lesznie", "z
 * Moskwą", "в Америке", "у Кустурицы"). */
static const char *const ent_decl_preps[] = {
	"bez", "dla", "do", "dzi\u0119ki", "ko\u0142o", "ku", "mimo",
	"mi\u0119dzy", "na", "nad", "o", "obok", "od", "ode",
	"oko\u0142o", "opr\u00f3cz", "po", "pod", "podczas", "poza",
	"przeciw", "przeciwko", "przed", "przez", "przy", "spod", "sprzed",
	"u", "w", "we", "wed\u0142ug", "wobec", "wok\u00f3\u0142",
	"wzd\u0142u\u017c", "w\u015br\u00f3d", "z", "za", "ze", "znad",
	"zza",
	"\u0431\u0435\u0437", "\u0431\u0456\u043b\u044f", "\u0432",
	"\u0432\u043e", "\u0432\u0456\u0434", "\u0434\u043b\u044f",
	"\u0434\u043e", "\u0437", "\u0437\u0430", "\u0437\u0456",
	"\u0438\u0437", "\u043a", "\u043a\u043e",
	"\u043c\u0435\u0436\u0434\u0443", "\u043c\u0456\u0436",
	"\u043d\u0430", "\u043d\u0430\u0434", "\u043e", "\u043e\u0431",
	"\u043e\u0431\u043e", "\u043e\u0442",
	"\u043f\u0435\u0440\u0435\u0434", "\u043f\u043e",
	"\u043f\u043e\u0434", "\u043f\u0440\u0438",
	"\u043f\u0440\u043e", "\u043f\u0456\u0434",
	"\u043f\u0456\u0441\u043b\u044f", "\u0441",
	"\u0441\u0435\u0440\u0435\u0434", "\u0441\u043e",
	"\u0441\u0440\u0435\u0434\u0438", "\u0443",
	"\u0447\u0435\u0440\u0435\u0437", "\u0456\u0437",
};

/* Titles and honorifics: before a name they mark a person; ending a run
 * they make it a role, not a name. */
static const char *const ent_titles[] = {
	"admiral", "adviser", "advisor", "agent", "ambassador", "analyst",
	"archbishop", "attorney", "ayatollah", "bishop", "capt", "captain",
	"cardinal", "ceo", "cfo", "chair", "chairman", "chairwoman",
	"chancellor", "chief", "coach", "col", "colonel", "commissioner",
	"congressman", "congresswoman", "correspondent", "councillor",
	"councilman", "counsel", "dame", "dean", "deputy", "detective",
	"director", "dj", "dr", "economist", "editor", "emir", "envoy",
	"father", "founder", "gen", "general", "gov", "governor", "head",
	"imam", "inspector", "judge", "justice", "king", "lady", "leader",
	"lieutenant", "lord", "lt", "marshal", "mayor", "mep", "minister",
	"miss", "mp", "mr", "mrs", "ms", "mx", "officer", "official",
	"officials", "pastor", "pope", "premier", "president", "prime",
	"prince", "princess", "prof", "professor", "queen", "rabbi", "rep",
	"reporter", "representative", "rev", "reverend", "secretary", "sen",
	"senator", "sergeant", "sgt", "sheikh", "sheriff", "sir", "speaker",
	"spokesman", "spokesmen", "spokesperson", "spokeswoman", "vice",
};

/* Words that name a kind of place: after a place's name they make one
 * place of both ("New York City", "Gaza Strip"). */
static const char *const ent_place_kinds[] = {
	"bay", "beach", "city", "coast", "county", "district", "harbor",
	"harbour", "island", "islands", "mountains", "ocean", "peninsula",
	"province", "region", "river", "sea", "state", "strip", "valley",
};

/* Words that end the name of a street, a square or a venue: a run
 * ending in one is a place ("Wall Street", "Tiananmen Square", "Mile
 * High Stadium"), never a person; with the abbreviations of the
 * streets' words ("Cornmarket St", "Bragg St") and the quay, a street
 * along water ("Albert Quay"). */
static const char *const ent_site_words[] = {
	"airport", "arena", "ave", "avenue", "blvd", "boulevard", "bridge",
	"plaza", "quay", "rd", "road", "square", "st", "stadium", "station",
	"street",
};

/* Words that open the name of a town and never a person's, in English
 * text: the articles and saints of Spanish and French place names ("San
 * Francisco", "Las Vegas", "St Louis"; not "El": "El Niño"). */
static const char *const ent_place_openers[] = {
	"las", "los", "san", "st",
};

/* The planets and the large moons, which English names by one word
 * ("on Earth", "to Mars", "Saturn's moon Enceladus"): no body, and no
 * place of the gazetteer's. Not Mercury and Venus, people's names too
 * ("Freddie Mercury"), nor the Moon and the Sun ("Moon Jae-in", "The
 * Sun"), nor Titan and Triton, names of firms and games. */
static const char *const ent_sky[] = {
	"callisto", "earth", "enceladus", "europa", "ganymede", "jupiter",
	"mars", "neptune", "pluto", "saturn", "uranus",
};

/* Determiners of a common noun: an acronym after one is a thing ("its
 * IPO", "a CPU"), not an organisation. */
static const char *const ent_determiners[] = {
	"a", "an", "her", "his", "its", "my", "our", "their", "these", "this",
	"those", "your",
};

/* Lower-case words before a run that mark it as a person. */
static const char *const ent_person_before[] = {
	"adviser", "advisor", "aide", "ambassador", "analyst", "brother",
	"chairman", "chancellor", "chief", "colleague", "commander",
	"correspondent", "counterpart", "daughter", "deputy", "director",
	"economist", "envoy", "father", "general", "governor", "head",
	"husband", "journalist", "judge", "lawyer", "leader", "mayor",
	"minister", "mother", "official", "politician", "predecessor",
	"premier", "president", "professor", "reporter", "secretary",
	"senator", "sister", "son", "spokesman", "spokesperson",
	"spokeswoman", "successor", "wife",
};


/* French, Spanish, Italian and Portuguese words that make a run an
 * organisation's name ("Corte Suprema", "Ministère de la Culture",
 * "Banco de España", "Grupo Conti SA"), folded. */
static const char *const ent_rom_org_words[] = {
	"academia", "académie", "administración", "agence", "agencia",
	"agenzia", "agência", "alcaldía", "armada", "asamblea", "asociación",
	"assemblée", "associazione", "associação", "audiencia", "autorité",
	"ayuntamiento", "banca", "banco", "banque", "bolsa", "caisse",
	"camera", "chambre", "cia", "comando", "comisaría", "comisión",
	"comité", "compagnie", "compañía", "confederación", "confédération",
	"congreso", "conseil", "consejo", "conselho", "consiglio",
	"contraloría", "corporación", "corte", "cour", "cámara", "câmara",
	"defensoría", "diario", "dirección", "direction", "ejército",
	"embajada", "empresa", "federación", "fiscalía", "fondation",
	"fondazione", "fundación", "fundação", "fédération", "gendarmerie",
	"gobernación", "gobierno", "gouvernement", "governo", "groupe",
	"grupo", "guardia", "hôpital", "institut", "instituto", "istituto",
	"junta", "juzgado", "liga", "ligue", "ltda", "mairie", "ministerio",
	"ministero", "ministère", "ministério", "mouvement", "movimiento",
	"museo", "musée", "organismo", "organización", "parlamento",
	"parlement", "parquet", "parti", "partido", "partito", "policía",
	"polizia", "polícia", "procura", "procuraduría", "préfecture",
	"rassemblement", "s.a", "s.l", "sarl", "sas", "secretaría", "senado",
	"senato", "sindicato", "sl", "sociedad", "società", "société", "spa",
	"srl", "superintendencia", "syndicat", "sénat", "tribunal",
	"tribunale", "universidad", "universidade", "università",
	"université", "unión",
};

/* French, Spanish, Italian and Portuguese titles and roles before a
 * name ("Presidente Gabriel Boric", "DT Jafet Soto", "Mme Cardenal"). */
static const char *const ent_rom_titles[] = {
	"abogada", "abogado", "alcalde", "alcaldesa", "avocat", "avocate",
	"canciller", "capitán", "comandante", "comisaria",
	"comisario", "coronel", "diputada", "diputado", "directeur",
	"directora", "directrice", "docteur", "don", "doña", "dt", "député",
	"députée", "entrenador", "expresidente", "fiscal", "gobernador",
	"gobernadora", "gouverneur", "jefa", "jefe", "juez", "jueza", "juge",
	"m", "madame", "maire", "mandataria", "mandatario", "ministra",
	"ministre", "ministro", "mlle", "mme", "monsieur", "obispo",
	"portavoz", "pr", "president", "presidenta", "presidente", "profesor",
	"profesora", "professeur", "président", "présidente", "reina",
	"reine", "rey", "roi", "secretaria", "secretario", "secrétaire",
	"senador", "senadora", "signor", "signora", "sindaco", "sr", "sra",
	"srta", "sénateur", "vicepresidente",
};

/* Words that open the name of a street, a square or a venue in those
 * languages ("Estadio Ernesto Rohrmoser", "Calle El Trabajador"). */
static const char *const ent_rom_site_words[] = {
	"aeroporto", "aeropuerto", "avda", "avenida", "aéroport", "barrio",
	"boulevard", "calle", "estadio", "estádio", "parc", "parque", "paseo",
	"piazza", "plaza", "praça", "rue", "stade", "stadio",
};

/* Their articles: one inside a sentence opens a title or an institution
 * ("Le Monde", "El Espectador", "La Moneda"). */
static const char *const ent_rom_articles[] = {
	"el", "il", "l", "la", "las", "le", "les", "lo", "los",
};

/* The lower-case words that join the words of one name in those
 * languages: "Banco de España", "Ministerio de Energía y Minas",
 * "Charles de Gaulle". */
static const char *const ent_rom_joiners[] = {
	"da", "das", "de", "del", "della", "des", "di", "do", "dos", "du",
};

/* Their words for a town's body, office or part, whose "de" names the
 * town ("le parquet de Brest", "maire de Fresnes", "l'université de
 * Nantes", "canton de Soleure", "alcalde de Tibás"). */
static const char *const ent_rom_of_town[] = {
	"alcalde", "alcaldesa", "alcaldía", "ayuntamiento", "canton",
	"cantón", "cidade", "città", "ciudad", "commune", "comuna", "comune",
	"diocèse", "maire", "mairie", "municipio", "município", "parquet",
	"prefeito", "prefeitura", "prefettura", "procura", "préfecture",
	"sindaco", "tribunal", "tribunale", "universidad", "universidade",
	"università", "université", "ville",
};

/* German determiners and pronouns, capitalised inside a sentence where
 * they address the reader ("Ihre Bestellung", "Deine Haare"): they open
 * no name, wherever they stand. */
static const char *const ent_de_dets[] = {
	"alle", "allen", "aller", "dein", "deine", "deinem", "deinen",
	"deiner", "deines", "diese", "diesem", "diesen", "dieser", "dieses",
	"einige", "einigen", "euer", "eure", "euren", "eurer", "ihnen", "ihr",
	"ihre", "ihrem", "ihren", "ihrer", "ihres", "jede", "jedem", "jeden",
	"jeder", "jedes", "manche", "meine", "meinem", "meinen", "meiner",
	"seine", "seinem", "seinen", "seiner", "unser", "unsere", "unserem",
	"unseren", "unserer", "viele", "vielen", "welche", "welchen",
};

/* Ends of German words that are the head of an organisation's name
 * ("Deutsche Bank", "Techniker Krankenkasse", "Bundesverband ...",
 * "Berliner Feuerwehr") and its legal forms ("GmbH", "e.V."). */
static const char *const ent_de_org_ends[] = {
	"agentur", "amt", "bank", "behörde", "e.v", "feuerwehr", "gericht",
	"gerichtshof", "gesellschaft", "gmbh", "hochschule", "institut",
	"kasse", "kommission", "konzern", "ministerium", "partei", "polizei",
	"stiftung", "universität", "verband", "verein", "zeitung", "zentrum",
};

/* Ends of German nouns that head a body's name after a country's or a
 * church's adjective, beside ent_de_org_ends: "Deutsche Bahn",
 * "Evangelische Kirche", "Europäische Parlament", "Deutsche
 * Wetterdienst" (where "Römische Reich", "Indische Ozean", "Arabische
 * Frühling" name a state, a place, an event). */
static const char *const ent_de_body_ends[] = {
	"bahn", "bund", "dienst", "fernsehen", "kirche", "kongress", "oper",
	"parlament", "rat", "rundfunk", "stelle", "theater",
};

/* Ends of German words that make them a common noun or an adjective, never
 * a name ("Gelegenheit", "Technische"). */
static const char *const ent_de_noun_ends[] = {
	"heit", "heiten", "isch", "ische", "ischen", "ischer", "ismus", "keit",
	"keiten", "lich", "liche", "lichen", "licher", "ment", "nis", "nisse",
	"schaft", "schaften", "tion", "tionen", "tät", "täten", "ung", "ungen",
};

/* Ends of German words for a role before a name ("Parteichef Meuthen",
 * "Bundeskanzlerin Angela Merkel", "Frau Weiß"). */
static const char *const ent_de_role_ends[] = {
	"abgeordnete", "abgeordneten", "abgeordneter", "autor", "autorin",
	"chef", "chefin", "direktor", "direktorin", "dr", "frau",
	"geschäftsführer", "geschäftsführerin", "herr", "herrn", "kanzler",
	"kanzlerin", "minister", "ministerin", "moderator", "moderatorin",
	"politiker", "politikerin", "präsident", "präsidentin", "prof",
	"sprecher", "sprecherin", "trainer", "trainerin", "vorsitzende",
	"vorsitzenden", "vorsitzender",
};

/* Whether the folded word f ends with one of the n ends (the whole word
 * for a short one, else with three letters or more in front). */
static bool
ent_ends_with(const char *f, const char *const *ends, size_t n)
{
	size_t i, fl = strlen(f), el;

	for (i = 0; i < n; i++) {
		el = strlen(ends[i]);
		if (fl == el && strcmp(f, ends[i]) == 0)
			return true;
		if (fl >= el + 3 && strcmp(f + fl - el, ends[i]) == 0)
			return true;
	}
	return false;
}

bool
ent_de_noun(const char *f)
{
	return ent_ends_with(f, ent_de_noun_ends, ETOK_COUNT(ent_de_noun_ends));
}

bool
ent_de_org(const char *f)
{
	return ent_ends_with(f, ent_de_org_ends, ETOK_COUNT(ent_de_org_ends));
}

bool
ent_de_genitive_is(const char *f, bool (*is)(const char *))
{
	char buf[96];
	size_t n = strlen(f), cut;

	for (cut = 1; cut <= 2; cut++) {
		if (n <= cut + 3 || n >= sizeof(buf) || f[n - 1] != 's' ||
		    (cut == 2 && f[n - 2] != 'e'))
			continue;
		memcpy(buf, f, n - cut);
		buf[n - cut] = '\0';
		if (is(buf))
			return true;
	}
	return false;
}

/* ent_de_body() of a word in the nominative. */
static bool
ent_de_body_stem(const char *f)
{
	return ent_de_org(f) ||
	    ent_ends_with(f, ent_de_body_ends, ETOK_COUNT(ent_de_body_ends));
}

bool
ent_de_body(const char *f)
{
	/* the genitive: "Caritasverbandes", "Rates" */
	return ent_de_body_stem(f) || ent_de_genitive_is(f, ent_de_body_stem);
}

bool
ent_de_role(const char *f)
{
	return ent_ends_with(f, ent_de_role_ends, ETOK_COUNT(ent_de_role_ends));
}

/* Whether the folded word f is a given name: in the list as it is, two of
 * them joined by a hyphen, or, a Cyrillic word, in one of its case forms ("Дмитрия", "Сергею", "Анны"
 * are "Дмитрий", "Сергей", "Анна"). */
/* Whether f is in ent_given_names, looked up by its etok_hash() in
 * gen_names.py's table of them. */
static bool
ent_given_in(const char *f)
{
	size_t j = (size_t)etok_hash(f, strlen(f)) & (ENT_GIVEN_SLOTS - 1);

	for (; ent_given_slot[j] != 0; j = (j + 1) & (ENT_GIVEN_SLOTS - 1))
		if (strcmp(ent_given_names[ent_given_slot[j] - 1], f) == 0)
			return true;
	return false;
}

bool
ent_given(const char *f)
{
	static const char *const nom[] = { "", "а", "я", "й", "ь" };
	char buf[96];
	size_t n = strlen(f), s, i, e;

	if (ent_given_in(f))
		return true;
	/* "Jean-Yves", "Hans-Christian": two given names */
	s = strcspn(f, "-");
	if (s < n && n < sizeof(buf) && strchr(f + s + 1, '-') == NULL) {
		memcpy(buf, f, s);
		buf[s] = '\0';
		return ent_given_in(buf) &&
		    ent_given_in(f + s + 1);
	}
	s = ent_cyr_stem(f, n);
	if (s == n || s + 3 > sizeof(buf))
		return false;
	memcpy(buf, f, s);
	for (i = 0; i < ETOK_COUNT(nom); i++) {
		e = strlen(nom[i]);
		if (s + e + 1 > sizeof(buf))
			continue;
		memcpy(buf + s, nom[i], e + 1);
		if (ent_given_in(buf))
			return true;
	}
	return false;
}

bool
ent_tables_sorted(void)
{
	return ETOK_SORTED(ent_org_words) && ETOK_SORTED(ent_titles) &&
	    ETOK_SORTED(ent_person_before) &&
	    ETOK_SORTED(ent_function_words) &&
	    ETOK_SORTED(ent_place_kinds) && ETOK_SORTED(ent_determiners) &&
	    ETOK_SORTED(ent_site_words) && ETOK_SORTED(ent_place_openers) &&
	    ETOK_SORTED(ent_given_names) &&
	    ETOK_SORTED(ent_rom_org_words) && ETOK_SORTED(ent_rom_titles) &&
	    ETOK_SORTED(ent_rom_site_words) &&
	    ETOK_SORTED(ent_rom_articles) && ETOK_SORTED(ent_rom_joiners) &&
	    ETOK_SORTED(ent_de_org_ends) && ETOK_SORTED(ent_de_dets) &&
	    ETOK_SORTED(ent_de_body_ends) &&
	    ETOK_SORTED(ent_rom_of_town) && ETOK_SORTED(ent_org_ends) &&
	    ETOK_SORTED(ent_decl_preps) && ETOK_SORTED(ent_sky);
}

bool
ent_list_has(enum ent_list which, const char *f)
{
	switch (which) {
	case ENT_L_FUNCTION:
		return ETOK_FIND(f, ent_function_words);
	case ENT_L_TITLE:
		return ETOK_FIND(f, ent_titles);
	case ENT_L_ORG:
		return ETOK_FIND(f, ent_org_words);
	case ENT_L_BEFORE:
		return ETOK_FIND(f, ent_person_before);
	case ENT_L_KIND:
		return ETOK_FIND(f, ent_place_kinds);
	case ENT_L_DET:
		return ETOK_FIND(f, ent_determiners);
	case ENT_L_SITE:
		return ETOK_FIND(f, ent_site_words);
	case ENT_L_PLACE_OPEN:
		return ETOK_FIND(f, ent_place_openers);
	case ENT_L_ROM_ORG:
		return ETOK_FIND(f, ent_rom_org_words);
	case ENT_L_ROM_TITLE:
		return ETOK_FIND(f, ent_rom_titles);
	case ENT_L_ROM_SITE:
		return ETOK_FIND(f, ent_rom_site_words);
	case ENT_L_ROM_ART:
		return ETOK_FIND(f, ent_rom_articles);
	case ENT_L_ROM_JOIN:
		return ETOK_FIND(f, ent_rom_joiners);
	case ENT_L_DE_DET:
		return ETOK_FIND(f, ent_de_dets);
	case ENT_L_ROM_TOWN:
		return ETOK_FIND(f, ent_rom_of_town);
	case ENT_L_ORG_END:
		return ETOK_FIND(f, ent_org_ends);
	case ENT_L_DECL_PREP:
		return ETOK_FIND(f, ent_decl_preps);
	case ENT_L_SKY:
		return ETOK_FIND(f, ent_sky);
	}
	return false;
}

/* The length of the stem of a Cyrillic word w of n bytes: w without its
 * case ending ("Пескова", "Пескову", "Песковым" are "Песков"; "Андрей"
 * and "Андрея" are "Андре"), or n for a
 * word of another script or one too short to hold an ending. */
/* The stems of Polish words that head a body's name, in any case
 * ("Koalicji Obywatelskiej", "Głównego Urzędu Statystycznego",
 * "Ambasady Federacji Rosyjskiej", "Informacyjna Służba Bezpieczeństwa"). */
static const char *const ent_pl_org_stems[] = {
	"agencj", "ambasad", "bank", "biur", "centrum", "federacj", "fundacj",
	"fundusz", "grup", "inspekcj", "instytut", "izb", "kancelari", "klub",
	"koalicj", "komisj", "komitet", "konfederacj", "kongres",
	"ministerstw", "organizacj", "parti", "platform", "policj",
	"prokuratur", "sejm", "senat", "spółk", "stowarzyszeni", "straż",
	"sąd", "służb", "trybunał", "uni", "uniwersytet", "urząd", "urzęd",
	"zarząd", "związ",
};

bool
ent_pl_org(const char *f)
{
	size_t i, n = strlen(f), e;

	for (i = 0; i < ETOK_COUNT(ent_pl_org_stems); i++) {
		e = strlen(ent_pl_org_stems[i]);
		/* "uni" is "Unia", "Unii", "Unię", not "Uniwersalny" */
		if (n >= e && strncmp(f, ent_pl_org_stems[i], e) == 0 &&
		    n <= e + (e < 4 ? 2 : 5))
			return true;
	}
	return false;
}

size_t
ent_pl_stem(const char *w, size_t n)
{
	/* longest first: "Pawlickiego", "Protasiewiczowi", "Vaculikiem",
	 * "Lewandowskim", "Kuberą", "Sajfutdinowa"; and the Czech and
	 * Slovak dative a Polish text keeps of their names
	 * ("Hamáčkovi") */
	static const char *const ends[] = {
		"iego", "iemu", "ego", "emu", "owi", "ovi", "iem", "em", "im",
		"ym", "\u0105", "\u0119", "a", "e", "i", "u", "y",
	};
	size_t i, e;

	for (i = 0; i < sizeof(ends) / sizeof(ends[0]); i++) {
		e = strlen(ends[i]);
		/* a stem of four bytes or more */
		if (n >= e + 4 && memcmp(w + n - e, ends[i], e) == 0)
			return n - e;
	}
	return n;
}

size_t
ent_cyr_stem(const char *w, size_t n)
{
	static const char *const ends[] = {
		"ому", "ему", "ого", "его", "ыми", "ими", "ами", "ями", "ая",
		"яя", "ую", "юю", "ий", "ый", "ой", "ей", "ом", "ем", "ым",
		"им", "ою", "ею", "ах", "ях", "а", "я", "у", "ю", "е", "ы", "и",
		"й",
	};
	size_t i, e;

	if (n < 8 || ((unsigned char)w[0] != 0xd0 &&
	    (unsigned char)w[0] != 0xd1))
		return n;
	for (i = 0; i < sizeof(ends) / sizeof(ends[0]); i++) {
		e = strlen(ends[i]);
		/* a stem of three letters or more */
		if (n >= e + 6 && memcmp(w + n - e, ends[i], e) == 0)
			return n - e;
	}
	return n;
}

/* The length of the Cyrillic word w of n bytes without its last letter
 * where that is a vowel or "й" (a stem for forms the endings of
 * ent_cyr_stem() cut unevenly, "Андрей" and "Андрея", or not at all,
 * three letters: "Ася", "Асю"), else n. */
size_t
ent_cyr_stem1(const char *w, size_t n)
{
	static const char *const ends[] = {
		"а", "е", "и", "й", "о", "у", "ы", "ю", "я",
	};
	size_t i;

	if (n < 6 || ((unsigned char)w[0] != 0xd0 &&
	    (unsigned char)w[0] != 0xd1))
		return n;
	for (i = 0; i < sizeof(ends) / sizeof(ends[0]); i++)
		if (memcmp(w + n - 2, ends[i], 2) == 0)
			return n - 2;
	return n;
}

/* True when the names x and y have as many words and same() holds of
 * each word of one and the other's, given with their lengths. */
bool
ent_same_words(const char *x, const char *y,
    bool (*same)(const char *, size_t, const char *, size_t))
{
	size_t nx, ny;

	for (;;) {
		nx = strcspn(x, " ");
		ny = strcspn(y, " ");
		if (!same(x, nx, y, ny))
			return false;
		x += nx;
		y += ny;
		if (*x == '\0' || *y == '\0')
			return *x == *y;
		x++;
		y++;
	}
}

/* Whether the Cyrillic words x and y of nx and ny bytes are case forms
 * of one word: the same ent_cyr_stem(), or the same stem without the
 * last letter of an ending alone ("Андрей", "Андрея"). */
static bool
ent_cyr_same_word(const char *x, size_t nx, const char *y, size_t ny)
{
	size_t sx = ent_cyr_stem(x, nx), sy = ent_cyr_stem(y, ny);
	size_t tx = ent_cyr_stem1(x, nx), ty = ent_cyr_stem1(y, ny);

	return (sx == sy && memcmp(x, y, sx) == 0) ||
	    (tx == ty && memcmp(x, y, tx) == 0);
}

/* True when the names x and y have as many words and each word of one is
 * a case form of the other's ("Бастиана Швайнштайгера", "Бастиан
 * Швайнштайгер"). */
bool
ent_same_stems(const char *x, const char *y)
{
	return ent_same_words(x, y, ent_cyr_same_word);
}

/* The number of words of the name that end in one of the n endings with
 * at least min bytes of the word before it ("Евгении Левицкой": 2). */
size_t
ent_count_ends(const char *name, const char *const *ends, size_t n,
    size_t min)
{
	size_t c = 0, i, w, e;

	for (;;) {
		w = strcspn(name, " ");
		for (i = 0; i < n; i++) {
			e = strlen(ends[i]);
			if (w >= e + min &&
			    memcmp(name + w - e, ends[i], e) == 0) {
				c++;
				break;
			}
		}
		if (name[w] == '\0')
			return c;
		name += w + 1;
	}
}

bool
enrich_given_name(const char *s, size_t n)
{
	char *f = etok_fold(s, n);
	bool yes = f != NULL && ent_given(f);

	free(f);
	return yes;
}
