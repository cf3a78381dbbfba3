"""[cluster] leases: what discovery found travels with the source's lease
(issue 12).

1. The feed found on a site: a new owner polls it at once, without
searching the site again. Sources s0 and s1 are `site = http://.../siteI/`, whose pages name their
feeds (/fI.xml, 2 entries each) in a <link rel="alternate">. Node a
holds both leases, finds both feeds, publishes the 4 entries and is
SIGKILLed; each feed gets an entry. Node b takes the leases when they
expire: its first request for each source is a conditional GET of the
feed a found, with a's ETag; it never asks for a site page; it publishes
the 2 new entries once each and nothing a published. Without the moved
URL in the lease, b would search each site first (and poll the feed
with no validators for it).

2. The sitemaps of a sitemap index still to fetch. Node a fetches the
index (2 sitemaps of 2 pages each), the first sitemap and its pages, and
is SIGKILLed while its request for the second sitemap hangs. Node b takes
the lease: the index answers its conditional GET with 304, and b fetches
the second sitemap all the same (it was pending in a's lease state) and
publishes its 2 pages; every page is in the stream once. Without the
pending sitemaps in the lease, b would never fetch it (until the index
changed).

Exit 77 (skip) without nats-server. Usage: test_lease_discovery.py
NEWSWIRED
"""
import base64
import json
import os
import http.server
import signal
import socketserver
import sys
import threading
import time

import clusterlib
from clusterlib import check, m, wait_for
import natsproto
import opslib

N_SITES = 2
N_ENTRIES = 2
LEASE = 3


class SiteFeeds(clusterlib.Feeds):
    """clusterlib's feeds, and /siteI/: a page that names feed I. Every
    request (time, path, user agent, If-None-Match) goes to self.reqs."""

    def __init__(self, n, entries):
        super().__init__(n, entries)
        self.reqs = []

    def serve(self, h):
        with self.lock:
            self.reqs.append((time.time(), h.path,
                              h.headers.get("User-Agent", ""),
                              h.headers.get("If-None-Match")))
        if not h.path.startswith("/site"):
            return super().serve(h)
        i = h.path.strip("/")[4:]
        body = ("<!doctype html><html><head><title>Site %s</title>"
                '<link rel="alternate" type="application/rss+xml" '
                'href="/f%s.xml"></head><body><p>News.</p></body></html>'
                % (i, i)).encode()
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    def requests(self, ua):
        with self.lock:
            return [r for r in self.reqs if r[2] == ua]


def lease_state(port, name):
    """The state that source name's lease carries in the bucket, as a
    dict ({} while it has none)."""
    c = natsproto.Conn(port)
    try:
        r = c.api("STREAM.MSG.GET.KV_newswire_sources",
                  {"last_by_subj": "$KV.newswire_sources.src." + name})
    except OSError:
        r = {}
    finally:
        c.close()
    data = (r.get("message") or {}).get("data")
    state = json.loads(base64.b64decode(data)).get("state") if data else None
    return json.loads(state) if state else {}


def start(exe, tmp, name, port, feeds):
    """Node name, its sources the sites of feeds (site = ...)."""
    more = "".join('[source "s%d"]\nsite = http://127.0.0.1:%d/site%d/\n'
                   "interval = 1\n" % (i, feeds.port, i)
                   for i in range(N_SITES))
    d, mport, _, log = clusterlib.start_node(
        exe, tmp, name, [port], feeds.port, [], lease=LEASE, more=more)
    check(d is not None, "node %s starts" % name)
    return d, mport, log


