#!/usr/bin/env python3
"""SIGTERM whatever the workers are doing; a time budget for every job
(issue 17 item 1).

usage: test_stop_work.py NEWSWIRED

One HTTP server on 127.0.0.1 (tests/lib/feedserver.py): /map is a gzip'd
sitemap of 400,000 URLs (about 20 MB inflated, under the protocol's
50 MB), /feed has one entry whose page, /page, is a 31 MB article; the
inbox gets a 30 MB text article. Each takes a worker seconds of CPU.
Three workers.

Run 1 ([daemon] job_budget = 600): SIGTERM once the three are in work
(the inbox file queued, the sitemap's body and the page come): exit 0
within 10 s; the log says how many jobs it waited for; the file is still
in the inbox (neither processed nor failed) and nothing of the page or
the sitemap was published.
Run 2 (same state, job_budget = 1): the inbox file goes to failed/ with
its NAME.error saying it went over its time budget, with a source.error;
the page gives a source.error naming the budget (the entry is published
from the feed alone); the sitemap gives its URLs or a source.error naming
the budget. Then SIGTERM: exit 0. No sanitizer report in the log. Every
wait is bounded; NW_TIME_FACTOR stretches them.
"""
import gzip
import json
import os
import random
import re
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "ops"))
sys.path.insert(0, os.path.join(here, "..", "lib"))
from opslib import FACTOR, check  # noqa: E402
from feedserver import FeedHandler, serve  # noqa: E402
from hostilelib import (Sub, conf, finish, log_text,  # noqa: E402
                        no_sanitizer_report, start, stop_timed)

N_URLS = 400000
# in the log once each job is handed to a worker
MARKS = [re.compile(m) for m in (r"big\.txt: queued",
                                 r"map: \d+ bytes to parse",
                                 r"/page: \d+ bytes to extract")]
WORDS = ("the minister said on tuesday that government would consider new "
         "measures against inflation while opposition leaders criticised "
         "plan as too little too late").split()


def words(r, n):
    return " ".join(r.choice(WORDS) for _ in range(n)).capitalize() + "."


def paragraphs(seed, size):
    """Paragraphs of about size bytes in all: 500 of random words, each
    numbered on its way round (cheap to make, none the same)."""
    r = random.Random(seed)
    some = [" ".join(words(r, 15) for _ in range(4)) for _ in range(500)]
    out, total, i = [], 0, 0
    while total < size:
        p = "%s Paragraph %d." % (some[i % len(some)], i)
        out.append(p)
        total += len(p) + 7
        i += 1
    return out


def big_text(size):
    return ("Big Title Of The Story\n\nBy A Reporter\n\n" +
            "\n\n".join(paragraphs(1, size)) + "\n").encode()


def big_page(size):
    return ("<!DOCTYPE html><html><head><meta charset=utf-8><title>Big "
            "page</title></head><body><article><h1>Big page</h1><p>" +
            "</p><p>".join(paragraphs(2, size)) +
            "</p></article></body></html>").encode()


def big_map(base):
    urls = "".join("<url><loc>%s/a/%d</loc><lastmod>2026-01-%02d</lastmod>"
                   "</url>" % (base, i, 1 + i % 28) for i in range(N_URLS))
    doc = ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns='
           '"http://www.sitemaps.org/schemas/sitemap/0.9">%s</urlset>\n'
           % urls).encode()
    return gzip.compress(doc, 1), len(doc)


class Handler(FeedHandler):
    def route(self, path, n):
        st = self.server.state
        if path == "/map":
            return self.send(200, st["map"],
                             [("Content-Type", "application/x-gzip")])
        if path == "/feed":
            return self.feed([
                "<item><guid>e-1</guid><title>The entry of the big page"
                "</title><link>%s/page</link><description>What the entry "
                "says of itself, in a few words of its own.</description>"
                "</item>" % st["base"]], etag='"f1"')
        if path == "/page":
            return self.send(200, st["page"],
                             [("Content-Type", "text/html; charset=utf-8")])
        if path.startswith("/a/"):
            return self.send(200, st["small"],
                             [("Content-Type", "text/html; charset=utf-8")])
        return self.send(404, b"no\n")


def write_conf(path, tmp, base, budget):
    with open(path, "w") as f:
        f.write(conf(tmp + "/inbox", tmp + "/state", workers=3,
                     level="debug", inbox_keys="source_name = inbox\n",
                     daemon_keys="job_budget = %d\n" % budget,
                     rest="[http]\nhost_delay = 0\nper_host = 4\n"
                     "jitter = 0\ntimeout = 60\n"
                     '[source "map"]\nurl = %s/map\nkind = sitemap\n'
                     "interval = 3600\nmax_body = 8000000\n"
                     "max_entries = 3\n"
                     '[source "feed"]\nurl = %s/feed\ninterval = 3600\n'
                     "fetch_pages = yes\nmax_body = 33554432\n"
                     % (base, base)))


