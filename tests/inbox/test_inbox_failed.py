#!/usr/bin/python3
"""What a failed file leaves, against a real newswired (one node, real
renameat2() with RENAME_NOREPLACE):

- a file the daemon moved into processed/ (under a larger [inbox]
  max_size), linked back into the inbox by a user (`ln`) and failed
  there (by the smaller max_size of the daemon's next start), is in
  failed/ with its NAME.error and keeps its processed/ name (before
  round 17 the failure removed that link, taken for a move out cut
  short);
- a daemon killed right after a file's move into failed/ (SHIM,
  tests/inbox/rename_cut.c, raises SIGKILL there) leaves the reason:
  the next start puts failed/NAME.error in place, naming the key
  (before round 17 NAME.error was written after the move: none), and
  an older version's NAME.error.tmp too, or removes it (no file);
- two nodes on one inbox failing two files of one name at once: node A,
  held by the shim (NW_CUT_PAUSE) right after its move into failed/, its
  reason not yet in place, while node B fails another file of that name
  (failed/NAME taken: it goes to NAME.SEQ). Each wrote its reason to a
  temporary of its own (NAME.error.INO.tmp, the file's inode), so A,
  let go, puts its own in place: NAME.error names A's file's size,
  NAME.SEQ.error B's, and no .tmp is left (in an older version both wrote
  failed/NAME.error.tmp: B's write took A's, its unlink removed it, and
  failed/NAME stayed with no NAME.error).

usage: test_inbox_failed.py NEWSWIRED SHIM
"""
import os
import sys
import tempfile
import time

from test_inbox import PARAS, Daemon, finish
from nwtest import check, shim_env

TEXT = "Flood barrier\n\n" + "\n\n".join(PARAS * 4) + "\n"   # about 5 kB


