#!/usr/bin/python3
"""The replay protocol, spoken by a raw python3-zmq DEALER client against
the real newswired: ranges (whole, part, open-ended, past the end,
filtered by topic, larger than one chunk), several clients at once,
pipelined requests answered in order, malformed requests and absurd
ranges (an error reply each, the daemon unharmed), and retention: a range
partly removed is answered with what is left and "gone": true; sequence
numbers go on after the journal is emptied, across a restart. Every
message is validated against docs/event.schema.json.

usage: test_protocol.py NEWSWIRED SCHEMA
"""
import json
import signal
import sys
import time

import jsonschema
import zmq

import nwreplay as nw
from nwreplay import check

N = 300   # more than one chunk of the server (256 rows)


def seqs(events):
    return [e["seq"] for _, e in events]


def validate(validator, what, body):
    errors = list(validator.iter_errors(body))
    check(not errors, "%s: schema: %s" % (
        what, "; ".join(e.message[:200] for e in errors[:3])))


def ask_ok(client, validator, req, what):
    events, final, end = client.ask(req)
    check(final == "replay.end", "%s: answered with replay.end, got %s %s"
          % (what, final, end))
    for _, ev in events:
        validate(validator, what, ev)
    if end is not None:
        validate(validator, what + " (end)", end)
    return events, end or {}


def ask_error(client, validator, req, what, want=None):
    events, final, body = client.ask(req)
    check(final == "replay.error" and not events,
          "%s: refused with replay.error, got %s %s, %d event(s)"
          % (what, final, body, len(events)))
    if body is not None:
        validate(validator, what, body)
        if want is not None:
            check(want in body.get("error", ""), "%s: error %r says %r"
                  % (what, body.get("error"), want))


def check_ranges(client, validator, journal):
    events, end = ask_ok(client, validator, {"from": 1}, "1..")
    check(seqs(events) == list(range(1, N + 1)),
          "1..: seqs 1..%d in order (%d got)" % (N, len(events)))
    check([(t, e) for t, e in events] == [(t, e) for _, t, e in journal],
          "1..: the events are the journal's, topics and all")
    check(end.get("from") == 1 and end.get("to") == N and
          end.get("last_seq") == N and end.get("first_seq") == 1 and
          end.get("sent") == N and end.get("gone") is False,
          "1..: end message %r" % end)
    origin = journal[0][2]["origin"]
    check(end.get("origin") == origin, "end carries the origin")

    events, end = ask_ok(client, validator, {"from": 10, "to": 20},
                         "10..20")
    check(seqs(events) == list(range(10, 21)) and end.get("to") == 20
          and end.get("sent") == 11, "10..20: %r, end %r" %
          (seqs(events), end))
    events, end = ask_ok(client, validator, {"from": N - 4}, "open end")
    check(seqs(events) == list(range(N - 4, N + 1)) and end.get("to") == N,
          "open end: %r, end %r" % (seqs(events), end))
    events, end = ask_ok(client, validator, {"from": N + 1}, "past end")
    check(events == [] and end.get("to") == N and end.get("sent") == 0 and
          end.get("gone") is False, "past the end: nothing, to = %d: %r"
          % (N, end))
    events, end = ask_ok(client, validator,
                         {"from": 5, "to": 10 ** 15}, "huge to")
    check(seqs(events) == list(range(5, N + 1)) and end.get("to") == N,
          "a huge 'to' is clamped to the journal's end: %r" % end)
    events, end = ask_ok(client, validator,
                         {"from": 2 ** 63 - 1, "to": 2 ** 63 - 1},
                         "largest seq")
    check(events == [] and end.get("sent") == 0, "largest seq: nothing")
    events, end = ask_ok(client, validator,
                         {"from": 1, "topics": ["article.new."]}, "topics")
    check(len(events) == N, "topic article.new.: all %d" % N)
    events, end = ask_ok(client, validator,
                         {"from": 1, "topics": ["source.error.", "x"]},
                         "other topics")
    check(events == [] and end.get("to") == N and end.get("sent") == 0,
          "unmatched topics: nothing sent, the range covered: %r" % end)


def check_malformed(client, validator):
    cases = [
        (b"", "not JSON"),
        (b"not json", "not JSON"),
        (b"[1, 2]", "a JSON object"),
        (b'"from"', "not JSON"),
        ({"to": 5}, "'from' is required"),
        ({"from": "1"}, "integer"),
        ({"from": 1.5}, "integer"),
        ({"from": None}, "integer"),
        ({"from": 1, "to": "end"}, "integer"),
        ({"from": 0}, "1 or more"),
        ({"from": -5, "to": 3}, "1 or more"),
        ({"from": 10, "to": 9}, "before"),
        ({"from": 1, "limit": 3}, "unknown key"),
        ({"from": 1, "topics": "article"}, "list of strings"),
        ({"from": 1, "topics": [1]}, "list of strings"),
        ({"from": 1, "topics": ["t%d" % i for i in range(17)]}, "at most"),
        (b'{"from": 1, "from": 2}', "not JSON"),
        (b'{"from": 100000000000000000000000}', "not JSON"),
        (b'{"from": 1' + b" " * 5000 + b"}", "bytes"),
        ([b"{\"from\": 1}", b"{\"from\": 2}"], "one frame"),
        (b"\xff\xfe\x00garbage", "not JSON"),
    ]
    for req, want in cases:
        ask_error(client, validator, req, "malformed %r" % (req,)[:60], want)


