#!/usr/bin/python3
"""bench_drop: a drop of N small article files (50,000 by default) into a
running newswired, end to end.

What it measures, in one run on the same machine and the same files:
  1. baseline "rename": the files merely moved by a Python loop (the
     filesystem's floor);
  2. baseline "extract": `newswire extract` in one process on the first
     EXTRACT_MAX (5,000) of them (the pipeline alone, one thread, no
     store, no ZeroMQ; its rate does not depend on how many files);
  3. newswired: from the first file renamed into the inbox to the last
     event received by a python3-zmq subscriber, files per second, the
     daemon's peak memory (VmHWM from /proc) and its resident memory at
     10%, 50% and 100% of the drop, to show whether memory stays bounded
     while the inbox holds tens of thousands of waiting files.
The headline is the ratio newswired / extract: above 1 means the workers'
parallelism pays for the store, the journal and the publishing.

The files are generated (no corpus data): a title, a byline and four
paragraphs from a fixed vocabulary, about 1.5 kB each, all different. The
drop renames them in as fast as Python can, far faster than the daemon
takes them, so the worker queue stays full (backpressure) and the kernel's
inotify queue overflows (16384 events by default), which exercises the
watcher's rescan.

Bounded: the daemon gets at most LIMIT seconds (600) to deliver all
events; the bench then reports what it got and exits 1. On an idle
2-core machine the whole run takes two to three minutes; on a loaded one
the rates drop alike for the daemon and the baselines, so the ratios stay
comparable.

usage: bench_drop.py NEWSWIRED NEWSWIRE [N [WORKERS]]
NW_KEEP_TMP=1 keeps the temporary folder.
"""
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

import zmq

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "tests", "lib"))
from nwtest import reserve_port  # noqa: E402

LIMIT = 600
EXTRACT_MAX = 5000
WORDS = ("the a council minister river market school police report city "
         "budget vote storm road hospital union court season museum port "
         "train farmers prices energy water rail bridge election").split()


def page(i):
    r = random.Random(i)
    title = " ".join(r.choice(WORDS) for _ in range(6)).capitalize()
    title += " %d" % i
    paras = []
    for p in range(4):
        s = [" ".join(r.choice(WORDS) for _ in range(14)).capitalize() +
             " number %d-%d-%d." % (i, p, k) for k in range(3)]
        paras.append("<p>" + " ".join(s) + "</p>")
    return ("<!DOCTYPE html><html><head><meta charset=utf-8><title>%s"
            "</title></head><body><article><h1>%s</h1><p class=byline>By "
            "Ann Smith</p>%s</article></body></html>"
            % (title, title, "".join(paras))).encode()


