"""What the NATS tests share: their preamble (need_server(): the skip
without nats-server; start_server(): one nats-server on a port of the
kernel's choosing; start_cluster(): three routed to each other), the
node's metrics (m, wait_for), newswired nodes with [output.nats] whose
own ports the kernel picks as they bind (Node, start_node(): nothing can
take them between a pick and the start), the stream checked and read
back (check_stream, article_events), a TCP proxy that cuts a node off
from its server (Proxy), a local HTTP server of RSS feeds
whose entries the test changes while the daemons poll them (Feeds, each
poll logged with the node's User-Agent), and the end (finish()).

A test in this folder imports it first (its folder is on sys.path):

    import clusterlib
    from clusterlib import check, m, wait_for
"""
import datetime
import hashlib
import http.server
import json
import os
import random
import socket
import socketserver
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
for _d in ("lib", "ops"):
    if os.path.join(HERE, "..", _d) not in sys.path:
        sys.path.insert(0, os.path.join(HERE, "..", _d))
import natsproto  # noqa: E402
import opslib  # noqa: E402
from nwtest import check, reserve_port, verdict  # noqa: E402

FACTOR = opslib.FACTOR
STREAM = "NEWSWIRE"


def need_server():
    """The nats-server binary; without one the test is skipped (77)."""
    server = natsproto.find_server()
    if server is None:
        print("SKIP: nats-server is not installed (Debian: nats-server; "
              "scripts/deps test)")
        sys.exit(77)
    return server


def begin(prefix):
    """A test's opening: (newswired, the path argv[1]; the nats-server
    binary, the test skipped (77) without one; a new temporary folder
    named prefix...)."""
    server = need_server()
    return sys.argv[1], server, tempfile.mkdtemp(prefix=prefix)


def begin_with_server(prefix):
    """begin() and one nats-server in the folder (start_server()):
    (newswired, server binary, folder, server); exits 1 if the server
    does not answer."""
    exe, server, tmp = begin(prefix)
    srv = start_server(server, tmp)
    if srv is None:
        sys.exit(finish(tmp))
    return exe, server, tmp, srv


def start_server(server, tmp, name="nats-server"):
    """One nats-server -js on a port the kernel picks (srv.port), its
    store in tmp/js, its log tmp/NAME.log; checked to answer. None if it
    did not."""
    srv = natsproto.Server(server, 0, os.path.join(tmp, "js"),
                           os.path.join(tmp, name + ".log"))
    if not check(srv.up, "nats-server answers"):
        srv.stop()
        return None
    return srv


def finish(tmp):
    """The end of a test: tmp removed (kept on failures); the exit
    status."""
    opslib.cleanup(tmp)
    return verdict()


def wait_for(pred, seconds):
    """Whether pred() holds within seconds (times NW_TIME_FACTOR)."""
    end = time.monotonic() + seconds * FACTOR
    while time.monotonic() < end:
        if pred():
            return True
        time.sleep(0.1)
    return pred()


def metrics(port):
    try:
        status, body = opslib.http_get(port, "/metrics", 5)
    except OSError:
        return {}
    return opslib.parse_prometheus(body) if status == 200 else {}


def m(port, name, **labels):
    return opslib.metric(metrics(port), name, **labels)


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


class Thinner:
    """A server's protocol to a client, its JetStream deliveries thinned
    to the first of each subscription: a consumer's reader gets one
    message, then none, however fast it reads."""

    def __init__(self):
        self.buf = b""
        self.through = set()    # the sids a delivery went to

    def feed(self, data):
        """What of data (and of the rest of the last) goes on: whole
        operations, the deliveries past each sid's first dropped."""
        self.buf += data
        out = []
        while True:
            i = self.buf.find(b"\r\n")
            if i < 0:
                break
            words = self.buf[:i].split()
            end = i + 2
            if words and words[0].upper() in (b"MSG", b"HMSG"):
                end += int(words[-1]) + 2
                if len(self.buf) < end:
                    break
            if end == i + 2 or self._keep(words):
                out.append(self.buf[:end])
            self.buf = self.buf[end:]
        return b"".join(out)

    def _keep(self, words):
        """Whether the MSG or HMSG of words goes on: none to a sid past
        its first delivery (reply $JS.ACK.*)."""
        sid = words[2]
        if sid in self.through:
            return False
        n = 5 if words[0].upper() == b"MSG" else 6
        if len(words) == n and words[3].startswith(b"$JS.ACK."):
            self.through.add(sid)
        return True


