"""Journal retention keeps what the NATS stream has not acknowledged
(issue 12): the journal is the only copy a re-send comes from.

A node with [output.nats] on a port where no nats-server runs yet and
[store] keep_events = 2 journals 6 events. Retention would cut the
journal to its last 2; it must keep all 6 (none acknowledged), say so in
its log and in newswire_retention_held_events. Then the nats-server
starts: all 6 go into the stream, exactly once each, and only then does
retention cut the journal to its last 2, and the hold ends. Without the
hold, events 1 to 4 would be gone before the stream had them.

Exit 77 (skip) without nats-server. Usage: test_retention_hold.py
NEWSWIRED
"""
import os
import sys
import time

import clusterlib
from clusterlib import Node, check, check_stream, m, wait_for
import natsproto
import nwtest


def main():
    exe, server, tmp = clusterlib.begin("nw-rethold-")
    # the server's port, held until it comes (nothing else takes it; the
    # node's connects are refused meanwhile as with no server at all)
    hold, port = nwtest.reserve_port()
    srv = None
    node = Node(exe, tmp, port, extra="[store]\nkeep_events = 2\n")
    log = os.path.join(tmp, "newswired.log")
    try:
        check(node.start(), "newswired starts with [output.nats], no "
              "server yet")
        node.drop_pages(6)
        check(wait_for(lambda: m(node.mport, "newswire_last_seq") == 6, 30),
              "6 events journalled")
        # retention passes every second: its first pass over the 6 holds
        # 4 back
        check(wait_for(lambda: m(node.mport,
                                 "newswire_retention_held_events") == 4, 10),
              "newswire_retention_held_events says 4 held back (%s)"
              % m(node.mport, "newswire_retention_held_events"))
        time.sleep(1)           # and a pass after it cuts nothing either
        first = m(node.mport, "newswire_journal_first_seq")
        check(first == 1, "retention kept every unacknowledged event "
              "(the journal starts at seq %s)" % first)
        with open(log, errors="replace") as f:
            check("retention: keeps the events after seq 0, which the "
                  "NATS stream has not acknowledged (4 due to go)"
                  in f.read(), "the log says why")
        # on the port the node was given (waited for if another process
        # holds it just now)
        srv = natsproto.Server(server, port, os.path.join(tmp, "js"),
                               os.path.join(tmp, "nats-server.log"))
        hold.close()
        c = natsproto.wait_conn(port, srv.proc, 15)
        if not check(srv.up and c is not None, "nats-server answers"):
            return 1
        check(wait_for(lambda: node.acked() == 6, 30),
              "the 6 events acknowledged (acked seq %s)" % node.acked())
        check_stream(c, range(1, 7), "after the server came")
        c.close()
        check(wait_for(lambda: m(node.mport, "newswire_journal_first_seq")
                       == 5, 10),
              "then retention cut the journal to its last 2 (starts at "
              "seq %s)" % m(node.mport, "newswire_journal_first_seq"))
        check(m(node.mport, "newswire_retention_held_events") == 0,
              "nothing held back any more")
        with open(log, errors="replace") as f:
            check("retention: the NATS stream acknowledged up to seq 6"
                  in f.read(), "the log says the hold ended")
        check(node.d.stop() == 0, "newswired stops cleanly")
        node.d = None
    finally:
        hold.close()
        if node.d is not None:
            node.d.stop()
        if srv is not None:
            srv.stop()
    return clusterlib.finish(tmp)


if __name__ == "__main__":
    sys.exit(main())
