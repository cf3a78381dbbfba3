"""[cluster] articles: duplicates and stories across what every node
published (issue 12 item 3): each node's duplicate and story indexes are
fed from the stream with the other nodes' article.new and
article.updated events.

Node a polls source a0 (feed 0), node b source b1 (feed 1); no leases,
one nats-server. Feed 0 has an article T1 and a report of an event (the
Kremlin on Flynn's resignation). Once node b has filed a's two articles
from the stream, feed 1 gets T1 word for word under another URL, and
another outlet's report of the same event (other words: not a
duplicate). Node b must publish its T1 as article.duplicate with
duplicate_of the id of a's T1 and a's story id, and its report as
article.new in a's report's story. Then node b stops; a publishes T2; b
starts again and resumes after the stream position it filed (its log
says so), files T2, and its copy of T2 is a duplicate of a's.

Without the feed, node b's index holds nothing of a's: both of its
copies would be article.new, and its report would start a story of its
own. Exit 77 (skip) without nats-server. Usage: test_cluster_feed.py
NEWSWIRED
"""
import sys

import clusterlib
from clusterlib import check, m, wait_for
import natsproto

REPORT_A = (
    "Kremlin declines to comment on Flynn resignation",
    "The Kremlin declined to comment on the resignation of Michael Flynn, "
    "the national security adviser of President Donald Trump, spokesman "
    "Dmitry Peskov told reporters on Tuesday. Peskov said the resignation "
    "was an internal affair of the United States and of the Trump "
    "administration, and that Moscow would not interfere.\n\nPeskov "
    "added that President Vladimir Putin had not discussed Flynn with "
    "his aides, and that the Kremlin hoped relations with Washington "
    "would improve regardless of personnel changes in the White House.")
REPORT_B = (
    "Kremlin will not comment on Flynn resignation",
    "Spokesman Dmitry Peskov said on Tuesday that the Kremlin would not "
    "comment on the resignation of Michael Flynn as national security "
    "adviser to President Donald Trump, calling it an internal affair of "
    "the United States. Moscow, he told reporters, would not interfere "
    "in the affairs of the Trump administration.\n\nRussian officials "
    "had hoped Flynn would help mend relations between Moscow and "
    "Washington. Several lawmakers in the Duma expressed regret at his "
    "departure, while others said little would change for Vladimir "
    "Putin.")


class Feeds(clusterlib.Feeds):
    """clusterlib's feeds, each entry with the title and text the test
    gives it."""

    def __init__(self, n):
        super().__init__(n, 0)
        self.items = {}

    def put(self, i, k, title, text):
        with self.lock:
            self.items[(i, k)] = (title, text)
            self.feeds[i][k] = 1

    def body(self, i):
        items = "".join(
            "<item><title>%s</title><link>http://example.org/%d/%d</link>"
            "<guid>f%d-%d</guid><description>%s</description></item>"
            % (self.items[(i, k)][0], i, k, i, k,
               self.items[(i, k)][1].replace("\n\n", "&lt;p&gt;"))
            for k in sorted(self.feeds[i]))
        return ("<?xml version='1.0'?><rss version='2.0'><channel><title>"
                "Feed %d</title><link>http://example.org/</link>%s</channel>"
                "</rss>" % (i, items)).encode()


def events(port, srv):
    c = natsproto.wait_conn(port, srv.proc, 15)
    if c is None:
        return {}
    try:
        return {(g, kind): ev for kind, g, ev in clusterlib.article_events(c)}
    finally:
        c.close()


