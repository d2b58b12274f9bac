"""Which agency mentions an article is about: helpers of agencies.article_mentions that read the
article as a whole (several provinces, an office's byline, short forms in brackets)."""
from __future__ import annotations

import re

from . import gazetteer as gz
from .context import ArticleContext


def multi_province(ctx: ArticleContext) -> bool:
    """The article is about several provinces (a cluster of provinces, an inspection plan)."""
    names = {gz.official(m.group(1)) for m in gz.province_re().finditer(ctx.text)}
    return len(names) >= 3


def byline_span(text: str, stop: int) -> list[tuple[int, int]]:
    """The body's last line when it is only an office's name, the article's author (`Văn phòng
    Thanh tra tỉnh`, a byline as `HOÀI THU` is): [(start, end)], else []."""
    body = text[:stop].rstrip()
    start = body.rfind("\n") + 1
    line = body[start:].strip()
    if not line.startswith("Văn phòng ") or len(line) > 80 or re.search(r"[.,;:]", line):
        return []
    return [(start, len(body))]


_ROMAN_UNIT = re.compile(r"(?:Cục|Vụ) [IVX]+\b")


def short_forms(text: str, mentions: list) -> set[int]:
    """Starts of the numbered short forms written in parentheses right after the full names they
    abbreviate: `Cục Thanh tra, … khu vực miền Nam (Cục III)`, `A, B và C (Cục I, Cục II và Cục III
    thuộc Thanh tra Chính phủ)`. They are the same bodies, not more of them."""
    out: set[int] = set()
    ends = {m.end for m in mentions}
    for p in re.finditer(r"\s*\(([^()\n]{2,120})\)", text):
        if p.start() not in ends:
            continue
        for m in mentions:
            if p.start(1) <= m.start < p.end(1) and _ROMAN_UNIT.match(m.name):
                out.add(m.start)
    return out
