#!/usr/bin/python3
"""Generality of the text-dump extractor: renders the aeb-dev corpus pages
to plain text with w3m (as a user's `w3m -dump` would), runs `newswire
extract` on the renders and scores the bodies with nwscore.py's aeb metric
(4-gram shingle F1 against the corpus's ground truth). Fails below F1 0.80.

usage: test_text_aeb.py NEWSWIRE_EXE SHARED_DIR
"""
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

MIN_F1 = 0.80
W3M = "/usr/bin/w3m"


def render(html):
    p = subprocess.run([W3M, "-dump", "-T", "text/html", "-cols", "100",
                        "-O", "UTF-8"], input=html, stdout=subprocess.PIPE,
                       stderr=subprocess.DEVNULL, timeout=60, check=True)
    return p.stdout


def main():
    exe, shared = sys.argv[1], sys.argv[2]
    corpus = os.path.join(shared, "corpus", "aeb-dev")
    score = os.path.join(shared, "tools", "nwscore.py")
    if not os.access(W3M, os.X_OK):
        print("FAIL: w3m is not installed (apt-get install -y w3m)")
        return 1
    tmp = tempfile.mkdtemp(prefix="nw-text-aeb-")
    try:
        os.mkdir(os.path.join(tmp, "html"))
        shutil.copy(os.path.join(corpus, "ground-truth.json"), tmp)
        gt = json.load(open(os.path.join(tmp, "ground-truth.json")))
        names = sorted(n for n in os.listdir(os.path.join(corpus, "html"))
                       if n.endswith(".html.gz"))
        assert len(names) >= 50, "corpus incomplete: %d pages" % len(names)
        for n in names:
            with gzip.open(os.path.join(corpus, "html", n)) as f:
                text = render(f.read())
            with open(os.path.join(tmp, "html", n[:-3]), "wb") as f:
                f.write(text)
        assert sum(1 for n in names if n[:-8] in gt) >= 50
        p = subprocess.run([sys.executable, score, "aeb", tmp, "--cmd",
                            exe + " extract"], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=240)
        out = p.stdout.decode("utf-8", "replace")
        print(out)
        m = re.search(r"aeb: F1 ([0-9.]+)", out)
        if m is None:
            print("FAIL: no F1 in nwscore output\n" +
                  p.stderr.decode("utf-8", "replace"))
            return 1
        f1 = float(m.group(1))
        if f1 < MIN_F1:
            print("FAIL: w3m renders body F1 %.3f < %.2f" % (f1, MIN_F1))
            return 1
        print("ok: w3m renders body F1 %.3f >= %.2f" % (f1, MIN_F1))
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
