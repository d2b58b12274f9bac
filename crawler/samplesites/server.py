"""A small real HTTP server on loopback for tests, the demo and the benchmark.

Each site is a ThreadingHTTPServer on its own port (so each has its own robots.txt and
is its own 'site' to the crawler), with routes that are either fixed responses (served
with ETag/Last-Modified and answering conditional requests with 304) or callables for
the fault routes. Every request is logged, so tests can see what the crawler asked for.
"""
from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


@dataclass
class Response:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    last_modified: str | None = None
    conditional: bool = True      # answer If-None-Match / If-Modified-Since with 304
    drip: float = 0.0             # seconds between the body's ten pieces (a trickling server)

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha1(self.body).hexdigest()[:16] + '"'


Route = Response | Callable[["Request"], Response]


@dataclass
class Request:
    site: str
    method: str
    path: str                     # path with query, as sent
    headers: dict[str, str]
    time: float


class Site:
    """One site's routes and request log; served by SiteServer."""

    def __init__(self, name: str):
        self.name = name
        self.routes: dict[str, Route] = {}
        self.requests: list[Request] = []
        self.base_url = ""
        self.latency = 0.0          # seconds added to every response (makes overlap observable)
        self.hooks: list[Callable[[Request], None]] = []   # called on every request (tests)
        self.in_flight = 0
        self.max_in_flight = 0      # the most requests this site ever served at once
        self._lock = threading.Lock()

    def add(self, path: str, route: Route) -> None:
        self.routes[path] = route

    def lookup(self, raw_path: str) -> Route | None:
        parts = urlsplit(raw_path)
        key = parts.path + ("?" + parts.query if parts.query else "")
        # Unknown query parameters (tracking, cache-busting) fall back to the bare path.
        return self.routes.get(key) or self.routes.get(parts.path)

    def log(self, request: Request) -> None:
        with self._lock:
            self.requests.append(request)
        for hook in list(self.hooks):
            hook(request)

    def enter(self) -> None:
        with self._lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)

    def leave(self) -> None:
        with self._lock:
            self.in_flight -= 1

    def clear(self) -> None:
        """Forget the request log (between two crawls of one test)."""
        with self._lock:
            self.requests.clear()
            self.max_in_flight = self.in_flight

    def paths_requested(self) -> list[str]:
        with self._lock:
            return [r.path for r in self.requests]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"   # keep-alive, as real servers do
    disable_nagle_algorithm = True  # headers and body go out as two writes: no 40 ms ACK wait
    server_version = "SampleSite/1.0"
    site: Site

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - quiet: tests read site.requests
        return

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self._serve(head=False)

    def do_HEAD(self) -> None:  # noqa: N802
        self._serve(head=True)

    def _serve(self, head: bool) -> None:
        site = self.server.site  # type: ignore[attr-defined]
        req = Request(site.name, self.command, self.path, {k.lower(): v for k, v in self.headers.items()},
                      time.monotonic())
        site.enter()
        try:
            site.log(req)
            if site.latency:
                time.sleep(site.latency)
            self._respond(site, req, head)
        finally:
            site.leave()

    def _respond(self, site: Site, req: Request, head: bool) -> None:
        route = site.lookup(self.path)
        if route is None:
            resp = Response(404, "<html><body><h1>404 - Không tìm thấy trang</h1></body></html>".encode())
        elif callable(route):
            resp = route(req)
        else:
            resp = route
        status, body = resp.status, resp.body
        if status == 200 and resp.conditional and self._not_modified(resp, req.headers):
            status, body = 304, b""
        try:
            self.send_response(status)
            if status != 304:
                self.send_header("Content-Type", resp.content_type)
            if status in (200, 304) and resp.conditional:
                self.send_header("ETag", resp.etag)
                if resp.last_modified:
                    self.send_header("Last-Modified", resp.last_modified)
            for k, v in resp.headers.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if not head and body:
                if resp.drip:
                    step = max(1, len(body) // 10)
                    for i in range(0, len(body), step):
                        self.wfile.write(body[i:i + step])
                        time.sleep(resp.drip)
                else:
                    self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout test): nothing to tell it

    @staticmethod
    def _not_modified(resp: Response, headers: dict[str, str]) -> bool:
        inm = headers.get("if-none-match")
        if inm is not None:
            return resp.etag in [t.strip() for t in inm.split(",")] or inm.strip() == "*"
        ims = headers.get("if-modified-since")
        return bool(ims and resp.last_modified and ims == resp.last_modified)


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        # A client that hung up (timeout tests, a killed crawler) is not a server error.
        import sys
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class SiteServer:
    """Serve one Site on 127.0.0.1 (an ephemeral port unless given) in a daemon thread."""

    def __init__(self, site: Site, port: int = 0, host: str = "127.0.0.1"):
        self.site = site
        self.httpd = _QuietServer((host, port), _Handler)
        self.httpd.site = site  # type: ignore[attr-defined]
        self.port = self.httpd.server_address[1]
        site.base_url = f"http://{host}:{self.port}"
        self._thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        name=f"samplesite-{site.name}", daemon=True)

    def start(self) -> SiteServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self._thread.join(timeout=5)
