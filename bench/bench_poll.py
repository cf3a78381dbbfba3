#!/usr/bin/python3
"""Polling benchmark: N feeds (default 10,000 copies of a realworld feed)
on a local nginx, polled by bench_poll (newswire's HTTP client and poller
on one libevent loop) on the 200 path (no validators) and on the 304 path
(with the ETags of the first round), against curl's own `curl --parallel`
over the same URLs with the same concurrency, measured in the same run.
Prints polls per second and peak memory (VmHWM / max RSS) of both and the
ratios: medians of ROUNDS interleaved runs, as the machine may be shared.

usage: bench_poll.py BENCH_POLL SHARED_DIR [N [CONCURRENCY]]
"""
import json
import os
import resource
import shutil
from statistics import median
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "tests", "lib"))
from nwtest import start_nginx, stop_proc  # noqa: E402

FEED = "feed-rs+feed-rs/rss_2.0_bbc.xml"
ROUNDS = 2   # interleaved runs of each; more would pass a minute here

NGINX_CONF = '''
daemon off;
master_process off;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log error;
worker_rlimit_nofile 4096;
events {{ worker_connections 1024; }}
http {{
    types {{ application/rss+xml xml; }}
    access_log off;
    keepalive_requests 100000;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        etag on;
    }}
}}
'''


def run_measured(args, **kw):
    """Runs args; returns (seconds, max RSS in kB, stdout)."""
    t0 = time.monotonic()
    p = subprocess.Popen(args, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, **kw)
    out, err = p.communicate()
    dt = time.monotonic() - t0
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode != 0:
        sys.exit("%s failed (%d): %s" % (args[0], p.returncode,
                                          err.decode()[-500:]))
    return dt, ru.ru_maxrss, out.decode()


def curl_rss(args):
    """Runs curl alone under wait4() to get its own max RSS."""
    t0 = time.monotonic()
    p = subprocess.Popen(args, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE)
    _, status, ru = os.wait4(p.pid, 0)
    dt = time.monotonic() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("curl failed: %s" % p.stderr.read().decode()[-500:])
    p.stderr.close()
    return dt, ru.ru_maxrss


def measure(bench, shared, n, conc, tmp):
    """The feeds in tmp, nginx on them, then the interleaved runs:
    (feed bytes, [(curl 200 s, curl 304 s, curl max RSS, ours)])."""
    www = os.path.join(tmp, "www")
    os.makedirs(www)
    data = open(os.path.join(shared, "feeds", "realworld", FEED),
                "rb").read()
    stamp = time.time() - 3600
    for i in range(n):
        p = os.path.join(www, "f%d.xml" % i)
        with open(p, "wb") as f:
            f.write(data)
        os.utime(p, (stamp, stamp))   # one ETag for all: curl's -H

    def write_conf(port):
        with open(os.path.join(tmp, "nginx.conf"), "w") as f:
            f.write(NGINX_CONF.format(tmp=tmp, port=port, root=www))
    ngx, port = start_nginx(["/usr/sbin/nginx", "-c",
                             os.path.join(tmp, "nginx.conf"), "-p", tmp],
                            write_conf)
    if ngx is None:
        try:
            with open(os.path.join(tmp, "error.log"), "rb") as f:
                why = f.read()[-500:].decode(errors="replace")
        except OSError:
            why = "no error.log"
        sys.exit("nginx did not start: " + why)
    try:
        urls = ["http://127.0.0.1:%d/f%d.xml" % (port, i) for i in range(n)]
        with open(os.path.join(tmp, "urls"), "w") as f:
            f.write("\n".join(urls) + "\n")
        etag = urllib.request.urlopen(urls[0]).headers["ETag"]
        with open(os.path.join(tmp, "curl.conf"), "w") as f:
            for u in urls:
                f.write('url = "%s"\noutput = "/dev/null"\n' % u)
        # curl, then ours, ROUNDS times over (the machine is shared: the
        # medians of interleaved runs), each against a warm nginx
        base = ["curl", "--parallel", "--parallel-max", str(conc),
                "--parallel-immediate", "-s", "-f", "-K",
                os.path.join(tmp, "curl.conf")]
        runs = []
        for _ in range(ROUNDS):
            c200, crss200 = curl_rss(base)
            c304, crss304 = curl_rss(base + ["-H", "If-None-Match: " +
                                             etag])
            _, _, out = run_measured([bench, os.path.join(tmp, "urls"),
                                      str(conc)])
            runs.append((c200, c304, max(crss200, crss304),
                         json.loads(out)))
    finally:
        stop_proc(ngx, 10)
    return data, runs


def main():
    bench, shared = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 10000
    conc = int(sys.argv[4]) if len(sys.argv) > 4 else 16
    if not os.access("/usr/sbin/nginx", os.X_OK) or \
            not shutil.which("curl"):
        print("SKIP: needs nginx and curl")
        return 77
    # the folder goes whatever ends the run (nginx that does not start,
    # a run that fails: sys.exit() passes through here too)
    tmp = tempfile.mkdtemp(prefix="nw-bench-poll-")
    try:
        data, runs = measure(bench, shared, n, conc, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    ok = all(r["round200"]["ok"] == n and r["round304"]["not_modified"] == n
             for _, _, _, r in runs)
    p200 = median([n / r["round200"]["seconds"] for _, _, _, r in runs])
    p304 = median([n / r["round304"]["seconds"] for _, _, _, r in runs])
    q200 = median([n / c for c, _, _, _ in runs])
    q304 = median([n / c for _, c, _, _ in runs])
    ratio200 = median([c / r["round200"]["seconds"]
                       for c, _, _, r in runs])
    ratio304 = median([c / r["round304"]["seconds"]
                       for _, c, _, r in runs])
    hwm = max(r["vm_hwm_kb"] for _, _, _, r in runs)
    crss = max(m for _, _, m, _ in runs)
    print("bench_poll: %d feeds of %d bytes on nginx, %d at a time "
          "(one host), medians of %d interleaved runs" % (
              n, len(data), conc, ROUNDS))
    print("  200 path: newswire %8.0f polls/s   curl --parallel %8.0f/s"
          "   ratio %.2f" % (p200, q200, ratio200))
    print("  304 path: newswire %8.0f polls/s   curl --parallel %8.0f/s"
          "   ratio %.2f" % (p304, q304, ratio304))
    print("  peak memory: newswire VmHWM %d kB (%d sources kept)   curl "
          "max RSS %d kB   ratio %.2f" % (hwm, n, crss, hwm / crss))
    for _, _, _, r in runs:
        print("  run: %s" % json.dumps(r))
    if not ok:
        print("FAIL: not every poll got its 200, then its 304")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
