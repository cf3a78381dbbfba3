#!/usr/bin/env python3
"""A full disk under the store: its errors logged once per change of state
(issue 17 item 8).

usage: test_store_full.py NEWSWIRED

newswired runs in a mount namespace of its own (unshare -m as root, else
unshare -Urm; skipped, 77, where neither works) whose state folder is a
4 MB tmpfs. Two files go through; then the test fills that filesystem
(through /proc/PID/root) until it refuses another byte, drops 20 files
into the inbox while a feed source keeps bringing a new entry every
second, and waits through three of the daemon's retries ([store] retry
= 2, so that the test need not wait through the default 10 s): nothing
is published, the feed is not polled faster than its interval, and the
log says "store: disk full (SQLITE_FULL)" once, not once per file, per
entry or per retry. Then the test frees the space: all 20 files are
published, once each, the log says once "store: recovered
after N failed writes" (N >= 2), and SIGTERM ends the daemon with exit 0.
Every wait is bounded; NW_TIME_FACTOR stretches them.
"""
import os
import re
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "ops"))
sys.path.insert(0, os.path.join(here, "..", "lib"))
from opslib import check, drop, page  # noqa: E402
from feedserver import FeedHandler, serve  # noqa: E402
from hostilelib import conf, need_unshare, tmpfs_run  # noqa: E402
from nwtest import inbox_waiting  # noqa: E402

N_FILES = 20
RETRY = 2       # [store] retry, seconds


class Handler(FeedHandler):
    def route(self, path, n):
        if path == "/feed":
            return self.feed([
                "<item><guid>f-%d</guid><title>Feed entry %d</title>"
                "<description>Entry %d of the feed, in words of its "
                "own.</description></item>" % (n, n, n)])
        return self.send(404, b"no\n")


def main():
    newswired = sys.argv[1]
    need_unshare()
    tmp = tempfile.mkdtemp(prefix="nw-store-full-")
    state = os.path.join(tmp, "state")
    inbox = os.path.join(tmp, "inbox")
    os.makedirs(state)
    os.makedirs(inbox)
    srv = serve(Handler)
    text = conf(inbox, state, inbox_keys="empty_grace = 0\nsettle = 0\n",
                rest="[store]\nretry = %d\n"
                "[http]\nhost_delay = 0\njitter = 0\n"
                '[source "feed"]\nurl = %s/feed\ninterval = 1\n'
                % (RETRY, srv.base))
    try:
        tmpfs_run(newswired, tmp, text, state,
                  lambda d: run(d, srv, tmp, inbox))
    finally:
        srv.shutdown()


def run(d, srv, tmp, inbox):
    events = d.events

    def files_seen(prefix):
        return {e["source"]["uri"].rsplit("/", 1)[-1] for t, e in events
                if t.startswith("article.") and
                e["source"]["kind"] == "folder" and
                e["source"]["uri"].rsplit("/", 1)[-1].startswith(prefix)}

    check(d.heartbeat(), "a heartbeat")
    srv.state["go"].set()
    for i in range(2):
        drop(tmp, inbox, "warm-%d.html" % i, page(i, "warm"))
    check(d.receive(20, lambda: len(files_seen("warm-")) == 2),
          "two files published before the disk is full")
    check(d.receive(10, lambda: any(t.startswith("article.new.feed")
                                    for t, _ in events)),
          "the feed publishes before the disk is full")
    size = d.fill()
    print("filled the state filesystem with %d bytes" % size)
    full_at = len(d.text())
    n_before = len(events)
    with srv.state["lock"]:
        polls0 = srv.state["count"].get("/feed", 0)
    for i in range(N_FILES):
        drop(tmp, inbox, "f-%02d.html" % i, page(i, "full"))
    # three retries of the rolled-back turns, and the feed's polls
    t0 = time.monotonic()
    d.receive(3 * RETRY + 1)
    with srv.state["lock"]:
        polls = srv.state["count"].get("/feed", 0) - polls0
    took = time.monotonic() - t0
    during = d.text()[full_at:]
    full_lines = [ln for ln in during.splitlines()
                  if "disk is full" in ln or "SQLITE_FULL" in ln]
    print("while full: %d event(s), %d poll(s) of the feed in %.0f s; "
          "log lines on it: %r" % (len(events) - n_before, polls, took,
                                   full_lines))
    check(len(events) == n_before, "nothing published while the "
          "store cannot write: %r" % [t for t, _ in events[n_before:]])
    check(len(full_lines) == 1 and
          "store: disk full (SQLITE_FULL)" in full_lines[0],
          "the full disk logged once: %d line(s)" % len(full_lines))
    check(polls <= took + 3, "the feed is polled at its interval, not "
          "in a loop, while its turns roll back: %d polls in %.0f s"
          % (polls, took))
    check(len(inbox_waiting(inbox)) >= N_FILES,
          "the files wait in the inbox: %d" % len(inbox_waiting(inbox)))
    d.free()
    check(d.receive(40, lambda: len(files_seen("f-")) == N_FILES),
          "after the space is freed, all %d files published: %d"
          % (N_FILES, len(files_seen("f-"))))
    d.receive(2)
    rec = re.findall(r"store: recovered after (\d+) failed writes?",
                     d.text()[full_at:])
    print("recovery: %r" % rec)
    check(len(rec) == 1 and int(rec[0]) >= 2,
          "the recovery logged once, with the count: %r" % rec)
    uris = [e["source"]["uri"] for t, e in events
            if t.startswith("article.") and
            e["source"]["kind"] == "folder"]
    check(len(uris) == len(set(uris)), "each file published once")
    check(d.alive(), "newswired alive")


if __name__ == "__main__":
    main()
