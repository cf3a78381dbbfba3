#!/usr/bin/env python3
"""A full disk under the store: its errors logged once per change of state
(issue 17 item 8).

usage: test_store_full.py NEWSWIRED

newswired runs in a mount namespace of its own (unshare -m as root, else
unshare -Urm; skipped, 77, where neither works) whose state folder is a
4 MB tmpfs. Two files go through; then the test fills that filesystem
(through /proc/PID/root) until it refuses another byte, drops 20 files
into the inbox while a feed source keeps bringing a new entry every
second, and waits through two of the daemon's 10 s retries: nothing is
published, the feed is not polled faster than its interval, and the log
says "store: disk full (SQLITE_FULL)" once, not once per file, per entry
or per retry. Then the test frees the space: all
20 files are published, once each, the log says once "store: recovered
after N failed writes" (N >= 2), and SIGTERM ends the daemon with exit 0.
Every wait is bounded; NW_TIME_FACTOR stretches them.
"""
import errno
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import zmq

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "ops"))
sys.path.insert(0, os.path.join(here, "..", "lib"))
from opslib import (FACTOR, check, cleanup, drop, failures,  # noqa: E402
                    free_port, page)
from feedserver import FeedHandler, serve  # noqa: E402

N_FILES = 20
SIZE = "4m"


class Handler(FeedHandler):
    def route(self, path, n):
        if path == "/feed":
            return self.feed([
                "<item><guid>f-%d</guid><title>Feed entry %d</title>"
                "<description>Entry %d of the feed, in words of its "
                "own.</description></item>" % (n, n, n)])
        return self.send(404, b"no\n")