class Proxy:
    """A TCP proxy on 127.0.0.1 (self.port) to the server at port: a node
    pointed at it is cut off from NATS by cut() (its connections closed,
    new ones closed at once) and reaches it again after mend(); or only
    its connections named NAME (the CONNECT line's name, "newswired USE":
    daemon/nats_conn.h) by block(NAME), until unblock(NAME); or those
    get one JetStream delivery per subscription (thin(NAME): Thinner),
    all it sends through them after the test said so."""

    def __init__(self, port):
        self.target = port
        self.lock = threading.Lock()
        self.cutoff = False
        self.blocked = set()
        self.thinned = set()
        self.conns = []     # [name, or None until its CONNECT; socks]
        self.lsock = socket.socket()
        self.lsock.bind(("127.0.0.1", 0))
        self.lsock.listen(16)
        self.port = self.lsock.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                c, _ = self.lsock.accept()
            except OSError:
                return      # closed
            try:
                with self.lock:
                    if self.cutoff:
                        raise OSError("cut off")
                    s = socket.create_connection(("127.0.0.1", self.target),
                                                 5)
                    conn = [None, (c, s)]
                    self.conns.append(conn)
            except OSError:
                c.close()
                continue
            threading.Thread(target=self._pipe, args=(c, s, conn),
                             daemon=True).start()
            threading.Thread(target=self._pipe, args=(s, c, None, conn),
                             daemon=True).start()

    def _named(self, conn, head):
        """conn named from the client's first line (its CONNECT); False
        when that name is blocked."""
        line = head.split(b"\r\n", 1)[0]
        name = ""
        if line.startswith(b"CONNECT "):
            try:
                name = json.loads(line[8:]).get("name", "")
            except ValueError:
                pass
        with self.lock:
            conn[0] = name
            return name not in self.blocked

    def _thinned(self, conn):
        """Whether conn, named, is to be thinned."""
        with self.lock:
            return conn[0] in self.thinned

    def _pipe(self, a, b, conn=None, down=None):
        """a to b; from the client (conn given), held until its first
        line names the connection; to the client (down: its conn),
        thinned once its name is (the chunks align with the server's
        operations then: it sent its INFO, and nothing until the
        client's CONNECT)."""
        head = b""
        thin = None
        try:
            while True:
                data = a.recv(65536)
                if not data:
                    break
                if conn is not None and conn[0] is None:
                    head += data
                    if b"\r\n" not in head:
                        continue
                    data, head = head, b""
                    if not self._named(conn, data):
                        break
                if down is not None and thin is None and \
                        down[0] is not None:
                    thin = Thinner() if self._thinned(down) else False
                if thin:
                    data = thin.feed(data)
                b.sendall(data)
        except OSError:
            pass
        Proxy._shut((a, b))
        if conn is not None:
            with self.lock:
                if conn in self.conns:
                    self.conns.remove(conn)

    @staticmethod
    def _shut(socks):
        for x in socks:
            try:
                x.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def _close(self, which):
        """The connections which(name) is true for, closed."""
        with self.lock:
            gone = [c for c in self.conns if which(c[0])]
            self.conns = [c for c in self.conns if c not in gone]
        for c in gone:
            self._shut(c[1])

    def cut(self):
        with self.lock:
            self.cutoff = True
        self._close(lambda name: True)

    def mend(self):
        with self.lock:
            self.cutoff = False

    def block(self, name):
        with self.lock:
            self.blocked.add(name)
        self._close(lambda n: n == name)

    def unblock(self, name):
        with self.lock:
            self.blocked.discard(name)

    def thin(self, name):
        """The connections named name opened from now on thinned."""
        with self.lock:
            self.thinned.add(name)

    def unthin(self, name):
        """Those opened from now on not (the open ones stay thinned)."""
        with self.lock:
            self.thinned.discard(name)

    def close(self):
        self.cut()
        self.lsock.close()


