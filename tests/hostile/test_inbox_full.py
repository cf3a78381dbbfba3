#!/usr/bin/env python3
"""A full disk under the inbox: a failed file's move waits for room, is
tried again, and is logged once per change of state.

usage: test_inbox_full.py NEWSWIRED

newswired runs in a mount namespace of its own (unshare -m as root, else
unshare -Urm; skipped, 77, where neither works) whose inbox is a 1 MB
tmpfs (the state is on the ordinary disk), [inbox] max_size 4000 and
[store] retry 2 s. The test writes three pages over max_size and one
under it as dotfiles (ignored), fills the filesystem until it refuses
another byte, and renames the four in: the small one is published and
moved into processed/ (a rename needs no room); the three big ones are
refused (three source.error events), but their reason cannot be
written (failed/NAME.error.INO.tmp: no room), so they wait in the node's
claimed/ folder, and the log says so once, not once per file or per
retry, through three retries; meanwhile /metrics counts the three in
newswire_inbox_moves_waiting and /healthz answers 200 "degraded: inbox:
3 published file(s) wait ..." with the reason (in an older version the
gauge was not there and /healthz answered 503, blaming the store: the
moves' retry is the store's timer). Then the test frees the space:
within 10 s (the retry) the three are in failed/ with their NAME.error
naming max_size, nothing is left in claimed/, the log says once "moves
out work again, after N failed" (N >= 3), the gauge is 0 and /healthz
"ok" again, and no event is sent twice (before round 18 the three
stayed in claimed/ until the next start, nothing trying their moves
again, and the log had a line per file). The same again for a file
worked on in the inbox itself, its claim refused (claimed/ made a
symlink to /dev/null): its move waits in the inbox, counted, and is
made once there is room, its event sent once (in an older version the
inbox's rescan read it and sent its event again at each retry).
SIGTERM ends the daemon with exit 0. Every wait is bounded;
NW_TIME_FACTOR stretches them.
"""
import os
import re
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "ops"))
sys.path.insert(0, os.path.join(here, "..", "lib"))
from opslib import (FACTOR, check, http_get, metric,  # noqa: E402
                    page, parse_prometheus)
from hostilelib import conf, fill, need_unshare, tmpfs_run  # noqa: E402
from nwtest import inbox_waiting  # noqa: E402

BIG = ["big-%d.html" % i for i in range(3)]
RETRY = 2       # [store] retry, seconds
RECOVERED = "inbox: moves out work again"


def big_page(i):
    """A page of about 7.5 kB: over max_size."""
    return page(i, "big").replace(b"</body>", b"<!-- %s --></body>"
                                  % (b"x" * 6000))


def moves_seen(d):
    """(the /healthz status and body, newswire_inbox_moves_waiting)."""
    port = d.ports[2]
    code, body = http_get(port, "/healthz")
    _, text = http_get(port, "/metrics")
    return code, body.strip(), metric(parse_prometheus(text),
                                      "newswire_inbox_moves_waiting")


