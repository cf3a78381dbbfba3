#!/usr/bin/python3
"""newswired under a fake systemd: a NOTIFY_SOCKET we bind (with
WATCHDOG_USEC and WATCHDOG_PID), stderr posing as the journal, and its
/healthz and /metrics endpoint.

Checks that READY, STATUS, WATCHDOG, RELOADING (after SIGHUP, with
MONOTONIC_USEC), READY again and STOPPING arrive in that order; that STATUS
and /metrics count exactly the files dropped (new, duplicate, failed); that
/healthz answers "ok"; and that log lines carry sd-daemon "<N>" prefixes.

usage: test_notify.py NEWSWIRED
"""
import os
import signal
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from opslib import (Daemon, NotifySocket, check, cleanup, drop,  # noqa
                    http_get, metric, page, parse_prometheus,
                    write_conf)
from nwtest import verdict  # noqa: E402

N_NEW = 12          # distinct pages
N_DUP = 3           # copies of the first pages under other names
N_BAD = 2           # binary files: extraction fails
WATCHDOG_USEC = 400000


def main():
    newswired = sys.argv[1]
    tmp = tempfile.mkdtemp(prefix="nw-ops-notify-")
    inbox = os.path.join(tmp, "inbox")
    conf = os.path.join(tmp, "newswired.conf")
    log = os.path.join(tmp, "newswired.log")
    write_conf(conf, tmp)
    ns = NotifySocket(os.path.join(tmp, "notify.sock"))
    d = Daemon(newswired, conf, log, watchdog_pid=True, journal=True,
               env={"NOTIFY_SOCKET": ns.path,
                    "WATCHDOG_USEC": str(WATCHDOG_USEC)})
    try:
        check(ns.wait(lambda: ns.first("READY") is not None, 30),
              "READY=1 within 30 s")
        check(os.path.isdir(inbox), "the inbox exists once READY")
        mport = d.metrics_port()
        check(mport is not None, "the log says where the metrics listen")
        code, body = http_get(mport, "/healthz")
        check(code == 200 and body.strip() == "ok",
              "/healthz: 200 ok, got %d %r" % (code, body))

        for i in range(N_NEW):
            drop(tmp, inbox, "p%02d.html" % i, page(i))
        for i in range(N_DUP):
            drop(tmp, inbox, "copy%02d.html" % i, page(i))
        for i in range(N_BAD):
            drop(tmp, inbox, "bin%d.bin" % i, bytes(range(256)) * (8 + i))
        want = "%d processed, %d failed" % (N_NEW + N_DUP, N_BAD)
        check(ns.wait(lambda: any(kv.get("STATUS", "").startswith(want)
                                  for _, kv in ns.messages), 60),
              "a STATUS line starting %r" % want)
        statuses = [kv["STATUS"] for _, kv in ns.messages
                    if "STATUS" in kv]
        print("status lines:", statuses[:2], "...", statuses[-1:])
        total = N_NEW + N_DUP + N_BAD
        check(any(s.endswith("last seq %d" % total) for s in statuses),
              "STATUS shows last seq %d" % total)

        code, text = http_get(mport, "/metrics")
        check(code == 200, "/metrics: 200, got %d" % code)
        try:
            m = parse_prometheus(text)
        except ValueError as e:
            check(False, "/metrics parses: %s" % e)
            m = {}
        expect = {"new": N_NEW, "duplicate": N_DUP, "updated": 0,
                  "failed": N_BAD}
        for outcome, n in expect.items():
            got = metric(m, "newswire_items_total", source="inbox",
                         outcome=outcome)
            check(got == n, "items_total{inbox,%s} = %d, got %r" %
                  (outcome, n, got))
        for name, n in (("newswire_last_seq", total),
                        ("newswire_journal_events", total),
                        ("newswire_journal_first_seq", 1),
                        ("newswire_queue_depth", 0),
                        ("newswire_queue_capacity", 4),
                        ("newswire_publish_dropped_total", 0),
                        ("newswire_up", 1)):
            got = metric(m, name)
            check(got == n, "%s = %d, got %r" % (name, n, got))
        jb = metric(m, "newswire_journal_bytes")
        check(jb is not None and jb > 0, "journal bytes > 0: %r" % jb)
        rss = metric(m, "process_resident_memory_bytes")
        check(rss is not None and rss > 0, "resident memory: %r" % rss)
        check(http_get(mport, "/nothing")[0] == 404, "/nothing: 404")

        # the watchdog pings at half of WATCHDOG_USEC: a few by now
        check(ns.wait(lambda: sum("WATCHDOG" in kv
                                  for _, kv in ns.messages) >= 3, 10),
              "three WATCHDOG=1 pings")
        d.signal(signal.SIGHUP)
        check(ns.wait(lambda: ns.first("RELOADING") is not None and
                      ns.first("READY", after=ns.first("RELOADING"))
                      is not None, 20),
              "RELOADING=1 then READY=1 after SIGHUP")
        d.signal(signal.SIGTERM)
        check(ns.wait(lambda: ns.first("STOPPING") is not None, 20),
              "STOPPING=1 after SIGTERM")
        rc = d.stop(signalled=True)
        check(rc == 0, "exit status 0 after SIGTERM, got %r" % rc)
        ns.wait(lambda: False, 0.3)   # anything still in flight

        ready = ns.first("READY")
        status = ns.first("STATUS", after=ready if ready is not None
                          else -1)
        watchdog = ns.first("WATCHDOG")
        reloading = ns.first("RELOADING")
        ready2 = ns.first("READY", after=reloading if reloading
                          is not None else len(ns.messages))
        stopping = ns.first("STOPPING")
        order = [ready, status, watchdog, reloading, ready2, stopping]
        print("message indexes READY, STATUS, WATCHDOG, RELOADING, READY, "
              "STOPPING:", order)
        check(None not in order and order == sorted(order),
              "notify messages in order: %r" % order)
        if reloading is not None:
            mono = ns.messages[reloading][1].get("MONOTONIC_USEC", "")
            check(mono.isdigit() and int(mono) > 0,
                  "RELOADING carries MONOTONIC_USEC: %r" % mono)
        check(all(kv.get("WATCHDOG") == "1" for _, kv in ns.messages
                  if "WATCHDOG" in kv), "WATCHDOG=1 only")

        lines = open(log, "rb").read().decode().splitlines()
        check(lines and all(line[:3] in ("<3>", "<4>", "<6>", "<7>")
                            for line in lines),
              "every log line has a priority prefix: %r" % lines[:3])
        check(any(line.startswith("<4>") and "bin0.bin" in line
                  for line in lines), "a failed file logs at <4>")
        print("log:", lines[:2])
    finally:
        if d.alive():
            d.stop()
        ns.close()
    cleanup(tmp)
    return verdict()


if __name__ == "__main__":
    sys.exit(main())
