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
published under a new seq. Every wait is bounded; NW_TIME_FACTOR
stretches them.
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
from hostilelib import (Sub, conf, finish, log_text,  # noqa: E402
                        no_sanitizer_report, stop, wait_for)

NAME = "page.html"
SAME = "identical to seq 1, published then"


def main():
    exe = sys.argv[1]
    tmp = tempfile.mkdtemp(prefix="nw-inbox-putback-")
    inbox = os.path.join(tmp, "inbox")
    os.makedirs(inbox)
    conf_path = os.path.join(tmp, "newswired.conf")
    with open(conf_path, "w") as f:
        f.write(conf(inbox, os.path.join(tmp, "state"),
                     inbox_keys="empty_grace = 0\nsettle = 0\n"))
    logp = os.path.join(tmp, "daemon.log")
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
