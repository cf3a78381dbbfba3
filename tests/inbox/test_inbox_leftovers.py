#!/usr/bin/python3
"""What a kill in the middle of a move out of a claim leaves, tidied by
the daemon (one node, a real newswired killed by a preloaded shim at
that point):

- killed right before a failed file's move into failed/ (FAIL_CUT,
  tests/inbox/fail_cut.c), its reason written as
  failed/NAME.error.INO.tmp (INO: the file's inode): the next start,
  under a larger [inbox] max_size, publishes the file into processed/,
  and no NAME.error.INO.tmp stays in failed/ (before round 18 it stayed
  there for ever, for no file);
- the same, the file then replaced by another of its name (a writer's
  rename over it: another inode) before the next start, which leaves the
  first one's reason (a file of its name waits) and removes it once that
  file moved out, as it does its own (in an older version it stayed until
  the start after);
- where moves go by hard link and unlink (RENAME_NOREPLACE refused, as
  on NFS), killed between the link into processed/ and the unlink
  (MOVE_CUT, tests/inbox/move_cut.c), its processed/NAME then deleted by
  hand: the next start moves the file into processed/ again, and the
  move's mark, processed/.NAME.moving, does not stay beside it (before
  round 18 it did, and a later link of that name could be taken for a
  move cut short and dropped);
- killed right after that unlink, before the mark's (UNLINK_CUT,
  tests/inbox/unlink_cut.c): the next start removes the mark, no file
  of that name waiting (before round 18 it stayed).

usage: test_inbox_leftovers.py NEWSWIRED FAIL_CUT MOVE_CUT UNLINK_CUT
NOREPLACE
"""
import os
import sys
import tempfile
import time

from test_inbox import Daemon, finish
from test_inbox_failed import drop, wait_log, wait_path
from nwtest import check, inbox_waiting, shim_env


def killed(d, what):
    """Waits (30 s at most) for the shim's SIGKILL."""
    end = time.monotonic() + 30
    while time.monotonic() < end and d.p.poll() is None:
        time.sleep(0.05)
    return check(d.p.poll() == -9, "killed %s (exit %r)" % (what,
                                                            d.p.poll()))


def claimed_ino(inbox, name):
    """The inode of name in a node's claimed/ folder (0: none)."""
    claimed = os.path.join(inbox, "claimed")
    for node in os.listdir(claimed) if os.path.isdir(claimed) else []:
        path = os.path.join(claimed, node, name)
        if os.path.exists(path):
            return os.stat(path).st_ino
    return 0


def leftovers(inbox):
    """The marks and .tmp files in processed/ and failed/."""
    return [os.path.join(sub, f) for sub in ("processed", "failed")
            for f in os.listdir(os.path.join(inbox, sub))
            if f.startswith(".") or f.endswith(".tmp")]


def run(exe, tmp, extra, env, logs, body):
    """A daemon on tmp's inbox, body(d) run against it, stopped."""
    d = Daemon(exe, tmp, extra, env=env)
    try:
        body(d)
    finally:
        d.stop()
        logs.extend(d.log)
    return d


def test_error_tmp(exe, tmp, cut, logs):
    def fails(d):
        drop(d, "big.txt")
        if killed(d, "before the move into failed/"):
            failed = os.path.join(d.inbox, "failed", "big.txt")
            tmp = "%s.error.%d.tmp" % (failed, claimed_ino(d.inbox,
                                                         "big.txt"))
            check(os.path.exists(tmp) and
                  not os.path.exists(failed) and
                  inbox_waiting(d.inbox) == ["big.txt"],
                  "its NAME.error.INO.tmp written, the file still claimed: "
                  "%r" % os.listdir(os.path.dirname(failed)))

    def publishes(d):
        # taken again as the daemon starts, before the test subscribes
        # the log line comes through a pipe the test reads in a thread,
        # after the move into processed/: waited for first, then the move
        check(wait_log(d, b'new: "Flood barrier" (big.txt)', 30) and
              wait_path(os.path.join(d.inbox, "processed", "big.txt"), 10),
              "the next start publishes big.txt")
        # logged just after the tidy and the publish: waited for
        check(wait_log(d, b"big.txt: 1 leftover(s) of an earlier move "
                       b"out", 10), "the log says the leftover was tidied")
        # after that line, not before: processed/big.txt is there from
        # the move's rename, its reason's .tmp removed a moment later
        check(os.listdir(os.path.join(d.inbox, "failed")) == [],
              "no NAME.error.INO.tmp left in failed/: %r" %
              os.listdir(os.path.join(d.inbox, "failed")))

    run(exe, tmp, "max_size = 4000", shim_env(cut), logs, fails)
    run(exe, tmp, "max_size = 8000", {}, logs, publishes)


