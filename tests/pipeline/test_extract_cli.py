#!/usr/bin/python3
"""newswire extract, as tools call it: one schema-valid JSON line per file,
in argument order, errors included; the samples' gold checks pass.

usage: test_extract_cli.py NEWSWIRE SHARED_DIR SCHEMA
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


def extract(paths, *opts):
    p = subprocess.run([NEWSWIRE, "extract", *opts, *paths],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=300, check=False)
    lines = p.stdout.decode("utf-8").splitlines()
    return p.returncode, [json.loads(l) for l in lines]


class ExtractCli(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.validator = jsonschema.Draft202012Validator(
            json.load(open(SCHEMA)))
        cls.tmp = tempfile.TemporaryDirectory(prefix="nw-extract-")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def write(self, name, data):
        path = os.path.join(self.tmp.name, name)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def test_one_valid_line_per_file_in_order(self):
        samples = sorted(
            os.path.join(SHARED, "samples", n)
            for n in os.listdir(os.path.join(SHARED, "samples"))
            if n.endswith(".txt"))
        corpus = os.path.join(SHARED, "corpus", "aeb-dev", "html")
        pages = []
        for n in sorted(os.listdir(corpus))[:20]:
            pages.append(self.write(n[:-3], gzip.open(
                os.path.join(corpus, n)).read()))
        empty = self.write("empty.html", b"")
        binary = self.write("image.png", b"\x89PNG\r\n\x1a\n" + bytes(64))
        paths = samples + [empty] + pages + [binary]
        rc, events = extract(paths)
        # two files failed: every line is still printed, and the exit
        # status says that not all were articles
        self.assertEqual(rc, 1)
        self.assertEqual(len(events), len(paths))
        for path, ev in zip(paths, events):
            self.validator.validate(ev)
            self.assertTrue(ev["source"]["uri"].endswith(
                os.path.basename(path)), path)
        self.assertEqual(events[len(samples)]["schema"], "newswire.error/1")
        self.assertIn("empty", events[len(samples)]["error"])
        self.assertIn("PNG", events[-1]["error"])
        for ev in events[:len(samples)] + events[len(samples) + 1:-1]:
            self.assertEqual(ev["schema"], "newswire.article/1",
                             ev.get("error"))
            self.assertTrue(ev["body"])

    def test_url_option_sets_canonical_url(self):
        page = self.write("p.html", b"<html><head><title>T</title></head>"
                          b"<body><article><p>" + b"Some words here. " * 40
                          + b"</p></article></body></html>")
        rc, events = extract([page], "--url",
                             "HTTP://Example.ORG:80/a?utm_source=x&b=1#f")
        self.assertEqual(rc, 0)
        ev = events[0]
        self.validator.validate(ev)
        self.assertEqual(ev["url"],
                         "HTTP://Example.ORG:80/a?utm_source=x&b=1#f")
        self.assertEqual(ev["canonical_url"], "http://example.org/a?b=1")

    def test_samples_gold(self):
        """nwscore.py samples: every check of issue 2 passes."""
        p = subprocess.run(
            ["/usr/bin/python3", os.path.join(SHARED, "tools", "nwscore.py"),
             "samples", os.path.join(SHARED, "samples"),
             "--cmd", NEWSWIRE + " extract"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120,
            check=False)
        out = p.stdout.decode()
        misses = [l.strip() for l in out.splitlines()
                  if l.strip().startswith("miss:")]
        self.assertEqual(misses, [], out)


if __name__ == "__main__":
    unittest.main(verbosity=2)
