#!/usr/bin/python3
"""scripts/run, the README's first command, on this build: it shows the
build's progress, starts newswired and prints the event of a file dropped
into the inbox; SIGTERM to the script (not to its children) stops the
daemon too, and the script exits 0. Arguments pass through to newswired
(scratch inbox and state, free ports), and tail follows --publish.

usage: test_run.py SCRIPTS_RUN BUILDDIR
"""
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(
    os.path.abspath(__file__)), "..", "lib"))
from nwtest import check, failures, reserve_port, verdict  # noqa: E402
from test_cli import ARTICLE  # noqa: E402


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie is dead too: its parent (the script) has not reaped it yet
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().split(") ")[1][0] != "Z"
    except OSError:
        return False


def main():
    run, build = sys.argv[1:3]
    tmp = tempfile.mkdtemp(prefix="nw-run-")
    inbox = os.path.join(tmp, "inbox")
    env = dict(os.environ, NEWSWIRE_BUILD=os.path.abspath(build))
    # scripts/run's tail needs the ports: held until the daemon binds them
    (hold, pub), (hold2, rep) = reserve_port(), reserve_port()
    p = subprocess.Popen(
        [run, "--inbox", inbox, "--state", os.path.join(tmp, "state"),
         "--publish", "tcp://127.0.0.1:%d" % pub,
         "--replay", "tcp://127.0.0.1:%d" % rep],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    out, err = [], []
    threads = [threading.Thread(target=lambda: out.extend(p.stdout),
                                daemon=True),
               threading.Thread(target=lambda: err.extend(p.stderr),
                                daemon=True)]
    for t in threads:
        t.start()
    pid = None
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and pid is None and \
                p.poll() is None:
            for line in list(err):
                m = re.search(r"newswired running \(pid (\d+)\)", line)
                if m:
                    pid = int(m.group(1))
            time.sleep(0.1)
        check(pid is not None, "scripts/run started newswired: %r" %
              err[-10:])
        check(any(re.match(r"scripts/run: building", e) for e in err),
              "scripts/run says it builds: %r" % err[:5])
        if pid is None:
            return 1
        # tail says where it starts once connected: what is dropped
        # after that is its to print
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and \
                not any("events after seq" in e for e in err):
            time.sleep(0.1)
        check(any("newswire tail: connected to" in e for e in err),
              "tail connected: %r" % err[-10:])
        hold.close()
        hold2.close()
        with open(os.path.join(tmp, "bridge.html"), "w") as f:
            f.write(ARTICLE)
        os.rename(os.path.join(tmp, "bridge.html"),
                  os.path.join(inbox, "bridge.html"))
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not out:
            time.sleep(0.1)
        ev = json.loads(out[0]) if out else {}
        check(ev.get("title") == "Harbour bridge reopens after repairs",
              "scripts/run shows the event: %r" % out[:1])
        # SIGTERM to the script alone, as systemd or a supervisor sends
        p.send_signal(signal.SIGTERM)
        try:
            rc = p.wait(timeout=60)
        except subprocess.TimeoutExpired:
            rc = None
        check(rc == 0, "scripts/run exits 0 on SIGTERM: %s" % rc)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and alive(pid):
            time.sleep(0.1)
        check(not alive(pid), "SIGTERM to scripts/run stopped newswired")
        check(any("stopped at seq" in e for e in err),
              "newswired stopped cleanly: %r" % err[-3:])
    finally:
        hold.close()
        hold2.close()
        if p.poll() is None:
            p.kill()
            p.wait()
        if pid is not None and alive(pid):
            os.kill(pid, signal.SIGKILL)
        shutil.rmtree(tmp, ignore_errors=True)
    if failures:
        print("scripts/run said:\n" + "".join(err))
    return verdict()


if __name__ == "__main__":
    sys.exit(main())
