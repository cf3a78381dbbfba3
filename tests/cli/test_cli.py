#!/usr/bin/python3
"""The command line as a newcomer meets it: every `newswire CMD --help`
exits 0 with its usage on stdout; `newswire help` and `newswire --help`
list every command and every option the commands' own help names;
`--version` says the project's version; usage errors exit 2 with the usage
on stderr; a failed input exits 1 and says why on stderr (extract, feed,
date); `newswire tail` rejects a malformed endpoint clearly, says what it
waits for when no daemon listens, gives up after --timeout, says when it
connects, and prints the event of a real newswired started after it.

usage: test_cli.py NEWSWIRE NEWSWIRED VERSION
"""
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(
    os.path.abspath(__file__)), "..", "lib"))
from nwtest import (check, reserve_port, stop_proc,  # noqa: E402
                    verdict)

ARTICLE = """<html><head><title>Harbour bridge reopens after repairs</title>
<meta name="author" content="Ann Example"></head><body><article>
<h1>Harbour bridge reopens after repairs</h1>
<p>The harbour bridge reopened to traffic on Monday morning after eight
months of repairs to its steel deck, the city council said in a statement.
</p><p>Engineers replaced more than four hundred plates and repainted the
towers, which had rusted badly since the last overhaul two decades ago.</p>
<p>Commuters, who had faced detours of up to forty minutes, welcomed the
news, although the council warned that night closures would continue.</p>
<p>The work cost about twelve million pounds, slightly less than the
council had budgeted when the contract was signed last spring.</p>
</article></body></html>
"""


def run(args, timeout=60):
    return subprocess.run(args, capture_output=True, text=True,
                          timeout=timeout)


def commands_listed(newswire):
    r = run([newswire, "help"])
    check(r.returncode == 0 and r.stdout.startswith("usage: newswire") and
          r.stderr == "", "newswire help: exit 0, usage on stdout (%d %r)"
          % (r.returncode, r.stderr))
    names = re.findall(r"^  newswire (\w+)", r.stdout, re.M)
    check(set(names) >= {"extract", "feed", "date", "tail", "keygen",
                         "help"}, "help lists the commands: %s" % names)
    return r.stdout, names


def test_help(newswire, version):
    top, names = commands_listed(newswire)
    for flag in ("--help", "-h"):
        r = run([newswire, flag])
        check(r.returncode == 0 and r.stdout == top,
              "newswire %s is newswire help" % flag)
    for name in names:
        for args in ([name, "--help"], [name, "-h"], ["help", name]):
            r = run([newswire] + args)
            check(r.returncode == 0 and r.stderr == "" and
                  r.stdout.startswith("usage: newswire %s" %
                                      (name if name != "help" else "")),
                  "newswire %s: exit 0, usage on stdout (%d, %r %r)" %
                  (" ".join(args), r.returncode, r.stdout[:60],
                   r.stderr[:200]))
        # every option the command's help names is in the top-level help
        opts = set(re.findall(r"(?<![\w-])(--[a-z][\w-]*)",
                              run([newswire, name, "--help"]).stdout))
        missing = sorted(o for o in opts if o not in top)
        check(not missing, "top-level help lists %s's options: missing %s"
              % (name, missing))
    for needed in ("--url", "--local", "--from", "--timeout", "--topic"):
        check(needed in top, "top-level help names %s" % needed)
    r = run([newswire, "--version"])
    check(r.returncode == 0 and r.stdout == "newswire %s\n" % version,
          "--version: %r" % r.stdout)
    r = run([newswire])
    check(r.returncode == 2 and r.stdout == "" and
          r.stderr.startswith("usage:"), "no command: exit 2, usage on "
          "stderr (%d)" % r.returncode)
    for bad in (["frobnicate"], ["--frobnicate"], ["help", "frobnicate"]):
        r = run([newswire] + bad)
        check(r.returncode == 2 and "frobnicate" in r.stderr and
              "usage:" in r.stderr, "newswire %s: exit 2 naming it (%d %r)"
              % (" ".join(bad), r.returncode, r.stderr[:100]))


