#!/usr/bin/python3
"""newswire extract on issue 13's entity, URL and lead-image cases, end to
end: what a page says in its metadata comes out of the real command.

- Character references left in metadata (a double-encoded author
  attribute, JSON-LD strings) are decoded with all of HTML's entities:
  "J&oslash;rgen M&aelig;rsk" is one author, "&euro;" and "&copy;" become
  their characters.
- The canonical URL, from --url or the page's <link rel=canonical>, has
  its dot segments resolved, its host lowered whole (an IDN host in its
  ASCII form), its tracking parameters and fragment dropped; two
  spellings of one URL give one id.
- The lead image (og:image, twitter:image, schema.org image) is the
  event's image when the body has none of its own, and only then; the
  TechCrunch page of the AEB corpus that the issue names gets its
  og:image.
- URLs in a page (og:image, a canonical link, an <img src>) are resolved
  against the page's URL by libcurl's URL API: a raw non-ASCII path
  ("/gr\u00f6\u00dfer.jpg") or host is percent-encoded (or put in its
  ASCII form) and kept, with --url as without (trafeval-dev d041d20a lost
  its og:image when its URL was known).
- Text taken from <meta> attributes that a page encoded twice (title,
  standfirst, site name: laprensagrafica's "asegur&amp;oacute;") is
  decoded, while an "&" of the text's own stays.

usage: test_meta_cli.py NEWSWIRE SHARED_DIR SCHEMA
"""
import gzip
import json
import os
import subprocess
import sys
import tempfile
import unittest

import jsonschema

NEWSWIRE, SHARED, SCHEMA = sys.argv[1:4]
del sys.argv[1:4]

BODY = ("<p>The harbour authority said on Monday that the new container "
        "terminal would open next spring, after three years of building "
        "work and a long dispute over the cost.</p>"
        "<p>Shipping lines have asked for lower fees during the first year, "
        "and the port says it will decide on them before the summer. The "
        "city council backs the plan.</p>"
        "<p>Unions want guarantees for the dock workers whose jobs move to "
        "the new quay, and talks are to resume next week.</p>")

# trafeval-dev pages: an og:image with a raw "größer" in its path, and
# <meta>s encoded twice
GAMESTAR = "d041d20a0bc04fdf8cef73f750f20bf6.html.gz"
PRENSA = "laprensagrafica.com.fiscal.html.gz"

# the AEB page of TechCrunch with an og:image and no picture in its body
TECHCRUNCH = ("1ace8c85aaee21b9d4505eca506d50c4721c29db62848b567a9703bfe0583"
              "892.html.gz")


def page(head, body=BODY, h1="Port terminal opens"):
    return ("<!DOCTYPE html><html lang=\"en\"><head><title>Harbour News"
            "</title>%s</head><body><header><nav><a href=\"/\">Home</a>"
            "</nav></header><article>%s%s</article><footer>Harbour News"
            "</footer></body></html>"
            % (head, "<h1>%s</h1>" % h1 if h1 else "", body)).encode()


