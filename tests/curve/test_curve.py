#!/usr/bin/env python3
"""CURVE on newswired's sockets, with the real daemon.

usage: test_curve.py NEWSWIRED NEWSWIRE SHARED_DIR

- `newswire keygen` writes client key pairs; the daemon makes its own pair
  in the state folder on first start (secret key mode 0600) and reuses it;
- a python3-zmq subscriber whose key is listed in curve_clients receives
  events, one with an unlisted key and a plaintext one receive nothing;
- after the second key is added and the daemon gets SIGHUP, it is admitted;
- after the first key is removed and SIGHUP, its open session ends;
- `newswire tail` with the listed key pair reads the replay socket too;
- a non-loopback endpoint without CURVE fails to start, unless
  allow_plaintext_remote = yes (which logs a warning).
Every wait is bounded; NW_TIME_FACTOR scales them on slow machines.
"""
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time

import zmq

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "lib"))
sys.path.insert(0, os.path.join(HERE, "..", "ops"))
from nwtest import check, failures, verdict  # noqa: E402
import opslib  # noqa: E402

FACTOR = float(os.environ.get("NW_TIME_FACTOR", "1"))


def z85_key(path):
    """The key line of a key file written by newswire keygen."""
    for line in open(path):
        line = line.strip()
        if line and not line.startswith("#"):
            return line.encode()
    raise ValueError(path + ": no key")


def write_conf(path, tmp, pub, rep, curve="yes", extra=""):
    with open(path, "w") as f:
        f.write("[inbox]\npath = %s/inbox\nempty_grace = 1\n"
                "[daemon]\nstate = %s/state\nworkers = 1\n"
                "log_level = debug\nmetrics =\n"
                "[publish]\nendpoint = %s\nreplay = %s\nheartbeat = 1\n"
                "curve = %s\ncurve_clients = %s/clients\n%s"
                % (tmp, tmp, pub, rep, curve, tmp, extra))


class Sub:
    """A SUB socket, CURVE client when keys are given."""

    def __init__(self, ctx, endpoint, server=None, keyfile=None,
                 pubfile=None):
        self.sock = ctx.socket(zmq.SUB)
        self.sock.setsockopt(zmq.LINGER, 0)
        if server is not None:
            self.sock.curve_serverkey = server
            self.sock.curve_secretkey = z85_key(keyfile)
            self.sock.curve_publickey = z85_key(pubfile)
        self.sock.setsockopt(zmq.SUBSCRIBE, b"")
        self.sock.connect(endpoint)
        self.topics = []

    def drain(self, seconds):
        end = time.monotonic() + seconds * FACTOR
        while time.monotonic() < end:
            if self.sock.poll(100):
                while self.sock.poll(0):
                    self.topics.append(self.sock.recv_multipart()[0])

    def articles(self):
        return [t for t in self.topics if t.startswith(b"article.")]


def start(newswired, conf, log):
    return subprocess.Popen([newswired, "-c", conf], stderr=log)


def stop(proc):
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
    try:
        return proc.wait(timeout=30 * FACTOR)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        return None


def wait_file(path, seconds):
    end = time.monotonic() + seconds * FACTOR
    while not os.path.exists(path) and time.monotonic() < end:
        time.sleep(0.05)
    return os.path.exists(path)


def drop(tmp, shared, name, as_name):
    staged = os.path.join(tmp, as_name)
    shutil.copyfile(os.path.join(shared, "samples", name), staged)
    os.rename(staged, os.path.join(tmp, "inbox", as_name))


