"""Helpers of the ops tests: a running newswired with its own ports,
generated article pages, the notify socket, and a Prometheus text parser.

The daemon binds its ports itself: a configuration gives port * (ZeroMQ)
or 0 (metrics) and the test reads the ports the daemon bound from its
log (Daemon.ports()), so no test races another for a port it picked.

NW_TIME_FACTOR stretches every wait for slow runs (ASan, valgrind)."""
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "lib"))
import nwtest  # noqa: E402
from nwtest import failures  # noqa: E402

# the tests of tests/ops and tests/hostile take check() from here
check = nwtest.check

FACTOR = float(os.environ.get("NW_TIME_FACTOR", "1"))

WORDS = ("the a council minister river market school police report city "
         "budget vote storm road hospital union court season museum port "
         "train farmers prices energy water rail bridge election").split()


def page(i, salt=""):
    """A small article page, different for every (i, salt)."""
    r = random.Random("%s-%d" % (salt, i))
    title = " ".join(r.choice(WORDS) for _ in range(6)).capitalize()
    title += " %s%d" % (salt, i)
    paras = []
    for p in range(4):
        s = [" ".join(r.choice(WORDS) for _ in range(14)).capitalize() +
             " number %s%d-%d-%d." % (salt, i, p, k) for k in range(3)]
        paras.append("<p>" + " ".join(s) + "</p>")
    return ("<!DOCTYPE html><html><head><meta charset=utf-8><title>%s"
            "</title></head><body><article><h1>%s</h1><p class=byline>By "
            "Ann Smith</p>%s</article></body></html>"
            % (title, title, "".join(paras))).encode()


def drop(tmp, inbox, name, data):
    """Writes data beside the inbox and renames it in (one IN_MOVED_TO)."""
    staged = os.path.join(tmp, "." + name)
    with open(staged, "wb") as f:
        f.write(data)
    os.rename(staged, os.path.join(inbox, name))


def write_conf(path, tmp, pub_port="*", metrics_port=0, workers=2,
               queue=4, level="info"):
    """A configuration in path, its folders under tmp. The publish port
    (pub_port) and the metrics port (metrics_port) are the kernel's pick
    unless given, the replay port always: Daemon.ports() has them."""
    with open(path, "w") as f:
        f.write("[inbox]\npath = %s/inbox\nsource_name = inbox\n"
                "empty_grace = 0\n"
                "[daemon]\nstate = %s/state\nworkers = %d\n"
                "queue_size = %d\nlog_level = %s\n"
                "metrics = 127.0.0.1:%s\n"
                "[publish]\nendpoint = tcp://127.0.0.1:%s\nheartbeat = 1\n"
                "hwm = 1000\nreplay = tcp://127.0.0.1:*\n"
                % (tmp, tmp, workers, queue, level, metrics_port, pub_port))


# The daemon's start line, with the ZeroMQ endpoints as bound, and its
# metrics line.
STARTED = re.compile(r"publishing on [a-z]+://\S*?:(\d+), replay on "
                     r"[a-z]+://\S*?:(\d+),")
METRICS_AT = re.compile(r"health and metrics on \S+ \(port (\d+)\)|"
                        r"running without /healthz")


def log_size(path):
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def conf_has_metrics(conf):
    """Whether the configuration conf serves metrics (not "metrics =")."""
    with open(conf, errors="replace") as f:
        return not re.search(r"^metrics\s*=\s*$", f.read(), re.M)


def bound_ports(log_path, start, alive, seconds=15, metrics=True):
    """(publish port, replay port, metrics port) a daemon bound, read from
    its log past offset start once it says them (a TCP endpoint's port;
    the metrics port None without metrics, or when they could not
    listen); None if it did not say so before alive() turned false or
    within seconds (times FACTOR). A daemon that stopped since is read
    all the same."""
    end = time.monotonic() + seconds * FACTOR
    while True:
        running = alive()
        with open(log_path, "rb") as f:
            f.seek(start)
            text = f.read().decode(errors="replace")
        hit = STARTED.search(text)
        if hit:
            # the metrics line follows at once, or none (metrics =)
            mt = METRICS_AT.search(text, hit.end())
            if mt or not metrics or not running or \
                    time.monotonic() >= end:
                mport = int(mt.group(1)) if mt and mt.group(1) else None
                return int(hit.group(1)), int(hit.group(2)), mport
        if not running or time.monotonic() >= end:
            return None
        time.sleep(0.05)