def wait_path(path, seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end and not os.path.exists(path):
        time.sleep(0.05)
    return os.path.exists(path)


def wait_log(d, what, seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end and not d.said(what):
        time.sleep(0.05)
    return d.said(what)


def drop(d, name):
    tmp = os.path.join(os.path.dirname(d.inbox), name)
    with open(tmp, "w") as f:
        f.write(TEXT)
    os.rename(tmp, os.path.join(d.inbox, name))


def test_relinked(exe, tmp, logs):
    d = Daemon(exe, tmp, "max_size = 8000")
    kept = os.path.join(d.inbox, "processed", "relink.txt")
    try:
        drop(d, "relink.txt")
        got = d.events(1, 30)
        check(len(got) == 1 and got[0][0].startswith("article.") and
              wait_path(kept, 10), "relink.txt published, in processed/: "
              "%r" % [t for t, _, _ in got])
    finally:
        d.stop()
        logs.extend(d.log)
    d = Daemon(exe, tmp, "max_size = 4000")
    try:
        os.link(kept, os.path.join(d.inbox, "relink.txt"))
        got = d.events(1, 30)
        check(len(got) == 1 and got[0][0] == "source.error.inbox",
              "linked back, it fails by its size: %r" %
              [(t, e.get("error")) for t, e, _ in got])
        failed = os.path.join(d.inbox, "failed", "relink.txt")
        check(wait_path(failed + ".error", 10) and
              "max_size" in open(failed + ".error").read(),
              "in failed/ with its NAME.error")
        check(os.path.exists(kept) and os.path.exists(failed) and
              os.stat(kept).st_ino == os.stat(failed).st_ino,
              "its processed/ name kept")
        # logged after the move: a moment after NAME.error is there
        check(wait_log(d, b"relink.txt: also in processed/, a link no "
                       b"move out of it made", 5),
              "the log says it was kept")
    finally:
        d.stop()
        logs.extend(d.log)


def test_killed(exe, tmp, shim, logs):
    d = Daemon(exe, tmp, "max_size = 4000", env=shim_env(shim))
    failed = os.path.join(d.inbox, "failed", "big.txt")
    try:
        drop(d, "big.txt")
        end = time.monotonic() + 30
        while time.monotonic() < end and d.p.poll() is None:
            time.sleep(0.05)
        check(d.p.poll() == -9 and os.path.exists(failed) and
              not os.path.exists(failed + ".error"),
              "killed after the move into failed/, no NAME.error yet "
              "(exit %r)" % d.p.poll())
    finally:
        d.stop()
        logs.extend(d.log)
    # as an older version left them (NAME.error.tmp): one beside its
    # file, one of a file never moved
    legacy = os.path.join(os.path.dirname(failed), "legacy.txt")
    for path, text in ((legacy, "the file"),
                       (legacy + ".error.tmp", "its reason"),
                       (os.path.join(os.path.dirname(failed),
                                     "gone.txt.error.tmp"), "none's")):
        with open(path, "w") as f:
            f.write(text)
    d = Daemon(exe, tmp, "max_size = 4000")
    try:
        check(wait_path(legacy + ".error", 10) and
              open(legacy + ".error").read() == "its reason",
              "an older version's NAME.error.tmp put in place")
        err = failed + ".error"
        check(wait_path(err, 10) and "[inbox] max_size" in open(err).read(),
              "the next start puts its NAME.error in place: %r" %
              (open(err).read() if os.path.exists(err) else None))
        left = [f for f in os.listdir(os.path.dirname(failed))
                if f.endswith(".tmp")]
        check(left == [], "no .tmp left: %r" % left)
    finally:
        d.stop()
        logs.extend(d.log)


def paused_node(nodes, seconds):
    """The index of the node whose shim holds it (its PATH.paused made),
    or None."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        for i, (_, pause) in enumerate(nodes):
            if os.path.exists(pause + ".paused"):
                return i
        time.sleep(0.05)
    return None


def test_two_writers(exe, tmp, shim, logs):
    inbox = os.path.join(tmp, "inbox")
    nodes = []
    try:
        for n in ("a", "b"):
            pause = os.path.join(tmp, "pause-" + n)
            open(pause, "w").close()
            os.mkdir(os.path.join(tmp, n))
            env = dict(shim_env(shim), NW_CUT_PAUSE=pause)
            nodes.append((Daemon(exe, os.path.join(tmp, n),
                                 "max_size = 4000", env=env, inbox=inbox),
                          pause))
        drop(nodes[0][0], "same.txt")
        held = paused_node(nodes, 30)
        if not check(held is not None, "a node held after its move"):
            return
        first, other = nodes[held][0], nodes[1 - held][0]
        os.unlink(nodes[1 - held][1])
        tmp_file = os.path.join(tmp, "same.txt")
        with open(tmp_file, "w") as f:
            f.write(TEXT + "\nlonger\n")
        size = os.path.getsize(tmp_file)
        os.rename(tmp_file, os.path.join(inbox, "same.txt"))
        failed = os.path.join(inbox, "failed")
        got = other.events(1, 30)
        seqs = [e.get("seq") for t, e, _ in got]
        second = os.path.join(failed, "same.txt.%s.error" % seqs[0]) \
            if seqs else None
        check(seqs and wait_path(second, 10) and
              "%d bytes" % size in open(second).read(),
              "the other node's file in failed/ as NAME.SEQ, its reason "
              "beside it: %r" % sorted(os.listdir(failed)))
        os.unlink(nodes[held][1])
        err = os.path.join(failed, "same.txt.error")
        check(wait_path(err, 10) and "%d bytes" % len(TEXT) in
              open(err).read(), "let go, the held node puts its own "
              "reason in place: %r" % (open(err).read()
                                       if os.path.exists(err) else None))
        time.sleep(0.5)
        left = [f for f in os.listdir(failed) if f.endswith(".tmp")]
        check(left == [], "no .tmp left: %r" % left)
        check(first.p.poll() is None and other.p.poll() is None,
              "both nodes alive")
    finally:
        for d, _ in nodes:
            d.stop()
            logs.extend(d.log)


def main():
    exe, shim = sys.argv[1], os.path.abspath(sys.argv[2])
    logs = []
    tmp = tempfile.mkdtemp(prefix="nw-inbox-failed-")
    for sub in ("a", "b", "c"):
        os.mkdir(os.path.join(tmp, sub))
    test_relinked(exe, os.path.join(tmp, "a"), logs)
    test_killed(exe, os.path.join(tmp, "b"), shim, logs)
    test_two_writers(exe, os.path.join(tmp, "c"), shim, logs)
    return finish(logs, tmp)


if __name__ == "__main__":
    sys.exit(main())