def check_plaintext_rule(newswired, tmp):
    """Non-loopback without CURVE: refused, or allowed with a warning."""
    conf = os.path.join(tmp, "remote.conf")
    ep = "tcp://0.0.0.0:*"
    rep = "tcp://127.0.0.1:*"
    write_conf(conf, tmp, ep, rep, curve="no")
    r = subprocess.run([newswired, "-c", conf], capture_output=True,
                       text=True, timeout=30 * FACTOR)
    check(r.returncode != 0 and "not a loopback address" in r.stderr,
          "plaintext 0.0.0.0 must fail to start: rc %d, %r"
          % (r.returncode, r.stderr[-300:]))
    write_conf(conf, tmp, ep, rep, curve="no",
               extra="allow_plaintext_remote = yes\n")
    logp = os.path.join(tmp, "remote.log")
    with open(logp, "wb") as log:
        p = start(newswired, conf, log)
        end = time.monotonic() + 10 * FACTOR
        # the start-up line comes after the signal handlers are set
        while time.monotonic() < end and p.poll() is None:
            if b": watching " in open(logp, "rb").read():
                break
            time.sleep(0.1)
        alive = p.poll() is None
        rc = stop(p)
    text = open(logp, "rb").read().decode(errors="replace")
    check(alive and rc == 0, "allow_plaintext_remote = yes: daemon runs "
          "(rc %r)" % rc)
    check("without CURVE" in text, "allow_plaintext_remote: a warning")


