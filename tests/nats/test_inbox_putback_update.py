"""[cluster] leases, one shared inbox: what a node with no record of a
file put back by hand publishes, when another node published it first.
One nats-server -js, 3 s leases, the stream's duplicate window 1 s.

Node a publishes canon.html (a page whose canonical URL gives its id),
dayold.html (written two days before it came into the inbox) and
purged.html, moves them into processed/ and stops; b, started on the
same inbox with a state of its own, gets them put back:

- canon.html changed (another text, the same canonical URL, so the same
  article id), aged 30 s: b finds a's event of the same name and id in
  the stream and publishes this one as its update (article.updated,
  version 2), as a would have (main: article.new, version 1, a second
  version 1 of one id in the stream, which the stream's duplicate
  window drops as a's message ID `<id>:1` when it comes within it);
- dayold.html as it was: its first publication is looked for within a
  day of its mtime only (the read's bound), and a's came two days
  after, the stream's first event past that day another file's: b
  publishes it again, and its log says why (main: no line);
- purged.html, the stream's events purged but the last (as max_age
  would remove them): b cannot know, publishes it, and its log says the
  stream no longer holds what was published then (main: no line).

Exit 77 (skip) without nats-server. Usage: test_inbox_putback_update.py
NEWSWIRED
"""
import os
import sys
import time

import clusterlib
from clusterlib import check, wait_for
from inboxlib import (aged, events_of, journal_events, out, put_back,
                      said)
import inboxlib
import natsproto
import opslib

LEASE = 3
SHORT = "[cluster]\ninbox_ask_seconds = 2\n"   # b's reads: 2 s at most
CANON, DAYOLD, PURGED = "canon.html", "dayold.html", "purged.html"
UPDATE = "published as its update, version 2"
DAY = "its first publication is looked for within a day of when it was " \
    "written"
AGED = "the stream no longer holds what was published then"


def canon(i):
    """A page whose canonical URL is the same for every i: one id."""
    return opslib.page(i, "canon").replace(
        b"<meta charset=utf-8>", b"<meta charset=utf-8><link rel=canonical "
        b"href=\"https://example.com/news/canon\">")


def publish_on_a(exe, tmp, port, inbox, nodes):
    """a publishes the three, moved into processed/, and stops."""
    a, _, _ = inboxlib.start(exe, tmp, "a", port, inbox, LEASE)
    if not check(a is not None, "node a starts"):
        return False
    nodes["a"] = a
    for name in (CANON, PURGED, DAYOLD):    # the stream's order
        staged = os.path.join(tmp, "." + name)
        with open(staged, "wb") as f:
            f.write(canon(1) if name == CANON else opslib.page(1, name))
        if name == DAYOLD:
            aged(staged, 2 * 86400)
        os.rename(staged, os.path.join(inbox, name))
        check(wait_for(lambda: os.path.exists(os.path.join(
            inbox, "processed", name)) and
            len(events_of(port, name)) == 1, 30),
            "a published %s and moved it out: %r"
            % (name, events_of(port, name)))
    inboxlib.stop_checked("a", a)
    time.sleep(1.5)     # past the stream's duplicate window
    return True


def last_of(tmp, name):
    """b's last event of the file name, or {}."""
    evs = [e for e in journal_events(tmp, "b")
           if ((e.get("source") or {}).get("uri") or "").endswith(
               "/" + name)]
    return evs[-1] if evs else {}


def purge_but_last(port):
    """The stream's events removed but its last (as max_age would)."""
    c = natsproto.Conn(port)
    try:
        last = c.stream_info("NEWSWIRE")["state"]["last_seq"]
        c.api("STREAM.PURGE.NEWSWIRE", {"seq": last})
        return c.stream_info("NEWSWIRE")["state"]["first_seq"] == last
    finally:
        c.close()


def on_b(tmp, port, inbox, blog):
    put_back(inbox, CANON, canon(2))
    check(out(inbox, [CANON], 30), "b moved %s out" % CANON)
    ev = last_of(tmp, CANON)
    check(ev.get("version") == 2 and ev.get("seq") == 1,
          "%s: b's event is version 2 of a's article: %r"
          % (CANON, {k: ev.get(k) for k in ("seq", "version", "id")}))
    check(wait_for(lambda: len(events_of(port, CANON)) == 2, 10) and
          sorted(t.split(".")[1] for _, t in events_of(port, CANON)) ==
          ["new", "updated"], "%s: a's new and b's update in the stream: "
          "%r" % (CANON, events_of(port, CANON)))
    check(said(blog, "%s: no record of it here" % CANON) and
          said(blog, UPDATE), "b's log says it is an update of a's")

    put_back(inbox, DAYOLD, seconds=None)
    check(out(inbox, [DAYOLD], 30), "b moved %s out" % DAYOLD)
    check(last_of(tmp, DAYOLD).get("version") == 1,
          "%s published by b" % DAYOLD)
    check(said(blog, "%s: written" % DAYOLD) and said(blog, DAY),
          "b's log says the day's bound: %r" % DAYOLD)

    check(purge_but_last(port), "the stream purged but its last event")
    put_back(inbox, PURGED)
    check(out(inbox, [PURGED], 30), "b moved %s out" % PURGED)
    check(last_of(tmp, PURGED).get("version") == 1,
          "%s published by b" % PURGED)
    check(said(blog, "%s: written" % PURGED) and said(blog, AGED),
          "b's log says the stream lost what it would ask for")


def main():
    exe, tmp, srv, inbox, proxy = inboxlib.begin("nw-inbox-pbupd-")
    port = srv.port
    nodes = {}
    try:
        if not publish_on_a(exe, tmp, port, inbox, nodes):
            return clusterlib.finish(tmp)
        b, _, blog = inboxlib.start(exe, tmp, "b", port, inbox, LEASE,
                                    more=SHORT)
        if not check(b is not None, "node b starts"):
            return clusterlib.finish(tmp)
        nodes["b"] = b
        on_b(tmp, port, inbox, blog)
        inboxlib.stop_checked("b", b)
    finally:
        inboxlib.close(nodes, srv)
    return clusterlib.finish(tmp)


if __name__ == "__main__":
    sys.exit(main())
