#!/usr/bin/env python3
"""A file put back by hand into the inbox after its move out is new
work: identical, it is not sent again; changed, it is published.

usage: test_inbox_putback.py NEWSWIRED

page.html is published (seq 1) and moved into processed/. The test
moves it back into the inbox as it is (the same inode, size and time:
the store's files row matches it): the daemon finds the article
identical to the one it published ("identical to seq 1 ... not sent
again"), sends nothing and moves it into processed/ again (main sent
seq 1 again, as for a file a kill left committed and not moved). Then
the test changes it in processed/ and moves it back: a new version,
published under a new seq. Last, a file put back within the second
of its commit, 50 ms after its move out: its ctime is compared with the
commit's time at the filesystem's precision, not in seconds (main took
it for a kill's leftover and sent its event again). Then, where the
filesystem stamps a change after a read of the stamp later than it
(Linux 6.13 on: ext4, xfs, btrfs, tmpfs), files put back as soon as
they are moved out, within a tick of their commit: each one new work,
not sent again. The commit's time is the file's own ctime as read after
its claim, which such a kernel stamps any later change past; round 22's
daemon compared with the clock read at the commit, which the coarse
clock lags by up to a tick, and passed this part on such a kernel only
by the reads of the stamp it happened to make. Skipped where the stamps
are coarse (ramfs, older kernels): there a file moved out and put back
within the tick of its claim is still taken for a kill's leftover.
Every wait is bounded; NW_TIME_FACTOR stretches them.
"""
import os
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "ops"))
sys.path.insert(0, os.path.join(here, "..", "lib"))
sys.path.insert(0, os.path.join(here, "..", "hostile"))
from opslib import FACTOR, Daemon, check, page  # noqa: E402
from hostilelib import (Sub, finish, inbox_tmp, log_text,  # noqa: E402
                        no_sanitizer_report, stop, wait_for)

NAME = "page.html"
SAME = "identical to seq 1, published then"


def quick(inbox, sub, logp, tries=8):
    """A file put back 50 ms after its move out (past the tick by which
    the filesystem's clock may lag), within the second of its commit:
    moved out again, not sent again. Dropped at the start of a second,
    tried again under another name where the daemon took longer."""
    for i in range(tries):
        name = "quick%d.html" % i
        done = os.path.join(inbox, "processed", name)
        back = os.path.join(inbox, name)
        with open(os.path.join(inbox, "." + name), "wb") as f:
            f.write(page(10 + i, "quick"))
        time.sleep(1.02 - time.time() % 1)
        t0 = time.time()
        os.rename(os.path.join(inbox, "." + name), back)
        end = time.monotonic() + 10 * FACTOR
        while not os.path.exists(done) and time.monotonic() < end:
            time.sleep(0.001)
        if not check(os.path.exists(done), "%s moved out" % name):
            return
        time.sleep(0.05)
        os.rename(done, back)
        t1 = time.time()
        check(wait_for(lambda: os.path.exists(done) and
                       not os.path.exists(back), 10),
              "%s put back: moved out again" % name)
        sub.settle(1)
        if int(t0) != int(t1):
            print("%s: put back %.3f s after it was dropped, in the next "
                  "second: again" % (name, t1 - t0))
            continue
        print("%s: put back %.3f s after it was dropped, in its second"
              % (name, t1 - t0))
        lines = [ln for ln in log_text(logp).splitlines() if name in ln]
        check(any("put back into the inbox" in ln for ln in lines),
              "the log says it was put back: %r" % lines)
        seqs = [e.get("seq") for _, e in sub.events]
        check(len(seqs) == len(set(seqs)), "not sent again: %r" % seqs)
        return
    check(False, "no file put back within the second of its commit in %d "
          "tries" % tries)


def fine_stamps(folder, tries=200):
    """Whether the filesystem of folder stamps a change made right after
    a read of a file's ctime later than that ctime (multigrain stamps)."""
    a, b = os.path.join(folder, ".probe-a"), os.path.join(folder, ".probe-b")
    fine = True
    with open(a, "wb"):
        pass
    for _ in range(tries):
        was = os.stat(a).st_ctime_ns
        os.rename(a, b)
        os.rename(b, a)
        fine = fine and os.stat(a).st_ctime_ns > was
    os.unlink(a)
    return fine