def main():
    exe, server, tmp, srv = clusterlib.begin_with_server("nw-cfeed-")
    port = srv.port
    feeds = Feeds(2)
    t1 = feeds.text(7, 1, 1)
    t2 = feeds.text(7, 2, 1)
    feeds.put(0, 0, "Syndicated story one", t1)
    feeds.put(0, 1, *REPORT_A)
    nodes = {}

    def start(name, i):
        d, mport, _, log = clusterlib.start_node(
            exe, tmp, name, [port], feeds.port, [("%s%d" % (name, i), i)],
            leases=False, articles=True)
        nodes[name] = (d, mport, log)
        return d is not None

    def filed(name):
        return m(nodes[name][1], "newswire_cluster_feed_articles_total",
                 kind="new") or 0

    try:
        if not check(start("a", 0) and start("b", 1), "both nodes start"):
            return 1
        check(wait_for(lambda: ("f0-1", "new") in events(port, srv), 30),
              "node a's two articles are in the stream")
        check(wait_for(lambda: filed("b") >= 2, 20),
              "node b filed a's two articles from the stream (%s)"
              % filed("b"))
        feeds.put(1, 0, "Syndicated story one, again", t1)
        feeds.put(1, 1, *REPORT_B)
        check(wait_for(lambda: ("f1-1", "new") in events(port, srv) and
                       ("f1-0", "duplicate") in events(port, srv), 30),
              "node b published its two articles")
        evs = events(port, srv)
        a1, a_rep = evs.get(("f0-0", "new")), evs.get(("f0-1", "new"))
        b1 = evs.get(("f1-0", "duplicate"))
        b_rep = evs.get(("f1-1", "new"))
        if check(None not in (a1, a_rep, b1, b_rep), "all four events"):
            check(a1["origin"]["id"] != b1["origin"]["id"],
                  "published by two nodes")
            check(b1["duplicate_of"] == a1["id"],
                  "b's copy is a duplicate of a's article (%s, %s)"
                  % (b1["duplicate_of"], a1["id"]))
            check(b1["story_id"] == a1["story_id"],
                  "b's copy is in a's article's story")
            check(b_rep["story_id"] == a_rep["story_id"],
                  "the two reports of one event share a story id "
                  "(%s, %s)" % (b_rep["story_id"], a_rep["story_id"]))
            check(b_rep["duplicate_of"] is None,
                  "b's report is not a duplicate")
        check(("f1-0", "new") not in evs, "no article.new for b's copy")
        # b away while a publishes T2; b resumes from its position
        check(nodes["b"][0].stop() == 0, "node b stops cleanly")
        feeds.put(0, 2, "Syndicated story two", t2)
        check(wait_for(lambda: ("f0-2", "new") in events(port, srv), 30),
              "a's T2 in the stream")
        check(start("b", 1), "node b starts again")
        with open(nodes["b"][2], errors="replace") as f:
            log = f.read()
        check("cluster feed: the indexes take the other nodes' articles "
              "from stream NEWSWIRE, after seq" in log,
              "node b resumes after the position it filed")
        check(wait_for(lambda: filed("b") >= 1, 20),
              "node b filed a's T2 after its restart (%s)" % filed("b"))
        feeds.put(1, 2, "Syndicated story two, again", t2)
        check(wait_for(lambda: ("f1-2", "duplicate") in events(port, srv),
                       30), "b's copy of T2 is published")
        evs = events(port, srv)
        a2, b2 = evs.get(("f0-2", "new")), evs.get(("f1-2", "duplicate"))
        check(a2 is not None and b2 is not None and
              b2["duplicate_of"] == a2["id"],
              "after the restart, b's copy of T2 is a duplicate of a's")
        check(("f1-2", "new") not in evs, "no article.new for it")
        for name in ("a", "b"):
            check(nodes[name][0].stop() == 0, "node %s stops cleanly"
                  % name)
            with open(nodes[name][2], errors="replace") as f:
                check("runtime error" not in f.read(),
                      "no sanitizer report in %s's log" % name)
    finally:
        for d, _, _ in nodes.values():
            if d is not None:
                d.stop()
        feeds.close()
        srv.stop()
    return clusterlib.finish(tmp)


if __name__ == "__main__":
    sys.exit(main())
