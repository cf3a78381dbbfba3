#!/usr/bin/python3
"""The systemd unit as meson configured it: `systemd-analyze verify`
accepts it (with the build's binary in ExecStart, in a temporary copy) and `systemd-analyze security
--offline=yes` rates its exposure 2.0 or lower; the score is printed.
Exit 77 (skip) where systemd-analyze is missing.

The unit's Documentation=man: pages are looked up among the built ones
(MANPATH), as verify runs man for each.

usage: test_unit.py UNIT NEWSWIRED [MANPAGE...]
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile


def main():
    unit_built, newswired = sys.argv[1:3]
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        print("systemd-analyze not found: skipped")
        return 77
    tmp = tempfile.mkdtemp(prefix="nw-ops-unit-")
    unit = os.path.join(tmp, "newswired.service")
    text = open(unit_built).read()
    text, n = re.subn(r"^ExecStart=\S*/newswired ",
                      "ExecStart=%s " % os.path.abspath(newswired), text,
                      flags=re.M)
    left = re.findall(r"@\w+@", text)
    with open(unit, "w") as f:
        f.write(text)
    mandir = os.path.join(tmp, "man")
    for page in sys.argv[3:]:
        section = os.path.join(mandir, "man" + page.rsplit(".", 1)[1])
        os.makedirs(section, exist_ok=True)
        os.symlink(os.path.abspath(page),
                   os.path.join(section, os.path.basename(page)))
    env = dict(os.environ, MANPATH=mandir)
    bad = []
    if left or n != 1:
        bad.append("unsubstituted %s, %d ExecStart" % (left, n))
    r = subprocess.run([analyze, "verify", unit], capture_output=True,
                       text=True, timeout=60, env=env)
    print("verify: exit %d %s%s" % (r.returncode, r.stdout, r.stderr))
    # verify also reports on units it pulls in (network-online.target)
    # from the host; only lines about our unit count
    ours = [line for line in (r.stdout + r.stderr).splitlines()
            if "newswired" in line]
    if r.returncode != 0 or ours:
        bad.append("systemd-analyze verify: %r" % ours)
    r = subprocess.run([analyze, "security", "--offline=yes", unit],
                       capture_output=True, text=True, timeout=60)
    m = re.search(r"Overall exposure level for newswired.service: "
                  r"([0-9.]+) (\w+)", r.stdout)
    if m is None:
        bad.append("no exposure level in %r" % r.stdout[-300:])
    else:
        score = float(m.group(1))
        print("exposure score: %s %s" % (m.group(1), m.group(2)))
        if score > 2.0:
            bad.append("exposure %.1f > 2.0" % score)
    shutil.rmtree(tmp, ignore_errors=True)
    for b in bad:
        print("FAIL:", b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
