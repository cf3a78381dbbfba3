"""Helpers shared by the Python end-to-end tests: a check that records
failures instead of stopping at the first, a free loopback port, and the
local nginx started on a port of its own (start_nginx), a stop that
ends a process whatever it does (stop_proc), and a ZeroMQ subscriber to
every topic of a newswired (Sub), checking each event against the JSON
Schema when given one (schema_validator). A test adds this folder to
sys.path:

    sys.path.insert(0, os.path.join(os.path.dirname(
        os.path.abspath(__file__)), "..", "lib"))
    from nwtest import check, failures, free_port

and ends with verdict(): the count of failed checks, the exit status.
"""
import json
import os
import shutil
import socket
import subprocess
import time

import zmq

FACTOR = float(os.environ.get("NW_TIME_FACTOR", "1"))

# Every check that failed, in order; a test exits non-zero when it is not
# empty. Shared by all the modules of one test process.
failures = []


def check(ok, what):
    """Records what as failed unless ok; returns ok."""
    if not ok:
        failures.append(what)
        print("FAIL:", what, flush=True)
    return ok


def verdict(kept=None, rc=0):
    """The end of a test's run, its exit status: "N check(s) failed"
    (and, kept given, the folder its files were kept in) and 1, or "all
    checks passed" and rc (the test's own status: 77, said "skipped",
    when it could not run)."""
    if failures:
        print("%d check(s) failed%s" % (len(failures), "; files kept in %s"
                                        % kept if kept else ""))
        return 1
    print("skipped" if rc == 77 else "all checks passed")
    return rc


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on just now (a race
    with any other process binding: a daemon binds port * instead, a
    Python server port 0, nginx goes through start_nginx())."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def reserve_port():
    """(socket, port): a loopback port held for a daemon the test starts
    later, known before (a client started first waits for it). The socket
    is bound with SO_REUSEADDR but does not listen: nothing else can bind
    the port (the kernel picks it for no port-0 bind, and a plain bind is
    refused), a connect to it is refused, yet ZeroMQ's bind (SO_REUSEADDR)
    takes it. Close the socket once the daemon has bound."""
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", 0))
    return s, s.getsockname()[1]


def find_nginx():
    """Debian's nginx binary, or None."""
    for p in ("/usr/sbin/nginx", shutil.which("nginx")):
        if p and os.access(p, os.X_OK):
            return p
    return None


def wait_port(port, proc):
    """Waits up to about 15 s for port on 127.0.0.1 to accept while proc
    runs; False when proc ended or the port never opened."""
    for _ in range(100):
        if proc.poll() is not None:
            return False
        try:
            socket.create_connection(("127.0.0.1", port), 0.1).close()
            return True
        except OSError:
            time.sleep(0.05)
    return False


def listens_on(pid, port):
    """Whether process pid has a socket listening on TCP port (its fds'
    socket inodes against /proc/net/tcp)."""
    try:
        inodes = set()
        for fd in os.listdir("/proc/%d/fd" % pid):
            link = os.readlink("/proc/%d/fd/%s" % (pid, fd))
            if link.startswith("socket:["):
                inodes.add(link[8:-1])
        with open("/proc/%d/net/tcp" % pid) as f:
            rows = [ln.split() for ln in f.readlines()[1:]]
    except OSError:
        return False
    # local address HEX:PORT, state 0A (LISTEN), inode in column 9
    return any(r[1].endswith(":%04X" % port) and r[3] == "0A" and
               r[9] in inodes for r in rows)


def start_nginx(argv, write_conf, tries=5):
    """nginx (argv) on a loopback port it listens on itself: (process,
    port), or (None, None). nginx cannot listen on port 0, so the port is
    a free_port() written by write_conf(port) into its configuration; if
    another process takes it first, nginx exits and the next pick is
    tried. The port counts once nginx's own socket listens there."""
    for _ in range(tries):
        port = free_port()
        write_conf(port)
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        for _ in range(300):
            if proc.poll() is not None or listens_on(proc.pid, port):
                break
            time.sleep(0.05)
        if proc.poll() is None and listens_on(proc.pid, port):
            return proc, port
        if proc.poll() is None:
            proc.kill()
        proc.wait()
    return None, None


def shim_env(shim):
    """A daemon's environment with shim preloaded ({} for None; ASan's
    runtime then is not the first library: allowed)."""
    if shim is None:
        return {}
    asan = os.environ.get("ASAN_OPTIONS", "")
    return {"LD_PRELOAD": shim, "ASAN_OPTIONS": (asan + ":" if asan else "")
            + "verify_asan_link_order=0"}


