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
import sys
import time

import clusterlib
from clusterlib import check, m, wait_for
import natsproto

N_ENTRIES = 3
LEASE = 3


def main():
    exe, server, tmp, srv = clusterlib.begin_with_server("nw-adopt-")
    port = srv.port
    feeds = clusterlib.Feeds(1, N_ENTRIES)
    sources = [("f0", 0)]
    a = b = None
    try:
        a, _, _, _ = clusterlib.start_node(
            exe, tmp, "a", [port], feeds.port, sources, lease=LEASE,
            env={"NEWSWIRED_TEST_DIE_AFTER_CLAIM": "1"})
        if not check(a is not None, "node a starts"):
            return 1
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
        b, mport_b, _, log_b = clusterlib.start_node(
            exe, tmp, "b", [port], feeds.port, sources, lease=LEASE)
        if not check(b is not None, "node b starts"):
            return 1
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
    return clusterlib.finish(tmp)


if __name__ == "__main__":
    sys.exit(main())
