"""Helpers shared by the Python end-to-end tests: a check that records
failures instead of stopping at the first, a free loopback port, and the
local nginx. A test adds this folder to sys.path:

    sys.path.insert(0, os.path.join(os.path.dirname(
        os.path.abspath(__file__)), "..", "lib"))
    from nwtest import check, failures, free_port
"""
import os
import shutil
import socket
import time

# Every check that failed, in order; a test exits non-zero when it is not
# empty. Shared by all the modules of one test process.
failures = []


def check(ok, what):
    """Records what as failed unless ok; returns ok."""
    if not ok:
        failures.append(what)
        print("FAIL:", what, flush=True)
    return ok


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on just now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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