def stop_proc(proc, timeout):
    """SIGTERM to proc if it still runs, then SIGKILL if it has not
    exited within timeout seconds; waits for it either way."""
    if proc is None or proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def inbox_waiting(inbox):
    """The names of the files not done with in an inbox: in the folder
    itself and in a node's claimed/NODE/ (a file a newswired works on, or
    holds while its store fails)."""
    names = []
    for d in [inbox] + [os.path.join(inbox, "claimed", n)
                        for n in (os.listdir(os.path.join(inbox, "claimed"))
                                  if os.path.isdir(os.path.join(
                                      inbox, "claimed")) else [])]:
        names += [n for n in os.listdir(d)
                  if os.path.isfile(os.path.join(d, n))]
    return sorted(names)


def schema_validator(path):
    """A jsonschema validator of the JSON Schema in path (docs/
    event.schema.json): draft 2020-12 where the installed jsonschema has
    it, else draft 7."""
    import jsonschema
    with open(path) as f:
        schema = json.load(f)
    cls = getattr(jsonschema, "Draft202012Validator",
                  jsonschema.Draft7Validator)
    return cls(schema)


class Sub:
    """A subscriber to every topic on 127.0.0.1:port or an endpoint (or,
    none given, on the ones given to connect() later: a daemon started
    again binds another): events holds (topic, event) of all but
    heartbeats, arrivals their monotonic times, beats the heartbeats.
    With a validator (schema_validator()), every message, heartbeats
    too, is checked to be two frames and valid against the schema."""

    def __init__(self, port=None, validator=None):
        self.ctx = zmq.Context()
        self.sock = self.ctx.socket(zmq.SUB)
        self.sock.setsockopt(zmq.LINGER, 0)
        self.sock.setsockopt(zmq.SUBSCRIBE, b"")
        self.validator = validator
        self.endpoints = []
        if port is not None:
            self.connect(port)
        self.events = []
        self.arrivals = []
        self.beats = []

    def connect(self, port):
        """Subscribes on 127.0.0.1:port (a daemon's publish port,
        Daemon.pub_port()) or on an endpoint ("tcp://...") too; True if
        port is one."""
        if port is None:
            return False
        ep = port if isinstance(port, str) else "tcp://127.0.0.1:%d" % port
        self.sock.connect(ep)
        self.endpoints.append(ep)
        return True

    def follow(self, port):
        """From the endpoints of a stopped run to the next run's."""
        for ep in self.endpoints:
            self.sock.disconnect(ep)
        self.endpoints = []
        return self.connect(port)

    def _take(self, frames):
        if not check(len(frames) == 2, "two frames: %r" % frames):
            return
        t, body = frames
        ev = json.loads(body)
        if self.validator is not None:
            errors = list(self.validator.iter_errors(ev))
            check(not errors, "%s: schema: %s" % (t.decode(), "; ".join(
                e.message[:200] for e in errors[:3])))
        if t == b"heartbeat":
            self.beats.append(ev)
        else:
            self.events.append((t.decode(), ev))
            self.arrivals.append(time.monotonic())

    def poll(self, ms):
        """Takes what came within ms milliseconds; True if anything
        did."""
        if not self.sock.poll(ms):
            return False
        while self.sock.poll(0):
            self._take(self.sock.recv_multipart())
        return True

    def wait(self, pred, seconds, alive=None):
        """Receives until pred() holds, seconds pass (times FACTOR) or
        alive() no longer holds; True as soon as pred() holds once."""
        end = time.monotonic() + seconds * FACTOR
        while not pred():
            if time.monotonic() >= end or (alive is not None
                                           and not alive()):
                return pred()
            self.poll(100)
        return True

    def settle(self, seconds):
        """Receives for seconds (times FACTOR), whatever comes."""
        end = time.monotonic() + seconds * FACTOR
        while time.monotonic() < end:
            self.poll(max(1, min(100, int((end - time.monotonic()) *
                                          1000))))

    def topics(self, prefix):
        """The events whose topic starts with prefix."""
        return [e for t, e in self.events if t.startswith(prefix)]

    def messages(self, prefix):
        """(topic, event) of those."""
        return [(t, e) for t, e in self.events if t.startswith(prefix)]

    def arrived(self, prefix):
        """When each of those came (monotonic)."""
        return [a for a, (t, _) in zip(self.arrivals, self.events)
                if t.startswith(prefix)]

    def close(self):
        self.sock.close()
        self.ctx.term()
