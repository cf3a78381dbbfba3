#!/usr/bin/python3
"""scramble: the body extractor on pages whose markup nobody tuned on.

Every page of ../shared/corpus/aeb-dev and trafeval-dev is rewritten by
one or more perturbations, each a stand-in for the markup of another
site or another CMS; the text between the tags is left as it is, byte
for byte. The pages go to a temporary directory that mirrors the corpus
layout, and nwscore.py scores them and the real pages in the same run:
aeb (body F1) and snippets (snippet F1), each half. The drop from real
to perturbed is what the extractor owes to the markup of the pages it
was tuned on.

Perturbations (--mode, a comma-separated list; "+" chains them):
  names  each token of class and id attributes becomes a meaningless
         name ("q" and eight digits, the same token giving the same
         name within a page, another on the next page)
  divs   the semantic containers (article, main, section, header,
         footer, aside, nav, figure, figcaption) become <div>s
  wrap   every block (p, headings, lists, tables, blockquote, pre,
         figure, div, section, article) gets a wrapper <div> of its own
  pdiv   every <p> becomes a <div>
  pbr    every <p> goes, its end (written or implied) becomes <br><br>
  bare   class, id, role, itemprop, itemscope and itemtype removed
  cms    divs+wrap+pdiv+bare, a page of another CMS altogether
  all    each of the above in turn
Tag names not named, ARIA attributes other than role, <meta> elements,
comments and the bodies of scripts and styles are left as they are. A
<p> left open ends where HTML ends it (at a block's start, or at the end
of an element other than a phrase's), and there the perturbation closes
its replacement.

  scramble.py [--cmd "build/cli/newswire extract"] [--keep DIR]
              [--mode names|divs|wrap|pdiv|pbr|bare|cms|all|A+B,...]
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

NAME = rb"[A-Za-z][A-Za-z0-9:_.-]*"
ATTR = re.compile(rb"""(\s+)([^\s=>/"']+)(?:(\s*=\s*)("[^"]*"|'[^']*'|[^\s>]*))?""")
RAW = (b"script", b"style", b"textarea", b"title")
# a comment, an end tag (group 1) or a start tag (groups 2 to 4)
TAG = re.compile(rb"<!--.*?-->|</(" + NAME + rb")\s*>|<(" + NAME +
                 rb")((?:\s+[^\s=>/\"']+"
                 rb"(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]*))?)*)(\s*/?>)",
                 re.S)
SEMANTIC = {b"article", b"main", b"section", b"header", b"footer",
            b"aside", b"nav", b"figure", b"figcaption"}
WRAPPED = {b"p", b"h1", b"h2", b"h3", b"h4", b"h5", b"h6", b"ul", b"ol",
           b"dl", b"table", b"blockquote", b"pre", b"figure", b"div",
           b"section", b"article"}
# start tags that end an open <p> (HTML's "close a p element")
CLOSES_P = {b"address", b"article", b"aside", b"blockquote", b"center",
            b"details", b"dialog", b"dir", b"div", b"dl", b"dd", b"dt",
            b"fieldset", b"figcaption", b"figure", b"footer", b"form",
            b"h1", b"h2", b"h3", b"h4", b"h5", b"h6", b"header",
            b"hgroup", b"hr", b"li", b"listing", b"main", b"menu", b"nav",
            b"ol", b"p", b"pre", b"section", b"summary", b"table", b"ul",
            b"xmp"}
# end tags that leave an open <p> open: phrases, embedded content
PHRASE = {b"a", b"abbr", b"b", b"bdi", b"bdo", b"big", b"br", b"button",
          b"cite", b"code", b"data", b"del", b"dfn", b"em", b"font", b"i",
          b"iframe", b"img", b"ins", b"kbd", b"label", b"mark", b"math",
          b"nobr", b"noscript", b"object", b"picture", b"q", b"s",
          b"samp", b"script", b"select", b"small", b"span", b"strike",
          b"strong", b"style", b"sub", b"sup", b"svg", b"template",
          b"textarea", b"time", b"tt", b"u", b"var", b"video", b"audio",
          b"ruby", b"rt", b"rp", b"rb", b"rtc", b"canvas", b"datalist",
          b"option", b"optgroup", b"map", b"meter", b"output",
          b"progress", b"slot"}


def token_name(salt, tok):
    """The meaningless name of class or id token tok on the page salt."""
    h = hashlib.sha1(salt + b"\0" + tok).digest()
    return b"q%08d" % (int.from_bytes(h[:8], "big") % 100000000)


def scramble_value(salt, value):
    """A class or id value with each whitespace-separated token renamed."""
    return re.sub(rb"[^\s]+", lambda m: token_name(salt, m.group(0)),
                  value)


def edit_attrs(attrs, fn):
    """The attribute text attrs of a start tag with each attribute m (a
    match of ATTR) written as fn(key, m) says."""
    out, pos = [], 0
    for m in ATTR.finditer(attrs):
        if m.start() != pos:
            break
        pos = m.end()
        out.append(fn(m.group(2).lower(), m))
    return b"".join(out) + attrs[pos:]


class Keep:
    """Every tag as it is: the base of the perturbations. start() and
    end() give the bytes written for a start tag (name lower-cased, tag
    as written) and an end tag (text as written)."""

    def __init__(self, salt):
        self.salt = salt

    def start(self, name, tag, attrs, close):
        return b"<" + tag + attrs + close

    def end(self, name, text):
        return text


class Names(Keep):
    """names: class and id tokens renamed."""

    def rename(self, key, m):
        val = m.group(4)
        if key not in (b"class", b"id") or val is None:
            return m.group(0)
        if val[:1] in (b'"', b"'"):
            val = val[:1] + scramble_value(self.salt, val[1:-1]) + val[:1]
        else:
            val = scramble_value(self.salt, val)
        return m.group(1) + m.group(2) + m.group(3) + val

    def start(self, name, tag, attrs, close):
        if name != b"meta":
            attrs = edit_attrs(attrs, self.rename)
        return b"<" + tag + attrs + close


class Bare(Keep):
    """bare: no class, id, role or microdata attributes."""
    GONE = (b"class", b"id", b"role", b"itemprop", b"itemscope",
            b"itemtype")

    def start(self, name, tag, attrs, close):
        if name != b"meta":
            attrs = edit_attrs(attrs, lambda key, m: b"" if key in
                               self.GONE else m.group(0))
        return b"<" + tag + attrs + close


class Divs(Keep):
    """divs: the semantic containers are <div>s."""

    def start(self, name, tag, attrs, close):
        return b"<" + (b"div" if name in SEMANTIC else tag) + attrs + close

    def end(self, name, text):
        return b"</div>" if name in SEMANTIC else text


class Paragraphs(Keep):
    """Where each <p> starts and ends, written or implied; para_start()
    and para_end() say what is written there, tag_start() and tag_end()
    what is written for every other tag."""

    def __init__(self, salt):
        Keep.__init__(self, salt)
        self.open = False

    def tag_start(self, name, tag, attrs, close):
        return Keep.start(self, name, tag, attrs, close)

    def tag_end(self, name, text):
        return text

    def start(self, name, tag, attrs, close):
        out = b""
        if self.open and name in CLOSES_P:
            out, self.open = self.para_end(), False
        if name == b"p":
            self.open = True
            return out + self.para_start(tag, attrs, close)
        return out + self.tag_start(name, tag, attrs, close)

    def end(self, name, text):
        out = b""
        if name == b"p":
            # a </p> with no <p> open makes an empty one: no text
            out, self.open = self.para_end() if self.open else b"", False
            return out
        if self.open and name not in PHRASE and b"-" not in name:
            out, self.open = self.para_end(), False
        return out + self.tag_end(name, text)


class PDiv(Paragraphs):
    """pdiv: every <p> is a <div>."""

    def para_start(self, tag, attrs, close):
        return b"<div" + attrs + close

    def para_end(self):
        return b"</div>"


class PBr(Paragraphs):
    """pbr: paragraphs are text ended by <br><br>."""

    def para_start(self, tag, attrs, close):
        return b""

    def para_end(self):
        return b"<br><br>"


class Wrap(Paragraphs):
    """wrap: every block in a <div> of its own."""

    def para_start(self, tag, attrs, close):
        return b"<div><" + tag + attrs + close

    def para_end(self):
        return b"</p></div>"

    def tag_start(self, name, tag, attrs, close):
        out = Keep.start(self, name, tag, attrs, close)
        return b"<div>" + out if name in WRAPPED else out

    def tag_end(self, name, text):
        return text + b"</div>" if name in WRAPPED else text


MODES = {"names": [Names], "divs": [Divs], "wrap": [Wrap], "pdiv": [PDiv],
         "pbr": [PBr], "bare": [Bare], "cms": [Divs, Wrap, PDiv, Bare]}
ALL = ["names", "divs", "wrap", "pdiv", "pbr", "bare", "cms"]


def rewrite(data, pert):
    """The page data (bytes) with its tags as pert (a Keep) writes them;
    text, comments and the bodies of raw-text elements as they are."""
    out, i = [], 0
    while True:
        m = TAG.search(data, i)
        if m is None:
            break
        out.append(data[i:m.start()])
        i = m.end()
        if m.group(1) is not None:
            out.append(pert.end(m.group(1).lower(), m.group(0)))
            continue
        if m.group(2) is None:
            out.append(m.group(0))
            continue
        name = m.group(2).lower()
        out.append(pert.start(name, m.group(2), m.group(3), m.group(4)))
        if name in RAW:
            end = re.compile(rb"</" + name + rb"\b", re.I)
            e = end.search(data, i)
            j = e.start() if e else len(data)
            out.append(data[i:j])
            i = j
    out.append(data[i:])
    return b"".join(out)


def perturbed(data, mode, salt):
    """The page data under mode ("names", "divs+wrap", ...)."""
    for part in mode.split("+"):
        for cls in MODES[part]:
            data = rewrite(data, cls(salt))
    return data


def unpacked(src, dst, mode):
    """Writes corpus src (html/*.gz and its gold) to dst, pages
    uncompressed, perturbed by mode or (None) as they are."""
    os.makedirs(os.path.join(dst, "html"), exist_ok=True)
    for name in os.listdir(src):
        if name != "html" and os.path.isfile(os.path.join(src, name)):
            shutil.copy(os.path.join(src, name), dst)
    for name in sorted(os.listdir(os.path.join(src, "html"))):
        path = os.path.join(src, "html", name)
        gz = name.endswith(".gz")
        data = gzip.open(path).read() if gz else open(path, "rb").read()
        if mode:
            data = perturbed(data, mode, name.encode())
        with open(os.path.join(dst, "html", name[:-3] if gz else name),
                  "wb") as f:
            f.write(data)


def modes(arg):
    """The list of modes --mode names, each checked."""
    out = []
    for mode in arg.split(","):
        if mode == "all":
            out += ALL
            continue
        for part in mode.split("+"):
            if part not in MODES:
                sys.exit("scramble.py: no mode '%s' (%s, all)" %
                         (part, ", ".join(ALL)))
        out.append(mode)
    return out


def form(mode):
    """The directory and the name of mode's pages in --keep and --save;
    "scrambled" for names, as before the other modes came."""
    return "scrambled" if mode == "names" else mode


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cmd", default="build/cli/newswire extract")
    ap.add_argument("--keep", help="write the corpora here (kept)")
    ap.add_argument("--mode", default="names")
    ap.add_argument("--only", choices=["aeb", "snippets"])
    ap.add_argument("--save")
    ap.add_argument("--diff")
    ap.add_argument("--counts", action="store_true",
                    help="with --diff, also pages whose tp/fp/fn move")
    ap.add_argument("--worst", type=int, default=0)
    a = ap.parse_args()
    forms = [None] + modes(a.mode)
    sets = [("aeb", "aeb-dev", text_dumps.score_aeb),
            ("snippets", "trafeval-dev", text_dumps.score_snippets)]
    if a.only:
        sets = [s for s in sets if s[0] == a.only]
    tmp = a.keep or tempfile.mkdtemp(prefix="scramble-")
    allpages = {}
    try:
        print("%-9s %-14s %7s %7s %7s %7s" % ("set", "pages", "half 0",
                                              "half 1", "ratio", ""))
        for mode, name, fn in sets:
            real = None
            for m in forms:
                kind = form(m) if m else "real"
                d = os.path.join(tmp, kind, name)
                if not os.path.isdir(os.path.join(d, "html")):
                    unpacked(os.path.join(text_dumps.SHARED, "corpus",
                                          name), d, m)
                halves, pages = fn(a.cmd, d)
                allpages["%s-%s" % (mode, kind)] = pages
                real = real or halves
                print("%-9s %-14s %7.4f %7.4f %7.3f %7.3f" % (
                    mode, kind, halves[0], halves[1],
                    halves[0] / real[0] if real[0] else 0,
                    halves[1] / real[1] if real[1] else 0))
                sys.stdout.flush()
    finally:
        if not a.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    text_dumps.report(allpages, a, 18)


if __name__ == "__main__":
    main()
