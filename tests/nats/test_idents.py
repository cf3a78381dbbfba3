"""[cluster] articles: one identity for an article across nodes.

Nodes a and b (no leases) each poll their own sources, a1..a3 and
b1..b3, which serve the same 3 feeds: every article is seen by both
nodes, at about the same time (both poll every second). With the
articles' records shared in a key-value bucket (compare-and-set):
- each entry is in the stream exactly once as article.new, published by
  one node; the other classified it as a duplicate (or nothing);
- an entry that changes is article.updated version 2 exactly once;
- across both nodes' journals, 12 article.new and 3 article.updated in
  all (the stream's duplicate window would hide a second article.new
  under the same ID:VERSION: the journals say what each node decided).
Then the same with [cluster] articles = no, as a control: each node
journals its own article.new for every article (the test sees what it
checks for).

Exit 77 (skip) without nats-server. Usage: test_idents.py NEWSWIRED
"""
import os
import sys
import time

import clusterlib
from clusterlib import check, m, wait_for
import natsproto

N_FEEDS = 3
N_ENTRIES = 4


def run(exe, server, tmp, articles):
    """Both nodes on the same feeds; returns {guid: [(kind, version,
    origin)]} of the stream's article events, and the nodes' counts of
    article.new and article.updated journalled."""
    os.makedirs(tmp)
    srv = clusterlib.start_server(server, tmp)
    if srv is None:
        return {}, (0, 0)
    port = srv.port
    feeds = clusterlib.Feeds(N_FEEDS, N_ENTRIES)
    nodes = []
    try:
        for name in ("a", "b"):
            d, mport, _, _ = clusterlib.start_node(
                exe, tmp, name, [port], feeds.port,
                [("%s%d" % (name, i), i) for i in range(N_FEEDS)],
                leases=False, articles=articles)
            if not check(d is not None, "node %s starts" % name):
                return {}, (0, 0)
            nodes.append((d, mport))
        n_first = N_FEEDS * N_ENTRIES

        def count(outcome):
            return sum(m(mp, "newswire_items_total", source="%s%d" %
                         (nm, i), outcome=outcome) or 0
                       for (_, mp), nm in zip(nodes, "ab")
                       for i in range(N_FEEDS))

        def seen():
            return sum((m(mp, "newswire_items_total", source="%s%d" %
                          (nm, i), outcome=o) or 0)
                       for (_, mp), nm in zip(nodes, "ab")
                       for i in range(N_FEEDS)
                       for o in ("new", "duplicate"))

        check(wait_for(lambda: seen() >= 2 * n_first, 40),
              "both nodes made every article (%s of %d)"
              % (seen(), 2 * n_first))
        for i in range(N_FEEDS):
            feeds.change(i, 0)
        time.sleep(4)       # both poll the changed feeds a few times
        check(wait_for(lambda: all(
            m(mp, "newswire_nats_unacked_events") == 0
            for _, mp in nodes), 20), "every event acknowledged")
        c = natsproto.wait_conn(port, srv.proc, 15)
        evs = clusterlib.article_events(c)
        c.close()
        counts = (count("new"), count("updated"))
        print("articles = %s: %d article events in the stream; the nodes "
              "journalled %d new, %d updated"
              % (("yes" if articles else "no", len(evs)) + counts))
        out = {}
        for kind, guid, ev in evs:
            out.setdefault(guid, []).append((kind, ev["version"],
                                             ev["origin"]["id"]))
        for d, _ in nodes:
            check(d.stop() == 0, "a node stops cleanly")
        nodes = []
        return out, counts
    finally:
        for d, _ in nodes:
            d.stop()
        feeds.close()
        srv.stop()


def main():
    exe, server, tmp = clusterlib.begin("nw-idents-")
    got, counts = run(exe, server, os.path.join(tmp, "shared"), True)
    origins = set()
    for i in range(N_FEEDS):
        for k in range(N_ENTRIES):
            g = "f%d-%d" % (i, k)
            evs = got.get(g, [])
            new = [e for e in evs if e[0] == "new"]
            upd = [e for e in evs if e[0] == "updated"]
            origins |= {e[2] for e in new}
            check(len(new) == 1 and new[0][1] == 1,
                  "%s: one article.new v1 in the stream (%s)" % (g, evs))
            want_upd = 1 if k == 0 else 0
            check(len(upd) == want_upd and all(e[1] == 2 for e in upd),
                  "%s: %d article.updated v2 (%s)" % (g, want_upd, evs))
    print("the nodes that published the articles: %s" % sorted(origins))
    check(counts == (N_FEEDS * N_ENTRIES, N_FEEDS),
          "the two nodes journalled %d article.new and %d article.updated "
          "in all (%s)" % (N_FEEDS * N_ENTRIES, N_FEEDS, counts))
    _, counts = run(exe, server, os.path.join(tmp, "local"), False)
    check(counts[0] == 2 * N_FEEDS * N_ENTRIES, "control, without "
          "[cluster] articles: each node journals every article as new "
          "(%d of %d)" % (counts[0], 2 * N_FEEDS * N_ENTRIES))
    return clusterlib.finish(tmp)


if __name__ == "__main__":
    sys.exit(main())
