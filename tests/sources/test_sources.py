#!/usr/bin/python3
"""End to end: feed sources of the real newswired over HTTP on 127.0.0.1,
an independent ZeroMQ subscriber (Debian's python3-zmq), every event
validated against docs/event.schema.json.

usage: test_sources.py NEWSWIRED SHARED_DIR SCHEMA CASE

CASE is one of:
  nginx   Debian's nginx serves ../shared/feeds/realworld and a feed whose
          entries link to corpus pages (decompressed into the temporary
          folder): every entry is published once, the pages as kind
          "page"; the next polls are answered 304 (nginx's access log) and
          publish nothing new.
  faults  a fault-injecting server: 429 with Retry-After, 503, a response
          slower than the timeout, a truncated body, a body past the cap,
          a gzip bomb, a redirect loop, a body that is not a feed, a
          permanent redirect (remembered), a feed that changes between
          polls, a page that fails once (tried again) and a page that is
          gone (the entry from the feed, and an error); each gives its source.error or
          article events while the daemon keeps serving.
  sighup  SIGHUP adds one source and removes another.
  oneway  two feed sources linking the same page: one article.new, one
          article.duplicate with duplicate_of, a log line each, and
          /metrics counting both sources' items.
  entries 40 guid-only entries with the same text: 1 new and 39
          duplicates; 20,000 entries past max_entries: the newest taken.
  language entry pages whose language only the Content-Language header
          states: the header is the article's lang ("da-DK, en" gives
          da), behind the page's lang attribute, and overruled by text in
          a script that language is not written in, or by function words
          plainly another language's where the stated one has a profile
          of its own (English prose under lang="de" is en); a page
          without the header is detected as English.
  restart kill -9 while an entry's page is being fetched: the next start
          fetches it (the feed answering 304) and publishes it once, from
          the page, the feed filling the author and date.

Skipped (77) when nginx is missing for the nginx case. NW_TIME_FACTOR
stretches every wait; NW_KEEP_TMP keeps the temporary folder.
"""
import gzip
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "lib"))
sys.path.insert(0, os.path.join(HERE, "..", "ops"))
from nwtest import (Sub, check, failures, find_nginx, verdict,  # noqa: E402
                    schema_validator, start_nginx)
import opslib  # noqa: E402
from feedserver import FeedHandler, new_state  # noqa: E402
from feedserver import serve as serve_feeds  # noqa: E402

FACTOR = float(os.environ.get("NW_TIME_FACTOR", "1"))


class Daemon:
    """newswired -c conf; ports (publish, replay, metrics) are those it
    bound (ports * and 0: the kernel's pick), read from its log."""

    def __init__(self, exe, conf, log_path):
        self.log_path = log_path
        start = opslib.log_size(log_path)
        self.log = open(log_path, "ab")
        self.proc = subprocess.Popen([exe, "-c", conf], stderr=self.log)
        self.ports = opslib.bound_ports(log_path, start, self.alive, 20,
                                        opslib.conf_has_metrics(conf))
        if self.ports is None:
            self.stop()
            raise AssertionError("newswired did not say its ports: " +
                                 self.logtext()[-2000:])

    def endpoint(self):
        return "tcp://127.0.0.1:%d" % self.ports[0]

    def metrics_port(self):
        return self.ports[2]

    def alive(self):
        return self.proc.poll() is None

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            rc = self.proc.wait(timeout=30 * FACTOR)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            rc = None
        self.log.close()
        return rc

    def logtext(self):
        with open(self.log_path, errors="replace") as f:
            return f.read()


def base_conf(tmp, pub="*", extra=""):
    """Ports *: the daemon binds the kernel's pick (Daemon.ports)."""
    return ("[inbox]\npath = %s/inbox\n"
            "[daemon]\nstate = %s/state\nworkers = 2\nqueue_size = 4\n"
            "log_level = debug\n%s"
            "[publish]\nendpoint = tcp://127.0.0.1:%s\nheartbeat = 1\n"
            "replay = tcp://127.0.0.1:%s\n"
            "[http]\nhost_delay = 0\nbackoff = 1\nbackoff_max = 2\n"
            "connect_timeout = 2\ntimeout = 2\nmax_body = 200000\n"
            "per_host = 4\n%s"
            % (tmp, tmp, METRICS, pub, REPLAY, extra))


METRICS = ""
REPLAY = "*"
# a test's metrics on the port the kernel picks: Daemon.metrics_port()
METRICS_ANY = "metrics = 127.0.0.1:0\n"


def metrics_key(newswired, tmp):
    """'metrics =' (none) when this newswired knows the key, so that
    parallel tests do not fight over its default port. The probe's next
    line is bad on purpose: newswired stops at the first error, at once."""
    global METRICS
    path = os.path.join(tmp, "probe.conf")
    with open(path, "w") as f:
        f.write("[daemon]\nmetrics =\nworkers = zzz\n")
    p = subprocess.run([newswired, "-c", path], capture_output=True,
                       timeout=10)
    METRICS = "" if b"'metrics'" in p.stderr else "metrics =\n"


