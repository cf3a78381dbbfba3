#!/usr/bin/python3
"""debian/ builds the package as a packager would, `dpkg-buildpackage -b
-us -uc` (two jobs) on a copy of the source, and the .deb, unpacked into a
scratch root (dpkg-deb -x, no maintainer script run), holds what it must:
the programs, the configuration as a conffile under /etc/newswire, the unit
with its paths present in the root, the sysusers.d and tmpfiles.d entries,
the manual pages, the completion, example.conf and the examples; postinst
creates the user, then the inbox, and enables and starts the unit; and
`systemd-analyze verify` accepts the installed unit, run on the unpacked
binary, with the package's manual pages. Exit 77 (skip)
without dpkg-buildpackage or debhelper.

usage: test_package.py SOURCE_ROOT VERSION
"""
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(
    os.path.abspath(__file__)), "..", "lib"))
from nwtest import check, verdict  # noqa: E402


def copy_source(src, dst):
    """The tracked files (as a clean checkout has them), else the tree
    without build folders."""
    r = subprocess.run(["git", "-C", src, "ls-files", "-z"],
                       capture_output=True, timeout=60)
    names = [n for n in r.stdout.decode().split("\0") if n] \
        if r.returncode == 0 else []
    if not names:
        shutil.copytree(src, dst, symlinks=True, ignore=shutil.ignore_patterns(
            "build", "build-*", ".git"))
        return
    for n in names:
        s, d = os.path.join(src, n), os.path.join(dst, n)
        if not os.path.lexists(s):
            continue
        os.makedirs(os.path.dirname(d), exist_ok=True)
        shutil.copy2(s, d, follow_symlinks=False)


def main():
    src, version = sys.argv[1:3]
    for tool in ("dpkg-buildpackage", "dh", "dpkg-deb"):
        if shutil.which(tool) is None:
            print("%s not found: skipped" % tool)
            return 77
    tmp = tempfile.mkdtemp(prefix="nw-package-")
    try:
        tree = os.path.join(tmp, "newswire")
        copy_source(src, tree)
        env = dict(os.environ, DEB_BUILD_OPTIONS="nocheck parallel=2")
        t0 = time.monotonic()
        r = subprocess.run(["dpkg-buildpackage", "-b", "-us", "-uc", "-j2"],
                           cwd=tree, env=env, capture_output=True,
                           text=True, timeout=1500)
        print("dpkg-buildpackage: exit %d in %.0f s" %
              (r.returncode, time.monotonic() - t0))
        if not check(r.returncode == 0, "dpkg-buildpackage -b -us -uc: %s"
                     % (r.stdout + r.stderr)[-3000:]):
            return 1
        arch = subprocess.run(["dpkg", "--print-architecture"],
                              capture_output=True, text=True).stdout.strip()
        deb = os.path.join(tmp, "newswire_%s_%s.deb" % (version, arch))
        if not check(os.path.isfile(deb), "%s built: %s" %
                     (os.path.basename(deb), os.listdir(tmp))):
            return 1
        inspect(tmp, deb)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return verdict()


