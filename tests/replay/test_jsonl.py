#!/usr/bin/python3
"""The JSONL file output ([output.file]) under kills: while 1,500 files are
dropped into the inbox, a reader follows the file by name as `tail -F`
does (through its size rotations, and the files rotated after its own
when the name moves on), and newswired is killed with SIGKILL 6
times mid-burst and restarted; then the file loses its last 3 lines and
gets half a line (a kill before and one during a write) and the daemon
starts once more; then the file is moved away as logrotate does and
SIGHUP re-opens it. Then: the rotated files and the file, read
oldest first, hold every committed event of the journal exactly once, in
seq order, each line whole JSON equal to the journal's event; and the
reader read every event once, in order, while the daemon ran.

usage: test_jsonl.py NEWSWIRED [SEED]
"""
import json
import os
import random
import signal
import sys
import threading
import time

import nwreplay as nw
from nwreplay import check

N_FILES = 1500
N_KILLS = 6


def rotated_names(path):
    """PATH.N ... PATH.1, PATH that exist: oldest first."""
    d, base = os.path.split(path)
    nums = sorted((int(n[len(base) + 1:]) for n in os.listdir(d)
                   if n.startswith(base + ".") and
                   n[len(base) + 1:].isdigit()), reverse=True)
    names = ["%s.%d" % (path, k) for k in nums]
    return names + [path] if os.path.exists(path) else names


def inodes(names):
    out = []
    for n in names:
        try:
            out.append(os.stat(n).st_ino)
        except FileNotFoundError:
            out.append(None)
    return out


def open_files(path, tries=100):
    """[(name, inode, file)] of the rotated files and PATH, oldest first,
    opened together: the names and their inodes are the same before and
    after the opens, so no rotation came in between (tried again until
    so, tries times at most). [] if none exists."""
    for _ in range(tries):
        names = rotated_names(path)
        before = inodes(names)
        files = []
        for n in names:
            try:
                files.append(open(n, "rb"))
            except FileNotFoundError:
                break
        got = [os.fstat(f.fileno()).st_ino for f in files]
        if rotated_names(path) == names and inodes(names) == before == got:
            return list(zip(names, got, files))
        for f in files:
            f.close()
        time.sleep(0.001)
    raise RuntimeError("%s rotated through %d looks" % (path, tries))


class Follower(threading.Thread):
    """Reads whole lines of PATH as they come. When the name points to
    another file (rotated away), the old one is drained, then the files
    rotated after it (however many rotations came between two looks)
    are read, oldest first, before the new PATH is followed: no line is
    lost while the daemon keeps more rotated files than rotations came.
    A partial last line is read again from its start at each look, so a
    torn line cut at a restart and written again is read whole."""

    def __init__(self, path):
        super().__init__(daemon=True)
        self.path = path
        self.seqs = []
        self.bad = []
        self.done = threading.Event()
        self.hold = threading.Event()   # set: look away until cleared
        self.whole = 0          # rotated files read whole on a rotation

    def take(self, data):
        """Records the whole lines of data; returns their length."""
        n = data.rfind(b"\n") + 1
        for ln in data[:n].split(b"\n")[:-1]:
            try:
                self.seqs.append(json.loads(ln)["seq"])
            except (ValueError, KeyError) as e:
                self.bad.append((ln[:80], str(e)))
        return n

    def drain(self, f, pos=0):
        """Takes the whole lines of f from pos to its end, where the file
        is written no more: a partial line there is a fault."""
        f.seek(pos)
        data = f.read()
        if self.take(data) < len(data):
            self.bad.append((data[-80:], "a rotated file ends torn"))
        f.close()

    def next_file(self, ino):
        """After the file of inode ino (None: none yet), drained: reads
        whole the files rotated after it; returns (file, inode) of PATH
        opened, or (None, inode of the last file read) if PATH is not
        there now."""
        files = open_files(self.path)
        inos = [i for _, i, _ in files]
        after = inos.index(ino) + 1 if ino in inos else 0
        f = None
        for k, (name, i, fh) in enumerate(files):
            if k < after:
                fh.close()
            elif name == self.path:
                f, ino = fh, i
            else:
                self.drain(fh)
                self.whole += 1
                ino = i
        return f, ino

    def run(self):
        f, ino, pos = None, None, 0
        while True:
            if self.hold.is_set() and not self.done.is_set():
                time.sleep(0.01)
                continue
            stopping = self.done.is_set()
            if f is None:
                f, ino = self.next_file(ino)
                pos = 0
                if f is None:
                    if stopping:
                        return
                    time.sleep(0.02)
                    continue
            f.seek(pos)
            n = self.take(f.read())
            if n:
                pos += n
                continue
            try:
                now = os.stat(self.path).st_ino
            except FileNotFoundError:
                now = None
            if now != ino:
                # rotated: what came between our last read and the
                # rename is still in the old file; then the newer ones
                self.drain(f, pos)
                f = None
                continue
            if stopping:
                return
            time.sleep(0.02)