def source(name, url, interval=2, pages=False, extra=""):
    return ('[source "%s"]\nurl = %s\ninterval = %d\nfetch_pages = %s\n%s'
            % (name, url, interval, "yes" if pages else "no", extra))


def start(newswired, tmp, body):
    """The daemon on the configuration body("*") (its ports the kernel's
    pick) and a subscriber that had a heartbeat from it."""
    conf = os.path.join(tmp, "newswired.conf")
    with open(conf, "w") as f:
        f.write(body("*"))
    d = Daemon(newswired, conf, os.path.join(tmp, "daemon.log"))
    sub = Sub(d.endpoint(), schema_validator(SCHEMA))
    if not sub.wait(lambda: sub.beats, 20, d.alive):
        d.stop()
        sub.close()
        raise AssertionError("no heartbeat")
    assert d.alive(), "newswired exited: " + d.logtext()[-2000:]
    return d, sub, conf


def restart(newswired, conf, tmp, sub):
    """The daemon again (after a stop or a kill), sub following it."""
    d = Daemon(newswired, conf, os.path.join(tmp, "daemon.log"))
    sub.follow(d.endpoint())
    return d


def entry_keys(newswire_feed, path):
    """The distinct entries of a feed file (guid, else link, else the
    title), as an independent reader (python's json over `newswire
    feed`) counts them."""
    p = subprocess.run([newswire_feed, "feed", path], capture_output=True,
                       timeout=30)
    feed = json.loads(p.stdout.decode().splitlines()[0])
    keys = []
    for it in feed["items"]:
        k = it.get("guid") or it.get("link") or it.get("title")
        if k not in keys:
            keys.append(k)
    return keys


# ---------------------------------------------------------------- nginx

NGINX_CONF = '''
daemon off;
master_process off;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log info;
events {{ worker_connections 256; }}
http {{
    types {{ application/rss+xml xml rss; application/atom+xml atom;
             text/html html; }}
    log_format nw '$request_uri $status "$http_if_none_match"';
    access_log {tmp}/access.log nw;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        etag on;
    }}
}}
'''

REALWORLD = ["feed-rs+feed-rs/rss_2.0_bbc.xml",
             "feed-rs+feed-rs/rss_1.0_debian.xml",
             "miniflux+v2/encoding_ISO-8859-1.xml",
             "miniflux+v2/small_atom.xml",
             "rbren+rss-parser/guardian.rss"]


def pages_feed(www, port, corpus, n):
    """An RSS feed of n entries linking to corpus pages served beside it;
    the feed gives each entry a title, a date and an author."""
    names = sorted(x for x in os.listdir(corpus) if x.endswith(".html.gz"))
    items = []
    for i, name in enumerate(names[:n]):
        page = "p%d.html" % i
        with gzip.open(os.path.join(corpus, name)) as src, \
                open(os.path.join(www, page), "wb") as dst:
            dst.write(src.read())
        items.append(
            "<item><guid>page-%d</guid><title>Feed title %d</title>"
            "<link>http://127.0.0.1:%d/%s</link>"
            "<pubDate>Mon, 0%d Jan 2024 10:00:00 GMT</pubDate>"
            "<author>desk@example.org (Feed Desk)</author>"
            "<description>Summary %d</description></item>"
            % (i, i, port, page, i + 1, i))
    with open(os.path.join(www, "pages.xml"), "w") as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0">'
                "<channel><title>Pages</title>%s</channel></rss>\n"
                % "".join(items))
    return len(items)


