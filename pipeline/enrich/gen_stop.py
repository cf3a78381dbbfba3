#!/usr/bin/env python3
"""Generates enrich_stop.h, the stop words of the enrichment stages, at
build time: the function words of twelve languages (the profiles the
language check of enrich_lang.c counts, and that the entity and story
code skip as lang_stopword()) and the English function words and
sentence openers of etok_stopword() (enrich_text.c).

usage: gen_stop.py OUT.h

Every word is one entry of a single open-addressing table keyed by its
etok_hash() (enrich_text.c's FNV-1a and SplitMix64 finaliser, in
etok_hash.py), whose value is a bit mask: bit j for the language LANGS[j],
bit STOP_EN_BIT for the English list. The tokeniser has hashed every
word already, so one probe (and one strcmp() on a hash match) answers
what was a binary search of each of the thirteen lists.
"""
import sys, unicodedata

from etok_hash import etok_hash

# In the order lang_words_overrule() prefers them on a tie.
LANGS = (
    ("en", """
    a an and are as at be been but by for from had has have he his in is
    it its not of on or said that the their they this to was were which
    who will with would
    """),
    ("de", """
    als an auch auf aus bei das dass dem den der des die ein eine einer
    er es für hat im in ist mit nach nicht noch sich sie so um und von
    war werden wie wird zu zum über
    """),
    ("fr", """
    a au aux avec ce cette dans de des du elle en est et il la le les
    mais ne ont par pas plus pour que qui sa se ses son sur un une été
    """),
    ("es", """
    al como con cuando de del el en entre es este fue ha la las le lo
    los muy más no o para pero por que se sin sobre su sus también un
    una y ya
    """),
    ("it", """
    a al alla anche che come con da dal dei del della delle di e gli ha
    il in la le lo ma nel non per più questo si sono sul un una è
    """),
    ("pt", """
    a ao as com como da das de do dos e ele em foi mais mas na no não o
    os ou para pela pelo por que se seu sua são também um uma à
    """),
    ("nl", """
    aan als bij dan dat de door een en er heeft het hij in is maar met
    naar niet nog om ook op te uit van voor werd worden wordt ze zijn
    """),
    ("sv", """
    att av de den det efter en ett från för hade har i inte jag kan med
    men när och om på sig ska som så till var vi är
    """),
    ("pl", """
    a ale być co dla do i jak jego jest które który na nie o od oraz po
    przez się tak to tym w z za został została że
    """),
    ("ru", """
    бы был было в года для его ее же за и из их к как на не но о он она
    они от по при с так также только у уже что это
    """),
    ("uk", """
    але було в вже від для до з за й його на не про під після та також у
    це що як який які і
    """),
    ("tr", """
    ama bir bu da daha de değil en gibi her ile ise için kadar mi ne o
    olan olarak sonra ve çok
    """),
)

# English function words and the words that open sentences; a
# capitalised word from this list is never a name on its own.
STOP_EN = """
    a about above according after afternoon again against all also
    although amid among an and another any april are as asked at august
    be because been before being between both but by can click could
    december despite did do does during each earlier either even evening
    every february few first five following for former four friday from
    further getty had has have he her here hers him his how however i if
    image images in indeed instead into is it its january july june just
    last later let like many march may me meanwhile might monday month
    more morning most much must my neither never new next night no nor
    not november now october of off on once one only or other our ours
    out over own per perhaps photo published read same saturday second
    see senior september several share she should since so some speaking
    still such sunday than that the their them then there therefore
    these they this those though three through thursday thus to today
    tomorrow too tuesday two under unlike until up updated upon us very
    video was watch we wednesday week were what when where whether which
    while who whom whose why will with within without would year yes
    yesterday yet you your
"""


def main():
    masks = {}
    lists = [(code, words.split()) for code, words in LANGS]
    lists.append(("stop", STOP_EN.split()))
    for bit, (code, words) in enumerate(lists):
        for w in words:
            if unicodedata.normalize("NFC", w.casefold()) != w:
                sys.exit("gen_stop.py: %r is not folded" % w)
            masks[w] = masks.get(w, 0) | 1 << bit
    words = sorted(masks)
    size = 1
    while size < 4 * len(words):
        size *= 2
    slots = [None] * size
    for k, w in enumerate(words):
        h = etok_hash(w)
        i = h & (size - 1)
        while slots[i] is not None:
            i = (i + 1) & (size - 1)
        slots[i] = (h >> 32, masks[w], k + 1)
    with open(sys.argv[1], "w", encoding="utf-8") as f:
        f.write("/* Generated by gen_stop.py; do not edit. */\n"
                "#include <stdint.h>\n\n"
                "#define STOP_N_LANG %d\n"
                "#define STOP_EN_BIT %d\n"
                "#define STOP_TAB_SIZE %du\n"
                "#define STOP_N_WORDS %d\n\n"
                % (len(LANGS), len(LANGS), size, len(words)))
        f.write("static const char *const stop_lang_codes[] = {\n")
        for c, _ in LANGS:
            f.write('\t"%s",\n' % c)
        f.write("};\n\n/* the words, in strcmp() order */\n"
                "static const char *const stop_words[STOP_N_WORDS] = {\n")
        for w in words:
            f.write('\t"%s",\n' % w)
        f.write("};\n\n/* slot h %% STOP_TAB_SIZE (then the next ones) of "
                "a word of etok_hash() h:\n"
                " * h's upper 32 bits, the word's mask, its index in "
                "stop_words plus 1\n * (0: empty) */\n"
                "static const struct stop_slot {\n\tuint32_t hi;\n"
                "\tuint16_t mask;\n\tuint16_t word;\n"
                "} stop_tab[STOP_TAB_SIZE] = {\n")
        for i, s in enumerate(slots):
            if s is not None:
                f.write("\t[%d] = { %uu, 0x%x, %d },\n"
                        % (i, s[0], s[1], s[2]))
        f.write("};\n")


if __name__ == "__main__":
    main()
