#!/usr/bin/python3
"""meta_miss: the title, date and author of every scored page of
trafilatura's development set, right or wrong, per half, as nwscore.py
scores them (the same comparison, no URL given).

  meta_miss.py [--corpus DIR] [--cmd "build/cli/newswire extract"]
               [--half 0|1] [--field title|date|author] [--all]
               [--save FILE] [--diff FILE]

Prints one line per wrong page (with --all, every scored page): half,
field, file, what we give and the gold. --save writes the results as
JSON; --diff FILE names the pages whose verdict changed against a saved
run (gained or lost), the way to see what a rule moves. Python 3
standard library only.
"""
import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
sys.path.insert(0, os.path.join(SHARED, "tools"))
import nwscore  # noqa: E402


def verdicts(rec, o):
    """(field, ok, got, gold) for each field the gold has, as nwscore."""
    n = nwscore.norm
    if rec.get("title"):
        got = n(o.get("title"))
        yield "title", got == n(rec["title"]), got, n(rec["title"])
    if rec.get("date"):
        got = (o.get("published_local") or o.get("published") or "")[:10]
        yield "date", got == rec["date"][:10], got, rec["date"][:10]
    if rec.get("author"):
        a = rec["author"]
        gold = a if isinstance(a, list) else a.split(";")
        want = [n(x) for x in gold if x.strip()]
        got = [n(x) for x in (o.get("authors") or [])]
        yield "author", got == want, "; ".join(got), "; ".join(want)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus",
                    default=os.path.join(SHARED, "corpus", "trafeval-dev"))
    ap.add_argument("--cmd", default="build/cli/newswire extract")
    ap.add_argument("--half", type=int, choices=(0, 1))
    ap.add_argument("--field", choices=("title", "date", "author"))
    ap.add_argument("--all", action="store_true")
    ap.add_argument("--save")
    ap.add_argument("--diff")
    a = ap.parse_args()
    data = json.load(open(os.path.join(a.corpus, "evaldata.json")))
    files = nwscore.unpack(a.corpus)
    urls = [u for u in sorted(data) if data[u]["file"] in files]
    out, _ = nwscore.run_batch(a.cmd, [files[data[u]["file"]] for u in urls])
    res = {}
    right = {}
    for u, o in zip(urls, out):
        h = 0 if nwscore.in_half(u, 0) else 1
        for f, ok, got, gold in verdicts(data[u], o or {}):
            res["%s %s" % (f, data[u]["file"])] = ok
            c = right.setdefault((h, f), [0, 0])
            c[0] += ok
            c[1] += 1
            if (a.half is not None and h != a.half) or \
               (a.field and f != a.field) or (ok and not a.all):
                continue
            print("%d %-6s %s %-40s\n    got  %r\n    gold %r" % (
                h, f, "ok  " if ok else "MISS", data[u]["file"], got, gold))
    for (h, f), (r, t) in sorted(right.items()):
        print("half %d %-6s %d/%d = %.3f" % (h, f, r, t, r / t))
    if a.diff:
        old = json.load(open(a.diff))
        for k in sorted(res):
            if k in old and old[k] != res[k]:
                print("%s %s" % ("gained" if res[k] else "lost  ", k))
    if a.save:
        json.dump(res, open(a.save, "w"), indent=0, sort_keys=True)


if __name__ == "__main__":
    main()