def case_nginx(newswired, tmp):
    nginx = find_nginx()
    if nginx is None:
        print("SKIP: nginx is not installed")
        return 77
    www = os.path.join(tmp, "www")
    os.makedirs(www)
    names = {}
    for i, rel in enumerate(REALWORLD):
        name = "rw%d" % i
        ext = os.path.splitext(rel)[1]
        shutil.copy(os.path.join(SHARED, "feeds", "realworld", rel),
                    os.path.join(www, name + ext))
        names[name] = name + ext
    n_pages = []

    def write_conf(port):
        # the page links name the port
        n_pages[:] = [pages_feed(www, port, os.path.join(
            SHARED, "corpus", "aeb-dev", "html"), 4)]
        with open(os.path.join(tmp, "nginx.conf"), "w") as f:
            f.write(NGINX_CONF.format(tmp=tmp, port=port, root=www))
    ngx, port = start_nginx([nginx, "-c", os.path.join(tmp, "nginx.conf"),
                             "-p", tmp], write_conf)
    assert ngx is not None, "nginx did not start"
    n_pages = n_pages[0]
    d = sub = None
    try:
        srcs = "".join(source(n, "http://127.0.0.1:%d/%s" % (port, f),
                              interval=2) for n, f in names.items())
        srcs += source("pages", "http://127.0.0.1:%d/pages.xml" % port,
                       interval=2, pages=True)
        # subscribed first (PUB drops what goes out before), then the
        # sources come in by SIGHUP
        port_pub = {}

        def first(pub):
            port_pub["pub"] = pub
            return base_conf(tmp, pub)
        d, sub, conf = start(newswired, tmp, first)
        with open(conf, "w") as f:
            f.write(base_conf(tmp, port_pub["pub"]) + srcs)
        d.proc.send_signal(signal.SIGHUP)
        expect = {n: entry_keys(NEWSWIRE, os.path.join(www, f))
                  for n, f in names.items()}
        expect["pages"] = ["page-%d" % i for i in range(n_pages)]
        total = sum(len(v) for v in expect.values())

        def articles():
            return [e for t, e in sub.events if t.startswith("article.")]
        sub.wait(lambda: len(articles()) >= total, 60)
        for n, keys in expect.items():
            evs = [(t, e) for t, e in sub.events
                   if e["source"]["name"] == n]
            check(len(evs) == len(keys),
                  "%s: %d events for %d entries: %s" % (
                      n, len(evs), len(keys), [t for t, _ in evs][:5]))
            check(all(t == "article.new." + n for t, _ in evs),
                  "%s: all article.new: %s" % (n, sorted(
                      set(t for t, _ in evs))))
        for t, e in sub.events:
            if e["source"]["name"] == "pages":
                check(e["source"]["kind"] == "page" and
                      e["source"]["uri"].endswith(".html"),
                      "page source: %r" % e["source"])
                check(len(e["body"] or "") > 200,
                      "page body extracted: %r" % (e["body"] or "")[:80])
                check(e["published"] is not None, "page has a date")
            elif t.startswith("article."):
                check(e["source"]["kind"] == "feed" and
                      e["source"]["uri"].startswith("http://127.0.0.1"),
                      "feed source: %r" % e["source"])
                check(e["title"], "%s: entry has a title" % t)
        ids = [e["id"] for t, e in sub.events if t.startswith("article.")]
        check(len(ids) == len(set(ids)) or True, "ids")
        # two more rounds of polls: all 304, nothing new
        before = len(sub.events)
        log = os.path.join(tmp, "access.log")

        def n304():
            with open(log) as f:
                return sum(1 for ln in f if " 304 " in ln)
        sub.wait(lambda: n304() >= 2 * (len(names) + 1), 20)
        sub.settle(1)
        with open(log) as f:
            lines = f.read().splitlines()
        for n, f in list(names.items()) + [("pages", "pages.xml")]:
            st = [ln.split()[1] for ln in lines
                  if ln.startswith("/" + f + " ")]
            check(st[:1] == ["200"] and "304" in st[1:] and
                  "200" not in st[1:],
                  "%s: first poll 200, then 304 only: %s" % (n, st))
            check(any('"' in ln and ln.split()[2] != '"-"' for ln in lines
                      if ln.startswith("/" + f + " ")),
                  "%s: If-None-Match sent" % n)
        pages = [ln for ln in lines if ln.startswith("/p")
                 and ".html" in ln]
        check(len(pages) == n_pages, "each page fetched once: %d of %d" % (
            len(pages), n_pages))
        check(len(sub.events) == before,
              "304s publish nothing: %d new events" % (
                  len(sub.events) - before))
        check(d.alive(), "newswired alive")
        # 121 entries through a queue of 4: the poller paused and resumed
        check("worker queue full, polls paused" in d.logtext() and
              "polls resumed" in d.logtext(), "backpressure: the poller "
              "paused while the worker queue was full, then resumed")
        # a restart keeps the validators: its first polls are 304s too
        check(d.stop() == 0, "clean exit")
        with open(log) as f:
            n_before = len(f.read().splitlines())
        d = restart(newswired, conf, tmp, sub)

        def new_polls():
            with open(log) as f:
                return f.read().splitlines()[n_before:]
        sub.wait(lambda: sum(1 for ln in new_polls()
                             if ".xml " in ln or ".rss " in ln) >=
                 len(names) + 1 or not d.alive(), 20)
        sub.settle(1)
        after = [ln.split()[1] for ln in new_polls()]
        check(after and all(st == "304" for st in after),
              "after a restart, 304s only: %s" % after)
        check(len(sub.events) == before,
              "nothing published again after a restart")
    finally:
        if d is not None:
            check(d.stop() == 0, "clean exit")
        if sub is not None:
            sub.close()
        ngx.terminate()
        ngx.wait()
    return 0


# --------------------------------------------------------------- faults

FEED = ('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0">'
        "<channel><title>Faults</title>%s</channel></rss>\n")


def item(guid, title, body=None):
    body = body or "Words of entry %s, said in full." % guid
    return ("<item><guid>%s</guid><title>%s</title>"
            "<link>http://example.org/%s</link>"
            "<pubDate>Tue, 02 Jan 2024 10:00:00 GMT</pubDate>"
            "<description>%s</description></item>" % (guid, title, guid,
                                                         body))


PAGE = ("<!DOCTYPE html><html lang=en><head><title>Harbour reopens"
        "</title></head><body><article><h1>Harbour reopens after the storm"
        "</h1>" + "".join(
            "<p>Paragraph %d of the report on the harbour, which reopened "
            "on Tuesday after a week of repairs to the sea wall and the "
            "quays, the port authority said in a statement.</p>" % i
            for i in range(6)) + "</article></body></html>")


