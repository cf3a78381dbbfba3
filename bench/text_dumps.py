#!/usr/bin/python3
"""text_dumps: the text-dump extractor on renders of the development pages,
both halves of all four measures in one command.

The pages of ../shared/corpus/aeb-dev and trafeval-dev are rendered once
with w3m and lynx (as docs/extraction.md says) into RENDERS (a directory
kept between runs; --rerender renders again), then `newswire extract` runs
once per render set and the figures are computed with nwscore.py's own
functions: aeb-dev as body F1 (the Zyte metric), trafeval-dev as snippet F1
(subtitle and body), each for --half 0 and --half 1, as
`nwscore.py aeb|snippets RENDERS/SET --half H` prints them (to 4 digits
here). Last the samples' checks (nwscore.py samples).

  text_dumps.py [--cmd "build/cli/newswire extract"] [--renders DIR]
                [--save FILE] [--diff FILE] [--worst N] [--misses N]
                [--titles] [--counts]

--save writes every page's figure to FILE (JSON); --diff FILE prints the
pages whose figure differs from those saved in FILE (an experiment's
gains and losses, page by page), the trafeval pages whose tp/fp/fn move
though their F1 stays (a page at 0 that drops a wrong snippet), and the
pages whose title, date or author turns right or wrong; --counts adds
the tp/fp/fn to each moved page's line; --worst N lists the N pages of lowest
figure of each set, with their half; --misses N, for trafeval, the
snippets missed and kept wrongly in each half and the N pages that lose
most, with the snippets themselves. The title, date and author rows
give the share of trafeval pages whose field is the gold's (nwscore.py's
figures) for each renderer and half; --titles lists the pages that miss
it, the gold's title and ours.
"""
import argparse
import concurrent.futures
import gzip
import json
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(ROOT, "..", "shared")
sys.path.insert(0, os.path.join(SHARED, "tools"))
import nwscore  # noqa: E402  (the yardstick's own metric functions)

RENDERERS = {
    "w3m": ["w3m", "-dump", "-T", "text/html", "-cols", "100",
            "-O", "UTF-8"],
    "lynx": ["lynx", "-dump", "-force_html", "-stdin", "-width=100",
             "-display_charset=UTF-8"],
}
CORPORA = {"aeb": ("aeb-dev", "ground-truth.json"),
           "trafeval": ("trafeval-dev", "evaldata.json")}


def render_one(argv, src, dst):
    with gzip.open(src) as f:
        html = f.read()
    p = subprocess.run(argv, input=html, stdout=subprocess.PIPE,
                       stderr=subprocess.DEVNULL, timeout=120)
    with open(dst, "wb") as f:
        f.write(p.stdout)


def render_set(renders, corpus, renderer, again):
    name, gold = CORPORA[corpus]
    out = os.path.join(renders, "%s-%s" % (corpus, renderer))
    stamp = os.path.join(out, ".done")
    if os.path.exists(stamp) and not again:
        return out
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(os.path.join(out, "html"))
    src = os.path.join(SHARED, "corpus", name)
    shutil.copy(os.path.join(src, gold), out)
    pages = sorted(n for n in os.listdir(os.path.join(src, "html"))
                   if n.endswith(".gz"))
    with concurrent.futures.ThreadPoolExecutor(2) as ex:
        list(ex.map(lambda n: render_one(
            RENDERERS[renderer], os.path.join(src, "html", n),
            os.path.join(out, "html", n[:-3])), pages))
    open(stamp, "w").close()
    return out


def run(cmd, paths):
    out, _ = nwscore.run_batch(cmd, paths)
    return out


def score_aeb(cmd, d):
    gt = json.load(open(os.path.join(d, "ground-truth.json")))
    ids = [i for i in sorted(gt)
           if os.path.exists(os.path.join(d, "html", i + ".html"))]
    out = run(cmd, [os.path.join(d, "html", i + ".html") for i in ids])
    pages = {}
    for i, o in zip(ids, out):
        p, r = nwscore.aeb_doc(gt[i]["articleBody"], (o or {}).get("body"))
        pages[i] = {"half": int(nwscore.in_half(i, 1)), "p": p, "r": r}
    halves = []
    for h in (0, 1):
        ps = [v["p"] for v in pages.values()
              if v["half"] == h and v["p"] is not None]
        rs = [v["r"] for v in pages.values()
              if v["half"] == h and v["r"] is not None]
        P = sum(ps) / len(ps) if ps else 0.0
        R = sum(rs) / len(rs) if rs else 0.0
        halves.append(2 * P * R / (P + R) if P + R else 0.0)
    for v in pages.values():
        p, r = v["p"] or 0.0, v["r"] or 0.0
        v["f"] = 2 * p * r / (p + r) if p + r else 0.0
    return halves, pages


