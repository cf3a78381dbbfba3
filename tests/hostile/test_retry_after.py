#!/usr/bin/env python3
"""Retry-After from a hostile server (issue 17 items 5 and 8).

usage: test_retry_after.py NEWSWIRED

One HTTP server on 127.0.0.1, three sources on it:
- /held answers 429 with Retry-After: 99999999999999999999999 (10^23),
  every time;
- /ra-feed has an entry whose page answers 503 with the same Retry-After
  the first time (the page retry path multiplies it by 1000);
- /other publishes a new entry at every poll.
With [http] max_hold = 2: a hold of the host lasts 2 s and is logged
once, when it starts (not per request it holds back),
/other keeps being polled and published a few seconds later, /held is
not polled again (its own Retry-After, capped at a day, holds), the daemon
stays up, stops cleanly, and its log has no sanitizer report (run in the
ASan + UBSan build, a signed overflow of the Retry-After is reported
there). Every wait is bounded; NW_TIME_FACTOR stretches them.
"""
import os
import sys
import tempfile
from datetime import datetime

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "ops"))
sys.path.insert(0, os.path.join(here, "..", "lib"))
from opslib import check, cleanup, failures  # noqa: E402
from nwtest import verdict  # noqa: E402
from feedserver import FeedHandler, serve  # noqa: E402
import hostilelib  # noqa: E402

HUGE = "99999999999999999999999"


def item(guid, link):
    return ("<item><guid>%s</guid><title>Entry %s</title><link>%s</link>"
            "<description>Summary of entry %s, in words.</description>"
            "</item>" % (guid, guid, link, guid))


class Handler(FeedHandler):
    def route(self, path, n):
        base = "http://%s" % self.headers.get("Host")
        if path == "/held":
            return self.send(429, b"slow down\n", [("Retry-After", HUGE)])
        if path == "/ra-feed":
            return self.feed([item("ra-1", base + "/ra-page")])
        if path == "/ra-page":
            return self.send(503, b"busy\n", [("Retry-After", HUGE)])
        if path == "/other":
            return self.feed([item("other-%d" % n, base + "/x%d" % n)])
        return self.send(404, b"no\n")


def main():
    newswired = sys.argv[1]
    tmp = tempfile.mkdtemp(prefix="nw-retry-after-")
    os.makedirs(os.path.join(tmp, "inbox"))
    srv = serve(Handler)
    state = srv.state
    base = srv.base
    srcs = ""
    for name, path, pages in (("held", "/held", "no"),
                              ("ra", "/ra-feed", "yes"),
                              ("other", "/other", "no")):
        srcs += ('[source "%s"]\nurl = %s%s\ninterval = 1\n'
                 "fetch_pages = %s\n" % (name, base, path, pages))
    conf = os.path.join(tmp, "newswired.conf")
    with open(conf, "w") as f:
        f.write(hostilelib.conf(
            tmp + "/inbox", tmp + "/state",
            rest="[http]\nhost_delay = 0\nbackoff = 1\nbackoff_max = 2\n"
            "jitter = 0\nconnect_timeout = 2\ntimeout = 5\n"
            "max_hold = 2\n" + srcs))
    sub = hostilelib.Sub()
    logp = os.path.join(tmp, "daemon.log")
    d = hostilelib.start(newswired, conf, logp, sub)
    try:
        check(sub.wait(lambda: sub.beats, 20, d.alive), "a heartbeat")
        state["go"].set()
        sub.wait(lambda: False, 9, d.alive)
        alive = d.alive()
    finally:
        sub.close()
        rc = d.stop()
        srv.shutdown()
    topics = [t for t, _ in sub.events if t.startswith("article.")]
    text = open(logp, errors="replace").read()
    times = state["times"]
    held_at = times.get("/held", [None])[0]
    later = [t for t in times.get("/other", [])
             if held_at is not None and t > held_at + 2.5]
    holds = [ln for ln in text.splitlines() if " held for " in ln]
    print("requests %r; %d hold line(s); %d article(s) of other"
          % (state["count"], len(holds), topics.count("article.new.other")))
    check(alive and rc == 0, "alive, then a clean stop (rc %r)" % rc)
    check("runtime error" not in text and "Sanitizer" not in text,
          "no sanitizer report in the daemon's log")
    stamps = [datetime.strptime(h[:23], "%Y-%m-%dT%H:%M:%S.%f")
              .timestamp() for h in holds]
    check(1 <= len(holds) and all(b - a >= 1.5 for a, b in
                                  zip(stamps, stamps[1:])),
          "a hold is logged once, when it starts: %r" % holds)
    check(all("held for 2 s" in h for h in holds),
          "a hold lasts max_hold (2 s), not 10^23 s: %r" % holds)
    check(len(later) >= 2, "the other source on the host is polled again "
          "after the hold: %d request(s) after it" % len(later))
    # the hold of the host is short, the source that was told to wait
    # waits as long as it was told (the poller's cap, a day)
    check(len(times.get("/held", [])) == 1,
          "the source told to wait is not polled again past max_hold: "
          "%d request(s)" % len(times.get("/held", [])))
    check(topics.count("article.new.other") >= 3,
          "the other source keeps publishing: %r" % topics)
    if failures:
        print(text[-3000:])
    cleanup(tmp)       # kept on failures
    sys.exit(verdict())


if __name__ == "__main__":
    main()