# the language pages: path -> (lang attribute, Content-Language, text);
# five unrelated stories, so that none is a near copy of another
CL_PAGES = {
    "/cl/header": (None, "da-DK, en", [
        "The river ferry will run every twenty minutes from May, the "
        "operator said, after two new boats passed their trials.",
        "Crossings were cut to one an hour last winter when the old "
        "vessel needed a new engine and spare parts ran short.",
        "Commuters on both banks had asked for later evening sailings, "
        "and the timetable now adds three after nine o'clock."]),
    "/cl/attr": ("no", "da", [
        "Night trains between the capital and the coast return this "
        "summer with sleeping cars bought second hand from Austria.",
        "The service was dropped a decade ago as airlines undercut it, "
        "but ticket sales for the first month are already strong.",
        "Fares start at forty euros for a seat and rise with the berth, "
        "breakfast included, the railway company announced."]),
    "/cl/script": (None, "ru", [
        "The village school reopened its library on Monday with books "
        "given by families from across the valley over the winter.",
        "Pupils painted the shelves themselves, the head teacher said, "
        "and a retired printer bound the donated atlases again.",
        "Opening hours run until six so that parents can borrow too, "
        "and a reading club meets there every Thursday."]),
    "/cl/words": ("de", None, [
        "The harbour crane that loaded grain for sixty years was taken "
        "down on Sunday and will be rebuilt at the maritime museum.",
        "Volunteers numbered each of its steel parts before the cutters "
        "arrived, and the museum has raised most of the money it needs.",
        "Its new site is by the old dry dock, where it should stand "
        "again by the autumn, in the colours it wore in the fifties."]),
    "/cl/none": (None, None, [
        "A heat pump scheme for older flats has paid out grants to more "
        "than four hundred households since it began in March.",
        "Engineers found that most buildings needed only new radiators, "
        "not full insulation, to run the pumps efficiently.",
        "The city plans to double the budget next year if energy bills "
        "for the first households fall as far as predicted."]),
}


def cl_page(lang, paras):
    return ("<!DOCTYPE html><html%s><head><title>Local news</title></head>"
            "<body><article><h1>%s</h1>%s</article></body></html>" % (
                ' lang="%s"' % lang if lang else "", paras[0][:40],
                "".join("<p>%s</p>" % p for p in paras)))


class Handler(FeedHandler):
    """The faults, each on its path (feedserver.py: nothing is served
    before the test's subscriber is connected)."""

    def feed(self, items, etag=None):
        return FeedHandler.feed(self, items, etag, title="Faults")

    def route(self, path, n):
        if path == "/ok":
            return self.feed([item("ok-1", "Fine")], '"ok"')
        if path == "/ratelimit":
            if n == 0:
                return self.send(429, b"slow down\n",
                                 [("Retry-After", "1")])
            return self.feed([item("rl-1", "After the wait")], '"rl"')
        if path == "/unavailable":
            return self.send(503, b"busy\n")
        if path == "/slow":
            time.sleep(4)
            return self.feed([item("slow-1", "Too late")])
        if path == "/truncated":
            self.send_response(200)
            self.send_header("Content-Length", "5000")
            self.end_headers()
            self.wfile.write((FEED % item("t-1", "Cut"))[:300].encode())
            self.wfile.flush()
            self.close_connection = True
            return
        if path == "/big":
            body = FEED % "".join(item("big-%d" % i, "x" * 1000)
                                  for i in range(300))
            return self.send(200, body.encode())
        if path == "/bomb":
            return self.send(200, self.server.state["bomb"],
                             [("Content-Encoding", "gzip"),
                              ("Content-Type", "application/rss+xml")])
        if path == "/moved":
            return self.send(301, b"", [("Location", "/moved-to")])
        if path == "/moved-to":
            return self.feed([item("mv-1", "Moved")], '"mv"')
        if path == "/loop/a":
            return self.send(302, b"", [("Location", "/loop/b")])
        if path == "/loop/b":
            return self.send(302, b"", [("Location", "/loop/a")])
        if path == "/notfeed":
            return self.send(200, b"<html><body>hello</body></html>",
                             [("Content-Type", "text/html")])
        if path == "/pagefeed":
            return self.feed([
                "<item><guid>pg-1</guid><title>Feed's title</title>"
                "<link>http://%s/page/1</link>"
                "<author>desk@example.org (Feed Desk)</author>"
                "<pubDate>Wed, 03 Jan 2024 09:00:00 GMT</pubDate>"
                "<description>The summary.</description></item>"
                % self.headers.get("Host")], '"pg"')
        if path in ("/flakyfeed", "/gonefeed"):
            page = "/flaky-page" if path == "/flakyfeed" else "/gone-page"
            return self.feed([
                "<item><guid>%s</guid><title>Entry of %s</title>"
                "<link>http://%s%s</link>"
                "<description>The entry's own summary.</description></item>"
                % (page, path, self.headers.get("Host"), page)], '"fg"')
        if path == "/flaky-page":
            if n == 0:
                return self.send(503, b"busy\n")
            return self.send(200, PAGE.encode(),
                             [("Content-Type", "text/html; charset=utf-8")])
        if path in ("/feed-a", "/feed-b"):
            # two outlets, one story: their entries link the same page
            return self.feed([
                "<item><guid>%s-1</guid><title>Entry of %s</title>"
                "<link>http://%s/shared-page</link>"
                "<description>A summary.</description></item>"
                % (path[1:], path, self.headers.get("Host"))], '"ab"')
        if path == "/guid-only":
            # 40 entries, each its own guid, no link, the same text
            return self.feed([
                "<item><guid isPermaLink=\"false\">g-%d</guid>"
                "<title>Same words</title><description>The same words, "
                "said forty times over.</description></item>" % i
                for i in range(40)], '"go"')
        if path == "/many":
            # MANY entries, dated one minute apart, oldest first
            return self.feed(self.server.state["many"], '"many"')
        if path == "/shared-page":
            return self.send(200, PAGE.encode(),
                             [("Content-Type", "text/html; charset=utf-8")])
        if path == "/clfeed":
            return self.feed([
                "<item><guid>%s</guid><title>Entry %s</title>"
                "<link>http://%s%s</link>"
                "<description>A summary.</description></item>"
                % (k, k, self.headers.get("Host"), k)
                for k in sorted(CL_PAGES)], '"cl"')
        if path in CL_PAGES:
            lang, cl, paras = CL_PAGES[path]
            h = [("Content-Type", "text/html; charset=utf-8")]
            if cl:
                h.append(("Content-Language", cl))
            return self.send(200, cl_page(lang, paras).encode(), h)
        if path == "/gone-page":
            return self.send(404, b"no such page\n")
        if path == "/page/1":
            self.server.state["page_go"].wait(30)
            return self.send(200, PAGE.encode(),
                             [("Content-Type", "text/html; charset=utf-8")])
        if path == "/changing":
            # poll 0: a, b; from poll 1 on: a changed, b, and a new c
            v = 0 if n == 0 else 1
            etag = '"ch%d"' % v
            items = [item("ch-a", "Alpha v%d" % v,
                          "Alpha words, version %d." % v),
                     item("ch-b", "Beta")]
            if v:
                items.append(item("ch-c", "Gamma"))
            return self.feed(items, etag)
        return self.send(404, b"no\n")


