"""One HTTP exchange, done carefully: manual redirects, a size cap, a content-type gate.

Redirects are followed by hand (not by httpx) so that each hop is checked like a link:
http/https only, on the start sites, not into a private network, no loops, at most 10.
"""
from __future__ import annotations

import asyncio
import email.utils
import importlib.util
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

import httpx

from .errors import (
    CrawlError,
    HTTPStatusError,
    NotHTML,
    RedirectLoop,
    TooLarge,
    TooManyRedirects,
    TransportError,
    UnsafeRedirect,
    UnsafeURL,
)
from .urls import normalize_url

# httpcore asks `import sniffio` four times per request; when sniffio is not installed each
# failed import searches sys.path again (~15% of a loopback crawl's CPU). A None entry in
# sys.modules is Python's own cached "not importable", and httpcore then assumes asyncio.
if "sniffio" not in sys.modules and importlib.util.find_spec("sniffio") is None:
    sys.modules["sniffio"] = None  # type: ignore[assignment]

HTML_TYPES = ("text/html", "application/xhtml+xml")
XML_TYPES = ("application/xml", "text/xml", "application/rss+xml", "application/atom+xml",
             "application/rdf+xml")
TEXT_TYPES = ("text/plain",)  # robots.txt
MAX_REDIRECTS = 10

# (url, status, headers, body, http_version) for every response, redirects and 304s included.
# (url, response, decoded body): the WARC recorder writes the request and the response
ResponseHook = Callable[[str, httpx.Response, bytes], None]


@dataclass
class FetchResult:
    url: str                      # what we asked for (normalised)
    final_url: str                # after redirects
    status: int
    headers: httpx.Headers
    body: bytes
    redirects: list[str] = field(default_factory=list)

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def acceptable_type(content_type: str, accept_text: bool = False) -> bool:
    ct = content_type.split(";")[0].strip().lower()
    if not ct:
        return True  # untyped: let the body decide (sniffed as HTML or XML later)
    return ct in HTML_TYPES or ct in XML_TYPES or (accept_text and ct in TEXT_TYPES)


def _with_response(exc: CrawlError, status: int, content_type: str) -> CrawlError:
    exc.status = status
    exc.content_type = content_type
    return exc


class Fetcher:
    def __init__(self, client: httpx.AsyncClient, *, max_bytes: int, total_timeout: float | None = None,
                 check_redirect: Callable[[str, str], Awaitable[None]] | None = None,
                 on_response: ResponseHook | None = None,
                 before_request: Callable[[str], Awaitable[None]] | None = None):
        self.client = client
        # httpx's timeout is per socket operation; a server dripping a byte a second would
        # never trip it. This bounds one whole exchange.
        self.total_timeout = total_timeout
        self.before_request = before_request
        self.max_bytes = max_bytes
        self.check_redirect = check_redirect
        self.on_response = on_response

    async def fetch(self, url: str, headers: dict[str, str] | None = None,
                    accept_text: bool = False) -> FetchResult:
        """GET `url`, following redirects; raises a CrawlError subclass on failure.

        Returns 2xx and 304 results; raises HTTPStatusError for other statuses (with the
        Retry-After delay when the server gave one) and NotHTML/TooLarge for bodies we
        will not read.
        """
        chain = [url]
        current = url
        while True:
            if self.before_request is not None:
                await self.before_request(current)   # politeness: every hop is a request
            try:
                async with asyncio.timeout(self.total_timeout):
                    result = await self._one(current, headers or {}, accept_text)
            except (httpx.TimeoutException, TimeoutError) as exc:
                raise TransportError(f"timeout: {type(exc).__name__}") from exc
            except (httpx.TransportError, OSError) as exc:
                raise TransportError(f"{type(exc).__name__}: {exc}") from exc
            if result.status in (301, 302, 303, 307, 308) and "location" in result.headers:
                if len(chain) > MAX_REDIRECTS:
                    raise TooManyRedirects(f"more than {MAX_REDIRECTS} redirects from {url}")
                try:
                    target = normalize_url(result.headers["location"], current)
                except UnsafeURL as exc:
                    raise UnsafeRedirect(f"redirect from {current} to a non-http(s) address") from exc
                if target in chain:
                    raise RedirectLoop(f"redirect loop: {' -> '.join(chain + [target])}")
                if self.check_redirect is not None:
                    await self.check_redirect(target, url)
                chain.append(target)
                current = target
                continue
            result.url = url
            result.redirects = chain[1:]
            return result

    async def _one(self, url: str, headers: dict[str, str], accept_text: bool) -> FetchResult:
        request = self.client.build_request("GET", url, headers=headers)
        response = await self.client.send(request, stream=True)
        try:
            status = response.status_code
            ctype = response.headers.get("content-type", "")
            body = b""
            if 200 <= status < 300:
                if not acceptable_type(ctype, accept_text):
                    self._record(url, response, b"")
                    raise _with_response(NotHTML(f"not HTML: {ctype.split(';')[0]}"), status, ctype)
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > self.max_bytes:
                    self._record(url, response, b"")
                    raise _with_response(TooLarge(f"Content-Length {declared} > max_bytes {self.max_bytes}"),
                                         status, ctype)
                chunks = []
                size = 0
                async for chunk in response.aiter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        self._record(url, response, b"")
                        raise _with_response(TooLarge(f"body over max_bytes {self.max_bytes}"), status, ctype)
                    chunks.append(chunk)
                body = b"".join(chunks)
            self._record(url, response, body)
        finally:
            await response.aclose()
        if status >= 400:
            exc = HTTPStatusError(status, parse_retry_after(response.headers.get("retry-after")))
            raise _with_response(exc, status, ctype)
        return FetchResult(url=url, final_url=url, status=status, headers=response.headers, body=body)

    def _record(self, url: str, response: httpx.Response, body: bytes) -> None:
        if self.on_response is not None:
            try:
                self.on_response(url, response, body)
            except Exception as exc:  # a failing recorder must not lose the page
                raise CrawlError(f"WARC recording failed: {exc}") from exc
