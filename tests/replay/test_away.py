#!/usr/bin/python3
"""An away subscriber catches up: a subscriber sees the first 50 events
live, goes away while 1,000 more are published, and comes back with
`newswire tail --from 51` while 200 more arrive live. tail must print
seqs 51..1250, in order, none twice, each the journal's event.

usage: test_away.py NEWSWIRED NEWSWIRE
"""
import json
import subprocess
import sys
import threading
import time

import zmq

import nwreplay as nw
from nwreplay import check

N_BEFORE, N_AWAY, N_LIVE = 50, 1000, 200


def main():
    nw.NEWSWIRED, newswire = sys.argv[1], sys.argv[2]
    setup = nw.Setup("nw-away-")
    d = setup.start()
    total = N_BEFORE + N_AWAY + N_LIVE
    tail = None
    try:
        # present: a plain subscriber sees the first events live
        ctx = zmq.Context.instance()
        sub = ctx.socket(zmq.SUB)
        sub.setsockopt(zmq.LINGER, 0)
        sub.setsockopt(zmq.SUBSCRIBE, b"")
        sub.connect(setup.pub)
        assert sub.poll(int(20000 * nw.FACTOR)), "no heartbeat"
        for i in range(N_BEFORE):
            setup.drop("a%04d.txt" % i, nw.article_text(i, "before"))
        seen = []
        end = time.monotonic() + 30 * nw.FACTOR
        while len(seen) < N_BEFORE and time.monotonic() < end:
            if sub.poll(200):
                topic, body = sub.recv_multipart()
                if topic != b"heartbeat":
                    seen.append(json.loads(body)["seq"])
        check(seen == list(range(1, N_BEFORE + 1)),
              "present: seqs 1..%d live (%d got)" % (N_BEFORE, len(seen)))
        sub.close()

        # away: 1,000 events go out to nobody
        for i in range(N_BEFORE, N_BEFORE + N_AWAY):
            setup.drop("a%04d.txt" % i, nw.article_text(i, "away"))
        assert nw.wait_for(lambda: len(setup.journal()) >=
                           N_BEFORE + N_AWAY, 60, 0.2), "away: journalled"

        # back: tail --from while more arrive live
        tail = subprocess.Popen(
            [newswire, "tail", "--endpoint", setup.pub, "--replay",
             setup.replay, "--from", str(N_BEFORE + 1), "--count",
             str(N_AWAY + N_LIVE)], stdout=subprocess.PIPE)
        lines = []
        reader = threading.Thread(
            target=lambda: lines.extend(tail.stdout), daemon=True)
        reader.start()
        for i in range(N_BEFORE + N_AWAY, total):
            setup.drop("a%04d.txt" % i, nw.article_text(i, "live"))
            if i % 20 == 0:
                time.sleep(0.02)
        try:
            rc = tail.wait(timeout=60 * nw.FACTOR)
        except subprocess.TimeoutExpired:
            tail.kill()
            rc = tail.wait()
        reader.join(timeout=5)
        check(rc == 0, "tail exits 0 after --count events (rc %s)" % rc)
        got = [json.loads(x) for x in lines]
        got_seqs = [e["seq"] for e in got]
        want = list(range(N_BEFORE + 1, total + 1))
        check(got_seqs == want,
              "tail --from %d prints %d..%d in order, none twice: %d "
              "lines, first %s, last %s, %d duplicates" %
              (N_BEFORE + 1, N_BEFORE + 1, total, len(got_seqs),
               got_seqs[:3], got_seqs[-3:],
               len(got_seqs) - len(set(got_seqs))))
        journal = {s: ev for s, _, ev in setup.journal()}
        differ = [e["seq"] for e in got if journal.get(e["seq"]) != e]
        check(not differ, "tail's events are the journal's: %s differ"
              % differ[:5])
        names = set(nw.uri_name(e) for e in got)
        check(len(names) == len(got), "each event a different file")
        check(d.stop() == 0, "newswired exits 0")
    finally:
        if tail is not None and tail.poll() is None:
            tail.kill()
        if d.alive():
            d.kill()
    return nw.finish(setup.tmp)


if __name__ == "__main__":
    sys.exit(main())
