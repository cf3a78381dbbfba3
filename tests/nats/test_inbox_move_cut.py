"""[cluster] leases, one shared inbox, where moves go by hard link and
unlink (RENAME_NOREPLACE refused, as on NFS): a node killed between the
link of a file's move out of its claim and the unlink, and cut off from
NATS before (the stream lacks its event), is adopted by a node that
decides otherwise, and the file ends in one folder, the one of the event
the stream has. One nats-server -js, 3 s leases:

- node a, cut off (a proxy that closes its connections), [inbox]
  max_size 1024 and the shim of tests/inbox/move_cut.c preloaded: it
  fails big.html (2 kB) as too large and is killed by the shim between
  the link into failed/ and the unlink (the file in a's claimed/ and in
  failed/, its reason written as NAME.error.INO.tmp, no NAME.error);
- node a2, cut off too, no size limit, the same shim: it journals
  mid.html (8 kB) as an article and is killed between the link into
  processed/ and the unlink (the move's mark, processed/.NAME.moving,
  left);
- kept.html (8 kB), made by hand in a's claimed/ and linked into
  processed/ without a mark, as a user's file linked back into the
  inbox from processed/ and claimed by a before it died;
- node b, on the server, max_size 4096 (SHIM, tests/inbox's
  noreplace_einval.c, preloaded), adopts the three once the claims are
  10 leases old (their nodes' keys never written: dead by the leases'
  rule): it finds no event of theirs, publishes big.html as an article
  and fails mid.html and kept.html. Each is in the stream once, as b
  decided; big.html and mid.html in one folder: big.html in processed/
  only (before round 16 in failed/ too, with no NAME.error), mid.html in
  failed/ with its NAME.error and not in processed/, no mark nor .tmp
  left; kept.html in failed/ with its NAME.error and still in
  processed/ (before round 17 that link was dropped as a move cut
  short: the user's file gone from processed/).

Exit 77 (skip) without nats-server. Usage: test_inbox_move_cut.py
NEWSWIRED MOVE_CUT_SHIM SHIM
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
BIG, MID, KEPT = "big.html", "mid.html", "kept.html"
CUT_ENV = shim_env(sys.argv[2])
ENV = shim_env(sys.argv[3])


def big_page(i, name):
    """An article of about 8 kB: a page padded by a comment."""
    page = opslib.page(i, name)
    return page.replace(b"</body>", b"<!-- %s --></body>" % (b"x" * 6000))


def linked_back(tmp, inbox, dead):
    """kept.html in processed/ and, the same file, in the dead node's
    claimed/ (no mark: no move out made that link)."""
    staged = os.path.join(tmp, ".staged")
    with open(staged, "wb") as f:
        f.write(big_page(3, KEPT))
    os.rename(staged, os.path.join(inbox, "processed", KEPT))
    os.link(os.path.join(inbox, "processed", KEPT),
            os.path.join(inbox, "claimed", dead, KEPT))


def killed_mid_move(exe, tmp, proxy, inbox, node, more, name, data, out):
    """Node node, cut off, with the shim that kills it mid-move: name
    dropped, the node killed between its link into out/ and its unlink.
    The node's origin id, or None."""
    d, _, log = inboxlib.start(exe, tmp, node, proxy.port, inbox, LEASE,
                               more=more, env=CUT_ENV)
    if not check(d is not None, "node %s starts" % node):
        return None
    ident = origin(log)
    opslib.drop(tmp, inbox, name, data)
    gone = wait_for(lambda: not d.alive(), 60)
    d.stop(signalled=True)
    mine = os.path.join(inbox, "claimed", ident, name)
    half = os.path.join(inbox, out, name)
    check(gone and os.path.exists(mine) and os.path.exists(half) and
          os.stat(mine).st_ino == os.stat(half).st_ino,
          "%s killed mid-move: %s in its claimed/ and in %s/" % (node, name,
                                                                 out))
    mark = (os.path.join(inbox, out, "." + name + ".moving")
            if out == "processed" else "%s.error.%d.tmp"
            % (half, os.stat(half).st_ino))
    check(os.path.exists(mark), "%s's move left %s" % (node, mark))
    return ident


