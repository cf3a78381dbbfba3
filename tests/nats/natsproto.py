"""An independent reader of a JetStream stream for the tests: the NATS
client protocol (text over TCP) and the JetStream API's request/reply
subjects, written from the protocol documents, not with libnats, so the
tests check the daemon's output with a client other than its own. Also
starts nats-server on loopback ports (Server).

    c = Conn(port); c.stream_info("NEWSWIRE"); c.msg_get("NEWSWIRE", 1)
"""
import base64
import glob
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time

_LIB = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib")
if _LIB not in sys.path:
    sys.path.insert(0, _LIB)
from nwtest import stop_proc  # noqa: E402

FACTOR = float(os.environ.get("NW_TIME_FACTOR", "1"))


def find_server():
    """Debian's nats-server binary, or None."""
    for p in ("/usr/sbin/nats-server", shutil.which("nats-server")):
        if p and os.access(p, os.X_OK):
            return p
    return None


def parse_headers(raw):
    """'NATS/1.0\\r\\nK: V\\r\\n\\r\\n' -> {K: V}."""
    out = {}
    for line in raw.decode().split("\r\n")[1:]:
        if ":" in line:
            k, v = line.split(":", 1)
            out[k.strip()] = v.strip()
    return out


class Conn:
    """One connection; requests wait at most timeout seconds."""

    def __init__(self, port, timeout=5.0):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout)
        self.sock.settimeout(timeout)
        self.buf = b""
        self.inbox_n = 0
        line = self._line()
        if not line.startswith(b"INFO "):
            raise OSError("not a NATS server: %r" % line)
        self.sock.sendall(b'CONNECT {"verbose":false,"pedantic":false,'
                          b'"headers":true,"no_responders":true,'
                          b'"lang":"python-test","version":"0"}\r\n'
                          b"PING\r\n")
        while self._line() != b"PONG":
            pass

    def close(self):
        self.sock.close()

    def _fill(self):
        data = self.sock.recv(65536)
        if not data:
            raise OSError("connection closed")
        self.buf += data

    def _line(self):
        while b"\r\n" not in self.buf:
            self._fill()
        line, self.buf = self.buf.split(b"\r\n", 1)
        return line

    def _bytes(self, n):
        while len(self.buf) < n + 2:
            self._fill()
        data, self.buf = self.buf[:n], self.buf[n + 2:]
        return data

    def request(self, subject, payload, deadline=5.0, headers=None):
        """Publishes payload (with headers, a dict, when given) with a
        reply inbox; returns (headers, data) of the first answer."""
        self.inbox_n += 1
        inbox = "_INBOX.t%d.%d" % (os.getpid(), self.inbox_n)
        sid = str(self.inbox_n)
        if isinstance(payload, str):
            payload = payload.encode()
        sub = ("SUB %s %s\r\nUNSUB %s 1\r\n" % (inbox, sid, sid)).encode()
        if headers:
            h = ("NATS/1.0\r\n" + "".join(
                "%s: %s\r\n" % kv for kv in headers.items()) +
                "\r\n").encode()
            self.sock.sendall(sub + ("HPUB %s %s %d %d\r\n" % (
                subject, inbox, len(h), len(h) + len(payload))).encode() +
                h + payload + b"\r\n")
        else:
            self.sock.sendall(sub + ("PUB %s %s %d\r\n" % (
                subject, inbox, len(payload))).encode() + payload +
                b"\r\n")
        end = time.monotonic() + deadline
        while time.monotonic() < end:
            parts = self._line().split()
            if not parts:
                continue
            if parts[0] == b"PING":
                self.sock.sendall(b"PONG\r\n")
            elif parts[0] == b"-ERR":
                raise OSError(b" ".join(parts).decode())
            elif parts[0] == b"MSG":
                data = self._bytes(int(parts[-1]))
                if parts[2].decode() == sid:
                    return {}, data
            elif parts[0] == b"HMSG":
                hlen, tlen = int(parts[-2]), int(parts[-1])
                raw = self._bytes(tlen)
                if parts[2].decode() == sid:
                    return parse_headers(raw[:hlen]), raw[hlen:]
        raise OSError("no answer on %s" % subject)

    def api(self, what, body=None):
        _, data = self.request("$JS.API." + what,
                               json.dumps(body) if body is not None else "")
        return json.loads(data) if data else {}

    def stream_info(self, stream):
        return self.api("STREAM.INFO." + stream)

    def msg_get(self, stream, seq, seconds=10.0):
        """(subject, headers, data) of the stream's message seq, or None
        when the stream says it has no such message. Any other answer (no
        responders, an API error while the stream elects a leader) is
        asked again for up to seconds, then raised: a message the test
        could not read is not a message the stream lacks."""
        end = time.monotonic() + seconds
        while True:
            try:
                r = self.api("STREAM.MSG.GET." + stream, {"seq": seq})
            except OSError as e:
                if time.monotonic() > end:
                    raise
                r = {"no answer": str(e)}
            m = r.get("message")
            if m is not None:
                break
            if r.get("error", {}).get("err_code") == 10037:
                return None     # JSNoMessageFoundErr
            if time.monotonic() > end:
                raise OSError("STREAM.MSG.GET %s %d: %s"
                              % (stream, seq, r or "no answer"))
            time.sleep(0.2)
        hdrs = parse_headers(base64.b64decode(m["hdrs"])) \
            if m.get("hdrs") else {}
        return m["subject"], hdrs, base64.b64decode(m.get("data", ""))

    def all_msgs(self, stream):
        """Every message of the stream, in stream order."""
        end = time.monotonic() + 10.0
        while True:
            try:
                st = self.stream_info(stream).get("state")
            except OSError:
                if time.monotonic() > end:
                    raise
                st = None
            if st is not None:
                break
            if time.monotonic() > end:
                raise OSError("STREAM.INFO %s: no state" % stream)
            time.sleep(0.2)
        out = []
        for seq in range(st.get("first_seq", 1), st.get("last_seq", 0) + 1):
            m = self.msg_get(stream, seq)
            if m is not None:
                out.append(m)
        return out


