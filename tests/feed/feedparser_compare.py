#!/usr/bin/python3
"""Compares `newswire feed` with Debian's python3-feedparser, field by field.

usage: feedparser_compare.py NEWSWIRE FEED_OR_DIR... [-v] [--field F]
                             [--dates]

Runs both parsers over every RSS/Atom/RDF file given (directories are
walked; JSON Feed is left out: feedparser does not read it) and compares,
for the feed and for each entry in order: title, link, published, updated,
authors (names and emails) and categories. A field counts as

  agree    both have it and it is the same (text with markup stripped,
           entities decoded and white space collapsed; dates to the second;
           authors and categories as sets),
  differ   both have it and it is not the same,
  only_nw  newswire has it and feedparser not,
  only_fp  feedparser has it and newswire not.

--dates also compares the two date parsers alone (`newswire date` and
feedparser's _parse_date) on every date element's text in those files
and on the "input" of every line of the .jsonl files given.

It is a reference, not a test: feedparser is not always right (it maps
dc:date to `updated`, fills `published` from nothing else, keeps a
category's label beside its term...), so every disagreement is for a
person to judge. -v lists them. Prints one line per field and a summary.
"""
import argparse
import calendar
import html
import json
import os
import re
import subprocess
import sys

import feedparser

FIELDS = ("title", "link", "published", "updated", "authors", "emails",
          "categories")
EXTS = (".xml", ".rss", ".atom", ".rdf")
DATE_RE = re.compile(r"<((?:[\w-]+:)?(?:pubDate|date|published|updated|"
                     r"issued|modified|created|lastBuildDate))\b[^>]*>"
                     r"([^<]{1,120})</\1>", re.I)


def files_of(paths):
    out = []
    for p in paths:
        if os.path.isdir(p):
            for root, _, names in os.walk(p):
                out += [os.path.join(root, n) for n in names
                        if n.endswith(EXTS)]
        else:
            out.append(p)
    return sorted(os.path.abspath(p) for p in out)


def text(s):
    if not s:
        return None
    s = re.sub(r"<[^>]*>", " ", s)
    s = html.unescape(s)
    s = " ".join(s.split())
    return s or None


def link(s):
    if not s:
        return None
    return s.strip()


def fp_date(d, key):
    # dict.get: feedparser's own `updated` falls back to `published`
    t = dict.get(d, key + "_parsed")
    if not t:
        return None
    return calendar.timegm(t)


def nw_date(s):
    if not s:
        return None
    m = re.match(r"(-?\d+)-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)", s)
    if not m:
        return None
    y, mo, d, h, mi, se = (int(x) for x in m.groups())
    if y < 1:
        return None
    return calendar.timegm((y, mo, d, h, mi, se, 0, 0, 0))


def people(lst, key):
    out = set()
    for p in lst or []:
        v = p.get(key)
        if v:
            out.add(" ".join(v.split()).lower())
    return frozenset(out) or None


def fp_record(d):
    authors = dict.get(d, "authors")
    if not authors and dict.get(d, "author_detail"):
        authors = [d["author_detail"]]
    tags = [t.get("term") for t in dict.get(d, "tags") or []]
    return {
        "title": text(dict.get(d, "title")),
        "link": link(dict.get(d, "link")),
        "published": fp_date(d, "published"),
        "updated": fp_date(d, "updated"),
        "authors": people(authors, "name"),
        "emails": people(authors, "email"),
        "categories": frozenset(" ".join(t.split()) for t in tags
                                if t and t.strip()) or None,
    }


def nw_record(d):
    return {
        "title": text(d.get("title")),
        "link": link(d.get("link")),
        "published": nw_date(d.get("published")),
        "updated": nw_date(d.get("updated")),
        "authors": people(d.get("authors"), "name"),
        "emails": people(d.get("authors"), "email"),
        "categories": frozenset(" ".join(t.split())
                                for t in d.get("categories") or []
                                if t and t.strip()) or None,
    }


def compare(tally, diffs, where, a, b):
    for f in FIELDS:
        x, y = a[f], b[f]
        if x is None and y is None:
            continue
        if x is not None and y is not None:
            k = "agree" if x == y else "differ"
        elif x is not None:
            k = "only_nw"
        else:
            k = "only_fp"
        tally[f][k] += 1
        if k != "agree":
            diffs.append((f, k, where, x, y))


def show(v):
    if isinstance(v, frozenset):
        return sorted(v)
    if isinstance(v, int) and v > 100000:
        import time
        return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(v))
    return v


