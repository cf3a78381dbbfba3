"""[cluster] leases, one shared inbox, where claims go by hard link and
unlink (RENAME_NOREPLACE refused, as on NFS: the shim of tests/inbox
preloaded): what a node's death leaves between the link and the unlink
is published once, and nothing a node claimed waits for its next start
because another file of its name is in work. One nats-server -js, 3 s
leases, the stream's duplicate window 1 s (a second publish under the
same message ID is not dropped for us). Made by hand, as a kill leaves
them, in the claimed/ of a node that never ran (dead by the leases'
rule once the claims are 10 leases old):

- given.html in the inbox and, the same file, in that node's
  .from/GHOST/: its give-back into the inbox of a file it had adopted,
  cut short. Before round 14 a live node claimed the inbox name at once
  (the check for a file another node holds looked at no .from/ folder),
  published it, and 10 leases later adopted the other link and
  published it again; now it is left alone until the dead node's link
  is dropped at adoption time, then claimed and published once;
- half.html in the inbox and in that node's claimed/: its claim, cut
  short. Before round 14 a live node adopted that link and published
  it, then claimed the inbox name and published it again; now the dead
  node's link is dropped and the inbox name published once;
- moved.html in that node's claimed/ and in processed/: its move out
  after its commit, cut short, the stream lacking its event (the node
  was cut off before it died). Before round 15 the adopter found no
  event, took the processed/ link for another node's claim (a second
  link: too old to publish), gave the file back into the inbox and
  claimed it again, in a loop that never published it; now only a
  link in the inbox or in another node's claimed/ counts, and b
  publishes it once;
- x.html in node b's own claimed/ and another x.html in its
  claimed/B/.from/GHOST/ when b starts (what a kill of b leaves): both
  published at b's start; before round 14 the second waited for b's
  next start, being named as a file in work;
- linked.html, dropped by `ln` while b runs, its first name kept
  outside the inbox: published once (before round 15 its second link
  made every claim too old: given back and claimed again for ever).

Exit 77 (skip) without nats-server. Usage: test_inbox_cut.py NEWSWIRED
[SHIM]
"""
import os
import sys
import time

import clusterlib
from clusterlib import check, wait_for
from inboxlib import events_of, origin
import inboxlib
from nwtest import shim_env
import opslib

LEASE = 3
GIVEN, HALF, SAME = "given.html", "half.html", "x.html"
MOVED, LINKED = "moved.html", "linked.html"
NEVER = "nwd-00000000000dead3"         # a node that never ran
GHOST = "nwd-00000000000dead4"         # one it had adopted from
ENV = shim_env(sys.argv[2] if len(sys.argv) > 2 else None)


def put(tmp, path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    staged = os.path.join(tmp, ".staged")
    with open(staged, "wb") as f:
        f.write(data)
    os.rename(staged, path)


def cut_short(tmp, inbox):
    """given.html and half.html, each in the inbox and linked into the
    dead node's claimed/ (its .from/GHOST/ for given.html); moved.html
    in its claimed/ and linked into processed/."""
    dead = os.path.join(inbox, "claimed", NEVER)
    for name, where, i in ((GIVEN, os.path.join(dead, ".from", GHOST), 1),
                           (HALF, dead, 2)):
        put(tmp, os.path.join(inbox, name), opslib.page(i, name))
        os.makedirs(where, exist_ok=True)
        os.link(os.path.join(inbox, name), os.path.join(where, name))
    put(tmp, os.path.join(dead, MOVED), opslib.page(5, MOVED))
    os.link(os.path.join(dead, MOVED),
            os.path.join(inbox, "processed", MOVED))


def linked_in(tmp, inbox):
    """linked.html written outside the inbox and linked in by `ln`."""
    first = os.path.join(tmp, LINKED)
    put(tmp, first, opslib.page(6, LINKED))
    os.link(first, os.path.join(inbox, LINKED))


def same_names(tmp, inbox, idb):
    """x.html in b's claimed/ and another in its .from/GHOST/."""
    mine = os.path.join(inbox, "claimed", idb)
    put(tmp, os.path.join(mine, SAME), opslib.page(3, "own"))
    put(tmp, os.path.join(mine, ".from", GHOST, SAME),
        opslib.page(4, "adopted"))


def main():
    exe, _, tmp, srv = clusterlib.begin_with_server("nw-inbox-cut-")
    port = srv.port
    inbox = os.path.join(tmp, "inbox")
    os.makedirs(inbox)
    processed = os.path.join(inbox, "processed")
    b = None
    try:
        b, _, blog = inboxlib.start(exe, tmp, "b", port, inbox, LEASE,
                                    env=ENV)
        if not check(b is not None, "node b starts"):
            return clusterlib.finish(tmp)
        idb = origin(blog)
        inboxlib.stop_checked("b", b)
        cut_short(tmp, inbox)
        same_names(tmp, inbox, idb)
        t0 = time.monotonic()
        b, _, blog = inboxlib.start(exe, tmp, "b", port, inbox, LEASE,
                                    env=ENV)
        if not check(b is not None, "node b starts again"):
            return clusterlib.finish(tmp)
        check(wait_for(lambda: len(events_of(port, SAME)) == 2, 30),
              "both %s published at b's start: %r"
              % (SAME, events_of(port, SAME)))
        linked_in(tmp, inbox)
        check(wait_for(lambda: events_of(port, LINKED) != [], 20),
              "%s, linked in with a name outside, published" % LINKED)
        time.sleep(2)
        check(events_of(port, GIVEN) == [] and events_of(port, HALF) == [],
              "the files another node's claim holds are left alone")
        done = wait_for(lambda: {GIVEN, HALF} <= set(os.listdir(processed))
                        and events_of(port, MOVED) != [], 10 * LEASE + 45)
        check(done, "all three published once the dead node's claims are "
              "10 leases old: %r" % os.listdir(processed))
        print("out %.1f s after b's start (lease %d s)"
              % (time.monotonic() - t0, LEASE))
        time.sleep(3 * LEASE)   # a second adoption would come by now
        for name in (GIVEN, HALF, MOVED, LINKED):
            got = events_of(port, name)
            check(len(got) == 1 and got[0][0] == idb,
                  "%s: one event in the stream, b's: %r" % (name, got))
        check(all(o == idb for o, _ in events_of(port, SAME)),
              "the %s events are b's" % SAME)
        with open(blog, errors="replace") as f:
            text = f.read()
        for name, where in ((GIVEN, "%s/.from/%s" % (NEVER, GHOST)),
                            (HALF, NEVER)):
            check("%s: in claimed/%s/ by a claim its node's death cut "
                  "short" % (name, where) in text,
                  "b's log: the dead node's link of %s dropped" % name)
        st = os.stat(os.path.join(processed, MOVED))
        check(st.st_nlink == 1 and [f for f in os.listdir(processed)
                                    if f.startswith(MOVED)] == [MOVED],
              "%s in processed/ once, one link" % MOVED)
        check(not inboxlib.said(blog, "%s: claimed 5 leases ago" % LINKED),
              "%s never given back" % LINKED)
        left = inboxlib.claimed_left(inbox)
        check(left == [], "nothing left claimed: %r" % left)
        check([f for f in os.listdir(inbox) if f.endswith(".html")] == [],
              "nothing left in the inbox")
        inboxlib.stop_checked("b", b)
    finally:
        inboxlib.close({"b": b}, srv)
    return clusterlib.finish(tmp)


if __name__ == "__main__":
    sys.exit(main())
