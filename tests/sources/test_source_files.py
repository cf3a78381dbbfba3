#!/usr/bin/python3
"""End to end, issue 15: the configuration in many files and the source
options, on the real newswired (and newswire) against a local Python HTTP
server on 127.0.0.1 (test_sources.py's fault server).

usage: test_source_files.py NEWSWIRED SHARED_DIR SCHEMA CASE

CASE is one of:
  check    --check-config on a file with three different mistakes and a
           source file with two more lists all five with file and line,
           exits 1, binds nothing; a good one exits 0.
  dir      sources.d/*.conf: SIGHUP picks up an added, a changed and a
           removed file; a bad file keeps the running configuration, says
           so once and never "configuration reloaded".
"""
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from http.server import ThreadingHTTPServer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "lib"))
import test_sources as ts  # noqa: E402
from feedserver import FeedHandler, new_state, serve  # noqa: E402
from nwtest import check, failures, verdict  # noqa: E402


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def case_check(newswired, tmp):
    # the publish port is one this test holds: --check-config must not
    # try to bind it (a bind would fail, "in use", a sixth problem)
    held = socket.socket()
    held.bind(("127.0.0.1", 0))
    held.listen(1)
    port = held.getsockname()[1]
    conf = os.path.join(tmp, "bad.conf")
    write(conf, "[daemon]\n"
          "state = %s/state\n"
          "workers = many\n"              # 3: not a number
          "[inbox]\n"
          "path = %s/inbox\n"
          "colour = blue\n"               # 6: unknown key
          "this line is wrong\n"          # 7: syntax
          "[publish]\nendpoint = tcp://127.0.0.1:%d\n"
          '[source "a"]\nurl = https://example.com/a.xml\n'
          % (tmp, tmp, port))
    write(os.path.join(tmp, "sources.d", "b.conf"),
          '[source "b"]\n'
          "url = ftp://example.com/\n"    # 2: not http
          "[http]\n"
          "timeout = 5\n")                # 4: not a source section
    write(os.path.join(tmp, "sources.d", "skipped.txt"), "garbage\n")
    p = subprocess.run([newswired, "--check-config", "-c", conf],
                       capture_output=True, text=True, timeout=20)
    err = p.stderr
    check(p.returncode == 1, "exit 1: %d" % p.returncode)
    for want in ("bad.conf:3: workers", "bad.conf:6: unknown key 'colour'",
                 "bad.conf:7: 'this line is wrong' is neither",
                 "sources.d/b.conf:2: url: 'ftp://example.com/'",
                 "sources.d/b.conf:4: [http] in a source file"):
        check(want in err, "reported: %s\n%s" % (want, err))
    check("5 problem(s)" in err, "five problems: %s" % err)
    check("in use" not in err, "--check-config tried to bind the publish "
          "port: %s" % err)
    held.close()
    check(not os.path.exists(os.path.join(tmp, "state")), "no state made")
    # the daemon itself refuses it at start, with the first problem
    p = subprocess.run([newswired, "-c", conf], capture_output=True,
                       text=True, timeout=20)
    check(p.returncode == 2 and "bad.conf:3:" in p.stderr,
          "start refused: %d %s" % (p.returncode, p.stderr))
    # a good configuration; an unusable path is a problem
    write(conf, "[daemon]\nstate = %s/state\n[inbox]\npath = %s/inbox\n"
          '[source "a"]\nurl = https://example.com/a.xml\n' % (tmp, tmp))
    os.remove(os.path.join(tmp, "sources.d", "b.conf"))
    write(os.path.join(tmp, "sources.d", "b.conf"),
          '[source "b"]\nurl = https://example.com/b.xml\n')
    p = subprocess.run([newswired, "--check-config", "-c", conf],
                       capture_output=True, text=True, timeout=20)
    check(p.returncode == 0 and "2 source(s)" in p.stdout,
          "good file: %d %s %s" % (p.returncode, p.stdout, p.stderr))
    write(os.path.join(tmp, "afile"), "x")
    p = subprocess.run([newswired, "--check-config", "-c", conf,
                        "--state", os.path.join(tmp, "afile")],
                       capture_output=True, text=True, timeout=20)
    check(p.returncode == 1 and "is not a folder" in p.stderr,
          "state not a folder: %s" % p.stderr)
    return 0


