#!/usr/bin/env python3
"""Greedy ZeroMQ clients against a running newswired (issue 17 item 2).

usage: test_zmq_limits.py NEWSWIRED

- a subscriber sending a 64 MB subscription (raw ZMTP 3.0, streaming
  real bytes until the daemon hangs up) is dropped by the publishing
  socket (ZMQ_MAXMSGSIZE) without the daemon's memory growing: resident
  memory stays under 100 MB and /healthz answers throughout;
- a replay client declaring a 512 MB frame (the same way) is cut off after a few megabytes at
  most, memory again under 100 MB;
- a prefix over 256 bytes and subscriptions past 1024 on one connection
  are refused and counted in /metrics, while that connection's first
  subscription still works; a request between 4 KiB and the frame limit
  gets an error answer and is counted;
- a well-behaved subscriber keeps receiving heartbeats all along.
Every wait is bounded; NW_TIME_FACTOR stretches them on slow machines.
"""
import os
import socket
import struct
import sys
import tempfile
import threading
import time

import zmq

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "ops"))
from opslib import (FACTOR, Daemon, check, cleanup, failures,  # noqa: E402
                    http_get, metric, parse_prometheus)
from nwtest import verdict  # noqa: E402

RSS_LIMIT_KB = 100 * 1024


def write_conf(path, tmp):
    """Its ports the kernel's pick, read from its log (Daemon.ports())."""
    with open(path, "w") as f:
        f.write("[inbox]\npath = %s/inbox\nempty_grace = 0\n"
                "[daemon]\nstate = %s/state\nworkers = 1\n"
                "log_level = info\nmetrics = 127.0.0.1:0\n"
                "[publish]\nendpoint = tcp://127.0.0.1:*\nheartbeat = 1\n"
                "replay = tcp://127.0.0.1:*\n" % (tmp, tmp))


class Watch(threading.Thread):
    """Samples the daemon's VmRSS and /healthz every 50 ms."""

    def __init__(self, d, met):
        super().__init__(daemon=True)
        self.d, self.met = d, met
        self.peak = 0
        self.health_fail = 0
        self.health_ok = 0
        self.stop = False

    def run(self):
        while not self.stop:
            self.peak = max(self.peak, self.d.vm("VmRSS"))
            try:
                code, _ = http_get(self.met, "/healthz", timeout=2)
            except OSError:
                code = 0
            if code == 200:
                self.health_ok += 1
            else:
                self.health_fail += 1
            time.sleep(0.05)


def zmtp_greeting():
    """ZMTP 3.0 greeting, NULL mechanism, as a client."""
    return (b"\xff" + b"\x00" * 8 + b"\x7f" + b"\x03\x00" +
            b"NULL".ljust(20, b"\x00") + b"\x00" + b"\x00" * 31)


def zmtp_ready(socket_type):
    prop = (bytes([len(b"Socket-Type")]) + b"Socket-Type" +
            struct.pack(">I", len(socket_type)) + socket_type)
    body = b"\x05READY" + prop
    return b"\x04" + bytes([len(body)]) + body


def huge_frame(port, socket_type, declared, limit, first=b""):
    """Poses as a socket_type peer of the socket on port, declares a
    message of `declared` bytes and streams it (first, then zeros) until
    the peer hangs up or `limit` bytes went out. Returns the bytes of the
    message sent, -1 when the greeting failed."""
    s = socket.create_connection(("127.0.0.1", port), 10 * FACTOR)
    s.settimeout(10 * FACTOR)
    sent = 0
    try:
        s.sendall(zmtp_greeting())
        got = b""
        while len(got) < 64:
            chunk = s.recv(64 - len(got))
            if not chunk:
                return -1
            got += chunk
        s.sendall(zmtp_ready(socket_type))
        # a last frame with a long (8-byte) size
        s.sendall(b"\x02" + struct.pack(">Q", declared) + first)
        sent = len(first)
        block = b"\x00" * (1 << 20)
        while sent < limit:
            s.sendall(block)
            sent += len(block)
    except OSError:
        pass
    finally:
        s.close()
    return sent


def metrics(port):
    code, text = http_get(port, "/metrics", timeout=5)
    return parse_prometheus(text) if code == 200 else None


