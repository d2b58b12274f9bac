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
from .page_dates import iso_from, line_date
from .page_title import siteish
from .page_vocab import vocab_re
from .province import resolve_province, resolve_year
from .textnorm import fold, squash_spaces

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
# `Tiêu đề bài (15/12/2023)`: portals that print the date after the headline on its line
_TRAILING_DATE = re.compile(r"\s*[(\[]\s*(\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*(?:19|20)\d\d)"
                            r"(?:\s*[-,|]?\s*\d{1,2}:\d\d(?::\d\d)?)?\s*[)\]]\s*$")
# `Trang chủ > Tin tức > …`: a breadcrumb sits in the article's zone, below the banner
_BREADCRUMB = re.compile(r"^\s*(?:trang chủ|home)\s*[>»/|›]", re.IGNORECASE)
_LIST_ITEM = re.compile(r"^\d{1,2}[.)]\s+\S")
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
    # a lead that opens a list (`Theo đó, UBND tỉnh … tặng Cờ thi đua cho 04 tập thể, gồm:`), an
    # item of one (`1. Văn phòng Huyện ủy …;`): a kicker above a headline is short
    if (s.endswith(":") and len(s) >= 120) or s.endswith(";") or _LIST_ITEM.match(s):
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


def analyse_header(text: str, url: str | None = None) -> tuple[str | None, tuple[int, int] | None, str | None, int]:
    """(title, title span, published ISO, body start) read from the top of `text`; `url`, the
    page's address, whose slug may spell the headline."""
    candidates: list[tuple[int, int, str]] = []   # (start, end, squashed line)
    prev_end = -1                                  # where the last candidate's line ended
    kickers: set[int] = set()                      # candidate indexes that end with `:`
    date_at: int | None = None                     # index in candidates where the date line sits
    published = None
    body_start = 0
    seen = 0
    marker_done = False
    clock: tuple[str, int] | None = None           # a GMT-stamped date line below a headline
    modified: tuple[str, int] | None = None        # `Cập nhật lần cuối: …`, when nothing else
    crumbs = False                                 # a breadcrumb line was seen
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
            elif dl.iso and dl.clock and (candidates or crumbs) and clock is None:
                # `…(GMT+7)` under the headline, or under the breadcrumb (the banner's clock
                # sits above the breadcrumb): the article's
                clock = (dl.iso, len(candidates))
            body_start = b
            continue
        got = _byline_date(line)
        if got is not None:
            # a labelled or byline date the strict reader leaves (`Cập nhật ngày 15/12/2023
            # lúc 10:32`, `Tác giả: X | 15/12/2023`, `Thứ Năm, 15 tháng 12, 2023 10:32`)
            iso, kind = got
            if kind in ("label", "plain") and published is None:
                published = iso
                date_at = len(candidates)
            elif kind == "modified" and modified is None:
                modified = (iso, len(candidates))
            elif kind == "clock" and (candidates or crumbs) and clock is None:
                clock = (iso, len(candidates))
            body_start = b
            continue
        if _BREADCRUMB.match(line):
            crumbs = True
        if is_furniture(line) or _CAPTION.search(line):
            # a photo caption (`Quang cảnh hội nghị. Ảnh: Lan Oanh`) sits between the headline
            # and the body: neither
            body_start = b
            continue
        if _continues(line) and candidates:
            # a hard-wrapped lead (`Quyết định, Chủ tịch UBND tỉnh tặng Cờ …` / `năm 2020 cho
            # mỗi tập thể, …`): the line before was the start of a sentence, not a headline
            if _adjacent(text, prev_end, a):
                candidates.pop()
                kickers.discard(len(candidates))
            break
        if _is_body(line) and not (not candidates and (_dotted_headline(text, line, b)
                                                       or _slug_headline(line, url))):
            break
        if _headline_like(line) or (not candidates and (_dotted_headline(text, line, b)
                                                        or _slug_headline(line, url))):
            trail_date = _TRAILING_DATE.search(line)
            if trail_date and _headline_like(line[:trail_date.start()]):
                got = line_date(trail_date.group(1))
                if got is None:
                    iso = iso_from(trail_date.group(1))
                    got = (iso, "plain") if iso else None
                if got and published is None:
                    published = got[0]
                    date_at = len(candidates) + 1   # the date follows this headline
                line = line[:trail_date.start()]
            s = squash_spaces(line)
            if s.endswith(":") and len(s) < 120:
                kickers.add(len(candidates))
            lead = len(line) - len(line.lstrip())
            trail = len(line.rstrip())
            joined = _joined_line(text, candidates, prev_end, a, s)
            if joined:
                candidates[-1] = (candidates[-1][0], a + trail, joined)
            else:
                candidates.append((a + lead, a + trail, s))
            prev_end = b
        body_start = b
    else:
        pass
    if published is None and clock is not None:
        # A GMT-stamped line above everything is the site's clock (dev 048); below a
        # headline, with no other date line, it is the article's own date (`(GMT+7)`).
        published, date_at = clock
    if published is None and modified is not None:
        published, date_at = modified
    usable = [i for i in range(len(candidates)) if i not in kickers]
    if not usable:
        return None, None, published, _skip_newlines(text, body_start)
    if date_at is not None:
        before = [i for i in usable if i < date_at]
        after = [i for i in usable if i >= date_at]
        pick = before[-1] if before else after[0]
    else:
        pick = usable[-1]
    # `Báo X`, `Sở Y tỉnh Z` between the headline and its date line is the site's name,
    # not the headline (a headline reports an event: page_vocab event_word)
    if siteish(candidates[pick][2], None):
        others = [i for i in usable if not siteish(candidates[i][2], None)]
        if others:
            pick = min(others, key=lambda i: abs(i - pick) + (0.5 if i > pick else 0))
    # an all-capitals banner (`THANH TRA TỈNH …`) is the site, not the headline
    if candidates[pick][2].isupper():
        others = [i for i in usable if not candidates[i][2].isupper()]
        if others:
            pick = others[-1]
    start, end, title = candidates[pick]
    title = _EMOJI_TAIL.sub("", title) or title
    return title, (start, end), published, _skip_newlines(text, max(body_start, end))


