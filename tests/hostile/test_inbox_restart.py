#!/usr/bin/env python3
"""A restart while published files wait for their move out of the
inbox: they are moved, their events not sent again.

usage: test_inbox_restart.py NEWSWIRED

The test runs in a mount namespace of its own (unshare -m as root, else
unshare -Urm; skipped, 77, where neither works), so that its mounts
outlive each run of the daemon: the inbox is a 1 MB tmpfs, and its
processed/ a read-only bind mount of itself, into which no rename goes
(its [inbox] max_size 4000, [store] retry 2 s, the state on the
ordinary disk). Two pages are dropped: one over max_size, refused (a
source.error event), whose reason cannot be written for the disk the
test filled (failed/NAME.error.INO.tmp: no room), and one published (an
article event) that cannot go into processed/. Both wait in the node's
claimed/ folder, their moves tried again. The daemon is stopped and
started again, twice:

- the first time the test hides the two files as dotfiles (ignored)
  until its subscriber has the new run's first heartbeat, then puts
  them back into the inbox: the daemon takes them as it takes them from
  claimed/ at a start (the same commit path), which a subscriber could
  not be sure to see, the start's own turn coming before its
  subscription. They are not sent again (in an older version the store did
  not know their events had gone out, and both were sent again under
  their seqs), and wait again;
- the second time they stay in claimed/, taken again at the start: the
  log says "only moved, not sent again" for each.

Then the test frees the space and unmounts processed/: within 10 s the
page is in processed/, the refused one in failed/ with its NAME.error,
nothing waits, and the subscriber saw each seq once, two events in all.

Then a file worked on in the inbox itself, its claim refused (claimed/
made a symlink to /dev/null), waits there for its move (the disk full
again); once claimed/ is a folder again, the waiting move claims it into
the node's claimed/ folder within a retry, and a second node started
on the same inbox (its own state) does not take it and publish it again
(its log does not name it, its journal is empty; in an older version the
file stayed in the inbox, for any node to claim and publish). Freed, it
ends in failed/, its event sent once.
SIGTERM ends each run with exit 0. Every wait is bounded; NW_TIME_FACTOR
stretches them.
"""
import os
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "ops"))
sys.path.insert(0, os.path.join(here, "..", "lib"))
from opslib import FACTOR, Daemon, check, page  # noqa: E402
from hostilelib import (Sub, conf, fill, finish, journal_size,  # noqa: E402
                        log_text, need_unshare, no_sanitizer_report,
                        run_daemon, sh, stop, unmount, unshare_argv,
                        wait_for)
from nwtest import inbox_waiting  # noqa: E402

RETRY = 2       # [store] retry, seconds
ONLY_MOVED = "only moved, not sent again"
NAMES = ["big.html", "small.html"]


def big_page(i):
    """A page of about 7.5 kB: over max_size."""
    return page(i, "big").replace(b"</body>", b"<!-- %s --></body>"
                                  % (b"x" * 6000))


def node_dir(inbox):
    """The node's claimed/NODE/ folder."""
    claimed = os.path.join(inbox, "claimed")
    nodes = [n for n in os.listdir(claimed) if not n.startswith(".")]
    check(len(nodes) == 1, "one node's claimed/ folder: %r" % nodes)
    return os.path.join(claimed, nodes[0])


def seqs(sub):
    return sorted(e.get("seq") for _, e in sub.events)


def waiting(inbox):
    return [n for n in inbox_waiting(inbox) if not n.startswith(".")]


def inside(exe):
    tmp = tempfile.mkdtemp(prefix="nw-inbox-restart-")
    inbox = os.path.join(tmp, "inbox")
    processed = os.path.join(inbox, "processed")
    os.makedirs(inbox)
    sh("mount", "-t", "tmpfs", "-o", "size=1m", "nwtmpfs", inbox)
    os.makedirs(processed)
    sh("mount", "--bind", processed, processed)
    sh("mount", "-o", "remount,bind,ro", processed)
    conf_path = os.path.join(tmp, "newswired.conf")
    with open(conf_path, "w") as f:
        f.write(conf(inbox, os.path.join(tmp, "state"),
                     inbox_keys="empty_grace = 0\nsettle = 0\n"
                     "max_size = 4000\n", rest="[store]\nretry = %d\n"
                     % RETRY))
    logp = os.path.join(tmp, "daemon.log")
    sub = Sub()
    filler = os.path.join(inbox, ".filler")
    try:
        body(exe, conf_path, logp, sub, inbox, filler)
        unclaimed(exe, tmp, conf_path, logp, sub, inbox, filler)
    finally:
        sub.close()
        unmount(filler, processed, inbox)
    no_sanitizer_report(log_text(logp))
    if os.path.exists(logp + "-b"):
        no_sanitizer_report(log_text(logp + "-b"))
    finish(tmp, logp)