def one_folder(inbox, name, there, not_there):
    """name in there/ once, one link, and not in not_there/."""
    got = [f for f in os.listdir(os.path.join(inbox, there))
           if f.startswith(name) and not f.endswith(".error")]
    path = os.path.join(inbox, there, name)
    check(got == [name] and os.stat(path).st_nlink == 1,
          "%s in %s/ once, one link: %r" % (name, there, got))
    left = [f for f in os.listdir(os.path.join(inbox, not_there))
            if f.startswith(name)]
    check(left == [], "%s not in %s/: %r" % (name, not_there, left))


def main():
    exe, tmp, srv, inbox, proxy = inboxlib.begin("nw-inbox-mcut-")
    port = srv.port
    proxy.cut()
    nodes = {}
    try:
        ida = killed_mid_move(exe, tmp, proxy, inbox, "a",
                              "[inbox]\nmax_size = 1024\n", BIG,
                              opslib.page(1, BIG), "failed")
        ida2 = killed_mid_move(exe, tmp, proxy, inbox, "a2", "", MID,
                               big_page(2, MID), "processed")
        if ida is None or ida2 is None:
            return clusterlib.finish(tmp)
        linked_back(tmp, inbox, ida)
        check(not os.path.exists(os.path.join(inbox, "failed",
                                              BIG + ".error")),
              "no %s.error: a died before it" % BIG)
        t0 = time.monotonic()
        b, _, blog = inboxlib.start(exe, tmp, "b", port, inbox, LEASE,
                                    more="[inbox]\nmax_size = 4096\n",
                                    env=ENV)
        if not check(b is not None, "node b starts"):
            return clusterlib.finish(tmp)
        nodes["b"] = b
        idb = origin(blog)
        done = wait_for(lambda: events_of(port, BIG) != [] and
                        events_of(port, MID) != [] and
                        events_of(port, KEPT) != [] and
                        inboxlib.claimed_left(inbox) == [], 10 * LEASE + 45)
        check(done, "b adopts and publishes both: %r"
              % inboxlib.claimed_left(inbox))
        print("out %.1f s after b's start (lease %d s)"
              % (time.monotonic() - t0, LEASE))
        time.sleep(2)   # a second publish would come in this time
        big, mid = events_of(port, BIG), events_of(port, MID)
        check(len(big) == 1 and big[0][0] == idb and
              big[0][1].startswith("article.new"),
              "%s: one article event, b's: %r" % (BIG, big))
        kept = events_of(port, KEPT)
        for name, got in ((MID, mid), (KEPT, kept)):
            check(len(got) == 1 and got[0][0] == idb and
                  got[0][1].startswith("source.error"),
                  "%s: one source.error event, b's: %r" % (name, got))
        one_folder(inbox, BIG, "processed", "failed")
        one_folder(inbox, MID, "failed", "processed")
        for name in (MID, KEPT):
            err = os.path.join(inbox, "failed", name + ".error")
            check(os.path.exists(err) and "max_size" in open(err).read(),
                  "%s.error says why" % name)
        marks = [f for d in ("processed", "failed")
                 for f in os.listdir(os.path.join(inbox, d))
                 if f.startswith(".") or f.endswith(".tmp")]
        check(marks == [], "no mark nor .tmp left: %r" % marks)
        link = [os.path.join(inbox, d, KEPT) for d in ("processed",
                                                       "failed")]
        check(all(os.path.exists(p) for p in link) and
              os.stat(link[0]).st_ino == os.stat(link[1]).st_ino,
              "%s failed, its processed/ link kept" % KEPT)
        check(inboxlib.said(blog, "%s: also in processed/, a link no "
                            "move out of it made" % KEPT),
              "b's log: the processed/ link of %s kept" % KEPT)
        for name, where in ((BIG, "failed"), (MID, "processed")):
            check(inboxlib.said(blog, "%s: also in %s/ by a move out that "
                                "a kill cut short" % (name, where)),
                  "b's log: the %s/ link of %s dropped" % (where, name))
        inboxlib.stop_checked("b", b)
    finally:
        inboxlib.close(nodes, srv, proxy)
    return clusterlib.finish(tmp)


if __name__ == "__main__":
    sys.exit(main())
