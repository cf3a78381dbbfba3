#!/usr/bin/python3
"""The manual pages and the bash completion, as built: `man -l` renders
each page without a warning, with NAME, SYNOPSIS and the sections a page of
its kind needs; newswire(1) names every command and every option the
commands' --help names, newswired(8) every option of `newswired --help`,
newswired.conf(5) every key of config/example.conf. The completion, sourced
in bash, offers exactly the commands `newswire help` lists, and each
command's options.

usage: test_man.py NEWSWIRE NEWSWIRED EXAMPLE_CONF COMPLETION PAGE...
"""
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(
    os.path.abspath(__file__)), "..", "lib"))
from nwtest import check, verdict  # noqa: E402


def render(page):
    env = dict(os.environ, MANWIDTH="80", LANG="C.UTF-8", MAN_KEEP_FORMATTING="")
    r = subprocess.run(["man", "--warnings", "-E", "UTF-8", "-l", page],
                       capture_output=True, text=True, env=env, timeout=60)
    text = re.sub(r".\x08", "", r.stdout)     # no overstrike
    check(r.returncode == 0 and text.strip() != "" and r.stderr == "",
          "man -l %s renders: exit %d %r" % (os.path.basename(page),
                                            r.returncode, r.stderr[:300]))
    return text


def options(text):
    return set(re.findall(r"(?<![\w-])(--[a-z][\w-]*)", text))


def complete(completion, words):
    """What the completion offers for the command line `words`, the last
    one being completed."""
    script = ('source %s\nCOMP_WORDS=(%s)\nCOMP_CWORD=%d\n'
              'case ${COMP_WORDS[0]} in newswired) _newswired ;; '
              '*) _newswire ;; esac\nprintf "%%s\\n" "${COMPREPLY[@]}"\n' %
              (completion, " ".join("'%s'" % w for w in words),
               len(words) - 1))
    r = subprocess.run(["bash", "--norc", "-c", script], capture_output=True,
                       text=True, timeout=30)
    check(r.returncode == 0 and r.stderr == "",
          "completion of %r runs: %r" % (words, r.stderr[:200]))
    return set(x for x in r.stdout.split("\n") if x)


def main():
    newswire, newswired, example, completion = sys.argv[1:5]
    pages = {os.path.basename(p): p for p in sys.argv[5:]}
    if shutil.which("man") is None:
        print("man not found: skipped")
        return 77
    texts = {}
    for name, path in sorted(pages.items()):
        text = texts[name] = render(path)
        for head in ("NAME", "SYNOPSIS", "DESCRIPTION", "SEE ALSO"):
            check(re.search(r"^%s$" % head, text, re.M) is not None,
                  "%s has %s" % (name, head))
    check(set(pages) == {"newswire.1", "newswired.8", "newswired.conf.5"},
          "the three pages are built: %s" % sorted(pages))

    top = subprocess.run([newswire, "help"], capture_output=True,
                         text=True).stdout
    commands = re.findall(r"^  newswire (\w+)", top, re.M)
    page = texts.get("newswire.1", "")
    check("EXIT STATUS" in page, "newswire(1) documents the exit status")
    for c in commands:
        check(re.search(r"^ {7}%s\b" % c, page, re.M) is not None,
              "newswire(1) describes the command %s" % c)
        opts = options(subprocess.run([newswire, c, "--help"],
                                      capture_output=True,
                                      text=True).stdout)
        missing = sorted(opts - options(page))
        check(not missing, "newswire(1) names %s's options: missing %s" %
              (c, missing))
    dopts = options(subprocess.run([newswired, "--help"],
                                   capture_output=True, text=True).stdout)
    missing = sorted(dopts - options(texts.get("newswired.8", "")))
    check(not missing and dopts, "newswired(8) names every option: "
          "missing %s" % missing)
    conf_page = texts.get("newswired.conf.5", "")
    section = None
    for line in open(example):
        m = re.match(r"^#?\s*\[(\w+)", line)
        if m:
            section = m.group(1)
        m = re.match(r"^(\w+) = ", line)
        if m and section:
            check(re.search(r"^ {7}%s = " % m.group(1), conf_page, re.M)
                  is not None, "newswired.conf(5) describes [%s] %s" %
                  (section, m.group(1)))

    offered = complete(completion, ["newswire", ""])
    check(set(commands) <= offered and
          offered - set(commands) <= {"--help", "--version"},
          "completion offers the commands: %s (help lists %s)" %
          (sorted(offered), commands))
    check(complete(completion, ["newswire", "ta"]) == {"tail"},
          "completion of 'ta' is tail")
    for c in commands:
        if c == "help":
            continue
        opts = options(subprocess.run([newswire, c, "--help"],
                                      capture_output=True,
                                      text=True).stdout) | {"--help"}
        got = complete(completion, ["newswire", c, "--"])
        check(opts <= got, "completion offers %s's options: missing %s" %
              (c, sorted(opts - got)))
    got = complete(completion, ["newswired", "--"])
    check(dopts <= got, "completion offers newswired's options: missing %s"
          % sorted(dopts - got))
    return verdict()


if __name__ == "__main__":
    sys.exit(main())
