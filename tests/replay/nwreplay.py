"""Helpers of the replay tests: a real newswired on temporary folders and
ports it binds itself (port *, read back from its log), files dropped into its inbox, the journal read with sqlite3,
and a replay client on a raw DEALER socket (Debian's python3-zmq).

NW_DAEMON_WRAPPER prefixes the daemon's command line; NW_TIME_FACTOR
stretches every wait (ASan runs); NW_KEEP_TMP keeps the temporary folder.
"""
import json
import os
import random
import shlex
import shutil
import signal
import sqlite3
import subprocess
import tempfile
import time

import zmq
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "lib"))
sys.path.insert(0, os.path.join(HERE, "..", "ops"))
from nwtest import (check, failures, inbox_waiting,  # noqa: E402
                    verdict)
import opslib  # noqa: E402

FACTOR = float(os.environ.get("NW_TIME_FACTOR", "1"))


def finish(tmp):
    """Prints the verdict, removes tmp unless kept or failed; exit code."""
    if not failures and not os.environ.get("NW_KEEP_TMP"):
        shutil.rmtree(tmp, ignore_errors=True)
    return verdict(tmp)


class Setup:
    """A temporary folder with inbox/, state/ and a configuration. The
    daemon binds its ports (PUB, replay) itself: pub and replay are the
    endpoints of the last run started (None before)."""

    def __init__(self, prefix, workers=2, extra=""):
        self.tmp = tempfile.mkdtemp(prefix=prefix)
        self.inbox = os.path.join(self.tmp, "inbox")
        self.state = os.path.join(self.tmp, "state")
        self.staging = os.path.join(self.tmp, "staging")
        os.mkdir(self.staging)
        os.mkdir(self.inbox)
        self.pub = self.replay = None
        self.conf = os.path.join(self.tmp, "newswired.conf")
        self.log = os.path.join(self.tmp, "newswired.log")
        self.write_conf(workers, extra)

    def write_conf(self, workers=2, extra=""):
        with open(self.conf, "w") as f:
            f.write("[inbox]\npath = %s\nempty_grace = 1\n"
                    "[daemon]\nstate = %s\nworkers = %d\nqueue_size = 16\n"
                    "log_level = info\nmetrics =\n"
                    "[publish]\nendpoint = tcp://127.0.0.1:*\n"
                    "replay = tcp://127.0.0.1:*\nheartbeat = 1\n"
                    "%s" % (self.inbox, self.state, workers, extra))

    def start(self, wait=True):
        """A run of the daemon; with wait, once it said its ports (pub
        and replay set to them). Without, as soon as it is spawned (a
        kill test that must not wait for the start line)."""
        return Daemon(self, wait)

    def started_ports(self, offset=0):
        """([(publish port, replay port)] of the runs that logged their
        start past offset, the offset after the last whole line)."""
        try:
            with open(self.log, "rb") as f:
                f.seek(offset)
                data = f.read()
        except FileNotFoundError:
            return [], offset      # no run yet
        data = data[:data.rfind(b"\n") + 1]
        found = [(int(m.group(1)), int(m.group(2))) for m in
                 opslib.STARTED.finditer(data.decode(errors="replace"))]
        return found, offset + len(data)

    def drop(self, name, text):
        """Writes a file beside the inbox and renames it in, as a
        well-behaved producer does."""
        staged = os.path.join(self.staging, name)
        with open(staged, "w") as f:
            f.write(text)
        os.rename(staged, os.path.join(self.inbox, name))

    def journal(self):
        """[(seq, topic, event dict)] in seq order, from the database
        ([] before the daemon made it)."""
        if not os.path.exists(os.path.join(self.state, "newswire.db")):
            return []
        db = sqlite3.connect("file:%s/newswire.db?mode=ro" % self.state,
                             uri=True, timeout=10)
        try:
            rows = db.execute("SELECT seq, topic, event FROM journal "
                              "ORDER BY seq").fetchall()
        except sqlite3.OperationalError:
            rows = []   # being created
        finally:
            db.close()
        return [(s, t, json.loads(e)) for s, t, e in rows]

    def inbox_files(self):
        return inbox_waiting(self.inbox)


