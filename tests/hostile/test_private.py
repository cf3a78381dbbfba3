#!/usr/bin/env python3
"""No fetches into the private network unless asked (issue 17 item 3).

usage: test_private.py NEWSWIRED

Two HTTP servers on 127.0.0.1: the sources' own host A, and an
"internal" host B on another port. With the defaults:
- a feed on A redirecting to a feed on B gives a source.error naming the
  refusal, and B never sees the request;
- a feed on A whose entry links a page on B (fetch_pages = yes) gives a
  source.error for that page, B never sees the request, and nothing of
  the internal page is published;
- a feed on A whose entry links a page on A itself is fetched (a source
  configured on a private address may reach its own host).
With [http] allow_private = yes the redirect and the page on B are
fetched and published. Every wait is bounded; NW_TIME_FACTOR stretches
them.
"""
import json
import os
import sys
import tempfile
import threading

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "ops"))
sys.path.insert(0, os.path.join(here, "..", "lib"))
from opslib import check, cleanup  # noqa: E402
from nwtest import verdict  # noqa: E402
from feedserver import FeedHandler, new_state, serve  # noqa: E402
import hostilelib  # noqa: E402

SECRET = "Internal admin console of the intranet"


def page(title):
    paras = "".join(
        "<p>Paragraph %d of %s, long enough to be an article body with "
        "words about the harbour and the sea wall repairs.</p>" % (i, title)
        for i in range(5))
    return ("<!DOCTYPE html><html lang=en><head><title>%s</title></head>"
            "<body><article><h1>%s</h1>%s</article></body></html>"
            % (title, title, paras)).encode()


def item(guid, link):
    return ("<item><guid>%s</guid><title>Entry %s</title><link>%s</link>"
            "<description>Summary of entry %s.</description></item>"
            % (guid, guid, link, guid))


class Handler(FeedHandler):
    """Host A's and host B's paths (they share one state; nothing is
    served before the test's subscriber hears the daemon)."""

    def route(self, path, n):
        st = self.server.state
        a, b = st["a"], st["b"]
        html = [("Content-Type", "text/html; charset=utf-8")]
        if path == "/redir":
            return self.send(302, b"", [("Location", b + "/secret-feed")])
        if path == "/secret-feed":
            return self.feed([item("inside-1", b + "/x")])
        if path == "/links":
            return self.feed([item("links-1", b + "/admin")])
        if path == "/own":
            return self.feed([item("own-1", a + "/page")])
        if path == "/admin":
            return self.send(200, page(SECRET), html)
        if path == "/page":
            return self.send(200, page("Harbour reopens"), html)
        return self.send(404, b"no\n")


def conf(tmp, a, extra):
    srcs = ""
    for name, pages in (("redir", False), ("links", True), ("own", True)):
        srcs += ('[source "%s"]\nurl = %s/%s\ninterval = 2\n'
                 "fetch_pages = %s\n" % (name, a, name,
                                         "yes" if pages else "no"))
    return hostilelib.conf(
        tmp + "/inbox", tmp + "/state",
        rest="[http]\nhost_delay = 0\nbackoff = 1\nbackoff_max = 2\n"
        "connect_timeout = 2\ntimeout = 5\n" + extra + srcs)


def run(newswired, tmp, state, allow):
    state["count"] = {}
    state["go"] = threading.Event()
    run_tmp = os.path.join(tmp, "allow" if allow else "deny")
    os.makedirs(os.path.join(run_tmp, "inbox"))
    path = os.path.join(tmp, "newswired.conf")
    with open(path, "w") as f:
        f.write(conf(run_tmp, state["a"],
                     "allow_private = yes\n" if allow else ""))
    sub = hostilelib.Sub()
    log = os.path.join(tmp, "daemon-%s.log" % ("allow" if allow else "deny"))
    d = hostilelib.start(newswired, path, log, sub)
    events = sub.events

    def topics(prefix):
        return [t for t, _ in events if t.startswith(prefix)]

    want = (["article.new.redir", "article.new.links", "article.new.own"]
            if allow else ["source.error.redir", "source.error.links",
                           "article.new.own"])
    try:
        # the first heartbeat: the subscription is in, the servers may
        # answer
        check(sub.wait(lambda: sub.beats, 20, d.alive), "a heartbeat")
        state["go"].set()
        sub.wait(lambda: all(topics(w) for w in want), 30, d.alive)
        # a little more: anything that should not come has its chance
        sub.wait(lambda: False, 2)
    finally:
        sub.close()
        rc = d.stop()
    check(rc == 0, "clean stop, rc %r" % rc)
    text = open(log, errors="replace").read()
    return events, topics, text, dict(state["count"])


def main():
    newswired = sys.argv[1]
    tmp = tempfile.mkdtemp(prefix="nw-private-")
    state = new_state()
    srv_a = serve(Handler, state)
    srv_b = serve(Handler, state)
    state["a"] = srv_a.base
    state["b"] = srv_b.base

    events, topics, text, count = run(newswired, tmp, state, False)
    bodies = json.dumps([e for _, e in events])
    print("default: %s; requests %r" % (sorted(set(t for t, _ in events
                                                   if t != "heartbeat")),
                                        count))
    check(topics("source.error.redir"), "redirect to another loopback "
          "port: source.error")
    check(not topics("article.new.redir"), "the redirected feed is not "
          "published")
    check(count.get("/secret-feed", 0) == 0, "B never sees the redirected "
          "request: %r" % count)
    check(topics("source.error.links"), "entry page on another loopback "
          "port: source.error")
    check(count.get("/admin", 0) == 0, "B never sees the page request")
    check(SECRET not in bodies, "nothing of the internal page published")
    check(topics("article.new.own"), "a page on the source's own host is "
          "fetched and published")
    check(count.get("/page", 0) >= 1, "the own-host page was requested")
    check("allow_private" in text and "refused to connect" in text,
          "the refusal is logged, naming allow_private")

    events, topics, text, count = run(newswired, tmp, state, True)
    bodies = json.dumps([e for _, e in events])
    print("allow_private: %s; requests %r"
          % (sorted(set(t for t, _ in events if t != "heartbeat")), count))
    check(topics("article.new.redir") and count.get("/secret-feed", 0) >= 1,
          "allow_private: the redirect is followed")
    check(count.get("/admin", 0) >= 1 and SECRET in bodies,
          "allow_private: the page on B is fetched and published")
    check(not topics("source.error"), "allow_private: no source.error: %r"
          % topics("source.error"))
    srv_a.shutdown()
    srv_b.shutdown()
    cleanup(tmp)       # kept on failures
    sys.exit(verdict())


if __name__ == "__main__":
    main()
