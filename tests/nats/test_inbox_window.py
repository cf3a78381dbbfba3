"""[cluster] leases, one shared inbox: a file that node a journalled
but could not move out of its claimed/, while a is cut off from NATS
before the stream acknowledged the event, is adopted and published by
node b once a's key is purged and the claim is 10 leases old; a's own
event for it, sent again when a reaches NATS, has the same message ID
(the article's id and version) and is dropped by the stream, because
a is back within the stream's duplicate window of b's publish. The
fence does not cover this case (a journalled the file while its claim
was fresh); the duplicate window does, only that far (docs/cluster.md,
"A shared inbox: the fence"). One nats-server -js, 3 s leases, the
duplicate window 600 s:

- a reaches NATS through a proxy the test controls; processed/ is a
  dangling symlink, so that a's move out fails; a's store retry is 600 s,
  so that it does not try the move again; a is cut off, a file is
  dropped: a claims it, journals it (unacknowledged), cannot move it;
- processed/ is mended; b starts on the same inbox: it adopts the file
  (a is dead by the leases' rule), finds no event of a's for it in the
  stream, and publishes it;
- a is let through: its journal is sent; the stream holds the file's
  event once, b's; a's newswire_nats_duplicates_total counts the drop.

Exit 77 (skip) without nats-server. Usage: test_inbox_window.py NEWSWIRED
"""
import os
import sys
import time

import clusterlib
from clusterlib import check, m, wait_for
from inboxlib import events_of, journal_files, origin, said
import inboxlib
import opslib

LEASE = 3
WINDOW = 600
NAME = "late-ack.html"
NO_RETRY = "[store]\nretry = 600\n"


def cut_off_commit(exe, tmp, inbox, proxy, nodes):
    """a started, cut off, the file journalled and left claimed."""
    a, amport, alog = inboxlib.start(exe, tmp, "a", proxy.port, inbox,
                                     LEASE, NO_RETRY, window=WINDOW)
    if not check(a is not None, "node a starts"):
        return None
    nodes["a"] = a
    check(wait_for(lambda: m(amport, "newswire_nats_connected") == 1, 15),
          "a reaches NATS through the proxy")
    processed = os.path.join(inbox, "processed")
    os.rmdir(processed)
    os.symlink("nowhere", processed)
    proxy.cut()
    opslib.drop(tmp, inbox, NAME, opslib.page(1, "late-ack"))
    ida = origin(alog)
    mine = os.path.join(inbox, "claimed", ida)
    check(wait_for(lambda: NAME in journal_files(tmp, "a"), 15),
          "a journals %s, cut off" % NAME)
    # processed/ is mended below: a's move must have failed by then
    check(wait_for(lambda: said(alog, "cannot move %s"
                                % os.path.join(mine, NAME)), 15),
          "a's move out fails")
    check(os.listdir(mine) == [NAME], "%s stays in a's claimed/" % NAME)
    check(m(amport, "newswire_nats_unacked_events") == 1,
          "a: its event unacknowledged")
    os.unlink(processed)
    os.mkdir(processed)
    return amport, ida


def main():
    exe, _, tmp, srv = clusterlib.begin_with_server("nw-inbox-window-")
    inbox = os.path.join(tmp, "inbox")
    os.makedirs(inbox)
    proxy = clusterlib.Proxy(srv.port)
    nodes = {}
    try:
        got = cut_off_commit(exe, tmp, inbox, proxy, nodes)
        b, bmport, blog = inboxlib.start(exe, tmp, "b", srv.port, inbox,
                                         LEASE, window=WINDOW)
        if got is not None and check(b is not None, "node b starts"):
            nodes["b"] = b
            amport, ida = got
            check(wait_for(lambda: events_of(srv.port, NAME) != [],
                           10 * LEASE + 30),
                  "b adopts %s and publishes it" % NAME)
            published = time.monotonic()
            proxy.mend()
            check(wait_for(lambda: m(amport,
                                     "newswire_nats_unacked_events") == 0,
                           30), "a reaches NATS again, its journal sent")
            print("a's event sent again %.1f s after b's publish "
                  "(duplicate window %d s)"
                  % (time.monotonic() - published, WINDOW))
            time.sleep(1)
            evs = events_of(srv.port, NAME)
            check(len(evs) == 1 and evs[0][0] == origin(blog),
                  "%s: one event in the stream, b's: %r" % (NAME, evs))
            check(m(amport, "newswire_nats_duplicates_total") == 1,
                  "a: its event dropped by the stream as a duplicate")
    finally:
        rc = inboxlib.end(nodes, srv, proxy, tmp)
    return rc


if __name__ == "__main__":
    sys.exit(main())
