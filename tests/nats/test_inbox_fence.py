"""[cluster] leases, one shared inbox: a node judged dead while it was
cut off from NATS, frozen or stopped publishes none of the files it had
claimed once it is back, if a live node adopted them meanwhile (the
fence: a node publishes a claimed file only while it is still in its
claimed/ and was claimed less than 5 leases ago; a live node adopts
from 10 leases on). One nats-server -js, 3 s leases, the stream's
duplicate window 1 s (a second publish under the same message ID is
not dropped for us):

- node a reaches NATS through a proxy the test controls. The test holds
  a's store locked, so that each turn with held.html in it rolls back
  and the file stays in a's claimed/ (a store that keeps failing); a is
  frozen (SIGSTOP: a paused VM, a stalled host) while its loop waits on
  the lock with the file in its turn, and cut off from NATS (the proxy
  closes its connections); the lock is let go;
- node b starts on the same inbox: a's key goes unrenewed 10 leases and
  is purged, b adopts held.html and publishes it;
- a is continued, still cut off: its turn commits without the file,
  gone from its claimed/ (newswire_inbox_claims_lost_total 1); then the
  proxy lets it through again: held.html has one event in the stream,
  b's, and a's journal has none (without the fence a journalled it at
  once and published it when it reached NATS again);
- a is stopped; a file put in its claimed/ by hand (what a stop that
  could not give a file back leaves); a starts again 5 leases later,
  while b may adopt the file from 10 on: a gives it back into the inbox
  (newswire_inbox_claims_renewed_total 1), where a or b claims it
  afresh: one event in the stream, and b adopted nothing of it;
- a file is left in the claimed/ of a node that never ran (dead by the
  leases' rule once its claim is 10 leases old); both stores are held
  locked, so that its adopter's turns roll back until the adoption is
  5 leases old; let go, the adopter gives it back into the inbox (not to
  the dead node's folder, where it would wait 10 leases more for
  another adoption): claimed afresh and published once within a store
  retry and 2 leases.

With SHIM (tests/inbox/noreplace_einval.c) preloaded into the daemons,
the claims, adoptions and give-backs go by hard link and unlink, as
where RENAME_NOREPLACE fails (NFS).

Exit 77 (skip) without nats-server. Usage: test_inbox_fence.py NEWSWIRED
[SHIM]
"""
import os
import signal
import sqlite3
import sys
import time

import clusterlib
from clusterlib import check, m, wait_for
from inboxlib import events_of, journal_files, origin, said
import inboxlib
from nwtest import shim_env
import opslib

LEASE = 3
HELD = "held.html"
LATE = "late.html"
STALE = "stale.html"
NEVER = "nwd-00000000000dead1"         # a node that never ran
# a's store turns rolled back are tried again each second
RETRY = "[store]\nretry = 1\n"


def lock_store(tmp, name):
    """A connection holding node name's store locked for writes (its
    turns wait a second, then roll back) until it is closed."""
    db = sqlite3.connect(os.path.join(tmp, name, "state", "newswire.db"),
                         timeout=10, isolation_level=None)
    db.execute("BEGIN EXCLUSIVE")
    return db


def stopped(pid):
    with open("/proc/%d/stat" % pid) as f:
        return f.read().rsplit(")", 1)[1].split()[0] == "T"


def freeze_in_turn(d, seconds):
    """SIGSTOPs the daemon d while its loop sleeps in SQLite's wait for
    the locked store (the turn it commits is in that wait): the same
    system call before and after the stop, a sleep. True once so."""
    pid = d.proc.pid
    end = time.monotonic() + seconds * clusterlib.FACTOR
    while time.monotonic() < end:
        with open("/proc/%d/wchan" % pid) as f:
            asleep = "nanosleep" in f.read()
        with open("/proc/%d/syscall" % pid) as f:
            call = f.read().split()[0]
        if asleep:
            d.signal(signal.SIGSTOP)
            wait_for(lambda: stopped(pid), 5)
            with open("/proc/%d/syscall" % pid) as f:
                if f.read().split()[0] == call:
                    return True
            d.signal(signal.SIGCONT)
        time.sleep(0.02)
    return False


