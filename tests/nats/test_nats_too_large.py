"""An event over the NATS servers' max_payload (1 MB by default) does not
hold the stream up: before round 14 the JetStream output tried it again
every second for ever ("Maximum Payload Exceeded"), and no later event
reached the stream, while the journal kept them all. One nats-server
-js with its default max_payload, one node:

- long.html, an article of 1.4 MB of distinct sentences (its event
  about 1.4 MB), is dropped, then small.html: small.html's event is in
  the stream, long.html's is not; the node logs long.html's seq as over
  max_payload once, counts it in newswire_nats_too_large_total (1), and
  has nothing unacknowledged (newswire_nats_unacked_events 0); both
  events are in the node's journal.

Exit 77 (skip) without nats-server. Usage: test_nats_too_large.py
NEWSWIRED
"""
import os
import random
import sys
import time

import clusterlib
from clusterlib import check, m, wait_for
from inboxlib import events_of, journal_files
import inboxlib
import opslib

WORDS = ("the a council minister river market school police report city "
         "budget vote storm road hospital union court season museum port "
         "train farmers prices energy water rail bridge election").split()


def long_page(size):
    """An article of size bytes of distinct sentences."""
    r = random.Random(14)
    paras, n, i = [], 0, 0
    while n < size:
        p = "<p>%s number %d.</p>\n" % (" ".join(
            r.choice(WORDS) for _ in range(40)).capitalize(), i)
        paras.append(p)
        n += len(p)
        i += 1
    return ("<html><head><title>Long report</title></head><body><article>"
            "<h1>Long report</h1>%s</article></body></html>"
            % "".join(paras)).encode()


def main():
    exe, _, tmp, srv = clusterlib.begin_with_server("nw-nats-large-")
    port = srv.port
    inbox = os.path.join(tmp, "inbox")
    os.makedirs(inbox)
    d = None
    try:
        d, mport, log = inboxlib.start(exe, tmp, "a", port, inbox, 3)
        if not check(d is not None, "the node starts"):
            return clusterlib.finish(tmp)
        opslib.drop(tmp, inbox, "long.html", long_page(1400000))
        check(wait_for(lambda: "long.html" in journal_files(tmp, "a"), 30),
              "long.html journalled")
        opslib.drop(tmp, inbox, "small.html", opslib.page(1, "small"))
        check(wait_for(lambda: events_of(port, "small.html") != [], 30),
              "small.html's event, after long.html's, in the stream")
        time.sleep(1)
        check(events_of(port, "long.html") == [],
              "long.html's event not in the stream")
        check(m(mport, "newswire_nats_too_large_total") == 1,
              "newswire_nats_too_large_total 1")
        check(m(mport, "newswire_nats_unacked_events") == 0,
              "nothing unacknowledged")
        with open(log, errors="replace") as f:
            text = f.read()
        check(text.count("is over the servers' max_payload") == 1,
              "the log says it once")
        check(sorted(journal_files(tmp, "a")) == ["long.html",
                                                  "small.html"],
              "both in the journal")
        inboxlib.stop_checked("a", d)
    finally:
        inboxlib.close({"a": d}, srv)
    return clusterlib.finish(tmp)


if __name__ == "__main__":
    sys.exit(main())
