#!/usr/bin/env python3
"""The store's mark of a file put back by hand (files_back, written when
it is offered, before its claim) goes once the file is not this node's
to judge, not a month later.

usage: test_inbox_putback_marks.py NEWSWIRED MOVE_HOLD

Node A publishes page.html (seq 1), moved into processed/.

- Gone before its claim: the test puts it back while the shim
  (tests/hostile/move_hold.c) holds A right before its claim (a rename
  into claimed/), after the mark, and takes it out of the inbox
  meanwhile (as another node of a shared inbox would take it). A's
  claim finds it gone: the log says so, and the mark is dropped at once
  (main kept it: files_back 1).
- Gone while A was down: put back again, A is killed (SIGKILL) right
  after its claim, the file marked and in claimed/A/; the test moves it
  out of there by hand. A's next start drops the mark of a file no
  longer in its claimed/ folder, and says so (main kept it).
- Nothing is sent again: A's journal holds seq 1 only, and the last put
  back, A running, moves out again, its mark gone with its commit.
- Many put back at once: ten files published, then moved back while
  the shim holds A right after the claim of the first: the nine that
  come in meanwhile are marked in one write (one transaction, where
  main wrote one per file: an fsync each under synchronous = full),
  then claimed; all move out again, none sent again, no mark left.
Every wait is bounded; NW_TIME_FACTOR stretches them.
"""
import os
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "ops"))
sys.path.insert(0, os.path.join(here, "..", "lib"))
sys.path.insert(0, os.path.join(here, "..", "hostile"))
from opslib import check, page  # noqa: E402
from hostilelib import (Sub, finish, held, journal_size,  # noqa: E402
                        kill, lines_of, log_text, marks, no_sanitizer_report,
                        node_conf, publish, put_back, run_daemon, stop,
                        wait_for)
from nwtest import inbox_waiting, shim_env  # noqa: E402

NAME = "page.html"
GONE = "%s: marked put back by hand, taken by another node, or gone, " \
    "before its claim here: its mark in the store dropped" % NAME
PRUNED = "%s: marked put back by hand in the store, not in claimed/" % NAME
SAME = "%s: put back into the inbox after its move out, identical to " \
    "seq 1" % NAME
BATCH = "9 files put back by hand marked in the store in one write"


def gone_before_claim(exe, tmp, inbox, shim, sub):
    conf_a, state, logp = node_conf(tmp, "a", inbox)
    hold = os.path.join(tmp, "hold")
    d = run_daemon(exe, conf_a, logp, sub, dict(
        shim_env(shim), NW_HOLD=hold, NW_HOLD_AT="/claimed/"))
    check(publish(inbox, NAME, page(1, "marks")), "published")
    put_back(inbox, NAME, hold)
    check(held(hold), "A held before its claim")
    check(marks(state) == 1, "marked in the store: %d" % marks(state))
    aside = os.path.join(tmp, NAME)
    os.rename(os.path.join(inbox, NAME), aside)
    os.unlink(hold)
    check(wait_for(lambda: any(GONE in ln for ln in lines_of(logp, NAME)),
                   10), "A says its claim found it gone, the mark "
          "dropped: %r" % lines_of(logp, NAME))
    check(marks(state) == 0, "no mark left: %d" % marks(state))
    check(d.alive(), "A alive")
    stop(d)
    os.rename(aside, os.path.join(inbox, "processed", NAME))
    return conf_a, state, logp


def gone_while_down(exe, tmp, inbox, shim, sub, conf_a, state, logp):
    hold = os.path.join(tmp, "hold")
    d = run_daemon(exe, conf_a, logp, sub, dict(
        shim_env(shim), NW_HOLD=hold, NW_HOLD_AT="/nowhere/",
        NW_HOLD_AFTER_AT="/claimed/"))
    put_back(inbox, NAME, hold)
    check(held(hold), "A held right after its claim")
    node = os.listdir(os.path.join(inbox, "claimed"))[0]
    mine = os.path.join(inbox, "claimed", node, NAME)
    check(os.path.exists(mine) and marks(state) == 1,
          "claimed and marked: %r, %d" % (inbox_waiting(inbox),
                                          marks(state)))
    kill(d)
    os.unlink(hold)
    os.rename(mine, os.path.join(inbox, "processed", NAME))
    at = len(log_text(logp))
    d = run_daemon(exe, conf_a, logp, sub)
    check(wait_for(lambda: any(PRUNED in ln for ln in
                               lines_of(logp, NAME, at)), 10),
          "A's start drops the mark of a file gone from its claimed/ "
          "folder: %r" % lines_of(logp, NAME, at))
    check(marks(state) == 0, "no mark left: %d" % marks(state))
    return d


def many(exe, tmp, inbox, shim, sub, conf_a, state, logp):
    names = ["many%d.html" % i for i in range(10)]
    hold = os.path.join(tmp, "hold")
    d = run_daemon(exe, conf_a, logp, sub, dict(
        shim_env(shim), NW_HOLD=hold, NW_HOLD_AT="/nowhere/",
        NW_HOLD_AFTER_AT="/claimed/"))
    for i, name in enumerate(names):
        check(publish(inbox, name, page(i, "many")), "%s published" % name)
    at = len(log_text(logp))
    put_back(inbox, names[0], hold)
    check(held(hold), "A held right after the first claim")
    for name in names[1:]:
        os.rename(os.path.join(inbox, "processed", name),
                  os.path.join(inbox, name))
    os.unlink(hold)
    check(wait_for(lambda: inbox_waiting(inbox) == [] and all(
        os.path.exists(os.path.join(inbox, "processed", n))
        for n in names), 30), "all moved out again: %r"
        % inbox_waiting(inbox))
    check(BATCH in log_text(logp)[at:], "the nine marked in one write: %r"
          % [ln for ln in log_text(logp)[at:].splitlines()
             if "marked" in ln][-3:])
    check(journal_size(state) == 11 and marks(state) == 0,
          "none sent again (journal %d), no mark left (%d)"
          % (journal_size(state), marks(state)))
    check(d.alive(), "A alive")
    stop(d)


def main():
    exe, shim = sys.argv[1:3]
    tmp = tempfile.mkdtemp(prefix="nw-inbox-putback-marks-")
    inbox = os.path.join(tmp, "inbox")
    os.makedirs(inbox)
    logp = os.path.join(tmp, "a.log")
    sub = Sub()
    d = None
    try:
        conf_a, state, logp = gone_before_claim(exe, tmp, inbox, shim, sub)
        d = gone_while_down(exe, tmp, inbox, shim, sub, conf_a, state,
                            logp)
        at = len(log_text(logp))
        put_back(inbox, NAME)
        check(wait_for(lambda: any(SAME in ln for ln in
                                   lines_of(logp, NAME, at)) and
                       inbox_waiting(inbox) == [], 20),
              "put back once more: moved out, not sent again: %r"
              % lines_of(logp, NAME, at))
        check(marks(state) == 0, "its mark went with its commit")
        sub.settle(1)
        check(journal_size(state) == 1 and
              all(e.get("seq") == 1 for _, e in sub.events),
              "seq 1 only, never sent again: journal %d, events %r"
              % (journal_size(state), [e.get("seq") for _, e in
                                       sub.events]))
        check(d.alive(), "A alive")
        stop(d)
        many(exe, tmp, inbox, shim, sub, conf_a, state, logp)
    finally:
        sub.close()
        if d is not None and d.alive():
            d.proc.kill()
    no_sanitizer_report(log_text(logp))
    finish(tmp, logp)


if __name__ == "__main__":
    main()
