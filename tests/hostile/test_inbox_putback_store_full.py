#!/usr/bin/env python3
"""A file put back by hand into the inbox while the store fails: its turn
rolls back, and the retry still takes it for put back (new work), not
for a kill's leftover whose event is sent again.

usage: test_inbox_putback_store_full.py NEWSWIRED READ_HOLD MOVE_HOLD

The test runs in a mount namespace of its own (unshare -m as root, else
unshare -Urm; skipped, 77, where neither works): the state folder is a
4 MB tmpfs ([store] retry 2 s). page.html is published (seq 1) and
moved into processed/. The test fills the store's disk and moves the
file back into the inbox as it was (a second later: its ctime past the
commit's in any precision). The daemon judges it put back as it was,
which sends nothing, and works on it in the inbox without claiming it,
but the turn cannot commit: it rolls back, and the file waits in the
inbox for the store's retry (an older version kept it in claimed/, its
judgement in memory only; round 23's claimed it at its commit and gave
it back into the inbox when the turn rolled back). Two retries still
fail; then the test frees the disk.

- While the turns roll back, the log does not say it moved out (an
  older version said "moved out again, not sent again" at each try).
- At the retry that works, the file is put back still: identical to
  seq 1, moved out again, not sent again (an older version took it
  from claimed/ for a kill's leftover, logged "already committed as
  seq 1" and sent seq 1 again).
- The same again, but the daemon is stopped while the turn keeps
  rolling back: the file is in the inbox at the stop, and the next
  start (the disk freed) finds it put back there: moved out, not sent
  again (left in claimed/, the start would take it for a kill's).
- The same again, but the daemon is killed (SIGKILL) while the turn
  keeps rolling back: the next start finds the file put back in the
  inbox, moves it out and does not send it again (an older version had
  left it in claimed/, where the start took it for a kill's leftover
  and sent seq 1 again).
- Put back while the store works: marked so in the store and claimed at
  once; a shim (read_hold.c) holds the worker reading it while the test
  fills the disk, so its turn rolls back: the file stays in claimed/
  (no other node of a shared inbox takes it), the retry once the disk
  is freed judges it by its mark (identical to seq 1, not sent again),
  and the mark goes with the commit (files_back empty; a retry that
  forgot the mark left it).
- Put back while the store fails, claimed at its commit (its article is
  not the one the store has now: another file of its canonical URL
  updated it since), and another file of its name dropped into the
  inbox between that claim and the turn's rollback (the shim
  move_hold.c holds the daemon right after the claim): the give-back
  finds the name taken, and the file stays in claimed/; the log says so
  and where it is (an older version said nothing), and the retry once
  the disk is freed takes it from there: nothing is left in claimed/.
  While it waits there, the new file's claim, refused for the name, is
  warned of once, not at each of two more retries that fail (an older
  version warned at each).
SIGTERM ends each run with exit 0. Every wait is bounded; NW_TIME_FACTOR
stretches them.
"""
import os
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "ops"))
sys.path.insert(0, os.path.join(here, "..", "lib"))
from opslib import FACTOR, check, page  # noqa: E402
from hostilelib import (Sub, conf, drop, fill, finish,  # noqa: E402
                        lines_of, log_text, marks, need_unshare,
                        no_sanitizer_report, publish, put_back, run_daemon,
                        sh, stop, unmount, unshare_argv, wait_for)
from nwtest import inbox_waiting, shim_env  # noqa: E402

RETRY = 2       # [store] retry, seconds
NAME = "page.html"
ROLLED = "rolled back and tried again"
SAME = "%s: put back into the inbox after its move out, identical to seq 1"
AGAIN = "%s: already committed as seq"
GIVEN = "%s: put back into the inbox by hand, its turn rolled back"
TAKEN = "another file of that name came into the inbox meanwhile): " \
    "taken from there at the store's retry"
REFUSED = "is taken (a file given back later); working on it in the inbox"


def put_back_failing(inbox, logp, at, filler):
    """Fills the store's disk, moves the file back from processed/ and
    waits for its turn to roll back: it waits in the inbox, given back
    there until the store's retry."""
    time.sleep(1.1)
    print("filled the store's filesystem with %d bytes" % fill(filler))
    os.rename(os.path.join(inbox, "processed", NAME),
              os.path.join(inbox, NAME))
    check(wait_for(lambda: ROLLED in log_text(logp)[at:], 10),
          "the turn rolls back: %r" % log_text(logp)[at:][-600:])
    check(inbox_waiting(inbox) == [NAME], "the file waits: %r"
          % inbox_waiting(inbox))
    check(os.path.exists(os.path.join(inbox, NAME)),
          "in the inbox, not in claimed/")