def tick(inbox, sub, logp, tries=16):
    """Files put back as soon as they are moved out (within a tick of
    their commit): each moved out again, not sent again."""
    if not fine_stamps(inbox):
        print("the filesystem's stamps are coarse: a file put back within "
              "a tick of its commit is not looked at")
        return
    names = []
    for i in range(tries):
        name = "tick%d.html" % i
        done = os.path.join(inbox, "processed", name)
        back = os.path.join(inbox, name)
        with open(os.path.join(inbox, "." + name), "wb") as f:
            f.write(page(40 + i, "tick"))
        os.rename(os.path.join(inbox, "." + name), back)
        end = time.monotonic() + 10 * FACTOR
        while not os.path.exists(done) and time.monotonic() < end:
            time.sleep(0.0002)
        if not check(os.path.exists(done), "%s moved out" % name):
            return
        os.rename(done, back)
        check(wait_for(lambda: os.path.exists(done) and
                       not os.path.exists(back), 10),
              "%s put back at once: moved out again" % name)
        names.append(name)
    sub.settle(1)
    text = log_text(logp)
    for name in names:
        lines = [ln for ln in text.splitlines() if name in ln]
        check(any("put back into the inbox" in ln for ln in lines) and
              not any("already committed" in ln for ln in lines),
              "%s: the log says it was put back: %r" % (name, lines))
    seqs = [e.get("seq") for _, e in sub.events]
    check(len(seqs) == len(set(seqs)), "not sent again: %r" % seqs)


def main():
    exe = sys.argv[1]
    tmp, inbox, conf_path, logp = inbox_tmp("nw-inbox-putback-")
    done = os.path.join(inbox, "processed", NAME)
    back = os.path.join(inbox, NAME)
    sub = Sub()
    d = Daemon(exe, conf_path, logp)
    try:
        check(sub.follow(d.pub_port()), "the publish port")
        check(sub.wait(lambda: len(sub.beats) > 0, 20, d.alive),
              "a heartbeat")
        with open(os.path.join(inbox, "." + NAME), "wb") as f:
            f.write(page(1, "back"))
        os.rename(os.path.join(inbox, "." + NAME), back)
        check(sub.wait(lambda: len(sub.events) >= 1, 20, d.alive) and
              wait_for(lambda: os.path.exists(done), 10),
              "published and moved into processed/")
        time.sleep(1.1)         # its ctime a second past its commit
        os.rename(done, back)
        check(wait_for(lambda: os.path.exists(done) and
                       not os.path.exists(back), 10),
              "put back as it was: moved out again")
        sub.settle(2)
        check(SAME in log_text(logp), "the log says it was identical: %r"
              % [ln for ln in log_text(logp).splitlines() if NAME in ln])
        check([e.get("seq") for _, e in sub.events] == [1],
              "not sent again: %r" % [(t, e.get("seq"))
                                      for t, e in sub.events])

        with open(done, "r+b") as f:    # edited where it lies
            f.write(page(2, "back"))
        time.sleep(1.1)
        os.rename(done, back)
        check(sub.wait(lambda: len(sub.events) >= 2, 20, d.alive) and
              wait_for(lambda: os.path.exists(done), 10),
              "changed and put back: published, moved out again")
        sub.settle(1)
        check([e.get("seq") for _, e in sub.events] == [1, 2],
              "the new version under a new seq: %r"
              % [(t, e.get("seq")) for t, e in sub.events])
        quick(inbox, sub, logp)
        tick(inbox, sub, logp)
        check(d.alive(), "newswired alive")
        stop(d)
    finally:
        sub.close()
        if d.alive():
            d.proc.kill()
    no_sanitizer_report(log_text(logp))
    finish(tmp, logp)


if __name__ == "__main__":
    main()