def case_site(exe, server, tmp):
    os.makedirs(tmp)
    srv = clusterlib.start_server(server, tmp)
    if srv is None:
        return
    port = srv.port
    feeds = SiteFeeds(N_SITES, N_ENTRIES)
    a = b = None
    try:
        a, mport_a, _ = start(exe, tmp, "a", port, feeds)
        if a is None:
            return
        first = N_SITES * N_ENTRIES
        check(wait_for(lambda: m(mport_a, "newswire_nats_acked_seq") ==
                       first, 30),
              "a found the feeds and published the %d entries (acked %s)"
              % (first, m(mport_a, "newswire_nats_acked_seq")))
        check(all(any(r[1] == "/site%d/" % i for r in
                      feeds.requests("node-a")) for i in range(N_SITES)),
              "a searched both sites")
        # written at a renewal: a killed before it, b would search
        check(wait_for(lambda: all(
            lease_state(port, "s%d" % i).get("moved_url") and
            lease_state(port, "s%d" % i).get("etag")
            for i in range(N_SITES)), 15),
            "a's leases carry the feeds found and their ETags")
        a.signal(signal.SIGKILL)
        a.stop(signalled=True)
        a = None
        for i in range(N_SITES):
            feeds.add(i, N_ENTRIES)
        b, _, log_b = start(exe, tmp, "b", port, feeds)
        if b is None:
            return
        want = first + N_SITES
        check(wait_for(lambda: clusterlib.stream_count(port) >= want, 40),
              "b took over and published the %d new entries (stream has "
              "%d)" % (N_SITES, clusterlib.stream_count(port)))
        time.sleep(1.5)         # b polls again: nothing more
        breqs = feeds.requests("node-b")
        check(not [r for r in breqs if r[1].startswith("/site")],
              "b never searched a site (%s)"
              % [r[1] for r in breqs if r[1].startswith("/site")])
        for i in range(N_SITES):
            mine = [r for r in breqs if r[1] == "/f%d.xml" % i]
            check(mine and mine[0][3] is not None,
                  "b's first request for s%d: a conditional GET of "
                  "/f%d.xml (%s)" % (i, i, mine[:1]))
        c = natsproto.wait_conn(port, srv.proc, 15)
        evs = clusterlib.article_events(c)
        c.close()
        kinds = {}
        for kind, guid, ev in evs:
            kinds.setdefault(guid, []).append(kind)
        for i in range(N_SITES):
            for k in range(N_ENTRIES + 1):
                g = "f%d-%d" % (i, k)
                check(kinds.get(g) == ["new"], "entry %s: one article.new "
                      "(has %s)" % (g, kinds.get(g)))
        check(len(evs) == want, "%d article events in all (has %d)"
              % (want, len(evs)))
        with open(log_b, errors="replace") as f:
            check(f.read().count(".xml, from the lease") == N_SITES,
                  "b says it polls each feed from the lease")
        check(b.stop() == 0, "b stops cleanly")
        b = None
    finally:
        for d in (a, b):
            if d is not None:
                d.stop()
        feeds.close()
        srv.stop()