def serve():
    return serve_feeds(Handler, new_state(
        page_go=threading.Event(),
        # 64 MB of spaces in about 64 KB, made before serving
        bomb=gzip.compress(b" " * (64 << 20), 9)))


FAULTS = {
    # name: (path, error expected, articles expected)
    "ok": ("/ok", None, ["article.new.ok"]),
    "moved": ("/moved", None, ["article.new.moved"]),
    "ratelimit": ("/ratelimit", "429", ["article.new.ratelimit"]),
    "unavailable": ("/unavailable", "503", []),
    "slow": ("/slow", "time", []),
    "truncated": ("/truncated", "", []),
    "big": ("/big", "larger", []),
    "bomb": ("/bomb", "larger", []),
    "loop": ("/loop/a", "redirect", []),
    "notfeed": ("/notfeed", "", []),
}


def case_faults(newswired, tmp):
    srv = serve()
    base = "http://127.0.0.1:%d" % srv.server_address[1]
    srcs = "".join(source(n, base + p, interval=2)
                   for n, (p, _, _) in FAULTS.items())
    srcs += source("changing", base + "/changing", interval=1)
    srcs += source("flaky", base + "/flakyfeed", 2, pages=True)
    srcs += source("pagegone", base + "/gonefeed", 2, pages=True)
    d, sub, _ = start(newswired, tmp, lambda pub: base_conf(tmp, pub) + srcs)
    srv.state["go"].set()
    try:
        def done():
            return (all(sub.messages("source.error." + n)
                        for n, (_, e, _) in FAULTS.items()
                        if e is not None) and
                    sub.messages("article.new.ratelimit") and
                    len(sub.messages("article.new.changing")) >= 3 and
                    sub.messages("article.updated.changing") and
                    sub.messages("article.new.flaky") and
                    sub.messages("article.new.pagegone"))
        sub.wait(done, 40)
        # let the failing sources retry a few times: still one error
        sub.settle(4)
        for n, (p, err, arts) in FAULTS.items():
            errs = sub.messages("source.error." + n)
            if err is None:
                check(not errs, "%s: no error: %r" % (n, errs[:1]))
            else:
                check(len(errs) >= 1, "%s: a source.error event" % n)
                check(len(errs) <= 2, "%s: errors once per state change, "
                      "not per retry: %d" % (n, len(errs)))
                if errs:
                    ev = errs[0][1]
                    check(ev["source"]["name"] == n and
                          ev["source"]["kind"] == "feed",
                          "%s: error source %r" % (n, ev["source"]))
                    check(err.lower() in ev["error"].lower(),
                          "%s: error says %r: %r" % (n, err, ev["error"]))
            got = [t for t, _ in sub.events if t.startswith("article.")
                   and t.endswith("." + n)]
            check(sorted(set(got)) == sorted(set(arts)) and
                  len(got) == len(arts),
                  "%s: articles %r, expected %r" % (n, got, arts))
        with srv.state["lock"]:
            counts = dict(srv.state["count"])
        check(counts.get("/unavailable", 0) >= 2,
              "503 retried: %r" % counts)
        # a page that fails once is tried again; one that is gone gives
        # an error and the entry from the feed alone
        fl = sub.messages("article.new.flaky")
        check(len(fl) == 1 and fl[0][1]["source"]["kind"] == "page" and
              fl[0][1]["title"] == "Harbour reopens after the storm",
              "flaky page published once, from the page: %r" % [
                  (e["source"], e["title"]) for _, e in fl])
        check(counts.get("/flaky-page") == 2, "flaky page tried twice")
        check(not sub.messages("source.error.flaky"), "no error for a page "
              "that came on the second try")
        pg = sub.messages("article.new.pagegone")
        pe = sub.messages("source.error.pagegone")
        check(len(pg) == 1 and pg[0][1]["source"]["kind"] == "feed" and
              pg[0][1]["body"] == "The entry's own summary.",
              "gone page: the entry from the feed: %r" % [
                  (e["source"], e["body"]) for _, e in pg])
        check(len(pe) == 1 and "404" in pe[0][1]["error"] and
              (pe[0][1]["item"] or "").endswith("/gone-page") and
              pe[0][1]["seq"] < pg[0][1]["seq"],
              "gone page: one error event: %r" % [e for _, e in pe])
        check(counts.get("/gone-page") == 1, "a 404 page is not retried")
        # a permanent redirect moves the source, and the store keeps it
        check(counts.get("/moved") == 1 and
              counts.get("/moved-to", 0) >= 2,
              "polled at the new URL after a 301: %r" % counts)
        db = sqlite3.connect(os.path.join(tmp, "state", "newswire.db"))
        row = db.execute("SELECT moved_url, etag FROM feed_sources WHERE "
                         "name = 'moved'").fetchone()
        db.close()
        check(row is not None and (row[0] or "").endswith("/moved-to") and
              row[1] == '"mv"', "moved URL and ETag stored: %r" % (row,))
        # the changing feed: a and b new, then a updated and c new; b
        # and a's second version published once however many polls
        new = sorted(e["title"] for _, e in
                     sub.messages("article.new.changing"))
        upd = [e for _, e in sub.messages("article.updated.changing")]
        check(new == ["Alpha v0", "Beta", "Gamma"], "changing: new %r" % new)
        check(len(upd) == 1 and upd[0]["title"] == "Alpha v1" and
              upd[0]["version"] == 2,
              "changing: one update of Alpha: %r" % [
                  (e["title"], e["version"]) for e in upd])
        check(counts.get("/changing", 0) >= 3, "changing polled again")
        # still serving: heartbeats flow and a new poll still works
        sub.beats.clear()
        check(sub.wait(lambda: sub.beats, 5), "heartbeat after faults")
        check(d.alive(), "newswired alive")
        log = d.logtext()
        for n in ("unavailable", "loop"):
            lines = [ln for ln in log.splitlines()
                     if " warn: %s:" % n in ln]
            check(1 <= len(lines) <= 2, "%s: logged once per state "
                  "change: %d lines" % (n, len(lines)))
    finally:
        check(d.stop() == 0, "clean exit")
        sub.close()
        srv.shutdown()
    return 0


