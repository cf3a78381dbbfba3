#!/usr/bin/python3
"""The example subscribers (examples/), run as a user would against a real
newswired: three files are processed before they start, so events 1..3
come from the replay socket (--from 1); two more are dropped while they
run and come live. Each must print seqs 1..5 once, in order, with the
titles of the files.

usage: test_examples.py NEWSWIRED SUBSCRIBER_PY SUBSCRIBER_C
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "lib"))
sys.path.insert(0, os.path.join(HERE, "..", "ops"))
from nwtest import check, stop_proc, verdict  # noqa: E402
import opslib  # noqa: E402

BODY = ("The council approved the plan for the {n} district on Monday "
        "after a long debate about its cost and the number of homes.\n\n"
        "Residents of the {n} district said they had waited for years for "
        "the new homes, the school and the bus routes the plan promises.\n\n"
        "Work in the {n} district is to begin in the spring and to last "
        "three years, the council said in a statement on its website.\n")
NAMES = ["northern", "eastern", "southern", "western", "central"]


def drop(tmp, inbox, i):
    path = os.path.join(tmp, "page%d.txt" % i)
    with open(path, "w") as f:
        f.write("Plan for the %s district approved\n\n" % NAMES[i] +
                BODY.format(n=NAMES[i]))
    os.rename(path, os.path.join(inbox, "page%d.txt" % i))


def processed(inbox):
    try:
        return len(os.listdir(os.path.join(inbox, "processed")))
    except OSError:
        return 0


def wait_processed(inbox, n):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and processed(inbox) < n:
        time.sleep(0.05)


def main():
    newswired, sub_py, sub_c = sys.argv[1:4]
    tmp = tempfile.mkdtemp(prefix="nw-examples-")
    inbox = os.path.join(tmp, "inbox")
    log = os.path.join(tmp, "newswired.log")
    # ports *: the kernel's pick, read from the daemon's start line
    with open(log, "wb") as logf:
        daemon = subprocess.Popen(
            [newswired, "--inbox", inbox, "--state",
             os.path.join(tmp, "state"), "--publish", "tcp://127.0.0.1:*",
             "--replay", "tcp://127.0.0.1:*"],
            stdout=subprocess.DEVNULL, stderr=logf)
    subs = []
    try:
        ports = opslib.bound_ports(log, 0, lambda: daemon.poll() is None,
                                   30, metrics=False)
        if not check(ports is not None, "newswired says its ports: %s"
                     % open(log, errors="replace").read()[-500:]):
            return 1
        ends = ["--endpoint", "tcp://127.0.0.1:%d" % ports[0],
                "--replay", "tcp://127.0.0.1:%d" % ports[1]]
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and \
                not os.path.isdir(os.path.join(inbox, "processed")):
            time.sleep(0.05)
        # one at a time: seq i + 1 is file i (two workers could swap two)
        for i in range(3):
            drop(tmp, inbox, i)
            wait_processed(inbox, i + 1)
        check(processed(inbox) == 3, "the first three files processed")
        for name, cmd in (("python", ["/usr/bin/python3", sub_py]),
                          ("c", [sub_c])):
            p = subprocess.Popen(cmd + ends + ["--from", "1", "--count",
                                               "5"],
                                 stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True)
            subs.append((name, p))
        # (whether 4 and 5 then come live or by replay depends on when
        # the subscribers connect: either way each prints 1..5 once)
        time.sleep(1)
        for i in (3, 4):
            drop(tmp, inbox, i)
            wait_processed(inbox, i + 1)
        for name, p in subs:
            try:
                out, err = p.communicate(timeout=60)
            except subprocess.TimeoutExpired:
                p.kill()
                out, err = p.communicate()
            lines = out.splitlines()
            seqs = [int(x.split()[0]) for x in lines if x[:1].isdigit()]
            check(p.returncode == 0 and seqs == [1, 2, 3, 4, 5],
                  "%s subscriber prints 1..5 once, in order: %r (exit %s)"
                  " %s" % (name, seqs, p.returncode, err[-300:]))
            check(all("%s district" % NAMES[i] in lines[i]
                      for i in range(min(5, len(lines)))) and
                  len(lines) == 5 and
                  all(x.split()[1].startswith("article.") for x in lines),
                  "%s subscriber prints the articles' titles: %r" %
                  (name, lines))
    finally:
        for _, p in subs:
            if p.poll() is None:
                p.kill()
                p.wait()
        stop_proc(daemon, 30)
        shutil.rmtree(tmp, ignore_errors=True)
    return verdict()


if __name__ == "__main__":
    sys.exit(main())
