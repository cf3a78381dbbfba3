"""Parts the hostile tests share: their configuration's opening (conf()),
a newswired with nwtest's subscriber on its port (start(), run_daemon()),
a SIGTERM timed (stop_timed()) or checked (stop()), a bounded wait
(wait_for()), a command checked (sh()), the store's journal counted
(journal_size()), a test's mounts undone (unmount()), and newswired on
a small tmpfs of its own (TmpfsDaemon, tmpfs_run()) for the full-disk
tests; and what the tests of files put back into an inbox by hand share
(tests/inbox: node_conf(), drop(), publish(), put_back(), held(),
kill(), lines_of(), marks()).

A test adds tests/ops and tests/lib to sys.path before importing this
(as it does for opslib). NW_TIME_FACTOR stretches every wait.
"""
import errno
import functools
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

from opslib import (FACTOR, Daemon, bound_ports, check,  # noqa: E402
                    cleanup, conf_has_metrics, failures, log_size)
from nwtest import Sub, verdict  # noqa: E402,F401

SIZE = "4m"


@functools.lru_cache(maxsize=None)
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
            return tuple([unshare] + flags + ["--propagation", "private"])
    return None


def need_unshare():
    """Exits 77 (skipped) where no mount namespace can be had."""
    if unshare_argv() is None:
        print("SKIP: no mount namespace here (unshare -m, -Urm)")
        sys.exit(77)


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


def conf(inbox, state, workers=2, level="info", inbox_keys="",
         daemon_keys="", rest="", metrics=""):
    """A configuration's opening, as every hostile test has it: the inbox
    (more keys of [inbox] in inbox_keys), the state, workers and log
    level (more keys of [daemon] in daemon_keys), metrics (none, or
    "127.0.0.1:0"), heartbeats every second and the ports the kernel's
    pick (read from the log: Daemon.ports(), TmpfsDaemon.ports); rest
    follows [publish]."""
    return ("[inbox]\npath = %s\n%s"
            "[daemon]\nstate = %s\nworkers = %d\n%slog_level = %s\n"
            "metrics = %s\n"
            "[publish]\nendpoint = tcp://127.0.0.1:*\nheartbeat = 1\n"
            "replay = tcp://127.0.0.1:*\n%s"
            % (inbox, inbox_keys, state, workers, daemon_keys, level,
               metrics, rest))


def inbox_tmp(prefix):
    """A temporary folder (its name opening with prefix) holding an
    inbox, the daemon's state and a configuration with the inbox's waits
    off (conf()'s): (tmp, inbox, the configuration's path, the log's
    path)."""
    tmp = tempfile.mkdtemp(prefix=prefix)
    inbox = os.path.join(tmp, "inbox")
    os.makedirs(inbox)
    conf_path = os.path.join(tmp, "newswired.conf")
    with open(conf_path, "w") as f:
        f.write(conf(inbox, os.path.join(tmp, "state"),
                     inbox_keys="empty_grace = 0\nsettle = 0\n"))
    return tmp, inbox, conf_path, os.path.join(tmp, "daemon.log")


def log_text(path):
    with open(path, errors="replace") as f:
        return f.read()


def start(exe, conf_path, log_path, sub):
    """An opslib.Daemon on conf_path, sub (a Sub) subscribed on the
    publish port it bound (a run after another binds another)."""
    d = Daemon(exe, conf_path, log_path)
    check(sub.connect(d.pub_port()), "the log says the publish port")
    return d


def run_daemon(exe, conf_path, logp, sub, env=None):
    """A run of newswired (an opslib.Daemon, env its environment), sub
    (a Sub) following it, its first heartbeat in."""
    d = Daemon(exe, conf_path, logp, env=env)
    check(sub.follow(d.pub_port()), "the log says the publish port")
    beats = len(sub.beats)
    check(sub.wait(lambda: len(sub.beats) > beats, 20, d.alive),
          "a heartbeat of the run")
    return d


def sh(*argv):
    """Runs the command argv, checked to exit 0."""
    p = subprocess.run(list(argv), capture_output=True, timeout=20)
    check(p.returncode == 0, "%s: %s" % (" ".join(argv),
                                         p.stderr.decode().strip()))


