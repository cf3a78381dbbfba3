#!/usr/bin/env python3
"""A full disk under the JSONL file output: logged once per change of
state, with a count, and caught up (issue 17 item 8).

usage: test_output_full.py NEWSWIRED

newswired runs in a mount namespace of its own (unshare -m as root, else
unshare -Urm; skipped, 77, where neither works) whose [output.file]
folder is a 256 kB tmpfs (the state is on the ordinary disk). Two files
go through; then the test fills that filesystem (through /proc/PID/root)
and drops 10 files: all 10 are published over ZeroMQ (the store is well),
the file output refuses each, and the log says so once ("output file:
seq N: ... No space left on device"), not once per event. Then the test
frees the space and drops one more file: the log says once "output file:
recovered after N failed event(s)" (N, the
events from the first refused to the one after the space is freed, at
least 2), and the JSONL file holds every seq
from 1 to the last, once each, in order (the 10 caught up from the
journal). SIGTERM ends the daemon with exit 0. Every wait is bounded;
NW_TIME_FACTOR stretches them.
"""
import json
import os
import re
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "ops"))
sys.path.insert(0, os.path.join(here, "..", "lib"))
from opslib import FACTOR, check, drop, page  # noqa: E402
from hostilelib import conf, need_unshare, tmpfs_run  # noqa: E402

N_FULL = 10


def main():
    newswired = sys.argv[1]
    need_unshare()
    tmp = tempfile.mkdtemp(prefix="nw-output-full-")
    out = os.path.join(tmp, "out")
    inbox = os.path.join(tmp, "inbox")
    os.makedirs(out)
    os.makedirs(inbox)
    text = conf(inbox, os.path.join(tmp, "state"),
                inbox_keys="empty_grace = 0\nsettle = 0\n",
                rest="[output.file]\npath = %s/events.jsonl\n"
                "fsync = always\n" % out)
    tmpfs_run(newswired, tmp, text, out, lambda d: run(d, tmp, inbox),
              size="256k")


def run(d, tmp, inbox):
    events = d.events
    jsonl = d.inside("events.jsonl")

    def lines_in_file():
        try:
            with open(jsonl, "rb") as f:
                return f.read().count(b"\n")
        except OSError:
            return 0

    check(d.heartbeat(), "a heartbeat")
    for i in range(2):
        drop(tmp, inbox, "warm-%d.html" % i, page(i, "warm"))
    check(d.receive(20, lambda: len(events) >= 2),
          "two files published before the disk is full")
    # the file output takes an event after the PUB socket does
    check(d.receive(10, lambda: lines_in_file() >= 2),
          "the two in the file before it is full")
    size = d.fill()
    print("filled the output's filesystem with %d bytes" % size)
    full_at = len(d.text())
    for i in range(N_FULL):
        drop(tmp, inbox, "f-%02d.html" % i, page(i, "full"))
    check(d.receive(30, lambda: len(events) >= 2 + N_FULL),
          "the %d files published while the file output cannot "
          "write: %d" % (N_FULL, len(events) - 2))
    d.receive(1)
    lines = [ln for ln in d.text()[full_at:].splitlines()
             if "output file" in ln or "output.file" in ln]
    print("while full: %r" % lines)
    check(len(lines) == 1 and "No space left on device" in lines[0],
          "the full disk logged once, not once per event: %d line(s)"
          % len(lines))
    d.free()
    drop(tmp, inbox, "after.html", page(0, "after"))
    check(d.receive(20, lambda: len(events) >= 3 + N_FULL),
          "a file after the space is freed")
    end = time.monotonic() + 10 * FACTOR
    rec = []
    while time.monotonic() < end and not rec:
        rec = re.findall(r"output file: recovered after (\d+) failed "
                         r"event\(s\); takes events again from seq "
                         r"(\d+)", d.text()[full_at:])
        time.sleep(0.1)
    # the file's last page may take an event or two before it is full
    first = re.findall(r"output file: seq (\d+):", lines[0]) if lines \
        else []
    print("recovery: %r, first failed seq %r" % (rec, first))
    check(len(rec) == 1 and first and int(rec[0][0]) ==
          int(rec[0][1]) - int(first[0]) and int(rec[0][0]) >= 2,
          "the recovery logged once, with the count of events "
          "refused: %r" % rec)
    with open(jsonl) as f:
        seqs = [json.loads(ln)["seq"] for ln in f]
    last = max(e["seq"] for _, e in events)
    check(seqs == list(range(1, last + 1)),
          "the file holds seqs 1..%d once each, in order: %r"
          % (last, seqs))
    check(d.alive(), "newswired alive")


if __name__ == "__main__":
    main()