class Run:
    """What the steps share: newswired, the folder, the server, the
    shared inbox, the daemons' environment, the nodes by name."""

    def __init__(self, exe, tmp, srv, env):
        self.exe, self.tmp, self.srv, self.env = exe, tmp, srv, env
        self.inbox = os.path.join(tmp, "inbox")
        os.makedirs(self.inbox)
        self.nodes = {}


def cut_off(run, proxy):
    """a frozen with held.html in its turn and cut off; b adopts and
    publishes the file; a, continued and let through, does not."""
    exe, tmp, srv, inbox, nodes = (run.exe, run.tmp, run.srv, run.inbox,
                                   run.nodes)
    a, amport, alog = inboxlib.start(exe, tmp, "a", proxy.port, inbox,
                                     LEASE, RETRY, run.env)
    if not check(a is not None, "node a starts"):
        return None
    nodes["a"] = a
    ida = origin(alog)
    check(wait_for(lambda: m(amport, "newswire_nats_connected") == 1, 15),
          "a reaches NATS through the proxy")
    db = lock_store(tmp, "a")
    opslib.drop(tmp, inbox, HELD, opslib.page(1, "held"))
    mine = os.path.join(inbox, "claimed", ida)
    check(wait_for(lambda: os.path.exists(os.path.join(mine, HELD)), 10),
          "a claims %s" % HELD)
    frozen = freeze_in_turn(a, 20)
    proxy.cut()
    db.close()
    if not check(frozen, "a frozen with %s in its turn" % HELD):
        return None
    t_freeze = time.monotonic()
    b, bmport, blog = inboxlib.start(exe, tmp, "b", srv.port, inbox, LEASE,
                                     env=run.env)
    if not check(b is not None, "node b starts"):
        return None
    nodes["b"] = b
    check(wait_for(lambda: events_of(srv.port, HELD) != [],
                   10 * LEASE + 30),
          "b adopts %s and publishes it" % HELD)
    print("%s adopted and published %.1f s after a froze (lease %d s)"
          % (HELD, time.monotonic() - t_freeze, LEASE))
    check(said(blog, "%s: claimed by node %s, which is dead"
                  % (HELD, ida)), "b's log: %s adopted from a" % HELD)
    a.signal(signal.SIGCONT)
    lost = "%s: taken from claimed/%s/ by another node" % (HELD, ida)
    check(wait_for(lambda: said(alog, lost), 15),
          "a, continued: %s not published, taken by another node" % HELD)
    check(HELD not in journal_files(tmp, "a"), "a's journal: no %s" % HELD)
    proxy.mend()
    check(wait_for(lambda: m(amport, "newswire_nats_connected") == 1, 20),
          "a reaches NATS again")
    time.sleep(2)   # what a would publish comes in this time
    got = events_of(srv.port, HELD)
    idb = origin(blog)
    check(len(got) == 1 and got[0][0] == idb and
          got[0][1].startswith("article.new"),
          "%s: one event in the stream, b's: %r" % (HELD, got))
    check(m(amport, "newswire_inbox_claims_lost_total") == 1,
          "a: newswire_inbox_claims_lost_total 1")
    check([m(bmport, "newswire_inbox_%s_total" % n) for n in
           ("adopted", "adopted_published", "adopted_nodes")] == [1, 0, 1],
          "b: one file adopted, not found published, from one node")
    return ida, blog