def check_envelope(setup):
    """A request behind an empty delimiter frame (as REQ sends it) gets
    the delimiter back before each reply."""
    c = nw.ReplayClient(setup.replay)
    c.send([b"", b'{"from": 2, "to": 3}'])
    got = []
    for _ in range(3):
        if not c.sock.poll(int(20000 * nw.FACTOR)):
            break
        got.append(c.sock.recv_multipart())
    check([len(f) for f in got] == [3, 3, 3] and
          all(f[0] == b"" for f in got) and
          [f[1] for f in got][-1] == b"replay.end",
          "delimited request: delimited replies: %r" %
          [f[:2] for f in got])
    c.close()


def check_concurrent(setup, validator):
    """Pipelined requests of one client come back in order; two clients
    streaming at once each get their own whole answer."""
    a = nw.ReplayClient(setup.replay)
    b = nw.ReplayClient(setup.replay)
    a.send({"from": 1})
    a.send(b"oops")
    a.send({"from": 7, "to": 8})
    b.send({"from": 2, "to": N - 1})
    ev1, f1, _ = a.answer()
    ev2, f2, _ = a.answer()
    ev3, f3, _ = a.answer()
    evb, fb, _ = b.answer()
    check((f1, f2, f3) == ("replay.end", "replay.error", "replay.end"),
          "pipelined answers in order: %s %s %s" % (f1, f2, f3))
    check(seqs(ev1) == list(range(1, N + 1)) and ev2 == [] and
          seqs(ev3) == [7, 8], "pipelined answers complete")
    check(fb == "replay.end" and seqs(evb) == list(range(2, N)),
          "second client's answer whole and in order")
    a.close()
    b.close()


def main():
    nw.NEWSWIRED = sys.argv[1]
    validator = jsonschema.Draft202012Validator(json.load(open(sys.argv[2])))
    setup = nw.Setup("nw-replay-", extra="[store]\nkeep_events = 0\n")
    d = setup.start()
    client = nw.ReplayClient(setup.replay)
    try:
        for i in range(N):
            setup.drop("p%03d.txt" % i, nw.article_text(i, "protocol"))
        assert nw.wait_for(lambda: len(setup.journal()) >= N and
                           not setup.inbox_files(), 60, 0.1), \
            "the %d files are journalled" % N
        journal = setup.journal()
        check_ranges(client, validator, journal)
        check_malformed(client, validator)
        check_concurrent(setup, validator)
        check_envelope(setup)
        check(d.alive(), "newswired still running after all that")
        events, end = ask_ok(client, validator, {"from": 1, "to": 3},
                             "after the errors")
        check(seqs(events) == [1, 2, 3], "still answers: %r" % seqs(events))

        # retention by count, applied live on SIGHUP
        setup.write_conf(extra="[store]\nkeep_events = 100\n")
        d.signal(signal.SIGHUP)
        check(nw.wait_for(lambda: setup.journal()[0][0] == N - 99, 20, 0.1),
              "retention keeps the newest 100 events")
        events, end = ask_ok(client, validator, {"from": 150, "to": N},
                             "partly gone")
        check(seqs(events) == list(range(N - 99, N + 1)),
              "partly gone: what is left is sent (%d..%d)" % (N - 99, N))
        check(end.get("gone") is True and end.get("first_seq") == N - 99
              and end.get("to") == N and end.get("last_seq") == N,
              "partly gone: the end says so: %r" % end)
        events, end = ask_ok(client, validator, {"from": 1, "to": 50},
                             "all gone")
        check(events == [] and end.get("gone") is True and
              end.get("to") == 50, "all gone: %r" % end)
        events, end = ask_ok(client, validator, {"from": N - 99}, "kept")
        check(len(events) == 100 and end.get("gone") is False,
              "the kept range is whole: %r" % end)

        # retention by age empties the journal; seq numbers go on
        setup.write_conf(extra="[store]\nkeep_seconds = 1\n")
        d.signal(signal.SIGHUP)
        check(nw.wait_for(lambda: setup.journal() == [], 20, 0.2),
              "retention by age removes every old event")
        events, end = ask_ok(client, validator, {"from": 1}, "empty")
        check(events == [] and end.get("gone") is True and
              end.get("last_seq") == N and end.get("first_seq") == 0,
              "empty journal: gone, last_seq still %d: %r" % (N, end))
        check(d.stop() == 0, "newswired exits 0")
        setup.write_conf(extra="[store]\nkeep_seconds = 3600\n")
        d = setup.start()
        sub = zmq.Context.instance().socket(zmq.SUB)
        sub.setsockopt(zmq.SUBSCRIBE, b"article.")
        sub.setsockopt(zmq.SUBSCRIBE, b"heartbeat")
        sub.setsockopt(zmq.LINGER, 0)
        sub.connect(setup.pub)
        # a heartbeat first: the subscription is live (a sleep raced the
        # daemon's start, and its inbox scan published before it was)
        check(sub.poll(int(20000 * nw.FACTOR)), "a heartbeat after the "
              "restart")
        setup.drop("after.txt", nw.article_text(N + 1, "after"))
        ev = {}
        end = time.monotonic() + 20 * nw.FACTOR
        while not ev and time.monotonic() < end:
            if not sub.poll(200):
                continue
            topic, body = sub.recv_multipart()
            if topic.startswith(b"article."):
                ev = json.loads(body)
        check(ev.get("seq") == N + 1, "the next event after an emptied "
              "journal and a restart is seq %d, not reused: %r" %
              (N + 1, ev.get("seq")))
        sub.close()
        check(d.stop() == 0, "newswired exits 0 at the end")
    finally:
        client.close()
        if d.alive():
            d.kill()
    return nw.finish(setup.tmp)


if __name__ == "__main__":
    sys.exit(main())