def inspect(tmp, deb):
    root = os.path.join(tmp, "root")
    ctl = os.path.join(tmp, "control")
    subprocess.run(["dpkg-deb", "-x", deb, root], check=True, timeout=120)
    subprocess.run(["dpkg-deb", "-e", deb, ctl], check=True, timeout=120)

    def at(path):
        return os.path.join(root, path.lstrip("/"))

    def one(*paths):
        return next((p for p in paths if os.path.lexists(at(p))), None)

    for path in ("/usr/bin/newswired", "/usr/bin/newswire"):
        check(os.access(at(path), os.X_OK), "%s installed" % path)
    files = [
        "/etc/newswire/newswired.conf",
        "/usr/share/doc/newswire/example.conf",
        "/usr/share/doc/newswire/examples/subscriber.py",
        "/usr/share/doc/newswire/examples/subscriber.c",
        "/usr/share/bash-completion/completions/newswire",
        "/usr/share/bash-completion/completions/newswired",
        "/usr/lib/sysusers.d/newswire.conf",
        "/usr/lib/tmpfiles.d/newswire.conf",
    ]
    for path in files:
        check(os.path.isfile(at(path)), "%s installed" % path)
    for doc in ("README.md", "events.md", "configuration.md",
                "operations.md"):
        p = one("/usr/share/doc/newswire/" + doc,
                "/usr/share/doc/newswire/%s.gz" % doc)
        check(p is not None, "doc %s installed" % doc)
    for page in ("man8/newswired.8", "man1/newswire.1",
                 "man5/newswired.conf.5"):
        p = one("/usr/share/man/%s.gz" % page, "/usr/share/man/%s" % page)
        check(p is not None, "man page %s installed" % page)
    unit = one("/lib/systemd/system/newswired.service",
               "/usr/lib/systemd/system/newswired.service")
    if not check(unit is not None, "the unit installed"):
        return

    conffiles = open(os.path.join(ctl, "conffiles")).read().split() \
        if os.path.exists(os.path.join(ctl, "conffiles")) else []
    check("/etc/newswire/newswired.conf" in conffiles,
          "newswired.conf is a conffile: %s" % conffiles)
    check(all(c.startswith("/etc/newswire/") for c in conffiles),
          "every conffile is under /etc/newswire: %s" % conffiles)

    text = open(at(unit)).read()
    argv = shlex.split(re.search(r"^ExecStart=(.*)$", text, re.M).group(1))
    check(argv[0] == "/usr/bin/newswired" and
          os.access(at(argv[0]), os.X_OK), "ExecStart %s is in the package"
          % argv[0])
    conf = argv[argv.index("-c") + 1] if "-c" in argv else None
    check(conf == "/etc/newswire/newswired.conf" and
          os.path.isfile(at(conf)), "the unit reads the conffile: %s" % conf)
    check(re.search(r"^User=newswire$", text, re.M) is not None and
          "DynamicUser=yes" not in text, "the unit runs as the system user")

    post = open(os.path.join(ctl, "postinst")).read() \
        if os.path.exists(os.path.join(ctl, "postinst")) else ""
    users = post.find("systemd-sysusers")
    dirs = post.find("systemd-tmpfiles")
    check(users >= 0 and dirs >= 0 and users < dirs,
          "postinst creates the user (sysusers), then the inbox (tmpfiles)")
    check("deb-systemd-helper" in post and "enable" in post and
          "newswired.service" in post, "postinst enables newswired.service")
    check("deb-systemd-invoke" in post and "start" in post,
          "postinst starts the service")

    # the installed unit, its ExecStart pointed at the unpacked binary and
    # man looking in the package's pages (verify runs man for each
    # Documentation=man:); a scratch root is no system to --root into
    copy = os.path.join(tmp, "newswired.service")
    with open(copy, "w") as f:
        f.write(text.replace("ExecStart=/usr/bin/newswired",
                             "ExecStart=" + at("/usr/bin/newswired")))
    r = subprocess.run(["systemd-analyze", "verify", copy],
                       capture_output=True, text=True, timeout=120,
                       env=dict(os.environ,
                                MANPATH=at("/usr/share/man")))
    ours = [line for line in (r.stdout + r.stderr).splitlines()
            if "newswired" in line]
    check(r.returncode == 0 and not ours,
          "systemd-analyze verify --root of the installed unit: exit %d %r"
          % (r.returncode, (r.stdout + r.stderr)[-500:]))
    r = subprocess.run([at("/usr/bin/newswire"), "--version"],
                       capture_output=True, text=True, timeout=30)
    check(r.returncode == 0 and r.stdout.startswith("newswire "),
          "the packaged newswire runs: %r" % r.stdout)


if __name__ == "__main__":
    sys.exit(main())
