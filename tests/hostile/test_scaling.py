#!/usr/bin/env python3
"""Pages whose shape once made a stage quadratic, at a size where that
took 40 s or more, each extracted within a CPU-time bound.

usage: test_scaling.py NEWSWIRE

The pages come from bench/hostile_scale.py (its shapes, at one size
each). Each must give an article (exit 0) or a clear error (exit 1:
"no article text found" for a dump of short lines) in at most BOUND_S
CPU seconds (user and system, of `newswire extract` alone, times
NW_TIME_FACTOR):
under a second in the plain build, under 5 s under ASan + UBSan; the
quadratic paths of the first three took 40 s and more in the plain build.
"""
import os
import resource
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "lib"))
sys.path.insert(0, os.path.join(HERE, "..", "..", "bench"))
from nwtest import FACTOR, check, failures  # noqa: E402
from hostile_scale import SHAPES, TEXT_SHAPES  # noqa: E402

BOUND_S = 20.0
# shape, repetitions, the seconds its quadratic path took (plain build)
CASES = (
    # ent_cyr_merge(): every run against every run
    ("ru-merge", 20000, "96 s"),
    # ent_fullest_stem(), ent_first_of(): a scan of the names a word
    ("ru-names", 4000, "about 50 s"),
    # ent_pl_merge(): as ent_cyr_merge()
    ("pl-merge", 10000, "about 40 s"),
    # form_merge()'s old scan for names of many words (of more keys
    # than FORM_KEYS): now cut into groups of words
    ("pl-long", 32000, "about 40 s"),
    # ent_family_first(): a scan of the runs a word (a cheap one)
    ("family-first", 32000, "about 5 s"),
    # linear now; kept as guards of their stages (quote_para_end()'s
    # strstr() was quadratic under ASan)
    ("quotes", 8000, None),
    ("jsonld-graph", 64000, None),
    ("text-lines", 32000, None),
)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    newswire = sys.argv[1]
    with tempfile.TemporaryDirectory() as d:
        for shape, n, was in CASES:
            if shape in TEXT_SHAPES:
                path, data = os.path.join(d, "p.txt"), TEXT_SHAPES[shape](n)
            else:
                path, data = os.path.join(d, "p.html"), SHAPES[shape](n)
            with open(path, "w", encoding="utf-8") as f:
                f.write(data)
            r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
            try:
                p = subprocess.run([newswire, "extract", path],
                                   stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE,
                                   timeout=4 * BOUND_S * FACTOR)
            except subprocess.TimeoutExpired:
                check(False, "%s x %d: no answer in %.0f s" %
                      (shape, n, 4 * BOUND_S * FACTOR))
                continue
            r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
            print("%-14s x %6d: %6.2f s CPU%s" % (
                shape, n, cpu, "" if was is None else
                " (quadratic: %s)" % was), flush=True)
            # an article, or a clear error: no crash
            check((p.returncode == 0 and b'"schema":"newswire.article/1"'
                   in p.stdout) or (p.returncode == 1 and b"extract: "
                                    in p.stderr),
                  "%s x %d: an article or an error (exit %d: %s)" %
                  (shape, n, p.returncode, p.stderr[-300:]))
            check(cpu <= BOUND_S * FACTOR, "%s x %d: %.1f s CPU, over %.0f"
                  % (shape, n, cpu, BOUND_S * FACTOR))
    if failures:
        print("FAIL: %d" % len(failures))
        return 1
    print("ok: %d shapes" % len(CASES))
    return 0


if __name__ == "__main__":
    sys.exit(main())
