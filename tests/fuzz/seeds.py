#!/usr/bin/python3
"""Writes the fuzz targets' seed inputs into OUT/<target>/ at run time.

  seeds.py seeds SHARED OUT   seeds from ../shared (pages, dumps, feeds,
                              dates) and the repository's config files,
                              plus the small hostile inputs
  seeds.py hostile OUT        the hostile inputs only, large ones included

Nothing from ../shared is ever copied into the repository: this runs into
a temporary folder. The hostile inputs are made here, deterministically:
HTML nested 100,000 levels deep, a page of a million links, XML entity
expansion bombs, external entities (file and network), invalid UTF-8 and
NUL bytes, for every target that reads such input.
"""
import gzip
import itertools
import json
import os
import shutil
import subprocess
import sys

TARGETS = ("html", "text", "pipeline", "date", "feed", "sitemap", "config",
           "replay")
REPO = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))


def put(out, target, name, data):
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def shared_seeds(shared, out):
    # pages: the two corpora, decompressed
    n = 0
    for corpus in ("aeb-dev", "trafeval-dev"):
        d = os.path.join(shared, "corpus", corpus, "html")
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            if not name.endswith(".gz"):
                continue
            with gzip.open(os.path.join(d, name)) as f:
                page = f.read()
            base = name[:-3]
            put(out, "html", base, page)
            # every third page also seeds the whole pipeline
            if n % 3 == 0:
                put(out, "pipeline", base, page)
            n += 1
    # text dumps: the samples, and some pages dumped by w3m when it is here
    w3m = shutil.which("w3m")
    hdir = os.path.join(out, "html")
    pages = sorted(os.listdir(hdir)) if w3m and os.path.isdir(hdir) else []
    for name in pages[::12]:
        try:
            r = subprocess.run([w3m, "-dump", "-T", "text/html", "-cols",
                                "100", "-O", "UTF-8",
                                os.path.join(hdir, name)],
                               capture_output=True, timeout=20)
        except subprocess.TimeoutExpired:
            continue
        if r.returncode == 0 and r.stdout:
            put(out, "text", name + ".txt", r.stdout)
    d = os.path.join(shared, "samples")
    for name in sorted(os.listdir(d)) if os.path.isdir(d) else []:
        if name.endswith(".txt"):
            with open(os.path.join(d, name), "rb") as f:
                data = f.read()
            put(out, "text", name, data)
            put(out, "pipeline", name, data)
    # feeds: inputs only (the .json files beside .xml ones are gofeed's
    # expected output; parser/json/ holds JSON Feed inputs)
    feeds = os.path.join(shared, "feeds")
    for root, _dirs, files in os.walk(feeds):
        for name in sorted(files):
            path = os.path.join(root, name)
            rel = os.path.relpath(path, feeds).replace("/", "_")
            ext = name.rsplit(".", 1)[-1]
            is_input = ext in ("xml", "rss", "atom") or (
                ext == "json" and "/parser/json" in path and
                not os.path.exists(path[:-5] + ".xml"))
            if is_input:
                with open(path, "rb") as f:
                    put(out, "feed", rel, f.read())
    # dates
    path = os.path.join(feeds, "dates.jsonl")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for i, line in enumerate(f):
                put(out, "date", "dates-%03d" % i,
                    json.loads(line)["input"])
    # replay requests as the CLI sends them
    put(out, "replay", "tail", b'{"from":1,"to":100,"topics":["article."]}')
    # configuration files of the repository
    d = os.path.join(REPO, "config")
    for name in sorted(os.listdir(d)) if os.path.isdir(d) else []:
        if name.endswith(".conf"):
            with open(os.path.join(d, name), "rb") as f:
                put(out, "config", name, f.read())


BOMB = """<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY a0 "lollollollollollollollollollol">
%s
]>
<rss version="2.0"><channel><title>&a%d;</title>
<item><title>&a%d;</title><description>&a%d;</description></item>
</channel></rss>
"""


def bomb(levels):
    decl = "\n".join(' <!ENTITY a%d "%s">' % (i, ("&a%d;" % (i - 1)) * 10)
                     for i in range(1, levels + 1))
    return BOMB % (decl, levels, levels, levels)


