#!/usr/bin/python3
"""Times the pipeline on hostile inputs of growing size, one shape a stage.

usage: hostile_scale.py [--bin NEWSWIRE] [--sizes 1000,4000,16000]
                        [--timeout S] [SHAPE...]

Each shape makes a page (or a feed, or a date list) of n repetitions of
one hostile element; it is run at each size through `newswire extract`
(`feed`, `date`) and its CPU seconds printed (user and system: on a
loaded machine the wall clock says more of the others). A growth from
one size to the next over 1.5 times the sizes' ratio is printed as
SUPERLINEAR: a quadratic path. A run past --timeout prints as such.
Shapes: --list. Nothing is written outside a temporary directory.
"""
import argparse
import os
import resource
import subprocess
import sys
import tempfile

LETTERS = "бвгдклмнпрст"
LATIN = "bcdfghklmnprstvz"


def word(i, letters=LATIN, vowels="ao", k=3):
    """A distinct pronounceable word for each i."""
    s = ""
    for _ in range(k):
        s += letters[i % len(letters)] + vowels[i // len(letters) % 2]
        i //= len(letters) * 2
    return s


def cword(i):
    return word(i, LETTERS, "ао")


def page(body, lang="en", head=""):
    return ('<html lang="%s"><head><title>A page</title>%s</head><body>'
            '<article><h1>A headline for the page</h1>%s</article>'
            '</body></html>' % (lang, head, body))


def prose(i):
    return ("<p>Some plain words of the article number %d go on here "
            "for a while.</p>" % i)


SHAPES = {
    # HTML parse and extraction
    "nesting": lambda n: page("<div>" * n + "<p>deep text here</p>" +
                              "</div>" * n),
    "unclosed": lambda n: page("<div><span><b>" * n + "text"),
    "siblings": lambda n: page("".join(prose(i) for i in range(n))),
    "attributes": lambda n: page("<p " + " ".join(
        'a%d="v%d"' % (i, i) for i in range(n)) + ">text</p>"),
    "huge-text": lambda n: page("<p>" + "word " * (n * 20) + "</p>"),
    "tables": lambda n: page("".join(
        "<table><tr><td>cell %d</td><td>x</td></tr></table>" % i
        for i in range(n))),
    "lists": lambda n: page("<ul>" + "".join(
        "<li>item %d of the list</li>" % i for i in range(n)) + "</ul>"),
    "links": lambda n: page("".join(
        '<p><a href="/a/%d">link %d</a></p>' % (i, i) for i in range(n))),
    "images": lambda n: page(prose(0) + "".join(
        '<figure><img src="/i%d.jpg"><figcaption>c %d</figcaption>'
        '</figure>' % (i, i) for i in range(n))),
    # metadata
    "meta-tags": lambda n: page(prose(0), head="".join(
        '<meta property="article:tag" content="t%d">'
        '<meta name="author" content="Ann %s">' % (i, word(i).title())
        for i in range(n))),
    "jsonld-blocks": lambda n: page(prose(0), head="".join(
        '<script type="application/ld+json">{"@type":"NewsArticle",'
        '"headline":"h%d","author":{"name":"Ann %s"},'
        '"datePublished":"2021-01-02T03:04:05Z"}</script>'
        % (i, word(i).title()) for i in range(n))),
    "jsonld-graph": lambda n: page(prose(0), head=(
        '<script type="application/ld+json">{"@graph":[' + ",".join(
            '{"@type":"Person","@id":"#p%d","name":"Ann %s"}'
            % (i, word(i).title()) for i in range(n)) +
        ',{"@type":"NewsArticle","headline":"h","author":[' + ",".join(
            '{"@id":"#p%d"}' % i for i in range(n)) + ']}]}</script>')),
    "jsonld-huge": lambda n: page(prose(0), head=(
        '<script type="application/ld+json">{"@type":"NewsArticle",'
        '"headline":"' + "x" * (n * 20) + '","articleBody":"' +
        "word " * (n * 20) + '","keywords":[' + ",".join(
            '"k%d"' % i for i in range(n)) + "]}</script>")),
    "jsonld-deep": lambda n: page(prose(0), head=(
        '<script type="application/ld+json">' + '{"a":[' * n + "1" +
        "]}" * n + "</script>")),
    # dates
    "dates": lambda n: page("".join(
        "<p>On %d March 2021 at 10:%02d, or 2021-03-%02dT10:00:00Z, "
        "it rained.</p>" % (i % 28 + 1, i % 60, i % 28 + 1)
        for i in range(n))),
    "time-tags": lambda n: page(prose(0) + "".join(
        '<time datetime="2021-03-%02dT10:00:00Z">March %d</time>'
        % (i % 28 + 1, i % 28 + 1) for i in range(n))),
    # entities and quotes
    "names": lambda n: page("".join(
        "<p>Yesterday %s %s met %s.</p>" % (
            word(i).title(), word(i + 7).title(), word(i).title())
        for i in range(n))),
    "quotes": lambda n: page("".join(
        '<p>"We will go on %d," said Ann %s. "And on."</p>'
        % (i, word(i).title()) for i in range(n))),
    "quote-open": lambda n: page("".join(
        '<p>"We will go on %d, said Ann %s.</p>' % (i, word(i).title())
        for i in range(n))),
    "quote-one": lambda n: page("<p>\u201c" + " ".join(
        "words %d" % i for i in range(n * 5)) + "</p>"),
    "places": lambda n: page("".join(
        "<p>From Paris to Berlin, London, Madrid and Rome %d.</p>" % i
        for i in range(n))),
    "ru-names": lambda n: page("".join(
        "<p>Вчера Пе%sову позвонил Дмитрий Пе%sов, сказала Ди%sу "
        "Ди%sа Снижевская.</p>" % (cword(i), cword(i), cword(i),
                                    cword(i)) for i in range(n)), "ru"),
    "ru-merge": lambda n: page(
        "<div><p>Песков сказал Дмитрию Пескову.</p></div>" * n, "ru"),
    "pl-merge": lambda n: page(
        "<p>Rzecznik Informacyjnej Służby Bezpieczeństwa i Informacyjna "
        "Służba Bezpieczeństwa odpowiedziały.</p>" * n, "pl"),
    "pl-merge-d": lambda n: page("".join(
        "<p>Rzecznik Informacyjnej Służby %s i Informacyjna Służba %s "
        "odpowiedziały.</p>" % (word(i).title(), word(i).title())
        for i in range(n)), "pl"),
    # distinct names of more words than make FORM_KEYS keys (seven
    # Russian, five Polish), half of them in an oblique case
    "ru-long": lambda n: page("".join(
        "<p>Вчера %s сказал, что всё хорошо.</p>" % " ".join(
            cword(i * 7 + k).title() for k in range(7)) for i in range(n)),
        "ru"),
    "pl-long": lambda n: page("".join(
        "<p>Rzecznik %s%s odpowiedział.</p>" % (" ".join(
            word(i * 5 + k).title() for k in range(5)), "ej" if i % 2
            else "") for i in range(n)), "pl"),
    "family-first": lambda n: page("".join(
        "<p>Yesterday %s met %s Jinping in Beijing.</p>" % (
            word(i).title(), word(i).title()) for i in range(n))),
}

TEXT_SHAPES = {
    "text-lines": lambda n: "Title of the dump\n\n" + "".join(
        "Line %d.\n" % i for i in range(n * 4)),
    "text-one-line": lambda n: "Title of the dump\n\n" + "word " * (n * 40),
    "text-paras": lambda n: "Title of the dump\n\n" + "\n\n".join(
        "Paragraph %d of a long dump, with some words." % i
        for i in range(n)),
}

FEED_SHAPES = {
    "feed-items": lambda n: (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        + "".join("<item><title>Item %d</title><link>https://x.example/%d"
                  "</link><pubDate>Mon, 01 Mar 2021 10:00:00 GMT</pubDate>"
                  "</item>" % (i, i) for i in range(n)) +
        "</channel></rss>"),
    "feed-huge-item": lambda n: (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        "<item><title>" + "word " * (n * 10) + "</title><description>" +
        "text " * (n * 50) + "</description></item></channel></rss>"),
    "feed-categories": lambda n: (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        "<item><title>x</title>" + "".join(
            "<category>c%d</category>" % i for i in range(n)) +
        "</item></channel></rss>"),
}

DATE_SHAPES = {
    "date-long": lambda n: ["14 February 2017 " + "Mon " * n],
}


def run(cmd, timeout):
    """The child's CPU seconds (user and system: on a loaded machine the
    wall clock says more of the others), and its exit status."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        p = subprocess.run(cmd, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "timeout"
    e = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (e.ru_utime - r.ru_utime + e.ru_stime - r.ru_stime,
            p.returncode)


def shape_cmd(name, n, binary, d):
    if name in DATE_SHAPES:
        return [binary, "date"] + DATE_SHAPES[name](n)
    if name in FEED_SHAPES:
        path, data, verb = (os.path.join(d, "f.xml"), FEED_SHAPES[name](n),
                            "feed")
    elif name in TEXT_SHAPES:
        path, data, verb = (os.path.join(d, "t.txt"), TEXT_SHAPES[name](n),
                            "extract")
    else:
        path, data, verb = (os.path.join(d, "p.html"), SHAPES[name](n),
                            "extract")
    with open(path, "w", encoding="utf-8") as f:
        f.write(data)
    return [binary, verb, path]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default="build/cli/newswire")
    ap.add_argument("--sizes", default="1000,4000,16000")
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--list", action="store_true")
    ap.add_argument("shapes", nargs="*")
    a = ap.parse_args()
    every = {**SHAPES, **TEXT_SHAPES, **FEED_SHAPES, **DATE_SHAPES}
    if a.list:
        print("\n".join(every))
        return 0
    sizes = [int(s) for s in a.sizes.split(",")]
    bad = 0
    with tempfile.TemporaryDirectory() as d:
        for name in a.shapes or every:
            times, line = [], "%-16s" % name
            for n in sizes:
                t, rc = run(shape_cmd(name, n, a.bin, d), a.timeout)
                if t is None:
                    line += "  %6d: timeout" % n
                    bad += 1
                    break
                line += "  %6d: %6.2fs" % (n, t)
                times.append(t)
            for i in range(1, len(times)):
                ratio = sizes[i] / sizes[i - 1]
                # the fixed start-up cost hides growth below 0.2 s
                if times[i] > 0.2 and times[i] / times[i - 1] > 1.5 * ratio:
                    line += "  SUPERLINEAR"
                    bad += 1
                    break
            print(line, flush=True)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
