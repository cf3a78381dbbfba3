#!/usr/bin/python3
"""scramble: the body extractor on pages whose class and id names mean
nothing, a proxy for markup nobody tuned on.

Every page of ../shared/corpus/aeb-dev and trafeval-dev is rewritten so
that each token of its class and id attributes becomes a meaningless
name ("q" and eight digits, the same token giving the same name within a
page, another on the next page); tag names, ARIA roles, schema.org
itemprop / itemtype, <meta> elements, comments and the bodies of scripts
and styles are left as they are. The pages go to a temporary directory
that mirrors the corpus layout, and nwscore.py scores them and the real
pages in the same run: aeb (body F1) and snippets (snippet F1), each
half. The drop from real to scrambled is what the extractor owes to the
class names of the pages it was tuned on.

  scramble.py [--cmd "build/cli/newswire extract"] [--keep DIR]
              [--only aeb|snippets] [--save FILE] [--diff FILE]
              [--worst N]

Figures to four places, with nwscore.py's own metric functions (through
text_dumps.py's scoring), one run of the extractor per set and form.
--keep DIR writes the corpora to DIR (and reuses them on the next run)
instead of a temporary directory; --save, --diff and --worst as in
text_dumps.py. Python 3 standard library only.
"""
import argparse
import gzip
import hashlib
import os
import re
import shutil
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import text_dumps  # noqa: E402  (its scoring, with nwscore.py's metric)

# a start tag, a comment, or the start of a raw-text element
NAME = rb"[A-Za-z][A-Za-z0-9:_.-]*"
ATTR = re.compile(rb"""(\s+)([^\s=>/"']+)(?:(\s*=\s*)("[^"]*"|'[^']*'|[^\s>]*))?""")
RAW = (b"script", b"style", b"textarea", b"title")


def token_name(salt, tok):
    """The meaningless name of class or id token tok on the page salt."""
    h = hashlib.sha1(salt + b"\0" + tok).digest()
    return b"q%08d" % (int.from_bytes(h[:8], "big") % 100000000)


def scramble_value(salt, value):
    """A class or id value with each whitespace-separated token renamed."""
    return re.sub(rb"[^\s]+", lambda m: token_name(salt, m.group(0)),
                  value)


def scramble_tag(salt, name, attrs):
    """The attribute text attrs of a start tag named name, scrambled."""
    if name.lower() == b"meta":
        return attrs
    out, pos = [], 0
    for m in ATTR.finditer(attrs):
        if m.start() != pos:
            break
        pos = m.end()
        key = m.group(2).lower()
        val = m.group(4)
        if key in (b"class", b"id") and val is not None:
            if val[:1] in (b'"', b"'"):
                val = val[:1] + scramble_value(salt, val[1:-1]) + val[:1]
            else:
                val = scramble_value(salt, val)
            out.append(m.group(1) + m.group(2) + m.group(3) + val)
        else:
            out.append(m.group(0))
    return b"".join(out) + attrs[pos:]


TAG = re.compile(rb"<!--.*?-->|<(" + NAME + rb")((?:\s+[^\s=>/\"']+"
                 rb"(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]*))?)*)(\s*/?>)",
                 re.S)


def scramble_page(data, salt):
    """The page data (bytes) with its class and id tokens renamed."""
    out, i = [], 0
    while True:
        m = TAG.search(data, i)
        if m is None:
            break
        out.append(data[i:m.start()])
        if m.group(1) is None:
            out.append(m.group(0))
            i = m.end()
            continue
        name = m.group(1)
        out.append(b"<" + name + scramble_tag(salt, name, m.group(2)) +
                   m.group(3))
        i = m.end()
        if name.lower() in RAW:
            end = re.compile(rb"</" + name.lower() + rb"\b", re.I)
            e = end.search(data, i)
            j = e.start() if e else len(data)
            out.append(data[i:j])
            i = j
    out.append(data[i:])
    return b"".join(out)


def unpacked(src, dst, scramble):
    """Writes corpus src (html/*.gz and its gold) to dst, pages
    uncompressed, scrambled or as they are."""
    os.makedirs(os.path.join(dst, "html"), exist_ok=True)
    for name in os.listdir(src):
        if name != "html" and os.path.isfile(os.path.join(src, name)):
            shutil.copy(os.path.join(src, name), dst)
    for name in sorted(os.listdir(os.path.join(src, "html"))):
        path = os.path.join(src, "html", name)
        gz = name.endswith(".gz")
        data = gzip.open(path).read() if gz else open(path, "rb").read()
        if scramble:
            data = scramble_page(data, name.encode())
        with open(os.path.join(dst, "html", name[:-3] if gz else name),
                  "wb") as f:
            f.write(data)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cmd", default="build/cli/newswire extract")
    ap.add_argument("--keep", help="write the corpora here (kept)")
    ap.add_argument("--only", choices=["aeb", "snippets"])
    ap.add_argument("--save")
    ap.add_argument("--diff")
    ap.add_argument("--worst", type=int, default=0)
    a = ap.parse_args()
    sets = [("aeb", "aeb-dev", text_dumps.score_aeb),
            ("snippets", "trafeval-dev", text_dumps.score_snippets)]
    if a.only:
        sets = [s for s in sets if s[0] == a.only]
    tmp = a.keep or tempfile.mkdtemp(prefix="scramble-")
    allpages = {}
    try:
        print("%-9s %-9s %7s %7s" % ("set", "", "half 0", "half 1"))
        figs = {}
        for mode, name, fn in sets:
            for kind in ("real", "scrambled"):
                d = os.path.join(tmp, kind, name)
                if not os.path.isdir(os.path.join(d, "html")):
                    unpacked(os.path.join(text_dumps.SHARED, "corpus",
                                          name), d, kind == "scrambled")
                halves, pages = fn(a.cmd, d)
                figs[mode, kind] = halves
                allpages["%s-%s" % (mode, kind)] = pages
                print("%-9s %-9s %7.4f %7.4f" % (mode, kind, halves[0],
                                                 halves[1]))
            r, s = figs[mode, "real"], figs[mode, "scrambled"]
            print("%-9s %-9s %7.3f %7.3f" % (mode, "ratio",
                  s[0] / r[0] if r[0] else 0, s[1] / r[1] if r[1] else 0))
            sys.stdout.flush()
    finally:
        if not a.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    text_dumps.report(allpages, a, 18)


if __name__ == "__main__":
    main()
