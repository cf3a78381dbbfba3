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

import clusterlib
from clusterlib import FACTOR, Node, check, check_stream, m, metrics, \
    wait_for
import natsproto
import opslib


def tail(nw, url, args, seconds=20):
    r = subprocess.run([nw, "tail", "--nats", url] + args,
                       capture_output=True, timeout=seconds * FACTOR)
    seqs = [json.loads(line)["seq"] for line in r.stdout.decode().split(
        "\n") if line]
    return r.returncode, seqs, r.stderr.decode()


def main():
    exe, server, tmp, srv = clusterlib.begin_with_server("nw-nats-")
    nw = sys.argv[2]
    port = srv.port
    url = "nats://127.0.0.1:%d" % port
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
        check(wait_for(lambda: m(node.mport, "newswire_nats_inflight_"
                                 "events") == 5, 15),
              "the 5 sent, awaiting their acknowledgement")
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
        srv.kill()
        node.drop_pages(5)
        check(wait_for(lambda: node.last_seq() == 31, 30),
              "events committed while the server is down")
        check(wait_for(lambda: m(node.mport, "newswire_nats_connected")
                       == 0, 30), "the metrics show the lost connection")
        # on its port, which the daemon knows (waited for if another
        # process holds it just now)
        check(srv.start(), "nats-server back on port %d" % port)
        c = natsproto.wait_conn(port, srv.proc, 15 * FACTOR)
        check(c is not None, "nats-server answers")
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
    return clusterlib.finish(tmp)


if __name__ == "__main__":
    sys.exit(main())
