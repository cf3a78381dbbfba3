#!/usr/bin/env python3
"""Generates the place gazetteer for enrich_entities.c from data Debian
ships, at build time:

  iso-codes  /usr/share/iso-codes/json/iso_3166-1.json   country names
             /usr/share/iso-codes/json/iso_639-2.json    language names
             /usr/share/iso-codes/json/iso_3166-2.json   states, provinces
             /usr/share/locale/{ru,uk}/LC_MESSAGES/iso_3166-{1,2}.mo
                                                          their names in
                                                          Cyrillic
  tzdata     /usr/share/zoneinfo/iso3166.tab             short country names
  locales    /usr/share/i18n/SUPPORTED                   the languages of
                                                          each country
             /usr/share/zoneinfo/zone1970.tab, zone.tab  city names,
                                                          continents, oceans

usage: gen_places.py OUT.h

Writes a C array of { key, name, canon, kind, langs } sorted by key (bytewise),
where key is the NFC case-folded name, and canon the one
name of the country all the names of a country share; and ent_place_slot,
an open-addressing table of the entries' indexes plus one (0: empty) by
the etok_hash() of their keys (etok_hash.py), at most half full, so that
a look-up probes a slot or two instead of a binary search's dozen
strings. No names are typed by hand except
the few abbreviations in ABBREV, which no Debian file spells out.
"""
import gettext, json, os, re, sys, unicodedata

from etok_hash import write_slots

ISO = "/usr/share/iso-codes/json"
TZ = "/usr/share/zoneinfo"
SUPPORTED = "/usr/share/i18n/SUPPORTED"
LOCALE = "/usr/share/locale"
CYRILLIC = ("ru", "uk")
# Languages whose names of places are taken for their own text only.
LATIN = ("de", "fr", "es", "it", "pt", "pl")
# Short names a language writes that iso-codes' catalogues lack (they
# give "Federación Rusa", "Russie, Fédération de").
SHORT = {"de": {"Russland": "RU", "USA": "US"},
         "fr": {"Russie": "RU"},
         "es": {"Rusia": "RU", "EE. UU.": "US", "EEUU": "US"},
         "pt": {"Rússia": "RU", "EUA": "US"},
         "pl": {"Rosja": "RU", "USA": "US"}}

# Abbreviations news writes for countries, with their ISO 3166-1 code;
# iso-codes has only alpha codes, most of which are also ordinary words
# ("IT", "IN", "NO"); and the short Russian names iso-codes' catalogues
# lack (they give "Российская Федерация", not "Россия").
ABBREV = {"US": "US", "U.S.": "US", "USA": "US", "UK": "GB", "U.K.": "GB",
          "UAE": "AE", "США": "US", "Россия": "RU"}
# Subdivision types that name large, well-known regions.
SUB_TYPES = {"State", "Province", "Country", "Nation", "Federal district",
             "Capital district", "Autonomous region", "Autonomous republic",
             "Republic", "Emirate", "Territory", "Oblast",
             "Autonomous community", "Land", "Capital territory",
             "Federal territory", "Capital city", "Metropolitan region"}
# A subdivision of type "Region" names a large region in some countries
# ("Lombardia", "Abruzzo") and a district in others, some of them words
# or clubs elsewhere ("Bay", "Cascades", "Lazio" in English text): such a
# name is a place for text of its country's languages only.
REGION = "Region"
# Single words that name a subdivision somewhere but are ordinary English
# words or directions in running text.
SKIP = {"central", "centre", "center", "north", "south", "east", "west",
        "northern", "southern", "eastern", "western", "capital", "coast",
        "islands", "island", "lakes", "upper", "lower", "middle", "plateau",
        "interior", "national", "federal", "special", "north east",
        "north west", "south east", "south west", "valley", "mountain",
        "highlands", "lake", "river", "sea", "oriental", "occidental",
        "littoral", "grand", "est", "ouest", "nord", "sud", "centro",
        "mayor", "pool", "union", "independence", "liberty", "commerce",
        "progreso", "santa", "victoria", "regina", "police", "ministry", "easter", "christmas",
        "chin", "delta", "gulf", "aurora", "isabel", "antique", "center",
        "hope", "eucla", "creston", "granma"}
# Translations that are common nouns in their language ("Freistaat", the
# Free State province).
SKIP_LANG = {"freistaat", "nord", "sud", "est", "ouest", "centre",
             "centro", "norte", "sur", "este", "oeste"}


def key(s):
    return unicodedata.normalize("NFC", s.casefold())


