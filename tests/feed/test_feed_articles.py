#!/usr/bin/python3
"""newswire feed --articles on real feeds: one schema-valid article event
per entry, in feed order, each with the entry's title and link, and a body
from the entry's content or summary; a file that is not there gives an
error line and exit status 1.

usage: test_feed_articles.py NEWSWIRE SHARED_DIR SCHEMA
"""
import json
import os
import subprocess
import sys
import unittest

import jsonschema

NEWSWIRE, SHARED, SCHEMA = sys.argv[1:4]
del sys.argv[1:4]
REALWORLD = os.path.join(SHARED, "feeds", "realworld")


def run(*args):
    p = subprocess.run([NEWSWIRE, "feed", *args], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=120, check=False)
    return p.returncode, [json.loads(l) for l in
                          p.stdout.decode("utf-8").splitlines()]


class FeedArticles(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.validator = jsonschema.Draft202012Validator(
            json.load(open(SCHEMA)))

    def articles_of(self, rel):
        path = os.path.join(REALWORLD, rel)
        rc, feed = run(path)
        self.assertEqual(rc, 0)
        items = feed[0]["items"]
        rc, evs = run("--articles", path)
        self.assertEqual(rc, 0)
        self.assertEqual(len(evs), len(items), rel)
        for it, ev in zip(items, evs):
            self.validator.validate(ev)
            self.assertEqual(ev["schema"], "newswire.article/1")
            self.assertEqual(ev["source"]["kind"], "feed")
            self.assertEqual(ev["url"], it["link"])
            self.assertEqual(ev["published"], it["published"])
            self.assertTrue(ev["title"])
            self.assertNotIn("<", ev["title"])
        return items, evs

    def test_content_encoded(self):
        """Golem.de: content:encoded is the body, whole, without markup;
        the summary it opens with is no subtitle."""
        items, evs = self.articles_of("miniflux+v2/encoding_ISO-8859-1.xml")
        for it, ev in zip(items, evs):
            self.assertEqual(ev["title"], it["title"])
            self.assertGreater(len(ev["body"]), 100)
            self.assertNotIn("<", ev["body"])
            self.assertIsNone(ev["subtitle"])
            self.assertEqual(ev["publisher"], "Golem.de")

    def test_summary_only(self):
        """BBC: summaries only, each the body whole."""
        items, evs = self.articles_of("feed-rs+feed-rs/rss_2.0_bbc.xml")
        for it, ev in zip(items, evs):
            self.assertIsNone(it["content"])
            self.assertEqual(ev["body"], " ".join(it["description"].split()))
            self.assertIsNone(ev["subtitle"])

    def test_html_summary(self):
        """Guardian: HTML summaries; their link lines ("Continue
        reading...") and "Related:" lines are not body."""
        items, evs = self.articles_of("rbren+rss-parser/guardian.rss")
        for ev in evs:
            self.assertIsNone(ev["subtitle"])
            self.assertTrue(ev["body"])
            self.assertNotIn("Continue reading", ev["body"])
            self.assertNotIn("Related:", ev["body"])

    def test_truncated_summary(self):
        """Wirecutter: content, and a summary that is its opening cut
        short with an ellipsis: no subtitle repeats the body."""
        items, evs = self.articles_of("feed-rs+feed-rs/rss_2.0_wirecutter.xml")
        for it, ev in zip(items, evs):
            self.assertTrue(it["content"])
            self.assertTrue(ev["body"].startswith("Modern board games"))
            self.assertIsNone(ev["subtitle"])
            self.assertEqual(len(ev["images"]), 1)

    def test_missing_file(self):
        rc, evs = run("--articles", "/nonexistent/feed.xml")
        self.assertEqual(rc, 1)
        self.assertEqual(len(evs), 1)
        self.assertIn("error", evs[0])


if __name__ == "__main__":
    unittest.main()
