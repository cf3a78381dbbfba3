#!/usr/bin/env python3
"""Generates the word lists of the entity rules from Debian's spelling
dictionaries, at build time:

  wngerman   /usr/share/dict/ngerman            German words, nouns
                                                 capitalised
  wfrench    /usr/share/dict/french             French words
  wspanish   /usr/share/dict/spanish            Spanish words
  wamerican  /usr/share/dict/american-english   English words (the
                                                 lower-case ones: no
                                                 proper names)
  witalian   /usr/share/dict/italian            Italian words
  wportuguese, wbrazilian
             /usr/share/dict/portuguese,        Portuguese words, of
             /usr/share/dict/brazilian          Portugal and Brazil

usage: gen_words.py OUT.h

The entity rules ask one question of them: is this word a word of the
language, or a name? ("Technische Standards" are words; "Kengo Kuma" is
not; "Durante" opening a sentence is a word.) So each list is kept as
the sorted upper 32 bits of the etok_hash() of the NFC case-folded words
(enrich_text.c's FNV-1a and SplitMix64 finaliser, repeated below), with
an index of where the hashes of each value of their top bits start
(bucket_index()), for a binary search of a few hashes: about 1.7 million
words in 6.6 MB and the indexes in 0.5 MB, with one false "is a word"
in about 5,000 lookups of a name. The proper names some lists carry
(capitalised entries of the French, Spanish and English lists: "Paris",
"Madrid") are left out; the German list capitalises its nouns, so there
only entries that are plainly names are not told apart ("Merkel" is in
it, "Kuma" is not). A last list, acro, holds the entries of the
lists that are written with two capitals or more ("NASA", "ADAC",
"UFOs"): a word in capitals that a list has but not so written is a
word shouted ("ACCEPT", "DANKE"), not an acronym; and acronoun those
acronyms of wamerican that it also lists with a plural's s ("TV" and
"TVs", "PC" and "PCs"): a thing, not a body. The same test of the
proper nouns of wamerican, kind: a word it writes capitalised only
("Muslim", "Texan", "Hispanic", "Monday") and with a plural's s too
("Muslims", "Texans"; an "es" after an s: "Christmases", "Swisses")
names one of a people, a faith or a day, and the
word and its plural are no body ("Apple", "Twitter", "Google" have no
such plural).
"""
import os, sys, unicodedata

from etok_hash import etok_hash

DICT = "/usr/share/dict"
LISTS = (("de", ("ngerman",), "wngerman", False),
         ("de_low", ("ngerman",), "wngerman", True),
         ("fr", ("french",), "wfrench", True),
         ("es", ("spanish",), "wspanish", True),
         ("en", ("american-english",), "wamerican", True),
         ("it", ("italian",), "witalian", True),
         ("pt", ("portuguese", "brazilian"), "wportuguese and wbrazilian",
          True),
         ("acro", ("ngerman", "american-english", "italian", "portuguese",
                   "brazilian"), "the same", "acro"),
         ("acronoun", ("american-english",), "wamerican", "acronoun"),
         ("kind", ("american-english",), "wamerican", "kind"),
         ("encap", ("american-english",), "wamerican", "cap"))


# Acronyms wamerican counts ("ABCs", "IRAs") that news writes as often
# for a body: the broadcaster, the Irish Republican Army.
BODY_ACRONYMS = ("ABC", "IRA")


def kind_noun(w, have):
    """Whether w, of the list have, is a proper noun one counts: one
    capital, its plural's s listed, no lower-case entry ("Muslim",
    "Texan", "Monday"; not "Apple", which is "apple" too, nor
    "Democrat")."""
    return (w[0].isupper() and sum(ch.isupper() for ch in w) == 1 and
            w + plural_s(w) in have and w.lower() not in have)


def plural_s(w):
    """The ending of w's plural: "es" after an s ("Christmases",
    "Swisses"), "s" otherwise ("Muslims")."""
    return "es" if w.endswith("s") else "s"


def words(path, lower_only):
    """The words of a list: all, the lower-case ones (lower_only True),
    those written with two capitals or more ("acro": "NASA", "UFOs"), or
    those of them that the list also has with a plural's s ("acronoun":
    "TV" beside "TVs", "URL" beside "URLs"; not "NASA", "FBI"), which
    name a thing one counts, no body; or those written with a capital
    first ("cap": "Clement", "Olive", "Rich", "Apple"), the names a
    word may also be ("recent", "popular" have none)."""
    out = set()
    lines = [l.strip() for l in open(path, encoding="utf-8")]
    have = set(lines)
    for w in lines:
        if not w or "'" in w or (lower_only is True and
                                 not w[0].islower()):
            continue
        if lower_only in ("acro", "acronoun") and \
                sum(ch.isupper() for ch in w) < 2:
            continue
        if lower_only == "acronoun" and (w + "s" not in have or
                                         w.endswith("s") or
                                         w in BODY_ACRONYMS):
            continue
        if lower_only == "cap" and not w[0].isupper():
            continue
        if lower_only == "kind":
            if not kind_noun(w, have):
                continue
            out.add(unicodedata.normalize("NFC",
                                          (w + plural_s(w)).casefold()))
        out.add(unicodedata.normalize("NFC", w.casefold()))
    return out


def bucket_index(hs, bits):
    """Where each bucket of the sorted hashes hs starts, the buckets
    being the values of their top bits bits, and where the last ends:
    a lookup reads two adjacent offsets and searches the few hashes
    between them (eight to sixteen), one or two cache lines, where a
    binary search of the whole list (up to 470,000 hashes, 1.9 MB)
    misses the cache at most of its 19 steps."""
    idx, i = [], 0
    for b in range(1 << bits):
        while i < len(hs) and hs[i] >> (32 - bits) < b:
            i += 1
        idx.append(i)
    idx.append(len(hs))
    return idx


def write_array(f, name, vals):
    f.write("static const uint32_t %s[] = {\n" % name)
    for i in range(0, len(vals), 8):
        f.write(",".join("%uu" % h for h in vals[i:i + 8]) + ",\n")
    f.write("};\n")


def main():
    arrays = []
    for lang, names, pkg, lower_only in LISTS:
        ws = set()
        for name in names:
            path = os.path.join(DICT, name)
            if not os.path.exists(path):
                sys.exit("gen_words.py: %s missing: install %s" %
                         (path, pkg))
            ws |= words(path, lower_only)
        lang = lang.replace("_", "")
        hs = sorted({etok_hash(w) >> 32 for w in ws})
        arrays.append((lang, hs))
    with open(sys.argv[1], "w") as f:
        f.write("/* Generated by gen_words.py from Debian's wngerman, "
                "wfrench, wspanish,\n * wamerican, witalian, wportuguese "
                "and wbrazilian; do not edit. */\n"
                "#include <stdint.h>\n")
        for lang, hs in arrays:
            write_array(f, "ent_words_%s" % lang, hs)
            bits = max(1, (len(hs) // 8).bit_length() - 1)
            f.write("enum { ent_words_%s_bits = %d };\n" % (lang, bits))
            write_array(f, "ent_words_%s_idx" % lang, bucket_index(hs, bits))


if __name__ == "__main__":
    main()
