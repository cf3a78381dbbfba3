#!/usr/bin/python3
"""Dump the entities (and images) newswire extracts from every page of the
development corpora, one page a block, for diffing a change's effect.

  bench/ent_dump.py dump OUT.json [--cmd "build/cli/newswire extract"]
                                  [--urls]
  bench/ent_dump.py diff BEFORE.json AFTER.json [--lang de] [--kind people]
  bench/ent_dump.py show DUMP.json [--half 0] [--kind images]

The dump holds, per page, its corpus, its half (nwscore.py's split: a hash
of the AEB id or of the trafilatura set's URL), its language, its people,
organisations, places, image URLs, captions (each image with a caption
or a credit as "URL | caption's first 80 characters | credit") and
quotes (each as "SPEAKER <- the quote's first 60 characters", "-" for
no speaker). `--urls` runs each trafilatura page alone with its URL
(`extract --url`), as the daemon knows it, instead of in batches
without one, as the scorer does: links to the page's own address can
then be told. `show` lists a dump's pages, half by half, with what they
hold of a kind (the images and captions by default). `diff` prints the
names (and quotes whose speaker changed) each page gained (+) and lost
(-), then the counts by half and kind, to be read and judged right or
wrong by hand: there is no entity or speaker gold in the corpora.

A page the extractor fails on is no page without names: `dump` pairs each
output line with its page (a batch that dies or prints a line too many or
too few is run again page by page), records the page with its "error"
(an error event's reason, a signal, the run's stderr), lists every failed
page on stderr and exits 1; `diff` lists the pages that failed in either
dump.
"""
import argparse
import gzip
import hashlib
import json
import os
import shlex
import subprocess
import sys
import tempfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
SHARED = os.path.join(ROOT, "..", "shared", "corpus")
KINDS = ("people", "organisations", "places")
OTHER = ("images", "captions", "quotes")


def quote_line(q):
    return "%s <- %s" % (q.get("speaker") or "-", (q.get("text") or "")[:60])


def half(key):
    # nwscore.py's in_half()
    return hashlib.sha1(key.encode()).digest()[1] % 2


def pages():
    """(corpus, key, html path) of every page of aeb-dev and trafeval-dev."""
    out = []
    aeb = os.path.join(SHARED, "aeb-dev")
    for name in sorted(os.listdir(os.path.join(aeb, "html"))):
        key = name.split(".html")[0]
        out.append(("aeb", key, os.path.join(aeb, "html", name)))
    tv = os.path.join(SHARED, "trafeval-dev")
    data = json.load(open(os.path.join(tv, "evaldata.json")))
    files = set(os.listdir(os.path.join(tv, "html")))
    for url in sorted(data):
        f = data[url]["file"]
        for name in (f, f + ".gz"):
            if name in files:
                out.append(("traf", url, os.path.join(tv, "html", name)))
                break
    return out


last_error = ["no output"]


def caption_line(i):
    return "%s | %s | %s" % (i.get("url"), (i.get("caption") or "")[:80],
                             i.get("credit") or "")


