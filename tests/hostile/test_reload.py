#!/usr/bin/env python3
"""Reloads that cannot switch the daemon off (issue 17 item 4).

usage: test_reload.py NEWSWIRED

A running newswired with an inbox and a feed source gets SIGHUP while its
configuration file is empty, then missing, then broken: each time one
clear log line refuses it, and the running configuration stays (a file
dropped into the inbox is still published, the feed source still polled
and published). A valid file then reloads. Every wait is bounded;
NW_TIME_FACTOR stretches them.
"""
import os
import re
import signal
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "ops"))
sys.path.insert(0, os.path.join(here, "..", "lib"))
from opslib import FACTOR, check, cleanup, drop, failures, page  # noqa: E402
from feedserver import FeedHandler, serve  # noqa: E402
from nwtest import Sub, verdict  # noqa: E402
import hostilelib  # noqa: E402


class Handler(FeedHandler):
    """A new entry at every poll: poll n + 1 (of /feed) gives "Entry n"."""

    def route(self, path, n):
        n += 1
        return self.feed(["<item><guid>e-%d</guid><title>Entry %d</title>"
                          "<link>http://%s/e%d</link><description>Summary "
                          "of entry %d, in words.</description></item>"
                          % (n, n, self.headers.get("Host"), n, n)])


def main():
    newswired = sys.argv[1]
    tmp = tempfile.mkdtemp(prefix="nw-reload-")
    inbox = os.path.join(tmp, "inbox")
    os.makedirs(inbox)
    srv = serve(Handler)
    srv.state["go"].set()
    conf = os.path.join(tmp, "newswired.conf")
    good = hostilelib.conf(
        inbox, tmp + "/state", workers=1,
        inbox_keys="source_name = box\nempty_grace = 0\n",
        rest="[http]\nhost_delay = 0\njitter = 0\n"
        '[source "feed"]\nurl = http://127.0.0.1:%d/feed\n'
        "interval = 1\n" % srv.server_address[1])
    with open(conf, "w") as f:
        f.write(good)
    sub = Sub()
    logp = os.path.join(tmp, "daemon.log")
    d = hostilelib.start(newswired, conf, logp, sub)

    def log():
        return open(logp, errors="replace").read()

    def polls():
        with srv.state["lock"]:
            return srv.state["count"].get("/feed", 0)

    def feed_polled_after(n):
        """An event of an entry the feed gave after its first n polls
        (so polled by the daemon after they were counted)."""
        got = [re.fullmatch(r"Entry (\d+)", e.get("title") or "")
               for e in sub.topics("article.new.feed")]
        return any(m and int(m.group(1)) > n for m in got)

    def hup_and_wait(what, marker):
        before = log().count(marker)
        d.signal(signal.SIGHUP)
        end = time.monotonic() + 10 * FACTOR
        while time.monotonic() < end and log().count(marker) == before:
            time.sleep(0.05)
        return check(log().count(marker) == before + 1,
                     "%s: one %r line" % (what, marker))

    try:
        check(sub.wait(lambda: sub.topics("article.new.feed"), 20,
                       d.alive), "the feed publishes")
        cases = [("empty", "", "has no settings"),
                 ("missing", None, "keeping the running configuration"),
                 ("broken", "[inbox\npath = /nowhere\n",
                  "keeping the running configuration")]
        for i, (what, text, marker) in enumerate(cases):
            if text is None:
                os.remove(conf)
            else:
                with open(conf, "w") as f:
                    f.write(text)
            hup_and_wait(what, marker)
            check("configuration reloaded" not in log(),
                  "%s: not reloaded" % what)
            n = polls()
            drop(tmp, inbox, "%s.html" % what, page(i, what))
            check(sub.wait(lambda: len(sub.topics("article.new.box")) ==
                           i + 1, 20, d.alive),
                  "%s: the inbox is still watched" % what)
            check(sub.wait(lambda: feed_polled_after(n), 10, d.alive),
                  "%s: the feed source is still polled" % what)
        with open(conf, "w") as f:
            f.write(good)
        hup_and_wait("valid again", "configuration reloaded")
        check(d.alive(), "daemon alive")
    finally:
        sub.close()
        rc = d.stop()
        srv.shutdown()
    check(rc == 0, "clean stop, rc %r" % rc)
    refusals = [ln for ln in log().splitlines() if "reload:" in ln and
                "keeping the running" in ln]
    print("\n".join(refusals))
    check(len(refusals) == 3, "three refusals, one line each")
    if failures:
        print(log()[-3000:])
    cleanup(tmp)       # kept on failures
    sys.exit(verdict())


if __name__ == "__main__":
    main()