def moved_once(inbox, logp, at, sub, what):
    """The file moved out again, the log saying it was put back, not sent
    again, and only seq 1 ever sent."""
    done = os.path.join(inbox, "processed", NAME)
    check(wait_for(lambda: os.path.exists(done) and
                   inbox_waiting(inbox) == [], 3 * RETRY + 5),
          "%s: moved out again: %r" % (what, inbox_waiting(inbox)))
    sub.settle(1)
    text = log_text(logp)[at:]
    lines = [ln for ln in text.splitlines() if NAME in ln]
    check(lines and SAME % NAME in lines[-1], "%s: the log says last it "
          "was put back: %r" % (what, lines))
    check(AGAIN % NAME not in text, "%s: not taken for a kill's" % what)
    check([e.get("seq") for _, e in sub.events] == [1],
          "%s: not sent again: %r" % (what, [e.get("seq")
                                             for _, e in sub.events]))


def canon(i):
    """A page whose canonical URL is the same for every i: one id."""
    return page(i, "canon").replace(
        b"<meta charset=utf-8>", b"<meta charset=utf-8><link rel=canonical "
        b"href=\"https://example.com/news/canon\">")


def name_taken(exe, conf_path, logp, sub, inbox, filler, move_hold):
    """canon.html put back while the store fails, claimed at its commit;
    another canon.html dropped in meanwhile: the give-back at the
    rollback finds the name taken."""
    hold = filler + ".hold"
    d = run_daemon(exe, conf_path, logp, sub, dict(
        shim_env(move_hold), NW_HOLD=hold, NW_HOLD_AT="/nowhere/",
        NW_HOLD_AFTER_AT="/claimed/"))
    check(publish(inbox, "canon.html", canon(1)) and
          publish(inbox, "canon2.html", canon(2)), "canon.html published, "
          "then canon2.html, its update")
    at = len(log_text(logp))
    time.sleep(1.1)
    print("filled the store's filesystem with %d bytes" % fill(filler))
    put_back(inbox, "canon.html", hold)
    check(wait_for(lambda: os.path.exists(hold + ".held"), 20),
          "held right after its claim at its commit: %r"
          % lines_of(logp, "canon.html", at))
    drop(inbox, "canon.html", canon(3))
    os.unlink(hold)
    check(wait_for(lambda: any(TAKEN in ln for ln in
                               lines_of(logp, "canon.html", at)), 10),
          "the log says it stays claimed, and where: %r"
          % lines_of(logp, "canon.html", at))
    sub.settle(2 * RETRY + 1)       # two more retries fail
    refused = [ln for ln in lines_of(logp, "canon.html", at)
               if REFUSED in ln]
    check(len(refused) == 1, "the new file's claim refused (the name "
          "held in claimed/) is said once, not at each retry: %r"
          % refused)
    os.unlink(filler)
    os.unlink(hold + ".held")
    # The retry commits the given-back file, then the new one, which is
    # claimed at its commit too: claimed/ is empty for a moment between
    # them; both done is the state that lasts.
    check(wait_for(lambda: claimed_files(inbox) == [] and
                   inbox_waiting(inbox) == [], 3 * RETRY + 10),
          "the retry takes it from claimed/, then the new file: %r %r"
          % (claimed_files(inbox), inbox_waiting(inbox)))
    check(d.alive(), "newswired alive")
    stop(d)


def claimed_files(inbox):
    """The files in the inbox's claimed/ folders."""
    return [f for _, _, fs in os.walk(os.path.join(inbox, "claimed"))
            for f in fs]


def inside(exe, read_hold, move_hold):
    tmp = tempfile.mkdtemp(prefix="nw-inbox-putback-store-full-")
    inbox = os.path.join(tmp, "inbox")
    state = os.path.join(tmp, "state")
    os.makedirs(inbox)
    os.makedirs(state)
    sh("mount", "-t", "tmpfs", "-o", "size=4m", "nwstate", state)
    conf_path = os.path.join(tmp, "newswired.conf")
    with open(conf_path, "w") as f:
        f.write(conf(inbox, state, inbox_keys="empty_grace = 0\n"
                     "settle = 0\n", rest="[store]\nretry = %d\n" % RETRY))
    logp = os.path.join(tmp, "daemon.log")
    filler = os.path.join(state, "filler")
    sub = Sub()
    try:
        body(exe, read_hold, conf_path, logp, sub, inbox, filler)
        name_taken(exe, conf_path, logp, sub, inbox, filler, move_hold)
    finally:
        sub.close()
        unmount(filler, state)
    no_sanitizer_report(log_text(logp))
    finish(tmp, logp)


