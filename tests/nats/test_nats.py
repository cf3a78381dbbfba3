"""[output.nats] against a real nats-server -js on a loopback port:

1. every committed event lands in the stream exactly once, on
   PREFIX.TOPIC, with Nats-Msg-Id ID:VERSION (ORIGIN:SEQ for a
   source.error) and Newswire-Seq;
2. newswired SIGKILLed between publish and acknowledgement (nats-server
   paused with SIGSTOP): after SIGCONT and a restart, no event is missing
   and none is twice in the stream;
3. the acknowledged mark reset in the journal: a restart re-sends every
   event under the same IDs and the server drops them all as duplicates;
4. nats-server SIGKILLed and restarted while events are committed: the
   daemon reconnects and re-sends what was not acknowledged;
5. `newswire tail --nats --durable` goes on where its last run stopped.

Exit 77 (skip) without nats-server. Usage: test_nats.py NEWSWIRED NEWSWIRE
"""
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "lib"))
sys.path.insert(0, os.path.join(HERE, "..", "ops"))
from nwtest import check, failures, free_port  # noqa: E402
import natsproto  # noqa: E402
import opslib  # noqa: E402

FACTOR = opslib.FACTOR
STREAM = "NEWSWIRE"


def wait_for(pred, seconds):
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


class Node:
    """newswired with [output.nats] on the server at nats_port."""

    def __init__(self, exe, tmp, nats_port):
        self.exe = exe
        self.tmp = tmp
        self.inbox = os.path.join(tmp, "inbox")
        os.makedirs(self.inbox, exist_ok=True)
        self.mport = free_port()
        self.conf = os.path.join(tmp, "newswired.conf")
        opslib.write_conf(self.conf, tmp, free_port(), self.mport)
        with open(self.conf, "a") as f:
            f.write("[output.nats]\nservers = nats://127.0.0.1:%d\n"
                    "duplicate_window = 600\n" % nats_port)
        self.n = 0
        self.d = None

    def start(self):
        self.d = opslib.Daemon(self.exe, self.conf,
                               os.path.join(self.tmp, "newswired.log"))
        return wait_for(lambda: m(self.mport, "newswire_nats_connected")
                        is not None, 15)

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


def tail(nw, url, args, seconds=20):
    r = subprocess.run([nw, "tail", "--nats", url] + args,
                       capture_output=True, timeout=seconds * FACTOR)
    seqs = [json.loads(line)["seq"] for line in r.stdout.decode().split(
        "\n") if line]
    return r.returncode, seqs, r.stderr.decode()