def main():
    newswired, newswire, shared = sys.argv[1:4]
    tmp = tempfile.mkdtemp(prefix="nw-curve-")
    clients = os.path.join(tmp, "clients")
    keys = os.path.join(tmp, "keys")
    os.makedirs(clients)
    os.makedirs(keys)
    for who in ("alice", "bob"):
        r = subprocess.run([newswire, "keygen", os.path.join(keys, who)],
                           capture_output=True, text=True, timeout=30)
        check(r.returncode == 0, "keygen %s: %s" % (who, r.stderr))
        st = os.stat(os.path.join(keys, who + ".key"))
        check(stat.S_IMODE(st.st_mode) == 0o600,
              "%s.key mode %o" % (who, stat.S_IMODE(st.st_mode)))
    r = subprocess.run([newswire, "keygen", os.path.join(keys, "alice")],
                       capture_output=True, text=True, timeout=30)
    check(r.returncode != 0, "keygen must not overwrite a key")
    shutil.copyfile(os.path.join(keys, "alice.pub"),
                    os.path.join(clients, "alice.pub"))
    with open(os.path.join(clients, "junk"), "w") as f:
        f.write("not a key\n")

    # ports *: the kernel's pick, read from the daemon's log
    conf = os.path.join(tmp, "newswired.conf")
    write_conf(conf, tmp, "tcp://127.0.0.1:*", "tcp://127.0.0.1:*")
    logp = os.path.join(tmp, "daemon.log")
    log = open(logp, "ab")
    d = start(newswired, conf, log)
    ctx = zmq.Context()
    subs = []
    try:
        ports = opslib.bound_ports(logp, 0, lambda: d.poll() is None, 20,
                                   metrics=False)
        if not check(ports is not None, "the daemon says its ports"):
            return
        pub = "tcp://127.0.0.1:%d" % ports[0]
        rep = "tcp://127.0.0.1:%d" % ports[1]
        state = os.path.join(tmp, "state")
        ok = check(wait_file(os.path.join(state, "curve.pub"), 20),
                   "server key pair in the state folder")
        if not ok:
            return
        st = os.stat(os.path.join(state, "curve.key"))
        check(stat.S_IMODE(st.st_mode) == 0o600,
              "curve.key mode %o" % stat.S_IMODE(st.st_mode))
        server_pub = os.path.join(state, "curve.pub")
        server = z85_key(server_pub)
        k = lambda who, ext: os.path.join(keys, who + ext)
        alice = Sub(ctx, pub, server, k("alice", ".key"),
                    k("alice", ".pub"))
        bob = Sub(ctx, pub, server, k("bob", ".key"), k("bob", ".pub"))
        plain = Sub(ctx, pub)
        subs = [alice, bob, plain]
        for s in subs:
            s.drain(1)
        drop(tmp, shared, "tass-2017-02-13-kremlin-flynn.txt", "one.txt")
        end = time.monotonic() + 20 * FACTOR
        while not alice.articles() and time.monotonic() < end:
            for s in subs:
                s.drain(0.2)
        for s in subs:
            s.drain(1.5)   # heartbeats go out every second
        check(len(alice.articles()) == 1,
              "listed key receives the article: %r" % alice.topics)
        check(b"heartbeat" in alice.topics, "listed key: heartbeats")
        check(bob.topics == [], "unlisted key receives nothing: %r"
              % bob.topics[:5])
        check(plain.topics == [], "plaintext receives nothing: %r"
              % plain.topics[:5])

        # the command-line subscriber, over PUB and replay
        r = subprocess.run(
            [newswire, "tail", "--endpoint", pub, "--replay", rep,
             "--from", "1", "--count", "1",
             "--curve-server-key", server_pub,
             "--curve-key", k("alice", ".key")],
            capture_output=True, text=True, timeout=30 * FACTOR)
        check(r.returncode == 0 and '"seq":1' in r.stdout.replace(" ", ""),
              "tail with alice's keys replays seq 1: rc %d %r %r"
              % (r.returncode, r.stdout[:200], r.stderr[-300:]))

        # bob is added: SIGHUP re-reads the folder
        shutil.copyfile(k("bob", ".pub"), os.path.join(clients, "bob.pub"))
        before = open(logp, "rb").read().count(b"client key(s) admitted")
        d.send_signal(signal.SIGHUP)
        end = time.monotonic() + 10 * FACTOR
        while time.monotonic() < end and open(logp, "rb").read().count(
                b"client key(s) admitted") == before:
            time.sleep(0.05)
        bob2 = Sub(ctx, pub, server, k("bob", ".key"), k("bob", ".pub"))
        subs.append(bob2)
        bob2.drain(1)
        drop(tmp, shared, "independent-2017-02-14-kremlin-flynn.txt",
             "two.txt")
        end = time.monotonic() + 20 * FACTOR
        while not bob2.articles() and time.monotonic() < end:
            for s in subs:
                s.drain(0.2)
        check(len(bob2.articles()) == 1, "bob admitted after SIGHUP: %r"
              % bob2.topics[:5])
        check(plain.articles() == [], "plaintext still nothing")

        # alice's key is removed: SIGHUP ends her open session (issue 17)
        os.remove(os.path.join(clients, "alice.pub"))
        before = open(logp, "rb").read().count(b"client key(s) admitted")
        d.send_signal(signal.SIGHUP)
        end = time.monotonic() + 10 * FACTOR
        while time.monotonic() < end and open(logp, "rb").read().count(
                b"client key(s) admitted") == before:
            time.sleep(0.05)
        for s in subs:
            s.drain(1)   # what was in flight at the reload
        alice.topics = []
        bob2.topics = []
        for s in subs:
            s.drain(2.5)   # heartbeats go out every second
        check(b"heartbeat" in bob2.topics, "bob still receives: %r"
              % bob2.topics[:5])
        check(alice.topics == [], "removed key receives nothing after "
              "SIGHUP: %r" % alice.topics[:5])
        check(b"connection of a removed key ended" in
              open(logp, "rb").read(), "the ended session is logged")
        check(d.poll() is None, "daemon alive")
    finally:
        for s in subs:
            s.sock.close()
        ctx.term()
        rc = stop(d)
        log.close()
    check(rc == 0, "clean stop, rc %r" % rc)

    # restart: the same key pair
    first = open(os.path.join(tmp, "state", "curve.pub")).read()
    with open(logp, "ab") as log:
        d = start(newswired, conf, log)
        end = time.monotonic() + 10 * FACTOR
        while time.monotonic() < end and d.poll() is None and open(
                logp, "rb").read().count(b": watching ") < 2:
            time.sleep(0.1)
        rc = stop(d)
    check(rc == 0, "restart: clean stop, rc %r" % rc)
    check(open(os.path.join(tmp, "state", "curve.pub")).read() == first,
          "key pair reused after a restart")
    text = open(logp, "rb").read().decode(errors="replace")
    check("not a Z85 key" in text, "a bad key file is logged")
    check("refused" in text, "refusals are logged")

    check_plaintext_rule(newswired, tmp)
    if failures:
        print("daemon log:\n" + text[-4000:])
    else:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
    # after an early return from main() too (a check that stops the run)
    sys.exit(verdict())
