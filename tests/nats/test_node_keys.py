"""[cluster] leases: the node keys (node.ORIGIN in the sources' bucket)
of nodes gone do not stay in the replicated store. Three nodes a, b, c
on one nats-server -js, 3 s leases; the bucket's stream is read with the
test's own NATS client (natsproto.py):

- a clean stop removes the node's key with its history: no subject left,
  no delete marker;
- a node SIGKILLed keeps its key while it may only be late (2 leases
  on), and the live nodes purge it once it is 10 leases unrenewed;
- a delete marker left by an older newswired's clean stop is purged
  the same way;
- the live node's own key stays, and goes at its clean stop.

Exit 77 (skip) without nats-server. Usage: test_node_keys.py NEWSWIRED
"""
import re
import signal
import sys
import time

import clusterlib
from clusterlib import check, wait_for
import natsproto

LEASE = 3
BUCKET = "newswire_sources"
GHOST = "nwd-00000000000dead0"


def node_subjects(port):
    """The node names of the bucket's node.* subjects (each with at
    least a message: a value or a marker); None if the server did not
    answer."""
    c = natsproto.Conn(port)
    try:
        info = c.api("STREAM.INFO.KV_" + BUCKET, {
            "subjects_filter": "$KV.%s.node.>" % BUCKET})
    except OSError:
        return None
    finally:
        c.close()
    subj = (info.get("state") or {}).get("subjects") or {}
    return sorted(s.rsplit(".", 1)[-1] for s in subj)


def origin(log):
    with open(log, errors="replace") as f:
        hit = re.search(r"origin (nwd-[0-9a-f]+)", f.read())
    return hit.group(1) if hit else None


def main():
    exe, server, tmp, srv = clusterlib.begin_with_server("nw-nodekeys-")
    port = srv.port
    feeds = clusterlib.Feeds(3, 1)
    sources = [("f%d" % i, i) for i in range(3)]
    nodes = {}
    try:
        for name in ("a", "b", "c"):
            d, _, _, log = clusterlib.start_node(
                exe, tmp, name, [port], feeds.port, sources, lease=LEASE)
            if not check(d is not None, "node %s starts" % name):
                return clusterlib.finish(tmp)
            nodes[name] = (d, origin(log), log)
        ids = {n: o for n, (_, o, _) in nodes.items()}
        check(wait_for(lambda: set(ids.values()) <=
                       set(node_subjects(port) or []), 20),
              "the three node keys are written: %r" % node_subjects(port))

        # a delete marker, as an older newswired's clean stop left it
        c = natsproto.Conn(port)
        _, ack = c.request("$KV.%s.node.%s" % (BUCKET, GHOST), b"",
                              headers={"KV-Operation": "DEL"})
        c.close()
        check(b'"seq"' in ack, "the marker is stored: %r" % ack)
        check(GHOST in (node_subjects(port) or []), "the marker is there")

        # a clean stop: the key goes with its history, no marker
        check(nodes["a"][0].stop() == 0, "a stops cleanly")
        check(wait_for(lambda: ids["a"] not in
                       (node_subjects(port) or [ids["a"]]), 5),
              "a's key gone at its stop, no marker: %r"
              % node_subjects(port))

        # a kill: kept while it may be late, purged once surely dead
        nodes["b"][0].signal(signal.SIGKILL)
        nodes["b"][0].stop(signalled=True)
        t_kill = time.monotonic()
        time.sleep(2 * LEASE)
        check(ids["b"] in (node_subjects(port) or []),
              "b's key kept 2 leases after its kill: %r"
              % node_subjects(port))
        gone = wait_for(lambda: node_subjects(port) == [ids["c"]],
                        10 * LEASE + 15)
        took = time.monotonic() - t_kill
        check(gone, "b's key and the old marker purged, c's kept: %r"
              % node_subjects(port))
        check(took >= 10 * LEASE, "not before 10 leases (%.1f s)" % took)
        print("b's key purged %.1f s after its kill (lease %d s)"
              % (took, LEASE))
        with open(nodes["c"][2], errors="replace") as f:
            text = f.read()
        check(("the key of node %s, not renewed" % ids["b"]) in text,
              "c logs the purge of b's key")

        check(nodes["c"][0].stop() == 0, "c stops cleanly")
        check(wait_for(lambda: node_subjects(port) == [], 5),
              "no node key left: %r" % node_subjects(port))
    finally:
        for d, _, _ in nodes.values():
            if d.alive():
                d.stop()
        feeds.close()
        srv.stop()
    return clusterlib.finish(tmp)


if __name__ == "__main__":
    sys.exit(main())
