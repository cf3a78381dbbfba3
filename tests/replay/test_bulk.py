#!/usr/bin/python3
"""A huge range never stalls the loop: with 50,000 events in the journal,
one client asks for all of them and does not read; meanwhile another
client's small request is answered, heartbeats keep coming and a dropped
file is still ingested. Then the slow client reads its whole answer, in
order. The daemon's peak memory (VmHWM) before and after is printed, not
asserted.

usage: test_bulk.py NEWSWIRED
"""
import json
import os
import sqlite3
import sys
import time

import zmq

import nwreplay as nw
from nwreplay import check

N = 50000


def vm_hwm(pid):
    try:
        for line in open("/proc/%d/status" % pid):
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def seed_journal(setup):
    """Appends N synthetic events to the journal of a stopped daemon."""
    db = sqlite3.connect(setup.state + "/newswire.db")
    now = int(time.time())
    origin = {"id": "bulk", "epoch": 1}
    pad = "x" * 200
    db.executemany(
        "INSERT INTO journal (seq, topic, event, ts) VALUES (?, ?, ?, ?)",
        ((s, "article.new.bulk", json.dumps(
            {"schema": "newswire.article/1", "seq": s, "origin": origin,
             "pad": pad}), now) for s in range(1, N + 1)))
    db.execute("INSERT OR REPLACE INTO meta (key, value) "
               "VALUES ('last_seq', ?)", (str(N),))
    db.commit()
    db.close()


def main():
    nw.NEWSWIRED = sys.argv[1]
    setup = nw.Setup("nw-bulk-")
    d = setup.start()
    assert nw.wait_for(lambda: os.path.exists(
        setup.state + "/newswire.db-wal"), 10), "the store is made"
    time.sleep(0.3 * nw.FACTOR)
    check(d.stop() == 0, "first run exits 0")
    seed_journal(setup)
    d = setup.start()
    slow = nw.ReplayClient(setup.replay)
    quick = nw.ReplayClient(setup.replay)
    sub = zmq.Context.instance().socket(zmq.SUB)
    sub.setsockopt(zmq.LINGER, 0)
    sub.setsockopt(zmq.SUBSCRIBE, b"")
    sub.connect(setup.pub)
    try:
        assert sub.poll(int(20000 * nw.FACTOR)), "no heartbeat"
        sub.recv_multipart()
        hwm0 = vm_hwm(d.proc.pid)
        slow.send({"from": 1})
        time.sleep(0.5 * nw.FACTOR)     # its answer fills the pipes
        events, final, end = quick.ask({"from": N - 2}, timeout=20)
        check(final == "replay.end" and [e["seq"] for _, e in events] ==
              [N - 2, N - 1, N], "a small request is answered while a "
              "huge one waits for its reader: %s %r" % (final, end))
        beats = 0
        deadline = time.monotonic() + 10 * nw.FACTOR
        while beats < 2 and time.monotonic() < deadline:
            if sub.poll(500) and sub.recv_multipart()[0] == b"heartbeat":
                beats += 1
        check(beats == 2, "heartbeats go on during the huge answer")
        setup.drop("during.txt", nw.article_text(1, "bulk"))
        got = None
        deadline = time.monotonic() + 20 * nw.FACTOR
        while got is None and time.monotonic() < deadline:
            if sub.poll(500):
                topic, body = sub.recv_multipart()
                if topic.startswith(b"article."):
                    got = json.loads(body)["seq"]
        check(got == N + 1, "a file is ingested meanwhile as seq %d: %s"
              % (N + 1, got))
        events, final, end = slow.answer(timeout=60)
        seqs = [e["seq"] for _, e in events]
        check(final == "replay.end" and seqs == list(range(1, N + 1)) and
              end.get("to") == N and end.get("sent") == N,
              "the slow client gets all %d, in order (%d, end %r)" %
              (N, len(seqs), end))
        # a client that vanishes mid-answer loses it; nobody else does
        for _ in range(3):
            gone = nw.ReplayClient(setup.replay)
            gone.send({"from": 1})
            time.sleep(0.2 * nw.FACTOR)
            gone.close()
        events, final, end = quick.ask({"from": 5, "to": 6}, timeout=20)
        check(final == "replay.end" and [e["seq"] for _, e in events] ==
              [5, 6] and d.alive(), "answers go on after clients vanish "
              "mid-answer: %s %r" % (final, end))
        hwm1 = vm_hwm(d.proc.pid)
        print("daemon VmHWM %d kB before, %d kB after streaming %d events "
              "(%.1f MB of JSON)" % (hwm0, hwm1, N,
                                     sum(len(json.dumps(e)) for _, e in
                                         events) / 1e6))
        check(d.stop() == 0, "newswired exits 0")
    finally:
        slow.close()
        quick.close()
        sub.close()
        if d.alive():
            d.kill()
    return nw.finish(setup.tmp)


if __name__ == "__main__":
    sys.exit(main())
