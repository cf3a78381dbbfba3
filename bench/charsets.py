#!/usr/bin/python3
"""charsets: the decoder and the language detection on the development
pages as legacy pages would serve them, both halves.

Every page of ../shared/corpus/aeb-dev and trafeval-dev is extracted as
it is; then its charset declarations (<meta charset>, the http-equiv
Content-Type, the XML declaration's encoding, a BOM) are stripped and it
is written, undeclared, in UTF-8 and in each legacy charset of its
language (windows-1252 for the Western European languages, ISO-8859-2
and windows-1250 for the Central European ones, windows-1251 and KOI8-R
or KOI8-U for Cyrillic, ISO-8859-7, GB18030 and Big5, Shift_JIS and
EUC-JP, EUC-KR, ISO-8859-9, windows-1256, TIS-620, windows-1255) that
its letters fit in: a character the charset lacks is written as a
numeric character reference, or as a \\uXXXX escape inside a script, as
a legacy site writes it. Each form is extracted again and its title,
body and language compared with the page's own extraction; a page
counts as differing when any of the three does. Each legacy form is
written a second time without the language hints ("-hint"), and compared
with the page as it stands without them, and a third time declared
(<meta charset> of the charset's usual label), which tests the labels.

The page's language is its <html lang> (the corpus states none
otherwise) or, without one, the language extracted from the page. The
language detection is counted against the <html lang> of the pages that
have one, as the page stands and with every language hint removed (the
lang attributes, Content-Language, dc.language, og:locale, JSON-LD
inLanguage), so that the text alone decides.

  charsets.py [--cmd "build/cli/newswire extract"] [--list] [--keep DIR]

--list prints each page that differs, with the field and both values;
--keep DIR keeps the written pages. Halves as nwscore.py splits them (a
hash of the aeb id or the trafeval URL). Python 3 standard library only.
"""
import argparse
import codecs
import collections
import gzip
import html
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(ROOT, "..", "shared")
sys.path.insert(0, os.path.join(SHARED, "tools"))
import nwscore  # noqa: E402  (its halves)

LATIN1 = ["windows-1252"]
CENTRAL = ["iso-8859-2", "windows-1250"]
CHARSETS = {
    "en": LATIN1, "de": LATIN1, "fr": LATIN1, "es": LATIN1, "it": LATIN1,
    "pt": LATIN1, "nl": LATIN1, "sv": LATIN1, "da": LATIN1, "nb": LATIN1,
    "no": LATIN1, "fi": LATIN1, "ca": LATIN1, "is": LATIN1,
    "pl": CENTRAL, "cs": CENTRAL, "sk": CENTRAL, "hu": CENTRAL,
    "hr": CENTRAL, "sl": CENTRAL, "ro": CENTRAL, "bs": CENTRAL,
    "ru": ["windows-1251", "koi8-r"], "uk": ["windows-1251", "koi8-u"],
    "bg": ["windows-1251"], "sr": ["windows-1251"], "mk": ["windows-1251"],
    "be": ["windows-1251"],
    "el": ["iso-8859-7"], "zh": ["gb18030", "big5"],
    "ja": ["shift_jis", "euc-jp"], "ko": ["euc-kr"],
    "tr": ["iso-8859-9"], "ar": ["windows-1256"], "fa": ["windows-1256"],
    "th": ["tis-620"], "he": ["windows-1255"],
}
# the share of the page's characters outside ASCII a charset must hold
FIT = 0.9
# a short page: the title and the body's first SHORT_LEN characters
SHORT = ("<!DOCTYPE html>\n<html><head><title>%s</title></head>\n"
         "<body><article><p>%s</p></article></body></html>\n")
SHORT_LEN = 300

DECL = [
    # <meta charset=x>, and charset=x in an http-equiv's content
    (re.compile(r"<meta\s[^>]*?charset\s*=[^>]*>", re.I), ""),
    (re.compile(r"""(<\?xml[^>]*?)\s+encoding\s*=\s*["'][^"']*["']""",
                re.I), r"\1"),
]
HINTS = [
    (re.compile(r"""(<[a-z][^>]*?)\s(?:xml:)?lang\s*=\s*("[^"]*"|'[^']*'|"""
                r"""[^\s>]+)""", re.I), r"\1"),
    (re.compile(r"<meta\s[^>]*(?:content-language|dc\.language|"
                r"dcterms\.language|og:locale|[\"']language[\"'])[^>]*>",
                re.I), ""),
    (re.compile(r""""inLanguage"\s*:\s*("[^"]*"|\{[^}]*\}|\[[^\]]*\])\s*,?"""),
     ""),
]
SCRIPT = re.compile(r"(<script\b[^>]*>.*?</script\s*>)", re.I | re.S)
HTML_LANG = re.compile(rb"""<html\b[^>]*?\slang\s*=\s*["']?([A-Za-z]{2,3})""",
                       re.I)


