#!/usr/bin/python3
"""End-to-end tests of the HTTP client and poller (fetchers/http).

A small fault-injecting HTTP server (stdlib http.server, 127.0.0.1, a free
port) runs in this process and logs every request with its own timestamps;
http_driver (the C modules on a libevent loop) is run against it and its
JSON lines are checked, together with the server's log.

usage: test_http.py DRIVER CASE
"""
import gzip
import hashlib
import json
import os
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FEED = (b'<?xml version="1.0" encoding="utf-8"?>\n'
        b'<rss version="2.0"><channel><title>t</title>'
        b'<item><guid>1</guid><title>one</title></item>'
        b'</channel></rss>\n')
LAST_MODIFIED = 'Wed, 21 Oct 2015 07:28:00 GMT'
GZIP_PLAIN = b'<p>compressed words</p>\n' * 2000
GZIP_BODY = gzip.compress(GZIP_PLAIN)
BIG = 2 << 20


def bomb():
    """64 MB of zeros that gzip to about 64 KB."""
    return gzip.compress(b'\0' * (64 << 20), compresslevel=9)


class State:
    def __init__(self):
        self.lock = threading.Lock()
        self.log = []
        self.count = {}
        self.active = 0
        self.max_active = 0
        self.conns = 0
        self.max_conns = 0