def vm(pid, key):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class Subscriber(threading.Thread):
    """Counts events (heartbeats aside) and remembers when the last came."""

    def __init__(self, endpoint, want):
        super().__init__(daemon=True)
        self.ctx = zmq.Context()
        self.sock = self.ctx.socket(zmq.SUB)
        self.sock.setsockopt(zmq.RCVHWM, 0)
        self.sock.setsockopt(zmq.LINGER, 0)
        self.sock.setsockopt(zmq.SUBSCRIBE, b"")
        self.sock.connect(endpoint)
        self.want = want
        self.count = 0
        self.heartbeats = 0
        self.seqs = set()
        self.last = None
        self.marks = {}        # count -> monotonic time, every tenth
        self.stop = False
        self.done = threading.Event()

    def run(self):
        while not self.stop:
            if self.sock.poll(100) == 0:
                continue
            topic, body = self.sock.recv_multipart()
            if topic == b"heartbeat":
                self.heartbeats += 1
                continue
            self.seqs.add(json.loads(body)["seq"])
            self.count += 1
            self.last = time.monotonic()
            if self.count % max(self.want // 10, 1) == 0:
                self.marks[self.count] = self.last
            if self.count >= self.want:
                self.done.set()
        self.sock.close()
        self.ctx.term()


def generate(src, n):
    os.makedirs(src)
    for i in range(n):
        with open(os.path.join(src, "a%05d.html" % i), "wb") as f:
            f.write(page(i))


def baseline_rename(src, dst, names):
    os.makedirs(dst)
    t0 = time.monotonic()
    for n in names:
        os.rename(os.path.join(src, n), os.path.join(dst, n))
    t = time.monotonic() - t0
    for n in names:
        os.rename(os.path.join(dst, n), os.path.join(src, n))
    return t


def baseline_extract(newswire, src, names):
    """newswire extract on every file, one process; (seconds, events,
    VmHWM kB)."""
    t0 = time.monotonic()
    p = subprocess.Popen([newswire, "extract"] + names, cwd=src,
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    lines = 0
    for _ in p.stdout:
        lines += 1
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    return time.monotonic() - t0, lines, ru.ru_maxrss


def main():
    newswired, newswire = map(os.path.abspath, sys.argv[1:3])
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 50000
    workers = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    tmp = tempfile.mkdtemp(prefix="nw-bench-drop-")
    src = os.path.join(tmp, "src")
    inbox = os.path.join(tmp, "inbox")
    ok = True
    print("bench_drop: %d files, %d cores, workers %s" %
          (n, os.cpu_count(), workers or "one per core"), flush=True)
    generate(src, n)
    names = sorted(os.listdir(src))
    size = sum(os.path.getsize(os.path.join(src, x)) for x in names[:100])
    print("  generated %d files of about %d bytes" % (n, size // 100),
          flush=True)

    t_mv = baseline_rename(src, os.path.join(tmp, "mv"), names)
    print("  baseline rename loop:      %8.0f files/s (%.2f s)" %
          (n / t_mv, t_mv), flush=True)
    n_ex = min(n, EXTRACT_MAX)
    t_ex, ex_events, ex_hwm = baseline_extract(newswire, src, names[:n_ex])
    r_ex = n_ex / t_ex
    print("  baseline newswire extract: %8.0f files/s (%d files in %.1f s, "
          "%d events, peak %.1f MB, 1 process, 1 thread)" %
          (r_ex, n_ex, t_ex, ex_events, ex_hwm / 1024), flush=True)

    # the subscriber connects first: the publish port is held for the
    # daemon (log_level warn does not log the ports it bound)
    hold, pub_port = reserve_port()
    conf = os.path.join(tmp, "newswired.conf")
    with open(conf, "w") as f:
        f.write("[inbox]\npath = %s\n[daemon]\nstate = %s/state\n"
                "workers = %d\nlog_level = warn\nmetrics =\n"
                "[publish]\nendpoint = tcp://127.0.0.1:%d\n"
                "heartbeat = 1\nreplay = tcp://127.0.0.1:*\n" %
                (inbox, tmp, workers, pub_port))
    log = open(os.path.join(tmp, "newswired.log"), "wb")
    d = subprocess.Popen([newswired, "-c", conf], stderr=log)
    sub = Subscriber("tcp://127.0.0.1:%d" % pub_port, n)
    sub.start()
    end = time.monotonic() + 30
    while sub.heartbeats == 0 and time.monotonic() < end:
        time.sleep(0.05)
    hold.close()
    if sub.heartbeats == 0:
        print("  FAIL: no heartbeat from newswired in 30 s")
        ok = False
    base_rss = vm(d.pid, "VmRSS")
    rss_at = {}
    t0 = time.monotonic()
    for x in names:
        os.rename(os.path.join(src, x), os.path.join(inbox, x))
    t_drop = time.monotonic() - t0
    end = t0 + LIMIT
    while not sub.done.is_set() and time.monotonic() < end and \
            d.poll() is None:
        for frac in (0.1, 0.5):
            if frac not in rss_at and sub.count >= frac * n:
                rss_at[frac] = vm(d.pid, "VmRSS")
        sub.done.wait(0.05)
    got, last = sub.count, sub.last
    rss_at[1.0] = vm(d.pid, "VmRSS")
    hwm = vm(d.pid, "VmHWM")
    d.send_signal(signal.SIGTERM)
    try:
        d.wait(timeout=60)
    except subprocess.TimeoutExpired:
        d.kill()
        d.wait()
    sub.stop = True
    sub.join(5)
    log.close()

    elapsed = (last - t0) if last else float("nan")
    print("  drop (rename of all files into the inbox): %.2f s" % t_drop)
    print("  newswired end to end:      %8.0f files/s (%.1f s, first "
          "drop to last event; %d of %d events received)" %
          (got / elapsed if last else 0, elapsed, got, n))
    print("  newswired peak memory:     VmHWM %.1f MB; VmRSS %.1f MB "
          "idle, %s" % (hwm / 1024, base_rss / 1024, ", ".join(
              "%.1f MB at %d%%" % (rss_at[k] / 1024, int(k * 100))
              for k in sorted(rss_at))))
    prev_n, prev_t, rates = 0, t0, []
    for k in sorted(sub.marks):
        rates.append("%.0f" % ((k - prev_n) / (sub.marks[k] - prev_t)))
        prev_n, prev_t = k, sub.marks[k]
    print("  files/s by tenth of the drop: %s" % " ".join(rates))
    if last:
        print("  ratio newswired / extract: %.2f" % (got / elapsed / r_ex))
        print("  ratio newswired / rename:  %.4f" % (t_mv / elapsed))
    if got < n:
        print("  FAIL: %d events missing after %d s" % (n - got, LIMIT))
        ok = False
    if sub.seqs and (min(sub.seqs), max(sub.seqs), len(sub.seqs)) != \
            (1, n, n):
        print("  FAIL: seqs received are not 1..%d" % n)
        ok = False
    # a watcher that kept reading would drain inotify as fast as the
    # renames come; one that stops while the queue is full lets the
    # kernel's queue (fs.inotify.max_queued_events) overflow
    text = open(os.path.join(tmp, "newswired.log"), "rb").read().decode()
    print("  inotify overflows while the queue was full: %d (then a "
          "rescan); log lines at warn or worse: %d" %
          (text.count("inotify queue overflow"), len(text.splitlines())))
    # files not done: in the inbox, or held in a node's claimed/NODE/
    claimed = os.path.join(inbox, "claimed")
    held = [os.path.join(claimed, c) for c in (os.listdir(claimed)
                                               if os.path.isdir(claimed)
                                               else [])]
    left = sum(1 for d in [inbox] + held for x in os.listdir(d)
               if os.path.isfile(os.path.join(d, x)))
    done = len(os.listdir(os.path.join(inbox, "processed")))
    print("  inbox left %d, processed/ %d, failed/ %d" %
          (left, done, len(os.listdir(os.path.join(inbox, "failed")))))
    if left or done != n:
        ok = False
    if os.environ.get("NW_KEEP_TMP"):
        print("  kept", tmp)
    else:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
