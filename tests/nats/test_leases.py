"""[cluster] leases: two newswired nodes with the same 12 feed sources on
one nats-server -js share them through leases in a key-value bucket. A
local HTTP server (each node has its own User-Agent) logs who polls what.

- node A alone takes all 12; when B comes, they end at 6 and 6;
- in steady state each feed is polled by one node only;
- A is SIGKILLed: B takes A's feeds within twice the lease time, and its
  first poll of each is a conditional GET with the ETag A left in the
  lease (the validators travel with it);
- no feed is ever polled by A after B took it (ownership moves A -> B only).

Exit 77 (skip) without nats-server. Usage: test_leases.py NEWSWIRED
"""
import http.server
import os
import signal
import socketserver
import sys
import threading
import time

import clusterlib
from clusterlib import check, m, wait_for

N_FEEDS = 12
LEASE = 3
LOG = []            # (monotonic time, feed, user agent, if-none-match)
LOCK = threading.Lock()


def feed(i):
    items = "".join(
        "<item><title>Feed %d story %d</title><link>http://example.org/"
        "%d/%d</link><guid>f%d-%d</guid><description>Story %d of feed "
        "%d.</description></item>" % (i, k, i, k, i, k, k, i)
        for k in range(2))
    return ("<?xml version='1.0'?><rss version='2.0'><channel><title>Feed "
            "%d</title><link>http://example.org/</link>%s</channel></rss>"
            % (i, items)).encode()


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        i = int(self.path.strip("/").split(".")[0][1:])
        etag = '"f%d-v1"' % i
        inm = self.headers.get("If-None-Match")
        with LOCK:
            LOG.append((time.monotonic(), i,
                        self.headers.get("User-Agent", ""), inm))
        if inm == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        body = feed(i)
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("ETag", etag)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *a):
        pass


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


def start_node(exe, tmp, name, nats_port, http_port):
    """Node name on the N_FEEDS feeds: (daemon, metrics port)."""
    d = os.path.join(tmp, name)
    os.makedirs(os.path.join(d, "inbox"))
    conf = os.path.join(d, "newswired.conf")
    extra = ("[http]\nuser_agent = node-%s\nhost_delay = 0\n"
             "per_host = 8\n[output.nats]\nservers = nats://127.0.0.1:%d"
             "\n[cluster]\nleases = yes\nlease_seconds = %d\n"
             % (name, nats_port, LEASE))
    for i in range(N_FEEDS):
        extra += ('[source "f%d"]\nurl = http://127.0.0.1:%d/f%d.xml\n'
                  "interval = 1\n" % (i, http_port, i))
    clusterlib.write_conf(conf, d, extra=extra)
    node = clusterlib.start_daemon(exe, conf,
                                   os.path.join(d, "newswired.log"))
    check(node[0] is not None, "node %s starts" % name)
    return node


def held(mport):
    return m(mport, "newswire_leases_held")


def main():
    exe, server, tmp, srv = clusterlib.begin_with_server("nw-leases-")
    port = srv.port
    web = Server(("127.0.0.1", 0), Handler)
    threading.Thread(target=web.serve_forever, daemon=True).start()
    hport = web.server_address[1]
    a = b = None
    try:
        a, mport_a = start_node(exe, tmp, "a", port, hport)
        if a is None:
            return 1
        check(wait_for(lambda: held(mport_a) == N_FEEDS, 20),
              "node a alone takes all %d leases (holds %s)"
              % (N_FEEDS, held(mport_a)))
        b, mport_b = start_node(exe, tmp, "b", port, hport)
        if b is None:
            return 1
        check(wait_for(lambda: held(mport_a) == N_FEEDS // 2 and
                       held(mport_b) == N_FEEDS // 2, 30),
              "with b they share them 6 and 6 (a %s, b %s)"
              % (held(mport_a), held(mport_b)))
        time.sleep(1.5)                  # polls of the old owner finish
        t_steady = time.monotonic()
        time.sleep(3)
        t_kill = time.monotonic()
        a.signal(signal.SIGKILL)
        a.stop(signalled=True)
        a = None
        ok = wait_for(lambda: held(mport_b) == N_FEEDS, 2 * LEASE + 2)
        took = time.monotonic() - t_kill
        check(ok, "b holds all %d leases within twice the lease time "
              "(%.1f s; b %s)" % (N_FEEDS, took, held(mport_b)))
        print("takeover after SIGKILL: %.1f s (lease %d s)" % (took, LEASE))
        check(wait_for(lambda: len({i for t, i, ua, _ in list(LOG)
                                    if t > t_kill and ua == "node-b"})
                       == N_FEEDS, 10), "b polls every feed after the "
              "takeover")
        with LOCK:
            log = list(LOG)
        steady = {}
        for t, i, ua, _ in log:
            if t_steady <= t < t_kill:
                steady.setdefault(i, set()).add(ua)
        check(len(steady) == N_FEEDS and
              all(len(v) == 1 for v in steady.values()),
              "in steady state each feed is polled by one node (%s)"
              % {i: sorted(v) for i, v in steady.items()})
        of_a = {i for i, v in steady.items() if v == {"node-a"}}
        check(len(of_a) == N_FEEDS // 2, "a polled 6 of them")
        for i in sorted(of_a):
            first_b = [inm for t, j, ua, inm in log
                       if j == i and ua == "node-b" and t > t_kill][:1]
            check(first_b == ['"f%d-v1"' % i], "b's first poll of a's "
                  "feed f%d is conditional with a's ETag (%s)"
                  % (i, first_b))
        for i in range(N_FEEDS):
            uas = [ua for _, j, ua, _ in log if j == i]
            switched = [k for k in range(1, len(uas))
                        if uas[k] != uas[k - 1]]
            check(all(uas[k] == "node-b" for k in switched),
                  "feed f%d changes owner from a to b only (%s)"
                  % (i, "".join(u[-1] for u in uas)))
        check(b.stop() == 0, "b stops cleanly")
        b = None
    finally:
        for d in (a, b):
            if d is not None:
                d.stop()
        web.shutdown()
        srv.stop()
    return clusterlib.finish(tmp)


if __name__ == "__main__":
    sys.exit(main())
