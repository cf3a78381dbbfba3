#!/usr/bin/python3
"""bench_nats: the JetStream output against the ZeroMQ output, in the same
run, on a 3-node nats-server cluster (loopback) with a 3-replica stream;
and the takeover time of a dead node's sources.

1. live: one newswired with both outputs; N generated pages (2,000 by
   default) dropped into its inbox. Events per second from the first drop
   to the last event at a ZeroMQ subscriber (`newswire tail`), and to the
   last publish acknowledged by the stream (newswire_nats_acked_seq): the
   same events, the same run. The ratio nats/zmq says what the stream's
   replication costs the end-to-end rate.
2. catch-up, the outputs alone (no pipeline): the journal of N events
   sent again from seq 1, (a) over ZeroMQ's replay (`newswire tail --from
   1`), (b) into the 3-replica stream (acknowledged mark reset, stream
   deleted, daemon restarted: from connected, the stream created again,
   to N acknowledged), and (c)
   read back from the stream (`newswire tail --nats --from 1`).
3. takeover: two nodes share 24 feeds by leases (lease_seconds 3); the one
   holding more is SIGKILLed; the time until the other holds all 24 (and
   polls them). 3 rounds.

Bounded: every wait has a limit (LIMIT seconds); about a minute and a half
on 2 cores. Figures: docs/cluster.md.

usage: bench_nats.py NEWSWIRED NEWSWIRE [N]
"""
import datetime
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
for d in ("lib", "ops", "nats"):
    sys.path.insert(0, os.path.join(HERE, "..", "tests", d))
import clusterlib  # noqa: E402
import natsproto  # noqa: E402
import opslib  # noqa: E402

LIMIT = 300
LEASE = 3
N_FEEDS = 24


def metric(port, name):
    try:
        status, body = opslib.http_get(port, "/metrics", 5)
    except OSError:
        return None
    if status != 200:
        return None
    return opslib.metric(opslib.parse_prometheus(body), name)


def wait(pred, seconds, step=0.02):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if pred():
            return True
        time.sleep(step)
    return pred()


def node(tmp, nats_ports):
    """A newswired configuration with ZeroMQ (publish, replay) and the
    JetStream output: (conf, log). Its ports are the kernel's pick, read
    by opslib.Daemon.ports()."""
    os.makedirs(os.path.join(tmp, "inbox"), exist_ok=True)
    conf = os.path.join(tmp, "newswired.conf")
    opslib.write_conf(conf, tmp, workers=2, queue=256)
    with open(conf, "a") as f:
        f.write("[output.nats]\nservers = %s\nreplicas = 3\n"
                "duplicate_window = 600\n" % ",".join(
                    "nats://127.0.0.1:%d" % p for p in nats_ports))
    return conf, os.path.join(tmp, "newswired.log")


