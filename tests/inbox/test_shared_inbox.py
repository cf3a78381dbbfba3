#!/usr/bin/python3
"""Two newswired nodes on one inbox folder (as on a shared file system),
each with its own state, against the real daemon:
- files dropped while both run are each published once (in the two
  journals together), by one node,
  and moved to processed/ once (no NAME.SEQ second copy, nothing failed,
  nothing left in the inbox or in a node's claimed/NODE/);
- a node killed (SIGKILL) in the middle of a burst: once it is started
  again, every file of the burst is published by exactly one node (the
  killed node's journal, sent again under the same seq, counts once), and
  nothing is left claimed;
- a file in a node's claimed/NODE/ when it starts (what a kill leaves) is
  taken by that node, not by the other; a file claimed by a node that is
  not running stays where it is.

With SHIM (tests/inbox/noreplace_einval.c), the daemons run with it
preloaded: renameat2() with RENAME_NOREPLACE fails with EINVAL, as on a
file system without the flag (NFS); the claims and the moves out go by
hard link then, and all of the above holds the same (checked first:
the shim makes the call fail; and then: no claim or move failed).

usage: test_shared_inbox.py NEWSWIRED [SHIM]
"""
import errno
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "lib"))
sys.path.insert(0, os.path.join(HERE, "..", "ops"))
from nwtest import (Sub, check, failures, inbox_waiting,  # noqa: E402
                    shim_env, verdict)
import opslib  # noqa: E402

N_BURST = 60
N_KILL = 40


def conf(tmp, node):
    path = os.path.join(tmp, node + ".conf")
    with open(path, "w") as f:
        f.write("[inbox]\npath = %s/inbox\nsource_name = inbox\n"
                "empty_grace = 0\n[daemon]\nstate = %s/%s-state\n"
                "workers = 2\nqueue_size = 4\nlog_level = debug\n"
                "metrics =\n[publish]\nendpoint = tcp://127.0.0.1:*\n"
                "heartbeat = 1\nhwm = 10000\nreplay = tcp://127.0.0.1:*\n"
                % (tmp, tmp, node))
    return path


SHIM_PROBE = """
import ctypes, os, sys
libc = ctypes.CDLL(None, use_errno=True)
d = sys.argv[1]
open(os.path.join(d, "x"), "w").close()
rc = libc.renameat2(-100, os.path.join(d, "x").encode(), -100,
                    os.path.join(d, "y").encode(), 1)
print(rc, ctypes.get_errno(), os.path.exists(os.path.join(d, "y")))
"""


def shim_works(shim, tmp):
    """Whether a process with shim preloaded sees renameat2() with
    RENAME_NOREPLACE fail with EINVAL, the file not moved."""
    d = os.path.join(tmp, "probe")
    os.makedirs(d)
    env = dict(os.environ, LD_PRELOAD=shim)
    out = subprocess.run(["/usr/bin/python3", "-c", SHIM_PROBE, d],
                         env=env, capture_output=True, text=True).stdout
    return out.split() == ["-1", str(errno.EINVAL), "False"]


class Node:
    """A newswired and a subscriber that follows it across restarts."""

    def __init__(self, exe, tmp, name, env=None):
        self.env = env or {}
        self.exe, self.conf = exe, conf(tmp, name)
        self.log = os.path.join(tmp, name + ".log")
        self.state = os.path.join(tmp, name + "-state")
        self.sub = Sub()
        self.d = None
        self.origin = None

    def start(self):
        self.d = opslib.Daemon(self.exe, self.conf, self.log,
                               env=self.env)
        check(self.sub.follow(self.d.pub_port()), "%s started" % self.conf)
        self.sub.beats.clear()
        ok = self.sub.wait(lambda: self.sub.beats, 20, self.d.alive)
        if check(ok, "%s: a heartbeat" % self.conf):
            self.origin = self.sub.beats[-1]["origin"]["id"]

    def files(self, prefix):
        """name -> set of seqs of the article events for it in the
        node's journal (what it published: a subscriber that connects
        after a start misses what the start takes first)."""
        got = {}
        db = os.path.join(self.state, "newswire.db")
        if not os.path.exists(db):
            return got
        db = sqlite3.connect("file:%s?mode=ro" % db, uri=True, timeout=10)
        try:
            rows = db.execute("SELECT seq, topic, event FROM journal"
                              ).fetchall()
        except sqlite3.OperationalError:
            rows = []   # being created
        finally:
            db.close()
        for seq, t, e in rows:
            e = json.loads(e)
            name = (e["source"]["uri"] or "").rsplit("/", 1)[-1]
            if t.startswith("article.") and name.startswith(prefix):
                got.setdefault(name, set()).add(seq)
        return got


def published(nodes, prefix):
    """name -> number of (node, seq) events for it, over every node."""
    count = {}
    for n in nodes:
        for name, seqs in n.files(prefix).items():
            count[name] = count.get(name, 0) + len(seqs)
    return count


def poll_all(nodes, pred, seconds):
    end = time.monotonic() + seconds * opslib.FACTOR
    while not pred():
        if time.monotonic() >= end:
            return False
        for n in nodes:
            n.sub.poll(50)
    return True


