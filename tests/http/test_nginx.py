#!/usr/bin/python3
"""The poller against Debian's nginx serving ../shared/feeds/realworld on
127.0.0.1: the first poll gets 200 and the feed byte for byte, the second
is answered 304, as nginx's own access log shows. Skipped (exit 77) when
nginx is not installed.

usage: test_nginx.py DRIVER REALWORLD_DIR
"""
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "lib"))
from nwtest import find_nginx, start_nginx, stop_proc  # noqa: E402

FEEDS = ['feed-rs+feed-rs/rss_2.0_bbc.xml',
         'feed-rs+feed-rs/rss_1.0_debian.xml',
         'miniflux+v2/encoding_ISO-8859-1.xml']

CONF = '''
daemon off;
master_process off;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log info;
events {{ worker_connections 64; }}
http {{
    types {{ application/rss+xml xml; }}
    log_format nw '$request_uri $status "$http_if_none_match" '
                  '"$http_if_modified_since" "$http_user_agent"';
    access_log {tmp}/access.log nw;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        etag on;
    }}
}}
'''


checks = 0


def check(cond, what):
    global checks
    if not cond:
        raise AssertionError(what)
    checks += 1
    print('ok -', what)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    driver, root = sys.argv[1], os.path.abspath(sys.argv[2])
    nginx = find_nginx()
    if not nginx:
        print('SKIP: nginx is not installed (apt-get install nginx-light)')
        sys.exit(77)
    tmp = tempfile.mkdtemp(prefix='nw-nginx-')

    def write_conf(port):
        with open(os.path.join(tmp, 'nginx.conf'), 'w') as f:
            f.write(CONF.format(tmp=tmp, port=port, root=root))
    proc, port = start_nginx([nginx, '-p', tmp, '-c', 'nginx.conf',
                              '-e', os.path.join(tmp, 'error.log')],
                             write_conf)
    try:
        if proc is None:
            err = open(os.path.join(tmp, 'error.log')).read() \
                if os.path.exists(os.path.join(tmp, 'error.log')) else ''
            raise AssertionError('nginx did not start: ' + err[-500:])
        for feed in FEEDS:
            url = 'http://127.0.0.1:%d/%s' % (port, feed)
            p = subprocess.run([driver, 'poll', url, '--polls', '2',
                                '--interval-ms', '200', '--limit-ms',
                                '20000'], capture_output=True, timeout=40)
            check(p.returncode == 0, 'driver ran for ' + feed)
            out = [json.loads(x) for x in p.stdout.decode().splitlines()]
            att = [o for o in out if o['ev'] == 'attempt']
            check([a['status'] for a in att] == [200, 304],
                  'poller saw 200 then 304 for ' + feed)
            body = [o for o in out if o['ev'] == 'body']
            with open(os.path.join(root, feed), 'rb') as f:
                want = hashlib.sha256(f.read()).hexdigest()
            check(len(body) == 1 and body[0]['body_sha256'] == want,
                  'one body, the file byte for byte')
        # nginx writes a request's line once the answer is sent, so the
        # last may come after the driver has read it
        end = time.monotonic() + 5
        while True:
            with open(os.path.join(tmp, 'access.log')) as f:
                log = f.read().splitlines()
            if len(log) >= 2 * len(FEEDS) or time.monotonic() > end:
                break
            time.sleep(0.05)
        print('  nginx access log:')
        for line in log:
            print('   ', line)
        for feed in FEEDS:
            lines = [x.split(' ') for x in log if x.startswith('/' + feed)]
            check([x[1] for x in lines] == ['200', '304'],
                  'nginx answered 200 then 304 for ' + feed)
            check(lines[0][2] == '"-"' and lines[1][2] != '"-"',
                  'only the second request carried If-None-Match')
    except AssertionError as e:
        print('FAIL -', e)
        sys.exit(1)
    finally:
        stop_proc(proc, 10)
        shutil.rmtree(tmp, ignore_errors=True)
    print('%d passed, 0 failed' % checks)


if __name__ == '__main__':
    main()