def test_error_tmp_other(exe, tmp, cut, logs):
    kept = os.path.join(tmp, "kept-big.txt")
    first = []

    def fails(d):
        drop(d, "big.txt")
        if killed(d, "before the move into failed/"):
            ino = claimed_ino(d.inbox, "big.txt")
            first.append("big.txt.error.%d.tmp" % ino)
            claimed = os.path.join(d.inbox, "claimed")
            for node in os.listdir(claimed):
                path = os.path.join(claimed, node, "big.txt")
                if os.path.exists(path):
                    # kept, its inode not taken by the next file
                    os.rename(path, kept)
            drop(d, "big.txt")
            check(os.stat(os.path.join(d.inbox, "big.txt")).st_ino !=
                  ino and os.listdir(os.path.join(d.inbox, "failed")) ==
                  first, "another big.txt in the inbox, the first one's "
                  "reason in failed/: %r"
                  % os.listdir(os.path.join(d.inbox, "failed")))

    def publishes(d):
        check(wait_log(d, b'new: "Flood barrier" (big.txt)', 30) and
              wait_path(os.path.join(d.inbox, "processed", "big.txt"), 10),
              "the next start publishes the new big.txt")
        end = time.monotonic() + 5
        while time.monotonic() < end and leftovers(d.inbox):
            time.sleep(0.05)
        check(leftovers(d.inbox) == [], "the first one's reason removed "
              "after the move, not left for the start after: %r"
              % leftovers(d.inbox))
        # logged just after the tidy and the publish: waited for
        check(wait_log(d, b"big.txt: 1 leftover(s) of an earlier move "
                       b"out", 10), "the log says the leftover was tidied")

    run(exe, tmp, "max_size = 4000", shim_env(cut), logs, fails)
    run(exe, tmp, "max_size = 8000", {}, logs, publishes)


def test_mark_deleted(exe, tmp, cut, noreplace, logs):
    processed = os.path.join(tmp, "inbox", "processed")
    mark = os.path.join(processed, ".mid.txt.moving")

    def cut_short(d):
        drop(d, "mid.txt")
        if killed(d, "between the link into processed/ and the unlink"):
            check(os.path.exists(mark) and
                  os.stat(os.path.join(processed, "mid.txt")).st_nlink
                  == 2, "the mark left, the file linked twice")
        os.unlink(os.path.join(processed, "mid.txt"))   # by hand

    def moves_again(d):
        path = os.path.join(processed, "mid.txt")
        # the link's unlink empties claimed/, the mark's comes after it:
        # both done is the state that lasts
        end = time.monotonic() + 30
        while time.monotonic() < end and (inbox_waiting(d.inbox) or
                                          leftovers(d.inbox)):
            time.sleep(0.05)
        check(os.path.exists(path) and os.stat(path).st_nlink == 1 and
              inbox_waiting(d.inbox) == [],
              "the next start moves mid.txt into processed/: %r" %
              inbox_waiting(d.inbox))
        check(leftovers(d.inbox) == [], "no mark left beside it: %r" %
              leftovers(d.inbox))

    run(exe, tmp, "", shim_env(cut), logs, cut_short)
    run(exe, tmp, "", shim_env(noreplace), logs, moves_again)


def test_mark_at_start(exe, tmp, cut, logs):
    processed = os.path.join(tmp, "inbox", "processed")

    def cut_short(d):
        drop(d, "late.txt")
        if killed(d, "after the unlink of its move into processed/"):
            check(leftovers(d.inbox) == ["processed/.late.txt.moving"] and
                  os.stat(os.path.join(processed, "late.txt")).st_nlink
                  == 1 and inbox_waiting(d.inbox) == [],
                  "the file moved, its mark left: %r" %
                  leftovers(d.inbox))

    def starts(d):
        check(leftovers(d.inbox) == [], "the next start removes the "
              "mark: %r" % leftovers(d.inbox))
        check(d.said(b"1 leftover(s) of moves out of"),
              "the log says so")
        check(os.path.exists(os.path.join(processed, "late.txt")),
              "late.txt stays in processed/")

    run(exe, tmp, "", shim_env(cut), logs, cut_short)
    run(exe, tmp, "", {}, logs, starts)


def main():
    exe = sys.argv[1]
    fail_cut, move_cut, unlink_cut, noreplace = (os.path.abspath(a)
                                                 for a in sys.argv[2:6])
    logs = []
    tmp = tempfile.mkdtemp(prefix="nw-inbox-leftovers-")
    for sub in ("a", "b", "c", "d"):
        os.mkdir(os.path.join(tmp, sub))
    test_error_tmp(exe, os.path.join(tmp, "a"), fail_cut, logs)
    test_error_tmp_other(exe, os.path.join(tmp, "d"), fail_cut, logs)
    test_mark_deleted(exe, os.path.join(tmp, "b"), move_cut, noreplace,
                      logs)
    test_mark_at_start(exe, os.path.join(tmp, "c"), unlink_cut, logs)
    check(not [ln for ln in logs if b"Sanitizer" in ln or
               b"runtime error" in ln], "no sanitizer report in the logs")
    return finish(logs, tmp)


if __name__ == "__main__":
    sys.exit(main())