def score_snippets(cmd, d):
    data = json.load(open(os.path.join(d, "evaldata.json")))
    urls = [u for u in sorted(data)
            if os.path.exists(os.path.join(d, "html", data[u]["file"]))]
    out = run(cmd, [os.path.join(d, "html", data[u]["file"]) for u in urls])
    pages = {}
    for u, o in zip(urls, out):
        o = o or {}
        text = nwscore.norm("\n\n".join(
            x for x in (o.get("subtitle"), o.get("body")) if x))
        rec = data[u]
        c = {"tp": 0, "fn": 0, "fp": 0}
        for s in rec.get("with", []):
            c["tp" if nwscore.norm(s) in text else "fn"] += 1
        for s in rec.get("without", []):
            c["fp"] += nwscore.norm(s) in text
        c["half"] = int(nwscore.in_half(u, 1))
        meta(c, rec, o)
        c["missed"] = [s for s in rec.get("with", [])
                       if nwscore.norm(s) not in text]
        c["kept"] = [s for s in rec.get("without", [])
                     if nwscore.norm(s) in text]
        n = c["tp"] + c["fn"] + c["fp"]
        c["f"] = 2 * c["tp"] / (2 * c["tp"] + c["fn"] + c["fp"]) if n else 1
        pages[u] = c
    halves = []
    for h in (0, 1):
        tp = sum(v["tp"] for v in pages.values() if v["half"] == h)
        fn = sum(v["fn"] for v in pages.values() if v["half"] == h)
        fp = sum(v["fp"] for v in pages.values() if v["half"] == h)
        P = tp / (tp + fp) if tp + fp else 0.0
        R = tp / (tp + fn) if tp + fn else 0.0
        halves.append(2 * P * R / (P + R) if P + R else 0.0)
    return halves, pages


def meta(c, rec, o):
    """Sets c's title, date and author to whether o has the gold's, as
    nwscore.py's snippets command counts them, where the gold has one."""
    if rec.get("title"):
        c["title"] = nwscore.norm(o.get("title")) == nwscore.norm(
            rec["title"])
        c["gold_title"], c["our_title"] = rec["title"], o.get("title")
    if rec.get("date"):
        day = (o.get("published_local") or o.get("published") or "")[:10]
        c["date"] = day == rec["date"][:10]
    if rec.get("author"):
        gold = rec["author"] if isinstance(rec["author"], list) \
            else rec["author"].split(";")
        c["author"] = [nwscore.norm(x) for x in o.get("authors") or []] \
            == [nwscore.norm(x) for x in gold if x.strip()]


def share(pages, h, field):
    """The share of the half's pages with a gold value of field (title,
    date, author) whose value is the gold's (nwscore.py's accuracy)."""
    t = [v[field] for v in pages.values()
         if v["half"] == h and field in v]
    return sum(t) / len(t) if t else 0.0


