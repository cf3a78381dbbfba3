"""What the tests of a shared inbox under [cluster] leases share
(test_inbox_adopt.py, test_inbox_fence.py, test_inbox_window.py...): the
server, inbox and proxy of a test (begin()), a node
on the shared inbox (start()) and its end (stop_checked()), its origin
id from its log and what its log said, the files of the events in the stream and in a node's
journal, and the end of a test (end()); and for the tests of files put
back by hand (test_inbox_putback_*.py): a file's mtime aged (aged()),
a file put back from processed/ (put_back()), the wait for files to move
out (out()) and a node's journal's events (journal_events())."""
import json
import os
import re
import signal
import sqlite3
import time
from urllib.parse import unquote

import clusterlib
from clusterlib import check
import natsproto


def begin(prefix):
    """One nats-server (clusterlib.begin_with_server()), the shared inbox
    and a proxy to the server (clusterlib.Proxy): (newswired, folder,
    server, inbox, proxy)."""
    exe, _, tmp, srv = clusterlib.begin_with_server(prefix)
    inbox = os.path.join(tmp, "inbox")
    os.makedirs(inbox)
    return exe, tmp, srv, inbox, clusterlib.Proxy(srv.port)


def origin(log):
    """The origin id node's log says it has (the last run's: the same
    state folder keeps it)."""
    with open(log, errors="replace") as f:
        hit = re.search(r"origin (nwd-[0-9a-f]+)", f.read())
    return hit.group(1) if hit else None


def start(exe, tmp, name, port, inbox, lease, more="", env=None,
          window=1):
    """Node name on the shared inbox (its configuration's own inbox
    path replaced), on the server at port, the stream's duplicate window
    window seconds (1: a second publish under the same message ID
    shows); more: more of its configuration; env: more of its
    environment. (daemon or None, metrics port, log path)."""
    conf, log = clusterlib.node_conf(tmp, name, [port], 0, [],
                                     lease=lease, articles=False)
    with open(conf) as f:
        text = f.read()
    text = re.sub(r"(?m)^path = .*$", "path = " + inbox, text)
    text = text.replace("duplicate_window = 600",
                        "duplicate_window = %d" % window)
    with open(conf, "w") as f:
        f.write(text + more)
    d, mport = clusterlib.start_daemon(exe, conf, log, env)
    return d, mport, log


def aged(path, seconds=30):
    """path's mtime (and atime) seconds before now."""
    t = time.time() - seconds
    os.utime(path, (t, t))


def put_back(inbox, name, data=None, seconds=30):
    """name out of processed/ into the inbox (data: with that in it
    instead), written seconds ago (None: its mtime as it is), as a hand
    moves it back."""
    done = os.path.join(inbox, "processed", name)
    if data is not None:
        with open(done, "wb") as f:
            f.write(data)
    if seconds is not None:
        aged(done, seconds)
    os.rename(done, os.path.join(inbox, name))


def out(inbox, names, seconds):
    """Whether names are all in processed/, none left in the inbox or
    claimed, within seconds."""
    processed = os.path.join(inbox, "processed")
    return clusterlib.wait_for(
        lambda: set(names) <= set(os.listdir(processed)) and
        not any(os.path.exists(os.path.join(inbox, n)) for n in names) and
        claimed_left(inbox) == [], seconds)


def journal_events(tmp, name):
    """The events (parsed) in node name's journal."""
    db = sqlite3.connect("file:%s?mode=ro" % os.path.join(
        tmp, name, "state", "newswire.db"), uri=True, timeout=10)
    try:
        rows = db.execute("SELECT event FROM journal ORDER BY seq")
        return [json.loads(ev) for (ev,) in rows.fetchall()]
    finally:
        db.close()


def said(log, text):
    """Whether node log's text has text."""
    with open(log, errors="replace") as f:
        return text in f.read()


def stream_files(port):
    """[(file name, origin id, topic)] of the stream's events of the
    folder source ([] while it has none)."""
    c = natsproto.Conn(port)
    try:
        msgs = c.all_msgs("NEWSWIRE")
    except OSError:
        msgs = []
    finally:
        c.close()
    out = []
    for subj, _, data in msgs:
        ev = json.loads(data)
        uri = (ev.get("source") or {}).get("uri") or ""
        if uri.startswith("file://"):
            out.append((unquote(uri.rsplit("/", 1)[-1]),
                        ev["origin"]["id"], subj.split(".", 1)[1]))
    return out


def events_of(port, name):
    """[(origin id, topic)] of the stream's events of the file name."""
    return [(o, t) for f, o, t in stream_files(port) if f == name]


def journal_files(tmp, name):
    """The file names of the events in node name's journal."""
    db = sqlite3.connect("file:%s?mode=ro" % os.path.join(
        tmp, name, "state", "newswire.db"), uri=True, timeout=10)
    try:
        rows = db.execute("SELECT event FROM journal").fetchall()
    finally:
        db.close()
    out = []
    for (ev,) in rows:
        uri = (json.loads(ev).get("source") or {}).get("uri") or ""
        out.append(unquote(uri.rsplit("/", 1)[-1]))
    return out


def claimed_left(inbox):
    """The files left in the inbox's claimed/ folders, .from/ ones too."""
    return [os.path.join(r, f) for r, _, fs in
            os.walk(os.path.join(inbox, "claimed")) for f in fs]


def close(nodes, srv, proxy=None):
    """Whatever happened: each node of nodes still running stopped, the
    server, then the proxy (if any)."""
    for d in nodes.values():
        if d is not None and d.alive():
            d.stop()
    srv.stop()
    if proxy is not None:
        proxy.close()


def stop_checked(name, d):
    """Node name's daemon d stopped: checked to stop cleanly, with no
    sanitizer report in its log."""
    check(d.stop() == 0, "%s stops cleanly" % name)
    with open(d.log_path, errors="replace") as f:
        text = f.read()
    check("runtime error" not in text and "Sanitizer" not in text,
          "no sanitizer report in %s's log" % name)


def end(nodes, srv, proxy, tmp):
    """The end of a test, whatever happened: each node still running
    continued (one may be frozen) and checked to stop cleanly
    (stop_checked()), the proxy closed, the server stopped; the test's
    exit status (clusterlib.finish())."""
    for name, d in nodes.items():
        if d.alive():
            d.signal(signal.SIGCONT)
            stop_checked(name, d)
    proxy.close()
    srv.stop()
    return clusterlib.finish(tmp)
