"""[cluster] leases and one inbox folder shared by the nodes: what a
node held in its claimed/ORIGIN/ when it died, and it never comes back,
is taken over by one live node and published exactly once. One
nats-server -js, 3 s leases, the stream's duplicate window 1 s (a second
publish under the same message ID is not dropped for us):

- node a alone; its processed/ is made a dangling symlink, so that the files
  it publishes stay in its claimed/ (committed, their events in the
  stream, never moved: what a kill between the commit and the move
  leaves); then it is SIGKILLed, and never started again;
- 3 more files are put in its claimed/ by hand (what a kill between a
  claim and a commit leaves: claimed, never published), and one in its
  claimed/ORIGIN/.from/GHOST/ (a file a had adopted from a dead node
  GHOST, and not published);
- nodes b and c start on the same inbox. Once a's key is purged (10
  leases unrenewed), each of the 8 files is adopted by one of them: the
  4 a published are moved to processed/ with no event (b's and c's
  journals have none for them), the 3 others published once; in the
  stream each file has exactly one article event, and nothing is left
  claimed; all within 10 leases and 45 s; b's and c's counters
  (newswire_inbox_*_total in /metrics) add up to 8 files adopted, 4
  found published, and say one node adopted from on each adopter;
- what a kill of the adopter leaves in its claimed/THIS/.from/ORIGIN/
  (put there by hand while b is stopped: one of the files a published,
  and a new one) is taken by b's next start, asked of the stream all
  the same: the first moved out again with no event (counted found
  published, not adopted), the second published once.

With SHIM (tests/inbox/noreplace_einval.c) preloaded into the daemons,
the claims, adoptions and moves go by hard link and unlink, as where
RENAME_NOREPLACE fails (NFS).

Exit 77 (skip) without nats-server. Usage: test_inbox_adopt.py NEWSWIRED
[SHIM]
"""
import os
import signal
import sys
import time

import clusterlib
from clusterlib import check, m, wait_for
from inboxlib import journal_files, origin, stream_files
import inboxlib
from nwtest import shim_env
import opslib

LEASE = 3
K_PUBLISHED = 4
K_CLAIMED = 3
GHOST = "nwd-00000000000dead0"
# the daemons' environment: SHIM preloaded, if given
ENV = shim_env(sys.argv[2] if len(sys.argv) > 2 else None)


def counters(mport):
    """A node's newswire_inbox_* counters: (files adopted, of them
    found published, dead nodes adopted from, claims given back, claims
    lost)."""
    return tuple(m(mport, "newswire_inbox_%s_total" % n) for n in (
        "adopted", "adopted_published", "adopted_nodes", "claims_renewed",
        "claims_lost"))


def adopt_counters(mports):
    """b's and c's counters add up to the 8 files of a adopted, the 4
    it published found; each adopted from one node, a, if from any."""
    got = {n: counters(p) for n, p in mports.items()}
    check(all(None not in v for v in got.values()),
          "the counters are in /metrics: %r" % got)
    if any(None in v for v in got.values()):
        return
    check(sum(v[0] for v in got.values()) == K_PUBLISHED + K_CLAIMED + 1,
          "newswire_inbox_adopted_total: %d in all: %r"
          % (K_PUBLISHED + K_CLAIMED + 1, got))
    check(sum(v[1] for v in got.values()) == K_PUBLISHED,
          "newswire_inbox_adopted_published_total: %d in all: %r"
          % (K_PUBLISHED, got))
    check(all(v[2] == (1 if v[0] else 0) for v in got.values()),
          "newswire_inbox_adopted_nodes_total: 1 on an adopter: %r" % got)
    check(all(v[3:] == (0, 0) for v in got.values()),
          "no claim given back or lost: %r" % got)


def restart_adopter(exe, tmp, port, inbox, ida, nodes, logs):
    """b stopped; in its claimed/B/.from/A/, a file a published (out of
    processed/ again) and a new one; b started: each published once."""
    check(nodes["b"].stop() == 0, "b stops cleanly")
    idb = origin(logs["b"])
    held = os.path.join(inbox, "claimed", idb, ".from", ida)
    os.makedirs(held, exist_ok=True)
    old = sorted(f for f in os.listdir(os.path.join(inbox, "processed"))
                 if f.startswith("pub-"))[0]
    os.rename(os.path.join(inbox, "processed", old),
              os.path.join(held, old))
    with open(os.path.join(held, "late.html"), "wb") as f:
        f.write(opslib.page(200, "late"))
    d, mport = clusterlib.start_daemon(exe, os.path.join(tmp, "b",
                                                         "newswired.conf"),
                                       logs["b"], ENV)
    if not check(d is not None, "b starts again"):
        return
    nodes["b"] = d
    done = wait_for(lambda: os.listdir(held) == [] and {old, "late.html"}
                    <= set(os.listdir(os.path.join(inbox, "processed"))),
                    30)
    check(done, "b's adopted files out after its restart: %r"
          % os.listdir(held))
    time.sleep(2)
    got = stream_files(port)
    for f, by in ((old, ida), ("late.html", idb)):
        n = [o for name, o, _ in got if name == f]
        check(n == [by], "%s: one event in the stream, %s's: %r"
              % (f, by, n))
    check(journal_files(tmp, "b").count("late.html") == 1 and
          old not in journal_files(tmp, "b"),
          "b's journal: late.html once, %s not" % old)
    check(counters(mport) == (0, 1, 0, 0, 0),
          "b's counters after its restart: none adopted, %s found "
          "published: %r" % (old, counters(mport)))


