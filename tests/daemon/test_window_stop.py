#!/usr/bin/python3
"""A stop during the window's load (issue 18, daemon/window.c) through
the real newswired: the load runs in a thread after READY; SIGTERM right
after READY must cut it short (the log says so), the daemon exits cleanly
within a bound instead of waiting for the whole load, writes no snapshot
of a window it does not have, and the next start loads the whole window
again. Then the same with the snapshot: a stop during its read leaves it
for the next start (or, if the read was done first, writes a new one).

The store is filled here with N rows in each window table, written in the
packed layout the daemon reads (dup_print_pack(), story_signature_pack():
daemon/store.c, pipeline/enrich/): enough that the load takes a while.

usage: test_window_stop.py NEWSWIRED

NW_TIME_FACTOR stretches every wait for slow runs; NW_KEEP_TMP keeps the
temporary folder; NW_WINDOW_ROWS changes N.
"""
import os
import random
import re
import signal
import sqlite3
import struct
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "lib"))
sys.path.insert(0, os.path.join(HERE, "..", "ops"))
from nwtest import check, failures, verdict  # noqa: E402
import opslib  # noqa: E402

FACTOR = float(os.environ.get("NW_TIME_FACTOR", "1"))
N = int(os.environ.get("NW_WINDOW_ROWS", "100000"))
# how long a stop may take once the load was cut (the thread sees the
# halt at its next row or 1 MiB block, then frees what it built)
STOP_SECS = 10
LOADED = r"window: (\d+) story entries, (\d+) duplicate prints loaded in"
CUT = r"window: the stop cut the load short after"


def keys(rng, vocab, n):
    """n distinct nonzero 64-bit keys of vocab, ascending."""
    return sorted(set(rng.choice(vocab) for _ in range(n)))


def fill(db_path, n, seed=18):
    """n story entries and n prints over the last 70 hours, oldest first:
    stories of about four articles whose signatures share names and
    terms of a vocabulary, prints of random simhashes and samples."""
    rng = random.Random(seed)
    vocab = [rng.getrandbits(64) | 1 for _ in range(60000)]
    now = int(time.time())
    stories, prints = [], []
    story = None
    for i in range(n):
        t = now - 70 * 3600 + (70 * 3600 * i) // n
        aid = "nw1-" + rng.randbytes(16).hex()
        if story is None or rng.random() < 0.25:
            story = "st1-" + rng.randbytes(8).hex()
            names = keys(rng, vocab, 3)
            terms = keys(rng, vocab, 10)
            sig = struct.pack("<BhHH%dQ" % (len(names) + len(terms)), 1,
                              rng.randint(-1, 30), len(names), len(terms),
                              *(names + terms))
        stories.append((aid, story, t, sig))
        samples = sorted(set(struct.unpack("<16Q", rng.randbytes(128))))
        prints.append((aid, t, struct.pack(
            "<BQQIH%dQ" % len(samples), 1, samples[0] ^ samples[-1],
            samples[-1], 400, len(samples), *samples)))
    db = sqlite3.connect(db_path)
    db.execute("PRAGMA cache_size = -131072")
    with db:
        db.executemany("INSERT INTO stories (id, story_id, t, signature, "
                       "packed) VALUES (?, ?, ?, '', ?)", stories)
        db.executemany("INSERT INTO dup_prints (id, t, print, packed) "
                       "VALUES (?, ?, '', ?)", prints)
    db.close()


class Run:
    """newswired with NOTIFY_SOCKET, the log lines of its run."""

    def __init__(self, exe, conf, log, tmp, k):
        self.log_path = log
        self.mark = os.path.getsize(log) if os.path.exists(log) else 0
        self.notify = opslib.NotifySocket(os.path.join(tmp, "notify%d" % k))
        self.t0 = time.monotonic()
        self.d = opslib.Daemon(exe, conf, log,
                               env={"NOTIFY_SOCKET": self.notify.path})

    def lines(self):
        with open(self.log_path, "rb") as f:
            f.seek(self.mark)
            return f.read().decode(errors="replace").splitlines()

    def grep(self, pattern):
        return [ln for ln in self.lines() if re.search(pattern, ln)]

    def ready(self, seconds=20):
        return self.notify.wait(
            lambda: self.notify.first("READY", "1") is not None or
            not self.d.alive(), seconds) and self.d.alive()

    def wait_log(self, pattern, seconds):
        end = time.monotonic() + seconds * FACTOR
        while time.monotonic() < end and self.d.alive():
            if self.grep(pattern):
                return True
            time.sleep(0.05)
        return bool(self.grep(pattern))

    def freeze(self):
        """SIGSTOP, and waits until the process is stopped: what its log
        says now, it says until term()."""
        self.d.signal(signal.SIGSTOP)
        end = time.monotonic() + 5 * FACTOR
        while time.monotonic() < end:
            with open("/proc/%d/stat" % self.d.proc.pid) as f:
                if f.read().rsplit(")", 1)[1].split()[0] == "T":
                    return
            time.sleep(0.01)

    def term(self):
        """SIGTERM (and SIGCONT, if frozen); (exit status or None if it
        hung, seconds to exit)."""
        t = time.monotonic()
        self.d.signal(signal.SIGTERM)
        self.d.signal(signal.SIGCONT)
        rc = self.d.stop(signalled=True)
        self.notify.close()
        return rc, time.monotonic() - t