WORDS = ("harbour council budget river election minister school bridge "
         "festival airport court museum hospital station market farmers "
         "storm railway library theatre police university harvest fishing "
         "mayor village factory strike vaccine orchestra glacier satellite "
         "drought football senate embassy tunnel lighthouse vineyard mine "
         "pipeline volcano parliament refinery cathedral ferry election "
         "auction bakery canal desert forest island valley tower").split()


def article_text(i, salt=""):
    """A small article whose words are its own: no two share enough
    text to look like copies of each other."""
    rnd = random.Random("%s-%d" % (salt, i))

    def sentence():
        w = [rnd.choice(WORDS) for _ in range(rnd.randint(8, 14))]
        return "The %s %s." % (" ".join(w), rnd.randint(1, 10 ** 6))

    paras = [" ".join(sentence() for _ in range(4)) for _ in range(3)]
    return "Report %d on the %s %s\n\n%s\n" % (
        i, rnd.choice(WORDS), salt, "\n\n".join(paras))


def uri_name(ev):
    """The file name at the end of an event's source URI."""
    return (ev.get("source", {}).get("uri") or "").rsplit("/", 1)[-1]


class Daemon:
    def __init__(self, setup, wait=True):
        wrapper = shlex.split(os.environ.get("NW_DAEMON_WRAPPER", ""))
        start = opslib.log_size(setup.log)
        self.logf = open(setup.log, "ab")
        self.proc = subprocess.Popen(wrapper + [NEWSWIRED, "-c", setup.conf],
                                     stderr=self.logf)
        if not wait:
            return
        ports = opslib.bound_ports(setup.log, start, self.alive, 20,
                                   metrics=False)
        if ports is None:
            self.kill()
            raise AssertionError("newswired did not say its ports")
        setup.pub = "tcp://127.0.0.1:%d" % ports[0]
        setup.replay = "tcp://127.0.0.1:%d" % ports[1]

    def alive(self):
        return self.proc.poll() is None

    def kill(self):
        """SIGKILL, and reap it."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()
        self.logf.close()

    def signal(self, sig):
        self.proc.send_signal(sig)

    def stop(self):
        """SIGTERM; the exit status, or None if it hung (then killed)."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            rc = self.proc.wait(timeout=30 * FACTOR)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            rc = None
        self.logf.close()
        return rc


NEWSWIRED = None   # set by the test's main()


def wait_for(pred, seconds, step=0.05):
    """Polls pred() until true or seconds (scaled) pass."""
    end = time.monotonic() + seconds * FACTOR
    while True:
        if pred():
            return True
        if time.monotonic() > end:
            return False
        time.sleep(step)


class ReplayClient:
    """A raw DEALER client of the replay protocol."""

    def __init__(self, endpoint, ctx=None):
        self.ctx = ctx or zmq.Context.instance()
        self.sock = self.ctx.socket(zmq.DEALER)
        self.sock.setsockopt(zmq.LINGER, 0)
        self.sock.connect(endpoint)

    def send(self, req):
        if isinstance(req, (list, tuple)):
            self.sock.send_multipart(req)
        else:
            self.sock.send(req if isinstance(req, bytes)
                           else json.dumps(req).encode())

    def answer(self, timeout=20):
        """Reads one answer: ([(topic, event)], final topic, final dict).
        The final topic is None on a timeout."""
        events = []
        end = time.monotonic() + timeout * FACTOR
        while True:
            left = end - time.monotonic()
            if left <= 0 or not self.sock.poll(int(left * 1000)):
                return events, None, None
            frames = self.sock.recv_multipart()
            topic = frames[0].decode()
            body = json.loads(frames[-1])
            if topic in ("replay.end", "replay.error"):
                check(len(frames) == 2, "final message of 2 frames: %r"
                      % frames)
                return events, topic, body
            check(len(frames) == 2, "event message of 2 frames")
            events.append((topic, body))

    def ask(self, req, timeout=20):
        self.send(req)
        return self.answer(timeout)

    def close(self):
        self.sock.close()
