"""[output.nats] against a 3-node nats-server cluster (routes on loopback
ports) with a 3-replica stream: the stream's leader is SIGKILLed mid-run,
events go on being committed, the daemon fails over to another server,
the killed one is restarted; at the end every event is in the stream
exactly once, in a stream with 3 replicas.

Exit 77 (skip) without nats-server. Usage: test_nats_cluster.py NEWSWIRED
"""
import sys

import clusterlib
from clusterlib import Node, check, check_stream, m, wait_for
import natsproto

sinfo = clusterlib.stream_info

N = 3


def main():
    exe, server, tmp = clusterlib.begin("nw-natsc-")
    servers, ports = clusterlib.start_cluster(server, tmp, N)
    if not check(servers is not None, "3 nats-servers answer"):
        return 1
    node = None
    try:
        node = Node(exe, tmp, ports, extra="replicas = 3\n")
        check(node.start(), "newswired starts against the cluster")
        node.drop_pages(30)
        check(wait_for(lambda: node.acked() == 30, 60),
              "30 events acknowledged by the cluster (acked %s)"
              % node.acked())
        si = sinfo(ports[0])
        check(si.get("config", {}).get("num_replicas") == 3,
              "the daemon created the stream with 3 replicas")
        leader = si.get("cluster", {}).get("leader", "")
        k = int(leader[1:]) if leader[1:].isdigit() else 0
        print("stream leader: n%d; killing it" % k)
        servers[k].kill()
        node.drop_pages(30)
        check(wait_for(lambda: node.acked() == 60, 90),
              "60 acknowledged with the leader dead (acked %s)"
              % node.acked())
        # on its ports, which the daemon and the routes know
        check(servers[k].start(), "the killed server starts again")
        alive = ports[(k + 1) % N]
        c = natsproto.wait_conn(alive, None, 15)
        if check(c is not None, "a surviving server answers"):
            check_stream(c, range(1, 61), "3-node cluster, leader killed")
            c.close()
        c = natsproto.wait_conn(ports[k], servers[k].proc, 15)
        check(c is not None and wait_for(
            lambda: sinfo(ports[k]).get("state", {}).get("messages") == 60,
            60), "the restarted server serves the stream, 60 messages")
        if c is not None:
            c.close()
        print("re-sends the servers dropped:",
              m(node.mport, "newswire_nats_duplicates_total"),
              "resends:", m(node.mport, "newswire_nats_resends_total"))
        check(node.d.stop() == 0, "newswired stops cleanly")
        node.d = None
    finally:
        if node is not None and node.d is not None:
            node.d.stop()
        for s in servers:
            s.stop()
    return clusterlib.finish(tmp)


if __name__ == "__main__":
    sys.exit(main())