def body(exe, read_hold, conf_path, logp, sub, inbox, filler):
    d = run_daemon(exe, conf_path, logp, sub)
    at = d.start
    with open(os.path.join(inbox, "." + NAME), "wb") as f:
        f.write(page(1, "held"))
    os.rename(os.path.join(inbox, "." + NAME), os.path.join(inbox, NAME))
    check(sub.wait(lambda: len(sub.events) >= 1, 20, d.alive) and
          wait_for(lambda: os.path.exists(os.path.join(
              inbox, "processed", NAME)), 10),
          "published and moved into processed/")

    # put back while the store fails: the retry that works
    put_back_failing(inbox, logp, at, filler)
    sub.settle(2 * RETRY + 1)       # two more retries fail
    check(inbox_waiting(inbox) == [NAME], "still waits: %r"
          % inbox_waiting(inbox))
    check(SAME % NAME not in log_text(logp)[at:], "no turn rolled back "
          "is logged as moved out, not sent again")
    os.unlink(filler)
    moved_once(inbox, logp, at, sub, "at the retry")

    # put back while the store fails, then a stop and a start
    at = len(log_text(logp))
    put_back_failing(inbox, logp, at, filler)
    stop(d)
    check(os.path.exists(os.path.join(inbox, NAME)) and
          GIVEN % NAME not in log_text(logp)[at:],
          "in the inbox still, never claimed: %r" % inbox_waiting(inbox))
    os.unlink(filler)
    d = run_daemon(exe, conf_path, logp, sub)
    moved_once(inbox, logp, d.start, sub, "after a stop")
    check(d.alive(), "newswired alive")

    # put back while the store fails, then a kill (SIGKILL) and a start
    at = len(log_text(logp))
    put_back_failing(inbox, logp, at, filler)
    d.proc.kill()
    d.stop(signalled=True)
    os.unlink(filler)
    hold = filler + ".hold"
    d = run_daemon(exe, conf_path, logp, sub, dict(
        shim_env(read_hold), NW_HOLD=hold, NW_HOLD_READ="/" + NAME))
    moved_once(inbox, logp, d.start, sub, "after a kill")
    check(d.alive(), "newswired alive")

    # put back while the store works (marked, claimed), the disk filled
    # while its worker reads it
    at = len(log_text(logp))
    time.sleep(1.1)
    open(hold, "w").close()
    os.rename(os.path.join(inbox, "processed", NAME),
              os.path.join(inbox, NAME))
    check(wait_for(lambda: os.path.exists(hold + ".held"), 20),
          "the worker holds reading the file put back")
    print("filled the store's filesystem with %d bytes" % fill(filler))
    os.unlink(hold)
    check(wait_for(lambda: ROLLED in log_text(logp)[at:], 10),
          "the turn rolls back")
    sub.settle(RETRY + 1)       # a retry fails still
    check(inbox_waiting(inbox) == [NAME] and
          not os.path.exists(os.path.join(inbox, NAME)),
          "marked put back, it stays claimed: %r" % inbox_waiting(inbox))
    os.unlink(filler)
    os.unlink(hold + ".held")
    moved_once(inbox, logp, at, sub, "marked, after a rollback")
    check(marks(os.path.dirname(filler)) == 0, "the mark went with the "
          "commit: %d left" % marks(os.path.dirname(filler)))
    check(d.alive(), "newswired alive")
    stop(d)


def main():
    exe, read_hold, move_hold = sys.argv[-3:]
    if len(sys.argv) == 5 and sys.argv[1] == "--inside":
        inside(exe, read_hold, move_hold)
    need_unshare()
    p = subprocess.run(list(unshare_argv()) + [sys.executable,
                                               os.path.abspath(__file__),
                                               "--inside", exe,
                                               os.path.abspath(read_hold),
                                               os.path.abspath(move_hold)],
                       timeout=240 * FACTOR)
    sys.exit(p.returncode)


if __name__ == "__main__":
    main()