def test_exit_codes(newswire, tmp):
    good = os.path.join(tmp, "bridge.html")
    with open(good, "w") as f:
        f.write(ARTICLE)
    r = run([newswire, "extract", good])
    check(r.returncode == 0 and json.loads(r.stdout)["title"],
          "extract of an article: exit 0 (%d %r)" % (r.returncode,
                                                     r.stderr))
    r = run([newswire, "extract", good, "/nonexistent"])
    lines = r.stdout.splitlines()
    check(r.returncode == 1 and len(lines) == 2 and
          "error" in json.loads(lines[1]) and
          "/nonexistent" in r.stderr and "No such file" in r.stderr,
          "extract /nonexistent: exit 1, an error line, and why on stderr "
          "(%d %r)" % (r.returncode, r.stderr))
    r = run([newswire, "feed", "/nonexistent"])
    check(r.returncode == 1 and "/nonexistent" in r.stderr and
          "No such file" in r.stderr, "feed /nonexistent: exit 1 and why "
          "(%d %r)" % (r.returncode, r.stderr))
    r = run([newswire, "date", "2017-02-13T10:00:00+03:00"])
    check(r.returncode == 0 and r.stdout == "2017-02-13T07:00:00Z\n",
          "date of a date: exit 0 (%d %r)" % (r.returncode, r.stdout))
    r = run([newswire, "date", "no date at all"])
    check(r.returncode == 1 and r.stdout == "invalid\n",
          "date of no date: invalid, exit 1 (%d)" % r.returncode)
    usage_errors = [
        ["extract"], ["extract", "--bogus", good], ["extract", "--url"],
        ["feed"], ["feed", "--bogus", good], ["date"],
        ["date", "--bogus", "x"], ["keygen"], ["keygen", "a", "b"],
        ["tail", "--bogus"], ["tail", "--count"], ["tail", "--count", "x"],
        ["tail", "--timeout", "0"], ["tail", "--from", "0"],
        ["tail", "--from", "99999999999999999999999"],
        ["tail", "--count", "99999999999999999999999"],
        ["tail", "--timeout", "99999999999"], ["tail", "--count", "5x"],
    ]
    for args in usage_errors:
        r = run([newswire] + args)
        check(r.returncode == 2 and r.stdout == "" and
              "usage: newswire %s" % args[0] in r.stderr and
              r.stderr.startswith("newswire %s: " % args[0]),
              "newswire %s: exit 2, why and the usage on stderr (%d %r)"
              % (" ".join(args), r.returncode, r.stderr[:200]))
        # numbers past what the option takes are out of range, never
        # taken saturated
        if len(args[-1]) > 10 and args[-1].isdigit():
            check("out of range" in r.stderr, "newswire %s: says out of "
                  "range: %r" % (" ".join(args), r.stderr[:200]))


def test_tail_endpoints(newswire):
    for opt in ("--endpoint", "--replay"):
        r = run([newswire, "tail", opt, "nonsense", "--timeout", "5"])
        check(r.returncode == 2 and "'nonsense'" in r.stderr and
              "tcp://" in r.stderr and opt in r.stderr,
              "tail %s nonsense: exit 2 saying what an endpoint looks "
              "like (%d %r)" % (opt, r.returncode, r.stderr))
    # ports held, not listening: nothing can listen there meanwhile
    (hold, port), (hold2, port2) = reserve_port(), reserve_port()
    t0 = time.monotonic()
    r = run([newswire, "tail", "--endpoint", "tcp://127.0.0.1:%d" % port,
             "--replay", "tcp://127.0.0.1:%d" % port2,
             "--timeout", "2"], timeout=60)
    took = time.monotonic() - t0
    hold.close()
    hold2.close()
    check(r.returncode == 1 and r.stdout == "" and
          "nothing listens on tcp://127.0.0.1:%d" % port in r.stderr and
          "giving up" in r.stderr,
          "tail with no daemon says so and gives up (%d %r)" %
          (r.returncode, r.stderr))
    check(1.5 <= took < 30, "--timeout 2 gave up after %.1f s" % took)


