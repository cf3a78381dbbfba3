#!/usr/bin/python3
"""End to end: the real newswired on a temporary inbox, state and port,
an independent ZeroMQ subscriber (Debian's python3-zmq), every event
validated against docs/event.schema.json.

usage: test_e2e.py NEWSWIRED NEWSWIRE SHARED_DIR SCHEMA

NW_DAEMON_WRAPPER (e.g. "valgrind --error-exitcode=99") prefixes the
daemon's command line; NW_TIME_FACTOR stretches every wait for slow runs; NW_KEEP_TMP keeps the
temporary folder (and the daemon's log) of a run that passed.
"""
import gzip
import json
import os
import shlex
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "lib"))
sys.path.insert(0, os.path.join(HERE, "..", "ops"))
from nwtest import (Sub, check, failures, inbox_waiting,  # noqa: E402
                    schema_validator, verdict)
import opslib  # noqa: E402

FACTOR = float(os.environ.get("NW_TIME_FACTOR", "1"))
# an aeb-dev page (../shared/corpus) dropped as HTML and as text
DUP_PAGE = ("06e5123e4ef7cfb4533250dc45d1e03d"
            "0838fc66223f45c583c4d12f48b4da85")
SAMPLES = ["tass-2017-02-13-kremlin-flynn.txt",
           "independent-2017-02-14-kremlin-flynn.txt"]


def fold(s):
    return " ".join(unicodedata.normalize("NFC", s or "").split())


