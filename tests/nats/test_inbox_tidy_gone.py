"""[cluster] leases, one shared inbox: what a node killed mid-move left
in failed/ is tidied by a live node once that node is judged gone, not
at the live node's next start only. One nats-server -js, 3 s leases:

- node a runs once, for its origin id, and stops; node b starts;
- big.html (2 kB) is put into a's claimed/ folder (a file a claimed),
  and a starts again, [inbox] max_size 1024 and the shim of
  tests/inbox/rename_cut.c preloaded: its start takes the file, fails
  it as too large, moves it into failed/ and is killed there, before
  its reason (written first as failed/big.html.error.INO.tmp) is put
  in place;
- 10 leases later b judges a gone, and its adoption pass puts the
  reason in place as big.html.error ("node ... gone" in its log), no
  .tmp left (an older version left it until b's next start).

Exit 77 (skip) without nats-server. Usage: test_inbox_tidy_gone.py
NEWSWIRED RENAME_CUT_SHIM
"""
import os
import sys
import time

import clusterlib
from clusterlib import check, wait_for
from inboxlib import origin
import inboxlib
from nwtest import shim_env
import opslib

LEASE = 3
BIG = "big.html"


def main():
    exe, tmp, srv, inbox, proxy = inboxlib.begin("nw-inbox-tidy-gone-")
    port = srv.port
    nodes = {}
    try:
        # a's origin id, from a first run
        a, _, alog = inboxlib.start(exe, tmp, "a", port, inbox, LEASE,
                                    more="[inbox]\nmax_size = 1024\n")
        if not check(a is not None, "node a starts"):
            return clusterlib.finish(tmp)
        ida = origin(alog)
        inboxlib.stop_checked("a", a)
        b, _, blog = inboxlib.start(exe, tmp, "b", port, inbox, LEASE)
        if not check(b is not None, "node b starts"):
            return clusterlib.finish(tmp)
        nodes["b"] = b
        mine = os.path.join(inbox, "claimed", ida)
        os.makedirs(mine, exist_ok=True)
        page = opslib.page(1, BIG).replace(b"</body>", b"<!-- %s --></body>"
                                           % (b"x" * 2000))
        staged = os.path.join(tmp, ".staged")
        with open(staged, "wb") as f:
            f.write(page)
        os.rename(staged, os.path.join(mine, BIG))
        a, _, alog = inboxlib.start(exe, tmp, "a", port, inbox, LEASE,
                                    more="[inbox]\nmax_size = 1024\n",
                                    env=shim_env(sys.argv[2]))
        gone = a is not None and wait_for(lambda: not a.alive(), 30)
        if a is not None:
            a.stop(signalled=True)
        half = os.path.join(inbox, "failed", BIG)
        check(gone and os.path.exists(half), "a killed after its move of "
              "%s into failed/" % BIG)
        if not os.path.exists(half):
            return clusterlib.finish(tmp)
        tmpf = "%s.error.%d.tmp" % (half, os.stat(half).st_ino)
        err = half + ".error"
        check(os.path.exists(tmpf) and not os.path.exists(err),
              "a left %s, no %s.error" % (os.path.basename(tmpf), BIG))
        t0 = time.monotonic()
        done = wait_for(lambda: os.path.exists(err) and
                        not os.path.exists(tmpf), 10 * LEASE + 20)
        check(done, "b put the reason in place once a was gone: %r"
              % sorted(os.listdir(os.path.join(inbox, "failed"))))
        print("tidied %.1f s after a's kill (lease %d s)"
              % (time.monotonic() - t0, LEASE))
        check(done and "max_size" in open(err).read(),
              "%s.error says why" % BIG)
        check(inboxlib.said(blog, "(node %s gone)" % ida),
              "b's log says whose leftovers it tidied")
        check(b.alive(), "b alive")
        inboxlib.stop_checked("b", b)
    finally:
        inboxlib.close(nodes, srv, proxy)
    return clusterlib.finish(tmp)


if __name__ == "__main__":
    sys.exit(main())