class MetaCli(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        with open(SCHEMA) as f:
            cls.validator = jsonschema.Draft202012Validator(json.load(f))
        cls.tmp = tempfile.TemporaryDirectory(prefix="nw-meta-")
        cls.n = 0

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def extract(self, data, *opts):
        """The event of data (a page's bytes), schema-checked."""
        MetaCli.n += 1
        path = os.path.join(self.tmp.name, "p%d.html" % self.n)
        with open(path, "wb") as f:
            f.write(data)
        p = subprocess.run([NEWSWIRE, "extract", *opts, path],
                           stdout=subprocess.PIPE, timeout=60, check=False)
        self.assertEqual(p.returncode, 0)
        lines = p.stdout.decode("utf-8").splitlines()
        self.assertEqual(len(lines), 1)
        ev = json.loads(lines[0])
        self.validator.validate(ev)
        return ev

    # entities

    def test_double_encoded_author_is_one_name(self):
        ev = self.extract(page('<meta name="author" content="J&amp;oslash;'
                               'rgen M&amp;aelig;rsk">'))
        self.assertEqual(ev["authors"], ["J\u00f8rgen M\u00e6rsk"])

    def test_json_ld_entities_decoded(self):
        ld = ('{"@context":"https://schema.org","@type":"NewsArticle",'
              '"headline":"Prices in &euro; rise at the port &copy; 2024",'
              '"author":[{"@type":"Person","name":"J&oslash;rgen '
              'M&aelig;rsk"},{"@type":"Person","name":"Ann Lee"}]}')
        ev = self.extract(page('<script type="application/ld+json">%s'
                               '</script>' % ld, h1=None))
        self.assertEqual(ev["title"],
                         "Prices in \u20ac rise at the port \u00a9 2024")
        self.assertEqual(ev["authors"], ["J\u00f8rgen M\u00e6rsk", "Ann Lee"])

    def test_byline_entities(self):
        ev = self.extract(page(
            "", body='<p class="byline">By J&oslash;rgen M&aelig;rsk and '
            "Ann Lee</p>" + BODY, h1="Prices in &euro; rise &copy; port"))
        self.assertEqual(ev["authors"], ["J\u00f8rgen M\u00e6rsk", "Ann Lee"])
        self.assertEqual(ev["title"], "Prices in \u20ac rise \u00a9 port")
        self.assertNotIn("&", ev["body"])

    # URLs

    def test_url_option_normalised(self):
        given = ("HTTPS://B\u00dcCHER.example:443/a/./b/../c?utm_source=x"
                 "&id=7&fbclid=Z&UTM_Medium=s#top")
        ev = self.extract(page(""), "--url", given)
        self.assertEqual(ev["url"], given)
        self.assertEqual(ev["canonical_url"],
                         "https://xn--bcher-kva.example/a/c?id=7")
        # the same URL spelled another way is the same article
        again = self.extract(page(""), "--url",
                             "https://b\u00fccher.example/a/c?id=7")
        self.assertEqual(again["canonical_url"], ev["canonical_url"])
        self.assertEqual(again["id"], ev["id"])

    def test_page_canonical_link_normalised(self):
        link = ('<link rel="canonical" href="https://B\u00dcCHER.example/a/'
                './b/../c?utm_source=x&amp;id=7&amp;gclid=1#top">')
        ev = self.extract(page(link))
        self.assertEqual(ev["canonical_url"],
                         "https://xn--bcher-kva.example/a/c?id=7")
        byurl = self.extract(page(""), "--url",
                             "https://xn--bcher-kva.example/a/c?id=7")
        self.assertEqual(ev["id"], byurl["id"])
        # with the page's own URL known, its canonical link still wins
        link = ('<link rel="canonical" href="https://News.Example/x/./y/'
                '../z?utm_campaign=a&amp;page=2">')
        ev = self.extract(page(link), "--url",
                          "https://news.example/amp/z?utm_source=rss")
        self.assertEqual(ev["canonical_url"],
                         "https://news.example/x/z?page=2")

    # the lead image

    def images(self, head, body=BODY):
        ev = self.extract(page(head, body=body), "--url",
                          "https://news.example/port/terminal")
        return [(i["url"], i["caption"], i["credit"]) for i in ev["images"]]

    def test_lead_image_from_og_twitter_schema(self):
        self.assertEqual(
            self.images('<meta property="og:image" content="/img/lead.jpg">'
                        '<meta name="twitter:image" '
                        'content="https://cdn.example/t.jpg">'),
            [("https://news.example/img/lead.jpg", None, None)])
        self.assertEqual(
            self.images('<meta name="twitter:image" '
                        'content="https://cdn.example/t.jpg">'),
            [("https://cdn.example/t.jpg", None, None)])
        self.assertEqual(
            self.images('<script type="application/ld+json">{"@context":'
                        '"https://schema.org","@type":"NewsArticle",'
                        '"headline":"Port terminal opens","image":{"@type":'
                        '"ImageObject","url":"https://cdn.example/ld.jpg"}}'
                        '</script>'),
            [("https://cdn.example/ld.jpg", None, None)])
        self.assertEqual(self.images(""), [])

    def test_body_image_wins_over_lead(self):
        fig = ('<figure><img src="/own.jpg" alt="The quay"><figcaption>The '
               "new quay. Photo: Ann Lee</figcaption></figure>")
        self.assertEqual(
            self.images('<meta property="og:image" '
                        'content="https://cdn.example/og.jpg">',
                        body=fig + BODY),
            [("https://news.example/own.jpg", "The new quay.", "Ann Lee")])

    def test_corpus_page_gets_its_og_image(self):
        with gzip.open(os.path.join(SHARED, "corpus", "aeb-dev", "html",
                                    TECHCRUNCH)) as f:
            data = f.read()
        self.assertIn(b'property="og:image"', data)
        ev = self.extract(data)
        self.assertEqual([i["url"] for i in ev["images"]],
                         ["https://techcrunch.com/wp-content/uploads/2019/"
                          "10/GettyImages-1079941752.jpg?w=600"])

    # non-ASCII URLs resolved against the page's

    def test_non_ascii_og_image_with_and_without_url(self):
        head = ('<meta property="og:image" content="https://img.example/'
                'bilder/gr\u00f6\u00dfer.jpg">')
        want = [("https://img.example/bilder/gr%C3%B6%C3%9Fer.jpg", None,
                 None)]
        self.assertEqual(self.images(head), want)
        ev = self.extract(page(head))
        self.assertEqual([(i["url"], i["caption"], i["credit"])
                          for i in ev["images"]], want)
        # relative, with a space, against the page's URL
        self.assertEqual(
            self.images('<meta property="og:image" content="../bilder/'
                        'gr\u00f6\u00dfer bild.jpg">'),
            [("https://news.example/bilder/gr%C3%B6%C3%9Fer%20bild.jpg",
              None, None)])

    def test_non_ascii_body_image_and_canonical(self):
        fig = ('<figure><img src="bilder/stra\u00dfe.jpg"><figcaption>The '
               "new quay. Photo: Ann Lee</figcaption></figure>")
        self.assertEqual(
            self.images("", body=fig + BODY),
            [("https://news.example/port/bilder/stra%C3%9Fe.jpg",
              "The new quay.", "Ann Lee")])
        ev = self.extract(page('<link rel="canonical" href="https://'
                               'b\u00fccher.example/gr\u00f6\u00dfer/1">'),
                          "--url", "https://news.example/x")
        self.assertEqual(ev["canonical_url"],
                         "https://xn--bcher-kva.example/gr%C3%B6%C3%9Fer/1")

    def test_corpus_page_keeps_og_image_with_url(self):
        with gzip.open(os.path.join(SHARED, "corpus", "trafeval-dev", "html",
                                    GAMESTAR)) as f:
            data = f.read()
        self.assertIn("release-gr\u00f6\u00dfer_6081675.jpg".encode(), data)
        want = ["https://6images.cgames.de/images/gsgp/4/der-landwirtschafts"
                "-simulator-19-wird-ein-jahr-nach-release-gr%C3%B6%C3%9Fer_"
                "6081675.jpg"]
        for opts in ((), ("--url", "https://www.gamestar.de/videos/x,"
                      "99770.html")):
            ev = self.extract(data, *opts)
            self.assertEqual([i["url"] for i in ev["images"]], want, opts)

    # <meta> text encoded twice

    def test_double_encoded_meta_text(self):
        ev = self.extract(page(
            '<meta property="og:title" content="R&amp;eacute;gimen de '
            'excepci&amp;oacute;n &amp;#8211; &amp;bdquo;ya&amp;ldquo;">'
            '<meta property="og:description" content="Rodolfo Delgado '
            'asegur&amp;oacute; que el r&amp;eacute;gimen es&amp;nbsp;'
            'necesario.">'
            '<meta property="og:site_name" content="La Prensa '
            'Gr&amp;aacute;fica">', h1=None))
        self.assertEqual(ev["title"], "R\u00e9gimen de excepci\u00f3n "
                         "\u2013 \u201eya\u201c")
        self.assertEqual(ev["subtitle"], "Rodolfo Delgado asegur\u00f3 que "
                         "el r\u00e9gimen es necesario.")
        self.assertEqual(ev["publisher"], "La Prensa Gr\u00e1fica")

    def test_meta_ampersands_of_the_text_stay(self):
        ev = self.extract(page(
            '<meta property="og:title" content="AT&amp;T buys R&amp;D; '
            'labs &amp;bogus; &amp;copy">'
            '<meta property="og:description" content="Procter &amp; '
            'Gamble and Johnson&amp;Johnson hold a Q&amp;A on Monday.">'
            '<meta property="og:site_name" content="Tom &amp; Jerry">',
            h1=None))
        self.assertEqual(ev["title"], "AT&T buys R&D; labs &bogus; &copy")
        self.assertEqual(ev["subtitle"], "Procter & Gamble and "
                         "Johnson&Johnson hold a Q&A on Monday.")
        self.assertEqual(ev["publisher"], "Tom & Jerry")

    def test_corpus_page_double_encoded_subtitle(self):
        with gzip.open(os.path.join(SHARED, "corpus", "trafeval-dev", "html",
                                    PRENSA)) as f:
            data = f.read()
        self.assertIn(b"asegur&amp;oacute;", data)
        ev = self.extract(data)
        self.assertTrue(ev["subtitle"].startswith(
            "Rodolfo Delgado asegur\u00f3 que las facultades que brinda el "
            "r\u00e9gimen de excepci\u00f3n son necesarias"), ev["subtitle"])
        self.assertNotIn("&", ev["subtitle"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
