#!/usr/bin/python3
"""newswire opml import / export, the real CLI and daemon (issue 15).

usage: test_opml.py NEWSWIRE NEWSWIRED

A subscription list like the ones readers export (Feedly, Inoreader,
NetNewsWire): OPML 2.0 with folders nested two deep, category attributes,
escaped characters, two feeds of the same title, a feed with no title, a
feed whose xmlUrl is not http (skipped), and an external entity that must
not be read. Imported into sources.d/, checked by newswired --check-config,
exported and imported again: the same sources come back. An OPML 1.0 list
of text-only outlines imports too.
"""
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "lib"))
from nwtest import check, failures, verdict  # noqa: E402

OPML = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE opml [<!ENTITY leak SYSTEM "file:///etc/passwd">]>
<opml version="2.0">
  <head><title>My subscriptions &leak;</title></head>
  <body>
    <outline text="News" title="News">
      <outline text="World" title="World">
        <outline type="rss" text="BBC News - World" title="BBC News - World"
          xmlUrl="https://feeds.bbci.co.uk/news/world/rss.xml"
          htmlUrl="https://www.bbc.co.uk/news/world"/>
        <outline type="rss" text="Al Jazeera" title="Al Jazeera"
          xmlUrl="https://www.aljazeera.com/xml/rss/all.xml"
          htmlUrl="https://www.aljazeera.com/" category="/Middle East,/Wires"/>
      </outline>
      <outline type="rss" text="Le Monde &amp; Cie" title="Le Monde &amp; Cie"
        xmlUrl="https://www.lemonde.fr/rss/une.xml?a=1&amp;b=2"
        htmlUrl="https://www.lemonde.fr/"/>
    </outline>
    <outline title="Tech">
      <outline type="rss" text="Ars Technica" title="Ars Technica"
        xmlUrl="https://feeds.arstechnica.com/arstechnica/index"
        htmlUrl="https://arstechnica.com"/>
      <outline type="rss" text="Ars Technica" title="Ars Technica"
        xmlUrl="https://feeds.arstechnica.com/arstechnica/science"/>
      <outline type="rss" text="" xmlUrl="https://blog.example.org/feed/"/>
      <outline type="rss" text="Old gopher" xmlUrl="gopher://x.example/1"/>
      <outline type="rss" text="Leak" xmlUrl="https://leak.example/feed"/>
    </outline>
    <outline type="rss" text="Süddeutsche ; Zeitung" title="Süddeutsche ; Zeitung"
      xmlUrl="https://rss.sueddeutsche.de/rss/Topthemen" category="Germany"/>
  </body>
</opml>
"""

OPML1 = """<?xml version="1.0"?>
<opml version="1.0"><head><title>old</title></head><body>
<outline text="Scripting News" type="rss"
  xmlUrl="http://scripting.com/rss.xml"/>
