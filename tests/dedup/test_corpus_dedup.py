#!/usr/bin/python3
"""Duplicates over ../shared/corpus with `newswire extract` (issue 6):

  renders  every aeb-dev page and its `w3m -dump` text rendering, in one
           invocation (pages first, then renderings): each rendering's
           duplicate_of must be its page's id; every miss fails.
  distinct all pages of aeb-dev and trafeval-dev in one invocation: none
           may have a duplicate_of (a page whose bytes repeat another's
           is the same article and is left out, see distinct_pages()).

usage: test_corpus_dedup.py NEWSWIRE SHARED_DIR {renders|distinct}
Exits 77 (skipped) when w3m is missing or the corpus is absent."""
import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

# pages whose w3m rendering may come out as raw HTML and go unmatched:
# none since the sniffer reads a dump that kept a stray tag as text
KNOWN_RAW = 0


def pages(corpus):
    d = os.path.join(corpus, 'html')
    if not os.path.isdir(d):
        return []
    return sorted(os.path.join(d, n) for n in os.listdir(d)
                  if n.endswith('.html.gz'))


def extract(newswire, files):
    out = subprocess.run([newswire, 'extract', '--'] + files,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         timeout=300, check=False)
    if out.returncode != 0:
        sys.exit('newswire extract exited %d: %s'
                 % (out.returncode, out.stderr.decode()[-2000:]))
    events = [json.loads(l) for l in out.stdout.decode().splitlines()
              if l.strip()]
    if len(events) != len(files):
        sys.exit('%d events for %d files' % (len(events), len(files)))
    return events


def decompress(paths, tmp):
    """Each page into tmp, once per distinct content."""
    out, seen = [], set()
    for i, p in enumerate(paths):
        data = gzip.open(p).read()
        h = hashlib.sha256(data).hexdigest()
        if h in seen:
            continue
        seen.add(h)
        f = os.path.join(tmp, '%03d.html' % i)
        with open(f, 'wb') as fh:
            fh.write(data)
        out.append(f)
    return out


def is_raw_html(path):
    """The rendering starts with markup w3m passed through as text."""
    with open(path, 'rb') as fh:
        head = fh.read(4096).lower()
    return re.search(rb'<(html|!doctype|div|img|script|meta)[\s>]',
                     head) is not None


def renders(newswire, shared):
    src = pages(os.path.join(shared, 'corpus', 'aeb-dev'))
    if not src or shutil.which('w3m') is None:
        return 77
    with tempfile.TemporaryDirectory() as tmp:
        html = decompress(src, tmp)
        txt = []
        for f in html:
            t = f[:-5] + '.txt'
            with open(t, 'wb') as fh:
                subprocess.run(['w3m', '-dump', '-T', 'text/html',
                                '-cols', '100', '-O', 'UTF-8', f],
                               stdout=fh, stderr=subprocess.DEVNULL,
                               timeout=60, check=True)
            txt.append(t)
        ev = extract(newswire, html + txt)
        n = len(html)
        matched, raw, missed = 0, 0, []
        for i in range(n):
            page, rend = ev[i], ev[n + i]
            if page.get('duplicate_of') is not None:
                missed.append('%s: page marked duplicate of %s'
                              % (html[i], page['duplicate_of']))
            if rend.get('id') is not None and \
                    rend.get('duplicate_of') == page.get('id'):
                matched += 1
            elif rend.get('id') is None and is_raw_html(txt[i]):
                raw += 1
            else:
                missed.append('%s: duplicate_of %s, page id %s'
                              % (txt[i], rend.get('duplicate_of'),
                                 page.get('id')))
        print('renderings matched to their page: %d/%d (%d rendered as '
              'raw HTML and unmatched)' % (matched, n, raw))
        for m in missed:
            print('  ' + m)
        if missed or raw > KNOWN_RAW:
            return 1
    return 0


def distinct(newswire, shared):
    src = pages(os.path.join(shared, 'corpus', 'aeb-dev')) + \
        pages(os.path.join(shared, 'corpus', 'trafeval-dev'))
    if not src:
        return 77
    with tempfile.TemporaryDirectory() as tmp:
        files = decompress(src, tmp)
        ev = extract(newswire, files)
        flagged = [(f, e.get('duplicate_of')) for f, e in zip(files, ev)
                   if e.get('duplicate_of') is not None]
        articles = sum(1 for e in ev if e.get('id') is not None)
        print('distinct pages: %d (%d articles); flagged duplicates: %d'
              % (len(files), articles, len(flagged)))
        for f, d in flagged:
            print('  %s: duplicate_of %s' % (f, d))
        if flagged:
            return 1
    return 0


def main():
    if len(sys.argv) != 4 or sys.argv[3] not in ('renders', 'distinct'):
        sys.exit(__doc__)
    fn = renders if sys.argv[3] == 'renders' else distinct
    return fn(sys.argv[1], sys.argv[2])


if __name__ == '__main__':
    sys.exit(main())
