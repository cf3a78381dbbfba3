#!/usr/bin/python3
"""A burst of files written in place in a tight loop, against a real
newswired: every one published once, whole, nothing left in the inbox,
though the kernel's inotify queue overflows (fs.inotify.max_queued_events,
16384 by default) and the watcher rescans.

A file written in place costs the watcher three events (its creation, its
open, its close after writing), and the daemon's own open of each file two
more (an open and a close without writing), so a burst of N files queues
about 5 N events: 20,000 files overflow the kernel's queue several times
while the daemon's queue is full and its watcher stops reading.

Bounded: N files (20,000; the first argument after NEWSWIRED), written
within WRITE_LIMIT seconds, done within DONE_LIMIT seconds (times the
sanitizer FACTOR). Each file's content ends in a marker naming it: an
event whose body lacks its file's marker was taken half written.

Checked: one event per file in the journal (no name twice, none missing),
each with its marker; the subscriber (python3-zmq) got one event per file;
processed/ holds every file, failed/, the inbox and claimed/ nothing; at
least one overflow was logged (else the test measured nothing of it).

usage: test_burst.py NEWSWIRED [N]
"""
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from urllib.parse import unquote

import zmq

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "lib"))
sys.path.insert(0, os.path.join(HERE, "..", "ops"))
from nwtest import check, stop_proc, verdict  # noqa: E402
import opslib  # noqa: E402

N = 20000
WRITE_LIMIT = 60
DONE_LIMIT = 600


def page(i):
    """A small article whose last paragraph names it (the marker)."""
    return opslib.page(i, "burst").replace(
        b"</article>", b"<p>The end of burst file number %d, marker "
        b"zq%dzq.</p></article>" % (i, i))


def write_burst(inbox, n):
    """n files written in place, as fast as Python can: (seconds, count
    written)."""
    k = 0
    pages = [page(i) for i in range(n)]
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
    t0 = time.monotonic()
    end = t0 + WRITE_LIMIT * opslib.FACTOR
    while k < n and time.monotonic() < end:
        fd = os.open(os.path.join(inbox, "b%05d.html" % k), flags, 0o644)
        os.write(fd, pages[k])
        os.close(fd)
        k += 1
    return time.monotonic() - t0, k


class Sub:
    """A python3-zmq subscriber counting the article events it gets."""

    def __init__(self, port):
        self.sock = zmq.Context.instance().socket(zmq.SUB)
        self.sock.setsockopt(zmq.LINGER, 0)
        self.sock.setsockopt(zmq.RCVHWM, 0)
        self.sock.setsockopt(zmq.SUBSCRIBE, b"article.")
        self.sock.setsockopt(zmq.SUBSCRIBE, b"source.error.")
        self.sock.setsockopt(zmq.SUBSCRIBE, b"heartbeat")
        self.sock.connect("tcp://127.0.0.1:%s" % port)
        self.names = []
        self.beat = threading.Event()   # the subscription is in
        self.running = True
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self):
        while self.running:
            if not self.sock.poll(100):
                continue
            topic, body = self.sock.recv_multipart()
            if topic == b"heartbeat":
                self.beat.set()
                continue
            uri = json.loads(body)["source"]["uri"]
            self.names.append(unquote(uri.rsplit("/", 1)[-1]))

    def close(self):
        self.running = False
        self.thread.join(timeout=5)
        self.sock.close()


def journal(state):
    """{file name: [event body, ...]} of the daemon's journal."""
    db = sqlite3.connect("file:%s?mode=ro" % os.path.join(
        state, "newswire.db"), uri=True, timeout=30)
    try:
        rows = db.execute("SELECT event FROM journal").fetchall()
    finally:
        db.close()
    out = {}
    for (text,) in rows:
        ev = json.loads(text)
        name = unquote(ev["source"]["uri"].rsplit("/", 1)[-1])
        out.setdefault(name, []).append(ev.get("body") or "")
    return out


def queued_max():
    with open("/proc/sys/fs/inotify/max_queued_events") as f:
        return int(f.read())