class Sitemaps:
    """/smi.xml: an index of /k0.xml and /k1.xml (ETag "idx1"; k0 the
    newer, fetched first), each a
    sitemap of 2 pages /pN.html. A request for /k1.xml by node-a hangs
    until self.go is set. Requests go to self.reqs: (path, user agent,
    If-None-Match, status)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.reqs = []
        self.go = threading.Event()
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                outer.serve(self)

            def log_message(self, *a):
                pass

        class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
            daemon_threads = True

            def handle_error(self, request, client_address):
                pass

        self.srv = Server(("127.0.0.1", 0), Handler)
        self.port = self.srv.server_address[1]
        self.base = "http://127.0.0.1:%d" % self.port
        threading.Thread(target=self.srv.serve_forever, daemon=True).start()

    def body(self, path):
        if path == "/smi.xml":
            kids = "".join("<sitemap><loc>%s/k%d.xml</loc><lastmod>2026-12-"
                           "0%dT00:00:00Z</lastmod></sitemap>"
                           % (self.base, k, 2 - k) for k in range(2))
            return ('<?xml version="1.0"?><sitemapindex xmlns="http://www.'
                    'sitemaps.org/schemas/sitemap/0.9">%s</sitemapindex>'
                    % kids).encode(), "application/xml"
        if path in ("/k0.xml", "/k1.xml"):
            k = int(path[2])
            urls = "".join("<url><loc>%s/p%d.html</loc></url>"
                           % (self.base, 2 * k + n) for n in range(2))
            return ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps'
                    '.org/schemas/sitemap/0.9">%s</urlset>'
                    % urls).encode(), "application/xml"
        if path.startswith("/p") and path.endswith(".html"):
            return opslib.page(int(path[2:-5]), "sm"), "text/html"
        return None, None

    def serve(self, h):
        ua = h.headers.get("User-Agent", "")
        inm = h.headers.get("If-None-Match")
        body, ctype = self.body(h.path)
        if h.path == "/k1.xml" and ua == "node-a":
            self.log(h.path, ua, inm, 0)        # asked for
            self.go.wait(30)
        status = 404 if body is None else 304 if (
            h.path == "/smi.xml" and inm == '"idx1"') else 200
        self.log(h.path, ua, inm, status)
        h.send_response(status)
        if h.path == "/smi.xml":
            h.send_header("ETag", '"idx1"')
        if status != 200:
            h.send_header("Content-Length", "0")
            h.end_headers()
            return
        h.send_header("Content-Type", ctype)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    def log(self, path, ua, inm, status):
        with self.lock:
            self.reqs.append((path, ua, inm, status))

    def requests(self, ua):
        with self.lock:
            return [r for r in self.reqs if r[1] == ua]

    def close(self):
        self.go.set()
        self.srv.shutdown()
        self.srv.server_close()


def case_sitemap(exe, server, tmp):
    os.makedirs(tmp)
    srv = clusterlib.start_server(server, tmp)
    if srv is None:
        return
    port = srv.port
    sm = Sitemaps()
    a = b = None

    def sm_start(name):
        d, mport, _, log = clusterlib.start_node(
            exe, tmp, name, [port], 1, [], lease=LEASE,
            more='[source "town"]\nkind = sitemap\nurl = %s/smi.xml\n'
            "interval = 1\n" % sm.base)
        check(d is not None, "node %s starts" % name)
        return d, mport, log

    try:
        a, mport_a, _ = sm_start("a")
        if a is None:
            return
        check(wait_for(lambda: ("/k1.xml", "node-a", None, 0) in
                       sm.requests("node-a") and
                       m(mport_a, "newswire_nats_acked_seq") == 2, 30),
              "a published the first sitemap's 2 pages and asks for the "
              "second (acked %s)" % m(mport_a, "newswire_nats_acked_seq"))
        check(wait_for(lambda: any(
            u.endswith("/k1.xml") for u in
            lease_state(port, "town").get("sitemaps", [])), 15),
            "a's lease carries the sitemap still to fetch")
        a.signal(signal.SIGKILL)
        a.stop(signalled=True)
        a = None
        sm.go.set()
        b, _, log_b = sm_start("b")
        if b is None:
            return
        check(wait_for(lambda: clusterlib.stream_count(port) >= 4, 40),
              "b published the second sitemap's 2 pages (stream has %d)"
              % clusterlib.stream_count(port))
        time.sleep(1.5)
        breqs = sm.requests("node-b")
        idx = [r for r in breqs if r[0] == "/smi.xml"]
        check(idx and idx[0][3] == 304, "b's first GET of the index: "
              "conditional, answered 304 (%s)" % idx[:1])
        check(("/k1.xml", "node-b", None, 200) in breqs,
              "b fetched the second sitemap")
        check(not [r for r in breqs if r[0] == "/k0.xml"],
              "b did not fetch the first one again")
        c = natsproto.wait_conn(port, srv.proc, 15)
        evs = clusterlib.article_events(c)
        c.close()
        urls = sorted(ev["url"].rsplit("/", 1)[-1] for kind, _, ev in evs
                      if kind == "new")
        check(urls == ["p%d.html" % i for i in range(4)] and len(evs) == 4,
              "each page once as article.new (%s)"
              % [(k, ev["url"]) for k, _, ev in evs])
        with open(log_b, errors="replace") as f:
            check("town: 1 sitemaps to fetch, from the lease" in f.read(),
                  "b says where it learnt the sitemap")
        check(b.stop() == 0, "b stops cleanly")
        b = None
    finally:
        for d in (a, b):
            if d is not None:
                d.stop()
        sm.close()
        srv.stop()


def main():
    exe, server, tmp = clusterlib.begin("nw-leasedisc-")
    case_site(exe, server, os.path.join(tmp, "site"))
    case_sitemap(exe, server, os.path.join(tmp, "sitemap"))
    return clusterlib.finish(tmp)


if __name__ == "__main__":
    sys.exit(main())