def case_dir(newswired, tmp):
    srv = ts.serve()
    base = "http://127.0.0.1:%d" % srv.server_address[1]
    sdir = os.path.join(tmp, "sources.d")
    write(os.path.join(sdir, "one.conf"), ts.source("one", base + "/ok", 1))

    d, sub, conf = ts.start(newswired, tmp, lambda pub: ts.base_conf(tmp, pub))
    srv.state["go"].set()

    def hup():
        d.proc.send_signal(signal.SIGHUP)

    def count(path):
        with srv.state["lock"]:
            return srv.state["count"].get(path, 0)
    try:
        check(sub.wait(lambda: sub.messages("article.new.one"), 20),
              "source one of sources.d publishes")
        # added
        write(os.path.join(sdir, "two.conf"),
              ts.source("two", base + "/changing", 1))
        hup()
        check(sub.wait(lambda: sub.messages("article.new.two"), 20),
              "source two of an added file publishes")
        # changed: one now polls /moved
        write(os.path.join(sdir, "one.conf"),
              ts.source("one", base + "/notfeed", 1))
        hup()
        check(sub.wait(lambda: count("/notfeed") > 0, 20),
              "changed file: the new url polled")
        # removed
        os.remove(os.path.join(sdir, "two.conf"))
        hup()
        check(sub.wait(lambda: "source two removed" in d.logtext(), 20),
              "removed file: source two removed")
        sub.settle(1)
        n = count("/changing")
        sub.settle(3)
        check(count("/changing") == n, "two no longer polled")
        # a bad file: the running configuration stays
        log_before = len(d.logtext())
        write(os.path.join(sdir, "bad.conf"),
              '[source "three"]\nurl = nope\n')
        hup()
        check(sub.wait(lambda: "keeping the running" in
                       d.logtext()[log_before:], 20), "bad file refused")
        sub.settle(2)
        tail = d.logtext()[log_before:]
        check(tail.count("keeping the running") == 1,
              "said once: %s" % tail)
        check("configuration reloaded" not in tail,
              "no contradictory reloaded line: %s" % tail)
        check("bad.conf:2" in tail, "the file and line: %s" % tail)
        n = count("/notfeed")
        sub.settle(3)
        check(count("/notfeed") > n, "source one still polled")
        check(d.alive(), "newswired alive")
    finally:
        check(d.stop() == 0, "clean exit")
        sub.close()
        srv.shutdown()
    return 0


EN = ("The council met on Monday to discuss the new budget for the city. "
      "Members agreed to spend more on schools and roads next year, and "
      "the mayor said the plan would be published in full this week. ")
DE = ("Der Stadtrat hat am Montag über den neuen Haushalt der Stadt "
      "beraten. Die Mitglieder waren sich einig, dass im nächsten Jahr "
      "mehr Geld für Schulen und Straßen ausgegeben werden soll, und der "
      "Bürgermeister sagte, dass der Plan noch in dieser Woche "
      "veröffentlicht werde. ")


def rss_item(guid, title, body=EN, author="Ann Reporter", cat="World",
             path=None):
    return ("<item><guid>%s</guid><title>%s</title>"
            "<link>http://example.org/%s</link>"
            "<dc:creator>%s</dc:creator><category>%s</category>"
            "<pubDate>Tue, 02 Jan 2024 10:00:00 GMT</pubDate>"
            "<description>%s %s</description></item>"
            % (guid, title, path or "news/" + guid, author, cat, title,
               (body * 3).strip()))


FILTERED = [
    rss_item("f1", "Budget agreed"),
    rss_item("f2", "Sponsored: buy now"),
    rss_item("f3", "An offer", path="ads/f3"),
    rss_item("f4", "Spam story", author="Spam Bot"),
    rss_item("f5", "Your stars", cat="Horoscope"),
    rss_item("f6", "Lucky night", body=EN + "Play at the casino today. "),
    rss_item("f7", "Haushalt beschlossen", body=DE),
    rss_item("f8", "global-block this"),
]
EN2 = ("A new factory for computer chips opened near the river on Friday. "
       "It will employ four hundred people, the company said, and its "
       "first wafers are due before the end of the summer. ")