def wait_for(pred, seconds):
    """Whether pred() holds within seconds (times FACTOR). True as soon as
    it holds once: a state that holds for a moment (claimed/ empty between
    two files) is not asked again, where it may no longer hold."""
    end = time.monotonic() + seconds * FACTOR
    while not pred():
        if time.monotonic() >= end:
            return False
        time.sleep(0.1)
    return True


def journal_size(state):
    """The events in the journal of the store in state."""
    db = sqlite3.connect("file:%s/newswire.db?mode=ro" % state, uri=True)
    try:
        return db.execute("SELECT count(*) FROM journal").fetchone()[0]
    finally:
        db.close()


def unmount(filler, *mounts):
    """Whatever happened: filler removed (if it is there), then each of
    mounts unmounted, in order (a failure passed over)."""
    if os.path.exists(filler):
        os.unlink(filler)
    for m in mounts:
        subprocess.run(["umount", m], capture_output=True, timeout=20)


def stop(d):
    """SIGTERM to d (an opslib.Daemon), checked to exit 0."""
    rc, took = stop_timed(d)
    check(rc == 0, "SIGTERM: exit 0 (rc %r, %.1f s)" % (rc, took))


def stop_timed(d):
    """SIGTERM to d (an opslib.Daemon); (exit status or None if it took
    over 10 s, the seconds it took)."""
    t0 = time.monotonic()
    d.signal(signal.SIGTERM)
    try:
        rc = d.proc.wait(timeout=10 * FACTOR)
    except subprocess.TimeoutExpired:
        rc = None
    took = time.monotonic() - t0
    d.stop(signalled=True)
    return rc, took


class TmpfsDaemon:
    """newswired -c conf in a mount namespace of its own (need_unshare()
    first) in which the folder mount is a tmpfs of size bytes (as mount's
    size=), its log into log_path, and a Sub on its publish port, read
    from its log (the configuration gives port *: ports has them).
    The test reaches the tmpfs through inside(); fill() fills it, free()
    frees it again. As a context manager it stops the daemon on the way
    out (stop()), the exit status then in rc."""

    def __init__(self, exe, conf, log_path, mount, size=SIZE):
        self.log_path = log_path
        self.mount = mount
        self.filler = None
        self.rc = None
        start = log_size(log_path)
        self.log = open(log_path, "ab")
        self.proc = subprocess.Popen(
            list(unshare_argv()) +
            ["sh", "-c", 'mount -t tmpfs -o size=%s nwtmpfs "$0" && '
             'exec "$@"' % size, mount, exe, "-c", conf],
            stderr=self.log)
        self.ports = bound_ports(log_path, start, self.alive,
                                 metrics=conf_has_metrics(conf))
        if self.ports is None:
            self.proc.kill()
            self.proc.wait()
            self.log.close()
            raise RuntimeError("newswired did not say its ports (%s)"
                               % log_path)
        self.sub = Sub(self.ports[0])
        self.events = self.sub.events

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()
        return False

    def alive(self):
        return self.proc.poll() is None

    def text(self):
        """The daemon's log so far."""
        return log_text(self.log_path)

    def inside(self, name):
        """The path of name in the tmpfs, as seen from outside."""
        return "/proc/%d/root%s/%s" % (self.proc.pid, self.mount, name)

    def heartbeat(self, seconds=20):
        """Whether a heartbeat comes within seconds (times FACTOR)."""
        return self.sub.wait(lambda: self.sub.beats, seconds, self.alive)

    def receive(self, seconds, until=lambda: False):
        """Receives events for seconds (times FACTOR) or until until()
        holds while the daemon runs; returns until()."""
        return self.sub.wait(until, seconds, self.alive)

    def fill(self):
        """Fills the tmpfs until it refuses another byte; its size."""
        self.filler = self.inside("filler")
        return fill(self.filler)

    def free(self):
        """Frees what fill() took."""
        if self.filler is not None and os.path.exists(self.filler):
            try:
                os.unlink(self.filler)
            except OSError:
                pass

    def stop(self):
        """Frees the tmpfs, SIGTERM (if it still runs), waits up to 20 s
        (times FACTOR, then SIGKILL); the exit status (None if killed).
        Once; later calls return the same."""
        if self.log.closed:
            return self.rc
        self.free()
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            self.rc = self.proc.wait(timeout=20 * FACTOR)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            self.rc = None
        self.log.close()
        self.sub.close()
        return self.rc