def loaded_counts(run):
    got = run.grep(LOADED)
    if len(got) != 1:
        return None
    m = re.search(LOADED, got[0])
    return int(m.group(1)), int(m.group(2))


def main():
    newswired = sys.argv[1]
    tmp = tempfile.mkdtemp(prefix="nw-wstop-")
    state = os.path.join(tmp, "state")
    snap = os.path.join(state, "window.snap")
    conf = os.path.join(tmp, "newswired.conf")
    log = os.path.join(tmp, "newswired.log")
    opslib.write_conf(conf, tmp, workers=1, level="info")
    try:
        # the store, made by the daemon, then filled
        r = Run(newswired, conf, log, tmp, 0)
        check(r.ready(), "first start: READY")
        # the empty window loads after READY; a stop before that cuts
        # the load and writes no snapshot, so wait for it either way
        check(r.wait_log(LOADED, 20), "first start: the empty window "
              "loads")
        check(r.term()[0] == 0, "first start: a clean stop")
        if os.path.exists(snap):
            os.unlink(snap)
        t = time.monotonic()
        fill(os.path.join(state, "newswire.db"), N)
        print("filled %d rows in each window table in %.1f s"
              % (N, time.monotonic() - t))

        # 1. from the rows: SIGTERM right after READY
        r = Run(newswired, conf, log, tmp, 1)
        check(r.ready(), "rows: READY")
        r.freeze()      # the load stands still from this look to the stop
        check(not r.grep(LOADED), "rows: READY came before the window "
              "loaded (else the stop below cannot cut the load; raise "
              "NW_WINDOW_ROWS)")
        rc, secs = r.term()
        print("rows: stopped in %.2f s after SIGTERM" % secs)
        check(rc == 0, "rows: a clean exit (status %r)" % rc)
        check(secs < STOP_SECS * FACTOR, "rows: exited in %.2f s, under "
              "%d s" % (secs, STOP_SECS * FACTOR))
        check(len(r.grep(CUT)) == 1 and not r.grep(LOADED),
              "rows: the log says the stop cut the load short: %r"
              % (r.grep(CUT) + r.grep(LOADED)))
        check(not r.grep(r"window: snapshot of") and
              not os.path.exists(snap) and
              not os.path.exists(snap + ".used"),
              "rows: no snapshot of a window not loaded")
        check(not r.grep(r"error|stopping:.*still in work"),
              "rows: no error at the stop: %r" % r.grep(r"error"))

        # 2. the next start has the whole window; a clean stop writes
        # the snapshot
        r = Run(newswired, conf, log, tmp, 2)
        check(r.ready(), "after the cut: READY")
        check(r.wait_log(LOADED, 120), "after the cut: the window loads")
        print("after the cut: %s" % r.grep(LOADED))
        check(loaded_counts(r) == (N, N), "after the cut: all %d rows "
              "of each table: %r" % (N, loaded_counts(r)))
        check(r.term()[0] == 0 and os.path.exists(snap),
              "after the cut: a clean stop writes the snapshot")

        # 3. from the snapshot: SIGTERM right after READY. Its read is
        # quicker: if the stop cut it, the file is back for the next
        # start; if not, the stop wrote a new one
        r = Run(newswired, conf, log, tmp, 3)
        check(r.ready(), "snapshot: READY")
        rc, secs = r.term()
        cut = bool(r.grep(CUT))
        print("snapshot: stopped in %.2f s after SIGTERM (%s)"
              % (secs, "the read cut short" if cut else "read first"))
        check(rc == 0 and secs < STOP_SECS * FACTOR,
              "snapshot: a clean exit in %.2f s (status %r)" % (secs, rc))
        if cut:
            check(len(r.grep(r"window: snapshot kept")) == 1,
                  "snapshot: the log says the snapshot was kept")
        else:
            check(loaded_counts(r) == (N, N) and
                  len(r.grep(r"window: snapshot of \d+")) == 1,
                  "snapshot: loaded, then a new snapshot written")
        check(os.path.exists(snap) and not os.path.exists(snap + ".used"),
              "snapshot: window.snap for the next start, nothing else")

        # 4. and it is read whole at the next start
        r = Run(newswired, conf, log, tmp, 4)
        check(r.ready(), "last start: READY")
        check(r.wait_log(LOADED, 60), "last start: the window loads")
        check(loaded_counts(r) == (N, N) and
              r.grep(LOADED + r".*\(from the snapshot\)"),
              "last start: all of it, from the snapshot: %r"
              % r.grep(LOADED))
        check(r.term()[0] == 0, "last start: a clean stop")
        bad = [ln for ln in open(log, errors="replace")
               if "AddressSanitizer" in ln or "runtime error" in ln]
        check(not bad, "no sanitizer report: %r" % bad[:3])
    finally:
        if failures:
            print("log:", log)
            sys.stdout.write(open(log, errors="replace").read()[-4000:])
        opslib.cleanup(tmp)
    return verdict()


if __name__ == "__main__":
    sys.exit(main())