def write_conf(conf, d, workers=2, queue=4, extra=""):
    """A node's configuration in conf, its folders under d: the one of
    opslib.write_conf(), but its metrics, publish and replay ports left
    to the kernel (port 0, *), taken as the daemon binds them."""
    with open(conf, "w") as f:
        f.write("[inbox]\npath = %s/inbox\nsource_name = inbox\n"
                "empty_grace = 0\n"
                "[daemon]\nstate = %s/state\nworkers = %d\n"
                "queue_size = %d\nlog_level = info\n"
                "metrics = 127.0.0.1:0\n"
                "[publish]\nendpoint = tcp://127.0.0.1:*\nheartbeat = 1\n"
                "hwm = 1000\nreplay = tcp://127.0.0.1:*\n%s"
                % (d, d, workers, queue, extra))


def metrics_port(d, log, start, seconds=15):
    """The port the daemon d (an opslib.Daemon) says its metrics took,
    read from its log after offset start (it may have ended since, as a
    node that dies on purpose does); None if it did not say so before it
    ended or within seconds (times NW_TIME_FACTOR)."""
    ports = opslib.bound_ports(log, start, d.alive, seconds)
    return ports[2] if ports else None


log_size = opslib.log_size


def node_conf(tmp, name, servers, feeds_port, sources, lease=3,
              leases=True, articles=True, replicas=1, interval=1,
              workers=2, queue=4):
    """The configuration of node name: sources is a list of (source name,
    feed index). Returns (conf path, log path)."""
    d = os.path.join(tmp, name)
    os.makedirs(os.path.join(d, "inbox"), exist_ok=True)
    conf = os.path.join(d, "newswired.conf")
    extra = ("[http]\nuser_agent = node-%s\nhost_delay = 0\n"
             "per_host = 16\njitter = 0\n[output.nats]\nservers = %s\n"
             "replicas = %d\nduplicate_window = 600\n[cluster]\n"
             "leases = %s\nlease_seconds = %d\narticles = %s\n"
             % (name, ",".join("nats://127.0.0.1:%d" % p for p in servers),
                replicas, "yes" if leases else "no", lease,
                "yes" if articles else "no"))
    for sname, i in sources:
        extra += ('[source "%s"]\nurl = http://127.0.0.1:%d/f%d.xml\n'
                  "interval = %d\n" % (sname, feeds_port, i, interval))
    write_conf(conf, d, workers=workers, queue=queue, extra=extra)
    return conf, os.path.join(d, "newswired.log")


def start_node(exe, tmp, name, *args, env=None, more="", **kw):
    """node_conf() (and more, appended to it) and the daemon started on
    it (env: more of its environment), up: its log says where its
    metrics listen. Returns (daemon, metrics port, conf path, log path),
    the daemon None if it would not start."""
    conf, log = node_conf(tmp, name, *args, **kw)
    if more:
        with open(conf, "a") as f:
            f.write(more)
    d, mport = start_daemon(exe, conf, log, env)
    return d, mport, conf, log


def start_daemon(exe, conf, log, env=None):
    """newswired -c conf (a configuration of write_conf()), its log
    appended to log: (daemon, metrics port) once the log says where its
    metrics listen; (None, None) if it did not (the daemon stopped)."""
    start = log_size(log)
    d = opslib.Daemon(exe, conf, log, env=env)
    mport = metrics_port(d, log, start)
    if mport is None:
        d.stop()
        return None, None
    return d, mport