def settle(nodes, seconds):
    poll_all(nodes, lambda: False, seconds)


def waiting(inbox, prefix):
    """The files of prefix in the inbox or a claimed/ folder."""
    return [n for n in inbox_waiting(inbox) if n.startswith(prefix)]


def check_once(nodes, inbox, prefix, names):
    count = published(nodes, prefix)
    twice = sorted(n for n, c in count.items() if c > 1)
    check(sorted(count) == sorted(names) and not twice,
          "%s: each of %d files published once: %d published, twice: %r"
          % (prefix, len(names), len(count), twice[:5]))
    done = [n for n in os.listdir(os.path.join(inbox, "processed"))
            if n.startswith(prefix)]
    check(sorted(done) == sorted(names),
          "%s: each in processed/ once (%d files, %r...)"
          % (prefix, len(done), sorted(set(done) - set(names))[:3]))
    check(not waiting(inbox, prefix),
          "%s: none left in the inbox or claimed/: %r"
          % (prefix, inbox_waiting(inbox)[:5]))
    print("%s: %s" % (prefix, ", ".join(
        "%s took %d" % (n.origin, len(n.files(prefix))) for n in nodes)))


def main():
    newswired = sys.argv[1]
    shim = sys.argv[2] if len(sys.argv) > 2 else None
    tmp = tempfile.mkdtemp(prefix="nw-shared-inbox-")
    inbox = os.path.join(tmp, "inbox")
    if shim is not None and not check(shim_works(shim, tmp),
                                      "the shim makes RENAME_NOREPLACE "
                                      "fail with EINVAL"):
        return 1
    a = Node(newswired, tmp, "a", shim_env(shim))
    b = Node(newswired, tmp, "b", shim_env(shim))
    nodes = (a, b)
    try:
        a.start()
        b.start()
        check(a.origin != b.origin, "two origins: %s %s"
              % (a.origin, b.origin))

        # both nodes see every file appear
        names = ["s-%03d.html" % i for i in range(N_BURST)]
        for i, name in enumerate(names):
            opslib.drop(tmp, inbox, name, opslib.page(i, "shared"))
        # published and moved out (the move comes after the event)
        check(poll_all(nodes, lambda: len(published(nodes, "s-")) >=
                       N_BURST and not waiting(inbox, "s-"), 60),
              "the burst published")
        settle(nodes, 2)
        check_once(nodes, inbox, "s-", names)
        check(not os.listdir(os.path.join(inbox, "failed")),
              "nothing failed: %r" % os.listdir(os.path.join(inbox,
                                                             "failed"))[:5])

        # a node killed mid-burst, then started again
        names = ["k-%03d.html" % i for i in range(N_KILL)]
        for i, name in enumerate(names):
            opslib.drop(tmp, inbox, name, opslib.page(i, "kill"))
            if i == N_KILL // 2:
                a.d.signal(signal.SIGKILL)
        a.d.stop(signalled=True)
        held = os.listdir(os.path.join(inbox, "claimed", a.origin))
        print("claimed by the killed node: %d" % len(held))
        settle(nodes, 2)
        a.start()
        check(poll_all(nodes, lambda: len(published(nodes, "k-")) >=
                       N_KILL and not inbox_waiting(inbox), 60),
              "the burst published after the restart")
        settle(nodes, 2)
        check_once(nodes, inbox, "k-", names)

        # what a kill leaves in a node's claimed/NODE/: its own start
        # takes it; another node's claims are not touched
        a.d.stop()
        mine = os.path.join(inbox, "claimed", a.origin)
        dead = os.path.join(inbox, "claimed", "nwd-00000000deadbeef")
        os.makedirs(dead)
        for d, name, i in ((mine, "r-mine.html", 1),
                           (dead, "r-dead.html", 2)):
            with open(os.path.join(d, name), "wb") as f:
                f.write(opslib.page(i, "reclaim"))
        a.start()
        check(poll_all(nodes, lambda: published(nodes, "r-") and
                       os.listdir(mine) == [], 20),
              "the claimed file published")
        settle(nodes, 2)
        check(sorted(a.files("r-")) == ["r-mine.html"] and
              not b.files("r-"),
              "the node's own claim published by it alone: a %r, b %r"
              % (sorted(a.files("r-")), sorted(b.files("r-"))))
        check(os.listdir(mine) == [] and
              os.listdir(dead) == ["r-dead.html"],
              "its claim done, the other's left: %r %r"
              % (os.listdir(mine), os.listdir(dead)))
    finally:
        rcs = [n.d.stop() if n.d is not None else None for n in nodes]
        for n in nodes:
            n.sub.close()
    check(rcs == [0, 0], "both exit 0: %r" % rcs)
    for n in nodes:
        text = open(n.log, errors="replace").read()
        for mark in ("runtime error:", "Sanitizer", "cannot claim",
                     "cannot move"):
            check(mark not in text, "%r in %s" % (mark, n.log))
    if failures:
        for n in nodes:
            sys.stderr.write(open(n.log, errors="replace").read()[-3000:])
    else:
        shutil.rmtree(tmp)
    return verdict(tmp)


if __name__ == "__main__":
    sys.exit(main())
