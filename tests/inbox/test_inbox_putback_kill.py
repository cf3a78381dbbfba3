#!/usr/bin/env python3
"""A kill (SIGKILL) while a file put back by hand is in work: the next
start still takes it for put back, not for a kill's leftover.

usage: test_inbox_putback_kill.py NEWSWIRED READ_HOLD MOVE_HOLD

page.html is published (seq 1) and moved into processed/. The test moves
it back into the inbox as it was (the store's files row matches it, its
ctime later); a shim (read_hold.c) holds the daemon's worker reading it,
and the test kills the daemon (SIGKILL) meanwhile. Judged put back when
offered, the file was marked so in the store (files_back) before its
claim; the next start takes it from claimed/NODE/ judged put back still:
identical to seq 1, moved out again, not sent again (an older version
had claimed it at once, its judgement in memory: the start took it for
a kill's leftover, logged "already committed as seq 1" and sent seq 1
again; round 23's worked on it in the inbox, claimed at its commit).

Then a kill in the loop turn of a file put back as it was: a shim
(move_hold.c) holds the daemon before its move into processed/, after
the turn's COMMIT, and the test kills it there; then again, the shim
holding it right after its move into a claimed/ folder. The store
recorded with the commit that its event went out (files_sent), and
before its claim that it was put back (files_back): the next start
only moves it (a kill after the COMMIT) or finds it put back still
(before); round 23's node claimed it at its commit, and its next start
took it from claimed/NODE/ for a kill's leftover and sent seq 1 again,
at either point.
Every wait is bounded; NW_TIME_FACTOR stretches them.
"""
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "ops"))
sys.path.insert(0, os.path.join(here, "..", "lib"))
sys.path.insert(0, os.path.join(here, "..", "hostile"))
from opslib import check, page  # noqa: E402
from hostilelib import (Sub, finish, held, inbox_tmp, kill,  # noqa: E402
                        lines_of, log_text, no_sanitizer_report, publish,
                        put_back, run_daemon, stop, wait_for)
from nwtest import inbox_waiting, shim_env  # noqa: E402

NAME = "page.html"
AGAIN = "%s: already committed as seq" % NAME
SAME = "%s: put back into the inbox after its move out, identical to " \
    "seq 1" % NAME


def body(exe, conf_path, logp, sub, inbox, hold, read_hold):
    env = dict(shim_env(read_hold), NW_HOLD=hold, NW_HOLD_READ="/" + NAME)
    d = run_daemon(exe, conf_path, logp, sub, env)
    done = os.path.join(inbox, "processed", NAME)
    check(publish(inbox, NAME, page(1, "back")) and
          sub.wait(lambda: len(sub.events) >= 1, 20, d.alive),
          "published and moved into processed/")

    put_back(inbox, NAME, hold)
    check(held(hold), "the worker holds reading the file put back")
    kill(d)
    os.unlink(hold)
    print("killed in its work; it waits in %r" % inbox_waiting(inbox))

    d = run_daemon(exe, conf_path, logp, sub)
    check(wait_for(lambda: os.path.exists(done) and
                   inbox_waiting(inbox) == [], 20),
          "moved out again: %r" % inbox_waiting(inbox))
    sub.settle(1)
    lines = lines_of(logp, NAME, d.start)
    check(any(SAME in ln for ln in lines) and
          not any(AGAIN in ln for ln in lines),
          "taken for put back, not for a kill's leftover: %r" % lines)
    check([e.get("seq") for _, e in sub.events] == [1],
          "not sent again: %r" % [e.get("seq") for _, e in sub.events])
    check(d.alive(), "newswired alive")
    stop(d)


def cut_in_turn(exe, conf_path, logp, sub, inbox, hold, move_hold,
                env_more):
    """Killed in the loop turn of a file put back as it was, where the
    shim holds it (env_more): the next start does not send its event
    again."""
    env = dict(shim_env(move_hold), NW_HOLD=hold, NW_HOLD_AT="/processed/",
               **env_more)
    done = os.path.join(inbox, "processed", NAME)
    d = run_daemon(exe, conf_path, logp, sub, env)
    put_back(inbox, NAME, hold)
    check(held(hold), "held in its turn")
    kill(d)
    os.unlink(hold)
    print("killed in its turn (%r); it waits in %r" %
          (env_more, [os.path.relpath(os.path.join(r, n), inbox)
                      for r, _, ns in os.walk(inbox) for n in ns
                      if n == NAME and not r.endswith("processed")]))

    d = run_daemon(exe, conf_path, logp, sub)
    check(wait_for(lambda: os.path.exists(done) and
                   inbox_waiting(inbox) == [], 20),
          "moved out: %r" % inbox_waiting(inbox))
    sub.settle(1)
    lines = lines_of(logp, NAME, d.start)
    check(all("only moved, not sent again" in ln for ln in lines
              if AGAIN in ln) and
          any("only moved, not sent again" in ln or SAME in ln
              for ln in lines),
          "moved at the start, its old event not sent again: %r" % lines)
    check([e.get("seq") for _, e in sub.events] == [1],
          "not sent again: %r" % [e.get("seq") for _, e in sub.events])
    check(d.alive(), "newswired alive")
    stop(d)


def main():
    exe, read_hold, move_hold = sys.argv[1:4]
    tmp, inbox, conf_path, logp = inbox_tmp("nw-inbox-putback-kill-")
    sub = Sub()
    try:
        body(exe, conf_path, logp, sub, inbox, os.path.join(tmp, "hold"),
             read_hold)
        # after the turn's COMMIT, before the move out
        cut_in_turn(exe, conf_path, logp, sub, inbox,
                    os.path.join(tmp, "hold"), move_hold, {})
        # or right after a claim, before the COMMIT (an older version
        # claimed such a file at its commit)
        cut_in_turn(exe, conf_path, logp, sub, inbox,
                    os.path.join(tmp, "hold"), move_hold,
                    {"NW_HOLD_AFTER_AT": "/claimed/"})
    finally:
        sub.close()
    no_sanitizer_report(log_text(logp))
    finish(tmp, logp)


if __name__ == "__main__":
    main()
