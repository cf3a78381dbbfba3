#!/usr/bin/python3
"""The window's snapshot (issue 18, daemon/window_snap.c) through the real
newswired: a clean stop writes it and the next start reads it (the log
says which); after a crash (SIGKILL), a corrupt or a truncated snapshot,
or a store changed behind it, the start loads the rows, with one log
line saying why; and the duplicate and story verdicts are the same
whichever way the window came back.

usage: test_window_snap.py NEWSWIRED SHARED_DIR

NW_TIME_FACTOR stretches every wait for slow runs; NW_KEEP_TMP keeps the
temporary folder.
"""
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "lib"))
sys.path.insert(0, os.path.join(HERE, "..", "ops"))
from nwtest import check, failures, verdict  # noqa: E402
import opslib  # noqa: E402

FACTOR = float(os.environ.get("NW_TIME_FACTOR", "1"))
SAMPLES = ["tass-2017-02-13-kremlin-flynn.txt",
           "independent-2017-02-14-kremlin-flynn.txt"]
N_SYNTH = 12


def synth_articles(seed=18, n=N_SYNTH):
    """Distinct articles of made-up words, a title line and paragraphs:
    long enough for a print of many samples."""
    rng = random.Random(seed)
    vocab = ["".join(rng.choice("bcdfghjklmnprstvz") + rng.choice("aeiou")
                     for _ in range(rng.randint(2, 4)))
             for _ in range(3000)]
    arts = []
    for i in range(n):
        title = " ".join(rng.choice(vocab).capitalize() for _ in range(7))
        paras = [" ".join(rng.choice(vocab) for _ in range(70)) + "."
                 for _ in range(5)]
        arts.append(("%s\n\n%s\n" % (title, "\n\n".join(paras))).encode())
    return arts


def near_copy(text, k):
    """text with one word of the body changed (k picks which)."""
    words = text.split(b" ")
    i = len(words) // 2 + k
    words[i] = b"zanzibarquux%d" % k
    return b" ".join(words)


class Daemon(opslib.Daemon):
    """opslib's daemon, with the log lines of this run only."""

    def __init__(self, exe, conf, log_path):
        self.log_path = log_path
        self.mark = os.path.getsize(log_path) if os.path.exists(
            log_path) else 0
        super().__init__(exe, conf, log_path)

    def lines(self):
        """The log lines of this run."""
        with open(self.log_path, "rb") as f:
            f.seek(self.mark)
            return f.read().decode(errors="replace").splitlines()

    def wait_log(self, pattern, seconds):
        end = time.monotonic() + seconds * FACTOR
        while time.monotonic() < end:
            if any(re.search(pattern, ln) for ln in self.lines()):
                return True
            if self.proc.poll() is not None:
                break
            time.sleep(0.05)
        return any(re.search(pattern, ln) for ln in self.lines())

    def stop(self, sig=signal.SIGTERM):
        if self.alive():
            self.signal(sig)
        return super().stop(signalled=True)


def journal(state):
    """{file name: (topic, event)} of the articles journalled so far."""
    db = sqlite3.connect("file:%s/newswire.db?mode=ro" % state, uri=True,
                         timeout=10)
    try:
        rows = db.execute("SELECT topic, event FROM journal").fetchall()
    finally:
        db.close()
    out = {}
    for topic, event in rows:
        ev = json.loads(event)
        uri = (ev.get("source") or {}).get("uri") or ""
        if topic.startswith("article."):
            out[uri.rsplit("/", 1)[-1]] = (topic, ev)
    return out


def drop(tmp, inbox, name, data):
    path = os.path.join(tmp, name)
    with open(path, "wb") as f:
        f.write(data)
    os.rename(path, os.path.join(inbox, name))


def wait_journal(state, names, seconds):
    end = time.monotonic() + seconds * FACTOR
    while True:
        got = journal(state)
        if all(n in got for n in names) or time.monotonic() > end:
            return got
        time.sleep(0.1)


def verdicts(got, probes, orig_ids, orig_stories):
    """(topic, duplicate of which original, same story as it) of each
    probe: what must not depend on how the window came back."""
    out = []
    for name, of in probes:
        topic, ev = got.get(name, ("missing", {}))
        dup = [k for k, v in orig_ids.items() if v == ev.get("duplicate_of")]
        out.append((topic.split(".")[1] if "." in topic else topic,
                    dup[0] if dup else None,
                    ev.get("story_id") == orig_stories.get(of)))
    return out


