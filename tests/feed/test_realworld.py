#!/usr/bin/python3
"""Every feed in ../shared/feeds/realworld parses with all its items and the
right dates.

usage: test_realworld.py NEWSWIRE SHARED_DIR

The reference is computed here, independently of the C parser: items are
counted with Python's XML parser (ElementTree) on the decoded document, and
each item's dates are read from its pubDate / dc:date / Atom elements and
parsed with the standard library (email.utils for RFC 822,
datetime.fromisoformat for RFC 3339). Where the corpus ships another
parser's output (rss-parser's isoDate, feed-rs's published), the dates are
checked against it too. Exit status 0 when everything matches.
"""
import datetime
import email.utils
import gzip
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

# Portuguese (UOL) and Italian (Il Messaggero) names, mapped for
# email.utils: weekdays in first position, months elsewhere
WEEKDAYS = {"seg": "Mon", "ter": "Tue", "qua": "Wed", "qui": "Thu",
            "sex": "Fri", "sab": "Sat", "sáb": "Sat", "dom": "Sun",
            "lun": "Mon", "mar": "Tue", "mer": "Wed", "gio": "Thu",
            "ven": "Fri"}
MONTHS = {"fev": "Feb", "abr": "Apr", "mai": "May", "ago": "Aug",
          "set": "Sep", "out": "Oct", "dez": "Dec", "gen": "Jan",
          "mag": "May", "giu": "Jun", "lug": "Jul", "ott": "Oct",
          "dic": "Dec"}

DATE_TAGS = ("pubDate", "date", "published", "updated", "issued",
             "modified", "created")


def local(tag):
    return tag.rsplit("}", 1)[-1]


def decode(raw):
    """Bytes -> str the way the document declares (or Latin-1)."""
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    m = re.match(rb'<\?xml[^>]*encoding=["\']([A-Za-z0-9_-]+)', raw)
    enc = m.group(1).decode() if m else "utf-8"
    try:
        text = raw.decode(enc)
    except (UnicodeDecodeError, LookupError):
        text = raw.decode("latin-1")
    text = re.sub(r"^\ufeff", "", text)
    text = re.sub(r"<\?xml[^>]*\?>", "", text, count=1)
    # characters XML forbids (one corpus feed carries them on purpose)
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", text)


def parse_date(s):
    s = (s or "").strip()
    if not s:
        return None
    try:
        d = datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))
    except ValueError:
        # 12-hour clocks: email.utils ignores "PM"
        m = re.search(r"\b(\d{1,2})(:\d\d(?::\d\d)?)\s*([AaPp])[Mm]\b", s)
        if m:
            h = int(m.group(1)) % 12 + (12 if m.group(3) in "Pp" else 0)
            s = s[:m.start()] + "%02d%s" % (h, m.group(2)) + s[m.end():]
        words = [w.strip(",") for w in s.split()]
        if words:
            words[0] = WEEKDAYS.get(words[0].lower(), words[0])
            words[1:] = [MONTHS.get(w.lower(), w) for w in words[1:]]
        if words and words[0] in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat",
                                  "Sun"):
            words[0] += ","
        try:
            d = email.utils.parsedate_to_datetime(" ".join(words))
        except (TypeError, ValueError):
            return None
    if d.tzinfo is None:
        d = d.replace(tzinfo=datetime.timezone.utc)
    return d.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def reference(path):
    """[(set of item date instants, title)] in document order."""
    text = decode(open(path, "rb").read())
    # HTML entities a feed may use undeclared: ElementTree knows only XML's
    root = ET.XMLParser()
    root.entity.update({"nbsp": "\u00a0", "hellip": "\u2026",
                        "mdash": "\u2014", "ndash": "\u2013"})
    root.feed(text)
    tree = root.close()
    items = [e for e in tree.iter() if local(e.tag) in ("item", "entry")]
    out = []
    for it in items:
        dates = set()
        for c in it:
            if local(c.tag) in DATE_TAGS:
                d = parse_date(c.text)
                if d:
                    dates.add(d)
        out.append(dates)
    return out


def side_reference(path):
    """Another parser's item dates shipped beside the feed, or None."""
    base, _ = os.path.splitext(path)
    if os.path.exists(base + ".json"):
        d = json.load(open(base + ".json"))
        return [parse_date(i.get("isoDate")) for i in d["feed"]["items"]]
    if os.path.exists(base + ".serde.json"):
        d = json.load(open(base + ".serde.json"))
        return [parse_date(e.get("published") or e.get("updated"))
                for e in d["entries"]]
    return None


def main():
    exe, shared = sys.argv[1], sys.argv[2]
    corpus = os.path.join(shared, "feeds", "realworld")
    manifest = os.path.join(corpus, "MANIFEST.tsv")
    if not os.path.exists(manifest):
        print("no realworld corpus at %s: skipped" % corpus)
        return 77
    feeds = []
    for line in open(manifest).read().splitlines()[1:]:
        rel = line.split("\t")[0]
        if rel and not rel.endswith(".json"):
            feeds.append(os.path.join(corpus, rel))
    assert len(feeds) >= 20, feeds
    p = subprocess.run([exe, "feed"] + feeds, stdout=subprocess.PIPE,
                       timeout=120)
    lines = p.stdout.decode("utf-8").splitlines()
    assert len(lines) == len(feeds), (len(lines), len(feeds))
    bad = 0
    checked_items = checked_dates = 0
    for path, line in zip(feeds, lines):
        name = os.path.relpath(path, corpus)
        got = json.loads(line)
        if "error" in got:
            print("FAIL %s: %s" % (name, got["error"]))
            bad += 1
            continue
        ref = reference(path)
        items = got["items"]
        if len(items) != len(ref) or not items:
            print("FAIL %s: %d items, want %d" % (name, len(items),
                                                   len(ref)))
            bad += 1
            continue
        checked_items += len(items)
        side = side_reference(path)
        for i, (it, dates) in enumerate(zip(items, ref)):
            mine = {d for d in (it.get("published"), it.get("updated")) if d}
            if dates and not (mine & dates):
                print("FAIL %s item %d: dates %s, want one of %s"
                      % (name, i, sorted(mine), sorted(dates)))
                bad += 1
            if not dates and mine:
                print("FAIL %s item %d: dates %s from nowhere"
                      % (name, i, sorted(mine)))
                bad += 1
            if side is not None and i < len(side) and side[i]:
                if it.get("published") != side[i] and \
                        it.get("updated") != side[i]:
                    print("FAIL %s item %d: %s, the reference parser says"
                          " %s" % (name, i, it.get("published"), side[i]))
                    bad += 1
            checked_dates += bool(dates)
        print("ok   %s: %d items" % (name, len(items)))
    print("%d feeds, %d items, %d item dates checked, %d failures"
          % (len(feeds), checked_items, checked_dates, bad))
    assert checked_items > 400 and checked_dates > 300
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