def body(exe, conf_path, logp, sub, inbox, filler):
    d = run_daemon(exe, conf_path, logp, sub)
    for name, data in zip(NAMES, [big_page(1), page(2, "small")]):
        with open(os.path.join(inbox, "." + name), "wb") as f:
            f.write(data)
    print("filled the inbox's filesystem with %d bytes" % fill(filler))
    for name in NAMES:
        os.rename(os.path.join(inbox, "." + name), os.path.join(inbox,
                                                                 name))
    check(sub.wait(lambda: len(sub.events) >= 2, 20, d.alive),
          "two events while the inbox's disk is full")
    check(sorted(t for t, _ in sub.events) == ["article.new.inbox",
                                                "source.error.inbox"],
          "one article, one source.error: %r" % sub.events)
    first = seqs(sub)
    sub.settle(2 * RETRY + 1)       # two retries
    check(waiting(inbox) == NAMES, "both wait in claimed/: %r"
          % inbox_waiting(inbox))
    stop(d)

    # a start takes them back; hidden until the subscriber is in
    mine = node_dir(inbox)
    for name in NAMES:
        os.rename(os.path.join(mine, name), os.path.join(inbox, "." + name))
    d = run_daemon(exe, conf_path, logp, sub)
    at = d.start
    for name in NAMES:
        os.rename(os.path.join(inbox, "." + name), os.path.join(inbox,
                                                                 name))
    # taken (waited for, not a fixed time), then three retries
    wait_for(lambda: log_text(logp)[at:].count(ONLY_MOVED) >= 2,
             10 + RETRY)
    sub.settle(3 * RETRY + 1)
    text = log_text(logp)[at:]
    print("second run: %r" % [ln for ln in text.splitlines()
                              if "already committed" in ln])
    check(text.count(ONLY_MOVED) == 2,
          "the second run knows both were sent")
    check(seqs(sub) == first, "not sent again after a restart (as an older "
          "version did): %r" % [(t, e.get("seq")) for t, e in sub.events])
    check(waiting(inbox) == NAMES, "both wait again in claimed/: %r"
          % inbox_waiting(inbox))
    stop(d)

    # the start's own reclaim
    d = run_daemon(exe, conf_path, logp, sub)
    at = d.start
    wait_for(lambda: log_text(logp)[at:].count(ONLY_MOVED) >= 2,
             10 + RETRY)
    sub.settle(2 * RETRY + 1)
    text = log_text(logp)[at:]
    check(text.count(ONLY_MOVED) == 2 and
          "taken again" in text, "the third run took both from claimed/ "
          "and knows both were sent")
    os.unlink(filler)
    sh("umount", os.path.join(inbox, "processed"))
    done = sub.wait(lambda: os.path.exists(
        os.path.join(inbox, "processed", "small.html")) and os.path.exists(
            os.path.join(inbox, "failed", "big.html.error")),
                    10 + 2 * RETRY, d.alive)
    check(done and waiting(inbox) == [], "room again: moved into "
          "processed/ and failed/, none waiting: %r, %r, %r"
          % (os.listdir(os.path.join(inbox, "processed")),
             os.listdir(os.path.join(inbox, "failed")),
             inbox_waiting(inbox)))
    sub.settle(RETRY + 1)
    check(seqs(sub) == first, "each event sent once in all: %r"
          % [(t, e.get("seq")) for t, e in sub.events])
    check(d.alive(), "newswired alive")
    stop(d)


def unclaimed(exe, tmp, conf_path, logp, sub, inbox, filler):
    """A move waiting in the inbox itself claims its file once it can;
    a second node leaves it alone."""
    claimed = os.path.join(inbox, "claimed")
    name = "lone.html"
    d = run_daemon(exe, conf_path, logp, sub)
    node = node_dir(inbox)
    os.rmdir(node)
    os.rmdir(claimed)
    os.symlink("/dev/null", claimed)
    with open(os.path.join(inbox, "." + name), "wb") as f:
        f.write(big_page(7))
    fill(filler)
    at = d.start
    os.rename(os.path.join(inbox, "." + name), os.path.join(inbox, name))
    check(sub.wait(lambda: len(sub.events) >= 3, 20, d.alive) and
          sub.events[2][0] == "source.error.inbox", "its source.error: %r"
          % [t for t, _ in sub.events[2:]])
    check(wait_for(lambda: "the file waits in the inbox" in
                   log_text(logp)[at:], 10), "worked on unclaimed, its "
          "move waits in the inbox")
    os.unlink(claimed)
    os.mkdir(claimed)
    mine = os.path.join(node, name)
    check(wait_for(lambda: os.path.exists(mine), 2 * RETRY + 1) and
          not os.path.exists(os.path.join(inbox, name)),
          "claimed while its move waits: %r" % inbox_waiting(inbox))
    check("claimed into claimed/" in log_text(logp)[at:],
          "the log says it was claimed")

    state_b = os.path.join(tmp, "state-b")
    conf_b = conf_path + "-b"
    with open(conf_b, "w") as f:
        f.write(conf(inbox, state_b, inbox_keys="empty_grace = 0\n"
                     "settle = 0\nmax_size = 4000\n",
                     rest="[store]\nretry = %d\n" % RETRY))
    b = Daemon(exe, conf_b, logp + "-b")
    check(sub.connect(b.pub_port()), "the second node's publish port")
    sub.settle(RETRY + 1)
    check(b.alive() and name not in log_text(logp + "-b") and
          journal_size(state_b) == 0 and len(sub.events) == 3,
          "the second node leaves it alone: journal %d, events %r"
          % (journal_size(state_b), [t for t, _ in sub.events]))
    check(os.path.exists(mine), "still in the first node's claimed/")
    os.unlink(filler)
    err = os.path.join(inbox, "failed", name + ".error")
    check(wait_for(lambda: os.path.exists(err), 10 + RETRY) and
          not os.path.exists(mine), "room again: moved into failed/")
    sub.settle(1)
    check(len(sub.events) == 3 and journal_size(state_b) == 0,
          "its event sent once: %r" % [(t, e.get("seq"))
                                       for t, e in sub.events])
    stop(b)
    stop(d)


def main():
    exe = sys.argv[-1]
    if len(sys.argv) == 3 and sys.argv[1] == "--inside":
        inside(exe)
    need_unshare()
    p = subprocess.run(list(unshare_argv()) + [sys.executable,
                                               os.path.abspath(__file__),
                                               "--inside", exe],
                       timeout=240 * FACTOR)
    sys.exit(p.returncode)


if __name__ == "__main__":
    main()
