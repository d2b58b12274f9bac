"""The crawler's public data types: its configuration, the pages it hands on, its tally."""
from __future__ import annotations

from dataclasses import dataclass, field

from thidua import USER_AGENT


@dataclass
class CrawlConfig:
    max_pages: int | None = None      # pages fetched (200s and 304s) before stopping; None: all
    delay: float = 1.0                # seconds between request starts on one host
    concurrency: int = 2              # requests in flight per host
    same_site: bool = True            # stay on the start URLs' sites (False: --any-site)
    timeout: float = 30.0             # seconds, per request (connect, read, write, pool)
    max_bytes: int = 10 * 1024 * 1024  # a larger body is abandoned (TooLarge)
    retries: int = 3                  # further attempts after a transient failure
    backoff: float = 0.5              # first retry wait; doubles each attempt
    max_retry_after: float = 120.0    # a longer Retry-After leaves the URL queued for a later run
    user_agent: str = USER_AGENT
    obey_robots: bool = True
    warc_path: str | None = None
    allow_private: bool | None = None  # None: only the start URLs' hosts may be private/loopback
    max_depth: int | None = None      # link hops from a start URL; None: unlimited
    sitemaps: bool = True             # also read /sitemap.xml and robots.txt Sitemap: lines

    @property
    def any_site(self) -> bool:
        return not self.same_site


@dataclass
class FetchedPage:
    url: str
    final_url: str
    canonical_url: str | None
    status: int
    fetched_at: str | None
    content_type: str
    etag: str | None
    last_modified: str | None
    sha256: str
    text: str                         # the decoded body, NFC
    kind: str                         # 'article' | 'listing' | 'other'
    changed: bool                     # new, or its content hash differs from the stored one


@dataclass
class CrawlStats:
    fetched: int = 0                  # 200 responses stored
    not_modified: int = 0             # 304 responses (stored copy still current)
    errors: int = 0                   # HTTP errors and network failures, after retries
    articles: int = 0                 # new or changed articles handed to on_page
    skipped: int = 0                  # robots.txt, off-site, unsafe, non-HTML, too large, duplicates
    queued_left: int = 0              # still queued when the crawl stopped (max_pages)
    unchanged: int = 0                # 200 responses whose content hash matched the stored one
    errors_by_kind: dict[str, int] = field(default_factory=dict)
