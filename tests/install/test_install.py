#!/usr/bin/python3
"""`meson install` of this build into a scratch DESTDIR, with the build's
prefix (meson's default, /usr/local, in scripts/test), then every path the
installed systemd unit names must be there: the binary of ExecStart, the
configuration after -c, the documentation, the manual pages of
Documentation=man:, the user and group (sysusers.d) and the inbox
(tmpfiles.d). The installed configuration must start newswired, and the
annotated example it refers to must be installed too.

usage: test_install.py BUILDDIR MESON
"""
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

BAD = []


def check(ok, what):
    print("%s: %s" % ("ok" if ok else "FAIL", what))
    if not ok:
        BAD.append(what)


def under(dest, path):
    return os.path.join(dest, path.lstrip("/"))


def find(dest, name):
    hits = []
    for root, _, files in os.walk(dest):
        if name in files:
            hits.append(os.path.join(root, name))
    return hits


def main():
    build, meson = sys.argv[1:3]
    opts = json.loads(subprocess.run(
        [meson, "introspect", "--buildoptions", build], check=True,
        capture_output=True, text=True, timeout=60).stdout)
    opt = {o["name"]: o["value"] for o in opts}
    prefix = opt["prefix"]
    print("prefix %s, sysconfdir %s" % (prefix, opt["sysconfdir"]))
    dest = tempfile.mkdtemp(prefix="nw-install-")
    try:
        r = subprocess.run([meson, "install", "-C", build, "--no-rebuild",
                            "--destdir", dest], capture_output=True,
                           text=True, timeout=300)
        check(r.returncode == 0, "meson install: exit %d %s" %
              (r.returncode, r.stderr[-500:]))
        inspect(dest, prefix)
    finally:
        shutil.rmtree(dest, ignore_errors=True)
    return 1 if BAD else 0


def inspect(dest, prefix):
    units = find(dest, "newswired.service")
    check(len(units) == 1, "one unit installed: %s" % units)
    if not units:
        return
    unit = open(units[0]).read()
    keys = {}
    for line in unit.splitlines():
        m = re.match(r"^(\w+)=(.*)$", line)
        if m:
            keys.setdefault(m.group(1), []).append(m.group(2))

    argv = shlex.split(keys["ExecStart"][0])
    check(argv[0].startswith(prefix + "/"),
          "ExecStart %s is under the prefix %s" % (argv[0], prefix))
    check(os.access(under(dest, argv[0]), os.X_OK),
          "ExecStart binary %s installed" % argv[0])
    args = dict(zip(argv[1::2], argv[2::2]))
    conf = args.get("-c")
    check(conf is not None and os.path.isfile(under(dest, conf)),
          "configuration -c %s installed" % conf)
    for line in keys.get("ExecReload", []):
        tool = shlex.split(line)[0]
        check(os.access(tool, os.X_OK) or
              os.access(under(dest, tool), os.X_OK),
              "ExecReload tool %s exists" % tool)

    docs = " ".join(keys.get("Documentation", [])).split()
    check(docs != [], "the unit names its documentation")
    for doc in docs:
        if doc.startswith("file://"):
            path = doc[len("file://"):]
            check(os.path.isfile(under(dest, path)),
                  "Documentation %s installed" % path)
        elif doc.startswith("man:"):
            m = re.match(r"man:([\w.-]+)\((\d)\)$", doc)
            pages = find(dest, "%s.%s" % (m.group(1), m.group(2))) \
                if m else []
            check(len(pages) == 1 and "/man%s/" % m.group(2) in pages[0],
                  "Documentation %s installed: %s" % (doc, pages))
        else:
            check(False, "Documentation %s: unknown scheme" % doc)

    # the user and group the unit runs as: declared by sysusers.d
    user = keys.get("User", [None])[0]
    sysusers = find(dest, "newswire.conf")
    sysusers = [p for p in sysusers if "/sysusers.d/" in p]
    check(len(sysusers) == 1, "sysusers.d file installed: %s" % sysusers)
    if sysusers and user:
        text = open(sysusers[0]).read()
        check(re.search(r"^u\s+%s\s" % re.escape(user), text, re.M)
              is not None, "sysusers.d declares the unit's User=%s" % user)
    # the inbox and the state folder's parent: tmpfiles.d / StateDirectory
    tmpfiles = [p for p in find(dest, "newswire.conf")
                if "/tmpfiles.d/" in p]
    check(len(tmpfiles) == 1, "tmpfiles.d file installed: %s" % tmpfiles)
    inbox = args.get("--inbox")
    if tmpfiles and inbox:
        m = re.search(r"^d\s+%s\s+(\d+)\s+(\S+)\s+(\S+)" %
                      re.escape(inbox), open(tmpfiles[0]).read(), re.M)
        check(m is not None and m.group(1) == "2770" and
              m.group(3) == keys.get("Group", ["?"])[0],
              "tmpfiles.d makes the inbox %s group-writable, setgid" % inbox)
    state = args.get("--state", "")
    sdir = keys.get("StateDirectory", [""])[0]
    check(state.startswith("/var/lib/%s/" % sdir) and sdir != "",
          "--state %s is inside StateDirectory=%s" % (state, sdir))

    comp = [p for p in find(dest, "newswire") + find(dest, "newswired")
            if "/bash-completion/completions/" in p]
    check(len(comp) == 2, "bash completion installed for both: %s" % comp)

    # the configuration installed refers to example.conf: installed too
    if conf and os.path.isfile(under(dest, conf)):
        check("example.conf" in open(under(dest, conf)).read(),
              "the configuration refers to example.conf")
        ex = find(dest, "example.conf")
        check(len(ex) == 1 and "/doc/newswire/" in ex[0],
              "example.conf installed in the doc folder: %s" % ex)
        start_installed(dest, argv[0], conf)


def start_installed(dest, binary, conf):
    """The installed binary reads the installed configuration: with the
    state and inbox in a scratch folder, it starts and stops cleanly."""
    import signal
    import time
    tmp = tempfile.mkdtemp(prefix="nw-install-run-")
    # the installed configuration serves metrics on a fixed port, which
    # another test may hold: it is then logged, not fatal
    p = subprocess.Popen(
        [under(dest, binary), "-c", under(dest, conf),
         "--state", os.path.join(tmp, "state"),
         "--inbox", os.path.join(tmp, "inbox"),
         "--publish", "tcp://127.0.0.1:*",
         "--replay", "tcp://127.0.0.1:*"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.time() + 30
        while time.time() < deadline and p.poll() is None and \
                not os.path.isdir(os.path.join(tmp, "inbox", "processed")):
            time.sleep(0.1)
        time.sleep(0.5)
        alive = p.poll() is None
        if alive:
            p.send_signal(signal.SIGTERM)
        err = p.communicate(timeout=30)[1]
        check(alive and p.returncode == 0,
              "installed newswired runs on the installed configuration "
              "(exit %s) %s" % (p.returncode, err[-300:] if not alive
                                else ""))
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