def date_strings(paths, jsonl):
    seen, out = set(), []
    for path in paths:
        with open(path, "rb") as fh:
            s = fh.read().decode("utf-8", "replace")
        for m in DATE_RE.finditer(s):
            v = html.unescape(m.group(2).strip())
            if v and v not in seen:
                seen.add(v)
                out.append(v)
    for path in jsonl:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                v = json.loads(line).get("input")
                if v and v not in seen:
                    seen.add(v)
                    out.append(v)
    return out


def compare_dates(newswire, strings, verbose):
    from feedparser.datetimes import _parse_date
    import time
    got = []
    for i in range(0, len(strings), 256):
        p = subprocess.run([newswire, "date", "--"] + strings[i:i + 256],
                           stdout=subprocess.PIPE, timeout=300)
        got += p.stdout.decode("utf-8", "replace").splitlines()
    if len(got) != len(strings):
        sys.exit("newswire date printed %d lines for %d strings"
                 % (len(got), len(strings)))
    agree = 0
    for s, nw in zip(strings, got):
        t = _parse_date(s)
        fp = time.strftime("%Y-%m-%dT%H:%M:%SZ", t) if t else "invalid"
        if fp == nw:
            agree += 1
        elif verbose:
            print("date differ %r: nw=%s fp=%s" % (s, nw, fp))
    print("dates: %d of %d date strings agree (%.3f)" % (
        agree, len(strings), agree / len(strings) if strings else 1.0))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("newswire")
    ap.add_argument("paths", nargs="+")
    ap.add_argument("-v", action="store_true")
    ap.add_argument("--field")
    ap.add_argument("--dates", action="store_true")
    a = ap.parse_args()
    paths = files_of(a.paths)
    jsonl = [p for p in a.paths if p.endswith(".jsonl")]
    paths = [p for p in paths if not p.endswith(".jsonl")]
    refused = [0, 0]
    tally = {f: dict(agree=0, differ=0, only_nw=0, only_fp=0)
             for f in FIELDS}
    diffs = []
    n_items = [0, 0]
    batch = 64
    for i in range(0, len(paths), batch):
        chunk = paths[i:i + batch]
        p = subprocess.run([a.newswire, "feed"] + chunk,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=300)
        lines = p.stdout.decode("utf-8", "replace").splitlines()
        if len(lines) != len(chunk):
            sys.exit("newswire printed %d lines for %d files"
                     % (len(lines), len(chunk)))
        for path, line in zip(chunk, lines):
            nw = json.loads(line)
            with open(path, "rb") as fh:
                fp = feedparser.parse(fh.read())
            fp_ok = bool(fp.get("version"))
            if "error" in nw or not fp_ok:
                # one of them refuses it: not compared
                refused[0] += "error" in nw
                refused[1] += not fp_ok
                continue
            name = os.path.relpath(path, os.path.commonpath(paths))
            compare(tally, diffs, name, nw_record(nw), fp_record(fp.feed))
            nwi, fpi = nw.get("items") or [], fp.entries
            n_items[0] += len(nwi)
            n_items[1] += len(fpi)
            for k, (x, y) in enumerate(zip(nwi, fpi)):
                compare(tally, diffs, "%s#%d" % (name, k), nw_record(x),
                        fp_record(y))
    total = dict(agree=0, differ=0, only_nw=0, only_fp=0)
    print("%-11s %7s %7s %7s %7s %6s" % ("field", "agree", "differ",
                                       "only_nw", "only_fp", "ratio"))
    for f in FIELDS:
        t = tally[f]
        for k in total:
            total[k] += t[k]
        n = sum(t.values())
        print("%-11s %7d %7d %7d %7d %6.3f" % (
            f, t["agree"], t["differ"], t["only_nw"], t["only_fp"],
            t["agree"] / n if n else 1.0))
    if a.v:
        for f, k, where, x, y in diffs:
            if a.field and f != a.field:
                continue
            print("%s %s %s: nw=%r fp=%r" % (f, k, where, show(x), show(y)))
    n = sum(total.values())
    print("refused: newswire %d, feedparser %d (files not compared)"
          % tuple(refused))
    if a.dates:
        compare_dates(a.newswire, date_strings(paths, jsonl), a.v)
    print("feedparser: %d files, items %d/%d (newswire/feedparser), "
          "%d of %d field values agree (%.3f)" % (
              len(paths), n_items[0], n_items[1], total["agree"], n,
              total["agree"] / n if n else 1.0))


if __name__ == "__main__":
    main()