def test_tail_waits_for_daemon(newswire, newswired, tmp):
    """tail first, the daemon later: tail says it waits, then that it
    connected, and prints the event of a file dropped into the inbox."""
    # the ports held until the daemon binds them (tail needs them first)
    (hold, pub), (hold2, rep) = reserve_port(), reserve_port()
    tail = subprocess.Popen(
        [newswire, "tail", "--endpoint", "tcp://127.0.0.1:%d" % pub,
         "--replay", "tcp://127.0.0.1:%d" % rep, "--count", "1",
         "--timeout", "60"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True)
    err = []
    reader = threading.Thread(target=lambda: err.extend(tail.stderr),
                              daemon=True)
    reader.start()
    daemon = None
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and \
                not any("nothing listens" in e for e in err):
            time.sleep(0.1)
        check(any("nothing listens on tcp://127.0.0.1:%d: waiting for "
                  "newswired" % pub in e for e in err),
              "tail says what it waits for: %r" % err)
        inbox = os.path.join(tmp, "inbox")
        daemon = subprocess.Popen(
            [newswired, "--inbox", inbox, "--state",
             os.path.join(tmp, "state"),
             "--publish", "tcp://127.0.0.1:%d" % pub,
             "--replay", "tcp://127.0.0.1:%d" % rep],
            stdout=subprocess.DEVNULL, stderr=open(os.path.join(tmp, "daemon.log"), "w"))
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and \
                not any("connected to" in e for e in err):
            time.sleep(0.1)
        check(any(e == "newswire tail: connected to tcp://127.0.0.1:%d\n"
                  % pub for e in err), "tail says it connected: %r" % err)
        hold.close()
        hold2.close()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and daemon.poll() is None and \
                not any("events after seq" in e for e in err):
            time.sleep(0.1)
        check(daemon.poll() is None, "newswired runs: %s" %
              open(os.path.join(tmp, "daemon.log")).read()[-500:])
        tmpfile = os.path.join(tmp, "bridge.html")
        with open(tmpfile, "w") as f:
            f.write(ARTICLE)
        os.rename(tmpfile, os.path.join(inbox, "bridge.html"))
        try:
            out = tail.communicate(timeout=60)[0]
        except subprocess.TimeoutExpired:
            tail.kill()
            out = tail.communicate()[0]
        ev = json.loads(out.splitlines()[0]) if out.strip() else {}
        check(tail.returncode == 0 and
              ev.get("title") == "Harbour bridge reopens after repairs",
              "tail prints the dropped article and exits (%s %r)" %
              (tail.returncode, out[:200]))
    finally:
        hold.close()
        hold2.close()
        for p in (tail, daemon):
            stop_proc(p, 30)


def test_daemon_config_messages(newswired, tmp):
    """newswired's configuration errors say what is wrong on which line."""
    cases = [
        ("# inbox\n[inbox\npath = ./x\n", ":2: the section header "
         "'[inbox' is not closed with ']'"),
        ("[inbox]\npath = ./x\nbogus line\n", ":3: 'bogus line' is "
         "neither [section] nor key = value"),
        ("[inbox]\npathx = ./x\n", ":2: unknown key 'pathx' in section "
         "[inbox]"),
    ]
    for text, want in cases:
        conf = os.path.join(tmp, "bad.conf")
        with open(conf, "w") as f:
            f.write(text)
        r = run([newswired, "-c", conf, "--state",
                 os.path.join(tmp, "bad-state"), "--inbox",
                 os.path.join(tmp, "bad-inbox")], timeout=30)
        check(r.returncode != 0 and conf + want in r.stderr,
              "newswired on %r: %r (exit %d)" % (text, r.stderr.strip(),
                                                 r.returncode))
    r = run([newswired, "--help"])
    check(r.returncode == 0 and "usage" in r.stdout.lower(),
          "newswired --help: exit 0, usage on stdout")
    test_source_and_port_messages(newswired, tmp)


def test_source_and_port_messages(newswired, tmp):
    """A source without url is named with its file and line before any
    port is bound, so a busy port does not hide it; a busy port says
    what to change."""
    busy = socket.socket()
    busy.bind(("127.0.0.1", 0))
    busy.listen(1)
    port = busy.getsockname()[1]
    try:
        conf = os.path.join(tmp, "nourl.conf")
        with open(conf, "w") as f:
            f.write("[publish]\nendpoint = tcp://127.0.0.1:%d\n\n"
                    "[source \"wire\"]\ninterval = 60\n" % port)
        r = run([newswired, "-c", conf, "--state",
                 os.path.join(tmp, "nourl-state"), "--inbox",
                 os.path.join(tmp, "nourl-inbox")], timeout=30)
        want = conf + ":5: [source \"wire\"] has no url"
        check(r.returncode != 0 and want in r.stderr and
              "in use" not in r.stderr,
              "a source without url, port busy: %r" % r.stderr.strip())
        conf = os.path.join(tmp, "busy.conf")
        with open(conf, "w") as f:
            f.write("[daemon]\nmetrics =\n[publish]\n"
                    "endpoint = tcp://127.0.0.1:%d\n" % port)
        r = run([newswired, "-c", conf, "--state",
                 os.path.join(tmp, "busy-state"), "--inbox",
                 os.path.join(tmp, "busy-inbox")], timeout=30)
        check(r.returncode != 0 and "Address already in use" in r.stderr
              and "--publish" in r.stderr,
              "a busy port suggests --publish: %r" % r.stderr.strip())
    finally:
        busy.close()


def main():
    newswire, newswired, version = sys.argv[1:4]
    tmp = tempfile.mkdtemp(prefix="nw-cli-")
    try:
        test_help(newswire, version)
        test_exit_codes(newswire, tmp)
        test_tail_endpoints(newswire)
        test_daemon_config_messages(newswired, tmp)
        test_tail_waits_for_daemon(newswire, newswired, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return verdict()


if __name__ == "__main__":
    sys.exit(main())
