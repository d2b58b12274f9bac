"""The crawl loop: a bounded pool of async workers fed by per-host queues.

Each host has its own queue, a limit on requests in flight (`concurrency`) and a minimum
gap between request starts (`delay`, or robots.txt's Crawl-delay if longer). A 429/503
with Retry-After pauses the whole host, not just the URL. Every finished URL is committed
at once (see state.py), so the crawl can be killed and resumed at any point.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import heapq
import itertools
import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx
import sqlite_utils

from .classify import classify, content_fingerprint
from .discover import looks_like_xml_feed, parse_html, parse_xml_links
from .encoding import decode_body
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
from .fetch import Fetcher, FetchResult
from .model import CrawlConfig, CrawlStats, FetchedPage
from .progress import Progress
from .robots import RobotsRules, fetch_robots
from .state import DONE, FAILED, QUEUED, SKIPPED, CrawlState, utcnow
from .urls import host_is_private, host_key, hostname, normalize_url, on_sites, site_key
from .warc import WarcRecorder

log = logging.getLogger("thidua.crawler")

OnPage = Callable[[FetchedPage], None]


@dataclass(order=True)
class _Item:
    ready: float                                  # monotonic time it may be fetched
    seq: int
    url: str = field(compare=False)
    depth: int = field(compare=False, default=0)
    attempts: int = field(compare=False, default=0)
    counted: bool = field(compare=False, default=False)   # already charged to max_pages


@dataclass
class _Host:
    key: str
    delay: float
    queue: deque = field(default_factory=deque)   # ready _Items, FIFO (breadth first)
    later: list = field(default_factory=list)     # heap of _Items waiting for their time
    in_flight: int = 0
    next_start: float = 0.0
    robots: RobotsRules | None = None
    robots_lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    robots_error: TransportError | None = None    # the host did not answer for robots.txt…
    robots_retry_at: float = 0.0                  # …so its other URLs fail fast until then
    robots_failures: int = 0
    deferred: bool = False                        # a long Retry-After: no more requests this run

    def pending(self) -> int:
        return len(self.queue) + len(self.later)


def _iso_in(seconds: float) -> str:
    when = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=seconds)
    return when.isoformat(timespec="seconds").replace("+00:00", "Z")


class Spider:
    def __init__(self, start_urls: list[str], db: sqlite_utils.Database, config: CrawlConfig,
                 on_page: OnPage | None = None, progress: bool | None = None):
        if not start_urls:
            raise CrawlError("no start URL given")
        self.config = config
        self.on_page = on_page
        self.starts = [normalize_url(u) for u in start_urls]   # raises UnsafeURL for ftp: etc.
        self.sites = {site_key(u) for u in self.starts}
        self.state = CrawlState(db)
        self.stats = CrawlStats()
        self.progress = Progress(progress)
        self.hosts: dict[str, _Host] = {}
        self._seq = itertools.count()
        self._budget = config.max_pages if config.max_pages is not None else float("inf")
        self._in_flight = 0
        self._changed = asyncio.Event()
        self._private: dict[str, bool] = {}
        if config.allow_private is None:
            # Started on loopback/LAN on purpose: those hosts are fine, other private ones not.
            self._private_ok = {hostname(u) for u in self.starts if host_is_private(hostname(u))}
        else:
            self._private_ok = set()
        self._seen: dict[str, str] = {}
        self._validators: dict[str, tuple] = {}
        self._by_canon: dict[str, str] = {}
        self._by_hash: dict[str, str] = {}
        self._warc: WarcRecorder | None = None

    # -- scope and safety -------------------------------------------------------------------
    def in_scope(self, url: str) -> bool:
        return self.config.any_site or on_sites(url, self.sites)

    async def check_url(self, url: str) -> None:
        """Raise OffSite/UnsafeURL for a URL (or redirect target) we must not request."""
        if not self.in_scope(url):
            raise OffSite(f"off the start sites: {url}")
        host = hostname(url)
        if self.config.allow_private or host in self._private_ok:
            return
        if host not in self._private:
            loop = asyncio.get_running_loop()
            self._private[host] = await loop.run_in_executor(None, host_is_private, host)
        if self._private[host]:
            raise UnsafeURL(f"private or loopback address: {host}")

    async def _check_redirect(self, url: str, origin: str) -> None:
        if origin in self.starts and not self.in_scope(url):
            # A start URL that moved (x.gov.vn -> new-name.gov.vn): the new site is a start site.
            self.sites.add(site_key(url))
            log.info("start URL %s redirects to %s: crawling that site too", origin, url)
        try:
            await self.check_url(url)
        except UnsafeURL as exc:
            raise UnsafeRedirect(f"redirect into {exc}") from exc

    # -- queue --------------------------------------------------------------------------------
    def _host(self, url: str) -> _Host:
        key = host_key(url)
        host = self.hosts.get(key)
        if host is None:
            host = self.hosts[key] = _Host(key=key, delay=self.config.delay)
        return host

    def _push(self, url: str, depth: int, attempts: int = 0, wait: float = 0.0, counted: bool = False) -> None:
        item = _Item(time.monotonic() + wait, next(self._seq), url, depth, attempts, counted)
        host = self._host(url)
        if wait > 0:
            heapq.heappush(host.later, item)
        else:
            host.queue.append(item)
        self._notify()

    def _notify(self) -> None:
        # Waking every waiter by swapping the event: each holds the one it waits on.
        self._changed.set()
        self._changed = asyncio.Event()

    def _load_frontier(self) -> None:
        self._seen = self.state.frontier_states()
        self._validators = self.state.validators()
        self._by_canon, self._by_hash = self.state.article_keys()
        queued = [row for row in self.state.queued() if self.in_scope(row[0])]
        if not queued:
            # A finished (or first) crawl: start a new pass. Known pages are revisited with
            # conditional requests, so only what changed is downloaded and handed on.
            revisit = [u for u, s in self._seen.items() if s in (DONE, FAILED) and self.in_scope(u)]
            self.state.requeue(revisit)
            new = [(u, 0, None) for u in self.starts]
            if self.config.sitemaps:
                new += [(normalize_url("/sitemap.xml", u), 0, "sitemap") for u in self.starts]
            self.state.add(new, requeue=True)
            self._seen = self.state.frontier_states()
            queued = [row for row in self.state.queued() if self.in_scope(row[0])]
        now_iso = utcnow()
        for url, depth, attempts, next_try in queued:
            wait = 0.0
            if next_try and next_try > now_iso:
                wait = max(0.0, (dt.datetime.fromisoformat(next_try.replace("Z", "+00:00"))
                                 - dt.datetime.now(dt.UTC)).total_seconds())
                if wait > self.config.max_retry_after:
                    continue  # not due yet (a long Retry-After): stays queued for a later run
            self._push(url, depth, attempts, wait)

    def _discover(self, links: list[str], depth: int, found_on: str) -> list[tuple[str, int, str]]:
        """New in-scope links become frontier rows (returned, committed with the page)."""
        if self.config.max_depth is not None and depth > self.config.max_depth:
            return []
        rows = []
        for url in links:
            if url in self._seen or not self.in_scope(url):
                continue
            self._seen[url] = QUEUED
            rows.append((url, depth, found_on))
        return rows

    def _enqueue(self, rows: list[tuple[str, int, str]]) -> None:
        for url, depth, _ in rows:
            self._push(url, depth)

    def _pick(self, host: _Host) -> _Item | None:
        """The next item of a host that the page budget still allows (retries always are)."""
        if self._budget > 0:
            return host.queue.popleft()
        for i, item in enumerate(host.queue):
            if item.counted:
                del host.queue[i]
                return item
        return None

    def _possible(self, host: _Host) -> bool:
        if host.deferred:
            return False
        if self._budget > 0:
            return bool(host.queue or host.later)
        return any(i.counted for i in itertools.chain(host.queue, host.later))

    async def _next_job(self) -> tuple[_Host, _Item] | None:
        """Wait for a URL whose host has a free slot and whose time has come; None: all done."""
        rotation = 0
        while True:
            now = time.monotonic()
            wait: float | None = None
            pending = False
            hosts = list(self.hosts.values())
            if len(hosts) > 1:  # rotate so that one busy host does not starve the others
                rotation = (rotation + 1) % len(hosts)
                hosts = hosts[rotation:] + hosts[:rotation]
            for host in hosts:
                while host.later and host.later[0].ready <= now:
                    host.queue.append(heapq.heappop(host.later))
                if not self._possible(host):
                    continue
                pending = True
                if host.in_flight >= self.config.concurrency:
                    continue
                if host.next_start > now:
                    wait = _min(wait, host.next_start - now)
                    continue
                item = self._pick(host) if host.queue else None
                if item is None:
                    if host.later:
                        wait = _min(wait, host.later[0].ready - now)
                    continue
                if not item.counted:
                    self._budget -= 1
                    item.counted = True
                host.in_flight += 1
                self._in_flight += 1
                return host, item
            if not pending and self._in_flight == 0:
                return None
            event = self._changed
            try:
                await asyncio.wait_for(event.wait(), timeout=wait if wait is not None else 1.0)
            except TimeoutError:
                pass

    # -- the crawl ----------------------------------------------------------------------------
    async def run(self) -> CrawlStats:
        self._changed = asyncio.Event()
        self._load_frontier()
        cfg = self.config
        n_hosts = max(1, len({host_key(u) for u in self.starts}))
        workers = min(256, max(cfg.concurrency * n_hosts, cfg.concurrency * 2 if cfg.any_site else 1))
        limits = httpx.Limits(max_connections=workers, max_keepalive_connections=workers)
        if cfg.warc_path:
            self._warc = WarcRecorder(cfg.warc_path, obey_robots=cfg.obey_robots)
        try:
            async with httpx.AsyncClient(
                    timeout=cfg.timeout, follow_redirects=False, limits=limits,
                    headers={"User-Agent": cfg.user_agent, "Accept": "text/html,application/xhtml+xml,"
                             "application/xml;q=0.9,*/*;q=0.5", "Accept-Language": "vi,en;q=0.5"}) as client:
                self.fetcher = Fetcher(client, max_bytes=cfg.max_bytes, total_timeout=cfg.timeout * 2, check_redirect=self._check_redirect,
                                       before_request=self._turn,
                                       on_response=self._warc.record if self._warc else None)
                with self.progress:
                    await asyncio.gather(*(self._worker() for _ in range(workers)))
        finally:
            if self._warc is not None:
                self._warc.close()
        self.stats.queued_left = self.state.count_queued()
        self.progress.summary(self.stats)
        return self.stats

    async def _worker(self) -> None:
        while True:
            job = await self._next_job()
            if job is None:
                return
            host, item = job
            try:
                await self._process(host, item)
            except CrawlError as exc:
                self._finish_error(item, exc, FAILED)
            finally:
                host.in_flight -= 1
                self._in_flight -= 1
                self._notify()
                self.progress.update(self.stats, sum(h.pending() for h in self.hosts.values()),
                                     self._in_flight)

    async def _robots(self, host: _Host, url: str) -> RobotsRules:
        async with host.robots_lock:
            if host.robots is None:
                if host.robots_error is not None and time.monotonic() < host.robots_retry_at:
                    raise TransportError(str(host.robots_error))
                try:
                    host.robots = await fetch_robots(self.fetcher, url, self.config.user_agent)
                except TransportError as exc:
                    host.robots_error = exc
                    host.robots_retry_at = time.monotonic() + self.config.backoff * 2 ** host.robots_failures
                    host.robots_failures += 1
                    raise
                if host.robots.crawl_delay:
                    host.delay = max(host.delay, min(host.robots.crawl_delay, self.config.max_retry_after))
                if self.config.sitemaps and on_sites(url, self.sites):
                    rows = self._discover(host.robots.sitemaps, 0, "robots.txt")
                    if rows:
                        self.state.add(rows)
                        self._enqueue(rows)
        return host.robots

    async def _turn(self, url: str) -> None:
        """Take the host's next request slot in time: starts are `delay` apart, whoever asks
        (robots.txt, each redirect hop and each page alike)."""
        host = self._host(url)
        now = time.monotonic()
        start = max(now, host.next_start)
        host.next_start = start + host.delay
        if start > now:
            await asyncio.sleep(start - now)

    async def _process(self, host: _Host, item: _Item) -> None:
        url = item.url
        try:
            await self.check_url(url)
            if self.config.obey_robots:
                rules = await self._robots(host, url)
                if not rules.allowed(url, self.config.user_agent):
                    raise BlockedByRobots(f"disallowed by robots.txt: {url}")
        except (BlockedByRobots, OffSite, UnsafeURL) as exc:
            self._budget += 1   # never requested: does not count towards max_pages
            self._finish_error(item, exc, SKIPPED, fetched=False)
            return
        except TransportError as exc:   # robots.txt: the host is down or unreachable
            self._retry_or_fail(host, item, exc)
            return
        headers = {}
        etag, last_modified, _ = self._validators.get(url, (None, None, None))
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        try:
            result = await self.fetcher.fetch(url, headers)
        except (HTTPStatusError, TransportError) as exc:
            self._retry_or_fail(host, item, exc)
            return
        except (NotHTML, TooLarge, OffSite, UnsafeURL) as exc:
            self._finish_error(item, exc, SKIPPED)
            return
        except (RedirectLoop, TooManyRedirects) as exc:
            self._finish_error(item, exc, FAILED)
            return
        if result.status == 304:
            # Unchanged, but its links still count: this run's scope (any_site, max_depth)
            # may admit links an earlier run left out. They come from the stored copy.
            self.stats.not_modified += 1
            rows = self._discover(self._stored_links(url), item.depth + 1, url)
            self.state.mark(url, DONE, page={"url": url, "fetched_at": utcnow()}, links=rows)
            self._seen[url] = DONE
            self._enqueue(rows)
            return
        if not 200 <= result.status < 300:
            self._finish_error(item, HTTPStatusError(result.status), FAILED)
            return
        self._store(item, result)

    def _content_changed(self, url: str, tree) -> bool:
        """The bytes changed; did the content? (a view counter or a nonce is not a change)"""
        stored = self.state.page(url)
        if not stored or not stored["body"]:
            return True
        old = parse_html(stored["body"], stored["final_url"] or url).tree
        return content_fingerprint(old) != content_fingerprint(tree)

    def _stored_links(self, url: str) -> list[str]:
        stored = self.state.page(url)
        if not stored or not stored["body"]:
            return []
        base = stored["final_url"] or url
        body = stored["body"]
        if looks_like_xml_feed(stored["content_type"] or "", body[:512].encode("utf-8")):
            return parse_xml_links(body.encode("utf-8"), base)[1]
        parsed = parse_html(body, base)
        return [] if parsed.nofollow else parsed.links

    def _retry_or_fail(self, host: _Host, item: _Item, exc: HTTPStatusError | TransportError) -> None:
        retry_after = getattr(exc, "retry_after", None)
        if exc.transient and item.attempts < self.config.retries:
            wait = retry_after if retry_after is not None else self.config.backoff * 2 ** item.attempts
            attempts = item.attempts + 1
            self.state.mark(item.url, QUEUED, attempts=attempts, next_try=_iso_in(wait))
            if wait > self.config.max_retry_after:
                # "Come back in an hour": the host's URLs stay queued for a later run (with
                # this one's next_try); this run leaves the host alone and goes on elsewhere.
                host.deferred = True
                self.stats.errors_by_kind["deferred"] = self.stats.errors_by_kind.get("deferred", 0) + 1
                self._notify()
                return
            if retry_after is not None:
                # The server asked the whole host to slow down, not just this URL.
                host.next_start = max(host.next_start, time.monotonic() + retry_after)
            self._push(item.url, item.depth, attempts, wait, counted=True)
            return
        self._finish_error(item, exc, FAILED)

    def _finish_error(self, item: _Item, exc: CrawlError, state: str, fetched: bool = True) -> None:
        kind = type(exc).__name__
        self.stats.errors_by_kind[kind] = self.stats.errors_by_kind.get(kind, 0) + 1
        if state == SKIPPED:
            self.stats.skipped += 1
        else:
            self.stats.errors += 1
        log.info("%s: %s", kind, exc)
        page = None
        if fetched:  # a request was made: the page row says what came of it
            page = {"url": item.url, "fetched_at": utcnow(), "error": f"{kind}: {exc}"}
            if item.url not in self._validators:
                page["kind"] = "other"   # a stored page keeps its kind (and body) through an outage
            if exc.status is not None:
                page["status"] = exc.status
            if exc.content_type is not None:
                page["content_type"] = exc.content_type
        self._seen[item.url] = state
        self.state.mark(item.url, state, attempts=item.attempts + 1, next_try=None, page=page)

    def _store(self, item: _Item, result: FetchResult) -> None:
        url = item.url
        final = result.redirects[-1] if result.redirects else url
        ctype = result.content_type
        text, _ = decode_body(result.body, ctype)
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        fetched_at = utcnow()
        canonical = None
        feed_kind = ""
        if looks_like_xml_feed(ctype, result.body):
            # Sitemaps and feeds are read for links only; they are not pages to extract.
            feed_kind, links = parse_xml_links(result.body, final)
            kind = "other"
        if not feed_kind:  # HTML, or XML that is no sitemap/feed (XHTML served as XML)
            parsed = parse_html(text, final)
            links = [] if parsed.nofollow else parsed.links
            canonical = parsed.canonical
            if canonical and canonical not in links:
                links = [*links, canonical]   # the page's own address for itself, if on-site
            kind = classify(parsed.tree, final)
        old_sha = self._validators.get(url, (None, None, None))[2]
        changed = sha != old_sha
        if changed and old_sha is not None and not feed_kind:
            changed = self._content_changed(url, parsed.tree)
        error = None
        if kind == "article":
            twin = self._by_canon.get(canonical) if canonical else None
            if twin in (None, url):
                twin = self._by_hash.get(sha)
            if twin not in (None, url):
                # One article, two addresses: keep the row, hand it on once.
                kind, changed, error = "other", False, f"duplicate of {twin}"
                self.stats.skipped += 1
            else:
                if canonical:
                    self._by_canon[canonical] = url
                self._by_hash[sha] = url
        page = FetchedPage(
            url=url, final_url=final, canonical_url=canonical, status=result.status,
            fetched_at=fetched_at, content_type=ctype, etag=result.headers.get("etag"),
            last_modified=result.headers.get("last-modified"), sha256=sha, text=text, kind=kind,
            changed=changed)
        if changed and self.on_page is not None:
            # Before the commit: a crash in between re-fetches and re-hands the page next
            # run instead of losing it (on_page must be idempotent; kb.load_article is).
            try:
                self.on_page(page)
            except Exception as exc:  # one bad article must not stop the crawl
                log.warning("on_page failed for %s: %s", url, exc)
                name = f"on_page:{type(exc).__name__}"
                self.stats.errors_by_kind[name] = self.stats.errors_by_kind.get(name, 0) + 1
                error = f"on_page failed: {type(exc).__name__}: {exc}"
        rows = self._discover(links, item.depth + 1, url)
        self.state.mark(url, DONE, attempts=item.attempts + 1, page={
            "url": url, "final_url": final, "canonical_url": canonical, "status": result.status,
            "fetched_at": fetched_at, "content_type": ctype, "etag": page.etag,
            "last_modified": page.last_modified, "sha256": sha, "body": text, "kind": kind,
            "error": error}, links=rows)
        self._seen[url] = DONE
        self._validators[url] = (page.etag, page.last_modified, sha)
        self._enqueue(rows)
        self.stats.fetched += 1
        if changed and kind == "article":
            self.stats.articles += 1
        if not changed:
            self.stats.unchanged += 1


def _min(a: float | None, b: float) -> float:
    return b if a is None else min(a, b)


def crawl(start_urls: list[str], db: sqlite_utils.Database, config: CrawlConfig | None = None,
          on_page: OnPage | None = None, progress: bool | None = None) -> CrawlStats:
    """Crawl from `start_urls` into `db` (tables `pages`, `frontier`); see CrawlConfig.

    Resumes a crawl left unfinished in `db`; otherwise starts a new pass that revisits
    known pages with conditional requests. `on_page` gets every new or changed page.
    """
    spider = Spider(start_urls, db, config or CrawlConfig(), on_page, progress)
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(spider.run())
    # Called from inside an event loop (a notebook): run ours on a thread of its own.
    box: dict = {}

    def target() -> None:
        try:
            box["stats"] = asyncio.run(spider.run())
        except BaseException as exc:  # re-raised in the caller's thread
            box["error"] = exc

    thread = threading.Thread(target=target, name="thidua-crawl")
    thread.start()
    thread.join()
    if "error" in box:
        raise box["error"]
    return box["stats"]
