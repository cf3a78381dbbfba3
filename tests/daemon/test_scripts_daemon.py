#!/usr/bin/python3
"""Pages in other charsets and scripts through the daemon (issue 13): the
pages of tests/lib/scripts_pages.py (windows-1251, GBK, Shift_JIS and
ISO-8859-2 without a declared charset; Arabic, Chinese, Hebrew, Greek,
Danish, Romanian) dropped into a running newswired's inbox, and the same
pages fetched over HTTP as a feed's entry pages (fetch_pages = yes) served
as text/html without a charset; one Western page more, in ISO-8859-15,
whose charset only the Content-Type header names (its euro sign, 0xA4, is
'¤' in windows-1252, what an undeclared Western page is read as). Every
published event has the page's headline (inbox), its language, and its
body from the page's first paragraph, with no replacement character.

usage: test_scripts_daemon.py NEWSWIRED
"""
import os
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
for _d in ("lib", "ops"):
    sys.path.insert(0, os.path.join(HERE, "..", _d))
from feedserver import FeedHandler, serve  # noqa: E402
from nwtest import Sub, check, failures, verdict  # noqa: E402
from opslib import Daemon, cleanup, drop  # noqa: E402
from scripts_pages import CASES, first_paragraph, page  # noqa: E402

EURO_PARAS = [
    "Der Strompreis steigt im Januar um 4 € je Megawattstunde, wie der "
    "Versorger am Montag mitteilte. Haushalte zahlen damit im Schnitt "
    "rund 60 € mehr im Jahr als bisher.",
    "Die Verbraucherzentrale kritisierte die Erhöhung und riet, die "
    "Tarife der Anbieter in der Region zu vergleichen."]
EURO = page("Strompreise steigen im Winter", EURO_PARAS, lang="de")
# name -> (bytes, Content-Type, language) of the pages served over HTTP
PAGES = {name: (data, "text/html", lang) for name, data, lang, _ in CASES}
PAGES["de-latin9.html"] = (EURO.encode("iso-8859-15"),
                           "text/html; charset=ISO-8859-15", "de")


class Handler(FeedHandler):
    def route(self, path, n):
        if path == "/feed":
            return self.feed(['<item><guid>%s</guid><title>Page %s</title>'
                              "<link>http://%s/p/%s</link></item>"
                              % (name, name, self.headers.get("Host"), name)
                              for name in sorted(PAGES)])
        name = path[len("/p/"):]
        if path.startswith("/p/") and name in PAGES:
            data, ctype, _ = PAGES[name]
            return self.send(200, data, [("Content-Type", ctype)])
        return self.send(404, b"no\n")


def check_event(ev, name, lang, para, title=None):
    where = "%s (%s)" % (name, ev["source"]["kind"])
    if title is not None:
        check(ev["title"] == title, "%s: title %r" % (where, ev["title"]))
    check(ev["lang"] == lang, "%s: lang %r, not %r" % (where, ev["lang"],
                                                       lang))
    check("\ufffd" not in ev["body"] and "\ufffd" not in ev["title"],
          "%s: no replacement character" % where)
    check(ev["body"].startswith(para[:20]),
          "%s: the body opens with the page's first paragraph: %r"
          % (where, ev["body"][:60]))


def main():
    newswired = sys.argv[1]
    tmp = tempfile.mkdtemp(prefix="nw-scripts-d-")
    inbox = os.path.join(tmp, "inbox")
    os.makedirs(inbox)
    srv = serve(Handler)    # answers once the subscriber listens
    conf = os.path.join(tmp, "newswired.conf")
    with open(conf, "w") as f:
        f.write("[inbox]\npath = %s\nsource_name = box\n"
                "[daemon]\nstate = %s/state\nworkers = 2\n"
                "log_level = info\nmetrics =\n"
                "[publish]\nendpoint = tcp://127.0.0.1:*\nheartbeat = 1\n"
                "replay = tcp://127.0.0.1:*\n"
                "[http]\nhost_delay = 0\njitter = 0\n"
                '[source "web"]\nurl = %s/feed\ninterval = 60\n'
                "fetch_pages = yes\n" % (inbox, tmp, srv.base))
    logp = os.path.join(tmp, "daemon.log")
    sub = Sub()
    d = Daemon(newswired, conf, logp)
    check(sub.connect(d.pub_port()), "the log says the publish port")
    try:
        # PUB drops what comes before the subscription is through
        check(sub.wait(lambda: sub.beats, 20, d.alive), "a heartbeat")
        srv.state["go"].set()
        for name, data, _, _ in CASES:
            drop(tmp, inbox, name, data)
        got = sub.wait(lambda: len(sub.topics("article.")) >=
                       len(CASES) + len(PAGES), 60, d.alive)
        check(got, "an event for each of %d files and %d pages: %r"
              % (len(CASES), len(PAGES), [t for t, _ in sub.events]))
    finally:
        sub.close()
        rc = d.stop()
        srv.shutdown()
    check(rc == 0, "clean stop, rc %r" % rc)
    # a page seen from both sources is new from one and a duplicate
    # from the other: either event carries the whole article
    box = {os.path.basename(e["source"]["uri"]): e for t, e in sub.events
           if t.startswith("article.") and t.endswith(".box")}
    web = {e["url"].rsplit("/", 1)[-1]: e for t, e in sub.events
           if t.startswith("article.") and t.endswith(".web")}
    for name, data, lang, title in CASES:
        if check(name in box, "%s: published from the inbox" % name):
            check_event(box[name], name, lang, first_paragraph(name, data),
                        title)
    for name, (data, ctype, lang) in sorted(PAGES.items()):
        para = EURO_PARAS[0] if name == "de-latin9.html" else \
            first_paragraph(name, data)
        if check(name in web, "%s: published from its page" % name):
            check_event(web[name], name, lang, para)
    if "de-latin9.html" in web:
        check("um 4 € je" in web["de-latin9.html"]["body"],
              "the Content-Type's charset reads 0xA4 as the euro sign")
    log = open(logp, errors="replace").read()
    check("runtime error" not in log and "Sanitizer" not in log,
          "no sanitizer report in the daemon's log")
    if failures:
        print(log[-3000:])
        return verdict(tmp)
    cleanup(tmp)
    print("%d files, %d pages" % (len(box), len(web)))
    return verdict()


if __name__ == "__main__":
    sys.exit(main())
