#!/usr/bin/python3
"""aeb_dates: the publication day of the aeb-dev pages whose URL holds
one (/2019/11/18/, /2019-11-18-, /20191118), against the local day
newswire gives without the URL, per half: a check of the dates on pages
nobody tuned the date rules on (aeb-dev has no date gold; a URL's day is
the day the publisher filed the page, in the publisher's zone).

  aeb_dates.py [--cmd "build/cli/newswire extract"] [--all]

Prints one line per dated page that misses (with --all, every dated
page): half, our day, the URL's, the URL; then the count per half.
Python 3 standard library only.
"""
import argparse
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(os.path.dirname(os.path.dirname(HERE)), "shared")
sys.path.insert(0, os.path.join(SHARED, "tools"))
import nwscore  # noqa: E402

URL_DAY = re.compile(r"/(20\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])"
                     r"(?:[/\-_.]|$)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cmd", default="build/cli/newswire extract")
    ap.add_argument("--all", action="store_true")
    a = ap.parse_args()
    corpus = os.path.join(SHARED, "corpus", "aeb-dev")
    gt = json.load(open(os.path.join(corpus, "ground-truth.json")))
    files = nwscore.unpack(corpus)
    keys = [k for k in sorted(gt) if k + ".html" in files]
    out, _ = nwscore.run_batch(a.cmd, [files[k + ".html"] for k in keys])
    right = {0: [0, 0], 1: [0, 0]}
    for k, o in zip(keys, out):
        m = URL_DAY.search(gt[k]["url"])
        if m is None:
            continue
        o = o or {}
        got = (o.get("published_local") or o.get("published") or "")[:10]
        want = "-".join(m.groups())
        h = 0 if nwscore.in_half(k, 0) else 1
        right[h][0] += got == want
        right[h][1] += 1
        if a.all or got != want:
            print("%d %s %-10s %s %s" % (h, "ok  " if got == want else
                                         "MISS", got or "-", want,
                                         gt[k]["url"][:80]))
    for h in (0, 1):
        print("half %d dates %d/%d" % (h, right[h][0], right[h][1]))


if __name__ == "__main__":
    main()
