#!/usr/bin/env python3
"""A file worked on in the inbox itself (its claim refused) is not
published by a node that another node's claim beat: at its commit the
node claims it if it can now, else looks whether another node took it.

usage: test_inbox_unclaimed.py NEWSWIRED MOVE_HOLD_SHIM

Node A's claim of page.html is refused (the test made a folder of that
name in A's claimed/ folder: "is taken"), so A works on it in the inbox
itself. A shim (move_hold.c) holds A right after that refused claim,
while the test starts node B on the same inbox (a state of its own):
B claims the file, publishes it and moves it into processed/. Let go, A
finds at its commit that another node has the file: "claimed by another
node while worked on here", page.html in B's journal and not in A's
(main published it a second time, from A). A's first file, published, makes
its claimed/ folder.

Then B is stopped, and A's claim of second.html is refused the same way;
while A is held the test removes the obstacle: at its commit A claims
the file ("claimed into claimed/NODE/ before it is published"), and it
ends in processed/, published once.
Every wait is bounded; NW_TIME_FACTOR stretches them.
"""
import os
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "ops"))
sys.path.insert(0, os.path.join(here, "..", "lib"))
sys.path.insert(0, os.path.join(here, "..", "hostile"))
from opslib import Daemon, check, page  # noqa: E402
from hostilelib import (Sub, drop, finish, held,  # noqa: E402
                        journal_size, log_text, no_sanitizer_report,
                        node_conf, publish, stop, wait_for)
from nwtest import shim_env  # noqa: E402

TAKEN = "claimed by another node while worked on here in the inbox"
RETRY = "[store]\nretry = 2\n"


def refused(inbox, node, name, hold):
    """A's claim of name refused (a folder of that name in its claimed/
    folder), A held after it."""
    os.mkdir(os.path.join(inbox, "claimed", node, name))
    open(hold, "w").close()
    drop(inbox, name, page(len(name), name))
    check(held(hold), "%s: A's claim refused, A held there" % name)


def main():
    exe, shim = sys.argv[1], sys.argv[2]
    tmp = tempfile.mkdtemp(prefix="nw-inbox-unclaimed-")
    inbox = os.path.join(tmp, "inbox")
    os.makedirs(inbox)
    conf_a, state_a, logp = node_conf(tmp, "a", inbox, RETRY)
    conf_b, state_b, logb = node_conf(tmp, "b", inbox, RETRY)
    hold = os.path.join(tmp, "hold")
    env = dict(shim_env(shim), NW_HOLD=hold, NW_HOLD_AT="/claimed/",
               NW_HOLD_FAILED="1")
    sub = Sub()
    a = b = None
    try:
        a = Daemon(exe, conf_a, logp, env=env)
        check(sub.follow(a.pub_port()), "A's publish port")
        check(sub.wait(lambda: len(sub.beats) > 0, 20, a.alive),
              "A's heartbeat")
        check(publish(inbox, "first.html", page(1, "first.html")),
              "first.html done")    # makes A's claimed/ folder
        nodes = os.listdir(os.path.join(inbox, "claimed"))
        check(len(nodes) == 1, "A's claimed/ folder: %r" % nodes)
        node = nodes[0]

        refused(inbox, node, "page.html", hold)
        b = Daemon(exe, conf_b, logb)
        check(wait_for(lambda: os.path.exists(os.path.join(
            inbox, "processed", "page.html")), 20),
              "B claimed, published and moved the file")
        os.unlink(hold)
        check(wait_for(lambda: TAKEN in log_text(logp), 10),
              "A says another node took it: %r"
              % [ln for ln in log_text(logp).splitlines()
                 if "page.html" in ln])
        sub.settle(2)
        sub.settle(1)
        check(journal_size(state_a) == 1, "page.html not in A's journal: "
              "%d events" % journal_size(state_a))
        check(len(sub.events) == 1 and journal_size(state_b) == 1,
              "page.html published once, by B: A's events %r, B's journal "
              "%d" % ([t for t, _ in sub.events], journal_size(state_b)))
        stop(b)
        b = None

        refused(inbox, node, "second.html", hold)
        os.rmdir(os.path.join(inbox, "claimed", node, "second.html"))
        os.unlink(hold)
        check(wait_for(lambda: os.path.exists(os.path.join(
            inbox, "processed", "second.html")), 10),
              "second.html moved into processed/")
        check("second.html: claimed into claimed/%s/ before it is "
              "published" % node in log_text(logp),
              "A claimed it at its commit")
        sub.settle(1)
        check(len(sub.events) == 2 and journal_size(state_a) == 2,
              "second.html published once, by A: %r"
              % [t for t, _ in sub.events])
        check(a.alive(), "A alive")
        stop(a)
        a = None
    finally:
        sub.close()
        for d in (a, b):
            if d is not None and d.alive():
                d.proc.kill()
    no_sanitizer_report(log_text(logp))
    no_sanitizer_report(log_text(logb))
    finish(tmp, logp)


if __name__ == "__main__":
    main()