def main():
    newswired, shared = sys.argv[1:3]
    tmp = tempfile.mkdtemp(prefix="nw-wsnap-")
    inbox = os.path.join(tmp, "inbox")
    state = os.path.join(tmp, "state")
    snap = os.path.join(state, "window.snap")
    conf = os.path.join(tmp, "newswired.conf")
    log = os.path.join(tmp, "newswired.log")
    opslib.write_conf(conf, tmp, workers=2, level="debug")
    texts = {"orig-%02d.txt" % i: t for i, t in enumerate(synth_articles())}
    for n in SAMPLES:
        texts[n] = open(os.path.join(shared, "samples", n), "rb").read()
    names = sorted(texts)
    ready = r"newswired .*: watching"
    loaded = r"window: \d+ story entries, \d+ duplicate prints loaded in"
    try:
        # 1. the originals; a clean stop writes the snapshot
        d = Daemon(newswired, conf, log)
        check(d.wait_log(ready, 20), "first start")
        check(d.wait_log(r"window: no snapshot \(No such file", 1),
              "first start: no snapshot, the rows (empty)")
        for n in names:
            drop(tmp, inbox, n, texts[n])
        got = wait_journal(state, names, 30)
        check(all(n in got and got[n][0] == "article.new.inbox"
                  for n in names), "the originals are new")
        orig_ids = {n: got[n][1]["id"] for n in names if n in got}
        orig_stories = {n: got[n][1]["story_id"] for n in names if n in got}
        check(d.stop() == 0, "a clean stop")
        check(any(re.search(r"window: snapshot of \d+ duplicate prints "
                            r"written", ln) for ln in d.lines()),
              "the clean stop says it wrote the snapshot")
        check(os.path.exists(snap) and not os.path.exists(snap + ".tmp"),
              "window.snap in the state folder, no temporary left")

        # Each start below: probes (near copies of two originals, a new
        # article) whose verdicts must be those of the others.
        cases = []

        def run_case(label, expect_log, stop_sig, k):
            d = Daemon(newswired, conf, log)
            check(d.wait_log(ready, 30), "%s: started" % label)
            probes = [("%s-copy-%s" % (label, names[k % len(names)]),
                       names[k % len(names)]),
                      ("%s-copy-%s" % (label, names[(k + 5) % len(names)]),
                       names[(k + 5) % len(names)]),
                      ("%s-copy-%s" % (label, SAMPLES[0]), SAMPLES[0])]
            for i, (name, of) in enumerate(probes):
                drop(tmp, inbox, name, near_copy(texts[of], k + i))
            fresh = "%s-fresh.txt" % label
            drop(tmp, inbox, fresh, synth_articles(100 + k, 1)[0])
            got = wait_journal(state, [p[0] for p in probes] + [fresh], 30)
            # the window loads in a thread while the daemon is READY (the
            # probes above may come while it loads: they wait for it)
            check(d.wait_log(loaded, 30), "%s: the window loaded" % label)
            used = [ln for ln in d.lines() if re.search(loaded, ln)]
            check(len(used) == 1 and re.search(expect_log, used[0]),
                  "%s: the log says how the window came back: %r" %
                  (label, used))
            check(not os.path.exists(snap),
                  "%s: the snapshot is used once at most" % label)
            check(not os.path.exists(snap + ".tmp"),
                  "%s: no temporary snapshot after the start" % label)
            v = verdicts(got, probes, orig_ids, orig_stories)
            check(v == [("duplicate", of, True) for _, of in probes],
                  "%s: each near copy a duplicate of its original, in "
                  "its story: %r" % (label, v))
            check(got.get(fresh, ("",))[0] == "article.new.inbox",
                  "%s: a fresh article is new" % label)
            cases.append((label, v))
            rc = d.stop(stop_sig)
            return d, rc

        # 2. from the snapshot; then a crash
        d, rc = run_case("clean", r"\(from the snapshot\)", signal.SIGKILL,
                         0)
        # 3. after the crash: no snapshot, the rows; a clean stop
        d, rc = run_case("crash", r"packed\)", signal.SIGTERM, 1)
        check(any("window: no snapshot (No such file" in ln
                  for ln in d.lines()), "crash: the log says no snapshot")
        check(rc == 0 and os.path.exists(snap), "crash: then a snapshot")

        # 4. a corrupt snapshot: one byte of its body changed
        size = os.path.getsize(snap)
        with open(snap, "r+b") as f:
            f.seek(size // 2)
            b = f.read(1)
            f.seek(size // 2)
            f.write(bytes([b[0] ^ 0x40]))
        d, rc = run_case("corrupt", r"packed\)", signal.SIGTERM, 2)
        why = [ln for ln in d.lines() if "window: snapshot not used" in ln]
        check(len(why) == 1 and "checksum" in why[0],
              "corrupt: one log line says why: %r" % why)

        # 5. a truncated snapshot
        with open(snap, "r+b") as f:
            f.truncate(os.path.getsize(snap) - 100)
        d, rc = run_case("truncated", r"packed\)", signal.SIGTERM, 3)
        why = [ln for ln in d.lines() if "window: snapshot not used" in ln]
        check(len(why) == 1 and "truncated" in why[0],
              "truncated: one log line says why: %r" % why)

        # 6. the store changed behind the snapshot: a window row deleted
        db = sqlite3.connect(os.path.join(state, "newswire.db"))
        db.execute("DELETE FROM dup_prints WHERE id = ?",
                   (orig_ids[names[1]],))
        db.commit()
        db.close()
        d, rc = run_case("changed", r"packed\)", signal.SIGTERM, 4)
        why = [ln for ln in d.lines() if "window: snapshot not used" in ln]
        check(len(why) == 1 and "store changed" in why[0],
              "changed: one log line says why: %r" % why)

        # 7. and from the snapshot again, after all that (a temporary
        # file left by a stop killed while writing is removed)
        with open(snap + ".tmp", "wb") as f:
            f.write(b"cut short")
        d, rc = run_case("again", r"\(from the snapshot\)", signal.SIGTERM,
                         5)
        check(rc == 0, "a clean stop at the end")
        bad = [ln for ln in open(log, errors="replace")
               if "AddressSanitizer" in ln or "runtime error" in ln]
        check(not bad, "no sanitizer report: %r" % bad[:3])
    finally:
        if failures or not os.environ.get("NW_KEEP_TMP"):
            if failures:
                print("log:", log)
                sys.stdout.write(open(log, errors="replace").read()[-6000:])
            shutil.rmtree(tmp, ignore_errors=True)
    return verdict()


if __name__ == "__main__":
    sys.exit(main())
