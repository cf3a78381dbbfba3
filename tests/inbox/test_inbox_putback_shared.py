#!/usr/bin/env python3
"""A file put back by hand into a shared inbox (two nodes on one folder):
the node that published it claims it at once, so the other does not
publish it again; and where its claim is refused, the node says
truthfully why it lost the file to the other.

usage: test_inbox_putback_shared.py NEWSWIRED READ_HOLD

Node A publishes page.html (seq 1) and moves it into processed/. The
test moves it back into the inbox as it was (its ctime later); a shim
(read_hold.c) holds A's worker reading it, and the test starts node B
(a state of its own) on the same inbox. A judged it put back when it was
offered: the store marks it so and A claims it at once, so B finds
nothing to take; let go, A moves it out again, not sent again, and B's
journal is empty (an older version worked on it in the inbox unclaimed,
claimed at its commit: B claimed it first and published it again, and A
logged "claimed by another node while worked on here in the inbox (its
claim was refused here)" and counted it as a claim lost).

Then second.html, published by A, is put back while A's claim of that
name is refused (a folder of that name in A's claimed/ folder) and B is
stopped: A works on it in the inbox, held reading it; B, started again,
claims it and publishes it; A's
log says it was put back, worked on unclaimed, and claimed by the other
node (not a claim of its own lost).

Then page.html is put back again (B stopped, started again once A's
worker reads it) and A is stopped (SIGTERM) while its worker reads it:
the stop leaves it in A's claimed/ folder, where B does not take it (given back into the inbox, B published it again);
A's next start judges it put back by the store's mark: moved out, not
sent again. Every wait is bounded; NW_TIME_FACTOR stretches them.
"""
import os
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "ops"))
sys.path.insert(0, os.path.join(here, "..", "lib"))
sys.path.insert(0, os.path.join(here, "..", "hostile"))
from opslib import Daemon, check, page  # noqa: E402
from hostilelib import (Sub, finish, held, journal_size,  # noqa: E402
                        lines_of as lines, log_text, no_sanitizer_report,
                        node_conf, publish, put_back, stop, wait_for)
from nwtest import inbox_waiting, shim_env  # noqa: E402

SAME = "%s: put back into the inbox after its move out, identical to seq"
TAKEN = "%s: put back into the inbox by hand and worked on here in the " \
    "inbox, unclaimed"


def put_back_held(inbox, name, hold):
    """name moved back from processed/ (a second after its commit), A's
    worker held reading it."""
    put_back(inbox, name, hold)
    check(held(hold), "%s: A's worker holds reading it" % name)


def body(exe, tmp, inbox, read_hold, sub, nodes):
    conf_a, state_a, logp = node_conf(tmp, "a", inbox)
    conf_b, state_b, logb = node_conf(tmp, "b", inbox)
    hold = os.path.join(tmp, "hold")
    env = dict(shim_env(read_hold), NW_HOLD=hold, NW_HOLD_READ=".html")
    a = nodes["a"] = Daemon(exe, conf_a, logp, env=env)
    check(sub.follow(a.pub_port()), "A's publish port")
    check(sub.wait(lambda: len(sub.beats) > 0, 20, a.alive), "A's heartbeat")
    check(publish(inbox, "page.html", page(1, "page.html")) and
          publish(inbox, "second.html", page(2, "second.html")),
          "A published both")
    mine = os.listdir(os.path.join(inbox, "claimed"))
    check(len(mine) == 1, "A's claimed/ folder: %r" % mine)

    put_back_held(inbox, "page.html", hold)
    b = nodes["b"] = Daemon(exe, conf_b, logb)
    b.pub_port()
    time.sleep(2)       # B's start and scan of the inbox
    os.unlink(hold)
    check(wait_for(lambda: os.path.exists(os.path.join(
        inbox, "processed", "page.html")) and inbox_waiting(inbox) == [],
        20), "page.html moved out: %r" % inbox_waiting(inbox))
    sub.settle(1)
    check(journal_size(state_b) == 0, "B did not publish it again: B's "
          "journal %d, B's log %r" % (journal_size(state_b),
                                      lines(logb, "page.html")))
    check(any(SAME % "page.html" in ln for ln in lines(logp, "page.html")),
          "A: moved out again, not sent again: %r"
          % lines(logp, "page.html"))
    check(journal_size(state_a) == 2, "A's journal 2: %d"
          % journal_size(state_a))
    return logp, state_a, state_b, mine[0]