XXE = """<?xml version="1.0"?>
<!DOCTYPE feed [
 <!ENTITY file SYSTEM "file:///etc/passwd">
 <!ENTITY net SYSTEM "http://127.0.0.1:9/x">
 <!ENTITY %% pe SYSTEM "http://127.0.0.1:9/evil.dtd"> %%pe;
]>
<feed xmlns="http://www.w3.org/2005/Atom"><title>&file;</title>
<entry><title>&net;</title><id>x</id>%s</entry></feed>
"""

QUADRATIC = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY big "%s">]>
<rss version="2.0"><channel><title>t</title><item><description>%s
</description></item></channel></rss>
"""


SM_NS = ('xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
         'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"')


def sitemap_seeds(out):
    """Sitemaps of each kind: ../shared has none, so they are written
    here."""
    urlset = ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset %s>\n' % SM_NS
              + "".join('<url><loc>https://news.example.com/a/%d.html</loc>'
                        '<lastmod>2024-01-%02dT10:00:00+01:00</lastmod>'
                        '<changefreq>daily</changefreq></url>\n'
                        % (i, i + 1) for i in range(5)) + "</urlset>\n")
    put(out, "sitemap", "urlset.xml", urlset)
    put(out, "sitemap", "urlset.xml.gz", gzip.compress(urlset.encode(), 9))
    put(out, "sitemap", "index.xml",
        '<?xml version="1.0"?><sitemapindex %s>' % SM_NS +
        "".join("<sitemap><loc>https://news.example.com/sm-%d.xml.gz</loc>"
                "<lastmod>2024-02-0%d</lastmod></sitemap>" % (i, i + 1)
                for i in range(3)) + "</sitemapindex>")
    put(out, "sitemap", "news.xml",
        '<?xml version="1.0"?><urlset %s><url>'
        "<loc>https://news.example.com/business/article55.html</loc>"
        "<news:news><news:publication><news:name>The Example Times"
        "</news:name><news:language>en</news:language></news:publication>"
        "<news:publication_date>2008-12-23</news:publication_date>"
        "<news:title>Companies A, B in Merger Talks</news:title>"
        "</news:news></url></urlset>" % SM_NS)
    put(out, "sitemap", "no-namespace.xml",
        "<urlset><url><loc> /relative &amp; spaced </loc>"
        "<lastmod>yesterday</lastmod></url><url></url></urlset>")


def small_hostile(out):
    """Small hostile inputs: also fine as fuzzing seeds."""
    sm_bomb = bomb(9).replace("<rss version=\"2.0\"><channel>",
                              "<urlset><url><loc>").replace(
        "</channel></rss>", "</loc></url></urlset>")
    put(out, "sitemap", "hostile-bomb-9.xml", sm_bomb)
    put(out, "sitemap", "hostile-xxe.xml",
        '<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY f SYSTEM '
        '"file:///etc/passwd"><!ENTITY n SYSTEM "http://127.0.0.1:9/x">]>'
        "<urlset><url><loc>&f;</loc><lastmod>&n;</lastmod></url></urlset>")
    put(out, "sitemap", "hostile-gzip-bad", b"\x1f\x8b\x08\x00" + b"\xff" * 64)
    put(out, "sitemap", "hostile-utf8-nul.xml",
        b"<urlset><url><loc>https://x/\xff\xfe\x00a</loc><news:news>"
        b"<news:title>\xc3\x28\x00</news:title></news:news></url></urlset>")
    for t in ("feed", "pipeline", "html"):
        put(out, t, "hostile-bomb-9.xml", bomb(9))
        put(out, t, "hostile-bomb-3.xml", bomb(3))
        put(out, t, "hostile-xxe.xml", XXE % "")
        put(out, t, "hostile-quadratic.xml",
            QUADRATIC % ("x" * 10000, "&big;" * 1000))
    put(out, "feed", "hostile-xinclude.xml",
        '<?xml version="1.0"?><rss version="2.0" '
        'xmlns:xi="http://www.w3.org/2001/XInclude"><channel>'
        '<xi:include href="file:///etc/passwd" parse="text"/>'
        '<item><title>x</title></item></channel></rss>')
    put(out, "feed", "hostile-json-deep.json",
        '{"version":"https://jsonfeed.org/version/1.1","items":' +
        "[" * 5000 + "]" * 5000 + "}")
    put(out, "feed", "hostile-json-types.json",
        '{"version":"https://jsonfeed.org/version/1","title":7,'
        '"items":[{"id":[],"title":{},"date_published":1e999,'
        '"authors":[null,3,{"name":[]}],"attachments":"x","tags":[1,null]'
        '},null,"x",[]]}')
    bad_utf8 = (b"\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x28\x8c\xbc\xf8\xa1"
                b"\xa1\xa1\xa1\xed\xa0\x80\xef\xbf\xbe\xc0\xaf\xff\xfe")
    page = (b"<html><head><title>T\xff\xfe" + bad_utf8 + b"</title>"
            b"</head><body><article><h1>Head\x00line</h1><p>" +
            (b"word \x00 " + bad_utf8 + b" ") * 200 +
            b"</p></article></body></html>")
    for t in ("html", "pipeline"):
        put(out, t, "hostile-utf8-nul.html", page)
        put(out, t, "hostile-nul-only", b"\x00" * 4096)
        put(out, t, "hostile-utf16-odd", b"\xff\xfe<\x00h\x00t" + b"\x00")
    text = (b"Title line \xff\xfe\n\n" + bad_utf8 + b"\n\x00\x00\n" +
            b"By Some\x00one\n\n" + (b"Body \xc3 text \x00 goes on. " * 40)
            + b"\n\n")
    for t in ("text", "pipeline"):
        put(out, t, "hostile-utf8-nul.txt", text)
    feed = (b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0">'
            b"<channel><title>" + bad_utf8 + b"\x00</title><item><title>"
            b"a\x00b</title><pubDate>\xff\xfe Mon, 32 Foo 2004</pubDate>"
            b"</item></channel></rss>")
    put(out, "feed", "hostile-utf8-nul.xml", feed)
    put(out, "feed", "hostile-gzip-bad", b"\x1f\x8b\x08\x00" + b"\xff" * 64)
    put(out, "feed", "hostile-gzip-bomb.gz",
        gzip.compress(b"<rss>" + b" " * (64 << 20), 9))
    for i, s in enumerate([
            b"Mon, 31 Feb 2021 25:61:61 +9999",
            b"2021-13-45T99:99:99.999999999999999999Z",
            b"9999999999999999999-01-01",
            b"-2147483649-01-01T00:00:00Z",
            b"2021W537", b"2021-W99-9", b"Tue, 14 Feb 2017 05:57 XYZ\x00Z",
            b"\xff\xfe14. M\xc3rz 2021", b"2021\xe5\xb9\xb4" * 50,
            b"1" * 5000, b"Jan " * 2000 + b"2021",
            b"14 February 2017 " + b"+" * 1000]):
        put(out, "date", "hostile-%02d" % i, s)
    for i, s in enumerate([
            b"[inbox]\npath = \x00x\n",
            b"[" * 3000 + b"\n",
            b"[inbox]\nempty_grace = 99999999999999999999999\n",
            b"[daemon]\nworkers = -2147483648\n",
            b"[daemon]\nlog_level = \xff\xfe\n",
            b"[inbox]\n" + b"source_name = " + b"x" * 100000 + b"\n",
            b"[inbox]\npath\n= x\n  ;\n\xef\xbb\xbf[daemon]\n",
            b"\xef\xbb\xbf[store]\nsynchronous = full ; comment\n"]):
        put(out, "config", "hostile-%02d" % i, s)
    for i, s in enumerate([
            b'{"from":1}', b'{"from":5,"to":9,"topics":["article.new"]}',
            b'{"from":99999999999999999999999}',
            b'{"from":-9223372036854775808,"to":9223372036854775807}',
            b'{"from":1,"from":2}', b'{"from":1.5}', b'{"from":"1"}',
            b'{"from":1,"topics":[' + b'"a",' * 16 + b'"b"]}',
            b'{"from":1,"topics":[1]}', b'{"from":1,"x":' + b"[" * 3000,
            b'{"from":1,"topics":["\\u0000"]}', b'{"' + b"k" * 5000 + b'":1}',
            b'{"from":1}\x00junk', b"\xff\xfe{}", b"[]", b"null"]):
        put(out, "replay", "hostile-%02d" % i, s)


def large_hostile(out):
    """Large hostile inputs: run whole, once each; too big to mutate."""
    deep = ("<html><body>" + "<div>" * 100000 + "<p>deep text here</p>" +
            "</div>" * 100000 + "</body></html>")
    unclosed = "<html><body>" + "<div><span><b><i>" * 25000 + "deep"
    links = ["<html><head><title>Links</title></head><body><article>"
             "<h1>A page of a million links</h1>"]
    # about 20 MB: under the pipeline's 32 MiB input limit
    links += ['<a href="/%d">%d</a>\n' % (i, i)
              for i in range(1000000)]
    links.append("</article></body></html>")
    links = "".join(links)
    # 60,000 figures: the known-image check was quadratic (5 s in gcc,
    # minutes under ASan) before html_extract kept at most 1000 images
    figures = ("<html><body><article><h1>Pictures</h1><p>" +
               "Some words of text here. " * 50 + "</p>" +
               "".join('<figure><img src="/i%d.jpg"><figcaption>c%d'
                       "</figcaption></figure>" % (i, i)
                       for i in range(60000)) + "</article></body></html>")
    # 3,000,000 lines of JSON-LD recipes (two scripts: libxml2 cuts a
    # text over 10 MB) against 240,000 paragraphs that write none of
    # them (20 MB): each element was compared with every line
    # (html_ldr_is_line()), 7.2e11 compares, over 20 minutes
    recipe = ("<html><head>" + ('<script type="application/ld+json">'
              '{"@type":"Recipe","recipeIngredient":[' +
              ",".join(['"a b"'] * 1500000) + ']}</script>') * 2 +
              "</head><body><article><h1>Steps</h1>" +
              "<p>x y</p>" * 240000 + "</article></body></html>")
    # 150,000 scripts naming ingredients (11 MB): their copies grew by
    # one pointer per realloc, quadratic wherever realloc copies (75 s
    # for 50,000 under ASan)
    scripts = ("<html><body><article><h1>Scripts</h1>" +
               '<script type="application/ld+json">'
               '{"recipeIngredient":["a b"]}</script>' * 150000 +
               "</article></body></html>")
    # round 24's teaser look (meta_in_teaser()): each element of a
    # byline's class read the links beside it or around it, the whole
    # text of a link (5 MB beside 100,000 bylines: some 20 minutes by
    # main's 5 s for 2,000 beside 1 MB), its empty elements (120,000
    # beside as many bylines: 48 s for 20,000) and its whole href (4 MB
    # around 100,000 bylines: 54 s for 20,000), and the siblings before
    # its box that are no elements (100,000 processing instructions,
    # which html_strip.c leaves, before 40,000 bylines too long to keep:
    # 46 s for 20,000); under a second each now
    page = ("<html><head><title>Teasers</title></head><body><article>"
            "<h1>A page of teasers</h1><p>" +
            "Some words of text here. " * 40 + "</p>%s</article>"
            "</body></html>")
    teaser_text = page % ("<div><a href='/other/story'>" +
                          "word " * 1000000 + "</a><div>" +
                          "<i class='byline'>By Jo Bloggs</i>" * 100000 +
                          "</div></div>")
    teaser_empty = page % ("<div><a href='/other/story'>" +
                           "<b></b>" * 120000 + "four words in here</a>"
                           "<div>" +
                           "<i class='byline'>By Jo Bloggs</i>" * 120000 +
                           "</div></div>")
    teaser_href = page % ("<a href='/x/" + "a" * 4000000 + "%20'>"
                          "<h3>A teaser's heading</h3>" +
                          "<i class='byline'>By Jo Bloggs</i>" * 100000 +
                          "</a>")
    teaser_pis = page % ("<div>" + "<?x?>" * 100000 + "<div>" +
                         ("<i class='byline'>By Jo Bloggs, " +
                          "and a byline that runs on " * 7 + "</i>") *
                         40000 + "</div></div>")
    for t in ("html", "pipeline"):
        put(out, t, "hostile-teaser-pis-100k.html", teaser_pis)
        put(out, t, "hostile-teaser-text-5m.html", teaser_text)
        put(out, t, "hostile-teaser-empty-120k.html", teaser_empty)
        put(out, t, "hostile-teaser-href-4m.html", teaser_href)
        put(out, t, "hostile-figures-60k.html", figures)
        put(out, t, "hostile-recipe-scripts-150k.html", scripts)
        put(out, t, "hostile-recipe-lines-3m.html", recipe)
        put(out, t, "hostile-nested-100k.html", deep)
        put(out, t, "hostile-unclosed-100k.html", unclosed)
        put(out, t, "hostile-million-links.html", links)
    put(out, "feed", "hostile-nested-100k.xml",
        '<?xml version="1.0"?><rss version="2.0"><channel>' +
        "<x>" * 100000 + "</x>" * 100000 + "</channel></rss>")
    put(out, "feed", "hostile-million-items.xml",
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        + "<item><title>i</title></item>" * 200000 + "</channel></rss>")
    put(out, "feed", "hostile-bomb-deep.xml", bomb(30))
    put(out, "sitemap", "hostile-gzip-bomb.gz",
        gzip.compress(b"<urlset>" + b" " * (64 << 20), 9))
    put(out, "sitemap", "hostile-nested-100k.xml",
        "<urlset>" + "<url>" * 100000 + "</url>" * 100000 + "</urlset>")
    put(out, "sitemap", "hostile-200k-urls.xml",
        "<urlset>" + "".join("<url><loc>https://x.example/%d</loc></url>"
                             % i for i in range(200000)) + "</urlset>")
    text = ("\n\n".join("Paragraph %d of a very long dump." % i
                        for i in range(200000)))
    put(out, "text", "hostile-long.txt", text)
    put(out, "text", "hostile-one-line.txt", "word " * 2000000)
    # w3m's full lines of Hangul (2.4 MB): text_segment read each line's
    # first letter with a strlen() of the rest of the dump, 5 s in gcc
    put(out, "text", "hostile-hangul-lines.txt",
        "\n".join("\uac00" * 40 for i in range(20000)) + "\n")
    # 20,000 lines of two columns side by side (text_uncolumn()), and as
    # many near copies of one line (text_near_copies())
    put(out, "text", "hostile-columns-20k.txt",
        "\n".join(("Nav %d" % i).ljust(38) + "running text " * 3
                  for i in range(20000)) + "\n")
    put(out, "text", "hostile-near-copies-20k.txt",
        "".join("Shared words of the banner one two three four five six "
                "seven. Tail %d\n\n" % i for i in range(20000)))
    put(out, "pipeline", "hostile-one-line.txt", "word " * 2000000)
    # round 25's fuzzing: 500,000 lines of photo captions over the
    # article (8 MB): text_images() compared each with every one kept
    # before it (main's binary: 28 s on 100,000 of them, some 12 minutes
    # on these); 1,000 are kept now, 4 s
    put(out, "text", "hostile-captions-500k.txt",
        "A title of the page\n\n" +
        "".join("Photo %d (AP)\n" % i for i in range(500000)) +
        "\nThis is a paragraph of the article text that runs long enough "
        "to be prose, with words enough to count as the body of the "
        "story here.\n\nThat is a paragraph of the article text that "
        "runs long enough to be prose, with words enough to count as the "
        "body of the story here.\n")
    # round 24's sentence openers: 300,000 sentences in one paragraph,
    # each opened by a capitalised word of its own. text_glued_date()
    # counted the words of the paragraph's whole tail after each full
    # stop (main's binary: 26 s on 60,000 of them as a dump, some 11
    # minutes on these), and ent_opener_speaks() walked every word of
    # the text for each opener (41 s on 60,000 in a page); 1 s each now
    openers = ["Q" + "".join(p) for p in
               itertools.product("bcdfghjklmnpqrstvwxz", repeat=5)]
    put(out, "text", "hostile-openers-300k.txt",
        "A title of the page\n\nBy Jane Doe\n\n" +
        " ".join("%s went home early." % w for w in openers[:300000]) +
        "\n")
    # and ents24b's and ents24c's checks of a name's other mentions
    # (before "said", as a possessive, after a title) walked the whole
    # text for each run: 40,000 runs took 57 s in a page; one walk now
    put(out, "pipeline", "hostile-named-runs-120k.html",
        "<html><body><article><h1>A title of the page</h1><p>By Jane "
        "Doe</p><p>" + " ".join("Then Boston %s Switch went home, said "
                                "Jane. It was a %s Commission thing, "
                                "and about 45 %ss left." % (w, w, w)
                                for w in openers[:120000]) +
        "</p></article></body></html>")
    put(out, "pipeline", "hostile-openers-250k.html",
        "<html><body><article><h1>A title of the page</h1><p>By Jane "
        "Doe</p><p>" + " ".join("%s went home early and met friends." % w
                                for w in openers[:250000]) +
        "</p></article></body></html>")
    # round 24's "economists at John Doe said" (ent_at_speaker()): each
    # of the names it gave a body's kind was looked for among all the
    # others' (ent_list_mark()): 27 s on 160,000 of them in a dump,
    # some 9 minutes on these (33 MB); sorted and searched now, 5 s
    put(out, "pipeline", "hostile-at-speakers-700k.txt",
        "Analysts see trouble ahead for the markets\n\n" +
        "\n\n".join(" ".join("Economists at John %s said that it was "
                             "so." % w for w in openers[k:k + 20])
                    for k in range(0, 700000, 20)) + "\n")
    # round 23's adjectives in -ic (ent_adjective(), which round 24's
    # predicates joined): each one-word run walked the whole text for
    # its other mentions: 23 s on 40,000 of them, some 15 minutes on
    # these; the words' mentions are gathered once per text now
    put(out, "pipeline", "hostile-adjectives-250k.txt",
        "Analysts see trouble ahead for the markets\n\n" +
        "\n\n".join(" ".join("Then %sic criticism grew in the town, "
                             "said the mayor." % w
                             for w in openers[k:k + 20])
                    for k in range(0, 250000, 20)) + "\n")
    # round 24's pitch after the text (html_ends_flow()): each small box
    # with a heading and a short link read all the boxes before it for
    # the text's last paragraph, and after it for prose: 34 s on 40,000
    # of them, over 2 minutes on these (80,000: the parser's element
    # limit); each way 100 siblings now, under a second
    pitches = ("<html><body><article><h1>A page of pitches</h1>" +
               ("<div>" + "Some words of text here that read as prose. "
                * 8 + "</div>") * 3 +
               "<div><h2>Something to Consider</h2><a href='/join'>LEARN "
               "MORE</a></div>" * 80000 + "</article></body></html>")
    for t in ("html", "pipeline"):
        put(out, t, "hostile-pitches-80k.html", pitches)
    # round 24's recipe lines (text_quantities()): 120,000 quantity lines
    # of one run, each with a unit of its own, between two paragraphs:
    # the run's units were compared pair by pair (main's binary: 58 s on
    # 40,000 of them, some 9 minutes on these), and each run's distance
    # to the region walked in full; 1 s now
    put(out, "text", "hostile-quantities-120k.txt",
        "A recipe of many lines\n\nThis is the first paragraph of the "
        "article text, long enough to be prose and count as the body.\n\n"
        + "".join("%d u%d thing\n" % (i % 999 + 1, i)
                  for i in range(120000)) +
        "\nThis is the last paragraph of the article text, long enough "
        "to be prose and count as the body of it.\n")
    # round 26's copyright owner (text_copyright_owner()): a line under
    # the body of 300,000 parts cut by " | " (2.1 MB), the body with no
    # author: each part searched the rest of the line for each of seven
    # separators, and took its strlen() (main's binary: 4 s on 60,000 of
    # them, some 100 s on these); each separator's next place is kept,
    # 0.6 s now
    put(out, "text", "hostile-copyright-parts-300k.txt",
        "A title of the page\n\n" +
        "\n\n".join("This is paragraph %d of the article text, long "
                     "enough to be prose and to count as the body of "
                     "the page." % i for i in range(6)) + "\n\n" +
        "Home | " * 300000 + "\n")
    # round 24's role inside a handle (text_has_role()): each role's word
    # in a byline's name walked back to the start of its word, and a
    # word in small letters of 300,000 "news" (1.2 MB) read back from
    # each (main's binary: 3.8 s on 40,000 of them, some 3 minutes on
    # these); the word's start is kept as the name is read, 1 s now
    put(out, "text", "hostile-role-handle-300k.txt",
        "A title of the page\n\nBy Jane x" + "news" * 300000 + "\n\n" +
        "\n\n".join("This is a paragraph of the article with enough "
                     "words to be prose number %d." % i
                     for i in range(30)) + "\n")
    # round 23's tail of a dump: a 2 MB paragraph in the region under a
    # byline, then 200 paragraphs that open with the author's name, which
    # a line under the long one holds: text_names_author() read the long
    # one for each of them with a strlen() per code point (main's binary
    # still ran at 100 s; some 50 minutes by its cost on 250 kB), 1 s now
    put(out, "text", "hostile-author-box-2m.txt",
        "Der Winter im Garten\n\nVon Lena Berg\n\n" +
        "Im Winter ruht der Garten nur scheinbar, denn unter der "
        "Schneedecke bereiten sich die Zwiebeln der Fruehblueher schon "
        "auf das Fruehjahr vor, und die Wurzeln wachsen weiter.\n\n" +
        "Wort, . ; " * 200000 + "\n\nIm Winter ruht der Garten nur "
        "scheinbar, sagt Lena, denn unter dem Schnee bereiten sich die "
        "Zwiebeln vor.\n\n" +
        "".join("Lena Berg sagt in Brief %d, der Garten ruhe im Winter, "
                "denn unter dem Schnee bereiten sich die Zwiebeln "
                "vor.\n\n" % i for i in range(200)) +
        "\u00dcber Lena\n\nIch bin Lena.\n")
    # round 23's entities: an English text's sentence of 100,000 German
    # dictionary words (4 MB): ent_de_quoted() walked the sentence for
    # each of them; a sentence of 250,000 acronyms in brackets after a
    # word ("Foo (ABC), ..."): ent_acro_place_code_form() walked it for
    # each. Main's binary still ran at 100 s on each (some 30 and 60
    # minutes by its cost on 4,000 and 5,000), 2 s now
    put(out, "pipeline", "hostile-de-quoted-sentence.txt",
        "Title\n\nBy Jane Doe\n\n" +
        "The Haus and the Messer with the Ecke der " * 100000 + ".\n")
    codes = ["".join(p) for p in
             itertools.product("ABCDEFGHIKLMNOPRSTUVWXYZ", repeat=3)]
    put(out, "pipeline", "hostile-code-list-sentence.txt",
        "Title\n\nBy Jane Doe\n\n" + "The airline said that it would "
        "add more of these routes over the next year, and that the new "
        "planes were on their way to the hub. " * 100 +
        "\n\nThe airline flies to " +
        "".join("Foo (%s), " % codes[i % len(codes)]
                for i in range(250000)) + "and more.\n")


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "seeds":
        shared_seeds(sys.argv[2], sys.argv[3])
        sitemap_seeds(sys.argv[3])
        small_hostile(sys.argv[3])
    elif len(sys.argv) == 3 and sys.argv[1] == "hostile":
        small_hostile(sys.argv[2])
        large_hostile(sys.argv[2])
    else:
        sys.exit(__doc__)
    for t in TARGETS:
        os.makedirs(os.path.join(sys.argv[-1], t), exist_ok=True)


if __name__ == "__main__":
    main()
