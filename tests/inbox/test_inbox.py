#!/usr/bin/python3
"""The inbox as writers use it, against a real newswired:
- a file written in place by reopening and appending (10 appends over
  about 3 s, less than the settle period apart) is one article with the
  whole text, taken no sooner than the settle period after the last
  append, and nothing fails;
- a file over [inbox] max_size fails by its size, the key named in
  NAME.error and in the source.error event;
- a symbolic link and a FIFO created while the daemon runs are logged when
  they appear and left where they are;
- a name that is not UTF-8 reaches the log escaped (\\xNN), never as the
  raw byte;
- a hard link made into the inbox is taken (no close announces it),
  also when its first name is gone by the time the daemon looks (a link
  and an unlink, as a writer or another node moves a file in where
  rename() cannot), and when something reads it meanwhile;
- a file written in place and held open longer than the settle period
  is taken at its close, whole.

usage: test_inbox.py NEWSWIRED
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

import zmq

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "lib"))
sys.path.insert(0, os.path.join(HERE, "..", "ops"))
from nwtest import check, failures, stop_proc, verdict  # noqa: E402
import opslib  # noqa: E402

PARAS = [
    "The river authority opened the new flood barrier on Tuesday after "
    "three years of building work on the estuary, officials said.",
    "The barrier can close in under ten minutes and protects about twelve "
    "thousand homes on both banks of the river from surge tides.",
    "Engineers tested the gates twice during the winter storms, when the "
    "water rose higher than at any time in the last forty years.",
    "Residents who had campaigned for the scheme for more than a decade "
    "welcomed the opening but asked for the footpaths to be reopened.",
    "The authority said the total cost came in below the budget agreed "
    "with the government when the contract was signed.",
    "A second barrier further upstream is planned for the end of the "
    "decade, subject to the outcome of a public consultation.",
    "Local businesses said the work had disrupted deliveries along the "
    "quay for months, and asked for compensation from the authority.",
    "The mayor thanked the workers and said the barrier would serve the "
    "town for at least a century if it was properly maintained.",
    "Environmental groups said the authority had kept its promise to "
    "protect the salt marsh that shelters thousands of wading birds.",
    "The barrier will be closed for a full test once a year, each autumn, "
    "before the season of the highest tides begins.",
]


class Daemon:
    def __init__(self, newswired, tmp, extra, env=None, inbox=None):
        self.inbox = inbox or os.path.join(tmp, "inbox")
        conf = os.path.join(tmp, "newswired.conf")
        # ports *: the kernel's pick, read from the start line
        with open(conf, "w") as f:
            f.write("[inbox]\npath = %s\n%s\n[daemon]\nstate = %s\n"
                    "metrics =\nlog_level = debug\n[publish]\n"
                    "endpoint = tcp://127.0.0.1:*\n"
                    "replay = tcp://127.0.0.1:*\n" %
                    (self.inbox, extra, os.path.join(tmp, "state")))
        self.sub = zmq.Context.instance().socket(zmq.SUB)
        self.sub.setsockopt(zmq.LINGER, 0)
        self.sub.setsockopt(zmq.SUBSCRIBE, b"article.")
        self.sub.setsockopt(zmq.SUBSCRIBE, b"source.error.")
        self.log = []
        self.p = subprocess.Popen([newswired, "-c", conf],
                                  stderr=subprocess.PIPE,
                                  env=dict(os.environ, **(env or {})))
        self.reader = threading.Thread(target=self.read, daemon=True)
        self.reader.start()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not self.said(b"watching"):
            time.sleep(0.05)
        started = [m for m in (opslib.STARTED.search(
            line.decode(errors="replace")) for line in list(self.log)) if m]
        if check(started, "newswired started"):
            self.sub.connect("tcp://127.0.0.1:%s" % started[0].group(1))
            # the subscription is in once a heartbeat (1 s apart) comes
            # through it: a fixed 0.3 s lost a first event under load
            self.sub.setsockopt(zmq.SUBSCRIBE, b"heartbeat")
            check(self.sub.poll(int(10000 * opslib.FACTOR)),
                  "a heartbeat: subscribed")
            self.sub.setsockopt(zmq.UNSUBSCRIBE, b"heartbeat")

    def read(self):
        for line in self.p.stderr:
            self.log.append(line)

    def said(self, what):
        return any(what in line for line in list(self.log))

    def events(self, n, seconds):
        got = []
        end = time.monotonic() + seconds
        while len(got) < n and time.monotonic() < end:
            if self.sub.poll(100):
                topic, body = self.sub.recv_multipart()
                if topic != b"heartbeat":
                    got.append((topic.decode(), json.loads(body),
                                time.monotonic()))
        return got

    def stop(self):
        stop_proc(self.p, 30)
        self.reader.join(timeout=5)
        self.sub.close()


def test_appends(d):
    path = os.path.join(d.inbox, "appended.txt")
    with open(path, "w") as f:
        f.write("Flood barrier opens on the estuary\n\n")
    for para in PARAS:
        time.sleep(0.3)
        with open(path, "a") as f:
            f.write(para + "\n\n")
    last = time.monotonic()
    got = d.events(1, 30)
    more = d.events(1, 3)
    check(len(got) == 1 and not more,
          "one event for the appended file, not fragments: %r" %
          [(t, e.get("error")) for t, e, _ in got + more])
    if got:
        topic, ev, at = got[0]
        body = ev.get("body") or ""
        check(topic == "article.new.inbox" and
              all(p[:40] in body for p in PARAS),
              "the article has all ten appends: %s %r" %
              (topic, body[-80:]))
        check(at - last >= 0.9, "taken %.2f s after the last append "
              "(settle 1 s)" % (at - last))
    check(os.listdir(os.path.join(d.inbox, "failed")) == [],
          "nothing failed: %r" % os.listdir(os.path.join(d.inbox,
                                                          "failed")))


def test_max_size(d):
    tmp = os.path.join(os.path.dirname(d.inbox), "big.txt")
    with open(tmp, "w") as f:
        f.write("Big\n\n" + "word " * 1000)
    os.rename(tmp, os.path.join(d.inbox, "big.txt"))
    got = d.events(1, 30)
    check(len(got) == 1 and got[0][0] == "source.error.inbox" and
          "max_size" in got[0][1].get("error", ""),
          "an error event naming max_size: %r" %
          [(t, e.get("error")) for t, e, _ in got])
    err = os.path.join(d.inbox, "failed", "big.txt.error")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not os.path.exists(err):
        time.sleep(0.05)
    text = open(err).read() if os.path.exists(err) else ""
    check("[inbox] max_size" in text, "big.txt.error names the key: %r"
          % text)


def test_specials(d, tmp):
    outside = os.path.join(tmp, "outside.txt")
    with open(outside, "w") as f:
        f.write("not for the inbox\n")
    link = os.path.join(d.inbox, "link.html")
    fifo = os.path.join(d.inbox, "pipe.html")
    os.symlink(outside, link)
    os.mkfifo(fifo)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and not (
            d.said(b"link.html: a symbolic link") and
            d.said(b"pipe.html: not a regular file")):
        time.sleep(0.05)
    check(d.said(b"link.html: a symbolic link, ignored"),
          "a symlink created while running is logged")
    check(d.said(b"pipe.html: not a regular file, ignored"),
          "a FIFO created while running is logged")
    check(os.path.islink(link) and os.path.exists(fifo),
          "both are left where they are")

    name = b"caf\xe9 \xff.txt"
    path = os.path.join(os.fsencode(d.inbox), name)
    with open(path, "wb") as f:
        f.write(b"Cafe\n\n" + "\n\n".join(PARAS[:4]).encode())
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and not d.said(b"caf\\xe9 \\xff.txt"):
        time.sleep(0.05)
    check(d.said(b"caf\\xe9 \\xff.txt"), "an invalid UTF-8 name is logged "
          "escaped")
    check(not d.said(b"\xe9") and not d.said(b"\xff"),
          "no raw invalid byte reaches the log")
    d.events(1, 10)

    # a hard link into the inbox: IN_CREATE only, no close
    src = os.path.join(tmp, "linked.txt")
    with open(src, "w") as f:
        f.write("Hard link\n\n" + "\n\n".join(PARAS[4:8]) + "\n")
    os.link(src, os.path.join(d.inbox, "linked.txt"))
    got = d.events(1, 15)
    # (its text repeats the appended article's: a duplicate)
    check(len(got) == 1 and got[0][0].startswith("article."),
          "a hard link made into the inbox is taken: %r" %
          [(t, e.get("error")) for t, e, _ in got])


def link_in(d, tmp, name, text, read=False):
    """Links a file into the inbox and unlinks its first name while the
    daemon is stopped (SIGSTOP): when it reads the creation, the file has
    one link, as a second node's give-back or a writer's move by link
    and unlink leaves it; read: opened and closed meanwhile."""
    src = os.path.join(tmp, name)
    with open(src, "w") as f:
        f.write(text)
    dst = os.path.join(d.inbox, name)
    d.p.send_signal(signal.SIGSTOP)
    try:
        os.link(src, dst)
        os.unlink(src)
        if read:
            with open(dst) as f:
                f.read()
    finally:
        d.p.send_signal(signal.SIGCONT)


def test_links(d, tmp):
    link_in(d, tmp, "moved.txt", "Moved by link\n\n" +
            "\n\n".join(PARAS[8:10] + PARAS[:2]) + "\n")
    got = d.events(1, 15)
    check(len(got) == 1 and got[0][0].startswith("article."),
          "a hard link whose first name is gone is taken: %r" %
          [(t, e.get("error")) for t, e, _ in got])
    link_in(d, tmp, "read.txt", "Read meanwhile\n\n" +
            "\n\n".join(PARAS[2:6]) + "\n", read=True)
    got = d.events(1, 15)
    check(len(got) == 1 and got[0][0].startswith("article."),
          "one read meanwhile is taken too: %r" %
          [(t, e.get("error")) for t, e, _ in got])

    # written in place, open across 2.5 s (settle 1 s): taken at the
    # close, not when the link rule's wait or the settle period is over
    path = os.path.join(d.inbox, "slow.txt")
    with open(path, "w") as f:
        f.write("Slow writer\n\n" + PARAS[6] + "\n\n")
        f.flush()
        time.sleep(2.5)
        early = d.events(1, 0.1)
        f.write("\n\n".join(PARAS[7:10]) + "\n")
    closed = time.monotonic()
    got = early + d.events(1, 15)
    check(len(got) == 1 and got[0][2] >= closed and
          PARAS[9][:40] in (got[0][1].get("body") or ""),
          "a file held open is taken at its close, whole: %r" %
          [(t, (e.get("body") or "")[-60:], at - closed)
           for t, e, at in got])


def finish(log, tmp):
    """The end of a run: the log's last lines if a check failed, tmp
    removed; the exit status."""
    if failures:
        sys.stdout.write(b"".join(log[-60:]).decode("utf-8",
                                                    "backslashreplace"))
    shutil.rmtree(tmp, ignore_errors=True)
    return verdict()


def main():
    newswired = sys.argv[1]
    tmp = tempfile.mkdtemp(prefix="nw-inbox-")
    d = Daemon(newswired, tmp, "max_size = 4000")
    try:
        test_appends(d)
        test_max_size(d)
        test_specials(d, tmp)
        test_links(d, tmp)
    finally:
        d.stop()
    return finish(d.log, tmp)


if __name__ == "__main__":
    sys.exit(main())