def refused(exe, tmp, inbox, nodes, state_b, mine):
    """second.html put back while A's claim of that name is refused, B
    started while A's worker reads it."""
    logp, hold = os.path.join(tmp, "a.log"), os.path.join(tmp, "hold")
    stop(nodes.pop("b"))
    os.mkdir(os.path.join(inbox, "claimed", mine, "second.html"))
    before = journal_size(state_b)
    put_back_held(inbox, "second.html", hold)
    nodes["b"] = Daemon(exe, os.path.join(tmp, "b.conf"),
                        os.path.join(tmp, "b.log"))
    check(wait_for(lambda: journal_size(state_b) == before + 1, 20),
          "B claimed and published second.html")
    os.unlink(hold)
    check(wait_for(lambda: any(TAKEN % "second.html" in ln
                               for ln in lines(logp, "second.html")), 10),
          "A says it was put back, worked on unclaimed, taken by B: %r"
          % lines(logp, "second.html"))
    os.rmdir(os.path.join(inbox, "claimed", mine, "second.html"))


def stopped(exe, tmp, inbox, sub, nodes, state_a, state_b, mine):
    """page.html put back again, A stopped while it reads it: left in
    A's claimed/ folder (B does not take it), and A's next start judges
    it by the store's mark."""
    logp, hold = os.path.join(tmp, "a.log"), os.path.join(tmp, "hold")
    held = os.path.join(inbox, "claimed", mine, "page.html")
    stop(nodes.pop("b"))        # B's watcher would race A's at the offer
    before = journal_size(state_b)
    put_back_held(inbox, "page.html", hold)
    check(os.path.exists(held), "claimed by A at its offer")
    nodes["b"] = Daemon(exe, os.path.join(tmp, "b.conf"),
                        os.path.join(tmp, "b.log"))
    nodes["b"].pub_port()
    stop(nodes["a"])
    os.unlink(hold)
    time.sleep(1.5)     # B's watcher would see a give-back
    check(os.path.exists(held) and journal_size(state_b) == before,
          "the stop leaves it in A's claimed/ folder, B publishes "
          "nothing: %r, B's journal %d" % (inbox_waiting(inbox),
                                           journal_size(state_b)))
    at = len(log_text(logp))
    a = nodes["a"] = Daemon(exe, os.path.join(tmp, "a.conf"), logp)
    check(sub.follow(a.pub_port()), "A's publish port")
    check(wait_for(lambda: os.path.exists(os.path.join(
        inbox, "processed", "page.html")) and inbox_waiting(inbox) == [],
        20), "page.html moved out: %r" % inbox_waiting(inbox))
    text = lines(logp, "page.html", at)
    check(any("marked put back by hand in the store" in ln
              for ln in text) and
          any(SAME % "page.html" in ln for ln in text),
          "A's start judged it put back by the mark: %r" % text)
    check(journal_size(state_a) == 2 and journal_size(state_b) == before,
          "not sent again: A's journal %d, B's %d"
          % (journal_size(state_a), journal_size(state_b)))


def main():
    exe, read_hold = sys.argv[1:3]
    tmp = tempfile.mkdtemp(prefix="nw-inbox-putback-shared-")
    inbox = os.path.join(tmp, "inbox")
    os.makedirs(inbox)
    sub = Sub()
    nodes = {}
    logp = os.path.join(tmp, "a.log")
    try:
        logp, state_a, state_b, mine = body(exe, tmp, inbox, read_hold,
                                            sub, nodes)
        refused(exe, tmp, inbox, nodes, state_b, mine)
        check(nodes["a"].alive() and nodes["b"].alive(), "both alive")
        stopped(exe, tmp, inbox, sub, nodes, state_a, state_b, mine)
        check(nodes["a"].alive() and nodes["b"].alive(), "both alive")
        no_sanitizer_report(log_text(os.path.join(tmp, "b.log")))
    finally:
        sub.close()
        for d in nodes.values():
            if d.alive():
                stop(d)
    no_sanitizer_report(log_text(logp))
    finish(tmp, logp)


if __name__ == "__main__":
    main()
