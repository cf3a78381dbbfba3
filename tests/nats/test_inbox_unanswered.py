"""[cluster] leases, one shared inbox: a file adopted from a dead node
whose ask of the stream (did that node publish it?) gets no answer is
asked again, 4 times at most over 7 leases, then given back into the
inbox and published; before round 14 it went back to the dead node's
claimed/ folder, adopted again 10 leases later, and waited as long as
the stream did not answer, for ever if the dead node never came back.
One nats-server -js, 3 s leases, the stream's duplicate window 1 s.
Node b reaches the server through a proxy the test controls, which
closes b's connection for these asks (named "newswired inbox") and
refuses it while the test says so, b's other connections (its output,
its leases) going through: the asks go unanswered whenever b makes
them, with no race between the test and b (before round 15 the test
stopped the server once b's log said it adopted, and b, quicker, asked
before the stop once in CI). Through that connection the proxy lets
one event of each read's consumer go to b, however fast b reads, and
b reads for 1 s at most ([cluster] inbox_ask_seconds = 1): every read
that does not end with its first event is cut short by its time, as a
read of a long stream is by 10 s:

- node a publishes pre.html and pub.html but cannot move them out
  (processed/ a dangling symlink) and is SIGKILLed; held.html is put in
  its claimed/ by hand (claimed, never published). Node b adopts the
  three (10 leases on), its asks refused: its first ask of each gets no
  answer (the log says "ask 1 of 4"); the asks are let through; b's
  second ask, a lease later, is answered: pre.html and pub.html are
  moved out with no event (a's events are in the stream), held.html is
  published by b; one article event for each. The read for pub.html,
  which meets pre.html's event first, and the one for held.html go on
  from where they stopped at the next ask (before round 15 each ask
  read from the start again, and such a file was never answered: given
  back 7 leases on and published, pub.html twice; before round 16 the
  test cut the reads by a test-only environment variable of the
  daemon's);
- then the asks are refused again (b's open connection for them
  closed), and stale.html, left in the claimed/ of a node that never
  ran, is adopted by b once its claim is 10 leases old: b asks 4
  times, then gives the file back into the inbox
  (newswire_inbox_adopted_unanswered_total 1), claims it from there and
  publishes it: b's event, in the stream once.

Exit 77 (skip) without nats-server. Usage: test_inbox_unanswered.py
NEWSWIRED
"""
import os
import signal
import sys
import time

import clusterlib
from clusterlib import check, m, wait_for
from inboxlib import events_of, journal_files, origin, said, \
    stream_files
import inboxlib
import opslib

LEASE = 3
PRE, PUB, HELD, STALE = "pre.html", "pub.html", "held.html", \
    "stale.html"
NEVER = "nwd-00000000000dead2"         # a node that never ran
ASKS = "newswired inbox"               # the connection b asks on
SHORT = "[cluster]\ninbox_ask_seconds = 1\n"   # b's reads: 1 s at most


def place(tmp, folder, name, data):
    """data as folder/name, renamed in whole."""
    os.makedirs(folder, exist_ok=True)
    staged = os.path.join(tmp, "." + name)
    with open(staged, "wb") as f:
        f.write(data)
    os.rename(staged, os.path.join(folder, name))


def one_event(port, name, by):
    got = events_of(port, name)
    return check(len(got) == 1 and got[0][0] == by and
                 got[0][1].startswith("article.new"),
                 "%s: one article event in the stream, %s's: %r"
                 % (name, by, got))


def dead_node_a(exe, tmp, port, inbox, nodes):
    """a publishes pre.html and pub.html, cannot move them out, and is
    killed; held.html put in its claimed/. a's origin id, or None."""
    a, _, alog = inboxlib.start(exe, tmp, "a", port, inbox, LEASE)
    if not check(a is not None, "node a starts"):
        return None
    nodes["a"] = a
    ida = origin(alog)
    processed = os.path.join(inbox, "processed")
    os.rmdir(processed)
    os.symlink("nowhere", processed)
    for i, name in enumerate((PRE, PUB)):
        opslib.drop(tmp, inbox, name, opslib.page(i, name))
        check(wait_for(lambda: events_of(port, name) != [], 60),
              "a published %s" % name)
    a.signal(signal.SIGKILL)
    a.stop(signalled=True)
    os.unlink(processed)
    os.mkdir(processed)
    mine = os.path.join(inbox, "claimed", ida)
    check(sorted(os.listdir(mine)) == [PRE, PUB],
          "a left its files in its claimed/: %r" % os.listdir(mine))
    place(tmp, mine, HELD, opslib.page(2, "held"))
    return ida