def main():
    newswired = sys.argv[1]
    tmp = tempfile.mkdtemp(prefix="nw-zmq-limits-")
    os.makedirs(os.path.join(tmp, "inbox"))
    conf = os.path.join(tmp, "newswired.conf")
    write_conf(conf, tmp)
    d = Daemon(newswired, conf, os.path.join(tmp, "daemon.log"))
    if not check(d.ports() is not None and None not in d.ports(),
                 "the log says the daemon's ports: %r" % (d.ports(),)):
        d.stop()
        sys.exit(1)
    pub, rep, met = d.ports()
    ctx = zmq.Context()
    good = ctx.socket(zmq.SUB)
    good.setsockopt(zmq.LINGER, 0)
    good.setsockopt(zmq.SUBSCRIBE, b"heartbeat")
    good.connect("tcp://127.0.0.1:%d" % pub)
    watch = Watch(d, met)
    try:
        end = time.monotonic() + 20 * FACTOR
        while time.monotonic() < end and d.alive():
            try:
                if http_get(met, "/healthz", timeout=1)[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.1)
        if not check(good.poll(int(5000 * FACTOR)),
                     "a heartbeat before anything"):
            return
        good.recv_multipart()
        base_rss = d.vm("VmRSS")
        watch.start()

        # 64 MB subscription
        # raw ZMTP: a SUB or XSUB of libzmq would first build its own
        # filter trie of 64 million nodes (and overflow its stack
        # freeing it)
        sent = huge_frame(pub, b"SUB", 64 << 20, 64 << 20, b"\x01")
        check(0 <= sent < (32 << 20), "a 64 MB subscription is cut off "
              "early: %d bytes went out" % sent)
        check(d.alive(), "alive after a 64 MB subscription")

        # 512 MB replay frame, streamed for real until the hang-up
        sent = huge_frame(rep, b"DEALER", 512 << 20, 512 << 20)
        check(0 <= sent < (64 << 20), "a 512 MB replay frame is cut off "
              "early: %d bytes went out" % sent)
        check(d.alive(), "alive after a 512 MB replay frame")
        time.sleep(1 * FACTOR)
        watch.stop = True
        watch.join(10)
        print("rss: %d kB before, peak %d kB; healthz %d ok, %d not"
              % (base_rss, watch.peak, watch.health_ok, watch.health_fail))
        check(0 < watch.peak < RSS_LIMIT_KB, "resident memory under 100 "
              "MB: peak %d kB" % watch.peak)
        check(watch.health_ok > 0 and watch.health_fail == 0,
              "/healthz answered all along: %d ok, %d not"
              % (watch.health_ok, watch.health_fail))

        # long prefixes and too many subscriptions: refused, counted
        m0 = metrics(met)
        many = ctx.socket(zmq.SUB)
        many.setsockopt(zmq.LINGER, 0)
        many.setsockopt(zmq.SNDHWM, 0)   # else only 1000 leave at once
        many.connect("tcp://127.0.0.1:%d" % pub)
        many.setsockopt(zmq.SUBSCRIBE, b"heartbeat")
        many.setsockopt(zmq.SUBSCRIBE, b"x" * 300)
        for i in range(1100):
            many.setsockopt(zmq.SUBSCRIBE, b"article.none.%d" % i)
        end = time.monotonic() + 10 * FACTOR
        refused = 0
        while time.monotonic() < end:
            m1 = metrics(met)
            refused = (metric(m1, "newswire_publish_refused_total") -
                       metric(m0, "newswire_publish_refused_total"))
            if refused >= 77:
                break
            time.sleep(0.2)
        # 1 long prefix + (1 + 1100 - 1024) past the count
        check(refused == 78, "78 subscriptions refused and counted: %r"
              % refused)
        check(many.poll(int(3000 * FACTOR)), "the first subscription of "
              "that connection still works")

        # a request between REPLAY_MAX_REQUEST and the frame limit
        dealer = ctx.socket(zmq.DEALER)
        dealer.setsockopt(zmq.LINGER, 0)
        dealer.connect("tcp://127.0.0.1:%d" % rep)
        dealer.send(b'{"from":1,"topics":["' + b"a" * 8000 + b'"]}')
        ok = dealer.poll(int(5000 * FACTOR))
        answer = dealer.recv_multipart()[-1] if ok else b""
        check(b"at most 4096" in answer, "an 8 KB request gets an error "
              "answer: %r" % answer[:200])
        m2 = metrics(met)
        check(m2 is not None and
              metric(m2, "newswire_replay_refused_total") >= 1,
              "refused replay requests are counted")
        for s in (many, dealer):
            s.close()

        # the well-behaved subscriber never stopped hearing
        while good.poll(0):
            good.recv_multipart()
        check(good.poll(int(3000 * FACTOR)), "heartbeats still arrive")
    finally:
        watch.stop = True
        good.close()
        ctx.term()
        rc = d.stop()
    check(rc == 0, "clean stop, rc %r" % rc)
    if failures:
        print(open(os.path.join(tmp, "daemon.log"), "rb").read()
              .decode(errors="replace")[-3000:])
    cleanup(tmp)       # kept on failures
    sys.exit(verdict())


if __name__ == "__main__":
    main()
