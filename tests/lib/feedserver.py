"""A feed server on 127.0.0.1 whose answers a test writes: the end-to-end
tests that inject faults (tests/sources, tests/hostile) share it.

    class Handler(FeedHandler):
        def route(self, path, n):      # n: earlier requests of path
            if path == "/feed":
                return self.feed([item("a-1")], etag='"a"')
            return self.send(404, b"no\\n")

    srv = serve(Handler)               # srv.base: "http://127.0.0.1:PORT"
    ...
    srv.state["go"].set()              # nothing is answered before
    srv.shutdown()

Every request waits (30 s at most) for state["go"], so that the daemon's
first polls are answered only once the test's subscriber listens; then it
is counted in state["count"][path] and timed in state["times"][path]
(time.monotonic(), when it came), both under state["lock"]. Servers may
share one state (serve(H, state=other.state)).
"""
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

RSS = ('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0">'
       "<channel><title>%s</title>%s</channel></rss>\n")


def rss(items, title="T"):
    """An RSS 2.0 document of the items (strings of <item> elements)."""
    return RSS % (title, "".join(items))


class FeedHandler(BaseHTTPRequestHandler):
    """HTTP/1.1, quiet; subclasses answer in route(path, n)."""
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body=b"", headers=()):
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def feed(self, items, etag=None, title="T"):
        """200 with an RSS document of items (304 when the client has
        etag already)."""
        if etag and self.headers.get("If-None-Match") == etag:
            return self.send(304, b"", [("ETag", etag)])
        h = [("Content-Type", "application/rss+xml")]
        if etag:
            h.append(("ETag", etag))
        return self.send(200, rss(items, title).encode(), h)

    def do_GET(self):
        st = self.server.state
        path = self.path.split("?")[0]
        st["go"].wait(30)
        with st["lock"]:
            n = st["count"].get(path, 0)
            st["count"][path] = n + 1
            st["times"].setdefault(path, []).append(time.monotonic())
        try:
            self.route(path, n)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def route(self, path, n):
        return self.send(404, b"no\n")


def new_state(**extra):
    """A state for one or more servers, with extra keys of the test's."""
    st = {"lock": threading.Lock(), "count": {}, "times": {},
          "go": threading.Event()}
    st.update(extra)
    return st


def serve(handler, state=None):
    """A threading server of handler on a free port of 127.0.0.1, serving
    in a daemon thread; state (new_state() if None) as srv.state, its URL
    as srv.base."""
    srv = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    srv.daemon_threads = True
    srv.handle_error = lambda *a: None
    srv.state = state if state is not None else new_state()
    srv.base = "http://127.0.0.1:%d" % srv.server_address[1]
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv
