"""[cluster] leases, one shared inbox: a file adopted from a dead node
whose reads of the stream (did that node publish it?) keep getting
further without reaching the end is asked on from where each stopped,
counted unanswered only from the last read that got further, and read
on from there after a restart of the node. One nats-server -js, 3 s
leases. Node b reaches the server through a proxy that lets one event
of each read's consumer through on b's connection for these asks
("newswired inbox"), b's reads 1 s at most ([cluster]
inbox_ask_seconds = 1): each read gets one event further.

- 40 events of the folder source (none of a file) are put in the
  stream, and late.html in the claimed/ of a node that never ran, its
  mtime an hour back (its event is looked for since then): b adopts it
  once its claim is 10 leases old, and reads on, an event a read;
- 8 leases after the adoption the proxy refuses the asks: the next
  one, unanswered, is not the last of 4 but counted from the last read
  that got further (before round 16 from the adoption: given back into
  the inbox at once, and published twice if the dead node had);
- b is restarted: the read goes on from the sequence where the last
  one stopped, kept in b's store (before round 16 in memory: from the
  file's time again), and its first read after the restart gets the
  event at that sequence;
- the asks let through whole: the read ends, and b publishes the file,
  once; no file was given back unanswered.

Exit 77 (skip) without nats-server. Usage: test_inbox_resume.py
NEWSWIRED
"""
import json
import os
import re
import sys
import time

import clusterlib
from clusterlib import check, m, wait_for
from inboxlib import events_of, origin, said
import inboxlib
import natsproto
import opslib

LEASE = 3
LATE = "late.html"
NEVER = "nwd-00000000000dead5"         # a node that never ran
ASKS = "newswired inbox"               # the connection b asks on
FILLERS = 40
READ_ON = re.compile(r"%s: the stream's read for node %s's event did not "
                     r"end in time: read on from seq (\d+)" % (
                         re.escape(LATE), NEVER))


def fill(port):
    """FILLERS events of the folder source in the stream, of no file;
    whether all were acknowledged."""
    c = natsproto.Conn(port)
    ok = 0
    try:
        for i in range(FILLERS):
            _, data = c.request("newswire.article.new.inbox", json.dumps(
                {"origin": {"id": "nwd-filler"}, "n": i}))
            ok += b'"seq"' in data
    finally:
        c.close()
    return ok == FILLERS


def place_late(tmp, inbox):
    """late.html in the never-run node's claimed/, written an hour ago."""
    folder = os.path.join(inbox, "claimed", NEVER)
    os.makedirs(folder, exist_ok=True)
    staged = os.path.join(tmp, "." + LATE)
    with open(staged, "wb") as f:
        f.write(opslib.page(7, "late"))
    old = time.time() - 3600
    os.utime(staged, (old, old))
    os.rename(staged, os.path.join(folder, LATE))


def log_from(blog, mark):
    with open(blog, errors="replace") as f:
        f.seek(mark)
        return f.read()


def reads_on(proxy, blog):
    """b adopts late.html and reads on; 8 leases after the adoption the
    asks are refused: the next is ask 1 of 4. The last seq read on
    from, or None."""
    check(wait_for(lambda: said(blog, "%s: claimed by node %s, which is "
                                "dead" % (LATE, NEVER)), 10 * LEASE + 45),
          "b adopts %s" % LATE)
    adopted = time.monotonic()
    check(wait_for(lambda: len(READ_ON.findall(log_from(blog, 0))) >= 2,
                   30), "b's reads go on where they stopped")
    while time.monotonic() < adopted + 8 * LEASE:
        time.sleep(0.2)
    proxy.block(ASKS)
    check(len(READ_ON.findall(log_from(blog, 0))) < FILLERS,
          "the reads did not end meanwhile")
    unanswered = re.compile(r"%s: the stream did not say (whether|in)" %
                            re.escape(LATE))
    check(wait_for(lambda: unanswered.search(log_from(blog, 0)), 30),
          "an ask unanswered")
    first = unanswered.search(log_from(blog, 0))
    check(first and first.group(1) == "whether" and not said(
        blog, "%s: the stream did not say whether node %s published it "
        "(ask 4" % (LATE, NEVER)),
          "8 leases after the adoption, the first unanswered ask is not "
          "the last: counted from the last read that got further")
    seqs = READ_ON.findall(log_from(blog, 0))
    return int(seqs[-1]) if seqs else None


def resumed(exe, tmp, proxy, nodes, blog, last):
    """b restarted: its read goes on from last, kept in its store; its
    first read then gets the event there. b's metrics port."""
    inboxlib.stop_checked("b", nodes.pop("b"))
    mark = clusterlib.log_size(blog)
    b, mport = clusterlib.start_daemon(
        exe, os.path.join(tmp, "b", "newswired.conf"), blog)
    if not check(b is not None, "b starts again"):
        return None
    nodes["b"] = b
    check(wait_for(lambda: "%s: the stream's read for node %s's event "
                   "goes on from seq %d, where it stopped before"
                   % (LATE, NEVER, last) in log_from(blog, mark), 30),
          "b's restart reads on from seq %d, kept in its store" % last)
    proxy.unblock(ASKS)
    check(wait_for(lambda: READ_ON.findall(log_from(blog, mark)) != [],
                   4 * LEASE + 30), "b reads on after its restart")
    got = READ_ON.findall(log_from(blog, mark))
    check(got[:1] == [str(last + 1)],
          "its first read got the event at seq %d: %r" % (last, got[:1]))
    return mport


def main():
    exe, tmp, srv, inbox, proxy = inboxlib.begin("nw-inbox-resume-")
    port = srv.port
    proxy.thin(ASKS)
    nodes = {}
    try:
        b, mport, blog = inboxlib.start(
            exe, tmp, "b", proxy.port, inbox, LEASE,
            more="[cluster]\ninbox_ask_seconds = 1\n")
        if not check(b is not None, "node b starts"):
            return clusterlib.finish(tmp)
        nodes["b"] = b
        check(wait_for(lambda: m(mport, "newswire_nats_connected") == 1,
                       30), "b connected: the stream made")
        check(fill(port), "%d events of no file in the stream" % FILLERS)
        place_late(tmp, inbox)
        last = reads_on(proxy, blog)
        mport = None if last is None else resumed(exe, tmp, proxy, nodes,
                                                   blog, last)
        if mport is None:
            return clusterlib.finish(tmp)
        proxy.unthin(ASKS)
        proxy.block(ASKS)       # the thinned connection closed
        proxy.unblock(ASKS)
        processed = os.path.join(inbox, "processed")
        check(wait_for(lambda: LATE in os.listdir(processed),
                       4 * LEASE + 30), "the read ends, %s out" % LATE)
        check(wait_for(lambda: events_of(port, LATE) != [], 30),
              "%s in the stream" % LATE)
        time.sleep(2)   # a second publish would come in this time
        got = events_of(port, LATE)
        check(len(got) == 1 and got[0][0] == origin(blog),
              "%s: one event, b's: %r" % (LATE, got))
        check(m(mport, "newswire_inbox_adopted_unanswered_total") == 0,
              "nothing given back unanswered")
        check(inboxlib.claimed_left(inbox) == [], "nothing left claimed")
        inboxlib.stop_checked("b", nodes["b"])
    finally:
        inboxlib.close(nodes, srv, proxy)
    return clusterlib.finish(tmp)


if __name__ == "__main__":
    sys.exit(main())