def live_and_catchup(exe, nw, tmp, ports, n):
    conf, log = node(tmp, ports)
    d = opslib.Daemon(exe, conf, log)
    out = {}
    try:
        if d.ports() is None or d.metrics_port() is None:
            print("newswired did not say its ports")
            return None
        pub, replay, mport = d.ports()
        if not wait(lambda: metric(mport, "newswire_nats_connected") == 1,
                    30):
            print("newswired did not connect to the cluster")
            return None
        sub = subprocess.Popen(
            [nw, "tail", "--endpoint", "tcp://127.0.0.1:%d" % pub,
             "--replay", "tcp://127.0.0.1:%d" % replay, "--count", str(n),
             "--timeout", str(LIMIT)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(1.0)         # the subscription is in place
        t0 = time.monotonic()
        for i in range(n):
            opslib.drop(tmp, os.path.join(tmp, "inbox"), "p%d.html" % i,
                        opslib.page(i, "bench"))
        acked = {}

        def all_acked():
            if metric(mport, "newswire_nats_acked_seq") == n:
                acked["t"] = time.monotonic()
                return True
            return False
        ok = wait(all_acked, LIMIT, 0.05)
        try:
            sub.wait(timeout=LIMIT)
            t_zmq = time.monotonic()
        except subprocess.TimeoutExpired:
            sub.kill()
            ok = False
        if not ok or sub.returncode != 0:
            print("live run incomplete (acked %s)"
                  % metric(mport, "newswire_nats_acked_seq"))
            return None
        # the subscriber exits at once on its Nth event; the acked mark
        # is polled every 50 ms: the ZeroMQ time is the later of the two
        # only if it really was later
        out["live_zmq"] = n / (t_zmq - t0)
        out["live_nats"] = n / (acked["t"] - t0)

        # catch-up over ZeroMQ's replay
        t0 = time.monotonic()
        r = subprocess.run(
            [nw, "tail", "--endpoint", "tcp://127.0.0.1:%d" % pub,
             "--replay", "tcp://127.0.0.1:%d" % replay, "--from", "1",
             "--count", str(n), "--timeout", str(LIMIT)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            timeout=LIMIT)
        if r.returncode != 0:
            print("zmq replay failed")
            return None
        out["catchup_zmq"] = n / (time.monotonic() - t0)
        d.stop()

        # catch-up into the stream: mark reset, stream deleted, restart
        db = sqlite3.connect(os.path.join(tmp, "state", "newswire.db"))
        db.execute("DELETE FROM output_acks")
        db.commit()
        db.close()
        c = natsproto.wait_conn(ports[0], None, 15)
        c.api("STREAM.DELETE.NEWSWIRE")
        c.close()
        with open(log, "rb") as f:
            start = len(f.read())
        d = opslib.Daemon(exe, conf, log)
        mport = d.metrics_port()
        if mport is None or not wait(
                lambda: metric(mport, "newswire_nats_acked_seq") == n,
                LIMIT, 0.02):
            print("catch-up into the stream incomplete")
            return None
        t1 = time.time()
        # from the daemon's line "output.nats: connected, stream ...,
        # acknowledged up to seq 0" (the stream created again; the
        # re-send starts right after it), by its time stamp
        t0 = None
        with open(log, "rb") as f:
            f.seek(start)
            for line in f.read().decode(errors="replace").split("\n"):
                if "output.nats: connected, stream" in line:
                    t0 = datetime.datetime.strptime(
                        line[:23], "%Y-%m-%dT%H:%M:%S.%f").replace(
                        tzinfo=datetime.timezone.utc).timestamp()
        if t0 is None:
            print("no connected line in the log")
            return None
        out["catchup_nats"] = n / (t1 - t0)

        # read back from the stream
        t0 = time.monotonic()
        r = subprocess.run(
            [nw, "tail", "--nats", "nats://127.0.0.1:%d" % ports[1],
             "--from", "1", "--count", str(n)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            timeout=LIMIT)
        if r.returncode == 0:
            out["read_nats"] = n / (time.monotonic() - t0)
        return out
    finally:
        d.stop()


def takeover(exe, tmp, ports, rounds):
    feeds = clusterlib.Feeds(N_FEEDS, 2)
    sources = [("f%d" % i, i) for i in range(N_FEEDS)]
    nodes = {}
    times = []
    try:
        for name in ("a", "b"):
            d, mp, _, _ = clusterlib.start_node(
                exe, tmp, name, ports, feeds.port, sources, lease=LEASE,
                replicas=3, articles=False)
            if d is None:
                return []
            nodes[name] = (d, mp)
        for r in range(rounds):
            def held(nm):
                return metric(nodes[nm][1], "newswire_leases_held") or 0
            if not wait(lambda: held("a") + held("b") == N_FEEDS and
                        min(held("a"), held("b")) >= N_FEEDS // 2 - 1,
                        60, 0.1):
                print("the two nodes did not share the feeds")
                return times
            victim = "a" if held("a") >= held("b") else "b"
            other = "b" if victim == "a" else "a"
            nodes[victim][0].signal(signal.SIGKILL)
            t0 = time.monotonic()
            nodes[victim][0].stop(signalled=True)
            if not wait(lambda: held(other) == N_FEEDS, 6 * LEASE, 0.05):
                print("no takeover within %d s" % (6 * LEASE))
                return times
            times.append(time.monotonic() - t0)
            d, mp, _, _ = clusterlib.start_node(
                exe, tmp, victim, ports, feeds.port, sources, lease=LEASE,
                replicas=3, articles=False)
            if d is None:
                return times
            nodes[victim] = (d, mp)
        return times
    finally:
        for d, _ in nodes.values():
            d.stop()
        feeds.close()


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    exe, nw = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
    server = natsproto.find_server()
    if server is None:
        print("SKIP: nats-server is not installed")
        return 77
    tmp = tempfile.mkdtemp(prefix="nw-bench-nats-")
    servers, ports = clusterlib.start_cluster(server, tmp, 3)
    if servers is None:
        print("the nats-servers did not start")
        return 1
    try:
        out = live_and_catchup(exe, nw, os.path.join(tmp, "node"), ports,
                               n)
        times = takeover(exe, os.path.join(tmp, "lease"), ports, 3)
    finally:
        for s in servers:
            s.stop()
    if out is None or not times:
        return 1
    print("bench_nats: %d events, 3-node nats-server cluster, stream and "
          "buckets with 3 replicas, loopback" % n)
    print("  live (drop to last event), events/s: zmq %.0f, nats acked "
          "%.0f, ratio nats/zmq %.2f" % (out["live_zmq"], out["live_nats"],
                                        out["live_nats"] / out["live_zmq"]))
    print("  catch-up from the journal, events/s: zmq replay %.0f, into "
          "the stream (acked) %.0f, ratio nats/zmq %.2f"
          % (out["catchup_zmq"], out["catchup_nats"],
             out["catchup_nats"] / out["catchup_zmq"]))
    if "read_nats" in out:
        print("  read back from the stream (tail --nats), events/s: %.0f"
              % out["read_nats"])
    times.sort()
    print("  takeover after SIGKILL (lease %d s, %d feeds), s: min %.1f, "
          "median %.1f, max %.1f; max/lease %.2f"
          % (LEASE, N_FEEDS, times[0], times[len(times) // 2], times[-1],
             times[-1] / LEASE))
    if not os.environ.get("NW_KEEP_TMP"):
        opslib.cleanup(tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
