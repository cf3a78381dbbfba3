#!/usr/bin/python3
"""Backpressure: one worker and a queue of two, fed 300 files at start and
300 more dropped while it runs. The queue fills, the inbox watcher is told
so and stops reading (newswire_queue_full_total counts the refusals, the
watcher logs "queue full: waiting for room"), the items in flight never
exceed the queue plus the worker by more than one batch's margin, and
every file still ends up journalled once and moved to processed/.

usage: test_backpressure.py NEWSWIRED
"""
import os
import sqlite3
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from opslib import (FACTOR, Daemon, check, cleanup, drop,  # noqa
                    http_get, metric, page, parse_prometheus,
                    write_conf)
from nwtest import inbox_waiting, verdict  # noqa: E402

N_START = 300       # in the inbox before the daemon starts
N_LIVE = 300        # dropped while it runs
QUEUE = 2
WORKERS = 1


def scrape(port):
    try:
        code, text = http_get(port, "/metrics", timeout=5)
    except OSError:
        return None
    return parse_prometheus(text) if code == 200 else None


def main():
    newswired = sys.argv[1]
    tmp = tempfile.mkdtemp(prefix="nw-ops-bp-")
    inbox = os.path.join(tmp, "inbox")
    os.makedirs(inbox)
    conf = os.path.join(tmp, "newswired.conf")
    log = os.path.join(tmp, "newswired.log")
    write_conf(conf, tmp, workers=WORKERS, queue=QUEUE, level="debug")
    for i in range(N_START):
        drop(tmp, inbox, "s%04d.html" % i, page(i, "s"))
    d = Daemon(newswired, conf, log)
    mport = d.metrics_port()
    check(mport is not None, "the log says where the metrics listen")
    total = N_START + N_LIVE
    depths = []
    try:
        end = time.monotonic() + 20 * FACTOR
        m = None
        while m is None and time.monotonic() < end and d.alive():
            time.sleep(0.1)
            m = scrape(mport)
        check(m is not None, "/metrics answers")
        for i in range(N_LIVE):
            drop(tmp, inbox, "l%04d.html" % i, page(i, "l"))
            if i % 50 == 0 and m is not None:
                m = scrape(mport)
                depths.append(metric(m, "newswire_queue_depth"))
        end = time.monotonic() + 120 * FACTOR
        done = 0
        while time.monotonic() < end and d.alive():
            m = scrape(mport)
            if m is not None:
                depths.append(metric(m, "newswire_queue_depth"))
                done = metric(m, "newswire_items_total", source="inbox",
                              outcome="new")
                if done == total:
                    break
            time.sleep(0.2)
        check(done == total, "%d items new, got %r" % (total, done))
        full = metric(m, "newswire_queue_full_total") if m else None
        print("queue full %r times; queue depths seen: max %r of %d "
              "samples" % (full, max([x for x in depths if x is not None],
                                     default=None), len(depths)))
        check(full is not None and full > 0,
              "the full queue refused offers: %r" % full)
        # a batch is taken whole: between two takes the worker may
        # finish one more item than the queue holds
        bound = QUEUE + WORKERS + 1
        check(all(x is None or x <= bound for x in depths),
              "queue depth never above %d: %r" % (bound, max(
                  [x for x in depths if x is not None], default=None)))
        hwm = d.vm("VmHWM")
        print("daemon VmHWM %d kB" % hwm)
    finally:
        rc = d.stop()
    check(rc == 0, "exit status 0, got %r" % rc)
    text = open(log, "rb").read().decode()
    check("queue full: waiting for room" in text,
          "the watcher logs that it waits for room")
    left = inbox_waiting(inbox)
    check(not left, "inbox empty, left: %r" % left[:5])
    processed = os.listdir(os.path.join(inbox, "processed"))
    check(len(processed) == total, "%d files in processed/, got %d" %
          (total, len(processed)))
    db = sqlite3.connect(os.path.join(tmp, "state", "newswire.db"))
    rows = db.execute("SELECT count(*), count(DISTINCT seq), "
                      "min(seq), max(seq) FROM journal").fetchone()
    db.close()
    check(rows == (total, total, 1, total),
          "journal: %d events, seq 1..%d, got %r" % (total, total, rows))
    cleanup(tmp)
    return verdict()


if __name__ == "__main__":
    sys.exit(main())
