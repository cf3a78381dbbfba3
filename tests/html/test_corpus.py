#!/usr/bin/python3
"""Runs `newswire extract` over every page of ../shared/corpus (aeb-dev and
trafeval-dev) in one process and checks that each yields one event, and an
article with a non-empty body wherever the gold has a body.

usage: test_corpus.py NEWSWIRE SHARED_DIR
"""
import gzip
import json
import os
import subprocess
import sys
import tempfile


def unpack(html_dir, tmp):
    paths = {}
    for name in sorted(os.listdir(html_dir)):
        src = os.path.join(html_dir, name)
        base = name[:-3] if name.endswith(".gz") else name
        dst = os.path.join(tmp, base)
        opener = gzip.open if name.endswith(".gz") else open
        with opener(src, "rb") as f, open(dst, "wb") as g:
            g.write(f.read())
        paths[base] = dst
    return paths


def gold_pages(shared, tmp):
    """(path, gold has a body) for every corpus page."""
    out = []
    aeb = os.path.join(shared, "corpus", "aeb-dev")
    gt = json.load(open(os.path.join(aeb, "ground-truth.json")))
    files = unpack(os.path.join(aeb, "html"), os.path.join(tmp, "aeb"))
    for k in sorted(gt):
        if k + ".html" in files:
            out.append((files[k + ".html"],
                        bool((gt[k].get("articleBody") or "").strip())))
    tra = os.path.join(shared, "corpus", "trafeval-dev")
    ev = json.load(open(os.path.join(tra, "evaldata.json")))
    files = unpack(os.path.join(tra, "html"), os.path.join(tmp, "tra"))
    for k in sorted(ev):
        f = ev[k]["file"]
        if f in files:
            out.append((files[f], bool(ev[k].get("with"))))
    return out


def main():
    newswire, shared = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory(prefix="nw-html-corpus-") as tmp:
        os.mkdir(os.path.join(tmp, "aeb"))
        os.mkdir(os.path.join(tmp, "tra"))
        pages = gold_pages(shared, tmp)
        p = subprocess.run([newswire, "extract"] + [x for x, _ in pages],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=240)
        lines = [l for l in p.stdout.decode("utf-8").splitlines() if l]
        failed = []
        if p.returncode != 0:
            failed.append("exit status %d" % p.returncode)
        if len(lines) != len(pages):
            failed.append("%d events for %d pages" % (len(lines), len(pages)))
        for (path, want), line in zip(pages, lines):
            ev = json.loads(line)
            if want and not (ev.get("body") or "").strip():
                failed.append("%s: no body (%s)" % (
                    os.path.basename(path), ev.get("error", "empty")))
        ok = len(pages) - len(failed)
        for f in failed:
            print("FAIL " + f)
        print("%d passed, %d failed" % (ok, len(failed)))
        return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