def escape_js(err):
    s = err.object[err.start:err.end]
    return ("".join("\\u%04x" % u for c in s for u in (
        [ord(c)] if ord(c) < 0x10000 else
        [0xd800 + ((ord(c) - 0x10000) >> 10),
         0xdc00 + ((ord(c) - 0x10000) & 0x3ff)])), err.end)


codecs.register_error("nw_js", escape_js)


def page_text(raw):
    """The page as text: UTF-8, or its declared charset, or windows-1252."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        m = re.search(rb"<meta[^>]*charset\s*=\s*[\"']?([A-Za-z0-9_-]+)",
                      raw, re.I)
        cs = m.group(1).decode() if m else "windows-1252"
        # the WHATWG Encoding Standard's decoders of these labels
        cs = {"iso-8859-1": "windows-1252", "latin1": "windows-1252",
              "us-ascii": "windows-1252", "gb2312": "gb18030",
              "gbk": "gb18030"}.get(cs.lower(), cs)
        return raw.decode(cs, "replace")


def undeclare(text):
    for rx, rep in DECL:
        text = rx.sub(rep, text)
    return text


def declare(text, cs):
    """text with <meta charset=cs> where its head opens."""
    m = re.search(r"<head\b[^>]*>", text, re.I)
    at = m.end() if m else 0
    return text[:at] + '<meta charset="%s">' % cs + text[at:]


def unhint(text):
    for rx, rep in HINTS:
        text = rx.sub(rep, text)
    return text


def fits(text, cs):
    """Whether the letters of text outside ASCII are mostly in cs, and
    some of them are."""
    high = [c for c in set(text) if ord(c) > 0x7f and c.isalpha()]
    if not high:
        return False
    n = sum(text.count(c) for c in high)
    ok = 0
    for c in high:
        try:
            c.encode(cs)
            ok += text.count(c)
        except UnicodeEncodeError:
            pass
    return ok >= FIT * n


def encode(text, cs):
    """text in cs, what cs lacks as references (\\u escapes in scripts)."""
    out = []
    for i, part in enumerate(SCRIPT.split(text)):
        out.append(part.encode(cs, "nw_js" if i % 2 else
                               "xmlcharrefreplace"))
    return b"".join(out)


def extract(cmd, paths):
    out = {}
    for i in range(0, len(paths), 200):
        chunk = paths[i:i + 200]
        argv = shlex.split(cmd) + chunk
        p = subprocess.run(argv, stdout=subprocess.PIPE,
                           stderr=subprocess.DEVNULL)
        lines = [l for l in p.stdout.decode("utf-8", "replace").splitlines()
                 if l.strip()]
        for path, line in zip(chunk, lines):
            try:
                out[path] = json.loads(line)
            except ValueError:
                out[path] = {}
    return out


def pages():
    """(set, key, half, gz path) of every development page."""
    for corpus, gold in (("aeb-dev", "ground-truth.json"),
                         ("trafeval-dev", "evaldata.json")):
        d = os.path.join(SHARED, "corpus", corpus)
        data = json.load(open(os.path.join(d, gold)))
        if corpus == "aeb-dev":
            keys = {k + ".html": k for k in data}
        else:
            keys = {v["file"]: k for k, v in data.items()}
        for name in sorted(os.listdir(os.path.join(d, "html"))):
            base = name[:-3] if name.endswith(".gz") else name
            key = keys.get(base, base)
            half = 0 if nwscore.in_half(key, 0) else 1
            yield corpus, key, half, os.path.join(d, "html", name)


def field(o, k):
    return nwscore.norm((o or {}).get(k) or "")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cmd", default="build/cli/newswire extract")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--keep")
    a = ap.parse_args()
    tmp = a.keep or tempfile.mkdtemp(prefix="nwcharsets-")
    os.makedirs(tmp, exist_ok=True)
    forms = []  # (page index, form, path)
    info = []
    for n, (corpus, key, half, src) in enumerate(pages()):
        raw = gzip.open(src).read() if src.endswith(".gz") else \
            open(src, "rb").read()
        text = page_text(raw)
        m = HTML_LANG.search(raw[:30000])
        known = m.group(1).decode().lower() if m else None
        info.append((corpus, key, half, known, text))
        p = os.path.join(tmp, "%03d-asis.html" % n)
        open(p, "wb").write(raw)
        forms.append((n, "as is", p))
        p = os.path.join(tmp, "%03d-nohint.html" % n)
        open(p, "wb").write(unhint(undeclare(text)).encode("utf-8"))
        forms.append((n, "no hint", p))
        p = os.path.join(tmp, "%03d-utf-8.html" % n)
        open(p, "wb").write(undeclare(text).encode("utf-8"))
        forms.append((n, "utf-8", p))
    got = extract(a.cmd, [f[2] for f in forms])
    asis = {n: got[p] for n, f, p in forms if f == "as is"}
    nohint = {n: got[p] for n, f, p in forms if f == "no hint"}
    legacy = []
    short = {}
    for n, (corpus, key, half, known, text) in enumerate(info):
        lang = known or (asis[n] or {}).get("lang")
        for cs in CHARSETS.get(lang, []):
            body = undeclare(text)
            if not fits(body, cs):
                continue
            for form, page in ((cs, body), (cs + " -hint", unhint(body)),
                               (cs + " declared", declare(body, cs))):
                p = os.path.join(tmp, "%03d-%s.html" % (n, form.replace(
                    " ", "")))
                open(p, "wb").write(encode(page, cs))
                legacy.append((n, form, p))
                forms.append((n, form, p))
    for n, (corpus, key, half, known, text) in enumerate(info):
        o = asis[n] or {}
        if not o.get("body"):
            continue
        page = SHORT % (html.escape(o.get("title") or ""),
                        html.escape(o["body"][:SHORT_LEN]))
        lang = known or o.get("lang")
        p = os.path.join(tmp, "%03d-short.html" % n)
        open(p, "wb").write(page.encode("utf-8"))
        legacy.append((n, "short", p))
        for cs in CHARSETS.get(lang, []):
            if not fits(page, cs):
                continue
            p = os.path.join(tmp, "%03d-short-%s.html" % (n, cs))
            open(p, "wb").write(encode(page, cs))
            legacy.append((n, "short " + cs, p))
            forms.append((n, "short " + cs, p))
    got.update(extract(a.cmd, [f[2] for f in legacy]))
    for n, form, p in legacy:
        if form == "short":
            short[n] = got[p]
    report(a, info, (asis, nohint, short), forms, got)
    if not a.keep:
        shutil.rmtree(tmp)


def report(a, info, bases, forms, got):
    asis, nohint, short = bases
    count = collections.defaultdict(lambda: [[0, 0, 0, 0], [0, 0, 0, 0]])
    total = [[0, 0], [0, 0]]  # forms and forms differing, each half
    for n, form, p in forms:
        if form in ("as is", "no hint"):
            continue
        half = info[n][2]
        c = count[form][half]
        c[0] += 1
        base = nohint[n] if form.endswith("-hint") else \
            short[n] if form.startswith("short") else asis[n]
        diff = [k for k in ("title", "body", "lang")
                if field(base, k) != field(got[p], k)]
        for j, k in enumerate(("title", "body", "lang")):
            c[j + 1] += k in diff
        if form != "utf-8":
            total[half][0] += 1
            total[half][1] += bool(diff)
        if diff and a.list:
            print("%s %s h%d %s: %s" % (form, info[n][0], half,
                                         info[n][1][:50], ", ".join(diff)))
            for k in diff:
                x, y = field(base, k), field(got[p], k)
                at = next((i for i, (c, d) in enumerate(zip(x, y))
                           if c != d), min(len(x), len(y)))
                at = max(0, at - 30)
                print("    %s at %d: %r\n    -> %r" % (
                    k, at, x[at:at + 90], y[at:at + 90]))
    print("form                   pages h0/h1   title h0/h1  body h0/h1  "
          "lang h0/h1")
    for form in sorted(count, key=lambda f: (f != "utf-8", f)):
        c = count[form]
        print("%-22s %5d/%-5d %6d/%-5d %5d/%-5d %5d/%-5d" % (
            form, c[0][0], c[1][0], c[0][1], c[1][1], c[0][2], c[1][2],
            c[0][3], c[1][3]))
    print("legacy forms differing: h0 %d of %d, h1 %d of %d" % (
        total[0][1], total[0][0], total[1][1], total[1][0]))
    print()
    print("language against <html lang>   pages h0/h1  right h0/h1  "
          "none h0/h1")
    for name, res in (("as is", asis), ("no hint", nohint),
                      ("short, no hint", short)):
        t = [[0, 0, 0], [0, 0, 0]]
        for n, (corpus, key, half, known, text) in enumerate(info):
            if known is None:
                continue
            if n not in res:
                continue
            got_l = (res[n] or {}).get("lang")
            t[half][0] += 1
            t[half][1] += got_l == known
            t[half][2] += got_l is None
            if a.list and got_l != known:
                print("  %s %s h%d %s: %s -> %s" % (name, corpus, half,
                                                   key[:50], known, got_l))
        print("%-30s %5d/%-5d %5d/%-5d %5d/%-5d" % (
            name, t[0][0], t[1][0], t[0][1], t[1][1], t[0][2], t[1][2]))


if __name__ == "__main__":
    main()
