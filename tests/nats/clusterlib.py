"""Helpers of the cluster tests: a local HTTP server of RSS feeds whose
entries the test changes while the daemons poll them (each poll logged
with the node's User-Agent), newswired nodes with [output.nats] and
[cluster], and the article events of a stream read back."""
import datetime
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
    ETag of the content. Every poll goes to the log: (time.time(), feed,
    user agent, If-None-Match): the clock of the daemons' log lines."""

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

            def handle_error(self, request, client_address):
                pass        # a daemon stopped mid-response

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
            self.log.append((time.time(), i,
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


def stream_info(port, stream="NEWSWIRE"):
    """STREAM.INFO of stream from the server at port, or {} when it does
    not answer."""
    try:
        c = natsproto.Conn(port, 2.0)
        try:
            return c.stream_info(stream)
        finally:
            c.close()
    except OSError:
        return {}


def stream_count(port, stream="NEWSWIRE"):
    try:
        c = natsproto.Conn(port, 2.0)
        try:
            return c.stream_info(stream).get("state", {}).get("messages", 0)
        finally:
            c.close()
    except OSError:
        return -1


def start_node(exe, tmp, name, *args, **kw):
    """node_conf() and the daemon started on it, up (its metrics answer);
    a port another process took meanwhile (free_port() races with every
    other test) means new ports, 3 times at most. Returns (daemon,
    metrics port, conf path, log path), the daemon None if it would not
    start."""
    for _ in range(3):
        conf, mport, log = node_conf(tmp, name, *args, **kw)
        d = opslib.Daemon(exe, conf, log)
        end = time.monotonic() + 15 * opslib.FACTOR
        while time.monotonic() < end and d.alive():
            try:
                if opslib.http_get(mport, "/metrics", 2)[0] == 200:
                    return d, mport, conf, log
            except OSError:
                pass
            time.sleep(0.1)
        d.stop()
        with open(log, errors="replace") as f:
            if "already in use" not in f.read():
                break
    return None, mport, conf, log


def lease_intervals(log_path, ends):
    """{feed index: [(taken, lost)]} from a node's log lines "lease: source
    fI taken" and "... given up or lost" / "... not renewed in time"
    (time.time() seconds); a lease still held when the process ended (a
    run of the log ends at the first line of the next run, "output:
    events published to NATS...", or the end of the file) ends at the
    next of ends (the test's times of kill and stop, in order)."""
    out = {}
    held = {}
    ends = list(ends)

    def close_all():
        t = ends.pop(0) if ends else float("inf")
        for i, t0 in held.items():
            out.setdefault(i, []).append((t0, t))
        held.clear()

    runs = 0
    with open(log_path, errors="replace") as f:
        for line in f:
            if " output: events published to NATS" in line:
                if runs > 0:
                    close_all()
                runs += 1
            if "lease: source f" not in line:
                continue
            t = datetime.datetime.strptime(
                line[:23], "%Y-%m-%dT%H:%M:%S.%f").replace(
                tzinfo=datetime.timezone.utc).timestamp()
            i = int(line.split("lease: source f")[1].split()[0].rstrip(":"))
            if " taken: " in line:
                held.setdefault(i, t)
            elif i in held:
                out.setdefault(i, []).append((held.pop(i), t))
    close_all()
    return out


def start_cluster(server, tmp, n):
    """n nats-servers with JetStream, routed to each other on loopback,
    all answering; new ports (3 times at most) if one would not start (a
    port another process took). Returns (servers, client ports), or
    (None, None)."""
    for attempt in range(3):
        ports = [free_port() for _ in range(n)]
        cports = [free_port() for _ in range(n)]
        servers = []
        for i in range(n):
            routes = ",".join("nats://127.0.0.1:%d" % cports[j]
                              for j in range(n) if j != i)
            servers.append(natsproto.Server(
                server, ports[i], os.path.join(tmp, "js%d-%d" % (attempt, i)),
                os.path.join(tmp, "nats%d.log" % i),
                ["--server_name", "n%d" % i, "--cluster_name", "nw",
                 "--cluster", "nats://127.0.0.1:%d" % cports[i],
                 "--routes", routes]))
        ok = True
        for i in range(n):
            c = natsproto.wait_conn(ports[i], servers[i].proc, 20)
            if c is None:
                ok = False
                break
            c.close()
        if ok:
            return servers, ports
        for sv in servers:
            sv.stop()
    return None, None
