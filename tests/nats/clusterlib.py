"""Helpers of the cluster tests: a local HTTP server of RSS feeds whose
entries the test changes while the daemons poll them (each poll logged
with the node's User-Agent), newswired nodes with [output.nats] and
[cluster], and the article events of a stream read back."""
import hashlib
import http.server
import json
import os
import random
import socketserver
import threading
import time

import natsproto
import opslib
from nwtest import free_port


class Feeds:
    """Feed i has entries {k: revision}; GET /fI.xml serves them with an
    ETag of the content. Every poll goes to the log: (monotonic time,
    feed, user agent, If-None-Match)."""

    def __init__(self, n, entries):
        self.lock = threading.Lock()
        self.feeds = [{k: 1 for k in range(entries)} for _ in range(n)]
        self.log = []
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                outer.serve(self)

            def log_message(self, *a):
                pass

        class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
            daemon_threads = True
            request_queue_size = 256

        self.srv = Server(("127.0.0.1", 0), Handler)
        self.port = self.srv.server_address[1]
        threading.Thread(target=self.srv.serve_forever, daemon=True).start()

    @staticmethod
    def text(i, k, r):
        """An entry's text: words of its own, so that no two entries
        (nor two revisions) are near copies of each other."""
        rnd = random.Random("%d-%d-%d" % (i, k, r))
        return " ".join(
            " ".join(rnd.choice(opslib.WORDS) for _ in range(12)).capitalize()
            + " number %d-%d-%d-%d." % (i, k, r, n) for n in range(6))

    def body(self, i):
        items = "".join(
            "<item><title>Feed %d story %d</title><link>http://example.org/"
            "%d/%d</link><guid>f%d-%d</guid><description>%s</description>"
            "</item>" % (i, k, i, k, i, k, self.text(i, k, r))
            for k, r in sorted(self.feeds[i].items()))
        return ("<?xml version='1.0'?><rss version='2.0'><channel><title>"
                "Feed %d</title><link>http://example.org/</link>%s</channel>"
                "</rss>" % (i, items)).encode()

    def serve(self, h):
        try:
            i = int(h.path.strip("/").split(".")[0][1:])
        except ValueError:
            h.send_response(404)
            h.end_headers()
            return
        with self.lock:
            body = self.body(i)
            self.log.append((time.monotonic(), i,
                             h.headers.get("User-Agent", ""),
                             h.headers.get("If-None-Match")))
        etag = '"%s"' % hashlib.sha1(body).hexdigest()[:16]
        if h.headers.get("If-None-Match") == etag:
            h.send_response(304)
            h.send_header("ETag", etag)
            h.end_headers()
            return
        h.send_response(200)
        h.send_header("Content-Type", "application/rss+xml")
        h.send_header("ETag", etag)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    def add(self, i, k):
        with self.lock:
            self.feeds[i][k] = 1

    def change(self, i, k):
        with self.lock:
            self.feeds[i][k] += 1

    def polls(self):
        with self.lock:
            return list(self.log)

    def close(self):
        self.srv.shutdown()
        self.srv.server_close()


def node_conf(tmp, name, servers, feeds_port, sources, lease=3,
              leases=True, articles=True, replicas=1, interval=1,
              workers=2, queue=4):
    """The configuration of node name: sources is a list of (source name,
    feed index). Returns (conf path, metrics port, log path)."""
    d = os.path.join(tmp, name)
    os.makedirs(os.path.join(d, "inbox"), exist_ok=True)
    mport = free_port()
    conf = os.path.join(d, "newswired.conf")
    opslib.write_conf(conf, d, free_port(), mport, workers=workers,
                      queue=queue)
    with open(conf, "a") as f:
        f.write("[http]\nuser_agent = node-%s\nhost_delay = 0\n"
                "per_host = 16\njitter = 0\n[output.nats]\nservers = %s\n"
                "replicas = %d\nduplicate_window = 600\n[cluster]\n"
                "leases = %s\nlease_seconds = %d\narticles = %s\n"
                % (name, ",".join("nats://127.0.0.1:%d" % p
                                  for p in servers), replicas,
                   "yes" if leases else "no", lease,
                   "yes" if articles else "no"))
        for sname, i in sources:
            f.write('[source "%s"]\nurl = http://127.0.0.1:%d/f%d.xml\n'
                    "interval = %d\n" % (sname, feeds_port, i, interval))
    return conf, mport, os.path.join(d, "newswired.log")


def article_events(c, stream="NEWSWIRE"):
    """The article events of the stream: (topic kind, guid of the entry,
    event) for each, in stream order. The guid is the entry's (fI-K),
    from the article's URL http://example.org/I/K."""
    out = []
    for subj, _, data in c.all_msgs(stream):
        parts = subj.split(".")
        if len(parts) < 3 or parts[1] != "article":
            continue
        ev = json.loads(data)
        url = ev.get("url") or ""
        tail = url.rstrip("/").split("/")[-2:]
        guid = "f%s-%s" % tuple(tail) if len(tail) == 2 else url
        out.append((parts[2], guid, ev))
    return out


def stream_count(port, stream="NEWSWIRE"):
    try:
        c = natsproto.Conn(port, 2.0)
        try:
            return c.stream_info(stream).get("state", {}).get("messages", 0)
        finally:
            c.close()
    except OSError:
        return -1
