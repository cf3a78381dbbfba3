#!/usr/bin/env python3
"""A full disk under the store while a published inbox file's move out
fails: the store's record of it (files_sent) is kept and written once
there is room, not lost.

usage: test_inbox_store_full.py NEWSWIRED MOVE_HOLD_SHIM

The test runs in a mount namespace of its own (unshare -m as root, else
unshare -Urm; skipped, 77, where neither works): the state folder is a
4 MB tmpfs, and the inbox's processed/ a read-only bind mount of itself,
into which no rename goes ([store] retry 2 s). A shim (move_hold.c)
holds the daemon before its move into processed/ while a file of the
test's exists: the turn has committed the page and sent its event; the
test fills the store's disk, then lets the move go on. It fails (the
folder is read-only), and so does the store's record that the event
went out and the move waits (disk full).

- The log says so once, as an error, over three retries; once there is
  room again, the record is written at the next retry (an older
  version logged a warning and dropped it: a restart then sent the
  event again, under its seq). The store has the file's files_sent row.
- A stop and a start: the start takes the file from claimed/ and only
  moves it ("only moved, not sent again"); it waits again.
- The store's disk full again, processed/ writable: the file moves, and
  the removal of its row fails; it is tried again at each retry, and
  once there is room the row is gone (an older version left it, and a
  file put back into the inbox as it was would have been moved, not
  sent).
SIGTERM ends each run with exit 0. Every wait is bounded; NW_TIME_FACTOR
stretches them.
"""
import os
import sqlite3
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "ops"))
sys.path.insert(0, os.path.join(here, "..", "lib"))
from opslib import FACTOR, check, page  # noqa: E402
from hostilelib import (Sub, conf, fill, finish, log_text,  # noqa: E402
                        need_unshare, no_sanitizer_report, run_daemon, sh,
                        stop, unmount, unshare_argv, wait_for)
from nwtest import inbox_waiting, shim_env  # noqa: E402

RETRY = 2       # [store] retry, seconds
NAME = "page.html"
MARK_FAILED = "the store cannot record that its event went out"
UNMARK_FAILED = "the store cannot record that its waiting move is done"
RECOVERED = "the store records the moves waiting again"


def sent_rows(state):
    """The rows of files_sent in the store in state."""
    db = sqlite3.connect("file:%s/newswire.db?mode=ro" % state, uri=True)
    try:
        return db.execute("SELECT name FROM files_sent").fetchall()
    finally:
        db.close()


def inside(exe, shim):
    tmp = tempfile.mkdtemp(prefix="nw-inbox-store-full-")
    inbox = os.path.join(tmp, "inbox")
    processed = os.path.join(inbox, "processed")
    state = os.path.join(tmp, "state")
    os.makedirs(processed)
    os.makedirs(state)
    sh("mount", "-t", "tmpfs", "-o", "size=4m", "nwstate", state)
    sh("mount", "--bind", processed, processed)
    sh("mount", "-o", "remount,bind,ro", processed)
    conf_path = os.path.join(tmp, "newswired.conf")
    with open(conf_path, "w") as f:
        f.write(conf(inbox, state, inbox_keys="empty_grace = 0\n"
                     "settle = 0\n", rest="[store]\nretry = %d\n" % RETRY))
    logp = os.path.join(tmp, "daemon.log")
    filler = os.path.join(state, "filler")
    hold = os.path.join(tmp, "hold")
    env = dict(shim_env(shim), NW_HOLD=hold)
    sub = Sub()
    try:
        body(exe, conf_path, logp, sub, env, inbox, state, filler, hold)
    finally:
        sub.close()
        unmount(filler, processed, state)
    no_sanitizer_report(log_text(logp))
    finish(tmp, logp)


def body(exe, conf_path, logp, sub, env, inbox, state, filler, hold):
    d = run_daemon(exe, conf_path, logp, sub, env)
    at = d.start
    open(hold, "w").close()
    with open(os.path.join(inbox, "." + NAME), "wb") as f:
        f.write(page(1, "held"))
    os.rename(os.path.join(inbox, "." + NAME), os.path.join(inbox, NAME))
    check(wait_for(lambda: os.path.exists(hold + ".held"), 20),
          "the daemon holds before its move into processed/")
    check(sub.wait(lambda: len(sub.events) >= 1, 10, d.alive),
          "its event went out: %r" % sub.events)
    print("filled the store's filesystem with %d bytes" % fill(filler))
    os.unlink(hold)
    check(wait_for(lambda: MARK_FAILED in log_text(logp)[at:], 10),
          "the log says the store cannot record the waiting move")
    sub.settle(3 * RETRY + 1)       # three retries
    text = log_text(logp)[at:]
    check(text.count(MARK_FAILED) == 1, "said once over three retries: "
          "%d" % text.count(MARK_FAILED))
    check(inbox_waiting(inbox) == [NAME], "the file waits in claimed/: %r"
          % inbox_waiting(inbox))
    os.unlink(filler)
    check(wait_for(lambda: RECOVERED in log_text(logp)[at:],
                   2 * RETRY + 2), "room again: the record is written")
    check(sent_rows(state) == [(NAME,)], "the store has the file's "
          "files_sent row: %r" % sent_rows(state))
    first = [e.get("seq") for _, e in sub.events]
    stop(d)

    # a start takes it from claimed/: only moved, not sent again
    d = run_daemon(exe, conf_path, logp, sub, env)
    at = d.start
    check(wait_for(lambda: "only moved, not sent again" in
                   log_text(logp)[at:], 10), "the start knows its event "
          "went out: %r" % [ln for ln in log_text(logp)[at:].splitlines()
                            if NAME in ln])
    check("already committed as seq %d\n" % first[0] not in
          log_text(logp)[at:], "not sent again")
    check(inbox_waiting(inbox) == [NAME], "the file waits again: %r"
          % inbox_waiting(inbox))

    # its move works while the store is full: the row's removal waits
    fill(filler)
    sh("umount", os.path.join(inbox, "processed"))
    check(wait_for(lambda: os.path.exists(os.path.join(
        inbox, "processed", NAME)), 2 * RETRY + 2), "moved into processed/")
    check(wait_for(lambda: UNMARK_FAILED in log_text(logp)[at:], 5),
          "the log says the store cannot record the move done")
    sub.settle(2 * RETRY + 1)
    os.unlink(filler)
    check(wait_for(lambda: RECOVERED in log_text(logp)[at:],
                   2 * RETRY + 2), "room again: the record is written")
    check(sent_rows(state) == [], "the row is gone: %r" % sent_rows(state))
    check(inbox_waiting(inbox) == [], "nothing waits: %r"
          % inbox_waiting(inbox))
    check([e.get("seq") for _, e in sub.events] == first,
          "the event went out once: %r" % sub.events)
    check(d.alive(), "newswired alive")
    stop(d)


def main():
    exe, shim = sys.argv[-2], sys.argv[-1]
    if len(sys.argv) == 4 and sys.argv[1] == "--inside":
        inside(exe, shim)
    need_unshare()
    p = subprocess.run(list(unshare_argv()) + [sys.executable,
                                               os.path.abspath(__file__),
                                               "--inside", exe, shim],
                       timeout=240 * FACTOR)
    sys.exit(p.returncode)


if __name__ == "__main__":
    main()