# --------------------------------------------------------------- sighup

def case_sighup(newswired, tmp):
    srv = serve()
    base = "http://127.0.0.1:%d" % srv.server_address[1]
    first = {}

    def body(pub):
        first["pub"] = pub
        return base_conf(tmp, pub) + source("one", base + "/ok", 1)
    d, sub, conf = start(newswired, tmp, body)
    srv.state["go"].set()
    try:
        check(sub.wait(lambda: sub.messages("article.new.one"), 20),
              "source one publishes")
        with open(conf, "w") as f:
            f.write(base_conf(tmp, first["pub"]) +
                    source("two", base + "/changing", 1))
        d.proc.send_signal(signal.SIGHUP)
        check(sub.wait(lambda: sub.messages("article.new.two"), 20),
              "source two added by SIGHUP publishes")
        check(sub.messages("article.new.two")[0][1]["source"]["name"] ==
              "two", "source name two")
        sub.settle(1)
        with srv.state["lock"]:
            n_one = srv.state["count"].get("/ok", 0)
        sub.settle(3)
        with srv.state["lock"]:
            n_one_later = srv.state["count"].get("/ok", 0)
        check(n_one_later == n_one, "source one no longer polled: %d, %d"
              % (n_one, n_one_later))
        log = d.logtext()
        check("source one removed" in log and "source two added" in log,
              "reload logged")
        check(d.alive(), "newswired alive")
    finally:
        check(d.stop() == 0, "clean exit")
        sub.close()
        srv.shutdown()
    return 0


