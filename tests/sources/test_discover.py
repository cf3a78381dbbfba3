#!/usr/bin/python3
"""newswire discover URL, the real CLI against a local Python HTTP server
on 127.0.0.1 (issue 15): a page advertising an RSS and an Atom feed with
<link rel="alternate"> (relative and absolute hrefs) and one advertised
link that is not a feed; a page advertising a JSON Feed; a page
advertising nothing whose site has /rss.xml; a site with no feed at all;
a URL that is a feed itself; a page advertising a feed whose href holds
raw non-ASCII ("/f\u00fcr/rss", percent-encoded when resolved: libxml2's
resolver refused it and the feed was not found).

usage: test_discover.py NEWSWIRE
"""
import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "lib"))
from nwtest import check, verdict  # noqa: E402

RSS = ('<?xml version="1.0"?><rss version="2.0"><channel><title>%s</title>'
       '<link>http://example.org/</link><description>d</description>'
       '<item><title>One</title><link>http://example.org/1</link></item>'
       '</channel></rss>')
ATOM = ('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">'
        '<title>Site Atom</title><id>urn:x</id>'
        '<updated>2024-01-01T00:00:00Z</updated></feed>')
JSONFEED = json.dumps({"version": "https://jsonfeed.org/version/1.1",
                       "title": "Site JSON", "items": []})


def page(links):
    return ("<!DOCTYPE html><html><head><title>Site</title>%s</head>"
            "<body><p>Hello</p></body></html>" % links)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        base = "http://127.0.0.1:%d" % self.server.server_address[1]
        routes = {
            "/a/": ("text/html", page(
                '<link rel="alternate" type="application/rss+xml" '
                'title="RSS" href="/a/rss">'
                '<link rel="alternate" type="application/atom+xml" '
                'href="%s/a/atom.xml">'
                '<link rel="alternate" type="application/rss+xml" '
                'href="broken">'
                '<link rel="stylesheet" type="text/css" href="/s.css">'
                % base)),
            "/a/rss": ("application/rss+xml", RSS % "Site RSS"),
            "/a/atom.xml": ("application/atom+xml", ATOM),
            "/a/broken": ("text/html", page("")),
            "/j/": ("text/html", page(
                '<link rel="alternate" type="application/feed+json" '
                'href="feed.json">')),
            "/j/feed.json": ("application/feed+json", JSONFEED),
            "/u/": ("text/html", page(
                '<link rel="alternate" type="application/rss+xml" '
                'href="../f\u00fcr/rss">')),
            "/f%C3%BCr/rss": ("application/rss+xml", RSS % "F\u00fcr"),
            "/plain": ("text/html", page("")),
            "/rss.xml": ("application/rss+xml", RSS % "Usual path"),
            "/direct.xml": ("application/rss+xml", RSS % "Direct"),
        }
        if self.server.nofeeds and self.path == "/rss.xml":
            routes.pop("/rss.xml")
        r = routes.get(self.path)
        body = (r[1] if r else "no").encode()
        self.send_response(200 if r else 404)
        self.send_header("Content-Type", r[0] if r else "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def discover(newswire, url):
    return subprocess.run([newswire, "discover", url], capture_output=True,
                          text=True, timeout=60)


def urls(out):
    return [ln[6:] for ln in out.splitlines() if ln.startswith("url = ")]


def main():
    newswire = sys.argv[1]
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    srv.daemon_threads = True
    srv.nofeeds = False
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    base = "http://127.0.0.1:%d" % srv.server_address[1]
    try:
        p = discover(newswire, base + "/a/")
        check(p.returncode == 0 and urls(p.stdout) ==
              [base + "/a/rss", base + "/a/atom.xml"],
              "rss and atom advertised: %s %s" % (p.stdout, p.stderr))
        check('[source "site-rss"]' in p.stdout and
              '[source "site-atom"]' in p.stdout and
              "site = %s/a/" % base in p.stdout, "sections: %s" % p.stdout)
        check("/a/broken: not a feed" in p.stderr, "broken link said")
        p = discover(newswire, base + "/j/")
        check(p.returncode == 0 and urls(p.stdout) ==
              [base + "/j/feed.json"], "json feed: %s %s" % (p.stdout,
                                                            p.stderr))
        p = discover(newswire, base + "/u/")
        check(p.returncode == 0 and urls(p.stdout) ==
              [base + "/f%C3%BCr/rss"], "non-ASCII href: %s %s" %
              (p.stdout, p.stderr))
        p = discover(newswire, base + "/plain")
        check(p.returncode == 0 and urls(p.stdout) == [base + "/rss.xml"],
              "usual path: %s %s" % (p.stdout, p.stderr))
        p = discover(newswire, base + "/direct.xml")
        check(p.returncode == 0 and urls(p.stdout) ==
              [base + "/direct.xml"], "a feed itself: %s" % p.stdout)
        srv.nofeeds = True
        p = discover(newswire, base + "/plain")
        check(p.returncode == 1 and urls(p.stdout) == [] and
              "no feed found" in p.stderr, "none: %s" % p.stderr)
        # the printed sections are a valid source file
    finally:
        srv.shutdown()
    return verdict()


if __name__ == "__main__":
    sys.exit(main())
