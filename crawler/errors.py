"""Exceptions named for what happened to a URL, so the spider can record why it gave up."""
from __future__ import annotations


class CrawlError(Exception):
    """A URL could not be fetched or stored; `transient` ones are worth retrying."""

    transient = False
    status: int | None = None          # the HTTP status, when a response was received
    content_type: str | None = None


class UnsafeURL(CrawlError):
    """Not http/https, or points into a private/loopback network we were not started in."""


class UnsafeRedirect(UnsafeURL):
    """A redirect to another scheme (ftp:, file:, javascript:…) or into a private network."""


class OffSite(CrawlError):
    """The URL (or a redirect target) leaves the start sites while `same_site` is on."""


class RedirectLoop(CrawlError):
    """A redirect chain came back to an address it had already visited."""


class TooManyRedirects(CrawlError):
    """More than the allowed number of redirects."""


class TooLarge(CrawlError):
    """The body is bigger than `max_bytes`; we stop reading rather than buffer it."""


class NotHTML(CrawlError):
    """The response is neither HTML nor a feed/sitemap we can read for links."""


class BlockedByRobots(CrawlError):
    """robots.txt disallows the URL for our user agent."""


class HTTPStatusError(CrawlError):
    """The server answered with an error status (4xx, or 5xx after retries)."""

    def __init__(self, status: int, retry_after: float | None = None):
        super().__init__(f"HTTP {status}")
        self.status = status
        self.content_type = None
        self.retry_after = retry_after
        # 429 and 5xx may succeed later; other 4xx are the server's final word.
        self.transient = status == 429 or status >= 500


class TransportError(CrawlError):
    """Connect error, timeout, reset: the network failed, not the server's answer."""

    transient = True
