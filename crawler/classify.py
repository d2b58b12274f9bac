"""Is a page an article, a listing, or something else?

Only articles go to extraction, so the rule errs towards 'article' when a page carries
the marks of one (og:type article, a headline over long paragraphs) and towards
'listing' when it is mostly links or paginated. Page furniture (nav, header, footer,
aside) is ignored: every page of a site has the same menu and related-news box.
"""
from __future__ import annotations

import hashlib
import re

import lxml.html

_FURNITURE = {"nav", "header", "footer", "aside", "script", "style", "noscript", "form", "select"}
_FURNITURE_CLASS = re.compile(
    r"\b(menu|nav|footer|header|sidebar|related|lien-quan|tin-khac|breadcrumb|banner|share)\b", re.I)
# What changes on every view without the article changing: counters, clocks, "online now".
_VOLATILE_CLASS = re.compile(r"(view|counter|luot-?xem|hit|online|visitor|clock|time-now)", re.I)
_PAGINATION = re.compile(r"([?&](page|start|p|trang|pageindex|paged)=\d+)|(/trang-\d+)|(/page/\d+)", re.I)

ARTICLE_MIN_CHARS = 500
PARAGRAPH_MIN_CHARS = 40


def _is_furniture(el) -> bool:
    if el.tag in _FURNITURE:
        return True
    cls = (el.get("class") or "") + " " + (el.get("id") or "")
    return bool(cls.strip()) and bool(_FURNITURE_CLASS.search(cls))


def _content_elements(root):
    """Yield elements outside page furniture (a pruned walk, no tree copy)."""
    stack = [root]
    while stack:
        el = stack.pop()
        if not isinstance(el.tag, str) or _is_furniture(el):
            continue
        yield el
        stack.extend(reversed(el))


def classify(tree: lxml.html.HtmlElement | None, url: str = "") -> str:
    if tree is None:
        return "other"
    og = tree.find(".//meta[@property='og:type']")
    og_type = (og.get("content") or "").lower() if og is not None else ""
    paginated = any((link.get("rel") or "").lower() in ("next", "prev") for link in tree.iterfind(".//head/link"))
    body = tree.find("body")
    root = body if body is not None else tree
    text_len = 0
    longest = 0
    links = 0
    headline_links = 0   # links whose text reads like a headline: the stuff of listings
    heading = False
    for el in _content_elements(root):
        tag = el.tag
        if tag == "a":
            href = el.get("href") or ""
            links += 1
            if len(el.text_content().strip()) >= 30:
                headline_links += 1
            if _PAGINATION.search(href) or (el.get("rel") or "").lower() in ("next", "prev") or \
                    "pag" in (el.get("class") or "") + (el.getparent().get("class") or ""):
                paginated = True
        elif tag in ("h1", "h2"):
            heading = heading or bool(el.text_content().strip())
        elif tag in ("p", "blockquote", "li") or (tag == "div" and el.text and el.text.strip()):
            if tag == "div":
                chunk = len(el.text.strip())  # only the div's own text: children are walked too
            else:
                link_chars = sum(len(a.text_content()) for a in el.iter("a"))
                chunk = len(el.text_content().strip()) - link_chars
            if chunk >= PARAGRAPH_MIN_CHARS:
                text_len += chunk
                longest = max(longest, chunk)
    if og_type == "article" and text_len >= 200:
        return "article"
    if paginated:
        return "listing"
    if text_len >= ARTICLE_MIN_CHARS and longest >= 150 and links * 150 <= text_len and (
            heading or og_type == "article"):
        return "article"
    if text_len >= 2 * ARTICLE_MIN_CHARS and longest >= 200 and links * 150 <= text_len:
        return "article"  # a long body with no headline markup is still an article
    if links >= 8 or headline_links >= 3:
        return "listing"
    return "other"


def content_fingerprint(tree: lxml.html.HtmlElement | None) -> str:
    """A hash of what a reader would call the page's content.

    Two fetches of an unchanged article often differ in bytes: a view counter, a visitor
    count, a script nonce, a "related news" box. This hashes the text outside furniture,
    scripts and counters, so a recrawl reports such a page as unchanged.
    """
    if tree is None:
        return ""
    body = tree.find("body")
    parts: list[str] = []
    stack = [body if body is not None else tree]
    while stack:
        el = stack.pop()
        if not isinstance(el.tag, str) or _is_furniture(el):
            continue
        cls = (el.get("class") or "") + " " + (el.get("id") or "")
        if cls.strip() and _VOLATILE_CLASS.search(cls):
            continue
        # the element's own text, and its children's tails (which are its text too)
        parts.extend(" ".join(t.split()) for t in (el.text, *(c.tail for c in el)) if t and t.strip())
        stack.extend(reversed(el))
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()