def tmpfs_run(exe, tmp, conf_text, mount, body, size=SIZE):
    """A full-disk test from its configuration (conf_text, written to
    tmp/newswired.conf) on: body(d) with a TmpfsDaemon d whose tmpfs is
    mount, then what each such test checks at the end (a clean stop, no
    sanitizer report) and finish(), which exits."""
    conf_path = os.path.join(tmp, "newswired.conf")
    with open(conf_path, "w") as f:
        f.write(conf_text)
    logp = os.path.join(tmp, "daemon.log")
    with TmpfsDaemon(exe, conf_path, logp, mount, size) as d:
        body(d)
    check(d.rc == 0, "clean stop: rc %r" % d.rc)
    no_sanitizer_report(d.text())
    finish(tmp, logp)


def node_conf(tmp, name, inbox, rest=""):
    """Node name's configuration (tmp/NAME.conf) on inbox, its state
    tmp/NAME, files taken at once (the inbox's waits off), rest after
    [publish] (conf()): (its path, the state, the log's path)."""
    path, state = os.path.join(tmp, name + ".conf"), os.path.join(tmp, name)
    with open(path, "w") as f:
        f.write(conf(inbox, state, inbox_keys="empty_grace = 0\n"
                     "settle = 0\n", rest=rest))
    return path, state, os.path.join(tmp, name + ".log")


def drop(inbox, name, data):
    """data written beside the inbox's name and renamed in."""
    staged = os.path.join(inbox, "." + name)
    with open(staged, "wb") as f:
        f.write(data)
    os.rename(staged, os.path.join(inbox, name))


def publish(inbox, name, data, seconds=20):
    """data dropped into the inbox as name (drop()); whether it is in
    processed/ within seconds."""
    drop(inbox, name, data)
    return wait_for(lambda: os.path.exists(os.path.join(
        inbox, "processed", name)), seconds)


def put_back(inbox, name, hold=None):
    """name moved back into the inbox from processed/ by hand, as it
    was, more than a second after its commit (its ctime past the commit's
    in any precision); hold: the shim's hold file made first."""
    time.sleep(1.1)
    if hold is not None:
        open(hold, "w").close()
    os.rename(os.path.join(inbox, "processed", name),
              os.path.join(inbox, name))


def held(hold, seconds=20):
    """Whether a shim (tests/shim/shim_hold.h) holds its process within
    seconds, hold.held made; that sign removed."""
    if not wait_for(lambda: os.path.exists(hold + ".held"), seconds):
        return False
    os.unlink(hold + ".held")
    return True


def kill(d):
    """The daemon d (an opslib.Daemon) killed with SIGKILL, reaped."""
    d.proc.kill()
    d.stop(signalled=True)


def lines_of(log_path, name, at=0):
    """The lines of the log from offset at that name."""
    return [ln for ln in log_text(log_path)[at:].splitlines()
            if name in ln]


def marks(state):
    """The rows of files_back (files marked put back by hand) in the
    store in state."""
    db = sqlite3.connect("file:%s/newswire.db?mode=ro" % state, uri=True)
    try:
        return db.execute("SELECT count(*) FROM files_back").fetchone()[0]
    finally:
        db.close()


def no_sanitizer_report(text):
    """Checks that ASan and UBSan said nothing in the log text."""
    return check("runtime error" not in text and "Sanitizer" not in text,
                 "no sanitizer report in the daemon's log")


def finish(tmp, log_path, tail=4000):
    """The end of a test: on failures the log's tail; the verdict
    (nwtest.verdict()) and its exit. The temporary folder goes either
    way."""
    if failures:
        print(log_text(log_path)[-tail:])
    cleanup(tmp)
    sys.exit(verdict())