class Daemon:
    """newswired -c conf, stderr into log_path. With journal=True the
    log file poses as the journal (JOURNAL_STREAM names it)."""

    def __init__(self, exe, conf, log_path, env=None, watchdog_pid=False,
                 journal=False):
        self.log = open(log_path, "ab")
        e = dict(os.environ)
        e.update(env or {})
        if journal:
            st = os.fstat(self.log.fileno())
            e["JOURNAL_STREAM"] = "%d:%d" % (st.st_dev, st.st_ino)
        self.log_path = log_path
        self.start = log_size(log_path)
        self.metrics = conf_has_metrics(conf)
        self.bound = None
        argv = [exe, "-c", conf]
        if watchdog_pid:
            # the shell's pid is the daemon's after exec
            argv = ["/bin/sh", "-c", 'WATCHDOG_PID=$$; export WATCHDOG_PID; '
                    'exec "$0" "$@"'] + argv
        self.proc = subprocess.Popen(argv, stderr=self.log, env=e)

    def alive(self):
        return self.proc.poll() is None

    def ports(self, seconds=15):
        """(publish, replay, metrics) ports this run of the daemon bound
        (bound_ports()); None if it did not say."""
        if self.bound is None:
            self.bound = bound_ports(self.log_path, self.start, self.alive,
                                     seconds, self.metrics)
        return self.bound

    def pub_port(self):
        p = self.ports()
        return p[0] if p else None

    def replay_port(self):
        p = self.ports()
        return p[1] if p else None

    def metrics_port(self):
        p = self.ports()
        return p[2] if p else None

    def signal(self, sig):
        self.proc.send_signal(sig)

    def vm(self, key):
        """VmHWM, VmRSS... of the daemon in kB (0 once it is gone)."""
        try:
            with open("/proc/%d/status" % self.proc.pid) as f:
                for line in f:
                    if line.startswith(key + ":"):
                        return int(line.split()[1])
        except OSError:
            pass
        return 0

    def stop(self, signalled=False):
        """SIGTERM (unless signalled already); returns the exit status
        (None if it hung)."""
        if self.proc.poll() is None and not signalled:
            self.proc.send_signal(signal.SIGTERM)
        try:
            rc = self.proc.wait(timeout=30 * FACTOR)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            rc = None
        self.log.close()
        return rc


class NotifySocket:
    """The systemd side of sd_notify: a datagram socket we bind."""

    def __init__(self, path):
        self.path = path
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(path)
        self.messages = []     # (monotonic time, {KEY: VALUE})

    def poll(self, timeout):
        self.sock.settimeout(max(timeout, 0.001))
        try:
            data = self.sock.recv(4096)
        except socket.timeout:
            return False
        kv = {}
        for line in data.decode().split("\n"):
            if "=" in line:
                k, v = line.split("=", 1)
                kv[k] = v
        self.messages.append((time.monotonic(), kv))
        return True

    def wait(self, pred, seconds):
        end = time.monotonic() + seconds * FACTOR
        while not pred():
            left = end - time.monotonic()
            if left <= 0:
                return False
            self.poll(min(left, 0.2))
        return True

    def first(self, key, value=None, after=-1):
        """Index of the first message after index `after` with key."""
        for i, (_, kv) in enumerate(self.messages):
            if i > after and key in kv and (value is None or
                                            kv[key] == value):
                return i
        return None

    def close(self):
        self.sock.close()


def http_get(port, path, timeout=10):
    """(status, body) of GET http://127.0.0.1:port/path."""
    url = "http://127.0.0.1:%d%s" % (port, path)
    try:
        with urllib.request.urlopen(url, timeout=timeout * FACTOR) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


SAMPLE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (\S+)$')
LABEL = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)",?')


def parse_prometheus(text):
    """{(name, frozenset(labels.items())): value}; raises ValueError on a
    line that is not the text format."""
    out = {}
    types = {}
    for line in text.splitlines():
        if not line:
            continue
        if line.startswith("# HELP "):
            continue
        if line.startswith("# TYPE "):
            _, _, name, kind = line.split(" ", 3)
            if kind not in ("counter", "gauge", "histogram", "summary",
                            "untyped"):
                raise ValueError("bad type: " + line)
            types[name] = kind
            continue
        m = SAMPLE.match(line)
        if m is None:
            raise ValueError("bad line: %r" % line)
        labels = {}
        rest = m.group(3) or ""
        pos = 0
        while pos < len(rest):
            lm = LABEL.match(rest, pos)
            if lm is None:
                raise ValueError("bad labels: %r" % line)
            labels[lm.group(1)] = lm.group(2)
            pos = lm.end()
        base = re.sub(r"_(bucket|sum|count)$", "", m.group(1))
        if m.group(1) not in types and base not in types:
            raise ValueError("no TYPE for %r" % line)
        out[(m.group(1), frozenset(labels.items()))] = float(m.group(4))
    return out


def metric(parsed, name, **labels):
    return parsed.get((name, frozenset(labels.items())))


def cleanup(tmp):
    if failures or os.environ.get("NW_KEEP_TMP"):
        print("kept", tmp)
    else:
        shutil.rmtree(tmp, ignore_errors=True)
