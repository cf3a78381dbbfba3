#!/usr/bin/python3
"""newswire extract on pages in other charsets, scripts and languages.

Small real-looking news pages (tests/lib/scripts_pages.py) without a
declared charset (windows-1251, GBK, Shift_JIS, ISO-8859-2, and
windows-1253, windows-1256, windows-1255, windows-874 and windows-1254 for
Greek, Arabic, Hebrew, Thai and Turkish), and in UTF-8 for Arabic,
Hebrew, Greek, Danish and Romanian. Each must come out with its headline
and body intact, its language right, and no names or speakers guessed
where the script gives nothing to find them by.

usage: test_scripts_cli.py NEWSWIRE
"""
import json
import os
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "lib"))
from scripts_pages import CASES, LEGACY, first_paragraph  # noqa: E402

NEWSWIRE = sys.argv[1]
del sys.argv[1]


class Scripts(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="nw-scripts-")
        paths = []
        for name, data, _, _ in CASES:
            path = os.path.join(cls.tmp.name, name)
            with open(path, "wb") as f:
                f.write(data)
            paths.append(path)
        p = subprocess.run([NEWSWIRE, "extract", *paths],
                           stdout=subprocess.PIPE, timeout=120, check=True)
        cls.events = {name: json.loads(line) for (name, _, _, _), line in
                      zip(CASES, p.stdout.decode("utf-8").splitlines())}

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_decoded_title_body_and_language(self):
        for name, data, lang, title in CASES:
            with self.subTest(page=name):
                ev = self.events[name]
                self.assertNotIn("error", ev)
                self.assertEqual(ev["title"], title)
                self.assertEqual(ev["lang"], lang)
                self.assertNotIn("\ufffd", ev["body"])
                # the body is the article: its first paragraph is there
                para = first_paragraph(name, data)
                self.assertTrue(ev["body"].startswith(para[:20]),
                                ev["body"][:80])

    def test_byline_role_cut(self):
        # "记者" (reporter) leads the Chinese byline as "By" does
        self.assertEqual(self.events["zh-gbk.html"]["authors"], ["王小明"])

    def test_quotes_without_guessed_speakers(self):
        zh = self.events["zh-gbk.html"]["quotes"]
        self.assertEqual([q["text"] for q in zh],
                         ["明年的预算赤字将会减少，我们有信心实现目标。"])
        ja = self.events["ja-sjis.html"]["quotes"]
        self.assertEqual([q["text"] for q in ja], ["来年の財政赤字は減少する見通しだ"])
        ar = self.events["ar.html"]["quotes"]
        self.assertEqual(len(ar), 1)
        self.assertTrue(ar[0]["text"].startswith("سينخفض عجز"))
        # a gershayim opens no quotation
        he = self.events["he.html"]["quotes"]
        self.assertEqual([q["text"] for q in he],
                         ["הגירעון יקטן בשנה הבאה ואנחנו בטוחים שנשיג את היעד"])
        for name in ("zh-gbk.html", "ja-sjis.html", "ar.html", "he.html"):
            for q in self.events[name]["quotes"]:
                self.assertIsNone(q["speaker"])

    def test_no_titles_or_days_as_names_in_unread_languages(self):
        # "Ministrul Finanțelor" (a title), "Δευτέρα" (Monday),
        # "Οικονομικών" (of "υπουργός Οικονομικών"): no names where the
        # rules cannot read the language
        for name in ("ro.html", "el.html", "da.html"):
            with self.subTest(page=name):
                ents = self.events[name]["entities"]
                self.assertEqual(ents["people"], [])
                self.assertEqual(ents["organisations"], [])

    def test_no_names_fused_with_unspaced_text(self):
        for name in ("zh-gbk.html", "ja-sjis.html", "ar.html", "he.html"):
            ents = self.events[name]["entities"]
            for kind in ("people", "organisations", "places"):
                self.assertEqual(ents[kind], [], (name, kind))


class Legacy(unittest.TestCase):
    """Greek, Arabic, Hebrew, Thai and Turkish pages in their legacy
    charsets, undeclared and without a lang attribute: the corpora hold
    none."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="nw-legacy-")
        paths = []
        for name, data, _, _, _ in LEGACY:
            paths.append(os.path.join(cls.tmp.name, name))
            with open(paths[-1], "wb") as f:
                f.write(data)
        p = subprocess.run([NEWSWIRE, "extract", *paths],
                           stdout=subprocess.PIPE, timeout=120, check=True)
        cls.events = {case[0]: json.loads(line) for case, line in
                      zip(LEGACY, p.stdout.decode("utf-8").splitlines())}

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_charset_title_body_language(self):
        for name, data, lang, title, codec in LEGACY:
            with self.subTest(page=name):
                ev = self.events[name]
                self.assertEqual(ev["title"], title)
                self.assertEqual(ev["lang"], lang)
                # every paragraph as written: the charset read right
                text = data.decode(codec)
                for para in text.split("<p>")[1:]:
                    para = para.split("</p>")[0]
                    self.assertIn(para, ev["body"])

    def test_quotes(self):
        want = {
            "el-cp1253.html": "Η οικονομία αναπτύσσεται ταχύτερα",
            "ar-cp1256.html": "هذا القانون يضمن تمثيلا عادلا",
            # a gershayim (צה"ל) opens no quotation
            "he-cp1255.html": "זהו תקציב אחראי",
            "th-cp874.html": "เศรษฐกิจไทยกำลังฟื้นตัว",
            "tr-cp1254.html": "Ekonomimiz beklenenden hızlı",
        }
        for name, start in want.items():
            with self.subTest(page=name):
                quotes = self.events[name]["quotes"]
                self.assertEqual(len(quotes), 1, quotes)
                self.assertTrue(quotes[0]["text"].startswith(start))

    def test_no_speakers_or_names_where_words_cannot_be_read(self):
        # right to left, or Thai without spaces between words: no
        # speaker and no name rather than a guess
        for name in ("ar-cp1256.html", "he-cp1255.html", "th-cp874.html"):
            with self.subTest(page=name):
                ev = self.events[name]
                self.assertIsNone(ev["quotes"][0]["speaker"])
                for kind in ("people", "organisations", "places"):
                    self.assertEqual(ev["entities"][kind], [], kind)

    def test_unread_languages_give_no_guesses(self):
        # Greek and Turkish: languages whose titles, weekdays and bodies
        # the rules do not know; their quotations would fall to the
        # person of the sentence before ("..., είπε ο υπουργός
        # Οικονομικών" is not the prime minister's). Places the
        # gazetteer knows, and a person from a known given name, stay.
        el = self.events["el-cp1253.html"]
        tr = self.events["tr-cp1254.html"]
        for ev in (el, tr):
            self.assertIsNone(ev["quotes"][0]["speaker"])
            self.assertEqual(ev["entities"]["organisations"], [])
        self.assertEqual(el["entities"]["people"], ["Κυριάκος Μητσοτάκης"])
        self.assertEqual(tr["entities"]["people"], [])
        self.assertEqual(tr["entities"]["places"], ["Türkiye", "İstanbul"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