def lang_names(entries):
    """The folded one-word English names of ISO 639-2's languages, sorted
    bytewise: those of the languages with a 639-1 code, without what a
    comma or a bracket adds ("Greek, Modern (1453-)" is "Greek"), and the
    last word that two names or more share ("Official Aramaic",
    "Samaritan Aramaic": "Aramaic"; "Northern Sami"), not a plural
    ("Sign languages"). The other one-word names of 639-2 are left out:
    many are places' or people's ("Delaware", "Dakota", "Fang")."""
    out, heads = set(), {}
    for e in entries:
        for p in e["name"].split(";"):
            w = re.sub(r"\s*\(.*?\)", "", p).split(",")[0].split()
            if len(w) == 1 and "alpha_2" in e:
                out.add(key(w[0]))
            elif len(w) >= 2 and w[-1][0].isupper():
                heads[w[-1]] = heads.get(w[-1], 0) + 1
    out |= {key(w) for w, n in heads.items() if n >= 2}
    return sorted(out, key=lambda k: k.encode("utf-8"))


def translated(lang, iso, subs):
    """(domain, entry, name) for every country and subdivision name that
    iso-codes' catalogue of LANG translates to something else."""
    for dom, items, fields in (
            ("iso_3166-1", iso, ("name", "common_name")),
            ("iso_3166-2", subs, ("name",))):
        try:
            t = gettext.translation(dom, localedir=LOCALE, languages=[lang])
        except OSError:
            continue
        for c in items:
            for fld in fields:
                if fld in c and t.gettext(c[fld]) != c[fld]:
                    yield dom, c, t.gettext(c[fld])


