"""Extraction component `thidua_context`: title, published date, body start, province, year.

A saved article starts with its *header*: site furniture (`Skip Ribbon Commands`, the site's
name, `A- A A+`), the headline, perhaps a kicker line above it (`Khối thi đua …:`), and the
page's date line, in any order; then the body. The header ends at the first line that reads
as body text: a lead with its source tag (`(HNM) - …`, `TTH - …`), a sentence opening on a
date (`Ngày 21/11, …`), or a long or full-stopped sentence. An excerpt that starts with body
text has no headline (title null).

Among the header's headline-like lines, the title is the one next to the date line (before
it if any, else after it); without a date line, the last one (site names come first). A
site clock (`Thứ 6, 03/05/2024, 22:35[GMT+7]`) above the headline is not the article's date;
the same GMT stamp below the headline, with no other date line, is.
"""
from __future__ import annotations

import re

from spacy.language import Language

from .dates import parse_date_line
from .furniture import body_end, is_furniture, iter_lines
from .province import resolve_province, resolve_year
from .textnorm import squash_spaces

_HEADER_LINES = 14          # non-empty lines looked at before giving up on a header
_MAX_TITLE = 300
# ` date 2026-01-28 <headline or lead>`: an archive's date marker glued to the first line
_DATE_MARKER = re.compile(r"^\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)\b\s*")
# `(HNM) - `, `TTH - `, `(Baonghean.vn) - `, `ANTĐ - `: a news lead, so body text
_LEAD_TAG = re.compile(r"^\s*(?:\([^()\n]{1,30}\)|[A-ZĐ][A-ZĐa-z.]{1,14})\s*[-–—]\s+\S")
# `Ngày 21/11, …`, `Sáng 28/2 tại …`: a sentence opening on a date
_DATE_OPENING = re.compile(
    r"^\s*(?:\(.{1,25}\)\s*[-–—]\s*)?(?:Vào\s+)?(?:Ngày|Sáng|Chiều|Trưa|Tối|Đêm|Hôm|Sáng ngày|Chiều ngày)"
    r"\s+(?:ngày\s+)?\d{1,2}\s*[/\-.]\s*\d{1,2}"
)
# Only a full stop ends a sentence here: headlines may end with `?` or `!`.
_SENTENCE_END = re.compile(r"\.['\"”’)]*$")


def _is_body(line: str) -> bool:
    s = line.strip()
    if _LEAD_TAG.match(s) or _DATE_OPENING.match(s):
        return True
    if len(s) > _MAX_TITLE:
        return True
    if _SENTENCE_END.search(s) and not s.endswith("...") and len(s.split()) >= 8:
        return True
    return len(s) > 160 and s.count(",") >= 3 and ";" in s


def _headline_like(line: str) -> bool:
    s = line.strip()
    if len(s) < 12 or len(s.split()) < 3 or len(s) > _MAX_TITLE:
        return False
    if _SENTENCE_END.search(s) and not s.endswith("..."):
        return False
    if s[0].isalpha() and s[0].islower():
        return False  # an excerpt cut mid-sentence, not a headline
    return any(ch.isalpha() for ch in s)


def analyse_header(text: str) -> tuple[str | None, tuple[int, int] | None, str | None, int]:
    """(title, title span, published ISO, body start) read from the top of `text`."""
    candidates: list[tuple[int, int, str]] = []   # (start, end, squashed line)
    kickers: set[int] = set()                      # candidate indexes that end with `:`
    date_at: int | None = None                     # index in candidates where the date line sits
    published = None
    body_start = 0
    seen = 0
    marker_done = False
    clock: tuple[str, int] | None = None           # a GMT-stamped date line below a headline
    for a, b, line in iter_lines(text):
        if not line.strip():
            continue
        seen += 1
        if seen > _HEADER_LINES:
            break
        if not marker_done:
            marker_done = True
            mm = _DATE_MARKER.match(line)
            if mm:
                iso = mm.group(1)
                if len(iso) == 10 and published is None:
                    published = iso
                    date_at = len(candidates)
                a += mm.end()
                line = text[a:b]
                body_start = a
                if not line.strip():
                    continue
        dl = parse_date_line(line)
        if dl is not None:
            if dl.iso and not dl.clock and published is None:
                published = dl.iso
                date_at = len(candidates)
            elif dl.iso and dl.clock and candidates and clock is None:
                clock = (dl.iso, len(candidates))  # `…(GMT+7)` under the headline: the article's
            body_start = b
            continue
        if is_furniture(line):
            body_start = b
            continue
        if _is_body(line):
            break
        if _headline_like(line):
            s = squash_spaces(line)
            if s.endswith(":") and len(s) < 120:
                kickers.add(len(candidates))
            lead = len(line) - len(line.lstrip())
            trail = len(line.rstrip())
            candidates.append((a + lead, a + trail, s))
        body_start = b
    else:
        pass
    if published is None and clock is not None:
        # A GMT-stamped line above everything is the site's clock (dev 048); below a
        # headline, with no other date line, it is the article's own date (`(GMT+7)`).
        published, date_at = clock
    usable = [i for i in range(len(candidates)) if i not in kickers]
    if not usable:
        return None, None, published, _skip_newlines(text, body_start)
    if date_at is not None:
        before = [i for i in usable if i < date_at]
        after = [i for i in usable if i >= date_at]
        pick = before[-1] if before else after[0]
    else:
        pick = usable[-1]
    # an all-capitals banner (`THANH TRA TỈNH …`) is the site, not the headline
    if candidates[pick][2].isupper():
        others = [i for i in usable if not candidates[i][2].isupper()]
        if others:
            pick = others[-1]
    start, end, title = candidates[pick]
    return title, (start, end), published, _skip_newlines(text, max(body_start, end))


def _skip_newlines(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in "\r\n":
        pos += 1
    return min(pos, len(text))


@Language.factory("thidua_context")
def make_component(nlp, name):
    def component(doc):
        ctx = doc._.ctx
        title, span, published, body_start = analyse_header(ctx.text)
        ctx.title = ctx.given_title or title
        ctx.title_span = span if (ctx.given_title is None or ctx.given_title == title) else None
        ctx.published = ctx.given_published or published
        ctx.body_start = body_start
        ctx.body_end = body_end(ctx.text, body_start)
        resolve_province(ctx)
        resolve_year(ctx)
        return doc
    return component
