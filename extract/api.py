"""The public entry points of the extraction stage."""
from __future__ import annotations

import datetime as dt

from .context import ArticleContext
from .textnorm import nfc


class ExtractError(ValueError):
    """The input cannot be read as an article (bad date, unreadable page…)."""


def _check_date(published: str | None) -> str | None:
    if published in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(published)).isoformat()
    except ValueError as exc:
        raise ExtractError(f"not a valid date (YYYY-MM-DD): {published!r}") from exc


def extract_text(text: str, *, url: str | None = None, published: str | None = None,
                 source: str | None = None, title: str | None = None,
                 fetched_at: str | None = None) -> dict:
    """Extract the facts of one article given as plain text.

    `published` is the page's date when known from outside the text (a crawl's metadata,
    `--published`); `title` likewise. Offsets in the result point into `nfc(text)`.
    """
    from .pipeline import run_pipeline  # imported late: building the pipeline loads gazetteers

    published = _check_date(published)
    ctx = ArticleContext(text=nfc(text or ""), url=url, given_published=published, given_title=title)
    obj = run_pipeline(ctx)
    obj["source"] = source if source is not None else url
    if fetched_at and obj.get("published") and obj["published"] != published \
            and obj["published"] > str(fetched_at)[:10]:
        obj["published"] = None  # a date read from the text cannot be after the page was fetched
    return obj


def extract_html(html: str | bytes, *, url: str | None = None, published: str | None = None,
                 source: str | None = None, fetched_at: str | None = None) -> dict:
    """Extract the facts of one whole page: its main text, title and date come from the HTML."""
    from .page import parse_page

    published = _check_date(published)
    page = parse_page(html, url=url, fetched_at=fetched_at)
    obj = extract_text(page.text, url=page.url or url, published=published or page.published,
                       source=source, title=page.title,
                       fetched_at=fetched_at or dt.date.today().isoformat())
    obj["text"] = page.text
    return obj


def extract_document(doc: dict, *, default_url: str | None = None,
                     default_published: str | None = None) -> dict:
    """One line of a `.jsonl` input: `{"id", "url", "text" | "html", "published"}`."""
    url = doc.get("url") or default_url
    published = doc.get("published") or default_published
    source = doc.get("id", url)
    if doc.get("html") is not None:
        return extract_html(doc["html"], url=url, published=published, source=source,
                            fetched_at=doc.get("fetched_at"))
    if doc.get("text") is not None:
        return extract_text(doc["text"], url=url, published=published, source=source)
    raise ExtractError("a document needs a 'text' or an 'html' field")