def country_langs():
    """{ISO 3166-1 alpha-2: {language codes}} from glibc's list of
    locales ("it_IT.UTF-8 UTF-8", "de_IT.UTF-8 UTF-8")."""
    out = {}
    if not os.path.exists(SUPPORTED):
        sys.exit("gen_places.py: %s missing: install locales" % SUPPORTED)
    with open(SUPPORTED, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^([a-z]{2,3})_([A-Z]{2})[.@ ]", line)
            if m:
                out.setdefault(m.group(2), set()).add(m.group(1))
    return out


def main():
    out = sys.argv[1]
    names = {}

    def add(name, kind, display=None):
        name = re.sub(r"\s+", " ", unicodedata.normalize("NFC", name)).strip()
        if not name or "," in name or len(name) < 2:
            return
        k = key(name)
        if k in SKIP:
            return
        if k not in names or kind < names[k][1]:
            names[k] = (name, kind, display or name)

    # One country whatever form the text uses ("US", "U.S.", "United
    # States of America" are one): each name of a country carries the
    # country's one name (canon), tzdata's short name ("Russia", not
    # "Russian Federation"), or iso-codes' name where tzdata's holds an
    # abbreviation ("Britain (UK)": "United Kingdom").
    with open(os.path.join(ISO, "iso_3166-1.json"), encoding="utf-8") as f:
        iso = json.load(f)["3166-1"]
    canon = {c["alpha_2"]: c.get("common_name", c["name"]) for c in iso}
    short = {}
    with open(os.path.join(TZ, "iso3166.tab"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or "\t" not in line:
                continue
            code, n = line.rstrip("\n").split("\t")[:2]
            short[code] = n
            m = re.match(r"^(.*?) \((.*)\)$", n)
            if not m:
                canon[code] = n
            elif re.fullmatch(r"[A-Z][a-z]+", m.group(2)):
                canon[code] = m.group(2) + " " + m.group(1)

    for c in iso:
        for fld in ("name", "common_name", "official_name"):
            if fld in c:
                n = c[fld]
                if n.startswith("the "):
                    n = n[4:]
                # "Korea, Republic of" -> also "Korea", which names no
                # one country: it keeps its own name
                if fld == "name" and "," in n:
                    add(n.split(",")[0], 0)
                else:
                    add(n, 0, canon[c["alpha_2"]])
    for a, code in ABBREV.items():
        add(a, 0, canon[code])
    for code, n in short.items():
        m = re.match(r"^(.*?) \((.*)\)$", n)
        if m:
            base, par = m.group(1), m.group(2)
            add(base, 0, canon[code])
            if re.fullmatch(r"[A-Z]{2,4}", par):
                add(par, 0, canon[code])            # "Britain (UK)"
            elif re.fullmatch(r"[A-Z][a-z]+", par):
                add(par + " " + base, 0, canon[code])  # "Korea (North)"
        else:
            add(n, 0, canon[code])
    subs = []
    regions = []
    with open(os.path.join(ISO, "iso_3166-2.json"), encoding="utf-8") as f:
        for s in json.load(f)["3166-2"]:
            if s["type"] in SUB_TYPES and "(" not in s["name"]:
                add(s["name"], 2)
                subs.append(s)
            elif s["type"] == REGION and "(" not in s["name"]:
                regions.append(s)
    # The names in Cyrillic of countries and of large subdivisions, from
    # iso-codes' Russian and Ukrainian catalogues: a Russian text's
    # "Германия" is Germany. Only Cyrillic translations are taken, which
    # no Latin-script word of another language can be mistaken for.
    for lang in CYRILLIC:
        for dom, c, n in translated(lang, iso, subs):
            if not re.search("[\u0400-\u04ff]", n):
                continue
            if dom == "iso_3166-1":
                add(n, 0, canon[c["alpha_2"]])
            else:
                add(n, 2)
    for tab in ("zone1970.tab", "zone.tab"):
        with open(os.path.join(TZ, tab), encoding="utf-8") as f:
            for line in f:
                if line.startswith("#"):
                    continue
                cols = line.rstrip("\n").split("\t")
                if len(cols) < 3:
                    continue
                parts = cols[2].split("/")
                # Antarctic stations are named after people; the third
                # level under America/ names US counties, except Argentina.
                if parts[0] in ("Antarctica", "Etc") or (
                        len(parts) > 2 and parts[1] != "Argentina"):
                    continue
                city = parts[-1].replace("_", " ")
                add(city, 1)
                # the continents and oceans that head the zone names
                # ("Europe/Paris"); "America" is the US in news text
                if parts[0] not in ("America", "Indian"):
                    add(parts[0], 2)

    # The names in German, French, Spanish, Italian, Portuguese and Polish of
    # countries and of large subdivisions ("Frankreich", "Bayern",
    # "Alemania"), for text of the languages that write them only: in
    # another language some are words ("Island" is Iceland in German). A
    # name a language has for any text already is left as it is.
    lang_of = {}
    common = set(names)
    for lang in LATIN:
        for dom, c, n in translated(lang, iso, subs):
            k = key(n)
            if "," in n or k in common or k in SKIP_LANG:
                continue
            if k not in names:
                names[k] = (n, 0 if dom == "iso_3166-1" else 2,
                            canon[c["alpha_2"]] if dom == "iso_3166-1"
                            else n)
            lang_of.setdefault(k, []).append(lang)
        for n, code in SHORT.get(lang, {}).items():
            if key(n) not in common:
                names.setdefault(key(n), (n, 0, canon[code]))
                lang_of.setdefault(key(n), []).append(lang)

    # "Region" names, for the text of their country's languages only,
    # less a language whose catalogue writes the name otherwise (German
    # writes "Marken", "Latium": "Marche" in German text is another word)
    langs = country_langs()
    cats = {}
    for s in regions:
        name = re.sub(r"\s+", " ", unicodedata.normalize("NFC", s["name"]))
        k = key(name)
        ls = set()
        for lang in langs.get(s["code"][:2], ()):
            if lang not in cats:
                try:
                    cats[lang] = gettext.translation(
                        "iso_3166-2", localedir=LOCALE, languages=[lang])
                except OSError:
                    cats[lang] = None
            if cats[lang] is None or \
                    cats[lang].gettext(s["name"]) == s["name"]:
                ls.add(lang)
        if not ls or "," in name or k in SKIP or k in SKIP_LANG:
            continue
        if k not in names:
            names[k] = (name, 2, name)
        elif k not in lang_of:
            continue  # a place for any text already
        lang_of.setdefault(k, []).extend(sorted(ls))

    rows = sorted(names.items(), key=lambda kv: kv[0].encode("utf-8"))

    def cstr(s):
        return '"' + "".join(
            c if 32 <= ord(c) < 127 and c not in '"\\' else
            "".join("\\%03o" % b for b in c.encode("utf-8"))
            for c in s) + '"'

    with open(out, "w", encoding="utf-8") as f:
        f.write("/* Generated by gen_places.py from iso-codes and tzdata; "
                "do not edit. */\n")
        f.write("/* kind: 0 country, 1 city, 2 region */\n")
        f.write("static const struct ent_place ent_places[] = {\n")
        for k, (n, kind, canon) in rows:
            lang = " ".join(sorted(set(lang_of.get(k, [])))) or None
            f.write("\t{ %s, %s, %s, %d, %s },\n" % (
                cstr(k), cstr(n), cstr(canon), kind,
                cstr(lang) if lang else "NULL"))
        f.write("};\n")
        # The English names of one word of the languages ("Spanish",
        # "Irish", "Danish"): a language alone is no organisation, and
        # names no place by ent_demonym()'s shape, nor after "in".
        with open(os.path.join(ISO, "iso_639-2.json"),
                  encoding="utf-8") as g:
            langs = lang_names(json.load(g)["639-2"])
        f.write("static const char *const ent_lang_names[] = {\n")
        for k in langs:
            f.write("\t%s,\n" % cstr(k))
        f.write("};\n")
        write_slots(f, [k for k, _ in rows], "ENT_PLACE_SLOTS",
                    "ent_place_slot")


if __name__ == "__main__":
    main()
