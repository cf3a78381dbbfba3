"""[cluster] articles: a version claimed by a node that died before
publishing it is published by the node that takes the source over
(issue 12: a claim must not leave an article unpublished forever).

Node a holds the lease of feed 0 (3 entries) and dies at its first
claim of an article version, after the shared record art.ID names it and
before its journal commits (the test hook NEWSWIRED_TEST_DIE_AFTER_CLAIM
raises SIGKILL there): the record is in the bucket, the stream has no
article. Node b takes the lease when it expires, polls, finds a's record
with the same content hash, older than half a lease, and the event
ID:VERSION not in the stream: it adopts the record (compare-and-set) and
publishes the article. Every entry is then in the stream exactly once,
as article.new version 1. Without the adoption, b would take a's record
for a published article: the entry would never be in the stream.

Exit 77 (skip) without nats-server. Usage: test_adopt.py NEWSWIRED
"""
import os
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "lib"))
sys.path.insert(0, os.path.join(HERE, "..", "ops"))
sys.path.insert(0, HERE)
from nwtest import check, failures, free_port  # noqa: E402
import clusterlib  # noqa: E402
import natsproto  # noqa: E402
import opslib  # noqa: E402
from test_nats import wait_for, m  # noqa: E402

N_ENTRIES = 3
LEASE = 3


def main():
    exe = sys.argv[1]
    server = natsproto.find_server()
    if server is None:
        print("SKIP: nats-server is not installed (Debian: nats-server; "
              "scripts/deps test)")
        return 77
    tmp = tempfile.mkdtemp(prefix="nw-adopt-")
    port = free_port()
    srv = natsproto.Server(server, port, os.path.join(tmp, "js"),
                           os.path.join(tmp, "nats-server.log"))
    feeds = clusterlib.Feeds(1, N_ENTRIES)
    sources = [("f0", 0)]
    a = b = None
    try:
        c = natsproto.wait_conn(port, srv.proc, 15)
        if not check(c is not None, "nats-server answers"):
            return 1
        c.close()
        conf_a, _, log_a = clusterlib.node_conf(
            tmp, "a", [port], feeds.port, sources, lease=LEASE)
        conf_b, mport_b, log_b = clusterlib.node_conf(
            tmp, "b", [port], feeds.port, sources, lease=LEASE)
        a = opslib.Daemon(exe, conf_a, log_a,
                          env={"NEWSWIRED_TEST_DIE_AFTER_CLAIM": "1"})
        check(wait_for(lambda: not a.alive(), 30),
              "node a dies at its first claim")
        check(a.stop(signalled=True) == -9, "killed by the hook")
        a = None
        records = clusterlib.stream_count(port, "KV_newswire_articles")
        check(records >= 1, "a's claim is in the bucket (%d records)"
              % records)
        check(clusterlib.stream_count(port) == 0,
              "no event in the stream (has %d)"
              % clusterlib.stream_count(port))
        t0 = time.monotonic()
        b = opslib.Daemon(exe, conf_b, log_b)
        check(wait_for(lambda: clusterlib.stream_count(port) >= N_ENTRIES,
                       40), "b published the %d entries (stream has %d)"
              % (N_ENTRIES, clusterlib.stream_count(port)))
        print("b published them %.1f s after it started (lease %d s)"
              % (time.monotonic() - t0, LEASE))
        time.sleep(2.0)         # b polls the feed again: nothing more
        c = natsproto.wait_conn(port, srv.proc, 15)
        evs = clusterlib.article_events(c)
        c.close()
        kinds = {}
        for kind, guid, ev in evs:
            kinds.setdefault(guid, []).append((kind, ev["version"]))
        for k in range(N_ENTRIES):
            g = "f0-%d" % k
            check(kinds.get(g) == [("new", 1)], "entry %s: one article.new "
                  "v1 in the stream (has %s)" % (g, kinds.get(g)))
        check(len(evs) == N_ENTRIES, "%d article events in all (has %d)"
              % (N_ENTRIES, len(evs)))
        adopted = m(mport_b, "newswire_cluster_articles_adopted_total")
        check((adopted or 0) >= 1, "b adopted a's claim (%s)" % adopted)
        with open(log_b, errors="replace") as f:
            blog = f.read()
        for ln in blog.splitlines():
            if "did not publish" in ln:
                print("b: " + ln.split(" info: ")[-1])
        check("by a node that did not publish it, is published here"
              in blog, "b says it published what a claimed")
        check(b.stop() == 0, "b stops cleanly")
        b = None
        with open(log_b, errors="replace") as f:
            check("runtime error" not in f.read(),
                  "no sanitizer report in b's log")
    finally:
        for d in (a, b):
            if d is not None:
                d.stop()
        feeds.close()
        srv.stop()
    if failures:
        print("%d check(s) failed; logs in %s" % (len(failures), tmp))
        return 1
    opslib.cleanup(tmp)
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
