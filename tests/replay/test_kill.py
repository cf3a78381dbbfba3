#!/usr/bin/python3
"""Crash safety: while 2,000 files are dropped into the inbox, newswired
is killed with SIGKILL at random moments, 20 times over, and restarted
each time. Then: every file's event is in the journal exactly once, the
sequence numbers are 1..N with none missing or reused, the inbox is empty,
every file is in processed/, and every event a subscriber saw under a seq
is the journal's event of that seq (nothing went out twice under two
numbers, nothing went out before its commit).

usage: test_kill.py NEWSWIRED [SEED]
"""
import os
import random
import sys
import threading
import time

import zmq

import nwreplay as nw
from nwreplay import check

N_FILES = 2000
N_KILLS = 20


class Watcher(threading.Thread):
    """Subscribes through every restart (to each run's port, as its
    start line in the log says it); records (seq, file name)."""

    def __init__(self, setup):
        super().__init__(daemon=True)
        self.setup = setup
        self.seen = []
        self.done = threading.Event()

    def run(self):
        ctx = zmq.Context()
        sock = ctx.socket(zmq.SUB)
        sock.setsockopt(zmq.LINGER, 0)
        sock.setsockopt(zmq.SUBSCRIBE, b"article.")
        sock.setsockopt(zmq.SUBSCRIBE, b"source.")
        sock.setsockopt(zmq.RCVHWM, 0)
        offset = 0
        while not self.done.is_set():
            runs, offset = self.setup.started_ports(offset)
            for pub, _ in runs:
                sock.connect("tcp://127.0.0.1:%d" % pub)
            if sock.poll(100):
                topic, body = sock.recv_multipart()
                ev = nw.json.loads(body)
                self.seen.append((ev["seq"], nw.uri_name(ev), topic))
        sock.close()
        ctx.term()


def dropper(setup, names, stop):
    """Drops the files in waves, as a busy producer would."""
    for i, name in enumerate(names):
        if stop.is_set():
            return
        setup.drop(name, nw.article_text(i, "kill"))
        if i % 50 == 49:
            time.sleep(0.05)


def main():
    nw.NEWSWIRED = sys.argv[1]
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else int(time.time())
    rnd = random.Random(seed)
    print("seed", seed, flush=True)
    setup = nw.Setup("nw-kill-")
    names = ["k%04d.txt" % i for i in range(N_FILES)]
    watcher = Watcher(setup)
    watcher.start()
    stop = threading.Event()
    t0 = time.monotonic()
    d = setup.start(wait=False)
    drop = threading.Thread(target=dropper, args=(setup, names, stop),
                            daemon=True)
    drop.start()
    kills = 0
    try:
        for k in range(N_KILLS):
            # from just after the start (recovery, the scan) to well
            # into the work
            time.sleep(rnd.uniform(0.02, 0.7) * nw.FACTOR)
            check(d.alive(), "newswired alive before kill %d" % (k + 1))
            d.kill()
            kills += 1
            d = setup.start(wait=False)
        drop.join(timeout=120 * nw.FACTOR)
        check(not drop.is_alive(), "all files dropped")
        # the last run finishes the backlog
        done = nw.wait_for(lambda: not setup.inbox_files() and
                           len(setup.journal()) >= N_FILES, 90, 0.2)
        check(done, "backlog done: %d file(s) left in the inbox, %d "
              "journal rows" % (len(setup.inbox_files()),
                                len(setup.journal())))
        time.sleep(0.5)
        check(d.stop() == 0, "newswired exits 0 on SIGTERM")
    finally:
        stop.set()
        if d.alive():
            d.kill()
        watcher.done.set()
        watcher.join(timeout=5)
    elapsed = time.monotonic() - t0

    rows = setup.journal()
    seqs = [s for s, _, _ in rows]
    check(seqs == list(range(1, len(rows) + 1)),
          "journal seqs are 1..%d, none missing or reused" % len(rows))
    by_name = {}
    for s, topic, ev in rows:
        by_name.setdefault(nw.uri_name(ev), []).append(s)
        check(ev["seq"] == s, "event at seq %d says seq %s" % (s, ev["seq"]))
        check(topic == "article.new.inbox",
              "seq %d: topic %s (%s)" % (s, topic, ev.get("error")))
    twice = {n: s for n, s in by_name.items() if len(s) > 1}
    check(not twice, "files journalled more than once: %s" %
          list(twice.items())[:5])
    missing = [n for n in names if n not in by_name]
    check(not missing, "files never journalled: %s" % missing[:5])
    check(len(rows) == N_FILES, "%d journal rows for %d files" %
          (len(rows), N_FILES))
    check(setup.inbox_files() == [], "inbox empty: %s" %
          setup.inbox_files()[:5])
    processed = set(os.listdir(os.path.join(setup.inbox, "processed")))
    check(processed == set(names), "processed/ holds the %d files "
          "(%d there, %d missing)" % (N_FILES, len(processed),
                                      len(set(names) - processed)))
    failed = os.listdir(os.path.join(setup.inbox, "failed"))
    check(failed == [], "failed/ empty: %s" % failed[:5])

    # what subscribers saw: each seq names one file, the journal's
    journal_name = {s: nw.uri_name(ev) for s, _, ev in rows}
    wrong = [(s, n) for s, n, _ in watcher.seen if journal_name.get(s) != n]
    check(not wrong, "published seq/file pairs not in the journal: %s"
          % wrong[:5])
    seqs_of = {}
    for s, n, _ in watcher.seen:
        seqs_of.setdefault(n, set()).add(s)
    multi = {n: s for n, s in seqs_of.items() if len(s) > 1}
    check(not multi, "files published under two seqs: %s" %
          list(multi.items())[:5])
    again = len(watcher.seen) - len(set(s for s, _, _ in watcher.seen))
    recovered = open(setup.log, errors="replace").read().count(
        "already committed as seq")
    print("%d kills, %d files, %d events published (%d sent again after "
          "a kill, %d recoveries logged), %.1f s"
          % (kills, N_FILES, len(watcher.seen), again, recovered, elapsed))
    return nw.finish(setup.tmp)


if __name__ == "__main__":
    sys.exit(main())