def run(d):
    events = d.events
    inbox = d.inside("")
    check(d.heartbeat(), "a heartbeat")
    for name, data in [(n, big_page(i)) for i, n in enumerate(BIG)] + \
            [("small.html", page(9, "small"))]:
        with open(os.path.join(inbox, "." + name), "wb") as f:
            f.write(data)
    size = fill(os.path.join(inbox, ".filler"))
    print("filled the inbox's filesystem with %d bytes" % size)
    full_at = len(d.text())
    for name in BIG + ["small.html"]:
        os.rename(os.path.join(inbox, "." + name), os.path.join(inbox,
                                                                 name))
    check(d.receive(20, lambda: len(events) >= 4),
          "four events while the inbox's disk is full: %r"
          % [t for t, _ in events])
    check(sorted(t for t, _ in events) == ["article.new.inbox"] +
          ["source.error.inbox"] * 3, "one article, three source.error: "
          "%r" % [t for t, _ in events])
    check(d.receive(10, lambda: os.path.exists(
        os.path.join(inbox, "processed", "small.html"))),
          "the small one in processed/")
    d.receive(3 * RETRY * FACTOR + 1)      # three retries
    waiting = inbox_waiting(inbox)
    check(sorted(n for n in waiting if not n.startswith(".")) == BIG,
          "the three wait in claimed/: %r" % waiting)
    said = [ln for ln in d.text()[full_at:].splitlines()
            if "No space left on device" in ln]
    print("while full: %r" % said)
    check(len(said) == 1 and "tried again every %d s" % RETRY in said[0],
          "the failed moves logged once, not per file or retry: %d "
          "line(s)" % len(said))
    code, health, gauge = moves_seen(d)
    print("while full: /healthz %d %r, moves waiting %r"
          % (code, health, gauge))
    check(code == 200 and health.startswith(
        "degraded: inbox: 3 published file(s) wait") and
          "No space left on device" in health,
          "/healthz says degraded, and why: %d %r" % (code, health))
    check(gauge == 3, "/metrics counts the three waiting: %r" % gauge)
    os.unlink(os.path.join(inbox, ".filler"))
    failed = os.path.join(inbox, "failed")
    done = d.receive(10, lambda: all(os.path.exists(
        os.path.join(failed, n + ".error")) for n in BIG))
    check(done and [n for n in inbox_waiting(inbox)
                    if not n.startswith(".")] == [],
          "room again: the three moved into failed/, none left in "
          "claimed/: %r, %r" % (sorted(os.listdir(failed)),
                                inbox_waiting(inbox)))
    for n in BIG:
        err = os.path.join(failed, n + ".error")
        check(os.path.exists(err) and "max_size" in open(err).read(),
              "%s.error says why" % n)
    # said after the retry's last move, once every NAME.error is in
    # place: waited for, not read at once
    d.receive(10, lambda: RECOVERED in d.text()[full_at:])
    rec = re.findall(r"inbox: moves out work again, after (\d+) failed",
                     d.text()[full_at:])
    check(len(rec) == 1 and int(rec[0]) >= 3,
          "the recovery logged once, with the count: %r" % rec)
    d.receive(1)
    code, health, gauge = moves_seen(d)
    check(code == 200 and health == "ok" and gauge == 0,
          "room again: /healthz ok, none waiting: %d %r, %r"
          % (code, health, gauge))
    check(len(events) == 4, "no event sent twice: %r"
          % [(t, e.get("seq")) for t, e in events])
    unclaimed(d)
    check(d.alive(), "newswired alive")


def unclaimed(d):
    """A file worked on in the inbox itself, its claim refused (claimed
    a symlink to /dev/null), whose move waits as a claimed one's does:
    not read and sent again at each retry."""
    events = d.events
    inbox = d.inside("")
    claimed = os.path.join(inbox, "claimed")
    for n in os.listdir(claimed):
        os.rmdir(os.path.join(claimed, n))
    os.rmdir(claimed)
    os.symlink("/dev/null", claimed)
    name = "lone.html"
    with open(os.path.join(inbox, "." + name), "wb") as f:
        f.write(big_page(7))
    fill(os.path.join(inbox, ".filler"))
    full_at = len(d.text())
    os.rename(os.path.join(inbox, "." + name), os.path.join(inbox, name))
    check(d.receive(20, lambda: len(events) >= 5) and
          events[4][0] == "source.error.inbox", "its source.error: %r"
          % [t for t, _ in events[4:]])
    d.receive(3 * RETRY * FACTOR + 1)      # three retries
    text = d.text()[full_at:]
    check("working on it in the inbox" in text and
          "the file waits in the inbox" in text,
          "worked on unclaimed, its move waits in the inbox")
    code, health, gauge = moves_seen(d)
    check(code == 200 and health.startswith(
        "degraded: inbox: 1 published file(s) wait") and gauge == 1,
          "unclaimed: /healthz degraded, one waiting: %d %r, %r"
          % (code, health, gauge))
    check(len(events) == 5, "not read and sent again at each retry (as an "
          "older version did): %r" % [(t, e.get("seq")) for t, e in events])
    os.unlink(os.path.join(inbox, ".filler"))
    err = os.path.join(inbox, "failed", name + ".error")
    check(d.receive(10, lambda: os.path.exists(err)) and
          not os.path.exists(os.path.join(inbox, name)),
          "room again: moved into failed/ from the inbox")
    # /healthz is ok from the recovery's line on, said after the move
    check(d.receive(10, lambda: RECOVERED in d.text()[full_at:]),
          "the recovery logged")
    d.receive(1)
    code, health, gauge = moves_seen(d)
    check(code == 200 and health == "ok" and gauge == 0 and
          len(events) == 5, "and ok, none waiting, no event again: %d "
          "%r, %r, %d" % (code, health, gauge, len(events)))


def main():
    newswired = sys.argv[1]
    need_unshare()
    tmp = tempfile.mkdtemp(prefix="nw-inbox-full-")
    inbox = os.path.join(tmp, "inbox")
    os.makedirs(inbox)
    text = conf(inbox, os.path.join(tmp, "state"),
                inbox_keys="empty_grace = 0\nsettle = 0\n"
                "max_size = 4000\n",
                rest="[store]\nretry = %d\n" % RETRY,
                metrics="127.0.0.1:0")
    tmpfs_run(newswired, tmp, text, inbox, run, size="1m")


if __name__ == "__main__":
    main()