</body></opml>
"""

WANT = {
    "bbc-news-world": ("https://feeds.bbci.co.uk/news/world/rss.xml",
                       "BBC News - World", "https://www.bbc.co.uk/news/world",
                       ["News/World"]),
    "al-jazeera": ("https://www.aljazeera.com/xml/rss/all.xml", "Al Jazeera",
                   "https://www.aljazeera.com/",
                   ["News/World", "Middle East", "Wires"]),
    "le-monde-cie": ("https://www.lemonde.fr/rss/une.xml?a=1&b=2",
                     "Le Monde & Cie", "https://www.lemonde.fr/", ["News"]),
    "ars-technica": ("https://feeds.arstechnica.com/arstechnica/index",
                     "Ars Technica", "https://arstechnica.com", ["Tech"]),
    "ars-technica-2": ("https://feeds.arstechnica.com/arstechnica/science",
                       "Ars Technica", None, ["Tech"]),
    "blog-example-org-feed": ("https://blog.example.org/feed/", None, None,
                              ["Tech"]),
    "leak": ("https://leak.example/feed", "Leak", None, ["Tech"]),
    "s-ddeutsche-zeitung": ("https://rss.sueddeutsche.de/rss/Topthemen",
                            "Süddeutsche , Zeitung", None, ["Germany"]),
}


def sources(text):
    """{name: (url, title, site, [category])} of INI text (multi-valued
    category read by hand: configparser keeps the last)."""
    out = {}
    cur = None
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("[source"):
            cur = line.split('"')[1]
            out[cur] = {"url": None, "title": None, "site": None,
                        "category": []}
        elif cur and " = " in line:
            k, v = line.split(" = ", 1)
            if k == "category":
                out[cur]["category"].append(v)
            else:
                out[cur][k] = v
    return {n: (s["url"], s["title"], s["site"], s["category"])
            for n, s in out.items()}


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, timeout=20,
                          **kw)


def main():
    newswire, newswired = sys.argv[1:3]
    tmp = tempfile.mkdtemp(prefix="nw-opml-")
    opml = os.path.join(tmp, "subs.opml")
    with open(opml, "w") as f:
        f.write(OPML)
    p = run([newswire, "opml", "import", opml])
    check(p.returncode == 0, "import: %d %s" % (p.returncode, p.stderr))
    check("passwd" not in p.stdout and "root:" not in p.stdout,
          "no entity read")
    check("gopher" in p.stderr and "gopher" not in p.stdout,
          "the gopher feed skipped: %s" % p.stderr)
    got = sources(p.stdout)
    check(got == WANT, "imported:\n%r\nwant\n%r" % (got, WANT))
    os.makedirs(os.path.join(tmp, "sources.d"))
    with open(os.path.join(tmp, "sources.d", "imported.conf"), "w") as f:
        f.write(p.stdout)
    conf = os.path.join(tmp, "newswired.conf")
    with open(conf, "w") as f:
        f.write("[daemon]\nstate = %s/state\n[inbox]\npath = %s/inbox\n"
                '[source "own"]\nurl = https://own.example/feed.xml\n'
                '[source "maps"]\nkind = sitemap\n'
                "url = https://own.example/sitemap.xml\n"
                '[source "found"]\nsite = https://found.example/\n'
                % (tmp, tmp))
    p = run([newswired, "--check-config", "-c", conf])
    check(p.returncode == 0 and "11 source(s)" in p.stdout,
          "check-config: %s %s" % (p.stdout, p.stderr))
    p = run([newswire, "opml", "export", conf])
    check(p.returncode == 0 and 'version="2.0"' in p.stdout,
          "export: %s" % p.stderr)
    out = os.path.join(tmp, "out.opml")
    with open(out, "w") as f:
        f.write(p.stdout)
    p = run([newswire, "opml", "import", out])
    again = sources(p.stdout)
    want = dict(WANT)
    want["own"] = ("https://own.example/feed.xml", "own", None, [])
    # a sitemap source comes back one; a site = source has no feed to
    # export
    want["maps"] = ("https://own.example/sitemap.xml", "maps", None, [])
    check('[source "maps"]\nurl = https://own.example/sitemap.xml\n'
          "kind = sitemap\n" in p.stdout, "the sitemap kept its kind")
    # an untitled source is exported with its name as the title
    want["blog-example-org-feed"] = ("https://blog.example.org/feed/",
                                     "blog-example-org-feed", None, ["Tech"])
    check(again == want, "round trip:\n%r\nwant\n%r" % (again, want))
    with open(opml, "w") as f:
        f.write(OPML1)
    p = run([newswire, "opml", "import", opml])
    check(p.returncode == 0 and sources(p.stdout) == {
        "scripting-news": ("http://scripting.com/rss.xml", "Scripting News",
                           None, [])}, "OPML 1.0: %s" % p.stdout)
    with open(opml, "w") as f:
        f.write("<opml><body><outline")
    p = run([newswire, "opml", "import", opml])
    check(p.returncode == 1 and "not well-formed" in p.stderr,
          "broken XML refused")
    if not failures:
        shutil.rmtree(tmp, ignore_errors=True)
    return verdict(tmp)


if __name__ == "__main__":
    sys.exit(main())