KEPT = [rss_item("k1", "Chips news", body=EN2, cat="Tech"),
        rss_item("k2", "Match report", body=EN2, cat="Sports")]


def rss(items):
    return ('<?xml version="1.0"?><rss version="2.0" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
            "<title>T</title><link>http://example.org/</link>"
            "<description>d</description>%s</channel></rss>"
            % "".join(items)).encode()


class FilterHandler(FeedHandler):
    """(feedserver.py: nothing is served before the test's subscriber is
    connected.)"""

    def route(self, path, n):
        return self.send(200, rss(FILTERED if path == "/f" else KEPT),
                         [("Content-Type", "application/rss+xml")])


def case_filter(newswired, tmp):
    srv = serve(FilterHandler)
    base = srv.base
    ts.METRICS = ts.METRICS_ANY
    rules = ("block = title: ^sponsored\nblock = url: /ads/\n"
             "block = author: spam bot\nblock = category: ^horoscope$\n"
             "block = body: casino\nblock = language: de, fr\n")
    srcs = (ts.source("filtered", base + "/f", 60, extra=rules) +
            ts.source("kept", base + "/g", 60,
                      extra="keep = category: ^tech$\n") +
            "[filter]\nblock = title: ^global-block\n")
    d, sub, conf = ts.start(newswired, tmp,
                            lambda pub: ts.base_conf(tmp, pub) + srcs)
    mport = d.metrics_port()
    srv.state["go"].set()
    try:
        def titles(src):
            return sorted(e["title"] for _, e in
                          sub.messages("article.new." + src))

        def blocked():
            try:
                return ts.metrics_text(mport)
            except OSError:
                return ""
        check(sub.wait(lambda: 'newswire_entries_blocked_total'
                       '{source="filtered"} 7' in blocked() and
                       'newswire_entries_blocked_total{source="kept"} 1'
                       in blocked(), 30),
              "7 and 1 blocked in /metrics: %s" % [
                  l for l in blocked().splitlines() if "blocked" in l])
        sub.settle(1)
        check(titles("filtered") == ["Budget agreed"],
              "filtered: only the clean entry: %s" % titles("filtered"))
        check(titles("kept") == ["Chips news"],
              "kept: only the Tech entry: %s" % titles("kept"))
        log = d.logtext()
        for why in ("f2 blocked: title: ^sponsored", "f3 blocked: url: /ads/",
                    "f4 blocked: author: spam bot",
                    "f5 blocked: category: ^horoscope$",
                    "f6 blocked: body: casino",
                    "f7 blocked: language: de, fr",
                    "f8 blocked: title: ^global-block",
                    "k2 blocked: no keep rule matched"):
            check(why in log, "logged at debug: %s" % why)
    finally:
        check(d.stop() == 0, "clean exit")
        sub.close()
        srv.shutdown()
    return 0


SECRET = "s3cret-Pa55"
COOKIE_SECRET = "sessionid=c00kie-T0ken"


class AuthHandler(FeedHandler):
    def route(self, path, n):
        import base64
        st = self.server.state
        want = "Basic " + base64.b64encode(
            ("ann:" + SECRET).encode()).decode()
        with st["lock"]:
            st["seen"].append((self.path, self.headers.get("Authorization"),
                               self.headers.get("Cookie")))
        ok = ((self.path == "/auth" and
               self.headers.get("Authorization") == want) or
              (self.path == "/cookie" and
               self.headers.get("Cookie") == COOKIE_SECRET))
        if not ok:
            return self.send(401, b"no\n", [("WWW-Authenticate",
                                              'Basic realm="feeds"')])
        return self.send(200, rss([rss_item(
            self.path[1:] + "1", "Entry of " + self.path[1:],
            body=EN if self.path == "/auth" else EN2)]),
            [("Content-Type", "application/rss+xml")])


