"""Finding URLs: links and canonical address in HTML, `<loc>` in sitemaps, items in RSS/Atom.

Pagination (`?Page=2`, `?start=20`, `/trang-2.html`, `rel=next`) needs no special case: it is
a link on the listing page like any other, and normalisation keeps each page once.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import lxml.etree
import lxml.html

from .urls import try_normalize

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json")
XML_TYPES = ("application/xml", "text/xml", "application/rss+xml", "application/atom+xml")


@dataclass
class ParsedHTML:
    """What the spider needs from one HTML page: its tree, links and canonical address."""

    tree: lxml.html.HtmlElement | None
    links: list[str] = field(default_factory=list)
    canonical: str | None = None
    nofollow: bool = False


def parse_html(text: str, base_url: str) -> ParsedHTML:
    """Parse (tolerating broken markup) and collect absolute, normalised links."""
    try:
        tree = lxml.html.document_fromstring(text.encode("utf-8"),
                                             parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (lxml.etree.ParserError, ValueError):
        return ParsedHTML(tree=None)
    base = base_url
    base_el = tree.find(".//base[@href]")
    if base_el is not None:
        base = try_normalize(base_el.get("href"), base_url) or base_url
    robots_meta = " ".join(m.get("content", "") for m in tree.iterfind(".//meta[@name]")
                           if m.get("name", "").lower() == "robots").lower()
    out = ParsedHTML(tree=tree, nofollow="nofollow" in robots_meta or "none" in robots_meta)
    seen: set[str] = set()

    def add(href: str | None) -> None:
        if not href:
            return
        url = try_normalize(href, base)
        if url and url not in seen:
            seen.add(url)
            out.links.append(url)

    for el in tree.iter("a", "area", "link"):
        rel = (el.get("rel") or "").lower().split()
        if el.tag == "link":
            if "canonical" in rel and out.canonical is None:
                out.canonical = try_normalize(el.get("href") or "", base)
            elif "next" in rel or "prev" in rel or (
                    "alternate" in rel and (el.get("type") or "").lower() in FEED_TYPES):
                add(el.get("href"))
            continue
        if "nofollow" in rel:
            continue
        add(el.get("href"))
    if out.canonical is None:
        og = tree.find(".//meta[@property='og:url']")
        if og is not None and og.get("content"):
            out.canonical = try_normalize(og.get("content"), base)
    return out


def looks_like_xml_feed(content_type: str, body: bytes) -> bool:
    """Whether to read a body as a sitemap/feed: typed so, or untyped and starting so.

    A text/html page is HTML even with an `<?xml …?>` prolog (old XHTML portals send one).
    """
    ct = content_type.split(";")[0].strip().lower()
    if ct in XML_TYPES:
        return True
    if ct:
        return False
    head = body[:512].lstrip().lower()
    return head.startswith(b"<?xml") or head.startswith(b"<rss") or head.startswith(b"<urlset") \
        or head.startswith(b"<sitemapindex") or head.startswith(b"<feed")


def parse_xml_links(body: bytes, base_url: str) -> tuple[str, list[str]]:
    """(kind, urls) for a sitemap, sitemap index, RSS or Atom feed; kind '' if none of those."""
    try:
        root = lxml.etree.fromstring(body, parser=lxml.etree.XMLParser(
            recover=True, resolve_entities=False, no_network=True, huge_tree=False))
    except lxml.etree.XMLSyntaxError:
        return "", []
    if root is None:
        return "", []
    tag = lxml.etree.QName(root).localname.lower()
    found: list[str] = []
    if tag in ("urlset", "sitemapindex"):
        for el in root.iter():
            if isinstance(el.tag, str) and lxml.etree.QName(el).localname == "loc" and el.text:
                found.append(el.text)
        kind = "sitemap"
    elif tag in ("rss", "rdf"):
        for el in root.iter():
            if isinstance(el.tag, str) and lxml.etree.QName(el).localname in ("link", "guid") and el.text:
                if el.get("isPermaLink", "true") != "false":
                    found.append(el.text)
        kind = "feed"
    elif tag == "feed":
        for el in root.iter():
            if isinstance(el.tag, str) and lxml.etree.QName(el).localname == "link" and el.get("href"):
                if el.get("rel", "alternate") == "alternate":
                    found.append(el.get("href"))
        kind = "feed"
    else:
        return "", []
    urls: list[str] = []
    for raw in found:
        url = try_normalize(raw, base_url)
        if url and url not in urls:
            urls.append(url)
    return kind, urls