def dropper(setup, names, stop):
    for i, name in enumerate(names):
        if stop.is_set():
            return
        setup.drop(name, nw.article_text(i, "jsonl"))
        if i % 20 == 19:
            time.sleep(0.05)


def file_lines(path):
    """[(file, line)] of PATH.N ... PATH.1, PATH: oldest first."""
    out = rotated_names(path)
    lines = []
    for p in out:
        with open(p, "rb") as f:
            data = f.read()
        check(data == b"" or data.endswith(b"\n"),
              "%s ends with a whole line" % os.path.basename(p))
        lines += [(os.path.basename(p), ln) for ln in data.split(b"\n")
                  if ln]
    return lines, len(out)


def starts(setup):
    """Starts logged so far (a start killed early logs none)."""
    return open(setup.log, errors="replace").read().count(": watching ")


def start_through(setup):
    """Starts the daemon and waits for its start line (signal handlers
    set, the file caught up): Setup.start() reads its ports there."""
    return setup.start()


def main():
    nw.NEWSWIRED = sys.argv[1]
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else int(time.time())
    rnd = random.Random(seed)
    print("seed", seed, flush=True)
    setup = nw.Setup("nw-jsonl-")
    path = os.path.join(setup.tmp, "out", "events.jsonl")
    os.mkdir(os.path.dirname(path))
    setup.write_conf(extra="[output.file]\npath = %s\nfsync = batch\n"
                     "max_size = 200000\nkeep = 100\n" % path)
    names = ["j%04d.txt" % i for i in range(N_FILES)]
    follower = Follower(path)
    follower.start()
    stop = threading.Event()
    d = setup.start(wait=False)
    drop = threading.Thread(target=dropper, args=(setup, names, stop),
                            daemon=True)
    drop.start()
    try:
        # the follower looks away while the file is rotated twice: on
        # its next look it must read the file rotated in between whole
        nw.wait_for(lambda: follower.seqs, 30, 0.02)
        follower.hold.set()

        def n_rotated():
            return sum(n != path for n in rotated_names(path))
        n_rot = n_rotated()
        check(nw.wait_for(lambda: n_rotated() >= n_rot + 2, 60, 0.02),
              "two rotations while the follower looks away")
        follower.hold.clear()
        for k in range(N_KILLS):
            time.sleep(rnd.uniform(0.1, 0.8) * nw.FACTOR)
            check(d.alive(), "newswired alive before kill %d" % (k + 1))
            d.kill()
            n0 = starts(setup)
            d = setup.start(wait=False)
        drop.join(timeout=120 * nw.FACTOR)
        check(not drop.is_alive(), "all files dropped")
        done = nw.wait_for(lambda: not setup.inbox_files() and
                           len(setup.journal()) >= N_FILES, 90, 0.2)
        check(done, "backlog done: %d file(s) left, %d journal rows" %
              (len(setup.inbox_files()), len(setup.journal())))
        # the last start is through (its signal handlers set)
        nw.wait_for(lambda: starts(setup) > n0, 10, 0.05)
        # the follower catches up with the file
        nw.wait_for(lambda: follower.seqs[-1:] == [N_FILES], 10, 0.1)
        check(d.stop() == 0, "newswired exits 0 on SIGTERM")
        follower.done.set()
        follower.join(timeout=10)
        # a kill between COMMIT and the write, and one mid-write, made
        # by hand: the last 3 lines gone, half of one left
        with open(path, "rb") as f:
            data = f.read()
        lines = data.split(b"\n")[:-1]
        cut = b"\n".join(lines[:-3]) + b"\n" if len(lines) > 3 else b""
        with open(path, "wb") as f:
            f.write(cut + lines[-3][:len(lines[-3]) // 2])
        d = start_through(setup)
        check(d.stop() == 0, "newswired exits 0 on SIGTERM, again")
        log = open(setup.log, errors="replace").read()
        check("cut a torn last line" in log, "the torn line is logged")
        check("3 event(s) appended from the journal" in log,
              "the 3 lines lost are appended again from the journal")
        # logrotate: the file moved away, SIGHUP, new events in a new file
        d = start_through(setup)
        rotated = path + ".logrotate"
        os.rename(path, rotated)
        d.signal(signal.SIGHUP)
        nw.wait_for(lambda: "events.jsonl re-opened" in
                    open(setup.log, errors="replace").read(), 10, 0.1)
        for i in range(5):
            setup.drop("h%d.txt" % i, nw.article_text(i, "hup"))
        got = nw.wait_for(lambda: os.path.exists(path) and
                          open(path, "rb").read().count(b"\n") == 5, 20)
        check(got, "after SIGHUP the 5 new events go to a new file")
        check(d.stop() == 0, "newswired exits 0 on SIGTERM, after HUP")
        hup = [json.loads(ln) for ln in open(path, "rb").read().split(b"\n")
               if ln]
        with open(rotated, "rb") as f, open(path, "rb") as g:
            joined = f.read() + g.read()
        os.unlink(rotated)
        with open(path, "wb") as f:
            f.write(joined)     # for the checks below: one stream
        check([e["seq"] for e in hup] == list(range(N_FILES + 1,
                                                    N_FILES + 6)),
              "the new file holds seq %d..%d" % (N_FILES + 1, N_FILES + 5))
    finally:
        stop.set()
        if d.alive():
            d.kill()
        follower.done.set()
        follower.join(timeout=10)

    rows = setup.journal()
    journal = {s: ev for s, _, ev in rows}
    lines, n_files = file_lines(path)
    seqs = []
    for fname, ln in lines:
        try:
            ev = json.loads(ln)
        except ValueError:
            check(False, "%s: a line that does not parse: %r" %
                  (fname, ln[:80]))
            continue
        seqs.append(ev["seq"])
        check(journal.get(ev["seq"]) == ev,
              "seq %d: the file's event is the journal's" % ev["seq"])
    check(seqs == sorted(journal),
          "the file holds seq 1..%d once each, in order (%d lines; "
          "first differences %r)" % (len(journal), len(seqs),
                                     [(i, a, b) for i, (a, b) in
                                      enumerate(zip(seqs, sorted(journal)))
                                      if a != b][:3]))
    check(len(rows) == N_FILES + 5, "%d journal rows for %d files" %
          (len(rows), N_FILES + 5))
    check(n_files > 2, "the file was rotated by size: %d files" % n_files)
    check(not follower.bad, "the follower read only whole JSON lines: %r"
          % follower.bad[:3])
    # a reader by name that reads the files rotated after its own when
    # the name moves on loses nothing, however often it was rotated
    # between two of its looks
    fs = follower.seqs
    check(fs == list(range(1, N_FILES + 1)),
          "the follower read seq 1..%d once each, in order (%d read, "
          "first differences %r)" % (N_FILES, len(fs),
                                     [(i, a) for i, a in enumerate(fs)
                                      if a != i + 1][:3]))
    check(follower.whole >= 1, "the follower read a rotated file whole")
    print("the follower read %d of %d events, %d rotated file(s) whole" %
          (len(fs), N_FILES, follower.whole))
    log = open(setup.log, errors="replace").read()
    print("%d kills, %d events, %d files, %d torn lines cut, %d "
          "catch-ups" % (N_KILLS, len(rows), n_files,
                         log.count("cut a torn last line"),
                         log.count("appended from the journal")))
    return nw.finish(setup.tmp)


if __name__ == "__main__":
    sys.exit(main())
