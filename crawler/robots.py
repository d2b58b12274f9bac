"""robots.txt per host, parsed by protego: Disallow/Allow, Crawl-delay and Sitemap lines.

Following RFC 9309: a missing robots.txt (4xx) allows everything; a server error or an
unreachable host disallows everything for this run, because we cannot know the rules.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from protego import Protego

from .encoding import decode_body
from .errors import CrawlError, HTTPStatusError, TransportError
from .fetch import Fetcher
from .urls import robots_url, try_normalize


@dataclass
class RobotsRules:
    parser: Protego | None          # None: no rules (allow all)
    disallow_all: bool = False
    sitemaps: list[str] = field(default_factory=list)
    crawl_delay: float | None = None
    note: str = ""

    def allowed(self, url: str, user_agent: str) -> bool:
        if self.disallow_all:
            return False
        if self.parser is None:
            return True
        return self.parser.can_fetch(url, user_agent)


def _product_token(user_agent: str) -> str:
    # robots.txt groups name the product ("thidua"), not the full header value.
    return user_agent.split("/")[0].split()[0] if user_agent else "*"


async def fetch_robots(fetcher: Fetcher, any_url: str, user_agent: str) -> RobotsRules:
    url = robots_url(any_url)
    try:
        result = await fetcher.fetch(url, accept_text=True)
    except HTTPStatusError as exc:
        # RFC 9309: "unavailable" (4xx) allows everything, "unreachable" (5xx) nothing.
        if 400 <= exc.status < 500 and exc.status != 429:
            return RobotsRules(parser=None, note=f"robots.txt: HTTP {exc.status}, allow all")
        return RobotsRules(parser=None, disallow_all=True, note=f"robots.txt: HTTP {exc.status}")
    except TransportError:
        raise  # the host itself is unreachable: the page's fetch fails (and is retried) too
    except CrawlError as exc:
        # A redirect loop, an unsafe redirect, a huge file: we cannot know the rules.
        return RobotsRules(parser=None, disallow_all=True, note=f"robots.txt unavailable: {exc}")
    if result.status != 200:
        return RobotsRules(parser=None, note=f"robots.txt: HTTP {result.status}")
    text, _ = decode_body(result.body, result.content_type)
    parser = Protego.parse(text)
    token = _product_token(user_agent)
    sitemaps = [u for u in (try_normalize(s, result.final_url) for s in parser.sitemaps) if u]
    delay = parser.crawl_delay(token)
    return RobotsRules(parser=parser, sitemaps=sitemaps,
                       crawl_delay=float(delay) if delay is not None else None)
