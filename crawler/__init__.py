"""Fetching: polite, resumable crawling of inspectorate and provincial news sites.

    from thidua.crawler import crawl, CrawlConfig, FetchedPage, CrawlStats
    stats = crawl(start_urls, db, CrawlConfig(delay=1.0), on_page=handle, progress=None)

State lives in the knowledge base's `pages` and `frontier` tables; see spider.py for the
loop, samplesites/ for the bundled sites served on loopback, warc.py for WARC in and out.
"""
from .errors import (
    BlockedByRobots,
    CrawlError,
    HTTPStatusError,
    NotHTML,
    OffSite,
    RedirectLoop,
    TooLarge,
    TooManyRedirects,
    TransportError,
    UnsafeRedirect,
    UnsafeURL,
)
from .model import CrawlConfig, CrawlStats, FetchedPage
from .spider import crawl
from .urls import normalize_url
from .warc import iter_warc_pages

__all__ = [
    "BlockedByRobots", "CrawlConfig", "CrawlError", "CrawlStats", "FetchedPage", "HTTPStatusError",
    "NotHTML", "OffSite", "RedirectLoop", "TooLarge", "TooManyRedirects", "TransportError",
    "UnsafeRedirect", "UnsafeURL", "crawl", "iter_warc_pages", "normalize_url",
]
