#!/usr/bin/env python3
"""A sitemap whose turn rolls back is not fetched again in a loop (issue 17
item 1).

usage: test_sitemap_rollback.py NEWSWIRED

newswired runs in a mount namespace of its own (as test_store_full.py;
skipped, 77, where there is none) whose state folder is a 4 MB tmpfs. A
sitemap source's index lists one sitemap, /c1; the server holds the
answer to /c1 until the test has filled the state's filesystem, so that
the turn that stores /c1's entries rolls back. For three of the
daemon's retries ([store] retry = 2 s) /c1 is asked for once per retry
at most (and once more), not in a loop, and the store's failure is
logged once. Then the test frees the
space: /c1's pages are published. SIGTERM: exit 0. Every wait is bounded;
NW_TIME_FACTOR stretches them.
"""
import os
import sys
import tempfile
import threading
import time

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "ops"))
sys.path.insert(0, os.path.join(here, "..", "lib"))
from opslib import FACTOR, check, page  # noqa: E402
from feedserver import FeedHandler, serve  # noqa: E402
from hostilelib import conf, need_unshare, tmpfs_run  # noqa: E402

RETRY = 2       # [store] retry, seconds


class Handler(FeedHandler):
    def route(self, path, n):
        st = self.server.state
        xml = [("Content-Type", "application/xml")]
        if path == "/idx":
            return self.send(200, (
                '<?xml version="1.0"?><sitemapindex xmlns="http://www.'
                'sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>%s/c1'
                "</loc><lastmod>2026-01-02</lastmod></sitemap>"
                "</sitemapindex>" % st["base"]).encode(), xml)
        if path == "/c1":
            st["asked"].set()
            st["full"].wait(30)
            return self.send(200, (
                '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.'
                'org/schemas/sitemap/0.9"><url><loc>%s/a/1</loc></url>'
                "<url><loc>%s/a/2</loc></url></urlset>"
                % (st["base"], st["base"])).encode(), xml)
        if path.startswith("/a/"):
            return self.send(200, page(int(path[3:]), "map"),
                             [("Content-Type", "text/html")])
        return self.send(404, b"no\n")


def main():
    newswired = sys.argv[1]
    need_unshare()
    tmp = tempfile.mkdtemp(prefix="nw-sitemap-rollback-")
    state = os.path.join(tmp, "state")
    os.makedirs(state)
    os.makedirs(os.path.join(tmp, "inbox"))
    srv = serve(Handler)
    srv.state.update(base=srv.base, asked=threading.Event(),
                     full=threading.Event())
    text = conf(os.path.join(tmp, "inbox"), state,
                rest="[store]\nretry = %d\n"
                "[http]\nhost_delay = 0\njitter = 0\n"
                '[source "map"]\nurl = %s/idx\nkind = sitemap\n'
                "interval = 3600\n" % (RETRY, srv.base))

    def body(d):
        try:
            run(d, srv)
        finally:
            # the server's answer to /c1 goes before the stop
            srv.state["full"].set()
    try:
        tmpfs_run(newswired, tmp, text, state, body)
    finally:
        srv.shutdown()


def run(d, srv):
    events = d.events

    def c1():
        with srv.state["lock"]:
            return srv.state["count"].get("/c1", 0)

    check(d.heartbeat(), "a heartbeat")
    srv.state["go"].set()
    check(srv.state["asked"].wait(20 * FACTOR), "the index's sitemap "
          "is asked for")
    size = d.fill()
    print("filled the state filesystem with %d bytes" % size)
    full_at = len(d.text())
    srv.state["full"].set()
    t0 = time.monotonic()
    d.receive(3 * RETRY + 1)
    took = time.monotonic() - t0
    n = c1()
    full_lines = [ln for ln in d.text()[full_at:].splitlines()
                  if "SQLITE_FULL" in ln]
    print("while full: /c1 asked %d time(s) in %.0f s; %d event(s); "
          "log: %r" % (n, took, len(events), full_lines))
    check(n <= 2 + took / RETRY, "the sitemap whose turn rolled back is "
          "fetched again at the daemon's retry, not in a loop: %d fetches "
          "in %.0f s" % (n, took))
    check(len(full_lines) == 1, "the full disk logged once: %d "
          "line(s)" % len(full_lines))
    d.free()
    check(d.receive(40, lambda: len([1 for t, _ in events
                                     if t.startswith("article.new.map")])
                    == 2),
          "after the space is freed, the sitemap's two pages are "
          "published: %r" % [t for t, _ in events])
    check(d.alive(), "newswired alive")


if __name__ == "__main__":
    main()