def unshare_argv():
    """The wrapper that gives the daemon a mount namespace, or None."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return None
    for flags in (["-m"], ["-Urm"]) if os.geteuid() == 0 else (["-Urm"],):
        p = subprocess.run([unshare] + flags + ["--propagation", "private",
                                                "sh", "-c",
                                                "mount -t tmpfs none /mnt"],
                           capture_output=True, timeout=10)
        if p.returncode == 0:
            return [unshare] + flags + ["--propagation", "private"]
    return None


def fill(path):
    """Writes path until the filesystem refuses; returns its size."""
    n = 0
    with open(path, "wb", buffering=0) as f:
        for chunk in (1 << 16, 1 << 12, 1 << 9, 1):
            while True:
                try:
                    f.write(b"\0" * chunk)
                    n += chunk
                except OSError as e:
                    if e.errno != errno.ENOSPC:
                        raise
                    break
    return n


def main():
    newswired = sys.argv[1]
    wrap = unshare_argv()
    if wrap is None:
        print("SKIP: no mount namespace here (unshare -m, -Urm)")
        sys.exit(77)
    tmp = tempfile.mkdtemp(prefix="nw-store-full-")
    state = os.path.join(tmp, "state")
    inbox = os.path.join(tmp, "inbox")
    os.makedirs(state)
    os.makedirs(inbox)
    srv = serve(Handler)
    pub = free_port()
    conf = os.path.join(tmp, "newswired.conf")
    with open(conf, "w") as f:
        f.write("[inbox]\npath = %s\nempty_grace = 0\nsettle = 0\n"
                "[daemon]\nstate = %s\nworkers = 2\nlog_level = info\n"
                "metrics =\n"
                "[publish]\nendpoint = tcp://127.0.0.1:%d\nheartbeat = 1\n"
                "replay = tcp://127.0.0.1:%d\n"
                "[http]\nhost_delay = 0\njitter = 0\n"
                '[source "feed"]\nurl = %s/feed\ninterval = 1\n'
                % (inbox, state, pub, free_port(), srv.base))
    logp = os.path.join(tmp, "daemon.log")
    log = open(logp, "ab")
    proc = subprocess.Popen(
        wrap + ["sh", "-c", 'mount -t tmpfs -o size=%s nwstate "$0" && '
                'exec "$@"' % SIZE, state, newswired, "-c", conf],
        stderr=log)
    ctx = zmq.Context()
    sub = ctx.socket(zmq.SUB)
    sub.setsockopt(zmq.LINGER, 0)
    sub.setsockopt(zmq.SUBSCRIBE, b"")
    sub.connect("tcp://127.0.0.1:%d" % pub)
    events = []

    def receive(seconds, until=lambda: False):
        end = time.monotonic() + seconds * FACTOR
        while time.monotonic() < end and proc.poll() is None:
            if sub.poll(100):
                t, body = sub.recv_multipart()
                if t != b"heartbeat":
                    events.append((t.decode(), json.loads(body)))
            if until():
                return True
        return until()

    def files_seen(prefix):
        return {e["source"]["uri"].rsplit("/", 1)[-1] for t, e in events
                if t.startswith("article.") and
                e["source"]["kind"] == "folder" and
                e["source"]["uri"].rsplit("/", 1)[-1].startswith(prefix)}

    def text():
        with open(logp, errors="replace") as f:
            return f.read()

    filler = "/proc/%d/root%s/filler" % (proc.pid, state)
    rc = None
    try:
        check(sub.poll(int(20000 * FACTOR)) != 0, "a heartbeat")
        srv.state["go"].set()
        for i in range(2):
            drop(tmp, inbox, "warm-%d.html" % i, page(i, "warm"))
        check(receive(20, lambda: len(files_seen("warm-")) == 2),
              "two files published before the disk is full")
        check(receive(10, lambda: any(t.startswith("article.new.feed")
                                      for t, _ in events)),
              "the feed publishes before the disk is full")
        size = fill(filler)
        print("filled the state filesystem with %d bytes" % size)
        full_at = len(text())
        n_before = len(events)
        with srv.state["lock"]:
            polls0 = srv.state["count"].get("/feed", 0)
        for i in range(N_FILES):
            drop(tmp, inbox, "f-%02d.html" % i, page(i, "full"))
        # two retries of the rolled-back turns, and the feed's polls
        t0 = time.monotonic()
        receive(22)
        with srv.state["lock"]:
            polls = srv.state["count"].get("/feed", 0) - polls0
        took = time.monotonic() - t0
        during = text()[full_at:]
        full_lines = [ln for ln in during.splitlines()
                      if "disk is full" in ln or "SQLITE_FULL" in ln]
        print("while full: %d event(s), %d poll(s) of the feed in %.0f s; "
              "log lines on it: %r" % (len(events) - n_before, polls, took,
                                       full_lines))
        check(len(events) == n_before, "nothing published while the "
              "store cannot write: %r" % [t for t, _ in events[n_before:]])
        check(len(full_lines) == 1 and
              "store: disk full (SQLITE_FULL)" in full_lines[0],
              "the full disk logged once: %d line(s)" % len(full_lines))
        check(polls <= took + 3, "the feed is polled at its interval, not "
              "in a loop, while its turns roll back: %d polls in %.0f s"
              % (polls, took))
        check(len(os.listdir(inbox)) >= N_FILES,
              "the files wait in the inbox: %d" % len(os.listdir(inbox)))
        os.unlink(filler)
        check(receive(40, lambda: len(files_seen("f-")) == N_FILES),
              "after the space is freed, all %d files published: %d"
              % (N_FILES, len(files_seen("f-"))))
        receive(2)
        rec = re.findall(r"store: recovered after (\d+) failed writes?",
                         text()[full_at:])
        print("recovery: %r" % rec)
        check(len(rec) == 1 and int(rec[0]) >= 2,
              "the recovery logged once, with the count: %r" % rec)
        uris = [e["source"]["uri"] for t, e in events
                if t.startswith("article.") and
                e["source"]["kind"] == "folder"]
        check(len(uris) == len(set(uris)), "each file published once")
        check(proc.poll() is None, "newswired alive")
    finally:
        if os.path.exists(filler):
            try:
                os.unlink(filler)
            except OSError:
                pass
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
        try:
            rc = proc.wait(timeout=20 * FACTOR)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
        sub.close()
        ctx.term()
        srv.shutdown()
    check(rc == 0, "clean stop: rc %r" % rc)
    check("runtime error" not in text() and "Sanitizer" not in text(),
          "no sanitizer report in the daemon's log")
    if failures:
        print(text()[-4000:])
        print("%d failure(s)" % len(failures))
        cleanup(tmp)
        sys.exit(1)
    cleanup(tmp)
    print("ok")


if __name__ == "__main__":
    main()
