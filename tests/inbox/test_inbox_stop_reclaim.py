#!/usr/bin/env python3
"""A stop while a file the node took from its own claimed/ folder is in
work leaves it there.

usage: test_inbox_stop_reclaim.py NEWSWIRED MOVE_HOLD READ_HOLD

page.html is committed and published (seq 1); a shim (move_hold.c)
holds the daemon before its move into processed/, and the test kills it
(SIGKILL): the file stays in claimed/NODE/, a kill's leftover. The next
start takes it from there; another shim (read_hold.c) holds its worker
reading it, and the test stops the daemon (SIGTERM) meanwhile. The file
stays in claimed/ (an older version gave it back into the inbox, where
its ctime, renewed, made the next start take it for a file put back by
hand: "identical to seq 1 ... not sent again", its event, were it never
sent before the kill, lost). The start after sends its event again under
its seq ("already committed as seq 1") and moves it out. Every wait is
bounded; NW_TIME_FACTOR stretches them.
"""
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "ops"))
sys.path.insert(0, os.path.join(here, "..", "lib"))
sys.path.insert(0, os.path.join(here, "..", "hostile"))
from opslib import check, page  # noqa: E402
from hostilelib import (Sub, finish, inbox_tmp, log_text,  # noqa: E402
                        no_sanitizer_report, run_daemon, stop, wait_for)
from nwtest import inbox_waiting, shim_env  # noqa: E402

NAME = "page.html"
AGAIN = "%s: already committed as seq 1" % NAME
PUT = "%s: put back into the inbox after its move out" % NAME


def claimed(inbox):
    """Whether NAME is in a node's claimed/ folder."""
    c = os.path.join(inbox, "claimed")
    return any(os.path.exists(os.path.join(c, n, NAME))
               for n in (os.listdir(c) if os.path.isdir(c) else []))


def body(exe, conf_path, logp, sub, inbox, hold, move_hold, read_hold):
    open(hold, "w").close()
    d = run_daemon(exe, conf_path, logp, sub,
                   dict(shim_env(move_hold), NW_HOLD=hold))
    with open(os.path.join(inbox, "." + NAME), "wb") as f:
        f.write(page(1, "left"))
    os.rename(os.path.join(inbox, "." + NAME), os.path.join(inbox, NAME))
    check(wait_for(lambda: os.path.exists(hold + ".held"), 20),
          "the daemon holds before its move into processed/")
    check(sub.wait(lambda: len(sub.events) >= 1, 10, d.alive),
          "published as seq 1")
    d.proc.kill()
    d.stop(signalled=True)
    os.unlink(hold + ".held")
    check(claimed(inbox), "a kill's leftover in claimed/: %r"
          % inbox_waiting(inbox))

    d = run_daemon(exe, conf_path, logp, sub,
                   dict(shim_env(read_hold), NW_HOLD=hold,
                        NW_HOLD_READ="/" + NAME))
    check(wait_for(lambda: os.path.exists(hold + ".held"), 20),
          "the next start's worker holds reading it")
    d.signal(15)
    os.unlink(hold)
    stop_at = d.start
    check(d.proc.wait(timeout=20) == 0, "SIGTERM: exit 0")
    d.stop(signalled=True)
    check(claimed(inbox) and not os.path.exists(os.path.join(inbox, NAME)),
          "left in claimed/, not given back into the inbox: %r"
          % [ln for ln in log_text(logp)[stop_at:].splitlines()
             if NAME in ln])

    d = run_daemon(exe, conf_path, logp, sub)
    done = os.path.join(inbox, "processed", NAME)
    check(wait_for(lambda: os.path.exists(done), 20), "moved out")
    text = log_text(logp)[d.start:]
    check(AGAIN in text and PUT not in text, "sent again under its seq, "
          "not taken for a file put back: %r"
          % [ln for ln in text.splitlines() if NAME in ln])
    check(d.alive(), "newswired alive")
    stop(d)


def main():
    exe, move_hold, read_hold = sys.argv[1:4]
    tmp, inbox, conf_path, logp = inbox_tmp("nw-inbox-stop-reclaim-")
    sub = Sub()
    try:
        body(exe, conf_path, logp, sub, inbox, os.path.join(tmp, "hold"),
             move_hold, read_hold)
    finally:
        sub.close()
    no_sanitizer_report(log_text(logp))
    finish(tmp, logp)


if __name__ == "__main__":
    main()