def run1(newswired, conf_path, logp, sub, srv, tmp):
    d = start(newswired, conf_path, logp, sub)
    check(sub.wait(lambda: sub.beats, 20, d.alive), "run 1: heartbeat")
    srv.state["go"].set()
    end = time.monotonic() + 60 * FACTOR
    text = ""
    while time.monotonic() < end and d.alive():
        text = log_text(logp)
        if all(m.search(text) for m in MARKS):
            break
        sub.poll(100)
    check(all(m.search(text) for m in MARKS),
          "run 1: the file, the sitemap and the page came: %r"
          % [m.pattern for m in MARKS if not m.search(text)])
    time.sleep(0.3)
    rc, took = stop_timed(d)
    text = log_text(logp)
    waited = [ln for ln in text.splitlines()
              if "stopping: waiting for" in ln]
    print("run 1: SIGTERM took %.1f s, rc %r; %s" % (took, rc, waited))
    for ln in text.splitlines():
        if ("stopped" in ln or "left" in ln) and "stop" in ln:
            print("  " + ln[-160:])
    check(rc == 0 and took < 10 * FACTOR, "run 1: SIGTERM while the "
          "workers are busy: exit 0 within 10 s (%.1f s, rc %r)"
          % (took, rc))
    check(waited and "waiting for 3 job" in waited[0],
          "run 1: the stop found the three jobs in work: %r" % waited)
    check(os.path.exists(os.path.join(tmp, "inbox", "big.txt")),
          "run 1: the file cut short stays in the inbox")
    check(not os.path.exists(os.path.join(tmp, "inbox", "failed",
                                          "big.txt")),
          "run 1: the file cut short did not fail")
    sub.poll(500)
    check(not sub.topics("article.new.inbox") and
          not sub.topics("article.new.map"),
          "run 1: nothing of the cut work was published")


def run2(newswired, conf_path, logp, sub, tmp):
    at = len(log_text(logp))
    n0 = len(sub.events)
    d = start(newswired, conf_path, logp, sub)
    failed = os.path.join(tmp, "inbox", "failed", "big.txt.error")

    def done():
        errs = [e.get("error", "") for e in sub.topics("source.error")]
        page = any("/page" in e and "job_budget" in e for e in errs)
        mp = any("sitemap" in e and "job_budget" in e for e in errs) or \
            sub.topics("article.new.map")
        return (os.path.exists(failed) and page and mp and
                sub.topics("article.new.feed"))

    sub.wait(done, 120, d.alive)
    errs = [e.get("error", "") for e in sub.topics("source.error")]
    print("run 2: %d event(s); errors: %s" % (len(sub.events) - n0,
                                              [e[:100] for e in errs]))
    why = ""
    if os.path.exists(failed):
        with open(failed, errors="replace") as f:
            why = f.read()
    check("time budget" in why and "job_budget" in why,
          "run 2: the inbox file failed over its time budget: %r" % why)
    check(any("big.txt" in json.dumps(e) and "job_budget" in e["error"]
              for e in sub.topics("source.error.inbox")),
          "run 2: the file's source.error names the budget")
    check(any("/page" in e and "job_budget" in e for e in errs),
          "run 2: the page's source.error names the budget")
    check(any(e.get("title") == "The entry of the big page"
              for e in sub.topics("article.new.feed")),
          "run 2: the entry is published from the feed alone")
    check(any("sitemap" in e and "job_budget" in e for e in errs) or
          sub.topics("article.new.map"),
          "run 2: the sitemap gives its URLs or a budget error")
    rc, took = stop_timed(d)
    check(rc == 0, "run 2: clean stop (rc %r, %.1f s)" % (rc, took))
    no_sanitizer_report(log_text(logp)[at:])


def main():
    newswired = sys.argv[1]
    tmp = tempfile.mkdtemp(prefix="nw-stop-work-")
    inbox = os.path.join(tmp, "inbox")
    os.makedirs(inbox)
    srv = serve(Handler)
    srv.state["base"] = srv.base
    srv.state["map"], inflated = big_map(srv.base)
    srv.state["page"] = big_page(31 * 1024 * 1024)
    srv.state["small"] = big_page(2000)
    with open(os.path.join(inbox, "big.txt"), "wb") as f:
        f.write(big_text(30 * 1000 * 1000))
    print("sitemap %d bytes (%d inflated), page %d bytes"
          % (len(srv.state["map"]), inflated, len(srv.state["page"])))
    conf_path = os.path.join(tmp, "newswired.conf")
    logp = os.path.join(tmp, "daemon.log")
    sub = Sub()     # on each run's port
    try:
        write_conf(conf_path, tmp, srv.base, 600)
        run1(newswired, conf_path, logp, sub, srv, tmp)
        write_conf(conf_path, tmp, srv.base, 1)
        run2(newswired, conf_path, logp, sub, tmp)
    finally:
        sub.close()
        srv.shutdown()
    finish(tmp, logp, tail=5000)


if __name__ == "__main__":
    main()