def main():
    exe, _, tmp, srv = clusterlib.begin_with_server("nw-inbox-adopt-")
    port = srv.port
    inbox = os.path.join(tmp, "inbox")
    os.makedirs(inbox)
    # a name escaped in source.uri: matched all the same
    published = sorted(["pub-%d.html" % i for i in range(K_PUBLISHED - 1)]
                       + ["pub %d\u00e9.html" % K_PUBLISHED])
    claimed = ["held-%d.html" % i for i in range(K_CLAIMED)] + [
        "ghost.html"]
    nodes = {}
    try:
        a, _, alog = inboxlib.start(exe, tmp, "a", port, inbox, LEASE,
                                    env=ENV)
        if not check(a is not None, "node a starts"):
            return clusterlib.finish(tmp)
        nodes["a"] = a
        ida = origin(alog)
        processed = os.path.join(inbox, "processed")
        os.rmdir(processed)     # a's moves out fail (the watcher
        os.symlink("nowhere", processed)        # leaves a symlink be)
        for i, name in enumerate(published):
            opslib.drop(tmp, inbox, name, opslib.page(i, "published"))
        mine = os.path.join(inbox, "claimed", ida)
        check(wait_for(lambda: sorted(f for f, o, _ in stream_files(port)
                                      if o == ida) == published, 30),
              "a published its %d files: %r"
              % (K_PUBLISHED, stream_files(port)))
        check(sorted(os.listdir(mine)) == published,
              "... and holds them in claimed/%s: %r"
              % (ida, os.listdir(mine)))
        a.signal(signal.SIGKILL)
        a.stop(signalled=True)
        t_kill = time.monotonic()
        os.unlink(processed)
        os.mkdir(processed)
        os.makedirs(os.path.join(mine, ".from", GHOST))
        for i, name in enumerate(claimed):
            staged = os.path.join(tmp, "." + name)
            with open(staged, "wb") as f:
                f.write(opslib.page(100 + i, "claimed"))
            os.rename(staged, os.path.join(
                mine, ".from", GHOST, name) if name == "ghost.html"
                else os.path.join(mine, name))

        logs, mports = {}, {}
        for name in ("b", "c"):
            d, mports[name], log = inboxlib.start(exe, tmp, name, port,
                                                  inbox, LEASE, env=ENV)
            if not check(d is not None, "node %s starts" % name):
                return clusterlib.finish(tmp)
            nodes[name], logs[name] = d, log
        every = sorted(published + claimed)
        done = wait_for(lambda: sorted(os.listdir(processed)) == every,
                        10 * LEASE + 45)
        took = time.monotonic() - t_kill
        check(done, "every file in processed/ once: %r"
              % sorted(os.listdir(processed)))
        print("a's files adopted and out %.1f s after its kill (lease "
              "%d s)" % (took, LEASE))
        check(took >= 10 * LEASE, "not before 10 leases (%.1f s)" % took)
        time.sleep(2)   # a second publish would come in this time
        got = stream_files(port)
        for f in every:
            n = [(o, t) for name, o, t in got if name == f]
            check(len(n) == 1 and n[0][1].startswith("article.new"),
                  "%s: one article event in the stream: %r" % (f, n))
        by = {f: o for f, o, _ in got}
        check(all(by.get(f) == ida for f in published),
              "the files a published are a's events only")
        check(all(by.get(f) not in (None, ida) for f in claimed),
              "the files a never published are b's or c's")
        again = [f for n in ("b", "c") for f in journal_files(tmp, n)
                 if f in every]
        check(sorted(again) == sorted(claimed),
              "b's and c's journals: the %d files a never published, "
              "once each: %r" % (len(claimed), sorted(again)))
        text = "".join(open(logs[n], errors="replace").read()
                       for n in ("b", "c"))
        for f in every:
            check(text.count("%s: claimed by node %s, which is dead"
                             % (f, ida)) == 1,
                  "%s adopted by one node" % f)
        for f in published:
            check("%s: published by node %s as seq" % (f, ida) in text,
                  "%s: found in the stream as a's" % f)
        left = [os.path.join(r, f) for r, _, fs in
                os.walk(os.path.join(inbox, "claimed")) for f in fs]
        check(left == [], "nothing left claimed: %r" % left)
        check(os.listdir(os.path.join(inbox, "failed")) == [],
              "nothing failed")
        adopt_counters(mports)
        restart_adopter(exe, tmp, port, inbox, ida, nodes, logs)
        for name in ("b", "c"):
            inboxlib.stop_checked(name, nodes[name])
    finally:
        for d in nodes.values():
            if d.alive():
                d.stop()
        srv.stop()
    return clusterlib.finish(tmp)


if __name__ == "__main__":
    sys.exit(main())