def case_auth(newswired, tmp):
    srv = serve(AuthHandler, new_state(seen=[]))
    base = srv.base
    ts.METRICS = ts.METRICS_ANY
    write(os.path.join(tmp, "pw"), SECRET + "\n")
    write(os.path.join(tmp, "badpw"), "Wr0ngPa55\n")
    write(os.path.join(tmp, "cookie"), COOKIE_SECRET + "\n")
    srcs = (ts.source("auth", base + "/auth", 60,
                      extra="username = ann\npassword_file = %s/pw\n"
                      "proxy = none\n" % tmp) +
            ts.source("wrongpw", base + "/auth", 60,
                      extra="username = ann\npassword_file = %s/badpw\n"
                      % tmp) +
            ts.source("cookie", base + "/cookie", 60,
                      extra="cookie_file = %s/cookie\n" % tmp) +
            # relative to the configuration's folder
            ts.source("relpw", base + "/auth", 60,
                      extra="username = ann\npassword_file = pw\n"))
    # relative to the folder of the source file that names it
    write(os.path.join(tmp, "sources.d", "rel.conf"),
          ts.source("relcookie", base + "/cookie", 60,
                    extra="cookie_file = rel-cookie\n"))
    write(os.path.join(tmp, "sources.d", "rel-cookie"), COOKIE_SECRET + "\n")
    d, sub, conf = ts.start(newswired, tmp,
                            lambda pub: ts.base_conf(tmp, pub) + srcs)
    mport = d.metrics_port()
    srv.state["go"].set()
    try:
        def art(name):
            # relpw and auth (relcookie and cookie) read the same entry:
            # whichever comes first is new, the other a duplicate
            return [t for t, _ in sub.events if t.startswith("article.")
                    and t.endswith("." + name)]
        check(sub.wait(lambda: art("auth") and art("cookie") and
                       sub.messages("source.error.wrongpw") and
                       art("relpw") and art("relcookie"), 30),
              "auth and cookie publish, wrongpw fails: %s" %
              [t for t, _ in sub.events])
        errs = sub.messages("source.error.wrongpw")
        text = str(errs)
        check("401" in text and "refused the credentials" in text and
              "username ann" in text, "a clear source.error: %s" % text)
        sub.settle(1)
        try:
            metrics = ts.metrics_text(mport)
        except OSError:
            metrics = ""
        everything = d.logtext() + str(sub.events) + metrics
        for secret in (SECRET, "Wr0ngPa55", "c00kie-T0ken"):
            check(secret not in everything,
                  "secret %s never logged, published or counted" % secret)
        with srv.state["lock"]:
            seen = list(srv.state["seen"])
        check(any(p == "/cookie" and c == COOKIE_SECRET
                  for p, a, c in seen), "the cookie reached the server")
        check(all(c is None for p, a, c in seen if p != "/cookie"),
              "the cookie went to its source only")
        check(not sub.messages("source.error.relpw") and
              not sub.messages("source.error.relcookie"),
              "relative secret files read from the right folders")
    finally:
        check(d.stop() == 0, "clean exit")
        sub.close()
        srv.shutdown()
    # --check-config names a missing secret file, and not a secret
    write(conf, "[daemon]\nstate = %s/state\n[inbox]\npath = %s/inbox\n"
          '[source "x"]\nurl = https://example.com/\nusername = ann\n'
          "password_file = %s/nope\nproxy = ftp://p\n" % (tmp, tmp, tmp))
    p = subprocess.run([newswired, "--check-config", "-c", conf],
                       capture_output=True, text=True, timeout=20)
    check(p.returncode == 1 and "nope" in p.stderr and
          "proxy: 'ftp://p'" in p.stderr, "check-config: %s" % p.stderr)
    return 0