def wait_conn(port, proc, seconds):
    """A Conn once the server at port answers, or None."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if proc is not None and proc.poll() is not None:
            return None
        try:
            return Conn(port, 2.0)
        except OSError:
            time.sleep(0.1)
    return None


class Server:
    """nats-server -js on 127.0.0.1:port, its store in sd, its log in
    log_path; extra: more arguments (cluster routes). Port 0: the kernel
    picks one at the first start (nothing can take it in between), kept
    for every restart. Started at once unless start is False; up says
    whether it answered."""

    def __init__(self, exe, port, sd, log_path, extra=(), start=True,
                 wait_port=30):
        self.exe = exe
        self.port = port
        self.sd = sd
        self.extra = list(extra)
        self.log_path = log_path
        self.log = None
        self.proc = None
        self.up = self.start(wait_port) if start else False

    def start(self, wait_port=30):
        """Starts nats-server and waits until it answers on its port;
        True then. A port something else holds just now (the log says
        "address already in use": a connection of another test may have
        it as its own end) is tried again every 0.5 s for up to
        wait_port seconds (times NW_TIME_FACTOR): a restart must come
        back on the port its clients know."""
        end = time.monotonic() + wait_port * FACTOR
        while True:
            try:
                start = os.path.getsize(self.log_path)
            except OSError:
                start = 0
            self.log = open(self.log_path, "ab")
            self.proc = subprocess.Popen(
                [self.exe, "-js", "-a", "127.0.0.1", "-p",
                 str(self.port or -1), "-sd", self.sd] + self.extra,
                stdout=self.log, stderr=subprocess.STDOUT)
            if self._answers(start, 20 * FACTOR):
                return True
            taken = "address already in use" in self._log_since(start)
            self.stop()
            if not taken or time.monotonic() >= end:
                return False
            time.sleep(0.5)

    def _log_since(self, start):
        try:
            with open(self.log_path, "rb") as f:
                f.seek(start)
                return f.read().decode(errors="replace").lower()
        except OSError:
            return ""

    def _answers(self, start, seconds):
        """Whether the server answers within seconds. Asked only once its
        log says it listens ("Listening for client connections on
        127.0.0.1:PORT", the port read there when the kernel picked it):
        before, the port may be another process's."""
        end = time.monotonic() + seconds
        while time.monotonic() < end and self.proc.poll() is None:
            m = re.search(r"listening for client connections on "
                          r"127\.0\.0\.1:(\d+)", self._log_since(start))
            if m and not self.port:
                self.port = int(m.group(1))
            if m:
                try:
                    Conn(self.port, 2.0).close()
                    return True
                except OSError:
                    pass
            time.sleep(0.05)
        return False

    def pause(self):
        """SIGSTOP, then waits until every thread is stopped: the kill
        returns before a busy Go process has stopped (measured: 10 of 30
        requests were still answered right after it). True once all
        are."""
        self.proc.send_signal(signal.SIGSTOP)
        for _ in range(500):
            states = []
            for f in glob.glob("/proc/%d/task/*/stat" % self.proc.pid):
                try:
                    with open(f) as fh:
                        states.append(fh.read().rsplit(")", 1)[1].split()[0])
                except OSError:
                    pass
            if states and all(x in ("T", "t") for x in states):
                return True
            time.sleep(0.01)
        return False

    def resume(self):
        self.proc.send_signal(signal.SIGCONT)

    def stop(self):
        stop_proc(self.proc, 15)
        if self.log is not None:
            self.log.close()

    def kill(self):
        """SIGKILL, and waits for it."""
        self.proc.kill()
        self.proc.wait()
        self.log.close()
