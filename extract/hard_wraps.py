"""Sentences of a page stored with its lines wrapped at a fixed width.

Such a page breaks a sentence mid-phrase wherever its width fell: `… cho đơn vị Ủy ban MTTQ\\nViệt
Nam huyện X …`, `… năm 2023 là\\nUBMTTQVN huyện Y (Cụm trưởng)`. sentences.py joins the breaks
before a lower-case word; before a capital a break may also end a headline or a caption, so it is
joined here only after a full-width line (one of a paragraph's, not a headline's or a caption's),
for the stages that read a whole sentence's roles and awards.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .sentences import sentence_of

WRAP_WIDTH = 60


# a page is stored wrapped when several of its line breaks fall between two words of one phrase
# (`Tại hội\nnghị`, `báo\ncáo`): only then is a break before a capital read as a wrap (a page of
# whole paragraphs ends its captions and headlines with a bare line break)
_LINE_BREAK = re.compile(r"(?<=\w)\n(?=\w)")
_MIN_WRAPS = 3


@lru_cache(maxsize=4)
def _wrapped_page(text: str) -> bool:
    return sum(text[m.end()].islower() for m in _LINE_BREAK.finditer(text)) >= _MIN_WRAPS


def _wrap(text: str, end: int, nxt: int) -> bool:
    """Is the break between a span ending at `end` and the next starting at `nxt` a hard wrap?"""
    if text[end:nxt] != "\n" or not text[end - 1:end].isalnum() or end - text.rfind("\n", 0, end) - 1 < WRAP_WIDTH:
        return False
    return _wrapped_page(text)


def wrapped_sentence(text: str, spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    """The sentence at `pos`, gone on over hard wraps on both sides."""
    s0, e0 = sentence_of(spans, pos)
    if s0 == e0:
        return s0, e0
    i = spans.index((s0, e0))
    j = i
    while i > 0 and _wrap(text, spans[i - 1][1], spans[i][0]):
        i -= 1
    while j + 1 < len(spans) and _wrap(text, spans[j][1], spans[j + 1][0]):
        j += 1
    return spans[i][0], spans[j][1]
