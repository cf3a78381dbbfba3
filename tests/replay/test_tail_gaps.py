#!/usr/bin/python3
"""newswire tail fills gaps: a scripted publisher (XPUB, so it sees the
subscription arrive) and replay server (ROUTER, speaking the protocol of
docs/events.md) make gaps that a real daemon makes only under load. The
live stream skips 4..5, repeats 2, and a heartbeat announces 8..9 that
never came live. tail, filtering on "article.", must print every article
1..9 but the error event 3, once each, in order, and ask the replay
socket for exactly the missing ranges, with its topic filter.

usage: test_tail_gaps.py NEWSWIRE
"""
import json
import subprocess
import sys
import threading
import time

import zmq

import nwreplay as nw
from nwreplay import check

ORIGIN = {"id": "nwd-test", "epoch": 7}


def event(seq):
    topic = "source.error.t" if seq == 3 else "article.new.t"
    return topic, {"schema": "newswire.article/1", "seq": seq,
                   "origin": ORIGIN, "title": "event %d" % seq}


def main():
    newswire = sys.argv[1]
    ctx = zmq.Context.instance()
    pub = ctx.socket(zmq.XPUB)
    pub.setsockopt(zmq.LINGER, 0)
    pub_port = pub.bind_to_random_port("tcp://127.0.0.1")
    router = ctx.socket(zmq.ROUTER)
    router.setsockopt(zmq.LINGER, 0)
    replay_port = router.bind_to_random_port("tcp://127.0.0.1")
    tail = subprocess.Popen(
        [newswire, "tail", "--endpoint", "tcp://127.0.0.1:%d" % pub_port,
         "--replay", "tcp://127.0.0.1:%d" % replay_port, "--topic",
         "article.", "--count", "8"], stdout=subprocess.PIPE)
    lines = []
    reader = threading.Thread(target=lambda: lines.extend(tail.stdout),
                              daemon=True)
    reader.start()
    requests = []

    def send(seq):
        topic, ev = event(seq)
        pub.send_multipart([topic.encode(), json.dumps(ev).encode()])

    def heartbeat(last):
        pub.send_multipart([b"heartbeat", json.dumps(
            {"schema": "newswire.heartbeat/1", "origin": ORIGIN,
             "last_seq": last, "time": "2026-01-01T00:00:00Z"}).encode()])

    def serve(n, seconds=10):
        """Answers replay requests until n have come."""
        end = time.monotonic() + seconds * nw.FACTOR
        while len(requests) < n and time.monotonic() < end:
            if not router.poll(100):
                continue
            ident, body = router.recv_multipart()
            req = json.loads(body)
            if req["from"] > 9:
                # tail's probe for the last seq when it connects: the
                # answer of a range past the end (docs/events.md)
                router.send_multipart([ident, b"replay.end", json.dumps(
                    {"schema": "newswire.replay/1", "origin": ORIGIN,
                     "from": req["from"], "to": req["from"] - 1,
                     "first_seq": 0, "last_seq": 0, "sent": 0,
                     "gone": False}).encode()])
                continue
            requests.append(req)
            sent = 0
            for s in range(req["from"], req.get("to", 9) + 1):
                topic, ev = event(s)
                if any(topic.startswith(t) for t in req.get("topics", [])):
                    router.send_multipart([ident, topic.encode(),
                                           json.dumps(ev).encode()])
                    sent += 1
            router.send_multipart([ident, b"replay.end", json.dumps(
                {"schema": "newswire.replay/1", "origin": ORIGIN,
                 "from": req["from"], "to": req.get("to", 9),
                 "first_seq": 1, "last_seq": 9, "sent": sent,
                 "gone": False}).encode()])
        return len(requests) >= n

    try:
        # the subscription arrives: tail listens
        assert pub.poll(int(10000 * nw.FACTOR)), "tail never subscribed"
        pub.recv()
        heartbeat(0)
        time.sleep(0.2)
        for s in (1, 2, 3, 6, 7):
            send(s)
        check(serve(1), "tail asks for the gap 4..5")
        time.sleep(0.2)
        send(2)          # a repeat: dropped
        heartbeat(9)     # 8 and 9 never came live
        check(serve(2), "tail asks for 8..9 after the heartbeat")
        try:
            rc = tail.wait(timeout=10 * nw.FACTOR)
        except subprocess.TimeoutExpired:
            tail.kill()
            rc = tail.wait()
        reader.join(timeout=5)
        seqs = [json.loads(x)["seq"] for x in lines]
        check(rc == 0 and seqs == [1, 2, 4, 5, 6, 7, 8, 9],
              "tail prints the articles 1..9 but 3, once, in order: "
              "%r (rc %s)" % (seqs, rc))
        check(requests == [{"from": 4, "to": 5, "topics": ["article."]},
                           {"from": 8, "to": 9, "topics": ["article."]}],
              "replay requests: %r" % requests)
    finally:
        if tail.poll() is None:
            tail.kill()
        pub.close()
        router.close()
    return nw.verdict()


if __name__ == "__main__":
    sys.exit(main())
