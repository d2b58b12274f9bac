"""Site furniture: the lines of a page that are not the article (menus, counters, tails).

The vocabulary lives in data/furniture.txt (lines that are chrome) and
data/furniture_tail.txt (lines after which only related news, comments and counters
follow). headline.py skips furniture above the title, figures.py takes no figure from
furniture, page.py drops it from the text it returns.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from .textnorm import nfc


def read_vocab(name: str) -> list[str]:
    """Lines of data/<name>, without comments and blank lines, NFC."""
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(nfc(line))
    return out


def read_sections(name: str) -> dict[str, list[str]]:
    """A data file split by `[section]` headers."""
    sections: dict[str, list[str]] = {}
    current = sections.setdefault("", [])
    for line in read_vocab(name):
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        else:
            current.append(line)
    return sections


@lru_cache(maxsize=1)
def _line_re() -> re.Pattern:
    return re.compile("(?:" + "|".join(f"(?:{p})" for p in read_vocab("furniture.txt")) + ")",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def _tail_re() -> re.Pattern:
    return re.compile("(?:" + "|".join(f"(?:{p})" for p in read_vocab("furniture_tail.txt")) + ")",
                      re.IGNORECASE)


def _clean(line: str) -> str:
    # str.split() already breaks on NBSP; only the zero-width space needs replacing
    if "\u200b" in line:
        line = line.replace("\u200b", " ")
    return " ".join(line.split()).strip(" \t|•·-–—»>*■▪►◆")  # bullets some sites put before a line


def is_furniture(line: str) -> bool:
    """Is this whole line site chrome (`Skip Ribbon Commands`, `Số lượt xem: 351`)?"""
    line = _clean(line)
    return not line or bool(_line_re().fullmatch(line))


def is_tail_marker(line: str) -> bool:
    """Does this line open the page's tail (`Các tin khác`, `Ý kiến bạn đọc`)?"""
    line = _clean(line)
    return bool(line) and len(line) < 60 and bool(_tail_re().fullmatch(line))


def iter_lines(text: str, start: int = 0, end: int | None = None):
    """(start, end, line) for each line of text[start:end], offsets into `text`."""
    end = len(text) if end is None else end
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        yield pos, stop, text[pos:stop]
        pos = stop + 1


def body_end(text: str, start: int = 0) -> int:
    """Where the page's tail starts (the first tail marker after `start`), else len(text).

    A closing byline just above it (`Ngọc Trâm (Văn phòng Thanh tra tỉnh)`, `Tin, ảnh: X -
    Trung tâm Truyền thông tỉnh`) is left out too: the body it names is the author's, not
    one the article reports on (ANNOTATION: not bylines)."""
    end = len(text)
    for a, _b, line in iter_lines(text, start):
        if is_tail_marker(line):
            end = a
            break
    last = None
    for a, _b, line in iter_lines(text, start, end):
        if line.strip() and not is_furniture(line):
            last = (a, line)
    if last is not None and last[0] > start and is_closing_byline(last[1]):
        return last[0]
    return end


# `Tin, ảnh:`, `Bài và ảnh:`, `Tác giả:` before a byline's names
_BYLINE_LABEL = re.compile(r"^(?:(?:tin|bài|ảnh|video|clip)(?:\s*(?:,|và|-)\s*(?:ảnh|bài|video|clip))?"
                           r"|tác giả|nhóm phóng viên|pv|ctv)\s*:\s*", re.IGNORECASE)
_BYLINE_TAIL = re.compile(r"\s*(?:\(([^()]{2,80})\)|[-–—]\s+(.{2,80}))$")
_NAME_SPLIT = re.compile(r"\s*(?:,|\bvà\b|[-–—]|&)\s*")
_HONORIFIC = re.compile(r"^(?:ông|bà|đồng chí|đ/c|anh|chị|đại tá|thượng tá|trung tá)$", re.IGNORECASE)


def _name_like(part: str) -> bool:
    words = part.split()
    if not 1 <= len(words) <= 4 or _HONORIFIC.match(words[0]):
        return False
    if _site_head().match(part):
        return False   # `Cục Thuế Hà Nội`, `Sở Y Tế`: a body, not an author
    return all(w[0].isupper() and not any(ch.isdigit() for ch in w) for w in words)


@lru_cache(maxsize=1)
def _site_head() -> re.Pattern:
    heads = read_sections("page_vocab.tsv").get("site_head", [])
    return re.compile(r"(?:" + "|".join(f"(?:{h})" for h in heads) + r")\b", re.IGNORECASE)


def is_closing_byline(line: str) -> bool:
    """Is this short line an author's byline (names, perhaps their unit or agency)?"""
    s = _clean(line)
    if not s or len(s.split()) > 16 or s.endswith((".", ":", ";", "?", "!")):
        return False
    s = _BYLINE_LABEL.sub("", s)
    labelled = s != _clean(line)
    tail = _BYLINE_TAIL.search(s)
    names = s[:tail.start()] if tail else s
    if tail and tail.group(2) and not labelled and not _site_head().match(tail.group(2)):
        return False   # `Nguyễn Văn A - Chánh Thanh tra tỉnh`: a person with a post
    if tail is None and not labelled:
        return False   # a bare name (`Thu Trang`) names no body: nothing to leave out
    parts = [p for p in _NAME_SPLIT.split(names) if p]
    return bool(parts) and all(_name_like(p) for p in parts)