def main():
    exe, nw = sys.argv[1], sys.argv[2]
    server = natsproto.find_server()
    if server is None:
        print("SKIP: nats-server is not installed (Debian: nats-server; "
              "scripts/deps test)")
        return 77
    tmp = tempfile.mkdtemp(prefix="nw-nats-")
    port = free_port()
    url = "nats://127.0.0.1:%d" % port
    srv = natsproto.Server(server, port, os.path.join(tmp, "js"),
                           os.path.join(tmp, "nats-server.log"))
    node = None
    try:
        c = natsproto.wait_conn(port, srv.proc, 15 * FACTOR)
        if not check(c is not None, "nats-server answers on %d" % port):
            return 1
        node = Node(exe, tmp, port)
        check(node.start(), "newswired starts with [output.nats]")

        # 1. exactly once, with the documented IDs
        node.drop_pages(20)
        with open(os.path.join(node.inbox, "binary.bin"), "wb") as f:
            f.write(bytes(range(256)) * 64)
        check(wait_for(lambda: node.acked() == 21, 30),
              "21 events acknowledged (acked seq %s)" % node.acked())
        msgs = check_stream(c, range(1, 22), "first run")
        check(any(s.startswith("newswire.source.error.inbox")
                  for s, _, _ in msgs), "a source.error event with its "
              "ORIGIN:SEQ message ID")
        mt = metrics(node.mport)
        check(opslib.metric(mt, "newswire_output_delivered_seq",
                            output="nats") == 21,
              "outputs_delivered() says 21 for nats")
        check(opslib.metric(mt, "newswire_nats_connected") == 1,
              "connected in the metrics")
        check((opslib.metric(mt, "newswire_nats_publish_latency_seconds_"
                             "count") or 0) >= 21, "publish latency "
              "observed for each event")

        # 2. SIGKILL between publish and acknowledgement
        check(srv.pause(), "nats-server stopped (SIGSTOP)")
        node.drop_pages(5)
        check(wait_for(lambda: node.last_seq() == 26, 30),
              "5 more events journalled while the server is paused")
        time.sleep(0.5 * FACTOR)    # libnats has written them out
        check(node.acked() == 21, "none of them acknowledged while the "
              "server is paused (acked %s)" % node.acked())
        node.d.signal(signal.SIGKILL)
        node.d.stop(signalled=True)
        srv.resume()
        check(node.start(), "newswired restarts")
        check(wait_for(lambda: node.acked() == 26, 30),
              "all 26 acknowledged after the restart (acked %s)"
              % node.acked())
        check_stream(c, range(1, 27), "after SIGKILL mid-acknowledgement")
        print("server-dropped re-sends after the kill:",
              m(node.mport, "newswire_nats_duplicates_total"))

        # 3. every event re-sent under the same IDs: all dropped
        check(node.d.stop() == 0, "newswired stops cleanly")
        db = sqlite3.connect(os.path.join(tmp, "state", "newswire.db"))
        with db:
            db.execute("UPDATE output_acks SET seq = 0 WHERE "
                       "output = 'nats'")
        db.close()
        check(node.start(), "newswired restarts with nothing acknowledged")
        check(wait_for(lambda: node.acked() == 26, 30),
              "26 acknowledged again (acked %s)" % node.acked())
        dups = m(node.mport, "newswire_nats_duplicates_total")
        check(dups == 26, "the server dropped all 26 re-sends by message "
              "ID (duplicates %s)" % dups)
        check_stream(c, range(1, 27), "after a full re-send")

        # 4. nats-server killed and restarted under load
        c.close()
        srv.proc.kill()
        srv.proc.wait()
        srv.log.close()
        node.drop_pages(5)
        check(wait_for(lambda: node.last_seq() == 31, 30),
              "events committed while the server is down")
        check(wait_for(lambda: m(node.mport, "newswire_nats_connected")
                       == 0, 30), "the metrics show the lost connection")
        srv.start()
        c = natsproto.wait_conn(port, srv.proc, 15 * FACTOR)
        check(c is not None, "nats-server back")
        check(wait_for(lambda: node.acked() == 31, 40),
              "the daemon reconnected and all 31 are acknowledged "
              "(acked %s)" % node.acked())
        if c is not None:
            check_stream(c, range(1, 32), "after a server restart")

        # 5. tail --nats --durable resumes
        rc, seqs, err = tail(nw, url, ["--durable", "t", "--count", "10"])
        check(rc == 0 and seqs == list(range(1, 11)),
              "tail --durable prints 1..10 (rc %d, %s, %s)"
              % (rc, seqs, err))
        rc, seqs, err = tail(nw, url, ["--durable", "t", "--count", "21"])
        check(rc == 0 and seqs == list(range(11, 32)),
              "the same durable goes on with 11..31 (rc %d, %s, %s)"
              % (rc, seqs, err))
        node.drop_pages(1)
        rc, seqs, err = tail(nw, url, ["--durable", "t", "--count", "1"])
        check(rc == 0 and seqs == [32], "and then waits for the next "
              "event, 32 (rc %d, %s, %s)" % (rc, seqs, err))
        rc, seqs, err = tail(nw, url, ["--from", "30", "--count", "3"])
        check(rc == 0 and seqs == [30, 31, 32], "an ordered consumer "
              "--from 30 prints 30..32 (rc %d, %s)" % (rc, seqs))
        check(node.d.stop() == 0, "newswired stops cleanly at the end")
        node.d = None
    finally:
        if node is not None and node.d is not None:
            node.d.stop()
        srv.resume()
        srv.stop()
    opslib.cleanup(tmp)
    if failures:
        print("%d check(s) failed" % len(failures))
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