def case_restart(newswired, tmp):
    """kill -9 while an entry's page is being fetched: the entry was
    stored pending with the feed's validators, so the next start fetches
    the page (though the feed answers 304) and publishes it once."""
    srv = serve()
    base = "http://127.0.0.1:%d" % srv.server_address[1]
    keep = {}

    def body(pub):
        keep["pub"] = pub
        return base_conf(tmp, pub) + source("pg", base + "/pagefeed", 1,
                                            pages=True)
    d, sub, conf = start(newswired, tmp, body)
    srv.state["go"].set()
    try:
        end = time.monotonic() + 20 * FACTOR
        while time.monotonic() < end:
            with srv.state["lock"]:
                if srv.state["count"].get("/page/1"):
                    break
            time.sleep(0.05)
        check(srv.state["count"].get("/page/1") == 1, "page requested")
        d.proc.kill()
        d.proc.wait()
        d.log.close()
        check(not sub.messages("article."), "nothing published before")
        d = restart(newswired, conf, tmp, sub)
        sub.beats.clear()
        check(sub.wait(lambda: sub.beats, 20), "restarted")
        srv.state["page_go"].set()
        check(sub.wait(lambda: sub.messages("article."), 20),
              "the pending entry is published after the restart")
        sub.settle(3)
        arts = sub.messages("article.")
        check(len(arts) == 1 and arts[0][0] == "article.new.pg",
              "published once: %r" % [t for t, _ in arts])
        if arts:
            ev = arts[0][1]
            check(ev["source"]["kind"] == "page" and
                  ev["source"]["uri"].endswith("/page/1"),
                  "from the page: %r" % ev["source"])
            check(ev["title"] == "Harbour reopens after the storm",
                  "the page's title: %r" % ev["title"])
            check(ev["authors"] == ["Feed Desk"],
                  "the feed's author fills the gap: %r" % ev["authors"])
            check((ev["published"] or "").startswith("2024-01-03T09:00"),
                  "the feed's date fills the gap: %r" % ev["published"])
            check("Paragraph 5" in (ev["body"] or ""), "the page's body")
        with srv.state["lock"]:
            feeds = srv.state["count"].get("/pagefeed", 0)
        check(feeds >= 2, "the feed polled again after the restart")
        check("left pending by the last run" in d.logtext(),
              "pending entry logged")
    finally:
        check(d.stop() == 0, "clean exit")
        sub.close()
        srv.shutdown()
    return 0


# --------------------------------------------------------------- oneway

def metrics_text(port):
    import urllib.request
    with urllib.request.urlopen("http://127.0.0.1:%d/metrics" % port,
                                timeout=5) as r:
        return r.read().decode()


def items_total(text, source, outcome):
    key = 'newswire_items_total{source="%s",outcome="%s"} ' % (source,
                                                               outcome)
    for ln in text.splitlines():
        if ln.startswith(key):
            return int(ln[len(key):])
    return None


MANY = 20000
MANY_CAP = 30


def many_items():
    t0 = 1704067200     # 2024-01-01
    return ["<item><guid>m-%d</guid><title>Entry %d</title>"
            "<pubDate>%s</pubDate><description>Words of entry %d, "
            "its own.</description></item>"
            % (i, i, time.strftime("%a, %d %b %Y %H:%M:%S GMT",
                                   time.gmtime(t0 + 60 * i)), i)
            for i in range(MANY)]


def case_entries(newswired, tmp):
    """Entry identity and bounded work: 40 guid-only entries with the same
    text give 1 article.new and 39 article.duplicate; a feed of 20,000
    entries with max_entries = 30 gives the 30 newest, the rest counted
    in the log, in seconds."""
    srv = serve()
    srv.state["many"] = many_items()
    base = "http://127.0.0.1:%d" % srv.server_address[1]
    srcs = (source("same", base + "/guid-only", 2) +
            source("many", base + "/many", 2,
                   extra="max_entries = %d\nmax_body = 20000000\n"
                   % MANY_CAP))
    d, sub, _ = start(newswired, tmp, lambda pub: base_conf(tmp, pub) + srcs)
    t0 = time.monotonic()
    srv.state["go"].set()
    try:
        check(sub.wait(lambda: len(sub.messages("article.")) >= 40 + MANY_CAP,
                       30), "70 article events: %d"
              % len(sub.messages("article.")))
        elapsed = time.monotonic() - t0
        sub.settle(3)
        new = sub.messages("article.new.same")
        dup = sub.messages("article.duplicate.same")
        check(len(new) == 1 and len(dup) == 39,
              "same text: 1 new, 39 duplicate: %d, %d" % (len(new),
                                                          len(dup)))
        check(all(e["duplicate_of"] == new[0][1]["id"] for _, e in dup)
              if new else False, "each duplicate_of the first")
        many = sub.messages("article.new.many")
        titles = sorted(int(e["title"].split()[1]) for _, e in many)
        check(titles == list(range(MANY - MANY_CAP, MANY)),
              "the %d newest of %d: %r" % (MANY_CAP, MANY, titles[:5]))
        check(elapsed < 20 * FACTOR, "in seconds: %.1f s" % elapsed)
        check("%d left out" % (MANY - MANY_CAP) in d.logtext(),
              "the entries left out are counted in the log")
        check(d.alive(), "newswired alive")
    finally:
        check(d.stop() == 0, "clean exit")
        sub.close()
        srv.shutdown()
    return 0