def answered_later(proxy, port, inbox, blog, ida, idb):
    """b's first asks for the files it adopted from a refused, the
    second ones let through."""
    check(wait_for(lambda: said(blog, "%s: claimed by node %s, which is "
                                "dead" % (PUB, ida)), 10 * LEASE + 45),
          "b adopts a's files")
    asked = wait_for(lambda: all(said(blog, "%s: the stream did not say "
                                      "whether node %s published it (ask "
                                      "1 of 4)" % (f, ida))
                                 for f in (PRE, PUB, HELD)), 60)
    check(asked, "b's first asks went unanswered")
    proxy.unblock(ASKS)
    processed = os.path.join(inbox, "processed")
    check(wait_for(lambda: {PRE, PUB, HELD} <= set(os.listdir(processed)),
                   4 * LEASE + 30),
          "the files out, asked again: %r" % os.listdir(processed))
    for name in (PRE, PUB):
        check(said(blog, "%s: published by node %s as seq" % (name, ida)),
              "b found a's event for %s" % name)
    for name in (PUB, HELD):
        check(said(blog, "%s: the stream's read for node %s's event did "
                   "not end in time: read on" % (name, ida)),
              "b's read for %s went on where it stopped" % name)
    time.sleep(2)       # a second publish would come in this time
    one_event(port, PRE, ida)
    one_event(port, PUB, ida)
    one_event(port, HELD, idb)


def restart(exe, tmp, nodes, blog):
    """b stopped and started again (its log appended to blog): (b, its
    metrics port, where its log of this run starts), b None if it did
    not start."""
    inboxlib.stop_checked("b", nodes.pop("b"))
    mark = clusterlib.log_size(blog)
    b, mport = clusterlib.start_daemon(
        exe, os.path.join(tmp, "b", "newswired.conf"), blog)
    if check(b is not None, "b starts again"):
        nodes["b"] = b
    return b, mport, mark


def never_answered(exe, tmp, port, inbox, blog, nodes, mport):
    """stale.html adopted from a node that never ran, the asks refused
    from before its adoption on, b restarted after its second ask: into
    the inbox after 4 asks, the restart not counting them again,
    published once by b. b's metrics port."""
    place(tmp, os.path.join(inbox, "claimed", NEVER), STALE,
          opslib.page(3, "stale"))
    check(wait_for(lambda: said(blog, "%s: claimed by node %s, which is "
                                "dead" % (STALE, NEVER)), 10 * LEASE + 45),
          "b adopts %s" % STALE)
    asked = "%s: the stream did not say whether node %s published it " \
        "(ask %%d of 4)" % (STALE, NEVER)
    check(wait_for(lambda: said(blog, asked % 2), 2 * LEASE + 30),
          "b's second ask unanswered")
    check(m(mport, "newswire_inbox_adopted_total") == 4 and
          m(mport, "newswire_inbox_adopted_published_total") == 2,
          "b's counters: 4 adopted, 2 found published")
    # the next ask 2 leases on: the file waits, in no work, when b stops
    b, mport, mark = restart(exe, tmp, nodes, blog)
    if b is None:
        return None
    given = wait_for(lambda: said(blog, "%s: the stream did not say in 4 "
                                  "asks" % STALE), 7 * LEASE + 60)
    check(given, "b gives %s back into the inbox after 4 asks" % STALE)
    with open(blog, errors="replace") as f:
        f.seek(mark)
        text = f.read()
    check(asked % 1 not in text and asked % 3 in text,
          "b's restart went on with the asks (3 of 4), not from 1")
    processed = os.path.join(inbox, "processed")
    check(wait_for(lambda: STALE in os.listdir(processed), 30),
          "b claims it afresh and moves it out once journalled")
    check(journal_files(tmp, "b").count(STALE) == 1,
          "%s in b's journal once" % STALE)
    check(wait_for(lambda: events_of(port, STALE) != [], 30),
          "%s in the stream" % STALE)
    time.sleep(2)
    one_event(port, STALE, origin(blog))
    check(m(mport, "newswire_inbox_adopted_unanswered_total") == 1,
          "b's counter: 1 unanswered")
    return b


def main():
    exe, tmp, srv, inbox, proxy = inboxlib.begin("nw-inbox-unans-")
    port = srv.port
    proxy.block(ASKS)
    proxy.thin(ASKS)
    nodes = {}
    try:
        ida = dead_node_a(exe, tmp, port, inbox, nodes)
        if ida is None:
            return clusterlib.finish(tmp)
        b, mport, blog = inboxlib.start(exe, tmp, "b", proxy.port, inbox,
                                        LEASE, more=SHORT)
        if not check(b is not None, "node b starts"):
            return clusterlib.finish(tmp)
        nodes["b"] = b
        idb = origin(blog)
        answered_later(proxy, port, inbox, blog, ida, idb)
        proxy.block(ASKS)
        b = never_answered(exe, tmp, port, inbox, blog, nodes, mport)
        if b is None:
            return clusterlib.finish(tmp)
        left = inboxlib.claimed_left(inbox)
        check(left == [], "nothing left claimed: %r" % left)
        check(len(stream_files(port)) == 4, "4 events in the stream: %r"
              % stream_files(port))
        inboxlib.stop_checked("b", b)
    finally:
        inboxlib.close(nodes, srv, proxy)
    return clusterlib.finish(tmp)


if __name__ == "__main__":
    sys.exit(main())
