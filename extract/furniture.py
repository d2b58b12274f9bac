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
    """Where the page's tail starts (the first tail marker after `start`), else len(text)."""
    for a, _b, line in iter_lines(text, start):
        if is_tail_marker(line):
            return a
    return len(text)