def case_rollback(newswired, tmp):
    """A turn that rolls back after an entry was blocked: the entry stays
    pending and is not counted; the next start finishes and counts it.
    The fault is real: a trigger the test adds to the daemon's own
    database refuses to mark entry f2 done while it is armed."""
    import sqlite3
    srv = serve(FilterHandler)
    base = srv.base
    ts.METRICS = ts.METRICS_ANY
    # a first start makes the tables; then the fault goes in
    d, sub, conf = ts.start(newswired, tmp, lambda pub: ts.base_conf(
        tmp, pub))
    check(d.stop() == 0, "clean exit")
    sub.close()
    dbpath = os.path.join(tmp, "state", "newswire.db")
    db = sqlite3.connect(dbpath, timeout=10, isolation_level=None)
    db.executescript(
        "CREATE TABLE nw_test_fault (key TEXT);"
        "INSERT INTO nw_test_fault VALUES ('f2');"
        "CREATE TRIGGER nw_test_fault BEFORE UPDATE OF pending ON "
        "feed_entries WHEN NEW.pending = 0 AND NEW.key IN "
        "(SELECT key FROM nw_test_fault) "
        "BEGIN SELECT RAISE(ABORT, 'injected fault'); END;")
    src = ts.source("filtered", base + "/f", 60,
                    extra="block = title: ^sponsored\n"
                    "block = url: /ads/\n")

    def blocked():
        try:
            text = ts.metrics_text(mport)
        except OSError:
            return None
        key = 'newswire_entries_blocked_total{source="filtered"} '
        for ln in text.splitlines():
            if ln.startswith(key):
                return int(ln[len(key):])
        return 0

    def pending(key):
        row = db.execute("SELECT pending FROM feed_entries WHERE source = "
                         "'filtered' AND key = ?", (key,)).fetchone()
        return row[0] if row else None

    d, sub, conf = ts.start(newswired, tmp,
                            lambda pub: ts.base_conf(tmp, pub) + src)
    mport = d.metrics_port()
    srv.state["go"].set()
    try:
        check(sub.wait(lambda: "injected fault" in d.logtext() and
                       "rolled back" in d.logtext(), 30),
              "the turn with f2 rolled back")
        sub.settle(2)
        check(pending("f2") == 1, "f2 still pending: %r" % pending("f2"))
        done = db.execute(
            "SELECT count(*) FROM feed_entries WHERE source = 'filtered' "
            "AND pending = 0 AND key IN ('f2', 'f3')").fetchone()[0]
        check(blocked() == done, "blocked counts the committed only: "
              "%r counted, %d committed" % (blocked(), done))
    finally:
        check(d.stop() == 0, "clean exit")
        sub.close()
    db.execute("DELETE FROM nw_test_fault")
    d, sub, conf = ts.start(newswired, tmp,
                            lambda pub: ts.base_conf(tmp, pub) + src)
    mport = d.metrics_port()
    try:
        check(sub.wait(lambda: pending("f2") == 0, 20),
              "f2 finished by the next start")
        check(sub.wait(lambda: blocked() == 1 + (1 - done), 10),
              "and counted then: %r" % blocked())
    finally:
        check(d.stop() == 0, "clean exit")
        sub.close()
        srv.shutdown()
        db.close()
    return 0


PAGE_TEXT = {
    "tls": "The ferry company said on Monday that the new boat would carry "
           "three hundred cars and sail twice a day between the islands. ",
    "proxied": "Farmers at the valley cooperative reported the best apple "
               "harvest in a decade, with cider presses running all night. ",
}


