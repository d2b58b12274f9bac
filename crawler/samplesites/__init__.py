"""The bundled sample sites, served on loopback from inside the process.

    with serve_sample_sites() as sites:
        crawl(sites.start_urls, db, CrawlConfig(delay=0))

Five sites of two makes (see build.py and sites.json) carry the 29 bundled articles;
`faults=True` adds the fault site (faults.py) that the crawler's tests use.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from .build import article_urls, articles, build_site, catalog
from .faults import build_faults
from .server import Request, Response, Site, SiteServer

__all__ = ["Request", "Response", "SampleSites", "Site", "SiteServer", "serve_sample_sites"]


@dataclass
class SampleSites:
    sites: dict[str, Site]
    start_urls: list[str]                 # the content sites' home pages (not the fault site)
    base_url: str                         # the first site's base URL
    faults_url: str | None = None
    _servers: list[SiteServer] = field(default_factory=list, repr=False)

    def site(self, name: str) -> Site:
        return self.sites[name]

    def article_urls(self, name: str) -> list[str]:
        """Absolute URLs of one content site's article pages."""
        spec = next(s for s in catalog()["sites"] if s["name"] == name)
        return [self.sites[name].base_url + p for p in article_urls(spec)]

    def all_article_urls(self) -> list[str]:
        return [u for s in catalog()["sites"] for u in self.article_urls(s["name"])]

    def requests(self) -> list[Request]:
        return sorted((r for s in self.sites.values() for r in s.requests), key=lambda r: r.time)

    def set_page(self, url: str, body: str | bytes, content_type: str = "text/html; charset=utf-8") -> None:
        """Replace a page's content (a site updating an article) by its absolute URL."""
        site = next(s for s in self.sites.values() if url.startswith(s.base_url + "/"))
        path = url[len(site.base_url):]
        old = site.lookup(path)
        data = body.encode("utf-8") if isinstance(body, str) else body
        last_modified = getattr(old, "last_modified", None)
        if last_modified:
            last_modified = "Sun, 01 Mar 2026 00:00:00 GMT"  # newer than any bundled date
        site.add(path, Response(body=data, content_type=content_type, last_modified=last_modified))

    def body(self, url: str) -> bytes:
        site = next(s for s in self.sites.values() if url.startswith(s.base_url + "/"))
        route = site.lookup(url[len(site.base_url):])
        assert isinstance(route, Response)
        return route.body


@contextmanager
def serve_sample_sites(*, faults: bool = False, slow_seconds: float = 3.0) -> Iterator[SampleSites]:
    """Serve the sample sites (and with `faults`, the fault site) on 127.0.0.1 ports."""
    specs = catalog()["sites"]
    sites = {spec["name"]: Site(spec["name"]) for spec in specs}
    if faults:
        sites["faults"] = Site("faults")
    # Bind every port first: pages link across sites and name their own base URL.
    servers = [SiteServer(site) for site in sites.values()]
    try:
        for spec in specs:
            build_site(sites[spec["name"]], spec)
        if faults:
            build_faults(sites["faults"], articles(), other_port=servers[0].port, slow_seconds=slow_seconds)
        for server in servers:
            server.start()
        yield SampleSites(
            sites=sites,
            start_urls=[sites[s["name"]].base_url + "/" for s in specs],
            base_url=sites[specs[0]["name"]].base_url,
            faults_url=sites["faults"].base_url if faults else None,
            _servers=servers)
    finally:
        for server in servers:
            if server._thread.is_alive():
                server.stop()
            else:
                server.httpd.server_close()
