"""A whole HTML page → its address, title, publication date and main text."""
from __future__ import annotations

from dataclasses import dataclass

from bs4 import BeautifulSoup

from .textnorm import nfc


@dataclass
class Page:
    url: str | None
    title: str | None
    published: str | None
    text: str


def parse_page(html: str | bytes, *, url: str | None = None, fetched_at: str | None = None) -> Page:
    soup = BeautifulSoup(html, "lxml")
    link = soup.find("link", rel="canonical")
    canonical = link.get("href") if link else None
    title = soup.title.get_text(strip=True) if soup.title else None
    text = soup.get_text("\n")
    return Page(url=canonical or url, title=nfc(title) if title else None, published=None, text=nfc(text))