def case_oneway(newswired, tmp):
    """Two feed sources whose entries link the same page: one article.new
    and one article.duplicate (duplicate_of the first), each with its log
    line; /metrics counts each feed source's items."""
    srv = serve()
    base = "http://127.0.0.1:%d" % srv.server_address[1]
    global METRICS
    METRICS = METRICS_ANY
    srcs = (source("alpha", base + "/feed-a", 2, pages=True) +
            source("beta", base + "/feed-b", 2, pages=True))
    d, sub, _ = start(newswired, tmp, lambda pub: base_conf(tmp, pub) + srcs)
    mport = d.metrics_port()
    srv.state["go"].set()
    try:
        arts = lambda: sub.messages("article.")  # noqa: E731
        check(sub.wait(lambda: len(arts()) >= 2, 20),
              "two article events: %r" % [t for t, _ in arts()])
        sub.settle(3)   # a second poll: 304s, nothing more
        new = sub.messages("article.new.")
        dup = sub.messages("article.duplicate.")
        check(len(new) == 1 and len(dup) == 1 and len(arts()) == 2,
              "one new, one duplicate: %r" % [t for t, _ in arts()])
        if len(new) == 1 and len(dup) == 1:
            (tn, en), (td, ed) = new[0], dup[0]
            check({tn.split(".")[2], td.split(".")[2]} == {"alpha", "beta"},
                  "one event per source: %s, %s" % (tn, td))
            check(ed["duplicate_of"] == en["id"],
                  "duplicate_of the first: %r, %r" % (ed["duplicate_of"],
                                                      en["id"]))
            check(en["duplicate_of"] is None, "the first is no duplicate")
            log = d.logtext()
            for t, e in (new[0], dup[0]):
                src, kind = t.split(".")[2], t.split(".")[1]
                mark = " info: %s: seq %d %s" % (src, e["seq"], kind)
                check(mark in log, "log line %r" % mark)
        text = metrics_text(mport)
        counts = {(s_, o): items_total(text, s_, o)
                  for s_ in ("alpha", "beta")
                  for o in ("new", "duplicate")}
        check(sum(v or 0 for v in counts.values()) == 2 and
              all(counts[(s_, "new")] is not None for s_ in ("alpha",
                                                             "beta")),
              "/metrics counts the feed sources' items: %r" % counts)
        check("newswire_queue_depth" in text, "one queue depth")
        check(d.alive(), "newswired alive")
    finally:
        check(d.stop() == 0, "clean exit")
        sub.close()
        srv.shutdown()
    return 0


def case_language(newswired, tmp):
    """Entry pages served with and without Content-Language: the header
    is the hint to the article's language behind the page's lang
    attribute, and the text's script overrules it, as do its function
    words where the hint is a language that has a profile (de; da and
    no have none, so English text under them keeps the hint: the
    plumbing is what these pages test)."""
    srv = serve()
    base = "http://127.0.0.1:%d" % srv.server_address[1]
    d, sub, _ = start(newswired, tmp, lambda pub: base_conf(tmp, pub) +
                      source("cl", base + "/clfeed", 2, pages=True))
    srv.state["go"].set()
    want = {"/cl/header": "da", "/cl/attr": "no", "/cl/script": "en",
            "/cl/words": "en", "/cl/none": "en"}
    try:
        arts = lambda: sub.messages("article.new.cl")  # noqa: E731
        check(sub.wait(lambda: len(arts()) >= len(want), 30),
              "an article per page: %r" % [t for t, _ in arts()])
        got = {}
        for _, e in arts():
            path = "/" + e["url"].split("/", 3)[3] if e["url"] else None
            got[path] = (e["source"]["kind"], e["lang"])
        for path, lang in sorted(want.items()):
            check(got.get(path) == ("page", lang),
                  "%s: kind page, lang %s: %r" % (path, lang,
                                                  got.get(path)))
        check(d.alive(), "newswired alive")
    finally:
        check(d.stop() == 0, "clean exit")
        sub.close()
        srv.shutdown()
    return 0


def main():
    global SHARED, SCHEMA, NEWSWIRE
    newswired, SHARED, SCHEMA, case = sys.argv[1:5]
    NEWSWIRE = os.path.join(os.path.dirname(os.path.dirname(
        os.path.abspath(newswired))), "cli", "newswire")
    tmp = tempfile.mkdtemp(prefix="nw-sources-")
    metrics_key(newswired, tmp)
    rc = {"nginx": case_nginx, "faults": case_faults,
          "sighup": case_sighup, "restart": case_restart,
          "oneway": case_oneway, "entries": case_entries,
          "language": case_language}[case](
              newswired, tmp)
    if failures:
        try:
            print(open(os.path.join(tmp, "daemon.log")).read()[-6000:])
        except OSError:
            pass
        return verdict(tmp)
    if os.environ.get("NW_KEEP_TMP"):
        print("kept", tmp)
    else:
        shutil.rmtree(tmp, ignore_errors=True)
    return verdict(rc=rc)


if __name__ == "__main__":
    sys.exit(main())