def files_in(path):
    return [f for f in os.listdir(path)
            if os.path.isfile(os.path.join(path, f))]


def claimed_left(inbox):
    return [os.path.join(r, f) for r, _, fs in
            os.walk(os.path.join(inbox, "claimed")) for f in fs]


def check_done(inbox, state, names, sub):
    got = journal(state)
    twice = sorted(n for n, v in got.items() if len(v) > 1)
    missing = sorted(set(names) - set(got))
    check(not twice, "no file journalled twice: %r" % twice[:10])
    check(not missing, "every file journalled: %d missing, %r"
          % (len(missing), missing[:10]))
    cut = sorted(n for n, v in got.items() if n in names and
                 "zq%dzq" % int(n[1:6]) not in v[0])
    check(not cut, "every file read whole (its marker in the body): %d "
          "cut, %r" % (len(cut), cut[:10]))
    check(len(sub.names) == len(names) and
          sorted(sub.names) == sorted(names),
          "the subscriber got one event per file: %d events, %d names"
          % (len(sub.names), len(set(sub.names))))
    check(len(files_in(os.path.join(inbox, "processed"))) == len(names),
          "processed/ holds every file")
    check(files_in(os.path.join(inbox, "failed")) == [], "nothing failed")
    check(files_in(inbox) == [] and claimed_left(inbox) == [],
          "nothing left in the inbox nor claimed")


def main():
    exe = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else N
    tmp = tempfile.mkdtemp(prefix="nw-burst-")
    inbox, state = os.path.join(tmp, "inbox"), os.path.join(tmp, "state")
    conf, log = os.path.join(tmp, "newswired.conf"), os.path.join(
        tmp, "newswired.log")
    opslib.write_conf(conf, tmp)
    with open(conf) as f:
        text = f.read()
    with open(conf, "w") as f:      # the subscriber loses nothing
        f.write(text.replace("hwm = 1000", "hwm = 100000"))
    os.makedirs(inbox)
    with open(log, "wb") as logf:
        p = subprocess.Popen([exe, "-c", conf], stderr=logf)
    sub = None
    try:
        ports = opslib.bound_ports(log, 0, lambda: p.poll() is None,
                                   metrics=False)
        if not check(ports is not None, "newswired started"):
            return 1
        sub = Sub(ports[0])
        # the subscription is in once a heartbeat (1 s apart) comes
        # through it: a fixed 0.3 s could lose the first events
        check(sub.beat.wait(10 * opslib.FACTOR), "a heartbeat: subscribed")
        took, k = write_burst(inbox, n)
        names = ["b%05d.html" % i for i in range(k)]
        print("%d files written in place in %.1f s (%.0f files/s)"
              % (k, took, k / took))
        check(k == n, "the %d files written within %d s" % (n,
              WRITE_LIMIT))
        t0 = time.monotonic()
        end = t0 + DONE_LIMIT * opslib.FACTOR
        while time.monotonic() < end and (
                len(sub.names) < k or files_in(inbox) or
                claimed_left(inbox)):
            time.sleep(0.5)
        print("all taken %.1f s after the last write; %d events"
              % (time.monotonic() - t0, len(sub.names)))
        time.sleep(1)           # an event twice would come by now
        stop_proc(p, 30)
        check(p.returncode == 0, "newswired stops cleanly")
        sub.close()
        check_done(inbox, state, names, sub)
        with open(log, errors="replace") as f:
            text = f.read()
        over = text.count("inotify queue overflow")
        print("inotify overflows: %d" % over)
        if 5 * k > 2 * queued_max():
            check(over > 0, "the burst overflowed inotify's queue (else "
                  "it tested nothing of it)")
        else:
            print("fs.inotify.max_queued_events %d: no overflow looked "
                  "for" % queued_max())
        check("Sanitizer" not in text and "runtime error" not in text,
              "no sanitizer report")
    finally:
        if p.poll() is None:
            stop_proc(p, 30)
        if sub is not None and sub.running:
            sub.close()
        opslib.cleanup(tmp)
    return verdict()


if __name__ == "__main__":
    sys.exit(main())
