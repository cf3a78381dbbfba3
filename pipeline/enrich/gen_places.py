#!/usr/bin/env python3
"""Generates the place gazetteer for enrich_entities.c from data Debian
ships, at build time:

  iso-codes  /usr/share/iso-codes/json/iso_3166-1.json   country names
             /usr/share/iso-codes/json/iso_3166-2.json   states, provinces
  tzdata     /usr/share/zoneinfo/iso3166.tab             short country names
             /usr/share/zoneinfo/zone1970.tab, zone.tab  city names

usage: gen_places.py OUT.h

Writes a C array of { key, name } sorted by key (bytewise), where key is
the NFC case-folded name, for bsearch(). No names are typed by hand except
the few abbreviations in ABBREV, which no Debian file spells out.
"""
import json, os, re, sys, unicodedata

ISO = "/usr/share/iso-codes/json"
TZ = "/usr/share/zoneinfo"

# Abbreviations news writes for countries; iso-codes has only alpha codes,
# most of which are also ordinary words ("IT", "IN", "NO").
ABBREV = ["US", "U.S.", "USA", "UK", "U.K.", "UAE"]
# Subdivision types that name large, well-known regions.
SUB_TYPES = {"State", "Province", "Country", "Nation", "Federal district",
             "Capital district", "Autonomous region", "Autonomous republic",
             "Republic", "Emirate", "Territory", "Oblast",
             "Autonomous community", "Land", "Capital territory",
             "Federal territory", "Capital city", "Metropolitan region"}
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


def key(s):
    return unicodedata.normalize("NFC", s.casefold())


def main():
    out = sys.argv[1]
    names = {}

    def add(name, kind):
        name = re.sub(r"\s+", " ", unicodedata.normalize("NFC", name)).strip()
        if not name or "," in name or len(name) < 2:
            return
        k = key(name)
        if k in SKIP:
            return
        if k not in names or kind < names[k][1]:
            names[k] = (name, kind)

    with open(os.path.join(ISO, "iso_3166-1.json"), encoding="utf-8") as f:
        for c in json.load(f)["3166-1"]:
            for fld in ("name", "common_name", "official_name"):
                if fld in c:
                    n = c[fld]
                    if n.startswith("the "):
                        n = n[4:]
                    # "Korea, Republic of" -> also "Korea"
                    add(n.split(",")[0] if fld == "name" else n, 0)
    for a in ABBREV:
        add(a, 0)
    with open(os.path.join(TZ, "iso3166.tab"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or "\t" not in line:
                continue
            n = line.rstrip("\n").split("\t")[1]
            m = re.match(r"^(.*?) \((.*)\)$", n)
            if m:
                base, par = m.group(1), m.group(2)
                add(base, 0)
                if re.fullmatch(r"[A-Z]{2,4}", par):
                    add(par, 0)            # "Britain (UK)"
                elif re.fullmatch(r"[A-Z][a-z]+", par):
                    add(par + " " + base, 0)  # "Korea (North)"
            else:
                add(n, 0)
    with open(os.path.join(ISO, "iso_3166-2.json"), encoding="utf-8") as f:
        for s in json.load(f)["3166-2"]:
            if s["type"] in SUB_TYPES and "(" not in s["name"]:
                add(s["name"], 2)
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
        for k, (n, kind) in rows:
            f.write("\t{ %s, %s, %d },\n" % (cstr(k), cstr(n), kind))
        f.write("};\n")


if __name__ == "__main__":
    main()