class Handler(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'
    server_version = 'faults/1'

    def log_message(self, *args):
        pass

    def setup(self):
        super().setup()
        st = self.server.state
        with st.lock:
            st.conns += 1
            st.max_conns = max(st.max_conns, st.conns)

    def finish(self):
        st = self.server.state
        with st.lock:
            st.conns -= 1
        super().finish()

    def send(self, status, body=b'', headers=()):
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return status

    def redirect(self, status, where):
        return self.send(status, b'moved\n', [('Location', where)])

    def feed(self, etag='"v1"'):
        if self.headers.get('If-None-Match') == etag:
            return self.send(304, b'', [('ETag', etag)])
        return self.send(200, FEED, [
            ('ETag', etag), ('Last-Modified', LAST_MODIFIED),
            ('Content-Type', 'application/rss+xml')])

    def do_GET(self):
        st = self.server.state
        path = self.path.split('?')[0]
        rec = {'t': time.monotonic(), 'path': path,
               'inm': self.headers.get('If-None-Match'),
               'ims': self.headers.get('If-Modified-Since'),
               'ua': self.headers.get('User-Agent'),
               'ae': self.headers.get('Accept-Encoding'),
               'accept': self.headers.get('Accept'),
               'x_test': self.headers.get('X-Test'),
               'status': None}
        with st.lock:
            n = st.count.get(path, 0)
            st.count[path] = n + 1
            st.log.append(rec)
            if path == '/hold':
                st.active += 1
                st.max_active = max(st.max_active, st.active)
        try:
            rec['status'] = self.route(path, n)
        except (BrokenPipeError, ConnectionResetError):
            rec['aborted'] = True
            self.close_connection = True
        finally:
            if path == '/hold':
                with st.lock:
                    st.active -= 1

    def route(self, path, n):
        if path.startswith('http://'):
            return self.feed()   # asked as a proxy
        if path == '/feed':
            return self.feed()
        if path == '/changing':
            etag = '"c%d"' % n
            if self.headers.get('If-None-Match') == etag:
                return self.send(304)
            body = FEED.replace(b'<title>one</title>',
                                b'<title>one v%d</title>' % n)
            return self.send(200, body, [('ETag', etag)])
        if path == '/ratelimit':
            if n == 0:
                return self.send(429, b'slow down\n',
                                 [('Retry-After', '2')])
            return self.feed()
        if path == '/hold-host':
            if n == 0:
                return self.send(429, b'slow down\n',
                                 [('Retry-After', '1')])
            return self.send(200, b'ok\n')
        if path == '/ratelimit-bare':
            if n == 0:
                return self.send(429, b'slow down\n')
            return self.feed()
        if path == '/unavailable':
            if n < 2:
                return self.send(503, b'busy\n')
            return self.feed()
        if path == '/gone':
            return self.send(410, b'gone\n')
        if path == '/fail':
            return self.send(503, b'down\n')
        if path == '/slow':
            time.sleep(3)
            return self.feed()
        if path == '/truncated':
            self.send_response(200)
            self.send_header('Content-Length', '1000')
            self.end_headers()
            self.wfile.write(b'x' * 100)
            self.wfile.flush()
            self.close_connection = True
            return 200
        if path == '/big':
            self.send_response(200)
            self.send_header('Transfer-Encoding', 'chunked')
            self.end_headers()
            chunk = b'y' * 65536
            for _ in range(BIG // len(chunk)):
                self.wfile.write(b'%x\r\n%s\r\n' % (len(chunk), chunk))
            self.wfile.write(b'0\r\n\r\n')
            return 200
        if path == '/big-declared':
            return self.send(200, b'z' * BIG)
        if path == '/gzip':
            return self.send(200, GZIP_BODY,
                             [('Content-Encoding', 'gzip'),
                              ('Content-Type', 'text/html')])
        if path == '/bomb':
            return self.send(200, bomb(), [('Content-Encoding', 'gzip')])
        if path == '/loop/a':
            return self.redirect(302, '/loop/b')
        if path == '/loop/b':
            return self.redirect(302, '/loop/a')
        if path == '/moved':
            return self.redirect(301, '/feed')
        if path == '/perm2':
            return self.redirect(308, '/temp')
        if path == '/temp':
            return self.redirect(302, '/feed')
        if path == '/hold':
            time.sleep(0.5)
            return self.send(200, b'held\n')
        return self.send(404, b'no such path\n')


class Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass   # clients that hang up on purpose (caps, timeouts)


def start_server():
    srv = Server(('127.0.0.1', 0), Handler)
    srv.daemon_threads = True
    srv.state = State()
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv


def closed_port():
    s = socket.socket()
    s.bind(('127.0.0.1', 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Case:
    def __init__(self, driver, srv):
        self.driver = driver
        self.srv = srv
        self.base = 'http://127.0.0.1:%d' % srv.server_address[1]

    def run(self, mode, path, *opts, url=None, env=None):
        args = [self.driver, mode, url or self.base + path,
                '--limit-ms', '20000'] + [str(o) for o in opts]
        # no proxy from the caller's environment, unless the case sets one
        e = {k: v for k, v in os.environ.items()
             if not k.lower().endswith('_proxy')}
        e.update(env or {})
        p = subprocess.run(args, capture_output=True, timeout=40, env=e)
        if p.returncode != 0:
            raise AssertionError('driver exit %d: %s' % (
                p.returncode, p.stderr.decode(errors='replace')))
        out = [json.loads(line) for line in p.stdout.decode().splitlines()]
        for o in out:
            print('  driver:', json.dumps(o, sort_keys=True)[:300])
        return out

    def log(self, path=None):
        """The server's requests for path. A handler records the status
        after it has sent the response, so the client may have its answer
        first: wait (at most 2 s) for the handlers still finishing."""
        deadline = time.monotonic() + 2.0
        while True:
            with self.srv.state.lock:
                recs = [r for r in self.srv.state.log
                        if path is None or r['path'] == path]
            pending = [r for r in recs
                       if r['status'] is None and not r.get('aborted')]
            if not pending or time.monotonic() > deadline:
                return recs
            time.sleep(0.02)


checks = 0


def check(cond, what):
    global checks
    if not cond:
        raise AssertionError(what)
    checks += 1
    print('ok -', what)


def events(out, ev):
    return [o for o in out if o['ev'] == ev]


def case_validators(c):
    out = c.run('poll', '/feed', '--polls', 2, '--interval-ms', 300)
    att = events(out, 'attempt')
    check([a['status'] for a in att] == [200, 304],
          'poller: 200, then 304 on the second poll')
    check(att[1]['not_modified'], 'the 304 is reported as not modified')
    check(len(events(out, 'body')) == 1, 'one body handed over, none for 304')
    body = events(out, 'body')[0]
    check(body['etag'] == '"v1"' and body['last_modified'] == LAST_MODIFIED,
          'the body comes with its validators')
    check(body['body_sha256'] == hashlib.sha256(FEED).hexdigest(),
          'the body is the feed, byte for byte')
    v = events(out, 'validators')
    check(len(v) == 1 and v[0]['etag'] == '"v1"',
          'validators reported once, when they changed')
    log = c.log('/feed')
    check([r['status'] for r in log] == [200, 304],
          'server answered 200 then 304')
    check(log[0]['inm'] is None and log[1]['inm'] == '"v1"' and
          log[1]['ims'] == LAST_MODIFIED,
          'second request carried If-None-Match and If-Modified-Since')
    check(log[0]['ua'].startswith('newswire/'),
          'User-Agent names newswire: %s' % log[0]['ua'])
    check('application/rss+xml' in (log[0]['accept'] or ''),
          'the poller asks for feed types')
    # stored validators passed in by the caller
    out = c.run('get', '/feed', '--etag', '"v1"', '--ua', 'custom/1',
                '--header', 'X-Test: yes')
    check(out[0]['status'] == 304 and out[0]['body_len'] == 0,
          'a GET with stored validators gets 304')
    check(c.log('/feed')[-1]['ua'] == 'custom/1', 'User-Agent configurable')
    check(c.log('/feed')[-1]['x_test'] == 'yes', 'extra headers sent')
    # a feed that changes between polls
    out = c.run('poll', '/changing', '--polls', 2, '--interval-ms', 200)
    bodies = events(out, 'body')
    check(len(bodies) == 2 and
          bodies[0]['body_sha256'] != bodies[1]['body_sha256'],
          'a changed feed is handed over again')
    check([v['etag'] for v in events(out, 'validators')] == ['"c0"', '"c1"'],
          'new validators reported on each change')


def case_retry_after(c):
    out = c.run('poll', '/ratelimit', '--polls', 2, '--interval-ms', 60000,
                '--backoff-ms', 100)
    att = events(out, 'attempt')
    check([a['status'] for a in att] == [429, 200], '429, then 200')
    check(att[0]['next_ms'] >= 2000,
          'next attempt scheduled no earlier than Retry-After')
    log = c.log('/ratelimit')
    check(len(log) == 2, 'exactly two requests reached the server')
    gap = log[1]['t'] - log[0]['t']
    check(gap >= 2.0, 'server saw the retry %.2f s later (>= 2 s)' % gap)
    h = events(out, 'health')
    check([x['health'] for x in h] == ['failing', 'ok'],
          'health reported once failing, once recovered')
    check('429' in h[0]['reason'], 'reason names the status')
    out = c.run('poll', '/ratelimit-bare', '--polls', 2, '--interval-ms', 500,
                '--backoff-ms', 50)
    att = events(out, 'attempt')
    check([a['status'] for a in att] == [429, 200] and
          att[0]['next_ms'] >= 450,
          '429 without Retry-After: next attempt no sooner than the interval')
    log = c.log('/ratelimit-bare')
    check(len(log) == 2 and log[1]['t'] - log[0]['t'] >= 0.45,
          'server saw the retry %.2f s later' % (log[1]['t'] - log[0]['t']))


def case_host_hold(c):
    out = c.run('get', '/hold-host', '--count', 3, '--per-host', 1)
    check(sorted(o['status'] for o in out) == [200, 200, 429],
          'one 429, then the queued requests succeed')
    t = [r['t'] for r in c.log('/hold-host')]
    check(len(t) == 3 and t[1] - t[0] >= 1.0,
          'a Retry-After holds the host queue: next request %.2f s later' %
          (t[1] - t[0]))


def case_backoff(c):
    out = c.run('poll', '/unavailable', '--polls', 3, '--interval-ms', 60000,
                '--backoff-ms', 200)
    att = events(out, 'attempt')
    check([a['status'] for a in att] == [503, 503, 200], '503, 503, 200')
    check(100 <= att[0]['next_ms'] <= 200 and
          200 <= att[1]['next_ms'] <= 400,
          'backoff doubles, with jitter: %d then %d ms' % (
              att[0]['next_ms'], att[1]['next_ms']))
    check([a['failures'] for a in att] == [1, 2, 0], 'failures counted')
    h = events(out, 'health')
    check([x['health'] for x in h] == ['failing', 'ok'],
          'two failures reported once, then the recovery')
    log = c.log('/unavailable')
    check(len(log) == 3, 'three requests at the server')
    g1, g2 = log[1]['t'] - log[0]['t'], log[2]['t'] - log[1]['t']
    check(g1 >= 0.09 and g2 >= 0.19,
          'server-side gaps follow the backoff: %.2f, %.2f s' % (g1, g2))


def case_timeout(c):
    out = c.run('get', '/slow', '--timeout-ms', 1000)
    check(out[0]['error'] == 'timeout', 'slow response: timeout')
    check('timeout' in out[0]['errmsg'], 'clear message: ' + out[0]['errmsg'])
    check(len(c.log('/slow')) == 1, 'the server saw the request')


def case_connect_timeout(c):
    # a listener whose accept queue is full: further SYNs go unanswered
    lst = socket.socket()
    lst.bind(('127.0.0.1', 0))
    lst.listen(0)
    port = lst.getsockname()[1]
    fill = []
    try:
        for _ in range(4):
            s = socket.socket()
            s.setblocking(False)
            try:
                s.connect(('127.0.0.1', port))
            except BlockingIOError:
                pass
            fill.append(s)
        time.sleep(0.2)
        out = c.run('get', None, '--connect-timeout-ms', 500,
                    '--timeout-ms', 10000,
                    url='http://127.0.0.1:%d/' % port)
    finally:
        for s in fill:
            s.close()
        lst.close()
    check(out[0]['error'] == 'timeout' and
          'connect' in out[0]['errmsg'].lower(),
          'unanswered connect: connect timeout: ' + out[0]['errmsg'])


def case_truncated(c):
    out = c.run('get', '/truncated')
    check(out[0]['error'] == 'truncated body',
          'Content-Length longer than the body: truncated')
    check('truncated' in out[0]['errmsg'], out[0]['errmsg'])


def case_too_big(c):
    out = c.run('get', '/big', '--max-body', 100000)
    check(out[0]['error'] == 'body too big', 'chunked body past the cap')
    check('100000' in out[0]['errmsg'], out[0]['errmsg'])
    out = c.run('get', '/big', '--max-body', BIG)
    check(out[0]['error'] == 'ok' and out[0]['body_len'] == BIG,
          'the same body fits a cap of its size')


def case_too_big_declared(c):
    out = c.run('get', '/big-declared', '--max-body', 100000)
    check(out[0]['error'] == 'body too big',
          'declared Content-Length past the cap')


def case_gzip(c):
    out = c.run('get', '/gzip')
    r = out[0]
    check(r['error'] == 'ok' and r['status'] == 200, 'gzip body fetched')
    check(r['body_len'] == len(GZIP_PLAIN) and
          r['body_sha256'] == hashlib.sha256(GZIP_PLAIN).hexdigest(),
          'body decompressed (%d -> %d bytes)' % (len(GZIP_BODY),
                                                  r['body_len']))
    ae = c.log('/gzip')[0]['ae'] or ''
    check('gzip' in ae and 'deflate' in ae, 'Accept-Encoding sent: ' + ae)


def case_gzip_bomb(c):
    out = c.run('get', '/bomb', '--max-body', 1 << 20)
    check(out[0]['error'] == 'body too big',
          'gzip bomb (%d bytes -> 64 MB) stopped at the cap' % len(bomb()))


def case_redirect_loop(c):
    out = c.run('get', '/loop/a')
    check(out[0]['error'] == 'too many redirects', 'redirect loop fails')
    check('redirect loop' in out[0]['errmsg'], out[0]['errmsg'])
    n = len(c.log('/loop/a')) + len(c.log('/loop/b'))
    check(n == 6, 'the first request and 5 redirects, no more (%d)' % n)


def case_permanent_redirect(c):
    b = c.base
    r = c.run('get', '/moved')[0]
    check(r['status'] == 200 and r['final_url'] == b + '/feed' and
          r['permanent_url'] == b + '/feed' and r['redirects'] == 1,
          '301 followed and reported as permanent')
    r = c.run('get', '/perm2')[0]
    check(r['final_url'] == b + '/feed' and r['permanent_url'] == b + '/temp',
          '308 then 302: only the permanent part is reported')
    r = c.run('get', '/temp')[0]
    check(r['final_url'] == b + '/feed' and r['permanent_url'] is None,
          'a 302 is not permanent')
    before = len(c.log('/moved'))
    out = c.run('poll', '/moved', '--polls', 2, '--interval-ms', 200)
    m = events(out, 'moved')
    check(len(m) == 1 and m[0]['url'] == b + '/feed',
          'the poller reports the move once')
    check(len(c.log('/moved')) == before + 1,
          'and polls the new URL from then on')


def case_per_host(c):
    st = c.srv.state
    for per_host, glob, want in ((2, 32, 2), (1, 32, 1), (4, 3, 3)):
        for _ in range(100):   # the last run's connections are closed
            if st.conns == 0:
                break
            time.sleep(0.02)
        st.max_active = st.max_conns = 0
        out = c.run('get', '/hold', '--count', 8, '--per-host', per_host,
                    '--global', glob)
        check(len(out) == 8 and all(o['status'] == 200 for o in out),
              'eight requests done')
        check(st.max_active == want and st.max_conns <= want,
              'per-host %d, global %d: the server saw at most %d requests '
              '(%d) and %d connections (%d) at once' % (
                  per_host, glob, want, st.max_active, want, st.max_conns))


def case_host_delay(c):
    c.run('get', '/feed', '--count', 3, '--delay-ms', 500)
    t = [r['t'] for r in c.log('/feed')]
    gaps = [b - a for a, b in zip(t, t[1:])]
    check(len(t) == 3 and min(gaps) >= 0.4,
          'requests to one host spaced by the minimum delay: %s' %
          ', '.join('%.2f' % g for g in gaps))


def case_unhealthy(c):
    out = c.run('poll', '/fail', '--polls', 5, '--backoff-ms', 50,
                '--interval-ms', 200,
                '--unhealthy-after', 3, '--unhealthy-retry-ms', 300)
    att = events(out, 'attempt')
    check([a['health'] for a in att] ==
          ['failing', 'failing', 'unhealthy', 'unhealthy', 'unhealthy'],
          'unhealthy after 3 failures, and still retried')
    check(all(270 <= a['next_ms'] <= 330 for a in att[2:]),
          'retried slowly: %s ms' % [a['next_ms'] for a in att[2:]])
    h = events(out, 'health')
    check([x['health'] for x in h] == ['failing', 'unhealthy'],
          'five failures reported twice: one per state change')
    check(len(c.log('/fail')) == 5, 'five requests, none dropped')
    out = c.run('poll', '/gone', '--polls', 2, '--interval-ms', 200,
                '--unhealthy-retry-ms', 300)
    check([a['health'] for a in events(out, 'attempt')] ==
          ['unhealthy', 'unhealthy'] and
          [h['health'] for h in events(out, 'health')] == ['unhealthy'],
          '410 Gone: unhealthy at once, reported once, still retried')


def case_bad_url(c):
    out = c.run('get', None, url='ftp://127.0.0.1/feed')
    check(out[0]['error'] == 'bad URL', 'ftp:// refused: ' +
          out[0]['errmsg'])
    check(c.log() == [], 'nothing reached the server')


def case_refused(c):
    out = c.run('get', None, url='http://127.0.0.1:%d/' % closed_port())
    check(out[0]['error'] == 'connection failed', out[0]['errmsg'])


def case_proxy(c):
    url = 'http://feeds.example.invalid/feed'
    out = c.run('get', None, '--proxy', c.base, url=url)
    got = c.log()[-1]['path']
    check(out[0]['status'] == 200 and got == url,
          'proxy from the configuration: the server got ' + got)
    out = c.run('get', None, url=url, env={'http_proxy': c.base})
    check(out[0]['status'] == 200 and len(c.log(url)) == 2,
          'proxy from http_proxy in the environment')


def case_tls(c):
    openssl = shutil.which('openssl')
    if not openssl:
        print('SKIP: no openssl command to make a test certificate')
        sys.exit(77)
    tmp = tempfile.mkdtemp(prefix='nw-tls-')
    try:
        key, cert = os.path.join(tmp, 'k.pem'), os.path.join(tmp, 'c.pem')
        subprocess.run([openssl, 'req', '-x509', '-newkey', 'rsa:2048',
                        '-nodes', '-keyout', key, '-out', cert, '-days', '1',
                        '-subj', '/CN=127.0.0.1',
                        '-addext', 'subjectAltName=IP:127.0.0.1'],
                       check=True, capture_output=True, timeout=30)
        tls = start_server()
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(cert, key)
        tls.socket = ctx.wrap_socket(tls.socket, server_side=True)
        port = tls.server_address[1]
        url = 'https://127.0.0.1:%d/feed' % port
        r = c.run('get', None, url=url)[0]
        check(r['error'] == 'TLS failure',
              'a certificate nobody vouches for is refused: ' + r['errmsg'])
        r = c.run('get', None, '--ca-file', cert, url=url)[0]
        check(r['error'] == 'ok' and r['status'] == 200,
              'the same server with its CA configured: 200')
        r = c.run('get', None, '--ca-file', cert,
                  url='https://localhost:%d/feed' % port)[0]
        check(r['error'] in ('TLS failure', 'connection failed'),
              'a name the certificate does not carry is refused: ' +
              (r['errmsg'] or ''))
        tls.shutdown()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


CASES = {
    'host-hold': case_host_hold,
    'connect-timeout': case_connect_timeout,
    'tls': case_tls,
    'proxy': case_proxy,
    'validators': case_validators,
    'retry-after': case_retry_after,
    'backoff': case_backoff,
    'timeout': case_timeout,
    'truncated': case_truncated,
    'too-big': case_too_big,
    'too-big-declared': case_too_big_declared,
    'gzip': case_gzip,
    'gzip-bomb': case_gzip_bomb,
    'redirect-loop': case_redirect_loop,
    'permanent-redirect': case_permanent_redirect,
    'per-host': case_per_host,
    'host-delay': case_host_delay,
    'unhealthy': case_unhealthy,
    'bad-url': case_bad_url,
    'refused': case_refused,
}


def main():
    if len(sys.argv) != 3 or sys.argv[2] not in CASES:
        sys.exit('usage: test_http.py DRIVER CASE (%s)' %
                 ' '.join(sorted(CASES)))
    srv = start_server()
    try:
        CASES[sys.argv[2]](Case(sys.argv[1], srv))
    except AssertionError as e:
        print('FAIL -', e)
        sys.exit(1)
    finally:
        srv.shutdown()
    print('%d passed, 0 failed' % checks)


if __name__ == '__main__':
    main()