# `… Ảnh: Lan Oanh`, `(Ảnh minh họa)`, `Ảnh: TTXVN`: a photo caption or credit
_CAPTION = re.compile(r"(?:^|[\s.(])Ảnh(?:\s*:|\s+(?:minh họa|minh hoạ|tư liệu)\b)|\(\s*[Ảả]nh\s*:")
# a line that goes on with the sentence of the line before (lower-case start, several words)
_CONTINUATION = re.compile(r"^\s*[a-zàáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]"
                           r"\S*(?:\s+\S+){2,}")
# pictographs after a headline (`… NĂM 2026 🇻🇳🇻🇳`): decoration, not words of the title
_EMOJI_TAIL = re.compile(r"[\s\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d]+$")


def _continues(line: str) -> bool:
    s = line.strip()
    return bool(_CONTINUATION.match(s)) and not _DATE_MARKER.match(s)


def _adjacent(text: str, end: int, start: int) -> bool:
    """Is the line at `start` right under the one that ended at `end` (no blank line between)?"""
    return end >= 0 and text[end:start].count("\n") <= 1 and not text[end:start].strip()


def _joined_line(text: str, candidates: list, prev_end: int, a: int, s: str) -> str | None:
    """A headline in capitals broken over two lines (`PHÁT ĐỘNG KÝ KẾT GIAO ƯỚC PHONG TRÀO` /
    `THI ĐUA YÊU NƯỚC … NĂM 2026`): the second line, right under the first, goes on with it
    when both are in capitals and the first reports an event and ends with no punctuation."""
    if not candidates or not _adjacent(text, prev_end, a):
        return None
    first = candidates[-1][2]
    if not (first.isupper() and s.isupper()) or first[-1] in ".:;!?)\"”":
        return None
    if not vocab_re("event_word").search(first):
        return None
    return f"{first} {s}"


_SLUG_WORD = re.compile(r"[a-z0-9]+")


def _slug_headline(line: str, url: str | None) -> bool:
    """The first line, full-stopped like a sentence, is the headline all the same when the
    page's address spells it (`/TinTuc/615/Le-ky-ket-giao-uoc-thi-dua-…`): a CMS makes the
    slug from the headline. At least six words of the slug, in order, open the line."""
    if not url:
        return False
    seg = url.split("?")[0].rstrip("/").rsplit("/", 1)[-1]
    seg = re.sub(r"\.(?:html?|aspx?|php)$", "", seg, flags=re.IGNORECASE)
    words = _SLUG_WORD.findall(fold(seg))
    while words and words[-1].isdigit() and len(words[-1]) >= 5:
        words.pop()             # the CMS's id glued to the slug (`…-ky-giao-54718010`)
    if len(words) < 6:
        return False
    return _SLUG_WORD.findall(fold(line))[:len(words)] == words


# a sentence break inside a line (`… năm 2023. Theo đó, …`): a lead, not a headline
_INNER_SENTENCE = re.compile(r"[.!?]\s+[A-ZĐ]")


def _dotted_headline(text: str, line: str, end: int) -> bool:
    """`Tòa án nhân dân tỉnh X tham gia Lễ Ký giao ước thi đua Khối.` and then the date line:
    some sites close the headline with a full stop. The first line of the page, one sentence
    standing alone with the page's date line right under it, is the headline all the same (a
    lead's sentence runs on into the body, it is not followed by a date line)."""
    s = line.strip()
    if not _SENTENCE_END.search(s) or len(s) > 200 or _INNER_SENTENCE.search(s) \
            or not s[0].isupper() or _LEAD_TAG.match(s) or _DATE_OPENING.match(s):
        return False
    for _a, _b, nxt in iter_lines(text, end):
        if nxt.strip():
            dl = parse_date_line(nxt)
            return bool(dl is not None and dl.iso) or _byline_date(nxt) is not None
    return False


def _byline_date(line: str) -> tuple[str, str] | None:
    """A header line that is a date with its label or byline (page_dates.line_date), but
    not a sentence of the lead that happens to hold a date."""
    if _is_body(line) or _DATE_OPENING.match(line.strip()):
        return None
    return line_date(squash_spaces(line))


def _skip_newlines(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in "\r\n":
        pos += 1
    return min(pos, len(text))


@Language.factory("thidua_context")
def make_component(nlp, name):
    def component(doc):
        ctx = doc._.ctx
        title, span, published, body_start = analyse_header(ctx.text, ctx.url)
        ctx.title = ctx.given_title or title
        ctx.title_span = span if (ctx.given_title is None or ctx.given_title == title) else None
        ctx.published = ctx.given_published or published
        ctx.body_start = body_start
        ctx.body_end = body_end(ctx.text, body_start)
        resolve_province(ctx)
        resolve_year(ctx)
        return doc
    return component