class Node:
    """newswired with [output.nats] on the servers at nats_ports (one
    port or a list), its folders in tmp; extra: more of its
    configuration. start() again restarts it on the same state."""

    def __init__(self, exe, tmp, nats_ports, extra=""):
        if isinstance(nats_ports, int):
            nats_ports = [nats_ports]
        self.exe = exe
        self.tmp = tmp
        self.inbox = os.path.join(tmp, "inbox")
        os.makedirs(self.inbox, exist_ok=True)
        self.conf = os.path.join(tmp, "newswired.conf")
        self.log = os.path.join(tmp, "newswired.log")
        write_conf(self.conf, tmp, extra="[output.nats]\nservers = %s\n"
                   "duplicate_window = 600\n%s" % (",".join(
                       "nats://127.0.0.1:%d" % p for p in nats_ports),
                       extra))
        self.n = 0
        self.d = None
        self.mport = None

    def start(self):
        """Started, its metrics port known, and connected to NATS when a
        server is up (True then)."""
        self.d, self.mport = start_daemon(self.exe, self.conf, self.log)
        return self.d is not None and wait_for(
            lambda: m(self.mport, "newswire_nats_connected") is not None,
            15)

    def drop_pages(self, k):
        for _ in range(k):
            opslib.drop(self.tmp, self.inbox, "p%d.html" % self.n,
                        opslib.page(self.n, "nats"))
            self.n += 1

    def acked(self):
        return m(self.mport, "newswire_nats_acked_seq")

    def last_seq(self):
        v = m(self.mport, "newswire_nats_acked_seq")
        u = m(self.mport, "newswire_nats_unacked_events")
        return None if v is None or u is None else v + u


def check_stream(c, want_seqs, what):
    """The stream holds each seq of want_seqs exactly once, with the right
    subject and message ID; returns the messages."""
    msgs = c.all_msgs(STREAM)
    seqs = [int(h.get("Newswire-Seq", "0")) for _, h, _ in msgs]
    ids = [h.get("Nats-Msg-Id") for _, h, _ in msgs]
    check(sorted(seqs) == sorted(want_seqs) and
          len(set(seqs)) == len(seqs),
          "%s: the stream holds seqs %s once each (has %d messages, %d "
          "distinct seqs, max %s)" % (what, "1..%d" % max(want_seqs),
                                      len(seqs), len(set(seqs)),
                                      max(seqs) if seqs else None))
    check(len(set(ids)) == len(ids), "%s: no message ID twice" % what)
    bad = []
    for subj, h, data in msgs:
        ev = json.loads(data)
        topic = subj[len("newswire."):]
        if ev["seq"] != int(h["Newswire-Seq"]) or \
                not subj.startswith("newswire."):
            bad.append(subj)
        elif topic.startswith(("article.new.", "article.updated.")):
            if h["Nats-Msg-Id"] != "%s:%d" % (ev["id"], ev["version"]):
                bad.append(h["Nats-Msg-Id"])
        elif h["Nats-Msg-Id"] != "%s:%d" % (ev["origin"]["id"], ev["seq"]):
            bad.append(h["Nats-Msg-Id"])
    check(not bad, "%s: subjects and message IDs as documented (bad: %s)"
          % (what, bad[:3]))
    return msgs


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
    all answering. The routes need every server's port before the first
    starts, so the 2n ports are held (nwtest.reserve_port(): no other
    process can bind them, nats-server's own bind takes them) until
    every server listens. Returns (servers, client ports), or (None,
    None). A server's restart (Server.start()) comes back on its ports."""
    held = [reserve_port() for _ in range(2 * n)]
    ports = [p for _, p in held[:n]]
    cports = [p for _, p in held[n:]]
    servers = []
    try:
        for i in range(n):
            routes = ",".join("nats://127.0.0.1:%d" % cports[j]
                              for j in range(n) if j != i)
            servers.append(natsproto.Server(
                server, ports[i], os.path.join(tmp, "js%d" % i),
                os.path.join(tmp, "nats%d.log" % i),
                ["--server_name", "n%d" % i, "--cluster_name", "nw",
                 "--cluster", "nats://127.0.0.1:%d" % cports[i],
                 "--routes", routes], wait_port=0))
            if not servers[-1].up:
                break
    finally:
        for s, _ in held:
            s.close()
    if len(servers) == n and all(sv.up for sv in servers):
        return servers, ports
    for sv in servers:
        sv.stop()
    return None, None