def samples(cmd):
    p = subprocess.run([sys.executable,
                        os.path.join(SHARED, "tools", "nwscore.py"),
                        "samples", os.path.join(SHARED, "samples"),
                        "--cmd", cmd], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, timeout=300)
    m = re.search(r"samples: (\d+/\d+)", p.stdout.decode("utf-8", "replace"))
    return m.group(1) if m else "?"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cmd", default="build/cli/newswire extract")
    ap.add_argument("--renders", default="/tmp/nw-text-dumps")
    ap.add_argument("--rerender", action="store_true")
    ap.add_argument("--save")
    ap.add_argument("--diff")
    ap.add_argument("--worst", type=int, default=0)
    ap.add_argument("--misses", type=int, default=0)
    ap.add_argument("--titles", action="store_true")
    ap.add_argument("--counts", action="store_true")
    a = ap.parse_args()
    for r, argv in RENDERERS.items():
        if shutil.which(argv[0]) is None:
            sys.exit("%s is not installed (apt-get install -y %s)" % (r, r))
    cmd = a.cmd
    allpages = {}
    print("%-14s %-5s %7s %7s" % ("set", "", "half 0", "half 1"))
    for corpus in CORPORA:
        for r in RENDERERS:
            d = render_set(a.renders, corpus, r, a.rerender)
            fn = score_aeb if corpus == "aeb" else score_snippets
            halves, pages = fn(cmd, d)
            key = "%s-%s" % (corpus, r)
            allpages[key] = pages
            print("%-14s %-5s %7.4f %7.4f" % (corpus, r, halves[0],
                                              halves[1]))
    for field in ("title", "date", "author"):
        for r in RENDERERS:
            pages = allpages["trafeval-%s" % r]
            print("%-14s %-5s %7.4f %7.4f" % (
                field, r, share(pages, 0, field), share(pages, 1, field)))
    print("samples %s" % samples(cmd))
    report(allpages, a, 14)
    if a.misses:
        misses(allpages, a.misses)
    if a.titles:
        titles(allpages)


def report(allpages, a, width):
    """Saves the per-page figures (--save), prints the pages that moved
    against a saved run (--diff) and the a.worst pages of each set."""
    if a.save:
        json.dump(allpages, open(a.save, "w"), indent=0, sort_keys=True)
    if a.diff:
        old = json.load(open(a.diff))
        for key, pages in allpages.items():
            for k, v in sorted(pages.items()):
                o = old.get(key, {}).get(k)
                if not o:
                    continue
                moved = "tp" in v and any(
                    o.get(c) != v[c] for c in ("tp", "fp", "fn"))
                if abs(o["f"] - v["f"]) > 1e-9 or moved:
                    print("  %-*s h%d %+.3f %.3f %s%s" % (
                        width, key, v["half"], v["f"] - o["f"], v["f"], k,
                        " tp/fp/fn %d/%d/%d -> %d/%d/%d" % tuple(
                            [o["tp"], o["fp"], o["fn"], v["tp"], v["fp"],
                             v["fn"]]) if moved and a.counts else ""))
                for field in ("title", "date", "author"):
                    if field in v and o.get(field) != v[field]:
                        print("  %-*s h%d %s %s -> %s %s" % (
                            width, key, v["half"], field, o.get(field),
                            v[field], k))
    if a.worst:
        for key, pages in allpages.items():
            print(key)
            for k, v in sorted(pages.items(), key=lambda kv: kv[1]["f"])[
                    :a.worst]:
                print("  h%d %.3f %s" % (v["half"], v["f"], k))


def misses(allpages, n):
    """The trafeval pages that lose most, per render set and half, with
    the gold snippets missed (-) and the unwanted ones kept (+)."""
    for key, pages in allpages.items():
        if not key.startswith("trafeval"):
            continue
        for h in (0, 1):
            lost = sorted((v["fn"] + v["fp"], k) for k, v in pages.items()
                          if v["half"] == h and v["fn"] + v["fp"] > 0)
            print("%s h%d: %d snippets missed, %d kept wrongly" % (
                key, h, sum(v["fn"] for v in pages.values()
                            if v["half"] == h),
                sum(v["fp"] for v in pages.values() if v["half"] == h)))
            for _, k in reversed(lost[-n:]):
                v = pages[k]
                print("  %.3f %s" % (v["f"], k))
                for s in v["missed"]:
                    print("    - %s" % s[:90])
                for s in v["kept"]:
                    print("    + %s" % s[:90])


def titles(allpages):
    """Each trafeval page whose title is not the gold's: the gold's (=)
    and ours (>)."""
    for key, pages in allpages.items():
        if not key.startswith("trafeval"):
            continue
        for k, v in sorted(pages.items()):
            if v.get("title", True):
                continue
            print("%s h%d %s" % (key, v["half"], k))
            print("    = %s" % v["gold_title"][:100])
            print("    > %s" % (v["our_title"] or "")[:100])


if __name__ == "__main__":
    main()
