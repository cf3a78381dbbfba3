"""[cluster] leases, one shared inbox: a file put back by hand into the
inbox, which another node published, is not published again by a node
that has no record of it. Such a node asks the stream (as an adopter
asks it for a dead node's file) about a file written well before it
came into the inbox (its mtime older than its ctime by 2 s or more, as
a move keeps it): whether any node published the file's name with the
same article since it was written. One nats-server -js, 3 s leases,
the stream's duplicate window 1 s; node b reaches the server through a
proxy the test controls:

- node a publishes page.html and changed.html and moves them into
  processed/; a is stopped, b started on the same inbox (a state of its
  own: no record of them). The test moves page.html back into the inbox
  (its mtime aged 30 s, so that it is old whatever the machine's
  speed), and changed.html with another article in it (aged so too:
  what another extractor would make of the same file); and drops
  old.html beside them, written 30 s earlier too, never published. b
  moves page.html out with no event (main: b published it again, the
  stream then holding a's event and b's, the put-back past the stream's
  duplicate window), and publishes changed.html (its article is not
  the one a published: taken for page.html's case, it would be lost)
  and old.html (the stream has no event of it), once each;
- then b's connection for the asks is refused by the proxy (the stream
  unreachable for them) and page.html is put back again: b cannot know,
  and publishes it (nothing lost; perhaps again, as before the ask),
  its log saying so.

Exit 77 (skip) without nats-server. Usage: test_inbox_putback_ask.py
NEWSWIRED
"""
import os
import sys
import time

import clusterlib
from clusterlib import check, wait_for
from inboxlib import (aged, events_of, journal_files, origin, out,
                      put_back, said)
import inboxlib
import opslib

LEASE = 3
ASKS = "newswired inbox"               # the connection b asks on
SHORT = "[cluster]\ninbox_ask_seconds = 2\n"   # b's reads: 2 s at most
PAGE, OLD, CHANGED = "page.html", "old.html", "changed.html"


def publish_on_a(exe, tmp, port, inbox, nodes):
    """a publishes PAGE and CHANGED, moved into processed/, and stops:
    its id."""
    a, _, alog = inboxlib.start(exe, tmp, "a", port, inbox, LEASE)
    if not check(a is not None, "node a starts"):
        return None
    nodes["a"] = a
    ida = origin(alog)
    for i, name in enumerate((PAGE, CHANGED)):
        opslib.drop(tmp, inbox, name, opslib.page(1 + i, "published"))
    for name in (PAGE, CHANGED):
        done = os.path.join(inbox, "processed", name)
        check(wait_for(lambda: os.path.exists(done) and
                       len(events_of(port, name)) == 1, 30),
              "a published %s and moved it out: %r"
              % (name, events_of(port, name)))
    inboxlib.stop_checked("a", a)
    time.sleep(1.5)     # past the stream's duplicate window: a second
    return ida          # publish under the same message ID shows


def main():
    exe, tmp, srv, inbox, proxy = inboxlib.begin("nw-inbox-pbask-")
    port = srv.port
    nodes = {}
    try:
        ida = publish_on_a(exe, tmp, port, inbox, nodes)
        if ida is None:
            return clusterlib.finish(tmp)
        b, _, blog = inboxlib.start(exe, tmp, "b", proxy.port, inbox,
                                    LEASE, more=SHORT)
        if not check(b is not None, "node b starts"):
            return clusterlib.finish(tmp)
        nodes["b"] = b
        idb = origin(blog)
        put_back(inbox, PAGE)
        put_back(inbox, CHANGED, opslib.page(3, "changed"))
        staged = os.path.join(tmp, "." + OLD)
        with open(staged, "wb") as f:
            f.write(opslib.page(2, "never published"))
        aged(staged)
        os.rename(staged, os.path.join(inbox, OLD))
        check(out(inbox, [PAGE, OLD, CHANGED], 30),
              "b moved the three out: %r" % os.listdir(inbox))
        time.sleep(2)   # a second publish would come in this time
        got = events_of(port, PAGE)
        check(len(got) == 1 and got[0][0] == ida,
              "%s: a's one event in the stream, not published again by "
              "b: %r" % (PAGE, got))
        got = events_of(port, OLD)
        check(len(got) == 1 and got[0][0] == idb,
              "%s: b's one event: %r" % (OLD, got))
        got = events_of(port, CHANGED)
        check(sorted(o for o, _ in got) == sorted([ida, idb]),
              "%s: a's event and b's: %r" % (CHANGED, got))
        check(sorted(journal_files(tmp, "b")) == [CHANGED, OLD],
              "b's journal: %s and %s: %r"
              % (CHANGED, OLD, journal_files(tmp, "b")))
        check(said(blog, "%s: no record of it here, but written" % PAGE)
              and said(blog, "published by node %s as seq" % ida),
              "b's log says %s was a's, moved out" % PAGE)

        # the stream unreachable for the asks: published, as before
        proxy.block(ASKS)
        put_back(inbox, PAGE)
        check(out(inbox, [PAGE], 40),
              "b moved %s out, the stream unreachable: %r"
              % (PAGE, os.listdir(inbox)))
        check(sorted(journal_files(tmp, "b")) == [CHANGED, OLD, PAGE],
              "b published %s, not knowing: %r"
              % (PAGE, journal_files(tmp, "b")))
        check(said(blog, "%s: written" % PAGE) and
              said(blog, "the stream could not say"),
              "b's log says it could not know")
        proxy.unblock(ASKS)
        inboxlib.stop_checked("b", b)
    finally:
        inboxlib.close(nodes, srv, proxy)
    return clusterlib.finish(tmp)


if __name__ == "__main__":
    sys.exit(main())
