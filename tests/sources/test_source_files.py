#!/usr/bin/python3
"""End to end, issue 15: the configuration in many files and the source
options, on the real newswired (and newswire) against a local Python HTTP
server on 127.0.0.1 (test_sources.py's fault server).

usage: test_source_files.py NEWSWIRED SHARED_DIR SCHEMA CASE

CASE is one of:
  check    --check-config on a file with three different mistakes and a
           source file with two more lists all five with file and line,
           exits 1, binds nothing; a good one exits 0.
  dir      sources.d/*.conf: SIGHUP picks up an added, a changed and a
           removed file; a bad file keeps the running configuration, says
           so once and never "configuration reloaded".
"""
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "lib"))
import test_sources as ts  # noqa: E402
from nwtest import check, failures, free_port  # noqa: E402


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def case_check(newswired, tmp):
    port = free_port()
    conf = os.path.join(tmp, "bad.conf")
    write(conf, "[daemon]\n"
          "state = %s/state\n"
          "workers = many\n"              # 3: not a number
          "[inbox]\n"
          "path = %s/inbox\n"
          "colour = blue\n"               # 6: unknown key
          "this line is wrong\n"          # 7: syntax
          "[publish]\nendpoint = tcp://127.0.0.1:%d\n"
          '[source "a"]\nurl = https://example.com/a.xml\n'
          % (tmp, tmp, port))
    write(os.path.join(tmp, "sources.d", "b.conf"),
          '[source "b"]\n'
          "url = ftp://example.com/\n"    # 2: not http
          "[http]\n"
          "timeout = 5\n")                # 4: not a source section
    write(os.path.join(tmp, "sources.d", "skipped.txt"), "garbage\n")
    p = subprocess.run([newswired, "--check-config", "-c", conf],
                       capture_output=True, text=True, timeout=20)
    err = p.stderr
    check(p.returncode == 1, "exit 1: %d" % p.returncode)
    for want in ("bad.conf:3: workers", "bad.conf:6: unknown key 'colour'",
                 "bad.conf:7: 'this line is wrong' is neither",
                 "sources.d/b.conf:2: url: 'ftp://example.com/'",
                 "sources.d/b.conf:4: [http] in a source file"):
        check(want in err, "reported: %s\n%s" % (want, err))
    check("5 problem(s)" in err, "five problems: %s" % err)
    # nothing was bound: the port is still free
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", port))
    except OSError:
        check(False, "--check-config bound the publish port")
    finally:
        s.close()
    check(not os.path.exists(os.path.join(tmp, "state")), "no state made")
    # the daemon itself refuses it at start, with the first problem
    p = subprocess.run([newswired, "-c", conf], capture_output=True,
                       text=True, timeout=20)
    check(p.returncode == 2 and "bad.conf:3:" in p.stderr,
          "start refused: %d %s" % (p.returncode, p.stderr))
    # a good configuration; an unusable path is a problem
    write(conf, "[daemon]\nstate = %s/state\n[inbox]\npath = %s/inbox\n"
          '[source "a"]\nurl = https://example.com/a.xml\n' % (tmp, tmp))
    os.remove(os.path.join(tmp, "sources.d", "b.conf"))
    write(os.path.join(tmp, "sources.d", "b.conf"),
          '[source "b"]\nurl = https://example.com/b.xml\n')
    p = subprocess.run([newswired, "--check-config", "-c", conf],
                       capture_output=True, text=True, timeout=20)
    check(p.returncode == 0 and "2 source(s)" in p.stdout,
          "good file: %d %s %s" % (p.returncode, p.stdout, p.stderr))
    write(os.path.join(tmp, "afile"), "x")
    p = subprocess.run([newswired, "--check-config", "-c", conf,
                        "--state", os.path.join(tmp, "afile")],
                       capture_output=True, text=True, timeout=20)
    check(p.returncode == 1 and "is not a folder" in p.stderr,
          "state not a folder: %s" % p.stderr)
    return 0


def case_dir(newswired, tmp):
    srv = ts.serve()
    base = "http://127.0.0.1:%d" % srv.server_address[1]
    sdir = os.path.join(tmp, "sources.d")
    write(os.path.join(sdir, "one.conf"), ts.source("one", base + "/ok", 1))

    d, sub, conf = ts.start(newswired, tmp, lambda pub: ts.base_conf(tmp, pub))
    srv.state["go"].set()

    def hup():
        d.proc.send_signal(signal.SIGHUP)

    def count(path):
        with srv.state["lock"]:
            return srv.state["count"].get(path, 0)
    try:
        check(sub.wait(lambda: sub.topics("article.new.one"), 20),
              "source one of sources.d publishes")
        # added
        write(os.path.join(sdir, "two.conf"),
              ts.source("two", base + "/changing", 1))
        hup()
        check(sub.wait(lambda: sub.topics("article.new.two"), 20),
              "source two of an added file publishes")
        # changed: one now polls /moved
        write(os.path.join(sdir, "one.conf"),
              ts.source("one", base + "/notfeed", 1))
        hup()
        check(sub.wait(lambda: count("/notfeed") > 0, 20),
              "changed file: the new url polled")
        # removed
        os.remove(os.path.join(sdir, "two.conf"))
        hup()
        check(sub.wait(lambda: "source two removed" in d.logtext(), 20),
              "removed file: source two removed")
        sub.settle(1)
        n = count("/changing")
        sub.settle(3)
        check(count("/changing") == n, "two no longer polled")
        # a bad file: the running configuration stays
        log_before = len(d.logtext())
        write(os.path.join(sdir, "bad.conf"),
              '[source "three"]\nurl = nope\n')
        hup()
        check(sub.wait(lambda: "keeping the running" in
                       d.logtext()[log_before:], 20), "bad file refused")
        sub.settle(2)
        tail = d.logtext()[log_before:]
        check(tail.count("keeping the running") == 1,
              "said once: %s" % tail)
        check("configuration reloaded" not in tail,
              "no contradictory reloaded line: %s" % tail)
        check("bad.conf:2" in tail, "the file and line: %s" % tail)
        n = count("/notfeed")
        sub.settle(3)
        check(count("/notfeed") > n, "source one still polled")
        check(d.alive(), "newswired alive")
    finally:
        check(d.stop() == 0, "clean exit")
        sub.close()
        srv.shutdown()
    return 0


CASES = {"check": case_check, "dir": case_dir}


def main():
    newswired, ts.SHARED, ts.SCHEMA, case = sys.argv[1:5]
    ts.NEWSWIRE = os.path.join(os.path.dirname(os.path.dirname(
        os.path.abspath(newswired))), "cli", "newswire")
    tmp = tempfile.mkdtemp(prefix="nw-srcfiles-")
    ts.metrics_key(newswired, tmp)
    rc = CASES[case](newswired, tmp)
    if failures:
        print("%d failure(s); temporary folder kept: %s" % (
            len(failures), tmp))
        try:
            print(open(os.path.join(tmp, "daemon.log")).read()[-6000:])
        except OSError:
            pass
        return 1
    shutil.rmtree(tmp, ignore_errors=True)
    print("ok" if rc == 0 else "skipped")
    return rc


if __name__ == "__main__":
    sys.exit(main())
