#!/usr/bin/python3
"""Feed parsing: newswire's C parser against Debian's python3-feedparser.

usage: bench_feed.py BENCH_FEED [SHARED_DIR [ROUNDS]]
       bench_feed.py --smoke BENCH_FEED [SHARED_DIR]

Loads the feeds of SHARED_DIR/feeds/realworld into memory (the files
MANIFEST.tsv lists, except the rows whose note says "expected": those are
other projects' expected outputs, not feeds; the same rule as bench_feed.c),
parses each with feedparser.parse() for ROUNDS rounds after one untimed
round, then runs BENCH_FEED (the C bench: feed_parse + feed_to_json + free)
on the same files for the same rounds, in the same run, and prints both
rates and the ratio C/Python over the thread's CPU time and the wall time.

feedparser runs with its defaults (HTML sanitising and relative URI
resolution on), as an application would call it. It does not inflate gzip
bytes given to it in memory (only HTTP responses), so the gzip feeds are
inflated with gzip.decompress() inside the timed loop, as feed_parse()
inflates them inside its own. MB are 10^6 bytes of the files as stored.

--smoke runs BENCH_FEED alone for one round and fails unless it exits 0 and
prints a rate line (for the 'bench-smoke' test suite; no timing is checked).
"""
import gzip
import os
import re
import subprocess
import sys
import time

RATE_RE = re.compile(r'^rate c (cpu|wall): ([0-9.]+) feeds/s ([0-9.]+) '
                     r'items/s ([0-9.]+) MB/s \(([0-9.]+) s\)$', re.M)
LOAD_RE = re.compile(r'^bench_feed: (\d+) feeds, (\d+) bytes', re.M)


def load(shared):
    """Returns [(name, bytes)] of the realworld feeds."""
    base = os.path.join(shared, 'feeds', 'realworld')
    feeds = []
    with open(os.path.join(base, 'MANIFEST.tsv'), encoding='utf-8') as f:
        next(f)
        for line in f:
            cols = line.rstrip('\n').split('\t')
            if len(cols) < 2 or 'expected' in cols[-1]:
                continue
            with open(os.path.join(base, cols[0]), 'rb') as g:
                feeds.append((cols[0], g.read()))
    return feeds


def py_round(feeds, feedparser):
    """Parses every feed once; returns (items, bozo feeds)."""
    items = bozo = 0
    for _, data in feeds:
        if data[:2] == b'\x1f\x8b':
            data = gzip.decompress(data)
        d = feedparser.parse(data)
        items += len(d.entries)
        bozo += 1 if d.bozo else 0
    return items, bozo


def run_c(exe, shared, rounds):
    """Runs the C bench; returns (stdout, rates {cpu|wall: (f, i, mb, s)})."""
    p = subprocess.run([exe, shared, str(rounds)], stdout=subprocess.PIPE,
                       stderr=sys.stderr, text=True, timeout=240)
    sys.stdout.write(p.stdout)
    if p.returncode != 0:
        sys.exit('bench_feed.py: %s exited %d' % (exe, p.returncode))
    rates = {m[0]: tuple(float(x) for x in m[1:])
             for m in RATE_RE.findall(p.stdout)}
    if set(rates) != {'cpu', 'wall'}:
        sys.exit('bench_feed.py: no rate lines from %s' % exe)
    return p.stdout, rates


def rate_line(who, what, secs, nfeeds, items, nbytes):
    secs = max(secs, 1e-9)
    print('rate %s %s: %.1f feeds/s %.1f items/s %.2f MB/s (%.3f s)' %
          (who, what, nfeeds / secs, items / secs, nbytes / 1e6 / secs,
           secs))
    return nfeeds / secs


def main(argv):
    if len(argv) >= 2 and argv[1] == '--smoke':
        if len(argv) not in (3, 4):
            sys.exit(__doc__)
        shared = argv[3] if len(argv) > 3 else '../shared'
        run_c(argv[2], shared, 1)
        return 0
    if len(argv) < 2 or len(argv) > 4 or argv[1].startswith('-'):
        sys.exit(__doc__)
    exe = argv[1]
    shared = argv[2] if len(argv) > 2 else '../shared'
    rounds = int(argv[3]) if len(argv) > 3 else 5
    if rounds < 1:
        sys.exit('bench_feed.py: ROUNDS must be 1 or more')
    try:
        import feedparser
    except ImportError:
        sys.exit('bench_feed.py: needs python3-feedparser '
                 '(apt-get install python3-feedparser)')

    feeds = load(shared)
    nbytes = sum(len(d) for _, d in feeds)
    print('bench_feed.py: python %s, feedparser %s: %d feeds, %d bytes, '
          '%d rounds' % (sys.version.split()[0], feedparser.__version__,
                         len(feeds), nbytes, rounds))
    per_round, bozo = py_round(feeds, feedparser)
    print('bench_feed.py: feedparser %d items per round, %d feeds bozo '
          '(parsed with a recovered error)' % (per_round, bozo))
    items = 0
    c0, w0 = time.thread_time(), time.perf_counter()
    for _ in range(rounds):
        items += py_round(feeds, feedparser)[0]
    cpu = time.thread_time() - c0
    wall = time.perf_counter() - w0
    py_cpu = rate_line('python', 'cpu', cpu, len(feeds) * rounds, items,
                       nbytes * rounds)
    py_wall = rate_line('python', 'wall', wall, len(feeds) * rounds, items,
                        nbytes * rounds)

    out, rates = run_c(exe, shared, rounds)
    m = LOAD_RE.search(out)
    if not m or (int(m[1]), int(m[2])) != (len(feeds), nbytes):
        sys.exit('bench_feed.py: the C bench loaded other files')
    print('ratio C/Python feeds/s: cpu %.1f, wall %.1f' %
          (rates['cpu'][0] / py_cpu, rates['wall'][0] / py_wall))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