def restarted(run, ida, blog):
    """a stopped; a file in its claimed/ by hand; a started 5 leases
    later gives it back: published once, by a or b."""
    tmp, srv, inbox, nodes = run.tmp, run.srv, run.inbox, run.nodes
    check(nodes["a"].stop() == 0, "a stops cleanly")
    mine = os.path.join(inbox, "claimed", ida)
    staged = os.path.join(tmp, "." + LATE)
    with open(staged, "wb") as f:
        f.write(opslib.page(2, "late"))
    os.rename(staged, os.path.join(mine, LATE))
    time.sleep(5 * LEASE + 1)
    conf = os.path.join(tmp, "a", "newswired.conf")
    alog = os.path.join(tmp, "a", "newswired.log")
    a, amport = clusterlib.start_daemon(run.exe, conf, alog, run.env)
    if not check(a is not None, "a starts again"):
        return
    nodes["a"] = a
    processed = os.path.join(inbox, "processed")
    check(wait_for(lambda: LATE in os.listdir(processed) and
                   os.listdir(mine) == [], 20),
          "%s given back, claimed afresh and moved out" % LATE)
    time.sleep(2)
    got = events_of(srv.port, LATE)
    check(len(got) == 1, "%s: one event in the stream: %r" % (LATE, got))
    check(said(alog, "%s: claimed 5 leases ago or more" % LATE),
          "a's log: %s given back" % LATE)
    check(not said(blog, "%s: claimed by node" % LATE),
          "b adopted nothing of %s" % LATE)
    check(m(amport, "newswire_inbox_claims_renewed_total") == 1,
          "a: newswire_inbox_claims_renewed_total 1")


def stale_adoption(run, blog):
    """A file of a dead node adopted while the stores are locked, too
    old once they are let go: given back into the inbox, published once
    soon after."""
    tmp, srv, inbox = run.tmp, run.srv, run.inbox
    dead = os.path.join(inbox, "claimed", NEVER)
    os.makedirs(dead)
    staged = os.path.join(tmp, "." + STALE)
    with open(staged, "wb") as f:
        f.write(opslib.page(3, "stale"))
    os.rename(staged, os.path.join(dead, STALE))
    dbs = [lock_store(tmp, n) for n in ("a", "b")]
    claimed = os.path.join(inbox, "claimed")
    try:
        adopted = wait_for(lambda: [n for n in os.listdir(claimed) if
                                    os.path.exists(os.path.join(
                                        claimed, n, ".from", NEVER,
                                        STALE))], 10 * LEASE + 20)
        check(adopted, "%s adopted while the stores are locked" % STALE)
        time.sleep(5 * LEASE + 1)
    finally:
        for db in dbs:
            db.close()
    let_go = time.monotonic()
    # the adopter's store retry: 1 s on a, 10 s on b
    check(wait_for(lambda: events_of(srv.port, STALE) != [],
                   10 + 2 * LEASE),
          "%s published within a store retry and 2 leases of the "
          "stores let go (%.1f s)" % (STALE, time.monotonic() - let_go))
    time.sleep(2)
    got = events_of(srv.port, STALE)
    check(len(got) == 1, "%s: one event in the stream: %r" % (STALE, got))
    alog = os.path.join(tmp, "a", "newswired.log")
    text = "%s: claimed 5 leases ago or more" % STALE
    check(said(alog, text) or said(blog, text),
          "the adopter gave %s back" % STALE)
    check(not os.path.exists(os.path.join(dead, STALE)),
          "not back in the dead node's claimed/")


def main():
    exe, _, tmp, srv = clusterlib.begin_with_server("nw-inbox-fence-")
    run = Run(exe, tmp, srv, shim_env(sys.argv[2] if len(sys.argv) > 2
                                      else None))
    proxy = clusterlib.Proxy(srv.port)
    nodes = run.nodes
    try:
        got = cut_off(run, proxy)
        if got is not None:
            restarted(run, *got)
            stale_adoption(run, got[1])
    finally:
        rc = inboxlib.end(nodes, srv, proxy, tmp)
    return rc


if __name__ == "__main__":
    sys.exit(main())