class Daemon:
    def __init__(self, exe, conf, log_path):
        wrapper = shlex.split(os.environ.get("NW_DAEMON_WRAPPER", ""))
        self.log = open(log_path, "ab")
        self.log_path = log_path
        self.start = opslib.log_size(log_path)
        self.proc = subprocess.Popen(wrapper + [exe, "-c", conf],
                                     stderr=self.log)

    def alive(self):
        return self.proc.poll() is None

    def endpoint(self):
        """The publish endpoint this run bound (port * in the
        configuration: the kernel's pick, read from the log)."""
        p = opslib.bound_ports(self.log_path, self.start, self.alive, 20,
                               metrics=False)
        if p is None:
            self.stop()
            raise AssertionError("the daemon did not say its ports")
        return "tcp://127.0.0.1:%d" % p[0]

    def signal(self, sig):
        self.proc.send_signal(sig)

    def stop(self):
        """SIGTERM; returns the exit status (None if it hung)."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            rc = self.proc.wait(timeout=30 * FACTOR)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            rc = None
        self.log.close()
        return rc


def by_item(sub, name):
    """The events whose source URI ends with /name."""
    return [(t, e) for t, e in sub.events
            if (e["source"]["uri"] or "").endswith("/" + name)]


def write_in_place(path, data):
    with open(path, "wb") as f:
        for i in range(0, len(data), 4096):
            f.write(data[i:i + 4096])
            f.flush()
            time.sleep(0.01)


def rename_in(tmp, inbox, name, data):
    staged = os.path.join(tmp, name)
    with open(staged, "wb") as f:
        f.write(data)
    os.rename(staged, os.path.join(inbox, name))


def check_gold(shared, name, ev):
    gold = json.load(open(os.path.join(shared, "samples", "expected",
                                       name[:-4] + ".json")))
    check(fold(ev["title"]) == fold(gold["title"]),
          "%s: title %r, gold %r" % (name, ev["title"], gold["title"]))
    body = [fold(p) for p in (ev["body"] or "").split("\n\n")]
    want = [fold(p) for p in gold["body_paragraphs"]]
    check(body == want, "%s: body paragraphs differ from the gold "
          "(%d found, %d expected)" % (name, len(body), len(want)))


def write_conf(path, tmp, source_name="inbox", inbox="inbox"):
    """Ports *: the daemon binds what the kernel picks and logs it."""
    with open(path, "w") as f:
        f.write("[inbox]\npath = %s/%s\nsource_name = %s\n"
                "empty_grace = 3\n"
                "[daemon]\nstate = %s/state\nworkers = 2\nqueue_size = 3\n"
                "log_level = debug\nmetrics =\n"
                "[publish]\nendpoint = tcp://127.0.0.1:*\nheartbeat = 1\n"
                "replay = tcp://127.0.0.1:*\n"
                % (tmp, inbox, source_name, tmp))


def in_dir(d, name):
    return os.path.exists(os.path.join(d, name))


def check_bad_options(newswired, tmp):
    """Bad options and configuration keys stop it with a clear reason."""
    bad = os.path.join(tmp, "bad.conf")
    with open(bad, "w") as f:
        f.write("[inbox]\npath = %s/x\n\n[daemon]\nworkerz = 2\n" % tmp)
    cases = [
        (["--workers", "many"], "--workers: workers: 'many' is not a number"),
        (["--log-level", "loud"], "not one of error, warn, info, debug"),
        (["--frobnicate"], "usage: newswired"),
        (["-c", bad], bad + ":5: unknown key 'workerz' in section [daemon]"),
        (["-c", os.path.join(tmp, "missing.conf")], "cannot open"),
    ]
    for args, want in cases:
        r = subprocess.run([newswired] + args, capture_output=True,
                           timeout=10 * FACTOR)
        err = r.stderr.decode()
        check(r.returncode == 2 and want in err,
              "newswired %s: exit 2 with %r, got %d %r" %
              (" ".join(args), want, r.returncode, err[:200]))


def main():
    newswired, newswire, shared, schema_path = sys.argv[1:5]
    tmp = tempfile.mkdtemp(prefix="nw-e2e-")
    inbox = os.path.join(tmp, "inbox")
    processed = os.path.join(inbox, "processed")
    failed = os.path.join(inbox, "failed")
    conf = os.path.join(tmp, "newswired.conf")
    log = os.path.join(tmp, "newswired.log")
    write_conf(conf, tmp)
    samples = {n: open(os.path.join(shared, "samples", n), "rb").read()
               for n in SAMPLES}
    check_bad_options(newswired, tmp)

    d = Daemon(newswired, conf, log)
    endpoint = d.endpoint()
    sub = Sub(endpoint, schema_validator(schema_path))
    try:
        # A heartbeat proves the subscription is live before anything
        # is dropped (PUB drops what no subscriber has asked for yet).
        assert sub.wait(lambda: sub.beats, 20), "no heartbeat"
        check(os.path.isdir(processed) and os.path.isdir(failed),
              "processed/ and failed/ created in the inbox")

        # newswire tail, an independent subscriber, prints events.
        tail = subprocess.run(
            [newswire, "tail", "--endpoint", endpoint, "--topic",
             "heartbeat", "--count", "1"], capture_output=True,
            timeout=20 * FACTOR)
        lines = tail.stdout.decode().splitlines()
        check(tail.returncode == 0 and len(lines) == 1 and
              json.loads(lines[0])["schema"] == "newswire.heartbeat/1",
              "newswire tail prints one heartbeat line: %r" % lines)

        # Files that must be left alone.
        for name in (".hidden", "partial.part", "edit.tmp", "notes~"):
            with open(os.path.join(inbox, name), "w") as f:
                f.write("not for the daemon\n")

        # Both samples: one written in place, one renamed in.
        write_in_place(os.path.join(inbox, SAMPLES[0]), samples[SAMPLES[0]])
        rename_in(tmp, inbox, SAMPLES[1], samples[SAMPLES[1]])
        got = sub.wait(lambda: all(by_item(sub, n) for n in SAMPLES), 2)
        check(got, "both sample events within 2 s")
        first_ids = {}
        for name in SAMPLES:
            evs = by_item(sub, name)
            if not check(len(evs) == 1, "%s: one event, got %d" %
                         (name, len(evs))):
                continue
            topic, ev = evs[0]
            if not check(topic == "article.new.inbox",
                         "%s: topic %s (%s)" % (name, topic,
                                                ev.get("error"))):
                continue
            first_ids[name] = ev["id"]
            check(ev["version"] == 1, "%s: version 1" % name)
            check(ev["source"]["kind"] == "folder" and
                  ev["source"]["name"] == "inbox", "%s: source" % name)
            check_gold(shared, name, ev)
        stories = {by_item(sub, n)[0][1]["story_id"] for n in SAMPLES
                   if by_item(sub, n)}
        check(len(stories) == 1 and None not in stories,
              "the samples share one story: %r" % stories)
        sub.wait(lambda: all(in_dir(processed, n) for n in SAMPLES), 5)
        for name in SAMPLES:
            check(in_dir(processed, name) and not in_dir(inbox, name),
                  "%s moved into processed/" % name)
        seqs = [e["seq"] for _, e in sub.events]
        check(seqs == sorted(seqs) and len(set(seqs)) == len(seqs),
              "seq strictly increasing: %r" % seqs)

        # Restart: the sequence goes on, the origin stays.
        origin = sub.beats[-1]["origin"]
        last_seq = max(seqs) if seqs else 0
        check(d.stop() == 0, "SIGTERM exits 0")
        # As if it crashed between commit and move: the same file (inode,
        # size, mtime, bytes) back in the inbox must be moved, not
        # published again.
        if in_dir(processed, SAMPLES[0]):
            os.rename(os.path.join(processed, SAMPLES[0]),
                      os.path.join(inbox, SAMPLES[0]))
        n_before = len(sub.events)
        d = Daemon(newswired, conf, log)
        endpoint = d.endpoint()
        sub.follow(endpoint)
        sub.beats.clear()
        assert sub.wait(lambda: sub.beats, 20), "no heartbeat (2)"
        check(sub.beats[0]["origin"] == origin,
              "same origin after restart")
        check(sub.beats[0]["last_seq"] == last_seq,
              "last_seq %d kept across restart, heartbeat says %d" %
              (last_seq, sub.beats[0]["last_seq"]))

        sub.wait(lambda: in_dir(processed, SAMPLES[0]), 5)
        check(in_dir(processed, SAMPLES[0]) and
              not in_dir(inbox, SAMPLES[0]),
              "a committed file found at start is moved")
        # it may go out again (the crash may have come before publishing),
        # but only as the same event under the same seq
        again = by_item(sub, SAMPLES[0])
        check(all(e == again[0][1] for _, e in again),
              "a committed file found at start keeps its one event")
        check(all(e["seq"] <= last_seq for _, e in sub.events[n_before:]),
              "no new seq for a file committed before the restart")

        # An empty file, a binary file, and a 0-byte file filled later.
        open(os.path.join(inbox, "empty.txt"), "wb").close()
        with open(os.path.join(inbox, "binary.bin"), "wb") as f:
            f.write(bytes(range(256)) * 64)
        open(os.path.join(inbox, "later.txt"), "wb").close()
        time.sleep(0.3)
        filled = samples[SAMPLES[0]].replace(b"declined to comment",
                                             b"refused to comment")
        write_in_place(os.path.join(inbox, "later.txt"), filled)
        names = ("empty.txt", "binary.bin", "later.txt")
        check(sub.wait(lambda: all(by_item(sub, n) for n in names), 10),
              "events for the empty, binary and filled files")
        for name in ("empty.txt", "binary.bin"):
            evs = by_item(sub, name)
            if check(len(evs) == 1, "%s: one event" % name):
                check(evs[0][0] == "source.error.inbox" and
                      evs[0][1]["item"] == name,
                      "%s: a source.error event" % name)
        evs = by_item(sub, "later.txt")
        # one word changed: a near copy of the first sample, found by the
        # duplicate index the daemon restored from its store
        check(len(evs) == 1 and evs[0][0] == "article.duplicate.inbox" and
              evs[0][1]["duplicate_of"] == first_ids.get(SAMPLES[0]),
              "later.txt: one article event once filled, a duplicate of "
              "the sample: %r" % [(t, e.get("error"), e.get("duplicate_of"))
                                  for t, e in evs])
        if evs and stories:
            check(evs[0][1]["story_id"] in stories,
                  "after a restart, a near copy joins the samples' story")
        sub.wait(lambda: in_dir(failed, "binary.bin.error") and
                 in_dir(failed, "empty.txt.error"), 5)
        for name in ("empty.txt", "binary.bin"):
            check(in_dir(failed, name), "%s in failed/" % name)
            side = os.path.join(failed, name + ".error")
            check(in_dir(failed, name + ".error") and
                  open(side).read().strip() != "",
                  "%s.error says why" % name)
        print("reasons:", [open(os.path.join(failed, n + ".error")).read()
                           .strip() for n in ("empty.txt", "binary.bin")
                           if in_dir(failed, n + ".error")])
        sub.wait(lambda: in_dir(processed, "later.txt"), 5)
        check(in_dir(processed, "later.txt"), "later.txt in processed/")
        after = [e["seq"] for _, e in sub.events if e["seq"] > last_seq]
        check(after and min(after) == last_seq + 1,
              "seq continues after restart at %d: %r" %
              (last_seq + 1, sorted(after)))

        # The same content again, under another name: a duplicate.
        rename_in(tmp, inbox, "again.txt", samples[SAMPLES[0]])
        check(sub.wait(lambda: by_item(sub, "again.txt"), 5),
              "an event for again.txt")
        evs = by_item(sub, "again.txt")
        if evs and SAMPLES[0] in first_ids:
            topic, ev = evs[0]
            check(topic == "article.duplicate.inbox" and
                  ev["duplicate_of"] == first_ids[SAMPLES[0]] and
                  ev["id"] == first_ids[SAMPLES[0]],
                  "again.txt: article.duplicate of the first: %s %s" %
                  (topic, ev.get("duplicate_of")))
            check(ev["story_id"] in stories, "a duplicate keeps the story")
        else:
            check(False, "again.txt: no duplicate event to check")

        # One page as HTML, then as its `w3m -dump` text rendering (other
        # furniture, other extractor): new, then a duplicate of the page.
        page = os.path.join(shared, "corpus", "aeb-dev", "html",
                            DUP_PAGE + ".html.gz")
        if shutil.which("w3m") and os.path.exists(page):
            html = gzip.open(page).read()
            text = subprocess.run(
                ["w3m", "-dump", "-T", "text/html", "-cols", "100", "-O",
                 "UTF-8"], input=html, stdout=subprocess.PIPE,
                timeout=60, check=True).stdout
            rename_in(tmp, inbox, "dup-page.html", html)
            check(sub.wait(lambda: by_item(sub, "dup-page.html"), 10),
                  "an event for dup-page.html")
            rename_in(tmp, inbox, "dup-page.txt", text)
            check(sub.wait(lambda: by_item(sub, "dup-page.txt"), 10),
                  "an event for dup-page.txt")
            evs = by_item(sub, "dup-page.html") + by_item(sub, "dup-page.txt")
            if check(len(evs) == 2, "one event per rendering: %r" % evs):
                (t1, e1), (t2, e2) = evs
                check(t1 == "article.new.inbox" and t2 ==
                      "article.duplicate.inbox" and e1["id"] != e2["id"] and
                      e2["duplicate_of"] == e1["id"],
                      "HTML then text: new, then a duplicate of it: "
                      "%s %s %s" % (t1, t2, e2.get("duplicate_of")))
        else:
            print("w3m or the aeb-dev corpus missing: HTML/text pair skipped")

        # SIGHUP: a new source name and a new inbox apply live.
        old_inbox = inbox
        write_conf(conf, tmp, source_name="dropbox", inbox="inbox2")
        d.signal(signal.SIGHUP)
        inbox = os.path.join(tmp, "inbox2")
        processed = os.path.join(inbox, "processed")
        failed = os.path.join(inbox, "failed")
        sub.wait(lambda: os.path.isdir(failed), 5)
        time.sleep(0.5)
        with open(os.path.join(inbox, "after-hup.bin"), "wb") as f:
            f.write(b"\x00\x01\x02" * 100)
        check(sub.wait(lambda: by_item(sub, "after-hup.bin"), 5),
              "an event after SIGHUP")
        evs = by_item(sub, "after-hup.bin")
        check(evs and evs[0][0] == "source.error.dropbox" and
              evs[0][1]["source"]["name"] == "dropbox",
              "SIGHUP applied the new source name: %r" %
              [t for t, _ in evs])
        sub.wait(lambda: in_dir(failed, "after-hup.bin"), 5)
        check(in_dir(failed, "after-hup.bin"),
              "SIGHUP: the new inbox is watched")

        # A burst far larger than the queue: the watcher waits for room,
        # nothing is dropped, the sequence has no gap.
        burst = ["burst-%03d.bin" % i for i in range(120)]
        for name in burst:
            with open(os.path.join(inbox, name), "wb") as f:
                f.write(b"\x00burst\x00" + name.encode())
        check(sub.wait(lambda: all(by_item(sub, n) for n in burst), 30),
              "an event for each of %d files" % len(burst))
        sub.wait(lambda: all(in_dir(failed, n) for n in burst), 10)
        check(all(in_dir(failed, n) for n in burst),
              "every burst file in failed/")
        by_seq = {}
        for _, e in sub.events:
            check(by_seq.setdefault(e["seq"], e) == e,
                  "seq %d names one event only" % e["seq"])
        seqs = sorted(by_seq)
        check(seqs == list(range(1, len(seqs) + 1)),
              "no gap in the sequence")

        for name in (".hidden", "partial.part", "edit.tmp", "notes~"):
            check(in_dir(old_inbox, name), "%s left in the inbox" % name)
        check(d.alive(), "the daemon is still serving")

        # The store locked by someone else: the commit fails, the file
        # stays in the inbox, and is taken again once the store is free.
        db = sqlite3.connect(os.path.join(tmp, "state", "newswire.db"),
                             isolation_level=None)
        db.execute("BEGIN IMMEDIATE")
        with open(os.path.join(inbox, "locked.bin"), "wb") as f:
            f.write(b"\x00locked")
        time.sleep(2.5)
        check("locked.bin" in inbox_waiting(inbox) and
              not by_item(sub, "locked.bin"),
              "a file whose commit failed stays in the inbox (claimed)")
        db.execute("ROLLBACK")
        db.close()
        check(sub.wait(lambda: by_item(sub, "locked.bin"), 30),
              "the file is taken again once the store is free")
        sub.wait(lambda: in_dir(failed, "locked.bin"), 5)
        check(in_dir(failed, "locked.bin"), "locked.bin in failed/ at last")

        # SIGTERM with items in flight: a file leaves the inbox if and
        # only if its event went out; the daemon exits 0.
        last = ["last-%02d.bin" % i for i in range(30)]
        for name in last:
            with open(os.path.join(inbox, name), "wb") as f:
                f.write(b"\x00last\x00" + name.encode())
        rc = d.stop()
        check(rc == 0, "SIGTERM with items in flight exits 0 (%r)" % rc)
        while sub.poll(int(1000 * FACTOR)):
            pass
        for name in last:
            gone = name not in inbox_waiting(inbox)
            check(gone == bool(by_item(sub, name)),
                  "%s: left the inbox (%s) iff published" % (name, gone))
        print("taken before the stop: %d of %d" %
              (sum(1 for n in last if by_item(sub, n)), len(last)))
    finally:
        rc = d.stop()
        sub.close()
    check(rc == 0, "SIGTERM exits 0 (got %r)" % rc)
    # sanitizer builds: UBSan reports without failing the process
    text = open(log, errors="replace").read()
    for mark in ("runtime error:", "Sanitizer"):
        check(mark not in text, "%r in the daemon's log" % mark)
    if failures:
        sys.stderr.write(open(log, errors="replace").read()[-6000:])
    elif not os.environ.get("NW_KEEP_TMP"):
        shutil.rmtree(tmp)
    return verdict(tmp)


if __name__ == "__main__":
    sys.exit(main())