def run(cmd, files, url=None):
    """The lines the extractor prints for files, one a file, or None when
    it died by a signal or printed another number of lines (its stderr,
    and why, in last_error[0])."""
    extra = ["--url", url] if url else []
    p = subprocess.run(shlex.split(cmd) + extra + files, cwd=ROOT,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    lines = [l for l in p.stdout.decode("utf-8", "replace").splitlines()
             if l.strip()]
    why = p.stderr.decode("utf-8", "replace").strip()[-300:]
    if p.returncode < 0:
        last_error[0] = "killed by signal %d %s" % (-p.returncode, why)
        return None
    if len(lines) != len(files):
        last_error[0] = "%d lines for %d files (exit %d) %s" % (
            len(lines), len(files), p.returncode, why)
        return None
    return lines


def dump(a):
    tmp = tempfile.mkdtemp(prefix="entdump-")
    ps = pages()
    paths = []
    for i, (_, _, src) in enumerate(ps):
        dst = os.path.join(tmp, "%04d.html" % i)
        opener = gzip.open if src.endswith(".gz") else open
        with opener(src, "rb") as f, open(dst, "wb") as g:
            g.write(f.read())
        paths.append(dst)
    res, errors = {}, []
    step = 50  # a batch of pages a run
    for s in range(0, len(paths), step):
        batch = list(range(s, min(s + step, len(paths))))
        if a.urls:
            # each page alone with its URL (the AEB pages have none)
            out = []
            for i in batch:
                url = ps[i][1] if ps[i][0] == "traf" else None
                one = run(a.cmd, [paths[i]], url)
                out.append(one[0] if one else ("run", last_error[0]))
        else:
            out = run(a.cmd, [paths[i] for i in batch])
        if out is None:
            # the run died or printed a line too few or too many: each
            # page alone, so the lines stay paired with their pages
            out = [None] * len(batch)
            for n, i in enumerate(batch):
                one = run(a.cmd, [paths[i]])
                out[n] = one[0] if one else ("run", last_error[0])
        for i, line in zip(batch, out):
            corpus, key, src = ps[i]
            name = corpus + " " + key
            err = None
            if isinstance(line, tuple):
                err = line[1]
            else:
                try:
                    o = json.loads(line)
                except ValueError:
                    o, err = None, "not JSON: " + line[:80]
                if o is not None and o.get("schema") == "newswire.error/1":
                    err = "error event: %s" % o["error"]
            if err is not None:
                errors.append((name, src, err))
                res[name] = {"half": half(key), "error": err}
                continue
            e = o.get("entities") or {}
            res[name] = {
                "half": half(key), "lang": o.get("lang"),
                "people": e.get("people") or [],
                "organisations": e.get("organisations") or [],
                "places": e.get("places") or [],
                "images": [i.get("url") for i in o.get("images") or []],
                "captions": [caption_line(i) for i in o.get("images") or []
                             if i.get("caption") or i.get("credit")],
                "quotes": [quote_line(q) for q in o.get("quotes") or []],
            }
    for f in paths:
        os.unlink(f)
    os.rmdir(tmp)
    json.dump(res, open(a.out, "w"), ensure_ascii=False, indent=0,
              sort_keys=True)
    print("%d pages dumped to %s, %d failed" % (len(res), a.out,
                                                len(errors)))
    for name, src, err in errors:
        print("FAILED %s (%s): %s" % (name, src, err), file=sys.stderr)
    return 1 if errors else 0


def diff(a):
    b, c = json.load(open(a.before)), json.load(open(a.after))
    kinds = (a.kind,) if a.kind else KINDS + OTHER
    count = {}
    for page in sorted(set(b) | set(c)):
        x, y = b.get(page, {}), c.get(page, {})
        for tag, d in (("before", x), ("after", y)):
            if "error" in d:
                print("%s FAILED %s: %s" % (page, tag, d["error"]))
        lang = y.get("lang") or x.get("lang")
        if a.lang and lang != a.lang:
            continue
        h = y.get("half", x.get("half"))
        lines = []
        for k in kinds:
            old, new = set(x.get(k, [])), set(y.get(k, []))
            for n in sorted(new - old):
                lines.append("  + %s %s" % (k[:5], n))
            for n in sorted(old - new):
                lines.append("  - %s %s" % (k[:5], n))
            g = count.setdefault((h, k), [0, 0])
            g[0] += len(new - old)
            g[1] += len(old - new)
        if lines:
            print("%s [%s h%s]" % (page, lang, h))
            print("\n".join(lines))
    for (h, k), (g, l) in sorted(count.items()):
        print("half %s %-13s +%d -%d" % (h, k, g, l))


def show(a):
    d = json.load(open(a.dump))
    kinds = (a.kind,) if a.kind else ("images", "captions")
    for h in (0, 1):
        if a.half is not None and h != a.half:
            continue
        n = 0
        for page in sorted(d):
            x = d[page]
            if x.get("half") != h:
                continue
            print("%s [%s h%s]%s" % (page, x.get("lang"), h,
                                     " FAILED" if "error" in x else ""))
            for k in kinds:
                for v in x.get(k, []):
                    print("  %s %s" % (k[:5], v))
                    n += 1 if k == kinds[0] else 0
        print("half %d: %d %s" % (h, n, kinds[0]))


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawTextHelpFormatter)
    sub = ap.add_subparsers(dest="mode", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out")
    d.add_argument("--cmd", default="build/cli/newswire extract")
    d.add_argument("--urls", action="store_true")
    f = sub.add_parser("diff")
    f.add_argument("before")
    f.add_argument("after")
    f.add_argument("--lang")
    f.add_argument("--kind", choices=KINDS + OTHER)
    w = sub.add_parser("show")
    w.add_argument("dump")
    w.add_argument("--half", type=int, choices=(0, 1))
    w.add_argument("--kind", choices=KINDS + OTHER)
    a = ap.parse_args()
    return {"dump": dump, "diff": diff, "show": show}[a.mode](a)


if __name__ == "__main__":
    sys.exit(main())