class PagesHandler(FilterHandler):
    """A feed whose entry links to a page on the same server. Requests in
    absolute form (GET http://...) came through a proxy: this server is
    its own forward proxy, as test_http.py's is."""

    def do_GET(self):
        self.server.go.wait(30)
        path = self.path
        proxied = path.startswith("http://")
        if proxied:
            path = "/" + path.split("/", 3)[3]
        with self.server.lock:
            self.server.seen.append((path, proxied))
        scheme = "https" if self.server.tls else "http"
        base = "%s://127.0.0.1:%d" % (scheme, self.server.server_address[1])
        name = "tls" if self.server.tls else "proxied"
        if path == "/feed":
            body = rss(['<item><guid>%s1</guid><title>Feed title</title>'
                        "<link>%s/page/1</link><description>short"
                        "</description></item>" % (name, base)])
            ctype = "application/rss+xml"
        elif path == "/page/1":
            body = ("<!DOCTYPE html><html lang=en><head><title>Page of %s"
                    "</title></head><body><article><h1>Page of %s</h1>%s"
                    "</article></body></html>" % (name, name, "".join(
                        "<p>%s</p>" % (PAGE_TEXT[name] * 3)
                        for _ in range(5)))).encode()
            ctype = "text/html"
        else:
            body, ctype = b"no", "text/plain"
        self.send_response(200 if body != b"no" else 404)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def case_pages(newswired, tmp):
    """proxy and insecure apply to the entries' pages, not only the feed:
    a source behind a proxy has its page fetched through it, and one on a
    self-signed TLS server with insecure = yes has its page fetched."""
    import shutil as sh
    import ssl
    openssl = sh.which("openssl")
    if not openssl:
        print("SKIP: no openssl command to make a test certificate")
        return 77
    key, cert = os.path.join(tmp, "k.pem"), os.path.join(tmp, "c.pem")
    subprocess.run([openssl, "req", "-x509", "-newkey", "rsa:2048",
                    "-nodes", "-keyout", key, "-out", cert, "-days", "1",
                    "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, capture_output=True, timeout=30)
    servers = []
    for tls in (True, False):
        srv = ThreadingHTTPServer(("127.0.0.1", 0), PagesHandler)
        srv.daemon_threads = True
        srv.go = ts.threading.Event()
        srv.lock = ts.threading.Lock()
        srv.seen = []
        srv.tls = tls
        srv.handle_error = lambda *a: None
        if tls:
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            ctx.load_cert_chain(cert, key)
            srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
        ts.threading.Thread(target=srv.serve_forever, daemon=True).start()
        servers.append(srv)
    tls_srv, plain = servers
    tbase = "https://127.0.0.1:%d" % tls_srv.server_address[1]
    pbase = "http://127.0.0.1:%d" % plain.server_address[1]
    srcs = (ts.source("tls", tbase + "/feed", 60, pages=True,
                      extra="insecure = yes\n") +
            ts.source("proxied", pbase + "/feed", 60, pages=True,
                      extra="proxy = %s\n" % pbase))
    d, sub, conf = ts.start(newswired, tmp,
                            lambda pub: ts.base_conf(tmp, pub) + srcs)
    for srv in servers:
        srv.go.set()
    try:
        check(sub.wait(lambda: sub.messages("article.new.tls") and
                       sub.messages("article.new.proxied"), 30),
              "both publish: %r" % [t for t, _ in sub.events])
        sub.settle(1)
        for name in ("tls", "proxied"):
            arts = sub.messages("article.new." + name)
            ev = arts[0][1] if arts else {}
            check(ev.get("source", {}).get("kind") == "page" and
                  ev.get("title") == "Page of " + name,
                  "%s: from its page: %r %r" % (name, ev.get("source"),
                                                ev.get("title")))
        check(not sub.messages("source.error"), "no error: %r" %
              [e.get("error") for _, e in sub.messages("source.error")])
        with plain.lock:
            seen = list(plain.seen)
        check(("/page/1", True) in seen and
              all(proxied for _, proxied in seen),
              "the feed and the page through the proxy: %r" % seen)
        with tls_srv.lock:
            seen = list(tls_srv.seen)
        check(("/page/1", False) in seen, "the TLS page fetched: %r" % seen)
        check("insecure = yes: the TLS peer of %s/feed" % tbase
              in d.logtext(), "insecure warned")
    finally:
        check(d.stop() == 0, "clean exit")
        sub.close()
        for srv in servers:
            srv.shutdown()
    return 0


CASES = {"check": case_check, "dir": case_dir, "filter": case_filter,
         "auth": case_auth, "rollback": case_rollback, "pages": case_pages}


def main():
    newswired, ts.SHARED, ts.SCHEMA, case = sys.argv[1:5]
    ts.NEWSWIRE = os.path.join(os.path.dirname(os.path.dirname(
        os.path.abspath(newswired))), "cli", "newswire")
    tmp = tempfile.mkdtemp(prefix="nw-srcfiles-")
    ts.metrics_key(newswired, tmp)
    rc = CASES[case](newswired, tmp)
    if failures:
        try:
            print(open(os.path.join(tmp, "daemon.log")).read()[-6000:])
        except OSError:
            pass
        return verdict(tmp)
    shutil.rmtree(tmp, ignore_errors=True)
    return verdict(rc=rc)


if __name__ == "__main__":
    sys.exit(main())
