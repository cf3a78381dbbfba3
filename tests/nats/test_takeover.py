"""[cluster] leases: the entries a source published travel with its lease.

Node a alone holds the leases of 4 feeds (3 entries each), publishes
their 12 entries and is SIGKILLed. Meanwhile each feed gets 2 new entries
and one entry changes. Node b takes the leases when they expire, learns
the entries a published from the bucket (ent.NAME) before its first poll,
and publishes:
- no event at all for the entries a published and that did not change
  (no article.new, no article.duplicate);
- article.new once for each of the 8 new entries;
- article.updated (version 2) once for each changed entry: b knows it was
  published ([cluster] articles: its shared record says version 1).

Exit 77 (skip) without nats-server. Usage: test_takeover.py NEWSWIRED
"""
import signal
import sys
import time

import clusterlib
from clusterlib import check, m, wait_for
import natsproto

N_FEEDS = 4
N_ENTRIES = 3
LEASE = 3


def main():
    exe, server, tmp, srv = clusterlib.begin_with_server("nw-takeover-")
    port = srv.port
    feeds = clusterlib.Feeds(N_FEEDS, N_ENTRIES)
    sources = [("f%d" % i, i) for i in range(N_FEEDS)]
    a = b = None
    try:
        a, mport_a, _, _ = clusterlib.start_node(
            exe, tmp, "a", [port], feeds.port, sources, lease=LEASE)
        if not check(a is not None, "node a starts"):
            return 1
        first = N_FEEDS * N_ENTRIES
        check(wait_for(lambda: m(mport_a, "newswire_nats_acked_seq") ==
                       first, 30),
              "a publishes the %d entries, acknowledged (acked %s)"
              % (first, m(mport_a, "newswire_nats_acked_seq")))
        time.sleep(1.0)         # a polls them again, unchanged
        a.signal(signal.SIGKILL)
        a.stop(signalled=True)
        a = None
        t_kill = time.monotonic()
        for i in range(N_FEEDS):
            feeds.add(i, N_ENTRIES)
            feeds.add(i, N_ENTRIES + 1)
            feeds.change(i, 1)
        b, mport_b, _, log_b = clusterlib.start_node(
            exe, tmp, "b", [port], feeds.port, sources, lease=LEASE)
        if not check(b is not None, "node b starts"):
            return 1
        want = first + N_FEEDS * 3
        ok = wait_for(lambda: clusterlib.stream_count(port) >= want and
                      m(mport_b, "newswire_leases_held") == N_FEEDS, 40)
        check(ok, "b took the %d leases and the stream has %d messages "
              "(has %d)" % (N_FEEDS, want, clusterlib.stream_count(port)))
        print("b took over and published in %.1f s (lease %d s)"
              % (time.monotonic() - t_kill, LEASE))
        time.sleep(2.5)         # b polls each feed again: nothing more
        c = natsproto.wait_conn(port, srv.proc, 15)
        evs = clusterlib.article_events(c)
        c.close()
        kinds = {}
        for kind, guid, ev in evs:
            kinds.setdefault(guid, []).append((kind, ev["version"]))
        for i in range(N_FEEDS):
            for k in range(N_ENTRIES + 2):
                g = "f%d-%d" % (i, k)
                if k == 1:
                    want_k = [("new", 1), ("updated", 2)]
                else:
                    want_k = [("new", 1)]
                check(kinds.get(g) == want_k, "entry %s: %s in the stream "
                      "(has %s)" % (g, want_k, kinds.get(g)))
        check(len(evs) == want, "%d article events in all (has %d)"
              % (want, len(evs)))
        with open(log_b, errors="replace") as f:
            blog = f.read()
        check(blog.count("entries published before, from the lease") ==
              N_FEEDS, "b learnt each feed's entries from its lease")
        check(b.stop() == 0, "b stops cleanly")
        b = None
    finally:
        for d in (a, b):
            if d is not None:
                d.stop()
        feeds.close()
        srv.stop()
    return clusterlib.finish(tmp)


if __name__ == "__main__":
    sys.exit(main())
